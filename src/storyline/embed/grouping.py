"""Document embeddings as one more piece of evidence in story grouping.

An article's vector is the normalised mean of the embeddings of its title and
first ``LEAD_SENTENCES`` sentences: the lead says what happened, and a mean of
sentence vectors stays within the 128 word pieces the model was trained on.

``embedding_link`` revises the pair decision of ``stories.grouping`` (its
``link`` hook): a pair that the named-entity rules leave apart links when it
shares an anchor and some named evidence and its documents' embeddings are
close; a pair they link is cut when its embeddings are far apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.embed.encoder import Encoder, Vectors
from storyline.model import AnnotatedArticle
from storyline.stories.candidates import ANCHOR_CLASSES, DATE_WINDOW_DAYS
from storyline.stories.features import GroupingFeatures
from storyline.stories.grouping import CorpusStats, _counted

LEAD_SENTENCES = 5
MAX_SENTENCE_CHARS = 600


def lead_sentences(art: AnnotatedArticle, n: int = LEAD_SENTENCES) -> list[str]:
    """The title and the first ``n`` sentences of the text, each cut to a length
    the encoder reads whole."""
    text = art.article.text
    out = [text[s.start : s.end].strip() for s in art.sentences[:n]]
    title = (art.article.title or "").strip()
    if title and (not out or title != out[0]):
        out.insert(0, title)
    return [s[:MAX_SENTENCE_CHARS] for s in out if s] or [text[:MAX_SENTENCE_CHARS]]


def document_vectors(
    articles: Sequence[AnnotatedArticle], encoder: Encoder, n: int = LEAD_SENTENCES
) -> dict[str, Vectors]:
    """Article id -> unit vector of its lead; all sentences encoded in one batch."""
    leads = [lead_sentences(a, n) for a in articles]
    flat = [s for lead in leads for s in lead]
    vecs = encoder.encode(flat)
    out: dict[str, Vectors] = {}
    pos = 0
    for art, lead in zip(articles, leads, strict=True):
        v = vecs[pos : pos + len(lead)].mean(axis=0)
        pos += len(lead)
        norm = float(np.linalg.norm(v)) or 1.0
        out[art.article.id] = (v / norm).astype(np.float32)
    return out


@dataclass(frozen=True)
class EmbeddingLink:
    """The ``link`` hook of ``stories.grouping.group_features``."""

    vectors: Mapping[str, Vectors]
    min_similarity: float = 0.8  # cosine that links a pair the name rules leave apart
    min_evidence: float = 0.3  # named evidence such a pair must still share
    veto_below: float | None = None  # cosine under which a linked pair is cut

    def similarity(self, a: GroupingFeatures, b: GroupingFeatures) -> float | None:
        va, vb = self.vectors.get(a.article_id), self.vectors.get(b.article_id)
        if va is None or vb is None:
            return None
        return float(va @ vb)

    def __call__(
        self, a: GroupingFeatures, b: GroupingFeatures, stats: CorpusStats, decided: float | None
    ) -> float | None:
        sim = self.similarity(a, b)
        if sim is None:
            return decided
        if decided is not None:
            if self.veto_below is not None and sim < self.veto_below:
                return None
            return decided
        if a.day and b.day and abs((a.day - b.day).days) > DATE_WINDOW_DAYS:
            return None
        shared = a.classes.keys() & b.classes.keys()
        if not any(stats.cls[f] in ANCHOR_CLASSES for f in shared):
            return None
        evidence = sum(stats.weight[f] for f in _counted(shared))
        if evidence >= self.min_evidence and sim >= self.min_similarity:
            return evidence
        return None


def embedding_link(vectors: Mapping[str, Vectors], **kw: float | None) -> EmbeddingLink:
    return EmbeddingLink(vectors, **kw)  # type: ignore[arg-type]
