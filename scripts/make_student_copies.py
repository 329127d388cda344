"""Write the student copies of the notebooks: notebooks/student-copies/NN-topic.ipynb.

Each copy is the notebook with every cell tagged `solution` replaced by a
`# Your answer here` placeholder (tag renamed `exercise`) and no outputs.
The copies are committed; tests/test_notebooks.py fails when they are stale,
so run `make student-copies` after editing a notebook.
"""
import sys

from policytext.teaching import write_student_copies


def main() -> int:
    for path in write_student_copies():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
