"""Indicator registry (policytext.indicators)."""
import pytest

from policytext.errors import PolicyTextError
from policytext.indicators import DEFAULT_PATH, canonical_indicator, counted_as, indicator_registry, of_another_place


@pytest.mark.parametrize("group", [
    ["地区生产总值", "国内生产总值", "GDP", "经济总量", "生产总值"],
    ["居民消费价格涨幅", "居民消费价格指数涨幅", "CPI", "居民消费价格"],
    ["新增城镇就业", "城镇新增就业", "新增就业"],
    # 海拉尔 2012-2018 sets and reports re-employment under four names
    ["城镇失业人员再就业", "失业人员再就业", "城镇失业人员实现再就业", "下岗失业人员再就业", "再就业"],
    # ... and 2013's target: 下岗失业人员和困难人员再就业2100人, answered by 实现再就业2529人
    ["城镇失业人员再就业", "下岗失业人员和困难人员再就业", "下岗失业人员和就业困难人员再就业"],
    ["一般公共预算收入", "公共财政收入"],
    # 海拉尔 2015-2017: the names of 2011 until the 2014 budget law, and the newer one
    ["一般公共预算收入", "公共财政预算收入", "地方公共财政预算收入", "一般公共财政预算收入", "公共预算收入"],
    ["一般公共预算支出", "公共财政预算支出", "公共预算支出", "一般公共财政预算支出"],
    ["城镇登记失业率", "登记失业率"],
    # 陕西 2026 writes 安全生产事故, the other provinces the statistics' 生产安全事故
    ["生产安全事故死亡人数", "安全生产事故死亡人数"],
    ["规模以上工业增加值", "规上工业增加值"],
    ["城市绿化覆盖率", "建成区绿化覆盖率", "绿化覆盖率"],
    # 海拉尔 2017 writes 农村牧区常住居民; its 2018 report says 农村居民 for the same figure
    ["农村居民人均可支配收入", "农村牧区常住居民人均可支配收入", "农牧民人均纯收入", "农民人均纯收入"],
    # a sector's share of GDP (江苏 2026 writes the services' one), apart from its value added
    ["第三产业增加值比重", "服务业增加值占地区生产总值比重", "第三产业占比", "服务业增加值占GDP比重"],
    ["第一产业增加值比重", "第一产业占比", "第一产业增加值占GDP比重"],
    # 广西 2026: 一、二、三产业增加值分别增长…
    ["第一产业增加值", "一产业增加值", "一产增加值"],
    ["第三产业增加值", "三产业增加值", "服务业增加值"],
])
def test_aliases_share_one_canonical_name(group):
    assert {canonical_indicator(name) for name in group} == {group[0]}


def test_distinct_indicators_stay_distinct():
    names = ["城镇居民人均可支配收入", "农村居民人均可支配收入", "工业增加值", "规模以上工业增加值",
             "人均地区生产总值", "地区生产总值", "城镇调查失业率", "城镇登记失业率",
             # 312天 and 96.1% of good-air days are two indicators (provinces2026 gives the share)
             "空气质量优良天数", "空气质量优良天数比率",
             # the three job figures
             "新增城镇就业", "城镇失业人员再就业", "就业困难人员就业"]
    assert len({canonical_indicator(n) for n in names}) == len(names)
    assert canonical_indicator("优良天数比例") == "空气优良天数比例"


def test_unknown_names_come_back_as_written():
    assert canonical_indicator("“一村万树”示范村") == "一村万树示范村"


def test_data_file_has_a_header():
    head = DEFAULT_PATH.read_text(encoding="utf-8").splitlines()[:6]
    text = "\n".join(head)
    assert "version" in text and "source" in text and "licence" in text


def test_find_all_prefers_the_longest_alias():
    reg = indicator_registry()
    hits = {(s, e, c) for s, e, c in reg.find_all("规模以上工业增加值增长8%")}
    assert (0, 9, "规模以上工业增加值") in hits
    assert all(c != "工业增加值" or s > 0 for s, e, c in hits)


