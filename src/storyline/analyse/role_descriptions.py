"""Role descriptions read as the person holding the role.

A report may name a person once and describe them elsewhere by their office:
one article writes "Russian Defence Minister Sergei Shoigu", another "the
visit, accompanied by President Vladimir Putin's defence minister".  A reader
takes the second for Shoigu because Shoigu is the story's one defence minister
and nothing in the qualifier says otherwise.  We do the same, by rule:

* a **description** is a role phrase (the role lexicon of ``nlp/roles.py``:
  "defence minister", "governor", "leader") after a qualifier — a possessive
  ("Putin's", "Russia's"), "the" with an optional nationality ("the Russian
  defence minister", "the North Korean leader"), or "the" alone ("the
  governor") — and not followed by a name (then it is a title, already split
  off by the annotator);
* a person **holds** the role when one of the roles the dossier gives them has
  the same role phrase ("Defence Minister"), or, for a bare role word ("the
  minister"), ends in it;
* the qualifier must **fit**: its country (a demonym, a country, or the
  country of the person it names) must be one of the person's, as read from
  the nationality written before their own titles ("Russian Defence Minister
  Sergei Shoigu", "Russia's Defence Minister …"); a person whose nationality
  the story never writes is not ruled out.  An organisation as qualifier
  ("Apple's chief executive") needs the organisation written before one of
  the person's mentions.  The possessor is never the person described
  ("Putin's defence minister" is not Putin);
* only when exactly one person of the story fits is the description resolved;
  two defence ministers, or a role nobody holds, leave it unresolved.

A resolved description becomes a mention of the entity marked
``kind="description"``, so it is listed with offsets but never taken for the
entity's name or an alias, and events can use it as a participant.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from storyline.analyse.entities import EntityResolution
from storyline.model import AnnotatedArticle, Entity, EntityMentionRef
from storyline.nlp.roles import ROLE_PHRASE

DESCRIPTION = "description"

_CAPWORD = r"[A-Z][\w\-]*"
# A qualifier and the role phrase: "Putin's defence minister", "Russia’s
# defence minister", "the Russian defence minister", "the governor".
_DESCRIPTION = re.compile(
    rf"(?:(?P<owner>{_CAPWORD}(?:\s+{_CAPWORD}){{0,3}})(?:'s|’s)"
    rf"|(?P<the>\b[Tt]he)(?:\s+(?P<adj>{_CAPWORD}(?:\s+{_CAPWORD})??))??)"
    rf"\s+(?P<role>{ROLE_PHRASE})"
)
# A title before a name ("defence minister Sergei Shoigu") or an appositive
# name after it ("the governor, Oleg Kozhemyako"): the name is there already.
_NAME_AFTER = re.compile(r"(?:\s+|\s*,\s*)[A-Z][a-z]")
# The nationality or employer written before a person's role and name:
# "Russian Defence Minister Sergei Shoigu", "Russia’s Defence Minister Shoigu".
_QUALIFIER_BEFORE = re.compile(
    rf"(?P<q>{_CAPWORD}(?:\s+{_CAPWORD})??)(?:'s|’s)?\s+(?:{ROLE_PHRASE})\s+$"
)


@dataclass(frozen=True)
class Description:
    """A role description resolved to a person, with the reason."""

    article: str
    start: int
    end: int
    text: str
    entity: str
    basis: str
    role_start: int = -1  # where the role words begin (after the qualifier)


class Descriptions:
    """Resolved descriptions of a story, found by the span of an event argument."""

    def __init__(self, found: Sequence[Description]) -> None:
        self.found = tuple(found)
        self._by_article: dict[str, list[Description]] = defaultdict(list)
        for d in sorted(found, key=lambda d: (d.article, d.start)):
            self._by_article[d.article].append(d)
        self._starts = {a: [d.start for d in ds] for a, ds in self._by_article.items()}

    def entity_at(self, article: str, start: int, end: int) -> str | None:
        """The entity of the description whose role words cover ``start``–``end``."""
        ds = self._by_article.get(article)
        if not ds:
            return None
        # Only the role words stand for the person: "Putin" in "Putin's
        # defence minister" is Putin.
        i = bisect.bisect_right(self._starts[article], start) - 1
        if i >= 0 and max(ds[i].start, ds[i].role_start) <= start and end <= ds[i].end:
            return ds[i].entity
        return None


def role_key(role: str) -> str:
    """A role phrase for matching: lower case, single spaces, one spelling."""
    key = re.sub(r"[\s\-]+", " ", role.casefold()).strip()
    return key.replace("defense", "defence")


def _held_roles(entity: Entity) -> set[str]:
    """The role phrases of a person's roles ("Russian Defence Minister" → "defence minister")."""
    out: set[str] = set()
    for r in entity.roles:
        for m in re.finditer(ROLE_PHRASE, r):
            out.add(role_key(m.group(0)))
    return out


