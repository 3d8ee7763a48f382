"""Postal codes, nations' adjectives over namesake towns, airport short names, region points."""

from __future__ import annotations

import pytest

from storyline.geo.gazetteer import Gazetteer, get_gazetteer, haversine_km
from storyline.geo.points import occupied_area_centre, trimmed_box_centre
from storyline.geo.resolve import resolve_toponyms
from storyline.geo.sources import airport_short_names


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()  # cached per process: shared with the other geo tests


def _names(gaz: Gazetteer, name: str, feature: str) -> list[str]:
    return sorted(c.place.name for c in gaz.lookup(name) if c.place.feature == feature)


def test_postal_codes_of_states_and_provinces_are_case_sensitive(gaz: Gazetteer) -> None:
    assert _names(gaz, "NJ", "state") == ["New Jersey"]
    assert _names(gaz, "SC", "state") == ["South Carolina"]
    assert _names(gaz, "ON", "region") == ["Ontario"]
    assert _names(gaz, "QC", "region") == ["Quebec"]
    for word in ("Nj", "or", "Me", "on"):  # words, not codes
        assert _names(gaz, word, "state") == [] and _names(gaz, word, "region") == [], word
    (nj,) = resolve_toponyms(["NJ"], gazetteer=gaz)
    assert nj.place is not None and nj.place.gazetteer_id == gaz.us_states["NJ"].gazetteer_id


def test_a_nations_adjective_beats_a_small_namesake_town(gaz: Gazetteer) -> None:
    assert any(c.place.name == "Canadian" for c in gaz.lookup("Canadian"))  # the Texas town
    canadian, _ = resolve_toponyms(["Canadian", "Texas"], gazetteer=gaz)
    assert canadian.place is not None and canadian.place.feature == "country"
    assert canadian.place.country_code == "CA" and canadian.how == "demonym"
    (english,) = resolve_toponyms(["English"], gazetteer=gaz)  # not English, Indiana
    assert english.place is not None and english.place.name == "England"
    (arab,) = resolve_toponyms(["Arab"], gazetteer=gaz)  # not Arab, Alabama
    assert arab.place is not None and arab.place.name == "Arabian Peninsula"


def test_region_adjectives_are_a_last_resort(gaz: Gazetteer) -> None:
    (sicilian,) = resolve_toponyms(["Sicilian"], gazetteer=gaz)
    assert sicilian.place is not None and sicilian.place.country_code == "IT"
    assert sicilian.place.feature == "region" and sicilian.how == "demonym"
    (ontarians,) = resolve_toponyms(["Ontarians"], gazetteer=gaz)
    assert ontarians.place is not None and ontarians.place.name == "Ontario"
    assert gaz.demonym("Sicilian") == []  # kept apart from the nations' demonyms


def test_airport_code_needs_support_from_the_document(gaz: Gazetteer) -> None:
    (alone,) = resolve_toponyms(["OAS"], gazetteer=gaz)  # an acronym, not an airstrip
    assert alone.place is None and "airport code" in alone.reason
    code, _ = resolve_toponyms(["UHWW", "Vladivostok"], gazetteer=gaz)
    assert code.place is not None and code.place.gazetteer_id == "icao:UHWW"
    code, _ = resolve_toponyms(["UHWW", "Russia"], gazetteer=gaz)
    assert code.place is not None and code.place.gazetteer_id == "icao:UHWW"


def test_airport_short_names(gaz: Gazetteer) -> None:
    assert airport_short_names("London Heathrow Airport", "London") == [
        "Heathrow Airport", "Heathrow"]
    assert airport_short_names("Washington Dulles International Airport", "Washington") == [
        "Dulles International Airport", "Dulles"]
    assert airport_short_names("Vladivostok International Airport", "Vladivostok") == []
    assert airport_short_names("John F Kennedy International Airport", "New York") == []
    # Nothing but generic words once the city is dropped: no short name at all.
    assert airport_short_names("Pacific City State Airport", "Pacific City") == []
    assert airport_short_names("Knevichi Airport", "Vladivostok",
                               lambda n: n == "Knevichi") == []
    assert "icao:EGLL" in {c.place.gazetteer_id for c in gaz.lookup("Heathrow")}
    (dulles,) = resolve_toponyms(["Dulles International Airport"], gazetteer=gaz)
    assert dulles.place is not None and dulles.place.gazetteer_id == "icao:KIAD"


def test_occupied_area_centre_weighs_the_sparse_part_like_the_dense_one() -> None:
    # 200 settlements crowded at 43-44 N and one every degree up to 56 N.
    lats = [43.0 + (k % 10) * 0.1 for k in range(200)] + [45.0 + k for k in range(12)]
    lons = [-80.0 + (k % 20) * 0.1 for k in range(200)] + [-85.0] * 12
    lat, _ = occupied_area_centre(lats, lons)
    assert lat > 48.0  # the middle of the territory, not of the people
    assert trimmed_box_centre(lats, lons)[0] < lat
    # Across the antimeridian the centre stays between the points, not at 0° longitude.
    lat, lon = occupied_area_centre([50.0, 51.0, 52.0], [179.0, -179.5, 179.5])
    assert abs(lat - 51.0) < 1.0 and abs(abs(lon) - 180.0) < 1.5


def test_province_point_reaches_its_sparse_north(gaz: Gazetteer) -> None:
    on = [c.place for c in gaz.lookup("Ontario") if c.place.feature == "region"]
    assert len(on) == 1 and "airfields" in on[0].basis
    assert haversine_km(on[0].lat, on[0].lon, 49.25, -84.5) < 161  # GeoNames' Ontario point
