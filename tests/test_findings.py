"""Markdown helpers: escaping of data text, numbers as a reader writes them."""
from policytext.findings import fmt_number, fmt_percent, input_notes, md_escape, nothing_to_show


def test_script_payload_is_inert():
    out = md_escape("<img src=x onerror=alert(1)>")
    assert "<" not in out and ">" not in out
    assert out == r"&lt;img src=x onerror=alert\(1\)&gt;"


def test_markdown_punctuation_is_shown_not_interpreted():
    assert md_escape("*嘉峪关* [市](x)") == r"\*嘉峪关\* \[市\]\(x\)"
    assert md_escape("第一行\n第二行") == "第一行 第二行"
    # an entity it writes stays whole: ' is &#x27;, whose # is not backslashed (shown as ', not &#x27;)
    assert md_escape("one's #1") == r"one&#x27;s \#1"
    assert md_escape("&#x27;") == r"&amp;\#x27;"      # written in the data: shown as written
    # $…$ would be math, its backslashes kept: the dollar signs are backslashed too
    assert md_escape(r"A$\frac{1}{$省") == r"A\$\\frac\{1\}\{\$省"
    # a bare URL in data is shown, not linked (Markdown renderers link it whatever is backslashed)
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    html = markdown2html_mistune(md_escape('=HYPERLINK("http://example.invalid/2014";"click")'))
    assert "<a" not in html and 'HYPERLINK(&quot;http://example.invalid/2014&quot;;&quot;click&quot;)' in html


def test_input_notes_list_what_loading_said_once_each():
    said = ["policytext: a and b hold the same text: every table counts it twice", "x.txt: no metadata row",
            "x.txt: no metadata row"]
    assert input_notes(said).split("\n") == [
        "**What loading said about the input** (nothing was dropped; read these before the tables):",
        "- a and b hold the same text: every table counts it twice", r"- x\.txt: no metadata row"]
    assert input_notes([]) == ""
    assert "&lt;script&gt;" in input_notes(["<script>alert(1)</script>.txt: file is empty"])


def test_numbers():
    assert fmt_number(9.868421, decimals=2) == "9.87"
    assert fmt_number(-0.04) == "0.0"
    assert fmt_number(12345.678, decimals=0) == "12,346"
    assert fmt_number(2021, decimals=0) == "2021" and fmt_number(8357.0, decimals=0) == "8357"
    assert fmt_number(None) == "–"
    assert fmt_percent(7.5) == "7.5%"


def test_nothing_to_show_is_one_sentence():
    text = nothing_to_show("attainment", "no year has both a target and a result")
    assert text.count(".") == 1 and "attainment" in text


# ---------------------------------------------------------------- findings on toy tables (hand-checked)

import pandas as pd

from policytext import findings as F

DOCS = pd.DataFrame({
    "id": ["a_gov", "b_int", "c_feat"], "place": ["甲市", "乙市", "<b>丙</b>"],
    "doc_type": ["gov_work_report", "interview", "feature"], "year": [2021, 2022, 2022],
    "n_chars": [12000, 3000, 4000], "n_raw_chars": [12100, 3100, 4200],
})


def test_corpus_summary_counts_and_escapes():
    text = F.corpus_summary(DOCS)
    assert "**3 reports**" in text and "3 places" in text and "2021–2022" in text
    assert "19,000 characters" in text  # 12,000 + 3,000 + 4,000
    assert "<b>" not in text and "&lt;b&gt;" in text
    # kinds by the names readers know, not the metadata codes
    assert "kinds: government work report (1), interview (1), feature article (1)" in text
    assert "gov_work_report" not in text
    # a folder without metadata: no place, no kind (empty strings, as load_corpus reads them)
    bare = DOCS.assign(place="", doc_type=["", "", None])
    assert F.corpus_summary(bare).startswith("The selection holds **3 reports**; kinds: not given (3); years")
    assert "opening lines" not in F.corpus_summary(DOCS)
    # one year is a year (pages audit: "years 2022; 2026 characters" read as two years)
    one = F.corpus_summary(DOCS.head(1).assign(n_chars=2026))
    assert one.endswith("; year 2021; 2,026 characters of clean text in all.")
    read = DOCS.assign(from_text=["place, doc_type", "", "place"])
    assert F.corpus_summary(read).endswith(" The place and kind of 2 reports are not in the metadata and were "
                                           "read from the report's opening lines (title, congress, speaker).")
    one = DOCS.assign(from_text=["", "", "doc_type"])
    assert F.corpus_summary(one).endswith(" The kind of 1 report is not in the metadata and was read from the "
                                          "report's opening lines (title, congress, speaker).")
    # the speaker and their office (provinces2026: the table names neither)
    speakers = DOCS.assign(from_text=["speaker, role", "speaker, role", "place, speaker, role"])
    assert F.corpus_summary(speakers).endswith(" The place, speaker and office of 3 reports are not in "
                                               "the metadata and were read from the report's opening lines (title, "
                                               "congress, speaker).")


