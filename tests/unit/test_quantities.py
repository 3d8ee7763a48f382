"""Figures: extraction traps, ranges, parallel units, qualifiers, subject and attribute.

The sentences are our own, modelled on how defence/news copy states figures.
"""

from __future__ import annotations

import re

import pytest

from storyline.model import Mention, Quantity
from storyline.nlp.pipeline import get_nlp
from storyline.nlp.quantities import extract_quantities
from storyline.nlp.units import SPEED_OF_SOUND_M_S, get_ureg

_TYPES = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "FACILITY", "ORG": "ORG"}
_EQUIPMENT = re.compile(r"\b(?:Zircon|Sarmat|Tu-\d+\w*|Su-\d+|MiG-\d+\w*|S-\d00)\b")


def _mentions(doc: object, text: str, places: tuple[str, ...] = ()) -> list[Mention]:
    """Rough mentions: our equipment names, the given places, then spaCy's ents."""
    sents = list(doc.sents)  # type: ignore[attr-defined]

    def sent_of(c: int) -> int:
        return max(i for i, s in enumerate(sents) if s.start_char <= c)

    out: list[Mention] = []
    spans: list[tuple[int, int, str]] = [(m.start(), m.end(), "EQUIPMENT")
                                         for m in _EQUIPMENT.finditer(text)]
    for p in places:
        spans += [(m.start(), m.end(), "PLACE") for m in re.finditer(re.escape(p), text)]
    for e in doc.ents:  # type: ignore[attr-defined]
        if e.label_ in _TYPES and not any(s < e.end_char and e.start_char < t
                                          for s, t, _ in spans):
            spans.append((e.start_char, e.end_char, _TYPES[e.label_]))
    for s, t, typ in spans:
        out.append(Mention(s, t, text[s:t], typ, typ, sent_of(s)))  # type: ignore[arg-type]
    return sorted(out, key=lambda m: m.start)


def run(text: str, places: tuple[str, ...] = ()) -> tuple[list[Quantity], list[Mention]]:
    doc = get_nlp()(text)
    ms = _mentions(doc, text, places)
    qs = extract_quantities(doc, ms)
    for q in qs:
        assert text[q.start : q.end] == q.text
        for a in q.alternates:
            assert text[a.start : a.end] == a.text
    return qs, ms


# (sentence, expected figure texts in order)
CASES = [
    ("The convoy left at 2.15pm on Tuesday.", []),
    ("Guests were shown a mix of old and new aircraft.", []),
    ("During the 2012–13 season the yard was idle.", []),
    ("The factory opened in 2023 after a delay.", []),
    ("The Tu-160, Su-57 and MiG-31I flew past an S-400 battery.", []),
    ("The figures are on page 12 of the report.", []),
    ("It was the first launch since September 16.", []),
    ("The base was built 10 years ago.", []),
    ("The terminal stores 816 000 t of coal.", ["816 000 t"]),
    ("Two dozen drones circled the port.", ["Two dozen drones"]),
    ("A couple of frigates and several tugs left the harbour.",
     ["A couple of frigates", "several tugs"]),
    ("The briefing lasted 45 minutes.", ["45 minutes"]),
    ("The contract is worth $2.5 billion, and the refit cost €40m.", ["$2.5 billion", "€40m"]),
    ("Support fell by 12% this year.", ["12%"]),
    ("The crates weigh between 3 and 5 tonnes.", ["between 3 and 5 tonnes"]),
    ("The corridor is some 930-1,240 miles wide.", ["some 930-1,240 miles"]),
    ("At least 14 people were killed in the strike.", ["At least 14 people"]),
    ("The navy sent three destroyers and dozens of patrol boats.",
     ["three destroyers", "dozens of patrol boats"]),
    # a change and a new level after "by" are two figures, not a range
    ("The deficit increased by $43.6 billion to $419.2 billion.",
     ["$43.6 billion", "$419.2 billion"]),
    ("Temperatures dropped by 1 to 1.5 degrees Celsius.", ["1 to 1.5 degrees Celsius"]),
    ("Over the past three or four years lenders changed.", ["three or four years"]),
    ("The probe orbited the planet more than 3200 times.", ["more than 3200 times"]),
]


