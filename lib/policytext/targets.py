"""Target tracking: targets and reported values per indicator and year, across documents.

Input is the DataFrame of :func:`policytext.quantities.quantities`.  Values are compared
after scaling the magnitude written in the unit (326.5亿元 = 3.265e10 元), so 亿元 and
万元 figures of the same indicator meet.

Periods: a quantity holds for one year (``year``; ``period_start == period_end``) or for a
span (``period_start``–``period_end``, e.g. 年均增长5% over 2026–2030, measure
``avg_change``).  The annual tables here (targets, consistency, implied growth) use
single-year rows only, so a five-year average never stands for an annual target or
result.  Tables from extractors without period columns are read with
``period_start = period_end = year``, except a change written after 年均/年平均 in its
clause: that is an ``avg_change`` with no single year (see :func:`quantities_periods`).
Attainment, revisions and cross-sections live in ``attainment``, ``revisions`` and
``crosssection``.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from .errors import ParameterError
from .figures import cached_figure
from .indicators import counted_as
from .numbers import split_unit, written_fan

__all__ = ["textstat_targets", "textstat_city_targets", "textstat_consistency", "textstat_implied_growth",
           "textplot_implied_growth", "quantities_periods", "unit_scale", "doc_dates",
           # shared with attainment, revisions and timeline
           "check_quantities", "doc_places", "places_of", "tracked_statements", "values_agree", "written_decimals"]

_NEEDED = ("doc", "label", "indicator", "measure", "value", "unit", "relation", "year")
_TRACKED = ("target", "achieved", "estimate")
# A bare generic noun (19家企业, 57个项目) says what is counted only with its sentence: two
# documents' 企业 are seldom the same companies, so such rows are never paired across documents.
TOO_GENERIC = frozenset(["企业", "项目", "问题", "单位", "工程", "地区", "县区", "国家和地区",
                         # what a name ends in, when nothing before it is left (总量 of what?)
                         "总量", "占比", "比重", "规模", "数量", "资金"])


# 高于全国2.3个百分点: a gap to a benchmark, whose indicator the clause before names
_BARE_COMPARISON = r"^(?:高于|低于|快于|慢于|领先|超出)(?:全国|全省|全市|全区|全州)?(?:平均(?:水平|值)?)?$"


def trackable(indicators: pd.Series) -> pd.Series:
    """True where the indicator can be followed across documents: named, and neither a bare
    generic noun (TOO_GENERIC) nor a bare comparison (高于全国)."""
    names = indicators.fillna("").astype(str)
    return (names != "") & ~names.isin(TOO_GENERIC) & ~names.str.contains(_BARE_COMPARISON)


def tracked_rows(q: pd.DataFrame) -> pd.Series:
    """True for the quantities a tracker follows: a target, result or estimate with a trackable
    indicator, and neither an attribute (大唐700万吨露天矿 names a mine; the next report's 大唐700万吨
    露天矿完成核准 is no result of a 700万吨 target) nor a gap to a benchmark (高于全国0.8个百分点
    is no growth rate of its own)."""
    untracked = q["measure"].isin(_UNTRACKED_MEASURES) if "measure" in q.columns else False
    return q["label"].isin(_TRACKED) & trackable(q["indicator"]) & ~untracked


_UNTRACKED_MEASURES = ("attribute", "benchmark_gap")


# Units of one kind that reports write differently (粮食产量1300亿斤 here, 1300万吨 there): what
# one of them is in the unit that stands for the kind.
SAME_KIND = {"斤": (0.0005, "吨"), "公斤": (0.001, "吨"), "千克": (0.001, "吨"),
             "亩": (2000 / 3, "平方米"), "公顷": (1e4, "平方米"), "平方公里": (1e6, "平方米"),
             "平方千米": (1e6, "平方米"), "千米": (1.0, "公里"), "方": (1.0, "立方米"),
             "成": (10.0, "%")}           # 八成 = 80%


def unit_scale(unit: str) -> tuple[float, str]:
    """The magnitude written in a unit and the unit without it, by the one magnitude
    table (numbers.MAGNITUDES): '亿元' -> (1e8, '元'), '百万元' -> (1e6, '元'),
    '万人' -> (1e4, '人'), '%' -> (1.0, '%'); empty -> (1.0, ''). Units of one kind are
    compared in one (SAME_KIND): '亿斤' -> (5e4, '吨'), '万亩' -> (6.67e6, '平方米'),
    '千米' -> (1.0, '公里')."""
    if unit is None or (isinstance(unit, float) and math.isnan(unit)):
        return 1.0, ""
    factor, base = split_unit(str(unit))
    per, kind = SAME_KIND.get(base, (1.0, base))
    return factor * per, kind


def _period_label(start, end) -> str:
    if pd.isna(start) and pd.isna(end):
        return ""
    if pd.isna(start) or pd.isna(end) or int(start) == int(end):
        return str(int(end if not pd.isna(end) else start))
    return f"{int(start)}–{int(end)}"


def quantities_periods(q: pd.DataFrame, *, corpus=None) -> pd.DataFrame:
    """``q`` with the period columns of the extractor contract: ``period_start``,
    ``period_end`` (nullable Int64) and ``period`` ('2026' or '2026–2030').

    ``quantities()`` reads the periods (十四五, 2010–2015, 年均 rates as ``avg_change``); here
    ``period`` is filled in where missing and ``year`` is cleared on spans and averages (it
    holds for single years only; the extractor gives a span its last year, as the gold
    files label 年均 rates).  A hand-made table without period columns is taken to hold
    single years: ``period_start = period_end = year``.  ``corpus`` is accepted for
    symmetry with the other target functions and not needed.
    """
    check_quantities(q)
    out = q.copy()
    out["year"] = pd.to_numeric(out["year"], errors="coerce").astype("Int64")
    for c in ("period_start", "period_end"):
        out[c] = (pd.to_numeric(out[c], errors="coerce").astype("Int64") if c in out.columns
                  else out["year"].copy())
    # a span or an average has no single year, whatever the extractor put there
    span = (out["measure"] == "avg_change") | (out["period_start"] != out["period_end"]).fillna(False)
    out.loc[span, "year"] = pd.NA
    labels = [_period_label(s, e) for s, e in zip(out["period_start"], out["period_end"])]
    if "period" in out.columns:
        out["period"] = out["period"].where(out["period"].notna() & (out["period"].astype(str) != ""), labels)
    else:
        out["period"] = labels
    return out


def check_quantities(q: pd.DataFrame) -> None:
    if not isinstance(q, pd.DataFrame):
        raise ParameterError("expected the DataFrame returned by quantities()")
    missing = [c for c in _NEEDED if c not in q.columns]
    if missing:
        raise ParameterError(f"quantities table lacks columns {missing}; pass the output of quantities()")


def written_decimals(value: float) -> int:
    text = f"{float(value):.10g}"
    return len(text.split(".", 1)[1]) if "." in text and "e" not in text else 0


def doc_places(corpus) -> dict[str, str]:
    """Document id -> place ('' when none), in the corpus's order ({} without a corpus): the place
    of its metadata, else of the report's words (see metadata.fill_from_text)."""
    return {} if corpus is None else {doc.id: str(doc.meta.get("place") or "") for doc in corpus}


