"""The CoNLL coreference scorer on toy cases whose values were worked out by hand."""

from __future__ import annotations

import pytest

from storyline.eval.coref import b_cubed, ceaf_e, max_assignment, muc, score_coref

# Key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}: "e" is missing from the
# response, "h" and "i" are invented by it (system mentions).
KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2, "g": 2}
RESPONSE = {"a": "x", "b": "x", "c": "y", "d": "y", "f": "z", "g": "z", "h": "z", "i": "z"}


def test_muc_counts_links() -> None:
    # Recall: {a,b,c} falls into 2 parts (3-2=1), {d,e,f,g} into 3 ({d}, {e}
    # missing, {f,g}: 4-3=1), over (2+3) → 2/5.  Precision: {a,b} 1 part (1),
    # {c,d} 2 parts (0), {f,g,h,i} 3 parts (1), over (1+1+3) → 2/5.
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(2 / 5)
    assert s.precision == pytest.approx(2 / 5)
    assert s.f1 == pytest.approx(0.4)


def test_b_cubed_averages_over_mentions() -> None:
    # Recall: (2²+1²)/3 + (1²+2²)/4 = 35/12, over 7 key mentions.
    # Precision: 2²/2 + (1²+1²)/2 + 2²/4 = 4, over 8 response mentions.
    s = b_cubed(KEY, RESPONSE)
    assert s.recall == pytest.approx(35 / 84)
    assert s.precision == pytest.approx(4 / 8)


def test_ceaf_e_takes_the_best_alignment() -> None:
    # φ4: K1-R1 0.8, K1-R2 0.4, K2-R2 1/3, K2-R3 0.5; best K1-R1 + K2-R3 = 1.3.
    s = ceaf_e(KEY, RESPONSE)
    assert s.recall == pytest.approx(1.3 / 2)
    assert s.precision == pytest.approx(1.3 / 3)


def test_conll_is_the_mean_of_the_three_f1() -> None:
    s = score_coref(KEY, RESPONSE)
    b3_f1 = 2 * (35 / 84) * 0.5 / (35 / 84 + 0.5)
    ceaf_f1 = 2 * 0.65 * (1.3 / 3) / (0.65 + 1.3 / 3)
    assert s.conll_f1 == pytest.approx((0.4 + b3_f1 + ceaf_f1) / 3)
    assert (s.key_mentions, s.response_mentions, s.key_clusters, s.response_clusters) == (
        7, 8, 2, 3)


def test_perfect_response_scores_one_whatever_the_ids() -> None:
    response = {m: f"c{c}" for m, c in KEY.items()}
    s = score_coref(KEY, response)
    assert (s.muc.f1, s.b3.f1, s.ceafe.f1, s.conll_f1) == (1.0, 1.0, 1.0, 1.0)


def test_all_singletons_against_all_in_one() -> None:
    key = dict.fromkeys("abcd", 0)
    response = {m: m for m in "abcd"}
    s = score_coref(key, response)
    # No response link: MUC precision 0/0 → 0, recall (4-4)/3 = 0.
    assert (s.muc.precision, s.muc.recall) == (0.0, 0.0)
    assert s.b3.recall == pytest.approx(0.25)  # each mention finds 1 of 4
    assert s.b3.precision == 1.0
    # One key cluster, four response ones; best φ4 = 2·1/(4+1) = 0.4.
    assert s.ceafe.recall == pytest.approx(0.4)
    assert s.ceafe.precision == pytest.approx(0.1)


def test_hungarian_beats_greedy() -> None:
    # Greedy takes 0.9 then 0.1 = 1.0; the best pairing is 0.8 + 0.8.
    assert max_assignment([[0.9, 0.8], [0.8, 0.1]]) == pytest.approx(1.6)
    assert max_assignment([[0.5, 0.2, 0.4]]) == pytest.approx(0.5)
    assert max_assignment([]) == 0.0
