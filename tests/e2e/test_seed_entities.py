"""The seed dossier's entities as a reader checks them: each real thing once,
under its best name, typed right, with its aliases and roles; look-alikes apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.api import run
from tests.conftest import SEEDS, need_shared


@pytest.fixture(scope="module")
def entities(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    need_shared()
    out = tmp_path_factory.mktemp("seed_entities")
    run([str(SEEDS)], out=out)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    (story,) = index["stories"]
    dossier = json.loads((out / story["file"]).read_text(encoding="utf-8"))
    return list(dossier["entities"])


def _holding(entities: list[dict[str, Any]], surface: str) -> list[dict[str, Any]]:
    return [e for e in entities if any(m["text"] == surface for m in e["mentions"])]


def _one(entities: list[dict[str, Any]], surface: str) -> dict[str, Any]:
    found = _holding(entities, surface)
    assert len(found) == 1, f"{surface!r} is in {[e['name'] for e in found]}"
    return found[0]


@pytest.mark.parametrize(
    ("name", "type_", "forms"),
    [
        ("Kim Jong Un", "PERSON", {"Kim"}),
        ("Sergei Shoigu", "PERSON", {"Shoigu"}),
        ("Vladimir Putin", "PERSON", {"Putin"}),
        ("Oleg Kozhemyako", "PERSON", {"Kozhemyako"}),
        ("Dmitry Peskov", "PERSON", set()),
        ("Alexander Matsegora", "PERSON", set()),
        ("Tu-160", "EQUIPMENT", set()),
        ("Tu-95", "EQUIPMENT", set()),
        ("Tu-22M3", "EQUIPMENT", set()),
        ("Kinzhal", "EQUIPMENT", set()),
        ("Marshal Shaposhnikov", "EQUIPMENT", set()),
        ("Knevichi Airfield", "FACILITY", {"Knevichi airfield"}),
        ("Vostochny Cosmodrome", "FACILITY", set()),
        ("Artyom", "PLACE", set()),
        ("Vladivostok", "PLACE", set()),
        ("North Korea", "PLACE", set()),
        ("Kremlin", "ORG", set()),
        ("Interfax", "ORG", set()),
    ],
)
def test_each_thing_once_under_its_best_name(
    entities: list[dict[str, Any]], name: str, type_: str, forms: set[str]
) -> None:
    named = [e for e in entities if e["name"] == name]
    assert len(named) == 1, f"{name!r} appears {len(named)} times"
    (e,) = named
    assert e["type"] == type_
    for form in forms:
        assert _one(entities, form) is e
    assert set(e["aliases"]) >= forms - {name}


def test_region_adjective_and_noun_forms_are_one_place(entities: list[dict[str, Any]]) -> None:
    region = _one(entities, "Primorsky region")
    assert region["type"] == "PLACE"
    assert _one(entities, "Primorye region") is region


def test_roles_are_split_off_and_kept(entities: list[dict[str, Any]]) -> None:
    assert "Defence Minister" in _one(entities, "Sergei Shoigu")["roles"]
    assert "governor" in _one(entities, "Oleg Kozhemyako")["roles"]
    assert "Kremlin spokesperson" in _one(entities, "Dmitry Peskov")["roles"]
    assert "President" in _one(entities, "Vladimir Putin")["roles"]
    # No person's name keeps its title.
    persons = [e["name"] for e in entities if e["type"] == "PERSON"]
    assert not [n for n in persons if n.split()[0] in ("President", "Defence", "Minister")]


def test_look_alikes_stay_apart(entities: list[dict[str, Any]]) -> None:
    bombers = {_one(entities, d)["id"] for d in ("Tu-160", "Tu-95", "Tu-22M3")}
    assert len(bombers) == 3
    kim = _one(entities, "Kim Jong Un")
    assert _one(entities, "North Korea") is not kim, "a country is not its leader"
    assert not set(kim["aliases"]) & {"U.N.", "United Nations"}
    assert _one(entities, "Russia") is not _one(entities, "Putin")


def test_no_title_word_or_hardware_noun_is_an_entity(entities: list[dict[str, Any]]) -> None:
    names = {e["name"] for e in entities}
    assert not names & {"Defence", "Minister", "Hypersonic Missiles", "Bombers"}


def test_every_mention_keeps_its_offsets(entities: list[dict[str, Any]]) -> None:
    kim = _one(entities, "Kim")
    assert len({m["article"] for m in kim["mentions"]}) == 2
    assert all(m["end"] - m["start"] == len(m["text"]) for m in kim["mentions"])


def test_ids_depend_on_name_and_type_only(
    entities: list[dict[str, Any]], tmp_path: Path
) -> None:
    # The same seed article alone, in another store, gives Shoigu the same id.
    one = sorted(SEEDS.iterdir())[0]
    run([str(one)], out=tmp_path)
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    d = json.loads((tmp_path / index["stories"][0]["file"]).read_text(encoding="utf-8"))
    ids = {e["name"]: e["id"] for e in d["entities"]}
    assert ids["Sergei Shoigu"] == _one(entities, "Shoigu")["id"]


@pytest.mark.parametrize(
    ("surface", "kind"),
    [
        ("Tu-160", "aircraft"),  # "strategic bombers, including the Tu-160, Tu-95, and Tu-22M3"
        ("Tu-95", "aircraft"),
        ("Tu-22M3", "aircraft"),
        ("Su-57", "aircraft"),  # "Su-57 fighter jets"
        ("MiG-31I", "aircraft"),  # "MiG-31I supersonic interceptor aircraft"
        ("Kinzhal", "missile"),  # "hypersonic missile, the Kinzhal", "Kinzhal missile"
        ("Marshal Shaposhnikov", "vessel"),  # "frigate “Marshal Shaposhnikov”"
    ],
)
def test_seed_equipment_kind_comes_from_the_text(
    entities: list[dict[str, Any]], surface: str, kind: str
) -> None:
    e = _one(entities, surface)
    assert e["type"] == "EQUIPMENT"
    assert e["kind"] == kind


def test_seed_only_equipment_has_a_kind(entities: list[dict[str, Any]]) -> None:
    assert all(e["kind"] is None for e in entities if e["type"] != "EQUIPMENT")
