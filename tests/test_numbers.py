"""Number parsing and span detection (policytext.numbers)."""
import cn2an
import pytest
from hypothesis import given, settings, strategies as st

from policytext.numbers import find_numbers, parse_chinese_numeral, parse_number, split_magnitude


@pytest.mark.parametrize("text, value", [
    ("8", 8.0), ("８", 8.0), ("４．６", 4.6), ("1,234", 1234.0), ("3.5万", 35000.0),
    ("1.2万亿", 1.2e12), ("百分之六点五", 6.5), ("十三点四", 13.4), ("十", 10.0),
    ("千", 1000.0), ("两千", 2000.0), ("一千三百万", 13_000_000.0), ("三点五万", 35000.0),
    ("一万零五", 10005.0), ("二〇二一", 2021.0), ("一亿零三百万", 103_000_000.0),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["一是", "一般", "统一", "", "点五点", "abc"])
def test_parse_rejects_non_numerals(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_split_magnitude_keeps_unit_as_written():
    assert split_magnitude("千亿") == ("千", "亿")
    assert split_magnitude("三点五万") == ("三点五", "万")
    assert split_magnitude("一千三百") == ("一千三百", "")


def _found(text):
    return [(n.text, n.value, n.magnitude, n.kind) for n in find_numbers(text)]


def test_full_width_digits():
    assert _found("增长８％和４．６％") == [("８", 8.0, "", "arabic"), ("４．６", 4.6, "", "arabic")]


def test_chinese_numeral_quantities():
    assert _found("占百分之六点五") == [("百分之六点五", 6.5, "", "percent")]
    assert _found("突破千亿元") == [("千亿", 1000.0, "亿", "chinese")]
    assert _found("经济总量翻一番") == [("翻一番", 1.0, "", "fan")]
    # 翻番 alone is 翻一番 (安徽, 江西, 青海 2026); 双翻番 does not say which two things doubled
    assert _found("进出口总值实现翻番") == [("翻番", 1.0, "", "fan")]
    assert _found("人均收入翻了两番") == [("翻了两番", 2.0, "", "fan")]
    assert _found("实现“双翻番”") == [] and _found("实现“两个翻番”") == []
    assert _found("推动农民收入翻番计划") == [] and _found("实施收入翻番行动") == []
    assert _found("实现农民收入翻番目标") == [("翻番", 1.0, "", "fan")]
    # a round figure after a threshold verb (安徽, 广西, 河南, 江苏 2026), before a unit only
    assert _found("进出口总额突破万亿元") == [("万亿", 1.0, "万亿", "chinese")]
    assert _found("海铁联运班列突破万列") == [("万", 1.0, "万", "chinese")]
    assert _found("集装箱航线突破百条") == [("百", 100.0, "", "chinese")]
    assert _found("整车出口突破百万辆") == [("百万", 100.0, "万", "chinese")]
    assert _found("海洋生产总值突破万亿") == [] and _found("收入达万亿级规模") == []
    assert _found("实施千万工程") == [] and _found("造福百姓") == [] and _found("增加万列") == []
    # a share written as a fraction, in %, after a word of shares (江苏, 陕西 2026; 海拉尔 2019)
    assert _found("出口规模占全国1/3以上") == [("1/3", 33.33, "", "fraction")]
    assert [s[:2] for s in _found("产量稳定在全国1/4、1/3")] == [("1/4", 25.0), ("1/3", 33.33)]
    assert [s[3] for s in _found("2025/12/01发布，24/7服务，占全国3/2")] == ["arabic"] * 7
    # a step (台阶) is no unit, and 赶超 (catch up with) sets no threshold
    assert _found("全省经济总量迈上万亿台阶") == [] and _found("赶超万亿元目标") == []
    assert _found("完成三点五万套") == [("三点五万", 3.5, "万", "chinese")]
    # the range end of 百分之八至九 is read by quantities(); here only the start is a number
    assert _found("百分之八至九")[0] == ("百分之八", 8.0, "", "percent")
    # a small numeral before 个百分点, 倍 or 成 (广西, 海南, 安徽 2026)
    assert _found("提高一个百分点，学科数量增长两倍，比2020年增加五成以上，八成左右") == [
        ("一", 1.0, "", "chinese"), ("两", 2.0, "", "chinese"), ("2020", 2020.0, "", "arabic"),
        ("五", 5.0, "", "chinese"), ("八", 8.0, "", "chinese")]


def test_chinese_numerals_of_ten_or_more_before_duo_or_yu_and_a_unit():
    # 三十多个, 一千余户, 百余家, 十余万亩, 两万多人: what a reader counts as more than a figure
    assert _found("引进项目三十多个，新增主体一千余户，帮助百余家企业，建成十余万亩，就业两万多人") == [
        ("三十", 30.0, "", "chinese"), ("一千", 1000.0, "", "chinese"), ("百", 100.0, "", "chinese"),
        ("十", 10.0, "", "chinese"), ("两万", 2.0, "万", "chinese")]


@pytest.mark.parametrize("text", ["十多年来", "用了三十余个工作日", "十多天", "数十多个", "几十余家", "两多个",
                                  "一多半", "三余", "十多", "百分之十多"])
def test_before_duo_or_yu_small_numerals_durations_and_no_unit_are_not_numbers(text):
    assert [n for n in find_numbers(text) if n.kind == "chinese"] == []


def test_magnitude_after_arabic_number_is_not_a_second_number():
    assert _found("1.2万亿元") == [("1.2", 1.2, "", "arabic")]


@pytest.mark.parametrize("text", [
    "一是加快发展", "一般公共预算收入", "统一大市场", "“十四五”时期", "第十四次党代会", "十九届六中全会",
    "“四个意识”", "两条千亿级产业链", "千家万户", "百姓", "一村万树", "三周时间", "连续九年", "五年来",
    "以百倍的信心", "数十倍的努力", "一成不变", "三成员国",
])
def test_chinese_words_are_not_numbers(text):
    assert find_numbers(text) == []


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**13))
def test_round_trip_integers(n):
    assert parse_chinese_numeral(cn2an.an2cn(str(n))) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=99999), st.integers(min_value=1, max_value=99))
