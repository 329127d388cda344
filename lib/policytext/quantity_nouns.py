"""Noun phrases of the subject step (:mod:`.quantity_subject`): how the text around a value
is cut down to the name of what it measures.

The text before a value loses its time and scope words (今年, 全市, 6月底前), its manner
(举全区之力, 全面), an aspect particle (完成了), a list number (10.) and the predicate words
between the name and the number (首次突破, 年均增长, 控制在); an action verb leaves its object
(实施棚户区改造 -> 棚户区改造, 为老年人发放高龄补贴 -> 高龄补贴); a year inside the name says
when, not what (重点园区2025年营业收入 -> 重点园区营业收入). :class:`IndicatorResolver` turns the
cleaned phrase into a name: the registry's when it names a known indicator, else as written.
:func:`spending_indicator` names a sum by what it was spent on (投入2.13亿元开展农村人居环境整治).
"""
from __future__ import annotations

import re

from .indicators import IndicatorRegistry
from .quantity_spans import BENCHMARK_GAP
from .quantity_time import PART_OF_YEAR, TIME_PREFIX
from .quantity_increments import INCREMENT_AT_END, INCREMENTS, spelled_new
from .quantity_lists import SPLIT_COORD, expand_coordination
from .quantity_works import object_of

__all__ = ["IndicatorResolver", "ACTION_VERB", "BARE_MEASURE", "STAGES", "LEADING_RE", "MAX_NAME",
           "POST_VERB_START", "PREDICATES", "PREDICATE_RE", "PRODUCED", "SPLIT_COORD", "SUBJECT_MEASURED",
           "expand_coordination", "item_noun", "level_with_shared_noun", "post_phrase", "predicate_follows",
           "spending_indicator", "strip_phrase", "strip_phrase_keep_coord", "strip_time"]

# Words between an indicator and its number that say how, not what: 首次突破, 年均增长, 控制在.
_PREDICATE_WORDS = sorted(set("""
首次 再次 分别 均 均为 分别为 分别达 分别达到 年均 同比 环比 比上年 较上年 比去年 较去年 同口径 平均 累计 累积 共 总计 合计
增长 增加 递增 增速 增幅 上涨 涨幅 按 达到 达 突破 超过 超 逾 增至 不低于 不少于 不超过 不高于 低于 高于 近 约 大约 接近 左右
跨越 迈上 整合为 调整为 压减至 压缩至 缩减至 减少至 精简为 压减到 增加至 提高至 提升至 跃升到 跃升至 首次突破 增长到 增加到 提高 提高到 提升 提升到 提高了 增长了
下降 下降到 下降至 下降为 降低 降低到 降低至 降至 降到 降为 减少 减少到 缩短 压缩 减少至 回落 控制在 控制 保持在 保持 稳定在 维持在 为 是 占 投入 累计投入
完成 实现 达到了 突破了 以上 以内 大关 稳居 始终 每年 都在 全部 分别增长 净增 提升了 由 从 在 于 到 工程
预计 有望 力争 确保 争取 努力 将 要 计划 目标 预期 全年 今年 明年 五年 五年来 过去五年 今后五年 未来五年 年 末 底
的 以 其中 和 与 及 数量 增长率 绝对值 上年 去年 就 再 更 可 能 已 也 都 还 并 又 同口径
定为 定在 确定为 设定为 预期目标 拟 拟按 实际 速度 增长速度 幅度 上涨幅度 已经 只有 仅有 仅 先后 一共 总共
较 人均 月人均 年人均 有 共有 拥有 连跨 跨上 站上 稳步 逐步 持续 不断 进一步 大幅 扩容至 扩大至 扩大到 扩展至 上升至 上升到 缩小至 缩小到 优化整合为 优化调整为 优化为 整合优化为 每月 每年 每人
了 全面 全力 基本 顺利 圆满 如期 历史性 跨过 恢复至 恢复到 各 新增 给予
微降 微涨 微增 略降 略增 小幅 小幅增长 小幅下降 小幅上涨 小幅回落 逆势 逆市
缩减到 缩减为 压缩到 压缩为 精简到 精简至 压减为 减少为 减至 减到 增到 提高为 提升为 扩大为 增加为 降低为
上升 回升 压降 压减 缩减 下滑 双双 净减 连续 发展到 发展至 负增长 改善
""".split()), key=len, reverse=True)
# 能 is a modal (能达到) unless it ends a noun: 产能, 动能, 储能, 节能 ...
_MODAL_NENG = "(?<![产动功效储热电核光风节性技体潜赋职])能"
# 有 is the verb (重点调度项目有66个) unless it ends a word: 现有, 国有, 所有 ...
_VERB_YOU = "(?<![现所国拥共具没享占富含私公])有"
# 计划 is the verb or time word (今年计划, 年度计划投资) unless it is the thing itself: 招生计划, 行动计划 ...
_PLAN = "(?<!招生|行动|培训|工作|发展|建设|实施|专项|三年|五年)计划"
# 及 as "and", not the end of 普及, 涉及, 惠及
_AND_JI = "(?<![普涉惠])及"
_SPECIAL = {"能": _MODAL_NENG, "有": _VERB_YOU, "计划": _PLAN, "及": _AND_JI}
# 提高到每平方米(2000元): what the value is per, after the verb, is no part of the name
_PER_UNIT = "(?<=[到至为达])每(?:人|户|亩|生|吨|头|只|次|月|年|天|日|公斤|千克|平方米|立方米|公里|千瓦时)"
# a run of predicate words (unanchored, for patterns that hold one between other words)
PREDICATES = "(?:" + "|".join([_SPECIAL.get(w) or re.escape(w) for w in _PREDICATE_WORDS] + [_PER_UNIT]) + ")+"
PREDICATE_RE = re.compile(PREDICATES + "$")
LEADING_RE = re.compile(
    r"^(?:(?:19|20)\d\d年度|" + TIME_PREFIX + "|"
    r"现在|目前|当前|如今|眼下|我国|我省|我们|"
    # 中央提出今年经济…, 国务院确定…: who set it is not what is measured
    r"[^,，;；:：0-9]{0,6}?(?:提出|要求|决定|确定|建议|强调|明确)(?=[^,，;；:：0-9]{2})|"
    r"[“\"]?十[三四五六]五[”\"]?(?:期?末|期间|时期)?|前[一二三四]季度|[一二三四]季度|上半年|下半年|"
    r"五年|年均|累[计积]|力争|确保|争取到?|预计|计划|努力|其中|每年(?=将|要|都|均)|"
    # 我们的目标是到2025年…, 主要预期目标是: the goal is said, then what it is about
    r"的?(?:主要|预期|奋斗|总体|发展)*目标(?:任务)?(?:是|为)|"
    # ——地区生产总值增长5%左右, ①…, •…: the dash, number or bullet that opens an item of a list
    r"[—\-－─]+|[①-⑳⑴-⒇⒈-⒛•◆◇■□●○▪▶►·※★☆]|"
    r"共有|现有|拥有|已有|全市|全区|全县|全省|全国|全社会|城乡|我们|我市|我区|我县|共(?!建(?!设)|享|同|治|商)|"
    r"将|要|并(?!购|网|轨)|还|也|再(?!就业|生)|总计|合计|实现(?!率)|完成(?!率)|各类|各项|各级|"
    r"[一二三四五六七八九十]是|其[一二三四五]|即|包括|[,，:：、及与]|对(?!口|外|接|标|照|话|象|策)|和(?!美)|"
    # 完成了…: the aspect particle of a cut verb; 10.发放…: a list number; 6月底前, 举全区之力,
    # 加快…: when and how, not what
    r"了|[0-9]{1,2}[.．、](?![0-9])|[0-9]{1,2}月(?:底|末|份|中旬)?(?:前|之前)?|举[^,，;；]{1,4}?之力|"
    r"加快|全力|大力|率先|在(?=全[国省区市县])|全面(?=..))+")
