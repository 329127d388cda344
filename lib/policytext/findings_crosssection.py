"""Sentences of notebook 05's cross-section, from the tables of :mod:`policytext.crosssection`:
every number and name below comes from the table passed in (see :mod:`policytext.findings`)."""
from __future__ import annotations

from .crosssection import main_unit
from .findings import fmt_count, fmt_figure, fmt_list, md_escape, nothing_to_show

__all__ = ["md_shared_indicators", "md_crosssection_source", "md_crosssection"]


def md_shared_indicators(shared) -> str:
    """How many indicators enough places share to compare, and the most shared one."""
    if shared.empty:
        return nothing_to_show("cross-section", "no indicator is targeted by two or more places in the same year")
    places = shared["places"].fillna(0).astype(int)
    tied = shared[places == places.max()]
    named = [f"**{md_escape(r['indicator'])}** ({r['measure']}) for {int(r['year'])}"
             for r in tied.head(5).to_dict("records")] + ([f"{len(tied) - 5} more"] if len(tied) > 5 else [])
    named = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]   # (escaped already)
    most = (f"the most shared is {named}, by {places.max()} places" if len(tied) == 1 else
            f"the most shared, by {places.max()} places each, are {named}")
    return (f"{fmt_count(len(shared), 'indicator')} (with measure and year) {'is' if len(shared) == 1 else 'are'} "
            f"targeted by two or more places; {most}.")


def md_crosssection_source(name: str, corpus) -> str:
    """The sentence that says section 3 reads another corpus than the selection."""
    places = {str(d.meta.get("place") or "") for d in corpus} - {""}
    years = sorted({d.year for d in corpus if d.year is not None})
    when = f" of {fmt_list(map(str, years))}" if years else ""
    return (f"*The selection holds one place, so this section reads the bundled corpus {md_escape(name)}: "
            f"{fmt_count(len(corpus), 'document')}{when} from {fmt_count(len(places), 'place')}.*")


def md_crosssection(table) -> str:
    """One year's targets across places, in words, from a textstat_crosssection table:
    range, most common value, and how annual targets stand against plan-period averages."""
    t = table[table["target"].notna()] if len(table) else table
    if len(t) == 0:
        return nothing_to_show("cross-section", "no place sets this target for the year")
    what = f"{md_escape(t['indicator'].iloc[0])} ({md_escape(t['measure'].iloc[0])})"
    # one unit, as the chart: the one most places write (textstat_crosssection converts units of one
    # kind); 10件 and 12类 of 民生实事 are no figures to range with 30项
    main = main_unit(t["unit"])
    apart = t[t["unit"].notna() & (t["unit"] != main)]
    t, unit = t.drop(apart.index), md_escape(main or "")
    low, high = t.loc[t["target"].idxmin()], t.loc[t["target"].idxmax()]
    text = f"{len(t)} places set a {int(t['year'].iloc[0])} target for {what}"
    ranged, single = t[t["target_high"].notna()], t[t["target_high"].isna()]
    if low["target"] == high["target"] and ranged.empty:
        text += f", all of them {fmt_figure(low['target'])}{unit}."
    else:
        text += (f": from {fmt_figure(low['target'])}{unit} ({md_escape(low['place'])}) to "
                 f"{fmt_figure(high['target'])}{unit} ({md_escape(high['place'])})")
        mode = single["target"].mode()
        if len(mode) and (common := int(single["target"].eq(mode.iloc[0]).sum())) > 1:
            text += f"; {common} of them chose {fmt_figure(mode.iloc[0])}{unit}"
        if len(ranged):      # a range is no single figure: 5–5.5% is not counted among the 5%
            spans = [f"{r['place']} {fmt_figure(r['target'])}–{fmt_figure(r['target_high'])}{r['unit'] or ''}"
                     for r in ranged.to_dict("records")]
            text += f"; {fmt_count(len(ranged), 'sets', 'set')} a range ({fmt_list(spans)})"
        text += "."
    if len(apart):
        others = [f"{p} {fmt_figure(v)}{u}" for p, v, u in zip(apart["place"], apart["target"], apart["unit"])]
        text += f" Left out, in another unit: {fmt_list(others)}."
    paired = t[t["average"].notna()]
    if len(paired):
        above = int((paired["difference"] > 1e-9).sum())
        below = int((paired["difference"] < -1e-9).sum())
        text += (f" {len(paired)} also {'sets' if len(paired) == 1 else 'set'} an average annual rate for the plan "
                 f"period ({md_escape(paired['average_period'].iloc[0])}): the annual target is above it in {above}, "
                 f"equal in {len(paired) - above - below} and below it in {below}.")
        if paired["target_high"].notna().any():     # 5–5.5% against 年均5%左右: equal at its low end
            text += " A range counts by its low end."
    return text