def _holds(held: set[str], wanted: str) -> bool:
    if wanted in held:
        return True
    # "the minister" is the story's one defence minister; "the defence
    # minister" is not its foreign minister.
    return " " not in wanted and any(h.rsplit(" ", 1)[-1] == wanted for h in held)


class _Affiliations:
    """Countries (ISO codes) and organisations (entity ids) a name or word stands for."""

    def __init__(self, articles: Sequence[AnnotatedArticle], resolution: EntityResolution,
                 country_of_word: Mapping[str, str] | None = None) -> None:
        self.entities = {e.id: e for e in resolution.entities}
        self.mention_entity = resolution.mention_entity
        self.texts = {a.article.id: a.article.text for a in articles}
        # (article, end offset) → entity id, to read what a qualifier names.
        self.ends: dict[str, dict[int, str]] = defaultdict(dict)
        for art in articles:
            for i, m in enumerate(art.mentions):
                ent = resolution.mention_entity.get((art.article.id, i))
                if ent is not None:
                    self.ends[art.article.id][m.end] = ent
                    # A mention may carry the possessive ("Russia’s").
                    for suffix in ("'s", "’s"):
                        if m.text.endswith(suffix):
                            self.ends[art.article.id][m.end - len(suffix)] = ent
        self.country_of_word = dict(country_of_word or {})
        self._person: dict[str, frozenset[str]] = {}

    def of_words(self, article: str, start: int, end: int, *, persons: bool) -> frozenset[str]:
        """What the qualifier text[start:end] names: a story entity ending there,
        else a demonym or country the gazetteer knows."""
        ent = self.ends[article].get(end)
        if ent is not None and ent in self.entities:
            e = self.entities[ent]
            if e.type in ("PLACE", "FACILITY") and e.country:
                return frozenset({f"cc:{e.country}"})
            if e.type == "ORG":
                return frozenset({f"org:{e.id}"})
            if e.type == "PERSON" and persons:
                return self.of_person(e.id)
        word = self.texts[article][start:end]
        cc = self.country_of_word.get(word) or _country_of_word(word)
        return frozenset({f"cc:{cc}"}) if cc else frozenset()

    def of_person(self, ent: str) -> frozenset[str]:
        """The countries and employers written before the person's own titles."""
        if ent in self._person:
            return self._person[ent]
        found: set[str] = set()
        e = self.entities[ent]
        for ref in e.mentions:
            if ref.kind is not None:
                continue
            text = self.texts.get(ref.article, "")
            left = text[max(0, ref.start - 80) : ref.start]
            m = _QUALIFIER_BEFORE.search(left)
            if m is None:
                continue
            base = ref.start - len(left)
            q_start, q_end = base + m.start("q"), base + m.end("q")
            found |= self.of_words(ref.article, q_start, q_end, persons=False)
            if " " in m.group("q"):  # "Sources Russian": the nearer word alone
                last = m.group("q").rsplit(" ", 1)[1]
                found |= self.of_words(ref.article, q_end - len(last), q_end, persons=False)
        for r in e.roles:  # "President of Russia"
            m2 = re.search(rf"\b(?:of|for)\s+(?:the\s+)?({_CAPWORD}(?:\s+{_CAPWORD}){{0,2}})$", r)
            cc = _country_of_word(m2.group(1)) if m2 else None
            if cc:
                found.add(f"cc:{cc}")
        self._person[ent] = frozenset(found)
        return self._person[ent]


