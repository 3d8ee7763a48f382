"""What kind of hardware an EQUIPMENT entity is, from the words beside its mentions.

A reader of "Tu-160, Kinzhal, Marshal Shaposhnikov" needs to be told which is an
aircraft, a missile or a ship; the articles usually say so right next to the
name.  Each mention is read for one piece of evidence:

* the hardware noun it modifies: "Tu-160 strategic bombers", "the Kinzhal
  hypersonic missile", "MiG-31I supersonic interceptor aircraft"; the noun
  heading the run of modifiers counts, so "rocket launcher" is no rocket;
* else the noun it is apposed to or listed under: "frigate “Marshal
  Shaposhnikov”", "hypersonic missile, the Kinzhal", "strategic bombers,
  including the Tu-160, Tu-95, and Tu-22M3", "a missile called Sarmat";
* else the VESSEL label the ship-name rule (nlp/rules.py) gave it, which was
  itself read off a ship noun before the name.

An entity's kind is the majority over its mentions that carry evidence; a tie
or no evidence at all leaves it ``None``.  Names are never looked up: "Tu-160"
alone says nothing, so an article that never calls it a bomber leaves it unkinded.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from storyline.analyse.entities import EntityResolution
from storyline.model import AnnotatedArticle, Entity

# Hardware nouns and the kind each says; None: hardware, but none of the kinds
# (a launcher, a radar).  Multi-word nouns win over their last word by length.
_NOUN_KIND: dict[str, str | None] = {
    **dict.fromkeys(
        ("aircraft", "airplane", "aeroplane", "plane", "warplane", "jet", "fighter",
         "fighter jet", "jet fighter", "bomber", "interceptor", "helicopter", "gunship",
         "airliner", "drone", "airship", "seaplane", "air tanker", "water bomber",
         "airlifter", "freighter aircraft", "transport plane", "cargo plane"),
        "aircraft",
    ),
    **dict.fromkeys(
        ("missile", "rocket", "torpedo", "warhead", "glide vehicle", "icbm"), "missile"
    ),
    **dict.fromkeys(
        ("aircraft carrier", "helicopter carrier", "carrier", "frigate", "cruiser",
         "destroyer", "corvette", "submarine", "warship", "battleship", "flagship",
         "icebreaker", "landing ship", "patrol ship", "patrol boat", "boat", "tanker",
         "vessel", "ship", "yacht", "minesweeper", "ferry", "freighter", "trawler",
         "liner", "tugboat", "barge", "cargo ship", "container ship"),
        "vessel",
    ),
    **dict.fromkeys(
        ("spacecraft", "satellite", "space station", "space probe", "probe", "capsule",
         "lander", "launch vehicle", "carrier rocket", "space rocket"),
        "spacecraft",
    ),
    **dict.fromkeys(
        ("tank", "vehicle", "armoured vehicle", "armored vehicle", "fighting vehicle",
         "personnel carrier", "truck"),
        "vehicle",
    ),
    **dict.fromkeys(
        ("launcher", "howitzer", "system", "air defence system", "air defense system",
         "artillery", "munition", "gun", "rifle", "radar", "weapon", "engine"),
        None,
    ),
}
_NOUN = "|".join(re.escape(n) for n in sorted(_NOUN_KIND, key=len, reverse=True))
_NOUN_PLURAL = rf"(?:{_NOUN})(?:s|es)?"
# Words that may stand between a name and its noun ("Kinzhal hypersonic missiles").
_ADJ = (
    r"(?:hypersonic|supersonic|subsonic|ballistic|cruise|strategic|tactical|nuclear"
    r"|conventional|stealth|heavy|light|attack|combat|reconnaissance|unmanned|strike"
    r"|main battle|guided|self-propelled|amphibious|transport|patrol|military|naval"
    r"|modern|new|latest|advanced|passenger|cargo|research|spy|space|air|armou?red|personnel"
    r"|infantry|[a-z]+-[a-z]+)"
)
_MODS = rf"(?:(?:{_ADJ}|{_NOUN_PLURAL})\s+){{0,4}}"
# Other designations listed with this one: "the Tu-160, Tu-95, and Tu-22M3".
_ITEM = r"(?-i:[A-Z][\w\-]*\d[\w\-]*s?)"
_LIST_AFTER = rf"(?:\s*(?:,|and|or|&)\s*(?:and\s+)?{_ITEM})*"
_LIST_BEFORE = rf"(?:{_ITEM}\s*(?:,|and|or|&)\s*(?:and\s+)?)*"
_Q = r"[“\"‘'”’]?"
# A maker's or service name between designation and noun: "C-130 Hercules air tanker".
# Case matters here though the patterns ignore it: "was fired" is no name.
_NICKNAME = r"(?-i:(?:\s+[A-Z][a-z]+){0,2})"

# Name, then (other listed names), modifiers and the head noun: the last noun of
# the run, so "rocket launcher" is read as a launcher.
_AFTER = re.compile(
    rf"(?:s|’s|'s)?{_Q}(?:-class)?{_LIST_AFTER}{_NICKNAME}\s+{_MODS}(?P<noun>{_NOUN})(?:s|es)?\b"
    rf"(?!\s+{_NOUN_PLURAL}\b)",
    re.IGNORECASE,
)
# Noun, then what introduces the name, ending where the mention starts.
_BEFORE = re.compile(
    rf"\b(?P<noun>{_NOUN})(?:s|es)?"
    rf"(?:[ \u00a0]+|\s*,\s*(?:including\s+|such as\s+|like\s+)?the\s+"
    rf"|\s*,\s*(?:including|such as)\s+(?:an?\s+)?"
    rf"|\s+(?:called|named|dubbed|known as)\s+(?:the\s+)?)"
    rf"{_LIST_BEFORE}{_Q}\Z",
    re.IGNORECASE,
)
_HEAD = re.compile(rf"\b(?:{_NOUN})\Z", re.IGNORECASE)
_WINDOW = 120


def noun_kind(noun: str) -> str | None:
    """The kind a hardware noun says ("ferry" → vessel), None for other words."""
    return _NOUN_KIND.get(noun.lower())


def mention_kind(text: str, start: int, end: int, label: str = "") -> str | None:
    """The kind one mention's surroundings give it, or None when they say nothing."""
    m = _AFTER.match(text, end, min(len(text), end + _WINDOW))
    if m:
        # The modifiers may have taken the first word of a two-word noun
        # ("carrier rocket"): the longest noun ending at the head is the head.
        head = _HEAD.search(text, m.start(), m.end("noun"))
        assert head is not None  # the noun itself ends there
        return _coded(head.group(0).lower(), text[start:end])
    b = _BEFORE.search(text, max(0, start - _WINDOW), start)
    if b:
        return _coded(b.group("noun").lower(), text[start:end])
    return "vessel" if label == "VESSEL" else None


