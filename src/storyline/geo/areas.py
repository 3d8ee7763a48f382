"""Large areas that no settlement file holds: oceans, seas, world regions, landforms.

News names these constantly ("the Atlantic", "the Middle East", "the Korean Peninsula")
and GeoNames' populated-place files have only namesake villages for them (Atlantic,
Iowa; Peninsula, Ohio), so without them the resolver either fails or lands thousands of
kilometres off.  This is a short, general list written by us from ordinary atlas
geography, not from any evaluation data: each point is a rough visual centre of the
area, rounded to the half degree, which is all a place this size can honestly be given
(the dossier marks the basis).  ``country`` is set only for areas inside one country
("West Coast" of the US), so that the document's country context can weigh them.

Each entry: (name, alternate names, adjective forms, lat, lon, country).
"""

from __future__ import annotations

AREA_BASIS = "approximate centre of a large area (storyline.geo.areas, atlas geography)"

Area = tuple[str, tuple[str, ...], tuple[str, ...], float, float, str]

AREAS: tuple[Area, ...] = (
    # oceans
    ("Atlantic Ocean", ("Atlantic",), (), 10.0, -30.0, ""),
    ("North Atlantic", (), (), 45.0, -35.0, ""),
    ("South Atlantic", (), (), -25.0, -15.0, ""),
    ("Pacific Ocean", ("Pacific",), (), 0.0, -160.0, ""),
    ("Indian Ocean", (), (), -20.0, 80.0, ""),
    ("Arctic Ocean", (), (), 85.0, 0.0, ""),
    ("Southern Ocean", (), (), -65.0, 0.0, ""),
    # seas, gulfs, bays, straits
    ("Mediterranean Sea", ("Mediterranean",), (), 35.0, 18.0, ""),
    ("Caribbean Sea", ("Caribbean",), (), 15.0, -75.0, ""),
    ("Black Sea", (), (), 43.5, 34.0, ""),
    ("Caspian Sea", (), (), 42.0, 50.5, ""),
    ("Red Sea", (), (), 20.0, 38.5, ""),
    ("Baltic Sea", (), (), 58.0, 20.0, ""),
    ("North Sea", (), (), 56.0, 3.0, ""),
    ("Irish Sea", (), (), 53.5, -5.0, ""),
    ("English Channel", (), (), 50.0, -2.0, ""),
    ("Adriatic Sea", ("Adriatic",), (), 43.0, 15.0, ""),
    ("Aegean Sea", ("Aegean",), (), 39.0, 25.0, ""),
    ("Sea of Azov", (), (), 46.0, 36.5, ""),
    ("Barents Sea", (), (), 74.0, 37.0, ""),
    ("Bering Sea", (), (), 58.0, -178.0, ""),
    ("Sea of Okhotsk", (), (), 55.0, 150.0, ""),
    ("Sea of Japan", ("East Sea",), (), 40.0, 135.0, ""),
    ("Yellow Sea", (), (), 35.5, 123.0, ""),
    ("East China Sea", (), (), 29.0, 125.0, ""),
    ("South China Sea", (), (), 12.0, 114.0, ""),
    ("Arabian Sea", (), (), 15.0, 65.0, ""),
    ("Bay of Bengal", (), (), 15.0, 88.0, ""),
    ("Persian Gulf", ("Arabian Gulf", "Gulf"), (), 27.0, 51.0, ""),
    ("Gulf of Oman", (), (), 24.5, 58.5, ""),
    ("Strait of Hormuz", (), (), 26.5, 56.5, ""),
    ("Gulf of Aden", (), (), 12.5, 48.0, ""),
    ("Gulf of Guinea", (), (), 2.0, 4.0, ""),
    ("Gulf of Mexico", (), (), 25.0, -90.0, ""),
    ("Tasman Sea", (), (), -40.0, 160.0, ""),
    ("Coral Sea", (), (), -18.0, 155.0, ""),
    ("Great Lakes", (), (), 45.0, -84.0, "US"),
    # world regions
    ("Middle East", ("Mideast", "Near East"), ("Middle Eastern", "Mideast"), 29.0, 42.0, ""),
    ("North Africa", ("Northern Africa", "Maghreb"), ("North African",), 27.0, 12.0, ""),
    ("West Africa", ("Western Africa",), ("West African",), 12.0, -3.0, ""),
    ("East Africa", ("Eastern Africa",), ("East African",), 2.0, 38.0, ""),
    ("Central Africa", (), ("Central African",), 2.0, 20.0, ""),
    ("Southern Africa", (), ("Southern African",), -25.0, 25.0, ""),
    ("Sub-Saharan Africa", (), ("Sub-Saharan",), 0.0, 20.0, ""),
    ("Horn of Africa", (), (), 8.0, 45.0, ""),
    ("Sahel", (), (), 15.0, 5.0, ""),
    ("Sahara", ("Sahara Desert",), ("Saharan",), 23.0, 13.0, ""),
    ("Central America", (), ("Central American",), 13.5, -86.5, ""),
    ("Latin America", (), ("Latin American",), -10.0, -60.0, ""),
    ("Southeast Asia", ("South-East Asia", "South East Asia"), ("Southeast Asian",),
     5.0, 112.0, ""),
    ("South Asia", (), ("South Asian",), 23.0, 78.0, ""),
    ("East Asia", (), ("East Asian",), 35.0, 115.0, ""),
    ("Central Asia", (), ("Central Asian",), 44.0, 65.0, ""),
    ("Caucasus", ("North Caucasus", "South Caucasus", "Caucasus Mountains"),
     (), 42.5, 44.0, ""),
    ("Balkans", ("Balkan Peninsula",), ("Balkan",), 43.0, 21.0, ""),
    ("Scandinavia", (), ("Scandinavian",), 63.0, 15.0, ""),
    ("Baltic states", ("Baltics",), (), 57.0, 24.0, ""),
    ("Eastern Europe", (), ("Eastern European",), 50.0, 28.0, ""),
    ("Western Europe", (), ("Western European",), 48.0, 5.0, ""),
    ("Siberia", (), ("Siberian",), 60.0, 100.0, "RU"),
    ("Arctic", (), (), 80.0, 0.0, ""),
    ("Kashmir", (), ("Kashmiri",), 34.0, 76.0, ""),
    ("Kurdistan", (), ("Kurdish",), 36.5, 44.0, ""),
    ("Darfur", (), ("Darfuri",), 13.0, 24.0, "SD"),
    ("West Bank", (), (), 32.0, 35.3, "PS"),
    ("Golan Heights", ("Golan",), (), 33.0, 35.75, ""),
    ("Indochina", (), (), 15.0, 105.0, ""),
    ("Patagonia", (), ("Patagonian",), -45.0, -69.0, ""),
    # unions of states, and territories whose status is disputed (no admin-1 record)
    ("European Union", ("EU",), (), 50.0, 10.0, ""),
    ("South Ossetia", (), ("South Ossetian",), 42.3, 44.0, "GE"),
    ("Abkhazia", (), ("Abkhaz", "Abkhazian"), 43.0, 41.0, "GE"),
    ("Transnistria", (), ("Transnistrian",), 47.2, 29.4, "MD"),
    ("Nagorno-Karabakh", ("Karabakh",), (), 39.9, 46.7, "AZ"),
    ("Donbas", ("Donbass",), (), 48.0, 38.0, "UA"),
    ("Northern Cyprus", (), ("Turkish Cypriot",), 35.3, 33.5, "CY"),
    # peninsulas
    ("Korean Peninsula", (), (), 38.0, 127.5, ""),
    ("Arabian Peninsula", ("Arabia",), ("Arabian", "Arab"), 23.0, 46.0, ""),
    ("Iberian Peninsula", ("Iberia",), (), 40.0, -4.0, ""),
    ("Sinai Peninsula", ("Sinai",), (), 29.5, 33.8, "EG"),
    ("Crimean Peninsula", (), (), 45.0, 34.0, "UA"),
    # mountain ranges
    ("Alps", (), (), 46.5, 10.0, ""),
    ("Himalayas", ("Himalaya",), ("Himalayan",), 28.0, 85.0, ""),
    ("Andes", (), ("Andean",), -20.0, -67.0, ""),
    ("Ural Mountains", ("Urals",), (), 60.0, 59.5, "RU"),
    ("Pyrenees", (), (), 42.7, 0.5, ""),
    ("Carpathian Mountains", ("Carpathians",), (), 47.5, 25.0, ""),
    ("Hindu Kush", (), (), 35.5, 70.5, ""),
    ("Rocky Mountains", ("Rockies",), (), 42.0, -108.0, "US"),
    ("Appalachian Mountains", ("Appalachians", "Appalachia"), ("Appalachian",),
     38.0, -81.0, "US"),
    # regions of the United States
    ("West Coast", (), (), 40.0, -121.0, "US"),
    ("East Coast", ("Eastern Seaboard",), (), 38.0, -76.0, "US"),
    ("Gulf Coast", (), (), 29.5, -91.0, "US"),
    ("Midwest", ("Middle West",), ("Midwestern",), 42.0, -90.0, "US"),
    ("New England", (), (), 43.5, -71.5, "US"),
    ("Pacific Northwest", (), (), 46.0, -121.0, "US"),
    ("Deep South", (), (), 32.5, -87.0, "US"),
    ("Great Plains", (), (), 40.0, -100.0, "US"),
)
