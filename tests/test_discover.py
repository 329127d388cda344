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
