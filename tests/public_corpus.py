"""A corpus of REAL public documents about chapter 5 (back-propagation) of Zhou Zhihua's
"Machine Learning" (the watermelon book), written in the book's notation, with a hand
judgement of every chapter-5 equation they contain.

Provenance.  The documents were located and read through a stored index of public GitHub
repositories (read-only look-ups; nothing was cloned).  `repo`, `path` and `commit` name the
stored version that was read; `url` is the GitHub blob address of that version.  Thirteen
documents (`author=None`) were only reachable by their id in that index (`index_id`); their
repository could not be identified, so `repo`, `path`, `commit` and `url` are None.  Line
numbers count the newlines of the stored text (read as JSON, so blanks and TABs are exact).

Only formulas (facts) are reproduced; no prose sentence is copied.  Notes are my own.

Per document:
  equations = [(line, latex, verdict, bp, note), ...]
    line     1-based line number in the file of the OPENING delimiter of the math span
             (`$`, `$$`, ...); for a display whose `$$` stands on its own line this is the
             `$$` line, not the line of the first formula row.
    latex    the text between the delimiters exactly as in the file (Markdown escapes and
             all), with only the leading/trailing newlines of a multi-line display removed
             (for a display indented in a list, also the indentation before its closing $$).
             Only spans containing a relation (=, \\in, \\leftarrow, ...) are listed; spans like
             `$\\eta$` are not.  Math that is not about the chapter-5 network (logistic regression
             etc.) outside the skeleton is not listed.
    verdict  "holds"       true identity in the book's notation (thresholds subtracted,
                           g_j = -dE_k/d beta_j, e_h = -dE_k/db_h * db_h/d alpha_h, sigmoid f);
             "refuted"     claimed identity that is false in the book's notation (note says why);
             "not a claim" assignment to a free variable, a condition (\\in), a data set, or the
                           definition of a NEW symbol/function (P(t)=..., sigmoid(x)=...);
                           re-stating a symbol the book already defines (g_j=, e_h=, E_k=,
                           b_h=, ...) IS a claim;
             "not checked" outside the single-hidden-layer notation (perceptron, generic update
                           `v <- v + Delta v`, regularised objective, ...), with a reason.
    bp       True when the equation is a back-propagation formula of the book's single
             hidden layer network (forward definitions 5.3-5.4/alpha_h/beta_j/b_h, E_k, E,
             chain-rule links, g_j, e_h, f', the four updates); False otherwise.
  layouts   tags of the math layout used in the document (see LAYOUT_TAGS).
  source_math_layout
            a SKELETON of the document (or of its back-propagation section, starting at
            file line `skeleton_first_line`): every line keeps its place; a line without math
            is empty; on a line with math, each run of prose (anything with letters/CJK outside
            the delimiters) is replaced by "…", while delimiters, math, indentation, list
            markers, pure punctuation next to math and equation tags like "(5.3)" are kept
            byte-exact (tabs, trailing blanks included).  Every listed equation lies inside the
            skeleton.  One exception keeps the Markdown structure: a list-item line without
            math that the math items below are nested in keeps its indentation and marker, its
            prose written "…" (left empty, the nested items indented by a TAB or four blanks
            would read as an indented code block).

Verdict policy for documents that rename the book's sizes (e.g. `c` outputs and `m` hidden
units instead of l and q, declared in the document itself): the formulas are judged against
the document's own declared sizes ("holds" when otherwise right), and the note says so.
"""

LAYOUT_TAGS = {
    "dollar-inline": "$...$ inline math",
    "dollar-display": "$$...$$ with both delimiters on the formula's line",
    "dollar-display-block": "$$ on a line of its own, formula lines between",
    "dollar-display-inline": "$$...$$ used inside a sentence/list item (text before or after on the line)",
    "display-env-same-line": "$$\\begin{aligned} on the opening line / \\end{aligned}$$ on the closing line",
    "aligned": "\\begin{aligned}...\\end{aligned}",
    "equation-env": "\\begin{equation} around aligned inside $$",
    "cases": "\\begin{cases} inside inline math spanning several lines",
    "multiline-inline": "a $...$ or $$...$$ span that continues over several lines",
    "row-leading-newline": "aligned rows written as `\\\\&=...` (row break at the start of the row)",
    "backslash-rows-without-env": "`\\\\` row breaks in a $$ display with no environment",
    "cfrac": "\\cfrac",
    "dfrac": "\\dfrac",
    "frac-unbraced": "\\frac 12 / \\frac 1{...} (unbraced arguments)",
    "left-right": "\\left( ... \\right)",
    "limits": "\\limits / \\sum^l_{j=1} with superscript first",
    "prime-variants": "f', f^{\\prime}, f^\\prime, f^{'}",
    "tab-in-math": "a TAB character inside math",
    "trailing-whitespace": "blanks after the closing delimiter or inside before it",
    "equation-tag-text": "equation number written as plain text after the display, e.g. (5.3) or （5.9）",
    "trailing-punctuation-in-math": "`,` or `.` inside the math at its end",
    "unicode-math": "non-ASCII characters inside math (Δ η ∂ ∈, full-width （）, CJK)",
    "indented-display": "$$ display indented inside a list item",
    "ellipsis-step": "`= ... =` eliding steps of a chain",
    "html": "HTML tags (<center>, <link>) in the Markdown",
    "front-matter": "YAML front matter",
    "boldsymbol": "\\boldsymbol vectors",
    "hat-without-braces": "\\hat y (no braces)",
    "several-claims-one-span": "several comma-separated equations in one math span",
    "delta-as-partial": "\\delta written for the partial-derivative sign (\\frac{\\delta E_k}{\\delta w_{hj}})",
    "hat-over-subscript": "\\hat{y_j}^k (the hat over the subscripted symbol)",
    "big-delimiters": "\\big( ... \\big), \\bigl/\\bigr",
    "chain-over-spans": "one link of a chain per $...$ span, each continuation span starting with '='",
    "bm": "\\bm vectors",
    "tab-indented-list": "list items indented with TAB characters",
    "align-env": "\\begin{align*} / \\begin{align} inside $$",
    "array-rows": "equations as rows of \\begin{array}{c}",
}


# ---------------------------------------------------------------------------------------
# 1. datawhalechina/pumpkin-book, docs/chapter5/chapter5.md, two stored versions
# ---------------------------------------------------------------------------------------

_PUMPKIN_NEW_SKELETON = r"""
$$\begin{aligned}
g_j&=-\frac{\partial {E_k}}{\partial{\hat{y}_j^k}} \cdot \frac{\partial{\hat{y}_j^k}}{\partial{\beta_j}}
\\&=-( \hat{y}_j^k-y_j^k ) f ^{\prime} (\beta_j-\theta_j)
\\&=\hat{y}_j^k(1-\hat{y}_j^k)(y_j^k-\hat{y}_j^k)
\end{aligned}$$



$$\Delta \theta_j = -\eta g_j$$

$$\Delta \theta_j = -\eta \cfrac{\partial E_k}{\partial \theta_j}$$

$$
\begin{aligned}<TAB>
\cfrac{\partial E_k}{\partial \theta_j} &= \cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot\cfrac{\partial \hat{y}_j^k}{\partial \theta_j} \\
&= \cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot\cfrac{\partial [f(\beta_j-\theta_j)]}{\partial \theta_j} \\
&=\cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot f^{\prime}(\beta_j-\theta_j) \times (-1) \\
&=\cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot f\left(\beta_{j}-\theta_{j}\right)\times\left[1-f\left(\beta_{j}-\theta_{j}\right)\right]  \times (-1) \\
&=\cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot \hat{y}_j^k\left(1-\hat{y}_j^k\right)  \times (-1) \\
&=\cfrac{\partial\left[ \cfrac{1}{2} \sum\limits_{j=1}^{l}\left(\hat{y}_{j}^{k}-y_{j}^{k}\right)^{2}\right]}{\partial \hat{y}_{j}^{k}} \cdot \hat{y}_j^k\left(1-\hat{y}_j^k\right) \times (-1)  \\
&=\cfrac{1}{2}\times 2(\hat{y}_j^k-y_j^k)\times 1 \cdot\hat{y}_j^k\left(1-\hat{y}_j^k\right)  \times (-1) \\
&=(y_j^k-\hat{y}_j^k)\hat{y}_j^k\left(1-\hat{y}_j^k\right)  \\
&= g_j
\end{aligned}
$$

$$\Delta \theta_j = -\eta \cfrac{\partial E_k}{\partial \theta_j}=-\eta g_j$$


$$\Delta v_{ih} = \eta e_h x_i$$

$$\Delta v_{ih} = -\eta \cfrac{\partial E_k}{\partial v_{ih}}$$

$$
\begin{aligned}<TAB>
\cfrac{\partial E_k}{\partial v_{ih}} &= \sum_{j=1}^{l} \cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot \cfrac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot \cfrac{\partial \beta_j}{\partial b_h} \cdot \cfrac{\partial b_h}{\partial \alpha_h} \cdot \cfrac{\partial \alpha_h}{\partial v_{ih}} \\
&= \sum_{j=1}^{l} \cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot \cfrac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot \cfrac{\partial \beta_j}{\partial b_h} \cdot \cfrac{\partial b_h}{\partial \alpha_h} \cdot x_i \\<SP>
&= \sum_{j=1}^{l} \cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot \cfrac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot \cfrac{\partial \beta_j}{\partial b_h} \cdot f^{\prime}(\alpha_h-\gamma_h) \cdot x_i \\
&= \sum_{j=1}^{l} \cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot \cfrac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot w_{hj} \cdot f^{\prime}(\alpha_h-\gamma_h) \cdot x_i \\
&= \sum_{j=1}^{l} (-g_j) \cdot w_{hj} \cdot f^{\prime}(\alpha_h-\gamma_h) \cdot x_i \\
&= -f^{\prime}(\alpha_h-\gamma_h) \cdot \sum_{j=1}^{l} g_j \cdot w_{hj}  \cdot x_i\\
&= -b_h(1-b_h) \cdot \sum_{j=1}^{l} g_j \cdot w_{hj}  \cdot x_i \\
&= -e_h \cdot x_i
\end{aligned}
$$

$$\Delta v_{ih} =-\eta \cfrac{\partial E_k}{\partial v_{ih}} =\eta e_h x_i$$


$$\Delta \gamma_h= -\eta e_h$$

$$\Delta \gamma_h = -\eta \cfrac{\partial E_k}{\partial \gamma_h}$$

$$
\begin{aligned}<TAB>
\cfrac{\partial E_k}{\partial \gamma_h} &= \sum_{j=1}^{l} \cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot \cfrac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot \cfrac{\partial \beta_j}{\partial b_h} \cdot \cfrac{\partial b_h}{\partial \gamma_h} \\
&= \sum_{j=1}^{l} \cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot \cfrac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot \cfrac{\partial \beta_j}{\partial b_h} \cdot f^{\prime}(\alpha_h-\gamma_h) \cdot (-1) \\
&= -\sum_{j=1}^{l} \cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot \cfrac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot w_{hj} \cdot f^{\prime}(\alpha_h-\gamma_h)\\
&= -\sum_{j=1}^{l} \cfrac{\partial E_k}{\partial \hat{y}_j^k} \cdot \cfrac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot w_{hj} \cdot b_h(1-b_h)\\
&= \sum_{j=1}^{l}g_j\cdot w_{hj} \cdot b_h(1-b_h)\\
&=e_h
\end{aligned}
$$

$$\Delta \gamma_h=-\eta\cfrac{\partial E_k}{\partial \gamma_h} = -\eta e_h$$


$$\begin{aligned}
e_h&=-\frac{\partial {E_k}}{\partial{b_h}}\cdot \frac{\partial{b_h}}{\partial{\alpha_h}}
\\&=-\sum_{j=1}^l \frac{\partial {E_k}}{\partial{\beta_j}}\cdot \frac{\partial{\beta_j}}{\partial{b_h}}f^{\prime}(\alpha_h-\gamma_h)
\\&=\sum_{j=1}^l w_{hj}g_j f^{\prime}(\alpha_h-\gamma_h)
\\&=b_h(1-b_h)\sum_{j=1}^l w_{hj}g_j<SP>
\end{aligned}$$
"""[1:-1]


def _block(skeleton, first, line):
    """The latex of the display whose opening `$$` stands on file line `line` (helper used
    only to avoid re-typing long aligned blocks; equal to the text between the delimiters)."""
    lines = skeleton.split("\n")
    i = line - first
    head = lines[i]
    start = head.index("$$") + 2
    text = "\n".join([head[start:]] + lines[i + 1:])
    return text[: text.index("$$")].strip("\n")


_PUMPKIN_NEW_FIRST = 46
_pn = lambda line: _block(_PUMPKIN_NEW_SKELETON_T, _PUMPKIN_NEW_FIRST, line)

_PUMPKIN_NEW_SKELETON_T = _PUMPKIN_NEW_SKELETON.replace("<TAB>", "\t").replace("<SP>", " ")

_PUMPKIN_EQUATIONS_NEW = [
    (46, _pn(46), "holds", True,
     "5.10: g_j = -dE_k/dyhat * dyhat/dbeta = -(yhat-y) f'(beta-theta) = yhat(1-yhat)(y-yhat)"),
    (54, r"\Delta \theta_j = -\eta g_j", "holds", True, "5.12"),
    (56, r"\Delta \theta_j = -\eta \cfrac{\partial E_k}{\partial \theta_j}", "holds", True,
     "gradient-descent rule for theta_j"),
    (58, _pn(58), "holds", True,
     "dE_k/dtheta_j = dE_k/dyhat * f'(beta-theta)*(-1) = (yhat-y)yhat(1-yhat)(-1) = g_j; every row checked"),
    (72, r"\Delta \theta_j = -\eta \cfrac{\partial E_k}{\partial \theta_j}=-\eta g_j", "holds", True, ""),
    (75, r"\Delta v_{ih} = \eta e_h x_i", "holds", True, "5.13"),
    (77, r"\Delta v_{ih} = -\eta \cfrac{\partial E_k}{\partial v_{ih}}", "holds", True, ""),
    (79, _pn(79), "holds", True,
     "dE_k/dv_ih = sum_j (-g_j) w_hj f'(alpha-gamma) x_i = -e_h x_i; every row checked"),
    (92, r"\Delta v_{ih} =-\eta \cfrac{\partial E_k}{\partial v_{ih}} =\eta e_h x_i", "holds", True, ""),
    (95, r"\Delta \gamma_h= -\eta e_h", "holds", True, "5.14"),
    (97, r"\Delta \gamma_h = -\eta \cfrac{\partial E_k}{\partial \gamma_h}", "holds", True, ""),
    (99, _pn(99), "holds", True,
     "db_h/dgamma_h = -f'(alpha-gamma); dE_k/dgamma_h = sum_j g_j w_hj b_h(1-b_h) = e_h; every row checked"),
    (110, r"\Delta \gamma_h=-\eta\cfrac{\partial E_k}{\partial \gamma_h} = -\eta e_h", "holds", True, ""),
    (113, _pn(113), "holds", True,
     "5.15: e_h = -sum_j dE_k/dbeta_j * w_hj f'(alpha-gamma) = b_h(1-b_h) sum_j w_hj g_j"),
]

# The older stored version has no 5.10/5.15 entries: its 5.12-5.14 section is byte-identical
# to lines 54-110 of the newer one, 8 lines earlier (46-102).
_PUMPKIN_OLD_FIRST = 46
_PUMPKIN_OLD_SKELETON = "\n".join(
    _PUMPKIN_NEW_SKELETON_T.split("\n")[54 - _PUMPKIN_NEW_FIRST: 110 - _PUMPKIN_NEW_FIRST + 1])
_PUMPKIN_EQUATIONS_OLD = [
    (line - 8, latex, verdict, bp, note)
    for (line, latex, verdict, bp, note) in _PUMPKIN_EQUATIONS_NEW if 54 <= line <= 110
]

_PUMPKIN_LAYOUTS_NEW = ["dollar-display", "dollar-display-block", "display-env-same-line", "aligned",
                        "row-leading-newline", "cfrac", "left-right", "limits", "prime-variants",
                        "tab-in-math", "trailing-whitespace"]
_PUMPKIN_LAYOUTS_OLD = ["dollar-display", "dollar-display-block", "aligned", "cfrac",
                        "left-right", "limits", "prime-variants", "tab-in-math",
                        "trailing-whitespace"]


# ---------------------------------------------------------------------------------------
# 2. SignorinoY/signorinoy.github.io, source/_posts/machine-learning-derivation.md (blog post)
# ---------------------------------------------------------------------------------------

