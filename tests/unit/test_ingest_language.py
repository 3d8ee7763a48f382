"""The language guess is plain where the text is, and undecided otherwise."""

from __future__ import annotations

import pytest

from storyline.ingest.language import detect_language, is_clearly_foreign

ENGLISH = (
    "The ferry between the north quay and the island resumed service on Thursday, and the "
    "harbour master said that the new pontoon was built to cope with higher tides."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (ENGLISH, "en"),
        ("Министр обороны заявил, что учения продолжатся до конца недели на полигоне.", "ru"),
        ("先日、新しい橋が開通したというニュースを耳にしました。", "ja"),
        ("국방부는 월요일 훈련이 이번 주 말까지 계속될 것이라고 밝혔다.", "ko"),
        (
            "Die Regierung hat am Montag mitgeteilt, dass die Brücke nicht vor dem Winter "
            "für den Verkehr geöffnet wird und die Kosten steigen.",
            "de",
        ),
        ("12 - 4 - 7 ... 2023", "und"),
        ("Palm Bay Rockledge Melbourne Cocoa Viera Titusville Astronaut Heritage", "und"),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_english_with_foreign_names_stays_english() -> None:
    text = ENGLISH + " Sergei Shoigu, Oleg Kozhemyako and Knevichi were named in Vladivostok."
    assert detect_language(text) == "en"


def test_only_definite_answers_are_foreign() -> None:
    assert is_clearly_foreign("ru")
    assert not is_clearly_foreign("en")
    assert not is_clearly_foreign("und")
