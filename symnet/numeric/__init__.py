"""Numbers from the derivations: ``kernels`` (the derived forward/backward forms and the
in-memory kernels), ``codegen`` (standalone kernel modules per backend), ``train`` (the
book's exercises), ``gradient_sizes`` (per-layer gradient norms), ``generated`` (the
committed example kernels).  Imports ``symnet.core`` and ``symnet.prove`` only.
"""
