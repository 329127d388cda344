"""Smoke tests: the figures have the panels, bars, ticks and labels they should."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from policytext import corpus  # noqa: E402
from policytext.errors import ParameterError  # noqa: E402
from policytext.plots import textplot_frequency, textplot_wordcloud, textplot_xray  # noqa: E402

FREQ = pd.DataFrame({
    "feature": ["乡村振兴", "产业链", "发展", "新能源", "高质量发展", "产业链", "增长"],
    "count": [3, 2, 2, 1, 4, 1, 1],
    "group": ["嘉峪关市"] * 4 + ["金昌市"] * 3,
})


def test_frequency_small_multiples():
    fig = textplot_frequency(FREQ, n=3)
    axes = fig.get_axes()
    assert [ax.get_title() for ax in axes] == ["嘉峪关市", "金昌市"]
    assert [len(ax.patches) for ax in axes] == [3, 3]
    # Largest on top: the top tick label is the most frequent term.
    labels = [t.get_text() for t in axes[0].get_yticklabels()]
    assert labels == ["乡村振兴", "产业链", "发展"]
    assert [p.get_width() for p in axes[1].patches] == [4, 1, 1]
    plt.close(fig)
    one = textplot_frequency(FREQ[FREQ["group"] == "金昌市"], n=10)
    assert len(one.get_axes()) == 1 and len(one.get_axes()[0].patches) == 3
    plt.close(one)
    with pytest.raises(ParameterError):
        textplot_frequency(FREQ, groups="place")


def test_frequency_panels_say_what_the_cut_leaves_out_and_rates_share_one_scale():
    # 嘉峪关市's second place is a tie of 产业链 and 发展 (2 each): n=2 shows 产业链 and counts 发展
    fig = textplot_frequency(FREQ, n=2)
    assert [ax.get_title() for ax in fig.get_axes()] == ["嘉峪关市 (+1 more at 2)", "金昌市 (+1 more at 1)"]
    plt.close(fig)
    rates = FREQ.assign(per_10k=FREQ["count"] * 100.0)
    fig = textplot_frequency(rates, n=3, value="per_10k")
    assert len({ax.get_xlim() for ax in fig.get_axes()}) == 1 and fig.get_axes()[0].get_xlim()[0] == 0
    plt.close(fig)
    fig = textplot_frequency(FREQ, n=3)               # counts: each panel its own scale, as before
    assert len({ax.get_xlim() for ax in fig.get_axes()}) == 2
    plt.close(fig)


def test_wordcloud_sizes_words_by_their_count(monkeypatch):
    import wordcloud

    made = []

    class Recorded(wordcloud.WordCloud):
        def __init__(self, **options):
            made.append(options)
            super().__init__(**options)

    monkeypatch.setattr(wordcloud, "WordCloud", Recorded)
    fig = textplot_wordcloud({"乡村振兴": 7, "产业链": 3, "新能源汽车": 1}, max_words=3)   # (a cache miss)
    assert made and made[0]["relative_scaling"] == 1.0    # not wordcloud's 0.5, which mixes in the rank
    plt.close(fig)


def test_wordcloud_panels():
    fig = textplot_wordcloud(FREQ, max_words=10)
    assert [len(ax.images) for ax in fig.get_axes()] == [1, 1]
    plt.close(fig)
    empty = textplot_wordcloud({})
    assert empty.get_axes()[0].texts[0].get_text() == "no terms"
    plt.close(empty)


def test_xray_rows_ticks_and_parts():
    text_a = "一、过去五年工作回顾\n推进乡村振兴,成效明显。\n二、今后五年主要任务\n推进乡村振兴,发展产业链。"
    c = corpus({"a": text_a, "b": "产业链,乡村振兴。"})
    fig = textplot_xray(c, ["乡村振兴", "产业链"])
    axes = fig.get_axes()
    assert [ax.get_ylabel() for ax in axes] == ["a · 乡村振兴", "a · 产业链", "b · 乡村振兴", "b · 产业链"]
    ticks = [sum(len(col.get_segments()) for col in ax.collections) for ax in axes]
    assert ticks == [2, 1, 1, 1]
    # Document a has a review part and a plan part, shaded in the background; the rest is unshaded
    assert len(axes[0].patches) == 2
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["review", "plan", "other (front matter, notes)"]
    # Positions are relative: the first 乡村振兴 of a sits at its clean offset / length.
    x = axes[0].collections[0].get_segments()[0][0][0]
    assert x == pytest.approx(c["a"].clean.index("乡村振兴") / len(c["a"].clean))
    plt.close(fig)
    only_b = textplot_xray(c, "产业链", docs=["b"])
    assert len(only_b.get_axes()) == 1
    plt.close(only_b)
    with pytest.raises(ParameterError, match="unknown document"):
        textplot_xray(c, "产业链", docs=["z"])


def test_word_cloud_layout_is_cached_and_keyed_by_the_terms(monkeypatch):
    import wordcloud

    from policytext.plots import _cloud_image

    first = _cloud_image({"高质量发展": 5, "乡村振兴": 3}, 50, 200, 120)

    class Forbidden:
        def __init__(self, *args, **kwargs):
            raise AssertionError("layout recomputed despite the cache")

    monkeypatch.setattr(wordcloud, "WordCloud", Forbidden)
    assert (_cloud_image({"高质量发展": 5, "乡村振兴": 3}, 50, 200, 120) == first).all()
    with pytest.raises(AssertionError, match="recomputed"):
        _cloud_image({"高质量发展": 5, "乡村振兴": 4}, 50, 200, 120)  # new weights: new key


def test_a_dollar_in_the_data_is_drawn_as_written():
    # Terms, groups and document ids reach titles and tick labels: no mathtext, no failure.
    import io

    bad, good = r"a$\frac{1}{$b", r"x$\alpha$y"
    freq = pd.DataFrame({"feature": [bad, good, "发展"], "count": [2, 1, 1], "group": [good, good, bad]})
    figs = [textplot_frequency(freq), textplot_wordcloud(freq),
            textplot_xray(corpus({bad: "乡村振兴。"}), "乡村振兴")]
    for fig in figs:
        fig.savefig(io.BytesIO(), format="png")
    assert [t.get_text() for t in figs[0].axes[0].get_yticklabels()] == [bad, good]
    assert [ax.get_title() for ax in figs[0].axes] == [ax.get_title() for ax in figs[1].axes] == [good, bad]
    assert figs[2].axes[0].get_ylabel() == f"{bad} · 乡村振兴"
    assert not any(t.get_parse_math() for fig in figs for ax in fig.axes
                   for t in [ax.title, ax.yaxis.label, *ax.get_yticklabels()])
    for fig in figs:
        plt.close(fig)
