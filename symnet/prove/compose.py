"""A generated kernel proved in two parts: its structure once for every activation and
loss, its elementwise helpers once per activation and loss.

A generated module reaches the activation and the loss through four functions only:
``_f(Z)``, ``_fprime(A, Z)``, ``_output_delta(A, Z, Y)``, ``_loss_terms(A, Z, Y)`` (and,
for a softmax output, ``_softmax(Z)``, ``_softmax_loss(Z, Y)``); the rest (the layer loop,
the matrix products, the transposes, the thresholds' -1 input, the batch mean) is the same
text for every row.  So the proof is split (:func:`prove_composed`):

1. **Structure** (:func:`prove_structure`).  The module's own ``loss_and_grad`` is run on
   symbols through the shims (:mod:`symnet.prove.shims`) with those four functions
   replaced by opaque ones: ``_f(z)`` is f(z), an undefined function (the registry's
   :class:`~symnet.core.registry.f`, whose derivative is the undefined f'(z)); the others
   are undefined functions of exactly the arguments the module passes.  An opaque call
   then means what the helper proof below shows the real helper computes, *only when its
   output argument is f of its input argument* (``_fprime(A, Z)`` with A = f(Z)):
   _fprime(f(z), z) = f'(z), _output_delta(f(z), z, y) = l_a(f(z), y) f'(z),
   _loss_terms(f(z), z, y) = l(f(z), y), with l(a, y) an undefined loss term and l_a its
   partial derivative in a.  A call with any other arguments (the A of another layer, a
   transposed Z) stays opaque, and the entry then differs.  The derived side is
   ``sp.diff`` of the nested definition E = (1/m) sum_n sum_j l(f(z_nj), y_nj) with the
   same f and l (the chain rule through undefined functions), never the module's formulas.
   Every application of f, f', l, l_a (arguments expanded, so equal arguments give the
   same atom) becomes a symbol; both sides are then polynomials in the weights, inputs,
   targets and these atoms, and each entry's difference is expanded (SymEngine) to
   exactly 0.  A polynomial identity in the atoms holds for every function f and every
   loss term l, so the one proof covers every activation and every loss whose module has
   this text; the identity activation's module calls no ``_fprime`` (the template's
   f' = 1 branch), and its structure is proved with f'(z) = 1 on both sides.
2. **Helpers** (:func:`prove_helpers`), per module: each registry helper ``_<row>(Z)`` the
   module defines equals the row's definition; ``_f(z)`` equals the activation's
   definition; ``_fprime(_f(z), z)`` equals ``sp.diff`` of the definition;
   ``_loss_terms(_f(z), z, y)`` equals the loss term of the definition (for
   cross-entropy the logit form softplus(z) - y z, which the catalog claim
   kernel-stable-cross-entropy proves equal to it); ``_output_delta(_f(z), z, y)`` equals
   ``sp.diff`` of that term in z.  Each is an identity in one z (and y), run through the
   shims as written, compared as :mod:`symnet.prove.kernel` compares entries (kinks as
   0/1 indicators on every sign region, the module's f'(0) against the registry's
   convention; GELU's Phi in its erf form).

Two modules whose text differs only in those helpers (and in the docstrings, ACTIVATION,
LOSS and ``init_params``, which ``loss_and_grad`` never runs) share the structural proof:
:func:`skeleton` is the module's syntax tree without them, and a structural run refuses a
module whose remaining code calls a registry helper directly.

A softmax output (softmax-cross-entropy): the hidden layers' f is undefined as above,
the output layer (``_softmax``, ``_softmax_loss``, ``_output_delta`` = A - Y, numba's
loops) is run as written and kept in the skeleton; both sides are rational functions of
the atoms (an exponential e^p split along the monomials of p, so e^(z - t) = e^z e^-t),
compared by clearing the sums in denominators; each row maximum the module subtracts is a
free shift t, the loss's derivative in each t must be exactly 0 and at t = 0 it must equal
the nested loss (ln(e^z_j / S) written z_j - ln S, both positive); a row's targets sum to
1 (the last one 1 - the others, on both sides), which the module's delta a - y needs.
"""
from __future__ import annotations

