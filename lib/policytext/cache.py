"""A small content-addressed disk cache that never runs code from disk.

Keys are sha256 digests of everything that determines a result (text, dictionary contents,
options, library version), so an entry can never be stale: change any input and the key changes.

An entry is one file: a magic tag, the kind of payload (JSON, raw bytes or a numeric array), a
sha256 checksum over the key, the kind and the payload, then the payload. Nothing is unpickled.
A file that is unreadable, truncated, changed, stored under another key or not ours at all (a
planted pickle, say) is a cache miss: the caller recomputes and the entry is written again.
A cache folder that cannot be created or written means working without a cache, with one warning.
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
import re
import warnings
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "cache_key", "library_digest", "cache_get", "cache_put", "usable_cache_dir",
           "cache_summary", "cache_clear"]

MAGIC = b"PTCACHE1"
_JSON, _BYTES, _ARRAY = b"J", b"B", b"A"
_DIGEST = 32
_unusable: dict[str, str] = {}     # folder -> why it is not used (warned once)
# Folders this process has created or checked, so that a put costs no mkdir or access call
# (110 puts of 10-30 kB: 1.07-1.10x faster without them). A folder deleted meanwhile makes
# the write fail; cache_put then forgets them all and tries once more.
_checked: dict[str, Path] = {}     # cache root -> its usable folder
_made: set[str] = set()            # entry folders that exist
_blocked_warned: set[str] = set()  # entries with a folder in their place (warned once)
_serial = itertools.count()        # temporary names: pid + serial (no random names to draw)
_TMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_ENTRY = ".ptc"
# The exact names we give files: `<sha256 key>.ptc` and `<sha256 key>.ptc.<pid>.<serial>.tmp`.
# Clearing and the stale-file sweep go by these names and by the header, never by a suffix
# alone: a cache folder may be set to a folder that also holds a user's `draft.tmp`.
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.ptc")
_TMP_NAME = re.compile(r"[0-9a-f]{64}\.ptc\.[0-9]+\.[0-9]+\.tmp")
# A temporary file older than this was left by a process that died while writing it (a write
# takes milliseconds): the first write of a process into a folder removes such files.
_STALE_TMP_SECONDS = 24 * 3600


# The cache folder's name when there is none: no $POLICYTEXT_CACHE and no home folder for
# ~/.cache (no HOME and a user id without a passwd entry, as under `env -i` in a container).
# It is only shown (`policytext cache`), never used as a path.
_NO_FOLDER = "(no cache folder: no home folder; set POLICYTEXT_CACHE)"


def _root() -> str:
    """$POLICYTEXT_CACHE, else ~/.cache/policytext, else _NO_FOLDER."""
    configured = os.environ.get("POLICYTEXT_CACHE")
    if configured:
        return configured
    try:
        return str(Path.home() / ".cache" / "policytext")
    except (RuntimeError, KeyError):    # Path.home() without HOME or a passwd entry
        return _NO_FOLDER


def _root_folder() -> Path | None:
    root = _root()
    return None if root == _NO_FOLDER else Path(root)


def cache_dir() -> Path:
    """The cache folder: $POLICYTEXT_CACHE, else ~/.cache/policytext (created when missing).
    OSError when it cannot be created, or there is no home folder to put it in."""
    path = _root_folder()
    if path is None:
        raise FileNotFoundError("there is no home folder for ~/.cache/policytext; set POLICYTEXT_CACHE")
    path.mkdir(parents=True, exist_ok=True)
    return path


def usable_cache_dir() -> Path | None:
    """The cache folder, or None (after one warning) when it cannot be created or written."""
    root = _root()
    if root in _checked:
        return _checked[root]
    if root in _unusable:
        return None
    try:
        path = cache_dir()
        if not os.access(path, os.W_OK | os.X_OK):
            raise PermissionError("not writable")
        _checked[root] = path
        return path
    except OSError as exc:
        _give_up(root, exc)
        return None


def _give_up(root: str, exc: BaseException) -> None:
    _forget()
    if root not in _unusable:
        _unusable[root] = str(exc)
        where = "no cache folder" if root == _NO_FOLDER else f"cache folder {root} is not usable"
        warnings.warn(f"{where} ({exc}); working without a cache", RuntimeWarning, stacklevel=3)


def cache_key(*parts: Any) -> str:
    """sha256 over the repr of every part (strings and bytes hashed as they are)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def library_digest() -> str:
    """sha256 of all of policytext's source, for the keys of results that code computes (figures,
    quantities): a code change makes them new keys, so no entry outlives the code that wrote it."""
    package = Path(__file__).resolve().parent
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(package.rglob("*.py")))).hexdigest()


