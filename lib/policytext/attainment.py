"""Was the target met?  Each year's target set against the result reported for it.

:func:`textstat_attainment` takes the table of :func:`policytext.quantities.quantities`
and gives one row per place, indicator, measure and year (or plan period, for 年均 rates
and totals over a span such as 五年累计): the target from the document that set it, the
result from the document that reported it (usually the next year's report), whether the
target was met and the gap, with the document, raw-text offsets and sentence of both sides.

The rule for ``met`` (:func:`target_met`), by the relation the target was written with:

- ``>=`` (以上, 不低于, 突破): met if achieved >= target.
- ``<=`` (以内, 以下, 控制在, 不超过): met if achieved <= target.
- ``=`` (plain, 增长8%): the target states the aim, so met if achieved >= target.
- ``~`` (左右): met if achieved >= target - tolerance; the tolerance is 0.5 (percentage
  points) for rates in % and 1% of the target for other units (6%左右 is met by 5.5%,
  not by 5.4%).
- a range (value..value_high, 5%—5.5%): met if achieved >= the low end; a result above
  the high end counts as met (the range is the aim, not a limit).
- Indicators where less is better (unemployment rate, consumer prices, deficits:
  :data:`CEILING_INDICATORS`; and the levels, not the changes, of energy use, emissions
  and concentrations: :data:`CEILING_LEVELS`) read a plain, 左右 or range target as a
  ceiling: met if achieved <= target (+ tolerance for 左右; <= the high end of a range).
  A change of energy use or emissions is a reduction written as a positive number
  (下降3%): more is better, the usual rule.
- ``met`` is empty when either side is missing or the units cannot be compared
  (% against 元).

``gap`` is achieved - target in the target's unit (magnitudes converted: a result in
万元 against a target in 亿元); for a range, against the low end. A change is compared in the
target's direction (the quantities' ``direction`` column): a result that went the other way
(增长5% aimed at, 下降2% reported) counts as negative, -2, in ``achieved`` and ``gap``.
"""
from __future__ import annotations

import re

import pandas as pd

from .errors import ParameterError
from .figures import cached_figure
from .indicators import counted_as
from .numbers import unit_kind
from .quantity_lists import SPLIT_COORD, measured_head
from .quantity_nouns import BARE_MEASURE, strip_phrase
from .quantity_subject import ONE_FOR_BOTH
from .targets import check_quantities, doc_dates, places_of, quantities_periods, tracked_rows, unit_scale

__all__ = ["textstat_attainment", "textstat_possible_results", "textplot_attainment", "target_met", "both_halves",
           "tracked_series", "attainment_subset",
           "ATTAINMENT_COLUMNS", "CEILING_INDICATORS", "CEILING_LEVELS"]

ATTAINMENT_COLUMNS = [
    "place", "indicator", "measure", "year", "target", "target_high", "relation", "achieved", "met",
    "target_doc", "target_start", "achieved_doc", "achieved_start",
    "gap", "unit", "achieved_unit", "achieved_kind", "rule", "statistics", "period", "period_start", "period_end",
    "target_end", "achieved_end", "target_sentence", "achieved_sentence", "other_targets", "other_achieved",
]

# Words in an indicator name that make a plain or 左右 target a ceiling (less is better);
# for CEILING_LEVELS only a level or share is (their changes are written as reductions).
CEILING_INDICATORS = ("失业率", "消费价格", "物价", "价格涨幅", "价格指数", "CPI", "赤字", "负债率", "死亡率",
                      "发生率")
CEILING_LEVELS = ("能耗", "排放", "浓度")
# 左右: how far below the target still counts as "about"
PERCENT_TOLERANCE = 0.5
RELATIVE_TOLERANCE = 0.01
_EPS = 1e-9


def _is_ceiling(indicator: str, measure: str = "level") -> bool:
    name = str(indicator or "")
    return any(word in name for word in CEILING_INDICATORS) or (
        measure in ("level", "share") and any(word in name for word in CEILING_LEVELS))


