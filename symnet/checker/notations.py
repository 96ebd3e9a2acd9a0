"""Which notation a formula is written in, decided from its parse tree, and :func:`check`,
which checks it there: the single-hidden-layer notation of section 5.3
(:mod:`symnet.checker.formula`, symbolic d, q, l) or the matrix notation of the multilayer
section (:mod:`symnet.checker.matrix`, at concrete layer sizes, then
:mod:`symnet.checker.symbolic_widths` for layer letters).  Section 5.3's symbols are also a
view of the matrix notation's n = 3 network (:mod:`symnet.checker.views`): with --layers
d,q,l, or when a formula mixes both vocabularies, both are read on that one model.
"""
from __future__ import annotations

from symnet.checker.formula import check_single_layer
from symnet.checker.matrix import check_matrix, side_ratio
from symnet.checker.symbols import flat_text
from symnet.checker.symbolic_widths import layer_letters, prove_symbolic
from symnet.checker.views import as_matrix_notation
from symnet.checker.parse import Node, ParseError, parse
from symnet.checker.statements import is_update
from symnet.checker.result import CheckResult, MeaningError
from symnet.checker.tree import nodes
from symnet.core.notation import MATRIX_NAMES, NOTES_NETWORK
from symnet.prove.single_layer import single_layer_model
from symnet.prove.nested import DEFAULT_MODEL

__all__ = ["check", "default_layers", "uses_matrix_notation", "CheckResult", "MeaningError",
           "ParseError", "NOTES_NETWORK"]

#: the sizes of the single-hidden-layer notation (inputs, hidden units, outputs)
SIZES = ("d", "q", "l")
#: the network a formula that mixes both notations is checked on (d, q, l)
MIXED_NETWORK = (2, 3, 2)


def uses_matrix_notation(tree: Node) -> bool:
    """Decided from the parse tree, never from the text: an \\odot, a tilde, a vector
    or matrix literal, a norm, or one of the matrix notation's own names (Theta, a, z,
    delta); a vector written with \\dots up to d, q or l is the single-layer notation's."""
    for node in nodes(tree):
        if node.kind == "mul" and node.op == "odot":
            return True
        if node.kind == "accent" and node.op in ("tilde", "widetilde"):
            return True
        if node.kind == "script" and node.op == "^" and node.args[1].kind == "group" \
                and node.args[0].kind == "script" and node.args[0].args[0].kind == "name" \
                and node.args[0].args[0].args[0] == "theta":
            return True                  # a weight theta_{ij}^{(kl)}
        if node.kind == "name" and node.args and node.args[0] in MATRIX_NAMES:
            return True
        if node.kind in ("vector", "matrix", "norm"):
            return True
        if node.kind == "vector_of" and node.args[1].args[0] not in SIZES:
            return True
    return False


def default_layers(text: str, tree: Node = None):
    """The notes' 3-4-4-3 network when the formula is in the matrix notation (then it is
    checked at those sizes), a 2-3-2 network when it mixes it with section 5.3's symbols,
    else None (the single-layer notation, symbolic sizes)."""
    tree = tree if tree is not None else parse(text)
    if not uses_matrix_notation(tree):
        return None
    mixed = as_matrix_notation(tree)[1] is not None
    return list(MIXED_NETWORK) if mixed else list(NOTES_NETWORK)


def _writes_bare_error(tree: Node) -> bool:
    """Whether ``tree`` writes E without a subscript (E, E^2; not E_k), other than
    differentiated by a matrix symbol (\\frac{\\partial E}{\\partial \\theta_{hj}^{(23)}}: the
    matrix notation's E there)."""
    skip = {id(n.args[0]) for n in nodes(tree) if n.kind == "script" and n.op == "_"}
    skip |= {id(n.args[0].args[0]) for n in nodes(tree) if n.kind == "frac" and all(
        a.kind == "partial" for a in n.args) and as_matrix_notation(n.args[1])[1] is None}
    return any(n.kind == "name" and n.args == ("E",) and id(n) not in skip
               for n in nodes(tree))


