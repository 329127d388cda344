"""Files as policytext meets them on disk: names that are not UTF-8, a file given twice, a folder
that cannot be listed.

A zip made on Chinese Windows and unpacked on Linux leaves file names in GBK bytes, which Python
holds as surrogate escapes ('\\udcb1\\udca8…'): written into a UTF-8 table or page they corrupt it,
or fail with "surrogates not allowed". policytext names such a file by the name its bytes spell in
GB18030 (or Big5) when that reading is plausible, else by the name with each byte that is not
UTF-8 written \\xNN, and a warning names the file both ways. The file itself is read by its real
path.
"""
from __future__ import annotations

import hashlib
import itertools
import os
import re
import warnings
import zlib
from pathlib import Path
from typing import Iterable

from .decode import PLAUSIBLE, plausibility
from .errors import DecodeError, InputWarning, MetadataError, raise_together
from .mojibake import without_spaces
from .reportdir import MANIFEST

__all__ = ["escaped", "readable_name", "said_name", "once_each", "not_entered", "check_listable",
           "warn_of_copies", "same_texts", "warn_of_same_texts"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_LEGACY = {"gb18030": "GB18030", "big5": "Big5"}     # what Chinese Windows writes names in (zip keeps the bytes)


def escaped(name: str | os.PathLike) -> str:
    """``name`` with each byte that is not UTF-8, and each control character, written \\xNN:
    printable anywhere (a name holding ESC [2K or a line break would rewrite a terminal's line or
    split a one-line error)."""
    name = os.fspath(name)
    if _SURROGATE.search(name):
        try:
            name = os.fsencode(name).decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:          # a surrogate that stands for no byte of the file system
            name = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _reading(name: str) -> tuple[str, str | None]:
    """(readable name, the encoding it was read in, or None when it was escaped)."""
    try:
        data = os.fsencode(name)
    except UnicodeEncodeError:
        return escaped(name), None
    for codec in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if plausibility(text) >= PLAUSIBLE:
            return text, codec
    return escaped(name), None


def readable_name(name: str | os.PathLike) -> str:
    """``name`` as policytext shows it: itself when it is text; a name the file system holds in
    other bytes than UTF-8 read as GB18030 or Big5 (报告_2021.txt), else escaped (caf\\xe9.txt)."""
    name = os.fspath(name)
    return _reading(name)[0] if _SURROGATE.search(name) else name


def said_name(path: str | os.PathLike, name: str | None = None, *, stacklevel: int = 2) -> str:
    """readable_name of ``name`` (default: the path), with a warning that names the file when its
    name is not UTF-8: the tables and pages show the readable name, not the file's."""
    name = os.fspath(path if name is None else name)
    if not _SURROGATE.search(name):
        return name
    shown, codec = _reading(name)
    said = (f"not UTF-8 (a zip made on Windows?); read as {_LEGACY[codec]}, it is named {shown}" if codec else
            f"not UTF-8, GB18030 or Big5; it is named {shown}, each byte that is not UTF-8 written \\xNN")
    warnings.warn(f"{escaped(path)}: the file name is {said}", InputWarning, stacklevel=stacklevel + 1)
    return shown


TEXT_SUFFIXES = (".txt", ".text", ".htm", ".html")
NOT_REPORT_SUFFIXES = (".csv", ".tsv", ".md", ".json", ".yaml", ".yml", ".ipynb", ".py")


def check_reports(paths) -> None:
    """A table or note given as a report file (metadata.csv among the reports) is an error that
    names it: read as a report, its cells would be counted as words and figures."""
    tables = [path for path in paths if Path(path).suffix.lower() in NOT_REPORT_SUFFIXES]
    raise_together(DecodeError, [f"{escaped(str(path))}: a {Path(path).suffix.lower()} file is a table or a note, "
                                 f"not a report (reports are {', '.join(TEXT_SUFFIXES)} files; a metadata.csv "
                                 "is read beside them)" for path in tables], "not reports")


def once_each(entries: Iterable[tuple], *, stacklevel: int = 2) -> list[tuple]:
    """``entries`` (argument, path, name shown, ...) without those whose file another argument gave
    before (the same file, links resolved: a folder and a file in it, ./a.txt and a.txt), which
    every table would count twice; a warning names each. One argument's own files are all kept (a
    folder's link to a file in it is read, and said as a copy, as load_corpus does)."""
    first: dict[str, tuple[object, str]] = {}
    kept = []
    for entry in entries:
        argument, path, shown = entry[:3]
        real = os.path.realpath(path)
        if real in first and first[real][0] != argument:
            earlier = "" if first[real][1] == shown else f" (the same file as {first[real][1]})"
            warnings.warn(f"{shown}: given twice{earlier}; read once", InputWarning, stacklevel=stacklevel + 1)
            continue
        first.setdefault(real, (argument, shown))
        kept.append(entry)
    return kept


def not_entered(sub: Path) -> str | None:
    """Why a sub-folder of a corpus is not entered, or None: it holds an earlier render, or it
    cannot be looked into. (Path.is_file raises in a folder of mode 000: the folder is to be said,
    not the manifest the user never had. os.walk says the other folders it cannot list.)"""
    try:
        if (sub / MANIFEST).is_file():
            return f"holds an earlier policytext render ({MANIFEST}), whose pages are no reports"
    except OSError as exc:
        return f"a folder that cannot be listed ({exc.strerror})"
    return None


def check_listable(folder: Path) -> None:
    """A folder given that cannot be listed is an error saying so (not "no report files in it")."""
    try:
        os.scandir(folder).close()
    except OSError as exc:
        raise MetadataError(f"{escaped(folder)}: a folder that cannot be listed ({exc.strerror})") from None


def warn_of_copies(docs: list, *, groups: list | None = None) -> None:
    """Warn of documents that hold one report (a web copy beside a text file, a summary beside
    the whole): every table would count it twice. The same text, spaces aside; or, for documents
    of one place, year and kind (one or two, so the pairs cost little), nine in ten of the
    shorter one's 8-character pieces in the other. With ``groups`` (one label per document: the
    command-line argument it came from), only copies across two groups are said: each loading
    said its own."""
    group = dict(zip((doc.id for doc in docs), groups)) if groups is not None else {}
    shown = {doc.id: _shown(doc) for doc in docs}
    copies = same_texts((doc.id, doc.raw) for doc in docs)
    said = [_same_text([shown[i] for i in ids]) for ids in copies if len({group.get(i, i) for i in ids}) > 1]
    same_year: dict[tuple, list] = {}
    firsts = {ids[0] for ids in copies}      # one of each text
    for doc in docs:
        if doc.id in firsts and doc.meta["place"] and doc.year:
            same_year.setdefault((doc.meta["place"], doc.year, doc.meta["doc_type"]), []).append(doc)
    for same in same_year.values():
        pieces = [_pieces(doc.raw) for doc in same]
        for i, j in itertools.combinations(range(len(same)), 2):
            shared = len(pieces[i] & pieces[j]) / max(1, min(len(pieces[i]), len(pieces[j])))
            if shared >= 0.9 and (not group or group[same[i].id] != group[same[j].id]):
                said.append(f"{shown[same[i].id]} and {shown[same[j].id]} hold nearly the same text "
                            f"({shared:.0%} of the shorter one's sampled 8-character pieces are in the other)")
    for what in said:
        _counted_twice(what, stacklevel=5)


def _shown(doc) -> str:
    """A document as a warning names it: its id, and its file when that is another name."""
    file = doc.meta.get("file") or ""
    return doc.id if not file or doc.id == file or doc.id.endswith("/" + file) else f"{doc.id} ({file})"


def text_key(text: str) -> str:
    """What two copies of one text share (spaces aside)."""
    return hashlib.sha1(without_spaces(text).encode()).hexdigest()


def same_texts(named_texts: Iterable[tuple[str, str]], *, keyed: bool = False) -> list[list[str]]:
    """The names of each text (spaces aside), in order: those with more than one name are copies.
    With `keyed`, the pairs hold text_key(text), not the text (a stream keeps no texts)."""
    names: dict[str, list[str]] = {}
    for name, text in named_texts:
        names.setdefault(text if keyed else text_key(text), []).append(name)
    return list(names.values())


def warn_of_same_texts(named_texts: Iterable[tuple[str, str]], *, keyed: bool = False) -> None:
    """warn_of_copies for texts without metadata (policytext freq and segment): the same text only."""
    for ids in same_texts(named_texts, keyed=keyed):
        if len(ids) > 1:
            _counted_twice(_same_text(ids), stacklevel=2)


def _same_text(ids: list[str]) -> str:
    return f"{', '.join(ids[:-1])} and {ids[-1]} hold the same text"


def _counted_twice(what: str, *, stacklevel: int) -> None:
    warnings.warn(f"{what}: every table counts it twice (remove one, or keep both on purpose)", InputWarning,
                  stacklevel=stacklevel + 1)


def _pieces(raw: str) -> set[int]:
    """A sample of the text's 8-character pieces, chosen by their content (one in 16), so that
    two copies keep the same ones wherever their texts start. (crc32, not hash(): the share a
    warning states is the same in every run.)"""
    data = without_spaces(raw).encode("utf-32-le")        # four bytes a character
    return {h for k in range(0, len(data) - 28, 4) if (h := zlib.crc32(data[k:k + 32])) % 16 == 0}
