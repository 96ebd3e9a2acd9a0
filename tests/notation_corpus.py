"""Public documents that derive back-propagation in another textbook's notation (issue
"check v4", point 5), with a hand judgement of every formula listed.

Provenance.  Each document was located and read through a stored index of public GitHub
repositories (read-only look-ups, nothing cloned); ``repo``, ``path`` and ``commit`` name
the stored version read (where the index names no commit for the version read,
``stored`` says which it is).  Only the formulas (facts) are reproduced, never prose; the notes
are mine.  Where a document also holds math outside back-propagation (an optimiser, a
computation-graph tutorial), the note says what was left out; everything listed was judged.

A document's ``directives``: (index of a formula, context) pairs, the directive a user adds
before that formula (``<!-- symnet: h = tanh -->`` is ``{"f": "tanh"}``), in force from it on.

Per formula: ``F(text, expected, inside, note, accept)``

- ``text``: the math span as written in the document (between its delimiters), split into
  equations the way ``symnet check`` splits it (:func:`symnet.checker.document.equations`);
  ``expected`` holds for every equation of the span.
- ``expected``: ``"holds"`` (true in the notation's model), ``"refuted"`` (false there: a
  real error of the document), ``"not a claim"`` (a notation, a definition of a new symbol,
  an assignment) or ``"not checked"`` (the note says why it cannot be read with one meaning).
- ``inside``: True for a back-propagation formula written in the book's notation (these are
  the ones the 85 % is counted on); False for one outside it (another cost, a single
  neuron, Andrew Ng's bracket notation, a pattern index, an optimiser, a schematic).
- ``accept``: verdicts besides ``expected`` that are not wrong for a formula outside the
  notation (e.g. a cost the document defines without Nielsen's 1/2: "refuted" when read in
  the notation's model, true in the document's own).

A verdict is wrong when it says "holds" of a formula expected "refuted" or the reverse, or
when it reads (holds/refuted) a formula expected unreadable with a verdict not in
``accept``.
"""
from collections import namedtuple

F = namedtuple("F", "text expected inside note accept", defaults=("", ()))

H, R, NC, NK = "holds", "refuted", "not a claim", "not checked"
OTHER_COST = "the document's own cost C = sum (y - a)^2 has no 1/2 (Nielsen's has): true " \
             "for the document's cost, refuted in the notation's"

BP1 = r"\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j)"
BP1a = r"\delta^L = \nabla_a C \odot \sigma'(z^L)"
BP2a = r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)"
BP3 = r"\frac{\partial C}{\partial b^l_j} =  \delta^l_j"
BP4 = r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j"

DOCUMENTS = [
    dict(key="ezalos", repo="ezalos/NotYetSelfAware", path="maths.md",
         commit="1b6d68ef73e3a2aff7f9f0e9a4c649c8e07dfc74", notation="nielsen",
         note="maths notes of an MLP project: a table of BP1-BP4, then each equation with "
              "the quadratic cost; left out: the matrix layouts (pmatrix/array) and the "
              "optimiser section (momentum, RMSprop, Adam)",
         formulas=[
             F(r"Z^{[l]} = W^{[l]} \cdot A^{[l-1]} + b^{[l]}", NK, False,
               "Andrew Ng's bracket notation, not Nielsen's"),
             F(r"A^{[l]} = \sigma^{[l]} (Z^{[l]})", NK, False, "Ng's bracket notation"),
             F(r"\delta^l \equiv \delta A^l", NK, False,
               "names delta after Ng's dA: a notation, two notations mixed"),
             F(r"{\color{green}\delta^L} = \nabla_a C \odot \sigma'(z^L)", H, True,
               "BP1a, coloured"),
             F(BP2a, H, True, "BP2a (table)"),
             F(BP3, H, True, "BP3 (table)"),
             F(BP4, H, True, "BP4 (table)"),
             F(r"\sigma(\vec{z})_{i}=\frac{e^{z_{i}}}{\sum_{j=1}^{n^L} e^{z_{j}}}", NK, False,
               "softmax defined over an unlayered vector z: outside the sigmoid model"),
             F(r"\frac{\partial L}{\partial o_i}=-\sum_ky_k\frac{\partial \log p_k}"
               r"{\partial o_i}=-\sum_ky_k\frac{1}{p_k}\frac{\partial p_k}{\partial o_i}\\"
               r"=-y_i(1-p_i)-\sum_{k\neq i}y_k\frac{1}{p_k}({\color{red}{-p_kp_i}})\\"
               r"=-y_i(1-p_i)+\sum_{k\neq i}y_k({\color{red}{p_i}})\\"
               r"=-y_i+\color{blue}{y_ip_i+\sum_{k\neq i}y_k({p_i})}\\"
               r"=\color{blue}{p_i\left(\sum_ky_k\right)}-y_i=p_i-y_i", NK, False,
               "softmax with cross-entropy in o, p, L: another model and other symbols"),
             F(BP1, H, True, "BP1"),
             F(BP1a, H, True, "BP1a"),
             F("C=\\frac{1}{2}\u2211_j(y_j\u2212a^L_j)^2", H, True,
               "the quadratic cost, with Unicode sum and minus signs"),
             F("\\frac{\u2202C}{\u2202a^L_j}=(a^L_j\u2212y_j)", H, True,
               "dC/da^L_j for the quadratic cost, Unicode partial"),
             F(r"\nabla_a C = (a^L-y)", H, True, "its vector form"),
             F(BP2a, H, True, "BP2a"),
             F(BP3, H, True, "BP3"),
             F(BP4, H, True, "BP4"),
             F(r"\frac{\partial C}{\partial w} = a_{\rm in} \delta_{\rm out}", NK, False,
               "Nielsen's schematic (32): a_in, delta_out name no unit of a layer"),
         ]),
    dict(key="dudung", repo="dudung/python",
         path="src/stepin/intermediate/network/error_propagation.md",
         commit="0dd8053cfdb8ece7f9d993ec5d74dbbb60bc529c", notation="nielsen",
         note="an appendix of definitions towards BP1 (A1-A6), each display tagged",
         formulas=[
             F("\\tag{A1}\nC = \\frac12 \\sum_j (y_j - a^L_j)^2", H, True,
               "the quadratic cost"),
             F("\\tag{A2}\nz_j^l = b_j^l + \\sum_k w_{jk}^l \\ a_k^{l-1}", H, True,
               "the weighted input, bias first"),
             F("\\tag{A3}\na^l_j = \\sigma(z_j^l)", H, True, "the activation"),
             F("\\tag{A4}\n\\delta^l_j \\equiv \\frac{\\partial C}{\\partial z^l_j}", H, True,
               "delta's definition, written with \\equiv"),
             F("\\tag{A5}\n\\frac{\\partial y}{\\partial x} = \\frac{\\partial y}{\\partial u}"
               " \\ \\frac{\\partial u}{\\partial x}", NK, False,
               "the chain rule in generic x, u, y (y here is no target)"),
             F("\\tag{A6}\n\\delta^L_j \\equiv \\frac{\\partial C}{\\partial a^L_j} "
               "\\sigma'(z^L_j)", H, True, "BP1, written with \\equiv"),
         ]),
    dict(key="francoisbonnard", repo="francoisbonnard/Design-Patterns",
         path="datascience/learning.md", commit="b57a7f04894af1a9ddfa9dd047200b8356fe727e",
         notation="nielsen",
         note="reading notes on Nielsen's chapter 2 (notation and the two assumptions)",
         formulas=[
             F(r"a_j^l = \sigma (\sum _k w^l_{jk}a^{l-1}_k + b^l_j)  ", H, True,
               "Nielsen (23)"),
             F(r"a^l = \sigma (w^la^{l-1}+b^l) ", H, True, "Nielsen (25)"),
             F(r"a^l = \sigma (z^l) ", H, True, "the activation of the weighted input"),
             F(r"C = \frac{1}{2n}\sum_x ||y(x)  - a^L(x)||^2  ", NK, False,
               "the average over n training examples x: outside the one-example cost"),
             F(r"C = \frac{1}{n}\sum_x C_x  ", NK, False, "the average over examples"),
             F(r"C_x = 1/2 ||y-a^L||^2 ", H, True,
               "the cost of one example, Nielsen (27)"),
             F(r"C=C(a^L) ", NC, False,
               "says the cost is a function of the outputs: a notation"),
             F(r"C_x = \frac{1}{2} ||y-a^L||^2 = \frac{1}{2n}\sum_j||y_j  - a^L_j||^2  ", R,
               False, "a real error: 1/(2n) (n examples) in a one-example cost; n is not "
                      "in the notation"),
         ]),
    dict(key="blackkeys17", repo="blackKeys17/blackkeys17.github.io",
         path="content/posts/neural_net_maths/index.md",
         commit="33822580d9cff586cd0e21d43325afd8520eb495", notation="nielsen",
         note="a blog post deriving BP1-BP4 with proofs, indices written w^l_{i,j}, widths "
              "n and m declared in the prose; left out: the MNIST one-hot vector, the "
              "gradient-descent section's generic f(x), the Hadamard example",
         formulas=[
             F(r"\sigma(z)=\frac{1}{1+e^{-z}}", NK, False,
               "the sigmoid defined over a dummy z (no layer): not a BP formula"),
             F(r"a=\sigma(w_1x_1+...+w_nx_n+b)", NK, False, "a single neuron, no layers"),
             F(r"a=\sigma\left(\sum{w_ix_i}+b\right)", NK, False, "a single neuron"),
             F(r"z=\sum{w_ix_i} + b", NK, False, "a single neuron"),
             F(r"\sigma'(z)=\sigma(z)(1-\sigma(z))", NK, False,
               "the sigmoid's derivative over a dummy z: not a BP formula"),
             F(r"a^l_i=\sigma(z^l_i)", H, True, "the activation"),
             F(r"z^l_i = w^l_{i,1}a^{l-1}_1 + .… + w^l_{i,m}a^{l-1}_m+b^l_i", H, True,
               "the weighted input written out with an ellipsis (m units in layer l-1)"),
             F(r"z^l=w^la^{l-1}+b^l", H, True, "Nielsen (25)"),
             F(r"a^l=\sigma(z^l)=\sigma(w^la^{l-1}+b^l)", H, True, "the forward step"),
             F(r"C=\sum{(y_i-a^L_i)^2}", R, False, OTHER_COST, (NK,)),
             F(r"C=\frac{1}{n}\sum_{\forall x}C_x", NK, False, "the average over examples"),
             F(r"\delta^l_i=\frac{\partial C}{\partial z^l_i}", H, True, "delta's definition"),
             F(r"\delta^L=\nabla_a C\odot \sigma'(z^L)", H, True, "BP1a"),
             F(r"\frac{\partial C}{\partial z^L_k}=\sum_{i=1}^n\frac{\partial C}"
               r"{\partial a^L_i}\frac{\partial a^L_i}{\partial z^L_k}", H, True,
               "the chain rule over the n output units"),
             F(r"\frac{\partial C}{\partial z^L_k}=\frac{\partial C}{\partial a^L_k}"
               r"\frac{d a^L_k}{d z^L_k}", H, True, "with an ordinary d"),
             F(r"\delta^L_k=\frac{\partial C}{\partial a^L_k}\sigma'(z^L_k)", H, True, "BP1"),
             F(r"\frac{\partial C}{\partial a^L_k}=2(a^L_i-y_i)", R, False,
               OTHER_COST + "; also i for k on the right", (NK,)),
             F(r"\nabla_a C=2(a^L-y)", R, False, OTHER_COST, (NK,)),
             F(r"\delta^L=2(a^L-y)\odot \sigma'(z^L)", R, False, OTHER_COST, (NK,)),
             F(r"\delta^l=((w^{l+1})^T\delta^{l+1})\odot\sigma'(z^l)", H, True, "BP2a"),
             F(r"\frac{\partial C}{\partial z^l_k}=\sum_{i=1}^n\frac{\partial C}"
               r"{\partial z^{l+1}_i}\frac{\partial z^{l+1}_i}{\partial z^l_k}", H, True,
               "the chain rule through layer l+1 (n units)"),
             F(r"\frac{\partial C}{\partial z^l_k}=\sum_{i=1}^n\frac{\partial C}"
               r"{\partial z^{l+1}_i}\frac{\partial z^{l+1}_i}{\partial a^l_k}"
               r"\frac{d a^l_k}{d z^l_k}", H, True, "one more link"),
             F(r"z^{l+1}_i=\sum_{j=1}^m(w^{l+1}_{i,j}a^l_j)+b^{l+1}_i", H, True,
               "the weighted input of layer l+1 (m units in layer l)"),
             F(r"\frac{\partial z^{l+1}_i}{\partial a^l_k}=w^{l+1}_{i,k}", H, True, ""),
             F(r"\frac{\partial C}{\partial z^l_k}=\sum_{i=1}^n\delta^{l+1}_i w^{l+1}_{i,k}"
               r"\sigma'(z^l_k)", H, True, "BP2 in components"),
             F(r"\frac{\partial C}{\partial z^l_k}=\sigma'(z^l_k)\sum_{i=1}^n\delta^{l+1}_i "
               r"w^{l+1}_{i,k}", H, True, "BP2, the factor taken out"),
             F(r"\frac{\partial C}{\partial b^l_j}=\delta^l_j", H, True, "BP3"),
             F(r"z^l_j=\sum_{i=1}^n(w^l_{j,i}a^{l-1}_i)+b^l_j", H, True,
               "n units in layer l-1 here"),
             F(r"\frac{\partial C}{\partial b^l_j}=1\times\frac{\partial C}{\partial z^l_j}"
               r"=\delta^l_j", H, True, "BP3's proof"),
             F(r"\frac{\partial C}{\partial w^l_{j,k}}=a^{l-1}_k\delta^l_j", H, True, "BP4"),
             F(r"\frac{\partial z^l_j}{\partial w^l_{j,k}}=a^{l-1}_k", H, True, ""),
             F(r"\frac{\partial C}{\partial w^l_{j,k}}=\frac{\partial C}{\partial z^l_j}"
               r"\frac{\partial z^l_j}{\partial w^l_{j,k}}=\delta^l_j a^{l-1}_k", H, True,
               "BP4's proof"),
             F("\\begin{align}\n& \\delta^L=\\nabla_a C\\odot \\sigma'(z^L) \\\\\n"
               "& \\delta^l=((w^{l+1})^T\\delta^{l+1})\\odot\\sigma'(z^l) \\\\\n"
               "& \\frac{\\partial C}{\\partial b^l_j}=\\delta^l_j \\\\\n"
               "& \\frac{\\partial C}{\\partial w^l_{j,k}}=a^{l-1}_k\\delta^l_j\n"
               "\\end{align}", H, True, "the summary: BP1a-BP4 in one aligned block"),
             F(r"a^1=x_i", NK, False,
               "x_i is the i-th example of a mini-batch, not an input entry", (R,)),
             F(r"a^{l+1}=\sigma(w^{l+1}a^l+b^{l+1})", H, True, "the forward step"),
             F(r"\delta^L=\nabla_a C\odot \sigma'(z^L)", H, True, "BP1a (algorithm)"),
             F(r"\delta^l=((w^{l+1})^T\delta^{l+1})\odot\sigma'(z^l)", H, True, "BP2a"),
             F(r"\frac{\partial C}{\partial b^l_j}=\delta^l_j", H, True, "BP3"),
             F(r"\frac{\partial C}{\partial w^l_{j,k}}=a^{l-1}_k\delta^l_j", H, True, "BP4"),
             F(r"w_k\rightarrow w_k-\frac{\eta}{m}\frac{\partial C}{\partial w_k}", NK, False,
               "a mini-batch update of a generic weight w_k"),
         ]),
    dict(key="jfemiani", repo="jfemiani/cse627a",
         path="chapter5/prml-05.3-Error-Backpropagation-notes.md",
         commit="699b565e35b2d8aed74f904947690e366c95eb13", notation="bishop",
         directives=[(9, {"f": "tanh"})],      # <!-- symnet: h = tanh --> before (5.62)
         note="lecture notes on PRML 5.3 with three worked examples; the first (tanh hidden "
              "units, linear outputs, squared error) is read with the directive a user adds "
              "for it, h = tanh; the other two (one sigmoid output, ReLU then sigmoid "
              "with vectors W_1, W_2) leave Bishop's unit-letter notation",
         formulas=[
             F(r"\delta_j = \frac{\partial E_n}{\partial a_j}", H, True, "(5.51)"),
             F(r"J_{ki} = \frac{\partial y_k}{\partial x_i}", NK, False,
               "the Jacobian: a new symbol J"),
             F(r"a_j = \sum_i w_{ji} z_i", H, True, "(5.48)"),
             F(r"z_j = h(a_j)", H, True, "(5.49)"),
             F(r"\delta_j \equiv \frac{\partial E_n}{\partial a_j}", H, True,
               "(5.51) with \\equiv"),
             F(r"\delta_k = \frac{\partial E_n}{\partial a_k} = \frac{\partial E_n}"
               r"{\partial y_k} \cdot \frac{dy_k}{da_k}", H, True,
               "an output unit's delta by the chain rule"),
             F(r"\delta_j = h'(a_j) \sum_k w_{kj} \delta_k", H, True, "(5.56)"),
             F(r"\sigma(a) = \frac{1}{1 + e^{-a}}, \quad \sigma'(a) = \sigma(a)(1 - \sigma(a))",
               NK, False, "the sigmoid over a dummy a: not Bishop's h"),
             F(r"\tanh(a) = \frac{e^a - e^{-a}}{e^a + e^{-a}}, \quad \tanh'(a) = 1 - "
               r"\tanh^2(a)", NK, False, "tanh over a dummy a"),
             F(r"a_j^{(1)} = \sum_i w_{ji}^{(1)} x_i \quad \text{(plus bias if applicable)}", H,
               True, "(5.62), the layer also written on a"),
             F(r"z_j^{(1)} = \tanh\Big(a_j^{(1)}\Big)", H, True, "(5.63)"),
             F(r"a_k^{(2)} = \sum_j w_{kj}^{(2)} z_j^{(1)} \quad \text{(plus bias if "
               r"applicable)}", H, True, "(5.64)"),
             F(r"y_k = a_k^{(2)}", H, True, "linear outputs"),
             F(r"E_n = \frac{1}{2} \sum_k \Big(y_k - t_k\Big)^2", H, True, "(5.61)"),
             F(r"\frac{\partial E_n}{\partial y_k} = y_k - t_k", H, True, ""),
             F(r"\frac{dy_k}{da_k^{(2)}} = 1", H, True, "linear output units"),
             F(r"\delta_k^{(2)} = \frac{\partial E_n}{\partial a_k^{(2)}} = y_k - t_k", H,
               True, "(5.65)"),
             F(r"h'(a_j^{(1)}) = 1 - \tanh^2\Big(a_j^{(1)}\Big) = 1 - \Big(z_j^{(1)}\Big)^2", H,
               True, "tanh's derivative"),
             F(r"\delta_j^{(1)} = \Big(1 - \Big(z_j^{(1)}\Big)^2\Big) \sum_k w_{kj}^{(2)} "
               r"\delta_k^{(2)}", H, True, "(5.66)"),
             F(r"\frac{\partial E_n}{\partial w_{ji}^{(1)}} = \delta_j^{(1)} \, x_i", H, True,
               "(5.67)"),
             F(r"\frac{\partial E_n}{\partial w_{kj}^{(2)}} = \delta_k^{(2)} \, z_j^{(1)}", H,
               True, "(5.67)"),
             F(r"a^{(1)} = \sum_i w_i^{(1)} x_i \quad \text{(plus bias if applicable)}", NK,
               False, "one output unit without a unit letter"),
             F(r"y = \sigma\Big(a^{(1)}\Big) = \frac{1}{1 + e^{-a^{(1)}}}", NK, False,
               "a sigmoid output, no unit letter"),
             F(r"E_n = -t \log y - (1 - t) \log (1 - y)", NK, False, "binary cross-entropy"),
             F(r"\frac{\partial E_n}{\partial y} = -\frac{t}{y} + \frac{1 - t}{1 - y}", NK,
               False, "no unit letter"),
             F(r"\frac{dy}{da^{(1)}} = y(1 - y)", NK, False, "no unit letter"),
             F(r"\delta^{(1)} = \frac{\partial E_n}{\partial a^{(1)}} = \frac{\partial E_n}"
               r"{\partial y} \cdot \frac{dy}{da^{(1)}}", NK, False, "no unit letter"),
             F(r"\delta^{(1)} = y - t", NK, False, "no unit letter"),
             F(r"\frac{\partial E_n}{\partial w_i^{(1)}} = \delta^{(1)} \, x_i", NK, False,
               "a weight with one index"),
             F(r"a^{(1)} = W_1 x + b_1", NK, False, "matrices W_1, b_1: another notation"),
             F(r"a^{(2)} = W_2 z^{(1)} + b_2", NK, False, "matrices: another notation"),
             F(r"\delta^{(2)} = y - t", NK, False, "no unit letter"),
             F(r"\frac{\partial E}{\partial W_2} = \delta^{(2)} \cdot \big(z^{(1)}\big)^\top",
               NK, False, "matrices: another notation"),
             F(r"\frac{\partial E}{\partial W_1} = \delta^{(1)} \cdot x^\top", NK, False,
               "matrices: another notation"),
         ]),
    dict(key="arisongha", repo="arisongha/hansololee.github.io",
         path="_posts/2019-01-20-backpropagation.md",
         commit="0e729f54d6f8aa0e059368e60e42017c67e29b6d", notation="bishop",
         note="a Korean blog post following PRML 5.3; left out: the computation-graph "
              "tutorial after it (x + y, xy, ReLU, sigmoid, tanh, Hadamard and "
              "softmax-with-loss nodes), which is outside the notation",
         formulas=[
             F(r"E_n = \frac {1}{2} \sum_k (y_{nk}-t_{nk})^{2}", NK, False,
               "(5.44), the linear model before the network, with the pattern index n"),
             F(r"\frac {\delta E_n}{\delta w_{ji}} = (y_{nj}-t_{nj})x_{ni}", NK, False,
               "(5.46), the linear model"),
             F("\\begin{eqnarray}\n  w_{k+1}  &=& w_{k} - \\mu \\frac {\\delta E_n}"
               "{\\delta w_{ji}} \\\\\n  &=& w_{k} - \\mu (y_{nj}-t_{nj})x_{ni}\n"
               "\\end{eqnarray}", NK, False, "a gradient step, w_k the k-th iterate"),
             F(r"a_j = \sum_i w_{ji}z_i", H, True, "(5.48)"),
             F(r"z_j = h(a_j)", H, True, "(5.49)"),
             F(r"\frac { \partial E_n }{ \partial w_{ji} } =\frac { \partial E_n }"
               r"{ \partial a_j } \frac { \partial a_j }{ \partial w_{ji} }", H, True, "(5.50)"),
             F(r"\delta_j = \frac {\partial E_n}{\partial a_j}", H, True, "(5.51)"),
             F(r"\frac {\partial a_j}{\partial w_{ji}} = z_i", H, True, "(5.52)"),
             F(r"\frac {\delta E_n}{\delta w_{ji}} = \delta_j z_i", NK, True,
               "(5.53) with delta written for the partial sign: reading delta as a "
               "derivative would be a guess"),
             F(r"\frac {\delta E_n}{\delta w_{ji}} = \delta_j z_i", NK, True,
               "(5.53) again, in the prose"),
             F(r"\delta_k = y_k - t_k", H, True, "(5.54)"),
             F(r"\delta_j = \frac { \partial E_n }{ \partial a_j } =\sum_k \frac { \partial "
               r"E_n }{ \partial a_k } \frac { \partial a_k }{ \partial a_j }", H, True,
               "(5.55)"),
             F(r"\delta_j = h'(a_j) \sum_k w_{kj} \delta_k", H, True, "(5.56)"),
         ]),
]

