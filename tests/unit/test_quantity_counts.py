"""Counts over coordinated modifiers, and units kept as written (our own sentences)."""

from __future__ import annotations

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.quantities import extract_quantities
from storyline.nlp.units import UNITS, to_si


def test_count_over_coordinated_modifiers() -> None:
    doc = get_nlp()("Police said about 460 Ford and Toyota vans have been stolen this year.")
    qs = extract_quantities(doc, [])
    assert [(q.value.low, q.value.unit) for q in qs] == [(460.0, "van")]


def test_brake_horsepower_is_kept_and_converts_like_horsepower() -> None:
    assert UNITS["bhp"].name == "bhp" and UNITS["hp"].name == "hp"
    assert to_si(640, UNITS["bhp"]) == to_si(640, UNITS["hp"])
