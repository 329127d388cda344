"""Subject step of the quantities pipeline: which indicator a value measures.

:func:`resolve_subject` asks an ordered list of named resolvers (:data:`SUBJECT_RESOLVERS`)
and takes the first indicator one of them finds.  Each resolver sees a :class:`Clause`: the
value, the text before it in its clause, the rows of its sentence so far and what the
previous values of its ;-segment were about.  The indicator is a registry name when the
phrase names a known indicator (only place words before it, only predicate words such as
首次突破 / 年均增长 / 控制在 between it and the number); otherwise the cleaned noun phrase.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .indicators import IndicatorRegistry
from .numbers import MEASURE_WORDS, base_unit
from .quantity_label import usable_indicator
from .quantity_spans import Candidate
from .quantity_time import TIME_PREFIX

__all__ = ["Clause", "IndicatorResolver", "SUBJECT_RESOLVERS", "SubjectMemory", "clause_of", "resolve_subject",
           "subject_of_fenbie", "investment_of_projects", "money_spent_on", "noun_after_count",
           "noun_before_value", "order_of_previous_list", "noun_after_value", "previous_subject", "noun_of_list_item"]

# ------------------------------------------------------------------ noun phrases
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
较 人均 月人均 年人均
了 全面 全力 基本 顺利 圆满 如期 历史性 跨过 恢复至 恢复到
""".split()), key=len, reverse=True)
_PREDICATE_RE = re.compile("(?:" + "|".join(map(re.escape, _PREDICATE_WORDS)) + ")+$")
_LEADING_RE = re.compile(
    r"^(?:(?:19|20)\d\d年度|" + TIME_PREFIX + "|"
    r"现在|目前|当前|如今|眼下|我国|我省|我们|"
    # 中央提出今年经济…, 国务院确定…: who set it is not what is measured
    r"[^,，;；:：0-9]{0,6}?(?:提出|要求|决定|确定|建议|强调|明确)(?=[^,，;；:：0-9]{2})|"
    r"[“\"]?十[三四五六]五[”\"]?(?:期?末|期间|时期)?|前[一二三四]季度|[一二三四]季度|上半年|下半年|"
    r"五年|年均|累计|力争|确保|争取|预计|计划|努力|其中|"
    r"全市|全区|全县|全省|全国|全社会|城乡|我们|我市|我区|我县|共|将|要|并|还|也|再|总计|合计|实现|完成|各类|各项|各级|"
    r"[一二三四五六七八九十]是|其[一二三四五]|即|包括|[,，:：、和及与对]|"
    # 完成了…: the aspect particle of a cut verb; 10.发放…: a list number; 6月底前, 举全区之力,
    # 加快…: when and how, not what
    r"了|[0-9]{1,2}[.．](?![0-9])|[0-9]{1,2}月(?:底|末|份|中旬)?(?:前|之前)?|举[^,，;；]{1,4}?之力|"
    r"加快|全力|大力|全面(?=..))+")
# A verb that starts an action phrase: what follows is the object (实施31个项目, 累计投入…).
_ACTION_VERB = re.compile(
    r"(?:实施|推动|完成|建成|新建成|新建|改建|扩建|新改扩建|改扩建|改造|开展|投入|投资|引进|培育|创建|办理|获得|获|发放|"
    r"落实|推进|打造|举办|盘活|带动|解决|吸纳|帮扶|救助|选派|查处|处置|巡察|减负|补贴|划拨|培训|"
    r"引导|扶持|争创|储备|招引|签约|开工|竣工|安置|资助|惠及|覆盖|整治|治理|修复|种植|给予|设立|"
    r"新增|累计|启动|组织|接待|受理|化解|清理|消除|淘汰|关停|整合为|整合|出台|制定|办结|巡察|推出|完工|"
    r"严格)")
