"""The counting layer: a document-feature matrix and its grouping, weighting and statistics.

After quanteda's `dfm`, `dfm_group`, `dfm_weight`, `dfm_tfidf`, `dfm_select`, `dfm_trim`. Every
count in policytext (frequency, keyness, themes, similarity) comes from here, so there is one
answer to each of these questions:

- Grouping: `dfm_group(x, groups=...)`; groups is a docvar ("doc", "part", "year", "place",
  any metadata column) or a list of them ("doc", "part" -> label "jyg_gov_2021:review"). A
  document without a value for a column goes to the group "(missing)". Groups come in order of
  first appearance (documents in corpus order), except parts, which come in the order review,
  plan, other. Each group keeps the docvars all its documents share.
- Names: the grouping parameter is `groups=`, the feature column `feature`, the number of
  documents using a feature `docfreq`.
- TF-IDF (`dfm_weight(x, scheme="tfidf")`): count * log10(N / docfreq), N documents (rows) -
  quanteda's dfm_tfidf defaults. A feature every document uses gets 0: it distinguishes none.
- G2 (`g2`): Dunning's log-likelihood ratio of a 2x2 table, used by keyness and collocations.

Rows are documents (or document parts, with ``parts=True``: part = review / plan / other of the
paragraph holding each token), columns are features in order of first appearance. Counts are a
dense numpy array: a corpus of a few dozen reports has ~10^4 features, so a dense matrix is a
few MB and needs no scipy.
"""
from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import ParameterError
from .structure import PARTS

__all__ = ["DFM", "dfm", "dfm_group", "dfm_weight", "dfm_select", "dfm_trim", "dfm_subset", "docfreq",
           "trend_slopes"]

MISSING = "(missing)"  # the group of a document that has no value for a grouping column
SCHEMES = ("count", "prop", "boolean", "tfidf")


def is_word(token: str) -> bool:
    """A token that counts as a word in denominators: it has at least one letter or digit."""
    return any(ch.isalnum() for ch in token)


@dataclass(frozen=True, eq=False)  # eq would compare arrays element-wise
class DFM:
    """Document-feature matrix: `counts[i, j]` = uses of feature j in document (or group) i.

    docnames: row labels; features: column labels; docvars: one row per document (index =
    docnames) with "doc", "year", the metadata columns and, with parts, "part".
    """

    counts: np.ndarray
    docnames: tuple[str, ...]
    features: tuple[str, ...]
    docvars: pd.DataFrame | None = field(default=None, repr=False)
    scheme: str = "count"

    def __post_init__(self) -> None:
        # A DFM made by hand (DFM([[6, 14], [2, 18]], ("t", "r"), ("f", "other"))) gets docvars "doc".
        object.__setattr__(self, "counts", np.asarray(self.counts))
        object.__setattr__(self, "docnames", tuple(self.docnames))
        object.__setattr__(self, "features", tuple(self.features))
        if self.docvars is None:
            index = pd.Index(self.docnames, name="docname")
            object.__setattr__(self, "docvars", pd.DataFrame({"doc": list(self.docnames)}, index=index))
        if self.counts.shape != (len(self.docnames), len(self.features)):
            raise ParameterError(f"DFM: counts of shape {self.counts.shape} for {len(self.docnames)} "
                                 f"documents and {len(self.features)} features")

    def __repr__(self) -> str:
        return f"DFM({len(self.docnames)} documents x {len(self.features)} features, {self.scheme})"

    @property
    def shape(self) -> tuple[int, int]:
        return self.counts.shape

    def ntoken(self) -> np.ndarray:
        """Tokens (features counted) per row."""
        return self.counts.sum(axis=1)

    def to_frame(self) -> pd.DataFrame:
        """Wide table: one row per document, one column per feature."""
        index = pd.Index(self.docnames, name="doc")
        return pd.DataFrame(self.counts, index=index, columns=list(self.features))


# ---------------------------------------------------------------- token views

@dataclass
class TokenView:
    id: str
    tokens: list[str]
    starts: list[int]