def test_round_trip_decimals(whole, frac):
    text = f"{whole}.{frac:02d}".rstrip("0")
    assert parse_chinese_numeral(cn2an.an2cn(text)) == pytest.approx(float(text))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("万", 1e4), ("亿", 1e8), ("万亿", 1e12)]))
def test_round_trip_with_magnitudes(whole, tenth, magnitude):
    # 3.5万 written in Chinese numerals: 三点五万
    mag, factor = magnitude
    arabic = f"{whole}.{tenth}" if tenth else str(whole)
    chinese = cn2an.an2cn(arabic) + mag
    assert parse_chinese_numeral(chinese) == pytest.approx(float(arabic) * factor)
    assert parse_number(arabic + mag) == pytest.approx(float(arabic) * factor)


# ---------------------------------------------------------------- numbers as printed in web copies

@pytest.mark.parametrize("text, printed, value", [
    ("国内生产总值达到7 4 7 7 2亿元", "7 4 7 7 2", 74772.0),       # digits split by spaces
    ("达到7\u30004\u30007\u30007\u30002亿元", "7\u30004\u30007\u30007\u30002", 74772.0),   # full-width spaces
    ("增长8 ．8 ％", "8 ．8", 8.8),                                 # spaces around a full-width point
    ("增长19·5%", "19·5", 19.5),                                    # a middle dot as the decimal point
    ("增长1\xa02.5%", "1\xa02.5", 12.5),                            # a no-break space inside
])
def test_numbers_as_printed(text, printed, value):
    spans = find_numbers(text)
    assert [(s.text, s.value) for s in spans] == [(printed, value)]
    assert text[spans[0].start:spans[0].end] == printed


def test_a_space_joins_no_group_of_four_digits():
    # a page that spaces digits prints them one by one or in thousands; 1234567890 3.14 are two numbers
    assert [(s.text, s.value) for s in find_numbers("1234567890 3.14")] == [("1234567890", 1234567890.0),
                                                                            ("3.14", 3.14)]
    assert [s.text for s in find_numbers("2015 2016年")] == ["2015", "2016"]
    assert [s.value for s in find_numbers("增长 1 234 567 元")] == [1234567.0]
    spans = find_numbers("x 2015 2016")
    assert [(s.start, s.end) for s in spans] == [(2, 6), (7, 11)]


