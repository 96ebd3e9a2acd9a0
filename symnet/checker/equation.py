"""The verdict on one equation of a document, or one formula (:func:`check_equation`).

A verdict is ``holds`` (every "=" proved), ``refuted`` (some "=" is false: the diagnosis
names what is wrong, the counterexample shows values where the sides differ), ``not a
claim`` (a value, a condition, a definition) or ``not checked`` (the tool does not fully
understand the equation, and says why).  The rules that read a formula beside the others
of its document are :mod:`symnet.checker.documents`.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace
from functools import lru_cache

import sympy as sp

from symnet.checker.notations import NOTES_NETWORK, MeaningError, ParseError, check
from symnet.checker.result import NotAClaim, refusal
from symnet.prove.nested import DEFAULT_MODEL
from symnet.core.limits import TimeLimitExceeded, time_limit
from symnet.core.notation import FUNCTION_LETTERS, INDEX_LETTERS
from symnet.core.registry import activation_function, step as step_function
from symnet.core.notation_files import Row, load as load_notation
from symnet.checker.document import Equation
from symnet.checker.parse import Node, parse
from symnet.checker.tree import nodes, same_tree
from symnet.checker.symbols import flat_text
from symnet.checker.primes import check_primes, is_prime_formula
from symnet.checker.registers import (arrow_claim, at_layer, computes, computing_arrow,
                                      rewrites_itself, in_notation_letter, substituted,
                                      written_on_right)
from symnet.checker.statements import (UPDATE, base_of_log_matters, compare_numbers,
                                       defined_set_to_number,
                                       defined_then_numbers, value_given_in_chain,
                                       condition_on_free_variables,
                                       without_elided_steps,
                                       has_f_of_number, index_condition, new_function,
                                       not_a_claim,
                                       numbers_only, unreadable_definition,
                                       primed_function_at_number, unit_zero,
                                       assigned_then_numbers, after_an_update)


HOLDS, REFUTED, NOT_CHECKED, NOT_A_CLAIM = "holds", "refuted", "not checked", "not a claim"
SECONDS_PER_EQUATION = 30
STEP = "step"


@dataclass
class Verdict:
    line: int
    equation: str
    status: str
    detail: str = ""
    notation: str = ""
    sizes: str = ""
    seconds: float = 0.0
    result: object = None          # the CheckResult, where a proof or refutation was run
    column: int = 0                # where the equation starts in its line, from 1 (0: unknown)
    unread: bool = False           # refused at a character of the text: it was not read

    def withdraw(self, detail: str) -> None:
        """Take back a decision: the verdict becomes "not checked" for ``detail``, with no
        proof and no sizes left (they covered what is now not claimed)."""
        self.status, self.result, self.sizes, self.detail = NOT_CHECKED, None, "", detail

    def as_json(self) -> dict:
        return {"line": self.line, "column": self.column, "equation": self.equation,
                "verdict": self.status,
                "detail": self.detail, "notation": self.notation, "sizes": self.sizes,
                "seconds": round(self.seconds, 3)}


# --- one equation ------------------------------------------------------------------------

NUMBER_FUNCTION_HINT = ("f of a number: the document does not say what f is here (add "
                        "<!-- symnet: f = step --> or % symnet: f = sigmoid, or define f)")


def number_functions(context: dict) -> dict:
    """What f (sigma, varphi, ...) is at a number, from the directives and local
    definitions in force: {name: a function of one SymPy number}."""
    from symnet.core.registry import ACTIVATIONS
    functions = {}
    if context.get("f"):
        name = context["f"]
        row = step_function if name == STEP else ACTIVATIONS[name].function
        functions["f"] = row.definition
    for name, (letter, body, _) in context.get("defined", {}).items():
        x = sp.Symbol(letter, real=True)
        functions[name] = (lambda value, body=body, x=x: body.xreplace({x: value}))
    return functions


def _shown(value) -> str:
    """A value as the detail prints it: exact when short, else 15 digits (a number of
    thousands of digits is never printed whole)."""
    try:
        text = str(value)
    except ValueError:                     # more digits than Python converts
        text = ""
    if text and len(text) <= 60:
        return text
    try:
        return f"{sp.N(value, 15)} (15 digits)"
    except (TypeError, ValueError, ArithmeticError):
        return "a number too long to print"


def _apart(left, right) -> str:
    """Where two different numbers agree to the 15 digits they are printed with (10^300 + 1
    and 10^300), by how much they differ; else nothing."""
    try:
        alike = sp.N(left, 15) == sp.N(right, 15)
    except (TypeError, ValueError, ArithmeticError):
        return ""
    return f" (they differ by {_shown(right - left)})" if alike else ""


def _check_numbers(tree: Node, context: dict, steps_before: int = 0) -> Verdict:
    """An identity between numbers (and f of numbers, with the f the document has said),
    decided exactly; ``steps_before``: the "=" written before the chain (its numbering)."""
    functions = number_functions(context)
    said = "; ".join(f"{k} = {v}" for k, v in (("f", context.get("f")),) if v) or (
        "f as defined" if context.get("defined") else "")
    with_said = f" with {said}" if said else ""
    try:
        n, values = compare_numbers(tree, functions)
    except (ValueError, TypeError, ArithmeticError, RecursionError) as exc:
        return Verdict(0, "", NOT_CHECKED, f"cannot evaluate it: {exc}")
    if n is None:
        return Verdict(0, "", NOT_CHECKED, "the sides cannot be compared exactly")
    if base_of_log_matters(tree, functions, n):
        return Verdict(0, "", NOT_CHECKED, "\\log is written without its base, and the "
                       "verdict is not the same in base e, 2 and 10: write \\ln for the "
                       "natural logarithm, or \\log x / \\log 10 for another base")
    if not n:
        return Verdict(0, "", HOLDS, "", f"numbers{', ' + said if said else ''}", "exact")
    detail = (f"step {n + steps_before}: {_shown(values[n - 1])} =/= {_shown(values[n])}"
              f"{_apart(values[n - 1], values[n])}{with_said}")
    if context.get("f") in (STEP, "sigmoid") and not context.get("defined"):
        other = "sigmoid" if context["f"] == STEP else STEP
        if compare_numbers(tree, number_functions({"f": other}))[0] == 0:
            detail += (f"; it holds with f = {other}: the {other} function is used where "
                       f"the {context['f']} is meant")
    return Verdict(0, "", REFUTED, detail, f"numbers{', ' + said if said else ''}", "exact")


def check_formula(text: str, context: dict, layers=None, seconds: float = None) -> Verdict:
    """The verdict on one formula given alone (the command line's formula argument and
    :func:`symnet.api.check`): one statement.  A formula that makes several, as a
    document reads it (a = b \\quad c = d, a = b, c = d), is not checked: each is checked
    alone, or the formula as a document; read as one chain, \\quad would be a product."""
    from symnet.checker.document import equations
    statements = [t for _, t in equations(text)]
    if len(statements) > 1:
        shown = "; ".join(statements[:3]) + ("; ..." if len(statements) > 3 else "")
        return Verdict(1, text, NOT_CHECKED, f"it makes {len(statements)} statements "
                       f"({shown}): give each alone, or the formula in a document")
    return check_equation(Equation(1, text, text, context), layers, seconds)


def check_equation(eq: Equation, layers=None, seconds: float = None) -> Verdict:
    """The verdict on one equation of a document (or one formula: the command line and
    the API call this too), within ``seconds`` (default SECONDS_PER_EQUATION)."""
    start = time.perf_counter()
    verdict = _check_equation(eq, layers, seconds or SECONDS_PER_EQUATION)
    verdict = _at_a_depth_given_elsewhere(eq, layers, seconds, verdict)
    verdict = _at_an_unsaid_depth(eq, layers, seconds, verdict)
    verdict = _at_unsaid_widths(eq, layers, seconds, verdict)
    _registers_said(verdict, eq)
    for key in ("_claim", "_registers_used", "registers", "_layer_letter", "_loop",
                "_computes", "_renamed", "_named", "_defining", "_parsed"):
        eq.context.pop(key, None)
    if verdict.status == NOT_CHECKED and eq.context.get("notation") is None \
            and "of a number:" not in verdict.detail:        # no notation says what f is
        verdict.detail += _other_notation_hint(eq.context.get("_tree"), layers)
    eq.context["_read"] = eq.context.pop("_tree", None)    # for what the verdict records
    verdict.line, verdict.equation = eq.line, eq.shown or eq.text
    if eq.context.get("continues"):
        _as_a_link(eq, verdict)
    verdict.column = getattr(eq, "column", 0)
    verdict.seconds = time.perf_counter() - start
    return verdict


def _as_a_link(eq: Equation, verdict: Verdict) -> None:
    """The verdict on a formula read as continuing the chain above it (``$= B$`` below
    ``$e_h = A$``) says so.  Read so, a link that would define a symbol or give it a value
    (below ``f(x) = x^2`` or ``x_1 = 1``) is not checked, and defines nothing: it says
    that A = B, not what the left side is."""
    line, left = eq.context["continues"]
    if verdict.status == NOT_A_CLAIM:
        eq.context.pop("_defines", None)
        verdict.withdraw(f"it continues the chain of line {line}, whose left side {left} "
                         f"is defined or given a value there: read as '{eq.text}' it "
                         f"{verdict.detail}, and a link of a chain is no definition")
    elif verdict.status != NOT_CHECKED:
        verdict.sizes = "; ".join(filter(None, [
            verdict.sizes, f"read as continuing the chain of line {line} (left side {left})"]))


def _check_equation(eq: Equation, layers, seconds) -> Verdict:
    claim = eq.context.get("_claim") or arrow_claim(eq.text)    # g <- Q = R: Q = R
    eq = identity_sign_read(replace(eq, text=claim[0]) if claim else _computed_read(eq))
    early = _not_an_equation(eq)
    if early is not None:
        return early
    tree = _read(eq, claim)
    if isinstance(tree, Verdict):
        return tree
    tree, elided = without_elided_steps(tree)
    layers = layers or network_of(eq.context.get("notation"), eq.context.get("_depth"))
    written, (tree, counted, early) = tree, in_matrix_notation(tree, eq.context, layers)
    if early is not None:
        return early
    early = _not_an_identity(tree, eq) or _unit_zero(tree, counted)
    if early is not None:
        return early
    updated = after_an_update(tree)
    tree = updated or tree
    early = _function_not_said(tree, eq.context)
    if early is not None:
        return early
    if is_prime_formula(tree):
        return _primes(tree, eq.context.get("values", {}))
    if has_f_of_number(tree):
        return _f_of_numbers(tree, eq)
    if numbers_only(tree):
        return _check_numbers(tree, eq.context)      # 1 + 1 = 3: arithmetic, exactly
    if eq.context.get("f") == STEP:
        return Verdict(0, "", NOT_CHECKED, "f is the step function here (a directive says "
                       "so); its derivative is not the notes' f'")
    verdict = decided_verdict(eq, tree, layers, seconds, counted)
    if counted is not None and verdict.status == REFUTED:
        verdict.detail = _named(verdict, eq, written, tree, layers)
    if counted is not None and verdict.status != NOT_CHECKED:
        name = load_notation(eq.context["notation"]).name
        verdict.notation = f"{name} notation, read as {verdict.notation}"
        if verdict.result is not None:
            verdict.result.notation = verdict.notation
        verdict.sizes += f" (matrix notation: {counted[1]})" if counted[1] else ""
    if elided and verdict.status != NOT_CHECKED:
        verdict.sizes += "; the steps written as '...' are not checked"
    if updated is not None and verdict.status != NOT_CHECKED:
        verdict.sizes += "; the first '=' assigns a new value (an update, not checked)"
        verdict.detail = re.sub(r"\bstep (\d+):", lambda m: f"step {int(m.group(1)) + 1}:",
                                verdict.detail)          # numbered as written
    return verdict


def _computed_read(eq: Equation) -> Equation:
    """``Q \\leftarrow R`` read as the claim Q = R where the arrow gives a value to a quantity
    the network computes (:func:`symnet.checker.registers.computing_arrow`; what Q is,
    :func:`_read` tells from the parse); any other equation as it is."""
    notation = eq.context.get("notation")
    claim = computing_arrow(eq.text, load_notation(notation) if notation else None)
    if claim is None:
        return eq
    eq.context["_computes"] = claim.split(" = ")[0]
    return replace(eq, text=claim)


def _read(eq: Equation, claim):
    """The parsed equation (parsed once: an update's claim was parsed with its update),
    with the running values in force (:mod:`symnet.checker.registers`) put in; or the
    verdict on what is not read."""
    try:
        parsed = eq.context.get("_parsed")        # decided again at another depth or width
        tree = claim[1] if claim and claim[1] and claim[0] == eq.text else \
            parsed[1] if parsed and parsed[0] == eq.text else parse(eq.text)
        eq.context["_parsed"] = (eq.text, tree)
        eq.context["_tree"] = tree                       # kept for the hint
        if _an_update(tree, eq.context):
            return Verdict(0, "", NOT_A_CLAIM, UPDATE)      # W <- 0: a free variable set
    except ParseError as exc:
        defines = _new_symbol(unreadable_definition(eq.text), eq.context)
        if defines:
            return Verdict(0, "", NOT_A_CLAIM, defines)
        return Verdict(0, "", NOT_CHECKED, f"cannot read it: {exc}", unread=True)
    try:
        tree, used = substituted(tree, eq.context.get("registers") or {},
                                 eq.context.get("_layer_letter", ""))
    except ValueError as exc:
        return Verdict(0, "", NOT_CHECKED, f"it uses a running value (an algorithm's "
                       f"register) that has no known value here: {exc}")
    try:
        tree = at_layer(tree, eq.context.get("_at_layer"))      # one iteration only
        tree = with_loop_letter(_named_first(tree, eq), eq.context)
    except ValueError as exc:
        return _refused(exc)
    eq.context["_registers_used"] = [v.note for v in used]
    eq.context["_registers_from"] = {v.claim: v.note.split(" ")[0] for v in used
                                     if v.claim is not None}
    return tree


def _an_update(tree: Node, context: dict) -> bool:
    """Whether ``Q = R``, read from an arrow (``_computes``) or a defining sign
    (``_defining``) in another notation, gives Q a new value rather than claiming Q = R:
    an arrow to no computed quantity (W \\leftarrow 0), or a computed Q that R writes again
    or that R sets to a number (:func:`symnet.checker.registers.rewrites_itself`)."""
    arrow, name = context.get("_computes"), context.get("notation")
    if not (arrow or context.get("_defining")) or name is None or tree.kind != "chain":
        return False
    computed = computes(tree.args[0], load_notation(name))
    return bool(arrow) and not computed or computed and rewrites_itself(tree)


def _named_first(tree: Node, eq: Equation) -> Node:
    """``X = Q = R ...`` in another notation, X a symbol the notation has no row for (no
    index or layer letter, no running value in force, not written after it): X is the
    document's name for Q (cui-bp's \\delta^{(l)} = \\nabla_{a^{(l)}} J = ...), its
    definition, and the claim is Q = R ...; "_named" notes it.  Any other tree as it is."""
    from symnet.checker.translate import _written
    name = eq.context.get("notation")
    notation = load_notation(name) if name else None
    if notation is None or notation.builtin or tree.kind != "chain" or len(tree.args) < 3:
        return tree
    parts, row = _written(tree.args[0], notation)
    if parts is None or row is not None or parts[0] in INDEX_LETTERS or parts[0] in (
            notation.layer_letter, notation.last_layer, *notation.activation,
            *(eq.context.get("registers") or {})) or any(
            x.kind == "name" and x.args[0] == parts[0] for a in tree.args[1:] for x in nodes(a)):
        return tree
    head = eq.text[:eq.text.index('=')].strip()
    for before, value, line in eq.context.get("_heads", ()):
        if same_tree(before, tree.args[0]) and not same_tree(value, tree.args[1]):
            raise ValueError(f"{head} is given another value above (line {line}): its '=' "
                             "here is a claim, not read")
    eq.context["_named"] = (f"{head} is the document's name for the side after it (its "
                            "definition, not a claim); the '=' after that are checked")
    return Node("chain", tree.args[1:], tree.args[1].pos)


def with_loop_letter(tree: Node, context: dict) -> Node:
    """``tree`` with the layer letter of the loop in force written as the notation's
    (:func:`symnet.checker.registers.in_notation_letter`); "_renamed" notes it."""
    notation = context.get("notation")
    letter = context.get("_layer_letter", "")
    out = in_notation_letter(tree, letter, load_notation(notation) if notation else None)
    if out is not tree:
        context["_renamed"] = (f"{letter} (the letter of the loop over the layers) read as "
                               f"the notation's {load_notation(notation).layer_letter}")
    return out


def _registers_said(verdict: Verdict, eq: Equation) -> None:
    """The sizes text of a verdict that read an update's claim or a running value; a loop
    head's detail says it is read as one."""
    if verdict.status == NOT_A_CLAIM and eq.context.get("_loop"):
        verdict.detail = f"{verdict.detail}, read as {eq.context['_loop']}"
    if verdict.status not in (HOLDS, REFUTED):
        return
    if eq.context.get("_claim"):
        verdict.sizes += ("; the arrow gives the name on its left a new value (an update, "
                          "not checked), the '=' after it are checked")
    if eq.context.get("_named"):
        verdict.sizes += f"; {eq.context['_named']}"
    if eq.context.get("_renamed"):
        verdict.sizes += f"; {eq.context['_renamed']}"
    if eq.context.get("_computes"):
        verdict.sizes += (f"; the arrow gives {eq.context['_computes']}, a quantity the "
                          "network computes, its value: read as the claim that the value is "
                          "that quantity")
    for note in eq.context.get("_registers_used") or ():
        verdict.sizes += f"; {note} (a running value)"


