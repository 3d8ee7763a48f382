"""A small, conservative language guess: is this English, and if not, what is it?

Two signals: the writing system of the letters (mostly Cyrillic text is not
English, whatever else it is) and, for Latin script, the share of tokens that are
very common function words of English or of a few other languages.  When neither
signal is clear the answer is "und" (undetermined), and ingest keeps the article:
we only refuse what is clearly not English.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

UNDETERMINED = "und"


def _vocab(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The most frequent English function words; in running English prose they make up
# roughly a third of all tokens.
_ENGLISH = _vocab(
    "the of and to a in is that for it was on with as by at from his her he she they "
    "we you i be are were has have had not but or an this which their its will would "
    "been who said after also than more into about over there when what can"
)
# The same idea for a few languages written in Latin script.  A word shared with
# English (Dutch "is") only makes a foreign verdict harder: the conservative side.
_OTHER_LATIN: dict[str, frozenset[str]] = {
    "de": _vocab("der die das und ist nicht mit den von zu sich des auf für eine ein dem"),
    "fr": _vocab("le la les et est des une du que pour qui dans pas sur au avec ce sont"),
    "es": _vocab("el la los las y es que del una por con para como pero sus fue entre"),
    "pt": _vocab("o os as e é que do da dos das uma com para não em por mais foi"),
    "it": _vocab("il lo gli e è che di della una per con non sono del nel alla"),
    "nl": _vocab("de het een en is van dat niet met voor zijn op aan ook maar"),
}
# Script of a letter → the language it most plainly indicates.
_SCRIPT_LANG = {
    "CYRILLIC": "ru",
    "GREEK": "el",
    "ARABIC": "ar",
    "HEBREW": "he",
    "DEVANAGARI": "hi",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
    "THAI": "th",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PROBE_CHARS = 20_000
# Below this many words the statistics say little; above the share thresholds the
# language is plain.
_MIN_WORDS = 8
_ENGLISH_SHARE = 0.12
_OTHER_SHARE = 0.15
_NON_LATIN_SHARE = 0.5


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first == "CJK":
        # Japanese text mixes kanji with kana; kana decides, counted separately.
        return "CJK"
    return first


def script_counts(text: str) -> Counter[str]:
    """Letters per script (first word of the Unicode name: LATIN, CYRILLIC, ...)."""
    return Counter(_script(ch) for ch in text[:_PROBE_CHARS] if ch.isalpha())


def detect_language(text: str) -> str:
    """ISO 639-1 code ("en", "ru", ...) when plain, else "und"."""
    scripts = script_counts(text)
    letters = sum(scripts.values())
    if not letters:
        return UNDETERMINED
    latin = scripts.get("LATIN", 0)
    if latin / letters < _NON_LATIN_SHARE:
        if scripts.get("HIRAGANA", 0) + scripts.get("KATAKANA", 0):
            return "ja"
        script, count = max(
            ((s, c) for s, c in scripts.items() if s != "LATIN"), key=lambda sc: (sc[1], sc[0])
        )
        if count / letters >= _NON_LATIN_SHARE:
            return _SCRIPT_LANG.get(script, UNDETERMINED)
        return UNDETERMINED
    words = [w.lower() for w in _WORD.findall(text[:_PROBE_CHARS])]
    if len(words) < _MIN_WORDS:
        # Too short to judge by statistics; any English function word tips it.
        return "en" if any(w in _ENGLISH for w in words) else UNDETERMINED
    english = sum(w in _ENGLISH for w in words) / len(words)
    if english >= _ENGLISH_SHARE:
        return "en"
    best, share = max(
        (
            (code, sum(w in vocab for w in words) / len(words))
            for code, vocab in _OTHER_LATIN.items()
        ),
        key=lambda cs: (cs[1], cs[0]),
    )
    if share >= _OTHER_SHARE and share > 2 * english:
        return best
    return UNDETERMINED


def is_clearly_foreign(code: str) -> bool:
    """Only a definite non-English answer is a reason to skip an article."""
    return code not in ("en", UNDETERMINED)
