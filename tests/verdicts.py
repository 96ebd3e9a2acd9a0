"""What the adversarial tests share: the verdict names, the answers that are not wrong
for a formula, the activation contexts, the heads of documents in another notation, one
formula's verdict by the document checker's front door, and a document's verdicts."""
from symnet.checker.document import Equation
from symnet.checker.documents import check_document, check_equation

H, R, N, C = "holds", "refuted", "not checked", "not a claim"
#: an honest answer for a formula true under what the document gives: never "refuted"
NOT_REFUTED = HN = frozenset({H, N})
#: an honest answer for a formula false as the document means it: never "holds"
NOT_HOLDS = RN = frozenset({R, N})
SIGMOID, TANH = {"f": "sigmoid"}, {"f": "tanh"}


def notation_head(name: str) -> str:
    """A document's first lines: the notation directive and a heading."""
    return f"<!-- symnet: notation = {name} -->\n\n# A\n\n"


NIELSEN, BISHOP = notation_head("nielsen"), notation_head("bishop")
D2L = notation_head("d2l")
LAYERS, GOODFELLOW = notation_head("bishop-layers"), notation_head("goodfellow")


def verdict(formula: str, context: dict = None) -> tuple:
    """(status, detail) of one formula checked as an equation of a document."""
    v = check_equation(Equation(1, formula, formula, dict(context or {})), None)
    return v.status, v.detail


def accepted(expected) -> tuple:
    """The verdicts a case accepts: one, or a tuple of them."""
    return (expected,) if isinstance(expected, str) else expected


def verdicts(text: str, kind: str = "md") -> list:
    """(equation, verdict, detail) for each equation of the document ``text``."""
    return [(v.equation, v.status, v.detail) for v in check_document(text, kind)]


def assert_each(doc: str, expected: list, kind: str = "md") -> None:
    """Each equation of the document ``doc`` gets one of the verdicts its entry of
    ``expected`` accepts (a set: the answers that are not wrong), and there are as many
    equations as entries."""
    got = verdicts(doc, kind)
    assert len(got) == len(expected), got
    for (equation, status, detail), allowed in zip(got, expected):
        assert status in allowed, (equation, status, detail)