def _sums_to_a_size(tree: Node) -> bool:
    """Whether ``tree`` has a sum up to one of section 5.3's sizes (\\sum_{j=1}^{l})."""
    return any(n.kind == "sum" and isinstance(n.args[1], Node) and n.args[1].kind == "name"
               and n.args[1].args[0] in SIZES for n in nodes(tree))


def _size_letters(tree: Node) -> set:
    """The sizes d, q, l that the formula names (a sum up to q, a list up to l)."""
    return {node.args[0] for node in nodes(tree)
            if node.kind == "name" and node.args and node.args[0] in SIZES}


def check(text: str, layers=None, diagnose_steps: bool = True, activation=None,
          loss: str = "squared", tree: Node = None, from_one=None,
          model: tuple = DEFAULT_MODEL) -> CheckResult:
    """Parse (unless ``tree`` is given) and check every "=" of ``text``: in the matrix
    notation at ``layers`` (a list of layer sizes) when given, else where the formula says
    (:func:`default_layers`).  A formula with layer letters that holds at ``layers`` for
    every k is then proved for symbolic widths where :func:`prove_symbolic` can, and
    ``sizes`` says which.  ``activation`` (a registry function, default the sigmoid) and
    ``loss`` ("squared", "cross-entropy") are the network's; the matrix notation is read
    with the sigmoid and the squared error only.  A formula that mixes both notations
    without --layers is read at 2-3-2 and its ``sizes`` say so; one that also names d, q
    or l is refused (it ranges over every size).  ParseError / MeaningError on what
    cannot be read.  ``diagnose_steps=False``: the verdict only (a refuted step still gets
    its counterexample, since a refutation needs values that differ).  ``from_one``: the
    tree was rewritten from another author's notation (:mod:`symnet.checker.translate`)
    into the matrix notation, and these index letters count from 1; ``model``: the
    network's settings that notation's file and directives give (activation, loss,
    output units, biases, an L2 term), the matrix notation's network."""
    from symnet.core.registry import sigmoid
    tree = tree if tree is not None else parse(text)
    if is_update(tree):
        raise MeaningError("an update (the new value of X is X + ...), not an equation", 0)
    activation = activation or sigmoid
    default = (activation, loss) == (sigmoid, "squared")
    chosen = layers is None
    if chosen:
        layers = default_layers(text, tree) if from_one is None else list(NOTES_NETWORK)
    if layers is not None:
        if not default:
            raise MeaningError(f"the matrix notation is read with the sigmoid and the "
                               f"squared error only (here f = {activation.__name__}, "
                               f"{loss} loss)", 0)
        result = _check_in_matrix_notation(text, tree, layers, chosen, diagnose_steps,
                                           from_one, model)
    elif from_one is not None:
        raise MeaningError("it is not in the matrix notation once rewritten", 0)
    else:
        # the table of wrong variants is the sigmoid's: another f is refuted by its
        # counterexample alone
        result = check_single_layer(tree, diagnose_steps and default,
                                    single_layer_model(activation, loss))
        if default:
            _both_views_agree(text, tree, result)
        else:
            result.notation = result.notation.replace(
                "(symbolic d, q, l)", f"(symbolic d, q, l; f = {activation.__name__}, {loss} loss)")
    result.text = text
    return result


