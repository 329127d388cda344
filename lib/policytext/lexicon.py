"""The word lists segmentation uses: jieba's dictionary, the policy lexicon and the stopwords.

Everything here is data and its digest; cutting lives in `engine`. The files are read lazily
and cached by (path, size, mtime), so a test or a user that points `LEXICON_PATH` at another
file gets that file's terms, and every cache key that includes `versions()` changes with it.
"""
from __future__ import annotations

import hashlib
import importlib.util
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["lexicon", "stopwords", "LEXICON_PATH", "STOPWORDS_PATH", "dictionary_index", "file_stamp", "load_yaml",
           "yaml_error_text"]

DATA = Path(__file__).resolve().parent / "data"
LEXICON_PATH = DATA / "policy_lexicon_v1.txt"
STOPWORDS_PATH = DATA / "stopwords_v1.txt"
# jieba's dictionary sorted for bisection (scripts/make_dictionary_index.py; see DictionaryIndex).
DICT_INDEX_PATH = DATA / "jieba_dict_index.gz"
# Part of every cache key, with the digest of the code that cuts (CUT_MODULES): bump it when
# something else that decides a cut changes.
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


def file_stamp(path: Path) -> tuple[str, int, int]:
    """(path, size, mtime): what a cache of a file's contents is keyed by, so that an edit is read."""
    stat = path.stat()
    return str(path), stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=8)
def _lexicon_at(stamp: tuple) -> dict[str, str | None]:
    return dict(_read_terms(Path(stamp[0])))


@lru_cache(maxsize=8)
def _stopwords_at(stamp: tuple) -> frozenset[str]:
    return frozenset(term for term, _ in _read_terms(Path(stamp[0])))


@lru_cache(maxsize=64)     # versions() digests 10 files (3 data, 7 code): with 8, every call re-hashed them all
def _digest_at(stamp: tuple) -> str:
    return hashlib.sha256(Path(stamp[0]).read_bytes()).hexdigest()


def lexicon() -> dict[str, str | None]:
    """The policy lexicon: term -> POS tag (None when the file gives none)."""
    return _lexicon_at(file_stamp(LEXICON_PATH))


def stopwords() -> frozenset[str]:
    """Stopwords from data/stopwords_v1.txt (function words and report filler; see its header)."""
    return _stopwords_at(file_stamp(STOPWORDS_PATH))


def file_digest(path: Path) -> str:
    """sha256 of a data file (cached while the file is unchanged)."""
    return _digest_at(file_stamp(Path(path)))


@lru_cache(maxsize=1)
def jieba_dict_path() -> Path:
    """jieba's dictionary file, found without importing jieba (its import costs start-up time)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:  # pragma: no cover - jieba is a dependency
        raise ImportError("jieba is not installed")
    return Path(spec.origin).resolve().parent / "dict.txt"


def versions() -> str:
    """Everything besides the text that decides a cut, for cache keys: the data files and the
    code that cuts and discovers (cut_code_digest)."""
    return f"{data_versions()}|code {cut_code_digest()}"


def data_versions() -> str:
    """The data files and versions that decide a cut, without the code (the rjieba recipe is
    data computed from them, shipped in the package)."""
    from . import __version__
    return "|".join([SEGMENT_VERSION, f"policytext {__version__}", f"jieba {JIEBA_VERSION}",
                     f"dict {file_digest(jieba_dict_path())}",
                     f"lexicon {file_digest(LEXICON_PATH)}",
                     f"stopwords {file_digest(STOPWORDS_PATH)}"])


# The modules whose code decides tokens and corpus terms. Their digest is part of versions(), so
# cached tokens and terms never outlive the code that made them: SEGMENT_VERSION, bumped by hand,
# once was not, and a render after a change to discovery read the old terms from the cache.
CUT_MODULES = ("batch.py", "discover.py", "engine.py", "engine_jieba.py", "engine_rjieba.py",
               "lexicon.py", "ngrams.py")


def cut_code_digest() -> str:
    package = Path(__file__).resolve().parent
    return hashlib.sha256("".join(file_digest(package / name) for name in CUT_MODULES).encode()).hexdigest()


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
    """jieba's default dictionary (about 0.3 s of CPU to read: the fast path uses
    `dictionary_index` instead; POS tags, the reference engine's checks and the rjieba recipe
    read it). jieba's file is part of the installed, pinned jieba: read once."""
    fields = jieba_dict_path().read_text(encoding="utf-8").split()
    words, counts, tags = fields[0::3], list(map(int, fields[1::3])), fields[2::3]
    return Dictionary(dict(zip(words, counts)), dict(zip(words, tags)), sum(counts))


