"""``symnet check --layers``: formulas in the notes' matrix notation, at concrete sizes.

One meaning per symbol (:class:`symnet.nested.NetworkModel`): every quantity is a SymPy
Matrix in the canonical form of the concrete network -- x, Theta~, y and the unit symbols
a^{(k)}_i = f(z^{(k)}_i) -- with z^{(k)} = [\\tilde\\Theta^{(k-1,k)}]^T \\tilde a^{(k-1)}
its definition, \\tilde a^{(k)} = (-1; a^{(k)}), \\Theta^{(kl)} (s_k x s_l),
\\tilde\\Theta^{(kl)} ((s_k + 1) x s_l), y the targets and \\hat y = a^{(n)} the outputs.
\\delta^{(k)}, wherever it stands, and every \\frac{\\partial E}{\\partial X} (X = z^{(k)},
a^{(k)}, x, \\Theta^{(kl)}, \\tilde\\Theta^{(kl)}, or one entry of them) are SymPy's
derivatives of the nested error E = 1/2 ||a^{(n)} - y||^2.  f is the sigmoid (the notes' f),
f' SymPy's derivative of it.  L is the loss (E without a regulariser); s, \\lambda and
\\Omega (another notation's regularisers) exist in a model with one.  Digit subscripts
select entries (a_1^{(2)}); any other mark that has no meaning here is refused, never
dropped.  Layer superscripts are digits, (2),
(23), or letters k, l = k + 1 and n; a formula with k is checked for every k at which all
its layers exist, and the result names those k.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

import sympy as sp

from symnet.checker.result import CheckResult, MeaningError, Step, defined, printed, shown
from symnet.checker.equality import exact_ratio, same as _same, shape as _shape, shape_facts
from symnet.checker.evaluate import Evaluator
from symnet.checker.chain_product import chain_product
from symnet.checker.parse import Node, parse
from symnet.checker.tree import nodes, written_in_a_superscript
from symnet.checker.symbols import flat_text, function_of, index_items, read_symbol
from symnet.checker.symbols import is_transpose  # noqa: F401  (translate.py imports it here)
from symnet.core.notation import FUNCTIONS
from symnet.core.registry import ABSTRACT, any_loss, fprime, fsecond, loss_prime, row_written
from symnet.prove.nested import DEFAULT_MODEL, OMEGA, NetworkModel, model_text
from symnet.core.layers import validate_sizes


#: bound on the instances (k and free index values) one formula is checked at
MAX_CASES = 600


class ShapeError(Exception):
    """Shapes that do not fit: a refutation with the diagnosis 'the shapes do not match'."""


class NeedsLayer(MeaningError):
    """A layer letter (k, l) was met while no layer is chosen: check for every k."""


class NeedsIndex(MeaningError):
    """A free letter index (a_i^{(k)}): the formula is checked for every value."""


def _outside(what: str, sub: Node, env: dict) -> MeaningError:
    """The error for an entry that does not exist: OutsideLayers (that k is skipped) for a
    digit or a free index; a plain MeaningError when a sum's index runs to it (the sum's
    bound is not this layer's width: sum_{i=1}^{4} a_i^{(k)} at a layer of 3 units is no
    formula to skip there, it is wrong there)."""
    items = index_items(sub) or ()
    if any(item in env for item in items):
        return PastUnits(f"{what}: a sum runs past the units of a layer (its bound is not "
                         "that layer's width, at some k)", sub.pos)
    return OutsideLayers(what, sub.pos)


class PastUnits(MeaningError):
    """A sum's index runs to a unit its layer does not have, at one k: the formula is
    refuted where another k refutes it, else not checked."""


class OutsideLayers(MeaningError):
    """For this choice of k some layer does not exist (delta^(1), Theta^(n,n+1)): the
    formula says nothing about that k."""


def _coordinates(notation, value):
    """A side with the network's relations applied (no biases: theta_0j = 0; a linear
    output layer's a^(n) = z^(n): :meth:`NetworkModel.relations`)."""
    change = notation.model.relations()
    if not change or not isinstance(value, (sp.Basic, sp.MatrixBase)):
        return value
    if isinstance(value, sp.MatrixBase):
        return value.applyfunc(lambda v: v.xreplace(change))
    return value.xreplace(change)


@lru_cache(maxsize=8)
def _model_of(sizes: tuple, spec: tuple) -> NetworkModel:
    return NetworkModel(list(sizes), *spec)


