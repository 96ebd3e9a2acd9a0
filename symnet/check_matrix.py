"""``symnet check --layers``: formulas in the notes' matrix notation, at concrete sizes.

Every quantity is a SymPy Matrix of the concrete network's symbols (:class:`Network`):
a^{(k)}, z^{(k)}, \\tilde{a}^{(k)} = (-1; a^{(k)}), \\Theta^{(kl)} (s_k x s_l),
\\tilde{\\Theta}^{(kl)} ((s_k + 1) x s_l), y.  \\delta^{(k)} on the first side of a chain and
every \\frac{\\partial E}{\\partial z^{(k)}} or \\frac{\\partial E}{\\partial
\\tilde\\Theta^{(kl)}} are SymPy's derivatives (:func:`check_entrywise`, each local
definition differentiated, deltas of the next layer kept as symbols: an induction step);
\\delta elsewhere is the next layer's symbol.  f is the sigmoid, f' its derivative written
in the outputs a.  Layer superscripts are digits, (2), (23), or letters k, l = k + 1 (and
n for the output), in which case the formula is checked for every k.
"""
from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .check import CheckResult, MeaningError, Step
from .entrywise import check_entrywise
from .latex_parse import Node, parse
from .network import Network, validate_sizes
from .registry import sigmoid


class ShapeError(Exception):
    """Shapes that do not fit: a refutation with the diagnosis 'the shapes do not match'."""


@lru_cache(maxsize=8)
def _network(sizes: tuple):
    net = Network(list(sizes))
    report = check_entrywise(list(sizes), keep=True)
    return net, report


