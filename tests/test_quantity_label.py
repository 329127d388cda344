"""Label step of the quantities pipeline (policytext.quantity_label)."""
import pytest

from policytext.indicators import indicator_registry
from policytext.quantity_label import direction_of, label_for, measure_of, span_label


def label(pre, part, **kw):
    kw.setdefault("explicit_year", None)
    kw.setdefault("review_year", 2021)
    kw.setdefault("year", 2022)
    return label_for(pre + "8%", len(pre), part, **kw)


def test_cues():
    assert label("地区生产总值预计增长", "review") == ("estimate", "预计")
    # 预计 in the plan is a forecast for the plan year, a target (海拉尔 2016); for a year
    # already reviewed it stays an estimate
    assert label("预计全年旅游接待人数增长", "plan") == ("target", "预计")
    assert label("预计2021年地区生产总值增长", "plan", explicit_year=2021) == ("estimate", "预计")
    assert label("力争地区生产总值增长", "plan") == ("target", "力争")
    assert label("地区生产总值增长", "plan") == ("target", "")
    assert label("地区生产总值增长", "review") == ("achieved", "")
    assert label("今年地区生产总值要增长", "other") == ("target", "要")
    # a fact inside a plan section sets nothing
    assert label("现在我国人口已经达到", "plan")[0] == "achieved"
    # 争取 before resources, in a review, is what was secured; before a goal it stays a goal
    assert label("争取中央各类建设发展资金超", "review") == ("achieved", "")
    assert label("争取国家“两重”建设任务", "review") == ("achieved", "")
    assert label("争取到中央和自治区预算内投资", "review") == ("achieved", "")
    assert label("争取实现地区生产总值增长", "review") == ("target", "争取")
    assert label("争取中央资金超", "plan") == ("target", "争取")
    # a goal cue governs its own clause: the result after it in a review is reported
    assert label("年初提出力争增长9%，实际增长", "review") == ("achieved", "")
    assert label("融资和资金争取工作取得新突破,全年融入资金", "review") == ("achieved", "")
    assert label("力争全年增长", "review") == ("target", "力争")
    # a part of a year after an estimate is reported data; an estimate of that part is one
    assert label("预计全年地区生产总值增长7%，前三季度增长", "review") == ("achieved", "")
    assert label("地区生产总值上半年有望增长", "other") == ("estimate", "有望")
    # an interview: what it reports after stating a goal, in a later clause, is reported
    assert label("今年我们的目标是地区生产总值增长7%以上，今年前4个月，全市规上工业增加值增长", "other") == (
        "achieved", "")
    assert label("目标是力争上半年增长", "other")[0] == "target"


