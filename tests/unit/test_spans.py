from dataclasses import dataclass

from storyline.nlp.spans import first_of_overlaps


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def test_first_then_longest_of_overlapping_spans_kept_in_text_order() -> None:
    spans = [Span(10, 14), Span(0, 3), Span(0, 6), Span(5, 9), Span(12, 20)]
    assert first_of_overlaps(spans) == [Span(0, 6), Span(10, 14)]


def test_touching_spans_both_kept() -> None:
    assert first_of_overlaps([Span(3, 5), Span(0, 3)]) == [Span(0, 3), Span(3, 5)]
