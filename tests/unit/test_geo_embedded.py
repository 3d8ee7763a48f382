"""Place names inside organisation names (geo/embedded.py)."""

from __future__ import annotations

import pytest

from storyline.geo.embedded import embedded_places, names_a_large_unit
from storyline.geo.gazetteer import Gazetteer, get_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _names(text: str, gaz: Gazetteer) -> list[str]:
    return [text[s:e] for s, e in embedded_places(text, 0, len(text), gaz)]


@pytest.mark.parametrize(("org", "places"), [
    ("Ohio Supreme Court", ["Ohio"]),
    ("University of Georgia", ["Georgia"]),
    ("Dublin City Council", ["Dublin"]),
    ("U.S. Department of Education", ["U.S."]),
    ("US Trade Representative", ["US"]),
    ("Russian Foreign Ministry", ["Russian"]),
    ("New York Police Department", ["New York"]),  # the longest name, not "York"
    ("Professional Association of Georgia Educators", ["Georgia"]),
    ("Ohio's Department of Development", ["Ohio"]),
])
def test_places_inside_organisation_names(gaz: Gazetteer, org: str, places: list[str]) -> None:
    assert _names(org, gaz) == places


@pytest.mark.parametrize("org", [
    "National Union of Teachers",  # organisation words, whatever village bears them
    "Federal Reserve",
    "Ohio",  # the whole name is a place, not a place inside a name
    "Goldman Sachs",
    "AP Stylebook",  # two capitals that are no country's short form
])
def test_no_place_inside(gaz: Gazetteer, org: str) -> None:
    assert _names(org, gaz) == []


def test_offsets_are_into_the_whole_text(gaz: Gazetteer) -> None:
    text = "A ruling of the Ohio Supreme Court on Monday."
    start = text.index("Ohio")
    assert embedded_places(text, start, start + len("Ohio Supreme Court"), gaz) == [
        (start, start + 4)]


def test_union_or_country_typed_as_organisation(gaz: Gazetteer) -> None:
    assert names_a_large_unit("EU", gaz)
    assert names_a_large_unit("European Union", gaz)
    assert names_a_large_unit("Mauritius", gaz)
    assert names_a_large_unit("Liverpool", gaz)  # "Liverpool won": the city's team
    assert not names_a_large_unit("Goldman Sachs", gaz)
    assert not names_a_large_unit("Ripley", gaz)  # a small town's name stays an ORG
    assert not names_a_large_unit("Federal Reserve", gaz)
