"""Trigger-sentence embeddings in cross-document event coreference.

Two event mentions with the same trigger lemma in one story are mostly the
same event, but not always: "killed" in the lead and "killed" in a paragraph
about last year's attack.  The sentence around each trigger tells them apart.
``refine_event_clusters`` splits a lemma cluster by average linkage over its
mentions' sentence similarities, and may join clusters of different lemmas
whose sentences are near-paraphrases.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence

import numpy as np

from storyline.embed.encoder import Encoder, Vectors

MAX_SENTENCE_CHARS = 600


def enclosing_sentence(text: str, start: int, end: int) -> str:
    """The line (paragraph) of ``text`` that holds the span."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b >= 0 else len(text)].strip()[:MAX_SENTENCE_CHARS]


def trigger_sentences(
    texts: Mapping[str, str], spans: Sequence[tuple[str, int, int]], encoder: Encoder
) -> Vectors:
    """One unit vector per (document, start, end): its sentence's embedding."""
    return encoder.encode([enclosing_sentence(texts[d], s, e) for d, s, e in spans])


def _average_linkage(
    groups: list[list[int]],
    sim: Vectors,
    threshold: float,
    second: Vectors | None = None,
    second_threshold: float = 0.0,
) -> list[list[int]]:
    """Join groups while the best average similarity between two is at least
    ``threshold`` (and their average ``second`` similarity at least ``second_threshold``)."""
    groups = [list(g) for g in groups]
    while len(groups) > 1:
        best, pair = threshold, None
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                cell = np.ix_(groups[i], groups[j])
                s = float(sim[cell].mean())
                if s >= best and (second is None or float(second[cell].mean()) >= second_threshold):
                    best, pair = s, (i, j)
        if pair is None:
            break
        i, j = pair
        groups[i] += groups.pop(j)
    return groups


def refine_event_clusters(
    ids: Sequence[Hashable],
    clusters: Mapping[Hashable, str],
    vectors: Vectors,
    docs: Sequence[str] | None = None,
    split_below: float | None = 0.3,
    merge_above: float | None = None,
    words: Vectors | None = None,
    word_above: float = 0.0,
) -> dict[Hashable, str]:
    """``clusters`` (mention id -> cluster id) revised by sentence similarity.

    Split: inside one cluster, the mentions of each document stay together and
    documents join by average linkage at ``split_below``.  Merge: two clusters
    join when the average similarity of their sentences is at least
    ``merge_above``.
    """
    if not ids:
        return {}
    sim = vectors @ vectors.T
    members: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(ids):
        members[clusters[m]].append(i)
    parts: list[tuple[str, list[int]]] = []
    for cid, idx in members.items():
        if split_below is None or len(idx) < 2:
            parts.append((cid, idx))
            continue
        by_doc: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            by_doc[docs[i] if docs is not None else str(i)].append(i)
        split = _average_linkage(list(by_doc.values()), sim, split_below)
        parts.extend((f"{cid}#{k}" if k else cid, g) for k, g in enumerate(split))
    if merge_above is not None:
        wsim = words @ words.T if words is not None else None
        joined = _average_linkage([g for _, g in parts], sim, merge_above, wsim, word_above)
        parts = [(f"{clusters[ids[g[0]]]}~{k}", g) for k, g in enumerate(joined)]
    return {ids[i]: cid for cid, g in parts for i in g}
