"""`symnet bench ulp`: the 50-digit reference, the rounding and the ULP measure, and the
bounds (symnet.bench.ulp.BOUNDS) every installed backend keeps on the fixed problems."""
import mpmath
import numpy as np
import pytest

from symnet.bench import ulp
from symnet.cli import main


def test_the_reference_gradient_is_the_derivative_of_the_reference_loss():
    """Central differences at 50 digits (step 1e-20) of the mpmath loss: an oracle that
    shares nothing with the backward formulas."""
    for activation, loss in (("sigmoid", "cross-entropy"), ("tanh", "squared")):
        _, sizes, params, X, Y = ulp.problems(activation, (0,))[0]
        _, grads = ulp.reference(params, X, Y, activation, loss)
        for k, i, j in ((0, 0, 1), (0, 2, 3), (len(params) - 1, 1, 0)):
            with mpmath.workdps(60):
                h = mpmath.mpf("1e-20")
                up = [W.astype(object) for W in params]
                down = [W.astype(object) for W in params]
                up[k][i, j] = mpmath.mpf(float(params[k][i, j])) + h
                down[k][i, j] = mpmath.mpf(float(params[k][i, j])) - h
                fd = (ulp.reference(up, X, Y, activation, loss)[0]
                      - ulp.reference(down, X, Y, activation, loss)[0]) / (2 * h)
            assert abs(fd - grads[k][i][j]) < mpmath.mpf("1e-30") * max(1, abs(fd))


def test_rounding_and_ulps():
    third = mpmath.mpf(1) / 3
    assert ulp.rounded(third, "float64") == 1 / 3
    assert ulp.rounded(third, "float32") == float(np.float32(1 / 3))
    tie = mpmath.mpf(1) + mpmath.mpf(2) ** -24          # halfway between float32 neighbours
    assert ulp.rounded(tie, "float32") == 1.0            # ties to even
    assert ulp.ulps(1 + 2 ** -52, 1.0, 1.0, "float64") == 1
    assert ulp.ulps(1 + 2 ** -23, 1.0, 1.0, "float32") == 1
    assert ulp.ulps(0.0, 2 ** -52, 1.0, "float64") == 1     # at the array's scale


def test_every_installed_backend_keeps_the_bounds():
    found = ulp.measure(seeds=(0,))
    rows = ulp.table(found)
    assert {r[0] for r in rows} == set(ulp.installed()) == set(ulp.BACKENDS)
    assert {(r[1], r[2]) for r in rows} == set(ulp.BOUNDS)
    assert ulp.over_bounds(rows) == []
    assert all(r[3] <= 8 for r in rows if r[2] == "ordinary")


def test_a_backend_off_by_a_relative_1e_12_is_over_the_bound(monkeypatch):
    real = ulp.run_backend

    def off(backend, dtype, *args):
        E, grads = real(backend, dtype, *args)
        return E, [G * (1 + 1e-12) if dtype == "float64" else G for G in grads]
    monkeypatch.setattr(ulp, "run_backend", off)
    rows = ulp.table(ulp.measure(backends=["numpy"], pairs=(("sigmoid", "squared"),),
                                 seeds=(0,)))
    over = ulp.over_bounds(rows)
    assert [(r[0], r[1], r[2]) for r in over] == [("numpy", "float64", "ordinary")]


def test_command_line_table(monkeypatch, capsys):
    fake = {"to_reference": {("numpy", "float64", "ordinary"): [0.0, 1.0, 2.0]},
            "between": {("numpy", "torch", "float64"): 1.5}}
    monkeypatch.setattr(ulp, "measure", lambda **kw: fake)
    assert main(["bench", "ulp", "--quick"]) == 0
    out = capsys.readouterr().out
    assert "numpy    float64  ordinary        2.00" in out and "numpy/torch float64: 1.50" in out
    fake["to_reference"][("numpy", "float64", "ordinary")] = [9.0]
    assert main(["bench", "ulp", "--quick"]) == 1
    assert "over the bound: numpy float64 ordinary: 9.00 > 8" in capsys.readouterr().out