_SIGNORINO_FIRST = 65
_SIGNORINO_SKELETON = r"""
… $D=\{(\boldsymbol{x_1},\boldsymbol{y_1}),(\boldsymbol{x_2},\boldsymbol{y_2}),\ldots,(\boldsymbol{x_n},\boldsymbol{y_n})\},\boldsymbol{x_i}\in\mathbb{R}^d,\boldsymbol{y_i}\in\mathbb{R}^l$…





… $\boldsymbol{\hat{y}_k}=\left(\hat{y}_1^k,\hat{y}_2^k,\dots,\hat{y}_l^k\right)$… $\hat{y}_j^k=f\left(\beta_j-\theta_j\right)$… $\boldsymbol{\hat{b}_k}=\left(\hat{b}_1^k,\hat{b}_2^k,\dots,\hat{b}_q^k\right)$… $\hat{b}_h^k=f\left(\alpha_h-\gamma_h\right)$…

… $\left(\boldsymbol{x_k},\boldsymbol{y_k}\right)$ …

$$
E_k=\frac{1}{2}\sum_{j=1}^l\left(\hat{y}_j^k-y_j^k\right)^2
$$

… $\eta$…

$$
\begin{aligned}
\Delta w_{hj}&=-\eta\cdot\frac{\partial E_k}{\partial w_{hj}}\\
             &=-\eta\cdot\frac{\partial E_k}{\partial\hat{y}_j^k}\cdot\frac{\partial\hat{y}_j^k}{\partial\beta_j}\cdot\frac{\partial\beta_j}{\partial w_{hj}}\\
             &=-\eta\cdot\left(\hat{y}_j^k-y_j^k\right)\cdot f^\prime\left(\beta_j-\theta_j\right)\cdot b_h\\
             &=-\eta\cdot\left(\hat{y}_j^k-y_j^k\right)\cdot f\left(\beta_j-\theta_j\right)\left(1-f\left(\beta_j-\theta_j\right)\right)\cdot b_h\\
             &=-\eta\cdot\left(\hat{y}_j^k-y_j^k\right)\cdot\hat{y}_j^k\left(1-\hat{y}_j^k\right)\cdot b_h\\
             &=\eta b_h\hat{y}_j^k\left(1-\hat{y}_j^k\right)\left(y_j^k-\hat{y}_j^k\right)\\
\Delta \theta_j&=-\eta\cdot\frac{\partial E_k}{\partial\theta_j}\\
               &=-\eta\cdot\frac{\partial E_k}{\partial\hat{y}_j^k}\cdot\frac{\partial\hat{y}_j^k}{\partial\theta_j}\\
               &=-\eta\cdot\left(\hat{y}_j^k-y_j^k\right)\cdot (-1)f^\prime\left(\beta_j-\theta_j\right)\\
               &=\eta\hat{y}_j^k\left(1-\hat{y}_j^k\right)\left(\hat{y}_j^k-y_j^k\right)\\
\Delta v_{ih}&=-\eta\cdot\frac{\partial E_k}{\partial v_{ih}}\\
             &=-\eta\cdot\sum_{j=1}^{l}\frac{\partial E_k}{\partial\hat{y}_j^k}\cdot\frac{\partial\hat{y}_j^k}{\partial\beta_h}\cdot\frac{\partial\beta_j}{\partial b_h}\cdot\frac{\partial b_h}{\partial\alpha_h}\cdot\frac{\partial\alpha_h}{\partial v_{ih}}\\
             &=-\eta\cdot\sum_{j=1}^{l}\left(\hat{y}_j^k-y_j^k\right)\cdot\hat{y}_j^k\left(1-\hat{y}_j^k\right)\cdot w_{hj}\cdot f^\prime\left(\alpha_h-\gamma_h\right)\cdot x_i\\
             &=\eta x_ib_h(1-b_h)\sum_{j=1}^lw_{hj}\hat{y}_j^k\left(1-\hat{y}_j^k\right)\left(y_j^k-\hat{y}_j^k\right)\\
\Delta \gamma_h&=-\eta\cdot\frac{\partial E_k}{\partial v_{ih}}\\
               &=-\eta\cdot\sum_{j=1}^{l}\frac{\partial E_k}{\partial\hat{y}_j^k}\cdot\frac{\partial\hat{y}_j^k}{\partial\beta_h}\cdot\frac{\partial\beta_j}{\partial b_h}\cdot\frac{\partial b_h}{\partial\gamma_h}\\
               &=-\eta\cdot\sum_{j=1}^{l}\left(\hat{y}_j^k-y_j^k\right)\cdot\hat{y}_j^k\left(1-\hat{y}_j^k\right)\cdot w_{hj}\cdot(-1)f^\prime\left(\alpha_h-\gamma_h\right)\\
               &=\eta b_h(1-b_h)\sum_{j=1}^lw_{hj}\hat{y}_j^k\left(1-\hat{y}_j^k\right)\left(\hat{y}_j^k-y_j^k\right)
\end{aligned}
$$

… $g_j=\hat{y}_j^k\left(1-\hat{y}_j^k\right)\left(y_j^k-\hat{y}_j^k\right)$，$e_h=b_h(1-b_h)\sum_{j=1}^lw_{hj}g_j$…

$$
\Delta w_{hj}=\eta g_jb_h,\Delta\theta_j=-\eta g_j,\Delta v_{ih}=\eta e_hx_i,\Delta\gamma_h=-\eta e_h
$$

… $v$ …

$$
v\leftarrow v+\Delta v
$$
"""[1:-1]
_sg = lambda line: _block(_SIGNORINO_SKELETON, _SIGNORINO_FIRST, line)

_SIGNORINO_EQUATIONS = [
    (65, r"D=\{(\boldsymbol{x_1},\boldsymbol{y_1}),(\boldsymbol{x_2},\boldsymbol{y_2}),\ldots,(\boldsymbol{x_n},\boldsymbol{y_n})\},\boldsymbol{x_i}\in\mathbb{R}^d,\boldsymbol{y_i}\in\mathbb{R}^l",
     "not a claim", False, "training-set definition and membership conditions (uses n for the sample count)"),
    (71, r"\boldsymbol{\hat{y}_k}=\left(\hat{y}_1^k,\hat{y}_2^k,\dots,\hat{y}_l^k\right)", "holds", False,
     "the book's output vector of sample k (bold hat over y_k)"),
    (71, r"\hat{y}_j^k=f\left(\beta_j-\theta_j\right)", "holds", True, "5.3"),
    (71, r"\boldsymbol{\hat{b}_k}=\left(\hat{b}_1^k,\hat{b}_2^k,\dots,\hat{b}_q^k\right)", "not a claim", False,
     "introduces new symbols \\hat{b}_h^k (the book writes b_h without hat/sample index)"),
    (71, r"\hat{b}_h^k=f\left(\alpha_h-\gamma_h\right)", "not a claim", False,
     "defines the new symbol \\hat{b}_h^k; it coincides with the book's b_h = f(alpha_h - gamma_h), "
     "so a checker reading \\hat{b}_h^k as b_h would say holds (judgement unsure)"),
    (75, r"E_k=\frac{1}{2}\sum_{j=1}^l\left(\hat{y}_j^k-y_j^k\right)^2", "holds", True, "5.4"),
    (81, _sg(81), "refuted", True,
     "four chains in one aligned block; the Delta w and Delta theta chains are right, and all four "
     "end results equal the book's updates, but the Delta gamma_h chain starts with "
     "'= -eta dE_k/dv_ih' (false: -eta dE_k/dv_ih = eta e_h x_i, not -eta e_h; should be dE_k/dgamma_h), "
     "and the Delta v / Delta gamma chains write d yhat_j^k / d beta_h (index h for j)"),
    (104, r"g_j=\hat{y}_j^k\left(1-\hat{y}_j^k\right)\left(y_j^k-\hat{y}_j^k\right)", "holds", True, "5.10"),
    (104, r"e_h=b_h(1-b_h)\sum_{j=1}^lw_{hj}g_j", "holds", True, "5.15"),
    (106, r"\Delta w_{hj}=\eta g_jb_h,\Delta\theta_j=-\eta g_j,\Delta v_{ih}=\eta e_hx_i,\Delta\gamma_h=-\eta e_h",
     "holds", True, "5.11-5.14 as one comma-separated span"),
    (112, r"v\leftarrow v+\Delta v", "not checked", False,
     "generic update assignment with \\leftarrow (v is any parameter, clashes with v_ih)"),
]
_SIGNORINO_LAYOUTS = ["front-matter", "dollar-inline", "dollar-display-block", "aligned", "left-right",
                      "boldsymbol", "prime-variants", "several-claims-one-span"]


# ---------------------------------------------------------------------------------------
# 3. Tanghuigithub/MachineLearning-1, nnstructure.md (exercise answer: derive the BP updates
#    of a network with d inputs, m hidden units, c outputs, logistic activation)
# ---------------------------------------------------------------------------------------

_TANG_FIRST = 1
_TANG_SKELETON = r"""


2. …$d$…$m$…$c$…

…$j$…$j$… $w_{hj}$…
…$h$…$h$… $v_{ih}$…



…$D=\{(x_1,y_1)，(x_2,y_2)，\dots,(x_m,y_m)\}$,$x_i \in \mathbb R^d$,$y_i \in \mathbb R^c$…$c$…









- …$h$…$\gamma _h$…
- …$j$…$\theta_j$…
- …$i$…$h$…$v_{ih}$;
- …$h$…$j$…$w_{hj}$;
- …$h$…$\alpha_h=\sum_{i=1}^dv_{ih}x_i$;
- …$j$…$\beta_j=\sum_{h=1}^mw_{hj}b_h$, …$b_h$…$h$…;

$$
P(t)=\frac 1{1+e^{-t}}
$$


…$（x_k,y_k）$,…$\hat y_k=（\hat y_1^k,\hat y_2^k,\dots,\hat y_c^k）$,…
$$
\hat y_j^k=f(\beta_j-\theta_j),
$$
…$（x_k,y_k）$…
$$
E_k=\frac 12\sum_{j=1}^c(\hat y_j^k-y_j^k)^2.
$$
…$v$…
$$
v \leftarrow v+\Delta v
$$
…$E_k$,…$\eta$,…
$$
\Delta w_{hj}=-\eta \frac {\partial E_k}{\partial w_{hj}}
$$
…$w_{hj}$…$j$…$\beta_j$…$\hat y_j^k$,…$E_k$,…
$$
\frac {\partial E_k}{\partial w_{hj}}=\frac {\partial E_k}{\partial \hat y_j^k}\frac {\partial \hat y_j^k}{\partial \beta _j}\frac {\partial \beta _j}{\partial w_{hj}}
$$
…$\beta_j$…
$$
\frac {\partial \beta _j}{\partial w_{hj}}=b_h
$$

$$
f'(x)=f(x)(1-f(x))
$$

$$
g_j=-\frac {\partial E_k}{\partial \hat y_j^k}\frac {\partial \hat y_j^k}{\partial \beta _j} =-(\hat y_j^k-y_j^k)f'(\beta _j-\theta _j)=\hat y_j^k(1-\hat y_j^k)(y_j^k-\hat y_j^k).
$$
…$w_{hj}$…
$$
\Delta w_{hj}=\eta g_j b_h
$$




$$
\begin{aligned}
\Delta \theta_j&=-\eta\frac {\partial E_k}{\partial \hat y_j^k}\cdot\frac {\partial \hat y_j^k}{\partial \theta_j}\\
&=\eta(\hat y_j^k-y_j^k)f'(\beta _j-\theta _j)\\
&=-\eta g_j
\end{aligned}
$$
$b_h$…$h$…
$$
b_h=f(\alpha _h-\gamma _h)
$$
…$v_{ih}$…$h$…$\alpha_h$…$b_h$,…$E_k$,…
$$
\frac {\partial E_k}{\partial v_{ih}}=\frac {\partial E_k}{\partial b_h}\cdot\frac {\partial b_h}{\partial \alpha _h}\cdot\frac {\partial \alpha_h}{\partial v_{ih}}
$$
…$g_j$…
$$
\begin{aligned}
e_h&=-\frac {\partial E_k}{\partial b_h}\cdot\frac {\partial b_h}{\partial \alpha _h}\\
&=-\sum _{j=1}^c\frac {\partial E_k}{\partial \beta _j}\cdot \frac {\partial \beta _j}{\partial b_h}f'(\alpha_h-\gamma_h)\\
&=\sum _{j=1}^cw_{hj}g_jf'(\alpha_h-\gamma_h)\\
&=b_h(1-b_h)\sum_{j=1}^cw_{hj}g_j
\end{aligned}
$$

$$
\Delta v_{ih}=\eta e_h x_i
$$
…$\Delta \theta _j$
$$
\Delta \gamma_h=-\eta e_h
$$
"""[1:-1]
_tg = lambda line: _block(_TANG_SKELETON, _TANG_FIRST, line)
_SIZES = "c outputs / m hidden units are the document's declared sizes (book: l, q)"

_TANG_EQUATIONS = [
    (10, r"D=\{(x_1,y_1)，(x_2,y_2)，\dots,(x_m,y_m)\}", "not a claim", False,
     "training-set definition; full-width commas inside math; m also names the hidden-unit count"),
    (10, r"x_i \in \mathbb R^d", "not a claim", False, "condition"),
    (10, r"y_i \in \mathbb R^c", "not a claim", False, "condition"),
    (24, r"\alpha_h=\sum_{i=1}^dv_{ih}x_i", "holds", True, "alpha_h definition"),
    (25, r"\beta_j=\sum_{h=1}^mw_{hj}b_h", "holds", True, "beta_j with " + _SIZES + " (judged against them)"),
    (27, r"P(t)=\frac 1{1+e^{-t}}", "not a claim", False, "defines a new function name P (the logistic function)"),
    (32, r"\hat y_k=（\hat y_1^k,\hat y_2^k,\dots,\hat y_c^k）", "holds", False,
     "output vector written with full-width parentheses; " + _SIZES),
    (33, r"\hat y_j^k=f(\beta_j-\theta_j),", "holds", True, "5.3; trailing comma inside the math"),
    (37, r"E_k=\frac 12\sum_{j=1}^c(\hat y_j^k-y_j^k)^2.", "holds", True,
     "5.4 with unbraced \\frac 12 and trailing period; " + _SIZES),
    (41, r"v \leftarrow v+\Delta v", "not checked", False, "generic update assignment with \\leftarrow"),
    (45, r"\Delta w_{hj}=-\eta \frac {\partial E_k}{\partial w_{hj}}", "holds", True, "5.6"),
    (49, _tg(49), "holds", True, "5.7 chain rule"),
    (53, r"\frac {\partial \beta _j}{\partial w_{hj}}=b_h", "holds", True, "5.8"),
    (57, r"f'(x)=f(x)(1-f(x))", "holds", True, "5.9, sigmoid derivative"),
    (61, _tg(61), "holds", True, "5.10 chain with trailing period"),
    (65, r"\Delta w_{hj}=\eta g_j b_h", "holds", True, "5.11"),
    (72, _tg(72), "holds", True,
     "-eta dE/dyhat * dyhat/dtheta = -eta (yhat-y)(-f') = eta (yhat-y) f' = -eta g_j"),
    (80, r"b_h=f(\alpha _h-\gamma _h)", "holds", True, "book definition of b_h"),
    (84, _tg(84), "holds", True, "chain rule for v_ih"),
    (88, _tg(88), "holds", True, "5.15 with sums to c; " + _SIZES),
    (97, r"\Delta v_{ih}=\eta e_h x_i", "holds", True, "5.13"),
    (101, r"\Delta \gamma_h=-\eta e_h", "holds", True, "5.14"),
]
_TANG_LAYOUTS = ["dollar-inline", "dollar-display-block", "aligned", "frac-unbraced", "hat-without-braces",
                 "trailing-punctuation-in-math", "unicode-math", "prime-variants"]


# ---------------------------------------------------------------------------------------
# 4. zhmhbest/HelloMathematics, notes/MachineLearning/NeuralNetwork.md (Unicode math)
# ---------------------------------------------------------------------------------------

_ZHMH_FIRST = 42
_ZHMH_SKELETON = r"""
$$Δw_{hj} = -η\dfrac{∂E_k}{∂w_{hj}}$$

- $η$…$η∈(0,1)$…
- $E_k$…$k$…
- $w_{hj}$…$h$…$j$…
"""[1:-1]
_ZHMH_EQUATIONS = [
    (42, r"Δw_{hj} = -η\dfrac{∂E_k}{∂w_{hj}}", "holds", True,
     "5.6 written with Unicode Δ, η, ∂ instead of \\Delta, \\eta, \\partial"),
    (44, r"η∈(0,1)", "not a claim", False, "condition on the learning rate (Unicode ∈)"),
]
_ZHMH_LAYOUTS = ["html", "dollar-display", "dollar-inline", "dfrac", "unicode-math"]


