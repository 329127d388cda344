"""Metadata read from a report's own opening lines (policytext.metadata)."""
import pytest

from policytext.corpus import corpus
import datetime as dt

from policytext.metadata import (date_from_text, doc_type_from_text, fill_from_text, place_from_text, same_places,
                                 speaker_from_text, written_date)
from policytext.quantity_time import review_year_of
from policytext import load_corpus
from policytext.errors import InputWarning, MetadataError


@pytest.mark.parametrize("head, place", [
    ("政 府 工 作 报 告\n——2019年3月4日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上\n"
     "呼伦贝尔市海拉尔区人民政府代区长 萨国文", "海拉尔区"),
    ("海拉尔区政府工作报告\n各位代表：", "海拉尔区"),
    ("政府工作报告\n海拉尔区人民政府区长　　张天喜", "海拉尔区"),
    ("下载 打印 2026年内蒙古自治区政府工作报告 ——2026年2月4日", "内蒙古自治区"),
    ("分享: 陕西省2026年政府工作报告 2026年1月27日", "陕西省"),
    ("——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上", "甘肃省"),
    ("在中国共产党嘉峪关市第十二次代表大会上的报告\n嘉峪关市委书记 雷思维", "嘉峪关市"),
    ("奋力走出金昌全面转型高质量发展之路\n——访金昌市委书记王钧", "金昌市"),
    ("各位代表：现在我代表政府报告工作。", None),
    # a development zone's committee reports as its government does
    ("2023年兰州新区管委会工作报告\n各位代表：", "兰州新区"),
    # with its parents, the place alone, as same_places reads a table's places (a city whose
    # name holds 州 was cut there: 市金水区, or kept its province: 浙江省杭州市)
    ("政府工作报告\n郑州市金水区人民政府区长 某某", "金水区"),
    ("2024年浙江省杭州市政府工作报告\n各位代表：", "杭州市"),
    ("在广西壮族自治区南宁市第十五届人民代表大会第五次会议上", "南宁市"),
])
def test_place_from_text(head, place):
    assert place_from_text(head) == place


@pytest.mark.parametrize("head, kind", [
    ("政 府 工 作 报 告\n\n----2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上", "gov_work_report"),
    ("下载\n打印\n2026年安徽省政府工作报告\n——2026年2月5日", "gov_work_report"),
    ("嘉峪关市政府工作报告(2021年12月14日 刘凯)\n——2021年12月14日在嘉峪关市第十一届人民代表大会第一次会议上",
     "gov_work_report"),
    ("建设西部明星城\n——在中国共产党嘉峪关市第十二次代表大会上的报告", "party_congress_report"),
    ("奋力谱写嘉峪关现代化建设新篇章——访嘉峪关市委书记雷思维", "interview"),
    # a title that only mentions the work report, and a feature: no fixed form, no guess
    ("代表热议政府工作报告中的民生实事\n本报记者", None),
    # a congress named inside a sentence is not the report's own dateline
    ("全市上下学习贯彻在中国共产党嘉峪关市第十二次代表大会上的报告精神。", None),
    ("代表们认为，在嘉峪关市第十一届人民代表大会第一次会议上的报告振奋人心。", None),
    ("凉州区过去五年工作回眸及未来五年前景展望\n信息来源：甘肃日报", None),
    # an abridged web copy, and a development zone's committee
    ("某某县人民政府工作报告（摘要）\n各位代表：", "gov_work_report"),
    ("2023年兰州新区管委会工作报告\n各位代表：", "gov_work_report"),
    ("政府工作报告（摘要）中的十件实事\n本报记者", None),
])
def test_doc_type_from_text(head, kind):
    assert doc_type_from_text(head) == kind


