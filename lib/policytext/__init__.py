"""policytext: read Chinese policy reports quantitatively.

Naming rule (after quanteda): nouns build objects (`corpus`, `tokens`,
`quantities`, `kwic`); `object_verb` returns the same kind of object
(`corpus_subset`, `tokens_remove`); `textstat_*` returns a DataFrame;
`textplot_*` returns a matplotlib Figure.
"""
__version__ = "0.1.0"

import sys as _sys
import types as _types
from importlib import import_module as _import_module

# One module per family; each declares its public API in __all__. (policytext.render,
# the notebook renderer, and policytext.engine, the cutting engines behind tokens() and
# segment_text(engine=...), are imported on their own: they are tooling, not analysis.)
_MODULES = ["errors", "corpus", "lexicon", "tokens", "discover", "batch", "compare",
            "frequency", "slogans", "fonts", "figures", "plots", "dfm", "themes", "keyness", "similarity",
            "numbers", "quantities", "indicators", "targets"]
# Modules that export a function of their own name: the function is what `policytext.<name>`
# means (as it did when everything was imported eagerly).
_SHADOWED = frozenset({"corpus", "lexicon", "tokens"})
_loaded = False


def _load() -> None:
    """Import every module and lift its __all__ (pandas, matplotlib ... come with them).

    Done on first use of a package attribute, not at `import policytext`: `policytext segment`
    imports only what segmentation needs and starts in a fraction of a second.
    """
    global _loaded, __all__
    if _loaded:
        return
    names = ["__version__"]
    for module_name in _MODULES:
        module = _import_module(f".{module_name}", __name__)
        for symbol in module.__all__:
            globals()[symbol] = getattr(module, symbol)
        names += list(module.__all__)
    __all__ = names
    _loaded = True


def __getattr__(name: str):
    if name.startswith("__") and name not in ("__all__",):
        raise AttributeError(name)
    _load()
    try:
        return globals()[name]
    except KeyError:
        raise AttributeError(f"module 'policytext' has no attribute {name!r}") from None


def __dir__() -> list[str]:
    _load()
    return sorted(set(globals()) | set(__all__))


class _Package(_types.ModuleType):
    def __setattr__(self, name, value):
        # Importing policytext.tokens binds the submodule here; the function tokens() wins.
        if name in _SHADOWED and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
