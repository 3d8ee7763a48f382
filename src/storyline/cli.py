"""The ``storyline`` command: parses arguments, calls ``storyline.api``, prints."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline import api
from storyline.errors import NothingReadable, StorylineError, UsageError
from storyline.model import Article, Skipped
from storyline.version import __version__

EXIT_OK = 0
EXIT_NOTHING_READABLE = 1
EXIT_USAGE = 2
EXIT_STORE = 3


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="storyline",
        description="Group news articles into stories and write one checked dossier per story.",
    )
    p.add_argument("--version", action="version", version=f"storyline {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser(
        "run",
        help="add articles to the store and write every story's dossier",
        description="Add INPUTs (files, folders, or - for stdin) to the store, then write "
        "DIR/index.json and DIR/<story-id>.json and .md for every story in the store.",
    )
    r.add_argument("inputs", nargs="+", metavar="INPUT")
    r.add_argument("--out", required=True, metavar="DIR", help="where dossiers are written")
    r.add_argument("--db", metavar="FILE", help="SQLite store (default DIR/storyline.db)")
    r.add_argument("--json", action="store_true", help="print a JSON run summary to stdout")
    r.add_argument(
        "--workers", type=int, default=None, help="annotation processes (default: up to 2)"
    )
    r.add_argument("--batch-size", type=int, default=32, help="articles per store transaction")
    r.add_argument("--quiet", action="store_true", help="no progress bar or summary table")
    sv = sub.add_parser(
        "serve",
        help="serve a store over HTTP (read-only JSON API and HTML reports)",
        description="Serve the stories of a store: JSON API, HTML reports, docs at /docs.",
    )
    sv.add_argument("--db", required=True, metavar="FILE", help="SQLite store a run wrote")
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    return p


def _summary_table(summary: api.RunSummary) -> Table:
    t = Table(title="Storyline run")
    t.add_column("what")
    t.add_column("count", justify="right")
    rows = [
        ("stories", summary.stories),
        ("articles in store", summary.articles_total),
        ("articles added", summary.articles_added),
        ("already stored", summary.duplicates),
        ("entities", summary.entities),
        ("claims", summary.claims),
        ("conflicts", summary.conflicts),
        ("inputs skipped", len(summary.skipped)),
    ]
    for name, n in rows:
        t.add_row(name, str(n))
    return t


def _run(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    show = not args.quiet
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        console=err,
        disable=not show,
        transient=True,
    )
    task = progress.add_task("reading and annotating", total=None)

    def on_article(_: Article) -> None:
        progress.advance(task)

    def on_skip(s: Skipped) -> None:
        # One line per bad input, always, even in --quiet mode: users grep for it.
        progress.console.print(s.line(), markup=False)

    def on_stage(name: str) -> None:
        progress.update(task, description=name)

    stdin = sys.stdin.buffer if "-" in args.inputs else None
    hooks = api.Hooks(on_article=on_article, on_skip=on_skip, on_stage=on_stage)
    with progress:
        summary = api.run(
            args.inputs,
            out=args.out,
            db=args.db,
            workers=args.workers,
            batch_size=args.batch_size,
            stdin=stdin,
            hooks=hooks,
        )
    if args.json:
        print(json.dumps(summary.to_dict(), indent=2))
    if show:
        err.print(_summary_table(summary))
        err.print(f"dossiers in {args.out}/index.json")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise UsageError("--port must be between 0 and 65535")
    from storyline.web import serve

    serve(args.db, host=args.host, port=args.port)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "serve":
            return _serve(args)
    except UsageError as exc:
        print(f"storyline: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NothingReadable as exc:
        print(f"storyline: {exc}", file=sys.stderr)
        return EXIT_NOTHING_READABLE
    except StorylineError as exc:
        print(f"storyline: {exc}", file=sys.stderr)
        return EXIT_STORE
    except KeyboardInterrupt:
        print("storyline: interrupted; committed batches are kept", file=sys.stderr)
        return 130
    return EXIT_USAGE
