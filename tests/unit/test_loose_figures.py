"""Figures claims leave out but a quantity benchmark counts (our own sentences)."""

from __future__ import annotations

import pytest

from storyline.nlp.loose_figures import loose_figures
from storyline.nlp.pipeline import get_nlp


def _found(text: str) -> list[tuple[str, float, str]]:
    doc = get_nlp()(text)
    return [(f.kind, round(f.low, 4), f.noun) for f in loose_figures(doc, [])]


@pytest.mark.parametrize(("text", "value"), [
    ("A third of the voters stayed at home.", 0.3333),
    ("Nearly two-thirds of the tickets were sold online.", 0.6667),
    ("Half the flats have been sold.", 0.5),
    ("One out of four drivers speeds.", 0.25),
])
def test_proportions(text: str, value: float) -> None:
    assert [(k, v) for k, v, _ in _found(text)] == [("proportion", value)]


def test_a_half_of_a_game_is_a_period_not_a_share() -> None:
    assert _found("He scored in the second half of the match.") == []


def test_one_of_the_names_the_set() -> None:
    assert _found("It is one of the tallest towers in Europe.") == [
        ("one-of", 1.0, "tall tower europe")]


@pytest.mark.parametrize(("text", "value"), [
    ("The index closed at 3,005.47 on Friday.", 3005.47),
    ("The fund has raised 280 million so far.", 2.8e8),
])
def test_bare_levels(text: str, value: float) -> None:
    assert _found(text) == [("level", value, "")]


@pytest.mark.parametrize("text", [
    "Growth will slow from 4.8 to 4.7 percent.",  # one end of a range with a unit
    "The team won 3 games.",  # a whole number with no scale is no level
])
def test_not_levels(text: str) -> None:
    assert [k for k, _, _ in _found(text) if k == "level"] == []


def test_figures_already_taken_are_skipped() -> None:
    text = "The index closed at 3,005.47 on Friday."
    doc = get_nlp()(text)
    assert loose_figures(doc, [(20, 28)]) == []


def test_a_number_of_a_named_set_counts_its_members() -> None:
    assert _found("Two of the mayor's aides resigned.") == [("one-of", 2.0, "mayor aide")]


def test_a_share_named_by_a_pronoun_has_no_noun() -> None:
    assert _found("A third of those tested were ill.") == [("proportion", 0.3333, "")]


def test_one_before_a_noun_counts_it_but_not_as_a_turn_of_phrase() -> None:
    assert _found("The board rejected one proposal.") == [("one-of", 1.0, "proposal")]
    assert _found("On the one hand, prices rose.") == []
    assert _found("One day it rained.") == []
