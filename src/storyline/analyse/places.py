"""Put a story's places and facilities on the map, and merge those that are one site.

Runs after entity resolution (``analyse/entities.py``) and before claims, on the whole
story at once, because the story is the context that picks one ``Artyom`` out of many:

1. Every PLACE entity's name is resolved by ``geo.resolve.resolve_toponyms`` with the
   story's other place names and demonyms ("Russian") as context: the countries and
   regions the story names, the places near each other, population and feature type as
   the prior.  A pick that neither context nor a clear prior supports is not taken:
   the entity keeps ``lat``/``lon`` null and ``geo_note`` says which candidates tied.
2. A FACILITY is placed only when the gazetteer holds it, which for now means airports
   and airfields: by name or code ("Vladivostok International Airport", "UHWW"), by the
   city an airport serves ("Vladivostok airport"), or as the airport nearest to the
   settlement an airfield is named after ("Knevichi airfield": Knevichi lies 3 km from
   UHWW).  Other facilities (a theatre, a cosmodrome) keep null coordinates.
3. Entities that land on the same gazetteer record are one site and are merged: an
   airfield and the airport it is, "Primorsky region" and "Primorye region".  A city and
   its airport are different records, so they stay apart.

Organisation names are context too, but weaker than the story's own places: a state or
country inside an ORG entity's name ("Georgia Bureau of Investigation" → Georgia, via
``geo.embedded.embedded_places``) decides only a place that the story's places left
unplaced (ambiguous or unsupported), and only when that context is what picks it:
"Albany" beside the Georgia Bureau of Investigation is Albany, Georgia.  Such names are
context only; they become PLACE entities only through ``analyse.org_places``.

Nothing is guessed: every entity placed or not carries ``geo_note`` saying why.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from storyline.analyse.entities import EntityResolution
from storyline.geo.embedded import embedded_places
from storyline.geo.gazetteer import Gazetteer, Place, get_gazetteer, normalise
from storyline.geo.resolve import Resolution, resolve_toponyms
from storyline.model import Entity, EntityMentionRef

# A pick must beat the next candidate by this much (log10 population ≈ ten times the
# people) unless the story's context chose it.
AMBIGUITY_MARGIN = 1.0
# A lone candidate smaller than this (people) needs the story's context to be believed:
# capitalised words that are not places ("Earth") match villages somewhere.
SMALL_PLACE = 5000
# An airfield named after a settlement is the airport within this distance of it.
AIRFIELD_RADIUS_KM = 12.0

_AIRFIELD_WORDS = ("international airport", "airport", "airfield", "air field", "air base",
                   "airbase", "aerodrome", "airstrip")
_LOCATABLE = ("PLACE", "FACILITY")
# Readings of a name inside an organisation's name that place the organisation in a
# country or state ("Ohio Supreme Court", "Russian Foreign Ministry"); a town in the
# name ("Dublin City Council", "Russian Pacific Fleet") is left out of the context.
_FRAME_FEATURES = ("country", "state", "region")


@dataclasses.dataclass(frozen=True)
class _Located:
    place: Place | None
    note: str


def locate_places(
    resolution: EntityResolution, *, gazetteer: Gazetteer | None = None
) -> EntityResolution:
    """The same entities with coordinates for places and facilities, same-site ones merged."""
    gaz = gazetteer or get_gazetteer()
    places = [e for e in resolution.entities if e.type == "PLACE"]
    context = [n for e in resolution.entities if e.type in ("PLACE", "GROUP")
               for n in (e.name, *e.aliases)]
    located: dict[str, _Located] = {}
    if places:
        for e, r in zip(places, _resolve_places(places, context, gaz), strict=True):
            located[e.id] = _judge(r)
        located.update(_decide_by_organisations(places, resolution.entities, context,
                                                located, gaz))
    countries = {loc.place.country_code for loc in located.values() if loc.place}
    for e in resolution.entities:
        if e.type == "FACILITY":
            located[e.id] = _locate_facility(e, context, countries, gaz)

    placed = [_with_place(e, located[e.id]) if e.id in located else e
              for e in resolution.entities]
    return _merge_same_site(placed, resolution.mention_entity)


def _resolve_places(places: Sequence[Entity], context: Sequence[str],
                    gaz: Gazetteer) -> list[Resolution]:
    """One resolution per entity: its name, else the first alias the gazetteer knows."""
    first = resolve_toponyms([e.name for e in places], context, gazetteer=gaz)
    out = []
    for e, r in zip(places, first, strict=True):
        if r.place is None:
            for alias in e.aliases:
                (alt,) = resolve_toponyms([alias], context, gazetteer=gaz)
                if alt.place is not None:
                    r = alt
                    break
        out.append(r)
    return out


def organisation_context(entities: Sequence[Entity], gaz: Gazetteer) -> dict[str, str]:
    """Country and state names inside the story's organisation names, each with the
    organisation it was read from: "Georgia" → "Georgia Bureau of Investigation"."""
    out: dict[str, str] = {}
    for e in entities:
        if e.type != "ORG":
            continue
        for name in (e.name, *e.aliases):
            for s, t in embedded_places(name, 0, len(name), gaz):
                part = name[s:t]
                if part not in out and (gaz.demonym(part) or any(
                        c.place.feature in _FRAME_FEATURES
                        and (c.primary or c.place.feature == "country")
                        for c in gaz.lookup(part))):
                    out[part] = name
    return out


def _decide_by_organisations(places: Sequence[Entity], entities: Sequence[Entity],
                             context: Sequence[str], located: dict[str, _Located],
                             gaz: Gazetteer) -> dict[str, _Located]:
    """Places the story left unplaced that its organisations' countries and states
    decide: resolved again with those names as context, taken only when the context
    chose the pick.  A place the story's own names settled is never moved."""
    open_ = {e.id for e in places if located[e.id].place is None
             and not located[e.id].note.startswith("not in gazetteer")}
    if not open_:
        return {}
    orgs = organisation_context(entities, gaz)
    own = {normalise(n) for n in context}
    extra = {part: org for part, org in orgs.items() if normalise(part) not in own}
    if not extra:
        return {}
    again = _resolve_places(places, [*context, *extra], gaz)
    out: dict[str, _Located] = {}
    for e, r in zip(places, again, strict=True):
        if e.id not in open_ or not r.by_context:
            continue
        loc = _judge(r)
        if loc.place is not None:
            said = ", ".join(f"{part} in “{org}”" for part, org in extra.items())
            out[e.id] = _Located(loc.place, f"{loc.note}; context from organisation"
                                            f" names ({said})")
    return out


