"""Theme dictionary and theme rates, checked by hand on toy corpora."""
import csv
import io
import subprocess
import sys

import pytest
import yaml

from policytext import corpus
from policytext.errors import ParameterError, PolicyTextError
from policytext.dfm import dfm
from policytext.lexicon import lexicon
from policytext.tokens import segment_text, tokens
from policytext.themes import (THEMES_PATH, DictionaryError, dictionary, textstat_themes, themes_matrix,
                               tokens_lookup)

from conftest import ROOT

REQUIRED = ["economy", "innovation", "reform_opening", "ecology", "rural", "livelihood",
            "culture_tourism", "security", "party_building", "governance"]

# Words separated by commas, so the segmentation is certain (checked in `toy`).
A = "改革，改革，放管服，污染，绿化，农业，今天。"        # 7 words
B = "阶级斗争，革命，农业，农业。"                        # 4 words
P = "过去五年，改革，开放。\n今后五年，污染，绿化，改革。"  # review: 4 words, plan: 5 words


@pytest.fixture(scope="module")
def toy():
    c = corpus({"a": A, "b": B, "p": P},
               meta={"a": {"place": "甲市"}, "b": {"place": "乙市"}, "p": {"place": "甲市"}})
    toks = tokens(c)
    # Preconditions of the hand counts below: the segmenter cut the toy texts as expected.
    assert toks["a"] == ["改革", ",", "改革", ",", "放管服", ",", "污染", ",", "绿化", ",", "农业", ",", "今天", "。"]
    assert toks["b"] == ["阶级斗争", ",", "革命", ",", "农业", ",", "农业", "。"]
    assert [t for t in toks["p"] if t not in ",。\n"] == ["过去", "五年", "改革", "开放", "今后", "五年",
                                                          "污染", "绿化", "改革"]
    return toks


def _row(frame, **where):
    sel = frame
    for key, value in where.items():
        sel = sel[sel[key] == value]
    assert len(sel) == 1, where
    return sel.iloc[0]


# ---------------------------------------------------------------- the default dictionary

def test_default_dictionary_has_the_required_themes_and_a_versioned_header():
    d = dictionary()
    assert set(REQUIRED) <= set(d.ids)
    raw = yaml.safe_load(THEMES_PATH.read_text(encoding="utf-8"))
    for key in ("version", "date", "sources", "licence"):
        assert raw[key], key
    for theme in d:
        assert theme.description and theme.source and theme.label, theme.id
    assert THEMES_PATH.read_text(encoding="utf-8").startswith("# policytext theme dictionary, version 1")


def test_default_dictionary_puts_every_term_in_one_theme_only():
    raw = yaml.safe_load(THEMES_PATH.read_text(encoding="utf-8"))
    seen = {}
    for theme_id, spec in raw["themes"].items():
        for term in spec["terms"]:
            assert term not in seen, f"{term} in {seen.get(term)} and {theme_id}"
            seen[term] = theme_id


def test_every_default_term_is_one_token_of_the_segmenter():
    # A term the segmenter cuts into pieces could never match (matching is token equality);
    # the same holds for neutral terms, which would then exclude nothing.
    d = dictionary()
    listed = [t for theme in d for t in theme.exact] + sorted(d.neutral)
    split = {t: segment_text(t) for t in listed}
    split = {t: "|".join(s) for t, s in split.items() if s != [t]}
    assert not split, f"terms the segmenter cuts: {split}"


def test_every_lexicon_term_containing_a_theme_term_is_listed_or_neutral():
    # The lexicon keeps compounds whole (产业扶贫, 再就业, 治理体系), so a theme term inside one
    # never matches. Each such compound must be a theme term itself or be declared neutral;
    # otherwise a lexicon addition silently lowers a theme's count.
    d = dictionary()
    terms = [t for theme in d for t in theme.exact]
    unlisted = {}
    for word in lexicon():
        if d.match(word) is None and word not in d.neutral:
            inside = [f"{t}({d.match(t)})" for t in terms if t in word]
            if inside:
                unlisted[word] = " ".join(inside)
    assert not unlisted, ("lexicon terms that contain theme terms but are neither listed under a theme "
                          f"nor neutral in themes_v1.yaml: {unlisted}")


