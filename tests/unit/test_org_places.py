"""Organisations point at the place their name contains (analyse/org_places.py)."""

from __future__ import annotations

import pytest

from storyline.analyse.entities import EntityResolution
from storyline.analyse.org_places import link_organisation_places
from storyline.analyse.places import locate_places
from storyline.geo.gazetteer import Gazetteer, get_gazetteer, haversine_km
from storyline.model import Entity, EntityMentionRef, EntityType


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _entity(name: str, type_: EntityType = "PLACE", at: int = 0) -> Entity:
    ref = EntityMentionRef("a1", at, at + len(name), name)
    return Entity(id="e" + format(abs(hash(name)), "016x")[:16], name=name, type=type_,
                  mentions=(ref,))


def _link(gaz: Gazetteer, *entities: Entity) -> dict[str, Entity]:
    mention_entity = {("a1", i): e.id for i, e in enumerate(entities)}
    placed = locate_places(EntityResolution(list(entities), mention_entity), gazetteer=gaz)
    res = link_organisation_places(placed, gazetteer=gaz)
    assert res.mention_entity == placed.mention_entity
    return {e.name: e for e in res.entities}


def test_a_nation_adjective_links_to_the_country_the_story_names(gaz: Gazetteer) -> None:
    out = _link(gaz, _entity("Russia"), _entity("Vladivostok"),
                _entity("Russian Pacific Fleet", "ORG"))
    assert out["Russian Pacific Fleet"].place == out["Russia"].id
    assert "Fleet" not in out, "a town of England inside the name is no place of the story"


def test_a_nation_adjective_alone_makes_no_place(gaz: Gazetteer) -> None:
    out = _link(gaz, _entity("Ankara"), _entity("Turkish Red Crescent", "ORG"))
    assert out["Turkish Red Crescent"].place is None
    assert set(out) == {"Ankara", "Turkish Red Crescent"}


def test_a_place_the_story_names_is_referenced_not_copied(gaz: Gazetteer) -> None:
    out = _link(gaz, _entity("Rostock"), _entity("Germany"),
                _entity("Rostock University Medical Centre", "ORG"))
    assert out["Rostock University Medical Centre"].place == out["Rostock"].id
    assert len(out) == 3


def test_a_place_named_only_inside_the_name_becomes_a_place_with_its_span(
    gaz: Gazetteer,
) -> None:
    org = _entity("University of Coimbra", "ORG", at=100)
    out = _link(gaz, _entity("Portugal"), _entity("Porto"), org)
    coimbra = out["Coimbra"]
    assert out["University of Coimbra"].place == coimbra.id
    assert coimbra.type == "PLACE" and coimbra.lat is not None and coimbra.lon is not None
    assert haversine_km(coimbra.lat, coimbra.lon, 40.21, -8.42) < 10
    (m,) = coimbra.mentions
    assert (m.article, m.start, m.end, m.text) == ("a1", 114, 121, "Coimbra")
    assert coimbra.geo_note and "University of Coimbra" in coimbra.geo_note


def test_an_unsupported_namesake_is_not_taken(gaz: Gazetteer) -> None:
    # "Amur" is a river and a region of Russia: in a story about Chile nothing supports it.
    out = _link(gaz, _entity("Chile"), _entity("Antofagasta"), _entity("Amur Courier", "ORG"))
    assert out["Amur Courier"].place is None and "Amur" not in out


def test_other_types_never_get_a_place(gaz: Gazetteer) -> None:
    out = _link(gaz, _entity("Porto"), _entity("Porto Campanhã station", "FACILITY"))
    assert out["Porto Campanhã station"].place is None
