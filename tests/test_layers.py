"""Guardrails on the package's shape: small modules, one home per name, no import cycles.

The layers themselves (each step imports only the steps below it) are import-linter's
contract in pyproject.toml, which .ci/run checks with ``lint-imports``.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import grimp

import quoteattr

PACKAGE = Path(quoteattr.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 400


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in MODULES
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_or_class_name_is_defined_in_two_modules() -> None:
    homes: defaultdict[str, list[str]] = defaultdict(list)
    for path in MODULES:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                homes[node.name].append(str(path.relative_to(PACKAGE)))
    assert {name: where for name, where in homes.items() if len(where) > 1} == {}


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = grimp.build_graph("quoteattr")
    cycles = {
        (module, imported)
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if graph.find_shortest_chain(importer=imported, imported=module)
    }
    assert cycles == set()
