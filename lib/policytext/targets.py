"""Target tracking: targets and reported values per indicator and year, across documents.

Input is the DataFrame of :func:`policytext.quantities.quantities`.  Values are compared
after scaling the magnitude written in the unit (326.5亿元 = 3.265e10 元), so 亿元 and
万元 figures of the same indicator meet.
"""
from __future__ import annotations

import math

import pandas as pd

from .errors import ParameterError

__all__ = ["textstat_targets", "textstat_implied_growth", "textplot_timeline"]

_MAG = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
_NEEDED = ("doc", "label", "indicator", "measure", "value", "unit", "relation", "year")
_TRACKED = ("target", "achieved", "estimate")


def _split_unit(unit: str) -> tuple[float, str]:
    """'亿元' -> (1e8, '元'); '%' -> (1, '%')."""
    unit = unit or ""
    for prefix in ("万亿", "亿", "万", "千", "百"):
        if unit.startswith(prefix) and len(unit) > len(prefix) or unit == prefix:
            return _MAG[prefix], unit[len(prefix):]
    return 1.0, unit


def _check(q: pd.DataFrame) -> None:
    if not isinstance(q, pd.DataFrame):
        raise ParameterError("expected the DataFrame returned by quantities()")
    missing = [c for c in _NEEDED if c not in q.columns]
    if missing:
        raise ParameterError(f"quantities table lacks columns {missing}; pass the output of quantities()")


def _tracked(q: pd.DataFrame) -> pd.DataFrame:
    _check(q)
    t = q[q["label"].isin(_TRACKED) & q["year"].notna() & (q["indicator"].fillna("") != "")].copy()
    scale = t["unit"].fillna("").map(_split_unit)
    t["base_unit"] = [u for _, u in scale]
    t["scaled"] = [float(v) * m for v, (m, _) in zip(t["value"], scale)]
    t["year"] = t["year"].astype(int)
    return t


def _distinct(values) -> list[float]:
    out: list[float] = []
    for v in values:
        if not any(math.isclose(v, w, rel_tol=1e-6) for w in out):
            out.append(v)
    return out


def _group_flags(g: pd.DataFrame) -> dict:
    """Flags for one indicator/year/measure/unit group.  Only exact statements (relation
    '=') are compared: 首次突破300亿元 does not contradict 达到326.5亿元."""
    exact = g[g["relation"].fillna("=") == "="]
    reported = exact[exact["label"].isin(("achieved", "estimate"))]
    achieved = reported[reported["label"] == "achieved"]
    estimates = reported[reported["label"] == "estimate"]
    conflict_reported = False
    for doc, rows in achieved.groupby("doc"):
        others = achieved[achieved["doc"] != doc]
        if len(_distinct(list(rows["scaled"]) + list(others["scaled"]))) > len(_distinct(rows["scaled"])):
            if len(others):
                conflict_reported = True
    estimate_revised = bool(len(estimates) and len(achieved)) and any(
        not any(math.isclose(e, a, rel_tol=1e-6) for a in achieved["scaled"]) for e in estimates["scaled"])
    targets = g[g["label"] == "target"]
    keys = {(round(s, 9), r) for s, r in zip(targets["scaled"], targets["relation"].fillna("="))}
    conflict_target = targets["doc"].nunique() > 1 and len(keys) > 1
    if conflict_reported or conflict_target:
        status = "conflict"
    elif estimate_revised:
        status = "estimate revised"
    elif g["doc"].nunique() > 1:
        status = "consistent"
    else:
        status = "single source"
    return {"conflict_reported": conflict_reported, "estimate_revised": estimate_revised,
            "conflict_target": conflict_target, "status": status}


def textstat_targets(q: pd.DataFrame) -> pd.DataFrame:
    """Every target, estimate and achieved value per indicator and year across documents.

    One row per statement (doc, label, value, unit, relation, sentence, offsets), sorted by
    indicator, year and measure, with flags computed per indicator/year/measure/unit:
    ``conflict_reported`` (documents report different achieved values), ``estimate_revised``
    (an estimate differs from a reported value: a revision, not a conflict),
    ``conflict_target`` (documents set different targets) and ``status``.
    """
    t = _tracked(q)
    flag_cols = ["conflict_reported", "estimate_revised", "conflict_target", "status"]
    if t.empty:
        return pd.DataFrame(columns=["indicator", "year", "measure", "label", "doc", "value", "value_high",
                                     "unit", "relation", "scaled", "base_unit", *flag_cols])
    keys = ["indicator", "year", "measure", "base_unit"]
    flags = [{**dict(zip(keys, key)), **_group_flags(g)} for key, g in t.groupby(keys, dropna=False)]
    out = t.merge(pd.DataFrame(flags), on=keys, how="left")
    order = {"target": 0, "estimate": 1, "achieved": 2}
    out["_o"] = out["label"].map(order)
    out = out.sort_values(["indicator", "year", "measure", "_o", "doc"]).drop(columns="_o")
    first = ["indicator", "year", "measure", "label", "doc", "value", "value_high", "unit", "relation",
             "scaled", "base_unit", *flag_cols]
    rest = [c for c in out.columns if c not in first]
    return out[first + rest].reset_index(drop=True)


