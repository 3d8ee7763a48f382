"""Copy detection (STUB)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.model import Article, SharedPassage


@dataclass(frozen=True)
class CopyReport:
    origin_groups: dict[str, str]  # article id -> origin group id
    passages: list[SharedPassage] = field(default_factory=list)


def detect_copies(articles: Sequence[Article]) -> CopyReport:
    return CopyReport({a.id: a.id for a in articles})