def test_user_registry(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("# my registry\nindicators:\n  绿色建筑占比:\n    aliases: [绿色建筑比例]\n", encoding="utf-8")
    reg = indicator_registry(path)
    assert len(reg) == 1
    assert reg.canonical("绿色建筑比例") == "绿色建筑占比"
    assert canonical_indicator("GDP", registry=reg) == "GDP"


def test_posts_created_are_not_people_employed():
    # 海拉尔 2014 aims at 新增就业岗位5000个 (posts); 城镇新增就业 counts people: two statistics
    reg = indicator_registry()
    assert reg.canonical("新增就业岗位") == "新增就业岗位" and reg.canonical("城镇新增就业") == "新增城镇就业"
    assert counted_as(["新增城镇就业", "新增城镇就业", "新增就业岗位"], ["个", "人", "个"]) == ["个", "人", "个"]
    assert reg.counts == {}


def test_a_user_registry_says_what_a_count_counts(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("indicators:\n  游客:\n    aliases: [接待游客]\n    counts: 人次\n", encoding="utf-8")
    reg = indicator_registry(path)
    assert counted_as(["游客", "游客"], ["人", "%"], registry=reg) == ["人次", "%"]


@pytest.mark.parametrize("content, problem", [
    ("indicators: [a, b]\n", "mapping"),
    ("indicators:\n  x:\n    aliases: y\n", "list"),
    ("indicators: {x: [\n", "cannot read"),
    # an indicator entered twice: YAML would keep the second and drop the first's aliases
    ("indicators:\n  x:\n    aliases: [a]\n  y:\n    aliases: [b]\n  x:\n    aliases: [c]\n",
     r"not valid YAML \(line 6\): the key 'x' is written twice"),
])
def test_bad_registry_names_the_file(tmp_path, content, problem):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PolicyTextError, match=problem) as info:
        indicator_registry(path)
    assert "bad.yaml" in str(info.value)


def test_missing_registry(tmp_path):
    with pytest.raises(PolicyTextError, match="not found"):
        indicator_registry(tmp_path / "none.yaml")


@pytest.mark.parametrize("written, canonical", [
    # GDP growth, as 1990s-2020s national, provincial and city reports name it
    ("国内生产总值", "地区生产总值"), ("国民生产总值", "地区生产总值"), ("经济增长", "地区生产总值"),
    ("经济增长速度", "地区生产总值"), ("GDP增速", "地区生产总值"), ("经济", "地区生产总值"),  # 河南 2026: 经济年均增长5%
    # prices
    ("商品零售价格", "居民消费价格涨幅"), ("商品零售价格总水平上涨幅度", "居民消费价格涨幅"),
    ("物价上涨幅度", "居民消费价格涨幅"), ("居民消费价格", "居民消费价格涨幅"), ("市场物价总水平", "居民消费价格涨幅"),
    # jobs, unemployment, grain, money, trade, income
    ("城镇新增就业", "新增城镇就业"), ("登记失业率", "城镇登记失业率"), ("调查失业率", "城镇调查失业率"),
    ("粮食总产量", "粮食产量"), ("全国财政收入", "财政收入"), ("全社会固定资产投资", "固定资产投资"),
    ("社会消费品零售总额", "社会消费品零售总额"), ("进出口总值", "进出口总额"), ("货物进出口总额", "进出口总额"),
    ("居民收入", "城乡居民人均可支配收入"), ("农村居民人均纯收入", "农村居民人均可支配收入"),
    ("赤字率", "财政赤字率"), ("人口自然增长率", "人口自然增长率"),
    # a sector's growth is that of its value added (seeds: 第三产业年均增长4.7%)
    ("第三产业", "第三产业增加值"), ("服务业", "第三产业增加值"), ("第一产业", "第一产业增加值"),
])
def test_synonyms_and_older_vocabulary(written, canonical):
    assert canonical_indicator(written) == canonical


def test_a_level_of_government_stays_before_the_canonical_name():
    # 海拉尔 2013 sets 区本级固定资产投资; its 2014 report gives 区本级全社会固定资产投资额
    assert canonical_indicator("区本级全社会固定资产投资额") == "区本级固定资产投资"
    assert canonical_indicator("市本级公共财政预算收入") == "市本级一般公共预算收入"
    # without it, or before a name the registry does not know, nothing changes
    assert canonical_indicator("全社会固定资产投资额") == "固定资产投资"
    assert canonical_indicator("自治区本级科技专项资金") == "自治区本级科技专项资金"


def test_bare_trade_and_total_revenue_are_not_widened():
    # 对东盟进出口 is ASEAN trade, 财政总收入 counts more than 财政收入: neither is a registry name
    assert canonical_indicator("进出口") == "进出口"
    assert canonical_indicator("财政总收入") == "财政总收入"


@pytest.mark.parametrize("indicator, written, place, expected", [
    ("地区生产总值", "兰州新区经济总量", "甘肃省", "兰州新区地区生产总值"),      # a new area inside the province
    ("农村居民人均可支配收入", "脱贫地区农民收入", "河南省", "脱贫地区农村居民人均可支配收入"),  # a kind of area
    ("地区生产总值", "金川区地区生产总值", "金昌市", "金川区地区生产总值"),      # a district of the city
    ("地区生产总值", "兰州新区经济总量", "兰州新区", None),                    # its own report
    ("地区生产总值", "海拉尔区地区生产总值", "呼伦贝尔市海拉尔区", None),          # its own name, parent written
    ("地区生产总值", "内蒙古自治区地区生产总值", "内蒙古", None),                 # its own name without the unit
    ("地区生产总值", "地区生产总值", "甘肃省", None),                          # no place named
    ("空气优良天数比例", "城市空气优良天数比例", "甘肃省", None),                 # 城市: generic, no place
    ("地区生产总值", "兰州新区经济总量", None, None),                          # the document's place unknown
    ("兰州新区经济总量", "兰州新区经济总量", "甘肃省", None),                   # not a registry indicator
])
def test_a_place_before_the_indicator_that_is_not_the_documents(indicator, written, place, expected):
    assert of_another_place(indicator, written, place, indicator_registry()) == expected


def test_an_earlier_statistic_is_an_alias_and_is_named_as_written():
    registry = indicator_registry()
    assert canonical_indicator("农民人均纯收入") == canonical_indicator("农牧民人均纯收入") == "农村居民人均可支配收入"
    assert registry.earlier_statistic("全区农民人均纯收入") == "农民人均纯收入"
    assert registry.earlier_statistic("农村常住居民人均可支配收入") is None
    assert registry.earlier_statistic("国民生产总值") == "国民生产总值"
    assert registry.earlier_statistic("纯收入水平") is None         # the name must end with it


def test_an_earlier_list_that_is_not_a_list_is_refused(tmp_path):
    path = tmp_path / "indicators.yaml"
    path.write_text("indicators:\n  收入:\n    aliases: [可支配收入]\n    earlier: 纯收入\n", encoding="utf-8")
    with pytest.raises(PolicyTextError, match=r"indicators.yaml: earlier of '收入' must be a list"):
        indicator_registry(path)
    path.write_text("indicators:\n  收入:\n    earlier: [纯收入]\n", encoding="utf-8")
    assert indicator_registry(path).canonical("纯收入") == "收入"        # an earlier name is an alias too
