"""Corpus-driven term discovery (policytext.discover)."""
import pandas as pd
import pytest

from policytext.discover import COLUMNS, discover_terms
from policytext.errors import ParameterError

# A made-up place name (not in jieba's dictionary) in varied contexts, on both sides.
PLANTED = "鹿鸣湾"
BEFORE = ["建设", "发展", "推动", "提升", "支持", "打造", "保护", "规划", "完善", "壮大", "美化", "开发"]
AFTER = ["景区", "码头", "新区", "产业园", "湿地", "小镇", "片区", "公园", "村落", "水库", "步道", "广场"]


def toy_corpus():
    lines = [f"今年{b}{PLANTED}{a}，效果明显。" for b, a in zip(BEFORE, AFTER)]
    lines.append(f"{PLANTED}。")  # standing alone between punctuation too
    return ["\n".join(lines[:7]), "\n".join(lines[7:])]


def test_finds_planted_term_and_rejects_fragments():
    found = discover_terms(toy_corpus(), min_count=5, min_pmi=1.0, min_entropy=1.0)
    assert list(found.columns) == COLUMNS
    terms = set(found["term"])
    assert PLANTED in terms
    # Fragments are always preceded/followed by the same character: no freedom on that side.
    assert "鹿鸣" not in terms and "鸣湾" not in terms
    # "效果明显" is frequent and free, but "果明" is a fragment and "明显。" ends at punctuation.
    assert "果明" not in terms
    row = found.set_index("term").loc[PLANTED]
    assert row["count"] == 13
    assert row["left_entropy"] >= 1.0 and row["right_entropy"] >= 1.0


def test_function_characters_and_dictionary_filter():
    texts = [f"我们的{PLANTED}{a}很好。" for a in AFTER] + [f"{b}{PLANTED}的。" for b in BEFORE]
    found = discover_terms(texts, min_count=5, min_pmi=1.0, min_entropy=0.5)
    assert not any(t.startswith("的") or t.endswith("的") for t in found["term"])
    assert PLANTED in set(found["term"])
    without = discover_terms(texts, min_count=5, min_pmi=1.0, min_entropy=0.5, dictionary={PLANTED})
    assert PLANTED not in set(without["term"])


def test_min_count_and_max_len():
    texts = [f"{b}{PLANTED}{a}。" for b, a in zip(BEFORE[:3], AFTER[:3])]
    assert PLANTED not in set(discover_terms(texts, min_count=5)["term"])
    found = discover_terms(toy_corpus(), min_count=5, min_pmi=1.0, max_len=2)
    assert found["term"].str.len().max() <= 2 if len(found) else True
    assert PLANTED not in set(found["term"])


def test_empty_and_latin_only_input():
    assert discover_terms(["GDP 2021 8%", ""]).empty
    assert list(discover_terms([]).columns) == COLUMNS


def test_single_string_and_sampling():
    text = "\n".join(toy_corpus())
    assert PLANTED in set(discover_terms(text, min_count=5, min_pmi=1.0)["term"])
    # With a tiny sample budget only every k-th run is counted: fewer occurrences.
    sampled = discover_terms(text, min_count=2, min_pmi=1.0, min_entropy=0.5, max_chars=60)
    assert isinstance(sampled, pd.DataFrame)
    if PLANTED in set(sampled["term"]):
        assert sampled.set_index("term").loc[PLANTED, "count"] < 13


@pytest.mark.parametrize("kwargs", [{"max_len": 1}, {"max_len": 20}, {"min_count": 1}])
def test_bad_options(kwargs):
    with pytest.raises(ParameterError):
        discover_terms(["乡村振兴"], **kwargs)


def test_corpus_terms_checks_candidates_against_the_dictionary(tmp_path, monkeypatch):
    from pathlib import Path

    from policytext.discover import corpus_terms

    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path))
    data = Path(__file__).resolve().parent / "data"
    planted = "".join(f"今年{b}{PLANTED}{a}，效果明显。\n" for b, a in zip(BEFORE, AFTER))
    texts = [planted + data.joinpath("heldout_segment.txt").read_text(encoding="utf-8")]
    terms = corpus_terms(texts)
    assert PLANTED in terms
    # Words of the dictionary or the lexicon, and phrases of dictionary words, are not added.
    assert not {"效果明显", "效果", "明显", "乡村振兴"} & set(terms)
    assert corpus_terms(texts, engine="jieba", cache=False) == terms
    assert list((tmp_path / "segment_terms").rglob("*.ptc"))      # kept for the next call
    assert corpus_terms(texts) == terms


