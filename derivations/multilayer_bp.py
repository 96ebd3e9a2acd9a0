"""The notes' "multi-hidden-layer BP" section: matrix-form BP with thresholds as row 0 of
Theta~^(kl), proved for symbolic widths; the n = 3 bridge to section 5.3; the notes'
3-4-4-3 example checked entry by entry.
"""
from __future__ import annotations

from functools import lru_cache

import sympy as sp
from sympy import HadamardProduct, Indexed, IndexedBase, MatrixSymbol, Rational, Sum

from symnet.core.claims import Chain, Check, Derivation, Outcome, in_order, name, partial, written
from symnet.prove.nested import check_nested
from symnet.prove.model import Model, index
from symnet.prove.multilayer import LayerPair, OutputLayer
from symnet.core.registry import ACTIVATIONS
from derivations.standard_bp import model as single_layer
from symnet.core.notation import NOTES_NETWORK
from symnet.prove.matrix_view import MatrixView, vector_function

SECTION = "multilayer"  # the report's section (symnet/report/text.py)


@lru_cache(maxsize=None)
def pair(f=None) -> LayerPair:
    """Layers k and l = k + 1 with activation f (default: an arbitrary f) and an
    arbitrary downstream E."""
    return LayerPair() if f is None else LayerPair(f)


def _pair_entries(model) -> dict:
    """The matrix symbols of a layer pair as the model's entries (SymPy's rows and columns
    are 0-based; Theta^(kl) is Theta~^(kl) without its threshold row 0)."""
    return {"Theta": lambda r, c: model.Theta[r + 1, c + 1],
            "Theta_tilde": lambda r, c: model.Theta[r, c + 1],
            "a_tilde": lambda r, c: model.a_tilde[r], "a_k": lambda r, c: model.a_k[r + 1],
            "z_k": lambda r, c: model.z_k[r + 1], "delta_l": lambda r, c: model.delta_l[r + 1]}


def _recursion_matrix(model, act, back):
    """(Theta^(kl) delta^(l)) ⊙ f'(z^(k)), with f' as the registry writes it: in the unit
    outputs a^(k) (a ⊙ (1 - a), 1 - a ⊙ a), in the inputs z^(k), or 1 (no factor)."""
    if act is None:
        return HadamardProduct(back, vector_function(model.fprime, MatrixSymbol("z_k", model.s_k, 1)))
    a, z = sp.Symbol("a"), sp.Symbol("z")
    closed = act.fprime_closed(a, z)
    if closed == 1:
        return back
    if z in closed.free_symbols:
        return HadamardProduct(back, vector_function(lambda t: act.fprime_closed(a, t),
                                                     MatrixSymbol("z_k", model.s_k, 1)))
    return HadamardProduct(back, vector_function(lambda t: act.fprime_closed(t, z),
                                                 MatrixSymbol("a_k", model.s_k, 1)))


def _outer_product(model, scale) -> MatrixView:
    """scale a~^(k) [delta^(l)]^T, entry (r, j) for every row r = 0..s_k, j = 1..s_l."""
    a_tilde = MatrixSymbol("a_tilde", model.s_k + 1, 1)
    delta = MatrixSymbol("delta_l", model.s_l, 1)
    return MatrixView(scale * a_tilde * delta.T, _pair_entries(model), rows=(model.r, 0),
                      columns=(model.j, 1), sizes={model.s_k: 3, model.s_l: 2})


def bp_forward():
    model = pair()
    j, i_ = model.j, index("i''")
    matrix_form = Sum(model.Theta[i_, j] * model.a_tilde[i_], (i_, 0, model.s_k))   # [Theta~^T a~]_j
    scalar_form = Sum(model.Theta[i_, j] * model.a_k[i_], (i_, 1, model.s_k)) - model.Theta[0, j]
    return Derivation(model, [matrix_form, scalar_form], lhs=model.z_l[j])


#: the output layer's delta as the notes define it: what the output-delta chains compute
DELTA_OUTPUT = name(r"\delta^{(n)}_{j} = \frac{\partial E}{\partial z^{(n)}_{j}}")