@pytest.mark.parametrize("head, date", [
    ("政 府 工 作 报 告\n\n----2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上", dt.date(2012, 2, 29)),
    # 甘肃 2026 writes its dateline in Chinese numerals
    ("2026年甘肃省政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上", dt.date(2026, 1, 27)),
    ("——一九九八年十二月三十一日在某市人民代表大会上", dt.date(1998, 12, 31)),
    # no dateline: the title's year, whatever the place's length (its first day)
    ("下载\n打印\n2026年内蒙古自治区政府工作报告\n各位代表：", dt.date(2026, 1, 1)),
    ("分享: 陕西省2026年政府工作报告\n各位代表：", dt.date(2026, 1, 1)),
    # a date that does not exist is passed over, not guessed
    ("——二〇二一年二月三十日在某市人民代表大会上\n2021年某市政府工作报告", dt.date(2021, 1, 1)),
    ("海拉尔区政府工作报告\n——2026年2月30日在海拉尔区第十四届人民代表大会第二次会议上", None),   # not its month
    # a web page's stamp, when the text names no date
    ("奋力谱写凉州高质量发展新篇章\n信息来源: 甘肃日报 发布日期: 2021-12-03 09:06 浏览次数:", dt.date(2021, 12, 3)),
    ("时间：2026-02-10\n正文", dt.date(2026, 2, 10)),
    # a news page's stamp line, a date and a clock time, the year in two digits (seed 000);
    # not without the time or inside a line, and not a month that does not exist
    ("您当前的位置 : 中国甘肃网\n\n22-04-28 08:46 来源:中国甘肃网-甘肃日报", dt.date(2022, 4, 28)),
    ("2026-02-10 10:00 来源：新华网", dt.date(2026, 2, 10)),
    ("22-04-28 来源:中国甘肃网-甘肃日报", None),
    ("编号 22-04-28 08:46", None),
    ("22-13-28 08:46 来源", None),
    # a report that names no date has none
    ("各位代表：现在我代表政府报告工作。", None),
    # a dateline with the month only: its first day (the month decides the review year)
    ("延边朝鲜族自治州政府工作报告\n——2024年1月在州第十六届人民代表大会第三次会议上", dt.date(2024, 1, 1)),
    ("某市政府工作报告\n——二〇二三年十二月在市第十届人民代表大会上", dt.date(2023, 12, 1)),
    ("2023年兰州新区管委会工作报告\n各位代表：", dt.date(2023, 1, 1)),
    # a month in a sentence is no dateline
    ("某市政府工作报告\n2023年12月，我市召开经济工作会议。", None),
])
def test_date_from_text(head, date):
    assert date_from_text(head) == date


def test_written_date_is_a_full_date_or_a_datelines_month():
    # what the review year is read from: a dateline, not a title's year or a page's stamp
    assert written_date("2026年甘肃省政府工作报告\n——二〇二六年一月二十七日在") == dt.date(2026, 1, 27)
    assert written_date("2026年甘肃省政府工作报告\n各位代表：") is None
    assert written_date("发布日期: 2021-12-03 09:06") is None
    assert written_date("各位代表：" * 100 + "——2021年12月14日", head=400) is None
    # a dateline's month is enough to say which year a December report reviews
    assert written_date("某市政府工作报告\n——2023年12月在市人民代表大会上") == dt.date(2023, 12, 1)
    assert review_year_of(2023, None, "某市政府工作报告\n——2023年12月在市人民代表大会上") == 2023
    assert review_year_of(2024, None, "某州政府工作报告\n——2024年1月在州人民代表大会上") == 2023


def test_the_date_read_from_the_text_equals_the_delivered_date_in_the_metadata():
    from policytext import data_corpus, load_corpus

    docs = [*load_corpus(), *data_corpus("hailar"), *data_corpus("provinces2026")]
    delivered = {d.id: d.meta["date_delivered"] for d in docs if d.meta["date_delivered"]}
    assert len(delivered) == 10
    assert {d.id: str(date_from_text(d.raw)) for d in docs if d.id in delivered} == delivered
    # the provinces' table gives the day of publication; their text gives the day of delivery
    read = {d.id: date_from_text(d.raw) for d in data_corpus("provinces2026")}
    assert read["gansu_gov_2026"] == dt.date(2026, 1, 27) and all(
        date.year == 2026 and date.month in (1, 2) for date in read.values())


