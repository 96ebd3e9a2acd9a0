"""Which statements of a document are claims, and what f of a number is.

Not every equation states an identity (issue "check v3", 3.):

- an assignment of a value to free variables of the data or the network: ``x_1 = 1``,
  ``y_i = 0``, ``\\theta = 2``, ``w_1 = w_2 = 1``;
- a condition between index or size letters: ``k = l - 1``;
- a definition of a new symbol (``h = x_1 + x_2 - 2``, ``D = \\{...\\}``: a letter the
  notation has no meaning for) or of a function (``f(x) = x^2``, ``\\sigma(z) = ...``),
  which is in force for the formulas after it in the same section.

Whether a symbol is a free variable or a quantity the notation defines is read from
``core.notation.QUANTITY_KIND``: a defined quantity (e_h, g_j, E_k, \\hat{y}_j, ...) is
never taken as being defined, so ``e_h = ...`` is always a claim.

f of a number (``f(0.5) = 1``, also inside vectors and matrices) has a value only where the
document said what f is: a directive or a local definition (:func:`number_function`).
Values are compared exactly (decimals are exact rationals; a difference is decided by
SymPy's exact simplification or a certified sign, never by rounding).
"""
from __future__ import annotations

import re
from typing import Optional

import sympy as sp

from symnet.checker.parse import SPACING
from symnet.checker.relations import ORDER, pattern as relation_pattern
from symnet.checker.tree import Node, nodes, same_tree
from symnet.core.notation import (FONT_MARKS, FUNCTION_LETTERS, FUNCTIONS, INDEX_LETTERS,
                                  MATRIX_NAMES, QUANTITY_KIND, SINGLE_LAYER)

FREE = ("input", "target", "parameter", "rate")
KNOWN = set(QUANTITY_KIND) | set(SINGLE_LAYER) | set(MATRIX_NAMES) | set(FUNCTION_LETTERS)
_BARE_DEFINITION = re.compile(r"^\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*(?:_\s*(?:\{[^{}]*\}|\w))?"
                              r"\s*=(?!=)")


def base_name(node: Node) -> Optional[str]:
    """The name a symbol is written with, its scripts and font marks removed (\\hat{y} is
    "yhat"); None for anything that is not one symbol."""
    hat = ""
    while node.kind in ("script", "accent", "group"):
        if node.kind == "script" and node.op == "'":
            return None                          # u' is a derivative, not a symbol
        if node.kind == "accent":
            if node.op in ("hat", "widehat"):
                hat = "hat"
            elif node.op in ("tilde", "widetilde", "bar"):
                return None
        if node.kind == "group" and node.op != "{":
            return None
        node = node.args[0]
    if node.kind != "name":
        return None
    return node.args[0] + hat


def _is_number(node: Node) -> bool:
    if node.kind == "num":
        return True
    if node.kind in ("neg", "group") and len(node.args) == 1:
        return _is_number(node.args[0])
    if node.kind == "frac":
        return all(_is_number(a) for a in node.args)
    return False


def _is_free_variable(node: Node) -> bool:
    name = base_name(node)
    if name is None:
        return False
    return QUANTITY_KIND.get(name) in FREE or name not in KNOWN and name != "e"


def _index_arithmetic(node: Node) -> bool:
    """Only index or size letters (no scripts), numbers, + and -."""
    if node.kind == "name":
        return node.args[0] in INDEX_LETTERS
    if node.kind == "num":
        return True
    if node.kind in ("add", "neg", "group"):
        return all(_index_arithmetic(a) for a in node.args)
    return False


def _letters_in(node: Node) -> bool:
    """Whether a letter (a name) occurs in the tree: 1 + 1 = 3 relates numbers only."""
    return node.kind == "name" or any(_letters_in(a) for a in node.args
                                       if isinstance(a, Node))


