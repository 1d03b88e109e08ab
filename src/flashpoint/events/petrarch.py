"""PETRARCH2's CAMEO verb dictionary, read for one fact per verb: the CAMEO roots it codes.

PETRARCH2 (Open Event Data Alliance, MIT licence) ships about 15,000 verb patterns in
``CAMEO.verbpatterns.150430.txt``: blocks headed ``--- NAME [code] ---``, each listing verbs (a
verb's own ``[code]`` overrides the block's) and then patterns (lines starting ``-``). Only the
single-word verbs and the two-digit root of their code are read here; patterns, multi-word verbs
(``+GUN_DOWN``), category names (``EXPLAIN_VERBAL``) and blocks without a code (``[---]``) are
not. The class model (``events/train.py``) takes these roots as features, so that a verb the
ConfliBERT train split never shows ("lambaste", "bludgeon") still tells the model which kind of
act it is: broad facts written by others, weighed by the model, not rules read from our misses.
"""

from __future__ import annotations

import re
from pathlib import Path

VERB_FILE = "CAMEO.verbpatterns.150430.txt"
SOURCE_FILE = "SOURCE_COMMIT"
_SECTION = "VERB PATTERNS"
_BLOCK = re.compile(r"^---\s*([A-Z][A-Z_\-]*)\s*\[([^\]]*)\]")
# a verb line: the verb, then its irregular forms {...} and its own code [...] in either order
_VERB = re.compile(r"^([A-Z][A-Z\-]*)((?:\s*(?:\{[^}]*\}|\[[^\]]*\]))*)\s*$")
_CODE = re.compile(r"\[([^\]]*)\]")


def _root(code: str) -> str | None:
    code = code.strip()
    return code[:2] if code[:2].isdigit() else None


def verb_roots(text: str) -> dict[str, list[str]]:
    """Lower-cased verb lemma -> sorted CAMEO roots, from the text of the verb dictionary."""
    roots: dict[str, set[str]] = {}
    block: str | None = None
    started = False
    for raw in text.splitlines():
        if _SECTION in raw:
            started = True
            continue
        line = re.split(r"[#;]", raw, maxsplit=1)[0].strip()  # both start comments
        if not started or not line or line.startswith("-") and not line.startswith("---"):
            continue
        head = _BLOCK.match(line)
        if head:
            block = _root(head.group(2))
            name = head.group(1)
            if block and "_" not in name:
                roots.setdefault(name.lower(), set()).add(block)
            continue
        verb = _VERB.match(line)
        if verb is None:
            continue
        own = _CODE.search(verb.group(2))
        root = _root(own.group(1)) if own else block
        if root:
            roots.setdefault(verb.group(1).lower(), set()).add(root)
    return {lemma: sorted(r) for lemma, r in sorted(roots.items())}


def read_verb_roots(folder: Path) -> tuple[dict[str, list[str]], str]:
    """The verb roots of the dictionary in ``folder`` and a line saying where they came from."""
    roots = verb_roots((folder / VERB_FILE).read_text(encoding="utf-8", errors="replace"))
    commit_file = folder / SOURCE_FILE
    commit = commit_file.read_text(encoding="utf-8").split()[0] if commit_file.is_file() else "?"
    return roots, f"PETRARCH2 {VERB_FILE} (openeventdata/petrarch2 {commit}, MIT): verbs only"


__all__ = ["read_verb_roots", "verb_roots"]
