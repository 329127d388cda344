"""Quantity extraction on text without sentence ends: cost must grow linearly, as same-run ratios.

usage: .venv/bin/python bench/long_sentences.py [--repeat 3] [--sizes 1,4,16]

Web copies and flattened tables can lose their 。: a whole report becomes one "sentence". Every
value's cues are read back to the start of its sentence, so before quantities cut such
sentences into pieces (quantity_pipeline.MAX_SENTENCE) one line with 2000 values took 10 s and one with
20000 values would have taken hours.

The text: the provinces2026 reports, joined, repeated `size` times, in two shapes:
- sentences: as written;
- one line: every 。！？ and line break replaced by ，, so the whole text is one sentence.
`extract_quantities` runs in this process (no cache). Reported per shape and size: seconds
(best of --repeat), values found, and the ratio to the 1x run of the same shape divided by the
size (1.0 = linear). Bar: that ratio <= 1.5 at every size, and the one-line shape within 3x
of the sentences shape at the same size. Writes bench/results/long_sentences.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from policytext.corpus import DATA_CORPORA_DIR, read_text  # noqa: E402
from policytext.quantities import extract_quantities  # noqa: E402

BARS = {"per_size_ratio": 1.5, "one_line_vs_sentences": 3.0}


def shapes(size: int) -> dict[str, str]:
    text = "\n".join(read_text(p) for p in sorted((DATA_CORPORA_DIR / "provinces2026").glob("*.txt")))
    text = "\n".join([text] * size)
    return {"sentences": text, "one_line": re.sub(r"[。！？!?\n]+", "，", text)}


def best_of(text: str, repeat: int) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = len(extract_quantities(text, year=2026, review_year=2025))
        best = min(best, time.perf_counter() - start)
    return best, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="1,4,16")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = []
    for size in sizes:
        for shape, text in shapes(size).items():
            seconds, found = best_of(text, args.repeat)
            runs.append({"shape": shape, "size": size, "characters": len(text), "values": found,
                         "seconds": round(seconds, 3)})
    first = {r["shape"]: r for r in runs if r["size"] == sizes[0]}
    for r in runs:
        r["per_size_ratio"] = round(r["seconds"] / first[r["shape"]]["seconds"] / (r["size"] / sizes[0]), 2)
    by = {(r["shape"], r["size"]): r for r in runs}
    versus = {size: round(by["one_line", size]["seconds"] / by["sentences", size]["seconds"], 2) for size in sizes}
    meets = (all(r["per_size_ratio"] <= BARS["per_size_ratio"] for r in runs)
             and all(v <= BARS["one_line_vs_sentences"] for v in versus.values()))
    out = ROOT / "bench" / "results" / "long_sentences.json"
    out.write_text(json.dumps({"date": dt.datetime.now().isoformat(timespec="seconds"), "bars": BARS,
                               "runs": runs, "one_line_vs_sentences": versus, "meets_bars": meets},
                              indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{'shape':<10}{'size':>5}{'chars':>10}{'values':>8}{'seconds':>9}{'ratio/size':>11}")
    for r in runs:
        print(f"{r['shape']:<10}{r['size']:>5}{r['characters']:>10,}{r['values']:>8}{r['seconds']:>9.2f}"
              f"{r['per_size_ratio']:>11.2f}")
    print(f"one line / sentences: {versus}; bars {BARS}: {'met' if meets else 'NOT met'}")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
