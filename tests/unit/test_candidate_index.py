"""The streamed candidate index gives the same pairs as the whole-corpus rules."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import combinations

from storyline.stories.candidates import MAX_POSTINGS, NEAREST, CandidateIndex, within_window

CLS = {"leader": "PERSON", "town a": "PLACE", "town b": "PLACE", "country": "BROAD_PLACE"}


def corpus(n: int, seed: int) -> tuple[list[set[str]], list[date | None]]:
    rng = random.Random(seed)
    keys = [{"leader"} | ({"town a"} if rng.random() < 0.2 else set()) for _ in range(n)]
    for k in rng.sample(range(n), 10):
        keys[k] = {"town b", "country"}
    days: list[date | None] = [
        None if rng.random() < 0.1 else date(2026, 1, 1) + timedelta(days=rng.randrange(40))
        for _ in range(n)
    ]
    return keys, days


def brute_force(keys: list[set[str]], days: list[date | None]) -> set[tuple[int, int]]:
    """The rules of stories/candidates.py written out pair by pair."""
    pairs: set[tuple[int, int]] = set()
    for key in ("leader", "town a", "town b"):
        docs = [i for i, k in enumerate(keys) if key in k]
        if len(docs) <= MAX_POSTINGS:
            near = list(combinations(docs, 2))
        else:
            order = sorted(docs, key=lambda i: (days[i] is None, days[i] or date.min, i))
            near = [
                (order[p], order[q])
                for p in range(len(order))
                for q in range(p + 1, min(len(order), p + 1 + NEAREST))
            ]
        pairs |= {(min(i, j), max(i, j)) for i, j in near if within_window(days[i], days[j])}
    return pairs


def test_streamed_pairs_are_the_rule_pairs_each_once() -> None:
    keys, days = corpus(MAX_POSTINGS * 3, seed=3)
    index = CandidateIndex(keys, days, CLS)
    streamed = list(index.pairs())
    assert len(streamed) == len(set(streamed))
    assert set(streamed) == brute_force(keys, days)
    assert all(i < j for i, j in streamed)


def test_neighbours_are_symmetric_and_touching_keeps_only_pairs_with_one_of_them() -> None:
    keys, days = corpus(MAX_POSTINGS * 2, seed=5)
    index = CandidateIndex(keys, days, CLS)
    for i in range(len(keys)):
        for j in index.neighbours(i):
            assert i in index.neighbours(j)
    touching = {0, 7, 8, 50}
    some = list(index.pairs(touching))
    assert len(some) == len(set(some))
    assert set(some) == {p for p in brute_force(keys, days) if p[0] in touching or p[1] in touching}
