"""Quantities with provenance: targets, achieved values and estimates in policy reports.

The core, :func:`extract_quantities`, is a pure function over one text.  For every number
that is a quantity (not a date, year, ordinal, code, slogan or range end) it reports the
offsets, the unit as written, the relation (>=, <=, ~, =), the kind of statement

- ``achieved``: reported as reached (review sections, 达到/增长/累计 ...),
- ``estimate``: preliminary (预计, 有望),
- ``target``: a goal, plan or limit (力争, 目标, 确保, 到2026年, "十四五"末, a plan section),

the indicator it measures (canonical name from the indicator registry, else the noun
phrase as written) and the year the value refers to.  :func:`quantities` runs it over a
corpus and maps offsets back to the raw file text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .indicators import IndicatorRegistry, indicator_registry
from .numbers import MEASURE_WORDS, NumberSpan, find_numbers, match_unit, parse_number
from .quantity_time import AVG_RATE, PeriodContext, period_for, period_label

__all__ = ["extract_quantities", "quantities", "quantities_for_files", "review_year_of",
           "QUANTITY_COLUMNS"]

QUANTITY_COLUMNS = ["doc", "file", "start", "end", "text", "sentence", "part", "label", "indicator",
                    "indicator_text", "measure", "value", "value_high", "unit", "relation", "year",
                    "cue", "period_start", "period_end", "period"]

# ------------------------------------------------------------------ not quantities

_D = r"[0-9０-９]"
_NOT_QUANTITY = re.compile("|".join([
    rf"{_D}{{2,4}}\s*[-/.年]\s*{_D}{{1,2}}\s*[-/.月]\s*{_D}{{1,2}}\s*日?",  # 2021年12月14日, 22-04-28
    rf"{_D}{{1,2}}\s*:\s*{_D}{{2}}(?::{_D}{{2}})?",                          # 08:46
    rf"{_D}{{1,2}}\s*[-—–~～至到]\s*{_D}{{1,2}}\s*月",                       # 1—11月
    rf"{_D}{{1,2}}\s*月\s*(?:{_D}{{1,2}}\s*日)?",                            # 8月20日, 11月
    rf"{_D}{{1,2}}\s*日",
    rf"(?:1[89]|20){_D}{{2}}\s*[-—–~～至到]\s*(?:(?:1[89]|20)?{_D}{{2}})\s*年?",  # 2021-2025年
    rf"(?:1[89]|20){_D}{{2}}\s*(?=年)",                                          # 2021年 as a time
]))
_CODE_BEFORE = re.compile(r"[A-Za-z#＃+＋\-_/]$")
_CODE_AFTER = re.compile(r"^(?:[A-Za-z#＃+＋]|号|届|周年|级|型|期|路|线|国道|省道|高速|次会议)")
_OPEN_QUOTES = "“\"「『‘"
_CLOSE_QUOTES = "”\"」』’"
_RANGE_SEP = re.compile(r"\s*[-—–~～至到]\s*")
_APPROX_BETWEEN = "余多来"
_GAP = (" ", "\u3000", "\xa0")    # 40多亿元, 1.6万余名, 100余处: more than

# ------------------------------------------------------------------ cues

_ESTIMATE_CUE = re.compile(r"预计|有望|预估|初步核算|初步统计")
_TARGET_STRONG = re.compile(
    r"力争|争取|确保|预期目标|奋斗目标|主要目标|目标是|目标为|计划|规划|预期|努力实现|力求|"
    r"到(?:本世纪|20\d\d年|[“\"]?十[四五六]五[”\"]?)|[“\"]?十[四五六]五[”\"]?(?:期?末|时期末)|明年")
# 将 and 要 are cues only as verbs (not 主要/重要/需要/必要, nor 将…用于 = 把).
_TARGET_WEAK = re.compile(r"(?<![主重需必只纲])要(?![求素点])|(?<![即必])将(?![财资其所这那近])|今年|全年|"
                          r"目标|任务|完成")
# the state of things or a count of past acts, even inside a plan section
_FACT_CUE = re.compile(r"已经|业已|现在|目前|先后")
_COUNTDOWN = re.compile(r"(?:离|距|距离)[^,，;；。！？!?]{1,20}(?:还有|只有|仅有|仅剩|还剩|尚有|不到|仅)\s*$")
_PAST_CUE = re.compile(r"已经|已|去年|上年|过去|五年来|一年来|以来")

# ------------------------------------------------------------------ years

_YEAR_REF = re.compile(
    r"(?P<prefix>到|至|截至|在|于|较|比|与|从|同|相比)?(?P<year>(?:19|20)\d\d)\s*年"
    r"(?P<suffix>底|末|年底|年末|前|的|以来|起|相比|同期|基础上|水平)?")
_PLAN_HORIZON = re.compile(r"[“\"]?十([三四五六])五[”\"]?(期?末|时期末|期间|时期)?(基础上)?")
_RELATIVE_YEAR = re.compile(r"今年|明年|去年|上年|全年|本年")
_FIVE_YEARS = re.compile(r"(?:今后|未来)(?:五|5)年")
# 跃升到2016年的3.5倍, 相当于2015年的120%: a ratio to that year, reported for the review year
_RATIO_AFTER = re.compile(r"[0-9０-９.．]+\s*(?:倍|%|％)")
# 从4.39件增至9.40件 / 由X提高到Y: the first value is the start of a span
_FROM_VALUE = re.compile(r"(?:从|由)$")
_TO_VERB = re.compile(r"[0-9０-９.．,]+[^0-9,，;；。]{0,8}?(?:增至|增加到|增加至|增长到|增长至|提高到|提高至|提升到|"
                      r"提升至|跃升到|跃升至|上升到|上升至|扩大到|扩大至|下降到|下降至|降至|降到|减少到|减少至|"
                      r"缩小到|缩小至|压减到|压减至)")

# ------------------------------------------------------------------ indicator phrases

# Words between an indicator and its number that say how, not what: 首次突破, 年均增长, 控制在.
_PREDICATE_WORDS = sorted(set("""
首次 再次 分别 均 均为 分别为 分别达 分别达到 年均 同比 环比 比上年 较上年 比去年 较去年 同口径 平均 累计 共 总计 合计
增长 增加 递增 增速 增幅 上涨 涨幅 按 达到 达 突破 超过 超 逾 增至 不低于 不少于 不超过 不高于 低于 高于 近 约 大约 接近 左右
跨越 迈上 整合为 调整为 压减至 压缩至 缩减至 减少至 精简为 压减到 增加至 提高至 提升至 跃升到 跃升至 首次突破 增长到 增加到 提高 提高到 提升 提升到 提高了 增长了
下降 下降到 降低 降至 降到 减少 减少到 缩短 压缩 减少至 回落 控制在 控制 保持在 保持 稳定在 维持在 为 是 占 投入 累计投入
完成 实现 达到了 突破了 以上 以内 大关 稳居 始终 每年 都在 全部 分别增长 净增 提升了 由 从 在 于 到 工程
预计 有望 力争 确保 争取 努力 将 要 计划 目标 预期 全年 今年 明年 五年 五年来 过去五年 今后五年 未来五年 年 末 底
的 以 其中 和 与 及 数量 增长率 绝对值 上年 去年 就 再 更 可 能 已 也 都 还 并 又 同口径
定为 定在 确定为 设定为 预期目标 拟 拟按 实际 速度 增长速度 幅度 上涨幅度 已经 只有 仅有 仅 先后 一共 总共
""".split()), key=len, reverse=True)
_PREDICATE_RE = re.compile("(?:" + "|".join(map(re.escape, _PREDICATE_WORDS)) + ")+$")
_LEADING_RE = re.compile(
    r"^(?:(?:到|至|截至|在)?(?:19|20)\d\d年(?:底|末)?|今年|全年|明年|去年|五年来|过去五年|今后五年|未来五年|"
    r"现在|目前|当前|如今|眼下|我国|我省|我们|"
    # 中央提出今年经济…, 国务院确定…: who set it is not what is measured
    r"[^,，;；:：0-9]{0,6}?(?:提出|要求|决定|确定|建议|强调|明确)(?=[^,，;；:：0-9]{2})|"
    r"[“\"]?十[三四五六]五[”\"]?(?:期?末|期间|时期)?|前[一二三四]季度|[一二三四]季度|上半年|下半年|"
    r"五年|年均|累计|力争|确保|争取|预计|计划|努力|其中|"
    r"全市|全区|全县|全省|全国|全社会|城乡|我们|我市|我区|我县|共|将|要|并|还|也|再|总计|合计|实现|完成|各类|各项|各级|"
    r"[一二三四五六七八九十]是|其[一二三四五]|即|包括|[,，:：、和及与对])+")
# A verb that starts an action phrase: what follows is the object (实施31个项目, 累计投入…).
_ACTION_VERB = re.compile(
    r"(?:实施|推动|完成|建成|新建|改建|扩建|新改扩建|改扩建|改造|开展|投入|投资|引进|培育|创建|办理|获得|获|发放|"
    r"落实|推进|打造|举办|盘活|带动|解决|吸纳|帮扶|救助|选派|查处|处置|巡察|减负|补贴|划拨|培训|"
    r"引导|扶持|争创|储备|招引|签约|开工|竣工|安置|资助|惠及|覆盖|整治|治理|修复|种植|给予|设立|"
    r"新增|累计|启动|组织|接待|受理|化解|清理|消除|淘汰|关停|整合为|整合|出台|制定|办结|巡察)")
_POST_STOP = re.compile(r"[0-9,，;；:：。!！?？、(（“\"]|增至|减少至|全部|稳定|实现|得到|达到|完成|的|等|以上|以内|左右|被|获|已|"
                        r"进行|巡察|全覆盖|落地|投入|开工|竣工|建成|整合|提升|改造为")
_POST_VERB_START = re.compile(r"增|减|达|突破|超过|提高|提升|下降|降|为|是|至|到|[0-9]")
_SPLIT_COORD = re.compile(r"[、和及与]")


@dataclass
class _Candidate:
    span: NumberSpan
    start: int          # start of the number
    end: int            # end of the number
    text_end: int       # end of unit, relation words and range
    value: float
    value_high: float | None
    unit: str
    relation: str
    clause: int = 0
    segment: int = 0
    fields: dict = field(default_factory=dict)


# ------------------------------------------------------------------ helpers

class _Mask:
    """Spans that are not quantities (dates, times, year ranges), as sorted intervals."""

    def __init__(self, text: str):
        found = [(m.start(), m.end()) for m in _NOT_QUANTITY.finditer(text) if m.end() > m.start()]
        self._starts = [s for s, _ in found]
        self._ends = [e for _, e in found]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any masked character lies in ``[start, end)`` (intervals do not overlap)."""
        k = bisect.bisect_left(self._ends, start + 1)
        return k < len(self._starts) and self._starts[k] < end


