"""Findings of the target-tracking notebooks (findings_tracking): hand-checked toy tables.

Every sentence and view is checked against the table it is built from; a selection with nothing
to show gets the one "Nothing to show" sentence.
"""
import re

import pandas as pd

from policytext import corpus as make_corpus
from policytext import load_corpus, quantities
from policytext.findings_tracking import (  # (the implied-growth findings are findings_growth's, re-exported)
    md_city_targets, md_conclusions, md_consistency, md_implied_growth, md_timeline, table_implied_growth,
    timeline_choices, timeline_place,
)
from test_findings_growth import _growth_and_q


# ---------------------------------------------------------------- notebook 04

def test_city_targets_counts_come_from_the_table():
    targets = pd.DataFrame({"place": ["甲市", "甲市", "乙区"], "indicator": ["地区生产总值", "财政收入", "地区生产总值"],
                            "year": [2022, 2026, 2022], "doc": ["a", "b", "c"]})
    text = md_city_targets(targets, doc_types={"a": "gov_work_report", "b": "interview", "c": "gov_work_report"})
    assert "The table lists 2 targets of 甲市 for 2 indicators, from 2 documents, for 2022–2026;" in text
    assert "1 target of 乙区 for 1 indicator, from 1 document, for 2022" in text
    assert "By kind of document: government work report 2, interview 1 of the listed targets." in text
    assert md_city_targets(targets.iloc[0:0]).startswith("*Nothing to show")
    assert md_city_targets(targets, max_places=1).startswith(
        "The table lists 3 targets of 2 places for 2 indicators, from 3 documents, for 2022–2026.")
    spans = targets.assign(measure=["change", "avg_change", "change"], period=["2022", "2026–2030", "2022"])
    assert "1 target is an average annual rate (年均, measure avg_change) over 2026–2030" in md_city_targets(spans)
    # a document without a place is no place of its own (a folder with a report whose place
    # neither the metadata nor its opening lines give)
    unnamed = targets.assign(place=["甲市", "甲市", ""])
    assert md_city_targets(unnamed, max_places=1).startswith(
        "The table lists 3 targets of 1 place and documents without one for 2 indicators")
    assert "; 1 target of documents without a place for 1 indicator" in md_city_targets(unnamed)
    assert md_city_targets(unnamed[unnamed["place"] == ""]).startswith("The table lists 1 target of the selection")
    # 内蒙古 2026 states 新增城镇就业18万人以上 in its targets and again later: both listed, the repeat said
    twice = pd.DataFrame({"place": "甲省", "indicator": ["新增城镇就业", "新增城镇就业", "地区生产总值"],
                          "measure": ["count", "count", "change"], "target": ["≥18万人", "≥18万人", "≈5%"],
                          "year": 2026, "period": "2026", "doc": "a"})
    assert md_city_targets(twice).startswith(
        "The table lists 3 targets of 甲省 for 2 indicators, from 1 document, for 2026. 1 of them repeats a target "
        "its document states earlier (both are listed, with their sentences).")
    assert "repeat" not in md_city_targets(twice.iloc[1:])


def _statements():
    rows = [  # (finding, indicator, year, measure, doc, label, value, unit, relation, statement_year)
        ("reported values differ", "城镇居民人均可支配收入", 2021, "level", "gov", "achieved", 48132.0, "元", "=", 2021),
        ("reported values differ", "城镇居民人均可支配收入", 2021, "level", "talk", "achieved", 47863.0, "元", "=", 2021),
        ("estimate revised", "地区生产总值", 2021, "level", "gov", "estimate", 306.0, "亿元", "=", 2021),
        ("estimate revised", "地区生产总值", 2021, "level", "talk", "achieved", 326.5, "亿元", "=", 2021),
        ("consistent", "一般公共预算收入", 2021, "level", "gov", "achieved", 23.6, "亿元", "=", 2021),
        ("consistent", "一般公共预算收入", 2021, "level", "talk", "achieved", 23.6, "亿元", "=", 2021),
    ]
    cols = ["finding", "indicator", "year", "measure", "doc", "label", "value", "unit", "relation", "statement_year"]
    detail = pd.DataFrame(rows, columns=cols).assign(place="甲市")
    checks = detail.drop_duplicates(["indicator", "finding"])[["place", "indicator", "year", "measure", "finding"]]
    return checks.reset_index(drop=True), detail


