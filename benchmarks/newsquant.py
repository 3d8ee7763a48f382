"""Quantity extraction on NewsQuant (CQE, EMNLP 2023): Storyline's figures vs the gold.

    python benchmarks/newsquant.py --data DIR [--predictions FILE] [--limit N]

``DIR`` has the layout of ``../shared/benchmarks/newsquant/``: one JSON array
(``NewsQuant.json``, or the folder's only ``*.json``) of
``{"text", "quantities": [{"value", "unit", "normalized_unit", "change", ...}]}``.

**Metric** (written from the data set's README, not copied from the authors'
script): micro precision / recall / F1 over quantities, counted across all
sentences; P = correct / predicted, R = correct / gold.  Within a sentence each
gold quantity is paired with at most one prediction and each prediction with at
most one gold quantity, greedily (gold in order, first unused prediction that
fits).  Each metric does its own pairing:

* ``value``: the numbers agree within ``|gold - pred| <= 1e-8 + 1e-5 * |pred|``
  (numpy's ``isclose`` defaults, as upstream); a range (``"low-high"``) matches
  only a range with both ends equal.
* ``value+unit``: value, and the normalised unit strings are equal ignoring case.
* ``value+change``: value, and the change labels (``= ~ < > up down``) are equal.

(The authors' script is looser than its description: it counts a value hit for
every value-matching prediction it meets before the unit-matching one, capped
per sentence, and a change hit for each of them uncapped.  We score the
one-to-one version the README states; upstream can only count as many hits or more.)

**Conversion of our figures** (``storyline.model.Quantity``) to the data set's
conventions, in :func:`to_newsquant`:

* each side of a conversion is its own quantity: a Quantity and each of its
  ``alternates`` are separate predictions (an alternate shares the figure's change);
* the value is ``value`` as written (scale words applied); an open interval
  (``up to``, ``more than``) gives its closed end; a range is ``"low-high"``;
* vague amounts follow the data set: ``dozens of`` 12-120, ``hundreds of``
  100-1000, ``thousands of`` 1000-10000, ``tens of thousands of`` 1e4-1e5,
  ``millions of`` 1e6-1e7 (one order of magnitude from the base); ``several``,
  ``a few``, ``a couple``, ``a handful`` are not annotated there and are dropped;
* ``normalized_unit`` comes from :data:`UNIT_NAMES` (our ``value.unit`` → their
  vocabulary), :data:`CURRENCY_NAMES` for money (``USD/barrel`` → ``dollar per
  barrel``), and the counted noun's lemma for counts (``13 people`` → ``people``);
* a count's unit is the counted noun phrase as written between number and noun,
  head as lemma (``five profile slots`` → ``profile slot``), as the data set names it;
* a rate written after the figure joins the unit (``$3,500 a month`` → ``dollar per
  month``, ``325,000 barrels per day`` → ``barrel per day``, ``63 cents per share``);
* a change written "from A to B" (also "to B from A", and "from 4.8 to 4.7 percent"
  with a bare first number) is one quantity ``"A-B"``, as the data set writes it
  (even when B < A); our figures keep A and B apart;
* ``change`` from the words before the figure: a rise/fall verb or sign right
  before it (``rose 6.5%``, ``down 2.1%``, ``+0.2%``, ``fell by 3``) gives ``up`` /
  ``down``; otherwise the qualifier: up to / at most / less than → ``<``, more
  than / at least → ``>``, about / around / approximately / roughly / some /
  nearly / almost / estimated → ``~``; anything else ``=`` (the README's default).

The last line printed is one JSON object: ``value_f1``, ``value_unit_f1``,
``value_change_f1`` in % like the published table (and precision / recall / counts).  The scoring
functions are importable (the floor test loads this file by path).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "benchmarks" / "newsquant"

RTOL, ATOL = 1e-5, 1e-8
METRICS = ("value", "value_unit", "value_change")

# Published value+unit F1 on the full 590-sentence set (README of the data set).
PUBLISHED = {
    "CQE": {"value": 92.0, "value_unit": 85.6, "value_change": 88.1},
    "quantulum3": {"value": 73.0, "value_unit": 47.2},
}

# ------------------------------------------------------------------ mapping

# Our ``Interval.unit`` as written (storyline/nlp/units.py) → NewsQuant's
# ``normalized_unit``.  Units we have that the dev set never uses keep the
# name CQE's unit dictionary gives them (British spelling, singular).
UNIT_NAMES: dict[str, str] = {
    # length
    "km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre",
    "mi": "mile", "nmi": "nautical mile", "ft": "foot", "yd": "yard", "inch": "inch",
    # mass
    "kg": "kilogram", "g": "gram", "t": "tonne", "lb": "pound-mass",
    # speed
    "km/h": "kilometre per hour", "mph": "mile per hour", "m/s": "metre per second",
    "kn": "knot", "mach": "mach",
    # time
    "s": "second", "min": "minute", "h": "hour", "d": "day", "wk": "week",
    "month": "month", "yr": "year",
    # area
    "km^2": "square kilometre", "mi^2": "square mile", "m^2": "square metre",
    "ha": "hectare", "acre": "acre",
    # volume
    "m^3": "cubic metre", "km^3": "cubic kilometre", "ft^3": "cubic foot", "L": "litre",
    "bbl": "barrel",
    # others
    "degC": "celsius", "degF": "fahrenheit", "%": "percentage", "magnitude": "magnitude",
    # power, energy, frequency, data, electric charge (storyline/nlp/units.py names)
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt",
    "kWh": "kilowatt hour", "MWh": "megawatt hour", "GWh": "gigawatt hour",
    "TWh": "terawatt hour", "hp": "horsepower", "bhp": "brake horsepower",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz",
    "kB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte",
    "Mbps": "megabit per second", "Gbps": "gigabit per second",
    "mAh": "milliampere-hour", "mg": "milligram", "nm": "nanometre", "mL": "millilitre",
    "μm": "micrometre",
    "GPa": "gigapascal", "kcal": "kilocalorie", "Nm": "newton metre",
    # named units without an SI dimension
    "point": "point", "bp": "basis point", "pp": "percentage point", "cent": "cent",
    # share prices in pence ("164p"): the data set names them points
    "p": "point",
    "degree": "degree", "mpg": "mile per gallon", "PS": "horsepower", "lbft": "foot pound-force",
}
# Counted "nouns" that are units missing from storyline/nlp/units.py ("296 hp",
# "4500 mAh"): we report them as counts; the data set names them as units.
COUNT_UNIT_NAMES: dict[str, str] = {
    "hp": "horsepower", "bhp": "brake horsepower", "ps": "horsepower",
    "w": "watt", "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt",
    "kwh": "kilowatt hour", "mwh": "megawatt hour", "gwh": "gigawatt hour",
    "hz": "hertz", "khz": "kilohertz", "mhz": "megahertz", "ghz": "gigahertz",
    "kb": "kilobyte", "mb": "megabyte", "gb": "gigabyte", "tb": "terabyte",
    "mbps": "megabit per second", "gbps": "gigabit per second",
    "mah": "milliampere-hour", "ppm": "parts-per-million", "ppb": "parts-per-billion",
    "rpm": "revolutions per minute", "mpg": "mile per gallon", "μm": "micrometre",
    "micron": "micrometre", "mg": "milligram", "ml": "millilitre", "db": "decibel",
    "gigatonne": "gigaton", "gigaton": "gigaton", "calorie": "calorie",
    "kcal": "kilocalorie", "gpa": "gigapascal", "kv": "kilovolt", "v": "volt",
}
# ISO code (our money unit) → NewsQuant's currency name.
CURRENCY_NAMES: dict[str, str] = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
    "CNY": "chinese yuan", "AUD": "australian dollar", "CAD": "canadian dollar",
    "HKD": "hong kong dollar", "INR": "indian rupee", "RUB": "russian ruble",
    "KRW": "south korean won", "UAH": "ukrainian hryvnia", "MYR": "malaysian ringgit",
    "SGD": "singapore dollar", "NZD": "new zealand dollar", "ILS": "shekel",
    "CHF": "swiss franc", "DKK": "danish krone", "SEK": "swedish krona",
    "NOK": "norwegian krone", "HRK": "croatian kuna", "TWD": "new taiwan dollar",
    "ZAR": "south african rand", "PLN": "polish zloty", "BRL": "brazilian real",
}
# The "per X" of a price (``USD/barrels`` → ``dollar per barrel``): plural → singular.
_PER_NAMES: dict[str, str] = {
    "megawatt-hour": "megawatt hour", "megawatt-hours": "megawatt hour",
    "kilowatt-hour": "kilowatt hour", "kilowatt-hours": "kilowatt hour",
    "gigawatt-hour": "gigawatt hour", "gigawatt-hours": "gigawatt hour",
    "mwh": "megawatt hour", "kwh": "kilowatt hour", "gwh": "gigawatt hour",
    "barrels": "barrel", "tonnes": "tonne", "tons": "tonne", "ton": "tonne",
    "litres": "litre", "liters": "litre", "liter": "litre", "gallons": "gallon",
    "ounces": "ounce", "shares": "share", "kilos": "kilogram", "kilo": "kilogram",
    "kilograms": "kilogram", "nights": "night", "heads": "head",
    # areas and energy as a price is quoted per them ("$80 per sq m", "$2.24 per mmBTU")
    "sq m": "square metre", "sqm": "square metre", "m2": "square metre",
    "square metre": "square metre", "square meter": "square metre",
    "sq ft": "square foot", "square foot": "square foot", "square feet": "square foot",
    "mmbtu": "mega british thermal unit", "btu": "british thermal unit",
}
# Vague amounts: our qualifier word → NewsQuant's (low, high), or None: not annotated.
VAGUE: dict[str, tuple[float, float] | None] = {
    "dozens": (12.0, 120.0), "scores": (20.0, 200.0), "hundreds": (100.0, 1000.0),
    "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9), "billions": (1e9, 1e10),
    "thousands": (1e3, 1e4), "tens of thousands": (1e4, 1e5),
    "hundreds of thousands": (1e5, 1e6), "millions": (1e6, 1e7),
    "several": None, "a few": None, "a couple": None, "a handful": None,
}
CHANGE_OF_QUALIFIER: dict[str, str] = {
    "up to": "<", "at most": "<", "less than": "<",
    "more than": ">", "at least": ">",
    "about": "~", "around": "~", "approximately": "~", "roughly": "~", "some": "~",
    "nearly": "~", "almost": "~", "estimated": "~",
}
_UP = (r"up|rose|rise|rises|rising|risen|gain|gains|gained|gaining|climb|climbs|climbed|"
       r"climbing|jump|jumps|jumped|jumping|advance|advances|advanced|advancing|increase|"
       r"increases|increased|increasing|grew|grow|grows|growing|surge|surges|surged|surging|"
       r"soar|soars|soared|soaring|added|adds|higher")
_DOWN = (r"down|fell|fall|falls|falling|drop|drops|dropped|dropping|decline|declines|declined|"
         r"declining|lost|lose|loses|losing|slid|slide|slides|sliding|slip|slips|slipped|"
         r"plunge|plunges|plunged|plunging|plummet|plummets|plummeted|plummeting|tumble|tumbles|"
         r"tumbled|tumbling|"
         r"sank|sink|sinks|decrease|decreases|decreased|decreasing|shed|sheds|eased|dip|dips|"
         r"dipped|lower|cut|cuts")
# A rate over time or per item written after the figure ("$3,500 a month",
# "40 to 50 hours a week", "325,000 barrels per day", "63 cents per share"): the data
# set folds it into the unit name ("dollar per month").
_PER_AFTER = re.compile(
    r"(?:\s+(?:per|a|an|each)\s+|-an?-)(?P<per>day|week|month|year|hour|night|share|"
    r"century|person|head|capita|gram|gallon|barrel)s?\b"
    r"(?!\s+(?:earlier|ago|later|before|after|on)\b)",
    re.IGNORECASE,
)
# A number word or numeral inside a count's span: what follows the last one is the
# counted noun phrase ("seven European countries" → "european country").
_NUMBER_WORD = re.compile(
    r"^(?:[\d.,]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion|trillion|dozen|dozens|hundreds|thousands|millions|of|a|an|b|bn|m|mn|mln)$",
    re.IGNORECASE,
)
_CHANGE_LEFT = re.compile(
    rf"(?:\b(?P<up>{_UP})|\b(?P<down>{_DOWN}))(?:\s+by)?\s+$|(?P<plus>\+)$|(?P<approx>[~≈])\s?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Pred:
    """One quantity in the data set's terms."""

    value: str
    unit: str
    normalized_unit: str
    change: str

    def to_dict(self) -> dict[str, str]:
        return {"value": self.value, "unit": self.unit,
                "normalized_unit": self.normalized_unit, "change": self.change}


