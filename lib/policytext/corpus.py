"""Load reports and their metadata into a corpus.

A corpus is a list of documents. Each document keeps the decoded raw text (the
reference for every offset this library reports), the clean text, what cleaning
removed, and the paragraph / sentence / part structure of the clean text.
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping

from .clean import CleanText, RemovedLine, clean_text
from .errors import DecodeError, MetadataError, ParameterError
from .structure import Paragraph, Sentence, split_paragraphs, split_sentences

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Document", "Corpus", "corpus", "load_corpus", "load_files", "corpus_subset",
    "read_text", "decode_bytes", "textstat_parts", "textstat_cleaning",
    "METADATA_COLUMNS", "DEFAULT_SEEDS", "data_corpus", "DATA_CORPORA",
]

DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Example corpora shipped inside the package, byte for byte as published (see data/corpora/README.md).
DATA_CORPORA_DIR = Path(__file__).resolve().parent / "data" / "corpora"
DATA_CORPORA = {
    "hailar": "海拉尔区 government work reports 2012-2019 (GBK, CRLF): targets one year, results the next",
    "provinces2026": "2026 government work reports of ten provinces (web copies): annual and five-year targets",
}
METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = [
    "id", "file", "place", "level", "parent", "province", "doc_type", "title",
    "speaker", "role", "date_delivered", "date_published", "source",
]
_REQUIRED = ("id", "file")
DOC_TYPES = ("gov_work_report", "party_congress_report", "interview", "feature")


# ---------------------------------------------------------------- decoding

def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    controls = sum(1 for b in data[:4096] if b < 32 and b not in (9, 10, 13, 12))
    return controls > 0.05 * min(len(data), 4096)


def _cjk_share(text: str) -> float:
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return 0.0
    return sum("\u4e00" <= ch <= "\u9fff" for ch in visible) / len(visible)


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    """Not UTF-8. Chinese reports in a legacy encoding are GB18030/GBK (its subset):
    take GB18030 when it decodes strictly to mostly Han text. Otherwise ask
    charset-normalizer, which on short Chinese text may guess Korean or Big5."""
    try:
        text = data.decode("gb18030")
        if _cjk_share(text) >= 0.3:
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding.lower().replace("-", "_") in {"gb2312", "gbk", "gb18030", "hz"}:
        raise DecodeError(f"{name}: cannot decode: not UTF-8, and not GB18030/GBK Chinese text "
                          f"(detector: {best.encoding if best else 'no guess'}). Save the file as UTF-8.")
    return str(best), best.encoding


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a report's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

    Returns (text, encoding). Newlines are normalised to \\n. A UTF-8 BOM is kept as the
    character U+FEFF, as Python's `open(..., encoding="utf-8")` keeps it, so offsets agree with
    tools that read the file that way; cleaning removes it from the clean text.
    Raises DecodeError naming the file when it is empty, binary or undecodable.
    """
    if not data.strip():
        raise DecodeError(f"{name}: file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data.decode("utf-8", errors="strict"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif _looks_binary(data):
        raise DecodeError(f"{name}: looks like a binary file, not text (found NUL or control bytes)")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data, name)
    if not text.strip():
        raise DecodeError(f"{name}: file has no text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def read_text(path: str | Path) -> str:
    """The decoded raw text of a file (see decode_bytes)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DecodeError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise DecodeError(f"{path}: is a directory, not a file") from None
    return decode_bytes(data, name=str(path))[0]


# ---------------------------------------------------------------- documents

_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"^((?:19|20)\d\d)(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_REPORT_YEAR = re.compile(r"((?:19|20)\d\d)\s*年\s*(?:市|区|县|省)?(?:政府工作报告|国民经济和社会发展)")


def _parse_date(value: str) -> dt.date | None:
    """'2021-12-14' → date; '2022' → 1 July 2022 is wrong, so a bare year gives Jan 1."""
    value = (value or "").strip()
    match = _ISO_DATE.match(value)
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    return dt.date(year, month, day)


def _date_from_text(raw: str, name: str) -> dt.date | None:
    head = raw[:400]
    if match := _DATE.search(head):
        year, month, day = map(int, match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    if match := _REPORT_YEAR.search(head):
        return dt.date(int(match.group(1)), 1, 1)
    if match := _YEAR_IN_NAME.search(Path(name).stem):
        return dt.date(int(match.group(1)), 1, 1)
    return None


@dataclass
class Document:
    """One report. `raw` is the reference text for offsets; `clean` is what is analysed."""

    id: str
    raw: str
    meta: dict = field(default_factory=dict)
    path: Path | None = None
    encoding: str = "utf-8"

    def __repr__(self) -> str:
        return f"Document({self.id!r}, {len(self.raw)} chars, {self.meta.get('place', '')})"

    @cached_property
    def _cleaned(self) -> CleanText:
        return clean_text(self.raw)

    @property
    def clean(self) -> str:
        return self._cleaned.text

    @property
    def removed(self) -> list[RemovedLine]:
        return self._cleaned.removed

    def to_raw(self, i: int) -> int:
        """Offset in `clean` → offset in `raw`."""
        return self._cleaned.to_raw(i)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return split_paragraphs(self.clean)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.clean, self.paragraphs)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def paragraph_at(self, i: int) -> Paragraph | None:
        k = bisect.bisect_right(self._paragraph_starts, i) - 1
        return self.paragraphs[k] if k >= 0 else None

    def part_at(self, i: int) -> str:
        """review / plan / other for the paragraph holding clean offset i."""
        para = self.paragraph_at(i)
        return para.part_at(i) if para else "other"

    def sentence_at(self, i: int) -> Sentence | None:
        k = bisect.bisect_right(self._sentence_starts, i) - 1
        return self.sentences[k] if k >= 0 else None

    @cached_property
    def date(self) -> dt.date | None:
        """When the document speaks: delivered, else published, else from its text or name."""
        for key in ("date_delivered", "date_published"):
            if parsed := _parse_date(str(self.meta.get(key) or "")):
                return parsed
        return _date_from_text(self.raw, self.path.name if self.path else self.id)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


# ---------------------------------------------------------------- corpus

class Corpus:
    """An ordered collection of documents with unique ids."""

    def __init__(self, docs: Iterable[Document]):
        self.docs: list[Document] = list(docs)
        seen: dict[str, Document] = {}
        for doc in self.docs:
            if doc.id in seen:
                raise MetadataError(f"duplicate document id {doc.id!r} "
                                    f"({seen[doc.id].path or 'text'} and {doc.path or 'text'})")
            seen[doc.id] = doc
        self._by_id = seen

    def __len__(self) -> int:
        return len(self.docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.docs)

    def __getitem__(self, doc_id: str) -> Document:
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise KeyError(f"no document {doc_id!r}; the corpus has {', '.join(self.ids)}") from None

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._by_id

    def __repr__(self) -> str:
        return f"Corpus({len(self)} documents: {', '.join(self.ids)})"

    @property
    def ids(self) -> list[str]:
        return [doc.id for doc in self.docs]

    def to_frame(self) -> "pd.DataFrame":
        """One row per document: id, metadata, year, lengths, raw and clean text."""
        rows = []
        for doc in self.docs:
            row = {"id": doc.id, **{k: v for k, v in doc.meta.items() if k != "id"}}
            row.update(year=doc.year, n_chars=len(doc.clean), n_raw_chars=len(doc.raw),
                       n_removed_lines=len(doc.removed), encoding=doc.encoding,
                       raw=doc.raw, clean=doc.clean)
            rows.append(row)
        import pandas as pd  # imported here: `policytext segment` must start without it

        return pd.DataFrame(rows)


def corpus(texts: Mapping[str, str] | Iterable[str], *, meta: Mapping[str, Mapping] | None = None) -> Corpus:
    """Build a corpus from strings: {id: text} or a list (ids "1", "2", ...)."""
    if not isinstance(texts, Mapping):
        texts = {str(i + 1): text for i, text in enumerate(texts)}
    meta = meta or {}
    unknown = set(meta) - set(texts)
    if unknown:
        raise MetadataError(f"metadata for unknown document ids: {', '.join(sorted(unknown))}")
    docs = []
    for doc_id, text in texts.items():
        if not isinstance(text, str):
            raise ParameterError(f"document {doc_id!r}: text must be a str, not {type(text).__name__}")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        docs.append(Document(str(doc_id), text, dict(meta.get(doc_id, {}))))
    return Corpus(docs)


def _read_metadata(path: Path) -> list[dict]:
    try:
        text = decode_bytes(path.read_bytes(), name=str(path))[0]
    except FileNotFoundError:
        raise MetadataError(f"{path}: metadata file not found") from None
    rows = list(csv.DictReader(text.splitlines()))
    if not rows:
        raise MetadataError(f"{path}: metadata table has no rows")
    missing = [col for col in _REQUIRED if col not in rows[0]]
    if missing:
        raise MetadataError(f"{path}: metadata table lacks column(s) {', '.join(missing)}")
    ids: dict[str, int] = {}
    files: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        rows[line - 2] = row
        if not row["id"] or not row["file"]:
            raise MetadataError(f"{path}, line {line}: empty id or file")
        if row["id"] in ids:
            raise MetadataError(f"{path}, line {line}: duplicate id {row['id']!r} (first on line {ids[row['id']]})")
        if row["file"] in files:
            raise MetadataError(f"{path}, line {line}: file {row['file']!r} listed twice (first on line {files[row['file']]})")
        ids[row["id"]], files[row["file"]] = line, line
    return rows


def _load_document(path: Path, doc_id: str, meta: dict) -> Document:
    data = path.read_bytes()
    text, encoding = decode_bytes(data, name=str(path))
    return Document(doc_id, text, meta, path, encoding)


def load_corpus(path: str | Path | None = None, *, metadata: str | Path | None = None,
                strict: bool = True, pattern: str = "*.txt", place: str | None = None,
                ids: Iterable[str] | None = None) -> Corpus:
    """Load every report in a folder, with the metadata table beside them.

    `path` is a folder (default: the repository's seeds/). The metadata table
    (`metadata.csv` in that folder, or `metadata=`) has one row per file; a row
    whose file is missing, a file with no row, and a duplicate id are errors
    that name the file. With `strict=False` a file with no row is loaded with
    metadata read from its text, and a warning.

    `place` and `ids` select documents as notebooks' parameters do (see
    corpus_subset); an unknown value is an error that lists what exists.
    """
    loaded = _load_folder(path, metadata=metadata, strict=strict, pattern=pattern)
    if place is None and ids is None:
        return loaded
    return corpus_subset(loaded, ids=ids, place=place)


def data_corpus(name: str, *, place: str | None = None, ids: Iterable[str] | None = None) -> Corpus:
    """One of the example corpora bundled with the package, by name (see DATA_CORPORA).

    Like quanteda's `data_corpus_*`: available after a plain install, no path needed.
    `place` and `ids` select documents as in load_corpus.
    """
    if name not in DATA_CORPORA:
        raise ParameterError(f"no bundled corpus {name!r}; available: {', '.join(DATA_CORPORA)}")
    return load_corpus(DATA_CORPORA_DIR / name, place=place, ids=ids)


def _load_folder(path, *, metadata, strict, pattern) -> Corpus:
    folder = Path(path) if path is not None else DEFAULT_SEEDS
    if not folder.is_dir():
        raise MetadataError(f"{folder}: not a folder of reports")
    meta_path = Path(metadata) if metadata else folder / METADATA_FILE
    files = sorted(p for p in folder.glob(pattern) if p.is_file())
    if not meta_path.exists():
        if not files:
            raise MetadataError(f"{folder}: no {pattern} files and no {METADATA_FILE}")
        return Corpus(_load_document(p, p.stem, {"file": p.name}) for p in files)
    rows = _read_metadata(meta_path)
    listed = {row["file"] for row in rows}
    unlisted = [p.name for p in files if p.name not in listed]
    if unlisted and strict:
        raise MetadataError(f"{meta_path}: no metadata row for {', '.join(unlisted)}; add a row per file "
                            f"(columns: {', '.join(METADATA_COLUMNS)}) or pass strict=False")
    docs = []
    for row in rows:
        file_path = (meta_path.parent / row["file"])
        if not file_path.is_file():
            raise MetadataError(f"{meta_path}: row {row['id']!r} names {row['file']!r}, which does not exist")
        docs.append(_load_document(file_path, row["id"], row))
    for name in unlisted:
        import warnings
        warnings.warn(f"{folder / name}: no metadata row; metadata taken from its text", stacklevel=2)
        docs.append(_load_document(folder / name, Path(name).stem, {"file": name}))
    return Corpus(docs)


def load_files(paths: Iterable[str | Path]) -> Corpus:
    """A corpus of the given files, ids = file names (as the CLI reports them).

    Metadata comes from a metadata.csv beside a file when it lists the file,
    otherwise from the text itself (date and year) and the file name.
    """
    docs, tables = [], {}
    for path in map(Path, paths):
        meta_path = path.parent / METADATA_FILE
        if meta_path not in tables:
            tables[meta_path] = {r["file"]: r for r in _read_metadata(meta_path)} if meta_path.exists() else {}
        meta = dict(tables[meta_path].get(path.name, {"file": path.name}))
        if not path.is_file():
            raise DecodeError(f"{path}: file not found")
        docs.append(_load_document(path, path.name, meta))
    return Corpus(docs)


def corpus_subset(c: Corpus, *, ids: Iterable[str] | None = None, **meta: str | Iterable[str] | None) -> Corpus:
    """Documents whose metadata match, e.g. corpus_subset(c, place="金昌市").

    An unknown id or a value that matches nothing is an error listing what exists.
    """
    docs = c.docs
    if ids is not None:
        ids = [ids] if isinstance(ids, str) else list(ids)
        missing = [i for i in ids if i not in c]
        if missing:
            raise ParameterError(f"unknown document id(s) {', '.join(missing)}; available: {', '.join(c.ids)}")
        docs = [d for d in docs if d.id in set(ids)]
    for key, wanted in meta.items():
        if wanted is None:
            continue
        values = {wanted} if isinstance(wanted, str) else set(wanted)
        available = sorted({str(d.meta.get(key, "")) for d in c.docs} - {""})
        if not values & set(available):
            raise ParameterError(f"no document has {key}={'/'.join(sorted(values))}; available: {', '.join(available)}")
        docs = [d for d in docs if str(d.meta.get(key, "")) in values]
    return Corpus(docs)


def textstat_parts(c: Corpus) -> "pd.DataFrame":
    """How each document divides into review / plan / other: paragraphs, characters, share."""
    rows = []
    for doc in c:
        total = sum(p.end - p.start for p in doc.paragraphs) or 1
        chars = {"review": 0, "plan": 0, "other": 0}
        paragraphs = {"review": 0, "plan": 0, "other": 0}
        for p in doc.paragraphs:
            turn = p.plan_from if p.plan_from is not None else p.end
            chars[p.part] += turn - p.start
            chars["plan"] += p.end - turn
            paragraphs[p.part] += 1  # a paragraph counts where it starts
        for part in ("review", "plan", "other"):
            rows.append({"doc": doc.id, "part": part, "paragraphs": paragraphs[part],
                         "chars": chars[part], "share": chars[part] / total})
    import pandas as pd

    return pd.DataFrame(rows)


def textstat_cleaning(c: Corpus) -> "pd.DataFrame":
    """Every line cleaning removed: doc, reason, text and its raw offsets."""
    rows = [{"doc": doc.id, "reason": r.reason, "text": r.text, "raw_start": r.raw_start, "raw_end": r.raw_end}
            for doc in c for r in doc.removed]
    import pandas as pd

    return pd.DataFrame(rows, columns=["doc", "reason", "text", "raw_start", "raw_end"])
