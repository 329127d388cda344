"""Label step of the quantities pipeline: what kind of statement a value is, and its measure.

- ``achieved``: reported as reached (review sections, 达到/增长/累计 ...),
- ``estimate``: preliminary (预计, 有望),
- ``target``: a goal, plan or limit (力争, 目标, 确保, 到2026年, "十四五"末, a plan section).

The measure says what the value is: ``level``, ``change`` (增长8%), ``avg_change`` (年均增长,
over a span), ``share`` (占…比重), ``count`` (个, 项, 家), ``benchmark_gap`` (高于全国0.8个百分点: the
distance from a benchmark's figure), or ``attribute`` (set by the spans step).

:func:`usable_indicator` says whether an indicator label names something a reader can use; the
subject step asks its next resolver when it does not (and leaves the indicator empty, as for
any unknown subject, when none finds a usable one).
"""
from __future__ import annotations

import re

from .indicators import IndicatorRegistry
from .numbers import MEASURE_WORDS, SHARE_UNITS, base_unit
from .quantity_spans import BENCHMARK_GAP
from .quantity_time import AVG_RATE, period_label

__all__ = ["PER_BASE_BEFORE", "TARGET_STRONG", "direction_of", "label_for", "measure_of", "sets_nothing", "span_label",
           "usable_indicator"]

_ESTIMATE_CUE = re.compile(r"预计|有望|预估|初步核算|初步统计")
TARGET_STRONG = re.compile(
    r"力争|争取|确保|预期目标|奋斗目标|主要目标|目标是|目标为|计划|规划|预期|努力实现|力求|"
    r"到(?:本世纪|20\d\d年|二[〇零○][〇零○一二三四五六七八九]{2}年|[“\"]?十[四五六]五[”\"]?)|[“\"]?十[四五六]五[”\"]?(?:期?末|时期末)|明年")
# 将 and 要 are cues only as verbs (not 主要/重要/需要/必要, nor 将…用于 = 把).
_TARGET_WEAK = re.compile(r"(?<![主重需必只纲])要(?![求素点])|(?<![即必])将(?![财资其所这那近])|今年|全年|"
                          r"目标|任务|完成")
# the state of things or a count of past acts, even inside a plan section
_FACT_CUE = re.compile(r"已经|业已|现在|目前|先后")
# 3次到地方考察, 两次来我省视察: visits are counted, never set
_VISIT_AFTER = re.compile(r"^[^,，;；。]{0,2}(?:到|赴|来|深入)[^,，;；。]{0,12}(?:考察|视察|调研|检查指导|访问)")
# (今年1-5月, 一季度, 上半年: the months already counted)
_PAST_CUE = re.compile(r"已经|已|去年|上年|过去|五年来|一年来|以来|前?[一二三四]季度|上半年|"
                       r"1\s*[-—–~至到]\s*\d{1,2}\s*月|一至[二三四五六七八九十]{1,2}月|前(?:\d{1,2}|[两二三四五六七八九十]{1,2})个?月")
# 争取 with resources after it is "obtained" (争取中央资金超900亿元, 争取国家“两重”建设任务162项):
# in a review, what was secured, not a goal (争取实现…, 争取增长7% are goals)
_SECURED = re.compile(r"争取(?=[^,，;；:：]{0,3}(?:中央|国家|上级|各类|资金|债券|转移支付|专项|政策|项目))")


# 占年度计划的110%, 完成目标任务的117%: the plan is what the value is measured against, not a goal
# the value sets
_OF_THE_PLAN = re.compile(r"(?:占|完成|达到?|为|超过?)[^,，;；:：]{0,8}?(?:计划|规划|目标任务|目标|任务)的?$")


