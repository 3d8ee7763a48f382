"""Temporal expressions: found in the text, resolved against the publication date.

Detection is a small English grammar of regular expressions (weekdays, month
dates, deictic words such as "yesterday", periods such as "last week" or
"earlier this year", and anaphoric phrases such as "the following day").
Dates that state their year go through ``storyline.ingest.dates.parse_date``
(dateparser, strict settings); everything relative is computed here, because
the reading depends on the article (its publication date, its tense, the date
told just before).

How each kind is read (``basis`` says which rule applied):

* weekday ("on Saturday"): the one on or before publication (the same day
  counts), as news tells what happened; in a clause about the future
  ("will meet on Monday") the one on or after publication; "last"/"next"
  Saturday strictly before/after;
* month and day without a year ("September 13"): the year that puts the date
  nearest to publication, but never more than a month ahead in a past-tense
  clause;
* "yesterday", "today", "tomorrow", "last night", "N days ago": counted from
  publication;
* "last/this/next week|month|year", "earlier/later this …": a range with its
  first and last day (``earliest``/``latest``);
* "the following day", "the previous morning", "N days later": counted from the
  last day-precise date resolved before it in the same article.

An undated article resolves only what states its own year; the rest keeps
``value=None`` with the reason in ``basis``: never a guess from today.
"""

from __future__ import annotations

