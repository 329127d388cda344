"""Same numbers before and after the counting layer (issue 12.3): dump, then compare.

    PYTHONPATH=/work/main/lib python scripts/check_counting_unchanged.py dump old.pkl
    python scripts/check_counting_unchanged.py dump new.pkl
    python scripts/check_counting_unchanged.py compare old.pkl new.pkl

Runs every textstat function of the counting family on the seeds and the two bundled corpora
and stores the results under the new names (term -> feature, docs -> docfreq, by= -> groups=,
year groups as text, "(none)" -> "(missing)"), so the comparison sees numbers, not names.
"""
import inspect
import pickle
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
RENAMES = {"term": "feature", "docs": "docfreq"}


def _norm(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.rename(columns=RENAMES)
    if "group" in frame:  # group order is first appearance now (was sorted by label): compare sorted
        frame["group"] = frame["group"].map(lambda g: "(missing)" if g == "(none)" else str(g))
        frame = frame.sort_values(["group", "count", "feature"], ascending=[True, False, True],
                                  kind="stable", ignore_index=True)
    return frame


def corpora():
    from policytext.corpus import data_corpus, load_corpus

    return {"seeds": load_corpus(ROOT / "seeds"), "hailar": data_corpus("hailar"),
            "provinces2026": data_corpus("provinces2026")}


def results(name, c) -> dict:
    from policytext.frequency import textstat_collocations, textstat_frequency, textstat_keywords
    from policytext.keyness import textstat_keyness
    from policytext.tokens import tokens, tokens_remove
    from policytext.similarity import textstat_distinctive, textstat_simil
    from policytext.slogans import textstat_slogans
    from policytext.themes import textstat_themes

    toks = tokens(c)
    words = tokens_remove(toks, single_chars=True)
    out = {}
    for groups in (None, "doc", "part", "place", "year"):
        out[f"frequency/{groups}"] = textstat_frequency(toks, groups=groups)
    out["frequency/bigrams"] = textstat_frequency(toks, ngrams=2, groups="doc")
    out["collocations/llr"] = textstat_collocations(toks, measure="llr", min_count=2)
    out["keywords/textrank"] = textstat_keywords(toks, method="textrank", n=10)
    out["keywords/tfidf (formula merged)"] = textstat_keywords(toks, n=10)
    first = toks.ids[0]
    out["keyness/doc"] = textstat_keyness(words, first, min_count=2)
    out["keyness/chi2"] = textstat_keyness(words, first, measure="chi2")
    out["keyness/part"] = textstat_keyness(words, "plan", groups="part")
    places = sorted({str(d.meta.get("place")) for d in c})
    if len(places) > 1:
        out["keyness/place"] = textstat_keyness(words, {"place": places[0]})
    for groups in (None, ["doc", "part"], "part", "place"):
        out[f"themes/{groups}"] = textstat_themes(toks, groups=groups)
    new_api = "groups" in inspect.signature(textstat_simil).parameters
    out["simil/doc"] = textstat_simil(words)
    out["simil/doc:part"] = (textstat_simil(words, groups=["doc", "part"], min_tokens=100) if new_api
                             else textstat_simil(words, by="part", min_tokens=100))
    out["simil/jaccard"] = textstat_simil(words, method="jaccard")
    out["distinctive/doc"] = textstat_distinctive(words, n=10)
    out["distinctive/place"] = textstat_distinctive(words, n=10, groups="place")
    out["slogans"] = textstat_slogans(c, plan_periods=True)
    return {f"{name}/{k}": _norm(v.copy()) for k, v in out.items()}


def cli_tables(c) -> dict:
    paths = [str(d.path) for d in c]
    try:
        from policytext.cli import _freq_table, _themes_table
    except ImportError:
        from policytext.frequency import freq_table_for_files as _freq_table
        from policytext.themes import themes_table_for_files as _themes_table
    themes = _themes_table(paths)[["doc", "theme", "count", "per_1000", "share"]]
    return {"cli/freq": _norm(_freq_table(paths)), "cli/themes": themes}


def dump(path: str) -> None:
    out = {}
    for name, c in corpora().items():
        out.update(results(name, c))
        if name == "seeds":
            out.update(cli_tables(c))
    Path(path).write_bytes(pickle.dumps(out))


def compare(old_path: str, new_path: str) -> int:
    old, new = (pickle.loads(Path(p).read_bytes()) for p in (old_path, new_path))
    bad = 0
    for key in old:
        a, b = old[key], new[key]
        if "collocations" in key:  # rows with equal G2 were ordered by float noise before: compare by text
            moved = int((a["collocation"].to_numpy() != b["collocation"].to_numpy()).sum())
            a, b = (f.sort_values("collocation", ignore_index=True) for f in (a, b))
            print(f"note       {key}: {moved} rows with G2 equal to 9 decimals now ordered by count, text")
        a, b = a.reset_index(drop=False), b.reset_index(drop=False)
        a.columns = b.columns if list(a.columns)[1:] == list(b.columns)[1:] else a.columns
        try:
            pd.testing.assert_frame_equal(a, b, check_dtype=False, check_exact=False, rtol=1e-9, atol=1e-12)
            print(f"same       {key}  ({len(b)} rows)")
        except AssertionError as exc:
            bad += 1
            print(f"DIFFERENT  {key}: {str(exc).splitlines()[0]} ({len(a)} -> {len(b)} rows)")
    return bad


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(sys.argv[2])
    else:
        sys.exit(1 if compare(sys.argv[2], sys.argv[3]) else 0)
