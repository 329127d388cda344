"""The quantities pipeline over one text: :func:`extract_quantities`, a pipeline of named steps:

1. spans (:mod:`.quantity_spans`): numbers with unit, range and relation;
2. time (:mod:`.quantity_time`): the year and the period each value holds for, from the years
   and spans the text names (:mod:`.quantity_periods`);
3. subject (:mod:`.quantity_subject`): the indicator, from an ordered list of resolvers;
4. label (:mod:`.quantity_label`): target / achieved / estimate, and the measure.

Parts (review / plan) and sentences come from :mod:`.structure`: the Document's, or built from
the bare text with the same functions. :mod:`.quantities` runs it over a corpus (and imports this
module only when a document is not in the cache: its steps compile a few hundred patterns).
"""
from __future__ import annotations

import bisect
import re

from .indicators import IndicatorRegistry, indicator_registry
from .quantity_label import PER_BASE_BEFORE, direction_of, label_for, measure_of, sets_nothing, span_label
from .quantity_spans import Candidate, find_candidates
from .quantity_subject import IndicatorResolver, SubjectMemory, clause_of, resolve_subject
from .quantity_time import (AVG_RATE, PeriodContext, horizon_at, horizon_marks, is_rate_over_span, month_of,
                            period_for, period_label, review_year_of, starts_span, year_for, year_of_months)
from .quantity_periods import cn_int, span_in
from .structure import Paragraph, Sentence, part_finder, split_paragraphs, split_sentences

__all__ = ["extract_quantities"]

class _Context:
    """What every value of one document shares: its structure, years and time context."""

    def __init__(self, text: str, *, year: int | None, review_year: int | None, month: int | None,
                 paragraphs: list[Paragraph], registry: IndicatorRegistry):
        self.text = text
        self.year, self.review_year, self.month = year, review_year, month
        # What 预计全年 is about: the year reviewed, except in a document of April to June (an
        # interview), when last year's figures are final and an estimate is of this year.
        self.estimate_year = year if month is not None and 4 <= month <= 6 else review_year
        self.part_at = part_finder(paragraphs)
        # notes after the report (名词注释) explain its programmes: their figures are read as the
        # plan's, with no year but one they state
        self.notes_from = next((p.start for p in paragraphs if p.notes), None)
        self.horizons = horizon_marks(paragraphs, review_year)
        self.periods = PeriodContext(text, review_year)
        self.resolver = IndicatorResolver(registry)


def extract_quantities(text: str, *, year: int | None = None, review_year: int | None = None,
                       month: int | None = None, paragraphs: list[Paragraph] | None = None,
                       sentences: list[Sentence] | None = None,
                       registry: IndicatorRegistry | None = None) -> list[dict]:
    """Quantities in ``text``; offsets index ``text``.

    ``year``: the year the document speaks from (今年); ``review_year``: the year its review
    part is about (default: derived from ``year`` and a date at the top of the text); ``month``:
    the month it was given in (default: from that date), which says what an estimate (预计全年)
    is about;
    ``paragraphs`` / ``sentences``: the text's structure (default: built by
    :func:`.structure.split_paragraphs` / :func:`.structure.split_sentences`).
    """
    if month is None:
        month = month_of(year, text)
    if review_year is None:
        review_year = review_year_of(year, month)     # (the dateline's month is read above)
    if year is None and review_year is not None:
        year = review_year
    paragraphs = split_paragraphs(text) if paragraphs is None else paragraphs
    sentences = split_sentences(text, paragraphs) if sentences is None else sentences
    ctx = _Context(text, year=year, review_year=review_year, month=month, paragraphs=paragraphs,
                   registry=registry or indicator_registry())
    rows: list[dict] = []
    for sentence, group in _by_sentence(find_candidates(text), sentences):
        rows.extend(_sentence_rows(ctx, sentence, group))
    return rows


# A "sentence" longer than this (a table flattened into one line, a web copy without 。) is read
# in pieces that end at a clause break. Each value's cues are looked for back to the start of its
# sentence, so without a bound the cost grew with the square of the length: one line holding 2000
# values took 10 s, 20000 values hours. The longest sentence with a value in the seeds and the
# development corpora has 456 characters, so no real sentence is cut.
MAX_SENTENCE = 1000
_BREAKS = (re.compile(r"[;；]"), re.compile(r"[,，、:：]"), re.compile(r"\s"))


