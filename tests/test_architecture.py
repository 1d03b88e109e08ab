"""The direction of imports in docs/ARCHITECTURE.md, enforced: a stage imports only leftwards."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "flashpoint"

# Rank of each top-level module/package; a module may import modules of lower or equal rank.
RANK = {
    "records": 0, "errors": 0, "columns": 0,
    "ingest": 1,
    "nlp": 2,
    "actors": 3,
    "events": 4,
    "claims": 5,
    "pipeline": 6,
    "store": 7,
    "analytics": 8,
    "synth": 9,
    "scale": 10, "api": 10, "web": 10,
    "bench": 11,
    "cli": 12, "__main__": 12, "__init__": 12,
}


def _stage(module: str) -> str:
    return module.split(".")[0]


def _imports(path: Path) -> list[tuple[str, int]]:
    """Flashpoint modules imported by ``path`` (absolute or relative), with line numbers."""
    package = list(path.relative_to(PACKAGE).parent.parts)  # [] for the package root
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                names = node.module.split(".") if node.module else [node.names[0].name]
                target = ".".join([*base, *names])
            elif node.module and node.module.startswith("flashpoint."):
                target = node.module.removeprefix("flashpoint.")
            else:
                continue
            found.append((target, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("flashpoint."):
                    found.append((alias.name.removeprefix("flashpoint."), node.lineno))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_architecture_imports_point_leftwards(path):
    own = _stage(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    assert own in RANK, f"{own} has no place in the import order; add it to docs and RANK"
    for target, line in _imports(path):
        stage = _stage(target)
        if stage == own or stage == "__version__":
            continue
        assert stage in RANK, f"{path.name}:{line} imports unknown stage {target}"
        assert RANK[stage] <= RANK[own], (
            f"{path.relative_to(PACKAGE)}:{line} imports {target}: {own} may not import {stage}"
        )
