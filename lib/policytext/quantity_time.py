"""Time step of the quantities pipeline: the year and the period a quantity holds for.

The year of one value is the nearest time reference before it in its sentence (到2026年,
2020年, "十四五"末, 今年, 今后五年), else its section's default (:func:`year_for`): the plan
horizon of a section headed 2023年主要目标 / 今后五年, the year after the review year in a plan,
the review year in a review (:func:`review_year_of`).

A quantity holds for one year (2026年GDP增长5%) or for a span of years: a five-year
plan (“十四五” = 2021–2025), 今后五年 / 过去五年 counted from the review year, an explicit
range (2026—2030年) or a from-to statement (由2010年的…增加到2015年的…).  An average
annual rate (年均增长) always holds for a span, never for its first or last year; its
``year`` column is the span's last year (as the project's gold records such rates), so a row
holds for one year exactly when period_start == period_end.

Spans are found, in this order, in the sentence before the value, then in the text before
it within the same top-level section (a heading or opening line such as “十五五”时期的主要
目标 governs the paragraphs under it), and finally from the label: a target rate looks
five years ahead, a reported one five years back.
"""
from __future__ import annotations

import bisect
import re

from .metadata import written_date
from .quantity_increments import INCREMENTS
from .quantity_periods import (CN_YEAR, PART_OF_YEAR, PERIOD_PATTERN, TIME_PREFIX, cn_int, period_mentions, plan_period,
                               span_in, span_of, year_value)
from .structure import Paragraph, heading_level, is_heading

__all__ = ["AVG_RATE", "PART_OF_YEAR", "PERIOD_PATTERN", "TIME_PREFIX", "PeriodContext", "horizon_marks", "horizon_at",
           "is_rate_over_span", "month_of", "period_for", "period_label", "plan_period", "review_year_of", "span_in", "starts_span",
           "year_for", "year_of_months",
           "year_value"]


# “十三五”圆满收官、“十四五”顺利开局: a plan named in passing does not set the period
_IN_PASSING = re.compile(r"[^。；;，,]{0,4}(?:收官|开局|起步|启航)")
_TOP_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,3}、", re.M)


class PeriodContext:
    """The period named last before any offset of a document, within its top-level section.

    Built once per document in one pass (the mentions and headings are found by regex over
    the whole text), so a lookup is a binary search: linear in the size of the text."""

    def __init__(self, text: str, review_year: int | None):
        marks: list[tuple[int, tuple[int, int] | None]] = []
        for m in _TOP_HEADING.finditer(text):
            marks.append((m.start(), None))            # a new top-level section forgets the period
        for m in period_mentions(text):
            if m.group("f0") or m.group("s0"):
                continue        # from-to years hold for their own sentence only
            span, end_point = span_of(m, review_year)
            if span is not None and not end_point and not _IN_PASSING.match(text, m.end()):
                marks.append((m.end(), span))
        marks.sort(key=lambda mark: mark[0])
        self._starts = [pos for pos, _ in marks]
        self._spans = [span for _, span in marks]
        self._openers = _review_paragraphs(text, review_year)
        self._this_year = [(m.start(), m.end()) for m in _THIS_YEAR_PARAGRAPH.finditer(text)]

    def at(self, i: int) -> tuple[int, int] | None:
        """The last span named before ``i`` in its top-level section, or None."""
        k = bisect.bisect_right(self._starts, i) - 1
        return self._spans[k] if k >= 0 else None

    def opened_by(self, i: int) -> tuple[int, int] | None:
        """The past span the paragraph around ``i`` opens on (——这五年…, 五年来,…), or None."""
        k = bisect.bisect_right(self._openers, i, key=lambda o: o[0]) - 1
        return self._openers[k][2] if k >= 0 and i < self._openers[k][1] else None

    def in_this_year(self, i: int) -> bool:
        """True inside a paragraph that opens on the year so far (今年以来，…; 市长：年初以来…)."""
        k = bisect.bisect_right(self._this_year, i, key=lambda p: p[0]) - 1
        return k >= 0 and i < self._this_year[k][1]


# The year so far, as of when the document speaks: 截至目前 and 今年以来 in an April interview
# are that year's, not the year its review part is about (the year before); 年初以来 opens a
# clause (去年年初以来, 2021年初以来 are those years').
_SO_FAR = r"截至目前|截至当前|截至今日|目前为止|(?<![^，,。；;：:\s])年初以来"   # not 去年年初以来
_SO_FAR_WORD = re.compile(_SO_FAR)
# A paragraph that opens on the year so far (after a speaker's name: 市长：今年以来，…) speaks
# of it throughout: 一季度地区生产总值增长8.5% there is this year's.
_THIS_YEAR_PARAGRAPH = re.compile(r"^[ \t\u3000]*(?:[^\n：:，,。]{1,12}[：:])?[ \t\u3000]*"
                                  r"(?:今年|年初|今年年初)以来[^\n]*", re.M)


