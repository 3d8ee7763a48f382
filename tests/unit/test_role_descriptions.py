"""Role descriptions ("Putin's defence minister") read as the one person holding the role."""

from __future__ import annotations

from storyline.analyse.entities import resolve_entities
from storyline.analyse.event_noun_patients import event_noun_patient
from storyline.analyse.role_descriptions import (
    DESCRIPTION,
    find_descriptions,
    resolve_role_descriptions,
    role_key,
)
from storyline.model import AnnotatedArticle, Article, EventArgument, EventMention
from tests.unit.test_entities import annotated

SHOIGU = annotated(
    "a1",
    "Kim Jong Un was accompanied by Russian Defence Minister Sergei Shoigu during his visit.",
    [("Kim Jong Un", "PERSON"), ("Russian", "GROUP"),
     ("Sergei Shoigu", "PERSON", "Defence Minister")],
)
REZNIKOV = annotated(
    "a3",
    "In Kyiv, Ukrainian Defence Minister Oleksii Reznikov said the attack had failed.",
    [("Kyiv", "PLACE"), ("Ukrainian", "GROUP"),
     ("Oleksii Reznikov", "PERSON", "Defence Minister")],
)


def _found(*arts: AnnotatedArticle) -> dict[str, str]:
    """Description text → name of the person it was read as."""
    res = resolve_entities(list(arts))
    names = {e.id: e.name for e in res.entities}
    return {d.text: names[d.entity] for d in find_descriptions(list(arts), res)}


def test_possessive_person_qualifier_reads_as_the_one_minister() -> None:
    text = ("The visit, accompanied by President Vladimir Putin’s defence minister, "
            "raised concerns in Seoul.")
    other = annotated("a2", text, [("Vladimir Putin", "PERSON", "President"),
                                   ("Seoul", "PLACE")])
    arts = [SHOIGU, other]
    res, index = resolve_role_descriptions(resolve_entities(arts), arts)
    shoigu = next(e for e in res.entities if e.name == "Sergei Shoigu")
    (desc,) = [m for m in shoigu.mentions if m.kind == DESCRIPTION]
    assert desc.text == "President Vladimir Putin’s defence minister"
    assert text[desc.start:desc.end] == desc.text and desc.article == "a2"
    # A description is no name: the name and aliases stay as the names give them.
    assert shoigu.aliases == () and all(m.kind is None for e in res.entities
                                        if e.name != "Sergei Shoigu" for m in e.mentions)
    role_at = text.index("defence minister")
    assert index.entity_at("a2", role_at, role_at + len("defence minister")) == shoigu.id
    # The possessor's own name inside the description is the possessor, not the minister.
    putin_at = text.index("Putin")
    assert index.entity_at("a2", putin_at, putin_at + len("Putin")) is None


def test_country_and_nationality_qualifiers() -> None:
    other = annotated(
        "a2",
        "Russia’s defence minister showed the bombers. Later the Russian defence minister "
        "left, and the North Korean leader boarded his train.",
        [("Russia", "PLACE"), ("Russian", "GROUP"), ("North Korean", "GROUP")],
    )
    kim = annotated("a4", "North Korean leader Kim Jong Un arrived by train.",
                    [("North Korean", "GROUP"), ("Kim Jong Un", "PERSON", "leader")])
    assert _found(SHOIGU, other, kim) == {
        "Russia’s defence minister": "Sergei Shoigu",
        "the Russian defence minister": "Sergei Shoigu",
        "the North Korean leader": "Kim Jong Un",
    }


def test_two_ministers_leave_the_bare_description_open() -> None:
    other = annotated(
        "a2",
        "The defence minister spoke first. Russia's defence minister replied, and the "
        "Ukrainian defence minister left the room.",
        [("Russia", "PLACE"), ("Ukrainian", "GROUP")],
    )
    # "The defence minister" fits both; each qualified one fits one.
    assert _found(SHOIGU, REZNIKOV, other) == {
        "Russia's defence minister": "Sergei Shoigu",
        "the Ukrainian defence minister": "Oleksii Reznikov",
    }


def test_role_nobody_holds_and_contradicting_qualifier_resolve_nothing() -> None:
    other = annotated(
        "a2",
        "The governor declared an emergency. The Ukrainian defence minister was not there.",
        [("Ukrainian", "GROUP")],
    )
    assert _found(SHOIGU, other) == {}


def test_a_title_before_a_name_is_no_description() -> None:
    other = annotated("a2", "Putin thanked the defence minister Sergei Shoigu.",
                      [("Putin", "PERSON"), ("Sergei Shoigu", "PERSON")])
    assert _found(SHOIGU, other) == {}


def test_bare_role_word_reads_as_the_one_holder_of_a_longer_role() -> None:
    other = annotated("a2", "The minister then toured the airfield.", [])
    assert _found(SHOIGU, other) == {"The minister": "Sergei Shoigu"}
    assert _found(SHOIGU, REZNIKOV, other) == {}


def test_role_key_folds_spelling_and_case() -> None:
    assert role_key("Defense  Minister") == role_key("defence-minister") == "defence minister"


def test_participle_on_a_definite_event_noun_is_about_its_agent() -> None:
    text = "Kim Jong Un made a visit to Russia. The visit, accompanied by a minister, ended."
    art = annotated("a1", text, [("Kim Jong Un", "PERSON"), ("Russia", "PLACE")])
    made = text.index("visit")
    later = text.index("visit", made + 1)
    acc = text.index("accompanied")
    events = (
        EventMention(made, made + 5, "visit", "visit", 0, "visit", "NOUN",
                     (EventArgument("agent", 0, 11, 0, "Kim"),)),
        EventMention(later, later + 5, "visit", "visit", 1, "visit", "NOUN"),
        EventMention(acc, acc + 11, "accompanied", "accompany", 1, "accompany", "VERB"),
    )
    with_events = AnnotatedArticle(art.article, mentions=art.mentions, events=events)
    assert event_noun_patient(with_events, events[2]) == 0
    # No earlier visit with a named agent: nothing is guessed.
    alone = AnnotatedArticle(Article("a2", text), mentions=art.mentions, events=events[1:])
    assert event_noun_patient(alone, events[2]) is None
