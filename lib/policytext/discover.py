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

Counting is done on Chinese-only runs (text split at punctuation, digits, latin, spaces), in
one of three ways that give the same candidates (see `_candidates`): a sort of all positions
with numpy for mid-sized samples, collections.Counter over every n-gram for small ones, and
Counter level by level for very large ones, where an (n+1)-gram is counted only when its n-gram
prefix or suffix was frequent (Apriori pruning), which keeps memory small. Corpora larger than
`max_chars` are sampled (every k-th run), so discovery stays a small part of segmentation time.
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import math
import re
import sys
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Callable, Container, Iterable, Sequence

from .errors import ParameterError, PolicyTextError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from .engine import Engine

__all__ = ["discover_terms", "corpus_terms", "FUNCTION_CHARS", "INNER_FUNCTION_CHARS"]

# A term does not start or end with a function character (的, 了, 和 ...).
FUNCTION_CHARS = frozenset("的了和是在及等与或也而就把被将从于之其这那们着并且又再还很更最每各该此吗呢吧啊让")
# ... and has none of these inside (党的建设 and 之 phrases are lexicon or phrase material).
INNER_FUNCTION_CHARS = frozenset("的之了和与及是把被将从于着过也都就更最很")
_CHINESE = "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_RUN = re.compile(_CHINESE + "{2,}")
_CHINESE_CHAR = re.compile(_CHINESE)
COLUMNS = ["term", "count", "pmi", "left_entropy", "right_entropy", "score"]
FULL_COUNT_CHARS = 500_000   # samples up to this size count every n-gram (see _count)
SORT_MIN_CHARS = 50_000      # ... and from this size on, with numpy (see _sort_pays)
SORT_MIN_CHARS_LOADED = 5_000  # ... or this one, when numpy is imported already
_KEEP_RUNS_CHARS = 2_000_000  # _runs keeps the runs it found up to this many characters


def _runs(texts: Iterable[str], max_chars: int | None) -> list[str]:
    """The Chinese runs of the texts; every k-th run when there are more than max_chars.

    The runs found while counting them are kept for the second step, up to _KEEP_RUNS_CHARS
    characters; beyond, they are found again: on 50 MB of text one list of all runs took
    hundreds of MB.
    """
    texts = list(texts)
    kept: list[list[str]] = []       # the runs of the first len(kept) texts
    total = 0
    for text in texts:
        found = _RUN.findall(text)
        total += sum(map(len, found))
        if total <= _KEEP_RUNS_CHARS:
            kept.append(found)
    step = math.ceil(total / max_chars) if max_chars and total > max_chars else 1
    runs: list[str] = []
    seen = 0
    for i, text in enumerate(texts):
        found = kept[i] if i < len(kept) else _RUN.findall(text)
        first = (-seen) % step                 # index in `found` of the next run to keep
        runs.extend(found[first::step])
        seen += len(found)
    return runs


def _count(runs: list[str], max_len: int, min_count: int) -> list[Counter]:
    """counts[n] = Counter of n-grams (n = 1 .. max_len + 1).

    Small samples count every n-gram with one regex call per level (overlapping matches of n
    characters other than the "\n" between runs): 0.21 s instead of 0.36-0.47 s of CPU for the
    200k-character sample of the bench corpus. Larger ones count only n-grams whose prefix or
    suffix is frequent (Apriori), which keeps memory small. Both give the same candidates: an
    n-gram seen min_count times has frequent parts, so its count, its parts' counts and its
    neighbours' counts are in both tables.
    """
    counts: list[Counter] = [Counter(), Counter("".join(runs))]
    frequent = {g for g, c in counts[1].items() if c >= min_count}
    joined = "\n".join(runs) if sum(counts[1].values()) <= FULL_COUNT_CHARS else None
    for n in range(2, max_len + 2):
        level: Counter = Counter()
        if joined is not None:
            level.update(re.findall(f"(?=(.{{{n}}}))", joined))
            more = max(level.values(), default=0) >= min_count
        else:
            level.update(g for run in runs for i in range(len(run) - n + 1)
                         if (g := run[i:i + n])[:-1] in frequent or g[1:] in frequent)
            # Frequent n-grams need both halves frequent; they seed the next level.
            frequent = {g for g, c in level.items()
                        if c >= min_count and g[:-1] in frequent and g[1:] in frequent}
            more = bool(frequent)
        counts.append(level)
        if not more:
            counts.extend(Counter() for _ in range(n + 1, max_len + 2))
            break
    return counts