@pytest.mark.parametrize(("text", "unit", "low", "high"), [
    ("The fine was 10.5 million Australian dollars.", "AUD", 10.5e6, 10.5e6),
    ("He sold shares worth 7.5 million Danish crowns.", "DKK", 7.5e6, 7.5e6),
    ("The package was worth up to PS2.7m last year.", "GBP", None, 2.7e6),
    ("Nintendo fell 4 percent to Y=28,030 in Tokyo.", "JPY", 28030, 28030),
])
def test_currency_forms(text: str, unit: str, low: float | None, high: float | None) -> None:
    money = [q for q in run(text)[0] if q.normalized.unit == unit]
    assert len(money) == 1 and (money[0].normalized.low, money[0].normalized.high) == (low, high)


def test_count_of_the_modified_noun_when_the_head_is_singular() -> None:
    assert [q.value.unit for q in run("It has a 3 cylinder engine.")[0]] == ["cylinder"]
    text = "Rail operator CP will run 18 return trains a day using new electric units."
    assert [q.value.unit for q in run(text)[0]] == ["train"]


def test_apposed_age_belongs_to_the_person() -> None:
    text = "Joe Maddon, 66, has used the downtime to get in better shape."
    qs, ms = run(text)
    (q,) = qs
    assert q.attribute == "age" and q.value.unit == "yr" and q.text == "66"
    assert q.subject_mention is not None and ms[q.subject_mention].text == "Joe Maddon"


def test_relative_clause_subject_is_its_head() -> None:
    text = ("Baltica Lines, which carries about 900,000 passengers a year, said the ferry "
            "would stay in port.")
    qs, ms = run(text)
    (q,) = [q for q in qs if q.value.unit == "passenger"]
    assert q.subject_mention is not None and ms[q.subject_mention].text == "Baltica Lines"


def test_casualties_are_not_the_vessels() -> None:
    text = ("The ferry Nordic Star collided with a cargo vessel in Rostock on Friday, "
            "leaving 42 people injured.")
    (q,) = run(text)[0]
    assert q.attribute == "casualties_injured" and q.subject_mention is None


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_phrase_table(text: str, expected: list[str]) -> None:
    qs, _ = run(text)
    assert [q.text for q in qs] == expected


def test_thousands_kept_and_minutes_are_time() -> None:
    (coal,), _ = run("The terminal stores 816 000 t of coal.")
    assert coal.value.low == 816000 and coal.normalized.low == pytest.approx(816e6)
    assert coal.normalized.unit == "kg"
    (brief,), _ = run("The briefing lasted 45 minutes.")
    assert brief.normalized.unit == "s" and brief.normalized.low == pytest.approx(2700)
    assert brief.attribute == "duration"


def test_vague_counts() -> None:
    (a, b), _ = run("A couple of frigates and several tugs left the harbour.")
    assert (a.qualifier, a.normalized.unit, a.value.unit) == ("a couple", "count", "frigate")
    assert b.qualifier == "several" and b.normalized.low == 3 and b.normalized.high == 9
    (d,), _ = run("Two dozen drones circled the port.")
    assert d.value.low == 24 and d.attribute == "count"


def test_money_and_percent() -> None:
    (deal, refit), _ = run("The contract is worth $2.5 billion, and the refit cost €40m.")
    assert deal.normalized == deal.value and deal.value.unit == "USD"
    assert deal.value.low == pytest.approx(2.5e9) and deal.attribute == "cost"
    assert refit.value.unit == "EUR" and refit.value.low == pytest.approx(4e7)
    (p,), _ = run("Support fell by 12% this year.")
    assert p.normalized.unit == "%" and p.attribute == "percentage"


def test_range_kept_not_midpoint_with_parallel_range() -> None:
    text = ("The Zircon cruise missile has an estimated range of 1,000 to 1,500 km "
            "(620-930 miles), officials said.")
    (q,), ms = run(text)
    assert q.text == "1,000 to 1,500 km"
    assert (q.value.low, q.value.high, q.value.unit) == (1000, 1500, "km")
    assert (q.normalized.low, q.normalized.high, q.normalized.unit) == (1e6, 1.5e6, "m")
    assert q.qualifier == "estimated" and q.attribute == "range"
    assert [a.text for a in q.alternates] == ["620-930 miles"]
    assert q.subject_mention is not None and ms[q.subject_mention].text == "Zircon"


