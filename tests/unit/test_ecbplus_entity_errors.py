"""The ECB+ entity error breakdown (benchmarks/ecbplus_entity_errors.py) on toy clusterings."""

from __future__ import annotations

from tests.conftest import load_benchmark

errors = load_benchmark("ecbplus_entity_errors.py")


def test_mention_kinds_follow_tag_and_surface() -> None:
    kind = errors.mention_kind
    assert kind("TIME_DATE", "on Sunday") == "time"
    assert kind("HUMAN_PART_PER", "She") == "pron"
    assert kind("HUMAN_PART_PER", "the actress") == "nominal"
    assert kind("HUMAN_PART_PER", "Lindsay Lohan") == "name"
    assert kind("LOC_GEO", "in Queens") == "loc-name"
    assert kind("LOC_FAC", "in prison") == "loc-nom"


def test_pieces_count_each_split_beyond_the_largest_part() -> None:
    # Gold cluster g holds a, b, c; the response splits c off (one missed link)
    # and puts d, of another gold cluster, with a and b (one wrong link).
    key = {"a": "g", "b": "g", "c": "g", "d": "h"}
    resp = {"a": "r1", "b": "r1", "c": "r2", "d": "r1"}
    kind = {"a": "name", "b": "name", "c": "nominal", "d": "pron"}
    missed, missed_ex = errors._pieces(errors._groups(key), resp, kind)
    wrong, _ = errors._pieces(errors._groups(resp), key, kind)
    assert missed == {("nominal", "name"): 1}
    assert missed_ex[("nominal", "name")] == [("c", "a")]
    assert wrong == {("pron", "name"): 1}
