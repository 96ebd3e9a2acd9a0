"""numba: explicit loops over the entries, every elementwise form fused into them and
compiled by ``numba.njit`` (no per-layer temporaries); the helpers take one number."""
from symnet.numeric.backends import Backend, kernel_printer
from symnet.numeric.backends.numpy import INIT


class Hooks:
    """On one number: max(a, b) -> max(a, b); a two-branch Piecewise -> a conditional
    expression (only the branch taken is evaluated, so a stable form stays stable) and
    its condition a Python comparison."""

    ALIASES = {"numpy": "np"}         # as the kernel imports them

    def _print_Max(self, e):
        a, b = self._two(e)
        return f"max({a}, {b})"

    def _print_Piecewise(self, e):
        cond, a, b = self._two(e)
        return f"(({a}) if ({cond}) else ({b}))"

    def _print(self, expr, **kwargs):
        """The normal distribution function Phi and density phi on one number: math.erfc
        and math.exp, which numba compiles in nopython mode (their own NumPy form is an
        entry-by-entry np.vectorize, which it does not)."""
        from symnet.checker.definition import Phi, phi
        if isinstance(expr, (Phi, phi)):
            return expr._pythoncode(self)
        return super()._print(expr, **kwargs)

    def _print_Relational(self, e):
        """A comparison of two numbers, as Python writes it (not a NumPy ufunc)."""
        return f"{self._print(e.lhs)} {e.rel_op} {self._print(e.rhs)}"


def printer():
    from sympy.printing.numpy import NumPyPrinter
    return kernel_printer(NumPyPrinter, Hooks)


#: fast form: one exp and no branch (the printed stable sigmoid branches on the sign);
#: e^-Z is clipped at _EXP_LIMIT, below which the true value is 0 to the dtype's precision
OVERRIDES = {"sigmoid": ("1.0 / (1.0 + math.exp(-max(Z, -_EXP_LIMIT)))", ())}

BACKEND = Backend(
    "numba", "numba/kernel.py.j2", "", printer, "import math\n\nimport numba\nimport numpy as np",
    "np.ascontiguousarray({x}, dtype=DTYPE)", "np.concatenate", "np.{dtype}", INIT,
    "1.0 if Z > 0.0 else 0.0", elementwise=True, overrides=OVERRIDES,
    # Phi and phi print as math.erfc and math.exp (above); a bare erf never reaches a
    # printer (symnet.define writes it through Phi), and NumPy's printer has none
    cannot=(("erf", "erfc"), "NumPy's printer has no erf for numba's scalars; write it "
            "through Phi (symnet.define does)"))
