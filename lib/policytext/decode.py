"""From a file's bytes to plausible text, or a clear error naming the file and the problem.

Order of evidence:
1. Special files are refused before they are opened (`read_bytes`): a missing path, a
   folder, a FIFO or device (/dev/zero would never end), a file over MAX_BYTES.
2. A byte-order mark decides: UTF-32 (checked before UTF-16, whose BOM is its prefix),
   UTF-8, UTF-16. The rest must then decode strictly: a UTF-8 BOM followed by GBK bytes,
   UTF-16 with an odd byte count or a lone surrogate are errors, not guesses. A file
   holding only a BOM is empty.
3. Known binary formats (PDF, zip/docx, OLE/doc, images) are named and refused.
4. Valid UTF-8 is UTF-8 (a strict UTF-8 decode of other encodings is vanishingly rare).
5. Otherwise each candidate (GB18030, Big5, and UTF-16/32 without BOM when the bytes allow)
   that decodes strictly is scored by `plausibility`: the share of visible characters that
   are ASCII, common punctuation, or one of the common Han characters (data/common_chars.txt,
   Simplified and Traditional). The best candidate is taken only when it scores at least
   PLAUSIBLE; GB18030 mojibake of Big5 bytes, and cp949 readings of GBK, score far lower.
6. Every decoding, whatever its source, is refused when it holds NULs, control characters
   or private-use characters: these are never in a report.
7. Text that is itself garbage is refused (module `mojibake`, which judges text whatever its
   bytes were): Chinese bytes once read as Latin-1/cp1252 and saved again (Õþ¸®¹¤...), or UTF-8
   bytes once read as GBK and saved again (鏀垮簻...), or read wrongly twice, are undone to name
   the wrong reading; text that is mostly accented letters, symbols or half-width kana (Chinese
   read with another Western, DOS, Mac or Japanese code page) is refused as such; and so is text
   whose characters were replaced by runs of ? or U+FFFD (a fifth of it or more: the text is
   lost). A few replacement characters (U+FFFD), left where a program before us could not
   decode, are named in a warning.

`decode_bytes` returns (text, encoding); the encoding is what the loader records on the
Document (`Document.encoding`) and what `policytext ... --verbose` prints. `read_file` is the
whole way from a path to a report's text (an HTML page taken apart by `convert`); it lives
here rather than in `corpus` so that `policytext segment` starts without cleaning or metadata.
"""
from __future__ import annotations

import logging
import os
import re
import stat
import unicodedata
import warnings
from pathlib import Path

from .errors import DecodeError, InputWarning
from .mojibake import (HAN, PLAUSIBLE, common_chars, foreign, mojibake, plausibility,
                       plausible_chinese, replaced, without_spaces)

__all__ = ["decode_bytes", "read_bytes", "read_file", "read_text", "check_file", "plausibility", "common_chars", "MAX_BYTES", "PLAUSIBLE"]

MAX_BYTES = 200 * 1024 * 1024  # the largest report file read; far above any real report

