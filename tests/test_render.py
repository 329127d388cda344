"""policytext.render on small hand-made notebooks (the real notebooks: test_notebooks.py).

The notebook collection (headers, index, student copies): test_teaching.py; the notebook
runtime (interactive, explore): test_notebook.py."""
import base64
import html
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from policytext import render
from policytext.errors import ParameterError, PolicyTextError, RenderError
from policytext.render import (
    export_html, last_seconds, parse_params, render_notebooks, schedule, validate_params,
)

OPENING = """# 示例 notebook

**Question:** How long is each report?

**Objectives:**
- Count characters.
- Draw a chart.

**Minutes:** 20

**Prerequisites:** none.

**Data:** seeds/.
"""
PARAMS = 'corpus_path = None\ncity = None\ndoc_ids = None\n'
# A 1x1 white PNG.
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4c80000000049454e44ae426082")).decode()


def make_nb(folder: Path, name: str, *code: str, opening: str = OPENING, params: bool = True) -> Path:
    cells = [new_markdown_cell(opening)]
    if params:
        cells.append(new_code_cell(PARAMS, metadata={"tags": ["parameters"]}))
    cells += [new_code_cell(src) for src in code]
    cells.append(new_markdown_cell("## Key points\n\n- one\n"))
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "language": "python",
                                                             "display_name": "Python 3"}})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path


# ---------------------------------------------------------------- parameters

def test_parse_params_strings_lists_and_none():
    assert parse_params(["city=金昌市", "doc_ids=jyg_gov_2021, jyg_party_2021", "corpus_path="]) == {
        "city": "金昌市", "doc_ids": ["jyg_gov_2021", "jyg_party_2021"], "corpus_path": None}
    assert parse_params([]) == {}
    assert parse_params(None) == {}


@pytest.mark.parametrize("bad", ["city", "=金昌市", "my city=金昌市"])
def test_parse_params_rejects_malformed_items(bad):
    with pytest.raises(RenderError, match="KEY=VALUE"):
        parse_params([bad])


def test_unknown_city_lists_the_places(tmp_path):
    path = make_nb(tmp_path, "01-a.ipynb", "x = 1")
    with pytest.raises(RenderError) as err:
        validate_params({"city": "兰州市"}, [path])
    message = str(err.value)
    assert "兰州市" in message
    for place in ("金昌市", "嘉峪关市", "凉州区"):
        assert place in message


def test_unknown_doc_id_and_unknown_parameter_are_errors(tmp_path):
    path = make_nb(tmp_path, "01-a.ipynb", "x = 1")
    with pytest.raises(RenderError, match="jinchang_interview_2022"):
        validate_params({"doc_ids": ["nope_2020"]}, [path])
    with pytest.raises(RenderError, match="corpus_path, city, doc_ids|city, corpus_path, doc_ids"):
        validate_params({"town": "金昌市"}, [path])


def test_a_place_or_ids_alone_select_from_each_notebooks_own_default_data(tmp_path):
    # notebook 05 reads the bundled hailar by default: its own examples (city=海拉尔区) must pass
    hailar = make_nb(tmp_path, "05-a.ipynb", "x = 1")
    nb = nbformat.read(hailar, as_version=4)
    nb.cells[1] = new_code_cell('corpus = "hailar"\n' + PARAMS, metadata={"tags": ["parameters"]})
    nbformat.write(nb, hailar)
    seeds = make_nb(tmp_path, "01-a.ipynb", "x = 1")
    assert validate_params({"city": "海拉尔区"}, [hailar])["city"] == "海拉尔区"
    assert validate_params({"doc_ids": ["hailar_gov_2015"]}, [hailar])
    assert validate_params({"city": "金昌市"}, [hailar])      # not in hailar: the seeds, as 05 falls back
    with pytest.raises(RenderError, match="place=海拉尔区; available: 凉州区"):
        validate_params({"city": "海拉尔区"}, [hailar, seeds])   # notebook 01 reads the seeds