def token_docs(toks, corpus=None) -> tuple[object, list[TokenView]]:
    """(corpus, per-document tokens with clean-text starts) from Tokens or {doc_id: [tokens]} + corpus=."""
    if hasattr(toks, "starts") and hasattr(toks, "corpus"):
        return toks.corpus, [TokenView(i, list(toks[i]), list(toks.starts(i))) for i in toks.ids]
    if isinstance(toks, Mapping):
        if corpus is None:
            raise ParameterError("a {doc_id: [tokens]} mapping needs corpus= (the Corpus they come from)")
        docs = [TokenView(doc_id, list(words), _locate(corpus[doc_id].clean, words, doc_id))
                for doc_id, words in toks.items()]
        return corpus, docs
    raise ParameterError(f"expected Tokens (policytext.tokens) or a {{doc_id: [tokens]}} mapping, "
                         f"not {type(toks).__name__}")


def _locate(text: str, words: Sequence[str], doc_id: str) -> list[int]:
    """Start offsets of `words` found in order in `text` (they may skip characters)."""
    starts, pos = [], 0
    for word in words:
        at = text.find(word, pos)
        if at < 0:
            raise ParameterError(f"document {doc_id!r}: token {word!r} not found in its clean text "
                                 f"after offset {pos}; tokens must come from doc.clean, in order")
        starts.append(at)
        pos = at + len(word)
    return starts


def grams(doc: TokenView, ok: Sequence[bool], n: int, sep: str = "") -> tuple[list[str], list[int]]:
    """(features, starts) of kept n-grams: n tokens adjacent in the text, each kept (ok[k]).

    An n-gram never bridges a removed token (a comma, a stopword): the parts must be adjacent
    in the unfiltered tokens.
    """
    if n == 1:
        return ([t for t, k in zip(doc.tokens, ok) if k], [s for s, k in zip(doc.starts, ok) if k])
    at = [k for k in range(len(doc.tokens) - n + 1) if all(ok[k:k + n])]
    return [sep.join(doc.tokens[k:k + n]) for k in at], [doc.starts[k] for k in at]


class _Selector:
    """`select` decided once per distinct token: a report repeats its words (~7 tokens per type)."""

    def __init__(self, select: Callable[[str], bool] | None) -> None:
        self.select, self.verdicts = select, {}

    def flags(self, words: list[str]) -> list[bool]:
        if self.select is None:
            return [True] * len(words)
        for token in set(words).difference(self.verdicts):
            self.verdicts[token] = bool(self.select(token))
        return list(map(self.verdicts.__getitem__, words))


# ---------------------------------------------------------------- building

def _docvars(doc) -> dict:
    return {"doc": doc.id, **{k: v for k, v in doc.meta.items() if k != "id"}, "year": doc.year}