# ——这五年民生福祉不断增进。 / 五年来,我们… / “十四五”时期是…的五年, also after the paragraph's
# subtitle (——城市面貌发生巨变。五年来,…) or the address's first sentence (各位代表！2025年目标任务顺利
# 完成，…。五年来，…, 陕西 2026): a paragraph opening on the past five years reviews them
_OPENER = re.compile(r"^[ \t\u3000]*(?:——)?(?:各位代表[！!，,：:][^\n。！!]{0,60}[。！!]|[^\n。！!；;：:]{2,24}[。！!])?"
                     r"(?:这五年|五年来|过去的?五年|这是[^\n。，,]{2,30}?的五年|"
                     r"[“\"]?(?P<plan>十[一二三四五六])五[”\"]?时期(?!末|目标|主要|的|和|工作|发展成就))", re.M)


# Where the text a row of past-span openers governs ends: the next opener (of any span), a
# top-level heading, or a paragraph whose first words name another time (过去一年, 各位代表，刚刚
# 过去的2025年, 今年, “十五五”…).
_OTHER_TIME = re.compile(r"^(?:[^\n。！!；;：:]{2,24}[。！!])?(?:今后|未来)(?:五|5)年|"      # 征途漫漫,惟有奋斗。今后五年,…
                         # (not a year set against an earlier one in its first sentence: 2025年…比重较2020年提高, 海南)
                         r"^(?:各位代表[，,！!])?[^\n，,。；;！!]{0,8}?(?:(?:19|20)\d\d\s*年(?![^\n。]*?[较比](?:19|20)\d\d\s*年)|"
                         r"过去的?一年|一年来|今年|去年|明年|新的一年|"
                         r"[“\"]?十[一二三四五六]五[”\"]?)", re.M)


def _review_paragraphs(text: str, review_year: int | None) -> list[tuple[int, int, tuple[int, int]]]:
    """(start, end, span) of the text that opens on a span ending by the review year: the
    opener's own paragraph (——这五年…, 五年来,…), or, where the review is written as a row of
    such openers (——这五年… ×6, 五年来，我们… ×7 over subtitled paragraphs, 海南 2026), from each
    opener to the next opener, top-level heading or paragraph opening on another time. A single
    opener governs its paragraph only, as what follows it may review the last year alone, unless
    the section turns to another time later (过去的五年极不寻常。… then 刚刚过去的2025年…, 河南 2026):
    then the paragraphs up to that turn are the five years'."""
    if review_year is None:
        return []
    every = list(_OPENER.finditer(text))
    openers = []
    for m in every:
        span = plan_period(cn_int(m.group("plan"))) if m.group("plan") else (review_year - 4, review_year)
        if span[1] <= review_year:
            end = text.find("\n", m.start())
            openers.append((m, len(text) if end < 0 else end, span))
    turns = {m.start() for m in _OTHER_TIME.finditer(text)}
    bounds = sorted({m.start() for m in every} | {m.start() for m in _TOP_HEADING.finditer(text)}
                    | turns | {len(text)})
    if len(openers) < 2:
        return [(m.start(), _turn_after(end, bounds, turns), span) for m, end, span in openers
                if end - m.start() >= 40]
    return [(m.start(), bounds[bisect.bisect_right(bounds, m.start())], span) for m, _, span in openers]


def _turn_after(end: int, bounds: list[int], turns: set[int]) -> int:
    """Where a lone opener's paragraph (ending at ``end``) stops governing: the next bound if the
    section turns to another time there, else its own end."""
    following = bounds[bisect.bisect_right(bounds, end)] if end < bounds[-1] else end
    return following if following in turns else end


def period_label(start: int | None, end: int | None) -> str:
    """'2026' for one year, '2026–2030' for a span, '' when unknown."""
    if start is None or end is None:
        return ""
    return str(start) if start == end else f"{start}–{end}"


# 年均增长, 年平均增长, 平均每年增长, 增速年均超20%: a rate averaged over the years of a span
AVG_RATE = re.compile(r"(?:年均|年平均|平均每年|每年平均)(?:分别|实际)?(?:增长|增加|递增|提高|提升|下降|降低|减少|"
                      r"增速|增幅|上涨|涨幅|回落)|(?:增速|增幅|增长率?)(?:分别)?年均")   # not 年均浓度
# 增长速度 / 增速 / 增长率: a rate; over a span named just before it, an average annual rate
_RATE_WORD = re.compile(r"速度|增速|增长率")
_ONE_YEAR = re.compile(r"(?:19|20)\d\d\s*年|今年|明年|本年|当年")


