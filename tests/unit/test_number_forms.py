"""Numeral forms the quantity extractor reads: leading-dot decimals, stacked scale
words and scientific notation (our own sentences)."""

from __future__ import annotations

import pytest

from storyline.nlp import numbers as nb


@pytest.mark.parametrize(("text", "value", "span"), [
    (".001 per cent", 0.001, ".001"),
    ("a .500 record", 0.5, ".500"),
    ("1.99×10−30 kilograms", 1.99e-30, "1.99×10−30"),
    ("about 2.998 × 10^8 metres", 2.998e8, "2.998 × 10^8"),
    ("6.02 x 10²³ atoms", 6.02e23, "6.02 x 10²³"),
    ("a rate of 1.5e-5 per year", 1.5e-5, "1.5e-5"),
])
def test_numeral_forms(text: str, value: float, span: str) -> None:
    pos = text.index(span)
    n = nb.number_at(text, pos)
    assert n is not None and n.low == pytest.approx(value) and text[n.start : n.end] == span


def test_a_times_sign_without_a_power_is_not_an_exponent() -> None:
    text = "a 3 x 10 m room"
    n = nb.number_at(text, 2)
    assert n is not None and n.low == 3 and n.end == 3


def test_stacked_scale_words_multiply() -> None:
    text = "4 hundred million people"
    assert nb.scale_at(text, 1, allow_abbrev=False) == (1e8, len("4 hundred million"))
    assert nb.scale_at("2.5 billion", 3, allow_abbrev=False) == (1e9, 11)


def test_a_dot_after_a_word_is_no_decimal() -> None:
    assert nb.NUMERIC_RE.search("rev.5 of the plan") is None


def test_capital_scale_letters_before_a_word_scale_a_count() -> None:
    assert nb.scale_at("4.3M digital sales", 3, allow_abbrev=False) == (1e6, 4)
    assert nb.scale_at("8 B people", 1, allow_abbrev=False) == (1e9, 3)
    assert nb.scale_at("5 m long", 1, allow_abbrev=False) is None  # metres
    assert nb.scale_at("Grade 5 B.", 7, allow_abbrev=False) is None
