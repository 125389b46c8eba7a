"""Visual exploration: self-contained, offline pyvis/vis-network pages of the graph.

>>> from graph.views import load_view, write_html              # doctest: +SKIP
>>> write_html(load_view(driver, event="2017-05-12"), "out/珠海.html")  # doctest: +SKIP
"""
from graph.views.render import render_html, write_html
from graph.views.view import DEFAULT_MAX_NODES, View, load_view, make_view

__all__ = ["DEFAULT_MAX_NODES", "View", "load_view", "make_view", "render_html", "write_html"]
