"""The direction of imports in docs/ARCHITECTURE.md, enforced: a stage imports only leftwards."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "flashpoint"

# Rank of each top-level module/package; a module may import modules of lower or equal rank.
RANK = {
    "records": 0, "errors": 0, "columns": 0, "checkout": 0,
    "ingest": 1,
    "nlp": 2, "token_rules": 2, "lemma_table": 2,
    "actors": 3,
    "events": 4,
    "claims": 5,
    "pipeline": 6,
    "store": 7,
    "analytics": 8,
    "synth": 9,
    "scale": 10,  # the Dask runner: stages and store, no server
    "web": 11,  # the dashboard's static files
    "api": 12,  # serves the dashboard (web) and the store
    "bench": 13,
    "cli": 14, "__main__": 14, "__init__": 14,
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


# Where a checkout keeps ../shared, tests/gates and examples/ is known in one module
# (flashpoint.checkout), called only by entry points; library functions take the paths.
ENTRY_POINTS = {"cli"}  # packages whose every function is an entry point
MAIN_ONLY = {"bench", "events"}  # their modules may use checkout inside main() only


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_architecture_only_checkout_knows_the_repository(path):
    rel = path.relative_to(PACKAGE)
    if rel.name == "checkout.py" and len(rel.parts) == 1:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value in ("shared", "tests", "gates"):
            pytest.fail(f"{rel}:{node.lineno} names {node.value!r}: ask flashpoint.checkout")
        if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)
                and node.value.attr == "parents" and isinstance(node.slice, ast.Constant)
                and node.slice.value >= 2):
            pytest.fail(f"{rel}:{node.lineno} climbs out of the package: ask flashpoint.checkout")
    if rel.parts[0] in ENTRY_POINTS:
        return
    inside_main = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                   and f.name == "main" for n in ast.walk(f)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "checkout":
            assert rel.parts[0] in MAIN_ONLY and id(node) in inside_main, (
                f"{rel}:{node.lineno} uses checkout outside an entry point: take the path "
                "as an argument"
            )
