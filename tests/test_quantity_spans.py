"""Spans step of the quantities pipeline (policytext.quantity_spans)."""
import pytest

from policytext.quantity_spans import find_candidates


def short(text):
    return [(c.value, c.value_high, c.unit, c.relation, text[c.start:c.text_end]) for c in find_candidates(text)]


@pytest.mark.parametrize("text", ["2021年12月14日", "08:46", "1—11月", "2021-2025年", "第3名", "G312国道",
                                  "“2+6+N”", "离香港回归只有849天", "距开幕还有100天", "2021年",
                                  # counts of a plan's own parts (provinces2026)
                                  "细化提出25项主要指标", "提出20个预期性指标", "做好9个方面工作",
                                  "15个方面的重点任务"])
def test_not_quantities(text):
    assert find_candidates(text) == []


@pytest.mark.parametrize("text, expected", [
    ("增长6.5%-7%", [(6.5, 7.0, "%", "=", "6.5%-7%")]),
    ("增长百分之八至九", [(8.0, 9.0, "%", "=", "百分之八至九")]),
    ("1.2万亿元以上", [(1.2, None, "万亿元", ">=", "1.2万亿元以上")]),
    ("40多亿元", [(40.0, None, "亿元", ">=", "40多亿元")]),
    # 千/百 before 多/余 and a unit is the magnitude; without a unit it is none
    ("新增2千多家企业", [(2.0, None, "千家", ">=", "2千多家")]),
    ("5百多万元", [(5.0, None, "百万元", ">=", "5百多万元")]),
    ("游客2千多", []),
    # and after a Chinese numeral, as after an Arabic one: more than, the magnitude in the unit
    ("新增就业两万多人", [(2.0, None, "万人", ">=", "两万多人")]),
    ("建成高标准农田十余万亩", [(10.0, None, "万亩", ">=", "十余万亩")]),
    ("引进项目三十多个", [(30.0, None, "个", ">=", "三十多个")]),
    ("千余名干部", [(1000.0, None, "名", ">=", "千余名")]),
    ("控制在5.5%左右", [(5.5, None, "%", "~", "5.5%左右")]),
    ("不超过3%", [(3.0, None, "%", "<=", "3%")]),
    ("翻一番", [(1.0, None, "番", "=", "翻一番")]),
    # units × size: the capacity of the whole, the span from the count on
    ("东电2×35万千瓦热电联产", [(70.0, None, "万千瓦", "=", "2×35万千瓦")]),
    # a rate per month or per year (安徽, 陕西 2026); a % is never per anything
    ("从796元/月提高至842元/月", [(796.0, None, "元/月", "=", "796元/月"), (842.0, None, "元/月", "=", "842元/月")]),
    ("新增产能3095万吨/年", [(3095.0, None, "万吨/年", "=", "3095万吨/年")]),
    ("增长5%/年", [(5.0, None, "%", "=", "5%")]),
    # energy in tonnes of standard coal is its own unit, not tonnes; intensity per 10,000 yuan
    ("能源消费总量控制在1200万吨标准煤以内", [(1200.0, None, "万吨标准煤", "<=", "1200万吨标准煤以内")]),
    ("能耗下降到0.45吨标准煤/万元", [(0.45, None, "吨标准煤/万元", "=", "0.45吨标准煤/万元")]),
    ("万元GDP能耗0.5吨标煤", [(0.5, None, "吨标煤", "=", "0.5吨标煤")]),
    ("用水量12立方米/万元", [(12.0, None, "立方米/万元", "=", "12立方米/万元")]),
    # a verb bounds the values listed right after its own; 超过…的10% is bounded too (seeds)
    ("存、贷款余额分别突破1.5万亿元、1.4万亿元", [(1.5, None, "万亿元", ">=", "1.5万亿元"),
                                          (1.4, None, "万亿元", ">=", "1.4万亿元")]),
    ("地区生产总值达到300亿元、增长8%", [(300.0, None, "亿元", "=", "300亿元"), (8.0, None, "%", "=", "8%")]),
    ("收入超过农民户均收入的10%", [(10.0, None, "%", ">=", "10%")]),
    # 及以下 / 及以上 bound as 以下 / 以上 do (海拉尔 2017, 河南 2026)
    ("关停淘汰10万千瓦及以下燃煤机组", [(10.0, None, "万千瓦", "<=", "10万千瓦及以下")]),
    ("新增5家及以上", [(5.0, None, "家", ">=", "5家及以上")]),
    # 方 (cubic metres) and P (computing power) only after 万/亿 (陕西, 安徽 2026): 3万方面 is no 方
    ("新增天然气产量10亿方以上", [(10.0, None, "亿方", ">=", "10亿方以上")]),
    ("建成智能算力超4.8万P，", [(4.8, None, "万P", ">=", "4.8万P")]),
    ("完成3万方面的任务", [(3.0, None, "万", "=", "3万")]),
    # a class label measures nothing (广西, 海南 2026): only the count is a quantity
    ("推进防城港30万吨级航道建设", []),
    # the first months of a year name a time, as 1—4月 does
    ("今年前4个月，全市规上工业增加值增长15%", [(15.0, None, "%", "=", "15%")]),
    ("建成3个20万吨级泊位", [(3.0, None, "个", "=", "3个")]),
    # years of a life or of schooling measure an indicator (甘肃, 青海, 安徽 2026); other ages and
    # durations do not
    ("人均预期寿命达到78岁，劳动年龄人口平均受教育年限达到10.5年", [(78.0, None, "岁", "=", "78岁"),
                                                  (10.5, None, "年", "=", "10.5年")]),
    ("人均预期寿命提高到80岁以上", [(80.0, None, "岁", ">=", "80岁以上")]),
    ("人均预期寿命由76.5岁提高到78.9岁", [(76.5, None, "岁", "=", "76.5岁"), (78.9, None, "岁", "=", "78.9岁")]),
    ("60岁以上老年人3万人", [(3.0, None, "万人", "=", "3万人")]),
    ("连续5年提高养老金，人均预期寿命78岁", [(78.0, None, "岁", "=", "78岁")]),
    # the base of a rate is no amount (陕西 2026: 每10万人刑事案件数下降36.9%); 跨过 is at least
    ("每10万人刑事案件数下降36.9%", [(36.9, None, "%", "=", "36.9%")]),
    ("地区生产总值跨过3万亿元", [(3.0, None, "万亿元", ">=", "3万亿元")]),
    # a number in a short quoted label, in figures or in words (海南 2026), is no quantity
    ("“百万人才进海南”行动计划提前完成", []),
    ("实现“2个首次突破”", []),
])
def test_units_ranges_and_relations(text, expected):
    assert short(text) == expected


