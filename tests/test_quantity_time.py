"""Time step of the quantities pipeline: periods (policytext.quantity_time)."""
import pandas as pd
import pytest

from policytext.quantity_time import PeriodContext, period_for, period_label


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


def test_a_year_in_chinese_digits_dates_a_target():
    from policytext.quantity_time import year_for

    kw = dict(year=1996, review_year=1995, label="target", part="plan", horizon=None)
    assert year_for("到二〇〇〇年人口控制在13亿", 11, **kw) == (2000, True)


# ---------------------------------------------------------------- totals over five years

def _periods(text, *, year, review_year):
    """{printed value: (label, year, period)} of the quantities in ``text``."""
    from policytext.quantities import extract_quantities

    return {r["text"]: (r["label"], r["year"], r["period"])
            for r in extract_quantities(text, year=year, review_year=review_year)}


# sentences of hailar 2016.txt (reviews the 12th plan, 2011–2015) and of the provinces2026
# reports (review the 14th plan, 2021–2025)
@pytest.mark.parametrize("text, printed, review_year, period", [
    ("五年累计发放城乡低保金9823万元、贫困大学生救助金307万元。", "9823万元", 2015, "2011–2015"),
    ("五年累计发放城乡低保金9823万元、贫困大学生救助金307万元。", "307万元", 2015, "2011–2015"),
    ("五年建成廉租房198户、公租房200户,累计发放住房租赁补贴496万元。", "200户", 2015, "2011–2015"),
    ("五年建成平价蔬菜超市和销售网点31个,为困难家庭发放蔬菜价格补贴251万元。", "251万元", 2015, "2011–2015"),
    ("五年共办理人大代表建议405件和政协委员提案590件,办复率均达100%。", "590件", 2015, "2011–2015"),
    ("全面落实各项创业就业优惠政策,五年新增就业3.25万人,再就业15326人。", "15326人", 2015, "2011–2015"),
    ("深入实施“十个全覆盖”工程,五年来,完成街巷硬化134.6公里、新建文化活动室17所。", "134.6公里", 2015,
     "2011–2015"),
    ("“十二五”期间,累积完成全社会固定资产投资615亿元,是“十一五”时期的2.7倍。", "615亿元", 2015, "2011–2015"),
    # 落地, 打造: flows as 新增 is (陕西, 青海 2026)
    ("五年来，落地国家重大科技基础设施4个、新增陕西实验室5家。", "4个", 2025, "2021–2025"),
    ("五年来，高标准打造幸福河湖100条。", "100条", 2025, "2021–2025"),
    # what was passed, run, set up or treated over the five years (江苏, 河南, 甘肃 2026); what is
    # being built, and what a list was enlarged to, are stocks at the end
    ("五年来，提请省人大常委会审议地方性法规70项，办理省人大代表建议3310件。", "70项", 2025, "2021–2025"),
    ("五年来，中欧班列开行超万列，出台84项政策措施。", "84项", 2025, "2021–2025"),
    ("五年来，治理水土流失面积6779平方公里，植树造林659万亩。", "6779平方公里", 2025, "2021–2025"),
    ("五年来，自贸试验区新设企业10.1万家，跨境电商综试区扩容至7个。", "10.1万家", 2025, "2021–2025"),
    ("五年来，自贸试验区新设企业10.1万家，跨境电商综试区扩容至7个。", "7个", 2025, "2025"),
    ("五年来，建成过江通道4座、在建8座。", "8座", 2025, "2025"),
    # honours won, bodies set up or drawn in, people reached (内蒙古, 海南, 江苏 2026)
    ("五年来，落户4个国家区域医疗中心，布局39个自治区专科区域医疗中心。", "39个", 2025, "2021–2025"),
    ("五年来，获评何梁何利奖2人、国家卓越工程师2人。", "2人", 2025, "2021–2025"),
    ("五年来，成功创建65个全国民族团结进步示范典型。", "65个", 2025, "2021–2025"),
    ("五年来，深化招投标改革，节约财政资金69亿元。", "69亿元", 2025, "2021–2025"),
    ("五年来，制定、修改、废止省政府规章45件。", "45件", 2025, "2021–2025"),
    # net additions, reserves found, works started, bodies formed, rights sold, debts resolved (甘肃 2026)
    ("五年来，森林覆盖率达到22%，净增有进出口实绩企业485家。", "485家", 2025, "2021–2025"),
    ("五年来，新探明大中型矿产地35处，开工建设8个抽水蓄能电站。", "35处", 2025, "2021–2025"),
    ("五年来，新探明大中型矿产地35处，开工建设8个抽水蓄能电站。", "8个", 2025, "2021–2025"),
    ("五年来，组建13家企业创新联合体，出让矿业权755宗、成交价616.6亿元。", "616.6亿元", 2025, "2021–2025"),
    ("五年来，升格设置8所本科院校，化解历史遗留问题房屋101.25万套。", "101.25万套", 2025, "2021–2025"),
    # new capacity "exceeding" an amount is still what was added, not a level (陕西 2026) ...
    ("五年来，新增煤基化工产品产能超过400万吨，电力总装机1.27亿千瓦。", "400万吨", 2025, "2021–2025"),
    # ... but the clause after it is a level again, and 建成区 and 新增劳动力 are no flows
    ("五年来，新增煤基化工产品产能超过400万吨，电力总装机1.27亿千瓦。", "1.27亿千瓦", 2025, "2025"),
    ("五年来，全力创建全国文明城市，城市建成区面积达到34.04平方公里。", "34.04平方公里", 2025, "2025"),
    # (hostile review) 投资 and 投入 inside a name are no flow before 突破: levels of the year
    ("五年来，全省固定资产投资突破3000亿元，研发经费投入突破200亿元。", "3000亿元", 2025, "2025"),
    ("五年来，全省固定资产投资突破3000亿元，研发经费投入突破200亿元。", "200亿元", 2025, "2025"),
    # ... also when the verb follows what is counted (内蒙古, 海南 2026), but not a count held (9个…开诊运营)
    ("五年来，森林覆盖率达到22%，7个城市获评全国文明城市，6座博物馆晋级国家一级博物馆。", "7个", 2025, "2021–2025"),
    ("五年来，森林覆盖率达到22%，7个城市获评全国文明城市，6座博物馆晋级国家一级博物馆。", "6座", 2025, "2021–2025"),
    ("五年来，3家全国重点实验室获批建设，3家海上风场并网发电。", "3家", 2025, "2021–2025"),
    ("五年来，森林覆盖率达到22%，9个国家区域医疗中心开诊运营。", "9个", 2025, "2025"),
    ("五年来，山阳、勉县等6个抽水蓄能项目核准建设，30个县区通过国家义务教育优质均衡发展评估。", "6个", 2025,
     "2021–2025"),
    ("五年来，山阳、勉县等6个抽水蓄能项目核准建设，30个县区通过国家义务教育优质均衡发展评估。", "30个", 2025,
     "2021–2025"),
    ("五年来，森林覆盖率达到22%，16个案例入选全国“高效办成一件事”典型。", "16个", 2025, "2021–2025"),   # (江苏)
    ("五年来，森林覆盖率达到22%，张掖等11个市被命名为全国双拥模范城。", "11个", 2025, "2021–2025"),
    # (hostile review) a count of what there is: 现有, 全部
    ("五年来，森林覆盖率达到22%，现有36个县被评为国家生态县。", "36个", 2025, "2025"),
    ("五年来，森林覆盖率达到22%，全省11个设区市全部被命名为国家卫生城市。", "11个", 2025, "2025"),
    ("五年来，我们坚定不移践行以人民为中心的发展思想，城镇调查失业率控制在5.5%以内。超70万人次接受补贴性职业技能培训。",
     "70万人次", 2025, "2021–2025"),
    # the 由 of 自由 is no "from" (海南 2026: 推动出台自由贸易港法规55件)
    ("五年来，推动出台自由贸易港法规55件。", "55件", 2025, "2021–2025"),
    # (hostile review) capacity connected is a stock, and the people an insurance reaches are too
    ("五年来，风电光伏并网装机容量4200万千瓦。", "4200万千瓦", 2025, "2025"),
    ("五年来，城乡居民基本养老保险惠及1200万人。", "1200万人", 2025, "2025"),
    ("五年来,天津、山东对口协作,累计投入财政援助资金161.15亿元;37家中央定点帮扶单位援助资金31.08亿元、"
     "引进项目1002个。", "1002个", 2025, "2021–2025"),
    # a change since a base year holds over the years since it
    ("有效发明专利比2020年增长58.1%。", "58.1%", 2025, "2021–2025"),
    ("常住人口城镇化率五年提高3.89个百分点,县域增至12个。", "3.89个百分点", 2025, "2021–2025"),
    ("城镇居民人均可支配收入较五年前增长43.5%。", "43.5%", 2021, "2017–2021"),
    ("工业增加值比5年前增长3.5倍。", "3.5倍", 2021, "2017–2021"),       # seeds: 5 in digits
    ("生产安全事故起数、死亡人数比2020年分别下降65.3%、58.3%。", "58.3%", 2025, "2021–2025"),
    # the base may be a plan's end, and a clause with only the verb shares the base before (甘肃 2026)
    ("PM2.5年均浓度较“十三五”末改善16.5%。", "16.5%", 2025, "2021–2025"),
    ("地区生产总值达到13697.5亿元,较“十三五”末的9323.1亿元增加4374.4亿元,增长33.6%。", "33.6%", 2025,
     "2021–2025"),
    # a multiple of a base year's figure, or of the plan before's total (海拉尔 2016)
    ("2015年旅游收入达到69亿元，是2010年的2.6倍。", "2.6倍", 2015, "2011–2015"),
    ("“十二五”期间累积完成固定资产投资615亿元，是“十一五”时期的2.7倍。", "2.7倍", 2015, "2011–2015"),
    # ... but a change on the year before, or on a base not written as a year, is one year's
    ("地区生产总值比2024年增长5.2%。", "5.2%", 2025, "2025"),
    ("地区生产总值比上年增长5.2%。", "5.2%", 2025, "2025"),
])
def test_a_flow_or_a_change_over_several_years_holds_for_them(text, printed, review_year, period):
    label, year, found = _periods(text, year=review_year + 1, review_year=review_year)[printed]
    assert (label, year, found) == ("achieved", review_year, period)


