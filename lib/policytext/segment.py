"""Policy-aware, lossless Chinese word segmentation.

`segment_text(text)` cuts one string; `tokens(corpus)` cuts every document's clean text and
returns a `Tokens` object; `tokens_remove` and `tokens_ngrams` derive new `Tokens` from it.

How it works
- Dictionary: our own `jieba.Tokenizer` (never the global one) with jieba's default dictionary
  plus `data/policy_lexicon_v1.txt`. Each lexicon term gets the smallest frequency that beats
  the dictionary split of its own characters (jieba's `suggest_freq` rule) times
  `LEXICON_BOOST`, and at least `LEXICON_FLOOR` (about the frequency of an ordinary word), so a
  term wins over its own pieces and over weak words at its edges (酒钢集团|公司, not
  酒钢|集团公司) but not over a strong word in its context (加强工业 stays 加强|工业 although
  强工业 is a term; a floor of 30000 would break that, 100..3000 give the same tokens on the seeds).
- Overlapping lexicon terms: the one that starts first wins (社会治理|体系, not 社会|治理体系);
  see `_Segmenter._leftmost_terms`.
- Corpus terms: `tokens()` and `segment_files()` first run `discover.discover_terms` over the
  texts and add the new terms (place names, company names, local slogans) to the dictionary for
  that call only; they are removed again afterwards.
- Cutting: jieba's maximum-probability path over the prefix dictionary without the HMM for
  unknown words (the HMM costs time and, with the lexicon and discovered terms, does not improve
  the policy-term scores; see bench/segment.py). The dynamic programme is our own compact
  re-implementation of jieba's `__cut_DAG_NO_HMM` (same dictionary, same scores, same tie rule)
  because jieba's version builds a dict of lists per block and is about twice as slow.
- Two workers, cold: the workers start cutting without corpus terms while the parent runs
  discovery; the parent then re-cuts only the blocks that contain a discovered term
  (`_recut_terms`), which gives exactly the tokens of cutting with the terms.
- Lossless by construction: the text is split into blocks (Han characters, digits, latin),
  whitespace runs and other characters; every token is a slice of the text, and the join is
  checked at the end. Digits, decimal points and per cent signs that the dictionary leaves as
  single characters are re-joined, so 326.5, 48132 and 8% are one token each.
"""
from __future__ import annotations

import hashlib
import itertools
import logging
import os
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from math import log
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .errors import ParameterError, PolicyTextError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Tokens", "tokens", "tokens_from_lists", "tokens_remove", "tokens_ngrams", "segment_text", "segment_files",
    "stopwords", "lexicon", "corpus_terms", "compare_with_jieba", "is_punct", "LEXICON_PATH",
    "STOPWORDS_PATH",
]

DATA = Path(__file__).resolve().parent / "data"
LEXICON_PATH = DATA / "policy_lexicon_v1.txt"
STOPWORDS_PATH = DATA / "stopwords_v1.txt"
# Bump when the cutting rules change: it is part of every cache key.
SEGMENT_VERSION = "seg-2"
# Lexicon terms get LEXICON_BOOST x the frequency that just beats their own dictionary split.
LEXICON_BOOST = 10
DISCOVERED_BOOST = 3
LEXICON_FLOOR = 1000
DISCOVERED_FLOOR = 100
DISCOVERED_TAG = "nz"
# Corpora with fewer characters than this are cut in one process (a pool costs more).
PARALLEL_MIN_CHARS = 200_000
PROGRESS_MIN_CHARS = 200_000
PIECE_CHARS = 40_000  # target size of the work pieces (paragraph-aligned) sent to workers

_PREFIX = 1.0      # marker in the log-prob table: a prefix of some word, not a word itself
_ABSENT = 2.0      # .get default: not even a prefix
_SEP = "\x1f"      # joins tokens for the cache and the worker pipe when the text lacks it

_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ALNUM = "0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_NUMCH = ".%\uff0e\uff05"
# One match per unit: a block the dictionary cuts, a whitespace run, or a run of one repeated
# other character (…… and —— stay whole).
_UNITS = re.compile(rf"([{_HAN}{_ALNUM}{_NUMCH}]+)|(\s+)|((.)\4*)", re.S)
_HAS_HAN = re.compile(rf"[{_HAN}]")
_ALNUM_CHARS = frozenset(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%\uff0e\uff05"
    + "".join(chr(c) for c in itertools.chain(range(0xFF10, 0xFF1A), range(0xFF21, 0xFF3B),
                                             range(0xFF41, 0xFF5B))))
