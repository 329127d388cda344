"""New ones and all of them: 新增 in a name, and the total said after the new ones.

新增经营主体2.83万户 counts the new ones, not the 62万户 there are: an increment of a stock. Named
经营主体, it would stand in one series with the stock, and a target of the stock (经营主体突破70万户)
would be judged against it. So 新增 (and 净增) stays in the name, wherever the name is written:
before the value (新增上市公司48家, quantity_works.object_of, which keeps 新认定 and 新培育 the same
way), after it (全省新增8个国家级临床重点专科), after the verb (科技成果转化企业新增1013家,
quantity_nouns), or for the items of a list that share it (新增高速公路2600公里、农村公路3000公里,
quantity_subject.noun_before_value); not for a threshold (新增年销售收入超亿元的企业: the firms are
new, quantity_subject.resolve_subject). A registry name stays
the registry's (城镇新增就业, 新增高标准农田: flows of their own). A total said right after the new
ones is of all of them (新增百亿县区26个，累计达到46个: 百亿县区; 新增上市公司48家、总量达122家:
上市公司总量).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:       # (quantity_clause imports quantity_nouns, which imports this module)
    from .quantity_clause import Clause

__all__ = ["INCREMENTS", "INCREMENT_AT_END", "total_of_new_ones_before", "total_of_subject_before",
           "with_increment"]

INCREMENTS = ("新增", "净增")
# the verb ending the text before a value (全省新增, 新增了), or a name (科技成果转化企业新增, 新增超)
INCREMENT_AT_END = re.compile(r"(新增|净增)了?(?:超过|超|达到|达|近|约|逾)?$")
# all of them, said after the new ones: 累计达到, 总数达, 共有
_ALL_OF_THEM = re.compile(r"^[,，、]?(?:累[计积]|总数|共有|现有)(?:达到|达|突破|超过|超|为)?$")


def with_increment(pre: str, post: str) -> str:
    """The noun phrase ``post`` written after a value, as a name: with 新增 (or 净增) when the text
    before the value ends in the verb (全省新增8个国家级临床重点专科: 新增国家级临床重点专科)."""
    if (verb := INCREMENT_AT_END.search(pre)) and not post.startswith(INCREMENTS):
        return verb.group(1) + post
    return post


def total_of_new_ones_before(cl: Clause) -> tuple[str, str]:
    """新增百亿县区26个，累计达到46个 -> 百亿县区: a cumulative figure right after the new ones of
    the segment counts all of them."""
    written = cl.memory.last[1]
    if not written.startswith(INCREMENTS) or not _ALL_OF_THEM.match(cl.pre.strip()):
        return "", ""
    return cl.resolver.from_phrase(written[2:], percent=cl.is_percent)


def total_of_subject_before(cl: Clause) -> tuple[str, str]:
    """一般公共预算收入增长4.6%，总量首次突破1900亿元 -> 一般公共预算收入; 新增上市公司48家、总量达122家 ->
    上市公司总量; 城市主干道路80条，总里程达到61.4公里 -> 城市主干道路总里程: a bare total after a value is
    the total of that value's subject (of a registry indicator, its 总量 or 总额 is the indicator itself;
    of new things, of all of them)."""
    last_name, last_written = cl.memory.last
    if cl.index == 0 or not last_name:
        return "", ""
    _, written = cl.resolver.from_phrase(cl.pre.lstrip("、和与及,，"))
    if not _TOTAL.fullmatch(written):
        return "", ""
    if last_name in cl.resolver.registry and written in ("总量", "总额"):
        return last_name, written
    return cl.resolver.from_phrase(_NEW_OF.sub("", last_written) + written, percent=cl.is_percent)


_TOTAL = re.compile(r"总(?:量|额|数|规模|里程|面积|长度|花费)")
_NEW_OF = re.compile(r"^(?:累计)?(?:净增|新增|新建|新开工|建成|开通|新培育)")