def bp_delta_output():
    model = OutputLayer()
    j = model.j
    chain = [model.D(model.E_at("z"), model.z[j]),
             model.D(model.E_at("a"), model.a[j]) * model.D(model.unfold(model.a[j]), model.z[j]),
             written(in_order(model.a[j], -model.y[j]), model.fprime(model.z[j]))]
    a, y, z = (MatrixSymbol(vector, model.s_n, 1) for vector in ("a_n", "y", "z_n"))
    view = MatrixView(HadamardProduct(a - y, vector_function(model.fprime, z)),
                      {"a_n": lambda r, c: model.a[r + 1], "y": lambda r, c: model.y[r + 1],
                       "z_n": lambda r, c: model.z[r + 1]},
                      rows=(j, 1), sizes={model.s_n: 3})
    return Derivation(model, chain, matrix=view, reasons=["chain", "derivative"],
                      lhs=DELTA_OUTPUT)


def bp_delta_recursion(act=None):
    """delta^(k)_i = dE/dz^(k)_i = dE/da^(k)_i f'(z^(k)_i) = (sum_j theta_ij delta^(l)_j) f'(z_i);
    with a registry activation ``act`` the last f' is the registry's closed form
    (a(1 - a), 1 - a^2, Heaviside(z), 1, sigmoid(z))."""
    model = pair(None if act is None else act.function)
    i, jj = model.i, index("j''")
    fprime = model.fprime(model.z_k[i]) if act is None else \
        act.fprime_closed(model.a_k[i], model.z_k[i])
    chain = [model.D(model.E_at("z"), model.z_k[i]),
             model.D(model.E_at("a"), model.a_k[i])
             * model.D(model.unfold(model.a_k[i], only=[model.a_k]), model.z_k[i]),
             Sum(model.Theta[i, jj] * model.delta_l[jj], (jj, 1, model.s_l)) * fprime]
    back = MatrixSymbol("Theta", model.s_k, model.s_l) * MatrixSymbol("delta_l", model.s_l, 1)
    view = MatrixView(_recursion_matrix(model, act, back), _pair_entries(model), rows=(i, 1),
                      sizes={model.s_k: 3, model.s_l: 2})
    return Derivation(model, chain, matrix=view, reasons=["chain", "notation"],
                      lhs=partial(None, model.z_k[i], "E"))


def bp_gradient():
    model = pair()
    r, j = model.r, model.j                      # every row 0..s_k, thresholds included
    z_def = model.unfold(model.z_l[j], only=[model.z_l])
    chain = [model.D(model.E_at("a_tilde"), model.Theta[r, j]),
             model.D(model.E, model.z_l[j]) * model.D(z_def, model.Theta[r, j]),
             model.a_tilde[r] * model.delta_l[j]]
    return Derivation(model, chain, lhs=partial(None, model.Theta[r, j], "E"),
                      matrix=_outer_product(model, 1), reasons=["chain", "notation"])


def bp_update():
    model = pair()
    r, j, eta = model.r, model.j, model.eta
    return Derivation(model, [-eta * model.D(model.E_at("a_tilde"), model.Theta[r, j]),
                          -eta * model.a_tilde[r] * model.delta_l[j]],
                      lhs=-eta * partial(None, model.Theta[r, j], "E"),
                      matrix=_outer_product(model, -eta))