def _fmt(x: float) -> str:
    return repr(float(x))


def format_value(low: float | None, high: float | None) -> str | None:
    """``"6.0"`` for a point (or an open interval's closed end), ``"1.0-1.5"`` for a range."""
    if low is None and high is None:
        return None
    if low is None or high is None or math.isclose(low, high, rel_tol=1e-12, abs_tol=0.0):
        return _fmt(low if low is not None else high)  # type: ignore[arg-type]
    return f"{_fmt(low)}-{_fmt(high)}"


def normalized_unit(unit: str, normalized: str) -> str:
    """Our ``value.unit`` (with ``normalized.unit`` telling counts apart) → their name."""
    if normalized == "count":
        # The counted noun's lemma ("people", "worker", "goal"), unless it is a unit
        # our table lacks that spaCy took for a noun ("296 hp", "120Hz", "64GB").
        if unit == "time":  # "3,200 times", "6.5 times earnings": a plain count
            return "count"
        return COUNT_UNIT_NAMES.get(unit.lower(), unit)
    if unit in UNIT_NAMES:
        return UNIT_NAMES[unit]
    code, _, per = unit.partition("/")
    if code in CURRENCY_NAMES or (per and code.isupper()):
        name = CURRENCY_NAMES.get(code, code.lower())
        if per:
            per = per.lower()
            return f"{name} per {_PER_NAMES.get(per, per)}"
        return name
    return unit


