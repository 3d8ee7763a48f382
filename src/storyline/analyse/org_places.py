"""The place an organisation's name contains: "University of Coimbra" → Coimbra.

A reader of a dossier wants to see where an organisation belongs when its name says
so ("Ohio Supreme Court", "Turkish Red Crescent", "Russian Pacific Fleet").  The place
names inside the name come from ``geo.embedded.embedded_places`` (the same finder the
geoparsing benchmark counts); this stage decides which of them is the organisation's
place and points the organisation at a PLACE entity of the story (``Entity.place``):

* a nation's adjective ("Turkish", "Russian") links only to a country the story
  already names as a place; an adjective is no mention of a place of its own;
* a place name links to the story's PLACE entity of the same name, or of the same
  gazetteer record;
* otherwise the name is resolved with the story's places as context and taken only
  when that context supports it (a country or region the story names, or a place of
  the story nearby) or it is a country.  It then becomes a PLACE entity of its own,
  whose mentions are the spans inside the organisation's mentions, with a
  ``geo_note`` saying so.  "Fleet" in "Russian Pacific Fleet" (a town in England) is
  not taken in a story about Russia.

The organisation keeps its name and mentions: the place is a reference, never a
merge.  Runs after ``analyse.places.locate_places``, whose coordinates it reuses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from storyline.analyse.entities import EntityResolution, entity_id
from storyline.analyse.names import name_key
from storyline.geo.embedded import embedded_places
from storyline.geo.gazetteer import Gazetteer, Place, get_gazetteer
from storyline.geo.resolve import resolve_toponyms
from storyline.model import Entity, EntityMentionRef


def link_organisation_places(
    resolution: EntityResolution, *, gazetteer: Gazetteer | None = None
) -> EntityResolution:
    """The same entities, organisations with ``place`` set where their name names one."""
    if not any(e.type == "ORG" for e in resolution.entities):
        return resolution
    gaz = gazetteer or get_gazetteer()
    entities = list(resolution.entities)
    context = [n for e in entities if e.type in ("PLACE", "GROUP") for n in (e.name, *e.aliases)]
    out: list[Entity] = []
    added: dict[str, Entity] = {}
    for e in entities:
        if e.type != "ORG":
            out.append(e)
            continue
        target = _place_of(e, [*entities, *added.values()], context, gaz)
        if target is None:
            out.append(e)
            continue
        place, new = target
        if new:
            old = added.get(place.id)
            added[place.id] = _with_more_mentions(old, place) if old else place
        out.append(dataclasses.replace(e, place=place.id))
    out.extend(added.values())
    out.sort(key=lambda e: (e.type, e.name, e.id))
    return EntityResolution(entities=out, mention_entity=resolution.mention_entity)


def _place_of(org: Entity, entities: Sequence[Entity], context: Sequence[str],
              gaz: Gazetteer) -> tuple[Entity, bool] | None:
    """The PLACE entity the organisation's name names, and whether it is new."""
    places = [e for e in entities if e.type == "PLACE"]
    for name in (org.name, *org.aliases):
        for s, t in embedded_places(name, 0, len(name), gaz):
            part = name[s:t]
            nations = gaz.demonym(part)
            if nations:
                ids = {p.gazetteer_id for p in nations}
                hit = next((p for p in places if p.gazetteer_id in ids), None)
                if hit is not None:
                    return hit, False
                continue
            key = name_key(part, "PLACE")
            same = next((p for p in places
                         if key in {name_key(n, "PLACE") for n in (p.name, *p.aliases)}), None)
            if same is not None:
                return same, False
            (r,) = resolve_toponyms([part], context, gazetteer=gaz)
            if r.place is None or not (r.by_context or r.place.feature == "country"):
                continue
            by_record = next((p for p in places if p.gazetteer_id == r.place.gazetteer_id), None)
            if by_record is not None:
                return by_record, False
            return _new_place(part, org, r.place, r.reason), True
    return None


def _new_place(part: str, org: Entity, p: Place, reason: str) -> Entity:
    """A PLACE entity for a name told only inside an organisation's name."""
    mentions = tuple(
        EntityMentionRef(m.article, m.start + i, m.start + i + len(part), part)
        for m in org.mentions for i in [m.text.find(part)] if i >= 0)
    return Entity(
        id=entity_id("PLACE", name_key(part, "PLACE")), name=part, type="PLACE",
        mentions=mentions, lat=round(p.lat, 5), lon=round(p.lon, 5),
        country=p.country_code or None, feature=p.feature, gazetteer_id=p.gazetteer_id,
        geo_note=f"named only inside “{org.name}”; {reason}")


def _with_more_mentions(old: Entity, new: Entity) -> Entity:
    mentions = sorted({*old.mentions, *new.mentions}, key=lambda m: (m.article, m.start))
    return dataclasses.replace(old, mentions=tuple(mentions))
