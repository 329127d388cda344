"""Keyness statistics against hand-computed 2x2 tables, and selection of target/reference."""
import math

import matplotlib
import pytest

from policytext import corpus
from policytext.dfm import DFM
from policytext.errors import ParameterError
from policytext.keyness import textplot_keyness, textstat_keyness, textstat_keyness_each
from policytext.tokens import tokens


def keyness_table(a, b, n_target, n_reference, **options):
    """(statistic, p, log_ratio) of a feature "f" seen a times among n_target words of a target
    and b times among n_reference words of a reference: textstat_keyness on a two-document DFM
    whose other words are one feature, "other"."""
    x = DFM([[a, n_target - a], [b, n_reference - b]], ("t", "r"), ("f", "other"))
    row = textstat_keyness(x, "t", **options).set_index("feature").loc["f"]
    return row[row.index[0]], row["p"], row["log_ratio"]

# ---------------------------------------------------------------- the 2x2 arithmetic
#
# Table 1: a feature seen a = 6 times in a target of 20 words and b = 2 times in a reference of
# 20 words. c = 20 - 6 = 14, d = 20 - 2 = 18, N = 40, a + b = 8, c + d = 32.
# Expected: E11 = 8*20/40 = 4, E12 = 4, E21 = 32*20/40 = 16, E22 = 16.
#   chi2 (no correction) = N (ad - bc)^2 / ((a+b)(c+d)(a+c)(b+d))
#                        = 40 * (108 - 28)^2 / (8 * 32 * 20 * 20) = 256000 / 102400 = 2.5
#   chi2 (Yates)         = 40 * (|80| - 40/2)^2 / 102400 = 40 * 3600 / 102400 = 1.40625
#   G2 = 2 [6 ln(6/4) + 2 ln(2/4) + 14 ln(14/16) + 18 ln(18/16)]
#      = 2 [2.432791 - 1.386294 - 1.869439 + 2.120095] = 2 * 1.297152 = 2.594303
#   G2 (Yates: every count moves 0.5 towards its expectation: 5.5, 2.5, 14.5, 17.5)
#      = 2 [5.5 ln(5.5/4) + 2.5 ln(2.5/4) + 14.5 ln(14.5/16) + 17.5 ln(17.5/16)]
#      = 2 [1.751496 - 1.175009 - 1.427381 + 1.568213] = 2 * 0.717318 = 1.434636
#   log ratio = log2(((6 + .5)/20) / ((2 + .5)/20)) = log2(2.6) = 1.378512
#   p (chi2 = 2.5, 1 df) = erfc(sqrt(1.25)) = 0.113846
A, B, NT, NR = 6, 2, 20, 20


@pytest.mark.parametrize("measure, correction, expected", [
    ("chi2", "none", 2.5),
    ("chi2", "yates", 1.40625),
    ("chi2", "default", 1.40625),      # default for chi2 = Yates (as quanteda)
    ("lr", "none", 2.594303),
    ("lr", "default", 2.594303),       # default for lr = no correction
    ("lr", "yates", 1.434636),
])
def test_statistics_match_the_hand_computed_table(measure, correction, expected):
    stat, p, log_ratio = keyness_table(A, B, NT, NR, measure=measure, correction=correction)
    assert stat == pytest.approx(expected, abs=1e-6)
    assert p == pytest.approx(math.erfc(math.sqrt(expected / 2)), rel=1e-5)
    assert log_ratio == pytest.approx(1.378512, abs=1e-6)


def test_p_value_of_the_5_percent_critical_value():
    # chi2 = 2.5 -> p = 0.113846 (table value); 3.841459 is the 5 % point of chi2 with 1 df.
    assert keyness_table(A, B, NT, NR, measure="chi2", correction="none")[1] == pytest.approx(0.113846, abs=1e-6)
    assert math.erfc(math.sqrt(3.841459 / 2)) == pytest.approx(0.05, abs=1e-6)


def test_swapping_target_and_reference_flips_the_sign_only():
    stat, p, lr = keyness_table(B, A, NT, NR)
    assert stat == pytest.approx(-2.594303, abs=1e-6)
    assert lr == pytest.approx(-1.378512, abs=1e-6)


