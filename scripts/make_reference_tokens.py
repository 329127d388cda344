"""Write tests/data/reference/tokens_{seeds,hailar,provinces2026}.jsonl.gz from `policytext segment`.

usage: .venv/bin/python scripts/make_reference_tokens.py [--from-jsonl DIR]

One line per file: {"file": name, "sha256": of the decoded text, "lengths": [token lengths]}.
The text is fixed (seeds/, lib/policytext/data/corpora/), so token lengths say everything
about the cut and compress far better than the tokens. --from-jsonl reads DIR/seg_<set>.jsonl
(the baseline made on main before the engine split, `policytext segment FILES --jsonl`) instead
of cutting, after checking that the tokens join to the same texts.
tests/test_reference_tokens.py asserts that both engines still give these tokens.
"""
import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from policytext.batch import segment_files  # noqa: E402
from policytext.corpus import read_text  # noqa: E402

SETS = {"seeds": ROOT / "seeds", "hailar": ROOT / "lib/policytext/data/corpora/hailar",
        "provinces2026": ROOT / "lib/policytext/data/corpora/provinces2026"}
OUT = ROOT / "tests/data/reference"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from-jsonl", type=Path)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, folder in SETS.items():
        paths = sorted(folder.glob("*.txt"))
        if args.from_jsonl:
            lines = (args.from_jsonl / f"seg_{name}.jsonl").read_text(encoding="utf-8").splitlines()
            records = [json.loads(line) for line in lines]
            assert [Path(r["doc"]).name for r in records] == [p.name for p in paths], name
        else:
            records = segment_files(paths, cache=False)
        lines = []
        for path, record in zip(paths, records):
            text = read_text(path)
            assert "".join(record["tokens"]) == text, path
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            line = {"file": path.name, "sha256": digest, "lengths": [len(t) for t in record["tokens"]]}
            lines.append(json.dumps(line, separators=(",", ":")) + "\n")
        data = gzip.compress("".join(lines).encode("utf-8"), compresslevel=9, mtime=0)
        (OUT / f"tokens_{name}.jsonl.gz").write_bytes(data)
        print(f"wrote {OUT.relative_to(ROOT)}/tokens_{name}.jsonl.gz ({len(paths)} files)")


if __name__ == "__main__":
    main()