D2L_BACKPROP_NOTE = ("one hidden layer, no biases, any activation phi and loss l, the L2 "
                     "term s and J = L + s")
PROD_O = (r"\text{prod}\left(\frac{\partial J}{\partial \mathbf{o}}, \frac{\partial "
          r"\mathbf{o}}{\partial \mathbf{W}^{(2)}}\right) + \text{prod}\left(\frac{\partial "
          r"J}{\partial s}, \frac{\partial s}{\partial \mathbf{W}^{(2)}}\right)")
PROD_Z = (r"\text{prod}\left(\frac{\partial J}{\partial \mathbf{z}}, \frac{\partial "
          r"\mathbf{z}}{\partial \mathbf{W}^{(1)}}\right) + \text{prod}\left(\frac{\partial "
          r"J}{\partial s}, \frac{\partial s}{\partial \mathbf{W}^{(1)}}\right)")

DOCUMENTS += [
    dict(key="d2l-en", repo="d2l-ai/d2l-en", path="chapter_multilayer-perceptrons/backprop.md",
         commit="5ed29eea33b3cd8fd8ebb84a304f834faccdff31", notation="d2l",
         note="the book's own section (" + D2L_BACKPROP_NOTE + "), every formula of it, "
              "inline ones included; prod(., .) is d2l's generalised product",
         formulas=[
             F(r"\mathbf{z}= \mathbf{W}^{(1)} \mathbf{x}", H, True, "(5.3.1)"),
             F(r"\mathbf{h}= \phi (\mathbf{z}).", H, True, "(5.3.2)"),
             F(r"\mathbf{o}= \mathbf{W}^{(2)} \mathbf{h}.", H, True, "(5.3.3)"),
             F(r"L = l(\mathbf{o}, y).", NC, False, "names the loss l, kept arbitrary"),
             F(r"s = \frac{\lambda}{2} \left(\|\mathbf{W}^{(1)}\|_F^2 + "
               r"\|\mathbf{W}^{(2)}\|_F^2\right),", H, True, "(5.3.5)"),
             F(r"J = L + s.", H, True, "(5.3.6)"),
             F(r"\mathsf{Y}=f(\mathsf{X})", NK, False,
               "the chain rule's generic tensors X, Y, Z (inline): not the network"),
             F(r"\mathsf{Z}=g(\mathsf{Y}) = g \circ f(\mathsf{X})", NK, False,
               "generic tensors"),
             F(r"\frac{\partial \mathsf{Z}}{\partial \mathsf{X}} = \text{prod}\left("
               r"\frac{\partial \mathsf{Z}}{\partial \mathsf{Y}}, \frac{\partial \mathsf{Y}}"
               r"{\partial \mathsf{X}}\right).", NK, False,
               "the chain rule over generic tensors: defines prod, no network quantity"),
             F(r"J=L+s", H, True, "inline, in the prose before (5.3.7)"),
             F(r"\frac{\partial J}{\partial L} = 1 \text{ and } \frac{\partial J}{\partial s}"
               r" = 1", H, True, "(5.3.7): J = L + s differentiated by its two nodes"),
             F("\n\\frac{\\partial J}{\\partial \\mathbf{o}}\n= \\text{prod}\\left("
               "\\frac{\\partial J}{\\partial L}, \\frac{\\partial L}{\\partial \\mathbf{o}}"
               "\\right)\n= \\frac{\\partial L}{\\partial \\mathbf{o}}\n\\in \\mathbb{R}^q\n",
               H, True, "(5.3.8), its shape stated at the end"),
             F("\\frac{\\partial s}{\\partial \\mathbf{W}^{(1)}} = \\lambda \\mathbf{W}^{(1)}"
               "\n\\text{ and }\n\\frac{\\partial s}{\\partial \\mathbf{W}^{(2)}} = \\lambda "
               "\\mathbf{W}^{(2)}", H, True, "(5.3.9)"),
             F("\n\\frac{\\partial J}{\\partial \\mathbf{W}^{(2)}}\n= " + PROD_O +
               "\n= \\frac{\\partial J}{\\partial \\mathbf{o}} \\mathbf{h}^\\top + \\lambda "
               "\\mathbf{W}^{(2)}\n", H, True, "(5.3.10)"),
             F("\n\\frac{\\partial J}{\\partial \\mathbf{h}}\n= \\text{prod}\\left(\\frac"
               "{\\partial J}{\\partial \\mathbf{o}}, \\frac{\\partial \\mathbf{o}}{\\partial "
               "\\mathbf{h}}\\right)\n= {\\mathbf{W}^{(2)}}^\\top \\frac{\\partial J}"
               "{\\partial \\mathbf{o}}.\n", H, True, "(5.3.11)"),
             F("\n\\frac{\\partial J}{\\partial \\mathbf{z}}\n= \\text{prod}\\left(\\frac"
               "{\\partial J}{\\partial \\mathbf{h}}, \\frac{\\partial \\mathbf{h}}{\\partial "
               "\\mathbf{z}}\\right)\n= \\frac{\\partial J}{\\partial \\mathbf{h}} \\odot "
               "\\phi'\\left(\\mathbf{z}\\right).\n", H, True, "(5.3.12)"),
             F("\n\\frac{\\partial J}{\\partial \\mathbf{W}^{(1)}}\n= " + PROD_Z +
               "\n= \\frac{\\partial J}{\\partial \\mathbf{z}} \\mathbf{x}^\\top + \\lambda "
               "\\mathbf{W}^{(1)}.\n", H, True, "(5.3.13)"),
         ]),
    dict(key="pianfan", repo="pianfan/pianfan.github.io",
         path="_posts/2025-11-06-d2l_multilayer-perceptrons.md",
         commit="2efb2cc77034f11c0a1e5970c7b5fd7428df3417", notation="d2l",
         note="Chinese study notes on d2l's chapter 4; its section 4.7 (forward and "
              "backward propagation) is listed whole; left out: the rest of the post "
              "(the minibatch row form H = XW + b, the activations' definitions, weight "
              "decay for linear regression, dropout, Xavier's variance, distribution "
              "shift), which is outside back-propagation in the notation",
         formulas=[
             F(r"\mathbf{z}= \mathbf{W}^{(1)} \mathbf{x}", H, True, ""),
             F(r"\mathbf{h}= \phi (\mathbf{z})", H, True, ""),
             F(r"\mathbf{o}= \mathbf{W}^{(2)} \mathbf{h}", H, True, ""),
             F(r"L = l(\mathbf{o}, y)", NC, False, "names the loss"),
             F(r"s = \frac{\lambda}{2} \left(\|\mathbf{W}^{(1)}\|_F^2 + "
               r"\|\mathbf{W}^{(2)}\|_F^2\right)", H, True, ""),
             F(r"J = L + s", H, True, ""),
             F(r"\frac{\partial J}{\partial L} = 1,\;\frac{\partial J}{\partial s} = 1", H,
               True, "two equations, a comma between"),
             F(r"\frac{\partial J}{\partial \mathbf{o}} = \frac{\partial L}{\partial "
               r"\mathbf{o}}", H, True, ""),
             F(r"\frac{\partial s}{\partial \mathbf{W}^{(1)}} = \lambda \mathbf{W}^{(1)},\;"
               r"\frac{\partial s}{\partial \mathbf{W}^{(2)}} = \lambda \mathbf{W}^{(2)}", H,
               True, ""),
             F(r"\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \frac{\partial J}{\partial "
               r"\mathbf{o}} \mathbf{h}^\top + \lambda \mathbf{W}^{(2)}", H, True, ""),
             F(r"\frac{\partial J}{\partial \mathbf{h}} = {\mathbf{W}^{(2)}}^\top \frac"
               r"{\partial J}{\partial \mathbf{o}}", H, True, ""),
             F(r"\frac{\partial J}{\partial \mathbf{z}} = \frac{\partial J}{\partial "
               r"\mathbf{h}} \odot \phi'\left(\mathbf{z}\right)", H, True, ""),
             F(r"\frac{\partial J}{\partial \mathbf{W}^{(1)}} = \frac{\partial J}{\partial "
               r"\mathbf{z}} \mathbf{x}^\top + \lambda \mathbf{W}^{(1)}", H, True, ""),
         ]),
    dict(key="joonhyeok-dl", repo="JoonHyeok-hozy-Kim/ai_paper_study",
         path="text_books/deep_learning_mit/ch06/05/note.md", commit="",
         stored="index file id 28270170364 (27456 characters): the stored version with "
                "section 6.5.4; the index names no commit for it (its versions at "
                "701d07ba4da4bde67b40e50d3977ceb542daaa91 and 03929fe9... are shorter "
                "drafts without 6.5.4)",
         notation="goodfellow", sections=(0, 6),   # algorithm 6.4 under its own heading
         note="reading notes on Deep Learning 6.5; section 6.5.4 (algorithms 6.3 and 6.4, "
              "written $`...`$) listed whole; left out: 6.5.1-6.5.3 and 6.5.5-6.5.6 "
              "(computational graphs, the chain rule over generic x, y, z and tensors, "
              "the general back-propagation's pseudo-code), outside the notation",
         formulas=[
             F(r"h^{(0)} = x", H, True, "algorithm 6.3"),
             F(r"k=1,2,\cdots,l", NC, False, "the loop's range", (NK,)),
             F(r"a^{(k)} = b^{(k)} + W^{(k)}h^{(k-1)}", H, True, ""),
             F(r"h^{(k)} = f\left(a^{(k)}\right)", H, True, ""),
             F(r"\hat{y} = h^{(l)}", H, True, ""),
             F(r"J = L(\hat{y}, y) + \lambda\Omega(\theta)", H, True,
               "J = L + lambda Omega(theta), Omega any differentiable function of every parameter: the "
               "definition of J (goodfellow.toml's Omega, theta, lambda); in force after it"),
             F(r"g \leftarrow \nabla_{\hat{y}} J = \nabla_{\hat{y}} L(\hat{y}, y) \; \left("
               r"\because \frac{\partial \lambda\Omega(\theta)}{\partial \hat{y}} = 0\right)",
               H, True, "algorithm 6.4's start, with Omega; an update of g, true (Omega does "
               "not depend on hat y); its justification in parentheses is a claim of its own, "
               "not read: the derivative of a scalar expression by a whole vector has no "
               "layout fixed in the notation (a row or a column)"),
             F(r"k=l, l-1, \cdots, 1", NC, False, "the loop's range", (NK,)),
             F(r"g\leftarrow\nabla_{a^{(k)}} J = g \odot f'\left(a^{(k)}\right)", H, True,
               "true: g on the right is its value on entering iteration k, grad of J by "
               "h^(k) (the body's last line for k + 1; grad by hat y = h^(l) before the loop)"),
             F(r"\nabla_{b^{(k)}} J = g + \lambda\nabla_{b^{(k)}}\Omega(\theta)", H, True,
               "true: g is grad of J by a^(k) (the loop's first line), and Omega's share"),
             F(r"\nabla_{W^{(k)}} J = g\;(h^{(k-1)})^\top + \lambda\nabla_{W^{(k)}}\Omega"
               r"(\theta)", H, True, "true: g is grad of J by a^(k), and Omega's share"),
             F(r"g\leftarrow\nabla_{h^{(k-1)}}J = {W^{(k)}}^\top g", H, True,
               "true: g is grad of J by a^(k), its value from the loop's first line"),
         ]),
]

