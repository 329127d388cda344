"""Is a decoded text Chinese, or text that a program once misread and saved again?

`decode` turns bytes into text; this module judges the text, whatever its bytes were:
- `plausibility`: the share of its visible characters a Chinese report is made of (ASCII,
  punctuation, symbols, the common Han characters of data/common_chars.txt);
- `mojibake`: Chinese bytes once read as Latin-1/cp1252 and saved again (Õþ¸®¹¤...), or UTF-8
  bytes once read as GBK (鏀垮簻...), or read wrongly twice, undone to name the wrong reading;
- `foreign`: text that is mostly accented letters, symbols or half-width kana, which is what
  Chinese bytes read with any other Western, DOS, Mac or Japanese code page become;
- `replaced`: text whose characters a program replaced by ? or U+FFFD: the text is lost.
Each returns why (a phrase for the error) or None.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

__all__ = ["PLAUSIBLE", "COMMON_CHARS_PATH", "common_chars", "plausibility", "mojibake", "foreign", "replaced",
           "plausible_chinese", "HAN", "without_spaces"]

PLAUSIBLE = 0.9  # real reports score >= 0.97; mojibake of short Big5 text about 0.5
COMMON_CHARS_PATH = Path(__file__).resolve().parent / "data" / "common_chars.txt"
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """The common Han characters (Simplified and their Traditional forms) of data/common_chars.txt."""
    lines = COMMON_CHARS_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(ch for line in lines if not line.startswith("#") for ch in line)


def _expected(ch: str, common: frozenset[str]) -> bool:
    if ch < "\x7f":
        return ch >= " " or ch in _ALLOWED_CONTROLS
    if ch in common:
        return True
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uac00" <= ch <= "\ud7af":
        return False  # a rare Han character, or Hangul: what mojibake is made of
    # Punctuation, symbols, Latin letters, full-width forms, numbers (①, Ⅳ, ℃ ...).
    return unicodedata.category(ch)[0] in "PSNZ" or "\uff00" <= ch <= "\uffef" or "\u00c0" <= ch <= "\u024f"


def plausibility(text: str) -> float:
    """Share of the visible characters that a Chinese report is made of (0..1); 1.0 for no text."""
    common = common_chars()
    # The first 200,000 characters are ample evidence, and keep a 50 MB file quick. Whitespace
    # is dropped (str.isspace), then a regex pass drops the common characters and ASCII;
    # what is left (punctuation, rare characters) is judged once per distinct character. A
    # test per character cost 0.37 s per 1M characters of GBK files, more than cutting them.
    visible = without_spaces(text[:200_000])
    if not visible:
        return 1.0
    rest = _usual_runs().sub("", visible)
    unusual = sum(n for ch, n in Counter(rest).items() if not _expected(ch, common))
    return (len(visible) - unusual) / len(visible)


def without_spaces(text: str) -> str:
    """The text without whitespace (str.split: 3x faster than a regex on Chinese text)."""
    return "".join(text.split())


@lru_cache(maxsize=1)
def _usual_runs() -> re.Pattern:
    """Runs of characters _expected always accepts: printable ASCII and the common Han ones."""
    return re.compile("[!-~" + re.escape("".join(sorted(common_chars()))) + "]+")


# cp1252's characters for the bytes 0x80-0x9F it defines (the rest of 0x80-0xFF is Latin-1); U+FFFD
# stands for a byte cp1252 has no character for (lost: any such byte will do)
_CP1252_BYTES = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_TO_BYTES = str.maketrans({**_CP1252_BYTES, "\ufffd": 0x81})
HAN = re.compile("[\u4e00-\u9fff]")
_LATIN1_LETTERS = re.compile("[\u00c0-\u00ff]")
# Mojibake may begin anywhere (a report whose second half was saved through a wrong reading), so
# the whole text is searched, in one regex pass, for what mojibake is made of: Latin-1 letters
# and rare Han characters. Only the lines holding them are judged, in blocks of up to 5,000
# characters: 1 MB of a real report costs about 2 ms.
_SAMPLE = 5_000
_UNDONE_COMMON = 0.8    # share of common characters among the Han of an undone mojibake (see below)


@lru_cache(maxsize=1)
def _suspects() -> re.Pattern:
    """A Latin-1 letter (not × or ÷), or a Han character that is not a common one."""
    common = {ord(ch) for ch in common_chars()}
    ranges: list[list[int]] = []   # as ranges: the class compiles in 5 ms, not 60
    for code in (*range(0x3400, 0x4dc0), *range(0x4e00, 0xa000)):
        if code in common:
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    rare = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)
    return re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff" + rare + "]")


def mojibake(text: str) -> str | None:
    """Why the text is mojibake (see the module doc), naming the first line that is, or None."""
    pos = 0
    while (found := _suspects().search(text, pos)) is not None:
        start, end = _block(text, found.start())
        # (mojibake is made of suspects, a third of it or more; a report's rare names are 1 in 100)
        if len(_suspects().findall(text, start, end)) * 20 >= end - start and (misread := _misread(text[start:end])):
            start = _first_misread_line(text, start, end) if HAN.search(text, start, end) else start
            line = text.count("\n", 0, start) + 1
            return f"it is mojibake: {misread} (line {line} begins {_opening(text[start:end])!r})"
        pos = max(end, found.end())
    return None


def _block(text: str, at: int) -> tuple[int, int]:
    """The lines from the one holding ``at``, while each holds a suspect character and Han
    characters as the first does or not (Latin-1 mojibake holds none), up to _SAMPLE characters."""
    line_start = text.rfind("\n", 0, at) + 1
    start = end = line_start if at - line_start <= 200 else at       # (a page's source may be one line)
    limit = min(len(text), start + _SAMPLE)
    han = None
    while end < limit:
        eol = text.find("\n", end, limit) + 1 or limit
        if text[end:eol].strip():
            if end > start and _suspects().search(text, end, eol) is None:
                break
            if han is None:
                han = HAN.search(text, end, eol) is not None
            elif (HAN.search(text, end, eol) is not None) != han:
                break
        end = eol
    return start, end


def _first_misread_line(text: str, start: int, end: int) -> int:
    """Where the mojibake of a block begins: its first line that is not plausible (a line holding a
    rare name may come before it)."""
    while start < end:
        eol = text.find("\n", start, end) + 1 or end
        if text[start:eol].strip() and plausibility(text[start:eol]) < PLAUSIBLE:
            return start
        start = eol
    return start


def _misread(sample: str, again: bool = True) -> str | None:
    """The wrong reading that made ``sample`` (which must say it all: the undoing gives plausible
    Chinese), or None; with ``again``, also a wrong reading of a text that was itself one."""
    if HAN.search(sample) is None:
        if len(_LATIN1_LETTERS.findall(sample)) < 8 or (data := _single_bytes(sample)) is None:
            return None
        # a Han character was 2 bytes (GBK) or 3 (UTF-8): a true undoing gives at least a quarter
        wanted = max(2, len(data) - len(sample.encode("ascii", errors="ignore"))) // 4
        undoings = [(data.decode(codec, errors="replace"), wanted, "UTF-8" if codec == "utf-8" else "GBK/GB18030")
                    for codec in ("utf-8", "gb18030")]
        wrong = "Latin-1/cp1252"
    else:
        if plausibility(sample) >= PLAUSIBLE:
            return None
        try:    # (a U+FFFD is where the wrong reading lost a byte: the character it was in is one U+FFFD)
            data = b"".join(part.encode("gb18030") for part in sample.split("\ufffd"))
        except UnicodeEncodeError:
            return None
        undoings = [(data.decode("utf-8", errors="replace"), len(HAN.findall(sample)) // 3, "UTF-8")]
        wrong = "GBK"
    for undone, wanted, shown in undoings:
        if plausible_chinese(undone, wanted):
            return f"{shown} Chinese text that was read as {wrong} and saved again"
        if again and (inner := _misread(undone, again=False)):
            return f"{inner}, then read as {wrong} and saved again"
    return None


def _opening(text: str) -> str:
    return text.strip().split("\n", 1)[0][:12]


def _single_bytes(sample: str) -> bytes | None:
    """The bytes a Latin-1/cp1252 reading turned into these characters (one that is none of them
    is a lost byte, as U+FFFD is), or None when more than 1 in 50 is none of them."""
    single = sample.translate(_TO_BYTES)
    others = len(_NOT_SINGLE.findall(single))
    return None if others * 50 > len(sample) else _NOT_SINGLE.sub("\x81", single).encode("latin-1")


_NOT_SINGLE = re.compile("[^\x00-\xff]")


def plausible_chinese(text: str, han_wanted: int) -> bool:
    """Enough Han characters, most of them common ones, and not too many U+FFFD where the wrong
    reading lost bytes. Only the Han characters vote: ASCII around them would carry a French
    text. Bytes that never were Chinese decode to rare characters (French accents read as
    GBK: none of 51 common); the undone GBK reading of TWIN in tests/test_hostile.py, whose lost
    bytes shift some pairs, gives 89% common ones."""
    han = HAN.findall(text)
    if len(han) < max(1, han_wanted) or text.count("\ufffd") > len(text) * 0.3:
        return False
    common = common_chars()
    return sum(ch in common for ch in han) >= _UNDONE_COMMON * len(han)


# What Chinese text is written with besides ASCII: Han characters, CJK and general punctuation,
# full-width forms, letter-like symbols and numbers (℃, Ⅳ, ①), and · × ÷ ° ±. Chinese bytes read
# with a Western, DOS or Mac code page become accented letters and symbols (GBK as cp1254:
# Õş ¸® ¹¤ ×÷; UTF-8 as Mac Roman: ÂòâÂ≥™), and read as Shift-JIS half-width kana (ﾕ ｸｮ).
_CHINESE_WRITING = re.compile("[\x00-\x7f\u00b0\u00b1\u00b7\u00d7\u00f7\u2000-\u206f\u2100-\u218f"
                              "\u2460-\u24ff\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
                              "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffee\U00020000-\U0003ffff]+")
FOREIGN = 0.25   # French text has about 13% accented letters, such mojibake 60-90% (hostile review)
_DECIDING = 100  # visible characters: fewer decide nothing (a title, a note with a foreign name)


def foreign(text: str) -> str | None:
    """Why a text is no Chinese report's: a quarter of its visible characters or more are neither
    ASCII nor what Chinese is written with; or None."""
    visible = without_spaces(text[:200_000])
    if len(visible) < _DECIDING:
        return None
    share = len(_CHINESE_WRITING.sub("", visible)) / len(visible)
    if share < FOREIGN:
        return None
    return (f"{share:.0%} of its characters are accented letters, symbols or half-width kana where a Chinese "
            "report has Chinese characters: it is text that was once decoded with the wrong encoding (GBK or "
            "UTF-8 read as a Western, DOS, Mac or Japanese code page) and saved again, or no Chinese report")


_CELL_FOREIGN = 0.4   # of a cell's visible characters: a place mangled through Mac Roman is all of it


def foreign_cell(value: str) -> str | None:
    """Why one short value (a metadata cell) is mojibake, as `foreign` judges a whole text: three
    or more accented letters, symbols or kana making 40% of it or more (Êµ∑ÊãâÂ∞î for 海拉尔, saved
    through Mac Roman); a name with an accent or two (José, Zürich) passes. Or None."""
    visible = without_spaces(value)
    odd = _CHINESE_WRITING.sub("", visible)
    if len(odd) < 3 or len(odd) < _CELL_FOREIGN * len(visible):
        return None
    return (f"{odd[:6]!r} are accented letters or symbols where the table would have Chinese: text decoded "
            "with the wrong encoding and saved again")


# A program that cannot write a character writes ? (saved as ANSI or ASCII), or one that cannot read
# it writes U+FFFD: runs of them stand where Chinese was
_LOST_RUNS = re.compile("[?\ufffd]{2,}")
LOST = 0.2     # a few are named in a warning; a fifth of the text is no report left


def replaced(text: str) -> str | None:
    """Why a text is lost: a fifth of its visible characters or more are ? or U+FFFD in runs; or None."""
    sample = text[:200_000]
    if "?" not in sample and "\ufffd" not in sample:     # (most reports: no pass over the text)
        return None
    visible = without_spaces(sample)
    if len(visible) < _DECIDING:
        return None
    lost = sum(map(len, _LOST_RUNS.findall(visible)))
    if lost < LOST * len(visible):
        return None
    what = "U+FFFD" if visible.count("\ufffd") > visible.count("?") else "'?'"
    return (f"{lost:,} of its {len(visible):,} visible characters are {what} in runs: a program that saved it "
            "could not write (?) or read (U+FFFD) its Chinese characters and put these in their place, so the "
            "text is lost")
