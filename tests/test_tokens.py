"""Tokens of a corpus (policytext.tokens): the object, tokens(), tokens_remove, tokens_ngrams."""
import os
from pathlib import Path

import pytest

from policytext import corpus
from policytext import batch
from policytext.errors import ParameterError
from policytext.tokens import (Tokens, is_numberish, segment_text, tokens, tokens_from_lists, tokens_ngrams,
                               tokens_remove)

DATA = Path(__file__).resolve().parent / "data"
BEFORE = ["建设", "发展", "推动", "提升", "支持", "打造", "保护", "规划"]
AFTER = ["景区", "码头", "新区", "产业园", "湿地", "小镇", "片区", "公园"]
PLANTED = "".join(f"今年{b}鹿鸣湾{a}，效果明显。\n" for b, a in zip(BEFORE, AFTER))


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


def test_discovery_in_a_forked_process_gives_identical_tokens(monkeypatch):
    # Mid-sized cold corpora discover terms in a child while the parent cuts without them and
    # then re-cuts the blocks with terms; a failed child means the parent discovers itself.
    monkeypatch.setattr(batch, "DISCOVER_ASIDE_MIN_CHARS", 0)
    monkeypatch.setattr(batch, "_spare_core", lambda: True)     # whatever the machine's load
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    c = corpus({"x": PLANTED + text, "y": text + PLANTED})
    one = tokens(c, workers=1, cache=False)
    aside = tokens(c, cache=False)
    assert "鹿鸣湾" in aside.terms and aside.terms == one.terms
    for i in c.ids:
        assert aside[i] == one[i] and aside[i].count("鹿鸣湾") == 8

    def failing(send, *args):
        send.send((False, None))
        send.close()
    monkeypatch.setattr(batch, "_discover_job", failing)
    again = tokens(c, cache=False)
    assert again.terms == one.terms and all(again[i] == one[i] for i in c.ids)



@pytest.mark.parametrize("early", [1, 2, 4])
def test_texts_cut_before_and_after_the_terms_come_are_the_same(monkeypatch, early):
    # The parent cuts without corpus terms until the child's terms come, then with them: the
    # first texts are re-cut around the terms, the others are not. Either way, the same tokens.
    monkeypatch.setattr(batch, "DISCOVER_ASIDE_MIN_CHARS", 0)
    monkeypatch.setattr(batch, "_spare_core", lambda: True)
    polls = []

    def ready(self):
        if len(polls) < early:              # the terms "come" after `early` texts are cut
            polls.append(1)
            return len(polls) == early and self.recv.poll(None)
        return True
    monkeypatch.setattr(batch._Discovery, "ready", ready)
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    # w holds the private-use character that joins tokens internally (engine.JOIN)
    c = corpus({"x": PLANTED + text, "y": text + PLANTED, "z": text[::-1] + PLANTED,
                "w": "\ue000" + PLANTED[:60] + text})
    one = tokens(c, workers=1, cache=False)
    aside = tokens(c, cache=False)
    assert "鹿鸣湾" in aside.terms and aside.terms == one.terms
    assert all(aside[i] == one[i] for i in c.ids)
    assert [aside[i].count("鹿鸣湾") for i in c.ids] == [8, 8, 8, 4]



@pytest.mark.parametrize("helper", ["works", "dies", "sends nothing"])
def test_texts_shared_with_a_helper_process_are_the_same(monkeypatch, tmp_path, helper):
    # With a core to spare, a forked helper cuts the second half of the texts; if it fails,
    # this process cuts them itself. Either way, the tokens of cutting everything here.
    monkeypatch.setattr(batch, "HELPER_MIN_CHARS", 0)
    monkeypatch.setattr(batch, "_spare_core", lambda: True)
    real_job, ran = batch._helper_job, tmp_path / "helper-ran"

    def job(send, seg, texts):
        ran.write_text(str(len(texts)))      # the helper is another process: it leaves a file
        real_job(send, seg, texts)
    monkeypatch.setattr(batch, "_helper_job", job)
    if helper == "dies":
        monkeypatch.setattr(batch, "_helper_job", lambda send, seg, texts: os._exit(1))
    elif helper == "sends nothing":
        monkeypatch.setattr(batch, "_helper_job", lambda send, seg, texts: send.send([]))
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    c = corpus({f"d{k}": PLANTED[k * 20:] + text[k * 50:] for k in range(6)})
    one = tokens(c, workers=1, cache=False, pos=True)
    shared = tokens(c, cache=False, pos=True)
    assert shared.terms == one.terms and "鹿鸣湾" in one.terms
    assert [shared[i] for i in c.ids] == [one[i] for i in c.ids]
    assert [shared.tags(i) for i in c.ids] == [one.tags(i) for i in c.ids]
    if helper == "works":
        assert 0 < int(ran.read_text()) < len(c)   # it cut some of the texts, not all



def test_a_helper_is_stopped_when_its_texts_are_never_asked_for(monkeypatch, tmp_path):
    # The first text comes from the cache; the caller stops there, before this process has cut
    # anything: the helper forked for the others is still stopped and waited for.
    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path))
    monkeypatch.setattr(batch, "HELPER_MIN_CHARS", 0)
    monkeypatch.setattr(batch, "_spare_core", lambda: True)
    helpers = []
    real_helper = batch._Helper

    def recording(*args):
        helpers.append(real_helper(*args))
        return helpers[-1]
    monkeypatch.setattr(batch, "_Helper", recording)
    text = DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8")
    texts = [text] + [text[k * 40:] for k in range(1, 5)]
    list(batch.cut_texts(texts[:1], discover=False)[1])      # the first text is now cached
    assert helpers == []
    _, documents = batch.cut_texts(texts, discover=False)
    first, _ = next(documents)
    assert "".join(first) == text and len(helpers) == 1
    documents.close()
    assert helpers[0].recv.closed and helpers[0].proc.exitcode is not None   # closed, waited for


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2", True])
def test_bad_workers_value(workers):
    with pytest.raises(ParameterError, match="workers"):
        tokens(toy(), workers=workers)
