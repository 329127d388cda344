"""Revisions across years: the same figure stated differently in documents of different years.

:func:`textstat_revisions` lists, with both values and both sentences:

- ``estimate replaced``: a preliminary figure (预计) of a year, and the final figure a
  later document reports for the same place, indicator, measure and year, when they
  differ beyond rounding;
- ``revision``: two documents of different dates report different achieved values of the
  same finished year (the later one revises the earlier);
- ``differs``: two documents of the same date (or of unknown order) disagree;
- ``restated base``: a level reported by a later document sits so far from the level an
  earlier document reported for an earlier year that the growth the reports state for the
  years between cannot explain it: what is left over, spread over the years for which no
  report states growth (or over all of them), departs by more than ``threshold`` percentage
  points a year (海拉尔区: GDP 303.6亿元 in 2016, 192.3亿元 in 2018 with growth of 6.0% and none
  stated for 2017, which would need −40.2% — the series was restated after 剔除虚增空转因素).
  With no growth stated for any of those years, a pair counts only when the later sentence
  says the figure was restated (剔除虚增空转因素后完成10.4亿元, 按新口径), or when a statistic of the
  indicator registry falls by more than FALL_BOUND (25%) a year (规模以上工业总产值 235.4亿元 for 2011,
  137.8亿元 for 2012: the page says a restated base, or a change of that size).  Nominal levels and
  real growth differ by a few points; a restated base by tens.  ``restatement_cue`` gives the
  words that name the restatement, with the document, raw offset and sentence: the later
  sentence's own, else, for a fall, those of a report between the two that says its figures were
  put right (海拉尔 2018: 解决经济数据不实和财政收入虚增空转等…问题).

Only exact statements (relation '=') are compared: 突破300亿元 revises nothing.
"""
from __future__ import annotations

import re

import pandas as pd

from .attainment import _prepare
from .targets import check_quantities, values_agree, written_decimals

__all__ = ["textstat_revisions", "REVISION_COLUMNS"]

REVISION_COLUMNS = [
    "place", "indicator", "measure", "year", "kind", "earlier_value", "later_value", "unit", "change_pct",
    "implied_growth", "stated_growth", "unexplained_growth", "unstated_years", "restatement_cue", "restatement_doc",
    "restatement_start", "restatement_sentence", "earlier_year",
    "earlier_doc", "earlier_label", "earlier_start", "earlier_end", "earlier_sentence", "later_year", "later_doc",
    "later_label", "later_start", "later_end", "later_sentence", "later_unit",
]
_KIND_ORDER = {"restated base": 0, "revision": 1, "estimate replaced": 2, "differs": 3}


def _statements(q: pd.DataFrame, corpus) -> pd.DataFrame:
    """One exact reported statement per document and key: the achieved value if the
    document has one (else its estimate), its first statement by offset."""
    t = _prepare(q, corpus)
    t = t[t["label"].isin(("achieved", "estimate")) & t["year"].notna() & (t["_exact"] == 1)].copy()
    t["_scaled"] = t["value"].astype(float) * t["_mag"]
    t["_tol"] = [m * 10.0 ** -written_decimals(v) / 2 for v, m in zip(t["value"], t["_mag"])]
    t["_a"] = (t["label"] == "achieved").astype(int)
    t = t.sort_values(["_a", "start"], ascending=[False, True], na_position="last")
    return t.drop_duplicates(["place", "indicator", "measure", "year", "_base", "doc"])


def _side(r: dict, prefix: str) -> dict:
    return {f"{prefix}_{k}": r[k] for k in ("year", "doc", "label", "start", "end", "sentence")}


def _pair(e: dict, later: dict, kind: str, **extra) -> dict:
    return {"place": later["place"], "indicator": later["indicator"], "measure": later["measure"],
            "year": later["year"], "kind": kind, "earlier_value": e["value"], "later_value": later["value"],
            "unit": e["unit"], "later_unit": later["unit"],
            "change_pct": round((later["_scaled"] / e["_scaled"] - 1) * 100, 2) if e["_scaled"] else float("nan"),
            **_side(e, "earlier"), **_side(later, "later"), **extra}


def _known(date) -> bool:
    return date is not None and date == date


def _kind(e: dict, later: dict) -> str:
    if not (_known(e["_date"]) and _known(later["_date"])) or e["_date"] == later["_date"]:
        return "differs"
    if e["label"] == "estimate" and later["label"] == "achieved":
        return "estimate replaced"
    return "revision" if later["label"] == "achieved" else "differs"