@pytest.mark.parametrize("text, attributes", [
    # the capacity of a facility named by its owner, a count or 年产 (海拉尔, 青海, 甘肃, seeds)
    ("要加快大唐700万吨露天矿、麦多利10万吨大麦芽二期等项目的推进", [True, True]),
    ("全力推进东电2×35万千瓦热电联产项目前期工作", [True]),
    ("实现年产4万吨基础锂盐一体化和2万吨高质碳酸锂项目顺利投产", [True, True]),
    ("加快格尔木、德令哈3座35万千瓦光热电站建设", [True, True]),    # (the stations named: a set that exists)
    ("新探明玉门超40吨金矿", [True]),
    # a floor area names a project too (海拉尔 2013: another body's project, in progress)
    ("红星美凯龙城市商贸综合体、大兴安岭百万平方米棚改、东海写字楼等项目进展顺利", [True]),
    ("加快大兴安岭100万平方米棚户区改造工程建设", [True]),
    # a programme named by its size (河南 2026, 海拉尔 2012); a count of programmes is a count
    ("实施百亿斤粮食产能提升工程，新增产能5亿斤", [True, False]),
    ("启动2.5万亩蔬菜基地建设工程", [True]),
    ("实施100个重点工程", [False]),
    # a threshold that defines a class (河南, 甘肃, 海拉尔, seeds)
    ("全面完成城区内178座10蒸吨及以下的各类燃煤小锅炉淘汰", [False, True]),
    ("全年实施500万元以上重点项目170个左右", [True, False]),
    ("单笔50万元以下拖欠企业账款全部清零", [True]),
    # after a verb the capacity is an amount built or closed; a figure before a comma, a count
    # or a rate with 以上 measures what it says
    ("布局建设700万千瓦新型储能项目", [False]),
    ("开工建设10万平方米职工住宅小区、5万平方米公安小区等开发项目", [False, False]),
    ("完成2100万千瓦火电机组、2812万吨钢铁产能超低排放改造", [False, False]),
    ("400万吨褐煤提质建成投产", [False]),
    ("储能装机达到1900万千瓦，绿氢产量突破1万吨", [False, False]),
    ("培育10个以上特色小镇", [False]),
    ("保持7%以上的增长", [False]),
    # how long a run lasted (安徽, 甘肃 2026); a count after 连续 of things is still a count
    ("高技术制造业增加值增长30.4%、连续24个月保持两位数增长", [False, True]),
    ("长江十年禁渔连续4次获评全国优秀", [True]),
    ("连续3个季度居全国前列，新增高新技术企业500家", [True, False]),
    # a threshold written before the class it defines, with 超 (seeds, 广西, 江西, 陕西 2026);
    # without a class noun after it, 超 is a floor on an amount
    ("着力培育一批年产值超过10亿元的骨干企业", [True]),
    ("经济总量超500亿元的县域增至12个", [True, False]),
    ("新增经济总量超200亿元县2个", [True, False]),
    ("引进投资超10亿元重大项目14个", [True, False]),
    ("新增营收突破百亿元企业12家", [True, False]),        # (hostile review: 突破 as 超)
    ("营业收入突破百亿元", [False]),
    ("地区生产总值超200亿元，增长5%", [False, False]),
    ("营业收入超10亿元、利润增长8%", [False, False]),
    # a population a speech names (安徽 2026, seeds: LABELING.md's rhetorical population figure); people
    # counted as beneficiaries stay a count
    ("这是7000多万江淮儿女一道拼出来的", [True]),
    ("让31万雄关儿女共享幸福和荣光", [True]),
    ("3万多居民群众直接受益", [False]),
    # ... or after a count of the class it defines (江苏 2026); a count of other things, or 达, is an amount
    ("191家工业企业营业收入超百亿元；一般公共预算收入增长2.1%", [False, True, False]),
    ("12个县区地区生产总值突破200亿元", [False, True]),
    ("10家企业产值达5亿元", [False, False]),
    ("29个省份保供煤炭超35亿吨", [False, False]),
    ("10个先导区集聚核心企业超150家", [False, False]),
    # how fast or how quickly (江西, 广西 2026); a time cut from a procedure is an amount
    ("成为全国首个全部设区市通时速350公里高铁的省份", [True]),
    ("仅用90天建成“南A中心”", [True]),
    ("企业开办全程仅用0.5天", [False]),                 # the time a procedure takes: an indicator
    ("审批时间压缩至15天", [False]),
    # thresholds crossed are how a figure went (江苏, 安徽, 海南 2026), the figure itself is a value
    ("地区生产总值连续迈上4个万亿元台阶、达14.2万亿元", [True, False]),
    ("全省地区生产总值连跨3个千亿级台阶", [True]),
    # (hostile review) a level past a threshold is a value: 大关 and 台阶 after an amount of it
    ("常住人口突破1000万人大关", [False]),
    ("高新技术企业突破1万家大关", [False]),
    ("规上工业企业迈上3000户台阶", [False]),
    # a rank in 位 (甘肃, 海南 2026) is no quantity to track; people counted in 位 are
    ("在“世界500强”排名由369位上升到235位", [True, True]),
    ("综合科技创新水平指数排名提升6位", [True]),
    ("两院院士增至123位", [False]),
    # events weathered and a rate a policy sets (海南 2026) are no quantities to track
    ("有效应对50个热带气旋、67次区域暴雨", [True, True]),
    ("享受企业和个人15%所得税优惠", [True]),
    ("应对疫情期间减免租金3亿元", [False]),
    ("建成3个物流枢纽", [False]),
    # the size of a set that exists, named before 等, worked on (河南, 陕西, 广西, 江西 2026); a verb that
    # makes new ones makes the count an amount again
    ("加快中国邮政国际航空枢纽、洛阳等10个国家物流枢纽、商丘等5个国家骨干冷链物流基地建设", [True, True]),
    ("支持巩义、永城、林州等10个有条件的县（市）发展成为中等城市", [True]),
    ("续建黄桶至百色、合浦至湛江等7个铁路项目", [True]),
    ("加快发展茶叶、中药材、脐橙、赣莲等20个百亿级产业", [True]),
    ("加快推进望城路等15条道路工程", [True]),
    ("加快实施望城路等15条道路工程", [False]),
    ("完成呼伦大街、望城路等9条道路工程", [False]),
    ("推进建成西出口等31条公路", [False]),
    # (hostile review) what is counted is then made or won: a count of results
    ("推动中石化、中煤等5个重大项目建成投产", [False]),
    ("支持张掖、武威等8个城市创建国家森林城市", [False]),
    # ... named without 等, after the verb or with the work going on after the set (甘肃, 陕西, 内蒙古,
    # 青海 2026); not an item of a list of amounts, nor a verb listed after another
    ("推动呼和浩特、鄂尔多斯、满洲里3个综保区高质量发展", [True]),
    ("加快建设南山口、哇让、同德、德令哈4个抽水蓄能电站", [True]),
    ("庆阳、张掖、天水3个省级区域医疗中心加快建设", [True]),
    ("西十、康渝等4条高铁加快建设", [True]),
    # ... after 做大做强, the last member joined by 和 (江西 2026, label audit: the 20 百亿级产业 after it
    # were already an attribute)
    ("做大做强稻米、油料、果蔬、生猪、家禽、水产和林下经济7个千亿级产业", [True]),
    ("做大做强新建、改扩建项目20个", [False]),
    ("推动出台自由贸易港法规55件、政策文件210多项", [False, False]),
    ("推动中欧（亚）班列拓线扩量、开行4000班次", [False]),
    ("实施呼和浩特、通辽2个国家级公立医院改革与高质量发展示范项目", [False]),
    # (hostile review) verbs are no members, and kinds listed and then done are counted
    ("推进新建、改扩建中小学120所", [False]),
    ("推动新开工、续建重大项目300个", [False]),
    ("乡镇卫生院、村卫生室300家实现提质升级", [False]),
    # a set approved before (内蒙古 2026)
    ("加快建设“十四五”批复的6个沙戈荒大基地及外送通道", [True]),
    ("力争获批6个国家级基地", [False]),
])
def test_a_value_that_describes_the_noun_after_it_is_an_attribute(text, attributes):
    assert [c.attribute for c in find_candidates(text)] == attributes