DOCUMENTS += [
    dict(key="d2l-zh", repo="d2l-ai/d2l-zh", path="chapter_multilayer-perceptrons/backprop.md",
         commit="26fd28c00354cfb9018ece3a9170ac978fed23e7", notation="d2l",
         note="the book's Chinese edition of the same section (its translators' "
              "spacing: \\; \\text{and} \\;, one-line chains), every formula, inline ones "
              "included",
         formulas=[
             F(r"\mathbf{z}= \mathbf{W}^{(1)} \mathbf{x},", H, True, ""),
             F(r"\mathbf{h}= \phi (\mathbf{z}).", H, True, ""),
             F(r"\mathbf{o}= \mathbf{W}^{(2)} \mathbf{h}.", H, True, ""),
             F(r"L = l(\mathbf{o}, y).", NC, False, "names the loss"),
             F(r"s = \frac{\lambda}{2} \left(\|\mathbf{W}^{(1)}\|_F^2 + "
               r"\|\mathbf{W}^{(2)}\|_F^2\right),", H, True, ""),
             F(r"J = L + s.", H, True, ""),
             F(r"\mathsf{Y}=f(\mathsf{X})", NK, False, "generic tensors (inline)"),
             F(r"\mathsf{Z}=g(\mathsf{Y})", NK, False, "generic tensors (inline)"),
             F(r"\frac{\partial \mathsf{Z}}{\partial \mathsf{X}} = \text{prod}\left("
               r"\frac{\partial \mathsf{Z}}{\partial \mathsf{Y}}, \frac{\partial \mathsf{Y}}"
               r"{\partial \mathsf{X}}\right).", NK, False, "defines prod over tensors"),
             F(r"J=L+s", H, True, "inline"),
             F(r"\frac{\partial J}{\partial L} = 1 \; \text{and} \; \frac{\partial J}"
               r"{\partial s} = 1.", H, True, ""),
             F("\n\\frac{\\partial J}{\\partial \\mathbf{o}}\n= \\text{prod}\\left("
               "\\frac{\\partial J}{\\partial L}, \\frac{\\partial L}{\\partial \\mathbf{o}}"
               "\\right)\n= \\frac{\\partial L}{\\partial \\mathbf{o}}\n\\in \\mathbb{R}^q.\n",
               H, True, "its shape stated at the end"),
             F("\\frac{\\partial s}{\\partial \\mathbf{W}^{(1)}} = \\lambda \\mathbf{W}^{(1)}"
               "\n\\; \\text{and} \\;\n\\frac{\\partial s}{\\partial \\mathbf{W}^{(2)}} = "
               "\\lambda \\mathbf{W}^{(2)}.", H, True, ""),
             F("\\frac{\\partial J}{\\partial \\mathbf{W}^{(2)}}= " + PROD_O + "= \\frac"
               "{\\partial J}{\\partial \\mathbf{o}} \\mathbf{h}^\\top + \\lambda "
               "\\mathbf{W}^{(2)}.", H, True, "on one line"),
             F("\n\\frac{\\partial J}{\\partial \\mathbf{h}}\n= \\text{prod}\\left(\\frac"
               "{\\partial J}{\\partial \\mathbf{o}}, \\frac{\\partial \\mathbf{o}}{\\partial "
               "\\mathbf{h}}\\right)\n= {\\mathbf{W}^{(2)}}^\\top \\frac{\\partial J}"
               "{\\partial \\mathbf{o}}.\n", H, True, ""),
             F("\n\\frac{\\partial J}{\\partial \\mathbf{z}}\n= \\text{prod}\\left(\\frac"
               "{\\partial J}{\\partial \\mathbf{h}}, \\frac{\\partial \\mathbf{h}}{\\partial "
               "\\mathbf{z}}\\right)\n= \\frac{\\partial J}{\\partial \\mathbf{h}} \\odot "
               "\\phi'\\left(\\mathbf{z}\\right).\n", H, True, ""),
             F("\n\\frac{\\partial J}{\\partial \\mathbf{W}^{(1)}}\n= " + PROD_Z +
               "\n= \\frac{\\partial J}{\\partial \\mathbf{z}} \\mathbf{x}^\\top + \\lambda "
               "\\mathbf{W}^{(1)}.\n", H, True, ""),
         ]),
]

