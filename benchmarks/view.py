"""Benchmark (not a test): time until a 1,000-node / 5,000-edge view is stabilised and
interactive in headless Chromium — ours against pyvis's defaults (physics on) on the same graph,
in the same run, both opened from local files with every non-file request aborted.

    .venv/bin/python benchmarks/view.py [--nodes 1000] [--edges 5000] [--runs 3]

"Stabilised and interactive" is measured in the page: milliseconds from navigation start until
the view is laid out (ours: the page's ready flag; pyvis: `stabilizationIterationsDone` or
`stabilized`) plus one painted frame after it.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
NEXT_FRAME = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"
# pyvis assigns its network to a global; catch the assignment before its script runs, so the
# stabilisation event cannot fire before anyone listens.
PYVIS_HOOK = """(() => { let net;
  Object.defineProperty(window, 'network', { configurable: true, get: () => net, set: v => {
    net = v;
    if (v && v.once) { v.once('stabilizationIterationsDone', () => requestAnimationFrame(() =>
      requestAnimationFrame(() => { window.__benchDone = performance.now(); }))); }
  }});
})();"""


def pyvis_default(G, path: Path) -> None:
    """What `Network().from_nx(G)` gives out of the box (inline assets so it can open offline)."""
    import networkx as nx
    from pyvis.network import Network

    simple = nx.DiGraph()
    simple.add_nodes_from((n, {"label": str(d.get("name", n))}) for n, d in G.nodes(data=True))
    simple.add_edges_from((u, v, {"title": d.get("type", "")}) for u, v, d in G.edges(data=True))
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(simple)
    net.write_html(str(path))


def ours(G, path: Path) -> None:
    from jinshang.views import make_view, write_html

    # every project drawn, as pyvis draws them: the same picture, so the timings compare
    write_html(make_view(G, projects="each"), path)


def open_and_time(browser, path: Path, kind: str) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    if kind != "ours":
        page.add_init_script(PYVIS_HOOK)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(path.as_uri(), wait_until="load", timeout=300_000)
    if kind == "ours":
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=300_000)
        ms = page.evaluate(NEXT_FRAME)
    else:
        page.wait_for_selector("#mynetwork canvas", state="attached", timeout=300_000)
        deadline = time.monotonic() + 600
        while page.evaluate("window.__benchDone === undefined"):
            if time.monotonic() > deadline:
                raise TimeoutError("pyvis page never finished stabilising")
            time.sleep(0.1)
        ms = page.evaluate("window.__benchDone")
    page.close()
    return ms / 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=1000)
    ap.add_argument("--edges", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from jinshang.views.demo import demo_graph

    G = demo_graph(args.nodes, args.edges, seed=42)
    tmp = Path(tempfile.mkdtemp(prefix="jinshang-bench-"))
    files = {"ours": tmp / "ours.html", "pyvis defaults": tmp / "pyvis.html"}
    build = {}
    for name, fn in (("ours", ours), ("pyvis defaults", pyvis_default)):
        t = time.perf_counter()
        fn(G, files[name])
        build[name] = time.perf_counter() - t
    times: dict[str, list[float]] = {k: [] for k in files}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            for name, path in files.items():
                times[name].append(open_and_time(browser, path, "ours" if name == "ours" else "pyvis"))
        browser.close()
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges (jinshang.views.demo.demo_graph, seed 42)")
    print("| view | HTML built in Python (s) | stabilised + interactive in Chromium, median (s) | runs (s) |")
    print("|---|---|---|---|")
    for k in files:
        print(f"| {k} | {build[k]:.2f} | {med[k]:.2f} | {', '.join(f'{x:.2f}' for x in times[k])} |")
    print(f"speed-up: {med['pyvis defaults'] / med['ours']:.1f}×")


if __name__ == "__main__":
    main()