def test_a_level_reached_at_the_end_stays_one_year():
    got = _periods("人均道路面积达到18.99平方米,比2010年提高86%;五年累计投资5.1亿元,建成西出口等31条公路。",
                   year=2016, review_year=2015)
    assert got["5.1亿元"][2] == got["31条"][2] == "2011–2015"
    assert got["18.99平方米"][2] == "2015"
    assert got["86%"][2] == "2011–2015"      # the change since 2010 is the five years'
    got = _periods("五年共投资6.2亿元,实施了“菜篮子”工程,蔬菜种植面积达到1.5万亩。", year=2016, review_year=2015)
    assert (got["6.2亿元"][2], got["1.5万亩"][2]) == ("2011–2015", "2015")
    got = _periods("五年共有29所学校晋级标准化学校,创建率93.5%。", year=2016, review_year=2015)
    assert (got["29所"][2], got["93.5%"][2]) == ("2011–2015", "2015")
    # 五年连续增加 adds nothing up: the from-to values keep their years
    got = _periods("五年连续增加企业退休人员养老金,月人均养老金由2010年的1264元增加到2011元。", year=2016, review_year=2015)
    assert (got["1264元"][2], got["2011元"][2]) == ("2010", "2015")


def test_a_span_inside_a_clause_or_before_a_year_does_not_govern_what_follows():
    # (每年新增就业3000人 is a mean a year over the five years: 人/年 over 2011–2015, no five-year total)
    got = _periods("五年来,我区每年新增就业3000人,五年累计发放低保金9823万元。", year=2016, review_year=2015)
    assert (got["3000人"][2], got["9823万元"][2]) == ("2011–2015", "2011–2015")
    # 30年来 belongs to its own clause; the rivers built are no 30-year total
    got = _periods("五年累计建成农村公路1万公里,太湖水质30年来首次达良好水平,建成幸福河湖4762个。",
                   year=2026, review_year=2025)
    assert (got["1万公里"][2], got["4762个"][2]) == ("2021–2025", "2025")


