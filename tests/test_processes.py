"""Forked processes beside the one cutting (processes.py): discovery's child, the helper, and
when a second process may run. Each must give exactly the tokens of cutting in one process."""
import os
import signal
import subprocess
import sys

import pytest

from conftest import DATA, PLANTED
from policytext import batch, corpus, processes
from policytext.engine import segmenter
from policytext.tokens import tokens


@pytest.mark.parametrize("engine_built", [True, False])
def test_discovery_in_a_forked_process_gives_identical_tokens(monkeypatch, engine_built):
    # Mid-sized cold corpora discover terms in a child while the parent cuts without them and
    # then re-cuts the blocks with terms; a failed child means the parent discovers itself.
    # The child checks the candidates against the dictionary when it inherits a built engine,
    # otherwise a second child does, forked once they have come and the parent has its engine;
    # the parent checks them itself only when that child fails.
    monkeypatch.setattr(batch, "DISCOVER_ASIDE_MIN_CHARS", 0)
    monkeypatch.setattr(processes, "spare_core", lambda: True)     # whatever the machine's load
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    c = corpus({"x": PLANTED + text, "y": text + PLANTED})
    one = tokens(c, workers=1, cache=False)
    monkeypatch.setattr(processes, "engine_built", lambda engine: engine_built)
    # Each child answers before the parent has cut both texts: on a loaded machine the parent
    # could cut them all first, and then checks the candidates itself (nothing is left to cut
    # beside a second child), which made this test flaky.
    monkeypatch.setattr(processes.Discovery, "ready", lambda self: self.recv.poll(None))
    checked_here = []
    real_checked = processes.found_terms          # (discovery's checks)

    def recording(*args, **kwargs):
        checked_here.append(os.getpid())     # in the child, this list is the child's copy
        return real_checked(*args, **kwargs)
    monkeypatch.setattr(processes, "found_terms", recording)
    aside = tokens(c, cache=False)
    assert checked_here == []             # in a child either way
    assert "鹿鸣湾" in aside.terms and aside.terms == one.terms
    for i in c.ids:
        assert aside[i] == one[i] and aside[i].count("鹿鸣湾") == 8

    real_job = processes._discover_job

    def checks_fail(send, texts, engine, checks, scored=None):
        if scored is not None:              # the second child
            send.send((False, None))
            send.close()
            return
        real_job(send, texts, engine, checks, scored)
    monkeypatch.setattr(processes, "_discover_job", checks_fail)
    checked = tokens(c, cache=False)
    assert checked_here == ([] if engine_built else [os.getpid()])
    assert checked.terms == one.terms and all(checked[i] == one[i] for i in c.ids)

    def failing(send, *args):
        send.send((False, None))
        send.close()
    monkeypatch.setattr(processes, "_discover_job", failing)
    again = tokens(c, cache=False)
    assert again.terms == one.terms and all(again[i] == one[i] for i in c.ids)


@pytest.mark.parametrize("early", [1, 2, 4])
def test_texts_cut_before_and_after_the_terms_come_are_the_same(monkeypatch, early):
    # The parent cuts without corpus terms until the child's terms come, then with them: the
    # first texts are re-cut around the terms, the others are not. Either way, the same tokens.
    monkeypatch.setattr(batch, "DISCOVER_ASIDE_MIN_CHARS", 0)
    monkeypatch.setattr(processes, "spare_core", lambda: True)
    polls = []

    def ready(self):
        if len(polls) < early:              # the terms "come" after `early` texts are cut
            polls.append(1)
            return len(polls) == early and self.recv.poll(None)
        return True
    monkeypatch.setattr(processes.Discovery, "ready", ready)
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    # w holds the private-use character that joins tokens internally (engine.JOIN)
    c = corpus({"x": PLANTED + text, "y": text + PLANTED, "z": text[::-1] + PLANTED,
                "w": "\ue000" + PLANTED[:60] + text})
    one = tokens(c, workers=1, cache=False)
    aside = tokens(c, cache=False)
    assert "鹿鸣湾" in aside.terms and aside.terms == one.terms
    assert all(aside[i] == one[i] for i in c.ids)
    assert [aside[i].count("鹿鸣湾") for i in c.ids] == [8, 8, 8, 4]


