"""Across places: one year's targets side by side, with each place's plan-period average.

:func:`textstat_crosssection` gives one row per place for an indicator, measure and year
(by default 2026 GDP growth): the annual target, and the average annual rate the place
set for the plan period containing that year (年均增长5%左右 over 2026–2030), kept apart.
:func:`textstat_shared_indicators` lists the indicators that at least ``k`` places set
targets for, so the same cross-section can be drawn for any of them.
:func:`textplot_crosssection` draws the cross-section as a dot chart.
"""
from __future__ import annotations

import pandas as pd

from .attainment import textstat_attainment
from .targets import unit_scale
from .errors import ParameterError
from .figures import cached_figure

__all__ = ["textstat_crosssection", "textstat_shared_indicators", "textplot_crosssection",
           "CROSSSECTION_COLUMNS", "main_unit"]

CROSSSECTION_COLUMNS = [
    "place", "indicator", "measure", "year", "target", "target_high", "relation", "unit", "doc", "start", "end",
    "sentence", "other_targets", "average", "average_high", "average_relation", "average_period", "average_doc",
    "average_start", "average_sentence", "difference",
]


def _table(q, corpus, table):
    return table if table is not None else textstat_attainment(q, corpus=corpus)


def textstat_crosssection(q: pd.DataFrame | None = None, *, corpus=None, indicator: str = "地区生产总值",
                          measure: str = "change", year: int | None = None,
                          table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per place: its ``year`` target for ``indicator``/``measure`` and, apart from
    it, the plan-period average (``avg_change`` target whose period contains ``year``) when
    ``measure`` is 'change'.

    ``year`` defaults to the year most places set a target for.  ``difference`` = annual
    target - average (low ends of ranges).  ``other_targets`` lists any other annual
    values found for the same place and year (a second statement is a warning sign).
    Pass ``table=`` (a :func:`~policytext.attainment.textstat_attainment` result) to skip
    recomputing it.  Places without an annual target but with an average are kept.
    """
    from .indicators import canonical_indicator

    a = _table(q, corpus, table)
    name = canonical_indicator(indicator)
    annual = a[(a["indicator"] == name) & (a["measure"] == measure) & a["target"].notna() & a["year"].notna()]
    if year is None and not annual.empty:
        counts = annual.groupby("year")["place"].nunique()
        year = int(counts[counts == counts.max()].index.max())
    if year is None:
        return pd.DataFrame(columns=CROSSSECTION_COLUMNS)
    annual = annual[annual["year"] == year]
    avg = a[(a["indicator"] == name) & (a["measure"] == "avg_change") & a["target"].notna()
            & (a["period_start"].fillna(year) <= year) & (a["period_end"] >= year)] if measure == "change" \
        else a.iloc[0:0]
    rows = []
    for place in sorted(set(annual["place"]) | set(avg["place"])):
        r = annual[annual["place"] == place]
        m = avg[avg["place"] == place].sort_values("period_end")
        row = {"place": place, "indicator": name, "measure": measure, "year": year}
        if not r.empty:
            r = r.iloc[0]
            row.update(target=r["target"], target_high=r["target_high"], relation=r["relation"], unit=r["unit"],
                       doc=r["target_doc"], start=r["target_start"], end=r["target_end"],
                       sentence=r["target_sentence"], other_targets=r["other_targets"])
        if not m.empty:
            m = m.iloc[-1]
            row.update(average=m["target"], average_high=m["target_high"], average_relation=m["relation"],
                       average_period=m["period"], average_doc=m["target_doc"], average_start=m["target_start"],
                       average_sentence=m["target_sentence"])
            row.setdefault("unit", m["unit"])
        rows.append(row)
    out = _in_one_unit(pd.DataFrame(rows).reindex(columns=CROSSSECTION_COLUMNS))
    out["difference"] = out["target"] - out["average"]
    for c in ("year", "start", "end", "average_start"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("Int64")
    return out.sort_values(["target", "place"], ascending=[False, True], na_position="last").reset_index(drop=True)


def _in_one_unit(out: pd.DataFrame) -> pd.DataFrame:
    """Values in the unit most places write, where a place writes another of the same kind
    (粮食产量1300亿斤 against 1300万吨: 6500万吨); a unit of another kind stays as written."""
    from .targets import unit_scale

    if out["unit"].dropna().nunique() <= 1:
        return out
    main = main_unit(out["unit"])
    main_factor, kind = unit_scale(main)
    for i, unit in out["unit"].items():
        factor, its_kind = unit_scale(unit)
        if isinstance(unit, str) and unit != main and its_kind == kind:
            for c in ("target", "target_high", "average", "average_high"):
                value = pd.to_numeric(out.at[i, c], errors="coerce")
                out.at[i, c] = value * factor / main_factor
            out.at[i, "unit"] = main
    return out


def main_unit(units: pd.Series) -> str | None:
    """The unit most places write (on a tie, the first in sorted order, as pandas gives modes); None if none."""
    modes = units.dropna().mode()
    return modes.iloc[0] if len(modes) else None


def textstat_shared_indicators(q: pd.DataFrame | None = None, *, corpus=None, k: int = 2, year: int | None = None,
                               table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Indicators (with measure) that at least ``k`` places set a yearly target for (in
    ``year``, or any year): indicator, measure, year, places (count), place_list; most
    shared first.  The input of a cross-section for each of them. Places count in one unit, the
    one most of them write (units of one kind are one: 万人 and 人): 30项 and 10件 of 民生实事
    are two scales, as the cross-section's sentence and chart read them."""
    a = _table(q, corpus, table)
    t = a[a["target"].notna() & a["year"].notna()]
    if year is not None:
        t = t[t["year"] == year]
    cols = ["indicator", "measure", "year", "places", "place_list"]
    if t.empty:
        return pd.DataFrame(columns=cols)
    t = t.assign(_kind=[unit_scale(u)[1] for u in t["unit"]])
    kinds = t.groupby(["indicator", "measure", "year", "_kind"])["place"].transform("nunique")
    most = kinds.groupby([t["indicator"], t["measure"], t["year"]]).transform("max")
    # the kind most places write (a tie: the first in sorted order)
    t = t[kinds == most]
    t = t[t["_kind"] == t.groupby(["indicator", "measure", "year"])["_kind"].transform("min")]
    g = t.groupby(["indicator", "measure", "year"])["place"].agg(
        places="nunique", place_list=lambda s: "、".join(sorted(set(s)))).reset_index()
    g = g[g["places"] >= k].sort_values(["places", "year", "indicator"], ascending=[False, False, True])
    return g[cols].reset_index(drop=True)


# how each relation is drawn, and what the legend calls it
_RELATION_MARKERS = {"=": ("o", "as written"), "~": ("o", "about (左右)"),
                     ">=": ("^", "at least (以上)"), "<=": ("v", "at most (以内)")}
_SERIES = {"target": ("#2171b5", 0.14), "average": ("#e6550d", -0.14)}    # colour, offset from the line


@cached_figure
def textplot_crosssection(table: pd.DataFrame, *, ax=None):
    """Dot chart of a :func:`textstat_crosssection` table: one line per place, the annual
    target (blue) just above it and the plan-period average (年均, orange) just below, so
    that two ranges never hide each other. The marker says how the figure was written
    (● as written, ○ 左右, ▲ 以上, ▼ 以内); a range is a bar from low to high. Returns the
    matplotlib Figure."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if table.empty or (table["target"].isna().all() and table["average"].isna().all()):
        raise ParameterError("the cross-section is empty: no place sets this target")
    from .fonts import use_cjk_font

    use_cjk_font()
    # one axis, one unit: the unit most places write (textstat_crosssection converts those of the
    # same kind); the title counts the places left out
    main = main_unit(table["unit"])
    other = table["unit"].notna() & (table["unit"] != main)
    t = table[~other].iloc[::-1].reset_index(drop=True)  # highest target on top
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 0.45 * len(t) + 1.8))
    else:
        fig = ax.figure
    year = int(t["year"].iloc[0])
    names = {"target": f"{year} target", "average": "plan-period average (年均)"}
    handles, seen = [], set()
    for series, (colour, offset) in _SERIES.items():
        relation = t["relation" if series == "target" else "average_relation"]
        for y, low, high, rel in zip(range(len(t)), t[series], t[f"{series}_high"], relation):
            if pd.isna(low):
                continue
            if not pd.isna(high):
                ax.plot([low, high], [y + offset] * 2, color=colour, linewidth=4, alpha=0.45,
                        solid_capstyle="butt")
                seen.add("range")
            marker = _RELATION_MARKERS.get(rel, _RELATION_MARKERS["="])
            ax.scatter([low], [y + offset], marker=marker[0], edgecolors=colour, zorder=3,
                       facecolors="white" if rel == "~" else colour, linewidths=1.5)
            seen.add(rel if rel in _RELATION_MARKERS else "=")
        if t[series].notna().any():
            handles.append(Line2D([], [], color=colour, marker="o", linestyle="", label=names[series]))
    handles += [Line2D([], [], color="#555555", marker=m, linestyle="", label=label,
                       markerfacecolor="white" if rel == "~" else "#555555")
                for rel, (m, label) in _RELATION_MARKERS.items() if rel in seen]
    if "range" in seen:
        handles.append(Line2D([], [], color="#555555", linewidth=4, alpha=0.45, label="range (low to high)"))
    ax.set_yticks(list(range(len(t))), t["place"])
    ax.set_ylim(-0.6, len(t) - 0.4)
    unit = t["unit"].dropna()
    ax.set_xlabel(unit.iloc[0] if len(unit) else "")
    left_out = f"\n({int(other.sum())} written in other units left out)" if other.any() else ""
    ax.set_title(f"{t['indicator'].iloc[0]} ({t['measure'].iloc[0]}), {year}: targets by place" + left_out)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(handles=handles, fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.set_layout_engine("tight")  # laid out at draw time, skipped when cached
    return fig
