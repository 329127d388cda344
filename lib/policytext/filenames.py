"""Files as policytext meets them on disk: a folder that cannot be listed."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import MetadataError
from .reportdir import MANIFEST

__all__ = ["not_entered", "check_listable"]


def not_entered(sub: Path) -> str | None:
    """Why a sub-folder of a corpus is not entered, or None: it holds an earlier render, or it
    cannot be looked into. (Path.is_file raises in a folder of mode 000: the folder is to be said,
    not the manifest the user never had. os.walk says the other folders it cannot list.)"""
    try:
        if (sub / MANIFEST).is_file():
            return f"holds an earlier policytext render ({MANIFEST}), whose pages are no reports"
    except OSError as exc:
        return f"a folder that cannot be listed ({exc.strerror})"
    return None


def check_listable(folder: Path) -> None:
    """A folder given that cannot be listed is an error saying so (not "no report files in it")."""
    try:
        os.scandir(folder).close()
    except OSError as exc:
        raise MetadataError(f"{folder}: a folder that cannot be listed ({exc.strerror})") from None
