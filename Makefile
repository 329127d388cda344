# Two commands on a fresh machine with Python 3.11 and pip:
#   make reports   set everything up and render every notebook to HTML in reports/
#   make test      run the test suite (what CI runs)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup reports test bench student-copies clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

reports: setup
	$(BIN)/policytext render --out reports

test: setup
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

bench: setup
	$(BIN)/python bench/segment.py
	$(BIN)/python bench/render.py

student-copies: setup
	$(BIN)/python scripts/make_student_copies.py
	$(BIN)/python scripts/update_readme_table.py

clean:
	rm -rf reports .pytest_cache
