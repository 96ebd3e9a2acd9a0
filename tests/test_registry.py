"""The activation registry's derivatives are checked, not trusted: a wrong ``fdiff``, a
wrong closed form, or ReLU'(0) other than 0 fails ``act-<name>-derivative``."""
import dataclasses

import mpmath
import pytest
import sympy as sp
from sympy.core.cache import clear_cache

from derivations.activations import CLAIMS
from symnet.runner import run_claims
from symnet.core.registry import ACTIVATIONS, leaky_relu, relu, sigmoid, tanh
from symnet.numeric.backends import NAMES as BACKENDS, helper_code, helper_function, helper_source

BY_ID = {c.id: c for c in CLAIMS}


@pytest.fixture(autouse=True)
def _no_wrong_derivative_left_in_sympys_cache(monkeypatch):
    """These tests plant wrong derivatives; SymPy caches what it computed with them.
    Undo the plants, then empty the cache, so no later test meets a wrong derivative."""
    yield
    monkeypatch.undo()
    clear_cache()


def _fresh_rows(claim_id):
    """Run one derivative claim with nothing cached (SymPy's cache, the claim's own)."""
    clear_cache()
    claim = BY_ID[claim_id]
    claim._cached = None
    try:
        return {r.id: r.status for r in run_claims([claim])}
    finally:
        claim._cached = None
        clear_cache()


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_every_derivative_claim_has_three_independent_terms(name):
    chain = BY_ID[f"act-{name}-derivative"].derivation().chain
    assert len(chain) == 3
    assert set(_fresh_rows(f"act-{name}-derivative").values()) == {"proved"}


@pytest.mark.parametrize("h0", [1, 7, sp.Rational(1, 2)])
def test_relu_derivative_at_zero_other_than_0_is_rejected(monkeypatch, h0):
    monkeypatch.setattr(relu, "fdiff", lambda self, argindex=1: sp.Heaviside(self.args[0], h0))
    rows = _fresh_rows("act-relu-derivative")
    assert rows["act-relu-derivative"] == "failed" and rows["act-relu-derivative/1"] == "failed"


def test_relu_closed_form_at_zero_other_than_0_is_rejected(monkeypatch):
    row = ACTIVATIONS["relu"]
    wrong = dataclasses.replace(row, fprime_closed=lambda a, z: sp.Heaviside(z, 1))
    monkeypatch.setitem(ACTIVATIONS, "relu", wrong)
    x = sp.Symbol("x", real=True)
    from symnet.prove.model import ExpressionModel
    assert not ExpressionModel().equal(sp.diff(relu(x), x), wrong.fprime_closed(relu(x), x))[0]


@pytest.mark.parametrize("cls, wrong", [
    (sigmoid, lambda self, argindex=1: sigmoid(self.args[0]) * (1 + sigmoid(self.args[0]))),
    (sigmoid, lambda self, argindex=1: sigmoid(self.args[0]) ** 2),
    (tanh, lambda self, argindex=1: 1 + tanh(self.args[0]) ** 2),
    # leaky ReLU with the slope 1/10 where the definition has 1/100, and with the
    # derivative 1 at the kink (Heaviside(0) = 1) where the convention is 1/100
    (leaky_relu, lambda self, argindex=1: sp.Rational(1, 10)
     + sp.Rational(9, 10) * sp.Heaviside(self.args[0], 0)),
    (leaky_relu, lambda self, argindex=1: sp.Rational(1, 100)
     + sp.Rational(99, 100) * sp.Heaviside(self.args[0], 1)),
])
def test_a_wrong_fdiff_is_caught_by_its_claim(monkeypatch, cls, wrong):
    monkeypatch.setattr(cls, "fdiff", wrong)
    rows = _fresh_rows(f"act-{cls.__name__}-derivative")
    assert rows[f"act-{cls.__name__}-derivative"] == "failed"
    assert rows[f"act-{cls.__name__}-derivative/1"] == "failed"


def test_a_wrong_closed_form_is_caught_by_its_claim(monkeypatch):
    row = ACTIVATIONS["sigmoid"]
    wrong = dataclasses.replace(row, fprime_closed=lambda a, z: a * (1 + a))
    monkeypatch.setitem(ACTIVATIONS, "sigmoid", wrong)
    from derivations.activations import _derivative
    d = _derivative(wrong)()
    assert d.model.equal(d.chain[0], d.chain[1])[0]
    assert not d.model.equal(d.chain[1], d.chain[2])[0]


