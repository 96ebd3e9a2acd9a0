"""The table of wrong variants (issue 22): every wrong variant of tests/test_notations.py
is refuted and its error named in the symbols it was written with; new wrong variants,
one per kind of mutation and notation, show that the rows are general.  Each expected
name was worked out by hand."""
import pytest

from symnet.checker.equality import NO_VARIANT
from symnet.checker.parse import parse
from symnet.core.notation import NOTES_NETWORK
from symnet.checker.variants import MAX_MUTANTS, VARIANTS, Written, name_error, written
from test_notations import (BISHOP_REFUTED, D2L_REFUTED, GOODFELLOW_REFUTED, REFUTED,
                            verdict)

NIELSEN_NAMES = [
    "the sign is flipped",
    r"the indices j and k are swapped on the right side: a^{l-1}_k \delta^l_j holds",
    "a constant factor is off: the left side is 1/2 times the right",
    "the sign of the term b^l is flipped: w^l a^{l-1} + b^l holds",
    "w^{l+1} should be transposed",
    r"\sigma is written where its derivative \sigma' is meant",
    "z^{l-1}: the layer is off by one (z^l holds)",
    "a^l: the layer is off by one (a^{l-1} holds)",
    "the sign is flipped",
    "a matrix is transposed",
    r"\sigma is written where its derivative \sigma' is meant",
]
GOODFELLOW_NAMES = [
    "it holds for the squared error only; the loss here is any differentiable loss",
    "f is written where its derivative f' is meant",
    "a matrix is transposed",
    "h^{(1)}: the layer is off by one (h^{(0)} holds)",
    "W^{(k)} should be transposed",
]
BISHOP_NAMES = [
    "the sign is flipped",
    "the sum over i should start at 0",
    "h is written where its derivative h' is meant",
    "the index i of the left side does not occur on the right side",
    "a factor is extra: h'(a_k) ((y_k - t_k) holds)",
    "it holds for the tanh activation only; the activation here is any differentiable",
    "the sum over j should start at 0",
]
D2L_NAMES = [
    "the L2 term's share is missing: it holds without the L2 term",
    r"\mathbf{W}^{(2)} should be transposed",
    r"\phi is written where its derivative \phi' is meant",
    "a constant factor is off: the left side is 1/2 times the right",
    "the sign of the term s is flipped: L + s holds",
    r"a factor is extra: \mathbf{W}^{(2)} (\mathbf{z} holds)",
]
LISTED = [(n, t, e) for n, texts, names in (
    ("nielsen", REFUTED, NIELSEN_NAMES), ("goodfellow", GOODFELLOW_REFUTED, GOODFELLOW_NAMES),
    ("bishop", BISHOP_REFUTED, BISHOP_NAMES), ("d2l", D2L_REFUTED, D2L_NAMES))
    for t, e in zip(texts, names, strict=True)]

# new wrong variants: one per kind of mutation and notation (none in the lists above)
NEW = [
    ("nielsen", r"\frac{\partial C}{\partial w^l_{kj}} = a^{l-1}_k \delta^l_j",
     r"the indices k and j are swapped on the right side: a^{l-1}_j \delta^l_k holds"),
    ("nielsen", r"z^l_j = \sum_k w^l_{jk} a^{l-1}_k - b^l_j",
     r"the sign of the term b^l_j is flipped: \sum_k w^l_{jk} a^{l-1}_k + b^l_j holds"),
    ("nielsen", r"z^l = (w^l)^T a^{l-1} + b^l", "w^l should not be transposed"),
    ("nielsen", r"\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k \sigma(z^l_j)",
     r"\sigma is written where its derivative \sigma' is meant"),
    ("nielsen", r"z^l = w^l a^{l} + b^l", "a^l: the layer is off by one (a^{l-1} holds)"),
    ("nielsen", r"\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j) \sigma(z^L_j)",
     r"a factor is extra: \sigma(z^L_j)"),
    ("nielsen", r"\frac{\partial C}{\partial w^l_{jk}} = \delta^l_j",
     "the index k of the left side does not occur on the right side"),
    ("goodfellow", r"a^{(k)} = -b^{(k)} + W^{(k)} h^{(k-1)}",
     "the sign of the term b^{(k)} is flipped: b^{(k)} + W^{(k)} h^{(k-1)} holds"),
    ("goodfellow", r"\nabla_{W^{(k)}} J = \nabla_{a^{(k)}} J \, h^{(k-1)}",
     "h^{(k-1)} should be transposed"),
    ("goodfellow", r"h^{(k)} = f'(a^{(k)})", "f' is written where the function f is meant"),
    ("goodfellow", r"a^{(k)} = b^{(k)} + W^{(k)} h^{(k)}",
     "h^{(k)}: the layer is off by one (h^{(k-1)} holds)"),
    ("goodfellow", r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J \odot f'(a^{(k)})",
     r"a factor is extra: f'(a^{(k)}) (\nabla_{a^{(k)}} J holds)"),
    ("bishop", r"\frac{\partial E_n}{\partial w^{(2)}_{kj}} = \delta_j z_k",
     r"the indices j and k are swapped on the right side: \delta_k z_j holds"),
    ("bishop", r"\delta_k = y_k + t_k", "the sign of the term t_k is flipped: y_k - t_k holds"),
    ("bishop", r"z_j = h'(a_j)", "h' is written where the function h is meant"),
    ("bishop", r"\frac{\partial E_n}{\partial w^{(2)}_{kj}} = \delta_k z_j y_k",
     r"a factor is extra: y_k (\delta_k z_j holds)"),
    ("bishop", r"a_j = \sum_{i=1}^{D} w^{(1)}_{ji} x_i", "the sum over i should start at 0"),
    ("bishop", r"\frac{\partial E_n}{\partial w_{kj}} = \delta_k",
     "the index j of the left side does not occur on the right side"),
    ("bishop", r"\delta_j = h'(a_j) \sum_k w_{kj} \delta_j",
     r"an index is wrong: \delta_j should be \delta_k"),
    ("d2l", r"\frac{\partial J}{\partial \mathbf{W}^{(1)}} = \frac{\partial J}{\partial "
     r"\mathbf{z}} \mathbf{x}^\top - \lambda \mathbf{W}^{(1)}",
     r"the sign of the term \lambda \mathbf{W}^{(1)} is flipped"),
    ("d2l", r"\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \frac{\partial J}{\partial "
     r"\mathbf{o}} \mathbf{h} + \lambda \mathbf{W}^{(2)}", r"\mathbf{h} should be transposed"),
    ("d2l", r"\mathbf{h} = \phi'(\mathbf{z})", r"\phi' is written where the function \phi is meant"),
    ("d2l", r"\mathbf{o} = \mathbf{W}^{(1)} \mathbf{h}",
     r"\mathbf{W}^{(1)}: the layer is off by one (\mathbf{W}^{(2)} holds)"),
    ("d2l", r"\mathbf{z} = \lambda \mathbf{W}^{(1)} \mathbf{x}",
     r"a factor is extra: \lambda (\mathbf{W}^{(1)} \mathbf{x} holds)"),
    ("d2l", r"\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \frac{\partial J}{\partial "
     r"\mathbf{o}} \mathbf{h}^\top", "the L2 term's share is missing"),
]


