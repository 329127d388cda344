"""The metadata table (metadata.csv) beside a folder of reports, checked row by row.

Every problem is a MetadataError naming the table, the line and the value:
- a missing id or file column, an empty id or file, a duplicate id or file;
- a ragged row (more or fewer fields than the header), a value under a column with no name, a
  column named twice, a value of METADATA_COLUMNS over more than one line (an unclosed quote),
  a record the csv module cannot read (a field over 131,072 characters);
- a date (date_delivered, date_published) that is not a date or does not exist;
- a doc_type outside DOC_TYPES (an error rather than a warning: a typo such as
  "gov_report" would silently drop the document from every by-type comparison);
- a file outside the corpus folder (an absolute path, or one climbing out with ".."), or the
  table itself.

Only id and file are required; every other column is optional, and a Document has all of
METADATA_COLUMNS in its meta ("" when absent). A table saved by Excel as "CSV UTF-8"
(with a byte-order mark) reads like any other.

A report with no place or doc_type in its metadata (or no table at all) gets them from its own
opening lines, which follow a fixed form in this genre (`fill_from_text`): the title (2026年安徽省
政府工作报告), the congress it was delivered to (在海拉尔区第十四届人民代表大会第二次会议上, 在中国
共产党嘉峪关市第十二次代表大会上), the speaker's office (海南省省长) or an interview's byline
(——访金昌市委书记王钧). The speaker and their office are read from the line that gives them
(省人民政府省长 王清宪). The date is read the same way (corpus.Document.date).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import unicodedata
import warnings
from collections import Counter
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Iterable, Iterator

from .convert import characters_named, drop_invisible
from .decode import decode_bytes, read_bytes
from .mojibake import foreign_cell
from .errors import DecodeError, InputWarning, MetadataError, raise_together
from .filenames import escaped
from .numbers import parse_number

__all__ = ["METADATA_FILE", "METADATA_COLUMNS", "METADATA_HEAD", "DOC_TYPES", "DOC_TYPE_NAMES", "doc_type_name",
           "read_metadata", "find_table", "table_year", "row_beside", "row_path", "inside_folder",
           "place_from_text", "doc_type_from_text", "date_from_text", "written_date", "fill_from_text",
           "speaker_from_text", "same_places"]

METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = [
    "id", "file", "place", "level", "parent", "province", "doc_type", "title",
    "speaker", "role", "date_delivered", "date_published", "source",
]
DOC_TYPES = ("gov_work_report", "party_congress_report", "interview", "feature")
# How a reader is told the kind of a report (the codes are for the metadata file)
DOC_TYPE_NAMES = {"gov_work_report": "government work report", "party_congress_report": "party-congress report",
                  "interview": "interview", "feature": "feature article"}


# A kind written as a reader names it, in Chinese or English, in a table typed by hand
_DOC_TYPE_WRITTEN = {
    **{name: code for code, name in DOC_TYPE_NAMES.items()},
    "政府工作报告": "gov_work_report", "党代会报告": "party_congress_report", "党代表大会报告": "party_congress_report",
    "访谈": "interview", "专访": "interview", "采访": "interview", "报道": "feature", "通讯": "feature",
}


def doc_type_name(code) -> str:
    """The reader's name of a doc_type code; '' or a missing one -> 'not given'."""
    code = "" if code is None or code != code else str(code)
    return DOC_TYPE_NAMES.get(code, code or "not given")


_REQUIRED = ("id", "file")
# Read though not in METADATA_COLUMNS (which a Document always has): the year, when no date is given
_ALSO_READ = ("year",)
# What a table typed by hand may call a column policytext reads under another name
_LIKELY = {**dict.fromkeys(("city", "county", "district", "region", "area", "location", "地区", "城市", "地点"),
                           "place"),
           **dict.fromkeys(("type", "kind", "doctype", "document_type", "category", "类型", "文种"), "doc_type"),
           **dict.fromkeys(("date", "delivered", "日期", "时间"), "date_delivered"),
           **dict.fromkeys(("published", "publish_date", "发布日期"), "date_published"),
           **dict.fromkeys(("author", "official", "讲话人"), "speaker"), "标题": "title", "url": "source",
           "年份": "year", "年度": "year"}
