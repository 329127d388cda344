"""Subject step of the quantities pipeline: each resolver on its own (policytext.quantity_subject)."""
import pytest

from policytext.indicators import indicator_registry
from policytext.quantity_spans import find_candidates
from policytext.quantity_subject import (SUBJECT_RESOLVERS, IndicatorResolver, SubjectMemory, clause_of,
                                         investment_of_projects, money_spent_on, noun_after_count,
                                         noun_after_value, noun_before_value, order_of_previous_list,
                                         previous_subject, resolve_subject, subject_of_fenbie)


def walk(text, resolver_fn):
    """What ``resolver_fn`` says for each value of the one-sentence ``text``, with the values
    before resolved by the whole chain (as the pipeline does)."""
    cands = find_candidates(text)
    rows, memory, said = [], SubjectMemory(), []
    resolver = IndicatorResolver(indicator_registry())
    for k, c in enumerate(cands):
        clause = clause_of(text, (0, len(text)), cands, k, rows, resolver, memory)
        said.append(resolver_fn(clause))
        indicator, written = resolve_subject(clause)
        rows.append({"start": c.start, "indicator": indicator, "indicator_text": written,
                     "measure": "count" if clause.is_count else "level"})
    return said


def test_the_resolvers_are_asked_in_this_order():
    assert [f.__name__ for f in SUBJECT_RESOLVERS] == [
        "subject_of_fenbie", "investment_of_projects", "money_spent_on", "noun_after_count",
        "noun_before_value", "order_of_previous_list", "noun_after_value", "previous_subject"]


def test_subject_of_fenbie_splits_the_coordinated_subject():
    said = walk("城镇和农村居民人均可支配收入分别达到48132元、24726元。", subject_of_fenbie)
    assert [ind for ind, _ in said] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_subject_of_fenbie_takes_the_values_before_when_the_clause_names_nothing():
    said = walk("旅游人数达到120万人次，旅游收入达到9亿元，分别增长12%和15%。", subject_of_fenbie)
    assert [ind for ind, _ in said] == ["", "", "旅游人数", "旅游收入"]


def test_subject_of_fenbie_needs_two_values_after_it():
    assert walk("城镇居民人均可支配收入分别达到48132元。", subject_of_fenbie) == [("", "")]


def test_investment_of_projects_names_the_projects_just_counted():
    said = walk("实施亿元以上重点项目215个，完成投资436亿元。", investment_of_projects)
    assert said[1] == ("重点项目完成投资", "重点项目完成投资")
    assert said[0] == ("", "")                  # a count is no money


def test_money_spent_on_what_follows_or_the_field_before():
    assert walk("累计投入2.13亿元开展农村人居环境整治。", money_spent_on) == [("农村人居环境整治投入",) * 2]
    assert walk("提升医疗卫生水平，累计投入4.6亿元。", money_spent_on) == [("医疗卫生投入",) * 2]
    assert walk("地区生产总值达到306亿元。", money_spent_on) == [("", "")]


def test_noun_after_count():
    assert walk("82个贫困村全部退出。", noun_after_count) == [("贫困村", "贫困村")]
    assert walk("地区生产总值增长5%。", noun_after_count) == [("", "")]     # not a count


def test_noun_before_value():
    assert walk("全市地区生产总值首次突破300亿元。", noun_before_value) == [("地区生产总值", "地区生产总值")]
    assert walk("物价上涨幅度控制在3%以内。", noun_before_value) == [("居民消费价格涨幅", "物价上涨幅度")]
    # nothing but a list separator before the second value
    assert walk("高新技术企业增长7%、8%。", noun_before_value)[1] == ("", "")


def test_order_of_previous_list():
    text = "城镇和农村居民人均可支配收入分别达到48132元、24726元，较2016年增长43.5%、50.2%。"
    said = walk(text, order_of_previous_list)
    assert [ind for ind, _ in said[2:]] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_noun_after_value():
    assert walk("投入1.5亿元新建学校。", noun_after_value) == [("学校", "学校")]     # 新建 is the action, not the name
    assert walk("新建学校12所。", noun_after_value) == [("", "")]             # a count: noun_after_count's job


def test_previous_subject_within_the_segment_only():
    said = walk("一般公共预算收入达到23.6亿元、增长6.7%；增长8%。", previous_subject)
    assert said == [("", ""), ("一般公共预算收入", "一般公共预算收入"), ("", "")]


def test_resolve_subject_takes_the_first_that_finds_one():
    calls = []

    def first(cl):
        calls.append("first")
        return "", ""

    def second(cl):
        calls.append("second")
        return "甲", "甲的写法"

    def third(cl):
        calls.append("third")
        return "乙", "乙"

    said = walk("达到5亿元。", lambda cl: resolve_subject(cl, (first, second, third)))
    assert said == [("甲", "甲的写法")] and calls[:2] == ["first", "second"] and "third" not in calls[:2]


def test_one_value_for_a_list_of_known_indicators_goes_to_the_first():
    assert walk("地区生产总值和城乡居民人均收入比2020年翻一番。", noun_before_value) == [("地区生产总值", "地区生产总值")]
    # a list of unknown nouns stays one name
    assert walk("地表水、地下水和饮用水达标率均为100%。", noun_before_value)[0][0] == "地表水地下水饮用水达标率"