# Stages of a work or project: 开工, 竣工, 在建 … (项目新开工43个、竣工38个)
STAGES = r"(?:新开工|开工建设|开工|竣工投产|竣工|建成投产|建成|投产|完工|在建|续建|新建|改扩建|扩建|改建|改造|签约|落地|投用|交付)"
# A verb that starts an action phrase: what follows is the object (实施31个项目, 累计投入…).
ACTION_VERB = re.compile(
    r"(?:实施|推动|完成|建成(?!区(?!域))|新建成|新建|改建|扩建|新改扩建|改扩建|改造|开展|"
    # (研发投入占GDP比重, 民间投资增长: 投入 and 投资 are the nouns of a share or a change)
    r"投入(?!占|强度|比重|增长|总额|规模)|投资(?!占|比重|额|增长|增速|总额|规模)|引进|培育|创建|办理|获得|获批|获评|荣获|获|发放|"
    r"落实|推进|打造|举办|盘活|带动|解决|吸纳|帮扶|救助|选派|查处|处置|巡察|减负|补贴|划拨|培训|推介|"
    r"引导|扶持|争创|储备|招引|签约|开工|竣工|安置|资助|惠及|覆盖|整治|治理|修复|种植|给予|设立|"
    r"新增|累[计积]|启动|组织|接待|受理|化解|清理|消除|淘汰|关停|整合为|整合|出台|制定|修改|修订|废止|办结|巡察|推出|完工|"
    r"严格|做好|抓好|办好|安排(?!资金|部署)|提供|攻克|突破(?!性|口)|引育|认定|入选|更新(?!改造)|加装)")
_MEASURE_HEAD = re.compile(r"率|量|面积?|比例")
_COUNTED_HEAD = re.compile(r"[\u4e00-\u9fff]{1,3}数")
_LEADING_VERB = re.compile(r"^(?:提升|布局|新组建|组建|形成|认定|落地(?!项目)|减少|削减|精简|撤并|"
                           r"建设(?!用地|项目|任务|资金|规模|面积|投资|工程|进度|周期|标准(?!化)|速度|成本|单位))(?=[^0-9]{2})")
# 生产 before a product, not a noun of its own (生产安全, 生产加工项目, 生产生活垃圾, 生产总值)
PRODUCED = re.compile(r"^(?:全年)?生产(?!安全|加工|生活|经营|要素|总值|基地|线|力|能力|规模|企业|设备|车间|环节|性|资料|许可)"
                       r"([\u4e00-\u9fff]{1,8})$")
