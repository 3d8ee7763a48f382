"""ECB+ story grouping on a fixed subset of development topics: a floor it must not fall below."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import SHARED, load_benchmark

DATA = SHARED / "benchmarks" / "ecbplus"
# Development topics 2, 5, 12 and 23 (95 documents; 23 is the one-sentence
# Mount Cook reports, where name variants and short texts matter).  Measured:
# B³ F1 0.937 (P 0.981, R 0.896), ARI 0.933, with Ward-ordered joins and lone
# articles attached (was 0.879 / 0.851; before name variants, family names and
# the short-report rule the whole development part scored 0.802 / 0.741).
TOPICS = "2,5,12,23"
B3_F1_FLOOR = 0.93
ARI_FLOOR = 0.92

bench = load_benchmark("ecbplus.py")


def test_story_grouping_floor_on_development_topics() -> None:
    if not DATA.is_dir():
        pytest.skip("../shared/benchmarks/ecbplus is not beside the repository")
    paths = bench.select_topics(bench.document_paths(DATA), TOPICS)
    docs = [bench.read_document(p) for p in paths]
    assert len({d.topic for d in docs}) == 4
    run = bench.run_stories(docs)
    assert run.scores.b3_f1 >= B3_F1_FLOOR, run.scores
    assert run.scores.ari >= ARI_FLOOR, run.scores
    # The two halves of a topic are look-alike events: no story may hold both.
    # One report may still stray (5_3ecb, the 2008 firing of the coach whom
    # the other half hires in 2005, sits with the hiring), never two.
    for topic in {d.topic for d in docs}:
        for story in set(run.predicted.values()):
            halves = Counter(
                d.half for d in docs if d.topic == topic and run.predicted[d.name] == story
            )
            assert min(halves["ecb"], halves["ecbplus"]) <= 1, (topic, halves)
