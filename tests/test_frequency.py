"""Term frequency, kwic, collocations and keywords on small hand-checked examples.

Exact tables use hand-made token lists (the {doc_id: [tokens]} form), so the
expected numbers do not depend on the segmenter's dictionary; the tests marked
"real tokens" run the same functions on policytext.tokens().
"""
import io
import json
import math
import subprocess
import sys
from collections import Counter

import pandas as pd
import pytest

from policytext import corpus
from policytext.errors import ParameterError
from policytext.frequency import (is_term, kwic, textstat_collocations, textstat_frequency, textstat_keywords,
                                  textstat_trends)
from policytext.lexicon import stopwords
from policytext.tokens import tokens, tokens_remove

A = "我们推进高质量发展，发展产业链。2021年增长8.5%。"
B = "发展产业链，推进乡村振兴。发展新能源。"
C = "乡村振兴，乡村振兴的新能源和产业链。"
TOKS = {
    "a": ["我们", "推进", "高质量发展", ",", "发展", "产业链", "。", "2021年", "增长", "8.5%", "。"],
    "b": ["发展", "产业链", ",", "推进", "乡村振兴", "。", "发展", "新能源", "。"],
    "c": ["乡村振兴", ",", "乡村振兴", "的", "新能源", "和", "产业链", "。"],
}
META = {"a": {"place": "金昌市"}, "b": {"place": "嘉峪关市"}, "c": {"place": "嘉峪关市"}}
# Cleaning maps full-width punctuation to ASCII (， -> ,), so the tokens of clean text use ",".
STOP = ["我们"]  # a fixed stopword list: the expected numbers must not move with stopwords_v1


@pytest.fixture(scope="module")
def toy():
    c = corpus({"a": A, "b": B, "c": C}, meta=META)
    for doc_id, words in TOKS.items():
        assert "".join(words) == c[doc_id].clean  # the hand tokens cover the clean text
    return c


def table(frame):
    return [tuple(row) for row in frame[["feature", "count", "rank", "docfreq"]].itertuples(index=False)]


def test_frequency_hand_computed(toy):
    f = textstat_frequency(TOKS, corpus=toy, remove=STOP)
    # Kept tokens: a: 推进 高质量发展 发展 产业链 增长 (5; 我们 stop, 2021年 and 8.5% numbers,
    # punctuation out); b: 发展 产业链 推进 乡村振兴 发展 新能源 (6); c: 乡村振兴 乡村振兴
    # 新能源 产业链 (4; 的 and 和 are single characters). Total 15.
    # Ties by term in code-point order: 乡(4E61) < 产(4EA7) < 发(53D1); rank is "min".
    assert table(f) == [
        ("乡村振兴", 3, 1, 2), ("产业链", 3, 1, 3), ("发展", 3, 1, 2),
        ("推进", 2, 4, 2), ("新能源", 2, 4, 2),
        ("增长", 1, 6, 1), ("高质量发展", 1, 6, 1),
    ]
    # per_10k = count / 15 kept tokens * 10,000
    assert f["per_10k"].tolist() == pytest.approx([2000, 2000, 2000, 1333.333, 1333.333, 666.667, 666.667], abs=1e-3)
    assert set(f["group"]) == {"all"}


def test_frequency_n_and_groups_by_place(toy):
    f = textstat_frequency(TOKS, corpus=toy, remove=STOP, groups="place", n=3)
    jyg = f[f["group"] == "嘉峪关市"]
    # 嘉峪关市 = b + c: 10 kept tokens; 乡村振兴 3 -> 3000 per 10k; 产业链 2, 发展 2 -> 2000.
    assert table(jyg) == [("乡村振兴", 3, 1, 2), ("产业链", 2, 2, 2), ("发展", 2, 2, 1)]
    assert jyg["per_10k"].tolist() == pytest.approx([3000, 2000, 2000])
    jc = f[f["group"] == "金昌市"]
    # 金昌市 = a: 5 kept tokens, each once -> 2000 per 10k; the top 3 by term order
    # (产 4EA7 < 发 53D1 < 增 589E < 推 63A8 < 高 9AD8).
    assert table(jc) == [("产业链", 1, 1, 1), ("发展", 1, 1, 1), ("增长", 1, 1, 1)]
    assert jc["per_10k"].tolist() == pytest.approx([2000, 2000, 2000])
    assert list(f["group"].unique()) == ["金昌市", "嘉峪关市"]  # order of first appearance (a, then b)


