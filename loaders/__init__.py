"""Loaders: one module per kind of source, each a pure function from a path to validated records.

They never touch a driver; `graph.writer` writes what they return.
"""
