"""Currency signs and codes around a number: "$US113 trillion", "US $58.24",
"HK$216,925", "USD10m", "AUD 1.5m", "RM23.50", "S $1mil", "1,200€".

Split from ``quantities`` so the figure scanner stays readable.  Every form maps
to an ISO 4217 code through ``units.CURRENCY_SYMBOLS`` / ``CURRENCY_CODES``; we
never convert between currencies.
"""

from __future__ import annotations

import re

from storyline.nlp import units as un

# Before the number.  Country-qualified dollars may be written with a space
# ("US $58.24", "HK $216,925", "S $1mil") or with the country after the sign
# ("$US113", "$A20"); ISO codes may be glued ("USD10m") or spaced ("EUR 5bn").
# A lone "A" needs its sign glued: "A $5m deal" is an article, "A$5m" Australian.
# Letters must not be glued to a longer word on the left ("FORMS5" is no ringgit).
_CODES = "|".join(sorted(un.CURRENCY_CODES, key=len, reverse=True))
PREFIX_RE = re.compile(
    r"(?:(?<![A-Za-z])(?P<cc>US|AU|CA|HK|NZ|NT|S|C|R)\s?\$|(?<![A-Za-z])(?P<a>A)\$"
    r"|\$(?P<cc2>US|A)(?![A-Za-z])"
    rf"|(?<![A-Za-z])(?P<iso>{_CODES})\s?|(?<![A-Za-z])(?P<rm>RM|Rs\.?)\s?"
    r"|(?P<sym>[$€£¥₽₹₩₴]))\s?$"
    # ASCII-folded signs, glued to the digits: "PS2.7m" is how a transliteration
    # (unidecode) writes "£2.7m", "Y=28,030" how wire copy writes "¥28,030".
    r"|(?<![A-Za-z])(?P<fold>PS|Y=)$"
)
FOLDED_SIGNS = {"PS": "GBP", "Y=": "JPY"}
# After the number (and its scale word): "1,200€", "500 €", "10m USD".
SUFFIX_RE = re.compile(
    rf"[ \u00a0]?(?:(?P<sym>[€£¥₽₹₩₴$])|(?P<iso>{_CODES})(?![A-Za-z]))(?![\d])"
)


# Where a numeral glued to a currency's letters starts: "USD10m", "$US113", "RM23.50".
GLUED_START_RE = re.compile(
    rf"(?<![A-Za-z])(?:\$(?:US|A)|{_CODES}|RM|Rs\.?|PS|Y=)(?=\d)"
)


def prefix_currency(left: str) -> tuple[str, int] | None:
    """The currency written right before a number: (ISO code, offset of its start in ``left``)."""
    m = PREFIX_RE.search(left)
    if m is None:
        return None
    if m.group("cc") or m.group("a"):
        code = un.CURRENCY_SYMBOLS.get((m.group("cc") or m.group("a")).lower() + "$")
    elif m.group("cc2"):
        code = un.CURRENCY_SYMBOLS["$" + m.group("cc2").lower()]
    elif m.group("iso"):
        code = m.group("iso")
    elif m.group("fold"):
        code = FOLDED_SIGNS[m.group("fold")]
    elif m.group("rm"):
        code = un.CURRENCY_SYMBOLS[m.group("rm").lower()]
    else:
        code = un.CURRENCY_SYMBOLS[m.group("sym")]
    if code is None:
        return None
    return ("CNY" if code == "RMB" else code), m.start()


def suffix_currency(text: str, pos: int) -> tuple[str, int] | None:
    """A currency written right after a sum: (ISO code, end offset)."""
    m = SUFFIX_RE.match(text, pos)
    if m is None:
        return None
    code = m.group("iso") or un.CURRENCY_SYMBOLS[m.group("sym")]
    return ("CNY" if code == "RMB" else code), m.end()
