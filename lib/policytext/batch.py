"""Cutting many texts: corpus terms, the disk cache, worker processes and the early cut.

`cut_texts` returns the corpus terms and a generator that gives each text's tokens in order,
one text at a time, so a caller can write each document out and forget it (`policytext
segment` over 50 MB stays within a few hundred MB). `segment_files` is the file front end.

Workers (fork, for large corpora) always cut with the engine *without* corpus terms and start
before discovery, which then runs in the parent at the same time; the parent re-cuts only the
blocks that contain a discovered term (`_recut_terms`), which gives exactly the tokens of
cutting with the terms. Workers send back one joined string per piece, not lists of tokens.
Mid-sized cold corpora turn this round: a forked child discovers the terms while the parent
cuts without them, so only the candidates (or the checked terms) cross a pipe; once the terms
are known, the parent re-cuts the texts cut so far around them and cuts the next ones with
them, and a forked helper cuts the rest, so both cores work to the end. The processes are in
`processes`.
"""
from __future__ import annotations

import itertools
import os
import re
import threading
from typing import Iterable, Iterator, Sequence

from . import processes
from .discover import found_terms, terms_key, text_digests, valid_terms
from .engine import _ALNUM, _HAN, _NUMCH, ENGINES, JOIN, Engine, segmenter, split_tokens, tokens_text
from .errors import ParameterError, PolicyTextError

__all__ = ["segment_files"]

# Corpora with fewer characters than this are cut in one process. A pool saves the cutting
# time (0.4 s of CPU per 1M characters) but costs forking, moving the pieces, and re-cutting the
# blocks with corpus terms (about 0.2 s per 1M characters): on 1M characters on 2 shared cores,
# one process took 1.49-2.08 s cold and the pool 1.92-2.29 s (`policytext segment`, 4
# alternated runs each). Discovery's sample is capped, so the pool pays on larger corpora.
PARALLEL_MIN_CHARS = 2_000_000
# From this size up to PARALLEL_MIN_CHARS, a cold run discovers corpus terms in a forked process
# while this one cuts the texts without them (then re-cuts the blocks with terms).
DISCOVER_ASIDE_MIN_CHARS = 300_000
# From this size, the texts cut once the corpus terms are known are shared with a forked helper
# (_cuts): `policytext segment` over 1M characters took 0.98-1.05 s with it and 1.15-1.18 s
# without (8 alternated runs each), discovery's child having left the second core idle.
HELPER_MIN_CHARS = 300_000
# Re-cutting the blocks with corpus terms in a text cut before the terms came costs this share
# of cutting it: 0.13 s for the 614k characters cut early against 0.15 s to cut 200k (bench
# corpus, in a cold run); the helper takes more of the texts left to cut in proportion.
RECUT_COST = 0.3
PROGRESS_MIN_CHARS = 200_000
PIECE_CHARS = 40_000  # target size of the work pieces (paragraph-aligned) sent to workers
SEP = JOIN            # joins a text's tokens (engine.join_tokens): cache, worker pipe, re-cut
# The form of cache entries: part of their key, so that entries of another form are not read.
PACKED_FORM = "join=ue000"

Result = tuple[list[str], "list[str] | None"]


def _recut_terms(seg: Engine, piece: str, packed: str | list[str], pattern: re.Pattern) -> str | list[str]:
    """Tokens of `piece` with corpus terms (joined as join_tokens does), from its tokens
    without them, joined the same way.

    A block (run of Han/digits/latin cut as one unit, see engine._BLOCK_RUN) that contains none of
    the terms cuts the same with and without them: the dynamic programme only looks at words
    inside the block, and adding terms leaves every other word's score unchanged (scores divide
    by the base total, see engine.py). So only the blocks around term occurrences are cut
    again; block edges are token edges in both cuts. The work is done on the joined string:
    `pattern` finds the terms with a separator or not between their characters.
    """
    if not isinstance(packed, str):     # the text holds the separator: cut it all again
        return seg.cut(piece)
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(packed):
        lo, hi = m.start(), m.end()
        if spans and lo < spans[-1][1]:       # inside the block found last
            continue
        while lo > 0 and _JOINED_BLOCK_CHAR.match(packed, lo - 1):
            lo -= 1
        lo += packed.startswith(SEP, lo)      # the block starts after the separator
        hi = _JOINED_BLOCK_RUN.match(packed, hi).end()
        hi -= packed.endswith(SEP, 0, hi)
        spans.append((lo, hi))
    if not spans:
        return packed
    # One cut for all the blocks: "\n" between them is a token of its own and no fix crosses
    # it. (Small gain: 0.072 -> 0.066 s of CPU for the bench corpus's 3960 term occurrences.)
    blocks = "\n".join([packed[lo:hi].replace(SEP, "") for lo, hi in spans])
    recut = SEP.join(seg.cut(blocks)).split(f"{SEP}\n{SEP}")
    out: list[str] = []
    k = 0
    for (lo, hi), new in zip(spans, recut):
        out += (packed[k:lo], new)
        k = hi
    out.append(packed[k:])
    return "".join(out)


