"""Tables for reading: per-column precision, units in headers, a caption, no noise.

`style_table` turns a DataFrame from a `textstat_*` function into a pandas
Styler that a report reader can take in at once: rates to one or two decimals,
p-values in scientific notation, % where a value is a percentage, Chinese text
left-aligned and never wrapped, and no meaningless 0..n index.

Every table can be taken away: its caption ends in a CSV link that holds the table's rows
(`csv_link`), so a reader of an HTML report can open them in a spreadsheet without running
anything.
"""
from __future__ import annotations

import base64
import html
import re
from typing import Iterable, Mapping

import pandas as pd

from .filenames import readable_name

__all__ = ["style_table", "csv_link", "whole_percents", "file_sentences"]

_TEXT_CSS = [("text-align", "left"), ("white-space", "nowrap")]
_SHORT = 24  # characters: a text column no longer than this never wraps


def _formatter(decimals: int, *, percent: bool = False, scientific: bool = False, thousands: bool = False,
               written: bool = False):
    sep = "," if thousands else ""

    def fmt(value):
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return ""
        if not isinstance(value, (int, float)):
            return str(value)
        if scientific:
            return f"{value:.1e}"
        if written:         # a figure from a report, as it wrote it: 1.15 and 50 in one column
            return format(float(value), ".12g")
        number = round(float(value), decimals)
        number = 0.0 if number == 0 else number  # no -0.0
        text = f"{number:{sep}.{decimals}f}"
        return f"{text}%" if percent else text
    return fmt


# Character offsets are looked up, not read as amounts: never 10,641.
_OFFSET = re.compile(r"(?:.*_)?(?:start|end|offset)s?")


def _thousands(column, values: pd.Series) -> bool:
    """Thousands separators for a whole column or none (8357 beside 11,919 misleads): when some value
    reaches 10,000, as fmt_number writes numbers in sentences; years (2021) stay bare, offsets always."""
    if isinstance(column, str) and _OFFSET.fullmatch(column):
        return False
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    return bool(len(numbers)) and float(numbers.abs().max()) >= 10_000


def _default_decimals(values: pd.Series) -> int:
    """0 for whole numbers stored as floats (a year or a count with gaps: 2021, not 2021.0), else 1."""
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    return 0 if len(numbers) and (numbers == numbers.round()).all() else 1


def style_table(frame: pd.DataFrame, *, caption: str, decimals: Mapping[str, int] | None = None,
                percent: Iterable[str] = (), scientific: Iterable[str] = (), written: Iterable[str] = (),
                rename: Mapping[str, str] | None = None, index: bool = False):
    """A Styler of `frame` for reading.

    Cell text, headers, index labels and the caption are HTML-escaped (they come from the
    data). `caption` says what is shown (for a difference: what minus what). `decimals`
    maps column → decimals (whole numbers default to 0, other floats to 1); columns in `percent` get a %
    sign, columns in `scientific` (p-values) are shown as 1.2e-05, columns in `written` (figures
    from the reports) each with the decimals it was written with (1.15, 50, not 1.1 and 50.0). `rename`
    puts units into headers (e.g. {"per_1000": "per 1,000 tokens"}), applied
    last. The index is hidden unless `index=True` (a meaningful index).
    """
    decimals = dict(decimals or {})
    percent, scientific, written = set(percent), set(scientific), set(written)
    formats = {}
    for column in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column])
        if numeric or column in decimals or column in scientific or column in percent or column in written:
            formats[column] = _formatter(decimals.get(column, _default_decimals(frame[column])),
                                         percent=column in percent,
                                         scientific=column in scientific,
                                         thousands=_thousands(column, frame[column]), written=column in written)
    text_columns = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    # Short text (names, ids) never wraps; long text (sentences, term lists) wraps, left-aligned.
    short = [c for c in text_columns if frame[c].astype(str).str.len().max() <= _SHORT] if len(frame) else text_columns
    long = [c for c in text_columns if c not in short]
    styler = frame.style.format(formats, escape="html").set_caption(html.escape(caption) + csv_link(frame, caption,
                                                                                                   index=index))
    # Headers and index labels come from the data too (ids, places, terms as pivot columns).
    styler = styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    styler = styler.set_properties(subset=short, **dict(_TEXT_CSS)) if short else styler
    styler = styler.set_properties(subset=long, **{"text-align": "left", "white-space": "normal",
                                                   "min-width": "16em"}) if long else styler
    styler = styler.set_table_styles([{"selector": "caption", "props": [("caption-side", "top"),
                                                                        ("text-align", "left")]},
                                      {"selector": "th", "props": _TEXT_CSS}])
    if not index:
        styler = styler.hide(axis="index")
    if rename:
        labels = [html.escape(str(rename[c])) if c in rename else html.escape(str(c)) for c in frame.columns]
        styler = styler.relabel_index(labels, axis="columns")
    return styler


