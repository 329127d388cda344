"""Subject resolvers for ratios written without a unit (part of the subject step,
:mod:`.quantity_subject`): the three sectors' shares of GDP written A:B:C, and the urban–rural
income ratio (城乡居民收入倍差从2.42缩小至2.12)."""
from __future__ import annotations

import re

from .quantity_clause import Clause
from .quantity_spans import SECTORS_NAMED

__all__ = ["share_of_sector", "income_ratio"]

_SECTOR_SHARES = ("第一产业增加值比重", "第二产业增加值比重", "第三产业增加值比重")


def share_of_sector(cl: Clause) -> tuple[str, str]:
    """三次产业结构调整为7.4∶39.6∶53: the k-th value of the ratio is the k-th sector's share."""
    if not cl.value.sector:
        return "", ""
    named = list(SECTORS_NAMED.finditer(cl.text, max(0, cl.value.start - 60), cl.value.start))
    return _SECTOR_SHARES[cl.value.sector - 1], named[-1].group() if named else ""


_INCOME_RATIO = re.compile(r"(?:城乡)?(?:居民)?(?:人均可支配)?收入(?:倍差|比值?|之比)")


def income_ratio(cl: Clause) -> tuple[str, str]:
    """城乡居民收入比由2020年的2.5缩小到2.3, 收入比缩小至2.54: a number without a unit after the
    ratio's name is the ratio, whatever the words between (a year, the value it started from)."""
    ratio = None if cl.value.unit else _INCOME_RATIO.search(cl.clause_pre)
    return (cl.resolver.registry.canonical("城乡居民收入比"), ratio.group()) if ratio else ("", "")