def test_parallel_units_grouped_payload() -> None:
    text = "The Sarmat can carry a payload of 480 kg (1,100 pounds) over long distances."
    (q,), ms = run(text)
    assert q.text == "480 kg" and [a.text for a in q.alternates] == ["1,100 pounds"]
    assert q.alternates[0].normalized.unit == "kg"
    assert q.attribute == "payload" and ms[q.subject_mention or 0].text == "Sarmat"


def test_mach_multiple_with_two_alternates_and_pronoun_subject() -> None:
    text = ("The Zircon entered service last year. Its speed, reaching up to 9 times the "
            "speed of sound (11,000 kph or 6,900 mph), makes it hard to intercept.")
    (q,), ms = run(text)
    assert q.text == "up to 9 times the speed of sound"
    assert q.qualifier == "up to" and q.value == q.value.__class__(None, 9.0, "mach")
    assert q.normalized.low is None
    assert q.normalized.high == pytest.approx(9 * SPEED_OF_SOUND_M_S)
    assert [a.text for a in q.alternates] == ["11,000 kph", "6,900 mph"]
    assert all(a.value.low is None and a.qualifier == "up to" for a in q.alternates)
    assert q.attribute == "speed"
    assert q.subject_mention is not None and ms[q.subject_mention].text == "Zircon"


def test_mach_prefix() -> None:
    (q,), _ = run("The glider flies at Mach 8.")
    assert q.text == "Mach 8" and q.normalized.high == pytest.approx(8 * 343.0)
    assert get_ureg().Quantity(1, "mach").to("m/s").magnitude == pytest.approx(343.0)


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("The drones fly up to 300 km.", "up to", None, 300_000),
        ("The drones flew more than 300 km.", "more than", 300_000, None),
        ("The drones flew at least 300 km.", "at least", 300_000, None),
        ("The drones flew approximately 300 km.", "approximately", 300_000, 300_000),
        ("The drones flew nearly 300 km.", "nearly", 300_000, 300_000),
        ("The drones flew over 300 km.", "more than", 300_000, None),
    ],
)
def test_qualifier_semantics(text: str, qualifier: str, low: float | None,
                             high: float | None) -> None:
    (q,), _ = run(text)
    assert q.qualifier == qualifier
    assert (q.normalized.low, q.normalized.high) == (low, high)
    assert q.text.lower().startswith(qualifier.split()[0]) or qualifier == "more than"


def test_distance_from_with_anchor() -> None:
    text = ("The governor met the delegation in the town of Nakhodka, located roughly "
            "85 kilometres (53 miles) east of Vladivostok, on Monday.")
    (q,), ms = run(text, places=("Nakhodka", "Vladivostok"))
    assert q.attribute == "distance_from" and q.qualifier == "roughly"
    assert q.subject_mention is not None and ms[q.subject_mention].text == "Nakhodka"
    assert q.anchor_mention is not None and ms[q.anchor_mention].text == "Vladivostok"
    assert q.alternates[0].text == "53 miles"


def test_subject_none_when_only_a_person() -> None:
    (q,), _ = run("Sergei Shoigu said the new rocket had a range of 2,000 km.")
    assert q.attribute == "range" and q.subject_mention is None


def test_length_attribute_from_following_word() -> None:
    (q,), _ = run("The Kerch bridge is 19 kilometres (12 miles) long.")
    assert q.attribute == "length" and q.alternates


# ------------------------------------------------- event figures, kinds, units


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("A magnitude 6.2 earthquake rattled the valley.", "magnitude 6.2", 6.2),
        ("A magnitude-7.1 quake hit the coast.", "magnitude-7.1", 7.1),
        ("The 5.4-magnitude tremor woke residents.", "5.4-magnitude", 5.4),
        ("An M4.9 event was recorded offshore.", "M4.9", 4.9),
        ("The quake had a magnitude of 6 according to the survey.", "magnitude of 6", 6.0),
        ("It measured 5.2 on the Richter scale.", "5.2 on the Richter scale", 5.2),
    ],
)
def test_magnitude(text: str, span: str, value: float) -> None:
    (q,), _ = run(text)
    assert q.text == span and q.attribute == "magnitude" and q.subject_mention is None
    assert (q.normalized.low, q.normalized.unit) == (value, "1")