class MatrixNotation:
    def __init__(self, sizes, k=None):
        self.sizes = tuple(sizes)
        self.net, self.report = _network(self.sizes)
        self.n = len(sizes)
        self.k = k
        self.eta = sp.Symbol("eta", positive=True)
        self.derive_delta = True

    # -- layers ----------------------------------------------------------------------
    def layer(self, node: Node, pairs=False):
        """The layer(s) in a superscript (k), (kl), (2), (23), (n)."""
        if node.kind == "group":
            node = node.args[0]
        text = _flat(node)
        if text is None:
            raise MeaningError("a layer superscript looks like (k), (kl) or (2)", node.pos)
        values = []
        for ch in text:
            if ch.isdigit():
                values.append(int(ch))
            elif ch == "k":
                values.append(self.k)
            elif ch == "l":
                values.append(self.k + 1)
            elif ch == "n":
                values.append(self.n)
            else:
                raise MeaningError(f"unknown layer {ch!r} (use digits, k, l = k + 1 or n)",
                                   node.pos)
        if pairs:
            if len(values) != 2 or values[1] != values[0] + 1:
                raise MeaningError("the weight matrix is between layers k and l = k + 1, "
                                   "e.g. ^{(kl)} or ^{(23)}", node.pos)
            return values[0]
        if len(values) != 1:
            raise MeaningError("one layer expected, e.g. ^{(k)}", node.pos)
        if not 1 <= values[0] <= self.n:
            raise MeaningError(f"layer {values[0]} does not exist (1..{self.n})", node.pos)
        return values[0]

    def vec(self, items):
        return sp.Matrix(len(items), 1, list(items))

    # -- symbols ---------------------------------------------------------------------
    def symbol(self, node: Node, first_side: bool):
        base, accent, sup, transpose = _split(node)
        net = self.net
        if base == "eta":
            return self.eta
        if base == "y" and sup is None:
            return self.vec(net.y[1:])
        if base is None or sup is None:
            raise MeaningError("matrix symbols carry their layer, e.g. \\delta^{(k)}", node.pos)
        if base == "Theta":
            k = self.layer(sup, pairs=True)
            rows = net.theta[k] if accent in ("tilde", "widetilde") else net.theta[k][1:]
            out = sp.Matrix(rows)
        else:
            k = self.layer(sup)
            if base == "a" and accent in ("tilde", "widetilde"):
                if k == self.n:
                    raise MeaningError("the output layer has no unit 0", node.pos)
                out = self.vec([sp.Integer(-1)] + list(net.a[k][1:]))
            elif base == "a" and not accent:
                out = self.vec(net.a[k][1:])
            elif base == "z" and not accent:
                if k == 1:
                    raise MeaningError("layer 1 is the input: it has no z", node.pos)
                out = self.vec(net.z[k][1:])
            elif base == "delta" and not accent:
                out = self.delta(k, derived=first_side, pos=node.pos)
            else:
                raise MeaningError(f"unknown symbol {base!r} in the matrix notation", node.pos)
        return out.T if transpose else out

    def delta(self, k, derived, pos):
        if k == 1:
            raise MeaningError("layer 1 is the input: it has no delta", pos)
        if derived:
            return self.vec([self.report.derived_delta[(k, i)] for i in range(1, self.sizes[k - 1] + 1)])
        return self.vec(self.net.delta[k][1:])

    def derivative(self, var_node: Node, pos):
        base, accent, sup, _ = _split(var_node)
        if base == "z" and sup is not None:
            return self.delta(self.layer(sup), True, pos)
        if base == "Theta" and accent in ("tilde", "widetilde") and sup is not None:
            k = self.layer(sup, pairs=True)
            rows, cols = self.sizes[k - 1] + 1, self.sizes[k]
            return sp.Matrix(rows, cols, lambda i, j: self.report.derived_gradient[(k, i, j + 1)])
        raise MeaningError("differentiate E with respect to z^{(k)} or \\tilde{\\Theta}^{(kl)}",
                           pos)

    # -- evaluation ------------------------------------------------------------------
    def value(self, node: Node, first: bool):
        k = node.kind
        if k == "num":
            return sp.Rational(node.args[0])
        if k == "group":
            return self.value(node.args[0], first)
        if k == "neg":
            return -self.value(node.args[0], first)
        if k == "add":
            parts = [self.value(a, first) for a in node.args]
            total = parts[0]
            for p in parts[1:]:
                total = _add(total, p)
            return total
        if k == "mul":
            return self.mul(node, first)
        if k == "frac":
            num, den = node.args
            if num.kind == "partial" and den.kind == "partial":
                if _split(num.args[0])[0] != "E":
                    raise MeaningError("the numerator is \\partial E", num.pos)
                return self.derivative(den.args[0], node.pos)
            top, bottom = self.value(num, first), self.value(den, first)
            if isinstance(bottom, sp.MatrixBase):
                raise MeaningError("cannot divide by a matrix", den.pos)
            return top / bottom
        if k == "delta":
            base, accent, sup, _ = _split(node.args[0])
            if base == "Theta" and accent in ("tilde", "widetilde"):
                return -self.eta * self.derivative(node.args[0], node.pos)
            raise MeaningError("\\Delta goes with \\tilde{\\Theta}^{(kl)}", node.pos)
        if k == "call":
            fn, arg = node.args
            return self.apply(self.value(arg, first), _primes(fn), arg.pos)
        if k == "script" and node.op == "^" and node.args[0].kind == "group" \
                and node.args[1].kind == "name" and node.args[1].args[0] in ("top", "T"):
            inner = self.value(node.args[0], first)
            if not isinstance(inner, sp.MatrixBase):
                raise MeaningError("\\top of a scalar", node.pos)
            return inner.T
        if k in ("script", "name", "accent"):
            return self.symbol(node, first)
        raise MeaningError(f"cannot use {k} in the matrix notation", node.pos)

    def mul(self, node, first):
        left, right = node.args
        lv, rv = self.value(left, first), self.value(right, first)
        if node.op == "odot":
            if not (isinstance(lv, sp.MatrixBase) and isinstance(rv, sp.MatrixBase)):
                return lv * rv
            if lv.shape != rv.shape:
                raise ShapeError(f"\\odot of a {_shape(lv)} and a {_shape(rv)}")
            return lv.multiply_elementwise(rv)
        if isinstance(lv, sp.MatrixBase) and isinstance(rv, sp.MatrixBase):
            if lv.shape[1] != rv.shape[0]:
                raise ShapeError(f"a {_shape(lv)} matrix times a {_shape(rv)}")
            return lv * rv
        return lv * rv

    def apply(self, arg, primes, pos):
        """f or f' elementwise, written in the outputs a where the argument is z^(k)."""
        t = sp.Symbol("t")
        form = sp.diff(sigmoid(t), t, primes) if primes else sigmoid(t)
        to_a = {}
        for k in range(2, self.n + 1):
            for i in range(1, self.sizes[k - 1] + 1):
                to_a[sigmoid(self.net.z[k][i])] = self.net.a[k][i]

        def one(z):
            return form.subs(t, z).xreplace(to_a)
        if isinstance(arg, sp.MatrixBase):
            return arg.applyfunc(one)
        return one(arg)


def _add(a, b):
    """a + b.  A number beside a column vector is that number in every entry, as the notes
    write 1 - a^{(k)} for the vector of 1 - a^{(k)}_i, and 0 is the zero matrix; any other
    scalar plus a matrix is a shape error."""
    if isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase):
        if a.shape != b.shape:
            raise ShapeError(f"a {_shape(a)} plus a {_shape(b)}")
        return a + b
    matrix, other = (a, b) if isinstance(a, sp.MatrixBase) else (b, a)
    if isinstance(matrix, sp.MatrixBase):
        if sp.sympify(other) == 0:        # 0 is the zero matrix of any shape
            return matrix
        if matrix.shape[1] == 1 and sp.sympify(other).is_Number:
            return matrix + sp.ones(*matrix.shape) * other
        raise ShapeError("a matrix plus a scalar")
    return a + b


def _shape(m):
    return f"{m.shape[0]} x {m.shape[1]}"


def _flat(node):
    """Letters and digits of a superscript like (kl) or (23) as one string."""
    if node.kind == "group":
        return _flat(node.args[0])
    if node.kind in ("name", "num"):
        return node.args[0]
    if node.kind == "mul" and node.op == "cdot":
        a, b = _flat(node.args[0]), _flat(node.args[1])
        return a + b if a is not None and b is not None else None
    return None


