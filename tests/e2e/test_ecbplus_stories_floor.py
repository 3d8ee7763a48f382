"""ECB+ story grouping on a fixed subset of development topics: a floor it must not fall below."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import SHARED, load_benchmark

DATA = SHARED / "benchmarks" / "ecbplus"
# Development topics 2, 5, 12 and 23 (95 documents; 23 is the one-sentence
# Mount Cook reports, where name variants and short texts matter).  Measured:
# B³ F1 0.990 (P 1.000, R 0.981), ARI 0.991, with lone reports that name
# nothing specific attached by their rare words (stories/attach.py) and the
# years undated reports name (stories/years.py); 0.982 / 0.982 with the whole
# stories refined (stories/refine.py: k-means reassignment and full-size Ward
# joins); 0.937 /
# 0.933 with Ward-ordered joins and lone articles attached alone, 0.879 / 0.851
# before those; before name variants, family names and the short-report rule
# the whole development part scored 0.802 / 0.741.
TOPICS = "2,5,12,23"
B3_F1_FLOOR = 0.985
ARI_FLOOR = 0.985

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
    # (5_3ecb, the 2008 firing of the coach whom the other half hires in 2005,
    # sat with the hiring until the reassignment of stories/refine.py.)
    for topic in {d.topic for d in docs}:
        for story in set(run.predicted.values()):
            halves = Counter(
                d.half for d in docs if d.topic == topic and run.predicted[d.name] == story
            )
            assert min(halves["ecb"], halves["ecbplus"]) == 0, (topic, halves)


def test_two_days_of_one_story_join_by_their_protagonists() -> None:
    """Topics 2 and 18 (48 documents).  18ecb, an office-party shooting, is told
    on the first day (the party, the gunfire) and the next (the charge): Ward's
    test at full size keeps the two parts apart, the people at the centre of
    both join them (stories/protagonists.py).  Topic 2's halves, one host
    announced for the Oscars of two years, share their protagonist too and
    must stay apart by their years.  Measured: B³ F1 0.980 (P 1.000, R 0.961),
    18ecb in 15 + 1 stories; 0.917 with 18ecb in 11 + 5 + 1 before.
    """
    if not DATA.is_dir():
        pytest.skip("../shared/benchmarks/ecbplus is not beside the repository")
    paths = bench.select_topics(bench.document_paths(DATA), "2,18")
    docs = [bench.read_document(p) for p in paths]
    run = bench.run_stories(docs)
    assert run.scores.b3_f1 >= 0.975, run.scores
    sizes = Counter(run.predicted[d.name] for d in docs if d.subtopic == "18ecb")
    assert max(sizes.values()) >= 15, sizes
    for story in set(run.predicted.values()):
        halves = Counter(d.half for d in docs if d.topic == 2 and run.predicted[d.name] == story)
        assert min(halves["ecb"], halves["ecbplus"]) == 0, halves
