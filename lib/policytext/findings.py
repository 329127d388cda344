"""Sentences that state findings, written from the objects a notebook shows.

Every function here takes the table (or figure data) that the notebook displays
and returns Markdown. A notebook never writes a place, a number or a ranking by
hand: it calls one of these, so the prose cannot disagree with the table beside
it, and a selection with nothing to show gets one sentence saying so.

Text from the data (place names, titles, terms, sentences) goes through
`md_escape` before it enters Markdown, so it is shown, never interpreted.
"""
from __future__ import annotations

import html
import math
import re

__all__ = ["md_escape", "fmt_number", "fmt_percent", "nothing_to_show"]

# Markdown punctuation that could start emphasis, links, code, headings, tables or HTML.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def md_escape(text: object) -> str:
    """`text` as inert Markdown: HTML escaped, Markdown punctuation backslashed, one line."""
    escaped = html.escape(str(text), quote=True)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    return " ".join(escaped.split())


def fmt_number(value: float | int | None, *, decimals: int = 1) -> str:
    """A number as a reader writes it: thousands separators, fixed decimals, no -0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # never print -0.0
    if decimals == 0:
        return f"{int(rounded):,}"
    return f"{rounded:,.{decimals}f}"


def fmt_percent(value: float | None, *, decimals: int = 1) -> str:
    """A percentage value (already in percent, 7.5 → "7.5%")."""
    text = fmt_number(value, decimals=decimals)
    return text if text == "–" else f"{text}%"


def nothing_to_show(what: str, why: str) -> str:
    """The one sentence a section shows when the selection gives it nothing."""
    return f"*Nothing to show for this selection: {what} — {why}.*"


# --- term frequency, themes, corpus (notebooks 00-03) ---------------------------------


# --- target tracking (notebooks 04-05) -------------------------------------------------
# Views and sentences of notebooks 04-05 beside these live in findings_tracking (this module
# would pass 600 lines with them).

# Markdown from the tables of policytext.attainment, .revisions and .crosssection: every
# number and name below comes from the table passed in.

__all__ += ["md_attainment", "md_revisions", "md_crosssection"]


def _num(value: float) -> str:
    """A stated figure with the decimals it needs (21 -> '21', 18.5 -> '18.5')."""
    value = float(value)
    for decimals in (0, 1, 2):
        if abs(value - round(value, decimals)) < 1e-9:
            return fmt_number(value, decimals=decimals)
    return fmt_number(value, decimals=2)


def _stated(value: float, high: float | None, unit: object, relation: object = "=") -> str:
    sign = {">=": "≥", "<=": "≤", "~": "≈"}.get(str(relation), "")
    text = _num(value) if high is None or high != high else f"{_num(value)}–{_num(high)}"
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
    return f"{_num(value)} percentage points" if unit in ("%", "％") else f"{_num(value)}{md_escape(unit)}"


def md_attainment(table, *, detail: int = 12) -> str:
    """Was the target met, in words, from a textstat_attainment table (filter it first to
    one indicator and place for a year-by-year account).  Up to ``detail`` target/result
    pairs are listed one by one; beyond that only the counts."""
    t = table[table["year"].notna()] if len(table) else table
    both = t[t["target"].notna() & t["achieved"].notna() & t["met"].notna()] if len(t) else t
    if len(both) == 0:
        return nothing_to_show("target attainment", "no year has both a target and a result")
    met, missed = both[both["met"].astype(bool)], both[~both["met"].astype(bool)]
    multi = both["indicator"].nunique() > 1 or both["place"].nunique() > 1
    unit = "target–result pairs" if multi else "years"
    text = (f"For {_subject(both, 'these indicators')}: of {len(both)} {unit} with both a target and a result, "
            f"{len(met)} met the target and {len(missed)} missed it.")
    if len(both) <= detail:
        def pair(r):
            who = f"{md_escape(r.indicator)} " if multi else ""
            return (f"{who}{int(r.year)}: {_stated(r.target, r.target_high, r.unit, r.relation)} target, "
                    f"{_num(r.achieved)}{md_escape(r.achieved_unit or '')} "
                    f"{'estimated' if r.achieved_kind == 'estimate' else 'achieved'}")
        for label, rows in (("Met", met), ("Missed", missed)):
            if len(rows):
                text += f" {label}: " + "; ".join(pair(r) for r in rows.sort_values("year").itertuples()) + "."
    if len(missed) and missed["gap"].notna().any() and not multi:  # gaps in different units do not compare
        worst = missed.loc[missed["gap"].idxmin()]
        text += f" The largest shortfall was {_points(-worst['gap'], worst['unit'])} ({int(worst['year'])})."
    estimates = int((both["achieved_kind"] == "estimate").sum())
    if estimates:
        text += f" {estimates} of the results are estimates (预计), not final figures."
    open_years = t[t["target"].notna() & t["achieved"].isna()]
    if len(open_years) and not multi:
        years = ", ".join(str(int(y)) for y in sorted(open_years["year"]))
        text += f" No result is stated yet for the target of {years}."
    return text


def md_revisions(table, *, top: int = 5) -> str:
    """What was restated across documents, in words, from a textstat_revisions table: the
    counts by kind and the first ``top`` cases with both values and their documents."""
    if len(table) == 0:
        return nothing_to_show("revisions", "no figure is stated differently by two documents")
    counts = table["kind"].value_counts()
    kinds = ", ".join(f"{md_escape(k)}: {n}" for k, n in counts.items())
    text = f"{len(table)} figures are stated differently across documents ({kinds})."
    for r in table.head(top).itertuples():
        earlier = f"{_num(r.earlier_value)}{md_escape(r.unit)} for {int(r.earlier_year)} ({md_escape(r.earlier_doc)})"
        later = f"{_num(r.later_value)}{md_escape(r.later_unit)} for {int(r.later_year)} ({md_escape(r.later_doc)})"
        what = f"{md_escape(r.place) + ' ' if r.place else ''}{md_escape(r.indicator)} ({md_escape(r.measure)})"
        if r.kind == "restated base":
            text += (f" {what}: {earlier}, then {later} — {_num(r.implied_growth)}% a year, against reported "
                     f"growth of {_num(r.stated_growth)}%: a restated base.")
        else:
            text += f" {what}: {earlier}, then {later} ({md_escape(r.kind)})."
    if len(table) > top:
        text += f" {len(table) - top} more in the table."
    return text


def md_crosssection(table) -> str:
    """One year's targets across places, in words, from a textstat_crosssection table:
    range, most common value, and how annual targets stand against plan-period averages."""
    t = table[table["target"].notna()] if len(table) else table
    if len(t) == 0:
        return nothing_to_show("cross-section", "no place sets this target for the year")
    what = f"{md_escape(t['indicator'].iloc[0])} ({md_escape(t['measure'].iloc[0])})"
    unit = md_escape(t["unit"].dropna().iloc[0]) if t["unit"].notna().any() else ""
    low, high = t.loc[t["target"].idxmin()], t.loc[t["target"].idxmax()]
    text = f"{len(t)} places set a {int(t['year'].iloc[0])} target for {what}"
    if low["target"] == high["target"]:
        text += f", all of them {_num(low['target'])}{unit}."
    else:
        mode = t["target"].mode()
        common = t["target"].eq(mode.iloc[0]).sum()
        text += (f": from {_num(low['target'])}{unit} ({md_escape(low['place'])}) to {_num(high['target'])}{unit} "
                 f"({md_escape(high['place'])}); {common} of them chose {_num(mode.iloc[0])}{unit}.")
    ranges = int(t["target_high"].notna().sum())
    if ranges:
        text += f" {ranges} state a range rather than one figure."
    paired = t[t["average"].notna()]
    if len(paired):
        above = int((paired["difference"] > 1e-9).sum())
        below = int((paired["difference"] < -1e-9).sum())
        text += (f" {len(paired)} also set an average annual rate for the plan period "
                 f"({md_escape(paired['average_period'].iloc[0])}): the annual target is above it in {above}, "
                 f"equal in {len(paired) - above - below} and below it in {below}.")
    return text
