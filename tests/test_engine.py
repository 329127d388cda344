"""Cutting engines (policytext.engine): lossless, policy-aware, and the two engines agree."""
import re
from pathlib import Path

import jieba
import pytest

from policytext.engine import ENGINES, segmenter
from policytext.errors import ParameterError
from policytext.tokens import segment_text

DATA = Path(__file__).resolve().parent / "data"
BOTH = pytest.mark.parametrize("engine", ENGINES)


@BOTH
@pytest.mark.parametrize("text", [
    "",
    " ",
    "我 们  在\n\n\u3000\u3000工作",
    "2021年增长8%，达到326.5亿元。\r\n第二行\t制表",
    "ＧＤＰ增长８％，全角ＡＢＣ１２３",
    "GDP、CPI和5G基站；COVID-19疫情😀👍🏽。",
    "——……“双碳”《报告》【注】(一)",
    "\n\n\n",
    "𠀀𠀁汉字扩展B区和〇〇〇",
    "a\u200bb\u00a0c",
])
def test_lossless_on_tricky_strings(engine, text):
    toks = segment_text(text, engine=engine)
    assert "".join(toks) == text
    assert all(toks)  # no empty tokens


@BOTH
def test_numbers_whitespace_and_punctuation_runs(engine):
    toks = segment_text("城镇居民收入48132元，增长8%，达到326.5亿元。\n\n\u3000\u3000下一段……", engine=engine)
    for number in ["48132", "8%", "326.5"]:
        assert number in toks
    assert "\n\n\u3000\u3000" in toks  # one whitespace token per run
    assert "……" in toks


# Characters the fast engine must map or treat specially (see engine.py): ASCII and full-width
# letters and digits inside Han blocks, 〇, . and %, CJK extension A and compatibility
# ideographs, dictionary words with latin letters (B超, T恤, A股), lexicon terms with digits.
MIXED = ("中核四0四和四〇四厂，单位GDP能耗下降3.5%，A级景区12345热线，中国制造2025。B超T恤A股"
         "卡拉OK，ＣＰＵ和５Ｇ，二〇二四年，㐀㐁丽豈，X光机和U盘，3D打印，PM2.5浓度，"
         "第1季度GDP增长5.2%。")


def test_engines_agree_on_mixed_characters():
    fast, reference = segment_text(MIXED), segment_text(MIXED, engine="jieba")
    assert fast == reference
    assert {"中核四0四", "单位GDP能耗", "3.5%", "A级景区", "12345热线", "中国制造2025", "B超",
            "T恤", "A股"} <= set(fast)


def test_cut_many_gives_each_text_its_own_tokens():
    # Many short texts through the fast engine's pipeline (jieba-rs cutting the next one in a
    # thread): nothing joins across their edges (whitespace, repeated punctuation, digits, a
    # lexicon term's head), and texts cut block by block (extension B) or empty keep their place.
    texts = ["社会", "治理体系现代化", "增长8", "%，达到326.5亿元。  ", "  \n下一段……", "……完", "", "2021",
             "年GDP增长5.2%", "𠀀扩展B区", "A", "B超T恤"] * 40
    fast = segmenter()
    many = list(fast.cut_many(texts))
    assert many == [fast.cut(t) for t in texts]
    assert many == list(segmenter("jieba").cut_many(texts))
    assert list(fast.cut_many(texts, joined=True)) == ["\ue000".join(t) for t in many]


def test_engines_agree_on_shuffled_characters():
    # Random strings of report characters: many close calls between one word and two.
    import random

    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff" or c.isdigit()]
    rng = random.Random(7)
    for _ in range(20):
        rng.shuffle(chars)
        sample = "".join(chars[:3000])
        assert segment_text(sample) == segment_text(sample, engine="jieba")


# Characters the fast engine's whole-text cut treats one by one (engine_rjieba: mapped digits
# and letters, # & + - _ that jieba-rs would put in a block, whitespace of every kind, runs of
# a repeated character, 〇, full-width forms, private-use and extension-B characters, which
# send the text down the block-by-block way).
EDGE_CHARS = list("0123456789abXYZ.%．％〇ＣＰ５Ｇ#&+-_ \t\n\r\u3000\xa0\x1c\x1f\x00…—，。、“”（）:/@😀🏽"
                  "\u3400\uf900\u200b\u2028\ue000\ue003") + ["\U00020000", "\U0002a601"]


def test_engines_agree_on_report_text_with_edge_characters():
    import random

    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    rng = random.Random(11)
    samples = []
    for _ in range(300):
        start = rng.randrange(len(text) - 200)
        chars = list(text[start:start + rng.randrange(1, 200)])
        for _ in range(rng.randrange(0, 8)):
            chars[rng.randrange(len(chars))] = rng.choice(EDGE_CHARS) * rng.choice([1, 1, 2, 3])
        samples.append("".join(chars))
    samples += ["".join(rng.choice(EDGE_CHARS) for _ in range(40)) for _ in range(100)]
    fast = segmenter()
    reference = [segment_text(s, engine="jieba") for s in samples]
    assert [fast.cut(s) for s in samples] == reference
    assert list(fast.cut_many(samples)) == reference        # the pipelined way, in order