# (补贴性职业技能培训: a verb before 性 is an adjective, the start of the object)
_OPENING_VERB = re.compile(r"(?:(?:为|向|给)[^,，;；、]{2,16}?)?(?:(?:" + ACTION_VERB.pattern + ")(?!性))+了?")
_POST_STOP = re.compile(r"[0-9](?![0-9]*强)|(?<=..)在(?!建|线|岗|校|园|职|读|用)|[,，;；:：。!！?？、(（“\"]|第|增至|减少至|全部|稳定|实现|得到|达到|完成|的|等|以上|以内|左右|被|荣获|获|已|"
                        r"进行|巡察|全覆盖|落地|投入|开工|竣工|建成|整合|提升|改造为|发放|提供|给予|办理|"
                        # 178座燃煤小锅炉淘汰: what happened to the things counted
                        r"淘汰|拆除|关停|搬迁(?!安置)|退出|保持|享受|享有|通过|"
                        # how it went: 200个“好社区”试点建设全面铺开, 10个“二线口岸”正式启用
                        r"全面|正式|加快|有序|扎实|顺利|陆续|相继|成功|率先|深入|分别")
# 45件民生实事全面完成: how it went is no part of the name
_POST_ADVERBS = re.compile(r"(?:全面|全部|基本|顺利|如期|提前|均|都|已)+$")
POST_VERB_START = re.compile(r"增|减|达|突破|超过|提高|提升|下降|降|为(?!民)|是|至|到|[0-9]")
# (每年 and 年均 before what is counted say how often, as a year does: 每年城镇新增就业40万人)
_TIME_AT_START = re.compile("^(?:" + TIME_PREFIX + "|每年(?!度)|年均|平均每年)+")
_COORD_LEADING = re.compile("^(?:" + TIME_PREFIX + "|年均|累[计积]|力争|确保|争取|预计|全市|全区|全县|全省|我市|其中|[,，:：])+")


def _strip_unbalanced(phrase: str) -> str:
    """Drop a bracket the clause cut in half ("(一)" leftovers), keep balanced ones: 封山(沙)育林(草)."""
    opened = phrase.count("(") + phrase.count("（")
    closed = phrase.count(")") + phrase.count("）")
    if opened > closed:
        phrase = re.sub(r"^[(（]+", "", phrase)
    elif closed > opened:
        phrase = re.sub(r"[)）]+$", "", phrase)
    return phrase


_INNER_YEAR = re.compile(r"(?<![较比与由从同0-9])(?:19|20)\d\d年度?(?=[^0-9,，;；]{2})")


def _drop_inner_year(phrase: str) -> str:
    """重点园区2025年营业收入 -> 重点园区营业收入: a year inside a name says when; what stands
    before it is kept only when it is a short modifier (…现代化、实现2035年人均地区生产总值 keeps
    人均地区生产总值)."""
    m = _INNER_YEAR.search(phrase)
    if not m:
        return phrase
    before = phrase[:m.start()]
    if len(before) > 6 or re.search(r"[、,，]|实现|确保", before) or ACTION_VERB.search(before):
        before = ""
    return before + phrase[m.end():]


def _object_before_last(verbs: list) -> list:
    """[发放] in …发放高龄补贴: the verb before the last when it gives or completes what follows
    and two characters at least stand between them; else empty."""
    if len(verbs) < 2 or verbs[-2].group() not in _GIVING or verbs[-1].start() - verbs[-2].end() < 2:
        return []
    return [verbs[-2]]


_GIVING = frozenset(["发放", "给予", "实施", "开展"])
# 地区生产总值上半年增长, 规上工业增加值1—5月: a part of a year after the name (with only
# predicate words after it) is no part of the name; 年 alone is a predicate word, so it is taken first
_PART_OF_YEAR_AT_END = re.compile(f"(?<=..)(?:{PART_OF_YEAR})(?:{PREDICATES})?$")