# an independent numeric oracle for every elementary definition (mpmath, 30 digits)
MPMATH = {
    "sigmoid": lambda x: 1 / (1 + mpmath.exp(-x)),
    "tanh": mpmath.tanh,
    "relu": lambda x: max(x, mpmath.mpf(0)),
    "identity": lambda x: x,
    "softplus": lambda x: mpmath.log(1 + mpmath.exp(x)),
    "leaky_relu": lambda x: x if x > 0 else x / 100,
}


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_definitions_match_an_independent_oracle(name, monkeypatch):
    monkeypatch.setattr(mpmath.mp, "dps", 30)     # restored afterwards for the other tests
    act = ACTIVATIONS[name]
    for x in ("-3.5", "-1", "-0.25", "0.5", "2"):
        value = act.function.definition(sp.Rational(x))
        assert abs(mpmath.mpf(str(sp.N(value, 30))) - MPMATH[name](mpmath.mpf(x))) < 1e-25
        # the function evaluates through the same definition at a float argument
        assert abs(float(act.function(sp.Float(x))) - float(MPMATH[name](mpmath.mpf(x)))) < 1e-12
    # and the NumPy form used by the kernels agrees
    import numpy as np
    z = np.array([-3.5, -1.0, -0.25, 0.0, 0.5, 2.0])
    expect = np.array([float(MPMATH[name](mpmath.mpf(v))) for v in z])
    assert np.allclose(helper_function(act)(z), expect, rtol=1e-12, atol=1e-15)


def test_output_deltas_and_lookups():
    from symnet.core.registry import LOSSES, activation, loss, output_delta_closed
    a, y, z = sp.symbols("a y z")
    sig, th = ACTIVATIONS["sigmoid"], ACTIVATIONS["tanh"]
    ce, sq = LOSSES["cross-entropy"], LOSSES["squared"]
    assert output_delta_closed(sig, ce, a, y, z) == a - y               # the special form
    assert sp.expand(output_delta_closed(th, sq, a, y, z) - (a - y) * (1 - a ** 2)) == 0
    assert sp.simplify(output_delta_closed(th, ce, a, y, z) - (a - y) * (1 + a) / a) == 0
    relu_sq = output_delta_closed(ACTIVATIONS["relu"], sq, a, y, z)
    assert relu_sq == (a - y) * sp.Heaviside(z, 0)
    with pytest.raises(ValueError, match="unknown activation 'nope'; known: sigmoid, tanh"):
        activation("nope")
    with pytest.raises(ValueError, match="unknown loss 'nope'; known: squared, cross-entropy"):
        loss("nope")


def test_symbolic_activations_evaluate_numerically_and_rewrite():
    x = sp.Symbol("x")
    for name in ("sigmoid", "tanh", "softplus", "relu"):
        act = ACTIVATIONS[name]
        got = act.function(x).evalf(subs={x: sp.Float("0.75")})
        assert abs(float(got) - float(MPMATH[name](mpmath.mpf("0.75")))) < 1e-12
        rewritten = act.function(x).rewrite(sp.Piecewise if name == "relu" else sp.exp)
        assert not rewritten.has(act.function)
        assert sp.simplify(rewritten.subs(x, 2) - act.function.definition(sp.Integer(2))) == 0


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@pytest.mark.parametrize("backend", BACKENDS)
def test_every_row_has_a_helper_for_every_backend(name, backend):
    """A row without a backend's helper fails here, naming the row and the backend."""
    row = ACTIVATIONS[name]
    code, _ = helper_code(row, backend)
    compile(helper_source(name, code), name, "exec")          # a well-formed function text
    if backend == "numpy":
        import numpy as np
        z = np.array([-3.5, -1.0, -0.25, 0.0, 0.5, 2.0, 800.0, -800.0])
        with np.errstate(over="raise", invalid="raise", divide="raise"):   # stable at |z| = 800
            assert np.isfinite(helper_function(row)(z)).all()


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_every_row_has_an_oracle_and_prints(name):
    """Adding a row means adding its oracle (MPMATH above); the printers need no code."""
    assert name in MPMATH, f"add an mpmath oracle for {name!r} to MPMATH"
    from symnet.report.printer import latex
    x = sp.Symbol("x")
    assert latex(ACTIVATIONS[name].function(x + 1)).startswith(ACTIVATIONS[name].head) \
        or name == "identity"
    from sympy.printing.numpy import NumPyPrinter
    from symnet.numeric.backends import kernel_printer
    if name != "identity":
        assert kernel_printer(NumPyPrinter)().doprint(ACTIVATIONS[name].function(x)) == f"_{name}(x)"