def _named(verdict: Verdict, eq: Equation, written: Node, tree: Node, layers) -> str:
    """A refutation's detail in another notation with its error named by the table of
    wrong variants (:mod:`symnet.checker.variants`), mutating the formula as written;
    its refuted steps are named alike."""
    from symnet.checker.formula import DIAGNOSIS_SECONDS
    from symnet.checker.variants import Written, diagnosed, holds_in
    notation, spec = load_notation(eq.context["notation"]), _model_of(eq.context)
    layers = layers or list(NOTES_NETWORK)
    w = Written(written, eq.text, frozenset(notation.activation), spec,
                ratio=_ratio_read(tree, layers, spec))
    steps = verdict.result.steps if verdict.result is not None else ()
    return diagnosed(verdict.detail, w, tree, holds_in(notation, layers),
                     DIAGNOSIS_SECONDS, steps)


def _ratio_read(tree: Node, layers, spec):
    """The exact ratio of the first side to the last of a formula read into the matrix
    notation (``tree``), in the model ``spec``, or None."""
    from symnet.checker.matrix import side_ratio
    from symnet.checker.views import as_matrix_notation
    try:
        return side_ratio(layers, as_matrix_notation(tree)[0], spec)
    except (MeaningError, ParseError, ValueError, TypeError, ArithmeticError):
        return None


