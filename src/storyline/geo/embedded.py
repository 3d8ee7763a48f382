"""Place names inside the names of organisations ("Ohio Supreme Court", "University of
Georgia", "Dublin City Council", "European Commission").

Geoparsing corpora (GeoWebNews, LGL) count such embedded names as toponyms: the
organisation is named after the place, and usually lies in it or belongs to it.  The
dossier keeps the organisation as one entity; this module only finds the place names
inside it, with their offsets, for a geoparser that wants every toponym of a text.

A part of the name counts when it is a run of capitalised words that is not the whole
name, and the gazetteer knows it by its main name as a country, US state, admin-1
region, continent or large area (a country also by a short form, "U.S."), or as a town
of at least ``MIN_TOWN_POPULATION`` people; or when it is a nation's adjective ("Russian
Foreign Ministry").  Words that are organisation vocabulary more often than places
("National", "Federal", "Union", "Metro") and words of position ("Western Union",
"Centre Party") never count alone, whatever namesake the gazetteer holds.
"""

from __future__ import annotations

import itertools
import re

from storyline.geo.gazetteer import Gazetteer

# A town this large is named in an organisation's name far more often than a word that
# merely spells like it; smaller namesakes ("Federal", Argentina) are left out.
MIN_TOWN_POPULATION = 20_000

_WORD = re.compile(r"[A-Z][\w'’.-]*")
_LARGE = frozenset({"country", "state", "region", "continent", "area"})
# Capitalised words of organisation names that the gazetteer also knows as places.
_ORG_WORDS = frozenset({
    "national", "federal", "general", "united", "union", "central", "royal", "supreme",
    "state", "city", "county", "public", "international", "world", "global", "new",
    "first", "university", "college", "school", "council", "court",
    "department", "association", "society", "commission", "service", "services",
    "bank", "church", "house", "senate", "congress", "assembly", "party", "office",
    "home", "victoria", "providence", "mercy", "hope", "liberty", "independence",
    "commerce", "enterprise", "progress", "unity", "reading", "bath", "marine", "police",
    "metro", "gulf", "delta", "superior", "forest", "summit", "mission", "alliance",
})


def embedded_places(text: str, start: int, end: int,
                    gaz: Gazetteer) -> list[tuple[int, int]]:
    """Offsets of the place names inside the organisation name ``text[start:end]``."""
    words = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        hit = None
        # Longest first: "New York" before "York", "North Carolina" before "Carolina".
        for j in range(min(len(words), i + 3), i, -1):
            s, e = words[i][0], words[j - 1][1]
            if (s, e) == (start, end) or not _contiguous(text, words[i:j]):
                continue
            name = _bare(text[s:e])
            if _is_place(name, gaz):
                hit = (s, s + len(name)), j
                break
        if hit:
            out.append(hit[0])
            i = hit[1]
        else:
            i += 1
    return out


def _bare(name: str) -> str:
    """Without a possessive or a full stop that ends the word ("Ohio's" → "Ohio");
    initialisms keep theirs ("U.S.")."""
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name[:-1] if name.endswith(".") and name.count(".") == 1 else name


def _contiguous(text: str, words: list[tuple[int, int]]) -> bool:
    """Words separated by single spaces only (no "of", no punctuation between them)."""
    return all(text[a[1]:b[0]] == " " for a, b in itertools.pairwise(words))


# Words of position: "Western Union", "South Bank", "Centre Party" name no place (the
# gazetteer's admin-1 regions called "West" or "Centre" are in Cameroon and France).
_POSITION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west",
    "central", "centre", "center", "middle", "upper", "lower", "mid", "inner", "outer"})


def _is_place(name: str, gaz: Gazetteer) -> bool:
    if name.lower() in _ORG_WORDS or (len(name) < 3 and not name.isupper()):
        return False
    if len(name) < 3:  # two capitals: only a country's short form ("US", "UK")
        return any(c.place.feature == "country" for c in gaz.lookup(name))
    if all(w in _POSITION_WORDS for w in name.lower().split()):
        return False
    if gaz.demonym(name):
        return True
    for c in gaz.lookup(name):
        p = c.place
        if not c.primary and p.feature != "country":  # countries' short forms: "U.S."
            continue
        if p.feature in _LARGE or (p.feature == "city" and p.population >= MIN_TOWN_POPULATION):
            return True
    return False


def names_a_large_unit(name: str, gaz: Gazetteer) -> bool:
    """Whether a whole organisation-typed name is a country, union or world region by
    any of its names ("EU", "UAE"), or a city of ``METONYMIC_TOWN_POPULATION`` people or
    more by its main name: a metonymic toponym ("the EU decided", "Liverpool won")."""
    if name.lower() in _ORG_WORDS:
        return False
    return any(c.place.feature in ("country", "area", "continent")
               or (c.primary and c.place.feature == "city"
                   and c.place.population >= METONYMIC_TOWN_POPULATION)
               for c in gaz.lookup(name))


# A city this large, named alone where the model saw an organisation, is the city standing
# for its team, council or government ("Liverpool won", "Toronto approved").
METONYMIC_TOWN_POPULATION = 100_000