def test_length_contrast_names_longest_and_shortest():
    text = F.length_contrast(DOCS)
    assert "a\\_gov (12,000 characters)" in text and "4.0 times" in text and "b\\_int (3,000 characters)" in text
    assert F.length_contrast(DOCS.head(1)).startswith("*Nothing to show")


def test_cleaning_summary_share_of_raw_text():
    removed = pd.DataFrame({"doc": ["b_int", "b_int", "c_feat"], "reason": ["share", "share", "byline"],
                            "text": ["分享到", "分享", "记者 某某"]})
    docs = DOCS.assign(n_trimmed_chars=[50, 0, 150])   # of the 400 characters raw minus clean
    text = F.cleaning_summary(removed, docs)
    # 3 + 2 + 5 = 10 characters of 19,400 raw = 0.052%, shown to one decimal
    assert "3 lines (10 characters, 0.1% of the raw text) from 2 reports" in text
    assert "most from b\\_int (2 lines)" in text and "commonest reason is share (2 lines)" in text
    # what else made the clean text shorter: the whitespace clean_text counted (not the line breaks of
    # the removed lines, which the audit of the pages found counted as indentation)
    assert text.endswith("Indentation, spaces at line ends and blank lines make the clean text 200 characters "
                         "shorter as well.")
    assert F.cleaning_summary(removed.iloc[0:0], docs) == (
        "No line was removed from the selected reports. Indentation, spaces at line ends and blank lines make "
        "the clean text 200 characters shorter.")
    # one report, one reason: no "most from" or "commonest" (pages audit, 金昌)
    assert F.cleaning_summary(removed.iloc[:2], docs).startswith(
        "Cleaning removed 2 lines (5 characters, 0.0% of the raw text) from b\\_int. The reason is share (2 lines).")
    flush = DOCS.assign(n_trimmed_chars=0)
    assert F.cleaning_summary(removed.iloc[0:0], flush).startswith("*Nothing to show")
    assert "Indentation" not in F.cleaning_summary(removed, flush)
    # a PDF copy's lines joined: said after the removed lines, or alone when none was removed
    pdf = flush.assign(n_joined_lines=[0, 412, 0], n_trimmed_chars=[0, 3, 2])
    assert ("412 lines broken inside a sentence at a PDF page's width were joined to the line before, in "
            "b\\_int. Indentation") in F.cleaning_summary(removed, pdf)
    assert F.cleaning_summary(removed.iloc[0:0], pdf.assign(n_joined_lines=[1, 3, 0])) == (
        "No line was removed from the selected reports. 4 lines broken inside a sentence at a PDF page's "
        "width were joined to the line before, in 2 reports (most in b\\_int: 3). Indentation, spaces at line "
        "ends and blank lines make the clean text 5 characters shorter.")


def test_parts_summary_range_and_unheaded():
    shares = pd.DataFrame({"review": [0.3, 0.4, 0.0], "plan": [0.65, 0.55, 0.0], "other": [0.05, 0.05, 1.0]},
                          index=pd.Index(["a", "b", "c"], name="doc"))
    text = F.parts_summary(shares)
    assert "from 55% (b) to 65% (a)" in text and "c has no review and plan parts" in text


