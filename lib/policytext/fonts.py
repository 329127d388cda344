"""Find a font that draws Chinese, and make matplotlib use it.

Order of preference: a system Noto Sans CJK SC / Source Han Sans SC /
WenQuanYi font (what a desktop or Binder image usually has), else the
OFL-licensed Noto Sans SC file shipped inside the `zhplot` package (a project
dependency, so there is always a fallback).

We do not import `zhplot`: importing it rewrites matplotlib's rcParams
(font.family) and sets the FONT_PATH environment variable as a side effect.
We only locate its font file with `importlib.util.find_spec`, which does not
run the package.
"""
from __future__ import annotations

import functools
import importlib.util
import subprocess
from pathlib import Path

from .errors import FontError

__all__ = ["cjk_font_path", "cjk_font_name", "use_cjk_font", "font_has_glyphs", "web_font_path"]

# Family names (as fontconfig / matplotlib report them), best first.
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
)
_PROBE = "高质量发展产业链乡村振兴"  # a font must draw these to count as Chinese


def font_has_glyphs(path: str | Path, text: str = _PROBE) -> bool:
    """True when the font file maps every character of `text` to a glyph (its Unicode cmap).

    Uses matplotlib's FreeType font (first face of a .ttc), which matplotlib keeps open and
    reuses for drawing: about a millisecond, where decompiling the cmap of a 10 MB CJK font
    with fontTools took a few tenths of a second in every kernel that plots.
    """
    from matplotlib import font_manager

    try:
        font = font_manager.get_font(str(path))
        return all(font.get_char_index(ord(ch)) for ch in text if not ch.isspace())
    except Exception:  # unreadable or not a font: it cannot be ours
        return False


def _fc_list_paths() -> list[tuple[str, str]]:
    """(family, path) for Chinese fonts fontconfig knows; [] when fc-list is absent."""
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family", "file"], capture_output=True,
                             text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    pairs = []
    for line in out.splitlines():
        path, _, family = line.partition(":")
        pairs.append((family.strip(), path.strip()))
    return pairs


def _system_font() -> Path | None:
    from matplotlib import font_manager

    candidates = [(f.name, f.fname) for f in font_manager.fontManager.ttflist] + _fc_list_paths()
    for wanted in PREFERRED_FAMILIES:
        for family, path in candidates:
            if wanted in family.split(",") or family == wanted:
                if Path(path).is_file() and font_has_glyphs(path):
                    return Path(path)
    return None


def _zhplot_font() -> Path | None:
    spec = importlib.util.find_spec("zhplot")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "fonts" / "NotoSansSC-Regular.ttf"
        if path.is_file():
            return path
    return None


@functools.lru_cache(maxsize=1)
def cjk_font_path() -> Path:
    """Path of a font file that draws Simplified Chinese (see module doc for the order)."""
    path = _system_font() or _zhplot_font()
    if path is None or not font_has_glyphs(path):
        raise FontError("no Chinese font found: install fonts-noto-cjk (apt) or the zhplot package "
                        "(pip install zhplot), which ships Noto Sans SC")
    return path


def web_font_path() -> Path | None:
    """A single-font file (.ttf/.otf) that HTML reports can ship for browsers without a
    Chinese font: the OFL Noto Sans SC from zhplot, else the plotting font when it is
    not a collection (.ttc, which browsers cannot load). None when there is neither."""
    for path in (_zhplot_font(), cjk_font_path()):
        if path is not None and path.suffix.lower() in (".ttf", ".otf"):
            return path
    return None


@functools.lru_cache(maxsize=1)
def cjk_font_name() -> str:
    """matplotlib's family name for cjk_font_path()."""
    from matplotlib import font_manager

    return font_manager.FontProperties(fname=str(cjk_font_path())).get_name()


def use_cjk_font() -> str:
    """Register the Chinese font with matplotlib and put it first in sans-serif.

    Idempotent: safe to call before every plot. Returns the family name.
    Also sets axes.unicode_minus False, because CJK fonts often lack U+2212, and
    text.parse_math False: labels come from data (ids, places, terms), and a `$` in them must
    show as written, not be read as TeX (`a$\\frac{1}{$b` failed to draw, `x$\\alpha$y` became
    xαy). A figure of your own that wants math can pass parse_math=True to its text.
    """
    import matplotlib
    from matplotlib import font_manager

    path, name = str(cjk_font_path()), cjk_font_name()
    if not any(f.fname == path for f in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    rc = matplotlib.rcParams
    sans = [name] + [f for f in rc["font.sans-serif"] if f != name]
    if list(rc["font.sans-serif"]) != sans:
        rc["font.sans-serif"] = sans
    rc["font.family"] = ["sans-serif"]  # a serif or monospace default would lack Chinese
    rc["axes.unicode_minus"] = False
    rc["text.parse_math"] = False
    return name
