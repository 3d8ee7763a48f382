"""spaCy entities → our mention candidates, with fixes for the small model's slips.

Every fix keys on general cues in the text (prepositions, facility nouns,
possessives, title case, agreement with the rest of the same article), never on
particular names.  Work is per entity (a few dozen per article), with regexes
over short windows, so it stays cheap in the parent process.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from storyline.model import EntityType
from storyline.nlp import roles

TYPE_OF_LABEL: dict[str, EntityType] = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "FACILITY",
    "NORP": "GROUP", "EVENT": "OTHER", "WORK_OF_ART": "OTHER", "LAW": "OTHER",
    "LANGUAGE": "OTHER", "PRODUCT": "OTHER",
}
NUMBER_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)


@dataclass(frozen=True)
class Cand:
    start: int
    end: int
    label: str
    type: EntityType
    role: str | None = None


_FACILITY_NOUN = (r"(?:airfield|airport|air\s+base|airbase|naval\s+base|military\s+base|base"
                  r"|spaceport|cosmodrome|launch\s+site|port|harbou?r|shipyard|dockyard"
                  r"|plant|factory|refinery|power\s+station|station|bridge|dam|stadium"
                  r"|arena|theat(?:re|er)|prison|barracks|training\s+ground|range)")
# A place name followed by a facility noun is the facility: "Knevichi airfield".
_FACILITY_AFTER = re.compile(rf"[ \u00a0]+{_FACILITY_NOUN}\b")
_ENDS_WITH_FACILITY = re.compile(rf"\b(?i:{_FACILITY_NOUN})$")
_HARDWARE_END = re.compile(
    r"\b(?i:missiles?|rockets?|bombers?|jets?|aircraft|planes?|warplanes?|drones?|tanks?"
    r"|weapons?|weaponry|helicopters?|launchers?|warheads?)$"
)
_LEAD_TRIM = re.compile(r"^(?:(?:[Tt]he|THE)\s+|[\"“”‘’'«»(\[\-–—:,.;\s])+")
# No "." here: "U.N." and "St." end in one; spaCy splits a sentence's full stop off.
_TAIL_TRIM = re.compile(r"(?:[’']s?|[\"“”‘’'«»)\]\-–—:,;!?\s])+$")
_INNER_POSS = re.compile(r"[’']s\s+")
_ADJ_SUFFIX = re.compile(r"-(?:language|speaking|based|born|backed|led|made|owned)$")
_HYPHEN_PLACE = re.compile(r"-(?:on|upon|na|sur|am|an|en|de|la|le|del|di)-[A-Z][\w]+")
_DATELINE = re.compile(r"[ \t]*(?:[:—–]|-\s|\(|,\s)")
# Cues that the next name is a place: "near X", "km from X", "northeast of X".
_PLACE_PREP = re.compile(r"\b(?:in|near|outside|around|towards?|via|at)\s+$")
_PLACE_OF = re.compile(
    r"(?:\b(?:km|kms|kilomet(?:re|er)s?|miles?|north|south|east|west|northeast|northwest"
    r"|southeast|southwest|northern|southern|eastern|western|city|town|port|region"
    r"|province|capital|outskirts|village|suburbs?|travel+ed|flew|fly|flying|arrived?"
    r"|returned|headed|went|trip|journey)|\))\s+(?:from|to|of)\s+$",
    re.IGNORECASE,
)
_REGION_AFTER = re.compile(
    r"[’']s\s+[A-Z][\w\-]*\s+(?:region|province|oblast|krai|territory|district|county|state)\b"
)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip a leading "the", quotes/punctuation, a trailing possessive."""
    while True:
        piece = text[s:e]
        m = _LEAD_TRIM.match(piece)
        if m and m.end():
            s += m.end()
            continue
        m = _TAIL_TRIM.search(piece)
        if m and m.start() < len(piece) and m.start() > 0:
            e = s + m.start()
            continue
        return s, e


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Title-case lines without a final full stop: headings, where every word
    is capitalised and spaCy joins names with the words after them."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        words = re.findall(r"[A-Za-z][\w’'\-]*", m.group())
        if len(words) < 3 or m.group().rstrip().endswith((".", "?", "!", "”", '"')):
            continue
        caps = sum(w[0].isupper() for w in words if len(w) > 3)
        long_words = sum(len(w) > 3 for w in words)
        if long_words and caps / long_words >= 0.8:
            out.append(m.span())
    return out


# "By Olga Vetrova, Amur Courier": after the writer's name comes the outlet.
# Both parts are capitalised words only, the line ends there: "By Friday, the
# water fell." is no byline.
_CAP_WORD = r"[A-Z][\w&’'.\-]*"
_BYLINE = re.compile(
    rf"^[ \t]*By[ \t]+{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,3}},[ \t]*"
    rf"(?P<outlet>{_CAP_WORD}(?:[ \t]+(?:{_CAP_WORD}|of|the|and)){{0,5}})[ \t]*$",
    re.MULTILINE,
)


def _byline_outlets(text: str) -> list[tuple[int, int]]:
    return [m.span("outlet") for m in _BYLINE.finditer(text[:2000])]


def _in_any(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def spacy_candidates(doc: Doc) -> list[Cand]:
    text = doc.text
    raw: list[Cand] = []
    for ent in doc.ents:
        label = ent.label_
        if label in NUMBER_LABELS:
            continue
        s, e = ent.start_char, ent.end_char
        nl = text.find("\n", s, e)
        if nl != -1:
            e = nl  # an entity never runs across a line ("Stance:\n\n")
        m = _INNER_POSS.search(text, s, e)
        if m is not None:
            # "Kim’s Arrival", "St. Petersburg’s Mariinsky Theatre": the owner keeps
            # the label; the owned part survives only as a facility.
            ts, te = _trim(text, m.end(), e)
            if te > ts and _ENDS_WITH_FACILITY.search(text[ts:te]):
                raw.append(Cand(ts, te, "FAC", "FACILITY"))
            e = m.start()
        s, e = _trim(text, s, e)
        if e <= s:
            continue
        piece = text[s:e]
        if not any(c.isupper() for c in piece):
            continue  # "hypersonic missiles" as PERSON
        if label == "NORP":
            am = _ADJ_SUFFIX.search(piece)
            if am:
                e = s + am.start()
        if roles.is_title_only(text[s:e]):
            continue  # "Defence" as ORG: a title word, not an organisation
        raw.append(Cand(s, e, label, TYPE_OF_LABEL.get(label, "OTHER")))
    return _fix(doc, cue_names(doc, raw))


# Nouns that type the proper name written just before them, where the small
# model often tags nothing: "Russia's Interfax news agency", "the Primorsky region".
_ORG_CUES = frozenset({"agency", "newspaper", "broadcaster", "newswire"})
_REGION_CUES = frozenset(
    {"region", "province", "oblast", "krai", "district", "prefecture", "governorate", "county"}
)


def cue_names(doc: Doc, known: list[Cand]) -> list[Cand]:
    """``known`` plus proper names typed by the noun after them.

    An organisation's span is the name alone ("Interfax"); a region's keeps its
    noun ("Primorsky region"), since the name is often an adjective form.  A
    name spaCy already found keeps its span and label, except before a region
    noun, where it becomes that region ("the Buldan district", not a NORP).
    """
    cands = list(known)
    text = doc.text
    for tok in doc:
        cue = tok.lower_
        if cue not in _ORG_CUES and cue not in _REGION_CUES:
            continue
        i = tok.i - 1
        if cue == "agency" and i >= 0 and doc[i].lower_ in ("news", "press"):
            i -= 1
        last = i
        while i >= 0 and doc[i].tag_ in ("NNP", "NNPS") and doc[i].text[:1].isupper():
            i -= 1
        if i == last:
            continue
        name_start, name_end = doc[i + 1].idx, doc[last].idx + len(doc[last])
        name = text[name_start:name_end]
        if "\n" in name or roles.is_title_only(name):
            continue
        if cue in _ORG_CUES:
            new = Cand(name_start, name_end, "ORG", "ORG")
        else:
            new = Cand(name_start, tok.idx + len(tok), "GPE", "PLACE")
        clashes = [c for c in cands if c.start < new.end and new.start < c.end]
        if not clashes:
            cands.append(new)
        elif cue in _REGION_CUES and all(
            name_start <= c.start and c.end <= name_end and c.type != "PERSON" for c in clashes
        ):
            cands = [c for c in cands if c not in clashes] + [new]
    return sorted(cands, key=lambda c: c.start)


def _fix(doc: Doc, cands: list[Cand]) -> list[Cand]:
    text = doc.text
    heads = _headline_lines(text)
    body_person = Counter(text[c.start:c.end] for c in cands
                          if c.label == "PERSON" and not _in_any(heads, c.start))
    place_count = Counter(text[c.start:c.end] for c in cands if c.label in ("GPE", "LOC"))
    # Single words that are part of a longer person name in this article.
    name_parts = {w for n in body_person if " " in n for w in n.split()}
    outlets = _byline_outlets(text)
    out: list[Cand] = []
    for c in cands:
        piece = text[c.start:c.end]
        after = text[c.end : c.end + 40]
        if c.label in ("PERSON", "GPE", "LOC", "NORP", "FAC") and any(
            a <= c.start and c.end <= b for a, b in outlets
        ):
            c = replace(c, label="ORG", type="ORG")  # the outlet of a byline
            out.append(c)
            continue
        if c.label == "PERSON":
            fixed = _person_fix(text, c, heads, body_person, place_count, name_parts)
            if fixed is None:
                continue
            c = fixed
            piece = text[c.start:c.end]
        if c.label in ("PERSON", "ORG") and _HARDWARE_END.search(piece):
            continue  # "Hypersonic Missiles" in a heading
        if c.label in ("ORG", "PERSON", "GPE") and piece.isupper() and (
            c.start == 0 or text[c.start - 1] == "\n"
        ) and _DATELINE.match(after):
            c = replace(c, label="GPE", type="PLACE")  # dateline "MOSCOW: …"
        if c.label == "GPE":
            hm = _HYPHEN_PLACE.match(text, c.end)
            if hm:
                c = replace(c, end=hm.end())  # "Komsomolsk-on-Amur"
        if c.type != "GROUP":
            fm = _FACILITY_AFTER.match(text, c.end)
            if fm and c.label in ("GPE", "LOC", "PERSON", "FAC", "ORG") and " " not in piece:
                c = Cand(c.start, fm.end(), "FAC", "FACILITY")
            elif c.label in ("ORG", "GPE", "PERSON") and _ENDS_WITH_FACILITY.search(piece):
                c = replace(c, label="FAC", type="FACILITY")  # "Vostochny Cosmodrome"
        out.append(c)
    return out


_LOWER_WORD = re.compile(r"(?<![\w’'])[a-z][a-z\-]+")


def _lower_words(text: str) -> frozenset[str]:
    return frozenset(_LOWER_WORD.findall(text))


def _is_common(word: str, body: frozenset[str]) -> bool:
    """A headline word the article also writes in lower case, itself or its
    stem with a plain inflection ("Checks" beside "checked"): not a name part."""
    w = word.strip("’'\".,:;!?").lower()
    if not w.isalpha():
        return False
    stems = {w}
    for suffix in ("s", "es", "ed", "ing"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stems.add(w[: -len(suffix)])
    forms = {st + end for st in stems for end in ("", "s", "es", "ed", "ing", "d")}
    return bool(forms & body)


def _person_fix(text: str, c: Cand, heads: list[tuple[int, int]], body_person: Counter[str],
                place_count: Counter[str], name_parts: set[str]) -> Cand | None:
    piece = text[c.start:c.end]
    if _in_any(heads, c.start) and " " in piece and piece not in body_person:
        # Heading "Russia Shows N Korea’s Kim Advanced Weaponry": keep the longest
        # prefix the article's body knows as a person.
        words = piece.split()
        for n in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:n])
            if prefix in body_person:
                return replace(c, end=c.start + len(prefix))
        # "Lindsay Lohan Checks Into Rehab": the name ends before the first
        # word the article writes in lower case elsewhere ("checked into").
        body = _lower_words(text)
        n = 0
        while n < len(words) and not _is_common(words[n], body):
            n += 1
        if 0 < n < len(words):
            return replace(c, end=c.start + len(" ".join(words[:n])))
        return c
    single = " " not in piece
    if place_count[piece] and place_count[piece] >= body_person[piece]:
        return replace(c, label="GPE", type="PLACE")  # the article calls it a place
    if single and piece not in name_parts:
        left = text[max(0, c.start - 40) : c.start]
        if (_PLACE_PREP.search(left) or _PLACE_OF.search(left)
                or _REGION_AFTER.match(text, c.end)):
            return replace(c, label="GPE", type="PLACE")
    return c
