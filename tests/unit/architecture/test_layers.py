"""The layering docs/architecture.md describes, held by reading every module's imports."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[3] / "src" / "ipcoop"
# the layers below the web that may never reach up into it
DOMAINS = ("search", "activities", "reports", "parties", "stats", "vocabularies", "ingest")


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> Iterator[str]:
    """Every ipcoop module a file imports, at module level or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("ipcoop"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            if base.startswith("ipcoop"):
                yield base
                yield from (f"{base}.{a.name}" for a in node.names)


def _graph() -> dict[str, set[str]]:
    files = {_module(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    return {
        name: {m for m in _imports(path) if m in files and m != name}
        for name, path in files.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle among the modules, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for other in sorted(graph[node]):
            if state.get(other) == 1:
                return [*stack[stack.index(other) :], other]
            if other not in state and (found := visit(other)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_circles() -> None:
    # a package's __init__ importing its own modules is not a circle of layers
    graph = {
        name: {m for m in deps if not (name + ".").startswith(m + ".")}
        for name, deps in _graph().items()
    }
    assert _cycle(graph) is None


@pytest.mark.parametrize("domain", DOMAINS)
def test_domains_do_not_import_the_web(domain: str) -> None:
    graph = _graph()
    reaching = {
        (name, m)
        for name, deps in graph.items()
        if name.startswith(f"ipcoop.{domain}")
        for m in deps
        if m.startswith("ipcoop.web")
    }
    assert reaching == set()


def test_no_migration_imports_live_code() -> None:
    versions = PACKAGE / "migrations" / "versions"
    live = {p.name: sorted(set(_imports(p))) for p in versions.glob("*.py")}
    assert live and all(found == [] for found in live.values()), live


def _folder(module: str) -> str:
    return module.split(".")[1] if module.count(".") else module


def _shared_records(module: str) -> bool:
    """Models and schemas: the records' definitions, which every layer may read."""
    return module.rpartition(".")[2] in ("models", "schemas", "records")


def test_no_two_folders_import_each_other() -> None:
    """Folder level, beyond the records' definitions: no two top-level packages import each
    other, so each folder sits in one layer."""
    folders: dict[str, set[str]] = {}
    for name, deps in _graph().items():
        folders.setdefault(_folder(name), set()).update(
            _folder(d) for d in deps if not _shared_records(d) and _folder(d) != _folder(name)
        )
    both = sorted(
        (a, b) for a, deps in folders.items() for b in deps if a < b and a in folders.get(b, set())
    )
    assert both == []
