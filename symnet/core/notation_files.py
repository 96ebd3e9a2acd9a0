"""Notations as data: a TOML file (``symnet/notations/NAME.toml``, or a user's own path)
says which quantity of symnet's one network model each written symbol is.

A file has ``name``, ``title``, ``summary``; ``[layers]`` with the layer ``letter`` a
superscript is relative to (``l``: a^l, w^{l+1}), the ``last`` layer's letter (``L``) and
the number of the ``first`` (the input layer: 1, or 0 for Goodfellow's h^(0) = x);
``[functions] activation = [...]`` (the letters written for the activation, sigma(z) and
sigma'(z)); and one ``[symbols.NAME]`` table per symbol with

- ``quantity``: one of :data:`QUANTITIES` (a weight, a bias b with z = w a + b, a
  threshold theta with z = w a - theta, the weighted input z, the net input without
  threshold, an activation a, the output, delta = dE/dz, the error E, the target, the
  input, the learning rate; the loss L and d2l's L2 term s = lambda/2 sum ||W||^2 with its
  strength lambda; Goodfellow's arbitrary regulariser: the ``penalty`` Omega(theta), a
  differentiable function of every weight and bias, written with its argument, the
  ``parameters`` theta, and its ``strength`` lambda, J = L + lambda Omega(theta));
- ``layer``: the layer it belongs to when fixed (section 5.3's v is layer 2's weight),
  else the layer is written as a superscript;
- ``indices`` (weights): the order of the written indices, ``["to", "from"]`` for
  Nielsen's w_{jk} (into j from k), ``["from", "to"]`` for the book's w_{hj};
- ``matrix`` (weights): ``"to-from"`` when the whole matrix has a row per unit it feeds;
- ``sign``: -1 when the symbol is minus the quantity (the book's g_j = -dE/dbeta_j);
- ``gradient_layer = "last"``: written without its layer as a gradient's variable, it is
  the output layer's (Nielsen's \nabla_a C).

A top-level ``jacobian`` says how the derivative of a vector by a vector is laid out:
``"denominator"`` (the default, the notes' layout: a row per entry of the variable, so
dE/dx = (dy/dx) dE/dy) or ``"numerator"`` (a row per entry of the differentiated vector,
the Jacobian of Goodfellow's 6.5.2: dE/dx = (dy/dx)^T dE/dy).

:func:`load` validates a file and names the bad key in its error.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:                                      # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["Notation", "Row", "NotationError", "load", "shipped", "QUANTITIES"]

HERE = Path(__file__).resolve().parent.parent / "notations"

#: the model's quantities a symbol may name, and whether each has a layer
QUANTITIES = {
    "weight": True, "bias": True, "threshold": True, "weighted-input": True,
    "net-input": True, "activation": True, "output": False, "delta": True,
    "error": False, "target": False, "input": False, "rate": False,
    "loss": False, "regulariser": False, "l2-strength": False,
    "penalty": False, "parameters": False, "strength": False,
}
#: quantities that are free variables (of the network, the data, the training): a
#: formula giving one of them a number is a choice, not a claim
FREE = frozenset({"weight", "bias", "threshold", "target", "input", "rate",
                  "l2-strength", "strength"})

_TOP_KEYS = {"name", "title", "summary", "builtin", "jacobian", "layers", "functions",
             "model", "symbols"}
_LAYER_KEYS = {"letter", "last", "first", "units", "widths", "count", "bias_unit", "sizes"}
_MODEL_KEYS = {"activation", "output", "loss", "bias", "l2", "regulariser", "general"}
#: [model] regulariser: none, d2l's L2 term (``l2 = true``), or an arbitrary one
_REGULARISERS = {"none": False, "l2": True, "any": "any"}
#: the settings a notation's [model] general may name (its book's formulas hold for any)
_GENERAL = ("activation", "loss")
#: the losses a notation's model may name (the checker's elementwise outputs)
_MODEL_LOSSES = ("squared", "cross-entropy", "any")
_ROW_KEYS = {"quantity", "layer", "indices", "matrix", "sign", "gradient_layer"}


class NotationError(ValueError):
    """A notation file that cannot be used: unknown name, unreadable, or a bad key."""


@dataclass(frozen=True)
class Row:
    """One written symbol: the model's ``quantity`` it stands for (see module doc)."""

    symbol: str
    quantity: str
    layer: object = None                 # None: written as a superscript; else an int
    indices: tuple = ("to",)
    matrix: str = "from-to"
    sign: int = 1
    gradient_layer: str = ""             # "last": written bare as a gradient's variable

    def describe(self, written: str = None) -> str:
        """The row in words; ``written``: how a layer is written (else as a superscript)."""
        where = (written or "its layer written as a superscript") if self.layer is None and \
            QUANTITIES[self.quantity] else (f"layer {self.layer}" if self.layer else "")
        parts = [self.quantity] + ([where] if where else [])
        if self.quantity == "weight":
            parts.append(f"indices {'_'.join(self.indices)}; matrix rows: "
                         f"{self.matrix.split('-')[0]}")
        if self.sign < 0:
            parts.append("minus the quantity")
        if self.gradient_layer:
            parts.append("the output layer's when written bare as a gradient's variable")
        return ", ".join(parts)