def test_m_without_decimal_is_not_a_magnitude() -> None:
    qs, _ = run("Traffic on the M5 was diverted for two hours.")
    assert [q.attribute for q in qs] == ["duration"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three miners died and 14 were hurt when the shaft collapsed.",
         [("Three miners", "casualties_dead")]),
        ("Four villagers were killed and 12 injured in the landslide.",
         [("Four villagers", "casualties_dead"), ("12 injured", "casualties_injured")]),
        ("The blast killed five workers and injured 20.",
         [("five workers", "casualties_dead"), ("20", "casualties_injured")]),
        ("Officials said 23 people were treated in hospital for burns.",
         [("23 people", "casualties_injured")]),
        ("Nine hikers remain missing after the avalanche.",
         [("Nine hikers", "casualties_missing")]),
        ("About 600 residents fled the rising water.",
         [("About 600 residents", "casualties_evacuated")]),
        ("Rescuers said 11 people had been rescued from the rubble.",
         [("11 people", "casualties_rescued")]),
        ("None of the 30 passengers on the bus was injured.", [("30 passengers", "count")]),
        ("The six crew members were not hurt.", [("six crew members", "count")]),
        ("Four patients remained in hospital on Monday.", [("Four patients", "count")]),
    ],
)
def test_casualty_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    qs, _ = run(text)
    assert [(q.text, q.attribute) for q in qs] == expected


@pytest.mark.parametrize(
    ("text", "span", "unit", "si", "attribute"),
    [
        ("The dam holds about 2.5 million cubic metres of water.",
         "about 2.5 million cubic metres", "m^3", 2.5e6, "capacity"),
        ("Crews removed 300,000 cubic feet of silt from the harbour.",
         "300,000 cubic feet", "ft^3", 300_000 * 0.3048 ** 3, "volume"),
        ("The field exports 12 bcm a year.", "12 bcm", "km^3", 12e9, "capacity"),
        ("Temperatures reached 41C in the afternoon.", "41C", "degC", 314.15, "temperature"),
        ("Forecasters expect 95 degrees Fahrenheit by noon.", "95 degrees Fahrenheit", "degF",
         (95 - 32) * 5 / 9 + 273.15, "temperature"),
    ],
)
def test_volume_and_temperature(text: str, span: str, unit: str, si: float,
                                attribute: str) -> None:
    (q,), _ = run(text)
    assert (q.text, q.value.unit, q.attribute) == (span, unit, attribute)
    assert q.normalized.low == pytest.approx(si)


@pytest.mark.parametrize(
    "text",
    [
        "Crews serviced the Boeing 747 jets overnight.",
        "Engineers will inspect the Rolls-Royce Trent 900 engines this week.",
        "Only the Leopard 2 tanks were sent.",
    ],
)
def test_not_counts(text: str) -> None:
    qs, _ = run(text)
    assert qs == []


def test_bare_degrees_are_a_named_unit_never_a_temperature() -> None:
    (q,), _ = run("The ramp was tilted by 100 degrees during the test.")
    assert q.value.unit == "degree" and q.normalized.unit == "degree"
    assert q.attribute == "quantity"  # angle or temperature: the text does not say
    (t,), _ = run("It reached 100 degrees Fahrenheit.")
    assert t.normalized.unit == "K"


def test_money_per_unit_is_a_price() -> None:
    (q,), _ = run("Wholesale gas traded at more than €40 per megawatt-hour on Monday.")
    assert q.text == "more than €40 per megawatt-hour" and q.attribute == "price"
    assert q.value.unit == "EUR/megawatt-hour" and q.normalized.low == 40


