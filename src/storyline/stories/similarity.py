"""Text similarity for grouping: TF-IDF vectors of content words, cosine."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

# Words of three letters or more; digits and figures say little about the event.
_WORD = re.compile(r"[^\W\d_]{3,}")


def content_words(text: str) -> Counter[str]:
    words = (w.lower() for w in _WORD.findall(text))
    return Counter(w for w in words if w not in STOP_WORDS)


def tfidf_vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (sublinear tf, smoothed idf over ``texts``)."""
    counts = [content_words(t) for t in texts]
    df: Counter[str] = Counter(w for c in counts for w in c)
    n = len(texts)
    vectors = []
    for c in counts:
        v = {w: (1 + math.log(k)) * math.log(1 + n / df[w]) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return vectors


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors (the cosine when both are unit length)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two unit-length vectors."""
    return dot(a, b)


def vector_sum(rows: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """The sum of sparse vectors."""
    total: dict[str, float] = {}
    for v in rows:
        for w, x in v.items():
            total[w] = total.get(w, 0.0) + x
    return total


def tfidf_vector(counts: dict[str, int], df: dict[str, int], n: int) -> dict[str, float]:
    """One article's unit-length TF-IDF vector against corpus document frequencies
    ``df`` over ``n`` articles (the same weighting as ``tfidf_vectors``)."""
    v = {w: (1 + math.log(k)) * math.log(1 + n / df.get(w, 1)) for w, k in counts.items() if k}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items()}
