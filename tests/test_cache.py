"""The disk cache (policytext.cache): nothing from disk is executed, bad entries are misses."""
import os
import pickle
import random
import warnings

import numpy as np
import pytest

from policytext import corpus
from policytext import cache
from policytext.cache import cache_get, cache_key, cache_put
from policytext.tokens import tokens


def toy():
    return corpus({"a": "我们要进一步推进乡村振兴，2021年增长8%。"})


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _entry(folder, namespace="segment"):
    entries = list((folder / namespace).rglob("*.ptc"))
    assert len(entries) == 1
    return entries[0]


@pytest.mark.parametrize("value", [
    {"a": [1, 2.5, None, "乡村振兴"]}, ["x\x1fy", ""], 3.25, "",
    b"\x89PNG\r\n\x1a\n\x00\xff", np.arange(12, dtype=np.uint8).reshape(3, 4),
])
def test_values_round_trip(folder, value):
    key = cache_key("round trip", repr(value))
    assert cache_get("test", key) is None
    cache_put("test", key, value)
    got = cache_get("test", key)
    if isinstance(value, np.ndarray):
        assert got.dtype == value.dtype and (got == value).all()
    else:
        assert got == value
    cache_put("test", key, (1, "a"))
    assert cache_get("test", key) == [1, "a"]          # JSON: tuples come back as lists


def test_values_that_are_not_data_are_refused(folder):
    with pytest.raises(TypeError):
        cache_put("test", cache_key("x"), object())


def _corrupt_and_recompute(folder, change):
    c = toy()
    good = tokens(c, discover=False)["a"]
    path = _entry(folder)
    path.write_bytes(change(path.read_bytes()))
    again = tokens(c, discover=False)["a"]
    assert again == good
    # The entry was rewritten and is sound again.
    assert cache_get("segment", path.stem) is not None
    return path


def test_flipped_byte_is_a_miss(folder):
    def flip(data):
        i = len(data) - 5
        return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1:]
    _corrupt_and_recompute(folder, flip)