# Documents in Goodfellow's notation found for issue 22 (notations as data).
CUI = dict(key="cui-bp", repo="(unnamed: index file id 27269352096)",
         path="(unnamed: a Markdown homework, 3326 characters)", commit="",
         stored="index file id 27269352096 (3326 characters): found by its text; the index "
                "names neither its repository nor a commit",
         notation="goodfellow", sections=(0,),    # '###1' without a space: no heading
         note="a course homework deriving the gradients of section 6.5 in the book's notation "
              "(a^(k), h^(k), W^(k), b^(k), J), every formula listed; it defines J with "
              "lambda Omega(theta) (1.3) and then differentiates J as the loss: its gradients "
              "by W^(k) and b^(k) are exact with lambda = 0 only, and refuted after (1.3) "
              "(the regulariser in force); those by units hold either way",
         formulas=[
             F(r"a^{(k)} = b^{(k)} + W^{(k)}h^{(k-1)} \tag{1.1}", H, True, ""),
             F(r"h^{(k)} = f(a^{(k)}) \tag{1.2}", H, True, ""),
             F(r"J = L( \hat{y} , y ) + \lambda \Omega (\theta) \tag{1.3}", H, True,
               "J = L + lambda Omega(theta), Omega any differentiable function of every parameter: the "
               "definition of J (goodfellow.toml's Omega, theta, lambda); in force after it"),
             F("\\nabla_{W^{(k)}}J\n= \\sum_j (\\nabla_{W^{(k)}}a^{(k)}_j) \\dfrac{\\partial J}"
               "{\\partial a^{(k)}_j}", R, True,
               "the chain rule through a^(k) only: false for the document's own J (1.3), "
               "which depends on W^(k) also directly, through Omega (lambda grad_W Omega is "
               "missing; true with lambda = 0)"),
             F(r"a^{(k)}_j = W^{(k)}_j h^{(k-1)}", NK, True,
               "W_j names the j-th row (the document's notation, not the book's), and the "
               "bias is left out: false as an identity", (R,)),
             F("\\nabla_{W^{(k)}_i} a ^{(k)}_j =\\begin{cases}\n0,i \\neq j\\\\\n(h^{(k-1)})^T,"
               "i=j\n\\end{cases}", NK, True,
               "a case split over i and j, by a row W_i: piecewise, no one identity"),
             F("\\nabla_{W^{(k)}}a^{(k)}_j\n=((\\nabla_{W^{(k)}_1}a^{(k)}_j)^T,(\\nabla_{W^{(k)}"
               "_2}a^{(k)}_j)^T,...,\\nabla_{W^{(k)}_j}a^{(k)}_j)^T,...,(\\nabla_{W^{(k)}_{m_k}}"
               "a^{(k)}_j)^T)^T\n=(0,...,0,(h^{(k-1)})^T,0,...,0)^T\\\\\n=e^{(j)}(h^{(k-1)})^T",
               NK, True,
               "rows stacked with ellipses and the unit vector e^(j): the document's "
               "notation (the trailing words, left out here, name e^(j))"),
             F("\\nabla_{W^{(k)}}J\n= \\sum_j (\\nabla_{W^{(k)}}a^{(k)}_j) \\dfrac{\\partial J}"
               "{\\partial a^{(k)}_j}\n= \\sum_j (e^{(j)}(h^{(k-1)})^T) \\dfrac{\\partial J}"
               "{\\partial a^{(k)}_j}\\\\\n= (\\sum_j \\dfrac{\\partial J}{\\partial a^{(k)}_j}"
               " e^{(j)}) (h^{(k-1)})^T\n= (\\nabla_{a^{(k)}}J)(h^{(k-1)})^T \\tag{2.1}", R, True,
               "false for the document's own J (1.3): grad_W J = grad_a J h^T + lambda "
               "grad_W Omega (true with lambda = 0); not read: its middle steps use the unit "
               "vector e^(j), which the notation has not (a note in parentheses, left out, "
               "says dJ/da_j is a scalar)"),
             F("\\nabla_{b^{(k)}}J\n=(\\dfrac{\\partial a^{(j)}}{\\partial b^{(j)}})^T "
               "\\nabla_{a^{(k)}}J", NK, True,
               "the layer written j where k is meant (a typo): read as written it mixes "
               "layers j and k"),
             F(r"\dfrac{\partial a^{(j)}}{\partial b^{(j)}}=I", NK, True,
               "the same typo (layer j), and I the identity of an unstated size"),
             F("\\nabla_{b^{(k)}}J\n=\\nabla_{a^{(k)}}J \\tag{3.1}", R, True,
               "true with lambda = 0 only: the document's own J (1.3) adds lambda grad_b "
               "Omega, and the regulariser is in force after (1.3)"),
             F("\\begin{cases}\n\\nabla_{W^{(k)}}J=\\delta^{(k)}(h^{(k-1)})^T\\\\\n"
               "\\nabla_{b^{(k)}}J=\\delta^{(k)}\n\\end{cases} \\tag{4.1}", R, True,
               "two equations in a cases block, with delta^(k) the document's name for "
               "grad_a^(k) J (not the book's): true with lambda = 0 only, false for the "
               "document's own J (1.3), which adds lambda grad Omega to each"),
             F("\\nabla_{a^{(k)}}J\n=(\\dfrac{\\partial a^{(k+1)}}{\\partial a^{(k)}})^T"
               "\\nabla_{a^{(k+1)}}J \\tag {4.2}", H, True,
               "the book's Jacobian (a row per entry of a^(k+1)), as in its 6.5.2"),
             F("\\dfrac{\\partial a^{(k+1)}}{\\partial a^{(k)}}\n=(\\dfrac{\\partial a^{(k+1)}}"
               "{\\partial h^{(k)}})(\\dfrac{\\partial h^{(k)}}{\\partial a^{(k)}}) \\tag{4.3}",
               H, True, "the chain rule of Jacobians"),
             F(r"a^{(k+1)}_i = W^{(k+1)}_{i,j} h^{(k)}_j", R, True,
               "the sum over j left implicit and the bias left out: false as written "
               "(only its derivative by h_j, the next line, is meant)"),
             F(r"\dfrac{\partial a^{(k+1)}_i}{\partial h^{(k)}_j}=W^{(k+1)}_{i,j}", H, True, ""),
             F(r"\dfrac{\partial a^{(k+1)}}{\partial h^{(k)}}=W^{(k+1)} \tag{4.4}", H, True,
               "the book's Jacobian"),
             F("\\dfrac{\\partial h^{(k)}_i}{\\partial a^{(k)}_j}\n= \\begin{cases}\n0,i \\neq j"
               "\\\\\nf'(a^{(k)}_j), i=j\n\\end{cases}", NK, True, "a case split over i, j"),
             F("\\dfrac{\\partial h^{(k)}}{\\partial a^{(k)}}\n=diag(f'(a^{(k)}_i))=f'(a^{(k)})I"
               ",(f'(a^{(k)})=(f'(a^{(k)}_1),...f'(a^{(k)}_{m_k}))^T) \\tag {4.5}", NK, True,
               "diag(...) and f'(a) I, the document's notation for the diagonal matrix"),
             F("\\delta^{(k)}=\\nabla_{a^{(k)}}J\n=(W^{(k+1)}(f'(a^{(k)})I))^T \\delta^{(k+1)}\n"
               "=f'(a^{(k)})I(W^{(k+1)})^T \\delta^{(k+1)}\\\\\n=f'(a^{(k)}) \\odot ((W^{(k+1)})^T "
               "\\delta^{(k+1)}) \\tag {4.6}", H, True,
               "true, written with the document's delta and its f'(a) I for the diagonal "
               "matrix"),
             F("\\delta^{(l)}=\\nabla_{a^{(l)}}J=f'(a^{(l)}) \\odot \\nabla_{h^{(l)}}J\n"
               "=f'(a^{(l)}) \\odot \\nabla_{\\hat{y}}J\n\\\\=f'(a^{(l)}) \\odot \\nabla_{\\hat{y}}"
               " L(\\hat{y},y)\\tag{5.1}", H, True,
               "true, written with the document's delta^(l) = grad_a^(l) J"),
         ])

ZH_ALG = dict(key="zh-alg-6.4", repo="windmissing/Bible-DeepLearning",
         path="Chapter6/5Backprop/4FullyConnectedMLP.md", commit="",
         stored="index file id 21260149266 (4676 characters): found by its text, a version of "
                "this repository's file whose commit the index does not name (it also holds "
                "4151afffc857339ef87ce0c5e57f1442e1e1e451, 4683 characters, the same "
                "formulas, and 4b730236bbbc7d2505266817dc7075f55dbc5a27, 2580 characters)",
         notation="goodfellow", sections=(0, 6, 12),   # 6.3's listing, 6.4's, the author's
         note="Chinese reading notes on section 6.5.4: the book's algorithms 6.3 and 6.4 "
              "(the Chinese translation's LaTeX, quoted in the page) and the author's own "
              "derivation, which renames a to z, writes layers as bare superscripts and "
              "splits g into gh and gz (outside the notation); left out: a notation table "
              "and a Python sketch",
         formulas=[
             F(r"h^{(0)}=x", H, True, "algorithm 6.3"),
             F(r"k=1, \ldots, l", NC, False, "the loop's range", (NK,)),
             F(r"a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)}", H, True, ""),
             F(r"h^{(k)} = f(a^{(k)})", H, True, ""),
             F(r"\hat{y} = h^{(l)}", H, True, ""),
             F(r"J = L(\hat{y},y) + \lambda \Omega(\theta)", H, True,
               "J = L + lambda Omega(theta), Omega any differentiable function of every parameter: the "
               "definition of J (goodfellow.toml's Omega, theta, lambda); in force after it"),
             F(r"g \leftarrow \nabla_{\hat{y}} J = \nabla_{\hat{y}} L(\hat{y},y)", H, True,
               "algorithm 6.4's start: an update of g, and its claim (true: Omega does not "
               "depend on hat y)"),
             F(r"k=l, l-1, \cdots, 1", NC, False, "the loop's range", (NK,)),
             F(r"g \leftarrow \nabla_{a^{(k)}} J = g \odot f'(a^{(k)})", H, True,
               "an update and its claim: g on the right is its value on entering iteration "
               "k (grad by h^(k)), true"),
             F(r"\nabla_{b^{(k)}} J = g + \lambda \nabla_{b^{(k)}} \Omega(\theta)", H, True,
               "true: g is grad of J by a^(k) (the loop's first line), and Omega's share"),
             F(r"\nabla_{W^{(k)}} J = g \; h^{(k-1)\top} + \lambda \nabla_{W^{(k)}} "
               r"\Omega(\theta)", H, True, "true: g is grad of J by a^(k), and Omega's share; "
               "the book's own h^{(k-1)\\top}"),
             F(r"g \leftarrow \nabla_{h^{(k-1)}} J = W^{(k)\top} \; g", H, True,
               "an update of g and its claim (g is grad by a^(k)); the book's own W^{(k)\\top}"),
             F("\n\\begin{aligned}\ngh^L & = & \\frac{\\partial L(\\hat y, y)}{\\partial h^L}\n"
               " = \\nabla_{\\hat y}L(\\hat y, y)\\\\\ngz^L & = & \\frac{\\partial L(\\hat y, y)}"
               "{\\partial z^L}\n = \\frac{\\partial L(\\hat y, y)}{\\partial h^L}\\frac{\\partial "
               "h^L}{\\partial z^L}\n = gh^L \\bigodot f'(z^L) \\\\\n\\end{aligned}\n", NK, False,
               "the author's own names (gh, gz, z for a, bare superscripts): another "
               "notation; the rest of the block (with x^L and the sums) is left out"),
         ])

ES_NUMPY = dict(key="es-numpy", repo="(unnamed: index file id 47502118110)",
         path="(unnamed: Spanish notes on a NumPy network, 36787 characters)", commit="",
         stored="index file id 47502118110 (36787 characters; its first 16000 read): found "
                "by its text; the index names neither its repository nor a commit",
         notation="goodfellow",
         note="Spanish course notes (a network in NumPy) whose forward propagation follows "
              "the book's algorithm 6.3; listed: the neuron, the activations, the forward "
              "pass, the cost and the chain rule of its first part; left out: the shapes "
              "of W_1, b_1, W_2, b_2 and the zero-initialisation example (implementation)",
         formulas=[
             F(r"z = W^\top x + b", NK, False, "one layer's affine map in z: no layer"),
             F(r"h = g(z) = g(W^\top x + b)", NK, False, "one layer, g the activation"),
             F(r"g(z) = \sigma(z) = \frac{1}{1 + e^{-z}}", NK, False,
               "the sigmoid over a dummy z"),
             F(r"g(z) = \tanh(z)", NK, False, "an activation over a dummy z"),
             F(r"g(z) = \max(0, z)", NK, False, "ReLU over a dummy z"),
             F(r"h^{(0)} = x", H, True, "algorithm 6.3"),
             F(r"a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)}", H, True, ""),
             F(r"h^{(k)} = f(a^{(k)})", H, True, ""),
             F(r"\text{Coste} = - \sum_{i=1}^n y_i \log \hat{y}_i", NK, False,
               "a softmax output's cross-entropy named in words: another cost"),
             F(r"\frac{dz}{dx} = \frac{dz}{dg} \cdot \frac{dg}{dx}", NK, False,
               "the chain rule over generic x, g, z"),
             F(r"\nabla_{\mathbf{x}} z = \left( \frac{\partial \mathbf{y}}{\partial "
               r"\mathbf{x}} \right)^\top \nabla_{\mathbf{y}} z", NK, False,
               "the book's (6.46) over generic x, y, z (y is no target here)"),
         ])

DOCUMENTS += [CUI, ZH_ALG, ES_NUMPY]

BOLD_ZH = dict(key="zh-notes-6.5.6", repo="(unnamed: index file id 27224449240)",
         path="(unnamed: Chinese reading notes on chapters 6-8, 38155 characters)",
         commit="",
         stored="index file id 27224449240 (38155 characters; its first 16000 read): found "
                "by its text; the index names neither its repository nor a commit",
         notation="goodfellow",
         note="Chinese reading notes on the book (page by page), in bold symbols; listed: "
              "the part on section 6.5 (p. 184-185: the gradient by b^(k) with the "
              "regulariser, and a matrix-derivative aside); left out: chapters 7 and 8 "
              "(regularisation, optimisation), outside back-propagation",
         formulas=[
             F(r"\because \boldsymbol{a}^{(k)} = \boldsymbol{b}^{(k)}  + \boldsymbol{W}^{(k)}"
               r"\boldsymbol{h}^{(k-1)}", H, True, "led by \\because"),
             F(r"\nabla_{\boldsymbol{b}^{(k)}}J = \nabla_{\boldsymbol{a}^{(k)}} L(\widehat{y},y)"
               r" \cdot \frac{\partial\boldsymbol{a}^{(k)}}{\partial \boldsymbol{b}^{(k)}} + "
               r"\lambda \cdot \nabla_{\boldsymbol{b}^{(k)}} \Omega (\theta)", NK, True,
               "Omega(theta), and a column times the Jacobian on its right (read entry by "
               "entry in the next line): no one meaning as matrices"),
             F(r"\because \frac{\partial\boldsymbol{a}^{(k)}}{\partial \boldsymbol{b}^{(k)}}=1",
               NK, True, "the identity matrix written 1 (true entry by entry)"),
             F(r"\therefore \nabla_{\boldsymbol{b}^{(k)}}J = \nabla_{\boldsymbol{a}^{(k)}} "
               r"L(\widehat{y},y) + \lambda \cdot \nabla_{\boldsymbol{b}^{(k)}} \Omega (\theta) "
               r"= \boldsymbol{g} + \lambda \cdot \nabla_{\boldsymbol{b}^{(k)}} \Omega (\theta)",
               NK, True, "Omega(theta), and the book's g (algorithm 6.4's running value)"),
             F("\n\\begin{align}\ndz &= tr[(\\frac{\\partial z}{\\partial \\boldsymbol{C}})^"
               "\\intercal d\\boldsymbol{C}] = tr[(\\frac{\\partial z}{\\partial \\boldsymbol{C}}"
               ")^\\intercal d\\boldsymbol{AB}] \\\\\n   &= tr[\\boldsymbol{G}^\\intercal (d"
               "\\boldsymbol{A}\\cdot \\boldsymbol{B}+\\boldsymbol{A}d\\boldsymbol{B})]\\\\\n"
               "   &= tr(\\boldsymbol{BG}^\\intercal d\\boldsymbol{A}) + tr(\\boldsymbol{G}^"
               "\\intercal \\boldsymbol{A} d\\boldsymbol{B})\n\\end{align}\n", NK, False,
               "differentials of a generic z(C), C = AB: matrix calculus, no network"),
             F(r"\frac{\partial z}{\partial \boldsymbol{A}} = (\boldsymbol{BG}^\intercal)^"
               r"\intercal = \boldsymbol{GB}^\intercal", NK, False, "generic A, B, G"),
             F(r"\frac{\partial z}{\partial \boldsymbol{B}} = (\boldsymbol{G}^\intercal "
               r"\boldsymbol{A})^\intercal = \boldsymbol{A}^\intercal \boldsymbol{G}", NK, False,
               "generic A, B, G"),
         ])
DOCUMENTS += [BOLD_ZH]

# Bishop's back-propagation over many layers (issue 22, step 4): one public document, a
# notebook generator of exercise solutions for Bishop and Bishop's "Deep Learning" (2024),
# chapter 8, whose exercise 8.1 is written in PRML 5.3's unit notation and exercise 8.2 in
# the layered one ((6.19) and (8.13) with a superscript layer).
_BB_STORED = ("index file id 71288967961 (36580 characters; its first 19000 read): found "
              "by its text; the index names neither its repository nor a commit")