def _groups(records: list[dict], keys: tuple) -> dict[tuple, list[dict]]:
    groups: dict[tuple, list[dict]] = {}
    for r in records:
        groups.setdefault(tuple(r[k] for k in keys), []).append(r)
    return groups


def _same_year(records: list[dict]) -> list[dict]:
    """Each document's figure against the figure of the document just before it."""
    out = []
    for g in _groups(records, ("place", "indicator", "measure", "year", "_base")).values():
        if len({r["doc"] for r in g}) < 2:
            continue
        g = sorted(g, key=lambda r: (r["_date"] if _known(r["_date"]) else float("inf"), str(r["doc"])))
        for e, later in zip(g, g[1:]):
            if not values_agree(e["_scaled"], e["_tol"], later["_scaled"], later["_tol"]):
                out.append(_pair(e, later, _kind(e, later)))
    return out


def _growth_reported(records: list[dict]) -> dict:
    """(place, indicator, year) -> reported growth in % (the latest document's)."""
    g = [r for r in records if r["measure"] == "change" and r["_base"] == "%"]
    g.sort(key=lambda r: r["_date"] if _known(r["_date"]) else float("-inf"))
    return {(r["place"], r["indicator"], int(r["year"])): float(r["value"]) for r in g}


# A sentence that says its figure is on a new base: 剔除虚增空转因素后完成10.4亿元, 按新口径, 核减
_RESTATEMENT_CUE = re.compile(r"剔除[\u4e00-\u9fff]{0,10}?因素|挤[出掉]?水分|核减|新口径|口径调整|调整口径|统计口径")


# …and a report between the two that says its figures were put right (解决经济数据不实和财政收入虚增空转等
# 问题, 海拉尔 2018): the district names the restatement, though not in the later sentence
_DATA_PUT_RIGHT = re.compile(_RESTATEMENT_CUE.pattern + r"|虚增空转|数据不实|数据造假|统计造假|数据注水")


def _put_right(corpus, records: list[dict]) -> dict[str, list[tuple]]:
    """place -> (document date, document, cue, raw offset, sentence) of each sentence that says
    figures were restated or put right, in the documents that state figures."""
    if corpus is None:
        return {}
    dated = {r["doc"]: (r["place"], r["_date"]) for r in records if _known(r["_date"])}
    out: dict[str, list[tuple]] = {}
    for doc in corpus:
        if doc.id not in dated:
            continue
        place, date = dated[doc.id]
        for m in _DATA_PUT_RIGHT.finditer(doc.clean):
            sentence = doc.sentence_at(m.start())
            out.setdefault(place, []).append((date, doc.id, m.group(), doc.to_raw(m.start()),
                                              sentence.text if sentence else ""))
    return out


def _cue(e: dict, later: dict, notes: dict[str, list[tuple]]) -> dict:
    """The restatement the later sentence names, else one a report after the earlier and up to
    the later one names (its first): cue, document, raw offset and sentence; {} when none."""
    own = _RESTATEMENT_CUE.search(str(later["sentence"]))
    if own:
        start = next((n[3] for n in notes.get(later["place"], []) if n[1] == later["doc"] and n[2] == own.group()
                      and n[4] == later["sentence"]), None)        # (without the corpus, no offset)
        return {"restatement_cue": own.group(), "restatement_doc": later["doc"], "restatement_start": start,
                "restatement_sentence": later["sentence"]}
    for date, doc, cue, start, sentence in notes.get(later["place"], []):
        if e["_date"] < date <= later["_date"]:
            return {"restatement_cue": cue, "restatement_doc": doc, "restatement_start": start,
                    "restatement_sentence": sentence}
    return {}


FALL_BOUND = 25.0   # % a year: a fall of levels no report explains that is listed without stated growth


