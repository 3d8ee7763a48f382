"""Resolver context: how many names agree, which names are evidence, county short forms."""

from __future__ import annotations

import pytest

from storyline.geo.gazetteer import Gazetteer, get_gazetteer
from storyline.geo.resolve import Weights, resolve_toponyms


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _where(names: list[str], gaz: Gazetteer, **kw: object) -> list[tuple[str, str]]:
    out = []
    for r in resolve_toponyms(names, gazetteer=gaz, **kw):  # type: ignore[arg-type]
        assert r.place is not None, r.reason
        out.append((r.place.country_code, r.place.admin1))
    return out


def test_a_reading_near_several_names_beats_one_near_a_single_name(gaz: Gazetteer) -> None:
    names = ["Portland", "Westbrook", "Gorham", "Falmouth", "Vancouver"]
    # Three Maine towns around Portland, Maine outvote Vancouver, Washington beside
    # the larger Portland, Oregon ...
    assert _where(names, gaz)[0] == ("US", "ME")
    # ... which wins when only the nearest other name counts.
    assert _where(names, gaz, weights=Weights(near_more=0.0))[0] == ("US", "OR")


def test_a_county_name_of_many_states_frames_none(gaz: Gazetteer) -> None:
    # Jefferson County exists in some twenty states: naming it names none of them.
    _, springfield = resolve_toponyms(["Jefferson County", "Springfield"], gazetteer=gaz)
    assert "state/region the document names" not in springfield.reason


def test_county_short_form_follows_the_town_it_names(gaz: Gazetteer) -> None:
    # "DeKalb" alone is the city of DeKalb, Illinois: the county is the one around it,
    # not the more populous DeKalb County, Georgia.
    town, county = resolve_toponyms(["DeKalb", "DeKalb County"], gazetteer=gaz)
    assert town.place is not None and county.place is not None
    assert (town.place.admin1, county.place.admin1) == ("IL", "IL")
    assert county.place.feature == "county" and "short form" in county.reason


def test_county_short_form_follows_a_county_the_document_supports(gaz: Gazetteer) -> None:
    # Decatur, Georgia is the seat of DeKalb County, Georgia: the short form goes there.
    where = _where(["DeKalb County", "Decatur", "DeKalb"], gaz)
    assert where == [("US", "GA")] * 3


def test_stray_village_goes_to_the_focus_only_with_focus_on(gaz: Gazetteer) -> None:
    names = ["Houston", "Dallas", "Rehab"]
    plain = resolve_toponyms(names, gazetteer=gaz)
    assert plain[2].place is not None and plain[2].place.country_code == "JO"
    est = resolve_toponyms(names, gazetteer=gaz, focus=True)
    assert est[2].place is not None and est[2].place.name == "Houston"
    assert est[2].how == "document focus" and "small place" in est[2].reason


def test_focus_counts_states_toward_their_country(gaz: Gazetteer) -> None:
    # One town in the Northern Marianas, one in Washington and three more US states:
    # the story is about the US side, so an unknown name goes to Seattle.
    names = ["Saipan", "Seattle", "Oregon", "Idaho", "Montana", "Pike Place Market"]
    r = resolve_toponyms(names, gazetteer=gaz, focus=True)[-1]
    assert r.place is not None and r.place.name == "Seattle" and r.how == "document focus"


def test_naming_the_country_does_not_keep_a_stray_village(gaz: Gazetteer) -> None:
    # Congress, Arizona (a few thousand people) lies in the country the story names,
    # but no named state holds it and none of the story's places is near: focus.
    names = ["United States", "Houston", "Dallas", "Congress"]
    r = resolve_toponyms(names, gazetteer=gaz, focus=True)[-1]
    assert r.place is not None and r.place.name == "Houston", r.reason
    kept = resolve_toponyms(names, gazetteer=gaz, focus=True,
                            weights=Weights(stray_needs_local=False))[-1]
    assert kept.place is not None and kept.place.name == "Congress"
    # A village inside a state the story names stays put.
    humble = resolve_toponyms(["Texas", "Houston", "Dallas", "Humble"], gazetteer=gaz,
                              focus=True)[-1]
    assert humble.place is not None and humble.place.name == "Humble"
