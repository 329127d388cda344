"""Findings of the target-tracking notebooks (04, 05): Markdown sentences and readable tables.

Like :mod:`policytext.findings` (whose escaping and number helpers this module uses), every
function takes the table a notebook shows and returns Markdown or the table as the reader sees
it, so the prose cannot disagree with the table beside it and a selection with nothing to show
gets one sentence saying so. Text from the data goes through ``md_escape``.

The rules a reader applies are written here once and applied to whatever is selected: a later
document's figure for a finished year is more likely final; a level target implies a growth
rate, set against the annual growth targets stated for the years it spans. (That the same value
set as the annual target of successive years is two targets, not a moved deadline, is a rule of
:func:`policytext.targets.textstat_consistency` itself.)
"""
from __future__ import annotations

from collections import Counter

from .findings import fmt_count, fmt_list, fmt_percent, md_escape, nothing_to_show
from .findings_attainment import md_attainment, md_attainment_scope
from .findings_crosssection import md_crosssection, md_crosssection_source, md_shared_indicators
from .findings_growth import (_implied_verdicts, _written, fmt_stated, md_implied_growth,
                              table_implied_growth, usable_growth)
from .findings_revisions import md_restated, md_restated_verdicts, md_revisions
from .metadata import doc_type_name
from .targets import doc_places

__all__ = [
    # notebook 04
    "fmt_stated", "md_city_targets", "md_consistency", "table_implied_growth", "md_implied_growth", "timeline_choices",
    "timeline_place", "md_timeline", "md_conclusions", "usable_growth",
    # notebook 05
    "md_selection", "md_selection_fallback", "attainment_choices", "md_attainment", "md_attainment_scope",
    "md_possible_results", "table_attainment", "table_attainment_summary", "md_revisions", "md_restated_verdicts",
    "table_revisions", "md_crosssection_source", "md_shared_indicators", "md_crosssection", "table_crosssection",
]

# notebook 04


def md_city_targets(targets, *, doc_types: dict | None = None, max_places: int = 4) -> str:
    """What the targets table holds: how many targets per place (all places together beyond
    `max_places`), from which kinds of document, for which years, and how many are average
    annual rates over a plan period (年均).
    `targets` is textstat_city_targets(); `doc_types` maps doc id -> doc_type."""
    if targets.empty:
        return nothing_to_show("targets", "no selected document sets a target for a registry indicator")
    named = targets.loc[targets["place"].astype(bool), "place"].nunique()    # '' is no place
    groups = list(targets.groupby("place", sort=False)) if targets["place"].nunique() <= max_places \
        else [(fmt_count(named, "place") + ("" if named == targets["place"].nunique() else " and documents "
                                            "without one"), targets)]
    parts = []
    for place, g in groups:
        where = md_escape(place) if place else "the selection" if len(groups) == 1 else "documents without a place"
        years = sorted(int(y) for y in g["year"].dropna().unique())
        span = "" if not years else f", for {years[0]}" if len(years) == 1 else f", for {years[0]}–{years[-1]}"
        parts.append(f"{fmt_count(len(g), 'target')} of {where} for "
                     f"{fmt_count(g['indicator'].nunique(), 'indicator')}, "
                     f"from {fmt_count(g['doc'].nunique(), 'document')}{span}")
    text = "The table lists " + "; ".join(parts) + "."
    same = [c for c in ("place", "doc", "indicator", "measure", "target", "period") if c in targets]
    if repeats := int(targets.duplicated(same).sum()):      # 新增城镇就业18万人以上 in the targets and again later
        text += (f" {fmt_count(repeats, 'of them repeats', 'of them repeat')} a target its document states earlier "
                 "(both are listed, with their sentences).")
    if "measure" in targets:
        spans = targets[targets["measure"] == "avg_change"]
        if len(spans):
            periods = sorted({str(p) for p in spans.get("period", []) if isinstance(p, str) and p})
            text += (f" {fmt_count(len(spans), 'target is an', 'targets are')} average annual rate"
                     f"{'' if len(spans) == 1 else 's'} (年均, measure avg_change) over "
                     f"{fmt_list(periods) or 'a plan period'}, not the target of one year.")
    if doc_types:
        kinds = targets["doc"].map(lambda d: doc_type_name(doc_types.get(d))).value_counts()
        if len(kinds) > 1:
            text += (" By kind of document: " + ", ".join(f"{md_escape(k)} {n}" for k, n in kinds.items())
                     + " of the listed targets.")
    return text