class MatrixNotation(Evaluator):
    """The matrix notation on the concrete network ``sizes``; ``k`` the value of the layer
    letter k (l = k + 1), None while the formula is read without one."""

    def __init__(self, sizes, k=None, free=None, model: tuple = DEFAULT_MODEL):
        self.free = dict(free or {})      # values of the free letter indices (i, j, ...)
        self.sizes = tuple(sizes)
        self.model = _model_of(self.sizes, tuple(model))
        self.net = self.model.net
        self.n = len(sizes)
        self.k = k
        self.eta = sp.Symbol("eta", positive=True)
        self.graph = None                 # while differentiating by the loss L or s

    # -- layers ----------------------------------------------------------------------
    def layer(self, node: Node, pairs=False):
        """The layer(s) in a superscript (k), (kl), (2), (23), (n), k, kl."""
        if node.kind == "group":
            node = node.args[0]
        text = flat_text(node)
        if text is None:
            raise MeaningError("a layer superscript looks like (k), (kl) or (2)", node.pos)
        values = []
        for ch in text:
            if ch.isdigit():
                values.append(int(ch))
            elif ch in "kl":
                if self.k is None:
                    raise NeedsLayer("layer letters", node.pos)
                values.append(self.k + (ch == "l"))
            elif ch == "n":
                values.append(self.n)
            else:
                raise MeaningError(f"unknown layer {ch!r} (use digits, k, l = k + 1 or n)",
                                   node.pos)
        if pairs:
            if len(values) != 2 or values[1] != values[0] + 1:
                raise MeaningError("the weight matrix is between layers k and l = k + 1, "
                                   "e.g. ^{(kl)} or ^{(23)}", node.pos)
            if not 1 <= values[0] < self.n:
                raise OutsideLayers(f"there is no Theta^({values[0]}{values[1]})", node.pos)
            return values[0]
        if len(values) != 1:
            raise MeaningError("one layer expected, e.g. ^{(k)}", node.pos)
        if not 1 <= values[0] <= self.n:
            raise OutsideLayers(f"layer {values[0]} does not exist (1..{self.n})", node.pos)
        return values[0]

    def vec(self, items):
        return sp.Matrix(len(items), 1, list(items))

    # -- symbols ---------------------------------------------------------------------
    def symbol(self, node: Node, env: dict):
        """A named quantity with its marks: base, accent, layer, transpose, entry."""
        base, accent, sup, transpose, sub = split_symbol(node)
        if base == "theta" and sub is not None and sup is not None and not accent:
            k, i, j = self.weight(sup, sub, env)
            return self.net.theta[k][i][j - 1]
        if base == "a" and sub is not None and sup is not None and not accent:
            k = self.layer(sup)
            (i,) = self.indices(sub, env, 1)
            if i == 0 and k < self.n:
                return sp.Integer(-1)                  # the constant unit a_0 = -1
        out = self._quantity(node, base, accent, sup)
        if sub is not None:
            out = self.entry(out, sub, env, tilde_rows=_tilde_rows(base, accent))
        return out.T if transpose and isinstance(out, sp.MatrixBase) else out

    def weight(self, sup: Node, sub: Node, env: dict) -> tuple:
        """(k, i, j) of a weight theta_{ij}^{(kl)}: row i of Theta~ (0 the threshold),
        column j."""
        k = self.layer(sup, pairs=True)
        i, j = self.indices(sub, env, 2)
        if not (0 <= i <= self.sizes[k - 1] and 1 <= j <= self.sizes[k]):
            raise _outside(f"theta_{{{i}{j}}}^{{({k}{k + 1})}} does not exist", sub, env)
        return k, i, j

    def indices(self, sub: Node, env: dict, count: int) -> list:
        """Digits (11, 1,1), or letters bound by a sum, as integers."""
        items = index_items(sub)
        if items is None:
            raise MeaningError("entries are selected with digits, e.g. a_1^{(2)} or "
                               "\\theta_{12}^{(23)}", sub.pos)
        values = []
        for item in items:
            if item.isdigit():
                values.append(int(item))
            elif item in env:
                values.append(env[item])
            elif item in self.free:
                values.append(self.free[item])
            else:
                raise NeedsIndex(f"the free index {item!r}", sub.pos)
        if len(values) != count:
            raise MeaningError(f"{count} index(es) expected, got {len(values)}", sub.pos)
        return values

    def entry(self, value, sub: Node, env: dict, tilde_rows: bool = False):
        """value_{i}, value_{ij}, a row value_{i:} or a column value_{:j}.  Rows of a tilde
        matrix count from 0 (the threshold row), every other index from 1."""
        if not hasattr(value, "shape"):
            raise MeaningError("a subscript on a scalar", sub.pos)
        first = 0 if tilde_rows else 1
        rows, cols = value.shape
        if sub.kind == "slice":
            row, col = sub.args
            if (row is None) == (col is None):
                raise MeaningError("a slice is i: (a row) or :j (a column)", sub.pos)
            if row is not None:
                (i,) = self.indices(row, env, 1)
                if not 0 <= i - first < rows:
                    raise _outside(f"row {i} does not exist", row, env)
                return value[i - first, :]
            (j,) = self.indices(col, env, 1)
            if not 0 <= j - 1 < cols:
                raise _outside(f"column {j} does not exist", col, env)
            return value[:, j - 1]
        if cols == 1:
            (i,) = self.indices(sub, env, 1)
            j = 1
        else:
            i, j = self.indices(sub, env, 2)
        if not (0 <= i - first < rows and 0 <= j - 1 < cols):
            raise _outside(f"entry {i},{j} is outside a {rows} x {cols} quantity", sub, env)
        return value[i - first, j - 1]

    def _quantity(self, node, base, accent, sup):
        net, model = self.net, self.model
        if accent not in ("", "tilde", "hat"):
            raise MeaningError(f"\\{accent} has no meaning in the matrix notation", node.pos)
        hat, tilde = accent == "hat", accent == "tilde"
        if self.graph and not accent and sup is None and base in ("E", "L", "s"):
            # differentiating by L or s: J = L + s over the two nodes, L and s themselves
            return self.graph.get(base, self.graph["L"] + self.graph["s"])
        scalar = None if accent or sup is not None else self.scalar(base)
        if scalar is not None:
            return scalar
        if base == "y" and sup is None:
            # y the targets; \hat{y} the outputs a^(n)
            return self.vec(model.a(self.n) if hat else net.y[1:])
        if base == "x" and sup is None and not accent:
            return self.vec(model.a(1))
        if hat:
            raise MeaningError(f"\\hat on {base} has no meaning in the matrix notation",
                               node.pos)
        if base is None or sup is None:
            raise MeaningError("matrix symbols carry their layer, e.g. \\delta^{(k)}", node.pos)
        if base == "Theta":
            k = self.layer(sup, pairs=True)
            rows = net.theta[k] if tilde else net.theta[k][1:]
            return sp.Matrix(rows)
        k = self.layer(sup)
        if base == "a" and tilde:
            if k == self.n:
                raise OutsideLayers("the output layer has no unit 0", node.pos)
            return self.vec([sp.Integer(-1)] + model.a(k))
        if tilde:
            raise MeaningError(f"\\tilde on {base} has no meaning in the matrix notation",
                               node.pos)
        if base == "a":
            return self.vec(model.a(k))
        if base == "z":
            if k == 1:
                raise OutsideLayers("layer 1 is the input: it has no z", node.pos)
            return self.vec(model.z(k))
        if base == "delta":
            if k == 1:
                raise OutsideLayers("layer 1 is the input: it has no delta", node.pos)
            return self.vec(model.delta(k))
        raise MeaningError(f"unknown symbol {base!r} in the matrix notation", node.pos)

    def scalar(self, base: str):
        """The scalars written without marks, or None: eta, the error E, the loss L (E
        itself without a regulariser), and in a model with one, its strength lambda, d2l's
        L2 term s (lambda/2 sum ||W||^2) or the arbitrary regulariser Omega(theta)."""
        model = self.model
        named = {"eta": lambda: self.eta, "E": model.error_canonical,
                 "L": model.loss_canonical}
        if model.l2:
            named.update({"s": model.regulariser, "lambda": lambda: model.lam})
        if model.l2 == "any":
            named["Omega"] = model.omega
        return named[base]() if base in named else None

    # -- derivatives -------------------------------------------------------------------
    def variables(self, node: Node, env: dict):
        """What a denominator \\partial X names: one variable, or variables in the layout
        of X (a vector, or Theta~), each ("a" | "z" | "theta", layer, indices)."""
        base, accent, sup, transpose, sub = split_symbol(node)
        tilde = accent == "tilde"
        if transpose or accent not in ("", "tilde"):
            raise MeaningError("differentiate with respect to z^{(k)}, a^{(k)}, x, "
                               "\\tilde{\\Theta}^{(kl)} or one of their entries", node.pos)
        if base == "x" and sup is None and not accent:
            out = _Cells([[("a", 1, i)] for i in range(1, self.sizes[0] + 1)])
        elif self.model.l2 and base in ("L", "s") and sup is None and sub is None:
            return ("node", base)
        elif sup is None:
            raise MeaningError("differentiate with respect to a quantity with its layer, "
                               "e.g. z^{(k)}", node.pos)
        elif base == "theta" and not tilde:
            if sub is None:
                raise MeaningError("a weight needs its indices, \\theta_{ij}^{(kl)}", node.pos)
            return ("theta",) + self.weight(sup, sub, env)
        elif base == "Theta":
            k = self.layer(sup, pairs=True)
            first = 0 if tilde else 1
            out = _Cells([[("theta", k, i, j) for j in range(1, self.sizes[k] + 1)]
                          for i in range(first, self.sizes[k - 1] + 1)])
            return self.entry(out, sub, env, tilde_rows=tilde) if sub is not None else out
        elif base in ("z", "a") and not tilde:
            k = self.layer(sup)
            if base == "z" and k == 1:
                raise OutsideLayers("layer 1 is the input: it has no z", node.pos)
            if base == "a" and sub is not None:
                (i,) = self.indices(sub, env, 1)
                if i == 0 and not all(c.isdigit() for c in index_items(sub) or ["?"]):
                    raise OutsideLayers("a free index at 0: a_0 is the constant -1", node.pos)
                if i == 0:
                    raise MeaningError("a_0 is the constant -1: nothing to differentiate by",
                                       node.pos)
            out = _Cells([[(base, k, i)] for i in range(1, self.sizes[k - 1] + 1)])
        else:
            raise MeaningError("differentiate with respect to z^{(k)}, a^{(k)}, x, "
                               "\\tilde{\\Theta}^{(kl)} or one of their entries", node.pos)
        return self.entry(out, sub, env) if sub is not None else out

    def derivative(self, num: Node, den: Node, env: dict, pos):
        """\\frac{\\partial N}{\\partial X}: SymPy's derivative of N (E, a unit, any scalar
        expression) with respect to every variable of X, in X's layout."""
        where = self.variables(den, env)
        if isinstance(where, tuple) and where[0] == "node":
            return self.by_node(num, where[1], env)
        self.refuse_through_input(num, where, env)
        top = self.value(num, env)
        if isinstance(top, sp.MatrixBase) and top.shape != (1, 1):
            return self.jacobian(top, where, pos)
        if isinstance(top, sp.MatrixBase):
            top = top[0, 0]
        if isinstance(where, tuple):
            return self.model.derivative(top, where)
        return where.applyfunc(lambda v: self.model.derivative(top, v))

    def refuse_through_input(self, num: Node, where, env: dict) -> None:
        """d N / d a^{(k)} has no one meaning where N writes what depends on a^{(k)} also
        through the units' input z^{(k)} (z^{(k)}, delta^{(k)} = dE/dz^{(k)}, a derivative
        by z^{(k)} or by a weight into layer k): with f'(z^{(k)}) held fixed it is one
        number, with f'(z^{(k)}) moving as a^{(k)} does (the sigmoid's a(1 - a)) another.
        MeaningError then; the canonical form hides the difference, the written tree
        does not.  A layer whose f' is a constant (linear units) has one meaning."""
        cells = [where] if isinstance(where, tuple) else [v for r in where.rows for v in r]
        layers = {v[1] for v in cells if v[0] == "a" and v[1] >= 2}
        layers = {k for k in layers if _curved(self.model.f_at(k))}    # f' constant: one
        for node in nodes(num) if layers else ():
            at, what = self.written_layer(node)
            if at in layers:
                raise MeaningError(f"the numerator depends on a^({at}) also through the "
                                   f"units' input z^({at}) (it writes {what}), so a "
                                   f"derivative by a^({at}) alone is not defined here",
                                   node.pos)

    def written_layer(self, node: Node) -> tuple:
        """(k, what) for a written z^{(k)} or delta^{(k)}, or a derivative by a weight
        theta^{(k-1,k)} into layer k; (None, "") for anything else."""
        by = node.kind == "partial"
        if by:
            node = node.args[0]
        if node.kind not in ("script", "name", "accent"):
            return None, ""
        try:
            base, _, sup, _, _ = split_symbol(node)
            if sup is None or base not in (("theta", "Theta") if by else ("z", "delta")):
                return None, ""
            if by:
                k = self.layer(sup, pairs=True)
                return k + 1, f"a derivative by a weight of Theta^({k}{k + 1})"
            return self.layer(sup), f"{base}^({self.layer(sup)})"
        except MeaningError:
            return None, ""

    def by_node(self, num: Node, name: str, env: dict):
        """d N / d L or d N / d s, d2l's loss and L2 term as nodes of the computational
        graph: J = L + s over the two; every other quantity (units, weights, targets)
        lies before them in the graph and does not change with them.  A numerator that
        is itself a derivative is refused: what it depends on is not one node."""
        if any(n.kind in ("frac", "prod") for n in nodes(num)):
            raise MeaningError("a derivative differentiated by L or s is not read", num.pos)
        self.graph = {"L": sp.Dummy("L"), "s": sp.Dummy("s")}
        try:
            top = self.value(num, env)
        finally:
            node, self.graph = self.graph[name], None
        if isinstance(top, sp.MatrixBase):
            return top.applyfunc(lambda e: sp.diff(e, node))
        return sp.diff(top, node)

    def on_prod(self, node: Node, env: dict):
        """d2l's prod(dN/dY, dY/dX): the chain rule's product, sum over Y's entries y of
        dN/dy dy/dX, laid out as X; read only where that meaning is fixed (see
        :func:`symnet.checker.chain_product.chain_product`)."""
        return chain_product(self, node, env)

    def jacobian(self, top, where, pos):
        """\\frac{\\partial \\mathbf{y}}{\\partial \\mathbf{x}} of two column vectors, in
        the notes' layout (the layout of their gradients, \\partial E / \\partial x in the
        shape of x): row i by x_i, column j by y_j, entry dy_j / dx_i; so that
        dE/dx = (dy/dx)(dE/dy), and dz^{(l)}/da^{(k)} = Theta^{(kl)}.  A row vector, or a
        derivative by a matrix or by one entry, has no agreed layout: refused."""
        if top.shape[1] != 1 or isinstance(where, tuple) or where.shape[1] != 1:
            raise MeaningError("a vector is differentiated by a column vector only (a "
                               "Jacobian, rows by the variable's entries); not a row vector, "
                               "and not by a matrix or by one entry", pos)
        return sp.Matrix(where.shape[0], top.shape[0],
                         lambda i, j: self.model.derivative(top[j, 0], where[i, 0]))

    # -- evaluation ------------------------------------------------------------------
    unknown = "cannot use {kind} in the matrix notation"

    def is_matrix(self, value) -> bool:
        return isinstance(value, sp.MatrixBase)

    def add(self, a, b):
        return _add(a, b)

    def on_neg(self, node: Node, env: dict):
        return -self.value(node.args[0], env)

    def on_call(self, node: Node, env: dict):
        fn, arg = node.args
        return self.apply(self.value(arg, env), fn)

    def on_matrix(self, node: Node, env: dict):
        rows = [[self.value(e, env) for e in row] for row in node.args]
        if any(isinstance(e, sp.MatrixBase) for row in rows for e in row):
            raise MeaningError("a matrix of matrices", node.pos)
        return sp.Matrix(rows)

    def on_norm(self, node: Node, env: dict):
        return self.norm(node, env)

    def on_script(self, node: Node, env: dict):
        if node.op == "_" and node.args[0].kind == "norm":      # ||M||_F
            return self.norm(node, env)
        return self.symbol(node, env)

    def on_dots(self, node: Node, env: dict):
        raise MeaningError("\\dots stands for terms that are not written", node.pos)

    def on_delta(self, node: Node, env: dict):
        """\\Delta\\tilde{\\Theta}^{(kl)} = -\\eta dE/d\\tilde{\\Theta}^{(kl)} (or of one
        weight)."""
        base, accent, sup, transpose, sub = split_symbol(node.args[0])
        if (base == "Theta" and sub is None or base == "theta" and sub is not None
                and sup is not None and not accent) and not transpose:
            num = Node("name", ("E",), node.pos)
            return -self.eta * self.derivative(num, node.args[0], env, node.pos)
        raise MeaningError("\\Delta goes with \\tilde{\\Theta}^{(kl)} or a weight "
                           "\\theta_{ij}^{(kl)}", node.pos)

    def on_vector(self, node: Node, env: dict):
        """(a; b; c) a column (items that are columns are stacked, as (-1; x)), (a, b, c) a
        row."""
        items = [self.value(e, env) for e in node.args]
        if node.op == "column":
            rows = []
            for item in items:
                if isinstance(item, sp.MatrixBase):
                    if item.shape[1] != 1:
                        raise ShapeError(f"a {_shape(item)} inside a column vector")
                    rows.extend(item)
                else:
                    rows.append(item)
            return sp.Matrix(len(rows), 1, rows)
        if any(isinstance(item, sp.MatrixBase) and item.shape != (1, 1) for item in items):
            raise ShapeError("a matrix inside a row vector")
        return sp.Matrix(1, len(items), [i[0, 0] if isinstance(i, sp.MatrixBase) else i
                                         for i in items])

    def on_sum(self, node: Node, env: dict):
        """\\sum_{j=1}^{3} with concrete bounds (digits or s_k), summed out explicitly."""
        low, high, body = node.args
        if low.kind != "assign" or low.args[0].kind != "name" or high is None:
            raise MeaningError("a sum in the matrix notation is written \\sum_{j=1}^{3}",
                               node.pos)
        letter = low.args[0].args[0]
        if written_in_a_superscript(body, letter):
            raise MeaningError(f"a sum over a layer letter ({letter} in a layer) is not read "
                               f"(a formula is checked at every layer, so the sum's {letter} "
                               "would not be bound): write its terms out", node.pos)
        start, stop = self.bound(low.args[1], env), self.bound(high, env)
        total = sp.S.Zero
        for v in range(start, stop + 1):
            total = _add(total, self.value(body, dict(env, **{letter: v})))
        return total

    def bound(self, node: Node, env: dict) -> int:
        if node.kind == "num" and node.args[0].isdigit():
            return int(node.args[0])
        if node.kind == "name" and node.args[0] in env:
            return env[node.args[0]]
        base, accent, sup, transpose, sub = split_symbol(node)
        if base == "s" and sub is not None and not accent and sup is None:
            return self.sizes[self.layer(sub) - 1]
        raise MeaningError("a sum's bound is a number or a width s_k", node.pos)

    def on_mul(self, node, env):
        left, right = node.args
        if _applied_error(left, right):
            raise MeaningError("E(...) writes the error as a function of its arguments: a "
                               "notation, not read here (write E)", right.pos)
        lv, rv = self.value(left, env), self.value(right, env)
        if node.op == "odot":
            if not (isinstance(lv, sp.MatrixBase) and isinstance(rv, sp.MatrixBase)):
                return lv * rv
            if lv.shape != rv.shape:
                raise ShapeError(f"\\odot of a {_shape(lv)} and a {_shape(rv)}")
            return lv.multiply_elementwise(rv)
        if isinstance(lv, sp.MatrixBase) and isinstance(rv, sp.MatrixBase):
            if lv.shape[1] != rv.shape[0] and _argument_list(left, right):
                raise MeaningError("a quantity before a bracketed argument, X(x), may write "
                                   "X as a function of it (a^{(k)}(x), h^{(0)}(x) = x), and "
                                   "as a product the shapes do not fit: not read", right.pos)
            if lv.shape[1] != rv.shape[0]:
                raise ShapeError(f"a {_shape(lv)} matrix times a {_shape(rv)}")
            return lv * rv
        return lv * rv

    def norm(self, node: Node, env: dict):
        """||v|| of a vector, or ||M||_F (Frobenius) of any matrix: the square root of
        the sum of the squared entries (its square that sum exactly)."""
        frobenius = node.kind == "script"
        if frobenius and not (node.args[1].kind == "name" and node.args[1].args[0] == "F"):
            raise MeaningError("a norm's subscript is F (Frobenius)", node.args[1].pos)
        inner = self.value((node.args[0] if frobenius else node).args[0], env)
        if not isinstance(inner, sp.MatrixBase):
            inner = sp.Matrix([inner])
        if not frobenius and 1 not in inner.shape:
            raise MeaningError("\\|v\\| is the Euclidean norm of a vector", node.pos)
        return sp.sqrt(sum(e ** 2 for e in inner))

    def on_func(self, node: Node, env: dict):
        """\\tanh, \\exp, \\ln, \\sqrt (core.notation.FUNCTIONS) of a scalar; an
        activation of the registry (\\tanh: its row) also of a column, entry by entry."""
        self.refuse_max(node)
        row = row_written(node.op)
        fn = row.function if row is not None else FUNCTIONS[node.op]
        arg = self.value(node.args[0], env)
        if row is None and isinstance(arg, sp.MatrixBase):
            raise MeaningError(f"\\{node.op} of a vector or matrix: write it entry by entry",
                               node.pos)

        def one(z):
            return self.model.canonical(fn(z))
        return arg.applyfunc(one) if isinstance(arg, sp.MatrixBase) else one(arg)

    def apply(self, arg, fn: Node):
        """f (the sigmoid, the notes' f) or f' elementwise: SymPy's derivative of f, each
        f(z^(k)_i) written as the unit a^(k)_i."""
        name, primes = function_of(fn)
        if name not in ("f", "sigma"):
            raise MeaningError(f"unknown function {name!r} in the matrix notation (f, f')",
                               fn.pos)
        t = sp.Dummy("t")
        form = sp.diff(self.model.f(t), t, primes) if primes else self.model.f(t)

        def one(z):
            return self.model.canonical(form.xreplace({t: z}))
        arg = arg
        if isinstance(arg, sp.MatrixBase):
            return arg.applyfunc(one)
        return one(arg)