def test_between_range_capitalised() -> None:
    (q,), _ = run("Between 200 and 250 passengers were on board.")
    assert q.text == "Between 200 and 250 passengers"
    assert (q.value.low, q.value.high) == (200, 250)


@pytest.mark.parametrize(
    ("text", "span", "subject"),
    [
        ("Engineers finished the 9.6-kilometre Brenner tunnel in May.", "9.6-kilometre", "Brenner"),
        ("The regulator inspected the Aurora, a 210-metre (689-foot) tanker, on Monday.",
         "210-metre", "Aurora"),
        ("Ministers signed a deal to build a 40-mile gas pipeline linking two ports.",
         "40-mile", None),
        ("The bridge runs for 3.1 km across the bay.", "3.1 km", None),
    ],
)
def test_length_of_modified_noun(text: str, span: str, subject: str | None) -> None:
    qs, ms = run(text, places=("Brenner", "Aurora"))
    (q,) = [q for q in qs if q.text == span]
    assert q.attribute == "length"
    got = ms[q.subject_mention].text if q.subject_mention is not None else None
    assert got == subject


def test_event_noun_subject_is_the_event() -> None:
    (q,), _ = run("A wildfire in the Blue Mountains has burned 5,000 hectares of bush.",
                  places=("Blue Mountains",))
    assert q.attribute == "area_affected" and q.subject_mention is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # A scale word after the second number covers a bare first number…
        ("The plan costs 1 to 2 million euros.", 1e6, 2e6),
        ("It will cost between $3 and $5 billion.", 3e9, 5e9),
        # …but not one written out in full, which keeps its own size.
        ("Homes sold from $370,000 to $5.5 million.", 370_000, 5.5e6),
    ],
)
def test_a_range_scale_word_covers_only_a_bare_first_number(
    text: str, low: float, high: float
) -> None:
    (q,), _ = run(text)
    assert (q.normalized.low, q.normalized.high) == (low, high)


# ------------------------------------- money forms, new units, ages, designations

@pytest.mark.parametrize(
    ("text", "span", "unit", "value"),
    [
        ("Global debt hit $US113 trillion last year.", "$US113 trillion", "USD", 113e12),
        ("The shares closed at US $58.24 on Friday.", "US $58.24", "USD", 58.24),
        ("The ferry tickets cost HK $216,925 in all.", "HK $216,925", "HKD", 216_925),
        ("The council paid HK$40,000 for repairs.", "HK$40,000", "HKD", 40_000),
        ("The start-up raised USD10m from investors.", "USD10m", "USD", 10e6),
        ("The fund took AUD1.5m in fees.", "AUD1.5m", "AUD", 1.5e6),
        ("The club spent EUR 5bn on the stadium.", "EUR 5bn", "EUR", 5e9),
        ("A bowl of laksa costs RM23.50 at the stall.", "RM23.50", "MYR", 23.5),
        ("The pair moved S $1mil through the accounts.", "S $1mil", "SGD", 1e6),
        ("The frigate's refit costs A$20m.", "A$20m", "AUD", 20e6),
        ("The bicycle sells for 1,200€ in Lyon.", "1,200€", "EUR", 1200),
        ("The deal is worth 10m USD to the port.", "10m USD", "USD", 10e6),
        ("A second-class stamp costs 85p now.", "85p", "p", 85),
    ],
)
def test_money_forms(text: str, span: str, unit: str, value: float) -> None:
    (q,), _ = run(text)
    assert (q.text, q.value.unit, q.value.low) == (span, unit, pytest.approx(value))


def test_a_lone_article_is_not_an_australian_dollar_and_pence_are_pounds() -> None:
    (q,), _ = run("A $5m grant was announced.")
    assert (q.text, q.value.unit) == ("$5m", "USD")
    (p,), _ = run("A second-class stamp costs 85p now.")
    assert (p.normalized.low, p.normalized.unit) == (pytest.approx(0.85), "GBP")


