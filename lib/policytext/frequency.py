"""Term frequency, keywords in context, collocations and keywords.

After quanteda (`textstat_frequency`, `kwic`, `textstat_collocations`) and
Voyant (Terms, Contexts). Every function takes the `Tokens` of
`policytext.tokens(corpus)`; they also take a plain ``{doc_id: [token, ...]}``
mapping together with ``corpus=`` (tokens of each document's clean text, in
order), so that a reader can count her own segmentation.

What counts as a term (``remove=True``, the default everywhere)
--------------------------------------------------------------
A policy reader wants words, so these tokens are dropped before counting:

- whitespace; punctuation and symbols (every character Unicode P* or S*);
- stopwords (`policytext.lexicon.stopwords()`, or your own collection passed
  as ``remove=[...]``);
- single characters (的, 年, 新 ...: in Chinese a one-character token is a
  function word, a unit or a fragment far more often than a term);
- numbers and number-ish tokens: Arabic numbers with decimals, thousands
  separators, %, ‰ and signs (326.5, 8%, 48,132, +5.2); Arabic numbers with
  one unit or date character (2021年, 10万, 3亿); Chinese numerals on their own
  or with one such character or measure word (十四, 两, 第一, 第十二, 五年, 一批, 一处,
  第二轮); and measure
  units that only ever follow a number (亿元, 万吨, 公里, 百分点 ... see
  `UNIT_WORDS`), and any token with an Arabic digit in it (5G, PM2.5, S06: a
  frequency table shows words, not codes; remove=False keeps everything).
  Kept on purpose: plan periods (十三五, 十四五: a named period, not a quantity).

Notes or a glossary after a report (注释, 名词解释: structure's ``notes``) are not counted: they
define the report's words again (policytext.dfm.dfm, ``notes=True`` counts them).

Counting units and denominators
-------------------------------
``per_10k`` is the count per 10,000 *kept* tokens (tokens after removal; for
n-grams, kept n-grams) of the same group: it measures how much of a
document's vocabulary of content words a term takes up, and does not change
when the stopword list grows or shrinks by function words.

N-grams are runs of n tokens that are adjacent *in the text*: built on the
unfiltered tokens and kept only when each part is kept (policytext.dfm.dfm),
so an n-gram never bridges a removed comma or stopword.

Counting, grouping, TF-IDF and G2 come from the counting layer, policytext.dfm.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .dfm import (MISSING, DFM, TokenView, dfm, dfm_group, dfm_weight, g2, group_keys, tfidf_top, token_docs,
                  trend_slopes)
from .errors import ParameterError
from .tokens import UNIT_WORDS, is_numberish, is_punct

__all__ = [
    "textstat_frequency", "textstat_trends", "kwic", "textstat_collocations", "textstat_keywords",
    "is_term", "UNIT_WORDS", "REPORT_VERBS",
]

# The action verbs and adverbs every report repeats (推进, 加快, 做好 ...), the verbs that carry
# a figure (增长5.2%, 完成投资, 达到, 确保, 新增, 建成: in provinces2026 three 增长 in four stand
# before a number), the words of time that frame one (全年, 年内, 同比, 年均, “十二五”时期, 周年) and
# nouns of manner any subject takes (因素, 方式, 全局, 进度: 江西 2026's "most distinctive" word
# was 因素, of 扣除自然因素影响). 牵头 is how an appendix names the lead department (内蒙古 2026:
# （牵头单位：人社厅）ten times). They are not stopwords: analysts count them (加快 signals urgency). But for "what is
# this report about" they crowd the top of every list, so topic charts add them to the
# stopwords: textstat_frequency(toks, remove=stopwords() | REPORT_VERBS).
REPORT_VERBS = frozenset("""
发展 建设 推进 加快 坚持 推动 持续 提升 加强 实施 打造 完善 强化 深化 落实 实现 全面 更加 工作 加大 提高 深入
增长 完成 达到 确保 保持 取得 开展 支持 促进 积极 扎实 有效 稳步 全力 增至 升至 降至
做好 抓好 新增 建成 顺利 完工 全年 年内 同比 年均 时期 周年 带动 加力 把握 体现 牵头 因素 方式 全局 进度
""".split())


def is_term(token: str, stopwords: Iterable[str] | None = None) -> bool:
    """True when `token` counts as a term under the default removal rules (module doc)."""
    if stopwords is None:
        stopwords = _default_stopwords()
    return not (token.isspace() or not token or len(token) == 1 or is_punct(token)
                or is_numberish(token) or token in stopwords)


def _default_stopwords() -> frozenset[str]:
    from .lexicon import stopwords

    return stopwords()


@lru_cache(maxsize=8)
def _verdicts(stop: frozenset[str]) -> dict[str, bool]:
    """token -> is_term(token, stop), filled as tokens come (the rules are fixed: no key needed)."""
    return {}


def _keeper(remove) -> "callable":
    """remove=True: default rules; an iterable: default rules with those stopwords; False: keep all."""
    if remove is False or remove is None:
        return lambda t: True
    stop = _default_stopwords() if remove is True else frozenset(remove)
    # A report repeats its words: decide each distinct token once (a corpus has ~7x fewer
    # distinct tokens than tokens, and the rules cost a regex and a category lookup per character),
    # and once for all the tables of a session with the same stopwords (notebook 02 makes five).
    verdicts = _verdicts(stop)

    def keep(token: str) -> bool:
        verdict = verdicts.get(token)
        if verdict is None:
            verdict = verdicts[token] = is_term(token, stop)
        return verdict

    return keep


# ---------------------------------------------------------------- frequency

def _totals(x: DFM, groups) -> tuple[DFM, np.ndarray]:
    """(grouped counts, grouped docfreq): groups=None is one group, "all"."""
    used = dfm_weight(x, scheme="boolean")
    if groups is None:
        docvars = pd.DataFrame(index=pd.Index(["all"], name="docname"))
        return (DFM(x.counts.sum(axis=0, keepdims=True), ("all",), x.features, docvars),
                used.counts.sum(axis=0, keepdims=True))
    return dfm_group(x, groups=groups), dfm_group(used, groups=groups).counts


def textstat_frequency(toks, *, groups: str | Sequence[str] | None = None, n: int | None = None,
                       remove: bool | Iterable[str] = True, ngrams: int = 1,
                       corpus=None) -> pd.DataFrame:
    """Term counts: feature, count, rank, docfreq, per_10k, group.

    groups: None (one group "all"), "doc", "part" (review / plan / other, per token),
        "year", a metadata column ("place", "doc_type", ...) or a list of them; grouping is
        policytext.dfm.dfm_group's (a missing value is the group "(missing)").
    n: keep the top n terms of each group.
    remove: True drops what is not a term (see module doc); a collection of
        words uses those as stopwords instead; False counts every token.
    ngrams: 1 for words, 2 for two-word sequences adjacent in the text, ...

    Groups come in order of first appearance (documents in corpus order; review, plan,
    other); within a group rows are ordered by count (descending), then feature (ascending),
    so ties are stable. rank is the "min" (competition) rank within the group: tied
    terms share the best rank and the next rank skips (1, 2, 2, 4), as in
    quanteda. docfreq is the number of documents of the group that use the
    term; per_10k is count per 10,000 kept tokens (n-grams) of the group.
    """
    if n is not None and (not isinstance(n, int) or n < 1):
        raise ParameterError(f"n must be a positive int or None, not {n!r}")
    parts = groups is not None and "part" in group_keys(groups)
    x = dfm(toks, select=_keeper(remove), ngrams=ngrams, parts=parts, corpus=corpus)
    grouped, used = _totals(x, groups)
    features = np.array(grouped.features, dtype=object)
    frames = []
    for i, label in enumerate(grouped.docnames):
        row = grouped.counts[i]
        nz = np.flatnonzero(row)
        if not nz.size:
            continue
        counts, names = row[nz].tolist(), features[nz].tolist()  # plain lists: sorting is 5x faster
        order = nz[sorted(range(len(nz)), key=lambda k: (-counts[k], names[k]))]
        frame = pd.DataFrame({"feature": features[order], "count": row[order].astype(int)})
        frame["rank"] = frame["count"].rank(method="min", ascending=False).astype(int)
        frame["docfreq"] = used[i, order].astype(int)
        frame["per_10k"] = frame["count"] / row.sum() * 10_000
        frame["group"] = label
        frames.append(frame.head(n) if n else frame)
    columns = ["feature", "count", "rank", "docfreq", "per_10k", "group"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def textstat_trends(toks, *, groups: str = "year", min_count: int = 10,
                    remove: bool | Iterable[str] = True, corpus=None) -> pd.DataFrame:
    """How each term's rate moved across groups with numeric values (years): the slope of a
    least-squares line through its per_10k in every group, per unit of the group's value
    (per 10,000 terms a year for groups="year").

    A line through every group, rather than the first against the last, keeps one unusual
    year from deciding a trend. Documents without a value ("(missing)") have no place on the
    line and are left out; so are terms counted fewer than `min_count` times in all (a slope
    of a handful of uses is noise). remove: as textstat_frequency. Needs three groups or more.

    Returns feature, slope, first, last (per_10k in the first and the last group), count, and
    groups_used (the groups that use the term), sorted by slope (rising first, then by feature).
    attrs["groups"] holds the group values in order.
    """
    x = dfm_group(dfm(toks, select=_keeper(remove), corpus=corpus), groups=groups)
    labelled = [(label, i) for i, label in enumerate(x.docnames) if label != MISSING]
    try:
        points = sorted((float(label), label, i) for label, i in labelled)
    except ValueError:
        raise ParameterError(f"groups={groups!r}: trends need numeric group values such as years, "
                             f"not {', '.join(x.docnames)}") from None
    if len(points) < 3:
        raise ParameterError(f"groups={groups!r}: a trend needs three groups or more, not "
                             f"{len(points)} ({', '.join(label for _, label, _ in points) or 'none'})")
    counts = x.counts[[i for _, _, i in points]].astype(float)
    rates = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1) * 10_000
    total = counts.sum(axis=0)
    used = np.flatnonzero((total > 0) & (total >= min_count))
    out = pd.DataFrame({"feature": np.array(x.features, dtype=object)[used],
                        "slope": trend_slopes(rates[:, used], [value for value, _, _ in points]),
                        "first": rates[0, used], "last": rates[-1, used], "count": total[used].astype(int),
                        "groups_used": (counts[:, used] > 0).sum(axis=0)})
    out = out.sort_values(["slope", "feature"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    out.attrs["groups"] = [label for _, label, _ in points]
    return out


# ---------------------------------------------------------------- kwic

def kwic(corpus_or_tokens, pattern: str | Sequence[str], *, window: int = 10,
         regex: bool = False, corpus=None) -> pd.DataFrame:
    """Keywords in context: doc, part, sentence, start, end, pre, keyword, post, pattern.

    Matching works on each document's clean text:
    - given a Corpus, a pattern matches anywhere (substring), and `window` is
      counted in characters;
    - given Tokens (or a {doc_id: [tokens]} mapping with corpus=), a match must
      start at a token start and end at a token end, so 发展 does not match
      inside 高质量发展 when that is one token, while 高质量发展 still matches
      the two tokens 高质量|发展; `window` is counted in tokens.
    `pattern` is a string or a list of strings; regex=True treats them as
    regular expressions (re.search syntax), otherwise as literal text.

    start/end index `doc.raw` (end exclusive), mapped with doc.to_raw, so
    ``c[doc].raw[start:end] == keyword`` up to full-width normalisation;
    sentence is the index of the sentence in doc.sentences; part is
    review / plan / other. pre/post show newlines as spaces (outer ones dropped).
    """
    if not isinstance(window, int) or window < 0:
        raise ParameterError(f"window must be a non-negative int, not {window!r}")
    corpus, views, hits = find_matches(corpus_or_tokens, pattern, regex=regex, corpus=corpus)
    rows = []
    for doc_id, p, s, e in hits:
        doc, view = corpus[doc_id], views.get(doc_id) if views else None
        lo, hi = _context_span(doc.clean, s, e, window, view)
        # as the file writes them (，not ,; a Traditional text's own characters): a reader can search
        # the file for what the table shows; `pattern` holds what was searched for
        pre, post = _as_written(doc, lo, s).lstrip(), _as_written(doc, e, hi).rstrip()
        sent = doc.sentence_at(s)
        rows.append({"doc": doc.id, "part": doc.part_at(s), "sentence": sent.index if sent else None,
                     "start": doc.to_raw(s), "end": doc.to_raw(e - 1) + 1,
                     "pre": pre, "keyword": _as_written(doc, s, e), "post": post, "pattern": p})
    columns = ["doc", "part", "sentence", "start", "end", "pre", "keyword", "post", "pattern"]
    out = pd.DataFrame(rows, columns=columns)
    out.attrs["patterns"] = [pattern] if isinstance(pattern, str) else list(pattern)    # in the order asked
    return out


def find_matches(corpus_or_tokens, pattern: str | Sequence[str], *, regex: bool = False, corpus=None):
    """(corpus, token views or None, [(doc_id, pattern, clean_start, clean_end), ...]).

    The matching rules of kwic (substring for a Corpus, token-aligned for
    Tokens), in document order, then text order; used by kwic and textplot_xray.
    Plumbing (it returns a tuple), so not in __all__.
    """
    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    if not patterns or any(not isinstance(p, str) or not p for p in patterns):
        raise ParameterError(f"pattern must be a non-empty string or list of them, not {pattern!r}")
    compiled = []
    for p in patterns:
        try:
            compiled.append(re.compile(p if regex else re.escape(p)))
        except re.error as exc:
            raise ParameterError(f"pattern {p!r} is not a valid regular expression: {exc}") from None
    if hasattr(corpus_or_tokens, "docs") and not hasattr(corpus_or_tokens, "starts"):
        corpus, views = corpus_or_tokens, None
    else:
        corpus, docs = token_docs(corpus_or_tokens, corpus)
        views = {d.id: d for d in docs}
    hits = []
    for doc in corpus:
        if views is not None and doc.id not in views:
            continue
        view = views[doc.id] if views is not None else None
        found = [(s, k, e) for k, rx in enumerate(compiled) for s, e in _matches(doc.clean, rx, view)]
        hits.extend((doc.id, patterns[k], s, e) for s, k, e in sorted(found))
    return corpus, views, hits


def _matches(text: str, rx: re.Pattern, view: TokenView | None) -> list[tuple[int, int]]:
    if view is None:
        return [(m.start(), m.end()) for m in rx.finditer(text) if m.end() > m.start()]
    starts = set(view.starts)
    ends = {s + len(t) for s, t in zip(view.starts, view.tokens)}
    out, pos = [], 0
    # Try every token start so a match that is not aligned does not hide an aligned one after it.
    for s in sorted(starts):
        if s < pos:
            continue
        m = rx.match(text, s)
        if m and m.end() > s and m.end() in ends:
            out.append((s, m.end()))
            pos = m.end()
    return out


def _context_span(text: str, s: int, e: int, window: int, view: TokenView | None) -> tuple[int, int]:
    """Clean offsets where the context before ``s`` starts and the one after ``e`` ends."""
    if view is None:
        return max(0, s - window), min(len(text), e + window)
    import bisect

    k = bisect.bisect_left(view.starts, s)
    j = bisect.bisect_left(view.starts, e)
    lo = view.starts[max(0, k - window)] if k else s
    hi_k = min(len(view.starts), j + window)
    hi = (view.starts[hi_k - 1] + len(view.tokens[hi_k - 1])) if hi_k > j else e
    return lo, hi


def _as_written(doc, a: int, b: int) -> str:
    """``doc.clean[a:b]`` with each character as the raw text writes it (cleaning maps them one to
    one: full-width punctuation, the script), newlines as spaces."""
    return "".join(" " if doc.clean[i] == "\n" else doc.raw[doc.to_raw(i)] for i in range(a, b))


# ---------------------------------------------------------------- collocations

def textstat_collocations(toks, *, size: int = 2, min_count: int = 2, measure: str = "pmi",
                          remove: bool | Iterable[str] = True, sep: str = "",
                          corpus=None) -> pd.DataFrame:
    """Sequences of `size` adjacent terms that occur together more than chance predicts.

    Candidates are runs of `size` tokens adjacent in the text, each a term
    (same removal as textstat_frequency), so a pair never bridges a comma or a
    stopword. For a candidate split into x = its first size-1 tokens and y = its
    last token, over all N candidates of that size in the corpus:

        O11 = count(x y)          O12 = count(x, not y)   R1 = O11 + O12 = count(x first)
        O21 = count(not x, y)     O22 = N - O11 - O12 - O21  C1 = O11 + O21 = count(y last)
        E_ij = R_i * C_j / N      (R2 = N - R1, C2 = N - C1)
        pmi = log2(O11 / E11) = log2(O11 * N / (R1 * C1))
        G2  = 2 * sum_ij O_ij * ln(O_ij / E_ij)        (0 * ln 0 = 0)

    pmi favours rare exclusive pairs; G2 (Dunning's log-likelihood) weighs
    evidence, so frequent fixed phrases come first. Result: collocation,
    count, pmi, G2, sorted by `measure` ("pmi" or "llr"; values equal to 9 decimals tie), then
    count, then text.
    """
    if measure not in ("pmi", "llr"):
        raise ParameterError(f"measure must be 'pmi' or 'llr', not {measure!r}")
    if not isinstance(size, int) or size < 2:
        raise ParameterError(f"size must be an int >= 2, not {size!r}")
    _, docs = token_docs(toks, corpus)
    keep = _keeper(remove)
    pairs: Counter = Counter()
    for d in docs:
        ok = [keep(t) for t in d.tokens]
        for k in range(len(d.tokens) - size + 1):
            if all(ok[k:k + size]):
                pairs[(tuple(d.tokens[k:k + size - 1]), d.tokens[k + size - 1])] += 1
    total = sum(pairs.values())
    first, last = Counter(), Counter()
    for (x, y), c in pairs.items():
        first[x] += c
        last[y] += c
    found = [(x, y, o11) for (x, y), o11 in pairs.items() if o11 >= min_count]
    columns = ["collocation", "count", "pmi", "G2"]
    if not found:
        return pd.DataFrame(columns=columns)
    o11 = np.array([c for _, _, c in found], dtype=float)
    r1 = np.array([first[x] for x, _, _ in found], dtype=float)
    c1 = np.array([last[y] for _, y, _ in found], dtype=float)
    # The x-first / y-last table is keyness' feature / target table with "y last" as the target.
    frame = pd.DataFrame({"collocation": [sep.join((*x, y)) for x, y, _ in found], "count": o11.astype(int),
                          "pmi": np.log2(o11 * total / (r1 * c1)), "G2": g2(o11, r1 - o11, c1, total - c1)})
    key = "pmi" if measure == "pmi" else "G2"
    # Equal tables can differ in the last bits of G2 (summation order): round, so ties go to count, text.
    order = frame.assign(_key=frame[key].round(9)).sort_values(
        ["_key", "count", "collocation"], ascending=[False, False, True], kind="stable").index
    return frame.loc[order].reset_index(drop=True)


# ---------------------------------------------------------------- keywords

def textstat_keywords(toks, *, method: str = "tfidf", n: int = 20, window: int = 5,
                      remove: bool | Iterable[str] = True, corpus=None) -> pd.DataFrame:
    """The n most characteristic terms of each document: doc, feature, count, score, rank, more_tied.

    method="tfidf": score = count * log10(N / docfreq) over the documents of *this* corpus
        (policytext.dfm.dfm_weight, quanteda's dfm_tfidf; not jieba's general-language IDF,
        which ranks numbers and fragments first). A term every document uses scores 0 and is
        not listed, so a one-document corpus has no tf-idf keywords (use "textrank").
        Ties are ordered by count, then feature; ``more_tied`` counts the terms after the n-th
        with its score, which the cut leaves out (海拉尔 2013: 11 terms share the top score).
    method="textrank": PageRank (damping 0.85) over an undirected graph whose
        nodes are a document's terms and whose edges link terms that occur
        within `window` kept tokens of each other (weight = number of such
        co-occurrences); scores are scaled so the top term has 1. Ties by feature.
    rank is 1..n within each document; textrank's more_tied is 0.
    """
    if method not in ("tfidf", "textrank"):
        raise ParameterError(f"method must be 'tfidf' or 'textrank', not {method!r}")
    if not isinstance(n, int) or n < 1:
        raise ParameterError(f"n must be a positive int, not {n!r}")
    columns = ["doc", "feature", "count", "score", "rank", "more_tied"]
    keep = _keeper(remove)
    if method == "tfidf":
        top = tfidf_top(dfm(toks, select=keep, corpus=corpus), n=n)
        return pd.DataFrame([(doc, f, c, s, r, more) for doc, r, f, c, _, s, more in top], columns=columns)
    _, docs = token_docs(toks, corpus)
    rows = []
    for d in docs:
        words = [t for t in d.tokens if keep(t)]
        counts = Counter(words)
        best = sorted(_textrank(words, window).items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        rows.extend((d.id, t, counts[t], s, r, 0) for r, (t, s) in enumerate(best, start=1))
    return pd.DataFrame(rows, columns=columns)


def _textrank(words: list[str], window: int, *, damping: float = 0.85, tol: float = 1e-8,
              max_iter: int = 200) -> dict[str, float]:
    vocab = {t: k for k, t in enumerate(dict.fromkeys(words))}
    if not vocab:
        return {}
    edges: Counter = Counter()
    ids = [vocab[t] for t in words]
    for k, a in enumerate(ids):
        for b in ids[k + 1:k + window]:
            if a != b:
                edges[(min(a, b), max(a, b))] += 1
    size = len(vocab)
    if not edges:
        return {t: 1.0 for t in vocab}
    src = np.array([a for a, b in edges] + [b for a, b in edges])
    dst = np.array([b for a, b in edges] + [a for a, b in edges])
    weight = np.array(list(edges.values()) * 2, dtype=float)
    out_weight = np.bincount(src, weights=weight, minlength=size)
    share = weight / out_weight[src]
    score = np.ones(size)
    for _ in range(max_iter):
        new = (1 - damping) + damping * np.bincount(dst, weights=share * score[src], minlength=size)
        done = np.abs(new - score).max() < tol
        score = new
        if done:
            break
    score = score / score.max()
    return {t: float(score[k]) for t, k in vocab.items()}
