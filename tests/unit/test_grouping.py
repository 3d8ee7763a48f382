"""Story grouping: shared specific names within a date window; look-alikes apart."""

from __future__ import annotations

import random

from storyline.model import AnnotatedArticle, Article, EntityType, Mention, content_hash
from storyline.stories.grouping import group_stories, story_id


def article(
    aid: str, published: str | None, names: list[tuple[str, EntityType]]
) -> AnnotatedArticle:
    """An article that mentions ``names`` in order (text made of the names)."""
    parts: list[str] = []
    mentions = []
    pos = 0
    for surface, type_ in names:
        mentions.append(Mention(pos, pos + len(surface), surface, type_, type_, 0))
        parts.append(surface)
        pos += len(surface) + 2
    text = ". ".join(parts)
    return AnnotatedArticle(
        article=Article(id=aid, text=text, published=published), mentions=tuple(mentions)
    )


KIM = [
    article(
        "a-kim1",
        "2023-09-16",
        [
            ("Kim Jong Un", "PERSON"),
            ("Sergei Shoigu", "PERSON"),
            ("Vladivostok", "PLACE"),
            ("Russia", "PLACE"),
            ("Tu-160", "EQUIPMENT"),
            ("Kim", "PERSON"),
            ("Interfax", "ORG"),
        ],
    ),
    article(
        "a-kim2",
        "2023-09-17",
        [
            ("Kim Jong Un", "PERSON"),
            ("Shoigu", "PERSON"),
            ("Sergei Shoigu", "PERSON"),
            ("Knevichi", "FACILITY"),
            ("Vladivostok", "PLACE"),
            ("Tu 160", "EQUIPMENT"),
        ],
    ),
    article(
        "a-kim3",
        None,  # undated: the date must not block it
        [
            ("N Korea’s Kim", "PERSON"),
            ("Kim Jong Un", "PERSON"),
            ("Kinzhal", "EQUIPMENT"),
            ("Tu-160", "EQUIPMENT"),
            ("Russian", "GROUP"),
        ],
    ),
]
# Two earthquakes in the same week: same vocabulary, same agencies, different
# countries, towns and people.
QUAKE_TR = [
    article(
        f"a-tr{i}",
        f"2023-02-0{6 + i}",
        [
            ("Turkey", "PLACE"),
            ("Gaziantep", "PLACE"),
            ("Kahramanmaras", "PLACE"),
            ("Recep Tayyip Erdogan", "PERSON"),
            ("USGS", "ORG"),
            ("Red Cross", "ORG"),
            ("United Nations", "ORG"),
            ("Reuters", "ORG"),
            ("Turkish", "GROUP"),
        ],
    )
    for i in range(2)
]
QUAKE_JP = [
    article(
        f"a-jp{i}",
        f"2023-02-0{7 + i}",
        [
            ("Japan", "PLACE"),
            ("Ishikawa", "PLACE"),
            ("Wajima", "PLACE"),
            ("Fumio Kishida", "PERSON"),
            ("USGS", "ORG"),
            ("Red Cross", "ORG"),
            ("United Nations", "ORG"),
            ("Reuters", "ORG"),
            ("Japanese", "GROUP"),
        ],
    )
    for i in range(2)
]
LONE = article("a-lone", "2023-03-01", [("Lionel Messi", "PERSON"), ("Paris", "PLACE")])
EMPTY = article("a-empty", "2023-03-01", [])


def stories_as_sets(arts: list[AnnotatedArticle]) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in group_stories(arts)}


def test_same_event_groups_and_lookalikes_stay_apart() -> None:
    arts = KIM + QUAKE_TR + QUAKE_JP + [LONE, EMPTY]
    assert stories_as_sets(arts) == {
        frozenset({"a-kim1", "a-kim2", "a-kim3"}),
        frozenset({"a-tr0", "a-tr1"}),
        frozenset({"a-jp0", "a-jp1"}),
        frozenset({"a-lone"}),
        frozenset({"a-empty"}),
    }


