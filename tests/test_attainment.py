"""Was the target met? (policytext.attainment)"""
import io

import pandas as pd
import pytest

from policytext.attainment import (ATTAINMENT_COLUMNS, target_met, textplot_attainment, textstat_possible_results,
                                   textstat_attainment)
from policytext.errors import PolicyTextError
from policytext.targets import quantities_periods

GDP = "地区生产总值"
COLS = ["doc", "start", "end", "label", "indicator", "measure", "value", "value_high", "unit", "relation", "year",
        "sentence"]


def q(*rows, place=None):
    frame = pd.DataFrame([dict(zip(COLS, r)) for r in rows], columns=COLS)
    frame["year"] = frame["year"].astype("Int64")
    if place:
        frame["place"] = frame["doc"].map(place)
    return frame


# ------------------------------------------------------------------ the rule for met

@pytest.mark.parametrize("target, achieved, relation, high, unit, indicator, met", [
    (8, 8.9, "=", None, "%", GDP, True),        # plain growth target: at least
    (8, 7.9, "=", None, "%", GDP, False),
    (6, 6.0, "=", None, "%", GDP, True),        # equal is met
    (6, 5.5, "~", None, "%", GDP, True),        # 左右: 0.5 percentage points below still counts
    (6, 5.4, "~", None, "%", GDP, False),
    (6, 7.5, "~", None, "%", GDP, True),        # above 左右 is met
    (7, 7, ">=", None, "%", GDP, True),         # 以上
    (7, 6.9, ">=", None, "%", GDP, False),
    (3, 3.0, "<=", None, "%", "居民消费价格", True),  # 以内
    (3, 3.1, "<=", None, "%", "居民消费价格", False),
    (5, 5.2, "=", 5.5, "%", GDP, True),         # range 5–5.5: at least the low end
    (5, 6.0, "=", 5.5, "%", GDP, True),         # above the high end still met
    (5, 4.9, "=", 5.5, "%", GDP, False),
    (5.5, 5.9, "~", None, "%", "城镇调查失业率", True),   # a ceiling: 左右 up to +0.5
    (5.5, 6.1, "~", None, "%", "城镇调查失业率", False),
    (4.5, 4.6, "=", None, "%", "城镇登记失业率", False),  # plain ceiling
    (100, 99, "~", None, "万人", "城镇新增就业", True),    # 左右 on a count: within 1%
    (100, 98.9, "~", None, "万人", "城镇新增就业", False),
])
def test_met_rule(target, achieved, relation, high, unit, indicator, met):
    assert target_met(target, achieved, relation=relation, target_high=high, unit=unit,
                      indicator=indicator)[0] is met


def test_reductions_of_energy_use_are_floors_its_levels_ceilings():
    # 单位GDP能耗下降3%: a reduction of 3.5% meets it; a level of 0.5吨 against 0.45吨 does not
    assert target_met(3, 3.5, indicator="单位地区生产总值能耗", measure="change")[0] is True
    assert target_met(0.45, 0.5, indicator="单位地区生产总值能耗", measure="level")[0] is False


def test_met_rule_names_the_rule_and_needs_both_sides():
    assert target_met(6, 5.6, relation="~") == (True, "about: >= 5.5")
    assert target_met(6, None) == (None, "")
    assert target_met(float("nan"), 5) == (None, "")


# ------------------------------------------------------------------ the table

S12 = "2012年预期目标是:地区生产总值增长21%"
S13a = "全年地区生产总值完成235.2亿元,同比增长18.5%"
S13t = "预期目标是:地区生产总值增长20%左右"
TOY = q(
    ("r2012", 10, 13, "target", GDP, "change", 21, None, "%", "=", 2012, S12),
    ("r2012", 20, 22, "achieved", GDP, "change", 22.3, None, "%", "=", 2011, "2011年增长22.3%"),
    ("r2013", 30, 34, "achieved", GDP, "change", 18.5, None, "%", "=", 2012, S13a),
    ("r2013", 40, 42, "target", GDP, "change", 20, None, "%", "~", 2013, S13t),
    ("r2013", 50, 53, "estimate", GDP, "change", 19, None, "%", "=", 2012, "预计增长19%"),
    ("r2013", 60, 63, "achieved", GDP, "level", 23520, None, "百万元", "=", 2012, "x"),
    ("r2012", 70, 73, "target", GDP, "level", 240, None, "亿元", "=", 2012, "达到240亿元"),
    ("r2014", 80, 84, "estimate", GDP, "change", 19.6, None, "%", "=", 2013, "预计增长19.6%"),
    ("r2014", 90, 92, "achieved", GDP, "change", 30, None, "%", "=", 2014, "mislabelled: own year"),
    ("r2013", 95, 97, "target", GDP, "change", 25, None, "%", "=", 2012, "restated target"),
    ("r2014", 99, 100, "target", GDP, "level", 300, None, "亿元", "=", 2014, "达到300亿元"),
    place={"r2012": "海拉尔区", "r2013": "海拉尔区", "r2014": "海拉尔区"},
)