def test_neutral_terms_are_compounds_of_theme_terms():
    # neutral exists only to mark such compounds as deliberately uncounted; anything else in it
    # is a stale or mistaken entry.
    d = dictionary()
    terms = [t for theme in d for t in theme.exact]
    assert {"国民经济和社会发展", "香港特别行政区", "革命老区"} <= d.neutral
    assert not [n for n in d.neutral if not any(t in n for t in terms)]


def test_lexicon_compounds_count_for_the_theme_of_their_meaning():
    text = "大力发展产业扶贫，做好再就业工作，完善治理体系，公共预算收入增长8%，支持革命老区。"
    toks = segment_text(text)
    # Precondition: the lexicon keeps the compounds whole.
    assert toks[:7] == ["大力发展", "产业扶贫", "，", "做好", "再就业", "工作", "，"]
    assert {"治理体系", "公共预算收入", "革命老区"} <= set(toks)
    d = dictionary()
    hits = [(t, d.match(t)) for t in toks if d.match(t)]
    # 产业扶贫 is poverty relief (rural), not economy through 产业; 公共预算收入 is fiscal revenue
    # (economy), not household income (livelihood) through 收入; 革命老区 is neutral.
    # (增长 before a figure counts for no theme)
    assert hits == [("产业扶贫", "rural"), ("再就业", "livelihood"), ("治理体系", "governance"),
                    ("公共预算收入", "economy")]


def test_default_dictionary_keeps_the_short_forms_and_key_terms():
    d = dictionary()
    expect = {"改革": "reform_opening", "开放": "reform_opening", "放管服": "reform_opening",
              "一带一路": "reform_opening", "市场经济": "reform_opening", "对外开放": "reform_opening",
              "生态": "ecology", "环境": "ecology", "环境保护": "ecology", "植树造林": "ecology",
              "水土保持": "ecology", "生态文明": "ecology", "碳达峰": "ecology", "节能减排": "ecology",
              "乡村振兴": "rural", "脱贫攻坚": "rural", "就业": "livelihood", "疫情防控": "security",
              "全面从严治党": "party_building", "法治政府": "governance", "旅游": "culture_tourism",
              "产业链": "economy", "人才": "innovation"}
    assert {t: d.match(t) for t in expect} == expect
    assert d.match("党中央") is None  # boilerplate is not counted


def test_a_pastoral_report_counts_its_rural_words():
    # 海拉尔 2012 (bundled): pastoral regions write 农牧业 and 农牧民 where farming ones write 农业, 农民
    from policytext import data_corpus

    c = data_corpus("hailar")
    toks = tokens(c)
    rural = _row(textstat_themes(toks), doc="hailar_gov_2012", theme="rural")
    terms = dict(t.split(":") for t in rural["terms"].split(", "))
    assert int(terms["农牧业"]) == toks["hailar_gov_2012"].count("农牧业") >= 10
    assert "农牧民" in terms


# ---------------------------------------------------------------- validation

def _write(tmp_path, text):
    path = tmp_path / "mythemes.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, problem", [
    ("version: 1\ncolour: red\nthemes:\n  eco: {terms: [污染]}\n", "unknown top-level key(s) colour"),
    ("themes:\n  eco: {terms: [污染], colour: green}\n", "theme 'eco': unknown key(s) colour"),
    ("themes:\n  eco: {terms: []}\n", "theme 'eco' is empty"),
    ("themes:\n  eco: {description: x}\n", "theme 'eco' is empty"),
    ("themes:\n  eco: [污染, 环境]\n  ref: [改革, 环境]\n", "term '环境' is in two themes (eco and ref)"),
    ("themes:\n  eco: [污染, 污染]\n", "term '污染' is listed twice"),
    ("themes:\n  eco: ['生态*']\n  x: [生态文明]\n", "pattern '生态*' of theme eco also matches 生态文明"),
    ("themes:\n  eco: ['污 染']\n", "contains whitespace"),
    ("themes: {}\n", "no themes"),
    ("themes:\n  eco: [污染\n", "not valid YAML"),
    ("themes:\n  eco: [污染]\n  eco: [环境]\n", "not valid YAML (line 3): the key 'eco' is written twice"),
    ("- 污染\n", "must be a mapping"),
    ("themes:\n  eco: [污染]\nneutral: [污染]\n", "term '污染' is both neutral and in theme eco"),
    ("themes:\n  eco: [污染]\nneutral: ['污*']\n", "neutral: term '污*' is a pattern"),
    ("themes:\n  eco: [污染]\nneutral: [污水, 污水]\n", "neutral: term '污水' is listed twice"),
    ("themes:\n  eco: [污染]\nneutral: {terms: [污水], colour: x}\n", "neutral: unknown key(s) colour"),
    ("themes:\n  eco: [污染]\nneutral: 污水\n", "'neutral' must be a list of terms"),
    ("eco: [污染]\nneutral: [污水]\n", "theme id 'neutral' is reserved"),
    ("themes:\n  eco: [污染]\n  gov: {terms: [治理], context: {治理: {not_after: ['{eko}']}}}\n",
     "the context of '治理' names {eko}, which is not a theme"),
    ("themes:\n  gov: {terms: [治理], context: {稳定: {after: [和谐]}}}\n",
     "context for '稳定', which is not one of its terms"),
    ("themes:\n  gov: {terms: [治理], context: {治理: {left: [污染]}}}\n",
     "the context of '治理' must be a mapping with some of after, not_after, before, not_before"),
    ("themes:\n  gov: {terms: [治理], context: {治理: {after: ['大气 污染']}}}\n",
     "context of '治理', after: expected a list of tokens"),
    ("themes:\n  gov: {terms: [治理], context: [治理]}\n", "'context' must map terms to rules, not list"),
])
def test_bad_dictionary_files_name_the_file_and_the_problem(tmp_path, text, problem):
    path = _write(tmp_path, text)
    with pytest.raises(DictionaryError) as err:
        dictionary(path)
    assert str(path) in str(err.value)
    assert problem in str(err.value)
    assert isinstance(err.value, PolicyTextError)


