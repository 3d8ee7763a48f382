"""Join linked articles into stories: Ward's order over the link graph.

The pair test (``grouping._link_strength``) says which articles *may* tell one
episode.  This module decides which groups do, one join at a time:

* Only groups with linked articles between them are candidates, and they join
  only when at least ``MIN_GROUP_LINKAGE`` of the article pairs between them
  are linked (average linkage: one round-up that names two episodes cannot
  chain them), when their dated articles lie within the date window, and when
  Ward's test (``stories/cohesion.py``) does not find two populations.
* The candidate join with the smallest Ward ratio goes first.  Joining the
  strongest *pair* first, as single-link clustering does, lets one report of
  the other look-alike episode join early, while the groups are too small for
  any group test to see the difference; the most cohesive join first builds
  each episode's core from its closest reports before the cores meet, and
  when they meet the test has their full size to judge by.

The groups' neighbours and the count of linked pairs between them are kept
in a sparse adjacency map, so a join costs its groups' neighbours, not the
corpus: the whole is sub-quadratic as long as the link graph is sparse (the
candidate index bounds it).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from storyline.stories.candidates import DATE_WINDOW_DAYS
from storyline.stories.cohesion import GroupVectors
from storyline.stories.years import YearProfiles

MIN_GROUP_LINKAGE = 0.3
MAX_WARD_RATIO = 2.5


def merge_groups(
    idx: Sequence[int],
    strength: Mapping[tuple[int, int], float],
    days: Sequence[date | None] | None = None,
    vectors: Sequence[Mapping[str, float]] | None = None,
    max_ratio: float = MAX_WARD_RATIO,
    years: Sequence[Sequence[int] | None] | None = None,
) -> dict[int, list[int]]:
    """Groups (root index → member indices) of the articles ``idx``.

    ``strength`` holds the linked pairs, ``days[i]`` article i's publication
    day (None when unknown), ``vectors[i]`` its unit-length text vector.
    Without vectors every join passes Ward's test and joins go by link
    strength alone.  ``years[i]`` are the years undated article i names (None
    for a dated one): groups whose years clash do not join (``stories/years.py``).
    """
    members: dict[int, list[int]] = {i: [i] for i in idx}
    span: dict[int, tuple[date, date]] = {}
    for i in idx:
        day = days[i] if days is not None else None
        if day is not None:
            span[i] = (day, day)
    gv = GroupVectors(vectors, idx)
    prof = YearProfiles(years, idx) if years is not None else None
    links: dict[int, dict[int, int]] = {i: {} for i in idx}
    best: dict[int, dict[int, float]] = {i: {} for i in idx}
    for (i, j), s in strength.items():
        links[i][j] = links[j][i] = 1
        best[i][j] = best[j][i] = s
    version = dict.fromkeys(idx, 0)
    heap: list[tuple[float, float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        ratio = gv.ward_ratio(a, b) if vectors is not None else 0.0
        if ratio <= max_ratio:
            lo, hi = min(a, b), max(a, b)
            heapq.heappush(heap, (ratio, -best[a][b], lo, hi, version[lo], version[hi]))

    for i, j in strength:
        push(i, j)
    while heap:
        _, _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue  # stale: one side has joined another group since
        na, nb = len(members[a]), len(members[b])
        if links[a][b] < MIN_GROUP_LINKAGE * na * nb:
            continue
        sa, sb = span.get(a), span.get(b)
        if sa and sb and max(sa[0], sb[0]) - min(sa[1], sb[1]) > timedelta(DATE_WINDOW_DAYS):
            continue
        if prof is not None and prof.clash(a, b):
            continue
        keep, gone = (a, b) if na >= nb else (b, a)
        gv.join(keep, gone)
        if prof is not None:
            prof.join(keep, gone)
        members[keep].extend(members.pop(gone))
        if sa or sb:
            both = [x for x in (sa, sb) if x]
            span[keep] = (min(x[0] for x in both), max(x[1] for x in both))
        span.pop(gone, None)
        version[keep] += 1
        _join_adjacency(links, best, keep, gone)
        for c in links[keep]:
            push(keep, c)
    return members


def _join_adjacency(
    links: dict[int, dict[int, int]], best: dict[int, dict[int, float]], keep: int, gone: int
) -> None:
    """Fold ``gone``'s neighbours into ``keep``'s: linked-pair counts add up, the
    strongest link between two groups is kept (it orders ties)."""
    lg, bg = links.pop(gone), best.pop(gone)
    lk, bk = links[keep], best[keep]
    lg.pop(keep, None)
    bg.pop(keep, None)
    lk.pop(gone, None)
    bk.pop(gone, None)
    for c, k in lg.items():
        lk[c] = lk.get(c, 0) + k
        bk[c] = max(bk.get(c, 0.0), bg[c])
        del links[c][gone]
        del best[c][gone]
        links[c][keep] = lk[c]
        best[c][keep] = bk[c]
