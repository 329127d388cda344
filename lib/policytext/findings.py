"""Sentences that state findings, written from the objects a notebook shows.

Every function here takes the table (or figure data) that the notebook displays
and returns Markdown. A notebook never writes a place, a number or a ranking by
hand: it calls one of these, so the prose cannot disagree with the table beside
it, and a selection with nothing to show gets one sentence saying so.

Text from the data (place names, titles, terms, sentences) goes through
`md_escape` before it enters Markdown, so it is shown, never interpreted.
"""
from __future__ import annotations

import html
import math
import re

__all__ = ["md_escape", "fmt_number", "fmt_percent", "nothing_to_show"]

# Markdown punctuation that could start emphasis, links, code, headings, tables or HTML.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def md_escape(text: object) -> str:
    """`text` as inert Markdown: HTML escaped, Markdown punctuation backslashed, one line."""
    escaped = html.escape(str(text), quote=True)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    return " ".join(escaped.split())


def fmt_number(value: float | int | None, *, decimals: int = 1) -> str:
    """A number as a reader writes it: thousands separators, fixed decimals, no -0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # never print -0.0
    if decimals == 0:
        return f"{int(rounded):,}"
    return f"{rounded:,.{decimals}f}"


def fmt_percent(value: float | None, *, decimals: int = 1) -> str:
    """A percentage value (already in percent, 7.5 → "7.5%")."""
    text = fmt_number(value, decimals=decimals)
    return text if text == "–" else f"{text}%"


def nothing_to_show(what: str, why: str) -> str:
    """The one sentence a section shows when the selection gives it nothing."""
    return f"*Nothing to show for this selection: {what} — {why}.*"


# --- term frequency, themes, corpus (notebooks 00-03) ---------------------------------


# --- target tracking (notebooks 04-05) -------------------------------------------------
