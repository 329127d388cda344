"""Tokens of a corpus: `tokens()` cuts every document's clean text; `tokens_*` derive new Tokens.

`segment_text(text)` cuts one string. Cutting itself is `engine`'s job and many texts are
`batch`'s; this module holds the quanteda-style object and its verbs.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from .engine import NUMBER, segmenter
from .errors import ParameterError
from .lexicon import stopwords as _stopword_set
from .numbers import MAGNITUDE_PREFIXES, UNITS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Tokens", "tokens", "tokens_from_lists", "tokens_remove", "tokens_ngrams", "tokens_subset", "segment_text",
           "is_punct", "is_numberish", "UNIT_WORDS"]


def segment_text(text: str, *, pos: bool = False, terms: Iterable[str] = (),
                 engine: str | None = None) -> list:
    """Cut one string losslessly: ``"".join(segment_text(t)) == t``.

    pos=True returns (token, tag) pairs (jieba tags; m numbers, eng latin, x other).
    `terms` are extra words to keep whole for this call (the engine with them is kept for the
    next call with the same terms). engine: "rjieba" (default) or "jieba"; same tokens.
    """
    if not isinstance(text, str):
        raise ParameterError(f"segment_text needs a str, not {type(text).__name__}")
    if isinstance(terms, str):
        terms = [terms]
    seg = segmenter(engine, terms=terms)
    toks = seg.cut(text)
    if pos:
        return [(t, seg.tag(t)) for t in toks]
    return toks


@dataclass
class _DocTokens:
    tokens: list[str]
    starts: list[int] | None = None
    tags: list[str] | None = None


class Tokens:
    """Tokens of each document of a corpus (clean text), with start offsets and optional tags."""

    def __init__(self, corpus, docs: dict[str, _DocTokens], *, pos: bool = False,
                 terms: Sequence[str] = (), kind: str = "tokens"):
        self.corpus = corpus
        self._docs = docs
        self.pos = pos
        self.terms = list(terms)   # corpus terms that were added to the dictionary
        self.kind = kind           # tokens | removed | ngrams (what derived this object)

    @classmethod
    def from_lists(cls, corpus, lists: dict[str, Sequence[str]], **options) -> "Tokens":
        """Same as `tokens_from_lists(corpus, lists, **options)`."""
        return tokens_from_lists(corpus, lists, **options)

    @property
    def ids(self) -> list[str]:
        return list(self._docs)

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self):
        return iter(self._docs)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._docs

    def _doc(self, doc_id: str) -> _DocTokens:
        try:
            return self._docs[doc_id]
        except KeyError:
            raise KeyError(f"no document {doc_id!r} in these tokens; ids: {', '.join(self.ids)}") from None

    def __getitem__(self, doc_id: str) -> list[str]:
        return self._doc(doc_id).tokens

    def starts(self, doc_id: str) -> list[int]:
        """Clean-text start offset of each token."""
        d = self._doc(doc_id)
        if d.starts is None:
            d.starts = [0, *itertools.accumulate(map(len, d.tokens))][:-1] if d.tokens else []
        return d.starts

    def tags(self, doc_id: str) -> list[str]:
        """POS tag of each token (only when the tokens were made with pos=True)."""
        d = self._doc(doc_id)
        if d.tags is None:
            raise ParameterError("these tokens have no POS tags: call tokens(corpus, pos=True)")
        return d.tags

    def n_tokens(self) -> int:
        return sum(len(d.tokens) for d in self._docs.values())

    def __repr__(self) -> str:
        return (f"Tokens({len(self)} documents, {self.n_tokens()} {self.kind}"
                f"{', pos' if self.pos else ''})")

    def to_frame(self) -> "pd.DataFrame":
        """Long table: doc, i, token, start, end, part (review/plan/other), pos when tagged."""
        import pandas as pd

        cols: dict[str, list] = {"doc": [], "i": [], "token": [], "start": [], "end": [], "part": []}
        if self.pos:
            cols["pos"] = []
        for doc_id, d in self._docs.items():
            starts = self.starts(doc_id)
            doc = self.corpus[doc_id]
            n = len(d.tokens)
            cols["doc"].extend([doc_id] * n)
            cols["i"].extend(range(n))
            cols["token"].extend(d.tokens)
            cols["start"].extend(starts)
            cols["end"].extend(s + len(t) for s, t in zip(starts, d.tokens))
            cols["part"].extend(doc.part_at(s) for s in starts)
            if self.pos:
                cols["pos"].extend(d.tags)
        return pd.DataFrame(cols)


def tokens_from_lists(corpus, lists: dict[str, Sequence[str]], *,
                      starts: dict[str, Sequence[int]] | None = None,
                      tags: dict[str, Sequence[str]] | None = None, terms: Sequence[str] = (),
                      kind: str = "tokens") -> Tokens:
    """Build Tokens from plain lists: ``{doc_id: [token, ...]}`` (for modules that derive tokens).

    corpus: the Corpus the tokens belong to (ids must be its ids; to_frame() reads the parts).
    starts: {doc_id: [clean-text start offset of each token]}; without it the tokens must join
        to the document's clean text and starts are computed from their lengths.
    tags: {doc_id: [POS tag of each token]} for all documents, or None.
    terms, kind: recorded on the result (corpus terms used; what derived these tokens).
    Bad input raises ParameterError naming the document and the problem.
    """
    if not isinstance(lists, dict):
        raise ParameterError(f"tokens_from_lists needs a dict {{doc_id: [token, ...]}}, "
                             f"not {type(lists).__name__}")
    known = set(corpus.ids)
    docs: dict[str, _DocTokens] = {}
    for doc_id, toks in lists.items():
        if doc_id not in known:
            raise ParameterError(f"tokens_from_lists: no document {doc_id!r} in the corpus")
        if isinstance(toks, str) or not all(isinstance(t, str) for t in toks):
            raise ParameterError(f"tokens_from_lists: document {doc_id!r} needs a list of str tokens")
        toks = list(toks)
        doc_starts = None
        if starts is not None:
            if doc_id not in starts or len(starts[doc_id]) != len(toks):
                raise ParameterError(f"tokens_from_lists: document {doc_id!r} needs one start "
                                     f"offset per token ({len(toks)})")
            doc_starts = [int(x) for x in starts[doc_id]]
            if any(b < a for a, b in zip(doc_starts, doc_starts[1:])) or (doc_starts and doc_starts[0] < 0):
                raise ParameterError(f"tokens_from_lists: start offsets of document {doc_id!r} "
                                     "must be non-negative and non-decreasing")
        elif "".join(toks) != corpus[doc_id].clean:
            raise ParameterError(f"tokens_from_lists: tokens of document {doc_id!r} do not join to "
                                 "its clean text; pass starts= for filtered or derived tokens")
        doc_tags = None
        if tags is not None:
            if doc_id not in tags or len(tags[doc_id]) != len(toks):
                raise ParameterError(f"tokens_from_lists: document {doc_id!r} needs one tag per token")
            doc_tags = list(tags[doc_id])
        docs[doc_id] = _DocTokens(toks, doc_starts, doc_tags)
    return Tokens(corpus, docs, pos=tags is not None, terms=terms, kind=kind)


def tokens(corpus, *, pos: bool = False, discover: bool = True, workers: int | None = None,
           cache: bool = True, progress: bool | None = None, engine: str | None = None) -> Tokens:
    """Segment each document's clean text. ``"".join(toks[id]) == corpus[id].clean``.

    discover: add terms found in this corpus (discover.discover_terms) to the dictionary.
    workers: processes (None: 1 for small corpora, else min(2, cpu_count)); fork start method.
    cache: reuse segmentations stored under policytext.cache.cache_dir() (never stale: the key
        covers the text, lexicon, discovered terms, options and versions).
    progress: tqdm bar (None: only when there are more than 200k characters to cut).
    engine: "rjieba" (default, fast) or "jieba" (the reference); both give the same tokens.
    """
    from .batch import cut_texts

    docs = list(corpus)
    terms, results = cut_texts([doc.clean for doc in docs], pos=pos, discover=discover,
                               workers=workers, cache=cache, progress=progress,
                               names=[d.id for d in docs], engine=engine)
    data = {doc.id: _DocTokens(toks, None, tags) for doc, (toks, tags) in zip(docs, results)}
    return Tokens(corpus, data, pos=pos, terms=terms)


def is_punct(token: str) -> bool:
    """True when every character is punctuation or a symbol (，。——《》%…)."""
    return all(unicodedata.category(ch)[0] in "PS" for ch in token)


_CN_NUM = "零〇一二两三四五六七八九十百千万亿"
# What a Chinese numeral counts when it is one token with it (一处, 一圈, 五篇, 第二轮): measure
# words and date characters that make no word of their own after a numeral (一体, 一流, 一线 do).
_CLASSIFIERS = "年月日号个次项批条家倍届处圈所座件份种类名位户套台辆轮场支只张册栋间篇块颗株头匹例宗笔趟遍节幅期级"
_NUMBERISH = re.compile(
    r"[+\-±]?\d+(?:[.,]\d+)*(?:[%‰]|[年月日号时万亿千百倍元个岁])?"  # 326.5  8%  2021年  10万
    rf"|第?[{_CN_NUM}]+[{_CLASSIFIERS}]?"                            # 十四  第一  五年  一批  一处
)
_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五")  # 十三五, 十四五: named periods, kept
# Units that follow a number carry no topic of their own: every unit the quantity
# extractor knows (numbers.UNITS), bare or with a magnitude (万人, 亿斤, 万亿元).
UNIT_WORDS = frozenset(
    [magnitude + unit for magnitude in ("", *MAGNITUDE_PREFIXES) for unit in UNITS]
    + ["百分点", "万余", "余万", "多万", "微克", "毫克", "千伏", "千伏安"])     # (750千伏 lines)


def is_numberish(token: str) -> bool:
    """A number or what only goes with one: 326.5, 8%, 2021年, 十四, 第一, 五年, 一批, 一处, a unit
    (亿元, 万吨, 百分点) or any token with an Arabic digit (5G, PM2.5). Plan periods (十三五,
    十四五) are names, not numbers."""
    if _PLAN_PERIOD.fullmatch(token):
        return False
    return (_NUMBERISH.fullmatch(token) is not None or token in UNIT_WORDS
            or any("0" <= ch <= "9" or "０" <= ch <= "９" for ch in token))


def tokens_remove(toks: Tokens, *, stopwords: bool | Iterable[str] = True, punct: bool = True,
                  numbers: bool = True, numerals: bool = False, single_chars: bool = False,
                  whitespace: bool = True) -> Tokens:
    """Drop tokens; the kept ones keep their start offsets (and tags).

    stopwords: True for stopwords_v1, or your own collection of words.
    punct: punctuation and symbols. numbers: 326.5, 48132, 8% (Chinese numerals stay).
    numerals: also what `is_numberish` calls a number (五年, 十个, 第一, 2021年, 亿元, 万吨, 5G),
        as the frequency tables drop it: for comparing vocabularies.
    single_chars: every one-character token. whitespace: spaces, newlines, \\u3000.
    """
    if stopwords is True:
        stop = _stopword_set()
    elif stopwords is False or stopwords is None:
        stop = frozenset()
    else:
        stop = frozenset(stopwords)

    def drop(t: str) -> bool:
        return ((whitespace and t.isspace())
                or (punct and is_punct(t))
                or (numbers and NUMBER.fullmatch(t) is not None)
                or (numerals and is_numberish(t))
                or (single_chars and len(t) == 1)
                or t in stop)

    dropped: dict[str, bool] = {}     # decided once per distinct token (~7 tokens per type)
    out = {}
    for doc_id, d in toks._docs.items():
        starts = toks.starts(doc_id)
        for t in set(d.tokens).difference(dropped):
            dropped[t] = drop(t)
        keep = [k for k, t in enumerate(d.tokens) if not dropped[t]]
        out[doc_id] = _DocTokens([d.tokens[k] for k in keep], [starts[k] for k in keep],
                                 [d.tags[k] for k in keep] if d.tags is not None else None)
    return Tokens(toks.corpus, out, pos=toks.pos, terms=toks.terms, kind="tokens (filtered)")


def tokens_ngrams(toks: Tokens, *, n: int = 2, sep: str = "") -> Tokens:
    """n-grams of adjacent tokens (of the given, usually filtered, tokens); start = first token."""
    if not isinstance(n, int) or n < 1:
        raise ParameterError(f"n must be a positive int, not {n!r}")
    out = {}
    for doc_id, d in toks._docs.items():
        starts = toks.starts(doc_id)
        grams = [sep.join(d.tokens[k:k + n]) for k in range(len(d.tokens) - n + 1)]
        out[doc_id] = _DocTokens(grams, starts[:len(grams)], None)
    return Tokens(toks.corpus, out, pos=False, terms=toks.terms, kind=f"{n}-grams")


def tokens_subset(toks: Tokens, *, ids: Iterable[str] | None = None, **meta: str | Iterable[str] | None) -> Tokens:
    """The tokens of the documents that corpus_subset selects (ids, or metadata values such as
    place="金昌市"), cut as they were: corpus terms found on the whole corpus stay, so counts of
    a subset agree with the whole. An unknown id or value is an error listing what exists."""
    from .corpus import corpus_subset

    kept = corpus_subset(toks.corpus, ids=ids, **meta)
    return Tokens(kept, {doc_id: toks._doc(doc_id) for doc_id in kept.ids}, pos=toks.pos, terms=toks.terms,
                  kind=toks.kind)
