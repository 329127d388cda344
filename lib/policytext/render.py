"""Execute the notebooks and write HTML reports: execution, export and scheduling only.

`render_notebooks()` runs every numbered notebook (`notebooks/NN-topic.ipynb`)
headless with the kernel of the current interpreter, injects parameters after
the cell tagged `parameters`, and writes `NN-topic.html`
plus an `index.html` linking them. Two modes:

- ``report`` (for readers): code, prompts, stderr chatter, the exercises
  (challenge and solution cells) and cells tagged `remove-cell` are left out;
  tables and figures stay.
- ``full`` (for learners): everything, code included.

Parameters are injected as papermill does (a cell tagged `injected-parameters`
after the `parameters` cell), but execution uses nbclient directly: it gives the
failing cell's number, per-cell timings and control over the kernel.

Static or live: the renderer sets ``POLICYTEXT_STATIC=1`` in the kernel's
environment; the notebook runtime (`policytext.notebook`: `interactive()`, `explore()`)
then draws default views and no widgets, so a rendered page never shows a
"Loading widget..." placeholder.

The report folder is written safely (`policytext.reportdir`): the pages are built in a
temporary folder beside OUT and swapped in at the end; only a folder that is empty or an
earlier render (it holds the render manifest) is replaced; links are never followed.

Scheduling: notebooks start longest first (LPT), so the longest one does not start last and
leave one kernel idle at the end. "Longest" is the duration of the notebook's last render, kept
in policytext's cache folder (`render-durations`); a notebook not rendered before is estimated
from the size of its code, scaled by the known ones.

The notebooks' headers, index, README table and student copies: `policytext.teaching`.
"""
from __future__ import annotations

import copy
import html
import itertools
import logging
import os
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .errors import ParameterError, PolicyTextError, RenderError
from .notebook import STATIC_ENV
from .params import parse_params, validate_params
from .reportdir import check_report_dir, kernel_folder, matplotlib_folder, publish, staging, write_file
from .teaching import (index_html, is_challenge, notebook_header, notebook_paths, read_notebook,
                       without_idle_challenges)

__all__ = [
    "RenderedNotebook", "render_notebooks", "parse_params", "validate_params", "export_html",
    "ship_web_font", "schedule", "last_seconds",
]

KERNEL_NAME = "python3"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

# ---------------------------------------------------------------- executing

@dataclass
class RenderedNotebook:
    """One rendered notebook: where it came from, where the HTML went, how long it took."""

    name: str
    source: Path
    html: Path | None
    seconds: float
    nb: Any = field(repr=False, default=None)
    cell_seconds: list[tuple[int, float]] = field(repr=False, default_factory=list)


def _kernel_env(kernels: Path) -> dict[str, str]:
    env = dict(os.environ)
    env[STATIC_ENV] = "1"
    # An inherited MPLBACKEND (e.g. Agg in tests) would stop figures appearing inline.
    env.pop("MPLBACKEND", None)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    # Nothing in the home folder: IPython's profile goes to the kernels' private folder (removed at
    # the end), matplotlib's font list to policytext's cache folder, where it is kept between renders
    env["IPYTHONDIR"] = str(kernels / "ipython")
    env.setdefault("MPLCONFIGDIR", matplotlib_folder(kernels))
    return env


def _this_python_manager(folder: Path):
    """A kernel manager whose "python3" is always this interpreter's ipykernel, with its
    connection file (and ipc sockets) in FOLDER (reportdir.kernel_folder).

    By name lookup, a user-level kernelspec (~/.local/share/jupyter/kernels/python3, left by
    `ipykernel install --user` for another Python) would win over the venv's and run the
    notebooks without policytext.
    """
    from ipykernel.kernelspec import RESOURCES, get_kernel_dict
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class ThisPythonSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name, *args, **kwargs):
            if kernel_name == KERNEL_NAME:
                return KernelSpec(resource_dir=RESOURCES, **get_kernel_dict())
            return super().get_kernel_spec(kernel_name, *args, **kwargs)

    class ThisPythonManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _kernel_spec_manager_default(self):
            return ThisPythonSpecs(data_dir=self.data_dir)

        @default("transport")
        def _transport_default(self):
            return _kernel_transport(folder)

        @default("connection_file")
        def _connection_file_default(self):
            # numbered, so that the ipc socket paths (its name + "-ipc-N") are unique too
            return str(folder / f"k{next(_KERNEL_NUMBERS)}.json")

    return ThisPythonManager


