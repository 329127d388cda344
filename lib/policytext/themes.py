"""Theme dictionaries and theme rates (after quanteda's `dictionary`, `dfm_lookup`, `tokens_lookup`).

A theme dictionary maps theme ids (economy, ecology, ...) to terms. The default one is
`data/themes_v1.yaml` (see its header for sources and the rules it follows).

Matching
- A term matches a token when it is equal to the whole token, as `policytext.tokens` cut it.
  Multi-word policy terms (污染防治攻坚战, 放管服) are whole tokens thanks to the policy
  lexicon, so they are matched once and never again through their parts.
- Consequence: a lexicon compound that contains a theme term (产业扶贫 ⊃ 扶贫, 再就业 ⊃ 就业,
  治理体系 ⊃ 治理) is one token and matches only if the compound itself is listed. So the
  default dictionary lists such compounds under the theme of the *compound's* meaning, which
  may differ from that of its parts (产业扶贫 -> rural, not economy; 公共预算收入 -> economy,
  not livelihood through 收入; 治理整顿 -> economy, the 1988-91 retrenchment). Compounds that
  belong to no theme (国民经济和社会发展, 香港特别行政区, 国家发展改革委) are listed as
  `neutral`: they match nothing, on purpose and visibly. tests/test_themes.py checks that
  every lexicon term containing a theme term is a theme term or neutral, so a lexicon
  addition cannot silently lower theme counts.
- Matching by substring (a token counts when it merely contains a term) is not offered. Of
  the 296 lexicon compounds that contained a theme term when this was measured, 39 hold terms
  of two themes (产业扶贫, 生态安全屏障: a tie rule would be needed) and 37 would go to a theme
  their meaning does not have (公共预算收入 -> livelihood, 革命老区 -> party_building, 香港特别行政区 -> governance).
  Among ordinary words on the seeds, 1 in 7 of the extra hits is plainly wrong (行政村 ->
  governance, 稳定性 -> security, 宣传教育 -> livelihood) and as many again are doubtful
  (经济社会, 开拓创新).
- Context: a theme may say that one of its terms counts only next to some tokens, or never
  next to others (`context:` in the YAML; `Context`). 稳定 is security in 保持社会和谐稳定 but
  a level held in 粮食产量稳定在800亿斤 and a verb in 稳定房地产市场; 治理 next to an ecology word
  (大气污染治理, 治理水土流失) is remediation, which the ecology word already counts. The neighbours
  are the tokens before and after, whitespace skipped; a rule's entry is a token, a glob
  pattern over a token, or `{theme}` for any token that theme counts. An occurrence that
  fails its rule counts for no theme; `textstat_themes` lists such occurrences in `excluded`.
- A term containing ``*`` or ``?`` is a glob pattern over whole tokens ("生态*" matches 生态,
  生态文明, 生态环境 ...; "??改革" matches 国企改革 but not 改革 or 混合所有制改革). Exact terms win over
  neutral terms, neutral terms over patterns ("生态*" with neutral 中新天津生态城 leaves that
  place name out); among patterns, the first theme in dictionary order wins. So each token
  counts for at most one theme, and `dictionary()` refuses a dictionary in which one term, or
  a term and another theme's pattern, would count the same token twice, or a term is both
  neutral and in a theme.

Rates
- The denominator `n_tokens` is the number of word tokens of the document or group: every
  token that contains at least one letter or digit (Han characters, latin letters, numbers
  such as 326.5 or 8%). Punctuation and whitespace tokens are not counted. Stopwords are
  counted (they are words of the text); pass `tokens_remove(...)` output if you want them out,
  knowing that this changes the denominator.
- per_1000 = 1000 * count / n_tokens.
- share = count / (all theme hits of the document or group); 0.0 when it has no hits at all.
"""
from __future__ import annotations

import fnmatch
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from .dfm import DFM, group_keys, word_units
from .errors import DictionaryError, ParameterError
from .lexicon import load_yaml, yaml_error_text