@dataclass(frozen=True)
class Notation:
    name: str
    title: str
    summary: str
    symbols: dict = field(default_factory=dict)      # written name -> Row
    activation: tuple = ("f",)
    layer_letter: str = ""
    last_layer: str = ""
    first_layer: int = 1                  # the input layer's number (Goodfellow's h^(0) = x)
    builtin: bool = False                 # the book's notation: read by the section-5.3 reader
    units: dict = field(default_factory=dict)    # index letter -> the layer its units are in
    widths: dict = field(default_factory=dict)   # width letter (D, M, K) -> its layer
    count: int = 0                        # with units: the number of layers they name
    bias_unit: bool = False               # unit 0 of a layer outputs 1 (w_j0 is the bias)
    model: tuple = ("sigmoid", "squared", None, True, False)  # activation, loss, output
                                          # units' activation, biases, the regulariser
                                          # (False, True: an L2 term, "any": lambda Omega)
    sizes: tuple = ()                     # the network its formulas are checked on (else
                                          # the notes' network)
    general: tuple = ()                   # settings of model a formula is first tried
                                          # arbitrary in ("activation", "loss")
    jacobian: str = "denominator"         # dy/dx of two vectors: a row per entry of x (the
                                          # notes'), or "numerator": a row per entry of y

    def table(self) -> str:
        """The rows as text (``symnet notations show NAME``)."""
        lines = [f"{self.name}: {self.title}", f"  {self.summary}"]
        if self.layer_letter:
            lines.append(f"  layers: superscript {self.layer_letter}, "
                         f"{self.layer_letter}-1, {self.layer_letter}+1; "
                         f"{self.last_layer} the output layer; {self.first_layer} the input")
        if self.units:
            lines.append("  layers named by index letters: " + ", ".join(
                f"{c} in layer {k}" for c, k in self.units.items()) +
                (", unit 0 the bias unit (output 1)" if self.bias_unit else ""))
        act, loss, output, bias, l2 = self.model
        act = "any differentiable function" if act == "any" else f"the {act}"
        lines.append(f"  activation written {', '.join(self.activation)}: {act}" +
                     (" unless a directive says otherwise" if self.builtin else "") +
                     (f"; output units {output}" if output else "") + f"; {loss} loss" +
                     ("" if bias else "; no biases") + ("; L2 term" if l2 is True else "") +
                     ("; regulariser lambda Omega(theta), any" if l2 == "any" else ""))
        if any(row.quantity == "penalty" for row in self.symbols.values()):
            lines.append("  regulariser lambda Omega(theta), Omega any differentiable function "
                         "of every weight and bias: in force in a formula that writes it and "
                         "after a statement of J with it in its section; else lambda = 0")
        if self.general:
            lines.append(f"  a formula is tried first for any {' and any '.join(self.general)}")
        if self.jacobian == "numerator":
            lines.append("  Jacobian dy/dx: a row per entry of y (grad_x E = (dy/dx)^T grad_y E)")
        width = max(len(s) for s in self.symbols)
        where = "its layer named by its index letter" if self.units else None
        lines += [f"  {s:<{width}}  {row.describe(where)}" for s, row in self.symbols.items()]
        return "\n".join(lines)