def test_consistency_states_each_disagreement_and_the_later_document_rule():
    checks, detail = _statements()
    text = md_consistency(checks, detail, dates={"gov": "2021-12-14", "talk": "2022-04-28"})
    assert text.startswith("Of 3 checks, 1 agree and 2 do not.")
    assert "achieved 48132元 in gov" in text and "achieved 47863元 in talk" in text
    assert "The later document's figure (47863元 in talk) is more likely final; gov spoke before" in text
    # 326.5 - 306 = 20.5, 20.5 / 306 = 6.70%
    assert "The revision is +20\\.5亿元 (6.7% of the estimate)" in text
    assert "一般公共预算收入" not in text  # agreements are counted, not listed
    same_doc = detail.assign(doc=detail["doc"].where(detail["finding"] != "estimate revised", "gov"))
    assert "come from the same document" in md_consistency(checks, same_doc)
    assert "The revision is" not in md_consistency(checks, same_doc)
    # without dates the rule is not applied (no date, no claim)
    assert "more likely final" not in md_consistency(checks, detail)
    assert md_consistency(checks.iloc[0:0], detail.iloc[0:0]).startswith("*Nothing to show")
    # the verb agrees with the count
    assert md_consistency(checks.iloc[1:], detail).startswith("Of 2 checks, 1 agree and 1 does not.")
    agreeing = checks[checks["finding"] == "consistent"]
    assert md_consistency(agreeing, detail).startswith("The one check agrees.")
    assert md_consistency(pd.concat([agreeing, agreeing]), detail).startswith("All 2 checks agree.")


def test_conclusions_apply_only_the_rules_that_hold():
    checks, _ = _statements()
    growth, q = _growth_and_q()
    text = md_conclusions(checks, growth, q, docs_per_place={"甲市": 2, "乙区": 1})
    assert "agree on 1 of the 3 figures they share; the 2 others are the findings to follow up." in text
    one_differs = md_conclusions(checks.iloc[1:], growth, q, docs_per_place={"甲市": 2})
    assert "agree on 1 of the 2 figures they share; the other one is the finding to follow up." in one_differs
    agreeing = checks[checks["finding"] == "consistent"]
    assert "agree on 1 of the 1 figure they share." in md_conclusions(agreeing, growth, q, docs_per_place={"甲市": 2})
    assert "城镇居民人均可支配收入 2021 and 地区生产总值 2021: an early and a later document differ" in text
    assert "Deadlines drift" not in text
    _, detail = _statements()
    same_doc = detail.assign(doc=detail["doc"].where(detail["finding"] != "estimate revised", "gov"))
    text_same = md_conclusions(checks, growth, q, docs_per_place={"甲市": 2}, statements=same_doc)
    assert "城镇居民人均可支配收入 2021: an early and a later document differ" in text_same
    assert "1 of 2 level targets need more growth" in text
    assert "乙区 has one document" in text
    # every place with one document: section 2 said so, the conclusions do not say it again
    assert "cannot be checked" not in md_conclusions(checks, growth, q, docs_per_place={"甲市": 1, "乙区": 1})
    # several documents of a place, but no figure of one kind stated twice (海拉尔's eight reports)
    unchecked = md_conclusions(checks.iloc[0:0], growth.iloc[0:0], q, docs_per_place={"甲市": 2})
    assert unchecked.startswith("- **Nothing to cross-check.** The documents of 甲市 never state the same kind")
    # a floor under the latest level (河南's grain, 1350.97 -> 1300亿斤) is a rule that applies (it said
    # "none of the rules applies"); with one document per place and nothing else, the conclusions say
    # why nothing compares documents
    floor = growth.iloc[:1].assign(place="乙省", indicator="粮食产量", base_value=1350.97, target_value=1300.0,
                                   unit="亿斤", base_unit="亿斤", implied_growth=-3.77)
    assert md_conclusions(checks.iloc[0:0], floor, q, docs_per_place={"乙省": 1}) == (
        "- **Floors already passed.** 粮食产量 (乙省): a target at or below the latest level, met unless the "
        "level falls: read such a target with what its clause aims at (section 3).")
    two = pd.concat([floor, floor.assign(place="丙省")])
    assert md_conclusions(checks.iloc[0:0], two, q, docs_per_place={"乙省": 1, "丙省": 1}).startswith(
        "- **Floors already passed.** 粮食产量 (乙省 and 丙省): targets at or below")      # one indicator, its places
    lone = md_conclusions(checks.iloc[0:0], growth.iloc[0:0], q, docs_per_place={"乙省": 1})
    assert lone.startswith("- **One document cannot be checked against itself:** every place")
    empty = md_conclusions(checks.iloc[0:0], growth.iloc[0:0], q, docs_per_place={})
    assert empty == "*Nothing to show for this selection: conclusions — none of the rules applies to this selection.*"
    # ... but its levels restated between reports are said, after what was not cross-checked
    from policytext.revisions import REVISION_COLUMNS

    restated = pd.DataFrame([{"place": "甲市", "indicator": "地区生产总值", "kind": "restated base", "earlier_value": 300,
                              "unit": "亿元", "earlier_year": 2016, "later_value": 190, "later_unit": "亿元",
                              "later_year": 2018, "implied_growth": -20.4, "stated_growth": 6,
                              "unexplained_growth": -26.4, "unstated_years": ""}],
                            ).reindex(columns=REVISION_COLUMNS)
    bullets = md_conclusions(checks.iloc[0:0], growth.iloc[0:0], q, docs_per_place={"甲市": 2}, revisions=restated)
    assert bullets.split("\n")[0] == unchecked
    assert bullets.split("\n")[1].startswith("- **Restated series.** 1 level of 甲市 moves between reports")