@pytest.mark.parametrize("unit, pre, indicator, measure", [
    ("%", "地区生产总值增长", "地区生产总值", "change"),
    ("%", "地区生产总值年均增长", "地区生产总值", "avg_change"),
    ("%", "年均分别增长", "城镇居民人均可支配收入", "avg_change"),
    ("%", "研发投入占GDP比重", "研发投入", "share"),
    ("%", "财政赤字率拟按", "财政赤字率", "share"),         # a share by the registry
    ("%", "人口自然增长率控制在", "人口自然增长率", "level"),  # 增长率 is a noun
    ("个", "新增", "高新技术企业", "count"),
    ("亿元", "达到", "地区生产总值", "level"),
    ("倍", "增长", "地区生产总值", "change"),
    # a bare magnitude after an amount's name leaves out 元 (江西 2026); after others it counts
    ("万亿", "电子信息规模达到", "电子信息规模", "level"),
    ("万", "新增", "市场主体", "count"),
    # an amount of change is a change (海拉尔 2016, 河南 2026); a count added stays a count
    ("元", "城镇居民人均可支配收入完成30788元,比2010年增加", "城镇居民人均可支配收入", "change"),
    ("天", "优良天数增加", "空气优良天数", "change"),
    ("个", "增加", "普通高中招生计划", "count"),
    # every value of a list after the verb is a change, however long the list (海拉尔 2013, seeds)
    ("元", "月人均分别提高221元、90元、350元和", "", "change"),
    ("%", "较重组前分别增长102.7%、318.6%、", "营业收入", "change"),
    ("%", "黄金、白银、精炼铜、镍产量分别增长544.4%、199.2%、110.9%、", "镍产量", "change"),
    # the distance from a benchmark's figure is a gap, in any wording (内蒙古, 江西 2026)
    ("个百分点", "规上工业增加值增长6.7%、高于全国", "规模以上工业增加值", "benchmark_gap"),
    ("个百分点", "高出全国平均水平", "民间投资", "benchmark_gap"),
    ("个百分点", "居民收入增速比全国平均水平高", "城乡居民人均可支配收入", "benchmark_gap"),
    ("个百分点", "比率从14.7%降至13%左右、优于全国约", "社会物流总费用与GDP的比率", "benchmark_gap"),  # 安徽 2026
    ("个百分点", "比上年提高", "城乡居民人均可支配收入", "change"),      # a change: no benchmark
    # a contribution to growth is no growth (甘肃, 广西 2026); the contribution's own change is
    ("%", "工业对全省经济增长的贡献率达到", "工业对全省经济增长的贡献率", "level"),
    ("%", "新产业、新产品对工业增长贡献超", "新产业新产品对工业增长贡献", "level"),
    ("个百分点", "消费对经济增长贡献率提高", "消费对经济增长贡献率", "change"),
    # 压降 and 上升 are verbs of a change too (甘肃 2026: 融资平台退出213户、压降81.3%)
    ("%", "融资平台退出213户、压降", "", "change"),
    ("%", "工业产值上升", "工业产值", "change"),
    ("万亿元", "地区生产总值跨过3万亿元、较十三五末净增", "地区生产总值", "change"),    # 陕西 2026
    # an amount taken off what the clause names (海拉尔 2015, 2016; 青海 2026) is a change; a
    # level reduced to (缩减到) is a level, and 压缩空气储能 is a noun (陕西 2026)
    ("个", "减少区直部门", "区直部门", "change"),
    ("万吨", "减少碳排放", "碳排放", "change"),
    ("项", "全区行政许可事项缩减到", "行政许可事项", "count"),
    ("个", "中国能建集团压缩空气储能等", "央陕合作项目", "count"),
    # a rate per population is a level, not a count of things (陕西, 江西 2026; seeds 每万人发明专利)
    ("个", "每千人口拥有执业医师", "每千人口拥有执业医师", "level"),
    ("件", "每万人发明专利拥有量达到", "每万人发明专利拥有量", "level"),
    # ... with what the population is (广西 2026: 每万城镇常住人口配备18名社区工作者)
    ("名", "每万城镇常住人口配备", "每万城镇常住人口社区工作者", "level"),
    ("张", "每千名老年人拥有养老床位", "每千名老年人拥有养老床位", "level"),
    ("个", "每千名儿童拥有托位", "每千名儿童拥有托位", "level"),
    # ... or without 每 (江苏 2026), but not a count of people (万人次) or a programme (千人计划)
    ("件", "万人高价值发明专利拥有量达", "万人高价值发明专利拥有量", "level"),
    ("个", "千人口托位数达", "千人口托位数", "level"),
    # an area is an amount, never a count (江苏 2026, 海拉尔 2016)
    ("公顷", "新增城市公园绿地超", "城市公园绿地", "level"),
    ("架次", "口岸出入境航班", "口岸出入境航班", "count"),
    ("人", "千人计划专家", "千人计划专家", "count"),
    # how far past the plan: the plan is the benchmark (江西, 甘肃 2026)
    ("家", "新退出政府融资平台346家、超计划", "新退出政府融资平台", "benchmark_gap"),
    ("%", "完成投资2929亿元、超年度计划", "省列重大项目完成投资", "benchmark_gap"),
    # an improvement of a concentration and a price cut are changes (陕西, 青海 2026)
    ("%", "国考10市PM2.5浓度改善", "PM2.5平均浓度", "change"),
    ("%", "集中采购药品耗材平均降价超", "集中采购药品耗材平均降价", "change"),
    # the verb of the value before is not this one's (广西 2026); a list after one verb is
    # (分别增长8.5%、6.2%); 精简 is a fall (青海 2026, 海拉尔 2016)
    ("%", "招商引资落地项目投资完成额增长11.7%、制造业占比超", "制造业占比", "share"),
    ("%", "工业投资增长8%、占全部投资比重达到", "工业投资占全部投资比重", "share"),
    ("%", "城乡居民收入分别增长8.5%、", "农村居民人均可支配收入", "change"),
    ("%", "审批时限压缩70%、审批材料精简", "审批材料精简", "change"),
    ("%", "地区生产总值年均增长（2021—2025年）", "地区生产总值", "avg_change"),
])
def test_measure_of(unit, pre, indicator, measure):
    assert measure_of(unit, pre, indicator, indicator_registry()) == measure


