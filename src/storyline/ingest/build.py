"""The last step every reader shares: cleaned parts → one checked ``Article``."""

from __future__ import annotations

from storyline.ingest.decode import normalize_text
from storyline.ingest.errors import NoArticleText, TextTooLong, UnsupportedLanguage
from storyline.ingest.language import detect_language, is_clearly_foreign
from storyline.model import Article, article_id

# The longest cleaned text we annotate.  News articles run to a few tens of
# thousands of characters; far beyond that is a dump, not an article, and the
# parser's memory grows with document length (spaCy refuses 1,000,000 chars).
MAX_ARTICLE_CHARS = 300_000


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(normalize_text(value).split())
    return value or None


def build_article(
    body: str,
    *,
    format: str,
    origin: str,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: str | None = None,
    published_basis: str | None = None,
) -> Article:
    """An ``Article`` whose id is the hash of its normalised body.

    Raises :class:`NoArticleText` for an empty body and :class:`UnsupportedLanguage`
    when the text is clearly not English.
    """
    text = normalize_text(body)
    if not text:
        raise NoArticleText()
    if len(text) > MAX_ARTICLE_CHARS:
        raise TextTooLong(len(text), MAX_ARTICLE_CHARS)
    title = _clean(title)
    language = detect_language(f"{title}\n{text}" if title else text)
    if is_clearly_foreign(language):
        raise UnsupportedLanguage(language)
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        source=_clean(source),
        url=_clean(url),
        published=published,
        published_basis=published_basis if published else None,
        language=language,
        format=format,
        origin=origin,
    )