def _quantity_rows(*rows):
    """Quantity rows from (doc, label, indicator, measure, value, year, unit) tuples."""
    names = ("doc", "label", "indicator", "measure", "value", "year", "unit")
    return pd.DataFrame([dict(zip(names, row)) for row in rows]).assign(relation="=")


def test_no_cross_document_check_is_said_as_such():
    checks = pd.DataFrame(columns=["place", "indicator", "year", "period", "measure", "finding", "values", "n_docs"])
    text = md_consistency(checks, checks)
    assert text.startswith("*Nothing to show for this selection: cross-document checks — no two documents of one "
                           "place state the same kind of figure")
    # ... and when no place has two documents, that is the reason given (provinces2026: one report each)
    one_each = md_consistency(checks, checks, docs_per_place={"甲省": 1, "乙省": 1})
    assert one_each == ("*Nothing to show for this selection: cross-document checks — each place has one document "
                        "in this selection, and a document is not checked against itself.*")
    assert md_consistency(checks, checks, docs_per_place={"甲省": 2, "乙省": 1}) == text


def test_timelines_need_two_points():
    q = _quantity_rows(("a", "achieved", "地区生产总值", "level", 300.0, 2021, "亿元"),
                       ("b", "target", "地区生产总值", "level", 500.0, 2026, "亿元"),
                       ("a", "target", "一般公共预算收入", "level", 35.0, 2026, "亿元"),
                       # a growth rate is not drawn on the level timeline, so the sentence does not count it
                       ("a", "achieved", "地区生产总值", "change", 6.5, 2021, "%"))
    c = make_corpus({"a": "甲", "b": "乙"}, meta={"a": {"place": "甲市"}, "b": {"place": "甲市"}})
    assert timeline_choices(q, place="甲市", corpus=c) == ["地区生产总值"]
    assert timeline_choices(q, place="乙区", corpus=c) == []
    # one value stated twice (江西 2026: 10件民生实事 in 2025, 10件 in 2026) is a flat line: not chosen,
    # even with more documents than a series that moves
    flat = pd.concat([q, _quantity_rows(("a", "achieved", "一般公共预算收入", "level", 35.0, 2021, "亿元"),
                                        ("b", "achieved", "一般公共预算收入", "level", 35.0, 2022, "亿元"))])
    assert timeline_choices(flat, place="甲市", corpus=c) == ["地区生产总值"]
    # (hostile review) a target and a result of one year are one point in time: no line either
    one_year = _quantity_rows(("a", "target", "地区生产总值", "level", 300.0, 2021, "亿元"),
                              ("b", "achieved", "地区生产总值", "level", 310.0, 2021, "亿元"))
    assert timeline_choices(one_year, place="甲市", corpus=c) == []
    assert md_timeline(q, "地区生产总值", place="甲市", corpus=c) == (
        "**地区生产总值** (level) in 甲市: 2 statements from 2 documents, 2021–2026 (1 achieved, 1 target).")
    # the documents without a place are not the whole selection when another place is named
    unnamed = make_corpus({"a": "甲", "b": "乙", "z": "丙"}, meta={"z": {"place": "丙市"}})
    assert "(level) in the documents without a place: 2 statements" in md_timeline(q, "地区生产总值", place="",
                                                                                  corpus=unnamed)
    alone = make_corpus({"a": "甲", "b": "乙"})
    assert "(level) in the selection: 2 statements" in md_timeline(q, "地区生产总值", place="", corpus=alone)
    # one report's last-year result and this year's target are no documents over time, and it says so
    own = _quantity_rows(("a", "achieved", "技术合同成交额", "change", 48.0, 2025, "%"),
                         ("a", "target", "技术合同成交额", "change", 25.0, 2026, "%"))
    assert md_timeline(own, "技术合同成交额", place="甲市", corpus=c).endswith(
        "2 statements from 1 document, 2025–2026 (1 achieved, 1 target). One report's own figures (last year's "
        "result beside this year's target), not documents over time: a place needs two reports for that.")