_OPENING_VERB = re.compile(r"(?:(?:为|向|给)[^,，;；、]{2,16}?)?(?:" + _ACTION_VERB.pattern + ")+了?")
_POST_STOP = re.compile(r"[0-9,，;；:：。!！?？、(（“\"]|增至|减少至|全部|稳定|实现|得到|达到|完成|的|等|以上|以内|左右|被|荣获|获|已|"
                        r"(?<![纵方转导走偏])向|"
                        r"进行|巡察|全覆盖|落地|投入|开工|竣工|建成|整合|提升|改造为")
# 45件民生实事全面完成: how it went is no part of the name
_POST_ADVERBS = re.compile(r"(?:全面|全部|基本|顺利|如期|提前|均|都|已)+$")
_POST_VERB_START = re.compile(r"增|减|达|突破|超过|提高|提升|下降|降|为|是|至|到|[0-9]")
_SPLIT_COORD = re.compile(r"[、和及与]")
_TIME_AT_START = re.compile("^(?:" + TIME_PREFIX + ")+")
_COORD_LEADING = re.compile("^(?:" + TIME_PREFIX + "|年均|累计|力争|确保|争取|预计|全市|全区|全县|全省|我市|其中|[,，:：])+")


def _strip_unbalanced(phrase: str) -> str:
    """Drop a bracket the clause cut in half ("(一)" leftovers), keep balanced ones: 封山(沙)育林(草)."""
    opened = phrase.count("(") + phrase.count("（")
    closed = phrase.count(")") + phrase.count("）")
    if opened > closed:
        phrase = re.sub(r"^[(（]+", "", phrase)
    elif closed > opened:
        phrase = re.sub(r"[)）]+$", "", phrase)
    return phrase


_INNER_YEAR = re.compile(r"(?<![较比与由从同0-9])(?:19|20)\d\d年度?(?=[^0-9,，;；]{2})")


def _drop_inner_year(phrase: str) -> str:
    """重点园区2025年营业收入 -> 重点园区营业收入: a year inside a name says when; what stands
    before it is kept only when it is a short modifier (…现代化、实现2035年人均地区生产总值 keeps
    人均地区生产总值)."""
    m = _INNER_YEAR.search(phrase)
    if not m:
        return phrase
    before = phrase[:m.start()]
    if len(before) > 6 or re.search(r"[、,，]|实现|确保", before) or _ACTION_VERB.search(before):
        before = ""
    return before + phrase[m.end():]


def _object_before_last(verbs: list) -> list:
    """[发放] in …发放高龄补贴: the verb before the last when it gives or completes what follows
    and two characters at least stand between them; else empty."""
    if len(verbs) < 2 or verbs[-2].group() not in _GIVING or verbs[-1].start() - verbs[-2].end() < 2:
        return []
    return [verbs[-2]]


