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
from itertools import combinations

DATE_WINDOW_DAYS = 7
MAX_POSTINGS = 64
NEAREST = 32
ANCHOR_CLASSES = frozenset({"PERSON", "EQUIPMENT", "FACILITY", "PLACE", "SURNAME"})


def within_window(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= DATE_WINDOW_DAYS


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
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i in sorted(among) if among is not None else range(len(keys)):
        for k in keys[i]:
            if cls.get(k) in ANCHOR_CLASSES:
                postings[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for docs in postings.values():
        if len(docs) < 2:
            continue
        for i, j in _posting_pairs(docs, days):
            if touching is None or i in touching or j in touching:
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def _posting_pairs(docs: list[int], days: Sequence[date | None]) -> Iterator[tuple[int, int]]:
    if len(docs) <= MAX_POSTINGS:
        for i, j in combinations(docs, 2):
            if within_window(days[i], days[j]):
                yield i, j
        return
    # Publication order, undated last (in index order, i.e. by article id).
    ordered = sorted(docs, key=lambda i: (days[i] is None, days[i] or date.min, i))
    for k, i in enumerate(ordered):
        for j in ordered[k + 1 : k + 1 + NEAREST]:
            if within_window(days[i], days[j]):
                yield i, j
