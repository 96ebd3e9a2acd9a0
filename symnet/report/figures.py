"""The report's figures (matplotlib, Agg backend, fixed metadata so the bytes repeat), one
set per language: the words in a figure are the edition's (the Chinese ones drawn with
TeX Live's Fandol Song font, found with kpsewhich; without it the figure keeps its
English words and says so in ``FONT_NOTE``).

- ``separability``: the four truth tables of figure 5.4 and the perceptron's lines;
- ``vanishing``: the gradient size per weight matrix, sigmoid against ReLU;
- ``training``: exercise 5.5, standard against accumulated BP on watermelon 3.0.
"""
from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402

METADATA = {"Software": None}

WORDS = {
    "en": dict(no_line="no line", matrix="weight matrix (1 = next to the input)",
               passes="pass over the training set", error="training error $E$",
               standard="standard BP", accumulated="accumulated BP"),
    "zh": dict(no_line="无分隔直线", matrix="权重矩阵（1 = 靠近输入）", passes="训练集遍数",
               error="训练误差 $E$", standard="标准 BP", accumulated="累积 BP"),
}


@lru_cache(maxsize=None)
def _cjk_font():
    """Fandol Song from TeX Live (the Chinese edition's own font), or None."""
    if shutil.which("kpsewhich") is None:
        return None
    path = subprocess.run(["kpsewhich", "FandolSong-Regular.otf"], capture_output=True,
                          text=True).stdout.strip()
    return FontProperties(fname=path) if path else None


def _words(lang: str):
    """(words, font properties) for the language; English when no CJK font is found."""
    if lang == "zh" and _cjk_font() is not None:
        return WORDS["zh"], {"fontproperties": _cjk_font()}
    return WORDS["en"], {}


def separability_figure(out, lang: str = "en") -> None:
    """The four truth tables of figure 5.4 with the lines the perceptron found (AND, OR,
    NOT) and none for XOR."""
    from derivations.perceptron import GATES, INPUTS, XOR, perceptron_train
    words, font = _words(lang)
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
        ax.set_title(name if found else f"{name}: {words['no_line']}", **font)
        ax.set_xlim(-0.5, 1.5)
        ax.set_ylim(-0.5, 1.5)
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.set_aspect("equal")
    fig.tight_layout()
    fig.savefig(out, format="png", dpi=150, metadata=METADATA)
    plt.close(fig)


def vanishing_figure(out, lang: str = "en") -> None:
    """Gradient size per weight matrix of a 10-layer, width-32 network: sigmoid vs ReLU."""
    from symnet.numeric.gradient_sizes import gradient_sizes
    words, font = _words(lang)
    fig, ax = plt.subplots(figsize=(6, 3))
    for act, style in (("sigmoid", "o-"), ("relu", "s-")):
        g = gradient_sizes(depth=10, width=32, activation=act)
        ax.semilogy(range(1, len(g.norms) + 1), g.norms, style,
                    label="sigmoid" if act == "sigmoid" else "ReLU")
    ax.set_xlabel(words["matrix"], **font)
    ax.set_ylabel(r"$\|\partial E/\partial \tilde\Theta\|_F$")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out, format="png", dpi=150, metadata=METADATA, bbox_inches="tight")
    plt.close(fig)


def training_figure(out, lang: str = "en") -> None:
    """Exercise 5.5: the training error per pass of standard and accumulated BP on
    watermelon 3.0 (19-10-1, eta 0.5, seed 0), on the verified kernels."""
    words, font = _words(lang)
    fig, ax = plt.subplots(figsize=(6, 3))
    for mode in ("standard", "accumulated"):
        errors = _training_errors(mode)
        ax.semilogy(range(1, len(errors) + 1), errors, label=words[mode])
    ax.set_xlabel(words["passes"], **font)
    ax.set_ylabel(words["error"], **font)
    ax.legend(prop=font.get("fontproperties"))
    fig.tight_layout()
    fig.savefig(out, format="png", dpi=150, metadata=METADATA, bbox_inches="tight")
    plt.close(fig)


@lru_cache(maxsize=None)
def _training_errors(mode: str) -> tuple:
    """The error per pass of one exercise-5.5 run (each edition draws the same runs)."""
    from symnet.numeric.train import train
    return tuple(train("watermelon3", mode, eta=0.5, epochs=400, seed=0).errors)


FIGURES = {"separability": separability_figure, "vanishing": vanishing_figure,
           "training": training_figure}
