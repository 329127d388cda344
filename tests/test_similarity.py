"""Distinctive terms (TF-IDF), similarity matrices and the heatmap, on hand-checked toy texts."""
import math

import matplotlib
import numpy as np
import pytest

from policytext import corpus
from policytext.errors import ParameterError
from policytext.tokens import tokens
from policytext.similarity import textplot_heatmap, textstat_distinctive, textstat_simil

# Comma-separated words, so the segmentation is certain (checked in the fixture).
TEXTS = {
    "x": "改革，改革，开放，生态。",
    "same": "改革，改革，开放，生态。",
    "y": "农业，农村，农民。",
    "z": "改革，农业。",
}


@pytest.fixture(scope="module")
def toy():
    toks = tokens(corpus(TEXTS))
    assert [t for t in toks["x"] if t not in ",。"] == ["改革", "改革", "开放", "生态"]
    assert [t for t in toks["y"] if t not in ",。"] == ["农业", "农村", "农民"]
    return toks


def test_identical_documents_have_similarity_one_and_disjoint_ones_zero(toy):
    sim = textstat_simil(toy)
    assert list(sim.index) == list(sim.columns) == ["x", "same", "y", "z"]
    assert sim.loc["x", "same"] == pytest.approx(1.0)
    assert sim.loc["x", "y"] == 0.0
    assert np.allclose(sim.to_numpy(), sim.to_numpy().T)
    assert (np.diag(sim.to_numpy()) == 1.0).all()


def test_cosine_by_hand(toy):
    # x = (改革 2, 开放 1, 生态 1), z = (改革 1, 农业 1): dot = 2; |x| = sqrt(6), |z| = sqrt(2)
    # cosine = 2 / sqrt(12) = 0.577350
    sim = textstat_simil(toy)
    assert sim.loc["x", "z"] == pytest.approx(2 / math.sqrt(12))
    # jaccard of the sets {改革, 开放, 生态} and {改革, 农业} = 1 / 4
    assert textstat_simil(toy, method="jaccard").loc["x", "z"] == pytest.approx(0.25)


def test_similarity_by_part_labels_units_and_min_tokens_drops_small_ones():
    c = corpus({"r": "过去五年，改革，开放。\n今后五年，改革，开放。", "q": "改革，开放。"})
    sim = textstat_simil(tokens(c), groups=["doc", "part"])
    assert list(sim.index) == ["r:review", "r:plan", "q:other"]
    # review = (过去, 五年, 改革, 开放), plan = (今后, 五年, 改革, 开放): dot 3, norms 2 and 2
    assert sim.loc["r:review", "r:plan"] == pytest.approx(3 / 4)
    small = textstat_simil(tokens(c), groups=["doc", "part"], min_tokens=3)
    assert list(small.index) == ["r:review", "r:plan"]


def test_bad_method_is_named(toy):
    with pytest.raises(ParameterError, match="method must be one of cosine, jaccard, correlation"):
        textstat_simil(toy, method="euclid")


def test_distinctive_terms_by_tfidf(toy):
    d = textstat_distinctive(toy, n=2)
    assert list(d.columns) == ["doc", "rank", "feature", "count", "docfreq", "tfidf", "more_tied"]
    # N = 4 documents. In x: 改革 (count 2, in 3 docs) 2*log10(4/3) = 0.249877;
    # 开放 and 生态 (count 1, in 2 docs) 1*log10(2) = 0.301030 each -> 开放, 生态 (tie by name).
    x = d[d.doc == "x"]
    assert list(x["feature"]) == ["开放", "生态"]
    assert x["tfidf"].iloc[0] == pytest.approx(math.log10(2))
    # In y every word is unique to y: log10(4) each.
    assert set(d[d.doc == "y"]["feature"]) <= {"农业", "农村", "农民"}
    y = textstat_distinctive(toy, n=3)
    assert y[(y.doc == "y") & (y.feature == "农村")]["tfidf"].iloc[0] == pytest.approx(math.log10(4))
    z = y[y.doc == "z"].set_index("feature")
    assert z.loc["改革", "tfidf"] == pytest.approx(math.log10(4 / 3))


