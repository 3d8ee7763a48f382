"""The ECB+ story-grouping scorer (B³, ARI), the document reader, and a floor on
the development topics."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from tests.conftest import SHARED, load_benchmark

DATA = SHARED / "benchmarks" / "ecbplus"
# Measured on the 8 development topics (197 documents, ~17 s with one process):
# B³ F1 0.799 (P 0.954, R 0.687), ARI 0.737 (single-link joining gave 0.774 / 0.666).
B3_F1_FLOOR = 0.79
ARI_FLOOR = 0.72


bench = load_benchmark("ecbplus.py")

# Five items, gold clusters {a, b} and {c, d, e}.
GOLD = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}


def _pair_ari(gold: dict[str, int], pred: dict[str, object]) -> float:
    """ARI the long way, from the four pair counts (an independent check)."""
    ss = sd = ds = dd = 0
    for x, y in combinations(sorted(gold), 2):
        same_g, same_p = gold[x] == gold[y], pred[x] == pred[y]
        ss += same_g and same_p
        sd += same_g and not same_p
        ds += not same_g and same_p
        dd += not same_g and not same_p
    # Hubert & Arabie in pair-count form (as in Steinley 2004).
    num = 2 * (ss * dd - sd * ds)
    den = (ss + sd) * (sd + dd) + (ss + ds) * (ds + dd)
    return num / den


def test_perfect_clustering_is_one_whatever_the_labels() -> None:
    pred = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    assert bench.b_cubed(GOLD, pred) == (1.0, 1.0)
    assert bench.adjusted_rand_index(GOLD, pred) == 1.0
    s = bench.score_clusters(GOLD, pred)
    assert (s.b3_f1, s.pair_f1, s.gold_clusters, s.predicted_clusters) == (1.0, 1.0, 2, 2)


def test_all_in_one() -> None:
    pred = dict.fromkeys(GOLD, "all")
    p, r = bench.b_cubed(GOLD, pred)
    # a, b: 2/5 each; c, d, e: 3/5 each → (0.8 + 1.8) / 5
    assert p == pytest.approx(0.52)
    assert r == 1.0
    assert bench.score_clusters(GOLD, pred).b3_f1 == pytest.approx(2 * 0.52 / 1.52)
    # Σ C(n_ij,2) = 1 + 3 = 4 = expected (4 · 10 / 10): no better than chance.
    assert bench.adjusted_rand_index(GOLD, pred) == pytest.approx(0.0)


def test_all_singletons() -> None:
    pred = {k: k for k in GOLD}
    p, r = bench.b_cubed(GOLD, pred)
    assert p == 1.0
    assert r == pytest.approx(0.4)  # (2 · 1/2 + 3 · 1/3) / 5
    assert bench.adjusted_rand_index(GOLD, pred) == pytest.approx(0.0)
    assert bench.pairwise(GOLD, pred) == (1.0, 0.0)


def test_one_item_moved() -> None:
    pred = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    p, r = bench.b_cubed(GOLD, pred)
    # precision: a, b 2/3; c 1/3; d, e 1 → 11/3 / 5.  recall: a, b 1; c 1/3; d, e 2/3.
    assert p == pytest.approx(11 / 15)
    assert r == pytest.approx(11 / 15)
    # index 2, expected 4 · 4 / 10 = 1.6, max 4 → 0.4 / 2.4
    assert bench.adjusted_rand_index(GOLD, pred) == pytest.approx(1 / 6)
    assert bench.adjusted_rand_index(GOLD, pred) == pytest.approx(_pair_ari(GOLD, pred))
    assert bench.pairwise(GOLD, pred) == pytest.approx((2 / 4, 2 / 4))


def test_ari_below_chance_and_symmetric() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    pred = {"a": "x", "b": "y", "c": "x", "d": "y"}
    # index 0, expected 2 · 2 / 6, max 2 → (−2/3) / (4/3)
    assert bench.adjusted_rand_index(gold, pred) == pytest.approx(-0.5)
    assert bench.adjusted_rand_index(pred, gold) == pytest.approx(-0.5)
    assert bench.adjusted_rand_index(gold, pred) == pytest.approx(_pair_ari(gold, pred))


def test_b3_precision_and_recall_swap_with_the_roles() -> None:
    pred = {"a": 1, "b": 2, "c": 2, "d": 2, "e": 3}
    p, r = bench.b_cubed(GOLD, pred)
    assert bench.b_cubed(pred, GOLD) == pytest.approx((r, p))
    assert bench.adjusted_rand_index(GOLD, pred) == pytest.approx(_pair_ari(GOLD, pred))


def test_trivial_clusterings_agreeing_are_one() -> None:
    assert bench.adjusted_rand_index({}, {}) == 1.0
    assert bench.adjusted_rand_index({"a": 1}, {"a": 9}) == 1.0
    assert bench.b_cubed({}, {}) == (1.0, 1.0)
    singletons = {"a": 1, "b": 2, "c": 3}
    assert bench.adjusted_rand_index(singletons, {"a": 4, "b": 5, "c": 6}) == 1.0


def test_items_must_match() -> None:
    with pytest.raises(ValueError, match="different items"):
        bench.b_cubed(GOLD, {"a": 1})


# ------------------------------------------------------------ reading ECB+


def test_detokenize() -> None:
    toks = ["``", "It", "does", "n't", "hurt", ",", "''", "he", "said", "at", "8", ":", "13"]
    assert bench.detokenize(toks) == '"It doesn\'t hurt," he said at 8:13'
    assert bench.detokenize(["It", "’", "s", "Reid", "'s", "(", "33", ")", "."]) == (
        "It’s Reid's (33)."
    )
    assert bench.detokenize(["August", "2", ",", "2013", ";", "1", ",", "000"]) == (
        "August 2, 2013; 1,000"
    )


def _write_doc(path: Path, sentences: list[list[str]]) -> None:
    rows, t_id = [], 1
    for s, toks in enumerate(sentences):
        for n, tok in enumerate(toks):
            rows.append(f'<token t_id="{t_id}" sentence="{s}" number="{n}">{tok}</token>')
            t_id += 1
    body = "\n".join(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<Document doc_name="{path.name}" doc_id="D1">\n{body}\n<Markables/>\n'
        "<Relations/>\n</Document>\n",
        encoding="utf-8",
    )


def test_read_document_and_layout(tmp_path: Path) -> None:
    _write_doc(
        tmp_path / "ECB+" / "7" / "7_2ecbplus.xml",
        [["http", ":", "/", "/", "x", ".", "com"], ["Quake", "hits", "Iran"], ["Two", "hurt", "."]],
    )
    _write_doc(tmp_path / "ECB+" / "7" / "7_1ecb.xml", [["A", "quake", "."], ["More", "."]])
    _write_doc(tmp_path / "ECB+" / "3" / "3_1ecb.xml", [["Other", "."]])
    (tmp_path / "ECB+" / "7" / "notes.xml").write_text("<x/>", encoding="utf-8")
    paths = bench.document_paths(tmp_path)
    assert [p.name for p in paths] == ["3_1ecb.xml", "7_1ecb.xml", "7_2ecbplus.xml"]
    assert bench.document_paths(tmp_path / "ECB+") == paths  # either folder works
    assert [p.name for p in bench.select_topics(paths, "7")] == ["7_1ecb.xml", "7_2ecbplus.xml"]
    assert [p.name for p in bench.select_topics(paths, limit=1)] == ["3_1ecb.xml"]
    doc = bench.read_document(paths[2])
    assert doc.url == "http://x.com"  # sentence 0 of an ecbplus file, kept out of the text
    assert doc.text == "Quake hits Iran\n\nTwo hurt."
    assert doc.title == "Quake hits Iran"
    assert (doc.topic, doc.half, doc.subtopic) == (7, "ecbplus", "7ecbplus")
    first = bench.read_document(paths[1])
    assert (first.text, first.title, first.url) == ("A quake.\n\nMore.", "A quake.", None)
    assert bench.to_article(first).published is None


def test_tasks(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.parse_tasks("stories, stories") == ["stories"]
    with pytest.raises(SystemExit) as exc:
        bench.main(["--task", "stories,coref"])
    assert exc.value.code == 2
    assert "unknown task(s) 'coref'" in capsys.readouterr().err
    assert bench.parse_tasks("stories,entities,events") == ["stories", "entities", "events"]


# ------------------------------------------------------------------ floor


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "ECB+").is_dir(), reason="ECB+ data not present")
def test_story_grouping_floor_on_dev_topics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = bench.main(
        [
            "--data",
            str(DATA),
            "--task",
            "stories",
            "--topics",
            "dev",
            "--predictions",
            str(tmp_path),
        ]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["documents"] == 197
    assert result["gold_clusters"] == 16
    assert result["stories_b3_f1"] >= B3_F1_FLOOR, result
    assert result["stories_ari"] >= ARI_FLOOR, result
    stories = json.loads((tmp_path / "stories.json").read_text(encoding="utf-8"))
    assert len(stories) == 197 and "2_1ecb.xml" in stories
    assert len(set(stories.values())) == result["predicted_clusters"]


# Measured on three development topics (2, 5, 12: 74 documents, ~25 s), resolved
# inside our own stories: entities CoNLL F1 74.5 with gold mentions (was 65.9),
# 52.9 with our own mentions matched to gold extents by head word (22.3 with our
# own extents; named mentions only, exact extents: 20.2); events 68.2 with gold
# mentions (70.3 after story grouping improved), and 46.8 with our own event
# mentions (analyse/events.py merging + lemma clusters). With the event-pair
# scorer and average linkage (analyse/event_coref.py): events 73.4 with gold
# mentions, 50.2 with our own. Once story grouping kept the two look-alike halves
# of a topic apart (Ward's test), chains that ECB+ runs across both halves (the
# same person in two episodes) are cut at the story boundary: entities 72.8 with
# gold mentions, 52.1 by head, 22.1 exact; events 72.2 gold, 50.7 own. With the
# synonym groups pruned by cross-validation on the training topics, the refit,
# phrasal particles and action nouns as triggers: events 72.2 gold, 53.3 own.
# With WordNet-related triggers as candidates (nlp/lexicon.py) and the refit:
# events 75.6 gold, 55.4 own (75.25 and 54.96 just before); 75.62 / 55.05 once merged
# with the statement and event-reading rules of analyse/events.py.  With an argument
# in common in any role as a pair feature, threshold kept at 0.35: 75.36 / 55.05
# (74.22 / 54.64 at 0.40, the cross-validated best; docs/events.md).
COREF_TOPICS = "2,5,12"
# Entities with ECB+-style extents for our own mentions (benchmarks/ecbplus_mentions.py)
# and named entities linked across our stories (analyse/cross_story.py): 75.8 with
# gold mentions, 55.6 by head, 42.7 exact.  Measured again with the name-form rules
# (headline run-ons of any type, initials/suffixes/particles, legal forms, titles
# before full names, place-qualified organisations): 80.04 gold, 58.76 head,
# 45.24 exact (78.99 / 58.02 / 44.87 on the same code without them).
ENTITIES_GOLD_FLOOR = 79.8
ENTITIES_HEAD_FLOOR = 58.5
ENTITIES_EXACT_FLOOR = 45.0
EVENTS_GOLD_FLOOR = 75.3
EVENTS_FLOOR = 54.8


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "ECB+").is_dir(), reason="ECB+ data not present")
def test_coreference_floor_on_three_dev_topics(capsys: pytest.CaptureFixture[str]) -> None:
    code = bench.main(["--data", str(DATA), "--task", "entities,events", "--topics", COREF_TOPICS])
    assert code == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["documents"] == 74
    assert result["entities_conll_f1_gold"] >= ENTITIES_GOLD_FLOOR, result
    assert result["entities_conll_f1_head"] >= ENTITIES_HEAD_FLOOR, result
    assert result["entities_conll_f1"] >= ENTITIES_EXACT_FLOOR, result
    assert result["events_conll_f1_gold"] >= EVENTS_GOLD_FLOOR, result
    assert result["events_conll_f1"] >= EVENTS_FLOOR, result