_GIVING = frozenset(["发放", "给予", "实施", "开展"])


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
        phrase = re.sub(r"(?<![较比与由从同0-9])(?:19|20)\d\d(?:年(?:度|底|末)?的?)?$", "", phrase)
        # comparison baselines at the end: 较2016年增长 / 比5年前 / 较五年前 / 由改革前的
        phrase = re.sub(r"(?:较|(?<!占)比(?![重例率])|与|由|从|同)[^较比与由从同]{1,8}(?:年|前|期|时)?(?:的)?(?:相比)?$",
                        "", phrase) if re.search(r"(?:较|比(?![重例率])|由|从)", phrase[-10:]) else phrase
    phrase = _drop_inner_year(phrase)
    # an action verb inside the phrase: the object follows it (累计实施亿元以上项目 -> 亿元以上项目)
    verbs = list(_ACTION_VERB.finditer(phrase))
    opening = _OPENING_VERB.match(phrase)
    if verbs and verbs[-1].end() < len(phrase) - 1:
        phrase = phrase[verbs[-1].end():]
    elif opening and opening.end() < len(phrase) - 1:
        # 实施棚户区改造, 为困难家庭发放蔬菜价格补贴: a verb (after its beneficiary) opens the
        # phrase and the name ends in a noun that is also a verb (改造, 补贴): the object
        phrase = phrase[opening.end():]
    elif verbs and verbs[-1].end() == len(phrase) and _object_before_last(verbs):
        # 为老年人发放高龄补贴: the name is the object of the verb before the last (补贴 is its
        # head); 城市建设完成投资 keeps its subject (nothing between 完成 and 投资)
        phrase = phrase[_object_before_last(verbs)[-1].end():]
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
    phrase = re.sub(r"(?:建设|创建)$", "", _POST_ADVERBS.sub("", phrase.strip(" “”\"")))
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
_BASELINE_PHRASE = re.compile(r"在[^,，;；]{0,12}基础上|(?:是|为)?[“\"]?十[一二三四五六]五[”\"]?(?:期?末|时期末|期间|时期|以来)?的?")
# Parenthesised Latin abbreviations (GDP), (CPI), price bases (按可比价计算, 同口径) and runs
# (连续8年) qualify a figure; they are not part of the indicator's name (封山(沙)育林(草) keeps
# its brackets).
_QUALIFIERS = re.compile(r"连续[0-9０-９一二两三四五六七八九十]+(?:年|届|次)|[(（][A-Za-z][A-Za-z0-9.]{0,7}[)）]|按(?:可比价(?:格)?|现价|不变价|可比口径|同口径)(?:计算)?")


class IndicatorResolver:
    def __init__(self, registry: IndicatorRegistry):
        self.registry = registry

    def from_phrase(self, phrase: str) -> tuple[str, str]:
        """(canonical, as written) for the text before a number.

        A registry alias counts when only predicate words (首次突破, 年均增长, 控制在) stand
        between it and the number, and nothing but a place or scope word before it
        (全市地区生产总值 yes; 规上工业企业营业收入, 园区工业产值 no: those are other
        indicators).  Otherwise the cleaned noun phrase is the indicator, as written."""
        raw = re.sub(r"[“”\"'‘’「」『』]|\[[0-9]{1,2}\]", "", phrase)      # [4]: a footnote mark
        raw = _QUALIFIERS.sub("", _BASELINE_PHRASE.sub("", raw))
        known = self._registry_name(raw)
        if known:
            return known
        written = _strip_phrase(raw)
        if not written:
            return "", ""
        # 县域经济总量和城乡居民人均收入…翻一番: one value for a list of known indicators is
        # reported for the first of them
        items = _SPLIT_COORD.split(written)
        if len(items) > 1:
            known = self._registry_name(items[0])
            if known and self._registry_name(items[-1]):
                return known
        return self.registry.canonical(written), written

    def _registry_name(self, raw: str) -> tuple[str, str] | None:
        """(canonical, as written) of the registry alias that ends ``raw`` (predicate words
        after it allowed) with only place and time words before it; else None."""
        best = None
        for s, e, canon in self.registry.find_all(raw):
            rest = raw[e:]
            if rest and not _PREDICATE_RE.fullmatch(rest):
                continue
            if raw[max(0, s - 1):s] == "占":      # 占GDP比重: a share of GDP, not GDP
                continue
            if best is None or (e, e - s) > (best[1], best[1] - best[0]):
                best = (s, e, canon)
        if best is None:
            return None
        prefix = _strip_time(_LEADING_RE.sub("", raw[:best[0]]))
        if prefix and not _PLACE_PREFIX.match(prefix):
            return None
        return best[2], raw[best[0]:best[1]]


def _strip_time(s: str) -> str:
    return _TIME_AT_START.sub("", s)


def _strip_phrase_keep_coord(subject: str) -> str:
    """Like _strip_phrase but keeps 、和及与, which _expand_coordination splits on."""
    s = subject.strip()
    prev = None
    while s != prev:
        prev = s
        s = _COORD_LEADING.sub("", s)
        s = re.sub(r"(?:预计|年均|均|都|已|将|要|同比|比上年)$", "", s)
    return s



