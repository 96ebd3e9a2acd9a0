"""Which proof a generated kernel module gets: :func:`prove_text` picks the concrete
(:mod:`symnet.prove.kernel`), composed (:mod:`symnet.prove.compose`) or sampled
(:mod:`symnet.prove.sampled`) method by the module's number of weights, or as asked."""
from __future__ import annotations

from symnet.prove.compose import COMPOSED_MAX_WEIGHTS, _constants, _parsed, prove_composed
from symnet.prove.kernel import MAX_WEIGHTS, prove_module
from symnet.prove.sampled import DEFAULT_SAMPLE, prove_sampled
from symnet.prove.shims import Unsupported


def prove_text(text: str, method: str | None = None, batches=(1, 2), sample: int | None = None,
               seed: int = 0):
    """A module proved by ``method``: "concrete" (:func:`symnet.prove.kernel.prove_module`,
    the whole module with its activation), "composed" (:func:`prove_composed`), "sampled"
    (:func:`symnet.prove.sampled.prove_sampled`: the composed run at the module's sizes,
    ``sample`` entries of each parameter array compared, drawn with ``seed``) or None:
    concrete up to its :data:`~symnet.prove.kernel.MAX_WEIGHTS`, composed above up to
    :data:`COMPOSED_MAX_WEIGHTS`, sampled beyond.  Unsupported for a composed or concrete
    proof beyond its limit, with the reason."""
    sizes = _constants(_parsed(text))["SIZES"]
    weights = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
    if method is None:
        method = ("concrete" if weights <= MAX_WEIGHTS else
                  "composed" if weights <= COMPOSED_MAX_WEIGHTS else "sampled")
    if method == "sampled":
        return prove_sampled(text, batches, sample or DEFAULT_SAMPLE, seed)
    if method == "concrete":
        return prove_module(text, batches)
    if weights > COMPOSED_MAX_WEIGHTS:
        raise Unsupported(f"its {weights} weights and thresholds are too many to run on "
                          f"symbols (at most {COMPOSED_MAX_WEIGHTS}) with every entry "
                          "compared; --method sampled compares a seeded sample of them")
    return prove_composed(text, batches)
