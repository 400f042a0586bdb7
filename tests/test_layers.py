"""Extraction's modules import one way: extract -> figures.* -> describe, vocab, numbers.

A figures module may import only the figures modules below it, so no cycle can form and a
module can be read (and tested) without the pipeline above it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import factcheck

PACKAGE = Path(factcheck.__file__).parent
# A module may import figures modules of a lower rank only.
RANK = {"found": 0, "amounts": 1, "ages": 1, "labels": 2, "scope": 3, "counts": 4}
ENGINE_BELOW = {"describe", "vocab", "numbers", "units"}


def _imports(path: Path) -> set[str]:
    """The factcheck modules a file imports, as dotted names below `factcheck.`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factcheck"):
            base = node.module.removeprefix("factcheck").lstrip(".")
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if base else alias.name)
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("factcheck.")
                for a in node.names
                if a.name.startswith("factcheck.")
            )
    return found


def test_every_figures_module_has_a_rank():
    modules = {p.stem for p in (PACKAGE / "figures").glob("*.py")} - {"__init__"}
    assert modules == set(RANK)


@pytest.mark.parametrize("module", sorted(RANK))
def test_figures_module_imports_only_below_it(module):
    for name in _imports(PACKAGE / "figures" / f"{module}.py"):
        parts = name.split(".")
        if parts[0] == "figures":
            below = parts[1] if len(parts) > 1 else ""
            assert RANK.get(below, 99) < RANK[module], f"{module} imports figures.{below}"
        else:
            assert parts[0] in ENGINE_BELOW | {"models"}, f"{module} imports factcheck.{name}"


def test_extract_is_above_the_figures():
    """The pipeline asks the figures modules; nothing below imports it back."""
    for path in (PACKAGE / "figures").glob("*.py"):
        assert not any(n.split(".")[0] == "extract" for n in _imports(path)), path.name
    assert any(n.startswith("figures.") for n in _imports(PACKAGE / "extract.py"))