def _country_of_word(word: str) -> str | None:
    """The country a demonym or country name stands for ("Russian", "Russia"), if
    the gazetteer knows exactly one."""
    from storyline.geo.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    codes = {p.country_code for p in gaz.demonym(word) if p.country_code}
    if not codes:
        codes = {c.place.country_code for c in gaz.lookup(word)
                 if c.place.feature == "country" and c.place.country_code}
    return codes.pop() if len(codes) == 1 else None


def _fits(qualifier: frozenset[str], holder: frozenset[str]) -> bool:
    countries = {q for q in qualifier if q.startswith("cc:")}
    orgs = qualifier - countries
    if orgs and not orgs & holder:
        return False  # an employer must be written for the person
    held = {h for h in holder if h.startswith("cc:")}
    return not countries or not held or bool(countries & held)


def find_descriptions(articles: Sequence[AnnotatedArticle],
                      resolution: EntityResolution) -> list[Description]:
    """The story's role descriptions that exactly one person fits."""
    persons = [e for e in resolution.entities if e.type == "PERSON" and e.roles]
    if not persons:
        return []
    held = {e.id: _held_roles(e) for e in persons}
    aff = _Affiliations(articles, resolution)
    names_at: dict[str, list[tuple[int, int]]] = {
        a.article.id: [(m.start, m.end) for m in a.mentions] for a in articles}
    out: list[Description] = []
    for art in articles:
        aid, text = art.article.id, art.article.text
        for m in _DESCRIPTION.finditer(text):
            if _NAME_AFTER.match(text, m.end()):
                continue
            role_s, role_e = m.span("role")
            if any(s < role_e and role_s < e for s, e in names_at[aid]):
                continue  # the role words are part of a name ("Defence Ministry")
            wanted = role_key(m.group("role"))
            owner: str | None = None
            if m.group("owner") is not None:
                q = aff.of_words(aid, m.start("owner"), m.end("owner"), persons=True)
                owner = aff.ends[aid].get(m.end("owner"))
                if not q and owner is None:
                    continue  # "Monday's governor": the possessive names nothing we know
            elif m.group("adj") is not None:
                q = aff.of_words(aid, m.start("adj"), m.end("adj"), persons=False)
                if not q:
                    continue  # "the Kremlin spokesperson" is a title we cannot place
            else:
                q = frozenset()
            fit = [e for e in persons if e.id != owner and _holds(held[e.id], wanted)
                   and _fits(q, aff.of_person(e.id))]
            if len(fit) != 1:
                continue
            (ent,) = fit
            start = m.start("owner") if m.group("owner") is not None else m.start()
            words = text[start:m.end()]
            out.append(Description(aid, start, m.end(), words, ent.id,
                                   f"“{words}” read as {ent.name}, the story's only "
                                   f"{m.group('role').lower()} that fits", role_s))
    return out


def add_descriptions(resolution: EntityResolution,
                     found: Sequence[Description]) -> EntityResolution:
    """The resolution with each description added to its entity's mentions."""
    if not found:
        return resolution
    extra: dict[str, set[EntityMentionRef]] = defaultdict(set)
    for d in found:
        extra[d.entity].add(EntityMentionRef(d.article, d.start, d.end, d.text, DESCRIPTION))
    entities = []
    for e in resolution.entities:
        if e.id in extra:
            mentions = sorted({*e.mentions, *extra[e.id]},
                              key=lambda r: (r.article, r.start, r.end, r.kind or ""))
            e = replace(e, mentions=tuple(mentions))
        entities.append(e)
    return EntityResolution(entities=entities, mention_entity=resolution.mention_entity)


def resolve_role_descriptions(
    resolution: EntityResolution, articles: Sequence[AnnotatedArticle]
) -> tuple[EntityResolution, Descriptions]:
    """Find the story's role descriptions, add them to their entities, and index them."""
    found = find_descriptions(articles, resolution)
    return add_descriptions(resolution, found), Descriptions(found)


__all__ = ["DESCRIPTION", "Description", "Descriptions", "add_descriptions",
           "find_descriptions", "resolve_role_descriptions", "role_key"]
