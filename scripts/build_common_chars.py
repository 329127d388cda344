"""Build lib/policytext/data/common_chars.txt: the common Chinese characters decoding checks against.

The list: the 3,500 most frequent Han characters by jieba's dictionary (each word's
frequency credited to its characters), plus every character that occurs at least twice
in the seeds and the bundled corpora; then the Traditional form of each (OpenCC s2t,
character by character), so Big5 / Traditional text is judged on the same footing.
Real report text has >= 97% of its Han characters in this list; GB18030 mojibake of Big5
bytes has far fewer (see corpus.decode / tests/test_hostile.py).

    .venv/bin/python scripts/build_common_chars.py
"""
from collections import Counter
from pathlib import Path

import jieba
import opencc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "lib" / "policytext" / "data" / "common_chars.txt"


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def main() -> None:
    from policytext.corpus import read_text

    weights: Counter = Counter()
    dict_path = Path(jieba.__file__).parent / "dict.txt"
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        word, freq, *_ = line.split(" ")
        for ch in word:
            if is_han(ch):
                weights[ch] += int(freq)
    chosen = {ch for ch, _ in weights.most_common(3500)}
    counts: Counter = Counter()
    for path in [*ROOT.glob("seeds/*.txt"), *ROOT.glob("lib/policytext/data/corpora/*/*.txt")]:
        counts.update(ch for ch in read_text(path) if is_han(ch))
    chosen |= {ch for ch, n in counts.items() if n >= 2}
    s2t = opencc.OpenCC("s2t")
    simplified = "".join(sorted(chosen))
    traditional = "".join(sorted({t for ch in chosen for t in s2t.convert(ch) if is_han(t)} - chosen))
    OUT.write_text("# Common Han characters (built by scripts/build_common_chars.py; see its docstring).\n"
                   f"# simplified/common: {len(simplified)}\n{simplified}\n"
                   f"# traditional forms of the above: {len(traditional)}\n{traditional}\n", encoding="utf-8")
    print(OUT, len(simplified), len(traditional))


if __name__ == "__main__":
    main()
