"""Attach lone articles to the story they clearly belong to.

A brief or a one-sentence report names too few things to pass the pair test
with any single article of its story, so after the joins it stands alone.
Against the story as a whole it is often unmistakable: its words lie close to
the story's centroid (the sum of the members' TF-IDF vectors), and far from
every other story's.  It joins that story when

* its cosine to the centroid is at least ``MIN_CENTROID_COSINE``, and
* it beats the next-best story by ``MIN_MARGIN``: a report that sits between
  two look-alike episodes stays alone rather than be given to either;
* the dates allow it (within the window of the story's dated articles);
* the names it shares with the story as a whole (any member) weigh at least
  ``min_evidence`` (the pair test's ``MIN_EVIDENCE``): a lone report of
  another episode of the same kind shares the wording and perhaps a head of
  state with a story, but not the story's own people and places.

Only stories of two articles or more take part, and the centroids are those
of the stories before any attachment, so the result does not depend on the
order in which lone articles are looked at.  The stories to compare with are
those of the article's candidates (articles sharing a specific name or a
rare word with it), so the cost grows with the candidates, not the corpus.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date

from storyline.stories.candidates import within_window
from storyline.stories.similarity import dot as _dot
from storyline.stories.similarity import vector_sum

MIN_CENTROID_COSINE = 0.2
MIN_MARGIN = 0.1


def attach_lone_articles(
    members: dict[int, list[int]],
    vectors: Sequence[Mapping[str, float]],
    neighbours: Mapping[int, Collection[int]],
    days: Sequence[date | None],
    shared_evidence: Callable[[int, Sequence[int]], float],
    min_evidence: float,
    min_cosine: float = MIN_CENTROID_COSINE,
    min_margin: float = MIN_MARGIN,
) -> dict[int, list[int]]:
    """``members`` (root → indices) with each lone article moved into the story
    it clearly belongs to; ``neighbours[i]`` are article i's candidates and
    ``shared_evidence(i, story)`` the weight of the names article i shares
    with the story's articles."""
    root_of = {i: r for r, g in members.items() for i in g}
    centroids: dict[int, dict[str, float]] = {}
    for r, g in members.items():
        if len(g) >= 2:
            centroids[r] = _unit_sum(vectors[i] for i in g)
    moves: dict[int, int] = {}
    for r, g in members.items():
        if len(g) != 1:
            continue
        i = g[0]
        stories = {root_of[j] for j in neighbours.get(i, ()) if root_of[j] in centroids}
        story = _clear_best(i, stories, vectors, centroids, days, members, min_cosine, min_margin)
        if story is not None and shared_evidence(i, members[story]) >= min_evidence:
            moves[r] = story
    return _moved(members, moves)


def _clear_best(
    i: int,
    stories: Iterable[int],
    vectors: Sequence[Mapping[str, float]],
    centroids: Mapping[int, Mapping[str, float]],
    days: Sequence[date | None],
    members: Mapping[int, Sequence[int]],
    min_cosine: float,
    min_margin: float,
) -> int | None:
    """The story whose centroid article i is clearly closest to (cosine and
    margin over the runner-up) and whose dates allow it, else None."""
    scored = sorted(
        ((_dot(vectors[i], centroids[s]), s) for s in stories), key=lambda x: (-x[0], x[1])
    )
    if not scored:
        return None
    best, story = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    if best < min_cosine or best - second < min_margin:
        return None
    if not all(within_window(days[i], days[j]) for j in members[story]):
        return None
    return story


def _moved(members: Mapping[int, list[int]], moves: Mapping[int, int]) -> dict[int, list[int]]:
    out = {r: list(g) for r, g in members.items() if r not in moves}
    for r, story in moves.items():
        out[story].extend(members[r])
    return out


def _unit_sum(vectors: Iterable[Mapping[str, float]]) -> dict[str, float]:
    total = vector_sum(vectors)
    norm = math.sqrt(sum(x * x for x in total.values())) or 1.0
    return {w: x / norm for w, x in total.items()}


# Lone articles that name no one the story does not: by their rarest words.
RARE_WORDS = 8
MAX_WORD_POSTINGS = 64


def attach_by_words(
    members: dict[int, list[int]],
    vectors: Sequence[Mapping[str, float]],
    days: Sequence[date | None],
    fits: Callable[[int, Sequence[int]], bool],
    min_cosine: float = MIN_CENTROID_COSINE,
    min_margin: float = MIN_MARGIN,
) -> dict[int, list[int]]:
    """``members`` with each lone article moved into the story whose centroid it
    is clearly closest to, among the stories holding its rarest words.

    For the reports ``attach_lone_articles`` cannot place: a brief that names
    nothing specific ("the software giant", "the quake") has no candidates
    among the articles sharing a name.  Its ``RARE_WORDS`` highest-weighted
    words find them instead (a word in more than ``MAX_WORD_POSTINGS``
    articles says too little and is skipped, which also keeps the cost linear).
    The centroid and margin tests are those above; ``fits(i, story)`` is the
    caller's condition (the grouper asks that the article name no specific
    name the story lacks, so a report of a look-alike episode, with its own
    people and towns, stays alone).
    """
    root_of = {i: r for r, g in members.items() for i in g}
    lone = [g[0] for g in members.values() if len(g) == 1]
    wanted: dict[int, list[str]] = {
        i: [w for w, _ in sorted(vectors[i].items(), key=lambda kv: (-kv[1], kv[0]))[:RARE_WORDS]]
        for i in lone
    }
    words = {w for ws in wanted.values() for w in ws}
    postings: dict[str, list[int]] = {w: [] for w in words}
    for i in root_of:
        for w in words & vectors[i].keys():
            postings[w].append(i)
    centroids: dict[int, dict[str, float]] = {}
    moves: dict[int, int] = {}
    for i in lone:
        stories = {
            root_of[j]
            for w in wanted[i]
            if len(postings[w]) <= MAX_WORD_POSTINGS
            for j in postings[w]
            if len(members[root_of[j]]) >= 2
        }
        for s in stories:
            if s not in centroids:
                centroids[s] = _unit_sum(vectors[j] for j in members[s])
        story = _clear_best(i, stories, vectors, centroids, days, members, min_cosine, min_margin)
        if story is not None and fits(i, members[story]):
            moves[root_of[i]] = story
    return _moved(members, moves)
