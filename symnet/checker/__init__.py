"""``symnet check``: read the notes' LaTeX (``parse``), give every symbol one meaning
(``formula`` for the single-hidden-layer notation, ``matrix`` for the multilayer one,
``equality`` for deciding an "=", ``variants`` for naming a refuted one), and check whole
documents
(``document`` finds the equations, ``documents`` checks them).
Imports ``symnet.core`` and ``symnet.prove`` only.
"""
