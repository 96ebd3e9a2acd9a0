"""\\log written without its base, in an identity between numbers.

The checker reads ``\\log`` as the natural logarithm (the convention of the derivations it
checks: d/dx log x = 1/x, cross-entropy with softmax).  Between plain numbers, though,
the base is what the statement is about: ``\\log 10 = 1`` is true in base 10 and false in
base e, ``\\log 8 = 3`` true in base 2.  A verdict that depends on the base is not given;
one that is the same in base e, 2 and 10 is.  ``\\ln`` has its base and is decided.
"""
import pytest

from symnet.checker.documents import check_document

H, R, N = "holds", "refuted", "not checked"


def verdict(formula: str):
    (got,) = check_document(f"$${formula}$$\n", "md")
    return got.status, got.detail


@pytest.mark.parametrize("formula", [
    r"\log 10 = 1",                 # base 10: true; base e: false
    r"\log 8 = 3",                  # base 2: true
    r"\log(2) + \log(5) = 1",       # base 10: true
    r"\log 100 = 2 \log 10 = 2",    # base 10 only, the second step
])
def test_a_verdict_that_depends_on_the_base_is_not_given(formula):
    status, detail = verdict(formula)
    assert status == N, (status, detail)
    assert "base" in detail and r"\ln" in detail


@pytest.mark.parametrize("formula, expected", [
    (r"\log 1 = 0", H),                      # every base
    (r"\log 4 = 2 \log 2", H),               # every base
    (r"\log 10 = 5", R),                     # false in base e, 2 and 10
    (r"\log 2 + \log 3 = \log 5", R),        # log 6 =/= log 5 in every base
    (r"\ln 10 = 1", R),                      # \ln has its base: false
    (r"\ln 1 = 0", H),
])
def test_a_verdict_the_same_in_every_base_is_given(formula, expected):
    status, detail = verdict(formula)
    assert status == expected, (status, detail)
