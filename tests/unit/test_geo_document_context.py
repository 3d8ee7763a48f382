"""Document context in toponym resolution: how strongly each country is named, the
document focus for names the gazetteer lacks, owners in longer names, admin-unit cores."""

from __future__ import annotations

import pytest

from storyline.geo.gazetteer import Gazetteer, get_gazetteer, haversine_km
from storyline.geo.resolve import resolve_toponyms
from storyline.geo.sources import admin_core, country_parts


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def test_a_country_named_in_passing_weighs_less_than_the_one_the_story_is_about(
        gaz: Gazetteer) -> None:
    # A British story about a child flown to Rome that mentions the US twice: Rome is
    # Italy's, not the New York town the passing "U.S." would favour.
    names = ["LONDON", "British", "Britain", "Liverpool", "England", "Vatican", "Rome",
             "British", "United States", "Britain", "U.S.", "British", "British"]
    rome = resolve_toponyms(names, gazetteer=gaz)[names.index("Rome")]
    assert rome.place is not None and rome.place.country_code == "IT", rome


def test_a_country_named_often_still_frames_its_towns(gaz: Gazetteer) -> None:
    # The share is relative to the best-named *other* country: a story that names
    # Georgia (the state) again and again keeps it in the US beside a passing Atlanta.
    names = ["Georgia", "Atlanta", "Georgia", "Georgia", "Savannah", "Georgia"]
    res = resolve_toponyms(names, gazetteer=gaz)
    assert all(r.place is not None and r.place.country_code == "US" for r in res), res


def test_any_name_the_gazetteer_lacks_goes_to_the_focus_only_when_asked(
        gaz: Gazetteer) -> None:
    names = ["Dublin", "Ireland", "Qwertzuiop Hollow", "Dublin"]
    assert resolve_toponyms(names, gazetteer=gaz, contained=True)[2].place is None
    r = resolve_toponyms(names, gazetteer=gaz, contained=True, focus=True)[2]
    assert r.place is not None and r.place.name == "Dublin" and r.how == "document focus"
    assert "most about" in r.reason


def test_focus_weighs_the_towns_country_and_neighbours(gaz: Gazetteer) -> None:
    # An academy named after Liverpool is named more often than Cairo, but the story
    # names Egypt and Egyptians throughout: its unknown places go to Cairo.
    names = ["Cairo", "Liverpool", "Egypt", "Liverpool", "Egyptian", "Liverpool",
             "Egypt", "Qwertzuiop Gardens"]
    r = resolve_toponyms(names, gazetteer=gaz, contained=True, focus=True)[-1]
    assert r.place is not None and r.place.country_code == "EG", r


def test_the_place_after_of_or_a_nations_adjective_owns_the_thing(gaz: Gazetteer) -> None:
    names = ["Aberdeen", "Aberdeen", "Bank of Japan", "Mexican Senate"]
    res = resolve_toponyms(names, gazetteer=gaz, contained=True, focus=True)
    assert [r.place.country_code if r.place else None for r in res[2:]] == ["JP", "MX"]
    assert all(r.place is not None and r.place.feature == "country" for r in res[2:])


def test_a_nations_adjective_before_a_local_head_is_no_owner(gaz: Gazetteer) -> None:
    # "French Quarter" in a Louisiana story is a district of the story's town.
    names = ["Franklin", "Louisiana", "Franklin", "French Quarter"]
    res = resolve_toponyms(names, gazetteer=gaz, contained=True, focus=True)
    assert res[-1].place == res[0].place and res[-1].how == "document focus", res[-1]


@pytest.mark.parametrize(("name", "core"), [
    ("Province of Laguna", "Laguna"), ("Shiga Prefecture", "Shiga"),
    ("Basra Governorate", "Basra"), ("Departamento de San Martin", "San Martin"),
    ("Eastern Province", ""), ("Capital Region", ""), ("Kent", ""),
])
def test_admin_core(name: str, core: str) -> None:
    assert admin_core(name) == core


def test_admin_core_of_a_part_named_by_direction() -> None:
    assert admin_core("North Yorkshire", directional=True) == "Yorkshire"
    assert admin_core("Cheshire East", directional=True) == "Cheshire"
    assert admin_core("North Yorkshire") == ""


def test_admin_units_are_found_by_their_proper_name(gaz: Gazetteer) -> None:
    laguna = [c.place for c in gaz.lookup("Laguna") if c.place.country_code == "PH"]
    assert any(p.feature == "county" for p in laguna), laguna
    (r,) = resolve_toponyms(["Yorkshire"], ["British", "Leeds", "England"], gazetteer=gaz)
    assert r.place is not None and r.place.country_code == "GB", r
    assert haversine_km(r.place.lat, r.place.lon, 53.9, -1.3) < 161


def test_a_story_without_towns_falls_back_on_its_region(gaz: Gazetteer) -> None:
    names = ["Limpopo", "African", "Limpopo", "Qwertzuiop Mountains"]
    r = resolve_toponyms(names, gazetteer=gaz, contained=True, focus=True)[-1]
    assert r.place is not None and r.place.feature == "region", r
    assert r.place.country_code == "ZA" and r.how == "document focus"


def test_a_union_country_is_known_by_its_parts(gaz: Gazetteer) -> None:
    assert country_parts("Trinidad and Tobago") == ["Trinidad", "Tobago"]
    assert country_parts("Bonaire, Saint Eustatius and Saba ") == [
        "Bonaire", "Saint Eustatius", "Saba"]
    assert country_parts("France") == []
    (r,) = resolve_toponyms(["Trinidad"], ["Caribbean", "Port of Spain"], gazetteer=gaz)
    assert r.place is not None and r.place.country_code == "TT", r
    # a part that is a people's name or another country's own name is not indexed
    assert all(c.place.country_code != "TC" for c in gaz.lookup("Turks"))
    assert all(c.place.feature != "country" or c.place.name == "Serbia"
               for c in gaz.lookup("Serbia"))


def test_a_states_own_name_beats_a_small_namesake_town_of_that_country(
        gaz: Gazetteer) -> None:
    # Florida, New York (3,000 people) lies near the story's towns; Florida is the state.
    names = ["Riverdale", "Morris County", "Florida", "New York", "New Jersey", "New York"]
    r = resolve_toponyms(names, gazetteer=gaz)[2]
    assert r.place is not None and r.place.feature == "state" and r.place.admin1 == "FL", r
    # a namesake abroad still competes on context: Virginia in County Cavan
    names = ["Cavan", "Ireland", "Virginia", "Cavan", "Irish"]
    r = resolve_toponyms(names, gazetteer=gaz)[2]
    assert r.place is not None and r.place.country_code == "IE", r
