"""Initialisms read from the document, leading short forms, parts of large units, and a
state named by its abbreviation (geo/resolve.py)."""

from __future__ import annotations

import pytest

from storyline.geo.gazetteer import Gazetteer, get_gazetteer
from storyline.geo.resolve import initialism_letters, initials, resolve_toponyms


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def test_initials_and_initialism_letters() -> None:
    assert initials("Trinidad and Tobago") == "TT"
    assert initials("Democratic People's Republic of Korea") == "DPRK"
    assert initials("Russia") == ""
    assert initialism_letters("T&T") == "TT"
    assert initialism_letters("S.A.") == "SA"
    assert initialism_letters("Tunis") == ""


def test_initialism_takes_the_full_name_the_document_gives(gaz: Gazetteer) -> None:
    r = resolve_toponyms(["Trinidad and Tobago", "T&T", "Washington"], gazetteer=gaz)
    assert r[1].place is not None and r[1].place.country_code == "TT", r[1]
    assert r[1].how == "abbreviation (Trinidad and Tobago)"
    # Without the full name it stays unplaced: two letters alone are no evidence.
    (alone,) = resolve_toponyms(["T&T"], gazetteer=gaz)
    assert alone.place is None


def test_initialism_of_a_country_the_document_is_in(gaz: Gazetteer) -> None:
    r = resolve_toponyms(["Limpopo", "SA", "North West"], gazetteer=gaz)
    assert r[1].place is not None and r[1].place.name == "South Africa", r[1]
    # Beside Riyadh the same letters are Saudi Arabia.
    r = resolve_toponyms(["Riyadh", "SA"], gazetteer=gaz)
    assert r[1].place is not None and r[1].place.country_code == "SA", r[1]


def test_leading_country_short_form_owns_the_institution(gaz: Gazetteer) -> None:
    r = resolve_toponyms(["US Federal Reserve", "Aberdeen", "Aberdeen"], gazetteer=gaz,
                         contained=True, focus=True)
    assert r[0].place is not None and r[0].place.country_code == "US", r[0]
    assert r[0].place.feature == "country"


def test_part_of_a_large_unit_and_a_state_school_resist_a_far_focus(gaz: Gazetteer) -> None:
    names = ["Arizona State University", "Cambridge", "Cambridge", "Oxford"]
    r = resolve_toponyms(names, gazetteer=gaz, contained=True, focus=True)
    assert r[0].place is not None and r[0].place.name == "Arizona", r[0]
    # A thing merely named after a far town still goes to the document's focus.
    r = resolve_toponyms(["Cloverhill District Court", "Dublin", "Dublin"], gazetteer=gaz,
                         contained=True, focus=True)
    assert r[0].how == "document focus"


def test_central_bank_named_by_a_demonym_belongs_to_its_union(gaz: Gazetteer) -> None:
    r = resolve_toponyms(["European Central Bank", "Aberdeen", "Scotland"], gazetteer=gaz,
                         contained=True, focus=True)
    assert r[0].place is not None and r[0].place.name == "Europe", r[0]


def test_state_abbreviation_makes_the_full_name_the_state(gaz: Gazetteer) -> None:
    r = resolve_toponyms(["Seattle", "Wash.", "Washington", "Florida"], gazetteer=gaz)
    assert r[2].place is not None and r[2].place.feature == "state", r[2]
    (dc,) = resolve_toponyms(["Washington"], gazetteer=gaz)
    assert dc.place is not None and dc.place.feature == "city"
