"""The fast engine: jieba-rs (through rjieba) made to cut exactly like the reference engine.

See engine.py for the three corrections (total, one-character steps, character mapping).
Building it means loading rjieba's copy of jieba's dictionary (about 0.15 s) and adding a few
thousand entries; what to add (the "recipe") is computed once from jieba's dictionary file and
kept in the cache folder.
"""
from __future__ import annotations

import functools
import importlib.machinery
import itertools
import json
import importlib.util
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

from .lexicon import data_versions, dictionary, lexicon
from .engine import (_HAN, _HAS_HAN, _NUMLAT, JOIN, LEXICON_BOOST, LEXICON_FLOOR,
                     Engine, join_tokens, leftmost_terms, tokens_text)

__all__ = ["RjiebaEngine"]

RECIPE_VERSION = "rjieba-recipe-1"
# Characters our blocks hold that jieba-rs would not cut as Han text, or would glue together
# (single ASCII letters and digits): each is mapped to its own CJK extension B code point, a
# range our blocks never contain (they stop at U+FAFF) and jieba's dictionary does not use.
_MAPPED = ("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%"
           + "".join(chr(c) for c in range(0xFF10, 0xFF1A)) + "".join(chr(c) for c in range(0xFF21, 0xFF3B))
           + "".join(chr(c) for c in range(0xFF41, 0xFF5B)) + "\uff0e\uff05\u3007")
_TARGET = 0x2A600
TO_ENGINE = {ord(c): _TARGET + i for i, c in enumerate(_MAPPED)}
FROM_ENGINE = {v: k for k, v in TO_ENGINE.items()}
# str.translate with these tables is slow for non-Latin-1 output; a regex finds the few
# characters to map and a dict maps them.
_TO_RE = re.compile("[" + re.escape(_MAPPED) + "]")
_FROM_RE = re.compile(f"[{chr(_TARGET)}-{chr(_TARGET + len(_MAPPED) - 1)}]")
_TO_TEXT = {c: chr(TO_ENGINE[ord(c)]) for c in _MAPPED}
_FROM_TEXT = {v: k for k, v in _TO_TEXT.items()}


def _to_engine(m: re.Match) -> str:
    return _TO_TEXT[m.group()]


def _from_engine(m: re.Match) -> str:
    return _FROM_TEXT[m.group()]