DOCUMENTS += [
    dict(key="bb-dl-ex8.1", repo="(unnamed: index file id 71288967961)",
         path="(unnamed: a Python script writing a Japanese exercise notebook)", commit="",
         stored=_BB_STORED, notation="bishop",
         note="exercise 8.1 (the proof of (8.13)) in the unit notation, every formula; "
              "left out: the code cells and exercises 8.3-8.18 (finite differences, skip "
              "connections, Hessians), outside this notation's model",
         formulas=[
             F(r"a_j = \sum_i w_{ji} z_i", H, True, "(8.5)"),
             F(r"z_j = h(a_j)", H, True, "(8.6)"),
             F(r"\delta_j \equiv \frac{\partial E_n}{\partial a_j}", H, True, "(8.8)"),
             F(r"\frac{\partial E_n}{\partial a_j} = \sum_k \frac{\partial E_n}{\partial a_k} "
               r"\frac{\partial a_k}{\partial a_j}", H, True, "(8.12)"),
             F(r"a_k = \sum_l w_{kl} z_l = \sum_l w_{kl} h(a_l)", H, True,
               "true, with l a hidden unit: a letter the notation gives no layer"),
             F(r"\frac{\partial a_k}{\partial a_j} = \frac{\partial}{\partial a_j} \left( "
               r"w_{kj} h(a_j) \right) = w_{kj} h'(a_j)", H, True,
               "the only term of a_k that depends on a_j"),
             F(r"\delta_j = \frac{\partial E_n}{\partial a_j} = \sum_k \delta_k \left( w_{kj} "
               r"h'(a_j) \right) = h'(a_j) \sum_k w_{kj} \delta_k", H, True, "(8.13)"),
             F(r"\frac{\partial E_n}{\partial w_{ji}} = \frac{\partial E_n}{\partial a_j} "
               r"\frac{\partial a_j}{\partial w_{ji}} = \delta_j z_i", H, True, ""),
         ]),
    dict(key="bb-dl-ex8.2", repo="(unnamed: index file id 71288967961)",
         path="(unnamed: a Python script writing a Japanese exercise notebook)", commit="",
         stored=_BB_STORED, notation="bishop-layers",
         note="exercise 8.2 (8.13 in matrix form over layers), every equation; left out: "
              "the inline expressions (a sum, a transposed matrix), which state nothing",
         formulas=[
             F(r"\mathbf{a}^{(l)} = \mathbf{W}^{(l)} \mathbf{z}^{(l-1)} + \mathbf{b}^{(l)}, "
               r"\quad \mathbf{z}^{(l)} = h(\mathbf{a}^{(l)})", H, True, "(6.19)"),
             F(r"\delta_j^{(l)} = h'(a_j^{(l)}) \sum_k w_{kj}^{(l+1)} \delta_k^{(l+1)}", H, True,
               "(8.13) with its layers"),
             F(r"\boldsymbol{\delta}^{(l)} = h'(\mathbf{a}^{(l)}) \odot \left( (\mathbf{W}^"
               r"{(l+1)})^T \boldsymbol{\delta}^{(l+1)} \right)", H, True, ""),
             F(r"\frac{\partial E_n}{\partial \mathbf{W}^{(l)}} = \boldsymbol{\delta}^{(l)} "
               r"(\mathbf{z}^{(l-1)})^T, \quad \frac{\partial E_n}{\partial \mathbf{b}^{(l)}} = "
               r"\boldsymbol{\delta}^{(l)}", H, True, ""),
         ]),
]

# One more document in Goodfellow's notation (issue 22): English chapter notes whose copy
# of algorithms 6.3 and 6.4 keeps the typos of a quick transcription.
DOCUMENTS += [
    dict(key="en-dlbook-ch6", repo="(unnamed: index file id 47532419710)",
         path="(unnamed: English reading notes on chapter 6, 17606 characters)", commit="",
         stored="index file id 47532419710 (17606 characters; from character 11500 read): "
                "found by its text; the index names neither its repository nor a commit",
         notation="goodfellow", sections=(0, 1, 2, 3, 4, 5, 6, 7),   # 7: heading 6.5.4
         note="English notes on the book's chapter 6; listed: sections 6.5.2-6.5.4 (the "
              "chain rule and algorithms 6.3 and 6.4, in bold symbols, as written with "
              "their typos); left out: the sections before 6.5 (not read), algorithms 6.1, "
              "6.2, 6.5 and 6.6 (the general graph's pseudo-code in u^(i)) and 6.5.7",
         formulas=[
             F(r"y = g(x)", NK, False, "the chain rule's generic y, g, x (y is no target)"),
             F(r"z = f(g(x)) = f(y)", NK, False, "generic z, f, g"),
             F(r"\frac{dz}{dx} = \frac{dz}{dy} \frac{dy}{dx}", NK, False, "generic x, y, z"),
             F(r"\frac{\partial z}{\partial x_i} = \sum_j \frac{\partial z}{\partial y_j} "
               r"\frac{\partial y_j}{\partial x_i}", NK, False, "generic x, y, z"),
             F(r"\nabla_{\boldsymbol{x}}z = \left( \frac{\partial \boldsymbol{y}}{\partial "
               r"\boldsymbol{x}} \right)^T \nabla_{\boldsymbol{y}}z", NK, False,
               "the book's (6.46) over generic x, y, z"),
             F(r"\nabla_{\mathsf{X}}z = \sum_j (\nabla_{\mathsf{X}} \mathsf{Y}_j) \frac{"
               r"\partial z}{\partial \mathsf{Y}_j}", NK, False, "generic tensors"),
             F("\n\\begin{align}\n\\begin{split}\n\\frac{\\partial z}{\\partial w} &= \\frac"
               "{\\partial z}{\\partial y} \\frac{\\partial y}{\\partial x} \\frac{\\partial x}"
               "{\\partial w} \\\\\n&= f'(f(f(w))) f'(f(w))f'(w)\n\\end{split}\n\\end{align}\n",
               NK, False, "a chain of one generic f: w, x, y, z"),
             F(r"\boldsymbol{h}^{(0)} = \boldsymbol{x}", H, True, "algorithm 6.3"),
             F(r"k=1, \cdots, l", NC, False, "the loop's range", (NK,)),
             F(r"\quad \boldsymbol{a}^{k} = \boldsymbol{b}^{(k)} + \boldsymbol{W}^{(k)} "
               r"\boldsymbol{h}^{(k-1)}", H, True,
               "a^k without its parentheses: the layer k (a power of a vector means nothing)"),
             F(r"\quad \boldsymbol{h} = f(\boldsymbol{a}^{(k)})", NK, True,
               "h written without its layer (a typo for h^(k))"),
             F(r"\hat{\boldsymbol{y}} = \boldsymbol{h}^{(l)}", H, True, ""),
             F(r"J=L(\hat{\boldsymbol{y}} ,\boldsymbol{y}) + \lambda \Omega(\theta)", H, True,
               "J = L + lambda Omega(theta), Omega any differentiable function of every parameter: the "
               "definition of J (goodfellow.toml's Omega, theta, lambda); in force after it"),
             F(r"\boldsymbol{g} \gets \nabla_{\hat{\boldsymbol{y}}} J = \nabla_{\hat{"
               r"\boldsymbol{y}}} L(\hat{\boldsymbol{y}} , \boldsymbol{y})", H, True,
               "algorithm 6.4's start: an update of g and its claim (true)"),
             F(r"k = l, l-1, \cdots, 1", NC, False, "the loop's range", (NK,)),
             F(r"\boldsymbol{g} \gets \nabla_{\boldsymbol{a^{(k)}}} J = \boldsymbol{g} \odot "
               r"f'(\boldsymbol{a^{(a)}})", NK, True,
               "an update of g whose claim has a^(a), a typo for a^(k)", (NC,)),
             F(r"\nabla_{\boldsymbol{b^{(k)}}} J = \boldsymbol{g} + \lambda \nabla_{\boldsymbol"
               r"{b^{(k)}}} \Omega (\theta)", H, True,
               "true: g is grad of J by a^(k), the value the loop's first line gives it (its "
               "claim is not read, its value is), and Omega's share"),
             F(r"\nabla_{\boldsymbol{W^{(k)}}} J = \boldsymbol{gh^{(k-1)T}} + \lambda \nabla_"
               r"{\boldsymbol{W^{(k)}}} \Omega (\theta)", H, True,
               "true: g h^{(k-1)T} in one bold group (a font around a product is each "
               "factor's), g the value the loop's first line gives it, and Omega's share"),
             F(r"\boldsymbol{g} \gets \nabla_{\boldsymbol{h^{(k-1)}}} J = \boldsymbol{W^{(k)T}}"
               r" \boldsymbol{g}", H, True,
               "an update of g and its claim, the transpose written W^{(k)T} (g is grad by "
               "a^(k), the value the loop's first line gives it)"),
         ]),
]

