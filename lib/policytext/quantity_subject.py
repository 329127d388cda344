"""Subject step of the quantities pipeline: which indicator a value measures.

:func:`resolve_subject` asks an ordered list of named resolvers (:data:`SUBJECT_RESOLVERS`)
and takes the first indicator one of them finds.  Each resolver sees a :class:`Clause`: the
value, the text before it in its clause, the rows of its sentence so far and what the
previous values of its ;-segment were about.  The indicator is a registry name when the
phrase names a known indicator (only place words before it, only predicate words such as
首次突破 / 年均增长 / 控制在 between it and the number); otherwise the noun phrase as
:mod:`.quantity_nouns` cleans it.  A value inside a noun phrase (3500万元的供水管网改造,
中心城区26公里供水) measures the noun after it (:func:`noun_of_list_item`).  A resolver's answer
that is a fragment, not a name (:func:`.quantity_label.usable_indicator`), ends the search: the
indicator stays empty, as for any unknown subject.
"""
from __future__ import annotations

import re

from .numbers import MEASURE_WORDS, base_unit, unit_kind
from .quantity_clause import SEPARATORS as _SEPARATORS, Clause, SubjectMemory, clause_of
from .quantity_label import usable_indicator
from .quantity_nouns import (ACTION_VERB, BARE_MEASURE, LEADING_RE, MAX_NAME, PREDICATE_RE,
                             PREDICATES, PRODUCED, SPLIT_COORD, STAGES, SUBJECT_MEASURED, IndicatorResolver,
                             expand_coordination, item_noun, post_phrase, predicate_follows, spending_indicator,
                             strip_phrase, strip_phrase_keep_coord)
from .quantity_increments import (INCREMENTS, NEW_VERBS, increment_reaches, new_ones_after_threshold,
                                  total_of_new_ones_before, total_of_subject_before, with_increment)
from .quantity_scope import within_part
from .quantity_works import NARROWING_OPENS, inherits_work, task_of_work_before
from .quantity_ratios import income_ratio, share_of_sector
from .quantity_spans import BENCHMARK_GAP, Candidate

__all__ = ["Clause", "IndicatorResolver", "ONE_FOR_BOTH", "SUBJECT_RESOLVERS", "SubjectMemory", "clause_of",
           "resolve_subject", "share_of_sector", "income_ratio",
           "subject_of_fenbie", "both_halves_at_once", "investment_of_projects", "money_spent_on", "noun_after_count",
           "noun_before_value", "order_of_previous_list", "noun_after_value", "previous_subject", "noun_of_list_item",
           "share_used_for", "share_of_noun_after", "share_of_value_before", "subject_of_clause_before", "subject_of_clause_head",
           "subject_listed_in_order", "subject_compared_with_benchmark",
           "stage_of_subject_before", "total_of_subject_before", "total_of_new_ones_before", "subset_named_after"]

# ------------------------------------------------------------------ helpers of the resolvers


def _distinct_subjects(rows: list[dict], n: int) -> list[tuple[str, str]]:
    """The indicators of the last ``n`` values, when they are ``n`` different ones."""
    last = [(r["indicator"], r["indicator_text"]) for r in rows[-n:]]
    if len(last) == n and all(ind for ind, _ in last) and len({ind for ind, _ in last}) == n:
        return last
    return []


# 完成投资436亿元, 年度计划投资480亿元: the investment of the projects just counted
_BARE_INVESTMENT = re.compile(r"(?:年度|全年|当年|累计)?(?P<verb>计划|完成|实际完成)?投资(?:额)?")
_THRESHOLD_PREFIX = re.compile(r"^(?:[0-9.]+)?[万亿千百]*元(?:以上|及以上)")
_TOTAL_INVESTMENT = re.compile(r"(?<=..)总?投资$")      # 异地安置工程投资, …项目总投资


