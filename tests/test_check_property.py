"""Soundness of `symnet check` as a property (hypothesis, 2,000 examples): correct
statements from the catalog's and the notes' LaTeX, mutated at random.  A mutation that
changes the meaning (sign, index swap, transposition, a dropped or extra factor, a wrong
layer, a wrong constant) must never be answered "holds"; a rewrite that keeps it (factors
reordered, sums swapped or split, sides swapped, the minus sign moved, parentheses, a
factor 1) must never be answered "refuted".  "not checked" is allowed for both: it is
never a false verdict."""
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symnet.checker.notations import MeaningError, ParseError, check

M = (3, 4, 4, 3)

# (left side, factors of the right side (their product is the right side), layers)
BASE = [
    (r"\Delta w_{hj}", [r"\eta", "g_j", "b_h"], None),
    (r"\Delta v_{ih}", [r"\eta", "e_h", "x_i"], None),
    (r"\Delta \theta_j", ["-1", r"\eta", "g_j"], None),
    (r"\Delta \gamma_h", ["-1", r"\eta", "e_h"], None),
    ("g_j", [r"\hat{y}_j^k", r"(1 - \hat{y}_j^k)", r"(y_j^k - \hat{y}_j^k)"], None),
    ("e_h", ["b_h", "(1 - b_h)", r"\sum_{j=1}^{l} w_{hj} g_j"], None),
    (r"\frac{\partial E_k}{\partial w_{hj}}", ["-1", "g_j", "b_h"], None),
    (r"\frac{\partial E_k}{\partial v_{ih}}", ["-1", "e_h", "x_i"], None),
    (r"\frac{\partial \beta_j}{\partial w_{hj}}", ["b_h"], None),
    (r"\frac{\partial b_h}{\partial \alpha_h}", ["b_h", "(1 - b_h)"], None),
    (r"\frac{\partial \hat{y}_j}{\partial b_h}", [r"\hat{y}_j", r"(1 - \hat{y}_j)", "w_{hj}"], None),
    (r"\frac{\partial E_k}{\partial b_h}", ["-1", r"\sum_{j=1}^{l} w_{hj} g_j"], None),
    (r"\delta^{(k)}", [r"(\Theta^{(kl)} \delta^{(l)})", r"\odot", r"f'(z^{(k)})"], M),
    (r"\delta^{(n)}", [r"(a^{(n)} - y)", r"\odot", r"f'(z^{(n)})"], M),
    (r"\frac{\partial E}{\partial \tilde{\Theta}^{(kl)}}", [r"\tilde{a}^{(k)}", r"[\delta^{(l)}]^\top"], M),
    (r"\Delta \tilde{\Theta}^{(kl)}", ["-1", r"\eta", r"\tilde{a}^{(k)}", r"[\delta^{(l)}]^\top"], M),
    (r"\frac{\partial E}{\partial a^{(k)}}", [r"\Theta^{(kl)}", r"\delta^{(l)}"], M),
    (r"z^{(3)}", [r"[\tilde{\Theta}^{(23)}]^\top", r"\tilde{a}^{(2)}"], M),
]
EXTRA = {None: [r"\eta", "b_h", "x_i", "2"], M: [r"\eta", "2"]}
SWAPS = [("_{hj}", "_{jh}"), ("_j", "_h"), ("_h", "_j"), ("_{ih}", "_{hi}")]
THETA, THETA_T = r"\Theta^{(kl)}", r"[\Theta^{(kl)}]^\top"
LAYER_SWAPS = [("(k)", "(l)"), ("(l)", "(k)"), ("(n)", "(2)")]


def _product(factors) -> str:
    return " ".join(f for f in factors)


def _is_scalar_factor(f: str) -> bool:
    return f not in (r"\odot",)