def _check_in_matrix_notation(text: str, tree: Node, layers, chosen: bool,
                              diagnose_steps: bool, counted=None,
                              model: tuple = DEFAULT_MODEL) -> CheckResult:
    """The matrix notation at ``layers`` (``chosen``: picked by :func:`default_layers`, not
    the user); section 5.3's symbols read as its 3-layer network's quantities; a formula
    with layer letters that holds is then proved for symbolic widths where it can be, and
    ``sizes`` says which sizes the verdict covers."""
    sized = _size_letters(tree)
    written = tree
    tree, from_one = as_matrix_notation(tree)
    if (from_one is not None or _sums_to_a_size(written)) and _writes_bare_error(written):
        raise MeaningError("E alone is section 5.3's accumulated error (1/m sum_k E_k) and "
                           "the matrix notation's error of one example: beside section "
                           "5.3's symbols write E_k for one example's", 0)
    if chosen and from_one is not None and sized:
        raise MeaningError("it mixes section 5.3's symbols with the matrix notation and "
                           "ranges over every size (d, q, l): the matrix symbols fix the "
                           "sizes; check it at given sizes with --layers d,q,l", 0)
    if from_one is not None and len(layers) != 3:
        raise MeaningError("section 5.3's symbols (w_{hj}, b_h, g_j, ...) name a network "
                           "of 3 layers: use --layers d,q,l", 0)
    result = check_matrix(text, layers, tree, diagnose_steps, from_one or counted or (),
                          model)
    if diagnose_steps and from_one is None and counted is None and not result.holds:
        _name_by_mutants(text, tree, layers, result)
    if chosen and from_one is None and counted is None and not result.holds:
        _refuted_at_another_depth(text, tree, layers)
    hidden = _pair_activation(model)
    if result.holds and layer_letters(tree):
        proved, what = prove_symbolic(tree, hidden) if hidden is not None else \
            (False, "no symbolic-width proof in this model")
        if proved:
            result.sizes = f"{what}; also at {result.sizes}"
            result.notation = result.notation.replace("concrete sizes", "symbolic widths")
        else:           # at concrete widths only: at two networks, every width moved
            if chosen:
                _holds_at_other_widths(text, tree, layers, from_one or counted or (), model)
                result.sizes += f"; also at {','.join(map(str, other_widths(layers)))}"
            result.sizes = f"{result.sizes} (at these sizes only: {what})"
    if chosen and from_one is not None:
        result.sizes = f"d, q, l = {', '.join(map(str, layers))} only"
    return result


def _name_by_mutants(text: str, tree: Node, layers, result: CheckResult) -> None:
    """The book's matrix notation: the refuted steps the reader left unnamed (no simple
    variant, shapes only) named by the table of mutations (:mod:`symnet.checker.variants`),
    each mutant compared exactly at ``layers`` as the formula was; the sides' exact ratio,
    f'(z^{(k)}) of the layers written and the tilde are the notation's part of it."""
    from symnet.checker.formula import DIAGNOSIS_SECONDS
    from symnet.checker.variants import Written, name_steps

    def holds(mutant: Node, spec) -> bool:
        try:
            return check_matrix(text, layers, mutant, False, ()).holds
        except (MeaningError, ParseError, ValueError, TypeError, ArithmeticError,
                RecursionError):
            return False
    w = Written(tree, text, frozenset({"f", "sigma"}), DEFAULT_MODEL,
                ratio=side_ratio(layers, tree), vocabulary=_layer_derivatives(tree),
                times="odot", accents=(("tilde", ("a", "Theta")),))
    name_steps(result.steps, w, holds, DIAGNOSIS_SECONDS)


def _layer_derivatives(tree: Node) -> tuple:
    """f'(z^{(k)}) for each layer (k) the formula writes (one digit or letter): the
    factors a formula of the matrix notation may have lost."""
    found = []
    for node in nodes(tree):
        sup = node.args[1] if node.kind == "script" and node.op == "^" else None
        inner = sup.args[0] if sup is not None and sup.kind == "group" and sup.op == "(" \
            and sup.args else None
        if isinstance(inner, Node) and inner.kind in ("num", "name") \
                and len(inner.args[0]) == 1 and inner.args[0] not in found:
            found.append(inner.args[0])
    return tuple(parse(f"X = f'(z^{{({k})}})").args[1] for k in sorted(found))


def _pair_activation(spec):
    """The activation the symbolic-width proof reads the model's layers with, or None
    when it cannot: it knows every layer to share one f, with thresholds and no term of
    the error that depends on the weights directly (no L2 term)."""
    from symnet.core.registry import model_activation
    activation, _, output, bias, l2 = spec
    if output not in (None, activation) or not bias or l2:
        return None
    return model_activation(activation).function