def test_every_article_in_exactly_one_story() -> None:
    arts = KIM + QUAKE_TR + QUAKE_JP + [LONE, EMPTY]
    seen = [a for s in group_stories(arts) for a in s.article_ids]
    assert sorted(seen) == sorted(a.article.id for a in arts)


def test_date_window_splits_far_apart_reports() -> None:
    later = article(
        "a-kim9",
        "2023-11-20",
        [
            (n, t)
            for n, t in [
                ("Kim Jong Un", "PERSON"),
                ("Sergei Shoigu", "PERSON"),
                ("Vladivostok", "PLACE"),
                ("Tu-160", "EQUIPMENT"),
            ]
        ],
    )
    sets = stories_as_sets([*KIM, later])
    # The undated a-kim3 shares as much with a-kim9 as with the September
    # reports and may go either way; the dated reports two months apart never meet.
    story = next(s for s in sets if "a-kim9" in s)
    assert not story & {"a-kim1", "a-kim2"}


def test_one_shared_name_is_not_enough() -> None:
    a = article(
        "a1",
        "2023-05-01",
        [("Vladimir Putin", "PERSON"), ("Sochi", "PLACE"), ("Olympics", "OTHER")],
    )
    b = article(
        "a2",
        "2023-05-02",
        [("Vladimir Putin", "PERSON"), ("Beijing", "PLACE"), ("Xi Jinping", "PERSON")],
    )
    assert stories_as_sets([a, b]) == {frozenset({"a1"}), frozenset({"a2"})}


def test_countries_and_demonyms_alone_do_not_link() -> None:
    a = article(
        "a1",
        "2023-05-01",
        [("Russia", "PLACE"), ("Ukraine", "PLACE"), ("Russian", "GROUP"), ("Kremlin", "ORG")],
    )
    b = article(
        "a2",
        "2023-05-01",
        [("Russia", "PLACE"), ("Ukraine", "PLACE"), ("Russian", "GROUP"), ("Kremlin", "ORG")],
    )
    assert len(group_stories([a, b])) == 2


def test_two_article_corpus_still_groups() -> None:
    assert len(group_stories(KIM[:2])) == 1


def test_ids_and_order_are_stable_under_shuffling() -> None:
    arts = KIM + QUAKE_TR + QUAKE_JP + [LONE, EMPTY]
    first = group_stories(arts)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = arts[:]
        rng.shuffle(shuffled)
        assert group_stories(shuffled) == first
    assert [s.id for s in first] == sorted(s.id for s in first)
    kim = next(s for s in first if "a-kim1" in s.article_ids)
    assert kim.id == story_id(["a-kim3", "a-kim1"]) == "s" + content_hash("story|a-kim1")
    # Members by (published or "", id): the undated one first.
    assert kim.article_ids == ("a-kim3", "a-kim1", "a-kim2")


def test_duplicate_inputs_and_empty_corpus() -> None:
    assert group_stories([]) == []
    assert len(group_stories([LONE, LONE])) == 1


def test_a_roundup_naming_two_events_does_not_chain_them() -> None:
    fire = [("Otway Ranges", "PLACE"), ("Wye River", "PLACE"), ("Ella Mason", "PERSON")]
    quake = [("Denizli", "PLACE"), ("Buldan", "PLACE"), ("Selim Aydin", "PERSON")]
    filler = [(f"Filler Person {k}", "PERSON") for k in range(3)]
    arts = [
        article(f"a-fire{k}", "2026-03-10", [*fire, filler[k]]) for k in range(3)
    ] + [article(f"a-quake{k}", "2026-03-12", [*quake, filler[k]]) for k in range(3)]
    # A weekly round-up names the people and places of both events.
    arts.append(article("a-roundup", "2026-03-13", [*fire, *quake]))
    groups = {frozenset(s.article_ids) for s in group_stories(arts)}
    fires = {f"a-fire{k}" for k in range(3)}
    quakes = {f"a-quake{k}" for k in range(3)}
    assert not any(fires & g and quakes & g for g in groups), groups
    assert any(fires <= g for g in groups) and any(quakes <= g for g in groups)
