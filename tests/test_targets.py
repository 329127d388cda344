"""Target tracking across documents (policytext.targets)."""
import math

import pandas as pd
import pytest

from policytext.errors import PolicyTextError
from policytext.targets import textstat_implied_growth, textstat_targets, tracked_rows


def q(*rows):
    cols = ["doc", "label", "indicator", "measure", "value", "value_high", "unit", "relation", "year", "sentence"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


GDP = "地区生产总值"
INCOME = "城镇居民人均可支配收入"
FAI = "固定资产投资"
REVENUE = "一般公共预算收入"
TABLE = q(
    ("000", "achieved", GDP, "level", 326.5, None, "亿元", "=", 2021, "2021年全市地区生产总值达到326.5亿元"),
    ("000", "achieved", GDP, "level", 300, None, "亿元", ">=", 2021, "首次突破300亿元"),
    ("001", "estimate", GDP, "level", 306, None, "亿元", "=", 2021, "预计达到306亿元"),
    ("001", "target", GDP, "level", 500, None, "亿元", ">=", 2026, "到2026年…突破500亿元"),
    ("003", "target", GDP, "level", 500, None, "亿元", ">=", 2026, "突破500亿元大关"),
    ("000", "target", GDP, "level", 500, None, "亿元", ">=", 2025, "十四五末突破500亿元"),
    ("001", "target", GDP, "change", 7, None, "%", ">=", 2022, "地区生产总值增长7%以上"),
    ("000", "achieved", INCOME, "level", 47863, None, "元", "=", 2021, "分别达到47863元"),
    ("001", "achieved", INCOME, "level", 48132, None, "元", "=", 2021, "分别达到48132元"),
    ("001", "achieved", INCOME, "level", 4.8132, None, "万元", "=", 2021, "same value in 万元"),
    ("002", "target", "城镇登记失业率", "level", 4, None, "%", "<=", 2022, "控制在4%以内"),
    ("001", "target", "城镇登记失业率", "level", 2.9, None, "%", "<=", 2022, "控制在2.9%以内"),
)


def flags(table, indicator, year, measure="level"):
    t = textstat_targets(table)
    rows = t[(t["indicator"] == indicator) & (t["year"] == year) & (t["measure"] == measure)]
    assert len(rows), (indicator, year)
    return rows.iloc[0][["conflict_reported", "estimate_revised", "conflict_target", "status"]].tolist()


def test_conflicting_reports_are_flagged():
    assert flags(TABLE, INCOME, 2021) == [True, False, False, "conflict"]


def test_estimate_then_actual_is_a_revision_not_a_conflict():
    # 306 (estimate, 001) vs 326.5 (achieved, 000); 首次突破300亿元 is a threshold, not a value
    assert flags(TABLE, GDP, 2021) == [False, True, False, "estimate revised"]


def test_targets_agreeing_and_disagreeing():
    assert flags(TABLE, GDP, 2026) == [False, False, False, "consistent"]
    assert flags(TABLE, "城镇登记失业率", 2022) == [False, False, True, "conflict"]


def test_two_values_in_one_document_are_flagged_not_a_conflict():
    # 甘肃 2026: 年均新增城镇就业30万人 read as 2025's, beside 城镇新增就业31.7万人 for 2025
    jobs = q(("g26", "achieved", "新增城镇就业", "count", 30, None, "万人", "=", 2025, "年均新增城镇就业30万人"),
             ("g26", "achieved", "新增城镇就业", "count", 31.7, None, "万人", "=", 2025, "城镇新增就业31.7万人"),
             ("g26", "achieved", GDP, "level", 13000, None, "亿元", "=", 2025, "1.3万亿元"),
             ("g26", "achieved", GDP, "level", 1.3, None, "万亿元", "=", 2025, "1.3万亿元"))
    t = textstat_targets(jobs).drop_duplicates("indicator").set_index("indicator")
    assert t.loc["新增城镇就业", ["conflict_reported", "differs_within", "status"]].tolist() == [
        False, True, "differs within a document"]
    assert t.loc[GDP, ["differs_within", "status"]].tolist() == [False, "single source"]    # one value, two units


def test_every_statement_keeps_its_source():
    t = textstat_targets(TABLE)
    assert len(t) == len(TABLE)
    row = t[(t["indicator"] == GDP) & (t["label"] == "estimate")].iloc[0]
    assert (row["doc"], row["sentence"]) == ("001", "预计达到306亿元")


def test_implied_growth():
    g = textstat_implied_growth(TABLE)
    row = g[(g["target_doc"] == "001") & (g["indicator"] == GDP)].iloc[0]
    # base is the same document's estimate 306 (2021): (500/306)^(1/5) - 1
    assert (row["base_value"], row["base_year"], row["years"]) == (306, 2021, 5)
    assert row["implied_growth"] == pytest.approx(((500 / 306) ** 0.2 - 1) * 100, abs=0.01)
    assert "7% >=" in row["stated_growth"] and row["stated_growth_min"] == 7
    row = g[(g["target_doc"] == "000")].iloc[0]
    assert row["implied_growth"] == pytest.approx(((500 / 326.5) ** 0.25 - 1) * 100, abs=0.01)
    row = g[(g["target_doc"] == "003")].iloc[0]      # no base of its own: latest reported level
    assert row["base_value"] == 326.5 and math.isclose(row["years"], 5)
    # the growth stated for the years the target spans, not for any year (海拉尔: 240亿元 for 2012
    # from 198.5亿元 in 2011 beside 21% for 2012; 3.5% for 2019 is another target's)
    years = q(("r12", "achieved", GDP, "level", 198.5, None, "亿元", "=", 2011, "完成198.5亿元"),
              ("r12", "target", GDP, "level", 240, None, "亿元", "=", 2012, "达到240亿元"),
              ("r12", "target", GDP, "change", 21, None, "%", "=", 2012, "增长21%"),
              ("r19", "target", GDP, "change", 3.5, None, "%", "~", 2019, "增长3.5%左右"))
    row = textstat_implied_growth(years).iloc[0]
    assert (row["stated_growth_min"], row["stated_values"]) == (21, [21.0])
    assert row["stated_growth"] == "21% (2012, r12)"



def test_bad_input():
    with pytest.raises(PolicyTextError, match="lacks columns"):
        textstat_targets(pd.DataFrame({"doc": []}))


def test_seeds_end_to_end(seeds):
    from policytext.quantities import quantities

    t = textstat_targets(quantities(seeds))
    income = t[(t["indicator"] == INCOME) & (t["year"] == 2021) & (t["measure"] == "level")]
    assert set(income["value"]) >= {48132, 47863} and income["conflict_reported"].all()
    gdp = t[(t["indicator"] == GDP) & (t["year"] == 2021) & (t["measure"] == "level")]
    assert gdp["estimate_revised"].all() and not gdp["conflict_reported"].any()


# ---------------------------------------------------------------- places, rounding, consistency

from policytext.findings_tracking import md_conclusions, md_consistency  # noqa: E402
from policytext.targets import (textplot_implied_growth, textstat_city_targets,  # noqa: E402
                                textstat_consistency)


def with_place(table, places):
    return table.assign(place=table["doc"].map(places))


PLACES = {"000": "嘉峪关市", "001": "嘉峪关市", "003": "嘉峪关市", "002": "凉州区"}


def test_documents_of_different_places_never_conflict():
    # 4%以内 (凉州区) and 2.9%以内 (嘉峪关市) are two places' targets, not a disagreement
    t = textstat_targets(with_place(TABLE, PLACES))
    rows = t[t["indicator"] == "城镇登记失业率"]
    assert set(rows["place"]) == {"嘉峪关市", "凉州区"}
    assert not rows["conflict_target"].any() and set(rows["status"]) == {"single source"}


def test_rounded_figures_agree():
    table = q(("a", "achieved", "新增城镇就业", "count", 3.94, None, "万人", "=", 2021, "新增城镇就业3.94万人"),
              ("b", "achieved", "新增城镇就业", "count", 3.9, None, "万人", "=", 2021, "五年新增就业3.9万人"),
              ("a", "achieved", INCOME, "level", 48132, None, "元", "=", 2021, "48132元"),
              ("b", "achieved", INCOME, "level", 48100, None, "元", "=", 2021, "48100元"))
    assert flags(table, "新增城镇就业", 2021, "count") == [False, False, False, "consistent"]
    # 48100 is written to the unit: it does not round 48132
    assert flags(table, INCOME, 2021)[0] == True  # noqa: E712 (numpy bool)
    c = textstat_consistency(table, registered=False)
    assert c.set_index("indicator").loc["新增城镇就业", "finding"] == "consistent up to rounding"


def test_a_rise_and_a_fall_of_the_same_size_do_not_agree():
    table = q(("a", "achieved", "规上工业增加值", "change", 2, None, "%", "=", 2020, "规上工业增加值增长2%"),
              ("b", "achieved", "规上工业增加值", "change", 2, None, "%", "=", 2020, "规上工业增加值下降2%"),
              ("a", "achieved", "单位GDP能耗", "change", 3, None, "%", "=", 2020, "单位GDP能耗下降3%"),
              ("b", "achieved", "单位GDP能耗", "change", 3, None, "%", "=", 2020, "单位GDP能耗下降3%"))
    table["direction"] = ["up", "down", "down", "down"]
    assert flags(table, "规上工业增加值", 2020, "change") == [True, False, False, "conflict"]
    assert flags(table, "单位GDP能耗", 2020, "change") == [False, False, False, "consistent"]
    assert list(textstat_targets(table)["scaled"]) == [-3.0, -3.0, 2.0, -2.0]


def test_consistency_findings():
    c = textstat_consistency(with_place(TABLE, PLACES))
    found = {(r.indicator, r.year, r.measure): r.finding for r in c.itertuples()}
    assert found[(INCOME, 2021, "level")] == "reported values differ"
    assert found[(GDP, 2021, "level")] == "estimate revised"
    assert found[(GDP, 2026, "level")] == "consistent"
    # 500亿元 by 2025 (000) and by 2026 (001, 003): one promise, two deadlines
    assert found[(GDP, 2025, "level")] == "target year differs"
    assert "≥500亿元 target 2025 (000)" in c[c["finding"] == "target year differs"].iloc[0]["values"]
    assert ("城镇登记失业率", 2022, "level") not in found      # two places, one statement each
    assert list(c["finding"])[0] == "reported values differ"  # disagreements first


def test_successive_annual_targets_are_not_a_moved_deadline():
    # 7.5% set for 2016 in the 2016 report and for 2017 in the 2017 report: two targets (海拉尔);
    # 500亿元 by 2025 in a 2022 interview and by 2026 in a 2021 report: one promise moved
    table = q(("r2016", "target", GDP, "change", 7.5, None, "%", "=", 2016, "地区生产总值增长7.5%"),
              ("r2017", "target", GDP, "change", 7.5, None, "%", "=", 2017, "地区生产总值增长7.5%"),
              ("talk", "target", GDP, "level", 500, None, "亿元", ">=", 2025, "到2025年突破500亿元"),
              ("gov", "target", GDP, "level", 500, None, "亿元", ">=", 2026, "到2026年突破500亿元"))
    years = {"r2016": 2016, "r2017": 2017, "talk": 2022, "gov": 2021}
    dated = table.assign(place="甲市", doc_year=table["doc"].map(years))
    c = textstat_consistency(dated)
    assert list(zip(c["measure"], c["finding"])) == [("level", "target year differs")]
    # undated documents: nothing says the targets are annual, so both are said
    c = textstat_consistency(table.assign(place="甲市"))
    assert list(c["finding"]) == ["target year differs"] * 2


def test_consistency_statements_keep_their_source():
    d = textstat_consistency(with_place(TABLE, PLACES), statements=True)
    income = d[(d["indicator"] == INCOME) & (d["finding"] == "reported values differ")]
    assert sorted(zip(income["doc"], income["value"])) == [("000", 47863), ("001", 4.8132), ("001", 48132)]
    assert "分别达到47863元" in set(income["sentence"])


def test_totals_over_a_span_are_checked_against_the_same_span_only():
    cols = ["doc", "label", "indicator", "measure", "value", "value_high", "unit", "relation", "year",
            "period_start", "period_end", "sentence"]
    table = pd.DataFrame([
        ("gov", "achieved", "新增城镇就业", "count", 3.94, None, "万人", "=", 2021, 2017, 2021, "五年新增城镇就业3.94万人"),
        ("party", "achieved", "新增城镇就业", "count", 3.9, None, "万人", "=", 2021, 2017, 2021, "五年新增就业3.9万人"),
        ("talk", "achieved", "新增城镇就业", "count", 0.8, None, "万人", "=", 2021, 2021, 2021, "2021年新增就业8000人"),
        ("gov", "achieved", "棚户区改造", "count", 3.5, None, "万套", "=", 2021, 2017, 2021, "累计改造棚户区3.5万套"),
        ("party", "achieved", "棚户区改造", "count", 3.2, None, "万套", "=", 2021, 2017, 2021, "五年改造棚户区3.2万套"),
    ], columns=cols)
    c = textstat_consistency(table, registered=False).set_index("indicator")
    # the two five-year totals agree up to rounding; the single year's 8000 is not compared
    assert c.loc["新增城镇就业", ["year", "period", "finding", "n_docs"]].tolist() == [
        2021, "2017–2021", "consistent up to rounding", 2]
    assert c.loc["棚户区改造", ["period", "finding"]].tolist() == ["2017–2021", "reported values differ"]
    statements = textstat_consistency(table, registered=False, statements=True)
    text = md_consistency(textstat_consistency(table, registered=False), statements)
    assert "**棚户区改造, 2017–2021**" in text and "achieved 3\\.5万套 in gov" in text   # . escaped for markdown
    # the conclusions name the span too, not its last year
    checks = textstat_consistency(table, registered=False)
    bullets = md_conclusions(checks, textstat_implied_growth(table), table, docs_per_place={"": 3},
                             statements=statements)
    assert "棚户区改造 2017–2021: an early and a later document differ" in bullets


def test_a_target_and_its_result_alone_are_no_consistency_check():
    # 海拉尔: each report sets the year's target and the next states the result; nothing is stated
    # twice, so no document agrees or disagrees with another (attainment judges the pair)
    pair = q(("y2014", "target", GDP, "change", 11, None, "%", "=", 2014, "地区生产总值增长11%"),
             ("y2015", "achieved", GDP, "change", 9.1, None, "%", "=", 2014, "同比增长9.1%"))
    assert textstat_consistency(pair).empty
    # a second result, or a second target, from another document is a check again
    results = pd.concat([pair, q(("y2016", "achieved", GDP, "change", 7.0, None, "%", "=", 2014, "增长7%"))])
    assert list(textstat_consistency(results)["finding"]) == ["reported values differ"]
    targets = pd.concat([pair, q(("y2013", "target", GDP, "change", 11, None, "%", "=", 2014, "2014年增长11%"))])
    assert list(textstat_consistency(targets)["finding"]) == ["consistent"]

def test_consistency_needs_two_documents():
    one = TABLE[TABLE["doc"] == "001"]
    assert textstat_consistency(one).empty
    assert list(textstat_consistency(one).columns)[:6] == ["place", "indicator", "year", "period", "measure", "finding"]


def test_city_targets_registry_order_and_top():
    table = pd.concat([TABLE, q(("001", "target", "幼儿园", "count", 3, None, "所", "=", 2022, "新建3所幼儿园"))])
    t = textstat_city_targets(with_place(table, PLACES))
    assert "幼儿园" not in set(t["indicator"])              # a project, not a registry indicator
    jyg = t[t["place"] == "嘉峪关市"]
    assert list(jyg["indicator"])[0] == GDP                 # registry order: GDP first
    assert set(jyg[jyg["indicator"] == GDP]["target"]) == {"≥500亿元", "≥7%"}
    assert set(t[t["place"] == "凉州区"]["target"]) == {"≤4%"}
    top = textstat_city_targets(with_place(table, PLACES), top=1)
    assert set(top[top["place"] == "嘉峪关市"]["indicator"]) == {GDP}
    assert "幼儿园" in set(textstat_city_targets(table, registered=False)["indicator"])


def test_city_targets_context_from_corpus():
    from policytext import corpus

    text = "力争到2026年地区生产总值突破500亿元。"
    c = corpus({"d": text}, meta={"d": {"place": "嘉峪关市", "year": 2021}})
    start = text.index("500")
    table = q(("d", "target", GDP, "level", 500, None, "亿元", ">=", 2026, text))
    table["start"], table["end"] = start, start + 3
    t = textstat_city_targets(table, corpus=c, window=4)
    assert t.iloc[0]["place"] == "嘉峪关市"
    assert t.iloc[0]["context"] == "…总值突破500亿元。"


def test_city_targets_list_places_in_the_corpus_order_not_by_code_point():
    # the pages' document tables list 安徽 before 内蒙古 (the corpus's order); code points put 内 (U+5185)
    # before 安 (U+5B89)
    from policytext import corpus

    texts = {"anhui": "力争地区生产总值增长5%。", "neimenggu": "力争地区生产总值增长6%。"}
    c = corpus(texts, meta={"anhui": {"place": "安徽省", "year": 2026}, "neimenggu": {"place": "内蒙古自治区",
                                                                                    "year": 2026}})
    table = q(("neimenggu", "target", GDP, "change", 6, None, "%", ">=", 2026, texts["neimenggu"]),
              ("anhui", "target", GDP, "change", 5, None, "%", ">=", 2026, texts["anhui"]))
    table["start"], table["end"] = 9, 10
    assert list(textstat_city_targets(table, corpus=c)["place"]) == ["安徽省", "内蒙古自治区"]


def test_city_targets_list_the_indicators_most_documents_set_first():
    # 陕西 2026: registry order put 工业增加值 and 工业投资 before the headline 财政收入, 就业, 物价 that
    # every other place sets; the shared ones first make the places' rows compare
    from policytext import corpus

    texts = {"a": "一般公共预算收入增长3%，居民消费价格涨幅2%左右。", "b": "居民消费价格涨幅2%左右。"}
    c = corpus(texts, meta={"a": {"place": "甲省", "year": 2026}, "b": {"place": "乙省", "year": 2026}})
    table = q(("a", "target", REVENUE, "change", 3, None, "%", "=", 2026, texts["a"]),
              ("a", "target", "居民消费价格涨幅", "change", 2, None, "%", "~", 2026, texts["a"]),
              ("b", "target", "居民消费价格涨幅", "change", 2, None, "%", "~", 2026, texts["b"]))
    table["start"], table["end"] = [8, 20, 8], [9, 21, 9]
    t = textstat_city_targets(table, corpus=c)
    assert list(t[t["place"] == "甲省"]["indicator"]) == ["居民消费价格涨幅", REVENUE]
    assert list(textstat_city_targets(table, corpus=c, top=1)["indicator"]) == ["居民消费价格涨幅"] * 2


def test_a_target_for_both_halves_is_listed_for_each():
    # 海拉尔 2018: 城乡居民人均可支配收入分别增长7.5% is a target of 城镇 and of 农村 (as notebook 05
    # judges it), with the one sentence and offsets
    sentence = "城乡居民人均可支配收入分别增长7.5%;"
    table = q(("r18", "target", "城乡居民人均可支配收入", "change", 7.5, None, "%", "=", 2018, sentence)).assign(
        text="7.5%", indicator_text="城乡居民人均可支配收入", start=30, end=34)
    t = textstat_city_targets(table)
    assert list(t["indicator"]) == [INCOME, "农村居民人均可支配收入"]
    assert list(t["target"]) == ["7.5%", "7.5%"] and list(t["start"]) == [30, 30]


def test_implied_growth_reads_stocks_not_rates_or_a_years_work():
    # provinces2026, 广西: 高标准农田建设面积46.1万亩 built in 2025, 95万亩 to build in 2026 (twice the
    # work, not 106% growth of a stock); 城镇调查失业率 5.3% then 5.5%左右 moves in points
    table = q(("g", "achieved", "高标准农田建设面积", "level", 46.1, None, "万亩", "=", 2025, "建设高标准农田46.1万亩"),
              ("g", "target", "高标准农田建设面积", "level", 95, None, "万亩", "=", 2026, "建设高标准农田95万亩"),
              ("g", "achieved", "植树造林", "level", 479, None, "万亩", "=", 2025, "植树造林479万亩"),
              ("g", "target", "植树造林", "level", 400, None, "万亩", "=", 2026, "植树造林400万亩"),
              ("g", "achieved", "城镇调查失业率", "level", 5.3, None, "%", "=", 2025, "城镇调查失业率5.3%"),
              ("g", "target", "城镇调查失业率", "level", 5.5, None, "%", "~", 2026, "城镇调查失业率5.5%左右"),
              ("g", "achieved", "粮食产量", "level", 446.1, None, "亿斤", "=", 2025, "粮食产量446.1亿斤"),
              ("g", "target", "粮食产量", "level", 436, None, "亿斤", ">=", 2026, "粮食产量436亿斤以上"))
    g = textstat_implied_growth(table)
    assert list(g["indicator"]) == ["粮食产量"]
    assert g["implied_growth"].iloc[0] == pytest.approx((436 / 446.1 - 1) * 100, abs=0.01)


def test_implied_growth_takes_no_base_from_years_before_the_target_documents_review():
    # 海拉尔: the 2017 report sets 全社会固定资产投资…达到110.7亿元 but states its 2016 level under another
    # name (区本级); the last level under this name is 2011's, six years before: no base
    from policytext import corpus

    table = q(("r12", "achieved", FAI, "level", 155.4, None, "亿元", "=", 2011, "完成155.4亿元"),
              ("r17", "target", FAI, "level", 110.7, None, "亿元", "=", 2017, "达到110.7亿元"),
              ("r16", "achieved", FAI, "level", 95, None, "亿元", "=", 2014, "2014年完成95亿元"),
              ("r16", "target", FAI, "level", 105, None, "亿元", "=", 2016, "达到105亿元"))
    docs = corpus({d: f"20{d[1:]}年政府工作报告。" for d in ("r12", "r16", "r17")})    # dated by their titles
    with_corpus = textstat_implied_growth(table, corpus=docs)
    assert list(with_corpus["target_doc"]) == ["r16"]   # r16 has its own level; r17 none since 2015
    without = textstat_implied_growth(table)              # undated documents: any earlier level
    assert without.set_index("target_doc").loc["r17", "base_year"] == 2014


def test_implied_growth_stays_within_a_place():
    table = with_place(pd.concat([TABLE, q(("002", "target", GDP, "level", 600, None, "亿元", ">=", 2026, "x"))]),
                       PLACES)
    g = textstat_implied_growth(table)
    assert "凉州区" not in set(g["place"])          # 凉州区 has no reported GDP level: no base
    assert set(g["place"]) == {"嘉峪关市"}


def test_implied_growth_plot():
    from matplotlib.figure import Figure

    fig = textplot_implied_growth(TABLE)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    widths = sorted(round(p.get_width(), 2) for p in ax.patches)
    assert widths == sorted(textstat_implied_growth(TABLE)["implied_growth"].round(2))
    with pytest.raises(PolicyTextError, match="implied growth needs a base"):
        textplot_implied_growth(TABLE[TABLE["label"] == "target"])
    # the textstat table, filtered as a page filters it, is drawn as it is: one bar a row
    table = textstat_implied_growth(TABLE)
    first = textplot_implied_growth(table.iloc[:1]).axes[0]
    assert [round(p.get_width(), 2) for p in first.patches] == [round(table["implied_growth"].iloc[0], 2)]
    assert len(table) > 1 and len(first.get_yticklabels()) == 1
    # a bar's label starts right of the bar (10.32 over a diamond at 7), or of a diamond beyond it
    assert [t.xy[0] for t in first.texts] == [pytest.approx(10.32)]
    beyond = table.iloc[:1].copy()
    beyond.at[beyond.index[0], "stated_values"] = [7.0, 12.0]
    assert [t.xy[0] for t in textplot_implied_growth(beyond).axes[0].texts] == [12.0]
    # the key names what is drawn: blue bars and diamonds here; a grey hatched floor below
    assert [t.get_text() for t in first.get_legend().get_texts()] == ["implied by the level target",
                                                                      "stated growth target"]
    # a base in 元 under a target in 万元 is shown in both (the bar is computed on the converted one)
    income = q(("000", "achieved", INCOME, "level", 48132, None, "元", "=", 2021, "达到48132元"),
               ("000", "target", INCOME, "level", 6, None, "万元", ">=", 2026, "到2026年突破6万元"))
    labels = [t.get_text() for t in textplot_implied_growth(income).axes[0].get_yticklabels()]
    assert labels == ["城镇居民人均可支配收入\n48132元 = 4.813万元 (2021) → 6万元 (2026), 000"]
    # a floor under the latest level needs no growth and promises no fall: a grey hatched bar that says so
    reached = q(("000", "achieved", GDP, "level", 520, None, "亿元", "=", 2021, "达到520亿元"),
                ("000", "target", GDP, "level", 500, None, "亿元", ">=", 2026, "到2026年突破500亿元"),
                ("000", "target", GDP, "level", 400, None, "亿元", "=", 2026, "到2026年达到400亿元"))
    ax = textplot_implied_growth(reached).axes[0]
    assert [p.get_hatch() for p in ax.patches] == ["//", None]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["implied by the level target",
                                                                   "a floor under the latest level"]
    assert [t.get_text() for t in ax.texts] == ["-0.8% (a floor under the latest level)", "-5.1%"]
    # the labels of bars left of 0 start at 0, over no bar (not across the hatching)
    assert [t.xy[0] for t in ax.texts] == [0, 0]




# ---------------------------------------------------------------- revisions (policytext.revisions)

from policytext.revisions import REVISION_COLUMNS, textstat_revisions  # noqa: E402


def dated(table, years):
    return table.assign(doc_year=table["doc"].map(years), start=range(len(table)), end=range(1, len(table) + 1))


def test_revision_kinds():
    table = dated(q(("r17", "estimate", GDP, "level", 300, None, "亿元", "=", 2016, "预计达到300亿元"),
                    ("r17", "target", GDP, "change", 7, None, "%", "=", 2017, "t"),
                    ("r18", "achieved", GDP, "level", 303.6, None, "亿元", "=", 2016, "完成303.6亿元"),
                    ("r18", "target", GDP, "change", 6, None, "%", "=", 2018, "t"),
                    ("r19", "achieved", GDP, "level", 30100, None, "百万元", "=", 2016, "30100百万元"),
                    ("r19", "target", GDP, "change", 6, None, "%", "=", 2019, "t"),
                    ("r19", "achieved", INCOME, "level", 32943, None, "元", "=", 2016, "32943元"),
                    ("r18", "achieved", INCOME, "level", 3.29, None, "万元", "=", 2016, "3.29万元")),
                 {"r17": 2017, "r18": 2018, "r19": 2019})
    r = textstat_revisions(table)
    assert list(r.columns) == REVISION_COLUMNS
    found = [(x.kind, x.earlier_doc, x.later_doc, x.earlier_value, x.later_value) for x in r.itertuples()]
    # 300 (estimate, r17) -> 303.6 (r18) -> 30100百万元 = 301亿元 (r19); 3.29万元 rounds 32943元: no row
    assert found == [("revision", "r18", "r19", 303.6, 30100), ("estimate replaced", "r17", "r18", 300, 303.6)]
    assert r.iloc[0]["change_pct"] == pytest.approx((301 / 303.6 - 1) * 100, abs=0.01)
    assert r.iloc[1]["earlier_sentence"] == "预计达到300亿元" and r.iloc[1]["later_sentence"] == "完成303.6亿元"


def test_restated_base_against_reported_growth():
    rows = [("r17", "achieved", GDP, "level", 303.6, None, "亿元", "=", 2016, "2016年完成303.6亿元"),
            ("r17", "target", GDP, "change", 7.5, None, "%", "=", 2017, "t"),
            ("r19", "achieved", GDP, "level", 192.3, None, "亿元", "=", 2018, "完成192.3亿元"),
            ("r19", "achieved", GDP, "change", 6.0, None, "%", "=", 2018, "增长6.0%"),
            ("r19", "target", GDP, "change", 3.5, None, "%", "~", 2019, "t"),
            # nominal 5% a year against real growth of 7%: no restatement
            ("r17", "achieved", INCOME, "level", 100, None, "元", "=", 2016, "100元"),
            ("r19", "achieved", INCOME, "level", 110.25, None, "元", "=", 2018, "110.25元"),
            ("r19", "achieved", INCOME, "change", 7, None, "%", "=", 2018, "增长7%")]
    r = textstat_revisions(dated(q(*rows), {"r17": 2017, "r19": 2019}))
    assert list(r["kind"]) == ["restated base"]
    x = r.iloc[0]
    assert (x.indicator, x.earlier_year, x.earlier_value, x.later_year, x.later_value) == (GDP, 2016, 303.6, 2018, 192.3)
    assert x.implied_growth == pytest.approx(((192.3 / 303.6) ** 0.5 - 1) * 100, abs=0.01)
    assert x.stated_growth == 6.0
    # no report states 2017's growth: that year would need 192.3 / 1.06 / 303.6 - 1 = -40.2%
    assert x.unstated_years == "2017" and x.restatement_cue == ""
    assert x.unexplained_growth == pytest.approx((192.3 / 1.06 / 303.6 - 1) * 100, abs=0.01)
    assert list(textstat_revisions(dated(q(*rows), {"r17": 2017, "r19": 2019}), threshold=40)["kind"]) == [
        "restated base"]
    assert textstat_revisions(dated(q(*rows), {"r17": 2017, "r19": 2019}), threshold=41).empty


def test_a_level_the_stated_growth_explains_over_the_years_between_is_no_restatement():
    # 2014 -> 2016 with 10% stated for each year: 121 = 100 × 1.1 × 1.1; the same fall with 2015 unstated
    # is what 2015 would need (-28.8%), which a real fall could be too
    rows = [("r15", "achieved", FAI, "level", 100, None, "亿元", "=", 2014, "完成100亿元"),
            ("r16", "achieved", FAI, "change", 10, None, "%", "=", 2015, "增长10%"),
            ("r17", "achieved", FAI, "level", 121, None, "亿元", "=", 2016, "完成121亿元"),
            ("r17", "achieved", FAI, "change", 10, None, "%", "=", 2016, "增长10%")]
    years = {"r15": 2015, "r16": 2016, "r17": 2017}
    assert textstat_revisions(dated(q(*rows), years)).empty
    fall = [rows[0], (*rows[2][:4], 82.9, *rows[2][5:]), rows[3]]
    x = textstat_revisions(dated(q(*fall), years)).iloc[0]
    assert (x.kind, x.unstated_years) == ("restated base", "2015")
    assert x.unexplained_growth == pytest.approx((82.9 / 1.1 / 100 - 1) * 100, abs=0.01)


def test_a_sentence_that_says_it_restates_needs_no_stated_growth():
    # 海拉尔 2018: 一般公共预算收入剔除虚增空转因素后完成10.4亿元, after 17亿元 for 2016; no growth stated
    said = "一般公共预算收入剔除虚增空转因素后完成10.4亿元"
    rows = [("r17", "achieved", REVENUE, "level", 17, None, "亿元", "=", 2016, "一般公共预算收入完成17亿元"),
            ("r18", "achieved", REVENUE, "level", 10.4, None, "亿元", "=", 2017, said)]
    x = textstat_revisions(dated(q(*rows), {"r17": 2017, "r18": 2018})).iloc[0]
    assert (x.kind, x.restatement_cue, x.unstated_years) == ("restated base", "剔除虚增空转因素", "2017")
    assert x.implied_growth == x.unexplained_growth == pytest.approx(-38.82, abs=0.01)
    assert pd.isna(x.stated_growth)
    # without those words and without stated growth, a registry statistic's fall of more than 25% a year is
    # listed, with no cue (the page says: a restated base, or a change of that size then); a smaller one is not
    plain = [rows[0], (*rows[1][:9], "一般公共预算收入完成10.4亿元")]
    y = textstat_revisions(dated(q(*plain), {"r17": 2017, "r18": 2018})).iloc[0]
    assert (y.kind, y.restatement_cue, y.unstated_years) == ("restated base", "", "2017")
    smaller = [rows[0], (*rows[1][:4], 14, *rows[1][5:9], "一般公共预算收入完成14亿元")]
    assert textstat_revisions(dated(q(*smaller), {"r17": 2017, "r18": 2018})).empty     # -17.6%: nothing to judge it by
    project = [(*r[:2], "小额担保贷款", *r[3:]) for r in plain]                         # a programme's amount may fall
    assert textstat_revisions(dated(q(*project), {"r17": 2017, "r18": 2018})).empty


def test_revisions_hailar_restatement():
    from policytext import data_corpus
    from policytext.quantities import quantities

    c = data_corpus("hailar")
    r = textstat_revisions(quantities(c), corpus=c)
    gdp = r[(r["indicator"] == GDP) & (r["measure"] == "level")]
    assert len(gdp) == 1
    x = gdp.iloc[0]
    assert x.kind == "restated base" and x.place == "海拉尔区"
    assert (x.earlier_doc, x.earlier_year, x.earlier_value) == ("hailar_gov_2017", 2016, 303.6)
    assert (x.later_doc, x.later_year, x.later_value) == ("hailar_gov_2019", 2018, 192.3)
    assert "192.3亿元" in x.later_sentence and c["hailar_gov_2019"].raw[x.later_start:x.later_end] == "192.3"
    # the 2018 report says it restated budget revenue (剔除虚增空转因素后完成10.4亿元) and states no growth
    revenue = r[(r["indicator"] == REVENUE) & (r["kind"] == "restated base")]
    assert [(x.earlier_value, x.later_value, x.restatement_cue) for x in revenue.itertuples()] == [
        (17.0, 10.4, "剔除虚增空转因素")]
    y = revenue.iloc[0]
    assert (y.restatement_doc, c[y.restatement_doc].raw[y.restatement_start:y.restatement_start + 8]) == (
        "hailar_gov_2018", "剔除虚增空转因素")
    # GDP's later sentence names nothing, but the 2018 report between says the data were put right
    assert (x.restatement_cue, x.restatement_doc) == ("数据不实", "hailar_gov_2018")
    assert c["hailar_gov_2018"].raw[x.restatement_start:x.restatement_start + 4] == "数据不实"
    assert x.restatement_sentence.startswith("解决经济数据不实和财政收入虚增空转")
    # …which explains a fall, not a rise: 旅游收入 82.8 -> 94.8亿元 over 2017 is no restated base
    assert "旅游收入" not in set(r.loc[r["kind"] == "restated base", "indicator"])


# ---------------------------------------------------------------- cross-section (policytext.crosssection)

from policytext.crosssection import (textplot_crosssection, textstat_crosssection,  # noqa: E402
                                     textstat_shared_indicators)


def test_crosssection_keeps_annual_and_plan_average_apart():
    table = q(("a", "target", GDP, "change", 5, 5.5, "%", "=", 2026, "增长5%—5.5%"),
              ("a", "target", GDP, "avg_change", 5, None, "%", "~", None, "年均增长5%左右"),
              ("b", "target", GDP, "change", 4.5, None, "%", "~", 2026, "增长4.5%左右"),
              ("c", "target", GDP, "change", 6, None, "%", ">=", 2025, "增长6%以上"),
              ("b", "target", "城镇调查失业率", "level", 5.5, None, "%", "~", 2026, "5.5%左右"),
              ("a", "target", "城镇调查失业率", "level", 5.5, None, "%", "~", 2026, "5.5%左右"))
    table["period_start"] = pd.array([2026, 2026, 2026, 2025, 2026, 2026], dtype="Int64")
    table["period_end"] = pd.array([2026, 2030, 2026, 2025, 2026, 2026], dtype="Int64")
    table["place"] = table["doc"].map({"a": "安徽省", "b": "青海省", "c": "海南省"})
    x = textstat_crosssection(table)
    assert list(x["place"]) == ["安徽省", "青海省"] and set(x["year"]) == {2026}   # 2026: most places
    a = x.iloc[0]
    assert (a.target, a.target_high, a.average, a.average_period, a.difference) == (5, 5.5, 5, "2026–2030", 0)
    assert pd.isna(x.iloc[1]["average"])
    assert list(textstat_crosssection(table, year=2025)["place"]) == ["海南省"]
    s = textstat_shared_indicators(table, k=2)
    assert [tuple(r) for r in s[["indicator", "measure", "year", "places"]].itertuples(index=False)] == [
        ("地区生产总值", "change", 2026, 2), ("城镇调查失业率", "level", 2026, 2)]
    # 民生实事 in 项 (two places) and 件 (one): two scales, so the indicator is shared by two, not three,
    # and 项 is not shared at k=3; 5万人 and 30000人 are one unit kind
    more = pd.concat([table, q(("a", "target", "民生实事", "count", 30, None, "项", "=", 2026, "办好30项民生实事"),
                               ("b", "target", "民生实事", "count", 46, None, "项", "=", 2026, "办好46项民生实事"),
                               ("c", "target", "民生实事", "count", 10, None, "件", "=", 2026, "办好10件民生实事"),
                               ("a", "target", "新增城镇就业", "count", 5, None, "万人", "=", 2026, "5万人"),
                               ("b", "target", "新增城镇就业", "count", 30000, None, "人", "=", 2026, "30000人"),
                               ("c", "target", "新增城镇就业", "count", 2, None, "万人", "=", 2026, "2万人")
                               ).assign(period_start=2026, period_end=2026)], ignore_index=True)
    more["place"] = more["doc"].map({"a": "安徽省", "b": "青海省", "c": "海南省"})
    shared = textstat_shared_indicators(more, k=2).set_index("indicator")
    assert shared.loc["民生实事", "places"] == 2 and shared.loc["民生实事", "place_list"] == "安徽省、青海省"
    assert shared.loc["新增城镇就业", "places"] == 3
    fig = textplot_crosssection(x)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["青海省", "安徽省"]
    # 安徽's annual range and its plan-period average (both 5–5.5) sit on two rows, not one; the legend
    # names each way a figure is written that the chart shows (青海 4.5%左右, 安徽's average 5%左右)
    bars = sorted(tuple(line.get_ydata()) for line in ax.get_lines())
    assert len(bars) == 1 and bars[0][0] > 1                          # the annual range, above 安徽's line
    rows = sorted(round(float(c.get_offsets()[0][1]), 2) for c in ax.collections)
    assert rows == [0.14, 0.86, 1.14]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "2026 target", "plan-period average (年均)", "as written", "about (左右)", "range (low to high)"]