_EQUIV = re.compile(r"\\equiv(?![A-Za-z])|≡")


#: signs that define the left side as the right (A := B, A \\coloneqq B, A \\triangleq B,
#: A \\stackrel{def}{=} B)
DEFINING_SIGN = re.compile(
    r":\s*=|\\(?:coloneqq?|defeq|eqdef|triangleq)(?![A-Za-z])|≔|≜|\\(?:stackrel|overset)\s*"
    r"\{\s*(?:\\(?:text|textrm|mathrm)\s*\{\s*def\s*\}|def)\s*\}\s*\{\s*=\s*\}")


def _defining_sign_read(text: str) -> str:
    """A := B read as A = B (a symbol the notation defines is then checked; a new one is
    defined), or, where A is written in B (w := w + \\Delta w), as the update A
    \\leftarrow B; any other text (two such signs, or another relation) as it is."""
    from symnet.checker.document import top_level_relations
    signs = list(DEFINING_SIGN.finditer(text))
    if len(signs) != 1 or any(r != "=" for r in top_level_relations(
            text[:signs[0].start()] + text[signs[0].end():])):
        return text
    left, right = text[:signs[0].start()], text[signs[0].end():]
    chained = "=" in top_level_relations(right)        # not a sum's j = 1
    if written_on_right(left, right) or chained:
        return f"{left}\\leftarrow{right}" if not chained else text
    return f"{left}={right}"


def identity_sign_read(eq: Equation) -> Equation:
    """A ≡ B (Bishop's delta_j ≡ dE_n/da_j, Nielsen's delta^l_j ≡ dC/dz^l_j): an identity,
    or the definition of a symbol, read as A = B (a symbol the notation already defines
    is then checked; a new one is a definition, not a claim); so is A := B
    (:func:`_defining_sign_read`).  The activation set equal to a function by its name
    (f = \\tanh) is f(x) = \\tanh(x)."""
    from symnet.checker.document import top_level_relations
    read = _defining_sign_read(eq.text)
    if read != eq.text:
        eq.context["_defining"] = True
    eq = replace(eq, text=as_applied(read))
    relations = set(top_level_relations(eq.text))
    if not relations & {"\\equiv", "≡"} or not relations <= {"=", "\\equiv", "≡"}:
        return eq
    return replace(eq, text=_EQUIV.sub("=", eq.text))


def decided_verdict(eq: Equation, tree: Node, layers, seconds, counted) -> Verdict:
    """Proved or refuted in the network in force; a refuted condition on free variables
    only is not a claim."""
    early = _unread_regulariser(eq, eq.context.get("_tree") or tree) or \
        _at_another_depth(eq, tree, layers if layers != list(NOTES_NETWORK) else None)
    if early is not None:
        return early
    general = _general_model(eq.context)
    if general is not None:
        verdict = _proved_or_refuted(eq, tree, layers, seconds, counted[0], False, general)
        if verdict.status == HOLDS:
            return verdict
    verdict = _proved_or_refuted(eq, tree, layers, seconds, counted and counted[0],
                                 model=_model_of(eq.context))
    written = _values_written(tree) if verdict.status == REFUTED else set()
    meant = [v for v in eq.context.get("assigned", ()) if v != "0" and {  # 0.1: 10 divides
        sp.Rational(v), -sp.Rational(v), 1 / sp.Rational(v)} & written]
    if meant:
        return Verdict(0, "", NOT_CHECKED, f"a variable is given the value {meant[-1]} above "
                       "in this section, and the number may stand for it here; values are "
                       "not carried into later formulas, so it is not refuted")
    if verdict.status == REFUTED and counted is not None:
        verdict = _loss_stated_instead(eq, layers) or \
            _unread_regulariser(eq, tree, verdict) or _penalty_defined(eq) or \
            _regulariser_as_given(eq, tree, layers, seconds, counted, verdict)
    # a refutation, or a proof in a model that fixes what the document defines unread
    fixed = [verdict.status == REFUTED or (verdict.status == HOLDS and setting != "any")
             for setting in _model_of(eq.context)[:2]]
    if fixed[0] and eq.context.get("_defined_activation") == "unread":
        return Verdict(0, "", NOT_CHECKED, "the activation is defined above by a function "
                       "the checker does not read, and this does not hold for every one")
    if fixed[1] and eq.context.get("_stated_loss") == "unread":
        return Verdict(0, "", NOT_CHECKED, "it does not hold for every loss, and the loss "
                       "the document states above is not one the checker reads")
    if verdict.status == REFUTED and condition_on_free_variables(tree):
        return Verdict(0, "", NOT_A_CLAIM, "a condition on the data or the parameters "
                       "(free variables only, not an identity)")
    return _at_the_sizes_given(eq, tree, verdict, seconds) if counted is None else verdict


#: the single hidden layer's sizes, in the order --layers gives them, and the network a
#: size the document does not give is taken from (the checker's counterexamples' sizes)
_SIZES, _SIZES_DEFAULT, _SIZES_MOST = ("d", "q", "l"), (2, 3, 4), 10


def _at_the_sizes_given(eq: Equation, tree: Node, verdict: Verdict, seconds) -> Verdict:
    """A formula decided at symbolic d, q, l after the document gave some of them a number
    (l = 1), decided again at those sizes (the others at the counterexamples' 2, 3, 4):
    all given in this section or one it lies in, the verdict at them (the document's
    network; not an example's sizes given under another heading); else where the two agree,
    the symbolic one (a refutation at the sizes given); where they differ, not checked (true
    at l = 1 only: e_h = b_h(1 - b_h) w_{h1} g_1; a unit past them: beta_5 when l = 1)."""
    given = eq.context.get("_sizes") or {}
    if not given or verdict.status not in (HOLDS, REFUTED) or \
            "symbolic d, q, l" not in verdict.sizes or \
            any(n < 1 or n > _SIZES_MOST for n, _ in given.values()):
        return verdict
    sizes = [given.get(k, (v, 0))[0] for k, v in zip(_SIZES, _SIZES_DEFAULT)]
    again = _proved_or_refuted(eq, tree, sizes, seconds, model=_model_of(eq.context))
    if again.status == verdict.status:
        return again if again.status == REFUTED else verdict
    elsewhere = set(given) & eq.context.get("_elsewhere", set())
    if len(given) == len(_SIZES) and again.status in (HOLDS, REFUTED) and not elsewhere:
        return again                                      # the document's own network
    ended = ", in a section that has ended"
    said = ", ".join(f"{k} = {n} (line {line}{ended * (k in elsewhere)})"
                     for k, (n, line) in given.items())
    return Verdict(0, "", NOT_CHECKED, f"the document gives {said}: at those sizes it is "
                   f"{again.status} ({'d, q, l = ' + ','.join(map(str, sizes))}), for "
                   f"symbolic d, q, l it is {verdict.status}: which one it means is not known")


