"""The word lists segmentation uses: jieba's dictionary, the policy lexicon and the stopwords.

Everything here is data and its digest; cutting lives in `engine`. The files are read lazily
and cached by (path, size, mtime), so a test or a user that points `LEXICON_PATH` at another
file gets that file's terms, and every cache key that includes `versions()` changes with it.
"""
from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["lexicon", "stopwords", "LEXICON_PATH", "STOPWORDS_PATH"]

DATA = Path(__file__).resolve().parent / "data"
LEXICON_PATH = DATA / "policy_lexicon_v1.txt"
STOPWORDS_PATH = DATA / "stopwords_v1.txt"
# Bump when the cutting rules change: it is part of every cache key.
SEGMENT_VERSION = "seg-2"
JIEBA_VERSION = "0.42.1"   # the dictionary file below is jieba's; pyproject pins this version


def _read_terms(path: Path) -> list[tuple[str, str | None]]:
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        terms.append((parts[0], parts[1] if len(parts) > 1 else None))
    return terms


def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path), stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=8)
def _lexicon_at(stamp: tuple) -> dict[str, str | None]:
    return dict(_read_terms(Path(stamp[0])))


@lru_cache(maxsize=8)
def _stopwords_at(stamp: tuple) -> frozenset[str]:
    return frozenset(term for term, _ in _read_terms(Path(stamp[0])))


@lru_cache(maxsize=8)
def _digest_at(stamp: tuple) -> str:
    return hashlib.sha256(Path(stamp[0]).read_bytes()).hexdigest()


def lexicon() -> dict[str, str | None]:
    """The policy lexicon: term -> POS tag (None when the file gives none)."""
    return _lexicon_at(_stamp(LEXICON_PATH))


def stopwords() -> frozenset[str]:
    """Stopwords from data/stopwords_v1.txt (function words and report filler; see its header)."""
    return _stopwords_at(_stamp(STOPWORDS_PATH))


def file_digest(path: Path) -> str:
    """sha256 of a data file (cached while the file is unchanged)."""
    return _digest_at(_stamp(Path(path)))


@lru_cache(maxsize=1)
def jieba_dict_path() -> Path:
    """jieba's dictionary file, found without importing jieba (its import costs start-up time)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:  # pragma: no cover - jieba is a dependency
        raise ImportError("jieba is not installed")
    return Path(spec.origin).resolve().parent / "dict.txt"


def versions() -> str:
    """Everything besides the text that decides a cut, for cache keys."""
    from . import __version__
    return "|".join([SEGMENT_VERSION, f"policytext {__version__}", f"jieba {JIEBA_VERSION}",
                     f"dict {file_digest(jieba_dict_path())}",
                     f"lexicon {file_digest(LEXICON_PATH)}",
                     f"stopwords {file_digest(STOPWORDS_PATH)}"])


@dataclass(frozen=True)
class Dictionary:
    """jieba's dictionary as jieba reads it: the last line of a word wins its frequency and
    tag, but `total` sums every line (B超 is listed twice), which is the divisor of jieba's
    log-probabilities."""
    freq: dict[str, int]
    tags: dict[str, str]
    total: int


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """jieba's default dictionary (about 0.2 s to read; only discovery, corpus terms and POS
    tags need it). jieba's file is part of the installed, pinned jieba: read once."""
    fields = jieba_dict_path().read_text(encoding="utf-8").split()
    words, counts, tags = fields[0::3], list(map(int, fields[1::3])), fields[2::3]
    return Dictionary(dict(zip(words, counts)), dict(zip(words, tags)), sum(counts))