def _investment_of_projects(pre: str, previous: dict, resolver: IndicatorResolver) -> tuple[str, str]:
    """实施亿元以上重点项目215个，完成投资436亿元 -> 重点项目完成投资; 总投资18.8亿元的异地安置工程，
    当年完成投资6.87亿元 -> 异地安置工程完成投资 (what was done of a total is not the total)."""
    phrase = PREDICATE_RE.sub("", re.sub(r"^[,，、和及与并共]+", "", pre.strip()))
    m = _BARE_INVESTMENT.fullmatch(phrase)
    written = previous.get("indicator_text") or ""
    # (not after an indicator the registry knows: 完成投资 of 固定资产投资 is the same figure's kind)
    total = (_TOTAL_INVESTMENT.search(written) if m and m.group("verb")
             and previous.get("indicator") not in resolver.registry else None)
    if not m or not written or (previous.get("measure") != "count" and not total):
        return "", ""
    noun = _THRESHOLD_PREFIX.sub("", written[:total.start()] if total else written)
    if not noun:
        return "", ""
    written = noun + (m.group("verb") or "").replace("实际", "") + "投资"
    return resolver.registry.canonical(written), written


_BREAK_CHARS = frozenset(",，;；:：。！？!?\n")


def _fenbie_items(text: str, clause_start: int, fenbie: int, n: int) -> list[str]:
    """The coordinated subject of 分别: 城镇和农村居民人均可支配收入分别达到…; when the
    clause before 分别 holds only a baseline (较重组前分别增长), the previous clause."""
    subject = strip_phrase_keep_coord(text[clause_start:fenbie])
    subject = re.sub(r"(?:较|比(?![重例率])|与|同)[^,，;；]{0,8}(?:年|前|期|时)?(?:相比)?$", "", subject)
    if not subject:
        end = max(clause_start - 1, 0)
        start = end
        while start > 0 and text[start - 1] not in _BREAK_CHARS:   # back to the clause before only
            start -= 1
        subject = strip_phrase_keep_coord(text[start:end])
    return expand_coordination(subject, n) if subject else []


# ------------------------------------------------------------------ resolvers, in the order asked


def subject_of_fenbie(cl: Clause) -> tuple[str, str]:
    """城镇和农村居民人均可支配收入分别达到X元、Y元: the n-th item of the subject before 分别;
    A达到X元，B达到Y元，分别增长a%和b%: the subjects of the values before."""
    fenbie = cl.clause_pre.find("分别")
    if fenbie < 0:
        return "", ""
    at = cl.clause_start + fenbie
    after = [g for g in cl.in_clause if g.start >= at]
    k = next((i for i, g in enumerate(after) if g is cl.value), -1)
    if len(after) < 2 or k < 0:
        return "", ""
    # a figure is never a subject: 收入分别完成37820元、28104元，同比分别增长6.5%、9.4%
    items = [it for it in _fenbie_items(cl.text, cl.clause_start, at, len(after)) if not re.search(r"[0-9０-９]", it)]
    if len(items) == 1:     # 医疗废物、生活垃圾、城市污水处理能力…，处理率分别达到95%、85%、80%
        items = _items_of_clause_before(cl.previous_clause, items[0], len(after)) or items
    if len(items) == len(after):
        per = _PER_BASE.match(items[0])         # 每千人托位、养老床位数: both per 1,000 people
        items = [items[0]] + [it if not per or it.startswith("每") else per.group() + it for it in items[1:]]
        resolved = [cl.resolver.from_phrase(it, percent=cl.is_percent) for it in items]
    elif not strip_phrase(cl.text[cl.clause_start:at]):
        listed = _listed_in_clause_before(cl.previous_clause, len(after))
        resolved = ([cl.resolver.from_phrase(it, percent=cl.is_percent) for it in listed] or
                    _distinct_subjects([r for r in cl.rows if cl.segment_start <= r["start"] < cl.clause_start],
                                       len(after)))
    else:
        return "", ""
    if not resolved:
        return "", ""
    if cl.is_percent and _SHARE_OF_PLAN.match(cl.text[at + 2:after[0].start].strip()):
        # 城镇新增就业、新增发放创业担保贷款分别完成年计划的118.2%、248.57%: how much of each plan was done
        resolved = [(cl.resolver.registry.canonical(f"{written or name}完成率"), f"{written or name}完成率")
                    for name, written in resolved]
    cl.memory.listed = resolved
    # 分别增长7%、8%以上: the relation word after the last value covers all
    if after[-1].relation != "=" and cl.value.relation == "=":
        cl.value.relation = after[-1].relation
    return resolved[k]


_PER_BASE = re.compile(r"每(?:[0-9０-９]+|[十百千万]+)(?:人口|人|户)")