def strip_phrase(phrase: str) -> str:
    """Clean a noun phrase: drop leading time/scope words and trailing predicate words."""
    phrase = phrase.strip(" \t“”\"'‘’")
    prev = None
    while phrase != prev:
        prev = phrase
        phrase = LEADING_RE.sub("", phrase)
        phrase = _PART_OF_YEAR_AT_END.sub("", phrase)
        phrase = _RANK_AT_END.sub("", PREDICATE_RE.sub("", phrase))
        phrase = _strip_unbalanced(re.sub(r"^[“\"「]+|[”\"」]+$", "", phrase))
        # 增长到2020年的152.3亿元, 经济增速2022年以来连续…: a time reference, not part of the name
        phrase = re.sub(r"(?<![较比与由从同0-9])(?:19|20)\d\d(?:年(?:度|底|末|以来)?的?)?$", "", phrase)
        # comparison baselines at the end: 较2016年增长 / 比5年前 / 较五年前 / 由改革前的
        # (自由贸易港法规: the 由 of 自由, 理由, 经由 is no baseline)
        phrase = re.sub(r"(?:较|(?<!占)比(?![重例率])|与|(?<![自理经缘事])由|从|同)[^较比与由从同]{1,8}(?:年|前|期|时)?(?:的)?(?:相比)?$",
                        "", phrase) if re.search(r"(?:较|比(?![重例率])|(?<![自理经缘事])由|从)", phrase[-10:]) else phrase
    phrase = spelled_new(_drop_inner_year(phrase))
    # 蔬菜基地配套建设共完成投资, 项目当年完成投资: the value says how much (累计 stays: it says since when)
    phrase = re.sub(r"(?<=..)(?:共|当年|全年|年内)(?=完成投资$)", "", phrase)
    # an action verb inside the phrase: the object follows it (累计实施亿元以上项目 -> 亿元以上项目)
    verbs = list(ACTION_VERB.finditer(phrase))
    if (share := _SHARE_NAMED.search(phrase)) is not None:
        # 装配式建筑面积占新建建筑比重: a verb after 占 is part of what the share is of
        verbs = [v for v in verbs if v.start() < share.start()]
    opening = _OPENING_VERB.match(phrase)
    if _WORKED_ON.match(phrase):
        verbs, opening = [], None       # 治理水土流失面积: the area treated, not the area eroded
    if verbs and (_MEASURE_HEAD.fullmatch(phrase, verbs[-1].end())
                  or _COUNTED_HEAD.fullmatch(phrase, verbs[-1].end()) and verbs[-1].start() >= 2):
        # 覆盖率, 办结率, 农村危房改造竣工率: a verb before a measure's head names the measure;
        # 国家自然科学基金项目获批立项数: so does one before what is counted (批立项数 is no name)
        verbs, opening = [], None
    if verbs and verbs[-1].group() in ("累计", "累积") and verbs[-1].start() >= 2 and len(phrase) - verbs[-1].end() <= 2:
        # 中欧班列累计开行: 累计 says "in all" before a verb that is no object
        phrase = phrase[:verbs[-1].start()] + phrase[verbs[-1].end():]
    elif verbs and phrase.startswith("额", verbs[-1].end()):
        pass                             # 资助额, 补贴额: the verb names an amount; no object follows it
    elif verbs and verbs[-1].end() < len(phrase) - 1:
        phrase = object_of(phrase, verbs)
    elif opening and opening.end() < len(phrase) - 1:
        # 实施棚户区改造, 为困难家庭发放蔬菜价格补贴: a verb (after its beneficiary) opens the
        # phrase and the name ends in a noun that is also a verb (改造, 补贴): the object
        phrase = phrase[opening.end():]
    elif verbs and verbs[-1].end() == len(phrase) and _object_before_last(verbs):
        # 为老年人发放高龄补贴: the name is the object of the verb before the last (补贴 is its
        # head); 城市建设完成投资 keeps its subject (nothing between 完成 and 投资)
        phrase = phrase[_object_before_last(verbs)[-1].end():]
    elif verbs and verbs[-1].start() == 0:
        phrase = ""                      # 实施31个项目: the object follows the number
    elif opening and phrase[0] in "为给":
        phrase = phrase[1:]              # 为经营主体减负1000亿元: what is done, for whom
    phrase = LEADING_RE.sub("", phrase)
    # 改造提升高标准农田, 建设外向型产业集聚区: a verb that is also part of nouns (乡村建设示范村)
    # opens the object only at the start
    phrase = _LEADING_VERB.sub("", phrase)
    # 生产钾肥757.5万吨, 生产原油239万吨: what was produced is measured by its output
    phrase = PRODUCED.sub(r"\1产量", phrase)
    # 新组建省实验室、产业创新研究院等10家: 等 ends the examples; the count follows
    phrase = re.sub(r"(?<=..)等$", "", phrase)
    # coordinated nouns before one value read as one name: 地表水、地下水和饮用水达标率
    # 学前教育提升、义务教育改薄等项目: 等 closes a list of examples; the class follows it
    examples = list(_EXAMPLES_END.finditer(phrase))
    if examples and len(phrase) - examples[-1].end() >= 2:
        phrase = phrase[examples[-1].end():]
    # (not the 及 of 普及率, the 与 of 参与率)
    items = _COORD_SEP.split(phrase) if "、" in phrase else [phrase]
    if sum(map(len, items)) > MAX_NAME:
        # a clause ending in 的 describes the noun after it: cut there rather than mid-word
        head = phrase.rsplit("的", 1)[-1]
        items = _COORD_SEP.split(head) if 4 <= len(head) < len(phrase) and "、" in head else \
            [head] if 4 <= len(head) < len(phrase) else items
    while len(items) > 1 and sum(map(len, items)) > MAX_NAME:
        items = items[1:]        # still too long: the items nearest the value, none cut in half
    phrase = re.sub(r"^[的之]", "", "".join(items))
    return phrase[-MAX_NAME:]


# A verb of work on a stock opening an area or a length: what was worked on (治理水土流失面积,
# 改造城镇老旧管网长度), not the stock (水土流失面积 is the land eroded)
_WORKED_ON = re.compile(r"^(?:治理|整治|修复|改造|改建|新改建|硬化)[\u4e00-\u9fff]{1,10}(?:面积|里程|长度)$")
# 高速公路通车里程全国第四、突破1万公里: the rank said before the value is no part of the name
# (…总产值在全国率先突破1万亿元: being first is how it went, no part of the name either)
_RANK_AT_END = re.compile(r"(?:(?:居|位居|位列|排名|跃居|升至)?(?:全国|全省|全区|全球|世界|西部|中部|东部)"
                          r"(?:第[0-9一二三四五六七八九十]+位?|前列|首位|前[0-9一二三四五六七八九十]+位?)"
                          r"|在?(?:全国|全省|全区|全球|西部|中部|东部)?率先)[、,，]?$")