def _tolerance(target: float, unit: str) -> float:
    base = unit_scale(unit)[1]
    if base in ("%", "％", "个百分点", "‰"):
        return PERCENT_TOLERANCE
    return abs(target) * RELATIVE_TOLERANCE


def target_met(target: float, achieved: float, *, relation: str = "=", target_high: float | None = None,
               unit: str = "%", indicator: str = "", measure: str = "level") -> tuple[bool | None, str]:
    """Whether ``achieved`` meets ``target`` under the rule of the module doc, and the
    rule applied in words: ``target_met(6, 5.6, relation="~")`` -> (True, 'about: >= 5.5').
    ``achieved`` in the target's unit; None/NaN on either side gives (None, '')."""
    if target is None or achieved is None or pd.isna(target) or pd.isna(achieved):
        return None, ""
    relation = relation if relation in (">=", "<=", "~", "=") else "="
    ceiling = _is_ceiling(indicator, measure)
    has_high = target_high is not None and not pd.isna(target_high)
    if relation == ">=":
        return achieved >= target - _EPS, f"at least: >= {target:g}"
    if relation == "<=":
        return achieved <= target + _EPS, f"at most: <= {target:g}"
    if has_high:
        if ceiling:
            return achieved <= target_high + _EPS, f"range, ceiling: <= {target_high:g}"
        return achieved >= target - _EPS, f"range: >= {target:g}"
    if relation == "~":
        tol = _tolerance(target, unit)
        if ceiling:
            return achieved <= target + tol + _EPS, f"about, ceiling: <= {target + tol:g}"
        return achieved >= target - tol - _EPS, f"about: >= {target - tol:g}"
    if ceiling:
        return achieved <= target + _EPS, f"plain, ceiling: <= {target:g}"
    return achieved >= target - _EPS, f"plain: >= {target:g}"


# ------------------------------------------------------------------ documents

def _doc_dates(q: pd.DataFrame, corpus) -> dict[str, float]:
    """A sortable date per document (:func:`policytext.targets.doc_dates`), else the year most
    of its targets are for (a work report sets that year's targets).  Unknown -> NaN."""
    dates = doc_dates(q, corpus)
    targets = q[(q["label"] == "target") & q["year"].notna()]
    for doc, years in targets.groupby("doc")["year"]:
        if doc not in dates:
            dates[doc] = float(years.astype(int).mode().max())  # a tie: the later year
    return dates


# ------------------------------------------------------------------ the table

def both_halves(q: pd.DataFrame) -> pd.DataFrame:
    """``q`` with a value written once for the town and country halves of a subject
    (城乡居民人均可支配收入分别增长7.5%: each grows 7.5%) as one row for each half
    (城镇居民人均可支配收入, 农村居民人均可支配收入), and a value written once for a list of
    indicators (工业投资、民间投资年均增长6%左右) as one row for each (工业固定资产投资, 民间投资), all
    with the value's document, offsets and sentence, so that each target meets the result reported
    for it. ``indicator_text`` stays what the sentence writes: the 城乡 name for both halves (a
    reader finds it in the report), each item's name for a list."""
    if not {"indicator_text", "sentence", "text"} <= set(q.columns):
        return q
    from .indicators import indicator_registry

    registry = indicator_registry()
    rows, split = [], False
    for r in q.to_dict("records"):
        written = r["indicator_text"] if isinstance(r["indicator_text"], str) else ""
        if _one_value_for_both(written, r["sentence"], str(r["text"])) or _growth_of_both(r, written):
            names = [(half + written[2:], written) for half in ("城镇", "农村")]
        else:
            names = [(name, name) for name in _listed_items(r, written, registry)]
        if not names:
            rows.append(r)
            continue
        split = True
        rows += [{**r, "indicator": registry.canonical(name), "indicator_text": text} for name, text in names]
    return pd.DataFrame(rows, columns=q.columns) if split else q