class Bridge(Model):
    """The n = 3 network in matrix notation beside the figure-5.7 network, with
    v_ih = theta^(12)_ih, gamma_h = theta^(12)_0h, w_hj = theta^(23)_hj,
    theta_j = theta^(23)_0j; unfolding maps the section-5.3 parameters onto these."""

    def __init__(self):
        sl = single_layer()
        self.sl = sl
        super().__init__(sl.ranges)
        self.rules.update(sl.rules)
        self.T12, self.T23 = IndexedBase("Theta_tilde12"), IndexedBase("Theta_tilde23")
        self.z2, self.z3, self.a2 = IndexedBase("z2"), IndexedBase("z3"), IndexedBase("a2")
        self.at1, self.at2 = IndexedBase("a_tilde1"), IndexedBase("a_tilde2")
        self.peel_for = frozenset({self.at1, self.at2})
        self.f = sl.f
        u, p = index("u"), index("u'")

        def tilde(values):
            def rule(i, ranges):
                if i == 0:
                    return sp.Integer(-1)
                lo = ranges.get(i, (i, i))[0]
                return values[i] if (sp.sympify(lo) - 1).is_nonnegative else None
            return rule

        self.define(self.at1, tilde(sl.x))
        self.define(self.at2, tilde(self.a2))
        self.define(self.a2, lambda h, ranges: self.f(self.z2[h]))
        self.define(self.z2, lambda h, ranges: Sum(self.T12[u, h] * self.at1[u], (u, 0, sl.d)))
        self.define(self.z3, lambda j, ranges: Sum(self.T23[p, j] * self.at2[p], (p, 0, sl.q)))
        self.mapping = {sl.v: lambda i, h: self.T12[i, h], sl.gamma: lambda h: self.T12[0, h],
                        sl.w: lambda h, j: self.T23[h, j], sl.theta: lambda j: self.T23[0, j]}

    def E_at(self, names):
        jj = index("j'")
        E = Rational(1, 2) * Sum((self.f(self.z3[jj]) - self.sl.y[jj]) ** 2, (jj, 1, self.sl.l))
        return self.unfold(E, only=[getattr(self, n) for n in names])

    def unfold(self, expr, only=None, limit=20):
        expr = super().unfold(expr, only, limit)
        if only is not None:
            return expr
        return expr.replace(lambda e: isinstance(e, Indexed) and e.base in self.mapping,
                            lambda e: self.mapping[e.base](*e.indices))


@lru_cache(maxsize=None)
def bridge() -> Bridge:
    return Bridge()


def bp_bridge():
    model, sl = bridge(), single_layer()
    i, h, j, eta = sl.i, sl.h, sl.j, sl.eta
    E_params = model.E_at(["z3", "at2", "a2", "z2", "at1"])
    delta3 = model.D(model.E_at([]), model.z3[j])
    delta2 = model.D(model.E_at(["z3", "at2", "a2"]), model.z2[h])
    single = (sl.g[j], sl.e[h], -eta * sl.D(sl.E_at("b"), sl.w[h, j]),
              -eta * sl.D(sl.E_at("beta"), sl.theta[j]),
              -eta * sl.D(sl.E_at("x"), sl.v[i, h]), -eta * sl.D(sl.E_at("alpha"), sl.gamma[h]))
    matrix = (-delta3, -delta2, -eta * model.D(E_params, model.T23[h, j]),
              -eta * model.D(E_params, model.T23[0, j]), -eta * model.D(E_params, model.T12[i, h]),
              -eta * model.D(E_params, model.T12[0, h]))
    return Derivation(model, [single, matrix],
                      lhs=tuple(name(tex) for tex in (r"g_{j}", r"e_{h}", r"\Delta w_{hj}",
                                                       r"\Delta \theta_{j}", r"\Delta v_{ih}",
                                                       r"\Delta \gamma_{h}")))


def example_3443() -> Outcome:
    """Every weight and threshold of the notes' 3-4-4-3 network: SymPy's diff of the fully
    nested E_k (the model's forward pass, nothing named) against a~ delta^T."""
    report = check_nested(list(NOTES_NETWORK), "sigmoid", "squared")
    detail = f"{report.gradient_entries} gradient entries, {len(report.mismatches)} mismatches"
    if report.mismatches:
        detail += ": " + ", ".join(model.what for model in report.mismatches[:6])
    return Outcome(report.ok and report.gradient_entries == 51,
                   "exact, entry by entry: SymPy diff of the fully nested E_k against "
                   "a~ delta^T with the notes' closed-form deltas, unit outputs as symbols, "
                   "difference cancelled to 0", "3,4,4,3", detail)


