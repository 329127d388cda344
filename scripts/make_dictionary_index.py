"""Write lib/policytext/data/jieba_dict_index.gz: jieba's dictionary sorted for look-ups.

usage: .venv/bin/python scripts/make_dictionary_index.py

Run it after changing jieba's version (tests/test_lexicon.py fails until then). Without a
current file policytext builds the index from dict.txt on first use (about half a second).
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from policytext.lexicon import write_dictionary_index  # noqa: E402

if __name__ == "__main__":
    print(f"wrote {write_dictionary_index().relative_to(ROOT)}")
