"""How `policytext segment` and `policytext quantities` scale: time and peak memory by corpus size.

usage: .venv/bin/python bench/scale.py [--base-mb 2.5] [--sizes 1,4,16] [--big-mb 50] [--no-big] [--files N]

The corpus: the bundled corpora (海拉尔区 2012-2019, provinces 2026) and the seeds, repeated
until the size is reached, one file per copy, written as UTF-8; in each copy every ASCII digit
is replaced at random (seeded), so no two documents are equal and no cache entry is reused.
Each run is a whole `policytext` process over all the files (output to /dev/null) with a fresh,
empty cache folder, so it includes start-up and is cold. Peak memory is the largest sum of the
resident set sizes of the process and all its descendants (workers included), sampled every
20 ms from /proc: Linux only.

The load average after each run is recorded with it: on a shared machine a run that overlapped
other work is slower, and its ratio says so. Bars (issue 11): for segment and quantities, time at 4x <= 5 x time at 1x; quantities on 50 MB
< 60 s; segment peak memory on 50 MB <= 600 MB. Other processes share the machine's two cores,
so times are noisy; the ratios come from runs of the same invocation.

Writes bench/results/scale.json and prints a table.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from policytext.corpus import DATA_CORPORA_DIR, read_text  # noqa: E402

POLICYTEXT = [sys.executable, "-m", "policytext"]
COMMANDS = {"segment": "--jsonl", "quantities": "--csv"}


def source_texts() -> list[str]:
    paths = sorted(DATA_CORPORA_DIR.glob("*/*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [read_text(p) for p in paths]


def build_corpus(folder: Path, megabytes: float, texts: list[str], seed: int = 0,
                 files: int | None = None) -> list[Path]:
    """Varied copies of `texts` in `folder`, totalling at least `megabytes` of UTF-8: one file
    per copy, or with `files`, the copies joined into that many files (which then grow with
    the corpus, exposing work that is superlinear within one document)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    target, total, copies = megabytes * 1_000_000, 0, []
    while total < target:
        text = texts[len(copies) % len(texts)]
        copies.append(re.sub(r"[0-9]", lambda _: str(rng.randrange(10)), text))
        total += len(copies[-1].encode("utf-8"))
    groups = [copies] if files == 1 else [copies[i::files] for i in range(files)] if files else [[c] for c in copies]
    paths = []
    for i, group in enumerate(g for g in groups if g):
        path = folder / f"doc{i:05d}.txt"
        path.write_text("\n".join(group), encoding="utf-8")
        paths.append(path)
    return paths


def _tree_rss(pid: int) -> int:
    """Resident bytes of pid and all its descendants (0 for processes that are gone)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run(command: str, files: list[Path], cache: Path) -> dict:
    """Time and peak tree memory of one `policytext COMMAND FILES` process."""
    env = dict(os.environ, POLICYTEXT_CACHE=str(cache))
    argv = POLICYTEXT + [command, *map(str, files), COMMANDS[command]]
    peak = [0]
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.PIPE, env=env)

        def sample() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, err = proc.communicate()
        seconds = time.perf_counter() - start
        sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"policytext {command} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return {"seconds": round(seconds, 2), "peak_mb": round(peak[0] / 2**20, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-mb", type=float, default=2.5, help="size of the 1x corpus (default 2.5 MB)")
    parser.add_argument("--sizes", default="1,4,16", help="multiples of the base size (default 1,4,16)")
    parser.add_argument("--big-mb", type=float, default=50.0, help="the large run (default 50 MB)")
    parser.add_argument("--no-big", action="store_true", help="skip the large run")
    parser.add_argument("--files", type=int, default=None,
                        help="join the copies into this many files (default: one file per copy)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "scale.json"))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    texts = source_texts()
    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="policytext-scale-") as tmp:
        plan = [(f"{k}x", k * args.base_mb, ["segment", "quantities"]) for k in sizes]
        if not args.no_big:
            plan.append((f"{args.big_mb:g} MB", args.big_mb, ["quantities", "segment"]))
        for label, megabytes, commands in plan:
            files = build_corpus(Path(tmp) / label.replace(" ", ""), megabytes, texts, seed=len(runs) + 1,
                                 files=args.files)
            size = sum(p.stat().st_size for p in files) / 1e6
            for command in commands:
                with tempfile.TemporaryDirectory(prefix="cache-", dir=tmp) as cache:
                    result = run(command, files, Path(cache))
                runs.append({"size": label, "mb": round(size, 2), "files": len(files), "command": command,
                             **result, "load_average_1min": round(os.getloadavg()[0], 2)})
                print(f"{command:10s} {label:>7s} {size:7.1f} MB {len(files):5d} files "
                      f"{result['seconds']:8.1f} s {result['peak_mb']:8.1f} MB peak", flush=True)
    report = summarise(runs, sizes, args)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, check in report["bars"].items():
        print(f"{'PASS' if check['pass'] else 'FAIL'}  {name}: {check['value']} (bar {check['bar']})")
    print(f"wrote {args.out}")
    return 0


def summarise(runs: list[dict], sizes: list[int], args) -> dict:
    def get(command: str, size: str, key: str):
        return next((r[key] for r in runs if r["command"] == command and r["size"] == size), None)

    ratios = {}
    for command in COMMANDS:
        base = get(command, f"{sizes[0]}x", "seconds")
        for k in sizes[1:]:
            other = get(command, f"{k}x", "seconds")
            if base and other:
                ratios[f"{command} {k}x/{sizes[0]}x"] = round(other / base, 2)
    bars = {}
    for command in COMMANDS:
        if f"{command} 4x/1x" in ratios:
            bars[f"{command} time 4x/1x"] = {"value": ratios[f"{command} 4x/1x"], "bar": "<= 5",
                                             "pass": ratios[f"{command} 4x/1x"] <= 5}
    big = f"{args.big_mb:g} MB"
    if (seconds := get("quantities", big, "seconds")) is not None:
        bars[f"quantities time on {big} (s)"] = {"value": seconds, "bar": "< 60", "pass": seconds < 60}
    if (peak := get("segment", big, "peak_mb")) is not None:
        bars[f"segment peak memory on {big} (MB)"] = {"value": peak, "bar": "<= 600", "pass": peak <= 600}
    return {"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": platform.platform(),
            "cpus": os.cpu_count(), "load_average": os.getloadavg(), "python": sys.version.split()[0],
            "base_mb": args.base_mb, "files_option": args.files, "runs": runs, "ratios": ratios, "bars": bars}


if __name__ == "__main__":
    sys.exit(main())