def test_top_terms_take_the_rate_the_chart_shows():
    freq = pd.DataFrame({"term": ["经济", "生态", "文化", "经济"], "count": [10, 5, 5, 2],
                         "per_10k": [100.04, 50.0, 50.0, 20.0], "group": ["a", "a", "a", "b"]})
    text = F.top_terms(freq, n=2)
    # a term tied with the last one shown is shown too (ordered by term: 文化 before 生态)
    assert "**a**: 经济 (100.0), 文化 (50.0), 生态 (50.0)" in text
    assert "**b**: 经济 (20.0)" in text
    assert "**a**: 经济 (100.0)\n" in F.top_terms(freq, n=1)


def test_with_ties_keeps_every_row_tied_with_the_last():
    ranked = pd.DataFrame({"term": list("abcde"), "n": [9, 5, 5, 5, 1]})
    assert list(F.with_ties(ranked, 2, "n")["term"]) == ["a", "b", "c", "d"]
    assert list(F.with_ties(ranked, 1, "n")["term"]) == ["a"]
    assert list(F.with_ties(ranked, 4, "n")["term"]) == ["a", "b", "c", "d"]
    assert list(F.with_ties(ranked, 9, "n")["term"]) == list("abcde")


def test_cleaning_summary_names_every_report_tied_for_most():
    removed = pd.DataFrame({"doc": ["b_int", "b_int", "c_feat", "c_feat", "a_gov"],
                            "reason": ["share", "byline", "share", "byline", "share"], "text": ["分享"] * 5})
    text = F.cleaning_summary(removed, DOCS)
    assert "most from b\\_int and c\\_feat (2 lines each)" in text
    assert "The commonest reason is share (3 lines)." in text
    text = F.cleaning_summary(removed.iloc[:4], DOCS)
    assert "The commonest reasons are byline and share (2 lines each)." in text


def test_term_contexts_share_in_plan_of_headed_parts_only():
    hits = pd.DataFrame({"pattern": ["产业"] * 4 + ["生态"], "doc": ["a", "a", "a", "b", "b"],
                         "part": ["plan", "plan", "review", "other", "other"]})
    text = F.term_contexts(hits)
    # (2 of the 3 in a review or plan part: the page said "of those in headed reports", and the one in
    # another part of a headed report was left out; pages audit)
    assert "**产业**: 4 occurrences in 2 reports, 67% of those in a review or plan part in the plan" in text
    assert "**生态**: 1 occurrence in 1 report, none in a review or plan part" in text
    # in the order the terms were asked for (the page's explorer shows the first), not as they occur
    hits.attrs["patterns"] = ["生态", "产业", "文化"]
    assert F.term_contexts(hits).index("**生态**") < F.term_contexts(hits).index("**产业**")
    assert F.term_contexts(hits.iloc[::-1]).index("**生态**") < F.term_contexts(hits).index("**产业**")


def test_dispersion_rule_frame_or_topic():
    hits = pd.DataFrame({"pattern": ["框架"] * 5 + ["主题"] * 5, "doc": ["a"] * 10,
                         "start": [0, 200, 500, 800, 990, 400, 410, 420, 430, 440]})
    text = F.dispersion(hits, {"a": 1000})
    assert "框架 in a (5 occurrences): a frame" in text
    assert "主题 in a (5 occurrences): a topic: the middle half of its occurrences lies between 41% and 43%" in text
    # spread, but with a third of the text without it (海南 2026: 增长 never in its last third)
    hits = pd.DataFrame({"pattern": ["增长"] * 6, "doc": ["a"] * 6, "start": [20, 100, 200, 450, 600, 650]})
    assert "增长 in a (6 occurrences): spread over part of the text: none between 65% and 100% of it" in \
        F.dispersion(hits, {"a": 1000})


