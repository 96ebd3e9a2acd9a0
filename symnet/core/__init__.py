"""The bottom layer: the claim data model and the tables every other layer reads.

``claims`` (Claim, Chain, Check, Derivation, Outcome, Result), ``registry`` (activations and
losses), ``notation`` (the notes' vocabulary), ``layers`` (layer specifications),
``files`` (atomic writes, JUnit, tables), ``progress``, ``limits`` (time limits).
Imports nothing from symnet outside ``symnet.core``.
"""