def _function_definition(left: Node) -> Optional[str]:
    """"f" for f(x) = ... (a function letter, no prime, applied to one bare letter, or a
    bold one: f(\\mathbf{x}))."""
    if left.kind != "call":
        return None
    head, arg = left.args
    if head.kind != "name" or head.args[0] not in FUNCTION_LETTERS:
        return None
    inner = _unfont(arg.args[0] if arg.kind == "group" else arg)
    if inner.kind == "name" and len(inner.args[0]) == 1:
        return head.args[0]
    return None


def _unfont(node: Node) -> Node:
    """The symbol inside its font marks (\\mathbf{v} is v)."""
    while node.kind == "accent" and node.op in FONT_MARKS:
        node = node.args[0]
    return node


def _a_value(node: Node, name: str) -> bool:
    """An expression of numbers, e, the inputs x, new symbols and f(..) of them, without
    ``name`` and without any other quantity of the notation: what an assignment of a
    free variable (y = f(h), v = 1 + e^{-x}) may give it."""
    if node.kind == "name":
        n = node.args[0]
        return n != name and (n == "e" or QUANTITY_KIND.get(n) == "input" or n not in KNOWN)
    if node.kind == "script" and node.op == "_":
        return _a_value(node.args[0], name)
    if node.kind == "call":
        return _is_f(node.args[0]) and _a_value(node.args[1], name)
    if node.kind == "mul" and node.op not in ("cdot", ""):
        return False
    if node.kind in ("num", "group", "add", "neg", "mul", "frac", "script", "func"):
        return all(_a_value(a, name) for a in _children(node))
    return False


def _output_is_target(left: Node, right: Node) -> bool:
    """\\hat{y} = y, \\hat{y}_j = y_j (either way round): the output set equal to its
    own target, a condition (it is never an identity of the network)."""
    def parts(node):
        sub = node.args[1] if node.kind == "script" and node.op == "_" else None
        return base_name(node), sub
    (a, sa), (b, sb) = parts(left), parts(right)
    return {a, b} == {"yhat", "y"} and same_tree(sa, sb)


def _own_components(left: Node, right: Node) -> Optional[str]:
    """The letter of ``\\mathbf{v} = (v_1; v_2; \\dots; v_n)``: a bold letter that names
    no vector of the notation (x, y and the matrix names do), written as the list of its
    own components from 1 (a notation, true by its meaning)."""
    if left.kind != "accent" or left.op not in FONT_MARKS or _unfont(left).kind != "name":
        return None
    letter = _unfont(left).args[0]
    if letter in MATRIX_NAMES or letter in ("x", "y"):
        return None
    if right.kind == "vector_of":
        start, _, body = right.args
        items, first = [body], start.args[1]
        if not (start.kind == "assign" and first.kind == "num" and first.args[0] == "1"
                and body.kind == "script" and same_tree(body.args[1], start.args[0])):
            return None
    elif right.kind == "vector":
        items = list(right.args)
        if any(c.kind != "script" or not same_tree(c.args[1], Node("num", (str(n),)))
               for n, c in enumerate(items, 1)):
            return None
    else:
        return None
    same = all(c.op == "_" and _unfont(c.args[0]).kind == "name"
               and _unfont(c.args[0]).args[0] == letter for c in items)
    return letter if same else None


def _new_marked(left: Node) -> Optional[str]:
    """``\\tilde{x}`` (in any font): a tilde or bar on a letter the notation gives no such
    mark (only \\tilde{a} and \\tilde{\\Theta} are the notation's): a new symbol."""
    node = _unfont(left)
    if node.kind != "accent" or node.op not in ("tilde", "widetilde", "bar"):
        return None
    inner = _unfont(node.args[0])
    if inner.kind == "name" and inner.args[0] not in ("a", "Theta"):
        return f"\\{node.op}{{{inner.args[0]}}}"
    return None


def _mentions(node: Node, target: Node) -> bool:
    return same_tree(node, target) or any(_mentions(c, target) for c in _children(node))


