"""The prose of the report, English and Chinese (our own words), and the sections in the
notes' order (each claim names its own section by key)."""

SECTIONS = [       # in the notes' order; a claim names its section by key (Claim.section)
    dict(key="neuron", always=True),
    dict(key="perceptron"),
    dict(key="standard"),
    dict(key="multilayer"),
    dict(key="rbf"),
    dict(key="vanishing"),
    dict(key="accumulated"),
    dict(key="boltzmann"),
]

# Each method sentence of the catalog once, in both editions (the appendix lists them;
# each claim refers to its number).  A method not listed here is shown as code.
METHODS = {m[0]: {"en": m[1], "zh": m[2]} for m in (
    ("exact: update applied to the symbolic sum, difference expanded to 0",
     "exact: the update applied to the symbolic sum, the difference expanded to $0$.",
     "精确：把更新代入符号求和，差展开后为 $0$。"),
    ("exact: all four inputs, step(0) = 1",
     "exact: all four inputs, with $\\mathrm{step}(0) = 1$.",
     "精确：检查全部四个输入，取 $\\mathrm{step}(0) = 1$。"),
    ("exact: separating lines checked on all inputs; XOR by a Farkas certificate",
     "exact: the separating lines checked on all inputs; for XOR a Farkas certificate.",
     "精确：在全部输入上检查分隔直线；异或由 Farkas 证书证明不可分。"),
    ("exact: all four inputs", "exact: all four inputs.", "精确：检查全部四个输入。"),
    ("exact: SymPy diff of the defining expression, Kronecker sums collapsed, difference "
     "expanded to 0",
     "exact: SymPy differentiates the defining expression, sums of Kronecker deltas collapse, "
     "the difference expands to $0$.",
     "精确：SymPy 对定义式求导，克罗内克求和化简，差展开后为 $0$。"),
    ("the notes' LaTeX parsed (symnet check) and proved",
     "the notes' own LaTeX, read by symnet check and proved.",
     "笔记原文的 LaTeX，由 symnet check 读入并证明。"),
    ("exact: SymPy diff of 1/(1+e^-x), each step rational in e^-x",
     "exact: SymPy differentiates $1/(1+e^{-x})$; every step is rational in $e^{-x}$.",
     "精确：SymPy 对 $1/(1+e^{-x})$ 求导，每一步都是 $e^{-x}$ 的有理式。"),
    ("exact: normal equations solved in Q(u), u = e^-beta symbolic; SymPy's gradient of E "
     "vanishes there; E convex and det(G^T G) has no root for beta > 0, so w* is the unique "
     "minimiser",
     "exact: the normal equations solved over $\\mathbb{Q}(u)$ with $u = e^{-\\beta}$ "
     "symbolic; SymPy's gradient of $E$ vanishes there; $E$ is convex and $\\det(G^\\top G)$ "
     "has no root for $\\beta > 0$, so $w^*$ is the unique minimiser.",
     "精确：在 $\\mathbb{Q}(u)$（$u = e^{-\\beta}$ 为符号）上解正规方程；SymPy 求得的 $E$ "
     "的梯度在该点为零；$E$ 是凸的且 $\\det(G^\\top G)$ 在 $\\beta > 0$ 时无根，故 $w^*$ "
     "是唯一的极小点。"),
    ("exact: G w = y solved in Q(u), u = e^-beta symbolic; phi(x) reproduces XOR at all four "
     "inputs",
     "exact: $Gw = y$ solved over $\\mathbb{Q}(u)$ with $u = e^{-\\beta}$ symbolic; "
     "$\\varphi(x)$ reproduces XOR at all four inputs.",
     "精确：在 $\\mathbb{Q}(u)$（$u = e^{-\\beta}$ 为符号）上解 $Gw = y$；$\\varphi(x)$ "
     "在全部四个输入上给出异或。"),
    ("exact: SymPy diff of 1/(1+e^-x); 1/4 - f' rewritten as a square",
     "exact: SymPy differentiates $1/(1+e^{-x})$; $1/4 - f'$ is rewritten as a square.",
     "精确：SymPy 对 $1/(1+e^{-x})$ 求导；$1/4 - f'$ 改写为平方。"),
    ("exact: solveset of f(x) = 1/2 over the reals; f'(0) from SymPy's diff",
     "exact: SymPy solves $f(x) = 1/2$ over the reals; $f'(0)$ from SymPy's derivative.",
     "精确：SymPy 在实数上解 $f(x) = 1/2$；$f'(0)$ 由 SymPy 求导得到。"),
    ("exact: delta^(k) by SymPy diff, identity expanded to 0; each term a product of squares "
     "and a positive factor",
     "exact: $\\delta^{(k)}$ from SymPy's derivative, the identity expanded to $0$; every "
     "term is a product of squares and a positive factor.",
     "精确：$\\delta^{(k)}$ 由 SymPy 求导得到，恒等式展开后为 $0$；每一项都是平方与正因子之积。"),
    ("exact: row 0 of the sum split off, a~ unfolded, difference expanded to 0",
     "exact: row $0$ of the sum split off, $\\tilde a$ unfolded, the difference expanded to $0$.",
     "精确：把求和中的第 $0$ 行分出，展开 $\\tilde a$，差展开后为 $0$。"),
    ("exact: the matrix form made explicit and compared with the claim entry by entry",
     "exact: the matrix form written out entry by entry and compared with the claim.",
     "精确：把矩阵形式逐项写出，与命题逐项比较。"),
    ("exact: both networks differentiated by SymPy, compared at the parameters",
     "exact: SymPy differentiates both networks; they are compared parameter by parameter.",
     "精确：SymPy 对两个网络分别求导，逐个参数比较。"),
    ("exact, entry by entry: SymPy diff of the fully nested E_k against a~ delta^T with the "
     "notes' closed-form deltas, unit outputs as symbols, difference cancelled to 0",
     "exact, entry by entry: SymPy differentiates the fully nested $E_k$; the result is "
     "compared with $\\tilde a\\,\\delta^\\top$, the deltas from the notes' closed forms, the "
     "unit outputs as symbols; the difference cancels to $0$.",
     "精确、逐项：SymPy 对完全嵌套的 $E_k$ 求导，与由笔记闭式得到的 "
     "$\\tilde a\\,\\delta^\\top$ 比较，神经元输出作为符号，差约分后为 $0$。"),
    ("exact: SymPy diff of the elementary definition against fdiff and the closed form, each "
     "difference simplified to 0",
     "exact: SymPy differentiates the elementary definition; the result is compared with the "
     "function's own derivative rule and with the closed form, each difference simplifies "
     "to $0$.",
     "精确：SymPy 对初等定义求导，与函数自带的求导规则及闭式比较，差均化简为 $0$。"),
    ("exact: definitions unfolded, difference simplified to 0",
     "exact: the definitions unfolded, the difference simplified to $0$.",
     "精确：展开定义，差化简为 $0$。"),
    ("exact polynomial identity, weights and states symbolic",
     "exact: a polynomial identity, the weights and states symbolic.",
     "精确：多项式恒等式，权重与状态均为符号。"),
    ("exact: all 2^n states enumerated, parameters symbolic",
     "exact: all $2^n$ states enumerated, the parameters symbolic.",
     "精确：枚举全部 $2^n$ 个状态，参数为符号。"),
    ("exact: conditional derived from (5.21) for every unit and every state of the others, "
     "parameters symbolic",
     "exact: the conditional derived from (5.21) for every unit and every state of the "
     "others, the parameters symbolic.",
     "精确：对每个神经元及其他神经元的每种状态，由 (5.21) 推出条件概率，参数为符号。"),
    ("exact: conditional from the joint, every (v, h) enumerated, parameters symbolic",
     "exact: the conditional from the joint distribution, every $(v, h)$ enumerated, the "
     "parameters symbolic.",
     "精确：由联合分布得到条件概率，枚举每个 $(v, h)$，参数为符号。"),
    ("exact: SymPy diff of ln P(v), every v and w_ij, parameters symbolic",
     "exact: SymPy differentiates $\\ln P(v)$ for every $v$ and $w_{ij}$, the parameters "
     "symbolic.",
     "精确：对每个 $v$ 与 $w_{ij}$，SymPy 对 $\\ln P(v)$ 求导，参数为符号。"),
)}

