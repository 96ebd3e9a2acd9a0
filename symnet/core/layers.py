"""A concrete network [s_1, ..., s_n] with every weight, threshold and named intermediate
as its own SymPy symbol (the notes' matrix notation).

Layer 1 is the input x; layer k > 1 has inputs z^(k) and outputs a^(k) = f(z^(k)).
``theta[k]`` is Theta~^(k,k+1) as a list of rows, shape (s_k + 1) x s_{k+1}; row 0 holds
the thresholds, which multiply the constant unit a~_0 = -1:

    z^(l)_j = sum_{i=1}^{s_k} theta_ij a^(k)_i - theta_0j            (l = k + 1)

Layers are numbered from 1 as in the notes; Python lists keep a ``None`` at index 0.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

#: widths beyond this are refused: the symbolic checker holds every entry in memory
MAX_ENTRIES = 2_000_000


def validate_sizes(sizes, max_entries: int | None = MAX_ENTRIES) -> list[int]:
    """Check a list of layer widths; ValueError with one clear sentence otherwise.
    ``max_entries``: the exact checker's limit on weights and thresholds (None: none)."""
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError("a network needs at least two layers (input and output), "
                         f"got {len(sizes)}")
    for s in sizes:
        if not isinstance(s, int) or isinstance(s, bool) or s < 1:
            raise ValueError(f"layer widths must be positive integers, got {s!r}")
    entries = sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
    if max_entries is not None and entries > max_entries:
        raise ValueError(f"{entries:,} weights and thresholds is more than the "
                         f"{max_entries:,} the exact checker handles")
    return sizes


def parse_layers(text: str, max_entries: int | None = None) -> list[int]:
    """'3,4,4,3' -> [3, 4, 4, 3]; ValueError with one clear sentence otherwise.  The
    syntax is checked here for every command; each command passes its own limit
    (``max_entries=MAX_ENTRIES`` for the exact checks, none for code generation)."""
    parts = [p.strip() for p in str(text).split(",")]
    if not text or not text.strip() or any(p == "" for p in parts):
        raise ValueError(f"--layers wants comma-separated widths such as 3,4,4,3, got {text!r}")
    try:
        sizes = [int(p) for p in parts]
    except ValueError:
        raise ValueError(f"--layers wants whole numbers such as 3,4,4,3, got {text!r}") from None
    try:
        return validate_sizes(sizes, max_entries)
    except ValueError as exc:                 # the option named, as the messages above
        raise ValueError(f"--layers {text!r}: {exc}") from None


def _sym(name: str) -> sp.Symbol:
    return sp.Symbol(name, real=True)


@dataclass
class Network:
    """Symbols of a concrete network; ``n`` layers, ``sizes[k - 1]`` = s_k."""

    sizes: list[int]
    theta: list = field(init=False)   # theta[k][i][j], k = 1..n-1
    z: list = field(init=False)       # z[k][i], k = 2..n, i = 1..s_k (index 0 unused)
    a: list = field(init=False)       # a[k][i], a[1] = x
    delta: list = field(init=False)   # delta[k][i] = dE/dz^(k)_i as a named symbol
    y: list = field(init=False)
    #: callable(count) told after each row of weights is made (a progress bar: a
    #: 784-1000-1000-10 network has 1.8 million weight symbols); dropped once built
    made: object = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        self.sizes = validate_sizes(self.sizes)
        n = self.n
        self.theta = [None] * n
        self.z, self.a, self.delta = [None] * (n + 1), [None] * (n + 1), [None] * (n + 1)
        for k in range(1, n + 1):
            s = self.s(k)
            name = "x" if k == 1 else f"a^({k})"
            self.a[k] = [None] + [_sym(f"{name}_{i}") for i in range(1, s + 1)]
            if k > 1:
                self.z[k] = [None] + [_sym(f"z^({k})_{i}") for i in range(1, s + 1)]
                self.delta[k] = [None] + [_sym(f"delta^({k})_{i}") for i in range(1, s + 1)]
        for k in range(1, n):
            self.theta[k] = []
            for i in range(0, self.s(k) + 1):
                self.theta[k].append([_sym(f"theta^({k},{k + 1})_({i},{j})")
                                      for j in range(1, self.s(k + 1) + 1)])
                if self.made:
                    self.made(self.s(k + 1))
        self.made = None
        self.y = [None] + [_sym(f"y_{j}") for j in range(1, self.s(n) + 1)]

    @property
    def n(self) -> int:
        return len(self.sizes)

    def s(self, k: int) -> int:
        """Width s_k of layer k (1-based)."""
        return self.sizes[k - 1]

    @property
    def entries(self) -> int:
        """Number of weights and thresholds: sum_k (s_k + 1) s_{k+1}."""
        return sum((a + 1) * b for a, b in zip(self.sizes, self.sizes[1:]))

    def a_tilde(self, k: int, i: int):
        """a~^(k)_i: -1 for i = 0, else a^(k)_i."""
        return sp.Integer(-1) if i == 0 else self.a[k][i]

    def z_definition(self, l: int, j: int):
        """z^(l)_j = sum_{i=0}^{s_k} Theta~_ij a~_i in the layer-k symbols (k = l - 1)."""
        k = l - 1
        return sp.Add(*(self.theta[k][i][j - 1] * self.a_tilde(k, i)
                        for i in range(0, self.s(k) + 1)))
