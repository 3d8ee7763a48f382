"""HTML pages to body text and metadata, through trafilatura.

Settings, chosen on the article-extraction benchmark (see docs/input-formats.md for
the figures) and on principle:

* ``include_comments=False``: reader comments are not the article;
* ``fast=True``: skip trafilatura's fallback extractors (readability, jusText).  They
  step in when the main extraction looks short and tend to bring back navigation
  and teasers; without them precision rose and recall did not drop;
* ``include_tables=True``: tables in news pages are usually data the story cites;
* ``with_metadata=True``: title, date, site name and canonical URL come from the page.

Our boilerplate filter then runs on the body text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import trafilatura

from storyline.ingest.boilerplate import strip_boilerplate
from storyline.ingest.build import build_article
from storyline.ingest.dates import parse_date
from storyline.ingest.decode import normalize_text
from storyline.model import Article

_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "fast": True,
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": False,
}

# trafilatura logs a warning for every page it cannot use; we report those pages
# ourselves as skipped inputs, so its log lines would only be noise.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True)
class HtmlResult:
    """What one HTML page yields; ``text`` is '' when no article body was found."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO date from the page's metadata
    sitename: str | None = None
    url: str | None = None


def _document(html: str | bytes, url: str | None) -> Any:
    # trafilatura decodes bytes itself, honouring the page's declared charset.
    return trafilatura.bare_extraction(html, url=url, with_metadata=True, **_OPTIONS)


def trafilatura_text(html: str | bytes, *, url: str | None = None) -> str:
    """trafilatura alone, with our settings and no filter (the benchmark's baseline)."""
    doc = _document(html, url)
    return normalize_text(doc.text or "") if doc is not None else ""


def _clean_field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def drop_repeated_title(body: str, title: str | None) -> str:
    """``body`` without a first line that only repeats the headline (kept in ``title``)."""
    if not title or not body:
        return body
    first, _, rest = body.partition("\n")
    if _words(first) == _words(title) and rest.strip():
        return rest.strip()
    return body


def _paragraphs(body: str) -> str:
    """One blank line between the page's blocks, as in plain text.

    trafilatura puts each block (paragraph, heading, list item) on one line;
    a blank line between them marks paragraph ends the same way for every
    format, which is where sentences must break.
    """
    return "\n\n".join(line for line in body.split("\n") if line.strip())


def extract_html(html: str | bytes, *, url: str | None = None) -> HtmlResult:
    """Body text (boilerplate removed, normalised), title, date, site name and URL."""
    doc = _document(html, url)
    if doc is None:
        return HtmlResult(text="", url=url)
    title = _clean_field(doc.title)
    body = _paragraphs(normalize_text(strip_boilerplate(normalize_text(doc.text or ""))))
    date = _clean_field(doc.date)
    return HtmlResult(
        text=drop_repeated_title(body, title),
        title=title,
        published=parse_date(date) if date else None,
        sitename=_clean_field(doc.sitename),
        url=_clean_field(doc.url) or url,
    )


def article_from_page(
    page: HtmlResult, *, format: str, origin: str, url: str | None = None
) -> Article:
    """An extracted page as an Article; ``url`` (a crawl's target URI) wins over the page's."""
    return build_article(
        page.text,
        format=format,
        origin=origin,
        title=page.title,
        source=page.sitename,
        url=url or page.url,
        published=page.published,
        published_basis="html metadata",
    )
