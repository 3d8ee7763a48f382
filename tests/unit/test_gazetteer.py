"""Gazetteer: normalisation, records, derived points with their basis."""

from __future__ import annotations

import pytest

from storyline.geo.gazetteer import Gazetteer, get_gazetteer, haversine_km, normalise


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    # Building takes seconds; one instance per process is shared by both geo test modules.
    return get_gazetteer()


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Artëm", "artem"),
        ("ARTEM", "artem"),
        ("  St. Louis ", "st louis"),
        ("Martha's Vineyard", "marthas vineyard"),
        ("Łódź", "lodz"),
        ("São_Paulo", "sao paulo"),
        ("Winston-Salem", "winston salem"),
    ],
)
def test_normalise(raw: str, key: str) -> None:
    assert normalise(raw) == key


def test_artyom_spellings_share_the_city(gaz: Gazetteer) -> None:
    for spelling in ("Artyom", "Artëm", "Artem"):
        ids = {c.place.gazetteer_id for c in gaz.lookup(spelling)}
        assert "geonames:2027456" in ids, spelling


def test_vladivostok_airport_by_code_and_name(gaz: Gazetteer) -> None:
    by_icao = gaz.by_code("UHWW")
    assert by_icao is not None and by_icao.gazetteer_id == "icao:UHWW"
    assert abs(by_icao.lat - 43.399) < 0.01 and abs(by_icao.lon - 132.148) < 0.01
    assert gaz.by_code("vvo") == by_icao
    assert any(c.place == by_icao for c in gaz.lookup("UHWW"))
    assert any(c.place == by_icao for c in gaz.lookup("Vladivostok International Airport"))


def test_country_and_state_have_a_point_and_basis(gaz: Gazetteer) -> None:
    fr = gaz.countries["FR"]
    assert fr.feature == "country" and fr.basis.startswith("midpoint of countryinfo latlng")
    assert haversine_km(fr.lat, fr.lon, 46.0, 2.0) < 300  # GeoNames' own France point
    ru = gaz.countries["RU"]
    assert haversine_km(ru.lat, ru.lon, 60.0, 100.0) < 150
    us = gaz.countries["US"]  # the centre of the contiguous states, not 38 N 97 W
    assert haversine_km(us.lat, us.lon, 39.83, -98.58) < 161
    tx = gaz.us_states["TX"]
    assert tx.feature == "state" and "admin1 TX" in tx.basis
    assert haversine_km(tx.lat, tx.lon, 31.25, -99.25) < 300


def test_regions_and_counties_have_derived_points(gaz: Gazetteer) -> None:
    tn = [c.place for c in gaz.lookup("Tamil Nadu") if c.place.feature == "region"]
    assert len(tn) == 1 and tn[0].country_code == "IN" and "settlements" in tn[0].basis
    assert haversine_km(tn[0].lat, tn[0].lon, 11.0, 78.0) < 250
    bc = [c.place for c in gaz.lookup("BC") if c.place.feature == "region"]
    assert [p.name for p in bc] == ["British Columbia"]
    henry = [c.place for c in gaz.lookup("Henry County") if c.place.admin1 == "GA"]
    assert len(henry) == 1 and henry[0].feature == "county"
    assert haversine_km(henry[0].lat, henry[0].lon, 33.45, -84.15) < 60  # not Georgia's point


def test_demonym_maps_to_country(gaz: Gazetteer) -> None:
    assert [p.country_code for p in gaz.demonym("Russian")] == ["RU"]
    assert [p.country_code for p in gaz.demonym("Syrians")] == ["SY"]
    assert [p.country_code for p in gaz.demonym("Palestinians")] == ["PS"]
    assert [p.country_code for p in gaz.demonym("Sri Lankan")] == ["LK"]
    assert gaz.demonym("Vladivostok") == []


def test_unknown_name_has_no_candidates(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qwxzzyville") == []


def test_primary_flag_and_no_iso3_name_keys(gaz: Gazetteer) -> None:
    vl = [c for c in gaz.lookup("Vladivostok") if c.place.gazetteer_id == "geonames:2013348"]
    assert len(vl) == 1 and vl[0].primary
    artyom = [c for c in gaz.lookup("Artyom") if c.place.gazetteer_id == "geonames:2027456"]
    assert len(artyom) == 1 and not artyom[0].primary  # GeoNames' main name is "Artëm"
    assert all(c.place.feature != "country" for c in gaz.lookup("Ind."))  # Indiana, not IND
    assert {c.place.name for c in gaz.lookup("Ind.")} == {"Indiana"}


def test_places_are_built_once_and_the_memo_is_bounded(gaz: Gazetteer) -> None:
    first = [c.place for c in gaz.lookup("Vladivostok")]
    again = [c.place for c in gaz.lookup("vladivostok")]
    assert first and all(a is b for a, b in zip(first, again, strict=True))
    fresh = Gazetteer()
    i = fresh._new("Testville", 1.0, 2.0, "ZZ", "city", 7, gid=5)
    assert fresh.place(i) is fresh.place(i)
    assert fresh.place(i) == fresh._make_place(i)  # the memo changes nothing but speed