def change_of(text: str, start: int, qualifier: str | None, sentence_start: int = 0) -> str:
    """The data set's change label for a figure whose span starts at ``start``."""
    left = text[max(sentence_start, start - 30) : start]
    m = _CHANGE_LEFT.search(left)
    if m and (m.group("up") or m.group("plus")):
        return "up"
    if m and m.group("down"):
        return "down"
    if m and m.group("approx") and not qualifier:
        return "~"
    return CHANGE_OF_QUALIFIER.get(qualifier or "", "=")


def count_phrase(text: str, lemma: str) -> str:
    """The counted noun with the modifiers written between number and noun, as the data
    set names a count ("five profile slots" → "profile slot"), head as lemma."""
    words = re.findall(r"[\w'’-]+", text)
    last_number = max((i for i, w in enumerate(words) if _NUMBER_WORD.match(w)
                       or any(c.isdigit() for c in w)), default=-1)
    mods = [w.lower() for w in words[last_number + 1 : -1] if w.lower() not in ("and", "or")]
    head = words[-1] if words else ""
    if head[:1].isupper() and lemma == head.lower() and re.search(r"[^su]s$", lemma):
        lemma = lemma[:-1]  # spaCy keeps a capitalised plural ("Americans"); counts are singular
    return " ".join([*mods, lemma]) if len(mods) <= 3 else lemma


