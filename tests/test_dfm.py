"""The counting layer (policytext.dfm) on a toy corpus whose tables are computed by hand.

Hand tokens ({doc_id: [tokens]} with corpus=) keep the numbers independent of the segmenter.
"""
import math

import numpy as np
import pytest

from policytext import corpus
from policytext.dfm import (DFM, dfm, dfm_group, dfm_select, dfm_subset, dfm_trim, dfm_weight, docfreq, g2,
                            is_word)
from policytext.errors import ParameterError
from policytext.frequency import textstat_collocations
from policytext.tokens import tokens

TEXTS = {"a": "改革开放，改革。", "b": "开放，生态。", "c": "生态，生态，改革。", "d": "创新。"}
TOKS = {
    "a": ["改革", "开放", ",", "改革", "。"],
    "b": ["开放", ",", "生态", "。"],
    "c": ["生态", ",", "生态", ",", "改革", "。"],
    "d": ["创新", "。"],
}
META = {
    "a": {"place": "甲市", "doc_type": "gov_work_report", "date_delivered": "2021-01-05"},
    "b": {"place": "乙市", "doc_type": "gov_work_report", "date_delivered": "2022-01-05"},
    "c": {"place": "甲市", "doc_type": "party_congress_report", "date_delivered": "2021-06-01"},
    "d": {"place": "", "doc_type": "interview", "date_delivered": "2022-03-01"},
}
# Words (is_word) per document, features in order of first appearance (改革 开放 生态 创新):
#   a: 改革 2, 开放 1        b: 开放 1, 生态 1        c: 改革 1, 生态 2        d: 创新 1
COUNTS = [[2, 1, 0, 0], [0, 1, 1, 0], [1, 0, 2, 0], [0, 0, 0, 1]]


@pytest.fixture(scope="module")
def toy():
    c = corpus(TEXTS, meta=META)
    for doc_id, words in TOKS.items():
        assert "".join(words) == c[doc_id].clean
    return c


@pytest.fixture(scope="module")
def x(toy):
    return dfm(TOKS, select=is_word, corpus=toy)


def test_dfm_counts_features_and_docvars(x):
    assert x.docnames == ("a", "b", "c", "d")
    assert x.features == ("改革", "开放", "生态", "创新")
    assert x.counts.tolist() == COUNTS
    assert x.ntoken().tolist() == [3, 2, 3, 1]
    assert x.docvars.loc["a", "place"] == "甲市" and x.docvars.loc["c", "year"] == 2021
    assert x.to_frame().loc["c", "生态"] == 2


def test_without_select_every_token_counts(toy):
    everything = dfm(TOKS, corpus=toy)
    assert everything.ntoken().tolist() == [len(t) for t in TOKS.values()]
    assert everything.to_frame().loc["c", ","] == 2


def test_bigrams_never_bridge_an_unselected_token(toy):
    pairs = dfm(TOKS, select=is_word, ngrams=2, corpus=toy)
    # a: 改革开放 only (the comma breaks 开放|,|改革); b, c, d: every pair has punctuation between.
    assert pairs.features == ("改革开放",) and pairs.counts.tolist() == [[1], [0], [0], [0]]
    with pytest.raises(ParameterError, match="ngrams"):
        dfm(TOKS, ngrams=0, corpus=toy)


def test_parts_split_documents_into_review_and_plan():
    c = corpus({"r": "过去五年，改革，开放。\n今后五年，改革，生态。"})
    x = dfm(tokens(c), select=is_word, parts=True)
    assert x.docnames == ("r:review", "r:plan")
    assert x.docvars["part"].tolist() == ["review", "plan"]
    assert x.to_frame().loc["r:plan", "生态"] == 1 and x.to_frame().loc["r:review", "生态"] == 0


def test_the_glossary_after_a_report_is_not_counted_unless_asked():
    # 江西 2026: 上门 once in the report and again in the glossary's definition of it
    text = "\n".join(["一、2025年工作回顾", "开展“三上门”行动，成效明显。" * 4, "二、2026年重点工作", "推进改革，上门服务。" * 4,
                     "《政府工作报告》有关内容名词注释", "1.上门服务：上门排忧解难、上门宣讲法规。"])
    toks = tokens(corpus({"jx": text}), discover=False)
    assert dfm(toks, select=is_word).to_frame().loc["jx", "上门"] == 4     # 4 in the plan; the notes' 2 not
    assert dfm(toks, select=is_word, notes=True).to_frame().loc["jx", "上门"] == 6
    assert dfm(toks, select=is_word, parts=True).docnames == ("jx:review", "jx:plan")    # no "other" row left


def test_group_sums_rows_keeps_first_appearance_and_shared_docvars(x):
    g = dfm_group(x, groups="place")
    # 甲市 = a + c, 乙市 = b, d has no place -> "(missing)".
    assert g.docnames == ("甲市", "乙市", "(missing)")
    assert g.counts.tolist() == [[3, 1, 2, 0], [0, 1, 1, 0], [0, 0, 0, 1]]
    # a and c differ in doc_type and doc: only what both share is kept.
    assert g.docvars.loc["甲市", "year"] == 2021 and g.docvars.loc["乙市", "doc_type"] == "gov_work_report"
    assert g.docvars["doc_type"].isna()["甲市"]
    by_two = dfm_group(x, groups=["place", "year"])
    assert by_two.docnames == ("甲市:2021", "乙市:2022", "(missing):2022")


