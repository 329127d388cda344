"""Time step of the quantities pipeline: periods (policytext.quantity_time)."""
import pytest

from policytext.quantity_time import PeriodContext, period_for, period_label, plan_period, span_in


@pytest.mark.parametrize("number, years", [(14, (2021, 2025)), (15, (2026, 2030)), (13, (2016, 2020)),
                                           (10, (2001, 2005)), (8, (1991, 1995)), (1, (1953, 1957))])
def test_plan_period(number, years):
    assert plan_period(number) == years


@pytest.mark.parametrize("text, span, end_point", [
    ("“十五五”时期全省", (2026, 2030), False),
    ("力争“十四五”末", (2021, 2025), True),
    ("“九五”期间", (1996, 2000), False),
    ("第十个五年计划", (2001, 2005), False),
    ("由2010年的162.4亿元增加到2015年的287.9亿元,", (2010, 2015), False),
    ("2015年收入完成30788元,比2010年增加13480元,", (2010, 2015), False),
    ("2026—2030年", (2026, 2030), False),
    ("今后五年", (2026, 2030), False),       # counted from the review year 2025
    ("过去的五年", (2021, 2025), False),
    ("五年来", (2021, 2025), False),
    ("近三年", (2023, 2025), False),
])
def test_span_in(text, span, end_point):
    found, is_end, _ = span_in(text, 2025)
    assert (found, is_end) == (span, end_point)


@pytest.mark.parametrize("text", ["在“十三五”基础上", "十五个", "五年前", "一九五"])
def test_not_a_period(text):
    assert span_in(text, 2025)[0] is None


def test_context_is_the_last_period_named_in_the_section():
    text = "一、过去五年回顾\n经济年均增长5%。\n二、今后工作\n“十五五”时期的目标\n经济年均增长6%。\n三、2026年\n增长"
    ctx = PeriodContext(text, 2025)
    assert ctx.at(text.index("5%")) == (2021, 2025)
    assert ctx.at(text.index("6%")) == (2026, 2030)
    assert ctx.at(text.index("今后工作")) is None          # a new top-level section forgets it
    assert ctx.at(len(text) - 1) is None


def test_a_plan_named_in_passing_sets_no_period():
    text = "五年来,“十三五”圆满收官、“十四五”顺利开局。地区生产总值年均增长5.8%。"
    assert PeriodContext(text, 2021).at(text.index("5.8")) == (2017, 2021)


def test_average_rate_holds_for_a_span():
    kw = dict(measure="avg_change", year=2026, review_year=2025, context=None)
    assert period_for("今后五年,地区生产总值年均增长", "", label="target", **kw) == (2026, 2030)
    assert period_for("地区生产总值年均增长", "", label="target", **kw) == (2026, 2030)     # five years ahead
    assert period_for("地区生产总值年均增长", "", label="achieved", **kw) == (2021, 2025)   # five years back
    # a year named after the span ends it: 今后五年…到2027年
    assert period_for("今后五年,到2027年,年均增长", "", label="target", **kw) == (2023, 2027)


def test_other_values_hold_for_their_year_unless_they_add_up_over_a_span():
    kw = dict(label="target", year=2025, review_year=2020, context=None)
    assert period_for("力争“十四五”末地区生产总值突破", "地区生产总值突破", measure="level", **kw) == (2025, 2025)
    assert period_for("“十四五”期间累计完成投资", "“十四五”期间累计完成投资", measure="level", **kw) == (2021, 2025)


def test_period_label():
    assert (period_label(2026, 2026), period_label(2026, 2030), period_label(None, None)) == ("2026", "2026–2030", "")


def test_the_plan_a_document_presents_sets_the_period_and_from_to_years_do_not():
    text = ("过去五年,地区生产总值年均增长4.8%,2025年总量比2020年增加7400亿元。\n"
            "我们编制了“十五五”规划纲要(草案)。提出地区生产总值年均增长5%左右。")
    ctx = PeriodContext(text, 2025)
    assert ctx.at(text.index("5%左右")) == (2026, 2030)


def test_an_annual_mean_level_is_no_average_rate():
    from policytext.quantity_time import AVG_RATE

    assert AVG_RATE.search("年均增长") and AVG_RATE.search("年均分别增长") and AVG_RATE.search("增速年均")
    assert not AVG_RATE.search("PM2.5年均浓度") and not AVG_RATE.search("年均气温")


def test_years_in_chinese_digits():
    from policytext.quantity_time import year_value, year_for

    assert (year_value("一九九五"), year_value("二〇〇三"), year_value("二○○○"), year_value("2026")) == (
        1995, 2003, 2000, 2026)
    kw = dict(year=1996, review_year=1995, label="target", part="plan", horizon=None)
    assert year_for("到二〇〇〇年人口控制在13亿", 11, **kw) == (2000, True)
