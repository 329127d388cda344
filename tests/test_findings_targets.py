"""Markdown findings from the target-tracking tables (findings_attainment, findings_revisions and
findings_crosssection)."""
import pandas as pd

from policytext.attainment import ATTAINMENT_COLUMNS
from policytext.crosssection import CROSSSECTION_COLUMNS
from policytext.findings_crosssection import md_crosssection
from policytext.findings_attainment import md_attainment
from policytext.findings_revisions import md_restated, md_revisions
from policytext.revisions import REVISION_COLUMNS

GDP = "地区生产总值"


def attainment(*rows):
    cols = ["place", "indicator", "measure", "year", "target", "target_high", "relation", "achieved", "met", "gap",
            "unit", "achieved_unit", "achieved_kind"]
    t = pd.DataFrame([dict(zip(cols, r)) for r in rows]).reindex(columns=ATTAINMENT_COLUMNS)
    t["met"] = t["met"].astype("boolean")
    t["year"] = t["year"].astype("Int64")
    return t


HAILAR = attainment(
    ("海拉尔区", GDP, "change", 2012, 21, None, "=", 18.5, False, -2.5, "%", "%", "achieved"),
    ("海拉尔区", GDP, "change", 2013, 20, None, "=", 10.1, False, -9.9, "%", "%", "achieved"),
    ("海拉尔区", GDP, "change", 2015, 8, None, "=", 8.9, True, 0.9, "%", "%", "achieved"),
    ("海拉尔区", GDP, "change", 2018, 6, None, "~", 6.0, True, 0.0, "%", "%", "estimate"),
    ("海拉尔区", GDP, "change", 2019, 3.5, None, "~", None, None, None, "%", None, ""),
    ("海拉尔区", GDP, "change", 2011, None, None, None, 22.3, None, None, "%", "%", "achieved"),
)


def test_md_attainment_counts_and_years():
    text = md_attainment(HAILAR)
    assert text.startswith("For 地区生产总值 (change) in 海拉尔区: of 4 years with both a target and a result, "
                           "2 met the target and 2 missed it.")
    assert "Missed: 2012: 21% target, 18.5% achieved; 2013: 20% target, 10.1% achieved." in text
    assert "2018: ≈6% target, 6% estimated" in text
    assert "The largest shortfall was 9.9 percentage points (2013)." in text
    one_point = HAILAR[HAILAR["year"].isin([2012, 2015])].assign(achieved=[20.0, 8.9], gap=[-1.0, 0.9])
    assert "The largest shortfall was 1 percentage point (2012)." in md_attainment(one_point)
    assert "1 of the results is an estimate (预计), not a final figure." in text
    assert "No result is stated yet for the target of 2019." in text
    later = attainment(("海拉尔区", GDP, "change", 2020, 6, None, "~", None, None, None, "%", None, ""))
    assert "for the targets of 2019 and 2020." in md_attainment(pd.concat([HAILAR, later]))
    # with the corpus: the 2018 report is there and states no result for 2017; 2020's is not there
    from policytext import corpus

    reports = corpus({f"r{y}": f"{y}年政府工作报告。" for y in range(2017, 2020)})
    for doc in reports:
        doc.meta.update(place="海拉尔区", year=int(doc.id[1:]))
    open_2017 = attainment(("海拉尔区", GDP, "change", 2017, 7.5, None, "~", None, None, None, "%", None, ""))
    text = md_attainment(pd.concat([HAILAR, open_2017]), corpus=reports)
    assert ("The report of 2018 states no result for the target of 2017. "
            "No result is stated yet for the target of 2019.") in text
    assert "No result is stated yet for the targets of 2017 and 2019." in md_attainment(pd.concat([HAILAR, open_2017]))
    one = md_attainment(HAILAR[HAILAR["year"] == 2015])
    assert one.startswith("For 地区生产总值 (change) in 海拉尔区: 1 year has both a target and a result, and the "
                          "target was met. Met: 2015: 8% target, 8.9% achieved.")
    missed = md_attainment(HAILAR[HAILAR["year"] == 2013])
    assert "1 year has both a target and a result, and the target was missed." in missed


def test_md_attainment_many_indicators_only_counts():
    t = pd.concat([HAILAR, attainment(("海拉尔区", "粮食产量", "level", 2012, 10, None, "=", 9, False, -1, "万吨",
                                       "万吨", "achieved"))])
    text = md_attainment(t, detail=2)
    assert "of 5 target–result pairs" in text and "Missed:" not in text and "shortfall" not in text


def test_md_attainment_escapes_names():
    t = attainment(("*X*市", "[链接](x)", "change", 2012, 5, None, "=", 6, True, 1, "%", "%", "achieved"))
    text = md_attainment(t)
    assert r"\*X\*市" in text and r"\[链接\]\(x\)" in text