def _in_short_quotes(text: str, start: int, end: int) -> bool:
    """“2个首次突破”, “2+6+N”, “四个意识”: a number inside a short quoted label."""
    left = text[max(0, start - 6):start]
    q = max(left.rfind(ch) for ch in _OPEN_QUOTES)
    if q < 0 or any(ch in left[q + 1:] for ch in _CLOSE_QUOTES):
        return False
    right = text[end:end + 10]
    return any(ch in right for ch in _CLOSE_QUOTES)


def _read_unit(text: str, pos: int, spaced: bool = False) -> tuple[str, str, int]:
    """Unit as written after a number (magnitude included) and whether 余/多 says 'more than'."""
    # 8.8 % / 8 .8 % and 7 4 7 7 2 亿元: a space before the unit as printed; before other
    # units than % only in a number printed spaced (以全省 100 个县 counts nothing).
    if text[pos:pos + 1] in _GAP and (text[pos + 1:pos + 2] in ("%", "％") or spaced and any(match_unit(text, pos + 1))):
        pos += 1
    mag, unit = match_unit(text, pos)
    p = pos + len(mag) + len(unit)
    more = ""
    if not unit and p < len(text) and text[p] in _APPROX_BETWEEN:
        # 1.6万余名 / 40多亿元 / 100余处
        _mag2, unit2 = match_unit(text, p + 1)
        if unit2 or _mag2:
            more = text[p]
            mag = mag + _mag2
            unit = unit2
            p = p + 1 + len(_mag2) + len(unit2)
    return (mag + unit).replace("％", "%"), more, p


