"""The fully nested route: SymPy differentiates E_k of a concrete network written as one
expression in the inputs x, the weights Theta~ and the targets y, with no named
intermediate and no hand-written chain rule.

The forward pass is the model's own (``Network.z_definition``, layer after layer):

    a^(1) = x,   z^(l)_j = sum_{i=0}^{s_k} theta_ij a~^(k)_i,   a^(l)_j = f(z^(l)_j),
    E_k = sum_j loss(a^(n)_j, y_j)

so that every a^(l)_j is a nested expression f(... f(...) ...).  For each weight,
``sp.diff(E_k, theta_ij)`` is the derived side; the closed side is the notes' statement
dE_k/dtheta~_ij = a~^(k)_i delta^(l)_j, with a~_0 = -1 written as the notes write it and
delta^(n) = dE/da ⊙ f'(z), delta^(k) = (Theta^(kl) delta^(l)) ⊙ f'(z^(k)) expanded into
nested expressions too.

The comparison is exact: each application f(z^(k)_i) of the activation (the same SymPy
object on both sides) is replaced by the symbol a^(k)_i, innermost included, which leaves
rational functions of x, Theta~, y and the a^(k)_i; their difference must cancel to 0.  An
identity between such functions with the a^(k)_i free is an identity at every value, so a
"proved" here is sound (and no relation between f and f' is assumed beyond ``fdiff``,
which ``act-<name>-derivative`` proves against the elementary definition).
"""
from __future__ import annotations

import time

import sympy as sp

from symnet.prove.entrywise import NOTES_FORMS, ClosedForms, EntrywiseReport, Mismatch, exactly_equal
from symnet.core.layers import Network
from symnet.core.registry import (ABSTRACT, activation as get_activation, loss as get_loss,
                                  model_activation, model_loss)


def nested_network(sizes, activation="sigmoid"):
    """(net, a, z): a[k][i], z[k][i] as fully nested expressions in x and Theta~, built
    from the model's forward definition ``net.z_definition``."""
    net, f = Network(list(sizes)), get_activation(activation).function
    a = [None, [None] + net.a[1][1:]]
    z = [None, None]
    for l in range(2, net.n + 1):
        k = l - 1
        inner = {net.a[k][i]: a[k][i] for i in range(1, net.s(k) + 1)}
        z.append([None] + [net.z_definition(l, j).xreplace(inner)
                           for j in range(1, net.s(l) + 1)])
        a.append([None] + [f(zz) for zz in z[l][1:]])
    return net, a, z


def closed_deltas(net, act, los, a, z, forms: ClosedForms = NOTES_FORMS) -> list:
    """delta[k][i] from the notes' closed forms over the nested a, z: delta^(n) = dE/da ⊙
    f'(z^(n)) (or the special form), delta^(k) = (Theta^(kl) delta^(l)) ⊙ f'(z^(k))."""
    n = net.n
    delta = [None] * (n + 1)
    delta[n] = [None] + [forms.output_delta(act, los, a[n][j], net.y[j], z[n][j])
                         for j in range(1, net.s(n) + 1)]
    for k in range(n - 1, 1, -1):
        delta[k] = [None] + [forms.recursion(net.theta[k], i, delta[k + 1][1:],
                                             act.fprime_closed(a[k][i], z[k][i]))
                             for i in range(1, net.s(k) + 1)]
    return delta


def unit_symbols(net, a) -> dict:
    """f(nested z^(k)_i) -> the symbol a^(k)_i, for every hidden and output unit whose
    activation is a function application (the identity unit has none)."""
    return {a[k][i]: net.a[k][i] for k in range(2, net.n + 1)
            for i in range(1, net.s(k) + 1) if isinstance(a[k][i], sp.Function)}


def nested_gradients(sizes, activation="sigmoid", loss="squared"):
    """(net, {(k, i, j): dE_k/dtheta^(k,k+1)_(i,j)} by SymPy's diff of the nested E_k,
    written in the unit symbols a^(k)_i), and the nested a, z."""
    los = get_loss(loss)
    net, a, z = nested_network(sizes, activation)
    n = net.n
    E = sp.Add(*(los.term(a[n][j], net.y[j]) for j in range(1, net.s(n) + 1)))
    units = unit_symbols(net, a)
    derived = {}
    for k in range(1, n):
        for i in range(net.s(k) + 1):
            for j in range(1, net.s(k + 1) + 1):
                derived[k, i, j] = sp.diff(E, net.theta[k][i][j - 1]).xreplace(units)
    return net, derived, a, z