# More documents in Goodfellow's notation (a search of the index for the book's symbols:
# nabla_{a^(k)} J, b^(k) + W^(k) h^(k-1), lambda Omega(theta), g <- nabla, f'(a^(k)), ...),
# every one found that writes section 6.5's algorithms in the notation, judged by hand.
DOCUMENTS += [
    dict(key="en-seminar-6.5", repo="(unnamed: index file id 3484656047)",
         path="(unnamed: English seminar notes on chapters 4 and 6, 15806 characters)",
         commit="",
         stored="index file id 3484656047 (15806 characters, read whole): found by its text; "
                "the index names neither its repository nor a commit (shorter stored "
                "versions, ids 3587780929 and 3507278845, hold the same section 6.5)",
         notation="goodfellow", sections=(0, 5, 9, 16),   # headings: chain rule, example,
                                                          # forward, back-propagation
         note="English seminar notes (optimisation 4.3-4.4, gradient-based learning 6.2, "
              "back-propagation 6.5); listed: section 6.5 whole (the chain rule, its "
              "example, algorithms 6.3 and 6.4 written with the layer letter i and "
              "\\leftarrow); left out: chapters 4 and 6.2 and the closing questions "
              "(optimisation, output units), and expressions that state nothing (J(theta), "
              "x, (x,y), b_i, W_i)",
         formulas=[
             F(r"f: \mathbb{R}^n \rightarrow \mathbb{R}^m", NC, False,
               "a generic function's signature (the chain rule's f, not the activation)",
               (NK,)),
             F(r"g: \mathbb{R}^m \rightarrow \mathbb{R}", NC, False,
               "a generic function's signature (not the running gradient g)", (NK,)),
             F(r"y = f(x)", NK, False, "the chain rule's generic x, y (y is no target)"),
             F(r"z = g(y) = g(f(x))", NK, False, "generic y, z, f, g"),
             F(r"\frac{\partial z}{\partial x_i} = \sum_{j=1}^{m}\frac{\partial z}"
               r"{\partial y_j}\frac{\partial y_j}{\partial x_i}", NK, False,
               "the chain rule over generic x, y, z"),
             F(r"x = f(w)", NK, False, "the example's generic chain w, x, y, z"),
             F(r"y = f(x)", NK, False, "generic"),
             F(r"z = h(y)", NK, False, "generic: h a function here, not the activation"),
             F(r"\frac{\partial z}{\partial w} = \frac{\partial z}{\partial y} \frac"
               r"{\partial y}{\partial x} \frac{\partial x}{\partial w}", NK, False,
               "the chain rule over generic w, x, y, z"),
             F(r"i = 1,\ldots, l", NC, False,
               "the range of the layers in the algorithm's input line", (NK,)),
             F(r"h^{(0)} := x", H, True, "algorithm 6.3, written with :="),
             F(r"i = 1, \ldots, l", NC, False, "the loop's range (layer letter i)", (NK,)),
             F(r"a^{(i)} \leftarrow W^{(i)}h^{(i-1)} + b^{(i)}", H, True,
               "the book's a^(k) = b^(k) + W^(k) h^(k-1) as an assignment, the layer "
               "written i (the loop's letter)"),
             F(r"h^{(i)} \leftarrow f(a^{(i)})", H, True, "layer i, an assignment"),
             F(r"\hat{y} \leftarrow h^{(l)}", H, True, "an assignment"),
             F(r"J \leftarrow L(\hat{y}, y) + \lambda\Omega(\theta)", H, True,
               "J = L + lambda Omega(theta) as an assignment: the definition of J "
               "(a heading follows: it is not in force in the next section)"),
             F(r"g \leftarrow \nabla_{\hat{y}}J = \nabla_{\hat{y}}L(\hat{y},y)", H, True,
               "algorithm 6.4's start: an update of g and its claim (true: Omega does "
               "not depend on hat y)"),
             F(r"i = l, \ldots, 1", NC, False, "the loop's range (layer letter i)", (NK,)),
             F(r"g \leftarrow \nabla_{a^{(i)}}J = f^\prime(a^{(i)})^\intercal g", R, True,
               "a real error: f'(a^(i)) is the book's column of derivatives (its "
               "g \\odot f'(a^(k))), so f'(a)^T g is a scalar, the inner product, not "
               "the gradient by a^(i) (a column: g \\odot f'(a), i.e. diag(f'(a)) g); "
               "the author likely meant the Jacobian of f, which the notation writes "
               "otherwise"),
             F(r"\nabla_{b^{(i)}}J \leftarrow g \lambda\nabla_{b^{(i)}}\Omega(\theta)", R,
               True, "a typo: the '+' of g + lambda grad Omega is missing; as written, a "
                     "product of two columns (g and grad_b Omega), whose shapes do not "
                     "match: false as written (a shape mismatch is a refutation, as "
                     "everywhere in the checker)"),
             F(r"\nabla_{W^{(i)}}J \leftarrow g{h^{(i-1)}}^\intercal + \lambda\nabla_"
               r"{W^{(i)}}\Omega(\theta)", H, True,
               "true: g is grad of J by a^(i) (the value the loop's first line gives it), "
               "and Omega's share"),
             F(r"g \leftarrow \nabla_{h^{(i-1)}}J = {W^{(i)}}^\intercal g", H, True,
               "an update of g and its claim (g is grad by a^(i)): true"),
         ]),
    dict(key="en-dlbook-notes", repo="(unnamed: index file id 49140242608)",
         path="(unnamed: English notes on the book, chapter by chapter, 128083 characters)",
         commit="",
         stored="index file id 49140242608 (128083 characters; characters 47000-69500 "
                "read): found by its text; the index names neither its repository nor a "
                "commit",
         notation="goodfellow", sections=(0,),   # section 6.5's notes: one heading, bullets
         note="English chapter-by-chapter notes on the book (Markdown for a Jekyll site: "
              "the subscripts in math are escaped, \\_); listed: every formula of the "
              "notes on section 6.5 (one heading, bullets: the chain rule, the general "
              "graph's algorithm in u^(i), algorithms 6.3 and 6.4 inline, bprop); left "
              "out: expressions that state nothing (bare symbols, O(n)); the escaped "
              "\\_ is read as the subscript the page renders",
         formulas=[
             F(r"\mathbf{x} \in \mathbb{R}^m", NC, False,
               "the chain rule's generic x: a declaration", (NK,)),
             F(r"\mathbf{y} = g(\mathbf{x}) \in \mathbb{R}^n", NK, False,
               "generic x, y (y is no target here), with its dimension"),
             F(r"z = f(\mathbf{y})", NK, False, "generic z, f (not the activation)"),
             F(r"\nabla\_\mathbf{x} z = \left(\frac{\partial \mathbf{y}}{\partial "
               r"\mathbf{x}} \right)^{\intercal} \nabla\_\mathbf{y} z", NK, False,
               "the book's (6.46) over generic x, y, z"),
             F(r"\nabla\_\mathbf{X} z = (\nabla\_\mathbf{X} z)\_i", NK, False,
               "a notation for a generic tensor's gradient (multi-index i)"),
             F(r"\nabla\_\mathbf{X} z = \sum\_j (\nabla\_\mathbf{X} \mathbf{Y}\_j) \frac"
               r"{\partial z}{\partial \mathbf{Y}\_j}", NK, False, "generic tensors"),
             F(r"n = n\_{i+1}, ..., n", NC, False,
               "the general graph's loop over its nodes (written with n for i)", (NK,)),
             F(r"j \in \text{Pa}(u^{(i)})", NC, False, "a node's parents: a condition",
               (NK,)),
             F(r"u^{(i)} = f^{(i)}(\mathbb{A}^{(i)})", NK, False,
               "the general graph's nodes u^(i): another notation"),
             F(r"\text{gradtable}(u^{(n)}) = 1", NK, False,
               "the general graph's grad table: an assignment, another notation"),
             F(r"j=n-1,...,1", NC, False, "the loop's range over nodes", (NK,)),
             F(r"\frac{\partial u^{(n)}}{\partial u^{(j)}} = \sum\_{i \text{ s.t. } j \in "
               r"\text{Pa}(u^{(i)})} \frac{\partial u^{(n)}}{\partial u^{(i)}} \frac{"
               r"\partial u^{(i)}}{\partial u^{(j)}} = \sum\_i \text{gradtable}(u^{(i)}) "
               r"\frac{\partial u^{(i)}}{\partial u^{(j)}}", NK, False,
               "the general graph's chain rule in u^(i)"),
             F(r"\mathbf{h^{(0)}} = \mathbf{x}", H, True,
               "algorithm 6.3, the bold around h^(0) with its layer"),
             F(r"k=1,...,l", NC, False, "the loop's range", (NK,)),
             F(r"\mathbf{a}^{(k)} = \mathbf{b}^{(k)} + \mathbf{W}^{(k)} \mathbf{h}^{(k-1)}",
               H, True, ""),
             F(r"\mathbf{h}^{(k)} = f(\mathbf{a}^{(k)})", H, True, ""),
             F(r"\widehat{\mathbf{y}} = \mathbf{h}^{(l)}", H, True, "hat y as \\widehat"),
             F(r"J = L(\widehat{\mathbf{y}}, \mathbf{y}) + \lambda \Omega(\theta)", H, True,
               "J = L + lambda Omega(theta): the definition of J, in force after it"),
             F(r"\mathbf{g} = \nabla\_\mathbf{\widehat{\mathbf{y}}} J = \nabla\_{\widehat"
               r"{\mathbf{y}}} L(\widehat{\mathbf{y}}, \mathbf{y})", H, True,
               "'Set g = ...': g given its value with '=' (not \\leftarrow), and the claim "
               "grad_yhat J = grad_yhat L (true: Omega does not depend on hat y)"),
             F(r"k=l,...1", NC, False, "the loop's range (a comma missing)", (NK,)),
             F(r"\nabla\_{\mathbf{a}^{(k)}} J = \mathbf{g} \cdot f'(\mathbf{a}^{(k)})", NK,
               True, "g \\cdot f'(a) between two columns: the dot product (a scalar, "
                     "false) or the book's elementwise \\odot (true): two readings; g "
                     "(grad by h^(k)) is given its value by words ('replace g with')"),
             F(r"\nabla\_{\mathbf{b}^{(k)}} J = \mathbf{g} + \lambda \nabla\_{\mathbf{b}^"
               r"{(k)}} \Omega(\theta)", H, True,
               "true: g is grad of J by a^(k) (the words before: 'replace the gradient g "
               "with' it), and Omega's share"),
             F(r"\nabla\_{\mathbf{W}^{(k)}} J = \mathbf{g} \mathbf{h}^{(k-1)T} + \lambda "
               r"\nabla\_{\mathbf{W}^{(k)}} \Omega(\theta)", H, True,
               "true: g is grad of J by a^(k), and Omega's share"),
             F(r"\nabla\_{h^{(k-1)}} = \mathbf{W}^{(k)}{\intercal} \mathbf{g}", NK, True,
               "typos: the gradient of nothing (J left out) and the transpose written "
               "without its ^ ({\\intercal} a factor): no one meaning as written"),
             F(r"\text{op.bprop}(\text{inputs}, \mathbf{X}, \mathcal{G}) = \sum\_i "
               r"(\nabla\_\mathbf{X} \text{op.f}(\text{inputs})\_i)\mathbf{G}\_i", NK, False,
               "the general back-propagation's bprop over generic tensors"),
             F(r"\mathbf{X} \mapsto \mathbf{Y} \mapsto z", NC, False,
               "a chain of generic maps: a notation", (NK,)),
             F(r"\nabla\_\mathbf{X} z = \sum\_i (\nabla\_\mathbf{X} Y\_i) \frac{\partial z}"
               r"{\partial Y\_i}", NK, False, "the chain rule over generic tensors"),
         ]),
    dict(key="id-if3270", repo="(unnamed: index file id 55679524825)",
         path="(unnamed: Indonesian course notes IF3270, midterm, 26923 characters)",
         commit="",
         stored="index file id 55679524825 (26923 characters, read whole): found by its "
                "text; the index names neither its repository nor a commit",
         notation="goodfellow", sections=(0, 5, 8, 10, 11, 14),   # 2.c; 4.b-4.f
         note="course notes (perceptron, FFNN, back-propagation, CNN) whose forward pass "
              "is the book's algorithm 6.3 ('Goodfellow Notation'), and whose "
              "back-propagation is Mitchell's (delta_j, o_j, t_j, w_ji: another notation); "
              "listed: section 2.c (forward propagation) and section 4 (back-propagation) "
              "whole; left out: the perceptron, activations and losses, CNN sections, "
              "and expressions that state nothing (bare symbols, shapes)",
         formulas=[
             F(r"\mathbf{h}^{(0)} = \mathbf{x}", H, True, "algorithm 6.3"),
             F(r"\text{for } k = 1, \ldots, l:\quad \mathbf{a}^{(k)} = \mathbf{b}^{(k)} + "
               r"W^{(k)}\mathbf{h}^{(k-1)},\quad \mathbf{h}^{(k)} = f\!\left(\mathbf{a}^"
               r"{(k)}\right)", H, True,
               "the loop and its two lines in one display (symnet splits off the loop's "
               "range k = 1, \\ldots as an equation of its own: not a claim)"),
             F(r"\hat{\mathbf{y}} = \mathbf{h}^{(l)}, \qquad J = L(\hat{\mathbf{y}},\,"
               r"\mathbf{y}) + \lambda\,\Omega(\theta)", H, True,
               "hat y, and J = L + lambda Omega(theta): the definition of J"),
             F(r"f(\mathbf{x};\,W_{xh},\mathbf{c},\,W_{hy},\mathbf{b}) = f_2\!\left(W_{hy}"
               r"^T\cdot f_1\!\left(W_{xh}^T\cdot\mathbf{x}+\mathbf{c}\right)+\mathbf{b}"
               r"\right)", NK, False,
               "a one-hidden-layer network in W_xh, c, W_hy, f_1, f_2: another notation"),
             F(r"f(\mathbf{X};\,W_{xh},\mathbf{c},\,W_{hy},\mathbf{b}) = f_2\!\left(f_1\!"
               r"\left(\mathbf{X}W_{xh}+\mathbf{c}\right)\cdot W_{hy}+\mathbf{b}\right)", NK,
               False, "the same over a mini-batch X (rows): another notation"),
             F(r"\frac{\partial E_d}{\partial w_{ji}} = \frac{\partial E_d}{\partial o_j}"
               r"\cdot\frac{\partial o_j}{\partial\,\text{net}_j}\cdot\frac{\partial\,"
               r"\text{net}_j}{\partial w_{ji}} = -(t_j-o_j)\,o_j(1-o_j)\,x_{ji}", NK, False,
               "Mitchell's output unit (sigmoid, E_d, o_j, t_j, net_j): another notation"),
             F(r"\delta_j = o_j(1-o_j)(t_j - o_j)", NK, False, "Mitchell's delta"),
             F(r"\therefore\quad \frac{\partial E_d}{\partial w_{ji}} = -\delta_j\,x_{ji}",
               NK, False, "Mitchell's notation"),
             F(r"\delta_h = o_h(1-o_h)\sum_{k\,\in\,\text{outputs}(h)} w_{kh}\,\delta_k", NK,
               False, "Mitchell's hidden unit h (a unit, not the activation)"),
             F(r"\therefore\quad \frac{\partial E_d}{\partial w_{ji}} = -\delta_h\,x_{ji}",
               NK, False, "Mitchell's notation"),
             F(r"w_{ji} \leftarrow w_{ji} + \Delta w_{ji}, \qquad \Delta w_{ji} = \eta\,"
               r"\delta_j\,x_{ji}", NK, False, "Mitchell's weight update"),
             F(r"\delta_k \leftarrow o_k(1-o_k)(t_k - o_k)", NK, False,
               "Mitchell's algorithm: an update"),
             F(r"\delta_h \leftarrow o_h(1-o_h)\sum_{k\,\in\,\text{outputs}}w_{kh}\,"
               r"\delta_k", NK, False, "Mitchell's algorithm: an update"),
             F(r"w_{ji} \leftarrow w_{ji} + \eta\,\delta_j\,x_{ji}", NK, False,
               "Mitchell's algorithm: an update"),
             F(r"\alpha=0.01", NC, False, "the leaky ReLU's slope (a table of training "
                                        "problems): a value", (NK,)),
         ]),
]

# Documents in Goodfellow's notation, second search (find_string over the index for the
# book's symbols and algorithm 6.4's lines, the code and pages corpora by meaning, in
# English, Chinese, Korean, Japanese, Turkish): each one found that writes section 6.5's
# quantities (a^(k), h^(k), W^(k), b^(k), g, grad J) for back-propagation, included before
# any was checked, and judged by hand.  Seen and left out (not back-propagation in the
# notation): Turkish course notes with the forward pass only (phi^(k) per layer, softmax
# output); English notes whose algorithms 6.3/6.4 are images (Navid Shokouhi's); German/
# English notes that name grad_a^(k) J in words only; the Chinese translation's LaTeX
# (exacity/deeplearningbook-chinese), whose algorithms 6.3/6.4 are placeholders there;
# windmissing/Bible-DeepLearning's page, which is zh-alg-6.4 above.
RDH = dict(key="ko-rdh-ffn", repo="RohDongHyun/tmp",
         path="_posts/04.DeepLearning/01.Introduction/2024-05-23-Backpropagation.md",
         commit="040e87bc3beb879a95cd8337224823a18850015c", notation="goodfellow",
         sections=(0, 4, 6),   # headings: chain rule, back-propagation, at FFN
         note="Korean blog post (author rdh): the chain rule, a generic graph, and "
              "algorithm 6.4's running gradient g (g <-, grad, odot) on a network with one "
              "hidden layer written without layer numbers (a <- Wx, h <- sigma(a), "
              "hat y <- v^T h) and a squared error with an L2 penalty: the book's symbols "
              "in another model (no bias, a linear scalar output v^T h, sigma for f), so "
              "every formula is outside the layered model; every formula listed (bare "
              "lists of derivatives left out)",
         formulas=[
             F(r"z=f(\mathbf{y})", NK, False, "the chain rule's generic z, f, y"),
             F(r"y=g(\mathbf{x})", NK, False, "generic y, g, x (y is no target here)"),
             F(r"\mathbf{x}\in \mathbb{R}^n, \mathbf{y}\in \mathbb{R}^m, z\in \mathbb{R}", NC,
               False, "declarations of the generic x, y, z", (NK,)),
             F("\n\\frac{d z}{d x_i}\n= \\sum_j \\frac{d z}{d y_j}\\frac{d y_j}{d x_i}\n"
               "= \\sum_j \\frac{d y_j}{d x_i}\\frac{d z}{d y_j}\n", NK, False,
               "the chain rule over generic x, y, z (true, and true read in any model)",
               (H,)),
             F(r"\frac{\partial z}{\partial w} \leftarrow \frac{\partial y}{\partial w}"
               r"\frac{\partial z}{\partial y} + \frac{\partial x}{\partial w}\frac{\partial z}"
               r"{\partial x}", NK, False, "a generic graph drawn in a figure (w, x, y, z)"),
             F(r"\frac{\partial z}{\partial v} \leftarrow \frac{\partial w}{\partial v}"
               r"\frac{\partial z}{\partial w}", NK, False, "the figure's generic graph"),
             F(r"a \leftarrow Wx", NK, False,
               "the one hidden layer's weighted input, no layer number and no bias: "
               "gives a its value"),
             F(r"h \leftarrow \sigma(a)", NK, False, "sigma for the activation, no layer"),
             F(r"\hat{y} \leftarrow v^T h", NK, False,
               "a linear scalar output with weights v: not the book's hat y = h^(l)"),
             F(r"J \leftarrow (\hat{y} - y)^2 + \lambda ( \vert W \vert_F^2 + \vert v "
               r"\vert_2^2)", NK, False,
               "the document's J: squared error plus lambda times the squared norms (a "
               "Frobenius norm written with single bars): gives J its value"),
             F(r"g \leftarrow \nabla_{\hat{y}} J = 2 (\hat{y} - y)", H, False,
               "true for the document's J (the line above): the derivative of "
               "(hat y - y)^2 by the scalar hat y"),
             F(r"\nabla_v J \leftarrow \nabla_v [(\hat{y} - y)^2 + \lambda (\vert W \vert_F^2 "
               r"+ \vert v \vert_2^2)] = gh + 2 \lambda v", H, False,
               "true: g = 2(hat y - y) is a scalar, grad_v (hat y - y)^2 = g h, and the "
               "penalty gives 2 lambda v"),
             F(r"g \leftarrow \nabla_h J = \nabla_h [(\hat{y} - y)^2 + \lambda (\vert W "
               r"\vert_F^2 + \vert v \vert_2^2)] = gv", H, False,
               "true: grad_h J = 2(hat y - y) v = g v (g the value of the first line)"),
             F(r"g \leftarrow \nabla_a J = g \odot \sigma'(a) \quad \text{(elementwise)}", H,
               False, "true: g is grad_h J (the line above) and h = sigma(a) elementwise"),
             F(r"\nabla_W J \leftarrow \nabla_W [(\hat{y} - y)^2 + \lambda (\vert W \vert_F^2"
               r" + \vert v \vert_2^2)] = gx^T + 2 \lambda W", H, False,
               "true: g is grad_a J (the line above), a = W x, and the penalty gives "
               "2 lambda W"),
         ])

