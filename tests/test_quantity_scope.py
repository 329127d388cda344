"""Whose figure a value is (policytext.quantity_scope.within_part), through the subject step."""
import pytest

from policytext.quantity_pipeline import extract_quantities


def names(text):
    return [r["indicator"] for r in extract_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    # the part opens the clause before, with a value named after it: the firms' output, not the
    # province's 工业总产值 (甘肃 2026)
    ("国有企业竞争力增强，省属企业资产总额达到2.7万亿元，工业总产值突破1万亿元。", ["省属企业资产总额", "省属企业工业总产值"]),
    # ... or the value's own clause, as the head of a list (研发投入 is the registry's 研发经费投入)
    ("省属企业完成产业类投资553.1亿元、研发投入133.5亿元。", ["省属企业完成产业类投资", "省属企业研发投入"]),
    # the name says it is the whole place's; a part further back; a clause about a part with no
    # figure of its own; a part after a verb (the object, not the subject): the registry's name
    ("江东新区建设加快，全省经济总量增长6%。", ["地区生产总值"]),
    ("海口经济圈规划完成编制，人口持续集聚，经济总量增长5.8%。", ["地区生产总值"]),
    ("全省研发投入133.5亿元。", ["研发经费投入"]),
    ("国有企业改革深化提升行动收官，规模以上工业增加值增长6.8%。", ["规模以上工业增加值"]),

    ("支持兰州新区高质量发展，地区生产总值增长6%左右。", ["地区生产总值"]),
])
def test_a_whole_place_name_that_measures_a_part_is_the_part_s(text, expected):
    assert names(text) == expected


def test_a_bare_economic_total_after_a_clause_about_a_part_is_the_part_s():
    # 海南 2026 (the 海南 label audits' most harmful error, twice): 经济总量 written bare names a part's
    # economy; the province's is written 全省经济总量 or 地区生产总值
    assert names("海口经济圈产业发展规划完成编制，经济总量年均增长5.8%。") == ["海口经济圈经济总量"]
    assert names("海口经济圈产业发展规划完成编制，地区生产总值年均增长5.8%。") == ["地区生产总值"]
    assert names("海口经济圈产业发展规划完成编制，全省经济总量年均增长5.8%。") == ["地区生产总值"]


def test_a_part_written_in_the_name_is_another_place_s_in_a_corpus():
    import policytext as pt

    c = pt.corpus({"g": "五年来，兰州新区经济总量突破500亿元，全省地区生产总值年均增长5.5%。"})
    c["g"].meta.update(place="甘肃省", year=2026)
    assert pt.quantities(c, cache=False)["indicator"].tolist() == ["兰州新区地区生产总值", "地区生产总值"]


@pytest.mark.parametrize("text, expected", [
    # a number of its cities before a registry name is a group of them, not the place (陕西 2026)
    ("关中5市PM2.5浓度改善24.7%。", ["关中5市PM2.5浓度"]),
    ("国考10市PM2.5浓度改善10.8%。", ["国考10市PM2.5浓度"]),
    # a place's own name before it is still the place (the registry's name)
    ("西安市PM2.5浓度改善10.8%。", ["PM2.5平均浓度"]),
])
def test_a_group_of_cities_is_not_the_place(text, expected):
    assert names(text) == expected