def _relation(text: str, start: int, end: int, more: str) -> str:
    after = text[end:end + 3]
    before = text[max(0, start - 8):start]
    if re.match(r"以上|多|余", after) or more:
        return ">="
    if re.match(r"以内|以下", after):
        return "<="
    if re.match(r"左右|上下", after):
        return "~"
    if re.search(r"(?:不低于|不少于|超过|突破|跨越|迈上|超|逾|高于|多于)[^,，;；。0-9]{0,3}$", before):
        return ">="
    if re.search(r"(?:控制在|不超过|不高于|低于|少于|以内)[^,，;；。0-9]{0,3}$", before):
        return "<="
    if re.search(r"(?:约|近|大约|接近|左右)$", before):
        return "~"
    return "="


def _candidates(text: str) -> list[_Candidate]:
    mask = _Mask(text)
    spans = find_numbers(text)
    by_start = {s.start: s for s in spans}
    out: list[_Candidate] = []
    skip_until = -1
    for sp in spans:
        if sp.start < skip_until or mask.overlaps(sp.start, sp.end):
            continue
        before = text[max(0, sp.start - 1):sp.start]
        after = text[sp.end:sp.end + 4]
        if sp.kind == "arabic":
            if before == "第" or _CODE_BEFORE.search(before) or _CODE_AFTER.match(after):
                continue
            if _in_short_quotes(text, sp.start, sp.end):
                continue
        if sp.kind == "fan":
            out.append(_Candidate(sp, sp.start, sp.end, sp.end, sp.value, None, "番", "="))
            continue
        if sp.kind == "percent":
            unit, more, p = "%", "", sp.end
        elif sp.kind == "chinese":
            mag2, unit2 = match_unit(text, sp.end)
            unit, more, p = sp.magnitude + unit2, "", sp.end + len(unit2)
        else:
            unit, more, p = _read_unit(text, sp.end, spaced=any(ch in _GAP for ch in sp.text))
        value_high = None
        # a range: 6.5%-7%, 6.5—7%, 百分之八至九, 3—5年
        m = _RANGE_SEP.match(text, p)
        if m:
            nxt = by_start.get(m.end())
            high_text = None
            if nxt is not None:
                high_text, hs, he = nxt.text, nxt.start, nxt.end
            elif sp.kind == "percent":
                cm = re.match(r"[零一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?", text[m.end():])
                if cm:
                    high_text, hs, he = cm.group(), m.end(), m.end() + cm.end()
            if high_text is not None and not mask.overlaps(hs, hs + 1):
                unit2, more2, p2 = _read_unit(text, he)
                if not unit and unit2:
                    unit = unit2
                if not unit2 or unit2 == unit or (unit and unit2 and sp.kind == "percent"):
                    try:
                        value_high = parse_number(high_text)
                    except ValueError:
                        value_high = None
                    if value_high is not None:
                        more = more or more2
                        p = max(p, p2 if unit2 else he)
                        skip_until = he
        if not unit:
            continue      # a bare number is not a quantity (codes, names, counts of nothing)
        base = unit.lstrip("万亿千百")
        if base in ("年", "月", "日"):
            continue
        if base in ("天", "个月") and _COUNTDOWN.search(text, max(0, sp.start - 24), sp.start):
            continue      # 离香港回归只有849天: a countdown measures nothing
        relation = _relation(text, sp.start, p, more)
        if text[p:p + 2] in ("以上", "以内", "以下", "左右", "上下"):
            p += 2
        out.append(_Candidate(sp, sp.start, sp.end, p, sp.value, value_high, unit, relation))
    return out


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in re.finditer(r"[。！？!?\n]", text):
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def _is_heading(par: str) -> bool:
    s = par.strip()
    return bool(re.match(r"^[一二三四五六七八九十]{1,3}、", s)) or (len(s) <= 30 and "。" not in s)


def _fallback_parts(text: str) -> Callable[[int], str]:
    """review/plan/other from headings, for plain strings without a corpus."""
    marks: list[tuple[int, str]] = []
    part = "other"
    pos = 0
    for par in text.split("\n"):
        head = par.strip()[:40]
        if re.search(r"回顾|过去(的)?[一二三四五]年|[一二三四五]年来|过去一年|即将过去|回眸|主要成绩", head):
            part = "review"
        elif re.search(r"今后|未来|展望|重点工作|主要任务|预期目标|奋斗目标|工作安排|\d{4}年(的)?工作", head):
            part = "plan"
        marks.append((pos, part))
        pos += len(par) + 1

    def part_at(i: int) -> str:
        current = "other"
        for start, p in marks:
            if start > i:
                break
            current = p
        return current
    return part_at


def _horizons(text: str, review_year: int | None) -> list[tuple[int, int | None]]:
    """Plan horizon per section: a heading with 2022年 -> 2022, 今后五年 -> review year + 5,
    "十四五" -> 2025.  Top-level headings reset it."""
    marks: list[tuple[int, int | None]] = []
    horizon: int | None = None
    pos = 0
    for par in text.split("\n"):
        s = par.strip()
        if _is_heading(s) or re.match(r"^(?:今后|未来)(?:五|5)年", s):
            if re.match(r"^[一二三四五六七八九十]{1,3}、", s) or len(s) <= 30:
                horizon = None
            head = s[:40]
            y = re.search(r"((?:19|20)\d\d)\s*年", head)
            if y:
                horizon = int(y.group(1))
            elif _FIVE_YEARS.search(head) and review_year:
                horizon = review_year + 5
            elif re.search(r"十四五", head):
                horizon = 2025
        marks.append((pos, horizon))
        pos += len(par) + 1
    return marks


