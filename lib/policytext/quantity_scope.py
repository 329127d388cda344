"""Whose figure a value is, when its name is the whole place's but it measures a part of the place.

省属企业完成产业类投资553.1亿元、研发投入133.5亿元 and 省属企业资产总额达到2.7万亿元，工业总产值突破
1万亿元: the R&D spending and the output are the province's own firms', not the province's. Filed
under the registry's name, such a value would enter the place's headline series; :func:`within_part`
names it after the part instead.

The part must open the value's clause (no verb before it: 支持兰州新区高质量发展 makes the zone an
object, not the subject), or open the clause right before it *with a value of its own named after
it*. A clause about a part with no figure (国有企业改革…收官，规模以上工业增加值增长6.8%) does not say
whose the next figure is, unless that figure is a bare 经济总量, which reports write for a part's
economy (海口经济圈产业发展规划完成编制，经济总量年均增长5.8%: the area's). A part written in
the name (兰州新区经济总量) is another place's to indicators.of_another_place.
"""
from __future__ import annotations

import re

from .quantity_clause import Clause

__all__ = ["within_part"]

# a part of the place a report speaks for: the firms it owns, or a zone or area inside it (the name
# before the zone is a name, not a verb: 支持兰州新区 does not open with a part)
_PART = re.compile(r"(?:(?:省|市|区|县|州|盟)属|中央|地方国有|国有)(?:企业|国企)|省属国企|央企|"
                   r"(?!支持|推动|推进|加快|建设|打造|深化|做强|壮大|培育|发展|高水平|高质量)"
                   r"[\u4e00-\u9fff]{2,8}?(?:经济圈|都市圈|城市群|经济区|经济带|新区|自由贸易试验区|自贸试验区|"
                   r"自贸区|综合保税区|综保区|开发区|高新区|示范区)")
# the value's clause says it is the whole place's (全省经济总量: 全省 is not kept in the name)
_WHOLE = re.compile(r"全(?:省|市|区|县|州|盟|国|社会|体)")


def within_part(cl: Clause, indicator: str, written: str) -> tuple[str, str]:
    """(indicator, as written), named after the part of the place it measures when the registry
    gave it the whole place's name; else as given."""
    if (not indicator or indicator not in cl.resolver.registry or _WHOLE.search(cl.clause_pre)
            or _PART.search(written)):
        # (兰州新区经济总量: the part is in the name, and quantities() files it as 兰州新区地区生产总值,
        # another place's, once it knows the document's own: indicators.of_another_place)
        return indicator, written
    own = _PART.match(cl.text, cl.clause_start)
    part = own.group() if own else _part_of_value_before(cl, written)
    if part is None:
        return indicator, written
    return part + written, part + written


def _part_of_value_before(cl: Clause, written: str) -> str | None:
    """The part opening the clause before the value's, when a value there was named after it, or
    when the value is a bare 经济总量, which a report writes for a part's economy and names the
    whole place's otherwise (海口经济圈产业发展规划完成编制，经济总量年均增长5.8%)."""
    if cl.previous_start == cl.clause_start or not (part := _PART.match(cl.text, cl.previous_start)):
        return None
    if written == "经济总量":
        return part.group()
    named = [r["indicator_text"] for r in cl.rows if cl.previous_start <= r["start"] < cl.clause_start]
    return part.group() if any(n.startswith(part.group()) for n in named) else None
