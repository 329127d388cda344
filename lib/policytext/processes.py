"""Work in forked processes beside this one, for batch.cut_texts.

- Pool: workers that cut pieces of large corpora with the engine without corpus terms.
- Discovery: corpus_terms with its statistics (and, when this process has its engine, the checks)
  in a child, while this process cuts the first texts without the terms (EarlyCuts).
- Helper: a child that cuts the second part of the texts once the terms are known.

Children are forked, so they inherit the texts and the engine instead of receiving them through
a pipe; only candidates, terms or joined tokens come back. A second process is used only when
fork exists and (by default) a core is free (spare_core).

A child whose parent is gone (killed by SIGTERM, say) exits when its next send fails, without
multiprocessing's traceback (`_quietly`). Pool workers ignore Ctrl-C: the parent stops them.
"""
from __future__ import annotations

import functools
import gc
import os
import re
import signal
import threading
import time
from typing import Iterator, Sequence

from .discover import found_terms, scored_candidates, stored_terms, terms_key
from .engine import Engine, engine_built, segmenter

__all__ = ["Discovery", "EarlyCuts", "Helper", "Pool", "fork_available", "second_process",
           "spare_core", "split_pieces"]


def split_pieces(text: str, size: int) -> list[str]:
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


def _work(task: tuple[str | None, str]):
    name, piece = task
    return next(segmenter(name).cut_many([piece], joined=True))


def _quietly(target, *args) -> None:
    """target(*args) in a child; when the parent is gone, the send that finds its pipe broken ends
    the child with no traceback (nobody is left to read it but the user, in the terminal)."""
    try:
        target(*args)
    except (BrokenPipeError, ConnectionResetError, EOFError):
        raise SystemExit(1) from None      # multiprocessing exits quietly on SystemExit


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group. A worker stopped by it in the middle of sending a
    # result left half a message in the pipe, and the parent waited for the rest for ever; the
    # parent handles it and terminates the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(ctx, workers: int):
    """ctx.Pool(workers) whose workers run _quietly and ignore Ctrl-C."""
    from multiprocessing.pool import Pool as _Pool

    class QuietPool(_Pool):
        @staticmethod
        def Process(ctx, *args, target, **kwds):   # the pool makes each worker with this
            return ctx.Process(*args, target=functools.partial(_quietly, target), **kwds)

    return QuietPool(workers, initializer=_ignore_interrupts, context=ctx)


class Pool:
    """Forked workers cutting pieces of the texts with the engine without corpus terms."""

    def __init__(self, engine: str | None, texts: Sequence[str], todo: Sequence[int],
                 workers: int, piece_chars: int):
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        self.owner: list[int] = []
        self.pieces: list[str | None] = []   # dropped once the parent has used them
        for i in todo:
            for piece in split_pieces(texts[i], piece_chars):
                self.owner.append(i)
                self.pieces.append(piece)
        # The base engine's dictionary is built now, not in each worker (a corpus-terms engine
        # may have taken it, see engine_rjieba.RjiebaEngine._derive).
        segmenter(engine).cut_block("的")
        # Frozen objects are skipped by the workers' garbage collector, which would otherwise
        # write to (and so copy) every inherited page of the dictionary tables.
        gc.freeze()
        try:
            self.pool = _pool(ctx, workers)
        finally:
            gc.unfreeze()
        tasks = ((engine, piece) for piece in self.pieces)
        self.results = self.pool.imap(_work, tasks, chunksize=1)

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def fork_available() -> bool:
    import multiprocessing as mp
    try:
        mp.get_context("fork")
    except ValueError:  # no fork on this platform: one process
        return False
    return True


def second_process(workers: int | None) -> bool:
    """True when a forked process may work beside this one: `workers` allows two, fork exists,
    and (by default) the load leaves a core to spare."""
    return ((workers is None or workers >= 2) and fork_available()
            and (workers is not None or spare_core()))


