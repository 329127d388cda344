import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"
# A made-up place name, eight times beside different words: discovery must find it as a term.
PLANTED = "".join(f"今年{b}鹿鸣湾{a}，效果明显。\n" for b, a in zip(
    ["建设", "发展", "推动", "提升", "支持", "打造", "保护", "规划"],
    ["景区", "码头", "新区", "产业园", "湿地", "小镇", "片区", "公园"]))


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory):
    """Every test session gets its own cache, so no test sees another run's results."""
    os.environ["POLICYTEXT_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.setdefault("MPLBACKEND", "Agg")
    yield


@pytest.fixture(scope="session")
def seeds():
    from policytext import load_corpus

    return load_corpus(SEEDS)