# Whole-text cutting (RjiebaEngine.cut): one jieba-rs call over the whole text, then a few
# regex passes over the tokens joined by _JOIN, instead of Python work per block and per token
# (about 10% less time; and jieba-rs's share, which runs without the GIL, is one call that
# cut_many can run beside the Python passes of the text before).
# jieba-rs splits text into blocks of [#%&+\-._0-9A-Za-z], CJK and CJK extension characters and
# cuts each block with the dynamic programme; every other character is a token of its own
# ("\r\n" too). So before the call:
# - blocks with Han characters have their letters, digits, . % and 〇 mapped as in _cut_han_flat;
# - blocks without any (pure digits/latin, which Engine.cut cuts with _NUMLAT and not the
#   dictionary) are mapped to CJK extension C code points that no dictionary word holds, so
#   each character comes back alone and _NUMLAT re-joins the run, which is the whole block;
# - # & + - _, which our blocks do not hold, become private-use characters (single tokens).
# After it: runs of single digits/letters are re-joined (Engine._fix_flat), whitespace runs
# and runs of one repeated other character become one token (engine._GAP_UNITS), and the
# mapped characters are mapped back. A text holding the code points used here, characters
# from U+20000 up, or lone surrogates is cut the block-by-block way (Engine.cut).
_TARGET_PURE = 0x2A700
_ALNUM_MAPPED = _MAPPED.replace("\u3007", "")
_PURE_TEXT = {c: chr(_TARGET_PURE + i) for i, c in enumerate(_ALNUM_MAPPED)}
_FOREIGN = {c: chr(0xE001 + i) for i, c in enumerate("#&+-_")}
_JOIN = JOIN                    # a text holding it is cut block by block (_UNSAFE)
_TO_FOREIGN = {ord(c): t for c, t in _FOREIGN.items()}
_TO_PURE = {ord(c): t for c, t in _PURE_TEXT.items()}
_FROM_ALL = {ord(t): c for table in (_TO_TEXT, _PURE_TEXT, _FOREIGN) for c, t in table.items()}
_UNSAFE = re.compile("[\ue000-\ue005\ud800-\udfff\U00020000-\U0010ffff]")
_FOREIGN_RUNS = re.compile(r"[#&+\-_]+")
_ALNUM_RUNS = re.compile("[" + re.escape(_MAPPED) + "]+")
_R1 = f"{chr(_TARGET)}-{chr(_TARGET + len(_MAPPED) - 2)}"       # mapped 〇 is the last one
_R1_ALL = f"{chr(_TARGET)}-{chr(_TARGET + len(_MAPPED) - 1)}"
_R2 = f"{chr(_TARGET_PURE)}-{chr(_TARGET_PURE + len(_ALNUM_MAPPED) - 1)}"
# The patterns start with a character class, which lets re skip ahead to candidates (a leading
# look-behind would be tried at every position).
_SINGLE_RUNS = re.compile(f"[{_R1}{_R2}](?<![^{_JOIN}].)(?:{_JOIN}[{_R1}{_R2}])+(?![^{_JOIN}])")
_SPACE_RUNS = re.compile(rf"\s+(?:{_JOIN}\s+)+")
_REPEAT_RUNS = re.compile(rf"([^\s{_JOIN}{_HAN}{_R1_ALL}{_R2}])(?:{_JOIN}\1)+")
_UNMAP_RUNS = re.compile(f"[{_R1_ALL}{_R2}\ue001-\ue005]+")


def _map_foreign(m: re.Match) -> str:
    return m.group().translate(_TO_FOREIGN)


def _map_alnum(m: re.Match) -> str:
    """A run of letters, digits, . % and 〇: the mapping of a block without Han characters
    (both neighbours are not Han, and it has no 〇) or of part of a Han block."""
    run, text, start, end = m.group(), m.string, m.start(), m.end()
    # (a neighbour is never 〇 or a letter or digit: it would be in the run)
    pure = ("\u3007" not in run and (start == 0 or not _HAS_HAN.match(text, start - 1))
            and (end == len(text) or not _HAS_HAN.match(text, end)))
    return run.translate(_TO_PURE if pure else TO_ENGINE)


def _mapped_text(text: str) -> str | None:
    """The text as jieba-rs is given it, or None when it must be cut block by block."""
    if not text or _UNSAFE.search(text) is not None:
        return None
    return _ALNUM_RUNS.sub(_map_alnum, _FOREIGN_RUNS.sub(_map_foreign, text))


def _rejoin_singles(m: re.Match) -> str:
    return _JOIN.join(_NUMLAT.findall(m.group()[::2].translate(_FROM_ALL)))


def _drop_joins(m: re.Match) -> str:
    return m.group().replace(_JOIN, "")


def _unmap_run(m: re.Match) -> str:
    return m.group().translate(_FROM_ALL)


_RECIPE_FIELDS = {"adds", "fillers", "lexicon", "base_total", "default_total"}
# Never in a block, so never matched: it only carries the frequency that sets jieba-rs's total.
BALLAST = "\ufffe\ufffe"
_SEP = "\x1f"   # never in a block


def _jieba_class():
    """rjieba.Jieba without importing the rjieba package, whose __init__ builds a global
    Jieba() (0.15 s and its memory) that we would never use."""
    name = "rjieba.rjieba"
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.find_spec("rjieba")
        if spec is None or not spec.submodule_search_locations:  # pragma: no cover
            raise ImportError("rjieba is not installed (pip install rjieba)")
        folder = Path(next(iter(spec.submodule_search_locations)))
        path = next(p for p in folder.iterdir() if p.name.startswith("rjieba.") and p.suffix in (".so", ".pyd"))
        loader = importlib.machinery.ExtensionFileLoader(name, str(path))
        module_spec = importlib.util.spec_from_file_location(name, path, loader=loader)
        module = importlib.util.module_from_spec(module_spec)
        loader.exec_module(module)
        sys.modules[name] = module     # a later `import rjieba` reuses it
    return module.Jieba


