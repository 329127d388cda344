"""Whole-process segmentation on other shapes of the same ~1M characters, as same-run ratios.

usage: .venv/bin/python bench/shapes.py [--repeat 3] [SHAPE ...]

bench/segment.py times `policytext segment FILES --jsonl` on 110 UTF-8 files of about 9k
characters. Users bring other files; each shape here writes the same characters (bench/segment.py's
corpus) another way and times a cold `policytext segment` against the bare `jieba.lcut` script
over the same files (issue 12's whole-process bar: >= 4x):
- gbk: the 110 files in GB18030 (海拉尔's reports are GBK): decoding guesses the encoding;
- small: about 900 files of about 1k characters (interviews, news items);
- big: 4 files of about 250k characters.
Best of --repeat interleaved runs. Writes bench/results/shapes.json and prints a table.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from segment import TARGETS, build_texts, whole_process  # noqa: E402

SHAPES = ("gbk", "small", "big")


def documents(shape: str, texts: list[str]) -> tuple[list[str], str]:
    """(file contents, encoding) of one shape."""
    if shape == "gbk":
        return texts, "gb18030"
    if shape == "big":
        return ["\n".join(texts[i::4]) for i in range(4)], "utf-8"
    docs, lines, size = [], [], 0          # small: whole lines, about 1k characters a file
    for line in "\n".join(texts).split("\n"):
        lines.append(line)
        size += len(line)
        if size > 1000:
            docs.append("\n".join(lines))
            lines, size = [], 0
    docs.append("\n".join(lines))
    return docs, "utf-8"


def run_shape(shape: str, texts: list[str], repeat: int) -> dict:
    docs, encoding = documents(shape, texts)
    timed = whole_process({f"d{i:04d}": doc for i, doc in enumerate(docs)}, repeat, encoding=encoding)
    seconds = {"bare_jieba": timed["whole_process_bare_jieba"],
               "policytext_segment": timed["whole_process_cold"]}
    return {"files": len(docs), "encoding": encoding, "seconds": seconds,
            "ratio": seconds["bare_jieba"] / seconds["policytext_segment"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("shapes", nargs="*", help=f"any of {', '.join(SHAPES)} (default: all)")
    args = ap.parse_args()
    if unknown := set(args.shapes) - set(SHAPES):
        ap.error(f"unknown shape(s): {', '.join(sorted(unknown))}")
    texts = list(build_texts(1_000_000).values())
    results = {shape: run_shape(shape, texts, args.repeat) for shape in args.shapes or SHAPES}
    bar = TARGETS["whole_process_cold"]
    out = ROOT / "bench" / "results" / "shapes.json"
    out.write_text(json.dumps({"date": dt.datetime.now().isoformat(timespec="seconds"),
                               "characters": sum(map(len, texts)), "bar": bar,
                               "repeat_best_of": args.repeat, "shapes": results},
                              indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{'shape':<8}{'files':>7}{'bare jieba':>12}{'policytext':>12}{'ratio':>8}  bar {bar:.0f}x")
    for shape, r in results.items():
        s = r["seconds"]
        print(f"{shape:<8}{r['files']:>7}{s['bare_jieba']:>11.2f}s{s['policytext_segment']:>11.2f}s"
              f"{r['ratio']:>7.2f}x  {'met' if r['ratio'] >= bar else 'not met'}")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
