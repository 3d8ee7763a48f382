"""Grouping features: which names an article gives little weight to (``minor``)."""

from __future__ import annotations

from storyline.model import AnnotatedArticle, Article, EntityType, Mention, Sentence
from storyline.stories.features import GroupingFeatures, grouping_features


def annotated(title: str, sentences: list[str], names: list[str]) -> AnnotatedArticle:
    """An article of ``sentences``; every occurrence of each of ``names`` is a
    PERSON mention, except a town (PLACE) where the name ends in "town"."""
    text = " ".join(sentences)
    spans = []
    pos = 0
    for s in sentences:
        start = text.index(s, pos)
        spans.append(Sentence(start, start + len(s)))
        pos = start + len(s)
    mentions = []
    for name in names:
        type_: EntityType = "PLACE" if name.endswith("town") else "PERSON"
        at = text.find(name)
        while at >= 0:
            si = next(k for k, sp in enumerate(spans) if sp.start <= at < sp.end)
            mentions.append(Mention(at, at + len(name), name, type_, type_, si))
            at = text.find(name, at + 1)
    mentions.sort(key=lambda m: m.start)
    return AnnotatedArticle(
        article=Article(id="a1", text=text, title=title),
        sentences=tuple(spans),
        mentions=tuple(mentions),
    )


def test_minor_names_are_named_once_outside_the_lead() -> None:
    art = annotated(
        "Karl Adler wins the vote",
        [
            "Maria Lopez said the count was over.",
            "Karl Adler thanked the voters of Bramtown.",
            "Jan Novak, a rival, conceded.",
            "Observers praised Bramtown.",
        ],
        ["Maria Lopez", "Karl Adler", "Bramtown", "Jan Novak"],
    )
    ft = grouping_features(art)
    # Lopez (once) leads the text, Adler (once) heads the title, Bramtown is
    # named twice; Novak, once in the third sentence, is minor.
    assert ft.minor == ("jan novak",)
    assert {"maria lopez", "karl adler", "bramtown", "jan novak"} <= ft.classes.keys()


def test_minor_names_survive_the_store_and_default_to_none() -> None:
    ft = GroupingFeatures("a1", {"jan novak": "PERSON"}, None, {"vote": 1}, (), ("jan novak",))
    assert GroupingFeatures.from_dict(ft.to_dict()) == ft
    old = ft.to_dict()
    del old["minor"]  # stored before the field existed: nothing counts as minor
    assert GroupingFeatures.from_dict(old).minor == ()


FLOOD = [
    "Karl Adler said the river Oder burst its levees at Bramtown overnight.",
    "Sandbags, pumps and dinghies reached the flooded cellars by dawn.",
    "Bramtown rescuers moved elderly residents from the flooded cellars.",
]
FIRE = [
    "Jan Novak said the warehouse blaze at Kelmtown burned for hours.",
    "Firefighters fought smoke and collapsed roofs near the harbour.",
    "Kelmtown crews cooled the warehouse roofs with foam.",
]


def test_a_lone_report_may_lack_a_name_it_gives_in_passing() -> None:
    from storyline.stories.grouping import group_stories

    def report(aid: str, sentences: list[str], names: list[str]) -> AnnotatedArticle:
        a = annotated("", sentences, names)
        return AnnotatedArticle(
            article=Article(id=aid, text=a.article.text),
            sentences=a.sentences,
            mentions=a.mentions,
        )

    stories = [report(f"flood{k}", FLOOD, ["Karl Adler", "Bramtown"]) for k in range(3)] + [
        report(f"fire{k}", FIRE, ["Jan Novak", "Kelmtown"]) for k in range(3)
    ]
    # A brief naming none of the flood story's people or towns, and one
    # person of its own: in passing, it joins; in its lead, it stays alone.
    passing = [
        "The levees burst overnight and the river flooded the cellars.",
        "Sandbags, pumps and dinghies reached the residents by dawn.",
        "A volunteer, Otto Brandt, helped the elderly.",
    ]
    leading = [
        "Otto Brandt saw the levees burst and the river flood the cellars.",
        "Sandbags, pumps and dinghies reached the residents by dawn.",
        "Volunteers helped the elderly.",
    ]
    grouped = group_stories([*stories, report("brief", passing, ["Otto Brandt"])])
    assert sorted(s.article_ids for s in grouped)[0] == ("brief", "flood0", "flood1", "flood2")
    grouped = group_stories([*stories, report("brief", leading, ["Otto Brandt"])])
    assert ("brief",) in {s.article_ids for s in grouped}
