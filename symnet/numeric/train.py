"""``symnet train``: the book's exercise 5.5 (standard against accumulated BP on the
watermelon data set 3.0) and XOR with a 2-2-1 network, on the verified kernels.

Standard BP updates after every example (E_k, m = 1); accumulated BP once per pass over
the training set (E = (1/m) sum_k E_k, (5.16)).  Both report the updates and passes they
needed to bring the training error E down to the target.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable, Optional

import numpy as np

from symnet.numeric.kernels import kernels

DATASETS = ("xor", "watermelon3")
MODES = ("standard", "accumulated")
CATEGORICAL = ("color", "root", "knock", "texture", "navel", "touch")
CONTINUOUS = ("density", "sugar")


def load_watermelon3():
    """(X, y, feature names): the six categorical attributes one-hot encoded (values in
    order of first appearance), density and sugar as they are; y = 1 for a good melon."""
    text = resources.files("symnet.numeric").joinpath("data/watermelon3.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    names, columns = [], []
    for attr in CATEGORICAL:
        values = list(dict.fromkeys(r[attr] for r in rows))
        for v in values:
            names.append(f"{attr}={v}")
            columns.append([1.0 if r[attr] == v else 0.0 for r in rows])
    for attr in CONTINUOUS:
        names.append(attr)
        columns.append([float(r[attr]) for r in rows])
    X = np.array(columns).T
    y = np.array([[1.0 if r["good"] == "是" else 0.0] for r in rows])
    return X, y, names


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def load_csv(path: str, target: str = None, ignore=()):
    """(X, Y, feature names) of a user's CSV file: a header row; the ``target`` column
    (default: the last) gives Y -- numbers in [0, 1] as they are, two categories as one
    0/1 output (1 for the category of the first row), more as one output per category;
    every other column (except ``ignore``) is a feature: categorical columns one-hot
    encoded as for watermelon 3.0, numeric ones standardised (mean 0, deviation 1).
    ValueError with one sentence for a missing file or column, an empty file, a ragged
    row or a non-numeric value in a numeric column."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle))
    except FileNotFoundError:
        raise ValueError(f"--data {path!r}: no such file") from None
    except UnicodeDecodeError:
        raise ValueError(f"--data {path!r}: not UTF-8 text") from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if len(rows) < 2:
        raise ValueError(f"--data {path!r}: needs a header row and at least one data row")
    header, body = [h.strip() for h in rows[0]], [[c.strip() for c in r] for r in rows[1:]]
    for n, row in enumerate(body, 2):
        if len(row) != len(header):
            raise ValueError(f"--data {path!r} line {n}: {len(row)} values for "
                             f"{len(header)} columns")
    target = target or header[-1]
    for name in (target, *ignore):
        if name not in header:
            raise ValueError(f"--data {path!r}: no column {name!r}; columns: {', '.join(header)}")
    column = {name: [row[i] for row in body] for i, name in enumerate(header)}

    def numeric(name):
        values = column[name]
        flags = [_is_number(v) for v in values]
        if all(flags):
            return True
        if any(flags):
            n = flags.index(False)
            raise ValueError(f"--data {path!r} line {n + 2}: non-numeric value {values[n]!r} "
                             f"in the numeric column {name!r}")
        return False

    names, features = [], []
    for name in header:
        if name == target or name in ignore:
            continue
        if numeric(name):
            values = np.array([float(v) for v in column[name]])
            spread = values.std()
            features.append((values - values.mean()) / (spread if spread > 0 else 1.0))
            names.append(name)
        else:
            for v in dict.fromkeys(column[name]):
                features.append(np.array([1.0 if x == v else 0.0 for x in column[name]]))
                names.append(f"{name}={v}")
    if not features:
        raise ValueError(f"--data {path!r}: no feature column besides the target {target!r}")
    if numeric(target):
        Y = np.array([[float(v)] for v in column[target]])
        if Y.min() < 0 or Y.max() > 1:
            raise ValueError(f"--data {path!r}: the numeric target {target!r} must lie in "
                             "[0, 1] (the network's outputs do)")
    else:
        categories = list(dict.fromkeys(column[target]))
        if len(categories) < 2:
            raise ValueError(f"--data {path!r}: the target {target!r} has one category only")
        if len(categories) == 2:
            Y = np.array([[1.0 if v == categories[0] else 0.0] for v in column[target]])
        else:
            Y = np.array([[1.0 if v == c else 0.0 for c in categories] for v in column[target]])
    return np.array(features).T, Y, names


