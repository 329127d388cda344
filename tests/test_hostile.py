"""Hostile input (issue 11): each case is a correct load or a clear error, never silent loss.

A correct load must give the same tokens and quantities as the UTF-8 (or Simplified) twin:
the same numbers, indicators and units, at offsets that hold the same text in each file's
raw text. A clear error is a PolicyTextError naming the file and the problem; through the
CLI, a non-zero exit with one line on stderr and no traceback. Every hostile file is built
here in tmp_path from the short report paragraph TWIN (taken from seeds/001).
"""
import os
import subprocess
import sys
import warnings
from pathlib import Path

import opencc
import pytest

from policytext import corpus, load_corpus, quantities
from policytext.corpus import load_files
from policytext.decode import plausibility
from policytext.cli import main
from policytext.convert import to_simplified
from policytext.decode import decode_bytes, read_bytes
from policytext.errors import DecodeError, MetadataError, PolicyTextError, RenderError
from policytext.metadata import METADATA_COLUMNS
from policytext.tokens import tokens

from conftest import SEEDS

TWIN = ("嘉峪关市政府工作报告\n"
        "我们统筹分析发展战略机遇、现有产业基础、项目投资趋势,力争到2026年实现以下预期目标:地区生产总值突破500亿元;"
        "规模以上工业增加值突破350亿元;一般公共预算收入突破35亿元;第三产业增加值年均增长10%;固定资产投资年均增长12%以上。\n"
        "2021年全市地区生产总值达到326.5亿元,增长7.5%,一般公共预算收入完成25.3亿元。\n")
TRADITIONAL = opencc.OpenCC("s2t").convert(TWIN)
QUANTITY_COLUMNS = ["label", "indicator", "measure", "value", "value_high", "unit", "relation", "year"]


def html_page(text: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines())
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><style>p { margin: 0 }</style>'
            f"<script>var x = '<p>500</p>';</script></head>\n<body>\n<div class=\"main\">\n{paragraphs}"
            "</div><!-- a comment 100 --></body></html>\n")


# name -> bytes of a file whose analysis must equal the twin's
GOOD = {
    "utf-8": TWIN.encode("utf-8"),
    "utf-8 with BOM": b"\xef\xbb\xbf" + TWIN.encode("utf-8"),
    "CRLF newlines": TWIN.replace("\n", "\r\n").encode("utf-8"),
    "CR newlines": TWIN.replace("\n", "\r").encode("utf-8"),
    "gb18030": TWIN.encode("gb18030"),
    "gbk": TWIN.encode("gbk"),
    "utf-16 LE with BOM": TWIN.encode("utf-16"),
    "utf-16 BE with BOM": b"\xfe\xff" + TWIN.encode("utf-16-be"),
    "utf-16 LE without BOM": TWIN.encode("utf-16-le"),
    "utf-16 BE without BOM": TWIN.encode("utf-16-be"),
    "utf-32 with BOM": TWIN.encode("utf-32"),
    "utf-32 LE without BOM": TWIN.encode("utf-32-le"),
    "utf-32 BE without BOM": TWIN.encode("utf-32-be"),
    "Traditional, utf-8": TRADITIONAL.encode("utf-8"),
    "Traditional, big5": TRADITIONAL.encode("big5"),
    "Traditional, utf-16": TRADITIONAL.encode("utf-16"),
    "html page": html_page(TWIN).encode("utf-8"),
    "html page, gbk": html_page(TWIN).encode("gbk"),
    "html fragment": "".join(f"<p>{line}</p>" for line in TWIN.splitlines()).encode("utf-8"),
    "Traditional html, big5": html_page(TRADITIONAL).encode("big5"),
}


def analysis(doc_corpus, doc_id):
    """(tokens, quantities) with each quantity's raw text (Simplified) instead of its offsets."""
    doc = doc_corpus[doc_id]
    q = quantities(doc_corpus)
    raw = [doc.raw[s:e] for s, e in zip(q["start"], q["end"])]
    if doc.script == "traditional":
        raw = [to_simplified(text) for text in raw]
    rows = [tuple(row) + (text,) for row, text in zip(q[QUANTITY_COLUMNS].itertuples(index=False), raw)]
    return tokens(doc_corpus, discover=False)[doc_id], rows


@pytest.fixture(scope="module")
def twin():
    result = analysis(corpus({"twin": TWIN}), "twin")
    assert len(result[1]) == 8 and ("地区生产总值", "500", "亿元") in {(r[1], r[-1], r[5]) for r in result[1]}
    return result


def test_plausibility_is_the_share_of_visible_characters_a_report_is_made_of():
    # visible: 经济增长 (common Han), GDP, ， (punctuation), 가 (Hangul), 丨 (a rare Han
    # character); the full-width space and the newline do not count: 8 of 10
    assert plausibility("经济增长GDP，\u3000\n가丨") == 0.8
    assert plausibility("经济\x01") == 2 / 3          # a control character is no report's
    assert plausibility(" \n\u3000") == 1.0            # nothing visible


def test_the_traditional_twin_converts_back_exactly():
    # Otherwise the twin comparisons below would prove nothing about the conversion.
    assert TRADITIONAL != TWIN and to_simplified(TRADITIONAL) == TWIN
    assert "500億" in TRADITIONAL and "25.3億" in TRADITIONAL


@pytest.mark.parametrize("name", GOOD)
def test_correct_load_equals_the_utf8_twin(tmp_path, twin, name):
    path = tmp_path / "report.txt"
    path.write_bytes(GOOD[name])
    c = load_files([path])
    doc = c["report.txt"]
    assert analysis(c, "report.txt") == twin
    assert "<" not in doc.clean and "var x" not in doc.clean and "comment" not in doc.clean
    assert doc.format == ("html" if "html" in name else "text")
    assert doc.script == ("traditional" if "Traditional" in name else "simplified")
    assert doc.encoding  # recorded for the load log


@pytest.mark.parametrize("codec, extra", [("cp950", "在這裏"), ("big5hkscs", "𨋢")])
def test_big5_as_windows_and_hong_kong_save_it_is_read(tmp_path, codec, extra):
    # cp950 holds 裏, Big5-HKSCS 𨋢 (lift), which big5 lacks (hostile review: both were refused)
    text = TRADITIONAL + extra + "。\n"
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(codec))
    doc = load_files([path])["report.txt"]
    assert doc.raw == text and doc.encoding == codec


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_every_seed_report_in_traditional_gives_the_same_quantities_at_the_same_offsets(seed):
    simplified = (SEEDS / seed).read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(simplified)
    assert len(traditional) == len(simplified) and traditional != simplified
    columns = ["start", "end", "label", "indicator", "measure", "value", "value_high", "unit", "relation", "year"]
    expected = quantities(corpus({"d": simplified}))[columns]
    got = quantities(corpus({"d": traditional}))[columns]
    assert len(expected) > 0
    assert got.equals(expected)