def test_truncated_entry_is_a_miss(folder):
    _corrupt_and_recompute(folder, lambda data: data[:len(data) // 2])
    _corrupt_and_recompute(folder, lambda data: b"")


def test_planted_pickle_is_never_run(folder, tmp_path):
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    _corrupt_and_recompute(folder, lambda data: pickle.dumps(Exploit()))
    assert not marker.exists()
    # A planted pickle that passes as our format's payload is just as inert.
    _corrupt_and_recompute(folder, lambda data: data[:41] + pickle.dumps(Exploit()))
    assert not marker.exists()


def test_entry_copied_to_another_key_is_a_miss(folder):
    cache_put("test", cache_key("one"), ["one"])
    cache_put("test", cache_key("two"), ["two"])
    one = next(p for p in (folder / "test").rglob("*.ptc") if p.stem == cache_key("one"))
    two = next(p for p in (folder / "test").rglob("*.ptc") if p.stem == cache_key("two"))
    two.write_bytes(one.read_bytes())
    assert cache_get("test", cache_key("two")) is None and not two.exists()


def test_random_corruptions_never_give_a_wrong_value(folder):
    value = {"tokens": ["乡村振兴", "8%", "\n"], "tags": "nz\x1fm\x1fx"}
    key = cache_key("fuzz")
    cache_put("test", key, value)
    path = next((folder / "test").rglob("*.ptc"))
    original = path.read_bytes()
    rng = random.Random(11)
    for _ in range(300):
        data = bytearray(original)
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
        got = cache_get("test", key)
        assert got is None or (bytes(data) == original and got == value)


def test_unusable_cache_folder_works_without_cache_and_warns_once(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("POLICYTEXT_CACHE", str(blocker / "cache"))
    c = toy()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = tokens(c, discover=False)["a"]
        second = tokens(c, cache=True)["a"]
        cache_put("test", cache_key("x"), [1])
        assert cache_get("test", cache_key("x")) is None
    assert first == second and "乡村振兴" in first
    messages = [str(w.message) for w in caught if "cache folder" in str(w.message)]
    assert len(messages) == 1 and str(blocker / "cache") in messages[0]


def test_the_command_line_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    from policytext.cli import main

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("POLICYTEXT_CACHE", str(blocker / "cache"))
    report = tmp_path / "r.txt"
    report.write_text("地区生产总值增长5%。", encoding="utf-8")
    assert main(["quantities", str(report), "--csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"policytext: warning: cache folder {blocker / 'cache'} is not usable")
    assert captured.err.count("\n") == 1 and "地区生产总值" in captured.out


def test_no_home_folder_means_no_cache_with_one_warning(monkeypatch, capsys):
    # `env -i` under a user id without a passwd entry: Path.home() raises RuntimeError.
    from pathlib import Path

    from policytext.cli import main

    def no_home():
        raise RuntimeError("Could not determine home directory.")
    monkeypatch.delenv("POLICYTEXT_CACHE")
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    monkeypatch.setattr(cache, "_unusable", {})
    monkeypatch.setattr(cache, "_checked", {})
    c = toy()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = tokens(c, discover=False)["a"]
        cache_put("test", cache_key("x"), [1])
        assert cache_get("test", cache_key("x")) is None
    assert "乡村振兴" in first and tokens(c, discover=False)["a"] == first
    messages = [str(w.message) for w in caught if "cache" in str(w.message)]
    assert messages == ["no cache folder (there is no home folder for ~/.cache/policytext; "
                        "set POLICYTEXT_CACHE); working without a cache"]
    assert cache.cache_summary() == [] and cache.cache_clear() == (0, 0, 0)
    assert main(["cache"]) == 0
    assert capsys.readouterr().out.startswith(f"{cache._NO_FOLDER}: 0 entries")


def test_png_cache_of_figures_round_trips(folder):
    # figures.install_png_cache stores what IPython's print_figure returns: base64 text.
    import base64

    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    key = cache_key("figure", "demo")
    cache_put("figures", key, base64.b64encode(png).decode("ascii"))
    assert base64.b64decode(cache_get("figures", key)) == png


def test_cache_folder_deleted_between_writes_is_made_again(folder):
    import shutil

    cache_put("test", cache_key("one"), ["one"])
    shutil.rmtree(folder)                       # e.g. the user cleared the cache meanwhile
    with warnings.catch_warnings():
        warnings.simplefilter("error")          # no "not usable" warning: it is usable again
        cache_put("test", cache_key("two"), ["two"])
    assert cache_get("test", cache_key("two")) == ["two"]
    assert cache_get("test", cache_key("one")) is None


def test_writes_leave_no_temporary_files_and_skip_a_stale_one(folder, monkeypatch):
    import itertools
    import os

    import policytext.cache as cache

    cache_put("test", cache_key("first"), [1])
    # A temporary file left by a killed process with our pid and next serial number: the write
    # must not reuse it (O_EXCL) and still succeed.
    monkeypatch.setattr(cache, "_serial", itertools.count(7))
    final = cache._path(folder, "test", cache_key("second"))
    final.parent.mkdir(parents=True, exist_ok=True)
    stale = final.parent / f"{final.name}.{os.getpid()}.7.tmp"
    stale.write_bytes(b"half an entry")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cache_put("test", cache_key("second"), [2])
    assert cache_get("test", cache_key("second")) == [2]
    assert stale.read_bytes() == b"half an entry"
    assert [p for p in folder.rglob("*") if p.is_file() and p != stale
            and not p.name.endswith(".ptc")] == []


def test_a_temporary_file_left_a_day_ago_is_removed_by_the_next_write(folder):
    import os
    import time

    import policytext.cache as cache

    left = folder / "test" / f"{cache_key('x')}.ptc.123.0.tmp"      # a process killed while writing
    fresh = folder / "test" / f"{cache_key('y')}.ptc.456.0.tmp"     # another process writing now
    left.parent.mkdir(parents=True)
    left.write_bytes(cache.MAGIC[:5])                       # cut short inside the header
    fresh.write_bytes(cache.MAGIC + b"Jhalf")
    day_ago = time.time() - 25 * 3600
    os.utime(left, (day_ago, day_ago))
    cache._forget()                                         # as a new process: folders not yet seen
    cache_put("test", cache_key("z"), [1])
    assert not left.exists() and fresh.read_bytes() == cache.MAGIC + b"Jhalf"
    assert cache_get("test", cache_key("z")) == [1]


def test_clear_removes_entries_and_nothing_else(folder, tmp_path, capsys):
    from policytext.cache import cache_summary
    from policytext.cli import main

    cache_put("segment", cache_key("a"), ["a"])
    cache_put("segment", cache_key("b"), b"bb")
    cache_put("figures", cache_key("c"), [3])
    (folder / "figures" / "notes.txt").write_text("mine")    # not ours: stays
    (folder / "README").write_text("mine")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "k.ptc").write_bytes(b"not in the cache")
    (folder / "linked").symlink_to(outside, target_is_directory=True)   # never followed
    assert [(name, n) for name, n, _ in cache_summary()] == [("figures", 1), ("segment", 2)]
    assert main(["cache"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{folder}: 3 entries") and "  figures: 1 entry, " in out and "  segment: 2 entries" in out
    assert main(["cache", "--clear"]) == 0
    assert capsys.readouterr().out.startswith(f"{folder}: removed 3 cached entries")
    assert cache_get("segment", cache_key("a")) is None
    assert sorted(p.name for p in folder.iterdir()) == ["README", "figures", "linked"]   # segment/ was emptied
    assert [p.name for p in (folder / "figures").iterdir()] == ["notes.txt"]
    assert (outside / "k.ptc").read_bytes() == b"not in the cache"
    cache_put("segment", cache_key("a"), ["a"])             # the cache works after clearing
    assert cache_get("segment", cache_key("a")) == ["a"]


def test_the_cache_command_says_when_the_cache_is_unusable_or_clearing_fails(folder, tmp_path, capsys, monkeypatch):
    from policytext.cli import main

    cache_put("segment", cache_key("a"), ["a"])
    real_unlink = os.unlink

    def refused(path, *args, **kwargs):      # an immutable folder (chattr +i): root cannot remove either
        if str(path).endswith(".ptc"):
            raise PermissionError(1, "Operation not permitted")
        return real_unlink(path, *args, **kwargs)
    monkeypatch.setattr(os, "unlink", refused)
    assert main(["cache", "--clear"]) == 2
    err = capsys.readouterr().err
    assert err == f"policytext: error: {folder}: 1 cached files could not be removed (the folder's permissions?)\n"
    monkeypatch.setattr(os, "unlink", real_unlink)
    # a file where the cache folder should be: said, not "0 entries"
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    monkeypatch.setenv("POLICYTEXT_CACHE", str(blocked))
    assert main(["cache"]) == 2
    assert "a-file: is not a folder, so nothing can be cached there" in capsys.readouterr().err


def test_clear_keeps_foreign_files_named_like_ours_and_the_users_folders(folder, tmp_path):
    # POLICYTEXT_CACHE set to a folder that holds a user's work: only our entries and our
    # temporary files go, recognised by their exact name and their header, and only a folder
    # that clearing emptied is removed.
    import os
    import time

    from policytext.cache import MAGIC, cache_clear

    cache_put("segment", cache_key("a"), ["a"])
    ours = folder / "segment" / f"{cache_key('b')}.ptc.99.0.tmp"
    ours.write_bytes(MAGIC + b"Jha")                        # a write cut short
    foreign = {
        folder / "myproject" / "draft.tmp": b"my notes",
        folder / "downloads" / "movie.ptc": b"\x00\x00\x00 ftypisom",
        folder / "downloads" / f"{cache_key('c')}.ptc": b"not a cache entry",
        folder / "downloads" / f"{cache_key('d')}.ptc.1.2.tmp": b"not ours either",
        folder / "segment" / "x.ptc.123.0.tmp": MAGIC,       # our header, not our name
    }
    for path, data in foreign.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        day_ago = time.time() - 25 * 3600
        os.utime(path, (day_ago, day_ago))
    (folder / "empty").mkdir()
    assert cache_clear()[0] == 2
    assert all(path.read_bytes() == data for path, data in foreign.items())
    assert sorted(p.name for p in folder.iterdir()) == ["downloads", "empty", "myproject", "segment"]
    assert sorted(p.name for p in (folder / "segment").iterdir()) == ["x.ptc.123.0.tmp"]
    cache._forget()
    cache_put("downloads", cache_key("e"), [1])             # the stale sweep keeps them too
    assert all(path.read_bytes() == data for path, data in foreign.items())


def test_a_folder_where_an_entry_goes_costs_only_that_entry(folder):
    # Not ours (we never make a folder with an entry's name), so it stays; the rest of the
    # cache keeps working, and one warning names it.
    in_the_way = cache._path(folder, "test", cache_key("x"))
    in_the_way.mkdir(parents=True)
    (in_the_way / "kept.txt").write_text("mine")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cache_put("test", cache_key("x"), [1])
        cache_put("test", cache_key("x"), [1])
        cache_put("test", cache_key("y"), [2])
    assert cache_get("test", cache_key("x")) is None and cache_get("test", cache_key("y")) == [2]
    assert (in_the_way / "kept.txt").read_text() == "mine"
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1 and str(in_the_way) in messages[0] and "is a folder" in messages[0]
    assert [p.name for p in (folder / "test").iterdir() if p.name.endswith(".tmp")] == []
