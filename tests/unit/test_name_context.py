"""Type fixes of nlp/name_context.py, run through ``retype_names`` on hand-made
candidates, so that each rule is checked whatever the statistical model tags."""

from __future__ import annotations

from storyline.nlp.mentions import Cand
from storyline.nlp.name_context import retype_by_context
from storyline.nlp.roles import role_before

_TYPES = {"GPE": "PLACE", "LOC": "PLACE", "PERSON": "PERSON", "ORG": "ORG",
          "PRODUCT": "OTHER", "NORP": "GROUP", "FAC": "FACILITY"}


def _fixed(text: str, *spec: tuple[str, str]) -> dict[str, str]:
    """Surface → type after the fixes."""
    cands = []
    for name, label in spec:
        start = text.index(name)
        cands.append(Cand(start, start + len(name), label, _TYPES[label]))  # type: ignore[arg-type]
    out = retype_by_context(text, sorted(cands, key=lambda c: c.start))
    return {text[c.start:c.end]: c.type for c in out}


def test_piece_of_a_registration_code_is_no_name() -> None:
    text = "The aircraft, registered OO-SKA, was flying to Canada."
    assert _fixed(text, ("OO", "ORG"), ("Canada", "GPE")) == {"Canada": "PLACE"}


def test_piece_of_a_code_of_two_names_stays() -> None:
    text = "The EU-NATO talks opened on Monday."
    assert _fixed(text, ("EU", "ORG"), ("NATO", "ORG")) == {"EU": "ORG", "NATO": "ORG"}


def test_whole_acronym_stays() -> None:
    text = "AFAD said 18 people were hurt."
    assert _fixed(text, ("AFAD", "ORG")) == {"AFAD": "ORG"}


def test_designation_before_an_equipment_noun_is_equipment() -> None:
    text = "Engineers will inspect the Rolls-Royce Trent 700 engine."
    assert _fixed(text, ("Rolls-Royce Trent 700", "ORG")) == {
        "Rolls-Royce Trent 700": "EQUIPMENT"}


def test_maker_without_a_designation_stays_an_org() -> None:
    text = "The Rolls-Royce engine failed."
    assert _fixed(text, ("Rolls-Royce", "ORG")) == {"Rolls-Royce": "ORG"}


def test_operator_before_a_maker_and_designation_is_split() -> None:
    text = "A Skyline Cargo Airbus A330-200F diverted to Shannon."
    assert _fixed(text, ("Skyline Cargo Airbus", "NORP")) == {
        "Skyline Cargo": "ORG", "Airbus": "ORG"}


def test_name_before_a_bare_number_is_not_split() -> None:
    text = "The Skyline Cargo Airbus 2026 report came out."
    assert _fixed(text, ("Skyline Cargo Airbus", "ORG")) == {"Skyline Cargo Airbus": "ORG"}


def test_name_before_a_landform_noun_is_a_place() -> None:
    text = "The region's Büyük Menderes and Gediz grabens produce quakes."
    assert _fixed(text, ("Büyük Menderes", "ORG"), ("Gediz", "GPE")) == {
        "Büyük Menderes": "PLACE", "Gediz": "PLACE"}


def test_name_after_the_river_is_a_place() -> None:
    text = "Floods rose along the river Vardar overnight."
    assert _fixed(text, ("Vardar", "PERSON")) == {"Vardar": "PLACE"}


def test_short_name_of_a_sea_is_a_place() -> None:
    text = "Strong winds were forecast for the western Baltic on Friday."
    assert _fixed(text, ("Baltic", "PRODUCT")) == {"Baltic": "PLACE"}


def test_nationality_is_a_sea_only_before_a_coast_word() -> None:
    coast = "Gas would come from the Adriatic coast."
    assert _fixed(coast, ("Adriatic", "NORP")) == {"Adriatic": "PLACE"}
    people = "The Irish government said nothing."
    assert _fixed(people, ("Irish", "NORP")) == {"Irish": "GROUP"}


def test_harbour_master_is_a_role() -> None:
    text = "Harbour master Jens Albrecht said the wind was strong."
    found = role_before(text, text.index("Jens"), 0)
    assert found is not None and found.text == "Harbour master"