def test_a_number_too_large_for_a_float_is_none():
    assert [s.text for s in find_numbers("增长" + "9" * 400 + "%，达到5亿元")] == ["5"]


def test_two_separators_end_a_number():
    assert [s.value for s in find_numbers("1  2")] == [1.0, 2.0]
    assert [s.value for s in find_numbers("19·  5")] == [19.0, 5.0]
    assert [s.value for s in find_numbers("张三·李四 3·5")] == [3.5]


@pytest.mark.parametrize("printed, value", [("7 4 7 7 2", 74772.0), ("8 ．8", 8.8), ("19·5", 19.5),
                                            ("８．８", 8.8), ("1 234.5", 1234.5)])
def test_parse_number_as_printed(printed, value):
    assert parse_number(printed) == value


@pytest.mark.parametrize("unit, factor, base", [
    ("亿元", 1e8, "元"), ("万亿元", 1e12, "元"), ("万", 1e4, ""), ("%", 1.0, "%"), ("万人次", 1e4, "人次"),
    ("千米", 1.0, "千米"), ("千瓦时", 1.0, "千瓦时"), ("个百分点", 1.0, "个百分点"), ("", 1.0, ""),
    # a rate keeps what it is per, and its amount's magnitude is split off
    ("元/月", 1.0, "元/月"), ("万吨/年", 1e4, "吨/年"), ("微克/立方米", 1.0, "微克/立方米"),
    # 千 and 百 before 亿 or 万 after an Arabic number (广西 2026: 突破9千亿元)
    ("千亿元", 1e11, "元"), ("千万元", 1e7, "元"), ("百万人", 1e6, "人"),
])
def test_split_unit_uses_the_one_magnitude_table(unit, factor, base):
    from policytext.numbers import MAGNITUDES, base_unit, split_unit

    assert split_unit(unit) == (factor, base) and base_unit(unit) == base
    assert MAGNITUDES["亿"] == 1e8 and list(MAGNITUDES)[0] == "万亿"     # longest first


@pytest.mark.parametrize("unit, kind", [
    ("%", "rate"), ("个百分点", "rate"), ("倍", "rate"), ("亿元", "money"), ("美元", "money"), ("元/月", "元/月"),
    ("万人次", "count"), ("个", "count"), ("家", "count"), ("万平方米", "平方米"), ("公里", "公里"), ("万吨", "吨"),
])
def test_unit_kind_says_what_a_unit_measures(unit, kind):
    from policytext.numbers import unit_kind

    assert unit_kind(unit) == kind


@pytest.mark.parametrize("text, value, unit", [
    ("新型储能装机规模达到12吉瓦时。", 12.0, "吉瓦时"),     # 陕西 2026: energy, not the power 吉瓦
    ("建成储能电站300兆瓦时。", 300.0, "兆瓦时"),
    ("新增光伏装机2.5吉瓦。", 2.5, "吉瓦"),
    ("全年发电量达到120亿千瓦时。", 120.0, "亿千瓦时"),
])
def test_energy_units_are_not_read_as_power(text, value, unit):
    from policytext.quantities import extract_quantities

    rows = extract_quantities(text, year=2025, review_year=2025)
    assert [(r["value"], r["unit"]) for r in rows] == [(value, unit)]


@pytest.mark.parametrize("text, found", [
    # 广西 2026: 9千亿元 and 8千亿元 were no quantities at all
    ("一般公共预算收支累计分别突破9千亿元、3万亿元。", [(9.0, "千亿元"), (3.0, "万亿元")]),
    ("全部工业增加值超8千亿元。", [(8.0, "千亿元")]),
    # stacked magnitudes of a unit not listed stay unread; 千万工程 is a name
    ("算力总规模达到10.36百亿亿次/秒。", []),
    ("用好千万工程经验。", []),
])
def test_qian_or_bai_before_yi_or_wan_is_one_magnitude(text, found):
    from policytext.quantity_spans import find_candidates

    assert [(c.value, c.unit) for c in find_candidates(text)] == found


def test_fan_is_written_as_reports_write_it():
    from policytext.numbers import written_fan

    assert (written_fan(1), written_fan(2.0), written_fan(3), written_fan(1.5)) == ("翻一番", "翻两番", "翻三番", "翻1.5番")