def test_timeline_opens_on_the_fullest_place_among_those_with_most_documents():
    q = _quantity_rows(*[(doc, label, "地区生产总值", "level", value, year, "亿元") for doc, label, value, year in [
        ("a", "achieved", 300.0, 2021), ("a", "target", 500.0, 2026),
        ("b", "achieved", 90.0, 2019), ("b", "achieved", 95.0, 2020), ("b", "target", 120.0, 2025)]])
    one_each = make_corpus({"a": "甲", "b": "乙", "c": "丙"},
                           meta={"a": {"place": "甲市"}, "b": {"place": "乙市"}, "c": {"place": "丙市"}})
    # one document each: 乙市's timeline has 3 statements, 甲市's 2, 丙市 none
    assert timeline_place(q, corpus=one_each) == "乙市"
    assert timeline_place(q, corpus=one_each, city="甲市") == "甲市"
    # more documents win before fullness; equal fullness goes to the first by name
    two_of_c = make_corpus({"a": "甲", "b": "乙", "c": "丙", "d": "丁"},
                           meta={"a": {"place": "甲市"}, "b": {"place": "乙市"}, "c": {"place": "丙市"},
                                 "d": {"place": "丙市"}})
    assert timeline_place(q, corpus=two_of_c) == "丙市"
    assert timeline_place(q.iloc[0:0], corpus=one_each) == "丙市"      # 丙 sorts before 乙 and 甲

# ---------------------------------------------------------------- notebook 05 views
from policytext.findings_tracking import (  # noqa: E402
    attainment_choices, md_crosssection_source, md_possible_results, md_selection, md_selection_fallback,
    md_shared_indicators, table_attainment, table_attainment_summary, table_crosssection, table_revisions,
)


def _attainment():
    """海拉尔区-like GDP growth: 21% -> 18.5 (missed by 2.5), 8% -> 8.9 (met), 6%左右 -> 6.0 (met),
    3.5%左右 with no result yet, and 22.3% for 2011 with no target."""
    rows = [  # year, target, relation, achieved, met, gap, kind
        (2011, None, None, 22.3, None, None, "achieved"),
        (2012, 21.0, "=", 18.5, False, -2.5, "achieved"),
        (2015, 8.0, "=", 8.9, True, 0.9, "achieved"),
        (2018, 6.0, "~", 6.0, True, 0.0, "estimate"),
        (2019, 3.5, "~", None, None, None, ""),
    ]
    t = pd.DataFrame(rows, columns=["year", "target", "relation", "achieved", "met", "gap", "achieved_kind"])
    t = t.assign(place="甲区", indicator="地区生产总值", measure="change", unit="%", achieved_unit="%",
                 target_high=float("nan"), period=t["year"].astype(str), rule="",
                 target_doc=["", "r2012", "r2015", "r2018", "r2019"], achieved_doc=["r2012", "r2013", "r2016", "r2019", ""])
    t["met"] = t["met"].astype("boolean")
    t["year"] = t["year"].astype("Int64")
    return t


