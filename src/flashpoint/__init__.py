"""Flashpoint: conflict news to verified, coded events and escalation signals.

The Python API is the same set of functions the CLI calls::

    import flashpoint
    result = flashpoint.analyze(text, published="2023-12-27")
    events = flashpoint.code("Kim Jong Un accused the USA of ...", published="2023-12-27")
    verdict = flashpoint.check(article_text, "The UN urged Kim to ...")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {"analyze", "analyze_article", "analyze_many", "code", "check"}


def __getattr__(name: str) -> Any:
    # Lazy so that `import flashpoint` stays cheap (no spaCy import) for the CLI's --help.
    if name in _LAZY:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


__all__ = ["__version__", "analyze", "analyze_article", "analyze_many", "check", "code"]