_DATES = ("date_delivered", "date_published")
_ISO_DATE = re.compile(r"^((?:19|20)\d\d)(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_CN_DATE = re.compile(r"^((?:19|20)\d\d)\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$")


def _parse_date(value: str) -> dt.date | None:
    """'2021-12-14', '2021/12/14', '2021.12', '2021年12月14日' → date; a bare year or month
    gives its first day; '' → None. Anything else raises ValueError saying why."""
    value = (value or "").strip()
    if not value:
        return None
    typed = unicodedata.normalize("NFKC", value)       # ２０２１－１２－１４ as a Chinese keyboard types it
    match = _ISO_DATE.match(typed) or _CN_DATE.match(typed)
    if not match:
        raise ValueError(f"date {value!r} is not a date like 2021-12-14 (or 2021-12, 2021, 2021年12月14日)")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"date {value!r} does not exist ({exc})") from None


def table_year(value) -> int | None:
    """The year a `year` cell gives (2021, 2021年, ２０２１); None when empty; ValueError otherwise."""
    typed = unicodedata.normalize("NFKC", str(value or "")).strip().removesuffix("年").strip()
    if not typed:
        return None
    if not re.fullmatch(r"(?:19|20)\d\d", typed):
        raise ValueError(f"year {str(value)!r} is not a year like 2021")
    return int(typed)


def in_table_year(meta: dict, found: dt.date | None) -> dt.date | None:
    """A document's date when the table gives no date but a `year`: the date read from its text or
    name (``found``) when it falls in that year, else 1 January of it (the table wins, as a bare
    year in date_delivered does). ``found`` when there is no year."""
    try:
        year = table_year(meta.get("year"))
    except ValueError as exc:
        raise MetadataError(f"document {meta.get('id')!r}: {exc}") from None
    return found if year is None or (found and found.year == year) else dt.date(year, 1, 1)


def find_table(folder: Path) -> Path:
    """The metadata table of ``folder``: metadata.csv, or the one file named so in other letter
    case (Metadata.csv: Windows and macOS show no difference); folder/metadata.csv when there is
    none. Two such files and no metadata.csv is an error; beside metadata.csv, a warning."""
    try:      # (listed, not looked up: on macOS metadata.csv "exists" when Metadata.csv does)
        names = os.listdir(folder)
    except OSError:
        return folder / METADATA_FILE
    like = sorted(name for name in names if name.lower() == METADATA_FILE and name != METADATA_FILE)
    if like and METADATA_FILE in names:
        warnings.warn(f"{escaped(folder)}: {', '.join(like)} not read: the metadata table is {METADATA_FILE}",
                      InputWarning, stacklevel=4)
    elif len(like) > 1:
        raise MetadataError(f"{escaped(folder)}: {' and '.join(like)} may each be the metadata table; keep one, "
                            f"named {METADATA_FILE}")
    elif like:
        return folder / like[0]
    return folder / METADATA_FILE


def _table_text(path: Path) -> str:
    try:
        text = decode_bytes(read_bytes(path), name=str(path))[0]
    except DecodeError as exc:
        if "not found" in str(exc):
            raise MetadataError(f"{path}: metadata file not found") from None
        raise MetadataError(f"{exc} (the metadata table)") from None
    return text.lstrip("\ufeff")  # Excel's "CSV UTF-8" BOM


def _visible(value: str, path: Path, line: int) -> str:
    """A cell without its invisible characters (a zero-width space copied from a page made 海拉\u200b尔区
    a second place), named in a warning as a report's are."""
    value, invisible = drop_invisible(value)
    if invisible:
        warnings.warn(f"{path}, line {line}: {len(invisible)} invisible character(s) ({characters_named(invisible)}) "
                      f"removed from the value {value.strip()!r}", InputWarning, stacklevel=6)
    return value.strip()


