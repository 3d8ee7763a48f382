"""Name normalisation shared by entity resolution and story grouping.

Two layers, kept apart on purpose:

* ``clean_surface`` turns a mention's text into a *display* form (case kept):
  no quotes, no leading "the", no possessive.  This is what a reader sees as an
  entity's name or alias.
* ``name_key`` turns a display form into a *matching* key: case- and
  diacritics-insensitive, punctuation-free, with designations glued together
  ("Tu-22M3", "Tu 22M3" and "Tu22M3" all become ``tu22m3``).  Two mentions with
  the same key and compatible types are the same thing.
"""

from __future__ import annotations

import re
import unicodedata

# Straight and typographic quotes, and the apostrophes used in possessives.
_QUOTES = "\"'“”‘’«»„‚`´"
_APOSTROPHES = "'’‘`´"
_POSSESSIVE_END = re.compile(rf"[{_APOSTROPHES}]s?$", re.IGNORECASE)
# "N Korea’s Kim": a possessive *inside* a person's name means the part before it
# is an owner ("N Korea"), not part of the name.
_POSSESSIVE_INSIDE = re.compile(rf"^.*[{_APOSTROPHES}]s?\s+(?=\S)", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# A game's score run into a team's name ("Evansville 91-73"): no part of it.
_SCORE_END = re.compile(r"\s+\d{1,3}\s*[-–]\s*\d{1,3}$")
_SPACES = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_HAS_DIGIT = re.compile(r"\d")

# Headline shorthand for compass points ("N Korea", "S. Korea").  Only expanded
# as the first token of a multi-token place/org/group name, where the reading is
# unambiguous.
_COMPASS = {"n": "north", "s": "south", "e": "east", "w": "west"}

# A few spellings of the same country that no normalisation can join.  Kept
# tiny: linking names through a gazetteer is the geo stage's job.
_KEY_SYNONYMS = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "dprk": "north korea",
    "rok": "south korea",
}

# Places so broad that sharing them says little about sharing an event:
# countries, continents, oceans.  Story grouping down-weights them.  Single
# words first, then multi-word names (matched as whole keys).
_BROAD_SINGLE = """
afghanistan albania algeria andorra angola argentina armenia australia austria
azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
bolivia bosnia botswana brazil brunei bulgaria burma burundi cambodia cameroon
canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark
djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland
france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana
haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia
lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia
montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua
niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines
poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria
taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkiye
turkmenistan tuvalu uae uganda ukraine uruguay uzbekistan vanuatu vatican venezuela
vietnam yemen zambia zimbabwe korea
africa america asia europe antarctica oceania arctic atlantic pacific mediterranean
"""
_BROAD_MULTI = (
    "burkina faso",
    "costa rica",
    "czech republic",
    "el salvador",
    "ivory coast",
    "new zealand",
    "north korea",
    "north macedonia",
    "papua new guinea",
    "san marino",
    "saudi arabia",
    "sierra leone",
    "south africa",
    "south korea",
    "south sudan",
    "sri lanka",
    "united arab emirates",
    "united kingdom",
    "united states",
    "north america",
    "south america",
    "latin america",
    "middle east",
    "far east",
    "east asia",
    "southeast asia",
    "indian ocean",
)
BROAD_PLACES: frozenset[str] = frozenset(_BROAD_SINGLE.split()) | frozenset(_BROAD_MULTI)


