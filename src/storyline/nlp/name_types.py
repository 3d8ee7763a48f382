"""Types of names the small spaCy model gets wrong, fixed from the article's own cues.

Runs on one article's candidates after ``mentions._fix``.  Each rule keys on something
general in the text or in the gazetteer, never on a particular name:

* **common words at a sentence start**: a one-word PERSON/ORG that opens a sentence
  or line, that the gazetteer does not know, and that the tagger calls a common noun
  or the article also writes in lower case ("Trains will run …" beside "freight
  trains"; "Freight trains …") is no name and is dropped;
* **datelines run into the sentence**: "ZAGREB - Energy" is cut at the dash to the
  place before it ("ANTOFAGASTA, Chile - A" → "Chile"), or dropped if it is none;
* **place names cut short**: a place followed by capitalised words or a hyphenated
  particle ("Vila" + " Real", "Trás" + "-os-Montes") is extended to the longer name
  when the gazetteer knows it in a country the article names, or when the join is a
  lower-case particle between hyphens;
* **organisations in any language**: a multiword name holding an organisation word
  ("Infraestruturas de Portugal", "Banco de España", "Rostock University") or written
  right after an organisation noun ("the state company X") is an ORG;
* **places the model took for people or organisations**: a name with no person cue
  in the article (no title or role, no "said"/"told", not part of a longer person
  name) is a PLACE when the gazetteer knows it as a city or region of a country the
  article names ("Vigo" beside "Spain"), when it is a state's or first-level region's
  own name of several words ("Tamil Nadu"), or when the text introduces it as one
  ("the village of Lamas de Olo");
* **people the model took for places**: a one-word place that is a word of a person's
  full name in the same article ("Modi" beside "Narendra Modi") is that person, unless
  it is a country, state, region or town of 100,000 people or more;
* **people the model took for organisations**: an ORG/FAC name of capitalised words
  after a title ("AFAD spokesperson Elif Demirci"), or a word of a person's full name
  with a speaking verb ("Kos said" beside "Petra Kos"), is a PERSON; an organisation
  that merely "said" stays one;
* **wire credits and countries**: the name in parentheses after a dateline
  ("MELBOURNE (Northline) -") is the outlet, an ORG; a country the model typed a
  product or event ("a Cyprus-flagged freighter") is a PLACE, and so is a country's
  own name typed ORG ("Mauritius said": countries speak, so no person cue counts),
  unless it is part of a person's full name;
* **facilities named after people**: a PERSON name followed by a facility noun
  ("Porto Campanhã station") is that facility;
* **one name, every occurrence**: a multiword place found once is a place wherever the
  article writes it again; a place in capitals in a dateline ("VILA REAL -") names the
  title-case occurrences the model missed, the dateline itself staying no mention.

Person cues are gathered over the whole article, so one "Ferreira said" keeps every
"Ferreira" a person, although Ferreira is also a Portuguese town.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from storyline.geo.gazetteer import get_gazetteer, normalise
from storyline.nlp import roles
from storyline.nlp.mentions import _FACILITY_NOUN, Cand, _is_common, _lower_words
from storyline.nlp.name_context import retype_by_context
from storyline.nlp.spans import first_of_overlaps

# Lower-case words that join the parts of a place name in Romance, Germanic and other
# languages: "Lamas de Olo", "Serra do Alvão", "Trás-os-Montes", "Castel del Monte".
PARTICLES = frozenset({
    "de", "do", "da", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "los",
    "las", "os", "as", "y", "e", "am", "an", "im", "on", "upon", "sur", "en", "van", "von",
})
_PARTICLE = "|".join(sorted(PARTICLES, key=len, reverse=True))
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*"
_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]+"
# Up to two more name words after a place, with at most one particle in between.
_CONTINUATION = re.compile(rf"(?:[ \u00a0]+(?:(?:{_PARTICLE})[ \u00a0]+)?{_NAME_WORD}){{1,2}}")
_HYPHEN_PARTICLE = re.compile(rf"-(?:{_PARTICLE})-{_NAME_WORD}")

# Organisation words of English news, matched as whole words (a plural "s" aside) ...
_ORG_WORDS = frozenset({
    "company", "corporation", "fund", "association", "federation", "authority",
    "commission", "council", "railway", "airline", "airways", "holding", "group", "party",
    "ministry", "department", "service", "police", "foundation", "network", "institute",
    "university", "agency", "ag", "sa",
    "ltd", "inc", "plc", "llc", "lda", "gmbh", "s.a.", "bureau", "office", "committee",
})
# ... and stems of those of other European languages (Portuguese, Spanish, French,
# Italian, German), matched at a word's start: "Infraestruturas de Portugal".
_ORG_STEMS = (
    "infraestru", "infrastru", "universi", "ministér", "ministerio", "ministero",
    "institu", "agênc", "agenc", "compañ", "companh", "compagn", "corporac", "asociac",
    "associaç", "federac", "federaç", "autorid", "comisi", "comiss", "conselh", "consej",
    "conseil", "caminhos", "ferrocarr", "ferrovi", "comboio", "aeroporto", "aeropuerto",
    "fundaç", "fundaci", "tribunal", "polícia", "policía", "polizei", "gesellschaft",
    "bundes", "verband", "stiftung", "grupo", "gruppo", "partido", "partito", "servicio",
    "serviço", "departament", "banco", "banque", "sociedad", "sociedade", "société",
    "empresa", "entreprise", "unternehmen",
)
# Nouns that introduce an organisation's name: "the state infrastructure company X".
_ORG_BEFORE = re.compile(
    r"\b(?i:company|firm|operator|agency|authority|group|carrier|airline|regulator"
    r"|broadcaster|newspaper|bank|insurer|manufacturer|maker|utility)[ \u00a0]+$"
)
# Nouns that introduce a place's name: "the village of X", "the town of X".
_PLACE_NOUN_OF = re.compile(
    r"\b(?i:village|town|city|hamlet|municipality|parish|district|region|province"
    r"|county|island|valley|port|suburb|commune)[ \u00a0]+of[ \u00a0]+$"
)
# Verbs of speaking and acting that only people do in news prose, after the name (an
# appositive may stand between: "Matos, the engineer, said") or before it ("said X").
_PERSON_VERB = (r"(?:said|says|told|tells|added|adds|asked|explained|noted|stated|warned"
                r"|wrote|argued|insisted|recalled|described|admitted|denied"
                r"|replied|urged|rode|travelled|traveled|smiled|laughed|died|was\s+born)")
_VERB_AFTER = re.compile(
    rf"^(?:[’']s\s+(?:wife|husband|son|daughter|mother|father|family)\b"
    rf"|(?:,[ \u00a0]+(?:the|a|an|his|her|their|its)\b[^.\n]{{1,80}},)?"
    rf"[ \u00a0]+(?:(?:has|had|have|also|later|then|once)[ \u00a0]+)?"
    rf"{_PERSON_VERB}\b|,[ \u00a0]+(?:who|aged)\b|,[ \u00a0]+\d{{1,3}},)"
)
_VERB_BEFORE = re.compile(rf"\b(?:{_PERSON_VERB})[ \u00a0]+$")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lady|Lord|Sen|Rep)\.?[ \u00a0]+$")
_FACILITY_AFTER = re.compile(rf"[ \u00a0]+(?i:{_FACILITY_NOUN})\b")
# Gazetteer features that a name typed PERSON or ORG may really be.
_PLACE_FEATURES = frozenset({"city", "region"})
_SENT_PUNCT = re.compile(r"[.!?:”\"’)\]]\s*$")


def retype_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """``cands`` with the fixes above; the list stays sorted by start."""
    text = doc.text
    countries = _countries(text, cands)
    lower = _lower_words(text)
    cued = _person_cued(doc, cands)
    out: list[Cand] = []
    for c in cands:
        if text[c.start:c.end] not in cued and _common_word_at_start(doc, c, lower):
            continue
        cut = _cut_dateline(text, c)
        if cut is not None:
            out.append(_extend_place(text, cut, countries))
    out = first_of_overlaps(out)
    person_parts = {w for c in out if c.label == "PERSON"
                    for w in text[c.start:c.end].split() if " " in text[c.start:c.end]}
    sent_starts = [s.start_char for s in doc.sents]
    fixed: list[Cand] = []
    for c in out:
        piece = text[c.start:c.end]
        if _wire_credit(text, c):
            c = replace(c, label="ORG", type="ORG")
        elif c.type == "OTHER" and _is_country(piece):
            c = replace(c, label="GPE", type="PLACE")  # "a Cyprus-flagged freighter"
        elif (c.label in ("GPE", "LOC") and piece in person_parts
              and not _major_place(piece)):
            # "Modi" beside "Narendra Modi", "Yulia" beside "Yulia Skripal": the model
            # took a word of a person's full name, written alone, for a namesake town.
            c = replace(c, label="PERSON", type="PERSON")
        elif c.label == "ORG" and _is_country(piece) and piece not in person_parts:
            # "Mauritius said …": a government speaks, so no person cue applies.
            c = replace(c, label="GPE", type="PLACE")
        elif c.label in ("ORG", "FAC") and _person_typed_org(text, c, sent_starts, cued,
                                                           person_parts):
            c = replace(c, label="PERSON", type="PERSON")
        elif c.label in ("PERSON", "GPE", "LOC", "ORG") and _is_org_name(text, c):
            c = replace(c, label="ORG", type="ORG")
        elif c.label in ("PERSON", "ORG") and piece not in cued and piece not in person_parts:
            if (_introduced_as_place(text, c) or _gazetteer_place(piece, countries)
                    or _first_level_region(piece)):
                c = replace(c, label="GPE", type="PLACE")
            elif c.label == "PERSON":
                fm = _FACILITY_AFTER.match(text, c.end)
                if fm:
                    c = Cand(c.start, fm.end(), "FAC", "FACILITY")
        fixed.append(c)
    fixed = retype_by_context(text, fixed)
    return _every_occurrence(text, fixed, _dateline_places(text, fixed))


# "VILA REAL - The first trains …": a place in capitals opening a line.  The dateline
# itself stays no mention (claims would take it for the subject of its sentence); it
# only names a place whose title-case occurrences the model missed.
_DATELINE = re.compile(rf"^(?P<name>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,3}})[ \t]*(?:[-–—:]|,[ \t])",
                       re.MULTILINE)


def _dateline_places(text: str, cands: list[Cand]) -> set[str]:
    out = set()
    for m in _DATELINE.finditer(text, 0, min(len(text), 3000)):
        s, e = m.span("name")
        if any(c.start < e and s < c.end for c in cands):
            continue
        if " " in m.group("name") and _place_countries(m.group("name")):
            out.add(_title(m.group("name")))
    return out


# "ZAGREB - Energy ministers …", "ANTOFAGASTA, Chile - A magnitude …": the model runs a
# dateline's place into the first word of the sentence after the dash.
_SPACED_DASH = re.compile(r"[ \t]+[-–—][ \t]+")


def _cut_dateline(text: str, c: Cand) -> Cand | None:
    """A candidate across a dateline's dash: the place before it, else nothing."""
    m = _SPACED_DASH.search(text, c.start, c.end)
    if m is None:
        return c
    left = text[c.start:m.start()]
    if not _place_countries(left):
        return None
    return Cand(c.start, m.start(), "GPE", "PLACE")


