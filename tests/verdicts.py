"""What the adversarial tests share: the verdict names, the activation contexts, and
one formula's verdict by the document checker's front door."""
from symnet.checker.document import Equation
from symnet.checker.documents import check_equation

H, R, N, C = "holds", "refuted", "not checked", "not a claim"
HN, RN = (H, N), (R, N)
SIGMOID, TANH = {"f": "sigmoid"}, {"f": "tanh"}


def verdict(formula: str, context: dict = None) -> tuple:
    """(status, detail) of one formula checked as an equation of a document."""
    v = check_equation(Equation(1, formula, formula, dict(context or {})), None)
    return v.status, v.detail


def accepted(expected) -> tuple:
    """The verdicts a case accepts: one, or a tuple of them."""
    return (expected,) if isinstance(expected, str) else expected