def is_rate_over_span(sentence_pre: str, clause_pre: str, review_year: int | None,
                      *, section: tuple[int, int] | None = None) -> bool:
    """今后五年经济增长速度为8%至9%, “九五”期间增速…: a growth rate whose last time reference
    is a span is an average annual rate, although 年均 is not written; so is a target's rate in
    a ``section`` that plans several years (今后五年的主要奋斗目标：…收入增速保持在7%以上)."""
    if not _RATE_WORD.search(clause_pre):
        return False
    span, end_point, after = span_in(sentence_pre, review_year)
    if span is None and section is not None:
        return not _ONE_YEAR.search(sentence_pre)
    return span is not None and not end_point and not _ONE_YEAR.search(sentence_pre, after)


# 累计, 期间: the value adds up over a span rather than holding in one year
_OVER_SPAN = re.compile(r"累[计积]|期间|时期内")
# …but 累计达到46个 and 累计净增155万户、总量达474万户 give the stock it has reached
_STOCK_AFTER = re.compile(r"^(?:达到|达|至)|总量|总数")


def _summed(clause_pre: str) -> bool:
    """True when the value adds up over the years (累计分别突破9千亿元), not the total reached."""
    said = list(_OVER_SPAN.finditer(clause_pre))
    return bool(said) and not _STOCK_AFTER.search(clause_pre[said[-1].end():])


def period_for(sentence_pre: str, clause_pre: str, *, measure: str, label: str, year: int | None,
               review_year: int | None, context: PeriodContext | None, position: int = 0,
               section: tuple[int, int] | None = None, text_after: str = "") -> tuple[int | None, int | None]:
    """(period_start, period_end) of a value whose sentence reads ``sentence_pre`` before it.

    An average rate holds for the span named last in its sentence, else in its section,
    else the five years ahead (a target) or back (a result) of the review year.  Any other
    value holds for ``year``, unless it adds up over a span its sentence names (累计, 期间; for a
    count, also a flow's verb in the text ``text_after`` it: 7个城市获评…), or,
    for a target, the span of the plan ``section`` it stands in (“十五五”时期主要目标: 城镇新增就业
    500万人以上 is a five-year total, not 2030's)."""
    span, end_point, after = span_in(sentence_pre, review_year)
    if measure == "avg_change":
        if span is None or end_point:
            span, after = (context.at(position) if context is not None else None), 0
        if span is None and review_year is not None:
            span = (review_year + 1, review_year + 5) if label == "target" else (review_year - 4, review_year)
        if span is None:
            return year, year
        return _ending_at_named_year(span, sentence_pre[after:])
    if measure == "change" and (since := _change_since_base(_with_clause_before(sentence_pre, clause_pre), year)):
        return since
    if span is not None and not end_point and _OVER_SPAN.search(clause_pre):
        return span
    paragraph = context.opened_by(position) if context is not None else None
    if span is None and paragraph is not None and label != "target" and _summed(clause_pre):
        return paragraph        # 过去五年，…一般公共预算收支累计分别突破9千亿元: a total over the five years
    if (measure == "change" and paragraph is not None and label != "target" and span is None
            and not _one_year_after(sentence_pre, clause_pre)):
        return paragraph        # ——这五年…经营主体超850万户、增长45%: a change over the five years
    flow_span = _flow_over_span(sentence_pre, clause_pre, measure=measure, label=label, review_year=review_year,
                                paragraph=paragraph, section=section, text_after=text_after)
    return flow_span if flow_span is not None else (year, year)


# 比2020年增长58.1%, 较2016年增长43.5%, 较五年前…, 五年提高3.89个百分点: a change since a base
# more than a year back holds over the years since it, never for the last of them alone (an
# annual growth target must not be judged against it)
# (是2010年的2.6倍: a multiple of the base year's figure, the same span)
_BASE_YEAR = re.compile(r"(?:比|较)\s*((?:19|20)\d\d)\s*年|在\s*((?:19|20)\d\d)\s*年(?:的)?基础上|"
                        r"是\s*((?:19|20)\d\d)\s*年(?:末)?的?$")
# 五年 standing alone: not 今后五年, 这五年, 十五年, 25年 …
_BARE_FIVE_YEARS = r"(?<![今未过近前这此再第个十百\d])五年"
_FIVE_YEARS_BACK = re.compile(r"(?:比|较)[五5５]年前|" + _BARE_FIVE_YEARS +
                              r"(?:来)?(?=提高|提升|增长|增加|上升|扩大|下降|降低|减少|缩小)")

# 较“十三五”末: the base is the last year of a named plan
# (是“十一五”时期的2.7倍: a plan's total against the plan before's, over the plan after it)
_BASE_PLAN_END = re.compile(r"(?:比|较)\s*[“\"]?十([一二三四五六七八九])五[”\"]?期?末|"
                            r"在\s*[“\"]?十([一二三四五六七八九])五[”\"]?(?:期?末)?(?:的)?基础上|"
                            r"是\s*[“\"]?十([一二三四五六七八九])五[”\"]?(?:时期|期间|期?末)?的?$")