def label_for(sentence: str, offset: int, part: str, *, explicit_year: int | None,
               review_year: int | None, year: int | None = None) -> tuple[str, str]:
    """(label, cue) for a value at ``offset`` in its sentence."""
    pre = sentence[:offset]
    if plan := _OF_THE_PLAN.search(pre):        # (blanked, so offsets stay)
        pre = pre[:plan.start()] + " " * len(plan.group())
    seg_start = max(pre.rfind(";"), pre.rfind("；")) + 1
    est = [m for m in _ESTIMATE_CUE.finditer(pre) if m.start() >= seg_start]
    clause = re.split(r"[,，;；:：]", pre)[-1]
    months = re.search(r"前[一二三四]季度|[一二三四]季度|上半年|1\s*[-—–~至]\s*\d{1,2}月", clause)
    if est and months and est[-1].start() < len(pre) - len(clause) + months.start():
        est = []                         # 预计全年…，前三季度…增长12.3%: reported data
        # (上半年有望增长7%: the cue after the months is about them)
    if est and part == "plan" and review_year is not None and (explicit_year is None or explicit_year > review_year):
        return "target", est[-1].group()   # 预计全年… in the plan: a forecast for the plan year
    if est:
        return "estimate", est[-1].group()
    strong = list(TARGET_STRONG.finditer(pre))
    # a year after the one the document speaks from (到2025年) is in the future
    now = max(review_year or 0, year or 0)
    future_year = explicit_year is not None and now > 0 and explicit_year > now
    if part == "review":
        if strong and not future_year and (_SECURED.match(pre, strong[-1].start())
                                           or strong[-1].start() < len(pre) - len(clause)):
            return "achieved", ""   # secured funds; a goal cue of an earlier clause (力争9%，实际8%)
        if strong and (future_year or not re.search(r"完成|实现了|达到了", pre[strong[-1].end():])):
            cue_year = re.search(r"20\d\d", strong[-1].group())
            if cue_year and review_year and int(cue_year.group()) <= review_year:
                return "achieved", ""
            if future_year or re.match(r"力争|争取|到|十|明年|预期目标", strong[-1].group().lstrip("“\"")):
                return "target", strong[-1].group()
        return "achieved", ""
    if strong:
        if part == "other" and _PAST_CUE.search(pre, _clause_after(pre, strong[-1].end())):
            return "achieved", ""      # 目标是…增长7%以上，今年前4个月…增长15%: reported after the goal
        return "target", strong[-1].group()
    if part == "plan":
        if explicit_year is not None and review_year is not None and explicit_year <= review_year \
                and not future_year:
            return "achieved", ""
        if _FACT_CUE.search(clause):
            return "achieved", ""      # 我国人口已经达到12亿, 先后10次到…: a fact sets nothing
        weak = list(_TARGET_WEAK.finditer(pre))
        return "target", weak[-1].group() if weak else ""
    # other: a report without sections (interview, feature): the cues decide
    weak = list(_TARGET_WEAK.finditer(pre))
    if future_year:
        return "target", str(explicit_year)
    if weak and not _PAST_CUE.search(pre[weak[-1].end():]) and weak[-1].group() not in ("完成", "全年"):
        return "target", weak[-1].group()
    return "achieved", ""


_CLAUSE_BREAK = re.compile(r"[,，;；]")


def _clause_after(pre: str, i: int) -> int:
    """Where the clause after the one holding offset ``i`` starts (len(pre) when there is none)."""
    m = _CLAUSE_BREAK.search(pre, i)
    return m.end() if m else len(pre)


# ------------------------------------------------------------------ measure

def sets_nothing(unit: str, after: str) -> bool:
    """A count of visits (3次到地方考察) is a fact, whatever section it stands in."""
    return unit.endswith("次") and _VISIT_AFTER.match(after) is not None


def measure_of(unit: str, pre: str, indicator: str, registry: IndicatorRegistry) -> str:
    """level / change / avg_change / share / count of a value whose clause reads ``pre``
    before it; ``registry`` says which indicators are shares (财政赤字率 3%)."""
    measure = _measure(unit, pre, indicator, registry)
    # 年均增长8%: a rate averaged over a span, never the change of one year
    return "avg_change" if measure == "change" and AVG_RATE.search(pre) else measure


