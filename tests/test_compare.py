"""How bare jieba and policytext cut terms (policytext.compare)."""
import jieba
import pytest

from policytext import compare
from policytext.compare import compare_with_jieba
from policytext.errors import ParameterError
from policytext.lexicon import LEXICON_PATH

import sys

LEX = sys.modules["policytext.lexicon"]


def test_compare_with_jieba():
    before = (len(jieba.dt.FREQ), jieba.dt.total)
    frame = compare_with_jieba(["科学发展观", "地区生产总值", "乡村振兴"])
    assert list(frame.columns) == ["term", "jieba", "policytext"]
    row = frame.set_index("term").loc["科学发展观"]
    assert row["jieba"] == "科学|发展观" and row["policytext"] == "科学发展观"
    assert frame.set_index("term").loc["乡村振兴", "policytext"] == "乡村振兴"
    # In a text, the cut of the occurrences, with tokens reaching over the term's edges.
    in_text = compare_with_jieba(["强工业", "治理体系", "鹿鸣湾"], text="加强工业，完善社会治理体系").set_index("term")
    assert in_text.loc["强工业", "policytext"] == "加强|工业"
    assert in_text.loc["治理体系", "policytext"] == "社会治理|体系"
    assert in_text.loc["鹿鸣湾"].isna().all()               # does not occur in the text
    assert (len(jieba.dt.FREQ), jieba.dt.total) == before      # the global jieba is untouched
    with pytest.raises(ParameterError):
        compare_with_jieba([""])


def test_compare_with_jieba_cuts_with_the_corpus_terms_it_is_given():
    # 背街巷道 (海拉尔), found by discovery: tokens() keeps it whole, so the comparison must too
    plain = compare_with_jieba(["背街巷道"]).iloc[0]
    assert (plain["jieba"], plain["policytext"]) == ("背|街巷|道", "背|街巷|道")
    found = compare_with_jieba(["背街巷道"], corpus_terms=["背街巷道"]).iloc[0]
    assert (found["jieba"], found["policytext"]) == ("背|街巷|道", "背街巷道")
    in_text = compare_with_jieba(["背街巷道"], text="完成101条背街巷道改造", corpus_terms=["背街巷道"]).iloc[0]
    assert in_text["policytext"] == "背街巷道"


def test_compare_with_jieba_is_cached_by_terms_text_and_lexicon(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path))
    calls = []
    real = compare.segment_text
    monkeypatch.setattr(compare, "segment_text", lambda text, **kw: calls.append(text) or real(text, **kw))
    first = compare_with_jieba(["科学发展观", "乡村振兴"])
    assert len(calls) == 2
    again = compare_with_jieba(["科学发展观", "乡村振兴"])
    assert len(calls) == 2 and again.equals(first)             # the second answer comes from disk
    assert again.set_index("term").loc["科学发展观", "jieba"] == "科学|发展观"
    compare_with_jieba(["科学发展观"])                            # other terms: computed
    compare_with_jieba(["科学发展观", "乡村振兴"], text="推进乡村振兴")  # with a text: computed
    assert len(calls) == 4
    compare_with_jieba(["科学发展观", "乡村振兴"], cache=False)
    assert len(calls) == 6
    compare_with_jieba(["科学发展观", "乡村振兴"], corpus_terms=["鹿鸣湾"])  # other corpus terms: computed
    assert len(calls) == 8
    calls.clear()
    # A changed lexicon changes the key (policytext's cut depends on it).
    lexicon = tmp_path / "policy_lexicon_test.txt"
    lexicon.write_text(LEXICON_PATH.read_text(encoding="utf-8") + "\n鹿鸣湾 ns\n", encoding="utf-8")
    monkeypatch.setattr(LEX, "LEXICON_PATH", lexicon)
    compare_with_jieba(["科学发展观", "乡村振兴"])
    assert len(calls) == 2