def test_counting_every_ngram_or_only_frequent_ones_finds_the_same_terms(monkeypatch):
    # Small samples count every n-gram, large ones only n-grams with a frequent part; the
    # candidates (terms, counts, scores) must not depend on which way was taken.
    import policytext.discover as discover

    texts = toy_corpus() + ["鹿鸣湾鹿鸣湾，鹿鸣湾景区。鹿鸣湾新区鹿鸣湾码头" * 3]
    options = dict(min_count=2, min_pmi=0.5, min_entropy=0.3)
    full = discover_terms(texts, **options)
    monkeypatch.setattr(discover, "FULL_COUNT_CHARS", 0)
    pruned = discover_terms(texts, **options)
    assert len(full) >= 5 and PLANTED in set(full["term"])
    pd.testing.assert_frame_equal(full, pruned)
    counts = discover._count(["甲乙甲乙", "甲乙"], 3, 2)
    assert counts[2] == {"甲乙": 3, "乙甲": 1} and counts[3] == {"甲乙甲": 1, "乙甲乙": 1}


# Three runs, 11 characters; hand-counted: 甲乙丙 3 times (once after 戊, once before 丁, the
# rest at run edges), 甲 乙 丙 3 times each.
HAND = ["甲乙丙丁，戊甲乙丙。", "甲乙丙"]


def _with_counting(monkeypatch, way):
    # "sort": numpy over all positions (ngrams.py); "counter": every n-gram with Counter;
    # "pruned": Counter over n-grams with a frequent part only (very large samples).
    import policytext.discover as discover

    monkeypatch.setattr(discover, "SORT_MIN_CHARS", 0 if way == "sort" else 10**12)
    monkeypatch.setattr(discover, "SORT_MIN_CHARS_LOADED", 0 if way == "sort" else 10**12)
    monkeypatch.setattr(discover, "FULL_COUNT_CHARS", 0 if way == "pruned" else 10**12)


@pytest.mark.parametrize("way", ["sort", "counter", "pruned"])
def test_hand_counted_table_is_the_same_whichever_way_it_is_counted(monkeypatch, way):
    import math

    _with_counting(monkeypatch, way)
    found = discover_terms(HAND, min_count=2, min_pmi=1.0, min_entropy=1.0)
    # 甲乙 and 乙丙 are always followed / preceded by the same character: no freedom there.
    assert found["term"].tolist() == ["甲乙丙"]
    row = found.iloc[0]
    assert row["count"] == 3
    # Left: 戊 once and two run starts (each a new neighbour): three distinct, entropy log 3.
    assert row["left_entropy"] == pytest.approx(math.log(3))
    assert row["right_entropy"] == pytest.approx(math.log(3))
    # Weakest split: 甲|乙丙 and 甲乙|丙 both 3 x 3; p(w) / (p p) = 3 * 11 / 9.
    assert row["pmi"] == pytest.approx(math.log(11 / 3))


def test_thresholds_met_exactly_keep_the_term_whichever_way_it_is_counted(monkeypatch):
    # numpy sums entropies in another order; its selection must not lose a term that meets
    # a threshold to the last bit of discover's own formula.
    import math

    from policytext.discover import _entropy

    options = dict(min_count=2, min_pmi=math.log(3 * 11 / 9), min_entropy=_entropy([1], 3))
    tables = []
    for way in ("sort", "counter", "pruned"):
        _with_counting(monkeypatch, way)
        tables.append(discover_terms(HAND, **options))
    assert tables[0]["term"].tolist() == ["甲乙丙"]
    for other in tables[1:]:
        pd.testing.assert_frame_equal(tables[0], other, check_exact=True)


@pytest.mark.parametrize("max_chars", [None, 60])
def test_counting_ways_agree_on_a_larger_toy(monkeypatch, max_chars):
    texts = toy_corpus() + ["鹿鸣湾鹿鸣湾，鹿鸣湾景区。鹿鸣湾新区鹿鸣湾码头" * 3,
                            "今年建设鹿鸣湾景区\n" * 4]
    options = dict(min_count=2, min_pmi=0.5, min_entropy=0.3, max_len=6, max_chars=max_chars)
    tables = []
    for way in ("sort", "counter", "pruned"):
        _with_counting(monkeypatch, way)
        tables.append(discover_terms(texts, **options))
    assert len(tables[0]) >= 4
    for other in tables[1:]:
        pd.testing.assert_frame_equal(tables[0], other, check_exact=True)


