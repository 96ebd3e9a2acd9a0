"""Section 5.3's notation and the matrix notation are two views of one network model: a
formula in either, or in both at once, is read on the same model (checker/views.py)."""
import pytest

from notes_corpus import NOTES
from symnet.checker.notations import MeaningError, ParseError, check, default_layers

MIXED = [
    (r"\alpha_h = z_h^{(2)} + \theta_{0h}^{(12)}", True),
    (r"\beta_j - \theta_j = z_j^{(3)}", True),
    (r"g_j = -\delta_j^{(3)}", True),
    (r"e_h = -\delta_h^{(2)}", True),
    (r"w_{hj} = \theta_{hj}^{(23)}", True),
    (r"\gamma_h = \theta_{0h}^{(12)}", True),
    (r"\frac{\partial E_k}{\partial w_{hj}} = \frac{\partial E}{\partial \theta_{hj}^{(23)}}", True),
    # wrong: the sign of g, a transposed weight, beta without its threshold, a wrong layer
    (r"g_j = \delta_j^{(3)}", False),
    (r"v_{ih} = \theta_{hi}^{(12)}", False),
    (r"\alpha_h = z_h^{(2)}", False),
    (r"b_h = a_h^{(3)}", False),
]


@pytest.mark.parametrize("text,holds", MIXED)
def test_formulas_that_mix_both_notations(text, holds):
    assert default_layers(text) == [2, 3, 2]
    assert check(text, default_layers(text)).holds is holds


def test_section_5_3_symbols_need_a_network_of_three_layers():
    with pytest.raises(MeaningError, match="3 layers"):
        check(r"g_j = -\delta_j^{(3)}", [3, 4, 4, 3])


def test_both_views_of_the_notes_section_5_3_agree():
    """Every equation of the notes' section 5.3 with a verdict, read in the matrix
    notation of a 2-3-2 network: wherever it is read, the verdict is the same."""
    read = 0
    for line, text, verdict, _ in NOTES:
        if not 140 <= line < 320 or verdict == "not checked":
            continue
        try:
            result = check(text, [2, 3, 2])
        except (MeaningError, ParseError):
            continue
        read += 1
        assert ("holds" if result.holds else "refuted") == verdict, (line, text)
    assert read >= 40


def test_section_5_3_formulas_are_read_twice_and_must_agree(monkeypatch):
    result = check(r"\Delta w_{hj} = \eta g_j b_h")
    assert result.holds and "the matrix view agrees at 2,3,2" in result.sizes
    # a planted disagreement (the matrix view answering the opposite) is "not checked"
    import symnet.checker.notations as notations
    real = notations.check_matrix

    def opposite(*args, **kwargs):
        found = real(*args, **kwargs)
        found.holds = not found.holds
        return found
    monkeypatch.setattr(notations, "check_matrix", opposite)
    with pytest.raises(MeaningError, match="the two readings disagree"):
        check(r"\Delta w_{hj} = \eta g_j b_h")


#: each section-5.3 symbol as the notes would write it in the matrix notation: the
#: reading of core/notation.py's SINGLE_LAYER_VIEW rows must be what the parser makes of
#: this LaTeX (value, variable); {0}, {1} are the symbol's own indices
WRITTEN = {
    "x": ("x_{{{0}}}", None),
    "v": (r"\theta_{{{0}{1}}}^{{(12)}}", None),
    "gamma": (r"\theta_{{0{0}}}^{{(12)}}", None),
    "alpha": (r"(z_{{{0}}}^{{(2)}} + \theta_{{0{0}}}^{{(12)}})", "z_{{{0}}}^{{(2)}}"),
    "b": ("a_{{{0}}}^{{(2)}}", None),
    "w": (r"\theta_{{{0}{1}}}^{{(23)}}", None),
    "theta": (r"\theta_{{0{0}}}^{{(23)}}", None),
    "beta": (r"(z_{{{0}}}^{{(3)}} + \theta_{{0{0}}}^{{(23)}})", "z_{{{0}}}^{{(3)}}"),
    "yhat": (r"\hat{{y}}_{{{0}}}", "a_{{{0}}}^{{(3)}}"),
    "y": ("y_{{{0}}}", None),
    "g": (r"(-\delta_{{{0}}}^{{(3)}})", None),
    "e": (r"(-\delta_{{{0}}}^{{(2)}})", None),
}


@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_the_view_rows_read_as_the_matrix_notation_writes_them(name):
    from symnet.checker.parse import parse
    from symnet.checker.tree import same_tree
    from symnet.checker.views import quantity_node
    from symnet.core.notation import SINGLE_LAYER_VIEW
    for letters in (["h", "j"], ["i", "h"], ["1", "2"], ["j", "1"]):
        for written, rows in zip(WRITTEN[name], SINGLE_LAYER_VIEW[name]):
            if written is None:
                assert rows is None
                continue
            expected = parse(written.format(*letters) + " = 0").args[0]
            assert same_tree(quantity_node(rows, letters, 0), expected), (name, letters)


def test_each_equation_is_parsed_once(monkeypatch):
    """A document's equations, in both vocabularies and mixed: one parse each (the views
    build their trees from the quantity table; nothing is printed and parsed again)."""
    from lark import Lark
    from symnet.checker.documents import check_document
    count = {"n": 0}
    parse = Lark.parse

    def counted(self, *args, **kwargs):
        count["n"] += 1
        return parse(self, *args, **kwargs)
    monkeypatch.setattr(Lark, "parse", counted)
    lines = [r"$\Delta w_{hj} = \eta g_j b_h$", r"$e_h = b_h (1 - b_h) \sum_j w_{hj} g_j$",
             r"$g_j = -\delta_j^{(3)}$", r"$\frac{\partial E_k}{\partial \theta_j} = g_j$",
             r"$\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot f'(z^{(k)})$"]
    verdicts = check_document("\n\n".join(lines), "md")
    assert len(verdicts) == len(lines) and count["n"] == len(lines)
