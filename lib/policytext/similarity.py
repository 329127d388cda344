"""Distinctive terms and document similarity (quanteda's dfm_tfidf, textstat_simil).

Both work on word tokens (at least one letter or digit; punctuation and whitespace are left
out: policytext.dfm.is_word), counted and grouped by policytext.dfm; both also take a DFM.
Stopwords are kept unless you pass `tokens_remove(toks)`; for similarity you usually want them
out, because 的/和/等 make every pair of Chinese texts look alike.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .dfm import group_keys, tfidf_top, word_units
from .errors import ParameterError
from .figures import cached_figure

__all__ = ["textstat_distinctive", "textstat_simil", "textplot_heatmap"]

METHODS = ("cosine", "jaccard", "correlation")


def _key(groups) -> str:
    """Name of the unit column: doc, or the group columns joined by "/"."""
    return "doc" if groups is None else "/".join(group_keys(groups))


def textstat_distinctive(toks, *, n: int = 10, groups: str | Sequence[str] | None = None,
                         min_count: int = 1) -> pd.DataFrame:
    """The n terms with the highest TF-IDF in each document (or group).

    TF-IDF is policytext.dfm's one formula: count * log10(N / docfreq), N documents (or
    groups), docfreq those containing the term (quanteda's dfm_tfidf defaults). A term used by
    every document gets 0 and is never listed, so with a single document there is nothing
    distinctive and the result is empty. Ties are ordered by count, then by the term;
    ``more_tied`` counts the terms after the n-th with its TF-IDF, which the cut leaves out
    (海拉尔 2013: eleven terms share the top score).

    Returns doc (or the group columns), rank, feature, count, docfreq, tfidf, more_tied.
    """
    if not isinstance(n, int) or n < 1:
        raise ParameterError(f"n must be a positive int, not {n!r}")
    key = _key(groups)
    top = tfidf_top(word_units(toks, groups), n=n, min_count=min_count)
    return pd.DataFrame(top, columns=[key, "rank", "feature", "count", "docfreq", "tfidf", "more_tied"])


def _similarity(m: np.ndarray, method: str) -> np.ndarray:
    if method == "jaccard":  # on sets of features: |A and B| / |A or B|
        b = (m > 0).astype(float)
        inter = b @ b.T
        sizes = b.sum(axis=1)
        union = sizes[:, None] + sizes[None, :] - inter
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)
    if method == "correlation":
        m = m - m.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(m, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        sim = (m @ m.T) / np.outer(norms, norms)
    return np.nan_to_num(sim, nan=0.0)


def textstat_simil(toks, *, groups: str | Sequence[str] | None = None, method: str = "cosine",
                   min_tokens: int = 1) -> pd.DataFrame:
    """Square DataFrame of similarities between documents, or between groups of them.

    groups: None (one row per document), ["doc", "part"] (one per document and part, labelled
        "jyg_gov_2021:review"), "part" (the parts of all documents pooled), or a metadata
        column ("place", "doc_type") to pool documents (policytext.dfm.dfm_group).
    method: "cosine" of term-count vectors (default), "jaccard" of term sets, or
        "correlation" (Pearson) of term-count vectors.
    min_tokens: leave out units with fewer words (e.g. 100 to drop the few heading lines that
        fall into a document's "other" part); units with no words are always left out.
    Identical texts give 1; texts without a shared word give 0 (cosine, jaccard).
    """
    if method not in METHODS:
        raise ParameterError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    units = word_units(toks, groups)
    keep = units.counts.sum(axis=1) >= min_tokens
    labels = [name for name, k in zip(units.docnames, keep) if k]
    sim = _similarity(units.counts[keep].astype(float), method)
    np.fill_diagonal(sim, 1.0)  # exact 1 on the diagonal (floating point gives 0.9999999)
    return pd.DataFrame(sim, index=pd.Index(labels, name=_key(groups)), columns=labels)


@cached_figure
def textplot_heatmap(matrix_df: pd.DataFrame, *, title: str | None = None, fmt: str = ".2f",
                     cmap: str = "YlOrRd", xlabel: str | None = None, ylabel: str | None = None,
                     vmin: float | None = None, vmax: float | None = None):
    """Heatmap of a DataFrame (rows x columns) with each cell's value written in it.

    Used for similarity matrices (textstat_simil) and theme tables (themes.themes_matrix).
    NaN cells stay blank. Returns the matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    from .fonts import use_cjk_font

    use_cjk_font()
    if matrix_df.empty:
        raise ParameterError("textplot_heatmap: the table is empty")
    values = matrix_df.to_numpy(dtype=float)
    n_rows, n_cols = values.shape
    fig, ax = plt.subplots(figsize=(max(4.0, 0.9 * n_cols + 2.5), max(2.5, 0.5 * n_rows + 1.8)))
    masked = np.ma.masked_invalid(values)
    image = ax.imshow(masked, cmap=cmap, aspect="auto", vmin=vmin, vmax=vmax)
    ax.set_xticks(range(n_cols), [str(c) for c in matrix_df.columns], rotation=40, ha="right")
    ax.set_yticks(range(n_rows), [str(i) for i in matrix_df.index])
    low, high = image.get_clim()
    for i in range(n_rows):
        for j in range(n_cols):
            v = values[i, j]
            if np.isnan(v):
                continue
            dark = (v - low) / (high - low) > 0.6 if high > low else False
            ax.text(j, i, format(v, fmt), ha="center", va="center", fontsize=8,
                    color="white" if dark else "black")
    fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    if title:
        ax.set_title(title)
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    fig.set_layout_engine("tight")  # laid out at draw time, skipped when cached
    return fig