def test_runs_found_once_or_twice_give_the_same_sample(monkeypatch):
    import math

    import policytext.discover as discover

    texts = toy_corpus() * 3
    every = [run for text in texts for run in discover._RUN.findall(text)]
    step = math.ceil(sum(map(len, every)) / 100)
    assert step == 5 and discover._runs(texts, 100) == every[::step]
    # As for a very large corpus: none or only the first texts' runs kept from the first pass.
    for keep in (0, len(texts[0]) + len(texts[1])):
        monkeypatch.setattr(discover, "_KEEP_RUNS_CHARS", keep)
        assert discover._runs(texts, 100) == every[::step]


@pytest.mark.parametrize("way", ["sort", "counter", "pruned"])
def test_entropy_adds_neighbours_in_order_of_first_occurrence(monkeypatch, way):
    # Entropy over counts 5, 1, 1 differs in its last bit from 1, 1, 5: the neighbours are
    # summed in the order they first occur (甲 before 乙 before 丙), whichever way is counted.
    from policytext.discover import _entropy

    assert _entropy([5, 1, 1], 7) != _entropy([1, 1, 5], 7)
    _with_counting(monkeypatch, way)
    text = "，".join(["甲鹿鸣湾丁"] * 5 + ["乙鹿鸣湾戊", "丙鹿鸣湾己"])
    found = discover_terms([text], min_count=2, min_pmi=0.0, min_entropy=0.5).set_index("term")
    assert found.loc["鹿鸣湾", "count"] == 7
    assert found.loc["鹿鸣湾", "left_entropy"] == _entropy([5, 1, 1], 7)
    assert found.loc["鹿鸣湾", "right_entropy"] == _entropy([5, 1, 1], 7)


@pytest.mark.parametrize("max_len", [8, 12])
def test_counting_ways_agree_on_a_bundled_corpus(monkeypatch, max_len):
    # Thousands of distinct characters: numpy's sort keys take two 64-bit words (max_len 8)
    # or three (12), unlike the toy corpora's one.
    from policytext import data_corpus

    texts = [doc.clean for doc in data_corpus("hailar")]
    tables = []
    for way in ("sort", "counter"):
        _with_counting(monkeypatch, way)
        tables.append(discover_terms(texts, min_count=3, min_pmi=2.0, min_entropy=0.8,
                                     max_len=max_len))
    assert len(tables[0]) > 100
    pd.testing.assert_frame_equal(tables[0], tables[1], check_exact=True)


def test_top_candidates_test_the_dictionary_last():
    # batch's child process ranks candidates without an engine (scored_candidates); the parent
    # then drops dictionary words: the same list as discover_terms with the dictionary.
    from policytext import data_corpus
    from policytext.discover import MAX_CANDIDATES, scored_candidates, top_candidates
    from policytext.engine import segmenter

    class Words:
        __contains__ = staticmethod(segmenter().is_word)

    texts = [doc.raw for doc in data_corpus("hailar")]
    with_dictionary = discover_terms(texts, dictionary=Words(), max_chars=200_000)
    expected = list(with_dictionary["term"][:MAX_CANDIDATES])
    scored = scored_candidates(texts)
    assert top_candidates(texts) == top_candidates(texts, scored=scored) == expected
    assert len(scored) > len(expected) and set(expected) < set(scored)
    assert any(segmenter().is_word(g) for g in scored[:len(expected)])  # the test drops some


def test_boundary_check_cuts_the_windows_together_as_if_apart():
    # checked_terms cuts all its context windows in one engine call, separated by "\x00"; a
    # text holding "\x00" makes it cut them one by one. Both must accept the same terms (a
    # separator that merged with a window's last token would shift every window after it).
    from policytext import data_corpus
    from policytext.discover import checked_terms, top_candidates

    texts = [doc.clean for doc in data_corpus("hailar")]
    candidates = top_candidates(texts)
    together = checked_terms(texts, candidates, key=None)
    one_by_one = checked_terms(texts + ["\x00"], candidates, key=None)
    assert together == one_by_one
    assert 10 < len(together) < len(candidates)      # the check keeps some and drops some


