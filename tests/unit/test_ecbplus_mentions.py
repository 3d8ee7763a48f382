"""Our own ECB+ entity mentions (benchmarks/ecbplus_mentions.py): extents by the
corpus's conventions, on sentences parsed by the product's spaCy pipeline."""

from __future__ import annotations

import sys

import pytest

from storyline.nlp.pipeline import get_nlp
from tests.conftest import load_benchmark

bench = load_benchmark("ecbplus.py")
bench._coref_module()  # puts benchmarks/ on the path
mentions = sys.modules.get("ecbplus_mentions") or __import__("ecbplus_mentions")


def _extents(text: str, event_nouns: tuple[str, ...] = ()) -> list[str]:
    doc = get_nlp()(text)
    skip = {t.idx for t in doc if t.text in event_nouns}
    return [text[a:b] for a, b, _ in mentions.mention_extents(doc, skip)]


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # A participant is its head word: no determiner, adjective or title noun.
        ("The actress checked into a clinic on Tuesday.", ["actress", "on Tuesday"],
         ["The actress"]),
        ("Sheriff Lee Baca said the inmate escaped.", ["Lee Baca", "inmate"],
         ["Sheriff Lee Baca"]),
        # A place keeps its preposition, determiner and the phrase after it.
        ("Robbers struck at a jewelry store in Paris on Monday.",
         ["Robbers", "at a jewelry store in Paris", "on Monday"], ["store"]),
        # "on" and "after" start a time, not a person or thing.
        ("He was sentenced on Tuesday after the trial of a 15-year-old boy.",
         ["He", "on Tuesday", "boy"], ["on a 15-year-old boy"]),
    ],
)
def test_extents_follow_the_ecbplus_conventions(
    text: str, wanted: list[str], unwanted: list[str]
) -> None:
    got = _extents(text)
    for w in wanted:
        assert w in got, (w, got)
    for u in unwanted:
        assert u not in got, (u, got)


def test_pronouns_in_and_possessives_out() -> None:
    got = _extents("She told police that her husband shot himself where they lived.")
    assert {"She", "himself", "where", "they"} <= set(got), got
    assert "her" not in got and "that" not in got


def test_event_nouns_are_left_out() -> None:
    text = "The fire destroyed the warehouse."
    assert "fire" in _extents(text)
    assert "fire" not in _extents(text, event_nouns=("fire",))
    assert "warehouse" in _extents(text, event_nouns=("fire",))
