"""Notebook parameters for a render: read from the command line, checked against what the
notebooks declare, and the selection they name loaded once before any kernel starts, so that a
bad city, id, folder or table is one error naming it (policytext.render runs the notebooks)."""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from .errors import ParameterError, PolicyTextError, RenderError
from .teaching import DATA_PARAMS, read_notebook

__all__ = ["parse_params", "validate_params"]

# Parameters whose value is a comma-separated list on the command line.
_LIST_PARAMS = re.compile(r"(^|_)ids$")
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


def parse_params(items: Iterable[str] | None) -> dict[str, Any]:
    """["city=金昌市", "doc_ids=a,b"] → {"city": "金昌市", "doc_ids": ["a", "b"]}.

    Values stay strings; a key ending in `ids` takes a comma-separated list;
    an empty value means None (the notebook's default).
    """
    params: dict[str, Any] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key.isidentifier():
            raise RenderError(f"parameter {item!r}: expected KEY=VALUE, e.g. city=金昌市")
        if not value:
            params[key] = None
        elif _LIST_PARAMS.search(key):
            params[key] = [v.strip() for v in value.split(",") if v.strip()]
            if not params[key]:         # doc_ids=,, names nothing: the notebook would fail on it
                raise RenderError(f"parameter {item!r}: no value between the commas")
        else:
            params[key] = value
    return params


def _flag(key: str, value: str) -> bool:
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise RenderError(f"parameter {key}={value}: expected True or False")


def _parameters(nb) -> dict[str, Any]:
    """The names the parameters cell assigns, each with its value when it is a literal (else None)."""
    cell = next((c for c in nb.cells if "parameters" in c.metadata.get("tags", [])), None)
    try:
        tree = ast.parse(cell.source) if cell is not None else None
    except SyntaxError:
        return {}
    found: dict[str, Any] = {}
    for node in tree.body if tree is not None else []:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                if isinstance(t, ast.Name):
                    try:
                        found[t.id] = ast.literal_eval(node.value) if node.value is not None else None
                    except (ValueError, TypeError, SyntaxError):   # not a literal: a name or a call
                        found[t.id] = None
    return found


def _load_selection(params: Mapping[str, Any], default: str | None) -> None:
    """Load what a notebook will read, as its first cell does: the bundled corpus or folder the
    parameters name, else its own default (a bundled corpus, falling back to the seeds for a
    place or ids it lacks, as notebook 05 does), else the seeds."""
    from .corpus import data_corpus, load_corpus

    place, ids, strict = params.get("city"), params.get("doc_ids"), params.get("strict", True)
    if params.get("corpus"):  # a bundled example corpus, by name
        data_corpus(params["corpus"], place=place, ids=ids)
    elif params.get("corpus_path") or not default:
        load_corpus(params.get("corpus_path"), place=place, ids=ids, strict=strict)
    else:
        try:
            data_corpus(default, place=place, ids=ids)
        except ParameterError:
            load_corpus(None, place=place, ids=ids, strict=strict)


def validate_params(params: Mapping[str, Any], paths: Iterable[Path]) -> dict[str, Any]:
    """Check parameters before any kernel starts; returns them with corpus_path made absolute.

    Unknown names, an unknown city or unknown document ids are errors that list what exists;
    a corpus_path whose files or metadata cannot be loaded is an error naming the file.
    """
    params = dict(params)
    paths = list(paths)
    cells = [_parameters(read_notebook(path)) for path in paths]     # each notebook read once
    declared: dict[str, Any] = {}       # name -> the first notebook's default
    for cell in cells:
        for name, value in cell.items():
            declared.setdefault(name, value)
    unknown = [key for key in params if key not in declared]
    if unknown:
        raise RenderError(f"unknown parameter(s) {', '.join(unknown)}; the notebooks take: "
                          f"{', '.join(sorted(declared)) or 'none'}")
    for key, value in params.items():   # strict=False: a flag, not the string "False" (which is true)
        if isinstance(declared.get(key), bool) and isinstance(value, str):
            params[key] = _flag(key, value)
    if params.get("corpus") and params.get("corpus_path"):   # notebooks would disagree on which wins
        raise RenderError("parameters corpus and corpus_path: give one of them (a bundled corpus or a folder)")
    if params.get("corpus_path"):
        params["corpus_path"] = str(Path(params["corpus_path"]).expanduser().resolve())
    if params.get("cross_section"):
        from .corpus import data_corpus

        try:
            data_corpus(params["cross_section"])
        except ParameterError as exc:
            raise RenderError(f"parameter cross_section: {exc}") from None
    if any(params.get(key) is not None for key in DATA_PARAMS):
        # city or doc_ids alone select from each notebook's own default data (05: the bundled hailar)
        defaults = [None] if params.get("corpus") or params.get("corpus_path") else \
            [cell.get("corpus") for cell in cells]
        defaults = {d if isinstance(d, str) else None for d in defaults}   # a name, or the seeds
        try:
            for default in sorted(defaults, key=str):
                _load_selection(params, default)
        except ParameterError as exc:
            what = ("corpus" if "bundled corpus" in str(exc) else
                    "city" if params.get("city") is not None and "place=" in str(exc) else "doc_ids")
            raise RenderError(f"parameter {what}: {exc}") from None
        except PolicyTextError as exc:  # a bad file or table: say so before any kernel starts
            raise RenderError(f"parameter {'corpus' if params.get('corpus') else 'corpus_path'}: {exc}") from None
    return params
