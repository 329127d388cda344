"""Words that say where a report comes from rather than what it says.

Keyness and TF-IDF set places against each other, and a place's own name and its cities are
always among its most distinctive words (provinces2026: 江苏, 苏州, 南京 lead 江苏's keyness,
郑州, 洛阳, 周口 河南's), as are a report's words for its own territory (全省, 我区, 盟市).
Notebooks 02 and 03 leave them out of those comparisons unless asked to keep them.

The names come from data/places_v1.csv, the National Bureau of Statistics' division codes
(scripts/make_places.py says how it was made): every province, prefecture and county by its
full name, and the short forms writers use (江苏省 -> 江苏, 广西壮族自治区 -> 广西,
海西蒙古族藏族自治州 -> 海西, 海拉尔区 -> 海拉尔). A county's short form counts from three
characters: two-character ones are everyday words too often (和平区, 新华区, 长安区, 城关镇), and
so are a few other names (幸福安康, 朝阳产业, 老城区改造: COMMON_WORDS). Given the corpus, a
two-character one counts too when the county is a report's own place (凉州区 -> 凉州) or, for a
县 or a 旗, its full name is written in a report (古浪县 -> 古浪). REGIONS adds the parts of provinces and the
literary names reports call them by (苏南, 皖北, 关中, 江淮, 三秦, 陇原, 赣鄱 …), hand-listed.
A province's or prefecture's stretch of something (安徽段, 郑州段) only says where, and goes too. Names
of things that begin with a place's name (海南自由贸易港, 青海湖, 河西走廊, 兰州大学) stay: they are
what a report is about.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["COMMON_WORDS", "PLACES_PATH", "REGIONS", "SELF_REFERENCES", "place_words", "short_name"]

PLACES_PATH = Path(__file__).resolve().parent / "data" / "places_v1.csv"

# names that are also everyday words or other names: left in the text (长治久安, 孙中山, 阿里巴巴, 来宾,
# 白银 the metal, 周年大庆; 城区, 郊区, 矿区, 新城区, 老城区 and 平房区 are districts of some cities and words
# of every report)
COMMON_WORDS = frozenset(["朝阳", "长治", "大同", "安康", "中山", "阿里", "来宾", "白银", "大庆", "城区", "郊区",
                          "矿区", "新城区", "老城区", "平房区", "解放区"])
# a report's words for its territory and the levels of government (not 区内, 市内: cut out of 片区内)
SELF_REFERENCES = frozenset([
    "全省", "全市", "全区", "全县", "全州", "全盟", "全旗", "全自治区", "全省域", "全市域", "全区域",
    "我省", "我市", "我区", "我县", "我州", "我盟", "我旗", "本省", "本市", "本区", "本县",
    "省级", "市级", "县级", "区级", "盟市", "旗县", "市州", "市县", "县区", "区县", "县市区",
    "省会", "省内", "省外", "自治区", "省委", "省政府", "市委", "市政府", "区委", "区政府", "县委", "县政府",
    # 自治区党委 is cut 自治区|党委: the region's 省委 (广西, 内蒙古 had 党委 among their "own" terms)
    "党委"])
# parts of provinces and the literary names of provinces (not 三江源, 北部湾, 长三角: what they hold
# is a topic of its own)
REGIONS = frozenset([
    "苏南", "苏北", "苏中", "皖北", "皖南", "皖中", "皖西", "江淮", "关中", "陕北", "陕南", "三秦",
    "陇原", "陇东", "陇中", "河西", "中原", "豫东", "豫西", "豫南", "豫北", "赣鄱", "赣南", "赣北",
    "赣东北", "八桂", "桂北", "桂南", "桂西", "桂东", "蒙东", "蒙西", "河套", "琼北", "琼南", "琼州",
    "河湟", "青南", "三晋", "齐鲁", "胶东", "燕赵", "荆楚", "巴蜀", "天府", "八闽", "闽南", "闽东",
    "闽西", "岭南", "粤东", "粤西", "粤北", "湖湘", "潇湘", "三湘", "浙南", "浙北", "浙东", "浙西",
    "龙江", "辽西", "辽南", "辽东", "冀中", "冀南", "晋北", "晋南", "湘南", "鄂西", "川南", "川西",
    "川东", "川北", "滇中", "滇西", "滇南", "北疆", "南疆", "东疆", "藏北", "塞上"])

_ETHNIC = ("维吾尔|柯尔克孜|哈萨克|达斡尔|鄂温克|鄂伦春|塔吉克|蒙古|朝鲜|土家|布依|哈尼|景颇|傈僳|撒拉|保安|东乡|"
           "裕固|锡伯|仡佬|仫佬|毛南|纳西|普米|拉祜|布朗|独龙|壮|回|苗|藏|羌|彝|侗|傣|白|水|满|黎|瑶|土|佤|怒|畲|各")
# (海西蒙古族藏族自治州: every people named before 自治; 博尔塔拉蒙古自治州 without 族)
# (not 内蒙古自治区: the place's name keeps two characters at least before the peoples)
_AUTONOMOUS = re.compile(f"(?<=[\u4e00-\u9fff]{{2}})(?:(?:{_ETHNIC})族?)+自治(?:区|州|县|旗)$")
_PEOPLE = re.compile(f"(?:{_ETHNIC})族?")
# the Party committee and the government of a province or prefecture (江苏省委, 中共南京市委, 南京市政府)
_ORGANS = ("委", "政府", "人民政府")
_SUFFIXES = {"province": ("自治区", "省", "市"), "prefecture": ("自治州", "地区", "市", "盟"),
             "county": ("自治县", "自治旗", "特区", "新区", "矿区", "县", "区", "市", "旗")}     # (滨海新区: no 滨海新)
# the one 林区 is 神农架's (万柏林区 is 万柏林's 区)
_ODD_SHORT = {"神农架林区": "神农架"}
_SHORTEST = {"province": 2, "prefecture": 2, "county": 3}


def short_name(name: str, level: str) -> str:
    """江苏省 -> 江苏, 广西壮族自治区 -> 广西, 伊犁哈萨克自治州 -> 伊犁, 神农架林区 -> 神农架; the name
    itself when no suffix is known for ``level`` ("province", "prefecture" or "county"); "" when
    what is left names a people (鄂伦春自治旗, 东乡族自治县: the word is the people's too)."""
    if m := _AUTONOMOUS.search(name):
        return name[:m.start()]
    if name in _ODD_SHORT:
        return _ODD_SHORT[name]
    suffix = next((s for s in _SUFFIXES[level] if name.endswith(s)), "")
    short = name[:len(name) - len(suffix)]
    return "" if _PEOPLE.fullmatch(short) else short


@lru_cache(maxsize=4)
def _names(path: str, counties: bool) -> frozenset[str]:
    words = set()
    for row in _rows(path):
        level = row["level"]
        if level == "county" and not counties:
            continue
        short = short_name(row["name"], level)
        words.add(row["name"])
        if level != "county":
            words.update(prefix + row["name"] + organ for organ in _ORGANS for prefix in ("", "中共"))
            # a province's or city's stretch of a river or a line (黄河甘肃段, 合新高铁安徽段) says only where
            words.update(n + "段" for n in (row["name"], short) if len(n) >= 2)
        if len(short) >= _SHORTEST[level]:
            words.add(short)
    return frozenset(words - COMMON_WORDS)


def place_words(corpus=None, *, counties: bool = True, self_references: bool = True) -> frozenset[str]:
    """The names of China's provinces, prefectures and (with ``counties``) counties, full and
    short, the REGIONS, and (with ``self_references``) a report's words for its territory and
    the levels of government (全省, 我市, 省级): pass them to ``tokens_remove(stopwords=...)`` to
    compare what places say rather than where they are. With the ``corpus``, also the
    two-character names of its counties (see the module doc)."""
    words = _names(str(PLACES_PATH), counties) | REGIONS
    if corpus is not None and counties:
        words |= _counties_named(corpus)
    return words | SELF_REFERENCES if self_references else words


def _counties_named(corpus) -> frozenset[str]:
    """The two-character short names of the counties a corpus is about or writes out in full."""
    own = {str(doc.meta.get(key) or "") for doc in corpus for key in ("place", "parent")}
    text = "\n".join(doc.clean for doc in corpus)
    found = set()
    for name in _two_character_counties(str(PLACES_PATH)):
        # (a name ending in 区 or 市 is inside other words too often: 新增城区 holds 增城区, 上海城市 海城市)
        if name in own or name.endswith(("县", "旗")) and name in text:
            found.add(short_name(name, "county"))
    return frozenset(found - COMMON_WORDS)


@lru_cache(maxsize=2)
def _two_character_counties(path: str) -> tuple[str, ...]:
    return tuple(r["name"] for r in _rows(path) if r["level"] == "county" and len(short_name(r["name"], "county")) == 2)


@lru_cache(maxsize=2)
def _rows(path: str) -> tuple[dict, ...]:
    """The table's rows, read once for both lists built from it."""
    with open(path, encoding="utf-8") as f:
        return tuple(csv.DictReader(line for line in f if not line.startswith("#")))
