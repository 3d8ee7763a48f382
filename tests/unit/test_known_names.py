"""Store-wide known person names: indexed per article, read incrementally."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from storyline.analyse.known_names import person_name_forms
from storyline.api import analyse
from storyline.model import AnnotatedArticle, Article, Mention
from storyline.store.sqlite import Store
from storyline.version import PIPELINE_VERSION


def _article(aid: str, text: str, people: list[str], published: str) -> AnnotatedArticle:
    mentions = [
        Mention(m.start(), m.end(), name, "PERSON", "PERSON", 0)
        for name in people
        for m in re.finditer(re.escape(name), text)
    ]
    return AnnotatedArticle(
        article=Article(id=aid, text=text, title=text.split(".")[0], published=published),
        mentions=tuple(mentions),
    )


FULL = _article(
    "a1",
    "Defence Minister Sergei Shoigu opened a tank factory in Omsk. Sergei Shoigu praised it.",
    ["Sergei Shoigu"],
    "2023-01-10",
)
SHORT = _article(
    "b1",
    "Shoigu attended a naval parade in Sevastopol months later. Sailors cheered.",
    ["Shoigu"],
    "2023-07-30",
)


def _entities_of(dossiers: list[dict[str, Any]], article: str) -> dict[str, dict[str, Any]]:
    (d,) = [d for d in dossiers if article in {a["id"] for a in d["articles"]}]
    return {e["name"]: e for e in d["entities"]}


def test_article_name_forms_are_full_names_with_counts() -> None:
    assert person_name_forms(FULL) == [("sergei shoigu", "Sergei Shoigu", 2)]
    assert person_name_forms(SHORT) == []


def test_a_second_run_resolves_a_short_form_from_the_name_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotated([FULL], PIPELINE_VERSION)
        first = analyse(store)
        assert "Sergei Shoigu" in _entities_of(first, "a1")
        assert store.person_names_pending(PIPELINE_VERSION) == set()

        store.add_annotated([SHORT], PIPELINE_VERSION)
        assert store.person_names_pending(PIPELINE_VERSION) == {"b1"}

        # The second run must not stream the whole store's annotations, and reads
        # only the new article's for the name index.
        def no_full_scan(*_: object) -> None:
            raise AssertionError("read every stored annotation")

        monkeypatch.setattr(store, "annotated_articles", no_full_scan)
        second = analyse(store)
        ents = _entities_of(second, "b1")
        assert "a1" not in {a["id"] for d in second for a in d["articles"]
                             if "b1" in {x["id"] for x in d["articles"]}}
        assert "Sergei Shoigu" in ents and "Shoigu" in ents["Sergei Shoigu"]["aliases"]
        assert ents["Sergei Shoigu"]["id"] == _entities_of(first, "a1")["Sergei Shoigu"]["id"]


def test_reannotation_replaces_an_articles_indexed_names(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotated([FULL], PIPELINE_VERSION)
        store.add_person_names([("a1", person_name_forms(FULL))], PIPELINE_VERSION)
        store.add_person_names([("a1", [("sergei k shoigu", "Sergei K. Shoigu", 1)])], "v-next")
        assert list(store.person_name_counts("v-next")) == [
            ("sergei k shoigu", "Sergei K. Shoigu", 1)
        ]
        assert list(store.person_name_counts(PIPELINE_VERSION)) == []
        assert store.person_names_pending(PIPELINE_VERSION) == {"a1"}