def shipped() -> list[str]:
    """The names of the notation files in the package."""
    return sorted(p.stem for p in HERE.glob("*.toml"))


def load(name_or_path: str) -> Notation:
    """A shipped notation by name, or a user's TOML file by path (ending in .toml)."""
    path = Path(name_or_path)
    if name_or_path.endswith(".toml"):
        if not path.is_file():
            raise NotationError(f"no notation file {name_or_path}")
    else:
        path = HERE / f"{name_or_path}.toml"
        if not path.is_file():
            raise NotationError(f"unknown notation {name_or_path!r} (known: "
                                f"{', '.join(shipped())}, or a path to a .toml file)")
    return _cached(str(path))


_CACHE: dict = {}


def _cached(path: str) -> Notation:
    if path not in _CACHE:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise NotationError(f"{path}: not a readable TOML file ({exc})") from None
        _CACHE[path] = _validated(data, path)
    return _CACHE[path]


def _validated(data: dict, where: str) -> Notation:
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise NotationError(f"{where}: unknown key {sorted(unknown)[0]!r} (known: "
                            f"{', '.join(sorted(_TOP_KEYS))})")
    for key in ("name", "title", "summary"):
        if not isinstance(data.get(key), str):
            raise NotationError(f"{where}: {key!r} must be a string")
    layers, functions = data.get("layers", {}), data.get("functions", {})
    for table, known in (("layers", _LAYER_KEYS), ("functions", {"activation"}),
                         ("model", _MODEL_KEYS)):
        bad = sorted(set(data.get(table, {})) - known)
        if bad:
            raise NotationError(f"{where}: unknown key {bad[0]!r} in [{table}] (known: "
                                f"{', '.join(sorted(known))})")
    symbols = data.get("symbols")
    if not isinstance(symbols, dict) or not symbols:
        raise NotationError(f"{where}: a notation needs a [symbols.NAME] table per symbol")
    rows = {name: _row(name, spec, where) for name, spec in symbols.items()}
    units, widths, count = _unit_letters(layers, where)
    if any(r.layer is None and QUANTITIES[r.quantity] for r in rows.values()) \
            and not layers.get("letter") and not units:
        raise NotationError(f"{where}: symbols with written layers need [layers] letter "
                            "(or units named by index letters: [layers] units)")
    return Notation(data["name"], data["title"], data["summary"], rows,
                    tuple(functions.get("activation", ["f"])), layers.get("letter", ""),
                    layers.get("last", ""), layers.get("first", 1),
                    bool(data.get("builtin", False)), units, widths, count,
                    bool(layers.get("bias_unit", False)), _model(data.get("model", {}), where),
                    _sizes(layers, count, where), _general(data.get("model", {}), where),
                    _jacobian(data, where))


def _general(spec: dict, where: str) -> tuple:
    """[model] general: the settings (activation, loss) the book proves its formulas for
    whatever they are (Nielsen's BP1-BP4 hold for every cost C and activation sigma): a
    formula is tried with them arbitrary first, and a proof there says so."""
    general = spec.get("general", [])
    if not isinstance(general, list) or not set(general) <= set(_GENERAL):
        raise NotationError(f"{where}: [model] general is a list of {', '.join(_GENERAL)}")
    return tuple(g for g in _GENERAL if g in general)


def _jacobian(data: dict, where: str) -> str:
    layout = data.get("jacobian", "denominator")
    if layout not in ("denominator", "numerator"):
        raise NotationError(f"{where}: jacobian is \"denominator\" (a row per entry of the "
                            "variable, the default) or \"numerator\" (a row per entry of "
                            "the differentiated vector)")
    return layout


def _sizes(layers: dict, count: int, where: str) -> tuple:
    sizes = layers.get("sizes", [])
    if not isinstance(sizes, list) or not all(isinstance(w, int) and 1 <= w <= 8
                                              for w in sizes) or \
            (count and sizes and len(sizes) != count):
        raise NotationError(f"{where}: [layers] sizes is a list of widths 1..8, one per "
                            "layer")
    if count and not sizes:
        raise NotationError(f"{where}: [layers] count goes with sizes (the network its "
                            "formulas are checked on)")
    return tuple(sizes)