# Why each "=" of a chain holds (Derivation.reasons), in both editions.
#: the Chinese edition's line for each reason SymEngine gives for not replaying a proof
#: (keys of symnet.prove.replay.REASONS; the English is the replay's own line)
ENGINE_REASONS_ZH = {
    "Sum": "符号范围上的求和，SymEngine 的线性化（提出常数因子、拆分各项）未能化为 0"
           "（SymEngine 没有求和）",
    "KroneckerDelta": "符号下标的 Kronecker δ（SymEngine 没有）",
    "Derivative": "未求值的导数",
    "Subs": "未求值的代换",
    "function": "激活函数作为未解释的函数保留（无法取数值来反驳）",
    "other": "SymEngine 中没有对应的构造",
    "residual": "展开后留下的余项在随机点处为 0（超出其代数能力的 exp/log/分段恒等式）",
    "raised": "SymEngine 拒绝读入该表达式",
    "missing": "未安装 SymEngine",
    "custom": "专门的精确检验，而非两个表达式相等：没有可由第二个引擎重演的内容",
    "numbers": "对具体输入的精确整数运算（真值表、Farkas 证书）：没有可由第二个引擎重演的符号步骤",
    "solver": "依赖 SymPy 的求解器（Q(u) 上的线性方程组、实根隔离、实数上的 solveset），"
              "SymEngine 没有这些功能",
}