_D = "0-9\uff10-\uff19"
# How a run of digits/latin/./% is cut: decimals and integers (with optional %), digits+letters
# (5G), letters (GDP), anything else one by one.
_L = "A-Za-z\uff21-\uff3a\uff41-\uff5a"
_NUMLAT = re.compile(rf"[{_D}]+(?:[.\uff0e][{_D}]+)+[%\uff05]?|[{_D}]+[{_L}]+|[{_D}]+[%\uff05]?|[{_L}]+|.",
                     re.S)
_NUMBER = re.compile(rf"[{_D}]+(?:[.\uff0e,][{_D}]+)*[%\uff05]?")
_LATIN = re.compile(rf"[{_ALNUM}]+")

log_ = logging.getLogger(__name__)


# ---------------------------------------------------------------- data files

def _read_terms(path: Path) -> list[tuple[str, str | None]]:
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        terms.append((parts[0], parts[1] if len(parts) > 1 else None))
    return terms


@lru_cache(maxsize=None)
def lexicon() -> dict[str, str | None]:
    """The policy lexicon: term -> POS tag (None when the file gives none)."""
    return dict(_read_terms(LEXICON_PATH))


@lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    """Stopwords from data/stopwords_v1.txt (function words and report filler; see its header)."""
    return frozenset(term for term, _ in _read_terms(STOPWORDS_PATH))


@lru_cache(maxsize=None)
def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- the segmenter

def _cache_dir() -> Path:
    from .cache import cache_dir
    return cache_dir()


