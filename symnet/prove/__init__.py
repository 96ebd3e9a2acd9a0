"""The exact prover: ``algebra`` (normal forms, Kronecker sums), ``model`` (indexed models
that unfold and compare), the notes' networks (``single_layer``, ``multilayer``,
``nested``) and ``entrywise`` (every gradient entry of a concrete network).
Imports only ``symnet.core``.
"""