@pytest.mark.parametrize(
    ("text", "span", "unit", "si", "si_unit"),
    [
        ("The wind farm adds 50 MW to the grid.", "50 MW", "MW", 50e6, "W"),
        ("The heater draws 2 kW at full power.", "2 kW", "kW", 2e3, "W"),
        ("Each bulb uses 60W of power.", "60W", "W", 60.0, "W"),
        ("The engine makes 296 hp in the coupe.", "296 hp", "hp", 296 * 745.69987, "W"),
        ("The plant produced 1.2 TWh last year.", "1.2 TWh", "TWh", 1.2e12 * 3600, "J"),
        ("The battery stores 75 kWh of energy.", "75 kWh", "kWh", 75 * 3.6e6, "J"),
        ("The handset has 128GB of storage.", "128GB", "GB", 128e9, "B"),
        ("Rural lines reach 100 Mbps at best.", "100 Mbps", "Mbps", 100e6, "bit/s"),
        ("The screen refreshes at 120Hz in games.", "120Hz", "Hz", 120.0, "Hz"),
        ("The chip runs at 3.2 GHz when cool.", "3.2 GHz", "GHz", 3.2e9, "Hz"),
        ("Its cell holds 4500mAh of charge.", "4500mAh", "mAh", 4500 * 3.6, "C"),
        ("The motor gives 400Nm of torque.", "400Nm", "Nm", 400.0, "N*m"),
        ("Add 5 mL of the solution.", "5 mL", "mL", 5e-6, "m^3"),
        ("Each tablet holds 20 mg of the drug.", "20 mg", "mg", 20e-6, "kg"),
        ("The fibres are 10 μm thick.", "10 μm", "μm", 10e-6, "m"),
        ("The sample withstood 113 GPa in the press.", "113 GPa", "GPa", 113e9, "Pa"),
        ("A slice has 250 calories in it.", "250 calories", "kcal", 250 * 4184.0, "J"),
        ("The index fell 50 points on Monday.", "50 points", "point", 50.0, "point"),
        ("The bank cut rates by 25 basis points.", "25 basis points", "bp", 25.0, "bp"),
        ("Shares traded at 80 cents on the day.", "80 cents", "cent", 80.0, "cent"),
    ],
)
def test_new_units(text: str, span: str, unit: str, si: float, si_unit: str) -> None:
    (q,), _ = run(text)
    assert (q.text, q.value.unit, q.normalized.unit) == (span, unit, si_unit)
    assert q.normalized.low == pytest.approx(si, rel=1e-6)


@pytest.mark.parametrize(
    "text",
    [
        "The operator switched on its 5G network.",  # a generation, not 5 grams
        "The film streams in 1080p tonight.",  # a resolution, not pence
        "The album sold 4.3M copies.",  # millions, not metres
    ],
)
def test_unit_look_alikes(text: str) -> None:
    qs, _ = run(text)
    assert all(q.normalized.unit not in ("kg", "GBP", "m") for q in qs)


@pytest.mark.parametrize(
    ("text", "span", "value", "person"),
    [
        ("Police arrested a 50-year-old man on Tuesday.", "50-year-old", 50, None),
        ("The 65-year-old died in hospital.", "65-year-old", 65, None),
        ("Maria Lopez, a 40-year-old teacher, was hurt.", "40-year-old", 40, "Maria Lopez"),
        ("The victim was 34 years old.", "34 years old", 34, None),
        ("It surveyed workers aged 18 to 34 across the region.", "18 to 34", None, None),
    ],
)
def test_ages(text: str, span: str, value: float | None, person: str | None) -> None:
    (q,), ms = run(text)
    assert (q.text, q.attribute, q.value.unit) == (span, "age", "yr")
    if value is not None:
        assert q.value.low == value
    got = ms[q.subject_mention].text if q.subject_mention is not None else None
    assert got == person


def test_ages_are_not_durations() -> None:
    (q,), _ = run("The gallery showed a 400 million-year-old fossil.")
    assert q.attribute == "age" and q.value.low == 400e6


