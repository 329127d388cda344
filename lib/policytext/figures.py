"""A disk cache for the pictures of textplot_* figures, so re-running a notebook is quick.

Drawing a chart of Chinese labels takes 0.2–0.5 s, and it is most of what a
notebook does once tokens and quantities come from their caches. Every
textplot_* function is wrapped by `cached_figure`: it still builds and returns
a real matplotlib Figure, but it also stamps the figure with a key computed
from everything that decides the picture:

- the function and all its arguments (tables hashed by content, tokens and
  corpora by their texts and metadata);
- the library's own source code, matplotlib's version and rcParams, and the
  font file.

When a notebook displays the figure (IPython's PNG formatter, installed by
`install_png_cache`, which `notebook.setup_notebook` calls), an unchanged figure
whose key has been drawn before is shown from the cache instead of being drawn
again. A figure you change after it is returned (a new title, other limits) is
marked stale by matplotlib and is drawn afresh, so the cache is never stale.
Arguments that cannot be fingerprinted (an `ax=` to draw into, unknown
objects) simply turn the cache off for that call.
"""
from __future__ import annotations

import functools
import hashlib
from typing import Any, Callable

from .cache import cache_get, cache_key, cache_put, library_digest

__all__ = ["cached_figure", "figure_key", "install_png_cache"]

KEY_ATTRIBUTE = "_policytext_figure_key"
_NAMESPACE = "figure_png"


class _Unhashable(Exception):
    """An argument whose content we cannot fingerprint: do not cache this call."""


def _digest(data: bytes | str) -> str:
    return hashlib.sha256(data if isinstance(data, bytes) else data.encode("utf-8")).hexdigest()


def _fingerprint(obj: Any) -> str:
    """A stable text standing for the content of an argument."""
    import numpy as np
    import pandas as pd

    from .corpus import Corpus
    from .tokens import Tokens

    if obj is None or isinstance(obj, (bool, int, float, str, bytes)):
        return repr(obj)
    if isinstance(obj, (pd.DataFrame, pd.Series)):
        try:
            values = pd.util.hash_pandas_object(obj, index=True).to_numpy().tobytes()
        except TypeError:   # cells that hold lists (textstat_implied_growth's stated_values)
            values = pd.util.hash_pandas_object(obj.astype(str), index=True).to_numpy().tobytes()
        shape = repr((getattr(obj, "columns", None) is not None and list(obj.columns), obj.index.names,
                      str(getattr(obj, "dtypes", "")), obj.shape))
        return f"frame:{_digest(values + shape.encode())}"
    if isinstance(obj, np.ndarray):
        return f"array:{obj.dtype}:{obj.shape}:{_digest(obj.tobytes())}"
    if isinstance(obj, Tokens):
        parts = [_fingerprint(obj.corpus)]
        for doc_id in obj.ids:
            parts.append(doc_id + _digest("\x1f".join(obj[doc_id])) + _digest(repr(obj.starts(doc_id))))
        return f"tokens:{_digest(''.join(parts))}"
    if isinstance(obj, Corpus):
        return "corpus:" + _digest("".join(doc.id + _digest(doc.raw) + repr(sorted(doc.meta.items()))
                                           for doc in obj))
    if isinstance(obj, (list, tuple)):
        return f"{type(obj).__name__}[{','.join(_fingerprint(x) for x in obj)}]"
    if isinstance(obj, (set, frozenset)):
        return f"set[{','.join(sorted(_fingerprint(x) for x in obj))}]"
    if isinstance(obj, dict):
        return "dict{" + ",".join(f"{_fingerprint(k)}:{_fingerprint(v)}"
                                  for k, v in sorted(obj.items(), key=lambda kv: repr(kv[0]))) + "}"
    raise _Unhashable(type(obj).__name__)


def _environment() -> str:
    import matplotlib

    from .fonts import cjk_font_path

    font = cjk_font_path()
    rc = repr(sorted((k, repr(v)) for k, v in matplotlib.rcParams.items()))
    return _digest(f"{matplotlib.__version__}|{font}|{font.stat().st_size}|{rc}")


def figure_key(name: str, args: tuple, kwargs: dict) -> str | None:
    """The cache key of a textplot call, or None when an argument cannot be fingerprinted."""
    try:
        arguments = _fingerprint(list(args)) + _fingerprint(kwargs)
    except _Unhashable:
        return None
    return cache_key("figure", name, arguments, library_digest(), _environment())


def cached_figure(func: Callable) -> Callable:
    """Stamp the Figure a textplot_* function returns with the key of its inputs."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        fig = func(*args, **kwargs)
        key = figure_key(f"{func.__module__}.{func.__qualname__}", args, kwargs)
        if key is not None and hasattr(fig, "stale"):
            setattr(fig, KEY_ATTRIBUTE, key)
            # From here on matplotlib marks the figure stale if anything in it changes.
            fig.stale = False
        return fig
    return wrapper


def install_png_cache(shell) -> None:
    """Make IPython show unchanged, already-drawn textplot figures from the disk cache."""
    from matplotlib.figure import Figure
    from matplotlib_inline.backend_inline import InlineBackend
    from IPython.core.pylabtools import print_figure

    formatter = shell.display_formatter.formatters["image/png"]
    options = dict(InlineBackend.instance().print_figure_kwargs)
    options.pop("base64", None)
    options.pop("fmt", None)

    def png(fig):
        key = getattr(fig, KEY_ATTRIBUTE, None)
        if key is None or fig.stale:
            return print_figure(fig, "png", base64=True, **options)
        shown_key = cache_key(key, repr(sorted(options.items())))
        data = cache_get(_NAMESPACE, shown_key)
        if data is None:
            data = print_figure(fig, "png", base64=True, **options)
            cache_put(_NAMESPACE, shown_key, data)
        return data

    formatter.for_type(Figure, png)