# "MELBOURNE (Northline) - A bushfire …": the wire service credited after a dateline.
_DATELINE_HEAD = re.compile(
    rf"^{_CAPS_WORD}(?:[ ,]+[A-ZÀ-ÖØ-Þ][\w'’\-]*){{0,4}}[ \t]*\($")
_AFTER_CREDIT = re.compile(r"\)[ \t]*[-–—:]")


def _wire_credit(text: str, c: Cand) -> bool:
    line_start = text.rfind("\n", 0, c.start) + 1
    return bool(_DATELINE_HEAD.match(text[line_start:c.start])
                and _AFTER_CREDIT.match(text, c.end))


def _is_country(name: str) -> bool:
    return any(c.primary and c.place.feature == "country"
               for c in get_gazetteer().lookup(name))


def _person_typed_org(text: str, c: Cand, sent_starts: list[int], cued: frozenset[str],
                      person_parts: set[str]) -> bool:
    """"AFAD spokesperson Elif Demirci" or "Kos said" (beside "Petra Kos") tagged ORG:
    a title before a name of capitalised words, or a speaking verb after a word of a
    person's full name in the article, makes a person."""
    piece = text[c.start:c.end]
    words = piece.split()
    if not all(w[:1].isupper() for w in words) or _is_org_name(text, c):
        return False
    if " " not in piece:
        return piece in person_parts and piece in cued
    if len(words) > 3:
        return False
    sent_start = max((s for s in sent_starts if s <= c.start), default=0)
    return roles.role_before(text, c.start, sent_start) is not None or all(
        w in person_parts for w in words)


