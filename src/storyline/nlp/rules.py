"""Equipment and vessels: names the small spaCy model has no notion of.

All rules are compiled regexes over the article text (built once at import),
checked against spaCy's entities only where a cue is ambiguous.  They yield
``RuleSpan``s; rule spans win over overlapping spaCy entities (mentions.py).

Covered:
* designations: letters + hyphen + digits + optional suffix ("Tu-160", "Su-57",
  "MiG-31I", "Tu-22M3", "S-400", "Kh-47M2"); the spaced form ("Tu 22M3") only
  when it has a letter suffix, is followed by a hardware noun, or the same
  prefix is written with a hyphen elsewhere in the article;
* all-capital acronyms before a hardware noun ("HIMARS launchers");
* names apposed to a hardware noun: "the Kinzhal missile", "“Kinzhal”
  hypersonic missiles", "hypersonic missile, the Kinzhal,", "a missile called
  Sarmat"; then every other whole-word occurrence of such a name in the article;
* vessels after a ship noun: "frigate Marshal Shaposhnikov", "the cruiser
  “Moskva”", "aircraft carrier Admiral Kuznetsov", "the ferry Nordic Star" (the
  name only, label VESSEL).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from storyline.nlp.spans import first_of_overlaps


@dataclass(frozen=True)
class RuleSpan:
    start: int
    end: int
    label: str  # EQUIPMENT | VESSEL


# Nouns that say "this is hardware".  Singular forms; plurals by regex below.
_HARDWARE = (
    "missile", "rocket", "bomber", "fighter", "fighter jet", "jet", "aircraft", "airplane",
    "plane", "warplane", "helicopter", "drone", "tank", "interceptor", "launcher",
    "howitzer", "torpedo", "warhead", "satellite", "vehicle", "air defence system",
    "air defense system", "system", "artillery", "munition", "gun", "rifle", "radar",
    "glide vehicle", "cruise missile", "ballistic missile", "submarine", "gunship",
)
_HW_NOUN = (r"(?:" + "|".join(sorted(_HARDWARE, key=len, reverse=True))
            + r")(?:s|es)?\b")
# Words allowed between a name and its hardware noun ("Kinzhal hypersonic missiles").
_HW_ADJ = (
    r"(?:hypersonic|supersonic|subsonic|ballistic|cruise|strategic|tactical|nuclear"
    r"|nuclear-capable|conventional|anti-ship|anti-aircraft|anti-tank|air-launched"
    r"|ground-launched|sea-launched|air-to-air|air-to-surface|surface-to-air"
    r"|long-range|short-range|medium-range|intermediate-range|intercontinental"
    r"|multirole|multi-role|stealth|heavy|light|attack|combat|reconnaissance|unmanned"
    r"|fighter|interceptor|strike|main battle|rocket|guided|self-propelled|air defen[cs]e"
    r"|amphibious|transport|patrol|firefighting|military)"
)
_ADJS = rf"(?:{_HW_ADJ}\s+){{0,3}}"

# A designation: 1-3 letters (first upper) or an all-caps prefix of up to 4,
# hyphen, 1-4 digits, optional upper-case/digit suffix; plural "s" stays outside.
# Not inside a longer hyphenated word ("SARS-CoV-2").
_DESIGNATION = re.compile(
    r"(?<![\w\-])(?P<prefix>[A-Z][A-Za-z]{0,2}|[A-Z]{4})-(?P<num>\d{1,4})"
    r"(?P<suffix>[A-Z0-9]{0,4})(?=s?\b)(?!-\w)"
)
_SPACED = re.compile(
    r"(?<![\w\-])(?P<prefix>[A-Z][A-Za-z]{0,2}) (?P<num>\d{1,4})(?P<suffix>[A-Z][A-Z0-9]{0,3})?"
    r"(?=s?\b)(?![.,]\d)"
)
# A compact model code: a capital or two run into digits with a hyphenated
# variant ("A330-200F", "B737-800"), or digits with a capital suffix after a
# capitalised maker word ("Boeing 777F").  Without the variant, the code counts
# only before a hardware noun ("four A330 freighters").
_COMPACT = re.compile(
    r"(?<![\w\-])(?P<code>[A-Z]{1,2}\d{2,4})(?P<variant>-\d{1,4}[A-Z]{0,3})?(?=s?\b)(?!-\w)"
)
# Transport hardware a model code names ("A330 freighters"), beside _HARDWARE.
_CODE_NOUN_AFTER = re.compile(
    r"s?\s+(?:freighter|airliner|airframe|engine|locomotive|ship|ferry)s?\b", re.IGNORECASE)
_MAKER_CODE = re.compile(
    r"(?<![\w\-])[A-Z][a-z]{2,} (?P<code>\d{3}[A-Z]{1,2})(?=s?\b)(?!-\w)"
)
_HW_AFTER = re.compile(rf"s?\s+{_ADJS}{_HW_NOUN}", re.IGNORECASE)
# After a designation, these say "not hardware": "G-20 summit", "H-1B visa".
_NOT_HW_AFTER = re.compile(
    r"s?\s+(?:summit|meeting|nations|countries|leaders|group|talks|visa|highway|road"
    r"|motorway|flight|bus|virus|variant|vaccine|form|case|cases)\b",
    re.IGNORECASE,
)
# Capitalised words that start a spaced number without being a designation.
_SPACED_STOP = frozenset({
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "No", "Nr", "At", "On", "In", "Of", "By", "To", "Up", "As", "Mr", "Ms", "Dr",
    "St", "Vol", "Top", "Day", "Age", "Act", "Art", "Ch", "Fig", "Pt", "Rs", "Sec", "Ltd",
    "Per", "Mach", "Map", "Row", "Gen", "Lt", "Col", "Maj", "Adm", "Sgt", "Cpl", "Pvt",
    "Oil", "Gas", "Car", "Law", "Bay", "Way", "Key",
})

_ACRONYM = re.compile(rf"(?<![\w\-])(?P<name>[A-Z]{{3,8}})(?P<rest>s?\s+{_ADJS}{_HW_NOUN})")
# An acronym that also acts as an organisation in the same article is one.
_ORG_CUE = (r"(?:’s|'s|\s+(?:said|says|has|have|had|is|was|will|would|members?|allies"
            r"|ally|summit|countries|states|chief|spokes\w+|officials?|forces|troops"
            r"|headquarters|secretary))\b")

_NAME = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
_OPEN_Q = r"[“\"‘']?"
_CLOSE_Q = r"[”\"’']?"
# "the Kinzhal missile", "“Kinzhal” hypersonic missiles", "Kinzhal missiles".
_NAME_BEFORE = re.compile(
    rf"(?P<det>\b(?:the|a|an|its|their|his|her)\s+{_ADJS})?(?P<oq>{_OPEN_Q})"
    rf"(?P<name>{_NAME})(?P<cq>{_CLOSE_Q}),?\s+{_ADJS}{_HW_NOUN}"
)
# "missile, the Kinzhal,", "missile called “Sarmat”". The name keeps its capital even
# though the cue words match in any case: "aircraft, including a C-130" names nothing.
_NAME_AFTER = re.compile(
    rf"{_HW_NOUN}(?:\s*,\s*|\s+(?:called|named|dubbed|known as)\s+)(?:the\s+)?"
    rf"(?P<oq>{_OPEN_Q})(?P<name>(?-i:{_NAME}))(?P<cq>{_CLOSE_Q})"
    r"(?=\s*[,.;:)\u2014\u2013]|\s+(?:which|that|an?|is|was)\b)",
    re.IGNORECASE,
)

_SHIP = (r"(?:aircraft carrier|helicopter carrier|carrier|frigate|cruiser|destroyer|corvette"
         r"|submarine|warship|battleship|flagship|icebreaker|landing ship|patrol ship"
         r"|patrol boat|tanker|vessel|ship|yacht|minesweeper|ferry|freighter|trawler"
         r"|liner|tugboat|barge)")
_VESSEL_WORD = r"[A-Z][\w’'\-]*"
# Spaces, never a line break: a heading ending in "frigate" is not followed by a name.
_VESSEL = re.compile(
    rf"\b(?i:{_SHIP})[ \u00a0]+(?P<oq>[“\"‘]?)"
    rf"(?P<name>{_VESSEL_WORD}(?:[ \u00a0]+{_VESSEL_WORD}){{0,3}})"
)
_WEEKDAYS_MONTHS = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|The|This|That"
    r"|It|He|She|They|In|On|At|And|But|Last|Next)$"
)
# Entity labels a hardware name cannot also be.
_NOT_NAME_LABELS = frozenset({"NORP", "GPE", "LOC", "DATE", "TIME"})


def _ent_labels(doc: Doc) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def _label_over(ents: Sequence[tuple[int, int, str]], start: int, end: int) -> set[str]:
    return {lab for s, e, lab in ents if s < end and start < e}


def designations(text: str) -> list[RuleSpan]:
    out: list[RuleSpan] = []
    hyphen_prefixes: set[str] = set()
    for m in _DESIGNATION.finditer(text):
        prefix = m.group("prefix")
        after = text[m.end() : m.end() + 40]
        if _NOT_HW_AFTER.match(after):
            continue
        # "COVID-19"-like: a four-capital prefix only counts before a hardware noun.
        if len(prefix) == 4 and not _HW_AFTER.match(after):
            continue
        hyphen_prefixes.add(prefix)
        out.append(RuleSpan(m.start(), m.end(), "EQUIPMENT"))
    for m in _SPACED.finditer(text):
        prefix = m.group("prefix")
        if prefix in _SPACED_STOP:
            continue
        after = text[m.end() : m.end() + 40]
        if _NOT_HW_AFTER.match(after):
            continue
        if m.group("suffix") or prefix in hyphen_prefixes or _HW_AFTER.match(after):
            out.append(RuleSpan(m.start(), m.end(), "EQUIPMENT"))
    for m in _COMPACT.finditer(text):
        after = text[m.end() : m.end() + 40]
        if _NOT_HW_AFTER.match(after):
            continue
        if m.group("variant") or _HW_AFTER.match(after) or _CODE_NOUN_AFTER.match(after):
            out.append(RuleSpan(m.start(), m.end(), "EQUIPMENT"))
    for m in _MAKER_CODE.finditer(text):
        if not _NOT_HW_AFTER.match(text[m.end() : m.end() + 40]):
            out.append(RuleSpan(m.start("code"), m.end("code"), "EQUIPMENT"))
    return out


def acronyms(text: str) -> list[RuleSpan]:
    out: list[RuleSpan] = []
    for m in _ACRONYM.finditer(text):
        name = m.group("name")
        if re.search(rf"\b{name}{_ORG_CUE}", text):
            continue
        out.append(RuleSpan(m.start("name"), m.end("name"), "EQUIPMENT"))
    return out


def _quoted(m: re.Match[str]) -> bool:
    return bool(m.group("oq")) and bool(m.group("cq"))


def named_hardware(doc: Doc, ents: Sequence[tuple[int, int, str]]) -> list[str]:
    """Names the text itself says are hardware."""
    text = doc.text
    names: list[str] = []
    for m in _NAME_BEFORE.finditer(text):
        s, e = m.span("name")
        labels = _label_over(ents, s, e)
        if labels & _NOT_NAME_LABELS or _WEEKDAYS_MONTHS.match(m.group("name")):
            continue
        # Without a determiner or quotes, "Hamas rockets" is the owner, not a
        # name: only a name spaCy did not take for an organisation or person passes.
        if not (m.group("det") or _quoted(m)) and labels & {"ORG", "PERSON"}:
            continue
        if not (m.group("det") or _quoted(m) or _proper_inside(doc, text, s)):
            continue
        names.append(m.group("name"))
    for m in _NAME_AFTER.finditer(text):
        s, e = m.span("name")
        if _label_over(ents, s, e) & _NOT_NAME_LABELS or _WEEKDAYS_MONTHS.match(m.group("name")):
            continue
        names.append(m.group("name"))
    return names


def _proper_inside(doc: Doc, text: str, start: int) -> bool:
    """A proper noun that does not open a sentence or line (where capitals prove nothing)."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    at_line_start = start == 0 or text[start - 1] == "\n"
    return tok.tag_ in ("NNP", "NNPS") and not tok.is_sent_start and not at_line_start