ZH_654 = dict(key="zh-notes-6.5.4", repo="(unnamed: index file id 30917050365)",
         path="(unnamed: Chinese reading notes on chapter 6, 43899 characters)", commit="",
         stored="index file id 30917050365 (43899 characters; from character 35000 read): "
                "found by its text; the index names neither its repository nor a commit",
         notation="goodfellow", sections=(0, 5),   # headings 6.5.4 and 6.5.7
         note="Chinese reading notes on the book's chapter 6; algorithms 6.3 and 6.4 are "
              "images, and the notes explain algorithm 6.4 in their own symbols (alpha^(k) "
              "for a^(k) as W^(k)T x + b^(k), f the loss, 'Regular' for the regulariser's "
              "share, written as a word); listed: every formula of 6.5.4 and 6.5.7; left "
              "out: 6.5.1-6.5.3, 6.5.5 and 6.5.6 (graphs, the chain rule over generic x, "
              "y, z, tensors, V = X*Y) and expressions that state nothing (bare symbols, "
              "O(w))",
         formulas=[
             F(r"g=f'(\alpha^{(k)})=\partial{f(W^Tx+b)}", NK, True,
               "the notes' alpha for a^(k) and partial f(..) of their own; as meant "
               "(g = f'(a)) not the book's g, which is g times f'(a) elementwise"),
             F(r"f(\alpha^{(k-1)}) \to f(W^Tx^{(k-1)}+b)", NK, False,
               "an arrow rewriting alpha^(k-1) as W^T x^(k-1) + b: no equation"),
             F(r"\partial{f} /\partial{b} =  \partial{f} /\partial{\alpha} \cdot  \partial"
               r"{\alpha}/ \partial{b} + Regular=b^{(k)}+Regular", NK, True,
               "f the loss, alpha for a, 'Regular' a word; false as meant (the gradient "
               "by the bias is g plus the regulariser's share, not b^(k)): refuted in any "
               "reading", (R,)),
             F(r"\partial{f} /\partial{W} = \partial{f} /\partial{\alpha} \cdot  \partial"
               r"{\alpha}/ \partial{W}  + Regluar =g \cdot h^{(k-1)T} +Regular", NK, True,
               "f the loss, alpha for a, the word 'Regular' (once misspelt 'Regluar'), and "
               "d alpha / dW a 3-index array: true as meant (the book's g h^(k-1)T plus "
               "the regulariser's share)", (H,)),
             F(r"\partial{f} /\partial{x} = \partial{f} /\partial{\alpha} \cdot  \partial"
               r"{\alpha}/ \partial{x}  + Regular = W^{(k)T} \cdot g", NK, True,
               "f the loss, x for h^(k-1), and a regulariser's share 'Regular' that the "
               "last side drops (it is 0 for x): no one meaning"),
             F(r"y=max\{W^{(1)T}X\}", NK, False,
               "the example's minibatch X and a max with one argument (y is no target)"),
             F(r"y=W^{(2)T}X", NK, False, "the example's second layer over the minibatch"),
         ])

MSE = dict(key="mse-2970202",
         repo="(web page: math.stackexchange.com question 2970202)",
         path="https://math.stackexchange.com/questions/2970202", commit="",
         stored="pages corpus: the question (as stored from its copy at "
                "www.commonlounge.com) and its answer (as stored from newbetuts.com's "
                "mirror, 'A matrix calculus problem in backpropagation encountered when "
                "studying Deep Learning'), read in the excerpts the search returns",
         notation="goodfellow", sections=(0, 2),   # the question, the answer
         note="a question on algorithm 6.4's gradient by W^(k) (why the transpose), asked "
              "in the book's notation, and an answer in subscripts (a_k, h_k, W_k) with "
              "the Frobenius product ':' (another notation); every formula listed, "
              "expressions that state nothing left out",
         formulas=[
             F(r"\nabla_{W^{(k)}}J = gh^{(k-1)T}+\lambda\nabla_{W^{(k)}}{\Omega(\theta)}", H,
               True, "algorithm 6.4's line, quoted: true with g the book's grad of J by "
                     "a^(k) (no update of g is written in the question)"),
             F(r"a^{(k)}= b^{(k)}+W^{(k)}h^{(k-1)}", H, True, "algorithm 6.3's line"),
             F(r"\eqalign{ g &= \frac{\partial L}{\partial {\hat y}} \frac{\partial {\hat y}}"
               r"{\partial h_l} \frac{\partial h_l}{\partial a_l} \frac{\partial a_l}{\partial "
               r"h_{l-1}} \frac{\partial h_{l-1}}{\partial a_{l-1}} \frac{\partial a_{l-1}}"
               r"{\partial h_{l-2}} \ldots \frac{\partial h_{k+1}}{\partial a_{k+1}} \frac"
               r"{\partial a_{k+1}}{\partial h_{k}} \frac{\partial h_{k}}{\partial a_{k}} &= "
               r"\frac{\partial L}{\partial a_{k}} }", NK, False,
               "the answer's layers as subscripts and gradients as rows (a chain of "
               "Jacobians from the left): another notation"),
             F(r"\frac{\partial {\hat y}}{\partial h_l}=1", NK, False,
               "the identity written 1, subscript layer"),
             F(r"\eqalign{ dL&= g:da_k\cr &= g:dW_k\,h_{k-1}\cr &= gh_{k-1}^T:dW_k\cr \frac"
               r"{\partial L}{\partial W_k} &= gh_{k-1}^T \cr }", NK, False,
               "differentials and the Frobenius product ':' in subscripts"),
             F(r"A:B = {\rm tr}(A^TB)", NK, False, "defines ':' for generic A, B", (NC,)),
             F(r"\eqalign{ &{\rm tr}(ABC) = {\rm tr}(CAB) = {\rm tr}(BCA) \cr &{\rm tr}(AB) = "
               r"{\rm tr}(BA) = {\rm tr}(B^TA^T) \cr }", NK, False,
               "trace identities of generic matrices (true)", (H,)),
             F(r"\eqalign{ &A:BC = B^TA:C = AC^T:B \cr &A:B = B:A = B^T:A^T \cr }", NK, False,
               "rules of the Frobenius product of generic matrices (true)", (H,)),
         ])

ELL = "the document's loss l(f(x), y) of its network's output f(x) (f is not the " \
      "activation here) and ' for the transpose: the document's notation"
