"""Load reports and their metadata into a corpus.

A corpus is a list of documents. Each document keeps the decoded raw text (the
reference for every offset this library reports), the clean text, what cleaning
removed, and the paragraph / sentence / part structure of the clean text.
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import sys
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping

from .clean import CleanText, RemovedLine, clean_text
from .convert import script_of, to_simplified
from .decode import check_file, decode_bytes, read_file, read_text  # noqa: F401  (read_text: re-exported)
from .errors import DecodeError, InputWarning, MetadataError, ParameterError, raise_together
from .filenames import (NOT_REPORT_SUFFIXES, TEXT_SUFFIXES, check_listable, check_reports, escaped,
                        not_entered, once_each, readable_name, said_name, warn_of_copies)
# DOC_TYPES and METADATA_COLUMNS stay importable from corpus, where they used to live.
from .metadata import (DOC_TYPES, METADATA_COLUMNS, METADATA_FILE, METADATA_HEAD, _parse_date,  # noqa: F401
                       date_from_text, fill_from_text, find_table, impossible_date, in_table_year, inside_folder,
                       read_metadata, row_beside, row_path, same_places)
from .structure import Paragraph, Sentence, split_paragraphs, split_sentences

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Document", "Corpus", "corpus", "load_corpus", "load_files", "report_files", "corpus_subset",
    "read_text", "read_file", "decode_bytes", "textstat_parts", "textstat_cleaning",
    "METADATA_COLUMNS", "DEFAULT_SEEDS", "data_corpus", "DATA_CORPORA",
]

DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Example corpora shipped inside the package, byte for byte as published (see data/corpora/README.md).
DATA_CORPORA_DIR = Path(__file__).resolve().parent / "data" / "corpora"
DATA_CORPORA = {
    "hailar": "海拉尔区 government work reports 2012-2019 (GBK, CRLF): targets one year, results the next",
    "provinces2026": "2026 government work reports of ten provinces (web copies): annual and five-year targets",
}


# ---------------------------------------------------------------- reading files
# (read_file and read_text live in decode, so that `policytext segment` reads files without
# importing cleaning, structure and metadata; they are part of this module's interface too)


# ---------------------------------------------------------------- documents

_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _date_from_text(raw: str, name: str) -> dt.date | None:
    opening = _opening(raw)
    found = date_from_text(opening)
    if not found and (match := _YEAR_IN_NAME.search(Path(name).stem)):
        found = dt.date(int(match.group(1)), 1, 1)
    if written := impossible_date(opening):
        warnings.warn(f"{name}: the date {written} in its opening does not exist and is passed over; "
                      + (f"dated {found} from the rest" if found else "it has no date"), InputWarning, stacklevel=4)
    return found


def _opening(raw: str) -> str:
    """The first lines, where a report names itself, in Simplified characters (政府工作報告 is
    read as 政府工作报告, as the analysis reads a Traditional report)."""
    head = raw[:METADATA_HEAD]
    return to_simplified(head) if script_of(head) == "traditional" else head


@dataclass
class Document:
    """One report. `raw` is the reference text for offsets; `clean` is what is analysed."""

    id: str
    raw: str
    meta: dict = field(default_factory=dict)
    path: Path | None = None
    encoding: str = "utf-8"
    format: str = "text"  # "html" when raw is the text extracted from an HTML file
    # the metadata keys read from the report's opening lines (metadata.fill_from_text)
    from_text: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        # Every metadata column is present ("" when absent): code reading meta["doc_type"]
        # works on a table with only id,file,place, and on a corpus built from strings.
        self.meta = {**{col: "" for col in METADATA_COLUMNS}, **self.meta}
        self.meta["id"] = self.meta["id"] or self.id
        if not self.meta["file"] and self.path is not None:
            self.meta["file"] = readable_name(self.path.name)      # (a name that is not UTF-8, readable)
        # One place for it, so that every table, chart and selection (city=) sees the same place.
        self.from_text = fill_from_text(self.meta, _opening(self.raw))

    def __repr__(self) -> str:
        return f"Document({self.id!r}, {len(self.raw)} chars, {self.meta.get('place', '')})"

    @cached_property
    def script(self) -> str:
        """"traditional" or "simplified"; Traditional text is analysed converted (see convert)."""
        return script_of(self.raw)

    @cached_property
    def _cleaned(self) -> CleanText:
        # Length-preserving conversion: offsets into the converted text index raw as well.
        return clean_text(to_simplified(self.raw) if self.script == "traditional" else self.raw)

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

    def file_sentence(self, raw_offset: int) -> str:
        """The sentence holding `raw_offset` as the file has it (full-width punctuation, a Traditional
        report's characters): what a search of the file finds, as `Sentence.text` (clean) is not."""
        i = bisect.bisect_left(range(len(self.clean)), raw_offset, key=self.to_raw)
        s = self.sentence_at(i)
        if s is None or not s.start <= i < s.end:
            return ""
        return self.raw[self.to_raw(s.start):self.to_raw(s.end - 1) + 1]

    @cached_property
    def date(self) -> dt.date | None:
        """When the document speaks: delivered, else published, else from its text or name (in the
        table's `year` when it gives one: see metadata.in_table_year)."""
        for key in ("date_delivered", "date_published"):
            try:
                parsed = _parse_date(str(self.meta.get(key) or ""))
            except ValueError as exc:
                raise MetadataError(f"document {self.id!r}, {key}: {exc}") from None
            if parsed:
                return parsed
        return in_table_year(self.meta, _date_from_text(self.raw, readable_name(self.path) if self.path else self.id))

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
            if "," in doc.id:      # (a metadata table refuses one on its line)
                raise MetadataError(f"document id {doc.id!r}{f' ({doc.path})' if doc.path else ''} holds a comma, "
                                    "which lists ids (the doc_ids parameter, the tables' lists of documents): "
                                    "rename the file or give the document an id in metadata.csv")
            if doc.id in seen:
                files = seen[doc.id].path and doc.path      # (2015.txt beside its page 2015.html)
                raise MetadataError(f"duplicate document id {doc.id!r} "
                                    f"({seen[doc.id].path or 'text'} and {doc.path or 'text'})"
                                    + ("; give each file an id of its own in metadata.csv, or rename one"
                                       if files else ""))
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
        """One row per document: id, metadata, year, from_text (the metadata read from the
        report's opening, e.g. "place, doc_type"), lengths, raw and clean text."""
        rows = []
        for doc in self.docs:
            row = {"id": doc.id, **{k: v for k, v in doc.meta.items() if k != "id"}}
            row.update(year=doc.year, from_text=", ".join(doc.from_text), n_chars=len(doc.clean),
                       n_raw_chars=len(doc.raw),
                       n_removed_lines=len(doc.removed), n_joined_lines=doc._cleaned.joined,
                       n_trimmed_chars=doc._cleaned.trimmed,
                       encoding=doc.encoding, format=doc.format,
                       script=doc.script, raw=doc.raw, clean=doc.clean)
            rows.append(row)
        import pandas as pd  # imported here: `policytext segment` must start without it

        return pd.DataFrame(rows)


def corpus(texts: Mapping[str, str] | Iterable[str], *, meta: Mapping[str, Mapping] | None = None) -> Corpus:
    """Build a corpus from strings: {id: text} or a list (ids "1", "2", ...)."""
    if isinstance(texts, (str, bytes, os.PathLike)):
        # a str is iterable: it would give one document per character
        raise ParameterError(
            f"corpus() takes {{id: text}} or a list of texts, not one {type(texts).__name__} "
            f"({str(texts)[:40]!r}); for one text write corpus([text]), and for a folder of "
            f"reports load_corpus(path)")
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


def _load_document(path: Path, doc_id: str, meta: dict) -> Document:
    text, encoding, form = read_file(path)
    return Document(doc_id, text, {k: v for k, v in meta.items() if k != "_line"}, path, encoding, form)


def load_corpus(path: str | Path | None = None, *, metadata: str | Path | None = None,
                strict: bool = True, pattern: str | None = None, place: str | None = None,
                ids: Iterable[str] | None = None) -> Corpus:
    """Load every report in a folder, with the metadata table beside them.

    `path` is a folder (default: the repository's seeds/). Reports are the .txt, .text,
    .htm and .html files in it and its sub-folders, any letter case (or those matching
    `pattern`, e.g. "*.txt"); other files are named in a warning, except tables and notes
    (.csv, .md ...) and hidden files. The metadata table (`metadata.csv` in that folder,
    or `metadata=`; see policytext.metadata for its checks) has one row per file; a row
    whose file is missing or outside the folder, a file with no row, and a duplicate id
    are errors that name the file. With `strict=False` a file with no row is loaded with
    metadata read from its text, and a warning. Without a table, ids are the file names
    without suffix (with sub-folders: "2021/jinchang"). Files that cannot be read are
    named together, each with its problem, in one DecodeError.

    Each Document records its `encoding`, its `format` ("text" or "html": raw is then the
    extracted text) and its `script`; Traditional Chinese is analysed converted to
    Simplified, with offsets still on the raw text. The logger `policytext.corpus` says,
    at INFO level, how each file was read (`policytext -v ...` prints it).

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
        # a folder named where a bundled corpus goes (render --param corpus=FOLDER): say where it goes
        folder = ("; a folder of your own is read by load_corpus (the notebooks' parameter corpus_path)"
                  if isinstance(name, (str, Path)) and (os.sep in str(name) or Path(name).is_dir()) else "")
        raise ParameterError(f"no bundled corpus {name!r}; available: {', '.join(DATA_CORPORA)}{folder}")
    return load_corpus(DATA_CORPORA_DIR / name, place=place, ids=ids)


# Report files: plain text or HTML, any letter case. Tables, notes and hidden files are not
# reports and are passed over quietly; anything else is named in a warning (never dropped unsaid).


def report_files(folder: str | Path, *, pattern: str | None = None) -> list[Path]:
    """The report files load_corpus reads in `folder` and its sub-folders, sorted by path (other
    files are named in a warning); an error naming the folder when there are none."""
    folder = Path(folder)
    check_listable(folder)
    files = _report_files(folder, pattern)
    if not files:
        raise MetadataError(f"{folder}: no report files (.txt, .text, .htm, .html) in it or its sub-folders")
    return files


def _report_files(folder: Path, pattern: str | None) -> list[Path]:
    """Report files under folder, sub-folders included, sorted by path. Links are followed only
    to files inside the folder; every other file not read is named in a warning."""
    found, skipped, passed = [], [], []
    for p in _entries(folder, passed):
        rel = p.relative_to(folder)
        if p.name.lower() == METADATA_FILE and len(rel.parts) > 1:    # its rows would be lost without a word
            passed.append(f"{escaped(p)}: a metadata table in a sub-folder; only a table at the top, "
                          f"{escaped(folder / METADATA_FILE)}, is read (move its rows there, with each file's "
                          "path from the top, or load the sub-folder on its own)")
            continue
        if p.name.lower() == METADATA_FILE or (not rel.match(pattern) if pattern is not None
                                               else p.suffix.lower() in NOT_REPORT_SUFFIXES):
            continue
        if (why := _not_readable(p, folder)) is not None:
            passed.append(f"{escaped(p)}: {why}")
        elif pattern is not None or p.suffix.lower() in TEXT_SUFFIXES:
            found.append(p)
            said_name(p, rel.as_posix(), stacklevel=4)
        else:
            skipped.append(readable_name(rel.as_posix()))
    if skipped:
        warnings.warn(f"{folder}: skipped {len(skipped)} file(s) that are not .txt/.text/.html reports: "
                      f"{', '.join(skipped[:8])}{' ...' if len(skipped) > 8 else ''}", InputWarning, stacklevel=4)
    for what in sorted(passed):
        warnings.warn(f"{what}; not read", InputWarning, stacklevel=4)
    return sorted(found)


def _entries(folder: Path, passed: list[str]) -> Iterator[Path]:
    """Every file and link under folder but hidden ones. Linked folders are not entered (they are
    judged as links); nor are a sub-folder holding an earlier render (`policytext render --out`
    inside the corpus: its pages are no reports) and one that cannot be listed, which are said."""
    def unlisted(exc: OSError) -> None:
        passed.append(f"{escaped(exc.filename)}: a folder that cannot be listed ({exc.strerror})")

    for root, dirs, files in os.walk(folder, onerror=unlisted):     # os.walk does not follow links
        here, keep = Path(root), []
        for name in sorted(dirs):
            sub = here / name
            if name.startswith("."):
                continue
            if sub.is_symlink():
                yield sub
            elif why := not_entered(sub):
                passed.append(f"{escaped(sub)}: {why}")
            else:
                keep.append(name)
        dirs[:] = keep
        yield from (here / name for name in files if not name.startswith("."))


def _not_readable(path: Path, folder: Path) -> str | None:
    """Why a file of the folder is not read, or None: a link out of the folder (the rule of the
    table's rows, metadata.inside_folder), to nothing or to a folder; a FIFO, device or socket; a
    table saved as metadata.csv.txt; a file that cannot be looked at (in a folder without x)."""
    if path.name.lower() == METADATA_FILE + ".txt":
        return (f"looks like the metadata table saved with a .txt suffix that Windows hides; rename it "
                f"{METADATA_FILE}")
    try:
        return _not_a_file(path, folder)
    except OSError as exc:
        return f"cannot be looked at ({exc.strerror})"


def _not_a_file(path: Path, folder: Path) -> str | None:
    if path.is_symlink():
        target = inside_folder(folder, path.relative_to(folder).as_posix())
        if target is None:
            return f"a link leading outside the folder {folder.resolve()}"
        if not target.exists():
            return "a link to nothing (its target is missing, or links lead round in a loop)"
        if target.is_dir():
            return "a link to a folder (linked folders are not followed; load that folder itself)"
    try:
        check_file(path, limit=sys.maxsize)        # never opened: a FIFO would block
    except DecodeError as exc:
        return str(exc).removeprefix(f"{path}: ")
    return None


def _load_folder(path, *, metadata, strict, pattern) -> Corpus:
    folder = Path(path) if path is not None else DEFAULT_SEEDS
    if not folder.is_dir():
        raise MetadataError(f"{escaped(folder)}: not a folder of reports")
    check_listable(folder)
    meta_path = Path(metadata) if metadata else find_table(folder)
    if metadata and not meta_path.is_file():
        raise MetadataError(f"{meta_path}: metadata file not found")
    files = _report_files(folder, pattern)
    if not meta_path.exists():
        if not files:
            raise MetadataError(f"{folder}: no report files (.txt, .text, .html) and no {METADATA_FILE}")
        return _load_documents([(p, _file_id(p, folder), {"file": _file_name(p, folder)}) for p in files])
    rows = read_metadata(meta_path)
    # a file whose name is not UTF-8 (GBK bytes from a zip) may be listed by the name it is shown by
    shown = {_file_name(p, folder): p.resolve() for p in files}

    def where(row) -> Path:
        target = row_path(meta_path, row)
        return target if target.is_file() else shown.get(row["file"].replace("\\", "/"), target)
    listed = {where(row) for row in rows}
    unlisted = [p for p in files if p.resolve() not in listed]
    # a row naming no file is the likelier mistake: say it first, for every such row
    absent = [_absent_file(meta_path, row, unlisted, folder) for row in rows if not where(row).is_file()]
    raise_together(MetadataError, absent, f"{meta_path}: {len(absent)} rows name no file")
    if unlisted and strict:
        names = ", ".join(_file_name(p, folder) for p in unlisted)
        raise MetadataError(f"{meta_path}: no metadata row for {names}; add a row per file "
                            f"(columns: {', '.join(METADATA_COLUMNS)}), or pass strict=False to read it with "
                            "metadata from its text (a render: --param strict=False)")
    for p in unlisted:
        warnings.warn(f"{escaped(p)}: no metadata row; metadata taken from its text", InputWarning, stacklevel=3)
    return _load_documents([(where(row), row["id"], row) for row in rows]
                           + [(p, _file_id(p, folder), {"file": _file_name(p, folder)}) for p in unlisted])


def _load_documents(jobs: list[tuple[Path, str, dict]]) -> Corpus:
    """A corpus of (path, id, metadata) jobs. Every file is read before an error is raised, so
    that one error names each file that cannot be read and why, not just the first."""
    docs, problems = [], []
    for path, doc_id, meta in jobs:
        try:
            docs.append(_load_document(path, doc_id, meta))
        except DecodeError as exc:
            problems.append(str(exc))
    raise_together(DecodeError, problems, f"{len(problems)} of {len(jobs)} files cannot be read")
    _one_way_per_place(docs)
    warn_of_copies(docs)
    return Corpus(docs)


def _one_way_per_place(docs: list[Document]) -> None:
    """A place written more than one way in the metadata (呼伦贝尔市海拉尔区 and 海拉尔区) is read one
    way, with a warning: tables group by place, and would otherwise split one place's years."""
    same = same_places(doc.meta["place"] for doc in docs)
    if not same:
        return
    for doc in docs:
        doc.meta["place"] = same.get(doc.meta["place"], doc.meta["place"])
    warnings.warn("one place written more than one way is read one way: "
                  + "; ".join(f"{written} as {read}" for written, read in sorted(same.items()))
                  + " (write it alike in metadata.csv to keep this from being said)", InputWarning, stacklevel=5)


def _absent_file(meta_path: Path, row: dict, unlisted: list[Path], folder: Path) -> str:
    """What is wrong with a row whose file is not there."""
    exists = row_path(meta_path, row).exists()
    return (f"{meta_path}, line {row['_line']}: row {row['id']!r} names {row['file']!r}, which does not exist"
            + (" or is not a file" if exists else "") + _did_you_mean(row["file"], unlisted, folder))


def _did_you_mean(name: str, unlisted: list[Path], folder: Path) -> str:
    """'; did you mean …?' naming an unlisted report file that differs from ``name`` only in
    letter case or by its suffix (2017.TXT, 2017 for 2017.txt); '' when there is none."""
    wanted = name.replace("\\", "/").lower()
    for path in unlisted:
        have = path.relative_to(folder).as_posix()
        if wanted in (have.lower(), have.lower().rsplit(".", 1)[0]):
            return f"; did you mean {have!r}? (file names are matched exactly, letter case and suffix included)"
    return ""


def _file_id(path: Path, folder: Path) -> str:
    """A document id from a file name: its stem, with sub-folders ("2021/jinchang")."""
    return readable_name(path.relative_to(folder).with_suffix("").as_posix())


def _file_name(path: Path, folder: Path) -> str:
    """The file's path in the folder, as tables show it ("2021/jinchang.txt")."""
    return readable_name(path.relative_to(folder).as_posix())


def load_files(paths: Iterable[str | Path]) -> Corpus:
    """A corpus of the given files, ids = file names (as the CLI reports them); files of one name
    get their paths as given (a/report.txt, b/report.txt), and a file given twice is read once.

    Metadata comes from a metadata.csv beside a file when it lists the file (a warning names a
    file it does not list), otherwise from the text itself (date and year) and the file name. A
    missing file, a folder, a FIFO or device is a DecodeError naming it.
    """
    given = once_each([(k, Path(path), escaped(path)) for k, path in enumerate(paths)], stacklevel=2)
    check_reports([path for _, path, _ in given])
    names = [said_name(path, path.name, stacklevel=2) for _, path, _ in given]
    clashes = Counter(names)
    jobs, tables = [], {}
    for (_, path, _), name in zip(given, names):
        doc_id = readable_name(str(path)) if clashes[name] > 1 else name
        jobs.append((path, doc_id, row_beside(path, tables) or {"file": name}))
    return _load_documents(jobs)


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
