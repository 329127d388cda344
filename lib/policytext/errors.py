"""Errors raised by policytext. Each names the file (or document) and the problem."""

__all__ = ["PolicyTextError", "DecodeError", "MetadataError", "ParameterError"]


class PolicyTextError(Exception):
    """Base class: every error this library raises on bad input."""


class DecodeError(PolicyTextError):
    """A file could not be read as text (empty, binary, unknown encoding)."""


class MetadataError(PolicyTextError):
    """The metadata table and the files beside it disagree."""


class ParameterError(PolicyTextError, ValueError):
    """An option has a value the function cannot use."""