def _primes(node):
    n = 0
    while node.kind == "script":
        n += node.op == "'"
        node = node.args[0]
    return n


def _split(node):
    """(base, accent, layer superscript, transposed) of a matrix symbol."""
    transpose = False
    sup = None
    while node.kind == "script":
        target, arg = node.args
        if node.op == "^":
            if arg.kind == "name" and arg.args[0] in ("top", "T"):
                transpose = True
            else:
                sup = arg
        node = target
    accent = ""
    if node.kind == "accent":
        accent = "" if node.op in ("boldsymbol", "mathbf", "bm", "mathrm", "vec") else node.op
        node = node.args[0]
        if node.kind in ("script", "accent", "group"):
            base, inner_accent, inner_sup, inner_t = _split(node)
            return base, accent or inner_accent, sup or inner_sup, transpose != inner_t
    if node.kind == "group" and node.op in ("{",):
        base, accent2, inner_sup, inner_t = _split(node.args[0])
        return base, accent2, sup or inner_sup, transpose != inner_t
    if node.kind == "group" and node.op in ("(", "["):
        return None, "", sup, transpose
    if node.kind != "name":
        return None, accent, sup, transpose
    return node.args[0], accent, sup, transpose


def _has_letter_layers(text):
    return any(f"({c}" in text.replace(" ", "").replace("{", "") for c in "kl")


def _side_values(notation, tree):
    """Each side of the chain; \\delta is derived on the first side only."""
    return [notation.value(side, n == 0) for n, side in enumerate(tree.args)]


def _same(a, b) -> bool:
    if isinstance(a, sp.MatrixBase) != isinstance(b, sp.MatrixBase):
        return False
    if isinstance(a, sp.MatrixBase):
        if a.shape != b.shape:
            return False
        return all(sp.expand(x - y) == 0 for x, y in zip(a, b))
    return sp.expand(a - b) == 0


def _missing_factor(a, b, notation) -> list:
    """Is a = b ⊙ f'(z^(k)) (or b = a ⊙ f'(z^(k))) for some layer k?"""
    net = notation.net
    for k in range(2, notation.n + 1):
        if a.shape != (notation.sizes[k - 1], 1):
            continue
        fp = sp.Matrix([net.a[k][i] * (1 - net.a[k][i]) for i in range(1, a.shape[0] + 1)])
        if _same(a, b.multiply_elementwise(fp)):
            return [f"a factor is missing: f'(z^({k})) = a^({k}) ⊙ (1 - a^({k}))"]
        if _same(b, a.multiply_elementwise(fp)):
            return [f"a factor is extra: f'(z^({k})) = a^({k}) ⊙ (1 - a^({k}))"]
    return []


def _diagnose(a, b, notation=None) -> list:
    if isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase):
        if a.shape != b.shape:
            if a.shape == b.shape[::-1] and _same(a, b.T):
                return ["a matrix is transposed: the right side is the transpose of the left"]
            return [f"the shapes do not match: left {_shape(a)}, right {_shape(b)}"]
        if _same(a, -b):
            return ["the sign is flipped"]
        for c, text in ((2, "2"), (sp.Rational(1, 2), "1/2")):
            if _same(a, c * b):
                return [f"a constant factor is off: the left side is {text} times the right"]
        if a.shape[0] == a.shape[1] and _same(a, b.T):
            return ["a matrix is transposed"]
        if notation is not None and a.shape[1] == 1:
            missing = _missing_factor(a, b, notation)
            if missing:
                return missing
    elif not isinstance(a, sp.MatrixBase) and not isinstance(b, sp.MatrixBase):
        if _same(a, -b):
            return ["the sign is flipped"]
    return ["no simple variant explains the difference"]


def check_matrix(text: str, layers) -> CheckResult:
    sizes = validate_sizes(list(layers))
    if len(sizes) > 6 or sum(sizes) > 40:
        raise MeaningError("matrix-notation checks are exact and entry by entry: use at most "
                           "6 layers and 40 units in all", 0)
    tree = parse(text)
    if len(tree.args) < 2:
        raise MeaningError("a formula to check needs an '='", 0)
    ks = range(2, len(sizes)) if _has_letter_layers(text) else [None]
    steps = []
    for k in ks:
        notation = MatrixNotation(sizes, k if k is not None else 2)
        label = f"k = {k}: " if k is not None else ""
        try:
            sides = _side_values(notation, tree)
        except ShapeError as exc:
            steps.append(Step(label + "(formula)", "", False,
                              [f"the shapes do not match: {exc}"]))
            continue
        for left, right in zip(sides, sides[1:]):
            holds = _same(left, right)
            step = Step(label + sp.sstr(left)[:200], sp.sstr(right)[:200], holds)
            if not holds:
                step.diagnosis = _diagnose(left, right, notation)
            steps.append(step)
    return CheckResult(all(s.holds for s in steps), steps,
                       "matrix (concrete sizes, sigmoid, squared error)",
                       ",".join(map(str, sizes)))
