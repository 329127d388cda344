"""The JupyterLab font set-up: files in the environment's Jupyter paths, found by JupyterLab,
with the reports' font, which draws Chinese. (The browser check is scripts/check_jupyterlab.py.)"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policytext import fonts
from policytext.cli import main
from policytext.jupyterlab import (LAB_EXTENSION_NAME, LAB_FONT_FAMILY, LabSetupError, install_lab_font,
                                   lab_font_files, lab_font_problems)

PROBE = "高质量发展乡村振兴产业链嘉峪关金昌凉州"


@pytest.fixture()
def installed(tmp_path):
    return install_lab_font(prefix=tmp_path)


def test_installs_the_reports_font_as_a_labextension(installed, tmp_path):
    ext = tmp_path / "share" / "jupyter" / "labextensions" / LAB_EXTENSION_NAME
    assert installed.extension_dir == ext
    package = json.loads((ext / "package.json").read_text(encoding="utf-8"))
    assert package["name"] == LAB_EXTENSION_NAME
    build = package["jupyterlab"]["_build"]
    assert build["style"] == "./style" and (ext / build["load"]).is_file()
    font = installed.font()
    # Byte for byte the file the HTML reports ship (render.ship_web_font copies web_font_path()).
    assert font.read_bytes() == fonts.web_font_path().read_bytes()
    assert fonts.font_has_glyphs(font, PROBE)
    assert (font.parent / "OFL.txt").is_file()
    assert lab_font_problems(prefix=tmp_path) == []


def test_stylesheet_declares_the_face_and_puts_it_first_in_the_theme_fonts(installed):
    css = installed.stylesheet.read_text(encoding="utf-8")
    face = css[css.index("@font-face"):css.index("}")]
    assert f'font-family: "{LAB_FONT_FAMILY}"' in face
    assert f'src: url("{installed.font().name}")' in face  # relative to style.css, beside it
    assert "U+4E00-9FFF" in face  # CJK ideographs only: Latin keeps the theme's fonts
    for variable in ("--jp-content-font-family", "--jp-ui-font-family", "--jp-code-font-family"):
        line = next(ln for ln in css.splitlines() if ln.strip().startswith(variable + ":"))
        assert line.split(":", 1)[1].strip().startswith(f'"{LAB_FONT_FAMILY}",'), line
    assert ":root:root {" in css  # outranks the theme's :root whatever the load order
    assert ".jupyter-widgets select" in css  # form controls do not inherit the font


def test_jupyterlab_lists_it_as_a_style_extension(installed):
    from jupyterlab_server.config import get_page_config

    labextensions = str(installed.extension_dir.parent)
    page = get_page_config([labextensions], app_settings_dir=None)
    ours = [e for e in page["federated_extensions"] if e["name"] == LAB_EXTENSION_NAME]
    assert len(ours) == 1
    assert ours[0]["style"] == "./style" and ours[0]["load"].startswith("static/remoteEntry.")
    assert "extension" not in ours[0]  # no plugin code: nothing to activate or fail


def test_install_is_idempotent_and_leaves_one_entry_script(installed, tmp_path):
    first = installed.entry().name
    install_lab_font(prefix=tmp_path)
    scripts = sorted(p.name for p in installed.static_dir.glob("*.js"))
    assert scripts == [first]
    (installed.static_dir / "remoteEntry.0ld.js").write_text("// stale")
    install_lab_font(prefix=tmp_path)
    assert sorted(p.name for p in installed.static_dir.glob("*.js")) == [first]


def test_problems_name_what_is_missing(tmp_path, installed):
    empty = tmp_path / "empty"
    problems = lab_font_problems(prefix=empty)
    assert any("package.json" in p and "lab-setup" in p for p in problems)
    css = installed.stylesheet
    css.write_text(css.read_text(encoding="utf-8").replace(f'"{LAB_FONT_FAMILY}", ', ""), encoding="utf-8")
    problems = lab_font_problems(prefix=tmp_path)
    assert len(problems) == 3 and all(str(css) in p for p in problems)


def test_a_font_without_chinese_is_a_problem(tmp_path, installed):
    import matplotlib.font_manager

    dejavu = Path(matplotlib.font_manager.findfont("DejaVu Sans"))
    shutil.copyfile(dejavu, installed.font())
    assert lab_font_problems(prefix=tmp_path) == [f"{installed.static_dir}: no font file that draws Chinese"]


def test_unwritable_prefix_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the environment should be")
    with pytest.raises(LabSetupError, match="not-a-dir"):
        install_lab_font(prefix=blocker)


def test_no_web_font_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "web_font_path", lambda: None)
    with pytest.raises(LabSetupError, match="zhplot"):
        install_lab_font(prefix=tmp_path)
    assert not (tmp_path / "share").exists()


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the entry script")
def test_entry_script_is_a_container_whose_style_links_the_stylesheet(installed):
    # A stub DOM: what JupyterLab's bootstrap does is load the script, init() it, then
    # get("./style")() once; the module must add one <link> to style.css beside the script.
    stub = """
    const links = [];
    globalThis.document = {
      currentScript: {src: "http://h/lab/extensions/%(name)s/static/%(entry)s"},
      getElementById: id => links.find(l => l.id === id) || null,
      createElement: () => ({}),
      head: {appendChild: el => links.push(el)},
    };
    require(process.argv[1]);
    const c = globalThis._JUPYTERLAB["%(name)s"];
    (async () => {
      await c.init({});
      (await c.get("./style"))();
      (await c.get("./style"))();
      let missing = "";
      try { await c.get("./extension"); } catch (e) { missing = String(e); }
      console.log(JSON.stringify({links: links.map(l => [l.rel, l.href]), missing}));
    })();
    """ % {"name": LAB_EXTENSION_NAME, "entry": installed.entry().name}
    # The entry declares `var _JUPYTERLAB` at top level; in node's module scope that is local,
    # so export it to globalThis the way a browser's classic script would.
    script = installed.entry().read_text(encoding="utf-8") + "\nglobalThis._JUPYTERLAB = _JUPYTERLAB;\n"
    entry = installed.static_dir / "entry-for-node.js"
    entry.write_text(script, encoding="utf-8")
    out = subprocess.run(["node", "-e", stub, str(entry)], capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    version = installed.entry().name.split(".")[1]
    assert result["links"] == [["stylesheet",
                                f"http://h/lab/extensions/{LAB_EXTENSION_NAME}/static/style.css?v={version}"]]
    assert "no module ./extension" in result["missing"]


def test_this_environment_is_set_up():
    """`make setup` ran `policytext lab-setup`: the files are where this JupyterLab looks."""
    from jupyter_core.paths import jupyter_path

    files = lab_font_files()
    assert files.prefix == Path(sys.prefix)
    assert str(files.extension_dir.parent) in jupyter_path("labextensions")
    assert lab_font_problems() == [], "run `policytext lab-setup` (make setup does)"


def test_cli_check_reports_problems(tmp_path, monkeypatch, capsys):
    assert main(["lab-setup", "--check"]) == 0
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert main(["lab-setup", "--check"]) == 2
    assert "lab-setup" in capsys.readouterr().err