def test_md_nothing_to_show():
    for md, table, cols in ((md_attainment, HAILAR.iloc[4:], None), (md_revisions, None, REVISION_COLUMNS),
                            (md_crosssection, None, CROSSSECTION_COLUMNS)):
        table = table if table is not None else pd.DataFrame(columns=cols)
        text = md(table)
        assert text.startswith("*Nothing to show for this selection") and text.count(".") == 1


def test_md_revisions():
    r = pd.DataFrame([{"place": "海拉尔区", "indicator": GDP, "measure": "level", "kind": "restated base",
                       "earlier_value": 303.6, "unit": "亿元", "earlier_year": 2016, "earlier_doc": "2017.txt",
                       "later_value": 192.3, "later_unit": "亿元", "later_year": 2018, "later_doc": "2019.txt",
                       "implied_growth": -20.41, "stated_growth": 6.0, "unexplained_growth": -40.24,
                       "unstated_years": "2017", "restatement_cue": ""},
                      {"place": "", "indicator": GDP, "measure": "change", "kind": "estimate replaced",
                       "earlier_value": 7, "unit": "%", "earlier_year": 2016, "earlier_doc": "a",
                       "later_value": 7.2, "later_unit": "%", "later_year": 2016, "later_doc": "b"}],
                     ).reindex(columns=REVISION_COLUMNS)
    text = md_revisions(r)
    assert text.startswith("2 figures are stated differently across documents (restated base: 1, "
                           "estimate replaced: 1).")
    assert md_revisions(r.iloc[:1]).startswith("1 figure is stated differently across documents (restated base: 1).")
    assert ("海拉尔区 地区生产总值 (level): 303.6亿元 for 2016 (2017\\.txt), then 192.3亿元 for 2018 (2019\\.txt) — "
            "-20.4% a year, against reported growth of 6% for 2018; no report states growth for 2017, which would "
            "need -40.2% a year: a restated base, or a change of that size then.") in text
    # the later sentence's own words settle it
    said = r.iloc[[0]].assign(stated_growth=float("nan"), restatement_cue="剔除虚增空转因素")
    assert ("-20.4% a year; no report states growth for 2017; the later sentence says 剔除虚增空转因素: "
            "a restated base.") in md_revisions(said)
    # …and so do a report's words between the two (海拉尔 2018: 解决经济数据不实…问题)
    between = r.iloc[[0]].assign(restatement_cue="数据不实", restatement_doc="2018.txt", later_sentence="完成192.3亿元",
                                 restatement_sentence="解决经济数据不实和财政收入虚增空转等问题。")
    assert ("no report states growth for 2017; the report 2018\\.txt says 数据不实: a restated base.") in \
        md_revisions(between)
    assert "地区生产总值 (change): 7% for 2016 (a), then 7.2% for 2016 (b) (estimate replaced)." in text
    assert "more in the table" not in text and "1 more in the table." in md_revisions(r, top=1)


def test_md_restated_names_the_widest_gap_of_the_restated_levels_only():
    # hailar: levels fall between reports that state growth (the 2017 statistical clean-up)
    row = {"place": "海拉尔区", "measure": "level", "kind": "restated base", "unit": "亿元", "later_unit": "亿元"}
    r = pd.DataFrame([{**row, "indicator": GDP, "earlier_value": 303.6, "earlier_year": 2016, "later_value": 192.3,
                       "later_year": 2018, "implied_growth": -20.41, "stated_growth": 6.0, "unexplained_growth": -40.24,
                       "unstated_years": "2017"},
                      {**row, "indicator": "规模以上工业总产值", "earlier_value": 198.1, "earlier_year": 2016,
                       "later_value": 90.1, "later_year": 2018, "implied_growth": -32.56, "stated_growth": 6.9,
                       "unexplained_growth": -57.46, "unstated_years": "2017"},
                      {**row, "indicator": GDP, "kind": "revision", "earlier_value": 7, "later_value": 7.2}],
                     ).reindex(columns=REVISION_COLUMNS)
    # the widest unexplained change is -57.46% a year; the revision is not a restated level
    assert md_restated(r) == (
        "- **Restated series.** 2 levels of 海拉尔区 move between reports in a way the growth the reports state "
        "cannot explain (the widest gap: 规模以上工业总产值 198.1亿元 for 2016, then 90.1亿元 for 2018, -32.6% a "
        "year, against reported growth of 6.9% for 2018; no report states growth for 2017, which would need "
        "-57.5% a year): the series were restated on a new base (those of 地区生产总值 2016–2018 and 规模以上工业总产值 "
        "2016–2018 could also be a change in years for which no report states growth), so compare levels within "
        "one report, not across reports. Notebook 05 (section 2) lists them with both sentences.")
    certain = r.assign(unstated_years="")
    assert "new base, so compare" in md_restated(certain)
    assert md_restated(r.iloc[:1]).startswith("- **Restated series.** 1 level of 海拉尔区 moves between reports")
    assert md_restated(r.iloc[2:]) == md_restated(r.iloc[0:0]) == ""
    # a place name is escaped once, as every name in a sentence
    assert "1 level of 海拉尔\\_区 moves" in md_restated(r.iloc[:1].assign(place="海拉尔_区"))


