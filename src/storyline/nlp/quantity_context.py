"""What a figure is about: its attribute (range, speed, …) and subject mention.

Attribute: cue words just before the figure ("range of", "payload of",
"travelling at", "costs"), what follows it ("… northeast of Vladivostok"), and
the unit's dimension.  Subject: the dependency parse, walking up from the
figure to the clause that holds it and taking that clause's grammatical
subject; a pronoun ("It", "Its speed") hands over to the previous sentence's
subject.  Only mention types that can carry the attribute are accepted (a
person has no range); when nothing fits the subject is None, never a guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storyline.model import Mention, Quantity

ATTRIBUTES = ("range", "speed", "payload", "weight", "distance_from", "distance", "length",
              "altitude", "count", "cost", "casualties", "duration", "area", "percentage",
              "quantity")

_DIMENSIONS = {"m": "length", "kg": "mass", "m/s": "speed", "s": "time", "m^2": "area",
               "%": "percent", "count": "count"}

_PHYSICAL = frozenset({"EQUIPMENT", "OTHER"})
_LOCATED = frozenset({"PLACE", "FACILITY", "EQUIPMENT", "OTHER"})
_NOT_PERSON = frozenset({"ORG", "PLACE", "FACILITY", "EQUIPMENT", "GROUP", "OTHER"})
# Which mention types may be the subject of each attribute.
ACCEPTED_TYPES: dict[str, frozenset[str]] = {
    "range": _PHYSICAL, "speed": _PHYSICAL, "payload": _PHYSICAL, "weight": _PHYSICAL,
    "length": _LOCATED, "altitude": _LOCATED, "distance_from": _LOCATED,
    "distance": _LOCATED, "area": _LOCATED,
}
_TYPE_ORDER = {"EQUIPMENT": 0, "FACILITY": 1, "PLACE": 2, "OTHER": 3, "ORG": 4, "GROUP": 5,
               "PERSON": 6}

_REPORTING = {"say", "tell", "report", "announce", "claim", "state", "add", "note", "inform",
              "write", "explain", "confirm", "insist", "warn", "estimate", "believe", "show",
              "introduce", "present", "showcase"}
_LOCATIVE = {"situate", "locate", "lie", "sit", "base", "station", "position"}
_PRONOUNS = {"it", "its", "they", "their", "them", "this", "these", "which"}

_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ward|wards|ern)?"
_ANCHOR_RE = re.compile(
    rf"^\s*\)?\s*(?:,\s*)?(?:to the\s+)?(?:{_COMPASS}\s+of|(?:away\s+)?from|outside(?:\s+of)?|"
    rf"off)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?",
    re.IGNORECASE,
)

_CUES: tuple[tuple[str, str, str], ...] = (
    # (dimension, attribute, regex on the left context)
    ("length", "range", r"\b(?:range|ranges|reach|radius)\b[^.;]{0,40}$"),
    ("length", "altitude", r"\b(?:altitude|height|ceiling|elevation|high|above sea)\b[^.;]{0,30}$"),
    ("length", "length", r"\b(?:length|long|span|wingspan)\b[^.;]{0,25}$"),
    ("length", "distance", r"\b(?:travel+ed|flew|flown|covered|drove|walked|distances?|away|"
                           r"trip|journey|journeyed)\b[^.;]{0,30}$"),
    ("mass", "payload", r"\b(?:payload|carry|carrying|carries|warheads?|load|cargo)\b[^.;]{0,30}$"),
    ("mass", "weight", r"\b(?:weigh|weighs|weighing|weight|weighed|heavy)\b[^.;]{0,30}$"),
)
_LENGTH_AFTER = re.compile(r"^\s*\)?\s*(?:long|in length)\b", re.IGNORECASE)
_HIGH_AFTER = re.compile(r"^\s*\)?\s*(?:high|tall|above sea level|in altitude)\b",
                         re.IGNORECASE)
_CASUALTY_NOUNS = {"death", "casualty", "fatality", "victim", "body"}
_CASUALTY_VERBS = re.compile(r"\b(?:kill|killed|killing|dead|died|die|wounded|injured|injuring|"
                             r"wounding|casualt|death|lost their lives|perished)", re.IGNORECASE)
_PEOPLE = {"people", "person", "civilian", "soldier", "child", "man", "woman", "resident",
           "troop", "serviceman", "fighter", "passenger", "worker", "adult", "citizen"}


def dimension_of(q: Quantity) -> str:
    """length | mass | speed | time | area | percent | count | money."""
    return _DIMENSIONS.get(q.normalized.unit, "money")


def _figure_end(q: Quantity) -> int:
    return max([q.end] + [a.end for a in q.alternates])


def _attribute(text: str, q: Quantity, sent_start: int, anchored: bool) -> str:
    dim = dimension_of(q)
    left = text[max(sent_start, q.start - 80) : q.start].lower()
    right = text[_figure_end(q) : _figure_end(q) + 40]
    if dim == "speed":
        return "speed"
    if dim == "time":
        return "duration"
    if dim == "area":
        return "area"
    if dim == "percent":
        return "percentage"
    if dim == "money":
        return "cost"
    if dim == "count":
        sentence = text[sent_start : _figure_end(q) + 60]
        noun = q.value.unit
        if noun in _CASUALTY_NOUNS or (noun in _PEOPLE and _CASUALTY_VERBS.search(sentence)):
            return "casualties"
        return "count"
    if dim == "length":
        if anchored:
            return "distance_from"
        if _LENGTH_AFTER.match(right):
            return "length"
        if _HIGH_AFTER.match(right):
            return "altitude"
    for cue_dim, attr, pattern in _CUES:
        if cue_dim == dim and re.search(pattern, left):
            return attr
    return "weight" if dim == "mass" else "quantity"


class _Context:
    """Per-document lookups shared by all figures of one article."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.sents: list[Span] = list(doc.sents)

    def mention_at(self, tok: Token) -> int | None:
        i = bisect.bisect_right(self.starts, tok.idx) - 1
        if i >= 0 and self.mentions[i].start <= tok.idx < self.mentions[i].end:
            return i
        return None

    def best_in(self, tokens: Sequence[Token], accept: frozenset[str],
                skip: int | None) -> int | None:
        found = {m for t in tokens if (m := self.mention_at(t)) is not None and m != skip}
        ok = [m for m in found if self.mentions[m].type in accept]
        return min(ok, key=lambda m: (_TYPE_ORDER[self.mentions[m].type], m)) if ok else None

    def topic(self, sent: int, accept: frozenset[str], depth: int = 0) -> int | None:
        """The mention a sentence is about: inside its main clause's subject."""
        if sent < 0 or depth > 2:
            return None
        root = self.sents[sent].root
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                sub = list(child.subtree)
                found = self.best_in(sub, accept, None)
                if found is not None:
                    return found
                if any(t.lower_ in _PRONOUNS for t in sub):
                    return self.topic(sent - 1, accept, depth + 1)
        return None

    def subject_np(self, np: Token, sent: int, accept: frozenset[str],
                   skip: int | None) -> int | None:
        sub = list(np.subtree)
        found = self.best_in(sub, accept, skip)
        if found is None and any(t.lower_ in _PRONOUNS for t in sub):
            return self.topic(sent - 1, accept)
        return found

    def nearest_before(self, tok: Token, accept: frozenset[str], skip: int | None) -> int | None:
        sent = tok.sent
        best = None
        for i, m in enumerate(self.mentions):
            if m.start >= sent.start_char and m.end <= tok.idx and i != skip and (
                m.type in accept
            ):
                best = i
        return best