# ---------------------------------------------------------------------------------------
# 5. index 34802756627 (repository not identified): short chapter-5 notes, sections 5.1-5.3,
#    equation numbers as text after each display.  Contains real sign errors.
# ---------------------------------------------------------------------------------------

_IDX348_FIRST = 1
_IDX348_SKELETON = r"""



…$(x_k,y_k)$… $\hat{y}_k = (\hat{y}_1^k , \hat{y}_2^k,...,\hat{y}_l^k)$
$$ \hat{y}_j^k = f(\beta_j - \theta_j) $$ (5.3)
… $(x_k,y_k)$…
 $$ E_k = \frac{1}{2} \sum^l_{j=1}(\hat{y}_j^k -y_j^k)^2$$  (5.4)



… $\eta$…
… $E_k$…$w_{hj}$…
$$ \Delta w_{hj} = - \eta\frac{\partial E_k}{\partial w_{hj}}$$ (5.6)


$$ \frac{\partial E_k}{\partial w_{hj}} = \frac{\partial E_k}{\partial \hat{y}_j^k}\frac{\partial \hat{y}_j^k}{\partial \beta_j}\frac{\partial \beta_j}{\partial w_{hj}}$$ (5.7)

… $\beta_j$ …
$$ \beta_j = \sum^q_{h=1} w_{hj}b_h$$


$$\frac{\partial \beta_j}{\partial w_{hj}} = b_h$$ (5.8)

$$ sigmoid(x) = \frac{1}{1+e^{-x}}$$

$$ f' = \frac{e^{-x}}{(1+e^{-x})^2} = f(x)(1-f(x))$$ （5.9）

$$  - \frac{\partial E_k}{\partial \hat{y}_j^k}\frac{\partial \hat{y}_j^k}{\partial \beta_j} = - (\hat{y}_j^k - y_j^k)f'(\beta_j - \theta_j) = - (\hat{y}_j^k - y_j^k)[\hat{y}_j^k(1-\hat{y}_j^k)] = \hat{y}_j^k(1-\hat{y}_j^k)(y_j^k - \hat{y}_j^k) = g_j$$<SP><SP>
（5.10）
>$g_j$ …

…$w_{hj}$…
$$ \Delta w_{hj} = \eta g_j b_h$$ (5.11)



$$\Delta\theta_j = -\eta g_j $$ (5.12)

> … $\theta_j$ … $\theta$ …$\Delta w_{hj}$ … $b_h = -1$ …
$$\Delta v_{ih} = -\eta \frac{\partial E_k}{\partial v_{ih}}  $$
$$\frac{\partial E_k}{\partial v_{ih}} = \frac{E_k}{\partial{b_h}}\frac{\partial b_h}{\partial \alpha_h}\frac{\partial \alpha_h}{\partial x_i} = e_hx_i$$


$$\Delta v_{ih} = -\eta e_h x_i  $$ (5.13)

 $$e_h = \frac{E_k}{\partial{b_h}}\frac{\partial b_h}{\partial \alpha_h} = -\sum_{j=1}^l \frac{\partial E_k}{\partial \beta_j}\frac{\partial \beta_j}{\partial b_h}f'(\alpha - \gamma_h) = \sum_{j=1}^lw_{hj}g_jf'(\alpha_h - \gamma_h) = b_h(1-b_h)\sum_{j=1}^lw_{hj}g_j$$<SP>

$$\Delta \gamma_h = -\eta e_h$$ (5.14)
"""[1:-1].replace("<SP>", " ")

_IDX348_EQUATIONS = [
    (4, r"\hat{y}_k = (\hat{y}_1^k , \hat{y}_2^k,...,\hat{y}_l^k)", "holds", False, "output vector of sample k"),
    (5, r"\hat{y}_j^k = f(\beta_j - \theta_j)", "holds", True, "5.3 (inner blanks next to $$)"),
    (7, r"E_k = \frac{1}{2} \sum^l_{j=1}(\hat{y}_j^k -y_j^k)^2", "holds", True, "5.4"),
    (13, r"\Delta w_{hj} = - \eta\frac{\partial E_k}{\partial w_{hj}}", "holds", True, "5.6"),
    (16, r"\frac{\partial E_k}{\partial w_{hj}} = \frac{\partial E_k}{\partial \hat{y}_j^k}\frac{\partial \hat{y}_j^k}{\partial \beta_j}\frac{\partial \beta_j}{\partial w_{hj}}",
     "holds", True, "5.7"),
    (19, r"\beta_j = \sum^q_{h=1} w_{hj}b_h", "holds", True, "beta_j definition"),
    (22, r"\frac{\partial \beta_j}{\partial w_{hj}} = b_h", "holds", True, "5.8"),
    (24, r"sigmoid(x) = \frac{1}{1+e^{-x}}", "not a claim", False,
     "defines the sigmoid under a new name spelled with letters (s i g m o i d)"),
    (26, r"f' = \frac{e^{-x}}{(1+e^{-x})^2} = f(x)(1-f(x))", "holds", True,
     "5.9; f' written without its argument x; derivative of 1/(1+e^{-x}) is right"),
    (28, r"- \frac{\partial E_k}{\partial \hat{y}_j^k}\frac{\partial \hat{y}_j^k}{\partial \beta_j} = - (\hat{y}_j^k - y_j^k)f'(\beta_j - \theta_j) = - (\hat{y}_j^k - y_j^k)[\hat{y}_j^k(1-\hat{y}_j^k)] = \hat{y}_j^k(1-\hat{y}_j^k)(y_j^k - \hat{y}_j^k) = g_j",
     "holds", True, "5.10 chain; equation tag on the next line"),
    (33, r"\Delta w_{hj} = \eta g_j b_h", "holds", True, "5.11"),
    (37, r"\Delta\theta_j = -\eta g_j", "holds", True, "5.12 (blank before closing $$)"),
    (39, r"b_h = -1", "not a claim", False, "assignment (dummy-input argument in a remark)"),
    (40, r"\Delta v_{ih} = -\eta \frac{\partial E_k}{\partial v_{ih}}", "holds", True, "gradient rule for v_ih"),
    (41, r"\frac{\partial E_k}{\partial v_{ih}} = \frac{E_k}{\partial{b_h}}\frac{\partial b_h}{\partial \alpha_h}\frac{\partial \alpha_h}{\partial x_i} = e_hx_i",
     "refuted", True,
     "three errors: the first factor lacks the partial in its numerator, the last factor is "
     "d alpha_h/d x_i (= v_ih) instead of d alpha_h/d v_ih (= x_i), and the sign is wrong: "
     "dE_k/dv_ih = -e_h x_i"),
    (44, r"\Delta v_{ih} = -\eta e_h x_i", "refuted", True,
     "sign flipped: the book's 5.13 is Delta v_ih = +eta e_h x_i (follows from the previous wrong line)"),
    (46, r"e_h = \frac{E_k}{\partial{b_h}}\frac{\partial b_h}{\partial \alpha_h} = -\sum_{j=1}^l \frac{\partial E_k}{\partial \beta_j}\frac{\partial \beta_j}{\partial b_h}f'(\alpha - \gamma_h) = \sum_{j=1}^lw_{hj}g_jf'(\alpha_h - \gamma_h) = b_h(1-b_h)\sum_{j=1}^lw_{hj}g_j",
     "refuted", True,
     "first link drops the minus sign (e_h = -dE_k/db_h * db_h/dalpha_h) and the partial in the "
     "numerator, and writes f'(alpha - gamma_h) with an unindexed alpha; the later links are right"),
    (48, r"\Delta \gamma_h = -\eta e_h", "holds", True, "5.14"),
]
_IDX348_LAYOUTS = ["dollar-inline", "dollar-display", "equation-tag-text", "trailing-whitespace",
                   "limits", "prime-variants", "unicode-math"]


# ---------------------------------------------------------------------------------------
# 6. index 6911553957 (repository not identified): chapter-5 notes with nested lists and
#    indented $$ displays; section "3. 反向传播算法".  Contains real typos.
# ---------------------------------------------------------------------------------------

_IDX691_FIRST = 46
_IDX691_SKELETON = r"""
* …$D=\{(x_1,y_1),(x_2,y_2), \cdots , (x_m, y_m)\}, x_i\in \mathbb{R}^d, y_i \in \mathbb{R}^l$…$x$…$d$…$y$…$l$…$d$…$l$…$q$…$j$…$\theta_j$…$h$…$\gamma_h$…$i$…$h$…$v_{ih}$…$h$…$w_{hj}$…$h$…$\alpha_h = \sum_{i=1}^{d}v_{ih}x_i$…$j$…$\beta_j = \sum_{h=1}^{q}w_{hj}b_n$


  …$(x_k, y_k)$…$\hat y_k = (\hat y_1^k, \hat y_1^k, \cdots, \hat y_1^k),即:\hat y_j^k = f(\beta_j - \theta_j)$


  $$E_k = \frac{1}{2}\sum_{j=1}^{l}(\hat y_j^k - y_j^k)^2$$




  $$\Delta w_{hj} = -\eta \frac{\partial E_k}{\partial w_{hj}}$$

  $$\frac{\partial E_k}{\partial w_{hj}}=\frac{\partial E_k}{\partial \hat y_j^k}\frac{\partial \hat y_j^k}{\partial \beta_j}\frac{\partial \beta_j}{\partial w_{hj}} $$

  $$\frac {\partial \beta_j}{\partial w_{hj}} = b_h$$

  $$\frac{\partial E_k}{\partial \hat y_j^k} = \hat y_j^k - y_j^k$$

  $$\frac{\partial \hat y_j^k}{\partial \beta_j} = \frac{\partial{f(\beta_j - \theta_j)}}{\partial \beta_j} = \frac{\partial{f(\beta_j - \theta_j)}}{\partial (\beta_j-\theta)}$$


    $$f^{'}(x) = f(x)(1-f(x))$$


    …$$g_j = -\frac{\partial E_k}{\partial \hat y_j^k}\frac{\partial \hat y_j^k}{\partial \beta_j} = ( y_j^k -\hat y_j^k)f^{'}(\beta_j-\theta_j)= ( y_j^k -\hat y_j^k)\hat y_j^k(1-\hat y_j^k)$$

    … $$\Delta w_{hj} = \eta g_j b_h$$

    … $$\Delta \theta_j = -\eta g_j \\
    \Delta v_{ih} = \eta e_h x_j\\
    \Delta \gamma_h = -\eta e_h$$


    $$e_h = -\frac{\partial E_k}{\partial b_h}\frac{\partial b_h}{\partial \alpha_h} = -\sum_{j=1}^{l}\frac{\partial E_k}{\partial \beta_j}\frac{\partial \beta_j}{\partial b_h}\frac{\partial b_h}{\partial \alpha_h} = \sum_{j=1}^{l}g_jw_{hj}f^{'}(\alpha_h - \gamma_h) = \sum_{j=1}^{l}g_jw_{hj}b_h(1-b_h)$$

    …$\eta$…

    1. …$\hat y_k$
    2. …$\Delta$…

* …$\mathit{BP}$…$\mathit{BP}$…






  $$E = \lambda \frac{1}{m}\sum_{k = 1}^{m}E_k + (1-\lambda)\sum_iw_i^2$$
"""[1:-1]

_IDX691_EQUATIONS = [
    (46, r"D=\{(x_1,y_1),(x_2,y_2), \cdots , (x_m, y_m)\}, x_i\in \mathbb{R}^d, y_i \in \mathbb{R}^l",
     "not a claim", False, "data set and membership conditions in one span"),
    (46, r"\alpha_h = \sum_{i=1}^{d}v_{ih}x_i", "holds", True, "alpha_h definition"),
    (46, r"\beta_j = \sum_{h=1}^{q}w_{hj}b_n", "refuted", True,
     "typo b_n for b_h: the summand does not depend on the summation index h, so the sum is q w.. b_n"),
    (49, r"\hat y_k = (\hat y_1^k, \hat y_1^k, \cdots, \hat y_1^k),即:\hat y_j^k = f(\beta_j - \theta_j)", "refuted", True,
     "two claims in one span joined by CJK text inside the math: the vector lists yhat_1^k three times "
     "(should be yhat_1^k, yhat_2^k, ..., yhat_l^k); the second claim yhat_j^k = f(beta_j - theta_j) holds"),
    (52, r"E_k = \frac{1}{2}\sum_{j=1}^{l}(\hat y_j^k - y_j^k)^2", "holds", True, "5.4"),
    (57, r"\Delta w_{hj} = -\eta \frac{\partial E_k}{\partial w_{hj}}", "holds", True, "5.6"),
    (59, r"\frac{\partial E_k}{\partial w_{hj}}=\frac{\partial E_k}{\partial \hat y_j^k}\frac{\partial \hat y_j^k}{\partial \beta_j}\frac{\partial \beta_j}{\partial w_{hj}} ",
     "holds", True, "5.7 (blank before closing $$ kept in the latex)"),
    (61, r"\frac {\partial \beta_j}{\partial w_{hj}} = b_h", "holds", True, "5.8"),
    (63, r"\frac{\partial E_k}{\partial \hat y_j^k} = \hat y_j^k - y_j^k", "holds", True, "from 5.4"),
    (65, r"\frac{\partial \hat y_j^k}{\partial \beta_j} = \frac{\partial{f(\beta_j - \theta_j)}}{\partial \beta_j} = \frac{\partial{f(\beta_j - \theta_j)}}{\partial (\beta_j-\theta)}",
     "not checked", True,
     "the last link differentiates with respect to the expression (beta_j - theta) with an unindexed "
     "theta; the first link holds (judgement unsure: could also be called refuted for the missing index)"),
    (68, r"f^{'}(x) = f(x)(1-f(x))", "holds", True, "5.9 with f^{'}"),
    (71, r"g_j = -\frac{\partial E_k}{\partial \hat y_j^k}\frac{\partial \hat y_j^k}{\partial \beta_j} = ( y_j^k -\hat y_j^k)f^{'}(\beta_j-\theta_j)= ( y_j^k -\hat y_j^k)\hat y_j^k(1-\hat y_j^k)",
     "holds", True, "5.10; $$ display opened right after CJK text on the same line"),
    (73, r"\Delta w_{hj} = \eta g_j b_h", "holds", True, "5.11 (inline $$)"),
    (75, "\\Delta \\theta_j = -\\eta g_j \\\\\n    \\Delta v_{ih} = \\eta e_h x_j\\\\\n    \\Delta \\gamma_h = -\\eta e_h",
     "refuted", True,
     "three updates separated by \\\\ without environment; the middle one has x_j instead of x_i "
     "(book 5.13: Delta v_ih = eta e_h x_i); the other two hold"),
    (80, r"e_h = -\frac{\partial E_k}{\partial b_h}\frac{\partial b_h}{\partial \alpha_h} = -\sum_{j=1}^{l}\frac{\partial E_k}{\partial \beta_j}\frac{\partial \beta_j}{\partial b_h}\frac{\partial b_h}{\partial \alpha_h} = \sum_{j=1}^{l}g_jw_{hj}f^{'}(\alpha_h - \gamma_h) = \sum_{j=1}^{l}g_jw_{hj}b_h(1-b_h)",
     "holds", True, "5.15 chain"),
    (94, r"E = \lambda \frac{1}{m}\sum_{k = 1}^{m}E_k + (1-\lambda)\sum_iw_i^2", "not checked", False,
     "regularised objective (5.17) re-uses the name E of 5.16; not an identity of the network"),
]
_IDX691_LAYOUTS = ["dollar-inline", "dollar-display", "dollar-display-inline", "indented-display",
                   "multiline-inline", "backslash-rows-without-env", "hat-without-braces",
                   "prime-variants", "trailing-whitespace", "unicode-math"]


# ---------------------------------------------------------------------------------------
# 7. index 2485459231 (repository not identified): English notes on Ch.5, with `= ... =`
#    elisions and $$ used inline inside sentences
# ---------------------------------------------------------------------------------------

