"""Plain-text articles, including the two real seed reports (skipped when absent)."""

from __future__ import annotations

import pytest

from storyline.ingest import read_inputs
from storyline.ingest.text import parse_plain_text
from storyline.model import Article
from tests.conftest import SEEDS, need_shared

SEED_EXPECTED = {
    "Russia Shows N Korea’s Kim Advanced Weaponry including Hypersonic Missiles, Bombers": (
        "2023-09-16"
    ),
    "North Korean Leader Kim Jong Un Inspects Russian Military Assets": None,
}


def test_headline_and_body() -> None:
    parsed = parse_plain_text("\n\nQuay Repairs Finished\n\nWork ended on time.\n\nCosts fell.\n")
    assert parsed.title == "Quay Repairs Finished"
    assert parsed.body == "Work ended on time.\n\nCosts fell."


def test_single_paragraph_has_no_title() -> None:
    parsed = parse_plain_text("Just one line of text about the harbour.")
    assert parsed.title is None
    assert parsed.body == "Just one line of text about the harbour."


def test_boilerplate_is_stripped_before_headline_detection() -> None:
    text = (
        "icon-facebook icon-twitter icon-whatsappQuay Repairs Finished\n\n"
        "Updated 3 March 2024\n\nWork ended on time.\n\nLeave a Reply\nName\n"
    )
    parsed = parse_plain_text(text)
    assert parsed.title == "Quay Repairs Finished"
    assert parsed.published == "2024-03-03"
    assert parsed.body == "Work ended on time."


@pytest.fixture(scope="module")
def seed_articles() -> list[Article]:
    need_shared()
    items = list(read_inputs([str(SEEDS)]))
    assert all(isinstance(i, Article) for i in items), items
    return [i for i in items if isinstance(i, Article)]


def test_seed_titles_and_dates(seed_articles: list[Article]) -> None:
    assert {a.title: a.published for a in seed_articles} == SEED_EXPECTED
    for a in seed_articles:
        assert a.language == "en"
        assert a.format == "text"
        assert a.source is None


@pytest.mark.parametrize(
    "leftover", ["icon-facebook", "icon-whatsapp", "Leave a Reply", "Your email address"]
)
def test_seed_text_is_clean(seed_articles: list[Article], leftover: str) -> None:
    for a in seed_articles:
        assert leftover not in a.text


def test_seed_bodies_keep_subheadings_and_start_with_story(seed_articles: list[Article]) -> None:
    by_title = {a.title: a for a in seed_articles}
    second = by_title["North Korean Leader Kim Jong Un Inspects Russian Military Assets"]
    assert "Arrival at Knevichi Airfield:" in second.text
    assert not second.text.startswith("North Korean Leader Kim Jong Un Inspects")
    first = by_title[next(iter(SEED_EXPECTED))]
    assert first.text.startswith("MOSCOW:")
    assert "Sat Sep 16 2023" not in first.text
