"""Views inline in Jupyter: the same self-contained page, in an iframe's `srcdoc`.

An iframe keeps the page's script, style and ids apart from the notebook's own, and `srcdoc`
needs no file or server, so the view still works in a notebook opened offline.

>>> from jinshang.views.notebook import show                       # doctest: +SKIP
>>> show(driver, ego="广东山西商会", hops=2)                       # doctest: +SKIP
"""
from __future__ import annotations

import html

from jinshang.views.render import render_html
from jinshang.views.view import View, load_view


def iframe_html(view: View, height: int = 720) -> str:
    """An <iframe> holding the whole page, attribute-escaped."""
    return (f'<iframe srcdoc="{html.escape(render_html(view), quote=True)}" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #cfd8dc" '
            f'sandbox="allow-scripts" title="{html.escape(view.title, quote=True)}"></iframe>')


def display_view(view: View, height: int = 720):
    """An IPython.display.HTML object; the last expression of a cell shows it."""
    import warnings

    from IPython.display import HTML

    with warnings.catch_warnings():  # IPython suggests IFrame, which needs a file or URL; srcdoc needs neither
        warnings.simplefilter("ignore", UserWarning)
        return HTML(iframe_html(view, height))


def show(driver, database: str = "neo4j", *, height: int = 720, **selection):
    """Project, select and display in one call (arguments as for `jinshang.views.load_view`)."""
    return display_view(load_view(driver, database, **selection), height)
