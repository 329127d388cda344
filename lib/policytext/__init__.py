"""policytext: read Chinese policy reports quantitatively.

Naming rule (after quanteda): nouns build objects (`corpus`, `tokens`,
`quantities`, `kwic`); `object_verb` returns the same kind of object
(`corpus_subset`, `tokens_remove`); `textstat_*` returns a DataFrame;
`textplot_*` returns a matplotlib Figure.
"""
__version__ = "0.1.0"

from . import corpus as _corpus_module
from .corpus import *  # noqa: F401,F403
from .errors import *  # noqa: F401,F403
from . import errors as _errors_module

__all__ = ["__version__", *_corpus_module.__all__, *_errors_module.__all__]
