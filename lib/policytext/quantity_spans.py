"""Spans step of the quantities pipeline: numbers with their unit, range and relation.

:func:`find_candidates` reports every number of a text that can be a quantity: not a date,
time, year range, code, ordinal or short quoted label, not a countdown, and followed by a
unit (with its magnitude: 亿元, 万人).  A range (6.5%-7%, 百分之八至九) is one candidate with
``value_high``; the relation (>=, <=, ~, =) comes from the words around it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .numbers import MEASURE_WORDS, SHARE_UNITS, NumberSpan, base_unit, find_numbers, match_unit, parse_number

__all__ = ["BENCHMARK_GAP", "Candidate", "SECTORS_NAMED", "find_candidates"]

_D = r"[0-9０-９]"
_NOT_QUANTITY = re.compile(rf"(?={_D})(?:" + "|".join([
    rf"{_D}{{2,4}}\s*[-/.年]\s*{_D}{{1,2}}\s*[-/.月]\s*{_D}{{1,2}}\s*日?",  # 2021年12月14日, 22-04-28
    rf"{_D}{{1,2}}\s*:\s*{_D}{{2}}(?::{_D}{{2}})?",                          # 08:46
    rf"{_D}{{1,2}}\s*[-—–~～至到]\s*{_D}{{1,2}}\s*月",                       # 1—11月
    rf"{_D}{{1,2}}\s*月\s*(?:{_D}{{1,2}}\s*日)?",                            # 8月20日, 11月
    rf"(?<=前){_D}{{1,2}}\s*个?月",                                             # 今年前4个月
    rf"{_D}{{1,2}}\s*日",
    rf"(?:1[89]|20){_D}{{2}}\s*[-—–~～至到]\s*(?:(?:1[89]|20)?{_D}{{2}})\s*年?",  # 2021-2025年
    rf"(?:1[89]|20){_D}{{2}}\s*(?=年)",                                          # 2021年 as a time
]) + ")")
_CODE_BEFORE = re.compile(r"[A-Za-z#＃+＋\-_/]$")
# A minus before a value (增长-1.5%, 社会消费品零售总额-1.5%) is its sign; after a letter or digit a
# hyphen joins a code (G-7, 0937-6228888). The value keeps the sign as written.
_MINUS = re.compile(r"(?<![A-Za-z0-9_\-])[-−]$")
_CODE_AFTER = re.compile(r"^(?:[A-Za-z#＃+＋]|号|届|周年|级|型|期|路|线|国道|省道|高速|次会议)")
_OPEN_QUOTES = "“\"「『‘"
_CLOSE_QUOTES = "”\"」』’"
_RANGE_SEP = re.compile(r"\s*[-—–~～至到]\s*")
_APPROX_BETWEEN = "余多来"          # 40多亿元, 1.6万余名, 100余处: more than
# A rate per time or per head written after the unit is part of it: 842元/月, 3095万吨/年.
_PER = re.compile(r"[/／](小时|平方米|公斤|千克|标准箱|年|月|日|天|人|户|吨|亩|次|万元|元)")
_GAP = (" ", "\u3000", "\xa0")      # a space before the unit, as printed in web copies
# 离香港回归只有849天, 距…还有100天: a countdown measures nothing
_COUNTDOWN = re.compile(r"(?:离|距|距离)[^,，;；。！？!?]{1,20}(?:还有|只有|仅有|仅剩|还剩|尚有|不到|仅)\s*$")
# 提出25项主要指标, 做好9个方面工作: counts of a plan's own parts, which no one tracks
# (LABELING.md: optional); the noun follows the unit
_PLAN_PARTS = re.compile(r"(?:主要|约束性|预期性)?指标|方面")
_PLAN_PART_UNITS = frozenset(["项", "个"])
# 2×35万千瓦: two units of 35 each; the count before × multiplies the value
_UNITS_TIMES = re.compile(r"(?<![0-9０-９.×])([1-9][0-9]?)\s*×\s*$")


@dataclass
class Candidate:
    """A number that can be a quantity: ``text[start:end]`` is the number as printed,
    ``text[start:text_end]`` the number with its unit, range and relation words."""
    span: NumberSpan
    start: int
    end: int
    text_end: int
    value: float
    value_high: float | None
    unit: str           # as written, with magnitude: 亿元, 万人, %
    relation: str       # >=, <=, ~, =
    attribute: bool = False   # describes the thing named after it (see describes_noun)
    sector: int = 0     # 1, 2, 3: the share of that sector in 三次产业结构 A:B:C (see _sector_ratios)


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


# Years of a life or of schooling, the one place where 岁 and 年 measure an indicator (预期寿命,
# 受教育年限 of every five-year plan); elsewhere 60岁以上 and 3年 are ages and durations.
_LIFETIME_BEFORE = re.compile(r"(?:预期寿命|受教育年限)[^，,。；;：:、]{0,12}$")
_TIME_WORDS = frozenset(["年", "月", "日", "天", "周", "岁", "小时", "分钟", "秒", "季度"])


def _spaced_unit(mag: str, unit: str) -> bool:
    """A unit a page may print after a space: one with a magnitude (1.2 万人, 300 亿元) or a unit
    of measure (元, 公里, 吨), not a bare measure word (个, 条) or time word (年, 天)."""
    return bool(unit) and (bool(mag) or (base_unit(unit) not in MEASURE_WORDS and unit not in _TIME_WORDS))


def _read_unit(text: str, pos: int, spaced: bool = False) -> tuple[str, str, int]:
    """Unit as written after a number (magnitude included) and whether 余/多 says 'more than'."""
    # 8.8 % / 8 .8 % and 7 4 7 7 2 亿元: a space before the unit as printed; before other
    # units than % in a number printed spaced, or where a page spaces digits from Chinese
    # (新增就业 1.2 万人, 300 亿元, 61 公里), but not before a measure word or a time word
    # alone (以全省 100 个县 counts nothing; 2023 年 is a date).
    if text[pos:pos + 1] in _GAP and (text[pos + 1:pos + 2] in ("%", "％") or spaced and any(match_unit(text, pos + 1))
                                      or _spaced_unit(*match_unit(text, pos + 1))):
        pos += 1
    mag, unit = match_unit(text, pos)
    if (not mag and text[pos:pos + 1] in ("千", "百") and text[pos + 1:pos + 2] in ("多", "余")
            and match_unit(text, pos + 2)[1]):
        mag = text[pos]             # 2千多家, 3千余人: 千 before 多/余 and a unit is the magnitude
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
    per = _PER.match(text, p) if unit and unit not in ("%", "％", "‰") else None
    if per:
        unit, p = f"{unit}/{per.group(1)}", per.end()
    return (mag + unit).replace("％", "%"), more, p


def _relation(text: str, start: int, end: int, more: str) -> str:
    after = text[end:end + 3]
    if re.match(r"及?以上|多|余", after) or more:
        return ">="
    if re.match(r"及?(?:以内|以下)", after):
        return "<="
    if re.match(r"左右|上下", after):
        return "~"
    return _verb_relation(text, start)


_AT_LEAST = re.compile(r"(?:不低于|不少于|(?<!不)超过|突破|跨越|跨过|跨上|迈上|迈过|站上|(?<![不赶])超|逾|(?<!不)高于|多于)"
                       r"(?:[^,，;；。0-9]{0,3}|[^,，;；。0-9]{0,10}的)$")
_AT_MOST = re.compile(r"(?:控制在|不超过|不高于|(?<!不)低于|(?<!不)少于|以内)[^,，;；。0-9]{0,3}$")


# 高于全国0.8个百分点, 比全国平均水平高1.2个百分点, 快于全省平均水平0.5个百分点: the distance
# from a benchmark's figure (the measure `benchmark_gap`), not a bound, a level or a change of the subject
_BENCHMARK = r"(?:同期)?(?:(?:全国|全省|全区|全市|全州|全盟|全县|[东中西]部(?:地区)?)的?(?:平均)?|平均)(?:水平|值|增速|增幅|速度)?"
# (优于全国约1个百分点: better says no side, a cost ratio is better when lower)
# (超计划19家, 超年度计划28%: how far past the plan, the plan being the benchmark)
BENCHMARK_GAP = re.compile(rf"(?:(?P<above>高于|快于|高出|超出|超过|领先)|(?P<better>优于|好于)|低于|慢于|落后于?)"
                           rf"{_BENCHMARK}(?:约|近|超)?$|比{_BENCHMARK}(?:(?P<more>高出?|快|多)|低|慢|少)(?:约|近|超)?$"
                           r"|(?P<past_plan>超(?:出|过|额完成)?(?:年度|全年|年初)?(?:计划|目标任务|目标|预期目标|预期|任务))(?:约|近)?$")


def _verb_relation(text: str, start: int) -> str:
    """The relation a verb before the number sets: 突破300亿元, 控制在3%, 超过农民户均收入的10%."""
    before = text[max(0, start - 14):start]
    if BENCHMARK_GAP.search(before):
        # 低于全国0.3个百分点: the gap itself, not a bound on it (优于全国约1个百分点: about)
        return "~" if re.search(r"[约近]$", before) else "="
    if _AT_LEAST.search(before):
        return ">="
    if _AT_MOST.search(before[-8:]):
        return "<="
    if re.search(r"(?:约|近|大约|接近|左右)$", before):
        return "~"
    return "="


def _listed_relation(text: str, out: list, start: int, relation: str) -> str:
    """分别超过2%、5%: a value listed right after one its verb bounds is bounded by it too."""
    if relation != "=" or not out or text[out[-1].text_end:start] not in ("、", "和"):
        return relation
    verb = _verb_relation(text, out[-1].start)
    return verb if verb != "=" and out[-1].relation == verb else relation


# 三次产业结构由8.7∶41.2∶50.1调整为7.4∶39.6∶53 (江西 2026), 三次产业结构演进为3.6 : 48 : 48.4
# (海拉尔): the shares of the three sectors in GDP, in %, without a unit. A ratio of three that
# adds up to 100 after 三次产业/一二三产业/产业结构 in the same sentence, and nothing else (a
# time 10:30, a score 3:1).
_RATIO_NUMBER = r"[0-9]{1,2}(?:\.[0-9]{1,2})?"
_SECTOR_RATIO = re.compile(rf"(?<![0-9.:：∶])({_RATIO_NUMBER})\s*[:：∶]\s*({_RATIO_NUMBER})\s*[:：∶]\s*"
                           rf"({_RATIO_NUMBER})(?![0-9.:：∶])")
SECTORS_NAMED = re.compile(r"(?:三次|一二三|一、二、三)?产业结构|三次产业|一二三产业?|一、二、三产业?")
_SECTORS_BEFORE = re.compile(rf"(?:{SECTORS_NAMED.pattern})[^。；;！？]{{0,30}}$")


def _sector_ratios(text: str, spans_at: dict) -> dict[int, list[Candidate]]:
    """The three shares of each sector ratio in ``text``, by the start of its first number."""
    found = {}
    for m in _SECTOR_RATIO.finditer(text):
        values = [float(v) for v in m.groups()]
        spans = [spans_at.get(m.start(k)) for k in (1, 2, 3)]
        if (abs(sum(values) - 100) <= 1.5 and all(spans)
                and _SECTORS_BEFORE.search(text, max(0, m.start() - 40), m.start())):
            found[m.start()] = [Candidate(sp, sp.start, sp.end, sp.end, v, None, "%", "=", sector=k)
                                for k, (sp, v) in enumerate(zip(spans, values), 1)]
    return found


def _unit_after(text: str, sp) -> tuple[str, str, int]:
    """(unit with magnitude, 多/余 if it says 'more than', end) after the number ``sp``."""
    if sp.kind == "percent":
        return "%", "", sp.end
    if sp.kind == "chinese" and text[sp.end:sp.end + 1] in ("多", "余"):
        unit, more, p = _read_unit(text, sp.end)        # 两万多人, 十余万亩
        return sp.magnitude + unit, more, p
    if sp.kind == "chinese":
        _, unit = match_unit(text, sp.end)
        return sp.magnitude + unit, "", sp.end + len(unit)
    unit, more, p = _read_unit(text, sp.end, spaced=any(ch in _GAP for ch in sp.text))
    if not unit and text[p:p + 1] in ("岁", "年") and _lifetime(text, sp):
        return text[p], more, p + 1         # 人均预期寿命达到78岁, 平均受教育年限达到10.5年
    return unit, more, p


def _lifetime(text: str, sp) -> bool:
    return _LIFETIME_BEFORE.search(text, max(0, sp.start - 20), sp.start) is not None


def find_candidates(text: str) -> list[Candidate]:
    """Every number of ``text`` that can be a quantity, in order (ranges as one)."""
    mask = _Mask(text)
    spans = find_numbers(text)
    by_start = {s.start: s for s in spans}
    ratios = _sector_ratios(text, by_start)
    out: list[Candidate] = []
    skip_until = -1
    for sp in spans:
        if sp.start in ratios:                      # before the mask: 47.6:53 is no time of day
            out += ratios[sp.start]
            skip_until = out[-1].end
            continue
        if sp.start < skip_until or mask.overlaps(sp.start, sp.end):
            continue
        before = text[max(0, sp.start - 1):sp.start]
        after = text[sp.end:sp.end + 4]
        minus = sp.kind in ("arabic", "percent") and bool(_MINUS.search(text, max(0, sp.start - 2), sp.start))
        if sp.kind == "arabic":
            if before == "第" or (_CODE_BEFORE.search(before) and not minus) or _CODE_AFTER.match(after):
                continue
            if before == "前" and after[:1] in ("位", "名"):
                continue        # 居全国前10位, 进入前8位: a rank, as 第4 is
            if before == "每":
                continue        # 每10万人刑事案件数: the base of a rate, not an amount
        if _in_short_quotes(text, sp.start, sp.end):
            continue            # “2个首次突破”, “百万人才进海南”: a label
        if sp.kind in ("fraction", "fan"):
            out.append(_unit_in_span(text, sp))
            continue
        unit, more, p = _unit_after(text, sp)
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
        if not unit and not (sp.kind == "arabic" and _RATIO_BEFORE.search(text, max(0, sp.start - 24), sp.start)
                             and text[sp.end:sp.end + 1] not in "：:∶"):
            continue      # a bare number is not a quantity (codes, names, counts of nothing), but a ratio is
        base = base_unit(unit)
        if base in ("年", "月", "日") and not _lifetime(text, sp):
            continue
        if text.startswith("级", p) and base:
            continue      # 30万吨级航道, 千亿元级产业链: a class label measures nothing
        if base in ("天", "个月") and _COUNTDOWN.search(text, max(0, sp.start - 24), sp.start):
            continue      # 离香港回归只有849天: a countdown measures nothing
        if unit in _PLAN_PART_UNITS and _PLAN_PARTS.match(text, p):
            continue
        relation = _listed_relation(text, out, sp.start, _relation(text, sp.start, p, more))
        end_of_unit = p
        bound = re.match(r"及?(?:以上|以内|以下)|左右|上下", text[p:p + 3])
        p += bound.end() if bound else 0
        c = _times_units(text, Candidate(sp, sp.start - minus, sp.end, p, -sp.value if minus else sp.value,
                                         value_high, unit, relation))
        c.attribute = describes_noun(text, c, end_of_unit, out[-1] if out else None)
        out.append(c)
    _share_listed_units(text, out)
    return out


def _share_listed_units(text: str, out: list[Candidate]) -> None:
    """分别达1.28万亿、1.18万亿、8200亿元; 惠及3500万、2300万人次: a bare magnitude listed with 、
    right before a value with a unit is in that unit (万亿元, 万人次)."""
    for c, following in zip(reversed(out[:-1]), reversed(out[1:])):
        if (not base_unit(c.unit) and c.unit.endswith(("万", "亿")) and base_unit(following.unit)
                and text[c.text_end:following.start] == "、"):
            c.unit += base_unit(following.unit)


# A value that describes the thing named after it measures nothing a tracker follows
# (LABELING.md: optional). Two kinds:
# - the capacity of a facility or project, named with its owner or a count (大唐700万吨露天矿,
#   亘富200万吨褐煤提质项目, 3座35万千瓦光热电站, 年产4万吨基础锂盐一体化和2万吨高质碳酸锂项目,
#   a floor area too: 大兴安岭百万平方米棚改…等项目);
#   after a verb the same figure is an amount built or closed (布局建设700万千瓦新型储能项目,
#   完成2100万千瓦火电机组…改造) and stays one;
# - a threshold that defines a class (10蒸吨及以下燃煤锅炉, 500万元以上重点项目, 年运量150万吨以上的
#   物流园区, or with 超 before it: 营收超百亿元企业, 经济总量超500亿元的县域); a count
#   (10个以上特色小镇) or a rate (7%以上的增长) is what it says.
_CAPACITY_UNITS = frozenset(["吨", "蒸吨", "千瓦", "兆瓦", "吉瓦", "千瓦时", "吉瓦时", "立方米", "方", "平方米",
                             "吨/年", "吨/日", "立方米/日", "方/年"])
# (the list of facilities ends within 80 characters: a bound, so a text without punctuation is not
# scanned to its end for every value)
_FACILITY = re.compile(r"[^,，;；。:：!！?？]{0,80}?(?:项目|工程|基地|生产线|电站|电厂|机组|装置|矿|厂)")
_RATE_MARK = re.compile(r"(?:年产|日产|年处理|日处理|年加工|日供水)$")
_COUNTED = re.compile(r"[0-9０-９一二三四五六七八九十两]+[座个台套条]$")
_NOT_NAME = re.compile(
    r"(?:^|[,，;；。:：!！?？、（(“\"]|实施|推进|推动|加快|建设|建成|新建|扩建|完成|新增|布局|关停|淘汰|放大|"
    r"形成|生产|输送|提供|保供|减少|增加|达到|达|突破|超过|为|是|到|至|在|有|和|及|与|等|累计|实现|投资|"
    r"开工|竣工|投产|拥有|共有|引进|签约|启动|开展|争取|力争|确保|打造|培育|扩大|提升|增长|新增了|完成了)$")
_STREAK = re.compile(r"(?:连续|已连续|持续)$")
# events weathered (有效应对50个热带气旋、67次区域暴雨), a tax policy's rate, a rank in 位
_WEATHERED = re.compile(r"(?:应对|抗击|战胜|抵御|经受住?)(?:了|住)?(?:[0-9０-９.]+[个次场轮]?[\u4e00-\u9fff]{0,8}?[、和])*$")
_EVENTS = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:台风|气旋|暴雨|洪水|洪涝|地震|寒潮|干旱|旱情|冰雹|强降雨|汛情|雨雪|冰冻|疫情)")
_TAX_RATE = re.compile(r"(?:的)?(?:企业|个人)?所得税(?:优惠|税率|政策)")
_RANKED = re.compile(r"(?:排名|排位|位次|名次)[^，,。；;]{0,12}$")
# thresholds crossed: 个 and an amount's name after it (突破1000万人大关, 迈上3000户台阶 are levels reached)
_STEPS_AFTER = re.compile(r"(?:[十百千万]+亿|亿|[十百千万]+)[元级]{0,2}(?:台阶|大关)")
# a verb that works on what exists, then members named before 等 and the count of the set (加快南阳等4个
# …城市建设, 支持巩义、永城、林州等10个…县, 依托海口、三亚等5家…); a verb that makes new ones (建成, 新建,
# 实施, 打造, 完成 …) after it makes the count an amount again
_MAKES_NEW = r"建成|新建|新增|实施|打造|完成|培育|创建|组建|启动|开工"
# (a member is no verb at all: not even one that builds on what exists, 续建, 改扩建, 建设)
_MAKING_VERB = _MAKES_NEW + r"|改扩建|扩建|改建|新开工|续建|建设|引进"
_EXISTING_SET = re.compile(r"(?:加快|推进|推动|支持|深化|续建|依托|做大做强|做强做大|做优做强|做强做优|壮大)(?:发展|建设|推进)?"
                           r"(?:(?:(?!" + _MAKES_NEW + r")[^，,；;。：:]){2,40}?等|"
                           # (or the members alone, no verb among them: 推动呼和浩特、鄂尔多斯、满洲里3个综保区…;
                           # not 推进新建、改扩建中小学120所)
                           r"(?:(?!" + _MAKING_VERB + r")[^、，,；;。：:0-9]{2,6}、)+(?!" + _MAKING_VERB + r")"
                           r"[^、，,；;。：:0-9]{2,8})$")
# ... or members listed at the clause's start, and the work going on named after the set (庆阳、张掖、天水
# 3个省级区域医疗中心加快建设, 西十、康渝等4条高铁加快建设)
_MEMBERS = re.compile(r"(?:^|[，,；;。：:])(?:[^、，,；;。：:0-9]{2,8}、)+[^、，,；;。：:0-9]{2,8}等?$")
_APPROVED = re.compile(r"(?:批复|批准|已建成|已获批)的$")
# (a noun after the count: 乡镇卫生院、村卫生室300家实现提质升级 counts the kinds listed, which are done)
_WORKED_ON_AFTER = re.compile(r"(?!实现|完成|全部|均|已|都)[^，,；;。0-9]{2,16}?"
                              r"(?:加快建设|加快推进|加快实施|提质升级|提档升级|高质量发展)(?=$|[，,；;。])")
# ... and so does what is counted being then made, finished or won (推动…等5个重大项目建成投产, 支持…等8个
# 城市创建国家森林城市): a count of results
_MADE_AFTER = re.compile(r"[^，,；;。]{0,24}?(?:建成|投产|开工|竣工|完工|创建|获批|获评|入选|通过|落地|投用|投入使用|通车|"
                         r"通航|并网|纳入|申报)")
_STREAK_UNITS = frozenset(["个月", "月", "年", "个季度", "季度", "次", "届", "天", "周"])
_BOUND_WORDS = re.compile(r"(?:超过|超|近|约|逾)$")
_OVER = re.compile(r"(?:超过|超|逾|突破)$")
# what a threshold written before the noun (超…) can define: firms, places, parks, projects ...
_CLASS_NOUN = re.compile(r"的?[\u4e00-\u9fff]{0,6}?(?:企业|县|县区|县市|园区|开发区|产业集群|产业链|产业|集群|项目|乡镇|景区|"
                         r"品牌|工厂|基地|商圈|街区|城市)")
# ... or after a count of the class: 191家工业企业营业收入超百亿元 (each firm's revenue, not theirs
# together; 超 says so, where 达 could be a sum)
_COUNTED_CLASS = re.compile(r"[0-9０-９一二三四五六七八九十两百千]+[家个户所][\u4e00-\u9fff]{0,10}?"
                            r"(?:企业|公司|工厂|县|县区|县市|园区|开发区|乡镇)[\u4e00-\u9fff]{1,8}?(?:超过|超|逾|突破)$")
# a population named in a speech's words (江淮儿女, 全市父老乡亲, 各族人民) after a bare magnitude
_PEOPLE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:儿女|父老乡亲|同胞|各族人民)")
_THRESHOLD = re.compile(r"及?以[上下]的?(?=[\u4e00-\u9fff])(?!目标|任务|水平|增长|增速|速度|规模|大关|的目标)")


# 城乡居民收入倍差从2.42缩小至2.12, 收入比缩小至2.54: a ratio has no unit (收入比重 is a share)
_RATIO_BEFORE = re.compile(r"(?:倍差|收入比(?![重例率])值?|之比)[^，,。；;、：:∶]{0,16}$")
_NEARLY = re.compile(r"(?:接近|几乎|近乎|基本)(?:实现)?$")
_SPEED = re.compile(r"时速$")
_TIME_TAKEN = re.compile(r"(?:仅用|只用|历时|用时)(?:了)?$")
_DONE_AFTER = re.compile(r"(?:就|便)?(?:建成|完成|实现|打通|投产|开通|落地|竣工|通车)")
# a programme named by its size: 实施百亿斤粮食产能提升工程, 启动千亿元…行动
_PROGRAMME_VERB = re.compile(r"(?:实施|启动|推进|开展|打造)$")
_PROGRAMME = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:工程|行动|计划)(?![\u4e00-\u9fff]{0,2}[0-9０-９])")


def _unit_in_span(text: str, sp) -> Candidate:
    """A number whose span says its unit: 翻一番 (番; 接近翻番 is about a doubling) and a fraction
    (占全国1/3以上: a share, in %)."""
    if sp.kind == "fraction":
        return Candidate(sp, sp.start, sp.end, sp.end, sp.value, None, "%", _relation(text, sp.start, sp.end, ""))
    near = _NEARLY.search(text, max(0, sp.start - 3), sp.start)
    return Candidate(sp, sp.start, sp.end, sp.end, sp.value, None, "番", "~" if near else "=")


def describes_noun(text: str, c: Candidate, unit_end: int, previous: Candidate | None) -> bool:
    """Whether candidate ``c`` (its unit ending at ``unit_end``) describes the noun after it
    rather than measuring anything: a named facility's capacity or a class threshold."""
    base = base_unit(c.unit)
    if _STREAK.search(text, max(0, c.start - 4), c.start) and (
            base in _STREAK_UNITS or text.startswith(("季度", "月"), unit_end)):
        return True             # 连续24个月保持两位数增长, 连续11个季度: how long a run lasted
    if not base and _PEOPLE.match(text, unit_end):
        return True             # 7000多万江淮儿女, 31万雄关儿女: the people of a place, named, not counted
    if _SPEED.search(text, max(0, c.start - 4), c.start) or (
            _TIME_TAKEN.search(text, max(0, c.start - 4), c.start) and _DONE_AFTER.match(text, unit_end)):
        # 通时速350公里高铁, 仅用90天建成: how fast or how quickly something was done, no amount of
        # anything (企业开办仅用0.5天 is the time a procedure takes, an indicator)
        return True
    if _WEATHERED.search(text, max(0, c.start - 30), c.start) and _EVENTS.match(text, unit_end):
        return True             # 有效应对50个热带气旋、67次区域暴雨: events weathered, nothing done or made
    if base in SHARE_UNITS and _TAX_RATE.match(text, unit_end):
        return True             # 企业和个人15%所得税优惠: the rate a policy sets, not a figure reached
    if base == "位" and _RANKED.search(text, max(0, c.start - 20), c.start):
        return True             # 排名由369位上升到235位, 排名提升6位: a rank (两院院士增至123位 are people)
    if c.unit == "个" and _STEPS_AFTER.match(text, unit_end):
        return True             # 连跨4个万亿元台阶: how many thresholds a figure crossed, not a count of things
    if (base in MEASURE_WORDS and _EXISTING_SET.search(text, max(0, c.start - 48), c.start)
            and not _MADE_AFTER.match(text, unit_end)):
        return True             # 加快洛阳等10个国家物流枢纽建设: the size of a set that exists, nothing new
    if base in MEASURE_WORDS and _MEMBERS.search(text, max(0, c.start - 48), c.start) \
            and _WORKED_ON_AFTER.match(text, unit_end):
        return True             # 庆阳、张掖、天水3个省级区域医疗中心加快建设
    if base in MEASURE_WORDS and _APPROVED.search(text, max(0, c.start - 4), c.start):
        return True             # 加快建设“十四五”批复的6个沙戈荒大基地: a set approved before
    if base in MEASURE_WORDS or base in (*SHARE_UNITS, "") or c.value_high is not None:
        return False
    if _THRESHOLD.match(text, unit_end):
        return True
    if _PROGRAMME_VERB.search(text, max(0, c.start - 4), c.start) and _PROGRAMME.match(text, unit_end):
        return True             # 实施百亿斤粮食产能提升工程: the name of a programme, no amount of the year
    if _OVER.search(text, max(0, c.start - 2), c.start) and _CLASS_NOUN.match(text, unit_end):
        return True             # 营收超百亿元企业, 年产值超过10亿元的骨干企业: a class, not an amount
    if _COUNTED_CLASS.search(text, max(0, c.start - 30), c.start) and not _CLASS_NOUN.match(text, unit_end):
        return True             # 191家工业企业营业收入超百亿元
    if base not in _CAPACITY_UNITS or not _FACILITY.match(text, unit_end):
        return False
    if not re.match(r"[\u4e00-\u9fff]", text[unit_end:unit_end + 1]):
        return False
    before = _BOUND_WORDS.sub("", text[max(0, c.start - 8):c.start])
    if _RATE_MARK.search(before) or _COUNTED.search(before):
        return True
    if before.endswith(("、", "和", "及", "与")):     # the next item of a list of capacities
        return (previous is not None and previous.attribute
                and not re.search(r"[,，;；。]", text[previous.text_end:c.start]))
    return not _NOT_NAME.search(before)


def _times_units(text: str, c: Candidate) -> Candidate:
    """东电2×35万千瓦: the capacity of the whole (70万千瓦), as a tracker compares projects; the
    span starts at the count, so ``text[start:end]`` (2×35) shows both factors."""
    m = _UNITS_TIMES.search(text, max(0, c.start - 6), c.start)
    if not m or c.span.kind != "arabic":
        return c
    n = int(m.group(1))
    c.start, c.value = m.start(1), c.value * n
    c.value_high = c.value_high * n if c.value_high is not None else None
    return c