@pytest.mark.parametrize("head, speaker, role", [
    # provinces2026, 海拉尔 2018: the office and the name on a line of their own or ending the dateline
    ("2026年安徽省政府工作报告\n省人民政府省长 王清宪\n各位代表：", "王清宪", "省人民政府省长"),
    ("广西壮族自治区政府工作报告\n自治区主席 韦 韬\n", "韦韬", "自治区主席"),
    ("2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚\n", "赵刚", "陕西省省长"),
    ("政府工作报告\n海拉尔区人民政府区长\u3000\u3000杨国宏\n各位代表：", "杨国宏", "海拉尔区人民政府区长"),
    # not a byline: a sentence, or a caption with the name inside it
    ("我们要当好省长 助手\n", None, None),
    ("省长刘小涛代表省人民政府向大会作政府工作报告。\n", None, None),
    # a caption, and the heads of other bodies, are not the speaker; 省长：name, and a longer name
    ("图为省长 毛伟明\n代省长 张三\n", "张三", "代省长"),
    ("省政协主席 李四\n大会执行主席 张三\n省长 王五\n", "王五", "省长"),
    ("省长：王清宪\n", "王清宪", "省长"),
    ("自治区主席 艾尔肯·吐尼亚孜\n", "艾尔肯·吐尼亚孜", "自治区主席"),
])
def test_speaker_from_text(head, speaker, role):
    assert speaker_from_text(head) == (speaker, role)
    meta = {"speaker": "", "role": ""}
    fill_from_text(meta, head)
    assert (meta["speaker"] or None, meta["role"] or None) == (speaker, role)


def test_a_role_is_read_only_for_the_speaker_the_table_names():
    meta = {"speaker": "李强", "role": ""}
    assert fill_from_text(meta, "省长 王清宪\n") == () and meta["role"] == ""
    meta = {"speaker": "王清宪", "role": ""}
    assert fill_from_text(meta, "省长 王清宪\n") == ("role",) and meta["role"] == "省长"


def test_the_metadata_wins_and_only_empty_fields_are_filled():
    head = "2026年安徽省政府工作报告\n——2026年2月5日在安徽省第十四届人民代表大会第四次会议上\n"
    meta = {"place": "合肥市", "doc_type": ""}
    assert fill_from_text(meta, head) == ("doc_type",)
    assert meta == {"place": "合肥市", "doc_type": "gov_work_report"}
    c = corpus({"a": head + "各位代表：", "b": "各位代表：现在我代表政府报告工作。"},
               meta={"b": {"place": "甲市"}})
    assert (c["a"].meta["place"], c["a"].meta["doc_type"], c["a"].from_text) == (
        "安徽省", "gov_work_report", ("place", "doc_type"))
    assert (c["b"].meta["place"], c["b"].meta["doc_type"], c["b"].from_text) == ("甲市", "", ())
    frame = c.to_frame()
    assert frame["from_text"].tolist() == ["place, doc_type", ""]


def test_a_folder_without_metadata_has_places_and_kinds_to_select_and_group_by(tmp_path):
    import shutil

    from policytext import load_corpus
    from policytext.corpus import DATA_CORPORA_DIR

    # file names without a year: the year comes from the text (甘肃's dateline is in Chinese numerals)
    for name, copy in (("2026_安徽省.txt", "anhui.txt"), ("2026_海南省.txt", "hainan.txt"),
                       ("2026_甘肃省.txt", "gansu.txt")):
        shutil.copy(DATA_CORPORA_DIR / "provinces2026" / name, tmp_path / copy)
    folder = load_corpus(tmp_path)
    assert [(d.meta["place"], d.meta["doc_type"], d.year) for d in folder] == [
        ("安徽省", "gov_work_report", 2026), ("甘肃省", "gov_work_report", 2026), ("海南省", "gov_work_report", 2026)]
    assert load_corpus(tmp_path, place="海南省").ids == ["hainan"]