def test_collocations_and_slogans():
    pairs = pd.DataFrame({"collocation": ["人民群众", "装备制造"], "count": [17, 11], "pmi": [5.0, 6.0],
                          "G2": [136.74, 147.9]})
    assert "人民群众 (136.7, 17×)" in F.collocation_summary(pairs, n=1)
    slogans = pd.DataFrame({"slogan": ["四个意识", "一核三带", "2+6+N"], "count": [3, 2, 4],
                            "doc_ids": ["a,b", "b", "a"]})
    text = F.slogan_layers(slogans, {"a": "甲市", "b": "乙市"})
    assert "1 slogan is used in every place of the selection: 四个意识." in text
    assert "Only 甲市: 2\\+6\\+N." in text and "Only 乙市: 一核三带." in text
    # places in the corpus's order (place_of's), not by code point: 乙 (U+4E59) before 甲 (U+7532) here
    reordered = F.slogan_layers(slogans, {"b": "乙市", "a": "甲市"})
    assert reordered.index("Only 乙市") < reordered.index("Only 甲市") and text.index("Only 甲市") < text.index("Only 乙市")
    # a document without a place is no place of its own: 四个意识 is still in every place
    unplaced = F.slogan_layers(slogans.assign(doc_ids=["a,b", "b", "a,c"]), {"a": "甲市", "b": "乙市", "c": ""})
    assert "1 slogan is used in every place of the selection: 四个意识." in unplaced
    assert unplaced.endswith("(c, without a place, is left out of this comparison.)")
    # a national formula one place alone uses is no programme of that place (textstat_slogans's `national`)
    national = pd.DataFrame({"slogan": ["四个意识", "五位一体", "一核三带"], "count": [3, 1, 2],
                             "national": [True, True, False], "doc_ids": ["a,b", "a", "b"]})
    text = F.slogan_layers(national, {"a": "甲市", "b": "乙市"})
    assert "Only 甲市" not in text and "Only 乙市: 一核三带." in text
    assert text.endswith("National formulas that one place alone uses: 五位一体 (甲市); they are not counted as "
                         "that place's own.")
    # one place: the slogans said more than once, ties at the cut named, not five picked among those
    # said once (金昌's page named 一带一路, 五个打造 and 五个提升, each said once; pages audit)
    one = pd.DataFrame({"slogan": ["一核三带", "2+4", "一带一路", "五个打造"], "count": [2, 2, 1, 1],
                        "doc_ids": ["a"] * 4})
    assert F.slogan_layers(one, {"a": "甲市"}) == (
        "4 slogans in 甲市; the most repeated: 2\\+4 \\(2\\) and 一核三带 \\(2\\). With one place, shared and local "
        "slogans cannot be told apart.")
    assert "none is said more than once" in F.slogan_layers(one.assign(count=1), {"a": "甲市"})


def test_longest_series_follows_one_place_and_one_kind():
    docs = pd.DataFrame({
        "id": [f"d{i}" for i in range(10)],
        "place": ["甲市", "甲市", "甲市", "甲市", "甲市", "乙市", "乙市", "乙市", "丙市", None],
        "doc_type": ["gov_work_report"] * 4 + ["party_congress_report"] + ["gov_work_report"] * 3 + [None, "gov_work_report"],
        "year": [2012, 2013, 2013, 2015, 2012, 2012, 2013, 2014, 2012, 2016]})
    # 甲市's and 乙市's government reports both cover three years; 甲市 has more reports (two in 2013).
    series, text = F.longest_series(docs)
    assert series == {"place": "甲市", "doc_type": "gov_work_report", "years": [2012, 2013, 2015],
                      "ids": ["d0", "d1", "d2", "d3"]}
    assert text == ("Over the years: the government work reports of **甲市**, 3 years from 2012 to 2015 "
                    "(4 reports); no report for 2014. Other places have such series too: set `city` to "
                    "follow one of them.")
    # equal in years and reports: the first by name (乙 sorts before 甲)
    assert F.longest_series(docs.drop(index=2))[0]["place"] == "乙市"
    # a kind the metadata does not give is a series of its own, named as textstat_themes groups it
    untyped = pd.DataFrame({"id": ["x", "y", "z"], "place": ["丙市"] * 3, "doc_type": [None] * 3,
                            "year": [2010, 2011, 2012]})
    series, text = F.longest_series(untyped)
    assert series["doc_type"] is None and series["ids"] == ["x", "y", "z"]
    assert text == "Over the years: the reports of no stated kind of **丙市**, 3 years from 2010 to 2012 (3 reports)."
    assert F.longest_series(docs[docs["place"] != "甲市"].drop(index=7)) == (
        None, F.nothing_to_show("trends over the years", "no place has reports of one kind from 3 years or more"))