def _listed_items(r: dict, written: str, registry) -> list[str]:
    """工业投资、民间投资年均增长6%左右: the items a list gives one growth rate, when they are
    indicators of the registry or measures of one kind (投资, 投资), and the row is named by the items
    joined (or, for registry indicators, by the first); else []. An amount or a level after a list is
    the items' total or one item's (交通投资、水利投资1000亿元以上; …、税收收入占比达到75%), and
    交通运输、仓储和邮政业 or 省属企业工业总产值、利润 are no list of indicators."""
    sentence = r.get("sentence")
    if not written or not isinstance(sentence, str) or "、" not in sentence or r.get("unit") != "%" \
            or r.get("measure") not in ("change", "avg_change"):
        return []
    value = re.search(_alone(str(r.get("text"))), sentence)
    clause = re.split(r"[，,；;。：:]", sentence[:value.start()])[-1] if value else ""
    parts = [strip_phrase(p) for p in SPLIT_COORD.split(clause)] if "、" in clause else []
    if len(parts) < 2 or written not in ("".join(parts), parts[0]):
        return []
    heads = {measured_head(p) for p in parts}
    if all(registry.canonical(p) in registry.names for p in parts) or (
            len(heads) == 1 and None not in heads and all(len(p) >= 4 and not BARE_MEASURE.match(p) for p in parts)):
        return parts
    return []


def _one_value_for_both(written: str, sentence, text: str) -> bool:
    """城乡居民人均可支配收入分别增长7.5%: a 城乡 subject, 分别, and one value only (分别增长8%和9%
    is read in order by the subject step); or a 城乡 name the subject step gave to one value
    after both halves (城镇、农村常住居民人均可支配收入均增长8%)."""
    if not (written.startswith("城乡") and len(written) > 3 and isinstance(sentence, str)):
        return False
    alone = _alone(text)
    return (re.search(re.escape(written) + _BOTH + alone, sentence) is not None
            or ("城镇" in sentence and "农村" in sentence and re.search(ONE_FOR_BOTH + alone, sentence) is not None))


def _growth_of_both(r: dict, written: str) -> bool:
    """城乡居民可支配收入增长18%, a target: the promise is made for each half (reports state the
    town and country results, never one for both), though 分别 is not written; a level in 元 is not."""
    alone = _alone(str(r.get("text")))      # 分别增长7.5%和8%: two values, read in order
    return (r.get("label") == "target" and r.get("unit") == "%" and r.get("measure") in ("change", "avg_change")
            and written.startswith("城乡居民") and "收入" in written and "比" not in written
            and re.search(alone, str(r.get("sentence"))) is not None)


def _alone(text: str) -> str:
    """A pattern for the value written ``text`` with no second value listed right after it."""
    return re.escape(text) + r"(?![、和与及]?[0-9０-９])"


_BOTH = r"分别(?:比上年)?(?:增长|提高|增加|达到|上涨)?"


def _prepare(q: pd.DataFrame, corpus) -> pd.DataFrame:
    t = quantities_periods(both_halves(q), corpus=corpus)
    t = t[tracked_rows(t)
          & (t["year"].notna() | t["period_end"].notna())].copy()    # a year, or a span (年均, 五年累计)
    t["place"] = places_of(t, corpus)
    dates = _doc_dates(q, corpus)
    t["_date"] = t["doc"].map(dates).astype(float)
    scale = t["unit"].map(unit_scale)
    t["_mag"] = [m for m, _ in scale]
    t["_base"] = counted_as(t["indicator"], [u for _, u in scale])
    t["_exact"] = (t["relation"].fillna("=") == "=").astype(int)
    for c in ("start", "end", "sentence", "value_high", "direction"):
        if c not in t.columns:
            t[c] = pd.NA
    # one key for single years and spans: the period label
    t["_key"] = [str(int(y)) if not pd.isna(y) else p for y, p in zip(t["year"], t["period"])]
    return t


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _late(value) -> float:
    """Sort key: an unknown date or offset sorts last."""
    return float("inf") if _missing(value) else float(value)