def defined_set_to_number(tree: Node) -> Optional[str]:
    """The name of a quantity the notation defines (b_h, \\hat{y}, g_j, \\Delta w_{hj}) that
    the statement sets to a number (``b_h = -1``): neither an identity nor a free
    variable's value."""
    sides = tree.args
    if len(sides) == 2 and _is_number(sides[1]) and not numbers_only(sides[0]):
        return _defined_name(sides[0])
    return None


def _defined_name(node: Node) -> Optional[str]:
    """The name of a quantity the notation defines that ``node`` is (b_h: "b", \\Delta
    w_{hj}: "Delta w"), or None."""
    if node.kind == "delta":
        inner = base_name(node.args[0]) if node.args and isinstance(node.args[0], Node) \
            else None
        return f"Delta {inner}" if inner else None
    name = base_name(node)
    return name if name is not None and QUANTITY_KIND.get(name) == "derived" else None


def defined_then_numbers(tree: Node) -> Optional[tuple[str, Node]]:
    """``b_1 = 0.5 = \\frac{1}{2}``, ``\\hat{y}_1 = f(0) = 0.5``: a quantity the notation
    defines (or \\Delta of one) given a value, as in a worked example, then numbers; (its
    name, the chain of the number sides), or None.  Like ``b_h = -1`` the first "=" is a
    special case, not an identity; the numbers after it are compared."""
    sides = tree.args
    if len(sides) < 3 or numbers_only(sides[0]) or \
            not all(numbers_only(s) for s in sides[1:]):
        return None
    name = _defined_name(sides[0])
    return None if name is None else (name, Node("chain", tuple(sides[1:]), sides[1].pos))


def value_given_in_chain(tree: Node) -> Optional[tuple[str, Optional[Node]]]:
    """``\\eta = 0.1 = \\Delta w_{hj}``, ``x_1 = 1 = g_1``: a chain in which one symbol (a
    free variable, or a quantity the notation defines) is set equal to a number next to
    it, and other sides are expressions: a worked example's values, no identity.  (The
    symbol's name, the chain of the number sides when there are two or more), or None."""
    sides = tree.args
    if len(sides) < 3 or all(numbers_only(s) for s in sides[1:]):
        return None
    for a, b in zip(sides, sides[1:]):
        for symbol, number in ((a, b), (b, a)):
            name = _defined_name(symbol) or (base_name(symbol) if _is_free_variable(symbol)
                                             else None)
            if name is not None and numbers_only(number) and not numbers_only(symbol):
                numbers = [s for s in sides if numbers_only(s)]
                return name, (Node("chain", tuple(numbers), numbers[0].pos)
                              if len(numbers) > 1 else None)
    return None


def _free_only(node: Node) -> bool:
    """Numbers and free variables (inputs, targets, parameters, the rate, new symbols)
    with arithmetic, sums and |.| only: no quantity the notation defines, no f, no
    derivative."""
    k = node.kind
    if k == "num":
        return True
    if k == "script" and node.op == "^":
        power = node.args[1]
        return _free_only(node.args[0]) and (_free_only(power) or power.kind == "name")
    if k in ("name", "script", "accent"):
        return base_name(node) is not None and _is_free_variable(node)
    if k == "sum":
        return _free_only(node.args[-1])
    if k in ("add", "neg", "group", "frac") or k == "mul" and node.op in ("cdot", ""):
        return all(_free_only(a) for a in node.args)
    return k == "func" and node.op in FUNCTIONS and all(_free_only(a) for a in node.args)


def condition_on_free_variables(tree: Node) -> bool:
    """``x_1 + x_2 = 1``, ``x_1 = x_2``, ``\\sum_j y_j = 1``: free variables only, set to a
    number or to one another, a condition on the data or the parameters (when it is
    not an identity)."""
    sides = tree.args
    if not all(_free_only(s) for s in sides) or all(numbers_only(s) for s in sides):
        return False
    return any(numbers_only(s) for s in sides) or all(base_name(s) for s in sides)