def test_missing_dictionary_file_is_named(tmp_path):
    with pytest.raises(DictionaryError, match="nothere.yaml: theme dictionary file not found"):
        dictionary(tmp_path / "nothere.yaml")


def test_dictionary_from_a_mapping_short_and_full_form():
    short = dictionary({"eco": ["污染"], "ref": ["改革"]})
    full = dictionary({"version": 2, "themes": {"eco": {"terms": ["污染"], "label": "生态"},
                                                "ref": {"terms": ["改革"]}}})
    assert short.ids == full.ids == ["eco", "ref"]
    assert full.label("eco") == "生态" and full.label("ref") == "ref"
    with pytest.raises(DictionaryError, match="<dict>: term '污染' is in two themes"):
        dictionary({"eco": ["污染"], "ref": ["污染"]})


def test_glob_patterns_match_whole_tokens_and_exact_terms_win():
    d = dictionary({"eco": ["生态*"], "soe": ["??改革"], "ref": ["改革"]})
    assert d.match("生态文明") == "eco" and d.match("生态") == "eco"
    assert d.match("国企改革") == "soe"
    assert d.match("改革") == "ref"        # each ? stands for exactly one character
    assert d.match("深化改革") == "soe" and d.match("全面深化改革") is None
    assert d.match("新生态") is None       # patterns are anchored at both ends


def test_neutral_terms_match_nothing_and_win_over_patterns():
    d = dictionary({"themes": {"eco": ["生态*", "污染"]}, "neutral": {"description": "place names",
                                                                   "terms": ["生态城"]}})
    assert d.match("生态城") is None and "生态城" in d.neutral
    assert d.match("生态文明") == "eco" and d.match("污染") == "eco"
    assert dictionary({"eco": ["污染"]}).neutral == frozenset()


def test_an_occurrence_outside_its_context_is_matched_by_no_pattern_either():
    toks = tokens(corpus({"a": "粮食产量稳定在800亿斤。保持社会和谐稳定。"}))
    d = {"themes": {"sec": {"terms": ["稳定", "稳*"], "context": {"稳定": {"after": ["*和谐"]}}}}}
    sec = _row(textstat_themes(toks, d), doc="a", theme="sec")
    assert (sec["count"], sec["terms"], sec["excluded"]) == (1, "稳定:1", "稳定:1")


def test_a_context_rule_reads_the_neighbours_skipping_whitespace():
    d = dictionary({"themes": {"eco": ["污染", "生态*"],
                               "gov": {"terms": ["治理"], "context": {"治理": {"not_after": ["{eco}"]}}},
                               "sec": {"terms": ["稳定"],
                                       "context": {"稳定": {"after": ["*和谐", "安全"], "not_before": "在"}}}}})
    assert d.misses(["污染", "治理", "，", "社会", "治理"]) == [1]
    assert d.misses(["生态环境", "\n", "治理"]) == [2]           # a pattern of eco, a line break between
    assert d.misses(["治理", "污染"]) == []                      # nothing before: not after eco
    assert d.misses(["稳定"]) == [0]                             # `after` needs a token before
    assert d.misses(["社会和谐", "稳定", "。", "安全", "稳定", "在"]) == [4]
    assert d.misses(["改革", "稳定"]) == [1]