def _entropy(neighbours: Iterable[int], count: int) -> float:
    """Entropy (nats) of the neighbour characters, given their counts in the order of their first
    occurrence; unseen ones (run boundaries) are all distinct."""
    seen = 0
    h = 0.0
    for c in neighbours:
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
                   max_chars: int | None = 200_000) -> "pd.DataFrame":
    """Candidate terms of `texts`, best first.

    Returns a DataFrame with columns term, count, pmi, left_entropy, right_entropy, score
    (score = pmi x min(left_entropy, right_entropy)). Candidates are 2..max_len characters,
    do not start or end with a function character and are not words of `dictionary` (any
    container; corpus_terms passes the segmenter's dictionary). Counts refer to the sample when
    the texts have more than `max_chars` Chinese characters (None: use everything).
    """
    import pandas as pd

    rows = _candidates(texts, min_count=min_count, min_pmi=min_pmi, min_entropy=min_entropy,
                       max_len=max_len, dictionary=dictionary, max_chars=max_chars)
    return pd.DataFrame(rows, columns=COLUMNS)


def _candidates(texts, *, min_count: int, min_pmi: float, min_entropy: float, max_len: int,
                dictionary: Container[str] | None, max_chars: int | None) -> list[tuple]:
    """discover_terms' rows, best first (score descending, then term)."""
    if isinstance(texts, str):
        texts = [texts]
    if not 2 <= max_len <= 12:
        raise ParameterError(f"max_len must be between 2 and 12, not {max_len!r}")
    if min_count < 2:
        raise ParameterError(f"min_count must be at least 2, not {min_count!r}")
    runs = _runs(texts, max_chars)
    if not runs:
        return []
    n_chars = sum(map(len, runs))
    options = (n_chars, min_count, min_pmi, min_entropy, dictionary)
    if _sort_pays(n_chars):
        from .ngrams import ngram_rows
        rows = ngram_rows("\n".join(runs), max_len, *options, ok=_shape_ok)
    else:
        counts = _count(runs, max_len, min_count)
        rows = [row for n in range(2, max_len + 1) for row in _level_rows(counts, n, *options)]
    rows.sort(key=lambda r: (-r[5], r[0]))
    return rows


def _sort_pays(n_chars: int) -> bool:
    """True when numpy's sort (ngrams.py) is the faster way to count a sample of n_chars.

    It is 2-3x faster than the Counters from 10k characters on (0.16 s instead of 0.47 s on
    200k), but importing numpy takes 0.07-0.09 s, which 40-50k characters repay. Above
    FULL_COUNT_CHARS it would take too much memory, as counting every n-gram would: both
    peak at about 300 bytes a character.
    """
    floor = SORT_MIN_CHARS_LOADED if "numpy" in sys.modules else SORT_MIN_CHARS
    return floor <= n_chars <= FULL_COUNT_CHARS


def _shape_ok(g: str) -> bool:
    """No function character at either end, nor one of INNER_FUNCTION_CHARS inside."""
    return (g[0] not in FUNCTION_CHARS and g[-1] not in FUNCTION_CHARS
            and INNER_FUNCTION_CHARS.isdisjoint(g[1:-1]))


def _level_rows(counts: list[Counter], n: int, n_chars: int, min_count: int, min_pmi: float,
                min_entropy: float, dictionary: Container[str] | None) -> list[tuple]:
    cands = {g: c for g, c in counts[n].items() if c >= min_count and _shape_ok(g)}
    if not cands:
        return []
    left: dict[str, dict[str, int]] = defaultdict(dict)
    right: dict[str, dict[str, int]] = defaultdict(dict)
    for g, c in counts[n + 1].items():
        if g[1:] in cands:
            left[g[1:]][g[0]] = c
        if g[:-1] in cands:
            right[g[:-1]][g[-1]] = c
    parts = [(counts[k], counts[n - k], k) for k in range(1, n)]
    rows = []
    for g, c in cands.items():
        # Freedom first: it is cheaper and rejects most fragments.
        le = _entropy(left[g].values(), c)
        if le < min_entropy:
            continue
        re_ = _entropy(right[g].values(), c)
        if re_ < min_entropy:
            continue
        # Cohesion at the weakest split: the largest product of the parts' counts.
        weakest = max(a[g[:k]] * b[g[k:]] for a, b, k in parts)
        pmi = math.log(c * n_chars / weakest)
        if pmi < min_pmi or (dictionary is not None and g in dictionary):
            continue
        rows.append((g, c, pmi, le, re_, pmi * min(le, re_)))
    return rows


