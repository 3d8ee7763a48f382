"""What story grouping knows about one article, computed once and kept in the store.

An article's grouping features are its named things (matching key → weight
class), its publication day, its content-word counts, the years it names and
its minor names: those named once, outside the title and the first sentence
(a name the article gives in passing; ``grouping.py`` lets a lone report
lacking only such names join a story).  They depend on the
article alone, so an incremental run computes them for the new articles only;
everything that depends on the corpus (document frequencies, IDF weights,
TF-IDF vectors) is derived from the features of all articles at grouping time
(``storyline.stories.corpus``).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from typing import Any

from storyline.analyse.entities import resolve_entities
from storyline.analyse.names import is_broad_place, name_key
from storyline.model import AnnotatedArticle
from storyline.stories.similarity import content_words
from storyline.stories.years import named_years

# Titles and honorifics in front of a person's name: "Dr Sanjay Gupta" and
# "Sanjay Gupta" are one person for matching, whatever the outlet's style.
_TITLE_WORDS = """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father
    sen senator rep gov governor pres president gen general col colonel capt
    captain lt sgt officer judge justice coach pope saint st king queen prince
    princess sheikh
"""
_PERSON_TITLES = frozenset(_TITLE_WORDS.split())
# Abbreviated generic words in place names ("Mt Cook", "Mount Cook").
_PLACE_WORDS = {"mt": "mount", "mtn": "mountain", "ft": "fort", "pt": "point", "st": "saint"}
_SPACE = re.compile(r"\s+")
SURNAME_PREFIX = "~"
# Shorter last tokens are mostly given names in East Asian order ("Kim Jong Un").
MIN_SURNAME_CHARS = 3


@dataclass(frozen=True)
class GroupingFeatures:
    """One article's evidence for grouping; serialisable to JSON for the store."""

    article_id: str
    classes: dict[str, str]  # matching key -> weight class (entity type or BROAD_PLACE)
    day: date | None
    words: dict[str, int]  # content-word counts of title and text
    years: tuple[int, ...] = ()  # years the title and text name (stories/years.py)
    # Keys named once, outside the title and the first sentence: names in passing.
    minor: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "classes": self.classes,
            "day": self.day.isoformat() if self.day else None,
            "words": self.words,
            "years": list(self.years),
            "minor": list(self.minor),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GroupingFeatures:
        day = d.get("day")
        return cls(
            article_id=d["article_id"],
            classes={sys.intern(k): c for k, c in d["classes"].items()},
            day=date.fromisoformat(day) if day else None,
            words={sys.intern(w): k for w, k in d["words"].items()},
            years=tuple(d.get("years", ())),
            # Features stored before the field: no name counts as minor.
            minor=tuple(sys.intern(k) for k in d.get("minor", ())),
        )


def grouping_features(art: AnnotatedArticle) -> GroupingFeatures:
    """Features of one article (entities resolved within the article alone)."""
    # Keyed by matching key, not entity id: the id includes the type, and the
    # statistical tagger may type one name differently in two articles.
    classes: dict[str, str] = {}
    lead_end = art.sentences[0].end if art.sentences else None
    title = (art.article.title or "").casefold()
    mentioned: dict[str, int] = {}
    prominent: set[str] = set()
    for e in resolve_entities([art]).entities:
        key = match_key(name_key(e.name, e.type), e.type)
        if not key:
            continue
        # A name given once, beyond the title and the lead, is a side player
        # (a witness, a neighbouring town) that the story's other reports may
        # well leave out; what the article leads with or repeats is its subject.
        mentioned[key] = mentioned.get(key, 0) + len(e.mentions)
        if (
            lead_end is None
            or any(m.start < lead_end for m in e.mentions)
            or e.name.casefold() in title
        ):
            prominent.add(key)
        broad = e.type == "PLACE" and is_broad_place(key)
        classes[key] = "BROAD_PLACE" if broad else e.type
        surname = key.rsplit(" ", 1)[-1]
        if e.type == "PERSON" and len(surname) >= MIN_SURNAME_CHARS:
            # "Gupta" in one report, "Sanjay Gupta" in another: the family name
            # alone is weaker evidence (its own class), but evidence.
            classes[SURNAME_PREFIX + surname] = "SURNAME"
    text = (art.article.title or "") + "\n" + art.article.text
    return GroupingFeatures(
        article_id=art.article.id,
        classes={sys.intern(k): c for k, c in classes.items()},
        day=parse_day(art.article.published),
        # Interned: every article holds its own copy of each word and key
        # otherwise, and at 100k articles the copies weigh hundreds of MB.
        words={sys.intern(w): k for w, k in content_words(text).items()},
        years=named_years(text),
        minor=tuple(
            sys.intern(k) for k in sorted(mentioned) if mentioned[k] == 1 and k not in prominent
        ),
    )


def match_key(key: str, type_: str) -> str:
    """A name key with the variants outlets write differently folded together.

    A person's leading titles go ("dr sanjay gupta" → "sanjay gupta", "dr gupta"
    → "gupta"), as long as a word is left; an abbreviated generic word of a
    place is spelled out ("mt cook" → "mount cook") in any name of two words
    or more, whatever its type (the tagger often calls "Mt Cook" an
    organisation).
    """
    tokens = key.split()
    if type_ == "PERSON":
        while len(tokens) > 1 and tokens[0] in _PERSON_TITLES:
            tokens = tokens[1:]
    elif len(tokens) > 1:
        # Any type: the tagger often calls "Mt Cook" an organisation.
        tokens = [_PLACE_WORDS.get(t, t) for t in tokens]
    return _SPACE.sub(" ", " ".join(tokens)).strip()


def parse_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None  # a malformed date blocks nothing, like a missing one
