"""Word lists (policytext.lexicon): the policy lexicon, stopwords and jieba's dictionary."""
import sys

import pytest

from policytext.engine import ENGINES, jieba_tokenizer, segmenter
from policytext.lexicon import (LEXICON_PATH, STOPWORDS_PATH, dictionary, lexicon, stopwords,
                                versions)

LEX = sys.modules["policytext.lexicon"]


def test_stopwords_and_lexicon_files():
    stop = stopwords()
    assert isinstance(stop, frozenset)
    assert {"的", "我们", "进一步"} <= stop
    # a conjunction and a pronoun that keyness set apart on 海拉尔 2019 (及其, like 以及; 自身, like 自己)
    assert {"及其", "自身", "以及", "自己"} <= stop
    assert "推进" not in stop and "乡村振兴" not in stop
    for path in (LEXICON_PATH, STOPWORDS_PATH):
        head = path.read_text(encoding="utf-8")[:600]
        assert "version" in head and "Licence" in head and "Source" in head
    assert len(lexicon()) > 500
    assert lexicon()["乡村振兴"] == "nz" and "中核四0四" in lexicon()


def test_dictionary_is_the_one_jieba_reads():
    # Read without jieba; must equal what our own jieba.Tokenizer holds (words have freq > 0,
    # prefixes 0), including jieba's total, which counts B超's two lines.
    d = dictionary()
    tk = jieba_tokenizer()
    words = {w: f for w, f in tk.FREQ.items() if f}
    assert d.freq == words
    assert d.total == tk.total == sum(d.freq.values()) + 3
    assert d.tags["乡村"] == "n" and d.freq["的"] == 318825


def test_a_changed_lexicon_is_read_again_and_changes_the_versions(tmp_path, monkeypatch):
    before = versions()
    changed = tmp_path / "policy_lexicon_test.txt"
    changed.write_text(LEXICON_PATH.read_text(encoding="utf-8") + "\n鹿鸣湾 ns\n", encoding="utf-8")
    monkeypatch.setattr(LEX, "LEXICON_PATH", changed)
    assert lexicon()["鹿鸣湾"] == "ns"
    assert versions() != before
    monkeypatch.undo()
    assert "鹿鸣湾" not in lexicon() and versions() == before


def test_a_change_to_the_code_that_cuts_changes_the_versions_but_not_the_recipe_key(monkeypatch):
    # cached tokens and corpus terms are keyed by versions(): a new discovery rule must not
    # read the terms the old rule cached
    from policytext.discover import terms_key
    from policytext.engine_rjieba import recipe_key

    before, terms_before, recipe_before = versions(), terms_key(["鹿鸣湾"]), recipe_key()
    real = LEX.file_digest
    monkeypatch.setattr(LEX, "file_digest", lambda p: real(p) + ("*" if p.name == "discover.py" else ""))
    assert versions() != before and terms_key(["鹿鸣湾"]) != terms_before
    assert recipe_key() == recipe_before        # the shipped recipe is data: dictionary and lexicon
    monkeypatch.undo()
    assert versions() == before


def test_versions_reads_no_file_again_while_the_files_are_unchanged(monkeypatch):
    # every worker task asks for versions(): re-hashing jieba's 5 MB dictionary each time made
    # `policytext segment` over 50 MB 1.5x slower (bench/scale.py)
    import pathlib

    versions()
    reads = []
    real = pathlib.Path.read_bytes
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: reads.append(self.name) or real(self))
    versions()
    versions()
    assert reads == []


def test_dictionary_index_answers_as_the_dictionary():
    # The shipped index must be current (else: python scripts/make_dictionary_index.py) and give
    # jieba's frequency and tag of each word; the last line of B超 wins, as in jieba.
    d = dictionary()
    shipped = LEX._read_index(LEX.DICT_INDEX_PATH, LEX.file_digest(LEX.jieba_dict_path()))
    assert shipped is not None
    words = list(d.freq)[::97] + ["B超", "乡村", "的", "一", "龟"]
    for index in (shipped, LEX.DictionaryIndex.from_dictionary(d)):
        assert index.total == d.total
        assert [index.freq(w) for w in words] == [d.freq[w] for w in words]
        assert [index.tag(w) for w in words] == [d.tags[w] for w in words]
        assert index.freq("鹿鸣湾") == 0 and index.tag("鹿鸣湾") is None
        assert index.freq("") == 0 and index.freq("\uffff\uffff") == 0


def test_a_stale_dictionary_index_is_not_used(tmp_path):
    stale = tmp_path / "index.gz"
    stale.write_bytes(LEX.DictionaryIndex(b"\xe4\xb9\xa1 7 n\n", 7).to_bytes("0" * 64))
    assert LEX._read_index(stale, LEX.file_digest(LEX.jieba_dict_path())) is None
    assert LEX._read_index(stale, "0" * 64).freq("乡") == 7
    stale.write_bytes(b"not zlib")
    assert LEX._read_index(stale, "0" * 64) is None


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, cut", [
    # a listed term must not take a character of the word before it (2026-12-03 additions)
    ("严格落实食品药品安全监管制度", "严格|落实|食品药品|安全监管|制度"),
    ("确保民生工作取得新成绩", "确保|民生|工作|取得|新|成绩"),
    ("入选国家5A级景区", "入选|国家|5A级景区"),
    ("金融机构人民币存贷款余额分别增长", "金融机构|人民币|存贷款余额|分别|增长"),
    ("让民营企业家安心谋发展", "让|民营企业家|安心|谋发展"),
    # two words jieba itself cuts apart: 有|效应|对, 占|比
    ("积极有效应对外部环境冲击", "积极|有效|应对|外部环境|冲击"),
    ("制造业投资占比达到", "制造业|投资|占比|达到"),
])
def test_listed_terms_leave_the_neighbouring_word_whole(engine, text, cut):
    assert "|".join(segmenter(engine).cut(text)) == cut
