"""Titles and roles split off person names."""

from __future__ import annotations

import pytest

from storyline.model import Mention
from storyline.nlp.annotate import annotate_text
from storyline.nlp.pipeline import get_nlp
from storyline.nlp.roles import is_title_only, leading_role


@pytest.fixture(scope="module", autouse=True)
def _nlp() -> None:
    get_nlp()


def mentions(text: str) -> list[Mention]:
    a = annotate_text(text)
    for m in a.mentions:
        assert text[m.start : m.end] == m.text
    return list(a.mentions)


def person(text: str, name: str) -> Mention:
    found = [m for m in mentions(text) if m.text == name]
    assert found, [m.text for m in mentions(text)]
    assert found[0].type == "PERSON"
    return found[0]


def test_nationality_title_and_name() -> None:
    text = "The parade was opened by Russian Defence Minister Sergei Shoigu on Sunday."
    ms = mentions(text)
    shoigu = person(text, "Sergei Shoigu")
    assert shoigu.role == "Defence Minister"
    assert shoigu.start == text.index("Sergei")
    assert not any(m.type == "ORG" for m in ms)  # no ORG "Defence"
    assert not any("Minister" in m.text for m in ms)
    assert any(m.text == "Russian" and m.type == "GROUP" for m in ms)


def test_title_and_surname() -> None:
    assert person("Crowds cheered when Defence Minister Shoigu arrived.", "Shoigu").role == (
        "Defence Minister"
    )


def test_president() -> None:
    text = "Talks with President Vladimir Putin lasted four hours."
    assert person(text, "Vladimir Putin").role == "President"


def test_org_spokesperson() -> None:
    text = "Kremlin spokesperson Dmitry Peskov declined to comment on the talks."
    assert person(text, "Dmitry Peskov").role in ("Kremlin spokesperson", "spokesperson")


def test_lowercase_leader_after_nationality() -> None:
    text = "The delegation met North Korean leader Kim Jong Un in the afternoon."
    ms = mentions(text)
    assert person(text, "Kim Jong Un").role == "leader"
    assert any(m.text == "North Korean" and m.type == "GROUP" for m in ms)


def test_appositive_after_name() -> None:
    text = "Oleg Kozhemyako, the governor of Russia's Primorsky region, welcomed the guests."
    assert person(text, "Oleg Kozhemyako").role == "governor"


def test_appositive_before_name() -> None:
    text = ("The Russian Ambassador to North Korea, Alexander Matsegora, said the programme "
            "was busy.")
    assert person(text, "Alexander Matsegora").role == "Ambassador"


def test_secretary_of_state() -> None:
    text = "Reporters questioned Secretary of State Antony Blinken in Berlin."
    assert person(text, "Antony Blinken").role == "Secretary of State"


def test_no_role_without_a_title() -> None:
    assert person("Yesterday Maria Petrova opened the new library.", "Maria Petrova").role is None


def test_leading_role_split() -> None:
    assert leading_role("Foreign Minister Sergey Lavrov") == ("Foreign Minister", 17)
    assert leading_role("Sergey Lavrov") is None


@pytest.mark.parametrize("word", ["Defence", "Minister", "Prime Minister", "Deputy Foreign"])
def test_title_words(word: str) -> None:
    assert is_title_only(word)


@pytest.mark.parametrize("word", ["Kremlin", "Pentagon", "Defence Ministry", "Gazprom"])
def test_not_title_words(word: str) -> None:
    assert not is_title_only(word)
