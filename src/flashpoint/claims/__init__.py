"""Claims stage: is a statement about an article supported, contradicted, or not in it?

``check_statements(article, article_doc, statements)`` is what the pipeline calls;
``check_text(article_text, statement)`` is the one-off convenience behind ``flashpoint check``;
``check_many(pairs)`` checks (article, statement) pairs parsing each distinct article once;
``assess_parsed`` also returns the features each verdict was scored on (for the benchmark).
How it works: ``index`` (the article, indexed once), ``judge`` (the statement's claims read by
the trained cross-encoder in ``model`` against the sentences ``evidence`` selects), ``compare``
(word alignment and explicit mismatches), ``verdict`` (score, verdict, reason). Word lists,
settings and the model are data in ``claims/data``; ``claims.train`` rebuilds the model.
"""

from __future__ import annotations

from .check import assess_parsed, check_many, check_parsed, check_statements, check_text

__all__ = ["assess_parsed", "check_many", "check_parsed", "check_statements", "check_text"]
