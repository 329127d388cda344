"""Tokens of a corpus (policytext.tokens): the object, tokens(), tokens_remove, tokens_ngrams."""
import pytest

from conftest import DATA, PLANTED
from policytext import corpus
from policytext import batch
from policytext.errors import ParameterError
from policytext.tokens import (Tokens, is_numberish, segment_text, tokens, tokens_from_lists, tokens_ngrams,
                               tokens_remove, tokens_subset)



def toy():
    return corpus({"a": "我们要进一步推进乡村振兴，2021年增长8%。",
                   "b": "五年来，地区生产总值年均增长5.8%。坚持高质量发展。"})


def test_tokens_object():
    c = toy()
    toks = tokens(c, discover=False)
    assert toks.ids == ["a", "b"] and toks.corpus is c
    comma = c["a"].clean[12]  # ， or , depending on the cleaning of full-width punctuation
    assert toks["a"] == ["我们", "要", "进一步", "推进", "乡村振兴", comma, "2021", "年", "增长", "8%", "。"]
    for doc in c:
        assert "".join(toks[doc.id]) == doc.clean
        starts = toks.starts(doc.id)
        assert [doc.clean[s:s + len(t)] for s, t in zip(starts, toks[doc.id])] == toks[doc.id]
    frame = toks.to_frame()
    assert list(frame.columns) == ["doc", "i", "token", "start", "end", "part"]
    assert len(frame) == sum(len(toks[i]) for i in toks.ids)
    assert set(frame["part"]) <= {"review", "plan", "other"}
    with pytest.raises(ParameterError):
        toks.tags("a")
    tagged = tokens(c, pos=True, discover=False)
    assert tagged.tags("a")[4] == "nz" and "pos" in tagged.to_frame().columns
    assert tagged["a"] == toks["a"]


def test_tokens_remove_on_hand_checked_sentence():
    toks = tokens(toy(), discover=False)
    kept = tokens_remove(toks)
    # 我们 要 进一步 are stopwords, ， 。 punctuation, 2021 and 8% numbers.
    assert kept["a"] == ["推进", "乡村振兴", "年", "增长"]
    assert kept.starts("a") == [6, 8, 17, 18]
    assert tokens_remove(toks, single_chars=True)["a"] == ["推进", "乡村振兴", "增长"]
    assert tokens_remove(toks, stopwords=False, numbers=False)["a"][:3] == ["我们", "要", "进一步"]
    assert "2021" in tokens_remove(toks, numbers=False)["a"]
    assert tokens_remove(toks, stopwords=["推进"])["a"][:3] == ["我们", "要", "进一步"]
    assert tokens_remove(toks)["b"] == ["五年", "来", "地区生产总值", "年均", "增长", "坚持", "高质量发展"]
    # numerals=True drops what the frequency tables call a number: 五年 here
    assert tokens_remove(toks, numerals=True)["b"] == ["来", "地区生产总值", "年均", "增长", "坚持", "高质量发展"]


@pytest.mark.parametrize("token, numberish", [
    ("326.5", True), ("8%", True), ("2021年", True), ("五年", True), ("第一", True), ("十个", True),
    ("亿元", True), ("万吨", True), ("5G", True), ("十四五", False), ("地区生产总值", False), ("年均", False),
    # a numeral with the measure word it counts (TF-IDF had 一处 and 一圈 among a report's terms)
    ("一处", True), ("一圈", True), ("五篇", True), ("第二轮", True), ("两所", True), ("二期", True), ("千伏", True),
    ("一体", False), ("一流", False), ("一线", False), ("两会", False), ("三农", False),
])
def test_is_numberish(token, numberish):
    assert is_numberish(token) is numberish


def test_tokens_ngrams():
    kept = tokens_remove(tokens(toy(), discover=False))
    bi = tokens_ngrams(kept, n=2)
    assert bi["a"] == ["推进乡村振兴", "乡村振兴年", "年增长"]
    assert bi.starts("a") == [6, 8, 17]
    assert tokens_ngrams(kept, n=3, sep="_")["a"] == ["推进_乡村振兴_年", "乡村振兴_年_增长"]
    assert tokens_ngrams(kept, n=5)["a"] == []
    with pytest.raises(ParameterError):
        tokens_ngrams(kept, n=0)


