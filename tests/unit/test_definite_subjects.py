"""'the vessel' as the claim subject when the story has one vessel (hand-built, no spaCy)."""

from __future__ import annotations

from storyline.analyse.claims import build_claim_set
from storyline.analyse.definite_subjects import definite_noun, entity_kinds, resolve
from storyline.model import AnnotatedArticle, Article, Interval, Mention, Quantity, Sentence


def length(text: str, figure: str, metres: float, subject: int | None = None) -> Quantity:
    start = text.index(figure)
    return Quantity(start, start + len(figure), figure, 0, Interval(metres, metres, "m"),
                    Interval(metres, metres, "m"), attribute="length",
                    subject_mention=subject)


def art(aid: str, text: str, names: list[tuple[str, str]], *qs: Quantity) -> AnnotatedArticle:
    """``names``: (name as written, rule label) — the mentions, in order."""
    mentions = tuple(Mention(text.index(n), text.index(n) + len(n), n, label, "EQUIPMENT", 0)
                     for n, label in names)
    return AnnotatedArticle(Article(aid, text), sentences=(Sentence(0, len(text)),),
                            mentions=mentions, quantities=qs)


NAMED = "The Nordic Star, a 186-metre vessel, entered the channel."
DESCRIBED = "The pilot was on the bridge as the 186-metre vessel approached its berth."


def test_the_vessel_is_the_storys_only_vessel_and_corroborates() -> None:
    a1 = art("a1", NAMED, [("Nordic Star", "VESSEL")], length(NAMED, "186-metre", 186, 0))
    a2 = art("a2", DESCRIBED, [], length(DESCRIBED, "186-metre", 186))
    cs = build_claim_set([a1, a2], {("a1", 0): "e-ferry"}, {"a1": "a1", "a2": "a2"}, "s")
    (c,) = cs.claims
    assert c.subject == "e-ferry" and c.status == "corroborated"
    assert c.subject_basis is not None and "story's only vessel, Nordic Star" in c.subject_basis


def test_two_vessels_leave_the_vessel_unresolved() -> None:
    two = "The ferry Nordic Star hit the freighter Kestrel Bay in the port."
    a1 = art("a1", NAMED, [("Nordic Star", "VESSEL")], length(NAMED, "186-metre", 186, 0))
    a2 = art("a2", DESCRIBED, [], length(DESCRIBED, "186-metre", 186))
    a3 = art("a3", two, [("Nordic Star", "VESSEL"), ("Kestrel Bay", "VESSEL")])
    mention_entity = {("a1", 0): "e-ferry", ("a3", 0): "e-ferry", ("a3", 1): "e-cargo"}
    cs = build_claim_set([a1, a2, a3], mention_entity, {}, "s")
    described = [c for c in cs.claims if c.figures[0].article == "a2"]
    (c,) = described
    assert c.subject is None and c.subject_basis is None
    named = [c for c in cs.claims if c.subject == "e-ferry"]
    assert len(named) == 1 and named[0].status == "single-source"


def test_article_candidate_wins_over_story() -> None:
    text = "The frigate Admiral Kuz sailed; as the 130-metre vessel approached, it slowed."
    a1 = art("a1", text, [("Admiral Kuz", "VESSEL")], length(text, "130-metre", 130))
    a2 = art("a2", "The ship Other One docked.", [("Other One", "VESSEL")])
    me = {("a1", 0): "e-frigate", ("a2", 0): "e-other"}
    (c,) = build_claim_set([a1, a2], me, {}, "s").claims
    assert c.subject == "e-frigate" and "article's only vessel" in (c.subject_basis or "")


def test_indefinite_or_other_kind_is_no_subject() -> None:
    text = "Reports said a 186-metre vessel was seen near the Kinzhal missile."
    a1 = art("a1", text, [("Kinzhal", "EQUIPMENT")], length(text, "186-metre", 186))
    (c,) = build_claim_set([a1], {("a1", 0): "e-kinzhal"}, {}, "s").claims
    assert c.subject is None


def test_kinds_from_nouns_beside_names() -> None:
    text = "Kim saw the Kinzhal hypersonic missile and the Tu-160 bomber."
    a = art("a1", text, [("Kinzhal", "EQUIPMENT"), ("Tu-160", "EQUIPMENT")])
    kinds = entity_kinds([a], {("a1", 0): "e-k", ("a1", 1): "e-tu"})
    assert kinds["a1"] == {"missile": {"e-k"}, "aircraft": {"e-tu"}}
    got = resolve("missile", "a1", kinds, {"e-k": "Kinzhal"})
    assert got is not None and got.entity == "e-k"
    assert resolve("quake", "a1", kinds, {}) is None


def test_definite_noun_in_the_clause() -> None:
    text = "Officials said the missile has a range of 2,000 km."
    q = Quantity(text.index("2,000"), text.index("2,000") + 8, "2,000 km", 0,
                 Interval(2000, 2000, "km"), Interval(2e6, 2e6, "m"), attribute="range")
    assert definite_noun(text, 0, q, None) == "missile"
    other = "The missile was tested, Putin said, at 2,000 km."
    q2 = Quantity(other.index("2,000"), other.index("2,000") + 8, "2,000 km", 0,
                  Interval(2000, 2000, "km"), Interval(2e6, 2e6, "m"), attribute="range")
    assert definite_noun(other, 0, q2, None) is None