# 城镇和农村居民人均可支配收入 / 城镇、农村常住居民… / 城镇常住居民…、农村牧区常住居民…: the two halves
# of one subject; 均 is not 年均 or 人均 (人均可支配收入 holds a 均)
_HALVES = re.compile(r"城镇(?P<a>[\u4e00-\u9fff]{0,14}?)[、和与及]农村(?:牧区)?(?P<b>[\u4e00-\u9fff]{2,14}?)"
                     r"(?=分别|(?<![年人])均|$)")
ONE_FOR_BOTH = r"(?:分别|(?<![年人])均)(?:同比|比上年)?(?:增长|提高|增加|达到|达|上涨)?"
_ONE_FOR_BOTH = re.compile(ONE_FOR_BOTH + "$")


def both_halves_at_once(cl: Clause) -> tuple[str, str]:
    """城镇、农村常住居民人均可支配收入均增长8% / 城镇和农村居民人均可支配收入分别达X元、Y元,
    分别同比增长7.8%: one value for both halves, named for the whole (城乡居民人均可支配收入),
    which attainment.both_halves gives to each half."""
    marker = _ONE_FOR_BOTH.search(cl.clause_pre)
    if marker is None or any(g.start > cl.value.start for g in cl.in_clause):
        return "", ""
    subject = cl.clause_pre[:marker.start()]
    pair = _HALVES.search(subject) or (None if strip_phrase(subject) else _HALVES.search(cl.previous_clause))
    if pair is None or pair["a"] not in ("", pair["b"], pair["b"].removeprefix("常住")):
        return "", ""
    return cl.resolver.from_phrase("城乡" + pair["b"].removeprefix("常住"), percent=cl.is_percent)


def _listed_in_clause_before(previous: str, n: int) -> list[str]:
    """养老金、低保标准、生活补贴和工资再次提高，月人均分别提高221元、90元…: with no subject before
    分别, the n items a clause without figures lists before saying how they went."""
    went = _HOW_IT_WENT.search(previous)
    if not went or re.search(r"[0-9０-９]", previous):
        return []
    items = [strip_phrase(it) for it in SPLIT_COORD.split(previous[:went.start()])]
    return items if len(items) == n and all(2 <= len(it) <= 16 for it in items) else []


def _items_of_clause_before(previous: str, subject: str, n: int) -> list[str]:
    """The n items a one-item subject of 分别 is about, listed in the clause before, each with
    that subject: 医疗废物、生活垃圾、城市污水处理能力不断提高，处理率分别… -> 医疗废物处理率,
    生活垃圾处理率, 城市污水处理率. The last item must run into the subject's stem (处理), which
    says where it ends; else empty."""
    stem = subject[:-1]
    parts = previous.split("、")
    if len(subject) < 3 or len(parts) != n:
        return []
    at = parts[-1].find(stem)
    items = [strip_phrase(p) for p in parts[:-1] + [parts[-1][:at]]] if at > 0 else []
    return [item + subject for item in items] if all(len(item) >= 2 for item in items) else []


def subject_compared_with_benchmark(cl: Clause) -> tuple[str, str]:
    """规上工业增加值增长6.7%、高于全国0.8个百分点 / 居民收入增速比全国平均水平高1.2个百分点: the
    distance from a benchmark's figure is about the name before the comparison, else about the
    subject of the value before."""
    gap = BENCHMARK_GAP.search(cl.pre)
    if not gap:
        return "", ""
    before = cl.pre[:gap.start()].strip("、，,和 ")
    named = cl.resolver.from_phrase(before, percent=True) if before else ("", "")
    return named if named[0] else cl.memory.last


def investment_of_projects(cl: Clause) -> tuple[str, str]:
    """实施亿元以上重点项目215个，完成投资436亿元 -> 重点项目完成投资."""
    if not cl.value.unit.endswith("元") or not cl.rows:
        return "", ""
    return _investment_of_projects(cl.pre, cl.rows[-1], cl.resolver)


def money_spent_on(cl: Clause) -> tuple[str, str]:
    """累计投入2.13亿元开展农村人居环境整治 -> 农村人居环境整治投入."""
    if not cl.value.unit.endswith("元"):
        return "", ""
    return spending_indicator(cl.text, cl.pre, cl.value.text_end, cl.clause_end, cl.previous_clause)