def _dated(doc: str, dates: dict) -> str:
    date = (dates or {}).get(doc)
    return f"{md_escape(doc)} ({md_escape(date)})" if date else md_escape(doc)


def _later_is_final(rows, dates: dict) -> str:
    """The rule a reader applies to two reported values: the document written later (after the
    year's statistics) is more likely final; a report of the same year states an estimate."""
    dated = [(str(dates.get(d) or ""), d) for d in rows["doc"].unique()]
    if not dates or any(not when for when, _ in dated):
        return ""
    when, latest = max(dated)
    value = rows[rows["doc"] == latest].iloc[0]
    early = [d for w, d in dated if w[:4] <= str(rows["statement_year"].iloc[0]) and d != latest]
    why = (f"; {fmt_list(early)} spoke before the year's statistics were out"
           if early else "")
    return (f" The later document's figure ({md_escape(fmt_stated(value['value'], unit=value['unit']))} in "
            f"{md_escape(latest)}) is more likely final{why}.")


def _check_line(key, rows, dates: dict) -> str:
    place, indicator, period, measure, finding = key
    rows = rows.drop_duplicates(["doc", "label", "value", "unit", "relation", "statement_year"])
    said = "; ".join(f"{r.label} {md_escape(fmt_stated(r.value, relation=r.relation, unit=r.unit))}"
                     f"{f' for {r.statement_year}' if finding == 'target year differs' else ''} in "
                     f"{_dated(r.doc, dates)}" for r in rows.itertuples())
    head = f"- **{md_escape(indicator)}, {period}** ({md_escape(place) or 'one place'}, {measure}) — {finding}: {said}."
    if finding == "reported values differ":
        head += _later_is_final(rows, dates)
    elif finding == "estimate revised":
        est = rows[rows["label"] == "estimate"].iloc[0]
        final = rows[rows["label"] == "achieved"].iloc[-1]
        if est["doc"] == final["doc"]:  # one document cannot revise itself: the years may differ
            head += " Estimate and result come from the same document: read both sentences for their years."
        elif est["unit"] == final["unit"] and est["value"]:
            change = final["value"] - est["value"]
            head += (f" The revision is {'+' if change >= 0 else ''}{md_escape(_written(round(change, 4)) + final['unit'])} "
                     f"({fmt_percent(100 * change / est['value'])} of the estimate).")
    elif finding == "target year differs":
        head += " The same promise carries different deadlines."
    return head


def md_consistency(checks, statements, *, dates: dict | None = None, docs_per_place: dict | None = None) -> str:
    """What the cross-document checks found, with the statements behind every disagreement.

    `checks` is textstat_consistency(); `statements` the same with statements=True; `dates` maps
    doc id -> date delivered/published (used for the rule "the later document is more likely final");
    `docs_per_place` (place -> documents) says why there is nothing to check when no place has two."""
    if checks.empty and docs_per_place and max(docs_per_place.values()) < 2:
        return nothing_to_show("cross-document checks", "each place has one document in this selection, and a "
                               "document is not checked against itself")
    if checks.empty:
        return nothing_to_show("cross-document checks", "no two documents of one place state the same kind of "
                               "figure (two results, or two targets) for one indicator and year; a target and "
                               "its result are set side by side in notebook 05")
    agree = checks["finding"].str.startswith("consistent")
    rounding = int((checks["finding"] == "consistent up to rounding").sum())
    n_agree, n_differ = int(agree.sum()), int((~agree).sum())
    rounded = f" ({rounding} only up to rounding)" if rounding else ""
    if n_differ == 0:
        text = (f"The one check agrees{rounded}." if len(checks) == 1
                else f"All {fmt_count(len(checks), 'check')} agree{rounded}.")
    else:
        text = (f"Of {fmt_count(len(checks), 'check')}, {n_agree} agree{rounded} and {n_differ} "
                f"{'does' if n_differ == 1 else 'do'} not.")
    statements = _with_period(statements)
    lines = [_check_line(key, rows, dates or {}) for key, rows in
             statements[~statements["finding"].str.startswith("consistent")].groupby(_CHECK_KEYS, sort=False)]
    return text + ("\n\n" + "\n".join(lines) if lines else "")