class _Segmenter:
    """Our jieba.Tokenizer plus a flat log-probability table for the fast cutting loop."""

    def __init__(self) -> None:
        import jieba

        self.tk = jieba.Tokenizer()
        # jieba's own marshal cache of the prefix dictionary lives in our cache folder.
        self.tk.tmp_dir = str(_cache_dir() / "jieba")
        os.makedirs(self.tk.tmp_dir, exist_ok=True)
        self.tk.cache_file = f"jieba-{jieba.__version__}.cache"
        jlog = logging.getLogger("jieba")
        level = jlog.level
        jlog.setLevel(logging.WARNING)  # jieba prints "Building prefix dict..." at DEBUG
        try:
            self.tk.initialize()
        finally:
            jlog.setLevel(level)
        self.logtotal = log(self.tk.total)
        self.unknown = -self.logtotal  # jieba scores an unknown character as frequency 1
        self.logp = self._table(self.tk.FREQ)
        lex = lexicon()
        # Frequencies are computed against the plain dictionary first so they do not depend on
        # the order of the lexicon file. Log-probabilities keep jieba's base total as divisor.
        freqs = {term: self._term_freq(term, LEXICON_BOOST, LEXICON_FLOOR) for term in lex}
        for term, freq in freqs.items():
            self.tk.add_word(term, freq, lex[term] or "n")
            for k in range(1, len(term)):
                self.logp.setdefault(term[:k], _PREFIX)
            self.logp[term] = log(freq) - self.logtotal
        self.lexicon = frozenset(lex)
        self.extra: dict[str, str] = {}   # corpus terms currently added -> tag
        self._tags: dict[str, str] | None = None

    def _table(self, freq: dict[str, int]) -> dict[str, float]:
        lt = self.logtotal
        return {w: (log(f) - lt) if f else _PREFIX for w, f in freq.items()}

    def _term_freq(self, term: str, boost: int, floor: int) -> int:
        """Frequency that makes `term` beat the dictionary split of its own characters.

        jieba's suggest_freq rule (product of the pieces' probabilities) times `boost`, and at
        least `floor`: a term made of rare pieces would otherwise get frequency 1 and lose to
        any dictionary word spanning its edge (酒钢集团公司 -> 酒钢|集团公司).
        """
        total = self.tk.total
        split = 1.0
        for piece in self.cut_block(term):
            split *= (self.tk.FREQ.get(piece) or 1) / total
        return max(int(split * total * boost) + 1, floor, self.tk.FREQ.get(term) or 0)

    def is_word(self, word: str) -> bool:
        value = self.logp.get(word, _ABSENT)
        return value <= 0

    # -- corpus terms (added for one call, then removed)

    @contextmanager
    def with_terms(self, terms: Iterable[str]):
        """Add corpus terms for the duration of a `with` block, then restore the dictionary."""
        new = [t for t in dict.fromkeys(terms) if t and not self.is_word(t)]
        freqs = {t: self._term_freq(t, DISCOVERED_BOOST, DISCOVERED_FLOOR) for t in new}
        saved: dict[str, tuple] = {}   # fragment -> (log-prob entry, jieba FREQ entry)
        total = self.tk.total
        try:
            for term, freq in freqs.items():
                for k in range(1, len(term) + 1):
                    frag = term[:k]
                    if frag not in saved:
                        saved[frag] = (self.logp.get(frag), self.tk.FREQ.get(frag))
                    self.logp.setdefault(frag, _PREFIX)
                self.logp[term] = log(freq) - self.logtotal
                self.tk.add_word(term, freq, DISCOVERED_TAG)
                self.extra[term] = DISCOVERED_TAG
            yield new
        finally:
            for frag, (logp, freq) in saved.items():
                if logp is None:
                    self.logp.pop(frag, None)
                else:
                    self.logp[frag] = logp
                if freq is None:
                    self.tk.FREQ.pop(frag, None)
                else:
                    self.tk.FREQ[frag] = freq
            for term in freqs:
                self.tk.user_word_tag_tab.pop(term, None)
                self.extra.pop(term, None)
            self.tk.total = total

    # -- cutting

    def cut_block(self, s: str) -> list[str]:
        """Maximum-probability path over the prefix dictionary (jieba's DAG, no HMM)."""
        n = len(s)
        get = self.logp.get
        unknown = self.unknown
        best = [0.0] * (n + 1)
        nxt = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            j = i + 1
            v = get(s[i], _ABSENT)
            score = (v if v <= 0 else unknown) + best[j]
            end = j
            if v != _ABSENT:
                while j < n:
                    j += 1
                    v = get(s[i:j], _ABSENT)
                    if v == _ABSENT:
                        break
                    if v <= 0:
                        cand = v + best[j]
                        if cand >= score:  # jieba's max((score, end)) prefers the longer word
                            score = cand
                            end = j
            best[i] = score
            nxt[i] = end
        out = []
        i = 0
        while i < n:
            j = nxt[i]
            out.append(s[i:j])
            i = j
        return out

    def _leftmost_terms(self, pieces: list[str]) -> list[str]:
        """Resolve overlapping lexicon terms in favour of the one that starts first.

        社会治理 and 治理体系 are both terms; the probabilities alone pick 社会|治理体系 (社会 is
        the commoner neighbour), but a reader takes the first term: 社会治理|体系, 乡村治理|体系,
        政治生态|修复. A token that is a lexicon term gives its head back to the token before it
        when that token plus the head is a lexicon term and the rest is still a word.
        """
        lex = self.lexicon
        out = pieces
        for i in range(1, len(pieces)):
            tok = out[i]
            if len(tok) < 3 or tok not in lex:
                continue
            prev = out[i - 1]
            for k in range(len(tok) - 1, 0, -1):
                if prev + tok[:k] in lex and self.is_word(tok[k:]):
                    if out is pieces:
                        out = list(pieces)
                    out[i - 1], out[i] = prev + tok[:k], tok[k:]
                    break
        return out

    def cut(self, text: str) -> list[str]:
        out: list[str] = []
        append = out.append
        extend = out.extend
        for m in _UNITS.finditer(text):
            block = m.group(1)
            if block is None:
                append(m.group())
            elif not _HAS_HAN.search(block):
                extend(_NUMLAT.findall(block))
            else:
                extend(_join_alnum(self._leftmost_terms(self.cut_block(block))))
        return out

    # -- tags

    def tag(self, token: str) -> str:
        if token in self.extra:
            return self.extra[token]
        tag = self.tk.user_word_tag_tab.get(token)
        if tag:
            return tag
        tag = self.word_tags.get(token)
        if tag:
            return tag
        if _NUMBER.fullmatch(token):
            return "m"
        if _LATIN.fullmatch(token):
            return "eng"
        return "x"

    @property
    def word_tags(self) -> dict[str, str]:
        if self._tags is None:
            tags = {}
            with open(self.tk.get_dict_file().name, encoding="utf-8") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) == 3:
                        tags[parts[0]] = parts[2]
            self._tags = tags
        return self._tags


def _join_alnum(pieces: list[str]) -> list[str]:
    """Re-join runs of single digits/latin/./% characters (326.5, 48132, 8%, GDP)."""
    out: list[str] = []
    run: list[str] = []
    for p in pieces:
        if len(p) == 1 and p in _ALNUM_CHARS:
            run.append(p)
            continue
        if run:
            out.extend(_NUMLAT.findall("".join(run)))
            run = []
        out.append(p)
    if run:
        out.extend(_NUMLAT.findall("".join(run)))
    return out


