"""``symnet codegen``: a standalone forward/backward module for given layer sizes.

The elementwise pieces come from :func:`symnet.kernels.derive_forms` (SymPy's derivatives
of the registry definitions), printed by a subclass of the backend's SymPy code printer;
a jinja2 template lays out the matrix-level code (one matrix product per layer and
direction).  The output is deterministic: the same arguments give the same bytes.
"""
from __future__ import annotations

from pathlib import Path

import sympy as sp
from sympy.printing.numpy import JaxPrinter, NumPyPrinter
from sympy.printing.pytorch import TorchPrinter

from symnet import __version__
from symnet.numeric.forms import derive_forms
from symnet.core.layers import validate_sizes
from symnet.core.files import template_environment, write_atomic
from symnet.core.registry import ACTIVATIONS, STEP_CODE, helper_source

BACKENDS = ("numpy", "jax", "torch")
TEMPLATES = Path(__file__).parent / "templates"


class _KernelPrinting:
    """The registry's functions as calls of the module's own helpers ``_<name>(Z)``: the
    ``_print_<name>`` methods are made from the registry rows below (one per activation),
    and Heaviside(z, 0), which derivatives of ReLU-like units produce, is ``_step``."""

    def _print_Heaviside(self, e):
        # Heaviside(z, 0): the ReLU'(0) = 0 convention of the registry
        if len(e.args) > 1 and e.args[1] != 0:
            raise ValueError("only Heaviside(z, 0) is supported")
        return f"_step({self._print(e.args[0])})"


def _helper_call(name):
    def _print(self, e):
        return f"_{name}({self._print(e.args[0])})"
    _print.__name__ = f"_print_{name}"
    return _print


for _row in ACTIVATIONS.values():
    setattr(_KernelPrinting, f"_print_{_row.function.__name__}", _helper_call(_row.name))


def helpers(forms, backend: str) -> str:
    """The helper functions a module needs: one per registry function that its forms
    call (from the row's code for this backend), and ``_step`` when Heaviside appears."""
    used = set()
    for expr in (forms.f, forms.fprime, forms.output_delta, forms.loss_term):
        used |= {type(e).__name__ for e in expr.atoms(sp.Function)}
    parts = []
    for row in ACTIVATIONS.values():
        if row.function.__name__ in used:
            if backend not in row.code:
                raise ValueError(f"activation {row.name!r} has no {backend} helper in the "
                                 "registry")
            parts.append(helper_source(row.name, row.code[backend]))
    if "Heaviside" in used:
        parts.append(helper_source("step", STEP_CODE[backend]))
    return "\n\n\n".join(parts)


class NumPyKernelPrinter(_KernelPrinting, NumPyPrinter):
    pass


class JaxKernelPrinter(_KernelPrinting, JaxPrinter):
    pass


class TorchKernelPrinter(_KernelPrinting, TorchPrinter):
    pass


# Per backend: imports, array conversion, concatenation, helpers, parameter initialisation.
_BACKEND = {
    "numpy": dict(
        printer=NumPyKernelPrinter,
        imports="import numpy as np",
        asarray="np.asarray({x}, dtype=np.float64)",
        concat="np.concatenate",
        init='''    rng = np.random.default_rng(seed)
    params = []
    for s_k, s_l in zip(SIZES[:-1], SIZES[1:]):
        r = (6.0 / (s_k + s_l)) ** 0.5
        W = np.zeros((s_k + 1, s_l))
        W[1:] = rng.uniform(-r, r, (s_k, s_l))
        params.append(W)
    return params'''),
    "jax": dict(
        printer=JaxKernelPrinter,
        imports='''import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)   # the interface is float64''',
        asarray="jnp.asarray({x}, dtype=jnp.float64)",
        concat="jnp.concatenate",
        init='''    key = jax.random.PRNGKey(seed)
    params = []
    for s_k, s_l in zip(SIZES[:-1], SIZES[1:]):
        key, sub = jax.random.split(key)
        r = (6.0 / (s_k + s_l)) ** 0.5
        W = jax.random.uniform(sub, (s_k, s_l), dtype=jnp.float64, minval=-r, maxval=r)
        params.append(jnp.concatenate((jnp.zeros((1, s_l)), W)))
    return params'''),
    "torch": dict(
        printer=TorchKernelPrinter,
        imports="import torch",
        asarray="torch.as_tensor({x}, dtype=torch.float64)",
        concat="torch.cat",
        init='''    g = torch.Generator().manual_seed(seed)
    params = []
    for s_k, s_l in zip(SIZES[:-1], SIZES[1:]):
        r = (6.0 / (s_k + s_l)) ** 0.5
        W = (2.0 * torch.rand((s_k, s_l), generator=g, dtype=torch.float64) - 1.0) * r
        params.append(torch.cat((torch.zeros((1, s_l), dtype=torch.float64), W)))
    return params'''),
}