import ast
import hashlib
import time
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from symnet.core.registry import f as F, fprime as FP
from symnet.prove.shims import Unsupported, load
from symnet.prove.shims.arrays import array, each


class loss_term(sp.Function):
    """l(a, y): an arbitrary loss term of one output a and its target y."""

    nargs = 2

    def fdiff(self, argindex=1):
        if argindex != 1:
            raise ValueError("the targets are not differentiated")
        return loss_slope(*self.args)


class loss_slope(sp.Function):
    """l_a(a, y) = dl/da, of an arbitrary loss term."""

    nargs = 2


class module_fprime(sp.Function):
    """The module's ``_fprime(A, Z)``, opaque."""

    nargs = 2


class module_output_delta(sp.Function):
    """The module's ``_output_delta(A, Z, Y)``, opaque."""

    nargs = 3


class module_loss_terms(sp.Function):
    """The module's ``_loss_terms(A, Z, Y)``, opaque."""

    nargs = 3


#: the helpers replaced by opaque functions in the structural run
OPAQUE = {"_f": lambda z: F(z), "_fprime": module_fprime,
          "_output_delta": module_output_delta, "_loss_terms": module_loss_terms}

STRUCTURE_METHOD = (
    "symbolic execution in two parts: the structure proved once for every activation and "
    "loss: the module's own loss_and_grad "
    "run on SymPy object arrays with _f = an undefined f, _fprime, _output_delta, "
    "_loss_terms opaque functions of the arguments the module passes, read as f'(z), "
    "l_a(f(z), y) f'(z), l(f(z), y) only where their output argument is f(z) of their "
    "input z; compared with sp.diff of the nested loss (1/m) sum l(f(z), y) (undefined f, "
    "l); every application of f, f', l, l_a an atom (arguments expanded), each entry's "
    "difference expanded to exactly 0 as a polynomial in weights, inputs, targets and atoms")

SOFTMAX_METHOD = (
    "; softmax output run as written (not opaque): compared as rational functions of the "
    "atoms (each e^p split along p's monomials; sums in denominators cleared), each row "
    "maximum a free shift t (the loss's derivative in t exactly 0, at t = 0 the nested "
    "loss with ln(e^z/S) = z - ln S), a row's targets summing to 1")

HELPER_METHOD = (
    "helpers proved per activation and loss: each registry helper _<row>(Z) the module "
    "defines = the row's definition, _f(z) = the definition, _fprime(_f(z), z) = sp.diff "
    "of it, _loss_terms(_f(z), z, y) = the loss term (cross-entropy: its logit form, claim "
    "kernel-stable-cross-entropy), _output_delta(_f(z), z, y) = sp.diff of the term in z; "
    "run through the shims as written, exact")


@dataclass
class ComposedProof:
    """The structural and helper proofs of one module (``first``: the first failure named;
    None: proved).  ``shared``: the structural proof was that of an earlier module with the
    same skeleton."""

    sizes: tuple
    activation: str
    loss: str
    batches: tuple
    backend: str
    entries: int = 0
    helpers: list = field(default_factory=list)
    first: str | None = None
    seconds: float = 0.0
    shared: bool = False
    method: str = ""

    @property
    def ok(self) -> bool:
        return self.first is None and self.entries > 0


# -- the skeleton -------------------------------------------------------------------------

def _helper_names() -> set:
    from symnet.core.registry import ACTIVATIONS
    return {f"_{name}" for name in ACTIVATIONS} | {"_step"} | set(OPAQUE)


