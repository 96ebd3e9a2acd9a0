"""Validation of every command-line option and environment variable, up front: each
checker returns the value or raises ``argparse.ArgumentTypeError`` (argparse then says
"argument --eta: ..."), so no option is accepted silently and the message names it.

Output paths are checked before any work (:func:`writable_file`, :func:`output_folder`):
a run never ends with "cannot write" after minutes of proving.
"""
from __future__ import annotations

import argparse
import math
import os


def _number(text: str, kind=float):
    try:
        value = kind(text)
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(
            f"expected {'a whole number' if kind is int else 'a number'}, got {text!r}") from None
    if kind is float and not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be finite, got {text!r}")
    return value


def positive_float(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0, got {text!r}")
    return value


def non_negative_float(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text!r}")
    return value


def positive_int(text: str) -> int:
    value = _number(text, int)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {text!r}")
    return value


def seed(text: str) -> int:
    value = _number(text, int)
    if not 0 <= value < 2 ** 32:
        raise argparse.ArgumentTypeError(f"must be between 0 and 2**32 - 1, got {text!r}")
    return value


def choice(*names):
    """One of ``names`` (the message lists them)."""
    def check(text: str) -> str:
        if text not in names:
            raise argparse.ArgumentTypeError(f"unknown value {text!r}; known: {', '.join(names)}")
        return text
    check.__name__ = "choice"
    return check


def writable_file(path: str, what: str, suffixes=(), force: bool = True) -> str:
    """ValueError unless ``path`` can be written: its folder exists and is writable, it is
    not a folder, it has one of ``suffixes``, and (without ``force``) it does not exist."""
    if suffixes and not path.endswith(tuple(suffixes)):
        raise ValueError(f"{what} should name a {' or '.join(suffixes)} file, got {path!r}")
    if os.path.isdir(path):
        raise ValueError(f"{what} {path!r} is a folder, not a file")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise ValueError(f"{what} {path!r}: the folder {folder!r} does not exist")
    if not os.access(folder, os.W_OK):
        raise ValueError(f"{what} {path!r}: the folder {folder!r} is not writable")
    if os.path.exists(path) and not os.access(path, os.W_OK):
        raise ValueError(f"{what} {path!r} is not writable")
    if not force and os.path.exists(path):
        raise ValueError(f"{what} {path!r} exists; pass --force to overwrite it")
    return path


def output_folder(path: str, what: str = "--out") -> str:
    """The folder, created when missing; ValueError when it is a file or not writable."""
    if os.path.exists(path) and not os.path.isdir(path):
        raise ValueError(f"{what} {path!r} is a file, not a folder")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as exc:
        raise ValueError(f"{what} {path!r}: cannot create it ({exc.strerror})") from None
    if not os.access(path, os.W_OK):
        raise ValueError(f"{what} {path!r} is not writable")
    return path


def source_date_epoch():
    """SOURCE_DATE_EPOCH as whole seconds since 1970, None when unset; ValueError naming
    the variable otherwise."""
    text = os.environ.get("SOURCE_DATE_EPOCH")
    if text is None or text == "":
        return None
    if not text.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, "
                         f"got {text!r}")
    return int(text)