# 等 closing a list of examples (not 高等级, 中等, 等于)
_EXAMPLES_END = re.compile(r"(?<![高中初同])等(?![级于同次化])")
_COORD_SEP = re.compile(r"、|和(?![谐平美睦])|" + _AND_JI + r"(?!时)|(?<!参)与")


_SPECIFICATION = re.compile(r"^[0-9]+(?:\.[0-9]+)?[万亿]?(?:千伏|千瓦时|千瓦|兆瓦|蒸吨|吨|立方米|米|座|层)级?(?:及以[上下])?的?"
                            r"(?=[\u4e00-\u9fff])")


def predicate_follows(tail: str) -> bool:
    """Whether ``tail``, the text right after a value, opens with a predicate (全部脱贫, 实现通车,
    增至…, 实施…) rather than a noun."""
    return bool(POST_VERB_START.match(tail) or ACTION_VERB.match(tail) or _POST_STOP.match(tail))


def post_phrase(text: str, pos: int, limit: int) -> str:
    """The noun after a count: 82个贫困村全部退出 -> 贫困村; 实施31个教育建设项目 -> 教育建设项目."""
    shared = level_with_shared_noun(text, pos, limit, post_phrase)
    if shared is not None:
        return shared
    # 20个500千伏输变电工程, 3座35万千瓦光热电站: the specification is no part of the name
    tail = _SPECIFICATION.sub("", text[pos:limit])
    if POST_VERB_START.match(tail) or tail.startswith(("和", "及", "与")):
        return ""                       # 从4.39件增至9.40件: a predicate; 建议405件和提案590件: the next item
    # 10家左右在全国有重要行业影响力的龙头链主企业: the clause before 的 describes the noun; 4000户的改造
    # 任务: the task is of the count; 4座现代化的垃圾中转站: the kind (…化, …型, …式) describes the noun
    tail = re.sub(r"^(?:在|向|对)[^,，;；、的]{1,16}的|^的(?=[\u4e00-\u9fff]{1,6}任务)|"
                  r"^[\u4e00-\u9fff]{1,3}[化型式]的(?=[\u4e00-\u9fff]{2})", "", tail)
    # 15个“极简审批”综合许可事项, 144项“省内通办”: a quoted name opening the noun is part of
    # it; inside, only when the noun goes on after it (20家省级“两业”融合标杆企业, not 5家企业
    # 挂牌“新三板”)
    tail = re.sub(r"^[“\"]([^”\"，,;；。]{1,12})[”\"]", r"\1", tail)
    tail = re.sub(r"[“\"]([^”\"，,;；。]{1,12})[”\"](?=[\u4e00-\u9fff])", r"\1", tail)
    m = _POST_STOP.search(tail)
    phrase = tail[:m.start()] if m else tail
    phrase = re.sub(r"(?:建设|创建)$", "", _POST_ADVERBS.sub("", phrase.strip(" “”\"")))
    return phrase if 1 < len(phrase) <= 16 else ""


_LEVEL = r"(?:国家|省|自治区|市|州|盟|县|区)级"
_LEVEL_LIST = re.compile(rf"({_LEVEL})(?:[、和及与][0-9０-９一二三四五六七八九十百]+[个家所项座处条]{_LEVEL})+")


def level_with_shared_noun(text: str, pos: int, limit: int, noun_at) -> str | None:
    """1个国家级、5个省级、10个市级重点专科 -> 国家级重点专科 at the first count: a bare level
    before more counted levels takes the last item's noun (read by ``noun_at(text, pos, limit)``);
    None when no such list starts at ``pos``."""
    levels = _LEVEL_LIST.match(text, pos, limit)
    if not levels:
        return None
    head = noun_at(text, levels.end(), limit)
    return levels.group(1) + head if head else ""


# What is measured of a subject: 林下经济面积, 生物降解制品总产量, 猕猴桃综合产值
_MEASURES = r"(?:产值|产量|面积|收入|营收|营业收入|利润|利税|税收|出口|进口|销售额|交易额|增加值|规模|人次|人数|保有量)"
BARE_MEASURE = re.compile(r"(?:总|综合)?" + _MEASURES)
SUBJECT_MEASURED = re.compile(r"(?P<subject>[^、,，]{2,}?)(?:种植|播种|养殖)?(?:总|综合)?" + _MEASURES)


# The longest name kept (characters from the end): 规模以上工业企业研发经费支出占营业收入比重 has 21,
# 长三角生态绿色一体化发展示范区制度创新成果 21, 省属规上工业企业对全省规上工业增长的贡献率 22;
# longer phrases are clauses, not names.
MAX_NAME = 24


def strip_time(s: str) -> str:
    return _TIME_AT_START.sub("", s)


def strip_phrase_keep_coord(subject: str) -> str:
    """Like strip_phrase but keeps 、和及与, which expand_coordination splits on."""
    s = subject.strip()
    prev = None
    while s != prev:
        prev = s
        s = _COORD_LEADING.sub("", s)
        s = re.sub(r"(?:预计|年均|均|都|已|将|要|同比|比上年)$", "", s)
    return s