def _docstring_free(node):
    """``node`` without the docstrings of its functions (they are not run)."""
    for sub in ast.walk(node):
        body = getattr(sub, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            sub.body = body[1:] or [ast.Pass()]
    return node


def skeleton(text, softmax: bool = False) -> str:
    """The module's syntax tree without what the structural proof does not run: the
    helpers (replaced or reached only through them), assignments to their names,
    ACTIVATION, LOSS, ``init_params`` and every docstring.  A softmax module's
    ``_output_delta`` and ``_loss_terms`` are run as written, and kept."""
    drop = _helper_names() | {"ACTIVATION", "LOSS", "init_params"}
    if softmax:
        drop -= {"_output_delta", "_loss_terms"}
    tree = _parsed(text)
    kept = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in drop:
            continue
        if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id in drop
                                                for t in node.targets):
            continue
        kept.append(node)
    return ast.dump(ast.Module(body=kept, type_ignores=[]))


# -- the structural proof ----------------------------------------------------------------

def _forbidden(name):
    def call(*_):
        raise Unsupported(f"the module's structure calls the helper {name} directly (not "
                          "through _f, _fprime, _output_delta, _loss_terms): no structural "
                          "proof shared across activations")
    return call


def _opaque(module, softmax: bool = False) -> None:
    """Replace the module's helpers by opaque functions (elementwise on arrays, one entry
    on a number as numba's loops call them); a softmax module keeps its output layer's
    (``_output_delta``, ``_loss_terms``) as written."""
    from symnet.core.registry import ACTIVATIONS
    for name in list(ACTIVATIONS) + ["step"]:
        if f"_{name}" in module.__dict__:
            module.__dict__[f"_{name}"] = _forbidden(f"_{name}")
    for name, fn in OPAQUE.items():
        if not (softmax and name in ("_output_delta", "_loss_terms")):
            module.__dict__[name] = each(fn)


def _meaning(fprime_one: bool):
    """The opaque calls read as what the helper proofs show (only with A = f(Z))."""
    def derivative(z):
        return sp.S.One if fprime_one else FP(z)

    def read(e):
        a, z = e.args[0], e.args[1]
        if a != F(z):
            return e
        if isinstance(e, module_fprime):
            return derivative(z)
        if isinstance(e, module_output_delta):
            return loss_slope(a, e.args[2]) * derivative(z)
        return loss_term(a, e.args[2])
    return read


OPAQUE_CALLS = (module_fprime, module_output_delta, module_loss_terms)


def _resolve(expr, fprime_one):
    """``expr`` with every opaque call read (:func:`_meaning`)."""
    return sp.sympify(expr).replace(lambda e: isinstance(e, OPAQUE_CALLS),
                                    _meaning(fprime_one))


def derived_abstract(sizes, params, X, Y, fprime_one: bool, softmax: bool = False) -> tuple:
    """(E, grads): E = (1/m) sum_n sum_j l(f(z_nj), y_nj) of the nested forward pass
    z = a @ W[1:] - W[0], a = f(z) (a^(1) = x), f and l undefined; grads by ``sp.diff``
    (f'(z) = 1 when ``fprime_one``: the identity's structure).  ``softmax``: the output
    layer is the softmax by its definition e^z_j / sum_i e^z_i and the loss the registry's
    -y ln a (f still undefined in the hidden layers)."""
    key = (tuple(sizes), X.shape[0], softmax)
    if key not in _DERIVED:
        if len(_DERIVED) >= 8:
            _DERIVED.pop(next(iter(_DERIVED)))
        E = nested_loss(params, X, Y, softmax)
        _DERIVED[key] = E, [np.frompyfunc(lambda w: sp.diff(E, w), 1, 1)(W) for W in params]
    E, grads = _DERIVED[key]
    if fprime_one:
        grads = [np.frompyfunc(unit_slope, 1, 1)(g) for g in grads]
    return E, grads


def unit_slope(expr):
    """``expr`` with every f'(z) written 1 (the identity's structure)."""
    return expr.replace(lambda e: isinstance(e, FP), lambda e: sp.S.One)


