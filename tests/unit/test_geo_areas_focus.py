"""Large areas, the contained-name head rule, the document focus, county and state forms."""

from __future__ import annotations

import pytest

from storyline.geo.areas import AREAS
from storyline.geo.gazetteer import Gazetteer, get_gazetteer, haversine_km
from storyline.geo.resolve import local_feature_head, resolve_toponyms


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def test_area_table_is_well_formed() -> None:
    names = [a[0] for a in AREAS]
    assert len(names) == len(set(names))
    for name, _alts, _adjs, lat, lon, cc in AREAS:
        assert -90 <= lat <= 90 and -180 <= lon <= 180, name
        assert cc == "" or (len(cc) == 2 and cc.isupper()), name


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Atlantic", 10.0, -30.0),  # not Atlantic, Iowa
    ("Middle East", 29.0, 42.0),  # not Middle East, Pennsylvania
    ("Korean Peninsula", 38.0, 127.5),  # not Peninsula, Ohio
])
def test_oceans_and_world_regions_are_areas(gaz: Gazetteer, name: str, lat: float,
                                            lon: float) -> None:
    (r,) = resolve_toponyms([name], ["Ohio", "Pennsylvania", "Iowa"], gazetteer=gaz)
    assert r.place is not None and r.place.feature == "area", r
    assert haversine_km(r.place.lat, r.place.lon, lat, lon) < 1
    assert "approximate centre" in r.place.basis


def test_area_adjective_is_a_demonym(gaz: Gazetteer) -> None:
    (r,) = resolve_toponyms(["South Ossetian"], gazetteer=gaz)
    assert r.place is not None and r.place.name == "South Ossetia" and r.how == "demonym"


@pytest.mark.parametrize("name", ["Trump Tower", "Brands Hatch", "Royal Street"])
def test_contained_name_never_takes_the_head_word(gaz: Gazetteer, name: str) -> None:
    (r,) = resolve_toponyms([name], gazetteer=gaz, contained=True)
    assert r.place is None, r


def test_contained_name_as_modifier_or_after_a_qualifier(gaz: Gazetteer) -> None:
    a, b = resolve_toponyms(["Dubai World Cup", "West Surrey"], gazetteer=gaz,
                            contained=True)
    assert a.place is not None and a.place.country_code == "AE", a
    assert b.place is not None and b.place.country_code == "GB", b
    assert a.how == "contained name (Dubai)" and b.how == "contained name (Surrey)"


def test_local_feature_goes_to_document_focus_only_when_asked(gaz: Gazetteer) -> None:
    names = ["New Orleans", "Royal Street", "Louisiana", "New Orleans"]
    plain = resolve_toponyms(names, gazetteer=gaz, contained=True)
    assert plain[1].place is None
    assert resolve_toponyms(["Cloverhill District Court"], gazetteer=gaz,
                            contained=True, focus=True)[0].place is None  # no focus
    focused = resolve_toponyms(names, gazetteer=gaz, contained=True, focus=True)
    street = focused[1]
    assert street.place == focused[0].place and street.how == "document focus"
    assert "New Orleans" in street.reason
    assert local_feature_head("Barclays Center") and not local_feature_head("Center")


def test_far_contained_match_gives_way_to_the_focus(gaz: Gazetteer) -> None:
    names = ["Austin", "Texas", "Austin", "Moscow Pike"]
    plain = resolve_toponyms(names, gazetteer=gaz, contained=True)[-1]
    assert plain.place is not None and plain.place.country_code == "RU"
    assert plain.how == "contained name (Moscow)"
    focused = resolve_toponyms(names, gazetteer=gaz, contained=True, focus=True)
    assert focused[-1].place == focused[0].place and focused[-1].how == "document focus"
    assert "'Moscow' lies far" in focused[-1].reason


def test_bare_us_county_name_and_state_demonym(gaz: Gazetteer) -> None:
    county, _, people = resolve_toponyms(["Gwinnett", "Georgia", "Ohioans"], ["Atlanta"],
                                         gazetteer=gaz)
    assert county.place is not None and county.place.feature == "county", county
    assert county.place.country_code == "US" and county.place.admin1 == "GA"
    assert people.place is not None and people.place.name == "Ohio" and people.how == "demonym"


def test_country_name_beats_its_namesake_region(gaz: Gazetteer) -> None:
    (r,) = resolve_toponyms(["Mexico"], ["Guadalajara", "Toluca", "Monterrey"], gazetteer=gaz)
    assert r.place is not None and r.place.feature == "country" and r.place.country_code == "MX"