# ---------------------------------------------------------------- textstat_themes

def test_counts_rates_and_shares_per_document(toy):
    df = textstat_themes(toy)
    assert list(df.columns) == ["doc", "theme", "label", "count", "n_tokens", "per_1000", "share", "terms",
                                "excluded"]
    assert len(df) == 3 * len(dictionary())          # zero rows are kept
    # Terms are listed by count, ties in code-point order (污 U+6C61 before 绿 U+7EFF).
    # doc a: 7 words (punctuation not counted); 改革 x2 + 放管服 = 3 reform, 污染 + 绿化 = 2 ecology,
    # 农业 = 1 rural; 6 theme hits in all.
    ref = _row(df, doc="a", theme="reform_opening")
    assert (ref["count"], ref["n_tokens"]) == (3, 7)
    assert ref["per_1000"] == pytest.approx(1000 * 3 / 7)   # 428.571...
    assert ref["share"] == pytest.approx(3 / 6)
    assert ref["terms"] == "改革:2, 放管服:1"
    eco = _row(df, doc="a", theme="ecology")
    assert (eco["count"], eco["share"], eco["terms"]) == (2, pytest.approx(2 / 6), "污染:1, 绿化:1")
    assert _row(df, doc="a", theme="economy")["count"] == 0
    assert _row(df, doc="a", theme="economy")["terms"] == ""
    # doc b: 4 words: 阶级斗争 + 革命 = 2 party_building, 农业 x2 = 2 rural; shares 1/2 each.
    pb = _row(df, doc="b", theme="party_building")
    assert (pb["count"], pb["per_1000"], pb["share"]) == (2, 500.0, 0.5)
    assert _row(df, doc="b", theme="rural")["per_1000"] == 500.0
    for doc in "abp":
        assert df[df.doc == doc]["share"].sum() == pytest.approx(1.0)


def test_groups_by_metadata_pool_documents(toy):
    df = textstat_themes(toy, groups="place")
    assert list(df["place"].unique()) == ["甲市", "乙市"]
    # 甲市 = a + p: 7 + 9 = 16 words; reform 3 + 3 = 6; ecology 2 + 2 = 4.
    ref = _row(df, place="甲市", theme="reform_opening")
    assert (ref["count"], ref["n_tokens"], ref["per_1000"]) == (6, 16, 375.0)
    assert ref["terms"] == "改革:4, 开放:1, 放管服:1"


def test_groups_by_part_and_by_document_and_part(toy):
    df = textstat_themes(toy, groups=["doc", "part"])
    p = df[df.doc == "p"]
    assert list(p["part"].unique()) == ["review", "plan"]   # empty parts are left out
    # review: 过去 五年 改革 开放 = 4 words, 2 reform; plan: 今后 五年 污染 绿化 改革 = 5 words.
    assert _row(p, part="review", theme="reform_opening")[["count", "n_tokens"]].tolist() == [2, 4]
    assert _row(p, part="plan", theme="reform_opening")["per_1000"] == 200.0
    assert _row(p, part="plan", theme="ecology")["share"] == pytest.approx(2 / 3)
    parts = textstat_themes(toy, groups="part")
    assert list(parts["part"].unique()) == ["review", "plan", "other"]   # a and b have no cue
    assert _row(parts, part="other", theme="reform_opening")["n_tokens"] == 7 + 4


def test_a_document_without_the_group_value_is_missing():
    c = corpus({"a": A, "b": B}, meta={"a": {"place": "甲市"}, "b": {"place": ""}})
    df = textstat_themes(tokens(c), groups="place")
    assert list(df["place"].unique()) == ["甲市", "(missing)"]
    assert _row(df, place="(missing)", theme="rural")["count"] == 2     # b: 农业, 农业


def test_unknown_group_column_is_an_error(toy):
    with pytest.raises(ParameterError, match="unknown group column.*colour"):
        textstat_themes(toy, groups="colour")


def test_user_dictionary_with_patterns(toy):
    df = textstat_themes(toy, {"green": ["污*", "绿化"], "reform": ["改革"]})
    assert _row(df, doc="a", theme="green")["terms"] == "污染:1, 绿化:1"
    assert _row(df, doc="a", theme="reform")["count"] == 2


