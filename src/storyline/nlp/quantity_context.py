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
from storyline.nlp.casualties import (
    CASUALTY_KINDS,
    CASUALTY_NOUNS,
    CASUALTY_VERBS,
    NEGATION,
    PEOPLE,
    casualty_kind,
)

__all__ = ["ATTRIBUTES", "CASUALTY_KINDS", "attribute_and_subject", "casualty_kind",
           "dimension_of", "length_object"]

ATTRIBUTES = ("range", "speed", "payload", "weight", "distance_from", "distance", "length",
              "altitude", "depth", "count", "cost", "price", "damage", "casualties",
              *(f"casualties_{k}" for k in CASUALTY_KINDS), "duration", "area",
              "area_affected", "volume", "capacity", "temperature", "magnitude", "percentage",
              "age", "power", "energy", "quantity")

_DIMENSIONS = {"m": "length", "kg": "mass", "m/s": "speed", "s": "time", "m^2": "area",
               "m^3": "volume", "K": "temperature", "1": "magnitude", "%": "percent",
               "count": "count", "W": "power", "J": "energy", "Hz": "frequency",
               "Pa": "pressure", "B": "data", "bit/s": "data_rate", "C": "charge",
               "N*m": "torque", "point": "point", "bp": "basis_point",
               "pp": "percentage_point", "cent": "money", "degree": "degree",
               "mpg": "fuel_economy", "lbft": "torque"}

_PHYSICAL = frozenset({"EQUIPMENT", "OTHER"})
_LOCATED = frozenset({"PLACE", "FACILITY", "EQUIPMENT", "OTHER"})
_NOT_PERSON = frozenset({"ORG", "PLACE", "FACILITY", "EQUIPMENT", "GROUP", "OTHER"})
# Which mention types may be the subject of each attribute.
ACCEPTED_TYPES: dict[str, frozenset[str]] = {
    "range": _PHYSICAL, "speed": _PHYSICAL, "payload": _PHYSICAL, "weight": _PHYSICAL,
    "length": _LOCATED, "altitude": _LOCATED, "distance_from": _LOCATED,
    "distance": _LOCATED, "area": _LOCATED, "area_affected": _LOCATED, "depth": _LOCATED,
    # A magnitude belongs to the quake, which is the story's event, never a named thing.
    "magnitude": frozenset(),
    # Only a person has an age; with no person subject the figure is not compared.
    "age": frozenset({"PERSON"}),
    # A toll belongs to the event, or to an organisation or group counting its own
    # ("the army lost 30 soldiers"); never to the ship, train or building involved
    # ("the ferry collided …, leaving 42 people injured" is the collision's toll).
    **{f"casualties{k}": frozenset({"ORG", "GROUP"})
       for k in ("", *(f"_{c}" for c in CASUALTY_KINDS))},
}
# "a 50-year-old man", "34 years old", "aged 34" (see quantities._AGE_*).
_AGE_TEXT = re.compile(r"years?[\s-]olds?$", re.IGNORECASE)
_AGE_LEFT = re.compile(r"\baged\s+$", re.IGNORECASE)
# Head nouns of a clause subject that name an event rather than a thing: "A
# bushfire in the Otway Ranges has burned 3,400 hectares" is about the fire, not
# about the Otway Ranges, so the figure has no entity subject (it is the event's).
EVENT_NOUNS = frozenset({
    "earthquake", "quake", "tremor", "shaking", "aftershock", "fire", "bushfire", "wildfire",
    "blaze", "storm", "hurricane", "typhoon", "cyclone", "tornado", "flood", "flooding",
    "explosion", "blast", "collision", "crash", "accident", "attack", "strike", "eruption",
    "landslide", "avalanche", "tsunami", "shooting", "bombing", "derailment", "disaster",
    "outbreak", "incident", "heatwave", "drought", "spill", "leak", "outage", "blackout",
})
_TYPE_ORDER = {"EQUIPMENT": 0, "FACILITY": 1, "PLACE": 2, "OTHER": 3, "ORG": 4, "GROUP": 5,
               "PERSON": 6}