class _Cells:
    """A small matrix of variable descriptions (SymPy matrices hold expressions only)."""

    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.shape = (len(self.rows), len(self.rows[0]))

    def __getitem__(self, key):
        i, j = key
        rows = self.rows[i] if isinstance(i, slice) else [self.rows[i]]
        picked = [row[j] if isinstance(j, slice) else [row[j]] for row in rows]
        if isinstance(i, slice) or isinstance(j, slice):
            return _Cells(picked)
        return picked[0][0]

    def applyfunc(self, fn):
        return sp.Matrix([[fn(v) for v in row] for row in self.rows])


@lru_cache(maxsize=64)
def _curved(f) -> bool:
    """Whether the activation ``f`` has a derivative that is not a constant (f'' != 0): the
    sigmoid's a(1 - a) is, a linear unit's 1 is not."""
    t = sp.Dummy("t")
    return sp.diff(f(t), t, 2) != 0


def _applied_error(left: Node, right: Node) -> bool:
    """E (a^{(n)}), \nabla_{a} E (a^{(n)}): the error, or its derivative, before an
    argument list."""
    if left.kind == "frac" and left.args[0].kind == "partial":
        left = left.args[0].args[0]
    return left.kind == "name" and left.args[0] == "E" and (
        right.kind == "group" and right.op == "(" or right.kind == "vector" and
        right.op == "row")