def _check_row(path: Path, line: int, row: dict) -> None:
    if not row["id"] or not row["file"]:
        raise MetadataError(f"{path}, line {line}: empty id or file")
    for key, value in row.items():
        if isinstance(value, str) and (why := foreign_cell(value)) is not None:
            raise MetadataError(f"{path}, line {line}, {key}: {value!r}: {why}; save the table again as UTF-8 "
                                "from the original")
    if "," in row["id"]:
        raise MetadataError(f"{path}, line {line}: id {row['id']!r} holds a comma, which lists ids (the "
                            "doc_ids parameter, the tables' lists of documents); write it without one")
    for key in _DATES:
        try:
            _parse_date(row.get(key, ""))
        except ValueError as exc:
            raise MetadataError(f"{path}, line {line}, {key}: {exc}") from None
    try:
        year = table_year(row.get("year"))
    except ValueError as exc:
        raise MetadataError(f"{path}, line {line}: {exc}") from None
    dated = next((key for key in _DATES if row.get(key)), None)
    if year and dated and (said := _parse_date(row[dated]).year) != year:
        warnings.warn(f"{path}, line {line}: year {year}, but {dated} {row[dated]}: the year is "
                      f"{said}, as the date says", InputWarning, stacklevel=6)
    doc_type = row.get("doc_type", "")
    if doc_type and doc_type not in DOC_TYPES:
        raise MetadataError(f"{path}, line {line}: doc_type {doc_type!r} is not one of {', '.join(DOC_TYPES)} "
                            "(or 政府工作报告, 党代会报告, 访谈, 报道; leave it empty when none fits)")
    name = row["file"]
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or \
            ".." in PurePosixPath(name.replace("\\", "/")).parts:
        raise MetadataError(f"{path}, line {line}: file {name!r} is outside the corpus folder; "
                            "give a path relative to the folder, without '..'")


def read_metadata(path: str | Path) -> list[dict]:
    """The rows of a metadata table, each a dict of stripped strings plus its "_line" number."""
    path = Path(path)
    reader = csv.reader(io.StringIO(_table_text(path)))
    header = [h.strip().lower() for h in next(_records(path, reader), (1, []))[1]]   # ID,File,Place too
    _check_header(path, header)
    _warn_of_other_columns(path, header)
    rows: list[dict] = []
    problems: list[str] = []     # every faulty row is named in one error, not just the first
    ids: dict[str, int] = {}
    files: dict[str, int] = {}
    for line, fields in _records(path, reader):
        if not any(f.strip() for f in fields):
            continue  # a blank line
        try:
            rows.append(_checked_row(path, line, header, fields, ids, files))
        except MetadataError as exc:
            problems.append(str(exc))
    raise_together(MetadataError, problems, f"{path}: {len(problems)} rows are faulty")
    if not rows:
        raise MetadataError(f"{path}: metadata table has no rows")
    return rows


def _records(path: Path, reader) -> Iterator[tuple[int, list[str]]]:
    """(first line, fields) of each record the reader has left. A record the csv module cannot
    read (a field over its limit of 131,072 characters: most likely an unclosed quote) is an
    error naming the line where it starts."""
    start = reader.line_num + 1
    try:
        for fields in reader:
            yield start, fields
            start = reader.line_num + 1
    except csv.Error as exc:
        raise MetadataError(f"{path}, line {start}: cannot be read as CSV ({exc}; an unclosed quote?)") from None


def _check_header(path: Path, header: list[str]) -> None:
    missing = [col for col in _REQUIRED if col not in header]
    if missing:
        # id;file;place… or id<TAB>file…: one column holding every name, with another separator
        other = next((sep for sep in (";", "\t", "|", "；", "，") if len(header) == 1 and sep in header[0]), None)
        hint = (f"; the header is separated by {other!r}, not by commas: save the table as comma-separated CSV"
                if other else "")
        raise MetadataError(f"{path}: metadata table lacks column(s) {', '.join(missing)} "
                            f"(header: {', '.join(header) or 'empty'}){hint}")
    twice = sorted({name for name in header if name and header.count(name) > 1})
    if twice:   # the second place would silently override the first
        raise MetadataError(f"{path}, line 1: column(s) {', '.join(twice)} named more than once in the header")


def _warn_of_other_columns(path: Path, header: list[str]) -> None:
    """Columns policytext does not read are kept in Document.meta but used nowhere: a `city` meant
    as the place would leave every report without one. Said once per table."""
    other = [name for name in header if name and name not in METADATA_COLUMNS and name not in _ALSO_READ]
    if not other:
        return
    meant = [f"{name} -> {_LIKELY[name]}" for name in other if _LIKELY.get(name) and _LIKELY[name] not in header]
    warnings.warn(f"{path}: column(s) {', '.join(other)} are not read by policytext (kept, but used nowhere)"
                  + (f"; rename {', '.join(meant)}" if meant else "")
                  + f"; the columns it reads: {', '.join(METADATA_COLUMNS + list(_ALSO_READ))}",
                  InputWarning, stacklevel=5)