def is_update(tree: Node) -> bool:
    """X = X + \\Delta X (or X - ..., or X' = X + ...): the new value of X is assigned, no
    identity.  X is a variable (a parameter, the rate, a new symbol), never a number or a
    quantity the notation defines (e_h = e_h + 1 is a false claim, not an update)."""
    if len(tree.args) != 2 or tree.args[1].kind != "add":
        return False
    left, right = tree.args
    while left.kind == "script" and left.op == "'":
        left = left.args[0]                      # w' = w + \Delta w: the new w
    return _variable(left) and any(same_tree(left, term) for term in right.args)


def _variable(node: Node) -> bool:
    """One symbol that can be given a new value: a parameter, the rate, a new symbol, or
    \\Delta of one (never a number, a product, or a quantity the notation defines); its
    negative (the matrix notation's reading of a bias: minus a threshold)."""
    if node.kind == "delta":
        return True
    while node.kind in ("script", "accent", "neg") or (node.kind == "group" and node.op == "{"):
        node = node.args[0]
    if node.kind != "name":
        return False
    kind = QUANTITY_KIND.get(node.args[0])
    return kind != "derived" and not (node.args[0] in KNOWN and kind is None)


UPDATE = "an update: assigns the variable on the left its new value (X <- X + Delta X)"


def assigned_then_numbers(tree: Node) -> Optional[tuple[str, Node]]:
    """``\\eta = 0.1 = \\frac{1}{10}``, ``x_1 = 1 = x_2``: free variables given a value,
    with an identity between the numbers written; (the variables' names, the chain of
    the number sides, or None when only one number is written), or None."""
    sides = tree.args
    free = [s for s in sides if _is_free_variable(s)]
    numbers = [s for s in sides if s not in free]
    if not free or not numbers or not all(numbers_only(s) for s in numbers):
        return None
    names = ", ".join(sorted({base_name(s) for s in free}))
    if len(numbers) < 2:
        return names, None
    return names, Node("chain", tuple(numbers), numbers[0].pos)


def after_an_update(tree: Node) -> Optional[Node]:
    """``w = w + \\Delta w = w + \\eta g_j b_h``: the first "=" assigns a new value, the rest
    is a claim about it; the chain from the second side on, or None."""
    sides = tree.args
    if len(sides) < 3 or not is_update(Node("chain", sides[:2], tree.pos)):
        return None
    return Node("chain", tuple(sides[1:]), sides[1].pos)


def without_elided_steps(tree: Node) -> tuple[Node, bool]:
    """``g_j = ... = X``: the sides written as an ellipsis alone are steps left out; the
    chain claims its written sides equal (the tree without them, and whether any was)."""
    kept = tuple(side for side in tree.args if side.kind != "dots")
    if len(kept) == len(tree.args) or len(kept) < 2:
        return tree, False
    return Node("chain", kept, tree.pos), True


def not_a_claim(tree: Node) -> Optional[tuple[str, Optional[tuple]]]:
    """(reason, definition) when the parsed statement is not a claim, else None.
    ``definition`` is (function name, argument letter, right side) for f(x) = ..."""
    sides = tree.args
    if len(sides) < 2:
        return None
    if is_update(tree):
        return UPDATE, None
    if all(_index_arithmetic(s) for s in sides) and any(_letters_in(s) for s in sides):
        return "a condition on indices or sizes", None
    if _is_number(sides[-1]) and all(_is_free_variable(s) for s in sides[:-1]):
        names = ", ".join(sorted({base_name(s) for s in sides[:-1]}))
        return f"assigns a value to {names} (a variable of the data or the network)", None
    if len(sides) == 2:
        name = _function_definition(sides[0])
        if name is not None:
            arg = sides[0].args[1]
            letter = _unfont(arg.args[0] if arg.kind == "group" else arg).args[0]
            return (f"defines {name}({letter}) for the formulas after it in this section",
                    (name, letter, sides[1]))
        base = base_name(sides[0])
        if base is not None and base not in KNOWN and base != "e":
            return f"defines a new symbol {base!r}", None
        if _output_is_target(*sides):
            return "a condition: the output equals its target (the prediction is right)", None
        if _is_free_variable(sides[0]) and _a_value(sides[1], base):
            return f"assigns a value to {base} (a variable of the data or the network)", None
        letter = _own_components(*sides)
        if letter is not None:
            return f"names the components of a vector {letter}: a notation, not a claim", None
        marked = _new_marked(sides[0])
        if marked is not None and not _mentions(sides[1], sides[0]):
            return f"defines a new symbol '{marked}'", None
    return None


