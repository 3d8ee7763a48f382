"""Figures in an article: values with units, ranges, parallel units, counts, money.

We scan the text with our own patterns (spaCy's QUANTITY/MONEY ents miss
"1,100 pounds" as mass, split "up to 10 times the speed of sound", and have no
idea of rounding), and use spaCy for what it is good at: DATE/TIME ents to rule
out dates and clock times, the parse to find what a bare number counts, and
(in ``quantity_context``) the subject and attribute of each figure.

Span convention: ``Quantity.text`` covers an adjacent qualifier ("up to",
"approximately"), a range's "between"/"from", a currency sign or "Mach", the
number(s), scale word and unit; for a count, up to the counted noun.  A
parallel form in brackets is its own Quantity in ``alternates``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from storyline.model import Interval, Mention, Quantity
from storyline.nlp import money
from storyline.nlp import numbers as nb
from storyline.nlp import qualifiers as ql
from storyline.nlp import units as un
from storyline.nlp.designations import is_designation
from storyline.nlp.qualifiers import QUALIFIERS
from storyline.nlp.quantity_context import attribute_and_subject

# Ages: "a 50-year-old man", "the 65-year-old", "34 years old", "aged 34".
_AGE_RIGHT_RE = re.compile(r"[\s-]years?[\s-]old(?:s)?\b|-year-olds?\b", re.IGNORECASE)
_AGE_LEFT_RE = re.compile(r"\baged\s+$", re.IGNORECASE)
# Video resolutions are not pence: "1080p".
_RESOLUTIONS = {"480", "720", "1080", "1440", "2160"}
_MACH_PREFIX_RE = re.compile(r"\bMach\s?$", re.IGNORECASE)
_RANGE_SEP_RE = re.compile(r"\s*(?:-|–|—|to|and|or)\s*")
# "increased by $43.6 billion to $419.2 billion": an amount of change and a new
# level, not a range.
_BY_LEFT_RE = re.compile(r"\bby\s+$", re.IGNORECASE)
_SUB_LEFT_RE = re.compile(r"\bsub-$", re.IGNORECASE)
# "orbiting Earth 3,200 times", "6.5 times earnings": a count of times.
_TIMES_RE = re.compile(r"\s+times\b(?!\s+(?:the\s+speed|faster))", re.IGNORECASE)
# "Maddon, 66, has used …": a person's age in apposition to the name.
_APPOSED_AGE_RIGHT_RE = re.compile(r",|\s+(?:said|says|was|is|has|had|who|and|of|from)\b")
# A bare year-like number is a count only after a qualifier ("more than 1000 customers").
_QUALIFIED_LEFT_RE = re.compile(
    r"\b(?:more than|over|about|around|nearly|almost|some|up to|at least|fewer than|"
    r"less than|roughly|approximately)\s+$", re.IGNORECASE)
# A number glued to a letter on the left ("Su-57", "S-400", "MiG-31I", "F16")
# is part of a name; so is one followed by letters that are not a unit.
# Also a number after a capitalised word and a spaced hyphen ("COVID -19") and the
# second side of a score ("a 9-2 lead": a range would have consumed it).
_DESIGNATION_LEFT_RE = re.compile(r"(?:[A-Za-z]-?|#|[A-Z]{2,}\s[-–])$")
_CLOCK_RE = re.compile(r"(?:[:.]\d\d)?\s?(?:a\.?m\.?|p\.?m\.?|GMT|UTC|BST|CET)(?![A-Za-z])",
                       re.IGNORECASE)
_NOT_A_FIGURE_LEFT_RE = re.compile(
    r"\b(?:page|pages|p\.|pp\.|no\.|number|chapter|section|article|paragraph|resolution|"
    r"flight|route|highway|room|platform|line|volume|vol\.|issue|episode|season|"
    r"version|level|phase|grade|class|category|size)\s*$",
    re.IGNORECASE,
)
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_MONTH_LEFT_RE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_MONTH_RIGHT_RE = re.compile(rf"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_YEAR_RANGE_RE = re.compile(r"\b(?:1[5-9]|20)\d\d\s?[-–—/]\s?(?:\d\d){1,2}\b")
_RELATIVE_TIME_RE = re.compile(r"\s+(?:ago|earlier|later|before|after|old)\b", re.IGNORECASE)
_UNCOUNTABLE = {"time", "year", "month", "day", "week", "hour", "minute", "percent", "point",
                "of", "%", "per", "cent", "one", "other", "more", "less",
                # "100 degrees" with no scale is a temperature or an angle, never a count
                "degree"}
# Earthquake magnitude: "magnitude 5.9", "magnitude-6.8", "a magnitude of 6.1",
# "M6.8", "Mw 6.8" before the number; "6.1-magnitude", "5.9 on the Richter scale" after.
_MAGNITUDE_LEFT_RE = re.compile(
    r"(?:\b(?i:magnitude)(?:\s+of)?[\s-]|(?<![A-Za-z0-9])Mw?\s?)$"
)
_MAGNITUDE_RIGHT_RE = re.compile(r"(?:[\s-]magnitude\b|\s+on\s+the\s+Richter\s+scale\b)",
                                 re.IGNORECASE)
_M_DIGIT_RE = re.compile(r"(?<![A-Za-z0-9])Mw?\s?(?P<n>\d(?:\.\d)?)(?![\d.]*\d)")
# A price: "€3 per megawatt-hour", "$80 a barrel".  "a year" stays a sum.
_RATE_RE = re.compile(
    r"\s+(?:per|an?)\s+(?P<per>(?:megawatt|kilowatt|gigawatt)-hours?|[MmKkGg]Wh|barrels?|"
    r"tonnes?|tons?|litres?|liters?|gallons?|ounces?|shares?|kilos?|kilograms?|nights?|"
    r"heads?)\b|\s+per\s+(?P<any>(?:(?:square|sq\.?|cubic)\s+)?[A-Za-z][\w-]*)",
)
# "31 injured", "2 dead": a casualty word standing for "people"; "killing 2 and
# injuring 31": a bare number as the object of a casualty verb.
_CASUALTY_AFTER_RE = re.compile(r"\s+(?:injured|wounded|dead|killed|hurt|missing)\b",
                                re.IGNORECASE)
_BARE_END_RE = re.compile(r"\s*(?:[.,;)]|$)|\s+(?:in|at|on|near|across|and|after|during|when|as)\b")
_CASUALTY_BEFORE_RE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|injur(?:ed|ing|es)|wound(?:ed|ing|s)?)\s+$", re.IGNORECASE)

@dataclass
class _Fig:
    """A figure being built: value as written plus the pieces needed for SI."""

    start: int
    end: int
    low: float | None
    high: float | None
    unit: str = ""
    info: un.UnitInfo | None = None
    currency: str | None = None
    qualifier: str | None = None
    side: str | None = None  # ql.UPPER / ql.LOWER / ql.APPROX / None
    vague: bool = False
    num_start: int = 0  # where the first digit is (for exclusion checks)


def _magnitude_at(text: str, pos: int) -> _Fig | None:
    """An earthquake magnitude at ``pos``: "magnitude 5.9", "6.1-magnitude", "M6.8"."""
    digits = re.compile(r"\d+(?:\.\d+)?(?![\d.]*\d)").match(text, pos)
    if digits is None:
        return None
    n = nb.parse_numeric(text, pos, digits.end())
    if not 0 < n.low <= 10:
        return None
    left = text[max(0, pos - 20) : pos]
    lm = _MAGNITUDE_LEFT_RE.search(left)
    if lm and not lm.group(0).lower().startswith("mag") and "." not in digits.group(0):
        lm = None  # "M6.8" needs its decimal: "M5" is a motorway, "M16" a rifle
    fig = _Fig(n.start, n.end, n.low, n.high, unit="magnitude", info=un.MAGNITUDE,
               num_start=n.start)
    if lm:
        fig.start = pos - (len(left) - lm.start())
        if text[fig.start].isspace():
            fig.start += 1
        return fig
    rm = _MAGNITUDE_RIGHT_RE.match(text, n.end)
    if rm:
        fig.end = rm.end()
        return fig
    return None


def _single_at(text: str, pos: int) -> _Fig | None:
    """A number at ``pos`` with its prefix, scale, range and unit; None if it is a name."""
    mag = _magnitude_at(text, pos)
    if mag is not None:
        return mag
    # A minus before the number ("-5C", "minus 130", "$-50.8bn"): the prefix
    # checks below look left of the sign.
    neg = nb.NEGATIVE_LEFT_RE.search(text[max(0, pos - 8) : pos])
    sign_at = pos - (len(text[max(0, pos - 8) : pos]) - neg.start()) if neg else pos
    left = text[max(0, sign_at - 8) : sign_at]
    cur = money.prefix_currency(left)  # before the name check: "RM23.50", "USD10m"
    sub = _SUB_LEFT_RE.search(left) is not None  # "sub-300 sq m": under 300, not a name
    if cur is None and not sub and (
        _DESIGNATION_LEFT_RE.search(left)
        or _NOT_A_FIGURE_LEFT_RE.search(text[max(0, sign_at - 14) : sign_at])
    ):
        return None
    vague = nb.vague_at(text, pos)
    frac = None if vague else nb.fraction_at(text, pos)
    glued = cur is not None and pos > 0 and text[pos - 1].isalpha()
    n = vague or frac or nb.number_at(text, pos, glued=glued)
    if n is None:
        return None
    if neg and not vague:
        n = nb.negated(n, sign_at)
    fig = _Fig(n.start, n.end, n.low, n.high, vague=vague is not None, num_start=pos)
    if vague:
        fig.qualifier = vague.vague
        return fig
    if _CLOCK_RE.match(text, n.end) or (n.end < len(text) and text[n.end] == ":"):
        return None
    if _MONTH_LEFT_RE.search(left) or _MONTH_RIGHT_RE.match(text, n.end):
        return None
    sc_age = nb.scale_at(text, n.end, allow_abbrev=False)  # "400 million-year-old"
    age = _AGE_RIGHT_RE.match(text, sc_age[1] if sc_age else n.end)
    if age:
        fig.info, fig.unit, fig.end = un.UNITS["year"], "yr", age.end()
        if sc_age:
            fig.low, fig.high = n.low * sc_age[0], n.high * sc_age[0]
        return fig
    if _AGE_LEFT_RE.search(text[max(0, sign_at - 10) : sign_at]) and not cur:
        fig.info, fig.unit = un.UNITS["year"], "yr"  # "aged 34", "aged 18 to 34"
    if cur:
        fig.currency = cur[0]
        fig.start = sign_at - (len(left) - cur[1])
    elif _MACH_PREFIX_RE.search(left):
        fig.info, fig.unit = un.MACH, "mach"
        fig.start = pos - (len(left) - _MACH_PREFIX_RE.search(left).start())  # type: ignore[union-attr]
    end = n.end
    if frac is not None and not frac.low.is_integer():
        # "half a mile", "a third of a tonne", "half a million"
        skip = re.match(r"(?:\s+of)?\s+an?(?=\s)", text[end:])
        if skip and not text[frac.start : frac.end][:1].isdigit():
            end += skip.end()
    # A sign written after the sum ("1,200€", "10m USD") allows "m" as million.
    sc_any = nb.scale_at(text, end, allow_abbrev=True)
    suffix = None if fig.currency or fig.info else money.suffix_currency(
        text, sc_any[1] if sc_any else end)
    factor = 1.0
    sc = nb.scale_at(text, end, allow_abbrev=fig.currency is not None or suffix is not None)
    if sc:
        factor, end = sc
    first_unit = None if fig.info else un.match_unit(text, end)
    low, high = n.low * factor, n.high * factor
    single = (low, high)
    # A range: "1,500 to 2,000 km", "930-1,240 miles", "between 3 and 5 tonnes",
    # "1,500 km to 2,000 km".  The second number must be larger ("2012-13" is not).
    rm = _RANGE_SEP_RE.match(text, first_unit[1] if first_unit else end)
    if rm:
        sep = rm.group(0).strip()
        p2 = rm.end()
        if fig.currency and text[p2 : p2 + 1] in "$€£¥₽":
            p2 += 1
        # "by $43.6 billion to $419.2 billion": each side written out in full after
        # "by" is a change and a new level; "by 1 to 1.5 degrees" stays a range.
        by_left = sep == "to" and p2 > rm.end() and _BY_LEFT_RE.search(
            text[max(0, fig.start - 6) : fig.start])
        n2 = None if by_left else nb.number_at(text, p2) if sep != "and" or re.search(
            r"\bbetween\s+\S*$", text[max(0, pos - 12) : fig.start], re.IGNORECASE) else None
        if n2 is not None and not _DESIGNATION_LEFT_RE.search(text[max(0, p2 - 2) : p2]):
            f2, e2 = 1.0, n2.end
            sc2 = nb.scale_at(text, e2, allow_abbrev=fig.currency is not None)
            first_low, first_high = low, high
            if sc2:
                f2, e2 = sc2
                # "1 to 2 million": the scale covers both.  Not "$370,000 to $5.5
                # million": a first number written out in full has its own size.
                if not sc and n.high < 1000 and "," not in text[n.start : n.end]:
                    first_low, first_high = n.low * f2, n.high * f2
            if n2.low * f2 > first_high:
                low, high, end = first_low, n2.low * f2, e2
    if not fig.info:
        um = un.match_unit(text, end)
        if first_unit and (low, high) != single and (um is None or um[0] != first_unit[0]):
            # "rose 6.5% to 164p": two figures in different units, not a range
            (low, high), um = single, first_unit
        if um and not fig.currency:
            fig.info, end = um
            fig.unit = um[0].name
    if fig.info and fig.info.name == "lb" and factor >= 1e6:
        fig.info, fig.unit, fig.currency = None, "", "GBP"  # "5 million pounds" is money
    if fig.info and fig.info.dimension == "pence" and text[n.start : n.end] in _RESOLUTIONS:
        return None  # "1080p" is a video resolution
    if not fig.info and not fig.currency:
        sfx = money.suffix_currency(text, end)
        if sfx:
            fig.currency, end = sfx
    if not fig.info and not fig.currency:
        cw = un.CURRENCY_WORD_RE.match(text, end)
        if cw:
            fig.currency, end = un.CURRENCY_WORDS[cw.group("cur").lower()], cw.end()
    if fig.currency:
        fig.unit = fig.currency
        rate = _RATE_RE.match(text, end)
        if rate:  # a price per unit is not a sum: its own unit, never compared with one
            per = (rate.group("per") or rate.group("any")).lower()
            fig.unit, fig.currency, end = f"{fig.currency}/{per}", f"{fig.currency}/{per}", (
                rate.end())
    elif not fig.info and end < len(text) and text[end].isalpha():
        return None  # "31I", "1980s", "2nd", "3D": part of a name or an ordinal
    if fig.info and fig.info.dimension == "time" and _RELATIVE_TIME_RE.match(text, end):
        return None  # "three years ago": a date, not a duration
    if frac is not None and not (fig.info or fig.currency):
        return None  # a bare fraction ("half the crew") is a proportion, not a figure
    fig.low, fig.high, fig.end = low, high, end
    return fig


def _extend_left(text: str, fig: _Fig) -> None:
    """Pull an adjacent qualifier, "between" or "from" into the span."""
    before = text[max(0, fig.start - 20) : fig.start]
    sub = _SUB_LEFT_RE.search(before)
    if sub and not fig.vague and fig.info is not None:
        fig.qualifier, fig.side = QUALIFIERS["less than"][0], ql.UPPER
        fig.start -= len(before) - sub.start()
        return
    if fig.low != fig.high:
        m = re.search(r"\b(?:between|from)\s+$", before, re.IGNORECASE)
        if m:
            fig.start -= len(before) - m.start()
            before = text[max(0, fig.start - 20) : fig.start]
    m = ql.QUAL_RE.search(before)
    if m and m.group("q").lower() in ("over", "under") and fig.info and (
        fig.info.dimension == "time"
    ):
        m = None  # "over three days" is when it happened, not "more than"
    if m and m.group("q").lower() == "up to" and ql.MOTION_BEFORE_UP_TO_RE.search(
        before[: m.start("q")]
    ):
        return  # "inching back up to 4.8 percent": where it went, not a bound
    if m and not fig.vague:
        fig.qualifier, fig.side = QUALIFIERS[m.group("q").lower()]
        fig.start -= len(before) - m.start("q")
        return
    sign = ql.APPROX_SIGN_RE.search(before)
    if sign and not fig.vague:
        fig.qualifier, fig.side = "approximately", ql.APPROX
        fig.start -= len(before) - sign.start()
        return
    m = ql.NOUN_QUAL_RE.search(text[max(0, fig.start - 40) : fig.start])
    if m and not fig.vague:
        fig.qualifier = ql.NOUN_QUAL[m.group("q").lower()]


def _parallel(text: str, fig: _Fig, excluded: list[tuple[int, int]]) -> list[_Fig]:
    """"480 kg (1,100 pounds)", "(12,000 kph or 7,700 mph)": forms of the same figure."""
    m = re.compile(r"\s*\(\s*").match(text, fig.end)
    if not m or not (fig.info or fig.currency):
        return []
    pos, out = m.end(), []
    while True:
        qm = ql.QUAL_AT_RE.match(text, pos)  # "(about 25 miles)"
        if qm:
            pos = qm.end()
        alt = _single_at(text, pos)
        if alt is None or not (alt.info or alt.currency) or _excluded(alt, excluded):
            return []
        if (alt.info.dimension if alt.info else "money") != (
            fig.info.dimension if fig.info else "money"
        ):
            return []
        if qm:
            alt.qualifier, alt.side = QUALIFIERS[qm.group("q").lower()]
            alt.start = qm.start()
        out.append(alt)
        sep = re.compile(r"\s*(?:or|,|/|;|and)\s*").match(text, alt.end)
        close = re.compile(r"\s*\)").match(text, alt.end)
        if close:
            return out
        if not sep:
            return []
        pos = sep.end()


def _excluded(fig: _Fig, excluded: list[tuple[int, int]]) -> bool:
    return any(s <= fig.num_start < e for s, e in excluded)


# "<group> members": the count is of the group's people, named by the group noun.
_GROUP_MEMBER = frozenset({"member"})


def _count_noun(doc: Doc, fig: _Fig) -> tuple[str, int] | None:
    """For a bare number, the noun it counts ("three Russian warships") and its end."""
    span = doc.char_span(fig.num_start, fig.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    num = span[-1]
    # The parse may hang the number on a name modifying the noun ("460 Ford and Toyota
    # vans" → Ford): the counted noun is the one that name modifies.
    target = num.head
    while target.dep_ == "nmod" and target.pos_ == "PROPN" and target.head.i > target.i:
        target = target.head
    for tok in doc[span.end : min(len(doc), span.end + 4)]:
        if num.dep_ == "nummod" and tok.i < target.i and tok.dep_ in ("nmod", "cc", "conj"):
            continue  # "460 Kia and Hyundai vehicles": coordinated modifiers, vehicles counted
        # The noun the number modifies, even as a compound, when the phrase's head is
        # singular: "a 3 cylinder engine" counts cylinders; "18 return trains" trains.
        if tok.pos_ in ("NOUN", "PROPN") and (tok.dep_ != "compound" or (
                tok.i == num.head.i and num.dep_ == "nummod" and tok.head.tag_ == "NN")):
            linked = fig.vague or tok.i in (num.head.i, num.head.head.i, target.i)
            if not linked or tok.lemma_.lower() in _UNCOUNTABLE or not tok.is_alpha:
                return None
            noun = tok.lemma_.lower()
            prev = doc[tok.i - 1]
            if noun in _GROUP_MEMBER and tok.i > num.i + 1 and prev.dep_ == "compound" and (
                    prev.pos_ == "NOUN" and prev.is_alpha):
                # "three crew members" counts the crew, as "three crew" does
                noun = prev.lemma_.lower()
            return noun, tok.idx + len(tok.text)
        if (tok.pos_ not in ("ADJ", "NOUN", "PROPN", "PUNCT", "ADV") and tok.dep_ != "amod") or (
                tok.text in ",;()"):  # "300 recorded songs", "517 rushing yards" pass
            return None
    return None


def _elided_casualties(text: str, fig: _Fig) -> tuple[str, int] | None:
    """"31 injured", "killing two and injuring 31": people counted without the noun."""
    if fig.vague:
        return None
    after = _CASUALTY_AFTER_RE.match(text, fig.end)
    if after:
        return "people", after.end()
    if _CASUALTY_BEFORE_RE.search(text[max(0, fig.num_start - 20) : fig.num_start]) and (
            _BARE_END_RE.match(text, fig.end)):
        return "people", fig.end
    return None




def _could_be_date(text: str, fig: _Fig) -> bool:
    """Whether spaCy's DATE/TIME/ORDINAL label on a bare number is believable: a day
    of the month, a year, or anything not a plain whole number.  "sales of 5835
    units" and "1385710 lightning strikes" come labelled DATE, and are counts."""
    if fig.low is None or fig.low != fig.high or not fig.low.is_integer():
        return True
    written = text[fig.num_start : fig.end]
    if not re.match(r"[\d,]+", written):
        return True  # words: "three days" dates are decided by their unit
    return fig.low <= 31 or (1000 <= fig.low <= 2100 and "," not in written)