def per_suffix(text: str, end: int, unit: str) -> str:
    """``unit`` with a "per X" written after the figure, as the data set names rates."""
    m = _PER_AFTER.match(text, end)
    if m is None or " per " in unit:
        return unit
    return f"{unit} per {m.group('per').lower()}"


_FROM_LEFT = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s+to\s+$", re.IGNORECASE)
_TO_RIGHT = re.compile(r"\s+to\s+(?=[$€£¥]?\d)", re.IGNORECASE)
_TO_LEFT = re.compile(r"\bto\s+$", re.IGNORECASE)
# What may stand between the two figures of "from A … to B" (no clause break).
_GAP_TO = re.compile(r"^(?:[^.;,]|\.\d){0,40}?\s+to\s+$", re.IGNORECASE)
_BARE_FROM_LEFT = re.compile(r"\bfrom\s+(?P<n>\d[\d,]*(?:\.\d+)?)\s+to\s+$", re.IGNORECASE)


def _change_pairs(text: str, qs: Sequence[Any]) -> dict[int, tuple[float, int | None]]:
    """"dropping from 208 pounds to 193", "from $36,040 … to $34,935": the data set
    writes a change from A to B as one quantity "A-B" (even when B < A).  Maps the
    index of the "from" figure to B's value and to the index of B's figure (None
    when B is a bare number our extractor leaves out)."""
    from storyline.nlp import numbers as nb

    out: dict[int, tuple[float, int | None]] = {}
    for i, q in enumerate(qs):
        n = q.value
        if n.low is None or n.low != n.high:
            continue
        end = max([q.end] + [a.end for a in q.alternates])
        left = text[max(0, q.start - 30) : q.start]
        if not _FROM_LEFT.search(left[-8:]):
            if i + 1 < len(qs) and _TO_LEFT.search(left) and re.match(
                    r"^\s+from\s+$", text[end : qs[i + 1].start]) and (
                    qs[i + 1].value.unit == n.unit and qs[i + 1].value.low is not None):
                # "narrowed to 138,285 lots from 212,577 lots": from the second to the first
                out[i] = (-1.0, i + 1)
            continue
        if i + 1 < len(qs):
            nxt = qs[i + 1]
            gap = text[end : nxt.start]
            if _GAP_TO.match(gap) and nxt.value.unit == n.unit and nxt.value.low is not None:
                out[i] = (nxt.value.low, i + 1)
                continue
        tm = _TO_RIGHT.match(text, end)
        if tm:
            num = nb.number_at(text, tm.end())
            if num is not None:
                out[i] = (num.low, None)
    return out


