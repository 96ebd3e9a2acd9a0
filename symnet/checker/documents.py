"""``symnet check FILE``: every equation of a document, one verdict each.

Each equation is decided by :func:`symnet.checker.equation.check_equation` with what the
document has said before it (directives, definitions, values, its notation); then the
rules here read each verdict beside the others of its section, and take back ("not
checked", with the reason) what a definition, value, condition or model stated nearby may
change.  Nothing is guessed: an equation the notation table cannot give one meaning is "not
checked".  The JUnit and summary forms of the verdicts are here too.
"""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from symnet.checker.notations import NOTES_NETWORK, MeaningError, ParseError
from symnet.core.notation import FUNCTION_LETTERS
from symnet.core.notation_files import load as load_notation
from symnet.checker.document import DOTS, Equation, document_equations
from symnet.checker.parse import Node
from symnet.checker.symbols import flat_text
from symnet.checker.definition import expression_of
from symnet.checker.registers import Registers
from symnet.checker.statements import index_condition
from symnet.checker.relations import pattern as relation_pattern
from symnet.checker.equation import (APPLIED_DEFINITION, CALCULUS, DEFINING_SIGN, HOLDS,
                                     NOT_A_CLAIM, NOT_CHECKED, PENALTY_DEFINED, REFUTED,
                                     SECONDS_PER_EQUATION, MAPS_TO, Verdict, as_applied,
                                     check_equation, decided_verdict, first_row,
                                     identity_sign_read, in_matrix_notation,
                                     last_layer_given, losses_holding, network_of, sides_of,
                                     tree_writes_cost, with_loop_letter)


#: the heading level of the text before the first heading: any heading ends what it defines
PREAMBLE = 99


def _depth_given(eq: Equation, verdict: Verdict):
    """(n, line) where ``eq`` gives the matrix notation's depth n a number (n = 5), or
    names a layer deeper than the notes' network (\\Theta^{(45)}): not the notes'
    network, whose layers a formula may name by number; else None.  Another notation's
    depth (Nielsen's L = 3): :func:`last_layer_given`."""
    if eq.context.get("notation"):
        return last_layer_given(eq)
    m = re.fullmatch(r"\s*n\s*=\s*(\d+)\s*[.,;]?\s*", eq.text)
    named = [int(c) for g in re.findall(r"\^\s*\{\s*\((\d+)\)\s*\}", eq.text) for c in g]
    named += [int(w) for w in re.findall(r"^\s*s_\s*\{?\s*(\d)\s*\}?\s*=", eq.text)]
    if m is None or verdict.status != NOT_A_CLAIM:       # Theta^(45): layer 5 is named
        return (max(named), eq.line) if named and max(named) > len(NOTES_NETWORK) else None
    return int(m.group(1)), eq.line                   # n = 4 too: the notes' depth again


#: l = 1, q = l = 1, \\ l=1 (after a spacing command): sizes of the single hidden layer
_SIZE_GIVEN = re.compile(r"(?:\s|\\[ ,;:!])*((?:[dql]\s*=\s*)+)(\d+)\s*[.,;]?\s*")


def _sizes_given(eq: Equation, verdict: Verdict) -> dict:
    """{letter: (n, line)} where ``eq`` gives a size of the single hidden layer a number
    (l = 1: one output unit), in the book's notation; else {}."""
    m = _SIZE_GIVEN.fullmatch(eq.text)
    if m is None or eq.context.get("notation") or verdict.status != NOT_A_CLAIM:
        return {}
    return {k: (int(m.group(2)), eq.line) for k in re.findall(r"[dql]", m.group(1))}


def _regulariser_given(eq: Equation, verdict: Verdict) -> dict:
    """{name: value} for a statement that gives another notation's regulariser symbols a
    value: lambda = 0 or Omega(theta) = 0 (0), Omega defined (None); else {}."""
    notation = eq.context.get("notation")
    row = first_row(eq.text, load_notation(notation)) if notation else None
    if row is None or row[1].quantity not in _STRENGTHS or verdict.status != NOT_A_CLAIM:
        return {}
    if verdict.detail.startswith(PENALTY_DEFINED):
        return {row[0]: None}
    zero = re.fullmatch(r"[^=]*=\s*0(?:\.0*)?\s*[.,;]?\s*", eq.text)
    return {row[0]: 0 if zero else None} if verdict.detail.startswith(ASSIGNS) else {}


#: the quantities that say how much of the regulariser a cost has
_STRENGTHS = ("strength", "l2-strength", "penalty")


def _registry_row(letter: str, body) -> str:
    """The registry activation whose definition ``body`` (in ``letter``) is, or ""; a
    body with \\max or \\min (ReLU as \\max(0, z)) by :func:`_zero_everywhere`."""
    from symnet.core.registry import ACTIVATIONS
    x = sp.Symbol(letter, real=True)
    for name, row in ACTIVATIONS.items():
        try:
            difference = row.function.definition(x) - body
            if body.has(sp.Max, sp.Min) and _zero_everywhere(difference, x) or \
                    sp.simplify(difference.rewrite(sp.exp)) == 0:
                return name
        except (TypeError, ValueError, AttributeError, NotImplementedError):
            continue
    return ""


def _zero_everywhere(difference, x) -> bool:
    """``difference``, a function of the real ``x`` with \\max, \\min or pieces, is 0 for
    every x: written as pieces on sets of the real line, each piece simplifies to 0 on an
    interval, or is 0 exactly at each point of a finite set.  False when not shown."""
    folded = sp.piecewise_fold(difference.rewrite(sp.Piecewise))
    if not isinstance(folded, sp.Piecewise):
        return not folded.has(sp.Max, sp.Min) and sp.simplify(folded) == 0
    for piece, where in folded.as_expr_set_pairs(sp.Reals):
        if isinstance(where, sp.FiniteSet):
            if any(sp.simplify(piece.subs(x, point)) != 0 for point in where):
                return False
        elif not where.is_empty and (piece.has(sp.Max, sp.Min) or sp.simplify(piece) != 0):
            return False
    return True


#: f(x) = ..., \\sigma(z) = ...: a definition of the activation (when it cannot be read,
#: what follows it in the section is not checked)
#: the relations that define: '=', \\equiv, \\doteq, the defining signs read as '='
#: (:data:`DEFINING_SIGN`) and = under any label (\\stackrel{\\Delta}{=})
_DEFINING = (r"(?:=(?!=)|\\equiv|≡|\\doteq|" + DEFINING_SIGN.pattern +
             r"|\\(?:stackrel|overset)\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*=\s*\})")