def test_a_countdown_unit_elsewhere_is_a_quantity():
    assert short("工期缩短849天") == [(849.0, None, "天", "=", "849天")]


def test_counts_of_other_items_and_other_counts_of_parts_are_quantities():
    assert short("新建学校12个") == [(12.0, None, "个", "=", "12个")]
    assert short("完成民生实事30项") == [(30.0, None, "项", "=", "30项")]
    assert short("主要指标增长6%") == [(6.0, None, "%", "=", "6%")]


@pytest.mark.parametrize("text, relation", [("不超过3%", "<="), ("不高于3%", "<="), ("不低于3%", ">="),
                                            ("不少于3%", ">="), ("超过3%", ">="), ("低于3%", "<=")])
def test_negated_comparisons(text, relation):
    assert find_candidates(text)[0].relation == relation


@pytest.mark.parametrize("text, relation", [("低于全国0.3个百分点", "="), ("高于全国平均水平1.8个百分点", "="),
                                            ("高出全省平均水平1个百分点以上", ">="), ("低于全国平均3%", "="),
                                            ("优于全国约1个百分点", "~")])         # 安徽 2026
def test_a_gap_to_a_benchmark_is_no_bound(text, relation):
    # 高于/低于 before a benchmark says which side, not a floor or a ceiling; 以上 after it still bounds
    assert find_candidates(text)[0].relation == relation


