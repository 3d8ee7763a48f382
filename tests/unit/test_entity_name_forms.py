"""Entity resolution: forms of one name (initials, suffixes, particles, legal
forms, scores, headline run-ons) join; look-alikes stay apart."""

from __future__ import annotations

from storyline.analyse.entities import resolve_entities
from storyline.analyse.names import clean_surface, name_key, person_core
from storyline.model import AnnotatedArticle, Article
from tests.unit.test_entities import annotated, by_name


def _titled(art: AnnotatedArticle) -> AnnotatedArticle:
    title = art.article.text.split("\n")[0]
    return AnnotatedArticle(article=Article(id=art.article.id, text=art.article.text, title=title),
                            mentions=art.mentions)


def test_initials_and_generational_suffixes_do_not_split_a_person() -> None:
    arts = [
        annotated("a1", "W. Mark Felt Sr. died. Felt was 95.",
                  [("W. Mark Felt Sr.", "PERSON"), ("Felt", "PERSON")]),
        annotated("a2", "Mark Felt, known as Deep Throat, died.", [("Mark Felt", "PERSON")]),
        annotated("a3", "W. Mark Felt was the source.", [("W. Mark Felt", "PERSON")]),
    ]
    (ent,) = resolve_entities(arts).entities
    assert ent.type == "PERSON" and len(ent.mentions) == 4
    assert set(ent.aliases) | {ent.name} == {"W. Mark Felt Sr.", "Mark Felt", "W. Mark Felt",
                                              "Felt"}
    assert person_core("w mark felt sr") == ("mark", "felt")
    assert person_core("arcade joseph comeaux jr") == ("arcade", "joseph", "comeaux")


def test_a_surname_with_its_particle_joins_the_full_name() -> None:
    art = annotated("a1", "Gaetano Lo Presti was held. Lo Presti hanged himself.",
                    [("Gaetano Lo Presti", "PERSON"), ("Lo Presti", "PERSON")])
    (ent,) = resolve_entities([art]).entities
    assert ent.name == "Gaetano Lo Presti" and ent.aliases == ("Lo Presti",)


def test_two_first_names_before_one_surname_stay_two_people() -> None:
    art = annotated("a1", "Mary Anne Smith met John Smith. Anne Smith left.",
                    [("Mary Anne Smith", "PERSON"), ("John Smith", "PERSON"),
                     ("Anne Smith", "PERSON")])
    names = {e.name for e in resolve_entities([art]).entities}
    assert {"Mary Anne Smith", "John Smith"} <= names


def test_a_legal_form_is_no_part_of_a_company_name() -> None:
    art = annotated("a1", "Microsoft Corp. issued a patch. Microsoft said so.",
                    [("Microsoft Corp.", "ORG"), ("Microsoft", "ORG")])
    (ent,) = resolve_entities([art]).entities
    assert {ent.name, *ent.aliases} == {"Microsoft", "Microsoft Corp."}
    # One key, so one id in every story, whichever form a story writes.
    assert name_key("Microsoft Corp.", "ORG") == name_key("Microsoft", "ORG") == "microsoft"
    # Spelled out, the form stays: it is what an acronym abbreviates.
    assert name_key("British Broadcasting Corporation", "ORG") == "british broadcasting corporation"


def test_a_score_run_into_a_team_name_is_dropped() -> None:
    assert clean_surface("Evansville 91-73", "ORG") == "Evansville"
    assert clean_surface("Tu-22 3-4", "EQUIPMENT") == "Tu-22 3-4"


def test_a_surname_tagged_as_a_group_joins_its_person() -> None:
    art = annotated("a1", "Wladimir Klitschko won. Klitschko retained his belts.",
                    [("Wladimir Klitschko", "PERSON"), ("Klitschko", "GROUP")])
    (ent,) = resolve_entities([art]).entities
    assert ent.type == "PERSON" and len(ent.mentions) == 2


def test_a_title_case_headline_cuts_any_name_to_what_the_body_names() -> None:
    art = _titled(annotated(
        "a1",
        "Microsoft Patches IE Flaw\n\nMicrosoft released a fix for IE on Wednesday.",
        [("Microsoft Patches IE", "ORG"), ("Microsoft", "ORG"), ("IE", "ORG")],
    ))
    ents = by_name(resolve_entities([art]).entities)
    assert set(ents) == {"Microsoft", "IE"}
    first = ents["Microsoft"].mentions[0]
    assert (first.start, first.end, first.text) == (0, 9, "Microsoft")


