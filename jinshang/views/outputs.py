"""The `jinshang build` step that writes the standard views to `settings.out_dir`.

>>> from jinshang.views.outputs import write_views                # doctest: +SKIP
>>> write_views(driver, settings, result)                      # doctest: +SKIP
"""
from __future__ import annotations

from jinshang.views.render import write_html
from jinshang.views.view import make_view

YEAR = 2017  # the bundled campaign; each of its events gets a page


def event_filename(event_id: str) -> str:
    """event:2017-05-12/珠海市 → event-2017-05-12-珠海市.html"""
    return "event-" + event_id.split(":", 1)[1].replace("/", "-") + ".html"


def write_views(driver, settings, result) -> None:
    """out/network.html (the whole network) and out/views/event-….html for each 2017 event."""
    from graph.projection import project

    G = project(driver, settings.neo4j_database)
    out = settings.out_dir
    write_html(make_view(G), out / "network.html")
    events = sorted(n for n, d in G.nodes(data=True)
                    if d.get("label") == "Event" and d.get("date") is not None and d["date"].year == YEAR)
    for e in events:
        write_html(make_view(G, event=e), out / "views" / event_filename(e))
    result.lines.append(f"views: {out / 'network.html'} ({G.number_of_nodes()} nodes projected) and "
                        f"{len(events)} {YEAR} event views in {out / 'views'}")
