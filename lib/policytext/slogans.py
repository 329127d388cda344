"""Numbered slogans (数字口号): 四个意识, 两个维护, 三新一高, 一核三带, “四强”, “2+6+N”.

Chinese policy language packs programmes into numbered formulas. They are
found in two steps:

1. Detection, with rules (no list of known slogans):
   - count + 个 + noun (kind "count_noun"): 四个意识, 两个确立, 五个提升. Outside
     quotes the numeral must be 两..十 (一个 is an article), the noun exactly two
     characters, and not a generic noun (四个方面, 三个月, 两个百分点 are not
     slogans: GENERIC_NOUNS). Inside quotes the whole quoted item is taken.
   - alternation (kind "alternation"): numeral, 1–2 characters, numeral, 1–2
     characters (optionally a third pair): 三新一高, 一核三带, 三地两点, 两学一做,
     两不愁三保障. Outside quotes both parts have the same length (parallelism
     tells where the slogan ends) and must differ; parts starting with a unit or
     function character (一批又一批, 一年一度, 一步一个脚印) and numeral idioms
     (千方百计, 四面八方: IDIOMS) are rejected. 一带一路 is kept on purpose: it is a
     named initiative built exactly like these slogans.
   - numeral + word inside quotes (kind "numeral_word"): “四强”, “三化”, “双碳”,
     “三大革命”. Rejected: a numeral followed by a unit or function character
     (“三年行动” is a duration, “一是” an enumeration), party congresses (二十大),
     ordinary words that start with 一 (一体化, 一般, 一批: COMMON_YI).
   - formulas (kind "formula"): Arabic 2+6+N, 2+4, 1+N+X inside quotes, or
     before 产业/体系/模式/工程...
   - plan periods (kind "plan_period", reported only with plan_periods=True):
     十四五, 十三五, “八五” are five-year periods, not slogans.
   Never slogans: 第十四次 (an ordinal: no rule fires after 第), 一般, 统一, 五年,
   一年来, 二十大.
   Detection uses no list; a short list of national formulas (NATIONAL_SLOGANS) only marks
   them in the table, because one used in a single place is no local programme.
2. Counting: every detected slogan is then counted wherever it occurs in the
   corpus, quoted or not (a slogan detected once in quotes is still a slogan
   when a later sentence drops the quotes), not inside a longer number
   (十四五 does not count 四五), and not inside a longer detected slogan: the
   longest one holding an occurrence takes it (两河圣山 is not also counted as
   两河, 三公经费 not as 三公), as a reader counts them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .errors import ParameterError

__all__ = ["textstat_slogans", "detect_slogans", "Slogan", "SLOGAN_KINDS", "NATIONAL_SLOGANS"]

SLOGAN_KINDS = ("count_noun", "alternation", "numeral_word", "formula", "plan_period", "catchphrase")

NUM = "一二两三四五六七八九十百千万亿〇零双"
_N = f"[{NUM}]"
_HAN = "\u4e00-\u9fff"
_PART = f"[^{NUM}\\W\\d_A-Za-z]"    # a Han character that is not a numeral
_NOT_AFTER = rf"(?<![第{NUM}0-9０-９])"  # not inside a longer number or an ordinal

# Characters that cannot start the word after a numeral in a slogan: units, time words,
# measure words, function words (they make durations, counts, enumerations, idioms).
UNIT_CHARS = set("年月日天周季次届号时批个项件张条座家名岁倍成分秒元吨亩米级期场类是的了和与或及又比再接到至而也就都在把对向从为以于之其每各这那多余些"
                 "里兆瓦克")   # 万里长江, 千兆/万兆 (bandwidth), 千瓦, 千克: units too
GENERIC_NOUNS = frozenset("""
方面 时期 阶段 环节 领域 层次 层面 部门 单位 地方 县区 乡镇 村庄 社区 项目 重点 国家 城市
企业 方向 问题 季度 星期 小时 百分点 工作 平台 园区 产业 行业 板块 片区 中心 基地 街道 批次
方案 年度 指标 窗口 亿元 万元 渠道 步骤 因素 部分 群体 类型 维度 关键 特点 条件 标准 任务
""".split())
IDIOMS = frozenset("""
千方百计 千家万户 四面八方 五湖四海 三心二意 一清二楚 七上八下 四通八达 五花八门 三番五次
万紫千红 千军万马 一草一木 一针一线 一点一滴 一朝一夕 一言一行 一举一动 一砖一瓦 十全十美
一心一意 一五一十 九牛一毛 一干二净 三令五申 四平八稳 七嘴八舌 五颜六色 千山万水 千变万化
千丝万缕 千辛万苦 万水千山 一模一样 一生一世 一来二去 三三两两 一字一句 一丝一毫 一唱一和
一张一弛 一起一落 一上一下 一前一后 一左一右 一大一小 一多一少 百战百胜 百发百中 百依百顺
千姿百态 千锤百炼 千奇百怪 千疮百孔 千秋万代 万古千秋 三年五载 一言九鼎 一日千里 一本万利
一呼百应 一了百了 一目十行 一石二鸟 一举两得 一箭双雕 三头六臂 三言两语 三长两短 五光十色
十拿九稳 七零八落 一波三折 一日三秋 一传十 十传百 千头万绪 万无一失 千差万别 一刀两断
万众一心 一心一德 三从四德 一暴十寒 千载一时 十年磨一剑
""".split())
COMMON_YI = ("一体化", "一体", "一般", "一流", "一线", "一致", "一起", "一定", "一切", "一直",
             "一样", "一些", "一批", "一方面", "一道", "一律", "一同", "一味", "一旦", "一度",
             "一向", "一贯", "一级", "一并", "一系列", "一揽子", "一把手", "一站式", "一次性",
             "一手", "一心", "一时", "一再", "一举", "一面", "一下", "一把", "一套", "一环", "一股",
             "一路", "一带", "一件事", "一张图", "一盘棋", "一条龙", "一张网")

_QUOTED = re.compile(r"[“\"「『]([^”\"」』\n]{1,12})[”\"」』]")
_PLAN_PERIOD = re.compile("十?[一二三四五六七八九]五")
_PLAN_PERIOD_FREE = re.compile(_NOT_AFTER + "(十[一二三四五六七八九]五)(?=时期|规划|期间|末|初|以来|开局|收官)")
_FORMULA = re.compile(r"[0-9A-Za-z]*[0-9][0-9A-Za-z]*(?:\+[0-9A-Za-z]+)+|[0-9A-Za-z]+(?:\+[0-9A-Za-z]+)*\+[0-9][0-9A-Za-z]*")
_FORMULA_FREE = re.compile(r"(?<![0-9A-Za-z+])([0-9]+(?:\+[0-9A-Za-z]+)+)(?![0-9A-Za-z+])"
                           r"(?=\s*(?:产业|体系|模式|工程|布局|格局|框架|战略|政策|方案|发展|计划))")
_COUNT_NOUN_FREE = re.compile(_NOT_AFTER + f"([两二三四五六七八九十]{{1,3}})个([{_HAN}]{{2}})")
_ALTERNATION_QUOTED = re.compile(f"(?:{_N}{{1,2}}{_PART}{{1,3}}){{2,3}}")
_ALTERNATION_FREE = [re.compile(_NOT_AFTER + f"({_N}({_PART}{{{k}}}){_N}({_PART}{{{k}}})(?:{_N}({_PART}{{{k}}}))?)")
                     for k in (1, 2)]
_LEADING_NUM = re.compile(f"{_N}+")
# what makes count + 个 + two characters a count of places or buildings: 两个市民广场, 三个产业园区
_PLACE_AFTER = re.compile("广场|公园|园区|小区|大厦|大楼|医院|学校|场馆|街区|商圈")


# Formulas of the Party centre and the State Council that any formal political text may repeat
# (CPC documents and national work reports, 1990s-2025): where one place alone uses one, it is still
# no programme of that place's own. Only marks the table (`national`).
NATIONAL_SLOGANS = frozenset("""
四个全面 五位一体 四个意识 四个自信 两个维护 两个确立 两个一百年 三严三实 两学一做 八项规定 四风 一带一路
两不愁三保障 两不愁 三保障 三大攻坚战 六稳 六保 放管服 三去一降一补 五大发展理念 三新一高 两个结合
两个毫不动摇 三个代表 四个现代化 两个务必 三个务必 五个必由之路 三会一课 四种形态 三个区分开来 一岗双责
三重一大 两个责任 四下基层 三农 三公 三保 两新一重 两重 两新 十个明确 十四个坚持 五个统筹 六个必须坚持
两个大局 四个面向 千万工程 两山 双碳 双循环 三个转变 四个伟大 两个文明 两手抓 四项基本原则 三个有利于
三北 双控 双一流 双减 两个市场 两委
""".split())


@dataclass(frozen=True)
class Slogan:
    """A detected slogan occurrence: text, kind, clean-text offsets of the slogan itself."""
    text: str
    kind: str
    start: int
    end: int


# Items that start with a numeral character but count nothing: 零碳, 零关税, 零差率 (zero of
# something, a goal, not a numbered programme) and words that start with one (百姓, 万一).
_NO_COUNT = ("零", "百姓", "百货", "百科", "万一", "三角")     # 三角地商贸核心圈: a place (三角地)
# A count of events, no programme: “二十二连丰” (22 bumper harvests in a row), “五经普” (the 5th
# economic census), “七人普”.
_EVENT_COUNT = re.compile(f"{_N}+(?:连[{_HAN}]|[经人农]普)")


def _alternation_ok(parts: list[str], text: str, *, quoted: bool = False) -> bool:
    """Parts that differ, none starting with a unit (一场接一场, 一年一度), no idiom. In quotes a part
    may start with one when the numerals differ: “四级三类” (规划体系) is named so, 一年一度 is not."""
    units_ok = quoted and len(set(_LEADING_NUM.findall(text))) > 1
    return (len(set(parts)) == len(parts) and (units_ok or not any(p[0] in UNIT_CHARS for p in parts))
            and text not in IDIOMS and not text.startswith(_NO_COUNT))


def _classify_quoted(item: str) -> str | None:
    """Kind of a quoted item, or None when it is no numbered slogan."""
    if _PLAN_PERIOD.fullmatch(item):
        return "plan_period"
    if _FORMULA.fullmatch(item):
        return "formula"
    lead = _LEADING_NUM.match(item)
    if not lead or lead.end() == len(item) or not re.fullmatch(f"[{_HAN}]+", item) or len(item) > 8:
        return None
    nxt = item[lead.end()]
    if nxt == "个":
        return "count_noun" if lead.group() != "一" and len(item) > lead.end() + 1 else None
    if _ALTERNATION_QUOTED.fullmatch(item):
        parts = [p for p in re.split(_N + "+", item) if p]
        if _alternation_ok(parts, item, quoted=True):
            return "alternation"
    if nxt in UNIT_CHARS or item == lead.group() + "大" or item in IDIOMS or _EVENT_COUNT.fullmatch(item):
        return None
    if (lead.group() == "一" and item.startswith(COMMON_YI)) or item.startswith(_NO_COUNT):
        return None
    return "numeral_word"


def detect_slogans(text: str, *, catchphrases: bool = False) -> list[Slogan]:
    """Slogan occurrences the detection rules find in one text (see module doc).

    A declared exception to the naming rule: it reads one string, not a corpus, and returns
    Slogan records with offsets (the building block of textstat_slogans), so it is a plain verb.

    Quoted items are classified as a whole; unquoted text is searched with the
    stricter free-text rules. With catchphrases=True, other short quoted items
    (2–8 Han characters, no numeral: “放管服”, “揭榜挂帅”) come back as "catchphrase".
    """
    found: dict[tuple[int, int], Slogan] = {}
    quoted_spans = []
    for m in _QUOTED.finditer(text):
        item, s = m.group(1), m.start(1)
        quoted_spans.append((m.start(), m.end()))
        kind = _classify_quoted(item)
        if kind is None and catchphrases and re.fullmatch(f"[{_HAN}]{{2,8}}", item):
            kind = "catchphrase"
        if kind:
            found[(s, s + len(item))] = Slogan(item, kind, s, s + len(item))

    def inside_quotes(s: int) -> bool:
        return any(a <= s < b for a, b in quoted_spans)

    def add(s: int, e: int, kind: str) -> None:
        if not inside_quotes(s) and not any(a <= s < b or a < e <= b for a, b in found):
            found[(s, e)] = Slogan(text[s:e], kind, s, e)

    for m in _COUNT_NOUN_FREE.finditer(text):
        noun = m.group(2)
        if _PLACE_AFTER.match(text, m.end()):
            continue        # 两个市民广场: places counted, not a slogan
        if noun not in GENERIC_NOUNS and noun[0] not in UNIT_CHARS | set("人小百千万亿以左上下"):
            add(m.start(), m.end(), "count_noun")
    for rx in _ALTERNATION_FREE:
        for m in rx.finditer(text):
            parts = [p for p in m.groups()[1:] if p]
            if _alternation_ok(parts, m.group(1)):
                add(m.start(1), m.end(1), "alternation")
    for m in _FORMULA_FREE.finditer(text):
        add(m.start(1), m.end(1), "formula")
    for m in _PLAN_PERIOD_FREE.finditer(text):
        add(m.start(1), m.end(1), "plan_period")
    return sorted(found.values(), key=lambda s: s.start)


def _national(slogan: str) -> bool:
    """One of NATIONAL_SLOGANS, or one of them with a word it governs (三公经费, 三农工作, 两山理论); one
    character more makes another word (三公里, a 3 km radius, is no 三公)."""
    return slogan in NATIONAL_SLOGANS or any(slogan.startswith(n) and len(slogan) - len(n) >= 2
                                             for n in NATIONAL_SLOGANS)


def _occurrences(text: str, slogan: str, kind: str) -> list[int]:
    if kind == "formula":
        rx = re.compile(r"(?<![0-9A-Za-z+])" + re.escape(slogan) + r"(?![0-9A-Za-z+])")
    else:
        rx = re.compile(_NOT_AFTER + re.escape(slogan))
    return [m.start() for m in rx.finditer(text)]


def _longest_hits(text: str, kinds: dict[str, str]) -> dict[str, list[int]]:
    """slogan -> its occurrences in ``text`` that no longer slogan's occurrence holds."""
    taken = bytearray(len(text))
    hits: dict[str, list[int]] = {}
    for slogan in sorted(kinds, key=len, reverse=True):
        for start in _occurrences(text, slogan, kinds[slogan]):
            end = start + len(slogan)
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * len(slogan)
                hits.setdefault(slogan, []).append(start)
    return hits