def dfm(toks, *, select: Callable[[str], bool] | None = None, ngrams: int = 1, parts: bool = False,
        notes: bool = False, corpus=None) -> DFM:
    """Document-feature matrix of Tokens (or a {doc_id: [tokens]} mapping with corpus=).

    select: a predicate token -> bool; tokens it rejects are not counted (None counts every
        token). N-grams are built before selection and kept only when every part is selected.
    ngrams: 1 for words, 2 for two adjacent tokens joined without separator, ...
    parts: False gives one row per document; True one row per document part that has tokens,
        labelled "doc:part" (parts in the order review, plan, other), with docvar "part".
    notes: count the notes or glossary after a report too (structure: 注释, 名词解释). By default
        they are not counted: they define the report's terms again (江西 2026's 上门, 4 of 5 times
        in its glossary, led its TF-IDF terms), so a term would count once per definition.
    Empty documents are kept as rows (parts=False); features come in order of first appearance.
    """
    if not isinstance(ngrams, int) or ngrams < 1:
        raise ParameterError(f"ngrams must be a positive int, not {ngrams!r}")
    corpus, docs = token_docs(toks, corpus)
    selector = _Selector(select)
    vocab: dict[str, int] = {}
    rows: list[Counter] = []
    names, attrs = [], []
    for d in docs:
        doc = corpus[d.id]
        features, starts = grams(d, selector.flags(d.tokens), ngrams)
        end = None if notes else next((p.start for p in doc.paragraphs if p.notes), None)
        if end is not None:
            cut = bisect.bisect_left(starts, end)
            features, starts = features[:cut], starts[:cut]
        if parts:
            pieces: dict[str, list[str]] = {p: [] for p in PARTS}
            for feature, start in zip(features, starts):
                pieces.setdefault(doc.part_at(start), []).append(feature)
            pieces = {p: fs for p, fs in pieces.items() if fs}
        else:
            pieces = {None: features}
        for part, found in pieces.items():
            row = Counter(found)
            for f in row:
                vocab.setdefault(f, len(vocab))
            rows.append(row)
            names.append(d.id if part is None else f"{d.id}:{part}")
            attrs.append(_docvars(doc) if part is None else {**_docvars(doc), "part": part})
    counts = np.zeros((len(rows), len(vocab)), dtype=np.int64)
    for i, row in enumerate(rows):
        if row:
            counts[i, [vocab[f] for f in row]] = list(row.values())
    docvars = pd.DataFrame(attrs, index=pd.Index(names, name="docname"), dtype=object)  # years stay ints
    return DFM(counts, tuple(names), tuple(vocab), docvars)


# ---------------------------------------------------------------- grouping

def group_keys(groups) -> tuple[str, ...]:
    """groups as a tuple of docvar names (a name or a list of names)."""
    keys = (groups,) if isinstance(groups, str) else tuple(groups) if groups is not None else ()
    if not keys or not all(isinstance(k, str) and k for k in keys):
        raise ParameterError(f"groups must be a column name or a list of them, not {groups!r}")
    return keys


def _label(value) -> str:
    return MISSING if value is None or value == "" or (isinstance(value, float) and np.isnan(value)) \
        else str(value)


def dfm_group(x: DFM, *, groups: str | Sequence[str]) -> DFM:
    """Sum the rows of each group (see the module doc for labels, order and "(missing)").

    groups: a docvar ("doc", "part", "year", "place" ...) or a list of them. "part" needs a DFM
    built with parts=True. The grouped docvars hold the group columns (labels, as strings) and
    every other docvar all documents of the group share.
    """
    keys = group_keys(groups)
    unknown = [k for k in keys if k not in x.docvars.columns]
    if unknown:
        hint = "; 'part' needs dfm(..., parts=True)" if "part" in unknown else ""
        known = ", ".join(["doc", "part", *sorted(set(x.docvars.columns) - {"doc", "part"})])
        raise ParameterError(f"groups={groups!r}: unknown group column(s) {', '.join(unknown)}; use "
                             f"{known}{hint}")
    labels = [tuple(_label(v) for v in row) for row in x.docvars[list(keys)].itertuples(index=False)]
    order = sorted(set(labels), key=_group_order(keys, labels))
    index = {key: g for g, key in enumerate(order)}
    member = np.array([index[key] for key in labels], dtype=np.intp)
    counts = np.zeros((len(order), x.counts.shape[1]), dtype=x.counts.dtype)
    np.add.at(counts, member, x.counts)
    names = [":".join(key) for key in order]
    records = x.docvars.to_dict("records")
    attrs = []
    for g, key in enumerate(order):
        first, *rest = [records[i] for i in np.flatnonzero(member == g)]
        shared = {c: v for c, v in first.items() if c not in keys and all(_same(r[c], v) for r in rest)}
        attrs.append({**shared, **dict(zip(keys, key))})
    docvars = pd.DataFrame(attrs, index=pd.Index(names, name="docname"), dtype=object)
    return DFM(counts, tuple(names), x.features, docvars, x.scheme)