def test_themes_matrix_is_wide_and_keeps_order(toy):
    wide = themes_matrix(textstat_themes(toy), labels=False)
    assert list(wide.index) == ["a", "b", "p"]
    assert list(wide.columns) == dictionary().ids
    assert wide.loc["b", "rural"] == 500.0
    by_part = themes_matrix(textstat_themes(toy, groups=["doc", "part"]), value="count")
    assert "p:review" in by_part.index and by_part.loc["p:review", "改革开放"] == 2


def test_tokens_lookup_gives_theme_ids(toy):
    looked = tokens_lookup(toy)
    assert looked["a"] == ["reform_opening", "reform_opening", "reform_opening", "ecology", "ecology", "rural"]
    assert looked.starts("a")[:2] == [0, 3]
    kept = tokens_lookup(toy, exclusive=False)
    assert kept["b"] == ["party_building", ",", "party_building", ",", "rural", ",", "rural", "。"]


def test_terms_of_two_meanings_count_only_in_their_context():
    # Phrases of provinces2026 (安徽, 甘肃, 河南, 陕西), cut as asserted first.
    toks = tokens(corpus({"a": "保持社会和谐稳定。粮食产量稳定在800亿斤。着力稳定房地产市场。",
                          "b": "深入实施大气污染治理。强化信访问题源头治理。推动科技革命和产业变革，保护革命文物。"}))
    assert toks["a"][:6] == ["保持", "社会和谐", "稳定", "。", "粮食产量", "稳定"]
    assert toks["b"][2:4] == ["大气污染", "治理"] and toks["b"][12:14] == ["科技", "革命"]
    df = textstat_themes(toks)
    # a: 12 words; 稳定 three times, security only after 社会和谐; the other two stay words.
    sec = _row(df, doc="a", theme="security")
    assert (sec["count"], sec["n_tokens"], sec["terms"], sec["excluded"]) == (1, 12, "稳定:1", "稳定:2")
    # b: 治理 after 大气污染 (ecology) is not governance, after 源头 it is; both 革命 are not ideology.
    gov = _row(df, doc="b", theme="governance")
    assert (gov["count"], gov["terms"], gov["excluded"]) == (2, "信访:1, 治理:1", "治理:1")
    pb = _row(df, doc="b", theme="party_building")
    assert (pb["count"], pb["excluded"]) == (0, "革命:2")
    assert tokens_lookup(toks)["a"] == ["security", "urban"]
    with pytest.warns(UserWarning, match="context rules of 稳定, 革命, 治理, 综合治理 were not applied"):
        from_dfm = textstat_themes(dfm(toks))
    assert _row(from_dfm, doc="a", theme="security")["count"] == 3


# ---------------------------------------------------------------- generality across decades

OLD = ("在毛主席革命路线指引下，全省人民坚持以阶级斗争为纲，深入开展农业学大寨、工业学大庆的群众运动，"
       "抓革命，促生产，促工作，促战备。人民公社集体经济进一步巩固，粮食生产获得丰收。"
       "广大干部和群众深入批林批孔，巩固无产阶级专政。我们要大搞农田基本建设，兴修水利，"
       "发展社队企业，为实现农业机械化而奋斗。")
MID = ("认真贯彻对内搞活经济、对外实行开放的方针，积极推进以城市为重点的经济体制改革，发展有计划的商品经济，"
       "扩大企业自主权。农村普遍实行家庭联产承包责任制，乡镇企业迅速发展。积极利用外资，引进先进技术，"
       "办好经济特区和沿海开放城市。继续抓好植树造林。")
NINETIES = ("深化国有企业改革，按照建立现代企业制度的要求，抓好国有大中型企业的改组改造，积极稳妥地推进"
            "下岗分流、减员增效和再就业工程。进一步扩大对外开放，大力发展外向型经济，出口创汇稳步增长，"
            "实际利用外资比上年增加。加快建立社会主义市场经济体制，培育和发展要素市场。继续抓好计划生育和植树造林。")
NOUGHTIES = ("深入贯彻落实科学发展观，保增长、扩内需、调结构。大力推进节能减排，单位生产总值能耗下降4.6%，"
             "主要污染物排放总量控制在省下达的指标以内，城市污水处理率达到80%。扎实推进社会主义新农村建设，"
             "落实粮食直补和农机购置补贴政策。加快构建社会主义和谐社会，做好就业和社会保障工作。")