# A block character or the separator (tokens of a block are joined by it), and a run of them.
_JOINED_BLOCK_CHAR = re.compile(f"[{_HAN}{_ALNUM}{_NUMCH}{SEP}]")
_JOINED_BLOCK_RUN = re.compile(f"[{_HAN}{_ALNUM}{_NUMCH}{SEP}]*")


def _terms_pattern(terms) -> re.Pattern | None:
    """Finds the terms in joined tokens: longest first, a separator or not between characters."""
    if not terms:
        return None
    return re.compile("|".join(f"{SEP}?".join(map(re.escape, t))
                               for t in sorted(terms, key=len, reverse=True)))


def _resolve_workers(workers: int | None, n_chars: int) -> int:
    if workers is None:
        return 1 if n_chars < PARALLEL_MIN_CHARS else max(1, min(2, os.cpu_count() or 1))
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ParameterError(f"workers must be a positive int or None, not {workers!r}")
    return workers


def cut_texts(texts: Sequence[str], *, pos: bool = False, discover: bool = True,
              workers: int | None = None, cache: bool = True, progress: bool | None = None,
              names: Sequence[str] | None = None, engine: str | None = None,
              piece_chars: int | None = None, joined: bool = False) -> tuple[list[str], Iterator[Result]]:
    """(corpus terms, generator of (tokens, tags or None) for each text in order).

    Options as `tokens.tokens`; names: one per text, for error messages; piece_chars: size of
    the pieces sent to workers (default PIECE_CHARS); joined: each text's tokens as
    engine.join_tokens gives them (saves splitting them when they are written out).
    """
    texts = list(texts)
    piece_chars = piece_chars or PIECE_CHARS
    if workers is not None:
        _resolve_workers(workers, 0)  # reject a bad value even when everything is cached
    if engine not in (None, *ENGINES):
        segmenter(engine)             # a clear error before any process is forked
    digests = text_digests(texts) if cache else None
    from .cache import cache_get

    terms = None
    if not discover:
        terms = []
    elif cache:
        hit = cache_get("segment_terms", terms_key(texts, digests))
        terms = hit if valid_terms(hit) else None
    pool = None
    if terms is None and _discover_aside(texts, workers):
        # cold, mid-sized: discovery's statistics in a forked process while this one builds its
        # engine and cuts
        child = processes.Discovery(texts, cache=cache, digests=digests, engine=engine)
        base = segmenter(engine)
        pool = processes.EarlyCuts(base, texts, until=child.ready)
        if child.check_aside():       # the candidates' tests in a second child: cut on meanwhile
            pool.extend(base, texts, until=child.ready)
        terms = child.result()
        return terms, _documents(texts, base, terms, pool, digests, pos=pos, workers=workers,
                                 progress=progress, names=names, engine=engine,
                                 piece_chars=piece_chars, joined=joined)
    base = None                       # built when something is to be cut (not for a warm run)
    if terms is None:                 # cold: start cutting while discovery runs
        base = segmenter(engine)      # built before any fork, inherited by the workers
        pool = _maybe_pool(engine, texts, range(len(texts)), workers, piece_chars, discovering=True)
        try:
            # (not corpus_terms: the cache entry, if any, was read above and failed valid_terms)
            terms = found_terms(texts, key=terms_key(texts, digests) if cache else None, engine=engine)
        except BaseException:
            if pool is not None:
                pool.close()
            raise
    return terms, _documents(texts, base, terms, pool, digests, pos=pos, workers=workers,
                             progress=progress, names=names, engine=engine,
                             piece_chars=piece_chars, joined=joined)


def _discover_aside(texts: Sequence[str], workers: int | None) -> bool:
    n_chars = sum(map(len, texts))
    return (DISCOVER_ASIDE_MIN_CHARS <= n_chars < PARALLEL_MIN_CHARS
            and processes.second_process(workers))


def _maybe_pool(engine, texts, todo, workers, piece_chars,
                discovering: bool = False) -> processes.Pool | None:
    """Forked workers for `todo`, or None for one process. While the parent runs discovery it is
    one of the `workers` processes: a third process on two cores only slowed the parent, whose
    discovery is the longer job (cutting 1M characters takes one worker about 0.4 s of CPU)."""
    n_chars = sum(len(texts[i]) for i in todo)
    n_workers = _resolve_workers(workers, n_chars)
    if n_workers < 2 or not todo or not processes.fork_available():
        return None
    if len(todo) == 1 and len(texts[todo[0]]) <= piece_chars:
        return None
    if discovering:
        n_workers -= 1
    return processes.Pool(engine, texts, list(todo), n_workers, piece_chars)