def _coded(noun: str, name: str) -> str | None:
    """A "freighter" is a cargo ship or a cargo aircraft; one named by a model code
    with digits ("A330 freighters", "777F freighter") is an aircraft, as ships are
    named by name, not by model number."""
    if noun == "freighter" and any(ch.isdigit() for ch in name):
        return "aircraft"
    return _NOUN_KIND[noun]


def equipment_kind(votes: Sequence[str | None]) -> str | None:
    """Majority over the mentions with evidence; None on no evidence or a tie."""
    ranked = Counter(v for v in votes if v is not None).most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def add_equipment_kinds(
    resolution: EntityResolution, articles: Sequence[AnnotatedArticle]
) -> EntityResolution:
    """The resolution with ``kind`` set on every EQUIPMENT entity the text types."""
    texts = {a.article.id: a.article.text for a in articles}
    labels = {(a.article.id, m.start, m.end): m.label for a in articles for m in a.mentions}
    entities: list[Entity] = []
    for e in resolution.entities:
        if e.type == "EQUIPMENT":
            votes = [
                mention_kind(texts[m.article], m.start, m.end,
                             labels.get((m.article, m.start, m.end), ""))
                for m in e.mentions
                if m.article in texts
            ]
            e = replace(e, kind=equipment_kind(votes))
        entities.append(e)
    return replace(resolution, entities=entities)