def test_a_target_adds_up_over_a_future_span_only():
    kw = dict(measure="count", label="target", year=2026, review_year=2025, context=None)
    # “十四五”批复的 names a past plan: this year's 3 bases are no 2021–2025 total
    assert period_for("加快建设“十四五”批复的6个沙戈荒大基地及外送通道,争取再纳规", "争取再纳规", **kw) == (2026, 2026)
    assert period_for("今后五年,新建", "新建", **kw) == (2026, 2030)
    # a bare 五年 looks back from the review year: only in a review
    assert period_for("五年新增", "五年新增", **kw) == (2026, 2026)
    assert period_for("五年新增", "五年新增", **{**kw, "label": "achieved"}) == (2021, 2025)
    assert period_for("连续十五年新增", "连续十五年新增", **{**kw, "label": "achieved"}) == (2026, 2026)


@pytest.fixture(scope="module")
def hailar_q():
    from policytext import data_corpus, quantities

    return quantities(data_corpus("hailar"))


def test_hailar_2016_five_year_totals_are_not_2015_results(hailar_q):
    from policytext.attainment import textstat_attainment

    q = hailar_q[hailar_q["file"] == "2016.txt"]
    r = q[(q["value"] == 9823) & (q["unit"] == "万元")].iloc[0]
    assert (r["indicator"], r["label"], r["period_start"], r["period_end"], r["period"]) == (
        "低保金", "achieved", 2011, 2015, "2011–2015")
    r = q[q["value"] == 18.99].iloc[0]
    assert (r["indicator"], r["period"]) == ("人均道路面积", "2015")
    # the 2015 job target meets the 2015 result, not the five-year total 3.25万人
    a = textstat_attainment(hailar_q)
    jobs = a[a["indicator"] == "新增城镇就业"]
    annual = jobs[jobs["year"] == 2015].iloc[0]
    # (of its two 2015 statements, 全年实现新增就业5650人 is worded like the target; 3000 are a
    # shopping district's jobs)
    assert (annual["target"], annual["achieved"], annual["met"]) == (5700, 5650, False)
    total = jobs[jobs["period"] == "2011–2015"].iloc[0]
    assert pd.isna(total["year"]) and pd.isna(total["target"]) and total["achieved"] == 3.25


def test_a_forecast_in_a_plan_is_a_target_for_the_plan_year(hailar_q):
    # 2016.txt's plan for 2016: "预计全年旅游接待人数达到700万人次,旅游收入达到83亿元" (LABELING.md:
    # 全年 in a plan section is the report's own year, and a forecast for the future is a
    # target); 2016.txt's review states 2015's 607万人次
    q = hailar_q[(hailar_q["file"] == "2016.txt") & hailar_q["value"].isin([700, 83]) & (hailar_q["part"] == "plan")
                 & hailar_q["indicator"].str.startswith("旅游")]
    assert sorted(zip(q["indicator"], q["year"], q["part"], q["label"], q["cue"])) == [
        ("旅游人数", 2016, "plan", "target", "预计"), ("旅游收入", 2016, "plan", "target", "预计")]


def test_a_plan_end_after_a_comparison_is_the_base_not_the_year():
    from policytext.quantity_time import year_for

    kw = dict(year=2026, review_year=2025, label="achieved", part="review", horizon=None)
    s = "全省地区生产总值达到13697.5亿元,较“十三五”末的9323.1亿元增加4374.4亿元,增长33.6%"
    assert year_for(s, s.index("9323.1"), **kw) == (2020, True)        # the base value, of 2020
    assert year_for(s, s.index("4374.4"), **kw)[0] == 2025              # the increase up to the review year
    s = "PM2.5年均浓度较“十三五”末改善16.5%"
    assert year_for(s, s.index("16.5"), **kw)[0] == 2025
    s = "力争“十四五”末地区生产总值突破500亿元"
    assert year_for(s, s.index("500"), **{**kw, "label": "target"}) == (2025, True)