def _argument_list(left: Node, right: Node) -> bool:
    """A symbol (with its scripts, the last factor of a product) right before the input x
    in parentheses: h^{(0)}(x), W h^{(k-1)}(x), which notes after Larochelle's write for
    the quantity as a function of the input, as well as a product.  Only the input as
    written: a running value put in (g's, a group too) or any other factor is a product."""
    while left.kind == "mul" and left.op != "odot":
        left = left.args[1]
    inner = right.args[0] if right.kind == "group" and right.op == "(" else None
    return inner is not None and inner.kind == "name" and inner.args[0] == "x" and \
        left.kind in ("name", "script")


def _tilde_rows(base, accent) -> bool:
    return base in ("Theta", "a") and accent == "tilde"


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


def split_symbol(node):
    """(base, accent, layer superscript, transposed, subscript) of a matrix symbol (the
    one reader, :func:`~symnet.checker.symbols.read_symbol`); a prime is refused."""
    marked = read_symbol(node)
    if marked.primes:
        raise MeaningError("a prime on a matrix symbol", node.pos)
    return marked.base, marked.accent, marked.sup, marked.transpose, marked.sub


def free_index_letters(tree: Node) -> list:
    """Letters used as subscripts (a_i, theta_{ij}, delta_j) and not bound by a sum."""
    found, bound = set(), set()
    for node in nodes(tree):
        if node.kind == "sum" and node.args[0].kind == "assign" \
                and node.args[0].args[0].kind == "name":
            bound.add(node.args[0].args[0].args[0])
        if node.kind == "script" and node.op == "_" and node.args[0].kind != "norm":
            base = split_symbol(node.args[0])[0] if node.args[0].kind != "script" else None
            if base != "s":
                items = index_items(node.args[1]) if node.args[1].kind != "slice" else None
                found.update(i for i in (items or []) if i.isalpha())
    return sorted(found - bound - {"k", "l", "n"})


