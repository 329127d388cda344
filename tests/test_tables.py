"""style_table: precision per column, escaped text, no index, caption."""
import re

import pandas as pd

from policytext.tables import style_table


def _html(**kwargs):
    frame = pd.DataFrame({"term": ["高质量发展", "<b>x</b>"], "per_1000": [9.868421, -0.00001],
                          "p": [0.0000123, 0.5]})
    return style_table(frame, caption="Terms per 1,000 tokens", **kwargs).to_html()


def test_precision_scientific_and_no_negative_zero():
    html = _html(decimals={"per_1000": 2}, scientific=["p"])
    assert ">9.87<" in html and ">0.00<" in html and "-0.00" not in html
    assert ">1.2e-05<" in html and "9.868421" not in html


def test_text_is_escaped_and_index_hidden():
    html = _html()
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "row_heading" not in html
    assert "Terms per 1,000 tokens" in html


def test_units_in_headers():
    html = _html(rename={"per_1000": "per 1,000 tokens"})
    assert ">per 1,000 tokens<" in html


def test_percent_columns_and_meaningful_index():
    frame = pd.DataFrame({"review": [33.3333, 40.0], "plan": [66.6667, 60.0]}, index=pd.Index(["甲", "乙"], name="doc"))
    html = style_table(frame, caption="Share of each part (%)", decimals={"review": 0, "plan": 0},
                       percent=["review", "plan"], index=True).to_html()
    assert ">33%<" in html and ">67%<" in html and "33.3333" not in html
    assert ">甲<" in html  # the index is shown when it means something


def test_short_text_never_wraps_long_text_does():
    frame = pd.DataFrame({"place": ["嘉峪关市"], "sentence": ["过去一年，全市地区生产总值增长6.5%，" * 3]})
    html = style_table(frame, caption="x").to_html()
    short_rule = re.search(r"#T_\w+_row0_col0 \{([^}]*)\}", html).group(1)
    long_rule = re.search(r"#T_\w+_row0_col1 \{([^}]*)\}", html).group(1)
    assert "nowrap" in short_rule and "text-align: left" in short_rule
    assert "nowrap" not in long_rule and "text-align: left" in long_rule


def test_headers_index_and_caption_are_escaped():
    payload = "<img src=x onerror=alert(1)>"
    frame = pd.DataFrame({payload: [1.5]}, index=pd.Index([payload], name="place"))
    html = style_table(frame, caption=f"rates of {payload}", index=True).to_html()
    assert "<img" not in html and html.count("&lt;img src=x onerror=alert(1)&gt;") == 3
    html = style_table(frame, caption="x", rename={payload: "<b>rate</b>"}).to_html()
    assert "<b>" not in html and "&lt;b&gt;rate&lt;/b&gt;" in html


def test_whole_numbers_with_gaps_show_no_decimals():
    frame = pd.DataFrame({"year": [2021.0, None], "rate": [2.0, 2.5]})
    html = style_table(frame, caption="x").to_html()
    assert ">2021<" in html and "2021.0" not in html and ">2.0<" in html and ">2.5<" in html


def test_a_column_has_thousands_separators_throughout_or_not_at_all_and_offsets_never():
    frame = pd.DataFrame({"chars": [8357, 11919], "start": [4840, 10641], "target_start": [15715, 3],
                          "year": [2021, 2022]})
    cells = re.findall(r'<td id="T_\w+_row\d+_col\d+" class="data row\d+ col\d+" >([^<]*)<',
                       style_table(frame, caption="x").to_html())
    assert cells == ["8,357", "4840", "15715", "2021", "11,919", "10641", "3", "2022"]


def test_figures_from_the_reports_keep_the_decimals_they_were_written_with():
    frame = pd.DataFrame({"achieved": [1.15, 50.0, 4800.0], "share": [1.15, 50.0, 4800.0]})
    cells = re.findall(r'<td id="T_\w+_row\d+_col\d+" class="data row\d+ col\d+" >([^<]*)<',
                       style_table(frame, caption="x", written=["achieved"]).to_html())
    assert cells == ["1.15", "1.1", "50", "50.0", "4800", "4800.0"]


def _csv_of(html):
    """(file name, decoded bytes) of the CSV link in a table's caption."""
    import base64

    m = re.search(r'<a download="([^"]+)" href="data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)"', html)
    return m.group(1), base64.b64decode(m.group(2))


def test_every_table_carries_its_rows_as_csv_for_a_spreadsheet():
    payload = "<img src=x onerror=alert(1)>"
    frame = pd.DataFrame({"place": ["嘉峪关市", payload], "target": [7.0, 6.5], "year": [2022, 2023]})
    html = style_table(frame, caption="Targets per place (registry indicators)", decimals={"target": 0}).to_html()
    name, data = _csv_of(html)
    assert name == "targets-per-place.csv"
    # unformatted values and the frame's own column names; a BOM so that Excel reads Chinese
    assert data == ("\ufeffplace,target,year\r\n嘉峪关市,7.0,2022\r\n"
                    f"{payload},6.5,2023\r\n").encode("utf-8")
    assert html.count("<img") == 0          # the payload is in the base64, never markup
    indexed = style_table(frame.set_index("place"), caption="The shares: x", index=True).to_html()
    assert _csv_of(indexed) == ("shares.csv", "\ufeffplace,target,year\r\n嘉峪关市,7.0,2022\r\n"
                                f"{payload},6.5,2023\r\n".encode("utf-8"))