__all__ = [
    "Theme", "Context", "Dictionary", "dictionary", "textstat_themes", "themes_matrix",
    "tokens_lookup", "THEMES_PATH",
]

THEMES_PATH = Path(__file__).resolve().parent / "data" / "themes_v1.yaml"
_TOP_KEYS = {"version", "date", "sources", "source", "licence", "license", "description", "themes",
             "neutral"}
_THEME_KEYS = {"label", "description", "source", "terms", "context"}
_CONTEXT_KEYS = ("after", "not_after", "before", "not_before")
_NEUTRAL_KEYS = {"description", "terms"}
_GLOB = re.compile(r"[*?\[]")
_THEME_REF = re.compile(r"\{(.+)\}")
# Marks an occurrence that fails its term's context in the tokens textstat_themes counts: still
# a word (the denominator keeps it), matched by no theme, and never in a text.
_EXCLUDED = "\x00"


# ---------------------------------------------------------------- the dictionary

@dataclass(frozen=True)
class Context:
    """Where a term counts: `after`/`before` (when given) list what the token before/after must
    be, `not_after`/`not_before` what it must not be. Entries: a token, a glob pattern, or
    "{theme}" (a token that theme counts)."""
    after: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theme:
    id: str
    terms: tuple[str, ...]
    label: str = ""
    description: str = ""
    source: str = ""
    context: Mapping[str, Context] = field(default_factory=dict)

    @property
    def exact(self) -> tuple[str, ...]:
        return tuple(t for t in self.terms if not _GLOB.search(t))

    @property
    def patterns(self) -> tuple[str, ...]:
        return tuple(t for t in self.terms if _GLOB.search(t))


@dataclass
class Dictionary:
    """Themes in order; `match(token)` gives the theme id of a token or None.

    `neutral` holds tokens that deliberately count for no theme (they would otherwise look like
    forgotten compounds of a theme term; see the module doc).
    """

    themes: dict[str, Theme]
    origin: str = "<dict>"
    meta: dict = field(default_factory=dict)
    neutral: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._exact = {term: th.id for th in self.themes.values() for term in th.exact}
        self._patterns = [(th.id, re.compile(fnmatch.translate(p)))
                          for th in self.themes.values() for p in th.patterns]
        self._memo: dict[str, str | None] = {}
        self.context = {term: rule for th in self.themes.values() for term, rule in th.context.items()}

    def __repr__(self) -> str:
        return f"Dictionary({len(self.themes)} themes from {Path(self.origin).name}: {', '.join(self.themes)})"

    def __len__(self) -> int:
        return len(self.themes)

    def __iter__(self):
        return iter(self.themes.values())

    def __getitem__(self, theme_id: str) -> Theme:
        return self.themes[theme_id]

    @property
    def ids(self) -> list[str]:
        return list(self.themes)

    @property
    def version(self):
        return self.meta.get("version")

    def label(self, theme_id: str) -> str:
        return self.themes[theme_id].label or theme_id

    def match(self, token: str) -> str | None:
        """Theme id for a token: exact terms first, then neutral (None), then patterns in order."""
        hit = self._exact.get(token)
        if hit is not None or not self._patterns or token in self.neutral:
            return hit
        if token not in self._memo:
            self._memo[token] = next((tid for tid, rx in self._patterns if rx.match(token)), None)
        return self._memo[token]

    def misses(self, words: Sequence[str]) -> list[int]:
        """Positions of the tokens of `words` (one document's tokens) that are terms with a
        context and are not in it: they count for no theme."""
        if not self.context:
            return []
        return [i for i, w in enumerate(words) if w in self.context
                and not self._in_context(self.context[w], _neighbour(words, i, -1), _neighbour(words, i, 1))]

    def _in_context(self, rule: Context, before: str | None, after: str | None) -> bool:
        fits = self._fits
        return ((not rule.after or any(fits(before, p) for p in rule.after))
                and not any(fits(before, p) for p in rule.not_after)
                and (not rule.before or any(fits(after, p) for p in rule.before))
                and not any(fits(after, p) for p in rule.not_before))

    def _fits(self, token: str | None, entry: str) -> bool:
        if token is None:
            return False
        ref = _THEME_REF.fullmatch(entry)
        if ref is not None:
            return self.match(token) == ref.group(1)
        return fnmatch.fnmatchcase(token, entry) if _GLOB.search(entry) else token == entry

    def to_frame(self) -> pd.DataFrame:
        """One row per theme: theme, label, n_terms, description, source, terms."""
        return pd.DataFrame([{"theme": th.id, "label": th.label, "n_terms": len(th.terms),
                              "description": th.description, "source": th.source,
                              "terms": "、".join(th.terms)} for th in self.themes.values()])