import bisect
import re
from calendar import monthrange
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from storyline.ingest.dates import parse_date
from storyline.model import TimeExpression

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# A preposition that makes the expression a limit ("shut until Wednesday").
_BOUND = re.compile(
    r"\b(until|till|by|since|from|before|after|through)\s+(?:at\s+least\s+|the\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)

# Order matters: earlier patterns win where spans overlap.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(rf"\b{_YEAR}-[01]\d-[0-3]\d\b")),
    ("date", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b")),
    ("date", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("month", re.compile(rf"\b{_MONTH}\s+{_YEAR}\b")),
    ("month", re.compile(rf"\b(?i:in|since|until|by|during|of)\s+(?P<x>{_MONTH})\b(?![-–])")),
    ("month", re.compile(rf"\b(?:early|late|mid-?)\s*{_MONTH}\b")),
    ("weekday", re.compile(rf"\b(?:(?i:last|next|this)\s+)?{_WEEKDAY}{_PART}\b")),
    ("deictic", re.compile(r"\b(?i:yesterday|today|tonight|tomorrow)\b")),
    ("deictic", re.compile(r"\b(?i:this\s+(?:morning|afternoon|evening)|last\s+night)\b")),
    ("period", re.compile(r"\b(?i:(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year))\b")),
    ("period", re.compile(r"\b(?i:(?:last|this|next|past)\s+(?:week(?:end)?|month|year))\b")),
    ("ago", re.compile(rf"\b(?i:{_NUM}\s+(?:days?|weeks?|months?|years?)\s+ago)\b")),
    ("anaphoric", re.compile(
        r"\b(?i:the\s+(?:following|next|previous|same)\s+(?:day|morning|afternoon|evening|night)"
        r"|the\s+day\s+(?:after|before)"
        r"|that\s+day)\b"
    )),
    ("anaphoric", re.compile(rf"\b(?i:{_NUM}\s+days?\s+(?:later|earlier))\b")),
    ("year", re.compile(rf"\b(?i:in|since|until|by|during|of)\s+(?P<x>{_YEAR})\b")),
)


def _month_of(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")[:3]]


def find_time_expressions(
    text: str,
    sentence_starts: Sequence[int],
    published: str | None,
    *,
    future_at: Callable[[int], bool] | None = None,
) -> list[TimeExpression]:
    """Every temporal expression of ``text``, resolved in reading order.

    ``future_at(offset)`` tells whether the clause around a character offset
    speaks of what is to come (from the parse); without it, all are past.
    """
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            # A preposition that only signals the kind stays outside the span.
            s, e = m.span("x") if "x" in pattern.groupindex else m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            found.append((s, e, kind))
            taken.append((s, e))
    found.sort()
    pub = date.fromisoformat(published) if published else None
    previous: date | None = None
    out: list[TimeExpression] = []
    for s, e, kind in found:
        sentence = max(0, bisect.bisect_right(sentence_starts, s) - 1)
        before = _BOUND.search(text[max(0, s - 20) : s])
        future = bool(future_at and future_at(s))
        expr = resolve(text[s:e], kind, pub, previous, future)
        expr = TimeExpression(
            start=s, end=e, text=text[s:e], sentence=sentence, kind=kind,
            value=expr.value, granularity=expr.granularity, earliest=expr.earliest,
            latest=expr.latest, basis=expr.basis, future=future,
            bound=before.group(1).lower() if before else None,
        )
        out.append(expr)
        if expr.granularity == "day" and expr.value:
            previous = date.fromisoformat(expr.value)
    return out


def _day(d: date, basis: str) -> TimeExpression:
    iso = d.isoformat()
    return TimeExpression(0, 0, "", 0, "", iso, "day", iso, iso, basis)


def _range(value: str, gran: str, lo: date, hi: date, basis: str) -> TimeExpression:
    return TimeExpression(0, 0, "", 0, "", value, gran, lo.isoformat(), hi.isoformat(), basis)


def _unresolved(reason: str) -> TimeExpression:
    return TimeExpression(0, 0, "", 0, "", None, None, None, None, reason)


_NO_PUB = "not resolved: the article has no publication date"


def resolve(
    phrase: str, kind: str, pub: date | None, previous: date | None, future: bool = False
) -> TimeExpression:
    """The date (or range) of one expression; offsets are left for the caller."""
    low = phrase.lower()
    if kind == "iso":
        found = parse_date(phrase)
        return _day(date.fromisoformat(found), "ISO date") if found else _unresolved(
            "not a valid date"
        )
    if kind == "date":
        return _resolve_date(phrase, pub, future)
    if kind == "month":
        return _resolve_month(phrase, pub, future)
    if kind == "year":
        y = int(phrase)
        return _range(phrase, "year", date(y, 1, 1), date(y, 12, 31), "year as written")
    if kind == "anaphoric":
        return _resolve_anaphoric(low, previous)
    if pub is None:
        return _unresolved(_NO_PUB)
    if kind == "weekday":
        return _resolve_weekday(low, pub, future)
    if kind == "deictic":
        if "yesterday" in low or "last night" in low:
            return _day(pub - timedelta(days=1), f"day before publication ({pub})")
        if "tomorrow" in low:
            return _day(pub + timedelta(days=1), f"day after publication ({pub})")
        return _day(pub, f"publication day ({pub})")
    if kind == "ago":
        n_word, unit = low.split()[:2]
        n = int(n_word) if n_word.isdigit() else _NUM_WORDS[n_word]
        if unit.startswith("day"):
            return _day(pub - timedelta(days=n), f"{n} days before publication ({pub})")
        if unit.startswith("week"):
            d = pub - timedelta(weeks=n)
            return _range(_week_id(d), "week", _monday(d), _monday(d) + timedelta(6),
                          f"{n} weeks before publication ({pub})")
        if unit.startswith("month"):
            y, m = _add_months(pub.year, pub.month, -n)
            return _month_range(y, m, f"{n} months before publication ({pub})")
        y = pub.year - n
        return _range(str(y), "year", date(y, 1, 1), date(y, 12, 31),
                      f"{n} years before publication ({pub})")
    return _resolve_period(low, pub)


def _resolve_date(phrase: str, pub: date | None, future: bool) -> TimeExpression:
    if re.search(_YEAR, phrase):
        found = parse_date(re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", phrase))
        if found:
            return _day(date.fromisoformat(found), "date as written")
        return _unresolved("not a valid date")
    words = re.findall(r"[A-Za-z]+\.?|\d+", phrase)
    month = next(_month_of(w) for w in words if w.lower().rstrip(".")[:3] in _MONTHS)
    day = int(next(w for w in words if w.isdigit()))
    if pub is None:
        return _unresolved("not resolved: no year stated and the article has no publication date")
    best: date | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cand = date(year, month, day)
        except ValueError:
            continue
        if future and cand < pub:
            continue
        if not future and cand > pub + timedelta(days=31):
            continue
        if best is None or abs((cand - pub).days) < abs((best - pub).days):
            best = cand
    if best is None:
        return _unresolved("not a valid date")
    return _day(best, f"month and day as written, year from publication ({pub})")


def _resolve_month(phrase: str, pub: date | None, future: bool) -> TimeExpression:
    words = re.findall(r"[A-Za-z]+\.?|\d+", phrase)
    month = next(_month_of(w) for w in words if w.lower().rstrip(".")[:3] in _MONTHS)
    years = [int(w) for w in words if w.isdigit()]
    if years:
        return _month_range(years[0], month, "month as written")
    if pub is None:
        return _unresolved("not resolved: no year stated and the article has no publication date")
    year = pub.year
    if future and month < pub.month:
        year += 1
    elif not future and month > pub.month + 1:
        year -= 1
    return _month_range(year, month, f"month as written, year from publication ({pub})")


def _resolve_weekday(low: str, pub: date, future: bool) -> TimeExpression:
    name = next(w for w in WEEKDAYS if w in low)
    target = WEEKDAYS.index(name)
    back = (pub.weekday() - target) % 7
    ahead = (target - pub.weekday()) % 7
    if low.startswith("last"):
        d = pub - timedelta(days=back or 7)
        basis = f"{name.title()} before publication ({pub})"
    elif low.startswith("next"):
        d = pub + timedelta(days=ahead or 7)
        basis = f"{name.title()} after publication ({pub})"
    elif future:
        d = pub + timedelta(days=ahead)
        basis = f"{name.title()} on or after publication ({pub}), future tense"
    else:
        d = pub - timedelta(days=back)
        basis = f"{name.title()} on or before publication ({pub})"
    return _day(d, basis)


def _resolve_anaphoric(low: str, previous: date | None) -> TimeExpression:
    if previous is None:
        return _unresolved("not resolved: no earlier date in the article to count from")
    m = re.match(rf"({_NUM})\s+days?\s+(later|earlier)", low)
    if m:
        n = int(m[1]) if m[1].isdigit() else _NUM_WORDS[m[1]]
        step = n if m[2] == "later" else -n
    elif any(w in low for w in ("following", "next", "after")):
        step = 1
    elif any(w in low for w in ("previous", "before")):
        step = -1
    else:
        step = 0
    return _day(previous + timedelta(days=step), f"{step:+d} days from {previous} told before")


def _resolve_period(low: str, pub: date) -> TimeExpression:
    unit = "weekend" if "weekend" in low else next(u for u in ("week", "month", "year") if u in low)
    shift = -1 if low.startswith(("last", "past")) else 1 if low.startswith("next") else 0
    if unit in ("week", "weekend"):
        monday = _monday(pub) + timedelta(weeks=shift)
        lo, hi = monday, monday + timedelta(days=6)
        if unit == "weekend":
            lo = monday + timedelta(days=5)
        value = _week_id(monday)
    elif unit == "month":
        y, m = _add_months(pub.year, pub.month, shift)
        lo, hi = date(y, m, 1), date(y, m, monthrange(y, m)[1])
        value = f"{y:04d}-{m:02d}"
    else:
        y = pub.year + shift
        lo, hi = date(y, 1, 1), date(y, 12, 31)
        value = str(y)
    if low.startswith("earlier"):
        hi = pub
    elif low.startswith("later"):
        lo = pub
    gran = "week" if unit == "weekend" else unit
    return _range(value, gran, lo, hi, f"{low} relative to publication ({pub})")


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week_id(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + n
    return k // 12, k % 12 + 1


def _month_range(y: int, m: int, basis: str) -> TimeExpression:
    return _range(
        f"{y:04d}-{m:02d}", "month", date(y, m, 1), date(y, m, monthrange(y, m)[1]), basis
    )


__all__ = ["find_time_expressions", "resolve"]