def test_units_of_one_kind_are_compared_in_one():
    from policytext.targets import unit_scale

    assert unit_scale("亿元") == (1e8, "元") and unit_scale("万人") == (1e4, "人")
    assert unit_scale("亿斤") == (5e4, "吨") and unit_scale("万吨") == (1e4, "吨")
    assert unit_scale("公顷") == (1e4, "平方米") and unit_scale("千米") == (1.0, "公里")
    assert unit_scale("成") == (10.0, "%")          # 八成 is 80%


def test_crosssection_puts_units_of_one_kind_in_one():
    # provinces2026: grain targets in 亿斤 (内蒙古, 江西, 河南) and 万吨 (甘肃, 青海)
    table = q(("a", "target", "粮食产量", "level", 840, None, "亿斤", ">=", 2026, "粮食产量840亿斤以上"),
              ("b", "target", "粮食产量", "level", 436, None, "亿斤", ">=", 2026, "粮食产量436亿斤以上"),
              ("c", "target", "粮食产量", "level", 1300, None, "万吨", ">=", 2026, "粮食产量1300万吨以上"),
              ("d", "target", "粮食产量", "level", 5, None, "亿元", "=", 2026, "a unit of another kind"))
    table["place"] = table["doc"].map({"a": "内蒙古自治区", "b": "江西省", "c": "甘肃省", "d": "某省"})
    x = textstat_crosssection(table, indicator="粮食产量", measure="level")
    got = {r.place: (round(r.target, 6), r.unit) for r in x.itertuples()}
    assert got == {"内蒙古自治区": (840, "亿斤"), "江西省": (436, "亿斤"), "甘肃省": (260, "亿斤"), "某省": (5, "亿元")}
    fig = textplot_crosssection(x)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["甘肃省", "江西省", "内蒙古自治区"]
    assert "1 written in other units left out" in fig.axes[0].get_title()