def _checked_row(path: Path, line: int, header: list[str], fields: list[str],
                 ids: dict[str, int], files: dict[str, int]) -> dict:
    """One row of the table as a dict, with its "_line"; a MetadataError naming the line when it
    is malformed or repeats an id or a file of an earlier row (`ids`, `files`: their first lines)."""
    # (an unclosed quote swallows the rows after it into one value: said before the count it upsets)
    if (broken := next((k for k, value in enumerate(fields) if "\n" in value or "\r" in value), None)) is not None:
        column = header[broken] if broken < len(header) and header[broken] else f"column {broken + 1}"
        raise MetadataError(f"{path}, line {line}: the {column} value runs over more than one line "
                            f"({fields[broken].strip()[:40]!r}); an unclosed quote swallows the rows after it")
    if len(fields) != len(header):
        raise MetadataError(f"{path}, line {line}: {len(fields)} fields, but the header has "
                            f"{len(header)} ({', '.join(header)}); quote values that contain commas")
    lost = next((k for k, (key, value) in enumerate(zip(header, fields)) if not key and value.strip()), None)
    if lost is not None:
        raise MetadataError(f"{path}, line {line}: value {fields[lost].strip()[:40]!r} in column {lost + 1}, "
                            "which has no name in the header; name the column or remove the value")
    row = {key: _visible(value, path, line) for key, value in zip(header, fields) if key}
    if "doc_type" in row:
        row["doc_type"] = _DOC_TYPE_WRITTEN.get(row["doc_type"].lower(), row["doc_type"])
    _check_row(path, line, row)
    if row["id"] in ids:
        raise MetadataError(f"{path}, line {line}: duplicate id {row['id']!r} (first on line {ids[row['id']]})")
    same = os.path.normpath(row["file"].replace("\\", "/"))  # "./a.txt" is "a.txt"
    if same in files:
        raise MetadataError(f"{path}, line {line}: file {row['file']!r} listed twice "
                            f"(first on line {files[same]})")
    if inside_folder(path.parent, row["file"]) == path.resolve():
        raise MetadataError(f"{path}, line {line}: file {row['file']!r} is the metadata table itself, not a report")
    ids[row["id"]], files[same] = line, line
    return {**row, "_line": line}


# How far above a file given alone its corpus's table is looked for (r/metadata.csv lists
# 2021/report.txt; r/2021/report.txt is given): the nearest table decides.
TABLE_LEVELS_UP = 2


def row_beside(path: Path, tables: dict) -> dict | None:
    """The row that lists the file ``path`` in the nearest metadata table: beside it, else in a
    folder up to TABLE_LEVELS_UP above it (its row names it by its path inside that folder); None
    with a warning when that table does not list the file (as a folder's table warns). A table
    above that cannot be read is not the file's: it is passed over. ``tables``: the tables read
    so far, by folder."""
    # from its absolute folder: `report.txt` given inside r/2021 is looked for in r/ as well
    beside = Path(os.path.abspath(path.parent))
    for folder in (beside, *list(beside.parents)[:TABLE_LEVELS_UP]):
        if folder not in tables:
            tables[folder] = _listed(folder, beside=folder == beside)
        table, rows = tables[folder]
        if rows:
            row = rows.get(path.resolve())
            if row is None:
                up = len(beside.parts) - len(folder.parts)
                where = f"{up} folder(s) above it" if up else "beside it"
                warnings.warn(f"{escaped(path)}: no row in {escaped(table)} {where}; metadata taken from its text",
                              InputWarning, stacklevel=3)
            return dict(row) if row else None
    return None


def _listed(folder: Path, *, beside: bool) -> tuple[Path, dict]:
    """(the folder's table, its rows by the file each names); a table above a file that is not
    well formed is passed over (its errors are for that folder's corpus)."""
    table = find_table(folder)
    try:
        rows = read_metadata(table) if table.is_file() else []
    except (MetadataError, DecodeError, OSError):
        if beside:
            raise
        rows = []
    return table, {inside_folder(folder, row["file"]): row for row in rows}


