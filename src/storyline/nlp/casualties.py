"""Casualty counts: which kind a count of people is (dead, injured, missing, …).

Split from ``quantity_context``: the cue words around the figure, their
negation, and the nouns that count people.
"""

from __future__ import annotations

import re

from storyline.model import Quantity

CASUALTY_KINDS = ("dead", "injured", "missing", "evacuated", "rescued")
# Casualty kinds, from the words around the figure (nearest cue wins).
_KIND_CUES: tuple[tuple[str, str], ...] = (
    ("dead", r"kill(?:ed|ing|s)?|dead|died|dies|deaths?|fatalit(?:y|ies)|perished|"
             r"lost (?:their|his|her) lives|death toll"),
    ("injured", r"injur(?:ed|ing|ies|y)|hurt|wounded|wounding|treated|hospitali[sz]ed|"
                r"(?:taken|admitted|rushed|airlifted) to (?:a |the )?hospitals?"),
    ("missing", r"missing|unaccounted"),
    ("evacuated", r"evacuat\w*|fled|flee(?:ing)?|displaced|forced from their homes|homeless"),
    ("rescued", r"rescued|pulled (?:alive|out alive)|saved"),
)
_KIND_RE = re.compile("|".join(f"(?P<{k}>\\b(?:{rx})\\b)" for k, rx in _KIND_CUES),
                      re.IGNORECASE)
_NEGATED_LEFT = re.compile(r"\b(?:none|neither|no one|not one|not a single)\s+of\s+"
                           r"(?:the\s+|its\s+|their\s+|his\s+|her\s+)?$", re.IGNORECASE)
NEGATION = re.compile(r"\b(?:not|no|never|none|nobody)\b|n't", re.IGNORECASE)
CASUALTY_NOUNS = {"death", "casualty", "fatality", "victim", "body"}
CASUALTY_VERBS = re.compile(r"\b(?:kill|killed|killing|dead|died|die|wounded|injured|injuring|"
                             r"wounding|casualt|death|lost their lives|perished)", re.IGNORECASE)
PEOPLE = {"people", "person", "civilian", "soldier", "child", "man", "woman", "resident",
           "troop", "serviceman", "fighter", "passenger", "worker", "adult", "citizen",
           "holidaymaker", "tourist", "visitor", "student", "pupil", "patient", "villager",
           "miner", "migrant", "pedestrian", "driver", "firefighter", "member", "crew",
           "family", "inhabitant", "local", "hiker", "climber", "swimmer", "spectator",
           "officer", "policeman", "employee", "guest", "teenager", "baby", "infant"}


def _figure_end(q: Quantity) -> int:
    return max([q.end] + [a.end for a in q.alternates])


def casualty_kind(text: str, q: Quantity, sent_start: int, sent_end: int) -> str | None:
    """dead / injured / missing / evacuated / rescued from the words around a count.

    The cue nearest to the figure in its sentence wins ("Two people were killed
    and 31 injured": killed for 2, injured for 31); a negated one ("None of the 14
    crew was injured", "were not hurt") gives no kind.
    """
    start, end = q.start, _figure_end(q)
    if _NEGATED_LEFT.search(text[max(sent_start, start - 30) : start]):
        return None
    best: tuple[int, str, str] | None = None
    lo, hi = max(sent_start, start - 60), min(sent_end, end + 60)
    for m in _KIND_RE.finditer(text, lo, hi):
        if m.end() <= start:
            dist, between = start - m.end(), text[m.end() : start]
        elif m.start() >= end:
            dist, between = m.start() - end, text[end : m.start()]
        else:  # the cue is inside the span: "42 injured"
            dist, between = 0, ""
        if ";" in between:
            continue
        kind = next(k for k, v in m.groupdict().items() if v)
        if best is None or dist < best[0]:
            best = (dist, kind, between)
    if best is None or NEGATION.search(best[2]):
        return None
    return best[1]
