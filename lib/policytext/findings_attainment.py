"""Sentences about attainment (notebook 05), from a :func:`policytext.attainment.textstat_attainment`
table: how many targets were met, year by year for one series, what a summary leaves out, and
which targets have no result yet (the next report states none, or is not in the selection)."""
from __future__ import annotations

import pandas as pd

from .findings import fmt_count, fmt_figure, fmt_list, md_escape, nothing_to_show

__all__ = ["md_attainment", "md_attainment_scope"]


def _stated(value: float, high: float | None, unit: object, relation: object = "=") -> str:
    sign = {">=": "≥", "<=": "≤", "~": "≈"}.get(str(relation), "")
    text = fmt_figure(value) if high is None or high != high else f"{fmt_figure(value)}–{fmt_figure(high)}"
    return f"{sign}{text}{md_escape(unit) if unit is not None and unit == unit else ''}"


def _subject(table, what: str) -> str:
    """'地区生产总值 (change) in 海拉尔区' when the table holds one of each, else `what`."""
    if table["indicator"].nunique() == 1 and "measure" in table and table["measure"].nunique() == 1:
        parts = [f"{md_escape(table['indicator'].iloc[0])} ({md_escape(table['measure'].iloc[0])})"]
    else:
        parts = [what]
    if "place" in table and table["place"].nunique() == 1 and str(table["place"].iloc[0]):
        parts.append(f"in {md_escape(table['place'].iloc[0])}")
    return " ".join(parts)


def _points(value: float, unit: object) -> str:
    """A difference in a unit: 2.5 in % is '2.5 percentage points'."""
    unit = "" if unit is None or unit != unit else str(unit)
    if unit in ("%", "％"):
        figure = fmt_figure(value)
        return f"{figure} percentage {'point' if figure == '1' else 'points'}"
    return f"{fmt_figure(value)}{md_escape(unit)}"


def md_attainment(table, *, detail: int = 12, corpus=None) -> str:
    """Was the target met, in words, from a textstat_attainment table (filter it first to
    one indicator and place for a year-by-year account).  Up to ``detail`` target/result
    pairs are listed one by one; beyond that only the counts.  With the ``corpus``, a target
    without a result is told apart: the next year's report states none, or is not there yet."""
    t = table[table["year"].notna()] if len(table) else table
    both = t[t["target"].notna() & t["achieved"].notna() & t["met"].notna()] if len(t) else t
    if len(both) == 0:
        return nothing_to_show("target attainment", "no year has both a target and a result")
    multi = both["indicator"].nunique() > 1 or both["place"].nunique() > 1
    pairs = len(both)
    both, twins, differ = _one_per_promise(both) if multi or both["measure"].nunique() > 1 else (both, 0, [])
    met, missed = both[both["met"].astype(bool)], both[~both["met"].astype(bool)]
    unit = fmt_count(len(both), "target" if twins else "target–result pair") if multi else fmt_count(len(both), "year")
    if len(both) == 1:
        text = (f"For {_subject(both, 'the indicators tracked')}: {unit} has both a target and a result, "
                f"and the target was {'met' if len(met) else 'missed'}.")
    else:
        text = (f"For {_subject(both, 'the indicators tracked')}: of {unit} with both a target and a result, "
                f"{len(met)} met the target and {len(missed)} missed it.")
    if twins:
        text += (f" The table has {fmt_count(pairs, 'target–result pair')}: {twins} of the targets "
                 f"{'gives' if twins == 1 else 'give'} a growth rate and the level it leads to in one sentence, "
                 "and each such promise counts once here, by the rate (what the plan sets; the "
                 "level follows from it and from a base the next report may restate)."
                 + _judged_otherwise(differ))
    if len(both) <= detail:
        def pair(r):
            who = f"{md_escape(r.indicator)} " if multi else ""
            return (f"{who}{int(r.year)}: {_stated(r.target, r.target_high, r.unit, r.relation)} target, "
                    f"{fmt_figure(r.achieved)}{md_escape(r.achieved_unit or '')} "
                    f"{'estimated' if r.achieved_kind == 'estimate' else 'achieved'}")
        for label, rows in (("Met", met), ("Missed", missed)):
            if len(rows):
                text += f" {label}: " + "; ".join(pair(r) for r in rows.sort_values("year").itertuples()) + "."
    if len(missed) and missed["gap"].notna().any() and not multi:  # gaps in different units do not compare
        worst = missed.loc[missed["gap"].idxmin()]
        text += f" The largest shortfall was {_points(-worst['gap'], worst['unit'])} ({int(worst['year'])})."
    estimates = int((both["achieved_kind"] == "estimate").sum())
    if estimates:
        text += (" 1 of the results is an estimate (预计), not a final figure." if estimates == 1 else
                 f" {estimates} of the results are estimates (预计), not final figures.")
    text += _two_statistics(both, multi)
    open_years = t[t["target"].notna() & t["achieved"].isna()]
    if len(open_years) and not multi:
        text += _without_result(sorted({int(y) for y in open_years["year"]}), str(both["place"].iloc[0]), corpus)
    return text