def row_path(table: Path, row: dict) -> Path:
    """The file a row names, inside the table's folder (links resolved); MetadataError otherwise."""
    target = inside_folder(table.parent, row["file"])
    if target is None:
        raise MetadataError(f"{table}, line {row.get('_line', '?')}: file {row['file']!r} leads outside "
                            f"the corpus folder {table.parent.resolve()}")
    return target


def inside_folder(folder: Path, name: str) -> Path | None:
    """Where ``name`` leads from ``folder``, links resolved, when that is inside the folder; None when it
    leads out of it. The one rule for a table's rows and a folder's files. (A loop of links leads
    nowhere: its own path, which is no file.)"""
    folder = folder.resolve()
    try:
        target = (folder / name).resolve()
    except (OSError, RuntimeError):     # a loop of links (RuntimeError before Python 3.13)
        target = folder / name
    return target if target.is_relative_to(folder) else None


# ---------------------------------------------------------------- metadata from the report's words

METADATA_HEAD = 600     # the opening read for metadata: title, dateline, speaker
_UNITS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "省", "市", "区", "县", "旗", "州", "盟")
_UNIT = "(?:" + "|".join(_UNITS) + ")"
_PLACE = rf"(?![年月日在])[\u4e00-\u9fff]{{1,16}}?{_UNIT}"
_GOV = "(?:(?:人民)?政府|管委会|管理委员会)"
_NTH = "第?[一二三四五六七八九十0-9]+"
_PLACE_PATTERNS = [
    # 2026年内蒙古自治区政府工作报告 / 陕西省2026年政府工作报告 / 海拉尔区政府工作报告
    # (a development zone's committee reports as its government: 2023年兰州新区管委会工作报告)
    re.compile(rf"(?:^|[^\u4e00-\u9fff]|年)({_PLACE})(?:[0-9０-９]{{4}}年)?{_GOV}工作报告"),
    # 在海拉尔区第十四届人民代表大会 / 在甘肃省十四届人民代表大会
    re.compile(rf"在({_PLACE}){_NTH}届人民代表大会"),
    # 在中国共产党嘉峪关市第十二次代表大会上
    re.compile(rf"中国共产党({_PLACE}){_NTH}次代表大会"),
    # 海拉尔区人民政府区长 / 呼伦贝尔市海拉尔区人民政府代区长 / 海南省省长
    re.compile(rf"(?:^|[^\u4e00-\u9fff])({_PLACE})(?:人民政府)?代?(?:省长|市长|区长|县长|旗长|州长|盟长|主席)"),
    # ——访金昌市委书记王钧
    re.compile(rf"访({_PLACE})委?(?:书记|副书记)"),
]
# A dateline opens its line: ——2021年12月14日在嘉峪关市第十一届人民代表大会第一次会议上. A
# congress named inside a sentence (学习贯彻在中国共产党…代表大会上的报告精神) is not one.
_DATELINE = r"(?:^|\n)[—\-－(（]*(?:[0-9〇零一二三四五六七八九十]{2,4}年[0-9〇零一二三四五六七八九十]{1,2}月[0-9〇零一二三四五六七八九十]{1,3}日)?"
_DOC_TYPE_PATTERNS = [      # on the opening with whitespace removed (政 府 工 作 报 告)
    ("party_congress_report", re.compile(rf"{_DATELINE}在中国共产党.{{1,20}}?{_NTH}次代表大会上")),
    ("interview", re.compile(r"(?:——|—|--)访|答记者问|专访")),
    # a title line that ends the line, or the people's congress the report was delivered to
    # (a title may end in （摘要）: the web copy of an abridged text)
    ("gov_work_report", re.compile(rf"(?:^|\n).{{0,24}}{_GOV}工作报告(?:[(（](?:摘要|全文|节选|摘登)[)）])?(?:\n|$)|"
                                   rf"{_DATELINE}在.{{1,20}}?{_NTH}届人民代表大会.{{0,8}}会议上")),
]


def place_from_text(text: str, *, head: int = METADATA_HEAD) -> str | None:
    """The place a report is of, read from its first ``head`` characters: the title line
    (海拉尔区政府工作报告), the congress (在海拉尔区第十四届人民代表大会, 在中国共产党嘉峪关市第
    十二次代表大会), the speaker's office (海拉尔区人民政府区长) or an interview's byline (访金昌市委
    书记). A place written with its parent (呼伦贝尔市海拉尔区) gives the last unit (海拉尔区).
    None when nothing matches."""
    start = str(text or "")[:head]
    for pattern in _PLACE_PATTERNS:
        m = pattern.search(start)
        if m:
            return _own_name(m.group(1))
    return None