_IDX248_FIRST = 1
_IDX248_SKELETON = r"""







- …$\frac{1}{1+e^{-x}}$<SP><SP>

    + … $y=f(\sum_i w_i x_i - \theta)$…
    + … $\theta$ …
    + … $\hat{y}$… $$w_i = w_i + \delta w = w_i + \eta (y-\hat{y})x_i$$… $\eta$ …













- … $\theta_j$
- … $\gamma_h$… $b_h$
- … $v_{ih}$… $w_{hj}$
- … $\alpha_h = \sum^d_{i=1} v_{ih}x_i$… $\beta_j = \sum^q_{h=1} w_{hj}b_h$
- … $\eta$ …


… $\hat{y}_j=f(\beta_j-\theta_j)$… $E_k = \frac{1}{2}\sum(\hat{y}_j - y_j)^2$ …
… $v \leftarrow v + \Delta v$<SP><SP>
…$$\Delta w_{hj} = -\eta \frac{\partial E_k}{\partial w_{hj}} = \eta g_j b_h$$
$$\Delta \theta_j = -\eta g_j$$
… $g_j$ … $$g_j = ... = \hat{y}_j (1-\hat{y}_j) (y_j - \hat{y}_j)$$<SP><SP>
… $\eta$ …
$$\Delta v_{ih} = \eta e_h x_i$$
$$\Delta \gamma_h = -\eta e_h$$
… $e_h$ … $$e_h = ... = b_h(1-b_h)\sum^l_{j=1}w_{hj}g_j$$



- … $E=\frac{1}{m}\sum E_k$




    + … $$E=\lambda \frac{1}{m}\sum E_k + (1-\lambda)\sum w_i^2$$<SP>
    … $\lambda$ …
"""[1:-1].replace("<SP>", " ")

_IDX248_EQUATIONS = [
    (10, r"y=f(\sum_i w_i x_i - \theta)", "not checked", False, "perceptron with a step function (5.1 context)"),
    (12, r"w_i = w_i + \delta w = w_i + \eta (y-\hat{y})x_i", "not checked", False,
     "perceptron update written as an '=' assignment (lower-case \\delta w)"),
    (29, r"\alpha_h = \sum^d_{i=1} v_{ih}x_i", "holds", True, "alpha_h definition"),
    (29, r"\beta_j = \sum^q_{h=1} w_{hj}b_h", "holds", True, "beta_j definition"),
    (33, r"\hat{y}_j=f(\beta_j-\theta_j)", "holds", True, "5.3 with the sample index k dropped"),
    (33, r"E_k = \frac{1}{2}\sum(\hat{y}_j - y_j)^2", "holds", True,
     "5.4 with the sum limits and the sample superscripts omitted (implicit sum over j; judgement unsure)"),
    (34, r"v \leftarrow v + \Delta v", "not checked", False, "generic update assignment with \\leftarrow"),
    (35, r"\Delta w_{hj} = -\eta \frac{\partial E_k}{\partial w_{hj}} = \eta g_j b_h", "holds", True,
     "5.6 = 5.11; $$ opened right after a word"),
    (36, r"\Delta \theta_j = -\eta g_j", "holds", True, "5.12"),
    (37, r"g_j = ... = \hat{y}_j (1-\hat{y}_j) (y_j - \hat{y}_j)", "holds", True,
     "5.10 with the middle steps elided by '...'; endpoints equal"),
    (39, r"\Delta v_{ih} = \eta e_h x_i", "holds", True, "5.13"),
    (40, r"\Delta \gamma_h = -\eta e_h", "holds", True, "5.14"),
    (41, r"e_h = ... = b_h(1-b_h)\sum^l_{j=1}w_{hj}g_j", "holds", True, "5.15 with elided steps"),
    (45, r"E=\frac{1}{m}\sum E_k", "holds", True, "5.16 with the sum limits omitted"),
    (50, r"E=\lambda \frac{1}{m}\sum E_k + (1-\lambda)\sum w_i^2", "not checked", False,
     "regularised objective (5.17) re-uses the name E"),
]
_IDX248_LAYOUTS = ["html", "dollar-inline", "dollar-display", "dollar-display-inline", "ellipsis-step",
                   "limits", "trailing-whitespace"]


# ---------------------------------------------------------------------------------------
# 8. index 26040306840 (repository not identified): chapter-5 notes with $$ blocks,
#    rows separated by \\ without environment, a wrong first link of e_h
# ---------------------------------------------------------------------------------------

_IDX260_FIRST = 69
_IDX260_SKELETON = r"""
…$(x_k,y_k)$，…$\hat{y}_j^k=\hat{y}_1^k,\hat{y}_2^k, \dotsb,\hat{y}_l^k$，…
$$
\hat{y}_j^k = f(\beta_j - \theta_j)
$$
…$(x_k,y_k)$…：
$$
E_k = \frac{1}{2} \sum_{j=1}^l (\hat{y}_j^k - y_j^k)^2
$$
…$(d+l+1)q+l$：…$d \times q$…$q \times l$…、$q$…、$l$…

…$v$…：
$$
 v \leftarrow v+ \Delta{v}
$$



$$
\Delta{w_{hj}} = - \eta \frac{\partial{E_k}}{\partial{w_{hj}}} \\
\frac{\partial{E_k}}{\partial{w_{hj}}} = \frac{\partial{E_k}}{\partial{\hat{y}_j^k}} \cdot \frac{\partial{\hat{y}_j^k}}{\partial{\beta_j}} \cdot \frac{\partial{\beta_j}}{\partial{w_{hj}}} \\
\frac{\partial{\beta_j}}{\partial{w_{hj}}} = b_h
$$

$$
f'(x)=f(x)(1-f(x))
$$

$$
\begin{equation}
\begin{aligned}
g_j &= -\frac{\partial{E_k}}{\partial{\hat{y}_j^k}} \cdot \frac{\partial{\hat{y}_j^k}}{\partial{\beta_j}} \\
&= -(\hat{y}_j^k - y_j^k) f'(\beta_j - \theta_j) \\
&= \hat{y}_j^k (1- \hat{y}_j^k)(y_j^k - \hat{y}_j^k)
\end{aligned}
\end{equation}
$$
…$w_{hj}$…：
$$
\Delta w_{hj} = \eta g_j b_h
$$

$$
\Delta \theta_j = - \eta g_j \\
\Delta v_{ih} = \eta e_h x_i \\
\Delta \gamma_h = - \eta e_h \\
e_h = - \frac{ \partial{E_k} }{\partial{\beta_j}} \cdot \frac{\partial{b_h}}{\partial{\alpha_h}} =  - \sum_{j=1}^l \frac{\partial{E_k}}{\partial{\beta_j}} \cdot \frac{\partial{\beta_j}}{\partial{b_h}} f'(\alpha_h - \gamma_h) = b_h (1-b_h) \sum_{j=1}^l w_{hj} g_j
$$






…$D$…：
$$
E= \frac{1}{m} \sum_{k=1}^m E_k
$$
"""[1:-1]
_idx260 = lambda line: _block(_IDX260_SKELETON, _IDX260_FIRST, line)

_IDX260_EQUATIONS = [
    (69, r"\hat{y}_j^k=\hat{y}_1^k,\hat{y}_2^k, \dotsb,\hat{y}_l^k", "refuted", False,
     'the output vector written with the component on the left and no parentheses: a scalar yhat_j^k set equal to the list yhat_1^k, ..., yhat_l^k (intended: \\hat{y}_k = (...); judgement unsure)'),
    (70, r"\hat{y}_j^k = f(\beta_j - \theta_j)", "holds", True,
     '5.3'),
    (74, r"E_k = \frac{1}{2} \sum_{j=1}^l (\hat{y}_j^k - y_j^k)^2", "holds", True,
     '5.4'),
    (80, r" v \leftarrow v+ \Delta{v}", "not checked", False,
     'generic update assignment with \\leftarrow'),
    (86, _idx260(86), "holds", True,
     '5.6, 5.7 and 5.8 as three rows separated by \\\\ without environment; \\Delta{w_{hj}} braced'),
    (92, r"f'(x)=f(x)(1-f(x))", "holds", True,
     '5.9'),
    (96, _idx260(96), "holds", True,
     '5.10 chain in equation+aligned'),
    (106, r"\Delta w_{hj} = \eta g_j b_h", "holds", True,
     '5.11'),
    (110, _idx260(110), "refuted", True,
     'four rows without environment: 5.12-5.14 hold, but the e_h row starts e_h = -dE_k/dbeta_j * db_h/dalpha_h, which is g_j b_h(1-b_h) for one j (free index j), not e_h = b_h(1-b_h) sum_j w_hj g_j; the later links hold'),
    (123, r"E= \frac{1}{m} \sum_{k=1}^m E_k", "holds", True,
     '5.16'),
]

# ---------------------------------------------------------------------------------------
# 9. index 36953381430 (repository not identified): Typora notes as nested lists,
#    \delta written for the partial sign, Delta w_hj with a flipped sign
# ---------------------------------------------------------------------------------------

_IDX369_FIRST = 140
_IDX369_SKELETON = r"""
  - …$D=\{ (x_1,y_1),...(x_m,y_m)\},x_i \in R^d y_i \in R^l$







    - $\theta_j$：…
    - $\gamma_h$：…
    - $v_{ih}$：…
    - $w_{hj}$：…
    - $b_h$：…



  - …$(x_k,y_k)$，…$\hat{y_k}=(\hat{y_1}^k,\hat{y_2}^k...\hat{y_l}^k)$

    - $\hat{y_j}^k=f(\beta_j-\theta_j)$



      $E_k=\frac{1}{2}\sum_{j=1}^l(\hat{y_j}^k-y_j^k)^2$














    - …：$v \leftarrow v+\Delta v$

    - …$w_{hj}$…

      - $\Delta w_{hj}=- \eta \frac{\delta E_k}{\delta w_{hj}}$

      - …$\beta_j$，…$\hat{y_j}^k$

        - $\frac{\delta E_k}{\delta w_{hj}}=\frac{\delta E_k}{\delta \hat{y_j}^k}·\frac{\delta  \hat{y_j}^k}{\delta \beta_j}·\frac{\delta \beta_j}{\delta w_{hj}}$

        - $\frac{\delta \beta_j}{\delta w_{hj}}=b_h$

        - …$f'(x)=f(x)(1-f(x))$

          $$\begin{aligned}g_j &=-\frac{\delta E_k}{\delta \hat{y_j}^k}·\frac{\delta  \hat{y_j}^k}{\delta \beta_j} \\ &=-(\hat{y_j}^k-y_j^k)f'(\beta_j-\theta_j) \\ &=\hat{y_j}^k(1-\hat{y_j}^k)(y_j^k-\hat{y_j}^k) \end{aligned}$$

        - $\Delta w_{hj}=- \eta g_j b_h$



          - $\Delta \theta_j=-\eta g_j$

            - …$w_{hj}$…$\theta$…$b_h$

          - $\Delta v_{ih}=\eta e_h x_i$

            - …$w_{hj}$…

          - $\Delta \gamma_h=-\eta e_h$

            - …$\theta$

          - …$e_h$

            $$\begin{aligned} e_h &=-\frac{\delta E_k}{\delta b_h}·\frac{\delta b_h}{\delta \alpha_h} \\ &=-\sum_{j=1}^l \frac{\delta E_k}{\delta \beta_j}·\frac{\delta \beta_j}{\delta b_h} f'(\alpha_h-\gamma_h) \\ &=\sum_{j=1}^l w_{hj}g_j f'(\alpha_h-\gamma_h) \\ &=b_h(1-b_h)\sum_{j=1}^l w_{hj}g_j\end{aligned}$$

          - …$\eta$





              - $w_{hj},\theta$…$v_{ih},\gamma_h$…$\eta$…



    - …$E=\frac{1}{m}\sum_{k=1}^m E_k$

      - …$E_k$…


































    - $E=\lambda \frac{1}{m}\sum_{k=1}^mE_k+(1-\lambda)\sum_i w_i^2$
      - $\lambda \in (0,1)$
"""[1:-1]
_idx369 = lambda line: _block(_IDX369_SKELETON, _IDX369_FIRST, line)

_IDX369_EQUATIONS = [
    (140, r"D=\{ (x_1,y_1),...(x_m,y_m)\},x_i \in R^d y_i \in R^l", "not a claim", False,
     'data set and conditions in one span (x_i \\in R^d y_i \\in R^l without a separator)'),
    (156, r"\hat{y_k}=(\hat{y_1}^k,\hat{y_2}^k...\hat{y_l}^k)", "holds", False,
     "the output vector of sample k, hat over y_k written \\hat{y_k}; items listed with '...' and no comma"),
    (158, r"\hat{y_j}^k=f(\beta_j-\theta_j)", "holds", True,
     '5.3 with \\hat{y_j}^k'),
    (162, r"E_k=\frac{1}{2}\sum_{j=1}^l(\hat{y_j}^k-y_j^k)^2", "holds", True,
     '5.4'),
    (177, r"v \leftarrow v+\Delta v", "not checked", False,
     'generic update assignment with \\leftarrow'),
    (181, r"\Delta w_{hj}=- \eta \frac{\delta E_k}{\delta w_{hj}}", "holds", True,
     "5.6 written with \\delta for the partial-derivative sign (the author's notation throughout); read as d/dw it holds (judgement: the reading of \\delta as a derivative is the author's)"),
    (185, r"\frac{\delta E_k}{\delta w_{hj}}=\frac{\delta E_k}{\delta \hat{y_j}^k}·\frac{\delta  \hat{y_j}^k}{\delta \beta_j}·\frac{\delta \beta_j}{\delta w_{hj}}", "holds", True,
     '5.7 with \\delta for the partial sign and U+00B7 middle dots as products'),
    (187, r"\frac{\delta \beta_j}{\delta w_{hj}}=b_h", "holds", True,
     '5.8 with \\delta for the partial sign'),
    (189, r"f'(x)=f(x)(1-f(x))", "holds", True,
     '5.9'),
    (191, r"\begin{aligned}g_j &=-\frac{\delta E_k}{\delta \hat{y_j}^k}·\frac{\delta  \hat{y_j}^k}{\delta \beta_j} \\ &=-(\hat{y_j}^k-y_j^k)f'(\beta_j-\theta_j) \\ &=\hat{y_j}^k(1-\hat{y_j}^k)(y_j^k-\hat{y_j}^k) \end{aligned}", "holds", True,
     '5.10 chain on one line inside an indented $$ display, \\delta for the partial sign'),
    (193, r"\Delta w_{hj}=- \eta g_j b_h", "refuted", True,
     "sign flipped: the book's 5.11 is Delta w_hj = +eta g_j b_h"),
    (197, r"\Delta \theta_j=-\eta g_j", "holds", True,
     '5.12'),
    (201, r"\Delta v_{ih}=\eta e_h x_i", "holds", True,
     '5.13'),
    (205, r"\Delta \gamma_h=-\eta e_h", "holds", True,
     '5.14'),
    (211, r"\begin{aligned} e_h &=-\frac{\delta E_k}{\delta b_h}·\frac{\delta b_h}{\delta \alpha_h} \\ &=-\sum_{j=1}^l \frac{\delta E_k}{\delta \beta_j}·\frac{\delta \beta_j}{\delta b_h} f'(\alpha_h-\gamma_h) \\ &=\sum_{j=1}^l w_{hj}g_j f'(\alpha_h-\gamma_h) \\ &=b_h(1-b_h)\sum_{j=1}^l w_{hj}g_j\end{aligned}", "holds", True,
     '5.15 chain on one line inside an indented $$ display, \\delta for the partial sign'),
    (223, r"E=\frac{1}{m}\sum_{k=1}^m E_k", "holds", True,
     '5.16'),
    (260, r"E=\lambda \frac{1}{m}\sum_{k=1}^mE_k+(1-\lambda)\sum_i w_i^2", "not checked", False,
     'regularised objective (5.17) re-uses the name E'),
    (261, r"\lambda \in (0,1)", "not a claim", False,
     'condition'),
]

# ---------------------------------------------------------------------------------------
# 10. index 67147549511 (repository not identified): blog post 'ML推导' (2024), one
#     $...$ span per line, the e_h chain split over spans starting with '='
# ---------------------------------------------------------------------------------------

