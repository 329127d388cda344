"""Numbered slogans: positives and negatives on hand-made sentences."""
import pytest

from policytext import corpus
from policytext.errors import ParameterError
from policytext.slogans import detect_slogans, textstat_slogans


def found(text, **kw):
    return [(s.text, s.kind) for s in detect_slogans(text, **kw)]


@pytest.mark.parametrize("text,expected", [
    ("增强四个意识、做到两个维护。", [("四个意识", "count_noun"), ("两个维护", "count_noun")]),
    ("深刻领悟两个确立的决定性意义。", [("两个确立", "count_noun")]),
    ("紧紧围绕“五个提升”“六新目标”。", [("五个提升", "count_noun"), ("六新目标", "numeral_word")]),
    ("全面落实“三新一高”要求。", [("三新一高", "alternation")]),
    ("构建一核三带发展格局。", [("一核三带", "alternation")]),
    ("打造“三地两点”。", [("三地两点", "alternation")]),
    ("巩固两不愁三保障成果。", [("两不愁三保障", "alternation")]),
    ("实施“四强”行动,推进“三化”改造。", [("四强", "numeral_word"), ("三化", "numeral_word")]),
    ("做好“双碳”工作。", [("双碳", "numeral_word")]),
    ("完成“三供一业”移交。", [("三供一业", "alternation")]),
    ("构建“2+6+N”产业体系。", [("2+6+N", "formula")]),
    ("壮大2+4产业链。", [("2+4", "formula")]),
    ("形成1+N+X政策体系。", [("1+N+X", "formula")]),
    # a named initiative built exactly like the slogans: kept on purpose
    ("融入一带一路建设。", [("一带一路", "alternation")]),
    # the rules that drop 零碳, 百姓, 万里 and 万众一心 leave the real ones beside them
    ("推动“万企兴万村”,落实“三公两费”管理,实施“千万工程”。",
     [("万企兴万村", "alternation"), ("三公两费", "alternation"), ("千万工程", "numeral_word")]),
])
def test_positives(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "一是加强党的建设,二是推进改革。",   # enumeration
    "中国共产党嘉峪关市第十四次代表大会。",  # ordinal
    "一般公共预算收入增长。", "统一部署。", "建成一批重点项目。", "推进区域一体化。",
    "过去五年,成绩显著。", "实施三年行动。", "一年来,我们砥砺奋进。", "学习贯彻党的二十大精神。",
    "学习“二十大”精神。", "实施“三年行动”。", "“一是”", "推进“一体化”。",
    "千方百计稳就业,走进千家万户。",       # numeral idioms
    "一批又一批项目落地。", "一年一度的盛会。", "一步一个脚印。",  # repetition, units
    "用三个月时间,从四个方面推进。",        # durations, generic nouns
    "拨打“12345”热线。", "铝两条千亿级产业链。", "中核四〇四有限公司。",
    "“十四五”规划开局良好。",              # a plan period: only with plan_periods=True
    # zero of something (a goal), not a numbered programme; a word that starts with a numeral
    "建设“零碳”园区,争取“零关税”政策,基层医疗机构药品实行“零差率”销售。",
    "加快推进“百姓安居工程”。", "建成“万里长江第一隧”,打造“万兆自贸港”。",  # 里, 兆: units
    "全省上下万众一心。",                   # an idiom built like an alternation
])
def test_negatives(text):
    assert [s for s in found(text) if s[1] != "plan_period"] == []


def test_plan_periods_are_their_own_kind():
    assert found("“十四五”规划") == [("十四五", "plan_period")]
    assert found("十三五时期") == [("十三五", "plan_period")]
    c = corpus({"x": "“十四五”开局。实现十四五规划目标。"})
    assert textstat_slogans(c).empty
    t = textstat_slogans(c, plan_periods=True)
    assert t[["slogan", "kind", "count"]].values.tolist() == [["十四五", "plan_period", 2]]


def test_catchphrases_optional():
    assert found("深化“放管服”改革。") == []
    assert found("深化“放管服”改革。", catchphrases=True) == [("放管服", "catchphrase")]