_NEW_FUNCTION = re.compile(r"^\s*(?P<name>[A-Za-z]+)\s*(?:\\left)?\(\s*[a-z]\s*"
                           r"(?:\\right)?\)\s*=(?!=)")


def new_function(text: str) -> Optional[str]:
    """``P(t) = ...``, ``sigmoid(x) = ...``: the definition of a function the notation
    does not have (f, \\sigma, \\varphi are read by :func:`not_a_claim`)."""
    m = _NEW_FUNCTION.match(text)
    if m and m.group("name") not in KNOWN and m.group("name") not in QUANTITY_KIND:
        return f"defines a new function {m.group('name')!r}"
    return None


def unreadable_definition(text: str) -> Optional[str]:
    """For a statement that cannot be parsed: the reason it is a definition of a new symbol
    (``D = \\{(0, 0, 0), ...\\}``: a data table), else None."""
    m = _BARE_DEFINITION.match(text)
    if not m:
        return None
    name = m.group("name").lstrip("\\")
    if QUANTITY_KIND.get(name) in FREE and _BOOLEAN.match(text[m.end():]):
        return f"defines {name} as a Boolean function of the inputs (the task, not an identity)"
    if name in KNOWN or name == "e" or QUANTITY_KIND.get(name) or name in SPACING or \
            name in ("therefore", "because"):           # \displaystyle = ..: no symbol
        return None
    return f"defines a new symbol {name!r}"


#: a Boolean formula of the inputs (x_1 \wedge x_2, \neg x_1, x_1 \oplus x_2)
_CONNECTIVE = r"(?:\\(?:neg|lnot|wedge|land|vee|lor|oplus)(?![A-Za-z])|[¬∧∨⊕])"
_LITERAL = (r"\s*(?:(?:\\neg|\\lnot|¬)\s*)*(?:x_\{?\d+\}?|\((?:\s|x_\{?\d+\}?|"
            + _CONNECTIVE + r")+\))\s*")
_BOOLEAN = re.compile(rf"^(?=.*(?:\\(?:neg|lnot|wedge|land|vee|lor|oplus)(?![A-Za-z])|[¬∧∨⊕]))"
                      rf"{_LITERAL}(?:(?:\\(?:wedge|land|vee|lor|oplus)(?![A-Za-z])|[∧∨⊕]){_LITERAL})*$")


_INDEX_TERM = r"(?:\d+|[a-z](?:_\{?[a-z0-9]\}?)?)"
_INDEX_CONDITION = re.compile(
    rf"^\(?\s*{_INDEX_TERM}(?:\s*[+-]\s*{_INDEX_TERM})*(?:\s*{relation_pattern(*ORDER)}\s*"
    rf"{_INDEX_TERM}(?:\s*[+-]\s*{_INDEX_TERM})*)+\s*\)?$")


def index_condition(text: str) -> bool:
    """Text such as ``1 \\le h \\le q`` or ``(0 \\leq i \\leq s_k, l = k + 1)``: relations
    between index and size letters and numbers only; or an index's whole range (``j = 1,
    2, \\dots, l``)."""
    from symnet.checker.document import INDEX_RANGE
    if INDEX_RANGE.fullmatch(text.strip()):
        return True
    parts = [p.strip() for p in text.strip().strip("()").split(",")]
    for part in parts:
        if not _INDEX_CONDITION.match(part):
            return False
        letters = re.findall(r"(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])", re.sub(r"\\[A-Za-z]+", " ", part))
        if not set(letters) <= INDEX_LETTERS:
            return False
    return True


