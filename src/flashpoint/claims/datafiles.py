"""The checker's data files (``claims/data/*.json``), read one way.

Every table of the statement checker — lexicon, weights, verdict, aliases, amounts, calendar —
is a JSON file beside the code; an unreadable or malformed one is the same error wherever it is
read (E406, naming the file), not a traceback from whichever module loads it first.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..errors import ConfigError


def read_data(name: str) -> Any:
    """The parsed JSON of ``claims/data/<name>`` (E406 when it cannot be read or parsed)."""
    try:
        raw = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
        return json.loads(raw)
    except (OSError, ValueError) as e:
        raise ConfigError("E406", name=name, cause=e) from e


__all__ = ["read_data"]