_IDX671_FIRST = 456
_IDX671_SKELETON = r"""
> …：$v \leftarrow v + \Delta v$



…$D={(x_1,y_1),(x_2,y_2),\dots,(x_m,y_m)},x_i\in R^d , y_i \in R^l$
…：$d$…
…：$l$…
…：$q$…
…：$v_{1h},v_{2h},\dots,v_{ih}$
…：$w_{h1},w_{h2},\dots,w_{hj}$

…$h$…：$\alpha_h = \sum\limits_{i=1}^{d} v_{ih} x_i$
…$h$…：$b_h$
…$j$…：$\beta_j = \sum\limits_{h=1}^{q}w_{hj}b_h$
…$\hat y_k = (\hat y_1^k, \hat y_2^k,\dots,\hat y_l^k)$
$\hat y_j^k = f(\beta_j - \theta_j)$
…：$E_k = \cfrac{1}{2} \sum\limits_{j=1}^{l} (\hat y_j^k - y_j^k)^2$

…$(d+l+1)q+l$

…$\Delta v$…
$\Delta w_{hj} = -\eta \cfrac{\partial E_k}{\partial w_{hj}}$
…$\eta \in (0,1)$…**



$\cfrac{\partial E_k}{\partial w_{hj}} =\cfrac{\partial E_k}{\partial \hat y_{j}^k} \cdot \cfrac{\partial \hat y_j^k}{\partial \beta_{j}} \cdot \cfrac{\partial \beta_j}{\partial w_{hj}}$



$\cfrac{\partial E_k}{\partial \hat y_j^k} = (\hat y_j^k - y_j^k)$

$\hat y_j^k = f(\beta_j-\theta_j)$

… $f'(x)=f(x)\cdot\big(1-f(x)\big)$

… $g_j = - \cfrac{\partial E_k}{\partial \hat y_{j}^k} \cdot \cfrac{\partial \hat y_j^k}{\partial \beta_{j}}=\hat y_j^k(1-\hat y_j^k)(y_j^k -\hat y_j^k)$


$\Delta w_{hj} = - \eta \cfrac{\partial E_k}{\partial w_{hj}} = \eta g_j b_h$



$\Delta\theta_j =-\eta g_j$

$e_h= -\cfrac{\partial E_k}{\partial b_h} \cdot \cfrac{\partial b_h }{\partial \alpha_{h}}$
$=-\sum\limits_{j=1}^{l} \cfrac{\partial E_k}{\partial \beta_j}\cdot\cfrac{\partial \beta_j}{\partial b_h}\cdot f'(\alpha_h - \gamma_h)$
$=\quad \sum\limits_{j=1}^{l} w_{hj}g_jf'(\alpha_h - \gamma_h)$
$=b_h(1-b_h)\sum\limits_{j=1}^{l}w_{hj}g_j$

$\Delta v_{ih} = \eta e_h x_i$

$\Delta\gamma_h = -\eta e_h$
"""[1:-1]
_idx671 = lambda line: _block(_IDX671_SKELETON, _IDX671_FIRST, line)

_IDX671_EQUATIONS = [
    (456, r"v \leftarrow v + \Delta v", "not checked", False,
     'generic update assignment with \\leftarrow'),
    (460, r"D={(x_1,y_1),(x_2,y_2),\dots,(x_m,y_m)},x_i\in R^d , y_i \in R^l", "not a claim", False,
     'data set (braces unescaped, so they group) and membership conditions in one span'),
    (467, r"\alpha_h = \sum\limits_{i=1}^{d} v_{ih} x_i", "holds", True,
     'alpha_h definition, \\sum\\limits'),
    (469, r"\beta_j = \sum\limits_{h=1}^{q}w_{hj}b_h", "holds", True,
     'beta_j definition, \\sum\\limits'),
    (470, r"\hat y_k = (\hat y_1^k, \hat y_2^k,\dots,\hat y_l^k)", "holds", False,
     'the output vector of sample k'),
    (471, r"\hat y_j^k = f(\beta_j - \theta_j)", "holds", True,
     '5.3'),
    (472, r"E_k = \cfrac{1}{2} \sum\limits_{j=1}^{l} (\hat y_j^k - y_j^k)^2", "holds", True,
     '5.4 with \\cfrac and \\sum\\limits'),
    (477, r"\Delta w_{hj} = -\eta \cfrac{\partial E_k}{\partial w_{hj}}", "holds", True,
     '5.6'),
    (478, r"\eta \in (0,1)", "not a claim", False,
     'condition'),
    (482, r"\cfrac{\partial E_k}{\partial w_{hj}} =\cfrac{\partial E_k}{\partial \hat y_{j}^k} \cdot \cfrac{\partial \hat y_j^k}{\partial \beta_{j}} \cdot \cfrac{\partial \beta_j}{\partial w_{hj}}", "holds", True,
     '5.7'),
    (486, r"\cfrac{\partial E_k}{\partial \hat y_j^k} = (\hat y_j^k - y_j^k)", "holds", True,
     'dE_k/dyhat_j^k = yhat_j^k - y_j^k (from 5.4)'),
    (488, r"\hat y_j^k = f(\beta_j-\theta_j)", "holds", True,
     '5.3 again'),
    (490, r"f'(x)=f(x)\cdot\big(1-f(x)\big)", "holds", True,
     '5.9 with \\big( \\big)'),
    (492, r"g_j = - \cfrac{\partial E_k}{\partial \hat y_{j}^k} \cdot \cfrac{\partial \hat y_j^k}{\partial \beta_{j}}=\hat y_j^k(1-\hat y_j^k)(y_j^k -\hat y_j^k)", "holds", True,
     '5.10'),
    (495, r"\Delta w_{hj} = - \eta \cfrac{\partial E_k}{\partial w_{hj}} = \eta g_j b_h", "holds", True,
     '5.6 = 5.11'),
    (499, r"\Delta\theta_j =-\eta g_j", "holds", True,
     '5.12'),
    (501, r"e_h= -\cfrac{\partial E_k}{\partial b_h} \cdot \cfrac{\partial b_h }{\partial \alpha_{h}}", "holds", True,
     'first link of 5.15 (the chain goes on in one span per line)'),
    (502, r"=-\sum\limits_{j=1}^{l} \cfrac{\partial E_k}{\partial \beta_j}\cdot\cfrac{\partial \beta_j}{\partial b_h}\cdot f'(\alpha_h - \gamma_h)", "holds", True,
     "second link of the 5.15 chain: a span that starts with '=' and continues the e_h chain of the line above"),
    (503, r"=\quad \sum\limits_{j=1}^{l} w_{hj}g_jf'(\alpha_h - \gamma_h)", "holds", True,
     "third link of the 5.15 chain (span starting with '=')"),
    (504, r"=b_h(1-b_h)\sum\limits_{j=1}^{l}w_{hj}g_j", "holds", True,
     "last link of the 5.15 chain (span starting with '=')"),
    (506, r"\Delta v_{ih} = \eta e_h x_i", "holds", True,
     '5.13'),
    (508, r"\Delta\gamma_h = -\eta e_h", "holds", True,
     '5.14'),
]

# ---------------------------------------------------------------------------------------
# 11. index 45818112890 (repository not identified): Jekyll post 'ML 笔记：神经网络'
#     (2020), kramdown $$ ... $$ inside sentences
# ---------------------------------------------------------------------------------------

_IDX458_FIRST = 82
_IDX458_SKELETON = r"""
… $$ D = {(\bm x_1, \bm y_1), (\bm x_2, \bm y_2), \dots, (\bm x_m, \bm y_m)}, \bm x_i \in \mathbb R^d, \bm y \in \mathbb R^l $$，… $$\theta_j$$ … $$\gamma_h$$ …。





… $$(\bm x_k, \bm y_k)$$，… $$\hat \bm y_k = (\hat y_1^k, \dots, \hat y_l^k)$$，…

$$ \hat y_j^k = f(\beta_j - \theta_j) $$



$$ E_k = \frac 1 2 \sum_{j=1}^l (\hat y_j^k - y_j^k)^2 $$

**… $$(d + l)q + q + l$$ …：

$$  \Delta w_{hj}   = \eta g_j b_h \\
    \Delta \theta_j = -\eta g_j  \\
    \Delta v_{ih}   = \eta e_h x_i \\
    \Delta \gamma_h = -\eta e_h  $$



$$ g_j = \hat y_j^k (1-\hat y_j^k)(y_j^k - \hat y_j^k) \\
   e_h = b_h(1-b_h) \sum_{j=1}^l w_{hj} g_j $$

… $$ \eta \in (0,1) $$ …。

… $$w_{hj}$$ … $$E_k$$，… $$\eta$$，…

$$  \begin{aligned}
        \Delta w_{hj} & = -\eta \frac {\partial E_k} {\partial w_{hj}} \\
                      & = -\eta \frac {\partial E_k} {\partial \hat y_j^k} \frac {\partial \hat y_j^k} {\partial \beta_j} \frac{\partial \beta_j} {\partial w_{hj}}  \\
                      \\
        \frac{\partial \beta_j} {\partial w_{hj}} & = b_h \\
        \frac {\partial \hat y_j^k} {\partial \beta_j} & = f'(\beta_j - \theta_j)  \\
                & = f(\beta_j - \theta_j) [1 - f(\beta_j - \theta_j)] \text{ (利用 Sigmoid 函数的性质 f'(x)=f(x)(1-f(x)))} \\
                & = \hat y_j^k (1 - \hat y_j^k) \\
        \frac {\partial E_k} {\partial \hat y_j^k} & = \hat y_j^k - y_j^k<SP>
    \end{aligned}
$$














$$ E = \frac 1 m \sum_{k=1}^m E_k $$

… $$E_k$$ …* 。













… $$E_k$$ …，$$w_i$$ …

$$ E = \lambda \frac 1 m \sum_{k=1}^m E_k + (1-\lambda) \sum_i w_i^2 $$

… $$\lambda \in (0,1)$$ …。
"""[1:-1].replace("<TAB>", "\t").replace("<SP>", " ")
_idx458 = lambda line: _block(_IDX458_SKELETON, _IDX458_FIRST, line)

_IDX458_EQUATIONS = [
    (82, _idx458(82), "not a claim", False,
     'data set and conditions in one kramdown $$ span inside a sentence'),
    (88, r"\hat \bm y_k = (\hat y_1^k, \dots, \hat y_l^k)", "holds", False,
     'the output vector of sample k (\\hat \\bm y_k)'),
    (90, _idx458(90), "holds", True,
     '5.3'),
    (94, _idx458(94), "holds", True,
     '5.4 with \\frac 1 2'),
    (98, _idx458(98), "holds", True,
     '5.11-5.14 as four rows separated by \\\\ without environment, indented continuation lines'),
    (105, _idx458(105), "holds", True,
     '5.10 and 5.15 as two rows separated by \\\\ without environment'),
    (108, _idx458(108), "not a claim", False,
     'condition'),
    (112, _idx458(112), "holds", True,
     "5.6-5.9 in one aligned block (with an empty row); the \\text{} remark contains f'(x)=... as text; every row checked"),
    (137, _idx458(137), "holds", True,
     '5.16'),
    (155, _idx458(155), "not checked", False,
     'regularised objective (5.17) re-uses the name E'),
    (157, r"\lambda \in (0,1)", "not a claim", False,
     'condition'),
]

# ---------------------------------------------------------------------------------------
# 12. 99MyCql/DS_and_Algorithms, study/machineLearning/BP/README.md: BP derivation
#     with a gamma_j typo
# ---------------------------------------------------------------------------------------

_CQL_FIRST = 85
_CQL_SKELETON = r"""
…$(X_k, Y_k)$，…$X_k = (x_1^k, x_2^k,..., x_d^k)$，…$\hat{Y}_k = (\hat{y}_1^k, \hat{y}_2^k,..., \hat{y}_l^k)$。



$$b_h = f(\alpha_h - \gamma_h)$$



$$\hat{y}_j^k = f(\beta_j - \theta_j)$$

…$(X_k, Y_k)$…：

$$E_k = \frac{1}{2}\sum_{j=1}^l(\hat{y}_j^k-y_j^k)^2$$

…$\Delta w_{hj}$…：

$$\begin{aligned}
\Delta w_{hj} &= -\eta\frac{\partial E_k}{\partial w_{hj}} \\
\Delta w_{hj} &= -\eta\frac{\partial E_k}{\partial \hat{y}_j^k}\cdot\frac{\partial \hat{y}_j^k}{\partial \beta_j}\cdot\frac{\partial \beta_j}{\partial w_{hj}}
\end{aligned}$$



$$\frac{\partial E_k}{\partial \hat{y}_j^k} = \hat{y}_j^k-y_j^k$$

…$\beta_j$…：

$$\frac{\partial \beta_j}{\partial w_{hj}} = b_h$$

…$Sigmoid$…：

$$f^\prime(x) = f(x)(1-f(x))$$



$$\frac{\partial \hat{y}_j^k}{\partial \beta_j} = \hat{y}_j^k(1-\hat{y}_j^k)$$



$$\Delta w_{hj} = -\eta(\hat{y}_j^k-y_j^k)\hat{y}_j^k(1-\hat{y}_j^k)b_h$$



$$g_j = \hat{y}_j^k(y_j^k-\hat{y}_j^k)(1-\hat{y}_j^k)$$



$$\Delta w_{hj} = \eta g_j b_h$$

…$\theta_j$…：

$$\begin{aligned}
\Delta \theta_j &= -\eta\frac{\partial E_k}{\partial \theta_j} \\
\Delta \theta_j &= -\eta\frac{\partial E_k}{\partial \hat{y}_j^k}\cdot\frac{\partial \hat{y}_j^k}{\partial \theta_j} \\
\Delta \theta_j &= -\eta g_j
\end{aligned}$$



$$\begin{aligned}
\Delta v_{ih} &= \eta e_h x_i \\
\Delta \gamma_j &= -\eta e_h
\end{aligned}$$



$$e_h = b_h(1-b_h)\sum_{j=1}^l w_{hj}g_j$$
"""[1:-1]
_cql = lambda line: _block(_CQL_SKELETON, _CQL_FIRST, line)

_CQL_EQUATIONS = [
    (85, r"X_k = (x_1^k, x_2^k,..., x_d^k)", "not a claim", False,
     'introduces the new symbol X_k for the input of sample k (with sample superscripts)'),
    (85, r"\hat{Y}_k = (\hat{y}_1^k, \hat{y}_2^k,..., \hat{y}_l^k)", "not a claim", False,
     'introduces the new symbol \\hat{Y}_k for the output vector (the book writes \\hat{y}_k)'),
    (89, r"b_h = f(\alpha_h - \gamma_h)", "holds", True,
     'hidden output b_h'),
    (93, r"\hat{y}_j^k = f(\beta_j - \theta_j)", "holds", True,
     '5.3'),
    (97, r"E_k = \frac{1}{2}\sum_{j=1}^l(\hat{y}_j^k-y_j^k)^2", "holds", True,
     '5.4'),
    (101, _cql(101), "holds", True,
     '5.6 and 5.7 as two rows both starting Delta w_hj &= (the second restates the first)'),
    (108, r"\frac{\partial E_k}{\partial \hat{y}_j^k} = \hat{y}_j^k-y_j^k", "holds", True,
     'dE_k/dyhat_j^k = yhat_j^k - y_j^k'),
    (112, r"\frac{\partial \beta_j}{\partial w_{hj}} = b_h", "holds", True,
     '5.8'),
    (116, r"f^\prime(x) = f(x)(1-f(x))", "holds", True,
     '5.9 with f^\\prime'),
    (120, r"\frac{\partial \hat{y}_j^k}{\partial \beta_j} = \hat{y}_j^k(1-\hat{y}_j^k)", "holds", True,
     "dyhat/dbeta = f'(beta-theta) = yhat(1-yhat)"),
    (124, r"\Delta w_{hj} = -\eta(\hat{y}_j^k-y_j^k)\hat{y}_j^k(1-\hat{y}_j^k)b_h", "holds", True,
     '5.6 with the three factors substituted'),
    (128, r"g_j = \hat{y}_j^k(y_j^k-\hat{y}_j^k)(1-\hat{y}_j^k)", "holds", True,
     '5.10 with the factors in another order'),
    (132, r"\Delta w_{hj} = \eta g_j b_h", "holds", True,
     '5.11'),
    (136, _cql(136), "holds", True,
     'Delta theta_j = -eta dE_k/dtheta_j = -eta dE/dyhat * dyhat/dtheta_j = -eta g_j; every row checked'),
    (144, _cql(144), "refuted", True,
     'Delta v_ih = eta e_h x_i holds, but the second row writes Delta gamma_j = -eta e_h: gamma is indexed by the hidden unit h in the book (typo gamma_j for gamma_h; the update of gamma_j would be -eta e_j)'),
    (151, r"e_h = b_h(1-b_h)\sum_{j=1}^l w_{hj}g_j", "holds", True,
     '5.15'),
]

# ---------------------------------------------------------------------------------------
# 13. index 4929534649 (repository not identified): short English/Chinese notes,
#     TAB-indented lists
# ---------------------------------------------------------------------------------------

_IDX492_FIRST = 24
_IDX492_SKELETON = r"""
- …<SP>

<TAB>- $dq + ql + q + l$ ….

<TAB><TAB>- …$(x_k, y_k)$: $E_k = \frac{1}{2}\sum_{y=1}^l(\hat y_j^k - y_j^k)$
<TAB><TAB>- $\Delta$:<SP><SP>
<TAB><TAB><TAB>- $\Delta w_{hj}= -\eta \frac{\partial E_k}{\partial \hat y_k^j}\frac{\partial \hat y_k^j}{\partial \beta_j} \frac{\partial \beta_j}{w_hj}$
<TAB><TAB><TAB>- $\Delta\theta_j, \Delta v_{dh}, \Delta \gamma_h$
"""[1:-1].replace("<TAB>", "\t").replace("<SP>", " ")
_idx492 = lambda line: _block(_IDX492_SKELETON, _IDX492_FIRST, line)