def _apposed_age(text: str, fig: _Fig, mentions: Sequence[Mention]) -> bool:
    """"Maddon, 66, has …", "Jamie Armstrong, 25, said": a bare whole number between
    commas right after a person's name is that person's age."""
    if fig.vague or fig.low is None or fig.low != fig.high or not fig.low.is_integer():
        return False
    if not 1 <= fig.low <= 120 or not text[fig.num_start].isdigit():
        return False
    left = re.search(r",\s?$", text[max(0, fig.num_start - 2) : fig.num_start])
    if left is None or not _APPOSED_AGE_RIGHT_RE.match(text, fig.end):
        return False
    name_end = fig.num_start - len(left.group(0))
    return any(m.end == name_end and m.type == "PERSON" for m in mentions)


def _to_quantity(text: str, fig: _Fig, sentence: int) -> Quantity:
    low, high = fig.low, fig.high
    if fig.side == ql.UPPER:
        low = None
    elif fig.side == ql.LOWER:
        high = None
    value = Interval(low, high, fig.unit)
    if fig.info:
        info = fig.info
        conv = (lambda v: None if v is None else un.to_si(v, info))  # noqa: E731
        normalized = Interval(conv(low), conv(high), un.si_unit(info))
    elif fig.currency:
        normalized = Interval(low, high, fig.currency)
    else:
        normalized = Interval(low, high, "count")
    return Quantity(fig.start, fig.end, text[fig.start : fig.end], sentence, value, normalized,
                    qualifier=fig.qualifier)


