"""The notebook API: symnet.check, symnet.verify, symnet.kernels, symnet.codegen from the
top level, with displays for Jupyter."""
import numpy as np
import pytest

import symnet


def test_check_holds_and_refutes_with_displays():
    good = symnet.check(r"e_h = b_h(1-b_h) \sum_{j=1}^{l} w_{hj} g_j")
    assert good.holds and r"\text{holds}" in good._repr_latex_()
    bad = symnet.check(r"g_j = \hat{y}_j(1-\hat{y}_j)(\hat{y}_j - y_j)")
    assert not bad.holds and "the sign is flipped" in bad._repr_html_()
    with pytest.raises(ValueError):
        symnet.check(r"\frac{g_j}{0} = g_j")


def test_verify_kernels_codegen():
    result = symnet.verify(["eq5.8", "eq5.1[01]"], workers=1)
    assert result.ok and result.summary["proved"] >= 3 and "<table>" in result._repr_html_()
    k = symnet.kernels([2, 2, 1], dtype="float32")
    E, grads = k.loss_and_grad(k.init_params(0), np.zeros((1, 2)), np.ones((1, 1)))
    assert grads[0].dtype == np.float32
    assert "def loss_and_grad" in symnet.codegen([2, 2, 1], backend="numba")
    with pytest.raises(ValueError, match="cross-entropy"):
        symnet.kernels([2, 2, 1], "tanh", "cross-entropy")
    for name in ("check", "verify", "kernels", "codegen"):
        assert getattr(symnet, name).__doc__
