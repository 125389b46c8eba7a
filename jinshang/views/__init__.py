"""Visual exploration: self-contained, offline pyvis/vis-network pages of the graph.

>>> from jinshang.views import load_view, write_html              # doctest: +SKIP
>>> write_html(load_view(driver, event="2017-05-12"), "out/珠海.html")  # doctest: +SKIP
"""
import importlib

DEFAULT_MAX_NODES = 1500  # nodes in one view; above it detail is aggregated and the page says so

# Imported on first use, so the CLI (which only needs the constant to build its options) starts
# without loading NetworkX, igraph and Jinja.
_LAZY = {"render_html": "jinshang.views.render", "write_html": "jinshang.views.render", "View": "jinshang.views.view",
         "load_view": "jinshang.views.view", "make_view": "jinshang.views.view"}


def __getattr__(name):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'jinshang.views' has no attribute {name!r}")


__all__ = ["DEFAULT_MAX_NODES", "View", "load_view", "make_view", "render_html", "write_html"]
