"""policytext: read Chinese policy reports quantitatively.

Naming rule (after quanteda; README "Naming rule" lists the exceptions): nouns build
objects (`corpus`, `tokens`, `dfm`, `quantities`, `kwic`); `object_verb` returns the same
kind of object (`corpus_subset`, `tokens_remove`, `dfm_group`); `textstat_*` returns a
DataFrame; `textplot_*` returns a matplotlib Figure.

The top level exports the analysis vocabulary only. Plumbing stays in its module
(`policytext.numbers.split_magnitude`, `policytext.figures.figure_key` ...), and so does the
tooling: `policytext.render`, `policytext.notebook`, `policytext.teaching`, `policytext.cli`.

Names are imported on first use, not at `import policytext`: `policytext segment` then
loads only what segmentation needs (no pandas, no matplotlib) and starts in a fraction of a
second. `_EXPORTS` is the one list of what comes from where; the TYPE_CHECKING block says
the same to static tools (a test checks that the two agree).
"""
from __future__ import annotations

import sys as _sys
import types as _types
from importlib import import_module as _import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_EXPORTS: dict[str, tuple[str, ...]] = {
    "errors": ("PolicyTextError", "DecodeError", "MetadataError", "ParameterError"),
    "corpus": ("Corpus", "Document", "corpus", "load_corpus", "data_corpus", "corpus_subset",
               "textstat_parts", "textstat_cleaning"),
    "tokens": ("Tokens", "tokens", "tokens_remove", "tokens_ngrams", "tokens_subset"),
    "lexicon": ("lexicon", "stopwords"),
    "themes": ("Dictionary", "dictionary", "tokens_lookup", "textstat_themes", "themes_matrix"),
    "dfm": ("DFM", "dfm", "dfm_group", "dfm_weight", "dfm_select", "dfm_trim", "dfm_subset"),
    "frequency": ("textstat_frequency", "textstat_trends", "kwic", "textstat_collocations", "textstat_keywords"),
    "slogans": ("textstat_slogans",),
    "keyness": ("textstat_keyness", "textplot_keyness"),
    "similarity": ("textstat_simil", "textstat_distinctive", "textplot_heatmap"),
    "plots": ("textplot_frequency", "textplot_wordcloud", "textplot_xray"),
    "quantities": ("quantities", "extract_quantities"),
    "targets": ("textstat_targets", "textstat_city_targets", "textstat_consistency",
                "textstat_implied_growth", "textplot_implied_growth"),
    "timeline": ("textplot_timeline",),
    "attainment": ("textstat_attainment", "textplot_attainment"),
    "revisions": ("textstat_revisions",),
    "crosssection": ("textstat_crosssection", "textstat_shared_indicators", "textplot_crosssection"),
}

if TYPE_CHECKING:  # what static tools read; the same names as _EXPORTS
    from .attainment import textplot_attainment, textstat_attainment
    from .corpus import (Corpus, Document, corpus, corpus_subset, data_corpus, load_corpus,
                         textstat_cleaning, textstat_parts)
    from .crosssection import textplot_crosssection, textstat_crosssection, textstat_shared_indicators
    from .dfm import DFM, dfm, dfm_group, dfm_select, dfm_subset, dfm_trim, dfm_weight
    from .errors import DecodeError, MetadataError, ParameterError, PolicyTextError
    from .frequency import kwic, textstat_collocations, textstat_frequency, textstat_keywords, textstat_trends
    from .keyness import textplot_keyness, textstat_keyness
    from .lexicon import lexicon, stopwords
    from .plots import textplot_frequency, textplot_wordcloud, textplot_xray
    from .quantities import extract_quantities, quantities
    from .revisions import textstat_revisions
    from .similarity import textplot_heatmap, textstat_distinctive, textstat_simil
    from .slogans import textstat_slogans
    from .targets import (textplot_implied_growth, textstat_city_targets,
                          textstat_consistency, textstat_implied_growth, textstat_targets)
    from .themes import Dictionary, dictionary, textstat_themes, themes_matrix, tokens_lookup
    from .timeline import textplot_timeline
    from .tokens import Tokens, tokens, tokens_ngrams, tokens_remove, tokens_subset

_HOME = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = ["__version__", *_HOME]


def __getattr__(name: str):
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'policytext' has no attribute {name!r}")
    value = getattr(_import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(_types.ModuleType):
    """Keeps `policytext.corpus`, `.tokens`, `.dfm` ... the functions of those names.

    Importing a submodule binds it as an attribute of the package; where an exported
    function has the module's name, the function wins (as `from policytext import tokens`).
    """

    def __setattr__(self, name, value):
        if name in _HOME and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
