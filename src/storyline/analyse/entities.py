"""Resolve one story's entity mentions into canonical entities.

How mentions become entities:

1. Each mention gets a display form (``clean_surface``: no quotes, "the" or
   possessive) and a matching key (``name_key``: case, diacritics, spacing and
   hyphens ignored).  Mentions with the same key are one thing.
2. Short forms are joined to the full name they abbreviate, but only when the
   story offers exactly one candidate, so that ambiguity keeps things apart:
   * a one-word PERSON ("Shoigu", "Kim") joins the multi-word PERSON whose last
     token (Western order) or first token (East Asian order: "Kim Jong Un")
     equals it;
   * a PERSON name joins a longer one with the same first and last token that
     contains all its words in order ("Vladimir Putin" → "Vladimir Vladimirovich
     Putin");
   * a one-word ORG joins the multi-word ORG whose initials it spells ("NATO");
   * a one-word name typed PLACE/ORG/OTHER (the small model's slip: "Lohan" as
     GPE) joins the only multi-word PERSON ending in it, unless it is a
     country or shorter than four letters (an acronym: "U.N." is not "Un").
   Before that, spellings of one name are joined: keys equal after
   transliteration folding (``variant_key``: Artyom/Artem/Artëm, Dmitriy/
   Dmitry, Aleksei/Alexei; designations untouched, so Tu-160 ≠ Tu-95), and a
   region's adjectival and noun forms ("Primorsky region" / "Primorye"; never
   "X" and "X region", a city and its region).
3. An entity's type is the majority type of its fullest mentions (most
   words), so a mistyped surname cannot outvote its full name; ties go to the
   first type in ``_TYPE_PRIORITY`` (see there for why).
4. Its name is the most complete form (most words, then most frequent), its
   aliases the other forms, its id ``"e" + content_hash("TYPE|key of name")`` so
   the same thing gets the same id in every story and every run.

Types are never used to *join* keys, only to label them: "North Korea" (PLACE)
and "Kim Jong Un" (PERSON) have different keys and no rule links a place to a
person, so a country and its leader stay apart.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from storyline.analyse.facility_names import (
    join_facility_short_names,
    known_place_in,
    story_countries,
)
from storyline.analyse.headline_names import (
    name_keys_outside_headlines,
    trim_headline_names,
)
from storyline.analyse.known_names import KnownNames
from storyline.analyse.name_joins import (
    acronym_surface,
    join_acronyms,
    join_first_name_variants,
    join_type_word_names,
    type_word_in_lower_case,
)
from storyline.analyse.names import (
    clean_surface,
    initials,
    is_broad_place,
    name_key,
    person_core,
    region_stem,
    variant_key,
)
from storyline.model import (
    AnnotatedArticle,
    Entity,
    EntityMentionRef,
    EntityType,
    Mention,
    content_hash,
)
from storyline.unionfind import UnionFind

# Tie-break when a name's mentions are labelled with equally many types.
# EQUIPMENT and FACILITY come from our own pattern rules, which fire only on a
# recognisable designation, so they beat spaCy's statistical labels.  PLACE
# beats PERSON because the small spaCy model labels unfamiliar capitalised
# words PERSON by default, so a disputed name is more often a mislabelled place
# ("Artyom") than a mislabelled person.  GROUP and OTHER are the least specific.
_TYPE_PRIORITY: tuple[EntityType, ...] = (
    "EQUIPMENT",
    "FACILITY",
    "PLACE",
    "PERSON",
    "ORG",
    "GROUP",
    "OTHER",
)


@dataclass(frozen=True)
class EntityResolution:
    entities: list[Entity]  # sorted by (type, name)
    mention_entity: dict[tuple[str, int], str]  # (article id, mention index) -> entity id


@dataclass(frozen=True)
class _Record:
    """One mention with its display form and key."""

    article: str
    index: int
    mention: Mention
    surface: str
    key: str
    published: str = "~"  # the article's ISO date; "~" sorts after every date


def entity_id(type_: str, key: str) -> str:
    """Stable id of an entity: same type and canonical key, same id."""
    return "e" + content_hash(f"{type_}|{key}")


def resolve_entities(
    articles: Sequence[AnnotatedArticle], known: KnownNames | None = None
) -> EntityResolution:
    """Canonical entities of a set of articles, and which entity each mention is.

    Mentions whose text has nothing nameable left after cleaning (a stray
    quote, a bare "the") belong to no entity and are absent from
    ``mention_entity``.  With ``known`` (full person names of the whole store),
    a person named here only by a short form takes the one full name the store
    knows for it, so its id is the same as in the stories that name it in full.
    """
    by_key: dict[str, list[_Record]] = defaultdict(list)
    named_in_text = name_keys_outside_headlines(articles)
    # Visit in id order so that nothing below depends on the input order.
    for art in sorted(articles, key=lambda a: a.article.id):
        for i, m in enumerate(trim_headline_names(art, named_in_text)):
            surface = clean_surface(m.text, m.type)
            key = name_key(surface, m.type)
            if key:
                by_key[key].append(_Record(art.article.id, i, m, surface, key,
                                           art.article.published or "~"))

    common = lower_case_words(articles)
    _split_leading_titles(by_key, common)
    _drop_common_words(by_key, common)
    countries = story_countries(r.surface for recs in by_key.values() for r in recs
                                if r.mention.type == "PLACE")
    key_type = {k: _vote_type((r.mention.type for r in recs), k, countries)
                for k, recs in by_key.items()}
    uf = UnionFind(sorted(by_key))
    _join_variants(key_type, uf)
    _join_short_forms(key_type, uf)
    join_facility_short_names(key_type, uf)
    _join_place_qualified(key_type, uf)
    join_acronyms(key_type, uf, (k for k, recs in by_key.items()
                                 if any(acronym_surface(r.surface) for r in recs)), common)
    join_first_name_variants(key_type, uf)
    join_type_word_names(key_type, uf, (k for k, recs in by_key.items()
                                        if any(type_word_in_lower_case(r.surface) for r in recs)))

    # First pass: entities per joined cluster.  Re-keying with the voted type
    # can make two clusters land on one id (a plural demonym voted GROUP, say);
    # the second pass folds those together so ids stay unique.
    clusters: dict[str, list[_Record]] = defaultdict(list)
    for key in sorted(by_key):
        clusters[uf.find(key)].extend(by_key[key])
    by_id: dict[str, list[_Record]] = defaultdict(list)
    for recs in clusters.values():
        retyped = _retyped(recs, key_type)
        by_id[_build_entity(retyped, countries).id].extend(retyped)

    entities: list[Entity] = []
    mention_entity: dict[tuple[str, int], str] = {}
    for recs in by_id.values():
        ent = _build_entity(recs, countries)
        if known is not None:
            ent = _complete_from_store(ent, recs, known)
        entities.append(ent)
        for r in recs:
            mention_entity[(r.article, r.index)] = ent.id
    entities.sort(key=lambda e: (e.type, e.name, e.id))
    return EntityResolution(entities=entities, mention_entity=mention_entity)


_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def lower_case_words(articles: Sequence[AnnotatedArticle]) -> set[str]:
    """Words the articles write in lower case: common words, not names."""
    return {w for art in articles for w in _WORD.findall(art.article.text) if w[0].islower()}


def _drop_common_words(by_key: dict[str, list[_Record]], common: set[str]) -> None:
    """A lone capitalised word that the story also writes in lower case and that
    is no part of a longer name of the story is a common word a headline or a
    sentence start capitalised ("Actress", "Star", "MAN"), not a name: it leaves
    the entities.  Places, groups, facilities and equipment are left alone
    (the gazetteer and our own patterns vouch for those)."""
    in_names = {w for k in by_key if " " in k for w in k.split()}
    for key in sorted(by_key):
        recs = by_key[key]
        if (" " not in key and key in common and key not in in_names
                and all(r.mention.type in ("PERSON", "ORG", "OTHER") for r in recs)):
            del by_key[key]


def _split_leading_titles(by_key: dict[str, list[_Record]], common: set[str]) -> None:
    """A name that is a person's full name of the story with words before it
    that are no name is that person: "Coroner Gary Hargrove" (a word the story
    writes in lower case, kept as the mention's role), "American Hasim Rahman"
    (a nationality the story names).  The mention is cut to the name, so the
    person keeps the name and the title goes to the roles.  A capitalised word
    the story never writes in lower case may be a first name ("Mary Anne
    Smith" beside "Anne Smith"), so it stays."""
    persons = {k for k, recs in by_key.items()
               if " " in k and any(r.mention.type == "PERSON" for r in recs)}
    groups = {k for k, recs in by_key.items() if any(r.mention.type == "GROUP" for r in recs)}
    for key in sorted(by_key):
        toks = key.split()
        if len(toks) < 3:
            continue
        for n in range(1, len(toks) - 1):
            rest = " ".join(toks[n:])
            lead = toks[:n]
            if rest not in persons:
                continue
            titles = all(w in common for w in lead)
            if not (titles or " ".join(lead) in groups or (n == 1 and lead[0] in groups)):
                continue
            moved = [_cut_lead(r, n, rest, as_role=titles) for r in by_key[key]]
            if all(m is not None for m in moved):
                by_key[rest].extend(m for m in moved if m is not None)
                del by_key[key]
            break


def _cut_lead(r: _Record, n: int, rest: str, as_role: bool) -> _Record | None:
    """The record without its first ``n`` words (None when its text does not split so)."""
    words = r.mention.text.split(" ")
    if len(words) <= n:
        return None
    cut = len(" ".join(words[:n])) + 1
    text = r.mention.text[cut:]
    surface = clean_surface(text, "PERSON")
    if name_key(surface, "PERSON") != rest:
        return None
    role = r.mention.role or (" ".join(words[:n]) if as_role else None)
    mention = replace(r.mention, start=r.mention.start + cut, text=text, type="PERSON",
                      role=role)
    return replace(r, mention=mention, surface=surface, key=rest)


def _complete_from_store(ent: Entity, recs: list[_Record], known: KnownNames) -> Entity:
    if ent.type != "PERSON" or any(" " in r.key for r in recs):
        return ent
    found = {known.full_name(r.key) for r in recs}
    if len(found) != 1 or None in found:
        return ent
    (full,) = found
    assert full is not None
    key, surface = full
    aliases = tuple(sorted({ent.name, *ent.aliases} - {surface}))
    return replace(ent, id=entity_id("PERSON", key), name=surface, aliases=aliases)


def _retyped(recs: list[_Record], key_type: dict[str, EntityType]) -> list[_Record]:
    """Records of a key the joining rules retyped carry that type (a lone
    surname the model called an organisation is a person)."""
    out = []
    for r in recs:
        t = key_type[r.key]
        if t == "PERSON" and r.mention.type != "PERSON" and " " not in r.key:
            r = replace(r, mention=replace(r.mention, type="PERSON"))
        out.append(r)
    return out


def _vote_type(types: Iterable[EntityType], key: str = "",
               countries: frozenset[str] = frozenset()) -> EntityType:
    counts = Counter(types)
    top = min(counts, key=lambda t: (-counts[t], _TYPE_PRIORITY.index(t)))
    # A tied vote with FACILITY in it ("In Apollo Bay" as FAC, "between Lorne and
    # Apollo Bay" as PERSON) goes to PLACE when the gazetteer knows the name as a
    # city or region of a country the story names: the model's labels are guesses,
    # the gazetteer a record, and our own facility rules (a designation, a
    # facility noun) would have left the name with "airport" or "station" in it.
    tied = [t for t in counts if counts[t] == counts[top]]
    if (top == "FACILITY" and len(tied) > 1 and key
            and known_place_in(key, countries)):
        return "PLACE"
    return top


def _join_short_forms(key_type: dict[str, EntityType], uf: UnionFind[str]) -> None:
    """Join short keys to the full key they abbreviate, where that key is unique."""
    persons = sorted(k for k, t in key_type.items() if t == "PERSON")
    multi = [k for k in persons if " " in k]
    core = {k: person_core(k) for k in multi}

    # Forms of one name that differ only by a leading initial or a generational
    # suffix ("W. Mark Felt Sr.", "Mark Felt") are one person.
    by_core: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for k in multi:
        if len(core[k]) >= 2:
            by_core[core[k]].append(k)
    for keys in by_core.values():
        for k in keys[1:]:
            uf.union(keys[0], k)

    # Shorter multi-word person → the only longer one with the same ends that
    # contains its words in order.  Done first, so that "Putin" below sees
    # "Vladimir Putin" and "Vladimir Vladimirovich Putin" as one candidate.
    by_ends: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for toks in {core[k] for k in multi if len(core[k]) >= 2}:
        by_ends[(toks[0], toks[-1])].append(toks)
    for group in by_ends.values():
        for short in group:
            longer = [t for t in group if len(t) > len(short) and _is_subsequence(list(short),
                                                                                  list(t))]
            if len(longer) == 1:
                uf.union(by_core[short][0], by_core[longer[0]][0])

    # A surname written with its particle ("Lo Presti", "van Tongeren") → the
    # only longer name ending in it ("Gaetano Lo Presti").
    for k in multi:
        toks = core[k]
        if len(toks) < 2 or toks[0] not in _SURNAME_PARTICLES:
            continue
        roots = {uf.find(o) for o in multi
                 if len(core[o]) > len(toks) and core[o][-len(toks):] == toks}
        if len(roots) == 1:
            uf.union(k, roots.pop())

    # One-word person → the only multi-word person starting or ending with it.
    by_edge: dict[str, set[str]] = defaultdict(set)
    for k in multi:
        toks = core[k] or tuple(k.split())
        by_edge[toks[0]].add(k)
        by_edge[toks[-1]].add(k)
    for k in persons:
        if " " in k:
            continue
        roots = {uf.find(c) for c in by_edge.get(k, ())}
        if len(roots) == 1:
            uf.union(k, roots.pop())
    _join_mistyped_surnames(key_type, uf, multi)

    # One-word organisation → the only multi-word organisation it abbreviates.
    orgs = sorted(k for k, t in key_type.items() if t == "ORG")
    by_initials: dict[str, set[str]] = defaultdict(set)
    for k in orgs:
        if " " in k:
            by_initials[initials(k)].add(uf.find(k))
    for k in orgs:
        if " " not in k and len(k) >= 2 and len(by_initials.get(k, ())) == 1:
            uf.union(k, next(iter(by_initials[k])))


def _join_variants(key_type: dict[str, EntityType], uf: UnionFind[str]) -> None:
    """Join spellings of one name: romanisations ("Artyom", "Artem", "Artëm"),
    and a region's adjectival and noun forms ("Primorsky region", "Primorye")."""
    by_variant: dict[str, list[str]] = defaultdict(list)
    for k in sorted(key_type):
        by_variant[variant_key(k)].append(k)
    for keys in by_variant.values():
        for k in keys[1:]:
            uf.union(keys[0], k)
    by_stem: dict[str, list[str]] = defaultdict(list)
    for k, t in sorted(key_type.items()):
        stem = region_stem(variant_key(k)) if t == "PLACE" else None
        if stem is not None:
            by_stem[stem].append(k)
    for keys in by_stem.values():
        # Only an adjective and a noun form of the name, one written as a region
        # ("Primorsky region", "Primorye"): "Antofagasta" and "Antofagasta
        # region" are a city and its region, and two bare names sharing an
        # ending say nothing.
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if (" " in a or " " in b) and a.split()[0] != b.split()[0]:
                    uf.union(a, b)


def _join_place_qualified(key_type: dict[str, EntityType], uf: UnionFind[str]) -> None:
    """An organisation or facility named with a place before it and without
    ("Boston Red Sox" / "Red Sox", "Malibu Promises Treatment Center" /
    "Promises Treatment Center") is one, when the place is one the story names
    (or a nation's adjective it writes: "German Federal Bureau …" / "Federal
    Bureau …") and only one longer name qualifies the shorter so."""
    kinds = ("ORG", "FACILITY")
    places = {k for k, t in key_type.items() if t in ("PLACE", "GROUP")}
    longer: dict[str, set[str]] = defaultdict(set)
    for k, t in key_type.items():
        toks = k.split()
        if t not in kinds or len(toks) < 2:
            continue
        for n in range(1, len(toks)):
            if " ".join(toks[:n]) in places:
                longer[" ".join(toks[n:])].add(uf.find(k))
    for k, t in sorted(key_type.items()):
        roots = longer.get(k, set())
        if t in kinds and len(roots) == 1:
            uf.union(k, roots.pop())


def _join_mistyped_surnames(
    key_type: dict[str, EntityType], uf: UnionFind[str], multi: list[str]
) -> None:
    """A one-word name the model typed place/organisation/group/other that is the last
    word of exactly one full person name of the story is that person's surname
    ("Lohan" tagged GPE beside "Lindsay Lohan").  Countries stay places, and
    so do keys of under four letters: an acronym ("U.N." → "un") is no surname
    of "Kim Jong Un"."""
    by_last: dict[str, set[str]] = defaultdict(set)
    for k in multi:
        by_last[person_core(k)[-1]].add(uf.find(k))
    for k, t in sorted(key_type.items()):
        if (t not in ("PLACE", "ORG", "OTHER", "GROUP") or " " in k or len(k) < 4
                or is_broad_place(k)):
            continue
        roots = by_last.get(k, set())
        if len(roots) == 1:
            uf.union(k, roots.pop())
        elif roots:
            # Two people end in it ("Sokolov" beside Pavel and Dmitry Sokolov):
            # which one is meant stays open, but it is a person.
            key_type[k] = "PERSON"


# Particles a surname starts with ("Lo Presti", "van Tongeren", "De Smet").
_SURNAME_PARTICLES = frozenset({"lo", "la", "le", "de", "di", "da", "del", "della", "dello",
                                "van", "von", "der", "den", "du", "dos", "das", "al", "el",
                                "bin", "ibn", "ben", "mac", "st", "ter", "ten"})


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def _build_entity(recs: list[_Record], countries: frozenset[str] = frozenset()) -> Entity:
    # The type is voted by the fullest forms: a surname the model took for a
    # place ("Lohan") does not outvote the full name it was joined to.
    most_words = max(len(r.key.split()) for r in recs)
    fullest = [r for r in recs if len(r.key.split()) == most_words]
    type_ = _vote_type((r.mention.type for r in fullest), fullest[0].key, countries)
    counts = Counter(r.surface for r in recs)
    sources = Counter(s for s, _ in {(r.surface, r.article) for r in recs})
    first_seen = {s: min(r.published for r in recs if r.surface == s) for s in counts}
    key_of = {s: name_key(s, type_) for s in counts}

    def completeness(s: str) -> tuple[int, bool, int, int, str, int, int, int, str]:
        # Most words first (the full name), then a form not shouted in capitals
        # (headlines), then the form most articles use (one article repeating
        # its own spelling is one source's choice), the most used, the form of
        # the earliest-published article (the spelling the story was first
        # told in), the plainest spelling (fewest letters once case, accents and
        # punctuation are ignored: romanisations add letters to mark sounds,
        # "Dmitriy" / "Dmitry", "Aleksei" / "Alexei", while "U.S." and "US" stay
        # level), the longest, the one with fewer spaces (a space inside a
        # designation is a lost hyphen: "Tu 22M3"), and the alphabetically first
        # so that the choice never depends on order.
        return (-len(key_of[s].split()), s.isupper(), -sources[s], -counts[s], first_seen[s],
                len(key_of[s]), -len(s), s.count(" "), s)

    name = min(counts, key=completeness)
    aliases = tuple(sorted(s for s in counts if s != name))
    mentions = tuple(
        sorted(
            {
                EntityMentionRef(r.article, r.mention.start, r.mention.end, r.mention.text)
                for r in recs
            },
            key=lambda m: (m.article, m.start, m.end),
        )
    )
    return Entity(
        id=entity_id(type_, key_of[name]),
        name=name,
        type=type_,
        aliases=aliases,
        roles=_roles(recs),
        mentions=mentions,
    )


def _roles(recs: list[_Record]) -> tuple[str, ...]:
    """Distinct roles, case-insensitively; most frequent first, then alphabetical."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for r in recs:
        role = (r.mention.role or "").strip()
        if role:
            forms[role.casefold()][role] += 1
    ranked = sorted(forms.values(), key=lambda c: (-c.total(), min(c, key=lambda f: (-c[f], f))))
    return tuple(min(c, key=lambda f: (-c[f], f)) for c in ranked)