_IDX492_EQUATIONS = [
    (28, r"E_k = \frac{1}{2}\sum_{y=1}^l(\hat y_j^k - y_j^k)", "refuted", True,
     '5.4 without the square and with the summation index written y (the summand uses j): E_k is the sum of squared differences'),
    (30, r"\Delta w_{hj}= -\eta \frac{\partial E_k}{\partial \hat y_k^j}\frac{\partial \hat y_k^j}{\partial \beta_j} \frac{\partial \beta_j}{w_hj}", "refuted", True,
     "5.6+5.7 merged, with the output written yhat_k^j (sample and output indices swapped) and the last factor \\frac{\\partial \\beta_j}{w_hj} without the partial sign in the denominator and w_hj unbraced (w_h with j after it); not the book's chain as written (judgement unsure)"),
]


_IDX260_LAYOUTS = ["dollar-inline", "dollar-display-block", "backslash-rows-without-env",
                   "equation-env", "aligned", "prime-variants", "several-claims-one-span"]
_IDX369_LAYOUTS = ["front-matter", "html", "dollar-inline", "dollar-display-inline",
                   "indented-display", "aligned", "delta-as-partial", "hat-over-subscript",
                   "unicode-math", "prime-variants"]
_IDX671_LAYOUTS = ["front-matter", "html", "dollar-inline", "cfrac", "limits", "big-delimiters",
                   "hat-without-braces", "prime-variants", "chain-over-spans"]
_IDX458_LAYOUTS = ["front-matter", "dollar-display", "dollar-display-inline",
                   "backslash-rows-without-env", "aligned", "frac-unbraced", "hat-without-braces",
                   "bm", "prime-variants", "trailing-whitespace", "unicode-math"]
_CQL_LAYOUTS = ["dollar-inline", "dollar-display", "display-env-same-line", "aligned",
                "prime-variants"]
_IDX492_LAYOUTS = ["dollar-inline", "tab-indented-list", "hat-without-braces",
                   "trailing-whitespace"]


# ---------------------------------------------------------------------------------------
# 14. index 60183756018 (repository not identified): a knowledge-base page deriving BP
#     after the pumpkin book, with sigma for f and the sample index mostly dropped
# ---------------------------------------------------------------------------------------

_IDX601_FIRST = 20
_IDX601_SKELETON = r"""
… $D = \{(\boldsymbol{x}_1,\boldsymbol{y}_1),\ldots,(\boldsymbol{x}_m,\boldsymbol{y}_m)\}$，…：

- **…**：$d$ … $\boldsymbol{x} = (x_1,\ldots,x_d)$
- **…**：$q$ … $\boldsymbol{b} = (b_1,\ldots,b_q)$
- **…**：$l$ … $\hat{\boldsymbol{y}} = (\hat{y}_1,\ldots,\hat{y}_l)$


- … $v_{ih}$（… $i$ … $h$ … $\gamma_h$
- … $w_{hj}$（… $h$ … $j$ … $\theta_j$


$$\sigma(x) = \frac{1}{1+e^{-x}}, \quad \sigma'(x) = \sigma(x)(1-\sigma(x))$$



… $(\boldsymbol{x}_k, \boldsymbol{y}_k)$：

… $h$ …：
$$\alpha_h = \sum_{i=1}^{d} v_{ih} x_i$$

… $h$ …：
$$b_h = \sigma(\alpha_h - \gamma_h)$$

… $j$ …：
$$\beta_j = \sum_{h=1}^{q} w_{hj} b_h$$

… $j$ …：
$$\hat{y}_j = \sigma(\beta_j - \theta_j)$$



… $(\boldsymbol{x}_k, \boldsymbol{y}_k)$ …：

$$E_k = \frac{1}{2}\sum_{j=1}^{l}(\hat{y}_j^k - y_j^k)^2$$

… $v$ …：

$$v \leftarrow v + \Delta v, \quad \Delta v = -\eta \frac{\partial E_k}{\partial v}$$

… $\eta$ …。





$$\Delta w_{hj} = -\eta \frac{\partial E_k}{\partial w_{hj}}$$


$$\frac{\partial E_k}{\partial w_{hj}} = \frac{\partial E_k}{\partial \hat{y}_j} \cdot \frac{\partial \hat{y}_j}{\partial \beta_j} \cdot \frac{\partial \beta_j}{\partial w_{hj}}$$



1. $\frac{\partial E_k}{\partial \hat{y}_j} = \hat{y}_j - y_j$
2. $\frac{\partial \hat{y}_j}{\partial \beta_j} = \hat{y}_j(1-\hat{y}_j)$（…）
3. $\frac{\partial \beta_j}{\partial w_{hj}} = b_h$



$$\frac{\partial E_k}{\partial w_{hj}} = (\hat{y}_j - y_j)\hat{y}_j(1-\hat{y}_j)b_h$$

… $g_j$：

$$g_j = -\frac{\partial E_k}{\partial (\beta_j - \theta_j)} = -(\hat{y}_j - y_j)\hat{y}_j(1-\hat{y}_j) = \hat{y}_j(1-\hat{y}_j)(y_j - \hat{y}_j)$$



$$\Delta w_{hj} = \eta g_j b_h$$



$$\Delta \theta_j = -\eta\frac{\partial E_k}{\partial \theta_j} = -\eta\frac{\partial E_k}{\partial \hat{y}_j}\cdot\frac{\partial \hat{y}_j}{\partial \theta_j} = -\eta(\hat{y}_j-y_j)\cdot(-\hat{y}_j(1-\hat{y}_j)) = -\eta g_j$$





$$\frac{\partial E_k}{\partial v_{ih}} = \frac{\partial E_k}{\partial b_h}\cdot\frac{\partial b_h}{\partial \alpha_h}\cdot\frac{\partial \alpha_h}{\partial v_{ih}}$$

… $\frac{\partial E_k}{\partial b_h}$——… $b_h$ …：

$$\frac{\partial E_k}{\partial b_h} = \sum_{j=1}^{l}\frac{\partial E_k}{\partial \beta_j}\cdot\frac{\partial \beta_j}{\partial b_h} = \sum_{j=1}^{l}(-g_j)w_{hj}$$


- $\frac{\partial b_h}{\partial \alpha_h} = b_h(1-b_h)$（…）
- $\frac{\partial \alpha_h}{\partial v_{ih}} = x_i$

… $e_h$：

$$e_h = -\frac{\partial E_k}{\partial (\alpha_h - \gamma_h)} = b_h(1-b_h)\sum_{j=1}^{l}w_{hj}g_j$$



$$\Delta v_{ih} = \eta e_h x_i$$



$$\Delta \gamma_h = -\eta e_h$$




2. … $b_h$ … $\hat{y}_j$。
3. … $g_j = \hat{y}_j(1-\hat{y}_j)(y_j - \hat{y}_j)$。
4. … $e_h = b_h(1-b_h)\sum_j w_{hj}g_j$。
5. …：$w_{hj} \leftarrow w_{hj} + \eta g_j b_h$，$\theta_j \leftarrow \theta_j - \eta g_j$。
6. …：$v_{ih} \leftarrow v_{ih} + \eta e_h x_i$，$\gamma_h \leftarrow \gamma_h - \eta e_h$。




1. **…**：$\sigma'(x) = \sigma(x)(1-\sigma(x))$ …。
2. **… $g_j$ … $w_{hj}$ … $e_h$，…。
"""[1:-1]
_idx601 = lambda line: _block(_IDX601_SKELETON, _IDX601_FIRST, line)

_IDX601_EQUATIONS = [
    (20, r"D = \{(\boldsymbol{x}_1,\boldsymbol{y}_1),\ldots,(\boldsymbol{x}_m,\boldsymbol{y}_m)\}", "not a claim", False,
     'training-set definition'),
    (22, r"\boldsymbol{x} = (x_1,\ldots,x_d)", "not a claim", False,
     'introduces the input vector x = (x_1, ..., x_d) (judgement unsure: could be read as a restatement)'),
    (23, r"\boldsymbol{b} = (b_1,\ldots,b_q)", "not a claim", False,
     'introduces the new vector symbol b = (b_1, ..., b_q)'),
    (24, r"\hat{\boldsymbol{y}} = (\hat{y}_1,\ldots,\hat{y}_l)", "holds", False,
     'the output vector with the sample index dropped'),
    (31, r"\sigma(x) = \frac{1}{1+e^{-x}}, \quad \sigma'(x) = \sigma(x)(1-\sigma(x))", "not a claim", False,
     "defines a new function sigma (the sigmoid, the book's f), then states its derivative sigma' = sigma(1-sigma), which is true"),
    (38, r"\alpha_h = \sum_{i=1}^{d} v_{ih} x_i", "holds", True,
     'alpha_h definition'),
    (41, r"b_h = \sigma(\alpha_h - \gamma_h)", "holds", True,
     "b_h = sigma(alpha_h - gamma_h) with the document's sigma = the book's f"),
    (44, r"\beta_j = \sum_{h=1}^{q} w_{hj} b_h", "holds", True,
     'beta_j definition'),
    (47, r"\hat{y}_j = \sigma(\beta_j - \theta_j)", "holds", True,
     '5.3 with sigma and without the sample index'),
    (53, r"E_k = \frac{1}{2}\sum_{j=1}^{l}(\hat{y}_j^k - y_j^k)^2", "holds", True,
     '5.4'),
    (57, r"v \leftarrow v + \Delta v, \quad \Delta v = -\eta \frac{\partial E_k}{\partial v}", "not checked", False,
     'generic update rule for any parameter v (clashes with v_ih), with \\leftarrow'),
    (65, r"\Delta w_{hj} = -\eta \frac{\partial E_k}{\partial w_{hj}}", "holds", True,
     '5.6'),
    (68, r"\frac{\partial E_k}{\partial w_{hj}} = \frac{\partial E_k}{\partial \hat{y}_j} \cdot \frac{\partial \hat{y}_j}{\partial \beta_j} \cdot \frac{\partial \beta_j}{\partial w_{hj}}", "holds", True,
     '5.7 with yhat_j (sample index dropped)'),
    (72, r"\frac{\partial E_k}{\partial \hat{y}_j} = \hat{y}_j - y_j", "holds", True,
     'numbered-list item'),
    (73, r"\frac{\partial \hat{y}_j}{\partial \beta_j} = \hat{y}_j(1-\hat{y}_j)", "holds", True,
     'dyhat_j/dbeta_j = yhat_j(1-yhat_j) (list item, CJK remark after the span)'),
    (74, r"\frac{\partial \beta_j}{\partial w_{hj}} = b_h", "holds", True,
     '5.8 (list item)'),
    (78, r"\frac{\partial E_k}{\partial w_{hj}} = (\hat{y}_j - y_j)\hat{y}_j(1-\hat{y}_j)b_h", "holds", True,
     'the three factors multiplied'),
    (82, r"g_j = -\frac{\partial E_k}{\partial (\beta_j - \theta_j)} = -(\hat{y}_j - y_j)\hat{y}_j(1-\hat{y}_j) = \hat{y}_j(1-\hat{y}_j)(y_j - \hat{y}_j)", "holds", True,
     'g_j = -dE_k/d(beta_j - theta_j) (derivative with respect to the net input) = ... = 5.10'),
    (86, r"\Delta w_{hj} = \eta g_j b_h", "holds", True,
     '5.11'),
    (90, r"\Delta \theta_j = -\eta\frac{\partial E_k}{\partial \theta_j} = -\eta\frac{\partial E_k}{\partial \hat{y}_j}\cdot\frac{\partial \hat{y}_j}{\partial \theta_j} = -\eta(\hat{y}_j-y_j)\cdot(-\hat{y}_j(1-\hat{y}_j)) = -\eta g_j", "holds", True,
     'Delta theta_j chain: dyhat/dtheta_j = -yhat(1-yhat); every link checked'),
    (96, r"\frac{\partial E_k}{\partial v_{ih}} = \frac{\partial E_k}{\partial b_h}\cdot\frac{\partial b_h}{\partial \alpha_h}\cdot\frac{\partial \alpha_h}{\partial v_{ih}}", "holds", True,
     'chain rule for v_ih'),
    (100, r"\frac{\partial E_k}{\partial b_h} = \sum_{j=1}^{l}\frac{\partial E_k}{\partial \beta_j}\cdot\frac{\partial \beta_j}{\partial b_h} = \sum_{j=1}^{l}(-g_j)w_{hj}", "holds", True,
     'dE_k/db_h = sum_j dE_k/dbeta_j w_hj = sum_j (-g_j) w_hj'),
    (103, r"\frac{\partial b_h}{\partial \alpha_h} = b_h(1-b_h)", "holds", True,
     'list item'),
    (104, r"\frac{\partial \alpha_h}{\partial v_{ih}} = x_i", "holds", True,
     'list item'),
    (108, r"e_h = -\frac{\partial E_k}{\partial (\alpha_h - \gamma_h)} = b_h(1-b_h)\sum_{j=1}^{l}w_{hj}g_j", "holds", True,
     'e_h = -dE_k/d(alpha_h - gamma_h) = 5.15'),
    (112, r"\Delta v_{ih} = \eta e_h x_i", "holds", True,
     '5.13'),
    (116, r"\Delta \gamma_h = -\eta e_h", "holds", True,
     '5.14'),
    (122, r"g_j = \hat{y}_j(1-\hat{y}_j)(y_j - \hat{y}_j)", "holds", True,
     "5.10 in the algorithm's steps"),
    (123, r"e_h = b_h(1-b_h)\sum_j w_{hj}g_j", "holds", True,
     "5.15 with the sum's limits omitted"),
    (124, r"w_{hj} \leftarrow w_{hj} + \eta g_j b_h", "not a claim", False,
     'update assignment'),
    (124, r"\theta_j \leftarrow \theta_j - \eta g_j", "not a claim", False,
     'update assignment'),
    (125, r"v_{ih} \leftarrow v_{ih} + \eta e_h x_i", "not a claim", False,
     'update assignment'),
    (125, r"\gamma_h \leftarrow \gamma_h - \eta e_h", "not a claim", False,
     'update assignment'),
    (130, r"\sigma'(x) = \sigma(x)(1-\sigma(x))", "holds", True,
     "5.9 for the document's sigma"),
]

# ---------------------------------------------------------------------------------------
# 15. index 55450745163 (repository not identified): chapter notes merging three
#     books; its section 3 derives BP in the watermelon book's notation
# ---------------------------------------------------------------------------------------

_IDX554_FIRST = 51
_IDX554_SKELETON = r"""
… $(\mathbf{x}_k, \mathbf{y}_k)$，…：

$$E_k = \frac{1}{2}\sum_{j=1}^{l} (\hat{y}_j^k - y_j^k)^2$$

… $v$ … $\Delta v = -\eta \frac{\partial E_k}{\partial v}$。

**… $w_{hj}$ …)：

$$\frac{\partial E_k}{\partial w_{hj}} = \frac{\partial E_k}{\partial \hat{y}_j^k} \cdot \frac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot \frac{\partial \beta_j}{\partial w_{hj}}$$

… $\beta_j = \sum_{h=1}^{q} w_{hj} b_h$，… $f'(x) = f(x)(1-f(x))$：

$$g_j = -\frac{\partial E_k}{\partial \hat{y}_j^k} \cdot \frac{\partial \hat{y}_j^k}{\partial \beta_j} = \hat{y}_j^k(1-\hat{y}_j^k)(y_j^k - \hat{y}_j^k)$$

…：$\Delta w_{hj} = \eta g_j b_h$，$\Delta \theta_j = -\eta g_j$。

**… $v_{ih}$ …)：

… $e_h = b_h(1-b_h)\sum_{j=1}^{l} w_{hj} g_j$，…：

$$\Delta v_{ih} = \eta e_h x_i, \quad \Delta \gamma_h = -\eta e_h$$
"""[1:-1]
_idx554 = lambda line: _block(_IDX554_SKELETON, _IDX554_FIRST, line)

