"""Numbers that name things rather than count them: models, indices, addresses.

"the Trent 700 engine", "iPhone 11 Pro", "Galaxy Note 20 Ultra", "the Stoxx 600
index", "575 Wilbraham Road", "90049 ZIP Code", "the 787 Dreamliner".  Split from
``quantities``; only bare numbers (no unit, no currency) are tested here: a
figure with a unit is a measurement whatever precedes it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

# A model number after a capitalised name and before a hardware noun is a
# designation ("Rolls-Royce Trent 700 engine", "Leopard 2 tanks"), not a count.
_HARDWARE = {"engine", "jet", "aircraft", "plane", "airliner", "helicopter", "rifle", "gun",
             "tank", "missile", "rocket", "launcher", "drone", "series", "model", "class",
             "system", "reactor", "turbine", "processor", "chip", "phone", "satellite",
             "locomotive", "truck", "vehicle", "car", "freighter", "submarine", "howitzer",
             "variant", "version", "airframe"}
_NAME_BEFORE_RE = re.compile(
    r"(?:^|[\s(])(?P<w>(?:[A-Z]|[a-z][A-Z])[A-Za-z]+(?:-[A-Z][A-Za-z]+)?|[A-Z]+&[A-Z]+) $")
# Words after a number that make it a model, index or address: "iPhone 11 Pro",
# "the Stoxx 600 index", "575 Wilbraham Road", "90049 ZIP Code".
_MODEL_NOUNS = {"pro", "max", "ultra", "mini", "plus", "lite", "index", "road", "street",
                "avenue", "boulevard", "lane", "drive", "code", "zip"}
_NOT_NAMES = {"about", "around", "some", "nearly", "almost", "roughly", "approximately",
              "over", "under", "only", "just", "all", "another", "the", "those", "these",
              "its", "their", "his", "her", "our", "by", "on", "in", "at", "of", "for",
              "with", "and", "but", "since", "after", "before", "until", "from", "to",
              "between", "than", "least", "most", "up", "more", "fewer", "less",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}



def is_designation(doc: Doc, text: str, num_start: int, num_end: int, low: float | None,
                   counted: tuple[str, int]) -> bool:
    """A model, index or address number, not a count.

    "the Trent 700 engine" (a name, then a hardware noun); "iPhone 11 Pro", "Galaxy
    Note 20 Ultra", "the Stoxx 600 index" (a name, then a capitalised word or a
    model noun); "575 Wilbraham Road", "90049 ZIP Code" (a capitalised model or
    street noun); "the 787 Dreamliner" (a capitalised singular noun after a
    number above one: a count would take the plural).
    """
    noun, noun_end = counted
    if not text[num_start].isdigit():
        return False
    after = re.match(r"\s+(?P<w>[A-Z][a-z]*)\b", text[num_end :])
    if after and after.group("w").lower() in _MODEL_NOUNS:
        return True  # "11 Pro cameras", "737 Max jets"
    m = _NAME_BEFORE_RE.search(text[max(0, num_start - 30) : num_start])
    named = m is not None and m.group("w").lower() not in _NOT_NAMES
    tok = doc.char_span(noun_end - 1, noun_end, alignment_mode="expand")
    capital = tok is not None and tok[-1].text[:1].isupper()
    if named and (noun in _HARDWARE or noun in _MODEL_NOUNS or capital):
        return True
    if capital and noun in _MODEL_NOUNS:
        return True
    return bool(capital and tok is not None and tok[-1].tag_ in ("NN", "NNP")
                and low is not None and low > 1)
