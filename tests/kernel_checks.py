"""Checks of the generated kernels shared by tests/test_kernels.py and tests/jax_checks.py:
a backend and dtype against torch autograd, float32 against float64."""
import importlib.util

import numpy as np

from symnet.numeric.codegen import generate

AVAILABLE = {name: importlib.util.find_spec(name) is not None
             for name in ("numpy", "torch", "jax", "numba")}
TOLERANCE = {"float64": 1e-9, "float32": 1e-4}
SIZES, BATCH = [4, 6, 5, 2], 7


def load(text, folder, name="kernel"):
    path = folder / f"{name}.py"
    path.write_text(text)
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def rel_err(a, b):
    a, b = np.concatenate([np.ravel(x) for x in a]), np.concatenate([np.ravel(x) for x in b])
    return np.linalg.norm(a - b) / max(np.linalg.norm(b), 1e-300)


def data(sizes, m, seed=0, loss="squared"):
    """Inputs X (m, s_1) and targets Y (m, s_n) in [0, 1] (0/1 for cross-entropy, one-hot
    rows for softmax with cross-entropy)."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, sizes[0]))
    Y = rng.uniform(size=(m, sizes[-1]))
    if loss == "softmax-cross-entropy":
        return X, np.eye(sizes[-1])[rng.integers(0, sizes[-1], m)]
    return X, ((Y > 0.5).astype(float) if loss == "cross-entropy" else Y)


def as_numpy(a):
    return a.detach().numpy() if hasattr(a, "detach") else np.asarray(a)


def to_backend(backend, arrays):
    if backend == "torch":
        import torch
        return [torch.as_tensor(a) for a in arrays]
    return list(arrays)


def torch_reference(act, los, params, X, Y, dtype):
    """E and its gradient by torch autograd in ``dtype``."""
    import torch
    f = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
         "identity": lambda z: z, "softplus": torch.nn.functional.softplus,
         "leaky_relu": lambda z: torch.nn.functional.leaky_relu(z, 0.01)}[act]
    tdtype = getattr(torch, dtype)
    tp = [torch.tensor(np.asarray(p), dtype=tdtype, requires_grad=True) for p in params]
    a = torch.tensor(X, dtype=tdtype)
    for k, W in enumerate(tp):
        z = a @ W[1:] - W[0]
        a = z if los == "softmax-cross-entropy" and k == len(tp) - 1 else f(z)
    y = torch.tensor(Y, dtype=tdtype)
    if los == "softmax-cross-entropy":           # a holds the logits z^(n) here
        E = torch.nn.functional.cross_entropy(a, y, reduction="sum") / X.shape[0]
    elif los == "squared":
        E = 0.5 * ((a - y) ** 2).sum() / X.shape[0]
    else:
        E = torch.nn.functional.binary_cross_entropy(a, y, reduction="sum") / X.shape[0]
    E.backward()
    return E.item(), [W.grad.numpy() for W in tp]


def backend_agrees_with_autograd(folder, backend, dtype, act, los):
    mod = load(generate(SIZES, act, los, backend, dtype), folder,
               f"k_{backend}_{dtype}_{act}_{los}".replace("-", "_"))
    params = [np.array(as_numpy(p), dtype=dtype) for p in mod.init_params(5)]
    X, Y = data(SIZES, BATCH, loss=los)
    X, Y = X.astype(dtype), Y.astype(dtype)
    E, grads = mod.loss_and_grad(to_backend(backend, params), *to_backend(backend, [X, Y]))
    grads = [as_numpy(g) for g in grads]
    assert all(g.dtype == np.dtype(dtype) for g in grads)
    assert np.asarray(E).dtype == np.dtype(dtype)
    E_ref, g_ref = torch_reference(act, los, params, X, Y, dtype)
    assert abs(float(E) - E_ref) <= TOLERANCE[dtype] * max(1.0, abs(E_ref))
    assert rel_err(grads, g_ref) <= TOLERANCE[dtype]
    new = mod.step(to_backend(backend, params), *to_backend(backend, [X, Y]), 0.1)
    assert all(as_numpy(w).dtype == np.dtype(dtype) for w in new)


def float32_matches_float64(folder, backend):
    sizes = [3, 4, 4, 3]
    m64 = load(generate(sizes, backend=backend), folder, f"k64_{backend}")
    m32 = load(generate(sizes, backend=backend, dtype="float32"), folder, f"k32_{backend}")
    X, Y = data(sizes, 5)
    p = [as_numpy(w) for w in m64.init_params(3)]
    g64 = m64.loss_and_grad(to_backend(backend, p), *to_backend(backend, [X, Y]))[1]
    p32 = [w.astype(np.float32) for w in p]
    X32, Y32 = X.astype(np.float32), Y.astype(np.float32)
    g32 = m32.loss_and_grad(to_backend(backend, p32), *to_backend(backend, [X32, Y32]))[1]
    g64, g32 = [as_numpy(g) for g in g64], [as_numpy(g) for g in g32]
    assert all(g.dtype == np.float32 for g in g32)
    assert rel_err(g32, g64) <= 1e-5