def test_frequency_bigrams_never_bridge_removed_tokens(toy):
    f = textstat_frequency(TOKS, corpus=toy, remove=STOP, ngrams=2)
    # a: 推进高质量发展, 发展产业链 (the comma and 2021年 break the chain);
    # b: 发展产业链, 推进乡村振兴, 发展新能源; c: none (every pair has a comma or 的/和 between).
    # 5 bigrams in all: 发展产业链 2 -> 4000 per 10k, the others 1 -> 2000.
    assert table(f) == [("发展产业链", 2, 1, 2), ("发展新能源", 1, 2, 1),
                        ("推进乡村振兴", 1, 2, 1), ("推进高质量发展", 1, 2, 1)]
    assert f["per_10k"].tolist() == pytest.approx([4000, 2000, 2000, 2000])


def test_a_document_without_the_group_value_goes_to_missing():
    c = corpus({"a": A, "b": B}, meta={"a": {"place": "金昌市"}, "b": {"place": ""}})
    f = textstat_frequency({k: TOKS[k] for k in "ab"}, corpus=c, remove=STOP, groups="place")
    assert list(f["group"].unique()) == ["金昌市", "(missing)"]
    assert f[f["group"] == "(missing)"]["count"].sum() == 6   # b's kept tokens


def test_remove_false_counts_everything(toy):
    f = textstat_frequency(TOKS, corpus=toy, remove=False)
    counts = dict(zip(f["feature"], f["count"]))
    assert counts["。"] == 5 and counts["我们"] == 1 and counts["8.5%"] == 1
    assert f["count"].sum() == sum(len(t) for t in TOKS.values())


@pytest.mark.parametrize("token,kept", [
    ("326.5", False), ("8%", False), ("48,132", False), ("2021年", False), ("10万", False),
    ("十四", False), ("第一", False), ("五年", False), ("一批", False), ("亿元", False),
    ("，", False), ("——", False), ("\n", False), ("的", False), ("我们", False), ("新", False),
    ("十四五", True), ("5G", False), ("PM2.5", False), ("高质量发展", True), ("一体化", True), ("统一", True),
])
def test_is_term(token, kept):
    assert is_term(token) is kept


def test_bad_options(toy):
    with pytest.raises(ParameterError, match="groups='city'"):
        textstat_frequency(TOKS, corpus=toy, groups="city")
    with pytest.raises(ParameterError, match="corpus="):
        textstat_frequency(TOKS)
    with pytest.raises(ParameterError, match="not found"):
        textstat_frequency({"a": ["不在"]}, corpus=toy)


# ------------------------------------------------------------------ real tokens

def test_real_tokens_counts_and_parts():
    text = ("一、过去五年工作回顾\n我们推进乡村振兴，发展产业链。\n"
            "二、今后五年主要任务\n推进乡村振兴，推进新能源产业链。")
    c = corpus({"d": text})
    toks = tokens(c)
    assert "".join(toks["d"]) == c["d"].clean
    f = textstat_frequency(toks, groups="part")
    got = {(g, t): n for g, t, n in zip(f["group"], f["feature"], f["count"])}
    assert got[("review", "乡村振兴")] == 1 and got[("plan", "乡村振兴")] == 1
    assert got[("review", "产业链")] == 1 and got[("plan", "产业链")] == 1
    assert ("review", "新能源") not in got and got[("plan", "新能源")] == 1
    # The same numbers as counting tokens_remove's output by hand, minus single characters.
    kept = [t for t in tokens_remove(toks)["d"] if len(t) > 1 and is_term(t)]
    assert textstat_frequency(toks).set_index("feature")["count"].to_dict() == dict(Counter(kept))
    assert "我们" not in set(f["feature"]) and "我们" in stopwords()
    assert list(f["group"].unique()) == ["review", "plan"]  # parts in text order