@pytest.mark.parametrize("corpus_name, candidates, kept", [
    # 7条道路, 2026年重点工作, 3.2万人: a measure word or unit read with the noun after a number;
    # 亘富200万吨褐煤提质项目: a name that figures follow stays
    ("hailar", ["条道路", "条主干道路", "亘富", "让群众"], ["亘富"]),
    # 居全国第5位, 比重达30%: a predicate read with the noun before a number
    ("provinces2026", ["居全国第", "比重达", "年重点", "万人", "个千亿级", "杨凌", "赣鄱"], ["杨凌", "赣鄱"]),
])
def test_terms_glued_to_numbers_are_not_added(corpus_name, candidates, kept):
    from policytext import data_corpus
    from policytext.discover import checked_terms

    texts = [doc.clean for doc in data_corpus(corpus_name)]
    assert checked_terms(texts, candidates, key=None) == kept


@pytest.mark.parametrize("corpus_name, candidates, kept", [
    # trimmed of a verb before it, a name of four characters or more stays (建设西部明星城);
    # a word trimmed of its end must be free on the right: 提档 is always 提档升级
    ("seeds", ["建设西部明星城", "走在全省前列"], ["西部明星城"]),
    ("hailar", ["万吨褐煤提质", "提档升级", "蒙西", "新局面"], ["褐煤提质", "蒙西"]),
    # 城区内: a word and 内, the one locative jieba tags as a noun
    ("hailar", ["城区内", "蒙西"], ["蒙西"]),
    # 兜牢基层, 做优增量: a one-character verb and its complement before a noun; a name stays
    ("provinces2026", ["兜牢基层", "做优增量", "杨凌"], ["杨凌"]),
    ("hailar", ["谢尔塔拉"], ["谢尔塔拉"]),
    # 有效应对, 走在全国前列, 多措并举: always followed by what was trimmed; 用足用好 and
    # 融合化方向: a short word always preceded by it; 迈出新步伐, 居全国第5位: one adjective
    # or verb before a word; 在省委坚强领导下: a word and a locative
    ("provinces2026", ["有效应对", "走在全国前列", "多措并举", "用足用好", "融合化方向", "迈出新步伐",
                       "居全国", "领导下", "杨凌", "赣鄱"], ["杨凌", "赣鄱"]),
    # 仍有: an adverb before a word; 实干出政绩: a clause around a one-character verb (零碳工厂 is
    # no new word since the lexicon has 零碳: 零碳|工厂, a concept and a generic head)
    ("provinces2026", ["仍有", "实干出政绩", "人民出政绩", "聚力"], ["聚力"]),
])
def test_fragments_left_by_trimming_and_phrases_are_not_added(corpus_name, candidates, kept):
    from pathlib import Path

    from policytext import data_corpus
    from policytext.corpus import read_text
    from policytext.discover import checked_terms

    if corpus_name == "seeds":
        seeds = Path(__file__).resolve().parents[1] / "seeds"
        texts = [read_text(p) for p in sorted(seeds.glob("*.txt"))]
    else:
        texts = [doc.clean for doc in data_corpus(corpus_name)]
    assert checked_terms(texts, candidates, key=None) == kept


def test_a_pronoun_before_a_word_is_a_phrase():
    # 我代表省人民政府…: the seeds and provinces2026 together make 我代表 a candidate
    from pathlib import Path

    from policytext import data_corpus
    from policytext.corpus import read_text
    from policytext.discover import checked_terms

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    texts = [read_text(p) for p in sorted(seeds.glob("*.txt"))]
    texts += [doc.clean for doc in data_corpus("provinces2026")]
    assert checked_terms(texts, ["我代表", "西部明星城"], key=None) == ["西部明星城"]


def test_a_cached_list_of_corpus_terms_that_is_no_list_of_words_is_found_again(tmp_path, monkeypatch):
    # hostile review: an entry [""] (well formed, checksum and all) was returned as the corpus terms
    from policytext.cache import cache_get, cache_put
    from policytext.discover import corpus_terms, terms_key

    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path))
    texts = ["推进鹿鸣湾景区建设，鹿鸣湾景区年接待游客50万人次。"] * 3
    found = corpus_terms(texts)
    assert cache_get("segment_terms", terms_key(texts)) == found
    for planted in ([""], [1, 2], "鹿鸣湾"):
        cache_put("segment_terms", terms_key(texts), planted)
        assert corpus_terms(texts) == found
