"""Notebook 03's sentences: themes, trends over the years, keyness and similarity."""
import pandas as pd

from policytext import findings_themes as FT
from policytext.findings import nothing_to_show


def test_theme_leaders_and_plan_shift_use_the_matrix_values():
    matrix = pd.DataFrame({"经济": [30.04, 10.0], "生态": [5.0, 20.0]}, index=["a", "b"])
    text = FT.theme_leaders(matrix)
    assert "Leading theme 经济, per 1,000 words: a (30.0)" in text and "生态: b (20.0)" in text
    # equal as shown is a tie (甘肃 11.07 and 广西 11.06 both show 11.1): both are named
    tied = pd.DataFrame({"治理": [11.07, 11.06, 9.6], "生态": [5.0, 11.1, 2.0]}, index=["甘*肃", "广西", "河南"])
    lines = FT.theme_leaders(tied).splitlines()
    assert lines == ["- Leading theme 治理, per 1,000 words: 甘\\*肃 (11.1), 广西 (11.1, level with 生态), 河南 (9.6)",
                     "- Highest rate per theme: 治理: 甘\\*肃 and 广西 (11.1); 生态: 广西 (11.1)"]
    shift = pd.DataFrame({"a": [14.23, -4.71, 0.02]}, index=["经济", "民生", "法治"])
    text = FT.plan_shift(shift)
    assert "经济 (+14.2)" in text and "民生 (-4.7)" in text and "法治" not in text.split("review leads")[1]
    assert FT.plan_shift(pd.DataFrame()).startswith("*Nothing to show")


def test_keyness_and_similarity():
    k = pd.DataFrame({"feature": ["项目", "政治", "投资"], "G2": [20.0, -15.0, 8.0], "p": [1e-5, 1e-4, 0.004],
                      "n_target": [38, 2, 11], "n_reference": [3, 39, 0], "log_ratio": [2.1, -3.0, 4.0]})
    text = FT.keyness_summary(k, "政府工作报告", "党代会报告")
    assert "**政府工作报告**: 项目 (38×), 投资 (11×)." in text and "**党代会报告**: 政治 (39×)." in text
    sim = pd.DataFrame([[1, 0.834, 0.5], [0.834, 1, 0.48], [0.5, 0.48, 1]], index=list("abc"), columns=list("abc"))
    text = FT.similarity_summary(sim)
    assert "Most alike: a and b (0.83)" in text and "Least alike: b and c (0.48)" in text


def test_keyness_target_says_why_that_place():
    docs = pd.DataFrame({"place": ["乙市", "甲市", "甲市", None]})
    assert FT.keyness_target(docs) == (
        "甲市", "In detail: **甲市**, the place with the most reports (2); set `keyness_place` to examine another.")
    place, why = FT.keyness_target(docs, "乙市")
    assert place == "乙市" and "chosen by the `keyness_place` parameter" in why
    place, why = FT.keyness_target(docs, "丙市")
    assert place == "甲市" and why.startswith("`keyness_place` = 丙市 is not a place of this selection. In detail")
    # ties: the first in the selection's order, as its tables list it (not 丙 < 乙 < 甲 by code point)
    ties = pd.DataFrame({"place": ["乙市", "甲市", "丙市", "丙市", "甲市"]})
    assert "**甲市**, the first in the selection of the places with the most reports (2)" in FT.keyness_target(ties)[1]
    one_each = pd.DataFrame({"place": ["甲市", "乙市"]})
    assert "**甲市**, every place has 1 report, so the first in the selection" in FT.keyness_target(one_each)[1]
    assert FT.keyness_target(pd.DataFrame({"place": ["甲市", ""]})) == (
        None, nothing_to_show("place keyness", "the selection holds fewer than two places; it needs two"))


def test_one_place_sets_its_latest_year_against_the_earlier_ones():
    # 海拉尔: eight work reports of one district; a 2019 interview is not of the series
    docs = pd.DataFrame({"id": ["g2012", "g2013", "g2019", "i2019", "g2019b"], "place": ["甲区"] * 5,
                         "doc_type": ["gov_work_report"] * 3 + ["interview", "gov_work_report"],
                         "year": [2012, 2013, 2019, 2019, 2019]})
    from policytext.findings import longest_series

    series, _ = longest_series(docs)
    latest = FT.latest_year_apart(docs, series)
    assert (latest["target"], latest["reference"], latest["labels"]) == (["g2019", "g2019b"], ["g2012", "g2013"],
                                                                      ("2019", "2012–2013"))
    assert latest["sentence"] == (
        "The selection holds one place: instead of places, keyness sets the latest year of the government work "
        "reports of **甲区** against the earlier years, 2019 (2 reports) against 2012–2013 (2 reports).")
    assert FT.latest_year_apart(docs, None) is None
    # two years are enough: one earlier year is named alone
    two, _ = longest_series(docs.iloc[1:], min_years=2)
    latest = FT.latest_year_apart(docs, two)
    assert latest["labels"] == ("2019", "2013") and "against the earlier year, 2019 (2 reports) against 2013" in (
        latest["sentence"])


