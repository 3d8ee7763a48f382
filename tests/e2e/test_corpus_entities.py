"""Entity rules on the sample corpus's floods story (invented, two articles):
spelling variants joined, look-alikes apart, outlets and people typed right."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.api import run
from tests.conftest import CORPUS, check_dossier

FILES = ("floods-far-east-amur-courier.txt", "floods-far-east-pacific-wire.txt")


@pytest.fixture(scope="module")
def entities(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("floods")
    run([str(CORPUS / f) for f in FILES], out=out)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert len(index["stories"]) == 1, "the two flood reports are one story"
    d = json.loads((Path(out) / index["stories"][0]["file"]).read_text(encoding="utf-8"))
    check_dossier(d)
    return list(d["entities"])


def _one(entities: list[dict[str, Any]], surface: str) -> dict[str, Any]:
    found = [e for e in entities if any(m["text"] == surface for m in e["mentions"])]
    assert len(found) == 1, f"{surface!r} is in {[e['name'] for e in found]}"
    return found[0]


@pytest.mark.parametrize(
    ("forms", "type_"),
    [
        (("Artyom", "Artem"), "PLACE"),  # transliteration
        (("Primorsky krai", "Primorye"), "PLACE"),  # adjectival and noun forms of a region
        (("Be-200", "Be 200"), "EQUIPMENT"),  # designation written with a space
        (("Dmitriy Sokolov", "Dmitry Sokolov"), "PERSON"),  # -iy / -y
        (("Amur Courier",), "ORG"),  # an outlet in a byline, not a person
        (("Pacific Wire",), "ORG"),
    ],
)
def test_variants_are_one_entity(
    entities: list[dict[str, Any]], forms: tuple[str, ...], type_: str
) -> None:
    first = _one(entities, forms[0])
    assert first["type"] == type_
    for form in forms[1:]:
        assert _one(entities, form) is first


def test_namesakes_stay_apart_with_their_roles(entities: list[dict[str, Any]]) -> None:
    governor = _one(entities, "Pavel Sokolov")
    pilot = _one(entities, "Dmitriy Sokolov")
    assert governor is not pilot
    assert "Governor" in governor["roles"] and "Captain" in pilot["roles"]
    # The bare surname could be either: it joins neither, but is a person.
    bare = _one(entities, "Sokolov")
    assert bare is not governor and bare is not pilot
    assert bare["type"] == "PERSON"