@pytest.mark.parametrize("helper", ["works", "dies", "sends nothing"])
def test_texts_shared_with_a_helper_process_are_the_same(monkeypatch, tmp_path, helper):
    # With a core to spare, a forked helper cuts the second half of the texts; if it fails,
    # this process cuts them itself. Either way, the tokens of cutting everything here.
    monkeypatch.setattr(batch, "HELPER_MIN_CHARS", 0)
    monkeypatch.setattr(processes, "spare_core", lambda: True)
    real_job, ran = processes._helper_job, tmp_path / "helper-ran"

    def job(send, seg, texts):
        ran.write_text(str(len(texts)))      # the helper is another process: it leaves a file
        real_job(send, seg, texts)
    monkeypatch.setattr(processes, "_helper_job", job)
    if helper == "dies":
        monkeypatch.setattr(processes, "_helper_job", lambda send, seg, texts: os._exit(1))
    elif helper == "sends nothing":
        monkeypatch.setattr(processes, "_helper_job", lambda send, seg, texts: send.send([]))
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    c = corpus({f"d{k}": PLANTED[k * 20:] + text[k * 50:] for k in range(6)})
    one = tokens(c, workers=1, cache=False, pos=True)
    shared = tokens(c, cache=False, pos=True)
    assert shared.terms == one.terms and "鹿鸣湾" in one.terms
    assert [shared[i] for i in c.ids] == [one[i] for i in c.ids]
    assert [shared.tags(i) for i in c.ids] == [one.tags(i) for i in c.ids]
    if helper == "works":
        assert 0 < int(ran.read_text()) < len(c)   # it cut some of the texts, not all


def test_a_helper_is_stopped_when_its_texts_are_never_asked_for(monkeypatch, tmp_path):
    # The first text comes from the cache; the caller stops there, before this process has cut
    # anything: the helper forked for the others is still stopped and waited for.
    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path))
    monkeypatch.setattr(batch, "HELPER_MIN_CHARS", 0)
    monkeypatch.setattr(processes, "spare_core", lambda: True)
    helpers = []
    real_helper = processes.Helper

    def recording(*args):
        helpers.append(real_helper(*args))
        return helpers[-1]
    monkeypatch.setattr(processes, "Helper", recording)
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    texts = [text] + [text[k * 40:] for k in range(1, 5)]
    list(batch.cut_texts(texts[:1], discover=False)[1])      # the first text is now cached
    assert helpers == []
    _, documents = batch.cut_texts(texts, discover=False)
    first, _ = next(documents)
    assert "".join(first) == text and len(helpers) == 1
    documents.close()
    assert helpers[0].recv.closed and helpers[0].proc.exitcode is not None   # closed, waited for