def unit_zero(node: Node, layered: bool = False) -> Optional[str]:
    """The first symbol of section 5.3 written with unit 0 (\\theta_0, w_{10} = w_{1,0},
    v_{0h}), or None: its units are counted from 1, so unit 0 has no meaning there (a
    formula counted from 0 is not refuted for it).  A symbol with a layer (a_0^{(2)},
    the matrix notation's bias unit) is not one."""
    if node.kind == "script" and node.op == "_" and not layered:
        name = base_name(node.args[0])
        numbers = [n.args[0] for n in _nums(node.args[1])]
        if name in SINGLE_LAYER and any(d == "0" or (d.isdigit() and "0" in d and len(d) ==
                                                     SINGLE_LAYER[name] == len(numbers) + 1)
                                        for d in numbers):
            return name          # "0", or w_{10}: one digit per index
    layer = node.kind == "script" and node.op == "^" and node.args[1].kind == "group"
    for i, child in enumerate(_children(node)):
        found = unit_zero(child, layered or (layer and i == 0))
        if found:
            return found
    return None


def _nums(node: Node):
    if node.kind == "num":
        yield node
    for child in _children(node):
        yield from _nums(child)


# --- f of a number --------------------------------------------------------------------

def _children(node: Node):
    """Child nodes, also those in a matrix's rows (tuples of cells)."""
    for a in node.args:
        if isinstance(a, Node):
            yield a
        elif isinstance(a, tuple):
            yield from (c for c in a if isinstance(c, Node))


def _is_f(node: Node) -> bool:
    return node.kind == "name" and node.args[0] in FUNCTION_LETTERS


def numbers_only(node: Node) -> bool:
    """Numbers, arithmetic and f(...) of them, in scalars, vectors and matrices."""
    if node.kind == "num":
        return True
    if node.kind == "call":
        fn, arg = node.args
        return _is_f(fn) and numbers_only(arg)
    if node.kind in ("add", "neg", "group", "frac", "chain", "vector", "matrix"):
        return all(numbers_only(a) for a in _children(node))
    if node.kind == "mul":
        return node.op in ("cdot", "") and all(numbers_only(a) for a in node.args)
    if node.kind == "func":                          # \ln 3, \sqrt{2}, |x|: exact values
        return node.op in FUNCTIONS and all(numbers_only(a) for a in node.args)
    if node.kind == "script" and node.op == "^":
        base = node.args[0]
        return (numbers_only(base) or (base.kind == "name" and base.args[0] == "e")) \
            and numbers_only(node.args[1])
    return False


def has_f_of_number(node: Node) -> bool:
    """Somewhere (a scalar, a vector, a matrix cell) f is applied to numbers only."""
    if node.kind == "call" and _is_f(node.args[0]) and numbers_only(node.args[1]):
        return True
    return any(has_f_of_number(a) for a in _children(node))


def primed_function_at_number(node: Node) -> Optional[str]:
    """The function letter of a derivative of f at numbers somewhere in ``node`` (f'(0),
    f''(1), \\sigma'(0.5), in a scalar, a vector or a matrix cell), or None."""
    if node.kind == "call":
        fn = node.args[0]
        while fn.kind == "script" and fn.op == "'":
            fn = fn.args[0]
        if fn is not node.args[0] and _is_f(fn) and numbers_only(node.args[1]):
            return fn.args[0]
    return next((found for found in map(primed_function_at_number, _children(node))
                 if found is not None), None)


