"""Quantities with provenance: targets, achieved values and estimates in policy reports.

:func:`quantities` runs :func:`extract_quantities` (:mod:`.quantity_pipeline`: spans, time,
subject, label) over every document of a corpus, keeps each document's rows in the cache, and
maps offsets back to the raw file text. The pipeline is imported on first use: a notebook whose
quantities are all cached never compiles its patterns (0.07 s per kernel).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .filenames import readable_name
from .indicators import IndicatorRegistry, indicator_registry, of_another_place
from .quantity_time import month_of, review_year_of

if TYPE_CHECKING:  # what static tools read; at run time, __getattr__ below
    from .quantity_pipeline import extract_quantities

__all__ = ["extract_quantities", "quantities", "review_year_of",
           "QUANTITY_COLUMNS"]

QUANTITY_COLUMNS = ["doc", "file", "start", "end", "text", "sentence", "part", "label", "indicator",
                    "indicator_text", "measure", "direction", "value", "value_high", "unit", "relation", "year",
                    "cue", "period_start", "period_end", "period"]


def __getattr__(name: str):
    if name == "extract_quantities":
        from .quantity_pipeline import extract_quantities
        return extract_quantities
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ------------------------------------------------------------------ corpus wrappers

def _doc_when(doc) -> tuple[int | None, int | None]:
    """(review year, month the document was given in, when known) of a document."""
    date = getattr(doc, "date", None)
    if date is not None:
        explicit_month = any(len(str(doc.meta.get(k) or "").strip()) >= 7
                             for k in ("date_delivered", "date_published"))
        if explicit_month or date.month != 1 or date.day != 1:
            return review_year_of(date.year, date.month), date.month
        year = date.year
    else:
        year = doc.year
    month = month_of(year, doc.clean)
    return review_year_of(year, month), month


def _frame(rows: list[dict]):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=QUANTITY_COLUMNS)
    if not frame.empty:
        for col in ("year", "period_start", "period_end"):
            frame[col] = frame[col].astype("Int64")
        frame["start"] = frame["start"].astype(int)
        frame["end"] = frame["end"].astype(int)
    return frame


def _doc_rows(doc, registry, context: str | None) -> list[dict]:
    """The rows of one document, with raw-text offsets. With a cache `context`, the rows in
    clean-text offsets are kept in the cache folder under everything they depend on: the clean
    text, the year, review year and month, the registry and policytext's source (context)."""
    from .cache import cache_get, cache_key, cache_put

    review_year, month = _doc_when(doc)
    key = cache_key(context, doc.clean, doc.year, review_year, month) if context is not None else None
    rows = cache_get("quantities", key) if key is not None else None
    if not _valid_rows(rows):
        from .quantity_pipeline import extract_quantities

        rows = extract_quantities(doc.clean, year=doc.year, review_year=review_year, month=month,
                                  paragraphs=doc.paragraphs, sentences=doc.sentences, registry=registry)
        if key is not None:
            cache_put("quantities", key, rows)
    # (a name that is not UTF-8 as the tables show it: filenames.readable_name)
    file_name = readable_name(doc.path.name) if getattr(doc, "path", None) is not None else ""
    place = doc.meta.get("place")
    for row in rows:
        row["start"], row["end"] = doc.to_raw(row["start"]), doc.to_raw(row["end"] - 1) + 1
        row["doc"], row["file"] = doc.id, file_name
        # (after the cache: its rows do not depend on the document's place)
        row["indicator"] = of_another_place(row["indicator"], row["indicator_text"], place, registry) or row["indicator"]
    return rows


_ROW_FIELDS = frozenset(QUANTITY_COLUMNS) - {"doc", "file"}


def _valid_rows(rows) -> bool:
    return isinstance(rows, list) and all(isinstance(r, dict) and set(r) >= _ROW_FIELDS for r in rows)


def _cache_context(registry: IndicatorRegistry) -> str:
    """What every document's cache key shares: policytext's source (a code change recomputes
    everything), the data files that name things (the lexicon and the dictionary cut list items:
    quantity_lists) and the registry's contents."""
    from .cache import cache_key, library_digest
    from .lexicon import data_versions

    return cache_key("quantities", library_digest(), data_versions(), sorted(registry.names.items()),
                     sorted(registry.measures.items()))


def quantities(corpus, *, registry: IndicatorRegistry | str | None = None, cache: bool = True):
    """One row per quantity in every document of ``corpus`` (a DataFrame).

    Columns: doc, file, start, end (offsets into ``doc.raw``), text, sentence, part, label
    (target / achieved / estimate), indicator (canonical), indicator_text (as written),
    measure (level / change / avg_change / share / count; attribute: a figure that describes
    the thing named after it, 大唐700万吨露天矿 or 500万元以上重点项目, or how long a run lasted,
    连续24个月; benchmark_gap: the distance from a
    benchmark's figure, 高于全国0.8个百分点; trackers leave the last two out), value, value_high, unit (as
    written, with magnitude), relation (>=, <=, ~, =), year, cue, period_start, period_end
    (nullable Int64 years) and period (display label: "2026", "2026–2030").

    A row holds for one year when period_start == period_end (== year).  An average annual
    rate (年均增长) has measure ``avg_change`` and holds for its span; its ``year`` is the
    span's last year (as the seed and held-out gold record it), never a single-year value.

    cache: keep each document's rows under policytext.cache.cache_dir() and reuse them (never
    stale: the key covers the clean text, the years, the registry and policytext's source).
    """
    if registry is None or isinstance(registry, (str, bytes)) or hasattr(registry, "__fspath__"):
        registry = indicator_registry(registry)
    context = _cache_context(registry) if cache else None
    rows: list[dict] = []
    for doc in corpus:
        rows.extend(_doc_rows(doc, registry, context))
    return _frame(rows)
