import pytest

from policytext.clean import clean_text, normalize_width

PAGE = (
    "您当前的位置 : 中国甘肃网 >> 甘肃新闻 >> 嘉峪关\n"
    "\n"
    "某市经济稳步增长\n"
    "22-04-28 08:46 来源:中国甘肃网-甘肃日报 编辑:张三\n"
    "  嘉峪关雄关广场。\n"
    "  全年地区生产总值增长８％,达到３２６．５亿元,一般公共预算收入、城乡居民人均可支配收入等主要经济指标均保持了稳定较快增长态势。\n"
    "版权声明:凡注有稿件来源为“中国甘肃网”的稿件,均为版权稿件。\n"
    "学习强国学习强国\n"
    "查看余下全文\n"
)


def test_full_width_ascii_is_normalised_one_to_one():
    assert normalize_width("８％，４．６％（一）") == "8%,4.6%(一)"
    assert len(normalize_width("ＡＢＣ　１")) == 5


def test_furniture_lines_are_removed_and_each_is_recorded_with_a_reason():
    result = clean_text(PAGE)
    assert result.text == ("某市经济稳步增长\n全年地区生产总值增长8%,达到326.5亿元,"
                           "一般公共预算收入、城乡居民人均可支配收入等主要经济指标均保持了稳定较快增长态势。")
    reasons = [(r.reason, r.text) for r in result.removed]
    assert reasons == [
        ("breadcrumb", "您当前的位置 : 中国甘肃网 >> 甘肃新闻 >> 嘉峪关"),
        ("dateline", "22-04-28 08:46 来源:中国甘肃网-甘肃日报 编辑:张三"),
        ("caption", "嘉峪关雄关广场。"),
        ("copyright", "版权声明:凡注有稿件来源为“中国甘肃网”的稿件,均为版权稿件。"),
        ("share", "学习强国学习强国"),
        ("more-link", "查看余下全文"),
    ]
    assert result.summary()["caption"] == 1


def test_a_pages_view_menu_is_furniture_whole_or_broken():
    # provinces2026: 下载 打印 全屏 收藏 【字号： 加大 还原 减小 】 one a line, and 分享: (陕西); 加大 is a
    # policy verb too and was counted from the toolbar
    page = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n分享:\n2026年某省政府工作报告\n" + "加大投资力度。" * 12
    result = clean_text(page)
    assert result.text.startswith("2026年某省政府工作报告\n加大投资力度。")
    # (one reason for the whole menu: 打印, 收藏 and 【字号： were "share")
    assert [r.reason for r in result.removed] == ["page menu"] * 9 + ["share"]


def test_a_photo_caption_naming_the_speaker_goes_but_not_the_speech_line():
    # 陕西 2026: 省长赵刚作政府工作报告 above 各位代表：; the line naming the session and speaker stays
    body = "各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。" + "全年地区生产总值增长5%。" * 6
    head = "陕西省2026年政府工作报告\n2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚\n"
    result = clean_text(head + "省长赵刚作政府工作报告\n" + body)
    assert [(r.reason, r.text) for r in result.removed] == [("caption", "省长赵刚作政府工作报告")]
    assert result.text == clean_text(head + body).text
    # in the body, a line of that shape is the report's own
    assert "市长作报告" in clean_text(body + "\n市长作报告\n" + "推进改革。" * 20).text


def test_a_web_copys_date_source_and_related_links_are_furniture():
    # provinces2026: 时间:2026-02-11 above the report, 相关报道: under it, (来源:青海日报), a bare >
    body = "2026年某省政府工作报告\n" + "全年地区生产总值增长5%。" * 8
    page = "时间:2026-02-11\n>\n时间:\n" + body + "\n(来源:青海日报)\n相关报道:\n"
    result = clean_text(page)
    assert result.text == body
    assert [(r.reason, r.text) for r in result.removed] == [
        ("dateline", "时间:2026-02-11"), ("breadcrumb", ">"), ("dateline", "时间:"),
        ("dateline", "(来源:青海日报)"), ("related links", "相关报道:")]
    # a sentence about time or sources stays
    assert clean_text("时间:是最好的见证者,我们要抓紧干。").text == "时间:是最好的见证者,我们要抓紧干。"



