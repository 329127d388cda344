"""The command line's file adapter (policytext.cli): files, and folders of them."""
import json

import pandas as pd
import pytest

from policytext.cli import main

REPORT_2021 = "某市政府工作报告\n——2021年1月8日\n过去一年，地区生产总值增长6%。\n今年主要预期目标：地区生产总值增长7%左右。\n"
REPORT_2022 = "某市政府工作报告\n——2022年1月9日\n过去一年，地区生产总值增长7.5%。\n今年主要预期目标：地区生产总值增长6.5%左右。\n"
HEADER = "id,file,place,doc_type,date_delivered\n"


def _folder(tmp_path, *, table=True):
    """Two reports in sub-folders; the table sits at the top and names another place."""
    (tmp_path / "r" / "2021").mkdir(parents=True)
    (tmp_path / "r" / "2022").mkdir()
    (tmp_path / "r" / "2021" / "report.txt").write_text(REPORT_2021, encoding="utf-8")
    (tmp_path / "r" / "2022" / "report.txt").write_text(REPORT_2022, encoding="utf-8")
    if table:
        (tmp_path / "r" / "metadata.csv").write_text(
            HEADER + "a21,2021/report.txt,甲市,gov_work_report,2021-01-08\n"
                     "a22,2022/report.txt,甲市,gov_work_report,2022-01-09\n", encoding="utf-8")
    return tmp_path / "r"


def _csv(capsys):
    from io import StringIO
    return pd.read_csv(StringIO(capsys.readouterr().out))


def test_a_folder_reads_every_report_in_it_with_its_table(tmp_path, capsys):
    folder = _folder(tmp_path)
    assert main(["quantities", str(folder), "--csv"]) == 0
    got = _csv(capsys)
    assert list(got["doc"]) == ["2021/report.txt"] * 2 + ["2022/report.txt"] * 2
    assert list(got["value"]) == [6, 7, 7.5, 6.5]
    assert list(got["text"]) == ["6%", "7%左右", "7.5%", "6.5%左右"]      # the README's `text` column
    assert list(got["label"]) == ["achieved", "target"] * 2 and list(got["year"]) == [2020, 2021, 2021, 2022]
    assert main(["targets", str(folder), "--csv"]) == 0
    judged = _csv(capsys)
    row = judged[judged["year"] == 2021].iloc[0]
    assert row["place"] == "甲市" and (row["target"], row["achieved"], row["met"]) == (7, 7.5, True)
    # every command names a document by its file, not by the id its table gives it (a21)
    assert (row["target_doc"], row["achieved_doc"]) == ("2021/report.txt", "2022/report.txt")
    assert main(["themes", str(folder), "--csv"]) == 0
    assert set(_csv(capsys)["doc"]) == {"2021/report.txt", "2022/report.txt"}


def test_every_column_that_names_a_document_names_its_file(tmp_path, capsys):
    # the 2022 report states two results for 2021: the second is listed in other_achieved
    folder = _folder(tmp_path)
    (folder / "2022" / "report.txt").write_text(REPORT_2022.replace(
        "增长7.5%。", "增长7.5%。全年地区生产总值增长7.4%。"), encoding="utf-8")
    assert main(["targets", str(folder), "--csv"]) == 0
    row = _csv(capsys).set_index("year").loc[2021]
    assert row["achieved_doc"] == "2022/report.txt" and "a22" not in row["other_achieved"]
    assert "7.5% (2022/report.txt @34)" in row["other_achieved"]      # where it is in the file


def test_a_folder_gives_what_its_files_give(tmp_path, capsys):
    folder = _folder(tmp_path, table=False)
    files = [str(folder / "2021" / "report.txt"), str(folder / "2022" / "report.txt")]
    assert main(["segment", str(folder), "--jsonl"]) == 0
    by_folder = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main(["segment", *files, "--jsonl"]) == 0
    by_files = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert by_folder == by_files and [r["doc"] for r in by_folder] == files
    assert main(["freq", str(folder), "--csv"]) == 0
    freq_folder = _csv(capsys)
    assert main(["freq", *files, "--csv"]) == 0
    assert freq_folder.equals(_csv(capsys))


def test_a_report_without_a_row_is_read_and_named(tmp_path, capsys):
    folder = _folder(tmp_path)
    (folder / "2022" / "extra.txt").write_text(REPORT_2022, encoding="utf-8")
    assert main(["quantities", str(folder), "--csv"]) == 0
    captured = capsys.readouterr()
    assert "extra.txt: no metadata row; metadata taken from its text" in captured.err
    assert captured.out.count("2022/extra.txt") == 2


