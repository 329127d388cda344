"""The top-level namespace: at most 60 names, each fits the naming rule or is a declared exception.

The README's "Naming rule" section holds the list of constructor nouns and the declared
exceptions between markers; this test reads it, so the list cannot drift from __all__.
"""
import ast
import re
from pathlib import Path

import policytext

ROOT = Path(__file__).resolve().parents[1]
INIT = ROOT / "lib" / "policytext" / "__init__.py"
OBJECTS = ("corpus", "tokens", "dfm")  # object_verb returns the same kind of object


def _readme_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"<!-- naming:start -->(.*?)<!-- naming:end -->", text, re.S).group(1)


def _declared(kind: str) -> set[str]:
    """Names in the README table rows whose first cell is `kind`."""
    rows = [r for r in _readme_block().splitlines() if r.startswith(f"| {kind} |")]
    return {name for row in rows for name in re.findall(r"`([A-Za-z_]+)`", row.split("|")[2])}


def _fits_rule(name: str) -> bool:
    return (name[0].isupper()                                     # classes: CamelCase nouns
            or name.startswith(("textstat_", "textplot_"))
            or any(name.startswith(f"{obj}_") for obj in OBJECTS))


def test_at_most_sixty_names():
    assert len(policytext.__all__) <= 60
    assert len(set(policytext.__all__)) == len(policytext.__all__)


def test_every_name_fits_the_rule_or_is_declared():
    nouns, exceptions = _declared("noun"), _declared("exception")
    rest = {n for n in policytext.__all__ if not _fits_rule(n) and n != "__version__"}
    assert rest == nouns | exceptions
    assert not nouns & exceptions


def test_every_name_resolves_from_its_module():
    for name in policytext.__all__:
        assert getattr(policytext, name) is not None


def test_static_imports_agree_with_exports():
    """The TYPE_CHECKING block (for static tools) names exactly what _EXPORTS lazily loads."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If)
                 and getattr(node.test, "id", "") == "TYPE_CHECKING")
    static = {(imp.module, alias.name) for imp in block.body for alias in imp.names}
    lazy = {(module, name) for module, names in policytext._EXPORTS.items() for name in names}
    assert static == lazy


def test_submodule_import_keeps_the_function():
    import policytext.quantities  # noqa: F401  (binds the submodule on the package)
    import policytext.tokens  # noqa: F401

    assert callable(policytext.tokens) and callable(policytext.quantities)