def _defines_a_function(text: str, context: dict):
    """The match (its ``name``, ``letter``) of a statement that defines the activation,
    read or not: f, \\sigma, \\varphi, \\phi or another notation's activation letter (in a
    font too, with any scripts: \\sigma_j, \\sigma_{}) applied to a dummy letter (z, z_j,
    \\cdot), then a relation that defines; or the letter alone before a map's colon or a
    relation that defines (f: x \\mapsto .., f \\colon \\mathbb{R} \\to \\mathbb{R},
    f = 2\\sigma(2\\cdot) - 1, f \\mathrel{:=} \\tanh), or alone after one at the end
    (\\tanh = f, x \\mapsto \\tanh(x) =: f); the letter then ""; None for anything else."""
    names = {"f", "sigma", "varphi", "phi"}
    if context.get("notation") is not None:
        names |= set(load_notation(context["notation"]).activation)
    name = "|".join(sorted(names, key=len, reverse=True))
    signature = re.match(rf"\s*\\?(?P<name>{name})\s*(?::|\\colon(?![A-Za-z])|{_DEFINING}|"
                         r"\\mathrel\s*\{[^{}]*\})(?P<letter>)", text) or re.search(
        rf"(?:=|=:|\\eqq?colon(?![A-Za-z]))\s*\\?(?P<name>{name})\s*(?P<letter>)$", text)
    return signature or re.search(
        r"(?<![A-Za-z])(?:\\(?:boldsymbol|mathbf|bm|mathrm|operatorname)\s*\{\s*)?\\?"
        rf"(?P<name>{name})\s*\}}?\s*(?:[_^]\s*(?:\{{[^{{}}]*\}}|\w)\s*)*"
        r"(?:\\left)?\(\s*(?P<letter>[a-z]|\\cdot|\\bullet|\\(?:alpha|beta|gamma|zeta|eta|"
        r"theta|xi|mu|nu|tau|rho|chi|psi|omega|epsilon|varepsilon))"
        rf"(?:_\{{?\w\}}?)?\s*(?:\\right)?\)\s*&?\s*{_DEFINING}", as_applied(text))


def check_document(text: str, kind: str = "md", layers=None, progress=None,
                   context: dict = None, warnings: list = None) -> list[Verdict]:
    """A verdict for every equation of the document, in order.  ``context``: the
    activation and loss before the first directive (--activation, --loss); ``warnings``
    gets (line, message) for what the reader should know about the document's layout
    (a code fence never closed)."""
    return check_equations(document_equations(text, kind, warnings), layers, progress, context)


def check_equations(eqs: list, layers=None, progress=None, context: dict = None) -> list:
    """A verdict for each equation, read in order: the local definitions and the values
    given above (under the same directive; a definition until the next heading at the same
    or a higher level, a value until the next heading) are in force (:class:`_Section`)."""
    out, section, regulariser, entered = [], _Section(), _Regulariser(), []
    registers = Registers(eqs, lambda tree, ctx: _holds(tree, ctx, layers), context)
    for n, eq in enumerate(eqs, 1):
        if progress:
            progress(n - 1, len(eqs))
        section.enter(eq, context)
        regulariser.enter(eq)
        registers.enter(n - 1, eq)
        entered.append(dict(eq.context))       # as read: for a second reading of g
        verdict = check_equation(eq, layers)
        section.record(eq, verdict, layers)
        regulariser.record(eq, verdict)
        out.append(verdict)
    if progress:
        progress(len(eqs), len(eqs))
    _qualified_by_later(eqs, out)
    _restricted_before(eqs, out)
    _given_just_above(eqs, out)
    _model_stated_below(eqs, out)
    _defined_below(eqs, out)
    _decided_again_below(eqs, out, layers)
    _registers_not_shown(eqs, out, entered, layers)
    _links_above_not_holding(eqs, out)
    _accumulated_error_stated_otherwise(eqs, out)
    _unread_function_defined_above(eqs, out)
    _directive_inside_formula(eqs, out)
    return out


def _directive_inside_formula(eqs: list, out: list) -> None:
    """A directive written inside a formula (% symnet: f = tanh between an align's rows)
    is in force after the formula only: the formula's own statements are not checked (they
    may be meant under it), with a hint to move it before the formula."""
    for eq, verdict in zip(eqs, out):
        line = eq.context.get("directive_inside")
        if line and verdict.status in (HOLDS, REFUTED):
            verdict.withdraw(f"a directive is written inside its formula (line {line}): it "
                             "is in force after the formula, not for these rows (put it "
                             "before the formula)")


def _accumulated_error_stated_otherwise(eqs: list, out: list) -> None:
    """A refuted statement of the examples' errors alone (E := sum_k E_k, without the
    book's 1/m of (5.16)) may be the document's own accumulated error: a statement of the
    examples' errors after it in its section is not checked (it may hold for that E)."""
    from symnet.checker.formula import OVER_EXAMPLES
    stated = {}                         # section -> the first such refuted statement
    for eq, verdict in zip(eqs, out):
        if not verdict.sizes.startswith(OVER_EXAMPLES):
            continue
        section = eq.context.get("section")
        if section in stated and verdict.status in (HOLDS, REFUTED):
            above = stated[section]
            verdict.withdraw(f"the accumulated error is stated otherwise above (line "
                             f"{above.line}: {above.text[:40]}): the document's E may be "
                             "another one, under which this may hold")
        elif verdict.status == REFUTED:
            stated.setdefault(section, eq)


#: a statement that defines a function of its arguments, name(a, b) = ... (\\Omega(\\theta)
#: = ..., l(o, y) = ..., \\ell(\\hat y, y) := ...)
_FUNCTION_DEFINED = re.compile(
    r"\s*(?:\\(?:mathrm|operatorname)\s*\{\s*)?\\?[A-Za-z]+\s*\}?\s*(?:_\s*(?:\{[^{}]*\}|\w)\s*)?"
    r"(?:\\left)?\(\s*[^()=]+\)\s*(?:\\right\))?\s*(?::\s*)?"
    + relation_pattern("equal", "identical", "defined as"))


def _unread_function_defined_above(eqs: list, out: list) -> None:
    """A refutation decided for an arbitrary function of the notation (any differentiable
    loss, activation or regulariser) below a definition of a function that was not read,
    in its section (\\Omega(\\theta) = \\frac12 \\sum_k \\|W^{(k)}\\|_F^2, l(o, y) = \\frac12
    \\|o - y\\|^2): the document may have fixed that function, and under it the formula
    may hold, so it is not checked.  A proof for every function stands."""
    unread = {}
    for eq, verdict in zip(eqs, out):
        scope = tuple(eq.context.get(k) for k in _SCOPE)
        if verdict.status == NOT_CHECKED and (_FUNCTION_DEFINED.match(eq.text) or
                                              MAPS_TO.fullmatch(eq.text)):
            unread.setdefault(scope, eq)
        elif verdict.status == REFUTED and scope in unread and \
                "any differentiable" in verdict.notation + verdict.detail:
            above = unread[scope]
            verdict.withdraw(f"a function is defined above it in this section and was not "
                             f"read (line {above.line}: {above.text[:40]}); this was "
                             "refuted for an arbitrary one, and may hold for that one")


def _links_above_not_holding(eqs: list, out: list) -> None:
    """A link read with its chain's left side (``$= C$`` below ``$a = B$``, read a = C)
    says B = C only where the chain above it (``chain_above``, the equation it continues)
    holds: below a link refuted or not checked, a = C holding or not says nothing of
    B = C, so it is not checked (in order: a third link below it is not read either)."""
    for n, eq in enumerate(eqs):
        if not eq.context.get("continues") or out[n].status not in (HOLDS, REFUTED):
            continue
        above = next((out[m].status for m in range(n) if eqs[m] is eq.context["chain_above"]),
                     NOT_CHECKED)
        if above != HOLDS:
            line, left = eq.context["continues"]
            out[n].withdraw(f"it continues the chain of line {line}, which is "
                            f"{above} there: read with its left side {left} it "
                            "would say nothing of this link (it says the right side above "
                            "equals this one)")