# what follows the noun: a list separator (和/及/与 only before the next value or a name and a
# value: 2×66万千瓦发电和东海拉尔发电厂2×35万千瓦), 等, the clause
# end, or how the work went (年内完工, 基本完工, 正式运营 …: not part of the name)
_ITEM_STOP = (r"、|[和及与](?=[^0-9０-９,，;；:：。、和及与的]{0,8}[0-9０-９]|[一二三四五六七八九十两百千]+万?(?![级是类]))|等|[,，;；:：。!！?？]|$|"
              r"正式|年内|基本|主体|顺利|全线|全面|全部|加快|进展|分别|取得|两位数|新接入|接入|"
              # 与8个东盟国家开展大模型研发合作: the verb after the noun and its object
              r"开展|实施|出台|获得|荣获|入选|纳入|列入|通过|当选|参与|享受|享有|"
              r"按期|如期|按时|提前|圆满|进行|[一二三四]季度|当年|今年|成功|落地|完成|稳定|建成|投入|投运|投产|完工|通车|封顶|开工|核准|实现|"
              r"未|不及|(?<!植)被|获|为(?=[抓重基核主引])|得到|达到|已|(?:均|都)(?=[取为达已在有实得完])")
# (a name may open with a quoted word: 4个“两山”实践创新基地)
_ITEM_NOUN = re.compile(r"(的)?((?:[“\"][^”\"0-9０-９,，;；。、]{1,12}[”\"])?(?:(?!" + _ITEM_STOP + r")[^0-9０-９(（“\"的/])+?)"
                        r"(?:前期工作|前期|工作|工程|建设)*"
                        r"(?=" + _ITEM_STOP + ")")
_PROJECT_NAME = re.compile(r"(.{2,}?(?:项目|工程))(?![区师部库群包公化]|项目)[\u4e00-\u9fff]{2,}")
_NOT_NOUN = re.compile(r"(?:人民币|台阶|大关|水平|目标|突破|方面|方面工作|以上|以下|左右)$|^(?:工程|项目)$|"
                       # 10万千瓦及以下机组, 30万吨级泊位, 12吉瓦时: the value qualifies the noun; 对…, 支持…: a predicate
                       r"^(?:及|[级型/]|时(?!代)|对|向|为|在|给|把|将|并|支持|用于|带动|推动|促进|覆盖|惠及|新增|保持|连续|居|位居)")


def item_noun(text: str, pos: int, limit: int) -> tuple[str, int]:
    """(noun, where it ends) right after a value, 的 allowed before it: 二三级供水管网改造、 /
    热电联产项目前期工作。 -> 热电联产项目; empty when a verb or predicate follows the value."""
    shared = level_with_shared_noun(text, pos, limit, lambda t, p, lim: item_noun(t, p, lim)[0])
    if shared is not None:          # 1个国家级、5个省级…: the noun ends at the level
        return shared, text.find("级", pos, limit) + 1
    m = _ITEM_NOUN.match(text, pos, limit)     # (not text[:limit]: a copy of the whole text per value)
    if not m:
        return "", pos
    noun, end = m.group(2), m.end()
    # 巨化硅氟新材料项目刷新我省…纪录: a project's name ends at 项目/工程; what follows is a predicate
    project = _PROJECT_NAME.match(noun)
    if project:
        noun, end = project.group(1), m.start(2) + project.end(1)
    elif len(noun) > 16 and 2 <= noun.find("和") <= 16:
        # 50万平方米老旧小区既有建筑节能改造和工人新村…区域的供水工程: the value measures the first
        noun = noun[:noun.find("和")]
        end = m.start(2) + len(noun)
    noun = re.sub(r"[“”\"]", "", noun)
    # (16所高校、48个学科入选“双一流”建设名单: the honour after a list of counts is each item's)
    listed = _COUNTS_TO_HONOUR.match(text, end, limit)
    won = _HONOUR.match(text, listed.end() if listed else end, limit) if len(noun) <= 6 else None
    if not (2 if won is None else 1) <= len(noun) <= MAX_NAME or POST_VERB_START.match(noun) \
            or ACTION_VERB.match(noun) or _NOT_NOUN.search(noun):
        return "", pos      # (11个县被认定为…: one character names what won)
    if won:
        # 7个城市获评全国文明城市: the cities that won it, not the cities there are; one name however the
        # honour is worded (荣获…称号, 被评为…: 获评…), so that a target meets its result
        verb = "入选" if won["verb"] == "入选" else "通过" if won["verb"] == "通过" else "获评"
        return noun + verb + re.sub(r"[“”\"]|(?:荣誉)?称号$", "", won["what"]), won.end()
    return noun, end


_COUNTS_TO_HONOUR = re.compile(r"(?:、[0-9０-９]+[个家所项座处条名位][^、，,；;。0-9０-９]{1,8}?)+"
                               r"(?=荣获|获评|入选|被评为|被命名为|被认定为)")