@pytest.mark.parametrize("text", ["增长率 a<b 且 c>d。", "<注>本报告数据为初步统计。", "x < 5 and y > 3\n<br is not a tag",
                                  "《政府工作报告》<2021>"])
def test_plain_text_with_angle_brackets_is_not_taken_for_html(text):
    from policytext.convert import looks_like_html

    assert not looks_like_html(text)
    assert looks_like_html("<p>一</p><p>二</p>") and looks_like_html("<!DOCTYPE html><title>t</title>")


@pytest.mark.parametrize("name", ["gbk", "utf-16 LE without BOM", "Traditional, big5", "html page, gbk"])
def test_cli_quantities_equal_the_twin_and_say_the_encoding(tmp_path, capsys, name):
    twin_path, path = tmp_path / "twin.txt", tmp_path / "other.txt"
    twin_path.write_bytes(TWIN.encode("utf-8"))
    path.write_bytes(GOOD[name])
    assert main(["quantities", str(twin_path), "--csv"]) == 0
    expected = capsys.readouterr().out.splitlines()
    assert main(["-v", "quantities", str(path), "--csv"]) == 0
    out, err = capsys.readouterr()
    got = out.splitlines()
    column = expected[0].split(",").index("value")
    assert [line.split(",")[column] for line in got] == [line.split(",")[column] for line in expected]
    assert len(got) == 9
    assert f"read {path}:" in err and ("html" in err) == ("html" in name)


@pytest.mark.parametrize("text, encoding, expected", [
    ("首页 > News > 2021 > Report", "gbk", "gb18030"),          # few Chinese characters: not cp949 (看女)
    ("首页", "gbk", "gb18030"),
    ("政府工作報告", "big5", "big5"),                             # short Big5: not GB18030 mojibake
    ("全年地區生產總值增長6%", "big5", "big5"),
    ("阶级斗争，革命，农业，农业。", "gb18030", "gb18030"),
    # Only Han characters and full-width punctuation: no zero byte tells UTF-16 apart.
    ("坚持稳中求进工作总基调，经济运行总体平稳。", "utf-16-le", "utf-16-le"),
    ("坚持稳中求进工作总基调，经济运行总体平稳。", "utf-16-be", "utf-16-be"),
])
def test_short_and_sparse_texts_decode_to_what_was_written(text, encoding, expected):
    decoded, used = decode_bytes(text.encode(encoding), name="short.txt")
    assert decoded == text and used.replace("-", "").lower() == expected.replace("-", "")


@pytest.mark.parametrize("text", [
    # accented Latin text is no mojibake: its bytes read as GBK give rare characters
    "Le président a présenté le rapport économique à l'assemblée générale, après débat. " * 4,
    "Über die Maßnahmen für Städte wurde ausführlich gesprochen; die Größe der Förderung wächst. " * 4,
    # nor are Japanese, or rare Han characters alone
    "日本の政府は経済報告を発表しました。ここには多くの情報があります。",
    "鱻麤爨龘靐齉饕餮魑魅魍魉",
    # a link holding URL-encoded Chinese in a page's text is no URL-encoded page
    "链接：http://www.gov.cn/s?q=%E6%94%BF%E5%BA%9C%E5%B7%A5%E4%BD%9C 。全市经济平稳运行，质量效益稳步提升。",
])
def test_text_that_only_looks_odd_is_read_as_written(text):
    assert decode_bytes(text.encode(), name="odd.txt") == (text, "utf-8")


def test_replacement_characters_are_named_in_a_warning_and_kept(tmp_path, capsys):
    # 总 lost before policytext read the file: the text is kept, offsets and all, and said
    path = tmp_path / "lossy.txt"
    path.write_text(TWIN.replace("总", "\ufffd"), encoding="utf-8")
    with pytest.warns(UserWarning, match=r"lossy.txt: holds 2 replacement character\(s\) U\+FFFD \(first on line 2\)"):
        docs = load_files([path])
    assert next(iter(docs)).raw == TWIN.replace("总", "\ufffd")
    assert main(["segment", str(path)]) == 0
    stderr = capsys.readouterr().err
    assert stderr.startswith(f"policytext: warning: {path}: holds 2 replacement") and stderr.count("\n") == 1


def _read_warned(path: Path, text: str, warning: str):
    """The corpus of one file written with `text`, which must warn `warning` (a regex) as it loads."""
    path.write_text(text, encoding="utf-8")
    with pytest.warns(UserWarning, match=warning):
        return load_files([path])


def test_html_entities_in_a_plain_text_copy_are_read_as_their_characters_and_said(tmp_path, capsys):
    # a report copied from a page's source: &nbsp; before a figure took its name and its measure
    # (a level without indicator), &ldquo; &rdquo; became the terms ldquo and rdquo
    path = tmp_path / "source.txt"
    docs = _read_warned(path, "某市政府工作报告\n2023年，全市地区生产总值增长&nbsp;6.5%，&ldquo;两个中心&rdquo;建设稳步推进，"
                        "AT&T式&foo;不变&#8212;&#x2014;。\n",
                        r"source.txt: 5 HTML entities \(&nbsp;, &ldquo;, &rdquo;, &#8212; …\) read as the characters "
                        r"they stand for")
    raw = next(iter(docs)).raw
    assert "增长 6.5%，“两个中心”建设" in raw and "AT&T式&foo;不变——。" in raw
    row = quantities(docs, cache=False).iloc[0]
    assert (row["text"], row["indicator"], row["measure"]) == ("6.5%", "地区生产总值", "change")
    assert raw[row["start"]:row["end"]] == "6.5"
    assert main(["segment", str(path)]) == 0
    assert capsys.readouterr().err.startswith(f"policytext: warning: {path}: 5 HTML entities")


def test_invisible_characters_of_a_web_page_are_dropped_and_said(tmp_path):
    # a zero-width space inside 地区生产总值 split it for the analyses (地区 | 总值), and one after
    # 增长 kept the predicate in the name (一般公共预算收入增长); a soft hyphen and a stray BOM too
    docs = _read_warned(tmp_path / "zw.txt", "某市政府工作报告\n2023年，全市地区生产\u200b总值增长6.5%，一般公共预算收入"
                        "增长\u200b5%，城\u00ad镇新增就业\ufeff1.2万人。\n",
                        r"zw.txt: 4 invisible character\(s\) \(U\+200B zero width space, U\+00AD soft hyphen, "
                        r"U\+FEFF zero width no-break space\) removed")
    assert "\u200b" not in next(iter(docs)).raw
    q = quantities(docs, cache=False)
    assert q["indicator"].tolist() == ["地区生产总值", "一般公共预算收入", "新增城镇就业"]
    assert "地区生产总值" in tokens(docs)["zw.txt"]
    # the byte-order mark that opens a file is the file's, not the page's: kept, and not said
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeff某市政府工作报告\n地区生产总值增长6.5%。\n".encode("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert next(iter(load_files([bom]))).raw.startswith("\ufeff某市")


