"""Teaching material generated from the notebooks: which notebooks there are, their opening
cells, the table of contents (index page, start-here notebook, README table) and student copies.

`notebook_index()` reads each notebook's opening cell (``# Title``, ``**Question:**``,
``**Minutes:**`` ...) into a table; the index page, the start-here notebook and the README
table (``python -m policytext.teaching --readme-table``) are all generated from it.
Student copies (`write_student_copies`) replace every cell tagged `solution` by a placeholder.

This module reads and writes notebook files only; executing them is `policytext.render`'s job.
"""
from __future__ import annotations

import copy
import html
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

from .errors import RenderError

__all__ = [
    "NOTEBOOKS_DIR", "NOTEBOOK_GLOB", "SOLUTION_PLACEHOLDER", "STUDENT_DIR",
    "notebook_paths", "read_notebook", "notebook_header", "notebook_index", "readme_table",
    "student_copy", "student_copies", "write_student_copies", "index_html", "DATA_PARAMS",
]

# Parameters that select the documents a notebook reads.
DATA_PARAMS = ("corpus", "corpus_path", "city", "doc_ids")

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
SOLUTION_PLACEHOLDER = "# Your answer here\n"
STUDENT_DIR = "student-copies"


# ---------------------------------------------------------------- finding notebooks

def notebook_paths(notebooks: Iterable[str | Path] | None = None, *,
                   folder: str | Path | None = None) -> list[Path]:
    """The numbered notebooks to render, sorted; names may be paths, "01", "01-corpus" or file names."""
    folder = Path(folder) if folder is not None else NOTEBOOKS_DIR
    available = sorted(folder.glob(NOTEBOOK_GLOB))
    if notebooks is None:
        if not available:
            raise RenderError(f"{folder}: no notebooks named NN-topic.ipynb")
        return available
    chosen = []
    for name in notebooks:
        path = Path(name)
        if path.suffix == ".ipynb" and path.is_file():
            chosen.append(path.resolve())
            continue
        stem = path.name.removesuffix(".ipynb")
        matches = [p for p in available if p.stem == stem or p.stem.split("-", 1)[0] == stem]
        if len(matches) != 1:
            names = ", ".join(p.name for p in available) or "none"
            raise RenderError(f"no notebook {str(name)!r}; available in {folder}: {names}")
        chosen.append(matches[0])
    return sorted(dict.fromkeys(chosen), key=lambda p: p.name)


def read_notebook(path: str | Path):
    """The notebook at `path` (nbformat v4); RenderError naming the file when it is not one."""
    import nbformat

    try:
        return nbformat.read(path, as_version=4)
    except Exception as exc:  # nbformat raises several kinds for broken JSON
        raise RenderError(f"{path}: not a readable notebook ({exc})") from exc




# ---------------------------------------------------------------- opening cell, table of contents

_FIELD = re.compile(r"^\s*\*\*(?P<key>[A-Za-z ]+):\*\*\s*(?P<value>.*)$")


def _markdown_cells(nb_or_path) -> list[str]:
    if isinstance(nb_or_path, (str, Path)):
        # Plain JSON: nbformat's schema validation costs about a second per call in a kernel.
        try:
            cells = json.loads(Path(nb_or_path).read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError) as exc:
            raise RenderError(f"{nb_or_path}: not a readable notebook ({exc})") from exc
    else:
        cells = nb_or_path.cells
    sources = [cell["source"] for cell in cells if cell["cell_type"] == "markdown"]
    return ["".join(src) if isinstance(src, list) else src for src in sources]


def notebook_header(nb_or_path) -> dict[str, Any]:
    """Title, question, objectives, minutes, prerequisites and data from the opening markdown cell."""
    markdown = _markdown_cells(nb_or_path)
    first = markdown[0] if markdown else None
    header: dict[str, Any] = {"title": None, "question": None, "objectives": None, "minutes": None,
                              "prerequisites": None, "data": None}
    if first is None:
        return header
    key = None
    for line in first.splitlines():
        if line.startswith("# ") and header["title"] is None:
            header["title"] = line[2:].strip()
            continue
        match = _FIELD.match(line)
        if match:
            key = match["key"].strip().lower()
            header[key] = match["value"].strip()
        elif key and line.strip():  # a bullet list under **Objectives:** etc.
            header[key] = (header.get(key) or "") + ("\n" if header.get(key) else "") + line.strip()
    if header["minutes"] is not None:
        digits = re.search(r"\d+", str(header["minutes"]))
        header["minutes"] = int(digits.group()) if digits else None
    return header


def notebook_index(folder: str | Path | None = None) -> pd.DataFrame:
    """One row per numbered notebook: number, notebook, title, minutes, question (from its opening cell)."""
    rows = []
    for path in notebook_paths(folder=folder):
        head = notebook_header(path)
        rows.append({"number": path.name[:2], "notebook": path.name, "title": head["title"],
                     "minutes": head["minutes"], "question": head["question"]})
    return pd.DataFrame(rows, columns=["number", "notebook", "title", "minutes", "question"])


