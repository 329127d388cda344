"""Revisions across years: the same figure stated differently in documents of different years.

:func:`textstat_revisions` lists, with both values and both sentences:

- ``estimate replaced``: a preliminary figure (预计) of a year, and the final figure a
  later document reports for the same place, indicator, measure and year, when they
  differ beyond rounding;
- ``revision``: two documents of different dates report different achieved values of the
  same finished year (the later one revises the earlier);
- ``differs``: two documents of the same date (or of unknown order) disagree;
- ``restated base``: a level reported by a later document sits so far from the level an
  earlier document reported for an earlier year that the growth it implies departs from
  the growth reported for that year by more than ``threshold`` percentage points a year
  (海拉尔区: GDP 303.6亿元 in 2016, 192.3亿元 in 2018 with growth of 6.0% — the series was
  restated after 剔除虚增空转因素).  Nominal levels and real growth differ by a few points;
  a restated base by tens.

Only exact statements (relation '=') are compared: 突破300亿元 revises nothing.
"""
from __future__ import annotations

import pandas as pd

from .attainment import _prepare
from .targets import _agree, _check, _decimals

__all__ = ["textstat_revisions", "REVISION_COLUMNS"]

REVISION_COLUMNS = [
    "place", "indicator", "measure", "year", "kind", "earlier_value", "later_value", "unit", "change_pct",
    "implied_growth", "stated_growth", "earlier_year", "earlier_doc", "earlier_label", "earlier_start",
    "earlier_end", "earlier_sentence", "later_year", "later_doc", "later_label", "later_start", "later_end",
    "later_sentence", "later_unit",
]
_KIND_ORDER = {"restated base": 0, "revision": 1, "estimate replaced": 2, "differs": 3}


def _statements(q: pd.DataFrame, corpus) -> pd.DataFrame:
    """One exact reported statement per document and key: the achieved value if the
    document has one (else its estimate), its first statement by offset."""
    t = _prepare(q, corpus)
    t = t[t["label"].isin(("achieved", "estimate")) & t["year"].notna() & (t["_exact"] == 1)].copy()
    t["_scaled"] = t["value"].astype(float) * t["_mag"]
    t["_tol"] = [m * 10.0 ** -_decimals(v) / 2 for v, m in zip(t["value"], t["_mag"])]
    t["_a"] = (t["label"] == "achieved").astype(int)
    t = t.sort_values(["_a", "start"], ascending=[False, True], na_position="last")
    return t.drop_duplicates(["place", "indicator", "measure", "year", "_base", "doc"])


def _side(r, prefix: str) -> dict:
    return {f"{prefix}_year": r["year"], f"{prefix}_doc": r["doc"], f"{prefix}_label": r["label"],
            f"{prefix}_start": r["start"], f"{prefix}_end": r["end"], f"{prefix}_sentence": r["sentence"]}


def _pair(e, later, kind: str, **extra) -> dict:
    return {"place": later["place"], "indicator": later["indicator"], "measure": later["measure"],
            "year": later["year"], "kind": kind, "earlier_value": e["value"], "later_value": later["value"],
            "unit": e["unit"], "later_unit": later["unit"],
            "change_pct": round((later["_scaled"] / e["_scaled"] - 1) * 100, 2) if e["_scaled"] else float("nan"),
            **_side(e, "earlier"), **_side(later, "later"), **extra}


def _kind(e, later) -> str:
    if pd.isna(e["_date"]) or pd.isna(later["_date"]) or e["_date"] == later["_date"]:
        return "differs"
    if e["label"] == "estimate" and later["label"] == "achieved":
        return "estimate replaced"
    return "revision" if later["label"] == "achieved" else "differs"


def _same_year(s: pd.DataFrame) -> list[dict]:
    """Each document's figure against the figure of the document just before it."""
    out = []
    for _, g in s.groupby(["place", "indicator", "measure", "year", "_base"], sort=False):
        if g["doc"].nunique() < 2:
            continue
        g = g.sort_values(["_date", "doc"], na_position="last")
        for (_, e), (_, later) in zip(g.iloc[:-1].iterrows(), g.iloc[1:].iterrows()):
            if not _agree(e["_scaled"], e["_tol"], later["_scaled"], later["_tol"]):
                out.append(_pair(e, later, _kind(e, later)))
    return out


def _growth_reported(s: pd.DataFrame) -> dict:
    """(place, indicator, year) -> reported growth in % (the latest document's)."""
    g = s[(s["measure"] == "change") & (s["_base"] == "%")].sort_values("_date", na_position="first")
    return {(p, i, int(y)): float(v) for p, i, y, v in zip(g["place"], g["indicator"], g["year"], g["value"])}


def _restated(s: pd.DataFrame, threshold: float, max_gap: int) -> list[dict]:
    """Level pairs (earlier document, earlier year) -> (later document, later year) whose
    implied annual growth departs from the growth reported for the later year."""
    growth = _growth_reported(s)
    out = []
    levels = s[(s["measure"] == "level") & s["_date"].notna()]
    for _, g in levels.groupby(["place", "indicator", "_base"], sort=False):
        for _, later in g.iterrows():
            stated = growth.get((later["place"], later["indicator"], int(later["year"])))
            earlier = g[(g["_date"] < later["_date"]) & (g["year"] < later["year"])
                        & (g["year"] >= later["year"] - max_gap) & (g["_scaled"] > 0)]
            if stated is None or earlier.empty or later["_scaled"] <= 0:
                continue
            # the latest year before, as its latest document states it
            e = earlier.sort_values(["year", "_date"]).iloc[-1]
            # that document's own later figures are on its own base: only the first break counts
            if (g[(g["doc"] == later["doc"]) & (g["year"] < later["year"]) & (g["year"] >= e["year"])]).shape[0]:
                continue
            years = int(later["year"]) - int(e["year"])
            implied = ((later["_scaled"] / e["_scaled"]) ** (1 / years) - 1) * 100
            if abs(implied - stated) > threshold:
                out.append(_pair(e, later, "restated base", implied_growth=round(implied, 2),
                                 stated_growth=stated))
    return out


def textstat_revisions(q: pd.DataFrame, *, corpus=None, threshold: float = 10.0, max_gap: int = 3) -> pd.DataFrame:
    """Figures restated across documents: one row per pair of statements (see the module
    doc for the kinds), with both values, both documents, offsets and sentences.

    ``threshold``: percentage points a year by which the growth implied by two levels
    must depart from the reported growth to count as a restated base; ``max_gap``: the
    most years between the two levels compared.  ``change_pct`` = later / earlier - 1 in
    percent (magnitudes converted).  Place and document order as in
    :func:`policytext.attainment.textstat_attainment`.  Columns: :data:`REVISION_COLUMNS`,
    restated bases first.
    """
    _check(q)
    s = _statements(q, corpus)
    rows = _same_year(s) + _restated(s, threshold, max_gap) if not s.empty else []
    if not rows:
        return pd.DataFrame(columns=REVISION_COLUMNS)
    out = pd.DataFrame(rows).reindex(columns=REVISION_COLUMNS)
    for c in ("year", "earlier_year", "later_year", "earlier_start", "earlier_end", "later_start", "later_end"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("Int64")
    out["_o"] = out["kind"].map(_KIND_ORDER)
    return out.sort_values(["_o", "place", "indicator", "measure", "year"]).drop(columns="_o").reset_index(drop=True)
