"""Cutting engines: one interface, two implementations that give identical tokens.

`segmenter(name, terms=...)` is the one factory. An `Engine` is immutable: `with_terms` returns
a new engine and leaves the old one as it was, so nothing global changes while a corpus is cut.

What both engines share (this module's `Engine`):
- Lossless units: the text is split into blocks (Han characters, digits, latin, . and %),
  whitespace runs and runs of one repeated other character (…… and —— stay whole); every token
  is a slice of the text.
- The dictionary: jieba's default dictionary plus the policy lexicon. Each lexicon term gets the
  smallest frequency that beats the dictionary split of its own characters (jieba's
  `suggest_freq` rule) times LEXICON_BOOST, and at least LEXICON_FLOOR (about the frequency of
  an ordinary word), so a term wins over its own pieces and over weak words at its edges
  (酒钢集团|公司, not 酒钢|集团公司) but not over a strong word in its context (加强工业 stays
  加强|工业 although 强工业 is a term; a floor of 30000 would break that, 100..3000 give the same
  tokens on the seeds). Corpus terms get DISCOVERED_BOOST and DISCOVERED_FLOOR.
- Cutting a block: jieba's maximum-probability path over the dictionary without the HMM (the
  HMM costs time and, with the lexicon and discovered terms, does not improve the policy-term
  scores). Log-probabilities divide by jieba's base total (the sum of its dictionary file), not
  by the total after adding terms: adding a term then changes no other word's score, which is
  what makes `batch`'s re-cut of blocks with corpus terms exact.
- Overlapping lexicon terms: the one that starts first wins (`_leftmost_terms`); digits, points
  and per cent signs the dictionary leaves single are re-joined (326.5, 48132 and 8% are one
  token each; `Engine._fix_flat`); POS tags come from the dictionary and the lexicon (`tag`).

The engines differ only in who runs the dynamic programme over a block:
- "jieba" (the reference): our own `jieba.Tokenizer` (never the global one) holds the
  dictionary; the programme is our compact re-implementation of jieba's `__cut_DAG_NO_HMM`
  (same scores, same tie rule: the longer word wins), about 0.2M characters/s.
- "rjieba" (the default): jieba-rs through rjieba, several times faster. jieba-rs runs the same
  programme, but three things differ and are corrected here, not papered over:
  1. its log-probabilities divide by the sum of its current frequencies. A ballast entry that
     never matches (U+FFFE U+FFFE) sets that sum to jieba's base total; jieba-rs adds
     frequencies in wrapping 64-bit arithmetic, so the ballast may be "negative".
  2. it offers a one-character step only where no dictionary word starts, while jieba's rule
     (and ours) always allows a character on its own (scored as frequency 1). Characters that
     start a word but are not one are added with frequency 1 ("fillers").
  3. its block pattern leaves out 〇 and full-width digits/letters, and it glues single ASCII
     letters/digits together. Those characters are mapped one to one onto CJK extension B code
     points (which our blocks never contain) before cutting, in the text and in the dictionary.
  tests/test_engine.py proves identity on the seeds and the bundled corpora.
  It also cuts a whole text in one jieba-rs call rather than block by block, and `cut_many`
  lets jieba-rs cut the next text in a thread (engine_rjieba.py says how the units are kept).
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Iterable, Iterator

from .errors import ParameterError, PolicyTextError
from .lexicon import dictionary, dictionary_index, file_digest, jieba_dict_path, lexicon, versions

__all__ = ["Engine", "ENGINES", "segmenter"]

ENGINES = ("rjieba", "jieba")
DEFAULT_ENGINE = "rjieba"
LEXICON_BOOST = 10
DISCOVERED_BOOST = 3
LEXICON_FLOOR = 1000
DISCOVERED_FLOOR = 100
DISCOVERED_TAG = "nz"

_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ALNUM = "0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_NUMCH = ".%\uff0e\uff05"
# The units of a text: blocks the dictionary cuts (_BLOCK_RUN), and between them whitespace
# runs and runs of one repeated other character (_GAP_UNITS).
BLOCK_CHAR = re.compile(rf"[{_HAN}{_ALNUM}{_NUMCH}]")
_BLOCK_RUN = re.compile(rf"([{_HAN}{_ALNUM}{_NUMCH}]+)")
_GAP_UNITS = re.compile(r"\s+|(.)\1*", re.S)
_HAS_HAN = re.compile(rf"[{_HAN}]")
_ALNUM_CHARS = frozenset(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%\uff0e\uff05"
    + "".join(chr(c) for c in itertools.chain(range(0xFF10, 0xFF1A), range(0xFF21, 0xFF3B),
                                             range(0xFF41, 0xFF5B))))
_D = "0-9\uff10-\uff19"
_L = "A-Za-z\uff21-\uff3a\uff41-\uff5a"
# How a run of digits/latin/./% is cut: decimals and integers (with optional %), digits+letters
# (5G), letters (GDP), anything else one by one.
_NUMLAT = re.compile(rf"[{_D}]+(?:[.\uff0e][{_D}]+)+[%\uff05]?|[{_D}]+[{_L}]+|[{_D}]+[%\uff05]?|[{_L}]+|.",
                     re.S)
NUMBER = re.compile(rf"[{_D}]+(?:[.\uff0e,][{_D}]+)*[%\uff05]?")
_LATIN = re.compile(rf"[{_ALNUM}]+")

# Joins the tokens of a text into one string (a private-use character: texts that hold it keep
# their tokens in a list), which is cheaper to make, keep and move than a list of strings.
JOIN = "\ue000"

_PREFIX = 1.0      # in the reference's log-prob table: a prefix of some word, not a word itself
_ABSENT = 2.0      # .get default: not even a prefix


class Engine:
    """An immutable cutter: the dictionary, the policy lexicon and perhaps corpus terms.

    cut(text) -> tokens that join back to text; cut_block(block) -> the dynamic programme's
    pieces of one block; is_word(w); tag(token); with_terms(terms) -> a new Engine.
    `name` is "jieba" or "rjieba"; `terms` the corpus terms this engine adds.
    """

    name = "?"

    def __init__(self, lexicon_freqs: dict[str, int], extra: dict[str, int]):
        self.lexicon_freqs = lexicon_freqs      # lexicon term -> frequency
        self.extra = extra                      # corpus term -> frequency
        self.terms = tuple(extra)
        lex = lexicon()
        self.lexicon = frozenset(lex)
        self._long_terms = frozenset(t for t in lex if len(t) >= 3)
        self._special = self._long_terms | _ALNUM_CHARS
        # Tokens that can take a head from the next token: the first part of a lexicon term.
        self._term_heads = frozenset(t[:k] for t in lex for k in range(1, len(t)))
        self._lexicon_tags = {t: lex[t] or "n" for t in lex}
        self._children: dict[tuple, Engine] = {}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}, {len(self.extra)} corpus terms>"

    # -- implemented by the engines
    def cut_block(self, block: str) -> list[str]:
        raise NotImplementedError

    def is_word(self, word: str) -> bool:
        raise NotImplementedError

    def _cut_han_flat(self, blocks: list[str]) -> list[str]:
        """The dynamic programme's pieces of each block, "\n" between blocks."""
        out: list[str] = []
        for b in blocks:
            out.extend(self.cut_block(b))
            out.append("\n")
        return out[:-1]

    def _derive(self, extra: dict[str, int]) -> "Engine":
        raise NotImplementedError

    # -- shared
    def freq(self, word: str) -> int:
        """Frequency of a word (0 when it is not one), as jieba's FREQ table holds it."""
        if word in self.extra:
            return self.extra[word]
        if word in self.lexicon_freqs:
            return self.lexicon_freqs[word]
        return dictionary_index().freq(word)    # a few look-ups: no need to parse dict.txt

    def lexicon_total(self) -> int:
        """jieba's total after adding the lexicon (its add_word adds each frequency)."""
        return dictionary_index().total + sum(self.lexicon_freqs.values())

    def term_freq(self, term: str, boost: int, floor: int, total: int) -> int:
        """Frequency that makes `term` beat the dictionary split of its own characters.

        jieba's suggest_freq rule (product of the pieces' probabilities) times `boost`, and at
        least `floor`: a term made of rare pieces would otherwise get frequency 1 and lose to
        any dictionary word spanning its edge (酒钢集团公司 -> 酒钢|集团公司).
        """
        split = 1.0
        for piece in self.cut_block(term):
            split *= (self.freq(piece) or 1) / total
        return max(int(split * total * boost) + 1, floor, self.freq(term))

    def with_terms(self, terms: Iterable[str]) -> "Engine":
        """A new engine that also keeps `terms` whole (this one is unchanged)."""
        new = tuple(t for t in dict.fromkeys(terms) if t and not self.is_word(t))
        if not new:
            return self
        child = self._children.get(new)
        if child is None:
            child = self._derive({**self.extra, **self._term_freqs(new)})
            if len(self._children) >= 2:        # each engine holds a dictionary (40 MB in rjieba)
                self._children.pop(next(iter(self._children)))
            self._children[new] = child
        return child

    def _term_freqs(self, new: tuple[str, ...]) -> dict[str, int]:
        """Frequencies of new corpus terms, computed against this engine before any is added
        (so they do not depend on the order of the terms). Kept in the disk cache; computing
        them takes a few look-ups in `dictionary_index` (milliseconds)."""
        from .cache import cache_get, cache_key, cache_put

        # The engine's name is in the key so that each engine's own figures are what the
        # identity tests compare.
        key = cache_key("term-freqs", self.name, versions(), sorted(self.extra.items()), new)
        hit = cache_get("term_freqs", key)
        if isinstance(hit, dict) and list(hit) == list(new) and all(type(f) is int for f in hit.values()):
            return hit
        total = self.lexicon_total()
        freqs = {t: self.term_freq(t, DISCOVERED_BOOST, DISCOVERED_FLOOR, total) for t in new}
        cache_put("term_freqs", key, freqs)
        return freqs

    def cut(self, text: str) -> list[str]:
        """Tokens of `text`; they join back to it (checked)."""
        out = self._cut_joined(text)
        self._check_lossless(text, out)
        return out

    def cut_many(self, texts: Iterable[str], *, joined: bool = False) -> Iterator[list[str] | str]:
        """cut() of each text, in order (an engine may overlap the work on several texts).

        joined=True: each text's tokens as one string, joined by JOIN, or as a list when the
        text holds JOIN itself (batch keeps tokens so in its cache and moves them so).
        """
        for text in texts:
            toks = self.cut(text)
            yield join_tokens(toks, text) if joined else toks

    def _check_lossless(self, text: str, out: list[str]) -> None:
        if "".join(out) != text:  # cannot happen by construction; never return a lossy result
            raise PolicyTextError("segmentation lost or changed characters (bug in policytext."
                                  f"engine {self.name}); text starts {text[:40]!r}")

    def _cut_joined(self, text: str) -> list[str]:
        """The fast path. Per-token work in Python is what costs time next to jieba-rs, so the
        Han blocks are cut in one call and fixed in one flat list (`_fix_flat`); each block's
        tokens are then a slice of that list, up to its "\n" marker."""
        parts = _BLOCK_RUN.split(text)          # gap, block, gap, block, ..., gap
        blocks = parts[1::2]
        is_han = [_HAS_HAN.search(b) is not None for b in blocks]
        han = [b for b, h in zip(blocks, is_han) if h]
        flat = self._fix_flat(self._cut_han_flat(han)) if han else []
        flat.append("\n")
        find = flat.index
        out: list[str] = []
        append, extend = out.append, out.extend
        pos = 0
        for k, part in enumerate(parts):
            if not part:
                continue
            if k & 1:
                if is_han[k >> 1]:
                    end = find("\n", pos)
                    extend(flat[pos:end])
                    pos = end + 1
                else:
                    extend(_NUMLAT.findall(part))
            elif len(part) == 1:
                append(part)
            else:
                extend([m.group() for m in _GAP_UNITS.finditer(part)])
        return out

    def _fix_flat(self, flat: list[str]) -> list[str]:
        """`_leftmost_terms`, then re-join digits/latin, over the pieces of many blocks
        separated by "\n" (which no lexicon term holds, so no fix crosses a block edge)."""
        special = self._special
        marks = [i for i, t in enumerate(flat) if t in special]   # one pass finds both kinds
        hits = [i for i in marks if len(flat[i]) > 1]
        singles = [i for i in marks if len(flat[i]) == 1]
        if hits:
            fixed = self._leftmost_terms(flat, hits)
            if fixed != flat:                   # a fix may leave a single digit or letter
                flat = fixed
                singles = [i for i, t in enumerate(flat) if t in _ALNUM_CHARS]
        if not singles:
            return flat
        out: list[str] = []
        done, start = 0, singles[0]             # copied up to `done`; the run starts at `start`
        for a, b in zip(singles, singles[1:] + [-1]):
            if b != a + 1:                      # the run of single characters ends at a
                out.extend(flat[done:start])
                out.extend(_NUMLAT.findall("".join(flat[start:a + 1])))
                done, start = a + 1, b
        out.extend(flat[done:])
        return out

    def _leftmost_terms(self, pieces: list[str], hits: list[int]) -> list[str]:
        return leftmost_terms(pieces, hits, self.lexicon, self._term_heads, self.is_word)

    def tag(self, token: str) -> str:
        """POS tag: corpus terms nz, lexicon tags, jieba's dictionary tags, m, eng, else x."""
        if token in self.extra:
            return DISCOVERED_TAG
        tag = self._lexicon_tags.get(token) or dictionary().tags.get(token)
        if tag:
            return tag
        if NUMBER.fullmatch(token):
            return "m"
        if _LATIN.fullmatch(token):
            return "eng"
        return "x"


