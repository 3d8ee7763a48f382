"""Qualifiers written next to a figure: "up to", "more than", "about", "~", "≈".

Each maps to a normalized word and the side of the interval it opens (an upper
bound, a lower bound, or an approximation).  Split from ``quantities``.
"""

from __future__ import annotations

import re

# Qualifier as written -> normalized word and which side of the interval it opens.
UPPER, LOWER, APPROX = "upper", "lower", "approx"
QUALIFIERS: dict[str, tuple[str, str]] = {
    "up to": ("up to", UPPER), "as many as": ("up to", UPPER),
    "as much as": ("up to", UPPER), "a maximum of": ("up to", UPPER),
    "at most": ("at most", UPPER), "no more than": ("at most", UPPER),
    "less than": ("less than", UPPER), "fewer than": ("less than", UPPER),
    "under": ("less than", UPPER), "below": ("less than", UPPER),
    "more than": ("more than", LOWER), "over": ("more than", LOWER),
    "in excess of": ("more than", LOWER), "upwards of": ("more than", LOWER),
    "above": ("more than", LOWER), "at least": ("at least", LOWER),
    "no fewer than": ("at least", LOWER), "a minimum of": ("at least", LOWER),
    "about": ("about", APPROX), "around": ("around", APPROX),
    "approximately": ("approximately", APPROX), "approx.": ("approximately", APPROX),
    "roughly": ("roughly", APPROX), "some": ("some", APPROX),
    "nearly": ("nearly", APPROX), "almost": ("almost", APPROX),
    "close to": ("nearly", APPROX), "an estimated": ("estimated", APPROX),
    "estimated": ("estimated", APPROX), "a reported": ("reported", APPROX),
    "reportedly": ("reported", APPROX), "circa": ("approximately", APPROX),
}
QUAL_RE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?P<q>"
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
QUAL_AT_RE = re.compile(
    r"(?P<q>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s+(?=[\d$€£])",
    re.IGNORECASE,
)
# Qualifiers that modify the noun before "of": "an estimated range of", "a top
# speed of".  They are not adjacent to the figure, so they stay out of the span.
NOUN_QUAL_RE = re.compile(
    r"\b(?P<q>estimated|reported|approximate|maximum|top|minimum)\s+(?:\w+\s+){0,2}"
    r"(?:of|at|is|was)\s+$",
    re.IGNORECASE,
)
NOUN_QUAL = {"estimated": "estimated", "reported": "reported", "approximate": "approximately",
              "maximum": "maximum", "top": "maximum", "minimum": "minimum"}
# Approximation signs glued or spaced before a figure: "~40km", "≈ 32m2".
APPROX_SIGN_RE = re.compile(r"[~≈]\s?$")
# "inching back up to 4.8 percent": a movement, not an upper bound.  Only clear
# motion phrasings are taken out; "up to" alone stays a bound (its news meaning).
MOTION_BEFORE_UP_TO_RE = re.compile(r"\b(?:back|inch\w*|edg\w*|creep\w*|crept)\s+$",
                                     re.IGNORECASE)