def places_of(q: pd.DataFrame, corpus) -> pd.Series:
    """Place of each row: its document's place in ``corpus`` (doc_places), else a ``place`` column,
    else ''. Documents of different places never contradict each other, and a target meets only its
    own place's results."""
    if corpus is not None:
        place = doc_places(corpus)
        return q["doc"].map(lambda d: place.get(d, "")).astype(str)
    if "place" in q.columns:
        return q["place"].fillna("").astype(str)
    return pd.Series("", index=q.index, dtype=str)


def doc_dates(q: pd.DataFrame, corpus=None) -> dict[str, float]:
    """A sortable date per document (2016.16 for 1 March 2016): its date in ``corpus``, else a
    ``doc_date`` / ``doc_year`` column of ``q``. A document with none is left out."""
    dates: dict[str, float] = {}
    for doc in corpus or ():
        if (d := doc.date) is not None:
            dates[doc.id] = d.year + (d.timetuple().tm_yday - 1) / 366
    for col in ("doc_date", "doc_year"):
        for doc, value in zip(q["doc"], q[col]) if col in q.columns else ():
            if doc not in dates and not pd.isna(value):
                value = pd.Timestamp(value) if col == "doc_date" else value
                dates[doc] = value.year + (value.dayofyear - 1) / 366 if col == "doc_date" else float(value)
    return dates


