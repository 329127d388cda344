"""The notebook runtime: what a notebook calls while it runs (live in Jupyter or rendered).

- `setup_notebook()`: plot defaults for a session (CJK font, one layout pass, figure cache).
- `interactive()`: True in a live kernel, False when rendering to static HTML.
- `explore(func, **choices)`: a view with a dropdown per choice when live, the default view when static.
- `explore_term(toks, term=...)`: keywords in context + dispersion, with a term box when live.

Live controls REPLACE their view: each view is drawn into one ipywidgets Output that is
cleared (wait=True) before the next view is drawn, so changing a control never stacks a
second table or figure under the first. Static renders (POLICYTEXT_STATIC=1, set by
`policytext render`) show the default view as ordinary output and create no widget.

This module sits above the analysis modules (plots, frequency) and below the renderer;
the analysis modules never import it.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Sequence

from .errors import InputWarning, ParameterError

__all__ = ["STATIC_ENV", "interactive", "explore", "explore_term", "setup_notebook"]

STATIC_ENV = "POLICYTEXT_STATIC"


def interactive() -> bool:
    """True in a live Jupyter kernel; False when rendering to static HTML or outside Jupyter.

    The renderer sets POLICYTEXT_STATIC=1 in the kernel's environment; set it
    yourself to see in JupyterLab what a rendered report will show.
    """
    if os.environ.get(STATIC_ENV, "").strip() not in ("", "0"):
        return False
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _show_result(result: Any) -> None:
    """Display what a view function returned (a table, a Figure ...), closing figures after."""
    from IPython.display import display

    if result is None:
        return
    display(result)
    if type(result).__name__ == "Figure":
        import matplotlib.pyplot as plt

        plt.close(result)  # else the inline backend would show it a second time


def _live_view(draw: Callable[..., Any], controls: dict, initial: dict, header: Sequence = ()):
    """One Output under the controls; every change clears it (wait=True) and draws anew."""
    import ipywidgets as widgets
    from IPython.display import display
    from ipywidgets.widgets.interaction import show_inline_matplotlib_plots

    out = widgets.Output()

    def redraw(**values) -> None:
        out.clear_output(wait=True)  # wait: no flicker, and the old view goes before the new one shows
        with out:
            draw(**values)
            # A figure drawn but neither returned nor shown would wait for the end of a cell,
            # which a widget callback never reaches (ipywidgets' interact does the same).
            show_inline_matplotlib_plots()

    def on_change(_change=None) -> None:
        redraw(**{name: control.value for name, control in controls.items()})

    for control in controls.values():
        control.observe(on_change, names="value")
    box = widgets.VBox([*header, *controls.values(), out])
    display(box)  # first, so the front end knows the Output before anything is drawn into it
    redraw(**initial)
    return box


def explore(func: Callable, /, **choices: Iterable) -> Any:
    """Show `func` for its default choices; in a live kernel add a picker per choice.

    Each keyword is a list of options, the first being the default, e.g.
    ``explore(show_city, city=[None, "金昌市", "嘉峪关市"])``. An option may be a
    (label, value) pair. Static renders call ``func`` once with the defaults and
    return its result, so the page shows an ordinary table or figure, never a
    widget. In a live kernel the controls and one view are displayed, the view
    replaced on every change, and None is returned.
    """
    options = {name: list(values) for name, values in choices.items()}
    for name, values in options.items():
        if not values:
            raise ParameterError(f"explore: choice {name!r} has no options")
    defaults = {name: _option_value(values[0]) for name, values in options.items()}
    if not interactive():
        return func(**defaults)
    import ipywidgets as widgets

    # The dropdowns hold option numbers: a value of None means "nothing selected" to ipywidgets,
    # so the "(all)" option (None) could not be told from no selection.
    controls = {name: widgets.Dropdown(options=[(_option_pair(v)[0], i) for i, v in enumerate(values)],
                                       value=0, description=name)
                for name, values in options.items()}

    def draw(**chosen: int) -> None:
        _show_result(func(**{name: _option_value(options[name][i]) for name, i in chosen.items()}))

    _live_view(draw, controls, {name: 0 for name in options})
    return None  # returning the box would display it a second time


def _option_value(option: Any) -> Any:
    return option[1] if isinstance(option, tuple) else option


def _option_pair(option: Any) -> tuple[str, Any]:
    if isinstance(option, tuple):
        return str(option[0]), option[1]
    return ("(all)" if option is None else str(option), option)


def explore_term(toks, *, term: str = "高质量发展", options: Sequence[str] | None = None,
                 docs: Iterable[str] | None = None, window: int = 8, rows: int = 8, corpus=None):
    """term -> keywords in context + dispersion; a text box to try other terms.

    The table shows the first occurrences in the reports of ``docs`` (those of the x-ray; all reports
    when None, or when the term is in none of them).
    Static (rendered, or outside a kernel): the default term's view is displayed as
    ordinary output and None is returned. Live with ipywidgets: a Combobox (suggesting
    `options`) above one view that each typed term replaces; returns the widget box.
    """
    from IPython.display import display

    docs = list(docs) if docs is not None else None     # read twice: the table and the x-ray

    def show(word: str) -> None:
        from .frequency import kwic
        from .plots import textplot_xray
        from .tables import style_table

        word = (word or "").strip()
        if not word:
            return
        table = kwic(toks, word, window=window, corpus=corpus)
        if table.empty:             # said once, as a report section with nothing to show
            from IPython.display import Markdown

            from .findings import md_escape, nothing_to_show
            display(Markdown(nothing_to_show(f"contexts of {md_escape(word)}",
                                             "it does not occur in the selected reports")))
            return
        # the reports the x-ray below shows (docs), the first occurrences in each
        chosen = table[table["doc"].isin(docs)] if docs is not None else table
        shown = (chosen if len(chosen) else table).groupby("doc", sort=False).head(max(1, rows // 2)).head(rows)
        display(style_table(shown[["doc", "part", "start", "pre", "keyword", "post"]],  # no gappy index
                            caption=f"The first occurrences of {word} per report, in context (up to {rows}; "
                                    "start = character offset in the file, a line end counted as one)"))
        _show_result(textplot_xray(toks, [word], docs=docs, corpus=corpus))

    def show_term(term: str) -> None:
        show(term)

    if not interactive():
        show(term)
        return None
    try:
        import ipywidgets as widgets
    except ImportError:
        show(term)
        return None
    box = widgets.Combobox(value=term, options=list(options or []), description="term",
                           ensure_option=False, continuous_update=False)
    label = widgets.HTML("Type a term to see its contexts and where it occurs:")
    return _live_view(show_term, {"term": box}, {"term": term}, header=[label])


def setup_notebook() -> None:
    """Plot defaults for a notebook session: the CJK font, one layout pass per figure,
    and unchanged textplot figures shown from the disk cache (see policytext.figures).

    Every textplot_* lays itself out (a tight layout engine), so IPython's inline backend
    need not compute a tight bounding box again when it displays the figure: that
    second pass redrew every figure and was a third of each plotting cell's time.
    Figures you draw yourself should call fig.tight_layout() (or pass
    layout="constrained") so their labels are not clipped.
    """
    from .figures import install_png_cache
    from .fonts import use_cjk_font

    use_cjk_font()
    _warnings_for_readers()
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing to configure
        return
    shell = get_ipython()
    if shell is not None:
        import matplotlib.pyplot  # noqa: F401  (activates the inline backend, so it can be configured)

        shell.run_line_magic("config", "InlineBackend.print_figure_kwargs = {'bbox_inches': None}")
        install_png_cache(shell)  # after %config, which re-registers the inline formatter


def _warnings_for_readers() -> None:
    """An InputWarning (a file skipped, two copies of one report, a place written two ways …)
    shows in the cell's output as a note, `policytext: …`, which the HTML report keeps: it drops
    stderr, where Python prints warnings. Another warning of policytext's (an unusable cache
    folder) prints as one line `policytext: …`, not with the path and line of policytext's code;
    other warnings keep Python's format."""
    import warnings
    from pathlib import Path

    if getattr(warnings.showwarning, "policytext", False):
        return
    package, show, fmt = str(Path(__file__).resolve().parent), warnings.showwarning, warnings.formatwarning

    def showwarning(message, category, filename, lineno, file=None, line=None):
        if not (issubclass(category, InputWarning) and _shown_as_note(f"policytext: {message}")):
            show(message, category, filename, lineno, file, line)

    def formatwarning(message, category, filename, lineno, line=None):
        if str(filename).startswith(package) or issubclass(category, InputWarning):
            return f"policytext: {message}\n"
        return fmt(message, category, filename, lineno, line)

    showwarning.policytext = formatwarning.policytext = True
    warnings.showwarning, warnings.formatwarning = showwarning, formatwarning


def _shown_as_note(text: str) -> bool:
    """Display ``text`` as a Markdown note in a notebook's output; False outside a notebook."""
    try:
        from IPython import get_ipython
        from IPython.display import Markdown, display
    except ImportError:
        return False
    if get_ipython() is None:
        return False
    from .findings import md_escape

    display(Markdown(f"*{md_escape(text)}*"))
    return True
