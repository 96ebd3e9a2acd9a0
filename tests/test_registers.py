"""A running value (a register), as Goodfellow's algorithm 6.4 writes its gradient g:
``g \\leftarrow Q = R`` claims Q = R (g on the right its value before the line) and gives g
the value Q for what follows; in a loop over the layers, g's value on entering iteration
k is its last value in the body for the iteration before, read only where that agrees
with its value before the loop.  Every expected verdict was worked out by hand."""
import pytest

from symnet.checker.documents import check_document

HEAD = "<!-- symnet: notation = goodfellow -->\n\n# Algorithm 6.4\n\n"
FORWARD = [r"h^{(0)} = x", r"k = 1, \ldots, l", r"a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)}",
           r"h^{(k)} = f(a^{(k)})", r"\hat{y} = h^{(l)}"]
START = r"g \leftarrow \nabla_{\hat{y}} J = \nabla_{\hat{y}} L(\hat{y}, y)"
LOOP = r"k = l, l-1, \cdots, 1"
# the book's algorithm 6.4 as printed (lambda = 0 here), its own transposes h^{(k-1)\top}
BODY = [r"g \leftarrow \nabla_{a^{(k)}} J = g \odot f'(a^{(k)})",
        r"\nabla_{b^{(k)}} J = g",
        r"\nabla_{W^{(k)}} J = g \; h^{(k-1)\top}",
        r"g \leftarrow \nabla_{h^{(k-1)}} J = W^{(k)\top} \; g"]


def run(*formulas, head=HEAD):
    text = head + "".join(f"${f}$\n\n" for f in formulas)
    return [(v.equation, v.status, v.detail, v.sizes) for v in check_document(text, "md")]


def status_of(rows, text):
    (found,) = [r for r in rows if r[0] == text]
    return found[1], found[2], found[3]


def test_the_books_algorithm_is_read_and_holds_line_by_line():
    rows = run(*FORWARD, START, LOOP, *BODY)
    for text in [START] + BODY:
        status, detail, sizes = status_of(rows, text)
        assert status == "holds", (text, detail)
    _, _, sizes = status_of(rows, BODY[0])
    assert "g read, on entering iteration k, as its value given at line" in sizes
    assert "for iteration k + 1 (at the first, k = l, its value before the loop" in sizes
    assert "the arrow gives the name on its left a new value" in sizes
    assert "g read as its value given at line" in status_of(rows, BODY[1])[2]
    status, detail, _ = status_of(rows, LOOP)
    assert status == "not a claim"
    assert "read as the loop over the layers (k from l down to 1)" in detail


@pytest.mark.parametrize("wrong", [
    r"g \leftarrow \nabla_{a^{(k)}} J = g \odot f(a^{(k)})",        # f for f'
    r"g \leftarrow \nabla_{a^{(k)}} J = - g \odot f'(a^{(k)})",     # sign
])
def test_a_wrong_update_claim_is_refuted(wrong):
    rows = run(*FORWARD, START, LOOP, wrong, *BODY[1:])
    assert status_of(rows, wrong)[0] == "refuted"


@pytest.mark.parametrize("wrong", [
    r"\nabla_{b^{(k)}} J = - g",
    r"\nabla_{W^{(k)}} J = g \; h^{(k-1)}",
    r"\nabla_{W^{(k)}} J = h^{(k-1)} g^\top",
    r"g \leftarrow \nabla_{h^{(k-1)}} J = W^{(k)} \; g",
])
def test_a_wrong_formula_using_g_is_refuted(wrong):
    body = [BODY[0], wrong, BODY[3]] if "leftarrow" not in wrong else [*BODY[:3], wrong]
    rows = run(*FORWARD, START, LOOP, *body)
    assert status_of(rows, wrong)[0] == "refuted"


def test_g_means_what_the_line_before_gave_it_not_a_guess():
    """Read in order: after g <- grad_a J, g is grad_a J, so grad_b J = g holds."""
    rows = run(*FORWARD, START, LOOP, *BODY)
    assert status_of(rows, BODY[1])[0] == "holds"