def test_trend_summary_reads_the_trends_table():
    trends = pd.DataFrame({"feature": ["生态", "改革", "持平", "项目"], "slope": [3.14, 0.52, 0.01, -2.0],
                           "first": [10.0, 5.0, 7.0, 30.0], "last": [31.0, 9.0, 7.1, 16.0]})
    trends.attrs["groups"] = ["2012", "2013", "2019"]
    assert F.trend_summary(trends, n=2) == (
        "From 2012 to 2019, per 10,000 terms, on a straight-line trend through every year: rising most, "
        "生态 (10.0 in 2012 → 31.0 in 2019, +3.1 a year); 改革 (5.0 in 2012 → 9.0 in 2019, +0.5 a year); "
        "falling most, 项目 (30.0 in 2012 → 16.0 in 2019, -2.0 a year).")
    # a slope that rounds to 0.0 is neither
    assert "持平" not in F.trend_summary(trends, n=5)
    assert F.trend_summary(trends[trends["slope"] > 0]).endswith("falling most, no term.")
    # 海拉尔's 项目: a line falling through every year although the last year is above the first
    # is passed over, and named; the next steepest the ends confirm takes its place
    steep = pd.DataFrame({"feature": ["工程"], "slope": [-10.1], "first": [110.9], "last": [113.8]})
    against = pd.concat([trends, steep])
    against.attrs["groups"] = ["2012", "2013", "2019"]
    assert F.trend_summary(against, n=1).endswith(
        "falling most, 项目 (30.0 in 2012 → 16.0 in 2019, -2.0 a year). Passed over: 工程, whose line runs against "
        "its first and last year (the years between decide it; see the table).")
    assert "Passed over" not in F.trend_summary(trends, n=1)
    two_years = trends.copy()
    two_years.attrs["groups"] = ["2012", "2019"]
    assert F.trend_summary(two_years).startswith("*Nothing to show for this selection: term trends")


def test_place_profiles_say_each_place_its_texts_and_terms():
    # per-place rates as textstat_frequency(groups="place") gives them; c_feat has no place,
    # so its terms are in dfm_group's "(missing)" group
    docs = DOCS.assign(place=["甲市", "甲市", None])
    freq = pd.DataFrame({"group": ["甲市", "甲市", "(missing)"], "feature": ["项目", "改革", "凉州"],
                         "per_10k": [110.9, 9.5, 147.8]})
    lines = F.place_profiles(freq, docs, n=2).split("\n")
    assert lines[0] == "- **甲市** (government work report ×1, interview ×1): 项目 (110.9), 改革 (9.5) per 10,000 terms"
    assert lines[1] == "- **no place given: c\\_feat** (feature article ×1): 凉州 (147.8) per 10,000 terms"


def test_genre_caveat_and_short_text_rules():
    assert "different kinds of text" in F.genre_caveat(DOCS)
    same = DOCS.assign(doc_type="gov_work_report")
    assert "same kinds" in F.genre_caveat(same)
    assert "one place" in F.genre_caveat(DOCS.head(1))
    # periods years apart and administrative levels are confounded with place too (a mixed folder)
    mixed = pd.DataFrame({"place": ["海拉尔区", "海拉尔区", "甘肃省", "河南省"],
                          "doc_type": ["gov_work_report"] * 4, "year": [2015, 2018, 2026, 2026],
                          "level": ["市辖区", "市辖区", "省级", "省级"]})
    assert F.genre_caveat(mixed) == (
        "The places differ in more than place: their reports are from periods years apart (海拉尔区 2015–2018, "
        "河南省 2026 and 甘肃省 2026), and words come and go over the years; they are of different administrative "
        "levels (市辖区 and 省级), and words such as 全省, 全市 and 全区 follow the level. Read differences between "
        "places as all of these together.")
    next_year = mixed.assign(year=[2024, 2025, 2026, 2026], level="省级")       # a year or two apart: no caveat
    assert F.genre_caveat(next_year).startswith("Every place is represented by the same kinds")
    text = F.short_text_caution(DOCS)
    assert "b\\_int and c\\_feat are shorter than 5,000 characters" in text
    assert F.short_text_caution(DOCS.head(1)) == ""