def test_title_case_allows_short_function_words_in_lower_case() -> None:
    art = _titled(annotated(
        "a1",
        "Offer to Teixeira Reportedly Bumped as High as $184M\n\nMark Teixeira waited.",
        [("Teixeira Reportedly Bumped", "ORG"), ("Mark Teixeira", "PERSON")],
    ))
    (ent,) = resolve_entities([art]).entities
    assert ent.name == "Mark Teixeira" and ent.aliases == ("Teixeira",)


def test_a_title_or_nationality_before_a_full_name_goes_to_the_roles() -> None:
    art = annotated(
        "a1",
        "Coroner Gary Hargrove said the coroner found nothing. Gary Hargrove left. "
        "American Hasim Rahman fought. Hasim Rahman lost to the American champion.",
        [("Coroner Gary Hargrove", "PERSON"), ("Gary Hargrove", "PERSON"),
         ("American Hasim Rahman", "ORG"), ("Hasim Rahman", "PERSON"), ("American", "GROUP")],
    )
    ents = by_name(resolve_entities([art]).entities)
    assert ents["Gary Hargrove"].roles == ("Coroner",)
    assert len(ents["Gary Hargrove"].mentions) == 2
    assert ents["Gary Hargrove"].mentions[0].text == "Gary Hargrove"
    assert ents["Hasim Rahman"].type == "PERSON" and len(ents["Hasim Rahman"].mentions) == 2
    assert ents["Hasim Rahman"].roles == ()


def test_a_capitalised_first_name_before_a_full_name_is_kept() -> None:
    art = annotated("a1", "Mary Anne Smith spoke. Anne Smith is her aunt.",
                    [("Mary Anne Smith", "PERSON"), ("Anne Smith", "PERSON")])
    assert {e.name for e in resolve_entities([art]).entities} == {"Mary Anne Smith",
                                                                   "Anne Smith"}


def test_a_team_or_facility_named_with_and_without_its_place_is_one() -> None:
    art = annotated(
        "a1",
        "The Boston Red Sox bid in Boston. The Red Sox lost. "
        "She left Malibu Promises Treatment Center in Malibu; Promises Treatment Center said so.",
        [("Boston Red Sox", "ORG"), ("Boston", "PLACE"), ("Red Sox", "ORG"),
         ("Malibu Promises Treatment Center", "ORG"), ("Malibu", "PLACE"),
         ("Promises Treatment Center", "ORG")],
    )
    ents = by_name(resolve_entities([art]).entities)
    assert set(ents) == {"Boston Red Sox", "Boston", "Malibu Promises Treatment Center",
                         "Malibu"}
    assert ents["Boston Red Sox"].aliases == ("Red Sox",)


def test_a_lone_common_word_capitalised_by_position_is_no_entity() -> None:
    art = annotated(
        "a1",
        "Actress dies. The actress Esther Williams died. Star of the screen, the star swam. "
        "Page one: Bettie Page posed for a page.",
        [("Actress", "ORG"), ("Esther Williams", "PERSON"), ("Star", "PERSON"),
         ("Page", "PERSON"), ("Bettie Page", "PERSON")],
    )
    ents = by_name(resolve_entities([art]).entities)
    # "Page" is a word of a longer name of the story, so it stays (as her surname).
    assert set(ents) == {"Esther Williams", "Bettie Page"}
    assert len(ents["Bettie Page"].mentions) == 2


def test_store_names_differing_by_initials_or_suffix_complete_a_bare_surname() -> None:
    from storyline.analyse.known_names import known_names_from_counts

    known = known_names_from_counts([("w mark felt sr", "W. Mark Felt Sr.", 1),
                                     ("mark felt", "Mark Felt", 3),
                                     ("w mark felt", "W. Mark Felt", 2)])
    assert known.full_name("felt") == ("mark felt", "Mark Felt")
    two = known_names_from_counts([("mark felt", "Mark Felt", 1), ("joan felt", "Joan Felt", 1)])
    assert two.full_name("felt") is None
    story = annotated("s1", "Felt died at 95.", [("Felt", "PERSON")])
    (ent,) = resolve_entities([story], known).entities
    assert ent.name == "Mark Felt" and ent.aliases == ("Felt",)