def _neighbour(words: Sequence[str], i: int, step: int) -> str | None:
    """The nearest token before (step -1) or after (step 1) position i that is not whitespace."""
    i += step
    while 0 <= i < len(words):
        if words[i].strip():
            return words[i]
        i += step
    return None


def _fail(origin: str, problem: str):
    raise DictionaryError(f"{origin}: {problem}")


def _read_yaml(path: Path):
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail(str(path), "theme dictionary file not found")
    except UnicodeDecodeError:
        _fail(str(path), "theme dictionary is not UTF-8 text")
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        _fail(str(path), yaml_error_text(exc))


def _section(origin: str, where: str, spec, allowed: set[str], not_a_section: str) -> Mapping:
    """A theme or the neutral section as a mapping: a plain list is short for {terms: [...]}."""
    if isinstance(spec, (list, tuple)):
        spec = {"terms": list(spec)}
    if not isinstance(spec, Mapping):
        _fail(origin, f"{not_a_section}, got {type(spec).__name__}")
    unknown = set(spec) - allowed
    if unknown:
        _fail(origin, f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
                      f"allowed: {', '.join(sorted(allowed))}")
    terms = spec.get("terms") or []
    if not isinstance(terms, (list, tuple)):
        _fail(origin, f"{where}: 'terms' must be a list, not {type(terms).__name__}")
    return spec


def _checked_terms(origin: str, where: str, terms, *, patterns: bool) -> tuple[str, ...]:
    """Terms are whole tokens: non-empty, no whitespace, each listed once."""
    seen: dict[str, None] = {}
    for term in terms:
        if not isinstance(term, str) or not term.strip():
            _fail(origin, f"{where}: term {term!r} is not a non-empty string")
        if any(ch.isspace() for ch in term):
            _fail(origin, f"{where}: term {term!r} contains whitespace; tokens never do")
        # A neutral pattern would hide tokens nobody has looked at.
        if not patterns and _GLOB.search(term):
            _fail(origin, f"{where}: term {term!r} is a pattern; neutral terms are whole tokens")
        if term in seen:
            _fail(origin, f"{where}: term {term!r} is listed twice")
        seen[term] = None
    return tuple(seen)


def _theme(origin: str, theme_id, spec) -> Theme:
    if not isinstance(theme_id, str) or not theme_id.strip():
        _fail(origin, f"theme id {theme_id!r} must be a non-empty string")
    if theme_id == "neutral":  # in the short form it would silently become a counted theme
        _fail(origin, "theme id 'neutral' is reserved for terms that count for no theme; use the "
                      "full form {themes: {...}, neutral: [...]}")
    where = f"theme {theme_id!r}"
    spec = _section(origin, where, spec, _THEME_KEYS,
                    f"{where}: expected a mapping with 'terms' or a list of terms")
    if not spec.get("terms"):
        _fail(origin, f"{where} is empty: it needs a non-empty list 'terms'")
    terms = _checked_terms(origin, where, spec["terms"], patterns=True)
    texts = {k: spec.get(k) or "" for k in ("label", "description", "source")}
    for key, value in texts.items():
        if not isinstance(value, str):
            _fail(origin, f"{where}: {key} must be a string")
    context = _contexts(origin, where, spec.get("context"), terms)
    return Theme(theme_id, terms, **{k: v.strip() for k, v in texts.items()}, context=context)


