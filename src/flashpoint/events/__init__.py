"""Events stage: a CAMEO coder over the dependency parse.

``code_doc(doc, published=...)`` returns the ``Event`` records of a parsed article, sentence by
sentence, each sentence's main event first. Code tables live in ``events/data`` (see
``events/tables.py``).
"""

from __future__ import annotations

from .coder import code_doc, code_sentence

__all__ = ["code_doc", "code_sentence"]