def test_a_western_file_is_read_by_the_detector_but_never_a_cjk_or_ebcdic_guess():
    text, used = decode_bytes("Café résumé naïve, déjà vu".encode("cp1252"), name="latin.txt")
    assert text.startswith("Café r") and used.lower().startswith(("cp125", "iso8859", "latin"))


# name -> (bytes, what the error must say)
MIXED_LINE = "一般公共预算收入完成25.3亿元，同比增长百分之八。\n"
BAD = {
    "empty": (b"", "file is empty"),
    "only whitespace": (b" \r\n\t\n", "file is empty"),
    "only a UTF-8 BOM": (b"\xef\xbb\xbf", "empty"),
    "only a UTF-8 BOM and newlines": (b"\xef\xbb\xbf\r\n\r\n", "empty"),
    "only a UTF-16 BOM": (b"\xff\xfe", "empty"),
    "only a UTF-32 BOM": (b"\xff\xfe\x00\x00", "empty"),
    "UTF-16 with an odd byte count": (TWIN.encode("utf-16") + b"\x41", "not a whole number of 2-byte units"),
    "UTF-32 with a truncated unit": (TWIN.encode("utf-32")[:-1], "not a whole number of 4-byte units"),
    "UTF-8 BOM then GBK": (b"\xef\xbb\xbf" + TWIN.encode("gbk"), "not valid UTF-8 (GBK/GB18030 text saved behind"),
    "UTF-16 lone surrogate": (b"\xff\xfe" + "报告".encode("utf-16-le") + b"\x00\xd8" + "内容".encode("utf-16-le"),
                              "not valid UTF-16"),
    "UTF-8-encoded surrogate": ("报告".encode() + b"\xed\xa0\x80" + "内容".encode(),
                                "is UTF-8 but for 3 byte(s) that are not (the first at byte 6, line 1)"),
    # a downloaded report with one byte overwritten: damaged, not in an unknown encoding
    "UTF-8 with a damaged byte": (TWIN.encode()[:9] + b"\xff" + TWIN.encode()[10:],
                                  "is UTF-8 but for 3 byte(s) that are not (the first at byte 9, line 1)"),
    # however many bytes are not UTF-8 (or GBK), when the rest is: where, and a line in the other encoding
    "UTF-8 with many damaged bytes": (bytes(0xFF if k % 40 == 30 else b for k, b in enumerate(TWIN.encode())),
                                      "is UTF-8 but for 27 byte(s) that are not (the first at byte 30, line 1): "
                                      "the file is damaged"),
    "UTF-8 with a GBK line": (TWIN.encode() + MIXED_LINE.encode("gbk") + TWIN.encode(),
                              "is UTF-8 but for 27 byte(s) that are not (the first at byte 453, line 4): "
                              "line 4 is GBK, the file mixes encodings. Save it all as UTF-8"),
    # (F16) half a file, or more, in the other encoding: still said to be mixed, not an unknown encoding
    "UTF-8 then as much GBK": (TWIN.encode() + (MIXED_LINE * 20).encode("gbk"),
                               "is UTF-8 but for 980 byte(s) that are not (the first at byte 453, line 4): "
                               "line 4 is GBK, the file mixes encodings. Save it all as UTF-8"),
    "GBK with a UTF-8 line": (TWIN.encode("gbk") + MIXED_LINE.encode() + TWIN.encode("gbk"),
                              "is GB18030/GBK but for 12 byte(s) that are not (the first at byte 318, line 4): "
                              "line 4 is UTF-8, the file mixes encodings"),
    "ASCII-only PDF": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
                       "PDF, not text"),
    "PNG": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG image, not text"),
    "docx (zip)": (b"PK\x03\x04\x14\x00\x06\x00" + bytes(40), "zip archive (or .docx"),
    "doc (OLE)": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40), "MS Office file"),
    "binary with NULs": (bytes(range(256)) * 3 + b"\x01", "cannot decode"),
    "private-use characters": ("报告\ue000\ue001内容".encode(), "private-use character U+E000"),
    "control characters": ("报告\x07内容\x1b[0m".encode(), "control character U+0007"),
    "rare characters only (implausible GBK)": (bytes(b for i in range(40) for b in (0x81 + i % 4, 0x40 + i)),
                                               "usual in Chinese text"),
    "HTML with no text": (b"<html><body><p></p><div><script>alert(1)</script></div></body></html>", "no text"),
    # mojibake saved as valid UTF-8: a wrong reading, written out again
    "GBK read as Latin-1, saved as UTF-8": (TWIN.encode("gbk").decode("latin-1").encode(),
                                            "mojibake: GBK/GB18030 Chinese text that was read as Latin-1/cp1252"),
    "GBK read as cp1252, saved as UTF-8": (TWIN.encode("gbk").decode("cp1252", errors="replace").encode(),
                                           "mojibake: GBK/GB18030 Chinese text that was read as Latin-1/cp1252"),
    "UTF-8 read as cp1252, saved as UTF-8": (TWIN.encode().decode("cp1252", errors="replace").encode(),
                                             "mojibake: UTF-8 Chinese text that was read as Latin-1/cp1252"),
    "UTF-8 read as GBK, saved as UTF-8": (TWIN.encode().decode("gbk", errors="replace").encode(),
                                          "mojibake: UTF-8 Chinese text that was read as GBK"),
    # mojibake of other wrong readings is valid UTF-8 too: only its characters tell (hostile review: all
    # were read, and gave quantities named 烂歙崝酗)
    "GBK read as Big5, saved as UTF-8": (TWIN.encode("gbk").decode("big5", errors="replace").encode(),
                                         "read as utf-8, but only"),
    "UTF-8 read as Shift-JIS, saved as UTF-8": (TWIN.encode().decode("shift_jis", errors="replace").encode(),
                                                "text that was once decoded with the wrong encoding"),
    "GBK read as cp1251, saved as UTF-8 with a BOM": (
        b"\xef\xbb\xbf" + TWIN.encode("gbk").decode("cp1251", errors="replace").encode(), "usual in Chinese text"),
    # a page's text URL-encoded (hostile review: %E6%94%BF… gave quantities such as 94 and 9F)
    "URL-encoded text": (TWIN.encode().hex("%").upper().join(["%", ""]).encode(), "is URL-encoded"),
    # no visible text once zero-width spaces and entities are gone: as empty as a blank file
    "only zero-width spaces": ("\u200b\u200b\n\u200b".encode(), "has no visible text"),
    "only &nbsp; entities": (b"&nbsp;&nbsp;\n&nbsp;", "has no visible text"),
    # the sample starts at the first non-ASCII character, past a page's long head
    "mojibake page behind 7,000 characters of head": (
        ("<html><head><style>" + "p { margin: 0 }\n" * 440 + "</style></head><body><p>"
         + TWIN.encode("gbk").decode("latin-1") + "</p></body></html>").encode(),
        "mojibake: GBK/GB18030 Chinese text that was read as Latin-1/cp1252"),
}