def vessels(doc: Doc, ents: Sequence[tuple[int, int, str]]) -> list[RuleSpan]:
    text = doc.text
    out: list[RuleSpan] = []
    for m in _VESSEL.finditer(text):
        words = m.group("name").split()
        # Stop at a word that ends a name: a closing quote, comma, possessive.
        name_end = m.start("name")
        kept: list[str] = []
        for w in words:
            if _WEEKDAYS_MONTHS.match(w.strip("’'")):
                break
            clean = re.sub(r"(?:[”\"’']s?|[’']s)$", "", w)
            kept.append(clean)
            name_end = text.index(w, name_end) + len(clean)
            if clean != w:
                break
        if not kept:
            continue
        s = m.start("name")
        if _label_over(ents, s, name_end) & {"NORP", "DATE", "TIME"}:
            continue
        out.append(RuleSpan(s, name_end, "VESSEL"))
    return out


def _occurrences(text: str, name: str, label: str) -> list[RuleSpan]:
    return [RuleSpan(m.start(), m.end(), label)
            for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text)]


def rule_spans(doc: Doc) -> list[RuleSpan]:
    """All rule spans of one document, overlapping ones resolved (longest first)."""
    text = doc.text
    ents = _ent_labels(doc)
    spans = designations(text) + acronyms(text)
    ves = vessels(doc, ents)
    spans += ves
    # A name established once is that thing everywhere in the article:
    # "The “Kinzhal,” meaning dagger, …" after "Kinzhal hypersonic missiles".
    for name in dict.fromkeys(named_hardware(doc, ents)):
        spans += _occurrences(text, name, "EQUIPMENT")
    for name in dict.fromkeys(text[v.start : v.end] for v in ves):
        spans += _occurrences(text, name, "VESSEL")
    return first_of_overlaps(spans)
