"""Charts for term frequency: bar charts, word clouds, lexical dispersion (x-ray).

Every textplot_* function draws with a Chinese font (fonts.use_cjk_font) and
returns the matplotlib Figure; word clouds get the font file explicitly.
"""
from __future__ import annotations

import math
from typing import Iterable, Mapping, Sequence

import pandas as pd

from .dfm import tied_after
from .errors import ParameterError
from .figures import cached_figure
from .fonts import cjk_font_path, use_cjk_font

__all__ = ["textplot_frequency", "textplot_wordcloud", "textplot_xray", "PART_COLORS"]

PART_COLORS = {"review": "#dbe9f6", "plan": "#fde3c8"}  # background shading of the x-ray
_BAR = "#3b6ea5"


def _grid(k: int, ncols: int, cell: tuple[float, float]):
    import matplotlib.pyplot as plt

    ncols = max(1, min(ncols, k))
    nrows = math.ceil(k / ncols)
    fig = plt.figure(figsize=(cell[0] * ncols, cell[1] * nrows))
    grid = fig.add_gridspec(nrows, ncols)
    # Only the k panels drawn: an Axes made and then deleted still costs its ticks and spines.
    return fig, [fig.add_subplot(grid[i // ncols, i % ncols]) for i in range(k)]


def _groups(freq: pd.DataFrame, groups: str | None) -> list[tuple[object, pd.DataFrame]]:
    if groups is None and "group" in freq and freq["group"].nunique() > 1:
        groups = "group"
    if groups is None:
        return [(None, freq)]
    if groups not in freq:
        raise ParameterError(f"groups={groups!r}: the table has no such column "
                             f"(columns: {', '.join(freq.columns)})")
    return [(g, part) for g, part in freq.groupby(groups, sort=False)]


@cached_figure
def textplot_frequency(freq: pd.DataFrame, *, n: int = 20, groups: str | None = None,
                       value: str = "count", ncols: int = 3, title: str | None = None):
    """Horizontal bar chart of the top `n` terms; one panel per value of column `groups`.

    freq: a textstat_frequency table (feature plus `value` column). groups=None draws
    one panel per group when the table has several groups (its "group"
    column), else one panel. value: "count" or "per_10k" (rates: the panels share one scale). A
    panel whose cut leaves out terms of its last bar's value says how many.
    """
    use_cjk_font()
    if not {"feature", value} <= set(freq.columns):
        raise ParameterError(f"the table needs columns feature and {value!r} (has {', '.join(freq.columns)})")
    panels = _groups(freq, groups)
    longest = max((min(n, len(part)) for _, part in panels), default=1)
    fig, axes = _grid(len(panels), ncols, (4.2, 0.28 * max(longest, 3) + 1.0))
    for ax, (group, part) in zip(axes, panels):
        ranked = part.sort_values([value, "feature"], ascending=[False, True], kind="stable")
        top = ranked.head(n)
        ax.barh(range(len(top))[::-1], top[value], color=_BAR)
        ax.set_yticks(range(len(top))[::-1], list(top["feature"]))
        ax.set_xlabel("per 10,000 terms" if value == "per_10k" else value)
        ax.spines[["top", "right"]].set_visible(False)
        # terms at the last bar's value that the cut leaves out are counted, not silently dropped
        tied = tied_after(ranked[value].to_numpy(), n)
        label = " ".join(x for x in (None if group is None else str(group),
                                     f"(+{tied} more at {top[value].iloc[-1]:g})" if tied else None) if x)
        if label:
            ax.set_title(label)
        ax.margins(y=0.01)
    if value == "per_10k" and len(axes) > 1:    # rates compare across panels: one scale for all
        right = max(ax.get_xlim()[1] for ax in axes)
        for ax in axes:
            ax.set_xlim(0, right)
    if title:
        fig.suptitle(title)
    fig.set_layout_engine("tight")  # laid out at draw time, skipped when cached
    return fig


def _as_frequencies(freq, value: str) -> dict[str, float]:
    if isinstance(freq, Mapping):
        return {str(k): float(v) for k, v in freq.items() if v > 0}
    if isinstance(freq, pd.DataFrame):
        if not {"feature", value} <= set(freq.columns):
            raise ParameterError(f"the table needs columns feature and {value!r}")
        return {str(t): float(v) for t, v in zip(freq["feature"], freq[value]) if v > 0}
    raise ParameterError(f"expected a frequency table or a {{term: count}} dict, not {type(freq).__name__}")


def _cloud_image(frequencies: dict[str, float], max_words: int, width: int, height: int):
    """The cloud as an RGB array, cached: laying out a cloud takes about a second,
    and re-running a notebook should not pay it again. The key covers the terms
    and weights, the size, the font file, the wordcloud version and our code (the colours and
    layout options are set in this function)."""
    import wordcloud
    from wordcloud import WordCloud

    from .cache import cache_get, cache_key, cache_put, library_digest

    font = cjk_font_path()
    key = cache_key("wordcloud", sorted(frequencies.items()), max_words, width, height,
                    font, font.stat().st_size, wordcloud.__version__, library_digest())
    image = cache_get("wordcloud", key)
    if image is None:
        cloud = WordCloud(font_path=str(font), width=width, height=height,
                          background_color="white", max_words=max_words, random_state=0,
                          prefer_horizontal=1.0, collocations=False, colormap="viridis",
                          relative_scaling=1.0)     # font size proportional to the count (the default mixes in rank)
        image = cloud.generate_from_frequencies(frequencies).to_array()
        cache_put("wordcloud", key, image)
    return image


@cached_figure
def textplot_wordcloud(freq, *, max_words: int = 150, groups: str | None = None, value: str = "count",
                       ncols: int = 2, width: int = 800, height: int = 450):
    """Word cloud of a frequency table or {feature: count}; one panel per value of column `groups`.

    As textplot_frequency, a table with several groups gets one cloud per group.
    The font is always passed as a file (fonts.cjk_font_path), so the cloud
    draws Chinese whatever matplotlib's settings are.
    """
    use_cjk_font()
    panels = [(None, freq)] if isinstance(freq, Mapping) else _groups(freq, groups)
    fig, axes = _grid(len(panels), ncols, (width / 130, height / 130 + 0.4))
    for ax, (group, part) in zip(axes, panels):
        frequencies = _as_frequencies(part, value)
        if frequencies:
            ax.imshow(_cloud_image(frequencies, max_words, width, height), interpolation="bilinear")
        else:
            ax.text(0.5, 0.5, "no terms", ha="center", va="center")
        ax.set_axis_off()
        if group is not None:
            ax.set_title(str(group))
    fig.set_layout_engine("tight")  # laid out at draw time, skipped when cached
    return fig


def _part_spans(doc) -> list[tuple[str, float, float]]:
    """(part, from, to) runs of review/plan as fractions of the clean text."""
    total = max(len(doc.clean), 1)
    spans: list[list] = []
    for para in doc.paragraphs:
        if spans and spans[-1][0] == para.part:
            spans[-1][2] = para.end
        else:
            spans.append([para.part, para.start, para.end])
    return [(p, s / total, e / total) for p, s, e in spans if p in PART_COLORS]


@cached_figure
def textplot_xray(toks_or_corpus, terms: str | Sequence[str], *, docs: Iterable[str] | None = None,
                  regex: bool = False, corpus=None):
    """Lexical dispersion plot: one strip per document x term, a tick per occurrence.

    The x axis is the relative position in the document's clean text (0 = start,
    1 = end), as in quanteda's textplot_xray; review and plan parts are shaded.
    Matching follows kwic: substrings for a Corpus, whole tokens for Tokens.
    """
    from matplotlib.patches import Patch

    from .frequency import find_matches

    use_cjk_font()
    terms = [terms] if isinstance(terms, str) else list(terms)
    corpus, views, hits = find_matches(toks_or_corpus, terms, regex=regex, corpus=corpus)
    ids = [i for i in corpus.ids if views is None or i in views]
    if docs is not None:
        docs = [docs] if isinstance(docs, str) else list(docs)
        unknown = [d for d in docs if d not in ids]
        if unknown:
            raise ParameterError(f"unknown document id(s) {', '.join(unknown)}; available: {', '.join(ids)}")
        ids = docs
    positions: dict[tuple[str, str], list[float]] = {(d, t): [] for d in ids for t in terms}
    for doc_id, term, s, _ in hits:
        if (doc_id, term) in positions:
            positions[(doc_id, term)].append(s / max(len(corpus[doc_id].clean), 1))
    import matplotlib.pyplot as plt

    rows = list(positions)
    fig, axes = plt.subplots(len(rows), 1, figsize=(10, 0.42 * len(rows) + 1.3), sharex=True,
                             squeeze=False)
    for ax, (doc_id, term) in zip(axes[:, 0], rows):
        for part, a, b in _part_spans(corpus[doc_id]):
            ax.axvspan(a, b, color=PART_COLORS[part], lw=0)
        xs = positions[(doc_id, term)]
        ax.vlines(xs, 0.1, 0.9, color="#222222", lw=0.9)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_yticks([])
        ax.set_ylabel(f"{doc_id} · {term}", rotation=0, ha="right", va="center", fontsize=9)
        ax.text(1.005, 0.5, f"{len(xs)}", transform=ax.transAxes, va="center", fontsize=8)
    axes[-1, 0].set_xlabel("relative position in the document (0 = start, 1 = end)")
    # unshaded: the rest, front matter and notes after the report (a glossary, 名词解释)
    fig.legend(handles=[Patch(color=c, label=p) for p, c in PART_COLORS.items()]
               + [Patch(facecolor="white", edgecolor="#999999", label="other (front matter, notes)")],
               loc="upper right", ncol=3, fontsize=8, frameon=False)
    fig.suptitle("Where the terms occur", x=0.02, ha="left")
    fig.set_layout_engine("tight", rect=(0, 0, 0.97, 0.97))
    return fig
