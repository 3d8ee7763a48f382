"""The HTML report in a real Chromium, from file:// and through the API, network refused.

Screenshots of every page go to ``test-output/screenshots/``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.api import run, write_outputs
from storyline.render.view import has_point
from tests.browser.conftest import Offline, ServerThread, screenshot
from tests.conftest import CORPUS, FIXTURES, SEEDS
from tests.report_fixtures import SID, big_dossier, located_dossier, store_with

pytestmark = pytest.mark.slow

CANARY = FIXTURES / "canary" / "canary_injection.html"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Path:
    """The seeds (or, without ../shared, the sample corpus) and the canary article, run."""
    out = tmp_path_factory.mktemp("reports")
    inputs = [str(SEEDS if SEEDS.is_dir() else CORPUS), str(CANARY)]
    summary = run(inputs, out=out)
    assert summary.stories >= 2
    return out


@pytest.fixture(scope="module")
def server(reports: Path) -> Iterator[ServerThread]:
    srv = ServerThread(reports / "storyline.db")
    yield srv
    srv.stop()


def _stories(out: Path) -> list[dict[str, Any]]:
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    return [json.loads((out / s["file"]).read_text(encoding="utf-8")) for s in index["stories"]]


def _canary(out: Path) -> dict[str, Any]:
    return next(d for d in _stories(out) if "__canary" in d["story"]["title"])


def _open(page: Any, url: str) -> None:
    page.goto(url)
    # report.js marks the page once it has run: proof the CSP let our own script in.
    page.wait_for_selector("html[data-ready='1']", timeout=15000)


def _highlighted(page: Any, article: str, start: int, end: int) -> str:
    return str(
        page.evaluate(
            """([a, s, e]) => {
                const box = [...document.querySelectorAll('.text[data-article]')]
                    .find(el => el.dataset.article === a);
                return [...box.querySelectorAll('span.seg.hl')]
                    .filter(x => +x.dataset.s >= s && +x.dataset.e <= e)
                    .map(x => x.textContent).join('');
            }""",
            [article, start, end],
        )
    )


def _check_claim_click(page: Any, d: dict[str, Any]) -> None:
    claim = next(c for c in d["claims"] if c["sources"])
    page.click(f"#claims-table tr[data-target='claim:{claim['id']}']")
    src = claim["sources"][0]
    assert _highlighted(page, src["article"], src["start"], src["end"]) == src["quote"]
    assert page.evaluate("document.body.dataset.highlighted") == f"claim:{claim['id']}"
    # The quote was scrolled into view in the articles pane.
    assert page.locator(".seg.hl-first").first.is_visible()
    box = page.locator(".seg.hl-first").first.bounding_box()
    assert box is not None and 0 <= box["y"] <= 1000


def _markers(page: Any) -> int:
    return int(page.locator("svg.map g.marker").count())


def test_seed_reports_from_file_urls(reports: Path, offline: Offline) -> None:
    page = offline.page()
    _open(page, (reports / "index.html").as_uri())
    screenshot(page, "index-file")
    dossiers = _stories(reports)
    assert page.locator("#stories tbody tr").count() == len(dossiers)
    page.fill("#story-filter", "zzzz no such story")
    assert page.locator("#stories tbody tr:visible").count() == 0
    assert page.locator("#stories-none").is_visible()
    page.fill("#story-filter", "")
    clicked = False
    for d in dossiers:
        sid = d["story"]["id"]
        _open(page, (reports / f"{sid}.html").as_uri())
        assert _markers(page) == sum(1 for e in d["entities"] if has_point(e))
        assert page.locator("#claims-table tbody tr").count() == len(d["claims"])
        if d["claims"] and not clicked:
            _check_claim_click(page, d)
            clicked = True
        screenshot(page, f"story-file-{sid}")
    assert clicked, "no story with a claim to click"


def test_seed_reports_through_the_api(
    reports: Path, server: ServerThread, offline: Offline
) -> None:
    page = offline.page()
    _open(page, server.url + "/")
    screenshot(page, "index-api")
    dossiers = _stories(reports)
    with_claims = max(dossiers, key=lambda d: len(d["claims"]))
    sid = with_claims["story"]["id"]
    _open(page, f"{server.url}/stories/{sid}/report")
    assert _markers(page) == sum(1 for e in with_claims["entities"] if has_point(e))
    _check_claim_click(page, with_claims)
    screenshot(page, f"story-api-{sid}")
    page.goto(server.url + "/docs")
    page.wait_for_selector(".swagger-ui .information-container", timeout=15000)
    assert page.locator(".opblock-summary-path").count() >= 6
    screenshot(page, "api-docs")


def _poke_everything(page: Any) -> None:
    """Click every clickable item: a handler built from data would fire now."""
    for target in page.locator("[data-target]").all()[:60]:
        if target.is_visible():
            target.click()


def _assert_canary_silent(page: Any) -> None:
    assert page.evaluate("typeof window.__canary") == "undefined"
    assert page.locator("img, iframe, object, embed").count() == 0
    assert page.locator("svg:not(.map)").count() == 0  # nothing injected
    assert page.locator("script").count() == 2  # report.js and the JSON block


def test_canary_never_fires(reports: Path, server: ServerThread, offline: Offline) -> None:
    d = _canary(reports)
    assert "</script>" in d["story"]["title"]
    sid = d["story"]["id"]
    page = offline.page()
    for url in [(reports / f"{sid}.html").as_uri(), f"{server.url}/stories/{sid}/report"]:
        _open(page, url)
        assert "</script><script>window.__canary" in page.locator("h1").inner_text()
        _poke_everything(page)
        page.wait_for_timeout(200)
        _assert_canary_silent(page)
    screenshot(page, "canary-api")
    for url in [(reports / "index.html").as_uri(), server.url + "/"]:
        _open(page, url)
        assert page.evaluate("typeof window.__canary") == "undefined"


def test_located_fixture_markers_and_entity_click(tmp_path: Path, offline: Offline) -> None:
    d = located_dossier()
    write_outputs([d], tmp_path)
    page = offline.page()
    _open(page, (tmp_path / f"{SID}.html").as_uri())
    assert _markers(page) == 3
    names = page.locator("svg.map g.marker text").all_text_contents()
    assert sorted(names) == ["San Antonio", "Santiago", "Valparaíso"]
    page.locator("svg.map g.marker").first.click()
    assert page.locator(".seg.hl").count() >= 1
    page.click("ol.timeline li >> nth=0")
    ev = next(e for e in d["events"] if e["date"] == "2026-03-02")
    src = ev["sources"][0]
    assert _highlighted(page, src["article"], src["start"], src["end"]) == src["quote"]
    # The javascript: URL is plain text, never a link.
    assert page.locator("a[href^='javascript']").count() == 0
    # Sorting the claims by origins puts the corroborated one last, then first.
    page.click("#claims-table th >> nth=5 >> button")
    page.click("#claims-table th >> nth=5 >> button")
    first = page.locator("#claims-table tbody tr").first.get_attribute("data-target")
    assert first == "claim:c0000000000000003"
    screenshot(page, "located-fixture")


def test_big_dossier_stays_usable(tmp_path: Path, offline: Offline) -> None:
    d = big_dossier()
    write_outputs([d], tmp_path)
    page = offline.page()
    _open(page, (tmp_path / f"{d['story']['id']}.html").as_uri())
    assert page.locator("#claims-table tbody tr").count() == 500
    claim = d["claims"][437]
    page.click(f"tr[data-target='claim:{claim['id']}']")
    src = claim["sources"][0]
    assert _highlighted(page, src["article"], src["start"], src["end"]) == src["quote"]
    page.fill("input[data-filter-table='claims-table']", "conflicting")
    assert page.locator("#claims-table tbody tr:visible").count() == 125
    screenshot(page, "big-dossier")


def test_located_fixture_through_the_api(tmp_path: Path, offline: Offline) -> None:
    db = tmp_path / "store.db"
    store_with(db, [located_dossier()])
    srv = ServerThread(db)
    try:
        page = offline.page()
        _open(page, f"{srv.url}/stories/{SID}/report")
        assert _markers(page) == 3
        _check_claim_click(page, located_dossier())
    finally:
        srv.stop()
