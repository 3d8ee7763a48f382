"""Entity-level fixes: facility short names, tied PLACE/FACILITY votes settled by the
gazetteer, and the display name when spellings are equally attested."""

from __future__ import annotations

from dataclasses import replace

from storyline.analyse.entities import resolve_entities
from storyline.model import AnnotatedArticle, Article, Entity, EntityType, Mention


def _art(aid: str, text: str, specs: list[tuple[str, EntityType]],
         published: str | None = None) -> AnnotatedArticle:
    mentions, pos = [], 0
    for surface, type_ in specs:
        start = text.index(surface, pos)
        pos = start + len(surface)
        label = {"PLACE": "GPE", "FACILITY": "FAC"}.get(type_, type_)
        mentions.append(Mention(start, pos, surface, label, type_, 0))
    art = AnnotatedArticle(article=Article(id=aid, text=text), mentions=tuple(mentions))
    return replace(art, article=replace(art.article, published=published))


def _by_name(arts: list[AnnotatedArticle]) -> dict[str, Entity]:
    return {e.name: e for e in resolve_entities(arts).entities}


def test_facility_short_name_joins_its_full_name() -> None:
    ents = _by_name([
        _art("a1", "The jet diverted to Shannon Airport in Ireland.",
             [("Shannon Airport", "FACILITY"), ("Ireland", "PLACE")]),
        _art("a2", "It landed on Shannon's runway; Shannon handles diversions.",
             [("Shannon", "FACILITY"), ("Shannon", "FACILITY")]),
    ])
    assert ents["Shannon Airport"].aliases == ("Shannon",)
    assert len(ents["Shannon Airport"].mentions) == 3
    assert "Shannon" not in ents


def test_city_beside_its_airport_stays_apart() -> None:
    ents = _by_name([
        _art("a1", "The jet left Liège Airport for Liège and Belgium.",
             [("Liège Airport", "FACILITY"), ("Liège", "PLACE"), ("Belgium", "PLACE")]),
    ])
    assert ents["Liège"].type == "PLACE"
    assert ents["Liège Airport"].aliases == ()


def test_tied_vote_goes_to_a_gazetteer_place_of_the_story_country() -> None:
    ents = _by_name([
        _art("a1", "The road was shut between Lorne and Apollo Bay in Australia.",
             [("Lorne", "PLACE"), ("Apollo Bay", "PERSON"), ("Australia", "PLACE")]),
        _art("a2", "In Apollo Bay, shops closed.", [("Apollo Bay", "FACILITY")]),
    ])
    assert ents["Apollo Bay"].type == "PLACE"


def test_tied_vote_stays_a_facility_without_a_country_for_it() -> None:
    ents = _by_name([
        _art("a1", "The road was shut near Apollo Bay in Chile.",
             [("Apollo Bay", "PERSON"), ("Chile", "PLACE")]),
        _art("a2", "In Apollo Bay, shops closed.", [("Apollo Bay", "FACILITY")]),
    ])
    assert ents["Apollo Bay"].type == "FACILITY"


def test_equal_spellings_take_the_earliest_published_form() -> None:
    late = _art("a1", "Captain Dmitriy Sokolov flew.", [("Dmitriy Sokolov", "PERSON")],
                "2026-03-12")
    early = _art("a2", "Pilot Dmitry Sokolov said so.", [("Dmitry Sokolov", "PERSON")],
                 "2026-03-11")
    assert set(_by_name([late, early])) == {"Dmitry Sokolov"}
    assert set(_by_name([replace(late, article=replace(late.article, published="2026-03-10")),
                         early])) == {"Dmitriy Sokolov"}


def test_equal_spellings_on_one_day_take_the_plainest_romanisation() -> None:
    arts = [
        _art("a1", "Captain Dmitriy Sokolov flew.", [("Dmitriy Sokolov", "PERSON")],
             "2026-03-11"),
        _art("a2", "Pilot Dmitry Sokolov said so.", [("Dmitry Sokolov", "PERSON")],
             "2026-03-11"),
    ]
    ent = _by_name(arts)["Dmitry Sokolov"]
    assert ent.aliases == ("Dmitriy Sokolov",)
    assert set(_by_name(arts[::-1])) == {"Dmitry Sokolov"}