def load(name: str, target: str = None, ignore=()):
    """(X, Y) of a named data set, or of a CSV file (:func:`load_csv`)."""
    if name.lower().endswith(".csv"):
        X, Y, _ = load_csv(name, target, ignore)
        return X, Y
    if name == "xor":
        return np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float), np.array([[0], [1], [1], [0]], float)
    if name == "watermelon3":
        X, y, _ = load_watermelon3()
        return X, y
    raise ValueError(f"unknown data set {name!r}; known: {', '.join(DATASETS)}, or a "
                     "FILE.csv")


@dataclass
class Run:
    """The history of one training run."""

    mode: str
    layers: list
    errors: list = field(default_factory=list)      # training error E after each pass
    updates: int = 0
    reached: Optional[tuple] = None                  # (passes, updates) at the target
    accuracy: float = 0.0

    @property
    def final_error(self) -> float:
        return self.errors[-1]


def train(data: str = "xor", mode: str = "standard", layers=None, eta: float = 0.5,
          epochs: int = 5000, seed: int = 0, target: float = 0.01,
          progress: Callable[[int, float], None] = None, activation: str = "sigmoid",
          loss: str = "squared", target_column: str = None, ignore=()) -> Run:
    """Train from init_params(seed); standard BP visits the examples in a seeded random
    order each pass.  ``data``: xor, watermelon3 or a CSV file (``target_column``,
    ``ignore``: see :func:`load_csv`)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; known: {', '.join(MODES)}")
    if epochs < 1 or not eta > 0:
        raise ValueError("need --epochs >= 1 and --eta > 0")
    X, Y = load(data, target_column, ignore)
    layers = list(layers) if layers else default_layers(data, X, Y)
    if layers[0] != X.shape[1] or layers[-1] != Y.shape[1]:
        raise ValueError(f"--layers must start with {X.shape[1]} inputs and end with "
                         f"{Y.shape[1]} output for {data}, got {','.join(map(str, layers))}")
    k = kernels(layers, activation, loss)
    params = k.init_params(seed)
    order_rng = np.random.default_rng(seed + 1)
    run = Run(mode, layers)
    for epoch in range(1, epochs + 1):
        if mode == "standard":
            for i in order_rng.permutation(len(X)):
                params = k.step(params, X[i:i + 1], Y[i:i + 1], eta)
                run.updates += 1
        else:
            params = k.step(params, X, Y, eta)
            run.updates += 1
        error = k.loss(params, X, Y)
        run.errors.append(error)
        if run.reached is None and error <= target:
            run.reached = (epoch, run.updates)
        if progress:
            progress(epoch, error)
    predictions = k.forward(params, X) >= 0.5
    run.accuracy = float((predictions == (Y >= 0.5)).all(axis=1).mean())
    return run


def default_layers(data: str, X, Y) -> list:
    """XOR: the notes' 2-2-1; watermelon 3.0 and CSV files: one hidden layer of 10 units."""
    return [2, 2, 1] if data == "xor" else [X.shape[1], 10, Y.shape[1]]


def plot(runs, path: str, title: str) -> None:
    """Training error per pass, log scale, one line per mode (matplotlib, Agg)."""
    try:
        import matplotlib
    except ImportError:
        raise ValueError("--plot needs matplotlib: pip install 'symnet[plot]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from symnet.core.files import write_atomic

    fig, ax = plt.subplots(figsize=(6, 3.6), layout="constrained")   # labels inside the picture
    for run in runs:
        ax.plot(range(1, len(run.errors) + 1), run.errors, label=f"{run.mode} BP")
    ax.set_yscale("log")
    ax.set_xlabel("pass over the training set")
    ax.set_ylabel("training error E")
    ax.set_title(title)
    ax.legend()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=120, metadata={"Software": None}, bbox_inches="tight")
    plt.close(fig)
    write_atomic(path, buf.getvalue())
