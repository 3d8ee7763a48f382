"""Equipment designations, named hardware and vessels (rules the small model lacks)."""

from __future__ import annotations

import pytest

from storyline.model import AnnotatedArticle, Mention
from storyline.nlp.annotate import annotate_text
from storyline.nlp.pipeline import get_nlp


@pytest.fixture(scope="module", autouse=True)
def _nlp() -> None:
    get_nlp()  # load spaCy once for the module


def _check(a: AnnotatedArticle) -> None:
    text = a.article.text
    for m in a.mentions:
        assert text[m.start : m.end] == m.text
    for x, y in zip(a.mentions, a.mentions[1:], strict=False):
        assert x.end <= y.start


def equipment(text: str) -> list[Mention]:
    a = annotate_text(text)
    _check(a)
    return [m for m in a.mentions if m.type == "EQUIPMENT"]


def names(text: str) -> list[str]:
    return [m.text for m in equipment(text)]


def test_hyphenated_designations_are_whole_mentions() -> None:
    text = ("The air show featured the Tu-160, the Tu-95 and a Tu-22M3, while two Su-57 "
            "jets and a MiG-31I flew over an S-400 battery and an Il-76 transport.")
    found = equipment(text)
    assert [m.text for m in found] == ["Tu-160", "Tu-95", "Tu-22M3", "Su-57", "MiG-31I",
                                       "S-400", "Il-76"]
    assert all(m.label == "EQUIPMENT" for m in found)
    start = text.index("Tu-22M3")
    assert (found[2].start, found[2].end) == (start, start + len("Tu-22M3"))


def test_spaced_designation_with_suffix() -> None:
    assert names("Pilots trained on the Tu 22M3 over the steppe last winter.") == ["Tu 22M3"]


def test_plural_designation_keeps_the_name() -> None:
    assert names("The country ordered twelve F-16s from its ally.") == ["F-16"]


def test_no_equipment_in_dates_numbers_and_diseases() -> None:
    text = ("On May 5, 2023, the G-20 summit met as COVID-19 cases rose; 3,500 people "
            "attended at 10:30 and Article 5 was discussed in 2021-22.")
    assert names(text) == []


def test_acronym_before_hardware_noun() -> None:
    assert names("Officials said more HIMARS launchers would arrive in spring.") == ["HIMARS"]


def test_acronym_that_acts_as_an_organisation_is_not_equipment() -> None:
    text = "NATO jets patrolled the border. NATO said the flights were routine."
    assert names(text) == []


def test_named_missile_in_apposition_and_elsewhere() -> None:
    text = ("The minister praised the army's newest cruise missile, the Zircon, during a "
            "speech. Engineers said the Zircon could be deployed next year.")
    found = equipment(text)
    assert [m.text for m in found] == ["Zircon", "Zircon"]
    assert all(m.type == "EQUIPMENT" for m in found)


def test_quoted_name_before_hardware_noun() -> None:
    text = ("Crews showed a bomber armed with “Sarmat” ballistic missiles. The “Sarmat,” "
            "a heavy weapon, was then rolled away.")
    found = equipment(text)
    assert [m.text for m in found] == ["Sarmat", "Sarmat"]
    assert found[1].start == text.index("Sarmat", found[0].end)


def test_named_missile_with_adjective_and_determiner() -> None:
    assert names("Analysts doubt the hypersonic Avangard missile can be intercepted.") == [
        "Avangard"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sailors boarded the frigate Admiral Gorshkov at dawn.", "Admiral Gorshkov"),
        ("Sailors boarded the frigate “Admiral Gorshkov” at dawn.", "Admiral Gorshkov"),
        ("A fire broke out on the cruiser Varyag near the coast.", "Varyag"),
        ("The aircraft carrier Admiral Kuznetsov left the dry dock.", "Admiral Kuznetsov"),
        ("Divers inspected the destroyer Vinogradov’s hull.", "Vinogradov"),
    ],
)
def test_vessel_names(text: str, name: str) -> None:
    found = equipment(text)
    assert [(m.text, m.label, m.type) for m in found] == [(name, "VESSEL", "EQUIPMENT")]
    assert found[0].role is None


def test_vessel_name_everywhere_in_the_article() -> None:
    text = "The corvette Soobrazitelny sailed on Monday. Soobrazitelny returned on Friday."
    assert [m.text for m in equipment(text)] == ["Soobrazitelny", "Soobrazitelny"]


def test_ship_noun_without_name_gives_nothing() -> None:
    assert names("The ship sailed on Tuesday, and a vessel The crew had hired followed.") == []


def test_rule_mentions_win_over_spacy_entities() -> None:
    a = annotate_text("Ministers viewed Su-57 and Su-35S fighters at the Moscow show.")
    _check(a)
    by_text = {m.text: m for m in a.mentions}
    assert by_text["Su-57"].type == "EQUIPMENT"
    assert by_text["Su-35S"].type == "EQUIPMENT"
    assert not any(m.type == "ORG" and "Su" in m.text for m in a.mentions)


def test_compact_model_codes() -> None:
    text = ("A Skyline Cargo Airbus A330-200F diverted to Shannon. The firm runs four A330 "
            "freighters and two Boeing 777Fs, and its A320 order was cut.")
    assert names(text) == ["A330-200F", "A330", "777F"]


def test_compact_codes_that_name_no_hardware() -> None:
    text = ("Drivers took the M25 motorway past junction A12 while the G20 leaders met; "
            "Route 66 and Windows 10 were mentioned in 2021.")
    assert names(text) == []
