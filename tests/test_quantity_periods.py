"""Years and spans named in a text (policytext.quantity_periods)."""
import pytest

from policytext.quantity_periods import plan_period, span_in, year_value


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


def test_since_a_plan_began_runs_up_to_the_review_year():
    # “十四五”以来 in a report of 2024 (review year 2023): 2021–2023, never the plan's 2025
    assert span_in("“十四五”以来，全市新增城镇就业5万人", 2023)[:2] == ((2021, 2023), False)
    assert span_in("“十四五”以来", 2025)[:2] == ((2021, 2025), False)     # the plan is over
    assert span_in("“十四五”时期", 2023)[:2] == ((2021, 2025), False)     # the plan itself


@pytest.mark.parametrize("text", ["在“十三五”基础上", "十五个", "五年前", "一九五"])
def test_not_a_period(text):
    assert span_in(text, 2025)[0] is None


def test_years_in_chinese_digits():
    assert (year_value("一九九五"), year_value("二〇〇三"), year_value("二○○○"), year_value("2026")) == (
        1995, 2003, 2000, 2026)
