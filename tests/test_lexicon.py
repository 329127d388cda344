"""Word lists (policytext.lexicon): the policy lexicon, stopwords and jieba's dictionary."""
import sys

from policytext.engine import jieba_tokenizer
from policytext.lexicon import (LEXICON_PATH, STOPWORDS_PATH, dictionary, lexicon, stopwords,
                                versions)

LEX = sys.modules["policytext.lexicon"]


def test_stopwords_and_lexicon_files():
    stop = stopwords()
    assert isinstance(stop, frozenset)
    assert {"的", "我们", "进一步"} <= stop
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
