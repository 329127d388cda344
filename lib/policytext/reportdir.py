"""The report folder of `policytext render --out DIR`, written safely.

- Only a folder that is absent, empty, or an earlier render is used. An earlier render holds
  the manifest file MANIFEST listing the files it wrote; a folder with any other entry (a
  user's file, a planted link) is refused, so the render never deletes or overwrites
  files it did not create.
- DIR itself must not be a symbolic link, and nothing is ever written through a link: the
  pages are built in a fresh private folder beside DIR (`staging`), where only the render
  creates files, each opened with O_EXCL | O_NOFOLLOW.
- At the end the new folder is swapped in (`publish`): the previous render is renamed
  aside, the new one renamed to DIR, and the previous one deleted (links in it are
  removed, never followed). An interrupted render leaves the previous report whole; a
  render killed outright leaves a `.DIR.tmp-*` folder beside it, which a later render
  removes once it is an hour old (a younger one may belong to a render still running). Each
  folder a render makes beside DIR holds the file MARK, and only such folders are removed: a
  user's folder that happens to be named `.DIR.tmp-notes` stays.
- The kernels' connection files and sockets (they hold the kernels' keys) go in a private
  folder of their own in the temporary folder (`kernel_folder`), removed at the end; one left by
  a render killed outright is removed by a later render once that render's process is gone.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import RenderError

__all__ = ["MANIFEST", "MARK", "check_report_dir", "staging", "write_file", "publish", "kernel_folder",
           "matplotlib_folder"]

MANIFEST = ".policytext-render.json"
_GENERATOR = "policytext render"
MARK = ".policytext-render-temporary"
_MARK_TEXT = "policytext render made this temporary folder; a later render removes it if it is left\n"
_STALE_SECONDS = 3600       # a younger folder may belong to a render still running
_KERNELS = "ptk-"           # short: a socket path holds at most 107 bytes (render._kernel_transport)


def _manifest_files(folder: Path) -> set[str] | None:
    """The file names an earlier render listed in its manifest; None when it is not a render."""
    path = folder / MANIFEST
    if path.is_symlink() or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != _GENERATOR:
        return None
    return {str(name) for name in data.get("files", [])} | {MANIFEST}


def _entries(folder: Path) -> set[str]:
    """Relative paths of everything under folder (files, links, folders), links not followed."""
    found = set()
    for root, dirs, files in os.walk(folder):  # os.walk does not descend into linked folders
        for name in dirs + files:
            found.add(str((Path(root) / name).relative_to(folder)))
    return found


def check_report_dir(out: str | Path) -> Path:
    """OUT as a path the render may replace; RenderError when it is not safe to."""
    out = Path(out)
    if out.is_symlink():
        raise RenderError(f"{out}: the output folder is a symbolic link; give the real folder")
    if not out.exists():
        return out
    if not out.is_dir():
        raise RenderError(f"{out}: exists and is not a folder")
    entries = _entries(out)
    if not entries:
        return out
    listed = _manifest_files(out)
    if listed is None:
        raise RenderError(f"{out}: folder is not empty and is not an earlier policytext render "
                          f"(no {MANIFEST}); choose an empty or new folder (a report folder written "
                          "by an older policytext has no manifest: delete it yourself first)")
    folders = {str(Path(name).parent) for name in listed} | {"."}
    foreign = sorted(e for e in entries if e not in listed and e not in folders)
    if foreign:
        shown = ", ".join(foreign[:5]) + (" ..." if len(foreign) > 5 else "")
        raise RenderError(f"{out}: holds files an earlier render did not write ({shown}); "
                          "move them or choose another folder")
    return out


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A fresh private folder beside OUT to build the report in; removed if the render fails."""
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        folder = _marked_folder(parent, f".{out.name}.tmp-")
    except OSError as exc:
        raise RenderError(f"{out}: cannot build the report beside it in {parent}: {exc.strerror}") from None
    _sweep(parent, out.name)
    try:
        yield folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _marked_folder(parent: Path, prefix: str) -> Path:
    """A fresh private folder in PARENT, holding MARK: a later render may remove it."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    write_file(folder, MARK, _MARK_TEXT)
    return folder


@contextmanager
def kernel_folder() -> Iterator[Path]:
    """A private folder in the temporary folder for the kernels' connection files, removed at the
    end. Its name holds this process's id: a render killed outright cannot remove it, and a later
    render does once that process is gone."""
    tmp = Path(tempfile.gettempdir())
    _sweep_kernel_folders(tmp)
    try:
        folder = _marked_folder(tmp, f"{_KERNELS}{os.getpid()}-")
    except OSError as exc:
        raise RenderError(f"{tmp}: cannot make a folder for the kernels' connection files: "
                          f"{exc.strerror}") from None
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def matplotlib_folder(kernels: Path) -> str:
    """Where matplotlib keeps its font list and settings during a render (MPLCONFIGDIR): policytext's
    cache folder, else the kernels' private one; not ~/.cache/matplotlib and ~/.config/matplotlib."""
    from .cache import usable_cache_dir

    cache = usable_cache_dir()
    return str((cache if cache is not None else kernels) / "matplotlib")