def _judge(r: Resolution) -> _Located:
    """Accept a resolution, or say why it is not good enough to print as a fact."""
    if r.place is None:
        return _Located(None, f"not in gazetteer ({r.reason})")
    p = r.place
    if not r.by_context and p.feature == "city" and r.runner_up is None:
        if p.population < SMALL_PLACE:
            return _Located(None, f"unsupported: the only match is a small place ({p.name},"
                                  f" {p.country_code}, {p.population:,} people) that nothing"
                                  " else in the story points to")
        if r.how == "alternate name":
            return _Located(None, f"unsupported: the only match is {p.name}"
                                  f" ({p.country_code}) by one of its alternate names, and"
                                  " nothing else in the story points there")
    if r.n_candidates > 1 and not r.by_context and r.margin < AMBIGUITY_MARGIN:
        other = r.runner_up
        alt = f"{other.name}, {other.country_code or other.feature}" if other else "another"
        return _Located(None, f"ambiguous: {r.n_candidates} candidates, no context decides"
                              f" ({r.place.name}, {r.place.country_code or r.place.feature}"
                              f" or {alt})")
    return _Located(r.place, _note(r.reason, r.place))


def _note(reason: str, place: Place) -> str:
    if place.basis not in ("geonames point", "airportsdata point") and place.basis not in reason:
        return f"{reason}; point: {place.basis}"
    return reason