# a clause that is only the verb of a change (…较“十三五”末的9323.1亿元增加4374.4亿元，增长33.6%)
# shares the base of the clause before
_BARE_CHANGE = re.compile(r"(?:同比|分别)?(?:增长|增加|提高|提升|上升|下降|降低|减少)了?$")


def _with_clause_before(sentence_pre: str, clause_pre: str) -> str:
    """``clause_pre``, with the clause before it when it holds nothing but the verb of a change."""
    if not _BARE_CHANGE.fullmatch(clause_pre.strip()):
        return clause_pre
    before = re.split(r"[,，;；]", sentence_pre[:len(sentence_pre) - len(clause_pre)].rstrip(",，"))
    return before[-1] + clause_pre


def _change_since_base(clause_pre: str, year: int | None) -> tuple[int, int] | None:
    """(first, last year) of a change since a base year (比2020年, 较“十三五”末) or over five
    years (较五年前, 五年提高) in its clause, when the base is more than a year before ``year``."""
    if year is None:
        return None
    bases = [a or b or c for a, b, c in _BASE_YEAR.findall(clause_pre)]
    plan = _BASE_PLAN_END.search(clause_pre)
    if bases or plan:
        base = int(bases[-1]) if bases else plan_period(cn_int("十" + next(g for g in plan.groups() if g)))[1]
        return (base + 1, year) if base < year - 1 else None
    return (year - 4, year) if _FIVE_YEARS_BACK.search(clause_pre) else None


# ------------------------------------------------------------------ flows over a span

# What was done, spent or built: a flow that adds up over the span its sentence names
# (五年来,完成街巷硬化134.6公里 / “十四五”时期新增就业…).  共 only before a verb or 计/有: 公共, 共享.
# 累计达260亿元 is a sum reached, not a level: 达 after 累计 is part of the flow.
_FLOW = (r"(?:累[计积]|合计|共计)(?:达到|达|突破|超过|超)?|共有|共(?=完成|实施|投资|投入|办理|建成|新增|新建|发放|帮助|培训|引进|争取|落实|开工)"
         r"|新增(?!劳动力)|新建|新开工|开通|建成(?!区)|(?:(?<=[，,；;：:])|^)建设|完成|实施|投资|投入|发放|办理|铺设|修建|改造|改扩建|解决|培训|引进|援助|"
         r"救助|资助|安置|减免|提出|争取|造林|落地|打造|获批|核准|审议|开行|出台|推出|治理|新设|重组|"
         # honours won, bodies set up or drawn in, money saved, plants connected over the years (not
         # 惠及: the people an insurance or a programme reaches are as often a stock; 并网装机 is one)
         r"获评|荣获|晋级|落户|布局|创建|承接|节约|并网(?!装机|容量|规模)|制定|修改|修订|废止|"
         # net additions, reserves found, works started, bodies formed, rights sold, debts resolved
         r"净增|新?探明|开工建设|组建|出让|升格|增补|化解")
# A level reached at the end: 达到18.99平方米, 突破6万人, 扩大至228个, 稳居第1, 保持1万亿元以上
_LEVEL = (r"达到|达|突破|超过|(?:增|降|升|扩大|扩容|提高|提升|上升|下降|增加|增长|减少|缩小)(?:至|到)|稳定在|保持|"
          r"稳居|位居|位列|排名|居(?:全国|中部|西部|东部|世界|第)|余额|存量|保有量|在建")
_CUE = re.compile(f"(?P<flow>{_FLOW})|(?P<level>{_LEVEL})")
_ABOVE = frozenset(["超过", "突破", "达到", "达"])
# per head, a rate, a total stock or a project's total investment, an annual or record figure, a comparison with a base
# year: never a sum over the years
_NOT_A_TOTAL = re.compile(r"人均|率|比重|占|总[数长量]|总投资|总里程|总规模|规模(?!以上)|年度|年产|最高|最低|"
                          r"(?:比|较)(?:(?:19|20)\d\d|上年|去年|同期|[五5５]年前)|同比|(?<![自理经缘事])由|从")
_SEGMENT = re.compile(r"[，,；;]")
# a year or 全年 after the span: the value is that year's; 年均 and 每年 only in the value's own
# clause (人均可支配收入年均增长6%，城镇新增就业超690万人; 民生支出占比每年保持在80%以上,城镇新增就业
# 7.78万人: the 690万 and the 7.78万 add up)
_ONE_YEAR_AFTER = re.compile(r"(?:19|20)\d\d\s*年|今年|明年|去年|上年|本年|当年|全年")
_AVERAGED = re.compile(r"年均|平均每年|每年")


def _one_year_after(scope: str, clause_pre: str) -> bool:
    return _ONE_YEAR_AFTER.search(scope) is not None or _AVERAGED.search(clause_pre) is not None