# ------------------------------------------------------------------ helpers of the resolvers

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


def _spending_indicator(text: str, pre: str, end: int, clause_end: int, previous_clause: str = ""
                        ) -> tuple[str, str]:
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
    obj = re.sub(r"^了|^[0-9.]+[^0-9]?", "", tail[verb.end():])      # 实施了…, 实施31个教育建设项目
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


def _investment_of_projects(pre: str, previous: dict, resolver: IndicatorResolver) -> tuple[str, str]:
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


def _fenbie_items(text: str, clause_start: int, fenbie: int) -> list[str]:
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



# ------------------------------------------------------------------ the clause a resolver sees

@dataclass
class SubjectMemory:
    """What the previous values of a ;-segment were about."""
    segment: int = -1
    last: tuple[str, str] = ("", "")              # (indicator, as written) of the last value
    listed: list[tuple[str, str]] = field(default_factory=list)   # the subjects of the last 分别


@dataclass
class Clause:
    """One value in its clause: ``pre`` is the text between the value before it in the clause
    (or the clause start) and the value; ``rows`` the rows of the sentence so far."""
    text: str
    value: Candidate
    group: list[Candidate]          # the values of the sentence
    rows: list[dict]
    resolver: IndicatorResolver
    memory: SubjectMemory
    sentence_start: int
    clause_start: int
    clause_end: int
    segment_start: int
    previous_clause: str
    pre: str

    @property
    def clause_pre(self) -> str:
        return self.text[self.clause_start:self.value.start]

    @property
    def in_clause(self) -> list[Candidate]:
        return [g for g in self.group if self.clause_start <= g.start < self.clause_end]

    @property
    def is_count(self) -> bool:
        return base_unit(self.value.unit) in MEASURE_WORDS or self.value.unit in ("万", "亿")

    @property
    def only_separator(self) -> bool:
        """Nothing but 、/和 between this value and the one before: 7%、8%."""
        return not self.pre.strip() or _LIST_SEP.match(self.pre.strip()) is not None


def clause_of(text: str, sentence: tuple[int, int], group: list[Candidate], k: int, rows: list[dict],
              resolver: IndicatorResolver, memory: SubjectMemory) -> Clause:
    """The clause around the ``k``-th value of a sentence; a new ;-segment clears ``memory``."""
    s_start, s_end = sentence
    c = group[k]
    pre_sentence = text[s_start:c.start]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(pre_sentence)]
    clause_start = s_start + (breaks[-1] if breaks else 0)
    segment_start = s_start + max(pre_sentence.rfind(";"), pre_sentence.rfind("；")) + 1
    if segment_start != memory.segment:
        memory.segment, memory.last, memory.listed = segment_start, ("", ""), []
    prev_end = max([g.text_end for g in group[:k] if g.text_end <= c.start and g.start >= clause_start]
                   or [clause_start])
    m_end = _CLAUSE_END.search(text, c.text_end, s_end)
    clause_end = m_end.start() if m_end else s_end
    prev_break = s_start + (breaks[-2] if len(breaks) > 1 else 0)
    return Clause(text, c, group, rows, resolver, memory, s_start, clause_start, clause_end, segment_start,
                  text[prev_break:clause_start].rstrip(",，;；:："), text[prev_end:c.start])


_CLAUSE_END = re.compile(r"[,，;；:：。！？!?\n]")

# ------------------------------------------------------------------ resolvers, in the order asked


