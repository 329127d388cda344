"""Many texts (policytext.batch): files, the token cache, the command line and its start-up."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PLANTED
from policytext import corpus
from policytext.batch import iter_segment_files, segment_files
from policytext.engine import ENGINES, Engine, segmenter
from policytext.tokens import tokens

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
LEX = sys.modules["policytext.lexicon"]   # the module (policytext.lexicon is the function)
# Runs `policytext segment FILE --jsonl --engine E` in a fresh interpreter and reports which
# heavy packages it imported.
PROBE = """
import sys
from policytext.cli import main
code = main(["segment", sys.argv[1], "--jsonl", "--engine", sys.argv[2]])
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"pandas", "matplotlib", "nbconvert", "jieba", "numpy"})
print(" ".join(heavy), file=sys.stderr)
sys.exit(code)
"""


def toy():
    return corpus({"a": "我们要进一步推进乡村振兴，2021年增长8%。",
                   "b": "五年来，地区生产总值年均增长5.8%。坚持高质量发展。"})


@pytest.fixture
def count_cuts(monkeypatch):
    """Record the texts that engines have cut (cut and cut_many are the ways text gets cut; a
    text counts when its tokens are returned)."""
    calls = []
    real_cut = Engine.cut

    def counting(self, text):
        calls.append(text)
        return real_cut(self, text)

    monkeypatch.setattr(Engine, "cut", counting)
    for cls in {type(segmenter(name)) for name in ENGINES}:
        if "cut_many" not in vars(cls):       # Engine.cut_many calls cut
            continue
        real_many = cls.cut_many

        def counting_many(self, texts, real_many=real_many, **options):
            texts = list(texts)
            for text, toks in zip(texts, real_many(self, texts, **options)):
                calls.append(text)
                yield toks

        monkeypatch.setattr(cls, "cut_many", counting_many)
    return calls


def test_segment_files_joins_back_to_raw_text(tmp_path):
    a = tmp_path / "a.txt"
    a.write_bytes("\ufeff各位代表：\r\n  地区生产总值增长8%。\r\n".encode("utf-8"))
    b = tmp_path / "b.txt"
    b.write_text("乡村振兴\n", encoding="utf-8")
    records = segment_files([a, b])
    assert [r["doc"] for r in records] == [str(a), str(b)]
    # joins back to the file as Python's utf-8 reader (and the scorer) reads it, BOM included
    assert "".join(records[0]["tokens"]) == "\ufeff各位代表：\n  地区生产总值增长8%。\n"
    assert records[1]["tokens"] == ["乡村振兴", "\n"]
    json.dumps(records, ensure_ascii=False)
    assert segment_files([a, b], engine="jieba", cache=False) == records


def test_records_come_one_at_a_time(tmp_path, count_cuts):
    paths = []
    for k in range(3):
        path = tmp_path / f"{k}.txt"
        path.write_text(f"第{k}份报告：推进乡村振兴。\n", encoding="utf-8")
        paths.append(path)
    records = iter_segment_files(paths, discover=False, cache=False)
    first = next(records)
    assert first["doc"] == str(paths[0]) and len(count_cuts) == 1   # the others are not cut yet
    assert [r["doc"] for r in records] == [str(p) for p in paths[1:]]


def test_cache_hit_and_invalidation(tmp_path, monkeypatch, count_cuts):
    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path))
    c = toy()
    first = tokens(c, discover=False)
    assert len(count_cuts) == 2 and list((tmp_path / "segment").rglob("*.ptc"))
    again = tokens(c, discover=False)
    assert len(count_cuts) == 2                             # both documents from the cache
    assert [again[i] for i in c.ids] == [first[i] for i in c.ids]
    changed = corpus({"a": c["a"].clean, "b": c["b"].clean.replace("5.8%", "6.1%")})
    assert "6.1%" in tokens(changed, discover=False)["b"]
    assert len(count_cuts) == 3                             # only the changed text is cut
    tokens(c, discover=False, cache=False)
    assert len(count_cuts) == 5
    tagged = tokens(c, discover=False, pos=True)            # tags are part of the key
    assert len(count_cuts) == 7 and tagged["a"] == first["a"]
    assert tokens(c, discover=False, pos=True).tags("a") == tagged.tags("a")
    assert len(count_cuts) == 7


def test_cache_invalidated_when_lexicon_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path))
    c = corpus({"x": "建设鹿鸣湾景区，打造鹿鸣湾品牌。"})
    assert "鹿鸣湾" not in tokens(c, discover=False)["x"]
    lexicon = tmp_path / "policy_lexicon_test.txt"
    lexicon.write_text(LEX.LEXICON_PATH.read_text(encoding="utf-8") + "\n鹿鸣湾 ns\n", encoding="utf-8")
    monkeypatch.setattr(LEX, "LEXICON_PATH", lexicon)
    for engine in ["rjieba", "jieba"]:
        assert tokens(c, discover=False, engine=engine)["x"].count("鹿鸣湾") == 2


def test_command_line_engines_and_start_up(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("推进乡村振兴，地区生产总值增长8%。\n", encoding="utf-8")
    env = dict(os.environ, POLICYTEXT_CACHE=str(tmp_path / "cache"))
    lines = {}
    for engine in ["rjieba", "jieba"]:
        done = subprocess.run([sys.executable, "-c", PROBE, str(path), engine],
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        lines[engine] = done.stdout
        heavy = set(done.stderr.strip().splitlines()[-1].split()) if done.stderr.strip() else set()
        assert not heavy & {"pandas", "matplotlib", "nbconvert"}, heavy
        if engine == "rjieba":
            assert heavy == set(), heavy    # the fast path needs neither jieba nor numpy
    assert lines["rjieba"] == lines["jieba"]
    record = json.loads(lines["rjieba"])
    assert record["tokens"][:2] == ["推进", "乡村振兴"]


@pytest.mark.parametrize("text", [
    '推进“乡村振兴”，\\n不是换行\t制表\u2028段落"引号"\n',   # quotes, a backslash, tab, U+2028
    "地区生产总值增长8%。\n\n\u3000\u3000下一段……",
    "一",
    "\ufeff各位代表：\n",
])
def test_segment_writes_the_json_of_its_records(tmp_path, capsys, text):
    # `segment --jsonl` writes each line from the joined tokens without building the list;
    # the line is the one json.dumps writes for the record segment_files returns.
    from policytext.cli import main

    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["segment", str(path), "--jsonl"]) == 0
    line = capsys.readouterr().out
    record = segment_files([path])[0]
    assert line == json.dumps(record, ensure_ascii=False) + "\n"
    assert "".join(json.loads(line)["tokens"]) == text


def test_command_line_rejects_an_unknown_engine(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("乡村振兴\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "policytext", "segment", str(path), "--jsonl",
                           "--engine", "pkuseg"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "invalid choice" in done.stderr and "Traceback" not in done.stderr


def _whole_rate(sample: str) -> float:
    path = DATA / f"{sample}_segment.txt"
    terms = [line.strip() for line in DATA.joinpath(f"{sample}_terms.txt").read_text(encoding="utf-8")
             .splitlines() if line.strip() and not line.startswith("#")]
    toks = segment_files([path])[0]["tokens"]
    text = path.read_text(encoding="utf-8")
    assert "".join(toks) == text
    spans, pos = set(), 0
    for t in toks:
        spans.add((pos, pos + len(t)))
        pos += len(t)
    hits = [m.span() in spans for term in terms for m in re.finditer(re.escape(term), text)]
    assert len(hits) >= len(terms)  # every listed term occurs in the sample
    return sum(hits) / len(hits)


@pytest.mark.parametrize("sample", [
    "heldout",   # 赣州, 宜宾, 陕北 (2020s work reports)
    "heldout2",  # 湖南 2008, 合肥 2015, 正安县 2019, 宁波 2023 party congress, 苏州 1996
])
def test_heldout_policy_terms_whole(sample):
    """Paragraphs in the style of other places' and eras' reports: >= 0.90 of terms come out whole."""
    assert _whole_rate(sample) >= 0.90


def test_fresh_sample_keeps_most_terms_whole():
    """Written after the lexicon, scored 0.69 before the last lexicon round and 0.86 after; most
    remaining misses are cut on purpose by the granularity rule, so the floor is lower."""
    assert _whole_rate("heldout3") >= 0.85


def test_a_warm_run_builds_no_engine(tmp_path, monkeypatch):
    # Corpus terms and tokens both from the cache: building an engine (0.15 s) is not needed.
    import policytext.batch as batch

    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "a.txt"
    path.write_text("各位代表：推进乡村振兴，地区生产总值增长8%。\n", encoding="utf-8")
    first = segment_files([path])

    def no_engine(*args, **kwargs):
        raise AssertionError("an engine was built for a warm run")
    monkeypatch.setattr(batch, "segmenter", no_engine)
    assert segment_files([path]) == first




def _plant(namespace, value):
    """Rewrite every entry of `namespace` with `value`, checksum and all (as anyone who can
    write to the cache could)."""
    from policytext.cache import cache_put, usable_cache_dir

    entries = list((usable_cache_dir() / namespace).glob("*.ptc"))
    assert entries
    for entry in entries:
        cache_put(namespace, entry.name[:-len(".ptc")], value)


@pytest.mark.parametrize("value", [[[1, 2]], [""], "乡村振兴"])
def test_corpus_terms_from_the_cache_that_are_not_words_are_found_again(tmp_path, monkeypatch, value):
    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "a.txt"
    path.write_text(PLANTED + DATA.joinpath("heldout_segment.txt").read_text(encoding="utf-8"), encoding="utf-8")
    first = segment_files([path])
    assert "鹿鸣湾" in first[0]["tokens"]                       # a discovered term
    _plant("segment_terms", value)
    _plant("segment", ["今年", "建设"])   # so that the tokens are cut again with the terms found
    assert segment_files([path]) == first


@pytest.mark.parametrize("value", [
    ["我们\ue000要", None],                     # whole tokens, but of another text
    ["\ue000".join("地区生产总值增长8%。"), "x"],  # tags where none were asked for
    ["地区生产总值\ue000\ue000增长8%。", None],     # an empty token
    [["地区生产总值", "增长8%。"], None],          # the list form, for a text without the separator
    [[1, 2], None], ["地区生产总值增长8%。"], "x",
])
def test_tokens_from_the_cache_that_are_not_the_texts_are_cut_again(tmp_path, monkeypatch, value):
    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "a.txt"
    path.write_text("地区生产总值增长8%。", encoding="utf-8")
    first = segment_files([path], discover=False)
    assert first[0]["tokens"] == ["地区生产总值", "增长", "8%", "。"]
    _plant("segment", value)
    assert segment_files([path], discover=False) == first
    assert segment_files([path], discover=False) == first     # rewritten: a hit again


def test_tags_from_the_cache_must_be_one_per_token(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path / "cache"))
    c = corpus({"a": "地区生产总值增长8%。"})
    tags = tokens(c, discover=False, pos=True).tags("a")
    assert len(tags) == 4
    _plant("segment", ["\ue000".join(["地区生产总值", "增长", "8%", "。"]), "n"])
    assert tokens(c, discover=False, pos=True).tags("a") == tags