def test_a_paragraph_opening_on_the_five_years_reviews_them_throughout():
    # provinces2026, 内蒙古: the paragraph opens on 这五年, its sentences name no span
    text = ("——这五年民生福祉不断增进。城镇新增就业累计106万人,常住人口城镇化率达到71.5%。"
            "改造城镇老旧小区7323个、棚户区5.2万套,增设电动汽车充电桩3.2万个。\n"
            "过去一年,城镇新增就业累计25万人。")
    got = _periods(text, year=2026, review_year=2025)
    assert got["106万人"][1:] == (2025, "2021–2025")
    assert (got["7323个"][2], got["5.2万套"][2], got["3.2万个"][2]) == ("2021–2025",) * 3
    assert got["71.5%"][2] == "2025" and got["25万人"][2] == "2025"     # a level; the next paragraph


def test_a_five_year_opener_after_the_paragraphs_subtitle_reviews_the_five_years():
    # hailar 2016.txt: each paragraph of the 12th plan's review opens on a subtitle, then 五年来
    text = ("——城市面貌发生巨变。五年来,我们始终坚持市区共建原则,城市建设步伐全面加快。"
            "新建、改造胜利大街、哈萨尔大街等城市主干道路80条,总里程达到61.4公里;"
            "完成101条背街巷道的综合改造。\n"
            "——城市面貌发生巨变。全年新建城市道路5条。\n")
    got = _periods(text, year=2016, review_year=2015)
    assert (got["80条"][2], got["101条"][2]) == ("2011–2015",) * 2
    assert got["61.4公里"][2] == "2015"         # a length reached, not built over the years
    assert got["5条"][2] == "2015"              # a subtitle alone opens no span


def test_leiji_is_written_two_ways():
    # hailar 2016.txt writes 累积 where other reports write 累计: a total over the plan period,
    # named without the verb
    from policytext.quantities import extract_quantities

    text = "“十二五”期间,累积完成全社会固定资产投资615亿元,是“十一五”时期的2.7倍。"
    row = next(r for r in extract_quantities(text, year=2016, review_year=2015) if r["text"] == "615亿元")
    assert (row["indicator"], row["period"]) == ("固定资产投资", "2011–2015")


def test_routes_opened_then_the_routes_in_all_are_a_flow_then_a_level():
    # hailar 2016.txt: 10 new routes over the five years, 60 routes in service at the end
    text = ("——对外开放不断扩大。五年来,口岸功能持续完善。开通了海拉尔至乌兰巴托、赤塔等国际及地区航线10条,"
            "国内外航线累计达到60条。五年新建、改扩建酒店10家,累计投资20亿元。\n")
    got = _periods(text, year=2016, review_year=2015)
    assert got["10条"][2] == "2011–2015" and got["60条"][2] == "2015"
    assert got["10家"][2] == "2011–2015" and got["20亿元"][2] == "2011–2015"   # 累计投资 is a flow


def test_a_row_of_five_year_openers_governs_the_paragraphs_under_each():
    # provinces2026, 海南: 五年来，我们… opens each section; its figures stand under a subtitle.
    # The review of the last year (各位代表，刚刚过去的2025年…) and a lone opener do not carry on.
    text = ("五年来，我们坚定不移践行以人民为中心的发展思想，在推进共治共享中谱写幸福海南新篇章。\n"
            "就业形势保持稳定。\n城镇新增就业86.22万人、农村劳动力转移就业53.47万人。\n"
            "五年来，我们坚定不移加强生态文明建设，在推动绿色转型中描绘美丽海南新画卷。\n"
            "完成植树造林129万亩。\n"
            "各位代表，刚刚过去的2025年，全省上下稳中求进。\n城镇新增就业17.78万人。\n")
    got = _periods(text, year=2026, review_year=2025)
    assert (got["86.22万人"][2], got["53.47万人"][2], got["129万亩"][2]) == ("2021–2025",) * 3
    assert got["17.78万人"][2] == "2025"
    lone = ("五年来，我们坚定不移践行以人民为中心的发展思想，在推进共治共享中谱写幸福海南新篇章。\n"
            "城镇新增就业17.78万人。\n")
    assert _periods(lone, year=2026, review_year=2025)["17.78万人"][2] == "2025"


def test_a_five_year_opener_after_a_lead_sentence_governs_up_to_the_years_ahead():
    # seeds (凉州区 feature): 砥砺五载,硕果满枝。过去五年,… then a dash list of the five years' results,
    # up to 征途漫漫,惟有奋斗。今后五年,…; 每年 in an earlier clause makes no later value annual
    text = ("砥砺五载,硕果满枝。过去五年,是凉州区发展历程中极不平凡的五年。全区经济社会和党的建设取得新进展新成效。\n"
            "——综合实力稳步提升。2020年全区生产总值达到335.11亿元。\n"
            "——民生福祉不断增进。财政用于民生支出占比每年保持在80%以上,城镇新增就业7.78万人。\n"
            "征途漫漫,惟有奋斗。今后五年,是凉州区攻坚突破的关键五年。城镇新增就业2万人。\n")
    got = _periods(text, year=2022, review_year=2021)
    assert got["7.78万人"][2] == "2017–2021" and got["335.11亿元"][2] == "2020"
    assert got["80%以上"][2] == "2021"          # a share kept every year: no total