#: the depths of another notation's network the checker builds (widths as the notes')
_DEPTHS = range(2, 9)


def last_layer_given(eq: Equation):
    """(layers, line, notation) where ``eq`` gives the last layer's letter of a notation whose
    network has no fixed sizes a number (Nielsen's L = 3, Goodfellow's l = 3): its
    formulas are decided in a network of that depth (:func:`network_of`); else None."""
    notation = load_notation(eq.context["notation"])
    letter = notation.last_layer
    m = letter and re.fullmatch(rf"\s*{re.escape(letter)}\s*=\s*(\d+)\s*[.,;]?\s*", eq.text)
    depth = int(m.group(1)) - notation.first_layer + 1 if m else 0   # layers 0..L: L + 1
    if notation.builtin or notation.sizes or depth not in _DEPTHS:
        return None
    return depth, eq.line, eq.context["notation"]


def _at_a_depth_given_elsewhere(eq: Equation, layers, seconds, verdict: Verdict) -> Verdict:
    """A formula of another notation decided at the depth the document gave its last layer
    (L = 3) in a section that has ended (an example's) is not checked where it is decided
    otherwise in the notation's own network: which depth it means is not known."""
    depth = eq.context.get("_depth")
    if layers is not None or depth is None or not depth[2:] or \
            "depth" not in eq.context.get("_elsewhere", ()) or \
            verdict.status not in (HOLDS, REFUTED):
        return verdict
    bare = replace(eq, context={**eq.context, "_depth": None})     # as if none were given
    again = _at_an_unsaid_depth(bare, layers, seconds, _check_equation(
        bare, layers, seconds or SECONDS_PER_EQUATION))
    if again.status == verdict.status:
        return verdict
    ended = (f"the document gives the network {depth[0]} layers (line {depth[1]}) in a "
             f"section that has ended: at that depth it {_SAID[verdict.status]}")
    if again.status == NOT_CHECKED:                # it depends on the depth (a^4 = a^L)
        return Verdict(0, "", NOT_CHECKED, f"{ended}; without it, {again.detail}")
    return Verdict(0, "", NOT_CHECKED, f"{ended}, in the {depth[2]} notation's own network "
                   f"it {_SAID[again.status]}: which one it means is not known")


#: a layer named by a number in another notation: a^3, w^{4}, h^{(2)} (not a power of a
#: bracket or a norm, (a - y)^2, \\|v\\|^2)
_NUMBERED_LAYER = re.compile(r"(?<![)|}\]])\^\s*(?:\{\s*)?\(?\s*\d")


#: a sum that runs to a number: \\sum_{j=1}^{3}, \\sum\\limits^3_{j=1}
_SUM_TO_A_NUMBER = re.compile(r"\\sum(?:\\limits)?\s*(?:_\s*(?:\{[^{}]*\}|\S)\s*)?"
                              r"\^\s*\{?\s*\d")


#: a unit named by number: a^1_3, w^2_{13}, \\delta_{2} (the widths decide a sum written
#: out term by term: z^2_1 = w^2_{11} a^1_1 + w^2_{12} a^1_2 + b^2_1)
_NUMBERED_UNIT = re.compile(r"_\s*\{?\s*\d")
#: a sum set equal to a whole number (\sum_j \frac{\partial z^L_j}{\partial b^L_j} = 3): a
#: count of units, at the widths picked only
_SUM_IS_A_NUMBER = re.compile(r"(?=.*(?:\\sum(?![A-Za-z])|∑))(?:.*=|^)\s*\d+\s*(?:=|$)", re.S)


#: the depths (layers, counted as the network the checker builds) a formula that names a
#: layer by number is decided at besides the notes' 4, where the document gives none
_OTHER_DEPTHS = (2, 3, 5)


_SAID = {HOLDS: "holds", REFUTED: "is refuted", NOT_CHECKED: "is not read"}


def _free_network(eq: Equation, layers, verdict: Verdict, sized: bool = False):
    """The notation in force where its network has no fixed depth (Nielsen's, Goodfellow's:
    the checker builds one, the notes' widths; ``sized``: or one its file picks, Bishop's
    3,4,2, whose widths D, M, K the book keeps arbitrary too) and ``verdict`` is decided
    there without --layers; else None."""
    name = eq.context.get("notation")
    if layers is not None or name is None or verdict.status not in (HOLDS, REFUTED):
        return None
    notation = load_notation(name)
    if notation.builtin or notation.sizes and not sized:
        return None
    return notation if notation.last_layer or notation.sizes else None


def _at_an_unsaid_depth(eq: Equation, layers, seconds, verdict: Verdict) -> Verdict:
    """A formula of another notation (one whose network has no fixed sizes: Nielsen's L,
    Goodfellow's l) that names a layer by number, decided in the notes' 4-layer network
    where the document gives no depth, decided again one layer shallower and deeper: where
    the verdict differs it depends on the depth (delta^4 = (a^L - y) (.) sigma'(z^4) holds
    iff L = 4; delta^3 = (a^3 - y) (.) sigma'(z^3) iff L = 3), which is not known; so
    where it holds at 4 layers and is not read at 5, where every layer it names is."""
    notation, given = _free_network(eq, layers, verdict), eq.context.get("_depth")
    if notation is None or given is not None and given[2:] == (eq.context["notation"],) \
            or not _NUMBERED_LAYER.search(eq.text):
        return verdict                            # this notation's depth is given
    for depth in _OTHER_DEPTHS:
        context = {**eq.context, "_depth": (depth, 0, eq.context["notation"])}
        again = _check_equation(replace(eq, context=context), None,
                                seconds or SECONDS_PER_EQUATION)
        unread = again.status == NOT_CHECKED and depth > len(NOTES_NETWORK) and \
            verdict.status == HOLDS
        if again.status != verdict.status and (unread or again.status != NOT_CHECKED):
            last, at = notation.last_layer, depth - 1 + notation.first_layer
            return Verdict(0, "", NOT_CHECKED, f"the verdict depends on the network's depth, "
                           f"which the document does not give: it {_SAID[verdict.status]} at "
                           f"{last} = {len(NOTES_NETWORK) - 1 + notation.first_layer} and "
                           f"{_SAID[again.status]} at {last} = {at}; say which (e.g. "
                           f"${last} = {at}$, or --layers with {depth} sizes)")
    return verdict


def _at_unsaid_widths(eq: Equation, layers, seconds, verdict: Verdict) -> Verdict:
    """A formula of another notation whose widths the checker picks, with a sum that runs to
    a number (C = 1/2 sum_{j=1}^{3} (y_j - a^L_j)^2), units named by number (a sum written
    out, z^2_1 = w^2_{11} a^1_1 + ... + b^2_1) or a sum set equal to a whole number (sum_j
    dz^L_j / db^L_j = 3), or any sum where it was not proved at symbolic widths, that holds
    in the network picked: decided again with every layer one unit wider, then with layer n
    n units wider (each unit named still there); where it does not hold there, it holds at
    the widths picked only, which the document does not give."""
    summed = verdict.status == HOLDS and re.search(r"\\sum(?![A-Za-z])|∑", eq.text) and \
        "symbolic widths" not in verdict.sizes       # a sum over a layer, at these widths only
    if _free_network(eq, layers, verdict, True) is None or \
            not (_SUM_TO_A_NUMBER.search(eq.text) or _NUMBERED_UNIT.search(eq.text) or
                 _SUM_IS_A_NUMBER.match(eq.text) or summed):
        return verdict
    network = network_of(eq.context["notation"], eq.context.get("_depth")) or \
        list(NOTES_NETWORK)
    if verdict.status == REFUTED:
        return _held_at_written_widths(eq, network, seconds, verdict)
    for other in ([width + 1 for width in network],      # every unit named still there,
                  [width + n for n, width in enumerate(network, 1)]):      # and unevenly
        again = _check_equation(replace(eq, context=dict(eq.context)), other,
                                seconds or SECONDS_PER_EQUATION)
        if again.status != HOLDS:
            break
    else:
        return verdict
    return Verdict(0, "", NOT_CHECKED, f"the verdict depends on the layers' widths (a sum "
                   f"over a layer, or units named by number), which the "
                   f"document does not give: it holds at {','.join(map(str, network))} and "
                   f"{_SAID[again.status]} at {','.join(map(str, other))}; give the sizes "
                   f"with --layers")