def _sides(sizes, tree, k, free=None, model: tuple = DEFAULT_MODEL):
    """Each side's value, or the ShapeError that makes it meaningless."""
    notation = MatrixNotation(sizes, k, free, model)
    values = []
    for side in tree.args:
        try:
            values.append(defined(notation.value(side, {}), side.pos))
        except ShapeError as exc:
            values.append(exc)
    return notation, values


def _network_point(notation, seed: int, digits: int = 40) -> dict:
    """A real network: x, Theta~, y and eta exact random rationals (seeded), every unit
    a^{(k)}_i the activation (the registry row's f) of its z at those values (to
    ``digits`` + 10 digits, so that sides compared at ``digits`` keep 10 more in hand):
    the values at which a refutation is shown."""
    import random
    net, rng = notation.net, random.Random(seed)
    point = {notation.eta: sp.Rational(rng.randint(1, 9), 10)}

    def draw():
        return sp.Rational(rng.randint(-9, 9), rng.randint(2, 7))
    for s in net.a[1][1:] + net.y[1:] + [t for k in range(1, notation.n)
                                        for row in net.theta[k] for t in row]:
        point[s] = draw()
    model = notation.model
    point.update({t: 0 for t, v in model.relations().items() if v == 0})   # no biases
    point[model.lam] = sp.Rational(rng.randint(1, 9), 10)
    for k in range(2, notation.n + 1):
        for i in range(1, net.s(k) + 1):
            z = net.z_definition(k, i).xreplace(point)
            if model.f_at(k) is ABSTRACT.function:     # any f: its values are free
                point[net.a[k][i]] = _drawn(ABSTRACT.function(z), seed)
            else:
                point[net.a[k][i]] = sp.Float(model.f_at(k)(z).evalf(digits + 10),
                                              digits + 10)
    return point


