"""Write lib/policytext/data/rjieba_recipe.json: what the fast engine adds to rjieba's dictionary.

usage: .venv/bin/python scripts/make_rjieba_recipe.py

Run it after changing the policy lexicon, the stopwords, jieba's version or policytext's
version (tests/test_engine.py fails until then). Without a current file the engine computes the
recipe itself on first use (about a second) and keeps it in the cache folder.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from policytext.engine_rjieba import write_shipped_recipe  # noqa: E402

if __name__ == "__main__":
    print(f"wrote {write_shipped_recipe().relative_to(ROOT)}")
