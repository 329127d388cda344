"""Find a corpus's own terms (place and company names, local slogans) without a dictionary.

A character n-gram is a candidate term when it is
- frequent (count >= min_count),
- cohesive: its pointwise mutual information, taken at its weakest split point,
  min_k log(p(w) / (p(w[:k]) p(w[k:]))), is at least min_pmi (natural log), and
- free on both sides: the entropy of the characters seen just before it and just after it is
  at least min_entropy (nats). A run boundary (punctuation, digit, latin, line end) counts as a
  new neighbour each time, so a term that often stands alone is free there.
Fragments of a longer term fail the freedom test (峪关 is always preceded by 嘉), and phrases
glued from common words fail cohesion.

Counting is done on Chinese-only runs (text split at punctuation, digits, latin, spaces) with
collections.Counter, level by level: an (n+1)-gram is counted only when its n-gram prefix or
suffix was frequent (Apriori pruning), which keeps memory and time small. Corpora larger than
`max_chars` are sampled (every k-th run), so discovery stays a small part of segmentation time.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from typing import Container, Iterable

import pandas as pd

from .errors import ParameterError

__all__ = ["discover_terms", "FUNCTION_CHARS", "INNER_FUNCTION_CHARS"]

# A term does not start or end with a function character (的, 了, 和 ...).
FUNCTION_CHARS = frozenset("的了和是在及等与或也而就把被将从于之其这那们着并且又再还很更最每各该此吗呢吧啊")
# ... and has none of these inside (党的建设 and 之 phrases are lexicon or phrase material).
INNER_FUNCTION_CHARS = frozenset("的之了和与及是把被将从于着过也都就更最很")
_RUN = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
COLUMNS = ["term", "count", "pmi", "left_entropy", "right_entropy", "score"]


def _runs(texts: Iterable[str], max_chars: int | None) -> list[str]:
    runs = [run for text in texts for run in _RUN.findall(text)]
    total = sum(map(len, runs))
    if max_chars and total > max_chars:
        step = math.ceil(total / max_chars)
        runs = runs[::step]
    return runs


def _count(runs: list[str], max_len: int, min_count: int) -> list[Counter]:
    """counts[n] = Counter of n-grams (n = 1 .. max_len + 1), Apriori-pruned."""
    counts: list[Counter] = [Counter(), Counter("".join(runs))]
    frequent = {g for g, c in counts[1].items() if c >= min_count}
    for n in range(2, max_len + 2):
        level: Counter = Counter()
        level.update(g for run in runs for i in range(len(run) - n + 1)
                     if (g := run[i:i + n])[:-1] in frequent or g[1:] in frequent)
        counts.append(level)
        # Frequent n-grams need both halves frequent; they seed the next level.
        frequent = {g for g, c in level.items()
                    if c >= min_count and g[:-1] in frequent and g[1:] in frequent}
        if not frequent:
            counts.extend(Counter() for _ in range(n + 1, max_len + 2))
            break
    return counts


def _entropy(neighbours: dict[str, int] | None, count: int) -> float:
    """Entropy (nats) of the neighbour characters; unseen ones (run boundaries) are all distinct."""
    seen = 0
    h = 0.0
    for c in (neighbours or {}).values():
        p = c / count
        h -= p * math.log(p)
        seen += c
    boundary = count - seen
    if boundary > 0:
        h += (boundary / count) * math.log(count)
    return h


def discover_terms(texts: str | Iterable[str], *, min_count: int = 5, min_pmi: float = 4.0,
                   min_entropy: float = 1.0, max_len: int = 8,
                   dictionary: Container[str] | None = None,
                   max_chars: int | None = 200_000) -> pd.DataFrame:
    """Candidate terms of `texts`, best first.

    Returns a DataFrame with columns term, count, pmi, left_entropy, right_entropy, score
    (score = pmi x min(left_entropy, right_entropy)). Candidates are 2..max_len characters,
    do not start or end with a function character and are not words of `dictionary` (any
    container; policytext.segment passes its own dictionary). Counts refer to the sample when
    the texts have more than `max_chars` Chinese characters (None: use everything).
    """
    if isinstance(texts, str):
        texts = [texts]
    if not 2 <= max_len <= 12:
        raise ParameterError(f"max_len must be between 2 and 12, not {max_len!r}")
    if min_count < 2:
        raise ParameterError(f"min_count must be at least 2, not {min_count!r}")
    runs = _runs(texts, max_chars)
    if not runs:
        return pd.DataFrame(columns=COLUMNS)
    counts = _count(runs, max_len, min_count)
    n_chars = sum(counts[1].values())
    rows = []
    for n in range(2, max_len + 1):
        cands = {g: c for g, c in counts[n].items()
                 if c >= min_count and g[0] not in FUNCTION_CHARS and g[-1] not in FUNCTION_CHARS
                 and INNER_FUNCTION_CHARS.isdisjoint(g[1:-1])
                 and not (dictionary is not None and g in dictionary)}
        if not cands:
            continue
        left: dict[str, dict[str, int]] = defaultdict(dict)
        right: dict[str, dict[str, int]] = defaultdict(dict)
        for g, c in counts[n + 1].items():
            if g[1:] in cands:
                left[g[1:]][g[0]] = c
            if g[:-1] in cands:
                right[g[:-1]][g[-1]] = c
        parts = [(counts[k], counts[n - k], k) for k in range(1, n)]
        for g, c in cands.items():
            # Freedom first: it is cheaper and rejects most fragments.
            le = _entropy(left.get(g), c)
            if le < min_entropy:
                continue
            re_ = _entropy(right.get(g), c)
            if re_ < min_entropy:
                continue
            # Cohesion at the weakest split: the largest product of the parts' counts.
            weakest = max(a[g[:k]] * b[g[k:]] for a, b, k in parts)
            pmi = math.log(c * n_chars / weakest)
            if pmi < min_pmi:
                continue
            rows.append((g, c, pmi, le, re_, pmi * min(le, re_)))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["score", "term"], ascending=[False, True], ignore_index=True)
