"""``symnet train``: the book's exercise 5.5 (standard against accumulated BP on the
watermelon data set 3.0) and XOR with a 2-2-1 network, on the verified kernels.

Standard BP updates after every example (E_k, m = 1); accumulated BP once per pass over
the training set (E = (1/m) sum_k E_k, (5.16)).  Both report the updates and passes they
needed to bring the training error E down to the target.

Every data set, XOR and watermelon 3.0 included, is a table of text cells (:class:`Table`)
that an :class:`Encoding` turns into arrays: which columns are inputs, the categories of
each categorical one (one-hot, in order of first appearance), the mean and scale of each
numeric one, and the target's classes.  A saved model keeps that encoding, so new rows are
encoded the same way (:mod:`symnet.numeric.model_file`).  ``test_split`` holds back a
seeded, stratified share of the rows (:func:`split_rows`); the numeric columns are then
standardised with the training rows' mean and deviation only.
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable, Optional

import numpy as np

from symnet.numeric.kernels import kernels

DATASETS = ("xor", "watermelon3")
MODES = ("standard", "accumulated")
#: the split's own random stream, apart from init_params(seed) and the visiting order
SPLIT_STREAM = 0x5B1D


# --- tables: the cells of a CSV file ------------------------------------------------------

@dataclass(frozen=True)
class Table:
    """A CSV file's cells, stripped: the header and each data row with its line number.
    ``where`` starts every message (``--data 'f.csv'``)."""

    where: str
    header: tuple
    rows: tuple                       # ((line, (cell, ...)), ...)

    def require(self, name: str) -> None:
        if name not in self.header:
            raise ValueError(f"{self.where}: no column {name!r}; columns: "
                             f"{', '.join(self.header)}")

    def column(self, name: str) -> list:
        self.require(name)
        i = self.header.index(name)
        return [cells[i] for _, cells in self.rows]

    def is_numeric(self, name: str) -> bool:
        """Every cell a finite number (True) or none (False); a mix is a ValueError at the
        first cell that is not a number."""
        values = self.column(name)
        flags = [_is_number(v) for v in values]
        if all(flags) or not any(flags):
            return all(flags)
        n = flags.index(False)
        raise ValueError(f"{self.where} line {self.rows[n][0]}: non-numeric value "
                         f"{values[n]!r} in the numeric column {name!r}")

    def numbers(self, name: str) -> np.ndarray:
        """The column as float64; a cell that is not a finite number is a ValueError."""
        values = self.column(name)
        for (line, _), v in zip(self.rows, values):
            if not _is_number(v):
                raise ValueError(f"{self.where} line {line}: non-numeric value {v!r} in "
                                 f"the numeric column {name!r}")
        return np.array([float(v) for v in values])


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def read_table(path: str, option: str = "--data") -> Table:
    """The cells of a CSV file with a header row (UTF-8, a BOM allowed; blank rows
    skipped); ValueError with one sentence naming ``option`` and ``path`` for a missing or
    unreadable file, no data row, or a ragged row."""
    where = f"{option} {path!r}"
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return _table(handle, where)
    except FileNotFoundError:
        raise ValueError(f"{where}: no such file") from None
    except IsADirectoryError:
        raise ValueError(f"{where} is a folder, not a file") from None
    except PermissionError:
        raise ValueError(f"{where}: cannot read it (permission denied)") from None
    except UnicodeDecodeError:
        raise ValueError(f"{where}: not UTF-8 text") from None
    except csv.Error as exc:
        raise ValueError(f"{where}: not a CSV file ({exc})") from None


def _table(lines, where: str) -> Table:
    reader = csv.reader(lines)
    rows = [(reader.line_num, tuple(c.strip() for c in r)) for r in reader]
    rows = [(n, r) for n, r in rows if any(r)]
    if len(rows) < 2:
        raise ValueError(f"{where}: needs a header row and at least one data row")
    (_, header), body = rows[0], tuple(rows[1:])
    for n, row in body:
        if len(row) != len(header):
            raise ValueError(f"{where} line {n}: {len(row)} values for {len(header)} columns")
    twice = next((h for i, h in enumerate(header) if h in header[:i]), None)
    if twice is not None:
        raise ValueError(f"{where}: the column {twice!r} appears twice in the header")
    return Table(where, header, body)


# --- the encoding: cells -> arrays, kept with a saved model -------------------------------

@dataclass(frozen=True)
class Column:
    """An input column: a categorical one (``categories``) gives one 0/1 feature per
    category, in this order (one-hot); a numeric one the feature (value - mean) / scale."""

    name: str
    categories: tuple = ()
    mean: float = 0.0
    scale: float = 1.0

    def features(self) -> list:
        return [f"{self.name}={c}" for c in self.categories] if self.categories else [self.name]

    def encode(self, table: Table) -> np.ndarray:
        """Shape (m, len(features)); an unknown category is a ValueError naming the line,
        the column and the known categories."""
        if not self.categories:
            return ((table.numbers(self.name) - self.mean) / self.scale)[:, None]
        index = {c: i for i, c in enumerate(self.categories)}
        values = table.column(self.name)
        for (line, _), v in zip(table.rows, values):
            if v not in index:
                raise ValueError(f"{table.where} line {line}: unknown category {v!r} in the "
                                 f"column {self.name!r}; known: {', '.join(self.categories)}")
        out = np.zeros((len(values), len(self.categories)))
        out[np.arange(len(values)), [index[v] for v in values]] = 1.0
        return out

    def to_json(self) -> dict:
        if self.categories:
            return {"name": self.name, "categories": list(self.categories)}
        return {"name": self.name, "mean": self.mean, "scale": self.scale}


@dataclass(frozen=True)
class Target:
    """The column to predict: numbers in [0, 1] as they are (no ``categories``), two
    categories as one 0/1 output (1 for the first), more as one output per category.
    The predicted class of a row is ``classes[0]`` when its one output is >= 0.5 (else
    ``classes[1]``), and the category of the largest output when there are several."""

    name: str
    categories: tuple = ()

    @property
    def classes(self) -> tuple:
        return self.categories or ("1", "0")

    @property
    def outputs(self) -> int:
        return len(self.categories) if len(self.categories) > 2 else 1

    def encode(self, table: Table) -> np.ndarray:
        if not self.categories:
            Y = table.numbers(self.name)[:, None]
            if Y.min() < 0 or Y.max() > 1:
                raise ValueError(f"{table.where}: the numeric target {self.name!r} must lie "
                                 "in [0, 1] (the network's outputs do)")
            return Y
        values = table.column(self.name)
        if self.outputs == 1:
            return np.array([[1.0 if v == self.categories[0] else 0.0] for v in values])
        return np.array([[1.0 if v == c else 0.0 for c in self.categories] for v in values])

    def class_index(self, Y: np.ndarray) -> np.ndarray:
        """The index into ``classes`` of each row of targets or outputs, shape (m,)."""
        Y = np.asarray(Y)
        return (Y[:, 0] < 0.5).astype(int) if Y.shape[1] == 1 else Y.argmax(axis=1)

    def labels(self, Yhat: np.ndarray) -> list:
        return [self.classes[i] for i in self.class_index(Yhat)]

    def to_json(self) -> dict:
        return {"name": self.name, "categories": list(self.categories)}


@dataclass(frozen=True)
class Encoding:
    """How the cells of a table become X (``inputs``, in the order of the features) and
    Y (``target``)."""

    inputs: tuple
    target: Target

    @property
    def features(self) -> list:
        return [name for column in self.inputs for name in column.features()]

    def encode(self, table: Table) -> np.ndarray:
        """X, shape (m, len(features)); missing input columns are a ValueError naming
        them."""
        missing = [repr(c.name) for c in self.inputs if c.name not in table.header]
        if missing:
            raise ValueError(f"{table.where}: no column {', '.join(missing)}: "
                             f"{'an input' if len(missing) == 1 else 'inputs'} of the model; "
                             f"columns here: {', '.join(table.header)}")
        return np.hstack([column.encode(table) for column in self.inputs])

    def to_json(self) -> dict:
        return {"inputs": [c.to_json() for c in self.inputs], "target": self.target.to_json()}

    @classmethod
    def from_json(cls, data: dict) -> "Encoding":
        inputs = tuple(Column(c["name"], tuple(c.get("categories", ())),
                              float(c.get("mean", 0.0)), float(c.get("scale", 1.0)))
                       for c in data["inputs"])
        target = data["target"]
        return cls(inputs, Target(target["name"], tuple(target.get("categories", ()))))


def _fit_target(table: Table, name: str) -> Target:
    if table.is_numeric(name):
        return Target(name)
    categories = tuple(dict.fromkeys(table.column(name)))
    if len(categories) < 2:
        raise ValueError(f"{table.where}: the target {name!r} has one category only")
    return Target(name, categories)


def _fit_column(table: Table, name: str, rows, standardise: bool) -> Column:
    """The column's encoding: categories from every row of the table (in order of first
    appearance), mean and deviation from the training ``rows`` only."""
    if not table.is_numeric(name):
        return Column(name, tuple(dict.fromkeys(table.column(name))))
    if not standardise:
        return Column(name)
    values = table.numbers(name)[rows]
    spread = values.std()
    return Column(name, mean=float(values.mean()), scale=float(spread) if spread > 0 else 1.0)


# --- data sets and the split --------------------------------------------------------------

@dataclass
class Dataset:
    """The encoded training rows (X, Y), the test rows (empty without a split) and the
    encoding that made them."""

    X: np.ndarray
    Y: np.ndarray
    encoding: Encoding
    X_test: np.ndarray
    Y_test: np.ndarray


def split_rows(classes, test_split: float, seed: int = 0):
    """(train, test): sorted row indices.  round(test_split * m) rows are held back for
    testing, shared among the classes in proportion to their sizes (largest remainders
    first: stratified), each class's rows drawn by a generator seeded with ``seed``.
    ValueError unless 0 <= test_split < 1 and, with a split, both parts have a row."""
    if not 0 <= test_split < 1:
        raise ValueError(f"--test-split must be at least 0 and below 1, got {test_split}")
    classes = np.asarray(classes)
    m = len(classes)
    if test_split == 0:
        return np.arange(m), np.arange(0)
    n_test = int(math.floor(test_split * m + 0.5))
    if not 0 < n_test < m:
        raise ValueError(f"--test-split {test_split} holds back {n_test} of the {m} rows: "
                         "the training and the test part each need at least one row")
    labels, counts = np.unique(classes, return_counts=True)
    quota = n_test * counts / m
    take = np.floor(quota).astype(int)
    take[np.argsort(-(quota - take), kind="stable")[:n_test - take.sum()]] += 1
    rng = np.random.default_rng([SPLIT_STREAM, seed])
    test = np.sort(np.concatenate([rng.permutation(np.flatnonzero(classes == c))[:t]
                                   for c, t in zip(labels, take)]))
    return np.setdiff1d(np.arange(m), test), test


def _encode(table: Table, target: str, ignore, test_split: float, seed: int,
            standardise: bool) -> Dataset:
    target = target or table.header[-1]
    for name in (target, *ignore):
        table.require(name)
    names = [h for h in table.header if h != target and h not in ignore]
    if not names:
        raise ValueError(f"{table.where}: no feature column besides the target {target!r}")
    for name in names:                                 # a mixed column is said first
        table.is_numeric(name)
    goal = _fit_target(table, target)
    Y = goal.encode(table)
    train_rows, test_rows = split_rows(goal.class_index(Y), test_split, seed)
    encoding = Encoding(tuple(_fit_column(table, name, train_rows, standardise)
                              for name in names), goal)
    X = np.asfortranarray(encoding.encode(table))   # earlier versions' layout: the same
    if not len(test_rows):                           # sums in matmul, bit for bit
        return Dataset(X, Y, encoding, X[:0], Y[:0])
    return Dataset(X[train_rows], Y[train_rows], encoding, X[test_rows], Y[test_rows])


def _builtin_table(name: str) -> Table:
    if name == "xor":
        rows = ((2, ("0", "0", "0")), (3, ("0", "1", "1")), (4, ("1", "0", "1")),
                (5, ("1", "1", "0")))
        return Table("xor", ("x1", "x2", "y"), rows)
    text = resources.files("symnet.numeric").joinpath("data/watermelon3.csv").read_text("utf-8")
    return _table(io.StringIO(text), "watermelon3")


def dataset(data: str, target: str = None, ignore=(), test_split: float = 0.0,
            seed: int = 0) -> Dataset:
    """A named data set or a CSV file, encoded and split.  A CSV file (header row): the
    ``target`` column (default: the last; see :class:`Target`), every other column except
    ``ignore`` a feature, categorical ones one-hot encoded, numeric ones standardised
    (mean 0, deviation 1 over the training rows).  xor: inputs x1, x2, target y;
    watermelon3: the six categorical attributes one-hot, density and sugar as they are,
    the target good (1 for 是).  ValueError with one sentence for bad data."""
    if data.lower().endswith(".csv"):
        return _encode(read_table(data), target, tuple(ignore), test_split, seed, True)
    if data not in DATASETS:
        raise ValueError(f"unknown data set {data!r}; known: {', '.join(DATASETS)}, or a "
                         "FILE.csv")
    target, ignore = ("y", ()) if data == "xor" else ("good", ("id",))
    return _encode(_builtin_table(data), target, ignore, test_split, seed, False)


def load_watermelon3():
    """(X, y, feature names): the six categorical attributes one-hot encoded (values in
    order of first appearance), density and sugar as they are; y = 1 for a good melon."""
    ds = dataset("watermelon3")
    return ds.X, ds.Y, ds.encoding.features


def load_csv(path: str, target: str = None, ignore=()):
    """(X, Y, feature names) of a user's CSV file, every row (see :func:`dataset`)."""
    ds = dataset(path, target, ignore)
    return ds.X, ds.Y, ds.encoding.features