def _value(node: Node, functions: dict):
    k = node.kind
    if k == "num":
        return sp.Rational(node.args[0])           # "0.5" is exactly 1/2
    if k == "group":
        return _value(node.args[0], functions)
    if k == "neg":
        return -_value(node.args[0], functions)
    if k == "add":
        terms = [_value(a, functions) for a in node.args]
        if len({isinstance(t, sp.MatrixBase) for t in terms}) > 1:
            raise ValueError("a number added to a vector or matrix is not read")
        return sum(terms[1:], terms[0])
    if k == "mul":
        return _value(node.args[0], functions) * _value(node.args[1], functions)
    if k == "frac":
        return _quotient(_value(node.args[0], functions), _value(node.args[1], functions))
    if k == "script" and node.op == "^":
        base = node.args[0]
        if base.kind == "name" and base.args[0] == "e":
            return sp.exp(_scalar(node.args[1], functions))          # Euler's e
        return _power(_scalar(base, functions), _scalar(node.args[1], functions))
    if k == "func" and node.op in FUNCTIONS:       # "\\log": the base read (see LOG_BASES)
        function = functions.get("\\" + node.op, FUNCTIONS[node.op])
        args = [_not_too_long(_scalar(a, functions)) for a in node.args]
        if node.op in ("ln", "log") and _zero(args[0]):
            raise ValueError("the log of 0 has no value")
        return function(*args)
    if k == "call":
        name = node.args[0].args[0]
        if name not in functions:
            raise ValueError(f"the document does not say what {name} is")
        return functions[name](_scalar(node.args[1], functions))
    if k == "matrix":                     # its rows and columns as written
        return sp.Matrix([[_value(c, functions) for c in row] for row in node.args])
    if k == "vector":                     # a tuple (a; b) or (a, b): a vector
        return sp.Matrix([_value(c, functions) for c in _children(node)])
    raise ValueError(f"cannot evaluate {k}")


def _scalar(node: Node, functions: dict):
    """The value of ``node``, a number: a power or a function of a vector or matrix (entry
    by entry? a matrix power? a norm or a determinant, |A|?) is not read."""
    value = _value(node, functions)
    if isinstance(value, sp.MatrixBase):
        raise ValueError("a power or a function of a vector or matrix is not read (entry "
                         "by entry, a matrix power, a norm or a determinant?)")
    return value


def _quotient(a, b):
    """a / b; ValueError for a division by zero (the statement has no value), also by a
    zero written otherwise (\\ln 4 - 2\\ln 2)."""
    if _zero(b):
        raise ValueError("a division by zero")
    return a / b


def _zero(value) -> bool:
    """Whether a number is 0, exactly; ValueError where that cannot be decided."""
    if isinstance(value, sp.MatrixBase) or value == 0:
        return value == 0
    if sp.sympify(value).is_Rational:
        return False
    same = exactly_equal(value, sp.Integer(0))
    if same is None:
        raise ValueError("whether a divisor or a power's base is 0 cannot be decided")
    return same


def _power(base, exponent):
    """base ** exponent; ValueError where the reading is a convention (0 to a negative
    power, a fractional power of a negative number: (-8)^{1/3} is -2 to some readers and
    complex to others)."""
    if exponent.is_negative and _zero(base):
        raise ValueError("a division by zero")
    if base.is_negative and not exponent.is_integer:
        raise ValueError("a fractional power of a negative number (real or complex root?)")
    if not exponent.is_integer:
        _not_too_long(base)
    if _digits(base, exponent) > MOST_DIGITS:
        raise ValueError(f"a power of more than {MOST_DIGITS} digits is not computed "
                         "exactly")
    return base ** exponent


#: the most digits a power of numbers is computed to (10^{10^6} is, 10^{10^{10}} is not)
MOST_DIGITS = 2_000_000
#: the most digits of a number a root, log or other function is taken of (SymPy looks
#: for the factors of sqrt(10^{9999} + 1) for hours)
ROOT_DIGITS = 1_000


def _rational_digits(value) -> float:
    """About how many digits a fraction's numerator and denominator have together."""
    return (int(value.p).bit_length() + int(value.q).bit_length()) * 0.30103