def nested_loss(params, X, Y, softmax: bool = False):
    """E = (1/m) sum_n sum_j l(f(z_nj), y_nj) of the nested forward pass (see
    :func:`derived_abstract`); each z_nj = sum_i a_ni w_(i+1)j - w_0j is one SymPy sum of
    its terms."""
    from symnet.core.registry import LOSSES
    m = X.shape[0]
    A = X
    for k, W in enumerate(params):
        Z = np.array([[sp.Add(*(a * w for a, w in zip(A[n], W[1:, j]))) - W[0, j]
                       for j in range(W.shape[1])] for n in range(m)], dtype=object)
        if softmax and k == len(params) - 1:
            powers = np.frompyfunc(sp.exp, 1, 1)(Z)
            A = powers / powers.sum(axis=1, keepdims=True)
        else:
            A = np.frompyfunc(F, 1, 1)(Z)
    term = LOSSES["softmax-cross-entropy"].term if softmax else loss_term
    E = sp.Add(*(term(A[n, j], Y[n, j]) for n in range(m) for j in range(A.shape[1]))) / m
    if softmax:
        E = _log_of_exponentials(E)       # -y ln(e^z_j / S) = -y (z_j - ln S), exactly
    return E


#: the derived side by (sizes, batch size, softmax): the symbols of the proof are the same
#: for every module of those sizes (the backends of a grid share it)
_DERIVED: dict = {}


def _log_of_exponentials(value):
    """The derived side's ln(e^z_j / S) written z_j - ln S (force: every argument there is
    a positive quotient of exponentials and sums of them, z real)."""
    return _log_of_exponential(sp.expand_log(value, force=True))


def _log_of_exponential(value):
    """ln(e^p) written p (p real); nothing else (a module's logarithms are not split)."""
    return value.replace(lambda e: isinstance(e, sp.log) and isinstance(e.args[0], sp.exp),
                         lambda e: e.args[0].args[0])