@BOTH
@pytest.mark.parametrize("term", ["地区生产总值", "省域副中心", "乡村振兴", "高质量发展", "一般公共预算收入",
                                  "中核四0四", "河湖长制"])
def test_lexicon_terms_kept_whole(engine, term):
    toks = segment_text(f"全面推进{term}，坚持{term}和其他工作", engine=engine)
    assert toks.count(term) == 2


@BOTH
def test_context_words_still_win_over_terms(engine):
    # 强工业 is a lexicon term (强科技、强工业、强县域) but 加强工业 is 加强|工业.
    assert segment_text("加强工业领域节能监管", engine=engine)[:2] == ["加强", "工业"]
    assert "强工业" in segment_text("强科技、强工业、强县域", engine=engine)


@BOTH
def test_granularity_of_compound_phrases(engine):
    assert segment_text("落实中央八项规定精神", engine=engine)[-2:] == ["中央八项规定", "精神"]
    assert segment_text("推进老旧小区改造", engine=engine)[-2:] == ["老旧小区", "改造"]


def test_reference_matches_jieba_dag_without_hmm():
    # The reference's compact DP must reproduce jieba's maximum-probability path.
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    han = "".join(re.findall(r"[\u4e00-\u9fff]+", text))
    seg = segmenter("jieba")
    assert seg.cut_block(han) == list(seg.tk.cut(han, HMM=False))
    assert segmenter().cut_block(han) == seg.cut_block(han)


def test_global_jieba_is_not_touched():
    before = (jieba.dt.initialized, len(jieba.dt.FREQ), jieba.dt.total, dict(jieba.dt.user_word_tag_tab))
    for name in ENGINES:
        segment_text("乡村振兴和高质量发展", terms=["鹿鸣湾"], engine=name)
    assert segmenter("jieba").tk is not jieba.dt
    assert (jieba.dt.initialized, len(jieba.dt.FREQ), jieba.dt.total,
            dict(jieba.dt.user_word_tag_tab)) == before
    assert "乡村振兴" not in jieba.dt.FREQ


@BOTH
def test_pos_tags(engine):
    pairs = segment_text("推进乡村振兴，增长8%，GDP", pos=True, engine=engine)
    assert ("乡村振兴", "nz") in pairs and ("推进", "v") in pairs
    assert ("8%", "m") in pairs and ("GDP", "eng") in pairs and ("，", "x") in pairs
    assert "".join(t for t, _ in pairs) == "推进乡村振兴，增长8%，GDP"
    assert ("鹿鸣湾", "nz") in segment_text("建设鹿鸣湾", pos=True, terms=["鹿鸣湾"], engine=engine)


@BOTH
def test_engines_are_immutable(engine):
    base = segmenter(engine)
    with_term = base.with_terms(["鹿鸣湾"])
    assert with_term is not base and with_term.terms == ("鹿鸣湾",) and base.terms == ()
    assert "鹿鸣湾" in with_term.cut("建设鹿鸣湾景区")
    assert "鹿鸣湾" not in base.cut("建设鹿鸣湾景区")          # the base engine did not change
    assert base.with_terms(["鹿鸣湾"]) is with_term           # same terms, same engine
    assert base.with_terms(["乡村振兴"]) is base               # already a word: nothing new
    assert segment_text("建设鹿鸣湾景区", engine=engine) == base.cut("建设鹿鸣湾景区")


def test_a_fresh_fast_engine_and_its_first_terms_engine_both_cut_right():
    # The first corpus-terms engine of a fast base engine reuses the base's rjieba instance
    # (the base rebuilds its own when used again); both must still cut as the reference does.
    from policytext.engine_rjieba import RjiebaEngine

    text = "建设鹿鸣湾景区，鹿鸣湾码头和鹿鸣湾新区，推进乡村振兴。"
    base = RjiebaEngine.build()
    child = base.with_terms(["鹿鸣湾", "码头和鹿"])
    assert child.cut(text) == segmenter("jieba", terms=["鹿鸣湾", "码头和鹿"]).cut(text)
    assert child.is_word("鹿鸣湾") and not base.is_word("鹿鸣湾")
    assert base.cut(text) == segmenter("jieba").cut(text) and "鹿鸣湾" not in base.cut(text)
    other = base.with_terms(["鹿鸣湾"])
    assert other.cut(text) == segmenter("jieba", terms=["鹿鸣湾"]).cut(text)
    assert child.cut(text) == segmenter("jieba", terms=["鹿鸣湾", "码头和鹿"]).cut(text)


@BOTH
def test_extra_terms_are_for_that_call_only(engine):
    assert "鹿鸣湾" in segment_text("建设鹿鸣湾景区", terms=["鹿鸣湾"], engine=engine)
    assert "鹿鸣湾" not in segment_text("建设鹿鸣湾景区", engine=engine)


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(ParameterError, match="rjieba, jieba"):
        segment_text("乡村振兴", engine="thulac")