def _group_order(keys: tuple[str, ...], labels: list[tuple[str, ...]]):
    """Sort key of a group: per column, parts in the order review, plan, other, other values
    in order of first appearance (documents in corpus order)."""
    rank = []
    for k, key in enumerate(keys):
        seen = list(dict.fromkeys(label[k] for label in labels))
        if key == "part":
            seen.sort(key=lambda p: PARTS.index(p) if p in PARTS else len(PARTS))
        rank.append({value: r for r, value in enumerate(seen)})
    return lambda label: tuple(rank[k][v] for k, v in enumerate(label))


def _same(a, b) -> bool:
    both_nan = isinstance(a, float) and isinstance(b, float) and np.isnan(a) and np.isnan(b)
    return a == b or a is b or both_nan


def dfm_subset(x: DFM, rows: Sequence[bool] | np.ndarray) -> DFM:
    """The rows where `rows` is True (one flag per document), features unchanged."""
    mask = np.asarray(rows, dtype=bool)
    if mask.shape != (len(x.docnames),):
        raise ParameterError(f"dfm_subset: {mask.size} flags for {len(x.docnames)} documents")
    return DFM(x.counts[mask], tuple(np.asarray(x.docnames, dtype=object)[mask]), x.features,
               x.docvars.iloc[np.flatnonzero(mask)], x.scheme)


# ---------------------------------------------------------------- features

def dfm_select(x: DFM, features: Iterable[str] | Callable[[str], bool], *, selection: str = "keep") -> DFM:
    """Keep (selection="keep") or drop ("remove") features: a collection of them or a predicate."""
    if selection not in ("keep", "remove"):
        raise ParameterError(f"selection must be 'keep' or 'remove', not {selection!r}")
    test = features if callable(features) else frozenset(features).__contains__
    wanted = np.array([bool(test(f)) == (selection == "keep") for f in x.features], dtype=bool)
    return _columns(x, wanted)


def dfm_trim(x: DFM, *, min_termfreq: int = 1, min_docfreq: int = 1) -> DFM:
    """Drop features used fewer than min_termfreq times in all, or by fewer than min_docfreq documents."""
    wanted = (x.counts.sum(axis=0) >= min_termfreq) & (docfreq(x) >= min_docfreq)
    return _columns(x, wanted)


def _columns(x: DFM, wanted: np.ndarray) -> DFM:
    features = tuple(f for f, w in zip(x.features, wanted) if w)
    return DFM(x.counts[:, wanted], x.docnames, features, x.docvars, x.scheme)


# ---------------------------------------------------------------- weighting

def docfreq(x: DFM) -> np.ndarray:
    """Number of documents (rows) using each feature."""
    return (x.counts > 0).sum(axis=0)


def dfm_weight(x: DFM, *, scheme: str = "prop") -> DFM:
    """Weighted copy of a count DFM.

    scheme: "count" (unchanged), "prop" (count / row total; 0 for an empty row), "boolean"
    (1 where used), "tfidf" (count * log10(N / docfreq), N rows: quanteda's dfm_tfidf default).

    The one TF-IDF of policytext. It replaced textstat_keywords' (count / tokens) * (ln(N/df) + 1),
    because it is quanteda's (a reader can check it there), and it gives 0 to a feature every
    document uses: such a word distinguishes no document, so no document should list it.
    """
    if scheme not in SCHEMES:
        raise ParameterError(f"scheme must be one of {', '.join(SCHEMES)}, not {scheme!r}")
    if x.scheme != "count":
        raise ParameterError(f"dfm_weight needs counts; this DFM is already weighted ({x.scheme})")
    counts = x.counts.astype(float)
    if scheme == "prop":
        totals = counts.sum(axis=1, keepdims=True)
        counts = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
    elif scheme == "boolean":
        counts = (counts > 0).astype(float)
    elif scheme == "tfidf":
        df = docfreq(x)
        idf = np.log10(len(x.docnames) / np.where(df > 0, df, 1))
        counts = counts * idf
    return DFM(counts if scheme != "count" else x.counts, x.docnames, x.features, x.docvars, scheme)


# ---------------------------------------------------------------- G2

