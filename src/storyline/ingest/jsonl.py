"""JSON Lines: one article per line (fields in docs/input-formats.md).

A bad line becomes a ``Skipped`` for ``PATH:LINE`` and the rest of the file is
still read; a line is never fatal to its neighbours.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from storyline.ingest.boilerplate import strip_boilerplate
from storyline.ingest.build import build_article
from storyline.ingest.dates import parse_date
from storyline.ingest.decode import normalize_text
from storyline.ingest.errors import IngestError
from storyline.ingest.html import extract_html
from storyline.model import Article, Skipped

FIELD_BASIS = "jsonl field"
_STRING_FIELDS = ("title", "text", "html", "published", "url", "source")


class BadLine(IngestError):
    """A JSONL line that is not a usable article record."""


def _record(line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"invalid json ({exc.msg.lower()} at column {exc.colno})") from None
    if not isinstance(value, dict):
        raise BadLine(f"not a json object (got {type(value).__name__})")
    for name in _STRING_FIELDS:
        if value.get(name) is not None and not isinstance(value[name], str):
            raise BadLine(f"field {name!r} must be a string or null")
    if not (value.get("text") or "").strip() and not (value.get("html") or "").strip():
        raise BadLine("no 'text' or 'html' field")
    return value


def article_from_record(value: dict[str, Any], origin: str) -> Article:
    """One JSONL record → Article; ``text`` wins over ``html`` when both are given."""
    title: str | None = value.get("title")
    url: str | None = value.get("url")
    source: str | None = value.get("source")
    published = parse_date(value["published"]) if value.get("published") else None
    basis = FIELD_BASIS if published else None
    if (value.get("text") or "").strip():
        body = normalize_text(strip_boilerplate(normalize_text(value["text"])))
    else:
        page = extract_html(value["html"], url=url)
        body = page.text
        title = title or page.title
        source = source or page.sitename
        url = url or page.url
        if published is None and page.published:
            published, basis = page.published, "html metadata"
    return build_article(
        body,
        format="jsonl",
        origin=origin,
        title=title,
        source=source,
        url=url,
        published=published,
        published_basis=basis,
    )


def read_jsonl(text: str, path: str) -> Iterator[Article | Skipped]:
    """Articles and skipped lines of one decoded JSONL file, in line order."""
    # Split on "\n" only: str.splitlines() would also split on U+2028 inside strings.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        where = f"{path}:{number}"
        try:
            yield article_from_record(_record(line), where)
        except IngestError as exc:
            yield Skipped(where, exc.reason)
