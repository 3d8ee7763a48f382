"""Entity resolution: short forms, designations, types, ids, determinism."""

from __future__ import annotations

from storyline.analyse.entities import entity_id, resolve_entities
from storyline.analyse.names import clean_surface, fold, name_key
from storyline.model import AnnotatedArticle, Article, Entity, EntityType, Mention

Spec = tuple[str, EntityType] | tuple[str, EntityType, str]


def annotated(aid: str, text: str, specs: list[Spec]) -> AnnotatedArticle:
    """An article whose mentions are the given surfaces, found left to right in ``text``."""
    mentions = []
    pos = 0
    for spec in specs:
        surface, type_ = spec[0], spec[1]
        role = spec[2] if len(spec) > 2 else None
        start = text.index(surface, pos)
        pos = start + len(surface)
        label = {"PLACE": "GPE", "GROUP": "NORP"}.get(type_, type_)
        mentions.append(Mention(start, pos, surface, label, type_, 0, role))
    return AnnotatedArticle(article=Article(id=aid, text=text), mentions=tuple(mentions))


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


KIM_A = annotated(
    "a1",
    "North Korean leader Kim Jong Un met Defence Minister Sergei Shoigu in Artem. "
    "Shoigu showed Kim the Tu-160 and the Tu-22M3 bombers. Russian officials watched.",
    [
        ("North Korean", "GROUP"),
        ("Kim Jong Un", "PERSON", "leader"),
        ("Sergei Shoigu", "PERSON", "Defence Minister"),
        ("Artem", "PLACE"),
        ("Shoigu", "PERSON"),
        ("Kim", "PERSON"),
        ("Tu-160", "EQUIPMENT"),
        ("Tu-22M3", "EQUIPMENT"),
        ("Russian", "GROUP"),
    ],
)
KIM_B = annotated(
    "a2",
    "Russia Shows N Korea’s Kim Bombers. N Korea watched the Tu 22M3 and Tu-95 in Artëm. "
    "“Shoigu” was there with the North Koreans.",
    [
        ("Russia", "PLACE"),
        ("N Korea’s Kim", "PERSON"),
        ("N Korea", "PLACE"),
        ("Tu 22M3", "EQUIPMENT"),
        ("Tu-95", "EQUIPMENT"),
        ("Artëm", "PLACE"),
        ("“Shoigu”", "PERSON"),
        ("North Koreans", "GROUP"),
    ],
)
KIM_C = annotated(
    "a3",
    "The Tu22M3 flew over North Korea, where Kim Jong Un's guests saw it.",
    [("Tu22M3", "EQUIPMENT"), ("North Korea", "PLACE"), ("Kim Jong Un's", "PERSON")],
)


def test_names_normalise_possessives_quotes_case_and_diacritics() -> None:
    assert clean_surface("N Korea’s Kim", "PERSON") == "Kim"
    assert clean_surface("the Kremlin's", "ORG") == "Kremlin"
    assert clean_surface("“Kinzhal”", "EQUIPMENT") == "Kinzhal"
    assert fold("Artëm") == fold("Artem") == "artem"
    assert name_key("Tu-22M3") == name_key("Tu 22M3") == name_key("tu22m3") == "tu22m3"
    assert name_key("Tu-160") != name_key("Tu-95")
    assert name_key("N Korea", "PLACE") == name_key("North Korea", "PLACE")
    assert name_key("U.S.", "PLACE") == name_key("United States", "PLACE")
    assert name_key("North Koreans", "GROUP") == name_key("North Korean", "GROUP")
    assert name_key(clean_surface("’s")) == ""


