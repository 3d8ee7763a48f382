"""The HTML report and index: content from the dossier, escaping, no script from data."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from storyline.api import write_outputs
from storyline.render.html import (
    dossier_to_html,
    index_to_html,
    json_for_script,
    map_view,
    safe_url,
)
from storyline.render.markdown import dossier_to_markdown
from storyline.render.text_spans import article_segments
from tests.conftest import check_dossier
from tests.report_fixtures import SID, big_dossier, located_dossier, timeline_order

HOSTILE = '</script><script>window.__canary=1</script><img src=x onerror="window.__canary=2">'


class _Page(HTMLParser):
    """Collects what matters for safety: scripts, event attributes, links, elements."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.on_attrs: list[tuple[str, str]] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.data: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        self.on_attrs += [(tag, k) for k in a if k.startswith("on")]
        if tag == "script":
            self.scripts.append(a)
            self._in = a.get("id") or ""
            self.data[self._in] = ""
        if tag == "a" and a.get("href"):
            self.hrefs.append(str(a["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self.data[self._in] += data


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def _hostile_dossier() -> dict[str, Any]:
    d = located_dossier()
    d["story"]["title"] = HOSTILE
    d["articles"][0]["title"] = HOSTILE
    d["articles"][0]["source"] = '"><svg onload=window.__canary=3>'
    d["entities"][0]["name"] = HOSTILE
    d["entities"][0]["aliases"] = ["javascript:alert(1)"]
    d["conflicts"][0]["explanation"] = HOSTILE
    d["events"][0]["summary"] = HOSTILE
    return d


def test_report_shows_every_section_of_the_dossier() -> None:
    d = located_dossier()
    check_dossier(d)
    html = dossier_to_html(d)
    assert html.count('<g class="marker"') == 3
    for name in ("Valparaíso", "San Antonio", "Santiago"):
        assert f'aria-label="{name}"' in html
    # Timeline by date, the claims with their badges and origin counts, conflicts quoted.
    assert html.index("2026-03-02</span>") < html.index("2026-03-03</span>")
    assert html.count('data-target="claim:') == 3 + 2  # table rows + the conflict's two sides
    assert '<span class="badge status-corroborated">corroborated</span>' in html
    assert "About 120 passengers were taken off by lifeboats" in html
    assert "Officials said 150 passengers had been on board" in html
    assert "<h3>Places <span" in html and "also Rojas" in html
    assert '<span class="coords">-33.047, -71.613</span>' in html
    # Every mention is a highlightable piece carrying its offsets.
    assert html.count('class="seg m"') >= 8
    page = _parse(html)
    targets = json.loads(page.data["storyline-data"])["targets"]
    assert targets["claim:c0000000000000003"] == [
        [s["article"], s["start"], s["end"]] for s in d["claims"][2]["sources"]
    ]


def test_a_timeline_field_orders_the_events() -> None:
    d = located_dossier()
    first, second = timeline_order(d)
    d["timeline"] = [{"event": second, "date": "2026-03-03"}, first]
    html = dossier_to_html(d)
    assert html.index("The navy tows the ferry") < html.index("A passenger ferry runs aground")
    md = dossier_to_markdown(d)
    assert md.index("The navy tows the ferry") < md.index("A passenger ferry runs aground")


def test_the_map_frames_its_markers_and_skips_bad_coordinates() -> None:
    d = located_dossier()
    view = map_view(d["entities"])
    x0, y0, w, h = (float(v) for v in view["viewbox"].split())
    for m in view["markers"]:
        assert x0 <= m["x"] <= x0 + w and y0 <= m["y"] <= y0 + h
    assert w <= 40, "a story in one region is not drawn at world scale"
    d["entities"][0]["lat"] = 123.0  # off the globe
    d["entities"][1]["lat"] = None
    assert len(map_view(d["entities"])["markers"]) == 1
    assert map_view([])["viewbox"] == "0.000 0.000 360.000 180.000"
    assert len(view["countries"]) > 150


def test_hostile_text_is_escaped_and_never_scripted() -> None:
    html = dossier_to_html(_hostile_dossier())
    page = _parse(html)
    # Exactly two scripts: our file and the inert JSON block.
    assert [s.get("src") for s in page.scripts] == ["assets/report.js", None]
    assert page.scripts[1]["type"] == "application/json"
    assert page.on_attrs == []
    assert "img" not in page.tags
    assert "window.__canary=1</script>" not in html
    assert "&lt;/script&gt;&lt;script&gt;window.__canary=1" in html
    # The JSON block cannot be closed from inside and still parses back.
    assert "</script>" not in page.data["storyline-data"]
    json.loads(page.data["storyline-data"])
    # A javascript: URL is shown as text, never as a link.
    assert all(h.startswith(("https://", "index.html", "#")) for h in page.hrefs), page.hrefs
    assert "javascript:alert(document.domain)" in html
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert meta
    csp = unescape(meta.group(1))
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp


def test_index_lists_and_escapes_stories() -> None:
    html = index_to_html([located_dossier(), _hostile_dossier()])
    page = _parse(html)
    assert page.on_attrs == [] and "img" not in page.tags
    assert html.count(f'href="{SID}.html"') == 2
    assert 'id="story-filter"' in html and 'data-sort="num"' in html


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.invalid/a?b=1", True),
        ("HTTP://example.invalid", True),
        ("javascript:alert(1)", False),
        (" jav\tascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//example.invalid/x", False),
        ("http://", False),
        (None, False),
    ],
)
def test_only_http_urls_become_links(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) == ok


def test_json_for_script_escapes_markup_and_line_separators() -> None:
    out = str(json_for_script({"x": "</script><!-- & \u2028"}))
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out) == {"x": "</script><!-- & \u2028"}