# What names one check of textstat_consistency: a year or a span ('2017–2021') is its period
_CHECK_KEYS = ["place", "indicator", "period", "measure", "finding"]


def _with_period(frame):
    """`frame` with a `period` column, from `year` in a table of single years that has none."""
    return frame if "period" in frame.columns else frame.assign(period=frame["year"].astype(str))


def timeline_choices(q, *, place: str, corpus=None, n: int = 3) -> list[str]:
    """Registry indicators worth a timeline in `place`: two values at least in the measure it draws (10件, then
    10件 again, is a flat line); most documents first, then targets and results both, then most values."""
    from .indicators import indicator_registry
    from .timeline import usual_measure

    order = list(indicator_registry().names)
    places = doc_places(corpus)
    rows = q[q["year"].notna() & q["indicator"].isin(order) & q["label"].isin(("target", "achieved", "estimate"))]
    if places:
        rows = rows[rows["doc"].map(lambda d: places.get(d, "")) == (place or "")]
    scored = []
    for indicator, g in rows.groupby("indicator"):
        g = g[g["measure"] == usual_measure(indicator, g["measure"])]
        if g["value"].nunique() >= 2 and g["year"].nunique() >= 2:      # (two points in one year: no line)
            kinds = (g["label"].nunique(), g["value"].nunique(), len(g))
            scored.append((-g["doc"].nunique(), *(-k for k in kinds), order.index(indicator), indicator))
    return [name for *_, name in sorted(scored)[:n]]


def timeline_place(q, *, corpus, city: str | None = None) -> str:
    """The place whose timeline notebook 04 shows first: `city` when one is selected; else, of
    the places with the most documents, the one whose first timeline has the most documents,
    years and statements (ties: the first by name). A cross-section of one report per place
    then opens on its fullest timeline, not on the first place of the alphabet."""
    from .errors import ParameterError
    from .timeline import timeline_points

    places = doc_places(corpus)
    if city or not places:
        return city or ""
    per_place = Counter(places.values())
    candidates = sorted(place for place, n in per_place.items() if n == max(per_place.values()))
    place_of_row = q["doc"].map(places)

    def fullness(place: str) -> tuple[int, int, int]:
        # only the place's own rows: each candidate reads its part of q, not all of it again
        own = q[place_of_row == place]
        choices = timeline_choices(own, place=place, corpus=corpus, n=1)
        try:
            rows = timeline_points(own, choices[0], place=place, corpus=corpus)[0] if choices else None
        except ParameterError:
            rows = None
        return (0, 0, 0) if rows is None else (rows["doc"].nunique(), rows["year"].nunique(), len(rows))
    return max(candidates, key=lambda place: (fullness(place), -candidates.index(place)))


def md_timeline(q, indicator: str, *, place: str, corpus=None) -> str:
    """What one timeline shows: its statements (the points timeline.timeline_points gives the
    chart), from how many documents, over which years."""
    from .errors import ParameterError
    from .timeline import timeline_points

    try:
        rows, measure = timeline_points(q, indicator, place=place if corpus is not None else None, corpus=corpus)
    except ParameterError:
        return nothing_to_show(f"timeline of {md_escape(indicator)}", "no dated value in this selection")
    kinds = rows["label"].value_counts()
    years = sorted(int(y) for y in rows["year"].unique())
    unplaced = "the documents without a place" if any(doc_places(corpus).values()) else "the selection"
    where = md_escape(place) or unplaced
    one = rows["doc"].nunique() == 1
    return (f"**{md_escape(indicator)}** ({measure}) in {where}: "
            f"{fmt_count(len(rows), 'statement')} from {fmt_count(rows['doc'].nunique(), 'document')}, "
            f"{years[0]}–{years[-1]} (" + ", ".join(f"{n} {k}" for k, n in kinds.items()) + ")."
            + (" One report's own figures (last year's result beside this year's target), not documents "
               "over time: a place needs two reports for that." if one else ""))


def _checks_named(checks, findings_: tuple) -> str:
    rows = _with_period(checks[checks["finding"].isin(findings_)])
    return fmt_list([f"{r.indicator} {r.period}" for r in rows.itertuples()])