def _excluded_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME",
                                                                          "ORDINAL")]
    spans += [m.span() for m in _YEAR_RANGE_RE.finditer(doc.text)]
    return spans


def _candidates(text: str) -> list[int]:
    starts = {m.start() for m in nb.NUMERIC_RE.finditer(text)}
    starts |= {m.start() for m in nb.WORD_NUMBER_RE.finditer(text)}
    starts |= {m.start() for m in nb.VAGUE_RE.finditer(text)}
    starts |= {m.start("n") for m in _M_DIGIT_RE.finditer(text)}
    starts |= {m.start() for m in nb.FRACTION_RE.finditer(text)}
    starts |= {m.end() for m in money.GLUED_START_RE.finditer(text)}
    starts |= {m.start() for m in nb.WORD_FRACTION_RE.finditer(text)}
    return sorted(starts)


def extract_quantities(doc: Doc, mentions: Sequence[Mention]) -> list[Quantity]:
    """Figures in ``doc`` (whose text is the article's cleaned text), with subject/attribute."""
    text = doc.text
    excluded = _excluded_spans(doc)
    sent_starts = [s.start_char for s in doc.sents]
    out: list[Quantity] = []
    consumed = 0
    for pos in _candidates(text):
        if pos < consumed:
            continue
        fig = _single_at(text, pos)
        if fig is None:
            continue
        # spaCy's DATE/ORDINAL/TIME labels rule out dates, but not a figure whose
        # unit is in our own table ("1520 sq m", "24pc", "100km/hr", "45 minutes").
        # spaCy labels an apposed age ("Maddon, 66, said") a DATE: the name decides.
        aged = fig.info is None and fig.currency is None and _apposed_age(text, fig, mentions)
        if _excluded(fig, excluded) and fig.info is None and fig.currency is None and not aged and (
                _could_be_date(text, fig)):
            continue
        if not fig.info and not fig.currency:
            # A bare number is a figure only when it counts something, and a
            # lone "one"/"a" is an article or pronoun far more often than a count.
            if fig.low is None or (fig.low == 1 and not text[fig.num_start].isdigit()):
                continue
            if fig.low == fig.high and fig.low.is_integer() and 1800 <= fig.low <= 2100 and (
                "," not in text[fig.num_start : fig.end]
            ) and not _QUALIFIED_LEFT_RE.search(text[max(0, fig.start - 16) : fig.start]):
                continue  # a bare year-like number: "2023"
            if aged:
                fig.info, fig.unit = un.UNITS["year"], "yr"
                _extend_left(text, fig)
                sent = max(0, bisect.bisect_right(sent_starts, fig.start) - 1)
                consumed = fig.end
                out.append(_to_quantity(text, fig, sent))
                continue
            times = _TIMES_RE.match(text, fig.end)
            counted = ("time", times.end()) if times else _count_noun(doc, fig)
            if counted is None:
                counted = _elided_casualties(text, fig)
            if counted is None or is_designation(doc, text, fig.num_start, fig.end, fig.low,
                                                  counted):
                continue
            fig.unit, fig.end = counted
        _extend_left(text, fig)
        alts = _parallel(text, fig, excluded)
        for a in alts:
            if a.qualifier is None:  # "(12,000 kph or 7,700 mph)" shares the "up to"
                a.qualifier, a.side = fig.qualifier, fig.side
        sent = max(0, bisect.bisect_right(sent_starts, fig.start) - 1)
        q = _to_quantity(text, fig, sent)
        q = replace(q, alternates=tuple(_to_quantity(text, a, sent) for a in alts))
        consumed = max([fig.end] + [a.end for a in alts])
        out.append(q)
    return [attribute_and_subject(doc, q, mentions) for q in out]