#: the numbers a formula writes as a sum's bound or a unit's index (a^1_2, w^2_{13}: one
#: digit a unit), the widths of the networks it may be written for
_WRITTEN_WIDTH = re.compile(r"\\sum(?:\\limits)?\s*(?:_\s*(?:\{[^{}]*\}|\S)\s*)?\^\s*\{?\s*"
                            r"(\d+)|_\s*\{?\s*(\d+)")


#: how many such networks a refuted formula is decided in again, at most
_WIDTHS_TRIED = 3


def _held_at_written_widths(eq: Equation, network, seconds, verdict: Verdict) -> Verdict:
    """A formula of another notation whose widths the checker picks, refuted in the network
    picked, with a sum that runs to a number or units named by number: decided again with
    every layer as wide as a number it writes (z^2_1 = w^2_{11} a^1_1 + w^2_{12} a^1_2 +
    b^2_1 is false with 3 inputs and true with 2); where it holds there, the verdict
    depends on the widths, which the document does not give."""
    bounds = {int(m.group(1)) for m in _WRITTEN_WIDTH.finditer(eq.text) if m.group(1)}
    units = [int(d) for m in _WRITTEN_WIDTH.finditer(eq.text) if m.group(2)
             for d in m.group(2)]
    widths = sorted(n for n in bounds | {max(units, default=0)} if 1 <= n <= 9)
    for width in widths[-_WIDTHS_TRIED:]:
        other = [width] * len(network)
        if other == network:
            continue
        again = _check_equation(replace(eq, context=dict(eq.context)), other,
                                min(seconds or SECONDS_PER_EQUATION, 2))
        if again.status == HOLDS:
            return Verdict(0, "", NOT_CHECKED, f"the verdict depends on the layers' widths (a "
                           f"sum runs to a number, or units are named by number), which the "
                           f"document does not give: it is refuted at "
                           f"{','.join(map(str, network))} and holds at "
                           f"{','.join(map(str, other))}; give the sizes with --layers")
    return verdict


def _at_another_depth(eq: Equation, tree: Node, layers):
    """Not checked: a formula that names the output and layers by number (delta^(4) =
    (a^(4) - y) (.) f'(z^(4))) after the document gave the network another depth than
    the notes' (n = 5), decided at the notes' network (no --layers); else None."""
    from symnet.checker.notations import output_depth
    depth = eq.context.get("_depth")
    if depth is None or depth[2:] or depth[0] == len(NOTES_NETWORK) or layers is not None or \
            output_depth(tree) is None and \
            not re.search(r"\^\s*\{?\s*\(\d", eq.text):      # a layer named by number
        return None
    return Verdict(0, "", NOT_CHECKED, f"the document gives the network {depth[0]} layers "
                   f"(line {depth[1]}) and this formula names the output and layers by "
                   f"number: the network it is checked in has {len(NOTES_NETWORK)} (the "
                   f"notes' {','.join(map(str, NOTES_NETWORK))}); give the document's sizes "
                   f"with --layers, {depth[0]} numbers")


def _penalty_defined(eq: Equation):
    """A refuted statement of another notation's arbitrary regulariser (Goodfellow's
    Omega(theta) = 1/2 ||W^(1)||_F^2): the document says which one it uses, not a claim
    (recorded by :func:`_regulariser_given`); None for any other formula."""
    row = first_row(eq.text, load_notation(eq.context["notation"]))
    if row is None or row[1].quantity != "penalty":
        return None
    return Verdict(0, "", NOT_A_CLAIM, f"{PENALTY_DEFINED} {row[0]}, which the notation "
                   "keeps arbitrary: a formula after it in this section that holds for "
                   "every one holds for this one, and one refuted is not checked")


#: how the verdict on a definition of the notation's arbitrary regulariser begins
PENALTY_DEFINED = "defines the regulariser"


def first_row(text: str, notation):
    """(name, row) of the notation's symbol that begins the left side of ``text`` (in a
    font or under a hat too: the book's \\hat y is its row yhat; its matrix notation's
    delta^(k) and a^(k) are the delta and the activation; a calligraphic or script letter
    too, \\mathcal{E}_k, where a document may restate the cost), or None."""
    first = re.match(r"\s*\{?\s*(?:\\(?:mathbf|boldsymbol|bm|mathrm|tilde|mathcal|mathscr|"
                     r"mathit|mathsf|text|textrm|textit)\s*\{\s*)?(\\(?:hat|"
                     r"widehat)\s*\{?\s*)?\\?([A-Za-z]+)", sides_of(text)[0])
    if not first or len(sides_of(text)) < 2:
        return None
    name = ("hat" if first.group(1) else "") + first.group(2)
    name = name if name in notation.symbols or not notation.builtin else \
        {"haty": "yhat"}.get(name, name)
    row = notation.symbols.get(name) or (_MATRIX_ROWS.get(name) if notation.builtin else None)
    return None if row is None else (name, row)


def sides_of(text: str) -> list:
    """``text`` cut at its first relation outside braces that says "is" (=, \\equiv, a
    defining sign; not a sum's j = 1)."""
    depth, at = 0, None
    for m in re.finditer(r"[{}]|=|\\equiv(?![A-Za-z])|≡|" + DEFINING_SIGN.pattern, text):
        depth += {"{": 1, "}": -1}.get(m.group(), 0)
        if depth == 0 and m.group() not in "{}":
            at = m
            break
    return [text] if at is None else [text[:at.start()], text[at.end():]]


#: the notes' matrix notation beside the book's rows (symnet.checker.symbols reads it):
#: the quantities a statement of its delta^(k) or a^(k) is about
_MATRIX_ROWS = {"delta": Row("delta", "delta"), "a": Row("a", "activation")}


def _regulariser_as_given(eq: Equation, tree: Node, layers, seconds, counted, verdict):
    """A formula refuted after the document gave the regulariser a value in this section:
    lambda = 0 or Omega(theta) = 0, decided again without it (holds or refuted so); Omega
    defined, or lambda another value, not checked (the checker keeps them arbitrary)."""
    given = eq.context.get("_given") or {}
    if not given:
        return verdict
    name, value = next(iter(given.items()))
    if any(v is None for v in given.values()):
        return Verdict(0, "", NOT_CHECKED, f"{name} is given a value or defined above in "
                       "this section, and the checker keeps the regulariser arbitrary: a "
                       "refutation for some would not say it is false for that one")
    spec = _model_of(eq.context)
    again = _proved_or_refuted(eq, tree, layers, seconds, counted[0],
                               model=(*spec[:-1], False))
    if again.status != NOT_CHECKED:
        again.sizes += f"; with {name} = {value} as given above in this section"
    return again


def _model_of(context: dict) -> tuple:
    """The network another notation's formulas are read in: its file's [model], the
    activation set by a directive (<!-- symnet: h = tanh -->) if any, the loss a directive
    or the document (J = ..., :func:`_record_loss`) says."""
    from symnet.core.notation_files import load
    if context.get("notation") is None:
        return DEFAULT_MODEL
    activation, loss, *rest = load(context["notation"]).model
    stated = context.get("_stated_loss")
    loss = context.get("loss") or (stated if stated not in (None, "unread") else loss)
    defined = context.get("_defined_activation")
    defined = defined if defined not in (None, "unread") else None
    # a local definition is made after the directive in force (a directive ends it)
    return (defined or context.get("f") or activation, loss, *_regulariser_of(context, rest))


def _regulariser_of(context: dict, rest: list) -> list:
    """(output, bias, regulariser) of the notation's model, with the arbitrary regulariser
    lambda Omega(theta) ("any") where the formula writes Omega or the document has stated
    J = L + lambda Omega(theta) above it (:class:`_Regulariser`); else as the file says."""
    from symnet.checker.translate import writes_penalty
    tree, notation = context.get("_tree"), load_notation(context["notation"])
    if rest[-1] is False and (context.get("_regulariser") or tree is not None and
                              writes_penalty(tree, notation)):
        return [*rest[:-1], "any"]
    return list(rest)


