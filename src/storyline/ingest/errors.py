"""Why an input could not be read: raised inside ingest, turned into ``Skipped`` at the edge.

Every reason is short, lower-case and one line, because the CLI prints it after the
input's name ("skipped PATH: REASON").
"""

from __future__ import annotations

from storyline.errors import StorylineError


class IngestError(StorylineError):
    """An input (file, line or record) that cannot become an article."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class EmptyInput(IngestError):
    def __init__(self) -> None:
        super().__init__("empty file")


class Undecodable(IngestError):
    def __init__(self) -> None:
        super().__init__("binary or undecodable content")


class CorruptGzip(IngestError):
    def __init__(self) -> None:
        super().__init__("truncated or corrupt gzip")


class TooLarge(IngestError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"file too large ({size} bytes > limit {limit})")


class NoArticleText(IngestError):
    def __init__(self) -> None:
        super().__init__("no article text found")


class UnsupportedLanguage(IngestError):
    def __init__(self, code: str) -> None:
        super().__init__(f"language not supported: detected {code} (Storyline handles English)")


class TextTooLong(IngestError):
    def __init__(self, chars: int, limit: int) -> None:
        super().__init__(f"article text too long ({chars} characters > limit {limit})")
