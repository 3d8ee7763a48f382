"""Versions that tag what Storyline writes."""

__version__ = "0.1.0"

# Bump when annotation output changes: stored annotations of another version are
# recomputed on the next run, everything else is reused.
PIPELINE_VERSION = "ann-1"

# The dossier JSON contract (docs/dossier.schema.json).
SCHEMA_VERSION = "1.0"
