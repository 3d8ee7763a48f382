"""Units we recognise in news text, and their conversion to SI through pint.

We never hand arbitrary words to pint's parser: pint happily reads "pm" as
picometres, "mix" as a mile prefix game, "min" as arc-minutes in some contexts.
Instead a closed table maps the surface forms journalists write ("kph",
"kilometres", "lbs", "sq km") to a pint expression chosen by us; pint only does
the arithmetic.  The registry is built once per process.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pint

# The speed of sound behind "Mach N" and "N times the speed of sound".  pint has
# no such unit.  We take 343 m/s (dry air, 20 °C, sea level), the figure most
# press conversions use (1,235 km/h, 767 mph); ISA's 340.3 m/s differs by <1%,
# well inside the rounding tolerance of any "Mach 10" a reporter writes.
SPEED_OF_SOUND_M_S = 343.0


@functools.lru_cache(maxsize=1)
def get_ureg() -> pint.UnitRegistry:
    """The process-wide registry, with our Mach definition added."""
    ureg: pint.UnitRegistry = pint.UnitRegistry()
    ureg.define(f"mach = {SPEED_OF_SOUND_M_S} * meter / second")
    return ureg


@dataclass(frozen=True)
class UnitInfo:
    name: str  # normalized name stored in Quantity.value.unit
    pint_expr: str  # what pint converts from
    # length | mass | speed | time | area | volume | temperature | percent | magnitude |
    # power | energy | frequency | pressure | data | data_rate | charge | torque, or
    # one of the named dimensions below (no SI unit: kept as written)
    dimension: str


# SI symbol we normalize each dimension to.
SI_UNIT: dict[str, str] = {
    "length": "m",
    "mass": "kg",
    "speed": "m/s",
    "time": "s",
    "area": "m^2",
    "volume": "m^3",
    "temperature": "K",
    "percent": "%",
    "magnitude": "1",  # earthquake magnitude: a number on a log scale, no unit
    "power": "W",
    "energy": "J",
    "frequency": "Hz",
    "pressure": "Pa",
    "data": "B",  # bytes; "Mbps" rates are in bits and stay apart (data_rate)
    "data_rate": "bit/s",
    "charge": "C",  # battery capacity: 1 mAh = 3.6 C
    "torque": "N*m",
    # Named units with no SI dimension: compared only with themselves.
    "point": "point",  # index points ("the FTSE 100 fell 50 points"), scores
    "basis_point": "bp",
    "percentage_point": "pp",
    "cent": "cent",  # which currency's cent the text rarely says
    "pence": "GBP",  # 50p is £0.50, and compares with sums in pounds
    "degree": "degree",  # temperature or angle: the text does not say
    "fuel_economy": "mpg",
    "lbft": "lbft",  # torque in pound-feet (kept apart: no SI conversion needed yet)
}
_SI_PINT: dict[str, str] = {
    "length": "meter",
    "mass": "kilogram",
    "speed": "meter / second",
    "time": "second",
    "area": "meter ** 2",
    "volume": "meter ** 3",
    "temperature": "kelvin",
    "power": "watt",
    "energy": "joule",
    "frequency": "hertz",
    "pressure": "pascal",
    "data": "byte",
    "data_rate": "bit / second",
    "charge": "coulomb",
    "torque": "newton * meter",
}
# Named units: value as written times this factor gives the normalized value.
_NAMED_FACTOR: dict[str, float] = {"pence": 0.01}


def _u(name: str, expr: str, dim: str, *surfaces: str) -> dict[str, UnitInfo]:
    info = UnitInfo(name, expr, dim)
    return {s: info for s in surfaces}


# Surface form (lower case) -> unit.  Ambiguous short forms are left out on
# purpose: "in" (inch), "h", "s", "pm", "nm", "min" is kept only as minutes.
UNITS: dict[str, UnitInfo] = {
    **_u("km", "kilometer", "length", "km", "kms", "kilometre", "kilometres", "kilometer",
         "kilometers"),
    **_u("m", "meter", "length", "m", "metre", "metres", "meter", "meters"),
    **_u("cm", "centimeter", "length", "cm", "centimetre", "centimetres", "centimeter",
         "centimeters"),
    **_u("mm", "millimeter", "length", "mm", "millimetre", "millimetres", "millimeter",
         "millimeters"),
    **_u("mi", "mile", "length", "mile", "miles", "mi"),
    **_u("nmi", "nautical_mile", "length", "nautical mile", "nautical miles"),
    **_u("ft", "foot", "length", "ft", "foot", "feet"),
    **_u("yd", "yard", "length", "yd", "yds", "yard", "yards"),
    **_u("inch", "inch", "length", "inch", "inches"),
    **_u("kg", "kilogram", "mass", "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"),
    **_u("g", "gram", "mass", "g", "gram", "grams", "gramme", "grammes"),
    # "tons" in international news is usually metric; a short ton is 9% lighter,
    # which the comparison's tolerance does not hide.  Documented in docs/claims.md.
    **_u("t", "tonne", "mass", "t", "tonne", "tonnes", "ton", "tons", "metric ton",
         "metric tons"),
    **_u("lb", "pound", "mass", "lb", "lbs", "pound", "pounds"),
    **_u("km/h", "kilometer / hour", "speed", "kph", "km/h", "kmh", "km/hr", "kmph",
         "kilometres per hour", "kilometers per hour", "kilometres an hour",
         "kilometers an hour"),
    **_u("mph", "mile / hour", "speed", "mph", "miles per hour", "miles an hour"),
    **_u("m/s", "meter / second", "speed", "m/s", "metres per second", "meters per second"),
    # "kt" is left out: knots or kilotonnes, the text rarely says which.
    **_u("kn", "knot", "speed", "knots", "knot"),
    **_u("mach", "mach", "speed", "times the speed of sound", "times faster than sound"),
    **_u("s", "second", "time", "second", "seconds", "sec", "secs"),
    **_u("min", "minute", "time", "minute", "minutes", "min", "mins"),
    **_u("h", "hour", "time", "hour", "hours", "hr", "hrs"),
    **_u("d", "day", "time", "day", "days"),
    **_u("wk", "week", "time", "week", "weeks"),
    **_u("month", "month", "time", "month", "months"),
    **_u("yr", "year", "time", "year", "years"),
    **_u("km^2", "kilometer ** 2", "area", "sq km", "sq. km", "km2", "km²",
         "square kilometres", "square kilometers", "square km"),
    **_u("mi^2", "mile ** 2", "area", "sq mi", "sq miles", "square miles", "square mile"),
    **_u("m^2", "meter ** 2", "area", "m2", "m²", "square metres", "square meters",
         "sq m"),
    **_u("ha", "hectare", "area", "hectare", "hectares", "ha"),
    **_u("acre", "acre", "area", "acre", "acres"),
    **_u("m^3", "meter ** 3", "volume", "cubic metres", "cubic meters", "cubic metre",
         "cubic meter", "cu m", "m3", "m³"),
    # "bcm" (billion cubic metres) is how gas volumes are written: 1 bcm = 1 km³.
    **_u("km^3", "kilometer ** 3", "volume", "cubic kilometres", "cubic kilometers",
         "cubic kilometre", "cubic kilometer", "km3", "km³", "bcm"),
    **_u("ft^3", "foot ** 3", "volume", "cubic feet", "cubic foot", "cu ft", "cu. ft", "ft3",
         "ft³"),
    **_u("L", "liter", "volume", "litre", "litres", "liter", "liters"),
    **_u("bbl", "oil_barrel", "volume", "barrel", "barrels", "bbl"),
    # Temperatures need a scale: "38C", "38°C", "100 degrees Fahrenheit".  A bare
    # "100 degrees" (temperature or angle?) is no figure at all.
    **_u("degC", "degree_Celsius", "temperature", "°c", "degrees celsius", "degree celsius",
         "degrees centigrade", "degrees c", "celsius", "centigrade", "c"),
    **_u("degF", "degree_Fahrenheit", "temperature", "°f", "degrees fahrenheit",
         "degree fahrenheit", "degrees f", "fahrenheit"),
    **_u("%", "percent", "percent", "%", "percent", "per cent", "pc"),
    **_u("pp", "", "percentage_point", "percentage points", "percentage point"),
    **_u("bp", "", "basis_point", "basis points", "basis point", "bps"),
    **_u("point", "", "point", "points", "point", "pts"),
    # Smaller units the NewsQuant error analysis found in business, tech and science
    # copy.  Each is pint's own unit; "calories" on a label are kilocalories.
    **_u("mg", "milligram", "mass", "mg", "milligram", "milligrams"),
    # "nm" alone stays out (nanometres, nautical miles or newton-metres): words only.
    **_u("nm", "nanometer", "length", "nanometre", "nanometres", "nanometer", "nanometers"),
    **_u("μm", "micrometer", "length", "μm", "µm", "micron", "microns", "micrometre",
         "micrometres", "micrometer", "micrometers"),
    **_u("mL", "milliliter", "volume", "ml", "millilitre", "millilitres", "milliliter",
         "milliliters"),
    **_u("W", "watt", "power", "w", "watt", "watts"),
    **_u("kW", "kilowatt", "power", "kw", "kilowatt", "kilowatts"),
    **_u("MW", "megawatt", "power", "mw", "megawatt", "megawatts"),
    **_u("GW", "gigawatt", "power", "gw", "gigawatt", "gigawatts"),
    **_u("hp", "horsepower", "power", "hp", "horsepower"),
    # brake horsepower is horsepower measured at the crankshaft: same unit, kept as written
    **_u("bhp", "horsepower", "power", "bhp", "brake horsepower"),
    **_u("kWh", "kilowatt_hour", "energy", "kwh", "kilowatt-hour", "kilowatt-hours",
         "kilowatt hour", "kilowatt hours"),
    **_u("MWh", "megawatt_hour", "energy", "mwh", "megawatt-hour", "megawatt-hours",
         "megawatt hour", "megawatt hours"),
    **_u("GWh", "gigawatt_hour", "energy", "gwh", "gigawatt-hour", "gigawatt-hours",
         "gigawatt hour", "gigawatt hours"),
    **_u("TWh", "terawatt_hour", "energy", "twh", "terawatt-hour", "terawatt-hours",
         "terawatt hour", "terawatt hours"),
    **_u("kcal", "kilocalorie", "energy", "kcal", "calorie", "calories", "kilocalorie",
         "kilocalories"),
    **_u("Hz", "hertz", "frequency", "hz", "hertz"),
    **_u("kHz", "kilohertz", "frequency", "khz", "kilohertz"),
    **_u("MHz", "megahertz", "frequency", "mhz", "megahertz"),
    **_u("GHz", "gigahertz", "frequency", "ghz", "gigahertz"),
    **_u("GPa", "gigapascal", "pressure", "gpa", "gigapascal", "gigapascals"),
    **_u("MPa", "megapascal", "pressure", "mpa", "megapascal", "megapascals"),
    **_u("kPa", "kilopascal", "pressure", "kpa", "kilopascal", "kilopascals"),
    **_u("KB", "kilobyte", "data", "kb", "kilobyte", "kilobytes"),
    **_u("MB", "megabyte", "data", "mb", "megabyte", "megabytes"),
    **_u("GB", "gigabyte", "data", "gb", "gigabyte", "gigabytes"),
    **_u("TB", "terabyte", "data", "tb", "terabyte", "terabytes"),
    **_u("Mbps", "megabit / second", "data_rate", "mbps", "mbit/s", "mb/s"),
    **_u("Gbps", "gigabit / second", "data_rate", "gbps", "gbit/s", "gb/s"),
    **_u("mAh", "milliampere * hour", "charge", "mah"),
    **_u("Nm", "newton * meter", "torque", "nm", "newton-metres", "newton-meters",
         "newton metres", "newton meters"),
    **_u("cent", "", "cent", "cents", "cent", "¢"),
    **_u("p", "", "pence", "p", "pence", "penny"),
    # A bare "18 degrees" is a temperature or an angle: kept under its own name,
    # compared only with itself and never with kelvins.
    **_u("degree", "", "degree", "degree", "degrees", "°"),
    **_u("mpg", "", "fuel_economy", "mpg", "miles per gallon", "mile per gallon"),
    **_u("lbft", "", "lbft", "lb-ft", "pound-feet", "pound-foot", "foot-pounds"),
    # Metric horsepower (Pferdestärke), written after the number: "300 PS".
    **_u("PS", "metric_horsepower", "power", "ps"),
}
# Short forms that are ambiguous unless glued to the digits ("480kg" is fine
# either way, but "5 g" or "5 pc" is not worth the risk).
_GLUED_ONLY = {"g", "pc", "c", "w", "p", "bps", "pts"}
# Glued short forms that must also be written in capitals ("38C", not "10c" cents).
# A glued "F" is left out: "Boeing 777F" is a freighter, not 777 °F.
_UPPER_ONLY = {"c", "w"}
# Short forms that mean something else in another case: "Nm" (newton-metres) is
# not "nm" (nanometres or nautical miles), "50p" (pence) is not "50P".
# A glued capital "G" is a generation ("5G"), never grams.
# Nor is a glued "M" metres: "4.3M sales" are millions.
_EXACT_CASE = {"nm": "Nm", "p": "p", "mah": "mAh", "g": "g", "m": "m", "ps": "PS"}

# Currency symbols and words -> ISO code.  We never convert between currencies.
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "$us": "USD", "a$": "AUD", "$a": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "r$": "BRL", "nt$": "TWD",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₩": "KRW",
    "₴": "UAH", "rm": "MYR", "rs": "INR", "rs.": "INR",
}
# ISO 4217 codes written before ("USD 10m", "AUD1.5m") or after ("10m USD") a sum.
CURRENCY_CODES = frozenset({
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "AUD", "CAD", "HKD", "SGD", "NZD", "CHF",
    "INR", "MYR", "RUB", "KRW", "UAH", "BRL", "ZAR", "SEK", "NOK", "DKK", "TWD", "THB",
    "IDR", "MXN", "TRY", "AED", "SAR", "NGN", "PLN",
})
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "gbp": "GBP", "sterling": "GBP", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "rub": "RUB", "yuan": "CNY", "renminbi": "CNY",
    "yen": "JPY", "rupee": "INR", "rupees": "INR", "won": "KRW", "hryvnia": "UAH",
    "hryvnias": "UAH", "ringgit": "MYR", "aud": "AUD", "cad": "CAD", "jpy": "JPY",
    "cny": "CNY", "hkd": "HKD", "sgd": "SGD", "chf": "CHF", "inr": "INR", "myr": "MYR",
    # Country-qualified names: "10.5 million Australian dollars" is not USD.
    "us dollars": "USD", "u.s. dollars": "USD", "australian dollars": "AUD",
    "australian dollar": "AUD", "canadian dollars": "CAD", "canadian dollar": "CAD",
    "new zealand dollars": "NZD", "new zealand dollar": "NZD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "taiwan dollars": "TWD", "chinese yuan": "CNY",
    "japanese yen": "JPY", "danish crowns": "DKK", "danish kroner": "DKK", "kroner": "DKK",
    "swedish crowns": "SEK", "swedish kronor": "SEK", "kronor": "SEK",
    "norwegian crowns": "NOK", "norwegian kroner": "NOK", "swiss francs": "CHF",
    "swiss franc": "CHF", "shekel": "ILS", "shekels": "ILS", "pounds sterling": "GBP",
    "indian rupees": "INR", "kuna": "HRK", "rand": "ZAR", "zloty": "PLN",
}


def _alternation(forms: list[str]) -> str:
    # Longest first so "miles per hour" wins over "miles".
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


# A unit right after a number: optional space or hyphen ("40-kilometre"), then a
# form that ends at a word boundary (so "mix" is never "mi" + "x").
UNIT_RE = re.compile(
    r"[ \u00a0-]?(?P<unit>" + _alternation(list(UNITS)) + r")(?![A-Za-z0-9²]|-[A-Za-z])",
    re.IGNORECASE,
)
CURRENCY_WORD_RE = re.compile(
    r" (?P<cur>" + _alternation(list(CURRENCY_WORDS)) + r")(?![A-Za-z])", re.IGNORECASE
)


MACH = UnitInfo("mach", "mach", "speed")  # "Mach 10": the unit is written before
# "magnitude 5.9", "6.1-magnitude", "M6.8": dimensionless, compared as written.
MAGNITUDE = UnitInfo("magnitude", "", "magnitude")


def match_unit(text: str, pos: int) -> tuple[UnitInfo, int] | None:
    """The unit starting at ``pos`` (right after a number), with its end offset."""
    m = UNIT_RE.match(text, pos)
    if m is None:
        return None
    surface = m.group("unit").lower()
    glued = m.start("unit") == pos
    if surface in _GLUED_ONLY and not glued:
        return None
    if surface in _UPPER_ONLY and not m.group("unit").isupper():
        return None
    if surface in _EXACT_CASE and m.group("unit") != _EXACT_CASE[surface]:
        return None
    return UNITS[surface], m.end()


def to_si(value: float, unit: UnitInfo) -> float:
    """``value`` in ``unit`` expressed in the dimension's SI unit."""
    if unit.dimension in ("percent", "magnitude"):
        return value
    if not unit.pint_expr:  # a named unit: kept as written (pence become pounds)
        return value * _NAMED_FACTOR.get(unit.dimension, 1.0)
    ureg = get_ureg()
    if unit.dimension == "temperature":  # offset scales: convert the point, not a delta
        return float(ureg.Quantity(value, unit.pint_expr).to("kelvin").magnitude)
    q = ureg.Quantity(value, unit.pint_expr).to(_SI_PINT[unit.dimension])
    return float(q.magnitude)


def si_unit(unit: UnitInfo) -> str:
    return SI_UNIT[unit.dimension]
