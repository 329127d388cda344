"""Sentences of notebook 03 (theme comparison), written from the tables it shows.

Themes per report and over the years, review against plan, keyness, similarity. The rules
of policytext.findings hold here: every place, number and ranking comes from the table beside
the sentence, text from the data is escaped, and a section with nothing to show says so once.
"""
from __future__ import annotations

import pandas as pd

from .dfm import trend_slopes
from .findings import fmt_count, fmt_list, fmt_number, md_escape, named_with_ties, nothing_to_show, trend_summary
from .metadata import doc_type_name

__all__ = ["theme_leaders", "theme_trends", "plan_shift", "keyness_target", "latest_year_apart",
           "keyness_each_summary", "keyness_summary", "genre_sides", "similarity_summary"]


def theme_leaders(matrix: pd.DataFrame) -> str:
    """Per unit (row) its leading theme, and per theme the unit that leads it (values as the heatmap
    shows). Values equal as shown are ties: all of them are named (甘肃 11.07 and 广西 11.06 both
    show 11.1, so neither alone is "highest")."""
    if matrix.empty:
        return nothing_to_show("themes", "no theme term was found")
    lines = []
    leading = {unit: _at_top(row) for unit, row in matrix.iterrows() if row.max() > 0}
    for theme in dict.fromkeys(top[0] for top in leading.values()):
        units = [f"{md_escape(unit)} ({fmt_number(matrix.loc[unit, theme])}"
                 + (f", level with {fmt_list(top[1:])})" if len(top) > 1 else ")")
                 for unit, top in leading.items() if top[0] == theme]
        lines.append(f"- Leading theme {md_escape(theme)}, per 1,000 words: {', '.join(units)}")
    if len(matrix) > 1:
        tops = [f"{md_escape(theme)}: {fmt_list(_at_top(col))} ({fmt_number(col.max())})"
                for theme, col in matrix.items() if col.max() > 0]
        lines.append("- Highest rate per theme: " + "; ".join(tops))
    return "\n".join(lines)


def _at_top(values: pd.Series) -> list:
    """The labels whose value shows as the largest does (fmt_number's rounding), in their order."""
    top = fmt_number(values.max())
    return [label for label, v in values.items() if fmt_number(v) == top]


def theme_trends(matrix: pd.DataFrame, *, n: int = 2) -> str:
    """The themes that rose and fell most over the years (rows: years in order; values per 1,000
    words): findings.trend_summary of a least-squares line through every year (dfm.trend_slopes)."""
    trends = pd.DataFrame({"feature": matrix.columns,
                           "slope": trend_slopes(matrix.to_numpy(dtype=float), matrix.index.astype(float)),
                           "first": matrix.iloc[0].to_numpy(), "last": matrix.iloc[-1].to_numpy()})
    trends.attrs["groups"] = [str(year) for year in matrix.index]
    return trend_summary(trends, n=n, rate="per 1,000 words", what="theme")


def plan_shift(shift: pd.DataFrame, *, n: int = 2) -> str:
    """The themes that gain and lose most from review to plan (columns: reports; values: plan minus review)."""
    if shift.empty:
        return nothing_to_show("review versus plan", "no report in this selection has both a review and a plan part")
    lines = []
    for doc, col in shift.items():
        up, down = col.sort_values(ascending=False).head(n), col.sort_values().head(n)
        gains = ", ".join(f"{md_escape(t)} (+{fmt_number(v)})" for t, v in up.items() if round(v, 1) > 0)
        losses = ", ".join(f"{md_escape(t)} ({fmt_number(v)})" for t, v in down.items() if round(v, 1) < 0)
        lines.append(f"- **{md_escape(doc)}**: the plan gains most on {gains or 'no theme'}; "
                     f"the review leads on {losses or 'no theme'}")
    return "Plan minus review, per 1,000 words:\n\n" + "\n".join(lines)


def keyness_target(docs: pd.DataFrame, chosen: str | None = None) -> tuple[str | None, str]:
    """The place a notebook examines in detail (`chosen` if it is one of the selection's places,
    else the one with the most reports, ties by the selection's order) and a sentence that says why that one."""
    places = docs["place"].dropna().astype(str)
    counts = places[places != ""].value_counts()
    if len(counts) < 2:
        return None, nothing_to_show("place keyness", "the selection holds fewer than two places; it needs two")
    if chosen is not None and str(chosen) in counts.index:
        return str(chosen), f"In detail: **{md_escape(chosen)}**, chosen by the `keyness_place` parameter."
    # ties: the first in the selection, as its tables list it (by name, 内 sorts before 安)
    order = {p: i for i, p in enumerate(dict.fromkeys(places[places != ""]))}
    top = sorted(counts.index, key=lambda p: (-counts[p], order[p]))[0]
    if counts.nunique() == 1:
        why = f"every place has {fmt_count(int(counts[top]), 'report')}, so the first in the selection"
    elif (counts == counts[top]).sum() > 1:
        why = f"the first in the selection of the places with the most reports ({counts[top]})"
    else:
        why = f"the place with the most reports ({counts[top]})"
    note = (f"`keyness_place` = {md_escape(chosen)} is not a place of this selection. "
            if chosen is not None else "")
    return top, f"{note}In detail: **{md_escape(top)}**, {why}; set `keyness_place` to examine another."