REASONS = {
    "sympy": {"en": "SymPy's derivative", "zh": "SymPy 求导"},
    "definition": {"en": "definition", "zh": "定义"},
    "chain": {"en": "chain rule", "zh": "链式法则"},
    "kronecker": {"en": "only the matching term remains", "zh": "只有对应项非零"},
    "sigmoid": {"en": "$f' = f(1-f)$ (5.9)", "zh": "$f' = f(1-f)$（式 5.9）"},
    "notation": {"en": "the notes' $g_j$, $e_h$, $\\delta$", "zh": "笔记中的 $g_j$、$e_h$、$\\delta$"},
    "algebra": {"en": "algebra", "zh": "代数化简"},
    "fdiff": {"en": "the function's derivative rule", "zh": "函数自带的求导规则"},
    "distribution": {"en": "$\\sum_j y_j = 1$", "zh": "$\\sum_j y_j = 1$"},
    "derivative": {"en": "derivative", "zh": "求导"},
    "": {"en": "", "zh": ""},
}


# Size descriptions that hold words, per edition (the others are formulas: 3,4,4,3).
SIZES = {
    "2 inputs": {"en": "2 inputs", "zh": "2 个输入"},
    "4 centres, beta symbolic": {"en": "4 centres, beta symbolic", "zh": "4 个中心，beta 为符号"},
    "m = 5, q = 3, beta symbolic": {"en": "m = 5, q = 3, beta symbolic",
                                    "zh": "m = 5, q = 3，beta 为符号"},
    "symbolic d, q, l": {"en": "symbolic d, q, l", "zh": "d, q, l 为符号"},
    "x real": {"en": "x real", "zh": "x 为实数"},
}


