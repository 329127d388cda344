"""Peak memory of `policytext segment FILES --jsonl` over a large corpus, all processes counted.

usage: .venv/bin/python bench/segment_memory.py [--mb 50] [--engine rjieba]

Builds --mb megabytes (UTF-8) of report files (the seeds and the bundled corpora repeated, ASCII
digits randomised per copy) in a temporary folder, runs the command with an empty cache folder
and samples every 50 ms the resident memory of the process and all its children: the peak of the
sum of RSS (shared pages counted in every process: an upper bound) and of PSS (shared pages
split between the processes that share them). Prints the figures and seconds; the issue-11
target is a peak <= 600 MB.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT / "seeds").glob("*.txt")),
           *sorted((ROOT / "lib/policytext/data/corpora").glob("*/*.txt"))]


def build(folder: Path, megabytes: float) -> list[str]:
    sys.path.insert(0, str(ROOT / "lib"))
    from policytext.corpus import read_text

    texts = [read_text(p) for p in SOURCES]
    rng = random.Random(7)
    paths, size, copy = [], 0, 0
    while size < megabytes * 1e6:
        for i, text in enumerate(texts):
            data = re.sub(r"[0-9]", lambda m: str(rng.randrange(10)), text).encode("utf-8")
            path = folder / f"c{copy:04d}_{i:02d}.txt"
            path.write_bytes(data)
            paths.append(str(path))
            size += len(data)
        copy += 1
    return paths


def tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return pids


def memory(pids: list[int]) -> tuple[int, int]:
    rss = pss = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--engine", default="rjieba")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="policytext-mem-"))
    cache = tempfile.mkdtemp(prefix="policytext-mem-cache-")
    try:
        paths = build(folder, args.mb)
        size = sum(os.path.getsize(p) for p in paths)
        command = [str(Path(sys.executable).with_name("policytext")), "segment", *paths, "--jsonl",
                   "--engine", args.engine]
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                env=dict(os.environ, POLICYTEXT_CACHE=cache))
        peak_rss = peak_pss = most = 0
        while proc.poll() is None:
            pids = tree(proc.pid)
            rss, pss = memory(pids)
            peak_rss, peak_pss, most = max(peak_rss, rss), max(peak_pss, pss), max(most, len(pids))
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        print(f"{len(paths)} files, {size / 1e6:.1f} MB, engine {args.engine}: exit {proc.returncode}, "
              f"{seconds:.1f} s, peak RSS sum {peak_rss / 1024:.0f} MB, peak PSS sum "
              f"{peak_pss / 1024:.0f} MB, up to {most} processes")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