def whole_percents(shares: pd.DataFrame) -> pd.DataFrame:
    """Fractions that add to 1 in each row, as whole percents that add to 100 (largest remainder:
    the rounded-down values get the missing points in order of their remainders, ties left to right).
    Rounding each value alone shows 34% + 34% + 33% = 101% for three thirds' neighbours."""
    exact = shares.astype(float) * 100

    def row(values: pd.Series) -> pd.Series:
        floor = values.apply(int)
        short = round(values.sum()) - int(floor.sum())
        remainders = (values - floor).sort_values(ascending=False, kind="stable")
        floor[remainders.index[:max(short, 0)]] += 1
        return floor
    return exact.apply(row, axis=1) if len(exact) else exact.astype(int)


def file_sentences(frame: pd.DataFrame, corpus) -> pd.DataFrame:
    """``frame`` with each sentence column (sentence, target_sentence …) as the file has it, found by
    the doc and start columns of the same prefix (doc/start, target_doc/target_start …): a reader
    searching the file finds it (the tables' sentences are the clean text's: ASCII commas, Simplified).
    A row whose document is not in ``corpus``, or has no offset, keeps its sentence."""
    def as_filed(doc_id, start, text):
        if not isinstance(doc_id, str) or doc_id not in corpus or pd.isna(start):
            return text
        return corpus[doc_id].file_sentence(int(start)) or text

    out = frame.copy()
    for column in [c for c in frame.columns if isinstance(c, str) and c.endswith("sentence")]:
        prefix = column[:-len("sentence")]
        doc, start = prefix + "doc", prefix + "start"
        if doc in frame and start in frame:
            out[column] = [as_filed(*row) for row in zip(frame[doc], frame[start], frame[column])]
    return out


# A table above this size as CSV gets no link: the page would carry it twice (a seed report's
# quantities with their sentences are about 60 kB; the largest table of a report, 300 kB).
CSV_LINK_MAX_BYTES = 2_000_000


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...) from a
# place or a sentence); OWASP's remedy is a leading apostrophe, which Excel shows as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value):
    if isinstance(value, tuple):                # a label of a MultiIndex
        return tuple(_inert(part) for part in value)
    if not isinstance(value, str):
        return value
    value = readable_name(value)                # a file name in GBK bytes: surrogates UTF-8 cannot write
    return "'" + value if value.startswith(_FORMULA_START) else value


def _for_spreadsheet(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with every text cell, column name and index label that a spreadsheet would run
    as a formula made inert. Numbers are never touched: -0.5 stays a number."""
    out = frame.copy()
    for i, column in enumerate(frame.columns):
        if not pd.api.types.is_numeric_dtype(frame[column]):
            out.isetitem(i, frame[column].map(_inert))
    out.columns = frame.columns.map(_inert)
    out.index = frame.index.map(_inert)
    return out


def csv_link(frame: pd.DataFrame, caption: str, *, index: bool = False) -> str:
    """An HTML link (` · CSV`) that downloads `frame` as CSV: its values unformatted, its own
    column names, UTF-8 with a byte-order mark (which Excel needs to read Chinese), and a text
    cell that a spreadsheet would run as a formula prefixed with an apostrophe; a file name whose bytes
    are not UTF-8 as filenames.readable_name reads it. The file is
    in the link itself (a data: URL), so nothing is written and a report stays one page. Named
    after the caption's first words; '' for a table over CSV_LINK_MAX_BYTES."""
    data = _for_spreadsheet(frame).to_csv(index=index, lineterminator="\r\n").encode("utf-8-sig")
    if len(data) > CSV_LINK_MAX_BYTES:
        return ""
    head = re.split(r"[(:;,]", caption, maxsplit=1)[0].replace("'", "").replace("\u2019", "")
    words = [w for w in re.findall(r"[A-Za-z0-9]+", head) if w.lower() not in ("the", "a", "an")][:5]
    name = "-".join(words).lower() or "table"
    url = "data:text/csv;charset=utf-8;base64," + base64.b64encode(data).decode("ascii")
    return (f' · <a download="{html.escape(name)}.csv" href="{url}" '
            f'title="the rows of this table as CSV (UTF-8), for a spreadsheet">CSV</a>')