_READINGS = 3


def spare_core() -> bool:
    """True when no other work is running on a core this process could use. The child paid only
    then: on 1M characters with 2 CPUs, in-process cold 0.50 s with it vs 0.76 s without at load
    2.3-1.9, but 0.89 s vs 0.75 s at load 3.7-3.4 (bench/segment.py, best of 5 interleaved runs).
    What counts is the work running now (/proc/loadavg's runnable threads, this one included),
    not the 1-minute load average, which still holds this process's own work of a minute ago:
    a run right after another one (a benchmark, a test suite) went without its second core.
    One reading is a moment: on an idle machine, 28 of 3000 readings 1 ms apart counted a second
    running thread (a kernel worker, another process's tick), so up to three are taken, 1 ms
    apart, and the core is free if one of them says so."""
    cores = os.cpu_count() or 1
    try:
        for reading in range(_READINGS):
            if reading:
                time.sleep(0.001)
            with open("/proc/loadavg", encoding="ascii") as fh:
                if int(fh.read().split()[3].split("/")[0]) < cores:
                    return True
        return False
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.getloadavg()[0] < cores
    except (AttributeError, OSError):   # no load average on this platform
        return cores >= 2


def _forked(target, *args):
    """(receiving end, process): `target(send, *args)` in a forked process, which inherits this
    one's memory (texts, engine) instead of receiving it through a pipe."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    gc.freeze()             # see Pool
    try:
        proc = ctx.Process(target=_child, args=(target, recv, send, *args), daemon=True)
        proc.start()
    finally:
        gc.unfreeze()
    send.close()
    return recv, proc


def _child(target, recv, send, *args) -> None:
    # With its copy of the receiving end closed, a send once the parent is gone fails; with it
    # open, a result bigger than the pipe's buffer (the helper's tokens) waited for ever.
    recv.close()
    _quietly(target, send, *args)


def _discover_job(send, texts, engine: str | None, checks: bool, scored=None) -> None:
    """Sends (True, scored candidates) or, with `checks`, (True, the corpus terms), or (False,
    None) when something failed: the parent then runs discovery itself and reports the error.
    With `scored` (candidates already counted), only the checks."""
    try:
        found = scored_candidates(texts) if scored is None else scored
        if checks:
            found = found_terms(texts, key=None, engine=engine, scored=found)
        send.send((True, found))
    except BaseException:
        send.send((False, None))
    finally:
        send.close()


class Discovery:
    """corpus_terms with its statistics in a forked process. They need no engine, so the child
    starts before this process builds its own, and only the candidates come back (tens of kB).
    The checks against the dictionary need the engine: when this process has it already (a
    notebook's second corpus), the child inherits it and runs them too; otherwise, once the
    candidates have come and this process has built its engine, `check_aside` forks a second
    child that inherits it and runs them. Either way this process goes on cutting meanwhile
    (the checks took 0.08-0.09 s while the other core was idle). Unlike a pool, which moves all
    the text and tokens between processes, each child costs a fork."""

    def __init__(self, texts, *, cache, digests, engine):
        self.args = (texts, cache, digests, engine)
        self.checked = engine_built(engine)
        self.scored = None          # the candidates, once received here (check_aside)
        if self.checked:    # what the checks read, loaded here once, not in every child
            from .lexicon import dictionary_index
            dictionary_index()
        # Discovery counts with numpy from this size on (discover._sort_pays). Imported here,
        # before the fork, this process pays it once; a child would import it on every cold run
        # (0.08 s of CPU).
        import numpy  # noqa: F401
        self._start(texts, engine, self.checked)

    def _start(self, *job) -> None:
        self.recv, self.proc = _forked(_discover_job, *job)
        # ready() is asked after every text: a poll there would release the GIL and wait up to
        # 5 ms to get it back from the cutting thread (0.1 s per 1M characters), so a thread
        # waits for the child instead and ready() reads a flag.
        self._arrived = threading.Event()
        threading.Thread(target=self._watch, args=(self.recv, self._arrived), daemon=True).start()

    @staticmethod
    def _watch(recv, arrived: threading.Event) -> None:
        try:
            recv.poll(None)
        except (OSError, ValueError):  # closed by result()
            pass
        arrived.set()

    def ready(self) -> bool:
        """True once the child has sent its candidates or terms (or died)."""
        return self._arrived.is_set()

    def _receive(self):
        try:
            return self.recv.recv()           # candidates, or the terms when the child checked
        except (EOFError, OSError):   # the child died
            return False, None
        finally:
            self.recv.close()
            self.proc.join()

    def check_aside(self) -> bool:
        """Once the candidates have come (ready), test them in a second child that inherits this
        process's engine, built by now; True when it started (ready() then waits for its terms).
        Call it with no thread of this process cutting: a fork copies only the calling thread."""
        if self.checked or not self.ready():
            return False
        ok, found = self._receive()
        if not ok:
            self.checked = True       # nothing to check: result() discovers here
            self.recv = None
            return False
        texts, _, _, engine = self.args
        self.scored, self.checked = found, True
        self._start(texts, engine, True, found)
        return True

    def result(self) -> list[str]:
        ok, found = self._receive() if self.recv is not None else (False, None)
        texts, cache, digests, engine = self.args
        key = terms_key(texts, digests) if cache else None
        if not ok:      # discovery here (the candidates too, unless the checks' child failed after them)
            return found_terms(texts, key=key, engine=engine, scored=self.scored)
        if self.checked:
            return stored_terms(key, found)
        return found_terms(texts, key=key, engine=engine, scored=found)


class EarlyCuts:
    """The first texts cut with the engine without corpus terms, until `until()` is true (the
    terms have come), shaped like a Pool's results (one piece per text) so that _pool_cuts
    re-cuts only their blocks with terms. The texts after them are cut with the terms."""

    def __init__(self, base: Engine, texts: Sequence[str], *, until):
        self.cuts: list = []
        self.extend(base, texts, until=until)

    def extend(self, base: Engine, texts: Sequence[str], *, until) -> None:
        """Cut the texts after those cut so far, until `until()` is true or none is left."""
        ahead = base.cut_many(texts[len(self.cuts):], joined=True)
        try:
            for toks in ahead:
                self.cuts.append(toks)
                if until():
                    break
        finally:
            ahead.close()           # before a corpus-terms engine takes over base's dictionary
        self.owner = list(range(len(self.cuts)))
        self.pieces: list[str | None] = list(texts[:len(self.cuts)])
        self.results = iter(self.cuts)

    def close(self) -> None:
        self.results = iter(())


def _helper_job(send, seg: Engine, texts: list[str]) -> None:
    try:
        # All in one message at the end: sent one by one, they would fill the pipe and stop
        # the helper until this process has cut its own half.
        send.send(list(seg.cut_many(texts, joined=True)))
    except BaseException:       # the parent cuts them itself
        pass
    finally:
        send.close()


class Helper:
    """A forked process that cuts `texts` with `seg` (inherited, not rebuilt) and sends back
    their joined tokens; results() cuts them here if the helper fails."""

    def __init__(self, seg: Engine, texts: list[str]):
        self.seg, self.texts = seg, texts
        self.recv, self.proc = _forked(_helper_job, seg, texts)

    def results(self) -> Iterator[str | list[str]]:
        try:
            done = self.recv.recv()
        except (EOFError, OSError):   # the helper failed or died: cut them here
            done = None
        if not isinstance(done, list) or len(done) != len(self.texts):
            done = self.seg.cut_many(self.texts, joined=True)
        self.texts = []
        yield from done

    def close(self) -> None:
        self.recv.close()
        if self.proc.is_alive():
            self.proc.terminate()
        self.proc.join()