def test_real_tokens_on_one_document_corpus():
    c = corpus({"only": "推进乡村振兴。推进乡村振兴，发展新能源。"})
    f = textstat_frequency(tokens(c))
    assert dict(zip(f["feature"], f["count"]))["乡村振兴"] == 2
    # Every term is in the only document: tf-idf is 0 for all of them, so none is listed.
    assert textstat_keywords(tokens(c), n=2).empty


# ------------------------------------------------------------------ kwic

RAW = "来源:嘉峪关日报\n推进高质量发展，发展产业链。\n高质量发展是主题。"


def test_kwic_tokens_whole_words_and_raw_offsets():
    c = corpus({"k": RAW})
    assert c["k"].clean != RAW  # the dateline is removed, so clean and raw offsets differ
    toks = {"k": ["推进", "高质量发展", ",", "发展", "产业链", "。", "\n", "高质量发展", "是", "主题", "。"]}
    k = kwic(toks, "发展", corpus=c, window=2)
    # Whole tokens only: 发展 inside 高质量发展 is not a match.
    assert len(k) == 1
    row = k.iloc[0]
    # the contexts as the file writes them (，not the clean text's ,): a reader finds them there
    assert (row.pre, row.keyword, row.post) == ("高质量发展，", "发展", "产业链。")
    assert row.pre + row.keyword + row.post in RAW
    assert RAW[row.start:row.end] == "发展" and row.start == RAW.index("，发展") + 1
    # A phrase of two tokens matches when it starts and ends on token boundaries.
    two = kwic(toks, "发展产业链", corpus=c)
    assert two["keyword"].tolist() == ["发展产业链"]
    hq = kwic(toks, "高质量发展", corpus=c, window=1)
    assert hq["sentence"].tolist() == [0, 1]
    assert [RAW[s:e] for s, e in zip(hq["start"], hq["end"])] == ["高质量发展", "高质量发展"]
    assert hq["post"].tolist() == ["，", "是"]
    assert kwic(toks, ["产业链", "发展"], corpus=c).attrs["patterns"] == ["产业链", "发展"]


def test_kwic_corpus_substrings_and_regex():
    c = corpus({"k": RAW})
    k = kwic(c, "发展", window=3)
    # Substrings: two inside 高质量发展 and the word 发展; windows are characters.
    assert len(k) == 3
    assert [RAW[s:e] for s, e in zip(k["start"], k["end"])] == ["发展"] * 3
    assert k["post"].tolist()[1] == "产业链"
    r = kwic(c, r"高质量\w{2}", regex=True)
    assert r["keyword"].tolist() == ["高质量发展", "高质量发展"]
    with pytest.raises(ParameterError, match="regular expression"):
        kwic(c, "(", regex=True)
    assert kwic(c, "不存在").empty


def test_kwic_real_tokens():
    c = corpus({"k": RAW})
    k = kwic(tokens(c), ["高质量发展", "产业链"])
    assert k["keyword"].tolist() == ["高质量发展", "产业链", "高质量发展"]
    assert all(RAW[s:e] == w for s, e, w in zip(k["start"], k["end"], k["keyword"]))


# ------------------------------------------------------------------ collocations