def readme_table(folder: str | Path | None = None, *, link_prefix: str = "notebooks/") -> str:
    """The notebook table for README.md, as Markdown."""
    def cell(text) -> str:
        return " ".join(str(text or "").split()).replace("|", "\\|")

    lines = ["| # | Notebook | Minutes | Question |", "| --- | --- | --- | --- |"]
    for row in notebook_index(folder).itertuples():
        minutes = "" if pd.isna(row.minutes) else int(row.minutes)
        lines.append(f"| {row.number} | [{cell(row.title)}]({link_prefix}{row.notebook}) | "
                     f"{minutes} | {cell(row.question)} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the index page of a render

def _data_cell(head: Mapping[str, Any]) -> str:
    """The first sentence of a notebook's **Data:** line, `code` as <code>: what it reads by
    default (notebook 05 reads a bundled corpus, the others the seeds)."""
    data = " ".join((head.get("data") or "").split())
    first = re.match(r".*?[.。](?=\s|$)|.*", data).group()
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(first))


def index_html(rendered, params: Mapping[str, Any], mode: str, *, font_css: str = "") -> str:
    """The index page of a render: one row per rendered notebook (number, link, minutes, question
    and, without data parameters, the data it reads by default); ``rendered`` items have name,
    source and html (render.RenderedNotebook)."""
    # Without data parameters, each page reads its own default: the index says which.
    by_default = not any(params.get(key) is not None for key in DATA_PARAMS)
    rows = []
    for item in rendered:
        head = notebook_header(item.source)
        data = f"<td>{_data_cell(head)}</td>" if by_default else ""
        rows.append(
            "<tr><td>{num}</td><td><a href=\"{href}\">{title}</a></td><td>{minutes}</td><td>{q}</td>{data}</tr>".format(
                num=html.escape(item.name[:2]), href=html.escape(item.html.name if item.html else ""),
                title=html.escape(head["title"] or item.name), minutes=head["minutes"] or "",
                q=html.escape(head["question"] or ""), data=data))
    shown = ", ".join(f"{k}={v if not isinstance(v, list) else ','.join(v)}" for k, v in params.items()
                      if v is not None)
    subtitle = (f"Parameters: {html.escape(shown)}" if shown else "Default parameters" +
                (": each notebook reads the data its row names" if by_default else ""))
    data_head = "<th>Data</th>" if by_default else ""
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>policytext reports</title>
{font_css}<style>body{{font-family:"policytext-cjk",sans-serif;max-width:60em;margin:2em auto}}td,th{{padding:.3em .8em;text-align:left;
vertical-align:top}}tr:nth-child(even){{background:#f4f4f4}}</style></head>
<body><h1>policytext reports</h1>
<p>{subtitle}. Mode: {html.escape(mode)}.</p>
<table><thead><tr><th>#</th><th>Notebook</th><th>Minutes</th><th>Question</th>{data_head}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""


# ---------------------------------------------------------------- exercises

CHALLENGE = "> **Challenge:**"      # how a challenge's prompt cell starts; its solution follows


def is_challenge(cell) -> bool:
    return cell.cell_type == "markdown" and cell.source.lstrip().startswith(CHALLENGE)


def without_idle_challenges(nb) -> Any:
    """An executed notebook without the challenges (prompt and solution) of a section that showed
    nothing but "nothing to show" for this selection: such a section says so once, and a
    challenge about what it did not show would be a second sentence about nothing."""
    from .findings import nothing_to_show

    marker = nothing_to_show("", "").split(":")[0]
    nb = copy.deepcopy(nb)
    cells, said_nothing, shown, dropping = [], False, False, False
    for cell in nb.cells:
        if cell.cell_type == "markdown" and re.match(r"#{1,2} ", cell.source.lstrip()):
            said_nothing = shown = False            # a new section
        if is_challenge(cell):
            dropping = said_nothing and not shown
        elif dropping and cell.cell_type == "markdown":
            dropping = False
        if dropping:
            continue
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            text = "".join(output.get("data", {}).get("text/markdown", ""))
            if marker in text:
                said_nothing = True
            elif output.get("output_type") != "stream" or output.get("name") != "stderr":
                shown = True
        cells.append(cell)
    nb.cells = cells
    return nb


# ---------------------------------------------------------------- student copies

def student_copy(nb) -> Any:
    """The notebook without its solutions: each `solution` cell's code becomes a placeholder."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "code" and "solution" in tags:
            cell.source = SOLUTION_PLACEHOLDER
            cell.metadata["tags"] = [t if t != "solution" else "exercise" for t in tags]
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def student_copies(folder: str | Path | None = None) -> dict[Path, str]:
    """{path of each student copy: its text}, generated in memory from the numbered notebooks.

    Copies live in NOTEBOOKS/student-copies/ (the render glob does not look there).
    """
    import nbformat

    folder = Path(folder) if folder is not None else NOTEBOOKS_DIR
    target = folder / STUDENT_DIR
    return {target / path.name: nbformat.writes(student_copy(read_notebook(path))) + "\n"
            for path in notebook_paths(folder=folder)}


def write_student_copies(folder: str | Path | None = None) -> list[Path]:
    """Write the student copies; delete copies whose notebook is gone. Returns the paths written."""
    copies = student_copies(folder)
    target = (Path(folder) if folder is not None else NOTEBOOKS_DIR) / STUDENT_DIR
    target.mkdir(parents=True, exist_ok=True)
    for stale in set(target.glob("*.ipynb")) - set(copies):
        stale.unlink()
    for path, text in copies.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return sorted(copies)


def _main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m policytext.teaching", description=__doc__.splitlines()[0])
    parser.add_argument("--readme-table", action="store_true", help="print the notebook table for README.md")
    args = parser.parse_args(argv)
    if args.readme_table:
        sys.stdout.write(readme_table())
        return 0
    parser.print_help()
    return 0



if __name__ == "__main__":
    sys.exit(_main())