def _defined_below(eqs: list, out: list) -> None:
    """A formula decided with its notation's own activation (it does not hold for every
    one) above a definition of the activation as another function in its section
    (``\\sigma(z) = \\tanh(z)`` below it: "where ..."): the definition may say what the
    formula means, so it is not checked."""
    for m, later in enumerate(eqs):
        row = later.context.get("_activation_row")
        notation = later.context.get("notation")
        own = load_notation(notation).model[0] if notation is not None else None
        if row is None or own in (None, "any", row):      # "any": decided for every one
            continue
        for eq, verdict in _decided_above(eqs, out, m):
            if "_defined_activation" not in eq.context and \
                    re.search(rf"\b{own}\b", verdict.notation):     # decided with it
                verdict.withdraw(f"the activation is defined below it in this section "
                                 f"(line {later.line}) as another function than the "
                                 "notation's, and this does not hold for every one")


def _decided_above(eqs: list, out: list, m: int):
    """The (equation, verdict) pairs before ``m`` that hold or are refuted, under no
    directive's f, in the scope of ``eqs[m]`` (its heading, directives and notation): the
    formulas a definition below them may speak of."""
    for eq, verdict in zip(eqs[:m], out[:m]):
        if verdict.status in (HOLDS, REFUTED) and not eq.context.get("f") and \
                all(eq.context.get(k) == eqs[m].context.get(k) for k in _SCOPE):
            yield eq, verdict


#: the book's own notation file
BOOK = "zhou"


#: what a definition's section is told by: its heading, directives and notation
_SCOPE = ("section", "f", "notation")


#: a formula's verdict under a definition below it, in words
_AGAIN = {HOLDS: "it holds", REFUTED: "it is refuted", None: "the definition is not read"}


def _decided_again_below(eqs: list, out: list, layers) -> None:
    """The book's notation: a formula decided with the default activation (no directive,
    no local definition of f above it) above a local definition of the activation as
    another function of one letter in its section (``f(x) = \\tanh(x)`` below it:
    "where ...") is decided again under that definition; where the two verdicts differ
    it is not checked (the definition may say what the formula means)."""
    for m, later in enumerate(eqs):
        local = later.context.get("_local_activation")
        if local is None or later.context.get("notation") is not None:
            continue
        name, entry = local
        for eq, verdict in _decided_above(eqs, out, m):
            if set(eq.context.get("defined", {})) & FUNCTION_LETTERS:
                continue
            defined = {**eq.context.get("defined", {}), name: entry}
            again = None if entry[1] is None else check_equation(
                replace(eq, context={**eq.context, "defined": defined}), layers).status
            if again != verdict.status:
                verdict.withdraw(f"{name} is defined below it in this section (line "
                                 f"{later.line}) as another function than the sigmoid it "
                                 "was decided with, and under that definition " +
                                 _AGAIN.get(again, "it is not checked") +
                                 ": which one it means is not known")


def _registers_not_shown(eqs: list, out: list, entered: list = None, layers=None) -> None:
    """A verdict that read a running value given by an update whose own claim is refuted
    or not checked (g \\leftarrow Q = R with Q =/= R, or R not read: the algorithm's g
    may be Q or R) is not checked, unless it is decided alike with g read as each side
    of that claim (:func:`_decided_alike`); decided on the verdicts before this pass (a
    refuted update stays refuted; an update made not checked here does not pass it on)."""
    before = [v.status for v in out]
    given = [eq.context.pop("_registers_from", {}) for eq in eqs]
    shown = _shown_updates(given, before)
    for n, (eq, verdict) in enumerate(zip(eqs, out)):
        bad = [(m, name) for m, name in given[n].items()
               if m != n and before[m] in (REFUTED, NOT_CHECKED)]
        if not bad or verdict.status not in (HOLDS, REFUTED):
            continue
        said = (f"the running value {bad[0][1]} given at line {eqs[bad[0][0]].line} by an "
                f"update whose claim (g \\leftarrow Q = R) is {before[bad[0][0]]}")
        alike = _decided_alike(eq, verdict.status, sorted({x for _, x in bad}),
                               entered[n], layers, shown) if entered else None
        if alike is not None:
            verdict.detail += ("; " if verdict.detail else "") + (
                f"it uses {said}, and is decided alike with {bad[0][1]} read as each side "
                f"of that claim{alike}")
            continue
        verdict.withdraw(f"it uses {said}: which of Q and R {bad[0][1]} is, is not known")


def _shown_updates(given: list, before: list) -> set:
    """The updates g \\leftarrow Q = R whose claim holds and reads only running values
    given by such updates (transitively; a cycle, a loop's value fed back, is not shown):
    the value they give is Q and nothing else."""
    shown = {m for m, status in enumerate(before) if status == HOLDS}
    while True:
        lost = {m for m in shown if any(u != m and u not in shown for u in given[m])}
        if not lost:
            return shown
        shown -= lost


def _decided_alike(eq: Equation, status: str, names: list, context: dict, layers,
                   shown: set):
    """Whether ``eq``, read as it was (``context``: its context as it entered) with the
    running values ``names`` given by updates ``g \\leftarrow Q = R`` whose claim is not
    shown, is decided ``status`` with each such value read as every side of its claim (Q,
    R, ...: every combination); False where a side is not read, or was read with a value
    that is not shown to be one (``shown``: :func:`_shown_updates`).  A side read with a
    loop's entry value is one of g's values at the loop's first iteration only (there the
    entry value is the value before the loop, shown to agree): a formula over every layer
    is then refuted where every reading, the first included, is refuted at that layer.
    None where not decided alike; else what the verdict adds (the layer, if one)."""
    from itertools import product
    registers = context.get("registers") or {}
    values = [registers.get(x) for x in names]
    if any(v is None or v.tree is None or not v.others or
           not set(v.others_from) <= shown for v in values):
        return None
    at = {v.others_at for v in values} - {None}
    if at and (status != REFUTED or len(at) > 1):
        return None
    context = {**context, "_at_layer": next(iter(at))} if at else context
    for trees in product(*[(v.tree, *v.others) for v in values]):
        if not at and all(t is v.tree for t, v in zip(trees, values)):
            continue                                   # the reading already made
        swapped = {**registers, **{x: replace(v, tree=t)
                                   for x, v, t in zip(names, values, trees)}}
        again = check_equation(replace(eq, context={**context, "registers": swapped}), layers)
        if again.status != status:
            return None
    return "" if not at else (f" at the loop's first iteration, {next(iter(at))[0]} = "
                              f"{flat_text(next(iter(at))[1])} (every reading is refuted "
                              "there, so the formula over every layer is)")


def _holds(tree: Node, context: dict, layers) -> bool:
    """Whether a parsed statement holds in the notation and model of ``context``."""
    eq = Equation(0, "", "", dict(context))
    layers = layers or network_of(context.get("notation"), context.get("_depth"))
    try:
        tree = with_loop_letter(tree, eq.context)
    except ValueError:
        return False
    tree, counted, early = in_matrix_notation(tree, eq.context, layers)
    if early is not None or counted is None:
        return False
    return decided_verdict(eq, tree, layers, SECONDS_PER_EQUATION, counted).status == HOLDS


