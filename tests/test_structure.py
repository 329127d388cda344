from policytext.structure import heading_level, split_paragraphs, split_sentences

REPORT = "\n".join([
    "某市政府工作报告",
    "各位代表:",
    "一、2021年工作回顾",
    "过去一年,全市地区生产总值增长7%。",
    "(一)项目建设成效明显。完成投资100亿元。",
    "二、2022年工作安排",
    "今年经济社会发展的主要预期目标是:地区生产总值增长6%左右。",
    "一是扩大有效投资。二是促进消费。",
    "三、加强政府自身建设",
    "——坚持依法行政。",
])


def test_heading_levels():
    assert heading_level("一、2021年工作回顾") == 1
    assert heading_level("(三)以创新驱动为引领") == 2
    assert heading_level("一是扩大有效投资") == 3
    assert heading_level("——产业发展、经济活跃的富裕雄关") == 3
    assert heading_level("一般公共预算收入增长5%") is None
    assert heading_level("2021年全市地区生产总值") is None


def test_headed_report_parts_follow_top_level_headings():
    parts = [p.part for p in split_paragraphs(REPORT)]
    assert parts == ["other", "other", "review", "review", "review", "plan", "plan", "plan", "plan", "plan"]


def test_a_paragraph_of_a_plan_section_that_opens_on_the_past_reviews_it():
    # 广西 2026: the 14th plan's record and the 15th plan's goals under one heading
    assert _parts(
        "一、2025年工作回顾",
        "全年地区生产总值增长5.2%。",
        "二、“十四五”时期发展成就和“十五五”时期主要目标任务",
        "过去五年,常住人口城镇化率五年提高3.89个百分点。",
        "根据自治区党委建议,我们编制了“十五五”规划纲要(草案)。",
        "(一)大力发展人工智能。今后五年,与过去五年相比,投资年均增长6%。",
        "三、2026年重点工作",
    ) == ["review", "review", "plan", "review", "plan", "plan", "plan"]


def test_unnumbered_title_lines_name_the_parts_before_numbered_sections():
    # 内蒙古 2026: two title lines, then numbered sections without a cue of their own
    assert _parts(
        "2026年某自治区政府工作报告",
        "“十四五”时期发展成就和2025年工作回顾",
        "——这五年综合经济实力大幅提升。",
        "“十五五”时期主要目标和2026年重点工作",
        "今年经济社会发展的主要预期目标是:地区生产总值增长5%左右。",
        "一、把铸牢中华民族共同体意识作为主线",
        "完成生态建设任务4000万亩。",
    ) == ["other", "review", "review", "plan", "plan", "plan", "plan"]
    # 甘肃 2026 numbers no part: its title lines alone name them
    assert _parts("“十四五”时期工作回顾", "五年来主要做了以下工作。", "“十五五”时期的主要目标任务",
                  "“十五五”时期,要努力实现以下目标任务:", "2026年重点工作", "(一)放大促消费扩投资政策效应",
                  ) == ["review", "review", "plan", "plan", "plan", "plan"]
    # inside numbered sections a subtitle with a cue changes nothing
    assert _parts("一、2025年工作回顾", "重点任务完成情况", "完成投资100亿元。") == ["review"] * 3
    # a title line without a cue, or a sentence with one, changes nothing
    assert _parts("报告", "一、工作回顾", "各位代表，今后五年要奋斗。", "总结") == ["other", "review", "review", "review"]


def _parts(*lines: str) -> list[str]:
    """The part of each line of a report made of ``lines``."""
    return [p.part for p in split_paragraphs("\n".join(lines))]


def test_unheaded_interview_parts_follow_paragraph_openings():
    text = "\n".join([
        "记者专访某市委书记",
        "五年来,全市经济总量翻了一番。",
        "民生保障大幅改善,坚持人民对美好生活的向往就是奋斗目标。",
        "谈到今后的工作时,他说,未来五年,要建设省域副中心。",
        "一是加快构建现代产业体系。",
    ])
    assert [p.part for p in split_paragraphs(text)] == ["other", "review", "review", "plan", "plan"]