NEW = ("我们坚持以习近平新时代中国特色社会主义思想为指导，全面深化改革，扩大对外开放，"
       "深化“放管服”改革，持续优化营商环境，积极融入“一带一路”建设。坚持生态优先、绿色发展，"
       "践行绿水青山就是金山银山理念，推进生态文明建设，打好污染防治攻坚战，加强生态环境保护，"
       "推动碳达峰碳中和，节能减排成效明显。扎实推进乡村振兴，巩固拓展脱贫攻坚成果。"
       "推动国有企业改革，坚持社会主义市场经济改革方向，实施创新驱动发展战略。")


@pytest.fixture(scope="module")
def eras():
    toks = tokens(corpus({"1975": OLD, "1985": MID, "1998": NINETIES, "2008": NOUGHTIES, "2018": NEW}))
    frame = textstat_themes(toks)
    rate = themes_matrix(frame, labels=False)
    count = themes_matrix(frame, labels=False, value="count")
    return rate, count, frame.set_index(["doc", "theme"])["terms"]


def test_reform_is_absent_before_1978_and_leads_reform_era_texts(eras):
    rate, count, _ = eras
    assert count.loc["1975", "reform_opening"] == 0    # 1970s vocabulary is not reform vocabulary
    # 45, 46 and 58 words with 8, 9 and 10 reform hits (178, 196, 172 per 1000): > 100 holds
    # until three hits are lost. Reform also leads 1985 and 1998 by more than twice the next theme.
    for year in ("1985", "1998", "2018"):
        assert rate.loc[year, "reform_opening"] > 100, year
    for year in ("1985", "1998"):
        others = rate.loc[year].drop("reform_opening")
        assert rate.loc[year, "reform_opening"] > 2 * others.max(), year


def test_ecology_is_marginal_before_the_2000s_and_central_after(eras):
    rate, count, terms = eras
    early, late = ["1975", "1985", "1998"], ["2008", "2018"]
    assert count.loc[early, "ecology"].max() <= 1       # 植树造林 at most
    # The 2008 text speaks ecology through indicator compounds of the lexicon; they count only
    # because they are theme terms themselves.
    assert terms["2008", "ecology"] == "主要污染物排放总量:1, 单位生产总值能耗:1, 污水处理率:1, 节能减排:1"
    for year in late:   # 2008: 4 hits in 41 words (98 per 1000), 2018: 9 in 58 (155); early max 22
        assert rate.loc[year, "ecology"] > 2 * rate.loc[early, "ecology"].max(), year


def test_mao_era_campaigns_count_for_party_building_rural_and_economy(eras):
    rate, _, terms = eras
    assert rate.loc["1975", "party_building"] > rate.loc["2018", "party_building"]  # 阶级斗争, 革命
    # 农业学大寨, 工业学大庆 and 社队企业 are lexicon compounds, listed under rural and economy.
    assert "农业学大寨:1" in terms["1975", "rural"]
    assert "工业学大庆:1" in terms["1975", "economy"] and "社队企业:1" in terms["1975", "economy"]
    assert "家庭联产承包责任制:1" in terms["1985", "reform_opening"]


# ---------------------------------------------------------------- CLI

def test_cli_themes_csv_for_two_files(tmp_path):
    (tmp_path / "one.txt").write_text(A + "\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text(B + "\n", encoding="utf-8")
    env = {"PYTHONPATH": str(ROOT / "lib"), "PATH": "/usr/bin:/bin",
           "POLICYTEXT_CACHE": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "policytext", "themes", str(tmp_path / "one.txt"),
                          str(tmp_path / "two.txt"), "--csv"], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == ["doc", "theme", "count", "per_1000", "share"]
    got = {(r["doc"], r["theme"]): r for r in rows}
    assert len(rows) == 2 * len(dictionary())
    assert got["one.txt", "reform_opening"]["count"] == "3"
    assert float(got["one.txt", "reform_opening"]["per_1000"]) == pytest.approx(1000 * 3 / 7)
    assert float(got["two.txt", "rural"]["share"]) == 0.5


def test_cli_themes_names_a_missing_file(tmp_path):
    env = {"PYTHONPATH": str(ROOT / "lib"), "PATH": "/usr/bin:/bin",
           "POLICYTEXT_CACHE": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "policytext", "themes", str(tmp_path / "gone.txt"), "--csv"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 2
    assert "gone.txt" in out.stderr