def test_a_mean_of_the_years_holds_for_their_span():
    # seeds (嘉峪关 2021): 空气优良天数年均319天 is the five years' mean, not 2021's figure (312天 in
    # another report), while 年均浓度 is one year's mean concentration
    text = "这是坚守底线、生态环境显著改善的五年。空气优良天数年均319天,PM2.5年均浓度为25微克/立方米。"
    got = _periods(text, year=2022, review_year=2021)
    assert got["319天"] == ("achieved", 2021, "2017–2021")
    assert got["25微克/立方米"] == ("achieved", 2021, "2021")


def test_a_lone_opener_governs_up_to_where_the_section_turns_to_the_year():
    # 河南 2026: 过去的五年极不寻常。… is a paragraph of its own; the subtitled paragraphs after it
    # review the five years until 刚刚过去的2025年…; without such a turn they may be the year's
    text = ("一、“十四五”时期和2025年工作回顾\n"
            "过去的五年极不寻常。我们经受住世纪疫情严重冲击，有效应对一系列重大风险挑战，经济社会发展取得新成就。\n"
            "民生福祉不断增进。城镇新增就业603.7万人，改造城镇老旧小区174万户。常住人口城镇化率60%。\n"
            "刚刚过去的2025年很不平凡。城镇新增就业112万人。\n")
    got = _periods(text, year=2026, review_year=2025)
    assert (got["603.7万人"][2], got["174万户"][2]) == ("2021–2025",) * 2
    assert got["60%"][2] == got["112万人"][2] == "2025"
    no_turn = text.split("刚刚")[0]
    assert _periods(no_turn, year=2026, review_year=2025)["603.7万人"][2] == "2025"


def test_a_five_year_opener_after_the_addresss_first_sentence():
    # 陕西 2026: 各位代表！2025年目标任务顺利完成，…。五年来，… reviews the five years
    text = ("各位代表！2025年目标任务顺利完成，标志着“十四五”圆满收官。五年来，我们牢记嘱托、感恩奋进，"
            "全省工作呈现新气象。天然气产量增长37.9%，累计建成国家级产业集群21个。\n")
    got = _periods(text, year=2026, review_year=2025)
    assert got["37.9%"][2] == got["21个"][2] == "2021–2025"


def test_a_change_in_a_five_year_paragraph_is_over_the_five_years():
    # 安徽, 甘肃 2026: a growth rate in a paragraph that opens on the five years (——这五年…,
    # ——这是…的五年) is a change since the plan began, never the last year's growth
    text = ("——这五年，人民生活更加美好。全省经营主体超850万户、增长45%。\n"
            "——这是加力提质、民生福祉全面增进的五年。城乡居民养老保险省级基础养老金标准增长106.7%。\n"
            "刚刚过去的2025年，全省上下稳中求进。地区生产总值增长5.4%。")
    got = _periods(text, year=2026, review_year=2025)
    assert (got["45%"][2], got["106.7%"][2]) == ("2021–2025",) * 2
    assert got["5.4%"][2] == "2025"
    # a year named in the sentence keeps it to that year
    text = "——这五年，人民生活更加美好。2025年全省经营主体增长8%。"
    assert _periods(text, year=2026, review_year=2025)["8%"][2] == "2025"


@pytest.mark.parametrize("text, total, reached", [
    ("——这五年高质量发展稳步推进,累计建成高标准农田6281万亩,粮食最高年产840亿斤、居全国第5位。", "6281万亩", "840亿斤"),
    ("——这五年高质量发展稳步推进,累计实施亿元以上省大中型项目1.3万余个,年度投资保持1万亿元以上。", "1.3万余个",
     "1万亿元以上"),
    ("——这五年高质量发展稳步推进,累计清理政策措施2793件,出口通关效率稳居中部地区第1,7家企业上榜。", "2793件", "7家"),
    ("——这五年高质量发展稳步推进,新增境内上市公司62家,总数186家、从全国第9位升至第7位。", "62家", "186家"),
    # a flow goes on through a list of values, not through a clause without one
    ("——这五年高质量发展稳步推进,新增学位138万个,数字政府平台建成并深化应用,1.7万余项政务服务事项实现网办。",
     "138万个", "1.7万余项"),

    # 累计达 is a sum over the five years (海南 2026); after the new ones, how many there are (甘肃)
    ("——这五年高质量发展稳步推进,技术合同成交额累计达260亿元,全社会研发经费投入强度达到1.2%。", "260亿元", "1.2%"),
    ("——这五年高质量发展稳步推进,县域经济加快发展,新增百亿县区26个,累计达到46个,县域经济活力持续增强。",
     "26个", "46个"),
    # 年均 in an earlier clause makes no later value annual; 建设 opening a clause is a flow; a
    # project's total investment is its size (江苏, 甘肃 2026)
    ("——这五年高质量发展稳步推进,人均可支配收入年均增长6%,城镇新增就业超690万人,常住人口城镇化率达76.2%。",
     "690万人", "76.2%"),
    ("——这五年高质量发展稳步推进,严守耕地保护红线,建设高标准农田1739万亩,常住人口城镇化率达76.2%。",
     "1739万亩", "76.2%"),
    ("——这五年高质量发展稳步推进,总投资410亿元的巨化硅氟新材料项目刷新纪录,新增学位138万个。", "138万个", "410亿元"),
])
def test_what_the_five_years_reached_is_no_total_over_them(text, total, reached):
    got = _periods(text, year=2026, review_year=2025)
    assert (got[total][2], got[reached][2]) == ("2021–2025", "2025")