def test_short_forms_join_the_full_name() -> None:
    res = resolve_entities([KIM_A, KIM_B, KIM_C])
    names = by_name(res.entities)
    kim = names["Kim Jong Un"]
    assert kim.type == "PERSON"
    assert {"Kim"} <= set(kim.aliases)
    assert "Kim Jong Un's" not in kim.aliases  # the possessive is not a form of the name
    shoigu = names["Sergei Shoigu"]
    assert shoigu.aliases == ("Shoigu",)
    assert shoigu.roles == ("Defence Minister",)
    assert kim.roles == ("leader",)
    # Every mention, in every article, points at its entity and quotes exactly.
    texts = {a.article.id: a.article.text for a in (KIM_A, KIM_B, KIM_C)}
    for e in res.entities:
        for m in e.mentions:
            assert texts[m.article][m.start : m.end] == m.text
    assert res.mention_entity[("a2", 1)] == kim.id  # "N Korea’s Kim"
    assert res.mention_entity[("a2", 6)] == shoigu.id  # "“Shoigu”"
    assert res.mention_entity[("a3", 2)] == kim.id
    assert len(kim.mentions) == 4


def test_designations_join_but_different_models_stay_apart() -> None:
    res = resolve_entities([KIM_A, KIM_B, KIM_C])
    equipment = [e for e in res.entities if e.type == "EQUIPMENT"]
    assert sorted(e.name for e in equipment) == ["Tu-160", "Tu-22M3", "Tu-95"]
    tu22 = by_name(equipment)["Tu-22M3"]
    assert set(tu22.aliases) == {"Tu 22M3", "Tu22M3"}
    assert len(tu22.mentions) == 3


def test_places_diacritics_and_country_apart_from_leader() -> None:
    res = resolve_entities([KIM_A, KIM_B, KIM_C])
    names = by_name(res.entities)
    assert set(names["Artem"].aliases) == {"Artëm"}
    nk = names["North Korea"]
    assert nk.type == "PLACE" and nk.aliases == ("N Korea",)
    assert nk.id != names["Kim Jong Un"].id
    groups = {e.name for e in res.entities if e.type == "GROUP"}
    assert groups == {"North Korean", "Russian"} or groups == {"North Koreans", "Russian"}
    assert all(e.lat is None and e.lon is None for e in res.entities)


def test_ambiguous_surname_stays_apart() -> None:
    art = annotated(
        "a1",
        "Kim Jong Un and his sister Kim Yo Jong arrived. Kim waved.",
        [("Kim Jong Un", "PERSON"), ("Kim Yo Jong", "PERSON"), ("Kim", "PERSON")],
    )
    names = by_name(resolve_entities([art]).entities)
    assert set(names) == {"Kim Jong Un", "Kim Yo Jong", "Kim"}


def test_people_sharing_a_surname_stay_apart() -> None:
    art = annotated(
        "a1",
        "Joe Biden and Jill Biden spoke. Biden said more. Hunter listened.",
        [("Joe Biden", "PERSON"), ("Jill Biden", "PERSON"), ("Biden", "PERSON")],
    )
    names = by_name(resolve_entities([art]).entities)
    assert set(names) == {"Joe Biden", "Jill Biden", "Biden"}


def test_middle_names_and_acronyms_join() -> None:
    art = annotated(
        "a1",
        "Vladimir Vladimirovich Putin, or Vladimir Putin, or Putin, addressed the "
        "North Atlantic Treaty Organization. NATO replied.",
        [
            ("Vladimir Vladimirovich Putin", "PERSON"),
            ("Vladimir Putin", "PERSON"),
            ("Putin", "PERSON"),
            ("North Atlantic Treaty Organization", "ORG"),
            ("NATO", "ORG"),
        ],
    )
    names = by_name(resolve_entities([art]).entities)
    assert set(names) == {"Vladimir Vladimirovich Putin", "North Atlantic Treaty Organization"}
    assert names["North Atlantic Treaty Organization"].aliases == ("NATO",)


def test_type_is_the_majority_and_ties_are_documented() -> None:
    arts = [
        annotated("a1", "Kinzhal hit.", [("Kinzhal", "PERSON")]),
        annotated("a2", "The Kinzhal flew.", [("Kinzhal", "EQUIPMENT")]),
        annotated("a3", "A Kinzhal again.", [("Kinzhal", "EQUIPMENT")]),
        annotated("a4", "Artyom is a town.", [("Artyom", "PERSON")]),
        annotated("a5", "In Artyom.", [("Artyom", "PLACE")]),
    ]
    names = by_name(resolve_entities(arts).entities)
    assert names["Kinzhal"].type == "EQUIPMENT"
    assert names["Artyom"].type == "PLACE"  # 1-1 tie: PLACE wins over PERSON


