"""Errors raised by policytext. Each names the file (or document) and the problem.

Every error class of the library lives here, so callers can catch `PolicyTextError`
(or one kind) without importing the module that raises it. `raise_together` (not exported)
gathers the problems of several files or rows into one error.
"""

__all__ = ["PolicyTextError", "DecodeError", "MetadataError", "ParameterError", "FontError",
           "RenderError", "DictionaryError", "LabSetupError", "InputWarning"]


class PolicyTextError(Exception):
    """Base class: every error this library raises on bad input."""


class DecodeError(PolicyTextError):
    """A file could not be read as text (empty, binary, unknown or implausible encoding, special file)."""


class MetadataError(PolicyTextError):
    """The metadata table and the files beside it disagree, or a row is malformed."""


class ParameterError(PolicyTextError, ValueError):
    """An option has a value the function cannot use."""


class FontError(PolicyTextError):
    """No font that can draw Chinese was found."""


class RenderError(PolicyTextError):
    """A notebook could not be rendered, or the report folder cannot be written safely."""


class DictionaryError(PolicyTextError, ValueError):
    """A theme dictionary is malformed (the message names the file and the problem)."""


class LabSetupError(PolicyTextError):
    """The JupyterLab font set-up cannot be done (no web font, unwritable environment)."""


class InputWarning(UserWarning):
    """A problem of the input that loading went on despite, and says: a file skipped, a report
    without a metadata row, two copies of one report, one place written two ways, characters
    lost before the file reached us. Notebooks show it as a note the HTML report keeps."""


def raise_together(error: type[PolicyTextError], problems: list[str], heading: str) -> None:
    """Raise one ``error`` that names every problem, so that all can be mended at once: the
    problem itself when there is one, else ``heading`` and the problems one to a line."""
    if len(problems) > 1:
        raise error(f"{heading}:\n  " + "\n  ".join(problems))
    if problems:
        raise error(problems[0])