# ---------------------------------------------------------------- corpus terms for segmentation

DISCOVER_DEFAULTS = dict(min_count=5, min_pmi=4.0, min_entropy=1.0, max_len=8)
# POS tags (first letter) of dictionary words trimmed from the edges of a discovered candidate
# (建设|西部明星城). Single characters are trimmed only when they are function words: 提 of
# 提档升级 is part of the phrase, not a verb in front of it.
_TRIM_HEAD = frozenset("vdpcrmqt")
_TRIM_TAIL = frozenset("dpcrmqfv")
_TRIM_SINGLE = frozenset("pcud")
_BOUNDARY_CHECKS = 8     # occurrences looked at per candidate
MAX_NEW_WORD_PIECES = 3  # a new word splits into at most 3 dictionary pieces (西部|明星|城)
MAX_CANDIDATES = 400     # best-scored discovery candidates that are checked
_WINDOW = 12             # characters of context on each side


def corpus_terms(texts: Sequence[str], *, cache: bool = True, digests: Sequence[str] | None = None,
                 engine: str | None = None) -> list[str]:
    """Terms discovered in `texts` that the segmenter adds for them.

    Statistical candidates from `discover_terms` pass four checks against the dictionary
    segmentation (see `_new_word` and `_stand_alone`): they start and end on word boundaries
    where they occur (力明显增强 in 能力明显增强 does not), they are not glued to numbers (条道路
    in 7条道路, 比重达 in 比重达30%), leading verbs/prepositions/numerals and trailing
    particles are trimmed (建设西部明星城 -> 西部明星城), and what remains must be a new word:
    not a lexicon term or a phrase containing one (the lexicon fixes the granularity of policy
    concepts: 中央八项规定精神 stays 中央八项规定|精神), and not made only of dictionary words of
    two or more characters (深入贯彻落实 is a phrase, not a word).
    engine: "rjieba" (default) or "jieba"; both give the same terms.
    digests: sha256 of each text, when the caller has them (they key the disk cache).
    """
    from .cache import cache_get

    key = terms_key(texts, digests) if cache else None
    if key is not None:
        hit = cache_get("segment_terms", key)
        if valid_terms(hit):
            return hit
    return found_terms(texts, key=key, engine=engine)


def found_terms(texts: Sequence[str], *, key: str | None, engine: str | None = None,
                scored: Sequence[str] | None = None) -> list[str]:
    """corpus_terms without its cache look-up: the top candidates (of `scored`, default: counted
    here) checked, and stored under `key` unless it is None."""
    return checked_terms(texts, top_candidates(texts, engine=engine, scored=scored), key=key, engine=engine)


def valid_terms(hit) -> bool:
    """A `segment_terms` cache entry is a list of words. Its checksum shows only that the entry is
    whole: one written by someone else (a list of numbers, an empty word) would crash or spoil the cut."""
    return isinstance(hit, list) and all(isinstance(term, str) and term for term in hit)


# corpus_terms in steps, so that batch can run the statistics in another process, which needs
# no engine and so can start before the engine is built.
def scored_candidates(texts: Sequence[str]) -> list[str]:
    """Discovery's candidates for corpus_terms, best first, words of the dictionary included."""
    found = _candidates(texts, dictionary=None, max_chars=200_000, **DISCOVER_DEFAULTS)
    return [row[0] for row in found]


def top_candidates(texts: Sequence[str], *, engine: str | None = None,
                   scored: Sequence[str] | None = None) -> list[str]:
    """The best-scored discovery candidates that corpus_terms checks: the first MAX_CANDIDATES
    of `scored` (default: scored_candidates(texts)) that are not words of the engine's
    dictionary. (The dictionary test is discover_terms' last, so this is the same as giving
    discover_terms the dictionary.)"""
    from .engine import segmenter

    is_word = segmenter(engine).is_word
    scored = scored_candidates(texts) if scored is None else scored
    return list(itertools.islice((g for g in scored if not is_word(g)), MAX_CANDIDATES))


def checked_terms(texts: Sequence[str], candidates: Sequence[str], *, key: str | None,
                  engine: str | None = None) -> list[str]:
    """The candidates that pass corpus_terms' checks (trimmed), stored under `key`."""
    from .engine import segmenter
    from .lexicon import dictionary_index

    seg = segmenter(engine)
    # the same pieces come back in many candidates; each look-up is a bisection (~15 µs)
    tag_of = functools.lru_cache(maxsize=None)(dictionary_index().tag) if candidates else None
    # (a word that passes, passes where it first comes: checking each word once keeps the order)
    words: dict[str, tuple[bool, bool]] = {}     # word -> its (start, end) was trimmed
    for found in filter(None, (_new_word(seg, c, tag_of) for c in candidates)):
        words.setdefault(*found)
    return stored_terms(key, _stand_alone(seg, words, "\n".join(texts)))