def noun_of_list_item(cl: Clause) -> tuple[str, str]:
    """投资3500万元的二三级供水管网改造、3800万元的背街巷道改造 -> 二三级供水管网改造投资,
    背街巷道改造投资; 实施了中心城区26公里供水、117公里供热 -> 中心城区供水, 供热; 完成了老城区
    8条、12.3公里道路提升改造 -> 老城区道路提升改造 (both); 推进东电2×35万千瓦热电联产项目
    -> 东电热电联产项目: a value inside a noun phrase measures the noun after it."""
    if base_unit(cl.value.unit) in _DURATIONS or unit_kind(cl.value.unit) == "rate":
        return "", ""                    # a rate (a length of time) names what it measures before it
    chain, k = _item_chain(cl)
    if not chain:
        return "", ""
    noun = next((n for n in (item_noun(cl.text, c.text_end, cl.clause_end)[0] for c in chain[k:]) if n), "")
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
        written = with_increment(head, _modifier(cl, chain[shared]) + noun)     # 新增8个…: the new ones
    return cl.resolver.registry.canonical(written), written


_DURATIONS = frozenset(["个月", "个季度", "个工作日"])     # lengths of time: not things counted
# 年销售收入超10亿元的龙头企业, 吞吐量实现183万人次的历史性突破: a relation word before the
# value: it measures the phrase before it
_RELATION_END = re.compile(r"(?:达到|达|突破|超过|超|逾|增至|增长|增加|提高到?|提升到?|下降|降至|降到|减少|控制在|"
                           r"不少于|不低于|不超过|不高于|低于|高于|多于|少于|"
                           r"保持在|稳定在|为|是|占|近|约|共|累计|由|从|人均|每|实现)$")
_ITEM_SPEND = re.compile(r"(?:总|计划|累计)?(投资|投入)$")
def _modifier(cl: Clause, c: Candidate) -> str:
    """The name before a value that belongs to the noun after it: 实施了中心城区 / 推进东电 (the
    object of an action verb) or …风电、东电 (after the noun of the value before); else empty."""
    before = cl.text[_value_before(cl, c):c.start]
    m = re.search(r"(?:实施|完成|推进|推动|加快|启动|关停)好?了?([^、和及与]{2,8})$", before)
    previous = [g for g in cl.in_clause if g.text_end <= c.start]
    if not m and previous:
        noun, end = item_noun(cl.text, previous[-1].text_end, cl.clause_end)
        if noun and cl.text[end:end + 1] in _SEPARATORS:
            m = re.fullmatch(r"([^、和及与]{2,8})", cl.text[end + 1:c.start])
    # 加快构建钢铝2条产业链: a second verb is no part of the name
    if not m or re.search(r"[0-9等]|建设|建成|投资", m.group(1)):
        return ""
    return strip_phrase(re.sub(r"^(?:构建|打造|培育|发展|形成|建立|推进|实施)", "", m.group(1)))


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
    noun, end = item_noun(cl.text, a.text_end, cl.clause_end)
    return bool(noun) and end == b.start - 1 and cl.text[end] in _SEPARATORS


def _item_chain(cl: Clause) -> tuple[list[Candidate], int]:
    """The values linked with the one asked about into a list (itself alone when it has a noun),
    and its position in it."""
    values = cl.in_clause
    k = cl.in_clause_index
    lo = hi = k
    while lo > 0 and _linked(cl, values[lo - 1], values[lo]):
        lo -= 1
    while hi + 1 < len(values) and _linked(cl, values[hi], values[hi + 1]):
        hi += 1
    chain = values[lo:hi + 1]
    if len(chain) == 1 and not item_noun(cl.text, cl.value.text_end, cl.clause_end)[0]:
        return [], -1
    return chain, k - lo


def noun_after_count(cl: Clause) -> tuple[str, str]:
    """82个贫困村全部退出 -> 贫困村: a count names what it counts after it; 12类45件民生实事:
    a count right before another counts, by other units, what that one counts."""
    if not cl.is_count or base_unit(cl.value.unit) in _DURATIONS or cl.pre.endswith(("由", "从")):
        return "", ""     # 连续5个季度居全国前列: no thing counted; 中职学校由71所优化整合为47所: named before
    count = next((g for g in cl.group if g.start == cl.value.text_end and base_unit(g.unit) in MEASURE_WORDS), cl.value)
    return _noun_after(cl, count)