_IDX554_EQUATIONS = [
    (53, r"E_k = \frac{1}{2}\sum_{j=1}^{l} (\hat{y}_j^k - y_j^k)^2", "holds", True,
     '5.4'),
    (55, r"\Delta v = -\eta \frac{\partial E_k}{\partial v}", "not checked", False,
     'generic gradient step for any parameter v (clashes with v_ih)'),
    (59, r"\frac{\partial E_k}{\partial w_{hj}} = \frac{\partial E_k}{\partial \hat{y}_j^k} \cdot \frac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot \frac{\partial \beta_j}{\partial w_{hj}}", "holds", True,
     '5.7'),
    (61, r"\beta_j = \sum_{h=1}^{q} w_{hj} b_h", "holds", True,
     'beta_j definition'),
    (61, r"f'(x) = f(x)(1-f(x))", "holds", True,
     '5.9'),
    (63, r"g_j = -\frac{\partial E_k}{\partial \hat{y}_j^k} \cdot \frac{\partial \hat{y}_j^k}{\partial \beta_j} = \hat{y}_j^k(1-\hat{y}_j^k)(y_j^k - \hat{y}_j^k)", "holds", True,
     '5.10'),
    (65, r"\Delta w_{hj} = \eta g_j b_h", "holds", True,
     '5.11'),
    (65, r"\Delta \theta_j = -\eta g_j", "holds", True,
     '5.12'),
    (69, r"e_h = b_h(1-b_h)\sum_{j=1}^{l} w_{hj} g_j", "holds", True,
     '5.15'),
    (71, r"\Delta v_{ih} = \eta e_h x_i, \quad \Delta \gamma_h = -\eta e_h", "holds", True,
     '5.13 and 5.14 in one span, separated by \\quad'),
]


_IDX601_LAYOUTS = ["front-matter", "dollar-inline", "dollar-display", "boldsymbol",
                   "several-claims-one-span", "prime-variants"]
_IDX554_LAYOUTS = ["dollar-inline", "dollar-display", "several-claims-one-span",
                   "prime-variants"]


# ---------------------------------------------------------------------------------------
# 16. index 12551148809 (repository not identified): notes on chapters 1-5 following the
#     book's text; a typo in E_k (yhat - yhat)
# ---------------------------------------------------------------------------------------

_IDX125_FIRST = 659
_IDX125_SKELETON = r"""
…$D=\{(\bm{x}_1, \bm{x}_1), (\bm{x}_2, \bm{x}_2),\dots,(\bm{x}_m, \bm{x}_m) \},\bm{x}_i \in \mathbb{R}^d ,\bm{y}_i \in \mathbb{R}^l$，…$d$…$l$…。
…$d$…、$l$…、$q$…$j$…$\theta_j$…$h$…$\gamma_h$…$i$…$v_{ih}$。…$h$…$\alpha_h = \sum^d_{i=1}v_{ih}x_i$,…$j$…$\beta_j = \sum^q_{h=1}w_{hj}b_h$，…$b_h$…$h$…。


…$(\bm{x}_k, \bm{y}_k)$…$\hat{\bm{y}}_k = (\hat{y}^k_1,\hat{y}^k_2,\dots, \hat{y}^k_l)$,…
$$
\hat{y}^k_j = f(\beta_j - \theta_j)
$$

…$(\bm{x}_k, \bm{y}_k)$…
$$
\begin{equation}
E_k = \frac 12 \sum^l_{j=1}(\hat{y}^k_j-\hat{y}^k_j)^2
\end{equation}
$$
…$(d+l+1)q+l$…$d\times q$…$q \times l$…、$q$…、$l$…。
…$(14)$…$v$…
$$
v \leftarrow v + \Delta v
$$

…$E_k$，…$\eta$，…
$$
\Delta w_{hj} = -\eta \frac{\partial E_k}{\partial w_{hj}}.<SP>
$$
…$w_{hj}$…$j$…$\beta_j$，…$\hat{y}^k_j$，…$E_k$，…
$$
\begin{equation}
\frac{\partial E_k}{\partial w_{hj}}=\frac{\partial E_k}{\partial \hat{y}^k_j} \cdot \frac{\partial \hat{y}^k_j}{\partial \beta_j} \cdot \frac{\partial \beta_j}{\partial w_{hj}}
\end{equation}
$$

…$\beta_j$…
$$
\frac{\partial \beta_j}{\partial w_{hj}} = b_h
$$

$$
f'(x) = f(x)(1-f(x))
$$

$$
\begin{align*}
g_j &= - \frac{\partial E_k}{\partial \hat{y}^k_j} \cdot \frac{\partial \hat{y}^k_j}{\partial \beta_j}
\\
&= -(\hat{y}^k_j -y^k_j)f'(\beta_j -\theta_j)
\\
&= \hat{y}^k_j(1-\hat{y}^k_j)(y^k_j-\hat{y}^k_j)
\end{align*}
$$
…$w_{hj}$…
$$
\Delta w_{hj} = \eta g_j b_h
$$


$$
\begin{align*}
\Delta \theta _j &= - \eta g_j,
\\
\Delta v_{ih} &= \eta e_h x_i,
\\
\Delta \gamma _h &= - \eta e_h<SP>
\end{align*}
$$


$$
\begin{align*}
e_h &= -\frac{\partial E_k}{\partial b_h} \cdot \frac{\partial b_h}{\partial \alpha_h}
\\
&= -\sum^l_{j=1}\frac{\partial E_k}{\partial \beta_j} \cdot \frac{\partial \beta_j}{\partial b_h} f'(\alpha_h - \gamma_h)
\\
&= \sum^l_{j=1} w_{hj} g_j f'(\alpha_h - \gamma_h)
\\
&= b_h(1-b_h) \sum^l_{j=1} w_{hj} g_j
\end{align*}
$$



…$D$…
$$
E = \frac 1m \sum^m_{k=1} E_k
$$
…$E_k$…。
…$D$…。



2. __…$E_k$…$k$…
$$
E = \lambda \frac 1m \sum^m_{k=1}E_k + (1-\lambda)\sum_i w^2_i
$$
…$\lambda \in (0,1)$…。
"""[1:-1].replace("<TAB>", "\t").replace("<SP>", " ")
_idx125 = lambda line: _block(_IDX125_SKELETON, _IDX125_FIRST, line)

_IDX125_EQUATIONS = [
    (659, r"D=\{(\bm{x}_1, \bm{x}_1), (\bm{x}_2, \bm{x}_2),\dots,(\bm{x}_m, \bm{x}_m) \},\bm{x}_i \in \mathbb{R}^d ,\bm{y}_i \in \mathbb{R}^l", "not a claim", False,
     'data set (with the typo (x_i, x_i) for (x_i, y_i)) and membership conditions in one span'),
    (660, r"\alpha_h = \sum^d_{i=1}v_{ih}x_i", "holds", True,
     'alpha_h definition, \\sum^d_{i=1}'),
    (660, r"\beta_j = \sum^q_{h=1}w_{hj}b_h", "holds", True,
     'beta_j definition'),
    (663, r"\hat{\bm{y}}_k = (\hat{y}^k_1,\hat{y}^k_2,\dots, \hat{y}^k_l)", "holds", False,
     'the output vector, components written yhat^k_j'),
    (664, r"\hat{y}^k_j = f(\beta_j - \theta_j)", "holds", True,
     '5.3 with the superscript written first'),
    (669, _idx125(669), "refuted", True,
     '5.4 with a typo: (yhat^k_j - yhat^k_j)^2 instead of (yhat^k_j - y^k_j)^2, so the right side is 0 while E_k is not'),
    (676, r"v \leftarrow v + \Delta v", "not checked", False,
     'generic update assignment with \\leftarrow'),
    (681, _idx125(681), "holds", True,
     '5.6 with a full stop and a blank inside the math'),
    (685, _idx125(685), "holds", True,
     '5.7 in an equation environment'),
    (692, r"\frac{\partial \beta_j}{\partial w_{hj}} = b_h", "holds", True,
     '5.8'),
    (696, r"f'(x) = f(x)(1-f(x))", "holds", True,
     '5.9'),
    (700, _idx125(700), "holds", True,
     '5.10 chain in align* with \\\\ on lines of their own'),
    (710, r"\Delta w_{hj} = \eta g_j b_h", "holds", True,
     '5.11'),
    (715, _idx125(715), "holds", True,
     '5.12-5.14 in align* (rows end with commas; \\theta _j and \\gamma _h with a blank)'),
    (726, _idx125(726), "holds", True,
     '5.15 chain in align*'),
    (741, r"E = \frac 1m \sum^m_{k=1} E_k", "holds", True,
     '5.16 with \\frac 1m'),
    (750, r"E = \lambda \frac 1m \sum^m_{k=1}E_k + (1-\lambda)\sum_i w^2_i", "not checked", False,
     'regularised objective (5.17) re-uses the name E'),
    (753, r"\lambda \in (0,1)", "not a claim", False,
     'condition'),
]


_IDX125_LAYOUTS = ["dollar-inline", "dollar-display-block", "equation-env", "align-env", "bm",
                   "limits", "frac-unbraced", "prime-variants", "trailing-whitespace",
                   "trailing-punctuation-in-math"]


# ---------------------------------------------------------------------------------------
# 17. index 3307234461 (repository not identified): Marp lecture slides (front matter names
#     the author Shiyan Pan), the BP slides only; a sign error in the e_h chain
# ---------------------------------------------------------------------------------------

_IDX330_FIRST = 730
_IDX330_SKELETON = r"""
… $(d+l+1) q+l$ … $d \times q$… $q \times l$ …、 $q$ …、 $l$ … $v$ …
$$
v \leftarrow v+\Delta v
$$













… $w_{h j}$ …：

… $E_k$ ($E_k=\frac{1}{2} \sum_{j=1}^l\left(\hat{y}_j^k-y_j^k\right)^2$ …**$k$… $\eta$, …
$$
\Delta w_{h j}=-\eta \frac{\partial E_k}{\partial w_{h j}}
$$


… $w_{h j}$ … $j$ … $\beta_j$, … $\hat{y}_j^k$,… $E_k$, …
$$
\frac{\partial E_k}{\partial w_{h j}}=\frac{\partial E_k}{\partial \hat{y}_j^k} \cdot \frac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot \frac{\partial \beta_j}{\partial w_{h j}} .
$$
… $\beta_j$ …
$$
\frac{\partial \beta_j}{\partial w_{h j}}=b_h .
$$
















$$
f^{\prime}(x)=f(x)(1-f(x))
$$

$$
\begin{aligned}
g_j & =-\frac{\partial E_k}{\partial \hat{y}_j^k} \cdot \frac{\partial \hat{y}_j^k}{\partial \beta_j} \\
& =-\left(\hat{y}_j^k-y_j^k\right) f^{\prime}\left(\beta_j-\theta_j\right) \\
& =\hat{y}_j^k\left(1-\hat{y}_j^k\right)\left(y_j^k-\hat{y}_j^k\right)
\end{aligned}
$$

















… $w_{h j}$ …
$$
\Delta w_{h j}=\eta g_j b_h
$$

$$
\begin{array}{c}
\Delta \theta_j=-\eta g_j, \\
\Delta v_{i h}=\eta e_h x_i, \\
\Delta \gamma_h=-\eta e_h
\end{array}
$$

$$
\begin{aligned}
e_h & =-\frac{\partial E_k}{\partial b_h} \cdot \frac{\partial b_h}{\partial \alpha_h} \\
& =-\sum_{j=1}^l \frac{\partial E_k}{\partial \beta_j} \cdot \frac{\partial \beta_j}{\partial b_h} f^{\prime}\left(\alpha_h-\gamma_h\right) \\
& =-\sum_{j=1}^l w_{hj} \cdot g_j f^{\prime}\left(\alpha_h-\gamma_h\right) \\
& =b_h (1 - b_h ) \sum_{j=1}^l w_{hj} g_j
\end{aligned}
$$

"""[1:-1]
_idx330 = lambda line: _block(_IDX330_SKELETON, _IDX330_FIRST, line)

_IDX330_EQUATIONS = [
    (731, r"v \leftarrow v+\Delta v", "not checked", False,
     'generic update assignment with \\leftarrow'),
    (749, r"E_k=\frac{1}{2} \sum_{j=1}^l\left(\hat{y}_j^k-y_j^k\right)^2", "holds", True,
     '5.4 inline, inside parentheses in a sentence'),
    (750, r"\Delta w_{h j}=-\eta \frac{\partial E_k}{\partial w_{h j}}", "holds", True,
     '5.6 with the subscript written {h j}'),
    (756, r"\frac{\partial E_k}{\partial w_{h j}}=\frac{\partial E_k}{\partial \hat{y}_j^k} \cdot \frac{\partial \hat{y}_j^k}{\partial \beta_j} \cdot \frac{\partial \beta_j}{\partial w_{h j}} .", "holds", True,
     "5.7 ending with ' .'"),
    (760, r"\frac{\partial \beta_j}{\partial w_{h j}}=b_h .", "holds", True,
     "5.8 ending with ' .'"),
    (779, r"f^{\prime}(x)=f(x)(1-f(x))", "holds", True,
     '5.9 with f^{\\prime}'),
    (783, _idx330(783), "holds", True,
     '5.10 chain'),
    (808, r"\Delta w_{h j}=\eta g_j b_h", "holds", True,
     '5.11'),
    (812, _idx330(812), "holds", True,
     '5.12-5.14 as rows of an array{c} (rows end with commas)'),
    (820, _idx330(820), "refuted", True,
     "5.15 chain with a sign error in the third link: -sum_j dE_k/dbeta_j * w_hj f' = +sum_j w_hj g_j f'(alpha_h - gamma_h), but the slide writes -sum_j w_hj g_j f'(...); the last link b_h(1-b_h) sum_j w_hj g_j is right"),
]


_IDX330_LAYOUTS = ["dollar-inline", "dollar-display-block", "aligned", "array-rows", "left-right",
                   "prime-variants", "trailing-punctuation-in-math", "html"]


# ---------------------------------------------------------------------------------------
# 18. index 27196847659 (repository not identified): notes 'A²PI²-ML version2.1' on the
#     book, BP as a numbered list with indented $$ displays (items 1-20 of section 5.3)
# ---------------------------------------------------------------------------------------

_IDX271_FIRST = 1252
_IDX271_SKELETON = r"""
  1. …$D=\{(x_1,y_1),(x_2, y_2),...,(x_m, y_m)\},x_i\in \mathbb R^d,y_i\in \mathbb R^l$，…$d$…$l$…

  2. …$d$…、$l$…、$q$…

  3. …$j$…$\theta_j$…$h$…$\gamma_h$…$i$…$w_{hj}$

  4. …$h$…$\alpha_h=\sum^d_{i=1}v_{ih}x_i$，…$j$…$\beta_j=\sum^q_{h=1}w_{hj}b_h$，…$b_h$…$h$…



  6. …$(x_k,y_k)$，…$\hat{y}_k=(\hat{y}_1^k,\hat{y}_2^k,...,\hat{y}_l^k)$，…
     $$
     \hat{y}_j^k=f(\beta_j-\theta_j)
     $$

  7. …$(x_k,y_k)$…
     $$
     E_k=\frac{1}{2}\sum\limits^l_{j=1}(\hat{y}^k_j-y^k_j)^2
     $$

  8. …$(d+l+1)q+l$…$d\times q$…$q\times l$…，$q$…、$l$…


     $$
     v\gets v+\Delta v
     $$

  10. …$w_{hj}$，…$E_k$，…$\eta$，…
      $$
      \Delta w_{hj} = -\eta\frac{\partial E_k}{\partial w_{hj}}
      $$

  11. …$w_{hj}$…$j$…$\beta_j$，…$\hat{y}_j^k$，…$E_k$，…
      $$
      \frac{\partial E_k}{\partial w_{hj}}=\frac{\partial E_k}{\partial\hat{y}_j^k}·\frac{\partial\hat{y}_j^k}{\partial\beta_j}·\frac{\partial\beta_j}{\partial w_{hj}}
      $$

  12. …$\beta_j$…
      $$
      \frac{\partial\beta_j}{\partial w_{hj}}=b_h
      $$


      $$
      f'(x)=f(x)(1-f(x))
      $$


      $$
      \begin{equation}
      <TAB><TAB>\begin{aligned}
      <TAB><TAB><TAB><TAB>g_j&=-\frac{\partial E_k}{\partial\hat{y}_j^k}·\frac{\partial\hat{y}_j^k}{\partial\beta_j}\\
      <TAB><TAB><TAB>  &=-(\hat{y}^k_j-y^k_j)f'(\beta_j-\theta_j)\\
              &=\hat{y}^k_j(1-\hat{y}^k_j)(y^k_j-\hat{y}^k_j)\\
      <TAB><TAB>\end{aligned}
      \end{equation}
      $$

  15. …$w_{hj}$…
      $$
      \Delta w_{hj} = -\eta g_jb_h
      $$

  16. …$v_{ih}$，…$E_k$，…$\eta$，…
      $$
      \Delta v_{ih} = -\eta\frac{\partial E_k}{\partial v_{ih}}
      $$

  17. …$v_{ih}$…$h$…$\alpha_h$，…$b_h$，…$E_k$，…
      $$
      \frac{\partial E_k}{\partial v_{ih}}=\frac{\partial E_k}{\partial b_h}·\frac{\partial b_h}{\partial \alpha_h}·\frac{\partial\alpha_h}{\partial v_{ih}}\
      $$

  18. …$\alpha_h$…
      $$
      \frac{\partial\alpha_h}{\partial v_{ih}}=x_i
      $$


      $$
      \begin{equation}
      <TAB><TAB>\begin{aligned}
      <TAB><TAB><TAB><TAB>e_h&=-\frac{\partial E_k}{\partial b_h}·\frac{\partial b_h}{\partial \alpha_h}\\
      <TAB><TAB><TAB>  &=-\sum\limits^l_{j=1}\frac{\partial E_k}{\partial\beta_j}·\frac{\partial\beta_j}{\partial b_h}f'(\alpha_h-\gamma_h)\\
              &=\sum\limits^l_{j=1}w_{hj}g_jf'(\alpha_h-\gamma_h)\\
              &=b_h(1-b_h)\sum\limits^l_{j=1}w_{hj}g_j\\
      <TAB><TAB>\end{aligned}
      \end{equation}
      $$


      $$
      \Delta\theta_j=-\eta g_j\\
      \Delta v_{ih}=\eta e_hx_i\\
      \Delta\gamma_h=-\eta e_h
      $$
"""[1:-1].replace("<TAB>", "\t").replace("<SP>", " ")

