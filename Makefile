# Two commands on a fresh machine with Python 3.11 and pip:
#   make reports   set everything up and render every notebook to HTML in reports/
#   make test      run the test suite (what CI runs)
# `make lab` opens the notebooks in JupyterLab (`make lab-student`: the learners' copies, without
# solutions); `make check-lab` checks it draws Chinese.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The Chinese font for JupyterLab, inside .venv (see lib/policytext/jupyterlab.py).
LAB_FONT := $(VENV)/share/jupyter/labextensions/policytext-cjk-font/package.json

.PHONY: setup reports test bench student-copies clean lab lab-student check-lab

setup: $(STAMP) $(LAB_FONT)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(LAB_FONT): $(STAMP) lib/policytext/jupyterlab.py
	$(BIN)/policytext lab-setup

lab: setup
	$(BIN)/jupyter lab notebooks/

lab-student: setup
	$(BIN)/jupyter lab notebooks/student-copies/

# Needs Debian's chromium (/usr/bin/chromium); installs only the playwright Python package.
check-lab: setup
	$(BIN)/python -m pip install --quiet -e '.[check]'
	$(BIN)/python scripts/check_jupyterlab.py

reports: setup
	$(BIN)/policytext render --out reports

test: setup
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

bench: setup
	$(BIN)/python bench/segment.py
	$(BIN)/python bench/shapes.py
	$(BIN)/python bench/render.py

student-copies: setup
	$(BIN)/python scripts/make_student_copies.py
	$(BIN)/python scripts/update_readme_table.py

clean:
	rm -rf reports .pytest_cache