def stage_of_subject_before(cl: Clause) -> tuple[str, str]:
    """项目新开工43个、竣工38个 -> 项目竣工; 建成过江通道4座、在建8座 -> 过江通道在建: a bare stage after 、
    counts the things of the value before (in its unit) at that stage. The stage follows their name, in
    place of one written with them (one before a noun is a verb the subject step drops)."""
    stage, k, last = _STAGE.fullmatch(cl.pre), cl.index, cl.memory.last[1]
    if not stage or k == 0 or not last or base_unit(cl.group[k - 1].unit) != base_unit(cl.value.unit):
        return "", ""
    return cl.resolver.from_phrase(_STAGE_AROUND.sub("", last) + stage[1], percent=cl.is_percent)


_STAGE = re.compile(f"、({STAGES})")
_STAGE_AROUND = re.compile(f"^{STAGES}(?=..)|(?<=..){STAGES}$")     # 新开工项目, 项目新开工


def noun_before_value(cl: Clause) -> tuple[str, str]:
    """地区生产总值增长5%: the phrase before the value; 城镇 or 农村 alone, after a clause about a
    城乡 subject (城乡最低生活保障标准逐年提高，城镇年人均提高600元), is that subject's half."""
    if cl.only_separator:
        return "", ""
    pre = cl.pre.lstrip("、和与及,，")
    first = cl.in_clause[0]
    if (cl.pre.startswith("、") and first is not cl.value and not _MEASURED.search(pre)
            and not PREDICATE_RE.fullmatch(pre) and PRODUCED.match(cl.text[cl.clause_start:first.start])):
        pre = "生产" + pre         # 生产原油239万吨、天然气56.5亿立方米: each item is an output
    elif (cl.pre.startswith("、") and first is not cl.value and not ACTION_VERB.match(pre) and inherits_work(pre)
          and (unit_kind(first.unit) == "money") == (unit_kind(cl.value.unit) == "money")
          and (worked := NARROWING_OPENS.match(cl.text, cl.clause_start, first.start))
          and (worked.group("verb") not in NEW_VERBS or increment_reaches(cl, first, pre))):
        # 改造城镇老旧小区7323个、棚户区5.2万套: each item is worked on (各类管网: 各类 is no part of it;
        # 新增项目989个、释放产值1500亿元: money is no item of a count)
        pre = worked.group("verb") + LEADING_RE.sub("", pre)
    name, written = cl.resolver.from_phrase(new_ones_after_threshold(cl, pre), percent=cl.is_percent)
    if _STEPS_END.search(written):
        return "", ""              # 连跨4个万亿元台阶、双双突破9万亿元: the steps say how it went
    if BARE_MEASURE.fullmatch(written):
        return _measure_of_subject_before(cl, written) or (name, written)
    if written not in ("城镇", "农村"):
        return name, written
    halves = _CHENGXIANG_SUBJECT.findall(cl.text, cl.segment_start, cl.clause_start)
    return cl.resolver.from_phrase(written + halves[-1], percent=cl.is_percent) if halves else (name, written)


_MEASURED = re.compile(r"[量率额值]$")
# steps and thresholds crossed (连跨4个万亿元台阶, 突破千亿大关): how a value went, never its name
_STEPS = "(?:台阶|大关)"
_STEPS_END = re.compile(_STEPS + "$")


def _measure_of_subject_before(cl: Clause, written: str) -> tuple[str, str] | None:
    """推动林下经济面积达260万亩、产值达130亿元: a bare measure right after the value of another
    measure of a subject is that subject's (林下经济产值). Not after an indicator the registry
    knows (工业增加值增长5%、投资增长3%: whose 投资 is not written)."""
    k = cl.index
    last_name, last_written = cl.memory.last
    if k == 0 or not last_written or last_name in cl.resolver.registry:
        return None
    between = cl.text[cl.group[k - 1].text_end:cl.value.start]
    m = SUBJECT_MEASURED.fullmatch(last_written)
    predicates = f"(?:{PREDICATES})?"         # (实现产值2.5亿元, 产值达130亿元)
    if m is None or not re.fullmatch(r"(?:以上|左右|以下|以内)?[、,，]" + predicates + re.escape(written) + predicates,
                                     between):
        return None
    return cl.resolver.from_phrase(m["subject"] + written, percent=cl.is_percent)


# 城乡最低生活保障标准逐年提高，: a clause about a subject whose halves the clauses after it give
_CHENGXIANG_SUBJECT = re.compile(r"城乡([\u4e00-\u9fff]{2,12}?)(?:逐年|不断|持续|稳步|再次|均)?(?:提高|提升|增长|增加|上调)[，,]")