def _documents(texts, base: Engine | None, terms: list[str], pool, digests, *, pos: bool,
               workers, progress, names, engine, piece_chars, joined: bool) -> Iterator[Result]:
    own = (toks for toks in ())        # closed in the finally clause
    helper = puts = None
    keys, cached = _cached(texts, terms, digests, pos)
    try:
        todo = [i for i in range(len(texts)) if i not in cached]
        # Everything from the cache: no engine to build (0.15 s).
        seg = (base or segmenter(engine)).with_terms(terms) if todo or pool is not None else None
        if pool is None and todo:
            pool = _maybe_pool(engine, texts, todo, workers, piece_chars)
        bar = _progress_bar(progress, sum(len(texts[i]) for i in todo))
        cut = _pool_cuts(pool, seg, bar) if pool is not None else None
        pooled = set(pool.owner) if pool is not None else set()
        # The other texts not in the cache, in order: cut here, or half of them by a helper.
        if seg is not None:
            recut = sum(len(texts[i]) for i in pooled if i not in cached)
            own, helper = _cuts(seg, [texts[i] for i in todo if i not in pooled], workers,
                                ahead=round(RECUT_COST * recut))
        for i, text in enumerate(texts):
            if i in cached:
                packed, tags = cached.pop(i)
                yield (packed if joined else split_tokens(packed),
                       (tags.split(SEP) if tags else []) if pos else None)
                texts[i] = None
                continue
            if i in pooled:
                k, packed = next(cut)
                while k != i:                  # cut early, then found in the cache
                    k, packed = next(cut)
                if tokens_text(packed) != text:  # re-cut pieces (Engine.cut checks its own)
                    name = names[i] if names else f"text {i}"
                    raise PolicyTextError(f"{name}: segmentation is not lossless (bug in policytext)")
            else:
                packed = next(own)
                if bar is not None:
                    bar.update(len(text))
            toks = split_tokens(packed) if pos or not joined else None
            tags = [seg.tag(t) for t in toks] if pos else None
            if keys:
                if puts is None:
                    puts = _BackgroundPuts()
                puts.put("segment", keys[i], [packed, SEP.join(tags) if pos else None])
            yield packed if joined else toks, tags
            texts[i] = None                    # written out by the caller: let it go
    finally:
        if pool is not None:
            pool.close()
        own.close()
        if helper is not None:          # also when its texts were never reached
            helper.close()
        if puts is not None:
            puts.close()


def _cuts(seg: Engine, texts: list[str], workers: int | None,
          *, ahead: int = 0) -> tuple[Iterator[str | list[str]], "processes.Helper | None"]:
    """The tokens of each text (joined), in order, and the helper to close. From
    HELPER_MIN_CHARS on, with a core to spare, a forked helper cuts the second half, starting
    now, while this one finishes the texts before them (work worth `ahead` characters of
    cutting) and cuts the first half; then the helper's are ready. Only joined strings cross
    the pipe."""
    n_chars = sum(map(len, texts))
    if n_chars < HELPER_MIN_CHARS or len(texts) < 2 or not processes.second_process(workers):
        return seg.cut_many(texts, joined=True), None
    ends = itertools.accumulate(map(len, texts[:-1]), initial=ahead)
    # the helper gets one text at least, and this process one too
    half = next((k for k, n in enumerate(ends) if 2 * n >= n_chars + ahead), len(texts) - 1) - 1
    half = max(half, 0)
    helper = processes.Helper(seg, texts[half + 1:])
    return _then(seg.cut_many(texts[:half + 1], joined=True), helper.results()), helper


def _then(first: Iterator, second: Iterator) -> Iterator:
    """itertools.chain, except that closing it closes the iterator it is reading (cut_many's
    generator, which then stops its thread)."""
    yield from first
    yield from second


def _cached(texts: Sequence[str], terms: list[str], digests, pos: bool) -> tuple[list, dict]:
    """The cache key of each text (None without a cache) and the entries found, by index."""
    from .cache import cache_get, cache_key
    from .lexicon import versions

    if digests is None:
        return [], {}
    context = cache_key(versions(), "\n".join(sorted(terms)), f"pos={pos}", PACKED_FORM)
    keys = [cache_key(context, d) for d in digests]
    hits = ((i, cache_get("segment", key)) for i, key in enumerate(keys))
    return keys, {i: hit for i, hit in hits if _valid_hit(hit, texts[i], pos)}


