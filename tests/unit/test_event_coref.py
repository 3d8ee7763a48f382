"""The event-pair scorer and its average-linkage clustering."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from storyline.analyse import event_coref as ec
from storyline.analyse import event_coref_weights as weights


def _m(key: str, doc: str, sentence: int, lemma: str, words: str, **kw: object) -> ec.MentionInfo:
    return ec.MentionInfo(key=key, doc=doc, sentence=sentence, start=sentence * 100, lemma=lemma,
                          pos="VERB", context=ec.context_words(words), word=ec.stem(lemma),
                          **kw)  # type: ignore[arg-type]


def test_weights_match_the_features() -> None:
    assert len(weights.COEF) == len(ec.FEATURES)
    assert 0.0 < weights.THRESHOLD < 1.0


def test_average_linkage_joins_by_mean_and_keeps_singletons() -> None:
    # 0-1 sure, 1-2 sure, 0-2 never scored: the mean link of {0,1} to 2 is 0.45.
    labels = ec.average_linkage(4, {(0, 1): 0.9, (1, 2): 0.9}, 0.5)
    assert labels[0] == labels[1]
    assert labels[2] != labels[0] and labels[3] not in (labels[0], labels[2])
    labels = ec.average_linkage(4, {(0, 1): 0.9, (1, 2): 0.9}, 0.4)
    assert labels[0] == labels[1] == labels[2] != labels[3]


def test_context_words_stem_and_drop_function_words() -> None:
    words = ec.context_words("The quake killed 5 people in the hills")
    assert words == Counter({"quake": 1, "kill": 1, "people": 1, "hill": 1})


def test_same_event_in_two_articles_scores_above_an_unrelated_pair() -> None:
    quake_a = _m("a", "d1", 1, "earthquake",
                 "A magnitude 6.1 earthquake struck Indonesia on Sunday",
                 entities=frozenset({"e1"}), numbers=frozenset({"6.1"}),
                 times=frozenset({"sunday"}))
    quake_b = _m("b", "d2", 1, "quake",
                 "The 6.1 quake struck off Indonesia on Sunday", entities=frozenset({"e1"}),
                 numbers=frozenset({"6.1"}), times=frozenset({"sunday"}))
    said = _m("c", "d2", 3, "say", "Officials said rescue teams were on their way")
    pairs = ec.scored_pairs([quake_a, quake_b, said])
    assert pairs.get((0, 1), 0.0) > weights.THRESHOLD
    assert pairs.get((0, 2), 0.0) < weights.THRESHOLD
    assert pairs.get((1, 2), 0.0) < weights.THRESHOLD
    labels = ec.cluster([quake_a, quake_b, said])
    assert labels[0] == labels[1] != labels[2]


def test_reporting_verbs_of_two_articles_stay_apart() -> None:
    a = _m("a", "d1", 2, "say", "Police said the man was arrested")
    b = _m("b", "d2", 5, "say", "His lawyer said he would appeal")
    assert ec.cluster([a, b]) == [0, 1]


def test_wordnet_related_triggers_become_candidates_and_score_higher() -> None:
    # "seized" / "captured" share no lemma, group or argument: only WordNet
    # (one synset) makes the pair a candidate at all.
    a = _m("a", "d1", 1, "seize", "Rebels seized the northern town of Goma on Tuesday")
    b = _m("b", "d2", 4, "capture", "Rebels captured the northern town of Goma on Tuesday")
    c = _m("c", "d2", 6, "elect", "Voters elected a new council on Tuesday")
    assert ec.lexical_distance("seize", "capture") == 0
    assert ec.lexical_distance("seize", "elect") is None
    assert ec.lexical_distance("take", "capture") is None  # light verbs never
    candidates = ec.candidate_pairs([a, b, c], {})
    assert (0, 1) in candidates and (0, 2) not in candidates
    stats = ec.story_stats([a, b, c])
    lex = [ec.FEATURES.index(f) for f in ("lex_related", "lex_synonym")]
    x = ec.features(a, b, stats, {})
    assert [x[i] for i in lex] == [1.0, 1.0]
    assert [ec.features(a, c, stats, {})[i] for i in lex] == [0.0, 0.0]
    pairs = ec.scored_pairs([a, b, c], prior={})
    assert pairs.get((0, 1), 0.0) > 2 * ec.probability(ec.features(a, c, stats, {}))
    # With the rebels and the town as arguments of both (as the parse gives
    # them), the pair clears the clustering threshold.
    both = frozenset({"w:rebel", "w:town"})
    a, b = (replace(m, arguments=both) for m in (a, b))
    pairs = ec.scored_pairs([a, b, c], prior={})
    assert pairs.get((0, 1), 0.0) > weights.THRESHOLD
    assert ec.cluster([a, b, c])[:2] == [0, 0]


def test_an_argument_in_common_in_any_role_raises_the_pair() -> None:
    # "Team A beat Team B" / "Team B lost to Team A": the roles differ, the
    # participants are the same; a pair naming other teams shares none.
    won = _m("a", "d1", 1, "beat", "The Eagles beat the Giants 24-10 on Sunday",
             agents=frozenset({"eagles"}), patients=frozenset({"giants"}),
             arguments=frozenset({"eagles", "giants"}))
    lost = _m("b", "d2", 2, "lose", "The Giants lost to the Eagles on Sunday",
              agents=frozenset({"giants"}), arguments=frozenset({"giants", "eagles"}))
    other = _m("c", "d2", 3, "lose", "The Jets lost to the Bills on Sunday",
               agents=frozenset({"jets"}), arguments=frozenset({"jets", "bills"}))
    stats = ec.story_stats([won, lost, other])
    at = {f: ec.FEATURES.index(f) for f in ("arg_match", "arg_match_related",
                                            "arg_match_unrelated", "agent_match")}
    x = ec.features(won, lost, stats, {})
    assert x[at["arg_match"]] == 1.0 and x[at["agent_match"]] == 0.0
    assert x[at["arg_match_related"]] + x[at["arg_match_unrelated"]] == 1.0
    y = ec.features(won, other, stats, {})
    assert y[at["arg_match"]] == 0.0
    assert ec.probability(x) > ec.probability(y)