def order_of_previous_list(cl: Clause) -> tuple[str, str]:
    """较2016年增长43.5%、50.2%: listed in the order of the previous 分别 subject, when the values
    before in the clause took it too (in 进出口总值达到5379亿元、增长18.5%, the first names its own)."""
    in_clause, listed = cl.in_clause, cl.memory.listed
    i = cl.in_clause_index
    if not listed or len(in_clause) != len(listed) or (i and [r["indicator"] for r in cl.rows[-i:]] !=
                                                       [name for name, _ in listed[:i]]):
        return "", ""
    return listed[i]


def noun_after_value(cl: Clause) -> tuple[str, str]:
    """投入1.5亿元新建学校: a noun after an amount, when nothing before names it."""
    return ("", "") if cl.only_separator or cl.is_count else _noun_after(cl, cl.value)


# 其中56项为全国首创 / 其中4条实现通车: a part of the previous total, said by what follows it
_SUBSET_PREDICATE = re.compile(r"(?:为|是|已|均)?([\u4e00-\u9fff]{2,8})(?=$|[，,；;。、])")


def subset_named_after(cl: Clause) -> tuple[str, str]:
    """累计推出259项制度创新成果，其中56项为全国首创: a value right after 其中 counts a part of the
    subject before it, the part that the words after the value name (全国首创的制度创新成果)."""
    whole = cl.memory.last[1]
    if cl.pre.strip(" ,，、") != "其中" or not whole:
        return "", ""
    said = _SUBSET_PREDICATE.match(cl.text, cl.value.text_end, cl.clause_end)
    return (f"{said.group(1)}的{whole}",) * 2 if said else ("", "")


def previous_subject(cl: Clause) -> tuple[str, str]:
    """X达到5亿元、增长8%: the subject of the value before in the ;-segment; not for a count of a
    noun written after it (在14个市州城区…) or a share of one (90%的县医院): what those measure is
    written, though not where the resolvers above could read it."""
    after = cl.text[cl.value.text_end:cl.clause_end]
    if after.startswith("的") or (cl.is_count and _HAN_PAIR.match(after) and not predicate_follows(after)):
        return "", ""            # (4条实现通车, 183人全部脱贫: a predicate; the subject is before)
    # 完成投资6.1亿元，开工25.9万平方米: an area is no investment (but 补助金2.4万人次、3250.4万元
    # and 道路23条、163公里, side by side, are two measures of one thing)
    k = cl.index
    if k and not cl.only_separator and "rate" not in (kind := unit_kind(cl.value.unit),
                                                      before := unit_kind(cl.group[k - 1].unit)) and kind != before:
        return "", ""
    return cl.memory.last


_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


def _noun_after(cl: Clause, value: Candidate) -> tuple[str, str]:
    """The name of the noun phrase after ``value`` in the clause."""
    post = post_phrase(cl.text, value.text_end, cl.clause_end)
    return cl.resolver.from_phrase(with_increment(cl.pre, post)) if post else ("", "")


def share_used_for(cl: Clause) -> tuple[str, str]:
    """财政支出80%以上用于民生: the share of the amount before the value that goes to what follows
    用于 (财政支出用于民生比重)."""
    if not cl.is_percent or cl.only_separator:
        return "", ""
    used = _USED_FOR.match(cl.text, cl.value.text_end, cl.clause_end)
    if not used:
        return "", ""
    _, amount = cl.resolver.from_phrase(cl.pre)
    if not amount:
        return "", ""
    written = f"{amount}用于{used.group(1)}比重"
    return cl.resolver.registry.canonical(written), written


def share_of_noun_after(cl: Clause) -> tuple[str, str]:
    """90%的县医院达到三级医院服务能力水平 -> 县医院达到三级医院服务能力水平占比: a percent before 的,
    with no subject or change before it, is the share of what the rest of its clause says."""
    # (60%公办中小学校纳入集团化管理: without 的 when the value opens its clause)
    de = cl.text.startswith("的", cl.value.text_end)
    start = cl.value.text_end + de
    if (not cl.is_percent or not (de or not cl.pre.strip() and _HAN_PAIR.match(cl.text, start)) or cl.pre.endswith("前")
            or _NOT_A_SHARE_OF.match(cl.text, start) or _SUBJECT_OR_CHANGE.search(cl.pre)):
        return "", ""            # (排名前1%的学科: a rank)
    # the whole rest of the clause: 80%以上的行政村集体经济收入达到10万元以上 and 20%的…达到20万元以上
    # are two shares
    written = re.sub(r"[“”\"]", "", cl.text[start:cl.clause_end]).strip()[:MAX_NAME]
    if len(written) < 2:
        return "", ""
    return cl.resolver.registry.canonical(written + "占比"), written + "占比"


