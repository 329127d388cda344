"""policytext.teaching: finding the notebooks, their opening cells, the index, student copies."""
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from test_render import OPENING, make_nb

from policytext.errors import RenderError
from policytext.teaching import (
    notebook_header, notebook_index, notebook_paths, readme_table, student_copies, student_copy,
    without_idle_challenges, write_student_copies,
)


# ---------------------------------------------------------------- finding notebooks, headers, index

def test_notebook_paths_resolves_numbers_and_names_and_skips_other_files(tmp_path):
    make_nb(tmp_path, "01-corpus.ipynb", "x = 1")
    make_nb(tmp_path, "02-terms.ipynb", "x = 2")
    make_nb(tmp_path, "scratch.ipynb", "x = 3")
    make_nb(tmp_path / "student-copies", "01-corpus.ipynb", "x = 1")
    assert [p.name for p in notebook_paths(folder=tmp_path)] == ["01-corpus.ipynb", "02-terms.ipynb"]
    assert [p.name for p in notebook_paths(["02", "01-corpus.ipynb"], folder=tmp_path)] == [
        "01-corpus.ipynb", "02-terms.ipynb"]
    with pytest.raises(RenderError, match="01-corpus.ipynb, 02-terms.ipynb"):
        notebook_paths(["07"], folder=tmp_path)


def test_notebook_header_reads_the_opening_cell(tmp_path):
    head = notebook_header(make_nb(tmp_path, "01-a.ipynb"))
    assert head["title"] == "示例 notebook"
    assert head["question"] == "How long is each report?"
    assert head["minutes"] == 20
    assert head["objectives"] == "- Count characters.\n- Draw a chart."
    assert head["prerequisites"] == "none."
    assert head["data"] == "seeds/."


def test_notebook_index_and_readme_table(tmp_path):
    make_nb(tmp_path, "00-start.ipynb", opening=OPENING.replace("示例 notebook", "Start | here"))
    make_nb(tmp_path, "01-a.ipynb", opening=OPENING.replace("**Minutes:** 20", "**Minutes:** about 35"))
    index = notebook_index(tmp_path)
    assert list(index["number"]) == ["00", "01"]
    assert list(index["minutes"]) == [20, 35]
    assert list(index.columns) == ["number", "notebook", "title", "minutes", "question"]
    table = readme_table(tmp_path).splitlines()
    assert table[0] == "| # | Notebook | Minutes | Question |"
    assert table[2] == ("| 00 | [Start \\| here](notebooks/00-start.ipynb) | 20 | How long is each report? |")
    assert len(table) == 4


# ---------------------------------------------------------------- exercises

def _section(title: str, *outputs) -> list:
    """A heading, one code cell showing `outputs`, and a challenge with its solution."""
    shown = new_code_cell("show()", outputs=list(outputs))
    return [new_markdown_cell(f"## {title}"), shown,
            new_markdown_cell(f"> **Challenge:** about {title}?"),
            new_code_cell(f"solve_{title}()", metadata={"tags": ["solution"]})]


def test_a_challenge_goes_with_a_section_that_showed_nothing_else_and_stays_otherwise():
    from policytext.findings import nothing_to_show

    nothing = new_output("display_data", data={"text/markdown": nothing_to_show("chart", "one place"),
                                                "text/plain": ""})
    table = new_output("display_data", data={"text/html": "<table></table>", "text/plain": ""})
    chatter = new_output("stream", name="stderr", text="Loading model\n")
    nb = new_notebook(cells=[*_section("empty", nothing, chatter), *_section("half", nothing, table),
                             *_section("full", table), new_markdown_cell("## Key points")])
    kept = [c.source for c in without_idle_challenges(nb).cells]
    assert "> **Challenge:** about empty?" not in kept and "solve_empty()" not in kept
    assert kept.count("show()") == 3                     # the sentence itself stays, once
    for title in ("half", "full"):                       # something was shown: the exercise stays
        assert f"> **Challenge:** about {title}?" in kept and f"solve_{title}()" in kept
    assert kept[-1] == "## Key points" and len(nb.cells) == 13      # the notebook is not changed


# ---------------------------------------------------------------- student copies

def test_student_copy_replaces_only_solutions():
    nb = new_notebook(cells=[
        new_markdown_cell("> **Challenge:** count."),
        new_code_cell("answer = 42", metadata={"tags": ["solution"]}),
        new_code_cell("x = 1"),
    ])
    nb.cells[2].outputs = [new_output("stream", name="stdout", text="1\n")]
    nb.cells[2].execution_count = 3
    copy = student_copy(nb)
    assert copy.cells[1].source == "# Your answer here\n"
    assert copy.cells[1].metadata["tags"] == ["exercise"]
    assert copy.cells[0].source == "> **Challenge:** count."
    assert copy.cells[2].source == "x = 1"
    assert copy.cells[2].outputs == [] and copy.cells[2].execution_count is None
    assert nb.cells[1].source == "answer = 42"  # the source notebook is not changed


def test_write_student_copies_writes_copies_and_removes_stale_ones(tmp_path):
    make_nb(tmp_path, "01-a.ipynb", "x = 1")
    stale = tmp_path / "student-copies" / "09-gone.ipynb"
    stale.parent.mkdir()
    stale.write_text("{}", encoding="utf-8")
    written = write_student_copies(tmp_path)
    assert [p.name for p in written] == ["01-a.ipynb"]
    assert not stale.exists()
    assert written[0].read_text(encoding="utf-8") == student_copies(tmp_path)[written[0]]