def textstat_implied_growth(q: pd.DataFrame) -> pd.DataFrame:
    """The annual growth a level target implies, next to the growth targets stated.

    For every level target (e.g. 地区生产总值 500亿元 by 2026) the base is the latest exact
    reported level of the same indicator before the target year — from the same document
    when it has one, else from any document.  ``implied_growth`` is the compound annual
    rate in percent: (target / base) ** (1 / years) - 1.  ``stated_growth`` lists the
    growth targets (measure 'change', unit %) stated for the indicator, with their years.
    """
    t = _tracked(q)
    cols = ["indicator", "base_year", "base_value", "base_label", "base_doc", "target_year", "target_value",
            "target_relation", "target_doc", "unit", "years", "implied_growth", "stated_growth",
            "stated_growth_min", "stated_growth_max"]
    if t.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    # stocks only: a count of new things (新增就业3.94万人 over five years) is a flow
    levels = t[t["measure"] == "level"]
    growth = t[(t["label"] == "target") & (t["measure"] == "change") & (t["base_unit"] == "%")]
    for _, tgt in levels[levels["label"] == "target"].iterrows():
        base = levels[(levels["indicator"] == tgt["indicator"]) & (levels["base_unit"] == tgt["base_unit"])
                      & levels["label"].isin(("achieved", "estimate")) & (levels["relation"].fillna("=") == "=")
                      & (levels["year"] < tgt["year"])]
        if base.empty:
            continue
        same = base[base["doc"] == tgt["doc"]]
        pool = same if not same.empty else base
        pool = pool.assign(_a=(pool["label"] == "achieved").astype(int)).sort_values(["year", "_a"])
        b = pool.iloc[-1]
        years = int(tgt["year"]) - int(b["year"])
        if b["scaled"] <= 0 or years <= 0:
            continue
        rate = ((tgt["scaled"] / b["scaled"]) ** (1 / years) - 1) * 100
        stated = growth[growth["indicator"] == tgt["indicator"]]
        stated_txt = "; ".join(f"{v:g}%{'' if r in ('=', None) else ' ' + r} ({y}, {d})" for v, r, y, d in
                               zip(stated["value"], stated["relation"], stated["year"], stated["doc"]))
        rows.append({
            "indicator": tgt["indicator"], "base_year": int(b["year"]), "base_value": b["value"],
            "base_label": b["label"], "base_doc": b["doc"], "target_year": int(tgt["year"]),
            "target_value": tgt["value"], "target_relation": tgt["relation"], "target_doc": tgt["doc"],
            "unit": tgt["unit"], "years": years, "implied_growth": round(rate, 2),
            "stated_growth": stated_txt,
            "stated_growth_min": float(stated["value"].min()) if len(stated) else float("nan"),
            "stated_growth_max": float(stated["value"].max()) if len(stated) else float("nan"),
        })
    return pd.DataFrame(rows, columns=cols)


def textplot_timeline(q: pd.DataFrame, indicator: str, *, measure: str | None = None, ax=None):
    """Targets, estimates and achieved values of one indicator across years, one colour per
    document (○ achieved, □ estimate, △ target; ▲ for a floor, ▼ for a ceiling).
    Returns the matplotlib Figure."""
    import matplotlib.pyplot as plt

    from .indicators import canonical_indicator

    t = _tracked(q)
    name = canonical_indicator(indicator)
    t = t[t["indicator"] == name]
    if t.empty:
        raise ParameterError(f"no values with a year for indicator {indicator!r}")
    if measure is None:
        measure = t["measure"].mode().iloc[0]
    t = t[t["measure"] == measure]
    unit = t["base_unit"].mode().iloc[0]
    t = t[t["base_unit"] == unit]
    # show in the magnitude written most often (亿元 rather than 元)
    shown = t["unit"].mode().iloc[0]
    factor, _ = _split_unit(shown)
    try:
        from .fonts import use_cjk_font
        use_cjk_font()
    except Exception:  # no Chinese font: plain matplotlib, labels may show boxes
        pass
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 4))
    else:
        fig = ax.figure
    markers = {"achieved": "o", "estimate": "s"}
    target_markers = {">=": "^", "<=": "v"}
    for i, (doc, rows) in enumerate(t.groupby("doc")):
        color = f"C{i % 10}"
        for _, r in rows.iterrows():
            marker = target_markers.get(r["relation"], "D") if r["label"] == "target" else markers[r["label"]]
            filled = r["label"] != "target"
            ax.scatter(r["year"], r["scaled"] / factor, marker=marker, s=60,
                       facecolors=color if filled else "none", edgecolors=color)
        ax.plot([], [], color=color, marker="o", linestyle="", label=str(doc))
    for label, marker in (("achieved", "o"), ("estimate", "s"), ("target", "D")):
        ax.scatter([], [], marker=marker, facecolors="none", edgecolors="grey", label=label)
    ax.set_title(f"{name} ({measure})")
    ax.set_xlabel("year")
    ax.set_ylabel(shown)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