def test_a_rank_is_no_quantity():
    # 甘肃, 内蒙古 2026: 前10位 says where in a ranking, as 第4 does; 前10天 is a time, still none here
    assert short("增速连续11个季度居全国前10位，人均GDP进入全国前8位，居全国第4。") == [
        (11.0, None, "个季度", "=", "11个季度")]     # a length of time, like 个月
    assert [c.value for c in find_candidates("前3名企业营收增长8%，提前10天完成。")] == [8.0, 10.0]


@pytest.mark.parametrize("text, units", [
    # 江西, 海南 2026: a bare magnitude listed right before a value takes its unit
    ("力争产业规模分别达1.28万亿、1.18万亿、8200亿元", ["万亿元", "万亿元", "亿元"]),
    ("分别惠及3500万、2300万人次", ["万人次", "万人次"]),
    # not across another word, nor from a value that has none
    ("常住人口3500万、地区生产总值2万亿元", ["万", "万亿元"]),
    ("分别达1.28万亿、1.18万亿", ["万亿", "万亿"]),
])
def test_a_bare_magnitude_in_a_list_shares_the_unit_after_it(text, units):
    assert [c.unit for c in find_candidates(text)] == units


@pytest.mark.parametrize("text, found", [
    # a minus after a word or a verb is the value's sign, and the span starts at it
    ("社会消费品零售总额增长-1.5%", [(-1.5, None, "%", "=", "-1.5%")]),
    ("进出口总额-2.0%、1.2%", [(-2.0, None, "%", "=", "-2.0%"), (1.2, None, "%", "=", "1.2%")]),
    # after a digit or a letter a hyphen is a range or part of a code
    ("建设2-3个产业园", [(2.0, 3.0, "个", "=", "2-3个")]),
    ("G-7峰会后新增K-8线路3条", [(3.0, None, "条", "=", "3条")]),
])
def test_a_minus_sign_is_the_values_sign(text, found):
    assert short(text) == found


