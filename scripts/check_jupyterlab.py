"""Check in headless Chromium that JupyterLab from .venv draws Chinese with policytext's font.

Installs nothing. Starts `jupyter lab` from this environment on a free localhost port with a
token, in throw-away Jupyter config/data/runtime dirs (so ~/.jupyter cannot help or hurt),
opens a notebook with Chinese Markdown, a DataFrame, a code cell and ipywidgets (Dropdown,
Button, Tab),
runs it in Debian's chromium driven by Python playwright, saves a screenshot, and checks:

- the font face "policytext-cjk" is declared and loaded, and
  document.fonts.check('16px "policytext-cjk"', '高质量发展') is true (alone it proves little:
  it is also true when no face of that family exists);
- the computed font-family of the Markdown, table, code and widget elements names it;
- Chromium really drew their Chinese glyphs with that web font (DevTools
  CSS.getPlatformFontsForNode), which is what the screenshot shows.

Exit status 0 when every check passes, 1 otherwise. With --without-setup the policytext
labextension is disabled (page_config.json in the throw-away config dir), which is JupyterLab
without the set-up; that run shows the check can fail and is expected to exit 1.

    .venv/bin/pip install -e '.[check]'     # playwright (Python package only; no browser download)
    apt-get install chromium                # Debian's browser, if /usr/bin/chromium is missing
    .venv/bin/python scripts/check_jupyterlab.py [--out docs] [--without-setup]
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from policytext.jupyterlab import LAB_EXTENSION_NAME, LAB_FONT_FAMILY

PROBE = "高质量发展"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Elements whose Chinese must be drawn with our font: (label, CSS selector); the first
# match whose text has a Chinese character is checked.
TARGETS = [
    ("markdown", ".jp-MarkdownCell .jp-RenderedMarkdown p"),
    ("table", ".jp-OutputArea-output table tbody td"),
    ("code", ".jp-CodeCell .cm-content .cm-line"),
    ("widget label", ".widget-dropdown .widget-label"),
    ("widget value", ".widget-dropdown select"),
    ("widget button", ".jupyter-widgets button.jupyter-button"),
    ("widget tab", ".jupyter-widget-tab .lm-TabBar-tabLabel"),
    ("file browser", ".jp-DirListing-itemText"),
]
NOTEBOOK = "中文检查.ipynb"  # a Chinese file name puts Chinese in the UI font (file browser, tab)
CELLS = [
    ("markdown", "## 政府工作报告\n\n推动高质量发展，全面推进乡村振兴，延伸产业链。"),
    ("code", 'import pandas as pd\npd.DataFrame({"城市": ["嘉峪关市", "金昌市"],\n'
             '              "指标": ["地区生产总值", "高质量发展"],\n              "增长（%）": [7.0, 6.5]})'),
    ("code", 'slogan = "高质量发展，乡村振兴"\nslogan'),
    ("code", 'import ipywidgets as widgets\nwidgets.VBox([widgets.Dropdown(options=["高质量发展", "乡村振兴"], '
             'description="主题选择"),\n              widgets.Button(description="更新图表"),\n'
             '              widgets.Tab([widgets.Label("目标"), widgets.Label("实绩")], titles=["目标", "实绩"])])'),
]


def notebook_json() -> dict:
    cells = []
    for kind, source in CELLS:
        cell = {"cell_type": kind, "metadata": {}, "source": source}
        if kind == "code":
            cell.update(outputs=[], execution_count=None)
        cells.append(cell)
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                         "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_dirs(tmp: Path, *, without_setup: bool) -> dict[str, str]:
    """Throw-away Jupyter dirs, the notebook, and (for the 'before' run) the set-up switched off."""
    for name in ("config", "data", "runtime", "root"):
        (tmp / name).mkdir()
    (tmp / "root" / NOTEBOOK).write_text(json.dumps(notebook_json(), ensure_ascii=False), encoding="utf-8")
    disabled = {"@jupyterlab/apputils-extension:announcements": True}  # no news pop-up in the picture
    if without_setup:
        disabled[LAB_EXTENSION_NAME] = True
    (tmp / "config" / "labconfig").mkdir()
    (tmp / "config" / "labconfig" / "page_config.json").write_text(json.dumps({"disabledExtensions": disabled}))
    return dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp / "config"), JUPYTER_DATA_DIR=str(tmp / "data"),
                JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), JUPYTER_PREFER_ENV_PATH="1")


def start_lab(tmp: Path, env: dict[str, str], port: int, token: str) -> subprocess.Popen:
    jupyter = Path(sys.executable).with_name("jupyter")
    cmd = [str(jupyter), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={tmp / 'root'}", "--LabApp.expose_app_in_browser=True"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers often run as root
        cmd.append("--allow-root")
    log = open(tmp / "jupyter.log", "w")
    server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"jupyter lab exited early; log: {(tmp / 'jupyter.log').read_text()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=5)
            return server
        except OSError:
            time.sleep(1)
    server.terminate()
    raise SystemExit("jupyter lab did not answer within 180 s")


def run_notebook(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".jp-Notebook .jp-MarkdownCell", timeout=180_000)
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.sessionContext"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel",
                           timeout=180_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_selector(".jp-OutputArea-output table tbody td", timeout=180_000)
    page.wait_for_selector(".widget-dropdown select", timeout=180_000)
    page.wait_for_selector(".jupyter-widgets button.jupyter-button", timeout=180_000)
    page.wait_for_selector(".jupyter-widget-tab .lm-TabBar-tabLabel", timeout=180_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:enter-command-mode')")
    page.evaluate("() => document.fonts.ready")
    page.wait_for_timeout(1500)  # let the last layout settle after the font arrives


def font_report(page) -> dict:
    """document.fonts status and each target's computed font-family; marks the targets."""
    return page.evaluate(
        """([family, probe, targets]) => ({
            faces: [...document.fonts].filter(f => f.family.replace(/"/g, '') === family).map(f => f.status),
            check: document.fonts.check(`16px "${family}"`, probe),
            computed: Object.fromEntries(targets.map(([label, sel], i) => {
                const el = [...document.querySelectorAll(sel)].find(e => /[\u4e00-\u9fff]/.test(e.textContent));
                if (el) el.setAttribute("data-labcheck", String(i));
                return [label, el ? getComputedStyle(el).fontFamily : null];
            })),
        })""", [LAB_FONT_FAMILY, PROBE, TARGETS])


