"""policytext.notebook, the notebook runtime: live or static, explore, explore_term, setup_notebook.

Live views are checked without a browser: ipywidgets.Output is replaced by a recording
Output, and IPython's display() by a recorder that files each displayed object under the
Output it was displayed in. A changed control must REPLACE the view, never add a second one.
"""
import contextlib
import io

import matplotlib

matplotlib.use("Agg")
import ipywidgets  # noqa: E402
import pytest  # noqa: E402

from policytext import corpus, notebook  # noqa: E402
from policytext.errors import ParameterError  # noqa: E402
from policytext.notebook import explore, explore_term, interactive  # noqa: E402


class Screen:
    """What a front end would show: top-level displays, and each Output's current items."""

    def __init__(self):
        self.top: list = []
        self.active: list = []
        self.outputs: list = []


@pytest.fixture
def live(monkeypatch):
    screen = Screen()

    class RecordingOutput(ipywidgets.Output):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.items: list = []
            self._stdout = None
            screen.outputs.append(self)

        def clear_output(self, *, wait=False):
            self.items = []

        def __enter__(self):
            screen.active.append(self)
            self._stdout = contextlib.redirect_stdout(io.StringIO())
            self._buffer = self._stdout.__enter__()

        def __exit__(self, *exc):
            self._stdout.__exit__(*exc)
            printed = self._buffer.getvalue()
            if printed:
                self.items.append(printed.strip())
            screen.active.pop()
            return False

    def display(*objs, **kwargs):
        target = screen.active[-1].items if screen.active else screen.top
        target.extend(objs)

    import IPython.display

    monkeypatch.setattr(ipywidgets, "Output", RecordingOutput)
    monkeypatch.setattr(IPython.display, "display", display)
    monkeypatch.setattr(notebook, "interactive", lambda: True)
    return screen


# ---------------------------------------------------------------- live or static

def test_interactive_is_false_when_static_or_outside_a_kernel(monkeypatch):
    import IPython

    class FakeShell:
        kernel = object()

    monkeypatch.delenv("POLICYTEXT_STATIC", raising=False)
    assert interactive() is False  # pytest is not a kernel
    monkeypatch.setattr(IPython, "get_ipython", lambda: FakeShell())
    assert interactive() is True
    monkeypatch.setenv("POLICYTEXT_STATIC", "1")
    assert interactive() is False


def test_explore_static_calls_with_the_first_options(monkeypatch):
    monkeypatch.setenv("POLICYTEXT_STATIC", "1")
    calls = []
    result = explore(lambda city, n: calls.append((city, n)) or f"{city}:{n}",
                     city=[("全部", None), ("金昌", "金昌市")], n=[3, 5])
    assert calls == [(None, 3)]
    assert result == "None:3"
    with pytest.raises(ParameterError, match="city"):
        explore(lambda city: None, city=[])


def test_explore_live_replaces_its_view_on_every_change(live):
    assert explore(lambda place, n: f"view {place} {n}", place=[None, "金昌市", "嘉峪关市"], n=[3, 5]) is None
    assert len(live.top) == 1 and len(live.outputs) == 1  # one box with one view
    box = live.top[0]
    place, n, out = box.children
    assert isinstance(place, ipywidgets.Dropdown) and place.label == "(all)" and place.index == 0
    assert out.items == ["view None 3"]
    place.label = "金昌市"
    assert out.items == ["view 金昌市 3"]
    n.label = "5"
    place.label = "嘉峪关市"
    assert out.items == ["view 嘉峪关市 5"]  # replaced, not stacked under the earlier views
    place.label = "(all)"  # None is an option like any other, not "no selection"
    assert out.items == ["view None 5"]
    assert len(live.top) == 1 and len(live.outputs) == 1


def test_explore_term_static_shows_the_default_view(monkeypatch, capsys):
    monkeypatch.setenv("POLICYTEXT_STATIC", "1")  # as when rendering to HTML: no widget
    c = corpus({"a": "推进乡村振兴,发展产业链。", "b": "产业链延链补链,推进乡村振兴。"})
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objs, **kw: shown.extend(objs))
    assert explore_term(c, term="产业链") is None
    table, figure = shown  # the kwic table (styled for reading, no index) and the x-ray
    assert "产业链" in table.to_html() and "row_heading" not in table.to_html()
    assert type(figure).__name__ == "Figure"
    shown.clear()
    # the table shows the reports the x-ray does (docs), with the offsets (pages audit: it showed the
    # first reports of the corpus, beside an x-ray of two others, without offsets)
    c3 = corpus({"a": "发展产业链。", "b": "推进乡村振兴,产业链延链补链。", "c": "产业链产业链。"})
    assert explore_term(c3, term="产业链", docs=(d for d in ["c", "b"])) is None
    table, figure = shown
    data = table.data
    assert list(data["doc"]) == ["b", "c", "c"] and list(data["start"]) == [7, 0, 3]
    assert [ax.get_ylabel() for ax in figure.axes] == ["c · 产业链", "b · 产业链"]
    shown.clear()
    assert explore_term(c, term="不存在*") is None
    (said,) = shown          # one sentence, no table or figure, nothing printed
    assert said.data == ("*Nothing to show for this selection: contexts of 不存在\\* — it does "
                         "not occur in the selected reports.*")
    assert capsys.readouterr().out == ""