# An interview given in April speaks of last year in its review, but of this year so far where
# it says so: 今年以来 opening an answer, 截至目前 in a sentence. (review_year 2021 as
# review_year_of gives it for a document dated 2022-04-20.)
INTERVIEW = ("记者：今年以来，金昌经济运行情况如何？\n"
             "市长：今年以来，全市经济运行开局良好。一季度地区生产总值增长8.5%，规上工业增加值增长12%。"
             "预计全年地区生产总值增长7%左右。\n"
             "记者：去年成绩如何？\n"
             "市长：去年全市地区生产总值达到400亿元。全市新增城镇就业1.2万人。截至目前，新签约项目32个。\n")


def test_an_answer_opening_on_the_year_so_far_speaks_of_this_year():
    got = _periods(INTERVIEW, year=2022, review_year=2021)
    assert got["8.5%"] == ("achieved", 2022, "2022") and got["12%"][1] == 2022
    assert got["7%左右"] == ("estimate", 2022, "2022")        # 预计全年 of this year
    assert got["400亿元"][1] == 2021 and got["1.2万人"][1] == 2021   # the answer about last year
    assert got["32个"][1] == 2022                                  # 截至目前: as of the interview


@pytest.mark.parametrize("clause, year", [("截至目前，", 2022), ("年初以来，", 2022), ("去年年初以来，", 2021),
                                          ("2021年初以来，", 2021), ("", 2021)])
def test_the_year_so_far_is_the_year_the_document_speaks_from(clause, year):
    from policytext.quantity_time import year_for

    s = f"{clause}新签约项目32个。"
    kw = dict(year=2022, review_year=2021, label="achieved", part="review", horizon=None)
    assert year_for(s, s.index("32"), **kw)[0] == year


def test_a_dateline_sets_no_plan_horizon():
    # A January report's dateline names the new year; what follows it is still the review.
    text = ("某市政府工作报告\n——2022年1月10日在某市人民代表大会上\n"
            "过去一年，全市地区生产总值增长7%。\n今年主要预期目标是：地区生产总值增长6%左右。\n")
    got = _periods(text, year=2022, review_year=2021)
    assert got["7%"] == ("achieved", 2021, "2021") and got["6%左右"] == ("target", 2022, "2022")
    headed = "2022年重点工作\n地区生产总值增长6%左右。\n"         # a year in a heading still does
    assert _periods(headed, year=2022, review_year=2021)["6%左右"] == ("target", 2022, "2022")


@pytest.mark.parametrize("dateline, year", [("——2022年4月20日", 2022), ("——2022年1月10日在某市人民代表大会上", 2021),
                                            ("——2022年6月30日", 2022), ("——2021年12月14日", 2021)])
def test_an_estimate_is_of_this_year_once_last_years_figures_are_final(dateline, year):
    # 预计全年 in a January report is the year it reviews; in an April to June interview, this year
    from policytext.quantities import extract_quantities

    text = f"某市访谈\n{dateline}\n答：预计全年地区生产总值增长7%左右。去年地区生产总值达到400亿元。\n"
    doc_year = int(dateline[2:6])
    got = {r["text"]: (r["label"], r["year"]) for r in extract_quantities(text, year=doc_year)}
    assert got["7%左右"] == ("estimate", year)
    assert got["400亿元"] == ("achieved", doc_year - 1)


def test_the_month_of_the_metadata_decides_what_an_estimate_is_about():
    from policytext.corpus import corpus
    from policytext.quantities import quantities

    text = "某市市长访谈\n答：预计全年地区生产总值增长7%左右。\n"
    for published, year in [("2022-04-28", 2022), ("2022-02-28", 2021), ("2022", 2021)]:
        q = quantities(corpus({"iv": text}, meta={"iv": {"date_published": published}}), cache=False)
        assert (q["label"].tolist(), q["year"].tolist()) == (["estimate"], [year]), published


@pytest.mark.parametrize("pre, month, year", [
    ("一季度地区生产总值增长", 4, 2022),          # ended before an April interview: this year
    ("1—3月规上工业增加值增长", 4, 2022),
    ("前5个月固定资产投资增长", 6, 2022),
    ("截至4月底，全区新登记市场主体", 5, 2022),     # as of the end of April, in a May feature
    ("截至11月末，全市存款余额", 1, 2021),
    ("12月份，全市新增就业", 1, None),             # one month, no part of a year so far
    ("上半年地区生产总值增长", 6, 2021),          # not over by June: the year before's
    ("前三季度地区生产总值增长", 4, 2021),
    ("1—11月规上工业增加值增长", 1, 2021),        # a January report
    ("1—11月规上工业增加值增长", 12, 2022),       # a December report about its own year
    ("一至十一月规上工业增加值增长", 12, 2022),
    ("地区生产总值增长", 4, None),                # no part of a year named
    ("一季度地区生产总值增长", None, None),       # no month: nothing to say
])
def test_a_part_of_a_year_is_of_the_year_it_ended_in(pre, month, year):
    from policytext.quantity_time import year_of_months

    assert year_of_months(pre, 2022, month) == year