def _horizon_at(marks: list[tuple[int, int | None]], i: int) -> int | None:
    k = bisect.bisect_right(marks, i, key=lambda mark: mark[0]) - 1
    return marks[k][1] if k >= 0 else None


def review_year_of(year: int | None, month: int | None = None, text: str = "") -> int | None:
    """The year a report's review part speaks about: a report given in the second half of the
    year (a September party congress, a December work report: "今年以来", "五年来" up to now)
    reviews its own year; one given in the first half (a January work report, an April
    interview) reviews the year before.  Without a month, the first full date in the text
    decides."""
    if year is None:
        return None
    if month is None and text:
        m = re.search(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日", text[:400])
        if m and int(m.group(1)) == year:
            month = int(m.group(2))
    if month is None:
        return year - 1
    return year if month >= 7 else year - 1


# ------------------------------------------------------------------ year of one value

def _year_for(sentence: str, offset: int, *, year: int | None, review_year: int | None,
              label: str, part: str, horizon: int | None) -> tuple[int | None, bool]:
    """(year, explicit) for a value at ``offset`` in ``sentence``: the nearest time reference
    before it (到2026年, 2020年, "十四五"末, 今年), else the section's default."""
    pre = sentence[:offset]
    best: tuple[int, int | None] | None = None     # (position, year)
    weak_year: int | None = None
    for m in _YEAR_REF.finditer(pre):
        prefix, suffix = m.group("prefix") or "", m.group("suffix") or ""
        if suffix == "的" and m.end() == len(pre) and prefix not in ("较", "比", "与", "同", "相比") \
                and not _RATIO_AFTER.match(sentence, offset):
            return int(m.group("year")), True     # 由2017年的2.86万亿元, 增长到2020年的152.3亿元
        if prefix in ("较", "比", "与", "从", "同", "相比") or suffix in ("的", "以来", "起", "前", "相比",
                                                                     "同期", "基础上", "水平"):
            continue            # a baseline (较2016年增长) or a span start, not the reference year
        best = (m.start(), int(m.group("year")))
    if _FROM_VALUE.search(pre) and _TO_VERB.match(sentence[offset:]):
        return None, False      # 从4.39件增至9.40件: the start value of a span whose year is not given
    for m in _PLAN_HORIZON.finditer(pre):
        if m.group(3):                      # 在"十三五"基础上: baseline
            continue
        if m.group(2) is None and not re.search(r"到|至|力争|实现", pre[max(0, m.start() - 3):m.start()]):
            continue
        y = {"三": 2020, "四": 2025, "五": 2030, "六": 2035}[m.group(1)]
        if best is None or m.start() > best[0]:
            best = (m.start(), y)
    for m in _RELATIVE_YEAR.finditer(pre):
        word = m.group()
        if year is None and word != "全年":
            continue
        if word in ("今年", "本年"):
            y = year
        elif word == "明年":
            y = year + 1
        elif word in ("去年", "上年"):
            if re.match(r"比|较|同", pre[max(0, m.start() - 1):m.start()]):
                continue
            y = year - 1
        else:                              # 全年: the section's year, not an explicit one
            if label == "target":
                weak_year = horizon or (review_year + 1 if part == "plan" and review_year else year)
            continue
        if y is not None and (best is None or m.start() > best[0]):
            best = (m.start(), y)
    for m in _FIVE_YEARS.finditer(pre):
        if review_year and (best is None or m.start() > best[0]):
            best = (m.start(), review_year + 5)
    if best is not None:
        return best[1], True
    if label == "target":
        if weak_year is not None:
            return weak_year, False
        if horizon is not None:
            return horizon, False
        if part == "plan" and review_year is not None:
            return review_year + 1, False
        return None, False
    return review_year, False


# ------------------------------------------------------------------ label of one value

def _label_for(sentence: str, offset: int, part: str, *, explicit_year: int | None,
               review_year: int | None, year: int | None = None) -> tuple[str, str]:
    """(label, cue) for a value at ``offset`` in its sentence."""
    pre = sentence[:offset]
    seg_start = max(pre.rfind(";"), pre.rfind("；")) + 1
    est = [m for m in _ESTIMATE_CUE.finditer(pre) if m.start() >= seg_start]
    clause = re.split(r"[,，;；:：]", pre)[-1]
    if est and re.search(r"前[一二三四]季度|[一二三四]季度|上半年|1\s*[-—–~至]\s*\d{1,2}月", clause):
        est = []                         # 预计全年…，前三季度…增长12.3%: reported data
    if est:
        return "estimate", est[-1].group()
    strong = list(_TARGET_STRONG.finditer(pre))
    # a year after the one the document speaks from (到2025年) is in the future
    now = max(review_year or 0, year or 0)
    future_year = explicit_year is not None and now > 0 and explicit_year > now
    if part == "review":
        if strong and (future_year or not re.search(r"完成|实现了|达到了", pre[strong[-1].end():])):
            cue_year = re.search(r"20\d\d", strong[-1].group())
            if cue_year and review_year and int(cue_year.group()) <= review_year:
                return "achieved", ""
            if future_year or re.match(r"力争|争取|到|十|明年|预期目标", strong[-1].group().lstrip("“\"")):
                return "target", strong[-1].group()
        return "achieved", ""
    if strong:
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


# ------------------------------------------------------------------ measure

def _measure(unit: str, pre: str, indicator: str, registry: IndicatorRegistry) -> str:
    base = unit.lstrip("万亿千百")
    change = re.search(r"(增长|增加|递增|提高|提升|下降|降低|减少|缩短|压缩|增速|增幅|上涨|回落|涨幅|年均|翻)"
                       r"(?![到至为值率])[^,，;；]{0,12}$", pre)  # 增加值 is a noun, 提高到 a level
    if unit in ("倍", "番", "个百分点") or (change and base in ("%", "‰")):
        return "change"
    if base in ("%", "‰") and (re.search(r"占|比重|占比", pre + indicator) or registry.measures.get(indicator) == "share"):
        return "share"        # 占GDP比重, or a registry share such as 财政赤字率, 研发投入强度
    if re.search(r"涨幅|增速|增幅", indicator) and base in ("%", "‰"):
        return "change"
    if base in MEASURE_WORDS or base == "":
        return "count"
    return "level"


# ------------------------------------------------------------------ indicators

def _strip_unbalanced(phrase: str) -> str:
    """Drop a bracket the clause cut in half ("(一)" leftovers), keep balanced ones: 封山(沙)育林(草)."""
    opened = phrase.count("(") + phrase.count("（")
    closed = phrase.count(")") + phrase.count("）")
    if opened > closed:
        phrase = re.sub(r"^[(（]+", "", phrase)
    elif closed > opened:
        phrase = re.sub(r"[)）]+$", "", phrase)
    return phrase


def _strip_phrase(phrase: str) -> str:
    """Clean a noun phrase: drop leading time/scope words and trailing predicate words."""
    phrase = phrase.strip(" \t“”\"'‘’")
    prev = None
    while phrase != prev:
        prev = phrase
        phrase = _LEADING_RE.sub("", phrase)
        phrase = _PREDICATE_RE.sub("", phrase)
        phrase = _strip_unbalanced(re.sub(r"^[“\"「]+|[”\"」]+$", "", phrase))
        # 增长到2020年的152.3亿元: a time reference, not part of the name
        phrase = re.sub(r"(?<![较比与由从同0-9])(?:19|20)\d\d(?:年(?:底|末)?的?)?$", "", phrase)
        # comparison baselines at the end: 较2016年增长 / 比5年前 / 较五年前 / 由改革前的
        phrase = re.sub(r"(?:较|(?<!占)比(?![重例率])|与|由|从|同)[^较比与由从同]{1,8}(?:年|前|期|时)?(?:的)?(?:相比)?$",
                        "", phrase) if re.search(r"(?:较|比(?![重例率])|由|从)", phrase[-10:]) else phrase
    # an action verb inside the phrase: the object follows it (累计实施亿元以上项目 -> 亿元以上项目)
    verbs = list(_ACTION_VERB.finditer(phrase))
    if verbs and verbs[-1].end() < len(phrase) - 1:
        phrase = phrase[verbs[-1].end():]
    elif verbs and verbs[-1].start() == 0:
        phrase = ""                      # 实施31个项目: the object follows the number
    phrase = _LEADING_RE.sub("", phrase)
    # coordinated nouns before one value read as one name: 地表水、地下水和饮用水达标率
    # 学前教育提升、义务教育改薄等项目: 等 closes a list of examples; the class follows it
    if "等" in phrase and len(phrase.rsplit("等", 1)[1]) >= 2:
        phrase = phrase.rsplit("等", 1)[1]
    if "、" in phrase:
        phrase = re.sub(r"[、和及与]", "", phrase)
    phrase = re.sub(r"^[的之]", "", phrase)
    if len(phrase) > 20:
        phrase = phrase[-20:]
    return phrase


def _post_phrase(text: str, pos: int, limit: int) -> str:
    """The noun after a count: 82个贫困村全部退出 -> 贫困村; 实施31个教育建设项目 -> 教育建设项目."""
    tail = text[pos:limit]
    if _POST_VERB_START.match(tail):
        return ""                       # 从4.39件增至9.40件: a predicate, not a noun
    m = _POST_STOP.search(tail)
    phrase = tail[:m.start()] if m else tail
    phrase = re.sub(r"(?:建设|创建)$", "", phrase.strip(" “”\""))
    return phrase if 1 < len(phrase) <= 16 else ""


def _expand_coordination(subject: str) -> list[str]:
    """城镇和农村居民人均可支配收入 -> [城镇居民人均可支配收入, 农村居民人均可支配收入];
    城乡居民收入 -> [城镇居民收入, 农村居民收入]; 旅游人数、旅游收入 -> both."""
    subject = subject.strip()
    if subject.startswith("城乡") and not _SPLIT_COORD.search(subject):
        rest = subject[2:]
        return ["城镇" + rest, "农村" + rest]
    parts = [p for p in _SPLIT_COORD.split(subject) if p]
    if len(parts) < 2:
        return [subject]
    last = parts[-1]
    out = []
    for p in parts[:-1]:
        # a short modifier shares the head of the last item: 城镇和农村居民… -> 城镇居民…
        if len(p) <= 3 and len(last) > len(p) + 1:
            out.append(p + last[len(p):])
        else:
            out.append(p)
    out.append(last)
    return out


_PLACE_PREFIX = re.compile(r"^(?:.{1,6}(?:省|市|县|州|盟|旗|(?<![园小社景矿库街])区))$")
_BASELINE_PHRASE = re.compile(r"在[^,，;；]{0,12}基础上|[“\"]?十[三四五六]五[”\"]?(?:期?末|时期末|期间|以来)?")
# Parenthesised Latin abbreviations (GDP), (CPI), price bases (按可比价计算, 同口径) and runs
# (连续8年) qualify a figure; they are not part of the indicator's name (封山(沙)育林(草) keeps
# its brackets).
_QUALIFIERS = re.compile(r"连续[0-9０-９一二两三四五六七八九十]+(?:年|届|次)|[(（][A-Za-z][A-Za-z0-9.]{0,7}[)）]|按(?:可比价(?:格)?|现价|不变价|可比口径|同口径)(?:计算)?")


class _IndicatorResolver:
    def __init__(self, registry: IndicatorRegistry):
        self.registry = registry

    def from_phrase(self, phrase: str) -> tuple[str, str]:
        """(canonical, as written) for the text before a number.

        A registry alias counts when only predicate words (首次突破, 年均增长, 控制在) stand
        between it and the number, and nothing but a place or scope word before it
        (全市地区生产总值 yes; 规上工业企业营业收入, 园区工业产值 no: those are other
        indicators).  Otherwise the cleaned noun phrase is the indicator, as written."""
        raw = re.sub(r"[“”\"'‘’「」『』]", "", phrase)
        raw = _QUALIFIERS.sub("", _BASELINE_PHRASE.sub("", raw))
        best = None
        for s, e, canon in self.registry.find_all(raw):
            rest = raw[e:]
            if rest and not _PREDICATE_RE.fullmatch(rest):
                continue
            if raw[max(0, s - 1):s] == "占":      # 占GDP比重: a share of GDP, not GDP
                continue
            if best is None or (e, e - s) > (best[1], best[1] - best[0]):
                best = (s, e, canon)
        if best is not None:
            prefix = _LEADING_RE.sub("", raw[:best[0]])
            prefix = _strip_time(prefix)
            if not prefix or _PLACE_PREFIX.match(prefix):
                return best[2], raw[best[0]:best[1]]
        written = _strip_phrase(raw)
        if not written:
            return "", ""
        return self.registry.canonical(written), written


def _strip_time(s: str) -> str:
    return re.sub(r"^(?:(?:到|至|截至|在)?(?:19|20)\d\d年(?:底|末)?|今年|全年|明年|五年来|过去五年)+", "", s)


# ------------------------------------------------------------------ core

def extract_quantities(text: str, *, year: int | None = None,
                       part_at: Callable[[int], str] | None = None,
                       sentence_at: Callable[[int], object] | None = None,
                       review_year: int | None = None,
                       registry: IndicatorRegistry | None = None) -> list[dict]:
    """Quantities in ``text``; offsets index ``text``.

    ``year``: the year the document speaks from (今年); ``review_year``: the year its review
    part is about (default: derived from ``year`` and a date at the top of the text);
    ``part_at(i)`` -> 'review' | 'plan' | 'other' (default: from headings);
    ``sentence_at(i)`` -> object with ``.text`` (default: split at 。！？ and line ends).
    """
    registry = registry or indicator_registry()
    resolver = _IndicatorResolver(registry)
    if review_year is None:
        review_year = review_year_of(year, None, text)
    if year is None and review_year is not None:
        year = review_year
    part_at = part_at or _fallback_parts(text)
    horizons = _horizons(text, review_year)
    periods = PeriodContext(text, review_year)
    cands = _candidates(text)
    sentences = _sentence_bounds(text)
    rows: list[dict] = []
    si = 0
    by_sentence: dict[int, list[_Candidate]] = {}
    for c in cands:
        while si < len(sentences) - 1 and c.start >= sentences[si][1]:
            si += 1
        by_sentence.setdefault(si, []).append(c)
    for si, group in by_sentence.items():
        s_start, s_end = sentences[si]
        rows.extend(_sentence_rows(text, s_start, s_end, group, resolver, year=year,
                                   review_year=review_year, part_at=part_at, horizons=horizons,
                                   sentence_at=sentence_at, periods=periods))
    return rows


_CLAUSE_BREAK = re.compile(r"[,，;；:：]")
_LIST_SEP = re.compile(r"^[、和与及]$")


_SPEND_VERB = re.compile(r"(投入|投资|安排|筹措|争取)(?:资金)?[近约超]?$")


# 提升医疗卫生水平,累计投入4.6亿元: the clause before names the field the money went to.
_FIELD_LEAD = re.compile(r"^(?:下大力气|大力|全力|着力|持续|不断|进一步|积极)*"
                         r"(?:提升|提高|加强|推进|推动|改善|加快|完善|强化|深化|实施|发展|办好)")
_FIELD_HEAD = re.compile(r"(?:水平|工作|能力|质量|条件|事业|体系)$")


def _field_of(previous_clause: str) -> str:
    """提升医疗卫生水平 -> 医疗卫生; empty when the clause is not a verb + field phrase."""
    m = _FIELD_LEAD.match(previous_clause.strip())
    if not m:
        return ""
    field = _FIELD_HEAD.sub("", previous_clause.strip()[m.end():])
    return field if 2 <= len(field) <= 8 and not re.search(r"[0-9的和、]", field) else ""


def _spending_indicator(text, pre, end, clause_end, resolver, previous_clause="") -> tuple[str, str]:
    """累计投入2.13亿元开展农村人居环境整治 -> 农村人居环境整治投入: money spent on what follows
    (or, with nothing after it, on the field the clause before names)."""
    m = _SPEND_VERB.search(pre)
    if not m or _strip_phrase(pre[:m.start()]):
        return "", ""
    tail = text[end:clause_end]
    verb = _ACTION_VERB.match(tail) or re.match(r"用于|实施|开展|改善|办好|建设|推进", tail)
    if not verb:
        field = _field_of(previous_clause)
        return (field + m.group(1), field + m.group(1)) if field else ("", "")
    obj = re.sub(r"^[0-9.]+[^0-9]?", "", tail[verb.end():])      # 实施31个教育建设项目
    obj = re.split(r"[0-9,，;；:：。(（“\"]|的", obj, maxsplit=1)[0] if obj else ""
    if "等" in obj and len(obj.rsplit("等", 1)[1]) >= 2:              # 实施A、B等项目
        obj = obj.rsplit("等", 1)[1]
    obj = obj.split("、", 1)[0]
    return (obj + m.group(1), obj + m.group(1)) if 1 < len(obj) <= 16 else ("", "")


def _distinct_subjects(rows: list[dict], n: int) -> list[tuple[str, str]]:
    """The indicators of the last ``n`` values, when they are ``n`` different ones."""
    last = [(r["indicator"], r["indicator_text"]) for r in rows[-n:]]
    if len(last) == n and all(ind for ind, _ in last) and len({ind for ind, _ in last}) == n:
        return last
    return []


# 完成投资436亿元, 年度计划投资480亿元: the investment of the projects just counted
_BARE_INVESTMENT = re.compile(r"(?:年度|全年|当年|累计)?(?P<verb>计划|完成|实际完成)?投资(?:额)?")
_THRESHOLD_PREFIX = re.compile(r"^(?:[0-9.]+)?[万亿千百]*元(?:以上|及以上)")


def _investment_of_projects(pre: str, previous: dict, resolver) -> tuple[str, str]:
    """实施亿元以上重点项目215个，完成投资436亿元 -> 重点项目完成投资."""
    phrase = _PREDICATE_RE.sub("", re.sub(r"^[,，、和及与并共]+", "", pre.strip()))
    m = _BARE_INVESTMENT.fullmatch(phrase)
    if not m or previous.get("measure") != "count" or not previous.get("indicator_text"):
        return "", ""
    noun = _THRESHOLD_PREFIX.sub("", previous["indicator_text"])
    if not noun:
        return "", ""
    written = noun + (m.group("verb") or "").replace("实际", "") + "投资"
    return resolver.registry.canonical(written), written


_BREAK_CHARS = frozenset(",，;；:：。！？!?\n")


def _fenbie_items(text: str, clause_start: int, fenbie: int, resolver) -> list[str]:
    """The coordinated subject of 分别: 城镇和农村居民人均可支配收入分别达到…; when the
    clause before 分别 holds only a baseline (较重组前分别增长), the previous clause."""
    subject = _strip_phrase_keep_coord(text[clause_start:fenbie])
    subject = re.sub(r"(?:较|比|与|同)[^,，;；]{0,8}(?:年|前|期|时)?(?:相比)?$", "", subject)
    if not subject:
        end = max(clause_start - 1, 0)
        start = end
        while start > 0 and text[start - 1] not in _BREAK_CHARS:   # back to the clause before only
            start -= 1
        subject = _strip_phrase_keep_coord(text[start:end])
    return _expand_coordination(subject) if subject else []


def _sentence_rows(text, s_start, s_end, group, resolver, *, year, review_year, part_at, horizons,
                   sentence_at, periods) -> list[dict]:
    sentence = text[s_start:s_end]
    rows = []
    last_indicator: tuple[str, str] = ("", "")
    last_list: list[tuple[str, str]] = []
    last_seg = s_start
    for k, c in enumerate(group):
        pre_sentence = text[s_start:c.start]
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(pre_sentence)]
        clause_start = s_start + (breaks[-1] if breaks else 0)
        seg_breaks = [m.end() for m in re.finditer(r"[;；]", pre_sentence)]
        seg_start = s_start + (seg_breaks[-1] if seg_breaks else 0)
        if seg_start != last_seg:           # a new ;-segment has its own subject
            last_indicator, last_list, last_seg = ("", ""), [], seg_start
        prev_end = max([g.text_end for g in group[:k] if g.text_end <= c.start and g.start >= clause_start]
                       or [clause_start])
        pre = text[prev_end:c.start]
        clause_pre = text[clause_start:c.start]
        m_end = re.search(r"[,，;；:：。！？!?\n]", text[c.text_end:s_end])
        clause_end = c.text_end + m_end.start() if m_end else s_end
        in_clause = [g for g in group if clause_start <= g.start < clause_end]

        indicator, written = "", ""
        fenbie = clause_pre.find("分别")
        if fenbie >= 0:
            after = [g for g in in_clause if g.start >= clause_start + fenbie]
            items = _fenbie_items(text, clause_start, clause_start + fenbie, resolver)
            resolved: list[tuple[str, str]] = []
            if len(after) > 1 and c in after:
                if len(items) == len(after):
                    resolved = [resolver.from_phrase(it) for it in items]
                elif not _strip_phrase(text[clause_start:clause_start + fenbie]):
                    # A达到X元，B达到Y元，分别增长a%和b%: the subjects are the values before
                    resolved = _distinct_subjects([r for r in rows if seg_start <= r["start"] < clause_start],
                                                  len(after))
            if resolved:
                indicator, written = resolved[after.index(c)]
                last_list = resolved
                # 分别增长7%、8%以上: the relation word after the last value covers all
                if after[-1].relation != "=" and c.relation == "=":
                    c.relation = after[-1].relation
        is_count = c.unit.lstrip("万亿千百") in MEASURE_WORDS or c.unit in ("万", "亿")
        if not indicator and c.unit.endswith("元") and rows:
            indicator, written = _investment_of_projects(pre, rows[-1], resolver)
        if not indicator and c.unit.endswith("元"):
            prev_break = s_start + (breaks[-2] if len(breaks) > 1 else 0)
            indicator, written = _spending_indicator(text, pre, c.text_end, clause_end, resolver,
                                                     text[prev_break:clause_start].rstrip(",，;；:："))
        if not indicator and is_count:
            post = _post_phrase(text, c.text_end, clause_end)
            if post:
                indicator, written = resolver.from_phrase(post)
        only_sep = _LIST_SEP.match(pre.strip()) is not None or not pre.strip()
        if not indicator and not only_sep:
            indicator, written = resolver.from_phrase(pre.lstrip("、和与及,，"))
        if not indicator and last_list and len(in_clause) == len(last_list):
            # 较2016年增长43.5%、50.2%: listed in the order of the previous 分别 subject
            indicator, written = last_list[in_clause.index(c)]
        if not indicator and not only_sep and not is_count:
            post = _post_phrase(text, c.text_end, clause_end)
            if post:
                indicator, written = resolver.from_phrase(post)
        if not indicator and last_indicator[0]:
            indicator, written = last_indicator
        if indicator:
            last_indicator = (indicator, written)

        part = part_at(c.start)
        offset = c.start - s_start
        horizon = _horizon_at(horizons, c.start)
        if horizon is not None and review_year is not None and horizon > review_year:
            part = "plan"        # a section headed 2023年主要目标 / 今后五年 looks forward
        y_explicit, explicit = _year_for(sentence, offset, year=year, review_year=review_year,
                                         label="achieved", part=part, horizon=horizon)
        label, cue = _label_for(sentence, offset, part,
                                explicit_year=y_explicit if explicit else None, review_year=review_year,
                                year=year)
        y, _ = _year_for(sentence, offset, year=year, review_year=review_year, label=label,
                         part=part, horizon=horizon)
        sent_text = sentence.strip()
        if sentence_at is not None:
            s_obj = sentence_at(c.start)
            if s_obj is not None:
                sent_text = getattr(s_obj, "text", str(s_obj))
        measure = _measure(c.unit, clause_pre, indicator, resolver.registry)
        if measure == "change" and AVG_RATE.search(clause_pre):
            measure = "avg_change"
        p0, p1 = period_for(sentence[:offset], clause_pre, measure=measure, label=label, year=y,
                            review_year=review_year, context=periods, position=c.start)
        label, cue = _span_label(label, cue, (p0, p1), clause_pre, review_year)
        rows.append({
            "start": c.start, "end": c.end, "text": text[c.start:c.text_end],
            "sentence": sent_text, "part": part, "label": label,
            "indicator": indicator, "indicator_text": written, "measure": measure,
            "value": c.value, "value_high": c.value_high, "unit": c.unit,
            "relation": c.relation, "year": p1 if p0 != p1 else y, "cue": cue,
            "period_start": p0, "period_end": p1, "period": period_label(p0, p1),
        })
    return rows