def _general_model(context: dict):
    """The model in force with the settings its notation file calls general ([model]
    general), and those the document defines by what the checker does not read (any
    activation, any loss covers them), made arbitrary, unless a directive chose them;
    None when nothing changes."""
    from symnet.core.notation_files import load
    if context.get("notation") is None:
        return None
    defined = context.get("_defined_activation")    # "unread": any one, tried as any
    chosen = {"activation": (defined if defined != "unread" else None) if defined else
              context.get("f"),                     # a definition after the directive
              "loss": context.get("loss")}
    unread = {"activation"} if defined == "unread" else set()
    unread |= {"loss"} if context.get("_stated_loss") == "unread" else set()
    general = [g for g in {*load(context["notation"]).general, *unread} if not chosen[g]]
    spec = _model_of(context)
    out = ("any" if "activation" in general else spec[0],
           "any" if "loss" in general else spec[1], *spec[2:])
    return None if out == spec else out


def network_of(notation, depth=None):
    """The network a notation's file says its formulas are checked on, or None; of the
    depth the document gives its last layer (``depth``: :func:`last_layer_given`), widths
    as the notes' network's, where it is that notation's."""
    from symnet.core.notation_files import load
    if depth is not None and depth[2:] == (notation,):
        return [NOTES_NETWORK[0]] + [NOTES_NETWORK[1]] * (depth[0] - 2) + [NOTES_NETWORK[-1]]
    return list(load(notation).sizes) or None if notation is not None else None


def _unit_zero(tree: Node, counted):
    """Not checked: a symbol of section 5.3 at unit 0 (its units count from 1); else None."""
    zero = unit_zero(tree) if counted is None else None
    if zero is None:
        return None
    return Verdict(0, "", NOT_CHECKED, f"{zero} at unit 0: section 5.3 counts units from 1 "
                   "(x_1..x_d, b_1..b_q, y_1..y_l), so unit 0 has no meaning there")


def _function_not_said(tree: Node, context: dict):
    """Not checked: a function defined above by a formula not read, where the formula
    writes it or it is the activation (every network formula depends on that one), or
    f'(0) (a derivative of f at a number) where the document has not said what f is or
    defined it with \\max (ReLU'(0) is a convention);
    else None."""
    notation = context.get("notation")
    activation = load_notation(notation).activation if notation else FUNCTION_LETTERS
    written = {n.args[0] for n in nodes(tree) if n.kind == "name"}
    unread = [name for name, (_, body, _) in context.get("defined", {}).items()
              if body is None and (name in activation or name in written)]
    if unread:
        return Verdict(0, "", NOT_CHECKED, f"{unread[0]} was defined above in this section by "
                       "a formula that is not read, and this formula may depend on it")
    primed = primed_function_at_number(tree)
    kinked = context.get("defined", {}).get(primed, (0, None, ""))[1]
    if kinked is not None and kinked.has(sp.Max, sp.Min):
        return Verdict(0, "", NOT_CHECKED, f"{primed}' of a number, {primed} defined above with "
                       "\\max: its derivative at the kink is a convention the document does "
                       "not state (<!-- symnet: f = relu --> states ReLU'(0) = 0)")
    if primed is not None and primed not in number_functions(context):
        if primed == "f":
            return Verdict(0, "", NOT_CHECKED, "f'" + NUMBER_FUNCTION_HINT[1:])
        return Verdict(0, "", NOT_CHECKED, f"\\{primed}' of a number: the document does not "
                       f"say what \\{primed} is here (define it above, as \\{primed}(x) = ...)")
    return None


def _other_notation_hint(tree, layers) -> str:
    """A formula the book's notation does not read, whose symbols all have a meaning in
    another shipped notation: the directive to add (nothing is checked in it unasked).
    ``tree``: the formula as parsed (None: it did not parse)."""
    from symnet.checker.translate import translate
    from symnet.core.notation_files import load, shipped
    if tree is None:
        return ""
    fits = []
    for name in shipped():
        if load(name).builtin:
            continue
        try:
            translate(tree, load(name), len(layers or NOTES_NETWORK))
        except NotAClaim:                  # its symbols fit: it gives one a value
            pass
        except MeaningError:
            continue
        fits.append(name)
    if not fits:
        return ""
    return (f"; its symbols read in the {' or '.join(fits)} notation: add <!-- symnet: "
            f"notation = {fits[0]} --> (or --notation {fits[0]}) to check it there")


def in_matrix_notation(tree: Node, context: dict, layers):
    """(tree, (index letters counted from 1, a note), None), the formula rewritten from another
    author's notation (a notation file) into the matrix notation; (tree, None, None) in the
    book's own; (tree, None, verdict) when the notation gives it no meaning or it gives a
    free variable a value."""
    from symnet.checker.translate import LossStated, translate
    from symnet.core.notation_files import load
    notation = context.get("notation")
    if notation is None or load(notation).builtin:
        return tree, None, None
    try:
        tree, counted, note = translate(tree, load(notation), len(layers or NOTES_NETWORK),
                                        _model_of(context)[1])
    except NotAClaim as exc:
        if isinstance(exc, LossStated):
            context["_states_loss"] = tree
        return tree, None, Verdict(0, "", NOT_A_CLAIM, str(exc).removeprefix("not a claim: "))
    except MeaningError as exc:
        return tree, None, Verdict(0, "", NOT_CHECKED, f"in the {notation} notation: {exc}")
    return tree, (counted, note), None


def _without_shape(text: str) -> str:
    """A gradient's equation without the shape stated at its end (d2l's "dJ/do = ... = dL/do
    \\in \\mathbb{R}^q"); any other statement (a vector defined by its entries and its
    space, a shape alone) keeps it, and its relation."""
    from symnet.checker.parse import _SHAPE_AT_END
    rest = _SHAPE_AT_END.sub("", text)
    gradient = re.match(r"\s*(?:\\[dt]?frac\s*\{\s*\\partial|\\nabla)", text)
    return rest if "=" in rest and gradient else text


def _not_an_equation(eq: Equation):
    """The verdict on a statement that is not an '=' to check (an update arrow, a condition,
    another relation, the definition of a new function), or None."""
    from symnet.checker.document import HTML_ENTITY, hidden_relation, qualifying_words, \
        top_level_relations
    words = qualifying_words(eq.formula)
    if words:
        return Verdict(0, "", NOT_CHECKED, f"the words {words!r} in its formula may qualify "
                       "it (a condition, an assumption): not read, so not checked")
    entity = HTML_ENTITY.search(eq.text)
    if entity:
        return Verdict(0, "", NOT_CHECKED, f"an HTML entity {entity.group()!r}, which is not "
                       "decoded here (code, LaTeX or a formula argument): write the "
                       "character it stands for")
    hidden = hidden_relation(eq.text)
    if hidden:
        return Verdict(0, "", NOT_CHECKED, f"its relation '{hidden}' is inside a group "
                       "(\\underbrace{...}, {...}): the statement is not read")
    relations = [r for r in top_level_relations(_without_shape(eq.text)) if r != "="]
    if relations in (["\\leftarrow"], ["\\gets"], ["←"]):
        return Verdict(0, "", NOT_A_CLAIM,
                       UPDATE.replace("(X <- X + Delta X)", "written after the arrow"))
    if index_condition(eq.text) and (relations or "," in eq.text):
        return Verdict(0, "", NOT_A_CLAIM, "a condition on indices or sizes")
    if relations:
        return Verdict(0, "", NOT_CHECKED, f"the relation '{relations[0]}' is not an "
                       "equation: only '=' is checked")
    depth = eq.context.get("notation") and last_layer_given(eq)
    if depth:                                             # Nielsen's L = 3
        return Verdict(0, "", NOT_A_CLAIM, f"gives the network's depth (its last layer "
                       f"{eq.text.strip().rstrip('.,;')}): the formulas after it are decided "
                       f"in a network of that depth")
    defines = _defines_the_activation(eq) or new_function(eq.text)
    return Verdict(0, "", NOT_A_CLAIM, defines) if defines else None


def _defines_the_activation(eq: Equation):
    """``\\sigma(z) = \\frac{1}{1 + e^{-z}}``: another notation's activation letter
    applied to one letter, alone on the left of one '=': the definition of a function,
    its argument a dummy letter (never the notation's z), read by
    :func:`_activation_defined` after it; the reason, or None."""
    notation = eq.context.get("notation")
    m = APPLIED_DEFINITION.match(as_applied(eq.text))
    if notation is None or m is None or load_notation(notation).builtin or \
            m.group("name") not in load_notation(notation).activation or \
            "=" in m.group("body"):
        return None
    return (f"defines the activation {m.group('name')} (a function of the letter "
            f"{m.group('letter')})")