def _countries(text: str, cands: list[Cand]) -> frozenset[str]:
    """Codes of the countries the article names (a candidate of any label)."""
    gaz = get_gazetteer()
    codes = set()
    for c in cands:
        for cand in gaz.lookup(text[c.start:c.end]):
            if cand.primary and cand.place.feature == "country" and cand.place.country_code:
                codes.add(cand.place.country_code)
    return frozenset(codes)


def _is_sentence_start(doc: Doc, c: Cand) -> bool:
    text = doc.text
    line_start = text.rfind("\n", 0, c.start) + 1
    if not text[line_start:c.start].strip():
        return True
    if _SENT_PUNCT.search(text[max(0, c.start - 4):c.start]):
        return True
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    return span is not None and bool(span[0].is_sent_start)


def _common_word_at_start(doc: Doc, c: Cand, lower: frozenset[str]) -> bool:
    """"Trains will run …": a capitalised common word opening a sentence."""
    piece = doc.text[c.start:c.end]
    if c.label not in ("PERSON", "ORG") or " " in piece or not piece.isalpha():
        return False
    if piece.isupper() or not _is_sentence_start(doc, c):
        return False
    if get_gazetteer().lookup(piece):
        return False
    # The tagger's own word class, or the article writing the word in lower case.
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    tagged_common = span is not None and len(span) == 1 and span[0].tag_ in ("NN", "NNS")
    return tagged_common or _is_common(piece, lower)