def test_explore_term_live_replaces_the_default_view(live):
    c = corpus({"a": "推进乡村振兴,发展产业链。", "b": "产业链延链补链,推进乡村振兴。"})
    box = explore_term(c, term="产业链", options=["乡村振兴"])
    assert live.top == [box]  # nothing drawn outside the box
    term, out = box.children[1], box.children[2]

    def keywords():
        return [set(item.data["keyword"]) for item in out.items if hasattr(item, "data")]  # styled kwic tables

    assert keywords() == [{"产业链"}] and len(out.items) == 2  # table + x-ray
    term.value = "乡村振兴"
    assert keywords() == [{"乡村振兴"}] and len(out.items) == 2
    term.value = "不存在"
    assert [item.data for item in out.items] == [
        "*Nothing to show for this selection: contexts of 不存在 — it does not occur in the "
        "selected reports.*"]
    assert live.top == [box] and len(live.outputs) == 1


def test_setup_notebook_registers_the_cjk_font_outside_ipython():
    from policytext.fonts import cjk_font_name
    from policytext.notebook import setup_notebook

    setup_notebook()  # no IPython shell here: only the font is set up
    assert matplotlib.rcParams["font.sans-serif"][0] == cjk_font_name()


def test_after_setup_a_warning_about_the_input_is_one_line(tmp_path, monkeypatch):
    import warnings

    from policytext.corpus import load_files
    from policytext.notebook import setup_notebook

    monkeypatch.setattr(warnings, "formatwarning", warnings.formatwarning)   # restored afterwards
    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)
    setup_notebook()
    path = tmp_path / "lossy.txt"
    path.write_text("地区生产总\ufffd增长5%。", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_files([path])
        warnings.warn("someone else's warning")
    shown = [warnings.formatwarning(w.message, w.category, w.filename, w.lineno) for w in caught]
    assert shown[0] == f"policytext: {path}: holds 1 replacement character(s) U+FFFD (first on line 1): " \
        "a program that saved it could not decode some characters, and they are lost\n"
    assert shown[1].startswith(__file__) and "UserWarning: someone else's warning" in shown[1]


def test_in_a_real_kernel_a_warning_about_the_input_is_a_note_the_report_keeps(tmp_path):
    # the HTML report drops stderr, where Python prints warnings: a reader would never see that
    # two files hold one report
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("海拉尔区政府工作报告\n地区生产总值增长8%。\n", encoding="utf-8")
    code = ("from policytext import load_corpus\nfrom policytext.notebook import setup_notebook\n"
            f"setup_notebook()\nc = load_corpus({str(tmp_path)!r})\nimport warnings\nwarnings.warn('not ours')")
    nb = new_notebook(cells=[new_code_cell(code)],
                      metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}})
    NotebookClient(nb, kernel_name="python3", timeout=180,
                   extra_arguments=["--IPKernelApp.log_level=ERROR"]).execute()
    notes = [o["data"]["text/markdown"] for o in nb.cells[0].outputs if o.output_type == "display_data"]
    assert notes == [r"*policytext: a \(a\.txt\) and b \(b\.txt\) hold the same text: every table counts it "
                     r"twice \(remove one, or keep both on purpose\)*"]
    stderr = "".join(o.get("text", "") for o in nb.cells[0].outputs if o.get("name") == "stderr")
    assert "UserWarning: not ours" in stderr and "same text" not in stderr     # other warnings as before


def test_in_a_real_kernel_a_changed_control_replaces_the_view(monkeypatch):
    """End to end: nbclient keeps each Output widget's outputs as a front end would."""
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook

    first = ("from policytext import corpus\nfrom policytext.notebook import explore, explore_term\n"
             "c = corpus({'a': '推进乡村振兴,发展产业链。', 'b': '产业链延链补链,推进乡村振兴。'})\n"
             "explore(lambda n: print(f'view {n}'), n=[1, 2, 3])\n"
             "term_box = explore_term(c, term='产业链')")
    second = ("import warnings\nimport ipywidgets\nwarnings.simplefilter('ignore', DeprecationWarning)\n"
              "boxes = [w for w in ipywidgets.Widget.widgets.values() if isinstance(w, ipywidgets.VBox)]\n"
              "dropdown = next(b for b in boxes if isinstance(b.children[0], ipywidgets.Dropdown)).children[0]\n"
              "dropdown.index = 2\ndropdown.index = 1\n"
              "term_box.children[1].value = '乡村振兴'\nterm_box.children[1].value = '不存在'")
    nb = new_notebook(cells=[new_code_cell(first), new_code_cell(second)],
                      metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}})
    monkeypatch.delenv("POLICYTEXT_STATIC", raising=False)
    monkeypatch.delenv("MPLBACKEND", raising=False)
    NotebookClient(nb, kernel_name="python3", timeout=180,
                   extra_arguments=["--IPKernelApp.log_level=ERROR"]).execute()
    shown = [o for o in nb.cells[0].outputs if o.output_type != "stream" or o.name != "stderr"]
    assert [o.output_type for o in shown] == ["display_data", "display_data"]  # two boxes, nothing else
    assert nb.cells[1].outputs == []
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    views = [m["state"].get("outputs", []) for m in state.values() if m["model_name"] == "OutputModel"]
    texts = sorted("".join(o.get("text", "") or o.get("data", {}).get("text/markdown", "")
                           for o in outputs) for outputs in views)
    assert texts == ["*Nothing to show for this selection: contexts of 不存在 — it does not occur "
                     "in the selected reports.*", "view 2\n"]
