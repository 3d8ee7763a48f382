"""The real all-MiniLM-L6-v2 encoder; skipped unless the optional 'embed' extra is installed."""

from __future__ import annotations

import pytest

from storyline.embed.encoder import embeddings_available, load_encoder

pytestmark = pytest.mark.skipif(
    not embeddings_available(), reason="the optional 'embed' extra is not installed"
)


def test_encoder_ranks_a_paraphrase_above_another_event() -> None:
    enc = load_encoder()
    v = enc.encode(
        [
            "An earthquake struck the island on Tuesday, killing 12 people.",
            "Twelve people died when a quake hit the island on Tuesday.",
            "The central bank raised interest rates by half a point.",
        ]
    )
    assert v.shape == (3, 384)
    assert float(v[0] @ v[1]) > 0.6 > float(v[0] @ v[2])