def test_crosssection_provinces_one_annual_gdp_target_each():
    from policytext import data_corpus
    from policytext.quantities import quantities

    c = data_corpus("provinces2026")
    x = textstat_crosssection(quantities(c), corpus=c, year=2026)
    expected = {"海南省": 6, "甘肃省": 5.5, "内蒙古自治区": 5, "安徽省": 5, "广西壮族自治区": 5, "江西省": 5,
                "河南省": 5, "陕西省": 5, "青海省": 4.5, "江苏省": 5}
    annual = x[x["target"].notna()]
    assert x["place"].is_unique and len(annual) >= 9
    assert {p: v for p, v in zip(annual["place"], annual["target"])} == {p: expected[p] for p in annual["place"]}
    assert (annual["other_targets"] == "").all()          # no second, wrong annual target
    # the plan averages are kept apart: 江苏 and 江西 state 年均增长5%左右 for 2026–2030
    avg = x.set_index("place")["average_period"]
    assert avg["江苏省"] == "2026–2030" and avg["江西省"] == "2026–2030"
    assert not annual["sentence"].str.contains("年均增长").any()


def test_city_targets_show_plan_averages_apart():
    s = "“十五五”时期地区生产总值年均增长5%左右,今年增长5.5%"
    # rows as quantities() gives them: the average over 十五五 is avg_change, 2026–2030
    table = with_place(q(("001", "target", GDP, "avg_change", 5, None, "%", "~", 2030, s),
                         ("001", "target", GDP, "change", 5.5, None, "%", "=", 2026, s)), PLACES)
    table["period_start"] = pd.array([2026, 2026], dtype="Int64")
    table["period_end"] = pd.array([2030, 2026], dtype="Int64")
    t = textstat_city_targets(table)
    assert [(r.measure, r.target, r.period) for r in t.itertuples()] == [
        ("avg_change", "≈5%", "2026–2030"), ("change", "5.5%", "2026")]
    assert pd.isna(t.iloc[0]["year"]) and t.iloc[1]["year"] == 2026
    # the annual tables never see the average
    assert list(textstat_targets(table)["value"]) == [5.5]


