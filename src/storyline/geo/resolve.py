"""Pick one gazetteer place for each toponym of a document, using the document as context.

Usage::

    from storyline.geo.resolve import resolve_toponyms
    res = resolve_toponyms(["Artyom", "Vladivostok", "Russia"])
    res[0].place  # Place(name="Artëm", lat=43.36, lon=132.19, ...)
    res[0].reason # "in a country the document names (RU); ..."

Scoring is a transparent sum per candidate (weights in ``Weights``):

* prior — feature type (a country beats a village of the same name) and log population
  (for regions and districts, the population of their member settlements);
  a match on one of GeoNames' alternate names costs a little against a main-name match;
* country context — a candidate inside a country the document names (or whose demonym it
  uses, "Russian") gains; inside a named US state or admin-1 region ("Tamil Nadu",
  "Ontario", "Scotland") gains more;
* proximity — after a first pass, a candidate near the other places picked for the same
  document gains (documents are about one area: minimise the spread).

Every name with the same key gets the same place (one sense per discourse).  A name that
matches nothing returns ``place=None`` with the reason, never a guess.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.geo.gazetteer import (
    Candidate,
    Gazetteer,
    Place,
    get_gazetteer,
    haversine_km,
    normalise,
)

# Features with a point fine enough for "near the other places" to matter.
_LOCAL = frozenset({"city", "airport", "state", "region", "county"})


@dataclass(frozen=True, slots=True)
class Weights:
    """Score weights; the defaults were set by hand on the dev split of GWN/LGL."""

    country: float = 12.0  # a country's prior (log10 population of cities tops out ~7.5)
    continent: float = 12.0
    state: float = 8.0
    # Admin-1 regions outside the US and admin-2 units with bare names ("Suffolk") are
    # weighed like a city of their population (the sum over their member settlements),
    # plus these lifts; 0 measured best on the dev split (1 and 2 cost 0.1–0.8 points).
    region: float = 0.0
    county: float = 9.0  # US counties: matched by full name ("Rapides Parish")
    district: float = 0.0
    demonym: float = 9.0  # "Russian" → Russia, when no place is called "Russian"
    airport: float = 6.0
    alternate_penalty: float = 1.0  # matched an alternate name, not the main one
    in_named_country: float = 3.0
    in_named_state: float = 2.0
    near: float = 3.0  # bonus for a candidate at distance 0 from another pick …
    near_scale_km: float = 250.0  # … decaying with this scale
    passes: int = 3


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome for one input name: a place and why, or None and why not."""

    name: str
    place: Place | None
    reason: str
    n_candidates: int = 0
    score: float = 0.0


def _variants(name: str) -> list[str]:
    """Surface forms worth trying when the name as written matches nothing."""
    out = [name]
    stripped = name.strip().strip(".,;:")
    if stripped.lower().startswith("the "):
        stripped = stripped[4:]
    for suffix in ("'s", "’s", "'"):
        if stripped.endswith(suffix):
            stripped = stripped[: -len(suffix)]
    if stripped != name:
        out.append(stripped)
    if stripped.endswith((" State", " Province")) and " " in stripped.strip():
        out.append(stripped.rsplit(" ", 1)[0])  # "Oaxaca State" → the region "Oaxaca"
    return out


@dataclass(slots=True)
class _Option:
    place: Place
    prior: float
    how: str  # "name", "alternate name", "demonym", "code"


def _options(gaz: Gazetteer, name: str, w: Weights) -> list[_Option]:
    cands: list[Candidate] = []
    for v in _variants(name):
        cands = gaz.lookup(v)
        if cands:
            break
    best: dict[str, _Option] = {}
    for c in cands:
        p = c.place
        if p.feature == "city":
            prior = math.log10(p.population + 10)
        else:
            prior = {"country": w.country, "continent": w.continent, "state": w.state,
                     "region": w.region, "county": w.county, "airport": w.airport}[p.feature]
            if p.feature == "county" and p.country_code != "US":
                prior = math.log10(p.population + 10) + w.district
            elif p.feature == "region":
                prior = math.log10(p.population + 10) + w.region
        if not c.primary:
            prior -= w.alternate_penalty
        opt = _Option(p, prior, "name" if c.primary else "alternate name")
        if p.gazetteer_id not in best or best[p.gazetteer_id].prior < prior:
            best[p.gazetteer_id] = opt
    for p in gaz.demonym(name):
        if p.gazetteer_id not in best:
            best[p.gazetteer_id] = _Option(p, w.demonym, "demonym")
    return list(best.values())