def example_3443_symengine() -> Outcome:
    """The second engine's run of ``bp-example-3443``: SymEngine differentiates the same
    nested E_k itself (symnet.prove.replay.nested_in_symengine)."""
    from symnet.prove.replay import nested_in_symengine
    entries, bad = nested_in_symengine(list(NOTES_NETWORK), "sigmoid", "squared")
    return Outcome(entries == 51 and not bad,
                   "SymEngine diff of the fully nested E_k, f' its fdiff, against a~ delta^T",
                   "3,4,4,3", f"{entries} gradient entries"
                   + (f", first mismatch {bad[0]}" if bad else ""))


def recursion_claim(a) -> Chain:
    """bp-delta-recursion-<name> for one registry row (a user's too)."""
    return Chain(f"bp-delta-recursion-{a.name}", "", f"the delta recursion, {a.name} units",
                 f"delta^(k) = (Theta^(kl) delta^(l)) ⊙ f'(z^(k)) with f = {a.name}, f' "
                 "written as the registry states it", SECTION,
                 build=lambda: bp_delta_recursion(a))


CLAIMS = [
    Chain("bp-forward", "", "forward pass in matrix form",
          "z^(l) = Theta~^(kl)^T a~^(k) with a~_0 = -1 is sum_i theta_ij a_i - theta_0j",
          SECTION, build=bp_forward,
          method="exact: row 0 of the sum split off, a~ unfolded, difference expanded to 0"),
    Chain("bp-delta-output", "", "output-layer delta",
          "delta^(n) = dE/dz^(n) = dE/da^(n) ⊙ f'(z^(n)) = (a^(n) - y) ⊙ f'(z^(n)), any f",
          SECTION, latex="\\delta^{(n)} = (a^{(n)} - y) \\odot f'(z^{(n)})",
          build=bp_delta_output),
    Chain("bp-delta-recursion", "", "the delta recursion",
          "delta^(k) = dE/da^(k) ⊙ f'(z^(k)) = (Theta^(kl) delta^(l)) ⊙ f'(z^(k)), induction "
          "step from l to k = l - 1 with arbitrary downstream error and f", SECTION,
          latex="\\delta^{(k)} = \\frac{\\partial E}{\\partial z^{(k)}} = \\left(\\Theta^{(kl)} \\delta^{(l)}\\right) \\odot f'(z^{(k)})",
          build=bp_delta_recursion),
    Chain("bp-gradient", "", "gradient of Theta~",
          "dE/dTheta~^(kl) = a~^(k) delta^(l)^T, rows 0 (thresholds) to s_k", SECTION,
          latex='\\frac{\\partial E}{\\partial \\tilde{\\Theta}^{(kl)}} = \\tilde{a}^{(k)} \\left[\\delta^{(l)}\\right]^\\top',
          build=bp_gradient),
    Chain("bp-update", "", "update of Theta~",
          "Delta Theta~^(kl) = -eta a~^(k) delta^(l)^T", SECTION, latex='\\Delta \\tilde{\\Theta}^{(kl)} = -\\eta \\tilde{a}^{(k)} \\left[\\delta^{(l)}\\right]^\\top',
          build=bp_update),
    Chain("bp-bridge", "", "n = 3 is section 5.3",
          "with n = 3: g_j = -delta^(3)_j, e_h = -delta^(2)_h, and Delta w_hj, Delta theta_j, "
          "Delta v_ih, Delta gamma_h are the entries of Delta Theta~^(23), Delta Theta~^(12)",
          SECTION, build=bp_bridge,
          method="exact: both networks differentiated by SymPy, compared at the parameters"),
    Check("bp-example-3443", "", "the notes' 3-4-4-3 network",
          "every entry of dE/dTheta~^(12), dE/dTheta~^(23), dE/dTheta~^(34) is a~ delta^T",
          SECTION, check=example_3443, replay=example_3443_symengine),
] + [recursion_claim(a) for a in ACTIVATIONS.values()]
