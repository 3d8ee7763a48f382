"""Do two figures agree?  Rounding-aware comparison of Quantity values.

A figure is as precise as its digits: "1,500 km" can stand for anything that
rounds to it (1,450–1,550), "40 km" for 35–45, "2.5 billion" for 2.45–2.55
billion.  The tolerance is that half-unit of the last significant digit,
relative to the number, capped at 20% (a reporter who writes "1,000" for 700
is not rounding), and widened to at least 10% by an approximating qualifier
("about", "approximately", "some", "nearly", "estimated", …).  Two figures
agree when their widened SI intervals overlap.  A bound ("up to X", "more than
X") agrees with any value on its open side; two bounds on the same side are
compared by their closed ends, so "up to Mach 10" and "up to Mach 5" disagree.
See docs/claims.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from storyline.model import Quantity
from storyline.nlp import numbers as nb

MAX_ROUNDING = 0.20  # relative cap on what rounding can hide
APPROX_WIDTH = 0.10  # at least this much either side for an approximate figure
MIN_WIDTH = 1e-6  # exact figures still get a hair of float slack
APPROXIMATE = frozenset({"about", "around", "approximately", "roughly", "some", "nearly",
                         "almost", "estimated", "reported"})


def _numerals(text: str) -> list[float]:
    """Relative precision of each numeral written in ``text``, in order."""
    out: list[float] = []
    pos = 0
    while pos < len(text):
        n = nb.number_at(text, pos) if (pos == 0 or not text[pos - 1].isalnum()) else None
        if n is not None and n.low > 0:
            out.append(n.precision / n.low)
            pos = n.end
        else:
            pos += 1
    return out


def relative_tolerance(q: Quantity) -> tuple[float, float]:
    """Relative half-widths at the low and high ends of ``q``."""
    rel = _numerals(q.text) or [MIN_WIDTH]
    lo, hi = (min(r, MAX_ROUNDING) for r in (rel[0], rel[-1]))
    if q.qualifier in APPROXIMATE:
        lo, hi = max(lo, APPROX_WIDTH), max(hi, APPROX_WIDTH)
    return max(lo, MIN_WIDTH), max(hi, MIN_WIDTH)


def widened(q: Quantity) -> tuple[float, float]:
    """``q.normalized`` with its tolerance applied; open sides are infinite."""
    rlo, rhi = relative_tolerance(q)
    n = q.normalized
    lo = -math.inf if n.low is None else n.low - abs(n.low) * rlo
    hi = math.inf if n.high is None else n.high + abs(n.high) * rhi
    return lo, hi


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    # Strict: "40" (up to 45) and "50" (from 45) only touch, and 45 rounds to 50.
    return max(a[0], b[0]) < min(a[1], b[1])


def agree(a: Quantity, b: Quantity) -> bool:
    """Whether two figures (same dimension) can both be true readings of one value."""
    if a.normalized.unit != b.normalized.unit:
        return False
    wa, wb = widened(a), widened(b)
    na, nbn = a.normalized, b.normalized
    if na.low is None and nbn.low is None and na.high is not None and nbn.high is not None:
        return _overlap(_point(a, na.high, 1), _point(b, nbn.high, 1))
    if na.high is None and nbn.high is None and na.low is not None and nbn.low is not None:
        return _overlap(_point(a, na.low, 0), _point(b, nbn.low, 0))
    return _overlap(wa, wb)


def _point(q: Quantity, v: float, side: int) -> tuple[float, float]:
    r = relative_tolerance(q)[side]
    return v - abs(v) * r, v + abs(v) * r


def forms(q: Quantity) -> tuple[Quantity, ...]:
    return (q, *q.alternates)


def agree_any(a: Quantity, b: Quantity) -> bool:
    """Agreement through any parallel form: the outlet may have converted badly."""
    return any(agree(x, y) for x in forms(a) for y in forms(b))


def inconsistent_alternates(q: Quantity) -> list[Quantity]:
    """Bracketed forms that do not round to the main figure ("480 kg (2,000 lb)")."""
    return [alt for alt in q.alternates if not agree(q, alt)]


def most_precise(qs: Iterable[Quantity]) -> Quantity:
    """The member with the tightest tolerance (first on ties): a cluster's value."""
    best: Quantity | None = None
    best_tol = math.inf
    for q in qs:
        tol = sum(relative_tolerance(q))
        if q.normalized.low is None or q.normalized.high is None:
            tol += 1.0  # a bound says less than a value
        if tol < best_tol:
            best, best_tol = q, tol
    if best is None:
        raise ValueError("most_precise() of nothing")
    return best


def is_range(q: Quantity) -> bool:
    n = q.normalized
    return n.low is not None and n.high is not None and n.low != n.high


def same_figure(a: Quantity, b: Quantity) -> bool:
    """Whether two figures state one number: some form of each agrees with some form
    of the other at every end both write ("up to 4 bcm" and "4 bcm" do; "more than
    10" and "50" only agree, they do not state one number).  Used to give a figure
    with no subject the one subject that has the same figure (module claims)."""
    for x in forms(a):
        for y in forms(b):
            nx, ny = x.normalized, y.normalized
            if nx.unit != ny.unit:
                continue
            sides = [(side, u, v) for side, (u, v) in enumerate(((nx.low, ny.low),
                                                                  (nx.high, ny.high)))
                     if u is not None and v is not None]
            if sides and all(_overlap(_point(x, u, s), _point(y, v, s)) for s, u, v in sides):
                return True
    return False


def same_written(a: Quantity, b: Quantity) -> bool:
    """Whether some form of ``a`` is some form of ``b`` exactly (SI values equal):
    "up to 250 km/h (155 mph)" and "up to 155 mph" write one figure."""
    return any(_identical(x, y) for x in forms(a) for y in forms(b))


def _identical(a: Quantity, b: Quantity) -> bool:
    x, y = a.normalized, b.normalized
    if x.unit != y.unit:
        return False
    return all(
        (u is None and v is None) or (u is not None and v is not None
                                      and abs(u - v) <= 1e-9 * max(abs(u), abs(v), 1.0))
        for u, v in ((x.low, y.low), (x.high, y.high))
    )