def _two_statistics(both, multi: bool) -> str:
    """The verdicts whose target and result are written for two statistics, one of which replaced
    the other (attainment's ``statistics``: 农民人均纯收入 → 农村居民人均可支配收入)."""
    changed = both[[isinstance(v, str) and v != "" for v in both["statistics"]]] if "statistics" in both \
        else both.iloc[:0]
    if not len(changed):
        return ""
    items = "; ".join(f"{md_escape(r.indicator) + ' ' if multi else ''}{int(r.year)}: {md_escape(r.statistics)}"
                      for r in changed.sort_values("year").itertuples())
    n = len(changed)
    return (f" In {fmt_count(n, 'verdict')} the target and the result name two statistics, one of which "
            f"replaced the other ({items}): {'it compares' if n == 1 else 'they compare'} two measures of one "
            "thing, so read the gap with care.")


def _one_per_promise(both):
    """(rows, twins, differ): a level target set in the same sentence as a growth rate of the same
    indicator and year (地区生产总值增长8%，达到296亿元) left out, as the same promise; how many were,
    and those judged otherwise than their rate, as (indicator, year, rate met) in table order."""
    if "target_sentence" not in both:
        return both, 0, []
    key = ["place", "indicator", "year", "target_doc", "target_sentence"]
    rates = both[both["measure"].isin(["change", "avg_change"])]
    rate_met = {tuple(k): m for k, m in zip(rates[key].itertuples(index=False), rates["met"])}
    twin = [both["measure"].iloc[i] == "level" and tuple(k) in rate_met
            for i, k in enumerate(both[key].itertuples(index=False))]
    twin = pd.Series(twin, index=both.index)
    differ = [(k.indicator, int(k.year), bool(rate_met[tuple(k)]))
              for k, m in zip(both.loc[twin, key].itertuples(index=False), both.loc[twin, "met"])
              if bool(m) != bool(rate_met[tuple(k)])]
    return both[~twin], int(twin.sum()), differ


def _judged_otherwise(differ: list[tuple]) -> str:
    """The promises whose level was judged otherwise than their rate, named: the two figures of
    one report disagree there (a restated base, or prices), which a reader will want to read."""
    if not differ:
        return ""
    items = "; ".join(f"{md_escape(ind)} {year}: the rate {'met' if rate else 'missed'}, the level "
                      f"{'missed' if rate else 'met'}" for ind, year, rate in differ)
    return (f" For {len(differ)} of them the level was judged otherwise than the rate ({items}): the table "
            "has both rows, with their sentences.")


def md_attainment_scope(table, tracked) -> str:
    """What a summary of ``tracked`` (attainment.tracked_series of ``table``) leaves out: the
    judged pairs of one-off targets, which the full table and `policytext targets` still hold."""
    judged = table["met"].notna() & table["year"].notna() if len(table) else pd.Series(dtype=bool)
    left = int(judged.sum()) - int(judged.loc[tracked.index].sum()) if len(table) else 0
    if left <= 0:
        return ""
    return (f"This summary keeps the indicators policytext knows (GDP, revenue, income, jobs …) and any other "
            f"that a place judged in two years or more. {fmt_count(left, 'target–result pair')} of one-off targets "
            f"(an indicator judged in one year only) {'is' if left == 1 else 'are'} left out here; "
            "`policytext targets` lists every pair.")


def _without_result(years: list[int], place: str, corpus) -> str:
    """Targets with no result: the next report is in the selection and states none, or is not."""
    reports = {d.year for d in corpus if str(d.meta.get("place") or "") == place} if corpus is not None else set()
    silent, pending = [y for y in years if y + 1 in reports], [y for y in years if y + 1 not in reports]
    text = ""
    if silent:
        text += (f" The report{'s' if len(silent) > 1 else ''} of {fmt_list(str(y + 1) for y in silent)} "
                 f"state{'' if len(silent) > 1 else 's'} no result for the target{'s' if len(silent) > 1 else ''} "
                 f"of {fmt_list(map(str, silent))}.")
    if pending:
        text += (f" No result is stated yet for the target{'s' if len(pending) > 1 else ''} of "
                 f"{fmt_list(map(str, pending))}.")
    return text
