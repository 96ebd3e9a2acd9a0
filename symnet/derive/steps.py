"""A worked :class:`~symnet.derive.chain.Chain` as the book's steps, each one equation in
its LaTeX with the reason for it:

    chain rule       dE_k/dw_hj = dE_k/dyhat_j . dyhat_j/dbeta_j . dbeta_j/dw_hj
    one per factor   dE_k/dyhat_j = yhat_j - y_j, ...      (SymPy's derivative of (5.4), (5.3))
    product          dE_k/dw_hj = (yhat_j - y_j) . yhat_j (1 - yhat_j) . b_h
    named            g_j = -dE_k/dbeta_j = yhat_j (1 - yhat_j)(y_j - yhat_j)      (5.10)
    closed form      dE_k/dw_hj = -b_h g_j

Reasons are plain text with the math in $...$.  The steps on the main line (chain rule,
product, closed form) are ``main``: ``--latex`` writes them as one aligned chain.
"""
from __future__ import annotations

from dataclasses import dataclass

from symnet.derive.chain import Chain
from symnet.derive.latex import chain_product, factor, latex, partial
from symnet.derive.quantities import QUANTITIES


@dataclass
class Step:
    """One equation ``left = right`` of a derivation, why it holds, its ``kind``
    (definition, chain, factor, product, named or closed), and (once proved) the
    checker's ``verdict`` (holds / refuted / not checked) and its ``detail``."""

    left: str
    right: str
    reason: str
    kind: str
    verdict: str = ""
    detail: str = ""

    @property
    def latex(self) -> str:
        return f"{self.left} = {self.right}"

    @property
    def main(self) -> bool:
        """On the main line: the chain rule, the product, the closed form."""
        return self.kind in ("chain", "product", "closed")


def chain_steps(chain: Chain) -> list:
    """The steps of ``chain`` in the book's order (see the module's docstring); a step
    that would repeat the one before it is left out."""
    left = partial(chain.top, chain.wrt)
    steps = []
    if len(chain.links) > 1:
        steps.append(Step(left, chain_product(chain.links, chain.summed,
                                              lambda link, first: partial(link.upper, link.lower)),
                          _chain_reason(chain), "chain"))
    steps += [Step(partial(link.upper, link.lower), latex(link.value), _factor_reason(link),
                   "factor")
              for link in chain.links]
    if len(chain.links) > 1:
        steps.append(Step(left, chain_product(chain.links, chain.summed,
                                              lambda link, first: factor(link.value, first)),
                          "the factors of the chain, multiplied", "product"))
    steps += [_named_step(quantity, value) for quantity, value in chain.named]
    steps.append(Step(left, latex(chain.result), _closed_reason(chain), "closed"))
    return _without_repeats(steps)


def _without_repeats(steps: list) -> list:
    seen, out = set(), []
    for step in steps:
        if step.latex not in seen:
            seen.add(step.latex)
            out.append(step)
    return out


def _chain_reason(chain: Chain) -> str:
    through = ", ".join(f"${link.lower.latex}$" for link in chain.links[:-1])
    text = f"chain rule through {through}"
    if chain.summed:
        feeds = next(link.lower for link in chain.links if chain.summed not in link.lower.indices)
        every = next(link.upper for link in reversed(chain.links)
                     if chain.summed in link.upper.indices)
        text += (f"; ${feeds.latex}$ feeds every ${every.latex}$, so the sum over "
                 f"${chain.summed}$")
    return text


def _factor_reason(link) -> str:
    upper = link.upper
    what = "the error" if upper.name == "E" else f"${upper.latex}$"
    return f"SymPy's derivative of the definition of {what} {upper.defined}"


def _named_step(quantity, value) -> Step:
    at = "beta" if quantity.name == "g" else "alpha"
    minus = f"-\\frac{{\\partial E_k}}{{\\partial {QUANTITIES[at].latex}}}"
    return Step(quantity.latex, f"{minus} = {latex(value)}",
                f"{quantity.defined} names the derivative at ${QUANTITIES[at].latex}$; its "
                "value from the factors of the chain", "named")


def _closed_reason(chain: Chain) -> str:
    if not chain.named:
        return "the factors multiplied"
    names = " and ".join(f"${q.latex}$ {q.defined}" for q, _ in chain.named)
    return f"in the book's named derivatives {names}"