def to_newsquant(annotated: Any, doc: Any = None) -> list[Pred]:
    """An ``AnnotatedArticle``'s quantities as NewsQuant predictions (alternates apart);
    with its spaCy ``doc``, also the figures claims leave out but the data set annotates
    (proportions, "one of the …", bare levels: ``storyline.nlp.loose_figures``)."""
    _import_storyline()
    text = annotated.article.text
    sents = annotated.sentences
    out: list[Pred] = []
    named: list[tuple[int, int, str]] = []  # each figure's span and unit name, in order
    pairs = _change_pairs(text, annotated.quantities)
    merged = {j for _, j in pairs.values() if j is not None}
    loose = _loose(doc, annotated.quantities) if doc is not None else []
    shares = [(f.start, f.end) for f in loose if f.kind == "proportion"]
    for i, q in enumerate(annotated.quantities):
        if i in merged or any(s <= q.start < e for s, e in shares):
            continue  # "three Germans" in "one out of three Germans" is part of a share
        sent_start = sents[q.sentence].start if q.sentence < len(sents) else 0
        change = change_of(text, q.start, q.qualifier, sent_start)
        for form in (q, *q.alternates):
            low, high = form.value.low, form.value.high
            if form.qualifier in VAGUE:
                bounds = VAGUE[form.qualifier]
                if bounds is None:
                    continue
                low, high = bounds
            value = format_value(low, high)
            if i in pairs and form is q and low is not None:
                other, j = pairs[i]
                if other == -1.0 and j is not None:  # written "to B from A"
                    value = f"{_fmt(annotated.quantities[j].value.low)}-{_fmt(low)}"
                else:
                    value = f"{_fmt(low)}-{_fmt(other)}"
            bare = _BARE_FROM_LEFT.search(text[max(0, q.start - 30) : q.start])
            if bare and form is q and low is not None and low == high:
                # "from 4.8 to 4.7 percent": the first number borrows the unit
                value = f"{_fmt(float(bare.group('n').replace(',', '')))}-{_fmt(low)}"
            if value is None:
                continue
            unit = normalized_unit(form.value.unit, form.normalized.unit)
            if q.attribute == "age":
                unit = "year of age"  # the data set's name for an age
            elif form.normalized.unit == "count" and unit == form.value.unit:
                unit = count_phrase(form.text, unit)
            if unit != "year of age":
                unit = per_suffix(text, form.end, unit)
            out.append(Pred(value, form.text, unit, change))
            if form is q:
                named.append((q.start, max([q.end] + [a.end for a in q.alternates]), unit))
    out += _loose_preds(text, loose, sents, named)
    return out


