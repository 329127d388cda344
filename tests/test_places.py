"""Place names (policytext.places): short forms, the word set, and what removing it leaves."""
import pytest

from policytext import corpus
from policytext.frequency import textstat_frequency
from policytext.places import COMMON_WORDS, place_words, short_name
from policytext.tokens import tokens, tokens_remove


@pytest.mark.parametrize("name, level, short", [
    ("江苏省", "province", "江苏"), ("北京市", "province", "北京"), ("广西壮族自治区", "province", "广西"),
    ("新疆维吾尔自治区", "province", "新疆"), ("内蒙古自治区", "province", "内蒙古"),
    ("呼伦贝尔市", "prefecture", "呼伦贝尔"), ("阿拉善盟", "prefecture", "阿拉善"), ("阿里地区", "prefecture", "阿里"),
    ("海西蒙古族藏族自治州", "prefecture", "海西"),      # two peoples named, each with 族
    ("博尔塔拉蒙古自治州", "prefecture", "博尔塔拉"),     # a people named without 族
    ("大理白族自治州", "prefecture", "大理"),
    ("海拉尔区", "county", "海拉尔"), ("神农架林区", "county", "神农架"), ("六枝特区", "county", "六枝"),
    ("万柏林区", "county", "万柏林"), ("白云鄂博矿区", "county", "白云鄂博"), ("邯郸冀南新区", "county", "邯郸冀南"),
    ("三都水族自治县", "county", "三都"), ("白沙黎族自治县", "county", "白沙"),
    ("积石山保安族东乡族撒拉族自治县", "county", "积石山"), ("鄂伦春自治旗", "county", ""), ("东乡族自治县", "county", ""),
])
def test_short_name(name, level, short):
    assert short_name(name, level) == short


def test_place_words_hold_full_and_short_names_and_self_references():
    words = place_words()
    for word in ("江苏", "江苏省", "南京", "南京市", "广西", "海西", "海拉尔", "海拉尔区", "全省", "我市", "省级",
                 "江苏省委", "中共南京市委", "南京市人民政府", "内蒙古"):
        assert word in words, word
    # a county's two-character short form is an everyday word too often (和平区, 新华区, 长安区)
    assert "和平区" in words and not {"和平", "新华", "长安"} & words
    assert not COMMON_WORDS & words                   # 城区, 朝阳, 长治: words of every report
    assert "鄂伦春" not in words and "县域" not in words and "发展" not in words
    # the parts of provinces and their literary names; level words; not 区内 (cut out of 片区内)
    assert {"苏南", "皖北", "关中", "江淮", "三秦", "旗县"} <= words and "区内" not in words and "白银" not in words
    assert "海拉尔" not in place_words(counties=False) and "呼伦贝尔" in place_words(counties=False)
    assert "全省" not in place_words(self_references=False) and "江苏" in place_words(self_references=False)
    # 自治区党委 is cut 自治区|党委: the region's 省委, so both halves are administrative words
    assert {"自治区", "党委", "省委"} <= words
    # a province's or city's stretch (合新高铁安徽段) says only where; things named after a place stay
    assert {"安徽段", "安徽省段", "郑州段", "呼伦贝尔段"} <= words
    assert not {"海南自由贸易港", "青海湖", "兰州大学", "海拉尔段", "段"} & words


def test_removing_place_words_keeps_what_the_report_says():
    c = corpus({"a": "江苏省委要求全省推进乡村振兴，南京加快发展。", "b": "我市坚持乡村振兴。"})
    toks = tokens(c, discover=False)
    kept = tokens_remove(toks, stopwords=place_words())
    assert toks["a"][:3] == ["江苏省委", "要求", "全省"]       # the province's committee: one token, a place word
    assert kept["a"] == ["要求", "推进", "乡村振兴", "加快", "发展"]      # (punctuation goes by default)
    assert kept["b"] == ["坚持", "乡村振兴"]
    freq = textstat_frequency(toks, remove=False)
    assert set(freq["feature"]) & place_words() == {"江苏省委", "全省", "南京", "我市"}


def test_with_the_corpus_its_own_two_character_counties_go_too():
    c = corpus({"a": "凉州区坚持乡村振兴，凉州发展加快。古浪县文旅融合，古浪游客增长。和平是发展的前提。"
                     "新增城区绿地，敦煌市游客增长。"})
    c["a"].meta.update(place="凉州区")
    assert "凉州" not in place_words() and "古浪" not in place_words()
    words = place_words(c)
    # its own place (the metadata) and a 县 written out in full; not a county it never names, nor a
    # 区 or 市 found inside other words (新增城区 holds 增城区), which is not looked for
    assert {"凉州", "古浪"} <= words and not {"和平", "昆山", "增城", "敦煌"} & words
    assert "凉州" not in place_words(c, counties=False)