def tracked_statements(q: pd.DataFrame, corpus=None, *, spans: bool = False, totals: bool = False) -> pd.DataFrame:
    """Single-year target/achieved/estimate rows with place, scaled value (in the base unit,
    negative for a fall: ``direction`` down) and tolerance; with ``spans`` also the averages
    over a period, and with ``totals`` the other figures over a period (五年新增就业3.9万人,
    比2016年增长43.5%); ``year`` is then empty."""
    q = quantities_periods(q, corpus=corpus)
    single = q["year"].notna() & (q["measure"] != "avg_change")
    span = (q["measure"] == "avg_change") & q["period_end"].notna() if spans else False
    if totals:
        span = span | ((q["measure"] != "avg_change") & q["period_start"].notna() & q["period_end"].notna()
                       & (q["period_start"] != q["period_end"]).fillna(False))
    t = q[tracked_rows(q) & (single | span)].copy()
    t["place"] = places_of(t, corpus)
    scale = t["unit"].fillna("").map(unit_scale)
    t["base_unit"] = counted_as(t["indicator"], [u for _, u in scale])
    # a fall is written as a positive number (下降3%) and compared as a negative one, so that
    # 增长2% and 下降2% of the same year do not agree
    sign = [-1.0 if d == "down" else 1.0 for d in t.get("direction", pd.Series("", index=t.index)).fillna("")]
    t["scaled"] = [float(v) * m * s for v, (m, _), s in zip(t["value"], scale, sign)]
    # half of the last written digit: 3.9万人 and 3.94万人 agree up to rounding
    t["_tol"] = [m * 10.0 ** -written_decimals(v) / 2 for v, (m, _) in zip(t["value"], scale)]
    t["year"] = t["year"].astype("Int64") if spans or totals else t["year"].astype(int)
    return t


def values_agree(a: float, ta: float, b: float, tb: float) -> bool:
    """Equal, or equal up to the rounding of the less precise figure (4.4 vs 4.39)."""
    return math.isclose(a, b, rel_tol=1e-6) or abs(a - b) <= max(ta, tb) * (1 + 1e-9)


def _distinct(values, tols=None) -> list[float]:
    tols = list(tols) if tols is not None else [0.0] * len(list(values))
    out: list[tuple[float, float]] = []
    for v, tol in zip(values, tols):
        if not any(values_agree(v, tol, w, tw) for w, tw in out):
            out.append((v, tol))
    return [v for v, _ in out]


def _group_flags(g: pd.DataFrame) -> dict:
    """Flags for one indicator/year/measure/unit group.  Only exact statements (relation
    '=') are compared: 首次突破300亿元 does not contradict 达到326.5亿元. (Plain lists: the groups
    are small and many, and pandas' per-group filtering cost notebook 04 0.3 s.)"""
    rows = list(zip(g["label"], g["relation"].fillna("="), g["doc"], g["scaled"], g["_tol"]))
    achieved = [(doc, v, tol) for label, rel, doc, v, tol in rows if rel == "=" and label == "achieved"]
    estimates = [(v, tol) for label, rel, _, v, tol in rows if rel == "=" and label == "estimate"]
    conflict_reported = False
    for doc in sorted({d for d, _, _ in achieved}):
        own = [(v, tol) for d, v, tol in achieved if d == doc]
        others = [(v, tol) for d, v, tol in achieved if d != doc]
        if others and len(_distinct(*zip(*own, *others))) > len(_distinct(*zip(*own))):
            conflict_reported = True
    estimate_revised = bool(estimates and achieved) and any(
        not any(values_agree(e, te, a, ta) for _, a, ta in achieved) for e, te in estimates)
    targets = [(doc, round(v, 9), rel) for label, rel, doc, v, _ in rows if label == "target"]
    keys = {(v, rel) for _, v, rel in targets}
    conflict_target = len({doc for doc, _, _ in targets}) > 1 and len(keys) > 1
    # one document stating two values (甘肃 2026: 新增城镇就业30万人 and 31.7万人 for 2025): a
    # figure of another scope or period in the same words, to read before taking either
    differs_within = any(len(_distinct([v for d, v, _ in achieved if d == doc],
                                       [tol for d, _, tol in achieved if d == doc])) > 1 or
                         len({(v, rel) for d, v, rel in targets if d == doc}) > 1
                         for doc in {d for _, _, d, _, _ in rows})
    if conflict_reported or conflict_target:
        status = "conflict"
    elif differs_within:
        status = "differs within a document"
    elif estimate_revised:
        status = "estimate revised"
    elif len({doc for _, _, doc, _, _ in rows}) > 1:
        status = "consistent"
    else:
        status = "single source"
    return {"conflict_reported": conflict_reported, "estimate_revised": estimate_revised,
            "conflict_target": conflict_target, "differs_within": differs_within, "status": status}