def _unit_letters(layers: dict, where: str) -> tuple:
    """([layers] units, widths, count): index letters and width letters that name layers
    (Bishop's i, j, k and D, M, K), checked against the number of layers."""
    units, widths = layers.get("units", {}), layers.get("widths", {})
    count = layers.get("count", 0)
    for key, table in (("units", units), ("widths", widths)):
        if not isinstance(table, dict) or not all(
                isinstance(c, str) and len(c) == 1 and isinstance(k, int) and
                1 <= k <= count for c, k in table.items()):
            raise NotationError(f"{where}: [layers] {key} maps one letter each to a layer "
                                f"1..count (count = {count})")
    if units and not isinstance(count, int):
        raise NotationError(f"{where}: [layers] count must be an integer")
    return dict(units), dict(widths), count


def _model(spec: dict, where: str) -> tuple:
    """[model]: (activation, loss, output units' activation, biases, the regulariser);
    "any" is an arbitrary differentiable activation or loss (what is proved holds for
    every one); ``bias = false``: z = W a with no bias; ``l2 = true`` (or ``regulariser =
    "l2"``): the error is the loss plus s = lambda/2 sum of the squared weights (True);
    ``regulariser = "any"``: plus lambda Omega(theta), Omega an arbitrary differentiable
    function of every weight and bias ("any").  Without either (``"none"``) the error is
    the loss; a notation with a ``penalty`` row reads a formula that writes it, and those
    after a statement of the cost that does, with ``"any"`` (the checker's documents)."""
    from symnet.core.registry import ACTIVATIONS
    act, output = spec.get("activation", "sigmoid"), spec.get("output")
    loss = spec.get("loss", "squared")
    names = ["any", *ACTIVATIONS]
    if act not in names or output not in (None, "identity", *ACTIVATIONS):
        raise NotationError(f"{where}: [model] activation/output is one of "
                            f"{', '.join(names)}")
    if loss not in _MODEL_LOSSES:
        raise NotationError(f"{where}: [model] loss is one of {', '.join(_MODEL_LOSSES)}")
    bias, l2 = spec.get("bias", True), spec.get("l2", False)
    if not isinstance(bias, bool) or not isinstance(l2, bool):
        raise NotationError(f"{where}: [model] bias and l2 are true or false")
    kind = spec.get("regulariser", "l2" if l2 else "none")
    if kind not in _REGULARISERS or l2 and kind != "l2":
        raise NotationError(f"{where}: [model] regulariser is one of "
                            f"{', '.join(_REGULARISERS)} (l2 = true is \"l2\")")
    return act, loss, output, bias, _REGULARISERS[kind]


def _row(name: str, spec, where: str) -> Row:
    at = f"{where}: [symbols.{name}]"
    if not isinstance(spec, dict):
        raise NotationError(f"{at} must be a table")
    unknown = set(spec) - _ROW_KEYS
    if unknown:
        raise NotationError(f"{at}: unknown key {sorted(unknown)[0]!r} (known: "
                            f"{', '.join(sorted(_ROW_KEYS))})")
    quantity = spec.get("quantity")
    if quantity not in QUANTITIES:
        raise NotationError(f"{at}: quantity {quantity!r} is not one of "
                            f"{', '.join(QUANTITIES)}")
    indices = tuple(spec.get("indices", ["from", "to"] if quantity == "weight" else ["to"]))
    if quantity == "weight" and sorted(indices) != ["from", "to"]:
        raise NotationError(f"{at}: indices of a weight are [\"to\", \"from\"] or "
                            f"[\"from\", \"to\"], not {list(indices)}")
    matrix = spec.get("matrix", "from-to")
    if matrix not in ("from-to", "to-from"):
        raise NotationError(f"{at}: matrix is \"from-to\" or \"to-from\", not {matrix!r}")
    sign = spec.get("sign", 1)
    layer = spec.get("layer")
    if sign not in (1, -1) or not (layer is None or isinstance(layer, int) and layer >= 1):
        raise NotationError(f"{at}: sign is 1 or -1 and layer a positive integer")
    gradient_layer = spec.get("gradient_layer", "")
    if gradient_layer not in ("", "last"):
        raise NotationError(f"{at}: gradient_layer is \"last\" or absent")
    return Row(name, quantity, layer, indices, matrix, sign, gradient_layer)
