"""Definite descriptions as event participants: "the ferry" is the one the text
calls a ferry.

An article that writes "the passenger ferry Nordic Star" and later "the ferry
struck the general cargo ship Kestrel Bay" means Nordic Star by "the ferry",
as a reader sees at once.  The common noun a text puts right before a name
("ferry Nordic Star", "cargo ship Kestrel Bay") is what it calls that thing;
a definite, singular argument whose head is such a noun stands for the one
entity called so in its article, else in the story.  Two entities called the
same resolve nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from storyline.model import AnnotatedArticle

# The lower-case word right before a name ("… ferry Nordic Star", "… ship “Kestrel").
_WORD_BEFORE = re.compile(r"(?:^|[\s(])([a-z][a-z\-]*)\s+[“\"‘]?$")
_NOT_NOUNS = frozenset({"the", "a", "an", "of", "and", "or", "by", "to", "in", "at", "on",
                        "with", "from", "for", "as", "its", "his", "her", "their", "including",
                        "said", "told", "that", "which", "who", "is", "was", "were", "are"})


class CalledAs:
    """Which entities each article (and the story) calls by a common noun."""

    def __init__(self, articles: Sequence[AnnotatedArticle],
                 mention_entity: Mapping[tuple[str, int], str]) -> None:
        self._article: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._story: dict[str, set[str]] = defaultdict(set)
        for art in articles:
            aid = art.article.id
            text = art.article.text
            for i, m in enumerate(art.mentions):
                ent = mention_entity.get((aid, i))
                if ent is None:
                    continue
                hit = _WORD_BEFORE.search(text[max(0, m.start - 40) : m.start])
                if hit is None or hit.group(1) in _NOT_NOUNS:
                    continue
                self._article[aid][hit.group(1)].add(ent)
                self._story[hit.group(1)].add(ent)

    def resolve(self, article: str, words: str, head: str) -> str | None:
        """The entity "the <head>" (``words`` as written) stands for, or None."""
        w = words.split()
        if len(w) < 2 or w[0].lower() != "the" or w[-1].lower() != head.lower():
            return None  # only "the ferry", not "a ferry", "the ferries" or "the ferry's side"
        here = self._article.get(article, {}).get(head.lower())
        found = here if here else self._story.get(head.lower(), set())
        return next(iter(found)) if len(found) == 1 else None


__all__ = ["CalledAs"]