def test_ids_are_stable_and_order_free() -> None:
    res = resolve_entities([KIM_A, KIM_B, KIM_C])
    again = resolve_entities([KIM_C, KIM_A, KIM_B])
    assert res == again
    names = by_name(res.entities)
    assert names["Sergei Shoigu"].id == entity_id("PERSON", "sergei shoigu")
    # The same thing gets the same id in another story.
    other = resolve_entities([annotated("z9", "Sergei Shoigu.", [("Sergei Shoigu", "PERSON")])])
    assert other.entities[0].id == names["Sergei Shoigu"].id
    ids = [e.id for e in res.entities]
    assert len(ids) == len(set(ids))
    assert [(e.type, e.name) for e in res.entities] == sorted(
        (e.type, e.name) for e in res.entities
    )


def test_unnameable_mentions_map_to_nothing() -> None:
    art = annotated("a1", "It was ’s fault.", [("’s", "ORG")])
    res = resolve_entities([art])
    assert res.entities == [] and res.mention_entity == {}


def _titled(aid: str, text: str, specs: list[Spec]) -> AnnotatedArticle:
    art = annotated(aid, text, specs)
    return AnnotatedArticle(
        article=Article(id=aid, text=text, title=text.split("\n")[0]), mentions=art.mentions
    )


def test_a_title_case_headline_name_is_cut_back_to_the_name_the_story_knows() -> None:
    art = _titled(
        "a1",
        "Rose Byrne Wins Award At Festival\n\nThe jury praised Byrne on Sunday.",
        [("Rose Byrne Wins Award At Festival", "PERSON"), ("Byrne", "PERSON")],
    )
    (ent,) = resolve_entities([art]).entities
    assert ent.name == "Rose Byrne" and ent.aliases == ("Byrne",)
    first = ent.mentions[0]
    assert (first.start, first.end, first.text) == (0, 10, "Rose Byrne")


def test_a_name_in_running_text_or_unknown_elsewhere_is_not_cut() -> None:
    unknown = _titled(
        "a1", "Rose Byrne Wins Award\n\nThe jury met.", [("Rose Byrne Wins Award", "PERSON")]
    )
    assert resolve_entities([unknown]).entities[0].name == "Rose Byrne Wins Award"
    running = _titled(
        "a2",
        "Festival ends\n\nThe winner was Mary Anne Byrne Smith. Byrne wept.",
        [("Mary Anne Byrne Smith", "PERSON"), ("Byrne", "PERSON")],
    )
    names = {e.name for e in resolve_entities([running]).entities}
    assert "Mary Anne Byrne Smith" in names


def test_the_spelling_most_articles_use_names_the_entity() -> None:
    # One article repeats "Artem" three times; two articles write "Artyom".
    arts = [
        annotated("a1", "Artem, Artem and Artem.", [("Artem", "PLACE")] * 3),
        annotated("a2", "In Artyom.", [("Artyom", "PLACE")]),
        annotated("a3", "Near Artyom.", [("Artyom", "PLACE")]),
    ]
    (ent,) = resolve_entities(arts).entities
    assert ent.name == "Artyom" and ent.aliases == ("Artem",)


def test_an_organisation_with_and_without_its_nation_adjective_is_one() -> None:
    """"German Federal Bureau …" and "Federal Bureau …" in a story that writes
    "German": the nation's adjective qualifies the name as a place would."""
    from storyline.model import article_id
    from storyline.nlp.annotate import annotate_doc
    from storyline.nlp.pipeline import get_nlp

    text = ("The German Federal Bureau of Maritime Casualty Investigation said it had sent "
            "a team to Rostock. German investigators boarded the ship. The Federal Bureau "
            "of Maritime Casualty Investigation will publish a report.")
    ann: AnnotatedArticle = annotate_doc(Article(id=article_id(text), text=text),
                                         get_nlp()(text))
    res = resolve_entities([ann])
    bureaus = [e for e in res.entities if "Federal Bureau" in e.name]
    assert [e.name for e in bureaus] == [
        "German Federal Bureau of Maritime Casualty Investigation"]
    assert len(bureaus[0].mentions) == 2