# 增长8%的目标, 7%左右的增速: the value is the goal or rate itself; 占…的60%, 增长…的: the value has
# its subject or change before it
_NOT_A_SHARE_OF = re.compile(r"目标|任务|水平|增长|增速|速度|幅度|比例|比重|份额|标准|提高|下降|年均")
_SUBJECT_OR_CHANGE = re.compile(r"[\u4e00-\u9fff]{2,}(?:率|比|量|额|值|数)|增长|增加|提高|提升|下降|降低|减少|增速|增幅|涨幅|占")


_USED_FOR = re.compile(r"用于([\u4e00-\u9fff]{2,8}?)(?:领域|方面|事业)?(?=[,，;；。]|$)")


def share_of_value_before(cl: Clause) -> tuple[str, str]:
    """投入民生资金6.8亿元，占地方财政总支出的47.5%: a share whose subject is the value before."""
    pre = cl.pre.lstrip("、,，和及")
    share = _SHARE_OF_WHAT.match(pre) or _SHARE_OF_PLAN.match(pre)
    last_name, last_written = cl.memory.last
    if not share or not last_name or not cl.is_percent:
        return "", ""
    of_what = share.group(1)
    # 占年度计划的110%, 为预算的102%: the share of a plan that was done
    written = (f"{last_written or last_name}{of_what}完成率" if _PLAN_WORD.search(of_what)
               else f"{last_written or last_name}占{of_what}比重")
    return cl.resolver.registry.canonical(written), written


_SHARE_OF_WHAT = re.compile(r"占([^,，;；。0-9]{2,12}?)(?:的|的比重|比重)?(?:为|达到|达)?$")
_PLAN_WORD = re.compile(r"(?:预算|计划|目标|任务)$")
_SHARE_OF_PLAN = re.compile(r"(?:为|是|达到?|完成)((?:年度|全年|年)?(?:预算|计划|目标任务|目标|任务))的?$")


def subject_of_clause_before(cl: Clause) -> tuple[str, str]:
    """新农合参合率再创新高，达到98.5%: a clause that says how something went, with no figure,
    names the subject of the value in the next clause."""
    if (not _ONLY_HOW_MUCH.match(cl.pre.strip()) or re.search(r"[0-9０-９]", cl.previous_clause)
            or cl.in_clause[0] is not cl.value):
        return "", ""
    went = _HOW_IT_WENT.search(cl.previous_clause)
    if not went:
        return "", ""
    subject = cl.previous_clause[:went.start()]
    if "、" in subject:      # 生活补贴、环卫工人工资再次提高，年人均增加2400元: one value for a list
        return cl.resolver.registry_name(subject.split("、")[0]) or ("", "")
    name, written = cl.resolver.from_phrase(subject, percent=cl.is_percent)
    return (name, written) if 2 <= len(written) <= 16 else ("", "")


# what may stand before the value: how much, not what was done (累计完成投入33.4亿元 is a sum)
_ONLY_HOW_MUCH = re.compile(r"(?:全年|平均|年均|年?人均|月人均)?(?:达到|达|为|提高到?|增长|增加|突破|超过|提升[至到]|升至|增至)?$")
# how a clause says something went, at its end: 再创新高, 逐年提高, 持续增长 …
_HOW_IT_WENT = re.compile(r"(?:再创|创历史|创)新高|(?:不断|稳步|持续|继续|逐年|进一步|明显|显著|大幅|较快|快速|平稳|再次)"
                          r"(?:提高|提升|增长|增加|上升)|稳中有升$|"
                          # 地区生产总值连跨两个万亿元台阶，年均增长5.7%
                          r"(?:连跨|跨上|迈上|站上|跃上|突破)[^,，;；]{0,8}" + _STEPS + "$")