WIKISTAT = dict(key="en-wikistat-mlp", repo="(unnamed: index file id 33350099739)",
         path="(unnamed: English lecture notes 'neural networks and introduction to deep "
              "learning', converted from PDF, 52746 characters)", commit="",
         stored="index file id 33350099739 (52746 characters; characters 6500-38500 read): "
                "found by its text; the index names neither its repository nor a commit",
         notation="goodfellow",
         sections=(0, 7, 11, 24),   # MLP; penalised risk; regression; classification
         note="English lecture notes (Wikistat style, converted from PDF) whose multilayer "
              "perceptron is written a^(k)(x) = b^(k) + W^(k) h^(k-1)(x), h^(k)(x) = "
              "phi(a^(k)(x)) (the book's layers, phi for f, hidden layers 1..L and an "
              "output layer L + 1 with its own activation psi), with lambda Omega(theta) "
              "and grad_W^(k) Omega; back-propagation is derived per unit and per example "
              "(R_i, delta_{k,i}, s_{m,i}) for regression and with the loss l(f(x), y) for "
              "classification.  Listed: the MLP's summary and sections 2.4.2 (penalised "
              "risk: the Omega lines), 2.4.3 and 2.4.4 whole; left out: Hornik's theorem, "
              "the losses of 2.4.1, the optimisers (SGD, momentum, learning-rate "
              "conditions), the iterates theta^(r) named inline, and a pair of inline "
              "fragments the PDF conversion split mid-formula",
         formulas=[
             F("\n\\operatorname{softmax}(z)_{i}=\\frac{\\exp \\left(z_{i}\\right)}{\\sum_{j} "
               "\\exp \\left(z_{j}\\right)}\n", NK, False, "softmax over a dummy z"),
             F(r"h^{(0)}(x)=x", H, True, "algorithm 6.3's h^(0) = x, as a function of x"),
             F(r"k=1, \ldots, L", NC, False, "the hidden layers' range", (NK,)),
             F("\n\\begin{aligned}\n& a^{(k)}(x)=b^{(k)}+W^{(k)} h^{(k-1)}(x) \\\\\n& h^{(k)}"
               "(x)=\\phi\\left(a^{(k)}(x)\\right)\n\\end{aligned}\n", H, True,
               "the book's two lines as functions of x, phi the document's name for f"),
             F(r"k=L+1", NC, False, "the output layer's number", (NK,)),
             F(r"& a^{(L+1)}(x)=b^{(L+1)}+W^{(L+1)} h^{(L)}(x)", H, True,
               "the output layer's weighted input (the first row of an aligned display)"),
             F(r"& h^{(L+1)}(x)=\psi\left(a^{(L+1)}(x)\right):=f(x, \theta) .", NK, False,
               "the second row: the output activation psi (not the hidden layers' phi) and "
               "f(x, theta) the network: another model than the book's one f"),
             F("\nL_{n}(\\theta)=\\frac{1}{n} \\sum_{i=1}^{n} \\ell\\left(f\\left(X_{i}, "
               "\\theta\\right), Y_{i}\\right)+\\lambda \\Omega(\\theta)\n", NK, False,
               "the penalised empirical risk over n examples: another cost"),
             F("\n\\begin{aligned}\n\\Omega(\\theta) & =\\sum_{k} \\sum_{i} \\sum_{j}\\left("
               "W_{i, j}^{(k)}\\right)^{2} \\\\\n& =\\sum_{k}\\left\\|W^{(k)}\\right\\|_{F}^{2}"
               "\n\\end{aligned}\n", NK, False,
               "defines Omega as the L2 penalty of the weights (the second equality is "
               "true: the squared Frobenius norm)", (H,)),
             F("\n\\nabla_{W^{(k)}} \\Omega(\\theta)=2 W^{(k)}\n", H, True,
               "true for the Omega the document has just defined (the L2 penalty); "
               "unknown for the book's arbitrary Omega"),
             F("\n\\Omega(\\theta)=\\sum_{k} \\sum_{i} \\sum_{j}\\left|W_{i, j}^{(k)}\\right|"
               "\n", NK, False, "the L1 penalty, an alternative definition of Omega",
               (NC,)),
             F("\nR_{i}(\\theta)=\\sum_{k=1}^{K}\\left(Y_{i, k}-f_{k}\\left(X_{i}, \\theta"
               "\\right)\\right)^{2}\n", NK, False,
               "the squared error of example i (f the network): another cost"),
             F("\n\\psi\\left(a_{1}, \\ldots, a_{K}\\right)=\\left(g_{1}\\left(a_{1}\\right), "
               "\\ldots, g_{K}\\left(a_{K}\\right)\\right)\n", NK, False,
               "the output activation psi, unit by unit"),
             F("\n\\begin{aligned}\n\\frac{\\partial R_{i}}{\\partial W_{k, m}^{(L+1)}} & ="
               "\\delta_{k, i} h_{m}^{(L)}\\left(X_{i}\\right) \\\\\n\\frac{\\partial R_{i}}"
               "{\\partial W_{m, l}^{(L)}} & =s_{m, i} h_{l}^{(L-1)}\\left(X_{i}\\right)\n"
               "\\end{aligned}\n", NK, False,
               "example i's cost R_i, with delta and s defined further down"),
             F("\na^{(L+1)}(x)=b^{(L+1)}+W^{(L+1)} h^{(L)}(x)\n", H, True,
               "the output layer's weighted input, recalled"),
             F("\n\\frac{\\partial R_{i}}{\\partial W_{k, m}^{(L+1)}}=-2\\left(Y_{i, k}-f_{k}"
               "\\left(X_{i}, \\theta\\right)\\right) g_{k}^{\\prime}\\left(a_{k}^{(L+1)}\\left("
               "X_{i}\\right)\\right) h_{m}^{(L)}\\left(X_{i}\\right)\n", NK, False,
               "example i's cost and the output activations g_k: another model"),
             F("\n\\frac{\\partial R_{i}}{\\partial W_{m, l}^{(L)}}=-2 \\sum_{k=1}^{K}\\left("
               "Y_{i, k}-f_{k}\\left(X_{i}, \\theta\\right)\\right) g_{k}^{\\prime}\\left(a_{k}^"
               "{(L+1)}\\left(X_{i}\\right)\\right) \\frac{\\partial a_{k}^{(L+1)}\\left(X_{i}"
               "\\right)}{\\partial W_{m, l}^{(L)}} .\n", NK, False, "the same model"),
             F(r"a_{k}^{(L+1)}(x) & =\sum_{j} W_{k, j}^{(L+1)} h_{j}^{(L)}(x),", R, True,
               "the first row of an aligned display: the bias b_k^(L+1) is left out (the "
               "document's own a^(L+1) has it): false as written (only its derivative by "
               "the weights is meant)"),
             F(r"h_{j}^{(L)}(x) & =\phi\left(b_{j}^{(L)}+\left\langle W_{j}^{(L)}, h^{(L-1)}"
               r"(x)\right\rangle\right) .", NK, True,
               "the second row: W_j^(L) names the j-th row, and <,> the inner product (the "
               "document's notation); true so read", (H,)),
             F("\n\\frac{\\partial a_{k}^{(L+1)}(x)}{\\partial W_{m, l}^{(L)}}=W_{k, m}^{(L+1)}"
               " \\phi^{\\prime}\\left(b_{m}^{(L)}+\\left\\langle W_{m}^{(L)}, h^{(L-1)}(x)"
               "\\right\\rangle\\right) h_{l}^{(L-1)}(x) .\n", NK, True,
               "rows W_m^(L) and <,>, the document's notation; true so read", (H,)),
             F("\n\\begin{aligned}\n\\delta_{k, i} & =-2\\left(Y_{i, k}-f_{k}\\left(X_{i}, "
               "\\theta\\right)\\right) g_{k}^{\\prime}\\left(a_{k}^{(L+1)}\\left(X_{i}\\right)"
               "\\right) \\\\\ns_{m, i} & =\\phi^{\\prime}\\left(a_{m}^{(L)}\\left(X_{i}\\right)"
               "\\right) \\sum_{k=1}^{K} W_{k, m}^{(L+1)} \\delta_{k, i} .\n\\end{aligned}\n",
               NK, False, "defines delta_{k,i} and s_{m,i} per example: new symbols",
               (NC,)),
             F("\n\\begin{aligned}\nW_{k, m}^{(L+1, r+1)} & =W_{k, m}^{(L+1, r)}-\\varepsilon"
               "_{r} \\sum_{i \\in B} \\frac{\\partial R_{i}}{\\partial W_{k, m}^{(L+1, r)}} \\\\"
               "\nW_{m, l}^{(L, r+1)} & =W_{m, l}^{(L, r)}-\\varepsilon_{r} \\sum_{i \\in B} "
               "\\frac{\\partial R_{i}}{\\partial W_{m, l}^{(L, r)}}\n\\end{aligned}\n", NK,
               False, "gradient descent's updates at step r: an optimiser"),
             F("\n\\phi(x)=\\frac{1}{1+\\exp (-x)}, \\quad \\phi^{\\prime}(x)=\\phi(x)(1-"
               "\\phi(x)) .\n", NK, False,
               "the sigmoid and its derivative over a dummy x (true)", (H,)),
             F("\n\\phi(x)=\\frac{\\exp (x)-\\exp (-x)}{\\exp (x)+\\exp (-x)}, \\quad \\phi^"
               "{\\prime}(x)=1-\\phi^{2}(x)\n", NK, False,
               "tanh and its derivative over a dummy x (true)", (H,)),
             F(r"f(x)=\left(\begin{array}{c}\mathbb{P}(Y=1 / x) \\ \cdot \\ \cdot \\ "
               r"\mathbb{P}(Y=K / x)\end{array}\right)", NK, False,
               "the network's output f(x) as class probabilities"),
             F("\n\\operatorname{softmax}\\left(x_{1}, \\ldots, x_{K}\\right)=\\frac{1}"
               "{\\sum_{k=1}^{K} e^{x_{i}}}\\left(e^{x_{1}}, \\ldots, e^{x_{K}}\\right)\n", NK,
               False, "softmax over dummy x_1..x_K (its sum written over x_i)"),
             F("\n\\begin{aligned}\n\\frac{\\partial \\operatorname{softmax}(\\boldsymbol{x})"
               "_{i}}{\\partial x_{j}} & =\\operatorname{softmax}(\\boldsymbol{x})_{i}\\left(1-"
               "\\operatorname{softmax}(\\boldsymbol{x})_{i}\\right) \\text { if } i=j \\\\\n& "
               "=-\\operatorname{softmax}(\\boldsymbol{x})_{i} \\operatorname{softmax}("
               "\\boldsymbol{x})_{j} \\text { if } i \\neq j\n\\end{aligned}\n", NK, False,
               "softmax's derivatives, a case split"),
             F("\n(f(x))_{y}=\\sum_{k=1}^{K} \\mathbf{1}_{y=k}(f(x))_{k}\n", NK, False,
               "a notation for the output at the class y"),
             F("\n-\\log (f(x))_{y}=-\\sum_{k=1}^{K} \\mathbf{1}_{y=k} \\log (f(x))_{k}=\\ell"
               "(f(x), y)\n", NK, False, "the cross-entropy l: another cost"),
             F(r"z(x)=\phi\left(a_{1}(x), \ldots, a_{J}(x)\right)", NK, False,
               "a generic z of a_1..a_J (inline, before the display above)"),
             F("\n\\frac{\\partial z}{\\partial x_{i}}=\\sum_{j} \\frac{\\partial z}{\\partial "
               "a_{j}} \\frac{\\partial a_{j}}{\\partial x_{i}}=\\left\\langle\\nabla \\phi, "
               "\\frac{\\partial \\boldsymbol{a}}{\\partial x_{i}}\\right\\rangle .\n", NK,
               False, "the chain rule over generic z, a, x (z = phi(a(x)))"),
             F("\n\\frac{\\partial \\ell(f(x), y)}{\\partial\\left(a^{(L+1)}(x)\\right)_{i}}="
               "\\sum_{j} \\frac{\\partial \\ell(f(x), y)}{\\partial f(x)_{j}} \\frac{\\partial "
               "f(x)_{j}}{\\partial\\left(a^{(L+1)}(x)\\right)_{i}} .\n", NK, False, ELL),
             F("\n\\frac{\\partial \\ell(f(x), y)}{\\partial f(x)_{j}}=\\frac{-\\mathbf{1}_"
               "{y=j}}{(f(x))_{y}}\n", NK, False, ELL),
             F("\n\\begin{aligned}\n& \\frac{\\partial \\ell(f(x), y)}{\\partial\\left(a^{(L+1)}"
               "(x)\\right)_{i}}=-\\sum_{j} \\frac{\\mathbf{1}_{y=j}}{(f(x))_{y}} \\frac{\\partial"
               " \\operatorname{softmax}\\left(a^{(L+1)}(x)\\right)_{j}}{\\partial\\left(a^{(L+1)}"
               "(x)\\right)_{i}} \\\\\n& =-\\frac{1}{(f(x))_{y}} \\frac{\\partial \\operatorname"
               "{softmax}\\left(a^{(L+1)}(x)\\right)_{y}}{\\partial\\left(a^{(L+1)}(x)\\right)_"
               "{i}} \\\\\n& =-\\frac{1}{(f(x))_{y}} \\operatorname{softmax}\\left(a^{(L+1)}(x)"
               "\\right)_{y}\\left(1-\\operatorname{softmax}\\left(a^{(L+1)}(x)\\right)_{y}"
               "\\right) \\mathbf{1} y=i \\\\\n& +\\frac{1}{(f(x))_{y}} \\operatorname{softmax}"
               "\\left(a^{(L+1)}(x)\\right)_{i} \\operatorname{softmax}\\left(a^{(L+1)}(x)"
               "\\right)_{y} \\mathbf{1}_{y \\neq i} \\\\\n& \\quad \\frac{\\partial \\ell(f(x), "
               "y)}{\\partial\\left(a^{(L+1)}(x)\\right)_{i}}=\\left(-1+f(x)_{y}\\right) "
               "\\mathbf{1} y=i+f(x)_{i} \\mathbf{1} y \\neq i\n\\end{aligned}\n", NK, False,
               ELL + "; indicators written '1 y=i' (their subscripts lost in the conversion)"),
             F("\n\\nabla_{a^{(L+1)}(x)} \\ell(f(x), y)=f(x)-e(y)\n", NK, False,
               ELL + "; e(y) the one-hot vector of the class y"),
             F(r"\frac{\partial\left(\left(a^{(L+1)}(x)\right)\right)_{j}}{\partial\left("
               r"b^{(L+1)}\right)_{i}}=\mathbf{1}_{i=j},", H, True,
               "the first row of a gathered display: the derivative of the output's "
               "weighted input by a bias, the indicator of i = j (true)"),
             F(r"\nabla_{b^{(L+1)}} \ell(f(x), y)=f(x)-e(y),", NK, False,
               "the second row: " + ELL),
             F("\n\\frac{\\partial \\ell(f(x), y)}{\\partial W_{i, j}^{(L+1)}}=\\sum_{k} "
               "\\frac{\\partial \\ell(f(x), y)}{\\partial\\left(a^{(L+1)}(x)\\right)_{k}} "
               "\\frac{\\partial\\left(a^{(L+1)}(x)\\right)_{k}}{\\partial W_{i, j}^{(L+1)}}\n",
               NK, False, ELL),
             F("\n\\left.\\frac{\\partial\\left(a^{(L+1)}(x)\\right)_{k}}{\\partial W_{i, j}^"
               "{(L+1)}}=a^{(L)}(x)\\right)_{j} \\mathbf{1}_{i=k}\n", R, True,
               "a typo, a^(L) for h^(L): the derivative of a_k^(L+1) by W_ij^(L+1) is "
               "h_j^(L) times the indicator of i = k, not a_j^(L) (the bracket before "
               "a^(L) lost in the conversion): false as written"),
             F("\n\\nabla_{W^{(L+1)}} \\ell(f(x), y)=(f(x)-e(y))\\left(a^{(L)}(x)\\right)^"
               "{\\prime}\n", NK, False, ELL + " (and the same typo a^(L) for h^(L))"),
             F("\n\\frac{\\partial \\ell(f(x), y)}{\\partial\\left(h^{(k)}(x)\\right)_{j}}="
               "\\sum_{i} \\frac{\\partial \\ell(f(x), y)}{\\partial\\left(a^{(k+1)}(x)\\right)"
               "_{i}} \\frac{\\partial\\left(a^{(k+1)}(x)\\right)_{i}}{\\partial\\left(h^{(k)}"
               "(x)\\right)_{j}}\n", NK, False, ELL),
             F("\n\\left(a^{(k+1)}(x)\\right)_{i}=b_{i}^{(k+1)}+\\sum_{j} W_{i, j}^{(k+1)}"
               "\\left(h^{(k)}(x)\\right)_{j} .\n", H, True,
               "the book's forward line, unit by unit (true)"),
             F("\n\\begin{aligned}\n\\frac{\\partial \\ell(f(x), y)}{\\partial h^{(k)}(x)_{j}}"
               " & =\\sum_{i} \\frac{\\partial \\ell(f(x), y)}{\\partial a^{(k+1)}(x)_{i}} W_{i,"
               " j}^{(k+1)} \\\\\n\\nabla_{h^{(k)}(x)} \\ell(f(x), y) & =\\left(W^{(k+1)}\\right)"
               "^{\\prime} \\nabla_{a^{(k+1)}(x)} \\ell(f(x), y)\n\\end{aligned}\n", NK, False,
               ELL),
             F(r"h^{(k)}(x)_{j}=\phi\left(a^{(k)}(x)_{j}\right)", H, True,
               "the book's h = f(a), unit by unit, phi for f (inline)"),
             F("\n\\frac{\\partial \\ell(f(x), y)}{\\partial a^{(k)}(x)_{j}}=\\frac{\\partial "
               "\\ell(f(x), y)}{\\partial h^{(k)}(x)_{j}} \\phi^{\\prime}\\left(a^{(k)}(x)_{j}"
               "\\right)\n", NK, False, ELL),
             F(r"\nabla_{a^{(k)}(x)} \ell(f(x), y)=\nabla_{h^{(k)}(x)} \ell(f(x), y) \odot"
               r"\left(\phi^{\prime}\left(a^{(k)}(x)_{1}\right), \ldots, \phi^{\prime}\left("
               r"a^{(k)}(x)_{j}\right), \ldots\right)^{\prime}", NK, False,
               ELL + " (inline)"),
             F("\n\\begin{aligned}\n\\frac{\\partial \\ell(f(x), y)}{\\partial W_{i, j}^{(k)}}"
               " & =\\frac{\\partial \\ell(f(x), y)}{\\partial a^{(k)}(x)_{i}} \\frac{\\partial "
               "a^{(k)}(x)_{i}}{\\partial W_{i, j}^{(k)}} \\\\\n& =\\frac{\\partial \\ell(f(x), "
               "y)}{\\partial a^{(k)}(x)_{i}} h_{j}^{(k-1)}(x)\n\\end{aligned}\n", NK, False,
               ELL),
             F("\n\\nabla_{W^{(k)}} \\ell(f(x), y)=\\nabla_{a^{(k)}(x)} \\ell(f(x), y) h^{(k-1)}"
               "(x)^{\\prime}\n", NK, False, ELL),
             F("\n\\frac{\\partial \\ell(f(x), y)}{\\partial b_{i}^{(k)}}=\\frac{\\partial "
               "\\ell(f(x), y)}{\\partial a^{(k)}(x)_{i}}\n", NK, False, ELL),
             F("\n\\nabla_{b^{(k)}} \\ell(f(x), y)=\\nabla_{a^{(k)}(x)} \\ell(f(x), y) \\text"
               " {. }\n", NK, False, ELL),
             F(r"\nabla_{a^{(L+1)}(x)} \ell(f(x), y)=f(x)-e(y)", NK, False,
               ELL + " (the summary, inline)"),
             F(r"k=L+1", NC, False, "the loop's start ('for k = L+1 to 1')", (NK,)),
             F("\n\\begin{aligned}\n\\nabla_{W^{(k)}} \\ell(f(x), y) & =\\nabla_{a^{(k)}(x)} "
               "\\ell(f(x), y) h^{(k-1)}(x)^{\\prime} \\\\\n\\nabla_{b^{(k)}} \\ell(f(x), y) & "
               "=\\nabla_{a^{(k)}(x)} \\ell(f(x), y)\n\\end{aligned}\n", NK, False, ELL),
             F("\n\\nabla_{h^{(k-1)}(x)} \\ell(f(x), y)=\\left(W^{(k)}\\right)^{\\prime} "
               "\\nabla_{a^{(k)}(x)} \\ell(f(x), y)\n", NK, False, ELL),
             F("\n\\begin{aligned}\n\\nabla_{a^{(k-1)}(x)} \\ell(f(x), y)= & \\nabla_{h^{(k-1)}"
               "(x)} \\ell(f(x), y) \\\\\n& \\odot\\left(\\ldots, \\phi^{\\prime}\\left(a^{(k-1)}"
               "(x)_{j}\\right), \\ldots\\right)^{\\prime}\n\\end{aligned}\n", NK, False, ELL),
         ])

DOCUMENTS += [RDH, ZH_654, MSE, WIKISTAT]