def test_sentences_end_at_full_stops_and_keep_closing_quotes():
    text = "他说:“要实干。”全年增长7%!\n新的一段没有句号"
    paragraphs = split_paragraphs(text)
    sentences = [s.text for s in split_sentences(text, paragraphs)]
    assert sentences == ["他说:“要实干。”", "全年增长7%!", "新的一段没有句号"]
    assert [s.paragraph for s in split_sentences(text, paragraphs)] == [0, 0, 1]


def test_an_interview_answer_that_turns_to_the_plan_mid_paragraph():
    text = "\n".join([
        "记者专访某市委书记",
        "今年以来,全市经济回升向好,一季度生产总值增长7.1%。下一步,要推动产业链产值翻一番。同时,确保就业稳定。",
        "我们还将办好招商大会。",
    ])
    paragraphs = split_paragraphs(text)
    answer = paragraphs[1]
    assert answer.part == "review" and text[answer.plan_from:].startswith("下一步")
    assert answer.part_at(answer.start + 5) == "review" and answer.part_at(answer.plan_from) == "plan"
    assert paragraphs[2].part == "plan"


def test_is_heading_and_part_finder():
    from policytext.structure import is_heading, part_finder

    assert is_heading("一、过去五年工作回顾") and is_heading("2022年主要目标")
    assert not is_heading("加快项目建设。全年实施重点项目170个。")
    text = "一、过去五年工作回顾\n地区生产总值增长8%。\n二、今后五年的目标\n增长6%。\n"
    part_at = part_finder(split_paragraphs(text))
    assert (part_at(text.index("8%")), part_at(text.index("6%"))) == ("review", "plan")


def test_notes_after_the_report_are_neither_part():
    # 江西, 海南 2026: a glossary or notes after the plan explain its words; 内蒙古's 附件 lists the
    # year's livelihood projects and stays plan
    paragraphs = split_paragraphs("\n".join([
        "一、2025年工作回顾", "全年地区生产总值增长5.2%。" * 5, "二、2026年重点工作", "新增城镇就业40万人。" * 5,
        "附件", "《政府工作报告》有关内容名词注释", "1.“2152”龙头引育工程：重点培育打造2家世界一流企业。",
        "2.“双一流”：世界一流的大学和一流学科。"]))
    assert [p.part for p in paragraphs] == ["review", "review", "plan", "plan", "plan", "other", "other", "other"]
    assert [p.notes for p in paragraphs] == [False] * 5 + [True] * 3
    kept = split_paragraphs("一、2026年重点工作\n新增城镇就业40万人。\n附件\n2026年自治区民生实事\n1.建成家庭养老床位7000张。")
    assert [p.part for p in kept] == ["plan"] * 5 and not any(p.notes for p in kept)
    # a sentence about notes is no title
    assert not any(p.notes for p in split_paragraphs("一、2025年工作回顾\n认真做好建议提案的办理和注释。"))


def test_notes_start_only_after_the_report():
    body = "全年地区生产总值增长5.2%。" * 10
    report = f"一、2025年工作回顾\n{body}\n二、2026年重点工作\n{body}"
    # a page's menu link above the report, a heading of the review: no notes
    assert not any(p.notes for p in split_paragraphs("名词解释\n" + report))
    assert [p.part for p in split_paragraphs(f"一、2025年工作回顾\n（一）加强法规政策解读释义\n{body}\n"
                                             f"二、2026年重点工作\n{body}")] == ["review"] * 3 + ["plan"] * 2
    # the ways a notes title is written after the report
    for title in ["注　释", "【名词解释】", "附：名词解释（按文中出现先后排序）", "名词解释：", "附件", "注释"]:
        paragraphs = split_paragraphs(f"{report}\n{title}\n1.两重：国家重大战略。")
        assert [p.notes for p in paragraphs][-1] == (title != "附件"), title