# Starts children that cut, then kills itself (as SIGTERM did to `policytext segment`).
ORPHANS = """
import os, signal, sys
from policytext import processes
from policytext.engine import segmenter
texts = ["推进乡村振兴，建设美丽乡村。\\n" * 8000] * 2
if sys.argv[1] == "pool":
    next(processes.Pool(None, texts, [0, 1], 2, 20_000).results)   # the workers are cutting
else:
    processes.Helper(segmenter(None), texts)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.parametrize("children", ["pool", "helper"])
def test_children_whose_parent_died_exit_without_a_word(children):
    # Their stderr is the parent's: reading it to the end waits for the last child to exit.
    # Pool workers printed multiprocessing's traceback (BrokenPipeError); the helper, whose
    # tokens filled the pipe, waited for a reader for ever.
    env = dict(os.environ, PYTHONPATH=str(DATA.parents[1] / "lib"))
    run = subprocess.Popen([sys.executable, "-c", ORPHANS, children], stderr=subprocess.PIPE,
                           env=env, start_new_session=True)
    try:
        err = run.communicate(timeout=120)[1].decode()
    finally:
        try:
            os.killpg(run.pid, signal.SIGKILL)      # a child still running (before the fix)
        except ProcessLookupError:
            pass
    assert run.returncode == -signal.SIGKILL and err == ""


def test_a_second_process_waits_for_a_free_core_now_not_for_last_minutes_load(monkeypatch, tmp_path):
    # /proc/loadavg's fourth field counts the threads running now, this one included: on two
    # cores, one other running thread leaves no core to spare, whatever the 1-minute average.
    import builtins

    real_open = builtins.open
    proc = tmp_path / "loadavg"

    def fake_open(path, *args, **kwargs):
        return real_open(proc if path == "/proc/loadavg" else path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(processes.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(processes.os, "getloadavg", lambda: (3.9, 3.0, 2.0))
    proc.write_text("3.90 3.00 2.00 1/310 4242\n", encoding="ascii")
    assert processes.spare_core()                      # busy a minute ago, free now
    proc.write_text("0.10 0.20 0.30 2/310 4242\n", encoding="ascii")
    assert not processes.spare_core()                  # another thread running now
    proc.unlink()                                   # no /proc: the 1-minute average decides
    assert not processes.spare_core()
    monkeypatch.setattr(processes.os, "getloadavg", lambda: (0.5, 0.5, 0.5))
    assert processes.spare_core()


@pytest.mark.parametrize("running, spare", [([2, 1], True), ([2, 2, 1], True), ([2, 2, 2], False),
                                            ([2, 2, 2, 1], False)])
def test_a_moment_of_other_work_does_not_take_the_second_core(monkeypatch, running, spare):
    # A reading of /proc/loadavg is a moment: another thread running in one of them (a kernel
    # worker) is not a busy core. Up to three readings are taken; one free one is enough.
    import builtins
    import io

    readings = iter(running)
    real_open = builtins.open

    def fake_open(path, *args, **kwargs):
        if path != "/proc/loadavg":
            return real_open(path, *args, **kwargs)
        return io.StringIO(f"0.10 0.20 0.30 {next(readings)}/310 4242\n")
    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(processes.os, "cpu_count", lambda: 2)
    assert processes.spare_core() is spare


@pytest.mark.parametrize("ahead, own", [(0, 2), (200, 1), (10_000, 1)])
def test_the_helper_takes_more_texts_when_this_process_has_work_ahead(monkeypatch, ahead, own):
    # This process first re-cuts the texts it cut before the terms came (work worth `ahead`
    # characters of cutting): of four texts of 100 characters, the helper takes two without
    # such work and three with it, never all of them.
    monkeypatch.setattr(batch, "HELPER_MIN_CHARS", 0)
    monkeypatch.setattr(processes, "spare_core", lambda: True)
    texts = [("今年建设鹿鸣湾景区，效果明显。" * 7)[:100]] * 4
    seg = segmenter()
    joined, helper = batch._cuts(seg, texts, None, ahead=ahead)
    try:
        assert len(helper.texts) == 4 - own
        assert list(joined) == list(seg.cut_many(texts, joined=True))
    finally:
        helper.close()


@pytest.mark.parametrize("helper", ["works", "dies"])
def test_every_text_is_cached_whoever_cut_it(monkeypatch, tmp_path, helper):
    # This process writes the cache entries of the texts the helper cut too (and cuts them
    # itself if the helper dies). The next run reads all of them from the cache.
    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path))
    monkeypatch.setattr(batch, "HELPER_MIN_CHARS", 0)
    monkeypatch.setattr(processes, "spare_core", lambda: True)
    if helper == "dies":
        monkeypatch.setattr(processes, "_helper_job", lambda send, *args: os._exit(1))
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    texts = [text[k * 40:] for k in range(6)]
    _, cold = batch.cut_texts(texts, discover=False)
    first = [toks for toks, _ in cold]
    assert list(tmp_path.rglob("*.tmp")) == []

    def no_engine(*args, **kwargs):
        raise AssertionError("an engine was built for a warm run")
    monkeypatch.setattr(batch, "segmenter", no_engine)
    _, warm = batch.cut_texts(texts, discover=False)
    assert [toks for toks, _ in warm] == first