def load(name: str, target: str = None, ignore=()):
    """(X, Y) of a named data set, or of a CSV file, every row."""
    ds = dataset(name, target, ignore)
    return ds.X, ds.Y


# --- training -----------------------------------------------------------------------------

@dataclass
class Run:
    """The history of one training run, and the network it ends with."""

    mode: str
    layers: list
    errors: list = field(default_factory=list)      # training error E after each pass
    updates: int = 0
    reached: Optional[tuple] = None                  # (passes, updates) at the target
    accuracy: float = 0.0                            # on the training rows
    test_error: Optional[float] = None               # E on the test rows (with a split)
    test_accuracy: Optional[float] = None
    rows: tuple = (0, 0)                             # (training rows, test rows)
    activation: str = "sigmoid"
    loss: str = "squared"
    params: list = field(default=None, repr=False)   # the trained weights, as init_params
    encoding: Encoding = field(default=None, repr=False)

    @property
    def final_error(self) -> float:
        return self.errors[-1]


def accuracy(module, params, X, Y, target: Target) -> float:
    """The share of rows whose predicted class (:meth:`Target.class_index`) is right."""
    predicted = target.class_index(module.forward(params, X))
    return float((predicted == target.class_index(Y)).mean())


def train(data: str = "xor", mode: str = "standard", layers=None, eta: float = 0.5,
          epochs: int = 5000, seed: int = 0, target: float = 0.01,
          progress: Callable[[int, float], None] = None, activation: str = "sigmoid",
          loss: str = "squared", target_column: str = None, ignore=(),
          test_split: float = 0.0) -> Run:
    """Train from init_params(seed) on the training rows; standard BP visits them in a
    seeded random order each pass.  ``data``: xor, watermelon3 or a CSV file
    (``target_column``, ``ignore``, ``test_split``: see :func:`dataset`)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; known: {', '.join(MODES)}")
    if epochs < 1 or not eta > 0:
        raise ValueError("need --epochs >= 1 and --eta > 0")
    ds = dataset(data, target_column, ignore, test_split, seed)
    X, Y = ds.X, ds.Y
    layers = list(layers) if layers else default_layers(data, X, Y)
    if layers[0] != X.shape[1] or layers[-1] != Y.shape[1]:
        raise ValueError(f"--layers must start with {X.shape[1]} inputs and end with "
                         f"{Y.shape[1]} output for {data}, got {','.join(map(str, layers))}")
    k = kernels(layers, activation, loss)
    run = Run(mode, layers, rows=(len(X), len(ds.X_test)), activation=activation, loss=loss,
              encoding=ds.encoding)
    run.params = _descend(k, k.init_params(seed), X, Y, run, eta, epochs, seed, target,
                          progress)
    run.accuracy = accuracy(k, run.params, X, Y, ds.encoding.target)
    if len(ds.X_test):
        run.test_error = float(k.loss(run.params, ds.X_test, ds.Y_test))
        run.test_accuracy = accuracy(k, run.params, ds.X_test, ds.Y_test, ds.encoding.target)
    return run


def _descend(k, params, X, Y, run: Run, eta, epochs, seed, target, progress) -> list:
    """``epochs`` passes of ``run.mode`` BP; the error per pass, the updates and the pass
    that reached ``target`` go into ``run``."""
    order_rng = np.random.default_rng(seed + 1)
    for epoch in range(1, epochs + 1):
        if run.mode == "standard":
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
    return params


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