def platform_fonts(page) -> dict[str, list[dict]]:
    """For each target, the fonts Chromium actually drew its text with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    used = {}
    for i, (label, _) in enumerate(TARGETS):  # font_report() marked each target
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f'[data-labcheck="{i}"]'})["nodeId"]
        fonts = []
        if node:
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            for child in _text_children(cdp, node):
                fonts += cdp.send("CSS.getPlatformFontsForNode", {"nodeId": child})["fonts"]
        used[label] = fonts
    return used


def _text_children(cdp, node: int) -> list[int]:
    """Element descendants (CodeMirror wraps tokens in spans; the select holds options)."""
    described = cdp.send("DOM.describeNode", {"nodeId": node, "depth": -1})["node"]
    found, stack = [], list(described.get("children", []))
    while stack:
        child = stack.pop()
        if child.get("nodeType") == 1 and child.get("nodeId"):
            found.append(child["nodeId"])
        stack.extend(child.get("children", []))
    return found


def drawn_with(fonts: list[dict]) -> str:
    """'Noto Sans SC (web font) 26 glyphs, DejaVu Sans Mono 99 glyphs': glyphs summed per font."""
    totals: dict[str, int] = {}
    for font in fonts:
        name = font["familyName"] + (" (web font)" if font.get("isCustomFont") else "")
        totals[name] = totals.get(name, 0) + font.get("glyphCount", 0)
    return ", ".join(f"{name} {count} glyphs" for name, count in totals.items()) or "nothing"


def judge(report: dict, used: dict[str, list[dict]]) -> list[str]:
    """The failed checks, in words; [] when Chinese is drawn with our font everywhere."""
    failures = []
    if "loaded" not in report["faces"]:
        failures.append(f'font face "{LAB_FONT_FAMILY}" not loaded (faces: {report["faces"] or "none"})')
    if not report["check"]:
        failures.append(f"document.fonts.check('16px \"{LAB_FONT_FAMILY}\"', '{PROBE}') is false")
    for label, _ in TARGETS:
        family = report["computed"][label]
        if family is None:
            failures.append(f"{label}: element not found")
            continue
        if LAB_FONT_FAMILY not in family:
            failures.append(f"{label}: computed font-family {family!r} lacks {LAB_FONT_FAMILY}")
        if not any(f.get("isCustomFont") and f.get("glyphCount") for f in used[label]):
            failures.append(f"{label}: no glyph drawn with the web font (drawn: {drawn_with(used[label])})")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs", help="folder for the screenshot (default: docs)")
    parser.add_argument("--without-setup", action="store_true",
                        help="disable the policytext font set-up (the 'before' picture; expected to fail)")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="browser executable")
    args = parser.parse_args(argv)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("playwright is missing: .venv/bin/pip install -e '.[check]' (or make check-lab)")
    if not Path(args.chromium).is_file():
        raise SystemExit(f"{args.chromium}: no such browser; install Debian's chromium "
                         "(apt-get install chromium) or pass --chromium PATH")

    shot = Path(args.out) / ("jupyterlab-chinese-before.png" if args.without_setup else "jupyterlab-chinese.png")
    shot.parent.mkdir(parents=True, exist_ok=True)
    port, token = free_port(), secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix="policytext-labcheck-") as name:
        tmp = Path(name)
        server = start_lab(tmp, prepare_dirs(tmp, without_setup=args.without_setup), port, token)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch_persistent_context(
                    str(tmp / "profile"), executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS,
                    viewport={"width": 1200, "height": 860})
                page = browser.new_page()
                quoted = urllib.parse.quote(NOTEBOOK)
                run_notebook(page, f"http://127.0.0.1:{port}/lab/tree/{quoted}?reset&token={token}")
                page.screenshot(path=str(shot))
                report, used = font_report(page), platform_fonts(page)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    failures = judge(report, used)
    print(f"screenshot: {shot}")
    for label, _ in TARGETS:
        print(f"  {label:13} drawn with: {drawn_with(used[label])}")
    print("FAIL:\n  " + "\n  ".join(failures) if failures else f"OK: Chinese is drawn with {LAB_FONT_FAMILY}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