def textstat_targets(q: pd.DataFrame, *, corpus=None) -> pd.DataFrame:
    """Every target, estimate and achieved value per indicator and year across documents.

    One row per statement (place, doc, label, value, unit, relation, sentence, offsets),
    sorted by indicator, year and measure, with flags computed per
    place/indicator/year/measure/unit (the place comes from ``corpus`` metadata or a
    ``place`` column; without either all documents are compared):
    ``conflict_reported`` (documents report different achieved values), ``estimate_revised``
    (an estimate differs from a reported value: a revision, not a conflict),
    ``conflict_target`` (documents set different targets), ``differs_within`` (one document
    states two different exact values, or two targets) and ``status``.
    """
    t = tracked_statements(q, corpus)
    flag_cols = ["conflict_reported", "estimate_revised", "conflict_target", "differs_within", "status"]
    if t.empty:
        return pd.DataFrame(columns=["place", "indicator", "year", "measure", "label", "doc", "value", "value_high",
                                     "unit", "relation", "scaled", "base_unit", *flag_cols])
    keys = ["place", "indicator", "year", "measure", "base_unit"]
    flags = [{**dict(zip(keys, key)), **_group_flags(g)} for key, g in t.groupby(keys, dropna=False)]
    out = t.merge(pd.DataFrame(flags), on=keys, how="left")
    order = {"target": 0, "estimate": 1, "achieved": 2}
    out["_o"] = out["label"].map(order)
    out = out.sort_values(["place", "indicator", "year", "measure", "_o", "doc"]).drop(columns="_o")
    first = ["place", "indicator", "year", "measure", "label", "doc", "value", "value_high", "unit", "relation",
             "scaled", "base_unit", *flag_cols]
    rest = [c for c in out.columns if c not in first and c != "_tol"]
    return out[first + rest].reset_index(drop=True)


# Stocks only. A count of new things (新增就业3.94万人 over five years) is a flow, and so is a year's
# work named by its verb: 高标准农田建设面积95万亩 against last year's 46.1万亩 is twice the year's
# work, not a growth of 106% of anything that stands (provinces2026: 广西). A rate (城镇调查失业率
# 5.5%左右, 城镇化率65%) moves in points, not by a growth rate.
_FLOW_NAME = re.compile(r"^(?:新增|净增)|造林|种草|治沙|(?:建设|建设面积|建设规模|国土绿化|治理|改造|整治|修复)$")


