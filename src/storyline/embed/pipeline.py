"""``storyline run --embeddings``: document embeddings in the run's story grouping.

The encoder is loaded before anything is read, so a missing extra fails at
once, in one line.  Vectors are cached beside the store (``<db>.embeddings``),
keyed by the text, so a later incremental run encodes its new articles only.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from storyline.embed.cache import EmbeddingCache
from storyline.embed.encoder import Encoder, load_encoder
from storyline.embed.grouping import EmbeddingLink, document_vectors
from storyline.model import AnnotatedArticle

BATCH_ARTICLES = 256


def cache_path(db: str | Path) -> Path:
    return Path(f"{db}.embeddings")


def open_encoder(db: str | Path) -> EmbeddingCache:
    """The packaged encoder behind the store's cache (``EmbeddingsUnavailable`` without it)."""
    return EmbeddingCache(load_encoder(), cache_path(db))


def grouping_link(articles: Iterable[AnnotatedArticle], encoder: Encoder) -> EmbeddingLink:
    """The grouping hook over every article's lead vector, encoded in batches."""
    vectors = {}
    batch: list[AnnotatedArticle] = []
    for art in articles:
        batch.append(art)
        if len(batch) >= BATCH_ARTICLES:
            vectors.update(document_vectors(batch, encoder))
            batch = []
    if batch:
        vectors.update(document_vectors(batch, encoder))
    return EmbeddingLink(vectors)