_KERNEL_NUMBERS = itertools.count(1)
# A Unix socket path holds at most 107 bytes; the kernels' are FOLDER/k<n>-ipc-<port>.
_IPC_NAME_ROOM = len("/k9999-ipc-99999")


def _kernel_transport(folder: Path) -> str:
    """"ipc" (Unix sockets in FOLDER, where the connection file goes anyway) where it works,
    else "tcp".

    Over TCP, jupyter_client picks free ports by binding to port 0 and letting go; kernels
    started at the same moment by two processes (two renders, or test workers) could take the
    same port, and one died with "Address already in use" before replying to kernel_info.
    """
    if os.name != "posix" or len(os.fsencode(os.path.abspath(folder))) + _IPC_NAME_ROOM > 107:
        return "tcp"
    return "ipc"


def _inject_params(nb, params: Mapping[str, Any]) -> int:
    """Insert a cell assigning `params` after the cell tagged `parameters` (papermill's
    convention: the later assignment wins); returns its index."""
    import nbformat

    # repr keeps 金昌市 readable in full-mode pages (papermill's translator writes \\u escapes).
    source = "# Parameters\n" + "".join(f"{key} = {value!r}\n" for key, value in params.items())
    cell = nbformat.v4.new_code_cell(source=source)
    cell.metadata["tags"] = ["injected-parameters"]
    where = next((i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), 0)
    nb.cells.insert(where, cell)
    return where


_FRAME = re.compile(r"^(Cell In\[\d+\], line \d+|File [^\n]+?:\d+(?:, in [^\n]+)?)$")
_ARROW = re.compile(r"^-*> ?\d+\s(.*)$")


def _frames(traceback: str) -> list[str]:
    """"where: line" for each frame of an IPython traceback: the cell's, our library's, and the last."""
    frames, header = [], None
    for line in traceback.splitlines():
        if _FRAME.match(line.strip()):
            header = line.strip()
        elif header and (arrow := _ARROW.match(line.strip())):
            frames.append(f"{header}: {arrow.group(1).strip()}")
            header = None
    keep = [f for i, f in enumerate(frames) if "site-packages" not in f or i == len(frames) - 1]
    return keep


def _execute(path: Path, params: Mapping[str, Any], *, timeout: int,
             kernels: Path) -> tuple[Any, list[tuple[int, float]]]:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = read_notebook(path)
    tagged = _inject_params(nb, params) if params else None
    offset = 0 if tagged is None else 1  # the injected cell shifts later cells by one
    timings: list[tuple[int, float]] = []
    started: dict[int, float] = {}
    failing: dict[str, int] = {}

    def source_number(index: int) -> int:
        # 1-based number of the cell in the file the author edits
        shift = offset if tagged is not None and index > tagged else 0
        return index - shift + 1

    def on_start(cell, cell_index, **_):
        started[cell_index] = time.perf_counter()
        failing["index"] = cell_index

    def on_executed(cell, cell_index, **_):
        if cell_index in started:
            timings.append((source_number(cell_index), time.perf_counter() - started[cell_index]))

    # The kernel app's own log (e.g. "running over TCP without encryption", on localhost) is noise
    # here; the notebook's warnings still arrive as stderr outputs.
    client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=timeout, allow_errors=False,
                            kernel_manager_class=_this_python_manager(kernels),
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(path.parent)}},
                            on_cell_start=on_start, on_cell_executed=on_executed)
    try:
        client.execute(env=_kernel_env(kernels))
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        index = failing.get("index")
        number = source_number(index) if index is not None else "?"
        cell = nb.cells[index] if index is not None else None
        first_line = cell.source.strip().splitlines()[0] if cell is not None and cell.source.strip() else ""
        if isinstance(exc, CellExecutionError):
            what = f"{exc.ename}: {_ANSI.sub('', str(exc.evalue))}"
            frames = _frames(_ANSI.sub("", str(exc)))
        else:
            what, frames = f"{type(exc).__name__}: {exc}", []
        detail = "\n".join(f"    {frame}" for frame in frames)
        raise RenderError(f"{path.name}: cell {number} failed: {what}\n  cell starts: {first_line}"
                          + (f"\n  where:\n{detail}" if detail else "")) from None
    except RuntimeError as exc:     # the kernel did not start ("died before replying ...")
        raise RenderError(f"{path.name}: the notebook's kernel failed: {exc}") from None
    return nb, timings


