"""Person names that a title-case headline ran on into the words after them.

In "Rose Byrne Wins Award" every word is capitalised, so the small model takes
the whole headline for one PERSON.  Where the story names the person elsewhere
("Rose Byrne", or just "Byrne"), the headline mention is cut back to the
longest leading run of its words that ends in a name the story knows, and the
words after it ("Wins Award") leave the mention.  Outside a title-case
headline nothing is cut: there a capitalised word after a name is part of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.analyse.names import clean_surface, name_key
from storyline.model import AnnotatedArticle, Mention


def person_keys_outside_headlines(articles: Sequence[AnnotatedArticle]) -> set[str]:
    """Keys of every PERSON mention that does not lie in its article's headline."""
    keys = set()
    for art in articles:
        end = _headline_end(art)
        for m in art.mentions:
            if m.type == "PERSON" and m.start >= end:
                key = name_key(clean_surface(m.text, m.type), m.type)
                if key:
                    keys.add(key)
    return keys


def trim_headline_names(art: AnnotatedArticle, known: set[str]) -> list[Mention]:
    """The article's mentions with over-long headline person names cut back."""
    end = _headline_end(art)
    out = []
    for m in art.mentions:
        if m.type == "PERSON" and m.end <= end and _title_case(art.article.title or ""):
            m = _cut(m, known)
        out.append(m)
    return out


def _cut(m: Mention, known: set[str]) -> Mention:
    words = m.text.split(" ")
    if len(words) < 3:
        return m
    surnames = {k for k in known if " " not in k}
    for n in range(len(words) - 1, 1, -1):
        head = " ".join(words[:n])
        key = name_key(clean_surface(head, "PERSON"), "PERSON")
        if key in known or key.split()[-1] in surnames:
            return replace(m, end=m.start + len(head), text=head)
    return m


def _headline_end(art: AnnotatedArticle) -> int:
    """End offset of the headline when the text opens with it, else 0."""
    title = (art.article.title or "").strip()
    text = art.article.text
    if title and text.lstrip().startswith(title):
        return len(text) - len(text.lstrip()) + len(title)
    return 0


def _title_case(title: str) -> bool:
    """Most words start with a capital: a headline written in title case."""
    words = [w for w in title.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