def subject_of_fenbie(cl: Clause) -> tuple[str, str]:
    """城镇和农村居民人均可支配收入分别达到X元、Y元: the n-th item of the subject before 分别;
    A达到X元，B达到Y元，分别增长a%和b%: the subjects of the values before."""
    fenbie = cl.clause_pre.find("分别")
    if fenbie < 0:
        return "", ""
    at = cl.clause_start + fenbie
    after = [g for g in cl.in_clause if g.start >= at]
    if len(after) < 2 or cl.value not in after:
        return "", ""
    # a figure is never a subject: 收入分别完成37820元、28104元，同比分别增长6.5%、9.4%
    items = [it for it in _fenbie_items(cl.text, cl.clause_start, at) if not re.search(r"[0-9０-９]", it)]
    if len(items) == len(after):
        resolved = [cl.resolver.from_phrase(it) for it in items]
    elif not _strip_phrase(cl.text[cl.clause_start:at]):
        resolved = _distinct_subjects([r for r in cl.rows if cl.segment_start <= r["start"] < cl.clause_start],
                                      len(after))
    else:
        return "", ""
    if not resolved:
        return "", ""
    cl.memory.listed = resolved
    # 分别增长7%、8%以上: the relation word after the last value covers all
    if after[-1].relation != "=" and cl.value.relation == "=":
        cl.value.relation = after[-1].relation
    return resolved[after.index(cl.value)]


def investment_of_projects(cl: Clause) -> tuple[str, str]:
    """实施亿元以上重点项目215个，完成投资436亿元 -> 重点项目完成投资."""
    if not cl.value.unit.endswith("元") or not cl.rows:
        return "", ""
    return _investment_of_projects(cl.pre, cl.rows[-1], cl.resolver)


def money_spent_on(cl: Clause) -> tuple[str, str]:
    """累计投入2.13亿元开展农村人居环境整治 -> 农村人居环境整治投入."""
    if not cl.value.unit.endswith("元"):
        return "", ""
    return _spending_indicator(cl.text, cl.pre, cl.value.text_end, cl.clause_end, cl.previous_clause)


def noun_of_list_item(cl: Clause) -> tuple[str, str]:
    """投资3500万元的二三级供水管网改造、3800万元的背街巷道改造 -> 二三级供水管网改造投资,
    背街巷道改造投资; 实施了中心城区26公里供水、117公里供热 -> 中心城区供水, 供热; 完成了老城区
    8条、12.3公里道路提升改造 -> 老城区道路提升改造 (both); 推进东电2×35万千瓦热电联产项目
    -> 东电热电联产项目: a value inside a noun phrase measures the noun after it."""
    if base_unit(cl.value.unit) in _RATE_UNITS:
        return "", ""                    # a rate names its indicator before it
    chain = _item_chain(cl)
    if not chain:
        return "", ""
    k = chain.index(cl.value)
    noun = next((n for n in (_item_noun(cl.text, c.text_end, cl.clause_end)[0] for c in chain[k:]) if n), "")
    own_de = cl.text[cl.value.text_end:cl.value.text_end + 1] == "的"
    first = chain[0]
    head = cl.text[_value_before(cl, first):first.start]
    if not noun or _RELATION_END.search(head):
        return "", ""
    spend = _ITEM_SPEND.search(head)
    if spend:
        written = noun + spend.group(1)                       # 投资3500万元的…改造
    elif own_de and _modifier(cl, cl.value):
        return "", ""                    # 年运量150万吨以上的物流园区: a threshold on the phrase before
    else:
        # the modifier a value shares with its noun: 中心城区 (values linked by 、 alone share it)
        shared = k
        while shared > 0 and cl.text[chain[shared - 1].text_end:chain[shared].start] in _SEPARATORS:
            shared -= 1
        written = _modifier(cl, chain[shared]) + noun
    return cl.resolver.registry.canonical(written), written


_RATE_UNITS = frozenset(["%", "‰", "倍", "番", "个百分点"])
# 年销售收入超10亿元的龙头企业, 吞吐量实现183万人次的历史性突破: a relation word before the
# value: it measures the phrase before it
_RELATION_END = re.compile(r"(?:达到|达|突破|超过|超|逾|增至|增长|增加|提高到?|提升到?|下降|降至|降到|减少|控制在|"
                           r"不少于|不低于|不超过|不高于|低于|高于|多于|少于|"
                           r"保持在|稳定在|为|是|占|近|约|共|累计|由|从|人均|每|实现)$")
