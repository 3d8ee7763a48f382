"""Our own ECB+ entity mentions, with extents that follow the corpus's conventions.

Imported by ``ecbplus_coref.py``.  ECB+ marks a participant (a person, an
organisation, a thing) by its minimal extent and a place or time by its full
phrase.  We measured the conventions on the training topics only (gold spans
against the spaCy parse; the dev and test topics played no part):

* a person or thing is its head word alone, without determiner, adjectives or
  a common-noun title ("the actress" → "actress", "Sheriff Lee Baca" → "Lee
  Baca"): a determiner was kept in 4 % of such mentions, an adjective in 19 %,
  a noun compound in 31 %; a proper name keeps its name words (95 %);
* a place or time keeps its preposition when that is a locative or temporal
  one ("in Queens", "on Sunday": 81 % with "in", none with "into" or "to"),
  its determiner (81 %), adjectives and numbers (83-98 %) and the prepositional
  phrases after it (77 %) ("a Kraft plant in Philadelphia"), never a relative
  clause;
* personal pronouns are mentions ("he", "her", "they"), and so are relative
  "who" and locative "where"/"there"; possessive pronouns, "it" and "that"
  are not (ECB+ marks 16-36 % of those on the training topics).

The nouns that our event annotation takes for happenings ("fire", "murder",
"the shooting") are event mentions in ECB+, not entities, and are left out.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

# Prepositions an ECB+ place or time extent starts with (kept in most gold
# spans of the training topics); others ("into", "to", "of") stay outside.
# The place ones make a common noun after them a place ("in prison", "at
# home"); the time ones ("on", "after") only go with a date or time ("on
# Sunday"), as "on a boy" or "after sis" name participants.
PLACE_PREPS = frozenset(
    ["in", "at", "near", "between", "off", "outside", "inside", "across", "around",
     "within", "throughout", "aboard", "along", "beside", "behind", "under", "beneath"]
)
TIME_PREPS = frozenset(["on", "after", "before", "during", "until", "since", "over"])
LOCATIVE_PREPS = PLACE_PREPS | TIME_PREPS
PLACE_TIME_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# Dependents that never belong to a mention's extent.
_CLAUSES = frozenset({"relcl", "acl", "dep", "advcl", "punct", "cc", "parataxis"})
PRONOUNS = frozenset(
    ["he", "him", "his", "himself", "she", "her", "hers", "herself", "who", "whom", "whose",
     "it", "its", "itself", "they", "them", "their", "themselves", "we", "us", "our",
     "i", "me", "my", "you", "your", "where", "there"]
)
# Pronouns that in news mostly stand for a happening or a clause ("it was a
# shock", "the fire that ..."), which ECB+ marks as events or not at all.
_SELDOM_ENTITIES = frozenset({"it", "its", "itself", "that"})
_HEAD_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def is_place_or_time(root: Any) -> bool:
    """A head read as a place or time: a date or time expression, a named place
    as the object of a locative preposition, or any noun after "in"/"at"/...
    ("in prison", "at home")."""
    if root.ent_type_ in TIME_LABELS:
        return True
    in_place = root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS
    if root.ent_type_ in PLACE_TIME_LABELS:
        return in_place or root.dep_ not in ("nsubj", "nsubjpass", "poss", "compound")
    return in_place and root.pos_ in ("NOUN", "PROPN")


def _kept_rights(tok: Any) -> list[Any]:
    return [c for c in tok.rights if c.dep_ not in _CLAUSES]


def _right_edge(tok: Any) -> int:
    """The last token index of ``tok``'s phrase without clauses after it."""
    rights = _kept_rights(tok)
    return _right_edge(rights[-1]) if rights else tok.i


def place_time_extent(root: Any) -> tuple[int, int]:
    """Token range [first, last] of a place or time: preposition, determiner,
    modifiers and prepositional phrases; no relative clause."""
    doc = root.doc
    first = min((t.i for t in root.subtree), default=root.i)
    while first < root.i and doc[first].is_punct:
        first += 1
    preps = LOCATIVE_PREPS if root.ent_type_ in TIME_LABELS else PLACE_PREPS
    if root.dep_ == "pobj" and root.head.lower_ in preps and root.head.i < first:
        first = root.head.i
    last = _right_edge(root)
    while last > root.i and doc[last].is_punct:
        last -= 1
    return first, last


def participant_extent(root: Any) -> tuple[int, int]:
    """Token range of a person, organisation or thing: the name words of a
    proper name (its named-entity span, less "the" and a possessive), a
    number with its own parts ("20 - 13"), else the head word alone."""
    doc = root.doc
    if root.pos_ == "PROPN":
        if root.ent_iob_ in ("B", "I"):
            first = root.i
            while first > 0 and doc[first].ent_iob_ == "I":
                first -= 1
            last = root.i
            while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
                last += 1
        else:
            first = last = root.i
            lefts = [c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if lefts:
                first = min(c.i for c in lefts)
        while first < root.i and (doc[first].pos_ in ("DET", "PUNCT") or doc[first].dep_ == "case"):
            first += 1
        while last > root.i and (doc[last].dep_ == "case" or doc[last].is_punct):
            last -= 1
        return first, last
    if root.pos_ == "NUM":
        parts = [c.i for c in root.lefts if c.dep_ in ("compound", "quantmod", "nummod", "punct")]
        return (min(parts) if parts else root.i), root.i
    return root.i, root.i


def entity_heads(sdoc: Any, event_nouns: Collection[int] = ()) -> list[Any]:
    """The head tokens of our entity mentions, in text order: noun-chunk roots,
    date and time expressions, and pronouns outside noun chunks ("where").
    ``event_nouns``: start offsets of the nouns our event annotation reads as
    happenings, left out."""
    heads: dict[int, Any] = {}
    for chunk in sdoc.noun_chunks:
        heads[chunk.root.i] = chunk.root
    for ent in sdoc.ents:
        if ent.label_ in TIME_LABELS:
            heads.setdefault(ent.root.i, ent.root)
    for tok in sdoc:
        if tok.lower_ not in PRONOUNS or tok.dep_ == "poss":
            continue  # "his", "their": ECB+ marks few possessors
        if tok.lower_ == "there" and tok.dep_ == "expl":
            continue  # "there is"
        heads.setdefault(tok.i, tok)
    out = []
    for i in sorted(heads):
        tok = heads[i]
        if tok.pos_ not in _HEAD_POS and tok.lower_ not in PRONOUNS:
            continue
        if tok.pos_ == "PRON" and tok.lower_ not in PRONOUNS:
            continue
        if tok.lower_ in _SELDOM_ENTITIES:
            continue
        if tok.pos_ == "NOUN" and tok.idx in event_nouns and tok.ent_type_ not in TIME_LABELS:
            continue
        out.append(tok)
    return out


def mention_extents(sdoc: Any, event_nouns: Collection[int] = ()) -> list[tuple[int, int, Any]]:
    """Our entity mentions of a parsed document as (start, end, head token),
    with ECB+-style extents; one per head word."""
    out = []
    for root in entity_heads(sdoc, event_nouns):
        if root.pos_ in ("NOUN", "PROPN", "NUM") and is_place_or_time(root):
            first, last = place_time_extent(root)
        else:
            first, last = participant_extent(root)
        out.append((sdoc[first].idx, sdoc[last].idx + len(sdoc[last].text), root))
    return out