_SEGMENTER: _Segmenter | None = None


def _segmenter() -> _Segmenter:
    """The process-wide segmenter, built on first use (fork workers inherit it)."""
    global _SEGMENTER
    if _SEGMENTER is None:
        _SEGMENTER = _Segmenter()
    return _SEGMENTER


def _cut_checked(seg: _Segmenter, text: str) -> list[str]:
    toks = seg.cut(text)
    if "".join(toks) != text:  # cannot happen by construction; never return a lossy result
        raise PolicyTextError("segmentation lost or changed characters (bug in policytext.segment); "
                              f"text starts {text[:40]!r}")
    return toks


# ---------------------------------------------------------------- one string

def segment_text(text: str, *, pos: bool = False, terms: Iterable[str] = ()) -> list:
    """Cut one string losslessly: ``"".join(segment_text(t)) == t``.

    pos=True returns (token, tag) pairs (jieba tags; m numbers, eng latin, x other).
    `terms` are extra words to keep whole for this call.
    """
    if not isinstance(text, str):
        raise ParameterError(f"segment_text needs a str, not {type(text).__name__}")
    seg = _segmenter()
    with seg.with_terms(terms):
        toks = _cut_checked(seg, text)
        if pos:
            return [(t, seg.tag(t)) for t in toks]
    return toks


# ---------------------------------------------------------------- many texts

DISCOVER_DEFAULTS = dict(min_count=5, min_pmi=4.0, min_entropy=1.0, max_len=8)


def _digests(texts: Sequence[str]) -> list[str]:
    return [hashlib.sha256(t.encode("utf-8", "surrogatepass")).hexdigest() for t in texts]


def corpus_terms(texts: Sequence[str], *, cache: bool = True,
                 digests: Sequence[str] | None = None) -> list[str]:
    """Terms discovered in `texts` that the segmenter adds for them (see discover.py).

    Statistical candidates from `discover_terms` pass three checks against the dictionary
    segmentation (see `_new_word`): they start and end on word boundaries where they occur
    (力明显增强 in 能力明显增强 does not), leading verbs/prepositions/numerals and trailing
    particles are trimmed (建设西部明星城 -> 西部明星城), and what remains must be a new word:
    not a lexicon term or a phrase containing one (the lexicon fixes the granularity of policy
    concepts: 中央八项规定精神 stays 中央八项规定|精神), and not made only of dictionary words of
    two or more characters (深入贯彻落实 is a phrase, not a word).
    """
    from .cache import cache_get, cache_key, cache_put
    from .discover import discover_terms

    key = None
    if cache:
        key = _terms_key(texts, digests)
        hit = cache_get("segment_terms", key)
        if hit is not None:
            return hit
    seg = _segmenter()
    found = discover_terms(texts, dictionary=_Known(seg), **DISCOVER_DEFAULTS)
    joined = "\n".join(texts)
    checked = (_new_word(seg, c, joined) for c in found["term"][:MAX_CANDIDATES])
    terms = list(dict.fromkeys(t for t in checked if t))
    if cache:
        cache_put("segment_terms", key, terms)
    return terms


def _terms_key(texts: Sequence[str], digests: Sequence[str] | None) -> str:
    from .cache import cache_key
    return cache_key("corpus_terms", _context_versions(), sorted(DISCOVER_DEFAULTS.items()),
                     *(digests or _digests(texts)))


def _terms_cached(texts: Sequence[str], digests: Sequence[str] | None) -> bool:
    from .cache import cache_get
    return cache_get("segment_terms", _terms_key(texts, digests)) is not None


class _Known:
    """`in` test for words of the segmenter's dictionary (for discover_terms)."""

    def __init__(self, seg: _Segmenter):
        self.seg = seg

    def __contains__(self, word: str) -> bool:
        return self.seg.is_word(word)


# POS tags (first letter) of dictionary words trimmed from the edges of a discovered candidate
# (建设|西部明星城). Single characters are trimmed only when they are function words: 提 of
# 提档升级 is part of the phrase, not a verb in front of it.
_TRIM_HEAD = frozenset("vdpcrmqt")
_TRIM_TAIL = frozenset("dpcrmqfv")
_TRIM_SINGLE = frozenset("pcud")