def test_parameters_the_notebooks_cannot_use_are_refused_before_any_kernel(tmp_path):
    path = make_nb(tmp_path, "05-a.ipynb", "x = 1")
    nb = nbformat.read(path, as_version=4)
    nb.cells[1] = new_code_cell('corpus = ["hailar"]\ncross_section = None\n' + PARAMS,
                                metadata={"tags": ["parameters"]})          # a default that is no name
    nbformat.write(nb, path)
    with pytest.raises(RenderError, match="no value between the commas"):
        parse_params(["doc_ids=,,"])
    with pytest.raises(RenderError, match="give one of them"):
        validate_params({"corpus": "hailar", "corpus_path": str(tmp_path)}, [path])
    with pytest.raises(RenderError, match="cross_section: no bundled corpus 'nosuch'"):
        validate_params({"cross_section": "nosuch"}, [path])
    assert validate_params({"city": "金昌市"}, [path])["city"] == "金昌市"     # read as the seeds


def test_valid_params_pass_and_corpus_path_becomes_absolute(tmp_path, monkeypatch):
    path = make_nb(tmp_path, "01-a.ipynb", "x = 1")
    monkeypatch.chdir(Path(render.__file__).resolve().parents[2])
    checked = validate_params({"city": "金昌市", "corpus_path": "seeds"}, [path])
    assert checked["city"] == "金昌市"
    assert Path(checked["corpus_path"]).is_absolute() and Path(checked["corpus_path"]).name == "seeds"