def test_revisions_of_unknown_order_only_differ():
    # no dates, no targets to tell the documents' order: a difference, not a revision
    table = q(("x", "achieved", GDP, "level", 300, None, "亿元", "=", 2016, "300亿元"),
              ("y", "achieved", GDP, "level", 310, None, "亿元", "=", 2016, "310亿元"))
    r = textstat_revisions(table.assign(start=[1, 2], end=[2, 3]))
    assert list(r["kind"]) == ["differs"] and (r.iloc[0]["earlier_doc"], r.iloc[0]["later_doc"]) == ("x", "y")


def test_trackable_names_leave_out_generic_nouns_and_bare_comparisons():
    from policytext.targets import trackable

    names = pd.Series(["地区生产总值", "企业", "高于全国", "低于全省平均", "高于全国平均水平的地区", "", None, "总量", "占比"])
    # 高于全国2.3个百分点 is a gap whose indicator the clause before names (青海 2026); 总量达1461.4万户
    # and 民间投资占比60% left only the head of the name (江苏 2026)
    assert trackable(names).tolist() == [True, False, False, False, True, False, False, False, False]


def test_an_attribute_is_no_target():
    # 大唐700万吨露天矿 in two reports names one mine: no target, no agreement to report
    table = q(("a", "target", "露天矿", "attribute", 700, None, "万吨", "=", 2014, "确保大唐700万吨露天矿完成核准"),
              ("b", "target", "露天矿", "attribute", 700, None, "万吨", "=", 2014, "加快大唐700万吨露天矿建设"),
              ("a", "target", GDP, "change", 8, None, "%", "=", 2014, "地区生产总值增长8%"))
    assert textstat_targets(table)["indicator"].tolist() == [GDP]


def test_a_gap_to_a_benchmark_is_not_tracked():
    # 规上工业增加值增长6.7%、高于全国0.8个百分点: the 0.8 is no growth rate of the indicator
    table = q(("a", "achieved", GDP, "benchmark_gap", 0.8, None, "个百分点", "=", 2025, "增长6.7%、高于全国0.8个百分点"),
              ("a", "achieved", GDP, "change", 6.7, None, "%", "=", 2025, "增长6.7%、高于全国0.8个百分点"))
    assert tracked_rows(table).tolist() == [False, True]
