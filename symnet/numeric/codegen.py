"""``symnet codegen``: a standalone forward/backward module for given layer sizes.

The elementwise pieces come from :func:`symnet.numeric.forms.derive_forms` (SymPy's
derivatives of the registry definitions), printed by the backend's SymPy code printer; a
jinja2 template lays out the matrix-level code.  Each backend is a folder of
:mod:`symnet.numeric.backends` (printer hooks, imports, initialisation, the macros where
targets differ): numpy (in place), jax (``jax.jit``), torch, numba (fused loops).

``dtype`` is float64 (default) or float32: every backend computes and returns it.  The
output is deterministic: the same arguments give the same bytes.  Only the printer of the
requested backend is imported (SymPy's torch printer module imports torch itself).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import sympy as sp

from symnet import __version__
from symnet.core.files import template_environment, write_atomic
from symnet.core.layers import validate_sizes
from symnet.core.registry import ACTIVATIONS, EXP_LIMIT
from symnet.numeric.backends import BACKEND, FOLDER, NAMES, helpers, printer_for
from symnet.numeric.forms import derive_forms

BACKENDS = NAMES
DTYPES = ("float64", "float32")
TEMPLATES = Path(__file__).parent / "templates"


def init_limit(gain: float) -> str:
    """The half-width r of ``init_params``' uniform draw W[1:] ~ U(-r, r), as code in the
    layer's fan-in s_k and fan-out s_l, for a registry row's ``init_gain`` g; the variance
    of such a weight is r^2 / 3:

    - g = 1 (Glorot, sigmoid and tanh): r = sqrt(6 / (s_k + s_l)), Var W = 2 / (s_k + s_l);
    - any other g (He's fan-in scaling; g = 2 for ReLU-like units): r = sqrt(3 g / s_k),
      Var W = g / s_k, so a layer with s_k = s_l gets g times the Glorot variance.
    """
    if gain == 1:
        return "(6.0 / (s_k + s_l)) ** 0.5"
    return f"({3.0 * float(gain)!r} / s_k) ** 0.5"


@lru_cache(maxsize=1)
def _environment():
    """The template environment (made once: jinja2 compiles a template on first use and
    reloads it when its file changes)."""
    return template_environment([TEMPLATES, FOLDER], ("<%", "%>"), ("<{", "}>"), ("<#", "#>"))


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


def _imports(printer, already: str, modules=()) -> str:
    """The modules the printed forms and helpers call by their full name (numpy.sign,
    say) and the backend's imports do not bring in under that name."""
    lines = [f"import {m}" for m in sorted(set(printer.module_imports) | set(modules))
             if f"import {m}\n" not in already + "\n"]
    return "".join("\n" + line for line in lines)


def check_options(backend: str, dtype: str) -> None:
    """ValueError naming the valid values of a bad backend or dtype."""
    if backend not in BACKEND:
        raise ValueError(f"unknown backend {backend!r}; known: {', '.join(BACKEND)}")
    if dtype not in DTYPES:
        raise ValueError(f"unknown dtype {dtype!r}; known: {', '.join(DTYPES)}")


def generate(sizes, activation: str = "sigmoid", loss: str = "squared",
             backend: str = "numpy", dtype: str = "float64") -> str:
    """The source text of the kernel module."""
    check_options(backend, dtype)
    sizes = validate_sizes(list(sizes), max_entries=None)
    forms = derive_forms(activation, loss)
    spec = BACKEND[backend]
    gain = ACTIVATIONS[forms.activation].init_gain
    printed, (helper_text, helper_names, helper_modules), imports = _printed(forms, backend)
    n = len(sizes) - 1
    text = _environment().get_template(spec.template).render(
        title=f"{backend} forward/backward kernel for a {'-'.join(map(str, sizes))} network "
              f"({activation}, {loss} loss, {dtype}).",
        version=__version__, macros=spec.macros, sizes=tuple(sizes),
        sizes_text="-".join(map(str, sizes)), dtype=dtype,
        dtype_code=spec.dtype.format(dtype=dtype), exp_limit=EXP_LIMIT[dtype],
        activation=forms.activation, loss=forms.loss, n_layers=n,
        param_shapes=[(a + 1, b) for a, b in zip(sizes[:-1], sizes[1:])],
        delta_text=sp.sstr(forms.output_delta), fprime_text=sp.sstr(forms.fprime),
        imports=imports,
        helpers=helper_text,
        helper_names=helper_names, init_code=spec.init.format(limit=init_limit(gain)),
        init_gain=gain,
        asarray=lambda x: spec.asarray.format(x=x), concat=spec.concat,
        fprime_is_one=forms.fprime == 1, softmax=forms.softmax,
        softmax_code=spec.softmax if forms.softmax else "", **printed,
        **operation_counts(sizes, forms))
    compile(text, "<generated kernel>", "exec")        # a template bug fails here, not later
    return text


@lru_cache(maxsize=256)
def _printed(forms, backend: str) -> tuple:
    """(printed forms, helpers, imports) of one activation/loss pair and backend: the
    parts of a module that do not depend on its sizes (printed once per process)."""
    spec = BACKEND[backend]
    printer = printer_for(backend)
    replacements, (delta,) = sp.cse([forms.output_delta], symbols=sp.numbered_symbols("t"),
                                    optimizations="basic")
    made = helpers(forms, backend)
    printed = dict(f_code=printer.doprint(forms.f), fprime_code=printer.doprint(forms.fprime),
                   delta_cse=[(str(s), printer.doprint(e)) for s, e in replacements],
                   delta_code=printer.doprint(delta), loss_code=printer.doprint(forms.loss_term))
    return printed, made, spec.imports + _imports(printer, spec.imports, made[2])


def write_module(path, sizes, activation="sigmoid", loss="squared", backend="numpy",
                 dtype="float64") -> str:
    """Generate and write atomically (temporary file, then rename); returns the text."""
    text = generate(sizes, activation, loss, backend, dtype)
    write_atomic(str(path), text)
    return text