# ---------------------------------------------------------------- HTML

def _report_cells(nb) -> Any:
    """A copy for readers: no exercises, no stderr chatter, no injected-parameters cell."""
    nb = copy.deepcopy(nb)
    cells = []
    skip_next_code = False
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if is_challenge(cell):
            skip_next_code = True
            continue
        if "solution" in tags or "injected-parameters" in tags or "remove-cell" in tags:
            skip_next_code = False
            continue
        if skip_next_code and cell.cell_type == "code":
            skip_next_code = False
            continue
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
        cells.append(cell)
    nb.cells = cells
    return nb


def _drop_widget_outputs(nb) -> None:
    """A widget cannot live in a static page: keep its text/plain or HTML fallback only. A finding
    with nothing to say this time (a caution that does not apply: "") leaves no empty block."""
    widget = "application/vnd.jupyter.widget-view+json"
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and widget in data:
                del data[widget]
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not _empty_markdown(o)]
    nb.metadata.pop("widgets", None)


def _empty_markdown(output) -> bool:
    data = output.get("data") or {}
    return "text/markdown" in data and not "".join(data["text/markdown"]).strip()


# nbconvert warns for every figure without alt text (matplotlib output has none); it then
# inserts a generic alt itself, so the warning is noise on every render.
_QUIET = logging.getLogger("policytext.render.nbconvert")
_QUIET.setLevel(logging.ERROR)


# Browsers without a Chinese font would draw the tables and text as boxes: the pages
# ship the plotting font (OFL) in fonts/ beside them, used for CJK characters only.
WEB_FONT_DIR = "fonts"
_FONT_CSS = """<style>
@font-face {{ font-family: "policytext-cjk"; src: url("{url}");
  unicode-range: U+2E80-2FDF, U+3000-303F, U+3100-31FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FF00-FFEF; }}
:root {{
  --jp-content-font-family: "policytext-cjk", system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  --jp-ui-font-family: "policytext-cjk", system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  --jp-code-font-family: "policytext-cjk", Menlo, Consolas, "DejaVu Sans Mono", monospace;
}}
body {{ font-family: var(--jp-content-font-family); }}
</style>
"""


def ship_web_font(out: Path) -> str | None:
    """Copy the Chinese web font (and its licence) into OUT/fonts; return its relative URL.

    OUT is the render's fresh staging folder (see reportdir): the files are created there,
    never written through an existing file or link.
    """
    from .fonts import web_font_path

    font = web_font_path()
    if font is None:
        return None
    write_file(out, f"{WEB_FONT_DIR}/{font.name}", font.read_bytes())
    licence = font.parent / "OFL.txt"
    if licence.is_file():
        write_file(out, f"{WEB_FONT_DIR}/OFL.txt", licence.read_bytes())
    return f"{WEB_FONT_DIR}/{font.name}"