def stored_terms(key: str | None, terms: list[str]) -> list[str]:
    """`terms`, stored in the cache under `key` (terms_key) unless it is None."""
    if key is not None:
        from .cache import cache_put
        cache_put("segment_terms", key, terms)
    return terms


def text_digests(texts: Sequence[str]) -> list[str]:
    return [hashlib.sha256(t.encode("utf-8", "surrogatepass")).hexdigest() for t in texts]


def terms_key(texts: Sequence[str], digests: Sequence[str] | None = None) -> str:
    """Cache key of the corpus terms of `texts`."""
    from .cache import cache_key
    from .lexicon import versions
    return cache_key("corpus_terms", versions(), sorted(DISCOVER_DEFAULTS.items()),
                     *(digests or text_digests(texts)))


def _trim(piece: str, tag_of: Callable[[str], str | None], allowed: frozenset[str]) -> bool:
    tag = (tag_of(piece) or "x")[0]
    return tag in _TRIM_SINGLE or (len(piece) >= 2 and tag in allowed)


def _stand_alone(seg: "Engine", words: dict[str, tuple[bool, bool]], joined: str) -> list[str]:
    """The words that stand on their own where they occur: most occurrences start and end on
    dictionary token boundaries, at most half are glued to a number (_glued), and a trimmed
    word is still free on the trimmed side (_free_where_trimmed)."""
    checks, windows = [], []        # (word, start, end) in each window, and the windows
    glued = [0] * len(words)
    for k, word in enumerate(words):
        i, seen = joined.find(word), 0
        while i >= 0 and seen < _BOUNDARY_CHECKS:
            lo = max(0, i - _WINDOW)
            windows.append(joined[lo:i + len(word) + _WINDOW])
            checks.append((k, i - lo, i - lo + len(word)))
            glued[k] += _glued(word, joined, i)
            seen += 1
            i = joined.find(word, i + len(word))
    good, seen = [0] * len(words), [0] * len(words)
    for (k, start, end), cuts in zip(checks, _window_cuts(seg, windows, joined)):
        good[k] += (start == 0 or start in cuts) and end in cuts
        seen[k] += 1
    return [w for k, w in enumerate(words)
            if seen[k] > 0 and 2 * good[k] >= seen[k] and 2 * glued[k] <= seen[k]
            and _free_where_trimmed(w, *words[w], joined)]


def _free_where_trimmed(word: str, head: bool, tail: bool, text: str) -> bool:
    """True unless trimming left a fragment of a set phrase: a word whose end was trimmed must
    be free on the right, as discovery's candidates are (有效应 of 有效应对 is always followed by
    对, 多措 of 多措并举 by 并), and so must a word of two or three characters on the left (足用好
    of 用足用好, 化方向 of 融合化方向). A longer word after a trimmed verb is mostly a name or
    slogan that one report always uses with that verb (建设|西部明星城), so it is kept."""
    floor = DISCOVER_DEFAULTS["min_entropy"]
    return ((not tail or _side_entropy(word, text, after=True) >= floor)
            and (not head or len(word) >= 4 or _side_entropy(word, text, after=False) >= floor))


def _side_entropy(word: str, text: str, *, after: bool) -> float:
    """The entropy of the characters after (or before) `word` in `text`, counted as discovery
    counts them (a character that is not Chinese is a new neighbour each time)."""
    neighbours: Counter = Counter()
    seen = 0
    for m in re.finditer(re.escape(word), text):
        seen += 1
        at = m.end() if after else m.start() - 1
        if at >= 0 and _CHINESE_CHAR.match(text, at):
            neighbours[text[at]] += 1
    return _entropy(neighbours.values(), seen)


# A word glued to numbers is a piece of a quantity phrase: a measure word or unit read with the
# noun after it (7条|主干道路 -> 条主干道路, 2026年|重点, 3.2万人), or a predicate read with the
# noun before it (居全国第|5位, 比重达|30%). Only such first and last characters count: a name
# may well be followed by figures (亘富200万吨褐煤提质项目).
_NUMERAL = re.compile("[0-9\uff10-\uff19〇一二三四五六七八九十两百千万亿几]")
_UNIT_HEADS = frozenset("个条项家所座台辆户套人位次名件处批种年月日万亿千百元倍")
_NUMBER_TAILS = frozenset("第达超至到逾近约占为破")