# A unit written once for two figures: "3.9 million headsets, up from 2.4 million",
# "280 million of the 1.5 billion shekels", "16369.03 up 58.06 points".
_ELIDED_AFTER = re.compile(r"^\s*,?\s*(?:(?:up|down)\s+)?(?:from|and|or|versus|vs\.?|against)\s+$",
                           re.IGNORECASE)
_ELIDED_BEFORE = re.compile(r"^\s+(?:up|down|of(?:\s+the)?|out\s+of(?:\s+the)?)\s+$",
                            re.IGNORECASE)


def _elided_unit(text: str, start: int, end: int, named: Sequence[tuple[int, int, str]]) -> str:
    """The unit a bare level shares with the figure written next to it, or "-"."""
    before = [n for n in named if n[1] <= start]
    after = [n for n in named if n[0] >= end]
    for cand, gap, rx in ((before[-1] if before else None, "b", _ELIDED_AFTER),
                          (after[0] if after else None, "a", _ELIDED_BEFORE)):
        if cand is None or cand[2] in ("percentage", "-"):
            continue
        between = text[cand[1] : start] if gap == "b" else text[end : cand[0]]
        if rx.match(between):
            return cand[2]
    return "-"


def _loose(doc: Any, qs: Sequence[Any]) -> list[Any]:
    from storyline.nlp.loose_figures import loose_figures

    return loose_figures(doc, [(f.start, f.end) for q in qs for f in (q, *q.alternates)])


def _loose_preds(text: str, loose: Sequence[Any], sents: Sequence[Any],
                 named: Sequence[tuple[int, int, str]] = ()) -> list[Pred]:
    out: list[Pred] = []
    for f in loose:
        sent_start = max((s.start for s in sents if s.start <= f.start), default=0)
        # The data set names a share "% <what it is a share of>", a member of a set
        # by the set's noun, and an amount with no noun "-".
        unit = {"proportion": f"% {f.noun or '-'}", "one-of": f.noun or "-"}.get(
            f.kind, _elided_unit(text, f.start, f.end, named))
        out.append(Pred(_fmt(f.low), text[f.start : f.end], unit,
                        change_of(text, f.start, None, sent_start)))
    return out


# ------------------------------------------------------------------- metric

Value = float | tuple[float, float]
_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE_RE = re.compile(rf"^\s*({_NUM})\s*-\s*({_NUM})\s*$")


