"""Lists of items before a value (policytext.quantity_lists): which name each item stands for."""
import pytest

from policytext.quantity_lists import expand_coordination, measured_head
from policytext.quantity_pipeline import extract_quantities


@pytest.mark.parametrize("subject, n, items", [
    ("城镇和农村居民人均可支配收入", 2, ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
    ("城乡居民收入", None, ["城镇居民收入", "农村居民收入"]),
    ("存贷款余额", 2, ["存款余额", "贷款余额"]),
    ("存、贷款余额", 2, ["存款余额", "贷款余额"]),
    ("进出口、实际使用外资", 2, ["进出口", "实际使用外资"]),
    # a later item that only counts what happened counts it for the first item's subject (江西, 甘肃,
    # 海南, 江苏, 陕西 2026: 死亡人数 stood alone); not an item with a subject of its own (海南: 命案起数)
    ("生产安全事故起数、死亡人数", 2, ["生产安全事故起数", "生产安全事故死亡人数"]),
    ("生产安全事故起数、死亡人数、受伤人数", 3, ["生产安全事故起数", "生产安全事故死亡人数", "生产安全事故受伤人数"]),
    ("刑事案件、命案起数", 2, ["刑事案件起数", "命案起数"]),
])
def test_expand_coordination(subject, n, items):
    assert expand_coordination(subject, n) == items


def test_measured_head():
    assert measured_head("生产安全事故起数") == "起数"
    assert measured_head("城镇登记失业率") == "失业率"
    assert measured_head("高标准农田") is None


def test_the_counts_of_a_subject_through_the_pipeline():
    names = [r["indicator"] for r in extract_quantities("生产安全事故起数、死亡人数分别下降9.62%、10.47%。")]
    assert names == ["生产安全事故起数", "生产安全事故死亡人数"]
