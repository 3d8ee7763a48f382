"""Publication dates from strings and from a date line under a headline.

The rule is: a date or nothing.  We never fill a missing part from today, never
read a relative phrase ("2 days ago") and never pick one reading of an ambiguous
numeric date: ``05/06/2023`` could be 5 June or 6 May, so it gives ``None``, while
``16/09/2023`` can only be 16 September.
"""

from __future__ import annotations

import re
import warnings
from datetime import date

import dateparser

# ISO 8601 (optionally with a time): always year-month-day, so parse it ourselves
# rather than let a day-first setting swap month and day.
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
# All-numeric day/month/year with / . or - between the parts.
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
# Words that introduce a date line on news sites: "Published: ...", "Updated on ...".
_PREFIX = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|dated?)\s*(?:on|at)?\s*[:\-–—|]?\s*)+",
    re.IGNORECASE,
)
# A clock time with an optional zone after the date: "10:32 am", "- 12:03 GMT".
_TRAILING_TIME = re.compile(
    r"\s*(?:[,|@\-–—]|\bat\b)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{2,5}|UTC[+-]\d{1,2}|[+-]\d{2}:?\d{2})?\s*$",
    re.IGNORECASE,
)
# A date line is short; anything longer is a sentence that happens to hold a date.
_MAX_DATE_LINE = 48
_MAX_DATE_WORDS = 7

_SETTINGS = {
    "STRICT_PARSING": True,  # no part may be filled in from today
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",  # only reached for non-numeric forms; numeric ones are ours
    "PARSERS": ["absolute-time"],  # no "yesterday", no "3 hours ago"
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_MIN_YEAR, _MAX_YEAR = 1900, 2100


def _iso(year: int, month: int, day: int) -> str | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: str) -> str | None:
    """``value`` as ISO ``YYYY-MM-DD`` when it states one day unambiguously, else None."""
    value = value.strip()
    if not value or len(value) > 80:
        return None
    m = _ISO.match(value)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    m = _NUMERIC.match(value)
    if m:
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if first <= 12 and second <= 12 and first != second:
            return None  # day-first or month-first: no way to tell
        if first > 12:
            return _iso(year, second, first)
        return _iso(year, first, second)
    if not re.search(r"\d", value):
        return None  # no day, no year: dateparser would only guess
    with warnings.catch_warnings():
        # dateparser warns about pytz/locale internals; not our reader's concern.
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(value, languages=["en"], settings=_SETTINGS)
    if parsed is None:
        return None
    return _iso(parsed.year, parsed.month, parsed.day)


def date_from_line(line: str) -> str | None:
    """The date when ``line`` is essentially just a date (maybe "Published …"), else None."""
    text = line.strip().strip("*_|()[]").strip()
    text = _PREFIX.sub("", text)
    if not text or len(text) > _MAX_DATE_LINE or len(text.split()) > _MAX_DATE_WORDS:
        return None
    found = parse_date(text)
    if found is None:
        without_time = _TRAILING_TIME.sub("", text)
        if without_time and without_time != text:
            found = parse_date(without_time)
    return found