def _at(expr, point: dict, seed: int):
    """expr at a network point; an arbitrary f, its f'(z) and an arbitrary loss's L(a, y)
    and dL/da(a, y) each take the value :func:`_drawn` gives their call there, and so do
    the arbitrary regulariser Omega(theta) and each of its derivatives (first, while their
    variables are still symbols: at the one point a network is, Omega's value and its
    derivatives are free numbers)."""
    value = sp.sympify(expr)
    calls = [d for d in value.atoms(sp.Derivative) if isinstance(d.expr, OMEGA)]
    calls += list(value.atoms(OMEGA))
    value = value.xreplace({c: _drawn(c, seed) for c in calls}).xreplace(point)
    return value.replace(lambda e: isinstance(e, (ABSTRACT.function, fprime, fsecond,
                                                  any_loss, loss_prime)),
                         lambda e: _drawn(e, seed))


def _drawn(call, seed: int):
    """An arbitrary function's value at a call: a small rational that depends on the seed,
    the function and its arguments' values only -- the same on both sides of an "=" and
    whatever order the calls are met in, and f(z) of a unit the unit's own value."""
    import hashlib
    import random
    key = f"{seed}|{call.func.__name__}|{sp.srepr(call.args)}".encode()
    rng = random.Random(hashlib.sha256(key).digest())
    return sp.Rational(rng.randint(-9, 9), rng.randint(2, 7))