def _revised_across(checks, statements):
    """Checks without the 'estimate revised' ones whose estimate and result share a document."""
    if statements is None or statements.empty:
        return checks
    rows = _with_period(statements[statements["finding"] == "estimate revised"])
    same = {key for key, g in rows.groupby(_CHECK_KEYS, sort=False)
            if set(g.loc[g["label"] == "estimate", "doc"]) & set(g.loc[g["label"] == "achieved", "doc"])}
    keep = [tuple(r) not in same for r in _with_period(checks)[_CHECK_KEYS].itertuples(index=False)]
    return checks[keep]


def md_conclusions(checks, growth, q, *, corpus=None, docs_per_place: dict, statements=None,
                   revisions=None) -> str:
    """The rules of notebook 04 applied to this selection, as bullets (only those that apply).
    `statements` (textstat_consistency(statements=True)) keeps an estimate and a result of one
    document out of the estimates bullet; `revisions` (textstat_revisions) adds restated series."""
    bullets = []
    if not checks.empty:
        agree = checks["finding"].str.startswith("consistent")
        n_differ = int((~agree).sum())
        others = ("" if n_differ == 0 else "; the other one is the finding to follow up" if n_differ == 1
                  else f"; the {n_differ} others are the findings to follow up")
        bullets.append(f"- **Agreement.** Documents of the same place agree on {int(agree.sum())} of the "
                       f"{fmt_count(len(checks), 'figure')} they share{others}.")
        revised = _checks_named(_revised_across(checks, statements), ("reported values differ", "estimate revised"))
        if revised:
            bullets.append(f"- **Estimates.** {revised}: an early and a later document differ; for a finished "
                           "year prefer the later document or the statistical bulletin (统计公报).")
        drift = _checks_named(checks, ("target year differs",))
        if drift:
            bullets.append(f"- **Deadlines drift.** {drift}: the same target value is promised for different "
                           "years; always record the year with the target.")
    verdicts = _implied_verdicts(growth, q, corpus)
    ahead = [r for r, v in verdicts if v.startswith("more")]
    if ahead:
        bullets.append(f"- **Level targets.** {len(ahead)} of {fmt_count(len(verdicts), 'level target')} need more "
                       "growth than the annual growth targets stated for the same years: the level target is "
                       "the ambitious promise; track it.")
    floors = [r for r, v in verdicts if v.startswith("a floor")]
    if floors:
        places: dict[str, list[str]] = {}       # 粮食产量 (河南省, 江西省 and 青海省): one indicator, its places
        for r in floors:
            places.setdefault(r["indicator"], []).extend([r["place"]] if r["place"] else [])
        named = "; ".join(f"{md_escape(ind)} ({fmt_list(list(dict.fromkeys(ps)))})" if ps else md_escape(ind)
                          for ind, ps in places.items())
        bullets.append(f"- **Floors already passed.** {named}: "
                       f"{'a target' if len(floors) == 1 else 'targets'} at or below the latest level, met "
                       "unless the level falls: read such a target with what its clause aims at (section 3).")
    several = sorted(p or "unnamed place" for p, n in docs_per_place.items() if n >= 2)
    if checks.empty and several:
        bullets.append(f"- **Nothing to cross-check.** The documents of {fmt_list(several)} never state the "
                       "same kind of figure (two results, or two targets) for one indicator and year: each "
                       "year's target and the next report's result are set side by side in notebook 05.")
    if revisions is not None and (restated := md_restated(revisions)):
        bullets.append(restated)
    single = sorted(p for p, n in docs_per_place.items() if n < 2)
    if single and several:
        bullets.append(f"- **One document cannot be checked against itself:** "
                       f"{fmt_list([p or 'unnamed place' for p in single])} "
                       f"{'has' if len(single) == 1 else 'have'} one document in this selection.")
    elif single and not bullets:    # (else section 2 said it, and other rules apply)
        bullets.append("- **One document cannot be checked against itself:** every place has one document in this "
                       "selection, so nothing here compares documents; select two reports of one place.")
    if not bullets:
        return nothing_to_show("conclusions", "none of the rules applies to this selection")
    return "\n".join(bullets)

# notebook 05 (views and sentences beside md_attainment, md_revisions, md_crosssection)

