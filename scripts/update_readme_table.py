"""Regenerate the notebook table in README.md from the notebooks' opening cells."""
from pathlib import Path

from policytext.teaching import readme_table

START, END = "<!-- notebook-table:start -->", "<!-- notebook-table:end -->"
README = Path(__file__).resolve().parents[1] / "README.md"


def updated(text: str) -> str:
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{readme_table()}{END}{tail}"


if __name__ == "__main__":
    README.write_text(updated(README.read_text(encoding="utf-8")), encoding="utf-8")
