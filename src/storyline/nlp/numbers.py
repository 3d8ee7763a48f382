"""Numbers as news text writes them: "1,500", "816 000", "2.5", "twenty-five",
"two dozen", "a hundred", and vague counts ("several", "dozens of").

Every number carries its *precision*: half a unit of its last significant digit
("1,500" → ±50, "40" → ±5, "2.5" → ±0.05, "two dozen" → ±6).  That is what a
figure rounded by a reporter can hide, and what the claims comparison uses as
its tolerance.  Vague words get an interval instead of a point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    low: float
    high: float  # == low for a plain number; vague words give a spread
    precision: float  # half-width of the rounding the digits allow
    vague: str | None = None  # "several", "dozens", "a couple", …


# Thousands separated by commas, or by (narrow) spaces as in "816 000"; a
# leading group of at most three digits keeps "2023 100" from becoming one number.
# A decimal may drop its leading zero (".001 per cent", "a .500 record").
_NUMERIC_BODY = (
    r"(?:(?:\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)"
    r"(?:\.\d+)?|\.\d+)(?![.,]?\d)"
)
NUMERIC_RE = re.compile(r"(?<![\w.,])" + _NUMERIC_BODY)
# The same numeral glued to letters on its left, for "USD10m" and "RM23.50" (the
# caller has read the letters as a currency).
GLUED_NUMERIC_RE = re.compile(_NUMERIC_BODY)

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
          "trillion": 1e12}
# Abbreviated scales ("€40m", "$2.5bn", "50k"): only trusted for money, where
# "m" cannot be metres.
ABBREV_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9,
                 "b": 1e9, "bil": 1e9, "tn": 1e12, "trn": 1e12}

_ONE_WORD = "|".join(sorted(_ONES, key=len, reverse=True))
_TEN_WORD = "|".join(_TENS)
_SCALE_WORD = "|".join(SCALES)
WORD_NUMBER_RE = re.compile(
    rf"\b(?:half an? dozen|an?(?=\s+(?:{_SCALE_WORD})\b)|(?:{_TEN_WORD})(?:[- ](?:{_ONE_WORD}))?"
    rf"|{_ONE_WORD})(?:\s+(?:{_SCALE_WORD})\b)*\b",
    re.IGNORECASE,
)

# Vague amounts → (low, high, qualifier).  The bounds are our reading of the
# word, documented in docs/claims.md; they only need to be wide and sane.
VAGUE: dict[str, tuple[float, float, str]] = {
    "a couple of": (2, 2, "a couple"),
    "a couple": (2, 2, "a couple"),
    "couple of": (2, 2, "a couple"),
    "several": (3, 9, "several"),
    "a few": (2, 5, "a few"),
    "a handful of": (2, 5, "a handful"),
    "dozens of": (24, 99, "dozens"),
    "scores of": (40, 199, "scores"),
    "hundreds of": (200, 999, "hundreds"),
    "thousands of": (2000, 9999, "thousands"),
    "tens of thousands of": (20000, 99999, "tens of thousands"),
    "hundreds of thousands of": (200000, 999999, "hundreds of thousands"),
    "millions of": (2e6, 9.99e8, "millions"),
    "tens of millions of": (2e7, 9.99e7, "tens of millions"),
    "hundreds of millions of": (2e8, 9.99e8, "hundreds of millions"),
    "billions of": (2e9, 9.99e11, "billions"),
}
VAGUE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(VAGUE, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def digits_precision(digits: str) -> float:
    """Half a unit of the last significant digit of a numeral ("1,500" → 50)."""
    plain = re.sub(r"[^\d.]", "", digits)
    if "." in plain:
        return 0.5 * 10 ** -len(plain.split(".", 1)[1])
    stripped = plain.rstrip("0")
    if not stripped:  # "0"
        return 0.5
    return 0.5 * 10 ** (len(plain) - len(stripped))


def parse_numeric(text: str, start: int, end: int) -> Number:
    raw = text[start:end]
    value = float(re.sub(r"[,\s\u00a0\u202f]", "", raw))
    return Number(start, end, value, value, digits_precision(raw))


def parse_words(text: str, start: int, end: int) -> Number | None:
    """A spelled-out number; None for something that only looks like one."""
    words = re.split(r"[\s-]+", text[start:end].lower())
    if words[:3] == ["half", "a", "dozen"] or words[:3] == ["half", "an", "dozen"]:
        return Number(start, end, 6.0, 6.0, 0.5)
    value = 0.0
    step = 1.0  # the smallest place the words name: "two dozen" → 12
    for w in words:
        if w in ("a", "an"):
            value += 1
        elif w in _ONES:
            value += _ONES[w]
        elif w in _TENS:
            value += _TENS[w]
        elif w in SCALES:
            value = max(value, 1) * SCALES[w]
            step = SCALES[w]
        else:
            return None
    # "two hundred" is precise to the hundreds, "three" to the unit.
    return Number(start, end, value, value, 0.5 * step if step > 1 else 0.5)


_COUNT_SCALE_RE = re.compile(r"[ \u00a0]?(M|B|bn|mn|mln)(?=\s+[a-z])")
_SCALE_AFTER_RE = re.compile(r"[ \u00a0]?(" + _SCALE_WORD + r")\b", re.IGNORECASE)


def scale_at(text: str, pos: int, allow_abbrev: bool) -> tuple[float, int] | None:
    """A scale word after a numeral ("2.5 billion", "€40m" when ``allow_abbrev``);
    scale words multiply when several follow ("4 hundred million" is 4e8)."""
    factor, end = 1.0, pos
    while (m := _SCALE_AFTER_RE.match(text, end)) and m.group(1).lower() != "dozen":
        factor, end = factor * SCALES[m.group(1).lower()], m.end()
    if end > pos:
        return factor, end
    # "4.3M digital sales", "8 B people", "3bn users": a capital M or B, or "bn"/"mn",
    # is a scale even outside money (a lone capital is no unit before a lowercase
    # word; lowercase "m" stays metres).
    m = _COUNT_SCALE_RE.match(text, pos)
    if m and not allow_abbrev:
        return ABBREV_SCALES[m.group(1).lower()], m.end()
    if allow_abbrev:
        m = re.match(r"[ \u00a0]?(mln|mil|mn|bil|bn|trn|tn|[kmb])(?![A-Za-z])", text[pos:],
                     re.IGNORECASE)
        if m:
            return ABBREV_SCALES[m.group(1).lower()], pos + m.end()
    return None


# A minus written before a numeral: "-5", "−5" (U+2212), "$-50.8bn"; or the word
# "minus".  A hyphen counts only when nothing word-like is glued to its left, so
# "Su-57", "2012-13" and "930-1,240" keep their hyphen as a joiner.
# "COVID -19" is a name written with a stray space, not minus nineteen.
NEGATIVE_LEFT_RE = re.compile(
    r"(?:(?:^|(?<=[\s(\[$€£¥]))(?<![A-Z][A-Za-z]\s)[-−]|\b[Mm]inus[\s-]+)$")

# Fractions.  Numerals: "1/2", "3/4" (a proper fraction with a small denominator,
# so "24/7" and "9/11" are not read as numbers); words: "half", "a third",
# "two-thirds", "three quarters", "one-and-a-half" is left out.
FRACTION_RE = re.compile(r"(?<![\w/.,])(?:(?P<w>\d{1,3})[ \u00a0](?=[1-9]/)|(?<!\d\s))"
                         r"(?P<n>[1-9])/(?P<d>[2-9]|1[0-6])(?![\w/])")
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                   "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
WORD_FRACTION_RE = re.compile(
    r"\b(?:(?P<num>an?|one|two|three|four|nine)[\s-])?(?P<den>half|halves|thirds?|quarters?|"
    r"fifths?|tenths?)\b",
    re.IGNORECASE,
)


def fraction_at(text: str, pos: int) -> Number | None:
    """A fraction starting at ``pos``: "1/2", "half", "a third", "two-thirds"."""
    m = FRACTION_RE.match(text, pos)
    if m:
        n, d = int(m.group("n")), int(m.group("d"))
        if n >= d:
            return None
        whole = int(m.group("w")) if m.group("w") else 0  # "3 1/2"
        return Number(m.start(), m.end(), whole + n / d, whole + n / d, 0.0)
    m = WORD_FRACTION_RE.match(text, pos)
    if not m:
        return None
    den = _FRACTION_WORDS[m.group("den").lower()]
    num_word = (m.group("num") or "").lower()
    if not num_word and m.group("den").lower() != "half":
        return None  # a bare "third" is an ordinal, "quarter" a period of the year
    num = _NUMERATORS.get(num_word, 1)
    if m.group("den").lower().endswith("s") and num == 1:
        return None  # "a thirds" is no number
    if num >= den:
        return None
    return Number(m.start(), m.end(), num / den, num / den, 0.0)


def negated(n: Number, start: int) -> Number:
    """``n`` with a minus sign written before it (its span then starts at the sign)."""
    return Number(start, n.end, -n.high, -n.low, n.precision, n.vague)


# Scientific notation after a numeral: "1.99×10−30", "3 x 10^8", "2.998 × 10⁸", "1.5e-5".
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺−", "0123456789-+-")
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
EXPONENT_RE = re.compile(
    rf"(?:\s?×\s?10(?:\^|\*\*)?(?P<a>[-−+]?\d{{1,3}})"
    rf"|\s?[xX*×]\s?10(?:\^|\*\*)(?P<b>[-−+]?\d{{1,3}})"
    rf"|\s?[xX*×]\s?10(?P<c>[⁻⁺]?[{_SUP}]{{1,3}})"
    rf"|[eE](?P<d>[-+]?\d{{1,3}}))(?![\d.])"
)


def number_at(text: str, pos: int, glued: bool = False) -> Number | None:
    """The number (numeral or words) starting exactly at ``pos``; ``glued`` lets
    a numeral follow letters ("USD10m")."""
    m = (GLUED_NUMERIC_RE if glued else NUMERIC_RE).match(text, pos)
    if m:
        n = parse_numeric(text, m.start(), m.end())
        e = EXPONENT_RE.match(text, m.end())
        if e is None:
            return n
        power = 10.0 ** int(next(g for g in e.groups() if g).translate(_SUPERSCRIPTS))
        return Number(n.start, e.end(), n.low * power, n.high * power, n.precision * power)
    m = WORD_NUMBER_RE.match(text, pos)
    if m:
        return parse_words(text, m.start(), m.end())
    return None


def vague_at(text: str, pos: int) -> Number | None:
    m = VAGUE_RE.match(text, pos)
    if not m:
        return None
    low, high, word = VAGUE[m.group(0).lower()]
    return Number(m.start(), m.end(), float(low), float(high), 0.0, vague=word)


def scaled(n: Number, factor: float, end: int) -> Number:
    return Number(n.start, end, n.low * factor, n.high * factor, n.precision * factor,
                  n.vague)