def test_zero_counts():
    # a = 0, b = 5, 20 words each: c = 20, d = 15, N = 40, a + b = 5, c + d = 35.
    # E11 = E12 = 2.5, E21 = E22 = 17.5.
    # chi2 = 40 (0*15 - 5*20)^2 / (5 * 35 * 20 * 20) = 400000 / 70000 = 5.714286, negative sign.
    # G2 = 2 [0 (0 ln 0 = 0) + 5 ln 2 + 20 ln(20/17.5) + 15 ln(15/17.5)]
    #    = 2 [3.465736 + 2.670628 - 2.312260] = 2 * 3.824104 = 7.648207
    # log ratio = log2((0.5/20) / (5.5/20)) = log2(1/11) = -3.459432
    chi2 = keyness_table(0, 5, 20, 20, measure="chi2", correction="none")[0]
    g2, p, lr = keyness_table(0, 5, 20, 20)
    assert chi2 == pytest.approx(-5.714286, abs=1e-6)
    assert g2 == pytest.approx(-7.648207, abs=1e-6)
    assert lr == pytest.approx(-3.459432, abs=1e-6)
    assert 0 < p < 0.01


def test_equal_rates_give_zero_and_yates_never_overshoots():
    # a/20 == b/40: no difference at all.
    for measure in ("lr", "chi2"):
        stat, p, _ = keyness_table(3, 6, 20, 40, measure=measure, correction="yates")
        assert stat == 0 and p == 1.0
    # |O - E| = 0.25 < 0.5: Yates moves the counts only onto their expectations -> 0, not > 0.
    # a = 1, b = 0, 3 + 1 words: E11 = 1 * 3/4 = 0.75.
    assert keyness_table(1, 0, 3, 1, measure="chi2", correction="yates")[0] == 0


def test_bad_options_are_named():
    with pytest.raises(ParameterError, match="measure must be one of lr, chi2"):
        keyness_table(1, 1, 2, 2, measure="pmi")
    with pytest.raises(ParameterError, match="correction must be one of"):
        keyness_table(1, 1, 2, 2, correction="williams")


# ---------------------------------------------------------------- textstat_keyness on a toy corpus

@pytest.fixture(scope="module")
def toy():
    # Comma-separated words, so the counts are certain.
    texts = {
        "g1": "改革，改革，改革，项目，项目，生态。",          # 6 words
        "g2": "改革，项目，项目，生态，生态。",                # 5 words
        "p1": "党建，党建，党建，生态，改革。",                # 5 words
    }
    meta = {"g1": {"place": "甲市", "doc_type": "gov_work_report"},
            "g2": {"place": "乙市", "doc_type": "gov_work_report"},
            "p1": {"place": "甲市", "doc_type": "party_congress_report"}}
    toks = tokens(corpus(texts, meta=meta))
    assert [t for t in toks["g1"] if t not in ",。"] == ["改革"] * 3 + ["项目"] * 2 + ["生态"]
    return toks


def test_keyness_of_one_document_against_the_rest(toy):
    k = textstat_keyness(toy, "p1")
    assert list(k.columns) == ["feature", "G2", "p", "n_target", "n_reference", "log_ratio"]
    assert k.attrs["target"] == "p1" and k.attrs["reference"] == "g1、g2"
    assert (k.attrs["n_target_total"], k.attrs["n_reference_total"]) == (5, 11)
    top = k.iloc[0]
    assert (top["feature"], top["n_target"], top["n_reference"]) == ("党建", 3, 0)
    # 党建: a = 3, b = 0, 5 vs 11 words -> the same numbers as the bare 2x2 table
    stat, p, lr = keyness_table(3, 0, 5, 11)
    assert top["G2"] == pytest.approx(stat) and top["log_ratio"] == pytest.approx(math.log2((3.5 / 5) / (0.5 / 11)))
    assert k["G2"].is_monotonic_decreasing
    assert k.iloc[-1]["G2"] < 0                         # 项目 (0 of 5 vs 4 of 11) is reference-typical
    assert k.iloc[-1]["feature"] == "项目"