class _Builder:
    """Adds entries to a fresh jieba-rs instance and keeps its total exact."""

    def __init__(self, base_total: int, default_total: int, default_freq=None, rj=None):
        self.rj = _jieba_class()() if rj is None else rj
        self.total = default_total          # sum of rjieba's built-in dictionary
        self.base_total = base_total        # what the reference divides by
        self.default_freq = default_freq    # word -> frequency of the built-in dictionary
        self.current: dict[str, int] = {}
        self.adds: list[list] = []          # [key, frequency, tag, frequency it replaced]
        self.ballast = 0                    # the ballast's frequency in self.rj now

    @classmethod
    def replayed(cls, recipe: dict, rj=None) -> "_Builder":
        """A builder in the state after the recipe's adds: replayed into a fresh rjieba, or, with
        `rj`, an instance that already holds them and the ballast (only the books are redone)."""
        b = cls(recipe["base_total"], recipe["default_total"], rj=rj)
        if rj is None:
            for key, freq, tag, old in recipe["adds"]:
                b.add(key, freq, tag, old)
            return b
        for key, freq, tag, old in recipe["adds"]:
            b.total += freq - old
            b.current[key] = freq
        b.ballast = (b.base_total - b.total) % 2 ** 64
        return b

    def add(self, key: str, freq: int, tag: str, old: int | None = None) -> None:
        if old is None:
            old = self.current.get(key)
            if old is None:
                old = self.default_freq.get(key, 0) if self.default_freq is not None else 0
        self.rj.add_word(key, freq, tag)
        self.total += freq - old            # jieba-rs: total += new - old
        self.current[key] = freq
        self.adds.append([key, freq, tag, old])

    def add_fillers(self, words, is_word) -> list[str]:
        """Characters that start a word but are not one, at frequency 1 (see engine.py, 2)."""
        fillers = sorted({w.translate(TO_ENGINE)[0] for w in words}
                         - {c for c in self.current if self.current[c] > 0 and len(c) == 1})
        fillers = [c for c in fillers if not is_word(c.translate(FROM_ENGINE))]
        for c in fillers:
            self.add(c, 1, "x")
        return fillers

    def finish(self) -> int:
        # jieba-rs replaces an existing ballast (total += new - old); self.total leaves it out.
        ballast = (self.base_total - self.total) % 2 ** 64
        self.rj.add_word(BALLAST, ballast, "x")
        self.ballast = ballast
        return ballast


class _MappedLexicon:
    """The lexicon sets leftmost_terms uses, in jieba-rs's mapped characters."""

    def __init__(self, terms, long_terms, heads):
        def mapped(words):
            return frozenset(w.translate(TO_ENGINE) for w in words)
        self.terms, self.long_terms, self.heads = mapped(terms), mapped(long_terms), mapped(heads)