class _BackgroundPuts:
    """cache_put in a thread, in order. Writing an entry costs about 0.4 ms, most of it in file
    system calls that release the GIL, so this process goes on with the next document
    (`policytext segment` over 1M characters writes 110 entries). close() waits for the last."""

    def __init__(self):
        import queue

        self.queue: "queue.SimpleQueue" = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, name="policytext-cache", daemon=True)
        self.thread.start()

    def put(self, namespace: str, key: str, value) -> None:
        self.queue.put((namespace, key, value))

    def _run(self) -> None:
        from .cache import cache_put

        self.error: BaseException | None = None
        while (item := self.queue.get()) is not None:
            if self.error is None:
                try:
                    cache_put(*item)        # OSError is handled there: this would be a bug
                except BaseException as exc:
                    self.error = exc

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


def _valid_hit(hit, text: str, pos: bool) -> bool:
    """A `segment` entry is what _documents stores for `text`: tokens that join back to it, none
    empty, in join_tokens' form, and with pos one tag per token. Its checksum shows only that the
    entry is whole, not that it is right (anyone who can write to the cache can write one)."""
    if not (isinstance(hit, list) and len(hit) == 2):
        return False
    packed, tags = hit
    if isinstance(packed, str) and SEP not in text:
        if packed.startswith(SEP) or packed.endswith(SEP) or SEP + SEP in packed:
            return False
        count = packed.count(SEP) + 1 if packed else 0
    elif isinstance(packed, list) and SEP in text and all(isinstance(t, str) and t for t in packed):
        count = len(packed)
    else:
        return False
    if tokens_text(packed) != text:
        return False
    if not pos:
        return tags is None
    return isinstance(tags, str) and (tags.count(SEP) + 1 if tags else 0) == count


def _pool_cuts(pool: processes.Pool, seg: Engine, bar) -> Iterator[tuple[int, str | list[str]]]:
    """(text index, its tokens with corpus terms, joined) for each text the pool cuts, in order."""
    pattern = _terms_pattern(seg.terms)
    current, parts = None, []
    for k, (i, packed) in enumerate(zip(pool.owner, pool.results)):
        piece, pool.pieces[k] = pool.pieces[k], None
        if current is not None and i != current:
            yield current, _join_parts(parts)
            parts = []
        current = i
        parts.append(_recut_terms(seg, piece, packed, pattern) if pattern else packed)
        if bar is not None:
            bar.update(len(piece))
    if current is not None:
        yield current, _join_parts(parts)


def _join_parts(parts: list) -> str | list[str]:
    """The joined tokens of a text from those of its pieces (piece edges are token edges)."""
    if len(parts) == 1:
        return parts[0]
    if all(isinstance(p, str) for p in parts):
        return SEP.join(parts)
    return [t for p in parts for t in split_tokens(p)]


def _progress_bar(progress: bool | None, n_chars: int):
    if progress is False or (progress is None and n_chars < PROGRESS_MIN_CHARS):
        return None
    from tqdm.auto import tqdm
    return tqdm(total=n_chars, unit="char", unit_scale=True, desc="segmenting", leave=False)


def iter_segment_files(paths: Iterable[str | os.PathLike], *, discover: bool = True,
                       cache: bool = True, engine: str | None = None,
                       joined: bool = False) -> Iterator[dict]:
    """`segment_files`, one record at a time (what `policytext segment` writes as it goes).
    joined=True: "tokens" as engine.join_tokens gives them (a string, or a list)."""
    from .decode import read_text      # not corpus: segmenting needs no cleaning or metadata
    from .errors import DecodeError, raise_together

    paths = [str(p) for p in paths]
    texts, problems = [], []
    for path in paths:                 # every file that cannot be read named in one error
        try:
            texts.append(read_text(path))
        except DecodeError as exc:
            problems.append(str(exc))
    raise_together(DecodeError, problems, f"{len(problems)} of {len(paths)} files cannot be read")
    _, documents = cut_texts(texts, discover=discover, cache=cache, progress=False, names=paths,
                             engine=engine, joined=joined)
    del texts                                  # cut_texts holds them until each is done
    for path, (toks, _) in zip(paths, documents):
        yield {"doc": path, "tokens": toks}


def segment_files(paths: Iterable[str | os.PathLike], *, discover: bool = True,
                  cache: bool = True, engine: str | None = None) -> list[dict]:
    """Segment files' decoded raw text (no cleaning), for `policytext segment FILE... --jsonl`.

    Returns one {"doc": path, "tokens": [...]} per file; the tokens join back to the decoded
    text (decode.read_text: a UTF-8 BOM kept as U+FEFF, \\r\\n -> \\n). Discovery runs over the
    files together. engine: "rjieba" (default) or "jieba"; the tokens are the same.
    """
    return list(iter_segment_files(paths, discover=discover, cache=cache, engine=engine))
