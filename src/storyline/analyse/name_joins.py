"""Three more ways one story names one thing, each joined only when unambiguous.

* An acronym written in capitals ("IE", "NSA") is the story's only multi-word
  organisation, product or other name whose initials it spells ("Internet
  Explorer"), whatever type the model gave either.  An acronym the story also
  writes as an ordinary lower-case word ("who"), one typed as a place or a
  person, or a broad place ("US", kept by its own synonym) is left alone.
* Two full person names with the same surname whose first names are spellings
  of one name ("Betty Page" / "Bettie Page", "Jon" / "John") are one person
  when no other person of the story bears that surname.
* A publication or company named with its type word after it ("People
  magazine", "Acme company") is the bare name ("People"), when only one such
  longer name reduces to it and the bare name is not a person or a place.
  The type word must be written in lower case, a description of the name
  ("People magazine"): capitalised it is part of another title ("The New York
  Times Magazine" is not "The New York Times").  A company's "Group" or
  "Company" is its registered name either way ("Vodafone Group").

The functions work on name keys (``names.name_key``) and join them in the
resolver's union-find; they never split anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from storyline.analyse.names import initials, is_broad_place, person_core, translit_token
from storyline.model import EntityType
from storyline.unionfind import UnionFind

# Types an acronym may stand for, on either side.  People and places are
# excluded: "PM" is a role, "LA" a place the gazetteer reads itself.
_ACRONYM_TYPES = frozenset({"ORG", "OTHER", "EQUIPMENT", "FACILITY"})

# Words naming what kind of outlet or firm a name is, written after the name
# ("People magazine", "the Sun newspaper").  Legal forms ("Inc.") are already
# dropped from ORG keys by ``name_key``.
TYPE_WORDS = frozenset({"magazine", "newspaper", "paper", "daily", "weekly", "tabloid",
                        "journal", "company", "firm", "website", "network", "channel",
                        "broadcaster", "airline", "airlines", "brand", "group"})
# Type words that name the same firm when capitalised too.
_COMPANY_WORDS = frozenset({"company", "group"})


def acronym_surface(surface: str) -> bool:
    """A form written as an acronym: 2-6 capitals, dots allowed ("IE", "U.N.")."""
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def join_acronyms(key_type: dict[str, EntityType], uf: UnionFind[str],
                  written_as_acronym: Iterable[str], common: set[str]) -> None:
    """Join each acronym key to the one multi-word name of the story it spells."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for k, t in key_type.items():
        if " " in k and t in _ACRONYM_TYPES:
            by_initials[initials(k)].add(uf.find(k))
    for k in sorted(set(written_as_acronym)):
        if (" " in k or key_type.get(k) not in _ACRONYM_TYPES or k in common
                or is_broad_place(k)):
            continue
        roots = by_initials.get(k, set())
        if len(roots) == 1:
            uf.union(k, next(iter(roots)))


def first_name_form(token: str) -> str:
    """One spelling for variants of a first name: "betty" / "bettie" → "beti",
    "jon" / "john" → "jon" (romanisation folding, then an "h" after the first
    letter dropped and an "-ie"/"-ey" ending read as "-y")."""
    t = translit_token(token)
    t = t[0] + t[1:].replace("h", "") if t else t
    if t.endswith(("ie", "ei")) and len(t) > 3:
        t = t[:-2] + "i"
    return t


def join_first_name_variants(key_type: dict[str, EntityType], uf: UnionFind[str]) -> None:
    """Join two people of one surname whose first names are one name's spellings,
    when they are the only two (after earlier joins) who bear that surname."""
    by_surname: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    for k, t in key_type.items():
        core = person_core(k) if t == "PERSON" else ()
        if len(core) == 2 and len(core[0]) >= 3:
            by_surname[core[-1]][uf.find(k)] = core
    for people in by_surname.values():
        if len(people) != 2:
            continue
        (ra, a), (rb, b) = sorted(people.items())
        if a[0] != b[0] and first_name_form(a[0]) == first_name_form(b[0]):
            uf.union(ra, rb)


def type_word_in_lower_case(surface: str) -> bool:
    """Whether a form ends in a type word written in lower case ("People magazine")."""
    words = surface.split()
    return len(words) >= 2 and words[-1].islower()


def join_type_word_names(key_type: dict[str, EntityType], uf: UnionFind[str],
                         described: Iterable[str]) -> None:
    """Join "X magazine" (any type word) to the bare "X" of the story, when one
    longer name reduces to it and "X" is not typed a person or a place.
    ``described``: the keys written at least once with the type word in lower case."""
    lower = set(described)
    longer: dict[str, set[str]] = defaultdict(set)
    for k in key_type:
        toks = k.split()
        if (len(toks) >= 2 and toks[-1] in TYPE_WORDS
                and (k in lower or toks[-1] in _COMPANY_WORDS)):
            longer[" ".join(toks[:-1])].add(uf.find(k))
    for bare, roots in sorted(longer.items()):
        if (len(roots) == 1 and bare in key_type
                and key_type[bare] not in ("PERSON", "PLACE", "GROUP")):
            uf.union(bare, next(iter(roots)))
