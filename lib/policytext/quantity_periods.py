"""Where a text names years and spans of years: a year written in digits or Chinese digits,
a five-year plan (“十四五” = 2021–2025), a range (2026—2030年), a from-to or since statement
(由2010年…到2015年, 2015年…比2010年), and 今后五年 / 过去五年 counted from a review year.

The time step (:mod:`.quantity_time`) decides from these mentions which year or span a
quantity holds for; the subject step strips the time words (TIME_PREFIX) from names.
"""
from __future__ import annotations

import re
from typing import Iterator

__all__ = ["CN_YEAR", "PART_OF_YEAR", "PERIOD_PATTERN", "TIME_PREFIX", "cn_int", "period_mentions", "plan_period",
           "span_in", "span_of", "year_value"]

# 一九九五年 / 二〇〇三年: older reports write years in Chinese digits
CN_YEAR = r"[一二][九〇零○][〇零○一二三四五六七八九]{2}"
_CN_DIGIT = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}


def year_value(written: str) -> int:
    """'2026' -> 2026, '一九九五' -> 1995."""
    return int(written) if written.isdigit() else int("".join(_CN_DIGIT[ch] for ch in written))


# Part of a year up to a month: 1—3月, 前5个月, 截至4月底, 一季度, 上半年, 前三季度 (year_of_months)
PART_OF_YEAR = (r"(?:(?:1|一)\s*[—\-－~～至到]|截至)\s*(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份|底|末)?"
                 r"|前(?:1[01]|[1-9]|十一?|[两二三四五六七八九])个?月|第?一季度|上半年|前两个?季度|前三季度")
# THE time words that open a phrase (到2026年, 今年, 五年来 ...): the subject step strips them.
TIME_PREFIX = (r"(?:(?:到|至|截至|在)?(?:(?:19|20)\d\d|" + CN_YEAR + r")年(?:底|末)?(?:前|之前)?|今年|全年|明年|去年|五年来|过去五年|今后五年|"
               r"未来五年|年内|年(?:底|末|初)(?:前)?|当年|本年|近年来|" + PART_OF_YEAR + ")")

_CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def plan_period(number: int) -> tuple[int, int]:
    """Years of the ``number``-th five-year plan: 14 -> (2021, 2025), 9 -> (1996, 2000).

    The first two plans ran 1953–1962; after three adjustment years the third started in 1966
    and every later plan follows on."""
    start = 1953 + 5 * (number - 1) if number <= 2 else 1966 + 5 * (number - 3)
    return start, start + 4


def cn_int(s: str) -> int:
    if s.startswith("十"):
        return 10 + (_CN_NUM[s[1]] if len(s) > 1 else 0)
    if len(s) == 2 and s[1] == "十":
        return _CN_NUM[s[0]] * 10
    return _CN_NUM[s[0]] * 10 + _CN_NUM[s[2]] if len(s) == 3 else _CN_NUM[s]


_Q = r"[“\"‘]?"
_QE = r"[”\"’]?"
# 十四五 is unambiguous; 九五 / 十五 (a plan, or the number 95 / 15) only quoted or before 计划/时期...
_PLAN = (rf"{_Q}(?P<plan>十[一二三四五六])五{_QE}(?P<tail>期?末|时期末|期间|时期|规划|计划)?"
         rf"|[“\"‘](?P<plan_q>十|[六七八九])五[”\"’](?P<tail_q>期?末|时期末|期间|时期|规划|计划)?"
         rf"|(?P<plan_s>十|[六七八九])五(?P<tail_s>期间|时期|计划)"
         rf"|第(?P<plan_n>[一二三四五六七八九十]{{1,3}})个五年(?:规划|计划)")
_YEAR = r"(?:19|20)\d\d"
_RANGE = rf"(?P<r0>{_YEAR})\s*年?\s*[-—–~～至到]\s*(?P<r1>{_YEAR})\s*年"
_FROM_TO = rf"(?:由|从)(?P<f0>{_YEAR})\s*年[^。；;]{{0,40}}?(?:到|至)(?P<f1>{_YEAR})\s*年"
# 2015年…完成30788元,比2010年增加…,年均递增12.2%: from the base year to the reference year
_SINCE = rf"(?P<s1>{_YEAR})\s*年[^。；;]{{0,40}}?(?:比|较)(?P<s0>{_YEAR})\s*年"
_AHEAD = r"(?:今后|未来|此后)(?P<ahead>[一二三四五六七八九十]|\d{1,2})年"
_BACK = (r"(?:过去的?|近|前)(?P<back>[一二三四五六七八九十]|\d{1,2})年(?!前)"
         r"|(?P<back_s>[二三四五六七八九十]|\d{1,2})年来")
# The lookahead lists every alternative's first character: a cheap test that makes the scan
# of a whole document several times faster.
PERIOD_PATTERN = re.compile("(?=[“\"‘十六七八九第\\d由从今未此过近前二三四五])(?:"
                            + "|".join([_PLAN, _RANGE, _FROM_TO, _SINCE, _AHEAD, _BACK]) + ")")
# 在“十三五”基础上, 比“十三五”末: a baseline, not the period the value holds for
_BASELINE_AFTER = re.compile(r"基础上|的基础|相比|水平上")
_BASELINE_BEFORE = re.compile(r"(?:在|比|较|与|同)$")


def period_mentions(text: str) -> Iterator[re.Match]:
    """The period mentions of ``text`` that are not baselines (在“十三五”基础上, 比“十三五”末)."""
    for m in PERIOD_PATTERN.finditer(text):
        if not (_BASELINE_AFTER.match(text, m.end())
                or _BASELINE_BEFORE.search(text[max(0, m.start() - 1):m.start()])):
            yield m


def _count(s: str) -> int:
    return int(s) if s.isdigit() else cn_int(s)


def span_of(m: re.Match, review_year: int | None) -> tuple[tuple[int, int] | None, bool]:
    """(span, is_end_point) of one period mention; is_end_point for 十四五末 (one year)."""
    g = m.groupdict()
    plan = g["plan"] or g["plan_q"] or g["plan_s"]
    if plan or g["plan_n"]:
        number = cn_int(plan or g["plan_n"])
        tail = g["tail"] or g["tail_q"] or g["tail_s"] or ""
        span = plan_period(number)
        if review_year is not None and m.string.startswith("以来", m.end()) and span[0] <= review_year < span[1]:
            return (span[0], review_year), False     # “十四五”以来: since its start, up to the review
        return span, tail.endswith("末")
    if g["r0"]:
        a, b = int(g["r0"]), int(g["r1"])
        return ((a, b) if a < b else None), False
    if g["f0"] or g["s0"]:
        a, b = (int(g["f0"]), int(g["f1"])) if g["f0"] else (int(g["s0"]), int(g["s1"]))
        return ((a, b) if a < b else None), False
    if review_year is None:
        return None, False
    if g["ahead"]:
        return (review_year + 1, review_year + _count(g["ahead"])), False
    n = _count(g["back"] or g["back_s"])
    return ((review_year - n + 1, review_year) if n > 1 else None), False


def span_in(text: str, review_year: int | None) -> tuple[tuple[int, int] | None, bool, int]:
    """The last period mention in ``text``: (span, is_end_point, end of the mention) or
    (None, False, -1).  Baselines (在“十三五”基础上) are skipped."""
    found: tuple[tuple[int, int] | None, bool, int] = (None, False, -1)
    for m in period_mentions(text):
        span, end_point = span_of(m, review_year)
        if span is not None:
            found = (span, end_point, m.end())
    return found