def test_md_crosssection():
    x = pd.DataFrame({"place": ["海南省", "安徽省", "河南省", "青海省"], "indicator": GDP, "measure": "change",
                      "year": 2026, "target": [6, 5, 5, 4.5], "target_high": [None, 5.5, None, None],
                      "unit": "%", "average": [6, 5, None, None], "average_period": ["2026–2030"] * 2 + [None] * 2,
                      }).reindex(columns=CROSSSECTION_COLUMNS)
    x["difference"] = x["target"] - x["average"]
    text = md_crosssection(x)
    # 安徽's 5–5.5% is a range, not one of the 5%: only 河南 chose 5% as one figure
    assert text == ("4 places set a 2026 target for 地区生产总值 (change): from 4.5% (青海省) to 6% (海南省); "
                    "1 sets a range (安徽省 5–5\\.5%). 2 also set an average annual "
                    "rate for the plan period (2026–2030): the annual target is above it in 0, equal in 2 and "
                    "below it in 0. A range counts by its low end.")
    common = md_crosssection(x.assign(target=[6, 5, 5, 5]))
    assert "from 5% (安徽省) to 6% (海南省); 2 of them chose 5%; 1 sets a range (安徽省 5–5\\.5%)." in common
    one_each = md_crosssection(x[x["place"].isin(["海南省", "安徽省"])].assign(target_high=[None, 5.5],
                                                                             average=[6, None]))
    assert "1 sets a range (安徽省 5–5\\.5%). 1 also sets an average annual rate" in one_each
    # (a range without a unit says no 'nan')
    assert "nan" not in md_crosssection(x.assign(unit=None))
    same = md_crosssection(x.assign(target=5.0, target_high=None))
    assert same.startswith("4 places set a 2026 target for 地区生产总值 (change), all of them 5%.")
    # 民生实事 (count): 30项 and 46项, 10件 and 12类 are not one scale; the unit most places write
    # ranges, the others are named apart (江西's 10件 is not "10项")
    things = x.assign(indicator="民生实事", measure="count", target=[30, 46, 10, 12], target_high=None,
                      unit=["项", "项", "件", "类"], average=None)
    assert md_crosssection(things) == (
        "2 places set a 2026 target for 民生实事 (count): from 30项 (海南省) to 46项 (安徽省). "
        "Left out, in another unit: 河南省 10件 and 青海省 12类.")


def test_tracked_series_keeps_registry_indicators_and_series_judged_twice():
    from policytext.attainment import tracked_series
    from policytext.findings_attainment import md_attainment_scope

    table = pd.concat([HAILAR, attainment(
        # not in the registry, judged in 2012 and 2013: a series the district keeps
        ("海拉尔区", "地方财政总收入", "level", 2012, 20, None, "=", 20.67, True, 0.67, "亿元", "亿元", "achieved"),
        ("海拉尔区", "地方财政总收入", "level", 2013, 24.8, None, "=", 24.85, True, 0.05, "亿元", "亿元", "achieved"),
        ("海拉尔区", "地方财政总收入", "level", 2014, 28.8, None, "=", None, None, None, "亿元", None, ""),
        # judged once: a project; judged twice but in two places: no series either
        ("海拉尔区", "公厕", "count", 2016, 20, None, "=", 28, True, 8, "座", "座", "achieved"),
        ("甲区", "仓储库", "level", 2014, 2, None, "=", 3.2, True, 1.2, "万平方米", "万平方米", "achieved"),
        ("乙区", "仓储库", "level", 2015, 2, None, "=", 2, True, 0, "万平方米", "万平方米", "achieved"),
    )], ignore_index=True)
    kept = tracked_series(table)
    assert sorted(set(kept["indicator"])) == [GDP, "地方财政总收入"]
    assert len(kept[kept["indicator"] == "地方财政总收入"]) == 3      # its open year too
    assert md_attainment_scope(table, kept) == (
        "This summary keeps the indicators policytext knows (GDP, revenue, income, jobs …) and any other that a "
        "place judged in two years or more. 3 target–result pairs of one-off targets (an indicator judged in one "
        "year only) are left out here; `policytext targets` lists every pair.")
    assert md_attainment_scope(HAILAR, tracked_series(HAILAR)) == ""      # nothing left out: nothing said
    assert tracked_series(table, min_years=3)["indicator"].unique().tolist() == [GDP]