# nbconvert's page loads MathJax with $…$ and \\(…\\) as inline math, so a place, id or sentence
# with a `$` (A$\\frac{1}{$省) was typeset as TeX in tables and findings. The notebooks use no
# math: the page is the lab template without MathJax, and data shows as written.
_TEMPLATE = "policytext-report.html.j2"
_NO_MATHJAX = ("{%- extends 'index.html.j2' -%}\n"
               "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n")


def export_html(nb, *, mode: str = "report", title: str | None = None, font_url: str | None = None) -> str:
    """HTML for an executed notebook: report mode hides code, full mode shows it.

    With `font_url` (see ship_web_font) the page uses that font for Chinese characters.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    if mode not in ("report", "full"):
        raise ParameterError(f"mode must be 'report' or 'full', not {mode!r}")
    nb = _report_cells(nb) if mode == "report" else without_idle_challenges(nb)
    _drop_widget_outputs(nb)
    exporter = HTMLExporter(exclude_input=(mode == "report"), exclude_input_prompt=(mode == "report"),
                            exclude_output_prompt=(mode == "report"), log=_QUIET,
                            extra_loaders=[DictLoader({_TEMPLATE: _NO_MATHJAX})], template_file=_TEMPLATE)
    resources = {"metadata": {"name": title or "policytext"}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    if font_url:
        body = body.replace("</head>", _FONT_CSS.format(url=html.escape(font_url)) + "</head>", 1)
    return body


# ---------------------------------------------------------------- scheduling (longest first)

_DURATIONS = "render-durations"  # cache namespace: seconds of each notebook's last render


def _duration_key(path: Path) -> str:
    from .cache import cache_key

    return cache_key("render-seconds", str(Path(path).resolve()))


def last_seconds(path: str | Path) -> float | None:
    """Seconds the notebook's last render took (None when it was never rendered here, or the
    entry is not a number of seconds: a whole entry can still hold anything, see batch._valid_hit)."""
    import math

    from .cache import cache_get

    seconds = cache_get(_DURATIONS, _duration_key(Path(path)))
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        return None
    return float(seconds) if math.isfinite(seconds) and seconds >= 0 else None


def _record_seconds(path: Path, seconds: float) -> None:
    from .cache import cache_put

    try:
        cache_put(_DURATIONS, _duration_key(path), round(float(seconds), 3))
    except OSError:  # an unwritable cache only costs the next render its ordering hint
        logging.getLogger(__name__).debug("could not record the render time of %s", path)


def _code_size(path: Path) -> int:
    import json

    try:
        cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return 0
    return sum(len("".join(c["source"]) if isinstance(c["source"], list) else c["source"])
               for c in cells if c.get("cell_type") == "code")


def schedule(paths: Iterable[Path], seconds: Mapping[Path, float | None] | None = None) -> list[Path]:
    """`paths` in the order to start them: longest expected render first (LPT).

    `seconds` gives known durations (default: each notebook's last render); unknown ones are
    estimated from their code size times the median seconds per character of the known ones.
    Ties keep the file-name order.
    """
    paths = list(paths)
    if seconds is None:
        seconds = {p: last_seconds(p) for p in paths}
    sizes = {p: max(_code_size(p), 1) for p in paths}
    rates = sorted(seconds[p] / sizes[p] for p in paths if seconds.get(p) is not None)
    rate = rates[len(rates) // 2] if rates else 1.0
    expected = {p: seconds[p] if seconds.get(p) is not None else sizes[p] * rate for p in paths}
    return sorted(paths, key=lambda p: (-expected[p], p.name))


# ---------------------------------------------------------------- the whole collection

def render_notebooks(out: str | Path = "reports", *, params: Mapping[str, Any] | None = None,
                     mode: str = "report", notebooks: Iterable[str | Path] | None = None,
                     workers: int = 2, timeout: int = 900, progress: bool = True,
                     folder: str | Path | None = None) -> list[RenderedNotebook]:
    """Execute the numbered notebooks and write OUT/NN-topic.html for each plus OUT/index.html.

    Parameters are checked before any kernel starts (an unknown city lists the
    cities there are). Notebooks run `workers` at a time, each in a fresh
    kernel of the current interpreter with POLICYTEXT_STATIC=1. A failing cell
    raises RenderError naming the notebook, the cell number and the exception;
    notebooks not yet started are then skipped. The longest notebooks start first
    (see `schedule`); the result is in file-name order.

    OUT must be absent, empty or an earlier render (see policytext.reportdir); the
    pages are built beside it and replace it as a whole only when every notebook
    rendered, so a failed or interrupted render leaves the previous report as it was.
    """
    if mode not in ("report", "full"):
        raise RenderError(f"mode must be 'report' or 'full', not {mode!r}")
    paths = notebook_paths(notebooks, folder=folder)
    params = validate_params(params or {}, paths)
    out = check_report_dir(Path(os.path.abspath(Path(out).expanduser())))
    say = (lambda msg: print(msg, file=sys.stderr, flush=True)) if progress else (lambda msg: None)
    say(f"policytext render: {len(paths)} notebook(s) → {out} ({mode} mode"
        + (", " + ", ".join(f"{k}={v}" for k, v in params.items()) if params else "") + ")")
    with staging(out) as build, kernel_folder() as kernels:
        if "matplotlib" not in sys.modules:     # (finding the web font imports it here too)
            os.environ.setdefault("MPLCONFIGDIR", matplotlib_folder(kernels))
        font_url = ship_web_font(build)
        rendered = _render_all(paths, params, build, kernels, mode=mode, workers=workers,
                               timeout=timeout, font_url=font_url, say=say)
        font_css = _FONT_CSS.format(url=html.escape(font_url)) if font_url else ""
        write_file(build, "index.html", index_html(rendered, params, mode, font_css=font_css))
        publish(build, out)
    for item in rendered:
        item.html = out / item.html.name
    say(f"  index: {out / 'index.html'}")
    return rendered


def _render_all(paths: list[Path], params: Mapping[str, Any], build: Path, kernels: Path, *, mode: str,
                workers: int, timeout: int, font_url: str | None,
                say: Callable[[str], None]) -> list[RenderedNotebook]:
    """Execute and export every notebook into BUILD, longest first (the kernels' connection files
    in KERNELS); file-name order returned."""
    stop = threading.Event()
    done_count = [0]
    lock = threading.Lock()

    def one(path: Path) -> RenderedNotebook | None:
        if stop.is_set():
            return None
        start = time.perf_counter()
        try:
            nb, timings = _execute(path, params, timeout=timeout, kernels=kernels)
        except BaseException:
            stop.set()
            raise
        title = notebook_header(path)["title"]
        target = write_file(build, f"{path.stem}.html",
                            export_html(nb, mode=mode, title=title, font_url=font_url))
        seconds = time.perf_counter() - start
        _record_seconds(path, seconds)
        with lock:
            done_count[0] += 1
            say(f"  [{done_count[0]}/{len(paths)}] {path.name}: {seconds:.1f} s")
        return RenderedNotebook(path.stem, path, target, seconds, nb, timings)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {path: pool.submit(one, path) for path in schedule(paths)}
        try:
            wait(futures.values())
        except KeyboardInterrupt:  # start nothing new; running kernels finish and are shut down
            stop.set()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    futures = [futures[path] for path in paths]  # file-name order again
    errors = [f.exception() for f in futures if f.exception() is not None]
    if errors:
        first = errors[0]
        if isinstance(first, PolicyTextError):
            raise first
        raise RenderError(f"rendering failed: {type(first).__name__}: {first}") from first
    return [f.result() for f in futures if f.result() is not None]