def _extend_place(text: str, c: Cand, countries: frozenset[str]) -> Cand:
    """"Vila" → "Vila Real", "Trás" → "Trás-os-Montes"."""
    if c.label not in ("GPE", "LOC", "PERSON", "ORG"):
        return c
    if c.label in ("GPE", "LOC"):
        hm = _HYPHEN_PARTICLE.match(text, c.end)
        if hm:
            return replace(c, end=hm.end(), label="GPE" if c.label == "GPE" else "LOC")
    m = _CONTINUATION.match(text, c.end)
    if m is None:
        return c
    words = re.findall(r"\S+", m.group())
    for n in range(len(words), 0, -1):
        tail = " ".join(words[:n])
        if tail.split()[-1] in PARTICLES:
            continue
        end = text.index(words[n - 1], c.end) + len(words[n - 1])
        longer = text[c.start:end]
        if "\n" in longer:
            continue
        if _gazetteer_place(longer, countries):
            return Cand(c.start, end, "GPE", "PLACE")
    return c


def _is_org_name(text: str, c: Cand) -> bool:
    piece = text[c.start:c.end]
    words = piece.split()
    if len(words) < 2:
        return bool(_ORG_BEFORE.search(text[max(0, c.start - 40):c.start])) and (
            c.label != "PERSON")
    if _ORG_BEFORE.search(text[max(0, c.start - 40):c.start]):
        return True
    if roles.leading_role(piece):
        return False  # "Transport Minister Ana Ferreira": a title, then a person
    for w in words:
        lw = w.lower().strip(".,’'")
        if lw in _ORG_WORDS or (lw.endswith("s") and lw[:-1] in _ORG_WORDS):
            return True
        if lw.startswith(_ORG_STEMS):
            return True
    return False


