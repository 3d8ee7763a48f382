"""Places stage: coordinates from story context, honest nulls, same-site merges."""

from __future__ import annotations

import pytest

from storyline.analyse.entities import EntityResolution
from storyline.analyse.places import locate_places, organisation_context
from storyline.geo.gazetteer import Gazetteer, get_gazetteer, haversine_km
from storyline.model import Entity, EntityMentionRef, EntityType


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()  # cached per process: shared with the other geo tests


def _entity(name: str, type_: EntityType = "PLACE", mentions: int = 1) -> Entity:
    refs = tuple(EntityMentionRef("a1", 10 * i, 10 * i + len(name), name)
                 for i in range(mentions))
    return Entity(id="e" + format(abs(hash(name)), "016x")[:16], name=name, type=type_,
                  mentions=refs)


def _locate(gaz: Gazetteer, *entities: Entity) -> dict[str, Entity]:
    mention_entity = {("a1", i): e.id for i, e in enumerate(entities)}
    res = locate_places(EntityResolution(list(entities), mention_entity), gazetteer=gaz)
    assert set(res.mention_entity.values()) <= {e.id for e in res.entities}
    return {n: e for e in res.entities for n in (e.name, *e.aliases)}


def test_story_context_picks_the_right_namesake(gaz: Gazetteer) -> None:
    out = _locate(gaz, _entity("Artyom"), _entity("Vladivostok"), _entity("Russia"))
    artyom = out["Artyom"]
    assert artyom.lat is not None and artyom.lon is not None
    assert haversine_km(artyom.lat, artyom.lon, 43.36, 132.19) < 5
    assert (artyom.country, artyom.feature) == ("RU", "city")
    assert artyom.gazetteer_id == "geonames:2027456" and artyom.geo_note


def test_airfield_and_airport_are_one_site_city_apart(gaz: Gazetteer) -> None:
    out = _locate(gaz, _entity("Knevichi airfield", "FACILITY", 2),
                  _entity("Vladivostok airport", "FACILITY"), _entity("Vladivostok"),
                  _entity("Russia"))
    airfield, airport, city = out["Knevichi airfield"], out["Vladivostok airport"], out[
        "Vladivostok"]
    assert airfield is airport, "one airport, two names"
    assert airfield.name == "Knevichi airfield" and airfield.aliases == ("Vladivostok airport",)
    assert airfield.gazetteer_id == "icao:UHWW" and airfield.feature == "airport"
    assert len(airfield.mentions) == 3
    assert city is not airfield and city.gazetteer_id == "geonames:2013348"


def test_region_spellings_merge(gaz: Gazetteer) -> None:
    out = _locate(gaz, _entity("Primorsky region"), _entity("Primorye region"),
                  _entity("Vladivostok"))
    region = out["Primorsky region"]
    assert out["Primorye region"] is region
    assert (region.feature, region.country, region.gazetteer_id) == ("region", "RU",
                                                                     "admin1:RU.59")
    assert region.lat is not None and region.lon is not None
    assert haversine_km(region.lat, region.lon, 45.0, 135.0) < 150  # GeoNames' krai point


def test_unknown_and_ambiguous_places_stay_null_with_a_reason(gaz: Gazetteer) -> None:
    out = _locate(gaz, _entity("Qwxzzyville"), _entity("Springfield"))
    unknown = out["Qwxzzyville"]
    assert unknown.lat is None and unknown.lon is None and unknown.gazetteer_id is None
    assert unknown.geo_note and unknown.geo_note.startswith("not in gazetteer")
    springfield = out["Springfield"]  # a dozen US towns, none of them big: no guess
    assert springfield.lat is None and springfield.geo_note
    assert springfield.geo_note.startswith("ambiguous")


def test_facility_not_in_gazetteer_is_null(gaz: Gazetteer) -> None:
    out = _locate(gaz, _entity("Mariinsky Theatre", "FACILITY"), _entity("Russia"))
    theatre = out["Mariinsky Theatre"]
    assert theatre.lat is None and theatre.geo_note and "not in gazetteer" in theatre.geo_note


def test_other_types_are_untouched(gaz: Gazetteer) -> None:
    kim = _entity("Kim Jong Un", "PERSON")
    out = _locate(gaz, kim, _entity("Russia"))
    assert out["Kim Jong Un"] == kim


def test_organisation_named_for_a_state_decides_an_ambiguous_town(gaz: Gazetteer) -> None:
    alone = _locate(gaz, _entity("Albany"))["Albany"]
    assert alone.lat is None and alone.geo_note and alone.geo_note.startswith("ambiguous")
    out = _locate(gaz, _entity("Albany"), _entity("Georgia Bureau of Investigation", "ORG"))
    albany = out["Albany"]
    assert albany.lat is not None and albany.lon is not None
    assert haversine_km(albany.lat, albany.lon, 31.58, -84.16) < 10  # Albany, Georgia
    assert albany.geo_note and "Georgia in “Georgia Bureau of Investigation”" in albany.geo_note
    # Context only: the state named inside the organisation is no PLACE entity here.
    assert set(out) == {"Albany", "Georgia Bureau of Investigation"}
    assert out["Georgia Bureau of Investigation"].lat is None


def test_organisation_names_never_move_a_place_the_story_settled(gaz: Gazetteer) -> None:
    out = _locate(gaz, _entity("Albany"), _entity("New York"),
                  _entity("Georgia Bureau of Investigation", "ORG"))
    albany = out["Albany"]
    assert albany.lat is not None and albany.lon is not None
    assert haversine_km(albany.lat, albany.lon, 42.65, -73.76) < 10  # Albany, New York
    assert albany.geo_note and "organisation" not in albany.geo_note
    # A clear prior is not overruled either: Rome stays Rome, Italy.
    rome = _locate(gaz, _entity("Rome"), _entity("Georgia Bureau of Investigation", "ORG"))
    assert rome["Rome"].country == "IT"


def test_organisation_context_keeps_countries_and_states_not_towns(gaz: Gazetteer) -> None:
    orgs = [_entity("Russian Pacific Fleet", "ORG"), _entity("Dublin City Council", "ORG"),
            _entity("Ohio Supreme Court", "ORG"), _entity("Ohio", "PLACE")]
    assert organisation_context(orgs, gaz) == {"Russian": "Russian Pacific Fleet",
                                               "Ohio": "Ohio Supreme Court"}