def same_places(places: Iterable[str]) -> dict[str, str]:
    """Places of one corpus written more than one way -> the one way to read them: a place with
    its parent (呼伦贝尔市海拉尔区) -> the place alone (海拉尔区), a name without its unit (海拉尔) ->
    the name with it. Only when no other place could be meant: 沈阳市和平区 and 天津市和平区 stay
    apart, and so do 朝阳 and 朝阳区 beside 朝阳市."""
    names = {p for p in places if p}
    own = {p: _own_name(p) for p in names}
    with_parent = Counter(own[p] for p in names if own[p] != p)     # how many parents each is written with
    same = {p: own[p] for p in names if own[p] != p and own[p] in names and with_parent[own[p]] == 1}
    without_unit: dict[str, set[str]] = {}                          # 海拉尔 -> the places it may mean
    for q in names:
        for unit in _UNITS:
            if own[q].endswith(unit) and len(own[q]) > len(unit):
                without_unit.setdefault(own[q][:-len(unit)], set()).add(same.get(q, q))
    for p in names - set(same):
        meant = without_unit.get(p, set())
        if not _ENDS_IN_UNIT.search(p) and len(meant) == 1:
            same[p] = next(iter(meant))
    return same


def _own_name(place: str) -> str:
    """The place without its parents: 呼伦贝尔市海拉尔区 -> 海拉尔区, 浙江省杭州市 -> 杭州市: the
    shortest end of three characters or more that follows a unit (杭州市 and 兰州新区 stay whole)."""
    if _ENDS_IN_UNIT.search(place):
        for k in range(len(place) - 3, 0, -1):
            if _ENDS_IN_UNIT.search(place, 0, k):
                return place[k:]
    return place


_ENDS_IN_UNIT = re.compile(_UNIT + "$")


def doc_type_from_text(text: str, *, head: int = METADATA_HEAD) -> str | None:
    """The kind of report (one of DOC_TYPES), read from its first ``head`` characters: the
    party congress it was delivered to, an interview's byline (——访, 答记者问), a title line
    ending in 政府工作报告 or the people's congress. None when nothing matches (features have
    no fixed form)."""
    start = "\n".join(re.sub(r"\s+", "", line) for line in str(text or "")[:head].splitlines())
    return next((kind for kind, pattern in _DOC_TYPE_PATTERNS if pattern.search(start)), None)


# A date written out: the dateline ——2021年12月14日在…, or 二〇二六年一月二十七日 as 甘肃 2026 writes it.
_CN_DAY = "[一二三四五六七八九十]{1,3}"
_WRITTEN_DATE = re.compile(rf"((?:19|20)\d\d|[一二][〇零○一二三四五六七八九]{{3}})\s*年\s*(\d{{1,2}}|{_CN_DAY})\s*月"
                           rf"\s*(\d{{1,2}}|{_CN_DAY})\s*日")
# A dateline that gives the month only: ——2024年1月在州第十六届人民代表大会第三次会议上
_DATELINE_MONTH = re.compile(rf"(?:^|\n)\s*[—\-－]+\s*((?:19|20)\d\d|[一二][〇零○一二三四五六七八九]{{3}})\s*年"
                             rf"\s*(\d{{1,2}}|{_CN_DAY})\s*月(?!\s*(?:\d{{1,2}}|{_CN_DAY})\s*日)")