@pytest.mark.parametrize("command", ["segment", "freq", "themes", "quantities", "targets"])
def test_a_folder_without_reports_is_an_error_naming_it(tmp_path, capsys, command):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.md").write_text("说明", encoding="utf-8")
    flag = "--jsonl" if command == "segment" else "--csv"
    assert main([command, str(tmp_path / "notes"), flag]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"policytext: error: {tmp_path / 'notes'}: no report files (.txt, .text, .htm, .html) " \
                           "in it or its sub-folders\n"


@pytest.mark.parametrize("command", ["segment", "freq", "themes", "quantities", "targets"])
def test_a_file_a_folder_skips_is_named_once(tmp_path, capsys, command):
    # the folder is looked at before any work starts and again when it is read: one warning
    folder = _folder(tmp_path)
    (folder / "old.docx").write_bytes(b"PK\x03\x04")
    assert main([command, str(folder), "--jsonl" if command == "segment" else "--csv"]) == 0
    assert capsys.readouterr().err.count("skipped 1 file(s) that are not .txt/.text/.html reports: old.docx") == 1


@pytest.mark.parametrize("command", ["segment", "freq", "themes", "quantities", "targets"])
def test_a_file_name_in_gbk_bytes_never_reaches_the_output_as_bytes(tmp_path, capsys, command):
    # a zip made on Chinese Windows, unpacked on Linux: the name is GBK bytes, which the UTF-8
    # output could not hold (internal error, or a CSV that is not UTF-8)
    import os

    folder = _folder(tmp_path, table=False)
    name = os.fsdecode("报告_2023.txt".encode("gbk"))
    try:
        (folder / name).write_text(REPORT_2022.replace("2022", "2023"), encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    flag = "--jsonl" if command == "segment" else "--csv"
    for given in (str(folder), str(folder / name)):
        assert main([command, given, flag]) == 0
        captured = capsys.readouterr()
        assert "it is named 报告_2023.txt" in captured.err
        captured.out.encode("utf-8")                    # no surrogate escapes left
        assert command == "freq" or "报告_2023.txt" in captured.out


@pytest.mark.parametrize("command", ["quantities", "segment"])
def test_control_characters_of_a_file_name_are_written_not_sent_to_the_terminal(tmp_path, capsys, command):
    # ESC [2K and CR in a name would erase the error line on a terminal and print "READ OK" instead
    (tmp_path / "a\x1b[2K\rREAD OK.txt").write_bytes(b"")
    assert main([command, str(tmp_path / "a\x1b[2K\rREAD OK.txt")]) == 2
    err = capsys.readouterr().err
    assert err == f"policytext: error: {tmp_path}/a\\x1b[2K\\x0dREAD OK.txt: file is empty\n"


@pytest.mark.parametrize("command", ["segment", "freq", "quantities"])
def test_every_file_that_cannot_be_read_is_named_in_one_error(tmp_path, capsys, command):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nul.txt").write_bytes(b"\x00\x01\x02")
    assert main([command, str(tmp_path / "empty.txt"), str(tmp_path / "nul.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("policytext: error: 2 of 2 files cannot be read:\n")
    assert f"{tmp_path}/empty.txt: file is empty" in err and f"{tmp_path}/nul.txt: " in err


@pytest.mark.parametrize("command", ["themes", "freq", "segment"])
def test_a_copy_in_another_folder_argument_is_said(tmp_path, capsys, monkeypatch, command):
    # one report in folders x and y, each given: every table would count it twice
    for place in ("x", "y"):
        (tmp_path / place).mkdir()
        (tmp_path / place / "2021.txt").write_text(REPORT_2021, encoding="utf-8")
    (tmp_path / "y" / "2022.txt").write_text(REPORT_2022, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([command, "x", "y"]) == 0
    err = capsys.readouterr().err
    assert err.count("hold the same text") == 1 and "x/2021.txt and y/2021.txt hold the same text" in err


def test_two_files_of_one_name_are_named_by_their_paths_as_given(tmp_path, capsys, monkeypatch):
    _folder(tmp_path, table=False)
    monkeypatch.chdir(tmp_path)
    for given in (["r/2021", "r/2022/report.txt"], ["r/2021/report.txt", "r/2022/report.txt"]):
        assert main(["quantities", *given, "--csv"]) == 0        # the second was refused: duplicate id
        assert list(_csv(capsys)["doc"]) == ["r/2021/report.txt"] * 2 + ["r/2022/report.txt"] * 2
        assert main(["segment", *given, "--jsonl"]) == 0
        assert [json.loads(line)["doc"] for line in capsys.readouterr().out.splitlines()] == [
            "r/2021/report.txt", "r/2022/report.txt"]
    assert main(["quantities", "r/2021", "r/2022", "--csv"]) == 0       # each a folder of one report.txt
    assert set(_csv(capsys)["doc"]) == {"r/2021/report.txt", "r/2022/report.txt"}


@pytest.mark.parametrize("command", ["segment", "freq", "quantities"])
def test_a_file_given_twice_is_read_once_and_said(tmp_path, capsys, monkeypatch, command):
    _folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    flag = "--jsonl" if command == "segment" else "--csv"
    assert main([command, "r", flag]) == 0
    once = capsys.readouterr().out
    assert main([command, "r", "./r/2021/report.txt", flag]) == 0
    captured = capsys.readouterr()
    assert captured.out == once
    assert "./r/2021/report.txt: given twice (the same file as r/2021/report.txt); read once" in captured.err


def test_a_folder_that_cannot_be_listed_is_said(tmp_path, capsys, monkeypatch):
    from test_corpus import _locked

    folder = _folder(tmp_path)
    (folder / "locked").mkdir()
    (folder / "locked" / "report.txt").write_text(REPORT_2021, encoding="utf-8")
    _locked(monkeypatch, folder / "locked")
    assert main(["quantities", str(folder), "--csv"]) == 0
    captured = capsys.readouterr()
    assert f"{folder / 'locked'}: a folder that cannot be listed (Permission denied); not read" in captured.err
    assert list(_csv_text(captured.out)["value"]) == [6, 7, 7.5, 6.5]
    assert main(["quantities", str(folder / "locked"), "--csv"]) == 2
    assert capsys.readouterr().err == (f"policytext: error: {folder / 'locked'}: a folder that cannot be listed "
                                       "(Permission denied)\n")


def _csv_text(text):
    from io import StringIO
    return pd.read_csv(StringIO(text))


def test_the_csv_sentences_are_the_files_own_text(tmp_path, capsys):
    # the clean text has ASCII commas and colons; the file has full-width ones, and a reader searches the file
    folder = _folder(tmp_path)
    files = {"2021/report.txt": REPORT_2021, "2022/report.txt": REPORT_2022}
    assert main(["quantities", str(folder), "--csv"]) == 0
    got = _csv(capsys)
    assert "今年主要预期目标：地区生产总值增长6.5%左右。" in set(got["sentence"])
    assert all(sentence in files[doc] for doc, sentence in zip(got["doc"], got["sentence"]))
    assert main(["targets", str(folder), "--csv"]) == 0
    judged = _csv(capsys).dropna(subset=["achieved_doc"])
    assert all(s in files[d] for d, s in zip(judged["achieved_doc"], judged["achieved_sentence"]))
    assert "过去一年，地区生产总值增长7.5%。" in set(judged["achieved_sentence"])


def test_tables_are_utf8_whatever_the_locale_and_messages_never_fail(tmp_path):
    # A Windows console or a cp1252 locale: the CSV stopped at the first Chinese character
    # (exit 70, a file holding only the header).
    import os
    import subprocess
    import sys

    folder = _folder(tmp_path)
    (folder / "2022" / "说明.txt").write_text(REPORT_2022, encoding="utf-8")   # no row: a warning naming it
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run([sys.executable, "-m", "policytext", "quantities", str(folder), "--csv"],
                          capture_output=True, env=env)
    assert done.returncode == 0, done.stderr
    table = done.stdout.decode("utf-8")
    assert "今年主要预期目标：地区生产总值增长7%左右。" in table and table.count("\n") == 7
    assert "2022/\\u8bf4\\u660e.txt" in done.stderr.decode("cp1252")


@pytest.mark.parametrize("command", ["segment", "freq", "quantities"])
def test_a_table_given_as_a_report_is_an_error_naming_it(tmp_path, capsys, command):
    # metadata.csv among the files: its cells were counted as words and figures (exit 0)
    folder = _folder(tmp_path)
    assert main([command, str(folder / "2021" / "report.txt"), str(folder / "metadata.csv")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == (f"policytext: error: {folder}/metadata.csv: a .csv file is a table or a note, not "
                                 "a report (reports are .txt, .text, .htm, .html files; a metadata.csv is read "
                                 "beside them)\n")


def test_segment_names_each_file_by_a_path_that_opens_it(tmp_path, capsys, monkeypatch):
    # the evaluation scripts open `doc` (a path; a bare name only with --root): a file named as the
    # tables name it (2021/report.txt, relative to the folder) could not be found from elsewhere
    folder = _folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["segment", "r"]) == 0
    docs = [json.loads(line)["doc"] for line in capsys.readouterr().out.splitlines()]
    assert docs == ["r/2021/report.txt", "r/2022/report.txt"]
    assert all((tmp_path / d).read_text(encoding="utf-8") for d in docs) and folder.exists()
