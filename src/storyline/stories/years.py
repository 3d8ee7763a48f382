"""Evidence that two groups of undated articles tell events of different years.

Look-alike episodes (two earthquakes on one island, two emergency patches of
one browser) share names and wording; when the articles carry publication
dates the date window keeps them apart, but an article without one blocks
nothing.  The years a text names then stand in, judged per *group*, never per
article: one report naming no year says nothing (most news never names the
current year), but when most reports of one group name 2005 and the reports
of another group hardly ever do, the two tell different episodes.

* An article's years are the four-digit years 1900-2099 its text names
  (``named_years``); the latest of them is usually the year of the news (the
  older ones are history: "the worst since 2003").
* A group's year is the latest year that at least ``YEAR_SHARE`` of its
  undated articles, and at least ``MIN_YEAR_ARTICLES`` of them, give.
* Two groups clash (``YearProfiles.clash``) when one has a year Y and at most
  ``ABSENT_SHARE`` of the other's undated articles (at least
  ``MIN_YEAR_ARTICLES`` of them) name Y at all.

Only articles without a publication date count: with dates the date window
decides, and a group of dated articles never clashes here.  Tried on the
ECB+ training topics (``benchmarks/ecbplus.py --task stories --topics
train``): B³ F1 0.901 → 0.912; groups that merely share no year (``ABSENT_SHARE``
0) caught fewer, the years of full dates only ("August 2, 2013") split a
story told over two years, and the year most often named (rather than the
latest) split stories on a history year several reports recall.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

YEAR_SHARE = 0.6
MIN_YEAR_ARTICLES = 3
ABSENT_SHARE = 0.2
# A year as a word of its own: not part of a longer number, an amount ("$2000")
# or a decimal; "11/27/2005" and "2005-11-27" count.
_YEAR = re.compile(r"(?<![\d$€£.,])(?:19|20)\d\d(?!\d)(?!\.\d)(?!,\d)")


def named_years(text: str) -> tuple[int, ...]:
    """The distinct years 1900-2099 that ``text`` names, ascending."""
    return tuple(sorted({int(m) for m in _YEAR.findall(text)}))


class YearProfiles:
    """Per group (keyed by root): its undated articles' count, how many give each
    latest year and how many name each year at all; groups join in O(years)."""

    def __init__(
        self, years: Sequence[Sequence[int] | None], idx: Iterable[int], strict: bool = False
    ) -> None:
        # years[i] is None for an article with a publication date (it does not count).
        self.strict = strict
        self.n: dict[int, int] = {}
        self.latest: dict[int, Counter[int]] = {}
        self.named: dict[int, Counter[int]] = {}
        for i in idx:
            ys = years[i]
            self.n[i] = 0 if ys is None else 1
            self.latest[i] = Counter([max(ys)]) if ys else Counter()
            self.named[i] = Counter(ys) if ys else Counter()

    def year(self, g: int) -> int | None:
        """The group's year, if its undated articles agree enough on one."""
        if self.n[g] < MIN_YEAR_ARTICLES or not self.latest[g]:
            return None
        need = max(MIN_YEAR_ARTICLES, YEAR_SHARE * self.n[g])
        y, k = max(self.latest[g].items(), key=lambda kv: (kv[1], kv[0]))
        if k >= need:
            return y
        if self.strict:
            # The year most reports name, as their latest or beside a later one.
            named = [y for y, k in self.named[g].items() if k >= need]
            return max(named) if named else None
        return None

    def clash(self, a: int, b: int) -> bool:
        return self._clash_one_way(a, b) or self._clash_one_way(b, a)

    def _clash_one_way(self, a: int, b: int) -> bool:
        y = self.year(a)
        if y is None or self.n[b] < MIN_YEAR_ARTICLES:
            return False
        return self.named[b][y] <= ABSENT_SHARE * self.n[b]

    def join(self, keep: int, gone: int) -> None:
        self.n[keep] += self.n.pop(gone)
        self.latest[keep].update(self.latest.pop(gone))
        self.named[keep].update(self.named.pop(gone))


def groups_clash(
    years: Sequence[Sequence[int] | None],
    a: Sequence[int],
    b: Sequence[int],
    strict: bool = False,
) -> bool:
    """Whether groups ``a`` and ``b`` (article indices) tell events of different years.

    ``strict`` also gives a group the latest year that most of its undated
    reports name beside a later one ("the 2013 ceremony ... in 2014"), when
    no latest year is shared widely enough: more clashes, for a join on
    weaker evidence (``stories/protagonists.py``).  Not in every join: a
    small group can agree on a history year it recalls (a suspect's record
    from 2006) that the rest of its story does not repeat.
    """
    # Most calls meet dated or small groups: nothing to judge, no profile built.
    for g in (a, b):
        if sum(1 for i in g if years[i] is not None) < MIN_YEAR_ARTICLES:
            return False
    prof = YearProfiles(years, [*a, *b], strict=strict)
    for i in a[1:]:
        prof.join(a[0], i)
    for j in b[1:]:
        prof.join(b[0], j)
    return prof.clash(a[0], b[0])


def years_alien(years: Sequence[Sequence[int] | None], i: int, story: Sequence[int]) -> bool:
    """Whether undated article ``i``'s latest year is one that at most
    ``ABSENT_SHARE`` of the ``story``'s undated articles (at least
    ``MIN_YEAR_ARTICLES``) name: weaker evidence than a clash of two groups,
    enough to keep a report that names nothing else specific out."""
    ys = years[i]
    undated = [years[j] for j in story if years[j] is not None]
    if not ys or len(undated) < MIN_YEAR_ARTICLES:
        return False
    y = max(ys)
    return sum(1 for u in undated if u and y in u) <= ABSENT_SHARE * len(undated)