def check_nested(sizes, activation="sigmoid", loss="squared",
                 forms: ClosedForms = NOTES_FORMS, progress=None) -> EntrywiseReport:
    """Every dE_k/dtheta~ entry of the network ``sizes``: SymPy's diff of the nested E_k
    against a~_i delta_j with delta from the notes' closed forms, exactly.

    ``forms``: the closed forms checked (the notes' by default)."""
    act, los = get_activation(activation), get_loss(loss)
    if los.softmax:
        raise ValueError("the nested route covers elementwise output units; softmax outputs "
                         "are checked by check_entrywise")
    start = time.perf_counter()
    net, derived, a, z = nested_gradients(sizes, act.name, los.name)
    units = unit_symbols(net, a)
    report = EntrywiseReport(net.sizes, act.name, los.name)
    delta = closed_deltas(net, act, los, a, z, forms)
    done, total = 0, len(derived)
    for (k, i, j), expr in derived.items():
        a_k_i = None if i == 0 else a[k][i]
        closed = forms.gradient(a_k_i, i, delta[k + 1][j])
        if not exactly_equal(expr, closed.xreplace(units)):
            report.mismatches.append(Mismatch(f"gradient{(k, i, j)}", expr, closed))
        report.gradient_entries += 1
        done += 1
        if progress:
            progress(done, total)
    report.seconds = time.perf_counter() - start
    return report


#: the network a checked formula is read in: (hidden activation, loss, output units'
#: activation or None for the same, biases, the regulariser: False none, True an L2 term,
#: "any" an arbitrary lambda Omega(theta)); a notation file's ``[model]`` and the
#: document's directives give another, passed to the checker as ``model``
DEFAULT_MODEL = ("sigmoid", "squared", None, True, False)

#: Goodfellow's arbitrary regulariser Omega(theta): one undefined function of every
#: parameter (weights and thresholds), so that SymPy's diff gives Derivative(Omega, theta)
OMEGA = sp.Function("Omega")
#: what the regulariser "any" is, in words
ANY_REGULARISER = ("any differentiable regulariser lambda Omega(theta), Omega a function "
                   "of every weight and bias")


#: what "any loss" covers: the arbitrary loss is a sum over the output units of one
#: undefined function (``registry.ABSTRACT_LOSS``), not every function of all of them
ANY_LOSS = "any differentiable loss sum_j L(a_j, y_j)"


def model_text(spec=None) -> str:
    """The model in words: "sigmoid, squared error", "any differentiable activation,
    identity outputs, squared error", "..., no biases, L2 term lambda/2 ||W||^2", "...,
    any differentiable regulariser lambda Omega(theta), ..."."""
    activation, loss, output, bias, l2 = spec or DEFAULT_MODEL
    act = "any differentiable activation" if activation == ABSTRACT.name else activation
    out = f", {output} outputs" if output not in (None, activation) else ""
    loss = {"squared": "squared error", "any": ANY_LOSS}.get(loss, loss)
    reg = {True: ", L2 term lambda/2 ||W||^2", "any": ", " + ANY_REGULARISER}.get(l2, "")
    extra = ("" if bias else ", no biases") + reg
    return f"{act}{out}, {loss}{extra}"