class RjiebaEngine(Engine):
    name = "rjieba"

    def __init__(self, rj, fillers: frozenset[str], recipe: dict, lexicon_freqs: dict[str, int],
                 extra: dict[str, int]):
        super().__init__(lexicon_freqs, extra)
        self._rj_now = rj
        self._fillers = fillers
        self._recipe = recipe

    @property
    def _rj(self):
        # None after a corpus-terms engine took this (base) engine's instance; rebuilt on use.
        if self._rj_now is None:
            self._rj_now = self._fresh_rj()
        return self._rj_now

    def _fresh_rj(self):
        b = _Builder.replayed(self._recipe)
        b.finish()
        return b.rj

    @classmethod
    def build(cls) -> "RjiebaEngine":
        recipe = _recipe()
        b = _Builder.replayed(recipe)
        b.finish()
        return cls(b.rj, frozenset(recipe["fillers"]), recipe, dict(recipe["lexicon"]), {})

    def lexicon_total(self) -> int:
        return self._recipe["base_total"] + sum(self.lexicon_freqs.values())

    def is_word(self, word: str) -> bool:
        if _TO_RE.search(word) is not None:     # rare: discovery asks about Han n-grams
            word = _TO_RE.sub(_to_engine, word)
        return word not in self._fillers and self._rj.has_word(word)

    def cut_block(self, block: str) -> list[str]:
        return self._cut_han_flat([block])

    def _cut_joined(self, text: str) -> list[str]:
        """Engine._cut_joined's tokens, from one jieba-rs call over the whole text (see the
        notes above _TARGET_PURE)."""
        mapped_text = _mapped_text(text)
        if mapped_text is None:
            return super()._cut_joined(text)
        return self._finish(self._rj.cut(mapped_text, False)).split(_JOIN)

    def cut_many(self, texts: Iterable[str], *, joined: bool = False) -> Iterator[list[str] | str]:
        """Engine.cut_many. jieba-rs releases the GIL while it cuts, so a thread cuts the next
        text while this one finishes the current one in Python: 0.27 s instead of 0.34 s for
        1M characters on 2 idle cores (scratch measurement, best of 5)."""
        from concurrent.futures import ThreadPoolExecutor

        texts = iter(texts)
        current, following = next(texts, None), next(texts, None)
        if following is None:               # one text: no thread
            if current is not None:
                out = self._cut_joined(current)
                self._check_lossless(current, out)
                yield join_tokens(out, current) if joined else out
            return
        rj = self._rj
        with ThreadPoolExecutor(1, thread_name_prefix="policytext-cut") as pool:
            def submit(text):
                mapped_text = _mapped_text(text)
                return None if mapped_text is None else pool.submit(rj.cut, mapped_text, False)
            pending = submit(current)
            while current is not None:
                ahead = submit(following) if following is not None else None
                if pending is None:         # block by block (Engine.cut)
                    out = super()._cut_joined(current)
                    self._check_lossless(current, out)
                    yield join_tokens(out, current) if joined else out
                else:
                    out = self._finish(pending.result())
                    if tokens_text(out) != current:
                        self._check_lossless(current, out.split(_JOIN))
                    yield out if joined else out.split(_JOIN)
                current, pending = following, ahead
                following = next(texts, None) if current is not None else None

    def _finish(self, pieces: list[str]) -> str:
        """The tokens, joined by _JOIN, from jieba-rs's pieces of the mapped text."""
        mapped = self._mapped_lexicon
        hits = list(itertools.compress(itertools.count(), map(mapped.long_terms.__contains__, pieces)))
        if hits:
            pieces = leftmost_terms(pieces, hits, mapped.terms, mapped.heads, self._is_mapped_word)
        joined = _REPEAT_RUNS.sub(_drop_joins, _SPACE_RUNS.sub(_drop_joins, _JOIN.join(pieces)))
        joined = _SINGLE_RUNS.sub(_rejoin_singles, joined)
        return _UNMAP_RUNS.sub(_unmap_run, joined)

    @functools.cached_property
    def _mapped_lexicon(self) -> "_MappedLexicon":
        return _MappedLexicon(self.lexicon, self._long_terms, self._term_heads)

    def _is_mapped_word(self, word: str) -> bool:
        return word not in self._fillers and self._rj.has_word(word)

    def _cut_han_flat(self, blocks: list[str]) -> list[str]:
        # One call for all blocks: they are joined by newlines, which jieba-rs returns as tokens
        # of their own; the mapped characters map back one for one.
        joined = "\n".join(blocks)
        mapped = _TO_RE.sub(_to_engine, joined)
        pieces = self._rj.cut(mapped, False)
        if mapped is joined or mapped == joined:
            return pieces
        return _FROM_RE.sub(_from_engine, _SEP.join(pieces)).split(_SEP)

    def _derive(self, extra: dict[str, int]) -> "RjiebaEngine":
        recipe = self._recipe
        # What add_fillers asks about, answered before any change: the first characters.
        words = set(extra)
        first = {t.translate(TO_ENGINE)[0].translate(FROM_ENGINE) for t in extra}
        known_before = {c for c in first if c in words or self.is_word(c)}
        if self.extra or self._rj_now is None:
            b = _Builder.replayed(recipe)
        else:
            # A base engine hands its rjieba instance to its first corpus-terms engine and
            # rebuilds its own only if it is used again: building one costs 0.1-0.15 s (loading
            # rjieba's dictionary), and in a cold `tokens()` the base is not used after discovery.
            b = _Builder.replayed(recipe, rj=self._rj_now)
            self._rj_now = None
        fillers = set(recipe["fillers"])
        for term, freq in extra.items():
            key = term.translate(TO_ENGINE)
            # Corpus terms are new words; a one-character term may replace a filler.
            b.add(key, freq, "nz", old=1 if key in fillers else 0)
            fillers.discard(key)
        fillers.update(b.add_fillers(extra, known_before.__contains__))
        b.finish()
        return RjiebaEngine(b.rj, frozenset(fillers), recipe, self.lexicon_freqs, extra)


