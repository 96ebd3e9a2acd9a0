"""``symnet verify --kernel-grid``: every generated module of a grid of sizes, activations,
losses and backends proved on symbols.

The grid is every layer-size tuple with widths 1-4 at each depth asked for, batch sizes 1
and 2, float64 modules (float32 ones share the code path: the dtype changes the constants
DTYPE and _EXP_LIMIT only).  Each module is generated, then proved by
:func:`symnet.prove.compose.prove_composed` (structure with an undefined activation and
loss term, shared by every module of the same skeleton; helpers per activation and loss)
or, with ``method="concrete"``, by :func:`symnet.prove.kernel.prove_module` (the whole
module with its activation, up to :data:`~symnet.prove.kernel.MAX_WEIGHTS` weights: a
tuple over it is listed as not run, with the reason).

``--activation all`` is every registry row and two user-defined ones registered through
:mod:`symnet.define` for the run (:data:`USER_ROWS`: a swish, and GELU through Phi);
``--loss all`` every loss, each with the activations it pairs with
(:func:`~symnet.core.registry.check_pair`: cross-entropy with sigmoid only).
"""
from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

#: user-defined activations the grid registers when asked for every activation
USER_ROWS = {"user_swish": r"\frac{x}{1+e^{-x}}", "user_gelu": r"x\Phi(x)"}


@dataclass
class Tally:
    """Counts of (backend, tuple) results and seconds, by depth and backend."""

    proved: int = 0
    failed: int = 0
    error: int = 0
    seconds: dict = field(default_factory=dict)         # (depth, backend, loss) -> s

    def add(self, depth, backend, loss, seconds):
        key = (depth, backend, loss)
        self.seconds[key] = self.seconds.get(key, 0.0) + seconds


def pairs(activations, losses) -> list:
    """(activation, loss) pairs the network can compute with, in the order given."""
    from symnet.core.registry import check_pair
    found = []
    for loss in losses:
        for act in activations:
            try:
                check_pair(act, loss)
            except ValueError:
                continue
            found.append((act, loss))
    return found


def _prove(text, method):
    from symnet.prove.compose import prove_composed
    from symnet.prove.kernel import prove_module
    return prove_composed(text) if method == "composed" else prove_module(text)


def _weights(sizes) -> int:
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))


def run_tuple(sizes, backend, rows, method, tally, depth, out) -> str:
    """Every row's module of ``sizes`` on ``backend``: "proved", "failed" or "error";
    a line printed."""
    from symnet.numeric.codegen import generate
    from symnet.prove.kernel import MAX_WEIGHTS, Unsupported
    name = "-".join(map(str, sizes))
    if method == "concrete" and _weights(sizes) > MAX_WEIGHTS:
        out(f"{backend:6} {name:9} not run: {_weights(sizes)} weights and thresholds, over "
            f"the concrete method's {MAX_WEIGHTS} (use --method composed)")
        return "error"
    entries, began, status, tail = 0, time.perf_counter(), "proved", ""
    for act, loss in rows:
        start = time.perf_counter()
        try:
            proof = _prove(generate(list(sizes), act, loss, backend), method)
        except Unsupported as exc:
            status, tail = "error", f"{act}/{loss}: {exc}"
        else:
            entries = max(entries, proof.entries)
            if not proof.ok:
                status, tail = "failed", f"{act}/{loss}: {proof.first}"
        tally.add(depth, backend, loss, time.perf_counter() - start)
        if status != "proved":
            break
    seconds = time.perf_counter() - began
    if status == "proved":
        many = f"  ({len(rows)} activation/loss rows)" if len(rows) > 1 else ""
        out(f"{backend:6} {name:9} proved  {entries} entries  {seconds:.1f}s{many}")
    elif status == "failed":
        out(f"{backend:6} {name:9} failed  first: {tail}  {seconds:.1f}s")
    else:
        out(f"{backend:6} {name:9} error: {tail}")
    return status


def run_grid(backends, depths, rows, method="composed", out=print) -> Tally:
    """The grid (see the module docstring); a line per (backend, tuple), a summary per
    depth and backend."""
    tally = Tally()
    for depth in depths:             # a tuple's backends in turn: they share its derived side
        proved = {b: 0 for b in backends}
        tuples = list(itertools.product(range(1, 5), repeat=depth))
        for sizes in tuples:
            for backend in backends:
                status = run_tuple(sizes, backend, rows, method, tally, depth, out)
                setattr(tally, status, getattr(tally, status) + 1)
                proved[backend] += status == "proved"
        for backend in backends:
            by_loss = {k[2]: v for k, v in tally.seconds.items() if k[:2] == (depth, backend)}
            split = ", ".join(f"{loss} {v:.1f}s" for loss, v in by_loss.items())
            out(f"{backend} depth {depth}: {proved[backend]}/{len(tuples)} tuples proved in "
                f"{sum(by_loss.values()):.1f}s" + (f" ({split})" if len(by_loss) > 1 else ""))
    return tally


def helper_lines(backends, rows) -> list:
    """A line per backend and row: the helpers its modules' proofs showed (composed
    method; each proved once per process and shared by the row's modules)."""
    from symnet.numeric.codegen import generate
    from symnet.core.registry import activation, loss as loss_row
    from symnet.prove.compose import _HELPERS, _digest, helper_key
    lines = []
    for backend in backends:
        for act, loss in rows:
            key = _digest(helper_key(generate([1, 1], act, loss, backend)))
            found = _HELPERS.get((key, activation(act), loss_row(loss)))
            if found is None:
                continue
            names, first = found
            state = "proved" if first is None else f"FAILED: {first}"
            lines.append(f"  {backend:6} {act}/{loss}: {' '.join(names)}  {state}")
    return lines