def _contexts(origin: str, where: str, spec, terms: tuple[str, ...]) -> dict[str, Context]:
    """A theme's `context` section: {term: {after: [...], not_before: [...] ...}}."""
    if spec is None:
        return {}
    if not isinstance(spec, Mapping):
        _fail(origin, f"{where}: 'context' must map terms to rules, not {type(spec).__name__}")
    rules = {}
    for term, rule in spec.items():
        if term not in terms or _GLOB.search(str(term)):
            _fail(origin, f"{where}: context for {term!r}, which is not one of its terms (patterns have none)")
        if not isinstance(rule, Mapping) or not rule or set(rule) - set(_CONTEXT_KEYS):
            _fail(origin, f"{where}: the context of {term!r} must be a mapping with some of "
                          f"{', '.join(_CONTEXT_KEYS)}")
        lists = {}
        for key, entries in rule.items():
            if isinstance(entries, str):
                entries = [entries]
            if not isinstance(entries, (list, tuple)) or not entries or not all(
                    isinstance(e, str) and e.strip() and not any(ch.isspace() for ch in e) for e in entries):
                _fail(origin, f"{where}: context of {term!r}, {key}: expected a list of tokens, "
                              "patterns or {theme} references (no whitespace)")
            lists[key] = tuple(entries)
        rules[term] = Context(**lists)
    return rules


def _neutral(origin: str, spec) -> frozenset[str]:
    """The `neutral` section: {description: ..., terms: [...]} or a plain list of terms."""
    if spec is None:
        return frozenset()
    spec = _section(origin, "neutral", spec, _NEUTRAL_KEYS,
                    "'neutral' must be a list of terms or a mapping with 'terms'")
    return frozenset(_checked_terms(origin, "neutral", spec.get("terms") or [], patterns=False))


def _check_overlaps(origin: str, themes: dict[str, Theme]) -> None:
    owner: dict[str, str] = {}
    for th in themes.values():
        for term in th.terms:
            if term in owner:
                _fail(origin, f"term {term!r} is in two themes ({owner[term]} and {th.id}); "
                              "a term may belong to one theme only (no double counting)")
            owner[term] = th.id
    for th in themes.values():
        for pattern in th.patterns:
            for other in themes.values():
                if other.id == th.id:
                    continue
                clash = [t for t in other.exact if fnmatch.fnmatchcase(t, pattern)]
                if clash:
                    _fail(origin, f"pattern {pattern!r} of theme {th.id} also matches "
                                  f"{', '.join(clash[:5])} of theme {other.id}; a token may count "
                                  "for one theme only")


def _from_mapping(data, origin: str) -> Dictionary:
    if not isinstance(data, Mapping):
        _fail(origin, f"a theme dictionary must be a mapping, got {type(data).__name__ if data is not None else 'nothing'}")
    if "themes" in data and isinstance(data["themes"], Mapping):
        unknown = set(data) - _TOP_KEYS
        if unknown:
            _fail(origin, f"unknown top-level key(s) {', '.join(sorted(map(str, unknown)))}; "
                          f"allowed: {', '.join(sorted(_TOP_KEYS))}")
        meta = {k: v for k, v in data.items() if k != "themes"}
        specs = data["themes"]
    elif "themes" in data:
        _fail(origin, "'themes' must be a mapping of theme id -> terms")
    else:  # short form {theme: [terms]} as quanteda's dictionary(list(...))
        meta, specs = {}, data
    if not specs:
        _fail(origin, "the dictionary has no themes")
    neutral = _neutral(origin, meta.pop("neutral", None))
    themes = {}
    for theme_id, spec in specs.items():
        themes[theme_id] = _theme(origin, theme_id, spec)
    _check_overlaps(origin, themes)
    for th in themes.values():
        for term, rule in th.context.items():
            refs = [m.group(1) for key in _CONTEXT_KEYS for e in getattr(rule, key)
                    if (m := _THEME_REF.fullmatch(e)) is not None]
            unknown = [r for r in refs if r not in themes]
            if unknown:
                _fail(origin, f"theme {th.id!r}: the context of {term!r} names {{{unknown[0]}}}, "
                              f"which is not a theme; themes: {', '.join(themes)}")
    for th in themes.values():
        both = sorted(neutral.intersection(th.exact))
        if both:
            _fail(origin, f"term {both[0]!r} is both neutral and in theme {th.id}; a term is "
                          "either counted for one theme or neutral")
    return Dictionary(themes, origin, meta, neutral)