def _subject(ctx: _Context, q: Quantity, attr: str, anchor: int | None) -> int | None:
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    accept = ACCEPTED_TYPES.get(attr, _NOT_PERSON)
    inside = {t.i for t in span}
    for a in span.root.ancestors:
        if a.i in inside:
            continue
        m = ctx.mention_at(a)
        if m is not None and m != anchor and ctx.mentions[m].type in accept:
            return m
        if a.pos_ in ("NOUN", "PROPN"):
            for c in a.children:
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of"):
                    if any(t.i in inside for t in c.subtree):
                        continue
                    found = ctx.subject_np(c, q.sentence, accept, anchor)
                    if found is not None:
                        return found
        if a.pos_ in ("VERB", "AUX"):
            if a.lemma_.lower() in _LOCATIVE:
                return ctx.nearest_before(a, accept, anchor)
            subjects = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                continue  # a conjunct or participle: its subject is further up
            if a.lemma_.lower() in _REPORTING or any(t.i in inside for t in subjects[0].subtree):
                return None
            return ctx.subject_np(subjects[0], q.sentence, accept, anchor)
    return None


def _anchor(ctx: _Context, q: Quantity) -> int | None:
    """The place a distance is measured from: "… northeast of Vladivostok"."""
    end = _figure_end(q)
    m = _ANCHOR_RE.match(ctx.doc.text[end : end + 60])
    if not m:
        return None
    at = end + m.end()
    i = bisect.bisect_left(ctx.starts, at)
    # Any mention type is taken: the small model often calls a city a PERSON,
    # and "N km from <name>" is a place relation whatever the label says.
    if i < len(ctx.mentions) and ctx.mentions[i].start - at <= 1:
        return i
    return None


def attribute_and_subject(doc: Doc, q: Quantity, mentions: Sequence[Mention]) -> Quantity:
    """``q`` with attribute, subject_mention and anchor_mention filled in."""
    ctx = _context(doc, mentions)
    anchor = _anchor(ctx, q) if dimension_of(q) == "length" else None
    sent_start = ctx.sents[q.sentence].start_char if ctx.sents else 0
    attr = _attribute(doc.text, q, sent_start, anchor is not None)
    subject = _subject(ctx, q, attr, anchor)
    if subject is None and attr == "distance_from":
        # "the city of Artyom, situated 40 km …" parsed as hanging off the main
        # verb: the located thing is the nearest place written before the figure.
        tok = doc.char_span(q.start, q.end, alignment_mode="expand")
        if tok is not None:
            subject = ctx.nearest_before(tok[0], ACCEPTED_TYPES[attr], anchor)
    alts = tuple(replace(a, attribute=attr, subject_mention=subject, anchor_mention=anchor)
                 for a in q.alternates)
    return replace(q, attribute=attr, subject_mention=subject, anchor_mention=anchor,
                   alternates=alts)


_CTX_CACHE: dict[int, tuple[Doc, Sequence[Mention], _Context]] = {}


def _context(doc: Doc, mentions: Sequence[Mention]) -> _Context:
    # One context per (doc, mentions) pair; extract_quantities calls us once per
    # figure, and rebuilding the sentence list each time would be quadratic.
    key = id(doc)
    hit = _CTX_CACHE.get(key)
    if hit is not None and hit[0] is doc and hit[1] is mentions:
        return hit[2]
    _CTX_CACHE.clear()
    ctx = _Context(doc, mentions)
    _CTX_CACHE[key] = (doc, mentions, ctx)
    return ctx