def _environment():
    return template_environment(TEMPLATES, ("<%", "%>"), ("<{", "}>"), ("<#", "#>"))


def operation_counts(sizes, forms) -> dict:
    """Flops per batch row: matrix products (2 per multiply-add) and elementwise work."""
    pairs = list(zip(sizes[:-1], sizes[1:]))
    f_ops = max(forms.ops("f"), 1)
    fwd_mm = sum(2 * a * b for a, b in pairs)
    fwd_el = sum(b * (1 + f_ops) for _, b in pairs)                   # threshold + f
    bwd_mm = sum(2 * a * b for a, b in pairs) + sum(2 * a * b for a, b in pairs[1:])
    fprime_ops = 0 if forms.fprime == 1 else forms.ops("fprime") + 1
    bwd_el = (sizes[-1] * (forms.ops("output_delta") + forms.ops("loss_term") + 2)
              + sum(b for _, b in pairs)                               # threshold rows
              + sum(a * fprime_ops for a, _ in pairs[1:]))
    return dict(forward_matmul=fwd_mm, forward_elementwise=fwd_el, backward_matmul=bwd_mm,
                backward_elementwise=bwd_el, backward_products=2 * len(pairs) - 1)


def generate(sizes, activation: str = "sigmoid", loss: str = "squared",
             backend: str = "numpy") -> str:
    """The source text of the kernel module."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; known: {', '.join(BACKENDS)}")
    sizes = validate_sizes(list(sizes), max_entries=None)
    forms = derive_forms(activation, loss)
    spec = _BACKEND[backend]
    printer = spec["printer"]({"fully_qualified_modules": True})
    replacements, (delta,) = sp.cse([forms.output_delta], symbols=sp.numbered_symbols("t"),
                                    optimizations="basic")
    n = len(sizes) - 1
    text = _environment().get_template("kernel.py.j2").render(
        title=f"{backend} forward/backward kernel for a {'-'.join(map(str, sizes))} network "
              f"({activation}, {loss} loss).",
        version=__version__, backend=backend, sizes=tuple(sizes), sizes_text="-".join(map(str, sizes)),
        activation=forms.activation, loss=forms.loss, n_layers=n,
        param_shapes=[(a + 1, b) for a, b in zip(sizes[:-1], sizes[1:])],
        delta_text=sp.sstr(forms.output_delta), fprime_text=sp.sstr(forms.fprime),
        imports=spec["imports"], helpers=helpers(forms, backend), init_code=spec["init"],
        asarray=lambda x: spec["asarray"].format(x=x),
        concat=spec["concat"], f_code=printer.doprint(forms.f),
        fprime_code=printer.doprint(forms.fprime), fprime_is_one=forms.fprime == 1,
        delta_cse=[(str(s), printer.doprint(e)) for s, e in replacements],
        delta_code=printer.doprint(delta), loss_code=printer.doprint(forms.loss_term),
        **operation_counts(sizes, forms))
    compile(text, "<generated kernel>", "exec")        # a template bug fails here, not later
    return text


def write_module(path, sizes, activation="sigmoid", loss="squared", backend="numpy") -> str:
    """Generate and write atomically (temporary file, then rename); returns the text."""
    text = generate(sizes, activation, loss, backend)
    write_atomic(str(path), text)
    return text
