"""The repository's shape: seeds byte for byte, metadata, environment.yml in step with pyproject."""
import csv
import hashlib
import re
import tomllib

import yaml

from conftest import ROOT, SEEDS



def test_seed_files_are_byte_for_byte_copies():
    expected = dict(line.split()[::-1] for line in (ROOT / "tests/data/seeds.sha256").read_text().splitlines())
    assert len(expected) == 5
    for name, digest in expected.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, name


def test_metadata_has_one_row_per_seed_with_required_columns():
    rows = list(csv.DictReader(open(SEEDS / "metadata.csv", encoding="utf-8")))
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for column in ["id", "file", "place", "level", "doc_type", "title", "speaker", "role",
                   "date_delivered", "date_published", "source"]:
        assert column in rows[0], column
    assert {r["doc_type"] for r in rows} == {"interview", "gov_work_report", "feature", "party_congress_report"}


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(spec: str) -> str:
    return re.sub(r"\s+", "", spec).lower().replace("_", "-")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_deps = project["dependencies"] + project["optional-dependencies"]["test"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda_deps = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            conda_deps += [d for d in dep["pip"] if not d.startswith("-e")]
        elif _name(dep) not in {"python", "pip"}:
            conda_deps.append(dep)
    assert sorted(map(_spec, conda_deps)) == sorted(map(_spec, pip_deps))


def test_gitignore_does_not_hide_the_library():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert "lib/" not in ignored and "lib" not in ignored


def test_readme_notebook_table_is_generated_from_the_notebooks():
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_readme_table", ROOT / "scripts/update_readme_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.updated(readme) == readme, "README table is stale: run scripts/update_readme_table.py"


def test_binder_installs_the_library_after_the_environment():
    post_build = (ROOT / "postBuild").read_text()
    assert "pip install --no-deps -e ." in post_build
    assert "-e ." not in (ROOT / "environment.yml").read_text().split("pip:")[1]
