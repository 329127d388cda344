"""Verbs of work on a stock, and what a name keeps of them.

改造棚户区住房3.5万套 counts the houses renovated, not the shanty houses there are; 治理沙化土地93.5万亩
the land treated, not the desert. So the verb stays in the indicator's name, after the object as
programmes are named (棚户区改造, 沙化土地治理, so 完成棚户区改造… elsewhere matches), or before it when
it builds as well (新改建农村公路, 新建改造高标准农田, also for 新建和改造 and 新建、改造). A verb
inside a noun keeps the noun (棚户区改造任务, 实施“三化”改造项目). 新建 alone is dropped: the new ones are
what a count of them means. The items listed after such a verb are worked on too (改造城镇老旧小区
7323个、棚户区5.2万套), unless an item has a verb of its own (、加装电梯2000部, 、涉及居民5万户). The acts
of law-making stay with what they act on the same way (制定修改废止省政府规章), and so do debts
resolved, problems solved and people helped (化解政府债务, 解决突出困难问题,
救助受灾困难群众: not the debt, the problems or the people there are), and lifts and plantations
renewed or added (更新住宅电梯, 加装更新住宅电梯, 更新老龄低产低质胶园). Not 突破 and 攻克: 关键核心技术
counts the breakthroughs either way, and a target 攻克…40项 must meet the result 突破…45项. A bare task (完成今年
4000户的改造任务) is the work its paragraph names just before (继续推进棚户区改造工程: 棚户区改造).
"""
from __future__ import annotations

import re

from .quantity_increments import NEW_VERBS, new_ones

__all__ = ["NARROWING", "NARROWING_OPENS", "object_of", "inherits_work", "task_of_work_before"]

# (制定、修改、废止省政府规章45件 counts the rules made, changed or repealed)
NARROWING = frozenset(["改造", "改建", "扩建", "改扩建", "新改扩建", "修复", "整治", "治理", "制定", "修改", "修订", "废止",
                       "化解", "解决", "救助", "更新", "加装"])
# what joins verbs of work (新建和改造, 新建、改扩建, 修订或废止)
_JOINERS = "、和及或"
_JOINED = ("", *_JOINERS)
_JOINED_AT_END = re.compile(f"[{_JOINERS}与]$")
# single verbs whose noun form follows the object in a programme's name (棚户区改造, 沙化土地治理)
_NOUN_AFTER = frozenset(["改造", "改造提升", "治理", "整治", "整治提升", "修复"])
_TASK_NOUNS = frozenset(["任务", "工程", "项目", "计划", "行动", "工作", "试点"])
# a clause opening on such a verb: the items listed after its first value are worked on too
# (新增: the new ones, quantity_increments)
NARROWING_OPENS = re.compile(r"(?:全年|累计|共|完成|实施|开工)?(?P<verb>(?:新建[和、]?)?(?:新改扩建|改扩建|新改建|"
                             r"改建|扩建|改造提升|整治提升|改造|治理|修复|整治)|" + "|".join(NEW_VERBS) + ")")
_PROBLEMS = re.compile(r"(?:难题|问题|瓶颈)$")
# an item with a verb (or a beneficiary) of its own is not worked on by the verb before the list
_OWN_VERB = re.compile(r"(?:加装|涉及|受益|惠及|带动|覆盖|新增|完成|实现|建成|新建|造林|绿化|植树|安置|搬迁)")


def object_of(phrase: str, verbs: list) -> str:
    """The name after the last of ``verbs`` (regex matches in ``phrase``): its object, or, when the
    verb narrows what it works on, the object with the verb (see the module doc)."""
    last = verbs[-1]
    if (new := new_ones(phrase, verbs)) is not None:
        return new
    if last.group() in ("突破", "攻克") and _PROBLEMS.search(phrase, last.end()):
        # 突破重点产业链技术难题: problems solved (not 攻克关键技术, the technologies); 攻克 is written 突破,
        # so that a target 攻克…难题 meets its result 突破…难题
        return "突破" + phrase[last.end():]
    if last.group() not in NARROWING:
        return phrase[last.end():]
    start, before = last.start(), verbs[:-1]
    while before and phrase[before[-1].end():start] in _JOINED and before[-1].group() in NARROWING | {"新建"}:
        start = before.pop().start()
    opened = before[-1].end() if before else 0
    if start > opened and not _JOINED_AT_END.search(phrase, opened, start):
        # (a noun before the verb: the verb is part of a noun; 棚户区改造任务 is the 棚户区改造 of a year)
        return re.sub(r"(?<=改造|治理|修复|整治)任务$", "", phrase[opened:])
    start -= phrase[start - 1:start] == "新"          # 新改建农村公路
    end = last.end() + 2 * phrase.startswith("提升", last.end())      # 改造提升盐碱耕地
    done, rest = phrase[start:end], phrase[end:]
    if rest.startswith(tuple(_JOINERS)):
        return phrase[start:]           # 修复和新造红树林: a verb joined after it
    if done in _NOUN_AFTER and rest not in _TASK_NOUNS:
        return rest + done              # (改造任务, 治理工程: the verb names the task)
    return re.sub(f"[{_JOINERS}]", "", done) + rest      # 新建和改造, 新建、改造: 新建改造


def inherits_work(item: str) -> bool:
    """Whether a listed item (the text before its value) is worked on by the verb opening the list."""
    return _OWN_VERB.match(item.lstrip("、，, ")) is None


# a bare task (完成今年8008户改造任务) and the work it belongs to, named just before (继续推进棚户区改造工程。)
_BARE_TASK = re.compile(r"(?:改造|建设|搬迁|征收|拆迁)?任务|改造")
_WORK_NAMED = re.compile(r"(?:推进|实施|开展|完成|加快|抓好|做好|深化|启动|全面|继续|持续)?"
                         r"((?:(?!推进|实施|开展|完成|加快|抓好|做好|深化|启动)[\u4e00-\u9fff]){2,6})(改造|建设)")


def task_of_work_before(text: str, start: int, written: str) -> str | None:
    """The work a bare task belongs to (改造任务 after 继续推进棚户区改造工程: 棚户区改造), named in the
    200 characters before ``start`` (the text of its paragraph), or None."""
    if not _BARE_TASK.fullmatch(written):
        return None
    before = text[max(0, text.rfind("\n", 0, start) + 1, start - 200):start]
    verb = written[:2] if written[:2] in ("改造", "建设") else None
    named = [m for m in _WORK_NAMED.finditer(before) if verb is None or m.group(2) == verb]
    return named[-1].group(1) + named[-1].group(2) if named else None

