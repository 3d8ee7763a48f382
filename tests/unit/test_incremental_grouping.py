"""Incremental grouping: id rules, touched stories only, bounded candidates."""

from __future__ import annotations

from datetime import date, timedelta

from storyline.stories.candidates import MAX_POSTINGS, NEAREST, candidate_pairs
from storyline.stories.features import GroupingFeatures, match_key
from storyline.stories.grouping import story_id
from storyline.stories.incremental import assign_ids, regroup


def feat(aid: str, day: str | None, *names: tuple[str, str]) -> GroupingFeatures:
    return GroupingFeatures(
        article_id=aid,
        classes=dict(names),
        day=date.fromisoformat(day) if day else None,
        words={},
    )


QUAKE = [("aris town", "PLACE"), ("mira lenz", "PERSON"), ("tom vale", "PERSON")]
FIRE = [("boro hills", "PLACE"), ("ana kuhl", "PERSON"), ("ed marsh", "PERSON")]


def test_merge_keeps_the_id_of_the_story_that_brings_more_articles() -> None:
    previous = {"s-old": ["a1"], "s-big": ["a2", "a3"]}
    ids = assign_ids([["a1", "a2", "a3", "a4"]], previous, {"s-old": 1, "s-big": 2}, set())
    assert list(ids) == ["s-big"]


def test_merge_of_equals_keeps_the_older_id() -> None:
    previous = {"s-new": ["a1"], "s-old": ["a2"]}
    ids = assign_ids([["a1", "a2"]], previous, {"s-new": 5, "s-old": 2}, set())
    assert list(ids) == ["s-old"]


def test_split_gives_the_id_to_the_larger_part_and_a_fresh_one_to_the_other() -> None:
    previous = {"s-x": ["a1", "a2", "a3"]}
    ids = assign_ids([["a1"], ["a2", "a3"]], previous, {}, set())
    assert ids["s-x"] == ("a2", "a3")
    assert ids[story_id(["a1"])] == ("a1",)


def test_new_article_joins_its_story_and_leaves_the_other_alone() -> None:
    feats = [
        feat("q1", "2026-03-01", *QUAKE),
        feat("q2", "2026-03-01", *QUAKE),
        feat("f1", "2026-03-02", *FIRE),
        feat("f2", "2026-03-02", *FIRE),
    ]
    first = regroup(feats, {})
    assert sorted(first.stories.values()) == [("f1", "f2"), ("q1", "q2")]
    later = regroup([*feats, feat("q3", "2026-03-02", *QUAKE)], first.stories)
    quake_id = next(s for s, arts in first.stories.items() if "q1" in arts)
    assert later.stories[quake_id] == ("q1", "q2", "q3")
    assert later.changed == {quake_id}
    assert later.removed == frozenset()
    # A full regroup gives the same stories and ids, and marks every story for rebuilding.
    full = regroup([*feats, feat("q3", "2026-03-02", *QUAKE)], first.stories, full=True)
    assert full.stories == later.stories
    assert full.changed == set(full.stories)


def test_new_article_without_links_opens_a_story() -> None:
    feats = [feat("q1", "2026-03-01", *QUAKE), feat("q2", "2026-03-01", *QUAKE)]
    first = regroup(feats, {})
    later = regroup([*feats, feat("z1", "2026-03-05", *FIRE)], first.stories)
    assert later.stories[story_id(["z1"])] == ("z1",)
    assert later.changed == {story_id(["z1"])}


def test_a_very_common_name_proposes_a_bounded_number_of_pairs() -> None:
    n = MAX_POSTINGS * 4
    start = date(2026, 1, 1)
    keys = [{"famous leader"} for _ in range(n)]
    days: list[date | None] = [start + timedelta(days=k // 50) for k in range(n)]
    pairs = candidate_pairs(keys, days, {"famous leader": "PERSON"})
    assert 0 < len(pairs) <= n * NEAREST
    assert len(pairs) < n * (n - 1) // 2


def test_candidates_respect_the_date_window() -> None:
    keys = [{"aris town"}, {"aris town"}, {"aris town"}]
    days = [date(2026, 1, 1), date(2026, 1, 3), date(2026, 2, 1)]
    assert candidate_pairs(keys, days, {"aris town": "PLACE"}) == {(0, 1)}


def test_match_key_folds_titles_and_abbreviated_place_words() -> None:
    assert match_key("dr sanjay gupta", "PERSON") == "sanjay gupta"
    assert match_key("president obama", "PERSON") == "obama"
    assert match_key("dr", "PERSON") == "dr"
    assert match_key("mt cook", "PLACE") == "mount cook"
    assert match_key("mt cook", "ORG") == "mount cook"
    assert match_key("st", "ORG") == "st"
