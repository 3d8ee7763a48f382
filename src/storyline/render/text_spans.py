"""Cut an article's text into segments at every span boundary, for highlighting.

Spans overlap (a mention inside a claim's quoted sentence, a figure inside
both), so the report cannot wrap each span in its own element. Instead the
text is cut at every start and end; each piece covered by some span becomes
one element carrying its offsets, and highlighting any span means marking the
pieces inside its range.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    end: int
    covered: bool  # inside at least one span: gets an element with its offsets
    classes: str = ""  # "m" (an entity mention), "f" (a figure), both, or none
    entity: str = ""  # the entity whose mention this is, when it is one


def article_segments(text: str, spans: Sequence[tuple[int, int, str, str]]) -> list[Segment]:
    """Segments of ``text`` cut at the boundaries of ``spans`` (start, end, class, entity)."""
    n = len(text)
    clean = [(max(0, s), min(n, e), c, ent) for s, e, c, ent in spans if 0 <= s < e <= n]
    opens: dict[int, list[tuple[str, str]]] = {}
    closes: dict[int, list[tuple[str, str]]] = {}
    for s, e, c, ent in clean:
        opens.setdefault(s, []).append((c, ent))
        closes.setdefault(e, []).append((c, ent))
    cuts = sorted({0, n, *opens, *closes})
    active: Counter[tuple[str, str]] = Counter()
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        for key in closes.get(a, ()):
            active[key] -= 1
            if active[key] == 0:
                del active[key]
        for key in opens.get(a, ()):
            active[key] += 1
        if a == b:
            continue
        classes = sorted({c for c, _ in active if c})
        entity = min((ent for _, ent in active if ent), default="")
        out.append(Segment(text[a:b], a, b, bool(active), " ".join(classes), entity))
    return out