def _dims(value) -> tuple:
    """(rows, columns); a scalar or a 1 x 1 matrix is (1, 1)."""
    value = value
    return tuple(value.shape) if isinstance(value, sp.MatrixBase) else (1, 1)


#: (seeds, digits, relative tolerance) of the tries: 40 digits at three networks, then,
#: for differences below 10^-25 (a term 10^-30 added), 120 digits at the first
PRECISIONS = (((0, 1, 2), 40, "1e-25"), ((0,), 120, "1e-100"))


def _differing_entry(notation, left, right):
    """The first entry whose two sides differ at a real network (values shown), or None
    when they agree at every network tried."""
    left, right = left, right
    pairs = list(zip(left, right)) if isinstance(left, sp.MatrixBase) else [(left, right)]
    for seeds, digits, tolerance in PRECISIONS:
        found = _differing_at(notation, pairs, seeds, digits, sp.Float(tolerance, digits))
        if found is not None:
            return found or None
    return None


def _differing_at(notation, pairs, seeds, digits, tolerance):
    """:func:`_differing_entry` at ``digits``: the entry, {} when a side is not a number
    (no point in more digits), None when the sides agree within ``tolerance``."""
    for seed in seeds:
        point = _network_point(notation, seed, digits)
        for n, (a, b) in enumerate(pairs):
            lv, rv = _at(a, point, seed).evalf(digits), _at(b, point, seed).evalf(digits)
            if not (lv.is_number and rv.is_number):
                return {}
            if abs(lv - rv) > tolerance * (1 + abs(lv) + abs(rv)):
                where = f"entry {n + 1}: " if len(pairs) > 1 else ""
                left_text, right_text = shown(lv, rv)
                return {"values": {"seed": str(seed)},
                        "left": where + left_text, "right": right_text}
    return None


def check_matrix(text: str, layers, tree=None, diagnose_steps: bool = True,
                 from_one=(), model: tuple = DEFAULT_MODEL) -> CheckResult:
    """Every "=" of ``text`` in the matrix notation at the concrete sizes ``layers``; a
    formula with layer letters is checked for every k for which all its layers exist, and
    with free index letters for every value (from 0, or from 1 for ``from_one``), in the
    network ``model`` (activation, loss, output units, biases, L2 term: the
    :class:`~symnet.prove.nested.NetworkModel`'s settings)."""
    sizes = validate_sizes(list(layers))
    if len(sizes) > 6 or sum(sizes) > 40:
        raise MeaningError("matrix-notation checks are exact and entry by entry: use at most "
                           "6 layers and 40 units in all", 0)
    tree = tree if tree is not None else parse(text)
    if len(tree.args) < 2:
        raise MeaningError("a formula to check needs an '='", 0)
    letters, ks, combos, first = _cases(sizes, tree, from_one, model)
    steps, checked, instances, past = [], [], 0, None
    for k, combo in product(ks, combos):
        free = dict(zip(letters, combo))
        label = ", ".join([f"k = {k}"] * (k is not None) + [f"{a} = {v}" for a, v in free.items()])
        try:
            notation, sides = first.pop((k, combo), None) or _sides(sizes, tree, k, free,
                                                                    model)
        except OutsideLayers:
            continue
        except PastUnits as exc:
            past = past or exc
            continue
        instances += 1
        if k not in checked:
            checked.append(k)
        steps.extend(_step(notation, label + ": " if label else "", left, right,
                           diagnose_steps) for left, right in zip(sides, sides[1:]))
    if past is not None and all(s.holds for s in steps):
        raise past
    if not checked:
        raise MeaningError("no layer k (or index value) of this network gives every symbol "
                           "a meaning", 0)
    where = ",".join(map(str, sizes))
    if ks != [None]:
        where += f"; k = {', '.join(map(str, checked))}"
    if letters:
        where += f"; every {', '.join(letters)} ({instances} cases)"
    return CheckResult(all(s.holds for s in steps), steps,
                       f"matrix (concrete sizes, {model_text(model)})", where)