@pytest.mark.parametrize("name", BAD)
def test_clear_error_names_the_file_and_the_problem(tmp_path, capsys, name):
    data, problem = BAD[name]
    path = tmp_path / "bad report.txt"
    path.write_bytes(data)
    with pytest.raises(DecodeError) as err:
        load_files([path])
    assert str(path) in str(err.value) and problem in str(err.value), str(err.value)
    assert main(["quantities", str(path), "--csv"]) == 2
    out, stderr = capsys.readouterr()
    assert out == "" and stderr.startswith(f"policytext: error: {path}") and problem in stderr
    assert "Traceback" not in stderr and "internal error" not in stderr


def test_one_error_names_every_unreadable_file_of_a_folder_or_of_the_arguments(tmp_path, capsys):
    # A folder of web copies with two bad files: both are named at once, with their problems,
    # rather than the first one, then the next after the user has mended it.
    for name, data in {"a.txt": TWIN.encode(), "b.txt": b"", "c.txt": BAD["PNG"][0], "d.txt": TWIN.encode("gbk")}.items():
        (tmp_path / name).write_bytes(data)
    message = "2 of 4 files cannot be read:\n  {0}b.txt: file is empty\n  {0}c.txt: is a PNG image, not text"
    with pytest.raises(DecodeError) as err:
        load_corpus(tmp_path)
    assert str(err.value) == message.format(f"{tmp_path}/")
    with pytest.raises(DecodeError) as err:
        load_files(sorted(tmp_path.iterdir()))
    assert str(err.value) == message.format(f"{tmp_path}/")
    # the command line: folders and files alike, one error, no output
    assert main(["quantities", str(tmp_path)]) == 2
    out, stderr = capsys.readouterr()
    assert out == "" and stderr == f"policytext: error: {message.format(f'{tmp_path}/')}\n"
    assert main(["quantities", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "c.txt")]) == 2
    assert capsys.readouterr().err.startswith("policytext: error: 2 of 3 files cannot be read:")


# ---------------------------------------------------------------- special files

def special_paths(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:  # sparse: no disk used
        handle.truncate(201 * 1024 * 1024)
    folder = tmp_path / "a folder"
    folder.mkdir()
    return {"fifo": (fifo, "is a FIFO (named pipe), not a regular file"),
            "/dev/zero": (Path("/dev/zero"), "is a device, not a regular file"),
            "folder": (folder, "no report files (.txt, .text, .htm, .html) in it or its sub-folders"),
            "missing": (tmp_path / "nope.txt", "file not found"),
            "over 200 MB": (big, "is 201 MB, over the 200 MB limit")}


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "folder", "missing", "over 200 MB"])
@pytest.mark.parametrize("command", ["segment", "quantities", "freq", "themes"])
def test_special_files_are_clear_errors_in_every_subcommand(tmp_path, capsys, kind, command):
    path, problem = special_paths(tmp_path)[kind]
    flag = {"segment": "--jsonl"}.get(command, "--csv")
    assert main([command, str(path), flag]) == 2  # returns at once: a FIFO is never opened
    err = capsys.readouterr().err
    assert err.strip() == f"policytext: error: {path}: {problem}" or (
        err.startswith(f"policytext: error: {path}: {problem}")), err
    if kind == "folder":        # a folder of reports is input on the command line, not a file
        problem = "is a folder, not a file"
    with pytest.raises(DecodeError, match=problem.split(" (")[0]):
        read_bytes(path)