# 五年累计发放…, 五年共实施…, 五年建成…, 五年新增…: bare 五年 before a flow, back from the review year
_BARE_FIVE = re.compile(_BARE_FIVE_YEARS + "(?=" + _FLOW + ")")


def _span_mentions(text: str, review_year: int | None, *, back_bare: bool) -> list[tuple[int, int, tuple[int, int]]]:
    """(start, end, span) of every mention in ``text`` a flow can add up over: plans,
    ranges, 今后五年 / 五年来, and (``back_bare``) bare 五年 before a flow.  From-to years
    (由2010年…到2015年) and plan end points (“十四五”末) hold for one year."""
    found = []
    for m in period_mentions(text):
        if m.group("f0") or m.group("s0"):
            continue
        span, end_point = span_of(m, review_year)
        if span is not None and not end_point:
            found.append((m.start(), m.end(), span))
    if back_bare and review_year is not None:
        found += [(m.start(), m.end(), (review_year - 4, review_year)) for m in _BARE_FIVE.finditer(text)]
    return sorted(found)


_CLAUSE_END = re.compile(r"[，,；;：:]")
# a count of what there is (已有, 现有, 其中…; 11个设区市全部/均被命名为…): no flow
_HELD = re.compile(r"(?:已有|现有|其中|共有|全省|全市|全区)$")
_EACH_OF_THEM = re.compile(r"[^，,；;。：:0-9]{0,12}?(?:全部|(?:均|都)(?=被|获|入|通|已|为|实现|荣|达))")
# what a count counts, then a flow's verb (城市获评, 博物馆晋级, 全国重点实验室获批建设, 海上风场并网发电,
# 抽水蓄能项目核准建设, 县区通过…评估, 人次接受补贴性职业技能培训)
_FLOW_AFTER_COUNT = re.compile(r"[^，,；;。：:0-9]{0,12}?(?:获评|荣获|获得|入选|被评为|被命名为|被认定为|晋级|获批|核准|落户|"
                               r"落地|并网发电|建成投产|"
                               r"建成投运|通过[^，,；;。]{0,16}(?:评估|验收|认定|认证)|接受[^，,；;。]{0,8}培训)")
# new ones with their number, then the total's clause (not 城镇新增就业累计…; 开通航线10条,航线累计达到60条)
_NEW_THEN_TOTAL = re.compile(r"(?:新增|新开通|开通|新建)[^，,；;]*\d[^，,；;]*[，,](?P<noun>[^，,；;\d]{0,12})$")
# a span opening its clause (,五年来, / ;五年累计… / 全区五年共…) governs the clauses after it;
# one inside a clause (太湖水质30年来首次达…) only its own
_OPENS_CLAUSE = re.compile(r"(?:^|[，,；;：:])\s*(?:全[区市省县州盟旗]|[我本][区市省县州盟旗]|在|其中)?$")


def _flow_over_span(sentence_pre: str, clause_pre: str, *, measure: str, label: str,
                    review_year: int | None, paragraph: tuple[int, int] | None = None,
                    section: tuple[int, int] | None = None, text_after: str = "") -> tuple[int, int] | None:
    """The span a flow adds up over (五年累计发放城乡低保金9823万元 -> 2011–2015), or None.

    The sentence names the span before the value (五年来, 过去五年, “十四五”时期, and in a
    review bare 五年累计 / 五年共 / 五年建成 / 五年新增), no single year or 每年 follows
    it, and the last cue between the span and the value is a flow (累计, 新增, 建成, 完成,
    发放 …; a clause with no cue continues the one before: 、贫困大学生救助金307万元), or, for a
    count whose clause has no cue before it, the verb after what it counts is one (6座博物馆晋级…).
    A sentence naming no span reads the one its ``paragraph`` opens on (——这五年…), or, for a
    target, the span of its plan ``section``.
    A level reached at the end (达到18.99平方米, 人均…, 比2010年提高86%, a rate) stays one
    year, and a target never adds up over a past span nor a result over a future one."""
    if measure not in ("level", "count") or _NOT_A_TOTAL.search(clause_pre):
        return None
    mentions = _span_mentions(sentence_pre, review_year, back_bare=label != "target")
    if mentions:
        start, end, span = mentions[-1]
        scope = sentence_pre[end:]
        if not _OPENS_CLAUSE.search(sentence_pre[:start]) and _CLAUSE_END.search(scope):
            return None
    elif paragraph is not None and label != "target":
        span, scope = paragraph, sentence_pre
    elif section is not None and label == "target":
        span, scope = section, sentence_pre
    else:
        return None
    if review_year is not None and (span[1] <= review_year if label == "target" else span[0] > review_year):
        return None
    if _one_year_after(scope, clause_pre):
        return None
    if measure == "count" and _CUE.search(clause_pre) is None and _FLOW_AFTER_COUNT.match(text_after) \
            and not _HELD.search(clause_pre) and not _EACH_OF_THEM.match(text_after):
        return span     # 五年来…，7个城市获评全国文明城市: honours won over the years (not 现有36个县被评为…)
    cues = list(_CUE.finditer(scope))
    if len(cues) > 1 and cues[-1].group() in _ABOVE and cues[-2].group() in INCREMENTS \
            and not re.search(r"[0-9０-９，,；;]", scope[cues[-2].end():]):
        cues.pop()      # 新增煤基化工产品产能超过400万吨: how much was added (not 固定资产投资突破…)
    if not cues or not cues[-1].group("flow"):
        return None
    if label == "target" and cues[-1].group() == "打造":
        return None     # 打造4个国家先进制造业集群 in a plan: how many there will be, as notebook 04 reads it
    total = cues[-1].group().startswith(("累计", "累积")) and _NEW_THEN_TOTAL.search(scope, 0, cues[-1].start())
    if total and (not total.group("noun").strip() or len(cues[-1].group()) > 2):
        return None     # 新增百亿县区26个，累计达到46个: the new ones, then how many there are
    # a flow carries over to the next clause through a list of values (…9823万元、…623万元,
    # 城乡特困群体大病医疗救助金476万元), not through a clause without one (平台建成并深化应用,)
    passed = _SEGMENT.split(scope[cues[-1].end():])[:-1]
    return span if all(re.search(r"\d", part) for part in passed) else None