def textstat_implied_growth(q: pd.DataFrame, *, corpus=None) -> pd.DataFrame:
    """The annual growth a level target implies, next to the growth targets stated.

    For every level target (e.g. 地区生产总值 500亿元 by 2026) the base is the latest exact
    reported level of the same indicator and place before the target year — from the same
    document when it has one, else from any document of the place, but (with the ``corpus``,
    which dates documents) not from before the year before the target document's review year:
    a 2017 report that states no 2016 level under the target's name has changed its scope
    (全社会 against 区本级固定资产投资), and 2011's level is no base for it.  ``implied_growth`` is
    the compound annual rate in percent: (target / base) ** (1 / years) - 1.
    ``stated_growth`` lists the growth targets (measure 'change', unit %) stated for the
    indicator in the same place for the years the target spans (after the base year, up to the
    target year), with their years; ``stated_growth_min``/``_max``/``stated_values`` are theirs.
    ``base_start``/``target_start`` (raw offsets in base_doc/target_doc) and ``target_sentence``
    trace the two levels. Levels of stocks only: not rates in % (they move in points), nor a
    year's new things or works (新增…, …建设面积, 植树造林, …治理), whose amounts are flows.
    """
    t = tracked_statements(q, corpus)
    cols = ["place", "indicator", "base_year", "base_value", "base_label", "base_doc", "target_year",
            "target_value", "target_relation", "target_doc", "unit", "base_unit", "years", "implied_growth",
            "stated_growth", "stated_growth_min", "stated_growth_max", "stated_values", "base_start", "target_start",
            "target_sentence"]
    if t.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    levels = t[(t["measure"] == "level") & (t["base_unit"] != "%")
               & ~t["indicator"].astype(str).str.contains(_FLOW_NAME)]
    growth = t[(t["label"] == "target") & (t["measure"] == "change") & (t["base_unit"] == "%")]
    doc_years = {doc.id: doc.year for doc in corpus} if corpus is not None else {}
    for _, tgt in levels[levels["label"] == "target"].iterrows():
        base = levels[(levels["indicator"] == tgt["indicator"]) & (levels["base_unit"] == tgt["base_unit"])
                      & (levels["place"] == tgt["place"])
                      & levels["label"].isin(("achieved", "estimate")) & (levels["relation"].fillna("=") == "=")
                      & (levels["year"] < tgt["year"])]
        if base.empty:
            continue
        same = base[base["doc"] == tgt["doc"]]
        if same.empty and doc_years.get(tgt["doc"]) is not None:
            base = base[base["year"] >= doc_years[tgt["doc"]] - 2]      # its review year's or the one before
        pool = same if not same.empty else base
        if pool.empty:
            continue
        pool = pool.assign(_a=(pool["label"] == "achieved").astype(int)).sort_values(["year", "_a"])
        b = pool.iloc[-1]
        years = int(tgt["year"]) - int(b["year"])
        if b["scaled"] <= 0 or years <= 0:
            continue
        rate = ((tgt["scaled"] / b["scaled"]) ** (1 / years) - 1) * 100
        stated = growth[(growth["indicator"] == tgt["indicator"]) & (growth["place"] == tgt["place"])
                        & (growth["year"] > b["year"]) & (growth["year"] <= tgt["year"])]     # the years it spans
        stated_txt = "; ".join(f"{v:g}%{'' if r in ('=', None) else ' ' + r} ({y}, {d})" for v, r, y, d in
                               zip(stated["value"], stated["relation"], stated["year"], stated["doc"]))
        rows.append({
            "place": tgt["place"], "indicator": tgt["indicator"], "base_year": int(b["year"]),
            "base_value": b["value"], "base_label": b["label"], "base_doc": b["doc"],
            "target_year": int(tgt["year"]), "target_value": tgt["value"], "target_relation": tgt["relation"],
            "target_doc": tgt["doc"], "unit": tgt["unit"], "base_unit": b["unit"], "years": years,
            "implied_growth": round(rate, 2), "stated_growth": stated_txt,
            "stated_values": [float(v) for v in stated["value"]],
            "stated_growth_min": float(stated["value"].min()) if len(stated) else float("nan"),
            "stated_growth_max": float(stated["value"].max()) if len(stated) else float("nan"),
            "base_start": b.get("start"), "target_start": tgt.get("start"), "target_sentence": tgt.get("sentence"),
        })
    return pd.DataFrame(rows, columns=cols)


def _registry_order(registered: bool):
    from .indicators import indicator_registry

    names = list(indicator_registry().names) if registered else []
    return {name: i for i, name in enumerate(names)}


def _stated(value, value_high, unit, relation) -> str:
    """500亿元 with relation '>=' -> '≥500亿元'; a range -> '6.5–7%'."""
    sign = {">=": "≥", "<=": "≤", "~": "≈"}.get(relation or "=", "")
    v = f"{value:g}"
    if unit == "番":
        return f"{sign}{written_fan(value)}"
    if value_high is not None and not pd.isna(value_high):
        v += f"–{value_high:g}"
    return f"{sign}{v}{unit or ''}"


def _context(corpus, doc: str, start, end, sentence, window: int) -> str:
    """The words around a number: from the raw file text when the corpus is at hand."""
    if corpus is not None and doc in corpus and not pd.isna(start):
        raw = corpus[doc].raw
        s, e = max(0, int(start) - window), min(len(raw), int(end) + window)
        return ("…" if s else "") + raw[s:e].replace("\n", " ") + ("…" if e < len(raw) else "")
    sentence = str(sentence or "")
    return sentence if len(sentence) <= 2 * window + 4 else sentence[:2 * window] + "…"


