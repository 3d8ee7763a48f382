"""Incremental grouping: new articles join the stories they belong to, the rest stays.

A later run does not regroup the corpus.  From the stored stories and the
grouping features of every article (``stories/features.py``):

1. Corpus statistics (IDF weights, word frequencies) are recomputed over all
   articles: a cheap count over stored features, no annotation is read.
2. The new articles (those in no stored story) look up their candidates in the
   bounded inverted index (``stories/candidates.py``) and are linked to them
   with the usual evidence test.
3. The *touched* stories are those holding an article a new one links to.
   The new articles and the members of the touched stories are regrouped
   together, with the same average-linkage rule as a full run; every other
   story keeps its articles as they are.  So a new article can join a story,
   open a new one, or bring two stories together when it links both strongly
   enough.
4. Ids: see ``assign_ids``.  Only stories whose articles changed need their
   dossiers rebuilt (``Regrouping.changed``).

What this gives up against a full regroup: a story no new article touches is
not re-examined when the IDF weights shift with the growing corpus.  Those
shifts are small for a corpus that grows by a fraction, and a full regroup
happens anyway whenever the pipeline version changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.stories.candidates import candidate_pairs
from storyline.stories.features import GroupingFeatures
from storyline.stories.grouping import (
    CorpusStats,
    group_features,
    link_strengths,
    story_id,
)


@dataclass(frozen=True)
class Regrouping:
    stories: dict[str, tuple[str, ...]]  # story id -> article ids (sorted), every story
    changed: frozenset[str]  # stories new or with other articles than before
    removed: frozenset[str]  # stored stories that no longer exist (merged away)


def regroup(
    feats: Sequence[GroupingFeatures],
    existing: Mapping[str, Sequence[str]],
    created: Mapping[str, int] | None = None,
    full: bool = False,
) -> Regrouping:
    """Stories over all of ``feats``, given the ``existing`` ones (id → articles).

    ``created`` orders existing stories by age (the run that opened them;
    smaller is older).  ``full`` regroups everything (first run, or after an
    upgrade) but still hands the old ids on by ``assign_ids``.
    """
    index = {ft.article_id: i for i, ft in enumerate(feats)}
    # A stored story may name articles no longer in the corpus; only the live ones count.
    old = {sid: tuple(sorted(a for a in arts if a in index)) for sid, arts in existing.items()}
    old = {sid: arts for sid, arts in old.items() if arts}
    story_of = {a: sid for sid, arts in old.items() for a in arts}
    stats = CorpusStats(feats)
    new = [i for i, ft in enumerate(feats) if ft.article_id not in story_of]

    if full or not old:
        groups = group_features(feats, stats)
        kept: dict[str, tuple[str, ...]] = {}
        previous = old
    else:
        pairs = candidate_pairs(
            [ft.classes.keys() for ft in feats],
            [ft.day for ft in feats],
            stats.cls,
            touching=set(new),
        )
        touched = {
            story_of[feats[k].article_id]
            for pair in link_strengths(feats, stats, pairs)
            for k in pair
            if feats[k].article_id in story_of
        }
        among = set(new) | {index[a] for sid in touched for a in old[sid]}
        groups = group_features(feats, stats, among=among) if among else []
        kept = {sid: arts for sid, arts in old.items() if sid not in touched}
        previous = {sid: old[sid] for sid in touched}

    named = assign_ids(groups, previous, created or {}, taken=set(kept))
    stories = dict(kept)
    stories.update(named)
    # After a full regroup every dossier is rebuilt (the analysis code may have changed).
    changed = frozenset(sid for sid, arts in named.items() if full or old.get(sid) != arts)
    removed = frozenset(existing.keys() - stories.keys())
    return Regrouping(stories=dict(sorted(stories.items())), changed=changed, removed=removed)


def assign_ids(
    groups: Sequence[Sequence[str]],
    previous: Mapping[str, Sequence[str]],
    created: Mapping[str, int],
    taken: set[str],
) -> dict[str, tuple[str, ...]]:
    """Story ids for regrouped articles, stable across runs.

    The rule: a group keeps the id of the stored story it shares the most
    articles with; when two stored stories merge, the one that brings more
    articles keeps its id, and between equals the older one (smaller
    ``created``), then the smaller id.  Each stored id goes to one group at
    most, so when a story splits, its larger part keeps the id.  A group with
    no stored story gets ``story_id`` of its articles (the hash of its
    smallest article id, as in a first run), salted in the rare case that id
    is already in use.
    """
    story_of = {a: sid for sid, arts in previous.items() for a in arts}
    options = []
    for g, arts in enumerate(groups):
        overlap: dict[str, int] = {}
        for a in arts:
            if a in story_of:
                overlap[story_of[a]] = overlap.get(story_of[a], 0) + 1
        for sid, n in overlap.items():
            options.append((-n, created.get(sid, 0), sid, g))
    used = set(taken)
    ids: dict[int, str] = {}
    for _, _, sid, g in sorted(options):
        if g not in ids and sid not in used:
            ids[g] = sid
            used.add(sid)
    # Ids of stored stories that lose every article stay reserved until the next run.
    reserved = used | set(previous)
    out: dict[str, tuple[str, ...]] = {}
    for g, arts in enumerate(groups):
        if g in ids:
            sid = ids[g]
        else:
            sid = story_id(arts)
            salt = 0
            while sid in reserved:
                salt += 1
                sid = story_id([f"{min(arts)}|{salt}"])
            reserved.add(sid)
        out[sid] = tuple(sorted(arts))
    return out