def md_possible_results(possible) -> str:
    """What attainment.textstat_possible_results found: how many open targets have a result under
    a like name, how many of equal value, the closest pair, and that none of them is judged."""
    if possible.empty:
        return nothing_to_show("results under another name", "no target without a result has one of a like "
                               "name, measure and unit for the same year or plan period")
    top = possible.iloc[0]
    same = int(possible["same_value"].sum())
    return (f"{fmt_count(len(possible), 'target')} without a result under {'its' if len(possible) == 1 else 'their'} "
            f"own name {'has' if len(possible) == 1 else 'have'} one in a later report under a like name "
            f"({same} of the same value). The likest: {md_escape(top['target_indicator'])} "
            f"{_written(top['target'])}{md_escape(top['unit'])} ({md_escape(top['target_doc'])}) and "
            f"{md_escape(top['result_indicator'])} {_written(top['achieved'])}{md_escape(top['achieved_unit'])} "
            f"({md_escape(top['achieved_doc'])}). None of them is counted above as met or missed: read both "
            "sentences before taking a pair for one thing.")


def md_selection(corpus) -> str:
    """What the selection holds: documents, places (metadata, else the reports' own words), years."""
    places = [p for p in dict.fromkeys(doc_places(corpus).values()) if p]
    years = sorted({d.year for d in corpus if d.year is not None})
    span = "" if not years else f", {years[0]}" if len(years) == 1 else f", {years[0]}–{years[-1]}"
    where = (fmt_list(places) if len(places) <= 3
             else fmt_count(len(places), "place"))
    return f"The selection holds {fmt_count(len(corpus), 'document')} of {where or 'an unnamed place'}{span}."


def md_selection_fallback(name: str, *, city=None, doc_ids=None) -> str:
    """The one sentence saying why the notebook reads the seeds instead of its bundled default."""
    wanted = f"place {md_escape(city)}" if city else f"documents {md_escape(', '.join(doc_ids or []))}"
    return (f"*The bundled corpus {md_escape(name)} holds no {wanted}; this notebook reads the seed reports "
            "instead, as notebooks 00–04 do.*")


def _year_list(years) -> str:
    return fmt_list([str(int(y)) for y in sorted(years)])


def attainment_choices(attainment) -> list[tuple[str, str, str]]:
    """(indicator, measure, place) series worth a chart: two or more years with a target or a
    result, at least one of them judged (both sides); most years judged first, then growth
    (`change`) before levels, then the registry's order (地区生产总值 first), not the name's.
    Choose the indicators first (attainment.tracked_series)."""
    from .indicators import indicator_registry

    t = attainment[attainment["year"].notna()]
    order = {name: k for k, name in enumerate(indicator_registry().names)}
    scored = []
    for (indicator, measure, place), g in t.groupby(["indicator", "measure", "place"], sort=False):
        if g["year"].nunique() >= 2 and g["met"].notna().any():
            scored.append((-int(g["met"].notna().sum()), measure != "change", -g["year"].nunique(),
                           order.get(indicator, len(order)), indicator, measure, place))
    return [(i, m, p) for *_, i, m, p in sorted(scored)]


def _isnan(value) -> bool:
    try:
        return value is None or bool(value != value)
    except (TypeError, ValueError):  # pd.NA and friends
        return True


def _text(value) -> str:
    return "" if value is None or _isnan(value) else str(value)


def _outcome(r) -> str:
    if r["achieved"] is None or _isnan(r["achieved"]):
        return ""
    text = fmt_stated(r["achieved"], unit=r.get("achieved_unit") or r["unit"])
    return text + (" (estimate)" if r.get("achieved_kind") == "estimate" else "")