def test_unknown_city_fails_before_any_kernel_starts(tmp_path, monkeypatch):
    path = make_nb(tmp_path / "nbs", "01-a.ipynb", "x = 1")

    def never(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(render, "_execute", never)
    with pytest.raises(RenderError, match="available: .*金昌市"):
        render_notebooks(tmp_path / "out", params={"city": "兰州市"}, notebooks=[path], progress=False)
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- scheduling

def test_schedule_starts_the_longest_first(tmp_path):
    a = make_nb(tmp_path, "01-a.ipynb", "x = 1")
    b = make_nb(tmp_path, "02-b.ipynb", "x = 2")
    c = make_nb(tmp_path, "03-c.ipynb", "x = 3")
    assert schedule([a, b, c], {a: 1.0, b: 6.0, c: 3.0}) == [b, c, a]
    assert schedule([a, b, c], {a: 2.0, b: 2.0, c: 2.0}) == [a, b, c]  # ties: file-name order


def test_schedule_estimates_unknown_notebooks_from_their_code(tmp_path):
    # Code sizes include the 46-character parameters cell: 51, 286 and 106 characters.
    short = make_nb(tmp_path, "01-short.ipynb", "x = 1")
    long = make_nb(tmp_path, "02-long.ipynb", "x = 1\n" * 40)
    known = make_nb(tmp_path, "03-known.ipynb", "y = 2\n" * 10)
    # known took 3 s for 106 characters: long is expected to take about 8 s, short about 1.4 s.
    assert schedule([short, long, known], {known: 3.0}) == [long, known, short]
    assert schedule([short, long], {}) == [long, short]                        # nothing known: by size


@pytest.mark.parametrize("entry", ["x", [1], True, -2.0, float("nan")])
def test_a_recorded_duration_that_is_not_seconds_is_no_duration(tmp_path, monkeypatch, entry):
    # A whole cache entry (right checksum) can still hold anything: it is not trusted or crashed on.
    from policytext.cache import cache_put

    monkeypatch.setenv("POLICYTEXT_CACHE", str(tmp_path / "cache"))
    a = make_nb(tmp_path, "01-a.ipynb", "x = 1")
    long = make_nb(tmp_path, "02-long.ipynb", "x = 1\n" * 40)
    cache_put(render._DURATIONS, render._duration_key(a), entry)
    assert last_seconds(a) is None
    assert schedule([a, long]) == [long, a]           # by code size, as if never rendered
    cache_put(render._DURATIONS, render._duration_key(a), 30)
    assert last_seconds(a) == 30.0


# ---------------------------------------------------------------- HTML

def executed_nb():
    """An executed notebook written by hand: a table, a figure, stderr chatter, a widget, an exercise."""
    table = new_code_cell("show_table_of_lengths()", execution_count=1, outputs=[
        new_output("execute_result", data={"text/plain": "jinchang 2026",
                                           "text/html": "<table><tr><td>jinchang_interview_2022</td></tr></table>"},
                   execution_count=1)])
    figure = new_code_cell("draw_the_length_chart()", execution_count=2, outputs=[
        new_output("stream", name="stderr", text="Building prefix dict from the default dictionary\n"),
        new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"})])
    widget = new_code_cell("make_a_dropdown()", execution_count=3, outputs=[
        new_output("display_data", data={"application/vnd.jupyter.widget-view+json":
                                         {"model_id": "abc", "version_major": 2, "version_minor": 0},
                                         "text/plain": "Dropdown(options=('金昌市',))"})])
    return new_notebook(cells=[
        new_markdown_cell("# Lengths\n\n**Question:** how long?"),
        new_markdown_cell("## 1. The documents"),
        table, figure, widget,
        new_markdown_cell("> **Challenge:** which is longest?"),
        new_code_cell("longest_one_solution()", metadata={"tags": ["solution"]}, execution_count=4),
        new_markdown_cell("## Key points\n\n- short"),
    ])


def test_report_mode_hides_code_exercises_stderr_and_widgets():
    page = export_html(executed_nb(), mode="report", title="Lengths")
    assert "jinchang_interview_2022" in page
    assert f'src="data:image/png;base64,{PNG}' in page
    assert "1. The documents" in page
    for hidden in ("show_table_of_lengths", "draw_the_length_chart", "Building prefix dict",
                   "which is longest", "longest_one_solution", "application/vnd.jupyter.widget-view+json"):
        assert hidden not in page, hidden
    assert "Dropdown(options=" in html.unescape(page)  # the widget's static fallback
    assert 'class="highlight' not in page


def test_a_finding_with_nothing_to_say_leaves_no_empty_block():
    # 03 on provinces2026: short_text_caution returns "" when no text is short
    said = new_output("display_data", data={"text/markdown": "Leading theme 经济发展.", "text/plain": ""})
    empty = new_output("display_data", data={"text/markdown": "", "text/plain": "<Markdown object>"})
    nb = new_notebook(cells=[new_code_cell("show()", outputs=[said, empty])])
    for mode in ("report", "full"):
        page = export_html(nb, mode=mode)
        assert "Leading theme" in page and page.count("jp-RenderedMarkdown jp-OutputArea-output") == 1
    assert len(nb.cells[0].outputs) == 2                     # the notebook itself is not changed


def test_data_with_dollar_signs_is_shown_as_written_not_typeset():
    # The page loads no MathJax, so $…$ in a table cell stays text; escaped Markdown keeps it too.
    from policytext.findings import md_escape

    place = r"A$\frac{1}{$省"
    nb = new_notebook(cells=[new_code_cell("x", outputs=[
        new_output("display_data", data={"text/markdown": f"- {md_escape(place)} 增长5%", "text/plain": ""}),
        new_output("display_data", data={"text/html": f"<table><tr><td>{html.escape(place)}</td></tr></table>",
                                         "text/plain": ""})])])
    for mode in ("report", "full"):
        page = export_html(nb, mode=mode)
        assert "mathjax" not in page.lower()
        assert f"<li>{html.escape(place, quote=False)} 增长5%</li>" in page
        assert f"<td>{html.escape(place)}</td>" in page


def test_full_mode_shows_code_and_exercises():
    page = export_html(executed_nb(), mode="full")
    text = html.unescape(page)
    assert "show_table_of_lengths" in text
    assert "which is longest" in text and "longest_one_solution" in text
    assert 'class="highlight' in page
    assert "application/vnd.jupyter.widget-view+json" not in page
    with pytest.raises(ParameterError):
        export_html(executed_nb(), mode="slides")


# ---------------------------------------------------------------- executing (one small kernel each)

def test_render_uses_this_interpreter_static_mode_and_injects_parameters(tmp_path, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")  # the renderer must not pass this to the kernel
    # A "python3" kernelspec for some other Python found first on the Jupyter path must not win.
    fake = tmp_path / "jupyter" / "kernels" / "python3"
    fake.mkdir(parents=True)
    (fake / "kernel.json").write_text('{"argv": ["/nonexistent/python", "-m", "ipykernel_launcher", "-f", '
                                      '"{connection_file}"], "display_name": "other", "language": "python"}')
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    path = make_nb(tmp_path / "nbs", "01-probe.ipynb",
                   "import os, sys\nfrom policytext.notebook import interactive\n"
                   "print('EXE', sys.executable)\nprint('STATIC', os.environ.get('POLICYTEXT_STATIC'), interactive())\n"
                   "print('BACKEND', os.environ.get('MPLBACKEND', 'inline'))\nprint('CITY', city, doc_ids)\n"
                   "print('CWD', os.getcwd())\nimport matplotlib.pyplot\nprint('MPL', matplotlib.get_cachedir())")
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "home"      # nothing of the kernels' may land in the home folder
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    monkeypatch.delenv("IPYTHONDIR", raising=False)
    assert last_seconds(path) is None
    done = render_notebooks("out", params={"city": "金昌市"}, notebooks=[path], progress=False)
    assert [item.name for item in done] == ["01-probe"]
    assert last_seconds(path) == pytest.approx(done[0].seconds, abs=0.01)  # the next render's schedule
    page = html.unescape((tmp_path / "out" / "01-probe.html").read_text(encoding="utf-8"))
    assert f"EXE {sys.executable}" in page
    assert "STATIC 1 False" in page
    assert "BACKEND Agg" not in page
    assert "CITY 金昌市 None" in page
    assert f"CWD {path.parent}" in page  # notebooks run beside themselves
    # matplotlib's font list in policytext's cache folder, IPython's profile in the kernels' folder
    assert f"MPL {os.environ['POLICYTEXT_CACHE']}{os.sep}matplotlib" in page
    assert list(home.iterdir()) == []
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="01-probe.html"' in index and "示例 notebook" in index and "city=金昌市" in index


def test_failing_cell_names_notebook_cell_and_exception(tmp_path, capsys):
    from policytext.cli import main

    path = make_nb(tmp_path / "nbs", "01-broken.ipynb", "x = 1", "y = x + 1\n1 / 0")
    # With a parameter, an injected cell shifts the executed cells: the number must still be the file's.
    code = main(["render", "--out", str(tmp_path / "out"), "--param", "city=金昌市", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "01-broken.ipynb: cell 4 failed: ZeroDivisionError: division by zero" in err
    assert "cell starts: y = x + 1" in err
    assert re.search(r"where:\n +Cell In\[\d+\], line 2: 1 / 0", err), err
    assert not (tmp_path / "out" / "01-broken.html").exists()
    assert issubclass(RenderError, PolicyTextError)


@pytest.mark.parametrize("long_path, transport", [(False, "ipc"), (True, "tcp")])
def test_kernels_talk_over_sockets_named_for_them_and_leave_nothing(tmp_path, monkeypatch, long_path, transport):
    # ipc: no TCP port to race for when several renders start kernels at once (a test run saw
    # "Address already in use"); a temporary folder too long for a socket path falls back to tcp.
    tmp = Path(tempfile.mkdtemp(prefix="pt"))   # short: /tmp/ptXXXXXXXX
    if long_path:
        tmp = tmp / ("t" * 60)
        tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    nbs = tmp_path / "nbs"
    for name in ("01-a.ipynb", "02-b.ipynb"):
        make_nb(nbs, name, "from ipykernel.kernelapp import IPKernelApp\n"
                           "print('TRANSPORT', IPKernelApp.instance().transport)\n"
                           "print('FILE', IPKernelApp.instance().abs_connection_file)")
    done = render_notebooks(tmp_path / "out", folder=nbs, workers=2, progress=False)
    for item in done:
        page = item.html.read_text(encoding="utf-8")
        assert f"TRANSPORT {transport}" in page
        # in a private folder of the render's, named for its process
        assert re.search(f"FILE {re.escape(str(tmp))}/ptk-{os.getpid()}-[^/]+/k[0-9]+\\.json", page)
    left = list(tmp.iterdir())
    shutil.rmtree(tmp.parent if long_path else tmp)
    assert left == []                           # connection files and sockets removed


# ---------------------------------------------------------------- the report folder (no kernels)

def fake_execute(fail_on: str | None = None, exc: type[BaseException] = RuntimeError):
    def execute(path, params, *, timeout, **_):
        if fail_on and path.name.startswith(fail_on):
            raise exc("stopped")
        return new_notebook(cells=[new_markdown_cell(f"# {path.stem} rendered")]), []
    return execute


def render_two(tmp_path, out, monkeypatch, **kwargs):
    nbs = tmp_path / "nbs"
    if not nbs.exists():
        make_nb(nbs, "01-a.ipynb", "x = 1")
        make_nb(nbs, "02-b.ipynb", "x = 2")
    return render_notebooks(out, folder=nbs, progress=False, **kwargs)


def listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_render_writes_a_manifest_and_only_inside_out(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "_execute", fake_execute())
    area = tmp_path / "area"
    area.mkdir()
    done = render_two(tmp_path, area / "out", monkeypatch)
    assert [p.name for p in area.iterdir()] == ["out"]  # no temporary folder left beside it
    names = set(listing(area / "out"))
    assert {"01-a.html", "02-b.html", "index.html", ".policytext-render.json"} <= names
    assert done[0].html == area / "out" / "01-a.html"
    render_two(tmp_path, area / "out", monkeypatch)  # an earlier render may be replaced
    assert [p.name for p in area.iterdir()] == ["out"]


def test_render_refuses_a_folder_of_other_files(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "_execute", fake_execute())
    out = tmp_path / "mine"
    out.mkdir()
    (out / "index.html").write_text("my own page", encoding="utf-8")
    with pytest.raises(RenderError, match=r"mine: folder is not empty and is not an earlier policytext render"):
        render_two(tmp_path, out, monkeypatch)
    assert (out / "index.html").read_text(encoding="utf-8") == "my own page"
    # A user's file added to an earlier render is not deleted either.
    render_two(tmp_path, tmp_path / "rep", monkeypatch)
    (tmp_path / "rep" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(RenderError, match="notes.txt"):
        render_two(tmp_path, tmp_path / "rep", monkeypatch)
    assert (tmp_path / "rep" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_planted_link_is_not_written_through(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "_execute", fake_execute())
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "rep"
    render_two(tmp_path, out, monkeypatch)
    (out / "index.html").unlink()
    (out / "index.html").symlink_to(victim)  # planted where the render writes (a listed name)
    render_two(tmp_path, out, monkeypatch)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (out / "index.html").is_symlink() and "01-a.html" in (out / "index.html").read_text(encoding="utf-8")
    # A linked output folder is refused outright.
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(RenderError, match="link: the output folder is a symbolic link"):
        render_two(tmp_path, tmp_path / "link", monkeypatch)
    assert list((tmp_path / "elsewhere").iterdir()) == []


@pytest.mark.parametrize("exc", [RuntimeError, KeyboardInterrupt])
def test_a_failed_or_interrupted_render_leaves_the_previous_report_whole(tmp_path, monkeypatch, exc):
    monkeypatch.setattr(render, "_execute", fake_execute())
    out = tmp_path / "area" / "rep"
    render_two(tmp_path, out, monkeypatch)
    before = listing(out)
    monkeypatch.setattr(render, "_execute", fake_execute("02", exc))
    with pytest.raises((RenderError, KeyboardInterrupt)):
        render_two(tmp_path, out, monkeypatch, workers=1)
    assert listing(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["rep"]


def test_a_later_render_sweeps_only_the_folders_a_killed_render_left(tmp_path, monkeypatch):
    # A render killed outright leaves its staging folder beside OUT; the next render removes it
    # once it is an hour old. A user's folder with a name of that form stays, whatever its age.
    import time

    from policytext.reportdir import staging

    monkeypatch.setattr(render, "_execute", fake_execute())
    area = tmp_path / "area"
    out = area / "rep"
    killed = [staging(out), staging(out)]   # entered, never left: as if the renders were killed
    old_left, young_left = (render_dir.__enter__() for render_dir in killed)
    mark = ".policytext-render-temporary"   # reportdir.MARK
    mine = {".rep.tmp-notes": ("draft.txt", "draft"), ".rep.old-mybackup": ("notes.txt", "my notes"),
            ".rep.tmp-marked": (mark, "my own file of that name")}
    for folder, (name, text) in mine.items():
        (area / folder).mkdir()
        (area / folder / name).write_text(text, encoding="utf-8")
    hours_ago = time.time() - 2 * 3600
    for folder in [old_left, *(area / name for name in mine)]:
        os.utime(folder, (hours_ago, hours_ago))
    render_two(tmp_path, out, monkeypatch)
    assert not old_left.exists() and young_left.exists()   # the young one may be a running render
    for folder, (name, text) in mine.items():
        assert (area / folder / name).read_text(encoding="utf-8") == text
    assert mark not in listing(out)


def test_kernel_folders_of_renders_that_are_gone_are_removed(tmp_path, monkeypatch):
    # A render killed outright leaves its kernels' connection files (their keys) and sockets in
    # its folder in the temporary folder; a later render removes it once that render's process
    # is gone and an hour has passed. Other folders stay.
    import subprocess
    import time

    monkeypatch.setattr(render, "_execute", fake_execute())
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    mark = (".policytext-render-temporary",
            "policytext render made this temporary folder; a later render removes it if it is left\n")
    folders = {name: tmp_path / "tmp" / name for name in
               (f"ptk-{gone}-killed", f"ptk-{os.getpid()}-running", f"ptk-{gone}-mine", f"ptk-{gone}-young")}
    for name, folder in folders.items():
        folder.mkdir()
        (folder / "k1.json").write_text("{}", encoding="utf-8")
        if not name.endswith("mine"):
            (folder / mark[0]).write_text(mark[1], encoding="utf-8")
        if not name.endswith("young"):
            os.utime(folder, (time.time() - 7200, time.time() - 7200))
    render_two(tmp_path, tmp_path / "rep", monkeypatch)
    assert sorted(p.name for p in (tmp_path / "tmp").iterdir()) == sorted(set(folders) - {f"ptk-{gone}-killed"})


def test_index_says_what_each_notebook_reads_by_default(tmp_path):
    from policytext.render import RenderedNotebook
    from policytext.teaching import index_html

    opening = OPENING + "\n**Data:** by default the bundled corpus `hailar` (eight years). Any selection works.\n"
    path = make_nb(tmp_path / "nbs", "05-probe.ipynb", "x = 1", opening=opening)
    done = [RenderedNotebook("05-probe", path, tmp_path / "05-probe.html", 1.0)]
    page = index_html(done, {}, "static")
    assert "<th>Data</th>" in page and "Default parameters: each notebook reads the data its row names." in page
    assert "<td>by default the bundled corpus <code>hailar</code> (eight years).</td>" in page
    assert "Any selection" not in page                  # the first sentence only
    # With data parameters every page reads the selection the subtitle names: no column.
    page = index_html(done, {"corpus": "provinces2026"}, "static")
    assert "<th>Data</th>" not in page and "corpus=provinces2026" in page


def test_a_flag_parameter_is_a_flag_and_strict_false_reads_a_file_without_a_row(tmp_path):
    # "--param strict=False" was the string "False", which is true; and an unlisted report stopped
    # a render with advice (strict=False) that a render could not follow
    path = make_nb(tmp_path, "01-a.ipynb", "x = 1")
    nb = nbformat.read(path, as_version=4)
    nb.cells[1] = new_code_cell(PARAMS + "strict = True\n", metadata={"tags": ["parameters"]})
    nbformat.write(nb, path)
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "a.txt").write_text("某市政府工作报告\n地区生产总值增长6%。\n", encoding="utf-8")
    (folder / "b.txt").write_text("某市政府工作报告\n地区生产总值增长7%。\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("id,file,place\na,a.txt,甲市\n", encoding="utf-8")
    with pytest.raises(RenderError, match=r"no metadata row for b\.txt.*a render: --param strict=False"):
        validate_params({"corpus_path": str(folder)}, [path])
    for written in ("False", "no", "0"):
        with pytest.warns(UserWarning, match=r"b\.txt: no metadata row; metadata taken from its text"):
            assert validate_params({"corpus_path": str(folder), "strict": written}, [path])["strict"] is False
    assert validate_params({"strict": "true"}, [path])["strict"] is True
    with pytest.raises(RenderError, match="parameter strict=maybe: expected True or False"):
        validate_params({"strict": "maybe"}, [path])
