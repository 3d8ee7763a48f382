"""A floor for predicted event mentions on one ECB+ topic (skipped without ../shared)."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED, load_benchmark

DATA = SHARED / "benchmarks" / "ecbplus"
# Measured on topic 2 (21 documents, 161 gold action mentions): word-level
# precision 0.974, recall 0.472 (dev topics: 0.939 / 0.710).
RECALL_FLOOR = 0.45
PRECISION_FLOOR = 0.93


def test_event_mention_floor() -> None:
    if not (DATA / "ECBplus_coreference_sentences.csv").is_file():
        pytest.skip("ECB+ data is not beside the repository")
    scores = load_benchmark("event_mentions.py").score(DATA, {2})
    assert scores["gold"] > 100
    assert scores["mention_r"] >= RECALL_FLOOR
    assert scores["mention_p"] >= PRECISION_FLOOR