def table_attainment(rows):
    """One indicator's attainment rows for reading: year, target as stated, outcome, met/missed,
    gap (outcome minus target, in the target's unit), the two documents and the rule; and the
    two statistics named, when some year's target and result name two."""
    import pandas as pd

    out = [{"year": r["year"] if not _isnan(r["year"]) else r.get("period"),
            "target": fmt_stated(r["target"], high=r["target_high"], relation=r["relation"], unit=r["unit"])
                      if not _isnan(r["target"]) else "",
            "outcome": _outcome(r),
            "met": "" if _isnan(r["met"]) else ("met" if r["met"] else "missed"),
            "gap": r["gap"], "target from": _text(r["target_doc"]), "outcome from": _text(r["achieved_doc"]),
            "rule": r["rule"]} for r in rows.to_dict("records")]
    table = pd.DataFrame(out, columns=["year", "target", "outcome", "met", "gap", "target from", "outcome from",
                                       "rule"])
    named = [v if isinstance(v, str) else "" for v in rows["statistics"]] if "statistics" in rows else []
    if any(named):        # two statistics, one of which replaced the other: said where they are
        table["statistics"] = named
    table["year"] = table["year"].astype(str)
    table["gap"] = pd.to_numeric(table["gap"], errors="coerce").round(2)
    return table


def table_attainment_summary(attainment):
    """Per place, indicator and measure: the years judged (target and result), met, missed and
    the share met (%), most years first. Choose the indicators first (attainment.tracked_series)."""
    import pandas as pd

    t = attainment[attainment["met"].notna() & attainment["year"].notna()]
    rows = []
    for (place, indicator, measure), g in t.groupby(["place", "indicator", "measure"], sort=False):
        years = sorted(int(y) for y in g["year"])
        n_met = int(g["met"].astype(bool).sum())
        rows.append({"place": place, "indicator": indicator, "measure": measure,
                     "years": f"{years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}",
                     "judged": len(g), "met": n_met, "missed": len(g) - n_met,
                     "share met": 100.0 * n_met / len(g)})
    table = pd.DataFrame(rows, columns=["place", "indicator", "measure", "years", "judged", "met", "missed",
                                        "share met"])
    return table.sort_values(["judged", "indicator"], ascending=[False, True]).reset_index(drop=True)


def _side(r, side: str) -> str:
    """One side of a revision as stated: 303.6亿元 (2016, hailar_gov_2017)."""
    value = fmt_stated(r[f"{side}_value"], unit=(r.get("later_unit") if side == "later" else None) or r["unit"])
    year = r.get(f"{side}_year")
    return f"{value} ({'' if _isnan(year) else f'{int(year)}, '}{r[f'{side}_doc']})"


_REVISION_VIEW = ["indicator", "measure", "year", "kind", "earlier", "later", "change, %", "a year, %",
                  "stated growth, %", "unexplained, % a year", "no growth stated for", "earlier sentence",
                  "later sentence", "restatement named"]


def table_revisions(revisions):
    """Revisions for reading: both values with their years and documents, the change in %, for a
    restated base the growth a year between them, the growth stated, what it leaves unexplained and
    the years without stated growth, and both sentences."""
    import pandas as pd

    rows = [[r["indicator"], r["measure"], "" if _isnan(r["year"]) else str(int(r["year"])), r["kind"],
             _side(r, "earlier"), _side(r, "later"), r["change_pct"], r.get("implied_growth"),
             r.get("stated_growth"), r.get("unexplained_growth"), r.get("unstated_years") or "",
             r["earlier_sentence"], r["later_sentence"], _named(r)] for r in revisions.to_dict("records")]
    return pd.DataFrame(rows, columns=_REVISION_VIEW).astype({c: float for c in _REVISION_VIEW[6:10]})


def _named(r) -> str:
    """Where a restatement is named: the document and its sentence ('' when none is)."""
    return f"{r['restatement_doc']}: {r['restatement_sentence']}" if _text(r.get("restatement_doc")) else ""


def table_crosssection(table):
    """A cross-section for reading: place, the annual target and the plan-period average as
    stated, their difference (annual minus average) and the documents."""
    import pandas as pd

    rows = [{"place": r["place"],
             "target": fmt_stated(r["target"], high=r["target_high"], relation=r["relation"], unit=r["unit"])
                       if not _isnan(r["target"]) else "",
             "plan-period average": (fmt_stated(r["average"], high=r["average_high"], relation=r["average_relation"],
                                                unit=r["unit"]) + f" a year, {r['average_period']}")
                                    if not _isnan(r["average"]) else "",
             "difference": r["difference"], "doc": _text(r["doc"]) or _text(r.get("average_doc"))}
            for r in table.to_dict("records")]
    out = pd.DataFrame(rows, columns=["place", "target", "plan-period average", "difference", "doc"])
    out["difference"] = pd.to_numeric(out["difference"], errors="coerce")
    return out
