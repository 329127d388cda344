"""Findings on level targets and their implied growth (findings_growth): hand-checked toy tables."""
import pandas as pd

from policytext.findings_growth import fmt_stated, md_implied_growth, table_implied_growth


def test_fmt_stated_reads_like_a_sentence():
    assert fmt_stated(7, relation=">=", unit="%") == "7% or more"
    assert fmt_stated(6, relation="~", unit="%") == "about 6%"
    assert fmt_stated(4, relation="<=", unit="%") == "at most 4%"
    assert fmt_stated(5, high=5.5, relation="=", unit="%") == "5–5.5%"
    assert fmt_stated(326.5, unit="亿元") == "326.5亿元"
    assert fmt_stated(48132.0, unit="元") == "48132元"
    assert fmt_stated(1, unit="番") == "翻一番" and fmt_stated(2, unit="番") == "翻两番"   # as written


def _growth_and_q():
    growth = pd.DataFrame([
        # 24726元 -> 2.67万元 in one year: 2.67e4 / 24726 - 1 = 7.98%
        {"place": "甲市", "indicator": "农村居民人均可支配收入", "base_year": 2021, "base_value": 24726.0,
         "base_label": "achieved", "base_doc": "gov", "target_year": 2022, "target_value": 2.67,
         "target_relation": ">=", "target_doc": "gov", "unit": "万元", "base_unit": "元", "years": 1,
         "implied_growth": 7.98, "stated_growth_max": 8.0},
        # 326.5 -> 500亿元 over 5 years: 8.90% a year
        {"place": "甲市", "indicator": "地区生产总值", "base_year": 2021, "base_value": 326.5,
         "base_label": "achieved", "base_doc": "talk", "target_year": 2026, "target_value": 500.0,
         "target_relation": ">=", "target_doc": "gov", "unit": "亿元", "base_unit": "亿元", "years": 5,
         "implied_growth": 8.9, "stated_growth_max": 7.0},
    ])
    q = pd.DataFrame([
        {"doc": "gov", "label": "target", "indicator": "地区生产总值", "measure": "change", "value": 7.0,
         "value_high": None, "unit": "%", "relation": ">=", "year": 2022, "place": "甲市"},
        {"doc": "gov", "label": "target", "indicator": "农村居民人均可支配收入", "measure": "change", "value": 8.0,
         "value_high": None, "unit": "%", "relation": "=", "year": 2022, "place": "甲市"},
        {"doc": "gov", "label": "target", "indicator": "地区生产总值", "measure": "avg_change", "value": 5.0,
         "value_high": None, "unit": "%", "relation": "~", "year": None, "place": "甲市", "period": "2026–2030"},
    ])
    return growth, q


def test_implied_growth_table_converts_the_base_and_reads_the_stated_targets():
    growth, q = _growth_and_q()
    table = table_implied_growth(growth, q)
    assert list(table["indicator"]) == ["农村居民人均可支配收入", "地区生产总值"]
    assert table.loc[0, "base"].startswith("24726元 = 2.473万元 (2021")
    # each level with its document and offset when the growth table has them
    traced = table_implied_growth(growth.assign(base_start=[12, 30], target_start=[40, 55]), q)
    assert traced.loc[0, "base"].endswith("(2021, achieved, gov @12)") and traced.loc[1, "target"].endswith("(gov @55)")
    assert table.loc[0, "stated_growth"] == "8%, for 2022 (gov)"
    assert table.loc[1, "stated_growth"] == ("7% or more, for 2022 (gov); about 5%, a year on average over "
                                             "2026–2030 (gov)")
    assert ">=" not in "".join(table["stated_growth"])


def test_usable_growth_is_what_the_table_the_chart_and_the_challenge_share():
    from policytext.findings_tracking import usable_growth

    growth, q = _growth_and_q()
    project = growth.iloc[[1]].assign(indicator="万达广场项目投资")          # a single project: no series
    kept = usable_growth(pd.concat([growth, project]))
    assert kept["indicator"].tolist() == ["农村居民人均可支配收入", "地区生产总值"]    # (the project is left out)
    assert len(table_implied_growth(kept, q)) == len(kept) == len(usable_growth(kept))


def test_implied_growth_rule_more_ambitious_or_in_line():
    growth, q = _growth_and_q()
    text = md_implied_growth(growth, q)
    assert text.startswith("Of 2 level targets with an earlier level: 1 needs about the stated annual growth; "
                           "1 needs more than the stated annual growth.")
    assert "needs 8.9% a year from 326\\.5亿元 in 2021: more than the stated annual growth (7.0%)" in text
    assert "农村居民人均可支配收入" not in text  # in line: counted, not listed
    assert md_implied_growth(growth.iloc[2:], q).startswith("*Nothing to show")
    # a plain target under the latest level is a fall; a floor (以上) under it allows one (the year is
    # not over: nothing is reached yet), and the line says how large
    fall = growth.iloc[[1]].assign(target_value=300.0, implied_growth=-1.7, target_relation="=")
    assert "1 is below the latest level" in md_implied_growth(fall, q)
    floor = md_implied_growth(fall.assign(target_relation=">="), q)
    assert "1 is a floor at or below the latest level." in floor
    # (1.7% a year over five years)
    assert ": a floor at or below the latest level (met even after a fall of up to 8.2%)." in floor
    # 河南 2026: 粮食产量1300亿斤以上、力争比去年实现更多增长: the floor's own clause aims above last year
    aim = fall.assign(target_relation=">=", target_sentence="粮食产量300亿元以上、力争比去年实现更多增长，其他")
    assert ("(met even after a fall of up to 8.2%; the same clause aims above last year: 力争比去年实现更多增长)."
            in md_implied_growth(aim, q))
    # in another clause of the sentence it is another item's
    other = aim.assign(target_sentence="粮食产量300亿元以上，就业比去年增加")
    assert "(met even after a fall of up to 8.2%)." in md_implied_growth(other, q)
    # under half the latest level, plain or floor: another scope (400万亩 a year against 3167万亩
    # over five years), neither a fall nor reached. 326.5 -> 150 in 5 years: 0.46 of it, -14.4% a
    # year; -12.3% a year is 0.52 of it
    scope = growth.iloc[[1]].assign(target_value=150.0, implied_growth=-14.4, target_relation=">=")
    text = md_implied_growth(scope, q)
    assert text.startswith("Of 1 level target with an earlier level: 1 is under half of the latest level.")
    assert "150亿元 or more by 2026 against 326\\.5亿元 in 2021: under half of the latest level" in text
    assert "1 is under half" in md_implied_growth(scope.assign(target_relation="="), q)
    assert "1 is a floor at or below the latest level" in md_implied_growth(scope.assign(implied_growth=-12.3), q)


def test_a_level_in_line_with_a_rate_of_its_own_sentence_is_said_to_agree_by_arithmetic():
    # 海拉尔 2013: 地区生产总值增长20%，达到282亿元 — the level is the rate applied to the base
    growth, q = _growth_and_q()
    said = "农村居民人均可支配收入增长8%，达到2.67万元"      # the first row's level and the rate stated for it
    growth = growth.assign(target_sentence=[said, "到2026年突破500亿元"])
    q = q.assign(sentence=["其他", said, "其他"])
    text = md_implied_growth(growth, q)
    assert "It states the level and its growth rate in one sentence: there the agreement checks the base" in text
    assert "in one sentence" not in md_implied_growth(growth.assign(target_sentence=None), q)