@BOTH
def test_terms_of_other_eras_kept_whole(engine):
    toks = segment_text("深入贯彻落实科学发展观，稳定和完善家庭联产承包责任制，推进社会主义新农村建设", engine=engine)
    for term in ["科学发展观", "家庭联产承包责任制", "社会主义新农村"]:
        assert term in toks
    assert segment_text("围绕两不愁三保障，实现脱贫摘帽", engine=engine)[1] == "两不愁三保障"


@BOTH
@pytest.mark.parametrize("text, expected", [
    # 2017-2025 programme names and slogans come out whole ...
    ("深化国资国企改革，实施国有企业改革深化提升行动",
     ["深化", "国资国企改革", "，", "实施", "国有企业改革深化提升行动"]),
    ("推动数字产业化和产业数字化", ["推动", "数字产业化", "和", "产业数字化"]),
    ("坚持正风肃纪反腐，落实第一议题制度", ["坚持", "正风肃纪反腐", "，", "落实", "第一议题", "制度"]),
    ("推动黄河流域生态保护和高质量发展", ["推动", "黄河流域", "生态保护", "和", "高质量发展"]),
    ("推进厂办大集体改革，处置僵尸企业", ["推进", "厂办大集体改革", "，", "处置", "僵尸企业"]),
    # ... without taking a character from the word next to them (城乡统筹 keeps 乡, 和美乡村
    # stays countable after 宜居宜业, 国家 is a qualifier in front of 重点实验室) ...
    ("推进城乡统筹发展，全面推进乡村全面振兴，守牢耕地保护红线",
     ["推进", "城乡统筹", "发展", "，", "全面", "推进", "乡村全面振兴", "，", "守", "牢", "耕地保护红线"]),
    ("建设宜居宜业和美乡村", ["建设", "宜居宜业", "和美乡村"]),
    ("加快国家实验室建设，支持国家重点实验室和全国重点实验室",
     ["加快", "国家实验室", "建设", "，", "支持", "国家", "重点实验室", "和", "全国重点实验室"]),
    ("守住不发生规模性返贫底线，健全防止规模性返贫机制",
     ["守住", "不", "发生", "规模性返贫", "底线", "，", "健全", "防止规模性返贫", "机制"]),
    ("党的十八大以来，十九大报告", ["党的十八大", "以来", "，", "十九大", "报告"]),
    # ... and short terms do not break common words at their edges (新动能, 引进来 and 提振消费
    # are left out of the lexicon for this reason; see its header).
    ("激发创新动能，培育壮大新动能", ["激发", "创新", "动能", "，", "培育", "壮大", "新", "动能"]),
    ("引进来自德国的先进技术，坚持走出去",
     ["引进", "来自", "德国", "的", "先进", "技术", "，", "坚持", "走出去"]),
    ("防范化解地方债务风险，用好地方债", ["防范", "化解", "地方", "债务", "风险", "，", "用", "好", "地方债"]),
    ("推广信用贷款，扩大首贷户规模，继续贷款支持",
     ["推广", "信用贷款", "，", "扩大", "首贷", "户", "规模", "，", "继续", "贷款", "支持"]),
    ("我们打算力争建设全国一体化算力网络，发展智能算力",
     ["我们", "打算", "力争", "建设", "全国", "一体化", "算力网络", "，", "发展", "智能算力"]),
    ("落实两新政策，加强两新组织党建", ["落实", "两新", "政策", "，", "加强", "两新组织", "党建"]),
    ("党内法规定期清理，收集采样数据，推进药品集采",
     ["党内法规", "定期", "清理", "，", "收集", "采样", "数据", "，", "推进", "药品", "集采"]),
])
def test_recent_vocabulary_whole_and_word_edges_intact(engine, text, expected):
    assert segment_text(text, engine=engine) == expected


@BOTH
def test_overlapping_terms_resolved_leftmost(engine):
    # 社会治理 and 治理体系 are both lexicon terms: the one that starts first wins.
    assert segment_text("完善社会治理体系", engine=engine)[-2:] == ["社会治理", "体系"]
    assert segment_text("推进国家治理体系和治理能力现代化", engine=engine)[1:5] == ["国家", "治理体系", "和", "治理能力"]
    assert segment_text("推进政治生态修复", engine=engine)[-2:] == ["政治生态", "修复"]


def test_segment_text_rejects_non_text():
    with pytest.raises(ParameterError, match="needs a str"):
        segment_text(b"\xe4\xb9\xa1")


def test_shipped_rjieba_recipe_is_current():
    # If this fails after a change to the lexicon, stopwords or versions, run
    # scripts/make_rjieba_recipe.py (the engine still works: it computes the recipe itself).
    import json

    from policytext.engine_rjieba import RECIPE_PATH, _compute_recipe, recipe_key

    shipped = json.loads(RECIPE_PATH.read_text(encoding="utf-8"))
    assert shipped["key"] == recipe_key()
    assert shipped["recipe"] == json.loads(json.dumps(_compute_recipe()))
