"""Do sentence embeddings earn their place?  ECB+ story grouping and event
coreference (gold mentions), each with and without embedding similarity.

    python benchmarks/ecbplus_embed.py --data DIR [--topics all|dev|...]
        [--cache DIR] [--task stories,events]

Needs the optional extra (``make setup-embed``).  The spaCy
annotation and the embeddings are cached under ``--cache`` (default a folder
in the system temp dir), so a second run only groups and scores.

* stories: ``group_features`` as the pipeline runs it, then the same with
  ``storyline.embed.grouping.embedding_link`` as the pair decision (document
  embeddings as one more piece of evidence); B³ F1 / ARI against the gold
  sub-topics, as ``benchmarks/ecbplus.py --task stories`` scores them.
* events: the gold event mentions of the validated sentences clustered inside
  our stories by the fitted event-pair scorer and average linkage
  (``ecbplus_coref.event_infos`` + ``cluster_event_infos``, as
  ``benchmarks/ecbplus.py --task events`` runs it), then refined with trigger-sentence embeddings
  and trigger-word embeddings (``storyline.embed.events.refine_event_clusters``);
  CoNLL F1.

Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import ecbplus  # noqa: E402
import ecbplus_coref  # noqa: E402


def _code_version() -> str:
    """A digest of the code behind the cached annotation: the package (its
    optional ``embed`` part aside) and the benchmark's ECB+ adapters.  Keyed by
    the texts alone, a cache written by older code would be read back as if
    the annotation had not changed."""
    files = [p for p in sorted((HERE.parent / "src" / "storyline").rglob("*.py"))
             if "embed" not in p.relative_to(HERE.parent / "src" / "storyline").parts]
    files += [HERE / "ecbplus.py", HERE / "ecbplus_coref.py", Path(__file__).resolve()]
    digest = hashlib.sha1()
    for f in files:
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def _annotate(docs: Sequence[Any], paths: Sequence[Path], cache: Path) -> dict[str, Any]:
    """Annotated articles and the per-document facts the event clustering needs,
    cached by the documents' texts and the code that annotates them."""
    # "v3": the cache also holds the parse facts of the event-pair scorer.
    text = "v3\n" + _code_version() + "\n" + "\n".join(d.name + d.text for d in docs)
    key = hashlib.sha1(text.encode()).hexdigest()[:16]
    path = cache / f"annotated-{key}.pkl"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    from storyline.model import Article, article_id
    from storyline.nlp.annotate import annotate_doc
    from storyline.nlp.pipeline import get_nlp

    nlp = get_nlp()
    annotated = []
    lemma_of: dict[str, dict[str, str]] = {}
    event_lemma: dict[Any, str] = {}
    event_raw: dict[Any, Any] = {}
    verbs: set[str] = set()
    articles = [
        Article(id=article_id(d.text), text=d.text, title=d.title, url=d.url, language="en",
                origin=d.name)
        for d in docs
    ]
    gold_by_doc = {
        d.name: ecbplus_coref.read_mentions(p, d, None) for d, p in zip(docs, paths, strict=True)
    }
    for d, art, sdoc in zip(docs, articles, nlp.pipe((a.text for a in articles), batch_size=16),
                            strict=True):
        annotated.append(annotate_doc(art, sdoc))
        lemma_of[d.name] = {t.text: t.lemma_ for t in sdoc if t.is_alpha}
        verbs.update(t.lemma_.lower() for t in sdoc if t.pos_ == "VERB")
        for m in gold_by_doc[d.name]:
            if m.kind == "event":
                lemma = ecbplus_coref._event_lemma(sdoc, m.start, m.end, verbs)
                if lemma:
                    event_lemma[m.id] = lemma
                    event_raw[m.id] = ecbplus_coref._event_raw(sdoc, d.text, m.start, m.end,
                                                               lemma)
    out = {"annotated": annotated, "lemma_of": lemma_of, "event_lemma": event_lemma,
           "event_raw": event_raw, "verbs": verbs}
    cache.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(out, fh)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=ecbplus.DEFAULT_DATA)
    parser.add_argument("--topics", default="all")
    parser.add_argument("--task", default="stories,events")
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "storyline-ecbplus-embed")
    parser.add_argument("--min-similarity", type=float, default=0.8,
                        help="stories: cosine that links a pair the name rules leave apart")
    parser.add_argument("--min-evidence", type=float, default=0.3,
                        help="stories: named evidence such a pair must still share")
    parser.add_argument("--veto-below", type=float, default=None,
                        help="stories: cosine under which a linked pair is cut")
    parser.add_argument("--split-below", type=float, default=None,
                        help="events: average sentence cosine under which a lemma cluster splits")
    parser.add_argument("--merge-above", type=float, default=0.4,
                        help="events: average sentence cosine over which two clusters join")
    parser.add_argument("--word-above", type=float, default=0.7,
                        help="events: average trigger-word cosine two clusters need to join")
    args = parser.parse_args(argv)
    tasks = {t.strip() for t in args.task.split(",") if t.strip()}

    from storyline.embed.cache import EmbeddingCache
    from storyline.embed.encoder import load_encoder
    from storyline.stories.features import grouping_features
    from storyline.stories.grouping import CorpusStats, group_features

    paths = ecbplus.select_topics(ecbplus.document_paths(args.data), args.topics)
    docs = [ecbplus.read_document(p) for p in paths]
    t0 = time.perf_counter()
    ann = _annotate(docs, paths, args.cache)
    annotated = ann["annotated"]
    t_annotate = time.perf_counter() - t0
    encoder = EmbeddingCache(load_encoder(), args.cache / "vectors.sqlite")
    metrics: dict[str, object] = {"documents": len(docs)}

    # In article-id order, as group_stories gives them (ties break the same way).
    feats = [grouping_features(a) for a in sorted(annotated, key=lambda a: a.article.id)]
    stats = CorpusStats(feats)
    gold = {d.name: d.subtopic for d in docs}
    name_of = {a.article.id: d.name for d, a in zip(docs, annotated, strict=True)}

    def stories_of(groups: list[list[str]]) -> dict[str, str]:
        return {name_of[a]: g[0] for g in groups for a in g}

    t1 = time.perf_counter()
    base_groups = group_features(feats, stats)
    base = stories_of(base_groups)
    t_group = time.perf_counter() - t1
    story_of = base
    if "stories" in tasks:
        from storyline.embed.grouping import document_vectors, embedding_link

        t2 = time.perf_counter()
        vecs = document_vectors(annotated, encoder)
        t_embed = time.perf_counter() - t2
        link = embedding_link(vecs, min_similarity=args.min_similarity,
                              min_evidence=args.min_evidence, veto_below=args.veto_below)
        t3 = time.perf_counter()
        emb_groups = group_features(feats, stats, link=link)
        t_group_emb = time.perf_counter() - t3
        emb = stories_of(emb_groups)
        s0 = ecbplus.score_clusters(gold, base)
        s1 = ecbplus.score_clusters(gold, emb)
        print(f"ECB+ story grouping, {len(docs)} documents ({args.topics})")
        print(f"{'setting':<22}{'B3 P':>8}{'B3 R':>8}{'B3 F1':>8}{'ARI':>8}{'stories':>9}")
        for name, s in (("names + TF-IDF", s0), ("+ embeddings", s1)):
            print(f"{name:<22}{s.b3_p:>8.4f}{s.b3_r:>8.4f}{s.b3_f1:>8.4f}{s.ari:>8.4f}"
                  f"{s.predicted_clusters:>9}")
        print(f"time: annotate {t_annotate:.1f} s (cached?), embed {t_embed:.1f} s, "
              f"group {t_group:.1f} s / {t_group_emb:.1f} s")
        metrics.update({
            "stories_b3_f1": round(s0.b3_f1, 4), "stories_ari": round(s0.ari, 4),
            "stories_b3_f1_embed": round(s1.b3_f1, 4), "stories_ari_embed": round(s1.ari, 4),
            "embed_docs_s": round(t_embed, 1),
        })
        for line in ecbplus.error_lines(gold, emb):
            print("  " + line)
        print()
    if "events" in tasks:
        metrics.update(_events(docs, paths, ann, story_of, encoder, args))
    print(json.dumps(metrics))
    return 0


