"""policytext: read Chinese policy reports quantitatively.

Naming rule (after quanteda): nouns build objects (`corpus`, `tokens`,
`quantities`, `kwic`); `object_verb` returns the same kind of object
(`corpus_subset`, `tokens_remove`); `textstat_*` returns a DataFrame;
`textplot_*` returns a matplotlib Figure.
"""
__version__ = "0.1.0"

from importlib import import_module as _import_module

# One module per family; each declares its public API in __all__. (policytext.render,
# the notebook renderer, is imported on its own: it is tooling, not analysis.)
_MODULES = ["errors", "corpus", "segment", "discover", "frequency", "slogans", "fonts", "figures",
            "plots", "dfm", "themes", "keyness", "similarity", "numbers", "quantities", "indicators", "targets"]

__all__ = ["__version__"]
for _name in _MODULES:
    _module = _import_module(f".{_name}", __name__)
    for _symbol in _module.__all__:
        globals()[_symbol] = getattr(_module, _symbol)
    __all__ += list(_module.__all__)