def _span_label(label: str, cue: str, span: tuple, clause_pre: str, review_year: int | None) -> tuple[str, str]:
    """A span wholly after the review year is planned; one wholly before it is reported
    unless the clause sets a goal (十四五规划提出年均增长6%)."""
    start, end = span
    if start is None or start == end or review_year is None or label == "estimate":
        return label, cue
    if label == "achieved" and start > review_year:
        return "target", period_label(start, end)
    if label == "target" and end <= review_year and not _TARGET_STRONG.search(clause_pre):
        return "achieved", ""
    return label, cue


def _strip_phrase_keep_coord(subject: str) -> str:
    """Like _strip_phrase but keeps 、和及与, which _expand_coordination splits on."""
    s = subject.strip()
    prev = None
    while s != prev:
        prev = s
        s = re.sub(r"^(?:(?:到|至|在)?(?:19|20)\d\d年(?:底|末)?|今年|全年|明年|五年来|过去五年|今后五年|未来五年|"
                   r"年均|累计|力争|确保|争取|预计|全市|全区|全县|全省|我市|其中|[,，:：])+", "", s)
        s = re.sub(r"(?:预计|年均|均|都|已|将|要|同比|比上年)$", "", s)
    return s


# ------------------------------------------------------------------ corpus wrappers

