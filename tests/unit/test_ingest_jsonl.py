"""JSON Lines: good lines become articles, bad lines are skipped one by one."""

from __future__ import annotations

import json

from storyline.ingest.jsonl import read_jsonl
from storyline.model import Article, Skipped
from tests.conftest import FIXTURES

BODY = (
    "The city council voted on Tuesday to extend the tram line to the new hospital, "
    "a project that officials said would take three years to complete."
)


def test_fields_are_read() -> None:
    line = json.dumps(
        {
            "title": "Tram Line Extended",
            "text": BODY + "\n\nShare this article",
            "published": "Sep 12, 2023",
            "url": "https://example.org/tram",
            "source": "City Times",
            "extra": 1,
        }
    )
    (item,) = read_jsonl(line + "\n", "in.jsonl")
    assert isinstance(item, Article)
    assert item.text == BODY
    assert (item.title, item.published, item.published_basis) == (
        "Tram Line Extended",
        "2023-09-12",
        "jsonl field",
    )
    assert (item.url, item.source, item.format, item.origin) == (
        "https://example.org/tram",
        "City Times",
        "jsonl",
        "in.jsonl:1",
    )


def test_unreadable_date_is_null_not_a_guess() -> None:
    for value in ("05/06/2023", "soon", None):
        (item,) = read_jsonl(json.dumps({"text": BODY, "published": value}), "x")
        assert isinstance(item, Article)
        assert item.published is None
        assert item.published_basis is None


def test_broken_lines_are_skipped_and_reading_goes_on() -> None:
    lines = [
        json.dumps({"title": "One", "text": BODY}),
        '{"title": "broken"',
        "[1, 2]",
        json.dumps({"title": "No body"}),
        json.dumps({"title": 5, "text": BODY}),
        "",
        json.dumps({"title": "Two", "text": BODY + " Second story."}),
    ]
    items = list(read_jsonl("\n".join(lines), "f.jsonl"))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "Skipped",
        "Skipped",
        "Skipped",
        "Skipped",
        "Article",
    ]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [s.where for s in skipped] == ["f.jsonl:2", "f.jsonl:3", "f.jsonl:4", "f.jsonl:5"]
    assert skipped[0].reason.startswith("invalid json")
    assert skipped[1].reason == "not a json object (got list)"
    assert skipped[2].reason == "no 'text' or 'html' field"
    assert "must be a string" in skipped[3].reason
    assert all(s.reason == s.reason.lower() or "'" in s.reason for s in skipped)
    assert items[-1].origin == "f.jsonl:7"  # type: ignore[union-attr]


def test_html_field_goes_through_extraction() -> None:
    html = (
        "<html><head><title>Tram Line</title></head><body><article>"
        f"<p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    (item,) = read_jsonl(json.dumps({"html": html, "source": "City Times"}), "x")
    assert isinstance(item, Article)
    assert BODY in item.text
    assert "<p>" not in item.text
    assert item.title == "Tram Line"
    assert item.source == "City Times"


def test_fixture_file() -> None:
    text = (FIXTURES / "ingest" / "articles.jsonl").read_text(encoding="utf-8")
    items = list(read_jsonl(text, "articles.jsonl"))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.title for a in articles] == [
        "Library Extends Opening Hours",
        "Bridge Inspection Finds Minor Cracks",
    ]
    assert [a.published for a in articles] == ["2023-09-11", "2023-09-13"]
    assert "Share this article" not in articles[0].text
    assert sum(isinstance(i, Skipped) for i in items) == 3