def test_collocations_hand_computed():
    text = "乡村振兴乡村振兴乡村建设城市振兴"
    c = corpus({"x": text})
    toks = {"x": ["乡村", "振兴", "乡村", "振兴", "乡村", "建设", "城市", "振兴"]}
    f = textstat_collocations(toks, corpus=c, min_count=2, remove=[])
    # 7 adjacent pairs: 乡村振兴 ×2, 振兴乡村 ×2, 乡村建设, 建设城市, 城市振兴; N = 7.
    # 乡村振兴: O11 = 2, R1 = pairs starting 乡村 = 3, C1 = pairs ending 振兴 = 3.
    #   E11 = 3*3/7 = 9/7; pmi = log2(2 / (9/7)) = log2(14/9) = 0.63743
    #   O12 = 1, O21 = 1, O22 = 3; E12 = E21 = 3*4/7 = 12/7, E22 = 4*4/7 = 16/7
    #   G2 = 2*(2 ln(14/9) + 2 ln(7/12) + 3 ln(21/16)) = 2*(0.88367 - 1.07799 + 0.81580) = 1.24295
    # 振兴乡村: O11 = 2, R1 = 2, C1 = 2; pmi = log2(2*7/4) = log2(3.5) = 1.80735
    #   O12 = O21 = 0, O22 = 5; E11 = 4/7, E22 = 25/7
    #   G2 = 2*(2 ln 3.5 + 5 ln 1.4) = 2*(2.50553 + 1.68236) = 8.37577
    assert f["collocation"].tolist() == ["振兴乡村", "乡村振兴"]
    assert f["count"].tolist() == [2, 2]
    assert f["pmi"].tolist() == pytest.approx([math.log2(3.5), math.log2(14 / 9)])
    assert f["pmi"].tolist() == pytest.approx([1.80735, 0.63743], abs=1e-5)
    assert f["G2"].tolist() == pytest.approx([8.37577, 1.24295], abs=1e-4)
    llr = textstat_collocations(toks, corpus=c, min_count=1, remove=[], measure="llr")
    assert llr["collocation"].iloc[0] == "振兴乡村" and len(llr) == 5


def test_collocations_skip_removed_tokens_and_check_measure(toy):
    f = textstat_collocations(TOKS, corpus=toy, min_count=1, remove=STOP)
    # Same pairs as the bigram table: nothing across a comma, 的 or a number.
    assert sorted(f["collocation"]) == sorted(["推进高质量发展", "发展产业链", "推进乡村振兴", "发展新能源"])
    with pytest.raises(ParameterError, match="measure"):
        textstat_collocations(TOKS, corpus=toy, measure="z")


# ------------------------------------------------------------------ keywords

def test_tfidf_hand_computed(toy):
    k = textstat_keywords(TOKS, corpus=toy, remove=STOP, n=5)
    assert list(k.columns) == ["doc", "feature", "count", "score", "rank", "more_tied"]
    a = k[k["doc"] == "a"]
    # tf-idf = count * log10(N / df), N = 3 documents. Doc a: every kept term once.
    # 增长, 高质量发展 (df 1): log10(3) = 0.477121; 推进, 发展 (df 2): log10(1.5) = 0.176091;
    # 产业链 (df 3): 0, not listed. Ties by count, then code point (增 589E < 高 9AD8, 发 53D1 < 推 63A8).
    assert a["feature"].tolist() == ["增长", "高质量发展", "发展", "推进"]
    assert a["score"].tolist() == pytest.approx([0.477121, 0.477121, 0.176091, 0.176091], abs=1e-6)
    assert a["rank"].tolist() == [1, 2, 3, 4]
    b = k[k["doc"] == "b"]
    # Doc b: 发展 2 * 0.176091 = 0.352183 first; 乡村振兴, 推进, 新能源 (df 2) once each; 产业链 0.
    assert b["feature"].tolist() == ["发展", "乡村振兴", "推进", "新能源"]
    assert b["score"].iloc[0] == pytest.approx(0.352183, abs=1e-6)
    c = k[k["doc"] == "c"]
    # Doc c: 乡村振兴 2 * 0.176091 = 0.352183; 新能源 0.176091; 产业链 (df 3) 0.
    assert c["feature"].tolist() == ["乡村振兴", "新能源"]
    assert c["count"].tolist() == [2, 1]
    assert c["score"].tolist() == pytest.approx([0.352183, 0.176091], abs=1e-6)
    assert set(k["more_tied"]) == {0}                  # n=5 leaves nothing out
    # n=3: a's third term 发展 (0.176) ties with 推进, which the cut leaves out; b's 推进 with 新能源
    three = textstat_keywords(TOKS, corpus=toy, remove=STOP, n=3).groupby("doc")["more_tied"].first()
    assert three.to_dict() == {"a": 1, "b": 1, "c": 0}


