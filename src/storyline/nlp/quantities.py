"""Quantities with units (STUB: to be written by the quantities/claims work)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyline.model import Mention, Quantity


def extract_quantities(doc: Doc, mentions: Sequence[Mention]) -> list[Quantity]:
    """Figures in ``doc`` (whose text is the article's cleaned text), with subject/attribute."""
    return []
