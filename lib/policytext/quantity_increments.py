"""New ones and all of them: 新增 in a name, and the total said after the new ones.

新增经营主体2.83万户 counts the new ones, not the 62万户 there are: an increment of a stock. Named
经营主体, it would stand in one series with the stock, and a target of the stock (经营主体突破70万户)
would be judged against it. So 新增 (or 净增) stays in the name, in one place whatever the wording,
so that a target and its result meet: before the object (新增上市公司48家; 新能源新增装机 and 新增建成
5G基站 are 新增新能源装机 and 新增5G基站; 新认定, 新培育, 新增认定 are 新增 too: :func:`new_ones`, from
quantity_works.object_of; so are the set-up verbs 新设, 新登记, 新创建, 新签约 …: :func:`spelled_new`), after
a count (全省新增8个国家级临床重点专科: :func:`with_increment`), after
the name, a registry name included (高新技术企业新增320家: 新增高新技术企业, quantity_nouns), and for
the items of a list that share it, when they are more of the same kind (新增高速公路2600公里、
农村公路3000公里; not …、城镇登记失业率3.2%, …、总装机达到3000万千瓦: :func:`increment_reaches`). A
registry flow stays the registry's (城镇新增就业, 新增高标准农田), and a threshold takes no 新增
(新增年销售收入超亿元的企业: the firms are new, quantity_subject; :func:`new_ones_after_threshold`). A total said right after the new
ones is of all of them (新增百亿县区26个，累计达到46个 and 小巨人企业新增12家，达到85家: the stock;
新增上市公司48家、总量达122家: 上市公司总量).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .numbers import unit_kind

if TYPE_CHECKING:       # (quantity_clause imports quantity_nouns, which imports this module)
    from .quantity_clause import Clause
    from .quantity_spans import Candidate

__all__ = ["INCREMENTS", "INCREMENT_AT_END", "NEW_VERBS", "increment_reaches", "new_ones", "new_ones_after_threshold",
           "spelled_new", "total_of_new_ones_before", "total_of_subject_before", "with_increment"]

INCREMENTS = ("新增", "净增")
# verbs that name new ones after 新 (新认定, 新培育, 新获批, 新引进: all named 新增)
_NEW_BY = ("培育", "认定", "获批", "引进")
# the verbs that open a list of new ones (新培育绿色工厂200个、绿色工业园区10个: both new)
NEW_VERBS = (*INCREMENTS, "新培育", "新认定", "新创建", "新组建", "新认证", "新签约", "新设立", "新登记", "新注册")
# how much, after the verb (新增了, 新增超, 新增达到 …)
_ABOUT_END = r"了?(?:超过|超|达到|达|近|约|逾)?$"
# the verb ending the text before a value (全省新增, 新增了), or a name (科技成果转化企业新增, 新增超)
INCREMENT_AT_END = re.compile("(" + "|".join(INCREMENTS) + ")" + _ABOUT_END)
# a name of new ones, however the verb was written (新认定 and 新培育 are named 新增)
_NEW_NAME = re.compile("^(?:" + "|".join(INCREMENTS) + ")")
# all of them, said after the new ones: 累计达到, 总数达, 共有, and a bare 达到
_ALL_OF_THEM = re.compile(r"^[,，、]?(?:(?:累[计积]|总数|共有|现有)(?:达到|达|突破|超过|超|为)?|达到|达|增至|增加到|突破)$")
# a list item with a measure of its own, or a total: 新增…、城镇登记失业率, 新增…、总装机达到…
_ITEM_OF_ITS_OWN = re.compile(r"率|比重|占比|总|达到|达|突破|超过|增长|提高|下降|累计")


def new_ones(phrase: str, verbs: list) -> str | None:
    """The name of new ones when ``verbs`` (regex matches in ``phrase``) end in an increment: the verb
    before the object, with any subject written between the verb before and it (新能源新增装机:
    新增新能源装机); 新增建成5G基站, 新增认定…: 新增 and the object; 新认定…, 新培育…, 新获批…,
    新引进…: 新增 and the object. None for any other verb."""
    last, before = verbs[-1], verbs[:-1]
    if last.group() in INCREMENTS:
        subject = phrase[before[-1].end() if before else 0:last.start()]
        return last.group() + (subject if _SUBJECT.fullmatch(subject) and not _is_verb(subject) else "") + \
            phrase[last.end():]
    if before and before[-1].group() in INCREMENTS and before[-1].end() == last.start() \
            and last.group() not in _FUNDING:
        return before[-1].group() + phrase[last.end():]
    if last.group() in _NEW_BY and phrase[last.start() - 1:last.start()] == "新":
        return "新增" + phrase[last.end():]
    return None


# a short subject written before 新增 (新能源新增装机; not a clause, nor an activity: 勘探新增油气储量,
# 试运转新增产能), and the verbs after 新增 that add money to what exists rather than make new ones
# (新增安排…转移支付增长20%; but 新增建成, 新增获评, 新增提供学位 … are new ones)
_SUBJECT = re.compile(r"[^的、，,和及与]{1,4}")
_FUNDING = frozenset(["安排", "下达", "拨付", "筹措", "投入", "投资"])


def _is_verb(word: str) -> bool:
    from .lexicon import dictionary_index

    return (dictionary_index().tag(word) or "").startswith("v")


def with_increment(pre: str, post: str) -> str:
    """The noun phrase ``post`` written after a value, as a name: with 新增 (or 净增) when the text
    before the value ends in a verb of new ones (全省新增8个国家级临床重点专科: 新增国家级临床重点专科;
    新获批13个…, 新认定3家…, 增加5000个普通高中招生计划: 新增…)."""
    if (verb := _NEW_BEFORE_COUNT.search(pre)) and not post.startswith(INCREMENTS):
        return ("净增" if verb.group(1) == "净增" else "新增") + post
    return post


# new ones set up, registered, certified or signed (新设外资企业, 新设立…, 新登记经营主体, 新注册…, 新创建
# 国家现代农业产业园, 新组建…, 新认证…, 新签约…项目): named 新增 as 新认定… are (not 新设施, 新设备, 新设计)
_SET_UP = r"新(?:设立|设(?![施备计置想])|登记|注册|创建|组建|认证|签约)"
_SET_UP_NEW = re.compile(f"^{_SET_UP}(?=[\u4e00-\u9fff])")
_NEW_BEFORE_COUNT = re.compile("(" + "|".join([*INCREMENTS, *("新" + verb for verb in _NEW_BY), "增加", _SET_UP]) + ")"
                               + _ABOUT_END)


def spelled_new(phrase: str) -> str:
    """新设外资企业 -> 新增外资企业, 新登记各类经营主体 -> 新增各类经营主体: one spelling of new ones at
    the start of a name, before its verbs are read (登记 is no ACTION_VERB: 城镇登记失业率)."""
    return _SET_UP_NEW.sub("新增", phrase)


def increment_reaches(cl: Clause, first: Candidate, item: str) -> bool:
    """Whether the 新增 opening a list names the new ones of ``item`` too: a value in the same kind
    of unit as the first (新增高速公路2600公里、农村公路3000公里; 新增科技型中小企业7227家、高新技术企业
    3200家), not a rate, a share, a change or a total (…、规上工业增加值增长7%, …、城镇登记失业率3.2%,
    …、总装机达到3000万千瓦), nor another kind of amount (…、粮食总产量620亿斤)."""
    return unit_kind(first.unit) == unit_kind(cl.value.unit) != "rate" and not _ITEM_OF_ITS_OWN.search(item)


def total_of_new_ones_before(cl: Clause) -> tuple[str, str]:
    """新增百亿县区26个，累计达到46个 -> 百亿县区; 小巨人企业新增12家，达到85家 -> 小巨人企业: a total
    right after the new ones of the segment counts all of them (not after a registry flow such as
    新增城镇就业, whose name is its own)."""
    name, written = cl.memory.last
    if not _NEW_NAME.match(written) or name in cl.resolver.registry or not _ALL_OF_THEM.match(cl.pre.strip()):
        return "", ""
    return cl.resolver.from_phrase(_NEW_NAME.sub("", written), percent=cl.is_percent)


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
_NEW_OF = re.compile("^(?:累计)?(?:" + "|".join([*NEW_VERBS, "新建", "新开工", "建成", "开通"]) + ")")


def new_ones_after_threshold(cl: Clause, pre: str) -> str:
    """新增年销售收入超亿元的农业产业化龙头企业100家: what is counted after a threshold (…超亿元的) is the
    new ones the clause opens with (the threshold is named without 新增: quantity_subject); ``pre``
    with the verb of new ones, else as it was."""
    k = cl.in_clause_index
    if not pre.startswith("的") or k == 0 or not cl.in_clause[k - 1].attribute:
        return pre
    from .quantity_works import NARROWING_OPENS      # (quantity_works imports this module)

    opened = NARROWING_OPENS.match(cl.text, cl.clause_start, cl.in_clause[k - 1].start)
    return opened.group("verb") + pre[1:] if opened and opened.group("verb") in NEW_VERBS else pre