def test_textrank_path_graph():
    c = corpus({"p": "甲方乙方丙方"})
    k = textstat_keywords({"p": ["甲方", "乙方", "丙方"]}, corpus=c, method="textrank", window=2, remove=[])
    # Path 甲方 - 乙方 - 丙方, d = 0.85: b = 0.15 + 0.85 (a + c), a = c = 0.15 + 0.85 b / 2
    # -> a = 0.21375 / 0.2775 = 0.77027, b = 1.45946; scaled by the top score: b 1, a = c = 0.52778.
    assert k["feature"].tolist() == ["乙方", "丙方", "甲方"]
    assert k["score"].tolist() == pytest.approx([1.0, 0.527778, 0.527778], abs=1e-5)


# ------------------------------------------------------------------ CLI

def test_cli_freq_matches_segment_counts(tmp_path):
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text("我们坚持高质量发展，推进乡村振兴。2021年地区生产总值增长8.5%。\n"
                   "乡村振兴取得新成效，产业链不断延伸。", encoding="utf-8")
    two.write_text("推进产业链延链补链，推进乡村振兴和高质量发展。", encoding="gb18030")
    run = lambda *args: subprocess.run([sys.executable, "-m", "policytext", *args], capture_output=True,
                                       text=True, check=True, encoding="utf-8").stdout
    freq = pd.read_csv(io.StringIO(run("freq", str(one), str(two), "--csv")))
    assert list(freq.columns) == ["feature", "count", "docfreq", "per_10k"]
    records = [json.loads(line) for line in run("segment", str(one), str(two), "--jsonl").splitlines()]
    seg_counts = Counter(t for r in records for t in r["tokens"])
    for term, count in zip(freq["feature"], freq["count"]):
        assert seg_counts[term] == count, term
    got = dict(zip(freq["feature"], zip(freq["count"], freq["docfreq"])))
    assert got["乡村振兴"] == (3, 2) and got["高质量发展"] == (2, 2) and got["产业链"] == (2, 2)
    assert not any(ch.isdigit() for t in freq["feature"] for ch in t)
    assert not set(freq["feature"]) & (stopwords() | {"，", "。", "%"})
    assert freq["per_10k"].sum() == pytest.approx(10_000, abs=0.01)
    assert pd.read_csv(io.StringIO(run("freq", str(one), "--csv")))["feature"].tolist()[0] == "乡村振兴"


def test_report_verbs_are_kept_out_of_the_stopwords_and_drop_only_when_asked():
    from policytext.frequency import REPORT_VERBS
    from policytext.lexicon import stopwords

    assert "加快" in REPORT_VERBS and not REPORT_VERBS & stopwords()
    assert {"做好", "新增", "年内", "同比"} <= REPORT_VERBS        # a figure's verbs and its words of time
    toks = {"a": ["加快", "推进", "乡村振兴", "。"]}
    c = corpus({"a": "加快推进乡村振兴。"})
    kept = textstat_frequency(toks, corpus=c)["feature"].tolist()
    assert sorted(kept) == ["乡村振兴", "加快", "推进"]
    assert textstat_frequency(toks, corpus=c, remove=stopwords() | REPORT_VERBS)["feature"].tolist() == ["乡村振兴"]
    # the verbs before a figure go with them: 增长5.2% says a figure is reported, not what about
    toks = {"a": ["工业", "增加值", "增长", "5.2%", "。", "完成", "投资", "120亿元", "。"]}
    c = corpus({"a": "工业增加值增长5.2%。完成投资120亿元。"})
    assert textstat_frequency(toks, corpus=c, remove=stopwords() | REPORT_VERBS)["feature"].tolist() == [
        "增加值", "工业", "投资"]
    # nouns of manner and an appendix's lead-department note: 扣除自然因素影响 is about no subject
    toks = {"a": ["扣除", "自然", "因素", "影响", ",", "牵头", "单位", ":", "人社厅"]}
    c = corpus({"a": "扣除自然因素影响，牵头单位：人社厅"})
    kept = textstat_frequency(toks, corpus=c, remove=stopwords() | REPORT_VERBS)["feature"].tolist()
    assert "因素" not in kept and "牵头" not in kept and "人社厅" in kept


