"""Paragraphs, sentences, headings and review/plan parts of a clean report.

Chinese reports signal their structure with numbered headings (一、 / (一) /
一是 / ——lead lines) and with stock phrases that open the review of past work
(过去五年, 五年来, 即将过去的2021年) or the plan (今后五年, 2022年重点工作,
主要预期目标). Headed documents (work reports, congress reports) take their
parts from their top-level headings; unheaded ones (interviews, features) from
the phrases that open their paragraphs. Notes or a glossary after the report
(注释, 名词解释) are neither part.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = ["Paragraph", "Sentence", "split_paragraphs", "split_sentences", "heading_level", "is_heading",
           "part_finder", "PARTS"]

PARTS = ("review", "plan", "other")

_CN = "一二三四五六七八九十"
_HEADINGS = [
    (1, re.compile(rf"^[{_CN}]{{1,3}}、")),
    (2, re.compile(rf"^\([{_CN}]{{1,3}}\)")),
    (3, re.compile(rf"^[{_CN}]{{1,3}}是|^——|^\d{{1,2}}[、.](?!\d)|^第[{_CN}]{{1,3}}[,、]")),
]

# Cues are searched in headings (all of them) and at the opening of body
# paragraphs of unheaded documents (the strong ones only: a paragraph of an
# interview that mentions 奋斗目标 in passing does not start a plan).
_REVIEW_STRONG = (r"过去(的)?[一二三四五十]年|[一二三四五十]年来|一年来|即将过去|回顾|回望|砥砺五载"
                  r"|以来[,，]")
_PLAN_STRONG = (r"今后[一二三四五十]年|今后(一个时期|的工作)|未来[一二三四五十]年|展望|下一步|新的一年"
                r"|\d{4}年(的)?重点工作|主要预期目标")
_REVIEW_CUE = re.compile(_REVIEW_STRONG + r"|工作回顾|主要成绩|取得的成绩")
_PLAN_CUE = re.compile(_PLAN_STRONG + r"|预期目标|奋斗目标|目标任务|总体要求|工作安排|重点任务")
_REVIEW_OPENING = re.compile(_REVIEW_STRONG)
_PLAN_OPENING = re.compile(_PLAN_STRONG)
# A paragraph of a plan section that opens on the past (过去五年，我们…) reviews it: 2026's reports
# put the 14th plan's record and the 15th plan's goals under one heading (“十四五”时期发展成就和
# “十五五”时期主要目标任务).
_OPENS_ON_THE_PAST = re.compile(rf"[^,，。:：]{{0,6}}?(?:{_REVIEW_STRONG})")
_OPENING = 40  # characters of a paragraph that may carry a part cue
# Inside an unheaded paragraph, a sentence that opens with a plan cue starts the plan there:
# an interview answer often reviews the year and then turns to "下一步，要……" in one paragraph.
_PLAN_TURN = re.compile(r"(?:[^,，:：。]{0,8}[:：])?[“\"]?(?:下一步|今后|接下来|未来[一二三四五十]年|展望|新的一年)")
_SENTENCE_END = re.compile(r"[。!?！？]+[”’\"」』)]*")

# The title of notes or a glossary after the report (江西, 海南 2026: 注释,
# 《政府工作报告》有关内容名词注释): what follows explains the report's words; it is neither part.
_NOTES_TITLE = re.compile(r"^[【\[]?(?:附件|附)?[:：]?[^。，,；;:：]{0,20}?(?:注\s*释|名词解释|名词注释|释义|附注)[】\]]?"
                          r"(?:[(（][^()（）]{0,16}[)）])?[:：]?$")


def _notes_start(spans: list[tuple[int, int, str]], levels: list[int | None]) -> int:
    """Index of the first line of the notes after the report, or len(spans): a title line (no
    numbered heading, no sentence) in the second half of the text, after the last top-level
    heading, so that a page's menu link 名词解释 or a heading 加强政策解读释义 starts nothing."""
    if not spans:
        return 0
    half = spans[-1][1] / 2
    last_heading = max((i for i, level in enumerate(levels) if level == 1), default=-1)
    for i, (start, _, text) in enumerate(spans):
        line = text.strip()
        if (i > last_heading and start >= half and levels[i] is None and len(line) <= 40
                and _NOTES_TITLE.match(line)):
            return i
    return len(spans)

_SENTENCE = re.compile(r"[^。!?！？\n]*(?:[。!?！？]+[”’\"」』)]*|\n|$)")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    part: str
    heading_level: int | None
    plan_from: int | None = None  # clean offset where a mid-paragraph turn to the plan starts
    notes: bool = False           # in the notes or glossary after the report (part "other")

    def part_at(self, i: int) -> str:
        return "plan" if self.plan_from is not None and i >= self.plan_from else self.part


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


