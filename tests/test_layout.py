"""The project's shape: no import cycle in the package, modules readable in one sitting, the README's module
list true to the files, and no test reaching into another test module's private names."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .helpers import ROOT

PACKAGE = ROOT / "ragbot"
MAX_LINES = 450


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(path: Path) -> set[str]:
    """The ragbot modules `path` imports at run time (at the top or inside functions; not under TYPE_CHECKING)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if _type_checking_only(node):
            return
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:  # from .x import y
                found.add(node.module.split(".")[0])
            elif node.level == 1:  # from . import x, y
                found.update(a.name for a in node.names)
            elif node.module and node.module.startswith("ragbot."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("ragbot."))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found - {"__init__"}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle a depth-first search meets, each as the modules along it.

    >>> cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}), cycles({"a": {"b"}, "b": set()})
    ([['a', 'b', 'a']], [])
    """
    out: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def dfs(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                out.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                dfs(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            dfs(node, [node])
    return out


def test_cycle_finder_finds_a_long_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_import_cycle_in_the_package() -> None:
    graph = {p.stem: imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert len(graph) >= 25
    assert graph["cli"] >= {"pipeline", "schema"}  # the graph is real: the CLI's imports are found
    assert cycles(graph) == []


def test_every_module_reads_in_one_sitting() -> None:
    files = sorted([*PACKAGE.glob("*.py"), *(ROOT / "eval").glob("*.py")])
    assert len(files) > 25
    long = {
        p.relative_to(ROOT).as_posix(): n for p in files if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_readme_lists_every_module_once() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `ragbot/(\w+)\.py` \| .+ \|$", readme, re.M)
    modules = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
    assert sorted(listed) == modules


def test_tests_do_not_import_private_names_from_each_other() -> None:
    bad = []
    for path in (ROOT / "tests").glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and (node.module or "").startswith("test_"):
                bad.append(f"{path.name} imports from {node.module}")
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                bad += [f"{path.name} imports {a.name}" for a in node.names if a.name.startswith("_")]
    assert bad == []
