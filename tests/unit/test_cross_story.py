"""Linking entities across stories (analyse/cross_story.py)."""

from __future__ import annotations

from pathlib import Path

from storyline.analyse.cross_story import is_full_name, link_across_stories, roles_compatible
from storyline.analyse.entities import entity_id
from storyline.model import Entity


def _ent(name: str, type_: str = "PERSON", roles: tuple[str, ...] = ()) -> Entity:
    return Entity(id=entity_id(type_, name.lower()), name=name, type=type_,  # type: ignore[arg-type]
                  roles=roles)


def test_full_names_link_and_bare_surnames_stay_in_their_story() -> None:
    lohan_a, lohan_b = _ent("Lindsay Lohan"), _ent("Lindsay Lohan", roles=("actress",))
    smith_a, smith_b = _ent("Smith"), _ent("Smith")
    link = link_across_stories({"s1": [lohan_a, smith_a], "s2": [lohan_b, smith_b]})
    assert link[("s1", lohan_a.id)] == link[("s2", lohan_b.id)]
    assert link[("s1", smith_a.id)] != link[("s2", smith_b.id)]
    assert is_full_name(_ent("Saints", "ORG")) and not is_full_name(_ent("Smith"))


def test_namesakes_in_two_trades_stay_apart() -> None:
    judge = _ent("John Roberts", roles=("Chief Justice",))
    player = _ent("John Roberts", roles=("quarterback",))
    plain = _ent("John Roberts")
    assert not roles_compatible(judge, player)
    assert roles_compatible(judge, _ent("John Roberts", roles=("Justice",)))
    link = link_across_stories({"a": [judge], "b": [player], "c": [plain]})
    assert link[("a", judge.id)] != link[("b", player.id)]
    # No role at all clashes with none: it joins the first group.
    assert link[("c", plain.id)] == link[("a", judge.id)]


def test_a_country_and_its_leader_never_link() -> None:
    country, leader = _ent("North Korea", "PLACE"), _ent("Kim Jong Un")
    link = link_across_stories({"a": [country], "b": [leader]})
    assert link[("a", country.id)] != link[("b", leader.id)]


def test_relabelling_benchmark_clusters_across_stories() -> None:
    from tests.conftest import load_benchmark

    coref = load_benchmark("ecbplus.py")._coref_module()
    lohan = _ent("Lindsay Lohan")
    link = link_across_stories({"s1": [lohan], "s2": [lohan]})
    resp = {("d1", (1,)): f"s1|E:{lohan.id}", ("d2", (4,)): f"s2|E:{lohan.id}",
            ("d1", (7,)): "s1|H:clinic", ("d2", (9,)): "s2|H:clinic"}
    out = coref.relabel_across_stories(resp, link)
    assert out[("d1", (1,))] == out[("d2", (4,))]
    assert out[("d1", (7,))] != out[("d2", (9,))]  # nominal chains stay in their story


def test_the_store_lists_a_full_name_once_and_bare_surnames_per_story(
    tmp_path: Path,
) -> None:
    from storyline.store.reader import Reader
    from tests.report_fixtures import big_dossier, located_dossier, store_with

    dossiers = [located_dossier(), big_dossier(n_entities=4, n_claims=4)]
    for d in dossiers:
        for eid, name in (("e00000000000000aa", "Smith"), ("e00000000000000bb", "Maria Lopez")):
            d["entities"].append({"id": eid, "name": name, "type": "PERSON", "aliases": [],
                                  "roles": [], "lat": None, "lon": None, "mentions": []})
    path = tmp_path / "store.db"
    store_with(path, dossiers)
    reader = Reader(path)
    smiths = reader.entities("smith").items
    assert len(smiths) == 2 and {len(s["stories"]) for s in smiths} == {1}
    (lopez,) = reader.entities("lopez").items
    assert len(lopez["stories"]) == 2