EN = dict(
    title="Back-propagation in Chapter 5 of \\emph{Machine Learning}: machine-checked derivations",
    author="generated by symnet",
    abstract=(
        "This handout walks through the formulas of Chapter 5 (neural networks) of Zhou "
        "Zhihua's \\emph{Machine Learning} in the order of the annotated notes. Every formula "
        "below was printed from the SymPy expression that symnet verified: the left-hand "
        "sides are derivatives that SymPy computed from the definitions of the network, never "
        "from the closed form they are compared with. Each formula carries its status."),
    status=dict(symbolic="proved for all sizes", entrywise="proved exactly at the sizes shown",
                numeric="checked numerically", failed="FAILED"),
    status_short=dict(symbolic="all sizes", entrywise="exact at sizes",
                      numeric="numerically", failed="FAILED"),
    running_head="Back-propagation, machine-checked",
    legend="Status labels",
    method="method", sizes="sizes", detail="detail", matrix="matrix form",
    methods_head="Methods", verification_head="Verification of every claim",
    verification_columns=("claim", "status", "method", "sizes", "engines"), reasons={k: v["en"] for k, v in REASONS.items()},
    engines_names=dict(both="SymPy, SymEngine", sympy="SymPy"),
    engines_head="Two engines",
    engines_text="A claim is proved when SymPy proves it and SymEngine, replaying the "
                 "proof (the same two sides, or its own derivative of the definition), does "
                 "not find them different. SymEngine also proved {both} of the {total} "
                 "claims.",
    engines_rest="The other {only} are proved by SymPy alone, for these reasons:",
    notes_latex="as the notes write it (this LaTeX was parsed and proved by symnet check)",
    fig_missing="Figure unavailable: install matplotlib (pip install 'symnet[plot]') and "
                "run symnet report again.",
    failures="Failed claims", none_failed="Every claim of this report holds.",
    sections=dict(
        neuron=("The neuron and its threshold",
                "A unit adds up its weighted inputs, subtracts a threshold $\\theta$ and "
                "passes the result through an activation $f$: $y = f(\\sum_i w_i x_i - "
                "\\theta)$. Writing the threshold as the weight of an extra input fixed at "
                "$-1$ turns it into an ordinary weight; this is the convention of the whole "
                "chapter, and it is why a threshold is updated with the opposite sign of a "
                "weight. The sigmoid $f(x) = 1/(1+e^{-x})$ is the book's activation."),
        perceptron=("The perceptron and logic gates",
                    "A perceptron is one such unit with the step function (here $\\mathrm{step}"
                    "(0)=1$). On a mistake, rule (5.1)/(5.2) moves every weight by $\\eta(y-"
                    "\\hat y)x_i$ and the threshold by $-\\eta(y-\\hat y)$, which pushes the "
                    "unit's input towards the right side. The notes' weights realise AND, OR "
                    "and NOT; XOR needs a second layer."),
        standard=("Standard BP with one hidden layer",
                  "Section 5.3 uses $d$ inputs, $q$ hidden units and $l$ outputs. The proofs "
                  "below hold for symbolic $d$, $q$ and $l$: SymPy differentiates $E_k$ "
                  "written with indexed sums, and every ``='' of the notes' chains is checked "
                  "on its own."),
        multilayer=("BP with several hidden layers, in matrix form",
                    "Layer $k$ has $s_k$ units plus a unit $0$ with constant value $-1$, so "
                    "$\\tilde\\Theta^{(kl)}$ of shape $(s_k+1)\\times s_l$ holds the thresholds "
                    "in its row $0$. The recursion is proved as an induction step from layer "
                    "$l$ to layer $k=l-1$ with an arbitrary downstream error "
                    "$E=\\sum_j \\Phi_j(z^{(l)}_j)$ and symbolic widths, so it holds at every "
                    "depth. $\\Phi'_j$ is the derivative of $\\Phi_j$, left unknown: what the "
                    "layers above contribute. $H(x)$ is the Heaviside step, the derivative of "
                    "ReLU ($H(0)=0$, as PyTorch and JAX take it)."),
        rbf=("RBF networks",
             "An RBF network computes $\\varphi(x)=\\sum_{i=1}^q w_i\\rho(x,c_i)$ with "
             "Gaussian units $\\rho(x,c_i)=e^{-\\beta_i\\|x-c_i\\|^2}$ (5.18), (5.19). Below: "
             "its derivatives for symbolic $d$ and $q$, the normal equations for the output "
             "weights, and exercise 5.7 solved exactly with $u=e^{-\\beta}$ kept symbolic."),
        vanishing=("Vanishing gradients",
                   "The sigmoid's slope never exceeds $1/4$, so every sigmoid layer scales "
                   "$\\delta$ by at most $1/4$ times the size of the weights. The figure shows "
                   "the gradient size per weight matrix of a 10-layer network with 32 units "
                   "per layer, sigmoid against ReLU."),
        accumulated=("Accumulated BP against standard BP",
                     "Standard BP updates after every example; accumulated BP descends the "
                     "mean error over all $m$ examples (5.16), whose gradient is the mean of "
                     "the per-example gradients. Regularisation (5.17) adds $2(1-\\lambda)w$."),
        boltzmann=("Boltzmann machines",
                   "The book states (5.20)--(5.24) without derivation; the notes skip them. "
                   "Here the threshold $\\theta$ acts as a $+$bias, opposite to BP. The "
                   "identities are proved by enumerating the states at small sizes with all "
                   "parameters symbolic, and the orientation-sensitive ones for symbolic sizes."),
        other=("Further claims", "Claims of the catalog that belong to no section above."),
    ),
    symbols=[("x_i", "input $i$ of example $k$, $i=1..d$"),
             ("v_{ih}", "weight from input $i$ to hidden unit $h$"),
             ("\\alpha_h", "input of hidden unit $h$: $\\sum_i v_{ih}x_i$"),
             ("\\gamma_h", "threshold of hidden unit $h$"),
             ("b_h", "output of hidden unit $h$: $f(\\alpha_h-\\gamma_h)$"),
             ("w_{hj}", "weight from hidden unit $h$ to output $j$"),
             ("\\beta_j", "input of output $j$: $\\sum_h w_{hj}b_h$"),
             ("\\theta_j", "threshold of output $j$"),
             ("\\hat y_j^k", "output $j$ on example $k$: $f(\\beta_j-\\theta_j)$"),
             ("E_k", "$\\frac12\\sum_j(\\hat y_j^k-y_j^k)^2$, the error on example $k$"),
             ("g_j,\\ e_h", "$-\\partial E_k/\\partial\\beta_j$ and "
                            "$-\\partial E_k/\\partial\\alpha_h$ (note the minus sign)"),
             ("i',\\ j',\\ p", "summation indices (bound by a $\\sum$), not the free $i, h, j$")],
    symbol_table="Symbols of the single-hidden-layer network",
    gate_caption="Logic gates with the notes' weights, and the line perceptron training finds",
    gate_head=("gate", "notes' $w_1, w_2$", "notes' $\\theta$", "learned $w_1,w_2,\\theta$",
               "updates"),
    farkas="For XOR the non-negative multipliers $\\lambda=({farkas})$ combine the four strict "
           "inequalities into $0<0$, so no line separates it.",
    sep_caption="The four truth tables; lines found by perceptron training.",
    van_caption="Gradient size per weight matrix (random data, Glorot/He initialisation).",
    fig57_caption="The network of section 5.3 (the book's figure 5.7): $d$ inputs, $q$ hidden "
                  "units with thresholds $\\gamma_h$, $l$ outputs with thresholds $\\theta_j$; "
                  "the bold links carry the weights $v_{ih}$ and $w_{hj}$ that the formulas name.",
    layer_words=dict(input="input layer", hidden="hidden layer", output="output layer"),
    example_head="A worked example",
    example_text="One forward and one backward pass by hand, on example 1 of watermelon 3.0 "
                 "(density and sugar ${x}$, a good melon: $y = 1$), with $d = q = 2$, $l = 1$, "
                 "$v = {v}$ (row $i$, column $h$), $\\gamma = {gamma}$, $w = {w}$, "
                 "$\\theta = {theta}$ and $\\eta = {eta}$. Each value below was computed by "
                 "the generated NumPy kernel (the 2-2-1 kernel of \\texttt{{symnet codegen}}; "
                 "$\\alpha_h$ and $\\beta_j$ from their definitions) and agrees with the "
                 "closed form beside it to $10^{{-12}}$; rounded to 4 significant digits.",
    example_columns=("quantity", "formula", "value"),
    net_caption="The notes' 3-4-4-3 network: layer $k$ holds the units $a^{(k)}_i$; the "
                "dashed unit $-1$ of every layer but the last feeds the thresholds, row $0$ of "
                "$\\tilde\\Theta^{(kl)}$.",
    train_caption="Exercise 5.5 on watermelon 3.0 (19-10-1, $\\eta = 0.5$): the training "
                  "error per pass of standard BP (an update per example) and accumulated BP "
                  "(an update per pass).",
    appendix="Appendix: the 3-4-4-3 network and the software",
    appendix_text="For the notes' 3-4-4-3 network, SymPy derived and checked exactly "
                  "{entries} gradient entries and {deltas} unit deltas.",
    van_table_head=("matrix", "sigmoid", "ReLU"),
    software="symnet {version}, SymPy {sympy}, Python {python}.",
    date="Generated on {date}.",
)

