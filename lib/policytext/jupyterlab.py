"""Make JupyterLab draw Chinese with the OFL font the HTML reports ship.

Without a system CJK font (`fc-list :lang=zh` empty) the browser has nothing to draw Chinese
with, so Markdown, DataFrame tables, code and widget labels show empty boxes; only matplotlib
figures, which carry their own font, are readable. `install_lab_font()` writes a tiny prebuilt
labextension, `policytext-cjk-font`, into the Jupyter data directory of the environment
(`{sys.prefix}/share/jupyter/labextensions`, which JupyterLab >= 4 always searches): no root,
nothing outside the environment, no node build. It holds

- the font file (Noto Sans SC from zhplot, OFL, with its licence);
- style.css: @font-face "policytext-cjk" for that file, limited to CJK code points so Latin
  text keeps the theme's fonts, and the theme's content, UI and code font stacks with that
  family in front;
- a hand-written remote entry script. JupyterLab loads a federated extension's `style` module
  through the module-federation container interface (`init(shareScope)`, `get(module)`);
  a dozen lines of plain JavaScript implement it and link style.css.

Why not the documented alternatives (checked on JupyterLab 4.6): `LabApp.custom_css` serves
custom.css only from the user's config dir (~/.jupyter/custom), outside the environment; and
the theme font settings given as defaults in `lab/settings/overrides.d` are ignored, because
the theme manager applies only the user's own overrides. The stylesheet sets the font
variables on `:root:root`, which beats the theme's `:root` whatever the load order, while
the user's Settings > Theme overrides (inline on <html>) still beat it.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import LabSetupError

__all__ = ["LAB_FONT_FAMILY", "LAB_EXTENSION_NAME", "LabSetupError", "LabFontFiles",
           "install_lab_font", "lab_font_files", "lab_font_problems"]

LAB_FONT_FAMILY = "policytext-cjk"  # the family name the HTML reports use too
LAB_EXTENSION_NAME = "policytext-cjk-font"
# CJK radicals, punctuation, bopomofo, ideographs (with extension A), compatibility, full-width forms.
_CJK_RANGE = ("U+2E80-2FDF, U+3000-303F, U+3100-31FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, "
              "U+FF00-FFEF")
# JupyterLab 4's default stacks (theme-light/dark) with our family in front.
_UI_STACK = ('system-ui, -apple-system, blinkmacsystemfont, "Segoe UI", helvetica, arial, sans-serif, '
             '"Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol"')
_CODE_STACK = 'menlo, consolas, "DejaVu Sans Mono", monospace'
FONT_VARIABLES = {
    "--jp-content-font-family": f'"{LAB_FONT_FAMILY}", {_UI_STACK}',
    "--jp-ui-font-family": f'"{LAB_FONT_FAMILY}", {_UI_STACK}',
    "--jp-code-font-family": f'"{LAB_FONT_FAMILY}", {_CODE_STACK}',
}

# The remote entry: a module-federation container whose only module, "./style", links the
# stylesheet next to this script. document.currentScript is this <script> while it runs.
_ENTRY_JS = """\
// {name}: hand-written module-federation container (see policytext/jupyterlab.py); no build step.
var _JUPYTERLAB;
(function () {{
  var here = document.currentScript ? document.currentScript.src : "";
  function linkStyle() {{
    if (!document.getElementById("{name}")) {{
      var link = document.createElement("link");
      link.id = "{name}";
      link.rel = "stylesheet";
      link.href = new URL("style.css?v={version}", here).href;
      document.head.appendChild(link);
    }}
    return {{}};
  }}
  var modules = {{ "./style": function () {{ return linkStyle; }} }};
  _JUPYTERLAB = typeof _JUPYTERLAB === "undefined" ? {{}} : _JUPYTERLAB;
  _JUPYTERLAB["{name}"] = {{
    get: function (module) {{
      if (!modules[module]) {{ return Promise.reject(new Error("{name}: no module " + module)); }}
      return Promise.resolve(modules[module]());
    }},
    init: function () {{ return Promise.resolve(); }}
  }};
}})();
"""

_STYLE_CSS = """\
/* {name}: the OFL font policytext's HTML reports ship, for Chinese characters only. */
@font-face {{
  font-family: "{family}";
  src: url("{font}") format("{format}");
  unicode-range: {cjk};
}}
/* :root:root outranks the theme's :root; Settings > Theme overrides (inline) still win. */
:root:root {{
{variables}
}}
/* Form controls do not inherit fonts (browser default), and ipywidgets' tab bar names Arial. */
:root .jupyter-widgets select, :root .jupyter-widgets input, :root .jupyter-widgets textarea,
:root .jupyter-widgets button, :root .jupyter-widgets.jupyter-widget-tab > .lm-TabBar {{
  font-family: var(--jp-ui-font-family);
}}
"""


@dataclass(frozen=True)
class LabFontFiles:
    """Where install_lab_font() puts (or put) its files under one environment prefix."""

    prefix: Path

    @property
    def extension_dir(self) -> Path:
        return self.prefix / "share" / "jupyter" / "labextensions" / LAB_EXTENSION_NAME

    @property
    def static_dir(self) -> Path:
        return self.extension_dir / "static"

    @property
    def package_json(self) -> Path:
        return self.extension_dir / "package.json"

    @property
    def stylesheet(self) -> Path:
        return self.static_dir / "style.css"

    def entry(self) -> Path | None:
        """The remote entry script named in package.json, or None when not installed."""
        try:
            load = json.loads(self.package_json.read_text(encoding="utf-8"))["jupyterlab"]["_build"]["load"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return self.extension_dir / load

    def font(self) -> Path | None:
        """The installed font file, or None."""
        fonts = sorted(p for p in self.static_dir.glob("*") if p.suffix.lower() in (".ttf", ".otf"))
        return fonts[0] if fonts else None


def lab_font_files(*, prefix: str | Path | None = None) -> LabFontFiles:
    """The file locations for the environment at `prefix` (default: the running Python's)."""
    return LabFontFiles(Path(prefix if prefix is not None else sys.prefix))


def _web_font() -> Path:
    from .fonts import web_font_path

    font = web_font_path()
    if font is None:
        raise LabSetupError("no single-file Chinese web font (.ttf/.otf) found for JupyterLab: "
                            "install the zhplot package (pip install zhplot), which ships Noto Sans SC")
    return font


def _package_json(entry_name: str) -> dict:
    from . import __version__

    return {
        "name": LAB_EXTENSION_NAME,
        "version": __version__,
        "description": "Chinese font (OFL Noto Sans SC) for JupyterLab, installed by `policytext lab-setup`",
        "license": "MIT AND OFL-1.1",
        "jupyterlab": {"_build": {"load": f"static/{entry_name}", "style": "./style"}},
    }


def _write_extension(files: LabFontFiles, font: Path) -> None:
    static = files.static_dir
    static.mkdir(parents=True, exist_ok=True)
    target = static / font.name
    if not target.exists() or target.stat().st_size != font.stat().st_size:
        shutil.copyfile(font, target)
    licence = font.parent / "OFL.txt"
    if licence.is_file():
        shutil.copyfile(licence, static / "OFL.txt")
    for stale in static.glob("*"):  # an older font or entry script from a previous set-up
        if stale.suffix.lower() in (".ttf", ".otf", ".js") and stale.name != target.name:
            stale.unlink()
    css = _STYLE_CSS.format(name=LAB_EXTENSION_NAME, family=LAB_FONT_FAMILY, font=font.name,
                            format="opentype" if font.suffix.lower() == ".otf" else "truetype",
                            cjk=_CJK_RANGE,
                            variables="\n".join(f"  {k}: {v};" for k, v in FONT_VARIABLES.items()))
    files.stylesheet.write_text(css, encoding="utf-8")
    # The version in the names changes with the content, so browsers never keep a stale copy.
    version = hashlib.sha256((css + str(target.stat().st_size)).encode()).hexdigest()[:12]
    entry_name = f"remoteEntry.{version}.js"
    (static / entry_name).write_text(_ENTRY_JS.format(name=LAB_EXTENSION_NAME, version=version),
                                     encoding="utf-8")
    files.package_json.write_text(json.dumps(_package_json(entry_name), indent=2) + "\n", encoding="utf-8")
    install = {"packageManager": "python", "packageName": "policytext",
               "uninstallInstructions": "Delete this folder, or recreate the environment"}
    (files.extension_dir / "install.json").write_text(json.dumps(install, indent=2) + "\n", encoding="utf-8")


def install_lab_font(*, prefix: str | Path | None = None) -> LabFontFiles:
    """Install the Chinese font for JupyterLab into the environment at `prefix`.

    Idempotent; the default prefix is the running Python's (`sys.prefix`, the .venv).
    Raises LabSetupError naming the folder when it cannot write there.
    """
    files = lab_font_files(prefix=prefix)
    font = _web_font()
    try:
        _write_extension(files, font)
    except OSError as err:
        raise LabSetupError(f"{err.filename or files.prefix}: cannot install the JupyterLab font: "
                            f"{err.strerror or err}") from err
    return files


def lab_font_problems(*, prefix: str | Path | None = None) -> list[str]:
    """What is missing or wrong in the set-up at `prefix`; [] when JupyterLab will get the font."""
    from .fonts import font_has_glyphs

    files = lab_font_files(prefix=prefix)
    entry, font = files.entry(), files.font()
    problems = []
    if entry is None or not entry.is_file():
        problems.append(f"{files.package_json}: no labextension (run `policytext lab-setup`)")
    if font is None or not font_has_glyphs(font):
        problems.append(f"{files.static_dir}: no font file that draws Chinese")
    else:
        css = _read(files.stylesheet)
        if f'url("{font.name}")' not in css:
            problems.append(f"{files.stylesheet}: does not declare {font.name} as @font-face")
        for variable, stack in FONT_VARIABLES.items():
            if f"{variable}: {stack};" not in css:
                problems.append(f"{files.stylesheet}: {variable} does not start with {LAB_FONT_FAMILY}")
    return problems


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