def textstat_slogans(corpus, *, min_count: int = 1, plan_periods: bool = False,
                     catchphrases: bool = False, window: int = 20) -> pd.DataFrame:
    """Numbered slogans of a corpus: slogan, kind, national, docfreq, count, example, doc, start,
    end, doc_ids (national: one of NATIONAL_SLOGANS, or one with what it governs: 三公经费).

    count: occurrences in all documents (quoted or not, see module doc); docfreq:
    number of documents using it, doc_ids: their ids, comma-separated; example: the first occurrence with `window`
    characters of the raw text on each side (line breaks as spaces); doc/start/end: where that example is
    (start/end index doc.raw). Sorted by count, docfreq (descending), then slogan.
    plan_periods=True adds 十四五-style periods; catchphrases=True adds other
    short quoted phrases.
    """
    if not isinstance(min_count, int) or min_count < 1:
        raise ParameterError(f"min_count must be a positive int, not {min_count!r}")
    kinds: dict[str, str] = {}
    for doc in corpus:
        for s in detect_slogans(doc.clean, catchphrases=catchphrases):
            if s.kind == "plan_period" and not plan_periods:
                continue
            kinds.setdefault(s.text, s.kind)
    hits_in = {doc.id: _longest_hits(doc.clean, kinds) for doc in corpus}
    rows = []
    for slogan, kind in kinds.items():
        count, docs, first = 0, [], None
        for doc in corpus:
            hits = hits_in[doc.id].get(slogan, [])
            count += len(hits)
            if hits:
                docs.append(doc.id)
            if hits and first is None:
                first = (doc, hits[0])
        if count < min_count or first is None:
            continue
        doc, s = first
        start, end = doc.to_raw(s), doc.to_raw(s + len(slogan) - 1) + 1
        # (as the file has it, so that a reader's search finds it: the clean text's commas are ASCII)
        example = doc.raw[max(0, start - window):end + window].replace("\n", " ")
        rows.append({"slogan": slogan, "kind": kind, "national": _national(slogan), "docfreq": len(docs),
                     "count": count, "example": example, "doc": doc.id, "start": start, "end": end,
                     "doc_ids": ",".join(docs)})
    columns = ["slogan", "kind", "national", "docfreq", "count", "example", "doc", "start", "end", "doc_ids"]
    frame = pd.DataFrame(rows, columns=columns)
    if frame.empty:
        return frame
    return frame.sort_values(["count", "docfreq", "slogan"], ascending=[False, False, True],
                             kind="stable").reset_index(drop=True)
