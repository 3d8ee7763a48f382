"""Whether two groups of articles tell one episode or two look-alikes: Ward's test.

Two reports of one episode and two reports of look-alike episodes (two
earthquakes, two arrests of footballers of one club) share the generic
vocabulary and the famous names alike, so a pair of articles cannot always
tell them apart.  Groups can: the reports of one episode repeat its specific
details (the ship's name, the toll, the year, the victim) while the other
episode's reports repeat *other* specific details.  The centroids of the two
groups' TF-IDF vectors then lie further apart than the scatter of each group
around its own centroid explains.

Ward's criterion measures exactly that: the growth of the within-group sum
of squares when A and B join is

    Δ = |A|·|B| / (|A| + |B|) · ‖c_A − c_B‖²

and when A and B are two samples of one population it stays, on average,
near the per-article variance σ² whatever the sizes (the centroid distance
shrinks as the groups grow), while for two populations it grows with the
sizes.  So the test is the ratio F = Δ / σ², with σ² pooled from the two
groups' own scatter (Σ‖x − c‖² over their articles, / (|A| + |B| − 2)),
blended with a prior variance for groups too small to estimate their own.
On ECB+ (all 33 topics, TF-IDF of content words) two random halves of one
episode's reports score 0.6-1.6 (median 0.95), the two look-alike episodes
of a topic 1.4-7 (median 4.2); joins stop at ``merging.MAX_WARD_RATIO`` 2.5,
which the partial groups met during agglomeration put a little above the
overlap.  ``GroupVectors`` keeps, per group, the sum vector and the sum of squares, so
that a merge costs the size of the smaller group's vector.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.stories.similarity import dot as _dot

PRIOR_VARIANCE = 0.8
PRIOR_WEIGHT = 2.0


class GroupVectors:
    """Sum of unit-length vectors and article count per group (keyed by group root)."""

    def __init__(self, vectors: Sequence[Mapping[str, float]] | None, idx: Sequence[int]) -> None:
        # Without vectors every group is a point at the origin: the test passes all.
        # A lone article's sum is its own vector, shared, not copied: most
        # articles never join, and at 100k articles a copy of every vector
        # doubled the memory grouping takes.  A sum is copied when first grown.
        self.sums: dict[int, Mapping[str, float]] = {
            i: vectors[i] if vectors else {} for i in idx
        }
        self._owned: set[int] = set()
        self.sq: dict[int, float] = {i: _dot(self.sums[i], self.sums[i]) for i in idx}  # ‖S‖²
        self.n: dict[int, int] = dict.fromkeys(idx, 1)

    def sse(self, g: int) -> float:
        """Within-group sum of squares: n − ‖S‖²/n for unit vectors."""
        return max(0.0, self.n[g] - self.sq[g] / self.n[g])

    def ward_ratio(self, a: int, b: int) -> float:
        """Δ(A, B) / σ²: near 1 for one population, large for two."""
        na, nb = self.n[a], self.n[b]
        cross = _dot(self.sums[a], self.sums[b])
        # ‖c_A − c_B‖² from the sums: ‖S_A‖²/n_A² + ‖S_B‖²/n_B² − 2 S_A·S_B/(n_A n_B)
        dist = self.sq[a] / na**2 + self.sq[b] / nb**2 - 2 * cross / (na * nb)
        delta = na * nb / (na + nb) * max(0.0, dist)
        dof = na + nb - 2
        var = (self.sse(a) + self.sse(b) + PRIOR_WEIGHT * PRIOR_VARIANCE) / (dof + PRIOR_WEIGHT)
        return delta / var if var > 0 else 0.0

    def join(self, keep: int, gone: int) -> None:
        big, small = self.sums[keep], self.sums.pop(gone)
        big_owned = keep in self._owned
        small_owned = gone in self._owned
        self._owned.discard(gone)
        if len(big) < len(small):
            big, small, big_owned = small, big, small_owned
        cross = _dot(big, small)
        grown = big if big_owned and isinstance(big, dict) else dict(big)
        for w, x in small.items():
            grown[w] = grown.get(w, 0.0) + x
        self.sums[keep] = grown
        self._owned.add(keep)
        self.sq[keep] = self.sq[keep] + self.sq.pop(gone) + 2 * cross
        self.n[keep] += self.n.pop(gone)