class DictionaryIndex:
    """Frequency and tag of single words of jieba's dictionary, without reading it into dicts.

    The fast path needs only a few thousand look-ups (corpus terms' pieces, discovery's trims),
    but building `dictionary()` parses 350k lines (0.28-0.36 s of CPU for 1M characters,
    measured). The index is the dictionary as UTF-8 lines "word freq tag", one per word (the
    last line of a word wins, as in jieba), sorted by the word's bytes and searched by
    bisection in the bytes: about 15 µs a look-up after 20 ms to decompress the shipped file.
    """

    def __init__(self, body: bytes, total: int):
        self._body = body
        self.total = total          # sum of every line of dict.txt (jieba's divisor)

    @classmethod
    def from_dictionary(cls, d: Dictionary) -> "DictionaryIndex":
        words = sorted(d.freq, key=lambda w: w.encode("utf-8"))
        body = "".join(f"{w} {d.freq[w]} {d.tags[w]}\n" for w in words).encode("utf-8")
        return cls(body, d.total)

    def _line(self, word: str) -> list[bytes] | None:
        key = word.encode("utf-8", "surrogatepass")
        body = self._body
        lo, hi = 0, len(body)                   # both always at line starts
        while lo < hi:
            mid = (lo + hi) // 2
            start = max(body.rfind(b"\n", lo, mid) + 1, lo)
            if body[start:body.index(b" ", start)] < key:
                lo = body.index(b"\n", start) + 1
            else:
                hi = start
        if lo >= len(body):
            return None
        fields = body[lo:body.index(b"\n", lo)].split(b" ")
        return fields if fields[0] == key else None

    def freq(self, word: str) -> int:
        """jieba's frequency of `word` (0 when it is not in the dictionary)."""
        fields = self._line(word)
        return int(fields[1]) if fields else 0

    def tag(self, word: str) -> str | None:
        fields = self._line(word)
        return fields[2].decode("utf-8") if fields else None

    def to_bytes(self, digest: str) -> bytes:
        head = f"# jieba dict.txt sha256={digest} total={self.total}\n".encode("ascii")
        return zlib.compress(head + self._body, 9)


def _read_index(path: Path, digest: str) -> DictionaryIndex | None:
    try:
        data = zlib.decompress(path.read_bytes())
        head, body = data.split(b"\n", 1)
        fields = dict(f.split("=", 1) for f in head.decode("ascii").split()[3:])
        if fields.get("sha256") == digest:
            return DictionaryIndex(body, int(fields["total"]))
    except (OSError, ValueError, zlib.error, UnicodeDecodeError):
        pass
    return None


@lru_cache(maxsize=1)
def dictionary_index() -> DictionaryIndex:
    """Look-ups in jieba's dictionary. The shipped index is used only when its digest is that of
    the installed dict.txt; otherwise it is built from the dictionary itself (slow, never stale)."""
    index = _read_index(DICT_INDEX_PATH, file_digest(jieba_dict_path()))
    return index if index is not None else DictionaryIndex.from_dictionary(dictionary())


def write_dictionary_index() -> Path:
    """Write data/jieba_dict_index.gz for the installed jieba dictionary."""
    index = DictionaryIndex.from_dictionary(dictionary())
    DICT_INDEX_PATH.write_bytes(index.to_bytes(file_digest(jieba_dict_path())))
    return DICT_INDEX_PATH


def load_yaml(text: str):
    """yaml.safe_load, except that a key written twice in one mapping is an error (a
    yaml.YAMLError with its line): safe_load keeps the last one and drops the first silently,
    which lost the aliases of an indicator entered twice in a registry. libyaml's parser when
    PyYAML has it (5x faster: the indicator registry took 0.06 s in every notebook kernel)."""
    import yaml

    class StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    def mapping(loader, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is written twice", key_node.start_mark)
            seen.add(key)
        return loader.construct_mapping(node, deep=deep)

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return yaml.load(text, Loader=StrictLoader)


def yaml_error_text(exc) -> str:
    """What a yaml.YAMLError says to a reader, with its line: 'not valid YAML (line 3): …'."""
    mark = getattr(exc, "problem_mark", None)
    where = f" (line {mark.line + 1})" if mark is not None else ""
    return f"not valid YAML{where}: {getattr(exc, 'problem', None) or exc}"
