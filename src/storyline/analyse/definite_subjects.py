"""Definite descriptions as claim subjects: "the vessel" is the story's one vessel.

A figure whose subject is written as a definite common noun ("as the 186-metre
vessel approached", "the missile's range of 2,000 km") names no entity, yet a
reader takes it to mean the one thing of that kind the text is about.  We do
the same, by principle and only when it is unambiguous:

* a kind noun maps to a kind (vessel, ferry, frigate → vessel; aircraft, jet,
  bomber → aircraft; missile, rocket → missile);
* an entity's kind is the one the dossier gives it (``equipment_kinds``: the
  hardware noun beside its mentions, "the Kinzhal hypersonic missile",
  "missile, the Kinzhal", or a vessel name);
* the description resolves to the article's single entity of that kind; an
  article with none falls back to the story's single one; two or more
  candidates (in the article, or in the story when the article has none)
  resolve nothing.

The basis is kept as a sentence for the claim's ``subject_basis``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.analyse.equipment_kinds import equipment_kind, mention_kind, noun_kind
from storyline.model import AnnotatedArticle, Quantity

# The kind nouns a definite description may use; kinds themselves come from the
# same table as the dossier's equipment kinds, so "the vessel" finds what the
# reader sees listed as a vessel.
_DESCRIPTION_NOUNS = (
    "vessel", "ship", "ferry", "frigate", "cruiser", "destroyer", "corvette", "submarine",
    "warship", "tanker", "freighter", "yacht", "liner", "icebreaker", "trawler", "boat",
    "aircraft", "plane", "jet", "airliner", "bomber", "fighter", "helicopter", "airplane",
    "missile", "rocket",
)
_KIND_WORD = "|".join(sorted(_DESCRIPTION_NOUNS, key=len, reverse=True))
# The last definite description in the figure's clause, left of the figure:
# "the vessel's length of", "as the 186-metre vessel" is handled by the caller.
_LEFT_DEF = re.compile(rf"\b[Tt]he\s+(?:[a-z-]+\s+){{0,2}}?({_KIND_WORD})(?:'s|’s)?\s[^.;:,]*$")


@dataclass(frozen=True)
class Resolved:
    entity: str
    basis: str


def kind_of_noun(noun: str) -> str | None:
    return noun_kind(noun) if noun.lower() in _DESCRIPTION_NOUNS else None


def entity_kinds(articles: Sequence[AnnotatedArticle],
                 mention_entity: Mapping[tuple[str, int], str]) -> dict[str, dict[str, set[str]]]:
    """article id → kind → entity ids of that kind mentioned in the article.

    An entity's kind is decided as for the dossier (``equipment_kinds``): the
    majority of the kinds its mentions' surroundings give, none on a tie.
    """
    votes: dict[str, list[str | None]] = {}
    seen: dict[str, set[str]] = {}
    for art in articles:
        aid, text = art.article.id, art.article.text
        for i, m in enumerate(art.mentions):
            ent = mention_entity.get((aid, i))
            if ent is None or not (m.label in ("VESSEL", "EQUIPMENT") or m.type == "EQUIPMENT"):
                continue
            votes.setdefault(ent, []).append(mention_kind(text, m.start, m.end, m.label))
            seen.setdefault(aid, set()).add(ent)
    kind_of = {ent: equipment_kind(v) for ent, v in votes.items()}
    out: dict[str, dict[str, set[str]]] = {}
    for art in articles:
        kinds = out.setdefault(art.article.id, {})
        for ent in seen.get(art.article.id, set()):
            kind = kind_of[ent]
            if kind is not None:
                kinds.setdefault(kind, set()).add(ent)
    return out


def entity_names(articles: Sequence[AnnotatedArticle],
                 mention_entity: Mapping[tuple[str, int], str]) -> dict[str, str]:
    """entity id → its longest mention, for the basis sentence."""
    out: dict[str, str] = {}
    for art in articles:
        for i, m in enumerate(art.mentions):
            ent = mention_entity.get((art.article.id, i))
            if ent is not None and len(m.text) > len(out.get(ent, "")):
                out[ent] = m.text
    return out


def definite_noun(text: str, sent_start: int, q: Quantity, object_noun: str | None) -> str | None:
    """The kind noun of a definite description the figure is about, if any.

    ``object_noun`` is the noun a length is written against ("the 186-metre
    vessel"); it counts only after "the".  Otherwise the last "the <kind noun>"
    of the figure's clause, left of the figure ("the ferry's speed of 20 knots").
    """
    left = text[sent_start : q.start]
    if object_noun is not None:
        if kind_of_noun(object_noun) and re.search(r"\b[Tt]he\s+$", left):
            return object_noun
        return None
    m = _LEFT_DEF.search(left)
    if m is None or re.search(r"\b[A-Z][a-z]+\b", left[m.end(1):]):
        return None  # a name between the description and the figure is the subject's rival
    return m.group(1).lower()


def resolve(noun: str, article_id: str,
            kinds: Mapping[str, Mapping[str, set[str]]],
            names: Mapping[str, str]) -> Resolved | None:
    """The single entity of the noun's kind in the article, else in the story."""
    kind = kind_of_noun(noun)
    if kind is None:
        return None
    here = kinds.get(article_id, {}).get(kind, set())
    if len(here) == 1:
        (ent,) = here
        return Resolved(ent, f'"the {noun}" read as the article\'s only {kind}, '
                             f"{names.get(ent, ent)}")
    if here:
        return None
    story = {e for k in kinds.values() for e in k.get(kind, set())}
    if len(story) == 1:
        (ent,) = story
        return Resolved(ent, f'"the {noun}" read as the story\'s only {kind}, '
                             f"{names.get(ent, ent)}")
    return None
