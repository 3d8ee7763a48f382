"""An on-disk cache of embeddings, keyed by the encoder's name and the text.

Encoding is the slow part (tens of sentences a second per core); articles are
re-read by incremental runs and benchmarks are re-run, so each text is encoded
once.  SQLite, one row per text: safe to share between runs.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from storyline.embed.encoder import Encoder, Vectors


class EmbeddingCache:
    """An ``Encoder`` that looks each text up before encoding the missing ones."""

    def __init__(self, encoder: Encoder, path: str | Path) -> None:
        self.encoder = encoder
        self.name = encoder.name
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path))
        self._db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB)")

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.name}\n{text}".encode()).hexdigest()

    def encode(self, texts: Sequence[str]) -> Vectors:
        keys = [self._key(t) for t in texts]
        found: dict[str, bytes] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                self._db.execute(f"SELECT key, v FROM vec WHERE key IN ({marks})", chunk)
            )
        missing = [i for i, k in enumerate(keys) if k not in found]
        if missing:
            todo = list(dict.fromkeys(keys[i] for i in missing))
            text_of = {keys[i]: texts[i] for i in missing}
            new = self.encoder.encode([text_of[k] for k in todo])
            rows = [(k, v.astype(np.float32).tobytes()) for k, v in zip(todo, new, strict=True)]
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?)", rows)
            found.update(rows)
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([np.frombuffer(found[k], dtype=np.float32) for k in keys])

    def close(self) -> None:
        self._db.close()
