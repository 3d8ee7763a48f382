"""Titles and roles written next to a person's name.

"Russian Defence Minister Sergei Shoigu" → person "Sergei Shoigu", role
"Defence Minister"; the nationality stays outside the role (it is its own GROUP
mention when spaCy found it).  Three placements are read:

* before the name: "President Vladimir Putin", "leader Kim Jong Un";
* an appositive before, from the start of the sentence: "The Russian Ambassador
  to North Korea, Alexander Matsegora" → "Ambassador";
* an appositive after: "Oleg Kozhemyako, the governor of …" → "governor".

A role phrase is zero or more modifier words ("Deputy Foreign", "Defence",
"Prime") and one role word from a lexicon, optionally "of/for <Capitalised …>"
("Secretary of State").  Matching is by compiled regexes over a short window of
text around the name, so the cost is per person mention, not per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROLE_WORDS = (
    "prime minister", "minister", "president", "vice-president", "premier", "chancellor",
    "governor", "mayor", "spokesperson", "spokesman", "spokeswoman", "press secretary",
    "ambassador", "envoy", "diplomat", "leader", "general", "admiral", "marshal", "colonel",
    "lieutenant", "captain", "commander", "commander-in-chief", "chief of staff", "chief",
    "chairman", "chairwoman", "chairperson", "chair", "secretary-general", "secretary",
    "director-general", "director", "head", "king", "queen", "prince", "princess",
    "crown prince", "emperor", "pope", "senator", "congressman", "congresswoman",
    "lawmaker", "legislator", "official", "officer", "adviser", "advisor", "aide",
    "judge", "prosecutor", "attorney general", "ceo", "founder", "speaker",
    "commissioner", "inspector", "sergeant", "corporal", "mp", "deputy",
    "harbour master", "harbor master", "harbourmaster", "harbormaster", "port captain",
)
_MODIFIERS = (
    "deputy", "vice", "prime", "first", "chief", "senior", "acting", "former", "interim",
    "foreign", "defence", "defense", "interior", "finance", "economy", "economic", "trade",
    "justice", "health", "education", "energy", "emergency", "emergencies", "transport",
    "agriculture", "culture", "home", "state", "general", "attorney", "supreme", "top",
    "military", "presidential", "press", "army", "navy", "naval", "air force", "regional",
    "assistant", "executive", "managing", "national security", "security", "intelligence",
    "communications", "lieutenant", "major", "rear", "fleet", "grand", "crown", "majority",
    "minority", "opposition", "party", "parliamentary", "foreign affairs",
)


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))


_ROLE = rf"(?:{_alt(_ROLE_WORDS)})"
_MOD = rf"(?:{_alt(_MODIFIERS)})"
_CAP = r"[A-Z][\w’'.\-]*"
# "Secretary of State", "Minister for Foreign Affairs": capitalised words only.
_OF_PART = rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,3}})"
_PHRASE = rf"(?<![\w\-])(?i:(?:{_MOD}[\s\-]+){{0,4}}{_ROLE})(?![\w\-])"
# The role phrase alone, for reading descriptions ("Putin's defence minister").
ROLE_PHRASE = _PHRASE

# Role directly before the name (left context ends where the name starts).
_BEFORE = re.compile(rf"(?P<role>{_PHRASE}{_OF_PART}?)[ \u00a0]+$")
# The whole entity text starts with a role: spaCy swallowed the title.
_LEADING = re.compile(rf"^(?P<role>{_PHRASE}{_OF_PART}?)[ \u00a0]+(?=[A-Z])")
# Appositive before, from the sentence start: "The Russian Ambassador to X, ".
_APPOS_BEFORE = re.compile(
    rf"^\s*(?:[Tt]he\s+)?(?:{_CAP}\s+){{0,2}}?(?P<role>{_PHRASE})"
    rf"(?:\s+(?:to|of|for|in|at)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})?\s*,\s*$"
)
# Appositive after: ", the governor of …", ", a senior adviser to …".
_APPOS_AFTER = re.compile(
    rf"\s*,\s*(?:the|a|an)\s+(?:(?!the\b|a\b|an\b)[\w’'.\-]+\s+){{0,2}}?(?P<role>{_PHRASE})"
    r"(?=\s*(?:[,.;)]|of\b|to\b|for\b|in\b|at\b|who\b|and\b|$))"
)
_TITLE_ONLY = re.compile(rf"(?i:(?:{_MOD}|{_ROLE})(?:[\s\-]+(?:{_MOD}|{_ROLE}))*)")


@dataclass(frozen=True)
class Role:
    text: str
    start: int  # span of the role phrase in the article, when it is before the name
    end: int


def _clean(role: str) -> str:
    return re.sub(r"\s+", " ", role).strip()


def leading_role(ent_text: str) -> tuple[str, int] | None:
    """(role, offset where the name starts) when an entity starts with a title."""
    m = _LEADING.match(ent_text)
    if m is None:
        return None
    return _clean(m.group("role")), m.end()


def role_before(text: str, start: int, sent_start: int) -> Role | None:
    """A role phrase right before ``start`` or in an appositive opening the sentence."""
    lo = max(sent_start, start - 100)
    left = text[lo:start]
    m = _BEFORE.search(left)
    if m is not None:
        return Role(_clean(m.group("role")), lo + m.start("role"), lo + m.end("role"))
    # The appositive opens its sentence, or its line: spaCy often glues a
    # heading line to the sentence after it.
    opening = max(sent_start, text.rfind("\n", sent_start, start) + 1)
    m = _APPOS_BEFORE.match(text[opening:start]) if start - opening < 140 else None
    if m is not None:
        return Role(_clean(m.group("role")), opening + m.start("role"),
                    opening + m.end("role"))
    return None


def role_after(text: str, end: int) -> str | None:
    m = _APPOS_AFTER.match(text, end, min(len(text), end + 80))
    return _clean(m.group("role")) if m else None


def is_title_only(s: str) -> bool:
    """True for "Defence", "Minister", "Prime Minister": a title, never an org."""
    return bool(_TITLE_ONLY.fullmatch(s.strip()))
