"""The metadata table (metadata.csv) beside a folder of reports, checked row by row.

Every problem is a MetadataError naming the table, the line and the value:
- a missing id or file column, an empty id or file, a duplicate id or file;
- a ragged row (more or fewer fields than the header);
- a date (date_delivered, date_published) that is not a date or does not exist;
- a doc_type outside DOC_TYPES (an error rather than a warning: a typo such as
  "gov_report" would silently drop the document from every by-type comparison);
- a file outside the corpus folder (an absolute path, or one climbing out with "..").

Only id and file are required; every other column is optional, and a Document has all of
METADATA_COLUMNS in its meta ("" when absent). A table saved by Excel as "CSV UTF-8"
(with a byte-order mark) reads like any other.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from .decode import decode_bytes, read_bytes
from .errors import DecodeError, MetadataError

__all__ = ["METADATA_FILE", "METADATA_COLUMNS", "DOC_TYPES", "read_metadata", "row_path"]

METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = [
    "id", "file", "place", "level", "parent", "province", "doc_type", "title",
    "speaker", "role", "date_delivered", "date_published", "source",
]
DOC_TYPES = ("gov_work_report", "party_congress_report", "interview", "feature")
_REQUIRED = ("id", "file")
_DATES = ("date_delivered", "date_published")
_ISO_DATE = re.compile(r"^((?:19|20)\d\d)(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_CN_DATE = re.compile(r"^((?:19|20)\d\d)\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$")


def _parse_date(value: str) -> dt.date | None:
    """'2021-12-14', '2021/12/14', '2021.12', '2021年12月14日' → date; a bare year or month
    gives its first day; '' → None. Anything else raises ValueError saying why."""
    value = (value or "").strip()
    if not value:
        return None
    match = _ISO_DATE.match(value) or _CN_DATE.match(value)
    if not match:
        raise ValueError(f"date {value!r} is not a date like 2021-12-14 (or 2021-12, 2021, 2021年12月14日)")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"date {value!r} does not exist ({exc})") from None


def _table_text(path: Path) -> str:
    try:
        text = decode_bytes(read_bytes(path), name=str(path))[0]
    except DecodeError as exc:
        if "not found" in str(exc):
            raise MetadataError(f"{path}: metadata file not found") from None
        raise MetadataError(f"{exc} (the metadata table)") from None
    return text.lstrip("\ufeff")  # Excel's "CSV UTF-8" BOM


def _check_row(path: Path, line: int, row: dict) -> None:
    if not row["id"] or not row["file"]:
        raise MetadataError(f"{path}, line {line}: empty id or file")
    for key in _DATES:
        try:
            _parse_date(row.get(key, ""))
        except ValueError as exc:
            raise MetadataError(f"{path}, line {line}, {key}: {exc}") from None
    doc_type = row.get("doc_type", "")
    if doc_type and doc_type not in DOC_TYPES:
        raise MetadataError(f"{path}, line {line}: doc_type {doc_type!r} is not one of {', '.join(DOC_TYPES)} "
                            "(leave it empty when none fits)")
    name = row["file"]
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or \
            ".." in PurePosixPath(name.replace("\\", "/")).parts:
        raise MetadataError(f"{path}, line {line}: file {name!r} is outside the corpus folder; "
                            "give a path relative to the folder, without '..'")


def read_metadata(path: str | Path) -> list[dict]:
    """The rows of a metadata table, each a dict of stripped strings plus its "_line" number."""
    path = Path(path)
    reader = csv.reader(io.StringIO(_table_text(path)))
    header = [h.strip() for h in next(reader, [])]
    missing = [col for col in _REQUIRED if col not in header]
    if missing:
        raise MetadataError(f"{path}: metadata table lacks column(s) {', '.join(missing)} "
                            f"(header: {', '.join(header) or 'empty'})")
    rows: list[dict] = []
    ids: dict[str, int] = {}
    files: dict[str, int] = {}
    for fields in reader:
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue  # a blank line
        if len(fields) != len(header):
            raise MetadataError(f"{path}, line {line}: {len(fields)} fields, but the header has "
                                f"{len(header)} ({', '.join(header)}); quote values that contain commas")
        row = {key: value.strip() for key, value in zip(header, fields) if key}
        _check_row(path, line, row)
        if row["id"] in ids:
            raise MetadataError(f"{path}, line {line}: duplicate id {row['id']!r} (first on line {ids[row['id']]})")
        same = os.path.normpath(row["file"].replace("\\", "/"))  # "./a.txt" is "a.txt"
        if same in files:
            raise MetadataError(f"{path}, line {line}: file {row['file']!r} listed twice "
                                f"(first on line {files[same]})")
        ids[row["id"]], files[same] = line, line
        rows.append({**row, "_line": line})
    if not rows:
        raise MetadataError(f"{path}: metadata table has no rows")
    return rows


def row_path(table: Path, row: dict) -> Path:
    """The file a row names, inside the table's folder (links resolved); MetadataError otherwise."""
    folder = table.parent.resolve()
    target = (folder / row["file"]).resolve()
    if not target.is_relative_to(folder):
        raise MetadataError(f"{table}, line {row.get('_line', '?')}: file {row['file']!r} leads outside "
                            f"the corpus folder {folder}")
    return target
