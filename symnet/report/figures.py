"""The report's figures (matplotlib, Agg backend, fixed metadata so the bytes repeat)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

METADATA = {"Software": None}


def separability_figure(out) -> None:
    """The four truth tables of figure 5.4 with the lines the perceptron found (AND, OR,
    NOT) and none for XOR."""
    from derivations.perceptron import GATES, INPUTS, XOR, perceptron_train
    tables = [(n.upper(), t) for n, (t, _, _) in GATES.items()] + [("XOR", XOR)]
    fig, axes = plt.subplots(1, 4, figsize=(9, 2.5))
    for ax, (name, table) in zip(axes, tables):
        for x in INPUTS:
            ax.scatter(*x, marker="o" if table[x] else "x", s=60,
                       color="tab:blue" if table[x] else "tab:red")
        found = perceptron_train(table)
        if found is not None:
            (w1, w2), theta, _ = found
            w1, w2, theta = float(w1), float(w2), float(theta)
            if abs(w2) > 1e-12:
                xs = [-0.5, 1.5]
                ax.plot(xs, [(theta - w1 * v) / w2 for v in xs], color="black")
            else:
                ax.axvline(theta / w1, color="black")
        ax.set_title(name if found else f"{name}: no line")
        ax.set_xlim(-0.5, 1.5)
        ax.set_ylim(-0.5, 1.5)
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.set_aspect("equal")
    fig.tight_layout()
    fig.savefig(out, format="png", dpi=150, metadata=METADATA)
    plt.close(fig)


def vanishing_figure(out) -> None:
    """Gradient size per weight matrix of a 10-layer, width-32 network: sigmoid vs ReLU."""
    from symnet.numeric.gradient_sizes import gradient_sizes
    fig, ax = plt.subplots(figsize=(6, 3))
    for act, style in (("sigmoid", "o-"), ("relu", "s-")):
        g = gradient_sizes(depth=10, width=32, activation=act)
        ax.semilogy(range(1, len(g.norms) + 1), g.norms, style, label=act)
    ax.set_xlabel("weight matrix (1 = next to the input)")
    ax.set_ylabel(r"$\|\partial E/\partial \tilde\Theta\|_F$")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out, format="png", dpi=150, metadata=METADATA)
    plt.close(fig)