def output_depth(tree: Node):
    """The highest layer named by a digit (a^{(3)}, \\Theta^{(23)}) in a formula that also
    names the output (y, \\hat{y}, E), or None: such a formula may be written for a network
    whose output is that layer."""
    digits, output = [], False
    for node in nodes(tree):
        if node.kind == "name" and node.args and node.args[0] in ("y", "E"):
            output = True
        if node.kind == "script" and node.op == "^" and node.args[1].kind == "group":
            text = flat_text(node.args[1].args[0]) if node.args[1].args else None
            digits += [int(c) for c in text or "" if c.isdigit()]
    return max(digits) if output and digits else None


def _refuted_at_another_depth(text: str, tree: Node, layers) -> None:
    """A formula refuted at the network the checker chose (the notes' 3-4-4-3) that names
    the output with a lower digit layer (\\delta^{(3)} = (a^{(3)} - y) \\odot f'(z^{(3)})
    is written for a 3-layer network): MeaningError when it holds at that depth, since its
    verdict then depends on a depth the formula does not say."""
    depth = output_depth(tree)
    if depth is None or not 2 <= depth < len(layers):
        return
    shallower = list(layers[:depth - 1]) + [layers[-1]]
    try:
        other = check_matrix(text, shallower, tree, False, ())
    except (MeaningError, ParseError):
        return
    if other.holds:
        raise MeaningError(f"the verdict depends on the network's depth: it holds when layer "
                           f"{depth} is the output (at {','.join(map(str, shallower))}) and is "
                           f"refuted at {','.join(map(str, layers))}; give the sizes with "
                           f"--layers", 0)


def other_widths(layers) -> list:
    """The network of ``layers``' depth with every width moved by one (3,4,4,3 -> 2,5,3,4):
    no two neighbouring layers keep equal widths, so a sum whose bound is a number or
    another layer's width (s_1 for s_n) is caught there."""
    return [s + 1 if n % 2 or s < 2 else s - 1 for n, s in enumerate(layers)]


def _holds_at_other_widths(text: str, tree: Node, layers, counted, model) -> None:
    """A formula with layer letters that holds at the network the checker chose is checked
    again at :func:`other_widths`: MeaningError when it is refuted or not read there (it
    holds at these widths only: E = 1/2 sum_{j=1}^{s_1} (a_j^{(n)} - y_j)^2 at 3,4,4,3)."""
    other = other_widths(layers)
    try:
        again = check_matrix(text, other, tree, False, counted, model)
    except (MeaningError, ParseError) as exc:
        again = exc
    if not isinstance(again, CheckResult) or not again.holds:
        raise MeaningError(f"the verdict depends on the widths: it holds at "
                           f"{','.join(map(str, layers))} and "
                           f"{'is refuted' if isinstance(again, CheckResult) else 'is not read'}"
                           f" at {','.join(map(str, other))}; give the sizes with --layers", 0)


def _both_views_agree(text: str, tree: Node, result: CheckResult) -> None:
    """Section 5.3's formula read a second time, as the matrix notation's 2-3-2 network
    (views.py): where that reading understands it, its verdict must be the same, or the
    formula is not checked (a false "holds" would need both readings wrong).  ``sizes``
    says when the second reading agreed."""
    matrix_tree, from_one = as_matrix_notation(tree)
    if from_one is None:
        return
    try:
        other = check_matrix(text, list(MIXED_NETWORK), matrix_tree, False, from_one)
    except (MeaningError, ParseError):
        return                                  # the matrix view does not read it
    if other.holds != result.holds:
        said = {True: "holds", False: "refuted"}
        raise MeaningError(f"the two readings disagree: symbolic d, q, l says "
                           f"{said[result.holds]}, the 2-3-2 matrix network "
                           f"{said[other.holds]}", 0)
    result.sizes += f"; the matrix view agrees at {other.sizes}"
