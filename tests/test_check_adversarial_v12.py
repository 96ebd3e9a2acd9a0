"""Adversarial pass 12 on the readings of an arrow to a computed quantity, a loop's layer
letter, a defining sign, a chain's named head and a trailing justification.  Each expected
verdict was worked out by hand (Goodfellow's notation, section 6.5: f and L arbitrary);
the comment on each case says why."""
import pytest

from symnet.checker.documents import check_document

GOODFELLOW = "<!-- symnet: notation = goodfellow -->\n\n"


def statuses(text):
    return [(v.equation, v.status, v.detail) for v in check_document(text, "md")]


# -- an arrow (or :=) that updates a computed quantity written otherwise on its right ----

@pytest.mark.parametrize("formula", [
    r"h^{(k)} \leftarrow 2 \boldsymbol{h}^{(k)}",                      # the same h, in bold
    r"\boldsymbol{h}^{(k)} \leftarrow 2 h^{(k)}",
    r"h^{(k)} \leftarrow h^k + 1",                                     # h^k is h^{(k)} here
    r"\nabla_{W^{(k)}} J \leftarrow \nabla_{W^{(k)}} \, J + \nabla_{a^{(k)}} J \, (h^{(k-1)})^\top",
    r"\nabla_{W^{(k)}} J \leftarrow \nabla_{\mathbf{W}^{(k)}} J + \nabla_{a^{(k)}} J \, "
    r"(h^{(k-1)})^\top",                                               # a minibatch sum
    r"h^{(k)} := 2 \boldsymbol{h}^{(k)}",
    r"h^{(k)} := h^k + 1",
])
def test_a_quantity_written_on_its_own_right_otherwise_is_an_update(formula):
    """The left side is on the right (in another font, h^k for h^{(k)}, a thin space):
    the line changes its value (an accumulator, a scaling), it does not claim Q = R.  It
    was refuted (h = 2h), the test for the left side on the right being on the text."""
    ((_, status, detail),) = statuses(GOODFELLOW + f"${formula}$\n")
    assert status == "not a claim" and detail.startswith("an update"), detail


@pytest.mark.parametrize("formula", [
    r"\nabla_{W^{(k)}} J \leftarrow 0", r"\frac{\partial J}{\partial W^{(k)}} \leftarrow 0",
    r"\nabla_{\hat y} J \leftarrow \mathbf{0}", r"\nabla_{W^{(k)}} J := 0",
])
def test_a_gradient_set_to_zero_is_an_accumulators_start(formula):
    """grad_W J <- 0 starts an accumulator (the minibatch's sum of gradients): an update,
    no claim that the gradient is zero.  It was refuted."""
    ((_, status, detail),) = statuses(GOODFELLOW + f"${formula}$\n")
    assert status == "not a claim" and detail.startswith("an update"), detail


def test_a_computed_quantity_given_its_value_still_holds_or_is_refuted():
    got = statuses(GOODFELLOW + "$h^{(k)} \\leftarrow f(a^{(k)})$\n\n"
                   "$h^{(k)} \\leftarrow f'(\\boldsymbol{a}^{(k)})$\n\n"
                   "$h^{(k)} \\leftarrow f(W^{(k)} h^{(k-1)} + b^{(k)})$\n")
    assert [s for _, s, _ in got] == ["holds", "refuted", "holds"], got


def test_an_arrow_to_a_symbol_under_a_mark_the_notation_lacks_is_no_error():
    """\\tilde h^{(k)} \\leftarrow f(a^{(k)}): \\tilde has no meaning in Goodfellow's notation;
    the whole document stopped with an error (the arrow's left side asked for its row).
    An arrow to what is no quantity of the notation is an update, as before the reading;
    the formula after it is still checked."""
    got = statuses(GOODFELLOW + "$\\tilde{h}^{(k)} \\leftarrow f(a^{(k)})$\n\n"
                   "$h^{(k)} = f(a^{(k)})$\n")
    assert [s for _, s, _ in got] == ["not a claim", "holds"], got


# -- a chain's head that the document gave another value above --------------------------

LATER = r"\delta^{(k)} = \nabla_{h^{(k)}} J = (W^{(k+1)})^\top \nabla_{a^{(k+1)}} J"


@pytest.mark.parametrize("above", [
    r"\delta^{(k)} = \nabla_{a^{(k)}} J", r"\delta^{(k)} \equiv \nabla_{a^{(k)}} J",
    r"\delta^{(k)} := \nabla_{a^{(k)}} J",
    r"\delta^{(k)} = \nabla_{a^{(k)}} J = \nabla_{h^{(k)}} J \odot f'(a^{(k)})",
])
def test_a_head_given_another_value_above_is_no_new_name(above):
    """The document says above that delta^(k) is grad_a J; delta^(k) = grad_h J is then a
    claim, false (grad_a J = grad_h J (.) f'(a)), not the name of grad_h J: the chain
    held, its head taken for a new name and dropped.  Not checked (the head's '=' is not
    read against the value above)."""
    got = statuses(GOODFELLOW + f"$${above}$$\n\n# Later\n\n$${LATER}$$\n")
    assert got[-1][1] == "not checked", got[-1]


def test_a_head_given_the_same_value_above_is_still_a_name():
    """delta^(k) = grad_a J above, and delta^(k) = grad_a J = grad_h J (.) f'(a^(k)):
    the same name for the same side, and the claim after it holds."""
    chain = r"\delta^{(k)} = \nabla_{a^{(k)}} J = \nabla_{h^{(k)}} J \odot f'(a^{(k)})"
    got = statuses(GOODFELLOW + f"$$\\delta^{{(k)}} = \\nabla_{{a^{{(k)}}}} J$$\n\n$${chain}$$\n")
    assert got[-1][1] == "holds", got[-1]