class Atoms:
    """Every application of a function as one SymEngine symbol (its arguments expanded
    first, so two applications to the same polynomial are one atom), the rest of the
    expression rebuilt in SymEngine.  An exponential e^p (a softmax output) is split along
    the terms of its expanded argument, e^(c_1 m_1 + c_2 m_2 + ...) = X_1^c_1 X_2^c_2 ...
    with one atom X_i = e^(m_i) per monomial m_i (integer c_i; an exact identity), so that
    e^(z - t) is e^z e^-t; a logarithm is an atom of its expanded argument."""

    def __init__(self, read=None, targets=None):
        import symengine
        self.se = symengine
        self.table: dict = {}
        self.memo: dict = {}
        self.read = read            # the meaning of an opaque call (see _meaning)
        self.targets = targets or {}       # symbol -> what it stands for (a softmax row's
        #                                    last target, 1 - the others)

    def _atom(self, key):
        if key not in self.table:
            self.table[key] = self.se.Symbol(f"atom__{len(self.table)}")
        return self.table[key]

    def _exp(self, argument):
        se = self.se
        expanded = se.expand(self(argument))
        factors = []
        for monomial, coefficient in sorted(expanded.as_coefficients_dict().items(),
                                            key=str):
            coefficient = se.sympify(coefficient)
            if not coefficient.is_integer:
                return self._atom(("exp", expanded))
            factors.append(self._atom(("exp", monomial)) ** int(coefficient))
        return se.Mul(*factors)

    def __call__(self, expr):
        done = self.memo.get(expr)
        if done is not None:
            return done
        se = self.se
        if isinstance(expr, sp.Symbol):
            if type(expr) is not sp.Symbol:        # SymEngine knows a symbol by its name
                raise Unsupported(f"the {type(expr).__name__} {expr} has no atom form here")
            done = self(self.targets[expr]) if expr in self.targets else se.Symbol(expr.name)
        elif expr.is_Rational:
            done = se.Integer(expr.p) / se.Integer(expr.q)
        elif isinstance(expr, sp.exp):
            done = self._exp(expr.args[0])
        elif isinstance(expr, OPAQUE_CALLS) and self.read is not None \
                and self.read(expr) is not expr:
            done = self(self.read(expr))
        elif isinstance(expr, sp.Function):
            done = self._atom((expr.func, tuple(se.expand(self(a)) for a in expr.args)))
        elif expr.is_Add:
            done = se.Add(*(self(a) for a in expr.args))
        elif expr.is_Mul:
            done = se.Mul(*(self(a) for a in expr.args))
        elif expr.is_Pow and expr.exp.is_Integer:
            done = self(expr.base) ** int(expr.exp)
        else:
            raise Unsupported(f"{type(expr).__name__} has no atom form here")
        self.memo[expr] = done
        return done

    def zero(self, parts) -> bool:
        """got - want is exactly 0 as a polynomial in the atoms."""
        got, want = parts
        return self.se.expand(self(got) - self(want)) == 0

    def rational_zero(self, parts) -> bool:
        """got - want is exactly 0 as a rational function of the atoms.  Every power
        B^-k of a sum is written M^-k U^k, M the monomial common to B's terms (least
        exponent of each atom, so e^-t (sum e^z) and sum e^z share U) and U a symbol for
        1/B', B' = B/M; the difference, a Laurent polynomial in the atoms and the U's, is
        multiplied by B'^K for each U (K its highest power) with U = 1/B', and the product,
        a polynomial, expands to 0.  (Rational functions have no zero divisors, and no B'
        is the zero polynomial: so the difference is 0.)"""
        se = self.se
        difference = se.expand(self(parts[0]) - self(parts[1]))
        if difference == 0:
            return True
        inverses: dict = {}
        laurent = se.expand(self._inverted(difference, inverses, {}))
        highest = {u: 0 for u in inverses.values()}
        for monomial in laurent.as_coefficients_dict():
            for base, power in monomial.as_powers_dict().items():
                if base in highest:
                    highest[base] = max(highest[base], int(power))
        polynomial = laurent * se.Mul(*(u ** -k for u, k in highest.items()))
        back = {u: b for b, u in inverses.items()}
        return se.expand(se.expand(polynomial).subs({u: 1 / back[u] for u in highest})) == 0

    def _inverted(self, expr, inverses, memo):
        """``expr`` with every B^-k (B a sum) written M^-k U^k (see :meth:`rational_zero`)."""
        se = self.se
        done = memo.get(expr)
        if done is not None:
            return done
        if isinstance(expr, se.Pow) and expr.args[1].is_integer and expr.args[1] < 0:
            base = se.expand(self._inverted(expr.args[0], inverses, memo))
            if isinstance(base, se.Add):
                common, reduced = _content(se, base)
                if reduced not in inverses:
                    inverses[reduced] = se.Symbol(f"inverse__{len(inverses)}")
                k = -int(expr.args[1])
                done = common ** -k * inverses[reduced] ** k
            else:
                done = base ** expr.args[1]
        elif expr.args:
            done = expr.func(*(self._inverted(a, inverses, memo) for a in expr.args))
        else:
            done = expr
        memo[expr] = done
        return done


def _content(se, total):
    """(M, total / M): M the monomial of the least exponent of each symbol over the
    terms of the sum ``total`` (exponents may be negative)."""
    powers = [{b: int(e) for b, e in term.as_powers_dict().items() if isinstance(b, se.Symbol)}
              for term in total.args]
    symbols = set().union(*powers)
    common = se.Mul(*(s ** min(p.get(s, 0) for p in powers) for s in sorted(symbols, key=str)))
    return common, se.expand(total / common)


def _floats_exact(expr):
    from symnet.prove.kernel import _exact
    return _exact(sp.sympify(expr))