def test_a_pages_elements_printed_one_a_line_go_with_their_marks():
    # 陕西 2026: the breadcrumb's items after each bare >, and the source after a bare 来源:
    body = "陕西省2026年政府工作报告\n" + "全年地区生产总值增长5%。" * 8
    page = "首页\n>\n政府信息公开\n>\n省政府工作报告\n来源:\n陕西省人民政府\n" + body
    result = clean_text(page)
    assert result.text == body
    assert [(r.reason, r.text) for r in result.removed] == [
        ("breadcrumb", "首页"), ("breadcrumb", ">"), ("breadcrumb", "政府信息公开"), ("breadcrumb", ">"),
        ("breadcrumb", "省政府工作报告"), ("dateline", "来源:"), ("dateline", "陕西省人民政府")]
    # a sentence after a bare label is the report's own
    kept = "来源:\n各位代表：现在，我代表省人民政府向大会报告工作。"
    assert clean_text(kept).text == "各位代表:现在,我代表省人民政府向大会报告工作。"
    # inside the body, the line after a stray > is the report's
    text = clean_text(body + "\n三、主要指标\n>\n地区生产总值增长5%\n").text
    assert text.endswith("三、主要指标\n地区生产总值增长5%")


@pytest.mark.parametrize("line", [
    "相关报道显示，我市营商环境评价连续三年位居全省前列，群众满意度持续提升。",   # not 相关报道:
    "坚持以规划蓝图为引领，一张蓝图干到底。",                                 # 图为 inside a sentence
    "我们力图为企业纾困解难，全年减税降费5亿元。",
    "拓宽增收来源：发展特色产业，让农民收入来源更加多元。",                     # 来源 … 来源
    "七、做好编辑出版工作", "(五)加强基层通讯员队伍",                          # headings, not bylines
    "(四)建好用好“爱城市”客户端",
    "(来源:省统计局年度统计公报)",                                             # a source inside a report
])
def test_a_reports_own_sentences_and_headings_are_never_furniture(line):
    body = "过去一年，全市地区生产总值增长6.5%，一般公共预算收入增长8.2%，各项工作取得新进展，人民生活持续改善。"
    after = "今年全市地区生产总值增长6%左右，城镇新增就业1.2万人，居民消费价格涨幅3%左右，粮食产量保持稳定。"
    result = clean_text("2026年某市政府工作报告\n" + body + "\n" + line + "\n" + after)
    assert normalize_width(line) in result.text and result.removed == []


def test_a_title_inside_a_sentence_and_a_repeated_heading_stay():
    body = "过去一年，全市地区生产总值增长6.5%，一般公共预算收入增长8.2%，各项工作取得新进展，人民生活持续改善。"
    said = "2025年政府工作报告确定的目标任务全面完成，地区生产总值增长6.5%。"
    assert normalize_width(said) in clean_text("政府工作报告\n" + body + "\n" + said).text
    plan = "一、过去一年工作回顾\n(一)坚持创新驱动发展\n" + body + "\n二、今年工作安排\n(一)坚持创新驱动发展\n" + body
    assert clean_text(plan).text.count("(一)坚持创新驱动发展") == 2


def test_clean_offsets_map_back_to_the_raw_text():
    result = clean_text(PAGE)
    i = result.text.index("326.5")
    raw_i = result.to_raw(i)
    assert PAGE[raw_i:raw_i + 5] == "３２６．５"
    # the end of a span maps to the end of the same characters
    assert PAGE[result.to_raw(0):result.to_raw(8)] == "某市经济稳步增长"


def test_trimmed_counts_indentation_line_end_spaces_and_blank_lines():
    # 2 (indentation) + 1 (the blank line's break) + 2 (spaces at the end) + 3 (a line of spaces and
    # its break); not the final line break, nor the break of a removed line
    raw = "  全年实现生产总值326.5亿元。\n\n增长百分之五的目标顺利完成。  \n  \n分享到\n"
    result = clean_text(raw)
    assert [line.text for line in result.removed] == ["分享到"]
    assert result.trimmed == 8
    assert len(raw) - len(result.text) == 8 + len("分享到") + 2     # + the last two line breaks


def test_removed_line_offsets_point_at_the_raw_line():
    result = clean_text(PAGE)
    for line in result.removed:
        assert PAGE[line.raw_start:line.raw_end] == line.text


def test_a_short_line_that_reports_a_figure_is_not_a_caption():
    result = clean_text("标题\n全年实现生产总值326.5亿元。\n")
    assert "326.5" in result.text and not result.removed


def test_repeated_paragraph_is_removed_once():
    body = "这是一段足够长的正文内容,讲述全市经济发展情况。"
    result = clean_text(f"标题\n{body}\n{body}\n")
    assert result.text.count(body) == 1
    assert [r.reason for r in result.removed] == ["repeated line"]


