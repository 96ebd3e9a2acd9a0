"""Statements for `symnet check`: (LaTeX, layers or None, holds, diagnosis substring).
Correct ones are the notes' and the book's formulas; every diagnosis class has wrong
variants."""
M = [3, 4, 4, 3]

CORPUS = [
    # --- single hidden layer, correct (the notes' chains and the book's results) ---------
    (r"g_j = \hat{y}_j^k (1 - \hat{y}_j^k)(y_j^k - \hat{y}_j^k)", None, True, ""),
    (r"g_j = -\frac{\partial E_k}{\partial \beta_j} = \hat{y}_j(1-\hat{y}_j)(y_j - \hat{y}_j)",
     None, True, ""),
    (r"g_j = -\frac{\partial E_k}{\partial \hat{y}_j^k} \cdot \frac{\partial \hat{y}_j^k}{\partial \beta_j}"
     r" = -(\hat{y}_j^k - y_j^k) f'(\beta_j - \theta_j) = \hat{y}_j^k (1-\hat{y}_j^k)(y_j^k-\hat{y}_j^k)",
     None, True, ""),
    (r"\frac{\partial \beta_j}{\partial w_{hj}} = b_h", None, True, ""),
    (r"\Delta w_{hj} = -\eta \frac{\partial E_k}{\partial w_{hj}} = \eta g_j b_h", None, True, ""),
    (r"\Delta \theta_j = -\eta g_j", None, True, ""),
    (r"\Delta v_{ih} = \eta e_h x_i", None, True, ""),
    (r"\Delta \gamma_h = -\eta e_h", None, True, ""),
    (r"e_h = -\frac{\partial E_k}{\partial b_h} \cdot \frac{\partial b_h}{\partial \alpha_h}"
     r" = b_h (1 - b_h) \sum_{j=1}^{l} w_{hj} g_j", None, True, ""),
    (r"e_h = \sum_{j=1}^{l} w_{hj} g_j f'(\alpha_h - \gamma_h)", None, True, ""),
    (r"\frac{\partial E_k}{\partial b_h} = -\sum_{j=1}^{l} w_{hj} g_j", None, True, ""),
    (r"\frac{\partial b_h}{\partial \alpha_h} = f'(\alpha_h - \gamma_h) = b_h(1 - b_h)", None, True, ""),
    (r"\frac{\partial \alpha_h}{\partial v_{ih}} = x_i", None, True, ""),
    (r"\frac{\partial E_k}{\partial \theta_j} = g_j", None, True, ""),
    (r"\boldsymbol{\Delta} w_{hj} = \eta \cdot g_j \cdot b_h", None, True, ""),
    (r"\Delta w_{hj} = \eta\, g_j\, b_h", None, True, ""),
    # --- single hidden layer, wrong: sign -----------------------------------------------
    (r"g_j = \hat{y}_j (1 - \hat{y}_j)(\hat{y}_j - y_j)", None, False, "sign is flipped"),
    (r"\Delta \theta_j = \eta g_j", None, False, "sign is flipped"),
    (r"\Delta \gamma_h = \eta e_h", None, False, "sign is flipped"),
    (r"\Delta w_{hj} = -\eta g_j b_h", None, False, "sign is flipped"),
    # --- factor missing / extra ---------------------------------------------------------
    # (issue 21: the one table of wrong variants names a factor in the symbols the user
    # writes: f'(\alpha_h - \gamma_h), \eta; was f'(alpha_h - gamma_h), eta)
    (r"e_h = \sum_{j=1}^{l} w_{hj} g_j", None, False,
     "factor is missing: f'(\\alpha_h - \\gamma_h)"),
    (r"g_j = y_j - \hat{y}_j", None, False, "factor is missing: f'(\\beta_j - \\theta_j)"),
    (r"\Delta w_{hj} = \eta g_j", None, False, "factor is missing: b_h"),
    (r"\Delta v_{ih} = \eta e_h", None, False, "factor is missing: x_i"),
    (r"\Delta w_{hj} = g_j b_h", None, False, "factor is missing: \\eta"),
    (r"\Delta \theta_j = -\eta g_j b_h", None, False, "factor is extra: b_h"),
    # --- constant factor ------------------------------------------------------------------
    (r"g_j = \frac{1}{2} \hat{y}_j(1-\hat{y}_j)(y_j-\hat{y}_j)", None, False, "constant factor"),
    (r"\Delta w_{hj} = 2 \eta g_j b_h", None, False, "constant factor"),
    (r"e_h = 2 b_h(1-b_h) \sum_{j=1}^{l} w_{hj} g_j", None, False, "constant factor"),
    # --- sum missing ----------------------------------------------------------------------
    (r"e_h = b_h(1-b_h) w_{hj} g_j", None, False, "sum is missing"),
    (r"\frac{\partial E_k}{\partial b_h} = -w_{hj} g_j", None, False, "sum is missing"),
    # --- indices swapped / transposed -----------------------------------------------------
    (r"\Delta v_{ih} = \eta e_h x_h", None, False, "index is wrong"),
    (r"\frac{\partial \beta_j}{\partial w_{hj}} = b_j", None, False, "index is wrong"),
    (r"e_h = b_h(1-b_h) \sum_{j=1}^{l} w_{jh} g_j", None, False, "transposed"),
    # --- matrix notation, correct -----------------------------------------------------------
    (r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot f'(z^{(k)})", M, True, ""),
    (r"\delta^{(k)} = \frac{\partial E}{\partial z^{(k)}} = \left[\Theta^{(kl)} \delta^{(l)}\right] \odot f'(z^{(k)})",
     M, True, ""),
    (r"\delta^{(n)} = (a^{(n)} - y) \odot f'(z^{(n)})", M, True, ""),
    (r"\frac{\partial E}{\partial \tilde{\Theta}^{(kl)}} = \tilde{a}^{(k)} {\delta^{(l)}}^\top", M, True, ""),
    (r"\Delta \tilde{\Theta}^{(kl)} = -\eta \tilde{a}^{(k)} [\delta^{(l)}]^\top", M, True, ""),
    (r"\delta^{(2)} = (\Theta^{(23)} \delta^{(3)}) \odot f'(z^{(2)})", M, True, ""),
    # f is the sigmoid in the notes: f'(z^(k)) = a^(k) ⊙ (1 - a^(k)), 1 the vector of ones
    (r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot a^{(k)} \odot (1 - a^{(k)})", [2, 3, 2], True, ""),
    (r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot a^{(k)} \odot (2 - a^{(k)})", [2, 3, 2], False, ""),
    (r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot (1 - a^{(k)})", [2, 3, 2], False, ""),
    (r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot a^{(k)} \odot (1 - a^{(k)}) + 1", [2, 3, 2], False, ""),
    (r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot a^{(k)} \odot (\eta - a^{(k)})", [2, 3, 2], False, "shapes"),
    (r"\delta^{(k)} = (\mathbf{\Theta}^{(kl)} \boldsymbol{\delta}^{(l)}) \odot f'(z^{(k)})", [2, 3, 3, 2], True, ""),
    # --- matrix notation, wrong --------------------------------------------------------------
    (r"\delta^{(n)} = (y - a^{(n)}) \odot f'(z^{(n)})", M, False, "sign is flipped"),
    # (issue 21: the layer as written, f'(z^{(k)}); was f'(z^(1)), f'(z^(2)), ... per k)
    (r"\delta^{(k)} = \Theta^{(kl)} \delta^{(l)}", M, False, "factor is missing: f'(z^{(k)})"),
    (r"\frac{\partial E}{\partial \tilde{\Theta}^{(kl)}} = \delta^{(l)} {\tilde{a}^{(k)}}^\top", M, False,
     "transposed"),
    (r"\Delta \tilde{\Theta}^{(kl)} = \eta \tilde{a}^{(k)} {\delta^{(l)}}^\top", M, False, "sign is flipped"),
    (r"\delta^{(k)} = ({\Theta^{(kl)}}^\top \delta^{(l)}) \odot f'(z^{(k)})", M, False, "shapes do not match"),
    (r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot f'(z^{(l)})", M, False, "shapes do not match"),
    (r"\frac{\partial E}{\partial \tilde{\Theta}^{(kl)}} = 2 \tilde{a}^{(k)} {\delta^{(l)}}^\top", M, False,
     "constant factor"),
]
