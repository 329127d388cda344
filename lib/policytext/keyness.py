"""Keyness: which words does a target use more (or less) than a reference? (quanteda's textstat_keyness)

For each feature (word token) a 2x2 table is built::

                    target      reference
    feature           a            b
    other words       c            d          N = a + b + c + d

a/b are the feature's counts, c/d the counts of all other words. Word tokens are those with
at least one letter or digit (punctuation and whitespace are left out; policytext.dfm.is_word);
the counts come from policytext.dfm (textstat_keyness also takes a DFM).
Stopwords are kept unless you pass `tokens_remove(toks)`. Expected counts are
E11 = (a+b)(a+c)/N etc.

Measures
- "lr": Dunning's log-likelihood ratio G2 = 2 * sum O * ln(O / E) over the four cells, with
  0 * ln 0 = 0 (a feature absent from one side is fine): policytext.dfm.g2, the same G2 as
  textstat_collocations'.
- "chi2": Pearson's X2 = N (ad - bc)^2 / ((a+b)(c+d)(a+c)(b+d)).
- p: upper tail of the chi-squared distribution with 1 degree of freedom
  (erfc(sqrt(x / 2))), computed with the standard library.
- sign: the statistic is positive when the feature is overrepresented in the target
  (a > E11), negative when underrepresented, 0 when the rates are equal.

Correction ("default" | "yates" | "none")
- Yates' continuity correction moves every observed count by min(0.5, |O - E|) towards its
  expected count (the rule of R's chisq.test, so a table that is already within 0.5 of
  its expectation gets 0 rather than an overshoot). For chi2 this is
  N * max(0, |ad - bc| - N/2)^2 / ((a+b)(c+d)(a+c)(b+d)); for lr the moved counts enter G2.
- "default" = Yates for chi2 and no correction for lr. This follows quanteda, whose default
  applies Yates to chi2; for lr quanteda's default is Williams' correction, which we do not
  implement, so our default lr equals quanteda's textstat_keyness(measure = "lr",
  correction = "none").

Effect size
- log_ratio = log2( ((a + 0.5) / n_target_total) / ((b + 0.5) / n_reference_total) ): the
  binary log of the ratio of relative frequencies (Hardie's Log Ratio), with 0.5 added to
  both counts so that a zero count gives a finite value. 1 means twice as frequent in the
  target; -1 half as frequent.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from .dfm import DFM, g2, tied_after, word_units
from .errors import ParameterError
from .figures import cached_figure

__all__ = ["textstat_keyness", "textstat_keyness_each", "textplot_keyness"]

MEASURES = {"lr": "G2", "chi2": "chi2"}
CORRECTIONS = ("default", "yates", "none")
SMOOTH = 0.5


# ---------------------------------------------------------------- statistics on count vectors

def _keyness_stats(a, b, n_target: float, n_reference: float, *, measure: str = "lr",
                   correction: str = "default") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(signed statistic, p, log_ratio) for counts a (target) and b (reference) (arrays).

    n_target / n_reference are the total word counts. Tests check it by hand through
    textstat_keyness on a two-document DFM.
    """
    if measure not in MEASURES:
        raise ParameterError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    if correction not in CORRECTIONS:
        raise ParameterError(f"correction must be one of {', '.join(CORRECTIONS)}, not {correction!r}")
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    nt, nr = float(n_target), float(n_reference)
    if nt <= 0 or nr <= 0:
        raise ParameterError("keyness needs words on both sides (target and reference)")
    c, d = nt - a, nr - b
    n = nt + nr
    diff = a - (a + b) * nt / n         # O11 - E11: same magnitude in all four cells of a 2x2 table
    sign = np.sign(diff)
    yates = correction == "yates" or (correction == "default" and measure == "chi2")
    shift = np.minimum(SMOOTH, np.abs(diff)) if yates else np.zeros_like(diff)
    if measure == "chi2":
        denom = (a + b) * (c + d) * nt * nr
        num = n * np.maximum(np.abs(a * d - b * c) - n * shift, 0.0) ** 2
        with np.errstate(divide="ignore", invalid="ignore"):
            stat = np.where(denom > 0, num / np.where(denom > 0, denom, 1.0), 0.0)
    else:
        stat = g2(a, b, nt, nr, shift=shift)
    p = np.array([math.erfc(math.sqrt(x / 2.0)) for x in np.atleast_1d(stat)])
    p = p.reshape(np.shape(stat)) if np.ndim(stat) else float(p[0])
    log_ratio = np.log2(((a + SMOOTH) / nt) / ((b + SMOOTH) / nr))
    return sign * stat, p, log_ratio


