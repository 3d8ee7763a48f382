"""Acronyms, first-name spellings and type words: joined when unambiguous, kept
apart otherwise (analyse/name_joins.py)."""

from __future__ import annotations

from storyline.analyse.entities import resolve_entities
from storyline.analyse.name_joins import acronym_surface, first_name_form
from tests.unit.test_entities import annotated, by_name


def test_acronym_surfaces() -> None:
    assert acronym_surface("IE") and acronym_surface("U.N.") and acronym_surface("NSA")
    assert not acronym_surface("Ie") and not acronym_surface("I") and not acronym_surface("IE7")


def test_acronym_joins_the_product_it_spells_across_types() -> None:
    a = annotated("a1", "Microsoft patched Internet Explorer on Tuesday.",
                  [("Microsoft", "ORG"), ("Internet Explorer", "OTHER")])
    b = annotated("b1", "The flaw in IE let attackers in.", [("IE", "ORG")])
    ents = by_name(resolve_entities([a, b]).entities)
    assert set(ents) == {"Microsoft", "Internet Explorer"}
    assert ents["Internet Explorer"].aliases == ("IE",)


def test_acronym_with_two_candidates_or_as_a_word_stays_apart() -> None:
    two = annotated("a1", "Internet Explorer and Intel Extensions: IE was patched.",
                    [("Internet Explorer", "OTHER"), ("Intel Extensions", "OTHER"), ("IE", "ORG")])
    assert "IE" in by_name(resolve_entities([two]).entities)
    # The story writes "who" as a word: "WHO" is not read as an acronym of "World Hockey Office".
    word = annotated("b1", "World Hockey Office staff, who spoke, said WHO rules.",
                     [("World Hockey Office", "ORG"), ("WHO", "OTHER")])
    ents = by_name(resolve_entities([word]).entities)
    assert [m.text for m in ents["World Hockey Office"].mentions] == ["World Hockey Office"]


def test_country_code_stays_the_country() -> None:
    a = annotated("a1", "US troops met United Space Agency staff.",
                  [("US", "PLACE"), ("United Space Agency", "ORG")])
    ents = by_name(resolve_entities([a]).entities)
    assert "US" in ents and "IE" not in ents
    assert ents["US"].type == "PLACE" and ents["United Space Agency"].aliases == ()


def test_first_name_forms() -> None:
    assert first_name_form("betty") == first_name_form("bettie")
    assert first_name_form("jon") == first_name_form("john")
    assert first_name_form("mark") != first_name_form("mary")
    assert first_name_form("dan") != first_name_form("don")


def test_first_name_spellings_of_one_surname_are_one_person() -> None:
    a = annotated("a1", "Pin-up model Betty Page died.", [("Betty Page", "PERSON")])
    b = annotated("b1", "Bettie Page was 85.", [("Bettie Page", "PERSON")])
    ents = resolve_entities([a, b]).entities
    assert len(ents) == 1 and {ents[0].name, *ents[0].aliases} == {"Betty Page", "Bettie Page"}


def test_first_name_spellings_stay_apart_beside_a_third_bearer() -> None:
    a = annotated("a1", "Betty Page, Bettie Page and Mark Page met.",
                  [("Betty Page", "PERSON"), ("Bettie Page", "PERSON"), ("Mark Page", "PERSON")])
    assert len(resolve_entities([a]).entities) == 3
    b = annotated("b1", "Mark Page and Mary Page met.",
                  [("Mark Page", "PERSON"), ("Mary Page", "PERSON")])
    assert len(resolve_entities([b]).entities) == 2


def test_type_word_name_is_the_bare_name() -> None:
    a = annotated("a1", "She told People magazine she was fine.", [("People magazine", "ORG")])
    b = annotated("b1", "A spokesman told People on Monday.", [("People", "ORG")])
    ents = resolve_entities([a, b]).entities
    assert len(ents) == 1 and {ents[0].name, *ents[0].aliases} == {"People magazine", "People"}


def test_type_word_keeps_a_person_and_two_outlets_apart() -> None:
    a = annotated("a1", "Ford company staff met Ford.",
                  [("Ford company", "ORG"), ("Ford", "PERSON")])
    assert len(resolve_entities([a]).entities) == 2
    b = annotated("b1", "Star magazine and Star newspaper quoted Star.",
                  [("Star magazine", "ORG"), ("Star newspaper", "ORG"), ("Star", "ORG")])
    assert len(resolve_entities([b]).entities) == 3


def test_capitalised_type_word_is_another_title() -> None:
    a = annotated("a1", "The New York Times Magazine and the New York Times.",
                  [("New York Times Magazine", "ORG"), ("New York Times", "ORG")])
    assert len(resolve_entities([a]).entities) == 2
    b = annotated("b1", "Vodafone Group said Vodafone would grow.",
                  [("Vodafone Group", "ORG"), ("Vodafone", "ORG")])
    assert len(resolve_entities([b]).entities) == 1