def _cases(sizes, tree, from_one, model: tuple = DEFAULT_MODEL) -> tuple:
    """(free index letters, the values of k, the values of the letters, the sides already
    read: {(k, values): (notation, sides)}) to check: k over every layer when the formula
    has a layer letter, each letter over 0..max width (from 1 for ``from_one``)."""
    letters = free_index_letters(tree)
    combos = [c for c in product(range(0, max(sizes) + 1), repeat=len(letters))
              if all(v >= 1 for a, v in zip(letters, c) if a in from_one)]
    ks, first = [None], {}
    try:           # the first case, read once (kept for the loop), or the layer letters
        first[None, combos[0]] = _sides(sizes, tree, None, dict(zip(letters, combos[0])),
                                        model)
    except NeedsLayer:
        ks = list(range(1, len(sizes)))
    except OutsideLayers:
        pass
    if len(ks) * len(combos) > MAX_CASES:
        raise MeaningError(f"{len(letters)} free indices and the layer letters give more than "
                           f"{MAX_CASES} cases at these sizes; use digits or smaller --layers", 0)
    return letters, ks, combos, first


def _step(notation, label: str, left, right, diagnose_steps: bool) -> Step:
    """One "=" at one case: proved equal entry by entry, or refuted with the entry that
    differs at a real network (a shape that differs is a refutation by itself)."""
    left, right = _zero_as(left, right), _zero_as(right, left)
    bad = [v for v in (left, right) if isinstance(v, ShapeError)]
    if len(bad) == 2:           # X = X with X ill-formed is no false statement: unread
        raise MeaningError(f"neither side is well formed ({bad[0]}; {bad[1]})", 0)
    if bad:
        return Step(label + str(left)[:200], str(right)[:200], False,
                    [f"the shapes do not match: {bad[0]}"])
    holds = _same(left, right) or _same(_coordinates(notation, left),
                                        _coordinates(notation, right))
    if not holds and (_diagonal_as_vector(left, right) or _diagonal_as_vector(right, left)):
        raise MeaningError("one side is a diagonal Jacobian (an entrywise function's), the "
                           "other the vector of its diagonal: a shorthand some notes write "
                           "for diag(...), not an equality of the two", 0)
    step = Step(printed(label, left), printed("", right), holds)
    if not holds and _dims(left) == _dims(right):
        step.counterexample = _differing_entry(notation, left, right)
        if step.counterexample is None:
            raise MeaningError("the canonical forms differ but the sides agree at "
                               "every network tried: no proof and no counterexample", 0)
        step.counterexample["sizes"] = ",".join(map(str, notation.sizes)) + (
            f", k = {notation.k}" if notation.k is not None else "")
    if not holds and diagnose_steps:
        step.diagnosis = shape_facts(_coordinates(notation, left),    # compared as above
                                     _coordinates(notation, right))
    return step


def _zero_as(value, other):
    """0 written for a zero vector or matrix (\\nabla_{a^{(k)}} \\Omega(\\theta) = 0, as
    everyone writes it): a scalar exactly 0 is the zero of the other side's shape."""
    if isinstance(other, sp.MatrixBase) and other.shape != (1, 1) and \
            not isinstance(value, (sp.MatrixBase, ShapeError)) and \
            sp.sympify(value).is_zero is True:
        return sp.zeros(*other.shape)
    return value


def _diagonal_as_vector(square, vector) -> bool:
    """``square`` is an n x n diagonal matrix (n > 1) and ``vector`` its diagonal, n x 1."""
    return isinstance(square, sp.MatrixBase) and isinstance(vector, sp.MatrixBase) and \
        vector.shape[1] == 1 and square.shape == (vector.shape[0],) * 2 and \
        vector.shape[0] > 1 and square.is_diagonal() and _same(square.diagonal().T, vector)


def side_ratio(layers, tree, model: tuple = DEFAULT_MODEL):
    """The number c with the first side = c times the last at the formula's first case
    (its first k, every index 1), or None: the constant the table of wrong variants
    tries first."""
    try:
        sizes = validate_sizes(list(layers))
        letters, ks, combos, first = _cases(sizes, tree, free_index_letters(tree), model)
        notation, sides = first.get((None, combos[0])) or _sides(
            sizes, tree, ks[0], dict(zip(letters, combos[0])), model)
        return exact_ratio(*(_coordinates(notation, sides[n]) for n in (0, -1)))
    except (MeaningError, ShapeError, OutsideLayers, NeedsLayer, ValueError, TypeError,
            ArithmeticError, IndexError, AttributeError):
        return None