@pytest.mark.parametrize("measure, pre, unit, direction", [
    ("change", "地区生产总值增长", "%", "up"),
    ("avg_change", "年均下降", "%", "down"),
    ("change", "CPI微降", "%", "down"),
    ("change", "融资平台退出213户、压降", "%", "down"),
    ("change", "工业产值上升", "%", "up"),
    ("change", "PM2.5浓度改善", "%", "down"),                               # a concentration improves by falling
    ("change", "药品平均降价超", "%", "down"),
    ("change", "削减审批事项", "项", "down"),
    ("change", "比上年提高", "个百分点", "up"),
    ("change", "生产安全事故起数、死亡人数分别下降38.3%、", "%", "down"),   # the verb before the list
    ("change", "收入下降5%后又增长", "%", "up"),                           # the nearest verb
    ("change", "", "番", "up"),                                           # 翻一番: the verb is the value's
    ("change", "是2010年的", "倍", ""),                                   # a ratio: no verb says it
    ("level", "降至", "%", ""),                                           # a level has no direction
    ("change", "增加值", "%", ""),                                        # 增加值 is a noun
    ("benchmark_gap", "增长4.7%、低于全国", "个百分点", "down"),                     # which side of the benchmark
    ("benchmark_gap", "增速比全省平均水平快", "个百分点", "up"),
    ("benchmark_gap", "比率降至13%左右、优于全国约", "个百分点", ""),       # better: no side is said
    ("benchmark_gap", "新退出政府融资平台346家、超计划", "家", "up"),        # past the plan (江西, 甘肃 2026)
])
def test_direction_of(measure, pre, unit, direction):
    assert direction_of(measure, pre, unit) == direction


def test_span_label():
    # a rate over years after the review year is planned; one over past years reported
    assert span_label("achieved", "", (2026, 2030), "年均增长", 2025) == ("target", "2026–2030")
    assert span_label("target", "", (2021, 2025), "年均增长", 2025) == ("achieved", "")
    assert span_label("target", "规划", (2021, 2025), "规划提出年均增长", 2025) == ("target", "规划")
    assert span_label("achieved", "", (2025, 2025), "增长", 2024) == ("achieved", "")   # one year: unchanged


def test_visits_set_nothing():
    from policytext.quantity_label import sets_nothing

    assert sets_nothing("次", "到地方考察") and sets_nothing("次", "来我省视察指导")
    assert not sets_nothing("次", "以上") and not sets_nothing("人次", "")
    assert not sets_nothing("个", "到地方考察")


@pytest.mark.parametrize("name", ["了", "了中心城区", "使", "28104元", "游客17.52亿人次", "分别突破9千亿元", "东电2×",
                                  "6月底前要全面", "举全区之力全面完成了", "10.发放城镇住房保障家庭租赁补贴",
                                  "向全国推广", "在电网关键节点新能源富集地区布局建设", "地方和单位荣", "居全国前",
                                  "每年安排", "三年安排", "筹措", "压降", "上线", "新增"])
def test_fragments_are_no_indicator(name):
    from policytext.quantity_label import usable_indicator

    assert not usable_indicator(name)


@pytest.mark.parametrize("name", ["5G基站", "PM2.5平均浓度", "PM2.5浓度", "关中5市PM2.5浓度", "PM10浓度",
                                  "12345热线群众诉求满意率", "在建", "在园师生",
                                  "财政资金安排", "压降债务",
                                  "每千人拥有3岁以下婴幼儿托位数", "20层以上高层", "地区生产总值", "实际使用外资"])
def test_real_indicators_with_digits_or_a_leading_preposition_are_usable(name):
    from policytext.quantity_label import usable_indicator

    assert usable_indicator(name)