def _bounded(sentences: list[Sentence], cands: list[Candidate]) -> list[Sentence]:
    """The sentences, each longer than MAX_SENTENCE cut into pieces of at most about that length,
    after the last ;, else the last clause break, else the last space in the second half of a
    piece, and never inside a value."""
    starts = [c.start for c in cands]
    out: list[Sentence] = []
    for s in sentences:
        start = 0
        while len(s.text) - start > MAX_SENTENCE:
            window = s.text[start + MAX_SENTENCE // 2:start + MAX_SENTENCE]
            ends = (max((m.end() for m in pattern.finditer(window)), default=0) for pattern in _BREAKS)
            cut = _outside_values(s.start + start + MAX_SENTENCE // 2 + next((e for e in ends if e), len(window)),
                                  s.start + start, cands, starts) - s.start
            out.append(Sentence(s.index, s.start + start, s.start + cut, s.text[start:cut], s.paragraph))
            start = cut
        out.append(s if start == 0 else Sentence(s.index, s.start + start, s.end, s.text[start:], s.paragraph))
    return out


def _outside_values(cut: int, piece_start: int, cands: list[Candidate], starts: list[int]) -> int:
    """``cut``, or the edge of the value it falls in: its start, or its end when it opens the piece."""
    k = bisect.bisect_left(starts, cut) - 1
    if k >= 0 and cands[k].start < cut < cands[k].text_end:
        return cands[k].start if cands[k].start > piece_start else cands[k].text_end
    return cut


def _by_sentence(cands: list[Candidate], sentences: list[Sentence]):
    """(sentence, its values) in order; a value outside every sentence is skipped."""
    sentences = _bounded(sentences, cands)
    starts = [s.start for s in sentences]
    groups: dict[int, list[Candidate]] = {}
    for c in cands:
        k = bisect.bisect_right(starts, c.start) - 1
        if k >= 0 and c.start < sentences[k].end:
            groups.setdefault(k, []).append(c)
    return [(sentences[k], group) for k, group in groups.items()]


def _sentence_rows(ctx: _Context, sentence: Sentence, group: list[Candidate]) -> list[dict]:
    rows: list[dict] = []
    memory = SubjectMemory()
    for k, c in enumerate(group):
        clause = clause_of(ctx.text, (sentence.start, sentence.end), group, k, rows, ctx.resolver, memory)
        last = memory.last
        indicator, written = resolve_subject(clause)
        if c.unit == "%" and indicator.startswith("占") and last[0] and "占" not in last[0]:
            # 城镇新增就业超690万人、稳定在全国1/10以上: a share of what the value before measured
            indicator = written = last[0] + indicator + ("" if indicator.endswith(("比重", "比例")) else "比重")
        if indicator and not indicator.startswith("每") and (per := PER_BASE_BEFORE.search(clause.clause_pre)):
            indicator = written = per.group(1) + indicator    # 每万人口配备18名社区工作者: a rate per population
        row = {"start": c.start, "end": c.end, "text": ctx.text[c.start:c.text_end],
               "sentence": sentence.text, "indicator": indicator, "indicator_text": written,
               "value": c.value, "value_high": c.value_high, "unit": c.unit, "relation": c.relation}
        row.update(_when_and_what(ctx, sentence, c, clause.clause_pre, indicator))
        rows.append(row)
    return rows


# 年均 right before a level: the mean of the years of a span (not 年均浓度, one year's mean)
_MEAN_PER_YEAR = re.compile(r"(?:年均|平均每年|每年平均)$")
# 年均 / 每年 before what an amount counts (年均新增城镇就业30万人, 每年城镇新增就业40万人以上), not a rate
# and not one year's mean (PM2.5年均浓度)
_PER_YEAR_AMOUNT = re.compile(r"(?:年均|平均每年|每年平均|每年)"
                              r"(?!增长|递增|增加|提高|提升|下降|降低|减少|增速|增幅|浓度|值|气温|降水|降雨)")

# 连续13年稳定在430亿斤以上: a level held through a run of years
_RUN_OF_YEARS = re.compile(r"连续([0-9]{1,2}|[一二两三四五六七八九十]{1,3})年(?:稳定|保持|稳居|位居|站稳)?在?$")
_HELD = re.compile(r"(?:控制|保持|稳定)在$")
# 每年…每人每次不少于1亩: a norm per person or per event, no amount of the year
_PER_HEAD = re.compile(r"每(?:人|次|户|个|亩|吨)")


def _span_named(sentence_pre: str, ctx, position: int, review_year: int | None, section) -> bool:
    """True when a span holds the value: named in its sentence, opening its paragraph (五年来,…),
    named earlier in its section, or the plan section it stands in."""
    return (span_in(sentence_pre, review_year)[0] is not None or ctx.periods.opened_by(position) is not None
            or ctx.periods.at(position) is not None or section is not None)


def _when_and_what(ctx: _Context, sentence: Sentence, c: Candidate, clause_pre: str, indicator: str) -> dict:
    """Time and label steps: part, label, cue, measure, year and period of one value."""
    text, review_year = ctx.text[sentence.start:sentence.end], ctx.review_year
    part = ctx.part_at(c.start)
    in_notes = ctx.notes_from is not None and c.start >= ctx.notes_from
    part = "plan" if in_notes else part
    offset = c.start - sentence.start
    horizon = horizon_at(ctx.horizons, c.start)
    if horizon is not None and review_year is not None and horizon > review_year:
        part = "plan"        # a section headed 2023年主要目标 / 今后五年 looks forward
    when = dict(year=ctx.year, review_year=review_year, part=part, horizon=horizon)
    y_explicit, explicit = year_for(text, offset, label="achieved", **when)
    label, cue = label_for(text, offset, part, explicit_year=y_explicit if explicit else None,
                           review_year=review_year, year=ctx.year)
    y, named = year_for(text, offset, label=label, **when)
    y = y if named or not in_notes else None
    starts = starts_span(text, offset)      # 从上半年5.5%降到5.3%: where the year's figure started
    if not named and label in ("achieved", "estimate") and not starts:
        if ctx.periods.in_this_year(c.start):
            y = ctx.year    # 今年以来，…一季度地区生产总值增长8.5%: the year so far
        elif (months := year_of_months(text[:offset], ctx.year, ctx.month)) is not None:
            y = months      # 一季度 in an April interview; 1—11月 in a January report
        elif label == "estimate" and y == review_year:
            y = ctx.estimate_year
    measure = "attribute" if c.attribute else measure_of(c.unit, clause_pre, indicator, ctx.resolver.registry)
    # a section that plans several years ahead (“十五五”时期主要目标): the span a flow adds up over
    section = (review_year + 1, horizon) if horizon is not None and review_year is not None \
        and horizon > review_year + 1 else None
    if measure == "change" and is_rate_over_span(text[:offset], clause_pre, review_year,
                                                 section=section if label == "target" else None):
        measure = "avg_change"
    # a benchmark gap holds for what it compares: 年均增长5.7%、高于全国0.3个百分点 over the span
    timed_as = ("avg_change" if AVG_RATE.search(clause_pre) else "level") if measure == "benchmark_gap" else measure
    if measure in ("level", "count") and _MEAN_PER_YEAR.search(clause_pre):
        timed_as = "avg_change"     # 空气优良天数年均319天: a mean over the span's years, timed as a rate over it
    per_year = None
    if (measure in ("level", "count") and timed_as != "avg_change" and c.unit != "%"
            and _PER_YEAR_AMOUNT.search(clause_pre) and not _PER_HEAD.search(clause_pre)):
        # 五年来…年均新增城镇就业30万人: each year's mean amount over the span, in 万人/年 (over the
        # span in 万人 would read as its total, and as 2025's it clashes with 2025's own figure)
        per_year = _span_named(text[:offset], ctx, c.start, review_year, section)
        timed_as = "avg_change" if per_year else timed_as
    p0, p1 = period_for(text[:offset], clause_pre, measure=timed_as, label=label, year=y,
                        review_year=review_year, context=ctx.periods, position=c.start, section=section,
                        text_after=text[c.text_end - sentence.start:][:20])
    if measure == "level" and p0 == p1 and p1 is not None and (run := _RUN_OF_YEARS.search(clause_pre)):
        n = int(run.group(1)) if run.group(1).isdigit() else cn_int(run.group(1))
        p0 = p1 - n + 1 if 1 < n < 100 else p0      # 粮食产量连续13年稳定在430亿斤以上: each year of the run
    if (measure == "level" and label == "achieved" and p0 == p1 and _HELD.search(clause_pre)
            and (span := ctx.periods.opened_by(c.start) or ctx.periods.at(c.start)) and span[1] == p1):
        p0 = span[0]    # 五年来…城镇调查失业率控制在5.5%以内: held in each year of the span, not 2025's figure
    if measure == "change" and label == "target" and section is not None and p0 == p1 and p1 == section[1]:
        # 力争外贸进出口总值翻一番, 单位GDP能耗降低13.5%, 人均预期寿命再提高1.5岁 in a “十五五” plan: a
        # change over the plan, not in its last year
        p0, p1 = section
    label, cue = span_label(label, cue, (p0, p1), clause_pre, review_year)
    if label == "target" and (sets_nothing(c.unit, ctx.text[c.text_end:c.text_end + 20]) or starts):
        label, cue = "achieved", ""      # (由每生每年5元提高至10元: 5元 is where it starts)
    unit = {"unit": f"{c.unit}/年"} if per_year and p0 != p1 and "/" not in c.unit else {}
    return {**unit, "part": "other" if in_notes else part, "label": label, "cue": cue, "measure": measure,
            "direction": direction_of(measure, clause_pre, c.unit),
            "year": p1 if p0 != p1 else y,          # a span's year is its last year
            "period_start": p0, "period_end": p1, "period": period_label(p0, p1)}
