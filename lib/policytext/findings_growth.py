"""Findings on level targets and the growth they imply (notebook 04, section 3), and how a stated
target reads ("7% or more", "about 6%"): the sentences and the table beside the implied-growth
chart, kept apart from :mod:`policytext.findings_tracking`, which re-exports them.

The rule: a level target (地区生产总值 500亿元 by 2026) implies an annual growth rate from the
latest reported level, set against the annual growth targets stated for the years it spans.
"""
from __future__ import annotations

import math
import re

from .findings import fmt_count, fmt_percent, md_escape, nothing_to_show
from .numbers import written_fan
from .targets import base_in_target_unit, places_of

__all__ = ["fmt_stated", "usable_growth", "table_implied_growth", "md_implied_growth"]

_RELATION_WORDS = {">=": "{} or more", "<=": "at most {}", "~": "about {}", "=": "{}"}


def _written(value: float) -> str:
    """A value as the report writes it: 48132, 326.5 (no thousands separators, no trailing zeros)."""
    return format(float(value), ".12g")


def fmt_stated(value: float, *, high: float | None = None, relation: str | None = "=", unit: str = "") -> str:
    """A target or figure as a reader says it: "7% or more", "about 6%", "5–5.5%", "at most 4%"."""
    unit = "" if unit is None or (isinstance(unit, float) and math.isnan(unit)) else str(unit)
    if unit == "番":
        text = written_fan(value)
    elif high is not None and not (isinstance(high, float) and math.isnan(high)):
        text = f"{_written(value)}–{_written(high)}{unit}"
    else:
        text = f"{_written(value)}{unit}"
    relation = relation if relation in _RELATION_WORDS else "="
    return _RELATION_WORDS[relation].format(text)


def _stated_growth(q, corpus=None):
    """Growth targets in % (annual `change`, and `avg_change` over a span), with their place."""
    rows = q[(q["label"] == "target") & q["measure"].isin(("change", "avg_change")) & (q["unit"] == "%")].copy()
    rows["place"] = places_of(rows, corpus)
    return rows


def _when(row) -> str:
    period = row.get("period") if hasattr(row, "get") else None
    if row["measure"] == "avg_change":
        span = period if isinstance(period, str) and period else "a plan period"
        return f"a year on average over {span}"
    year = row.get("year")
    return f"for {int(year)}" if year is not None and not (isinstance(year, float) and math.isnan(year)) else ""


def usable_growth(growth):
    """Level targets whose implied rate a reader compares: registry indicators, not single
    projects (textstat_implied_growth already leaves out rates and flows)."""
    from .indicators import indicator_registry

    return growth[growth["indicator"].isin(set(indicator_registry().names))].reset_index(drop=True)


def _base_text(row) -> str:
    """The base as written, and converted to the target's unit when only the magnitude differs
    (24726元 = 2.473万元, targets.base_in_target_unit)."""
    base = f"{_written(row['base_value'])}{row['base_unit']}"
    value = base_in_target_unit(row)
    return base if value is None else f"{base} = {format(value, '.4g')}{row['unit']}"


def table_implied_growth(growth, q, *, corpus=None):
    """The implied-growth table for reading: the base converted to the target's unit (24726元 =
    2.473万元), targets as stated, and the growth targets stated for the same place and indicator
    ("7% or more, for 2022 (doc)"). `growth` is textstat_implied_growth() (stocks only); single
    projects are left out (usable_growth)."""
    import pandas as pd

    growth = usable_growth(growth)
    stated = _stated_growth(q, corpus)
    rows = []
    for r in growth.to_dict("records"):
        same = _stated_for(stated, r)
        rows.append({
            "place": r["place"], "indicator": r["indicator"],
            "base": f"{_base_text(r)} ({r['base_year']}, {r['base_label']}, {_at(r, 'base')})",
            "target": f"{fmt_stated(r['target_value'], relation=r['target_relation'], unit=r['unit'])} "
                      f"by {r['target_year']} ({_at(r, 'target')})",
            "implied_growth": float(r["implied_growth"]),
            "stated_growth": "; ".join(
                f"{fmt_stated(s['value'], high=s.get('value_high'), relation=s['relation'], unit='%')}, "
                f"{_when(s)} ({s['doc']})" for s in same.to_dict("records")) or "none stated"})
    return pd.DataFrame(rows, columns=["place", "indicator", "base", "target", "implied_growth", "stated_growth"])


def _at(r, side: str) -> str:
    """The document of a side, with its raw offset when known: "gov_2013 @2770"."""
    start = r.get(f"{side}_start")
    known = start is not None and not (isinstance(start, float) and math.isnan(start))
    return f"{r[side + '_doc']} @{int(start)}" if known else str(r[side + "_doc"])