class _Section:
    """What the statements read so far say for the ones after them: local definitions
    (``defined``, until a heading as deep), values given (``values``, ``assigned``: until
    the next heading), the loss stated (``losses``) and the activation defined in another
    notation (``activation``: its registry row or "unread"; a definition too, until a
    heading as deep); a directive ends them all."""

    def __init__(self):
        self.defined, self.values, self.levels, self.losses = {}, {}, {}, {}
        self.given = {}           # the regulariser's symbols given a value: lambda = 0, Omega
        self.depth = None         # the network's depth the document gives (n = 5), its line
        self.sizes = {}           # the single hidden layer's sizes it gives (l = 1), lines
        self.given_at = {}        # the heading level each size (and "depth") was given at
        self.elsewhere = set()    # those given in a section that has ended (an example's)
        self.assigned, self.activation, self.where = [], None, (0, None)
        self.activation_level, self.heads = PREAMBLE, []

    def enter(self, eq: Equation, context: dict = None) -> None:
        """The section state at ``eq`` (reset by a directive or a heading), put into its
        context."""
        section, level = eq.context.get("section", 0), eq.context.get("level", PREAMBLE)
        if eq.context.get("f") != self.where[1]:      # a directive: local definitions end
            self.__init__()
        elif section != self.where[0]:  # a heading ends the definitions made under one as deep
            self.defined = {k: v for k, v in self.defined.items() if self.levels[k] < level}
            self.values, self.assigned, self.given = {}, [], {}
            self.elsewhere |= {k for k, at in self.given_at.items() if at >= level}
            self.activation = self.activation if self.activation_level < level else None
            self.losses = {} if self.losses.get("level", PREAMBLE) >= level else self.losses
        self.where, self.level = (section, eq.context.get("f")), level
        eq.context = {**(context or {}), **eq.context, "defined": dict(self.defined),
                      "values": dict(self.values), "assigned": list(self.assigned),
                      "_given": dict(self.given), "_depth": self.depth,
                      "_sizes": dict(self.sizes), "_elsewhere": set(self.elsewhere),
                      "_heads": list(self.heads)}
        if "in force" in self.losses and self.losses["in force"][0] == eq.context.get("loss"):
            eq.context["_stated_loss"] = self.losses["in force"][1]
        if self.activation is not None:
            eq.context["_defined_activation"] = self.activation

    def record(self, eq: Equation, verdict: Verdict, layers) -> None:
        """What ``eq`` says for the statements after it."""
        _record_value(eq, verdict, self.values)
        self.given.update(_regulariser_given(eq, verdict))
        depth, sizes = _depth_given(eq, verdict), _sizes_given(eq, verdict)
        self.depth = depth or self.depth
        self.sizes.update(sizes)
        for key in [*sizes, *(["depth"] if depth else [])]:   # before a heading: everywhere
            self.given_at[key] = 0 if self.level == PREAMBLE else self.level
            self.elsewhere.discard(key)
        read = eq.context.get("_read")
        if read is not None and read.kind == "chain":     # X = Q: X's value, for a name
            self.heads.append((read.args[0], read.args[1], eq.line))
        _record_loss(eq, verdict, layers, self.losses)
        if _assigns(verdict) and not index_condition(eq.text):    # j = 1: a range, no value
            value, written = _value_given(eq), eq.text.split("=")[-1].strip(" .,;")
            self.assigned += [] if value is None else [written] if re.fullmatch(
                r"\d+(?:\.\d+)?", written) else [str(value)]      # 0.1 as written
        defined = _activation_defined(eq, verdict)
        if defined is not None:            # a definition: in force until a heading as deep
            self.activation, self.activation_level = defined, self.level
            eq.context["_activation_row"] = defined          # for the formulas above it
        definition = eq.context.pop("_defines", None)
        if definition is not None:
            self.define(definition, verdict,
                        _condition_beside(eq, definition[0].lstrip("\\"), definition[1]))
        elif (verdict.status == NOT_CHECKED or verdict.status == NOT_A_CLAIM and
              verdict.detail.startswith("defines a new symbol")) and \
                (m := _defines_a_function(eq.text, eq.context)):      # f = \sin too
            self.defined[m.group("name")] = (m.group("letter").lstrip("\\"), None, "")
            self.levels[m.group("name")] = self.level
            verdict.detail += "; the formulas after it in this section are not checked"
        applied = _defines_a_function(eq.text, eq.context)
        if eq.context.get("notation") is None and applied and \
                self.defined.get(applied.group("name"), (0, 0, "sigmoid"))[2] != "sigmoid":
            eq.context["_local_activation"] = (applied.group("name"),     # f(x) = \tanh(x)
                                               self.defined[applied.group("name")])

    def define(self, definition: tuple, verdict: Verdict, condition: str = "") -> None:
        """A local definition f(x) = ... in force from here (read, or noted as unread: also
        where ``condition`` is said beside it, f(x) = 1/2 (x = 0): a value at a point, or
        the function on a part of its domain)."""
        name, letter, node = definition
        self.levels[name] = self.level
        if condition:
            self.defined[name] = (letter, None, "")
            verdict.detail += (f" (not taken as {name}'s definition: a condition on {letter} "
                               f"is said beside it, {condition}; the formulas after it in this "
                               "section are not checked)")
            return
        try:
            body = expression_of(node, (letter,))
            row = _registry_row(letter, body)
            if not row and body.has(sp.Max, sp.Min):
                raise MeaningError("\\max or \\min that is no registry activation (ReLU "
                                   "is \\max(0, z)): its derivative at the kink is not said",
                                   node.pos)
            self.defined[name] = (letter, body, row)
        except ValueError as exc:
            self.defined[name] = (letter, None, "")
            verdict.detail += (f" (its right side is not read: {exc}; the formulas after "
                               "it in this section are not checked)")


#: a relation in a condition on a function's argument (x = 0, x \to \infty, x > 0)
_CONDITION_RELATION = re.compile(relation_pattern("equal", "less", "greater", "at most", "at least",
                                                  "not equal", "tends to", "element of"))