def parse_value(raw: Any) -> Value | None:
    """``"6.0"``, ``"1.99E-29"``, ``"-50.8"`` → float; ``"1.0-1.5"`` → (low, high)."""
    if isinstance(raw, int | float):
        return float(raw)
    if isinstance(raw, list | tuple) and len(raw) == 2:
        return float(raw[0]), float(raw[1])
    s = str(raw).strip()
    try:
        return float(s)
    except ValueError:
        pass
    m = _RANGE_RE.match(s)
    if m:
        return float(m.group(1)), float(m.group(2))
    return None


def _close(gold: float, pred: float) -> bool:
    return abs(gold - pred) <= ATOL + RTOL * abs(pred)


def values_match(gold: Value | None, pred: Value | None) -> bool:
    if gold is None or pred is None:
        return False
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return _close(gold[0], pred[0]) and _close(gold[1], pred[1])
    if isinstance(gold, tuple) or isinstance(pred, tuple):
        return False
    return _close(gold, pred)


@dataclass(frozen=True)
class _Q:
    value: Value | None
    unit: str
    change: str


def _decode(q: Mapping[str, Any]) -> _Q:
    return _Q(parse_value(q.get("value")), str(q.get("normalized_unit", "")).strip().lower(),
              str(q.get("change", "=")).strip())


_CRITERIA: dict[str, Callable[[_Q, _Q], bool]] = {
    "value": lambda g, p: values_match(g.value, p.value),
    "value_unit": lambda g, p: values_match(g.value, p.value) and g.unit == p.unit,
    "value_change": lambda g, p: values_match(g.value, p.value) and g.change == p.change,
}


def greedy_matches(gold: Sequence[_Q], pred: Sequence[_Q], fits: Callable[[_Q, _Q], bool]
                   ) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, prediction index): each gold takes the first free fit."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if j not in used and fits(g, p):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


@dataclass(frozen=True)
class Score:
    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold_items: Sequence[Mapping[str, Any]], pred_items: Sequence[Mapping[str, Any]]
          ) -> dict[str, Score]:
    """Micro scores of ``pred_items`` (aligned with ``gold_items``) for each metric."""
    if len(gold_items) != len(pred_items):
        raise ValueError(f"{len(pred_items)} predictions for {len(gold_items)} items")
    correct = dict.fromkeys(METRICS, 0)
    n_gold = n_pred = 0
    for g_item, p_item in zip(gold_items, pred_items, strict=True):
        gold = [_decode(q) for q in g_item.get("quantities", [])]
        pred = [_decode(q) for q in p_item.get("quantities", [])]
        n_gold += len(gold)
        n_pred += len(pred)
        for metric in METRICS:
            correct[metric] += len(greedy_matches(gold, pred, _CRITERIA[metric]))
    return {m: Score(correct[m], n_pred, n_gold) for m in METRICS}


# --------------------------------------------------------------------- data


def data_file(data: Path) -> Path:
    """``DIR/NewsQuant.json``, or the folder's only JSON file."""
    if data.is_file():
        return data
    named = data / "NewsQuant.json"
    if named.is_file():
        return named
    found = sorted(data.glob("*.json"))
    if len(found) != 1:
        raise FileNotFoundError(f"{data}: expected NewsQuant.json or exactly one *.json")
    return found[0]


def load_items(data: Path, limit: int | None = None) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(data_file(data).read_text(encoding="utf-8"))
    return items[:limit] if limit else items


# ------------------------------------------------------------------ system


def _import_storyline() -> None:
    # Running from a checkout without installing: make ``storyline`` importable.
    src = str(HERE.parent / "src")
    if src not in sys.path:
        sys.path.insert(0, src)


