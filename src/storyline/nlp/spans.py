"""One choice among overlapping character spans, shared by the rule stages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def first_of_overlaps(spans: Iterable[S]) -> list[S]:
    """The spans in text order, each overlapping one dropped in favour of the
    one that starts first (the longest, when two start together)."""
    out: list[S] = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out