def test_words_left_out_counts_tokens_share_and_names_ties():
    freq = pd.DataFrame({"feature": ["发展", "全省", "江苏", "南京", "生态"], "count": [50, 20, 10, 10, 10]})
    text = F.words_left_out(freq, {"全省", "江苏", "南京", "上海"}, what="place names", n=2)
    # 40 of 100 tokens; 江苏 and 南京 tie at the cut, both named (by name)
    assert text == ("Left out as place names: 40 tokens (40.0% of the terms counted), 3 distinct words; "
                    r"the most frequent: 全省 \(20\), 南京 \(10\) and 江苏 \(10\).")
    assert F.words_left_out(freq, {"上海"}, what="place names") == (
        "No place names occur among the terms of this selection: nothing is left out.")
    # (hostile review) a table of groups counts a word once; one word as a string; nothing counted
    grouped = pd.concat([freq.assign(group="a"), freq.assign(group="b")])
    assert "80 tokens (40.0% of the terms counted), 3 distinct words; the most frequent: 全省 \\(40\\)" in (
        F.words_left_out(grouped, {"全省", "江苏", "南京"}, what="place names", n=1))
    assert "1 distinct word;" in F.words_left_out(freq, "全省", what="place names")
    assert F.words_left_out(freq.assign(count=0), {"全省"}, what="place names").startswith("No place names")


def test_segmentation_summary_says_what_jieba_splits():
    cuts = pd.DataFrame({"term": ["地区生产总值", "乡村振兴", "人民群众"],
                         "jieba": ["地区 | 生产总值", "乡村 | 振兴", "人民群众"],
                         "policytext": ["地区生产总值", "乡村振兴", "人民群众"]})
    # policytext's own tokens are whole by construction: no "keeps 2 of these whole" (pages audit)
    assert F.segmentation_summary(cuts) == (
        "Of the 3 terms compared, bare jieba splits 2 (the most frequent: 地区生产总值 → 地区 \\| 生产总值).")
    alone = cuts.assign(policytext=["地区生产总值", "乡村 | 振兴", "人民群众"])
    assert F.segmentation_summary(alone).endswith("; policytext, cutting each term on its own, splits 1 of them too.")
    assert F.segmentation_summary(cuts.iloc[0:0]).startswith("*Nothing to show")


def test_distinctive_terms_name_a_tie_and_count_what_the_cut_left_out():
    # 海拉尔 2013: the eight terms shown all share the top score with three more beyond the table's cut
    from policytext.findings import distinctive_terms

    table = pd.DataFrame({"doc": ["a"] * 4 + ["b"] * 3, "feature": ["仓储", "供应", "预防", "商厦", "名城", "音乐", "健身"],
                          "score": [1.8, 1.8, 1.8, 1.8, 3.0, 2.0, 1.0], "rank": [1, 2, 3, 4, 1, 2, 3],
                          "more_tied": [3, 3, 3, 3, 0, 0, 0]})
    text = distinctive_terms(table, n=2)
    assert "- **a**: 仓储, 供应, 预防, 商厦 and 3 more of the same score" in text
    assert "- **b**: 名城 and 音乐" in text
    # a tie that stops before the table's cut counts nothing beyond it
    assert "more of the same score" not in distinctive_terms(table.assign(score=[4, 3, 2, 1.8, 3, 2, 1]), n=2)
    # textstat_distinctive's score column is tfidf, and its ranks are distinct within a tie
    tfidf = table.rename(columns={"score": "tfidf"})
    assert "- **a**: 仓储, 供应, 预防, 商厦 and 3 more of the same score" in distinctive_terms(tfidf, n=2)