def join_tokens(toks: list[str], text: str) -> list[str] | str:
    """The tokens of `text` joined by JOIN, or the list itself when the text holds JOIN."""
    return toks if JOIN in text else JOIN.join(toks)


def split_tokens(packed: list[str] | str) -> list[str]:
    """The tokens of join_tokens' result."""
    if isinstance(packed, str):
        return packed.split(JOIN) if packed else []
    return list(packed)


def tokens_text(packed: list[str] | str) -> str:
    """The text that join_tokens' result holds (its tokens joined back)."""
    return packed.replace(JOIN, "") if isinstance(packed, str) else "".join(packed)


def leftmost_terms(pieces: list[str], hits: list[int], lexicon, heads, is_word) -> list[str]:
    """Resolve overlapping lexicon terms in favour of the one that starts first.

    社会治理 and 治理体系 are both terms; the probabilities alone pick 社会|治理体系 (社会 is
    the commoner neighbour), but a reader takes the first term: 社会治理|体系, 乡村治理|体系,
    政治生态|修复. A token that is a lexicon term gives its head back to the token before it
    when that token plus the head is a lexicon term and the rest is still a word.
    `hits`: the positions of lexicon terms of 3+ characters, in order; a fix changes only
    the token and the one before it, so going through them in order is the same as going
    through every token. `heads`: the first parts of lexicon terms (a token not among them
    cannot take a head); `is_word`: the engine's word test.
    """
    out = list(pieces)
    for i in hits:
        if i == 0:
            continue
        tok, prev = out[i], out[i - 1]
        if prev not in heads:           # prev + tok[:k] cannot be a term (most hits)
            continue
        for k in range(len(tok) - 1, 0, -1):
            if prev + tok[:k] in lexicon and is_word(tok[k:]):
                out[i - 1], out[i] = prev + tok[:k], tok[k:]
                break
    return out


