"""Numbers in Chinese policy text: parsing and span detection.

Parses Arabic digits (half- and full-width, thousands separators), Chinese
numerals (十三点四, 一千三百万, 二〇二一, 百分之六点五) and finds number spans in
running text.  Chinese numeral runs are only reported where a unit, a percent
sign (百分之…) or 翻…番 bounds them, so that 一是, 一般, 统一, 十四五, 第十四次 and
"四个意识" are never numbers.  We do not use ``cn2an.transform``: it rewrites
一般 and 一是 into digits.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = [
    "MAGNITUDES",
    "NumberSpan",
    "UNITS",
    "base_unit",
    "unit_kind",
    "split_unit",
    "find_numbers",
    "match_unit",
    "parse_chinese_numeral",
    "parse_number",
    "split_magnitude",
    "written_fan",
]

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}


def written_fan(times: float) -> str:
    """翻…番 as reports write it: 1 -> 翻一番, 2 -> 翻两番 (find_numbers reads the numeral as a number)."""
    numeral = "一两三四五六七八九"[int(times) - 1] if float(times).is_integer() and 1 <= times <= 9 else f"{times:g}"
    return f"翻{numeral}番"
# THE magnitude table: what a magnitude written before a unit (1.2万亿元, 3.5万人) multiplies by.
# (9千亿元, 5千万元: 千 and 百 before 亿 or 万 after an Arabic number)
MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6,
              "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
MAGNITUDE_PREFIXES = tuple(MAGNITUDES)  # longest first, as they must be tried
# Magnitudes that close a Chinese numeral (三点五万, 一千亿): the large ones only (千/百 are digits' units).
CN_MAGNITUDES = {m: int(MAGNITUDES[m]) for m in ("万", "亿")}
_CN_TRAILING = tuple(m for m in MAGNITUDES if set(m) <= set(CN_MAGNITUDES))   # 万亿, 亿, 万

# Units as written after a number (without magnitude).  Longest first when matching.
# Measure words (个/条/项 ...) count things; the rest measure amounts.
MEASURE_WORDS = (
    "个工作日", "个百分点", "个季度", "个月", "个", "家", "项", "件", "所", "张", "条", "处", "部", "名",
    "座", "台", "辆", "架", "场", "批", "户", "套", "人次", "人", "位", "次", "床", "间", "册",
    "种", "只", "头", "株", "棵", "宗", "栋", "幢", "支", "类", "款", "例", "起", "篇", "期",
    "所", "艘", "列", "门", "位", "根", "块", "片", "票", "笔", "份", "对", "枚", "盏", "眼",
    "口", "道", "座", "趟", "班", "单", "册", "本", "届", "批次", "标段", "宗地",
    # counts of events (开行4000班次, 惠及经营主体6.3万户次)
    "户次", "班次", "架次", "车次", "艘次", "场次",
)
AMOUNT_UNITS = (
    "%", "％", "‰", "元", "美元", "欧元", "平方公里", "平方千米", "平方米", "立方米", "公里", "千米",
    "米", "吨", "蒸吨", "吨标准煤", "吨标煤", "千瓦时", "千瓦", "兆瓦时", "兆瓦", "吉瓦时", "吉瓦", "度", "天", "亩",
    "公斤", "千克", "斤", "倍", "番", "成", "标准箱", "标箱", "人日", "公顷",
    # concentrations (PM2.5平均浓度控制在35微克/立方米以下)
    "微克/立方米", "毫克/立方米", "微克每立方米", "毫克每立方米", "毫克/升",
)
UNITS = tuple(sorted(set(MEASURE_WORDS + AMOUNT_UNITS), key=len, reverse=True))
# Units of a part of a whole (a share or a rate): 八成 is 80%.
SHARE_UNITS = ("%", "‰", "成")
# Units written only after a magnitude, where they cannot be read otherwise: 10亿方 (cubic
# metres of gas: 方 alone is 方面, 方案 ...) and 4万P (computing power in PFLOPS).
_AFTER_MAGNITUDE_UNITS = ("方", "P")
_AFTER_MAGNITUDE = re.compile(r"方(?![面案式向法针位便阵略圆正舱])|P(?![A-Za-z])")

# Chinese-numeral quantities are accepted only before these "real" units (not measure
# words: 两条/三个/一批 are rhetoric or enumerations, never tracked values).
_CN_OK_UNITS = tuple(u for u in AMOUNT_UNITS if u not in ("%", "％", "‰")) + (
    "人次", "人", "户", "套", "家", "个")

# Numbers as printed in web copies of older reports: digits split by a space, a full-width
# space or a no-break space (7 4 7 7 2亿元, 8 ．8 ％) and a middle dot as the decimal point
# (19·5%).  One separator character at a time: two spaces end the number.
_GAP = "[ \u3000\xa0]"
_DIGITS = rf"[0-9０-９](?:{_GAP}?[0-9０-９])*"
_ARABIC = rf"{_DIGITS}(?:{_GAP}?[.．·]{_GAP}?{_DIGITS})?"
_ARABIC_RE = re.compile(r"(?<![0-9０-９.．·])(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|" + _ARABIC + ")")
_PRINTED = str.maketrans({"·": ".", " ": None, "\u3000": None, "\xa0": None})
_CN_CHARS = "零〇○一二两三四五六七八九十百千万亿"
_CN_RUN_RE = re.compile(f"[{_CN_CHARS}]+(?:点[{_CN_CHARS}]+)?")
_PERCENT_CN_RE = re.compile(f"百分之([{_CN_CHARS}]+(?:点[{_CN_CHARS}]+)?)")
# 占全国1/3以上, 稳定在全国1/4: a share written as a fraction (read in %), after a word of shares only
# (not 2025/12/01, 24/7)
_FRACTION_RE = re.compile(r"(?<![0-9０-９./／])([1-9])\s*[/／]\s*([1-9][0-9]?)(?![0-9０-９./／])")
_SHARE_BEFORE = re.compile(r"(?:占|全国|全省|的|约|近|超过|超|达到|达|在|[0-9][/／][0-9]{1,2}、)$")
# 翻番 alone is 翻一番 (实现翻番); 双翻番 and 两个翻番 say two things doubled without saying which,
# and 翻番计划, 翻番行动, 翻番工程 name programmes
_FAN_RE = re.compile(r"(?<![双个])翻(?:了)?(?:([一两二三四五六七八九])番|番)(?!计划|行动|工程)")


@dataclass(frozen=True)
class NumberSpan:
    """A number found in text: ``text[start:end]`` is the number as written.

    ``value`` is the number without magnitude (3.5 for 3.5万, 1000 for 千亿);
    ``magnitude`` the magnitude characters split off a Chinese numeral (千亿 -> '亿');
    ``kind`` is 'arabic', 'chinese', 'percent' (百分之…), 'fan' (翻…番) or 'fraction' (1/3, in %).
    """
    start: int
    end: int
    text: str
    value: float
    magnitude: str = ""
    kind: str = "arabic"


def _parse_section(s: str) -> int:
    """Parse a Chinese numeral below 10 000 (三千零五, 十三, 百)."""
    total, digit = 0, None
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            total += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + (digit or 0)


def _parse_integer(s: str) -> int:
    if not s:
        raise ValueError("empty numeral")
    # A bare digit string (二〇二一) is read digit by digit.
    if all(ch in CN_DIGITS for ch in s) and len(s) > 1:
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    if "亿" in s:
        left, _, right = s.rpartition("亿")
        return (_parse_integer(left) if left else 1) * 100_000_000 + (_parse_integer(right) if right else 0)
    if "万" in s:
        left, _, right = s.rpartition("万")
        return (_parse_integer(left) if left else 1) * 10_000 + (_parse_integer(right) if right else 0)
    return _parse_section(s)


def parse_chinese_numeral(s: str) -> float:
    """Parse a Chinese numeral: 十三点四 -> 13.4, 一千三百万 -> 13000000, 三点五万 -> 35000.

    Raises ValueError for anything that is not a numeral (一是, 一般).
    """
    s = s.strip()
    if not s or any(ch not in _CN_CHARS + "点" for ch in s):
        raise ValueError(f"not a Chinese numeral: {s!r}")
    if "点" in s:
        whole, _, frac = s.partition("点")
        mag = 1
        # 三点五万: the magnitude follows the decimals.
        while frac and frac[-1] in CN_MAGNITUDES:
            mag *= CN_MAGNITUDES[frac[-1]]
            frac = frac[:-1]
        if not frac or any(ch not in CN_DIGITS for ch in frac):
            raise ValueError(f"bad decimals in Chinese numeral: {s!r}")
        digits = "".join(str(CN_DIGITS[ch]) for ch in frac)
        value = float(f"{_parse_integer(whole) if whole else 0}.{digits}")
        return value * mag
    return float(_parse_integer(s))


def parse_number(s: str) -> float:
    """Parse a number as written: '４．６' -> 4.6, '1,234' -> 1234, '3.5万' -> 35000,
    '7 4 7 7 2' -> 74772, '19·5' -> 19.5,
    '百分之六点五' -> 6.5, '十三点四' -> 13.4.  Raises ValueError otherwise."""
    t = s.strip().translate(_FULLWIDTH)
    if re.fullmatch(r"[0-9][0-9 \u3000\xa0]*(?:[ \u3000\xa0]?[.·][ \u3000\xa0]?[0-9][0-9 \u3000\xa0]*)?", t):
        t = t.translate(_PRINTED)
    m = re.fullmatch(r"百分之(.+)", t)
    if m:
        return parse_number(m.group(1))
    m = re.fullmatch(r"([0-9][0-9,]*(?:\.[0-9]+)?)((?:万|亿|千|百)*)", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        for ch in m.group(2):
            value *= MAGNITUDES[ch]
        return value
    return parse_chinese_numeral(t)


def split_unit(unit: str) -> tuple[float, str]:
    """A unit as written -> (factor, base unit): '亿元' -> (1e8, '元'), '万' -> (1e4, ''),
    '%' -> (1.0, '%').  Units that begin like a magnitude stay whole: '千米', '千瓦时', '百分点'."""
    unit = unit or ""
    if unit in UNITS:
        return 1.0, unit
    if "/" in unit:                 # 万吨/年 -> (1e4, '吨/年')
        amount, per = unit.split("/", 1)
        factor, base = split_unit(amount)
        return factor, f"{base}/{per}"
    for prefix in MAGNITUDE_PREFIXES:
        rest = unit[len(prefix):]
        if unit.startswith(prefix) and (not rest or rest in UNITS or rest in _AFTER_MAGNITUDE_UNITS
                                        or split_unit(rest)[1] in UNITS):
            factor, base = split_unit(rest) if rest else (1.0, "")
            return MAGNITUDES[prefix] * factor, base
    return 1.0, unit


def base_unit(unit: str) -> str:
    """The unit without its magnitude: '万亿元' -> '元', '万人' -> '人', '亿' -> ''."""
    return split_unit(unit)[1]


def unit_kind(unit: str) -> str:
    """What a unit measures: "rate" (%, 个百分点, 倍 …), "money" (any 元), "count" (a measure
    word: 个, 家, 人次 …), else the unit without its magnitude (亩, 公里, 吨 …)."""
    base = base_unit(unit)
    if base in SHARE_UNITS + ("％", "个百分点", "倍", "番"):
        return "rate"
    return "money" if base.endswith("元") else "count" if base in MEASURE_WORDS else base


def split_magnitude(run: str) -> tuple[str, str]:
    """Split a trailing magnitude off a Chinese numeral run, as the unit is written:
    '千亿' -> ('千', '亿'), '三点五万' -> ('三点五', '万'), '一千三百' -> ('一千三百', '')."""
    for mag in _CN_TRAILING:
        if run.endswith(mag) and len(run) > len(mag):
            head = run[: -len(mag)]
            try:
                parse_chinese_numeral(head)
            except ValueError:
                continue
            return head, mag
    return run, ""


# One regex for magnitude + unit (alternatives longest first, so the longest unit wins).
_UNIT_RE = re.compile("(" + "|".join(map(re.escape, MAGNITUDE_PREFIXES)) + ")?("
                      + "|".join(map(re.escape, UNITS)) + ")?")


def match_unit(text: str, pos: int) -> tuple[str, str]:
    """Return (magnitude, unit) written at ``text[pos:]`` ('万', '套' for 万套), or ('', '')."""
    m = _UNIT_RE.match(text, pos)
    mag, unit = m.group(1) or "", m.group(2) or ""
    # 千/百 alone are not magnitudes after an Arabic number unless a unit follows
    if not unit and mag in ("千", "百"):
        return "", ""
    if unit == "台" and text.startswith("阶", m.end()):
        return mag, ""              # 迈上5万亿台阶: a step, no machines
    if not unit and text.startswith(("亿", "万"), pos + len(mag)):
        return "", ""               # 10.36百亿亿次/秒: stacked magnitudes of a unit not listed
    if not unit and mag[-1:] in ("万", "亿"):
        after = _AFTER_MAGNITUDE.match(text, pos + len(mag))
        unit = after.group() if after else ""
    return mag, unit


# A change or share is written with a small numeral too: 提高一个百分点, 增长两倍, 增加五成以上,
# 八成左右 (not 一成不变, 成员; not 百倍信心, nor 数十倍, which says no number).
_SMALL_CN_UNIT = re.compile(r"个百分点|倍|成(?!不变|员)")


# After 多/余 (三十多个, 一千余户, 十余万亩, 两万多人) a numeral of ten or more is a quantity
# before any unit but a duration's (十多天, 三十余个工作日 say how long, not how many).
_MORE_THAN_DURATIONS = ("天", "个月", "个季度", "个工作日", "%", "％", "‰")


def _vague(text: str, end: int, run: str) -> bool:
    """True when 数 or 几 comes before the numeral run ending at `end` (数十倍, 几十多个): no number."""
    return text[end - len(run) - 1:end - len(run)] in ("数", "几")


def _cn_more_than_ok(text: str, end: int, run: str) -> bool:
    """三十多个, 一千余户, 百余家, 十余万亩, 两万多人: a numeral of ten or more, 多 or 余, a unit."""
    if _vague(text, end, run) or run[-1] == "点":
        return False
    head, mag = split_magnitude(run)
    try:
        value = parse_chinese_numeral(head) * MAGNITUDES.get(mag, 1)
    except ValueError:
        return False
    _, unit = match_unit(text, end + 1)
    return value >= 10 and bool(unit) and unit not in _MORE_THAN_DURATIONS


def _cn_span_ok(text: str, end: int, run: str) -> bool:
    """A bare Chinese numeral run is a quantity only before a real unit and when it is
    more than a small count: 千亿元, 三点五万套, 一千三百万人次 — not 两条, 千家, 十四五;
    any numeral before 个百分点, 倍 or 成 (一个百分点, 两倍, 八成), and one of ten or more
    before 多/余 and a unit (三十多个, 千余户)."""
    if text[end:end + 1] in ("多", "余"):
        return _cn_more_than_ok(text, end, run)
    if _SMALL_CN_UNIT.match(text, end):
        return run not in ("百", "千", "万", "亿") and not _vague(text, end, run)
    head, mag = split_magnitude(run)
    has_magnitude = bool(mag) or any(ch in "百千万亿" for ch in run)
    if "点" not in run and not has_magnitude:
        return False
    if len(run) == 1:            # 千家万户, 百姓
        return False
    _, unit = match_unit(text, end)
    if not unit or unit not in _CN_OK_UNITS and unit not in ("亿元",):
        return False
    after = end + len(unit)
    return not text.startswith("级", after)   # 千亿元级产业链: a class label


_GAP_RUN = re.compile(_GAP)
_LONG_GROUP = re.compile(r"[0-9０-９]{4}")
_PIECE = re.compile(r"[^ \u3000\xa0]+")


def _printed_pieces(start: int, raw: str) -> list[tuple[int, str]]:
    """(offset, text) of the numbers in one match: itself, unless spaces join a group of four
    or more digits to another (1234567890 3.14 is two numbers; 7 4 7 7 2 and 1 234 567 are one,
    as web copies print them)."""
    if not _GAP_RUN.search(raw) or not _LONG_GROUP.search(raw):
        return [(start, raw)]
    return [(start + p.start(), p.group()) for p in _PIECE.finditer(raw)]


# 突破万亿元, 超千列, 突破百条: a round figure after a threshold, one of its magnitude
_ROUND_FIGURES = {"百": (100.0, ""), "千": (1000.0, ""), "万": (1.0, "万"), "亿": (1.0, "亿"),
                  "十万": (10.0, "万"), "百万": (100.0, "万"), "千万": (1000.0, "万"), "万亿": (1.0, "万亿"),
                  "百亿": (100.0, "亿"), "千亿": (1000.0, "亿")}
_THRESHOLD_BEFORE = re.compile(r"(?:突破|超过|(?<!赶)超|逾|迈上|跨过|站上|跨越)$")     # (赶超: catch up with)


def _round_figure(text: str, m: re.Match) -> NumberSpan | None:
    """The number of 突破万亿元 (1 万亿元), 超千列 (1000 列): a round figure right after a threshold
    verb and before a unit (not 千万工程, 百姓, 万亿级)."""
    run = m.group()
    if run not in _ROUND_FIGURES or not _THRESHOLD_BEFORE.search(text, max(0, m.start() - 2), m.start()):
        return None
    value, mag = _ROUND_FIGURES[run]
    _, unit = match_unit(text, m.end())
    if not unit or text.startswith("级", m.end() + len(unit)):
        return None
    return NumberSpan(m.start(), m.end(), run, value, mag, "chinese")


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number span in ``text``, in order, not overlapping.

    Arabic numbers are all reported (filtering dates, codes etc. is the caller's job);
    Chinese numerals only in quantity shape: 百分之…, 翻…番, or a run before a unit.
    """
    spans: list[NumberSpan] = []
    taken = [False] * (len(text) + 1)

    def add(span: NumberSpan) -> None:
        if any(taken[span.start:span.end]):
            return
        for i in range(span.start, span.end):
            taken[i] = True
        spans.append(span)

    for m in _PERCENT_CN_RE.finditer(text):
        try:
            value = parse_chinese_numeral(m.group(1))
        except ValueError:
            continue
        add(NumberSpan(m.start(), m.end(), m.group(), value, "", "percent"))
    for m in _FRACTION_RE.finditer(text):
        n, d = int(m.group(1)), int(m.group(2))
        if n < d and _SHARE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            add(NumberSpan(m.start(), m.end(), m.group(), round(100 * n / d, 2), "", "fraction"))
    for m in _FAN_RE.finditer(text):
        add(NumberSpan(m.start(), m.end(), m.group(), float(CN_DIGITS[m.group(1)] if m.group(1) else 1), "", "fan"))
    for m in _ARABIC_RE.finditer(text):
        for start, raw in _printed_pieces(m.start(), m.group()):
            try:
                value = parse_number(raw)
            except ValueError:
                continue
            if math.isfinite(value):        # 5,000 nines overflow to inf: no figure a report states
                add(NumberSpan(start, start + len(raw), raw, value, "", "arabic"))
    for m in _CN_RUN_RE.finditer(text):
        run = m.group()
        if m.start() and text[m.start() - 1] in "0123456789０１２３４５６７８９":
            continue        # 万/亿 right after Arabic digits is that number's magnitude (1.2万亿元)
        if (round_figure := _round_figure(text, m)) is not None:
            add(round_figure)
            continue
        if run[0] in "万亿":
            continue        # a run cannot start with a magnitude
        if not _cn_span_ok(text, m.end(), run):
            continue
        head, mag = split_magnitude(run)
        try:
            value = parse_chinese_numeral(head)
        except ValueError:
            continue
        add(NumberSpan(m.start(), m.end(), run, value, mag, "chinese"))
    spans.sort(key=lambda s: s.start)
    return spans