def textstat_city_targets(q: pd.DataFrame, *, corpus=None, registered: bool = True,
                          top: int | None = None, window: int = 18) -> pd.DataFrame:
    """The targets each place sets: one row per target statement, with its source.

    Columns: place, indicator, measure, target (as stated: ≥500亿元), year, period ('2026',
    or '2026–2030' for an average over a plan period: measure ``avg_change``, year empty),
    doc, start, end (offsets into the raw file text), context (``window`` characters
    either side, from ``corpus``), sentence.  ``registered``: only indicators of the
    indicator registry (GDP, income, jobs … rather than single projects); the indicators that
    most documents set a target for come first, then registry order; ``top``: only the first
    ``top`` indicators of each place.  A value written once for
    the town and country halves (城乡居民人均可支配收入分别增长7.5%) is a target of each half, as
    notebook 05 judges it (:func:`policytext.attainment.both_halves`).
    """
    from .attainment import both_halves     # (attainment builds on this module)

    t = tracked_statements(both_halves(q), corpus, spans=True)
    t = t[t["label"] == "target"]
    order = _registry_order(registered)
    if registered:
        t = t[t["indicator"].isin(order)]
    cols = ["place", "indicator", "measure", "target", "year", "period", "doc", "start", "end", "context",
            "sentence"]
    if t.empty:
        return pd.DataFrame(columns=cols)
    # the indicators most documents set a target for first (the headline targets, which places share:
    # rows compare across places), then registry order
    t = t.assign(target=[_stated(v, h, u, r) for v, h, u, r in
                         zip(t["value"], t.get("value_high", pd.Series(index=t.index, dtype=float)),
                             t["unit"], t["relation"])],
                 _n=-t.groupby("indicator")["doc"].transform("nunique"),
                 _o=t["indicator"].map(order).fillna(len(order)))
    for c in ("start", "end", "sentence"):
        if c not in t.columns:
            t[c] = None
    # places in the corpus's order, as the pages' document tables list them (not 内 before 安)
    ranks = {p: i for i, p in enumerate(dict.fromkeys(doc_places(corpus).values()))}
    t["_p"] = t["place"].map(ranks).fillna(len(ranks))
    t = t.sort_values(["_p", "place", "_n", "_o", "indicator", "measure", "period_end", "year", "doc"])
    if top is not None:
        keep = t.drop_duplicates(["place", "indicator"]).groupby("place").head(top)
        t = t.merge(keep[["place", "indicator"]], on=["place", "indicator"])
    t["context"] = [_context(corpus, d, s, e, sent, window)
                    for d, s, e, sent in zip(t["doc"], t["start"], t["end"], t["sentence"])]
    return t[cols].reset_index(drop=True)


def _moved_deadlines(t: pd.DataFrame, doc_years: dict[str, int]) -> list[tuple[dict, pd.DataFrame]]:
    """The 'target year differs' checks: one target value, different horizons (到2026年 vs
    "十四五"末), not the same value set as the annual target of successive years (7.5% for 2016
    in the 2016 report, for 2017 in the 2017 one: two targets)."""
    checks = []
    targets = t[(t["label"] == "target") & (t["period_start"] == t["period_end"]).fillna(False)]
    for (place, ind, measure, _unit), g in targets.groupby(["place", "indicator", "measure", "base_unit"],
                                                          sort=False):
        for _key, same in g.groupby([g["scaled"].round(6), g["relation"].fillna("=")]):
            annual = all(doc in doc_years and 0 <= year - doc_years[doc] <= 1
                         for doc, year in zip(same["doc"], same["year"]))
            if same["doc"].nunique() > 1 and same["year"].nunique() > 1 and not annual:
                same = same.sort_values("year")
                checks.append(({"place": place, "indicator": ind, "year": int(same["year"].min()),
                                "period": str(int(same["year"].min())),
                                "measure": measure, "finding": "target year differs",
                                "values": _statements(same, with_year=True), "n_docs": same["doc"].nunique()},
                               same))
    return checks


_FINDING_ORDER = {"reported values differ": 0, "targets differ": 1, "target year differs": 2,
                  "estimate revised": 3, "consistent up to rounding": 4, "consistent": 5}


