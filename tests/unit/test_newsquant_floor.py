"""The NewsQuant scorer and conversion, and a floor our quantity extractor must not fall below."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import SHARED, load_benchmark

DATA = SHARED / "benchmarks" / "newsquant"
SUBSET = 60
# Measured on the first 60 development items: value+unit F1 86.6, value 92.8
# (the whole development part: 86.3 and 92.8).
VALUE_UNIT_F1_FLOOR = 86.0
VALUE_F1_FLOOR = 92.0


bench = load_benchmark("newsquant.py")


def _q(value: str, unit: str = "-", change: str = "=") -> dict[str, Any]:
    return {"value": value, "unit": unit, "normalized_unit": unit, "change": change}


def test_parse_value() -> None:
    assert bench.parse_value("6.0") == 6.0
    assert bench.parse_value("1.99E-29") == pytest.approx(1.99e-29)
    assert bench.parse_value("-50800000000.0") == -5.08e10
    assert bench.parse_value("1.0-1.5") == (1.0, 1.5)
    assert bench.parse_value("3.0 - 4.0") == (3.0, 4.0)
    assert bench.parse_value("-130") == -130.0
    assert bench.parse_value("n/a") is None


def test_value_matching() -> None:
    assert bench.values_match(100000.0, 100000.9)  # within 1e-5 relative
    assert not bench.values_match(100000.0, 100002.0)
    assert bench.values_match((1.0, 1.5), (1.0, 1.5))
    assert not bench.values_match((1.0, 1.5), 1.0)  # a range only matches a range
    assert not bench.values_match(1.0, (1.0, 1.5))
    assert not bench.values_match(None, 1.0)


def test_score_on_hand_made_predictions() -> None:
    gold = [
        {"text": "a", "quantities": [_q("6.0", "dollar"), _q("40.0", "yard"),
                                     _q("19.0", "percentage", "up")]},
        {"text": "b", "quantities": [_q("1.0-1.5", "Celsius", "down")]},
        {"text": "c", "quantities": []},
    ]
    pred = [
        # value hit + unit hit + change hit; value hit, wrong unit; value hit, wrong change
        {"text": "a", "quantities": [_q("6.0", "dollar"), _q("40", "metre"),
                                     _q("19", "percentage", "~"),
                                     _q("6.0", "dollar")]},  # a duplicate: no second pairing
        {"text": "b", "quantities": [_q("1.0", "celsius", "down")]},  # a point, not the range
        {"text": "c", "quantities": [_q("3", "people")]},  # spurious
    ]
    s = bench.score(gold, pred)
    assert (s["value"].correct, s["value"].predicted, s["value"].gold) == (3, 6, 4)
    assert s["value_unit"].correct == 2  # 6 dollar, 19 percentage
    assert s["value_change"].correct == 2  # 6 (=), 40 (=)
    assert s["value"].precision == pytest.approx(0.5)
    assert s["value"].recall == pytest.approx(0.75)
    assert s["value"].f1 == pytest.approx(0.6)
    # the range case, ignoring unit case
    ok = bench.score(gold[1:2], [{"text": "b", "quantities": [_q("1.0-1.5", "celsius", "down")]}])
    assert ok["value_unit"].f1 == 1.0 and ok["value_change"].f1 == 1.0
    with pytest.raises(ValueError):
        bench.score(gold, pred[:2])


def test_conversion_helpers() -> None:
    assert bench.format_value(6.0, 6.0) == "6.0"
    assert bench.format_value(None, 8e6) == "8000000.0"  # "up to $8 million"
    assert bench.format_value(1.0, 1.5) == "1.0-1.5"
    assert bench.normalized_unit("mph", "m/s") == "mile per hour"
    assert bench.normalized_unit("%", "%") == "percentage"
    assert bench.normalized_unit("AUD", "AUD") == "australian dollar"
    assert bench.normalized_unit("USD/barrel", "USD/barrel") == "dollar per barrel"
    assert bench.normalized_unit("worker", "count") == "worker"
    assert bench.normalized_unit("hp", "count") == "horsepower"
    assert bench.normalized_unit("USD/sq m", "USD/sq m") == "dollar per square metre"
    # a count is named by its singular, also where spaCy keeps a capitalised plural
    assert bench.count_phrase("1,307,000 Americans", "americans") == "american"
    assert bench.count_phrase("8 B people", "people") == "people"
    assert bench.count_phrase("three bosses", "boss") == "boss"


def test_loose_figures_are_predicted() -> None:
    rows = bench.predict(["A third of those polled backed the plan, one of the largest "
                          "votes, and the index closed at 3,005.47."])
    got = {(p.value, p.normalized_unit) for p in rows[0]}
    assert {(repr(1 / 3), "% -"), ("1.0", "large vote"), ("3005.47", "-")} <= got
    text = "Shares rose 6.5% while bonds fell by 2% and gold stood at about 19%, over 3 days."
    assert bench.change_of(text, text.index("6.5"), None) == "up"
    assert bench.change_of(text, text.index("2%"), None) == "down"
    assert bench.change_of(text, text.index("about"), "about") == "~"
    assert bench.change_of(text, text.index("3 days"), "more than") == ">"
    assert bench.change_of("It weighs 5 kg.", 10, None) == "="
    # a rise/fall verb wins over an approximation ("rose about 1.5%" is "up" in the gold)
    assert bench.change_of("It rose about 1.5%.", 8, "about") == "up"
    assert bench.change_of("height was ~1.2mm", 12, None) == "~"


def test_end_to_end_conversion() -> None:
    rows = bench.predict(["Between 1600 and 1900 world temperatures dropped by 1 to 1.5 "
                          "degrees Celsius, and it reached up to 480 kg (1,100 pounds)."])
    got = {(p.value, p.normalized_unit, p.change) for p in rows[0]}
    assert ("1.0-1.5", "celsius", "down") in got
    assert ("480.0", "kilogram", "<") in got
    assert ("1100.0", "pound-mass", "<") in got  # the alternate is its own prediction


def test_floor_on_dev_subset() -> None:
    if not (DATA / "NewsQuant.json").is_file():
        pytest.skip("../shared/benchmarks/newsquant is not beside the repository")
    scores, rows, errors = bench.evaluate(DATA, limit=SUBSET)
    assert len(rows) == SUBSET and not errors
    assert all(set(r) == {"text", "quantities"} for r in rows)
    assert 100 * scores["value_unit"].f1 >= VALUE_UNIT_F1_FLOOR, scores
    assert 100 * scores["value"].f1 >= VALUE_F1_FLOOR, scores


def test_a_bare_level_shares_the_unit_written_beside_it() -> None:
    rows = bench.predict(["Sales reached 3.9 million headsets, up from 2.4 million a year ago.",
                          "Shares rose 0.65% to end at 3,005.47."])
    assert ("2400000.0", "headset") in {(p.value, p.normalized_unit) for p in rows[0]}
    # a percentage change is not the unit of the level it reaches
    assert ("3005.47", "-") in {(p.value, p.normalized_unit) for p in rows[1]}


def test_a_ratio_is_one_share_not_a_count_of_its_denominator() -> None:
    rows = bench.predict(["One out of four drivers speeds, costing tens of millions of dollars."])
    got = {(p.value, p.normalized_unit) for p in rows[0]}
    assert ("0.25", "% driver") in got and not any(v == "4.0" for v, _ in got)
    assert (f"{1e7!r}-{1e8!r}", "dollar") in got  # vague magnitudes as the data set bounds them