_ITEM_SPEND = re.compile(r"(?:总|计划|累计)?(投资|投入)$")
_SEPARATORS = ("、", "和", "及", "与")
# what follows the noun: a list separator (和/及/与 only before the next value), 等, the clause
# end, or how the work went (年内完工, 基本完工, 正式运营 …: not part of the name)
_ITEM_STOP = (r"、|[和及与](?=[0-9０-９一二三四五六七八九十百千万两])|等|[,，;；:：。!！?？]|$|"
              r"正式|年内|基本|主体|顺利|全线|全面|全部|加快|进展|分别|取得|两位数|新接入|接入|"
              # 与8个东盟国家开展大模型研发合作: the verb after the noun and its object
              r"开展|实施|出台|获得|荣获|入选|纳入|列入|通过|当选|参与|"
              r"按期|如期|按时|提前|圆满|进行|[一二三四]季度|当年|今年|成功|落地|完成|稳定|建成|投入|投运|投产|完工|通车|封顶|开工|核准|实现|"
              r"未|不及|(?<!植)被|获|为(?=[抓重基核主引])|得到|达到|已|(?:均|都)(?=[取为达已在有实得完])")
_ITEM_NOUN = re.compile(r"(的)?((?:(?!" + _ITEM_STOP + r")[^0-9０-９(（“\"的/])+?)(?:前期工作|前期|工作|工程|建设)?"
                        r"(?=" + _ITEM_STOP + ")")
_NOT_NOUN = re.compile(r"(?:人民币|台阶|大关|水平|目标|突破|方面|方面工作|以上|以下|左右)$|^(?:工程|项目)$|"
                       # 10万千瓦及以下机组, 30万吨级泊位, 12吉瓦时: the value qualifies the noun; 对…, 支持…: a predicate
                       r"^(?:及|[级时型/]|对|向|为|在|给|把|将|并|支持|用于|带动|推动|促进|覆盖|惠及|新增|保持|连续|居|位居)")


def _item_noun(text: str, pos: int, limit: int) -> tuple[str, int]:
    """(noun, where it ends) right after a value, 的 allowed before it: 二三级供水管网改造、 /
    热电联产项目前期工作。 -> 热电联产项目; empty when a verb or predicate follows the value."""
    m = _ITEM_NOUN.match(text[:limit], pos)
    if not m or not 2 <= len(m.group(2)) <= 16:
        return "", pos
    noun = m.group(2)
    if _POST_VERB_START.match(noun) or _ACTION_VERB.match(noun) or _NOT_NOUN.search(noun):
        return "", pos
    return noun, m.end()


def _modifier(cl: Clause, c: Candidate) -> str:
    """The name before a value that belongs to the noun after it: 实施了中心城区 / 推进东电 (the
    object of an action verb) or …风电、东电 (after the noun of the value before); else empty."""
    before = cl.text[_value_before(cl, c):c.start]
    m = re.search(r"(?:实施|完成|推进|推动|加快|启动|关停)好?了?([^、和及与]{2,8})$", before)
    previous = [g for g in cl.in_clause if g.text_end <= c.start]
    if not m and previous:
        noun, end = _item_noun(cl.text, previous[-1].text_end, cl.clause_end)
        if noun and cl.text[end:end + 1] in _SEPARATORS:
            m = re.fullmatch(r"([^、和及与]{2,8})", cl.text[end + 1:c.start])
    # 加快构建钢铝2条产业链: a second verb is no part of the name
    if not m or re.search(r"[0-9等]|建设|建成|投资", m.group(1)):
        return ""
    return _strip_phrase(re.sub(r"^(?:构建|打造|培育|发展|形成|建立|推进|实施)", "", m.group(1)))


