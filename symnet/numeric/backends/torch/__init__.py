"""torch: the numpy algebra on tensors, without in-place updates."""
from symnet.numeric.backends import Backend, kernel_printer


class Hooks:
    """max(a, number) -> torch.clamp; a two-branch Piecewise -> torch.where;
    log1p -> torch.log1p (SymPy's torch printer has none)."""

    def _print_Max(self, e):
        a, b = self._two(e)
        if e.args[0].is_number or e.args[1].is_number:      # the number is b
            return f"{self._module_format('torch.clamp')}({a}, min={b})"
        return f"{self._module_format('torch.maximum')}({a}, {b})"

    def _print_Piecewise(self, e):
        cond, a, b = self._two(e)
        return f"{self._module_format('torch.where')}({cond}, {a}, {b})"

    def _print_log1p(self, e):
        return f"{self._module_format('torch.log1p')}({self._print(e.args[0])})"


def printer():
    from sympy.printing.pytorch import TorchPrinter
    return kernel_printer(TorchPrinter, Hooks)


INIT = '''    g = torch.Generator().manual_seed(seed)
    params = []
    for s_k, s_l in zip(SIZES[:-1], SIZES[1:]):
        r = {limit}
        W = (2.0 * torch.rand((s_k, s_l), generator=g, dtype=DTYPE) - 1.0) * r
        params.append(torch.cat((torch.zeros((1, s_l), dtype=DTYPE), W)))
    return params'''

SOFTMAX = '''def _softmax(Z):
    return torch.softmax(Z, dim=1)


def _softmax_loss(Z, Y):
    return torch.logsumexp(Z, dim=1) - (Y * Z).sum(dim=1)'''

#: torch's own sigmoid and softplus: one fused kernel each, stable at every |Z|
OVERRIDES = {"sigmoid": ("torch.sigmoid(Z)", ()),
             "softplus": ("torch.nn.functional.softplus(Z)", ())}

BACKEND = Backend(
    "torch", "kernel.py.j2", "torch/macros.j2", printer, "import torch",
    "torch.as_tensor({x}, dtype=DTYPE)", "torch.cat", "torch.{dtype}", INIT,
    "(Z > 0).to(Z.dtype)", SOFTMAX, OVERRIDES)
