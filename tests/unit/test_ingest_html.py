"""HTML pages: body, metadata, boilerplate removed."""

from __future__ import annotations

from storyline.ingest import HtmlResult, extract_html
from storyline.ingest.html import drop_repeated_title, trafilatura_text
from tests.conftest import FIXTURES

PAGE = FIXTURES / "ingest" / "harbour-report.html"


def test_extract_fixture_page() -> None:
    result = extract_html(PAGE.read_bytes())
    assert isinstance(result, HtmlResult)
    assert result.title == "Ferry Line Reopens After Harbour Repairs"
    assert result.published == "2023-09-14"
    assert result.sitename == "Coastal Courier"
    assert result.url == "https://courier.example.org/news/ferry-line-reopens"
    assert result.text.startswith("The passenger ferry between the north quay")
    for furniture in ("Advertisement", "Click here", "Home", "Related articles", "©"):
        assert furniture not in result.text


def test_filter_removes_what_trafilatura_keeps() -> None:
    raw = trafilatura_text(PAGE.read_bytes())
    assert "Advertisement" in raw  # the baseline keeps the ad label...
    assert "Advertisement" not in extract_html(PAGE.read_bytes()).text  # ...we do not


def test_str_input_and_given_url() -> None:
    html = "<html><body><article>" + "<p>Ferries ran late all week because of fog.</p>" * 4
    result = extract_html(html + "</article></body></html>", url="https://x.example/a")
    assert "Ferries ran late" in result.text
    assert result.url == "https://x.example/a"
    assert result.published is None


def test_empty_page_gives_empty_text() -> None:
    assert extract_html("<html><body></body></html>").text == ""
    assert extract_html(b"").text == ""


def test_drop_repeated_title() -> None:
    assert drop_repeated_title("Big News!\nBody.", "Big news") == "Body."
    assert drop_repeated_title("Other line\nBody.", "Big news") == "Other line\nBody."
    assert drop_repeated_title("Big news", "Big news") == "Big news"  # nothing else left