_REPORTING = {"say", "tell", "report", "announce", "claim", "state", "add", "note", "inform",
              "write", "explain", "confirm", "insist", "warn", "estimate", "believe", "show",
              "introduce", "present", "showcase"}
_LOCATIVE = {"situate", "locate", "lie", "sit", "base", "station", "position"}
_PRONOUNS = {"it", "its", "they", "their", "them", "this", "these", "which"}
_RELATIVE = {"which", "who", "that"}

_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ward|wards|ern)?"
_ANCHOR_RE = re.compile(
    rf"^\s*\)?\s*(?:,\s*)?(?:to the\s+)?(?:{_COMPASS}\s+of|(?:away\s+)?from|outside(?:\s+of)?|"
    rf"off)\s+(?:the\s+)?(?:(?:port|coastal|capital|border|mountain|market)\s+)?"
    rf"(?:city\s+of\s+|town\s+of\s+|village\s+of\s+|(?:{_COMPASS}\s+)?coast\s+of\s+)?",
    re.IGNORECASE,
)

_CUES: tuple[tuple[str, str, str], ...] = (
    # (dimension, attribute, regex on the left context)
    ("length", "range", r"\b(?:range|ranges|reach|radius)\b[^.;]{0,40}$"),
    ("length", "altitude", r"\b(?:altitude|height|ceiling|elevation|high|above sea)\b[^.;]{0,30}$"),
    ("length", "length", r"\b(?:length|long|span|wingspan|runs for|stretches|extends|"
                         r"measures)\b[^.;]{0,25}$"),
    ("length", "distance", r"\b(?:travel+ed|flew|flown|covered|drove|walked|distances?|away|"
                           r"trip|journey|journeyed)\b[^.;]{0,30}$"),
    ("mass", "payload", r"\b(?:payload|carry|carrying|carries|warheads?|load|cargo)\b[^.;]{0,30}$"),
    ("mass", "weight", r"\b(?:weigh|weighs|weighing|weight|weighed|heavy)\b[^.;]{0,30}$"),
)
_CARGO_AFTER = re.compile(r"^\s+of\s+(?:[a-z]+\s+)?(?:cargo|freight|payload|goods)\b",
                          re.IGNORECASE)
_DEPTH_CUE = re.compile(r"\b(?:depth|deep)\b[^.;]{0,25}$")
_RANGE_NOUNS = {"range", "radius", "reach"}
# "a pipeline of 120 km": the noun before "of" is what is measured, unless it is
# itself a measure word.
_MEASURE_NOUNS = {"range", "radius", "reach", "depth", "distance", "altitude", "height",
                  "length", "speed", "capacity", "total", "maximum", "minimum", "average",
                  "area", "stretch", "width", "elevation", "ceiling", "span", "figure", "run",
                  "journey", "trip", "drive", "walk", "flight", "way", "part", "section"}
_OBJECT_STOP = {"the", "a", "an", "that", "which", "who", "whose", "from", "to", "of", "in",
                "on", "at", "for", "with", "by", "and", "or", "but", "is", "was", "are",
                "were", "had", "has", "have", "will", "would", "could", "can", "its", "their",
                "between", "under", "through", "across", "into", "near", "as", "long", "high",
                "tall", "wide", "deep", "away", "thick", "off", "north", "south", "east",
                "west", "soon", "now", "also", "then", "still", "yet", "here", "there",
                "today", "yesterday", "tomorrow", "again"}
_DAMAGE_VERBS = re.compile(r"\b(?:burn(?:ed|t|s|ing)?|scorch\w*|blacken\w*|flood\w*|destroy\w*|"
                           r"devastat\w*|ravag\w*|consum\w*|char(?:red|ring)|raz\w*|"
                           r"affect\w*|engulf\w*|swept|sweep\w*|torch\w*)\b", re.IGNORECASE)
_DAMAGE_MONEY = re.compile(r"\b(?:damages?|losses|insured loss|loss|destruction)\b",
                           re.IGNORECASE)