def test_a_short_sentence_inside_the_body_is_kept():
    body = "全市上下坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻新发展理念,推动经济社会持续健康发展,人民群众获得感、幸福感、安全感不断增强。"
    result = clean_text(f"标题\n{body}\n\n\u3000\u3000坚持高质量发展。\n")
    assert result.text.endswith("坚持高质量发展。") and not result.removed


def test_a_document_without_a_body_paragraph_has_no_captions_to_remove():
    result = clean_text("加快推进乡村振兴。\n")
    assert result.text == "加快推进乡村振兴。" and not result.removed


# ---------------------------------------------------------------- a PDF copy's broken lines

def _broken(text: str, width: int, page_every: int = 0) -> str:
    """``text`` with every line broken at ``width`` characters, as a PDF copy is, and a page
    number line (— 1 —) after every ``page_every`` lines."""
    out = []
    for line in text.split("\n"):
        out += [line[i:i + width] for i in range(0, len(line), width)] or [""]
    if page_every:
        for page, at in enumerate(range(page_every, len(out), page_every + 1), start=1):
            out.insert(at, f"— {page} —")
    return "\n".join(out)


def test_lines_broken_at_a_pdf_page_width_are_joined_and_map_back_exactly():
    from policytext.corpus import DATA_CORPORA_DIR

    whole = (DATA_CORPORA_DIR / "provinces2026" / "2026_安徽省.txt").read_text(encoding="utf-8")
    raw = _broken(whole, 38, page_every=30)
    result = clean_text(raw)
    # the same words in the same order: only paragraph breaks may differ (a line that ends a
    # sentence exactly at the page's width is not joined to the next)
    assert result.text.replace("\n", "") == clean_text(whole).text.replace("\n", "")
    assert result.joined > 500 and "地区生产总值" in result.text
    assert {r.text for r in result.removed if r.reason == "page number"} >= {"— 1 —", "— 19 —"}
    # a figure broken across two lines is one figure, and its offsets cover both pieces in raw
    i = result.text.index("高技术制造业增加值增长30.4%")
    j = i + len("高技术制造业增加值增长30.4%")
    assert raw[result.to_raw(i):result.to_raw(j - 1) + 1].replace("\n", "") == "高技术制造业增加值增长30.4%"


def test_a_toy_pdf_copy_by_hand():
    # 27 lines of 10 characters that end inside the sentence, a heading, a page number
    body = ",".join(f"第{i}项工程投资{i + 3}亿元" for i in range(1, 31)) + "。"
    raw = "一、工作回顾\n" + _broken(body, 10) + "\n第3页\n二、今年工作安排\n主要目标是。"
    result = clean_text(raw)
    assert result.text == "一、工作回顾\n" + body + "\n二、今年工作安排\n主要目标是。"
    assert result.joined == len(body) // 10 and [r.reason for r in result.removed] == ["page number"]
    i = result.text.index("第10项")         # 第10项 starts a broken line: its raw offset is past the break
    assert raw[result.to_raw(i):result.to_raw(i) + 4] == "第10项"
    k = result.text.index("二、")
    assert raw[result.to_raw(k):result.to_raw(k) + 4] == "二、今年"
    # pdftotext ends a page with a form feed: it ends a line, and is not text
    paged = raw.replace("\n第3页\n", "\n\f第3页\n").replace("\n", "\n\f", 3)
    assert clean_text(paged).text == result.text


def test_no_seed_or_bundled_report_is_taken_for_a_pdf_copy():
    from policytext import data_corpus, load_corpus

    docs = [*load_corpus(), *data_corpus("hailar"), *data_corpus("provinces2026")]
    assert len(docs) == 23 and [d.id for d in docs if d._cleaned.joined] == []


def test_a_government_site_page_loses_its_links_counters_and_footer_but_not_its_body():
    body = ("全年地区生产总值增长5.2%,一般公共预算收入增长3.1%,城镇新增就业3.2万人,"
            "欢迎联系我们的企业家到园区投资兴业,共享发展机遇。")
    page = "\n".join(["某市2026年政府工作报告", "阅读：1234", body, "(完)", "上一页 1 2 3 下一页 尾页",
                      "【打印本页】【关闭窗口】", "返回顶部", "网站地图 | 联系我们 | 关于我们",
                      "主办单位：某市人民政府办公室 网站标识码：1234000001", "技术支持：某某科技"])
    result = clean_text(page)
    assert result.text == "某市2026年政府工作报告\n" + body
    assert [r.reason for r in result.removed] == ["dateline", "end mark", "pagination", "page menu", "page menu",
                                                  "footer",
                                                  "footer", "footer"]
