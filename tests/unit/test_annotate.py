"""The annotate stage: offsets, spaCy fixes, order, multiprocessing, pipeline equality."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.model import AnnotatedArticle, Article, Mention, article_id
from storyline.nlp.annotate import annotate_articles, annotate_text
from storyline.nlp.pipeline import get_nlp, get_reference_nlp


@pytest.fixture(scope="module", autouse=True)
def _nlp() -> None:
    get_nlp()


def _valid(a: AnnotatedArticle) -> None:
    text = a.article.text
    for m in a.mentions:
        assert text[m.start : m.end] == m.text
        s = a.sentences[m.sentence]
        assert s.start <= m.start < max(s.end, s.start + 1)
    starts = [m.start for m in a.mentions]
    assert starts == sorted(starts)
    for x, y in zip(a.mentions, a.mentions[1:], strict=False):
        assert x.end <= y.start
    for q in a.quantities:
        assert text[q.start : q.end] == q.text


def by_text(a: AnnotatedArticle) -> dict[str, Mention]:
    return {m.text: m for m in a.mentions}


def test_types_trimming_and_no_number_mentions() -> None:
    text = ("On Monday the United Nations said N Korea's envoy met 3 Japanese officials in "
            "Geneva, paying $40 for 20% of the 2 tickets.")
    a = annotate_text(text)
    _valid(a)
    ms = by_text(a)
    assert ms["United Nations"].type == "ORG"  # "the" trimmed
    assert ms["N Korea"].type == "PLACE"  # possessive trimmed
    assert ms["Japanese"].type == "GROUP"
    assert ms["Geneva"].type == "PLACE"
    assert not any(m.label in ("DATE", "CARDINAL", "MONEY", "PERCENT") for m in a.mentions)
    assert a.tokens == sum(not t.is_space for t in get_nlp()(text))
    assert a.quantities  # extract_quantities was called


def test_city_tagged_person_after_place_cue_becomes_place() -> None:
    text = "The convoy stopped at a depot about 30 km from Vladivostok before dawn."
    a = annotate_text(text)
    _valid(a)
    vl = by_text(a)["Vladivostok"]
    assert vl.type == "PLACE"


def test_place_name_before_facility_noun() -> None:
    text = "The jet landed at Russia's Knevichi airfield on Tuesday."
    a = annotate_text(text)
    _valid(a)
    fac = by_text(a)["Knevichi airfield"]
    assert fac.type == "FACILITY"
    assert by_text(a)["Russia"].type == "PLACE"


def test_possessive_heading_keeps_the_owner() -> None:
    text = "Kim’s Arrival at the Base:\n\nKim Jong Un arrived in Khabarovsk by train."
    a = annotate_text(text)
    _valid(a)
    assert a.mentions[0].text == "Kim"
    assert a.mentions[0].type == "PERSON"


def test_sentences_cover_text_without_whitespace() -> None:
    text = "First line here.\n\nSecond paragraph starts. And ends."
    a = annotate_text(text)
    assert len(a.sentences) == len(list(get_nlp()(text).sents))
    for s in a.sentences:
        piece = text[s.start : s.end]
        assert piece == piece.strip()


def _articles() -> list[Article]:
    texts = [
        "President Vladimir Putin met the governor in Khabarovsk on Friday.",
        "Two Su-57 jets and a Tu-95 flew near the frigate Admiral Makarov.",
        "",
        "Kremlin spokesperson Dmitry Peskov said nothing about the S-400 deal.",
        "Officials in Canberra said 1,200 people were evacuated from the coast.",
    ]
    return [Article(id=article_id(t) + str(i), text=t, title=f"t{i}")
            for i, t in enumerate(texts)]


def test_annotate_articles_keeps_order_and_ids() -> None:
    arts = _articles()
    out = list(annotate_articles(iter(arts), batch_size=2))
    assert [a.article.id for a in out] == [a.id for a in arts]
    assert [a.article for a in out] == arts
    for a in out:
        _valid(a)
    assert out[2].mentions == () and out[2].tokens == 0


def test_two_processes_give_the_same_output() -> None:
    arts = _articles() * 3
    one = list(annotate_articles(arts, n_process=1, batch_size=4))
    two = list(annotate_articles(arts, n_process=2, batch_size=4))
    assert one == two


def test_fast_attribute_rules_match_the_packaged_pipeline() -> None:
    text = ("I ain't gonna say it, y'all. Let's go: he'd have done it, and that's that. "
            "Nobody knows what those who did it were doing there.\n\n  It was 5 km away.")
    ours, ref = get_nlp()(text), get_reference_nlp()(text)
    assert "attribute_ruler" not in get_nlp().pipe_names
    got = [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in ours]
    want = [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in ref]
    assert got == want


def test_sentences_never_cross_a_paragraph_or_a_heading_line() -> None:
    text = (
        "Arrival at the Northern Airfield:\n\nThe minister was received at the airfield. "
        "He smiled.\nStrategic Bombers\n\nThe bombers flew to\nthe coast and back."
    )
    a = annotate_text(text)
    got = [text[s.start : s.end] for s in a.sentences]
    assert got == [
        "Arrival at the Northern Airfield:",
        "The minister was received at the airfield.",
        "He smiled.",
        "Strategic Bombers",
        "The bombers flew to\nthe coast and back.",
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The bombers flew, according to Russia’s Interfax news agency.", ("Interfax", "ORG")),
        ("The governor of Russia’s Primorsky region met him.", ("Primorsky region", "PLACE")),
        ("Police in the Buldan district said all was calm.", ("Buldan district", "PLACE")),
    ],
)
def test_a_cue_noun_types_the_name_before_it(text: str, want: tuple[str, str]) -> None:
    assert want in {(m.text, m.type) for m in annotate_text(text).mentions}


def test_an_article_that_fails_is_reported_and_the_rest_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import storyline.nlp.annotate as annotate_module

    real = annotate_module.annotate_doc

    def flaky(article: Article, doc: Any) -> AnnotatedArticle:
        if "boom" in article.text:
            raise ValueError("odd text")
        return real(article, doc)

    monkeypatch.setattr(annotate_module, "annotate_doc", flaky)
    texts = ["A quiet day in Porto.", "boom goes the parser", "Rain fell on Braga."]
    arts = [Article(id=article_id(t), text=t, origin=f"in{i}") for i, t in enumerate(texts)]
    failures: list[tuple[str, str]] = []
    out = list(annotate_articles(arts, on_error=lambda a, e: failures.append((a.origin, str(e)))))
    assert [a.article.origin for a in out] == ["in0", "in2"]
    assert failures == [("in1", "odd text")]
    with pytest.raises(ValueError, match="odd text"):
        list(annotate_articles(arts))


def test_lower_case_word_after_a_hardware_noun_is_not_a_name() -> None:
    a = annotate_text(
        "Twelve aircraft were used, including a C-130 Hercules air tanker. "
        "The hypersonic missile, the Kinzhal, was shown."
    )
    equipment = [m.text for m in a.mentions if m.type == "EQUIPMENT"]
    assert equipment == ["C-130", "Kinzhal"]