def _value_before(cl: Clause, c: Candidate) -> int:
    """Where the text before ``c`` starts: the end of the value before it in the clause."""
    ends = [g.text_end for g in cl.in_clause if g.text_end <= c.start]
    return max(ends) if ends else cl.clause_start


def _linked(cl: Clause, a: Candidate, b: Candidate) -> bool:
    """``a`` and ``b`` are items of one list: only a separator between them (8条、12.3公里), or
    ``a``'s own noun and a separator (26公里供水、117公里供热)."""
    between = cl.text[a.text_end:b.start]
    if between in _SEPARATORS:
        return True
    noun, end = _item_noun(cl.text, a.text_end, cl.clause_end)
    return bool(noun) and end == b.start - 1 and cl.text[end] in _SEPARATORS


def _item_chain(cl: Clause) -> list[Candidate]:
    """The values linked with the one asked about into a list (itself alone when it has a noun)."""
    values = cl.in_clause
    k = values.index(cl.value)
    lo = hi = k
    while lo > 0 and _linked(cl, values[lo - 1], values[lo]):
        lo -= 1
    while hi + 1 < len(values) and _linked(cl, values[hi], values[hi + 1]):
        hi += 1
    chain = values[lo:hi + 1]
    if len(chain) == 1 and not _item_noun(cl.text, cl.value.text_end, cl.clause_end)[0]:
        return []
    return chain


def noun_after_count(cl: Clause) -> tuple[str, str]:
    """82个贫困村全部退出 -> 贫困村: a count names what it counts after it."""
    return _noun_after(cl) if cl.is_count else ("", "")


def noun_before_value(cl: Clause) -> tuple[str, str]:
    """地区生产总值增长5%: the phrase before the value."""
    if cl.only_separator:
        return "", ""
    return cl.resolver.from_phrase(cl.pre.lstrip("、和与及,，"))


def order_of_previous_list(cl: Clause) -> tuple[str, str]:
    """较2016年增长43.5%、50.2%: listed in the order of the previous 分别 subject."""
    in_clause = cl.in_clause
    if cl.memory.listed and len(in_clause) == len(cl.memory.listed):
        return cl.memory.listed[in_clause.index(cl.value)]
    return "", ""


def noun_after_value(cl: Clause) -> tuple[str, str]:
    """投入1.5亿元新建学校: a noun after an amount, when nothing before names it."""
    return ("", "") if cl.only_separator or cl.is_count else _noun_after(cl)


def previous_subject(cl: Clause) -> tuple[str, str]:
    """X达到5亿元、增长8%: the subject of the value before in the ;-segment."""
    return cl.memory.last


def _noun_after(cl: Clause) -> tuple[str, str]:
    post = _post_phrase(cl.text, cl.value.text_end, cl.clause_end)
    return cl.resolver.from_phrase(post) if post else ("", "")


SUBJECT_RESOLVERS = (subject_of_fenbie, investment_of_projects, money_spent_on, noun_of_list_item, noun_after_count,
                     noun_before_value, order_of_previous_list, noun_after_value, previous_subject)


def resolve_subject(cl: Clause, resolvers=SUBJECT_RESOLVERS) -> tuple[str, str]:
    """(indicator, as written) from the first resolver that finds a usable one (not a fragment
    such as 了中心城区 or 28104元, see :func:`.quantity_label.usable_indicator`); remembered for
    the values after it in the ;-segment.  None: empty, as for any unknown subject."""
    for resolver in resolvers:
        indicator, written = resolver(cl)
        if indicator and not usable_indicator(indicator):
            # 使2.58万户, 向全国推广37项: what the value measures is not written where the
            # resolvers look; the resolvers after it (the values before, …) would only guess
            cl.memory.last = ("", "")
            return "", ""
        if indicator:
            cl.memory.last = (indicator, written)
            return indicator, written
    return "", ""
