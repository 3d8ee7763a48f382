"""ECB+ entity clustering rules (benchmarks/ecbplus_coref.py), on hand-made stories."""

from __future__ import annotations

from typing import Any

from tests.conftest import load_benchmark

bench = load_benchmark("ecbplus.py")
coref = bench._coref_module()


def _story(texts: dict[str, str], gold: list[tuple[str, str]],
           ours: dict[str, list[tuple[str, str, str]]], **kw: Any) -> Any:
    """Gold mentions as (doc, surface) found left to right; ours as (surface, id, type)."""
    mentions = []
    pos: dict[str, int] = {}
    for doc, surface in gold:
        start = texts[doc].index(surface, pos.get(doc, 0))
        pos[doc] = start + len(surface)
        mentions.append(coref.GoldMention(doc, (start,), start, start + len(surface), 0,
                                          "HUMAN_PART_PER", "entity", "?"))
    our_spans = {}
    for doc, rows in ours.items():
        spans, at = [], 0
        for surface, eid, type_ in rows:
            start = texts[doc].index(surface, at)
            at = start + len(surface)
            spans.append((start, at, eid, type_))
        our_spans[doc] = spans
    return coref.StoryMentions("s", mentions, texts, our_spans, {}, **kw)


def _clusters(story: Any) -> list[set[str]]:
    out = coref.cluster_entity_mentions(story)
    groups: dict[str, set[str]] = {}
    for m in story.mentions:
        groups.setdefault(out[m.id], set()).add(f"{story.texts[m.doc][m.start:m.end]}@{m.start}")
    return sorted(groups.values(), key=lambda g: sorted(g))


def test_a_bare_surname_goes_to_the_dominant_bearer_and_pronouns_follow_gender() -> None:
    texts = {
        "1.xml": "Maurice Cheeks met Anna Cheeks. Maurice Cheeks and Maurice Cheeks's son"
                 " spoke. Maurice Cheeks left. Cheeks smiled.",
        "2.xml": "Anna Cheeks said she was glad. She left.",
    }
    ours = {
        "1.xml": [("Maurice Cheeks", "m", "PERSON"), ("Anna Cheeks", "a", "PERSON"),
                  ("Maurice Cheeks", "m", "PERSON"), ("Maurice Cheeks", "m", "PERSON"),
                  ("Maurice Cheeks", "m", "PERSON"), ("Cheeks", "c", "PERSON")],
        "2.xml": [("Anna Cheeks", "a", "PERSON")],
    }
    story = _story(texts, [("1.xml", "Maurice Cheeks"), ("1.xml", "Cheeks smiled"),
                           ("2.xml", "Anna Cheeks"), ("2.xml", "she"), ("2.xml", "She")], ours)
    assert coref.surname_owners(story) == {"c": "m"}
    got = coref.cluster_entity_mentions(story)
    ids = [got[m.id] for m in story.mentions]
    assert ids[0] == ids[1] != ids[2]
    assert ids[2] == ids[3] == ids[4]


def test_a_name_covers_a_mention_only_at_its_head() -> None:
    texts = {"1.xml": "The Obama administration praised Obama."}
    story = _story(
        texts, [("1.xml", "The Obama administration"), ("1.xml", "Obama")],
        {"1.xml": [("Obama", "o", "PERSON"), ("Obama", "o", "PERSON")]},
        heads={},
    )
    # Without heads the overlap decides; with the parse's head ("administration")
    # the name does not cover it.
    m0, m1 = story.mentions
    head = (texts["1.xml"].index("administration"), texts["1.xml"].index("administration") + 14,
            "administration", "NOUN")
    with_heads = coref.StoryMentions("s", story.mentions, texts, story.ours, {},
                                     heads={m0.id: head})
    got = coref.cluster_entity_mentions(with_heads)
    assert got[m0.id] != got[m1.id] == "s|E:o"


def test_day_relative_times_take_the_documents_weekday() -> None:
    texts = {"1.xml": "It happened on Friday. At about 7 p.m. yesterday police came. Tuesday."}
    story = _story(texts, [("1.xml", "on Friday"), ("1.xml", "At about 7 p.m."),
                           ("1.xml", "yesterday")], {})
    got = coref.cluster_entity_mentions(story)
    assert len({got[m.id] for m in story.mentions}) == 1
    assert coref._day_relative("late this morning") and not coref._day_relative("morning")


def test_they_takes_the_nearest_plural_noun_phrase() -> None:
    texts = {"1.xml": "The pirates seized a ship. They fled. The ship sank. They swam."}
    heads_at = {"pirates": ("pirate", "NOUN"), "ship": ("ship", "NOUN")}
    story = _story(texts, [("1.xml", "The pirates"), ("1.xml", "They"), ("1.xml", "They")], {})
    heads = {}
    for m in story.mentions:
        word = texts["1.xml"][m.start:m.end].split()[-1]
        if word in heads_at:
            start = texts["1.xml"].index(word, m.start)
            heads[m.id] = (start, start + len(word), *heads_at[word])
    story = coref.StoryMentions("s", story.mentions, texts, {}, {}, heads=heads)
    got = coref.cluster_entity_mentions(story)
    assert len({got[m.id] for m in story.mentions}) == 1


def test_gold_extents_are_found_by_head_word() -> None:
    m = coref.GoldMention("1.xml", (4, 5), 10, 19, 0, "LOC_GEO", "entity", "?")
    by_head = coref.gold_extents_by_head([m], {m.id: (13, 19, "queens", "PROPN")})
    assert by_head == {("1.xml", 13, 19): (4, 5)}