def test_a_table_too_large_to_carry_has_no_link():
    from policytext import tables

    frame = pd.DataFrame({"sentence": ["过去一年，全市地区生产总值增长6.5%。" * 4] * 3})
    assert "download=" in style_table(frame, caption="x").to_html()
    small = tables.CSV_LINK_MAX_BYTES
    try:
        tables.CSV_LINK_MAX_BYTES = 100
        assert "download=" not in style_table(frame, caption="x").to_html()
    finally:
        tables.CSV_LINK_MAX_BYTES = small
    assert _csv_of(style_table(frame, caption="统计表").to_html())[0] == "table.csv"


def test_csv_cells_a_spreadsheet_would_run_are_made_inert():
    # OWASP: text starting with = + - @ tab or CR gets an apostrophe; numbers stay numbers.
    formula = '=HYPERLINK("http://x","y")'
    frame = pd.DataFrame({"place": [formula, "+1", "-x", "@SUM(A1)", "\tA", "嘉峪关市"],
                          "change": [-0.5, 1.0, -2.0, 0.0, 3.0, 4.0],
                          "=cmd": ["a", "b", "c", "d", "e", None]})
    name, data = _csv_of(style_table(frame, caption="Bad cells").to_html())
    rows = data.decode("utf-8-sig").split("\r\n")
    assert rows[0] == "place,change,'=cmd"
    assert rows[1] == '"\'=HYPERLINK(""http://x"",""y"")",-0.5,a'
    assert rows[2:7] == ["'+1,1.0,b", "'-x,-2.0,c", "'@SUM(A1),0.0,d", "'\tA,3.0,e", "嘉峪关市,4.0,"]
    indexed = style_table(frame.set_index("place"), caption="Bad cells", index=True).to_html()
    assert _csv_of(indexed)[1].decode("utf-8-sig").split("\r\n")[2] == "'+1,1.0,b"
    assert frame.loc[0, "place"] == formula                 # the table itself is not changed
    pivot = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("=a", "x"), ("b", "-y")]))
    assert _csv_of(style_table(pivot, caption="Pivot").to_html())[1].decode("utf-8-sig").split("\r\n")[:2] == [
        "'=a,b", "x,'-y"]


def test_a_file_name_in_gbk_bytes_is_written_readable_in_the_csv():
    # a file name that is GBK bytes (surrogate escapes): the CSV must still be UTF-8
    import os

    frame = pd.DataFrame({"file": [os.fsdecode("报告.txt".encode("gbk")), os.fsdecode(b"caf\xe9.txt")]})
    rows = _csv_of(style_table(frame, caption="Files").to_html())[1].decode("utf-8-sig").split("\r\n")
    assert rows[:3] == ["file", "报告.txt", "caf\\xe9.txt"]


def test_whole_percents_add_to_100_in_each_row():
    from policytext.tables import whole_percents
    shares = pd.DataFrame({"review": [0.335, 0.5, 0.0], "plan": [0.335, 0.5, 0.996], "other": [0.33, 0.0, 0.004]},
                          index=["a", "b", "c"])
    # a: 33.5 + 33.5 + 33 rounds to 34 + 34 + 33 = 101 one by one; the first remainder takes the point
    assert whole_percents(shares).to_dict("index") == {"a": {"review": 34, "plan": 33, "other": 33},
                                                       "b": {"review": 50, "plan": 50, "other": 0},
                                                       "c": {"review": 0, "plan": 100, "other": 0}}
    assert whole_percents(shares.iloc[:0]).empty


def test_file_sentences_take_each_sentence_from_the_file_by_its_prefix():
    from policytext import corpus
    from policytext.tables import file_sentences

    c = corpus({"a": "目标：增长５％。", "b": "实现增长６％。"})
    frame = pd.DataFrame({"target_doc": ["a", "x"], "target_start": [5, 0], "target_sentence": ["目标:增长5%。", "kept"],
                          "achieved_doc": ["b", "b"], "achieved_start": [4, None],
                          "achieved_sentence": ["实现增长6%。", "kept too"], "other": [1, 2]})
    out = file_sentences(frame, c)
    assert list(out["target_sentence"]) == ["目标：增长５％。", "kept"]      # x: no such document
    assert list(out["achieved_sentence"]) == ["实现增长６％。", "kept too"]  # no offset: kept
    assert list(frame["target_sentence"]) == ["目标:增长5%。", "kept"]      # the frame is not changed