def test_an_interview_dates_its_quarters_and_names_what_they_measure():
    text = ("某市访谈\n——2022年4月20日\n答：一季度地区生产总值增长8.5%，1—3月规上工业增加值增长12%，"
            "前三季度固定资产投资增长9%。\n")
    from policytext.quantities import extract_quantities

    got = [(r["indicator"], r["year"]) for r in extract_quantities(text, year=2022)]
    assert got == [("地区生产总值", 2022), ("规模以上工业增加值", 2022), ("固定资产投资", 2021)]


def test_the_five_years_ahead_hold_through_subtitles_until_a_paragraph_turns_to_one_year():
    # the shape of a feature (凉州区 2021): a title naming both spans, a plan opener after a lead
    # sentence, unnumbered subtitles, then (here) a paragraph on the next year
    text = ("某区过去五年工作回眸及未来五年前景展望\n"
            "五年来，某区城镇化率达到52.8%。\n"
            "征途漫漫,惟有奋斗。今后五年,是某区攻坚突破的关键五年。\n"
            "在建设绿色低碳的新某区中奋勇争先\n"
            "全面加强生态保护。完成人工造林30万亩,城镇登记失业率控制在4%以内。\n"
            "在建设城乡融合的新某区中奋勇争先\n"
            "建成省级乡村建设示范村100个以上。\n"
            "明年，某区将新建学校5所。\n")
    got = _periods(text, year=2021, review_year=2021)
    assert got["52.8%"] == ("achieved", 2021, "2021")              # the title sets no plan horizon
    assert got["30万亩"] == ("target", 2026, "2022–2026")          # a flow over the five years
    assert got["4%以内"] == ("target", 2026, "2026")               # a level, by their end
    assert got["100个以上"] == ("target", 2026, "2022–2026")       # after a second subtitle
    assert got["5所"] == ("target", 2022, "2022")                  # the paragraph turns to one year


def test_a_sum_in_a_five_year_review_holds_for_the_five_years_a_total_reached_for_the_last():
    # 广西 and 甘肃 2026: 累计 in a paragraph opening on the past five years
    text = ("二、“十四五”时期发展成就\n"
            "过去五年，我们牢记嘱托，推动各项事业取得新的长足发展。一般公共预算收支累计分别突破9千亿元、3万亿元。"
            "新增百亿县区26个，累计达到46个。累计净增经营主体155万户、总量达474万户。\n")
    got = _periods(text, year=2026, review_year=2025)
    assert got["9千亿元"] == ("achieved", 2025, "2021–2025")
    assert got["3万亿元"] == ("achieved", 2025, "2021–2025")
    assert got["46个"] == ("achieved", 2025, "2025")            # the stock reached
    assert got["155万户"] == ("achieved", 2025, "2021–2025")    # added over them
    assert got["474万户"] == ("achieved", 2025, "2025")


def test_rates_and_doublings_of_a_plan_of_several_years_hold_over_it():
    from policytext.quantities import extract_quantities

    # 嘉峪关 party congress 2021: a rate kept over the five years is an average annual rate
    text = "二、今后五年的奋斗目标\n今后五年的主要奋斗目标是：\n——人民生活品质进一步提升。城乡居民可支配收入增速保持在7%以上。\n"
    (row,) = extract_quantities(text, year=2021, review_year=2021)
    assert (row["measure"], row["year"], row["period"]) == ("avg_change", 2026, "2022–2026")
    # 甘肃 2026: a doubling in a plan section is over the plan, not in its last year
    got = _periods("三、“十五五”时期主要目标\n贸易结构趋于优化，力争外贸进出口总值翻一番。人均预期寿命再提高1.5岁。\n",
                   year=2026, review_year=2025)
    assert got["翻一番"] == ("target", 2030, "2026–2030")
    assert got["1.5岁"] == ("target", 2030, "2026–2030")     # any change over the plan (青海 2026)
    # 金昌 2022: a doubling on the base of a plan period's end holds from the year after it
    got = _periods("力争到“十四五”末全市经济总量在“十三五”基础上翻一番。", year=2022, review_year=2021)
    assert got["翻一番"] == ("target", 2025, "2021–2025")
    got = _periods("到2025年，全市经济总量在2020年基础上翻一番。", year=2022, review_year=2021)
    assert got["翻一番"] == ("target", 2025, "2021–2025")


def test_a_mean_amount_a_year_over_a_span_is_per_year_over_it():
    from policytext.quantities import extract_quantities

    # 甘肃, 陕西 2026: 年均 / 每年 before what is counted, in a paragraph on the past five years
    text = ("二、“十四五”时期发展成就\n"
            "五年来，我们坚持就业优先，年均新增城镇就业30万人，每年城镇新增就业40万人以上，"
            "每年春秋两季开展每人每次不少于1亩的压沙活动。2025年城镇新增就业31.7万人。\n")
    rows = extract_quantities(text, year=2026, review_year=2025)
    got = {r["text"]: (r["unit"], r["year"], r["period"]) for r in rows}
    assert got["30万人"] == ("万人/年", 2025, "2021–2025")
    # (and 每年 says how often, as a year does: the subject is still 城镇新增就业)
    assert {r["indicator"] for r in rows if r["unit"] == "万人/年"} == {"新增城镇就业"}
    assert got["40万人以上"] == ("万人/年", 2025, "2021–2025")
    assert got["1亩"][0] == "亩"                        # a norm per person and event
    assert got["31.7万人"] == ("万人", 2025, "2025")     # the year's own figure, apart from the mean
    # with no span around it, 每年 changes nothing
    (row,) = extract_quantities("全市每年新增就业5000人。", year=2026, review_year=2025)
    assert (row["unit"], row["period"]) == ("人", "2025")


