"""Reading ECB+ mentions and their gold clusters, with offsets into the rebuilt text."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import load_benchmark

bench = load_benchmark("ecbplus.py")
coref = bench._coref_module()

XML = """<Document doc_name="9_1ecb.xml" doc_id="x">
<token t_id="1" sentence="0" number="0">Police</token>
<token t_id="2" sentence="0" number="1">arrested</token>
<token t_id="3" sentence="0" number="2">John</token>
<token t_id="4" sentence="0" number="3">Smith</token>
<token t_id="5" sentence="0" number="4">.</token>
<token t_id="6" sentence="1" number="0">Smith</token>
<token t_id="7" sentence="1" number="1">'s</token>
<token t_id="8" sentence="1" number="2">arrest</token>
<token t_id="9" sentence="1" number="3">followed</token>
<token t_id="10" sentence="2" number="0">He</token>
<token t_id="11" sentence="2" number="1">left</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="3"/><token_anchor t_id="4"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="6"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="4"><token_anchor t_id="8"/></ACTION_OCCURRENCE>
<HUMAN_PART_ORG m_id="5"><token_anchor t_id="1"/></HUMAN_PART_ORG>
<HUMAN_PART_PER m_id="6"><token_anchor t_id="10"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="9" TAG_DESCRIPTOR="smith" instance_id="HUM1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1"/><source m_id="3"/>
<target m_id="9"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="2"><source m_id="2"/><source m_id="4"/><target m_id="2"/></INTRA_DOC_COREF>
</Relations>
</Document>
"""


def test_mentions_offsets_clusters_and_validated_sentences(tmp_path: Path) -> None:
    path = tmp_path / "9_1ecb.xml"
    path.write_text(XML, encoding="utf-8")
    doc = bench.read_document(path)
    assert doc.text == "Police arrested John Smith.\n\nSmith's arrest followed\n\nHe left"
    mentions = coref.read_mentions(path, doc, None)
    got = {doc.text[m.start : m.end]: (m.kind, m.cluster) for m in mentions}
    assert got["John Smith"] == ("entity", "X:HUM1")
    assert got["Smith"] == ("entity", "X:HUM1")
    assert got["arrested"] == got["arrest"] == ("event", "I:9_1ecb.xml:2")
    assert got["Police"] == ("entity", "S:9_1ecb.xml:5")  # in no relation: a singleton
    assert len(mentions) == 6  # the anchorless descriptor is no mention
    only_first = coref.read_mentions(path, doc, {"9_1ecb": {0}})
    assert {doc.text[m.start : m.end] for m in only_first} == {"Police", "arrested", "John Smith"}
    assert coref.tokens_in(doc, doc.text.index("John"), doc.text.index(".")) == (3, 4)


def test_detokenize_spans_point_at_the_tokens() -> None:
    tokens = ["``", "Hi", "''", ",", "it", "'", "s", "8", ":", "13", "."]
    text, spans = bench.detokenize_spans(tokens)
    assert text == bench.detokenize(tokens)
    shown = [text[a:b] for a, b in spans]
    assert shown == ['"', "Hi", '"', ",", "it", "'", "s", "8", ":", "13", "."]


def test_event_nominalisations_map_to_the_story_verb() -> None:
    verbs = {"explode", "negotiate", "stop", "decide"}
    assert coref.verb_of("explosion", verbs) == "explode"
    assert coref.verb_of("negotiation", verbs) == "negotiate"
    assert coref.verb_of("stoppage", verbs) == "stop"
    assert coref.verb_of("decision", verbs) == "decide"
    assert coref.verb_of("station", verbs) == "station"  # no verb "state"/"stat" here