def _implied_verdicts(growth, q, corpus=None, tolerance: float = 1.0) -> list[tuple[dict, str]]:
    """The rule applied to each level target: the annual rate it needs against the annual growth
    targets stated for the same place and indicator for the years it spans. More than `tolerance`
    points above all of them = more ambitious; below all = less; a floor (以上) at or under the
    latest level allows a fall (the year is not over). A target under half the latest level is not read
    as a fall or as reached: the two are most likely of another scope (新建改造高标准农田400万亩 in a year
    against 3167万亩 built over five years, an annual 成交额 against a 累计 one). A target about the
    stated growth says in ``rate_beside`` whether that growth is stated in its own sentence."""
    stated = _stated_growth(q, corpus)
    out = []
    for r in usable_growth(growth).to_dict("records"):
        same = _stated_for(stated, r)
        same = same[same["measure"] == "change"]
        rate = float(r["implied_growth"])
        if (1 + rate / 100) ** float(r["years"]) < 0.5:      # target / base
            verdict = ("under half of the latest level (most likely another scope: one year's amount "
                       "against a total over several years)")
        elif rate <= 0 and r["target_relation"] == ">=":
            fall = (1 - (1 + rate / 100) ** float(r["years"])) * 100
            aim = _aim_above(r)
            verdict = (f"a floor at or below the latest level (met even after a fall of up to {fmt_percent(fall)}"
                       if fall >= 0.05 else "a floor at the latest level (met if it holds")
            verdict += f"; the same clause aims above last year: {aim})" if aim else ")"
        elif rate < 0:
            verdict = "below the latest level (a fall, or a different scope)"
        elif same.empty:
            verdict = "no annual growth target stated for those years"
        elif rate > float(same["value"].max()) + tolerance:
            verdict = f"more than the stated annual growth ({fmt_percent(float(same['value'].max()))})"
        elif rate < float(same["value"].min()) - tolerance:
            verdict = f"less than the stated annual growth ({fmt_percent(float(same['value'].min()))})"
        else:
            verdict = "about the stated annual growth"
            r["rate_beside"] = _rate_beside(same, r)        # (then the level is the rate applied: arithmetic)
        out.append((r, verdict))
    return out


def md_implied_growth(growth, q, *, corpus=None, tolerance: float = 1.0, show: int = 8) -> str:
    """Counts of level targets by verdict (see _implied_verdicts), then up to `show` lines for the
    targets that are not about the stated growth."""
    verdicts = _implied_verdicts(growth, q, corpus, tolerance)
    if not verdicts:
        return nothing_to_show("implied growth",
                               "no level target has an earlier reported level of the same indicator and place")
    lines = []
    for r, verdict in verdicts:
        if verdict.startswith("about"):
            continue
        target = md_escape(fmt_stated(r["target_value"], relation=r["target_relation"], unit=r["unit"]))
        need = ("is at or below" if verdict.startswith("a floor") else "is below" if verdict.startswith("below")
                else "against" if verdict.startswith("under")
                else f"needs {fmt_percent(r['implied_growth'])} a year from")
        lines.append(f"- **{md_escape(r['indicator'])}** ({md_escape(r['place']) or 'one place'}): {target} "
                     f"by {r['target_year']} {need} {md_escape(_base_text(r))} in {r['base_year']}: {verdict}.")
    kinds = [v.split(" (")[0] for _, v in verdicts]
    counts = {v: kinds.count(v) for v in dict.fromkeys(kinds)}
    text = (f"Of {fmt_count(len(verdicts), 'level target')} with an earlier level: "
            + "; ".join(_verdict_count(v, n) for v, n in counts.items()) + ".")
    in_line = [r for r, v in verdicts if v.startswith("about")]
    alike = sum(r["rate_beside"] for r in in_line)
    if alike:
        # (增长8%，达到296亿元: the level is the rate applied to the base, so they agree by arithmetic)
        verb = "states" if alike == 1 else "state"
        who = (("It" if alike == 1 else f"All {alike}") if alike == len(in_line)
               else f"{alike} of the {len(in_line)} in line")
        text += (f" {who} {verb} the level and its growth rate in one sentence: there the agreement checks the "
                 "base, not the ambition.")
    more = f"\n\n*… and {len(lines) - show} more in the table.*" if len(lines) > show else ""
    return text + ("\n\n" + "\n".join(lines[:show]) + more if lines else "")


# 粮食产量1300亿斤以上、力争比去年实现更多增长 (河南 2026): a floor, and in the same clause an aim above
# last year's level, which the floor alone would hide
_AIM_ABOVE = re.compile(r"(?:力争|争取)?(?:比(?:去|上)年[^，,；;。]{0,8}?(?:增长|增加|提高|更多)"
                        r"|(?:超过|高于)(?:去|上)年)[^，,；;。]{0,8}")


def _aim_above(r) -> str:
    """The words after a level target's value, in its clause, that aim above last year's level."""
    sentence = r.get("target_sentence")
    value = f"{float(r['target_value']):g}"
    at = sentence.find(value) if isinstance(sentence, str) else -1
    if at < 0:
        return ""
    clause = re.split(r"[，,；;。]", sentence[at:], maxsplit=1)[0]
    m = _AIM_ABOVE.search(clause)
    return m.group() if m else ""


def _rate_beside(same, r) -> bool:
    """Whether a growth target stated for the level target's years stands in its own sentence."""
    sentence = r.get("target_sentence")
    return isinstance(sentence, str) and bool(((same["doc"] == r["target_doc"]) & (same["sentence"] == sentence)).any())


def _verdict_count(verdict: str, n: int) -> str:
    one = n == 1
    if verdict.startswith(("a floor", "below", "under")):
        return f"{n} {'is' if one else 'are'} {verdict}"
    if verdict.startswith("no "):
        return f"{n} {'has' if one else 'have'} {verdict}"
    return f"{n} need{'s' if one else ''} {verdict}"


def _stated_for(stated, r):
    """Growth targets of the level target's place and indicator for the years it spans."""
    same = stated[(stated["place"] == r["place"]) & (stated["indicator"] == r["indicator"])]
    years = same["year"]
    return same[(years > r["base_year"]) & (years <= r["target_year"]) | (same["measure"] == "avg_change")]