def _statements(g: pd.DataFrame, *, with_year: bool = False) -> str:
    highs = g["value_high"] if "value_high" in g else [None] * len(g)
    return "; ".join(f"{_stated(value, high, unit, relation)} {label}{f' {year}' if with_year else ''} ({doc})"
                     for value, high, unit, relation, label, year, doc in
                     zip(g["value"], highs, g["unit"], g["relation"], g["label"], g["year"], g["doc"]))


def textstat_consistency(q: pd.DataFrame, *, corpus=None, registered: bool = True,
                         statements: bool = False) -> pd.DataFrame:
    """Cross-document checks: what two or more documents of the same place say about the
    same indicator, period and measure, one row per check.  ``period`` is a year ('2021')
    or a span ('2017–2021': a five-year total or a change since a base year, compared only
    with figures over the same span; ``year`` is then the span's last year).

    ``finding`` is 'reported values differ' (two documents report different achieved
    values), 'targets differ', 'target year differs' (the same target value set for
    different years, e.g. 500亿元 by 2025 in one text and by 2026 in another; not when each
    is the annual target of its document's year or the next, as dated by ``corpus`` or a
    ``doc_date``/``doc_year`` column: 7.5% in successive work reports is two targets),
    'estimate revised' (an estimate, later reported otherwise), 'consistent up to
    rounding' (3.9万人 vs 3.94万人) or 'consistent'.  ``values`` lists each value with its
    kind and document; threshold statements (首次突破300亿元) are not compared, nor is a target
    with a result alone (two documents must state the same kind: results, or targets).
    With ``statements=True`` the result has one row per statement compared instead (doc,
    label, value, unit, relation, year, start, end, context, sentence), for checking the
    sources.  A single document gives no rows: cross-document checks need two documents.
    """
    t = tracked_statements(q, corpus, totals=True)       # no averages: spans=False
    t["year"] = t["year"].fillna(t["period_end"]).astype(int)      # a span: its last year
    cols = ["place", "indicator", "year", "period", "measure", "finding", "values", "n_docs"]
    detail = ["doc", "label", "text", "value", "unit", "relation", "statement_year", "start", "end", "context",
              "sentence"]
    order = _registry_order(registered)
    if registered:
        t = t[t["indicator"].isin(order)]
    if t.empty:
        return pd.DataFrame(columns=cols + detail if statements else cols)
    compared = t[(t["label"] == "target") | (t["relation"].fillna("=") == "=")]
    checks: list[tuple[dict, pd.DataFrame]] = []
    for (place, ind, period, measure, _unit), g in compared.groupby(
            ["place", "indicator", "period", "measure", "base_unit"], sort=False):
        targets = g["label"] == "target"
        if g.loc[targets, "doc"].nunique() < 2 and g.loc[~targets, "doc"].nunique() < 2:
            continue        # one target and its result agree on nothing: they are attainment's pair
        f = _group_flags(g)
        if f["conflict_reported"]:
            finding = "reported values differ"
        elif f["conflict_target"]:
            finding = "targets differ"
        elif f["estimate_revised"]:
            finding = "estimate revised"
        elif len(_distinct(g["scaled"])) > 1 and len(_distinct(g["scaled"], g["_tol"])) == 1:
            finding = "consistent up to rounding"
        else:
            finding = "consistent"
        checks.append(({"place": place, "indicator": ind, "year": int(g["year"].iloc[0]), "period": period,
                        "measure": measure, "finding": finding, "values": _statements(g),
                        "n_docs": g["doc"].nunique()}, g))
    checks += _moved_deadlines(t, {doc: int(date) for doc, date in doc_dates(q, corpus).items()})
    if not checks:
        return pd.DataFrame(columns=cols + detail if statements else cols)
    out = pd.DataFrame([c for c, _ in checks], columns=cols)
    out["_o"] = out["finding"].map(_FINDING_ORDER)
    out["_i"] = out["indicator"].map(order).fillna(len(order))
    out = out.sort_values(["_o", "place", "_i", "indicator", "year"])
    if not statements:
        return out.drop(columns=["_o", "_i"]).reset_index(drop=True)
    rows = []
    for k in out.index:
        check, g = checks[k]
        for _, r in g.sort_values(["year", "doc"]).iterrows():
            row = {**check, "doc": r["doc"], "label": r["label"], "value": r["value"], "unit": r["unit"],
                   "relation": r["relation"], "statement_year": int(r["year"])}
            for c in ("text", "start", "end", "sentence"):
                row[c] = r.get(c)
            row["context"] = _context(corpus, r["doc"], row["start"], row["end"], row["sentence"], 18)
            rows.append(row)
    return pd.DataFrame(rows, columns=cols + detail).drop(columns="values")


