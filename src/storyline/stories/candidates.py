"""Candidate pairs for story grouping: an inverted index, bounded so it stays linear.

Only articles that share an *anchor* (a person, a piece of equipment, a
facility, a place smaller than a country) can be linked, so the pairs worth
scoring are those inside the posting list of some anchor.  Two bounds keep the
pair count linear in the number of articles:

* within a posting list, only articles published at most
  ``DATE_WINDOW_DAYS`` apart pair up (an unknown date pairs with any);
* a posting list longer than ``MAX_POSTINGS`` (a head of state, a capital
  city in a month of news) does not pair all its articles: each pairs only
  with the ``NEAREST`` articles after it in publication order.  Such a name
  says little on its own (its IDF is small), and the articles of one event
  are published close together, so this keeps the pairs that matter.

Every article thus proposes at most ``max(MAX_POSTINGS, NEAREST)`` pairs per
anchor it holds, whatever the corpus size: candidates grow as articles × anchors
per article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from datetime import date

DATE_WINDOW_DAYS = 7
MAX_POSTINGS = 64
NEAREST = 32
ANCHOR_CLASSES = frozenset({"PERSON", "EQUIPMENT", "FACILITY", "PLACE", "SURNAME"})


def within_window(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= DATE_WINDOW_DAYS


class CandidateIndex:
    """The bounded inverted index anchor → articles, asked one article at a time.

    ``neighbours(i)`` lists article i's candidates (both directions) straight
    from the posting lists, so the pairs are generated per article and scored
    as they come: no set of all the corpus's pairs is ever held (at 100k
    articles they number millions, and a set of tuples took most of the
    grouping's memory).  The pairs are those of the rules above: inside a
    posting list of at most ``MAX_POSTINGS`` articles every two within the
    date window; in a longer one, every two at most ``NEAREST`` places apart
    in publication order (the relation is symmetric, so each article looks
    ``NEAREST`` places both ways).
    """

    def __init__(
        self,
        keys: Sequence[Collection[str]],
        days: Sequence[date | None],
        cls: dict[str, str],
        among: Collection[int] | None = None,
    ) -> None:
        self.days = days
        self.articles = sorted(among) if among is not None else list(range(len(keys)))
        postings: dict[str, list[int]] = defaultdict(list)
        for i in self.articles:
            for k in keys[i]:
                if cls.get(k) in ANCHOR_CLASSES:
                    postings[k].append(i)
        self._postings = {k: docs for k, docs in postings.items() if len(docs) >= 2}
        # Long lists in publication order (undated last, in index order, i.e. by
        # article id), with each article's place in that order.
        self._place: dict[str, dict[int, int]] = {}
        for k, docs in self._postings.items():
            if len(docs) > MAX_POSTINGS:
                docs.sort(key=lambda i: (days[i] is None, days[i] or date.min, i))
                self._place[k] = {i: p for p, i in enumerate(docs)}
        self._anchors: dict[int, list[str]] = defaultdict(list)
        for k, docs in self._postings.items():
            for i in docs:
                self._anchors[i].append(k)

    def neighbours(self, i: int) -> list[int]:
        """Article i's candidates, ascending."""
        found: set[int] = set()
        day = self.days[i]
        for k in self._anchors.get(i, ()):
            docs = self._postings[k]
            place = self._place.get(k)
            if place is not None:
                p = place[i]
                docs = docs[max(0, p - NEAREST) : p + NEAREST + 1]
            for j in docs:
                if j != i and within_window(day, self.days[j]):
                    found.add(j)
        return sorted(found)

    def pairs(self, touching: Collection[int] | None = None) -> Iterator[tuple[int, int]]:
        """Every candidate pair (i < j) once, article by article; with ``touching``
        only the pairs with an article in it, generated from those articles alone."""
        if touching is None:
            for i in self.articles:
                for j in self.neighbours(i):
                    if j > i:
                        yield i, j
            return
        inside = set(touching)
        for i in sorted(inside & set(self._anchors)):
            for j in self.neighbours(i):
                # A pair of two touching articles is given once, from its smaller one.
                if j not in inside or j > i:
                    yield (i, j) if i < j else (j, i)


def candidate_pairs(
    keys: Sequence[Collection[str]],
    days: Sequence[date | None],
    cls: dict[str, str],
    among: Collection[int] | None = None,
    touching: Collection[int] | None = None,
) -> set[tuple[int, int]]:
    """Pairs (i < j) of article indices that share an anchor, within the bounds above.

    ``keys[i]`` are article i's matching keys, ``cls`` the corpus class of each
    key.  ``among`` restricts the index to those articles; ``touching`` keeps
    only pairs with at least one article in it (an incremental run's new ones).
    Grouping itself streams the pairs from ``CandidateIndex``; this set is for
    small uses (an incremental run's new articles, tests).
    """
    return set(CandidateIndex(keys, days, cls, among).pairs(touching))