def test_attainment_table_reads_targets_and_outcomes():
    table = table_attainment(_attainment())
    assert list(table["year"]) == ["2011", "2012", "2015", "2018", "2019"]
    assert list(table["target"]) == ["", "21%", "8%", "about 6%", "about 3.5%"]
    assert list(table["outcome"]) == ["22.3%", "18.5%", "8.9%", "6% (estimate)", ""]
    assert list(table["met"]) == ["", "missed", "met", "met", ""]


def test_attainment_summary_and_choices():
    a = _attainment()
    summary = table_attainment_summary(a)
    assert summary.iloc[0][["years", "judged", "met", "missed"]].tolist() == ["2012–2018", 3, 2, 1]
    assert round(summary.iloc[0]["share met"], 1) == 66.7
    one_year = a[a["year"] == 2019].assign(indicator="一般公共预算收入")
    assert attainment_choices(pd.concat([a, one_year])) == [("地区生产总值", "change", "甲区")]  # one year: no chart
    # a tie is broken by the registry's order, not by the name (农 sorts before 地)
    rural = a.assign(indicator="农村居民人均可支配收入")
    assert [c[0] for c in attainment_choices(pd.concat([rural, a]))] == ["地区生产总值", "农村居民人均可支配收入"]


def test_revisions_table_keeps_both_values_and_sentences():
    rev = pd.DataFrame([{"indicator": "地区生产总值", "measure": "level", "year": 2018, "kind": "restated base",
                         "earlier_value": 303.6, "later_value": 192.3, "unit": "亿元", "later_unit": "亿元",
                         "change_pct": -36.66, "earlier_doc": "r2017", "later_doc": "r2019",
                         "earlier_sentence": "地区生产总值303.6亿元", "later_sentence": "地区生产总值192.3亿元"}])
    row = table_revisions(rev).iloc[0]
    assert (row["earlier"], row["later"], row["year"]) == ("303.6亿元 (r2017)", "192.3亿元 (r2019)", "2018")
    assert row["later sentence"] == "地区生产总值192.3亿元"
    # a restated base shows what its sentence cites: both years, the growth a year between the
    # levels and the growth the reports state
    dated = rev.assign(earlier_year=2016, later_year=2018, implied_growth=-20.41, stated_growth=6.0)
    row = table_revisions(dated).iloc[0]
    assert (row["earlier"], row["later"]) == ("303.6亿元 (2016, r2017)", "192.3亿元 (2018, r2019)")
    assert (row["a year, %"], row["stated growth, %"]) == (-20.41, 6.0)
    # ... and what that growth leaves unexplained, over the years no report states growth for
    row = table_revisions(dated.assign(unexplained_growth=-40.24, unstated_years="2017")).iloc[0]
    assert (row["unexplained, % a year"], row["no growth stated for"]) == (-40.24, "2017")


def test_crosssection_views():
    cs = pd.DataFrame([{"place": "甲省", "target": 5.0, "target_high": 5.5, "relation": "=", "unit": "%",
                        "average": 5.0, "average_high": float("nan"), "average_relation": "~",
                        "average_period": "2026–2030", "difference": 0.0, "doc": "a"},
                       {"place": "乙省", "target": 4.5, "target_high": float("nan"), "relation": "~", "unit": "%",
                        "average": float("nan"), "average_high": float("nan"), "average_relation": None,
                        "average_period": None, "difference": float("nan"), "doc": "b"}])
    table = table_crosssection(cs)
    assert table["target"].tolist() == ["5–5.5%", "about 4.5%"]
    assert table["plan-period average"].tolist() == ["about 5% a year, 2026–2030", ""]
    shared = pd.DataFrame([{"indicator": "地区生产总值", "measure": "change", "year": 2026, "places": 9}])
    assert md_shared_indicators(shared) == ("1 indicator (with measure and year) is targeted by two or more places; "
                                            "the most shared is **地区生产总值** (change) for 2026, by 9 places.")
    assert md_shared_indicators(shared.iloc[0:0]).startswith("*Nothing to show")
    # (provinces2026: GDP growth, unemployment and prices are set by all ten places: tied, all named)
    tied = pd.concat([shared, pd.DataFrame([
        {"indicator": "城镇调查失业率", "measure": "level", "year": 2026, "places": 9},
        {"indicator": "粮食产量", "measure": "level", "year": 2026, "places": 4}])])
    assert md_shared_indicators(tied) == (
        "3 indicators (with measure and year) are targeted by two or more places; the most shared, by 9 places "
        "each, are **地区生产总值** (change) for 2026 and **城镇调查失业率** (level) for 2026.")
    many = pd.DataFrame({"indicator": [f"指标{i}" for i in range(8)], "measure": "level", "year": 2026, "places": 3})
    assert md_shared_indicators(many).endswith("**指标3** (level) for 2026, **指标4** (level) for 2026 and 3 more.")
    assert "by 3 places" in md_shared_indicators(pd.concat([many, pd.DataFrame([{"indicator": "x", "places": None,
                                                                                 "measure": "level", "year": 2026}])]))


