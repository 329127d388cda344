"""Sentences of notebook 03 (theme comparison), written from the tables it shows.

Themes per report and over the years, review against plan, keyness, similarity. The rules
of policytext.findings hold here: every place, number and ranking comes from the table beside
the sentence, text from the data is escaped, and a section with nothing to show says so once.
"""
from __future__ import annotations

import pandas as pd

from .dfm import MISSING
from .findings import fmt_count, fmt_list, fmt_number, md_escape, nothing_to_show
from .metadata import doc_type_name

__all__ = ["theme_leaders", "longest_series", "theme_trends", "plan_shift", "keyness_target",
           "keyness_each_summary", "keyness_summary", "similarity_summary"]


def theme_leaders(matrix: pd.DataFrame) -> str:
    """Per unit (row) its leading theme, and per theme the unit that leads it (values as the heatmap shows)."""
    if matrix.empty:
        return nothing_to_show("themes", "no theme term was found")
    leaders = matrix.idxmax(axis=1)
    lines = []
    for theme in dict.fromkeys(leaders[matrix.max(axis=1) > 0]):
        units = [f"{md_escape(unit)} ({fmt_number(matrix.loc[unit, theme])})"
                 for unit in leaders.index[leaders == theme]]
        lines.append(f"- Leading theme {md_escape(theme)}, per 1,000 words: {', '.join(units)}")
    if len(matrix) > 1:
        tops = [f"{md_escape(theme)}: {md_escape(col.idxmax())} ({fmt_number(col.max())})"
                for theme, col in matrix.items() if col.max() > 0]
        lines.append("- Highest rate per theme: " + "; ".join(tops))
    return "\n".join(lines)



def longest_series(docs: pd.DataFrame, *, min_years: int = 3) -> tuple[dict | None, str]:
    """The place and kind of report with reports from the most years (ties: more reports, then
    the first by name) and a sentence naming it; (None, the nothing-to-show sentence) when no
    place has one kind of report from `min_years` years or more. The series is given as the
    group values of textstat_themes(groups=["place", "doc_type", "year"]): {"place", "doc_type"
    ("(missing)" for no stated kind), "years" (strings)}.
    Following one place and one kind keeps a change over the years from being a change of
    place or of genre."""
    known = docs[docs["place"].notna() & (docs["place"].astype(str) != "") & docs["year"].notna()]
    known = known.assign(kind=known["doc_type"].fillna(""), year=known["year"].astype(int))
    series = known.groupby(["place", "kind"])
    years, reports = series["year"].nunique(), series.size()
    if years.empty or years.max() < min_years:
        return None, nothing_to_show("themes over the years",
                                     f"no place has reports of one kind from {min_years} years or more")
    place, kind = min(years.index, key=lambda k: (-years[k], -reports[k], str(k[0]), k[1]))
    seen = sorted(known[(known["place"] == place) & (known["kind"] == kind)]["year"].unique())
    gaps = sorted(set(range(seen[0], seen[-1] + 1)) - set(seen))
    what = f"{doc_type_name(kind)}s" if kind else "reports of no stated kind"
    text = (f"Over the years: the {what} of **{md_escape(place)}**, {len(seen)} years from {seen[0]} to "
            f"{seen[-1]} ({fmt_count(int(reports[(place, kind)]), 'report')})")
    text += f"; no report for {fmt_list(gaps)}." if gaps else "."
    if (years >= min_years).sum() > 1:
        text += " Other places have such series too: set `city` to follow one of them."
    return {"place": place, "doc_type": kind or MISSING, "years": [str(y) for y in seen]}, text


def theme_trends(matrix: pd.DataFrame, *, n: int = 2) -> str:
    """The themes that rose and fell most over the years (rows: years in order; values per 1,000
    words): the slope of a least-squares line through every year, with the first and last value."""
    if len(matrix) < 3:
        return nothing_to_show("theme trends", "a trend needs three years or more")
    years = pd.Series(matrix.index.astype(float), index=matrix.index)
    centred = years - years.mean()
    slopes = matrix.apply(lambda col: (centred * (col - col.mean())).sum() / (centred ** 2).sum())
    first, last = matrix.index[0], matrix.index[-1]

    def described(themes):
        return "; ".join(f"{md_escape(t)} ({fmt_number(matrix[t].iloc[0])} in {first} → "
                         f"{fmt_number(matrix[t].iloc[-1])} in {last}, {slopes[t]:+.1f} a year)" for t in themes)
    rising = [t for t in slopes.sort_values(ascending=False).index[:n] if round(slopes[t], 1) > 0]
    falling = [t for t in slopes.sort_values().index[:n] if round(slopes[t], 1) < 0]
    return (f"From {first} to {last}, per 1,000 words, on a straight-line trend through every year: "
            f"rising most, {described(rising) or 'no theme'}; falling most, {described(falling) or 'no theme'}.")

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
    else the one with the most reports, ties by name) and a sentence that says why that one."""
    places = docs["place"].dropna().astype(str)
    counts = places[places != ""].value_counts()
    if len(counts) < 2:
        return None, nothing_to_show("place keyness", "the metadata names fewer than two places; it needs two")
    if chosen is not None and str(chosen) in counts.index:
        return str(chosen), f"In detail: **{md_escape(chosen)}**, chosen by the `keyness_place` parameter."
    top = sorted(counts.index, key=lambda p: (-counts[p], p))[0]
    if counts.nunique() == 1:
        why = f"every place has {fmt_count(int(counts[top]), 'report')}, so the first by name"
    elif (counts == counts[top]).sum() > 1:
        why = f"the first by name of the places with the most reports ({counts[top]})"
    else:
        why = f"the place with the most reports ({counts[top]})"
    note = (f"`keyness_place` = {md_escape(chosen)} is not a place of this selection. "
            if chosen is not None else "")
    return top, f"{note}In detail: **{md_escape(top)}**, {why}; set `keyness_place` to examine another."


def keyness_each_summary(each: pd.DataFrame, *, n: int = 3) -> str:
    """Per unit of a textstat_keyness_each table, its leading key words; units with none named."""
    units = each.attrs.get("units") or list(dict.fromkeys(each["group"]))
    if each.empty:
        return nothing_to_show("keyness of each place", "no word sets any of them apart")
    lines = []
    for unit in units:
        rows = each[each["group"] == unit].head(n)
        if not rows.empty:
            words = ", ".join(f"{md_escape(f)} ({c}×)" for f, c in zip(rows["feature"], rows["n_target"]))
            lines.append(f"- **{md_escape(unit)}**: {words}")
    alone = [u for u in units if not (each["group"] == u).any()]
    if alone:
        lines.append(f"\nNo word sets {fmt_list(alone)} apart from the others.")
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
