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

from .entrywise import EntrywiseReport, Mismatch, closed_gradient, exactly_equal
from .network import Network
from .registry import activation as get_activation, loss as get_loss, output_delta_closed


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


def check_nested(sizes, activation="sigmoid", loss="squared", corrupt=None,
                 progress=None) -> EntrywiseReport:
    """Every dE_k/dtheta~ entry of the network ``sizes``: SymPy's diff of the nested E_k
    against a~_i delta_j with delta from the notes' closed forms, exactly.

    ``corrupt(kind, closed, key)``: test hook that may replace a closed form."""
    act, los = get_activation(activation), get_loss(loss)
    start = time.perf_counter()
    net, derived, a, z = nested_gradients(sizes, act.name, los.name)
    units = unit_symbols(net, a)
    n = net.n
    report = EntrywiseReport(net.sizes, act.name, los.name)
    corrupt = corrupt or (lambda kind, closed, key: closed)
    delta = [None] * (n + 1)
    delta[n] = [None] + [output_delta_closed(act, los, a[n][j], net.y[j], z[n][j])
                         for j in range(1, net.s(n) + 1)]
    for k in range(n - 1, 1, -1):
        delta[k] = [None] + [sp.Add(*(net.theta[k][i][j - 1] * delta[k + 1][j]
                                      for j in range(1, net.s(k + 1) + 1)))
                             * act.fprime_closed(a[k][i], z[k][i])
                             for i in range(1, net.s(k) + 1)]
    done, total = 0, len(derived)
    for (k, i, j), expr in derived.items():
        a_k_i = None if i == 0 else a[k][i]
        closed = corrupt("gradient", closed_gradient(a_k_i, i, delta[k + 1][j]), (k, i, j))
        if not exactly_equal(expr, closed.xreplace(units)):
            report.mismatches.append(Mismatch(f"gradient{(k, i, j)}", expr, closed))
        report.gradient_entries += 1
        done += 1
        if progress:
            progress(done, total)
    report.seconds = time.perf_counter() - start
    return report