def test_keyness_each_summary_names_units_without_key_words():
    each = pd.DataFrame({"group": ["甲市", "甲市", "甲市", "甲市", "乙*市"], "rank": [1, 2, 3, 4, 1],
                         "feature": ["党建", "改革", "生态", "项目", "民生"], "n_target": [9, 5, 4, 3, 7],
                         "G2": [20.0, 12.0, 8.0, 5.0, 9.0]})
    each.attrs["units"] = ["甲市", "乙*市", "丙市"]
    text = FT.keyness_each_summary(each)
    assert text.splitlines()[:2] == ["- **甲市**: 党建 (9×), 改革 (5×), 生态 (4×)", "- **乙\\*市**: 民生 (7×)"]
    assert text.endswith("No word sets 丙市 apart from the others.")
    assert FT.keyness_each_summary(each.iloc[:0]).startswith("*Nothing to show")
    # many places: the first `limit` with key words, and a count of the rest (the table has them all)
    many = pd.DataFrame({"group": [f"{i}市" for i in range(20)], "rank": 1, "feature": "改革", "n_target": 5,
                         "G2": 7.0})
    many.attrs["units"] = [f"{i}市" for i in range(20)]
    lines = FT.keyness_each_summary(many, limit=12).splitlines()
    assert len(lines) == 13 and lines[11] == "- **11市**: 改革 (5×)" and lines[12] == "- 8 more places in the table."


def test_keyness_each_summary_names_ties_and_counts_what_the_table_cut():
    # 甲市: the third and fourth words share a G2 (both named); 乙市: its two rows share the G2 of
    # two more words the table's own cut left out (more_tied)
    each = pd.DataFrame({"group": ["甲市"] * 5 + ["乙市"] * 2, "rank": [1, 2, 3, 4, 5, 1, 2],
                         "feature": ["党建", "改革", "生态", "项目", "民生", "稀土", "乳业"],
                         "G2": [30.0, 20.0, 9.5, 9.5, 4.0, 12.0, 12.0], "n_target": [9, 5, 4, 4, 3, 6, 6],
                         "more_tied": [0, 0, 0, 0, 0, 2, 2]})
    each.attrs.update(units=["甲市", "乙市"], measure="G2")
    assert FT.keyness_each_summary(each).splitlines() == [
        "- **甲市**: 党建 (9×), 改革 (5×), 生态 (4×), 项目 (4×)",
        "- **乙市**: 稀土 (6×), 乳业 (6×), 2 more of the same G2"]



def test_theme_trends_fit_a_line_through_every_year():
    # years centred: -1.5, -0.5, 0.5, 1.5 (sum of squares 5). 生态 2, 4, 6, 8: slope 2;
    # 经济 10, 9, 8, 7: slope -1; 党建 1, 3, 1, 3: (1.5 - 0.5 - 0.5 + 1.5) / 5 = 0.4; 民生 flat.
    matrix = pd.DataFrame({"生态": [2, 4, 6, 8], "经济": [10, 9, 8, 7], "党建": [1, 3, 1, 3], "民生": [5, 5, 5, 5]},
                          index=["2012", "2013", "2014", "2015"], dtype=float)
    assert FT.theme_trends(matrix) == (
        "From 2012 to 2015, per 1,000 words, on a straight-line trend through every year: rising most, "
        "生态 (2.0 in 2012 → 8.0 in 2015, +2.0 a year); 党建 (1.0 in 2012 → 3.0 in 2015, +0.4 a year); "
        "falling most, 经济 (10.0 in 2012 → 7.0 in 2015, -1.0 a year).")
    assert "rising most, 生态 (2.0 in 2012 → 8.0 in 2015, +2.0 a year); falling" in FT.theme_trends(matrix, n=1)
    assert FT.theme_trends(matrix.head(2)).startswith("*Nothing to show")


def test_genre_sides_warn_when_a_kind_is_one_place_the_other_kind_lacks():
    kinds = ("gov_work_report", "party_congress_report")
    docs = pd.DataFrame({"id": ["h2015", "h2016", "gs2026", "jyg_party"],
                         "place": ["海拉尔区", "海拉尔区", "甘肃省", "嘉峪关市"],
                         "doc_type": ["gov_work_report"] * 3 + ["party_congress_report"]})
    assert FT.genre_sides(docs, kinds) == (
        "**Read with care:** the party-congress report side is 1 document of 嘉峪关市 (jyg\\_party). Its words "
        "are that place's as much as that kind's: what sets a kind apart needs the same places on both sides.")
    # the same place on both sides holds place fixed: nothing to warn of
    same = pd.DataFrame({"id": ["jyg_gov", "jyg_party"], "place": ["嘉峪关市"] * 2, "doc_type": list(kinds)})
    assert FT.genre_sides(same, kinds) == ""