def _softmax_value(value, wanted_value, atoms, m):
    """A softmax module's loss: its derivative in each shift t exactly 0 (it is constant
    in t), then at t = 0 equal to the nested loss; the failure named, or None."""
    from symnet.prove.shims.arrays import is_shift
    shifts = sorted((x for x in value.free_symbols if is_shift(x)), key=str)
    for t in shifts:
        if not atoms.rational_zero((sp.diff(value, t), sp.S.Zero)):
            return (f"the loss at batch size {m} depends on the shift {t} (a row maximum): "
                    f"the module computes {sp.sstr(value)[:120]}")
    value = _log_of_exponential(value.xreplace({t: 0 for t in shifts}))
    if not atoms.rational_zero((value, _log_of_exponentials(wanted_value))):
        return f"the loss at batch size {m}: the module computes {sp.sstr(value)[:120]}"
    return None


def prove_structure(text: str, batches=(1, 2), fprime_one: bool = False,
                    softmax: bool = False) -> tuple:
    """(entries, first): the structural proof (see the module docstring) at each batch
    size; ``first`` names the first entry that differs (None: all equal).  ``softmax``:
    the output layer run as written, compared as rational functions of the atoms, a row's
    targets summing to 1 (its last target 1 - the others, on both sides), each row
    maximum a free shift (see :mod:`symnet.prove.kernel`)."""
    from symnet.prove.kernel import _MEMO, _symbols
    _MEMO.clear()
    module, _ = load(text)
    _opaque(module, softmax)
    sizes = tuple(module.SIZES)
    entries = 0
    for m in batches:
        params, X, Y = _symbols(sizes, m)
        value, grads = module.loss_and_grad(params, X, Y)
        wanted_value, wanted = derived_abstract(sizes, params, X, Y, fprime_one, softmax)
        targets = ({Y[n, -1]: 1 - sp.Add(*Y[n, :-1]) for n in range(m)} if softmax else {})
        atoms = Atoms(_meaning(fprime_one), targets)
        equal = atoms.rational_zero if softmax else atoms.zero
        for k, (got, want) in enumerate(zip(grads, wanted)):
            for (r, c), entry in np.ndenumerate(np.asarray(got, dtype=object)):
                entries += 1
                entry = _floats_exact(entry)
                if not equal((entry, want[r, c])):
                    entry = _resolve(entry, fprime_one)
                    return entries, (f"grads[{k}][{r}, {c}] at batch size {m}: the module "
                                     f"computes {sp.sstr(entry)[:120]}")
        first = loss_difference(value, wanted_value, atoms, m, fprime_one, softmax)
        if first is not None:
            return entries, first
    return entries, None


def loss_difference(value, wanted_value, atoms, m, fprime_one, softmax,
                    show=None) -> str | None:
    """The module's loss ``value`` against the nested one: None when equal (a softmax
    module's through its shifts, :func:`_softmax_value`), else the difference named
    (``show``: how the value is written, by default its first 120 characters)."""
    value = _floats_exact(value)
    if softmax:
        return _softmax_value(_resolve(value, fprime_one), wanted_value, atoms, m)
    if atoms.zero((value, wanted_value)):           # the atoms read the opaque calls
        return None
    shown = show(value) if show else sp.sstr(_resolve(value, fprime_one))[:120]
    return f"the loss at batch size {m}: the module computes {shown}"


# -- the helper proofs -------------------------------------------------------------------

def _caller(module, backend):
    """Call a module helper on scalars: numba's take one number, the others a 1 x 1
    array (the first entry of the result read)."""
    def call(name, *args):
        fn = module.__dict__[name]
        if backend == "numba":
            return sp.sympify(fn(*args))
        out = fn(*(array([[a]]) for a in args))
        return sp.sympify(np.asarray(out, dtype=object).flat[0])
    return call