def _person_cued(doc: Doc, cands: list[Cand]) -> frozenset[str]:
    """Names that the article shows as a person somewhere: a title or role, an
    honorific, a verb of speaking, ", who", a family noun after the possessive."""
    text = doc.text
    sent_starts = [s.start_char for s in doc.sents]
    out = set()
    for c in cands:
        piece = text[c.start:c.end]
        left = text[max(0, c.start - 60):c.start]
        sent_start = max((s for s in sent_starts if s <= c.start), default=0)
        if (roles.leading_role(piece) or roles.role_before(text, c.start, sent_start)
                or roles.role_after(text, c.end) or _HONORIFIC.search(left)
                or _VERB_BEFORE.search(left) or _VERB_AFTER.match(text[c.end:c.end + 100])):
            out.add(piece)
    return frozenset(out)


def _introduced_as_place(text: str, c: Cand) -> bool:
    return bool(_PLACE_NOUN_OF.search(text[max(0, c.start - 40):c.start]))


def _gazetteer_place(name: str, countries: frozenset[str]) -> bool:
    """The gazetteer has a city or region of this name in one of ``countries``."""
    if not countries or not name[:1].isupper():
        return False
    return any(code in countries for code in _place_countries(name))


# A town this large is meant as the place even beside a person who bears its name
# ("Jordan" beside "Michael Jordan" may be either; "Salah" beside "Mohamed Salah" is not).
_MAJOR_TOWN = 100_000


@lru_cache(maxsize=4096)
def _major_place(name: str) -> bool:
    """A country, state, first-level region or large town of this main name."""
    return any(c.primary and (c.place.feature in ("country", "state", "region", "continent",
                                                   "area")
                              or (c.place.feature == "city"
                                  and c.place.population >= _MAJOR_TOWN))
               for c in get_gazetteer().lookup(name))


@lru_cache(maxsize=4096)
def _first_level_region(name: str) -> bool:
    """A name of several words that is a state's or first-level region's own name
    ("Tamil Nadu", "New South Wales"): no person or firm is called that, so it needs no
    country named beside it."""
    return " " in name.strip() and any(
        c.primary and c.place.feature in ("state", "region")
        and normalise(c.place.name) == normalise(name)
        for c in get_gazetteer().lookup(name))


@lru_cache(maxsize=4096)
def _place_countries(name: str) -> frozenset[str]:
    return frozenset(
        c.place.country_code for c in get_gazetteer().lookup(name)
        if c.primary and c.place.feature in _PLACE_FEATURES
    )


def _every_occurrence(text: str, cands: list[Cand], more: set[str]) -> list[Cand]:
    """Multiword places (those of ``cands`` and ``more``) also where the model missed
    them, in title case or in the article's own case."""
    names = more | {text[c.start:c.end] for c in cands
                    if c.type == "PLACE" and " " in text[c.start:c.end].strip()}
    if not names:
        return cands
    taken = [(c.start, c.end) for c in cands]
    extra: list[Cand] = []
    for name in sorted(names):
        for form in {name, _title(name)}:
            pat = re.compile(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])")
            for m in pat.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append(m.span())
                extra.append(Cand(m.start(), m.end(), "GPE", "PLACE"))
    return sorted(cands + extra, key=lambda c: c.start)


def _title(name: str) -> str:
    """"VILA REAL" → "Vila Real"; particles stay lower case ("LAMAS DE OLO")."""
    return " ".join(w.lower() if w.lower() in PARTICLES else w.capitalize()
                    for w in name.split(" "))
