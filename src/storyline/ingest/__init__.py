"""Ingest: inputs (text, HTML, JSONL, WARC; plain or gzip) to cleaned ``Article`` records.

    from storyline.ingest import read_inputs
    for item in read_inputs(["articles/"]):
        ...  # Article, or Skipped(where, reason) for an input that could not be read

The stages are separate modules, each usable alone: ``sniff`` (format from
content), ``decode`` (bytes to canonical text), ``boilerplate`` (page furniture),
``dates`` (publication dates), ``language`` (English or not), and one reader per
format (``text``, ``html``, ``jsonl``, ``warc``).  ``reader`` ties them together.
"""

from storyline.ingest.boilerplate import strip_boilerplate
from storyline.ingest.html import HtmlResult, extract_html
from storyline.ingest.reader import read_bytes, read_inputs

__all__ = ["HtmlResult", "extract_html", "read_bytes", "read_inputs", "strip_boilerplate"]