_OPEN_RANGE_RE = re.compile(r"\s*(?:-|–|to)\s*[$€£¥]?\d")


def bare_levels(doc: Doc, taken: Sequence[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Numerals with neither unit nor counted noun that still state an amount: a
    decimal ("the index ended at 1,334.20") or a scaled sum ("raised 280 million").
    Not claims (nothing says what they measure); a benchmark that annotates every
    quantity counts them.  Spans overlapping ``taken`` are skipped."""
    text = doc.text
    excluded = _excluded_spans(doc)
    out: list[tuple[int, int, float]] = []
    consumed = 0
    for pos in _candidates(text):
        if pos < consumed or any(s <= pos < e for s, e in taken):
            continue
        fig = _single_at(text, pos)
        if fig is None or fig.info or fig.currency or fig.vague or fig.low is None:
            continue
        written = text[fig.num_start : fig.end]
        if fig.low != fig.high or (not written[:1].isdigit() and written[:1] != "."):
            continue
        num = nb.NUMERIC_RE.match(text, fig.num_start)
        scaled = num is not None and num.end() < fig.end
        if not (scaled or "." in written) or any(s < fig.end and fig.start < e for s, e in taken):
            continue
        if _excluded(fig, excluded) and _could_be_date(text, fig) and not scaled:
            continue
        if _OPEN_RANGE_RE.match(text, fig.end):
            continue  # "from 4.8 to 4.7 percent": one end of a range that has a unit
        out.append((fig.start, fig.end, fig.low))
        consumed = fig.end
    return out