def _trim(piece: str, tags: dict[str, str], allowed: frozenset[str]) -> bool:
    tag = (tags.get(piece) or "x")[0]
    return tag in _TRIM_SINGLE or (len(piece) >= 2 and tag in allowed)
_BOUNDARY_CHECKS = 8   # occurrences looked at per candidate
MAX_NEW_WORD_PIECES = 3  # a new word splits into at most 3 dictionary pieces (西部|明星|城)
MAX_CANDIDATES = 400     # best-scored discovery candidates that are checked
_WINDOW = 12           # characters of context on each side


def _on_boundaries(seg: _Segmenter, term: str, joined: str) -> bool:
    """True when most occurrences of `term` start and end on dictionary token boundaries."""
    good = seen = 0
    i = joined.find(term)
    while i >= 0 and seen < _BOUNDARY_CHECKS:
        lo = max(0, i - _WINDOW)
        window = joined[lo:i + len(term) + _WINDOW]
        cuts = set(itertools.accumulate(map(len, seg.cut(window))))
        start, end = i - lo, i - lo + len(term)
        good += (start == 0 or start in cuts) and end in cuts
        seen += 1
        i = joined.find(term, i + len(term))
    return seen > 0 and 2 * good >= seen


def _new_word(seg: _Segmenter, term: str, joined: str) -> str | None:
    """The candidate (trimmed) when it is a new word for the dictionary, else None."""
    pieces = seg.cut_block(term)
    tags = seg.word_tags
    while len(pieces) > 1 and _trim(pieces[0], tags, _TRIM_HEAD):
        pieces = pieces[1:]
    while len(pieces) > 1 and _trim(pieces[-1], tags, _TRIM_TAIL):
        pieces = pieces[:-1]
    word = "".join(pieces)
    if not 2 <= len(pieces) <= MAX_NEW_WORD_PIECES or seg.is_word(word):
        return None
    if word[0] in _function_chars() or word[-1] in _function_chars():
        return None
    if all(len(p) >= 2 for p in pieces):
        return None
    if any(word[i:j] in seg.lexicon for i in range(len(word)) for j in range(i + 2, len(word) + 1)):
        return None
    if not _on_boundaries(seg, word, joined):
        return None
    return word


@lru_cache(maxsize=None)
def _function_chars() -> frozenset[str]:
    from .discover import FUNCTION_CHARS
    return FUNCTION_CHARS


@lru_cache(maxsize=None)
def _context_versions() -> str:
    import jieba
    try:
        from . import __version__ as version
    except ImportError:  # pragma: no cover
        version = "?"
    return "|".join([SEGMENT_VERSION, f"policytext {version}", f"jieba {jieba.__version__}",
                     f"lexicon {_file_digest(LEXICON_PATH)}",
                     f"stopwords {_file_digest(STOPWORDS_PATH)}"])


def _doc_keys(digests: Sequence[str], terms: Sequence[str], pos: bool) -> list[str]:
    """Cache key of each text: its sha256 plus everything else that decides the tokens."""
    from .cache import cache_key
    context = cache_key(_context_versions(), "\n".join(sorted(terms)), f"pos={pos}")
    return [cache_key(context, d) for d in digests]


def _pack(toks: list[str], text: str):
    """Compact form of a token list: one joined string when the text lacks the separator."""
    if _SEP not in text:
        return _SEP.join(toks)
    return list(toks)


def _unpack(packed) -> list[str]:
    if isinstance(packed, str):
        return packed.split(_SEP) if packed else []
    return list(packed)