def test_tokens_from_lists():
    c = toy()
    clean_a = c["a"].clean
    built = tokens_from_lists(c, {"a": [clean_a[:6], clean_a[6:]]})
    assert built.ids == ["a"] and built["a"] == [clean_a[:6], clean_a[6:]]
    assert built.starts("a") == [0, 6]
    derived = Tokens.from_lists(c, {"a": ["乡村振兴", "增长"], "b": ["高质量发展"]},
                                  starts={"a": [8, 18], "b": [c["b"].clean.index("高质量发展")]},
                                  kind="themes")
    assert derived.starts("a") == [8, 18] and derived.kind == "themes"
    frame = derived.to_frame()
    assert list(frame["token"]) == ["乡村振兴", "增长", "高质量发展"]
    assert list(frame["end"])[:2] == [12, 20]
    tagged = tokens_from_lists(c, {"a": ["推进"]}, starts={"a": [6]}, tags={"a": ["v"]})
    assert tagged.tags("a") == ["v"] and tagged.pos
    with pytest.raises(ParameterError, match="'zz'"):
        tokens_from_lists(c, {"zz": ["x"]})
    with pytest.raises(ParameterError, match="clean text"):
        tokens_from_lists(c, {"a": ["乡村振兴"]})            # filtered tokens need starts
    with pytest.raises(ParameterError, match="one start"):
        tokens_from_lists(c, {"a": ["乡村振兴", "增长"]}, starts={"a": [8]})
    with pytest.raises(ParameterError, match="non-decreasing"):
        tokens_from_lists(c, {"a": ["增长", "乡村振兴"]}, starts={"a": [18, 8]})
    with pytest.raises(ParameterError, match="list of str"):
        tokens_from_lists(c, {"a": "乡村振兴"}, starts={"a": [8]})


def test_tokens_engine_option():
    c = toy()
    fast = tokens(c, pos=True, cache=False)
    reference = tokens(c, pos=True, cache=False, engine="jieba")
    for i in c.ids:
        assert fast[i] == reference[i] and fast.tags(i) == reference.tags(i)
    assert fast["b"][3:7] == ["地区生产总值", "年均", "增长", "5.8%"]
    with pytest.raises(ParameterError, match="engine"):
        tokens(c, engine="pkuseg")


def test_discovery_adds_corpus_terms_for_that_call():
    # Cohesion (PMI) needs some ordinary text around the planted name.
    c = corpus({"x": PLANTED + DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")})
    toks = tokens(c, cache=False)
    assert "鹿鸣湾" in toks.terms
    assert toks["x"].count("鹿鸣湾") == 8
    assert "鹿鸣湾" not in segment_text("建设鹿鸣湾景区")   # not added for later calls
    assert "鹿鸣湾" not in tokens(c, discover=False, cache=False)["x"]


def test_workers_give_identical_tokens(monkeypatch):
    monkeypatch.setattr(batch, "PIECE_CHARS", 300)  # many pieces even for a small text
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    c = corpus({"a": text, "b": text.replace("2", "7"), "c": text[::-1]})
    one = tokens(c, workers=1, cache=False)
    two = tokens(c, workers=2, cache=False)
    for i in c.ids:
        assert two[i] == one[i]
        assert "".join(two[i]) == c[i].clean


def test_workers_identical_when_discovery_finds_terms(monkeypatch):
    # Workers cut without corpus terms while discovery runs; the parent re-cuts only the blocks
    # that contain a term. That must give exactly the tokens of cutting with the terms.
    monkeypatch.setattr(batch, "PIECE_CHARS", 500)
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    c = corpus({"x": PLANTED + text, "y": text + PLANTED})
    one = tokens(c, workers=1, cache=False)
    two = tokens(c, workers=2, cache=False)       # cutting starts before discovery
    assert "鹿鸣湾" in two.terms and two.terms == one.terms
    for i in c.ids:
        assert two[i] == one[i] and two[i].count("鹿鸣湾") == 8
    tagged = tokens(c, workers=2, cache=False, pos=True)
    assert tagged["x"] == one["x"] and tagged.tags("x")[tagged["x"].index("鹿鸣湾")] == "nz"


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2", True])
def test_bad_workers_value(workers):
    with pytest.raises(ParameterError, match="workers"):
        tokens(toy(), workers=workers)


def test_tokens_subset_keeps_the_tokens_cut_on_the_whole_corpus():
    c = corpus({"a": "推进乡村振兴。", "b": "发展新能源。", "c": "推进新能源。"},
               meta={"a": {"place": "甲市"}, "b": {"place": "乙市"}, "c": {"place": "甲市"}})
    toks = tokens_from_lists(c, {"a": ["推进", "乡村振兴", "。"], "b": ["发展", "新能源", "。"],
                                 "c": ["推进", "新能源", "。"]}, terms=["新能源"])
    sub = tokens_subset(toks, place="甲市")
    assert sub.ids == ["a", "c"] and sub.corpus.ids == ["a", "c"] and sub.terms == ["新能源"]
    assert sub["c"] == ["推进", "新能源", "。"] and sub.starts("c") == [0, 2, 5]
    assert tokens_subset(toks, ids=["b"]).ids == ["b"]
    with pytest.raises(ParameterError, match="unknown document id\\(s\\) z; available: a, b, c"):
        tokens_subset(toks, ids=["z"])
