"""`symnet check` reads what people write: each form below holds (or, where marked, is
refuted), and never changes the verdict of the plain form it stands for."""
import pytest

from symnet.checker.notations import check

M = [3, 4, 4, 3]

HOLD = [
    # single hidden layer
    (r"\Delta w_{hj} = \eta g_j b_h \tag{5.11}", None),
    (r"\Delta w_{hj} = \eta g_j b_h \notag", None),
    (r"\Delta w_{hj} = \eta g_j b_h \qquad (5.11)", None),
    (r"\Delta \gamma_h = -\eta e_h \quad (1 \le h \le q)", None),
    (r"E_k = \frac12 \sum_{j=1}^{l} (\hat{y}_j^k - y_j^k)^2", None),
    (r"E_k = \dfrac{1}{2} \sum_j (\hat{y}_j - y_j)^2", None),
    (r"E_k = \tfrac{1}{2} \sum^{l}_{j=1} (\hat{y}_j - y_j)^2", None),
    (r"E_k = \cfrac{1}{2} \sum_{u=1}^{l} (\hat{y}_u - y_u)^2", None),
    (r"\frac{\partial b_h}{\partial \alpha_h} = f^{\prime}(\alpha_h - \gamma_h)", None),
    (r"\frac{\partial b_h}{\partial \alpha_h} = f’(\alpha_h - \gamma_h)", None),
    (r"\frac{\partial b_h}{\partial \alpha_h} = \sigma'(\alpha_h - \gamma_h)", None),
    (r"f(x) = \frac{1}{1 + e^{-x}} = \frac{1}{1 + \exp(-x)}", None),
    (r"f'(x) = f(x) (1 - f(x))", None),
    (r"e_h = b_h (1 - b_h) \sum_j w_{hj} g_j", None),
    (r"\boldsymbol{\Delta} w_{hj} = \eta \times g_j \times b_h", None),
    (r"\Delta v_{ih} = \eta \left( e_h \right) \big( x_i \big)", None),
    (r"\bm{\Delta} w_{hj} = \eta \cdot g_j \cdot b_h", None),
    # matrix notation
    (r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \circ f'(z^{(k)})", M),
    (r"\frac{\partial E}{\partial \tilde{\Theta}^{(kl)}} = \tilde{a}^{(k)} {\delta^{(l)}}^T", M),
    (r"\frac{\partial E}{\partial \tilde{\Theta}^{(kl)}} = \tilde{a}^{(k)} [\delta^{(l)}]^{\mathrm{T}}", M),
    (r"\frac{\partial E}{\partial \tilde{\Theta}^{(kl)}} = \tilde{a}^{(k)} [\delta^{(l)}]^\intercal", M),
    (r"E = \frac{1}{2} \|\hat{\mathbf{y}} - \mathbf{y}\|^2 = \frac{1}{2} \lVert a^{(4)} - y \rVert^2", M),
    (r"E = \frac{1}{2} \sum_{j=1}^{s_n} (a_j^{(n)} - y_j)^2", M),
    (r"\tilde{\mathbf{a}}^{(1)} = (-1; x_1; x_2; x_3) = (-1; \mathbf{x})", M),
    (r"\Theta^{(34)} = \begin{pmatrix} \theta_{11}^{(34)} & \theta_{12}^{(34)} & \theta_{13}^{(34)} \\"
     r" \theta_{21}^{(34)} & \theta_{22}^{(34)} & \theta_{23}^{(34)} \\ \theta_{31}^{(34)} &"
     r" \theta_{32}^{(34)} & \theta_{33}^{(34)} \\ \theta_{41}^{(34)} & \theta_{42}^{(34)} &"
     r" \theta_{43}^{(34)} \end{pmatrix}", M),
    (r"\frac{\partial E}{\partial a_1^{(3)}} = \Theta_{1:}^{(34)} \delta^{(4)}", M),
    (r"z_1^{(4)} = [\tilde{\Theta}_{:1}^{(34)}]^\top \tilde{\mathbf{a}}^{(3)}", M),
    (r"\frac{\partial z_1^{(4)}}{\partial a_2^{(3)}} = \theta_{21}^{(34)}", M),
    (r"\frac{\partial a_1^{(4)}}{\partial z_1^{(4)}} = a_1^{(4)} (1 - a_1^{(4)})", M),
    (r"\frac{\partial E}{\partial \theta_{ij}^{(kl)}} = \delta_j^{(l)} a_i^{(k)}", M),
]

REFUTE = [
    (r"\Delta w_{hj} = \eta g_j b_h \tag{5.11} + 1", None),
    (r"E_k = \frac13 \sum_j (\hat{y}_j - y_j)^2", None),
    (r"f'(x) = f(x) (1 + f(x))", None),
    (r"\frac{\partial z_1^{(4)}}{\partial a_2^{(3)}} = \theta_{12}^{(34)}", M),
    (r"\frac{\partial E}{\partial \theta_{ij}^{(kl)}} = \delta_i^{(l)} a_j^{(k)}", M),
    (r"E = \|\hat{\mathbf{y}} - \mathbf{y}\|^2", M),
]


@pytest.mark.parametrize("text,layers", HOLD, ids=[f"hold{n}" for n in range(len(HOLD))])
def test_written_forms_hold(text, layers):
    result = check(text, layers)
    assert result.holds, [s.diagnosis for s in result.steps]


@pytest.mark.parametrize("text,layers", REFUTE, ids=[f"refute{n}" for n in range(len(REFUTE))])
def test_wrong_written_forms_are_not_held(text, layers):
    try:
        assert not check(text, layers).holds
    except ValueError:              # ParseError / MeaningError: not checked, also never "holds"
        pass


@pytest.mark.parametrize("text", [
    r"\Delta \vec{w}_{hj} = \eta g_j b_h",            # \vec is a font in section 5.3 too
    r"\Delta \mathbf{w}_{hj} = \eta g_j b_h",
    r"\Delta \operatorname{w}_{hj} = \eta g_j b_h",
])
def test_one_list_of_font_marks_in_every_reading(text):
    """A font mark means the same in the section-5.3 reading as in the matrix reading
    (core/notation.py's FONT_MARKS): a font is never refused in one and read in another."""
    from symnet.checker.notations import check
    assert check(text).holds


def test_the_grammar_knows_every_mark_of_the_table():
    from symnet.checker.parse import grammar_text
    from symnet.core.notation import ACCENTS
    import re
    marks = set(re.search(r"ACCENT: /\\\\\((.*?)\)", grammar_text()).group(1).split("|"))
    assert marks == set(ACCENTS)
