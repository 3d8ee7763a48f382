"""Where an unmapped place lies, as the text states it.

The gazetteer has no record for some areas and facilities ("the Far East", "the
Vostochny Cosmodrome", "the Mariinsky Theatre"), so they stay off the map.  The
text can still say where they belong: "Russia's Far East", "Russia's main
Vostochny Cosmodrome spaceport", "St. Petersburg's Mariinsky Theatre".  A
possessive whose owner is a mention of a place the story has put on the map is
read as "lies in":

* owned by a country, a place or facility gets that country's code and keeps
  null coordinates (a country's point says nothing about where in it);
* owned by a city, a facility gets the city's country and the city's point,
  with ``geo_note`` saying the point is the city's (a building in a town is
  within a few kilometres of the town's point).  An area owned by a city is
  the area around it ("Vladivostok's Primorye region"), so only facilities.

The ``geo_note`` quotes the words.  When the mentions name two different
owners, nothing is set.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence

from storyline.analyse.entities import EntityResolution
from storyline.model import AnnotatedArticle, Entity

# Between the owner's possessive and the name: up to three lower-case words
# ("Russia's main Vostochny Cosmodrome").
_AFTER_OWNER = re.compile(r"^[’']s\s+(?:[a-z][\w\-]*\s+){0,3}$")
_REACH = 40  # characters between the owner's start and the name, at most


def places_from_possessives(
    resolution: EntityResolution, articles: Sequence[AnnotatedArticle]
) -> EntityResolution:
    """The same entities; an unmapped PLACE/FACILITY whose mentions are owned by
    one mapped country or (for a facility) city lies there."""
    by_id = {e.id: e for e in resolution.entities}
    owners: dict[str, dict[str, str]] = defaultdict(dict)  # entity -> owner id -> quote
    for art in articles:
        aid = art.article.id
        text = art.article.text
        ends: dict[int, tuple[int, Entity]] = {}  # owner mention end -> (start, owner)
        for i, m in enumerate(art.mentions):
            ent = by_id.get(resolution.mention_entity.get((aid, i), ""))
            if ent is not None and ent.country and ent.feature in ("country", "city"):
                ends[m.end] = (m.start, ent)
        for i, m in enumerate(art.mentions):
            ent = by_id.get(resolution.mention_entity.get((aid, i), ""))
            if ent is None or not _unmapped(ent):
                continue
            for end, (start, owner) in ends.items():
                if not (m.start - _REACH <= end < m.start
                        and _AFTER_OWNER.match(text[end : m.start])):
                    continue
                if owner.feature == "city" and ent.type != "FACILITY":
                    continue
                owners[ent.id].setdefault(owner.id, text[start : m.end])
    out = []
    for e in resolution.entities:
        found = owners.get(e.id, {})
        if len(found) != 1:
            out.append(e)
            continue
        ((oid, quote),) = found.items()
        out.append(_inside(e, by_id[oid], quote))
    return EntityResolution(entities=out, mention_entity=resolution.mention_entity)


def _inside(e: Entity, owner: Entity, quote: str) -> Entity:
    note = f"{e.geo_note}; " if e.geo_note else ""
    if owner.feature == "city":
        return dataclasses.replace(
            e, country=owner.country, lat=owner.lat, lon=owner.lon,
            geo_note=f"{note}point: {owner.name}, the city the text puts it in (“{quote}”)")
    return dataclasses.replace(
        e, country=owner.country,
        geo_note=f"{note}lies in {owner.name} by the text (“{quote}”)")


def _unmapped(e: Entity) -> bool:
    return e.type in ("PLACE", "FACILITY") and e.lat is None and e.country is None


__all__ = ["places_from_possessives"]
