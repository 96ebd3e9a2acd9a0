"""A trained network in one ``.npz`` file (``symnet train --save``) and its predictions
(``symnet predict``).

The file holds plain arrays only, so NumPy reads it without symnet and without pickles:

    z = np.load("model.npz", allow_pickle=False)
    meta = json.loads(z["metadata"][0])           # layers, activation, loss, encoding, ...
    params = [z[f"params_{k}"] for k in range(len(z["layers"]) - 1)]

``params_k`` has the kernels' shape (s_k + 1, s_{k+1}), thresholds in row 0
(z = a @ W[1:] - W[0]); ``layers`` the sizes, input first; ``metadata`` one JSON string:
``format``, ``version``, ``layers``, ``activation``, ``loss`` (and their LaTeX
``activation_definition``/``loss_definition`` for a user's own), ``encoding`` (the input
columns: categories, or mean and scale; the target: name and categories), ``features``,
``classes`` and how it was trained (``mode``, ``data``, ``seed``, ``eta``, ``epochs``,
``test_split``, ``train``/``test`` error and accuracy).
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field

import numpy as np

from symnet.core.files import write_atomic
from symnet.numeric.kernels import kernels
from symnet.numeric.train import Encoding, Run, Table

FORMAT, VERSION = "symnet-model", 1


@dataclass
class Model:
    """Trained weights (``params`` as the kernels' ``init_params``), the network's
    activation and loss, the encoding of its input rows, and ``info`` on its training."""

    params: list
    activation: str
    loss: str
    encoding: Encoding
    info: dict = field(default_factory=dict)

    @property
    def layers(self) -> list:
        return [W.shape[0] - 1 for W in self.params] + [self.params[-1].shape[1]]

    def outputs(self, X) -> np.ndarray:
        """Yhat = forward(params, X), shape (m, s_n)."""
        return kernels(self.layers, self.activation, self.loss).forward(self.params, X)

    def predict(self, table: Table):
        """(labels, Yhat) for the rows of ``table``, encoded as the training rows were;
        ValueError naming a missing column or an unknown category."""
        Yhat = self.outputs(self.encoding.encode(table))
        return self.encoding.target.labels(Yhat), Yhat

    def metadata(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "layers": self.layers,
                "activation": self.activation, "loss": self.loss,
                "encoding": self.encoding.to_json(), "features": self.encoding.features,
                "classes": list(self.encoding.target.classes), **self.info}

    def save(self, path: str) -> None:
        """Write the ``.npz`` file (through a temporary file, then a rename)."""
        arrays = {f"params_{k}": np.asarray(W, dtype=np.float64)
                  for k, W in enumerate(self.params)}
        buf = io.BytesIO()
        np.savez(buf, layers=np.array(self.layers, dtype=np.int64),
                 metadata=np.array([json.dumps(self.metadata(), ensure_ascii=False)]),
                 **arrays)
        write_atomic(path, buf.getvalue())


def from_run(run: Run, **info) -> Model:
    """The network a training run ended with; ``info``: how it was trained."""
    train = {"error": run.final_error, "accuracy": run.accuracy, "rows": run.rows[0]}
    test = ({"error": run.test_error, "accuracy": run.test_accuracy, "rows": run.rows[1]}
            if run.rows[1] else None)
    return Model([np.array(W) for W in run.params], run.activation, run.loss, run.encoding,
                 {"mode": run.mode, **info, "train": train, "test": test})


def load_model(path: str, option: str = "--model") -> Model:
    """Read a file written by :meth:`Model.save` (``allow_pickle=False``); ValueError
    with one sentence naming ``option`` and ``path`` for anything else."""
    where = f"{option} {path!r}"
    try:
        with np.load(path, allow_pickle=False) as z:
            arrays = {name: z[name] for name in z.files}
    except FileNotFoundError:
        raise ValueError(f"{where}: no such file") from None
    except IsADirectoryError:
        raise ValueError(f"{where} is a folder, not a file") from None
    except PermissionError:
        raise ValueError(f"{where}: cannot read it (permission denied)") from None
    except (AttributeError, TypeError, ValueError, OSError, EOFError, zipfile.BadZipFile):
        # a .npy file has no .files; anything else is not an npz archive of plain arrays
        raise ValueError(f"{where}: not a model file of `symnet train --save` "
                         "(an .npz archive of plain arrays)") from None
    try:
        meta = json.loads(str(arrays["metadata"][0]))
        if meta.get("format") != FORMAT:
            raise ValueError("its metadata does not say format 'symnet-model'")
        if meta.get("version", 0) > VERSION:
            raise ValueError(f"version {meta['version']}, newer than this symnet reads "
                             f"({VERSION})")
        layers = [int(s) for s in arrays["layers"]]
        params = [np.asarray(arrays[f"params_{k}"], dtype=np.float64)
                  for k in range(len(layers) - 1)]
        encoding = Encoding.from_json(meta["encoding"])
    except KeyError as exc:
        raise ValueError(f"{where}: not a model file of `symnet train --save` (no "
                         f"{exc.args[0]!r})") from None
    except (ValueError, TypeError, IndexError, AttributeError) as exc:
        raise ValueError(f"{where}: not a model file of `symnet train --save` "
                         f"({exc})") from None
    _check_shapes(where, layers, params, encoding)
    info = {k: v for k, v in meta.items() if k not in _DERIVED}
    return Model(params, meta["activation"], meta["loss"], encoding, info)


#: metadata that the model itself states (not kept in ``info`` when read back)
_DERIVED = ("format", "version", "layers", "activation", "loss", "encoding", "features",
            "classes")


def _check_shapes(where: str, layers, params, encoding: Encoding) -> None:
    for k, W in enumerate(params):
        if W.shape != (layers[k] + 1, layers[k + 1]):
            raise ValueError(f"{where}: params_{k} has shape {W.shape}, layers "
                             f"{','.join(map(str, layers))} need {(layers[k] + 1, layers[k + 1])}")
    if len(encoding.features) != layers[0] or encoding.target.outputs != layers[-1]:
        raise ValueError(f"{where}: its encoding gives {len(encoding.features)} inputs and "
                         f"{encoding.target.outputs} outputs, its layers "
                         f"{','.join(map(str, layers))}")


def output_columns(model: Model) -> list:
    """The header of the predictions: the target's name (the class), then ``output`` (one
    output unit) or ``output:CLASS`` per unit."""
    target = model.encoding.target
    if target.outputs == 1:
        return [target.name, "output"]
    return [target.name, *(f"output:{c}" for c in target.classes)]


def predictions_csv(model: Model, labels, Yhat) -> str:
    """One row per input row: the class label, then the output value(s) (repr: the
    float64 exactly)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(output_columns(model))
    for label, row in zip(labels, Yhat):
        writer.writerow([label, *(repr(float(v)) for v in row)])
    return buf.getvalue()
