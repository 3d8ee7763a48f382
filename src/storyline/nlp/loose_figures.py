"""Figures the claims stage leaves out on purpose, for scoring quantity extraction.

A claim needs a figure that measures or counts something a second source could
report too, so ``extract_quantities`` drops proportions ("a third of those
screened"), "one of the largest dinosaurs", and bare levels ("the index ended at
1,334.20", "raised 280 million").  A quantity-extraction data set such as NewsQuant
annotates every one of them; this module finds them so a benchmark can count them,
without their ever becoming claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.nlp import numbers as nb


@dataclass(frozen=True)
class LooseFigure:
    start: int
    end: int
    low: float
    high: float
    kind: str  # "proportion", "one-of", "level"
    noun: str  # the lemmas of what it is a share or a member of; "" for a level


# "a third of", "two-thirds of the", "half the condos", "half of which"
_SHARE_AFTER_RE = re.compile(r"\s+(?:of\b|the\b|those\b|its\b|their\b)", re.IGNORECASE)
# "the second half of the game", "the first half of the year": a period, not a share
_PERIOD_LEFT_RE = re.compile(r"\b(?:first|second|last|next|this|the)\s+$", re.IGNORECASE)
# "one out of three Germans", "1 in 5 adults"
_RATIO_RE = re.compile(
    r"\b(?P<n>\d{1,3}|one|two|three|four|five)\s+(?:out\s+of|in)\s+(?P<d>\d{1,3}|two|three|"
    r"four|five|six|seven|eight|nine|ten)\s+(?=[A-Za-z])(?!percent|per\b|%)",
    re.IGNORECASE,
)
_ONE_OF_RE = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+of\s+"
    r"(?=the\b|his\b|her\b|its\b|their\b|our\b|my\b|your\b|\w+['’]s\b)",
    re.IGNORECASE,
)


def _word_value(word: str) -> float | None:
    n = nb.number_at(word, 0)
    return n.low if n is not None and n.end == len(word) else None


def _phrase_after(doc: Doc, char: int) -> str:
    """The lemmas of the content words of the noun phrase that starts after ``char``
    ("of the best wireless speakers around" → "good wireless speaker")."""
    of = next((t for t in doc if t.idx >= char and t.lower_ == "of"), None)
    obj: Token | None = None
    if of is not None and of.idx - char < 4:
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
    if obj is None:
        obj = next((t for t in doc if t.idx >= char and t.pos_ in ("NOUN", "PROPN")), None)
        if obj is None:
            return ""
    if obj.pos_ in ("PRON", "DET"):
        return ""  # "a third of those screened", "half of which": named by a pronoun
    # The noun with its modifiers, the object of a preposition after it ("moments in
    # his life") and a verb that completes it ("dinosaurs to ever live"), but not a
    # relative clause or what hangs further down.
    keep = [t for t in obj.lefts if t.pos_ in ("ADJ", "NOUN", "PROPN")]
    keep.append(obj)
    for r in obj.rights:
        if r.dep_ == "prep":
            keep += [p for c in r.children if c.dep_ == "pobj"
                     for p in (*[x for x in c.lefts if x.dep_ == "compound"], c)]
        elif r.dep_ == "acl":
            keep.append(r)
    words = [t.lemma_.lower() for t in sorted(keep, key=lambda t: t.i)
             if not (t.is_stop or t.is_punct or t.like_num)]
    return " ".join(words)


def _proportions(doc: Doc) -> list[LooseFigure]:
    text = doc.text
    out: list[LooseFigure] = []
    for m in nb.WORD_FRACTION_RE.finditer(text):
        n = nb.fraction_at(text, m.start())
        if n is None or not _SHARE_AFTER_RE.match(text, n.end) or _PERIOD_LEFT_RE.search(
                text[max(0, n.start - 8) : n.start]):
            continue
        out.append(LooseFigure(n.start, n.end, n.low, n.high, "proportion",
                               _phrase_after(doc, n.end)))
    for m in _RATIO_RE.finditer(text):
        num, den = _word_value(m.group("n")), _word_value(m.group("d"))
        if num is None or not den or num >= den:
            continue
        out.append(LooseFigure(m.start(), m.end(), num / den, num / den, "proportion",
                               _phrase_after(doc, m.end() - 1)))
    return out


def _one_of(doc: Doc) -> list[LooseFigure]:
    """"one of the largest dinosaurs", "two of Johnson's deputies": members of a set."""
    out: list[LooseFigure] = []
    for m in _ONE_OF_RE.finditer(doc.text):
        n = _word_value(m.group("n"))
        if n is not None:
            out.append(LooseFigure(m.start(), m.end("n"), n, n, "one-of",
                                   _phrase_after(doc, m.end("n") + 1)))
    return out


# Nouns that "one" makes a time or a manner of speaking, not a count ("one day").
_NOT_COUNTED = {"day", "week", "month", "year", "time", "night", "morning", "evening",
                "afternoon", "point", "way", "thing", "side"}


def _single_counts(doc: Doc) -> list[LooseFigure]:
    """"one proposal", "one count of wire fraud": the numeral "one" modifying a noun,
    which claims leave out because a lone "one" is usually an article or pronoun."""
    out: list[LooseFigure] = []
    for t in doc:
        head = t.head
        if t.lower_ != "one" or t.dep_ != "nummod" or head.pos_ != "NOUN" or head.i < t.i:
            continue
        if head.lemma_.lower() in _NOT_COUNTED or head.tag_ != "NN" or (
                t.i > 0 and doc[t.i - 1].pos_ == "DET"):  # "on the one hand", "no one"
            continue
        out.append(LooseFigure(t.idx, t.idx + 3, 1.0, 1.0, "one-of", head.lemma_.lower()))
    return out


def loose_figures(doc: Doc, taken: Sequence[tuple[int, int]]) -> list[LooseFigure]:
    """Proportions, "one of the …" and bare levels in ``doc`` that overlap none of the
    ``taken`` spans (the figures ``extract_quantities`` already returned); a ratio
    ("one out of three Germans") is kept even over a figure taken inside it."""
    from storyline.nlp.quantities import bare_levels

    spans = list(taken)
    out: list[LooseFigure] = []
    for f in [*_proportions(doc), *_one_of(doc), *_single_counts(doc)]:
        # "one out of three Germans" is a share, whatever else read "three Germans"
        ratio = f.kind == "proportion" and _RATIO_RE.match(doc.text, f.start) is not None
        if ratio or not any(s < f.end and f.start < e for s, e in spans):
            out.append(f)
            spans.append((f.start, f.end))
    for start, end, value in bare_levels(doc, spans):
        out.append(LooseFigure(start, end, value, value, "level", ""))
    return sorted(out, key=lambda f: f.start)