def test_selection_by_metadata_and_explicit_reference(toy):
    by_type = textstat_keyness(toy, {"doc_type": "gov_work_report"}, measure="chi2")
    # A side chosen by metadata is named by its values; the default reference by the same column.
    assert by_type.attrs["target"] == "gov_work_report" and "chi2" in by_type.columns
    assert by_type.attrs["reference"] == "party_congress_report"
    # g1 + g2 vs p1: 项目 4 of 11 vs 0 of 5; chi2 with Yates by hand:
    # a=4,b=0,c=7,d=5,N=16: |ad-bc| = |20 - 0| = 20; (20 - 8)^2 * 16 / (4 * 12 * 11 * 5) = 2304/2640
    row = by_type.set_index("feature").loc["项目"]
    assert row["chi2"] == pytest.approx(2304 / 2640)
    versus = textstat_keyness(toy, {"place": "甲市", "doc_type": "gov_work_report"}, reference="g2")
    assert versus.attrs["target"] == "甲市/gov_work_report" and versus.attrs["reference"] == "g2"
    assert versus.attrs["n_target_total"] == 6
    flags = textstat_keyness(toy, [True, False, False])
    assert flags.attrs["target"] == "g1"


def test_groups_select_group_values(toy):
    k = textstat_keyness(toy, "甲市", groups="place")
    assert k.attrs["target"] == "甲市" and k.attrs["reference"] == "乙市"
    assert k.set_index("feature").loc["党建", "n_target"] == 3


def test_min_count_drops_rare_features(toy):
    assert "党建" in set(textstat_keyness(toy, "g1", min_count=3)["feature"])
    assert set(textstat_keyness(toy, "g1", min_count=5)["feature"]) == {"改革"}   # 5 in all


def test_selection_errors_name_what_exists(toy):
    with pytest.raises(ParameterError, match="no document or group nope; available: g1, g2, p1"):
        textstat_keyness(toy, "nope")
    with pytest.raises(ParameterError, match="unknown column.*colour"):
        textstat_keyness(toy, {"colour": "red"})
    with pytest.raises(ParameterError, match="nothing matches.*place: 乙市, 甲市"):
        textstat_keyness(toy, {"place": "丙市"})
    with pytest.raises(ParameterError, match="needs a reference"):
        textstat_keyness(toy, ["g1", "g2", "p1"])
    with pytest.raises(ParameterError, match="share g1"):
        textstat_keyness(toy, "g1", reference=["g1", "g2"])
    with pytest.raises(ParameterError, match="2 flags for 3 documents"):
        textstat_keyness(toy, [True, False])


def test_a_single_document_corpus_has_no_reference():
    toks = tokens(corpus({"only": "改革，生态。"}))
    with pytest.raises(ParameterError, match="needs a reference"):
        textstat_keyness(toks, "only")


# ---------------------------------------------------------------- each unit against the rest

def test_each_document_against_all_the_others(toy):
    # p1 against g1 + g2: 党建 a = 3 of 5 words, b = 0 of 11; N = 16, E = 0.9375, 2.0625,
    # 4.0625, 8.9375: G2 = 2 [3 ln 3.2 + 2 ln(2/4.0625) + 11 ln(11/8.9375)]
    #    = 2 [3.489452 - 1.417303 + 2.284033] = 8.712365; p = erfc(sqrt(4.356183)) = 0.003161.
    # g1's and g2's words are over-represented too, but at p > 0.2: left out at p <= 0.05.
    each = textstat_keyness_each(toy)
    assert list(each.columns) == ["group", "rank", "feature", "G2", "p", "n_target", "n_reference", "log_ratio",
                                  "more_tied"]
    assert each[["group", "rank", "feature", "n_target", "n_reference"]].values.tolist() == [["p1", 1, "党建", 3, 0]]
    assert each.loc[0, "G2"] == pytest.approx(8.712365, abs=1e-6)
    assert each.loc[0, "p"] == pytest.approx(0.003161, abs=1e-6)
    assert each.loc[0, "log_ratio"] == pytest.approx(math.log2((3.5 / 5) / (0.5 / 11)))
    assert each.attrs["units"] == ["g1", "g2", "p1"]