def _pick_target(rows: list[dict]) -> dict | None:
    """The document that set the target: the earliest one (a later report restating it
    is not the one that set it); within it, the first statement."""
    return min(rows, key=lambda r: (_late(r["_date"]), str(r["doc"]), _late(r["start"])), default=None)


def _bigrams(sentence) -> frozenset[str]:
    """The pairs of adjacent Chinese characters of a sentence (digits and units left out)."""
    han = "".join(ch for ch in str(sentence or "") if "\u4e00" <= ch <= "\u9fff")
    return frozenset(han[i:i + 2] for i in range(len(han) - 1))


def _likeness(sentence, target: dict | None) -> float:
    """Dice coefficient of the character pairs of a result's sentence and the target's."""
    if target is None:
        return 0.0
    a, b = _bigrams(sentence), _bigrams(target["sentence"])
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def _pick_result(rows: list[dict], year, target: dict | None = None) -> tuple[dict | None, str]:
    """The latest document's exact statement of an achieved value (a final figure replaces
    a first report); an estimate only when no achieved value exists.  A report cannot state
    the final result of its own year, nor estimate a later one.  Of several statements in
    that document, the one whose sentence is most like the target's: 海拉尔's 2016 report gives
    新增就业3000人 for a shopping district before 全年实现新增就业5650人 for the district, and
    the target was 全年新增就业5700人以上，城镇登记失业率控制在4%以内."""
    def possible(r) -> bool:
        if _missing(year) or _missing(r["_date"]):
            return True
        made = int(r["_date"])
        return made > year if r["label"] == "achieved" else made >= year

    rows = [r for r in rows if possible(r)]
    for kind in ("achieved", "estimate"):
        pool = [r for r in rows if r["label"] == kind]
        if pool:
            return min(pool, key=lambda r: (-r["_exact"], -_late(r["_date"]) if not _missing(r["_date"])
                                            else float("inf"), str(r["doc"]),
                                            -_likeness(r["sentence"], target), _late(r["start"]))), kind
    return None, ""


def _others(rows: list[dict], chosen: dict | None) -> str:
    """The other values stated, each with where it is: "3000人 (2016.txt @3737)" (raw offset)."""
    if chosen is None:
        return ""
    return "; ".join(sorted({f"{r['value']:g}{r['unit'] if not _missing(r['unit']) else ''} ({r['doc']}{_at(r)})"
                             for r in rows if (r["value"], r["unit"]) != (chosen["value"], chosen["unit"])}))


def _at(row: dict) -> str:
    start = row.get("start")
    return "" if start is None or _missing(start) else f" @{int(start)}"


def _side(row: dict | None, prefix: str) -> dict:
    keys = ("doc", "start", "end", "sentence")
    return {f"{prefix}_{k}": (None if row is None else row[k]) for k in keys}


def _statistics(target: dict | None, result: dict | None) -> str:
    """"农民人均纯收入 → 农村常住居民人均可支配收入" when the target and the result are written for
    two statistics that the registry keeps under one indicator (one of them an earlier statistic
    the other replaced); "" otherwise. The verdict stands, but compares two measures of one thing."""
    if target is None or result is None:
        return ""
    from .indicators import indicator_registry

    registry = indicator_registry()
    written = [r.get("indicator_text") if isinstance(r.get("indicator_text"), str) else "" for r in (target, result)]
    earlier = [registry.earlier_statistic(w) is not None for w in written]
    if earlier[0] == earlier[1] or not all(written):      # (农民人均纯收入 and 农村居民人均纯收入: one statistic)
        return ""
    return f"{written[0]} → {written[1]}"