@st.composite
def mutated(draw):
    """(text, layers, "equivalent" | "different")."""
    left, factors, layers = draw(st.sampled_from(BASE))
    right = _product(factors)
    kind = draw(st.sampled_from([
        "sign", "constant", "shift", "drop", "extra", "swap", "layer", "transpose",
        "reorder", "sides", "paren", "one", "minus", "split"]))
    if kind == "sign":
        return f"{left} = -\\left({right}\\right)", layers, "different"
    if kind == "constant":
        c = draw(st.sampled_from(["2", "3", r"\frac{1}{2}", r"\frac{3}{2}", "0", "-2"]))
        return f"{left} = {c} \\left({right}\\right)", layers, "different"
    if kind == "shift":
        return f"{left} = {right} + \\eta", layers, "different"
    if kind == "drop" and len([f for f in factors if f not in ("-1", r"\odot")]) > 1:
        keep = [f for f in factors if f != r"\odot"]
        n = draw(st.integers(0, len(keep) - 1))
        if keep[n] == "-1":
            return f"{left} = {_product(keep[:n] + keep[n + 1:])}", layers, "different"
        rest = keep[:n] + keep[n + 1:]
        if layers is not None and r"\odot" in factors:
            return f"{left} = {_product(rest)}", layers, "different"
        return f"{left} = {_product(rest)}", layers, "different"
    if kind == "extra":
        extra = draw(st.sampled_from(EXTRA[layers]))
        return f"{left} = {extra} \\left({right}\\right)", layers, "different"
    if kind == "swap" and layers is None:
        old, new = draw(st.sampled_from(SWAPS))
        if old in right:
            return f"{left} = {right.replace(old, new, 1)}", layers, "different"
    if kind == "layer" and layers is not None:
        old, new = draw(st.sampled_from(LAYER_SWAPS))
        if old in right:
            return f"{left} = {right.replace(old, new, 1)}", layers, "different"
    if kind == "transpose" and layers is not None and THETA in right:
        transposed = right.replace(THETA, THETA_T, 1)
        return f"{left} = {transposed}", layers, "different"
    if kind == "reorder" and layers is None and len(factors) > 1:
        sign = "-" if "-1" in factors else ""
        order = draw(st.permutations([f for f in factors if f != "-1"]))
        return f"{left} = {sign}{_product(order)}", layers, "equivalent"
    if kind == "sides":
        return f"{right} = {left}", layers, "equivalent"
    if kind == "paren":
        return f"{left} = \\left({right}\\right)", layers, "equivalent"
    if kind == "one":
        return f"{left} = 1 \\cdot {right}", layers, "equivalent"
    if kind == "minus" and factors[0] == "-1":
        rest = factors[1:]
        moved = draw(st.sampled_from([
            f"-{_product(rest)}", f"-\\left({_product(rest)}\\right)",
            f"{rest[0]} \\left(-{_product(rest[1:])}\\right)" if len(rest) > 1 else f"-{rest[0]}"]))
        return f"{left} = {moved}", layers, "equivalent"
    if kind == "split" and r"\sum_{j=1}^{l} w_{hj} g_j" in right:
        split = right.replace(r"\sum_{j=1}^{l} w_{hj} g_j",
                              r"\left(\sum_{j=1}^{l} \frac{1}{2} w_{hj} g_j + "
                              r"\sum_{j=1}^{l} \frac{1}{2} g_j w_{hj}\right)")
        return f"{left} = {split}", layers, "equivalent"
    return f"{left} = {right}", layers, "equivalent"      # the statement itself


@lru_cache(maxsize=None)
def _verdict(text: str, layers) -> str:
    try:
        result = check(text, list(layers) if layers else None, diagnose_steps=False)
        return "holds" if result.holds else "refuted"
    except (ParseError, MeaningError):
        return "not checked"


@settings(max_examples=2000, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(case=mutated())
def test_mutations_never_get_a_false_verdict(case):
    text, layers, meaning = case
    verdict = _verdict(text, layers)
    if meaning == "different":
        assert verdict != "holds", f"a changed statement holds: {text}"
    else:
        assert verdict != "refuted", f"an equivalent rewrite is refuted: {text}"


def test_the_base_statements_hold():
    for left, factors, layers in BASE:
        assert _verdict(f"{left} = {_product(factors)}", layers) == "holds", left


@lru_cache(maxsize=None)
def _other_reading(text: str, layers) -> bool:
    """Does the other reading say "holds"?  Matrix statements: the proof at symbolic widths
    (symbolic_widths.py); section-5.3 statements: the matrix view of the 2-3-2 network
    (views.py)."""
    from symnet.checker.parse import parse
    from symnet.checker.symbolic_widths import prove_symbolic
    try:
        if layers is not None:
            return prove_symbolic(parse(text))[0]
        return check(text, [2, 3, 2], diagnose_steps=False).holds
    except (ParseError, MeaningError):
        return False


@settings(max_examples=600, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(case=mutated())
def test_mutations_never_hold_in_the_other_readings(case):
    text, layers, meaning = case
    if meaning == "different":
        assert not _other_reading(text, layers), f"a changed statement holds: {text}"
