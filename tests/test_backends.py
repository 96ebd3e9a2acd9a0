"""Backends are folders (symnet/numeric/backends/<name>/) and activations are rows: every
helper is printed from the row's stable form, which SymPy proves equal to the definition;
each hand-written override equals the printed helper; the shared template names no
backend; a new backend with no override at all runs every activation."""
import dataclasses
import importlib.util
from pathlib import Path

import mpmath
import numpy as np
import pytest
import sympy as sp

from symnet.core.registry import ACTIVATIONS
from symnet.numeric import backends
from symnet.numeric.backends import (BACKEND, NAMES, helper_function, printed_helper)
from symnet.numeric.codegen import generate

x = sp.Symbol("x", real=True)
t = sp.Symbol("t", positive=True)
POINTS = np.array([-800.0, -40.0, -3.5, -1.0, -0.25, -1e-3, 0.0, 1e-3, 0.5, 2.0, 40.0, 800.0])


def _same(a, b) -> bool:
    """a = b for real x, decided on x = t > 0, x = -t and x = 0 by simplification (of
    e^a - e^b where logarithms remain: exp is one-to-one on the reals)."""
    for value in (t, -t, sp.S.Zero):
        d = sp.simplify((a - b).subs(x, value).rewrite(sp.exp))
        if d != 0 and sp.simplify(sp.exp(a.subs(x, value)) - sp.exp(b.subs(x, value))) != 0:
            return False
    return True


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_the_stable_form_is_the_definition(name):
    row = ACTIVATIONS[name]
    stable = row.stable(x) if row.stable else row.function.definition(x)
    definition = row.function.definition(x)
    assert _same(stable.replace(lambda e: e.func.__name__ == "log1p",
                                lambda e: sp.log(1 + e.args[0])), definition)
    for v in ("-30", "-2.5", "0", "0.75", "30"):       # and numerically, at 40 digits
        got = sp.N(stable.subs(x, sp.Rational(v)).rewrite(sp.log), 40)
        want = sp.N(definition.subs(x, sp.Rational(v)), 40)
        assert abs(got - want) < sp.Float("1e-35")


def test_a_wrong_stable_form_is_caught():
    sig = ACTIVATIONS["sigmoid"].function.definition(x)
    wrong = sp.Piecewise((1 / (1 + sp.exp(-x)), x >= 0), (sp.exp(x) / (2 + sp.exp(x)), True))
    assert not _same(wrong, sig)


def _numeric(backend, code, name):
    """The helper body ``code`` of ``backend`` as a float64 function of a NumPy array."""
    from symnet.numeric.backends import helper_source
    spec = BACKEND[backend]
    space = {"_EXP_LIMIT": 700.0}
    exec(compile(spec.imports + "\n\n" + helper_source(name, code), name, "exec"), space)
    fn = space[f"_{name}"]
    if backend == "jax":
        import jax

        def run(z):
            with jax.enable_x64(True):
                return np.asarray(fn(jax.numpy.asarray(z, dtype=jax.numpy.float64)))
        return run
    if backend == "torch":
        import torch
        return lambda z: fn(torch.as_tensor(z, dtype=torch.float64)).numpy()
    if spec.elementwise:
        return lambda z: np.array([fn(float(v)) for v in z])
    return fn


def _agrees(backend, name, code) -> bool:
    printed, _ = printed_helper(ACTIVATIONS[name], backend)
    with np.errstate(all="ignore"):     # the printed where() computes both branches
        mine = _numeric(backend, code, name)(POINTS)
        theirs = _numeric(backend, printed, name)(POINTS)
    # a few ULPs apart; a clip at the overflow limit leaves e^-700 ~ 1e-304 where the
    # true value underflows to 0
    return bool(np.isfinite(mine).all() and np.isfinite(theirs).all()
                and np.allclose(mine, theirs, rtol=1e-15, atol=1e-300))


OVERRIDES = [(b, n) for b in NAMES for n in sorted(BACKEND[b].overrides)]


@pytest.mark.parametrize("backend,name", OVERRIDES)
def test_every_override_equals_the_printed_helper(backend, name):
    if backend != "numpy" and importlib.util.find_spec(backend) is None:
        pytest.skip(f"{backend} is not installed")
    assert _agrees(backend, name, BACKEND[backend].overrides[name][0])


def test_a_wrong_override_is_caught():
    assert not _agrees("numpy", "softplus", "np.logaddexp(0.0, 1.001 * Z)")
    assert not _agrees("numpy", "sigmoid", "1.0 / (1.0 + np.exp(Z))")


def test_no_activation_is_written_twice_and_the_overrides_are_few():
    """Outside the overrides no backend folder names an activation; each folder overrides
    at most two of the six shipped rows."""
    for name in NAMES:
        assert len(BACKEND[name].overrides) <= 2, name
        text = (backends.FOLDER / name / "__init__.py").read_text()
        for row in ACTIVATIONS:
            assert text.count(f'"{row}"') <= 1, (name, row)


def test_the_shared_template_switches_on_no_backend():
    text = (Path(backends.FOLDER).parent / "templates" / "kernel.py.j2").read_text()
    assert "backend" not in text
    for name in NAMES:
        assert f'"{name}"' not in text and f"'{name}'" not in text


def test_a_fifth_backend_needs_no_activation_row(monkeypatch):
    """A backend made of NumPy's printer and macros without any override computes every
    shipped activation's kernel as the numpy backend does."""
    plain = dataclasses.replace(BACKEND["numpy"], name="plain", overrides={})
    monkeypatch.setitem(BACKEND, "plain", plain)
    rng = np.random.default_rng(0)
    for name in sorted(ACTIVATIONS):
        modules = []
        for backend in ("numpy", "plain"):
            space: dict = {}
            exec(compile(generate([3, 4, 2], name, "squared", backend), backend, "exec"), space)
            modules.append(space)
        params = modules[0]["init_params"](1)
        X, Y = rng.normal(size=(5, 3)), rng.uniform(size=(5, 2))
        (e1, g1), (e2, g2) = (m["loss_and_grad"]([p.copy() for p in params], X, Y)
                              for m in modules)
        assert abs(e1 - e2) <= 1e-14 * max(1.0, abs(e1)), name
        for a, b in zip(g1, g2):
            assert np.allclose(a, b, rtol=1e-12, atol=1e-15), name


def test_the_numba_backend_refuses_what_it_cannot_compute_by_name():
    row = dataclasses.replace(ACTIVATIONS["sigmoid"], stable=lambda z: sp.erf(z))
    with pytest.raises(ValueError, match="numba backend cannot compute erf"):
        printed_helper(row, "numba")
    assert helper_function(ACTIVATIONS["relu"])(np.array([-1.0, 2.0])).tolist() == [0.0, 2.0]
    assert mpmath.mpf(1)          # mpmath is the oracle of test_registry's definitions