_DEFAULT: Dictionary | None = None


def dictionary(path: str | Path | Mapping | Dictionary | None = None) -> Dictionary:
    """Load a theme dictionary: `path` is a YAML file, a mapping, or None for data/themes_v1.yaml.

    A mapping may be the full form ({"version": ..., "themes": {id: {"terms": [...]}},
    "neutral": {"terms": [...]}}) or the short form {id: [terms]}. Errors (DictionaryError)
    name the file and the problem: unknown keys, an empty theme, a term listed in two themes,
    a pattern that matches another theme's term, a term that is both neutral and in a theme, a
    term with whitespace.
    """
    global _DEFAULT
    if isinstance(path, Dictionary):
        return path
    if path is None:
        if _DEFAULT is None:
            _DEFAULT = _from_mapping(_read_yaml(THEMES_PATH), str(THEMES_PATH))
        return _DEFAULT
    if isinstance(path, Mapping):
        return _from_mapping(path, "<dict>")
    if isinstance(path, (str, Path)):
        return _from_mapping(_read_yaml(Path(path)), str(path))
    raise ParameterError(f"dictionary(): expected a path, a mapping or None, not {type(path).__name__}")


_load_dictionary = dictionary  # textstat_themes' keyword `dictionary` shadows the function


# ---------------------------------------------------------------- rates

def _format_terms(counter: Mapping[str, int]) -> str:
    return ", ".join(f"{t}:{n}" for t, n in sorted(counter.items(), key=lambda x: (-x[1], x[0])))