# The title's year: 2026年甘肃省政府工作报告, 陕西省2026年政府工作报告, 2023年国民经济和社会发展计划
_TITLE_YEAR = re.compile(rf"((?:19|20)\d\d)\s*年\s*[\u4e00-\u9fff]{{0,16}}?(?:{_GOV}工作报告|国民经济和社会发展)")
# A web page's stamp: 发布日期: 2021-12-03 09:06, 时间：2026-02-10
_STAMP = re.compile(r"(?:日期|时间)\s*[:：]?\s*((?:19|20)\d\d)\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
# A news page's stamp line: a date and a clock time opening the line, the year often in two
# digits (22-04-28 08:46 来源:中国甘肃网): 2022
_CLOCK_STAMP = re.compile(r"(?m)^[ \t\u3000]*((?:19|20)?\d\d)-(\d{1,2})-(\d{1,2})[ \t\u3000]+\d{1,2}:\d\d")


def _date(parts) -> dt.date | None:
    try:
        return dt.date(*(int(parse_number(part)) for part in parts))
    except ValueError:
        return None


def impossible_date(text: str, *, head: int = METADATA_HEAD) -> str | None:
    """The first date written out in the first ``head`` characters when it does not exist
    (2026年2月30日), else None: date_from_text passes it over, and the loader says so."""
    match = _WRITTEN_DATE.search(str(text or "")[:head])
    return match.group() if match and _date(match.groups()) is None else None


def written_date(text: str, *, head: int = METADATA_HEAD) -> dt.date | None:
    """The first date written out in full in the first ``head`` characters (2021年12月14日,
    二〇二六年一月二十七日), else the first day of a dateline's month (——2024年1月在…), or None."""
    start = str(text or "")[:head]
    if match := _WRITTEN_DATE.search(start):
        return _date(match.groups())
    match = _DATELINE_MONTH.search(start)
    return _date((*match.groups(), "1")) if match else None


def date_from_text(text: str, *, head: int = METADATA_HEAD) -> dt.date | None:
    """When a report speaks, read from its first ``head`` characters: a date written out (the
    dateline 2021年12月14日, also in Chinese numerals 二〇二六年一月二十七日), else a dateline's month
    (——2024年1月在…: its first day), else the title's
    year (2026年甘肃省政府工作报告: 1 January of it), else a web page's stamp (发布日期: 2021-12-03,
    or a line opening on 22-04-28 08:46). A date that does not exist (——2026年2月30日, see
    impossible_date) is passed over, not read as its month.
    None when there is none."""
    start = str(text or "")[:head]
    for pattern in (_WRITTEN_DATE, _DATELINE_MONTH, _TITLE_YEAR, _STAMP, _CLOCK_STAMP):
        # (the title gives a year alone: its first day)
        if (match := pattern.search(start)) and (found := _date((*match.groups(), "1", "1")[:3])):
            return found.replace(year=found.year + 2000) if found.year < 100 else found
    return None


def fill_from_text(meta: dict, text: str) -> tuple[str, ...]:
    """Fill an empty place, doc_type, speaker and role of `meta` from the report's opening; the
    keys filled."""
    filled = []
    speaker, role = speaker_from_text(text)
    # (the role only for the speaker the table names, or for the one read here)
    same = not str(meta.get("speaker") or "") or meta.get("speaker") == speaker
    for key, read in (("place", place_from_text), ("doc_type", doc_type_from_text),
                      ("speaker", lambda _: speaker), ("role", lambda _: role if speaker and same else None)):
        if not str(meta.get(key) or "") and (found := read(text)):
            meta[key] = found
            filled.append(key)
    return tuple(filled)


# The speaker's office and name on a line of their own, or at the end of the dateline: 省人民政府省长
# 王清宪, 自治区主席 韦 韬, …第四次会议上 陕西省省长 赵刚, 海拉尔区人民政府区长　　杨国宏
# (a caption 图为省长…, the speaker of another body (政协主席, 大会执行主席) is not the report's; a
# name may be written with its middle dot and be longer: 艾尔肯·吐尼亚孜)
_SPEAKER = re.compile(r"(?:^|[ \t\u3000])((?!图为)(?:(?![的我要是了和与在协行])[\u4e00-\u9fff]){0,16}?代?"
                      r"(?:省长|市长|区长|县长|旗长|州长|盟长|(?:自治区|政府)主席))"
                      r"[ \t\u3000:：]+([\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}"
                      r"|[\u4e00-\u9fff]{2,5}·[\u4e00-\u9fff]{2,6})[ \t\u3000]*$", re.M)


def speaker_from_text(text: str, *, head: int = METADATA_HEAD) -> tuple[str | None, str | None]:
    """(speaker, role) from the first ``head`` characters, or (None, None)."""
    m = _SPEAKER.search(str(text or "")[:head])
    if m is None:
        return None, None
    return re.sub(r"[ \u3000]", "", m.group(2)), m.group(1)
