"""Whose figure a value is (policytext.quantity_scope.within_part), through the subject step."""
import pytest

from policytext.quantity_pipeline import extract_quantities


def names(text):
    return [r["indicator"] for r in extract_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    # the part opens the clause before: the firms' output, not the province's 工业总产值
    ("国有企业竞争力增强，省属企业资产总额达到2.7万亿元，工业总产值突破1万亿元。", ["省属企业资产总额", "省属企业工业总产值"]),
    # ... or the value's own clause, as the head of a list (研发投入 is the registry's 研发经费投入)
    ("省属企业完成产业类投资553.1亿元、研发投入133.5亿元。", ["省属企业完成产业类投资", "省属企业研发投入"]),
    ("海口经济圈规划完成编制，经济总量年均增长5.8%。", ["海口经济圈经济总量"]),
    # the name says it is the whole place's, or the part is further back: the registry's name
    ("江东新区建设加快，全省经济总量增长6%。", ["地区生产总值"]),
    ("海口经济圈规划完成编制，人口持续集聚，经济总量增长5.8%。", ["地区生产总值"]),
    ("全省研发投入133.5亿元。", ["研发经费投入"]),
])
def test_a_whole_place_name_in_a_sentence_about_a_part_is_the_part_s(text, expected):
    assert names(text) == expected