def _unexplained(e: dict, later: dict, growth: dict, *, said: bool) -> tuple[float, list[int], float | None] | None:
    """(change a year the stated growth leaves unexplained, the years without stated growth, the
    later year's stated growth) between two levels; None when no growth is stated and the later
    sentence does not say it restates (``said``), unless the levels fall by more than FALL_BOUND a year."""
    years = range(int(e["year"]) + 1, int(later["year"]) + 1)
    stated = {y: growth.get((later["place"], later["indicator"], y)) for y in years}
    unstated = [y for y, g in stated.items() if g is None]
    if len(unstated) == len(stated) and not said:
        # no growth stated for any year: only a registry statistic's fall beyond FALL_BOUND a year is
        # listed (规模以上工业总产值 235.4亿元 for 2011, then 137.8亿元 for 2012); a year's amount of a
        # programme (小额担保贷款, 保障性住房投资) may fall that much, and rises that size happen
        from .indicators import indicator_registry

        rate = ((later["_scaled"] / e["_scaled"]) ** (1 / len(stated)) - 1) * 100
        statistic = later["indicator"] in indicator_registry().names
        return (rate, unstated, None) if statistic and rate < -FALL_BOUND else None
    factor = later["_scaled"] / e["_scaled"]
    for g in stated.values():
        if g is not None:
            factor /= 1 + g / 100
    rate = (factor ** (1 / (len(unstated) or len(stated))) - 1) * 100
    return rate, unstated, stated[int(later["year"])]


def _restated(records: list[dict], threshold: float, max_gap: int, notes: dict) -> list[dict]:
    """Level pairs (earlier document, earlier year) -> (later document, later year) whose change
    the growth stated for the years between leaves unexplained by more than ``threshold``."""
    growth = _growth_reported(records)
    levels = [r for r in records if r["measure"] == "level" and _known(r["_date"]) and r["_scaled"] > 0]
    out = []
    for g in _groups(levels, ("place", "indicator", "_base")).values():
        for later in g:
            earlier = [r for r in g if r["_date"] < later["_date"]
                       and later["year"] - max_gap <= r["year"] < later["year"]]
            if not earlier:
                continue
            # the latest year before, as its latest document states it
            e = max(earlier, key=lambda r: (r["year"], r["_date"]))
            # a document's own earlier figures are on its own base: then the same-year
            # comparison (a revision) says it, not a growth rate
            if any(r["doc"] == later["doc"] and e["year"] <= r["year"] < later["year"] for r in g):
                continue
            cue = _cue(e, later, notes)
            # only the later sentence's own words let a pair in without stated growth; a report between
            # that names a clean-up (数据不实, 虚增空转) explains a fall, never a rise
            own = bool(cue) and cue["restatement_sentence"] == later["sentence"]
            found = _unexplained(e, later, growth, said=own)
            if cue and not own and later["_scaled"] >= e["_scaled"]:
                cue = {}
            if found is None or abs(found[0]) <= threshold:
                continue
            rate, unstated, stated = found
            years = int(later["year"]) - int(e["year"])
            implied = ((later["_scaled"] / e["_scaled"]) ** (1 / years) - 1) * 100
            out.append(_pair(e, later, "restated base", implied_growth=round(implied, 2),
                             stated_growth=float("nan") if stated is None else stated,
                             unexplained_growth=round(rate, 2), unstated_years=", ".join(map(str, unstated)),
                             **({"restatement_cue": ""} | cue)))
    return out


def textstat_revisions(q: pd.DataFrame, *, corpus=None, threshold: float = 10.0, max_gap: int = 3) -> pd.DataFrame:
    """Figures restated across documents: one row per pair of statements (see the module
    doc for the kinds), with both values, both documents, offsets and sentences.

    ``threshold``: percentage points a year of change between two levels that the reported
    growth leaves unexplained, for a restated base (``unexplained_growth``, over
    ``unstated_years`` when some years have no stated growth); ``max_gap``: the
    most years between the two levels compared.  ``change_pct`` = later / earlier - 1 in
    percent (magnitudes converted).  Place and document order as in
    :func:`policytext.attainment.textstat_attainment`.  Columns: :data:`REVISION_COLUMNS`,
    restated bases first.
    """
    check_quantities(q)
    records = _statements(q, corpus).to_dict("records")  # plain dicts: per-group frames are slow
    rows = _same_year(records) + _restated(records, threshold, max_gap, _put_right(corpus, records))
    if not rows:
        return pd.DataFrame(columns=REVISION_COLUMNS)
    out = pd.DataFrame(rows).reindex(columns=REVISION_COLUMNS)
    for c in ("year", "earlier_year", "later_year", "earlier_start", "earlier_end", "later_start", "later_end",
              "restatement_start"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("Int64")
    out["_o"] = out["kind"].map(_KIND_ORDER)
    return out.sort_values(["_o", "place", "indicator", "measure", "year"]).drop(columns="_o").reset_index(drop=True)
