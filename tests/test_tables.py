"""style_table: precision per column, escaped text, no index, caption."""
import pandas as pd

from policytext.tables import style_table


def _html(**kwargs):
    frame = pd.DataFrame({"term": ["高质量发展", "<b>x</b>"], "per_1000": [9.868421, -0.00001],
                          "p": [0.0000123, 0.5]})
    return style_table(frame, caption="Terms per 1,000 tokens", **kwargs).to_html()


def test_precision_scientific_and_no_negative_zero():
    html = _html(decimals={"per_1000": 2}, scientific=["p"])
    assert ">9.87<" in html and ">0.00<" in html and "-0.00" not in html
    assert ">1.2e-05<" in html and "9.868421" not in html


def test_text_is_escaped_and_index_hidden():
    html = _html()
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "row_heading" not in html
    assert "Terms per 1,000 tokens" in html


def test_units_in_headers():
    html = _html(rename={"per_1000": "per 1,000 tokens"})
    assert ">per 1,000 tokens<" in html