def _sweep_kernel_folders(tmp: Path) -> None:
    """Remove this user's kernel folders left an hour ago or more by renders that are gone."""
    if os.name != "posix":      # elsewhere os.kill(pid, 0) is no test: it may stop the process
        return
    for folder in tmp.glob(f"{_KERNELS}*-*"):
        pid = folder.name[len(_KERNELS):].partition("-")[0]
        try:
            info = folder.lstat()
        except OSError:         # gone meanwhile
            continue
        if (pid.isdigit() and info.st_uid == os.getuid() and time.time() - info.st_mtime > _STALE_SECONDS
                and not _running(int(pid)) and _made_by_a_render(folder)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:             # another user's process, say
        return True
    return True


def _made_by_a_render(folder: Path) -> bool:
    """FOLDER is a real folder holding MARK as a render writes it."""
    mark = folder / MARK
    if folder.is_symlink() or not folder.is_dir() or mark.is_symlink() or not mark.is_file():
        return False
    try:
        return mark.read_text(encoding="utf-8") == _MARK_TEXT
    except (OSError, UnicodeDecodeError):
        return False


def _sweep(parent: Path, name: str) -> None:
    """Remove the folders beside report folder NAME that a killed render left an hour ago or more."""
    for stale in parent.glob(f".{name}.*-*"):
        if not stale.name.startswith((f".{name}.tmp-", f".{name}.old-")):
            continue
        try:
            old = time.time() - stale.lstat().st_mtime > _STALE_SECONDS
        except OSError:     # gone meanwhile
            continue
        if old and _made_by_a_render(stale):
            shutil.rmtree(stale, ignore_errors=True)


def write_file(folder: Path, name: str, data: str | bytes) -> Path:
    """Create folder/name (a new file, never through a link); parents are created as needed."""
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    return target


def publish(built: Path, out: Path) -> None:
    """Write the manifest into BUILT and swap it in as OUT (checked again just before)."""
    try:
        os.unlink(built / MARK)     # the report is no render's leftover
    except FileNotFoundError:
        pass
    files = sorted(str(p.relative_to(built)) for p in built.rglob("*") if p.is_file())
    write_file(built, MANIFEST, json.dumps({"generator": _GENERATOR, "files": files}, indent=1))
    os.chmod(built, 0o755)  # mkdtemp made it private
    check_report_dir(out)
    try:
        if not out.exists():
            os.rename(built, out)
            return
        old = _marked_folder(out.absolute().parent, f".{out.name}.old-")
        os.rename(out, old / "report")
        try:
            os.rename(built, out)
        except OSError:
            os.rename(old / "report", out)  # put the previous report back
            raise
    except OSError as exc:
        raise RenderError(f"{out}: cannot put the new report in place: {exc.strerror}") from None
    shutil.rmtree(old, ignore_errors=True)  # rmtree removes links, it does not follow them