# 今后五年…到2027年 / 五年来…2020年达到: a year named after the span is the year it ends
_END_YEAR = re.compile(r"(?<![较比与从由同])((?:19|20)\d\d)\s*年(?!的|以来|起|前|相比|同期|基础)")


def _ending_at_named_year(span: tuple[int, int], after_mention: str) -> tuple[int, int]:
    years = [int(m.group(1)) for m in _END_YEAR.finditer(after_mention)]
    if not years or years[-1] == span[1] or not span[0] < years[-1] <= span[1] + 5:
        return span
    length = span[1] - span[0]
    return years[-1] - length, years[-1]


# ------------------------------------------------------------------ years

_YEAR_REF = re.compile(
    r"(?P<prefix>到|至|截至|在|于|较|比|与|从|同|相比)?(?P<year>(?:19|20)\d\d|" + CN_YEAR + r")\s*年"
    r"(?P<suffix>底|末|年底|年末|前|的|以来|起|相比|同期|基础上|水平)?")
_PLAN_HORIZON = re.compile(r"[“\"]?(十[一二三四五六])五[”\"]?(期?末|时期末|期间|时期)?(基础上)?")
_RELATIVE_YEAR = re.compile(r"今年|明年|去年|上年|全年|本年|" + _SO_FAR)
_FIVE_YEARS = re.compile(r"(?:今后|未来)(?:五|5)年")
# 跃升到2016年的3.5倍, 相当于2015年的120%: a ratio to that year, reported for the review year
_RATIO_AFTER = re.compile(r"[0-9０-９.．]+\s*(?:倍|%|％)")
# 从4.39件增至9.40件, 由每生每年5元提高至10元, 从上半年5.5%降到5.3%, 由8.7∶41.2∶50.1调整为: a span's start
_RATIO_PART = r"[0-9.]+\s*[:：∶]\s*"
_FROM_VALUE = re.compile(rf"(?:从|由)(?:{PART_OF_YEAR})?的?(?:每[\u4e00-\u9fff]{{1,2}}?){{0,3}}(?:{_RATIO_PART}){{0,2}}$")
_TO_VERB = re.compile(r"[0-9０-９.．,]+(?:\s*[:：∶]\s*[0-9.]+){0,2}[^0-9,，;；。]{0,8}?"
                      r"(?:增至|增加到|增加至|增长到|增长至|提高到|提高至|提升到|"
                      r"提升至|跃升到|跃升至|上升到|上升至|扩大到|扩大至|下降到|下降至|降至|降到|减少到|减少至|"
                      r"缩小到|缩小至|缩小为|压减到|压减至|调整为|调整到|优化为|优化到|演进为|演变为|转变为|变为|"
                      # 由71所优化整合为47所, 188个园区整合优化为120个: where a merger started
                      r"整合为|整合到|整合至|合并为|归并为|精简为|精简到|精简至|压减为|缩减为|缩减到|减少为)")

# ------------------------------------------------------------------ plan horizon of a section

_PLAN_IN_HEADING = re.compile(r"(十[一二三四五六])五")
# A year in a heading sets the horizon (2022年重点工作), a date does not: the dateline
# ——2022年1月10日在…大会上 of a January report would make all it says before its first
# top-level heading (or all of an interview) look forward to 2022.
_HEADING_YEAR = re.compile(r"((?:19|20)\d\d|" + CN_YEAR + r")\s*年(?!\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月)")