def _glued(word: str, text: str, i: int) -> bool:
    """True when `word` at `i` in `text` is a unit after a number or a predicate before one."""
    return ((word[0] in _UNIT_HEADS and i > 0 and _NUMERAL.match(text, i - 1) is not None)
            or (word[-1] in _NUMBER_TAILS and _NUMERAL.match(text, i + len(word)) is not None))


# Between windows cut together: neither a block character nor whitespace, so a block or a
# whitespace run ends at it, and a run of one repeated character never spans it unless a window
# holds it (then the windows are cut one by one).
_APART = "\x00"


def _window_cuts(seg: "Engine", windows: list[str], source: str) -> list[set[int]]:
    """The token end offsets of each window, as if cut alone, from one cut of all of them: 730
    small cuts cost 0.04-0.05 s per 1M characters (per-call work around jieba-rs), one cut a
    few ms. `source`: the text the windows come from."""
    if not windows or _APART in source:
        return [set(itertools.accumulate(map(len, seg.cut(w)))) for w in windows]
    cuts, current, pos = [], set(), 0
    for token in seg.cut(_APART.join(windows)):
        if token == _APART:
            cuts.append(current)
            current, pos = set(), 0
        else:
            pos += len(token)
            current.add(pos)
    cuts.append(current)
    if len(cuts) != len(windows):       # cannot happen (see _APART): never misalign silently
        raise PolicyTextError("discover: windows cut together did not come apart (bug in policytext)")
    return cuts


def _new_word(seg: "Engine", term: str,
              tag_of: Callable[[str], str | None]) -> tuple[str, tuple[bool, bool]] | None:
    """(the candidate trimmed, whether its (start, end) was trimmed) when it is a new word for
    the dictionary, else None (whether it stands on its own where it occurs is `_stand_alone`'s
    test). tag_of: jieba's dictionary word -> POS tag (None for other strings)."""
    pieces = seg.cut_block(term)
    whole = len(pieces)
    while len(pieces) > 1 and _trim(pieces[0], tag_of, _TRIM_HEAD):
        pieces = pieces[1:]
    untrimmed_tail = len(pieces)
    while len(pieces) > 1 and _trim(pieces[-1], tag_of, _TRIM_TAIL):
        pieces = pieces[:-1]
    word = "".join(pieces)
    if not 2 <= len(pieces) <= MAX_NEW_WORD_PIECES or seg.is_word(word):
        return None
    if word[0] in FUNCTION_CHARS or word[-1] in FUNCTION_CHARS:
        return None
    if all(len(p) >= 2 for p in pieces) or _phrase(pieces, tag_of):
        return None
    if any(word[i:j] in seg.lexicon for i in range(len(word)) for j in range(i + 2, len(word) + 1)):
        return None
    return word, (untrimmed_tail < whole, len(pieces) < untrimmed_tail)


def _phrase(pieces: list[str], tag_of: Callable[[str], str | None]) -> bool:
    """True for the shapes of phrase that single characters let through: one character, an
    adjective or a verb, before a word (新|局面, 大|文章, 居|全国); a pronoun or an adverb before
    anything (我|代表, 仍|有); a one-character verb between two words, a clause (实干|出|政绩);
    and a word followed by one locative character (领导|下, 走|在|前, 城区|内, which jieba tags a
    noun; not a compass point, which ends names: 蒙西); a one-character verb and a character after
    it, before a word (兜|牢|基层, 做|优|增量)."""
    head, last = pieces[0], pieces[-1]
    head_tag = (tag_of(head) or "x") if len(head) == 1 else "x"
    return ((len(pieces) == 2 and len(head) == 1 and len(last) >= 2 and head_tag[0] in "av")
            # 兜|牢|基层, 做|优|增量: a one-character verb and its complement before a word
            or (len(pieces) == 3 and len(head) == len(pieces[1]) == 1 and len(last) >= 2 and head_tag[0] == "v"
                and (tag_of(pieces[1]) or "x")[0] in "anv" and (tag_of(last) or "x") == "n")   # not 谢|尔|塔拉
            or head_tag[0] in "rd" or head_tag == "zg"
            or (len(pieces) == 3 and len(pieces[1]) == 1 and len(head) >= 2 and len(last) >= 2
                and (tag_of(pieces[1]) or "x")[0] == "v")
            or last in _LOCATIVES)


_LOCATIVES = frozenset("上下中里内外前后间")