def subject_listed_in_order(cl: Clause) -> tuple[str, str]:
    """每千人床位数、执业(助理)医师数增至7.83张、3.57个: as many items listed (、和及与, or 城乡) as
    values listed right after them are read in order, 分别 unwritten."""
    if len(cl.in_clause) < 2 or "分别" in cl.clause_pre:     # (the value is always in its clause)
        return "", ""
    items = cl.once("listed items", lambda: _items_listed(cl))
    return cl.resolver.from_phrase(items[cl.in_clause_index], percent=cl.is_percent) if items else ("", "")


def _items_listed(cl: Clause) -> list[str]:
    """The items listed before the values of the clause, one for each, or [] (the same for all
    its values)."""
    values = cl.in_clause
    if any(cl.text[a.text_end:b.start] not in _SEPARATORS for a, b in zip(values, values[1:])):
        return []
    head = strip_phrase_keep_coord(PREDICATE_RE.sub("", cl.text[cl.clause_start:values[0].start]))
    # the items share the head the last one holds; 城乡… is 城镇… and 农村…
    items = [strip_phrase(it) for it in expand_coordination(head, len(values))]
    if len(items) != len(values) or not all(len(it) >= 2 for it in items):
        return []
    return items


def subject_of_clause_head(cl: Clause) -> tuple[str, str]:
    """地区生产总值连续迈上4个万亿元台阶、达14.2万亿元、年均增长5.7%: after a count of steps (the
    object of the clause's verb), a value with only how much before it measures the known
    indicator that opens the clause."""
    first = cl.in_clause[0]
    if (first is cl.value or base_unit(first.unit) not in MEASURE_WORDS
            or not _HOW_MUCH_AFTER.match(cl.pre.strip())):
        return "", ""
    # (连续 says how often here, not for how long: 连续24个月 stays a duration elsewhere)
    head = cl.text[cl.clause_start:first.start].replace("连续", "")
    known = cl.resolver.registry_name(head)
    if known:
        return known
    # 人民币存款、贷款余额连跨4个万亿元台阶、双双突破9万亿元: the count is of steps crossed, so
    # what crossed them, named or not, is measured
    steps = re.match(r"[^、，,]{0,8}" + _STEPS, cl.text[first.text_end:cl.value.start])
    return cl.resolver.from_phrase(head) if steps else ("", "")


# what may stand between the value before and this one: the noun the count before counts, a
# separator, and how much (…4个万亿元台阶、达14.2万亿元、年均增长5.7%)
_HOW_MUCH_AFTER = re.compile(r"[^、，,和0-9]{0,8}[、，,和](?:年均|同比|全年|双双)?(?:达到|达|为|增长|增加|突破|超过|提高到?|增至|升至)?$")

SUBJECT_RESOLVERS = (share_of_sector, income_ratio, subject_of_fenbie, both_halves_at_once,
                     subject_compared_with_benchmark, investment_of_projects, money_spent_on, noun_of_list_item,
                     noun_after_count, share_used_for, share_of_noun_after, share_of_value_before,
                     subject_listed_in_order, subject_of_clause_head, stage_of_subject_before,
                     total_of_subject_before, noun_before_value, subject_of_clause_before, order_of_previous_list,
                     noun_after_value, subset_named_after, total_of_new_ones_before, previous_subject)


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
            indicator, written = within_part(cl, indicator, written)
            if cl.value.attribute:
                indicator, written = _attribute_name(cl, indicator, written)
            if work := task_of_work_before(cl.text, cl.value.start, written):   # 完成…户改造任务
                indicator, written = cl.resolver.from_phrase(work, percent=cl.is_percent)
            if resolver is not share_of_sector:     # one part of a ratio names no later value
                cl.memory.last = (indicator, written)
            return indicator, written
    return "", ""


def _attribute_name(cl: Clause, indicator: str, written: str) -> tuple[str, str]:
    """A threshold's name: no 新增 (新增年销售收入超亿元的企业100家: the firms are new) and no registry
    name (经济总量超500亿元的县域 is the counties', not the place's 地区生产总值); a run's length keeps
    the name of what ran (规模以上工业增加值连续30个月…)."""
    if written.startswith(INCREMENTS):
        indicator, written = cl.resolver.from_phrase(written[2:], percent=cl.is_percent)
    if indicator in cl.resolver.registry and base_unit(cl.value.unit) not in _DURATIONS:
        return written, written
    return indicator, written