def test_each_unit_keeps_only_its_over_represented_words_in_keyness_order(toy):
    each = textstat_keyness_each(toy, max_p=1)
    # g1 (改革 3, 项目 2, 生态 1 of 6) against g2 + p1 (改革 2, 项目 2, 生态 3, 党建 3 of 10):
    # 改革 and 项目 are used more, 生态 and 党建 less; g2's 生态 and 项目 tie (2 of 5 vs 2 of 11)
    # and are ordered by the word.
    assert each[["group", "rank", "feature"]].values.tolist() == [
        ["g1", 1, "改革"], ["g1", 2, "项目"], ["g2", 1, "生态"], ["g2", 2, "项目"], ["p1", 1, "党建"]]
    assert (each["G2"] > 0).all()
    # Each block is textstat_keyness of that unit against the rest, its positive rows.
    alone = textstat_keyness(toy, "g1").set_index("feature")
    assert each.loc[0, "G2"] == pytest.approx(alone.loc["改革", "G2"])
    assert each.loc[0, "G2"] == pytest.approx(keyness_table(3, 2, 6, 10)[0])
    one = textstat_keyness_each(toy, max_p=1, n=1)
    assert one["feature"].tolist() == ["改革", "生态", "党建"]
    # g2's 项目 has 生态's G2 and is cut: counted, not dropped silently; g1's 项目 scores less than 改革
    assert one["more_tied"].tolist() == [0, 1, 0]
    assert each["more_tied"].tolist() == [0] * 5


def test_each_group_and_units_without_key_words(toy):
    places = textstat_keyness_each(toy, groups="place", max_p=1)
    assert places.attrs["units"] == ["甲市", "乙市"]      # in the order of the documents
    assert places.loc[0, ["group", "feature", "n_target"]].tolist() == ["甲市", "党建", 3]
    assert places.loc[0, "G2"] == pytest.approx(textstat_keyness(toy, "甲市", groups="place")["G2"].iloc[0])
    none = textstat_keyness_each(toy, max_p=1e-9)
    assert none.empty and none.attrs["units"] == ["g1", "g2", "p1"]
    # min_count drops rare words, not their share of a unit's words: the totals stay 6 and 10.
    rare_dropped = textstat_keyness_each(toy, max_p=1, min_count=5)
    assert rare_dropped[["group", "feature"]].values.tolist() == [["g1", "改革"]]
    assert rare_dropped.loc[0, "G2"] == pytest.approx(keyness_table(3, 2, 6, 10)[0])
    with pytest.raises(ParameterError, match="at least two documents or groups, not 1 \\(only\\)"):
        textstat_keyness_each(tokens(corpus({"only": "改革，生态。"})))


# ---------------------------------------------------------------- plot

def test_keyness_plot_draws_both_sides_with_chinese_labels(toy):
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = textplot_keyness(textstat_keyness(toy, "p1"), n=2)
    ax = fig.axes[0]
    ticks = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    assert max(ticks, key=ticks.get) == "党建"    # the strongest target word is drawn on top
    assert min(ticks, key=ticks.get) == "项目"    # the strongest reference word at the bottom
    widths = [bar.get_width() for bar in ax.patches]
    assert any(w > 0 for w in widths) and any(w < 0 for w in widths)
    # p1 overuses only 党建; 项目 and 改革 are the two most reference-typical words (n=2).
    assert len(widths) == 3
    assert "p1" in ax.get_title()
    plt.close(fig)


def test_keyness_plot_labels_fit_when_the_reference_is_many_places():
    # One place against nine others: the reference's name lists them all; the chart names the
    # first and the count, and its axis label stays inside the figure.
    import matplotlib.pyplot as plt

    places = ["内蒙古自治区", "安徽省", "甘肃省", "广西壮族自治区", "海南省", "河南省", "江苏省",
              "江西省", "青海省", "陕西省"]
    texts = {f"d{i}": ("稀土，" * 30 if i == 0 else "全省，" * 20) + "发展。" for i in range(10)}
    meta = {f"d{i}": {"place": place} for i, place in enumerate(places)}
    k = textstat_keyness(tokens(corpus(texts, meta=meta)), {"place": "内蒙古自治区"}, min_count=1)
    assert k.attrs["reference"].count("/") == 8
    fig = textplot_keyness(k, n=2)
    ax = fig.axes[0]
    label = ax.get_xlabel()
    assert "安徽省等9个" in label and "陕西省" not in label
    assert "安徽省等9个" in [t.get_text().split("：")[-1] for t in ax.get_legend().get_texts()]
    fig.canvas.draw()
    box, page = ax.xaxis.label.get_window_extent(), fig.bbox
    assert page.x0 <= box.x0 and box.x1 <= page.x1
    plt.close(fig)
