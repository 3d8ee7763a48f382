"""Ward's test, Ward-ordered joins and lone-article attachment on small hand-made vectors."""

from __future__ import annotations

import math
from datetime import date

from storyline.stories.attach import attach_by_words, attach_lone_articles
from storyline.stories.cohesion import GroupVectors
from storyline.stories.merging import merge_groups


def unit(**weights: float) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in weights.values()))
    return {w: x / norm for w, x in weights.items()}


# Two look-alike earthquakes: shared wording, each with its own town and magnitude.
QUAKE_A = [unit(quake=1, iran=1, qeshm=1, dargahan=1, m56=1, hurt=0.5 + k / 10) for k in range(4)]
QUAKE_B = [unit(quake=1, iran=1, qeshm=1, bandar=1, m61=1, dead=0.5 + k / 10) for k in range(4)]


def grouped(vectors: list[dict[str, float]], members: list[list[int]]) -> GroupVectors:
    gv = GroupVectors(vectors, range(len(vectors)))
    for m in members:
        for x in m[1:]:
            gv.join(m[0], x)
    return gv


def test_ward_ratio_small_within_an_episode_large_between_look_alikes() -> None:
    vectors = QUAKE_A + QUAKE_B
    same = grouped(vectors, [[0, 1], [2, 3]]).ward_ratio(0, 2)
    apart = grouped(vectors, [[0, 1, 2, 3], [4, 5, 6, 7]]).ward_ratio(0, 4)
    assert same < 1.0 < 2.5 < apart


def test_look_alikes_linked_across_stay_apart() -> None:
    vectors = QUAKE_A + QUAKE_B
    # Every pair is linked (they share the famous names), so average linkage
    # alone would make one story; Ward's test keeps the two episodes apart.
    strength = {(i, j): 1.0 for i in range(8) for j in range(i + 1, 8)}
    groups = merge_groups(range(8), strength, None, vectors)
    assert sorted(sorted(g) for g in groups.values()) == [[0, 1, 2, 3], [4, 5, 6, 7]]
    # Without vectors the test passes every join.
    assert len(merge_groups(range(8), strength)) == 1


def test_lone_article_attaches_only_when_clear() -> None:
    brief = unit(quake=1, dargahan=1, m56=1)
    between = unit(quake=1, iran=1, qeshm=1)
    vectors = [*QUAKE_A, *QUAKE_B, brief, between]
    members = {0: [0, 1, 2, 3], 4: [4, 5, 6, 7], 8: [8], 9: [9]}
    everyone = {8: set(range(8)), 9: set(range(8))}
    days = [None] * 10
    out = attach_lone_articles(members, vectors, everyone, days, lambda i, s: 2.0, 1.0)
    assert sorted(out[0]) == [0, 1, 2, 3, 8]  # the brief names the first quake's town
    assert out[9] == [9]  # as close to both quakes: stays alone
    # Too few shared names with the story: stays alone.
    out = attach_lone_articles(members, vectors, everyone, days, lambda i, s: 0.5, 1.0)
    assert out[8] == [8]


def test_nameless_brief_attaches_by_its_rare_words() -> None:
    # No candidates by name at all: the brief's own words find the stories.
    brief = unit(quake=1, dargahan=1, m56=1)
    between = unit(quake=1, iran=1, qeshm=1)
    vectors = [*QUAKE_A, *QUAKE_B, brief, between]
    members = {0: [0, 1, 2, 3], 4: [4, 5, 6, 7], 8: [8], 9: [9]}
    days = [None] * 10
    out = attach_by_words(members, vectors, days, lambda i, s: True)
    assert sorted(out[0]) == [0, 1, 2, 3, 8]
    assert out[9] == [9]  # as close to both quakes: stays alone
    # The caller's condition (a name of its own the story lacks) keeps it alone.
    out = attach_by_words(members, vectors, days, lambda i, s: False)
    assert out[8] == [8]
    # Out of the date window of the story: stays alone.
    far = [date(2024, 1, 1)] * 8 + [date(2024, 3, 1), None]
    assert attach_by_words(members, vectors, far, lambda i, s: True)[8] == [8]