RECIPE_PATH = Path(__file__).resolve().parent / "data" / "rjieba_recipe.json"


def recipe_key() -> str:
    from .cache import cache_key
    return cache_key(RECIPE_VERSION, data_versions(), _MAPPED, _TARGET)


def _recipe() -> dict:
    """What to add to rjieba's dictionary: shipped with the package for its own dictionary and
    lexicon (scripts/make_rjieba_recipe.py), else from the disk cache, else computed (about
    1 s: it reads jieba's dictionary in Python)."""
    from .cache import cache_get, cache_put

    key = recipe_key()
    try:
        shipped = json.loads(RECIPE_PATH.read_text(encoding="utf-8"))
        if shipped.get("key") == key:
            return shipped["recipe"]
    except (OSError, ValueError, AttributeError):
        pass
    recipe = cache_get("engine", key)
    if not isinstance(recipe, dict) or set(recipe) != _RECIPE_FIELDS:
        recipe = _compute_recipe()
        cache_put("engine", key, recipe)
    return recipe


def write_shipped_recipe() -> Path:
    """Write data/rjieba_recipe.json for the current dictionary, lexicon and version."""
    data = {"key": recipe_key(), "recipe": _compute_recipe()}
    RECIPE_PATH.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                           encoding="utf-8")
    return RECIPE_PATH


def _compute_recipe() -> dict:
    d = dictionary()
    default_total = sum(d.freq.values())     # jieba-rs keeps the last line of B超, as jieba
    mapped = [(w, w.translate(TO_ENGINE)) for w in d.freq]
    mapped = [(w, k) for w, k in mapped if k != w]
    if any(_TARGET <= ord(c) < _TARGET + len(_MAPPED) for w in d.freq for c in w):  # pragma: no cover
        raise RuntimeError("jieba's dictionary uses the code points policytext maps onto")

    def dict_word(w: str) -> bool:
        return d.freq.get(w, 0) > 0

    plain = _Builder(d.total, default_total, d.freq)
    for w, k in mapped:
        plain.add(k, d.freq[w], d.tags[w])
    plain_fillers = plain.add_fillers(d.freq, dict_word)
    plain.finish()
    engine = RjiebaEngine(plain.rj, frozenset(plain_fillers), {}, {}, {})
    lex = lexicon()
    freqs = {t: engine.term_freq(t, LEXICON_BOOST, LEXICON_FLOOR, d.total) for t in lex}

    full = _Builder(d.total, default_total, d.freq)
    for w, k in mapped:
        full.add(k, d.freq[w], d.tags[w])
    for term, freq in freqs.items():
        full.add(term.translate(TO_ENGINE), freq, lex[term] or "n")
    fillers = full.add_fillers(list(d.freq) + list(lex), lambda w: dict_word(w) or w in lex)
    # Each add records the frequency it replaced, so a replay needs no dictionary.
    return {"adds": full.adds, "fillers": fillers,
            "lexicon": freqs, "base_total": d.total, "default_total": default_total}