def predict(texts: Iterable[str], errors: list[str] | None = None, loose: bool = True
            ) -> list[list[Pred]]:
    """Our figures for each text, in order (spaCy loaded once, texts piped in batches).

    ``loose=False`` scores only the figures the claims stage keeps (no
    proportions, "one of the …" or bare levels: ``--claims-only``).

    A text whose annotation raises gets no prediction; the error goes to ``errors``.
    """
    _import_storyline()
    from storyline.model import Article, article_id
    from storyline.nlp.annotate import annotate_doc
    from storyline.nlp.pipeline import get_nlp

    nlp = get_nlp()
    texts = list(texts)
    out: list[list[Pred]] = []
    for i, (text, doc) in enumerate(zip(texts, nlp.pipe(texts, batch_size=64), strict=True)):
        try:
            annotated = annotate_doc(Article(id=article_id(text), text=text), doc)
            out.append(to_newsquant(annotated, doc if loose else None))
        except Exception as exc:  # reported, never hidden: one odd sentence must not stop a run
            out.append([])
            if errors is not None:
                errors.append(f"item {i}: {type(exc).__name__}: {exc}")
    return out


def evaluate(data: Path, limit: int | None = None, loose: bool = True
             ) -> tuple[dict[str, Score], list[dict[str, Any]], list[str]]:
    """Scores, the predictions file's content (aligned with the items) and any errors."""
    items = load_items(data, limit)
    errors: list[str] = []
    preds = predict((it["text"] for it in items), errors, loose)
    rows = [{"text": it["text"], "quantities": [p.to_dict() for p in ps]}
            for it, ps in zip(items, preds, strict=True)]
    return score(items, rows), rows, errors


# ---------------------------------------------------------------------- cli

_LABELS = {"value": "value", "value_unit": "value+unit", "value_change": "value+change"}


def summary(scores: Mapping[str, Score]) -> dict[str, float | int]:
    out: dict[str, float | int] = {}
    for m, s in scores.items():
        out[f"{m}_f1"] = round(100 * s.f1, 2)
        out[f"{m}_precision"] = round(100 * s.precision, 2)
        out[f"{m}_recall"] = round(100 * s.recall, 2)
        out[f"{m}_correct"] = s.correct
    first = next(iter(scores.values()))
    out["predicted"], out["gold"] = first.predicted, first.gold
    return out


def _print_table(scores: Mapping[str, Score], items: int, seconds: float) -> None:
    header = f"{'metric':<14}{'P':>8}{'R':>8}{'F1':>8}{'correct':>9}{'pred':>7}{'gold':>7}"
    print(header)
    print("-" * len(header))
    for m, s in scores.items():
        print(f"{_LABELS[m]:<14}{100 * s.precision:>8.1f}{100 * s.recall:>8.1f}"
              f"{100 * s.f1:>8.1f}{s.correct:>9d}{s.predicted:>7d}{s.gold:>7d}")
    print(f"{items} sentences in {seconds:.1f} s (spaCy load included)")
    print("published F1 (full 590-sentence set): " + "; ".join(
        f"{name} " + ", ".join(f"{_LABELS[m]} {v}" for m, v in figs.items())
        for name, figs in PUBLISHED.items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--predictions", type=Path, help="write our predictions here (JSON)")
    parser.add_argument("--limit", type=int, help="score only the first N items")
    parser.add_argument("--claims-only", action="store_true",
                        help="leave out the loose figures the claims stage does not keep")
    args = parser.parse_args(argv)
    try:
        data_file(args.data)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    scores, rows, errors = evaluate(args.data, args.limit, loose=not args.claims_only)
    seconds = time.perf_counter() - t0
    for e in errors:
        print(f"annotation failed: {e}", file=sys.stderr)
    _print_table(scores, len(rows), seconds)
    if args.predictions:
        args.predictions.write_text(json.dumps(rows, ensure_ascii=False, indent=1),
                                    encoding="utf-8")
    result = summary(scores)
    result["items"], result["seconds"], result["errors"] = len(rows), round(seconds, 1), len(
        errors)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
