"""Claims stage: is a statement about an article supported, contradicted, or not in it?

``check_statements(article, article_doc, statements)`` is what the pipeline calls;
``check_text(article_text, statement)`` is the one-off convenience behind ``flashpoint check``;
``check_many(pairs)`` checks (article, statement) pairs parsing each distinct article once.
How it works: ``index`` (the article, indexed once), ``clauses`` (statements cut into claims),
``compare`` (alignment and mismatches), ``verdict`` (score, verdict, reason). Word lists and
fitted weights are data in ``claims/data``.
"""

from __future__ import annotations

from .check import check_many, check_parsed, check_statements, check_text

__all__ = ["check_many", "check_parsed", "check_statements", "check_text"]
