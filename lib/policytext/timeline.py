"""One indicator across documents and years: the points a timeline draws, and the chart.

`timeline_points` is the one selection: `textplot_timeline` draws it and the notebook's
sentence (findings_tracking.md_timeline) counts it, so the two never disagree.
"""
from __future__ import annotations

import pandas as pd

from .errors import ParameterError
from .figures import cached_figure
from .targets import tracked_statements, unit_scale

__all__ = ["timeline_points", "usual_measure", "textplot_timeline"]


def timeline_points(q: pd.DataFrame, indicator: str, *, measure: str | None = None, place: str | None = None,
                    corpus=None) -> tuple[pd.DataFrame, str]:
    """(the statements a timeline of ``indicator`` draws, their measure): the tracked rows
    (targets, estimates and results; no attributes or benchmark gaps) with a year, of one
    ``place`` when given (place from ``corpus`` or a ``place`` column), in ``measure``
    (default: the registry's usual measure of the indicator when present, else the most common
    one) and in its most common kind of unit (亿元 and 万元 together, not 亿元 and %)."""
    from .indicators import canonical_indicator

    t = tracked_statements(q, corpus)
    name = canonical_indicator(indicator)
    t = t[t["indicator"] == name]
    if place is not None:
        t = t[t["place"] == place]
    if t.empty:
        where = f" in {place}" if place is not None else ""
        raise ParameterError(f"no values with a year for indicator {indicator!r}{where}")
    if measure is None:
        measure = usual_measure(name, t["measure"])
    if not (t["measure"] == measure).any():
        raise ParameterError(f"no {measure!r} values with a year for indicator {indicator!r}"
                             f"{f' in {place}' if place is not None else ''}; measures found: "
                             f"{sorted(t['measure'].unique())}")
    t = t[t["measure"] == measure]
    return t[t["base_unit"] == t["base_unit"].mode().iloc[0]], measure


def usual_measure(indicator: str, measures: pd.Series) -> str:
    """The measure a timeline of `indicator` draws among those its statements have: the
    registry's usual one (level for income) when present, else the most common."""
    from .indicators import indicator_registry

    hint = indicator_registry().measures.get(indicator)
    return hint if hint in set(measures) else measures.mode().iloc[0]


@cached_figure
def textplot_timeline(q: pd.DataFrame, indicator: str, *, measure: str | None = None, place: str | None = None,
                      corpus=None, ax=None):
    """Targets, estimates and achieved values of one indicator across years, one colour per
    document (filled: achieved ● or estimate ■; hollow: target ◇; a floor ▲ / ceiling ▼ of
    any kind, e.g. 首次突破300亿元, is a triangle).
    ``place`` keeps one place's documents (place from ``corpus`` or a ``place`` column);
    ``measure`` defaults to the registry's usual measure of the indicator when present.
    Returns the matplotlib Figure."""
    import matplotlib.pyplot as plt

    from .fonts import use_cjk_font

    t, measure = timeline_points(q, indicator, measure=measure, place=place, corpus=corpus)
    name = t["indicator"].iloc[0]
    # show in the magnitude written most often (亿元 rather than 元)
    shown = t["unit"].mode().iloc[0]
    factor, _ = unit_scale(shown)
    use_cjk_font()      # no silent fallback: without a CJK font the labels would be tofu boxes
    if ax is None:
        fig, ax = plt.subplots(figsize=(8, 4))
    else:
        fig = ax.figure
    markers = {"achieved": "o", "estimate": "s"}
    target_markers = {">=": "^", "<=": "v"}
    docs = sorted(t["doc"].unique())
    for i, doc in enumerate(docs):
        rows = t[t["doc"] == doc]
        color = f"C{i % 10}"
        # documents side by side within a year, so equal values do not hide each other
        shift = (i - (len(docs) - 1) / 2) * min(0.12, 0.6 / max(len(docs), 1))
        for _, r in rows.iterrows():
            # a floor or ceiling (首次突破300亿元, 控制在3%以内) is a triangle whatever its kind
            marker = target_markers.get(r["relation"], "D" if r["label"] == "target" else markers[r["label"]])
            filled = r["label"] != "target"
            ax.scatter(r["year"] + shift, r["scaled"] / factor, marker=marker, s=60,
                       facecolors=color if filled else "none", edgecolors=color)
        ax.plot([], [], color=color, marker="o", linestyle="", label=str(doc))
    for label, marker, face in (("achieved", "o", "grey"), ("estimate", "s", "grey"), ("target", "D", "none"),
                                ("at least (以上, 突破)", "^", "none"), ("at most (以内)", "v", "none")):
        ax.scatter([], [], marker=marker, facecolors=face, edgecolors="grey", label=label)
    years = range(int(t["year"].min()), int(t["year"].max()) + 1)
    ax.set_xticks(list(years))
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    ax.set_title(f"{name} ({measure})" if place is None else f"{place} {name} ({measure})")
    ax.set_xlabel("year")
    ax.set_ylabel(shown)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.set_layout_engine("tight")  # laid out at draw time, skipped when cached
    return fig