def _events(docs: Sequence[Any], paths: Sequence[Path], ann: dict[str, Any],
            story_of: dict[str, str], encoder: Any, args: argparse.Namespace) -> dict[str, object]:
    from storyline.analyse.entities import resolve_entities
    from storyline.embed.events import refine_event_clusters, trigger_sentences
    from storyline.eval.coref import score_coref

    validated = ecbplus_coref.validated_sentences(ecbplus.corpus_root(args.data))
    gold_by_doc = {
        d.name: ecbplus_coref.read_mentions(p, d, validated)
        for d, p in zip(docs, paths, strict=True)
    }
    by_story: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        by_story[story_of[d.name]].append(i)
    key: dict[Any, str] = {}
    base: dict[Any, str] = {}
    refined: dict[Any, str] = {}
    t0 = time.perf_counter()
    embed_s = 0.0
    annotated = ann["annotated"]
    for story, members in sorted(by_story.items()):
        texts = {docs[i].name: docs[i].text for i in members}
        # Our entities of the story, as run_coref gives them to the pair scorer.
        res = resolve_entities([annotated[i] for i in members])
        type_of = {e.id: e.type for e in res.entities}
        ours = {
            docs[i].name: [
                (m.start, m.end, eid, type_of[eid])
                for j, m in enumerate(annotated[i].mentions)
                if (eid := res.mention_entity.get((annotated[i].article.id, j))) is not None
            ]
            for i in members
        }
        evs = [m for i in members for m in gold_by_doc[docs[i].name] if m.kind == "event"]
        for m in evs:
            key[m.id] = m.cluster
        infos = ecbplus_coref.event_infos(evs, texts, ann["event_raw"], ours, ann["verbs"])
        clusters: dict[Any, str] = ecbplus_coref.cluster_event_infos(story, infos)
        base.update(clusters)
        te = time.perf_counter()
        spans = [(m.doc, m.start, m.end) for m in evs]
        vectors = trigger_sentences(texts, spans, encoder)
        words = encoder.encode([texts[m.doc][m.start : m.end] for m in evs])
        embed_s += time.perf_counter() - te
        refined.update(refine_event_clusters(
            [m.id for m in evs], clusters, vectors, docs=[m.doc for m in evs],
            split_below=args.split_below, merge_above=args.merge_above, words=words,
            word_above=args.word_above))
    s0 = score_coref(key, base)
    s1 = score_coref(key, refined)
    print(f"ECB+ event coreference, gold mentions, {len(key)} mentions, inside our stories")
    print(f"{'setting':<22}{'MUC':>7}{'B3':>7}{'CEAFe':>7}{'CoNLL':>7}")
    for name, s in (("pair scorer", s0), ("+ embeddings", s1)):
        print(f"{name:<22}{s.muc.f1 * 100:>7.1f}{s.b3.f1 * 100:>7.1f}{s.ceafe.f1 * 100:>7.1f}"
              f"{s.conll_f1 * 100:>7.1f}   MUC P/R {s.muc.precision * 100:.1f}/"
              f"{s.muc.recall * 100:.1f}  B3 P/R {s.b3.precision * 100:.1f}/"
              f"{s.b3.recall * 100:.1f}")
    print(f"time: {time.perf_counter() - t0:.1f} s, of which encoding {embed_s:.1f} s")
    print()
    return {"events_conll_f1_gold": round(s0.conll_f1 * 100, 2),
            "events_conll_f1_gold_embed": round(s1.conll_f1 * 100, 2)}


if __name__ == "__main__":
    sys.exit(main())