@pytest.mark.parametrize("loop", [None, r"k = l-1, \cdots, 1"])
def test_a_loop_not_seen_or_not_read_leaves_g_not_checked(loop):
    """Without the loop's line (a loop written in words), or over a range that is not
    every layer, g's value before the loop (grad by hat y, one layer) is not taken for
    its value on entering each iteration: the first line of the body would be refuted
    (true at k = l only), though the algorithm is right."""
    rows = run(*FORWARD, START, *([loop] if loop else []), *BODY)
    status, detail, _ = status_of(rows, BODY[0])
    assert status == "not checked", detail
    assert ("over every layer k" in detail) if loop is None else ("not read" in detail)


def test_an_entry_value_that_does_not_agree_before_the_loop_is_not_checked():
    start = r"g \leftarrow \nabla_{h^{(l-1)}} J"
    rows = run(*FORWARD, start, LOOP, *BODY)
    status, detail, _ = status_of(rows, BODY[0])
    assert status == "not checked"
    assert "not shown to agree at the first iteration" in detail


def test_without_a_value_before_the_loop_g_is_not_checked():
    rows = run(*FORWARD, LOOP, *BODY)
    status, detail, _ = status_of(rows, BODY[0])
    assert status == "not checked"
    assert "is not given before the loop" in detail


def test_g_before_any_update_has_no_meaning():
    rows = run(r"\nabla_{b^{(k)}} J = g")
    assert rows[0][1] == "not checked"


def test_a_heading_ends_the_running_values():
    rows = run(*FORWARD, START, "\n# Next\n\n$" + r"\nabla_{\hat{y}} J = g")
    assert rows[-1][1] == "not checked"


def test_an_ascending_loop_reads_the_value_of_the_iteration_before():
    """u <- x, then for k = 1..l: a^(k) = b^(k) + W^(k) u, u <- h^(k) = f(a^(k)): on
    entering iteration k, u is h^(k-1) (at k = 1, x = h^(0))."""
    body = [r"a^{(k)} = b^{(k)} + W^{(k)} u", r"u \gets h^{(k)} = f(a^{(k)})"]
    rows = run(r"u \gets x", r"k = 1, \ldots, l", *body)
    assert [r[1] for r in rows] == ["not a claim", "not a claim", "holds", "holds"]
    wrong = r"a^{(k)} = b^{(k)} + W^{(k)} f(u)"
    rows = run(r"u \gets x", r"k = 1, \ldots, l", wrong, body[1])
    assert rows[2][1] == "refuted"


def test_in_the_books_own_notation_an_arrow_is_an_update_only():
    """No running value in the book's notation: g is not a register there.  (Pass 16: the
    '=' after the arrow claims nabla J = g, a claim of its own, so the line is no longer
    "not a claim" but that claim's verdict: not checked, nabla J and g having no meaning
    in the book's notation.)"""
    text = "$g \\leftarrow \\nabla J = g$\n"
    (v,) = check_document(text, "md")
    assert v.status == "not checked" and "running value" not in v.detail, v


def test_an_update_is_parsed_once(monkeypatch):
    from lark import Lark
    parsed, parse = [], Lark.parse

    def counted(self, text, *args, **kwargs):
        parsed.append(text)
        return parse(self, text, *args, **kwargs)
    monkeypatch.setattr(Lark, "parse", counted)
    rows = run(*FORWARD, START, LOOP, *BODY)
    assert len(parsed) <= len(rows)


def test_a_counter_is_never_a_running_value():
    """i <- 1 (algorithm 6.6's counter): i stays an index letter in what follows."""
    rows = run(r"i \gets 1", r"\frac{\partial J}{\partial b^{(k)}_i} = "
               r"\frac{\partial J}{\partial a^{(k)}_i}")
    assert rows[1][1] == "holds", rows[1]
    assert "read as" not in rows[1][3]


# the book's algorithm 6.4 as printed, with its regulariser lambda Omega(theta)
J_STATED = r"J = L(\hat{y}, y) + \lambda \Omega(\theta)"
BOOK_BODY = [BODY[0],
             r"\nabla_{b^{(k)}} J = g + \lambda \nabla_{b^{(k)}} \Omega(\theta)",
             r"\nabla_{W^{(k)}} J = g \; h^{(k-1)\top} + \lambda \nabla_{W^{(k)}} \Omega(\theta)",
             BODY[3]]


