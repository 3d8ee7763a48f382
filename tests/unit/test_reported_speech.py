"""A statement's summary says what was said (analyse/reported_speech.py)."""

from __future__ import annotations

import pytest

from storyline.analyse.reported_speech import MAX_WORDS, reported_clause


def _clause(sentence: str, trigger: str) -> str:
    start = sentence.index(trigger)
    return reported_clause(sentence, start, start + len(trigger), (0, len(sentence)))


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Kremlin spokesperson Dmitry Peskov clarified that there were no plans to sign "
         "formal agreements.", "clarified",
         "clarified that there were no plans to sign formal agreements"),
        ("Governor Pavel Sokolov told reporters on Wednesday that 3,400 people had left.",
         "told", "told reporters on Wednesday that 3,400 people had left"),
        ("Pilot Dmitry Sokolov said the crew would fly two more runs before dark.", "said",
         "said the crew would fly two more runs before dark"),
        ("Residents of the village say blasting cracked walls in 30 homes.", "say",
         "said blasting cracked walls in 30 homes"),
        ("Sokolov said 1,200 homes had been cut off.", "said",
         "said 1,200 homes had been cut off"),
    ],
)
def test_the_reported_clause_in_the_sources_words(sentence: str, trigger: str,
                                                  expected: str) -> None:
    assert _clause(sentence, trigger) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # After the quotation it reports, what follows the verb is the speaker.
        ("“Now we can put goods on a train,” said Paula Sequeira, who heads the chamber.",
         "said"),
        ("\"No family will be left alone,\" Soto said after visiting Sierra Gorda.", "said"),
        # An object and no clause: nothing reported to show.
        ("\"The water is rising,\" the governor told reporters.", "told"),
        ("Kozhemyako announced plans for discussions with Kim.", "announced"),
        ("Russian diplomats defended their position, arguing that the US had no grounds.",
         "arguing"),
        ("Megan Doyle said.", "said"),
    ],
)
def test_no_clause_when_the_sentence_reports_none(sentence: str, trigger: str) -> None:
    assert _clause(sentence, trigger) == ""


def test_a_long_clause_is_cut_with_an_ellipsis() -> None:
    words = " ".join(f"w{i}" for i in range(40))
    out = _clause(f"Kos said that {words}.", "said")
    assert out.startswith("said that w0 w1") and out.endswith(" …")
    assert len(out.split()) == MAX_WORDS + 2  # the verb, the words, the ellipsis