def _measure(unit: str, pre: str, indicator: str, registry: IndicatorRegistry) -> str:
    if BENCHMARK_GAP.search(pre):
        return "benchmark_gap"  # 高于全国0.8个百分点: how far from the national figure
    base = base_unit(unit)
    change = _PERCENT_CHANGE.search(pre)
    percent = base in SHARE_UNITS
    if unit in ("倍", "番", "个百分点") or (change and percent):
        return "change"
    if percent and indicator.endswith("完成率"):
        return "level"        # 占年度计划的110%: how much of a plan was done, a rate
    if not percent and (_PER_POPULATION.match(indicator) or _PER_POPULATION_SHORT.match(indicator)):
        return "level"        # 每千人口拥有执业医师3.57个: a rate per population, not a count
    if percent and (re.search(r"占|比重|占比", pre + indicator) or registry.measures.get(indicator) == "share"):
        return "share"        # 占GDP比重, or a registry share such as 财政赤字率, 研发投入强度
    if percent and re.search(r"涨幅|增速|增幅", indicator):
        return "change"
    if base and base not in MEASURE_WORDS and _AMOUNT_CHANGE.search(pre):
        return "change"       # 比2010年增加13480元, 优良天数增加25天: an amount of change (LABELING.md)
    if base and _CUT_OBJECT.search(pre):
        return "change"       # 减少碳排放2810万吨, 削减审批事项62项: an amount taken off what is named
    if unit == "" and _RATIO_NAME.search(indicator):
        # 城乡居民收入比2.12: a ratio; 倍差缩小0.12: by how much it changed
        return "change" if re.search(r"(?:缩小|收窄|下降|降低|减少|扩大)了?$", pre) else "level"
    if base == "" and _AMOUNT_NAME.search(indicator):
        return "level"        # 电子信息规模达到1.28万亿: an amount with its 元 left out
    if base in MEASURE_WORDS or base == "":
        return "count"
    return "level"


# the verb of a change right before an amount (counts keep their measure: 增加5000个…招生计划)
# (分别提高221元、90元、350元和300元: each value of the list after the verb)
_AMOUNT_CHANGE = re.compile(r"(?:增长|增加|递增|提高|提升|下降|降低|减少|缩短|压缩|压减|净增|净减)(?:了|近|约|超过|超)?"
                            r"(?:[0-9０-９.．]+[^0-9０-９,，;；、和及与]{0,4}[、和及与])*$")
# (opening the clause: 压缩空气储能 is a noun; 缩减到130项 is a level)
_CUT_OBJECT = re.compile(r"^(?:全年|累计|共|进一步|大幅|有效)?(?:减少|削减|精简|撤并|压减|压缩|缩减)(?![到至为])"
                         r"[^,，;；:：、0-9]{1,12}$")
_PER_POPULATION = re.compile(r"每(?:[0-9０-９]+[十百千万]?|[十百千万]+)?名?(?:(?:城镇|农村|城乡|常住|户籍|老年){0,2}"
                             r"(?:人口|人|户)|平方公里|儿童|学生|居民|职工)")
# 万人高价值发明专利拥有量, 千人口托位数: the same base without 每 (not 万人次, 千人计划)
_PER_POPULATION_SHORT = re.compile(r"(?:[十百千万]|[0-9０-９]+)名?(?:人口|人)(?!次|民|计划)")
# 每万城镇常住人口配备18名社区工作者: the base of a rate, then the verb, then the count of what it counts
PER_BASE_BEFORE = re.compile(r"(" + _PER_POPULATION.pattern + r")(?:配备|拥有|有)$")
_RATIO_NAME = re.compile(r"(?:倍差|比值?|之比)$")
_AMOUNT_NAME = re.compile(r"(?:规模|产值|总值|总额|收入|营收|投资|资金|增加值|利润|额)$")