# ---------------------------------------------------------------- selecting target and reference

def _select(units: DFM, spec, what: str) -> list[int]:
    """Indices of the units (rows) a selection names (see textstat_keyness)."""
    labels = list(units.docnames)
    attrs = units.docvars.to_dict("records")
    if isinstance(spec, str) or (isinstance(spec, Sequence) and spec and all(isinstance(s, str) for s in spec)):
        wanted = [spec] if isinstance(spec, str) else list(spec)
        missing = [w for w in wanted if w not in labels]
        if missing:
            raise ParameterError(f"{what}: no document or group {', '.join(missing)}; "
                                 f"available: {', '.join(labels)}")
        return [i for i, lab in enumerate(labels) if lab in wanted]
    if isinstance(spec, Mapping):
        keys = {k for a in attrs for k, v in a.items() if _present(v)}
        unknown = [k for k in spec if k not in keys]
        if unknown:
            raise ParameterError(f"{what}: unknown column(s) {', '.join(map(str, unknown))}; "
                                 f"available: {', '.join(sorted(keys))}")
        hits = []
        for i, a in enumerate(attrs):
            ok = True
            for key, value in spec.items():
                values = {str(v) for v in ([value] if isinstance(value, (str, int)) else value)}
                if _text(a.get(key)) not in values:
                    ok = False
            if ok:
                hits.append(i)
        if not hits:
            available = {k: sorted({_text(a.get(k)) for a in attrs}) for k in spec}
            raise ParameterError(f"{what}: nothing matches {dict(spec)}; values present: "
                                 + "; ".join(f"{k}: {', '.join(v)}" for k, v in available.items()))
        return hits
    flags = list(spec) if not isinstance(spec, (str, bytes)) else None
    if flags is not None and all(isinstance(f, (bool, np.bool_)) for f in flags):
        if len(flags) != len(labels):
            raise ParameterError(f"{what}: {len(flags)} flags for {len(labels)} documents/groups "
                                 f"({', '.join(labels)})")
        return [i for i, f in enumerate(flags) if f]
    raise ParameterError(f"{what}: give doc id(s) / group value(s), a mapping such as "
                         f"{{'place': '嘉峪关市'}}, or one boolean per document; got {spec!r}")


def _present(value) -> bool:
    """A docvar value that is there (pandas fills a column missing from some rows with NaN)."""
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _text(value) -> str:
    return str(value) if _present(value) else "None"


def _describe(units: DFM, idx: list[int], spec=None) -> str:
    """A readable name for a side: the selected values of a mapping ("嘉峪关市"), else the labels."""
    if isinstance(spec, Mapping):
        values = [_text(units.docvars.iloc[i].get(k)) for k in spec for i in idx]
        return "/".join(dict.fromkeys(values))
    labels = [units.docnames[i] for i in idx]
    return "、".join(labels) if len(labels) <= 3 else f"{'、'.join(labels[:3])} 等{len(labels)}个"