def _check_name(name: str | None) -> str:
    name = DEFAULT_ENGINE if name is None else name
    if name not in ENGINES:
        raise ParameterError(f"engine must be one of {', '.join(ENGINES)}, not {name!r}")
    return name


def segmenter(name: str | None = None, *, terms: Iterable[str] = ()) -> Engine:
    """The engine `name` ("rjieba", the default, or "jieba"), with corpus `terms` added.

    Engines are built once per process and data version and never change; asking again for the
    same terms returns the same engine.
    """
    name = _check_name(name)
    base = _base_engine(name, versions())
    return base.with_terms(terms) if terms else base


def engine_built(name: str | None = None) -> bool:
    """True when this process has built the engine `name` already (segmenter costs nothing)."""
    return (_check_name(name), versions()) in _BUILT


_BUILT: set[tuple[str, str]] = set()


@lru_cache(maxsize=4)
def _base_engine(name: str, versions: str) -> Engine:
    if name == "jieba":
        from .engine_jieba import JiebaEngine
        built = JiebaEngine.build()
    else:
        from .engine_rjieba import RjiebaEngine
        built = RjiebaEngine.build()
    _BUILT.add((name, versions))
    return built


def jieba_tokenizer():
    """Our own jieba.Tokenizer (never the global one) with jieba's default dictionary.

    The prefix table is built by jieba's own gen_pfdict and kept in our cache as checked JSON,
    not in jieba's marshal cache file, which jieba would load from a shared folder as it finds it.
    """
    import jieba

    from .cache import cache_get, cache_key, cache_put

    tk = jieba.Tokenizer()
    key = cache_key("jieba-pfdict", jieba.__version__, file_digest(jieba_dict_path()))
    hit = cache_get("jieba", key)
    if isinstance(hit, list) and len(hit) == 2 and isinstance(hit[0], dict) and type(hit[1]) is int:
        freq, total = hit
    else:
        freq, total = tk.gen_pfdict(tk.get_dict_file())
        cache_put("jieba", key, [freq, total])
    tk.FREQ, tk.total, tk.initialized = freq, total, True
    return tk


def reference_cut_block(logp: dict[str, float], unknown: float, s: str) -> list[str]:
    """Maximum-probability path over the prefix dictionary (jieba's DAG, no HMM)."""
    n = len(s)
    get = logp.get
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
