"""``symnet bench``: ``run`` (verify and report timings), ``kernels`` (kernels against
baselines), ``naive`` (the naive nested-differentiation baseline)."""
