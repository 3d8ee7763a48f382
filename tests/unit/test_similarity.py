"""TF-IDF similarity used as grouping evidence."""

from __future__ import annotations

import pytest

from storyline.stories.similarity import content_words, cosine, tfidf_vectors


def test_content_words_drop_stop_words_digits_and_case() -> None:
    assert content_words("The tunnel and THE Tunnel opened in 2026") == {"tunnel": 2, "opened": 1}


def test_same_event_wording_scores_above_a_lookalike() -> None:
    a, b, c, filler = tfidf_vectors(
        [
            "Alvão tunnel opens: trains run from Porto to Vila Real under the Alvão range.",
            "The Alvão rail tunnel cuts the Vila Real journey; trains under the range.",
            "A new road bridge opens near Faro, cutting the Algarve journey.",
            "Farmers report a good harvest of olives and grapes this autumn.",
        ]
    )
    assert cosine(a, b) > cosine(a, c) > cosine(a, filler)
    assert cosine(a, a) == pytest.approx(1.0)
    assert cosine(a, filler) == 0.0
