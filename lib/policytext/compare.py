"""How bare jieba and policytext cut terms, side by side (for notebook 01 and lexicon work)."""
from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from .discover import text_digests
from .engine import jieba_tokenizer
from .errors import ParameterError
from .lexicon import versions
from .tokens import segment_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["compare_with_jieba"]


@lru_cache(maxsize=None)
def _bare_jieba():
    """A separate jieba.Tokenizer with only jieba's default dictionary (never the global one)."""
    return jieba_tokenizer()


def _covering_split(toks: list[str], text: str, term: str) -> str | None:
    """Most common way the occurrences of `term` in `text` are cut ("|" between tokens).

    Tokens that reach over the term's edges are shown whole (加强|工业 for 强工业 in 加强工业).
    Ties go to the earliest occurrence; None when the term does not occur.
    """
    import bisect
    from collections import Counter

    ends = list(itertools.accumulate(map(len, toks)))
    splits: Counter = Counter()
    for m in re.finditer(re.escape(term), text):
        first = bisect.bisect_right(ends, m.start())
        last = bisect.bisect_left(ends, m.end())
        splits["|".join(toks[first:last + 1])] += 1
    return splits.most_common(1)[0][0] if splits else None


def compare_with_jieba(terms: Iterable[str] | str, *, text: str | None = None, corpus_terms: Iterable[str] = (),
                       cache: bool = True) -> "pd.DataFrame":
    """How bare jieba and policytext cut each term: DataFrame(term, jieba, policytext).

    Cells hold the tokens joined by "|" (科学|发展观 vs 科学发展观). Bare jieba is a separate
    `jieba.Tokenizer()` with its default dictionary and default settings (HMM on, as
    `jieba.lcut`); policytext is `segment_text` with the lexicon and ``corpus_terms`` (pass a
    Tokens object's `terms` to show the cut its counts come from: 背街巷道 is one token where
    discovery added it, 背|街巷|道 without).
    text=None cuts each term on its own. With a text, both cut the whole text and each cell
    shows the most common cut of the term's occurrences there, including tokens that reach over
    its edges; missing (NaN) when the term does not occur in the text.

    Loading the two dictionaries takes about a second, so the rows are kept in the disk cache
    (cache=False: recompute), keyed by the terms, the text and what decides both cuts (jieba's
    version, the lexicon, the segmenter version), as the token cache is.
    """
    import pandas as pd

    if isinstance(terms, str):
        terms = [terms]
    terms = list(terms)
    bad = [t for t in terms if not isinstance(t, str) or not t]
    if bad:
        raise ParameterError(f"compare_with_jieba needs non-empty str terms, not {bad[0]!r}")
    if text is not None and not isinstance(text, str):
        raise ParameterError(f"compare_with_jieba: text must be a str, not {type(text).__name__}")
    columns = ["term", "jieba", "policytext"]
    corpus_terms = sorted(set(corpus_terms))
    key = None
    if cache:
        from .cache import cache_get, cache_key, cache_put, library_digest

        key = cache_key("compare_with_jieba", versions(), library_digest(), terms, corpus_terms,
                        "no text" if text is None else text_digests([text])[0])
        hit = cache_get("compare_jieba", key)
        if isinstance(hit, list) and all(isinstance(r, list) and len(r) == 3 for r in hit):
            return pd.DataFrame(hit, columns=columns)
    rows = _compare_rows(terms, text, corpus_terms)
    if cache:
        cache_put("compare_jieba", key, rows)
    return pd.DataFrame(rows, columns=columns)


def _compare_rows(terms: list[str], text: str | None, corpus_terms: list[str]) -> list[tuple]:
    bare = _bare_jieba()
    rows = []
    if text is None:
        for term in terms:
            rows.append((term, "|".join(bare.lcut(term)), "|".join(segment_text(term, terms=corpus_terms))))
    else:
        jtoks, ptoks = bare.lcut(text), segment_text(text, terms=corpus_terms)
        for term in terms:
            rows.append((term, _covering_split(jtoks, text, term), _covering_split(ptoks, text, term)))
    return rows