def heading_level(text: str) -> int | None:
    """1 for 一、, 2 for (一), 3 for 一是 / —— / 1. ; None for body text."""
    for level, pattern in _HEADINGS:
        if pattern.match(text):
            return level
    return None


def is_heading(text: str) -> bool:
    """A section opening: a top-level numbered heading (一、) or a title line (short, no 。)."""
    s = text.strip()
    return heading_level(s) == 1 or (len(s) <= 30 and "。" not in s)


def _is_title(text: str) -> bool:
    """A line standing as a title: short, and no sentence or clause punctuation in it."""
    return len(text.strip()) <= 30 and re.search(r"[。，,；;！!？?：:]", text) is None


def _cue(text: str, review_cue: re.Pattern = _REVIEW_CUE, plan_cue: re.Pattern = _PLAN_CUE) -> str | None:
    review, plan = review_cue.search(text), plan_cue.search(text)
    if review and plan:
        return "review" if review.start() < plan.start() else "plan"
    return "review" if review else "plan" if plan else None


def _heading_text(text: str) -> str:
    # A run-in heading ends at the first full stop: "(一)以项目建设为支撑。加强…"
    return re.split(r"[。!?！？]", text, maxsplit=1)[0]


def _plan_turn(text: str) -> int | None:
    """Offset of the first sentence after the first that opens with a plan cue."""
    for end in _SENTENCE_END.finditer(text):
        if _PLAN_TURN.match(text, end.end()):
            return end.end()
    return None


def _assign_parts(texts: list[str], levels: list[int | None]) -> list[tuple[str, int | None]]:
    """(part, offset in the paragraph where it turns to the plan, if it does) per paragraph."""
    headed = any(level == 1 for level in levels)
    part, parts, numbered = "other", [], False
    for text, level in zip(texts, levels):
        turn = None
        if headed and level == 1:
            # After a review, an unlabelled top-level section is forward-looking.
            part = _cue(_heading_text(text)) or ("plan" if part != "other" else "other")
            numbered = True
        elif level is None and not numbered and _is_title(text) and _cue(text):
            # an unnumbered title line that names a part (内蒙古 2026: “十四五”时期发展成就和2025年
            # 工作回顾, then “十五五”时期主要目标和2026年重点工作, then numbered sections; 甘肃 2026
            # numbers no part at all: “十五五”时期的主要目标任务). Inside numbered sections the
            # numbers govern: a subtitle such as 重点任务完成情况 in a review stays review.
            part = _cue(text)
        elif headed and part == "plan" and level is None and _OPENS_ON_THE_PAST.match(text):
            parts.append(("review", None))     # this paragraph only: the section goes on planning
            continue
        elif not headed:
            part = _cue(text[:_OPENING], _REVIEW_OPENING, _PLAN_OPENING) or part
            turn = _plan_turn(text) if part != "plan" else None
        parts.append((part, turn))
        if turn is not None:
            part = "plan"  # the paragraphs after the turn continue the plan
    return parts


def split_paragraphs(clean: str) -> list[Paragraph]:
    """One paragraph per line of the clean text."""
    spans, pos = [], 0
    for line in clean.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line), line))
        pos += len(line) + 1
    levels = [heading_level(text) for _, _, text in spans]
    notes = _notes_start(spans, levels)
    parts = _assign_parts([text for _, _, text in spans[:notes]], levels[:notes])
    parts += [("other", None)] * (len(spans) - notes)
    return [Paragraph(i, s, e, t, part, level, None if turn is None else s + turn, i >= notes)
            for i, ((s, e, t), (part, turn), level) in enumerate(zip(spans, parts, levels))]


def split_sentences(clean: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    """Sentences end at 。!? (with any closing quotes) or at the end of a paragraph."""
    starts = [p.start for p in paragraphs]
    sentences: list[Sentence] = []
    for match in _SENTENCE.finditer(clean):
        text = match.group().rstrip("\n")
        if not text.strip():
            continue
        start = match.start()
        para = max(bisect.bisect_right(starts, start) - 1, 0)
        sentences.append(Sentence(len(sentences), start, start + len(text), text, para))
    return sentences


def part_finder(paragraphs: list[Paragraph]):
    """``part_at(i)`` -> review / plan / other at clean offset ``i`` (as Document.part_at)."""
    starts = [p.start for p in paragraphs]

    def part_at(i: int) -> str:
        k = bisect.bisect_right(starts, i) - 1
        return paragraphs[k].part_at(i) if k >= 0 else "other"
    return part_at
