"""The one reader of a marked symbol (symnet/checker/symbols.py): which marks are fonts,
which change meaning, and that every notation reads a symbol through it the same way."""
import pytest

from symnet.checker.notations import MeaningError, check
from symnet.checker.parse import parse
from symnet.checker.symbols import function_of, read_symbol


def _symbol(latex):
    return read_symbol(parse(latex + " = 0").args[0])


@pytest.mark.parametrize("latex", [r"\hat{\mathbf{y}}_j^k", r"\mathbf{\hat{y}}_j^k",
                                   r"\boldsymbol{\hat{y}_j}^k", r"\widehat{\bm{y}}_j^k"])
def test_fonts_are_dropped_and_the_hat_is_kept(latex):
    found = _symbol(latex)
    assert (found.base, found.accent, found.bold, found.hat) == ("y", "hat", True, True)
    assert found.sub.args == ("j",) and found.sup.args == ("k",)


def test_transpose_primes_and_upright_names():
    found = _symbol(r"{\delta^{(3)}}^\top")
    assert (found.base, found.transpose, found.primes) == ("delta", True, 0)
    assert _symbol(r"\widetilde{\Theta}^{(kl)}").accent == "tilde"
    assert not _symbol(r"\mathrm{x}").bold and _symbol(r"\vec{x}").bold
    assert function_of(parse("f''(x) = 0").args[0].args[0]) == ("f", 2)


@pytest.mark.parametrize("latex", [r"\hat{\tilde{y}}_j", r"\bar{\hat{y}}_j"])
def test_two_meaning_marks_are_refused(latex):
    with pytest.raises(MeaningError, match="two marks on one symbol"):
        _symbol(latex)


@pytest.mark.parametrize("layers", [None, [2, 3, 2]])
def test_every_notation_refuses_two_marks(layers):
    with pytest.raises(MeaningError):
        check(r"\hat{\tilde{y}}_j = f(\beta_j - \theta_j)", layers)


def test_wide_marks_mean_the_same_in_every_notation():
    assert check(r"\widehat{y}_j = f(\beta_j - \theta_j)").holds
    assert not check(r"\widehat{y}_j = f(\beta_j + \theta_j)").holds
    grad = r"\frac{\partial E}{\partial \widetilde{\Theta}^{(kl)}} = "
    assert check(grad + r"\widetilde{a}^{(k)} [\delta^{(l)}]^\top").holds
    wrong = check(grad + r"a^{(k)} [\delta^{(l)}]^\top")
    assert not wrong.holds and "a tilde is missing" in str(wrong)