def test_a_plan_end_after_from_is_the_start_not_the_year_of_the_end_value():
    got = _periods("地区生产总值由“十三五”末的9323亿元增加到13697亿元。", year=2026, review_year=2025)
    assert got["9323亿元"] == ("achieved", 2020, "2020") and got["13697亿元"] == ("achieved", 2025, "2025")


def test_where_a_merger_started_has_no_year():
    # 海南, 陕西 2026: 由71所优化整合为47所 — 71所 is where it started, as in 从X增加到Y
    got = _periods("中职学校由71所优化整合为47所，开发区和工业园区由162个整合为123个。", year=2026, review_year=2025)
    assert got["71所"] == ("achieved", None, "") and got["47所"] == ("achieved", 2025, "2025")
    assert got["162个"] == ("achieved", None, "") and got["123个"] == ("achieved", 2025, "2025")
    # 广西 2026: without 由, the merger's verb alone says where it started
    got = _periods("改革加快落实，188个园区整合优化为120个，35个机构精简为28个。", year=2026, review_year=2025)
    assert got["188个"] == ("achieved", None, "") and got["120个"] == ("achieved", 2025, "2025")
    assert got["35个"] == ("achieved", None, "") and got["28个"] == ("achieved", 2025, "2025")
    assert _periods("新建园区12个。", year=2026, review_year=2025)["12个"] == ("achieved", 2025, "2025")


def test_a_level_held_through_a_run_of_years_holds_for_each_of_them():
    # 江西, 河南, 江苏 2026: not a 2025 result to chart beside 2025's own figure
    got = _periods("粮食产量连续13年稳定在430亿斤以上，群众安全感连续七年保持98%以上。", year=2026, review_year=2025)
    assert got["430亿斤以上"] == ("achieved", 2025, "2013–2025")
    assert got["98%以上"] == ("achieved", 2025, "2019–2025")
    assert _periods("连续24个月保持两位数增长。", year=2026, review_year=2025)["24个月"][2] == "2025"


def test_a_level_held_within_a_bound_in_a_five_year_review_holds_for_the_span():
    # 海南 2026: 控制在5.5%以内 in the 五年来 paragraph is each year's bound, not a second 2025 result
    # beside 2025's own 5.2%; outside a span, or as a plain level, it is the year's
    text = ("五年来，我们坚持就业优先。\n城镇新增就业86.22万人，城镇调查失业率控制在5.5%以内，"
            "基本医疗保险参保率稳定在95%左右，森林覆盖率达到62%。\n")
    got = _periods(text, year=2026, review_year=2025)
    assert got["5.5%以内"] == ("achieved", 2025, "2021–2025") and got["95%左右"] == ("achieved", 2025, "2021–2025")
    assert got["62%"] == ("achieved", 2025, "2025")
    assert _periods("2025年，城镇调查失业率控制在5.2%以内。", year=2026, review_year=2025)["5.2%以内"][2] == "2025"


def test_a_paragraph_opening_on_the_last_year_set_against_the_first_keeps_the_five_years():
    from policytext.quantity_pipeline import extract_quantities

    # 海南 2026: a row of 五年来 openers; a paragraph that opens on 2025 compared with 2020 is still
    # about the five years, while one that opens on 2025 alone turns to that year
    text = ("五年来，我们坚定不移推动高质量发展，在构建现代化产业体系中实现新突破。\n"
            "2025年四大主导产业占GDP比重较2020年提高约14个百分点。旅游业提质升级，新增国家级旅游度假区2个。\n"
            "五年来，我们坚定不移深化改革开放，在制度创新中取得新成效。\n"
            "新增经营主体10万户。\n"
            "2025年新增经营主体3万户。旅游业提质升级，新增国家级旅游度假区1个。\n")
    periods = [(r["text"], r["period"]) for r in extract_quantities(text, year=2026)]
    assert periods == [("14个百分点", "2021–2025"), ("2个", "2021–2025"), ("10万户", "2021–2025"),
                       ("3万户", "2025"), ("1个", "2025")]


def test_a_deadline_of_the_clause_before_is_not_the_targets_year():
    # 海拉尔 2017: 2018 is when phase one is due; the 5.5亿元 of phase two is the plan year's
    from policytext.quantity_time import year_for

    kw = dict(year=2017, review_year=2016, label="target", part="plan", horizon=None)
    s = "完成第十四届全国冬运会主场馆一期工程，确保2018年投入使用;推进投资5.5亿元的第十四届全国冬运会主场馆二期工程建设。"
    assert year_for(s, s.index("5.5"), **kw) == (2017, False)
    # ... but a year that opens the clause list governs it, and a deadline in the value's own clause is its year
    s = "2018年，地区生产总值增长6%;一般公共预算收入增长3%。"
    assert year_for(s, s.index("3%"), **kw) == (2018, True)
    s = "推进投资5.5亿元的主场馆工程，确保2018年投入使用面积达到12万平方米。"
    assert year_for(s, s.index("12"), **kw) == (2018, True)
