"""A second merging pass over a story's events: the fitted pair scorer.

The rules of ``analyse/events.py`` join two mentions only when they share an
inventory class and a participant.  Some tellings of one happening miss that:
"travelled to Knevichi Airfield" and "arrived at Knevichi Airfield" name one
movement with two classes, or one article names who acted and the other only
where.  Here the event-pair scorer fitted on ECB+ (``analyse/event_coref.py``)
scores the mentions of events the rules left apart, and two events join when
the mean pair probability between their mentions (average link; a pair not
scored counts 0) reaches the fitted threshold.  The caller's veto decides the
rest: a join is refused when any two of its mentions conflict (date, agents,
patients, place), so the scorer only adds merges the rules could not see,
never ones they refused.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from storyline.analyse import event_coref_weights as weights
from storyline.analyse.event_coref import MentionInfo, features, probability, story_stats

_WINDOW = 32  # neighbours scored per mention in each class group


def scored_links(
    infos: Sequence[MentionInfo], group_of: Sequence[str | None],
    when: Callable[[int], tuple[str, int, int]], prior: Mapping[str, float] | None = None,
) -> dict[tuple[int, int], float]:
    """Pair probabilities between mentions of one class group (``group_of``;
    ``None`` takes part in no pair), each compared with its next ``_WINDOW``
    neighbours in ``when`` order so that a big story stays near-linear."""
    prior = weights.LEMMA_PRIOR if prior is None else prior
    stats = story_stats(infos)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(group_of):
        if g is not None:
            postings[g].append(i)
    out: dict[tuple[int, int], float] = {}
    for idx in postings.values():
        idx.sort(key=when)
        for x, i in enumerate(idx):
            for j in idx[x + 1 : x + 1 + _WINDOW]:
                a, b = (i, j) if i < j else (j, i)
                if (a, b) not in out:
                    out[(a, b)] = probability(features(infos[a], infos[b], stats, prior))
    return out


def rejoin(
    clusters: Sequence[Sequence[int]], links: Mapping[tuple[int, int], float],
    veto: Callable[[Sequence[int], Sequence[int]], bool], threshold: float | None = None,
) -> list[list[int]]:
    """Clusters of mention indexes joined best first while the average-link
    probability between two clusters is at least ``threshold`` and ``veto``
    (given the members of both) does not refuse the join."""
    t = weights.THRESHOLD if threshold is None else threshold
    owner: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    for c, ms in enumerate(clusters):
        members[c] = list(ms)
        for i in ms:
            owner[i] = c
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), p in links.items():
        ci, cj = owner.get(i), owner.get(j)
        if ci is None or cj is None or ci == cj:
            continue
        sums[ci][cj] = sums[ci].get(cj, 0.0) + p
        sums[cj][ci] = sums[ci][cj]
    version = dict.fromkeys(members, 0)

    def avg(a: int, b: int) -> float:
        return sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))

    heap: list[tuple[float, int, int, int, int]] = []
    for a in list(sums):
        for b in sums[a]:
            if a < b and avg(a, b) >= t:
                heap.append((-avg(a, b), a, b, 0, 0))
    heapq.heapify(heap)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        if veto(members[a], members[b]):
            continue
        # Join b into a.
        members[a] += members.pop(b)
        version[a] += 1
        for k, s in sums.pop(b, {}).items():
            sums[k].pop(b, None)
            if k != a:
                sums[a][k] = sums[a].get(k, 0.0) + s
                sums[k][a] = sums[a][k]
        sums[a].pop(b, None)
        for k in sums[a]:
            if avg(a, k) >= t:
                x, y = (a, k) if a < k else (k, a)
                heapq.heappush(heap, (-avg(a, k), x, y, version[x], version[y]))
    return [sorted(ms) for ms in members.values()]


__all__ = ["rejoin", "scored_links"]