def test_the_books_algorithm_with_its_regulariser_holds():
    rows = run(*FORWARD, J_STATED, START, LOOP, *BOOK_BODY)
    for text in [J_STATED, START] + BOOK_BODY:
        assert status_of(rows, text)[0] == "holds", (text, status_of(rows, text))


@pytest.mark.parametrize("wrong", [
    r"\nabla_{b^{(k)}} J = g",                      # the regulariser's share left out
    r"\nabla_{b^{(k)}} J = g - \lambda \nabla_{b^{(k)}} \Omega(\theta)",
    r"\nabla_{W^{(k)}} J = g \; h^{(k-1)} + \lambda \nabla_{W^{(k)}} \Omega(\theta)",
])
def test_a_wrong_gradient_in_the_books_algorithm_is_refuted(wrong):
    rows = run(*FORWARD, J_STATED, START, LOOP, BOOK_BODY[0], wrong, BOOK_BODY[3])
    assert status_of(rows, wrong)[0] == "refuted"


def test_bold_symbols_with_their_layer_inside_the_font_read_the_same():
    """\\boldsymbol{b^{(k)}} is \\boldsymbol{b}^{(k)}; \\boldsymbol{g h^{(k-1)T}} is each
    factor in bold (a transcription of the book's algorithm)."""
    body = [r"\boldsymbol{g} \gets \nabla_{\boldsymbol{a^{(k)}}} J = \boldsymbol{g} \odot "
            r"f'(\boldsymbol{a^{(k)}})",
            r"\nabla_{\boldsymbol{b^{(k)}}} J = \boldsymbol{g} + \lambda \nabla_{\boldsymbol"
            r"{b^{(k)}}} \Omega (\theta)",
            r"\nabla_{\boldsymbol{W^{(k)}}} J = \boldsymbol{gh^{(k-1)T}} + \lambda \nabla_"
            r"{\boldsymbol{W^{(k)}}} \Omega (\theta)",
            r"\boldsymbol{g} \gets \nabla_{\boldsymbol{h^{(k-1)}}} J = \boldsymbol{W^{(k)T}} "
            r"\boldsymbol{g}"]
    rows = run(*FORWARD, J_STATED, START, LOOP, *body)
    assert [status_of(rows, t)[0] for t in body] == ["holds"] * 4
    wrong = body[2].replace("gh^{(k-1)T}", "gh^{(k-1)}")
    rows = run(*FORWARD, J_STATED, START, LOOP, body[0], wrong, body[3])
    assert status_of(rows, wrong)[0] == "refuted"


def test_the_shipped_example_of_algorithm_6_4_reads_as_the_readme_says():
    """examples/algorithm-6.4.md: the book's algorithms as printed, one slip on purpose
    (the weights' gradient without the regulariser's share); the README quotes its
    summary line."""
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    text = (root / "examples" / "algorithm-6.4.md").read_text("utf-8")
    verdicts = check_document(text, "md")
    counts = [sum(v.status == s for v in verdicts) for s in
              ("holds", "refuted", "not a claim", "not checked")]
    (refuted,) = [v for v in verdicts if v.status == "refuted"]
    assert "the regulariser's share is missing" in refuted.detail
    assert refuted.equation == r"\nabla_{W^{(k)}} J = g \; h^{(k-1)\top}"
    line = (f"examples/algorithm-6.4.md: {len(verdicts)} equations: {counts[0]} hold, "
            f"{counts[1]} refuted, {counts[2]} not a claim, {counts[3]} not checked")
    assert line in (root / "README.md").read_text("utf-8")


@pytest.mark.parametrize("letter, formula", [
    ("e", r"\nabla_{\hat{y}} J = e"),
    ("T", r"\nabla_{W^{(k)}} J = \nabla_{a^{(k)}} J \, (h^{(k-1)})^T"),
    ("d", r"\frac{d J}{d \hat{y}} = \nabla_{\hat{y}} J"),
])
def test_letters_that_mathematics_reads_are_never_running_values(letter, formula):
    """e <- ... would otherwise stand for its value in e^{0}; T in a transpose; d in a
    derivative written with an ordinary d."""
    rows = run(f"{letter} \\gets \\nabla_{{\\hat{{y}}}} J", formula)
    assert rows[1][1] == ("not checked" if letter == "e" else "holds"), rows[1]
    assert "read as" not in rows[1][3]