def _same(activation):
    """A comparison of a helper's value with the wanted one, as kernel.py compares
    entries: floats read exactly, erf form, indicators on every sign region for a kink."""
    from symnet.prove.kernel import (SignRegions, _equal, _erf_form, _exact, _uses_erf,
                                     has_kink, indicators)
    kink, special = has_kink(activation), _uses_erf(activation)

    def same(got, want):
        got, want = _exact(sp.sympify(got)), sp.sympify(want)
        if special:
            got, want = _erf_form(got), _erf_form(want)
        if kink or got.has(sp.Piecewise, sp.Heaviside) or want.has(sp.Piecewise,
                                                                   sp.Heaviside):
            regions = SignRegions()
            got, want = indicators(got), indicators(want)
            return regions.equal(got, want) or _equal(regions.multilinear(got, False),
                                                      regions.multilinear(want, False))
        return _equal(got, want)
    return same


def _helper_wanted(activation, loss, z, y) -> list:
    """(helper, wanted value, its arguments) of the module's helpers in order; the wanted
    values from the registry rows' definitions, derivatives by ``sp.diff``."""
    from symnet.core.registry import activation as row, loss as loss_row
    act, los = row(activation), loss_row(loss)
    definition = act.function.definition(z)
    term = los.term(definition, y)
    value = los.logit_term(z, y) if los.logit_term is not None else term
    if los.logit_term is not None:
        from symnet.prove.model import ExpressionModel
        value = ExpressionModel().unfold(value)
    wanted = [("_f", definition, (z,))]
    wanted.append(("_fprime", sp.diff(definition, z), ("f", z)))
    if not los.softmax:
        wanted.append(("_loss_terms", value, ("f", z, y)))
        wanted.append(("_output_delta", sp.diff(term, z), ("f", z, y)))
    return wanted


def prove_helpers(text: str) -> tuple:
    """(names proved, first failure named or None): the helper proofs of one module."""
    from symnet.core.registry import ACTIVATIONS
    from symnet.prove.kernel import _MEMO, _kink_convention, has_kink
    _MEMO.clear()
    module, backend = load(text)
    activation, loss = module.ACTIVATION, module.LOSS
    call = _caller(module, backend)
    z, y = sp.Symbol("z", real=True), sp.Symbol("y", real=True)
    proved = []
    for name, row in ACTIVATIONS.items():        # the registry helpers the module defines
        if f"_{name}" in module.__dict__:
            same = _same(name)
            got = call(f"_{name}", z)
            if not same(got, row.function.definition(z)):
                return proved, (f"helper _{name}(Z): the module computes "
                                f"{sp.sstr(got)[:120]}, the {name} row's definition is "
                                f"{sp.sstr(row.function.definition(z))}")
            proved.append(f"_{name}")
    same = _same(activation)
    f_z = call("_f", z)
    for name, want, args in _helper_wanted(activation, loss, z, y):
        got = call(name, *(f_z if a == "f" else a for a in args))
        if not same(got, want):
            return proved, (f"helper {name}: the module computes {sp.sstr(got)[:120]}, "
                            f"SymPy's from the {activation} row ({loss}) is "
                            f"{sp.sstr(want)[:120]}")
        proved.append(name)
    if has_kink(activation):
        reason = _kink_convention(module, backend, activation)
        if reason is not None:
            return proved, reason
        proved.append("f'(0)")
    return proved, None


def fprime_is_one(activation: str) -> bool:
    """The activation's derivative is the constant 1 (the template's f' = 1 branch)."""
    from symnet.core.registry import activation as row
    found = row(activation)
    if found not in _UNIT_SLOPE:
        x = sp.Symbol("x", real=True)
        _UNIT_SLOPE[found] = sp.simplify(sp.diff(found.function.definition(x), x) - 1) == 0
    return _UNIT_SLOPE[found]


_UNIT_SLOPE: dict = {}          # registry row -> its derivative is 1


