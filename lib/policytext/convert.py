"""From decoded text to the text analysed: HTML taken apart, Traditional Chinese converted.

HTML. A file whose text looks like HTML (`looks_like_html`: an <html>/<body>/<head> tag or a
doctype, or at least two paragraph-level tags such as <p>, <div>, <br>) is taken apart at
load time with BeautifulSoup and the standard library's html.parser: scripts, styles and
comments dropped, one line per block element, entities resolved. The extracted text
becomes the Document's `raw` (so every offset refers to it, not to the markup) and
`Document.format` says "html". Markup thus never reaches tokens or quantities. A plain-text
file that kept the entities of a page's source (&nbsp;, &ldquo;) has them read as the
characters they stand for (`resolve_entities`), with a warning that names them; so are the
invisible characters pages hide in their text (zero-width spaces, soft hyphens) dropped
(`drop_invisible`).

Traditional Chinese. `script_of` calls a text Traditional when it has more characters
that exist only in Traditional than characters that exist only in Simplified. The
analyses then read `to_simplified(raw)`, made with OpenCC's t2s conversion; it must keep
the length character by character, because offsets still index the Traditional raw text.
When OpenCC's phrase-level result changes the length, each character is converted alone.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

__all__ = ["looks_like_html", "html_to_text", "resolve_entities", "drop_invisible", "characters_named", "script_of",
           "to_simplified"]

_HTML_DOC = re.compile(r"<!doctype\s+html|<(html|body|head)[\s>]", re.I)
_HTML_TAG = re.compile(r"</?(p|div|br|span|td|tr|li|ul|table|h[1-6]|a\s+href|strong|font|img|section|article)\b[^>]*>",
                       re.I)
_BLOCKS = ["p", "div", "br", "li", "tr", "td", "th", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
           "h6", "section", "article", "header", "footer", "title", "blockquote", "pre", "hr", "dd", "dt"]


def looks_like_html(text: str) -> bool:
    """True when `text` is an HTML page or fragment rather than plain text with a stray '<'."""
    head = text[:4096]
    return bool(_HTML_DOC.search(head)) or len(_HTML_TAG.findall(head, 0, 4096)) >= 2 or \
        len(_HTML_TAG.findall(text[:200_000])) >= 2


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page or fragment: one line per block, no markup."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(markup, "html.parser")
    for junk in soup(["script", "style", "noscript", "template", "iframe", "svg"]):
        junk.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (line.strip() for line in soup.get_text().replace("\xa0", " ").split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


# &nbsp; &ldquo; &#8220; &#x201C;: what a plain-text copy of a page's source keeps of its markup
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#[0-9]{2,7}|#[xX][0-9A-Fa-f]{2,6});")


def resolve_entities(text: str) -> tuple[str, list[str]]:
    """`text` with the HTML entities a plain-text file holds read as the characters they stand
    for (&nbsp; as a space, as html_to_text reads it), and the entities found; an &name; that
    is no entity stays as written."""
    import html

    found: list[str] = []

    def char(m: re.Match) -> str:
        read = html.unescape(m.group())
        if read == m.group():
            return read
        found.append(m.group())
        return read.replace("\xa0", " ")
    return (_ENTITY.sub(char, text) if "&" in text else text), found


# Characters a web page hides in its text (zero-width spaces, soft hyphens, bidi marks, a byte
# order mark inside the text): invisible to a reader, they split 地区生产\u200b总值 for the analyses
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def drop_invisible(text: str) -> tuple[str, list[str]]:
    """`text` without the invisible format characters of web pages, and those dropped. A
    byte-order mark that opens the file stays: offsets then agree with Python's own reading."""
    start = 1 if text.startswith("\ufeff") else 0
    found = _INVISIBLE.findall(text, start)
    return (text[:start] + _INVISIBLE.sub("", text[start:]) if found else text), found


def characters_named(chars: Iterable[str]) -> str:
    """Each kind of character once, in order, as a warning names it: "U+200B zero width space"."""
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '').lower()}".strip() for c in dict.fromkeys(chars))


@lru_cache(maxsize=1)
def _converters():
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=8192)
def _char_forms(ch: str) -> tuple[str, str]:
    t2s, s2t = _converters()
    return t2s.convert(ch), s2t.convert(ch)


@lru_cache(maxsize=1)
def _traditional_forms() -> frozenset[str]:
    """Traditional forms of the common characters (the last line of data/common_chars.txt)."""
    from .mojibake import COMMON_CHARS_PATH

    return frozenset(COMMON_CHARS_PATH.read_text(encoding="utf-8").splitlines()[-1])


def script_of(text: str, *, sample: int = 100_000) -> str:
    """"traditional" or "simplified" (also for text with no Chinese) by the characters that differ."""
    chars = set(text[:sample])
    if chars.isdisjoint(_traditional_forms()):
        return "simplified"  # no common Traditional form: no need to load OpenCC (0.3 s)
    traditional = simplified = 0
    for ch in chars:
        if not _is_han(ch):
            continue
        as_simplified, as_traditional = _char_forms(ch)
        if as_simplified != ch:
            traditional += 1  # a Traditional-only form
        elif as_traditional != ch:
            simplified += 1  # a Simplified-only form
    return "traditional" if traditional > simplified else "simplified"


def to_simplified(text: str) -> str:
    """t2s conversion with the same length, character for character, as `text`."""
    t2s, _ = _converters()
    converted = t2s.convert(text)
    if len(converted) == len(text) and converted.count("\n") == text.count("\n"):
        return converted
    table = {}
    for ch in set(text):
        single = _char_forms(ch)[0] if _is_han(ch) else ch
        table[ord(ch)] = single if len(single) == 1 else ch
    return text.translate(table)