@cached_figure
def textplot_implied_growth(x: pd.DataFrame, *, corpus=None, ax=None):
    """Bars: the annual growth each level target implies, grey and hatched for a floor at or
    under the latest level; diamonds: the growth targets the same place states for that indicator.

    x: textstat_implied_growth's table, as it is or filtered (one bar a row), or quantities, from
    which that table is computed (with `corpus`, as textstat_implied_growth). Returns the Figure."""
    import matplotlib.pyplot as plt

    from .fonts import use_cjk_font

    g = x if "implied_growth" in x.columns else textstat_implied_growth(x, corpus=corpus)
    if g.empty:
        raise ParameterError("no level target with an earlier reported value of the same indicator: "
                             "implied growth needs a base")
    use_cjk_font()      # no silent fallback: without a CJK font the labels would be tofu boxes
    if ax is None:
        fig, ax = plt.subplots(figsize=(8, 0.7 * len(g) + 1.8))
    else:
        fig = ax.figure
    labels = [f"{r['place']} {r['indicator']}".strip() + f"\n{r['base_value']:g}{r['base_unit']}{_converted(r)} "
              f"({r['base_year']}) → {r['target_value']:g}{r['unit']} ({r['target_year']}), {r['target_doc']}"
              for r in g.to_dict("records")]
    ys = list(range(len(g)))[::-1]
    # a floor (以上) at or under the latest level needs no growth: no fall is promised, so its bar
    # is grey and hatched and says so
    reached = ((g["target_relation"] == ">=") & (g["implied_growth"] <= 0)).tolist()
    bars = ax.barh(ys, g["implied_growth"], height=0.55, color=["#c8c8c8" if r else "#4878a8" for r in reached])
    for bar, done in zip(bars, reached):
        bar.set_hatch("//" if done else None)       # (a list of hatches needs matplotlib 3.10)
    for y, rate, done, values in zip(ys, g["implied_growth"], reached, g["stated_values"]):
        note = " (a floor under the latest level)" if done else ""
        # right of the bar and of its diamonds (7 points clear of a diamond's centre), and never
        # over a bar left of 0
        ax.annotate(f"{rate:.1f}%{note}", (max(rate, 0, *values), y), xytext=(7, 0),
                    textcoords="offset points", va="center", fontsize=8)
    for y, values in zip(ys, g["stated_values"]):
        ax.scatter(values, [y] * len(values), marker="D", s=50, color="#e39c4d", zorder=3)
    ax.set_yticks(ys, labels, fontsize=8)
    ax.axvline(0, color="grey", linewidth=0.6)
    ax.set_xlabel("annual growth, %")
    ax.set_title("目标隐含增速 vs 提出的增速目标  Implied vs stated growth", pad=22)
    ax.margins(x=0.15)
    # between the title and the bars, whatever the height of the figure; a key for what is drawn
    ax.legend(handles=_growth_legend(reached, any(len(v) for v in g["stated_values"])), fontsize=8,
              frameon=False, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3)
    fig.set_layout_engine("tight")  # laid out at draw time, skipped when cached
    return fig


def _growth_legend(reached: list[bool], stated: bool) -> list:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Patch(color="#4878a8", label="implied by the level target")] * (not all(reached))
    handles += [Patch(facecolor="#c8c8c8", hatch="//", label="a floor under the latest level")] * any(reached)
    return handles + [Line2D([], [], marker="D", linestyle="", markersize=7, color="#e39c4d",
                             label="stated growth target")] * stated


def base_in_target_unit(row) -> float | None:
    """The base of an implied-growth row in the target's unit when the units differ but measure
    one kind (24726元 -> 2.4726万元, 1350亿斤 -> 6750万吨), else None (unit_scale's tables)."""
    (fb, ub), (ft, ut) = unit_scale(row["base_unit"]), unit_scale(row["unit"])
    if row["base_unit"] == row["unit"] or ub != ut:
        return None
    return row["base_value"] * fb / ft


def _converted(row) -> str:
    value = base_in_target_unit(row)
    return "" if value is None else f" = {format(value, '.4g')}{row['unit']}"
