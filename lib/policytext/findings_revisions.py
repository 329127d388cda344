"""Sentences about figures restated across documents (notebooks 04 and 05), from a
:func:`policytext.revisions.textstat_revisions` table: what was stated differently, and for a
restated base why the stated growth cannot explain it, with the years for which no report
states growth and the words that name the restatement (剔除虚增空转因素 in the later sentence, or
数据不实 in a report between the two) when a report says so."""
from __future__ import annotations

from .findings import fmt_count, fmt_figure, fmt_list, fmt_percent, md_escape, nothing_to_show

__all__ = ["md_revisions", "md_restated", "md_restated_verdicts"]


def md_revisions(table, *, top: int = 5) -> str:
    """What was restated across documents, in words, from a textstat_revisions table: the
    counts by kind and the first ``top`` cases with both values and their documents."""
    if len(table) == 0:
        return nothing_to_show("revisions", "no figure is stated differently by two documents")
    counts = table["kind"].value_counts()
    kinds = ", ".join(f"{md_escape(k)}: {n}" for k, n in counts.items())
    text = (f"{fmt_count(len(table), 'figure')} {'is' if len(table) == 1 else 'are'} stated differently "
            f"across documents ({kinds}).")
    for r in table.head(top).itertuples():
        earlier = (f"{fmt_figure(r.earlier_value)}{md_escape(r.unit)} for {int(r.earlier_year)} "
                   f"({md_escape(r.earlier_doc)})")
        later = (f"{fmt_figure(r.later_value)}{md_escape(r.later_unit)} for {int(r.later_year)} "
                 f"({md_escape(r.later_doc)})")
        what = f"{md_escape(r.place) + ' ' if r.place else ''}{md_escape(r.indicator)} ({md_escape(r.measure)})"
        if r.kind == "restated base":
            text += f" {what}: {earlier}, then {later} — {_restated_reason(r._asdict())}."
        else:
            text += f" {what}: {earlier}, then {later} ({md_escape(r.kind)})."
    if len(table) > top:
        text += f" {len(table) - top} more in the table."
    return text


def _said(r: dict, column: str) -> str:     # a text column of a revisions row; NaN in other kinds' rows
    return r.get(column) if isinstance(r.get(column), str) else ""


def _uncertain(r: dict) -> bool:     # a change in years without stated growth could explain it too
    return bool(_said(r, "unstated_years")) and not _said(r, "restatement_cue")


def _restated_reason(r: dict, *, verdict: bool = True) -> str:
    """Why a textstat_revisions row is a restated base: the growth a year between the two levels,
    the growth stated, the years without one and what they would need, the sentence's own words."""
    text = f"{fmt_percent(r['implied_growth'])} a year"      # (one decimal, as the tables show it)
    if r.get("stated_growth") == r.get("stated_growth"):         # not NaN
        text += f", against reported growth of {fmt_figure(r['stated_growth'])}% for {int(r['later_year'])}"
    if _said(r, "unstated_years"):
        text += f"; no report states growth for {md_escape(r['unstated_years'])}"
        if _uncertain(r):
            text += f", which would need {fmt_percent(r['unexplained_growth'])} a year"
    if _said(r, "restatement_cue"):
        who = ("the later sentence" if _said(r, "restatement_sentence") in ("", _said(r, "later_sentence"))
               else f"the report {md_escape(_said(r, 'restatement_doc'))}")      # a report between names it
        text += f"; {who} says {md_escape(r['restatement_cue'])}"
    ending = ": a restated base, or a change of that size then" if _uncertain(r) else ": a restated base"
    return text + ending if verdict else text


def md_restated(table) -> str:
    """A conclusions bullet for notebook 04 from a textstat_revisions table: the restated bases
    (levels the stated growth cannot explain), with the widest gap; "" when there are none."""
    restated = table[table["kind"] == "restated base"] if len(table) else table
    if len(restated) == 0:
        return ""
    r = restated.loc[restated["unexplained_growth"].abs().idxmax()]
    places = sorted({p for p in restated["place"] if isinstance(p, str) and p})
    places = fmt_list(places) if places else "the selection"        # (fmt_list escapes)
    widest = (f"{md_escape(r['indicator'])} {fmt_figure(r['earlier_value'])}{md_escape(r['unit'])} for "
              f"{int(r['earlier_year'])}, then {fmt_figure(r['later_value'])}{md_escape(r['later_unit'])} for "
              f"{int(r['later_year'])}, {_restated_reason(r.to_dict(), verdict=False)}")
    some = [x for x in restated.to_dict("records") if _uncertain(x)]
    named = fmt_list(f"{x['indicator']} {int(x['earlier_year'])}–{int(x['later_year'])}" for x in some)
    caveat = (f" ({'that of' if len(some) == 1 else 'those of'} {named} could also be a change in years for which "
              "no report states growth)") if some else ""
    return (f"- **Restated series.** {fmt_count(len(restated), 'level')} of {places} "
            f"{'moves' if len(restated) == 1 else 'move'} between reports in a way the growth the reports state "
            f"cannot explain (the widest gap: {widest}): the series were restated on a new base{caveat}, so compare "
            "levels within one report, not across reports. Notebook 05 (section 2) lists them with both sentences.")


def md_restated_verdicts(attainment, revisions) -> str:
    """The judged target–result pairs whose result a later report restated on a new base it
    names (剔除虚增空转因素, 数据不实): the same place, indicator and measure, up to the last year stated
    on the old base. Their verdicts rest on the old figures; "" when there are none. When the words
    name inflated figures (虚增空转, 数据不实, 注水), the growth rates judged for the indicator in
    those years are said too: they were computed from the same figures."""
    named = revisions[(revisions["kind"] == "restated base")
                      & (revisions["restatement_cue"].fillna("") != "")] if len(revisions) else revisions
    judged = attainment[attainment["met"].notna() & attainment["year"].notna()] if len(attainment) else attainment
    levels, rates = [], []
    for (place, indicator, measure), g in judged.groupby(["place", "indicator", "measure"], sort=False):
        restated = named[(named["place"] == place) & (named["indicator"] == indicator)]
        if measure == "level":
            restated = restated[restated["measure"] == "level"]
        else:                       # a new base says nothing of rates, unless the old figures were untrue
            restated = restated[restated["restatement_cue"].str.contains(_INFLATED)]
        before = g[g["year"] <= restated["earlier_year"].max()] if len(restated) else g.iloc[:0]
        years = sorted({int(y) for y in before["year"]})
        if years:
            span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
            (levels if measure == "level" else rates).append((len(before), f"{indicator} {span}"))
    text = []
    if levels:
        n, where = sum(k for k, _ in levels), fmt_list([t for _, t in levels])     # (fmt_list escapes)
        text.append(f"{fmt_count(n, 'of these verdicts', 'of these verdicts')} {'judges' if n == 1 else 'judge'} a "
                    f"level stated on a base that a later report replaced, saying why ({where}; section 2 gives "
                    f"the sentences): {'it rests' if n == 1 else 'they rest'} on figures of the old base.")
    if rates:
        n, where = sum(k for k, _ in rates), fmt_list([t for _, t in rates])
        text.append(f"{fmt_count(n, 'verdict')} on growth {'rate' if n == 1 else 'rates'} ({where}) "
                    f"{'rests' if n == 1 else 'rest'} on the same figures, which the later report calls inflated "
                    "or untrue: read them with the same care.")
    return " ".join(text)


# Words of a restatement that say the old figures were untrue, not only on another base.
_INFLATED = r"虚增|空转|不实|注水|造假|水分"

