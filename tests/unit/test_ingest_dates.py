"""Date lines: several forms, no day/month swap, no guessing."""

from __future__ import annotations

import pytest

from storyline.ingest.dates import date_from_line, parse_date
from storyline.ingest.text import find_date_line, parse_plain_text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sat Sep 16 2023", "2023-09-16"),
        ("16 September 2023", "2023-09-16"),
        ("September 16, 2023", "2023-09-16"),
        ("2023-09-16", "2023-09-16"),
        ("16/09/2023", "2023-09-16"),
        ("09/16/2023", "2023-09-16"),  # month first, but only one reading is possible
        ("2023-05-06", "2023-05-06"),  # ISO is year-month-day, never swapped
        ("Published 16 Sep 2023", "2023-09-16"),
        ("Updated: September 16, 2023 10:32 am", "2023-09-16"),
        ("Published on 16.09.2023", "2023-09-16"),
        ("Friday 15 September 2023 - 12:03 BST", "2023-09-15"),
        ("Saturday, 2 March 2024", "2024-03-02"),
    ],
)
def test_date_lines(line: str, expected: str) -> None:
    assert date_from_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "05/06/2023",  # day-first or month-first: ambiguous, so no date
        "Sep 2023",  # no day
        "yesterday",
        "3 hours ago",
        "31/02/2023",  # no such day
        "Kim met Putin on 16 September 2023 in the far east of Russia",  # a sentence
        "Posted by a reader on 16 Sep 2023",
        "MOSCOW: In his tour of the region",
        "",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert date_from_line(line) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-16T10:32:00Z", "2023-09-16"),
        ("Sat, 16 Sep 2023 10:32:00 +0000", "2023-09-16"),
        ("Sept. 16, 2023", "2023-09-16"),
        ("not a date", None),
        ("1066-10-14", None),  # outside the years news can come from
    ],
)
def test_parse_date_values(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_date_line_window() -> None:
    lines = ["By A Reporter", "", "Photo: agency", "16 September 2023", "Body."]
    assert find_date_line(lines) == ("2023-09-16", 3)
    far = ["one", "two", "three", "four", "five", "16 September 2023"]
    assert find_date_line(far) == (None, None)


def test_plain_text_date_removed_from_body() -> None:
    parsed = parse_plain_text(
        "Harbour Reopens\n\n16 September 2023\n\nThe harbour reopened today after repairs.\n"
    )
    assert parsed.title == "Harbour Reopens"
    assert parsed.published == "2023-09-16"
    assert parsed.published_basis == "dateline in text"
    assert parsed.body == "The harbour reopened today after repairs."


def test_plain_text_without_date() -> None:
    parsed = parse_plain_text("Harbour Reopens\n\nThe harbour reopened after repairs in 2023.\n")
    assert parsed.published is None
    assert parsed.published_basis is None
    assert parsed.body == "The harbour reopened after repairs in 2023."


def test_date_in_body_is_not_the_publication_date() -> None:
    text = "Harbour Reopens\n\nThe first paragraph.\n\nMore text.\n\nAnd more.\n\nStill more.\n\n"
    text += "Yet more.\n\n16 September 2023\n"
    assert parse_plain_text(text).published is None