def _path(folder: Path, namespace: str, key: str) -> Path:
    # One folder per namespace, no key[:2] subfolders: 110 puts of 10-30 kB into a fresh cache
    # are 1.35-1.5x faster without making ~90 folders (no gain once they exist); one folder of
    # many files is no problem for today's file systems. Creating a file (~0.25 ms here) is
    # now most of a put's cost.
    return folder / namespace / f"{key}{_ENTRY}"


def _checksum(key: str, kind: bytes, payload: bytes) -> bytes:
    return hashlib.sha256(key.encode("ascii", "replace") + kind + payload).digest()


def _encode(value: Any) -> tuple[bytes, bytes]:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return _BYTES, bytes(value)
    if type(value).__module__ == "numpy" and hasattr(value, "dtype") and value.dtype.kind in "biuf":
        header = json.dumps({"dtype": value.dtype.str, "shape": list(value.shape)}).encode()
        return _ARRAY, len(header).to_bytes(4, "little") + header + value.tobytes()
    return _JSON, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _decode(kind: bytes, payload: bytes) -> Any:
    if kind == _JSON:
        return json.loads(payload.decode("utf-8"))
    if kind == _BYTES:
        return payload
    if kind == _ARRAY:
        import numpy as np

        size = int.from_bytes(payload[:4], "little")
        header = json.loads(payload[4:4 + size])
        if np.dtype(header["dtype"]).kind not in "biuf":
            raise ValueError("not a numeric array")
        return np.frombuffer(payload[4 + size:], dtype=header["dtype"]).reshape(header["shape"]).copy()
    raise ValueError("unknown kind")


def cache_get(namespace: str, key: str, default: Any = None) -> Any:
    """The cached value, or `default` when there is none or the entry is not sound."""
    folder = usable_cache_dir()
    if folder is None:
        return default
    path = _path(folder, namespace, key)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:             # missing (the usual miss), or unreadable: a miss either way
        return default
    head = len(MAGIC) + 1 + _DIGEST
    kind = data[len(MAGIC):len(MAGIC) + 1]
    payload = data[head:]
    if (len(data) < head or not data.startswith(MAGIC)
            or data[len(MAGIC) + 1:head] != _checksum(key, kind, payload)):
        _discard(path)          # torn write, corruption, a foreign or planted file
        return default
    try:
        return _decode(kind, payload)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        _discard(path)
        return default


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def cache_put(namespace: str, key: str, value: Any) -> None:
    """Store atomically (write a temporary file, then rename). Values: JSON data (tuples come
    back as lists), bytes, or a numeric numpy array. A failed write only costs the entry."""
    kind, payload = _encode(value)
    data = MAGIC + kind + _checksum(key, kind, payload) + payload
    for retry in (False, True):
        folder = usable_cache_dir()
        if folder is None:
            return
        path = _path(folder, namespace, key)
        try:
            _write(path, data)
            return
        except OSError as exc:
            if _blocked(path):
                return
            if retry:
                _give_up(_root(), exc)
            _forget()           # the folder may have been deleted: check and create it again


