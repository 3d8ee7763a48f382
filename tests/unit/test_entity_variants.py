"""Spelling variants of one name joined, look-alikes kept apart."""

from __future__ import annotations

import pytest

from storyline.analyse.entities import resolve_entities
from storyline.analyse.names import region_stem, translit_token, variant_key
from tests.unit.test_entities import annotated, by_name


@pytest.mark.parametrize(
    "forms",
    [
        ("artyom", "artem"),  # ё written yo or e (diacritics already folded: Artëm)
        ("dmitry", "dmitriy", "dmitrii", "dmitri"),
        ("yevgeny", "evgeniy", "evgeni"),
        ("aleksei", "alexei"),
        ("khabarovsk", "habarovsk"),
        ("primorsky", "primorskiy"),
    ],
)
def test_romanisations_fold_to_one_key(forms: tuple[str, ...]) -> None:
    assert len({translit_token(f) for f in forms}) == 1, [translit_token(f) for f in forms]


@pytest.mark.parametrize(
    ("a", "b"),
    [("tu160", "tu95"), ("su57", "su35"), ("ivan", "ilya"), ("sergei", "serge i"), ("un", "us")],
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert variant_key(a) != variant_key(b)


def test_region_stems() -> None:
    assert region_stem("primorsky region") == region_stem("primorye") == "primor"
    assert region_stem(variant_key("primorskiy krai")) == region_stem(variant_key("primorye"))
    assert region_stem("moscow region") is None
    assert region_stem("tu160") is None
    assert region_stem("russian") is None  # an adjective without its region noun


def test_transliterated_place_is_one_entity() -> None:
    a = annotated("a1", "Jets landed near Artyom on Sunday.", [("Artyom", "PLACE")])
    b = annotated("b1", "The bombers were shown in Artëm.", [("Artëm", "PLACE")])
    c = annotated("c1", "Artem lies 40 km from the port.", [("Artem", "PERSON")])
    ents = resolve_entities([a, b, c]).entities
    assert len(ents) == 1
    assert ents[0].type == "PLACE"
    assert {ents[0].name, *ents[0].aliases} == {"Artyom", "Artëm", "Artem"}


def test_region_adjective_joins_its_noun_form() -> None:
    a = annotated("a1", "Planes flew over the Primorsky region.", [("Primorsky region", "PLACE")])
    b = annotated("b1", "Primorye is on the coast.", [("Primorye", "PLACE")])
    ents = resolve_entities([a, b]).entities
    assert [e.name for e in ents] == ["Primorsky region"]


def test_mistyped_surname_joins_the_person_but_not_a_country_or_acronym() -> None:
    a = annotated(
        "a1",
        "Lindsay Lohan entered rehab. Lohan said the U.N. and Georgia were far. "
        "Kim Jong Un waved.",
        [("Lindsay Lohan", "PERSON"), ("Lohan", "PLACE"), ("U.N.", "ORG"),
         ("Georgia", "PLACE"), ("Kim Jong Un", "PERSON")],
    )
    b = annotated("b1", "Former teammate Mark Georgia smiled.", [("Mark Georgia", "PERSON")])
    ents = by_name(resolve_entities([a, b]).entities)
    assert ents["Lindsay Lohan"].type == "PERSON"
    assert ents["Lindsay Lohan"].aliases == ("Lohan",)
    assert "U.N." in ents and "Georgia" in ents  # "un" is no surname of Kim Jong Un
    assert ents["Georgia"].type == "PLACE"


def test_two_people_sharing_a_surname_stay_apart() -> None:
    a = annotated(
        "a1",
        "Raul Castro met Fidel Castro. Castro spoke.",
        [("Raul Castro", "PERSON"), ("Fidel Castro", "PERSON"), ("Castro", "PERSON")],
    )
    ents = by_name(resolve_entities([a]).entities)
    assert {"Raul Castro", "Fidel Castro", "Castro"} <= set(ents)


def test_a_city_and_its_region_stay_apart() -> None:
    a = annotated(
        "a1",
        "The quake hit the Antofagasta region; Antofagasta itself was spared.",
        [("Antofagasta region", "PLACE"), ("Antofagasta", "PLACE")],
    )
    assert len(resolve_entities([a]).entities) == 2


def test_short_form_takes_the_full_name_the_store_knows() -> None:
    from storyline.analyse.known_names import known_person_names

    full = annotated(
        "a1", "Defence Minister Sergei Shoigu met Fidel Castro and Raul Castro.",
        [("Sergei Shoigu", "PERSON"), ("Fidel Castro", "PERSON"), ("Raul Castro", "PERSON")],
    )
    short = annotated(
        "b1", "Shoigu flew home. Castro waved.", [("Shoigu", "PERSON"), ("Castro", "PERSON")]
    )
    known = known_person_names([full, short])
    alone = by_name(resolve_entities([short]).entities)
    linked = by_name(resolve_entities([short], known).entities)
    elsewhere = by_name(resolve_entities([full]).entities)
    assert "Shoigu" in alone  # without the store, the short form is all there is
    assert linked["Sergei Shoigu"].id == elsewhere["Sergei Shoigu"].id
    assert linked["Sergei Shoigu"].aliases == ("Shoigu",)
    assert "Castro" in linked, "two Castros in the store: the short form stays apart"


@pytest.mark.parametrize(
    ("a", "b"),
    [("betty ford centre", "betty ford center"), ("mariinsky theatre", "mariinsky theater"),
     ("ministry of defence", "ministry of defense"), ("harbour", "harbor")],
)
def test_british_and_american_spellings_fold(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)
