"""Where an unmapped place lies, as the text says it (analyse/place_within.py)."""

from __future__ import annotations

from storyline.analyse.entities import resolve_entities
from storyline.analyse.place_within import places_from_possessives
from storyline.analyse.places import locate_places
from storyline.model import AnnotatedArticle, Article, Entity, article_id
from storyline.nlp.annotate import annotate_doc
from storyline.nlp.pipeline import get_nlp


def _entities(text: str) -> dict[str, Entity]:
    art: AnnotatedArticle = annotate_doc(Article(id=article_id(text), text=text),
                                         get_nlp()(text))
    res = places_from_possessives(locate_places(resolve_entities([art])), [art])
    return {e.name: e for e in res.entities}


def test_a_country_owns_an_unmapped_area_without_a_point() -> None:
    got = _entities("Kim Jong Un visited Russia's Far East and then went to Vladivostok.")
    east = got["Far East"]
    assert east.country == "RU" and east.lat is None and east.gazetteer_id is None
    assert "lies in Russia by the text (“Russia's Far East”)" in (east.geo_note or "")


def test_a_city_gives_a_facility_its_point_and_says_so() -> None:
    got = _entities("Kim Jong Un attended a ballet by St. Petersburg's Mariinsky Theatre "
                    "in Russia.")
    theatre, city = got["Mariinsky Theatre"], got["St. Petersburg"]
    assert (theatre.lat, theatre.lon, theatre.country) == (city.lat, city.lon, "RU")
    assert theatre.gazetteer_id is None
    assert "point: St. Petersburg, the city the text puts it in" in (theatre.geo_note or "")


def test_a_city_does_not_own_the_region_around_it() -> None:
    got = _entities("Oleg Kozhemyako, the governor of Vladivostok's Far East region, spoke "
                    "in Russia.")
    regions = [e for n, e in got.items() if "Far East" in n]
    assert regions and all(e.country is None for e in regions)
