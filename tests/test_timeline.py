"""One indicator across documents and years (policytext.timeline): the points, and the chart."""
import pandas as pd
import pytest

from policytext.errors import PolicyTextError
from policytext.timeline import textplot_timeline, timeline_points
from test_targets import GDP, INCOME, PLACES, TABLE, q, with_place


def test_timeline_returns_a_figure():
    from matplotlib.figure import Figure

    fig = textplot_timeline(TABLE, "GDP", measure="level")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_ylabel() == "亿元"
    ys = sorted(round(y, 1) for coll in ax.collections for _, y in coll.get_offsets())
    assert ys[-1] == 500 and 326.5 in ys


def test_timeline_default_measure_is_the_registry_one():
    table = pd.concat([TABLE, q(("001", "target", INCOME, "change", 7, None, "%", "=", 2022, "增长7%"),
                                ("001", "target", INCOME, "change", 7, None, "%", ">=", 2026, "年均增长7%以上"),
                                ("000", "achieved", INCOME, "change", 43.5, None, "%", "=", 2021, "增长43.5%"))])
    # more change rows than level rows, but income is tracked as a level
    assert textplot_timeline(table, INCOME).axes[0].get_title().endswith("(level)")


def test_timeline_one_place_integer_years():
    fig = textplot_timeline(with_place(TABLE, PLACES), GDP, measure="level", place="嘉峪关市")
    ax = fig.axes[0]
    assert list(ax.get_xticks()) == [2021, 2022, 2023, 2024, 2025, 2026]
    with pytest.raises(PolicyTextError, match="no 'count' values .* measures found: \\['change', 'level'\\]"):
        textplot_timeline(TABLE, GDP, measure="count")
    with pytest.raises(PolicyTextError, match="in 凉州区"):
        textplot_timeline(with_place(TABLE, PLACES), GDP, place="凉州区")


def test_no_values_is_an_error_naming_the_indicator():
    with pytest.raises(PolicyTextError, match="no values with a year for indicator '粮食产量'"):
        textplot_timeline(TABLE, "粮食产量")


def test_the_points_are_what_the_chart_draws():
    points, measure = timeline_points(TABLE, GDP, measure="level")
    fig = textplot_timeline(TABLE, GDP, measure="level")
    drawn = sum(len(coll.get_offsets()) for coll in fig.axes[0].collections)
    assert measure == "level" and drawn == len(points)
    assert set(points["measure"]) == {"level"} and points["year"].notna().all()
