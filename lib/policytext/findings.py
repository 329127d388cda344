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

import pandas as pd

from .dfm import MISSING, tied_after
from .metadata import doc_type_name

__all__ = [
    "md_escape", "fmt_number", "fmt_figure", "fmt_percent", "fmt_count", "fmt_list", "nothing_to_show", "with_ties",
    "named_with_ties",
    # corpus and term frequency (notebooks 00-03; the theme comparison's own are in findings_themes)
    "corpus_summary", "input_notes", "length_contrast", "cleaning_summary", "parts_summary", "segmentation_summary",
    "discovery_summary", "top_terms", "distinctive_terms", "words_left_out", "term_contexts", "dispersion",
    "collocation_summary", "longest_series", "trend_summary", "slogan_layers", "place_profiles", "genre_caveat",
    "short_text_caution"]

# Markdown punctuation that could start emphasis, links, code, headings, tables or HTML, and `$`:
# Jupyter's Markdown reads $…$ as math and keeps what lies between verbatim, backslashes and all
# (A$\frac{1}{$省 was shown as A$\frac\{1\}\{$省), where \$ is a plain dollar sign.
_MD_SPECIAL = re.compile(r"(&#?\w+;)|([\\`*_{}\[\]()#+\-.!|>~$])")


def md_escape(text: object) -> str:
    """`text` as inert Markdown: HTML escaped, Markdown punctuation backslashed, one line."""
    escaped = html.escape(str(text), quote=True)
    # backslash the punctuation, not the entities just written (&#x27; for ' stays one)
    escaped = _MD_SPECIAL.sub(lambda m: m[1] or "\\" + m[2], escaped)
    # a bare URL is linked by Markdown renderers whatever is backslashed (an id http://x.cn/2014 was a
    # live link, its backslash shown): its colon as an entity shows the same and links nothing
    return " ".join(escaped.replace("://", "&#58;//").split())