def test_md_restated_verdicts_names_the_verdicts_judged_on_figures_later_restated():
    from policytext.findings_revisions import md_restated_verdicts

    restated = pd.DataFrame([{"place": "海拉尔区", "indicator": GDP, "measure": "level", "kind": "restated base",
                              "earlier_year": 2016, "later_year": 2018, "restatement_cue": "数据不实"}]
                            ).reindex(columns=REVISION_COLUMNS)
    levels = attainment(
        ("海拉尔区", GDP, "level", 2012, 240, None, "=", 235.2, False, -4.8, "亿元", "亿元", "achieved"),
        ("海拉尔区", GDP, "level", 2015, 296, None, "=", 287.9, False, -8.1, "亿元", "亿元", "achieved"),
        ("海拉尔区", GDP, "level", 2018, 190, None, "=", 192.3, True, 2.3, "亿元", "亿元", "achieved"))
    # the levels of 2012 and 2015 rest on the old base; a new base alone (统计口径) says nothing of rates
    new_base = restated.assign(restatement_cue="统计口径")
    assert md_restated_verdicts(pd.concat([HAILAR, levels]), new_base) == (
        "2 of these verdicts judge a level stated on a base that a later report replaced, saying why (地区生产总值 "
        "2012–2015; section 2 gives the sentences): they rest on figures of the old base.")
    assert md_restated_verdicts(HAILAR, new_base) == ""
    # but untrue figures (数据不实, 虚增空转) make the rates judged up to then doubtful too: 2012, 2013, 2015
    # (2018 is after the restated year)
    assert md_restated_verdicts(pd.concat([HAILAR, levels]), restated).endswith(
        "old base. 3 verdicts on growth rates (地区生产总值 2012–2015) rest on the same figures, which the later "
        "report calls inflated or untrue: read them with the same care.")
    assert md_restated_verdicts(HAILAR, restated).startswith("3 verdicts on growth rates")
    # a name is escaped once (fmt_list escapes)
    assert "(地区\\_生产总值 2012–2015)" in md_restated_verdicts(HAILAR.assign(indicator="地区_生产总值"),
                                                              restated.assign(indicator="地区_生产总值"))
    # a restatement no report names (a change of that size is possible too) says nothing here
    assert md_restated_verdicts(HAILAR, restated.assign(restatement_cue="")) == ""
    assert md_restated_verdicts(HAILAR, restated.iloc[0:0]) == ""


def test_md_attainment_counts_a_rate_and_its_level_set_in_one_sentence_once():
    said = "地区生产总值增长8%，达到296亿元"
    table = attainment(
        ("海拉尔区", GDP, "change", 2015, 8, None, "=", 8.9, True, 0.9, "%", "%", "achieved"),
        ("海拉尔区", GDP, "level", 2015, 296, None, "=", 287.9, False, -8.1, "亿元", "亿元", "achieved"),
        ("海拉尔区", GDP, "change", 2016, 7.5, None, "~", 7.2, True, -0.3, "%", "%", "achieved"),
        ("海拉尔区", "旅游收入", "level", 2015, 80, None, "=", 82, True, 2, "亿元", "亿元", "achieved"))
    table["target_doc"] = ["r2015", "r2015", "r2016", "r2015"]
    table["target_sentence"] = [said, said, "地区生产总值增长7.5%左右", "旅游收入达到80亿元"]
    text = md_attainment(table)
    # four pairs, three promises: the 2015 level is the 2015 rate's twin, and was judged otherwise
    assert text.startswith("For the indicators tracked in 海拉尔区: of 3 targets with both a target and a result, "
                           "3 met the target and 0 missed it. The table has 4 target–result pairs: 1 of the targets")
    assert (" For 1 of them the level was judged otherwise than the rate (地区生产总值 2015: the rate met, the level "
            "missed): the table has both rows, with their sentences. Met: ") in text
    assert "1 of the targets gives a growth rate" in text
    # (hostile review) one indicator in both measures is counted by promise too
    gdp = table[table["indicator"] == GDP]
    assert md_attainment(gdp).startswith("For 地区生产总值 (change) in 海拉尔区: of 2 years with both a target and a "
                                         "result, 2 met the target and 0 missed it. The table has 3 target–result")
    # a level in another sentence is a promise of its own
    table.loc[1, "target_sentence"] = "地区生产总值达到296亿元"
    assert "of 4 target–result pairs with both a target and a result, 3 met the target and 1 missed it." in (
        md_attainment(table))
