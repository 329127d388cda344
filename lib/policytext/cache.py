"""A small content-addressed disk cache.

Keys are sha256 digests of everything that determines a result (text, dictionary
contents, options, library version), so an entry can never be stale: change any
input and the key changes.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "cache_key", "cache_get", "cache_put"]

_MISSING = object()


def cache_dir() -> Path:
    """The cache folder: $POLICYTEXT_CACHE, else ~/.cache/policytext."""
    root = os.environ.get("POLICYTEXT_CACHE") or Path.home() / ".cache" / "policytext"
    path = Path(root)
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_key(*parts: Any) -> str:
    """sha256 over the repr of every part (strings and bytes hashed as they are)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def _path(namespace: str, key: str) -> Path:
    return cache_dir() / namespace / key[:2] / f"{key}.pkl"


def cache_get(namespace: str, key: str, default: Any = None) -> Any:
    """The cached value, or `default` when there is none (or it is unreadable)."""
    path = _path(namespace, key)
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        return default
    except (pickle.UnpicklingError, EOFError, OSError):
        # A torn write from a killed run: drop it and recompute.
        path.unlink(missing_ok=True)
        return default


def cache_put(namespace: str, key: str, value: Any) -> None:
    """Store atomically (write to a temp file, then rename)."""
    path = _path(namespace, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