def _xlogx_over(o, e):
    """o * ln(o / e), with 0 * ln 0 = 0."""
    o = np.asarray(o, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(o > 0, o * np.log(np.where(o > 0, o, 1.0) / e), 0.0)


def trend_slopes(values, x) -> np.ndarray:
    """Slope of the least-squares line through each column of `values` (rows: the points x):
    sum((x - mean x)(y - mean y)) / sum((x - mean x)^2). The one trend of textstat_trends and
    the theme trends."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(values, dtype=float)
    centred = x - x.mean()
    return centred @ (y - y.mean(axis=0)) / (centred @ centred)


def g2(a, b, n_target, n_reference, *, shift=0.0):
    """Dunning's G2 = 2 * sum O ln(O / E) of the 2x2 tables (a, b / c, d), unsigned.

    a, b: counts of a feature in target and reference; c = n_target - a (all numbers or arrays),
    d = n_reference - b; E = row total * column total / N. `shift` moves every observed count
    that far towards its expectation (Yates' continuity correction uses min(0.5, |O - E|)).
    The one G2 of policytext: keyness (feature x target/reference) and collocations
    (first part x last part) both call it.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    nt, nr = np.asarray(n_target, dtype=float), np.asarray(n_reference, dtype=float)
    n = nt + nr
    row1, row2 = a + b, (nt - a) + (nr - b)
    e11, e12, e21, e22 = row1 * nt / n, row1 * nr / n, row2 * nt / n, row2 * nr / n
    moved = np.sign(a - e11) * shift
    stat = 2.0 * (_xlogx_over(a - moved, e11) + _xlogx_over(b + moved, e12)
                  + _xlogx_over(nt - a + moved, e21) + _xlogx_over(nr - b - moved, e22))
    return np.maximum(stat, 0.0)  # rounding can give -1e-16


def tfidf_top(x: DFM, *, n: int, min_count: int = 1) -> list[tuple]:
    """(docname, rank, feature, count, docfreq, tfidf, more_tied) of the n best features of each row.

    TF-IDF of dfm_weight; features with count < min_count or TF-IDF 0 (used by every row) are
    left out; ties go to the higher count, then the feature in code-point order. more_tied: the
    row's features after the n-th with its TF-IDF, which the cut leaves out (tied_after).
    """
    weights, df = dfm_weight(x, scheme="tfidf").counts, docfreq(x)
    out = []
    for i, name in enumerate(x.docnames):
        cols = np.flatnonzero((x.counts[i] >= max(min_count, 1)) & (weights[i] > 0))
        ranked = sorted(cols, key=lambda j: (-weights[i, j], -x.counts[i, j], x.features[j]))
        more = tied_after(weights[i, ranked], n)
        out.extend((name, rank, x.features[j], int(x.counts[i, j]), int(df[j]), float(weights[i, j]), more)
                   for rank, j in enumerate(ranked[:n], start=1))
    return out


def tied_after(scores: Sequence[float], n: int) -> int:
    """How many of ``scores`` (best first) after the n-th equal it: the ties a cut at n leaves out."""
    if n <= 0 or len(scores) <= n:
        return 0
    return sum(1 for _ in itertools.takewhile(lambda s: s == scores[n - 1], scores[n:]))


def word_units(x, groups=None) -> DFM:
    """Word tokens (is_word) per document, or per group, leaving out empty rows.

    x: Tokens, or a DFM of counts (taken as it is, then grouped). The common input of themes,
    keyness and similarity: groups=None gives one row per document, "part" splits documents
    into parts.
    """
    if not isinstance(x, DFM):
        parts = groups is not None and "part" in group_keys(groups)
        x = dfm(x, select=is_word, parts=parts)
    elif x.scheme != "count":
        raise ParameterError(f"this needs a DFM of counts, not one weighted by {x.scheme!r}")
    if groups is not None:
        x = dfm_group(x, groups=groups)
    return dfm_subset(x, x.counts.sum(axis=1) > 0)
