"""Copy detection: copied paragraphs join an origin; stock phrases and quotes do not."""

from __future__ import annotations

import random

from storyline.model import Article
from storyline.stories.copies import detect_copies

PARAGRAPH = (
    "Upon his arrival in Artyom, Kim Jong Un proceeded to the Vladivostok airport, where he "
    "was given a tour of Russia's nuclear-capable strategic bombers and other warplanes by "
    "Russian Defence Minister Sergei Shoigu and senior military officials."
)


def test_copied_paragraph_shares_an_origin_with_exact_spans() -> None:
    a = Article(id="a1", text="MOSCOW: Kim toured the Far East.\n\n" + PARAGRAPH + "\n\nMore.")
    # The copy changes spacing, case and punctuation, and one word.
    copied = PARAGRAPH.replace("Russia's", "Russia’s").replace("  ", " ").upper()
    copied = copied.replace("OTHER WARPLANES", "OTHER AIRCRAFT")
    b = Article(id="a2", text="Another outlet writes.  " + copied + " It ends here.")
    c = Article(id="a3", text="An unrelated report about the weather in Paris today.")
    report = detect_copies([c, b, a])
    assert report.origin_groups == {"a1": "a1", "a2": "a1", "a3": "a3"}
    assert len(report.passages) == 1
    p = report.passages[0]
    assert (p.article_a, p.article_b) == ("a1", "a2")
    quote_a = a.text[p.start_a : p.end_a]
    quote_b = b.text[p.start_b : p.end_b]
    assert quote_a.startswith("Upon his arrival") and quote_a.endswith("senior military officials")
    assert quote_b.startswith("UPON HIS ARRIVAL") and quote_b.endswith("SENIOR MILITARY OFFICIALS")


def test_independent_reports_sharing_stock_phrases_stay_apart() -> None:
    a = Article(
        id="a1",
        text=(
            "The hypersonic Kinzhal missile has an estimated range of 1,500 to 2,000 km "
            "(930-1,240 miles), according to Russia's Interfax news agency. Kim Jong Un looked "
            "at it for a long while before asking questions about its guidance."
        ),
    )
    b = Article(
        id="a2",
        text=(
            "Shoigu told the visitor the Kinzhal flies fast. Analysts credit it with an estimated "
            "range of 1,500 to 2,000 km (930-1,240 miles), according to Russia's Interfax news "
            "agency, though Western estimates are lower."
        ),
    )
    report = detect_copies([a, b])
    assert report.origin_groups == {"a1": "a1", "a2": "a2"}
    assert report.passages == []


def test_a_shared_verbatim_quote_is_not_a_copy() -> None:
    statement = (
        "“We will continue to strengthen our cooperation with our neighbours in every field, "
        "including defence, and no outside pressure will change that course for our people,”"
    )
    a = Article(id="a1", text=f"The minister told reporters in Moscow: {statement} he said.")
    b = Article(id="a2", text=f"Speaking on state television, the official said {statement}")
    assert detect_copies([a, b]).origin_groups == {"a1": "a1", "a2": "a2"}


def test_two_long_sentences_copied_apart_share_an_origin() -> None:
    s1 = "The delegation inspected a plant producing fighter jets in the city on the Amur river."
    s2 = "Officials said the long talks had covered space technology and a new satellite deal too."
    a = Article(id="a1", text=f"{s1} Local crowds gathered near the gates all morning. {s2}")
    b = Article(id="a2", text=f"{s1} The weather was cold and it rained for hours. {s2}")
    report = detect_copies([a, b])
    assert report.origin_groups["a2"] == "a1"
    assert len(report.passages) == 2
    for p in report.passages:
        assert a.text[p.start_a : p.end_a] == b.text[p.start_b : p.end_b]


def test_chains_join_and_order_does_not_matter() -> None:
    arts = [
        Article(id="a3", text="Intro three. " + PARAGRAPH),
        Article(id="a1", text=PARAGRAPH + " Ending one."),
        Article(id="a2", text="Lead two. " + PARAGRAPH + " Ending two."),
        Article(id="a4", text="A wholly different story about a football match in Paris."),
    ]
    first = detect_copies(arts)
    assert first.origin_groups == {"a1": "a1", "a2": "a1", "a3": "a1", "a4": "a4"}
    rng = random.Random(3)
    for _ in range(5):
        shuffled = arts[:]
        rng.shuffle(shuffled)
        assert detect_copies(shuffled) == first


def test_empty_and_single() -> None:
    assert detect_copies([]).origin_groups == {}
    one = Article(id="a1", text=PARAGRAPH)
    assert detect_copies([one]).origin_groups == {"a1": "a1"}


def test_rewrites_sharing_three_distinctive_phrasings_are_one_origin() -> None:
    # Each writer uses own sentences around the wire report's phrasings; two shared
    # phrasings could be chance, the third makes it one origin.
    phrasings = [
        "strategic bombers including the Tu-160 and Tu-95",  # 10 words
        "a range of 1,500 to 2,000 km (930-1,240 miles)",  # 12 words
        "at up to 10 times the speed of sound",  # 9 words
    ]
    a_parts = ["Kim looked at", "Officials said the missile has", "It is fast,"]
    b_parts = ["The visitor was shown", "The Kinzhal, his hosts said, has", "Shoigu noted it is"]

    def article(aid: str, parts: list[str], n: int) -> Article:
        gap = " Our reporter adds more. " if aid == "a1" else " Weather was fine there. "
        body = gap.join(
            f"{p} {phrase}." for p, phrase in zip(parts[:n], phrasings[:n], strict=True)
        )
        return Article(id=aid, text=body)

    two = detect_copies([article("a1", a_parts, 2), article("a2", b_parts, 2)])
    assert two.origin_groups == {"a1": "a1", "a2": "a2"}
    three = detect_copies([article("a1", a_parts, 3), article("a2", b_parts, 3)])
    assert three.origin_groups == {"a1": "a1", "a2": "a1"}
    assert len(three.passages) == 3