@pytest.mark.parametrize("notation, text, name", LISTED + NEW)
def test_every_wrong_variant_is_refuted_and_named(notation, text, name):
    v = verdict(text, notation)
    assert v.status == "refuted", v.detail
    assert name in v.detail, v.detail
    assert NO_VARIANT not in v.detail


def _holds_when_written_out(notation, mutant_text):
    return verdict(mutant_text, notation).status == "holds"


@pytest.mark.parametrize("notation, text", [
    ("nielsen", r"z^l = w^l a^{l-1} - b^l"),
    ("goodfellow", r"h^{(1)} = x"),
    ("bishop", r"\delta_j = h(a_j) \sum_k w_{kj} \delta_k"),
    ("d2l", r"J = L - s"),
])
def test_a_mutation_names_a_refutation_and_never_turns_it_into_holds(notation, text):
    """The formula stays refuted; the mutant the name comes from, written out and read
    as a formula of its own, holds: the name is a real fix, not a guess."""
    from symnet.checker.equation import _model_of
    from symnet.core.notation_files import load
    from symnet.checker.variants import holds_in
    assert verdict(text, notation).status == "refuted"
    book, spec = load(notation), _model_of({"notation": notation})
    w = Written(parse(text), text, frozenset(book.activation), spec)
    found = []

    def holds(tree, model):
        ok = holds_in(book, list(book.sizes or NOTES_NETWORK))(tree, model)
        found.extend([tree] * ok)
        return ok
    assert name_error(w, holds, 30)
    assert _holds_when_written_out(notation, written(found[0], text))
    assert verdict(text, notation).status == "refuted"


def test_a_formula_no_row_explains_keeps_saying_so():
    v = verdict(r"\mathbf{z} = \mathbf{W}^{(1)} \mathbf{x} \mathbf{x}^\top \mathbf{x}", "d2l")
    assert v.status == "refuted" and NO_VARIANT in v.detail


def test_the_search_is_bounded_by_the_cap():
    """No more than MAX_MUTANTS mutants are tried, however many the rows make."""
    text = r"y_j = \sum_k \sum_m w_{jk} v_{km} u_{mp} x_p q_r s_t"
    w = Written(parse(text), text, frozenset({"sigma"}), ("sigmoid", "squared", None, True,
                                                         False))
    calls = []
    assert name_error(w, lambda tree, spec: calls.append(1) and False, 60) == ""
    assert len(calls) == MAX_MUTANTS
    assert len(VARIANTS) >= 10


def test_each_formula_is_parsed_once_while_mutants_are_tried(monkeypatch):
    """Mutants are trees: the text is parsed once, never again per mutant."""
    from lark import Lark
    original, count = Lark.parse, []

    def counted(self, *args, **kwargs):
        count.append(1)
        return original(self, *args, **kwargs)
    monkeypatch.setattr(Lark, "parse", counted)
    v = verdict(r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k")
    assert "swapped" in v.detail
    assert len(count) == 1


def test_another_registry_activations_formula_is_named_under_a_concrete_one():
    """Under tanh units, the sigmoid's derivative a (1 - a) in the output delta is named
    as the sigmoid's formula; the verdict stays refuted."""
    from symnet.checker.document import Equation
    from symnet.checker.documents import check_equation
    text = r"\delta^L = (a^L - y) \odot a^L \odot (1 - a^L)"
    v = check_equation(Equation(1, text, text, {"notation": "nielsen", "f": "tanh"}), None)
    assert v.status == "refuted"
    assert "it holds for the sigmoid activation, not for the one here (tanh)" in v.detail


def test_the_formula_arguments_steps_carry_the_same_name():
    """symnet check 'FORMULA' prints each step's diagnosis (api.check's steps): the name the
    table found is there too, not only in the document's one-line detail; a right side
    that is a number has no index to miss."""
    import symnet
    result = symnet.check(r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k",
                          notation="nielsen")
    assert not result.holds
    assert all("the indices j and k are swapped on the right side" in " ".join(s.diagnosis)
               for s in result.steps if not s.holds)
    zero = symnet.check(r"\frac{\partial \delta_k}{\partial y_k} = 0", notation="bishop")
    assert not zero.holds
    assert not any("does not occur" in d for s in zero.steps for d in s.diagnosis)