def fold(text: str) -> str:
    """Lowercase without diacritics: "Artëm" and "Artem" fold alike (NFKD, drop marks)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def clean_surface(text: str, type_: str = "OTHER") -> str:
    """The display form of a mention: no quotes, leading "the" or possessive.

    For a PERSON, anything up to a possessive inside the span is an owner, not
    the name ("N Korea’s Kim" → "Kim").
    """
    s = _SPACES.sub(" ", text).strip()
    if type_ == "PERSON":
        s = _POSSESSIVE_INSIDE.sub("", s)
    # Possessive before and after the quotes: "Kim’s" and "“Kim”’s" alike.
    s = _POSSESSIVE_END.sub("", s).strip(_QUOTES + " ")
    s = _POSSESSIVE_END.sub("", s)
    s = _LEADING_THE.sub("", s)
    if type_ != "EQUIPMENT":
        s = _SCORE_END.sub("", s)
    # Strip again: removing "the" or a possessive can expose a quote or a dot.
    # A trailing dot is kept: it usually ends an abbreviation ("U.S.", "Corp.").
    return s.strip(_QUOTES + " ,;:")


def name_key(surface: str, type_: str = "OTHER") -> str:
    """Matching key of a display form; "" when nothing nameable is left.

    Tokens are the alphanumeric runs of the folded text.  When any token holds a
    digit the name is a designation (an aircraft, a missile, a road), whose
    spacing and hyphens vary by outlet, so the tokens are glued together.
    Acronyms written with dots ("U.S.") are glued too.
    """
    tokens = [t for t in _NON_ALNUM.split(fold(surface)) if t]
    if not tokens:
        return ""
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
        tokens = ["".join(tokens)]  # an acronym written with dots: "U.S." → "us"
    if any(_HAS_DIGIT.search(t) for t in tokens):
        return "".join(tokens)
    if type_ == "PERSON":
        while len(tokens) > 1 and tokens[0] in _HONORIFICS:
            tokens = tokens[1:]
    if type_ != "PERSON" and len(tokens) > 1 and tokens[0] in _COMPASS:
        tokens[0] = _COMPASS[tokens[0]]
    if type_ == "ORG":
        # "Microsoft Corp." and "Microsoft" are one company: the legal form is
        # how a company is registered, not part of what it is called.
        while len(tokens) > 1 and tokens[-1] in _LEGAL_FORMS:
            tokens = tokens[:-1]
    if type_ == "GROUP":
        # Demonyms come singular and plural ("North Korean", "North Koreans").
        tokens[-1] = _singular(tokens[-1])
    key = " ".join(tokens)
    return _KEY_SYNONYMS.get(key, key)


# Forms of address written before a person's name: no part of who they are, so
# "Dr Sanjay Gupta", "Dr. Sanjay Gupta" and "Sanjay Gupta" share one key.
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame", "rev"})


# Abbreviated legal forms written after a company's name.  Spelled-out forms
# stay: "British Broadcasting Corporation" is what "BBC" abbreviates.
_LEGAL_FORMS = frozenset({"corp", "inc", "co", "ltd", "plc", "llc", "llp", "ag", "gmbh", "sa",
                          "nv", "bv", "spa", "oyj"})


def _singular(token: str) -> str:
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def is_broad_place(key: str) -> bool:
    """True for countries, continents and oceans: places too big to pin an event."""
    return key in BROAD_PLACES


def initials(key: str) -> str:
    """Initials, skipping function words: "north atlantic treaty organization" → "nato"."""
    skip = {"of", "the", "and", "for", "on", "in", "de", "du", "la", "le"}
    return "".join(t[0] for t in key.split() if t not in skip)


# Romanisations of the same Cyrillic (or other) letters, folded to one spelling.
# Applied in order to a folded, diacritic-free token; endings first, then
# digraphs, then the vowels that systems write differently:
#   -iy/-yy/-ii/-y → -i     Dmitriy, Dmitrii, Dmitry; Primorskiy, Primorsky
#   yo, ye → e              Artyom/Artem (ё), Yevgeny/Evgeny (е at a word start)
#   kh → h, ks → x, tz → ts, w → v, y → i, doubled letters once.
_TRANSLIT_ENDINGS = (("iy", "i"), ("yy", "i"), ("ii", "i"), ("ij", "i"), ("y", "i"))
_TRANSLIT_PAIRS = (("yo", "e"), ("ye", "e"), ("kh", "h"), ("ks", "x"), ("tz", "ts"),
                   ("w", "v"), ("y", "i"), ("j", "i"))
_DOUBLED = re.compile(r"([a-z])\1+")
# British and American spellings of the words names are made of: "Betty Ford
# Centre" / "Center", "Mariinsky Theatre" / "Theater", "Defence" / "Defense".
_BRITISH = {"tre": "ter", "our": "or", "ence": "ense"}
_BRITISH_END = re.compile(r"(?<=[a-z]{3})(tre|our|ence)$")


def translit_token(token: str) -> str:
    """One spelling for a name token's romanisations: "artyom", "artem" → "artem"."""
    if not token.isalpha() or len(token) < 3:
        return token
    t = _BRITISH_END.sub(lambda m: _BRITISH[m.group(1)], token)
    for end, repl in _TRANSLIT_ENDINGS:
        if t.endswith(end) and len(t) > len(end) + 2:
            t = t[: -len(end)] + repl
            break
    for a, b in _TRANSLIT_PAIRS:
        t = t.replace(a, b)
    return _DOUBLED.sub(r"\1", t)


def variant_key(key: str) -> str:
    """A name key with its tokens transliteration-folded; designations (keys that
    hold a digit) and acronyms of up to three letters are left alone, since
    "Tu-160" and "Tu-95" or "UN" and "UNI" must stay apart."""
    if _HAS_DIGIT.search(key):
        return key
    return " ".join(translit_token(t) for t in key.split())


# The noun a region's name is written with, and the adjectival endings of
# Russian-style region names ("Primorsky krai") beside the noun form
# ("Primorye"): both reduce to one stem ("primor").
_REGION_NOUNS = frozenset(
    {"region", "province", "oblast", "krai", "kray", "territory", "district", "republic"}
)
_ADJ_ENDINGS = ("skiy", "skii", "sky", "ski", "skaya", "skoye", "skoe", "skaia")
_NOUN_ENDINGS = ("ye", "ie", "ia", "ya", "e", "a")


def region_stem(key: str) -> str | None:
    """Stem of a one-word region name, with or without its region noun.

    "primorsky region", "primorsky krai", "primorye", "primorye region" all give
    "primor"; None for other keys (several words before the noun, digits).  A
    bare name only gets a stem from a noun ending, an adjectival name only with
    its region noun, so "Russia" and "Russian" stay apart from any region.
    """
    tokens = key.split()
    noun = len(tokens) == 2 and tokens[1] in _REGION_NOUNS
    if not (len(tokens) == 1 or noun) or not tokens[0].isalpha():
        return None
    word = tokens[0]
    for end in _ADJ_ENDINGS:
        if noun and word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    for end in _NOUN_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return None


# Generational suffixes written after a surname.
_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def person_core(key: str) -> tuple[str, ...]:
    """A person key's words less leading initials and a generational suffix:
    "w mark felt sr" → ("mark", "felt")."""
    toks = key.split()
    while len(toks) > 1 and toks[-1] in _GENERATIONAL:
        toks = toks[:-1]
    while len(toks) > 1 and len(toks[0]) == 1:
        toks = toks[1:]
    return tuple(toks)