_IDX271_EQUATIONS = [
    (1252, 'D=\\{(x_1,y_1),(x_2, y_2),...,(x_m, y_m)\\},x_i\\in \\mathbb R^d,y_i\\in \\mathbb R^l', "not a claim", False,
     'data set and membership conditions in one span'),
    (1258, '\\alpha_h=\\sum^d_{i=1}v_{ih}x_i', "holds", True,
     'alpha_h definition'),
    (1258, '\\beta_j=\\sum^q_{h=1}w_{hj}b_h', "holds", True,
     'beta_j definition'),
    (1262, '\\hat{y}_k=(\\hat{y}_1^k,\\hat{y}_2^k,...,\\hat{y}_l^k)', "holds", False,
     "the output vector, items separated by '...'"),
    (1263, '     \\hat{y}_j^k=f(\\beta_j-\\theta_j)', "holds", True,
     '5.3 in a $$ display indented inside a numbered list item'),
    (1268, '     E_k=\\frac{1}{2}\\sum\\limits^l_{j=1}(\\hat{y}^k_j-y^k_j)^2', "holds", True,
     '5.4 with \\sum\\limits^l_{j=1}'),
    (1275, '     v\\gets v+\\Delta v', "not checked", False,
     'generic update assignment with \\gets'),
    (1280, '      \\Delta w_{hj} = -\\eta\\frac{\\partial E_k}{\\partial w_{hj}}', "holds", True,
     '5.6'),
    (1285, '      \\frac{\\partial E_k}{\\partial w_{hj}}=\\frac{\\partial E_k}{\\partial\\hat{y}_j^k}·\\frac{\\partial\\hat{y}_j^k}{\\partial\\beta_j}·\\frac{\\partial\\beta_j}{\\partial w_{hj}}', "holds", True,
     '5.7 with U+00B7 middle dots as products'),
    (1290, '      \\frac{\\partial\\beta_j}{\\partial w_{hj}}=b_h', "holds", True,
     '5.8'),
    (1295, "      f'(x)=f(x)(1-f(x))", "holds", True,
     '5.9'),
    (1300, "      \\begin{equation}\n      \t\t\\begin{aligned}\n      \t\t\t\tg_j&=-\\frac{\\partial E_k}{\\partial\\hat{y}_j^k}·\\frac{\\partial\\hat{y}_j^k}{\\partial\\beta_j}\\\\\n      \t\t\t  &=-(\\hat{y}^k_j-y^k_j)f'(\\beta_j-\\theta_j)\\\\\n              &=\\hat{y}^k_j(1-\\hat{y}^k_j)(y^k_j-\\hat{y}^k_j)\\\\\n      \t\t\\end{aligned}\n      \\end{equation}", "holds", True,
     '5.10 chain in equation+aligned, TABs inside the math, a trailing \\\\ before \\end{aligned}'),
    (1311, '      \\Delta w_{hj} = -\\eta g_jb_h', "refuted", True,
     "sign flipped: the book's 5.11 is Delta w_hj = +eta g_j b_h"),
    (1316, '      \\Delta v_{ih} = -\\eta\\frac{\\partial E_k}{\\partial v_{ih}}', "holds", True,
     'gradient rule for v_ih'),
    (1321, '      \\frac{\\partial E_k}{\\partial v_{ih}}=\\frac{\\partial E_k}{\\partial b_h}·\\frac{\\partial b_h}{\\partial \\alpha_h}·\\frac{\\partial\\alpha_h}{\\partial v_{ih}}\\', "holds", True,
     'chain rule for v_ih; a stray backslash at the end of the line (a control space)'),
    (1326, '      \\frac{\\partial\\alpha_h}{\\partial v_{ih}}=x_i', "holds", True,
     'd alpha_h / d v_ih = x_i'),
    (1331, "      \\begin{equation}\n      \t\t\\begin{aligned}\n      \t\t\t\te_h&=-\\frac{\\partial E_k}{\\partial b_h}·\\frac{\\partial b_h}{\\partial \\alpha_h}\\\\\n      \t\t\t  &=-\\sum\\limits^l_{j=1}\\frac{\\partial E_k}{\\partial\\beta_j}·\\frac{\\partial\\beta_j}{\\partial b_h}f'(\\alpha_h-\\gamma_h)\\\\\n              &=\\sum\\limits^l_{j=1}w_{hj}g_jf'(\\alpha_h-\\gamma_h)\\\\\n              &=b_h(1-b_h)\\sum\\limits^l_{j=1}w_{hj}g_j\\\\\n      \t\t\\end{aligned}\n      \\end{equation}", "holds", True,
     '5.15 chain in equation+aligned with TABs'),
    (1343, '      \\Delta\\theta_j=-\\eta g_j\\\\\n      \\Delta v_{ih}=\\eta e_hx_i\\\\\n      \\Delta\\gamma_h=-\\eta e_h', "holds", True,
     '5.12-5.14 as three rows separated by \\\\ without environment'),
]

_IDX271_LAYOUTS = ["dollar-inline", "dollar-display-block", "indented-display", "equation-env",
                   "aligned", "tab-in-math", "backslash-rows-without-env", "limits",
                   "unicode-math", "prime-variants"]


# ---------------------------------------------------------------------------------------
# The documents
# ---------------------------------------------------------------------------------------

def _url(repo, commit, path):
    return "https://github.com/%s/blob/%s/%s" % (repo, commit, path)


_PUMPKIN = "datawhalechina/pumpkin-book"
_PUMPKIN_PATH = "docs/chapter5/chapter5.md"
_PUMPKIN_NEW_COMMIT = "189c419a7c1c2b2ef1051252960b1e0fba33195f"
_PUMPKIN_OLD_COMMIT = "11f1d74dea66ffa0da1aaf5ef508baa32d50322c"
_SIGNORINO = "SignorinoY/signorinoy.github.io"
_SIGNORINO_PATH = "source/_posts/machine-learning-derivation.md"
_SIGNORINO_COMMIT = "0552bf02be4063a527d81ed1f1e766f7be0dbcbe"
_TANG = "Tanghuigithub/MachineLearning-1"
_TANG_PATH = "nnstructure.md"
_TANG_COMMIT = "23d858bcf72141f20a0f98048136815692af99f6"
_ZHMH = "zhmhbest/HelloMathematics"
_ZHMH_PATH = "notes/MachineLearning/NeuralNetwork.md"
_ZHMH_COMMIT = "01190a70de6f96c8d7be2806a0326cd9139fcc5f"
_CQL = "99MyCql/DS_and_Algorithms"
_CQL_PATH = "study/machineLearning/BP/README.md"
_CQL_COMMIT = "95f3f001a2f3086713a4809eb47a4430e4852d0a"

DOCUMENTS = [
    dict(id="pumpkin-189c419", repo=_PUMPKIN, path=_PUMPKIN_PATH, commit=_PUMPKIN_NEW_COMMIT,
         author="datawhalechina", url=_url(_PUMPKIN, _PUMPKIN_NEW_COMMIT, _PUMPKIN_PATH),
         kind="pumpkin book (derivations of the watermelon book), version with 5.10 and 5.15",
         layouts=_PUMPKIN_LAYOUTS_NEW, equations=_PUMPKIN_EQUATIONS_NEW,
         skeleton_first_line=_PUMPKIN_NEW_FIRST, source_math_layout=_PUMPKIN_NEW_SKELETON_T),
    dict(id="pumpkin-11f1d74", repo=_PUMPKIN, path=_PUMPKIN_PATH, commit=_PUMPKIN_OLD_COMMIT,
         author="datawhalechina", url=_url(_PUMPKIN, _PUMPKIN_OLD_COMMIT, _PUMPKIN_PATH),
         kind="pumpkin book, older version: 5.2 then 5.12-5.14 only",
         layouts=_PUMPKIN_LAYOUTS_OLD, equations=_PUMPKIN_EQUATIONS_OLD,
         skeleton_first_line=_PUMPKIN_OLD_FIRST, source_math_layout=_PUMPKIN_OLD_SKELETON),
    dict(id="signorinoy-derivation", repo=_SIGNORINO, path=_SIGNORINO_PATH, commit=_SIGNORINO_COMMIT,
         author="SignorinoY", url=_url(_SIGNORINO, _SIGNORINO_COMMIT, _SIGNORINO_PATH),
         kind="Hexo blog post: formula derivations of the book (logistic regression, BP)",
         layouts=_SIGNORINO_LAYOUTS, equations=_SIGNORINO_EQUATIONS,
         skeleton_first_line=_SIGNORINO_FIRST, source_math_layout=_SIGNORINO_SKELETON),
    dict(id="tanghui-nnstructure", repo=_TANG, path=_TANG_PATH, commit=_TANG_COMMIT,
         author="Tanghuigithub", url=_url(_TANG, _TANG_COMMIT, _TANG_PATH),
         kind="exercise answer (fork of a course repository; images hosted by another user)",
         layouts=_TANG_LAYOUTS, equations=_TANG_EQUATIONS,
         skeleton_first_line=_TANG_FIRST, source_math_layout=_TANG_SKELETON),
    dict(id="zhmhbest-neuralnetwork", repo=_ZHMH, path=_ZHMH_PATH, commit=_ZHMH_COMMIT,
         author="zhmhbest", url=_url(_ZHMH, _ZHMH_COMMIT, _ZHMH_PATH),
         kind="short notes, math typed with Unicode symbols",
         layouts=_ZHMH_LAYOUTS, equations=_ZHMH_EQUATIONS,
         skeleton_first_line=_ZHMH_FIRST, source_math_layout=_ZHMH_SKELETON),
    dict(id="idx-34802756627", repo=None, path=None, commit=None, author=None, url=None,
         index_id="34802756627",
         kind="short notes 5.1-5.3 with equation numbers; repository not identified",
         layouts=_IDX348_LAYOUTS, equations=_IDX348_EQUATIONS,
         skeleton_first_line=_IDX348_FIRST, source_math_layout=_IDX348_SKELETON),
    dict(id="idx-6911553957", repo=None, path=None, commit=None, author=None, url=None,
         index_id="6911553957",
         kind="chapter-5 notes (with TensorFlow appendix); repository not identified",
         layouts=_IDX691_LAYOUTS, equations=_IDX691_EQUATIONS,
         skeleton_first_line=_IDX691_FIRST, source_math_layout=_IDX691_SKELETON),
    dict(id="idx-2485459231", repo=None, path=None, commit=None, author=None, url=None,
         index_id="2485459231",
         kind="English notes on Ch.5; repository not identified (a longer variant exists, index 2668803166)",
         layouts=_IDX248_LAYOUTS, equations=_IDX248_EQUATIONS,
         skeleton_first_line=_IDX248_FIRST, source_math_layout=_IDX248_SKELETON),
    dict(id="idx-26040306840", repo=None, path=None, commit=None, author=None, url=None,
         index_id="26040306840",
         kind="chapter-5 notes (neuron, perceptron, BP); repository not identified",
         layouts=_IDX260_LAYOUTS, equations=_IDX260_EQUATIONS,
         skeleton_first_line=_IDX260_FIRST, source_math_layout=_IDX260_SKELETON),
    dict(id="idx-36953381430", repo=None, path=None, commit=None, author=None, url=None,
         index_id="36953381430",
         kind="Typora notes on the whole chapter as nested lists; repository not identified",
         layouts=_IDX369_LAYOUTS, equations=_IDX369_EQUATIONS,
         skeleton_first_line=_IDX369_FIRST, source_math_layout=_IDX369_SKELETON),
    dict(id="idx-67147549511", repo=None, path=None, commit=None, author=None, url=None,
         index_id="67147549511",
         kind="blog post on derivations of the book (2024); repository not identified",
         layouts=_IDX671_LAYOUTS, equations=_IDX671_EQUATIONS,
         skeleton_first_line=_IDX671_FIRST, source_math_layout=_IDX671_SKELETON),
    dict(id="idx-45818112890", repo=None, path=None, commit=None, author=None, url=None,
         index_id="45818112890",
         kind="Jekyll blog post, notes on the chapter (2020); repository not identified",
         layouts=_IDX458_LAYOUTS, equations=_IDX458_EQUATIONS,
         skeleton_first_line=_IDX458_FIRST, source_math_layout=_IDX458_SKELETON),
    dict(id="99mycql-bp", repo=_CQL, path=_CQL_PATH, commit=_CQL_COMMIT,
         author="99MyCql", url=_url(_CQL, _CQL_COMMIT, _CQL_PATH), index_id="25614214533",
         kind="README deriving BP for a three-layer network, with Python code",
         layouts=_CQL_LAYOUTS, equations=_CQL_EQUATIONS,
         skeleton_first_line=_CQL_FIRST, source_math_layout=_CQL_SKELETON),
    dict(id="idx-4929534649", repo=None, path=None, commit=None, author=None, url=None,
         index_id="4929534649",
         kind="short English/Chinese notes on the chapter; repository not identified",
         layouts=_IDX492_LAYOUTS, equations=_IDX492_EQUATIONS,
         skeleton_first_line=_IDX492_FIRST, source_math_layout=_IDX492_SKELETON),
    dict(id="idx-60183756018", repo=None, path=None, commit=None, author=None, url=None,
         index_id="60183756018",
         kind="knowledge-base page 'BP 反向传播算法推导'; repository not identified",
         layouts=_IDX601_LAYOUTS, equations=_IDX601_EQUATIONS,
         skeleton_first_line=_IDX601_FIRST, source_math_layout=_IDX601_SKELETON),
    dict(id="idx-55450745163", repo=None, path=None, commit=None, author=None, url=None,
         index_id="55450745163",
         kind="chapter notes merging three textbooks (section 3 only); repository not identified",
         layouts=_IDX554_LAYOUTS, equations=_IDX554_EQUATIONS,
         skeleton_first_line=_IDX554_FIRST, source_math_layout=_IDX554_SKELETON),
    dict(id="idx-12551148809", repo=None, path=None, commit=None, author=None, url=None,
         index_id="12551148809",
         kind="notes on chapters 1-5 of the book (section 5.3 only); repository not identified",
         layouts=_IDX125_LAYOUTS, equations=_IDX125_EQUATIONS,
         skeleton_first_line=_IDX125_FIRST, source_math_layout=_IDX125_SKELETON),
    dict(id="idx-3307234461", repo=None, path=None, commit=None, author=None, url=None,
         index_id="3307234461",
         kind="Marp lecture slides on deep learning (the BP slides only); repository not identified",
         layouts=_IDX330_LAYOUTS, equations=_IDX330_EQUATIONS,
         skeleton_first_line=_IDX330_FIRST, source_math_layout=_IDX330_SKELETON),
    dict(id="idx-27196847659", repo=None, path=None, commit=None, author=None, url=None,
         index_id="27196847659",
         kind="notes on the whole book (section 5.3 items 1-20 only); repository not identified",
         layouts=_IDX271_LAYOUTS, equations=_IDX271_EQUATIONS,
         skeleton_first_line=_IDX271_FIRST, source_math_layout=_IDX271_SKELETON),
]

VERDICTS = ("holds", "refuted", "not a claim", "not checked")


def all_equations():
    """(document id, line, latex, verdict, bp, note) for every listed equation."""
    return [(d["id"],) + tuple(e) for d in DOCUMENTS for e in d["equations"]]
