"""The proofs of the last ``symnet verify``, kept so that ``symnet report`` run after it
prints them instead of proving the catalog a second time.

The store is one JSON file per key, in ``$SYMNET_CACHE`` (default
``$XDG_CACHE_HOME/symnet`` or ``~/.cache/symnet``).  The key is a SHA-256 over symnet's
version, SymPy's version and the source of every module of ``symnet`` and ``derivations``
(the catalog and everything that proves it): any change to a claim, a prover or a
dependency's version gives a new key, and old rows are never read again.  A missing,
unreadable or foreign file is an empty store: the report then proves what it prints.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from symnet.core.claims import Result
from symnet.core.files import write_atomic

_SOURCES = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def key() -> str:
    """The content hash the stored rows are valid for."""
    import sympy
    from symnet import __version__
    digest = hashlib.sha256(f"symnet {__version__}\nsympy {sympy.__version__}\n".encode())
    for package in ("symnet", "derivations"):
        for path in sorted((_SOURCES / package).rglob("*.py")):
            digest.update(str(path.relative_to(_SOURCES)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def folder() -> Path:
    """Where the store lives."""
    if os.environ.get("SYMNET_CACHE"):
        return Path(os.environ["SYMNET_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "symnet"


def _path() -> Path:
    return folder() / f"proofs-{key()[:32]}.json"


def load() -> dict[str, list[Result]]:
    """{claim id: its rows} stored under the current key; {} when there are none."""
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
        if data.get("key") != key():
            return {}
        return {cid: [Result(**row) for row in rows] for cid, rows in data["claims"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def store(claims, results) -> Path | None:
    """Keep the rows of ``claims`` (each claim's own row and its ``<id>/...`` rows) under
    the current key, beside the rows already stored; None when the folder is not
    writable (the store is an optimisation, never a reason to fail)."""
    known = {cid: [r.as_json() for r in rows] for cid, rows in load().items()}
    for claim in claims:
        rows = [r for r in results if r.id == claim.id or r.id.startswith(claim.id + "/")]
        if rows:
            known[claim.id] = [dict(r.as_json(), seconds=r.seconds) for r in rows]
    try:
        folder().mkdir(parents=True, exist_ok=True)
        write_atomic(_path(), json.dumps({"key": key(), "claims": known}, sort_keys=True))
    except OSError:
        return None
    return _path()
