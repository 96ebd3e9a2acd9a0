"""``symnet report``: ``build`` (runs the catalog, fills the template, runs TeX),
``printer`` (the notes' LaTeX printer), ``text`` (the prose, per language), ``figures``.
"""