def _row(key: tuple, rows: list[dict]) -> dict:
    place, indicator, measure, _, _base = key
    first = rows[0]
    year = first["year"]
    targets = [r for r in rows if r["label"] == "target"]
    results = [r for r in rows if r["label"] != "target"]
    tgt = _pick_target(targets)
    res, kind = _pick_result(results, year, tgt)
    nan = float("nan")
    out = {"place": place, "indicator": indicator, "measure": measure, "year": year,
           "period": first["period"], "period_start": first["period_start"], "period_end": first["period_end"],
           "target": tgt["value"] if tgt else nan, "target_high": tgt["value_high"] if tgt else nan,
           "relation": tgt["relation"] if tgt else None,
           "unit": tgt["unit"] if tgt else (res["unit"] if res else None),
           "achieved": res["value"] if res else nan, "achieved_unit": res["unit"] if res else None,
           "achieved_kind": kind, **_side(tgt, "target"), **_side(res, "achieved"),
           "other_targets": _others(targets, tgt),
           "other_achieved": _others([r for r in results if r["label"] == kind], res),
           "met": None, "rule": "", "gap": nan, "statistics": _statistics(tgt, res)}
    if tgt and res:
        achieved = res["value"] * res["_mag"] / tgt["_mag"]  # in the target's unit
        if {tgt.get("direction"), res.get("direction")} == {"up", "down"}:
            # 增长5% aimed at, 下降2% reported: -2 in the target's direction
            achieved, out["achieved"] = -achieved, -res["value"]
        high = None if _missing(tgt["value_high"]) else tgt["value_high"]
        out["met"], out["rule"] = target_met(tgt["value"], achieved, relation=tgt["relation"], target_high=high,
                                             unit=tgt["unit"], indicator=indicator, measure=measure)
        out["gap"] = round(achieved - tgt["value"], 10)
    return out


