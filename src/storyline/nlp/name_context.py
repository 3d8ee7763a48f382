"""Types of names read from the words right around them.

Runs at the end of ``name_types.retype_names``.  Each rule keys on the shape of the
text next to a name, never on a particular name:

* **codes**: a name that is only a piece of an all-capitals hyphenated code
  ("OO" of the aircraft registration "OO-SKA") is no name and is dropped, unless
  the other piece is a name too ("EU-NATO");
* **designations with their noun**: a name holding a number and followed by an
  equipment noun ("the Rolls-Royce Trent 700 engine") is that EQUIPMENT;
* **operator before a maker**: a multiword name whose last word runs into a
  designation ("a Skyline Cargo Airbus A330-200F") is the operator, an ORG, and
  that last word the maker, an ORG of its own;
* **landforms**: a name followed by a landform noun, also as the first of two
  ("the Büyük Menderes and Gediz grabens", "the Gediz river"), or written after
  one ("the river Shannon") is a PLACE;
* **seas by their short name**: "the western Baltic" is the sea when the gazetteer
  knows "Baltic Sea"; a nationality-like word only so when a coast, sea or region
  word follows ("the Adriatic coast"), since "the Irish government" is no sea.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.geo.gazetteer import get_gazetteer
from storyline.nlp.mentions import Cand

_CODE = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)+")
_DESIGNATION_AFTER = re.compile(
    r"[ \u00a0]+(?:[A-Z]{1,3}-?\d{2,4}[A-Z0-9\-]*|\d{3}[A-Z]{1,2})(?![\w\-])")
_EQUIPMENT_NOUN = re.compile(
    r"[ \u00a0]+(?i:engines?|turbofans?|aircraft|jets?|airliners?|freighters?|helicopters?"
    r"|missiles?|rockets?|drones?|tanks?|howitzers?|frigates?|destroyers?|submarines?"
    r"|locomotives?|trains?|satellites?)\b")
_LANDFORM = (r"(?:rivers?|lakes?|grabens?|valleys?|mountains|range|basin|plains?|delta|gulf"
             r"|strait|peninsula|plateau|desert|glacier|canyon|gorge|fault|estuary|lagoon)")
_LANDFORM_AFTER = re.compile(
    rf"(?:[ \u00a0]+and[ \u00a0]+[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:[ \u00a0]+[A-ZÀ-ÖØ-Þ][\w'’\-]*)?)?"
    rf"[ \u00a0]+{_LANDFORM}\b")
_LANDFORM_BEFORE = re.compile(r"\b(?i:the)[ \u00a0]+(?i:river|lake|mount|gulf of|bay of)"
                              r"[ \u00a0]+$")
_THE_BEFORE = re.compile(r"\b(?i:the)[ \u00a0]+(?:[a-z]+(?:ern)?[ \u00a0]+)?$")
_SEA_WORD_AFTER = re.compile(r"[ \u00a0]+(?:coast|coastline|sea|shore|region|basin|islands)\b")


def retype_by_context(text: str, cands: list[Cand]) -> list[Cand]:
    """``cands`` with the fixes above; the list stays sorted by start."""
    spans = {(c.start, c.end) for c in cands}
    out: list[Cand] = []
    for c in cands:
        if _code_piece(text, c, spans):
            continue
        if c.type in ("ORG", "GROUP", "OTHER") and _is_designation(text, c):
            out.append(replace(c, label="EQUIPMENT", type="EQUIPMENT"))
        elif c.type in ("ORG", "GROUP") and _DESIGNATION_AFTER.match(text, c.end):
            out.extend(_split_operator(text, c))
        elif _place_by_context(text, c):
            out.append(replace(c, label="LOC", type="PLACE"))
        else:
            out.append(c)
    return sorted(out, key=lambda c: c.start)


def _code_piece(text: str, c: Cand, spans: set[tuple[int, int]]) -> bool:
    """"OO" of "OO-SKA": the name is a strict part of an all-capitals code, and no
    other name covers the rest of it."""
    if not text[c.start:c.end].isupper():
        return False
    left = c.start
    while left > 0 and (text[left - 1].isalnum() or text[left - 1] == "-"):
        left -= 1
    right = c.end
    while right < len(text) and (text[right].isalnum() or text[right] == "-"):
        right += 1
    word = text[left:right].rstrip("-")
    if (left, right) == (c.start, c.end) or not _CODE.fullmatch(word):
        return False
    others = [s for s in spans if left <= s[0] < right and s != (c.start, c.end)]
    return not others


def _is_designation(text: str, c: Cand) -> bool:
    piece = text[c.start:c.end]
    return (" " in piece and any(ch.isdigit() for ch in piece.split()[-1])
            and bool(_EQUIPMENT_NOUN.match(text, c.end)))


def _split_operator(text: str, c: Cand) -> list[Cand]:
    """"Skyline Cargo Airbus" before "A330-200F": operator "Skyline Cargo" (ORG)
    and maker "Airbus" (ORG)."""
    piece = text[c.start:c.end]
    cut = piece.rfind(" ")
    if cut <= 0:
        return [c]
    return [Cand(c.start, c.start + cut, "ORG", "ORG"),
            Cand(c.start + cut + 1, c.end, "ORG", "ORG")]


def _place_by_context(text: str, c: Cand) -> bool:
    if c.type in ("ORG", "PERSON", "OTHER", "GROUP") and _landform(text, c):
        return True
    return c.type in ("OTHER", "GROUP") and _sea(text, c)


def _landform(text: str, c: Cand) -> bool:
    return bool(_LANDFORM_AFTER.match(text, c.end)
                or _LANDFORM_BEFORE.search(text[max(0, c.start - 20):c.start]))


def _sea(text: str, c: Cand) -> bool:
    piece = text[c.start:c.end]
    if " " in piece or not _THE_BEFORE.search(text[max(0, c.start - 20):c.start]):
        return False
    if c.type == "GROUP" and not _SEA_WORD_AFTER.match(text, c.end):
        return False
    gaz = get_gazetteer()
    return any(cand.place.feature == "area"
               for suffix in (" Sea", " Ocean") for cand in gaz.lookup(piece + suffix))