def test_distinctive_terms_count_the_ties_the_cut_leaves_out(toy):
    # x: 开放 and 生态 tie at log10(2) (above 改革's 2*log10(4/3)); n=1 keeps 开放 and counts 生态.
    # y: 农村 and 农民 tie at log10(4) (农业, in z too, has log10(2)): n=1 keeps 农村 (code-point
    # order) and counts 农民.
    d = textstat_distinctive(toy, n=1).set_index("doc")
    assert d.loc["x", "feature"] == "开放" and d.loc["x", "more_tied"] == 1
    assert d.loc["y", "feature"] == "农村" and d.loc["y", "more_tied"] == 1
    # z: 农业 log10(4) > 改革 log10(4/3): no tie at the cut
    assert d.loc["z", "feature"] == "农业" and d.loc["z", "more_tied"] == 0
    # the tie ends inside the cut: nothing beyond it
    assert textstat_distinctive(toy, n=2).set_index("doc").loc["x", "more_tied"].tolist() == [0, 0]


def test_a_tie_at_the_top_of_a_real_report_is_counted():
    # 海拉尔 2013 (bundled), the words notebook 03 compares: eleven terms share its top TF-IDF
    # (3 uses in 2 of 8 reports, or 2 in 1: 3·log10(4) = 2·log10(8)); eight are shown, three counted
    from policytext import data_corpus, stopwords
    from policytext.frequency import REPORT_VERBS
    from policytext.places import place_words
    from policytext.tokens import tokens_remove

    c = data_corpus("hailar")
    content = tokens_remove(tokens(c), stopwords=stopwords() | REPORT_VERBS, single_chars=True, numerals=True)
    words = tokens_remove(content, stopwords=place_words(c))
    top = textstat_distinctive(words, n=8)
    year = top[top["doc"] == "hailar_gov_2013"]
    assert len(year) == 8 and year["tfidf"].nunique() == 1 and set(year["more_tied"]) == {3}
    assert year["tfidf"].iloc[0] == pytest.approx(2 * math.log10(8))


def test_a_single_document_has_no_distinctive_terms():
    d = textstat_distinctive(tokens(corpus({"only": "改革，开放。"})))
    assert d.empty and list(d.columns) == ["doc", "rank", "feature", "count", "docfreq", "tfidf", "more_tied"]


def test_heatmap_annotates_every_cell(toy):
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sim = textstat_simil(toy)
    fig = textplot_heatmap(sim, title="相似度", fmt=".2f")
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 16 and texts[0] == "1.00"
    assert ax.get_title() == "相似度"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["x", "same", "y", "z"]
    plt.close(fig)
    with pytest.raises(ParameterError, match="empty"):
        textplot_heatmap(sim.iloc[0:0, 0:0])


def test_groups_pool_documents_and_a_dfm_is_accepted(toy):
    from policytext.dfm import dfm, is_word

    # x and same are one place, y and z another: pooled counts 甲 = (改革 4, 开放 2, 生态 2),
    # 乙 = (农业 2, 农村 1, 农民 1, 改革 1); dot = 4; |甲| = sqrt(24), |乙| = sqrt(7).
    c = corpus(TEXTS, meta={"x": {"place": "甲"}, "same": {"place": "甲"}, "y": {"place": "乙"},
                            "z": {"place": "乙"}})
    sim = textstat_simil(tokens(c), groups="place")
    assert list(sim.index) == ["甲", "乙"] and sim.index.name == "place"
    assert sim.loc["甲", "乙"] == pytest.approx(4 / math.sqrt(24 * 7))
    assert textstat_simil(dfm(toy, select=is_word)).loc["x", "z"] == pytest.approx(2 / math.sqrt(12))
    d = textstat_distinctive(tokens(c), groups="place", n=1)
    # 乙's 农业 (2 * log10(2 / 1)) beats its 改革 (used by both groups: tf-idf 0, never listed).
    assert d.set_index("place").loc["乙", "feature"] == "农业"
