"""Name keys for gazetteer matching: one key for every spelling a reader would equate."""

from __future__ import annotations

import re
import unicodedata
from hashlib import blake2b

_PUNCT = re.compile(r"[\W_]+")
_APOSTROPHES = re.compile(r"['’`ʻ]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
# Anything outside Latin (basic to Latin Extended-B, IPA) and combining marks.
NON_LATIN = re.compile(r"[^\u0000-\u024f\u0300-\u036f]")


def normalise(name: str) -> str:
    """Key for name matching: casefold, strip diacritics (NFKD), collapse punctuation.

    "Artëm", "ARTEM" and "Artem" share the key "artem"; "St. Louis" and "St Louis" share
    "st louis".  Apostrophes are dropped rather than turned into spaces so that
    "Martha's Vineyard" and "Marthas Vineyard" meet.  ASCII input (most of it) skips the
    Unicode work: the index holds ~1M keys and this runs on every one at load time.
    """
    if name.isascii():
        name = name.lower()
        if "'" in name or "`" in name:
            name = name.replace("'", "").replace("`", "")
        if name.isalnum():
            return name
        if name.replace(" ", "").isalnum():  # words and spaces only: no regex needed
            return " ".join(name.split())
        return _PUNCT.sub(" ", name).strip()
    # Some letters carry no combining mark under NFKD (ø, ł, ß): fold them first.
    name = _COMBINING.sub("", unicodedata.normalize("NFKD", name.translate(_LETTER_FOLD)))
    return _PUNCT.sub(" ", _APOSTROPHES.sub("", name.casefold())).strip()


_LETTER_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                              "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                              "ı": "i", "þ": "th"})




# The name index maps ~560k (key, record) pairs.  Rather than a dict of key strings
# (≈150 bytes a key), each pair is one unsigned 64-bit integer — the top 44 bits of the
# key's hash above a 20-bit record code (record index << 1 | primary flag) — in one
# sorted array: 8 bytes a pair, found by bisection.  A different key shares the 44 hash
# bits with probability ~560k / 2**44 ≈ 3e-8 per lookup.  The hash is a BLAKE2b digest,
# not the built-in ``hash()``: str hashes are salted per process, and the built index is
# cached on disk and read by other processes (``storyline.geo.cache``).
CODE_BITS = 20  # record codes < 2**20: room for 524k records
HASH_MASK = (1 << (64 - CODE_BITS)) - 1


def key_hash(key: str) -> int:
    """A hash of a name key that is the same in every process (44 bits)."""
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(),
                          "little") & HASH_MASK


# Generic words a region's name may carry or drop ("Primorsky Krai", "Primorye region").
_REGION_WORDS = frozenset({"region", "krai", "kray", "oblast", "province", "state", "republic",
                           "okrug", "territory", "prefecture", "governorate", "the", "of"})
# Adjective/noun endings of transliterated names: -skiy/-sky/-skaya/-ye/-ia …
_STEM_ENDING = re.compile(r"(?:sk)?(?:iy|yy|ii|ij|aya|iya|ya|ye|ie|ia|y|a|e|i|o)$")


def region_stem(name: str) -> str:
    """A loose key for region names: generic words dropped, each word's ending cut.

    Returns "" when nothing distinctive is left (stems under 4 letters match too much).
    """
    words = [w for w in normalise(name).split() if w not in _REGION_WORDS]
    stems = [_STEM_ENDING.sub("", w) for w in words]
    key = " ".join(s for s in stems if s)
    return key if len(key.replace(" ", "")) >= 4 else ""
