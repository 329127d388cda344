"""Figure picture cache: keys follow the inputs, unchanged figures are not drawn twice."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from policytext.figures import KEY_ATTRIBUTE, figure_key, install_png_cache  # noqa: E402
from policytext.plots import textplot_frequency  # noqa: E402

FREQ = pd.DataFrame({"feature": ["高质量发展", "乡村振兴"], "count": [5, 3], "group": ["嘉峪关市", "嘉峪关市"]})


def test_key_follows_the_content_of_the_arguments():
    same = figure_key("f", (FREQ.copy(),), {"n": 5})
    assert same == figure_key("f", (FREQ,), {"n": 5})
    changed = FREQ.assign(count=[5, 4])
    assert figure_key("f", (changed,), {"n": 5}) != same
    assert figure_key("f", (FREQ,), {"n": 6}) != same
    assert figure_key("g", (FREQ,), {"n": 5}) != same


def test_key_of_a_table_with_lists_in_its_cells_follows_them():
    # textstat_implied_growth's stated_values hold a list a row
    table = pd.DataFrame({"implied_growth": [8.5, 6.1], "stated_values": [[7.0], []]})
    key = figure_key("f", (table,), {})
    assert key is not None and key == figure_key("f", (table.copy(),), {})
    other = table.copy()
    other.at[1, "stated_values"] = [6.0]
    assert figure_key("f", (other,), {}) != key


def test_key_follows_matplotlib_settings():
    before = figure_key("f", (FREQ,), {})
    with matplotlib.rc_context({"figure.dpi": 50}):
        assert figure_key("f", (FREQ,), {}) != before


def test_every_textplot_function_is_stamped():
    # a helper written between @cached_figure and its textplot_* took the decorator once
    # (keyness._short_label): every figure-making function must carry it, and nothing else
    import importlib
    import pkgutil

    import policytext
    from policytext import figures

    wrapper_code = figures.cached_figure(lambda: None).__code__     # shared by every wrapper
    stamped, plain = [], []
    for info in pkgutil.iter_modules(policytext.__path__):
        if info.name == "__main__":
            continue
        module = importlib.import_module(f"policytext.{info.name}")
        for name, obj in vars(module).items():
            if callable(obj) and getattr(obj, "__module__", None) == module.__name__:
                (stamped if getattr(obj, "__code__", None) is wrapper_code else plain).append(name)
    assert {n for n in plain if n.startswith("textplot_")} == set()
    assert {n for n in stamped if not n.startswith("textplot_")} == set()
    assert "textplot_keyness" in stamped


def test_an_axes_argument_turns_the_cache_off():
    fig, ax = plt.subplots()
    assert figure_key("f", (FREQ,), {"ax": ax}) is None
    plt.close(fig)


def test_textplot_figures_are_stamped_and_turn_stale_when_changed():
    fig = textplot_frequency(FREQ, n=2)
    assert getattr(fig, KEY_ATTRIBUTE) and not fig.stale
    fig.axes[0].set_title("新标题")
    assert fig.stale
    plt.close(fig)


@pytest.fixture
def shell_and_draws(monkeypatch):
    from IPython.core import pylabtools
    from IPython.core.interactiveshell import InteractiveShell

    draws = []
    real = pylabtools.print_figure

    def counting(fig, *args, **kwargs):
        draws.append(fig)
        return real(fig, *args, **kwargs)

    monkeypatch.setattr(pylabtools, "print_figure", counting)
    shell = InteractiveShell.instance()
    install_png_cache(shell)
    yield shell, draws
    InteractiveShell.clear_instance()


def test_unchanged_figure_is_shown_from_the_cache_and_a_changed_one_is_drawn(shell_and_draws):
    shell, draws = shell_and_draws
    first = shell.display_formatter.format(textplot_frequency(FREQ, n=2))[0]["image/png"]
    again = shell.display_formatter.format(textplot_frequency(FREQ, n=2))[0]["image/png"]
    assert again == first and len(draws) == 1  # second display came from the disk cache
    changed = textplot_frequency(FREQ, n=2)
    changed.axes[0].set_title("改了")
    assert shell.display_formatter.format(changed)[0]["image/png"] != first
    assert len(draws) == 2
    plt.close("all")