# ---------------------------------------------------------------- trends over the years

TREND_TEXTS = {"y19": "改革改革项目项目。", "y20": "改革项目项目项目。", "y21a": "改革改革。", "y21b": "改革项目。",
               "undated": "项目项目项目项目。"}
TREND_TOKS = {"y19": ["改革", "改革", "项目", "项目", "。"], "y20": ["改革", "项目", "项目", "项目", "。"],
              "y21a": ["改革", "改革", "。"], "y21b": ["改革", "项目", "。"], "undated": ["项目"] * 4 + ["。"]}
TREND_META = {"y19": {"date_delivered": "2019"}, "y20": {"date_delivered": "2020"},
              "y21a": {"date_delivered": "2021", "place": "乙"}, "y21b": {"date_delivered": "2021", "place": "甲"},
              "undated": {}}


def test_trends_fit_a_line_through_every_year():
    c = corpus(TREND_TEXTS, meta=TREND_META)
    t = textstat_trends(TREND_TOKS, corpus=c, min_count=1)
    # Words per year (the 。 is not a term; the undated report has no place on the line):
    # 2019 改革 2, 项目 2 of 4 -> 5000, 5000 per 10,000; 2020 改革 1, 项目 3 -> 2500, 7500;
    # 2021 pools two reports: 改革 3, 项目 1 -> 7500, 2500. Years centred: -1, 0, 1, so the
    # slope is (2021 - 2019) / 2: 改革 (7500 - 5000) / 2 = 1250, 项目 (2500 - 5000) / 2 = -1250.
    assert t.attrs["groups"] == ["2019", "2020", "2021"]
    assert t[["feature", "count", "groups_used"]].values.tolist() == [["改革", 6, 3], ["项目", 6, 3]]
    assert t["slope"].tolist() == pytest.approx([1250, -1250])
    assert t["first"].tolist() == pytest.approx([5000, 5000]) and t["last"].tolist() == pytest.approx([7500, 2500])
    assert textstat_trends(TREND_TOKS, corpus=c, min_count=7).empty          # 6 uses each


def test_trends_need_numeric_groups_and_three_of_them():
    c = corpus(TREND_TEXTS, meta=TREND_META)
    with pytest.raises(ParameterError, match="numeric group values such as years"):
        textstat_trends(TREND_TOKS, corpus=c, groups="place")
    two_years = {k: v for k, v in TREND_TOKS.items() if k != "y19"}
    c2 = corpus({k: TREND_TEXTS[k] for k in two_years}, meta={k: TREND_META[k] for k in two_years})
    with pytest.raises(ParameterError, match=r"three groups or more, not 2 \(2020, 2021\)"):
        textstat_trends(two_years, corpus=c2)


def test_kwic_shows_a_traditional_text_as_written():
    # the search is in Simplified (the clean text); what the table shows is the file's own text
    c = corpus({"t": "全省推進高質量發展，發展產業鏈，經濟增長5%。"})
    row = kwic(c, "产业链", window=4).iloc[0]
    assert (row.pre, row.keyword, row.post, row.pattern) == ("展，發展", "產業鏈", "，經濟增", "产业链")
    assert c["t"].raw[row.start:row.end] == row.keyword
