"""The web API (``storyline serve``): FastAPI over a store opened read-only."""

from __future__ import annotations

from pathlib import Path

from storyline.errors import StoreError


def prepare_store(db: str | Path) -> Path:
    """Check the store exists and bring its schema up to date before serving it read-only.

    A store written by an older Storyline lacks the search index; migrating
    it once here is the only write ``serve`` ever makes.
    """
    from storyline.store.reader import NEEDS_SCHEMA
    from storyline.store.sqlite import Store

    path = Path(db)
    if not path.is_file():
        raise StoreError(f"no store at {path}: run `storyline run ... --db {path}` first")
    with Store(path) as store:
        if max(store.schema_versions(), default=0) < NEEDS_SCHEMA:
            raise StoreError(f"cannot bring store {path} up to date")
    return path


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, log: str = "info") -> None:
    """Serve the API over ``db`` until interrupted."""
    import uvicorn

    from storyline.web.app import create_app

    app = create_app(prepare_store(db))
    uvicorn.run(app, host=host, port=port, log_level=log)