_CAPACITY_CUE = re.compile(r"\b(?:capacity|carry|carrying|carries|move|moving|transport\w*|"
                           r"deliver\w*|supply|supplies|pump\w*|flow|handle\w*|ship|ships|"
                           r"store|stores|hold|holds|export\w*|import\w*)\b[^.;]{0,40}$",
                           re.IGNORECASE)
_PER_PERIOD_AFTER = re.compile(r"^(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:a|per|each)\s+"
                               r"(?:year|day|month|annum)\b|^\s+annually\b", re.IGNORECASE)
_LENGTH_AFTER = re.compile(r"^\s*\)?\s*(?:long|in length)\b", re.IGNORECASE)
_HIGH_AFTER = re.compile(r"^\s*\)?\s*(?:high|tall|above sea level|in altitude)\b",
                         re.IGNORECASE)


def dimension_of(q: Quantity) -> str:
    """length | mass | speed | time | area | percent | count | money."""
    return _DIMENSIONS.get(q.normalized.unit, "money")


def _figure_end(q: Quantity) -> int:
    return max([q.end] + [a.end for a in q.alternates])


def length_object(text: str, q: Quantity) -> tuple[str, int] | None:
    """The thing a length describes, by its head noun, and where that noun starts.

    "a 14.2-kilometre Alvão rail tunnel" → tunnel, "the 186-metre (610-foot)
    vessel" → vessel (a compound adjective before a noun); "a pipeline of about
    120 km" → pipeline.  None when the figure is not written that way.
    """
    if re.search(r"\d-[A-Za-z]", q.text):
        pos = _figure_end(q)
        rest = re.match(r"\s*\)?", text[pos:])
        pos += rest.end() if rest else 0
        run: list[tuple[str, int]] = []
        for m in re.finditer(r"[^\W\d_][\w'’-]*|[^\w\s]", text[pos : pos + 80]):
            w = m.group(0)
            if not w[0].isalpha() or w.lower() in _OBJECT_STOP or (
                    run and w.lower().endswith("ly")):
                break
            if w[0].isupper():
                if run:
                    break
                continue  # a name before the noun: "the 14.2-km Alvão tunnel"
            run.append((w.lower(), pos + m.start()))
            if len(run) == 3:
                break
        while len(run) > 1 and run[-1][0].endswith(("ing", "ed")):
            run.pop()  # "gas pipeline linking", "vessel approached"
        return run[-1] if run else None
    # "a pipeline of 120 km", "The tunnel runs for 14.2 km", "the bridge stretches 19 km"
    om = re.search(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+){0,2}?(?P<n>[a-z]+)\s+(?:of|(?:runs|ran|"
                   r"stretches|stretched|extends|extended|measures|measured)(?:\s+for)?)\s+$",
                   text[max(0, q.start - 60) : q.start])
    if om and om.group("n") not in _MEASURE_NOUNS:
        return om.group("n"), max(0, q.start - 60) + om.start("n")
    return None


def _attribute(text: str, q: Quantity, sent_start: int, anchored: bool,
               sent_end: int | None = None) -> str:
    dim = dimension_of(q)
    left = text[max(sent_start, q.start - 80) : q.start].lower()
    right = text[_figure_end(q) : _figure_end(q) + 40]
    clause = text[sent_start : sent_end if sent_end is not None else _figure_end(q) + 60]
    if dim == "magnitude":
        return "magnitude"
    if q.value.unit == "yr" and (_AGE_TEXT.search(q.text) or _AGE_LEFT.search(left) or (
            q.text.isdigit() and left.rstrip().endswith(","))):
        return "age"
    if dim in ("power", "energy"):
        return dim
    if dim == "temperature":
        return "temperature"
    if dim == "volume":
        if _CAPACITY_CUE.search(left) or _PER_PERIOD_AFTER.match(right):
            return "capacity"
        return "volume"
    if dim == "area" and _DAMAGE_VERBS.search(clause):
        return "area_affected"
    if dim == "money" and "/" in q.normalized.unit:
        return "price"
    if dim == "money" and (_DAMAGE_MONEY.search(left[-40:]) or re.match(
            r"^\s+(?:in|of|worth of)\s+(?:damages?|losses)\b", right, re.IGNORECASE)):
        return "damage"
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
        if noun in CASUALTY_NOUNS or noun in PEOPLE:
            kind = casualty_kind(text, q, sent_start,
                                 sent_end if sent_end is not None else len(text))
            if kind is not None:
                return f"casualties_{kind}"
            if noun in CASUALTY_NOUNS or (noun in PEOPLE and CASUALTY_VERBS.search(sentence)
                                          and not NEGATION.search(sentence)):
                return "casualties"
        return "count"
    if dim == "length":
        if anchored:
            return "distance_from"
        if _LENGTH_AFTER.match(right):
            return "length"
        if _HIGH_AFTER.match(right):
            return "altitude"
        if _DEPTH_CUE.search(left):
            return "depth"
        obj = length_object(text, q)
        if obj is not None:
            return "range" if obj[0] in _RANGE_NOUNS else "length"
    if dim == "mass" and _CARGO_AFTER.match(right):
        return "payload"  # "about 40 tonnes of cargo" is what it carries, not its weight
    for cue_dim, attr, pattern in _CUES:
        if cue_dim == dim and re.search(pattern, left):
            return attr
    return "weight" if dim == "mass" else "quantity"


class _Context:
    """Per-document lookups shared by all figures of one article."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        # Doc.text joins every token anew on each access: read it once.
        self.text = doc.text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.sents: list[Span] = list(doc.sents)
        self.sent_token_starts = [s.start for s in self.sents]

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
                if child.lemma_.lower() in EVENT_NOUNS:
                    return None
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

    def sentence_of(self, tok: Token) -> Span:
        """``tok.sent`` without its cost: spaCy rebuilds every sentence on each call."""
        return self.sents[max(0, bisect.bisect_right(self.sent_token_starts, tok.i) - 1)]

    def nearest_before(self, tok: Token, accept: frozenset[str], skip: int | None) -> int | None:
        sent = self.sentence_of(tok)
        best = None
        for i, m in enumerate(self.mentions):
            if m.start >= sent.start_char and m.end <= tok.idx and i != skip and (
                m.type in accept
            ):
                best = i
        return best


def _object_subject(ctx: _Context, q: Quantity, at: int, accept: frozenset[str]) -> int | None:
    """The mention a measured noun phrase belongs to: a name inside it ("the
    14.2-km Alvão tunnel") or the name it is in apposition to ("the Nordic Star,
    a 186-metre vessel").  Never the clause's subject: "ministers signed a deal for
    a 120-km pipeline" says nothing about the ministers' length."""
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return None
    head = span[0]
    for t in head.lefts:
        for u in t.subtree:
            m = ctx.mention_at(u)
            if m is not None and ctx.mentions[m].type in accept and not (
                q.start <= ctx.mentions[m].start < _figure_end(q)
            ):
                return m
    if head.dep_ == "appos":
        m = ctx.mention_at(head.head)
        if m is not None and ctx.mentions[m].type in accept:
            return m
    between = [t for t in ctx.doc if _figure_end(q) <= t.idx < head.idx]
    return ctx.best_in(between, accept, None)


def _subject(ctx: _Context, q: Quantity, attr: str, anchor: int | None) -> int | None:
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    accept = ACCEPTED_TYPES.get(attr, _NOT_PERSON)
    if not accept:
        return None
    if attr == "age":
        return _age_subject(ctx, span, q.sentence)
    if attr in ("length", "range") and anchor is None:
        obj = length_object(ctx.text, q)
        if obj is not None:
            return _object_subject(ctx, q, obj[1], accept)
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
            if attr.startswith("casualties"):
                # A toll is the event's unless a name owns it in its own phrase ("the
                # army's 30 dead"): "the ferry collided …, leaving 42 people injured"
                # says nothing about the ferry.
                return None
            if a.lemma_.lower() in _LOCATIVE:
                return ctx.nearest_before(a, accept, anchor)
            subjects = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                continue  # a conjunct or participle: its subject is further up
            if a.lemma_.lower() in _REPORTING or any(t.i in inside for t in subjects[0].subtree):
                return None
            if subjects[0].lemma_.lower() in EVENT_NOUNS:
                return None  # "A bushfire in the Otway Ranges burned …": the event's figure
            if subjects[0].lower_ in _RELATIVE and a.dep_ == "relcl":
                # "Baltica Lines, which carries 900,000 passengers": the relative
                # pronoun stands for the noun the clause hangs on, not the last topic.
                head = a.head
                m = ctx.mention_at(head)
                if m is not None and m != anchor and ctx.mentions[m].type in accept:
                    return m
                rel = {t.i for t in a.subtree}
                return ctx.best_in([t for t in head.subtree if t.i not in rel], accept, anchor)
            return ctx.subject_np(subjects[0], q.sentence, accept, anchor)
    return None


def _age_subject(ctx: _Context, span: Span, sentence: int) -> int | None:
    """The person an age belongs to: the noun phrase it modifies ("John Smith, a
    50-year-old teacher"; "Smith, aged 34"), or the subject of "be" ("Smith is 34
    years old").  Never the subject of another verb: in "Police arrested a
    50-year-old man" the age is the man's, not the police's."""
    inside = {t.i for t in span}
    for a in span.root.ancestors:
        if a.i in inside:
            continue
        m = ctx.mention_at(a)
        if m is not None:
            return m if ctx.mentions[m].type == "PERSON" else None
        if a.pos_ in ("NOUN", "PROPN"):
            if a.dep_ == "appos":
                m = ctx.mention_at(a.head)
                return m if m is not None and ctx.mentions[m].type == "PERSON" else None
            continue
        if a.lemma_.lower() == "age":  # "a man aged 34": up to the man
            continue
        if a.lemma_.lower() == "be":
            subjects = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return ctx.subject_np(subjects[0], sentence, ACCEPTED_TYPES["age"], None)
        return None
    return None


def _anchor(ctx: _Context, q: Quantity) -> int | None:
    """The place a distance is measured from: "… northeast of Vladivostok"."""
    end = _figure_end(q)
    m = _ANCHOR_RE.match(ctx.text[end : end + 60])
    if not m:
        return None
    at = end + m.end()
    i = bisect.bisect_left(ctx.starts, at)
    # Any mention type is taken: the small model often calls a city a PERSON,
    # and "N km from <name>" is a place relation whatever the label says.
    if i < len(ctx.mentions) and ctx.mentions[i].start - at <= 1:
        after = ctx.text[ctx.mentions[i].end : ctx.mentions[i].end + 50]
        if "from" in m.group(0).lower() and re.match(r"[^,.;]{0,40}?\bto\s+[A-Z]", after):
            return None  # "a pipeline of 120 km from Lučko to Kidričevo": a route's length
        return i
    return None


def attribute_and_subject(doc: Doc, q: Quantity, mentions: Sequence[Mention]) -> Quantity:
    """``q`` with attribute, subject_mention and anchor_mention filled in."""
    ctx = _context(doc, mentions)
    anchor = _anchor(ctx, q) if dimension_of(q) == "length" else None
    sent_start = ctx.sents[q.sentence].start_char if ctx.sents else 0
    sent_end = ctx.sents[q.sentence].end_char if ctx.sents else len(ctx.text)
    attr = _attribute(ctx.text, q, sent_start, anchor is not None, sent_end)
    subject = _subject(ctx, q, attr, anchor)
    if subject is None and attr == "distance_from":
        # "the city of Artyom, situated 40 km …" parsed as hanging off the main
        # verb: the located thing is the nearest place written before the figure.
        tok = doc.char_span(q.start, q.end, alignment_mode="expand")
        if tok is not None:
            subject = ctx.nearest_before(tok[0], ACCEPTED_TYPES[attr], anchor)
            # Only a place written right before, in apposition ("Artyom, situated
            # about 40 km …", "the Buldan district, about 50 km …"); not any place
            # earlier in the sentence ("from Liège … declared an emergency 400 km off").
            if subject is not None and not re.match(
                    r"^(?:\s+(?:district|province|region|town|city|village|county|area))?"
                    r",\s?(?:[a-z]+\s){0,3}$",
                    ctx.text[mentions[subject].end : q.start]):
                subject = None
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
