"""``symnet derive``: the chain rule of section 5.3 worked by SymPy, every step proved.

``derive(wrt, of="E_k")`` writes d of / d wrt (w_hj, theta_j, v_ih, gamma_h, or an
intermediate) as the book does (5.7)-(5.15): the chain rule through the named
intermediates, SymPy's derivative of each defining equation, their product, and the
closed form in the book's named derivatives g_j (5.10) and e_h (5.15), each step proved by
``symnet check``'s machinery; a weight matrix of the notes' matrix notation
(``\\tilde{\\Theta}^{(kl)}``) as the chain through z^(l) and the delta recursion
(:mod:`symnet.derive.matrix`).  ``numpy_code`` prints a NumPy function of that one
derivative.  Imports ``symnet.checker``, ``symnet.prove``, ``symnet.numeric`` and
``symnet.core`` only.
"""
from symnet.derive.code import numpy_code
from symnet.derive.derivation import Derivation, derive
from symnet.derive.quantities import DeriveError
from symnet.derive.render import as_latex, as_text

__all__ = ["derive", "Derivation", "DeriveError", "numpy_code", "as_latex", "as_text"]