def _keyness_table(feats, a, b, n_target: int, n_reference: int, *, measure: str, correction: str) -> pd.DataFrame:
    """feature, statistic, p, n_target, n_reference, log_ratio of each feature's 2x2 table
    (counts a in the target, b in the reference), most key first: the rows of both textstat_keyness
    and textstat_keyness_each."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    stat, p, lr = _keyness_stats(a, b, n_target, n_reference, measure=measure, correction=correction)
    col = MEASURES[measure]
    out = pd.DataFrame({"feature": feats, col: stat, "p": p, "n_target": a.astype(int),
                        "n_reference": b.astype(int), "log_ratio": lr})
    return out.sort_values([col, "n_target", "feature"], ascending=[False, False, True],
                           kind="mergesort").reset_index(drop=True)


def textstat_keyness(toks, target, *, measure: str = "lr", correction: str = "default",
                     groups: str | Sequence[str] | None = None, reference=None,
                     min_count: int = 1) -> pd.DataFrame:
    """Keyness of every word of a target against a reference, sorted by the signed statistic.

    toks: Tokens, or a DFM (policytext.dfm; then `groups` groups its rows).
    target: doc id(s) (or group value(s) when `groups` is given, e.g. groups="part",
        target="plan"); a mapping matched against metadata/group values, e.g.
        {"place": "嘉峪关市"} or {"doc_type": ["gov_work_report"]}; or one boolean per
        document/group.
    reference: the same kinds of selection; default: every document/group not in the target.
    groups: None (documents), "part", a metadata column or a list of them, grouped by
        policytext.dfm.dfm_group (a document without the value is in the group "(missing)").
    measure: "lr" (G2, default) or "chi2". correction: "default" (Yates for chi2 only),
        "yates" or "none" (see the module doc).
    min_count: drop features seen fewer times than this in target and reference together.

    Returns feature, G2 (or chi2), p, n_target, n_reference, log_ratio. DataFrame.attrs holds
    "target", "reference" (readable names), "measure" and the word totals.
    """
    if measure not in MEASURES:
        raise ParameterError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    units = word_units(toks, groups)
    t_idx = _select(units, target, "target")
    if reference is None:
        r_idx = [i for i in range(len(units.docnames)) if i not in set(t_idx)]
    else:
        r_idx = _select(units, reference, "reference")
    overlap = set(t_idx) & set(r_idx)
    if overlap:
        raise ParameterError(f"target and reference share {_describe(units, sorted(overlap))}")
    if not r_idx:
        raise ParameterError(f"keyness needs a reference, but every document/group "
                             f"({', '.join(units.docnames)}) is in the target")
    ct, cr = units.counts[t_idx].sum(axis=0), units.counts[r_idx].sum(axis=0)
    nt, nr = int(ct.sum()), int(cr.sum())
    both = ct + cr
    used = np.flatnonzero((both > 0) & (both >= min_count))
    feats = [units.features[j] for j in used]
    out = _keyness_table(feats, ct[used], cr[used], nt, nr, measure=measure, correction=correction)
    col = MEASURES[measure]
    # A default reference selected by a mapping target is named by the same columns (金昌市/凉州区).
    ref_spec = reference if reference is not None else (target if isinstance(target, Mapping) else None)
    out.attrs.update(target=_describe(units, t_idx, target), reference=_describe(units, r_idx, ref_spec),
                     measure=col, n_target_total=nt, n_reference_total=nr, correction=correction)
    return out


def textstat_keyness_each(toks, *, groups: str | Sequence[str] | None = None, n: int = 10,
                          max_p: float = 0.05, measure: str = "lr", correction: str = "default",
                          min_count: int = 1) -> pd.DataFrame:
    """The words that set each document (or group) apart from all the others together.

    Each unit in turn is the target of textstat_keyness and every other unit the reference;
    a unit keeps its `n` words with the highest statistic among those it uses more than the
    reference at p <= max_p (the same 2x2 tables, statistics and order as textstat_keyness).
    groups, measure, correction, min_count: as in textstat_keyness (min_count counts every
    unit together, so each target is tested on the same words).

    Returns group, rank (1 = the most key), feature, G2 (or chi2), p, n_target, n_reference,
    log_ratio, more_tied (the words after the n-th with its statistic, which the cut leaves out):
    the units in their order, a unit without such a word has no rows.
    DataFrame.attrs holds "units" (every unit, in order) and "measure".
    """
    units = word_units(toks, groups)
    if len(units.docnames) < 2:
        raise ParameterError(f"keyness of each unit needs at least two documents or groups, "
                             f"not {len(units.docnames)} ({', '.join(units.docnames)})")
    totals = units.counts.sum(axis=0)
    used = np.flatnonzero((totals > 0) & (totals >= min_count))
    feats = [units.features[j] for j in used]
    col = MEASURES.get(measure, measure)
    blocks = []
    n_all = int(totals.sum())
    for i, name in enumerate(units.docnames):
        a = units.counts[i, used]
        n_unit = int(units.counts[i].sum())     # all its words, rare ones too (the 2x2 table's a + c)
        block = _keyness_table(feats, a, totals[used] - a, n_unit, n_all - n_unit, measure=measure,
                               correction=correction)
        block = block[(block[col] > 0) & (block["p"] <= max_p)]
        tied = tied_after(block[col].to_numpy(), n)
        block = block.head(n)
        blocks.append(block.assign(group=name, rank=range(1, len(block) + 1), more_tied=tied))
    columns = ["group", "rank", "feature", col, "p", "n_target", "n_reference", "log_ratio", "more_tied"]
    out = pd.concat(blocks, ignore_index=True)[columns]
    out.attrs.update(units=list(units.docnames), measure=col)
    return out


# ---------------------------------------------------------------- plot

def _short_label(name: str, *, limit: int = 16) -> str:
    """A group's name for a chart: a long list of values ("安徽省/甘肃省/...", the reference of
    one place against all others) becomes "安徽省等9个", so the axis label fits the figure."""
    parts = str(name).split("/")
    if len(str(name)) <= limit or len(parts) < 2:
        return str(name)
    return f"{parts[0]}等{len(parts)}个"


@cached_figure
def textplot_keyness(keyness_df: pd.DataFrame, *, n: int = 15, title: str | None = None,
                     labels: tuple[str, str] | None = None):
    """Two-sided horizontal bar chart: the n most target-typical words (right, up top) and the
    n most reference-typical words (left). Returns the matplotlib Figure."""
    import matplotlib.pyplot as plt

    from .fonts import use_cjk_font

    use_cjk_font()
    col = keyness_df.attrs.get("measure") or next(c for c in ("G2", "chi2") if c in keyness_df)
    pos = keyness_df[keyness_df[col] > 0].nlargest(n, col)
    neg = keyness_df[keyness_df[col] < 0].nsmallest(n, col)
    rows = pd.concat([pos, neg.iloc[::-1]])      # target words on top, strongest first
    target_name, reference_name = (_short_label(name) for name in labels or (
        keyness_df.attrs.get("target", "target"), keyness_df.attrs.get("reference", "reference")))
    fig, ax = plt.subplots(figsize=(7.5, max(3.0, 0.28 * len(rows) + 1.5)))
    if rows.empty:
        ax.text(0.5, 0.5, "没有显著差异的词", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    y = np.arange(len(rows))[::-1]
    colors = ["#c0392b" if v > 0 else "#2c7fb8" for v in rows[col]]
    ax.barh(y, rows[col], color=colors)
    ax.set_yticks(y, rows["feature"])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"{col}\n正值：{target_name} 多用；负值：{reference_name} 多用")
    handles = [plt.Rectangle((0, 0), 1, 1, color="#c0392b"), plt.Rectangle((0, 0), 1, 1, color="#2c7fb8")]
    ax.legend(handles, [f"目标：{target_name}", f"参照：{reference_name}"], loc="lower right", fontsize=8)
    ax.set_title(title or f"关键词对比：{target_name} vs {reference_name}")
    fig.set_layout_engine("tight")  # laid out at draw time, skipped when cached
    return fig
