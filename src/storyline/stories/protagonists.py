"""The people at the centre of a story: named by most of its reports.

Two parts of one episode can be told in words far enough apart for Ward's
test at full size (``stories/refine.py``, ratio 1.6) to keep them apart: the
first-day reports of a shooting tell the party and the gunfire, the next
day's the charge and the court.  What both parts repeat is whom it is
about: the suspect, the victim, the police spokesman.  Look-alike episodes
(two earthquakes, two firings of a coach) have other people at their centre,
or share only a place, a family name or a head of state.

* A story's *protagonists* are the people (PERSON keys: full names, not bare
  family names) that at least ``PROTAGONIST_SHARE`` of its articles name.
* People who are protagonists of three stories or more (``common_figures``:
  a head of state, a club's manager) do not count: sharing them says nothing
  about sharing an episode.
* Two stories share protagonists when the weight (as in the pair test) of
  the protagonists they have in common is at least
  ``MIN_SHARED_PROTAGONISTS`` of the smaller side's protagonist weight.

``grouping`` then runs one more whole-story join pass (``refine.join_close``)
up to the wider Ward ratio ``MAX_PROTAGONIST_WARD_RATIO``, for stories that
share protagonists, pass the usual join conditions (date window, names worth
``MIN_EVIDENCE``, no year clash) and do not clash on years under the strict
reading either (``years.groups_clash(strict=True)``: the two Oscar ceremonies
one host presented, 2007 and 2014, share the host and most of the wording).

ECB+ (``benchmarks/ecbplus.py --task stories``), B³ F1 before → after:
development topics 0.969 → 0.995, training topics 0.927 → 0.937, all 33
topics 0.938 → 0.949; strict floor subset (topics 2, 5, 12, 23) 0.990 →
0.990.  The ratio was set on the training topics: the gain comes at 4.0
(an actress checking into rehab, told in two parts: Ward 3.5) and holds to 5.0;
at 6.0 two stories of different topics join.  Without the strict year test
a ratio of 3.5 already joined the two Oscar ceremonies.  The shared share
gives the same figures from 0.1 to 0.2 and is set at 0.15; at 0.25 the
shooting's two parts stay apart when topic 18 is grouped among fewer
topics (its spokesman is the only shared protagonist, and his weight
against the smaller part's three protagonists falls under 0.25 as the
corpus shrinks).  On the synthetic
corpus of ``benchmarks/grouping_scale.py`` B³ goes from 0.986 to 0.990 (1k)
and 0.986 to 0.992 (3k): its look-alikes share a head of state, which
``common_figures`` discounts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

PROTAGONIST_SHARE = 0.5
MIN_SHARED_PROTAGONISTS = 0.15
MAX_PROTAGONIST_WARD_RATIO = 4.0


def protagonists(
    names: Sequence[Collection[str]], cls: Mapping[str, str], share: float = PROTAGONIST_SHARE
) -> set[str]:
    """The PERSON keys that at least ``share`` of the articles (their ``names``) give."""
    counts = Counter(f for ns in names for f in ns if cls.get(f) == "PERSON")
    return {f for f, k in counts.items() if k >= share * len(names)}


def share_protagonists(
    a: Sequence[Collection[str]],
    b: Sequence[Collection[str]],
    cls: Mapping[str, str],
    weight: Mapping[str, float],
    min_share: float = MIN_SHARED_PROTAGONISTS,
    famous: Collection[str] = (),
) -> bool:
    """Whether stories ``a`` and ``b`` (their articles' names) share their
    protagonists; ``famous`` people (``common_figures``) do not count."""
    pa, pb = protagonists(a, cls), protagonists(b, cls)
    common = (pa & pb) - set(famous)
    if not common:
        return False
    wa = sum(weight[f] for f in pa)
    wb = sum(weight[f] for f in pb)
    return sum(weight[f] for f in common) >= min_share * min(wa, wb)


def common_figures(
    stories: Sequence[Sequence[Collection[str]]], cls: Mapping[str, str]
) -> set[str]:
    """People who are protagonists of three stories or more (a head of state,
    a club's coach): sharing them says nothing about sharing an episode."""
    counts = Counter(f for names in stories for f in protagonists(names, cls))
    return {f for f, k in counts.items() if k >= 3}
