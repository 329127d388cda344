"""Benchmark policytext's segmentation against bare jieba.lcut, as ratios measured in one run.

usage: .venv/bin/python bench/segment.py [--chars 1000000] [--repeat 3]

Checks (targets from issue 12):
- in-process, cold: `tokens(corpus)` over >= 1M characters with an empty cache folder
  (corpus-term discovery, cutting and cache writes included; the engine is loaded first, as
  jieba's dictionary is) is >= 10x `[jieba.lcut(t) for t in texts]` (HMM on, jieba's default).
  Also reported: workers=1 (everything in this process; by default, from 300k characters and
  with a core to spare, discovery's statistics run in a forked process while this one cuts, see
  processes.Discovery), discover=False (the same cold run without corpus terms: what discovery
  costs), and the engine's cut alone (`Engine.cut` text by text: no discovery, no
  cache, no overlap of jieba-rs with the Python passes).
- CPU account (why the in-process figure is where it is): the CPU seconds of a cold run in all
  its processes and threads, and of the work it cannot skip (the engine's cut_many and
  discovery's statistics, each alone); divided by the two cores a run uses, each bounds the
  wall time, and so the ratio, that any schedule of that work could reach.
- identity: the fast engine's tokens equal the jieba engine's over the seeds and the bundled
  corpora (`segment_files(..., cache=False)` per set, both engines).
- whole process, cold: `policytext segment FILES --jsonl` over the same ~1M characters written
  as files, timed from process start to exit with an empty cache folder, is >= 4x a bare script
  that imports jieba and prints `jieba.lcut` of each file (jieba's own dictionary cache in /tmp
  is warm, as policytext's shipped engine data is).

The corpus is the five seed reports repeated, every ASCII digit replaced at random in each copy
and the lines of each copy shuffled (so no two documents are equal, no cache entry can be
reused between them, and discovery's sample is not the same runs over and over). Runs are
interleaved (baseline, ours, baseline, ours ...) and each figure is the best of --repeat rounds,
because other processes share the CPUs; the load average is recorded.
Writes bench/results/segment.json and prints a table.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import logging
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

import jieba  # noqa: E402

from policytext.batch import segment_files  # noqa: E402
from policytext.corpus import corpus, read_text  # noqa: E402
from policytext.discover import scored_candidates  # noqa: E402
from policytext.engine import segmenter  # noqa: E402
from policytext.tokens import tokens  # noqa: E402

TARGETS = {"in_process_cold": 10.0, "whole_process_cold": 4.0}
SETS = {"seeds": ROOT / "seeds", "hailar": ROOT / "lib/policytext/data/corpora/hailar",
        "provinces2026": ROOT / "lib/policytext/data/corpora/provinces2026"}
BARE_JIEBA = """
import json, logging, sys
import jieba
jieba.setLogLevel(logging.WARNING)
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    sys.stdout.write(json.dumps({"doc": path, "tokens": jieba.lcut(text)}, ensure_ascii=False) + "\\n")
"""


def build_texts(min_chars: int, seed: int = 2024) -> dict[str, str]:
    """Copies of the seeds: ASCII digits randomised, and after the first copy the lines of each
    report in another order. Without the shuffle, discovery's sample (every k-th run of Han
    characters) could take the same runs from every copy, which made it 2x cheaper than on
    real text: 0.31 s against 0.68 s for the same characters written as files."""
    seeds = [read_text(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(seed)
    texts, n, copy = {}, 0, 0
    while n < min_chars:
        for i, text in enumerate(seeds):
            lines = text.split("\n")
            if copy:
                rng.shuffle(lines)
            varied = re.sub(r"[0-9]", lambda m: str(rng.randrange(10)), "\n".join(lines))
            texts[f"c{copy:03d}_{i}"] = varied
            n += len(varied)
        copy += 1
    return texts


def fresh_cache() -> str:
    path = tempfile.mkdtemp(prefix="policytext-bench-")
    os.environ["POLICYTEXT_CACHE"] = path
    return path


def best_of(runs: dict, repeat: int) -> dict[str, float]:
    """Best wall time of each run, interleaved round by round."""
    best = {name: float("inf") for name in runs}
    for _ in range(repeat):
        for name, func in runs.items():
            gc.collect()
            start = time.perf_counter()
            func()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def in_process(texts: dict[str, str], repeat: int) -> dict[str, float]:
    c = corpus(texts)
    clean = [doc.clean for doc in c]                      # cleaning is not timed
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()                                    # warm-up: baseline dictionary
    engine = segmenter()                                  # warm-up: our engine
    engine.cut(clean[0][:2000])

    def cold(workers, discover=True):
        def run():
            fresh_cache()
            toks = tokens(c, workers=workers, discover=discover, progress=False)
            return sum(len(toks[i]) for i in toks.ids)
        return run

    runs = {"baseline_jieba_lcut": lambda: [jieba.lcut(t) for t in clean],
            "in_process_cold": cold(None), "in_process_cold_1_worker": cold(1),
            "in_process_cold_no_discovery": cold(None, discover=False),
            "engine_cut_only": lambda: [engine.cut(t) for t in clean]}
    return best_of(runs, repeat), cpu_account(cold(None), engine, clean, repeat)


def _cpu_seconds() -> float:
    """CPU time of this process (all its threads) and of its children that have been waited for."""
    usages = map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return sum(u.ru_utime + u.ru_stime for u in usages)


def cpu_account(run_cold, engine, clean: list[str], repeat: int) -> dict[str, float]:
    """CPU seconds (least of `repeat`) of a cold in-process run in all its processes and threads,
    and of the two parts of its work that cannot be skipped, each run alone in this process:
    cutting every text (jieba-rs and the passes around it) and discovery's statistics. Divided
    by the cores a run can use (2), they bound the wall time any schedule could reach."""
    def least(func):
        spent = []
        for _ in range(repeat):
            gc.collect()
            start = _cpu_seconds()
            func()
            spent.append(_cpu_seconds() - start)
        return min(spent)
    return {"cold_run_all_processes": least(run_cold),
            "engine_cut_many": least(lambda: list(engine.cut_many(clean, joined=True))),
            "discovery_statistics": least(lambda: scored_candidates(clean))}


def whole_process(texts: dict[str, str], repeat: int, *, encoding: str = "utf-8") -> dict[str, float]:
    """Best wall time of `policytext segment FILES --jsonl` (cold cache) and of the bare
    jieba script over `texts` written as files in `encoding` (bench/shapes.py uses others)."""
    folder = Path(tempfile.mkdtemp(prefix="policytext-bench-files-"))
    paths = []
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_bytes(text.encode(encoding))
        paths.append(str(path))
    bare_script = BARE_JIEBA.replace('encoding="utf-8"', f'encoding="{encoding}"')
    policytext = str(Path(sys.executable).with_name("policytext"))
    subprocess.run([sys.executable, "-c", bare_script, paths[0]], check=True,
                   capture_output=True)                   # jieba's /tmp dictionary cache is warm

    def ours():
        env = dict(os.environ, POLICYTEXT_CACHE=tempfile.mkdtemp(prefix="policytext-bench-"))
        subprocess.run([policytext, "segment", *paths, "--jsonl"], check=True, env=env,
                       stdout=subprocess.DEVNULL)

    def bare():
        subprocess.run([sys.executable, "-c", bare_script, *paths], check=True,
                       stdout=subprocess.DEVNULL)

    try:
        return best_of({"whole_process_bare_jieba": bare, "whole_process_cold": ours}, repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def identity() -> dict[str, bool]:
    same = {}
    for name, folder in SETS.items():
        paths = sorted(folder.glob("*.txt"))
        fast = segment_files(paths, cache=False)
        reference = segment_files(paths, cache=False, engine="jieba")
        same[name] = fast == reference
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    load_before = os.getloadavg()
    fresh_cache()
    texts = build_texts(args.chars)
    n_chars = sum(map(len, texts.values()))
    seconds, cpu = in_process(texts, args.repeat)
    seconds.update(whole_process(texts, args.repeat))
    same = identity()
    load_after = os.getloadavg()
    ratios = {
        "in_process_cold": seconds["baseline_jieba_lcut"] / seconds["in_process_cold"],
        "in_process_cold_1_worker": seconds["baseline_jieba_lcut"] / seconds["in_process_cold_1_worker"],
        "in_process_cold_no_discovery": seconds["baseline_jieba_lcut"] / seconds["in_process_cold_no_discovery"],
        "engine_cut_only": seconds["baseline_jieba_lcut"] / seconds["engine_cut_only"],
        "whole_process_cold": seconds["whole_process_bare_jieba"] / seconds["whole_process_cold"],
    }
    cores = min(2, os.cpu_count() or 1)        # a run uses at most two processes
    baseline = seconds["baseline_jieba_lcut"]
    floors = {"cold_run": cpu["cold_run_all_processes"] / cores,
              "required_work": (cpu["engine_cut_many"] + cpu["discovery_statistics"]) / cores}
    result = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "corpus": {"documents": len(texts), "characters": n_chars,
                   "how": "5 seed reports repeated, ASCII digits randomised and lines shuffled per copy"},
        "seconds": seconds,
        "ratios": ratios,
        "targets": TARGETS,
        "meets_targets": {k: ratios[k] >= v for k, v in TARGETS.items()},
        "engines_identical": same,
        "cpu_seconds": cpu,
        "wall_floor_seconds": floors,
        "ratio_at_floor": {k: baseline / v for k, v in floors.items()},
        "repeat_best_of": args.repeat,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "jieba": jieba.__version__,
    }
    out = ROOT / "bench" / "results" / "segment.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"corpus: {len(texts)} documents, {n_chars:,} characters; best of {args.repeat}; "
          f"load average {load_before[0]:.2f} -> {load_after[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"{'run':<34}{'seconds':>9}{'ratio':>9}{'target':>9}")
    for name, t in seconds.items():
        ratio = f"{ratios[name]:>8.2f}x" if name in ratios else ""
        target = f"{TARGETS[name]:>8.2f}x" if name in TARGETS else ""
        print(f"{name:<34}{t:>9.2f}{ratio:>9}{target:>9}")
    print(f"CPU of one cold in-process run, all processes: {cpu['cold_run_all_processes']:.2f} s; "
          f"on {cores} cores no schedule beats {floors['cold_run']:.2f} s = "
          f"{baseline / floors['cold_run']:.1f}x the baseline")
    print(f"the work it cannot skip, alone: engine cut {cpu['engine_cut_many']:.2f} s + discovery "
          f"statistics {cpu['discovery_statistics']:.2f} s of CPU -> at best "
          f"{floors['required_work']:.2f} s = {baseline / floors['required_work']:.1f}x")
    print(f"fast engine tokens identical to the jieba engine's: {same}")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