def test_textstat_slogans_counts_quoted_and_unquoted_with_raw_offsets():
    raw_a = "来源:金昌日报\n全面落实“三新一高”要求,增强“四个意识”。\n三新一高是方向。"
    raw_b = "坚决做到两个维护,增强四个意识。"
    c = corpus({"a": raw_a, "b": raw_b})
    t = textstat_slogans(c)
    rows = {r.slogan: r for r in t.itertuples()}
    assert set(rows) == {"三新一高", "四个意识", "两个维护"}
    # 三新一高: quoted once, bare once, both in a -> count 2, docfreq 1.
    assert (rows["三新一高"].count, rows["三新一高"].docfreq) == (2, 1)
    # 四个意识: quoted in a, bare in b.
    assert (rows["四个意识"].count, rows["四个意识"].docfreq, rows["四个意识"].doc_ids) == (2, 2, "a,b")
    assert (rows["两个维护"].count, rows["两个维护"].docfreq, rows["两个维护"].doc) == (1, 1, "b")
    first = rows["三新一高"]
    assert first.doc == "a" and raw_a[first.start:first.end] == "三新一高"
    assert "三新一高" in first.example
    assert t["slogan"].tolist()[2] == "两个维护"   # sorted by count, docfreq, then slogan
    assert t.set_index("slogan")["national"].to_dict() == {"三新一高": True, "四个意识": True, "两个维护": True}
    # national programmes named by a numeral (三北 shelterbelts, 能耗双控, 双一流 universities) too
    c2 = corpus({"a": "推进“三北”工程，落实能耗“双控”，建设“双一流”高校；实施“一核三带”。"})
    assert textstat_slogans(c2).set_index("slogan")["national"].to_dict() == {
        "三北": True, "双控": True, "双一流": True, "一核三带": False}
    assert textstat_slogans(c, min_count=2)["slogan"].tolist() == ["四个意识", "三新一高"]
    with pytest.raises(ParameterError):
        textstat_slogans(c, min_count=0)


def test_an_occurrence_inside_a_longer_slogan_counts_for_that_one_only():
    # 海拉尔: “两河圣山” and “两河” are both detected; 两河圣山 must not also count as 两河
    c = corpus({"a": "推进“两河圣山”综合治理。两河圣山景区开放。实施“两河”清淤。严控“三公”经费,三公经费下降。"})
    rows = {r.slogan: r.count for r in textstat_slogans(c).itertuples()}
    assert rows["两河圣山"] == 2 and rows["两河"] == 1
    assert rows["三公"] == 2        # “三公”经费 and 三公经费: no longer slogan holds them


def test_pages_audit_slogans():
    # a quoted alternation may have a unit after a numeral when the numerals differ (江西 2026: “四级三类”
    # 国土空间规划体系; its glossary's “三类” was counted inside it), not a bare repetition
    assert found("建立“四级三类”国土空间规划体系。") == [("四级三类", "alternation")]
    assert found("举办“一年一度”的展会，打赢了一场接一场的攻坚战役。") == []       # (海拉尔 2016)
    c = corpus({"a": "建立“四级三类”规划体系。注释：“四级”指省、市、县、乡，“三类”指总体规划、专项规划。"})
    rows = {r.slogan: r.count for r in textstat_slogans(c).itertuples()}
    # (“四级” and “三类” alone are a numeral and a measure word: no slogans)
    assert rows == {"四级三类": 1}
    # a national formula with what it governs is national too, and the example is the file's text
    t = textstat_slogans(corpus({"a": "严控“三公”，“三公经费”下降10%，\n落实“三农”工作。"})).set_index("slogan")
    assert t["national"].to_dict() == {"三公": True, "三公经费": True, "三农": True}
    assert t.loc["三公经费", "example"] == "严控“三公”，“三公经费”下降10%， 落实“三农”工作。"
    # counts of events and idioms are no programmes (安徽 2026); 两委 and 两个市场 are national terms
    for text in ("实现粮食“二十二连丰”。", "比“四经普”增长29.8%。", "要有“十年磨一剑”的韧劲。", "解决“一类问题”。"):
        assert found(text) == [], text
    t = textstat_slogans(corpus({"a": "村(社区)“两委”换届，统筹国内国际“两个市场”。"})).set_index("slogan")
    assert t["national"].to_dict() == {"两委": True, "两个市场": True}
    # one character more is another word: 安徽's “三公里”就业圈 (a 3 km radius) is its own, no 三公
    t = textstat_slogans(corpus({"a": "拓展“三公里”就业圈。"})).set_index("slogan")
    assert t["national"].to_dict() == {"三公里": False}


def test_places_counted_are_no_slogans():
    # 海拉尔: 哈萨尔和东升路两个市民广场; “三角地商贸核心圈” (三角地 is a place)
    c = corpus({"a": "哈萨尔和东升路两个市民广场建成。推进“三角地商贸核心圈”升级。推进“两个中心”建设。"})
    assert set(textstat_slogans(c)["slogan"]) == {"两个中心"}


def test_slogans_on_seeds(seeds):
    t = textstat_slogans(seeds)
    found_ = set(t["slogan"])
    assert {"三新一高", "四个意识", "两个维护", "两个确立", "五个提升", "六新目标", "三地两点", "四强",
            "一核三带", "2+6+N", "2+4", "三供一业", "三化"} <= found_
    assert not found_ & {"十四五", "一是", "二是", "一般", "统一", "一批", "一体化", "五年", "二十大"}
    for r in t.itertuples():
        assert seeds[r.doc].raw[r.start:r.end] == r.slogan