def fmt_number(value: float | int | None, *, decimals: int = 1) -> str:
    """A number as a reader writes it: thousands separators from 10,000 on, fixed decimals, no -0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # never print -0.0
    sep = "," if abs(rounded) >= 10_000 else ""  # 12,346 but 2021 and 8357 (style_table: a column as a whole)
    return f"{rounded:{sep}.{decimals}f}"


def fmt_percent(value: float | None, *, decimals: int = 1) -> str:
    """A percentage value (already in percent, 7.5 → "7.5%")."""
    text = fmt_number(value, decimals=decimals)
    return text if text == "–" else f"{text}%"


def nothing_to_show(what: str, why: str) -> str:
    """The one sentence a section shows when the selection gives it nothing."""
    return f"*Nothing to show for this selection: {what} — {why}.*"


def fmt_list(items, *, limit: int | None = None) -> str:
    """Escaped items joined as a reader lists them: "a", "a and b", "a, b and c"."""
    items = [md_escape(item) for item in items]
    if limit is not None and len(items) > limit:
        items = items[:limit] + [f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def with_ties(ranked: pd.DataFrame, n: int, column: str) -> pd.DataFrame:
    """The first ``n`` rows of a table sorted on ``column``, and the rows after them tied with the
    n-th: a sentence naming "the top three" must not drop a fourth with the same count."""
    if len(ranked) <= n or n <= 0:
        return ranked
    return ranked.iloc[:n + tied_after(ranked[column].to_numpy(), n)]


def named_with_ties(part: pd.DataFrame, n: int, column: str) -> tuple[pd.DataFrame, int]:
    """with_ties of a table cut by its maker (textstat_distinctive, textstat_keyness_each), and
    how many rows of the same score that cut left out (its ``more_tied``) when all its rows are
    named: a sentence says "and 3 more of the same score" rather than drop them."""
    top = with_ties(part, n, column)
    more = int(part["more_tied"].iloc[0]) if "more_tied" in part and len(top) == len(part) else 0
    return top, more


def fmt_count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"


def _term(frame: pd.DataFrame) -> str:
    """The term column of a counting table: "feature" (quanteda's name), or "term" in older tables."""
    return "feature" if "feature" in frame.columns else "term"


def _ratio(a: float, b: float) -> str:
    """a / b as "2.3 times"; rounded to whole numbers above 10."""
    r = a / b
    return f"{fmt_number(r, decimals=0 if r >= 10 else 1)} times"


# --- term frequency, themes, corpus (notebooks 00-03) ---------------------------------

def corpus_summary(docs: pd.DataFrame) -> str:
    """What the selection holds: reports, places, kinds, years, characters (from the documents table)."""
    if docs.empty:
        return nothing_to_show("the corpus", "the selection holds no report")
    places = list(dict.fromkeys(str(p) for p in docs.get("place", pd.Series(dtype=str)).dropna() if str(p)))
    kinds = (docs["doc_type"].map(doc_type_name).value_counts() if "doc_type" in docs
             else pd.Series(dtype=int))
    years = pd.to_numeric(docs.get("year", pd.Series(dtype=float)), errors="coerce").dropna().astype(int)
    text = f"The selection holds **{fmt_count(len(docs), 'report')}**"
    if places:
        text += f" from {fmt_count(len(places), 'place')} ({fmt_list(places, limit=12)})"
    if len(kinds):
        text += "; kinds: " + ", ".join(f"{md_escape(k)} ({n})" for k, n in kinds.items())
    if len(years):
        text += f"; year {years.min()}" if years.min() == years.max() else f"; years {years.min()}–{years.max()}"
    if "n_chars" in docs:
        text += f"; {fmt_count(int(docs['n_chars'].sum()), 'character')} of clean text in all"
    return text + "." + _read_from_text(docs)


def input_notes(messages: list[str]) -> str:
    """What loading said about the input (files skipped, metadata read from the text, two copies of
    one report, one place written two ways …), as a list a reader of the report sees; '' when it
    said nothing. The report drops the notebook's stderr, where these warnings would be."""
    if not messages:
        return ""
    said = dict.fromkeys(str(m).removeprefix("policytext: ").strip() for m in messages)  # once each, in order
    return ("**What loading said about the input** (nothing was dropped; read these before the tables):\n"
            + "\n".join(f"- {md_escape(m)}" for m in said))


def _read_from_text(docs: pd.DataFrame) -> str:
    """Which metadata the reports' own opening lines supplied (Corpus.to_frame's from_text)."""
    read = docs["from_text"].fillna("").astype(str) if "from_text" in docs else pd.Series(dtype=str)
    read = read[read != ""]
    if read.empty:
        return ""
    names = {"place": "place", "doc_type": "kind", "speaker": "speaker", "role": "office"}
    fields = [names[f] for f in names if read.str.split(", ").map(lambda keys: f in keys).any()]
    return (f" The {fmt_list(fields)} of {fmt_count(len(read), 'report')} "
            f"{'is' if len(read) == 1 else 'are'} not in the metadata and "
            f"{'was' if len(read) == 1 else 'were'} read from the report's opening lines "
            "(title, congress, speaker).")


def length_contrast(docs: pd.DataFrame, *, column: str = "n_chars") -> str:
    """The longest against the shortest report, and the rule that follows: compare rates."""
    if len(docs) < 2:
        return nothing_to_show("length comparison", "the selection holds one report")
    ordered = docs.sort_values(column, kind="stable")
    short, long = ordered.iloc[0], ordered.iloc[-1]
    if short[column] <= 0:
        return nothing_to_show("length comparison", f"{md_escape(short['id'])} is empty")
    # (counts with separators always: "2026 characters" reads as a year)
    return (f"The longest report, {md_escape(long['id'])} ({fmt_count(int(long[column]), 'character')}), "
            f"is {_ratio(long[column], short[column])} as long as the shortest, {md_escape(short['id'])} "
            f"({fmt_count(int(short[column]), 'character')}): raw counts favour long reports, so compare rates.")


def _joined_lines(docs: pd.DataFrame) -> str:
    """The lines joined because a PDF copy broke them at the page's width, if any."""
    joined = docs.set_index("id")["n_joined_lines"] if "n_joined_lines" in docs else pd.Series(dtype=int)
    joined = joined[joined > 0].sort_values(ascending=False, kind="stable")
    if joined.empty:
        return ""
    where = (md_escape(joined.index[0]) if len(joined) == 1 else
             f"{fmt_count(len(joined), 'report')} (most in {md_escape(joined.index[0])}: {int(joined.iloc[0]):,})")
    return (f"{fmt_count(int(joined.sum()), 'line')} broken inside a sentence at a PDF page's width "
            f"{'was' if joined.sum() == 1 else 'were'} joined to the line before, in {where}.")


def _trimmed(docs: pd.DataFrame, removed: pd.DataFrame) -> str:
    """What else makes the clean text shorter than the raw: indentation, spaces, blank lines
    (counted by clean_text; not the line breaks of removed or joined lines)."""
    if "n_trimmed_chars" not in docs:
        return ""
    trimmed = int(docs["n_trimmed_chars"].sum())
    return (f"Indentation, spaces at line ends and blank lines make the clean text {fmt_count(trimmed, 'character')} "
            f"shorter{' as well' if len(removed) else ''}.") if trimmed > 0 else ""


def cleaning_summary(removed: pd.DataFrame, docs: pd.DataFrame) -> str:
    """How much cleaning removed, from which report most, and the commonest reason; and the
    lines it joined (a PDF copy's)."""
    joined = " ".join(filter(None, [_joined_lines(docs), _trimmed(docs, removed)]))
    if removed.empty:
        return f"No line was removed from the selected reports. {joined}" if joined else nothing_to_show(
            "cleaning", "no line was removed from the selected reports")
    chars = removed["text"].str.len().sum()
    raw = docs["n_raw_chars"].sum() if "n_raw_chars" in docs else 0
    per_doc, reasons = removed["doc"].value_counts(), removed["reason"].value_counts()
    share = f", {fmt_percent(100 * chars / raw)} of the raw text" if raw else ""
    one_reason = (reasons == reasons.iloc[0]).sum() == 1
    where = (md_escape(per_doc.index[0]) if len(per_doc) == 1 else
             f"{fmt_count(len(per_doc), 'report')}; most from {_most(per_doc, 'line')}")
    why = (f"The reason is {_most(reasons, 'line')}" if len(reasons) == 1 else
           f"The commonest {'reason is' if one_reason else 'reasons are'} {_most(reasons, 'line')}")
    said = (f"Cleaning removed {fmt_count(len(removed), 'line')} ({fmt_count(int(chars), 'character')}{share}) "
            f"from {where}. {why}.")
    return said + (f" {joined}" if joined else "")


def _most(counts: pd.Series, noun: str) -> str:
    """The items of a value_counts() series with the highest count, ties included: "a (13 lines)",
    "a, b and c (13 lines each)"."""
    top = sorted(str(k) for k in counts.index[counts == counts.iloc[0]])
    each = " each" if len(top) > 1 else ""
    return f"{fmt_list(top)} ({fmt_count(int(counts.iloc[0]), noun)}{each})"


def parts_summary(shares: pd.DataFrame) -> str:
    """Review/plan shares (fractions, one row per report): the range of the plan share, and unheaded reports."""
    if shares.empty:
        return nothing_to_show("review and plan", "the selection holds no report")
    shares = shares.fillna(0)
    headed = shares[(shares["review"] > 0) & (shares["plan"] > 0)]
    unheaded = [str(doc) for doc in shares.index if doc not in headed.index]
    sentences = []
    if len(headed) == 1:
        doc = headed.index[0]
        sentences.append(f"{md_escape(doc)} gives {fmt_percent(100 * headed.loc[doc, 'review'], decimals=0)} of its "
                         f"text to the review and {fmt_percent(100 * headed.loc[doc, 'plan'], decimals=0)} "
                         "to the plan.")
    elif len(headed) > 1:
        low, high = headed["plan"].idxmin(), headed["plan"].idxmax()
        sentences.append(f"In the {len(headed)} reports with both parts the plan takes from "
                         f"{fmt_percent(100 * headed.loc[low, 'plan'], decimals=0)} ({md_escape(low)}) to "
                         f"{fmt_percent(100 * headed.loc[high, 'plan'], decimals=0)} ({md_escape(high)}) of the text.")
    if unheaded:
        sentences.append(f"{fmt_list(unheaded)} {'has' if len(unheaded) == 1 else 'have'} no review and plan "
                         f"parts: target tracking must rely on sentence cues there.")
    return " ".join(sentences)


def segmentation_summary(cuts: pd.DataFrame) -> str:
    """How many of the compared terms bare jieba splits and policytext keeps whole (a compare_with_jieba table)."""
    if cuts.empty:
        return nothing_to_show("segmentation", "the selection has no term of four or more characters")
    split = cuts[cuts["jieba"].astype(str).str.contains("|", regex=False)]
    kept = split[~split["policytext"].astype(str).str.contains("|", regex=False)]
    # (the terms are policytext's own tokens: that it keeps them whole is no finding; a term it splits
    # when cut on its own, out of its context, is)
    text = f"Of the {len(cuts)} terms compared, bare jieba splits {len(split)}"
    if len(split):
        first = split.iloc[0]
        text += f" (the most frequent: {md_escape(first['term'])} → {md_escape(first['jieba'])})"
        if len(kept) < len(split):
            text += f"; policytext, cutting each term on its own, splits {len(split) - len(kept)} of them too"
    return text + "."


def discovery_summary(candidates: pd.DataFrame, added, *, min_count: int, n_chars: int) -> str:
    """What discovery found in this selection and what policytext adds as new words."""
    added = list(added)
    text = (f"Discovery found {fmt_count(len(candidates), 'candidate term')} that bare jieba splits, each seen at "
            f"least {min_count} times in {fmt_count(int(n_chars), 'character')}. ")
    if added:
        return text + (f"policytext adds {fmt_count(len(added), 'new word')} for this selection: "
                       f"{fmt_list(added, limit=20)}.")
    return text + "policytext adds no new word for this selection."


def top_terms(freq: pd.DataFrame, *, n: int = 3, value: str = "per_10k") -> str:
    """The leading terms of each group of a textstat_frequency table, with the rate the chart shows."""
    if freq.empty:
        return nothing_to_show("term frequency", "no term was counted")
    lines, term = [], _term(freq)
    for group, part in freq.groupby("group", sort=False):
        top = with_ties(part.sort_values([value, term], ascending=[False, True], kind="stable"), n, value)
        terms = ", ".join(f"{md_escape(t)} ({fmt_number(v)})" for t, v in zip(top[term], top[value]))
        lines.append(f"- **{md_escape(group)}**: {terms}")
    unit = "per 10,000 terms" if value == "per_10k" else value
    return f"The leading terms ({unit}):\n\n" + "\n".join(lines)


def distinctive_terms(table: pd.DataFrame, *, n: int = 3, key: str = "doc") -> str:
    """Each report's most distinctive terms (a TF-IDF table with a rank column), those tied with the
    n-th too, and a count of the terms of that score the table's own cut left out (more_tied)."""
    if table.empty or table[key].nunique() < 2:
        return nothing_to_show("distinctive terms", "TF-IDF needs at least two reports")
    term = _term(table)
    score = next((c for c in ("score", "tfidf") if c in table), "rank")   # textstat_keywords, _distinctive

    def named(part):
        top, more = named_with_ties(part.sort_values("rank", kind="stable"), n, score)
        return fmt_list([*top[term], *([f"{more} more of the same score"] if more else [])])
    lines = [f"- **{md_escape(doc)}**: {named(part)}" for doc, part in table.groupby(key, sort=False)]
    return "What each report says that the others rarely do (top TF-IDF terms):\n\n" + "\n".join(lines)


def words_left_out(freq: pd.DataFrame, words, *, what: str, n: int = 5) -> str:
    """What a comparison leaves out of the terms counted in ``freq`` (a textstat_frequency table
    of one group) by dropping ``words``: how many tokens and what share, and the most frequent
    ones (ties at the cut named)."""
    term = _term(freq)
    counts = freq.groupby(term)["count"].sum()          # (a grouped table counts a word once per group)
    words = {words} if isinstance(words, str) else frozenset(words)
    left = counts[counts.index.isin(words) & (counts > 0)].reset_index()
    left = left.sort_values(["count", term], ascending=[False, True], kind="stable")
    if left.empty or counts.sum() <= 0:
        return f"No {what} occur among the terms of this selection: nothing is left out."
    top = with_ties(left, n, "count")
    most = fmt_list(f"{t} ({c:,})" for t, c in zip(top[term], top["count"]))
    share = 100 * left["count"].sum() / counts.sum()
    return (f"Left out as {what}: {fmt_count(int(left['count'].sum()), 'token')} "
            f"({fmt_percent(share)} of the terms counted), {fmt_count(len(left), 'distinct word')}; "
            f"the most frequent: {most}.")


def term_contexts(hits: pd.DataFrame) -> str:
    """For each searched term: occurrences, reports, and the share in plan parts (a kwic table)."""
    if hits.empty:
        return nothing_to_show("key terms in context", "none of the terms occurs in the selection")
    lines = []
    # in the order the terms were asked for (kwic keeps it), not the order they first occur
    asked = [p for p in hits.attrs.get("patterns", []) if p in set(hits["pattern"])]
    for term in asked or list(hits["pattern"].unique()):
        part = hits[hits["pattern"] == term]
        headed = part[part["part"].isin(["review", "plan"])]
        # (the share of those in a review or plan part: notes and unheaded texts are in neither)
        where = (f"{fmt_percent(100 * (headed['part'] == 'plan').mean(), decimals=0)} of those in a review or "
                 "plan part in the plan" if len(headed) else "none in a review or plan part")
        lines.append(f"- **{md_escape(term)}**: {fmt_count(len(part), 'occurrence')} in "
                     f"{fmt_count(part['doc'].nunique(), 'report')}, {where}")
    return "\n".join(lines)


def dispersion(hits: pd.DataFrame, lengths: dict, *, spread: float = 0.35, gap: float = 1 / 3) -> str:
    """Frame or topic, by rule: a term whose middle half of occurrences spans at least `spread`
    of the report, and that leaves no stretch of `gap` of it without one, is a frame (spread
    through it); with such a stretch it is spread over part of the text only; a narrower one is
    a topic (in one stretch)."""
    lines = []
    for (term, doc), part in hits[hits["doc"].isin(list(lengths))].groupby(["pattern", "doc"], sort=False):
        if len(part) < 4:  # too few ticks for a shape
            continue
        pos = part["start"] / lengths[doc]
        q1, q3 = pos.quantile(0.25), pos.quantile(0.75)
        edges = [0.0, *sorted(pos), 1.0]
        widest = max(zip(edges, edges[1:]), key=lambda ab: ab[1] - ab[0])
        if q3 - q1 < spread:
            shape = (f"a topic: the middle half of its occurrences lies between {fmt_percent(100 * q1, decimals=0)} "
                     f"and {fmt_percent(100 * q3, decimals=0)} of the text")
        elif widest[1] - widest[0] >= gap:
            shape = (f"spread over part of the text: none between {fmt_percent(100 * widest[0], decimals=0)} and "
                     f"{fmt_percent(100 * widest[1], decimals=0)} of it")
        else:
            shape = "a frame: spread through the text"
        lines.append(f"- {md_escape(term)} in {md_escape(doc)} ({fmt_count(len(part), 'occurrence')}): {shape}")
    if not lines:
        return nothing_to_show("dispersion", "no term occurs four times or more in the reports shown")
    return "\n".join(lines)


def collocation_summary(table: pd.DataFrame, *, n: int = 5, measure: str = "G2") -> str:
    """The strongest pairs of a textstat_collocations table."""
    if table.empty:
        return nothing_to_show("collocations", "no pair of terms recurs often enough")
    top = table.head(n)
    pairs = ", ".join(f"{md_escape(p)} ({fmt_number(v)}, {c}×)"
                      for p, v, c in zip(top["collocation"], top[measure], top["count"]))
    return f"The strongest pairs ({measure}, count): {pairs}."


def slogan_layers(slogans: pd.DataFrame, place_of: dict) -> str:
    """Rule: a slogan used in every place is shared; one used in only one place is that place's own,
    unless it is a national formula (slogans.NATIONAL_SLOGANS), said apart with where it is used.
    A document whose place is "" (none given) is no place of its own: it is left out, and said so."""
    if slogans.empty:
        return nothing_to_show("numbered slogans", "no numbered slogan was found")
    places = list(dict.fromkeys(p for p in place_of.values() if p))   # corpus order
    used_in = slogans["doc_ids"].map(lambda ids: {place_of[i] for i in str(ids).split(",") if place_of.get(i)})
    unplaced = sorted(i for i, p in place_of.items() if not p)
    aside = (f" ({fmt_list(unplaced, limit=3)}, without a place, {'is' if len(unplaced) == 1 else 'are'} left out "
             "of this comparison.)") if unplaced and len(places) >= 2 else ""
    if len(places) < 2:
        # (only those said more than once, ties at the cut named: not five picked among slogans said once)
        repeated = slogans[slogans["count"] > 1].sort_values(["count", "slogan"], ascending=[False, True],
                                                             kind="stable")
        top = with_ties(repeated, 5, "count")
        most = (f"the most repeated: {fmt_list(f'{s} ({n:,})' for s, n in zip(top['slogan'], top['count']))}"
                if len(top) else "none is said more than once")
        return (f"{fmt_count(len(slogans), 'slogan')} in {md_escape(places[0] if places else 'this selection')}; "
                f"{most}. With one place, shared and local slogans cannot be told apart.")
    shared = slogans.loc[used_in.map(len) == len(places), "slogan"]
    if len(shared):
        sentences = [f"{fmt_count(len(shared), 'slogan')} {'is' if len(shared) == 1 else 'are'} used in every place "
                     f"of the selection: {fmt_list(shared, limit=8)}."]
    else:
        sentences = ["No slogan is used in every place of the selection."]
    national = slogans["national"] if "national" in slogans else pd.Series(False, index=slogans.index)
    for place in places:
        own = slogans.loc[used_in.map(lambda s: s == {place}) & ~national, "slogan"]
        if len(own):
            sentences.append(f"Only {md_escape(place)}: {fmt_list(own, limit=6)}.")
    # a national formula in one place only is no local programme (why the others lack it, kind of text,
    # year or chance, the table cannot say)
    alone = [f"{md_escape(slogan)} ({md_escape(next(iter(where)))})" for slogan, where, is_national in
             zip(slogans["slogan"], used_in, national) if is_national and len(where) == 1]
    if alone:
        sentences.append(f"National formulas that one place alone uses: {', '.join(alone[:6])}"
                         f"{f' and {len(alone) - 6} more' if len(alone) > 6 else ''}; they are not counted "
                         "as that place's own.")
    return " ".join(sentences) + aside


def longest_series(docs: pd.DataFrame, *, min_years: int = 3) -> tuple[dict | None, str]:
    """The place and kind of report with reports from the most years (ties: more reports, then
    the first by name) and a sentence naming it; (None, the nothing-to-show sentence) when no
    place has one kind of report from `min_years` years or more. The series is {"place",
    "doc_type" (None when not stated), "years", "ids" (its documents, for tokens_subset)}.
    Following one place and one kind keeps a change over the years from being a change of
    place or of genre."""
    known = docs[docs["place"].notna() & (docs["place"].astype(str) != "") & docs["year"].notna()]
    known = known.assign(kind=known["doc_type"].fillna(""), year=known["year"].astype(int))
    series = known.groupby(["place", "kind"])
    years, reports = series["year"].nunique(), series.size()
    if years.empty or years.max() < min_years:
        return None, nothing_to_show("trends over the years",
                                     f"no place has reports of one kind from {min_years} years or more")
    place, kind = min(years.index, key=lambda k: (-years[k], -reports[k], str(k[0]), k[1]))
    mine = known[(known["place"] == place) & (known["kind"] == kind)]
    seen = sorted(mine["year"].unique())
    gaps = sorted(set(range(seen[0], seen[-1] + 1)) - set(seen))
    what = f"{doc_type_name(kind)}s" if kind else "reports of no stated kind"
    text = (f"Over the years: the {what} of **{md_escape(place)}**, {len(seen)} years from {seen[0]} to "
            f"{seen[-1]} ({fmt_count(int(reports[(place, kind)]), 'report')})")
    text += f"; no report for {fmt_list(gaps)}." if gaps else "."
    if (years >= min_years).sum() > 1:
        text += " Other places have such series too: set `city` to follow one of them."
    return {"place": place, "doc_type": kind or None, "years": [int(y) for y in seen], "ids": mine["id"].tolist()}, text


def trend_summary(trends: pd.DataFrame, *, n: int = 5, rate: str = "per 10,000 terms", what: str = "term") -> str:
    """The terms (or themes) that rose and fell most: a textstat_trends table (feature, slope,
    first, last; attrs["groups"], the years in order)."""
    years = trends.attrs.get("groups") or []
    if len(years) < 3 or trends.empty:
        return nothing_to_show(f"{what} trends", f"a trend needs three years or more and {what}s counted often enough")
    first, last = years[0], years[-1]
    ordered = trends.sort_values(["slope", "feature"], ascending=[False, True], kind="mergesort")

    def described(rows):
        return "; ".join(f"{md_escape(f)} ({fmt_number(a)} in {first} → {fmt_number(b)} in {last}, {s:+.1f} a year)"
                         for f, a, b, s in zip(rows["feature"], rows["first"], rows["last"], rows["slope"]))
    # a line can run against the ends (项目: 110.9 in 2012, 113.8 in 2019, yet falling, as the years
    # between were higher): the sentence names those the ends confirm, and the others it passed over
    up, down = ordered[ordered["slope"].round(1) > 0], ordered[ordered["slope"].round(1) < 0].iloc[::-1]
    rising, falling = up[up["last"] >= up["first"]].head(n), down[down["last"] <= down["first"]].head(n)
    against = [f for rows, shown in ((up, rising), (down, falling)) for f in _passed_over(rows, shown, n)]
    text = (f"From {first} to {last}, {rate}, on a straight-line trend through every year: "
            f"rising most, {described(rising) or 'no ' + what}; falling most, {described(falling) or 'no ' + what}.")
    if against:
        whose = "its" if len(against) == 1 else "their"
        text += (f" Passed over: {fmt_list(against)}, whose line runs against {whose} first and last year "
                 "(the years between decide it; see the table).")
    return text


def _passed_over(rows: pd.DataFrame, shown: pd.DataFrame, n: int) -> list[str]:
    """The features of `rows` (in slope order) steeper than the last one `shown` but left out."""
    floor = shown["slope"].abs().min() if len(shown) else 0.0
    left = rows[~rows["feature"].isin(shown["feature"])]
    return list(left.loc[left["slope"].abs() > floor, "feature"].head(n))


def place_profiles(freq: pd.DataFrame, docs: pd.DataFrame, *, n: int = 5) -> str:
    """One bullet per place: its texts and its leading terms (from the per-place frequency table)."""
    places = [p for p in freq["group"].unique()] if not freq.empty else []
    if not places:
        return nothing_to_show("place profiles", "no term was counted")
    lines = []
    unnamed = docs["place"].isna() | (docs["place"].astype(str).str.strip() == "")
    for place in places:
        # the group of the documents without a place (dfm.MISSING) is said as such, with their ids
        mine = docs[unnamed] if place == MISSING else docs[docs["place"].astype(str) == str(place)]
        kinds = ", ".join(f"{md_escape(k)} ×{c}" for k, c in mine["doc_type"].map(doc_type_name).value_counts().items())
        ranked = freq[freq["group"] == place].sort_values("per_10k", ascending=False, kind="stable")
        top = with_ties(ranked, n, "per_10k")
        terms = ", ".join(f"{md_escape(t)} ({fmt_number(v)})" for t, v in zip(top[_term(top)], top["per_10k"]))
        name = (f"no place given: {fmt_list(list(mine['id']))}" if place == MISSING
                else md_escape(place))
        lines.append(f"- **{name}** ({kinds}): {terms} per 10,000 terms")
    return "\n".join(lines) + "\n\n" + genre_caveat(docs)


def genre_caveat(docs: pd.DataFrame) -> str:
    """Rule: when places differ in the kind of text, the years or the administrative level of
    their reports, place is confounded with them; say which, from the metadata."""
    places = docs["place"].fillna("").astype(str)
    if places.nunique() < 2:
        return "With one place, differences between places cannot be read from this selection."
    kinds = docs.groupby(places)["doc_type"].apply(lambda s: frozenset(s.fillna("unknown")))
    also = ["they are represented by different kinds of text, and kind shapes vocabulary as much as place does"
            ] if len(set(kinds)) > 1 else []
    years = pd.to_numeric(docs.get("year", pd.Series(index=docs.index, dtype=float)), errors="coerce")
    spans = {p: (int(y.min()), int(y.max())) for p, y in years.groupby(places) if y.notna().any()}
    if any(a[1] + 3 <= b[0] for a in spans.values() for b in spans.values()):      # years apart, not next
        listed = [f"{p or 'no place given'} {a}" + (f"–{b}" if b > a else "")
                  for p, (a, b) in sorted(spans.items(), key=lambda item: item[1])]
        also.append(f"their reports are from periods years apart ({fmt_list(listed, limit=4)}), and "
                    "words come and go over the years")
    levels = docs["level"].fillna("").astype(str).groupby(places).first() if "level" in docs else pd.Series()
    if levels[levels != ""].nunique() > 1:
        also.append(f"they are of different administrative levels ({fmt_list(sorted(set(levels) - {''}))}), "
                    "and words such as 全省, 全市 and 全区 follow the level")
    if not also:
        return "Every place is represented by the same kinds of text, so differences are not a matter of genre."
    if len(also) == 1 and also[0].startswith("they are represented"):
        return ("The places are represented by different kinds of text, and kind shapes vocabulary as much as "
                "place does: read differences between places as place and genre together.")
    return ("The places differ in more than place: " + "; ".join(also)
            + ". Read differences between places as all of these together.")


def short_text_caution(docs: pd.DataFrame, *, min_chars: int = 5000) -> str:
    """Rule: rates from a short text rest on few hits; name the texts below `min_chars`."""
    short = docs.loc[docs["n_chars"] < min_chars, "id"]
    if short.empty:
        return ""
    return (f"{fmt_list(short)} {'is' if len(short) == 1 else 'are'} shorter than "
            f"{fmt_count(int(min_chars), 'character')}: {'its' if len(short) == 1 else 'their'} rates rest "
            "on a few dozen hits, so read them as direction, not precision.")


# --- target tracking (notebooks 04-05) -------------------------------------------------
# The sentences of notebooks 04-05 live in findings_tracking, findings_growth, findings_attainment,
# findings_revisions and findings_crosssection; they share this number format.

def fmt_figure(value: float) -> str:
    """A stated figure with the decimals it needs (21 -> '21', 18.5 -> '18.5')."""
    value = float(value)
    for decimals in (0, 1, 2):
        if abs(value - round(value, decimals)) < 1e-9:
            return fmt_number(value, decimals=decimals)
    return fmt_number(value, decimals=2)
