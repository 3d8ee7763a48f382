"""A scene-setting "during his stay in X" places the event; a reported pronoun is the reporter."""

from __future__ import annotations

from storyline.analyse.event_text import summarise
from storyline.model import AnnotatedArticle, Article, Participant, article_id
from storyline.nlp.annotate import annotate_doc
from storyline.nlp.pipeline import get_nlp


def _annotate(text: str) -> AnnotatedArticle:
    return annotate_doc(Article(id=article_id(text), text=text), get_nlp()(text))


def _args(ann: AnnotatedArticle, cls: str, role: str) -> list[str]:
    (ev,) = [e for e in ann.events if e.event_class == cls]
    return [ann.article.text[a.start : a.end] for a in ev.arguments if a.role == role]


def test_during_a_stay_in_a_city_places_the_event() -> None:
    ann = _annotate("During his stay in Vladivostok, Kim Jong Un enjoyed a cultural interlude "
                    "by attending the first act of the ballet “Sleeping Beauty”.")
    assert _args(ann, "attend", "location") == ["Vladivostok"]


def test_a_place_in_another_clause_does_not_place_the_event() -> None:
    ann = _annotate("Kim Jong Un attended the ballet. During his stay in Vladivostok, "
                    "officials said little.")
    assert _args(ann, "attend", "location") == []


def test_reported_they_is_the_reporter() -> None:
    ann = _annotate("German maritime investigators said on Saturday they were examining the "
                    "speed of the ferry Nordic Star.")
    (agent,) = _args(ann, "inspect", "agent")
    assert agent.endswith("investigators")


def test_they_does_not_take_a_singular_reporter() -> None:
    ann = _annotate("The bureau said they were examining the speed of the ferry Nordic Star.")
    assert _args(ann, "inspect", "agent") == ["they"]


def test_inspect_summary_uses_the_verb_as_written() -> None:
    roles = [Participant("agent", None, "investigators"),
             Participant("patient", None, "the speed of the ferry")]
    assert summarise("inspect", roles, None, {}, {}, said="examining") == (
        "Investigators examined the speed of the ferry")
    assert summarise("inspect", roles, None, {}, {}, said="inspected") == (
        "Investigators inspected the speed of the ferry")
