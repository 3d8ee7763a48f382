"""Check "X is 40 km from Y" against the map.

A ``distance_from`` claim whose subject and anchor are entities with
coordinates (``Entity.lat``/``lon``, filled by the places stage) is set against
the great-circle distance between the two points.  The claim is widened before
the test, by two allowances that add up:

* **rounding**: the figure's own tolerance (``compare.widened``: half a unit of
  its last significant digit, at least 10% when it says "about", …), so "about
  40 km" stands for 36–44 km;
* **places are not points**: a gazetteer gives one point per place, while a
  reporter may measure from a town's edge, its port or the road sign.  We allow
  ``max(PLACE_EXTENT_M, PLACE_EXTENT_SHARE × claimed)`` on either side: 10 km
  covers the radius of most towns and of a city centre (half of it for each of
  the two places), 10% covers centre-to-centre versus edge-to-edge on long
  distances and the slack between a straight line and how people measure.

A road distance longer than the straight line by more than that is reported as
not consistent, with the explanation saying it may be a route.  Open claims
("up to 40 km", "more than 40 km") are tested on their closed side only.
See docs/claims.md ("Gazetteer check").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from storyline.analyse import compare
from storyline.model import Claim, DistanceCheck, Entity, FigureRef, Quantity

PLACE_EXTENT_M = 10_000.0
PLACE_EXTENT_SHARE = 0.10
EARTH_RADIUS_M = 6_371_000.0


def great_circle_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of the Earth's mean radius (error < 0.5%)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def _as_quantity(claim: Claim, fig: FigureRef | None) -> Quantity:
    # The tolerance comes from how the figure was written: its text and qualifier.
    text = fig.text if fig is not None else claim.text
    return Quantity(0, len(text), text, 0, claim.value, claim.normalized,
                    qualifier=claim.qualifier)


def _figure_of(claim: Claim) -> FigureRef | None:
    """The figure the claim's value came from (the cluster's most precise member)."""
    for f in claim.figures:
        if f.normalized == claim.normalized:
            return f
    return claim.figures[0] if claim.figures else None


def allowed_interval(claim: Claim) -> tuple[float | None, float | None]:
    """What the claim allows, in metres, after rounding and place extent (None: open)."""
    lo, hi = compare.widened(_as_quantity(claim, _figure_of(claim)))
    n = claim.normalized
    size = max(abs(v) for v in (n.low, n.high) if v is not None) if (
        n.low is not None or n.high is not None) else 0.0
    slack = max(PLACE_EXTENT_M, PLACE_EXTENT_SHARE * size)
    low = None if math.isinf(lo) else max(0.0, lo - slack)
    high = None if math.isinf(hi) else hi + slack
    return low, high


def _km(v: float) -> str:
    return f"{v / 1000:,.0f} km" if v >= 10_000 else f"{v / 1000:,.1f} km"


def check_claim(claim: Claim, subject: Entity, anchor: Entity) -> DistanceCheck | None:
    """The check of one claim, or None when a place has no coordinates."""
    if None in (subject.lat, subject.lon, anchor.lat, anchor.lon):
        return None
    computed = great_circle_m(subject.lat, subject.lon, anchor.lat, anchor.lon)  # type: ignore[arg-type]
    low, high = allowed_interval(claim)
    ok = (low is None or computed >= low) and (high is None or computed <= high)
    said = f'"{claim.text}"' if claim.text else "the claim"
    allowed = (f"{_km(low) if low is not None else 'any'} to "
               f"{_km(high) if high is not None else 'any'}")
    verdict = "consistent with" if ok else "not consistent with"
    explanation = (f"{subject.name} to {anchor.name}: {said} is {verdict} the "
                   f"great-circle distance of {_km(computed)} between their gazetteer points "
                   f"(allowing {allowed} for rounding and place extent)")
    if not ok and low is not None and computed < low:
        explanation += "; the claim is longer than the straight line, perhaps a road distance"
    return DistanceCheck(claim.id, subject.id, anchor.id, round(computed, 1), low, high, ok,
                         explanation + ".")


def check_distances(claims: Iterable[Claim], entities: Sequence[Entity]) -> list[DistanceCheck]:
    """A DistanceCheck for each distance_from claim between two located entities."""
    by_id = {e.id: e for e in entities}
    out = []
    for c in claims:
        if c.attribute != "distance_from" or c.subject is None or c.anchor is None:
            continue
        subject, anchor = by_id.get(c.subject), by_id.get(c.anchor)
        if subject is None or anchor is None or subject.id == anchor.id:
            continue
        check = check_claim(c, subject, anchor)
        if check is not None:
            out.append(check)
    return out
