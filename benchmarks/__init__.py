"""Benchmarks (not tests): a synthetic province generator and the load benchmark.

>>> from benchmarks.synthetic import generate   # doctest: +SKIP
"""
