"""Full person names known anywhere in the store, for short forms in one story.

A story that only says "Shoigu" should give him the same entity id as the
stories that say "Sergei Shoigu": ids come from the canonical name
(``entity_id(type, key)``), so the short form takes the full name when the
store knows exactly one person whose name starts or ends with it.  Where two
do ("Castro": Fidel and Raul), the short form keeps its own id: ambiguity is
never resolved by a guess.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from storyline.analyse.names import clean_surface, name_key, person_core
from storyline.model import AnnotatedArticle


@dataclass(frozen=True)
class KnownNames:
    by_edge: dict[str, frozenset[str]] = field(default_factory=dict)  # word -> full keys
    surface: dict[str, str] = field(default_factory=dict)  # full key -> display form
    uses: dict[str, int] = field(default_factory=dict)  # full key -> mentions

    def full_name(self, short_key: str) -> tuple[str, str] | None:
        """(key, display form) of the only known full name with this first or last
        word.  Forms of one name that differ only by initials or a generational
        suffix ("W. Mark Felt Sr.", "Mark Felt") count as one name; its most
        used form is returned."""
        found = self.by_edge.get(short_key, frozenset())
        if len({person_core(k) for k in found}) != 1:
            return None
        key = min(found, key=lambda k: (-self.uses.get(k, 0), k))
        return key, self.surface[key]


def person_name_forms(article: AnnotatedArticle) -> list[tuple[str, str, int]]:
    """The article's full PERSON names (2-4 words) as ``(key, display form, count)``:
    what the store indexes per article (``Store.add_person_names``)."""
    counts: Counter[tuple[str, str]] = Counter()
    for m in article.mentions:
        if m.type != "PERSON":
            continue
        surface = clean_surface(m.text, m.type)
        key = name_key(surface, m.type)
        if 2 <= len(key.split()) <= 4 and not surface.isupper():
            counts[(key, surface)] += 1
    return [(key, surface, n) for (key, surface), n in sorted(counts.items())]


def known_person_names(articles: Iterable[AnnotatedArticle]) -> KnownNames:
    """Multi-word PERSON names of ``articles`` (2-4 words), indexed by first and last word."""
    return known_names_from_counts(f for art in articles for f in person_name_forms(art))


def known_names_from_counts(rows: Iterable[tuple[str, str, int]]) -> KnownNames:
    """``KnownNames`` from ``(key, display form, count)`` rows, such as the store's
    per-article index summed (``Store.person_name_counts``)."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for key, surface, n in rows:
        forms[key][surface] += n
    by_edge: dict[str, set[str]] = defaultdict(set)
    for key in forms:
        words = person_core(key)
        by_edge[words[0]].add(key)
        by_edge[words[-1]].add(key)
    return KnownNames(
        by_edge={w: frozenset(keys) for w, keys in by_edge.items()},
        surface={k: min(c, key=lambda s: (-c[s], s)) for k, c in forms.items()},
        uses={k: c.total() for k, c in forms.items()},
    )
