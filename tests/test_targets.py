"""Target tracking across documents (policytext.targets)."""
import math

import pandas as pd
import pytest

from policytext.errors import PolicyTextError
from policytext.targets import textplot_timeline, textstat_implied_growth, textstat_targets


def q(*rows):
    cols = ["doc", "label", "indicator", "measure", "value", "value_high", "unit", "relation", "year", "sentence"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


GDP = "地区生产总值"
INCOME = "城镇居民人均可支配收入"
TABLE = q(
    ("000", "achieved", GDP, "level", 326.5, None, "亿元", "=", 2021, "2021年全市地区生产总值达到326.5亿元"),
    ("000", "achieved", GDP, "level", 300, None, "亿元", ">=", 2021, "首次突破300亿元"),
    ("001", "estimate", GDP, "level", 306, None, "亿元", "=", 2021, "预计达到306亿元"),
    ("001", "target", GDP, "level", 500, None, "亿元", ">=", 2026, "到2026年…突破500亿元"),
    ("003", "target", GDP, "level", 500, None, "亿元", ">=", 2026, "突破500亿元大关"),
    ("000", "target", GDP, "level", 500, None, "亿元", ">=", 2025, "十四五末突破500亿元"),
    ("001", "target", GDP, "change", 7, None, "%", ">=", 2022, "地区生产总值增长7%以上"),
    ("000", "achieved", INCOME, "level", 47863, None, "元", "=", 2021, "分别达到47863元"),
    ("001", "achieved", INCOME, "level", 48132, None, "元", "=", 2021, "分别达到48132元"),
    ("001", "achieved", INCOME, "level", 4.8132, None, "万元", "=", 2021, "same value in 万元"),
    ("002", "target", "城镇登记失业率", "level", 4, None, "%", "<=", 2022, "控制在4%以内"),
    ("001", "target", "城镇登记失业率", "level", 2.9, None, "%", "<=", 2022, "控制在2.9%以内"),
)


def flags(table, indicator, year, measure="level"):
    t = textstat_targets(table)
    rows = t[(t["indicator"] == indicator) & (t["year"] == year) & (t["measure"] == measure)]
    assert len(rows), (indicator, year)
    return rows.iloc[0][["conflict_reported", "estimate_revised", "conflict_target", "status"]].tolist()


def test_conflicting_reports_are_flagged():
    assert flags(TABLE, INCOME, 2021) == [True, False, False, "conflict"]


def test_estimate_then_actual_is_a_revision_not_a_conflict():
    # 306 (estimate, 001) vs 326.5 (achieved, 000); 首次突破300亿元 is a threshold, not a value
    assert flags(TABLE, GDP, 2021) == [False, True, False, "estimate revised"]


def test_targets_agreeing_and_disagreeing():
    assert flags(TABLE, GDP, 2026) == [False, False, False, "consistent"]
    assert flags(TABLE, "城镇登记失业率", 2022) == [False, False, True, "conflict"]


def test_every_statement_keeps_its_source():
    t = textstat_targets(TABLE)
    assert len(t) == len(TABLE)
    row = t[(t["indicator"] == GDP) & (t["label"] == "estimate")].iloc[0]
    assert (row["doc"], row["sentence"]) == ("001", "预计达到306亿元")


def test_implied_growth():
    g = textstat_implied_growth(TABLE)
    row = g[(g["target_doc"] == "001") & (g["indicator"] == GDP)].iloc[0]
    # base is the same document's estimate 306 (2021): (500/306)^(1/5) - 1
    assert (row["base_value"], row["base_year"], row["years"]) == (306, 2021, 5)
    assert row["implied_growth"] == pytest.approx(((500 / 306) ** 0.2 - 1) * 100, abs=0.01)
    assert "7% >=" in row["stated_growth"] and row["stated_growth_min"] == 7
    row = g[(g["target_doc"] == "000")].iloc[0]
    assert row["implied_growth"] == pytest.approx(((500 / 326.5) ** 0.25 - 1) * 100, abs=0.01)
    row = g[(g["target_doc"] == "003")].iloc[0]      # no base of its own: latest reported level
    assert row["base_value"] == 326.5 and math.isclose(row["years"], 5)


def test_timeline_returns_a_figure():
    from matplotlib.figure import Figure

    fig = textplot_timeline(TABLE, "GDP", measure="level")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_ylabel() == "亿元"
    ys = sorted(round(y, 1) for coll in ax.collections for _, y in coll.get_offsets())
    assert ys[-1] == 500 and 326.5 in ys


def test_bad_input():
    with pytest.raises(PolicyTextError, match="lacks columns"):
        textstat_targets(pd.DataFrame({"doc": []}))
    with pytest.raises(PolicyTextError, match="no values"):
        textplot_timeline(TABLE, "粮食产量")


def test_seeds_end_to_end(seeds):
    from policytext.quantities import quantities

    t = textstat_targets(quantities(seeds))
    income = t[(t["indicator"] == INCOME) & (t["year"] == 2021) & (t["measure"] == "level")]
    assert set(income["value"]) >= {48132, 47863} and income["conflict_reported"].all()
    gdp = t[(t["indicator"] == GDP) & (t["year"] == 2021) & (t["measure"] == "level")]
    assert gdp["estimate_revised"].all() and not gdp["conflict_reported"].any()