def _split_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Cut a long text into pieces after a whitespace run that holds a newline.

    Blocks never span whitespace and whitespace runs are kept whole, so cutting the pieces
    separately gives exactly the tokens of cutting the whole text.
    """
    if len(text) <= size:
        return [text]
    pieces = []
    start = 0
    boundary = re.compile(r"\s*\n\s*")
    while len(text) - start > size:
        m = boundary.search(text, start + size)
        if not m:
            break
        pieces.append(text[start:m.end()])
        start = m.end()
    pieces.append(text[start:])
    return [p for p in pieces if p]


def _work(piece: str, pos: bool = False):
    seg = _segmenter()
    toks = _cut_checked(seg, piece)
    tags = _SEP.join(seg.tag(t) for t in toks) if pos else None
    return _pack(toks, piece), tags


def _work_pos(piece: str):
    return _work(piece, True)


def _resolve_workers(workers: int | None, n_chars: int) -> int:
    if workers is None:
        return 1 if n_chars < PARALLEL_MIN_CHARS else max(1, min(2, os.cpu_count() or 1))
    if not isinstance(workers, int) or workers < 1:
        raise ParameterError(f"workers must be a positive int or None, not {workers!r}")
    return workers


def _run_pieces(pieces: list[str], *, pos: bool, workers: int, bar) -> list:
    func = _work_pos if pos else _work
    if workers > 1 and len(pieces) > 1:
        import multiprocessing as mp
        try:
            ctx = mp.get_context("fork")
        except ValueError:  # no fork on this platform: one process
            ctx = None
        if ctx is not None:
            out = []
            with ctx.Pool(workers) as pool:
                for res, piece in zip(pool.imap(func, pieces, chunksize=1), pieces):
                    out.append(res)
                    if bar is not None:
                        bar.update(len(piece))
            return out
    out = []
    for piece in pieces:
        out.append(func(piece))
        if bar is not None:
            bar.update(len(piece))
    return out


_BLOCK_CHAR = re.compile(rf"[{_HAN}{_ALNUM}{_NUMCH}]")


def _recut_terms(seg: _Segmenter, piece: str, toks: list[str], pattern: re.Pattern) -> list[str]:
    """Tokens of `piece` with corpus terms, from its tokens without them.

    A block (run of Han/digits/latin cut as one unit, see `_UNITS`) that contains none of the
    terms cuts the same with and without them: the dynamic programme only looks at words inside
    the block, and adding terms leaves every other word's score unchanged. So only the blocks
    around term occurrences are cut again; block edges are token edges in both cuts.
    """
    spans: list[list[int]] = []
    is_block = _BLOCK_CHAR.match
    for m in pattern.finditer(piece):
        lo, hi = m.start(), m.end()
        if spans and lo < spans[-1][1]:       # inside the block found last
            continue
        while lo > 0 and is_block(piece, lo - 1):
            lo -= 1
        while hi < len(piece) and is_block(piece, hi):
            hi += 1
        spans.append([lo, hi])
    if not spans:
        return toks
    out: list[str] = []
    pos = k = 0
    for lo, hi in spans:
        while pos < lo:                      # tokens before the block stay
            out.append(toks[k])
            pos += len(toks[k])
            k += 1
        while pos < hi:                      # tokens of the block are replaced
            pos += len(toks[k])
            k += 1
        out.extend(seg.cut(piece[lo:hi]))
    out.extend(toks[k:])
    return out


class _EarlyCut:
    """Workers cut the texts without corpus terms while the parent runs discovery.

    Used for a cold, parallel, untagged run: discovery (one process) then overlaps with cutting
    instead of preceding it. When the terms are known the parent re-cuts only the blocks that
    contain one (`_recut_terms`), so the tokens equal those of cutting with the terms.
    """

    def __init__(self, texts: Sequence[str], workers: int):
        import gc
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        _segmenter()                         # built once here, inherited by the workers
        self.pieces, self.owner = [], []
        for i, text in enumerate(texts):
            for piece in _split_pieces(text):
                self.pieces.append(piece)
                self.owner.append(i)
        # Frozen objects are skipped by the workers' garbage collector, which would otherwise
        # write to (and so copy) every inherited page of the dictionary tables.
        gc.freeze()
        try:
            self.pool = ctx.Pool(workers)
        finally:
            gc.unfreeze()
        self.results = self.pool.imap(_work, self.pieces, chunksize=1)

    def collect(self, terms: Sequence[str], todo: Sequence[int], bar) -> dict[int, list[str]]:
        seg = _segmenter()
        wanted = set(todo)
        out: dict[int, list[str]] = {i: [] for i in todo}
        with seg.with_terms(terms) as new:
            pattern = (re.compile("|".join(map(re.escape, sorted(new, key=len, reverse=True))))
                       if new else None)
            for piece, i, (packed, _) in zip(self.pieces, self.owner, self.results):
                if i in wanted:
                    toks = _unpack(packed)
                    out[i].extend(_recut_terms(seg, piece, toks, pattern) if pattern else toks)
                    if bar is not None:
                        bar.update(len(piece))
        return out

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def _early_cut(texts: Sequence[str], *, pos: bool, discover: bool, workers: int | None,
               cache: bool, digests: Sequence[str] | None) -> _EarlyCut | None:
    """Start cutting before discovery when that pays: parallel, cold, no POS tags, fork."""
    if not discover or pos or not texts:
        return None
    n_workers = _resolve_workers(workers, sum(map(len, texts)))
    if n_workers < 2 or (len(texts) == 1 and len(texts[0]) <= PIECE_CHARS):
        return None
    if cache and _terms_cached(texts, digests):
        return None                          # terms (and most likely the tokens) are cached
    import multiprocessing as mp
    try:
        mp.get_context("fork")
    except ValueError:
        return None
    return _EarlyCut(texts, n_workers)


def _segment_texts(texts: Sequence[str], *, pos: bool = False, discover: bool = True,
                   workers: int | None = None, cache: bool = True, progress: bool | None = None,
                   names: Sequence[str] | None = None) -> tuple[list, list[str]]:
    """Cut many texts; returns ([(tokens, tags|None), ...], discovered terms)."""
    texts = list(texts)
    if workers is not None:
        _resolve_workers(workers, 0)  # reject a bad value even when everything is cached
    digests = _digests(texts) if cache else None
    early = _early_cut(texts, pos=pos, discover=discover, workers=workers, cache=cache,
                       digests=digests)
    try:
        return _segment_rest(texts, digests, early, pos=pos, discover=discover, workers=workers,
                             cache=cache, progress=progress, names=names)
    finally:
        if early is not None:
            early.close()


def _segment_rest(texts: list[str], digests, early: _EarlyCut | None, *, pos: bool,
                  discover: bool, workers: int | None, cache: bool, progress: bool | None,
                  names: Sequence[str] | None) -> tuple[list, list[str]]:
    from .cache import cache_get, cache_put

    terms = corpus_terms(texts, cache=cache, digests=digests) if discover else []
    keys = _doc_keys(digests, terms, pos) if cache else [None] * len(texts)
    results: list = [None] * len(texts)
    todo = []
    for i, (text, key) in enumerate(zip(texts, keys)):
        hit = cache_get("segment", key) if cache else None
        if hit is not None:
            results[i] = (_unpack(hit[0]), hit[1].split(_SEP) if pos and hit[1] is not None else None)
        else:
            todo.append(i)
    if todo:
        n_chars = sum(len(texts[i]) for i in todo)
        n_workers = _resolve_workers(workers, n_chars)
        seg = _segmenter()
        pieces, owner = [], []
        for i in todo:
            for piece in _split_pieces(texts[i]):
                pieces.append(piece)
                owner.append(i)
        bar = _progress_bar(progress, n_chars)
        collected: dict[int, tuple[list[str], list[str]]] = {i: ([], []) for i in todo}
        try:
            if early is not None:
                for i, toks in early.collect(terms, todo, bar).items():
                    collected[i] = (toks, [])
            else:
                with seg.with_terms(terms):
                    done = _run_pieces(pieces, pos=pos, workers=n_workers, bar=bar)
                for i, (packed, tags) in zip(owner, done):
                    collected[i][0].extend(_unpack(packed))
                    if pos:
                        collected[i][1].extend(tags.split(_SEP) if tags else [])
        finally:
            if bar is not None:
                bar.close()
        for i in todo:
            toks, tags = collected[i]
            if "".join(toks) != texts[i]:
                name = names[i] if names else f"text {i}"
                raise PolicyTextError(f"{name}: segmentation is not lossless (bug in policytext.segment)")
            results[i] = (toks, tags if pos else None)
            if cache:
                cache_put("segment", keys[i], (_pack(toks, texts[i]), _SEP.join(tags) if pos else None))
    return results, terms


def _progress_bar(progress: bool | None, n_chars: int):
    if progress is False or (progress is None and n_chars < PROGRESS_MIN_CHARS):
        return None
    from tqdm.auto import tqdm
    return tqdm(total=n_chars, unit="char", unit_scale=True, desc="segmenting", leave=False)


# ---------------------------------------------------------------- Tokens

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
           cache: bool = True, progress: bool | None = None) -> Tokens:
    """Segment each document's clean text. ``"".join(toks[id]) == corpus[id].clean``.

    discover: add terms found in this corpus (discover.discover_terms) to the dictionary.
    workers: processes (None: 1 for small corpora, else min(2, cpu_count)); fork start method.
    cache: reuse segmentations stored under policytext.cache.cache_dir() (never stale: the key
        covers the text, lexicon, discovered terms, options and versions).
    progress: tqdm bar (None: only when there are more than 200k characters to cut).
    """
    docs = list(corpus)
    texts = [doc.clean for doc in docs]
    results, terms = _segment_texts(texts, pos=pos, discover=discover, workers=workers,
                                    cache=cache, progress=progress, names=[d.id for d in docs])
    data = {doc.id: _DocTokens(toks, None, tags) for doc, (toks, tags) in zip(docs, results)}
    return Tokens(corpus, data, pos=pos, terms=terms)


# ---------------------------------------------------------------- Tokens -> Tokens

_stopword_set = stopwords  # tokens_remove's keyword `stopwords` shadows the function

def is_punct(token: str) -> bool:
    """True when every character is punctuation or a symbol (，。——《》%…)."""
    return all(unicodedata.category(ch)[0] in "PS" for ch in token)


def tokens_remove(toks: Tokens, *, stopwords: bool | Iterable[str] = True, punct: bool = True,
                  numbers: bool = True, single_chars: bool = False,
                  whitespace: bool = True) -> Tokens:
    """Drop tokens; the kept ones keep their start offsets (and tags).

    stopwords: True for stopwords_v1, or your own collection of words.
    punct: punctuation and symbols. numbers: 326.5, 48132, 8% (Chinese numerals stay).
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
                or (numbers and _NUMBER.fullmatch(t) is not None)
                or (single_chars and len(t) == 1)
                or t in stop)

    out = {}
    for doc_id, d in toks._docs.items():
        starts = toks.starts(doc_id)
        keep = [k for k, t in enumerate(d.tokens) if not drop(t)]
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