_BOMS = [  # longest first: the UTF-32 LE mark starts with the UTF-16 LE mark
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16"), (b"\xfe\xff", "utf-16-be", "utf-16"),
]
_MAGIC = [
    (b"%PDF-", "a PDF, not text; extract its text first (e.g. pdftotext)"),
    (b"PK\x03\x04", "a zip archive (or .docx/.xlsx), not text; save it as plain text"),
    (b"\xd0\xcf\x11\xe0", "an MS Office file (.doc/.xls/.wps), not text; save it as plain text"),
    (b"{\\rtf", "an RTF document, not plain text; save it as plain text"),
    (b"\x89PNG", "a PNG image, not text"), (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
]


_BAD = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _bad_characters(text: str) -> str | None:
    """Why the text cannot be a report (NULs, controls, private use, lone surrogates), or None."""
    match = _BAD.search(text)  # one regex pass: a Python loop would cost seconds on 50 MB
    if match is None:
        return None
    code = ord(match.group())
    if code == 0:
        return "it contains NUL characters (binary data, or UTF-16/32 read with the wrong width)"
    if 0xd800 <= code <= 0xdfff:
        return "it contains a lone surrogate"
    if code >= 0xe000:
        return f"it contains the private-use character U+{code:04X} (wrong encoding, or a font-specific file)"
    return f"it contains the control character U+{code:04X} (binary data?)"


def _checked(text: str, encoding: str, name: str) -> tuple[str, str]:
    # (mojibake first: a Latin-1 reading turns bytes 0x80-0x9F into control characters)
    if problem := mojibake(text):
        raise DecodeError(f"{name}: read as {encoding}, but {problem}. Get the report again from "
                          "its source, or convert the original bytes, not this copy")
    if problem := _bad_characters(text):
        raise DecodeError(f"{name}: read as {encoding}, but {problem}")
    if not text.lstrip("\ufeff").strip():
        raise DecodeError(f"{name}: file is empty (no text after the byte-order mark)"
                          if text.startswith("\ufeff") else f"{name}: file has no text")
    if (encoded := _url_encoded(text)) is not None:
        raise DecodeError(f"{name}: is URL-encoded (percent-encoded) text ({encoded[:24]}…), not a report's "
                          "text: decode it first (urllib.parse.unquote)")
    if encoding.startswith("utf") and (problem := _implausible(text)):
        raise DecodeError(f"{name}: read as {encoding}, but {problem}. Get the original file")
    if problem := replaced(text) or foreign(text):
        raise DecodeError(f"{name}: read as {encoding}, but {problem}. Get the original file")
    if lost := text.count("\ufffd"):
        line = text.count("\n", 0, text.index("\ufffd")) + 1
        warnings.warn(f"{name}: holds {lost} replacement character(s) U+FFFD (first on line {line}): "
                      "a program that saved it could not decode some characters, and they are lost",
                      InputWarning, stacklevel=4)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


# A text this short decides nothing: a note may hold a rare name (UTF-8 has no other reading to compare)
_DECIDING_LENGTH = 100
# Chinese text URL-encoded (%E6%94%BF%E5%BA%9C: 政府): two characters' bytes in a row or more
_PERCENT_RUNS = re.compile(r"(?:%(?:E[0-9A-F]|[89AB][0-9A-F])){6,}", re.I)


def _url_encoded(text: str) -> str | None:
    """The first run of URL-encoded Chinese when such runs are a third of the text or more, and 100
    characters (a link that holds one in a page is no reason to refuse it); else None. Read as it
    is, 政府 written %E6%94%BF%E5%BA%9C gave quantities such as 94 and 9F (hostile review)."""
    sample = text[:200_000]
    # (every 3 characters of a run hold one %: with fewer than 34 in all, no run can add up to 100)
    if 3 * sample.count("%") < _DECIDING_LENGTH:
        return None
    runs = [m.group() for m in _PERCENT_RUNS.finditer(sample)]
    encoded = sum(map(len, runs))
    return runs[0] if encoded >= _DECIDING_LENGTH and 3 * encoded >= len(without_spaces(sample)) else None


def _implausible(text: str) -> str | None:
    """Why a valid Unicode text is no report, or None: too few of its characters are usual in Chinese
    text. Bytes that were decoded with the wrong encoding and saved again are valid UTF-8 (GBK read
    as Big5: 烂歙崝酗; UTF-8 read as Shift-JIS: 荳ｭ蠕; read as cp1251: ДкѕщФці), and only this
    tells them from a report; the other encodings face the same bar when they are guessed."""
    if len(without_spaces(text[:1000])) < _DECIDING_LENGTH:
        return None
    score = plausibility(text)
    if score >= PLAUSIBLE:
        return None
    return (f"only {score:.0%} of its characters are usual in Chinese text (at least {PLAUSIBLE:.0%} needed): it is "
            "not a Chinese report, or it is text that was once decoded with the wrong encoding (GBK read as Big5, "
            "UTF-8 read as Shift-JIS …) and saved again")


def _decode_with_bom(data: bytes, name: str) -> tuple[str, str] | None:
    for mark, codec, label in _BOMS:
        if not data.startswith(mark):
            continue
        body = data[len(mark):]
        if not body.strip(b"\x00 \t\r\n"):
            raise DecodeError(f"{name}: file is empty (it holds only a {label.removesuffix('-sig').upper()} "
                              "byte-order mark)")
        width = 4 if codec.startswith("utf-32") else 2 if codec.startswith("utf-16") else 1
        shown = label.removesuffix("-sig").upper()
        if len(body) % width:
            raise DecodeError(f"{name}: has a {shown} byte-order mark but {len(data)} bytes, "
                              f"not a whole number of {width}-byte units: the file is truncated or not {shown}")
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as exc:
            hint = " (GBK/GB18030 text saved behind a UTF-8 mark?)" if codec == "utf-8" else ""
            raise DecodeError(f"{name}: has a {shown} byte-order mark but byte {exc.start + len(mark)} "
                              f"is not valid {shown}{hint}: {exc.reason}") from None
        # Keep a UTF-8 BOM as U+FEFF, as open(..., encoding="utf-8") does: offsets then agree.
        return _checked(("\ufeff" + text) if codec == "utf-8" else text, label, name)
    return None


def _candidates(data: bytes) -> list[str]:
    # (Big5 as Windows saves it, cp950, and as Hong Kong writes it: both hold characters big5 lacks, 裏 …)
    codecs = ["gb18030", "big5", "cp950", "big5hkscs"]
    if b"\x00" in data:  # ASCII, digits and newlines in UTF-16/32 carry zero bytes
        codecs = []
    if len(data) % 2 == 0:
        codecs += ["utf-16-le", "utf-16-be"]
    if len(data) % 4 == 0:
        codecs += ["utf-32-le", "utf-32-be"]
    return codecs


def _decode_cut(data: bytes, codec: str) -> tuple[str, int] | None:
    """(text, bytes left out) of ``data`` in ``codec``: all of it, or, for a file that ends inside
    a character (a download cut off), all but that character's first bytes; None otherwise."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError as exc:
        return _read_before_cut(data, codec, exc)


def _read_before_cut(data: bytes, codec: str, exc: UnicodeDecodeError) -> tuple[str, int] | None:
    """(text, bytes left out) when the error ``exc`` of decoding ``data`` is a character cut off
    at its end; None otherwise."""
    if exc.end != len(data) or exc.reason not in ("incomplete multibyte sequence", "unexpected end of data"):
        return None
    try:
        return data[:exc.start].decode(codec), len(data) - exc.start
    except UnicodeDecodeError:
        return None


def _decode_guess(data: bytes, name: str) -> tuple[str, str]:
    scored = []
    for codec in _candidates(data):
        if (read := _decode_cut(data, codec)) is None:
            continue
        text, cut = read
        if _bad_characters(text) is None and text.strip():
            scored.append((plausibility(text), codec, text, cut))
    best = max(scored, key=lambda item: item[0]) if scored else None  # max keeps the first of equals
    if best is None or best[0] < PLAUSIBLE:
        if (western := _western(data)) is not None:
            return _checked(*western, name)
    if best is None:
        what = "binary data" if b"\x00" in data else "text in an encoding policytext does not read"
        raise DecodeError(f"{name}: cannot decode: not UTF-8, GB18030/GBK, Big5 or UTF-16/32 "
                          f"(looks like {what}). Save the file as UTF-8.")
    score, codec, text, cut = best
    if score < PLAUSIBLE:
        raise DecodeError(f"{name}: cannot decode: not UTF-8; read as {codec} only {score:.0%} of its "
                          f"characters are usual in Chinese text (at least {PLAUSIBLE:.0%} needed), "
                          "so the encoding is wrong or unknown. Save the file as UTF-8.")
    if cut:
        _warn_cut(name, cut, codec)
    return _checked(text, codec, name)


def _warn_cut(name: str, cut: int, codec: str) -> None:
    warnings.warn(f"{name}: ends inside a character (its last {cut} byte(s) begin a {codec.upper()} "
                  "character that is not there): the file was cut off; the text up to it is read", InputWarning,
                  stacklevel=5)


# Single-byte Western encodings the detector may name; others (EBCDIC, Korean ...) are refused.
_WESTERN = {"cp1252", "cp1250", "latin_1", "iso8859_1", "iso8859_15", "iso8859_2", "mac_roman", "ascii"}


def _western(data: bytes) -> tuple[str, str] | None:
    """A non-Chinese file in a Western single-byte encoding (cp1252 ...), by charset-normalizer.

    Taken only when the detector names a Western codec and the text is mostly ASCII with
    letters for the rest: on short Chinese text the detector guesses Korean, Big5 or even
    EBCDIC, and those guesses are refused.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding.lower().replace("-", "_") not in _WESTERN:
        return None
    text = str(best)
    visible = [ch for ch in text if not ch.isspace()]
    ascii_share = sum(ch < "\x7f" for ch in visible) / max(len(visible), 1)
    if _bad_characters(text) or ascii_share < 0.6 or \
            not all(ch < "\x7f" or unicodedata.category(ch).startswith("L") for ch in visible):
        return None
    return text, best.encoding


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a report's bytes: UTF-8/16/32 with a BOM, UTF-8, GB18030/GBK, Big5, UTF-16/32 without BOM.

    Returns (text, encoding). Newlines are normalised to \\n. A UTF-8 BOM is kept as the
    character U+FEFF, as Python's `open(..., encoding="utf-8")` keeps it, so offsets agree with
    tools that read the file that way; cleaning removes it from the clean text.
    Raises DecodeError naming the file when it is empty, binary, or no encoding gives
    plausible Chinese text.
    """
    if not data.strip():
        raise DecodeError(f"{name}: file is empty")
    if (decoded := _decode_with_bom(data, name)) is not None:
        return decoded
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"{name}: is {what}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if (read := _read_before_cut(data, "utf-8", exc)) is not None:
            _warn_cut(name, read[1], "utf-8")
            return _checked(read[0], "utf-8", name)
        try:
            return _decode_guess(data, name)
        except DecodeError:
            _damaged(data, exc, name)
            raise
    if "\x00" in text:  # valid UTF-8 with NULs: UTF-16/32 without BOM holding only ASCII
        try:
            return _decode_guess(data, name)
        except DecodeError:
            pass
    return _checked(text, "utf-8", name)


def _damaged(data: bytes, first: UnicodeDecodeError, name: str) -> None:
    """Raise a DecodeError that says where, when ``data`` (which no encoding reads whole) is UTF-8,
    or else GB18030/GBK, but for some bytes: a damaged copy, or a line saved in the other encoding
    (a GBK paragraph pasted into a UTF-8 report), not an unknown encoding. However many the bad
    bytes, the rest must read as Chinese: at least 10 Han characters, the usual ones. When both
    encodings read part of it (half a file in each), the one that reads more is named."""
    found = []
    for codec, shown, other in (("utf-8", "UTF-8", "gb18030"), ("gb18030", "GB18030/GBK", "utf-8")):
        kept = _BAD.sub("", data.decode(codec, errors="ignore"))    # (GB18030 reads some bytes as private use)
        if codec == "utf-8" and plausibility(kept) < PLAUSIBLE:
            kept = "\n".join(_whole_lines(data, codec))   # (half a file of GBK leaves valid UTF-8 pairs behind)
        bad = len(data) - len(kept.encode(codec))
        few = codec == "utf-8" and bad <= max(3, len(HAN.findall(kept)) // 1000)
        if not (few or plausible_chinese(kept, 10) and plausibility(kept) >= PLAUSIBLE):
            continue
        at = first.start if codec == "utf-8" else _first_bad(data, codec)
        if at is not None:
            found.append((bad, at, shown, other))
    if found:       # the encoding that reads the most of the file
        bad, at, shown, other = min(found)
        line = data.count(b"\n", 0, at) + 1
        raise DecodeError(f"{name}: is {shown} but for {bad} byte(s) that are not (the first at byte {at}, "
                          f"line {line}){_mixed(data, at, line, other)}")


def _whole_lines(data: bytes, codec: str):
    """The lines of ``data`` that ``codec`` reads whole."""
    for line in data.split(b"\n"):
        try:
            yield line.decode(codec)
        except UnicodeDecodeError:
            continue


def _first_bad(data: bytes, codec: str) -> int | None:
    """The offset of the first byte ``codec`` cannot read, or reads as a character no report holds."""
    text = data.decode(codec, errors="replace")
    found = _BAD.search(text.replace("\ufffd", "\x00"))
    return len(text[:found.start()].encode(codec)) if found else None


def _mixed(data: bytes, at: int, line: int, codec: str) -> str:
    """How the message ends: the file mixes encodings when the line holding byte ``at`` reads as
    Chinese in ``codec``, else it is damaged."""
    start = data.rfind(b"\n", 0, at) + 1
    end = data.find(b"\n", at)
    try:
        text = data[start:end if end >= 0 else len(data)].decode(codec)
    except UnicodeDecodeError:
        text = ""
    if plausible_chinese(text, 2) and plausibility(text) >= PLAUSIBLE:
        return (f": line {line} is {'UTF-8' if codec == 'utf-8' else 'GBK'}, the file mixes encodings. "
                "Save it all as UTF-8")
    return ": the file is damaged. Get it again, or mend that line"


def check_file(path: str | Path, *, limit: int = MAX_BYTES) -> Path:
    """`path` when it is a regular file of at most `limit` bytes; DecodeError naming it for a
    missing path, a folder, a FIFO, socket or device (never opened: reading them would block
    or never end), or a larger file."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DecodeError(f"{path}: file not found") from None
    except OSError as exc:
        raise DecodeError(f"{path}: cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DecodeError(f"{path}: is a folder, not a file (give the report files, or load_corpus(folder))")
    if not stat.S_ISREG(info.st_mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode) else
                "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else
                "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file")
        raise DecodeError(f"{path}: is {kind}, not a regular file; policytext reads report files only")
    if info.st_size > limit:
        raise DecodeError(f"{path}: is {info.st_size / 2**20:.0f} MB, over the {limit / 2**20:.0f} MB "
                          "limit for one report; split it into files")
    return path


def read_bytes(path: str | Path, *, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, checked first by `check_file`."""
    path = check_file(path, limit=limit)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise DecodeError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > limit:  # grew while we read it
        raise DecodeError(f"{path}: is over the {limit / 2**20:.0f} MB limit for one report")
    return data


# ---------------------------------------------------------------- reading report files

# How each file was read, at INFO level (`policytext -v`); named for the corpus, which reads them.
_log = logging.getLogger("policytext.corpus")


def read_file(path: str | Path) -> tuple[str, str, str]:
    """(text, encoding, format) of a report file: decoded (decode_bytes), newlines normalised,
    and for HTML the extracted text (format "html", else "text")."""
    from .convert import characters_named, drop_invisible, html_to_text, looks_like_html, resolve_entities, script_of

    path = Path(path)
    text, encoding = decode_bytes(read_bytes(path), name=str(path))
    form, entities = "text", []
    if looks_like_html(text):
        text, form = html_to_text(text), "html"
        if not text.strip():
            raise DecodeError(f"{path}: an HTML page with no text in it")
    else:
        text, entities = resolve_entities(text)
    text, invisible = drop_invisible(text)
    if not text.strip():        # (only zero-width spaces, &nbsp; …: as empty as a blank file)
        raise DecodeError(f"{path}: has no visible text: only white space, entities such as &nbsp; or invisible "
                          "characters such as U+200B")
    if entities:
        kinds = list(dict.fromkeys(entities))
        warnings.warn(f"{path}: {len(entities)} HTML entit{'y' if len(entities) == 1 else 'ies'} "
                      f"({', '.join(kinds[:4])}{' …' if len(kinds) > 4 else ''}) read as the characters they "
                      "stand for (a copy of a page's source); offsets refer to the text so read",
                      InputWarning, stacklevel=2)
    if invisible:
        warnings.warn(f"{path}: {len(invisible)} invisible character(s) ({characters_named(invisible)}) removed; "
                      "offsets refer to the text without them", InputWarning, stacklevel=2)
    if _log.isEnabledFor(logging.INFO):
        traditional = script_of(text) == "traditional"
        _log.info("read %s: %s, %s%s", path, encoding, form,
                  ", Traditional Chinese (analysed as Simplified)" if traditional else "")
    return text, encoding, form


def read_text(path: str | Path) -> str:
    """The decoded raw text of a file (see read_file): the reference for offsets."""
    return read_file(path)[0]