class NetworkModel:
    """One meaning per symbol of the notes' matrix notation on a concrete network, every
    derivative SymPy's own ``diff`` of the nested error.

    Canonical form: every quantity is written in the inputs x, the weights Theta~, the
    targets y and the unit symbols a^(k)_i, where a^(k)_i stands for f(z^(k)_i) and z^(k)_i
    for its definition sum_i theta_ij a~^(k-1)_i (``Network.z_definition``).  Two
    expressions in this form that are equal as rational functions with the a^(k)_i free are
    equal at every value, so equality of canonical forms is a sound proof.

    - ``z(k)``: z^(k) (column, entries in a^(k-1));  ``a(k)``: a^(k) (x for k = 1);
    - ``error(k)``: E_k with the layers above k nested on the leaves a^(k);
    - ``dE_da(k)``, ``delta(k)`` = dE/dz^(k), ``dE_dtheta(k)`` = dE/dTheta~^(k,k+1):
      SymPy's diff of ``error(k)``, unit applications replaced by their symbols.

    ``l2``: the regulariser added to the loss: False none, True d2l's lambda/2 sum of
    the squared weights, "any" lambda Omega(theta) (:data:`OMEGA` of every weight and
    threshold: SymPy keeps Derivative(Omega(theta), theta_ij) as a symbol of its own).
    """

    def __init__(self, sizes, activation="sigmoid", loss="squared", output=None,
                 bias: bool = True, l2=False):
        self.act, self.los = model_activation(activation), model_loss(loss)
        self.out_act = self.act if output is None else model_activation(output)
        if self.los.softmax or (self.los.name == "cross-entropy" and
                                self.out_act.name != "sigmoid"):
            raise ValueError(f"the {self.los.name} loss is not read with "
                             f"{self.out_act.name} output units here (the cross-entropy "
                             "needs sigmoid outputs; softmax outputs are not in this model)")
        self.f = self.act.function
        self.net = Network(list(sizes))
        self.n = self.net.n
        self._cache: dict = {}
        self.bias, self.l2 = bias, l2
        self.lam = sp.Symbol("lambda", positive=True)      # the regulariser's strength
        if l2 == "any" and self.out_act.name == "identity":
            raise ValueError("an arbitrary regulariser Omega(theta) is not read with linear "
                             "output units here")

    def weights(self) -> list:
        """Every weight theta_ij^(k,k+1) with i >= 1 (the thresholds are not weights)."""
        return [t for k in range(1, self.n) for row in self.net.theta[k][1:] for t in row]

    def parameters(self) -> list:
        """theta: every weight and, with biases, every threshold theta_0j of every layer."""
        return [t for k in range(1, self.n) for row in self.net.theta[k][0 if self.bias else 1:]
                for t in row]

    def omega(self):
        """Omega(theta): the arbitrary regulariser, without its strength lambda."""
        return self._memo("omega", lambda: OMEGA(*self.parameters()))

    def regulariser(self):
        """s = lambda/2 sum of the squared weights (d2l's lambda/2 sum_k ||W^(k)||_F^2),
        lambda Omega(theta) for the arbitrary one, or 0 without a regulariser."""
        if self.l2 == "any":
            return self.lam * self.omega()
        return self.lam / 2 * sp.Add(*(t**2 for t in self.weights())) if self.l2 else 0

    def loss_canonical(self):
        """L = sum_j loss(a^(n)_j, y_j), the error without the L2 term."""
        return self._loss_of(self.net.a[self.n])

    def _loss_of(self, outputs: list):
        """sum_j loss(outputs[j], y_j), j = 1..s_n (``outputs[0]`` unused)."""
        return sp.Add(*(self.los.term(outputs[j], self.net.y[j])
                        for j in range(1, self.s(self.n) + 1)))

    def relations(self) -> dict:
        """What holds in this network beyond the canonical form, as substitutions applied
        to both sides of a comparison: no biases (theta_0j = 0), and a linear output
        layer's a^(n) = z^(n) (:meth:`linear_coordinates`)."""
        return self._memo("relations", self._relations)

    def _relations(self) -> dict:
        zero = {} if self.bias else {self.net.theta[k][0][j]: 0 for k in range(1, self.n)
                                     for j in range(self.s(k + 1))}
        linear = {t: v.xreplace(zero) for t, v in self.linear_coordinates().items()}
        if not self.bias and linear:        # no threshold to solve for: a^(n) is its z
            linear = {self.net.a[self.n][i]: self.net.z_definition(self.n, i).xreplace(zero)
                      for i in range(1, self.s(self.n) + 1)}
        return {**zero, **linear}

    def f_at(self, k: int):
        """The activation of layer k: the output units' own (``output``) at k = n, else f."""
        return self.out_act.function if k == self.n else self.f

    def is_unit(self, k: int) -> bool:
        """Whether layer k's units are function applications (symbols a^(k)_i in the
        canonical form); a linear layer's a^(k)_i is its z^(k)_i itself."""
        return isinstance(self.f_at(k)(sp.Dummy()), sp.Function)

    def _memo(self, key, build):
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def s(self, k: int) -> int:
        return self.net.s(k)

    # -- forward ---------------------------------------------------------------------
    def a(self, k: int) -> list:
        return list(self.net.a[k][1:])

    def z(self, k: int) -> list:
        return [self.net.z_definition(k, i) for i in range(1, self.s(k) + 1)]

    def unit_of(self) -> dict:
        """f(z^(k)_i as its definition) -> a^(k)_i, every layer k >= 2."""
        return self._memo("unit_of", lambda: {
            self.f_at(k)(self.net.z_definition(k, i)): self.net.a[k][i]
            for k in range(2, self.n + 1) for i in range(1, self.s(k) + 1)
            if self.is_unit(k)})

    def canonical(self, expr):
        """f(z^(k)_i) -> a^(k)_i and z symbols -> their definitions (a linear layer's
        units stay symbols: :meth:`linear_coordinates`)."""
        zs = {self.net.z[k][i]: self.net.z_definition(k, i)
              for k in range(2, self.n + 1) for i in range(1, self.s(k) + 1)}
        return sp.sympify(expr).xreplace(zs).xreplace(self.unit_of())

    def linear_coordinates(self) -> dict:
        """For a linear (identity) output layer, whose units a^(n)_i stay symbols of the
        canonical form (as a unit's do), the relation a^(n)_i = z^(n)_i as a substitution
        theta_0i -> sum_j theta_ji a_j - a^(n)_i: two sides that differ as written are
        compared again after it (a true identity of the network, applied to both)."""
        def build():
            n, net = self.n, self.net
            if self.is_unit(n) or self.out_act.name != "identity":
                return {}
            return {net.theta[n - 1][0][i - 1]:
                    sp.Add(*(net.theta[n - 1][j][i - 1] * net.a[n - 1][j]
                             for j in range(1, self.s(n - 1) + 1))) - net.a[n][i]
                    for i in range(1, self.s(n) + 1)}
        return self._memo("linear", build)

    def _nested_above(self, k: int):
        """(a, units): a[m][i] for m >= k nested on the leaves a^(k), and the map from each
        nested application f(...) back to its unit symbol."""
        def build():
            net = self.net
            a = {m: None for m in range(1, self.n + 1)}
            a[k] = [None] + list(net.a[k][1:])
            units = {}
            for l in range(k + 1, self.n + 1):
                inner = {net.a[l - 1][i]: a[l - 1][i] for i in range(1, self.s(l - 1) + 1)}
                a[l] = [None]
                for j in range(1, self.s(l) + 1):
                    unit = self.f_at(l)(net.z_definition(l, j).xreplace(inner))
                    a[l].append(unit)
                    if isinstance(unit, sp.Function):
                        units[unit] = net.a[l][j]
            return a, units
        return self._memo(("above", k), build)

    def error(self, k: int):
        a, _ = self._nested_above(k)
        return self._memo(("E", k), lambda: self._loss_of(a[self.n]) + self.regulariser())

    def _back(self, expr, k):
        _, units = self._nested_above(k)
        return expr.xreplace(units)

    # -- derivatives -----------------------------------------------------------------
    def dE_da(self, k: int) -> list:
        """dE/da^(k)_i, i = 1..s_k (k = 1: dE/dx_i)."""
        return self._memo(("dE_da", k), lambda: [
            self._back(sp.diff(self.error(k), self.net.a[k][i]), k)
            for i in range(1, self.s(k) + 1)])

    def delta(self, k: int) -> list:
        """delta^(k)_i = dE/dz^(k)_i, k >= 2: SymPy's diff of E with a^(k)_i = f(t_i)
        (where units are symbols: :meth:`derivative` by z^(k)_i, through a^(k)_i)."""
        def build():
            if self.is_unit(k):
                E = self.error_canonical()
                return [self.derivative(E, ("z", k, i)) for i in range(1, self.s(k) + 1)]
            out = []
            for i in range(1, self.s(k) + 1):
                t = sp.Dummy("z")
                unit = self.f_at(k)(t)
                E = self.error(k).xreplace({self.net.a[k][i]: unit})
                d = sp.diff(E, t)
                if isinstance(unit, sp.Function):      # the leaves first, then the units
                    d = d.xreplace({unit: self.net.a[k][i]})
                d = self._back(d, k)
                out.append(self.canonical(d.xreplace({t: self.net.z_definition(k, i)})))
            return out
        return self._memo(("delta", k), build)

    def dE_dtheta(self, k: int) -> list:
        """dE/dTheta~^(k,k+1) as rows i = 0..s_k of columns j = 1..s_{k+1}."""
        return self._memo(("dE_dtheta", k), lambda: [
            [self._back(sp.diff(self.error(k), self.net.theta[k][i][j - 1]), k)
             for j in range(1, self.s(k + 1) + 1)] for i in range(0, self.s(k) + 1)])

    # -- any derivative ----------------------------------------------------------------
    def error_canonical(self):
        """E_k in the canonical form: sum_j loss(a^(n)_j, y_j) (+ the L2 term)."""
        return self.loss_canonical() + self.regulariser()

    def derivative(self, expr, var):
        """d expr / d var by SymPy's diff, the chain rule through every layer above var.

        ``expr`` is in the canonical form; ``var`` is ("a", k, i), ("z", k, i) (k >= 2) or
        ("theta", k, i, j).  Every unit above layer k is first written as its nested
        expression over the layer-k units (so that nothing that depends on var is held
        fixed), var's own layer becomes f(t_i) for a z, SymPy differentiates, and the result
        is brought back to the canonical form.  A weight (or a z) that ``expr`` does not
        write enters it only through the one unit it feeds: SymPy's derivative by that
        unit (cached, shared by every weight into it) times SymPy's diff of the unit."""
        key = ("d", expr, var)
        if key not in self._cache:
            self._cache[key] = self._derivative(expr, var)
        return self._cache[key]

    def _derivative(self, expr, var):
        kind, k = var[0], var[1]
        if kind in ("a", "z") and k == self.n and self.linear_coordinates():
            # a linear unit: a^(n)_i and z^(n)_i are one node; z written out is that node,
            # also inside a longer sum (delta_k = z_k - t_k): subs matches part of an Add
            kind, expr = "a", sp.sympify(expr).subs(
                {self.net.z_definition(k, j): self.net.a[k][j]
                 for j in range(1, self.s(k) + 1)})
        written, t = _outside_omega(expr), sp.Dummy("z")
        # a unit that is a symbol of the canonical form: differentiate through it (and
        # Omega(theta) by the weight itself, where it is written)
        weight = self.net.theta[k][var[2]][var[3] - 1] if kind == "theta" else None
        if kind == "theta" and self.is_unit(k + 1) and weight not in written:
            direct = sp.diff(sp.sympify(expr), weight)
            return self._through_its_unit(expr, k, var[2], var[3]) + direct
        if kind == "z" and k >= 2 and self.is_unit(k) and \
                not written & set(sum(self.net.theta[k - 1], [])):
            # z^(k)_i is not written: it enters only through a^(k)_i = f(z^(k)_i)
            inner = sp.diff(self.f_at(k)(t), t).xreplace(
                {t: self.net.z_definition(k, var[2])})
            return self.canonical(self.derivative(expr, ("a", k, var[2])) * inner)
        a_nested, units = self._nested_above(k)
        up = {self.net.a[m][i]: a_nested[m][i] for m in range(k + 1, self.n + 1)
              for i in range(1, self.s(m) + 1)}
        e = sp.sympify(expr).xreplace(up)
        if kind == "a":
            self._refuse_dependent(e, k, var[2])
            d = sp.diff(e, self.net.a[k][var[2]])
        elif kind == "theta":
            d = sp.diff(e, self.net.theta[k][var[2]][var[3] - 1])
        elif kind == "z":
            if k < 2:
                raise ValueError("layer 1 has no z")
            ts = [sp.Dummy(f"z{i}") for i in range(1, self.s(k) + 1)]
            zdef = {self.net.z_definition(k, i): ts[i - 1] for i in range(1, self.s(k) + 1)}
            leaves = {self.net.a[k][i]: self.f_at(k)(ts[i - 1])
                      for i in range(1, self.s(k) + 1)}
            e = self._in_unit_inputs(e.xreplace(zdef), k, ts).xreplace(leaves)
            d = sp.diff(e, ts[var[2] - 1])
            back = {self.f_at(k)(t): self.net.a[k][i]
                    for i, t in enumerate(ts, 1)} if self.is_unit(k) else {}
            d = d.xreplace(back).xreplace(
                {t: self.net.z_definition(k, i) for i, t in enumerate(ts, 1)})
        else:
            raise ValueError(f"cannot differentiate with respect to {kind}")
        return self.canonical(d.xreplace(units))

    def _in_unit_inputs(self, e, k: int, ts: list):
        """``e``, in which each z^(k)_i written whole is already the symbol ts[i - 1],
        with the rest of z^(k)_i written as ts[i - 1] too.  A derivative by z^(k) holds
        every quantity that z^(k) is not computed into fixed (the weights, the units
        below: an L2 term of the weights does not change with z^(k)).  Where the canonical
        form spread z^(k)_i out (2 z = 2 sum_h theta_hi a_h - 2 theta_0i), it still
        writes the threshold theta_0i or the units below: theta_0i is then put in terms of
        ts[i - 1] (theta_0i = sum_h theta_hi a_h - z^(k)_i).  What writes them after that
        (beta_j = z_j + theta_0j, in which theta_0j cancelled) may or may not have been
        written with z^(k): the derivative has no one meaning there, and ValueError says
        so (it was taken as 0 before)."""
        biases = {self.net.theta[k - 1][0][i - 1] for i in range(1, len(ts) + 1)}
        spread = biases | set(self.net.a[k - 1][1:])
        if not _outside_omega(e) & spread:
            return e
        for i, t in enumerate(ts, 1):
            bias = self.net.theta[k - 1][0][i - 1]
            (value,) = sp.solve(self.net.z_definition(k, i) - t, bias)
            e = e.xreplace({bias: value})
        e = sp.expand(e)
        if _outside_omega(e) & spread:
            raise ValueError(f"it writes what z^({k}) is made of (its threshold or the "
                             f"units below) otherwise than as z^({k}), so a derivative by "
                             f"z^({k}) alone is not defined here")
        return e

    def _refuse_dependent(self, e, k: int, i: int) -> None:
        """d e / d a^(k)_i has a meaning only where e does not also write the unit's own
        input z^(k)_i through the weights into it and the units below (a ReLU's f'(z^(k)_i)
        = H(z^(k)_i) written out, a linear unit's delta before its coordinates): moving
        a^(k)_i while that stays fixed is no derivative anyone wrote.  Weights alone (an L2
        term, d2l's s) and units below alone are independent of a^(k)_i and held fixed."""
        if k < 2:
            return
        free = _outside_omega(e)          # Omega(theta) depends on the weights only
        into = {row[i - 1] for row in self.net.theta[k - 1]}
        below = set(self.net.a[k - 1][1:])
        if free & into and free & below:
            raise ValueError(f"it depends on a^({k})_{i} also through its own input "
                             f"z^({k})_{i}, so a derivative by a^({k})_{i} alone is not "
                             "defined here")

    def _through_its_unit(self, expr, k: int, i: int, j: int):
        """d expr / d theta^(k,k+1)_ij for an expr in which the weight is not written: it
        enters only through the one unit it feeds, a^(k+1)_j = f(z^(k+1)_j), so the
        derivative is SymPy's diff of expr by that unit (every unit above it nested, and
        cached: shared by the s_k + 1 weights into the unit) times SymPy's diff of
        f(z^(k+1)_j) by the weight."""
        outer = self.derivative(expr, ("a", k + 1, j))
        inner = sp.diff(self.f_at(k + 1)(self.net.z_definition(k + 1, j)),
                        self.net.theta[k][i][j - 1])
        return self.canonical(outer * inner)


def _outside_omega(expr) -> set:
    """The symbols ``expr`` writes outside Omega(theta) and its derivatives (which depend
    on the parameters directly, and on nothing else)."""
    expr = sp.sympify(expr)
    calls = [d for d in expr.atoms(sp.Derivative) if isinstance(d.expr, OMEGA)]
    calls += list(expr.atoms(OMEGA))
    return expr.xreplace({c: sp.Dummy() for c in calls}).free_symbols
