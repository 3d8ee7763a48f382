"""The article-extraction scorer, and a floor our HTML reader must not fall below."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED, load_benchmark

DATA = SHARED / "benchmarks" / "article-extraction"
# Measured on the 136 development pages: 0.969 (trafilatura alone, same settings: 0.964).
F1_FLOOR = 0.965
RECALL_FLOOR = 0.975


bench = load_benchmark("article_extraction.py")


def test_shingles_and_page_score() -> None:
    assert bench.tokens("It's 4 p.m. — go!") == ["It", "s", "4", "p", "m", "go"]
    assert bench.shingles("") == {}
    assert bench.shingles("one two") == {("one", "two"): 1}
    assert sum(bench.shingles("a b c d e").values()) == 2
    exact = bench.score_page("a b c d e", "a, b. c d e")
    assert (exact.precision, exact.recall, exact.exact) == (1.0, 1.0, True)
    half = bench.score_page("a b c d e f g", "a b c d")
    assert half.precision == 1.0 and half.recall == 0.25
    empty = bench.score_page("a b c d", "")
    assert empty.precision is None and empty.recall == 0.0


def test_macro_scores() -> None:
    truth = {"p1": "a b c d e", "p2": "w x y z"}
    s = bench.score(truth, {"p1": "a b c d e"})  # p2 predicted empty
    assert s.precision == 1.0  # averaged over p1 only
    assert s.recall == 0.5
    assert s.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert s.accuracy == 0.5 and s.pages == 2


def test_floor_on_dev_set() -> None:
    if not (DATA / "ground-truth.json").is_file():
        pytest.skip("../shared/benchmarks/article-extraction is not beside the repository")
    results, predictions = bench.evaluate(DATA, systems=["storyline"])
    ours = results["storyline"]
    assert ours.pages == 136
    assert ours.f1 >= F1_FLOOR, ours
    assert ours.recall >= RECALL_FLOOR, ours
    assert set(predictions["storyline"]) == set(bench.load_truth(DATA))