def _condition_beside(eq: Equation, name: str, letter: str) -> str:
    """What the formula of ``eq`` (a definition name(letter) = ...) says of the argument
    alone beside it, with a relation ((x = 0), x \\to \\infty, x > 0), or "".  A statement
    that writes the function again (\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))) is none."""
    if not letter or eq.text not in eq.formula:
        return ""
    for piece in _BESIDE.split(eq.formula.replace(eq.text, " ", 1)):
        if re.search(rf"(?<![A-Za-z\\]){re.escape(letter)}(?![A-Za-z])", piece) and \
                _CONDITION_RELATION.search(piece) and not re.search(
                rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", piece):
            return " ".join(piece.split()).strip(" ,;")[:60]
    return ""


#: what sets statements apart beside a definition: spacing, punctuation, words
_BESIDE = re.compile(r"\\q?quad(?![A-Za-z])|[,;]|\\(?:text|mbox)\s*\{[^{}]*\}")


#: how the verdict on a statement of the cost with the regulariser ends its detail
REGULARISER_IN_FORCE = "the regulariser lambda Omega(theta) is in force for the formulas after it"


REGULARISER_UNREAD = (", not read as the notation's J = L + lambda Omega(theta) (this "
                      "statement does not hold): a formula after it that writes Omega or "
                      "lambda, or is refuted, is not checked")


REGULARISER_UNKNOWN = (", not read (its penalty may depend on the units): a formula after it "
                       "that writes the cost or a derivative is not checked")


class _Regulariser:
    """Another notation's arbitrary regulariser put in force by a statement of the cost
    that writes it (Goodfellow's J = L(hat y, y) + lambda Omega(theta), in any order, J
    also at its arguments): the formulas after it in its section are read in the model
    with lambda Omega(theta) (``_regulariser`` in their context), until a heading as deep
    as the statement's, a directive or another notation; kept apart from
    :class:`_Section`, the same way.  A statement that does not hold (refuted, not read:
    J = L + lambda Omega(theta)^2) says the document's cost is another one: it is in force
    as "unread" (:func:`_unread_regulariser`)."""

    def __init__(self):
        self.level, self.where, self.state, self.other = None, None, None, None

    def enter(self, eq: Equation) -> None:
        where = (eq.context.get("section", 0), eq.context.get("f"),
                 eq.context.get("notation"))
        level = eq.context.get("level", PREAMBLE)
        if self.where is not None and (where[1:] != self.where[1:] or
                                       where[0] != self.where[0] and level <= self.level):
            self.level = None
        self.where = where if self.level is not None else None
        if self.level is not None:
            eq.context["_regulariser"] = self.state
            eq.context["_other_model"] = self.other
        else:
            self.state = self.other = None

    def record(self, eq: Equation, verdict: Verdict) -> None:
        """A statement of the cost with the regulariser, read or not, puts it in force."""
        notation = eq.context.get("notation")
        other = _states_another_model(eq, verdict, load_notation(notation or BOOK))
        if notation is None or load_notation(notation).builtin:
            penalised = False
        else:
            tree = eq.context.get("_read")          # parsed once, by the check
            penalised = _states_penalised_cost(tree, eq.text, load_notation(notation))
        ours = notation is not None and (penalised or _unread_cost_statement(
            eq, verdict, ("error",)) and _has_quantity(load_notation(notation), "penalty"))
        if other and not ours:
            self.level = eq.context.get("level", PREAMBLE) if self.level is None else \
                min(self.level, eq.context.get("level", PREAMBLE))
            self.where = (eq.context.get("section", 0), eq.context.get("f"), notation)
            self.other = f"{other} (line {eq.line})"
            verdict.detail += ("; " if verdict.detail else "") + OTHER_MODEL
            return
        if not ours:
            return
        self.level = eq.context.get("level", PREAMBLE)
        self.where = (eq.context.get("section", 0), eq.context.get("f"), notation)
        # an unread J = ... without Omega: its penalty may depend on the units too
        self.state = True if verdict.status == HOLDS else "unread" if penalised else "unknown"
        verdict.detail += ("; " if verdict.detail else "") + REGULARISER_IN_FORCE + (
            " in this section" + {True: "", "unread": REGULARISER_UNREAD,
                                  "unknown": REGULARISER_UNKNOWN}[self.state])


#: the quantities of a notation's model whose statement says which model the document uses
_MODEL_QUANTITIES = {"error": "the cost", "loss": "the cost", "regulariser": "the L2 term",
                     "activation": "the units' outputs", "output": "the output units"}


#: the book's quantities a document may state otherwise (g_j without its minus sign)
_BOOK_QUANTITIES = {"delta": "a delta (g_j, e_h, delta^(k))"}


#: the quantities a penalty on the parameters writes
_PARAMETERS = ("weight", "bias", "threshold", "parameters", "strength", "l2-strength")


def _cost_first(text: str, notation) -> str:
    """``text`` with its sides swapped where it ends with the notation's cost alone
    (sum_j (yhat_j - y_j)^2 = E_k), else as it is."""
    sides = sides_of(text)
    if len(sides) != 2 or "=" in sides_of(sides[1])[-1] and len(sides_of(sides[1])) > 1 or \
            first_row(text, notation) is not None or not re.fullmatch(
            r"\s*\{?\s*\\?[A-Za-z]+\s*\}?\s*(?:_\s*\{?\s*\w+\s*\}?)?\s*[.,;]?\s*", sides[1]):
        return text
    row = first_row(f"{sides[1]}={sides[0]}", notation)
    return f"{sides[1]}={sides[0]}" if row and row[1].quantity == "error" else text


def _states_another_model(eq: Equation, verdict: Verdict, notation) -> str:
    """What a statement of the model says where it is not the notation's (a cost, L2 term
    or units' output refuted: C = sum (a - y)^2, s = lambda ||W||^2, a^L = z^L; one not
    read that writes a parameter: C = C_0 + lambda/2n sum w^2; units' outputs not read:
    a^L_j = e^{z_j} / sum_k e^{z_k}); "" for any other statement.  The cost not read that
    writes no parameter stays with the loss (:func:`_record_loss`)."""
    text = _cost_first(eq.text, notation)
    row = first_row(text, notation)
    row = row and row[1]
    what = _MODEL_QUANTITIES.get(row.quantity, _BOOK_QUANTITIES.get(row.quantity) if
                                 notation.builtin else None) if row is not None else None
    unread = verdict.status == NOT_CHECKED or verdict.status == NOT_A_CLAIM and \
        LOSS_NOT_READ in verdict.detail                 # E = ...: a loss, not one read
    if what is None or not (unread or verdict.status == REFUTED):
        return ""
    if row.quantity == "error" and re.search(
            rf"\\sum.*?(?<![A-Za-z\\]){row.symbol}(?![A-Za-z])", sides_of(text)[-1]):
        return ""                  # E = sum_k E_k: the total of the errors, not another one
    if verdict.status == REFUTED:          # the book's g_j = (y - yhat) is a claim, wrong
        defines = DEFINING_SIGN.search(eq.text) or re.search(r"\\equiv(?![A-Za-z])|≡",
                                                              eq.text) or re.match(
            r"\s*-?\s*(?:\\[dt]?frac\s*\{\s*\\partial|\\partial|\\nabla)", sides_of(text)[-1])
        if notation.builtin and row.quantity == "delta" and not defines or \
                _only_itself(text) or _first_link_holds(eq, verdict):
            return ""
        return f"{what} stated otherwise than the notation's model"
    if notation.builtin and row.quantity != "error":      # the book's, written unread
        return ""
    right = re.sub(r"\\[A-Za-z]+", " ", sides_of(text)[-1])
    if row.quantity in ("activation", "output"):        # not the notation's own f(...)
        own = "|".join(notation.activation)
        return (f"{what} stated in a form the checker does not read" if re.search(
            r"[A-Za-z]", right) and not re.search(rf"\\?(?:{own})\s*(?:\\left)?\(",
                                                  sides_of(text)[-1]) else "")
    if notation.builtin:                      # E_k = 1/2 sum (yhat - y)^2 + anything more
        rest = re.sub(r"\\(?:[dtc]?frac|sum|hat|widehat|left|right|limits|cdot|big|Big|quad|"
                      r"qquad|textstyle|displaystyle)(?![A-Za-z])|\\[,;|]", " ", sides_of(text)[-1])
        return f"{what} stated in a form the checker does not read" if re.search(
            r"\\[A-Za-z]+|(?![cjklmnqy])[A-Za-z]", rest) else ""
    names = [n for n, r in notation.symbols.items() if r.quantity in _PARAMETERS]
    written = any(re.search(rf"(?<![A-Za-z\\]){n}(?![A-Za-z])|\\{n}(?![A-Za-z])", right)
                  for n in names) or re.search(r"\\lambda(?![A-Za-z])", eq.text)
    return f"{what} stated with a penalty on the parameters, not read" if written else ""


def _first_link_holds(eq: Equation, verdict: Verdict) -> bool:
    """Whether a refuted chain of '=' (e_h = A = B = C) holds in its first link: the
    quantity is stated as the notation states it (e_h = A), and the error is in a step of
    the derivation after it, which says nothing of another model."""
    from symnet.checker.document import top_level_relations
    steps = verdict.result.steps if verdict.result is not None else []
    relations = top_level_relations(eq.text)
    return len(steps) >= 2 and len(steps) == len(relations) and \
        set(relations) == {"="} and steps[0].holds


#: what :func:`_only_itself` strips: scripts (one level of braces), fonts, dots, brackets
_SCRIPTS_AND_MARKS = re.compile(r"[_^]\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9])|\\(?:left|right|"
                                r"[lcv]?dots[bc]?|ldots|mathbf|boldsymbol)(?![A-Za-z])|"
                                r"[{}()\[\].;\s]")


def _only_itself(text: str) -> bool:
    """Whether the right side of ``text`` writes nothing but the symbol its left side is, at
    other indices, once or as a list (yhat_j^k = yhat_1^k, yhat_2^k, ..., yhat_l^k: the output
    vector written without its own name): a claim about indices, refuted as one, not a
    statement of another model.  Its marks (the hat) and superscripts (the example's k)
    are the left side's: yhat_j = y_j, yhat_j = yhat_j^2 and yhat_j = yhat_j yhat_j state
    something of the model."""
    sides = sides_of(text)
    left, right = (_SCRIPTS_AND_MARKS.sub("", side) for side in (sides[0], sides[-1]))
    ups = [{re.sub(r"[{}\s]", "", u) for u in re.findall(r"\^\s*(\{[^{}]*\}|\\?[A-Za-z0-9])",
                                                         side)} for side in (sides[0], sides[-1])]
    item = re.escape(left)
    return bool(left) and ups[1] <= ups[0] and \
        re.fullmatch(f"{item}(?:,+{item})*,?", right) is not None


#: how the verdict on such a statement ends its detail
OTHER_MODEL = ("the document's model is not the notation's, so a formula after it in "
               "this section that writes the cost, a derivative, a delta or a prime is not "
               "checked")


def _states_penalised_cost(tree, text: str, notation) -> bool:
    """Whether a statement states the notation's cost with its regulariser (parsed:
    :func:`~symnet.checker.translate.states_penalised_cost`; not parsed: it begins with
    the cost and writes the regulariser's symbol)."""
    from symnet.checker.translate import states_penalised_cost
    if tree is not None:
        return states_penalised_cost(tree, notation)
    names = {kind: [n for n, row in notation.symbols.items() if row.quantity == kind]
             for kind in ("error", "penalty")}
    cost = re.match(r"\s*\\?([A-Za-z]+)", text)
    return cost is not None and cost.group(1) in names["error"] and any(
        re.search(r"\\" + name + r"(?![A-Za-z])", text) for name in names["penalty"])


def _activation_defined(eq: Equation, verdict: Verdict):
    """The registry row (or "unread") of a local definition of the activation letter of
    another notation (Nielsen's \\sigma(x) = \\tanh(x), Bishop's h(a) = \\tanh(a)): in
    force for the formulas after it, as a directive; None when ``eq`` is no such one."""
    from symnet.checker.definition import read_definition
    m = APPLIED_DEFINITION.match(as_applied(identity_sign_read(eq).text))      # \\equiv too
    notation = eq.context.get("notation")
    if verdict.status != NOT_A_CLAIM or m is None or notation is None or \
            m.group("name") not in load_notation(notation).activation:
        return None
    try:
        body = read_definition(m.group("body"), (m.group("letter"),))
    except (ParseError, ValueError):
        return "unread"
    row = _registry_row(m.group("letter"), body)
    verdict.detail += (f"; {m.group('name')} is the {row} activation for the formulas after "
                       "it" if row else "; not a registry activation, so the formulas after "
                       "it that do not hold for every activation are not checked")
    return row or "unread"


#: how a verdict on an assignment to a variable (eta = 0.1, x_1 = 1) begins
ASSIGNS = "assigns a value to "


def _assigns(verdict: Verdict) -> bool:
    """Whether ``verdict`` is on a statement that gives a letter a value: eta = 0.1 (not a
    claim), or eta = 0.1 = \\frac{1}{10} (its numbers compared: it holds)."""
    return verdict.status == NOT_A_CLAIM and verdict.detail.startswith(ASSIGNS) or \
        verdict.status == HOLDS and " is given a value; " in verdict.sizes


def _value_given(eq: Equation):
    """The rational number an assignment gives its letter (eta = 0.1, 1/10, \\frac{1}{10},
    10^{-1}, -0.5: all read by the parser, not by their spelling; also along a chain,
    eta = 0.1 = \\frac{1}{10}, x_1 = x_2 = 1, and the other way round, 0.1 = \\eta): symbols
    and one number, written at one end; None for anything else."""
    tree = eq.context.get("_read")
    if tree is None or tree.kind != "chain" or len(tree.args) < 2 or \
            not all(isinstance(a, Node) for a in tree.args):
        return None
    values = [_number_of(side) for side in tree.args]
    numbers = {v for v in values if v is not None}
    if len(numbers) != 1 or values[0] is not None and values[-1] is not None or any(
            v is None and side.kind not in ("name", "script", "accent")
            for v, side in zip(values, tree.args)):
        return None        # x_1 = x_2 = 1, 0.1 = eta: symbols, and one number at an end
    return numbers.pop()


def _number_of(side: Node):
    """The rational number ``side`` writes with no letter in it, or None."""
    if _plain_letters(side):
        return None
    try:
        value = expression_of(side, ())
    except (ValueError, TypeError):
        return None
    return value if value.is_Rational else None


#: how the verdicts on statements that may say what another's symbols mean begin: those
#: that may change the model (a function, the loss) and those that give values only (a
#: value, a condition on the data, a new symbol), which can turn a refutation only
CHANGES_MODEL = ("defines", "says which loss")


GIVES_VALUES = (ASSIGNS, "a condition on the data", "defines a new symbol")


def _given_just_above(eqs: list, out: list) -> None:
    """A refuted formula next to a value or condition given is not checked: a condition
    reaches the formulas on its line ("... when yhat_j = y_j") and the first one decided
    after it in its paragraph or the next with a formula ("If yhat_j = 1/2, then ...");
    a value given to a letter (eta = 0.1, η = 0.5) the formulas that write it (eta: also
    an update) in its paragraph, the one with a formula before it ("where eta = 0.1")
    and the two with a formula after it (a worked example's steps).  Values and conditions
    are not carried into the formulas, and the refutation may be at a point they exclude
    (eta g_1 b_2 = 0.02 is right arithmetic)."""
    ranks = _paragraph_ranks(eqs)
    for n, (eq, said) in enumerate(zip(eqs, out)):
        letter = _gives_a_value(eq, said)
        if letter is None or eq.context.get("paragraph") is None:   # read without its text
            continue
        near = _beside(eqs, out, n) if not letter else [
            (e, v) for e, v in zip(eqs, out) if _within(e, eq, ranks, -1, 2) and
            _writes(e, letter)]
        for other, verdict in near:
            if verdict.status == REFUTED and not verdict.notation.startswith(CALCULUS):
                verdict.withdraw(f"a value or a condition is given beside it (line "
                                 f"{eq.line}: {eq.text[:40]}); values and conditions are not "
                                 "carried into formulas, and it may hold under it, so it is "
                                 "not refuted")


def _model_stated_below(eqs: list, out: list) -> None:
    """A formula decided just above a statement that puts another model in force ("g_j =
    ..., where E_k = sum (yhat_j - y_j)^2"): in that statement's paragraph or the one with
    a formula before it, writing the cost, a derivative, a delta or a prime: not checked
    (the statement below may say what it means)."""
    ranks = _paragraph_ranks(eqs)
    for n, (eq, said) in enumerate(zip(eqs, out)):
        if OTHER_MODEL not in said.detail or eq.context.get("paragraph") is None:
            continue
        notation = eq.context.get("notation")
        for other, verdict in zip(eqs[:n], out[:n]):
            if verdict.status in (HOLDS, REFUTED) and _within(other, eq, ranks, -1, 0) and \
                    tree_writes_cost(other.context.get("_read"),
                                      notation and load_notation(notation), True):
                verdict.withdraw(f"the model is stated just below it (line {eq.line}: "
                                 f"{eq.text[:40]}), not as the notation's: it may be the "
                                 "model this formula is written in")


def _within(other: Equation, eq: Equation, ranks: dict, before: int, after: int) -> bool:
    """Whether ``other`` is in ``eq``'s section, from ``before`` to ``after`` paragraphs
    with a formula away from ``eq``'s (``ranks``: :func:`_paragraph_ranks`)."""
    return other.context.get("section") == eq.context.get("section") and before <= \
        ranks.get(other.context.get("paragraph"), -9) - ranks[eq.context["paragraph"]] <= after


def _paragraph_ranks(eqs: list) -> dict:
    """Each paragraph that holds a formula -> its place among those paragraphs."""
    seen = list(dict.fromkeys(e.context.get("paragraph") for e in eqs))
    return {p: r for r, p in enumerate(seen) if p is not None}


def _writes(eq: Equation, letter: str) -> bool:
    """Whether ``eq`` writes the letter (LaTeX or Unicode: \\eta, η; an update Delta for
    eta, whose rate it is)."""
    import unicodedata
    names = {letter}
    if len(letter) == 1 and not letter.isascii():
        names.add("\\" + unicodedata.name(letter, "").split()[-1].lower())
    if any(n in ("\\eta", "η") for n in names):
        names |= {"\\eta", "η", "\\Delta", "Δ"}
    return any(re.search(rf"(?<![A-Za-z]){re.escape(n)}(?![A-Za-z])", eq.text) for n in names)


def _beside(eqs: list, out: list, n: int) -> list:
    """The (equation, verdict) pairs a condition given at ``n`` speaks of: those on its
    line, and the first one decided after it in its paragraph or the next."""
    eq, near = eqs[n], []
    where = eq.context.get("paragraph")
    for other, verdict in zip(eqs[n + 1:], out[n + 1:]):
        if other.context.get("section") != eq.context.get("section") or \
                other.context.get("paragraph", where) > where + 1:
            break
        near.append((other, verdict))
        if verdict.status in (HOLDS, REFUTED) and other.line != eq.line:
            break
    return near + [(e, v) for e, v in zip(eqs[:n], out[:n]) if e.line == eq.line]


#: the letter a statement assigns to (eta = 0.1, \eta := 0, \eta \equiv 0, \boldsymbol{\eta}
#: = 0, η ≔ 0, x_1 = 1): a font around it is no part of it
_ASSIGNED_LETTER = re.compile(
    r"\s*(?:\\(?:boldsymbol|mathbf|bm|mathrm|mathit)\s*\{\s*(?P<font>\\?[A-Za-z]+|[^\x00-\x7f])"
    r"\s*\}|(?P<letter>\\?[A-Za-z]+|[^\x00-\x7f]))\s*(?:_\s*\{?\s*\w+\s*\}?)?\s*(?::\s*)?"
    + relation_pattern("equal", "identical", "defined as"))


def _gives_a_value(eq: Equation, said: Verdict):
    """The letter a statement gives a value (eta = 0.1: "\\eta"), "" for a condition on
    a quantity the notation defines (yhat_j = y_j, yhat_j = 1/2, g_1 = 0.5), None for
    anything else (an index's range is none)."""
    if said.status == NOT_CHECKED and said.detail.startswith(("it sets", "it gives")) or \
            said.status == NOT_A_CLAIM and said.detail.startswith("a condition") and \
            not said.detail.startswith("a condition on indices"):      # not a range
        return ""
    if _assigns(said):                                                  # to a number
        m = _ASSIGNED_LETTER.match(eq.text)
        letter = m and (m.group("letter") or m.group("font"))
        return letter if m and _value_given(eq) is not None else None
    return None


def _qualified_by_later(eqs: list, verdicts: list) -> None:
    """In one formula, a statement after a claim that may say what the claim's symbols
    mean leaves that claim not checked: a definition of a function or of the loss
    (f(x) = \\tanh(x)), or one not read after words (\\text{where} ..., \\text{for} ...),
    may read it in another model; a value (x_1 = 1; not an index range j = 1, ..., l), or
    a condition in brackets not read ((x = 1, 2)), may make a refuted claim true, never a
    proved one false."""
    from symnet.checker.document import qualifying_words, text_words
    for n, (eq, verdict) in enumerate(zip(eqs, verdicts)):
        for later, said in zip(eqs[n + 1:], verdicts[n + 1:]):
            restricts = _restricts_an_index(later.text)
            if later.formula is not eq.formula or later.line < eq.line or \
                    verdict.status not in (HOLDS, REFUTED) or \
                    index_condition(later.text) and not restricts:
                continue
            values = said.status == NOT_A_CLAIM and said.detail.startswith(GIVES_VALUES) \
                or _gives_a_value(later, said) is not None \
                or said.status == NOT_CHECKED and re.fullmatch(r"\(.*\)", later.text.strip()) \
                or restricts or _unread_statement(later, said)
            model = not values and said.status == NOT_A_CLAIM and said.detail.startswith(
                CHANGES_MODEL) or said.status == NOT_CHECKED and text_words(eq.formula) \
                and not qualifying_words(eq.formula) or _states_regulariser(said, verdict, eq) \
                or _depth_given(later, said) and re.search(r"\^\s*\{?\s*\(\d", eq.text)
            if model or values and verdict.status == REFUTED:
                verdict.withdraw(f"the statement after it in the same formula "
                                 f"({later.text[:60]}) may say what its symbols mean here")


def _restricted_before(eqs: list, verdicts: list) -> None:
    """In one formula, a condition that fixes or bounds an index before a refuted claim
    ((h = 1) \\quad b_h = b_1, h = 1: \\quad ...) leaves it not checked, as one after it
    does (:func:`_qualified_by_later`): the claim may hold under it."""
    for n, (eq, verdict) in enumerate(zip(eqs, verdicts)):
        if verdict.status != REFUTED:
            continue
        for earlier in eqs[:n]:
            if earlier.formula is eq.formula and _restricts_an_index(earlier.text):
                verdict.withdraw(f"the condition before it in the same formula "
                                 f"({earlier.text[:60]}) may make it hold")
                break


def _unread_statement(eq: Equation, said: Verdict) -> bool:
    """Whether ``eq`` is a statement that could not be read at all (words in a font,
    \\mathrm{if}\\ \\eta = 1, {\\rm if}, 当 \\eta = 1 时): it may be a condition."""
    return said.status == NOT_CHECKED and said.unread


#: a relation between layer letters that names a layer pair (l = k + 1): no condition
_LAYER_PAIR = re.compile(r"\s*[A-Za-z]\s*=\s*[A-Za-z]\s*[+-]\s*\d+\s*")


#: an index in a set of values or an interval: h \in \{1\}, h \in [1, 1], k \in \{4\}
_INDEX_IN_A_SET = re.compile(r"\(?\s*(?P<index>[a-z])\s*(?:\\in(?![A-Za-z])|∈)\s*"
                             r"(?:\\\{[^{}]*\\\}|\[(?P<interval>[^\[\]]*)\])\s*\)?")


def _restricts_an_index(text: str) -> bool:
    """An index condition that fixes an index to one value, bounds it on one side or to a
    narrower range, however it is written (``k = n``, ``(h = 1)``, ``\\because k < n``,
    ``1 \\le h \\le 2``, ``4 \\ge k \\ge 4``, ``h = j = 1``, ``h - 1 = 0``), never an
    index's whole range (j = 1, ..., l; 1 \\le h \\le q) nor a relation between letters that
    names a layer pair (l = k + 1): a claim refuted for every value may hold under it."""
    from symnet.checker.document import whole_range
    text = re.sub(r"^(?:\s|\\[,;:! ]|\\q?quad(?![A-Za-z]))*"
                  r"(?:\\(?:because|forall)(?![A-Za-z])|[∵∀])?", "", text).strip().rstrip(":")
    member = _INDEX_IN_A_SET.fullmatch(text)
    if member:                              # h \in \{1\}, k \in [2, 3]; not h \in \{1, ..., q\}
        low, _, high = (member["interval"] or "").partition(",")
        return not re.search(DOTS, text) and not (
            member["interval"] and whole_range(f"{low} \\le {member['index']} \\le {high}"))
    parts = [p.strip() for p in text.strip("()").split(",")]
    if not index_condition(text) or any(re.search(DOTS, p) for p in parts):
        return False                                              # a range j = 1, ..., l
    return any(not whole_range(p) and not _LAYER_PAIR.fullmatch(p) for p in parts)


def _states_regulariser(said: Verdict, verdict: Verdict, eq: Equation) -> bool:
    """Whether ``said`` puts a regulariser in force (:class:`_Regulariser`) that
    ``verdict``, on a claim ``eq`` before it in the same formula, was not decided with and
    that may change what it says: it writes a derivative or a cost (hat y = h^(l) does
    not)."""
    return REGULARISER_IN_FORCE in said.detail and (
        REGULARISER_UNREAD in said.detail or REGULARISER_UNKNOWN in said.detail or
        "regulariser" not in verdict.notation) and \
        _writes_cost(eq)


def _writes_cost(eq: Equation) -> bool:
    """Whether ``eq`` (parsed: its context's "_read") writes a derivative or a cost
    (:func:`tree_writes_cost`)."""
    name = eq.context.get("notation")
    return tree_writes_cost(eq.context.get("_read"), load_notation(name) if name else None)


def _record_loss(eq: Equation, verdict: Verdict, layers, losses: dict) -> None:
    """A statement of which loss the notation's arbitrary loss is (J = 1/2 ||hat y - y||^2)
    puts that loss in force for the formulas after it in the section, as a directive
    would; one not read as a known loss leaves them checked for every loss, and a formula
    that holds only for some is then not checked."""
    tree = eq.context.pop("_states_loss", None)
    if tree is None and not _unread_cost_statement(eq, verdict):
        return
    found = losses_holding(eq, tree, layers) if tree is not None else []
    stated = found[0] if len(found) == 1 else "unread"
    losses.update({"in force": (eq.context.get("loss"), stated),
                   "level": eq.context.get("level", PREAMBLE)})
    lead = ": not" if tree is not None else "; it may state the loss, and is not"
    verdict.detail += (f": the {stated} loss, in force for the formulas after it in this "
                       "section" if stated != "unread" else f"{lead} {LOSS_NOT_READ}, so a "
                       "formula after it in this section that does not hold for every "
                       "loss is not checked")


#: what a statement of the loss that is not read says
LOSS_NOT_READ = "a loss the checker reads"


def _unread_cost_statement(eq: Equation, verdict: Verdict,
                           quantities=("error", "loss")) -> bool:
    """A statement not read whose left side begins with another notation's cost or loss
    (J(\\theta) = ..., L(\\hat y, y) = ...; those of ``quantities``): it may say which
    loss the document uses (or, the cost, that it has a penalty)."""
    notation = eq.context.get("notation")
    relation = _GIVES_VALUE.search(eq.text)
    if verdict.status != NOT_CHECKED or notation is None or relation is None:
        return False
    costs = {name for name, row in load_notation(notation).symbols.items()
             if row.quantity in quantities}
    first = re.match(r"\s*\\?([A-Za-z]+)", eq.text[:relation.start()])
    return first is not None and first.group(1) in costs


#: a relation that states or gives the quantity on its left (=, :=, an algorithm's arrow:
#: J \leftarrow (\hat y - y)^2 + ... gives the cost its value as J = ... would)
_GIVES_VALUE = re.compile(r"=|\\leftarrow(?![A-Za-z])|\\gets(?![A-Za-z])|\u2190")


def _has_quantity(notation, quantity: str) -> bool:
    return any(row.quantity == quantity for row in notation.symbols.values())


def _record_value(eq: Equation, verdict: Verdict, values: dict) -> None:
    """A letter given a value (u = 1, v = 1 + e^{-x}: not a claim) has it for the formulas
    after it in the section (primes of it are derivatives of it); None: not read."""
    sets = eq.context.pop("_sets", None)
    if sets is None or verdict.status != NOT_A_CLAIM:
        return
    name, node = sets
    letters = sorted(_plain_letters(node) - {"e"})
    try:
        values[name] = expression_of(node, tuple(letters))
    except ValueError:
        values[name] = None


def _plain_letters(node: Node) -> set:
    found = {node.args[0]} if node.kind == "name" else set()
    for a in node.args:
        if isinstance(a, Node):
            found |= _plain_letters(a)
    return found


def summary(verdicts) -> dict:
    return {"holds": sum(v.status == HOLDS for v in verdicts),
            "refuted": sum(v.status == REFUTED for v in verdicts),
            "not_a_claim": sum(v.status == NOT_A_CLAIM for v in verdicts),
            "not_checked": sum(v.status == NOT_CHECKED for v in verdicts)}


def junit(name: str, verdicts, strict: bool) -> str:
    """A JUnit XML report: one test case per equation; refuted -> failure, not checked ->
    skipped (an error with --strict); not a claim -> passed, the reason in system-out."""
    from xml.sax.saxutils import escape, quoteattr
    s = summary(verdicts)
    failures = s["refuted"]
    errors = s["not_checked"] if strict else 0
    skipped = 0 if strict else s["not_checked"]
    rows = ['<?xml version="1.0" encoding="UTF-8"?>',
            f'<testsuite name={quoteattr("symnet check " + name)} tests="{len(verdicts)}" '
            f'failures="{failures}" errors="{errors}" skipped="{skipped}" '
            f'time="{sum(v.seconds for v in verdicts):.3f}">']
    for v in verdicts:
        title = quoteattr(f"line {v.line}: {v.equation[:120]}")
        case = f'  <testcase classname={quoteattr(name)} name={title} time="{v.seconds:.3f}"'
        if v.status == HOLDS:
            rows.append(case + "/>")
        elif v.status == NOT_A_CLAIM:
            rows.append(case + f'><system-out>{escape("not a claim: " + v.detail)}'
                        '</system-out></testcase>')
        elif v.status == REFUTED:
            rows.append(case + f'><failure message={quoteattr(v.detail[:500])}>'
                        f'{escape(v.equation)}</failure></testcase>')
        elif strict:
            rows.append(case + f'><error message={quoteattr(v.detail[:500])}/></testcase>')
        else:
            rows.append(case + f'><skipped message={quoteattr(v.detail[:500])}/></testcase>')
    rows.append("</testsuite>")
    return "\n".join(rows) + "\n"