def _not_an_identity(tree: Node, eq: Equation):
    """The verdict on a parsed statement that is no identity (one side only, a defined
    quantity set to a number, a value or a definition), or None."""
    if len(tree.args) < 2:
        return Verdict(0, "", NOT_CHECKED, "no '=' to check")
    fixed = defined_set_to_number(tree)
    if fixed:
        return Verdict(0, "", NOT_CHECKED, f"it sets {fixed}, which the notation defines, to "
                       "a number: a condition or a special case, not an identity")
    given = defined_then_numbers(tree)
    if given is not None:
        verdict = _check_numbers(given[1], eq.context, 1)
        if verdict.status != HOLDS:
            return verdict
        return Verdict(0, "", NOT_CHECKED, f"it sets {given[0]}, which the notation defines, to "
                       "a number (a worked example, not an identity); the numbers after it "
                       "agree")
    assigned = assigned_then_numbers(tree)
    if len(tree.args) == 2 and tree.args[0].kind == "name":
        eq.context["_sets"] = (tree.args[0].args[0], tree.args[1])
    given = value_given_in_chain(tree) if assigned is None else None
    if given is not None:
        verdict = _check_numbers(given[1], eq.context) if given[1] is not None else None
        if verdict is not None and verdict.status == REFUTED:
            verdict.detail = verdict.detail.replace("step ", "between the numbers, step ", 1)
            return verdict
        return Verdict(0, "", NOT_CHECKED, f"it gives {given[0]} a value and sets other "
                       "sides to it: a worked example, not an identity")
    if assigned is not None and assigned[1] is None:
        return Verdict(0, "", NOT_A_CLAIM, f"assigns a value to {assigned[0]} (a variable of "
                       "the data or the network)")
    if assigned is not None:
        verdict = _check_numbers(assigned[1], eq.context,
                                 len(tree.args) - len(assigned[1].args))
        verdict.sizes = f"{assigned[0]} is given a value; the numbers after it compared exactly"
        return verdict
    reason = not_a_claim(tree)
    if reason is None or not _new_symbol(reason[0], eq.context, translated=True):
        return None
    what, definition = reason
    if definition is not None:
        eq.context.setdefault("_defines", definition)
    return Verdict(0, "", NOT_A_CLAIM, what)


def _new_symbol(reason, context: dict, translated: bool = False):
    """``reason`` unless it calls a symbol new that another notation in force has a row
    for (every symbol of a ``translated`` formula has one): such a symbol is never taken
    as being defined (C = ..., s = ... are claims about the model's cost and L2 term)."""
    notation = context.get("notation")
    if not reason or notation is None or load_notation(notation).builtin or \
            not reason.startswith("defines a new symbol"):
        return reason
    named = re.search(r"'\\?([A-Za-z]+)", reason)
    known = translated or (named and named.group(1) in load_notation(notation).symbols)
    return None if known else reason


#: how a verdict on primes names what it was decided in (the values given above are read)
CALCULUS = "calculus (primes are derivatives)"


def _primes(tree: Node, values: dict) -> Verdict:
    """u' = 0, (u/v)' = ...: primes of letters given a value above or of arbitrary
    functions (:mod:`symnet.checker.primes`)."""
    try:
        holds, detail = check_primes(tree, values)
    except (MeaningError, ValueError, TypeError, ArithmeticError) as exc:
        return _refused(exc)
    if holds is None:
        return Verdict(0, "", NOT_CHECKED, detail)
    status = HOLDS if holds else REFUTED
    return Verdict(0, "", status, "" if holds else detail, CALCULUS,
                   detail if holds else "exact")


def _f_of_numbers(tree: Node, eq: Equation) -> Verdict:
    """f(0.5) = 1: decided exactly with the f the document has said (directive or local
    definition), else not checked."""
    functions = number_functions(eq.context)
    if not functions:
        return Verdict(0, "", NOT_CHECKED, NUMBER_FUNCTION_HINT)
    if not numbers_only(tree):
        named = tree.args[0].kind in ("name", "script")
        rest = Node("chain", tree.args[1:], tree.pos)
        if not (named and len(rest.args) >= 2 and numbers_only(rest)):
            return Verdict(0, "", NOT_CHECKED, "f of a number beside symbols")
        tree = rest               # y = f(0.5) = 1: the name is a label, the rest numbers
    return _check_numbers(tree, eq.context)


def _proved_or_refuted(eq: Equation, tree: Node, layers, seconds, counted=None,
                       diagnose: bool = True, model: tuple = None) -> Verdict:
    """The network's check of the parsed formula under the document's activation and loss
    (another notation's: in ``model``), within ``seconds``; what it cannot read or decide
    is not checked, with the reason (``diagnose=False``: a refutation is not named)."""
    loss = eq.context.get("loss", "squared")
    try:
        if counted is not None:      # another notation: read in the model in force
            from symnet.prove.nested import model_text
            activation, loss, under = None, "squared", model_text(model)
        else:                        # the book's: f, sigma, phi as defined above, or f
            activation, under = _activation(eq.context, _letters_written(tree))
        with time_limit(seconds):
            result = check(eq.text, layers, diagnose, activation=activation, loss=loss,
                           tree=tree, from_one=counted, model=model or DEFAULT_MODEL)
    except (ParseError, MeaningError) as exc:
        return _refused(exc)
    except TimeLimitExceeded:
        return Verdict(0, "", NOT_CHECKED, f"time limit: checking took longer than "
                       f"{seconds} s")
    except RecursionError:
        return Verdict(0, "", NOT_CHECKED, "nested too deeply")
    except ValueError as exc:
        return _refused(exc)
    verdict = verdict_of(result, under)
    verdict.result = result
    return verdict


@lru_cache(maxsize=32)
def _local_activation(letter: str, body):
    x = sp.Symbol("x", real=True)
    return activation_function("f_local", body.xreplace({sp.Symbol(letter, real=True): x}))


def _letters_written(tree: Node) -> frozenset:
    """The activation letters (f, \\sigma, \\varphi, \\phi) the formula writes."""
    return frozenset(n.args[0] for n in nodes(tree)
                     if n.kind == "name" and n.args[0] in FUNCTION_LETTERS)


def _activation(context: dict, written: frozenset = frozenset()):
    """(the activation f names, the words saying under which f and loss it is read): a
    local definition of f, \\sigma or \\varphi (one that is a registry row's definition is
    that row), else the directive's f, else the sigmoid.  Where that is not the sigmoid,
    a formula that writes another of these letters than the one said (\\sigma where the
    directive says f = tanh, f where only \\varphi is defined), or that writes none where
    only \\phi or \\varphi is defined, is not read: the letter may be the logistic
    sigmoid, or another function than the network's (a feature map \\varphi)."""
    from symnet.core.registry import ACTIVATIONS
    loss = context.get("loss", "squared")
    # f, \sigma, \varphi are one activation to the checker: a definition of any of
    # them is the network's f; two that differ leave the formula unread
    defined = {name: entry for name, entry in context.get("defined", {}).items()
               if name in FUNCTION_LETTERS}
    x = sp.Symbol("x", real=True)
    if len({row or (body if body is None else body.xreplace({sp.Symbol(letter, real=True): x}))
            for letter, body, row in defined.values()}) > 1:
        raise MeaningError(f"{' and '.join(sorted(defined))} are defined above as different "
                           "functions, and the checker reads them as the one activation f", 0)
    if defined:
        name, (letter, body, row) = next(iter(defined.items()))
        said = context.get("f")
        if "f" not in defined and said not in (None, "sigmoid", row):
            raise refusal(f"{name} is defined above as {row or 'a function'} while the "
                          f"activation f is {said}: the checker reads one activation")
        _said_letters(set(defined), written, row,
                      f"{name} is defined above as {row or 'another function than the sigmoid'}")
        if row:
            return ACTIVATIONS[row].function, f"{name} = {row} (defined above), {loss} loss"
        return _local_activation(letter, body), f"{name}({letter}) as defined above, {loss} loss"
    name = context.get("f") or "sigmoid"
    _said_letters({"f"}, written, name, f"the activation f is {name} here")
    return ACTIVATIONS[name].function, f"f = {name}, {loss} loss"