def test_a_ratio_of_the_three_sectors_is_three_shares_in_percent():
    # 江西 2026 (the ratio sign ∶) and 海拉尔 2012 (spaced): unit %, the sector in order
    text = "三次产业结构由8.7∶41.2∶50.1调整为7.4∶39.6∶53。"
    found = [(c.value, c.unit, c.sector, text[c.start:c.end]) for c in find_candidates(text)]
    assert found == [(8.7, "%", 1, "8.7"), (41.2, "%", 2, "41.2"), (50.1, "%", 3, "50.1"),
                     (7.4, "%", 1, "7.4"), (39.6, "%", 2, "39.6"), (53.0, "%", 3, "53")]
    assert [c.sector for c in find_candidates("三次产业结构演进为3.6 : 48 : 48.4。")] == [1, 2, 3]


@pytest.mark.parametrize("text", ["比赛以3:1获胜，10:30开会。", "三次产业结构为1:2:3。", "男女比例为30:35:35。",
                                  "三次产业结构调整。会议于10:35:55结束。"])
def test_other_ratios_times_and_ratios_that_do_not_add_to_100_are_no_sector_shares(text):
    assert [c for c in find_candidates(text) if c.sector] == []


def test_a_margin_past_the_plan_is_no_floor():
    # 江西 2026: 超计划19家 is 19 more than planned, not "more than 19"
    assert short("新退出政府融资平台346家、超计划19家") == [(346.0, None, "家", "=", "346家"),
                                                      (19.0, None, "家", "=", "19家")]
    assert short("引进项目超过19家")[0][3] == ">="


def test_counts_of_events_keep_their_unit_whole():
    # 河南, 广西 2026, 海拉尔 2019: 班次, 户次, 场次 (not 4000班 or 6.3万户 of firms)
    assert short("开行4000班次") == [(4000.0, None, "班次", "=", "4000班次")]
    assert short("惠及经营主体超6.3万户次")[0][2] == "万户次"
    assert short("举办80余场次活动")[0][2] == "场次"


def test_nearly_doubled_is_about_a_doubling():
    assert short("进出口总值接近翻番") == [(1.0, None, "番", "~", "翻番")]
    assert short("进出口总值实现翻番") == [(1.0, None, "番", "=", "翻番")]


def test_catching_up_with_a_figure_is_no_floor():
    assert short("赶超千亿元目标")[0][3] == "=" and short("营收超10亿元")[0][3] == ">="
