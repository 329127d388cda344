"""A Chinese font is found, registered idempotently, and really draws Chinese."""
import io
import subprocess
import sys
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from policytext.fonts import cjk_font_name, cjk_font_path, font_has_glyphs, use_cjk_font  # noqa: E402


def test_font_has_chinese_glyphs():
    path = cjk_font_path()
    assert path.is_file()
    assert font_has_glyphs(path, "高质量发展乡村振兴产业链嘉峪关金昌凉州")
    # The check can fail: DejaVu Sans has no Chinese.
    dejavu = matplotlib.font_manager.findfont("DejaVu Sans")
    assert not font_has_glyphs(dejavu, "高质量发展")


def test_use_cjk_font_is_idempotent():
    name = use_cjk_font()
    first = list(matplotlib.rcParams["font.sans-serif"])
    assert use_cjk_font() == name == cjk_font_name()
    assert list(matplotlib.rcParams["font.sans-serif"]) == first
    assert first[0] == name and first.count(name) == 1
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    registered = [f for f in matplotlib.font_manager.fontManager.ttflist if f.fname == str(cjk_font_path())]
    assert len(registered) == 1


def test_finding_the_font_does_not_import_zhplot():
    # Importing zhplot rewrites rcParams and sets FONT_PATH; we only locate its file.
    code = ("import sys, os; from policytext.fonts import cjk_font_path, use_cjk_font; cjk_font_path(); "
            "use_cjk_font(); print('zhplot' in sys.modules, 'FONT_PATH' in os.environ)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_chinese_chart_and_wordcloud_render_without_missing_glyphs():
    from policytext.plots import textplot_wordcloud

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" becomes an error
        use_cjk_font()
        fig, ax = plt.subplots()
        ax.barh([0, 1], [3, -2])
        ax.set_yticks([0, 1], ["高质量发展", "乡村振兴"])
        ax.set_title("嘉峪关 · 金昌 · 凉州")
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        plt.close(fig)
        assert buf.getvalue()[:4] == b"\x89PNG"
        cloud = textplot_wordcloud({"高质量发展": 5, "乡村振兴": 3, "产业链": 2})
        buf = io.BytesIO()
        cloud.savefig(buf, format="png")
        plt.close(cloud)


def test_web_font_is_a_single_font_file_with_chinese_glyphs():
    from policytext.fonts import web_font_path

    path = web_font_path()
    assert path is not None and path.suffix.lower() in (".ttf", ".otf")
    assert font_has_glyphs(path, "嘉峪关金昌凉州")


def test_a_dollar_in_a_label_is_shown_as_written():
    # Labels come from data: `$` in an id, a place or a term is not TeX.
    use_cjk_font()
    fig, ax = plt.subplots()
    ax.set_title(r"a$\frac{1}{$b")                  # malformed mathtext: drawing it raised
    ax.set_xlabel(r"x$\alpha$y")                    # well-formed: it became xαy
    fig.savefig(io.BytesIO(), format="png")
    assert ax.title.get_text() == r"a$\frac{1}{$b" and not ax.title.get_parse_math()
    assert not ax.xaxis.label.get_parse_math()
    plt.close(fig)
