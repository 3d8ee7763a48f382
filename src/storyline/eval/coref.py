"""Coreference scores: MUC, B³, CEAF-e and their mean, the CoNLL F1.

Written from the definitions, following the conventions of the reference
CoNLL-2012 scorer (v8.01), so that the figures compare with published ones:

* A clustering is a mapping *mention → cluster id*; the key (gold) and the
  response (system) may cover different mentions (system mentions).  A mention
  is anything hashable, e.g. ``(document, start, end)``; two mentions match only
  when they are equal (exact boundaries, as the reference scorer).
* **MUC** (Vilain et al. 1995) counts links: recall = Σ_K (|K| − |p(K)|) /
  Σ_K (|K| − 1), where p(K) partitions K by the response clusters, a key mention
  missing from the response being its own part.  Precision swaps the roles.
  Singletons add nothing to either side.
* **B³** (Bagga & Baldwin 1998) averages over mentions: recall = Σ_K Σ_R
  |K∩R|² / |K| over Σ|K|; precision = Σ_R Σ_K |K∩R|² / |R| over Σ|R|.
* **CEAF-e** (Luo 2005) aligns key and response clusters one to one so that the
  sum of φ₄(K, R) = 2|K∩R| / (|K| + |R|) is largest; recall = that sum / number
  of key clusters, precision = it / number of response clusters.  The optimal
  alignment is found per connected group of overlapping clusters (clusters that
  share no mention gain nothing from being paired), with the Hungarian method.
* **CoNLL F1** = the mean of the three F1 scores (Pradhan et al. 2014).

An empty side scores 0 where its denominator is 0, as the reference scorer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

# mention -> cluster id; the key is Any because Mapping is invariant in its key
# type, so a dict keyed by tuples would not pass as Mapping[Hashable, ...].
Clustering = Mapping[Any, Hashable]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class CorefScores:
    muc: PRF
    b3: PRF
    ceafe: PRF
    key_mentions: int
    response_mentions: int
    key_clusters: int
    response_clusters: int

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceafe.f1) / 3

    def to_dict(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {}
        for name, prf in (("muc", self.muc), ("b3", self.b3), ("ceafe", self.ceafe)):
            out[f"{name}_p"] = prf.precision
            out[f"{name}_r"] = prf.recall
            out[f"{name}_f1"] = prf.f1
        out["conll_f1"] = self.conll_f1
        out["key_mentions"] = self.key_mentions
        out["response_mentions"] = self.response_mentions
        out["key_clusters"] = self.key_clusters
        out["response_clusters"] = self.response_clusters
        return out


def clusters_of(clustering: Clustering) -> list[frozenset[Hashable]]:
    """The clusters as sets of mentions, in a fixed order (by their ids' text)."""
    members: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, cid in clustering.items():
        members[cid].add(mention)
    return [frozenset(members[c]) for c in sorted(members, key=repr)]


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def muc(key: Clustering, response: Clustering) -> PRF:
    return PRF(precision=_muc_recall(response, key), recall=_muc_recall(key, response))


def _muc_recall(key: Clustering, response: Clustering) -> float:
    num = den = 0
    for cluster in clusters_of(key):
        parts = {response.get(m, ("missing", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return _ratio(num, den)


def b_cubed(key: Clustering, response: Clustering) -> PRF:
    return PRF(precision=_b3_recall(response, key), recall=_b3_recall(key, response))


def _b3_recall(key: Clustering, response: Clustering) -> float:
    num = 0.0
    total = 0
    for cluster in clusters_of(key):
        overlap: dict[Hashable, int] = defaultdict(int)
        for m in cluster:
            if m in response:
                overlap[response[m]] += 1
        num += sum(c * c for c in overlap.values()) / len(cluster)
        total += len(cluster)
    return _ratio(num, total)


def ceaf_e(key: Clustering, response: Clustering) -> PRF:
    keys = clusters_of(key)
    resps = clusters_of(response)
    resp_of: dict[Hashable, int] = {m: j for j, c in enumerate(resps) for m in c}
    # Overlap graph between key clusters (i) and response clusters (j).
    edges: dict[int, set[int]] = defaultdict(set)
    for i, c in enumerate(keys):
        for m in c:
            if m in resp_of:
                edges[i].add(resp_of[m])
    similarity = 0.0
    for comp_keys, comp_resps in _components(edges):
        matrix = [
            [2 * len(keys[i] & resps[j]) / (len(keys[i]) + len(resps[j])) for j in comp_resps]
            for i in comp_keys
        ]
        similarity += max_assignment(matrix)
    return PRF(
        precision=_ratio(similarity, len(resps)), recall=_ratio(similarity, len(keys))
    )


def _components(edges: Mapping[int, set[int]]) -> list[tuple[list[int], list[int]]]:
    """Connected groups of the bipartite overlap graph, as (key ids, response ids)."""
    by_resp: dict[int, set[int]] = defaultdict(set)
    for i, js in edges.items():
        for j in js:
            by_resp[j].add(i)
    seen: set[int] = set()
    out = []
    for start in sorted(edges):
        if start in seen:
            continue
        comp_k: set[int] = set()
        comp_r: set[int] = set()
        stack = [start]
        seen.add(start)
        while stack:
            i = stack.pop()
            comp_k.add(i)
            for j in edges[i]:
                if j in comp_r:
                    continue
                comp_r.add(j)
                for i2 in by_resp[j]:
                    if i2 not in seen:
                        seen.add(i2)
                        stack.append(i2)
        out.append((sorted(comp_k), sorted(comp_r)))
    return out


def max_assignment(weights: list[list[float]]) -> float:
    """Largest total weight of a one-to-one pairing of rows and columns.

    The Hungarian method (Kuhn–Munkres, the O(n³) potentials form) on costs
    ``-weight``, with the matrix padded square by zeros: an unpaired row or
    column adds nothing, which is what CEAF wants.
    """
    rows = len(weights)
    cols = max((len(r) for r in weights), default=0)
    n = max(rows, cols)
    if n == 0:
        return 0.0
    cost = [[0.0] * (n + 1) for _ in range(n + 1)]  # 1-based, as the classic form
    for i, row in enumerate(weights, start=1):
        for j, w in enumerate(row, start=1):
            cost[i][j] = -w
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match = [0] * (n + 1)  # match[j] = row assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            delta = inf
            j1 = 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                cur = cost[i0][j] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
            if j0 == 0:
                break
    return -sum(cost[match[j]][j] for j in range(1, n + 1) if match[j])


def score_coref(key: Clustering, response: Clustering) -> CorefScores:
    """MUC, B³ and CEAF-e of ``response`` against ``key``; ``.conll_f1`` their mean."""
    return CorefScores(
        muc=muc(key, response),
        b3=b_cubed(key, response),
        ceafe=ceaf_e(key, response),
        key_mentions=len(key),
        response_mentions=len(response),
        key_clusters=len(set(key.values())),
        response_clusters=len(set(response.values())),
    )