def textstat_attainment(q: pd.DataFrame, *, corpus=None, registered: bool = False) -> pd.DataFrame:
    """Each year's target against its result: one row per place, indicator, measure, unit
    and year (single-year quantities) or plan period (``avg_change`` over a span, e.g.
    年均增长5%左右 over 2026–2030, or a total over one, 五年累计发放…; ``year`` empty and
    ``period`` '2026–2030'): a span is never joined with a single year.

    - target: from the earliest document that states it (label ``target``); other
      values stated for the same key are listed in ``other_targets``.
    - achieved: the latest document's statement of the achieved value, exact statements
      before thresholds (突破300亿元); only when there is none, an estimate (预计), and
      ``achieved_kind`` says which.  A report's own year is not "achieved" in it.
    - ``met`` and ``rule`` follow :func:`target_met` (see the module doc); ``gap`` =
      achieved - target in the target's unit.
    - ``statistics`` names both sides as written ("农民人均纯收入 → 农村常住居民人均可支配收入")
      when the target is written for an earlier statistic that the result's replaced (the
      registry's ``earlier``), or the other way round; the verdict then compares two measures.
    - A key with a target and no result yet, or a result and no target, is kept with
      the other side empty.
    - One value for the town and country halves (城乡居民人均可支配收入分别增长7.5%), or for a list
      of indicators (工业投资、民间投资年均增长6%左右), is the target or result of each
      (:func:`both_halves`).

    ``registered=True`` keeps the indicators of the indicator registry (GDP, income,
    jobs …), not single projects.
    Place comes from ``corpus`` metadata (``place``, which a document without one reads from
    its title or speaker: :func:`policytext.metadata.place_from_text`), else a ``place``
    column of ``q``, else ''.  Document order (which is earlier) comes from the corpus dates,
    else a ``doc_date``/``doc_year`` column, else the year most of a document's targets are for.
    Columns: :data:`ATTAINMENT_COLUMNS`, sorted by place, indicator, measure, year/period.
    """
    check_quantities(q)
    t = _prepare(q, corpus)
    if registered:
        from .indicators import indicator_registry

        t = t[t["indicator"].isin(set(indicator_registry().names))]
    if t.empty:
        return pd.DataFrame(columns=ATTAINMENT_COLUMNS)
    keys = ["place", "indicator", "measure", "_key", "_base"]
    groups: dict[tuple, list[dict]] = {}
    for record in t.to_dict("records"):  # plain dicts: per-group DataFrames are slow
        groups.setdefault(tuple(record[k] for k in keys), []).append(record)
    rows = [_row(key, g) for key, g in groups.items()]
    # a key whose only statements are a report's own-year "results" has neither side
    out = pd.DataFrame([r for r in rows if r["target_doc"] is not None or r["achieved_doc"] is not None])
    if out.empty:
        return pd.DataFrame(columns=ATTAINMENT_COLUMNS)
    out["met"] = out["met"].astype("boolean")
    for c in ("year", "period_start", "period_end", "target_start", "target_end", "achieved_start",
              "achieved_end"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("Int64")
    out = out.sort_values(["place", "indicator", "measure", "period_end", "period_start"], na_position="last")
    return out[ATTAINMENT_COLUMNS].reset_index(drop=True)


POSSIBLE_COLUMNS = ["place", "period", "measure", "target_indicator", "target", "relation", "unit",
                    "result_indicator", "achieved", "achieved_unit", "likeness", "same_value", "met_if_same",
                    "target_doc", "target_start", "achieved_doc", "achieved_start", "target_sentence",
                    "achieved_sentence"]


def tracked_series(table: pd.DataFrame, *, min_years: int = 2) -> pd.DataFrame:
    """The rows of a textstat_attainment table worth summing up: the registry's indicators (GDP,
    revenue, income, jobs …), and any other indicator that one place judged (a target and its
    result) in at least ``min_years`` years in one measure: a series the place keeps
    (区本级固定资产投资, 地方财政总收入), not a one-off project. All rows of a kept series stay."""
    from .indicators import indicator_registry

    if table.empty:
        return table
    keys = ["place", "indicator", "measure"]
    judged = table[table["met"].notna() & table["year"].notna()]
    years = judged.groupby(keys)["year"].nunique()
    series = set(years[years >= min_years].index)
    keep = table["indicator"].isin(set(indicator_registry().names)) | pd.Series(
        [key in series for key in zip(*(table[k] for k in keys))], index=table.index, dtype=bool)
    return table[keep]


def attainment_subset(table: pd.DataFrame, *, indicator: str, measure: str,
                      place: str | None = None) -> pd.DataFrame:
    """The rows of one series of a textstat_attainment table: one indicator, measure and place,
    in the unit most of its targets are stated in (a growth rate in % has no row of
    比2010年增加13480元 beside it: another unit is another series, with gaps that do not compare)."""
    from .indicators import canonical_indicator

    t = table[(table["indicator"] == canonical_indicator(indicator)) & (table["measure"] == measure)]
    if place is not None:
        t = t[t["place"] == place]
    units = t.loc[t["target"].notna(), "unit"].dropna().mode()
    if len(units) == 0:
        units = t["unit"].dropna().mode()
    return t[t["unit"] == units.iloc[0]] if len(units) else t


def textstat_possible_results(table: pd.DataFrame, *, min_likeness: float = 0.6) -> pd.DataFrame:
    """Targets with no result under their own name, each beside the result of the same place,
    year, measure and kind of unit whose name is most alike: a pair for a reader to confirm,
    never counted as met or missed. A report's plan often names a project one way (新建大棚300个)
    and the next report its result another (新建蔬菜大棚300个).

    ``table`` is textstat_attainment(); a pair shares the period too (a plan's 年均 target for
    2026–2030 is not answered by the rate of 2021–2025). Likeness is the Dice coefficient of the two names'
    character pairs (水冲式公厕 / 水冲式公共厕所: 0.6, 大棚 / 蔬菜大棚: 0.5), and a pair is kept from
    ``min_likeness`` on, or from two thirds of it when the two values are equal. A name of both
    halves (城乡…) is never paired with one half (城镇…, 农村…): both_halves reads those. A result
    answers one target at most: pairs of equal values first, then the most alike names.
    ``met_if_same`` is target_met's verdict if the two are one thing; none for sums of money (投资1.15亿元的
    …工程开工建设 is a project's cost, no year's result, and names cannot tell the two apart). Columns:
    :data:`POSSIBLE_COLUMNS`, most alike first.
    """
    if table.empty:
        return pd.DataFrame(columns=POSSIBLE_COLUMNS)
    dated = table["period"].notna() & (table["period"] != "")
    targets = table[dated & table["target"].notna() & table["achieved"].isna()].to_dict("records")
    results = table[dated & table["achieved"].notna() & table["target"].isna()].to_dict("records")
    candidates = []
    for i, t in enumerate(targets):
        ft, ut = unit_scale(t["unit"])
        for j, r in enumerate(results):
            # the period, not the year: plan-period rows (年均, 2026–2030) have no year, and
            # two missing years would compare equal
            if (r["place"], r["period"], r["measure"]) != (t["place"], t["period"], t["measure"]):
                continue
            fr, ur = unit_scale(r["achieved_unit"])
            if ut != ur or _halves(t["indicator"], r["indicator"]):
                continue
            likeness = _name_likeness(t["indicator"], r["indicator"])
            same_value = abs(r["achieved"] * fr - t["target"] * ft) < 1e-9 * max(1.0, abs(t["target"] * ft))
            if likeness >= (min_likeness * 2 / 3 if same_value else min_likeness):
                candidates.append((same_value, likeness, i, j, r["achieved"] * fr / ft))
    pairs, used_t, used_r = [], set(), set()
    # one result answers one target: equal values first, then the most alike names
    for same_value, likeness, i, j, achieved in sorted(candidates, key=lambda c: (-c[0], -c[1], c[2], c[3])):
        if i in used_t or j in used_r:
            continue
        used_t.add(i)
        used_r.add(j)
        t, r = targets[i], results[j]
        high = None if _missing(t["target_high"]) else t["target_high"]
        met, _ = target_met(t["target"], achieved, relation=t["relation"], target_high=high, unit=t["unit"],
                            indicator=t["indicator"], measure=t["measure"])
        met = None if unit_kind(str(t["unit"])) == "money" else met
        pairs.append({"place": t["place"], "period": t["period"], "measure": t["measure"],
                      "target_indicator": t["indicator"], "target": t["target"], "relation": t["relation"],
                      "unit": t["unit"], "result_indicator": r["indicator"], "achieved": r["achieved"],
                      "achieved_unit": r["achieved_unit"], "likeness": round(likeness, 2), "same_value": same_value,
                      "met_if_same": met, "target_doc": t["target_doc"], "target_start": t["target_start"],
                      "achieved_doc": r["achieved_doc"], "achieved_start": r["achieved_start"],
                      "target_sentence": t["target_sentence"], "achieved_sentence": r["achieved_sentence"]})
    out = pd.DataFrame(pairs, columns=POSSIBLE_COLUMNS)
    return out.sort_values(["likeness", "same_value", "place", "period"], ascending=[False, False, True, True],
                           kind="mergesort").reset_index(drop=True)


def _halves(a: str, b: str) -> bool:
    """One name of both halves (城乡…) and one of a half (城镇…, 农村…)."""
    return {"城乡" in a, "城乡" in b} == {True, False} and any(h in a + b for h in ("城镇", "农村"))


def _name_likeness(a: str, b: str) -> float:
    """Dice coefficient of the character pairs of two names (a one-character name is its pair)."""
    pa, pb = (_bigrams(x) or frozenset([x]) for x in (a, b))
    return 2 * len(pa & pb) / (len(pa) + len(pb))

# ------------------------------------------------------------------ files (the CLI)

# ------------------------------------------------------------------ the chart

@cached_figure
def textplot_attainment(table: pd.DataFrame, *, indicator: str, measure: str = "change",
                        place: str | None = None, ax=None):
    """Each year's target band against its outcome, from :func:`textstat_attainment`.

    A vertical bar per year spans the target (a range 5–5.5%; 左右 ± the tolerance; a
    point for a plain target, with ▲ for 以上 and ▼ for 以内); the outcome is a dot, green
    when met, red when missed, hollow when it is an estimate, ringed (dotted) when the target
    and the outcome name two statistics (``statistics``).  Plan-period rows are left out
    (they are not one year).  Returns the matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    from .indicators import canonical_indicator

    name = canonical_indicator(indicator)
    t = attainment_subset(table, indicator=name, measure=measure, place=place)
    t = t[t["year"].notna()]
    if t.empty:
        where = f" in {place}" if place is not None else ""
        raise ParameterError(f"no yearly {measure!r} targets or results for {indicator!r}{where}")
    from .fonts import use_cjk_font

    use_cjk_font()
    if ax is None:
        fig, ax = plt.subplots(figsize=(8, 4))
    else:
        fig = ax.figure
    _draw_attainment(ax, t)
    # a band's bar would pin the axis to its bottom (sticky edges): an outcome there was half cut off
    ax.use_sticky_edges = False
    ax.margins(y=0.12)
    ax.autoscale_view()
    years = [int(y) for y in t["year"]]
    ax.set_xticks(range(min(years), max(years) + 1))
    ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
    unit = t["unit"].dropna().mode()
    ax.set_ylabel(unit.iloc[0] if len(unit) else "")
    ax.set_xlabel("year")
    title_place = f"{place} " if place else (f"{t['place'].iloc[0]} " if t["place"].nunique() == 1 else "")
    ax.set_title(f"{title_place}{name} ({measure}): target vs outcome")
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.set_layout_engine("tight")  # laid out at draw time, skipped when cached
    return fig


def _band(r) -> tuple[float, float]:
    low = float(r.target)
    if not pd.isna(r.target_high):
        return low, float(r.target_high)
    if r.relation == "~":
        tol = _tolerance(low, r.unit)
        return low - tol, low + tol
    return low, low


def _draw_attainment(ax, t: pd.DataFrame) -> None:
    seen = set()

    def once(label):
        if label in seen:
            return None
        seen.add(label)
        return label

    for r in t.itertuples():
        x = int(r.year)
        if not pd.isna(r.target):
            low, high = _band(r)
            if high > low:
                ax.bar(x, high - low, bottom=low, width=0.5, color="#9ecae1", alpha=0.8,
                       label=once("target band"))
            marker = {">=": "^", "<=": "v"}.get(r.relation, "_")
            ax.scatter(x, r.target, marker=marker, s=160 if marker == "_" else 60, color="#2171b5", zorder=3,
                       label=once({"^": "target (at least)", "v": "target (at most)"}.get(marker, "target")))
        if not pd.isna(r.achieved):
            color = {True: "#2ca02c", False: "#d62728"}.get(None if pd.isna(r.met) else bool(r.met), "grey")
            estimate = r.achieved_kind == "estimate"
            label = "estimate" if estimate else {"#2ca02c": "outcome (met)", "#d62728": "outcome (missed)"}.get(
                color, "outcome (no target)")
            ax.scatter(x, r.achieved, marker="o", s=55, zorder=4, edgecolors=color,
                       facecolors="none" if estimate else color, label=once(label))
            if isinstance(getattr(r, "statistics", None), str) and r.statistics:    # 纯收入 → 可支配收入
                ax.scatter(x, r.achieved, marker="o", s=180, zorder=4, facecolors="none", edgecolors="#555555",
                           linestyles="dotted", label=once("target and outcome in two statistics"))
            ax.annotate(f"{r.achieved:g}", (x, r.achieved), textcoords="offset points", xytext=(7, -3), fontsize=8)