def _doc_review_year(doc) -> int | None:
    date = getattr(doc, "date", None)
    if date is not None:
        explicit_month = any(len(str(doc.meta.get(k) or "").strip()) >= 7
                             for k in ("date_delivered", "date_published"))
        if explicit_month or date.month != 1 or date.day != 1:
            return review_year_of(date.year, date.month)
        return review_year_of(date.year, None, doc.clean)
    return review_year_of(doc.year, None, doc.clean)


def _frame(rows: list[dict]):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=QUANTITY_COLUMNS)
    if not frame.empty:
        for col in ("year", "period_start", "period_end"):
            frame[col] = frame[col].astype("Int64")
        frame["start"] = frame["start"].astype(int)
        frame["end"] = frame["end"].astype(int)
    return frame


def _doc_rows(doc, registry) -> list[dict]:
    rows = extract_quantities(doc.clean, year=doc.year, part_at=doc.part_at,
                              sentence_at=doc.sentence_at, review_year=_doc_review_year(doc),
                              registry=registry)
    file_name = doc.path.name if getattr(doc, "path", None) is not None else ""
    for row in rows:
        row["start"], row["end"] = doc.to_raw(row["start"]), doc.to_raw(row["end"] - 1) + 1
        row["doc"], row["file"] = doc.id, file_name
    return rows