def horizon_marks(paragraphs: list[Paragraph], review_year: int | None) -> list[tuple[int, int | None]]:
    """Plan horizon per paragraph: a heading with 2022年 -> 2022, 今后五年 -> review year + 5,
    "十四五" -> 2025, "十五五" -> 2030.  Top-level headings and title lines reset it, except
    that the five years ahead hold through the subtitles under them (在建设…中奋勇争先) until a
    paragraph turns to one year (今年, 2022年…)."""
    marks: list[tuple[int, int | None]] = []
    horizon: int | None = None
    five_years = False              # the horizon is the five years ahead
    for par in paragraphs:
        s = par.text.strip()
        head = s[:40]
        if is_heading(s) or _PLAN_OPENER.match(s):
            named = _HEADING_YEAR.search(head) or _FIVE_YEARS.search(head) or _PLAN_IN_HEADING.search(head)
            if heading_level(s) == 1 or (len(s) <= 30 and (named or not five_years)):
                horizon, five_years = None, False
            y = _HEADING_YEAR.search(head)
            if y:
                horizon, five_years = year_value(y.group(1)), False
            elif _FIVE_YEARS.search(head) and review_year and not _PAST_FIVE_YEARS.search(head):
                horizon, five_years = review_year + 5, True
            elif plan := _PLAN_IN_HEADING.search(head):
                horizon = plan_period(cn_int(plan.group(1)))[1]     # “十五五”时期的目标: by 2030
        elif five_years and review_year and (turn := _YEAR_TURN.match(s)) and _turns_to_one_year(turn, review_year):
            horizon, five_years = None, False
        marks.append((par.start, horizon))
    return marks


# 今后五年，… or 征途漫漫,惟有奋斗。今后五年,…: a paragraph opening on the five years ahead
_PLAN_OPENER = re.compile(r"(?:[^\n。！!；;：:]{2,24}[。！!])?(?:今后|未来)(?:五|5)年")
# 过去五年工作回眸及未来五年前景展望: a title naming both spans sets no plan horizon
_PAST_FIVE_YEARS = re.compile(r"过去的?(?:五|5)年|回顾|回眸")
# A paragraph opening on one year (今年, 2022年, 新的一年) ends the five years ahead.
_YEAR_TURN = re.compile(r"(?:各位代表[，,！!])?[^\n，,。；;！!]{0,8}?(?:(?P<y>(?:19|20)\d\d)\s*年|"
                        r"过去的?一年|一年来|今年|去年|明年|新的一年)")


def _turns_to_one_year(turn: re.Match, review_year: int) -> bool:
    """True unless the year named is beyond the year after the review (到2026年: the horizon's end)."""
    return turn.group("y") is None or int(turn.group("y")) <= review_year + 1


def horizon_at(marks: list[tuple[int, int | None]], i: int) -> int | None:
    k = bisect.bisect_right(marks, i, key=lambda mark: mark[0]) - 1
    return marks[k][1] if k >= 0 else None


def review_year_of(year: int | None, month: int | None = None, text: str = "") -> int | None:
    """The year a report's review part speaks about: a report given in the second half of the
    year (a September party congress, a December work report: "今年以来", "五年来" up to now)
    reviews its own year; one given in the first half (a January work report, an April
    interview) reviews the year before.  Without a month, the first full date in the text
    decides (a dateline in Arabic or Chinese numerals)."""
    if year is None:
        return None
    if month is None and text:
        month = month_of(year, text)
    if month is None:
        return year - 1
    return year if month >= 7 else year - 1


_PARTS_OF_YEAR = re.compile(PART_OF_YEAR)
_LAST_MONTH_OF = {"一季度": 3, "上半年": 6, "两季度": 6, "两个季度": 6, "三季度": 9}
_MONTH_NUMBER = re.compile(r"(1[0-2]|[1-9]|十[一二]?|[两二三四五六七八九])个?月")


def year_of_months(sentence_pre: str, year: int | None, month: int | None) -> int | None:
    """The year of a part of a year named before a value (1—11月, 一季度, 上半年), from the month
    the document was given in: it has ended by then in that year (一季度 in an April interview),
    else it is the year before's (1—11月 in a January report). None without such a part or month."""
    # (asked for every value: no scan without a month)
    if year is None or month is None or not (found := _PARTS_OF_YEAR.findall(sentence_pre)):
        return None
    part = found[-1]
    last = next((last for name, last in _LAST_MONTH_OF.items() if part.endswith(name)), None)
    if last is None:
        written = _MONTH_NUMBER.findall(part)[-1]
        last = int(written) if written.isdigit() else cn_int(written.replace("两", "二"))
    return year if last < month else year - 1


def month_of(year: int | None, text: str) -> int | None:
    """The month of the date at the top of ``text`` (its dateline), when that date is in ``year``."""
    written = written_date(text, head=400) if year is not None else None
    return written.month if written is not None and written.year == year else None



# ------------------------------------------------------------------ year of one value