def test_read_from_the_text_equals_the_metadata_on_the_seeds_and_bundled_corpora():
    from policytext import data_corpus, load_corpus

    docs = [*load_corpus(), *data_corpus("hailar"), *data_corpus("provinces2026")]
    read = {d.id: (place_from_text(d.raw), doc_type_from_text(d.raw)) for d in docs}
    given = {d.id: (d.meta["place"], d.meta["doc_type"]) for d in docs}
    assert len(docs) == 23
    assert read.pop("liangzhou_feature_2021") == (None, None)   # a feature has no fixed opening
    assert read == {k: v for k, v in given.items() if k != "liangzhou_feature_2021"}


@pytest.mark.parametrize("places, same", [
    # with its parent, or without its unit: one place (海拉尔 2012–2019 written three ways)
    (["海拉尔区", "呼伦贝尔市海拉尔区", "海拉尔"], {"呼伦贝尔市海拉尔区": "海拉尔区", "海拉尔": "海拉尔区"}),
    (["甘肃省嘉峪关市", "嘉峪关市", "金昌市", "甘肃省"], {"甘肃省嘉峪关市": "嘉峪关市"}),
    (["浙江省杭州市", "杭州市", "郑州市金水区", "金水区"], {"浙江省杭州市": "杭州市", "郑州市金水区": "金水区"}),
    (["海拉尔", "呼伦贝尔市海拉尔区"], {"海拉尔": "呼伦贝尔市海拉尔区"}),
    # two places could be meant: nothing is merged
    (["沈阳市和平区", "天津市和平区", "和平区"], {}),
    (["朝阳区", "朝阳市", "朝阳"], {}),
    # a province and its city, a name with 州 or 新区 inside: other places
    (["甘肃省", "甘肃省兰州市", "兰州新区", "兰州市"], {"甘肃省兰州市": "兰州市"}),
    (["内蒙古自治区", "安徽省", ""], {}),
])
def test_same_places(places, same):
    assert same_places(places) == same


def test_a_date_that_does_not_exist_is_passed_over_with_a_warning():
    c = corpus({"a": "海拉尔区政府工作报告\n——2026年2月30日在海拉尔区第十四届人民代表大会第二次会议上\n",
                "b": "——二〇二六年二月三十日在某市人民代表大会上\n2026年某市政府工作报告\n"})
    with pytest.warns(UserWarning) as said:
        assert (c["a"].date, c["b"].date) == (None, dt.date(2026, 1, 1))
    assert [str(w.message) for w in said] == [
        "a: the date 2026年2月30日 in its opening does not exist and is passed over; it has no date",
        "b: the date 二〇二六年二月三十日 in its opening does not exist and is passed over; dated 2026-01-01 from the rest"]


# ---------------------------------------------------------------- the table: columns, year, its name

REPORT = "金昌市政府工作报告\n过去一年，全市地区生产总值增长6%。\n"


def _table(folder, table: str, name: str = "metadata.csv", text: str = REPORT):
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / name).write_text(table, encoding="utf-8")
    return folder


def test_invisible_characters_in_a_cell_are_removed_and_said(tmp_path):
    # a zero-width space copied from a page made 金\u200b昌市 a place of its own (hostile review)
    folder = _table(tmp_path, "id,file,place\na,a.txt,金\u200b昌市\n")
    with pytest.warns(InputWarning, match=r"line 2: 1 invisible character\(s\) \(U\+200B zero width space\) "
                                          r"removed from the value '金昌市'"):
        c = load_corpus(folder)
    assert c["a"].meta["place"] == "金昌市"