def test_segments_cover_the_text_and_respect_overlaps() -> None:
    text = "Rui Costa said the bridge is 1.2 km long."
    spans = [(0, 9, "m", "e1"), (0, 41, "", ""), (29, 35, "f", ""), (4, 9, "m", "e2")]
    segs = article_segments(text, spans)
    assert "".join(s.text for s in segs) == text
    assert all(text[s.start : s.end] == s.text for s in segs)
    by_start = {s.start: s for s in segs}
    assert by_start[0].classes == "m" and by_start[0].entity == "e1"
    assert by_start[4].entity in {"e1", "e2"} and by_start[29].classes == "f"
    assert all(s.covered for s in segs)
    # Spans outside the text are ignored, not an error.
    assert article_segments("abc", [(2, 9, "m", "e")]) == article_segments("abc", [])


def test_big_dossier_renders_every_claim_and_entity() -> None:
    d = big_dossier()
    check_dossier(d)
    html = dossier_to_html(d)
    assert html.count('<tr data-target="claim:') == 500
    assert html.count('<button type="button" data-target="entity:') == 200
    located = sum(1 for e in d["entities"] if e["lat"] is not None)
    assert html.count('<g class="marker"') == located
    assert len(html) < 3_000_000


def test_run_outputs_include_html_pages_assets_and_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_outputs([located_dossier()], out)
    assert (out / f"{SID}.html").is_file() and (out / "index.html").is_file()
    assert (out / "assets" / "report.js").is_file() and (out / "assets" / "report.css").is_file()
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["stories"][0]["html"] == f"{SID}.html"
    # A story that left the store takes its page with it.
    (out / "s1111111111111111.html").write_text("stale", encoding="utf-8")
    write_outputs([located_dossier()], out)
    assert not (out / "s1111111111111111.html").exists()


def test_markdown_quotes_both_sides_and_lists_coordinates() -> None:
    md = dossier_to_markdown(located_dossier())
    assert "| status | origins | sources | quote |" in md
    assert "    - “Officials said 150 passengers had been on board" in md
    assert "    - “About 120 passengers were taken off" in md
    assert "**Valparaíso** (at -33.047, -71.613)" in md
    assert "- **2026-03-02** (accident): A passenger ferry runs aground" in md


def test_shared_passages_are_listed_and_highlight_both_sides() -> None:
    d = located_dossier()
    a, b = d["articles"]
    sa, sb = a["text"].index("85 metres long"), b["text"].index("85 metres long")
    d["shared_passages"] = [
        {
            "article_a": a["id"],
            "start_a": sa,
            "end_a": sa + 14,
            "article_b": b["id"],
            "start_b": sb,
            "end_b": sb + 14,
        }
    ]
    check_dossier(d)
    html = dossier_to_html(d)
    assert 'data-target="passage:0"' in html and "“85 metres long”" in html
    targets = json.loads(_parse(html).data["storyline-data"])["targets"]
    assert targets["passage:0"] == [[a["id"], sa, sa + 14], [b["id"], sb, sb + 14]]


def test_fields_added_later_show_up_escaped() -> None:
    d = located_dossier()
    d["entities"][0]["country"] = "CL"
    d["entities"][0]["feature"] = HOSTILE
    d["entities"][0]["geo"] = {"nested": "objects are left to the JSON"}
    d["claims"][0]["check"] = "contradicted by a later report"
    d["events"][0]["confidence"] = 0.8
    html = dossier_to_html(d)
    assert '<span class="extra">country: CL</span>' in html
    assert "check: contradicted by a later report" in html and "confidence: 0.8" in html
    assert "nested" not in html
    page = _parse(html)
    assert page.on_attrs == [] and "img" not in page.tags


def test_no_map_is_drawn_without_coordinates() -> None:
    d = located_dossier()
    for e in d["entities"]:
        e["lat"] = e["lon"] = None
    html = dossier_to_html(d)
    assert "<svg" not in html and "No place in this story has coordinates yet." in html