def resolve_toponyms(
    names: Sequence[str],
    context: Sequence[str] = (),
    *,
    gazetteer: Gazetteer | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[Resolution]:
    """Resolve each of a document's toponyms to one place (or None, with a reason).

    ``names``: the toponym strings to resolve, in document order (repeats allowed; the
    result is parallel to it).  ``context``: further place names from the same document
    (e.g. every GPE/LOC entity) that inform the choice but are not resolved themselves.
    """
    gaz = gazetteer or get_gazetteer()
    w = weights
    keys = [normalise(n) for n in names]
    surface: dict[str, str] = {}
    for n, k in zip(names, keys, strict=True):
        surface.setdefault(k, n)
    ctx_keys: dict[str, str] = {}
    for n in context:
        k = normalise(n)
        if k not in surface:
            ctx_keys.setdefault(k, n)
    all_keys = {**surface, **ctx_keys}
    options = {k: _options(gaz, n, w) for k, n in all_keys.items()}

    # Explicit geographic frame: countries/states the document names outright.
    named_countries: set[str] = set()
    named_states: set[tuple[str, str]] = set()
    for opts in options.values():
        for o in opts:
            if o.place.feature == "country" and o.how != "alternate name":
                named_countries.add(o.place.country_code)
            elif o.place.feature in ("state", "region", "county") and o.how == "name":
                named_states.add((o.place.country_code, o.place.admin1))
                named_countries.add(o.place.country_code)

    def frame_bonus(p: Place) -> tuple[float, str]:
        if p.feature in ("country", "continent"):
            return 0.0, ""
        bonus, why = 0.0, []
        if p.country_code in named_countries:
            bonus += w.in_named_country
            why.append(f"in a country the document names ({p.country_code})")
        if p.feature not in ("state", "region") and (p.country_code, p.admin1) in named_states:
            bonus += w.in_named_state
            why.append(f"in a state/region the document names ({p.admin1})")
        return bonus, "; ".join(why)

    picks: dict[str, tuple[_Option, float, str]] = {}
    for pass_no in range(max(1, w.passes)):
        # Points usable as proximity anchors: fine-grained picks of *other* names.
        anchors = {k: v[0].place for k, v in picks.items()
                   if v[0].place.feature in ("city", "airport", "county")}
        new: dict[str, tuple[_Option, float, str]] = {}
        for k, opts in options.items():
            if not opts:
                continue
            scored: list[tuple[float, str, _Option]] = []
            for o in opts:
                fb, why = frame_bonus(o.place)
                s = o.prior + fb
                reasons = [why] if why else []
                if pass_no > 0 and o.place.feature in _LOCAL:
                    d = min((haversine_km(o.place.lat, o.place.lon, a.lat, a.lon)
                             for kk, a in anchors.items() if kk != k), default=math.inf)
                    if d < math.inf:
                        near = w.near * math.exp(-d / w.near_scale_km)
                        s += near
                        if near > 0.3:
                            reasons.append(f"{d:.0f} km from another place in the document")
                scored.append((s, "; ".join(reasons), o))
            scored.sort(key=lambda t: (-t[0], -t[2].place.population, t[2].place.gazetteer_id))
            s, why, o = scored[0]
            new[k] = (o, s, why)
        picks = new

    out: list[Resolution] = []
    for n, k in zip(names, keys, strict=True):
        opts = options.get(k, [])
        if not k:
            out.append(Resolution(n, None, "empty name"))
            continue
        if k not in picks:
            out.append(Resolution(n, None, f"no gazetteer entry for {n!r}"))
            continue
        o, s, why = picks[k]
        how = f"{o.how} match"
        if len(opts) == 1:
            reason = f"{how}; only candidate"
        elif why:
            reason = f"{how}; {why}"
        else:
            reason = f"{how}; highest prior (feature/population) of {len(opts)}"
        if o.place.feature == "county":
            reason += "; coarse: " + o.place.basis
        out.append(Resolution(n, o.place, reason, len(opts), round(s, 3)))
    return out


def document_countries(resolutions: Sequence[Resolution]) -> Counter[str]:
    """Country codes of the places resolved in one document, by frequency."""
    return Counter(r.place.country_code for r in resolutions if r.place and r.place.country_code)