# an honour won, a selection or a standard met by what is counted, named to the end of its clause (通过
# only before a review passed: 通过…评估/验收/认定/贯标, not 通过技改实现…)
_HONOUR = re.compile(r"(?P<verb>荣获|获评|入选|晋级为?|被评为|被命名为|被认定为|通过(?=[^,，;；。、0-9]{0,16}?"
                     r"(?:评估|验收|认定|认证|贯标|审核|评审|考核)(?:$|[,，;；。])))(?P<what>[^,，;；。、0-9]{2,16})"
                     r"(?=$|[,，;；。])")


# ------------------------------------------------------------------ from a phrase to a name

# A占B at the end of a name, without the word for the share
_RATIO_OF = re.compile(r"(?P<a>[^,，;；]*?)(?P<verb>超过|达到|相当于|完成)(?P<b>[^的,，;；]{2,12})的")
_SHARE_NAMED = re.compile(r"(?<=..)占(?!有)[^占]{2,}(?:比重|比例|份额|比率)$")
_SHARE_OF = re.compile(r"..占(?!有)[^占比]{2,}(?<!比重)(?<!比例)(?<!份额)(?<!比率)$")
# (关中5市, 国考10市: a number of cities is a group of them, not the place)
_PLACE_PREFIX = re.compile(r"^(?:[^0-9０-９]{1,6}(?:省|市|县|州|盟|旗|(?<![园小社景矿库街])区))$")
_KEPT_AT_A_SHARE = re.compile(r"(?:稳定在|保持在|达到|达)全国$")
_COMPARED_TO = re.compile(r"上年|去年|同期|上半年|前一年|(?:19|20)\d\d|[“\"]?十[一二三四五六]五|[五5]年前")
_BASELINE_PHRASE = re.compile(r"在[^,，;；]{0,12}基础上|(?:是|为)?[“\"]?十[一二三四五六]五[”\"]?(?:期?末|时期末|期间|时期|以来)?的?")
# Parenthesised Latin abbreviations (GDP), (CPI), price bases (按可比价计算, 同口径), what was
# taken out (剔除虚增空转因素后, 扣除自然因素影响后) and runs (连续8年) qualify a figure; they are
# not part of the indicator's name (封山(沙)育林(草) keeps its brackets).
_QUALIFIERS = re.compile(r"连续[0-9０-９一二两三四五六七八九十]+(?:年|届|次)|[(（][A-Za-z][A-Za-z0-9.]{0,7}[)）]|"
                         r"按(?:可比价(?:格)?|现价|不变价|可比口径|同口径)(?:计算)?|(?:剔除|扣除)[^,，;；、]{1,12}?后")


class IndicatorResolver:
    def __init__(self, registry: IndicatorRegistry):
        self.registry = registry

    def from_phrase(self, phrase: str, *, percent: bool = False) -> tuple[str, str]:
        """(canonical, as written) for the text before a number.

        A registry alias counts when only predicate words (首次突破, 年均增长, 控制在) stand
        between it and the number, and nothing but a place or scope word before it
        (全市地区生产总值 yes; 规上工业企业营业收入, 园区工业产值 no: those are other
        indicators).  Otherwise the cleaned noun phrase is the indicator, as written; for a
        ``percent`` value, a phrase ending in A占B is named as the share it is (A占B比重)."""
        raw = re.sub(r"[“”\"'‘’「」『』]|\[[0-9]{1,2}\]", "", phrase)      # [4]: a footnote mark
        raw = _QUALIFIERS.sub("", _BASELINE_PHRASE.sub("", raw))
        raw = BENCHMARK_GAP.sub("", raw)          # 增速快于全国平均水平: the comparison is no name
        known = self.registry_name(raw)
        if known and (verb := INCREMENT_AT_END.search(raw)) and verb.group(1) not in known[1]:
            return (verb.group(1) + known[1],) * 2     # 高新技术企业新增320家: the new ones (quantity_increments)
        if known:
            return known
        if percent and (ratio := _RATIO_OF.fullmatch(raw)) and (a := strip_phrase(ratio["a"])):
            # 乡村旅游收入超过农民户均收入的10%: a share of the second; 项目完成年度投资的220%: a rate
            written = a + (ratio["b"] + "完成率" if ratio["verb"] == "完成" else "占" + ratio["b"] + "比重")
            return self.registry.canonical(written), written
        if percent:     # 产量稳定在全国1/4: the nation's output is what it is a share of
            raw = _KEPT_AT_A_SHARE.sub("占全国", raw)
        written = strip_phrase(raw)
        if not written:
            return "", ""
        if (verb := INCREMENT_AT_END.search(raw)) and not written.startswith(INCREMENTS):
            written = verb.group(1) + written     # 科技成果转化企业新增1013家 (quantity_increments)
        if percent and _SHARE_OF.search(written):
            written += "比重"            # 民生投入占财政支出(80%): a share, named as one
        # 县域经济总量和城乡居民人均收入…翻一番: one value for a list of known indicators is
        # reported for the first of them
        items = SPLIT_COORD.split(written)
        if len(items) < 2:          # strip_phrase joins items listed with 、
            items = [strip_phrase(item) for item in SPLIT_COORD.split(raw)]
        if len(items) > 1:
            known = self.registry_name(items[0])
            if known and self.registry_name(items[-1]):
                return known
        return self.registry.canonical(written), written

    def registry_name(self, raw: str) -> tuple[str, str] | None:
        """(canonical, as written) of the registry alias that ends ``raw`` (predicate words
        after it allowed) with only place and time words before it; else None."""
        best = None
        for s, e, canon in self.registry.find_all(raw):
            rest = raw[e:]
            if rest and not PREDICATE_RE.fullmatch(rest):
                continue
            if raw[max(0, s - 1):s] == "占":      # 占GDP比重: a share of GDP, not GDP
                continue
            if raw[e - 1] == "比" and _COMPARED_TO.match(raw, e):
                continue        # 城乡居民收入比上年增长8%: the income compared, not the ratio 城乡居民收入比
            if best is None or (e, e - s) > (best[1], best[1] - best[0]):
                best = (s, e, canon)
        if best is None:
            return None
        prefix = strip_time(LEADING_RE.sub("", raw[:best[0]]))
        if prefix and not _PLACE_PREFIX.match(prefix):
            return None
        # the place stays in the name as written: quantities reads it against the document's place
        return best[2], prefix + raw[best[0]:best[1]]