def quantities(corpus, *, registry: IndicatorRegistry | str | None = None):
    """One row per quantity in every document of ``corpus`` (a DataFrame).

    Columns: doc, file, start, end (offsets into ``doc.raw``), text, sentence, part, label
    (target / achieved / estimate), indicator (canonical), indicator_text (as written),
    measure (level / change / avg_change / share / count), value, value_high, unit (as
    written, with magnitude), relation (>=, <=, ~, =), year, cue, period_start, period_end
    (nullable Int64 years) and period (display label: "2026", "2026–2030").

    A row holds for one year when period_start == period_end (== year).  An average annual
    rate (年均增长) has measure ``avg_change`` and holds for its span; its ``year`` is the
    span's last year (as the seed and held-out gold record it), never a single-year value.
    """
    if registry is None or isinstance(registry, (str, bytes)) or hasattr(registry, "__fspath__"):
        registry = indicator_registry(registry)
    rows: list[dict] = []
    for doc in corpus:
        rows.extend(_doc_rows(doc, registry))
    return _frame(rows)


def quantities_for_files(paths: Iterable[str]) -> "pd.DataFrame":
    """Quantities of bare files for the CLI: ``doc`` is the file name, offsets index the
    decoded file text; the year comes from metadata.csv beside the file, else the text/name."""
    from .corpus import load_files

    frame = quantities(load_files(list(paths)))
    if not frame.empty:
        frame["doc"] = frame["file"].where(frame["file"] != "", frame["doc"])
    return frame
