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


def test_clean_offsets_map_back_to_the_raw_text():
    result = clean_text(PAGE)
    i = result.text.index("326.5")
    raw_i = result.to_raw(i)
    assert PAGE[raw_i:raw_i + 5] == "３２６．５"
    # the end of a span maps to the end of the same characters
    assert PAGE[result.to_raw(0):result.to_raw(8)] == "某市经济稳步增长"


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