def test_a_file_named_with_a_comma_needs_an_id_without_one(tmp_path):
    (tmp_path / "hailar, 2015.txt").write_text(REPORT, encoding="utf-8")
    with pytest.raises(MetadataError, match=r"document id 'hailar, 2015' \(.*hailar, 2015\.txt\) holds a comma"):
        load_corpus(tmp_path)


def test_columns_policytext_does_not_read_are_said_once_with_the_names_it_reads(tmp_path):
    import warnings

    from policytext import load_corpus

    _table(tmp_path, "id,file,city,type,date,notes\na,a.txt,金昌市,政府工作报告,2021-01-10,x\n")
    with pytest.warns(UserWarning) as said:
        load_corpus(tmp_path)
    assert [str(w.message) for w in said] == [
        f"{tmp_path / 'metadata.csv'}: column(s) city, type, date, notes are not read by policytext (kept, but used "
        "nowhere); rename city -> place, type -> doc_type, date -> date_delivered; the columns it reads: id, file, "
        "place, level, parent, province, doc_type, title, speaker, role, date_delivered, date_published, source, year"]
    _table(tmp_path, "ID,File,Place,Year\na,a.txt,金昌市,2021\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")              # the columns it reads: not a word
        load_corpus(tmp_path)


@pytest.mark.parametrize("opening, year, date", [
    ("", "2021", dt.date(2021, 1, 1)),                                     # the year alone: its first day
    ("——2021年1月10日在金昌市人民代表大会上\n", "2021年", dt.date(2021, 1, 10)),   # the text's date, in that year
    ("——2020年1月10日在金昌市人民代表大会上\n", "２０２１", dt.date(2021, 1, 1)),   # the table wins
])
def test_a_year_column_is_the_documents_year(tmp_path, opening, year, date):
    from policytext import load_corpus

    c = load_corpus(_table(tmp_path, f"id,file,year\na,a.txt,{year}\n", text=opening + REPORT))
    assert c["a"].date == date and c.to_frame()["year"].tolist() == [2021]


def test_a_year_that_is_no_year_is_an_error_and_one_the_date_contradicts_is_said(tmp_path):
    from policytext import MetadataError, load_corpus

    _table(tmp_path, "id,file,year\na,a.txt,21\n")
    with pytest.raises(MetadataError, match=r"metadata.csv, line 2: year '21' is not a year like 2021"):
        load_corpus(tmp_path)
    _table(tmp_path, "id,file,year,date_delivered\na,a.txt,2021,2022-01-10\n")
    with pytest.warns(UserWarning, match=r"line 2: year 2021, but date_delivered 2022-01-10: the year is 2022"):
        assert load_corpus(tmp_path)["a"].year == 2022


def test_the_table_is_read_in_any_letter_case_of_its_name(tmp_path):
    from policytext import MetadataError, load_corpus

    _table(tmp_path, "id,file,place\njinchang_2021,a.txt,金昌市\n", name="Metadata.csv")
    assert load_corpus(tmp_path).ids == ["jinchang_2021"]
    (tmp_path / "METADATA.CSV").write_text("id,file\nother,a.txt\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="METADATA.CSV and Metadata.csv may each be the metadata table"):
        load_corpus(tmp_path)
    (tmp_path / "metadata.csv").write_text("id,file\nexact,a.txt\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="METADATA.CSV, Metadata.csv not read: the metadata table is metadata.csv"):
        assert load_corpus(tmp_path).ids == ["exact"]


def test_a_table_saved_with_a_hidden_txt_suffix_is_no_report_and_said(tmp_path):
    from policytext import load_corpus

    _table(tmp_path, "id,file,place\njinchang_2021,a.txt,金昌市\n", name="metadata.csv.txt")
    with pytest.warns(UserWarning, match=r"metadata.csv.txt: looks like the metadata table saved with a .txt suffix "
                                         r"that Windows hides; rename it metadata.csv; not read"):
        assert load_corpus(tmp_path).ids == ["a"]