def latest_year_apart(docs: pd.DataFrame, series: dict | None) -> dict | None:
    """With one place there is no other place to set it against, but a series of its reports
    over the years (findings.longest_series) sets its latest year against the earlier ones:
    {"target": ids of the latest year, "reference": ids of the earlier years, "labels": (the
    latest year, the earlier years), "sentence"}; None without a series."""
    if series is None or len(series["years"]) < 2:
        return None
    year = dict(zip(docs["id"], docs["year"]))
    last, earlier = series["years"][-1], series["years"][:-1]
    target = [i for i in series["ids"] if int(year[i]) == last]
    reference = [i for i in series["ids"] if int(year[i]) != last]
    labels = (str(last), str(earlier[0]) if len(earlier) == 1 else f"{earlier[0]}–{earlier[-1]}")
    what = f"{doc_type_name(series['doc_type'])}s" if series["doc_type"] else "reports"
    years = "year" if len(earlier) == 1 else "years"
    sentence = (f"The selection holds one place: instead of places, keyness sets the latest year of the {what} of "
                f"**{md_escape(series['place'])}** against the earlier {years}, {last} "
                f"({fmt_count(len(target), 'report')}) against {labels[1]} ({fmt_count(len(reference), 'report')}).")
    return {"target": target, "reference": reference, "labels": labels, "sentence": sentence}


def keyness_each_summary(each: pd.DataFrame, *, n: int = 3, limit: int = 12) -> str:
    """Per unit of a textstat_keyness_each table, its leading key words, those tied with the n-th
    too (the first `limit` units with any; the table beside it has them all); units with none named."""
    units = each.attrs.get("units") or list(dict.fromkeys(each["group"]))
    if each.empty:
        return nothing_to_show("keyness of each place", "no word sets any of them apart")
    keyed = [u for u in units if (each["group"] == u).any()]
    lines = []
    stat = each.attrs.get("measure", "G2")
    for unit in keyed[:limit]:
        rows, more = named_with_ties(each[each["group"] == unit], n, stat)
        words = [f"{md_escape(f)} ({c}×)" for f, c in zip(rows["feature"], rows["n_target"])]
        lines.append(f"- **{md_escape(unit)}**: " + ", ".join(words + ([f"{more} more of the same {stat}"]
                                                                     if more else [])))
    if len(keyed) > limit:
        lines.append(f"- {len(keyed) - limit} more places in the table.")
    alone = [u for u in units if u not in keyed]
    if alone:
        lines.append(f"\nNo word sets {fmt_list(alone, limit=limit)} apart from the others.")
    return "\n".join(lines)


def keyness_summary(k: pd.DataFrame, target: str, reference: str, *, n: int = 6, stat: str = "G2") -> str:
    """The words that set the target apart, and those of the reference (a textstat_keyness table)."""
    if k.empty:
        return nothing_to_show("keyness", "no word is frequent enough on either side")
    plus = k[k[stat] > 0].sort_values(stat, ascending=False).head(n)
    minus = k[k[stat] < 0].sort_values(stat).head(n)

    def words(rows, count):
        return ", ".join(f"{md_escape(f)} ({c}×)" for f, c in zip(rows["feature"], rows[count])) or "none"
    return (f"Used more by **{md_escape(target)}**: {words(plus, 'n_target')}. "
            f"Used more by **{md_escape(reference)}**: {words(minus, 'n_reference')}.")


def genre_sides(docs: pd.DataFrame, kinds: tuple[str, str]) -> str:
    """What a side of a genre keyness holds when it is one place that the other side lacks: its
    words are that place's as much as that kind's. '' when place is not confounded so."""
    sides = [docs[docs["doc_type"] == kind] for kind in kinds]
    places = [set(side["place"].fillna("").astype(str)) for side in sides]
    said = []
    for kind, side, mine, other in zip(kinds, sides, places, places[::-1]):
        if len(mine) == 1 and not mine <= other:
            (place,) = mine
            said.append(f"the {doc_type_name(kind)} side is {fmt_count(len(side), 'document')} "
                        f"{'of ' + md_escape(place) if place else 'with no place given'} ({fmt_list(side['id'])})")
    if not said:
        return ""
    return ("**Read with care:** " + "; ".join(said) + f". {'Its' if len(said) == 1 else 'Their'} words are "
            "that place's as much as that kind's: what sets a kind apart needs the same places on both sides.")


def similarity_summary(sim: pd.DataFrame) -> str:
    """The most and the least alike pair of a square similarity matrix (values as the heatmap shows)."""
    labels = list(sim.index)
    pairs = [(sim.iloc[i, j], labels[i], labels[j]) for i in range(len(labels)) for j in range(i + 1, len(labels))]
    if not pairs:
        return nothing_to_show("similarity", "it needs at least two units")
    most, least = max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0])
    text = f"Most alike: {md_escape(most[1])} and {md_escape(most[2])} ({fmt_number(most[0], decimals=2)})."
    if len(pairs) > 1:
        text += f" Least alike: {md_escape(least[1])} and {md_escape(least[2])} ({fmt_number(least[0], decimals=2)})."
    return text
