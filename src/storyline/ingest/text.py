"""Plain-text articles: headline, date line and body.

The layout we read is the one people paste or save: the first non-empty line is
the headline; a line near the top that is just a date ("Sat Sep 16 2023",
"Published 16 September 2023") is the publication date; the rest is the body.
Boilerplate is stripped *before* this, so a share widget above or glued to the
headline does not become the title.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.ingest.boilerplate import strip_boilerplate
from storyline.ingest.dates import date_from_line
from storyline.ingest.decode import normalize_text

# How many non-empty lines after the headline may hold the date line (bylines,
# standfirsts and photo credits often come first).
DATE_LINE_WINDOW = 5
# A first line longer than this is a paragraph, not a headline.
MAX_HEADLINE_CHARS = 300

DATELINE_BASIS = "dateline in text"


@dataclass(frozen=True)
class PlainText:
    body: str
    title: str | None
    published: str | None
    published_basis: str | None


def split_headline(lines: list[str]) -> tuple[str | None, list[str]]:
    """(headline, remaining lines); no headline when the text is a single paragraph."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None, []
    head = lines[first].strip()
    rest = lines[first + 1 :]
    if len(head) > MAX_HEADLINE_CHARS or not any(line.strip() for line in rest):
        return None, lines[first:]
    return " ".join(head.split()), rest


def find_date_line(
    lines: list[str], window: int = DATE_LINE_WINDOW
) -> tuple[str | None, int | None]:
    """(ISO date, index of its line) for the first date line among the top ``window``."""
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        found = date_from_line(line)
        if found is not None:
            return found, i
        seen += 1
        if seen >= window:
            break
    return None, None


def parse_plain_text(text: str) -> PlainText:
    """Split a normalised plain-text article into title, date and cleaned body."""
    cleaned = strip_boilerplate(normalize_text(text))
    title, rest = split_headline(cleaned.split("\n"))
    published, index = find_date_line(rest) if title is not None else (None, None)
    if index is not None:
        rest = rest[:index] + rest[index + 1 :]
    body = normalize_text("\n".join(rest))
    return PlainText(
        body=body,
        title=title,
        published=published,
        published_basis=DATELINE_BASIS if published else None,
    )
