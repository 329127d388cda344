"""Markdown helpers: escaping of data text, numbers as a reader writes them."""
from policytext.findings import fmt_number, fmt_percent, md_escape, nothing_to_show


def test_script_payload_is_inert():
    out = md_escape("<img src=x onerror=alert(1)>")
    assert "<" not in out and ">" not in out
    assert out == r"&lt;img src=x onerror=alert\(1\)&gt;"


def test_markdown_punctuation_is_shown_not_interpreted():
    assert md_escape("*嘉峪关* [市](x)") == r"\*嘉峪关\* \[市\]\(x\)"
    assert md_escape("第一行\n第二行") == "第一行 第二行"


def test_numbers():
    assert fmt_number(9.868421, decimals=2) == "9.87"
    assert fmt_number(-0.04) == "0.0"
    assert fmt_number(12345.678, decimals=0) == "12,346"
    assert fmt_number(None) == "–"
    assert fmt_percent(7.5) == "7.5%"


def test_nothing_to_show_is_one_sentence():
    text = nothing_to_show("attainment", "no year has both a target and a result")
    assert text.count(".") == 1 and "attainment" in text
