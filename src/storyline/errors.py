"""Errors a user can cause; the CLI prints them on one line and exits non-zero."""


class StorylineError(Exception):
    """Base class: the message names the input and, where there is one, the fix."""


class StoreError(StorylineError):
    """The store cannot be opened, read or written."""


class UsageError(StorylineError):
    """The command was called wrongly (missing input, bad option)."""


class NothingReadable(StorylineError):
    """Every input of a run was skipped: there was nothing to process."""


class OutputError(StorylineError):
    """The dossiers cannot be written where the user asked."""
