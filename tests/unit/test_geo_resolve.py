"""Resolver: context beats population, unknowns are None with a reason."""

from __future__ import annotations

import pytest

from storyline.geo.gazetteer import Gazetteer, get_gazetteer, haversine_km
from storyline.geo.resolve import resolve_toponyms


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()  # cached per process: shared with test_gazetteer


@pytest.mark.parametrize("spelling", ["Artyom", "Artëm", "Artem"])
@pytest.mark.parametrize("context", [["Vladivostok"], ["Russia"]])
def test_artyom_near_vladivostok(gaz: Gazetteer, spelling: str, context: list[str]) -> None:
    (r,) = resolve_toponyms([spelling], context, gazetteer=gaz)
    assert r.place is not None, r.reason
    assert haversine_km(r.place.lat, r.place.lon, 43.36, 132.19) < 5
    assert r.place.country_code == "RU"


def test_airport_by_icao_and_by_name(gaz: Gazetteer) -> None:
    a, b = resolve_toponyms(["UHWW", "Vladivostok International Airport"], gazetteer=gaz)
    assert a.place is not None and a.place.gazetteer_id == "icao:UHWW"
    assert b.place == a.place


def test_country_resolves_with_basis(gaz: Gazetteer) -> None:
    (r,) = resolve_toponyms(["Russia"], gazetteer=gaz)
    assert r.place is not None and r.place.feature == "country"
    assert r.place.country_code == "RU" and r.place.basis


def test_demonym_resolves_to_country(gaz: Gazetteer) -> None:
    (r,) = resolve_toponyms(["Russian"], gazetteer=gaz)
    assert r.place is not None and r.place.country_code == "RU"
    assert "demonym" in r.reason


def test_unknown_is_none_with_reason(gaz: Gazetteer) -> None:
    (r,) = resolve_toponyms(["Qwxzzyville"], gazetteer=gaz)
    assert r.place is None and "no gazetteer entry" in r.reason
    (e,) = resolve_toponyms([""], gazetteer=gaz)
    assert e.place is None and e.reason


def test_context_beats_population(gaz: Gazetteer) -> None:
    (alone,) = resolve_toponyms(["Paris"], gazetteer=gaz)
    assert alone.place is not None and alone.place.country_code == "FR"
    # A national capital outranks a state of its name unless the text says otherwise.
    (washington,) = resolve_toponyms(["Washington"], gazetteer=gaz)
    assert washington.place is not None and washington.place.feature == "city"
    assert haversine_km(washington.place.lat, washington.place.lon, 38.9, -77.04) < 20
    paris_tx, _ = resolve_toponyms(["Paris", "Texas"], gazetteer=gaz)
    assert paris_tx.place is not None
    assert (paris_tx.place.country_code, paris_tx.place.admin1) == ("US", "TX")
    assert "Texas" in paris_tx.reason


def test_repeats_get_one_sense_and_output_is_parallel(gaz: Gazetteer) -> None:
    res = resolve_toponyms(["Paris", "Texas", "Paris"], gazetteer=gaz)
    assert len(res) == 3 and res[0].place == res[2].place


def test_named_region_constrains_its_cities(gaz: Gazetteer) -> None:
    london, _ = resolve_toponyms(["London", "Ontario"], gazetteer=gaz)
    assert london.place is not None and london.place.country_code == "CA"
    region, city = resolve_toponyms(["Tamil Nadu", "Salem"], gazetteer=gaz)
    assert region.place is not None and region.place.feature == "region"
    assert city.place is not None and city.place.country_code == "IN", city.reason


def test_region_name_with_state_suffix(gaz: Gazetteer) -> None:
    (r,) = resolve_toponyms(["Tamil Nadu State"], gazetteer=gaz)
    assert r.place is not None and r.place.feature == "region" and r.place.country_code == "IN"
