"""What a derivation author needs, in one public place.

    from symnet.extend import Chain, Derivation, notes_model, partial

    def dE_dbh():                                  # dE_k/db_h = -sum_j w_hj g_j
        model = notes_model()
        j = index("j''")
        return Derivation(model, [model.D(model.E_at("b"), model.b[model.h]),
                                  -Sum(model.w[model.h, j] * model.g[j], (j, 1, model.l))],
                          lhs=partial(None, model.b[model.h], "E_k"))

    CLAIMS = [Chain("my-dE-db", "", "dE/db_h", "dE_k/db_h = -sum_j w_hj g_j", "standard",
                    build=dE_dbh)]

- claims: :class:`Chain` (a chain of equalities, every "=" proved), :class:`Check` (a
  custom exact check returning an :class:`Outcome`), :class:`Derivation` (a chain's
  model, members and presentation), :func:`partial` (an unevaluated derivative for a
  left-hand side), :class:`MatrixView` and :func:`vector_function` (a matrix form);
- models: :class:`Model` (named definitions and index ranges), :class:`ExpressionModel`,
  :func:`notes_model` (the figure-5.7 network of section 5.3), :class:`LayerPair` and
  :class:`OutputLayer` (the multilayer notation), :func:`index` and :func:`size` (fresh
  index and size symbols);
- checking other notes' matrix statements: :class:`ClosedForms` with
  :func:`check_entrywise` and :func:`check_nested`;
- running: :func:`run_claims`.
"""
from symnet.core.claims import Chain, Check, Derivation, Outcome, partial
from symnet.prove.entrywise import ClosedForms, check_entrywise
from symnet.prove.matrix_view import MatrixView, vector_function
from symnet.prove.model import ExpressionModel, Model, index, size
from symnet.prove.multilayer import LayerPair, OutputLayer
from symnet.prove.nested import check_nested
from symnet.prove.single_layer import SingleLayer, notes_model
from symnet.runner import run_claims

__all__ = ["Chain", "Check", "Derivation", "Outcome", "partial", "MatrixView",
           "vector_function", "Model", "ExpressionModel", "SingleLayer", "notes_model",
           "LayerPair", "OutputLayer", "index", "size", "ClosedForms", "check_entrywise",
           "check_nested", "run_claims"]