def textstat_themes(toks, dictionary: str | Path | Mapping | Dictionary | None = None, *,
                    groups: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Theme counts and rates per document (or group) and theme.

    groups: None (per document), "part", a metadata column or a list of them, grouped by
    policytext.dfm.dfm_group (a missing value is the group "(missing)"; empty units are left out).
    Returns a long DataFrame with one row per unit and theme (dictionary order, zero rows
    included): the group column(s) (`doc` by default), theme, label, count, n_tokens,
    per_1000, share, terms (matched terms with counts, "改革:12, 放管服:3") and excluded (the
    theme's terms that were not counted because they stood outside their context, "稳定:21").
    See the module doc for the denominator and how terms match.
    """
    dic = _load_dictionary(dictionary)
    keys = group_keys(groups) if groups is not None else ("doc",)
    x = word_units(_context_applied(toks, dic), groups)
    features = np.array(x.features, dtype=object)
    marked = [f.endswith(_EXCLUDED) for f in x.features]       # (a pattern 稳* would match 稳定\x00)
    theme_of = np.array([None if m else dic.match(f) for f, m in zip(x.features, marked)], dtype=object)
    missed_of = np.array([dic.match(f[:-1]) if m else None for f, m in zip(x.features, marked)], dtype=object)
    columns = {tid: (np.flatnonzero(theme_of == tid), np.flatnonzero(missed_of == tid)) for tid in dic.ids}
    rows = []
    for i in range(len(x.docnames)):
        row, n = x.counts[i], int(x.counts[i].sum())
        hits = {tid: {f: int(c) for f, c in zip(features[cols], row[cols]) if c}
                for tid, (cols, _) in columns.items()}
        total = sum(sum(h.values()) for h in hits.values())
        unit = {k: x.docvars[k].iloc[i] for k in keys}
        for tid, counter in hits.items():
            missed = columns[tid][1]
            excluded = {f[:-1]: int(c) for f, c in zip(features[missed], row[missed]) if c}
            count = sum(counter.values())
            rows.append({**unit, "theme": tid, "label": dic.label(tid), "count": count, "n_tokens": n,
                         "per_1000": 1000.0 * count / n if n else 0.0,
                         "share": count / total if total else 0.0, "terms": _format_terms(counter),
                         "excluded": _format_terms(excluded)})
    return pd.DataFrame(rows, columns=[*keys, *_THEME_COLUMNS])


_THEME_COLUMNS = ("theme", "label", "count", "n_tokens", "per_1000", "share", "terms", "excluded")


def _context_applied(toks, dic: Dictionary):
    """`toks` with each occurrence that fails its term's context marked (_EXCLUDED), so that it
    stays a word of the denominator and counts for no theme. A DFM has no word order: its
    counts are taken as they are, with a warning."""
    if not dic.context:
        return toks
    if isinstance(toks, DFM):
        warnings.warn("textstat_themes: a DFM keeps no word order, so the context rules of "
                      f"{', '.join(dic.context)} were not applied (every occurrence counts); "
                      "pass tokens to apply them", stacklevel=3)
        return toks
    from .tokens import tokens_from_lists

    lists = {}
    for doc_id in toks.ids:
        words = toks[doc_id]
        misses = dic.misses(words)
        if misses:
            words = list(words)
            for i in misses:
                words[i] += _EXCLUDED
        lists[doc_id] = words
    return tokens_from_lists(toks.corpus, lists, starts={d: toks.starts(d) for d in toks.ids},
                             terms=getattr(toks, "terms", ()), kind="themes-context")


def themes_matrix(frame: pd.DataFrame, *, value: str = "per_1000", labels: bool = True) -> pd.DataFrame:
    """Wide table from textstat_themes output: one row per unit, one column per theme.

    A declared exception to the naming rule: a reshape of textstat_themes' long table (which a
    notebook filters first), not an analysis of tokens, so neither textstat_* nor dfm_*.

    labels=True names the columns by the theme labels (经济发展 ...), else by theme ids.
    Order of rows and columns is kept as in `frame`.
    """
    if value not in frame.columns:
        raise ParameterError(f"no column {value!r}; choose one of count, per_1000, share")
    keys = [c for c in frame.columns if c not in _THEME_COLUMNS]
    index = frame[keys].astype(str).agg(":".join, axis=1) if len(keys) > 1 else frame[keys[0]]
    column = frame["label" if labels else "theme"]
    wide = pd.DataFrame({"unit": index.values, "col": column.values, "v": frame[value].values})
    out = wide.pivot(index="unit", columns="col", values="v")
    out = out.loc[list(dict.fromkeys(index)), list(dict.fromkeys(column))]
    out.index.name, out.columns.name = ("/".join(keys), None)
    return out


def tokens_lookup(toks, dictionary: str | Path | Mapping | Dictionary | None = None, *,
                  exclusive: bool = True):
    """Tokens whose values are theme ids (quanteda's tokens_lookup).

    exclusive=True keeps only tokens that match a theme (starts kept, so parts still work);
    exclusive=False keeps every token and replaces only the matching ones by their theme id.
    A term outside its context (see the module doc) matches no theme here either.
    """
    from .tokens import tokens_from_lists

    dic = _load_dictionary(dictionary)
    out, out_starts = {}, {}
    for doc_id in toks.ids:
        words, starts = toks[doc_id], toks.starts(doc_id)
        new, new_starts = [], []
        misses = set(dic.misses(words))
        for i, (tok, start) in enumerate(zip(words, starts)):
            tid = dic.match(tok) if i not in misses else None
            if tid is not None or not exclusive:
                new.append(tid if tid is not None else tok)
                new_starts.append(start)
        out[doc_id], out_starts[doc_id] = new, new_starts
    return tokens_from_lists(toks.corpus, out, starts=out_starts,
                             terms=getattr(toks, "terms", ()), kind="themes")