@pytest.mark.parametrize(
    "text",
    [
        "Reviewers praised the iPhone 11 Pro for its camera.",
        "The Galaxy Note 20 Ultra went on sale in August.",
        "The airline took delivery of a 787 Dreamliner.",
        "The S&P 500 index closed higher.",
        "The Stoxx 600 index slipped in early trade.",
        "The shop at 575 Wilbraham Road was closed.",
        "Homes in the 90049 ZIP Code are costly.",
        "Two new 737 Max jets were grounded.",
    ],
)
def test_designations_are_not_counts(text: str) -> None:
    qs, _ = run(text)
    assert [q.value.unit for q in qs if q.normalized.unit == "count"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Three Democrats and 40 Americans signed the letter.", "40 Americans"),
        ("The air force flew 40 aircraft over the coast.", "40 aircraft"),
        ("Only 14 crew were aboard the ship.", "14 crew"),
    ],
)
def test_counts_of_capitalised_or_invariant_nouns_stay(text: str, span: str) -> None:
    qs, _ = run(text)
    assert span in [q.text for q in qs]


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        # a unit from our table overrides spaCy's DATE/ORDINAL/TIME labels
        ("The villa covers 1520 sq m of land.", "1520 sq m", "m^2"),
        ("Inflation rose to 24pc in the spring.", "24pc", "%"),
        ("The car reached 100km/hr on the straight.", "100km/hr", "km/h"),
    ],
)
def test_units_override_date_labels(text: str, span: str, unit: str) -> None:
    qs, _ = run(text)
    assert (span, unit) in [(q.text, q.value.unit) for q in qs]


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "low", "high"),
    [
        ("The flat measures ≈ 32m2 inside.", "≈ 32m2", "approximately", 32, 32),
        ("The path is ~40km long.", "~40km", "approximately", 40_000, 40_000),
        ("Jobless claims were inching back up to 4.8 percent.", "4.8 percent", None, 4.8, 4.8),
        ("The drones fly up to 300 km.", "up to 300 km", "up to", None, 300_000),
    ],
)
def test_sign_qualifiers_and_motion_up_to(text: str, span: str, qualifier: str | None,
                                          low: float | None, high: float | None) -> None:
    (q,), _ = run(text)
    assert (q.text, q.qualifier) == (span, qualifier)
    assert (q.normalized.low, q.normalized.high) == (low, high)


def test_tens_of_millions_and_price_per_square_foot() -> None:
    (q,), _ = run("Tens of millions of viewers watched the final.")
    assert q.qualifier == "tens of millions" and (q.value.low, q.value.high) == (2e7, 9.99e7)
    (p,), _ = run("Office rents reached $50 per square foot in May.")
    assert p.text == "$50 per square foot" and p.value.unit == "USD/square foot"


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The probe recorded minus 130 degrees Fahrenheit.", "minus 130 degrees Fahrenheit",
         -130, "degF"),
        ("Overnight it fell to −5C in the valley.", "−5C", -5, "degC"),
        ("Lows of -12C are forecast.", "-12C", -12, "degC"),
        ("The fund posted a loss of $-50.8bn.", "$-50.8bn", -50.8e9, "USD"),
        ("The offense managed minus-5 yards.", "minus-5 yards", -5, "yd"),
        ("Add 1/2 pound of flour.", "1/2 pound", 0.5, "lb"),
        ("The bag weighs 3 1/2 pounds.", "3 1/2 pounds", 3.5, "lb"),
        ("They walked half a mile.", "half a mile", 0.5, "mi"),
        ("The load is a third of a tonne.", "a third of a tonne", 1 / 3, "t"),
        ("The budget is half a million dollars.", "half a million dollars", 5e5, "USD"),
    ],
)
def test_negatives_and_fractions(text: str, span: str, value: float, unit: str) -> None:
    (q,), _ = run(text)
    assert (q.text, q.value.unit) == (span, unit)
    assert q.value.low == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "The clinic ran COVID -19 tests all week.",  # a name with a stray space
        "The helpline runs 24/7 for callers.",  # not a fraction
        "Two-thirds of voters backed the plan.",  # a proportion of a count
        "Vecturas shares rose 6.5% to 164p.",  # two figures, not a 6.5-164 range
    ],
)
def test_not_negatives_fractions_or_ranges(text: str) -> None:
    qs, _ = run(text)
    assert all(q.value.low is None or q.value.low >= 0 for q in qs)
    assert all(q.value.low == q.value.high for q in qs)
    assert not any("/" in q.text or "thirds" in q.text.lower() for q in qs)