def _said_letters(said: set, written: frozenset, row, what: str) -> None:
    """Refuse a formula whose activation letters are not the ones ``said`` (defined, or f
    for a directive), where the activation said is not the sigmoid (``row``): it may mean
    another function by them.  A formula with no letter is read with the network's f,
    which a directive or a definition of f or sigma says (the units' function in notes
    on networks), not one of phi or varphi (often a feature map or a kernel)."""
    if row == "sigmoid":
        return
    others = sorted(written - said)
    if others:
        raise refusal(f"{what}, and this formula writes {', '.join(others)}, which may be "
                      "another function (the logistic sigmoid?): write the letter said, or "
                      "say what it is")
    if not written and not said & {"f", "sigma"}:   # phi, varphi: a feature map, a kernel
        raise refusal(f"{what}, and the formula depends on the network's activation f, which "
                      f"is not said to be {' or '.join(sorted(said))} (say it: <!-- symnet: f "
                      "= ... -->, or define f)")


def verdict_of(result, under: str = "") -> Verdict:
    """The document verdict of a :class:`CheckResult`; a refutation says under which
    activation and loss it was decided."""
    if result.holds:
        return Verdict(0, "", HOLDS, "", result.notation, result.sizes)
    parts, seen = [], set()
    for n, step in enumerate(result.steps, 1):
        if step.holds:
            continue
        what = "; ".join(step.diagnosis) or "the sides differ"
        label = step.left.split(":", 1)[0] + ": " if step.left.startswith("k = ") else ""
        if what in seen:
            continue
        seen.add(what)
        ce = step.counterexample
        if ce:
            what += f" (at {ce['sizes']}: left {ce['left']}, right {ce['right']})"
        parts.append(f"{label}step {_step_number(result.steps, n)}: {what}")
    if under and under not in ("f = sigmoid, squared loss", "sigmoid, squared error"):
        parts.append(f"decided with {under}")
    return Verdict(0, "", REFUTED, "; ".join(parts), result.notation, result.sizes)


def _refused(exc: ValueError) -> Verdict:
    """The verdict on a formula refused with ``exc``; one refused at a character of its
    text (a ParseError or MeaningError with a position) was not read."""
    return Verdict(0, "", NOT_CHECKED, str(exc),
                   unread=getattr(exc, "position", None) is not None)


def _step_number(steps, n: int) -> int:
    """The "=" number within its own k (steps of several k are listed one k after another)."""
    label = steps[n - 1].left.split(":", 1)[0] if steps[n - 1].left.startswith("k = ") else None
    if label is None:
        return n
    same = [i for i, s in enumerate(steps, 1) if s.left.startswith(label + ":")]
    return same.index(n) + 1


def _unread_regulariser(eq: Equation, tree: Node, verdict: Verdict = None):
    """Not checked, after a statement of the cost with a regulariser that does not hold
    (the document's cost is not the notation's J = L + lambda Omega(theta)): a formula
    that writes Omega or lambda (``verdict`` None: asked before it is decided), or one
    refuted (it may hold for the document's cost); else None."""
    from symnet.checker.translate import writes_penalty
    notation = load_notation(eq.context["notation"]) if eq.context.get("notation") else None
    if eq.context.get("_other_model") and tree_writes_cost(tree, notation, deltas=True):
        return Verdict(0, "", NOT_CHECKED, f"{eq.context['_other_model']}: the document's "
                       "model is not the notation's, and this formula depends on it")
    if eq.context.get("_regulariser") == "unknown" and tree_writes_cost(tree, notation):
        return Verdict(0, "", NOT_CHECKED, "the cost J is stated above in a form that is not "
                       "read (its penalty may depend on the units, not only on the "
                       "parameters), and this formula writes the cost or a derivative")
    if eq.context.get("_regulariser") != "unread":
        return None
    if verdict is None and writes_penalty(tree, notation, strength=True) or \
            verdict is not None and verdict.status == REFUTED:
        return Verdict(0, "", NOT_CHECKED, "the cost is stated above with a regulariser in "
                       "a form that does not hold in the notation (J = L + lambda "
                       "Omega(theta)), and this formula depends on which it is")
    return None


APPLIED_DEFINITION = re.compile(r"^\s*\\?(?P<name>[A-Za-z]+)\s*(?:\\left)?\(\s*(?P<letter>[a-z])\s*"
                      r"(?:\\right)?\)\s*=(?!=)(?P<body>.*)$", re.S)


_NAMED = re.compile(r"\s*(\\?([A-Za-z]+))\s*(?:=|\\equiv(?![A-Za-z])|≡)\s*(\\[A-Za-z]+)\s*")


#: an activation given as a map, \\sigma: z \\mapsto \\tanh(z) (the letter, the dummy, the body)
#: f: x \\mapsto ..., f \\colon x \\longmapsto ..., f = x \\mapsto ..., l: (o, y) \\mapsto ...
MAPS_TO = re.compile(r"\s*(\\?([A-Za-z]+))\s*(?::|\\colon(?![A-Za-z])|=)\s*"
                     r"(\\?[A-Za-z]+|\([^()]*\))\s*(?:\\(?:long)?mapsto(?![A-Za-z])|[↦⟼])(.*)",
                     re.S)


def as_applied(text: str) -> str:
    """``f = \\tanh`` or ``f \\equiv \\tanh`` (an activation letter set equal to a function
    by its name) as ``f(x) = \\tanh(x)``, and ``f: x \\mapsto \\tanh(x)`` (``\\colon``,
    ``\\longmapsto``, ``f = x \\mapsto``) as ``f(x) = \\tanh(x)``; any other text as it is."""
    from symnet.checker.document import activation_letters
    letters = activation_letters() | {"f"}
    m = MAPS_TO.fullmatch(text)
    if m is not None and m.group(2) in letters:
        argument = m.group(3) if m.group(3).startswith("(") else f"({m.group(3)})"
        return f"{m.group(1)}{argument} ={m.group(4)}"
    m = _NAMED.fullmatch(text)
    if m is None or m.group(2) not in letters:
        return text
    return f"{m.group(1)}(x) = {m.group(3)}(x)"


def _values_written(node: Node) -> set:
    """The numbers a formula writes as values (not as indices or layers in its scripts)."""
    if node.kind == "num":
        return {sp.Rational(node.args[0])}
    kids = node.args[:1] if node.kind == "script" else node.args
    return set().union(*(_values_written(a) for a in kids if isinstance(a, Node)))


def tree_writes_cost(tree, notation, deltas: bool = False) -> bool:
    """Whether ``tree`` writes a derivative or a symbol ``notation`` makes a cost (with
    ``deltas``: also a delta or a prime); True where that is not known."""
    from symnet.checker.translate import _COSTS, _written_or_none
    if tree is None or notation is None:
        return True
    costs = (*_COSTS, "delta") if deltas else _COSTS
    for node in nodes(tree):
        if node.kind in ("frac", "partial") or node.kind == "name" and node.args[0] in (
                "nabla", "partial") or deltas and getattr(node, "op", None) == "'":
            return True
        row = _written_or_none(node, notation) if node.kind in ("name", "script", "accent") \
            else None
        if row is not None and row.quantity in costs:
            return True
    return False


def _loss_stated_instead(eq: Equation, layers):
    """A refuted statement of the cost (Nielsen's cross-entropy C = -sum_j [...]) in a
    notation whose loss is fixed, which holds for another loss the checker reads: the
    document says which loss it uses (not a claim; in force after it, as
    :func:`_record_loss` records); None otherwise."""
    from symnet.checker.translate import is_loss_statement
    tree, notation = eq.context.get("_tree"), load_notation(eq.context["notation"])
    if tree is None or not is_loss_statement(tree, notation):
        return None
    spec = _model_of(eq.context)
    if not set(losses_holding(eq, tree, layers)) - {spec[1]}:
        return None
    eq.context["_states_loss"] = tree
    return Verdict(0, "", NOT_A_CLAIM, f"says which loss {flat_text(tree.args[0]) or 'it'} "
                   f"is (the {notation.name} notation's is the {spec[1]} loss)")


#: the losses a statement of the document's loss is matched with (each read by the
#: notation's model with that loss, as a directive would set it)
STATED_LOSSES = ("squared", "cross-entropy")


def losses_holding(eq: Equation, tree: Node, layers) -> list:
    """The losses the checker reads (:data:`STATED_LOSSES`) for which the statement
    ``tree`` holds in ``eq``'s model otherwise; decided once per statement (kept in its
    context for :func:`_loss_stated_instead` and :func:`_record_loss` both)."""
    if "losses_holding" not in eq.context:
        from symnet.checker.variants import holds_in
        holds = holds_in(load_notation(eq.context["notation"]), layers or list(NOTES_NETWORK))
        spec = _model_of(eq.context)
        eq.context["losses_holding"] = [loss for loss in STATED_LOSSES
                                         if holds(tree, (spec[0], loss, *spec[2:]))]
    return eq.context["losses_holding"]
