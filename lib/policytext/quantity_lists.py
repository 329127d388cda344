"""Lists of items before one value or one list of values: which name each item stands for.

城镇和农村居民人均可支配收入分别增长…: 城镇居民人均可支配收入 and 农村居民人均可支配收入; 存贷款余额 and
存、贷款余额: 存款余额 and 贷款余额; 限额以上通讯器材、家用电器、新能源汽车零售额: each item's 零售额. A short
item fills the slot of the last item's modifier up to a word's end (新材料、生物医药产业产值: 新材料产业产值),
and an item with a head of its own keeps it (进出口、实际使用外资). A later item that only counts what
happened counts it for the first item's subject (生产安全事故起数、死亡人数: 生产安全事故死亡人数).
"""
from __future__ import annotations

import functools
import itertools
import re

__all__ = ["SPLIT_COORD", "expand_coordination", "measured_head"]

SPLIT_COORD = re.compile(r"[、和及与]")

_PAIRED = {"存贷款": ("存款", "贷款"), "内外资": ("内资", "外资"), "进出口": ("进口", "出口"),
           "收支": ("收入", "支出"), "牛羊": ("牛", "羊"), "中小学": ("中学", "小学")}
# 本外币存、贷款余额, 进、出口总额: a word of two halves written with 、 after its first character (only
# these: 初中、小学在校生 and 财政税收、支出 are lists)
_PAIR_WRITTEN_APART = re.compile("存、贷款|进、出口|内、外资")


def expand_coordination(subject: str, n: int | None = None) -> list[str]:
    """城镇和农村居民人均可支配收入 -> [城镇居民人均可支配收入, 农村居民人均可支配收入];
    城乡居民收入 -> [城镇居民收入, 农村居民收入]; 旅游人数、旅游收入 -> both.
    With ``n`` (the number of values) and a split on 、和及与 giving another number, the
    items are those between 、: 文化及相关产业、旅游及相关产业增加值占比 -> two."""
    subject = _PAIR_WRITTEN_APART.sub(lambda m: m.group().replace("、", ""), subject.strip())   # 存、贷款
    if subject.startswith("城乡") and not SPLIT_COORD.search(subject):
        rest = subject[2:]
        return ["城镇" + rest, "农村" + rest]
    if n == 2 and not SPLIT_COORD.search(subject):
        # 存贷款余额分别增长6.9%、6.6%, 一般公共预算收支分别突破…: a word of two halves
        pair = next((p for p in _PAIRED if p in subject), None)
        if pair:
            return [subject.replace(pair, half, 1) for half in _PAIRED[pair]]
    parts = [p for p in SPLIT_COORD.split(subject) if p]
    if n is not None and len(parts) != n and len(listed := [p for p in subject.split("、") if p]) == n:
        parts = listed
    if len(parts) < 2:
        return [subject]
    last = parts[-1]
    # (进口货值、免签入境游客、…、离岛免税销售额: an item with a head of its own, another than the last
    # one's, says the items are not of one kind; 粮食产量、肉类、水产品产量: 肉类产量)
    mixed = any(measured_head(p) not in (None, measured_head(last)) for p in parts[:-1])
    items = [_shared_head(p, last, mixed=mixed) for p in parts[:-1]]
    if last in items:
        # 工业、制造业、工业技改投资: the last item starts with an earlier one, so its start is
        # its own modifier, not a slot the others fill; they share only its head (工业投资)
        items = [_head_of(last, p) for p in parts[:-1]]
    return _shared_subject(items + [last])


# a count's head (起数, 户数, 人数 …), and a later item that is only a count of what happened (死亡人数,
# 受伤人数: a verb, not a subject of its own as in 命案起数)
_COUNT_HEAD = re.compile(r"[起个户人次件家宗]数$")
_BARE_COUNT = re.compile(r"(?P<what>[\u4e00-\u9fff]{2})[起个户人次件家宗]数")