# The verb of a change: a value is written as a positive number (下降40.6%), and the verb says
# which way it went. 增加值 is a noun and 提高到 / 降至 give a level, so a verb followed by
# 值/到/至/为/率 does not count. One vocabulary serves the measure and the direction.
_DOWN_VERBS = "负增长|下降|降低|减少|缩短|压缩|压减|压降|缩减|削减|精简|缩小|收窄|回落|下滑|微降|略降|降价|改善"
_UP_VERBS = "增长|增加|递增|提高|提升|上升|回升|上涨|增速|增幅|涨幅|翻|微增|微涨|略增"
_CHANGE_VERB = re.compile(f"(?:({_DOWN_VERBS}|撤并|净减)|({_UP_VERBS}|净增))(?![到至为值率])")
# a percent after such a verb (or 年均) in its clause is a change (对经济增长的贡献率, 对工业增长
# 贡献: growth names what is contributed to, and the value is a share of it)
# (分别增长8.5%、6.2%: each value of the list after the verb; 增长11.7%、制造业占比超70%: the verb
# belongs to the value before, and the next item names its own measure)
_PERCENT_CHANGE = re.compile(f"(?:{_UP_VERBS}|{_DOWN_VERBS}|年均)(?![到至为值率]|的?贡献)"
                             r"(?:[(（][^()（）]{0,16}[)）])?"       # 年均增长（2021—2025年）6.5%: a note
                             r"(?:[^,，;；0-9０-９]{0,12}|(?:[0-9０-９.．]+\s*(?:%|％|个百分点)?[、和及与])+)$")


def direction_of(measure: str, pre: str, unit: str = "") -> str:
    """"up" or "down" for a change (增长7%, 年均下降3%, 提高2个百分点, 翻一番), from the verb
    nearest before the value in its clause, and for a benchmark gap (高于全国: up, 低于全国: down); "" for
    other measures or when no verb says it (是2010年的2.6倍)."""
    if measure == "benchmark_gap":      # above or below the benchmark
        gap = BENCHMARK_GAP.search(pre)
        if gap is None or gap.group("better"):
            return ""
        return "up" if gap.group("above") or gap.group("more") or gap.group("past_plan") else "down"
    if measure not in ("change", "avg_change"):
        return ""
    if unit == "番":                    # 翻一番: the verb is part of the value's span
        return "up"
    verbs = list(_CHANGE_VERB.finditer(pre, max(0, len(pre) - 16)))
    if not verbs:
        return ""
    return "down" if verbs[-1].group(1) else "up"


def span_label(label: str, cue: str, span: tuple, clause_pre: str,
               review_year: int | None) -> tuple[str, str]:
    """A span wholly after the review year is planned; one wholly before it is reported
    unless the clause sets a goal (十四五规划提出年均增长6%)."""
    start, end = span
    if start is None or start == end or review_year is None or label == "estimate":
        return label, cue
    if label == "achieved" and start > review_year:
        return "target", period_label(start, end)
    if label == "target" and end <= review_year and not TARGET_STRONG.search(clause_pre):
        return "achieved", ""
    return label, cue


# ------------------------------------------------------------------ indicator labels

# Fragments, not names: an aspect particle or causative left by a cut verb (了中心城区, 使), a
# list number (10.发放…), a preposition opening an adverbial (在电网关键节点…, 向全国推广; not 在建,
# 在校 …), a figure with its unit (28104元, 游客17.52亿人次), units × size (东电2×), a manner or
# deadline remnant (6月底前要全面, 举全区之力), a verb or rank cut in half (地方和单位荣, 居全国前);
# not a code ending in digits (PM2.5浓度).
_FRAGMENT = re.compile(
    r"^(?:了|着(?!力)|使(?!用)|让|令)|^[0-9０-９]{1,2}[.．、](?![0-9])|"
    r"^(?:在(?![建校园岗读职线册营库途研编])|向|为(?!民)|把|被)|"
    r"(?<![A-Za-z0-9０-９.])[0-9０-９][0-9.]*[万亿千百]*(?!强)[^\x00-\x7f0-9０-９]{1,3}$|[0-9０-９]\s*[×xX*＊]|"
    r"(?:全面|全力|之力|完成了|前要|连续|(?<![主重纲摘需])要|将|了|(?<![繁光])荣|历史性|跨过|(?:全国|全省|全球|世界|排名)前)$|"
    # 每年安排, 三年安排, 筹措, 压降: a verb (after how often) names no thing
    r"^(?:每年|[一二三四五]年|今年|年内|全年)?(?:安排|筹措|下达|拨付|压降|压减|上线|推出|新增)$")


def usable_indicator(name: str) -> bool:
    """Whether ``name`` can stand as an indicator label: two characters at least and none of the
    fragments above (5G基站, PM2.5平均浓度, 12345热线群众诉求满意率, 世界500强企业, 在建 are fine)."""
    return len(name) >= 2 and _FRAGMENT.search(name) is None