def test_group_by_part_puts_parts_in_text_order():
    c = corpus({"o": "改革，开放。", "r": "过去五年，改革。\n今后五年，生态。"})
    g = dfm_group(dfm(tokens(c), select=is_word, parts=True), groups="part")
    # o has no cue (all "other") and comes first in the corpus, but parts keep their order.
    assert g.docnames == ("review", "plan", "other")


def test_group_errors_name_the_column(x):
    with pytest.raises(ParameterError, match="groups='city'.*unknown group column"):
        dfm_group(x, groups="city")
    with pytest.raises(ParameterError, match="parts=True"):
        dfm_group(x, groups="part")


def test_weights_by_hand(x):
    prop = dfm_weight(x, scheme="prop")
    assert prop.counts[0].tolist() == pytest.approx([2 / 3, 1 / 3, 0, 0])
    assert prop.scheme == "prop"
    assert dfm_weight(x, scheme="boolean").counts[2].tolist() == [1, 0, 1, 0]
    # tf-idf = count * log10(N / df), N = 4: 改革, 开放, 生态 in 2 documents, 创新 in 1.
    tfidf = dfm_weight(x, scheme="tfidf").counts
    assert docfreq(x).tolist() == [2, 2, 2, 1]
    assert tfidf[0].tolist() == pytest.approx([2 * math.log10(2), math.log10(2), 0, 0])
    assert tfidf[2, 2] == pytest.approx(0.602060, abs=1e-6) and tfidf[3, 3] == pytest.approx(math.log10(4))
    with pytest.raises(ParameterError, match="already weighted"):
        dfm_weight(prop, scheme="tfidf")
    with pytest.raises(ParameterError, match="scheme must be one of"):
        dfm_weight(x, scheme="bm25")


def test_a_feature_every_document_uses_has_tfidf_zero():
    x = DFM([[3, 1], [1, 0]], ("p", "q"), ("发展", "生态"))
    assert dfm_weight(x, scheme="tfidf").counts[:, 0].tolist() == [0, 0]


def test_select_trim_and_subset(x):
    assert dfm_select(x, ["改革", "创新"]).features == ("改革", "创新")
    assert dfm_select(x, ["改革"], selection="remove").features == ("开放", "生态", "创新")
    assert dfm_select(x, lambda f: f.startswith("开")).counts.tolist() == [[1], [1], [0], [0]]
    # 改革 3 times in 2 docs, 开放 2 in 2, 生态 3 in 2, 创新 1 in 1.
    assert dfm_trim(x, min_termfreq=3).features == ("改革", "生态")
    assert dfm_trim(x, min_docfreq=2).features == ("改革", "开放", "生态")
    sub = dfm_subset(x, [True, False, True, False])
    assert sub.docnames == ("a", "c") and sub.docvars.index.tolist() == ["a", "c"]
    with pytest.raises(ParameterError, match="3 flags for 4 documents"):
        dfm_subset(x, [True, False, True])


def test_g2_of_a_hand_computed_2x2_table():
    # a = 6 of 20 target words, b = 2 of 20 reference words: E = 4, 4, 16, 16.
    # G2 = 2 [6 ln(6/4) + 2 ln(2/4) + 14 ln(14/16) + 18 ln(18/16)] = 2.594303
    assert float(g2(6, 2, 20, 20)) == pytest.approx(2.594303, abs=1e-6)
    # Yates: counts moved 0.5 towards E (5.5, 2.5, 14.5, 17.5) -> 1.434636
    assert float(g2(6, 2, 20, 20, shift=0.5)) == pytest.approx(1.434636, abs=1e-6)
    # A zero cell: 0 ln 0 = 0. a = 0, b = 5 of 20 each -> 7.648207
    assert float(g2(0, 5, 20, 20)) == pytest.approx(7.648207, abs=1e-6)


def test_collocations_use_the_same_g2():
    # Pairs 甲乙 ×2, 乙甲, 乙丙 (N = 4); 甲乙: O11 = 2, first 甲 = 2, last 乙 = 2:
    # the 2x2 table (2, 0 / 0, 2) -> G2 = 2 [2 ln 2 + 2 ln 2] = 8 ln 2 = 5.545177
    c = corpus({"t": "甲方乙方甲方乙方丙方"})
    toks = {"t": ["甲方", "乙方", "甲方", "乙方", "丙方"]}
    f = textstat_collocations(toks, corpus=c, min_count=2, remove=[]).set_index("collocation")
    assert f.loc["甲方乙方", "G2"] == pytest.approx(8 * math.log(2))
    assert f.loc["甲方乙方", "G2"] == pytest.approx(float(g2(2, 0, 2, 2)))


def test_a_hand_made_dfm_checks_its_shape():
    with pytest.raises(ParameterError, match="shape"):
        DFM(np.zeros((2, 3)), ("a", "b"), ("x", "y"))


def test_statistics_need_counts_not_weights(x):
    from policytext.similarity import textstat_simil

    with pytest.raises(ParameterError, match="DFM of counts"):
        textstat_simil(dfm_weight(x, scheme="prop"))


def test_trend_slopes_are_least_squares_lines():
    from policytext.dfm import trend_slopes
    # x centred: -1.5, -0.5, 0.5, 1.5 (sum of squares 5); 2, 4, 6, 8 -> 2; 1, 3, 1, 3 ->
    # (1.5 - 0.5 - 0.5 + 1.5) / 5 = 0.4; a flat column -> 0.
    values = [[2, 1, 5], [4, 3, 5], [6, 1, 5], [8, 3, 5]]
    assert trend_slopes(values, [2012, 2013, 2014, 2015]).tolist() == pytest.approx([2.0, 0.4, 0.0])