# 188个园区整合优化为120个: a merger says where it started without 由
_MERGED_INTO = re.compile(r"[0-9０-９.．,]+[^0-9,，;；。]{0,8}?(?:整合|合并|归并|撤并|精简|压减|缩减)(?:优化)?为")


def starts_span(sentence: str, offset: int) -> bool:
    """True for the first value of 从X增至Y / 由X提高到Y / X个…整合为Y个: the level things start from."""
    if _MERGED_INTO.match(sentence, offset) is not None:
        return True
    return _FROM_VALUE.search(sentence, 0, offset) is not None and _TO_VERB.match(sentence, offset) is not None


# A year that another clause's work is due by (确保2018年投入使用;), ending before the value's clause
_DEADLINE_BEFORE = re.compile(r"(?:确保|力争|争取|将于|计划于)$")
_DEADLINE_AFTER = re.compile(r"(?:建成|完工|完成|投入使用|投用|投产|竣工|开通|通车|运营|交付使用|交付)[^；;。]{0,12}[；;]")


def year_for(sentence: str, offset: int, *, year: int | None, review_year: int | None,
              label: str, part: str, horizon: int | None) -> tuple[int | None, bool]:
    """(year, explicit) for a value at ``offset`` in ``sentence``: the nearest time reference
    before it (到2026年, 2020年, "十四五"末, 今年), else the section's default."""
    pre = sentence[:offset]
    best: tuple[int, int | None] | None = None     # (position, year)
    weak_year: int | None = None
    # a target looks forward, and so does an estimate in a plan (预计全年旅游接待人数达到700万人次
    # in the 2016 plan is 2016's, not the review year's)
    forward = label == "target" or (label == "estimate" and part == "plan")
    for m in _YEAR_REF.finditer(pre):
        prefix, suffix = m.group("prefix") or "", m.group("suffix") or ""
        # 由2017年的2.86万亿元, 增长到2020年的152.3亿元; 由2010年的21.6%提高到: that year's level, no ratio
        if suffix == "的" and m.end() == len(pre) and prefix not in ("较", "比", "与", "同", "相比") and (
                not _RATIO_AFTER.match(sentence, offset) or prefix == "从" or pre.endswith("由", 0, m.start())):
            return year_value(m.group("year")), True
        if prefix in ("较", "比", "与", "从", "同", "相比") or suffix in ("的", "以来", "起", "前", "相比",
                                                                     "同期", "基础上", "水平"):
            continue            # a baseline (较2016年增长) or a span start, not the reference year
        if _DEADLINE_BEFORE.search(pre, max(0, m.start() - 4), m.start()) and _DEADLINE_AFTER.match(pre, m.end()):
            continue            # 确保2018年投入使用;推进投资5.5亿元的…: the deadline of the clause before
        best = (m.start(), year_value(m.group("year")))
    if starts_span(sentence, offset):
        return None, False      # 从4.39件增至9.40件: the start value of a span whose year is not given
    for m in _PLAN_HORIZON.finditer(pre):
        if m.group(3) or (pre.startswith("的", m.end()) and _RATIO_AFTER.match(sentence, offset)):
            continue        # 在"十三五"基础上, 是“十一五”时期的2.7倍: a baseline
        if m.group(2) is None and not re.search(r"到|至|力争|实现", pre[max(0, m.start() - 3):m.start()]):
            continue
        y = plan_period(cn_int(m.group(1)))[1]
        if re.search(r"(?:较|比|与|同|相比|由|从)$", pre[:m.start()]):
            if pre.endswith("的", m.end()) and m.end() + 1 == len(pre):
                return y, True      # 较“十三五”末的9323.1亿元: the base value, of that year
            continue                # 较“十三五”末增加4374.4亿元, 由“十三五”末的…增加到: a baseline
        if best is None or m.start() > best[0]:
            best = (m.start(), y)
    for m in _RELATIVE_YEAR.finditer(pre):
        word = m.group()
        if year is None and word != "全年":
            continue
        if word in ("今年", "本年") or _SO_FAR_WORD.fullmatch(word):
            y = year
        elif word == "明年":
            y = year + 1
        elif word in ("去年", "上年"):
            if re.match(r"比|较|同", pre[max(0, m.start() - 1):m.start()]):
                continue
            y = year - 1
        else:                              # 全年: the section's year, not an explicit one
            if forward:
                weak_year = horizon or (review_year + 1 if part == "plan" and review_year else year)
            continue
        if y is not None and (best is None or m.start() > best[0]):
            best = (m.start(), y)
    for m in _FIVE_YEARS.finditer(pre):
        if review_year and (best is None or m.start() > best[0]):
            best = (m.start(), review_year + 5)
    if best is not None:
        return best[1], True
    if forward:
        if weak_year is not None:
            return weak_year, False
        if horizon is not None:
            return horizon, False
        if part == "plan" and review_year is not None:
            return review_year + 1, False
        return None, False
    return review_year, False