def _shared_subject(items: list[str]) -> list[str]:
    """生产安全事故起数、死亡人数 -> 生产安全事故死亡人数: a later item that only counts what happened
    counts it for the first item's subject (the accidents' deaths, not all deaths)."""
    from .lexicon import dictionary_index

    head = _COUNT_HEAD.search(items[0])
    if head is None or head.start() < 2:
        return items

    def happened(item: str) -> bool:
        bare = _BARE_COUNT.fullmatch(item)
        return bare is not None and (dictionary_index().tag(bare.group("what")) or "").startswith("v")
    subject = items[0][:head.start()]
    return items[:1] + [subject + item if happened(item) else item for item in items[1:]]


def _shared_head(item: str, last: str, *, mixed: bool = False) -> str:
    """An item before the last with the head they share: a short modifier takes the last
    item's head (城镇和农村居民… -> 城镇居民…), and an item ending in words the last one holds
    takes what follows them there (文化及相关产业 + 旅游及相关产业增加值占比 -> 文化及相关产业增加值占比).
    An item that ends in a measured head of its own is whole: 进出口、实际使用外资 (not 进出口用外资)."""
    if measured_head(item):
        return item
    if len(item) <= 3 and len(last) > len(item) + 1 and not _word_across(last, len(item)):
        at = _slot_end(last, len(item))
        if at is not None:
            return item + last[at:]
    for k in range(len(item) - 2, -1, -1):      # the longest end of item (2 chars at least) in last
        at = last.find(item[k:]) if len(item) - k >= 2 else -1
        if at > 0 and at + len(item) - k < len(last):
            return item + last[at + len(item) - k:]
    return item if mixed else _head_of(last, item)


def _slot_end(last: str, size: int) -> int | None:
    from .lexicon import data_versions

    return _slot_end_cut(last, size, data_versions())      # (the cut changes with the lexicon)


@functools.lru_cache(maxsize=4096)
def _slot_end_cut(last: str, size: int, versions: str) -> int | None:
    """Where the slot a short item fills ends in ``last``: at ``size`` characters, or one off, at
    the first of them that ends a word of ``last`` as cut, or that no common word runs across
    (新材料 + 生物医药产业产值: 医药 runs across 3 and 生物医药 ends at 4, so 新材料产业产值, not
    新材料药产业产值; 城市 + 县城建成区面积: 县城 ends at 2, though 城建 runs across it); None when
    none does."""
    from .engine import segmenter
    from .lexicon import dictionary_index

    index, ends = dictionary_index(), set(itertools.accumulate(map(len, segmenter().cut(last))))

    def crossed(at: int) -> bool:
        return any(index.freq(last[s:e]) >= _COMMON_WORD
                   for s in range(max(0, at - 3), at) for e in range(at + 1, min(len(last), s + 4) + 1))
    return next((at for at in (size, size + 1, size - 1)
                 if 0 < at < len(last) - 1 and (at in ends or not crossed(at))), None)


def _head_of(last: str, item: str) -> str:
    """城乡居民低保、社会养老、特困供养标准: an item without a head takes the last one's."""
    head = measured_head(last)
    return item + head if head and measured_head(item) is None else item


def _word_across(name: str, at: int) -> bool:
    """Whether a common word runs from the start of ``name`` across position ``at``: 天然气 in
    天然气产量, so that 原煤 does not take 气产量 (农村居民, a rare dictionary entry, does not count)."""
    from .lexicon import dictionary_index

    index = dictionary_index()
    return any(index.freq(name[:end]) >= _COMMON_WORD for end in range(at + 1, min(len(name), at + 3) + 1))


_COMMON_WORD = 50   # dictionary frequency: 天然气 1218, 原油 729; 农村居民 and 城镇居民 3

# What a measured name ends in: a rate, a share, a standard, an amount.
_HEAD = re.compile(r"(?:(?:普及|覆盖|达标|参保|合格|优良|利用|处理|入学|就业|失业|贡献|转化|完成|增长|发生|死亡)?率|"
                   r"标准|比重|比例|占比|收入|收益|利润|总额|规模|[起个户人次件家宗]数|面积|产量|数量|产值|增加值|金额|"
                   r"支出|指数|人次|投资|进出口|出口|进口|零售额|销售额|营业额|交易额|成交额|余额|货值|总值)$")


def measured_head(name: str) -> str | None:
    """What ``name`` ends in that is measured (a rate, an amount, 投资, 收入 …), or None."""
    head = _HEAD.search(name)
    return head.group() if head else None