def test_selection_sentences():
    c = make_corpus({"a": "甲", "b": "乙"}, meta={"a": {"place": "甲区", "date_delivered": "2012-02-29"},
                                                    "b": {"place": "甲区", "date_delivered": "2013-02-28"}})
    assert md_selection(c) == "The selection holds 2 documents of 甲区, 2012–2013."
    # no place in the metadata: the place the report names in its opening, as the tables use it
    bare = make_corpus({"a": "海拉尔区人民政府工作报告\n各位代表：", "b": "一份没有地名的文字。"},
                       meta={"a": {"date_delivered": "2015-03-01"}, "b": {"date_delivered": "2016-03-01"}})
    assert md_selection(bare) == "The selection holds 2 documents of 海拉尔区, 2015–2016."
    unnamed = make_corpus({"b": "一份没有地名的文字。"}, meta={"b": {"date_delivered": "2016-03-01"}})
    assert md_selection(unnamed) == "The selection holds 1 document of an unnamed place, 2016."
    assert "holds one place, so this section reads the bundled corpus 示例: 2 documents of 2012 and 2013 from 1 place" \
        in md_crosssection_source("示例", c)
    assert "holds no place 乙市" in md_selection_fallback("hailar", city="乙市")


def test_notebook_04_sentences_equal_the_table_cells_on_the_seeds():
    """The rates in the implied-growth sentences are the cells of the table shown beside them."""
    from policytext.targets import quantities_periods, textstat_consistency, textstat_implied_growth

    c = load_corpus(None)
    q = quantities_periods(quantities(c), corpus=c)
    growth = textstat_implied_growth(q, corpus=c)
    table = table_implied_growth(growth, q, corpus=c)
    text = md_implied_growth(growth, q, corpus=c)
    said = re.findall(r"needs ([\d.]+)% a year", text)
    assert said and set(said) <= {f"{v:.1f}" for v in table["implied_growth"]}
    n = int(re.match(r"Of (\d+) level targets", text).group(1))
    assert n == len(table)
    checks = textstat_consistency(q, corpus=c)
    summary = md_consistency(checks, textstat_consistency(q, corpus=c, statements=True))
    agree = checks["finding"].str.startswith("consistent").sum()
    assert summary.startswith(f"Of {len(checks)} checks, {agree} agree")


def test_possible_results_are_said_as_pairs_to_confirm():
    from policytext.attainment import POSSIBLE_COLUMNS

    possible = pd.DataFrame([{"target_indicator": "水冲式公厕", "target": 30.0, "unit": "座",
                              "result_indicator": "水冲式公共厕所", "achieved": 26.0, "achieved_unit": "座",
                              "likeness": 0.6, "same_value": False, "target_doc": "g2018", "achieved_doc": "g2019"},
                             {"target_indicator": "大棚", "target": 300.0, "unit": "个", "result_indicator": "蔬菜大棚",
                              "achieved": 300.0, "achieved_unit": "个", "likeness": 0.5, "same_value": True,
                              "target_doc": "g2015", "achieved_doc": "g2016"}]).reindex(columns=POSSIBLE_COLUMNS)
    assert md_possible_results(possible) == (
        "2 targets without a result under their own name have one in a later report under a like name (1 of the "
        "same value). The likest: 水冲式公厕 30座 (g2018) and 水冲式公共厕所 26座 (g2019). None of them is counted "
        "above as met or missed: read both sentences before taking a pair for one thing.")
    assert md_possible_results(possible.iloc[0:0]).startswith("*Nothing to show for this selection: results under")
