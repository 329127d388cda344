"""Same discovery results before and after a change to discover.py / ngrams.py: dump, then compare.

    PYTHONPATH=/work/main/lib .venv/bin/python scripts/check_discovery_unchanged.py dump old.pkl
    .venv/bin/python scripts/check_discovery_unchanged.py dump new.pkl
    .venv/bin/python scripts/check_discovery_unchanged.py compare old.pkl new.pkl
    .venv/bin/python scripts/check_discovery_unchanged.py ways

`dump` stores, for the seeds, both bundled corpora, both together, the bench corpus
(bench/segment.py's build_texts(1_000_000)) and the toy corpora of tests/test_discover.py:
every candidate row (term, count, pmi, entropies, score: floats compared exactly) for four
option sets and three sample sizes, top_candidates (order included) and corpus_terms.
`ways` checks, in this library, that every counting way of discover gives the same rows.
"""
import pickle
import sys
from pathlib import Path

import policytext
from policytext import discover
from policytext.corpus import corpus, data_corpus, load_corpus
from policytext.engine import segmenter

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = [dict(discover.DISCOVER_DEFAULTS),
           dict(min_count=2, min_pmi=0.5, min_entropy=0.3, max_len=8),
           dict(min_count=5, min_pmi=1.0, min_entropy=1.0, max_len=2),
           dict(min_count=3, min_pmi=2.0, min_entropy=0.5, max_len=12)]
SAMPLES = (200_000, None, 60)


def sets() -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT / "bench"))      # after policytext is imported: keeps its path
    import test_discover as toy
    from segment import build_texts

    clean = lambda c: [d.clean for d in c]       # noqa: E731
    out = {"toy": toy.toy_corpus(), "toy_hand": ["甲乙丙丁，戊甲乙丙。", "甲乙丙"],
           "toy_repeated": toy.toy_corpus() + ["鹿鸣湾鹿鸣湾，鹿鸣湾景区。鹿鸣湾新区鹿鸣湾码头" * 3],
           "seeds": clean(load_corpus(ROOT / "seeds")),
           "hailar": clean(data_corpus("hailar")),
           "provinces2026": clean(data_corpus("provinces2026"))}
    out["hailar+provinces2026"] = out["hailar"] + out["provinces2026"]
    out["bench"] = clean(corpus(build_texts(1_000_000)))
    return out


class _Words:
    """`in` test for the words of the engine's dictionary (discover_terms' `dictionary`)."""

    def __init__(self, seg):
        self.is_word = seg.is_word

    def __contains__(self, word: str) -> bool:
        return self.is_word(word)


def results(texts: list[str]) -> dict:
    known = _Words(segmenter())
    out = {}
    for i, options in enumerate(OPTIONS):
        for max_chars in SAMPLES:
            out[f"rows {options} max_chars={max_chars}"] = discover._candidates(
                texts, dictionary=known if i == 0 else None, max_chars=max_chars, **options)
    out["top_candidates"] = discover.top_candidates(texts)
    out["corpus_terms"] = discover.corpus_terms(texts, cache=False)
    return out


def compare(old: dict, new: dict) -> int:
    bad = 0
    for name in old:
        for what in old[name]:
            if old[name][what] != new[name].get(what):
                bad += 1
                print(f"DIFFERENT {name}: {what}")
        print(f"{name}: {len(old[name])} results compared, "
              f"{len(new[name]['corpus_terms'])} corpus terms")
    print("all identical" if not bad else f"{bad} differences")
    return 1 if bad else 0


def ways() -> int:
    """Every counting way (numpy sort, Counter over every n-gram, Apriori) on every set."""
    settings = {"sort": (0, 0, 10**12), "counter": (10**12, 10**12, 10**12),
                "pruned": (10**12, 10**12, 0)}
    found = {}
    for way, (floor, floor_loaded, full) in settings.items():
        discover.SORT_MIN_CHARS, discover.SORT_MIN_CHARS_LOADED = floor, floor_loaded
        discover.FULL_COUNT_CHARS = full
        found[way] = {name: results(texts) for name, texts in sets().items()}
    return max(compare(found["sort"], found[way]) for way in ("counter", "pruned"))


def main() -> int:
    print(f"policytext from {Path(policytext.__file__).parent}", file=sys.stderr)
    if sys.argv[1:2] == ["dump"]:
        with open(sys.argv[2], "wb") as fh:
            pickle.dump({name: results(texts) for name, texts in sets().items()}, fh)
        return 0
    if sys.argv[1:2] == ["compare"]:
        old, new = (pickle.loads(Path(p).read_bytes()) for p in sys.argv[2:4])
        return compare(old, new)
    if sys.argv[1:2] == ["ways"]:
        return ways()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