def _locate_facility(e: Entity, context: Sequence[str], countries: set[str],
                     gaz: Gazetteer) -> _Located:
    for name in (e.name, *e.aliases):
        hits = [c.place for c in gaz.lookup(name) if c.place.feature == "airport"]
        pick = _one_in_frame(hits, countries)
        if pick is not None:
            return _Located(pick, "airport by name or code")
    for name in (e.name, *e.aliases):
        base = _strip_airfield_word(name)
        if not base:
            continue
        pick = _one_in_frame(gaz.airports_serving(base), countries)
        if pick is not None:
            return _Located(pick, f"the airport serving {base}")
        (r,) = resolve_toponyms([base], context, gazetteer=gaz)
        if r.place is not None and r.place.feature == "city" and _judge(r).place is not None:
            near = gaz.airports_near(r.place.lat, r.place.lon, AIRFIELD_RADIUS_KM)
            if near:
                d, airport = near[0]
                return _Located(airport, f"the airport nearest to {r.place.name}"
                                         f" ({d:.0f} km), which the airfield is named after")
            return _Located(None, f"no airport within {AIRFIELD_RADIUS_KM:.0f} km of"
                                  f" {r.place.name}")
    return _Located(None, "not in gazetteer (it holds airports and airfields, not other"
                          " facilities)")


def _strip_airfield_word(name: str) -> str:
    """"Knevichi airfield" → "Knevichi"; "" when the name is not an airfield's."""
    key = normalise(name)
    for word in _AIRFIELD_WORDS:
        if key.endswith(" " + word):
            return name[: len(name.rstrip()) - len(word)].strip(" -")
    return ""


def _one_in_frame(places: Sequence[Place], countries: set[str]) -> Place | None:
    """The only candidate, or the only one in a country the story names."""
    if len(places) == 1:
        return places[0]
    framed = [p for p in places if p.country_code in countries]
    return framed[0] if len(framed) == 1 else None


def _with_place(e: Entity, loc: _Located) -> Entity:
    p = loc.place
    if p is None:
        return dataclasses.replace(e, lat=None, lon=None, country=None, feature=None,
                                   gazetteer_id=None, geo_note=loc.note)
    return dataclasses.replace(e, lat=round(p.lat, 5), lon=round(p.lon, 5),
                               country=p.country_code or None, feature=p.feature,
                               gazetteer_id=p.gazetteer_id, geo_note=loc.note)


def _merge_same_site(entities: Sequence[Entity],
                     mention_entity: dict[tuple[str, int], str]) -> EntityResolution:
    groups: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.type in _LOCATABLE and e.gazetteer_id:
            groups[e.gazetteer_id].append(e)
    renamed: dict[str, str] = {}
    merged: dict[str, Entity] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        # The most mentioned form names the site; ties go to the alphabetically first.
        rep = min(group, key=lambda e: (-len(e.mentions), e.name, e.id))
        names = {n for e in group for n in (e.name, *e.aliases)} - {rep.name}
        mentions: set[EntityMentionRef] = {m for e in group for m in e.mentions}
        roles = tuple(dict.fromkeys(r for e in group for r in e.roles))
        merged[rep.id] = dataclasses.replace(
            rep, aliases=tuple(sorted(names)), roles=roles,
            mentions=tuple(sorted(mentions, key=lambda m: (m.article, m.start, m.end))),
            geo_note=f"{rep.geo_note}; one site with "
                     + ", ".join(sorted(e.name for e in group if e is not rep)))
        renamed.update({e.id: rep.id for e in group if e is not rep})
    out = [merged.get(e.id, e) for e in entities if e.id not in renamed]
    out.sort(key=lambda e: (e.type, e.name, e.id))
    return EntityResolution(
        entities=out,
        mention_entity={k: renamed.get(v, v) for k, v in mention_entity.items()},
    )
