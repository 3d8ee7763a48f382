"""Rendering: the JSON contract and the Markdown view of one hand-built dossier."""

from __future__ import annotations

from storyline.model import (
    Article,
    Claim,
    Conflict,
    Dossier,
    Entity,
    EntityMentionRef,
    Interval,
    SourceRef,
    Story,
    article_id,
)
from storyline.render.json import dossier_to_dict
from storyline.render.markdown import dossier_to_markdown
from tests.conftest import check_dossier

TEXT_A = "Engineer Rui Costa said the bridge is 1.2 km long. Costa | spoke on Monday."
TEXT_B = "The new bridge, about 2 km long, opened on Monday."


def _dossier() -> Dossier:
    a = Article(id=article_id(TEXT_A), text=TEXT_A, title="Bridge opens", published="2026-03-09")
    b = Article(id=article_id(TEXT_B), text=TEXT_B, title="A <b>bridge</b> | opens")
    person = Entity(
        id="e" + "1" * 16,
        name="Rui Costa",
        type="PERSON",
        aliases=("Costa",),
        roles=("Engineer",),
        mentions=(
            EntityMentionRef(a.id, 9, 18, "Rui Costa"),
            EntityMentionRef(a.id, 51, 56, "Costa"),
        ),
    )
    quote_a = TEXT_A[0:50]
    quote_b = TEXT_B[0:50]
    c1 = Claim(
        "c" + "1" * 16,
        None,
        "length",
        Interval(1.2, 1.2, "km"),
        Interval(1200, 1200, "m"),
        None,
        "conflicting",
        (SourceRef(a.id, 0, 50, 0, quote_a),),
        1,
        "1.2 km",
    )
    c2 = Claim(
        "c" + "2" * 16,
        None,
        "length",
        Interval(2, 2, "km"),
        Interval(2000, 2000, "m"),
        "about",
        "conflicting",
        (SourceRef(b.id, 0, 50, 0, quote_b),),
        1,
        "about 2 km",
    )
    return Dossier(
        story=Story("s" + "0" * 16, (a.id, b.id)),
        title="Bridge opens",
        articles=(a, b),
        origin_groups={a.id: a.id, b.id: b.id},
        entities=(person,),
        claims=(c1, c2),
        conflicts=(Conflict((c1.id, c2.id), "value_mismatch", "1.2 km vs about 2 km"),),
    )


def test_json_dossier_follows_the_schema() -> None:
    d = dossier_to_dict(_dossier())
    check_dossier(d)
    assert d["articles"][1]["published"] is None
    assert d["claims"][1]["normalized"] == {"low": 2000, "high": 2000, "unit": "m"}


def test_markdown_has_claims_conflicts_and_escapes_tables() -> None:
    md = dossier_to_markdown(dossier_to_dict(_dossier()))
    assert md.startswith("# Bridge opens\n")
    assert "| length | about 2 km | 2,000 m | **conflicting** |" in md
    assert "*value_mismatch*: 1.2 km vs about 2 km" in md
    assert "A &lt;b&gt;bridge&lt;/b&gt; \\| opens" in md
    assert "**Rui Costa** (roles: Engineer; also: Costa), 2 mentions" in md


def test_inconsistencies_and_distance_checks_render_and_validate() -> None:
    import dataclasses

    from storyline.model import DistanceCheck, Inconsistency

    base = _dossier()
    a = base.articles[0]
    c1 = base.claims[0]
    start = a.text.index("1.2 km")
    inc = Inconsistency(c1.id, a.id, start, start + 6, "1.2 km",
                        '«Bridge opens» gives "1.2 km" and, as its conversion, "3 miles"')
    check = DistanceCheck(c1.id, "e" + "1" * 16, "e" + "2" * 16, 38116.5, 26000.0, 54000.0,
                          True, "Artyom to Vladivostok: consistent")
    d = dossier_to_dict(dataclasses.replace(base, inconsistencies=(inc,),
                                            distance_checks=(check,)))
    check_dossier(d)
    assert d["inconsistencies"][0]["claim"] == c1.id and d["claims"][0]["anchor"] is None
    assert d["distance_checks"][0]["computed_m"] == 38116.5
    md = dossier_to_markdown(d)
    assert "## Internal inconsistencies" in md and '"3 miles"' in md
    assert "## Distances checked against the gazetteer" in md
    assert "- consistent: Artyom to Vladivostok" in md


def test_facts_line_counts_named_outlets_and_origins_not_articles() -> None:
    from storyline.render.view import facts_line, story_summary

    def art(i: str, source: str | None, group: str) -> dict[str, object]:
        return {"id": i, "source": source, "origin_group": group, "published": "2023-09-16"}

    d = {
        "story": {"id": "s1", "title": "t"},
        "articles": [art("a1", None, "a1"), art("a2", None, "a1"), art("a3", None, "a3")],
    }
    s = story_summary(d)
    assert (s["sources"], s["origins"]) == (0, 2)
    line = facts_line(s)
    assert line.startswith("3 articles (outlets not named), 2 independent origins, 2023-09-16")
    d["articles"] = [art("a1", "Wire", "a1"), art("a2", "Daily", "a1")]
    s = story_summary(d)
    assert (s["sources"], s["origins"]) == (2, 1)
    assert facts_line(s).startswith("2 articles from 2 outlets, 1 independent origin,")
