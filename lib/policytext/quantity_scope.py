"""Whose figure a value is, when its name is the whole place's but its sentence is about a part.

海口经济圈产业发展规划完成编制，经济总量年均增长5.8%: the growth is the 经济圈's, not the province's
地区生产总值; 省属企业资产总额达到2.7万亿元，工业总产值突破1万亿元 and 省属企业完成产业类投资553.1亿元、
研发投入133.5亿元: the output and the R&D spending are the province's own firms'. Filed under the
registry's name, such a value would enter the place's headline series; :func:`within_part` names
it after the part instead. The part must open the value's clause or the clause right before it
in the sentence, and the name must not say whose it is already (全省…, a part of its own).
"""
from __future__ import annotations

import re

from .quantity_clause import Clause

__all__ = ["within_part"]

# a part of the place a report speaks for: the firms it owns, or a zone or area inside it
_PART = re.compile(r"(?:(?:省|市|区|县|州|盟)属|中央|地方国有|国有)(?:企业|国企)|省属国企|央企|"
                   r"[\u4e00-\u9fff]{2,8}?(?:经济圈|都市圈|城市群|经济区|经济带|新区|自由贸易试验区|自贸试验区|"
                   r"自贸区|综合保税区|综保区|开发区|高新区|示范区)")
# the value's clause says it is the whole place's (全省经济总量: 全省 is not kept in the name)
_WHOLE = re.compile(r"全(?:省|市|区|县|州|盟|国|社会|体)")
_CLAUSE_START = re.compile(r"[,，;；:：]")


def within_part(cl: Clause, indicator: str, written: str) -> tuple[str, str]:
    """(indicator, as written), named after the part of the place its sentence is about when the
    registry gave it the whole place's name; else as given."""
    if (not indicator or indicator not in cl.resolver.registry or _WHOLE.search(cl.clause_pre)
            or _PART.search(written)):
        return indicator, written
    for start in _heads(cl):
        if part := _PART.match(cl.text, start):
            named = part.group() + written
            return named, named
    return indicator, written


def _heads(cl: Clause) -> list[int]:
    """Where the value's clause and the clause before it (in its sentence) start."""
    before = [m.end() for m in _CLAUSE_START.finditer(cl.text, cl.sentence_start, cl.clause_start)]
    starts = [cl.sentence_start, *before]
    return [cl.clause_start, starts[-2]] if len(starts) > 1 else [cl.clause_start]