# ---------------------------------------------------------------- comparison with bare jieba

@lru_cache(maxsize=None)
def _bare_jieba():
    """A separate jieba.Tokenizer with only jieba's default dictionary (never the global one)."""
    import jieba

    tk = jieba.Tokenizer()
    tk.tmp_dir = str(_cache_dir() / "jieba")      # shares the marshal cache of the plain dictionary
    os.makedirs(tk.tmp_dir, exist_ok=True)
    tk.cache_file = f"jieba-{jieba.__version__}.cache"
    jlog = logging.getLogger("jieba")
    level = jlog.level
    jlog.setLevel(logging.WARNING)
    try:
        tk.initialize()
    finally:
        jlog.setLevel(level)
    return tk


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


def compare_with_jieba(terms: Iterable[str] | str, *, text: str | None = None,
                       cache: bool = True) -> "pd.DataFrame":
    """How bare jieba and policytext cut each term: DataFrame(term, jieba, policytext).

    Cells hold the tokens joined by "|" (科学|发展观 vs 科学发展观). Bare jieba is a separate
    `jieba.Tokenizer()` with its default dictionary and default settings (HMM on, as
    `jieba.lcut`); policytext is `segment_text` (lexicon, no corpus terms).
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
    key = None
    if cache:
        from .cache import cache_get, cache_key, cache_put

        key = cache_key("compare_with_jieba", _context_versions(), terms,
                        "no text" if text is None else _digests([text])[0])
        hit = cache_get("compare_jieba", key)
        if hit is not None:
            return pd.DataFrame(hit, columns=columns)
    rows = _compare_rows(terms, text)
    if cache:
        cache_put("compare_jieba", key, rows)
    return pd.DataFrame(rows, columns=columns)


def _compare_rows(terms: list[str], text: str | None) -> list[tuple]:
    bare = _bare_jieba()
    rows = []
    if text is None:
        for term in terms:
            rows.append((term, "|".join(bare.lcut(term)), "|".join(segment_text(term))))
    else:
        jtoks, ptoks = bare.lcut(text), segment_text(text)
        for term in terms:
            rows.append((term, _covering_split(jtoks, text, term), _covering_split(ptoks, text, term)))
    return rows


# ---------------------------------------------------------------- files (CLI)

def segment_files(paths: Iterable[str | os.PathLike], *, discover: bool = True,
                  cache: bool = True) -> list[dict]:
    """Segment files' decoded raw text (no cleaning), for `policytext segment FILE... --jsonl`.

    Returns one {"doc": path, "tokens": [...]} per file; the tokens join back to the decoded
    text (corpus.read_text: a UTF-8 BOM kept as U+FEFF, \\r\\n -> \\n). Discovery runs over the
    files together.
    """
    from .corpus import read_text

    paths = [str(p) for p in paths]
    texts = [read_text(p) for p in paths]
    results, _ = _segment_texts(texts, discover=discover, cache=cache, progress=False, names=paths)
    return [{"doc": p, "tokens": toks} for p, (toks, _) in zip(paths, results)]