def test_the_real_command_line_prints_no_traceback(tmp_path):
    paths = special_paths(tmp_path)
    bad = tmp_path / "bom-gbk.txt"
    bad.write_bytes(BAD["UTF-8 BOM then GBK"][0])
    for path in [paths["fifo"][0], paths["/dev/zero"][0], paths["folder"][0], bad]:
        done = subprocess.run([sys.executable, "-m", "policytext", "quantities", str(path), "--csv"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith(f"policytext: error: {path}") and "Traceback" not in done.stderr


# ---------------------------------------------------------------- metadata tables

FULL_HEADER = ",".join(METADATA_COLUMNS)
ROW = "a,a.txt,嘉峪关市,地级市,,甘肃省,gov_work_report,嘉峪关市政府工作报告,刘凯,市长,2021-12-14,,seed"


def folder_with(tmp_path, table: str | bytes, files: dict[str, bytes] | None = None) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name, data in (files or {"a.txt": TWIN.encode()}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "metadata.csv").write_bytes(table if isinstance(table, bytes) else table.encode("utf-8"))
    return folder


@pytest.mark.parametrize("name, table", [
    ("Excel CSV UTF-8 (BOM)", b"\xef\xbb\xbf" + f"{FULL_HEADER}\n{ROW}\n".encode()),
    ("Excel CSV UTF-8, CRLF", b"\xef\xbb\xbf" + f"{FULL_HEADER}\r\n{ROW}\r\n".encode()),
    ("GBK table", f"{FULL_HEADER}\n{ROW}\n".encode("gbk")),
    ("only id,file,place", "id,file,place\na,a.txt,嘉峪关市\n"),
    ("five columns", "id,file,place,doc_type,date_published\na,a.txt,嘉峪关市,gov_work_report,2022\n"),
    ("Chinese date", "id,file,date_delivered\na,a.txt,2021年12月14日\n"),
    ("blank line", f"{FULL_HEADER}\n{ROW}\n\n"),
    ("an empty column with no name (Excel's trailing comma)", "id,file,place,\na,a.txt,嘉峪关市,\n"),
])
def test_tables_that_load(tmp_path, twin, name, table):
    c = load_corpus(folder_with(tmp_path, table))
    doc = c["a"]
    assert analysis(c, "a") == twin
    assert set(METADATA_COLUMNS) <= set(doc.meta)  # absent optional columns are ""
    assert doc.meta["id"] == "a" and doc.meta["file"] == "a.txt"
    frame = c.to_frame()
    assert set(METADATA_COLUMNS) - {"id"} <= set(frame.columns)
    assert frame.loc[0, "doc_type"] in ("", "gov_work_report")
    assert doc.year in (None, 2021, 2022)  # from date_delivered/date_published when given


@pytest.mark.parametrize("name, table, problem", [
    ("impossible month", "id,file,date_delivered\na,a.txt,2021-13-45\n",
     "line 2, date_delivered: date '2021-13-45' does not exist"),
    ("impossible day", "id,file,date_published\na,a.txt,2021/02/30\n",
     "line 2, date_published: date '2021/02/30' does not exist"),
    ("unparseable date", "id,file,date_delivered\na,a.txt,next spring\n",
     "line 2, date_delivered: date 'next spring' is not a date like 2021-12-14"),
    ("half a date", "id,file,date_delivered\na,a.txt,2021-1x\n", "is not a date"),
    ("unknown doc_type", "id,file,doc_type\na,a.txt,gov_report\n",
     "line 2: doc_type 'gov_report' is not one of gov_work_report"),
    ("row too long", "id,file,place\na,a.txt,嘉峪关市,extra\n", "line 2: 4 fields, but the header has 3"),
    ("row too short", "id,file,place,doc_type\na,a.txt\n", "line 2: 2 fields, but the header has 4"),
    ("no id column", "name,file\na,a.txt\n", "lacks column(s) id"),
    # saved with another separator (a European Excel, a TSV): say so
    ("semicolons", "id;file;place\na;a.txt;嘉峪关市\n", "the header is separated by ';', not by commas"),
    ("tabs", "id\tfile\na\ta.txt\n", "the header is separated by '\\t', not by commas"),
    ("parent path", "id,file\na,../../etc/hostname\n", "line 2: file '../../etc/hostname' is outside the corpus folder"),
    ("absolute path", "id,file\na,/etc/hostname\n", "line 2: file '/etc/hostname' is outside the corpus folder"),
    ("windows absolute path", "id,file\na,C:\\Windows\\win.ini\n", "is outside the corpus folder"),
    ("climbing inside", "id,file\na,sub/../../a.txt\n", "is outside the corpus folder"),
    ("empty file cell", "id,file\na,\n", "line 2: empty id or file"),
    ("empty table", "", "metadata.csv: file is empty (the metadata table)"),
    ("binary table", "id,file\x00\x01\n", "(the metadata table)"),
    ("same file twice", "id,file\na,a.txt\nb,./a.txt\n", "line 3: file './a.txt' listed twice (first on line 2)"),
    ("listed file missing", "id,file\na,a.txt\nb,b.txt\n", "line 3: row 'b' names 'b.txt', which does not exist"),
    ("folder listed as a file", "id,file\na,a.txt\nb,sub\n", "which does not exist or is not a file"),
    # faults the csv module reads without a word
    ("field over the csv limit", "id,file,title\na,a.txt,\"" + "x" * 131_073 + "\"\n",
     "line 2: cannot be read as CSV (field larger than field limit (131072); an unclosed quote?)"),
    ("a column named twice", "id,file,place,place\na,a.txt,嘉峪关市,金昌市\n",
     "line 1: column(s) place named more than once in the header"),
    ("a value under no column name", "id,file,\na,a.txt,嘉峪关市\n",
     "line 2: value '嘉峪关市' in column 3, which has no name in the header"),
    ("an unclosed quote", 'id,file,place\na,a.txt,"嘉峪关市\nb,b.txt,金昌市\n',
     "line 2: the place value runs over more than one line ('嘉峪关市\\nb,b.txt,金昌市'); an unclosed quote"),
    ("a line break in a file name", 'id,file,place\nb,"b\n.txt",金昌市\na,a.txt,嘉峪关市\n',
     "line 2: the file value runs over more than one line"),
    ("the table listed as a report", "id,file\na,a.txt\nm,./metadata.csv\n",
     "line 3: file './metadata.csv' is the metadata table itself, not a report"),
    # an unclosed quote before the last column leaves too few fields: the quote is said, not the count
    ("an unclosed quote before a column", 'id,file,title,place\na,a.txt,"某市报告,金昌市\nb,b.txt,x,y\n',
     "line 2: the title value runs over more than one line"),
    # ids are listed with commas (doc_ids, the slogans table): one holding a comma could not be selected
    ("an id with a comma", 'id,file\n"hailar, 2015",a.txt\n', "line 2: id 'hailar, 2015' holds a comma"),
])
def test_tables_that_are_clear_errors(tmp_path, name, table, problem):
    folder = folder_with(tmp_path, table)
    (folder / "sub").mkdir(exist_ok=True)
    with pytest.raises(MetadataError) as err:
        load_corpus(folder)
    message = str(err.value)
    assert str(folder / "metadata.csv") in message and problem in message, message


def test_one_error_names_every_faulty_row_of_a_table(tmp_path):
    # a table typed by hand: a bad date, a misspelt kind, a repeated id, all named in one error
    folder = folder_with(tmp_path, "id,file,doc_type,date_delivered\na,a.txt,,2021-13-01\n"
                                   "b,b.txt,gov_report,\nc,c.txt,,\nc,d.txt,,\n")
    table = folder / "metadata.csv"
    with pytest.raises(MetadataError) as err:
        load_corpus(folder)
    assert str(err.value).split("\n") == [
        f"{table}: 3 rows are faulty:",
        f"  {table}, line 2, date_delivered: date '2021-13-01' does not exist (month must be in 1..12)",
        f"  {table}, line 3: doc_type 'gov_report' is not one of gov_work_report, party_congress_report, "
        "interview, feature (or 政府工作报告, 党代会报告, 访谈, 报道; leave it empty when none fits)",
        f"  {table}, line 5: duplicate id 'c' (first on line 4)"]
    # well-formed rows naming files that are not there: each is named, with a near miss offered
    (folder / "b.txt").write_bytes(TWIN.encode())
    table.write_text("id,file\na,a.txt\nb,B.txt\nc,c.txt\n", encoding="utf-8")
    with pytest.raises(MetadataError) as err:
        load_corpus(folder)
    assert str(err.value).split("\n") == [
        f"{table}: 2 rows name no file:",
        f"  {table}, line 3: row 'b' names 'B.txt', which does not exist; did you mean 'b.txt'? "
        "(file names are matched exactly, letter case and suffix included)",
        f"  {table}, line 4: row 'c' names 'c.txt', which does not exist"]


def test_a_place_written_more_than_one_way_is_read_one_way_and_said(tmp_path):
    folder = folder_with(tmp_path, "id,file,place\na,a.txt,海拉尔区\nb,b.txt,呼伦贝尔市海拉尔区\nc,c.txt,海拉尔\n",
                         {name: (TWIN + name).encode() for name in ("a.txt", "b.txt", "c.txt")})
    with pytest.warns(UserWarning) as said:
        c = load_corpus(folder)
    assert [d.meta["place"] for d in c] == ["海拉尔区"] * 3
    assert [str(w.message) for w in said] == ["one place written more than one way is read one way: "
                                              "呼伦贝尔市海拉尔区 as 海拉尔区; 海拉尔 as 海拉尔区 "
                                              "(write it alike in metadata.csv to keep this from being said)"]
    with pytest.warns(UserWarning, match="read one way") as said:
        assert load_corpus(folder, place="海拉尔区").ids == ["a", "b", "c"]
    assert said[0].filename == __file__       # said where the user loaded the corpus


def test_two_copies_of_one_report_are_said(tmp_path):
    # the same text in GBK and as a web page, spaces aside; a web copy with its page furniture
    # beside the text file (same place and year); a report of another year is no copy
    web = "首页 > 政务公开 > 政府工作报告\n" + TWIN + "\n版权所有 嘉峪关市人民政府 网站标识码6202000001\n"
    other = TWIN.replace("2021年全市", "2022年全市").replace("326.5", "360.2")
    folder = folder_with(tmp_path, "id,file,date_delivered\na,a.txt,2022-01-10\nb,b.txt,2022-01-10\n"
                                   "c,c.html,2022-01-10\nw,w.txt,2022-01-10\nn,n.txt,2023-01-10\n",
                         {"a.txt": TWIN.encode(), "b.txt": TWIN.encode("gbk"), "c.html": html_page(TWIN).encode(),
                          "w.txt": web.encode(), "n.txt": other.encode()})
    with pytest.warns(UserWarning) as said:
        load_corpus(folder)
    twice = ": every table counts it twice (remove one, or keep both on purpose)"
    assert [str(w.message) for w in said] == [
        "a (a.txt), b (b.txt) and c (c.html) hold the same text" + twice,     # the files too: ids are the table's
        "a (a.txt) and w (w.txt) hold nearly the same text (100% of the shorter one's sampled 8-character pieces "
        "are in the other)" + twice]


def test_a_missing_metadata_table_given_by_name_is_an_error(tmp_path):
    folder = folder_with(tmp_path, "id,file\na,a.txt\n")
    with pytest.raises(MetadataError, match="elsewhere.csv: metadata file not found"):
        load_corpus(folder, metadata=folder / "elsewhere.csv")


def test_a_link_leading_out_of_the_corpus_folder_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(TWIN.encode())
    folder = folder_with(tmp_path, "id,file\na,a.txt\ns,link.txt\n")
    (folder / "link.txt").symlink_to(secret)
    with pytest.raises(MetadataError, match="line 3: file 'link.txt' leads outside the corpus folder"), \
            pytest.warns(UserWarning, match="link.txt: a link leading outside the folder"):
        load_corpus(folder)


@pytest.mark.filterwarnings("ignore:.*hold the same text")     # one text in four forms, on purpose
def test_every_report_file_is_loaded_or_named(tmp_path):
    files = {"A.TXT": TWIN.encode(), "b.text": TWIN.encode("gbk"), "sub/c.txt": TWIN.encode(),
             "d.HTML": html_page(TWIN).encode(), "notes.md": b"# notes", "headline.csv": b"a,b\n",
             ".hidden/e.txt": b"x", "old.docx": b"PK\x03\x04", "scan.pdf": b"%PDF-1.4"}
    folder = tmp_path / "mixed"
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    with pytest.warns(UserWarning, match=r"skipped 2 file\(s\) that are not .txt/.text/.html reports: "
                                         r"old.docx, scan.pdf"):
        c = load_corpus(folder)
    assert sorted(c.ids) == ["A", "b", "d", "sub/c"]
    assert c["d"].format == "html" and c["sub/c"].meta["file"] == "sub/c.txt"
    # With a table, a report file it does not list is an error naming it, wherever it is.
    (folder / "metadata.csv").write_text("id,file\na,A.TXT\nb,b.text\nd,d.HTML\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(MetadataError, match="no metadata row for sub/c.txt"):
            load_corpus(folder)
        (folder / "metadata.csv").write_text("id,file\na,A.TXT\nb,b.text\nd,d.HTML\nc,sub/c.txt\n", encoding="utf-8")
        assert load_corpus(folder).ids == ["a", "b", "d", "c"]


def test_a_one_file_five_column_corpus_works_where_the_notebooks_use_it(tmp_path, monkeypatch):
    from policytext import corpus_subset, textstat_cleaning, textstat_parts
    from policytext.notebook import explore

    folder = folder_with(tmp_path, "id,file,place,doc_type,title\na,a.txt,嘉峪关市,gov_work_report,报告\n")
    c = load_corpus(folder)
    frame = c.to_frame()
    for column in ["id", "place", "doc_type", "title", "speaker", "year", "n_chars", "n_raw_chars",
                   "n_removed_lines", "date_delivered", "level", "parent"]:
        assert column in frame.columns, column

    def documents(place=None):
        chosen = c if place is None else corpus_subset(c, place=place)
        return chosen.to_frame()[["id", "place", "doc_type", "title", "speaker", "year", "n_chars"]]

    monkeypatch.setenv("POLICYTEXT_STATIC", "1")
    shown = explore(documents, place=[None, "嘉峪关市"])
    assert list(shown["id"]) == ["a"] and shown.loc[0, "speaker"] == ""
    assert set(textstat_parts(c)["doc"]) == {"a"}
    assert list(textstat_cleaning(c).columns) == ["doc", "reason", "text", "raw_start", "raw_end"]
    assert len(quantities(c)) == 8


def test_a_corpus_from_strings_has_every_metadata_column():
    c = corpus({"x": TWIN}, meta={"x": {"place": "嘉峪关市"}})
    assert c["x"].meta["speaker"] == "" and c["x"].meta["place"] == "嘉峪关市" and c["x"].meta["id"] == "x"
    assert c["x"].meta["doc_type"] == "gov_work_report" and c["x"].from_text == ("doc_type",)  # its title
    # a Traditional report names itself in Traditional characters (嘉峪關市政府工作報告)
    twin = corpus({"x": TRADITIONAL})["x"]
    assert (twin.meta["place"], twin.meta["doc_type"]) == ("嘉峪关市", "gov_work_report")
    bad = corpus({"x": TWIN}, meta={"x": {"date_delivered": "2021-02-30"}})
    with pytest.raises(MetadataError, match="document 'x', date_delivered: date '2021-02-30' does not exist"):
        bad["x"].date


# ---------------------------------------------------------------- the report folder

def test_report_folder_planted_link_is_not_written_through(tmp_path):
    from policytext.reportdir import publish, staging, write_file

    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "reports"
    for round_ in range(2):
        with staging(out) as build:
            write_file(build, "index.html", f"round {round_}")
            publish(build, out)
        if round_ == 0:
            (out / "index.html").unlink()
            (out / "index.html").symlink_to(victim)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert (out / "index.html").read_text(encoding="utf-8") == "round 1" and not (out / "index.html").is_symlink()
    # A link planted under a name the render does not write makes the folder foreign: refused.
    (out / "fonts").symlink_to(tmp_path)
    with pytest.raises(RenderError, match="holds files an earlier render did not write \\(fonts\\)"):
        with staging(out) as build:
            publish(build, out)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports", "victim.txt"]


def test_every_error_class_is_a_policytext_error_from_errors_py():
    from policytext import errors, fonts, render, themes

    for name in errors.__all__:     # and one warning: what loading went on despite
        assert issubclass(getattr(errors, name), PolicyTextError) or getattr(errors, name) is errors.InputWarning
    assert issubclass(errors.InputWarning, UserWarning)
    assert fonts.FontError is errors.FontError and themes.DictionaryError is errors.DictionaryError
    assert render.RenderError is errors.RenderError


def test_render_refuses_a_corpus_it_cannot_load_before_any_kernel_starts(tmp_path, monkeypatch, capsys):
    from policytext import render

    def never(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(render, "_execute", never)
    folder = folder_with(tmp_path, "id,file,date_delivered\na,a.txt,2021-02-30\n")
    code = main(["render", "--out", str(tmp_path / "out"), "--param", f"corpus_path={folder}", "00"])
    assert code == 2 and not (tmp_path / "out").exists()
    err = capsys.readouterr().err
    assert "parameter corpus_path:" in err and "date '2021-02-30' does not exist" in err and "Traceback" not in err


@pytest.mark.xdist_group("render")
def test_notebooks_00_and_01_render_a_one_file_five_column_corpus(tmp_path):
    """The notebooks' own code on partial metadata (issue 11: `explore(documents, ...)` crashed)."""
    from policytext.render import render_notebooks

    folder = folder_with(tmp_path, "id,file,place,doc_type,title\na,a.txt,嘉峪关市,gov_work_report,报告\n")
    done = render_notebooks(tmp_path / "out", params={"corpus_path": str(folder)}, notebooks=["00", "01"],
                            progress=False)
    assert [item.name[:2] for item in done] == ["00", "01"]
    for item in done:
        page = item.html.read_text(encoding="utf-8")
        assert "嘉峪关市" in page and "Traceback" not in page and "KeyError" not in page


@pytest.mark.xdist_group("render")
def test_a_script_payload_in_metadata_is_inert_in_every_notebook(tmp_path):
    """Issue 11: place and title from metadata reach tables and Markdown; they must be escaped."""
    import csv
    import shutil
    from html.parser import HTMLParser

    from policytext.render import render_notebooks

    folder = tmp_path / "corpus"
    folder.mkdir()
    with open(SEEDS / "metadata.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        shutil.copy(SEEDS / row["file"], folder / row["file"])
        if row["place"] == "金昌市":
            row["place"] = "<img src=x onerror=alert(1)>"
        row["title"] = "<script>alert(2)</script>" + row["title"]
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)

    class Live(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found, self._in_script = [], False

        def handle_starttag(self, tag, attrs):
            self._in_script = tag == "script"
            self.found += [(tag, key) for key, value in attrs if key.startswith("on") and "alert" in (value or "")]
            self.found += [(tag, "src=x")] if tag == "img" and ("src", "x") in attrs else []

        def handle_data(self, data):
            if self._in_script and "alert(2)" in data:
                self.found.append(("script", data[:40]))

    done = render_notebooks(tmp_path / "out", params={"corpus_path": str(folder)}, progress=False)
    shown = 0
    for item in done:
        page = item.html.read_text(encoding="utf-8")
        parser = Live()
        parser.feed(page)
        assert parser.found == [], (item.name, parser.found)
        shown += page.count("&lt;img src=x onerror=alert(1)&gt;") + page.count("&lt;script&gt;alert(2)")
    assert shown > 0  # the payload was on the pages, as text


@pytest.mark.parametrize("encoding, cut", [("utf-8", 2), ("gbk", 1)])
def test_a_file_cut_off_inside_a_character_is_read_up_to_it_with_a_warning(tmp_path, encoding, cut):
    path = tmp_path / "cut.txt"
    path.write_bytes(TWIN.encode(encoding) + "报".encode(encoding)[:cut])    # a download stopped mid-character
    with pytest.warns(UserWarning, match=rf"cut\.txt: ends inside a character \(its last {cut} byte\(s\).*cut off"):
        doc = load_files([path]).docs[0]
    assert doc.raw == TWIN.replace("\r\n", "\n")


@pytest.mark.filterwarnings("ignore:.*(hold the same text|read one way)")   # said in this process too
def test_the_report_shows_what_loading_said_about_the_input(tmp_path):
    # the report drops the notebook's stderr, where warnings go: notebook 01 lists them
    from policytext.render import render_notebooks

    folder = folder_with(tmp_path, "id,file,place\na,a.txt,嘉峪关市\nb,b.txt,甘肃省嘉峪关市\n",
                         {"a.txt": TWIN.encode(), "b.txt": TWIN.encode("gbk")})
    notebook = Path(__file__).resolve().parents[1] / "notebooks" / "01-corpus.ipynb"
    done = render_notebooks(tmp_path / "out", params={"corpus_path": str(folder)}, notebooks=[notebook],
                            progress=False, workers=1)
    page = done[0].html.read_text(encoding="utf-8")
    assert "What loading said about the input" in page
    assert "one place written more than one way is read one way: 甘肃省嘉峪关市 as 嘉峪关市" in page
    assert "a (a.txt) and b (b.txt) hold the same text: every table counts it twice" in page


@pytest.mark.parametrize("written", ["２０２２－０１－１０", "２０２２／１／１０", "２０２２年１月１０日", "2022-01-10"])
def test_a_date_typed_in_full_width_digits_is_read(tmp_path, written):
    # a Chinese keyboard types full-width digits and dashes into a hand-made table
    folder = folder_with(tmp_path, f"id,file,date_delivered\na,a.txt,{written}\n")
    assert load_corpus(folder)["a"].date.isoformat() == "2022-01-10"


def test_a_kind_written_as_a_reader_names_it_is_read(tmp_path):
    # a table typed by hand names the kind in Chinese, or as the reports name it in English
    from policytext.metadata import read_metadata

    path = tmp_path / "metadata.csv"
    path.write_text("id,file,doc_type\na,a.txt,政府工作报告\nb,b.txt,党代会报告\nc,c.txt,访谈\n"
                    "d,d.txt,Feature Article\ne,e.txt,gov_work_report\nf,f.txt,\n", encoding="utf-8")
    kinds = [row["doc_type"] for row in read_metadata(path)]
    assert kinds == ["gov_work_report", "party_congress_report", "interview", "feature", "gov_work_report", ""]


def test_a_link_out_of_the_folder_is_not_read_but_named_with_or_without_a_table(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(TWIN.encode())
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TWIN.encode())
    (folder / "notes.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "a.txt")        # a link inside the folder is read
    said = f"{folder}/notes.txt: a link leading outside the folder {folder.resolve()}; not read"
    with pytest.warns(UserWarning) as warned:
        assert load_corpus(folder).ids == ["a", "inside"]
    assert said in [str(w.message) for w in warned]
    (folder / "metadata.csv").write_text("id,file\na,a.txt\nb,inside.txt\n", encoding="utf-8")
    with pytest.warns(UserWarning) as warned:      # not "no metadata row" for a file that is not read
        assert load_corpus(folder, strict=False).ids == ["a", "b"]
    assert said in [str(w.message) for w in warned]
    assert not any("notes.txt: no metadata row" in str(w.message) for w in warned)


def test_a_render_inside_the_corpus_folder_is_not_read_back_as_reports(tmp_path):
    folder = folder_with(tmp_path, "id,file\na,a.txt\n")
    render = folder / "reports"
    (render / "fonts").mkdir(parents=True)
    (render / ".policytext-render.json").write_text('{"generator": "policytext render", "files": []}')
    (render / "index.html").write_text("<html><body><p>报告</p><p>目录</p></body></html>", encoding="utf-8")
    (render / "fonts" / "OFL.txt").write_text("SIL Open Font License", encoding="utf-8")
    with pytest.warns(UserWarning, match=f"{render}: holds an earlier policytext render "
                                         r"\(.policytext-render.json\), whose pages are no reports; not read"):
        assert load_corpus(folder).ids == ["a"]


def test_files_a_folder_cannot_read_are_named_and_a_fifo_never_blocks(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(TWIN.encode())
    (folder / "sub" / "b.txt").write_bytes(TWIN.encode("gbk"))
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "x.txt")
    (folder / "linked").symlink_to(folder / "sub")
    with pytest.warns(UserWarning) as warned:
        c = load_corpus(folder)
    assert c.ids == ["a", "sub/b"]
    assert [str(w.message) for w in warned if "not read" in str(w.message)] == [
        f"{folder}/gone.txt: a link to nothing (its target is missing, or links lead round in a loop); not read",
        f"{folder}/linked: a link to a folder (linked folders are not followed; load that folder itself); not read",
        f"{folder}/loop.txt: a link to nothing (its target is missing, or links lead round in a loop); not read",
        f"{folder}/x.txt: is a FIFO (named pipe), not a regular file; policytext reads report files only; not read"]


# a report whose second half went through a wrong reading (or two) and was saved again
SECOND_HALF = {
    "GBK read as Latin-1": (lambda s: s.encode("gbk").decode("latin-1"), "GBK/GB18030 Chinese text that was read "
                            "as Latin-1/cp1252 and saved again (line 22 begins 'ÎÒÃÇÍ³³ï·ÖÎö')"),
    "UTF-8 read as GBK": (lambda s: s.encode().decode("gbk", errors="replace"),
                          "UTF-8 Chinese text that was read as GBK and saved again (line 22 begins"),
    "UTF-8 read as cp1252": (lambda s: s.encode().decode("cp1252", errors="replace"),
                             "UTF-8 Chinese text that was read as Latin-1/cp1252 and saved again (line 22"),
    "UTF-8 read as GBK twice": (lambda s: s.encode().decode("gbk", errors="replace").encode().decode("gbk", "replace"),
                                "UTF-8 Chinese text that was read as GBK and saved again, then read as GBK and "
                                "saved again (line 22"),
    "UTF-8 read as cp1252 twice": (lambda s: s.encode().decode("cp1252", "replace").encode().decode("cp1252",
                                                                                                   "replace"),
                                   "read as Latin-1/cp1252 and saved again, then read as Latin-1/cp1252 and saved "
                                   "again (line 22"),
}


@pytest.mark.parametrize("name", SECOND_HALF)
def test_mojibake_anywhere_in_a_file_is_an_error_naming_its_first_line(tmp_path, name):
    misread, problem = SECOND_HALF[name]
    path = tmp_path / "report.txt"
    # 21 good lines of 5,800 characters, then a misread copy: the first 5,000 characters are good
    good = TWIN * 2 + ("地区生产总值" * 60 + "\n") * 15
    path.write_text(good + misread(TWIN.split("\n", 1)[1] * 2), encoding="utf-8")
    with pytest.raises(DecodeError) as err:
        load_files([path])
    assert str(err.value).startswith(f"{path}: read as utf-8, but it is mojibake: ") and problem in str(err.value), \
        str(err.value)


@pytest.mark.parametrize("place", [
    "海拉尔区".encode("utf-8").decode("mac_roman"),     # UTF-8 through Mac Roman: Êµ∑ÊãâÂ∞îÂå∫
    "海拉尔区".encode("gbk").decode("cp437"),           # GBK through a DOS code page: ║ú└¡╢√╟°
])
def test_one_mangled_cell_of_a_table_of_ascii_is_an_error_naming_it(tmp_path, place):
    # too few characters for the whole table's share (foreign) to decide: the cell decides
    rows = "".join(f"r{k},r{k}.txt,Town {k},gov_work_report,20{10 + k}-01-10\n" for k in range(12))
    folder = folder_with(tmp_path, f"id,file,place,doc_type,date_delivered\n{rows}a,a.txt,{place},,\n")
    with pytest.raises(MetadataError) as err:
        load_corpus(folder)
    assert str(err.value).startswith(f"{folder}/metadata.csv, line 14, place: '")
    assert "are accented letters or symbols where the table would have Chinese" in str(err.value)
    # ... and a name with an accent or two is no mojibake
    (tmp_path / "ok").mkdir()
    assert load_corpus(folder_with(tmp_path / "ok", "id,file,speaker\na,a.txt,José Zürich\n")).ids == ["a"]


def test_a_mojibake_cell_of_the_metadata_table_is_an_error_naming_its_line(tmp_path):
    # 海拉尔区 in UTF-8 read as GBK: the table's text goes through the same check as a report's
    folder = folder_with(tmp_path, "id,file,place\na,a.txt,娴锋媺灏斿尯\n")
    with pytest.raises(MetadataError, match="metadata.csv: read as utf-8, but it is mojibake: UTF-8 Chinese text "
                                            r"that was read as GBK and saved again \(line 2 begins 'a,a.txt,"):
        load_corpus(folder)