def helper_key(text) -> str:
    """What the helper proofs read of a module: its helpers (the functions
    :func:`skeleton` drops), its imports and every module-level assignment (ACTIVATION, LOSS,
    _EXP_LIMIT, the helpers' compiled names), docstrings left out; SIZES only when a
    helper reads it (the helper proofs run on one entry)."""
    names = _helper_names()
    helpers = [node for node in _parsed(text).body
               if isinstance(node, ast.FunctionDef) and node.name in names]
    read = {n.id for h in helpers for n in ast.walk(h) if isinstance(n, ast.Name)}
    constants = [node for node in _parsed(text).body
                 if isinstance(node, (ast.Import, ast.ImportFrom))
                 or isinstance(node, ast.Assign)
                 and not (_assigns(node) == {"SIZES"} and "SIZES" not in read)]
    return ast.dump(ast.Module(body=helpers + constants, type_ignores=[]))


def _assigns(node) -> set:
    return {t.id for t in node.targets if isinstance(t, ast.Name)}


def _parsed(text):
    """The module's syntax tree without docstrings (``text`` may be one already)."""
    return text if isinstance(text, ast.Module) else _docstring_free(ast.parse(text))


def _constants(tree) -> dict:
    """The module-level constants SIZES, ACTIVATION, LOSS as written, and the backend:
    the first of numba, jax, torch, numpy the module imports (as the shims decide)."""
    found = {}
    imported = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id in ("SIZES", "ACTIVATION", "LOSS"):
            found[node.targets[0].id] = ast.literal_eval(node.value)
        elif isinstance(node, ast.Import):
            imported |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.partition(".")[0])
    found["backend"] = next((b for b in ("numba", "jax", "torch", "numpy") if b in imported),
                            None)
    if len(found) < 4 or found["backend"] is None:
        raise Unsupported("not a symnet kernel module: SIZES, ACTIVATION, LOSS or the "
                          "array library import is missing")
    return found


#: proofs already made in this process: structural ones by (skeleton, f' = 1, softmax,
#: batch sizes), helper ones by (:func:`helper_key`, the activation and loss rows) (a
#: grid's modules share them)
_STRUCTURES: dict = {}
_HELPERS: dict = {}


def _digest(text: str) -> str:
    """A key's SHA-256 (the caches keep digests, not whole syntax trees)."""
    return hashlib.sha256(text.encode()).hexdigest()


def prove_composed(text: str, batches=(1, 2)) -> ComposedProof:
    """The module's structural proof and its helper proofs, each shared with every earlier
    module of this process whose skeleton (helpers) is the same text."""
    from symnet.core.registry import loss as loss_row
    start = time.perf_counter()
    tree = _parsed(text)
    known = _constants(tree)
    sizes, activation, loss = tuple(known["SIZES"]), known["ACTIVATION"], known["LOSS"]
    backend = known["backend"]
    softmax = loss_row(loss).softmax
    proof = ComposedProof(sizes, activation, loss, tuple(batches), backend,
                          method=f"{backend} module: {STRUCTURE_METHOD}; {HELPER_METHOD}"
                                 + (SOFTMAX_METHOD if softmax else ""))
    from symnet.core.registry import activation as row
    helpers = (_digest(helper_key(tree)), row(activation), loss_row(loss))   # rows: identity
    if helpers not in _HELPERS:
        _HELPERS[helpers] = prove_helpers(text)
    proof.helpers, first = _HELPERS[helpers]
    key = (_digest(skeleton(tree, softmax)), fprime_is_one(activation), softmax,
           tuple(batches))
    proof.shared = key in _STRUCTURES
    if not proof.shared:
        _STRUCTURES[key] = prove_structure(text, batches, key[1], softmax)
    proof.entries, structural = _STRUCTURES[key]
    proof.first = first or structural
    proof.seconds = time.perf_counter() - start
    return proof


#: the largest module (weights and thresholds) whose structure is run on symbols (an
#: 8-8-8 module, 144, takes about 20 s)
COMPOSED_MAX_WEIGHTS = 150