ZH = dict(
    title="《机器学习》第5章反向传播：机器验证的推导",
    author="由 symnet 生成",
    abstract=(
        "本讲义按照注释笔记的顺序，整理周志华《机器学习》第5章（神经网络）中的公式。下面的每个"
        "公式都直接由 symnet 验证过的 SymPy 表达式打印而来：左边的导数由 SymPy 从网络的定义"
        "求得，从不借用要比较的结论。每个公式都标出了验证状态。"),
    status=dict(symbolic="对任意规模已证明", entrywise="在所示规模下逐项精确证明",
                numeric="数值检验", failed="失败"),
    status_short=dict(symbolic="任意规模", entrywise="所示规模，精确",
                      numeric="数值检验", failed="失败"),
    running_head="误差逆传播：机器验证的推导",
    legend="状态说明",
    method="方法", sizes="规模", detail="细节", matrix="矩阵形式",
    methods_head="验证方法", verification_head="全部命题的验证",
    verification_columns=("命题", "状态", "方法", "规模", "引擎"), reasons={k: v["zh"] for k, v in REASONS.items()},
    engines_names=dict(both="SymPy, SymEngine", sympy="SymPy"),
    engines_head="两个引擎",
    engines_text="一个命题成立，是指 SymPy 证明了它，且 SymEngine 重演这一证明（同样的两边，"
                 "或由它自己对定义求导）时没有发现两边不同。{total} 个命题中有 {both} 个也由 "
                 "SymEngine 证明。",
    engines_rest="其余 {only} 个只由 SymPy 证明，原因如下：",
    notes_latex="笔记原文的写法（这段 LaTeX 已由 symnet check 解析并证明）",
    fig_missing="图不可用：请安装 matplotlib（pip install 'symnet[plot]'）后重新运行 symnet report。",
    failures="未通过的命题", none_failed="本报告中的所有命题均成立。",
    sections=dict(
        neuron=("神经元与阈值",
                "一个神经元把加权输入求和，减去阈值 $\\theta$，再经过激活函数 $f$："
                "$y = f(\\sum_i w_i x_i - \\theta)$。把阈值看成一个取值恒为 $-1$ 的额外输入的"
                "权重，它就成了普通的权重；全章都采用这一约定，因此阈值的更新与权重的更新符号相反。"
                "书中的激活函数是 sigmoid：$f(x) = 1/(1+e^{-x})$。"),
        perceptron=("感知机与逻辑门",
                    "感知机就是使用阶跃函数的单个神经元（这里取 $\\mathrm{step}(0)=1$）。预测出错时，"
                    "规则 (5.1)/(5.2) 让每个权重改变 $\\eta(y-\\hat y)x_i$，阈值改变 "
                    "$-\\eta(y-\\hat y)$，使神经元的输入向正确的一侧移动。笔记中的权重实现了"
                    "与、或、非；异或需要第二层。"),
        standard=("单隐层的标准 BP",
                  "5.3 节有 $d$ 个输入、$q$ 个隐层神经元和 $l$ 个输出。下面的证明对符号化的 "
                  "$d$、$q$、$l$ 成立：SymPy 对用下标求和写出的 $E_k$ 求导，笔记推导链中的每个"
                  "等号都单独验证。"),
        multilayer=("多隐层 BP 的矩阵形式",
                    "第 $k$ 层有 $s_k$ 个神经元，另加一个取值恒为 $-1$ 的 $0$ 号神经元，因此形状为 "
                    "$(s_k+1)\\times s_l$ 的 $\\tilde\\Theta^{(kl)}$ 在第 $0$ 行存放阈值。递推式"
                    "作为从第 $l$ 层到第 $k=l-1$ 层的归纳步骤来证明，下游误差 "
                    "$E=\\sum_j \\Phi_j(z^{(l)}_j)$ 任意、层宽符号化，所以对任意深度成立。"
                    "$\\Phi'_j$ 是 $\\Phi_j$ 的导数，保持未知，代表上面各层的贡献。$H(x)$ 是 "
                    "Heaviside 阶跃函数，即 ReLU 的导数（取 $H(0)=0$，与 PyTorch、JAX 一致）。"),
        rbf=("RBF 网络",
             "RBF 网络计算 $\\varphi(x)=\\sum_{i=1}^q w_i\\rho(x,c_i)$，其中高斯单元 "
             "$\\rho(x,c_i)=e^{-\\beta_i\\|x-c_i\\|^2}$，见 (5.18)、(5.19)。下面给出对符号化 "
             "$d$、$q$ 的导数、输出权重的正规方程，以及在 $u=e^{-\\beta}$ 保持符号时精确求解的习题 5.7。"),
        vanishing=("梯度消失",
                   "sigmoid 的斜率不超过 $1/4$，所以每经过一个 sigmoid 层，$\\delta$ 至多缩小为"
                   "权重大小的 $1/4$ 倍。下图给出一个 10 层、每层 32 个神经元的网络中各权重矩阵的"
                   "梯度大小，比较 sigmoid 与 ReLU。"),
        accumulated=("累积 BP 与标准 BP",
                     "标准 BP 每处理一个样例就更新一次；累积 BP 对全部 $m$ 个样例的平均误差 (5.16) "
                     "做梯度下降，其梯度是各样例梯度的平均。正则化 (5.17) 在梯度上加 $2(1-\\lambda)w$。"),
        boltzmann=("Boltzmann 机",
                   "书中直接给出 (5.20)–(5.24)，笔记没有推导。这里阈值 $\\theta$ 作为 $+$偏置，"
                   "与 BP 相反。这些恒等式在小规模下枚举全部状态、参数保持符号来证明；"
                   "与矩阵方向有关的结论对符号化规模证明。"),
        other=("其他命题", "不属于以上各节的命题。"),
    ),
    symbols=[("x_i", "样例 $k$ 的第 $i$ 个输入，$i=1..d$"),
             ("v_{ih}", "输入 $i$ 到隐层神经元 $h$ 的权重"),
             ("\\alpha_h", "隐层神经元 $h$ 的输入：$\\sum_i v_{ih}x_i$"),
             ("\\gamma_h", "隐层神经元 $h$ 的阈值"),
             ("b_h", "隐层神经元 $h$ 的输出：$f(\\alpha_h-\\gamma_h)$"),
             ("w_{hj}", "隐层神经元 $h$ 到输出 $j$ 的权重"),
             ("\\beta_j", "输出神经元 $j$ 的输入：$\\sum_h w_{hj}b_h$"),
             ("\\theta_j", "输出神经元 $j$ 的阈值"),
             ("\\hat y_j^k", "样例 $k$ 上的输出 $j$：$f(\\beta_j-\\theta_j)$"),
             ("E_k", "$\\frac12\\sum_j(\\hat y_j^k-y_j^k)^2$，样例 $k$ 上的误差"),
             ("g_j,\\ e_h", "$-\\partial E_k/\\partial\\beta_j$ 与 "
                            "$-\\partial E_k/\\partial\\alpha_h$（注意负号）"),
             ("i',\\ j',\\ p", "求和指标（受 $\\sum$ 约束），与公式中的自由指标 $i, h, j$ 相区别")],
    symbol_table="单隐层网络的符号",
    gate_caption="逻辑门：笔记中的权重，以及感知机训练找到的分隔直线",
    gate_head=("逻辑门", "笔记的 $w_1, w_2$", "笔记的 $\\theta$", "学得的 $w_1,w_2,\\theta$",
               "更新次数"),
    farkas="对异或，非负乘子 $\\lambda=({farkas})$ 把四个严格不等式合成 $0<0$，所以不存在分隔直线。",
    sep_caption="四个真值表；感知机训练找到的直线。",
    van_caption="各权重矩阵的梯度大小（随机数据，Glorot/He 初始化）。",
    fig57_caption="第 5.3 节的网络（书中图 5.7）：$d$ 个输入，$q$ 个隐层神经元（阈值 $\\gamma_h$），"
                  "$l$ 个输出神经元（阈值 $\\theta_j$）；粗线是公式所说的权重 $v_{ih}$ 与 $w_{hj}$。",
    layer_words=dict(input="输入层", hidden="隐层", output="输出层"),
    example_head="算例",
    example_text="用西瓜数据集 3.0 的第 1 个样例（密度与含糖率 ${x}$，好瓜：$y = 1$）手算一次前向与"
                 "一次反向传播：$d = q = 2$，$l = 1$，$v = {v}$（第 $i$ 行第 $h$ 列），"
                 "$\\gamma = {gamma}$，$w = {w}$，$\\theta = {theta}$，$\\eta = {eta}$。"
                 "下表每个值都由生成的 NumPy 计算核（\\texttt{{symnet codegen}} 的 2-2-1 核；"
                 "$\\alpha_h$ 与 $\\beta_j$ 按定义）算出，与旁边的闭式公式相差不超过 "
                 "$10^{{-12}}$；保留 4 位有效数字。",
    example_columns=("量", "公式", "值"),
    net_caption="笔记中的 3-4-4-3 网络：第 $k$ 层含神经元 $a^{(k)}_i$；除最后一层外，每层的虚线"
                "神经元 $-1$ 连向阈值，即 $\\tilde\\Theta^{(kl)}$ 的第 $0$ 行。",
    train_caption="习题 5.5，西瓜数据集 3.0（19-10-1，$\\eta = 0.5$）：标准 BP（每个样例更新一次）"
                  "与累积 BP（每遍更新一次）每遍的训练误差。",
    appendix="附录：3-4-4-3 网络与软件版本",
    appendix_text="对笔记中的 3-4-4-3 网络，SymPy 推导并精确验证了 {entries} 个梯度分量和 "
                  "{deltas} 个神经元的 $\\delta$。",
    van_table_head=("矩阵", "sigmoid", "ReLU"),
    software="symnet {version}，SymPy {sympy}，Python {python}。",
    date="生成于 {date}。",
)

TEXT = {"en": EN, "zh": ZH, "sections": SECTIONS}