def _not_too_long(value):
    """``value``, unless it is a fraction of more than ROOT_DIGITS digits: ValueError."""
    value = sp.sympify(value)
    if value.is_Rational and _rational_digits(value) > ROOT_DIGITS:
        raise ValueError(f"a root or function of a number of more than {ROOT_DIGITS} "
                         "digits is not computed exactly")
    return value


def _digits(base, exponent) -> float:
    """About how many digits base ** exponent has when computed exactly: a fraction's
    numerator and denominator both (0 where the base is 0 or +-1, or is no number)."""
    try:
        base = sp.sympify(base)
        if base.is_Rational and base not in (0, 1, -1):
            size = _rational_digits(base)
        else:
            size = abs(float(sp.log(abs(base), 10)))
        return 0.0 if size == 0 else size * abs(float(exponent))
    except (TypeError, ValueError, OverflowError):
        return 0.0


def exactly_equal(a, b) -> Optional[bool]:
    """Exact comparison of two numbers (or vectors of numbers): True, False, or None when
    SymPy can neither cancel the difference nor certify its sign."""
    a, b = (x[0] if isinstance(x, sp.MatrixBase) and x.shape == (1, 1) else x for x in (a, b))
    if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
        if not (isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase)) \
                or len(a) != len(b) or not (a.shape == b.shape or 1 in a.shape and 1 in b.shape):
            return False
        if a.shape != b.shape:
            return None              # a row and a column (a tuple is either): undecided
        verdicts = [exactly_equal(x, y) for x, y in zip(a, b)]
        return False if False in verdicts else (None if None in verdicts else True)
    difference = sp.sympify(a) - sp.sympify(b)
    if difference == 0:
        return True
    if difference.is_number:
        try:       # strict: evalf raises unless all 30 digits are certain (its error bound)
            if sp.N(difference, 30, strict=True) != 0:
                return False
        except (sp.core.evalf.PrecisionExhausted, TypeError, ValueError, ArithmeticError):
            pass
    try:
        difference = sp.simplify(difference)
        if difference == 0:
            return True
        zero = difference.is_zero        # decided by evalf with a certified error bound
    except (TypeError, ValueError, ArithmeticError, RecursionError):
        return None                      # too large to decide (f(10^{20})): undecided
    return None if zero is None else bool(zero)


#: the bases \\log (written without one) is also read in, between numbers: e is the
#: checker's reading everywhere else, and a statement about numbers may mean 2 or 10
LOG_BASES = (2, 10)


def base_of_log_matters(tree: Node, functions: dict, first: Optional[int]) -> bool:
    """Whether ``tree`` writes \\log without a base and the first step whose sides differ
    (``first``: :func:`compare_numbers` with \\log natural) is another with \\log in base
    2 or 10 (\\log 10 = 1 holds in base 10 only; \\log 1 = 0 and \\log 10 = 5 do not
    depend on it)."""
    if not any(x.kind == "func" and x.op == "log" for x in nodes(tree)):
        return False
    for base in LOG_BASES:
        log = (lambda b: lambda x: sp.log(x, b))(base)
        try:
            if compare_numbers(tree, {**functions, "\\log": log})[0] != first:
                return True
        except (ValueError, TypeError, ArithmeticError, RecursionError):
            return True
    return False


def compare_numbers(tree: Node, functions: dict) -> tuple[Optional[int], list]:
    """(number of the first "=" whose sides differ, or 0 when all agree, or None when
    undecided; the values)."""
    values = [_value(side, functions) for side in tree.args]
    for value in values:
        if sp.sympify(value).has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            raise ValueError("a side has no finite value (a log of 0, an infinity): "
                             "it is no number to compare")
    for n, (a, b) in enumerate(zip(values, values[1:]), 1):
        same = exactly_equal(a, b)
        if same is None:
            return None, values
        if not same:
            return n, values
    return 0, values
