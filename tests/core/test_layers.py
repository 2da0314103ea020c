"""Bearing's apps stand on one another one way only: core at the bottom, then accounts,
careers, jobs and alignment, then portability and sharing, and demo (which loads its history
through portability's importer) at the top. No app imports one above it, and every app
says in one sentence what it is."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RANKS = {
    "core": 0,
    "accounts": 1,
    "careers": 2,
    "jobs": 3,
    "alignment": 4,
    "portability": 5,
    "sharing": 5,
    "demo": 6,
}
MODULE_LINES = 600


def modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_apps(path):
    """The apps a module imports (absolute imports; a relative one stays inside its app)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names = [node.module]
        found |= {name.split(".")[0] for name in names if name.split(".")[0] in RANKS}
    return found


@pytest.mark.parametrize("app", RANKS)
def test_no_app_imports_one_above_it(app):
    above = {
        f"{path.relative_to(ROOT)} imports {other}"
        for path in modules(app)
        for other in imported_apps(path)
        if RANKS[other] > RANKS[app] or (RANKS[other] == RANKS[app] and other != app)
    }
    assert not above


@pytest.mark.parametrize("app", RANKS)
def test_each_app_says_what_it_is_and_keeps_its_modules_short(app):
    docstring = ast.get_docstring(ast.parse((ROOT / app / "__init__.py").read_text()))
    assert docstring and docstring.count(". ") == 0  # one sentence
    long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in modules(app)
        if (lines := len(path.read_text().splitlines())) > MODULE_LINES
    ]
    assert not long
