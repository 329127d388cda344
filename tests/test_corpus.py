"""Loading: encodings, metadata checks, offsets, subsets. Each bad input names the file."""
import shutil

import pytest

from policytext import (DecodeError, MetadataError, ParameterError, corpus, corpus_subset, load_corpus, textstat_cleaning, textstat_parts)
from policytext.corpus import decode_bytes, load_files, read_text

from conftest import SEEDS

TEXT = "嘉峪关市政府工作报告\n全市地区生产总值增长7%,达到326.5亿元。\n"
HEADER = "id,file,place,level,parent,province,doc_type,title,speaker,role,date_delivered,date_published,source\n"


def _folder(tmp_path, files: dict[str, bytes], rows: list[str] | None):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    if rows is not None:
        (tmp_path / "metadata.csv").write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("encoding, prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                              ("gb18030", b""), ("gbk", b""), ("utf-16", b"")])
def test_common_encodings_decode_to_the_same_text(encoding, prefix):
    text, _ = decode_bytes(prefix + TEXT.encode(encoding), name="x.txt")
    # a UTF-8 BOM stays as U+FEFF (as Python's utf-8 reader keeps it), so offsets agree
    assert text == ("\ufeff" if prefix else "") + TEXT


def test_bom_file_offsets_agree_with_python_and_clean_text_drops_the_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    doc = load_files([path])["bom.txt"]
    assert doc.raw == path.read_text(encoding="utf-8")
    assert doc.clean.startswith("嘉峪关市政府工作报告")
    i = doc.clean.index("326.5")
    assert doc.raw[doc.to_raw(i):doc.to_raw(i + 5)] == "326.5"


def test_windows_newlines_are_normalised():
    assert decode_bytes(TEXT.replace("\n", "\r\n").encode(), name="x.txt")[0] == TEXT


def test_gb18030_file_loads_and_reports_its_encoding(tmp_path):
    folder = _folder(tmp_path, {"a.txt": TEXT.encode("gb18030")}, ["a,a.txt,嘉峪关市,地级市,,甘肃省,gov_work_report,t,,,2021-12-14,,"])
    c = load_corpus(folder)
    assert c["a"].raw == TEXT and c["a"].encoding == "gb18030"


@pytest.mark.parametrize("data, problem", [(b"", "empty"), (b"  \n\n", "empty"),
                                           (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image, not text"),
                                           (b"\x01\x02\x00\x00\x07\x08\x00\x00\x03", "binary")])
def test_empty_and_binary_files_are_clear_errors_naming_the_file(tmp_path, data, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(DecodeError, match=rf"bad\.txt.*{problem}"):
        read_text(path)


def test_a_non_chinese_legacy_file_is_decoded_by_the_detector_not_forced_into_gb18030():
    text, encoding = decode_bytes("Café résumé naïve, déjà vu".encode("cp1252"), name="latin.txt")
    assert text.startswith("Caf") and "gb" not in encoding


def test_very_short_gb18030_text_is_not_taken_for_korean():
    text, encoding = decode_bytes("阶级斗争，革命，农业，农业。".encode("gb18030"), name="short.txt")
    assert text == "阶级斗争，革命，农业，农业。" and encoding == "gb18030"


def test_short_gbk_text_with_full_width_digits_decodes():
    text, encoding = decode_bytes("增长８％,达到４．６％。".encode("gbk"), name="short.txt")
    assert text == "增长８％,达到４．６％。" and encoding == "gb18030"


def test_metadata_row_with_no_file_is_an_error(tmp_path):
    folder = _folder(tmp_path, {"a.txt": TEXT.encode()}, ["a,a.txt,,,,,,,,,,,", "b,missing.txt,,,,,,,,,,,"])
    with pytest.raises(MetadataError, match=r"missing\.txt.*does not exist"):
        load_corpus(folder)


@pytest.mark.filterwarnings("ignore:.*hold the same text")     # copies, on purpose
def test_file_with_no_metadata_row_is_an_error_unless_not_strict(tmp_path):
    folder = _folder(tmp_path, {"a.txt": TEXT.encode(), "new_2023.txt": TEXT.encode()}, ["a,a.txt,,,,,,,,,,,"])
    with pytest.raises(MetadataError, match=r"no metadata row for new_2023\.txt"):
        load_corpus(folder)
    with pytest.warns(UserWarning, match="new_2023.txt"):
        c = load_corpus(folder, strict=False)
    assert c.ids == ["a", "new_2023"] and c["new_2023"].year == 2023


@pytest.mark.parametrize("written, there", [("2017.TXT", "2017.txt"), ("2017", "2017.txt"),
                                            ("Reports/2017.txt", "reports/2017.txt")])
def test_a_row_naming_a_file_that_is_not_there_says_which_file_is(tmp_path, written, there):
    (tmp_path / there).parent.mkdir(exist_ok=True)
    (tmp_path / there).write_text(TEXT, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(HEADER + f"hl,{written},,,,,,,,,,,\n", encoding="utf-8")
    with pytest.raises(MetadataError, match=rf"line 2: row 'hl' names '{written}', which does not exist; "
                                            rf"did you mean '{there}'\?"):
        load_corpus(tmp_path)


def test_column_names_are_read_in_any_letter_case(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("ID,File,Place,Doc_Type\na,a.txt,嘉峪关市,gov_work_report\n",
                                           encoding="utf-8")
    doc = load_corpus(tmp_path)["a"]
    assert (doc.meta["place"], doc.meta["doc_type"]) == ("嘉峪关市", "gov_work_report")


def test_duplicate_id_is_an_error_with_line_numbers(tmp_path):
    folder = _folder(tmp_path, {"a.txt": TEXT.encode(), "b.txt": TEXT.encode()},
                     ["a,a.txt,,,,,,,,,,,", "a,b.txt,,,,,,,,,,,"])
    with pytest.raises(MetadataError, match=r"line 3: duplicate id 'a' \(first on line 2\)"):
        load_corpus(folder)


@pytest.mark.filterwarnings("ignore:.*hold the same text")     # copies, on purpose
def test_folder_without_metadata_loads_every_file(tmp_path):
    folder = _folder(tmp_path, {"x.txt": TEXT.encode(), "y.txt": TEXT.encode("gb18030")}, None)
    assert load_corpus(folder).ids == ["x", "y"]


def test_seeds_load_with_metadata_and_years(seeds):
    frame = seeds.to_frame()
    assert len(frame) == 5
    assert dict(zip(frame["id"], frame["year"])) == {
        "jyg_interview_2022": 2022, "jyg_gov_2021": 2021, "liangzhou_feature_2021": 2021,
        "jyg_party_2021": 2021, "jinchang_interview_2022": 2022}
    assert set(frame["place"]) == {"嘉峪关市", "凉州区", "金昌市"}


def test_clean_offsets_map_to_the_same_characters_in_raw(seeds):
    doc = seeds["jyg_gov_2021"]
    i = doc.clean.index("预计达到306亿元")
    assert doc.raw[doc.to_raw(i):doc.to_raw(i + 9)] == "预计达到306亿元"


def test_seed_cleaning_removes_furniture_but_keeps_the_body(seeds):
    removed = textstat_cleaning(seeds)
    gov = removed[removed["doc"] == "jyg_gov_2021"]
    assert set(gov["text"]) >= {"查看余下全文", "(责任编辑:石兰兰)", "精彩图片"}
    assert "各位代表!奋斗成就梦想" in seeds["jyg_gov_2021"].clean
    assert "分享到" not in seeds["jyg_interview_2022"].clean


def test_review_and_plan_parts_of_the_work_report(seeds):
    doc = seeds["jyg_gov_2021"]
    assert doc.part_at(doc.clean.index("五年累计实施亿元以上项目181个")) == "review"
    assert doc.part_at(doc.clean.index("2022年,是新一届政府履职的起步之年")) == "plan"
    parts = textstat_parts(seeds).set_index(["doc", "part"])["share"]
    assert 0.2 < parts["jyg_party_2021", "review"] < 0.5


def test_sentence_at_returns_the_whole_sentence(seeds):
    doc = seeds["jyg_interview_2022"]
    i = doc.clean.index("326.5")
    sentence = doc.sentence_at(i)
    assert sentence.text.startswith("2021年全市地区生产总值首次突破300亿元") and sentence.text.endswith("。")


def test_corpus_from_strings_and_subset():
    c = corpus({"a": "甲文", "b": "乙文"}, meta={"a": {"place": "金昌市"}, "b": {"place": "嘉峪关市"}})
    assert corpus_subset(c, place="金昌市").ids == ["a"]
    with pytest.raises(ParameterError, match="available: 嘉峪关市, 金昌市"):
        corpus_subset(c, place="兰州市")
    with pytest.raises(ParameterError, match="unknown document id"):
        corpus_subset(c, ids=["zz"])


@pytest.mark.parametrize("one", ["各位代表：现在我代表市人民政府报告工作。", "/data/reports", SEEDS,
                                 "报告".encode("utf-8")])
def test_corpus_of_one_string_or_path_is_refused_not_cut_into_characters(one):
    # a str is iterable: corpus("各位代表…") made one document per character, and
    # corpus("/data/reports") a corpus of the path's characters
    with pytest.raises(ParameterError, match=r"corpus\(\[text\]\).*load_corpus\(path\)"):
        corpus(one)
    assert corpus([str(one)]).ids == ["1"]


def test_load_files_uses_file_names_as_ids_and_reads_year_from_text(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("某市政府工作报告\n——2023年1月5日在某市人民代表大会上\n内容。", encoding="utf-8")
    c = load_files([path, SEEDS / "001_f3379124822e4208.txt"])
    assert c.ids == ["report.txt", "001_f3379124822e4208.txt"]
    assert c["report.txt"].year == 2023
    assert c["001_f3379124822e4208.txt"].meta["place"] == "嘉峪关市"  # metadata.csv beside it


@pytest.mark.parametrize("title", ["2024年某市政府工作報告", "2024年某市政府工作报告"])
def test_the_title_year_is_read_in_either_script(title):
    # A Traditional copy is analysed converted; its year comes from the same title.
    doc = next(iter(corpus({"d": f"{title}\n各位代表：本地生產總值增長3.2%。"})))
    assert doc.year == 2024 and doc.meta["place"] == "某市"


def test_seeds_folder_copy_with_new_file_and_row_is_picked_up(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    (folder / "new.txt").write_text(TEXT, encoding="utf-8")
    with open(folder / "metadata.csv", "a", encoding="utf-8") as fh:
        fh.write("new_2023,new.txt,兰州市,地级市,,甘肃省,gov_work_report,兰州市政府工作报告,,,2023-01-05,,\n")
    assert load_corpus(folder).ids[-1] == "new_2023"


def test_load_corpus_selects_a_city_and_names_the_cities_when_unknown():
    assert load_corpus(SEEDS, place="金昌市").ids == ["jinchang_interview_2022"]
    with pytest.raises(ParameterError, match="place=兰州市; available: 凉州区, 嘉峪关市, 金昌市"):
        load_corpus(SEEDS, place="兰州市")


def test_the_pieces_compared_for_copies_are_the_same_in_every_run():
    # a warning states the share of pieces two copies hold in common: it must not change from one
    # run (one PYTHONHASHSEED) to the next
    import os
    import subprocess
    import sys

    code = ("from policytext.filenames import _pieces\n"
            "print(sorted(_pieces('地区生产总值增长8%，一般公共预算收入增长6%，城镇居民人均可支配收入增长7.5%。' * 3)))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(runs) == 1 and runs.pop().startswith("[")


# ---------------------------------------------------------------- file names that are not UTF-8

def _named_in_bytes(folder, name: bytes, text: str = TEXT):
    """A report whose file name is ``name``'s bytes (a zip made on Chinese Windows, unpacked here)."""
    import os

    path = folder / os.fsdecode(name)
    try:
        path.write_text(text, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    return path


def test_a_file_name_in_gbk_bytes_is_read_as_gb18030_and_said(tmp_path):
    path = _named_in_bytes(tmp_path, "报告_2021.txt".encode("gbk"))
    said = r"\\xb1\\xa8\\xb8\\xe6_2021.txt: the file name is not UTF-8 .*read as GB18030, it is named 报告_2021.txt"
    with pytest.warns(UserWarning, match=said):
        c = load_corpus(tmp_path)
    doc = c["报告_2021"]
    assert c.ids == ["报告_2021"] and doc.meta["file"] == "报告_2021.txt"
    assert doc.path == path and doc.year == 2021 and doc.raw == TEXT      # the file itself is read by its real path
    with pytest.warns(UserWarning, match=said):
        assert load_files([path]).ids == ["报告_2021.txt"]
    # the quantities' file column too (it read the path's bytes, and notebook 04's figure cache failed)
    from policytext import quantities
    assert set(quantities(c, cache=False)["file"]) == {"报告_2021.txt"}


def test_a_file_named_in_gbk_bytes_is_listed_by_the_name_it_is_shown_by(tmp_path):
    # the warning names it 报告_2021.txt: a metadata row may name it so (it said "does not exist")
    path = _named_in_bytes(tmp_path, "报告_2021.txt".encode("gbk"))
    (tmp_path / "metadata.csv").write_text("id,file,place\nr21,报告_2021.txt,甲市\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="it is named 报告_2021.txt"):
        c = load_corpus(tmp_path)
    assert c.ids == ["r21"] and c["r21"].path == path and c["r21"].meta["place"] == "甲市"


def test_a_file_name_in_no_known_encoding_is_named_with_its_bytes_escaped(tmp_path):
    _named_in_bytes(tmp_path, b"caf\xe9.txt")
    with pytest.warns(UserWarning, match=r"caf\\xe9.txt: the file name is not UTF-8, GB18030 or Big5; it is named "
                                         r"caf\\xe9.txt, each byte that is not UTF-8 written \\xNN"):
        c = load_corpus(tmp_path)
    assert c.ids == ["caf\\xe9"] and c["caf\\xe9"].meta["file"].encode("utf-8") == b"caf\\xe9.txt"
    # control characters are written so too: a name is printable anywhere (a table, a page, a terminal)
    from policytext.filenames import escaped

    assert escaped("a\x1b[2K\rb\n.txt") == "a\\x1b[2K\\x0db\\x0a.txt" and escaped("海拉尔 2015.txt") == "海拉尔 2015.txt"


def test_files_of_one_name_are_named_by_their_paths_and_one_file_is_read_once(tmp_path):
    for place in ("x", "y"):
        (tmp_path / place).mkdir()
        (tmp_path / place / "report.txt").write_text(TEXT.replace("嘉峪关市", f"{place}市"), encoding="utf-8")
    x, y = tmp_path / "x" / "report.txt", tmp_path / "y" / "report.txt"
    assert load_files([x, y]).ids == [str(x), str(y)]           # was refused: duplicate document id
    with pytest.warns(UserWarning, match=r"report.txt: given twice \(the same file as .*x/report.txt\); read once"):
        assert load_files([x, tmp_path / "x" / ".." / "x" / "report.txt"]).ids == ["report.txt"]


def test_a_report_beside_its_page_in_a_folder_without_a_table_says_what_to_do(tmp_path):
    # 2015.txt and 2015.html (a report and the page it came from) would both be the document 2015
    (tmp_path / "2015.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "2015.html").write_text("<html><body><p>金昌市政府工作报告</p><p>全市地区生产总值增长6%。</p>"
                                        "</body></html>", encoding="utf-8")
    with pytest.raises(MetadataError, match=r"duplicate document id '2015' \(.*2015\.html and .*2015\.txt\); "
                                            r"give each file an id of its own in metadata\.csv, or rename one"):
        load_corpus(tmp_path)


def test_a_file_beside_a_table_that_does_not_list_it_is_said(tmp_path):
    folder = _folder(tmp_path, {"a.txt": TEXT.encode(), "b.txt": TEXT.replace("7%", "8%").encode()},
                     ["a,./a.txt,嘉峪关市,,,,,,,,,,"])
    assert load_files([folder / "a.txt"])["a.txt"].meta["id"] == "a"          # ./a.txt is a.txt
    with pytest.warns(UserWarning, match=r"b.txt: no row in .*metadata.csv beside it; metadata taken from its text"):
        doc = load_files([folder / "b.txt"])["b.txt"]
    assert doc.meta["id"] == "b.txt" and doc.meta["place"] == "嘉峪关市"      # read from its text


def test_a_file_given_alone_is_found_in_its_corpus_table_up_to_two_folders_above(tmp_path, monkeypatch):
    # (hostile review F10b) r/metadata.csv lists 2021/report.txt; r/2021/report.txt is given alone
    (tmp_path / "2021").mkdir()
    (tmp_path / "2021" / "report.txt").write_bytes(TEXT.encode())
    (tmp_path / "2021" / "other.txt").write_bytes(TEXT.encode())
    _folder(tmp_path, {}, ["a21,2021/report.txt,甲市,,,,gov_work_report,,,,2021-01-08,,"])
    doc = load_files([tmp_path / "2021" / "report.txt"])["report.txt"]
    assert (doc.meta["id"], doc.meta["place"], doc.meta["doc_type"]) == ("a21", "甲市", "gov_work_report")
    with pytest.warns(UserWarning, match=r"other.txt: no row in .*metadata.csv 1 folder\(s\) above it; metadata taken"):
        assert load_files([tmp_path / "2021" / "other.txt"])["other.txt"].meta["place"] == "嘉峪关市"
    # a file named from inside its folder: the folders above are those of its absolute path
    monkeypatch.chdir(tmp_path / "2021")
    assert load_files(["report.txt"])["report.txt"].meta["id"] == "a21"
    # the nearest table decides, and a table above that cannot be read is no file's own
    (tmp_path / "metadata.csv").write_text("id,file\n,\n", encoding="utf-8")
    assert load_files([tmp_path / "2021" / "report.txt"])["report.txt"].meta["place"] == "嘉峪关市"


# ---------------------------------------------------------------- locked folders

def _locked(monkeypatch, locked):
    """``locked`` behaves as a folder of mode 000 does for a user other than root (the tests run as
    root, which may list anything): listing it, or looking at anything in it, is refused."""
    import os
    from pathlib import Path

    def refused(path):
        return PermissionError(13, "Permission denied", str(path))

    is_file, scandir = Path.is_file, os.scandir

    def locked_is_file(self):
        if locked in self.parents:
            raise refused(self)
        return is_file(self)

    def locked_scandir(path="."):
        if Path(path) == locked:
            raise refused(path)
        return scandir(path)

    monkeypatch.setattr(Path, "is_file", locked_is_file)
    monkeypatch.setattr(os, "scandir", locked_scandir)


def test_a_sub_folder_that_cannot_be_listed_is_said_and_the_rest_is_read(tmp_path, monkeypatch):
    folder = _folder(tmp_path, {"a.txt": TEXT.encode()}, None)
    (folder / "locked").mkdir()
    (folder / "locked" / "b.txt").write_text(TEXT, encoding="utf-8")
    _locked(monkeypatch, folder / "locked")
    with pytest.warns(UserWarning, match=rf"{folder / 'locked'}: a folder that cannot be listed "
                                         r"\(Permission denied\); not read"):
        assert load_corpus(folder).ids == ["a"]
    with pytest.raises(MetadataError, match=r"locked: a folder that cannot be listed \(Permission denied\)"):
        load_corpus(folder / "locked")


def test_file_sentence_is_the_files_own_text_of_the_sentence():
    from policytext import corpus as make_corpus

    raw = "标题\n\u3000\u3000地区生产总值增长８％，达到１００亿元。下一句：增长５％。\n"
    doc = make_corpus({"d": raw})["d"]
    # the clean sentence has 8%, an ASCII comma and colon; the file's has what a search of it finds
    assert doc.file_sentence(raw.index("８")) == "地区生产总值增长８％，达到１００亿元。"
    assert doc.file_sentence(raw.index("５")) == "下一句：增长５％。"
    assert doc.sentence_at(doc.clean.index("8")).text == "地区生产总值增长8%,达到100亿元。"
    assert doc.file_sentence(len(raw) + 5) == ""


def test_a_metadata_table_in_a_sub_folder_is_said_not_to_be_read(tmp_path):
    # its rows (ids, speakers, dates) were lost without a word
    (tmp_path / "h").mkdir()
    (tmp_path / "h" / "2021.txt").write_text("某市政府工作报告\n地区生产总值增长6%。\n", encoding="utf-8")
    (tmp_path / "h" / "metadata.csv").write_text("id,file,place\ngov21,2021.txt,甲市\n", encoding="utf-8")
    with pytest.warns(UserWarning) as said:
        c = load_corpus(tmp_path)
    assert c.ids == ["h/2021"]
    assert [str(w.message) for w in said] == [
        f"{tmp_path}/h/metadata.csv: a metadata table in a sub-folder; only a table at the top, "
        f"{tmp_path}/metadata.csv, is read (move its rows there, with each file's path from the top, or load "
        "the sub-folder on its own); not read"]
    assert load_corpus(tmp_path / "h").ids == ["gov21"]         # loaded on its own, it is read
