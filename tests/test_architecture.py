"""Architecture limits (issue 12): small modules, short functions, errors in one place, layers."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lib" / "policytext"
MODULES = sorted(PACKAGE.glob("*.py"))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_module_at_most_600_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 600


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_functions_at_most_80_lines(path):
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(_tree(path))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno >= 80]
    assert long == []


@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "errors.py"], ids=lambda p: p.name)
def test_error_classes_live_in_errors(path):
    own = [n.name for n in ast.walk(_tree(path)) if isinstance(n, ast.ClassDef)
           and any(getattr(b, "id", "").endswith("Error") for b in n.bases)]
    assert own == []


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            names.add(node.module or "")
    return names


@pytest.mark.parametrize("module", ["plots", "frequency", "themes", "keyness", "similarity", "dfm",
                                    "quantities", "targets", "attainment", "corpus", "tokens"])
def test_analysis_does_not_import_tooling(module):
    assert not _imports(PACKAGE / f"{module}.py") & {"render", "teaching", "cli", "notebook"}


def test_counting_modules_do_not_group_through_themes():
    for module in ("keyness", "similarity", "frequency"):
        assert "themes" not in _imports(PACKAGE / f"{module}.py")