def _blocked(path: Path) -> bool:
    """Whether a folder (or a link to one) sits where the entry goes. We never make one there,
    so it is not ours to remove: only this entry goes uncached, the rest of the cache still
    works, and one warning per process names the folder so that its owner can move it."""
    if not os.path.isdir(path):
        return False
    if str(path) not in _blocked_warned:
        _blocked_warned.add(str(path))
        warnings.warn(f"cache entry {path} is a folder, not a file; that result is not cached "
                      "(remove the folder to cache it again)", RuntimeWarning, stacklevel=4)
    return True


def _forget() -> None:
    _checked.clear()
    _made.clear()


def _write(path: Path, data: bytes) -> None:
    parent = str(path.parent)
    if parent not in _made:
        os.makedirs(parent, exist_ok=True)
        _made.add(parent)
        _remove_files(parent, _TMP_NAME, older_than=_STALE_TMP_SECONDS)
    tmp = f"{path}.{os.getpid()}.{next(_serial)}.tmp"
    fd = os.open(tmp, _TMP_FLAGS, 0o600)     # O_EXCL: never write into someone else's file
    try:
        with open(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        _discard(Path(tmp))
        raise


def _files(folder: str | Path, names: re.Pattern) -> list[tuple[str, os.stat_result]]:
    """(path, stat) of the files of `folder` (not its sub-folders, links not followed) whose
    whole name matches `names`; a file that vanishes while it is read is left out."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    if names.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                        found.append((entry.path, entry.stat(follow_symlinks=False)))
                except OSError:
                    continue
    except OSError:
        pass
    return found


def _written_by_us(path: str) -> bool:
    """The file begins as every file we write does: with MAGIC, or (a write cut short) with a
    first part of it. A foreign file that only has our kind of name fails this."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(MAGIC))
    except OSError:
        return False
    return MAGIC.startswith(head)


def _remove_files(folder: str, names: re.Pattern, *, older_than: float | None = None) -> tuple[int, int, int]:
    """Remove the files of `folder` that _files finds, that _written_by_us recognises and, with
    `older_than`, were last changed more than that many seconds ago; (files, bytes) removed, and
    the files of ours that could not be (a read-only or immutable folder)."""
    import time

    removed = size = kept = 0
    now = time.time()
    for path, info in _files(folder, names):
        if older_than is not None and now - info.st_mtime < older_than:
            continue
        if not _written_by_us(path):
            continue
        try:
            os.unlink(path)
        except OSError:
            kept += 1
            continue
        removed, size = removed + 1, size + info.st_size
    return removed, size, kept


def _namespaces(root: Path | None) -> list[Path]:
    if root is None:
        return []
    try:
        return sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return []


def cache_summary() -> list[tuple[str, int, int]]:
    """(folder, entries, bytes) for each folder of the cache, for `policytext cache`."""
    rows = []
    for folder in _namespaces(_root_folder()):
        files = _files(folder, _ENTRY_NAME)
        rows.append((folder.name, len(files), sum(info.st_size for _, info in files)))
    return rows


def cache_clear() -> tuple[int, int, int]:
    """Remove policytext's entries and left-over temporary files from the cache folder, and
    nothing else: other files, links and folders stay (a cache folder set to a folder that
    holds other things loses none of them). A file is ours by its exact name and its header;
    a folder is removed only when clearing emptied it. Returns (files, bytes) removed and the
    files of ours that could not be removed."""
    removed = size = kept = 0
    for folder in _namespaces(_root_folder()):
        entries = _remove_files(str(folder), _ENTRY_NAME)
        temporary = _remove_files(str(folder), _TMP_NAME)
        files, n_bytes = entries[0] + temporary[0], entries[1] + temporary[1]
        removed, size, kept = removed + files, size + n_bytes, kept + entries[2] + temporary[2]
        if files:
            try:
                folder.rmdir()      # only when empty: a folder of ours that we just emptied
            except OSError:
                pass
    _forget()
    return removed, size, kept