def row(table, year, measure="change"):
    rows = table[(table["year"] == year) & (table["measure"] == measure)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_target_against_next_years_result():
    a = textstat_attainment(TOY)
    assert list(a.columns) == ATTAINMENT_COLUMNS
    r = row(a, 2012)
    assert (r["target"], r["achieved"], r["met"], r["gap"]) == (21, 18.5, False, -2.5)
    assert (r["target_doc"], r["target_start"], r["achieved_doc"], r["achieved_start"]) == ("r2012", 10, "r2013", 30)
    assert r["achieved_sentence"] == S13a and r["achieved_kind"] == "achieved" and r["place"] == "海拉尔区"
    # the earliest document set the target; a later restatement is listed, not used
    assert r["other_targets"] == "25% (r2013 @95)"      # with its raw offset
    assert r["other_achieved"] == ""          # the estimate 19% is not an achieved value


def test_a_target_and_a_result_written_for_two_statistics_are_named_and_still_judged():
    # 海拉尔: 2015's target for 农民人均纯收入 (net income), answered in 2016 by 可支配收入, the survey
    # statistic that replaced it; 2016's target and result both name the new one
    rural = "农村居民人均可支配收入"
    t = q(("r15", 10, 12, "target", rural, "change", 11, None, "%", "=", 2015, "农民人均纯收入增长11%"),
          ("r16", 10, 12, "achieved", rural, "change", 8.6, None, "%", "=", 2015, "农村居民人均可支配收入增长8.6%"),
          ("r16", 40, 42, "target", rural, "change", 8, None, "%", "=", 2016, "农村居民人均可支配收入增长8%"),
          ("r17", 10, 12, "achieved", rural, "change", 7.1, None, "%", "=", 2016, "农村牧区常住居民人均可支配收入增长7.1%"))
    t["indicator_text"] = ["农民人均纯收入", rural, rural, "农村牧区常住居民人均可支配收入"]
    t["doc_year"] = t["doc"].map({"r15": 2015, "r16": 2016, "r17": 2017})
    out = textstat_attainment(t)
    assert list(out["statistics"]) == ["农民人均纯收入 → 农村居民人均可支配收入", ""]
    assert list(out["met"]) == [False, False] and list(out["gap"]) == [-2.4, -0.9]
    from policytext import findings_tracking as tracking

    text = tracking.md_attainment(out)
    assert ("In 1 verdict the target and the result name two statistics, one of which replaced the other "
            "(2015: 农民人均纯收入 → 农村居民人均可支配收入): it compares two measures") in text
    assert list(tracking.table_attainment(out)["statistics"]) == ["农民人均纯收入 → 农村居民人均可支配收入", ""]
    assert "statistics" not in tracking.table_attainment(out.iloc[1:])
    # the chart rings that outcome, and its legend says why
    fig = textplot_attainment(out, indicator=rural, measure="change")
    assert "target and outcome in two statistics" in [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    # two spellings of the earlier statistic are one statistic
    t.loc[1, "indicator_text"] = "农村居民人均纯收入"
    assert list(textstat_attainment(t)["statistics"]) == ["", ""]


def test_a_target_for_both_halves_is_quoted_as_written():
    # 海拉尔 2013: 城乡居民可支配收入增长18%, a target for each half; the 2014 report answers for the
    # rural half in the earlier statistic. The target's name is quoted as the report writes it.
    t = q(("r13", 10, 12, "target", "城乡居民可支配收入", "change", 18, None, "%", "=", 2013,
           "城乡居民可支配收入增长18%"),
          ("r14", 10, 12, "achieved", "农村居民人均可支配收入", "change", 14.1, None, "%", "=", 2013,
           "农民人均纯收入完成19080元，同比增长14.1%"))
    t["indicator_text"], t["text"] = ["城乡居民可支配收入", "农民人均纯收入"], ["18%", "14.1%"]
    t["doc_year"] = t["doc"].map({"r13": 2013, "r14": 2014})
    a = textstat_attainment(t).set_index("indicator")
    assert list(a.index) == ["农村居民人均可支配收入", "城镇居民人均可支配收入"]
    assert a.loc["农村居民人均可支配收入", "statistics"] == "城乡居民可支配收入 → 农民人均纯收入"
    assert not a.loc["农村居民人均可支配收入", "met"]


def test_estimate_only_when_no_result_and_said_so():
    r = row(textstat_attainment(TOY), 2013)
    assert (r["target"], r["relation"], r["achieved"], r["achieved_kind"]) == (20, "~", 19.6, "estimate")
    assert r["met"] == True  # noqa: E712  19.6 >= 20 - 0.5
    assert r["rule"] == "about: >= 19.5"


def test_one_sided_rows_are_kept():
    a = textstat_attainment(TOY)
    r = row(a, 2011)                                      # a result, no target
    assert pd.isna(r["target"]) and r["achieved"] == 22.3 and pd.isna(r["met"])
    r = row(a, 2014, "level")                             # a target, no result yet
    assert r["target"] == 300 and pd.isna(r["achieved"]) and pd.isna(r["achieved_doc"]) and pd.isna(r["met"])
    # a report's own year is not a result: 增长30% of 2014 in the 2014 report gives no row
    assert not ((a["year"] == 2014) & (a["measure"] == "change")).any()


def test_gap_in_the_targets_unit():
    r = row(textstat_attainment(TOY), 2012, "level")
    # 23520 百万元 = 235.2 亿元 against 240 亿元
    assert r["achieved"] == 23520 and r["achieved_unit"] == "百万元" and r["unit"] == "亿元"
    assert r["gap"] == pytest.approx(-4.8) and r["met"] == False  # noqa: E712


def test_a_result_that_went_the_other_way_counts_as_negative():
    # 增长5% aimed at, 下降2% reported (values are written positive; direction says which way)
    table = q(("a", 1, 2, "target", GDP, "change", 5, None, "%", "=", 2020, "地区生产总值增长5%"),
              ("b", 3, 4, "achieved", GDP, "change", 2, None, "%", "=", 2020, "地区生产总值下降2%"),
              ("a", 5, 6, "target", "单位GDP能耗", "change", 3, None, "%", "=", 2020, "单位GDP能耗下降3%"),
              ("b", 7, 8, "achieved", "单位GDP能耗", "change", 3.5, None, "%", "=", 2020, "单位GDP能耗下降3.5%"),
              place={"a": "甲市", "b": "甲市"})
    table["direction"] = ["up", "down", "down", "down"]
    a = textstat_attainment(table).set_index("indicator")
    assert (a.loc[GDP, "achieved"], a.loc[GDP, "met"], a.loc[GDP, "gap"]) == (-2, False, -7)
    # the same direction on both sides: a reduction of 3.5% meets one of 3%
    assert (a.loc["单位GDP能耗", "achieved"], a.loc["单位GDP能耗", "met"]) == (3.5, True)


def test_a_bare_generic_noun_is_never_paired_across_documents():
    # 海拉尔: 保护区4家企业全部退出 (2017 report) and 为公交公司等19家企业发放社会保险补贴 (2018
    # report) are both "企业", but not the same companies: no target met, no row at all
    table = q(("a", 1, 2, "target", "企业", "count", 4, None, "家", "=", 2017, "实现保护区4家企业全部退出"),
              ("b", 3, 4, "achieved", "企业", "count", 19, None, "家", "=", 2017, "为公交公司等19家企业发放社会保险补贴"),
              ("a", 5, 6, "target", "新增城镇就业", "count", 5700, None, "人", ">=", 2017, "新增就业5700人以上"),
              ("b", 7, 8, "achieved", "新增城镇就业", "count", 6435, None, "人", "=", 2017, "新增就业6435人"),
              place={"a": "甲市", "b": "甲市"})
    a = textstat_attainment(table)
    assert a["indicator"].tolist() == ["新增城镇就业"] and a["met"].tolist() == [True]


def test_an_attribute_is_never_judged():
    # 海拉尔 2014 and 2015: the mine's capacity names it in both reports; 700 = 700 says nothing
    # of the target (核准 and 开工), so no row at all, while the GDP pair is judged
    table = q(("a", 1, 2, "target", "露天矿", "attribute", 700, None, "万吨", "=", 2014,
               "确保大唐700万吨露天矿一季度完成核准并开工建设"),
              ("b", 3, 4, "achieved", "露天矿", "attribute", 700, None, "万吨", "=", 2014,
               "大唐700万吨露天矿完成项目核准"),
              ("a", 5, 6, "target", GDP, "change", 8, None, "%", "=", 2014, "地区生产总值增长8%"),
              ("b", 7, 8, "achieved", GDP, "change", 9.1, None, "%", "=", 2014, "地区生产总值增长9.1%"),
              place={"a": "甲市", "b": "甲市"})
    a = textstat_attainment(table)
    assert a["indicator"].tolist() == [GDP] and a["met"].tolist() == [True]


def test_of_one_documents_statements_the_one_worded_like_the_target():
    # 海拉尔's 2016 report: 3000 jobs of a shopping district come first, the district's 5650
    # later; the second shares 全年, 新增就业 and 城镇登记失业率控制 with the target's sentence
    target = "全年新增就业5700人以上，城镇登记失业率控制在4%以内。"
    district = "全年共发放就业小额担保贷款1600万元，全年实现新增就业5650人，再就业2100人，城镇登记失业率控制到3.9%。"
    table = q(("r2015", 1, 5, "target", "新增城镇就业", "count", 5700, None, "人", ">=", 2015, target),
              ("r2016", 10, 14, "achieved", "新增城镇就业", "count", 3000, None, "人", "=", 2015,
               "全年新增营业面积10万平方米，新增就业3000人。"),
              ("r2016", 90, 94, "achieved", "新增城镇就业", "count", 5650, None, "人", "=", 2015, district),
              place={"r2015": "海拉尔区", "r2016": "海拉尔区"})
    table["doc_year"] = table["doc"].map({"r2015": 2015, "r2016": 2016})
    r = row(textstat_attainment(table), 2015, "count")
    assert (r["achieved"], r["achieved_start"], r["met"], r["gap"]) == (5650, 90, False, -50)
    assert r["other_achieved"] == "3000人 (r2016 @10)"


def test_latest_document_states_a_finished_year():
    table = q(("a", 1, 2, "target", GDP, "change", 7, None, "%", "=", 2016, "t"),
              ("b", 3, 4, "achieved", GDP, "change", 7.2, None, "%", "=", 2016, "first report"),
              ("c", 5, 6, "achieved", GDP, "change", 6.8, None, "%", "=", 2016, "revised"),
              ("c", 7, 8, "target", GDP, "change", 6, None, "%", "=", 2018, "t2"),
              ("b", 7, 8, "target", GDP, "change", 6.5, None, "%", "=", 2017, "t3"))
    table["doc_year"] = table["doc"].map({"a": 2016, "b": 2017, "c": 2018})
    r = row(textstat_attainment(table), 2016)
    assert (r["achieved"], r["achieved_doc"], r["met"]) == (6.8, "c", False)
    assert r["other_achieved"] == "7.2% (b @3)"


def test_plan_period_averages_are_their_own_rows():
    # the 15th plan's 年均增长5%左右 and the 2026 target 5.5% are kept apart
    # (rows as quantities() gives them: the average over 十五五 is avg_change, 2026–2030)
    s = "“十五五”时期地区生产总值年均增长5%左右,今年增长5.5%"
    table = q(("p", 10, 11, "target", GDP, "avg_change", 5, None, "%", "~", 2030, s),
              ("p", 20, 23, "target", GDP, "change", 5.5, None, "%", "=", 2026, s))
    table["period_start"] = pd.array([2026, 2026], dtype="Int64")
    table["period_end"] = pd.array([2030, 2026], dtype="Int64")
    a = textstat_attainment(table)
    assert len(a) == 2
    annual = row(a, 2026)
    assert annual["target"] == 5.5 and annual["other_targets"] == ""
    avg = a[a["measure"] == "avg_change"].iloc[0]
    assert pd.isna(avg["year"]) and avg["period"] == "2026–2030" and avg["target"] == 5


def test_contract_period_columns_are_used():
    table = q(("p", 10, 11, "target", GDP, "avg_change", 5, None, "%", "~", None, "年均增长5%左右"),
              ("p", 20, 23, "target", GDP, "change", 5.5, None, "%", "=", 2026, "增长5.5%"))
    table["period_start"] = pd.array([2026, 2026], dtype="Int64")
    table["period_end"] = pd.array([2030, 2026], dtype="Int64")
    a = textstat_attainment(table)
    assert set(a["period"]) == {"2026", "2026–2030"}


def test_periods_come_from_the_extractor_and_averages_hold_no_year():
    from policytext import corpus, quantities

    s = ("2016年政府工作报告\n一、2015年工作回顾\n"
         "地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元,年均增长12.1%;同比增长8.9%。\n")
    c = corpus({"d": s}, meta={"d": {"date_delivered": "2016-02-19"}})
    p = quantities_periods(quantities(c), corpus=c)
    rates = p[p["unit"] == "%"]
    assert list(rates["measure"]) == ["avg_change", "change"]
    assert pd.isna(rates["year"].iloc[0]) and rates["period"].tolist() == ["2010–2015", "2015"]


def test_a_table_without_period_columns_holds_single_years():
    p = quantities_periods(q(("d", 0, 0, "target", GDP, "change", 7, None, "%", "=", 2022, "增长7%")))
    assert (p["period_start"].iloc[0], p["period_end"].iloc[0], p["period"].iloc[0]) == (2022, 2022, "2022")


def test_empty_and_bad_input():
    assert list(textstat_attainment(TOY.iloc[0:0]).columns) == ATTAINMENT_COLUMNS
    with pytest.raises(PolicyTextError, match="lacks columns"):
        textstat_attainment(pd.DataFrame({"doc": ["a"]}))




# ------------------------------------------------------------------ the bundled corpus, via the CLI

def test_cli_hailar_matches_the_headline_table(capsys):
    from policytext.cli import main
    from policytext.corpus import DATA_CORPORA_DIR

    folder = DATA_CORPORA_DIR / "hailar"
    assert main(["targets", *sorted(str(p) for p in folder.glob("*.txt")), "--csv"]) == 0
    out = capsys.readouterr()
    table = pd.read_csv(io.StringIO(out.out))
    assert list(table.columns) == ATTAINMENT_COLUMNS and out.err == ""
    headline = pd.read_csv(folder / "headline.csv")
    both = headline.dropna(subset=["gdp_growth_target", "gdp_growth_achieved"])
    assert len(both) == 6
    gdp = table[(table["measure"] == "change") & table["indicator"].isin([GDP, "经济增长"])]
    for h in both.itertuples():
        rows = gdp[gdp["year"] == h.year]
        assert len(rows) == 1, h.year
        r = rows.iloc[0]
        assert (r["target"], r["achieved"]) == (h.gdp_growth_target, h.gdp_growth_achieved), h.year
        assert (r["target_doc"], r["achieved_doc"]) == (h.target_doc, h.achieved_doc)
        assert r["met"] == (h.gdp_growth_achieved >= h.gdp_growth_target - (0.5 if h.relation == "~" else 0))
    # targets with no result yet are kept
    assert set(gdp[gdp["achieved"].isna()]["year"]) == {2017, 2019}
    # 2016's 年均增长12.1% (2010–2015) is not the growth of 2015
    assert gdp[gdp["year"] == 2015].iloc[0]["achieved"] == 8.9


def test_cli_without_metadata_reads_the_place_or_says_so(tmp_path, capsys):
    from policytext.cli import main

    body = "——2015年2月5日\n经济社会发展主要预期目标是：地区生产总值增长8%。\n"
    (tmp_path / "a.txt").write_text("海拉尔区政府工作报告\n" + body, encoding="utf-8")
    (tmp_path / "b.txt").write_text("政府工作报告\n" + body, encoding="utf-8")
    assert main(["targets", str(tmp_path / "a.txt"), "--csv"]) == 0
    out = capsys.readouterr()
    assert out.err == "" and "海拉尔区" in out.out
    assert main(["targets", str(tmp_path / "b.txt"), "--csv"]) == 0
    assert "all files are taken as one place" in capsys.readouterr().err


def test_attainment_plot():
    from matplotlib.figure import Figure

    fig = textplot_attainment(textstat_attainment(TOY), indicator="GDP")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    labels = ax.get_legend_handles_labels()[1]
    assert "outcome (missed)" in labels and "estimate" in labels and "target band" in labels
    assert [int(t) for t in ax.get_xticks()] == [2011, 2012, 2013]
    with pytest.raises(PolicyTextError, match="no yearly 'change' targets"):
        textplot_attainment(textstat_attainment(TOY), indicator="粮食产量")


def test_a_series_is_one_unit_a_change_in_yuan_is_not_drawn_beside_rates():
    from policytext.attainment import attainment_subset

    income = "城镇居民人均可支配收入"
    table = textstat_attainment(q(
        ("r2015", 10, 12, "target", income, "change", 10, None, "%", "=", 2015, "城镇居民人均可支配收入增长10%"),
        ("r2016", 20, 23, "achieved", income, "change", 8.1, None, "%", "=", 2015, "增长8.1%"),
        ("r2016", 30, 35, "achieved", income, "change", 13480, None, "元", "=", 2015, "比2010年增加13480元"),
        ("r2016", 40, 42, "target", income, "change", 8, None, "%", "=", 2016, "增长8%"),
        place={"r2015": "海拉尔区", "r2016": "海拉尔区"}))
    assert set(table["unit"]) == {"%", "元"}
    rows = attainment_subset(table, indicator=income, measure="change", place="海拉尔区")
    assert list(rows["unit"]) == ["%", "%"] and list(rows["year"]) == [2015, 2016]
    assert attainment_subset(table, indicator=income, measure="change", place="别处").empty
    ax = textplot_attainment(table, indicator=income, measure="change").axes[0]
    assert ax.get_ylabel() == "%"
    # an outcome at a band's bottom is drawn whole: the axis runs below it (海拉尔 2018: 7%左右, 6.5%)
    band = textstat_attainment(q(
        ("r18", 10, 12, "target", income, "change", 7, None, "%", "~", 2018, "增长7%左右"),
        ("r19", 20, 23, "achieved", income, "change", 6.5, None, "%", "=", 2018, "增长6.5%"),
        ("r19", 30, 32, "target", income, "change", 6, None, "%", "~", 2019, "增长6%左右"),
        place={"r18": "海拉尔区", "r19": "海拉尔区"}))
    low, high = textplot_attainment(band, indicator=income, measure="change").axes[0].get_ylim()
    assert low < 5.5 - 0.1 and high > 7.5


def test_a_span_has_no_year_even_if_the_extractor_gives_one():
    table = q(("p", 10, 11, "target", GDP, "avg_change", 5, None, "%", "~", 2030, "年均增长5%左右"),
              ("p", 20, 23, "target", GDP, "change", 5.5, None, "%", "=", 2026, "增长5.5%"))
    table["period_start"] = pd.array([2026, 2026], dtype="Int64")
    table["period_end"] = pd.array([2030, 2026], dtype="Int64")
    p = quantities_periods(table)
    assert pd.isna(p["year"].iloc[0]) and p["year"].iloc[1] == 2026
    a = textstat_attainment(table)
    assert a[a["measure"] == "avg_change"]["year"].isna().all()


def test_registered_indicators_only():
    table = pd.concat([TOY, q(("r2013", 1, 2, "achieved", "幼儿园", "count", 3, None, "所", "=", 2012, "新建3所幼儿园"),
                              place={"r2013": "海拉尔区"})])
    assert "幼儿园" in set(textstat_attainment(table)["indicator"])
    assert set(textstat_attainment(table, registered=True)["indicator"]) == {GDP}


def test_place_from_the_text_when_metadata_has_none():
    from policytext import corpus
    from policytext.quantities import quantities

    c = corpus({"a": "海拉尔区政府工作报告\n2015年地区生产总值增长8.9%。\n",
                "b": "政府工作报告\n2015年地区生产总值增长8.9%。\n"},
               meta={"a": {"year": 2016}, "b": {"year": 2016, "place": "满洲里市"}})
    a = textstat_attainment(quantities(c), corpus=c)
    assert dict(zip(a["achieved_doc"], a["place"])) == {"a": "海拉尔区", "b": "满洲里市"}


def test_a_target_is_followed_across_the_budget_laws_rename():
    # 海拉尔: the 2016 report sets 公共财政预算收入增长5%; the 2017 report, after the 2014 budget
    # law's names reached it, gives 一般公共财政预算收入…增长13% for 2016
    from policytext import corpus
    from policytext.quantities import quantities

    c = corpus({"r2016": "2016年政府工作报告\n今年主要预期目标是：公共财政预算收入增长5%，达到15.8亿元。\n",
                "r2017": "2017年政府工作报告\n2016年，一般公共财政预算收入完成17亿元，增长13%。\n"},
               meta={"r2016": {"year": 2016, "place": "海拉尔区"}, "r2017": {"year": 2017, "place": "海拉尔区"}})
    a = textstat_attainment(quantities(c), corpus=c)
    judged = a[a["met"].notna()]
    assert judged[["indicator", "measure", "target", "achieved"]].values.tolist() == [
        ["一般公共预算收入", "change", 5, 13], ["一般公共预算收入", "level", 15.8, 17]]


def test_a_fall_written_with_a_minus_or_as_negative_growth_misses_a_growth_target():
    """From the text: 增长-1.5% and 负增长3% are falls (the tables had 增长1.5% and 进出口总额负 +3%)."""
    from policytext import corpus, quantities

    texts = {"plan": "今年主要预期目标是：地区生产总值增长6%左右，进出口总额增长3%，社会消费品零售总额增长5%。",
             "result": "过去一年，全市地区生产总值增长-1.5%，进出口总额负增长3%，社会消费品零售总额-2.0%。"}
    meta = {"plan": {"place": "甲市", "date_delivered": "2020-01-10"},
            "result": {"place": "甲市", "date_delivered": "2021-01-12"}}
    found = quantities(corpus(texts, meta=meta))
    said = found[found["doc"] == "result"]
    assert [(r.indicator, r.value, r.direction) for r in said.itertuples()] == [
        (GDP, -1.5, "up"), ("进出口总额", 3.0, "down"), ("社会消费品零售总额", -2.0, "")]
    assert [texts["result"][r.start:r.end] for r in said.itertuples()] == ["-1.5", "3", "-2.0"]
    judged = textstat_attainment(found).set_index("indicator")
    assert (judged.loc[GDP, "achieved"], judged.loc[GDP, "met"], judged.loc[GDP, "gap"]) == (-1.5, False, -7.5)
    assert (judged.loc["进出口总额", "achieved"], judged.loc["进出口总额", "met"]) == (-3.0, False)


def test_one_value_for_both_halves_is_a_target_for_each():
    # 海拉尔 2018: 城乡居民人均可支配收入分别增长7.5%; the 2019 report gives each half's result
    target = "城乡居民人均可支配收入分别增长7.5%;"
    results = "城镇居民人均可支配收入增长6.5%,农村居民人均可支配收入增长9.4%。"
    frame = q(("r2018", 30, 34, "target", "城乡居民人均可支配收入", "change", 7.5, None, "%", "=", 2018, target),
              ("r2019", 20, 24, "achieved", "城镇居民人均可支配收入", "change", 6.5, None, "%", "=", 2018, results),
              ("r2019", 40, 44, "achieved", "农村居民人均可支配收入", "change", 9.4, None, "%", "=", 2018, results),
              place={"r2018": "海拉尔区", "r2019": "海拉尔区"})
    frame["text"] = ["7.5%", "6.5%", "9.4%"]
    frame["indicator_text"] = frame["indicator"]
    a = textstat_attainment(frame).set_index("indicator")
    assert list(a.index) == ["农村居民人均可支配收入", "城镇居民人均可支配收入"]
    assert list(a["target"]) == [7.5, 7.5] and list(a["met"]) == [True, False]
    assert list(a["target_start"]) == [30, 30] and set(a["target_sentence"]) == {target}
    # without 分别 a growth target of 城乡居民 is still one for each half (海拉尔 2013: 城乡居民可支配收入
    # 增长18%; reports state the halves' results, and write the whole as 全体居民 or 居民人均)
    frame.loc[0, "sentence"] = "城乡居民人均可支配收入增长7.5%;"
    a = textstat_attainment(frame).set_index("indicator")
    assert list(a.index) == ["农村居民人均可支配收入", "城镇居民人均可支配收入"]
    assert list(a["met"]) == [True, False]
    # a level in 元 is no promise for each half: one row, no result
    level = frame.assign(unit=["元", "%", "%"], measure=["level", "change", "change"])
    level.loc[0, ["value", "sentence", "text"]] = [30000, "城乡居民人均可支配收入达到30000元;", "30000元"]
    a = textstat_attainment(level)
    assert a[a["indicator"] == "城乡居民人均可支配收入"]["target"].tolist() == [30000]
    # two values after 分别 are read in order by the subject step, not here
    frame.loc[0, "sentence"] = "城乡居民人均可支配收入分别增长7.5%和8%;"
    assert "城乡居民人均可支配收入" in set(textstat_attainment(frame)["indicator"])


def test_one_value_after_both_halves_named_for_the_whole_is_split_too():
    # 海拉尔 2016 sets one target for both incomes; the 2018 report gives one growth for both
    target = "城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%;"
    result = "城镇和农村居民人均可支配收入分别达35512元、25689元,分别同比增长7.8%。"
    frame = q(("r2016", 34, 36, "target", "城乡居民人均可支配收入", "change", 8, None, "%", "=", 2016, target),
              ("r2017", 42, 46, "achieved", "城乡居民人均可支配收入", "change", 7.8, None, "%", "=", 2016, result),
              place={"r2016": "海拉尔区", "r2017": "海拉尔区"})
    frame["text"] = ["8%", "7.8%"]
    frame["indicator_text"] = frame["indicator"]
    a = textstat_attainment(frame).set_index("indicator")
    assert list(a.index) == ["农村居民人均可支配收入", "城镇居民人均可支配收入"]
    assert list(a["target"]) == [8, 8] and list(a["achieved"]) == [7.8, 7.8] and list(a["met"]) == [False, False]
    # 年均 is no 均 (no value for both), but a growth target of 城乡居民 is one for each half all the same
    frame.loc[0, "sentence"] = "城镇、农村居民人均可支配收入年均增长8%;"
    assert set(textstat_attainment(frame)["indicator"]) == {"农村居民人均可支配收入", "城镇居民人均可支配收入"}


def test_a_count_in_another_measure_word_is_not_judged():
    # 海拉尔 2014: 新增就业岗位5000个 (posts) as the target; the 2015 report: 新增城镇就业5487人
    # (people). Even under one indicator name, 个 and 人 are not compared.
    frame = q(("r2014", 10, 14, "target", "新增城镇就业", "count", 5000, None, "个", "=", 2014, "新增就业岗位5000个"),
              ("r2015", 20, 25, "achieved", "新增城镇就业", "count", 5487, None, "人", "=", 2014, "新增就业5487人"),
              ("r2014", 30, 32, "target", "学校", "count", 3, None, "个", "=", 2014, "新建学校3个"),
              ("r2015", 40, 42, "achieved", "学校", "count", 3, None, "所", "=", 2014, "建成学校3所"),
              place={"r2014": "海拉尔区", "r2015": "海拉尔区"})
    a = textstat_attainment(frame).set_index("indicator")
    jobs = a.loc[["新增城镇就业"]]
    assert len(jobs) == 2 and jobs["met"].isna().all()
    assert sorted(zip(jobs["unit"], jobs["target"].fillna(0), jobs["achieved"].fillna(0))) == [
        ("个", 5000, 0), ("人", 0, 5487)]
    assert len(a.loc[["学校"]]) == 2     # 个 and 所 of another indicator: not compared


# ---------------------------------------------------------------- a result under another name

def _open(year, indicator, value, unit, side, measure="count", *, period=None):
    """One row of an attainment table with only a target (side "target") or only a result; a
    plan-period row has a ``period`` such as "2026–2030" and ``year`` None."""
    row = {c: None for c in ATTAINMENT_COLUMNS}
    row.update(place="海拉尔区", year=year, indicator=indicator, measure=measure, target=float("nan"),
               target_high=float("nan"), achieved=float("nan"), period=period or str(year))
    if side == "target":
        row.update(target=value, unit=unit, relation="=", target_doc=f"gov_{year}", target_start=2,
                   target_sentence=f"新建{indicator}")
    else:
        row.update(achieved=value, achieved_unit=unit, achieved_doc=f"gov_{year + 1}", achieved_start=3,
                   achieved_sentence=f"建成{indicator}")
    return row


def test_possible_results_never_answer_one_plan_period_with_another():
    # provinces2026, 安徽: 年均增长5%—5.5% for 2026–2030 and 年均增长5.7% over 2021–2025 are both
    # plan-period rows without a year; they were paired as one thing
    table = pd.DataFrame([
        _open(None, GDP, 5, "%", "target", "avg_change", period="2026–2030"),
        _open(2020, GDP, 5.7, "%", "result", "avg_change", period="2021–2025"),
        _open(None, "城乡居民收入", 6, "%", "target", "avg_change", period="2021–2025"),
        _open(2020, "城乡居民收入", 6.8, "%", "result", "avg_change", period="2021–2025"),
    ])
    p = textstat_possible_results(table)
    assert p[["target_indicator", "target", "achieved"]].values.tolist() == [["城乡居民收入", 6, 6.8]]


def test_possible_results_pair_open_targets_with_results_of_like_names():
    table = pd.DataFrame([
        _open(2018, "水冲式公厕", 30, "座", "target"), _open(2018, "水冲式公共厕所", 26, "座", "result"),
        _open(2015, "大棚", 300, "个", "target"), _open(2015, "蔬菜大棚", 300, "个", "result"),
        _open(2017, "老旧小区改造", 36, "个", "target"), _open(2017, "老旧小区基础设施综合改造", 45, "个", "target"),
        _open(2017, "老旧小区改造任务", 45, "个", "result"),
        _open(2013, "城乡居民人均可支配收入", 18, "%", "target", "change"),
        _open(2013, "农村居民人均可支配收入", 14.1, "%", "result", "change"),
        _open(2016, "温室", 20, "个", "target"), _open(2016, "温室", 20, "亩", "result"),
        _open(2016, "重点农牧业项目", 33, "个", "target"), _open(2016, "重点工业项目", 34, "个", "result"),
    ])
    p = textstat_possible_results(table)
    # 水冲式公厕 / 水冲式公共厕所: pairs 水冲 冲式 式公 公厕 / 水冲 冲式 式公 公共 共厕 厕所: 2 * 3 / 10 = 0.6
    # 大棚 / 蔬菜大棚: 2 * 1 / 4 = 0.5, kept because the values are equal (from 0.4)
    # 老旧小区改造任务 45 answers the target of equal value, not the likelier name with 36
    assert p[["target_indicator", "result_indicator", "likeness", "same_value"]].values.tolist() == [
        ["水冲式公厕", "水冲式公共厕所", 0.6, False], ["大棚", "蔬菜大棚", 0.5, True],
        ["老旧小区基础设施综合改造", "老旧小区改造任务", 0.44, True]]
    assert p["met_if_same"].tolist() == [False, True, True]          # 26 of 30 toilets is short
    assert p.loc[0, ["target_doc", "achieved_doc"]].tolist() == ["gov_2018", "gov_2019"]
    assert p.loc[0, ["target_start", "achieved_start"]].tolist() == [2, 3]     # each side traceable
    # not paired: a half with both halves, 个 with 亩, 农牧业 with 工业 (0.55, values differ)
    assert textstat_possible_results(table.iloc[7:]).empty
    assert textstat_possible_results(table.iloc[0:0]).empty


def test_new_ones_and_totals_meet_their_results_however_the_two_reports_word_them():
    # hostile review: 新增 before or after the name, 新培育 for 新增, 攻克 for 突破, a 、 list with the
    # unemployment rate, and a stock after 新增…，达到…: each target meets its result, none another's
    import policytext as pt

    plan = ("2025年主要预期目标是：新增城镇就业5万人以上、城镇调查失业率5.5%左右。"
            "力争新增高新技术企业300家，新培育科技型中小企业3000家，攻克关键核心技术40项，"
            "国家级专精特新“小巨人”企业达到90家。\n")
    review = ("一、2025年工作回顾\n2025年，新增城镇就业5.3万人、城镇调查失业率5.1%。高新技术企业新增320家，"
              "新增科技型中小企业3100家，突破关键核心技术45项，国家级专精特新“小巨人”企业新增12家，达到92家。\n")
    c = pt.corpus({"r2025": "2025年政府工作报告\n" + plan, "r2026": "2026年政府工作报告\n" + review})
    for doc, year in (("r2025", 2025), ("r2026", 2026)):
        c[doc].meta.update(place="某省", year=year)
    t = textstat_attainment(pt.quantities(c, cache=False), corpus=c)
    pairs = t.dropna(subset=["target", "achieved"]).set_index("indicator")[["target", "achieved", "met"]]
    assert pairs.to_dict("index") == {
        "关键核心技术": {"target": 40, "achieved": 45, "met": True},
        "国家级专精特新小巨人企业": {"target": 90, "achieved": 92, "met": True},
        "城镇调查失业率": {"target": 5.5, "achieved": 5.1, "met": True},
        "新增城镇就业": {"target": 5, "achieved": 5.3, "met": True},
        "新增科技型中小企业": {"target": 3000, "achieved": 3100, "met": True},
        "新增高新技术企业": {"target": 300, "achieved": 320, "met": True}}


@pytest.mark.parametrize("text, names", [
    # 陕西 2026: one value for two indicators is the target of each (the label audit's one wrong
    # headline target of the 十五五 plans)
    ("“十五五”时期，工业投资、民间投资年均增长6%左右。", ["工业固定资产投资", "民间投资"]),
    # one name, not a list of indicators; or an item whose subject is not written
    ("交通运输、仓储和邮政业增长8.5%。", ["交通运输仓储邮政业"]),
    ("省属企业工业总产值、利润均实现翻一番。", ["省属企业工业总产值利润"]),
    # (hostile review) an amount or a level after a list is the items' total, or one item's
    ("完成交通投资、水利投资1000亿元以上。", ["交通投资水利投资"]),
    ("一般公共预算收入、税收收入占比达到75%。", ["一般公共预算收入税收收入占比"]),
    ("居民人均可支配收入、消费支出均增长5%。", ["居民人均可支配收入消费支出"]),
])
def test_one_value_for_a_list_of_indicators_is_each_ones(text, names):
    import policytext as pt
    from policytext.attainment import both_halves

    c = pt.corpus({"d": text})
    c["d"].meta.update(place="某省", year=2026)
    assert both_halves(pt.quantities(c, cache=False))["indicator"].tolist() == names


def test_possible_results_give_no_verdict_for_sums_of_money():
    # 海拉尔: 投资1.15亿元的黑羊站水厂改扩建工程开工建设 is the project's cost, not the year's result
    table = pd.DataFrame([_open(2015, "黑羊站水厂改扩建工程投资", 1, "亿元", "target", "level"),
                          _open(2015, "黑羊站水厂改扩建投资", 1.15, "亿元", "result", "level")])
    p = textstat_possible_results(table)
    assert p["result_indicator"].tolist() == ["黑羊站水厂改扩建投资"] and p["met_if_same"].isna().all()