# ------------------------------------------------------------------ what money was spent on

_SPEND_VERB = re.compile(r"(投入|投资|安排|筹措|争取)(?:资金)?[近约超]?$")
# 提升医疗卫生水平,累计投入4.6亿元: the clause before names the field the money went to.
_FIELD_LEAD = re.compile(r"^(?:下大力气|大力|全力|着力|持续|不断|进一步|积极)*"
                         r"(?:提升|提高|加强|推进|推动|改善|加快|完善|强化|深化|实施|发展|办好)")
_FIELD_HEAD = re.compile(r"(?:水平|工作|能力|质量|条件|事业|体系)$")


def _field_of(previous_clause: str) -> str:
    """提升医疗卫生水平 -> 医疗卫生; empty when the clause is not a verb + field phrase."""
    m = _FIELD_LEAD.match(previous_clause.strip())
    if not m:
        return ""
    field = _FIELD_HEAD.sub("", previous_clause.strip()[m.end():])
    return field if 2 <= len(field) <= 8 and not re.search(r"[0-9的和、]", field) else ""


def spending_indicator(text: str, pre: str, end: int, clause_end: int, previous_clause: str = ""
                       ) -> tuple[str, str]:
    """累计投入2.13亿元开展农村人居环境整治 -> 农村人居环境整治投入: money spent on what follows
    (or, with nothing after it, on the field the clause before names)."""
    m = _SPEND_VERB.search(pre)
    if not m or strip_phrase(pre[:m.start()]):
        return "", ""
    tail = text[end:clause_end]
    verb = ACTION_VERB.match(tail) or re.match(r"用于|实施|开展|改善|办好|建设|推进", tail)
    # money put in (投入, 投资) or allotted and raised (安排, 筹措, 争取): 就业惠民工程资金
    head = m.group(1) if m.group(1) in ("投入", "投资") else "资金"
    if not verb:
        field = _field_of(previous_clause) or _paid_for_next(text, tail, clause_end)
        return (field + head, field + head) if field else ("", "")
    obj = re.sub(r"^了|^[0-9.]+[^0-9]?", "", tail[verb.end():])      # 实施了…, 实施31个教育建设项目
    obj = re.split(r"[0-9,，;；:：。(（“\"]|的", obj, maxsplit=1)[0] if obj else ""
    examples = list(_EXAMPLES_END.finditer(obj))
    if examples and len(obj) - examples[-1].end() >= 2:               # 实施A、B等项目
        obj = obj[examples[-1].end():]
    obj = obj.split("、", 1)[0]
    return (obj + head, obj + head) if 1 < len(obj) <= 16 else ("", "")


# 投资6.6亿元，实施两河圣山文化旅游景区的基础设施建设: a verb opening the next clause, and what
# it was paid for; the object is taken whole only when nothing (a figure, a list) cuts into it
# (实施重点商贸流通项目17个, 建成保障性住房2262套: the count after the object is no cut)
_NEXT_CLAUSE_PAID = re.compile(r"[，,](?:重点|启动|统筹|加快|集中)?(?:实施了?|推进|完成|用于|建设|建成|新建)"
                               r"(?:[0-9]+[个项座条所])?(?P<obj>[^0-9,，;；:：。、等的(（]{4,18}?)"
                               r"(?:的[^0-9,，;；:：。、等]{0,12})?(?:[0-9.]+万?[个项座条所栋套户处家])?(?=[，,;；。]|$)")


# 投资4360万元，对城区雨水管网进行全面改造: what was done to what
_NEXT_CLAUSE_DONE_TO = re.compile(r"[，,]对(?P<obj>[^0-9,，;；:：。、等的]{2,12}?)进行(?:了)?(?:全面|综合|集中|系统)?"
                                  r"(?P<act>改造|维修|提升|整治|修缮|治理|升级)(?=[，,;；。]|$)")


def _paid_for_next(text: str, tail: str, clause_end: int) -> str:
    """What a sum with nothing after it in its clause was paid for, from the clause after it."""
    if tail.strip():
        return ""
    m = _NEXT_CLAUSE_PAID.match(text, clause_end)
    if m:
        return re.sub(r"[“”\"]", "", m.group("obj"))        # (“菜篮子”工程建设)
    m = _NEXT_CLAUSE_DONE_TO.match(text, clause_end)
    return m.group("obj") + m.group("act") if m else ""
