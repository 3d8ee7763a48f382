"""Fixes to the small model's entity slips that entity resolution relies on."""

from __future__ import annotations

from storyline.nlp.annotate import annotate_text


def _mentions(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in annotate_text(text).mentions]


def test_headline_person_ends_before_a_common_word() -> None:
    text = (
        "Lindsay Lohan Checks Into Rehab\n\n"
        "The actress checked into a clinic on Tuesday, her lawyer said. Lohan is 24."
    )
    assert _mentions(text)[0] == ("Lindsay Lohan", "PERSON")


def test_byline_outlet_is_an_organisation() -> None:
    text = (
        "Floods cut road to Artyom\n\nBy Olga Vetrova, Amur Courier\n\n"
        "Rain flooded the road on Wednesday."
    )
    found = dict(_mentions(text))
    assert found.get("Amur Courier") == "ORG"
    assert found.get("Olga Vetrova") == "PERSON"


def test_a_sentence_opening_with_by_is_no_byline() -> None:
    text = (
        "Floods in the east\n\nBy Friday, water stood in the streets of Moscow\n\n"
        "More rain fell."
    )
    assert dict(_mentions(text)).get("Moscow") == "PLACE"
