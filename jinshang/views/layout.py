"""Node positions computed in Python, so large views open already laid out (physics off), and a
positions file so a layout can be kept and reused across runs and views.

>>> G = nx.path_graph(["a", "b", "c"])
>>> pos = compute_layout(G, seed=42)
>>> sorted(pos), all(isinstance(v, float) for xy in pos.values() for v in xy)
(['a', 'b', 'c'], True)
"""
from __future__ import annotations

import hashlib
import json
import math
import random
from pathlib import Path

import networkx as nx

from graph.errors import JinshangError

FORMAT = "jinshang-view-positions/1"
EDGE_PX = 110.0  # typical edge length on screen, in vis pixels
NODE_AREA = 90.0 ** 2


def compute_layout(G: nx.Graph, seed: int = 42) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold (igraph's C kernel: ~0.2 s for 1,500 nodes / 5,000 edges, where
    NetworkX's takes seconds), scaled to vis pixels; deterministic for a given seed."""
    import igraph as ig

    nodes = sorted(G.nodes, key=str)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    edges = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v}
    g = ig.Graph(n=len(nodes), edges=sorted(edges))
    # igraph draws from Python's `random` by default; give it its own seeded generator and put
    # the shared one back, so the layout is reproducible and no one else's randomness changes.
    ig.set_random_number_generator(random.Random(seed))
    try:
        # 200 iterations settle 1,000+ nodes well enough and take a third of the time of 500.
        coords = g.layout_fruchterman_reingold(niter=500 if len(nodes) <= 500 else 200, grid="auto").coords
    finally:
        ig.set_random_number_generator(random)
    lengths = [math.dist(coords[a], coords[b]) for a, b in edges] or [1.0]
    lengths.sort()
    by_edges = EDGE_PX / max(lengths[len(lengths) // 2], 1e-6)
    # Dense graphs have long edges; also give every node about NODE_AREA px² so they do not pile up.
    # Measured between the 5th and 95th percentiles: isolated nodes ring the layout far out.
    xs, ys = sorted(c[0] for c in coords), sorted(c[1] for c in coords)
    lo, hi = len(xs) // 20, len(xs) - 1 - len(xs) // 20
    extent = max(xs[hi] - xs[lo], ys[hi] - ys[lo], 1e-6)
    scale = max(by_edges, math.sqrt(len(nodes) * NODE_AREA) / extent)
    return {n: (round(coords[i][0] * scale, 1), round(coords[i][1] * scale, 1)) for n, i in index.items()}


RING_GAP = 240.0  # the least distance between two rings of an ego view, in vis pixels
RING_SPACING = 105.0  # room each node gets along its ring (labels are wider than nodes)


def ring_layout(G: nx.Graph, centre: str, hidden=()) -> tuple[dict[str, tuple[float, float]], dict[str, int], float]:
    """An ego view's layout: `centre` at (0, 0) and the nodes k hops away on a circle of radius
    k·R, R chosen so the most crowded ring still gives each node RING_SPACING px. Along a ring,
    nodes follow the angle of the nearer ring's node they hang from, so lines stay short.

    Nodes in `hidden` (in the page but not shown at first) count for hops but take no room: each
    sits on its ring at the angle of the node it hangs from, where ticking its label shows it.

    Returns (positions, hops, R); nodes not connected to `centre` are left out of both.

    >>> pos, hops, R = ring_layout(nx.path_graph(["a", "b", "c"]), "a")
    >>> pos["a"], hops == {"a": 0, "b": 1, "c": 2}, round(math.dist(pos["a"], pos["c"]) / R, 6)
    ((0.0, 0.0), True, 2.0)
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    hidden = set(hidden)
    hops = nx.single_source_shortest_path_length(U, centre)
    rings: dict[int, list[str]] = {}
    for n, k in hops.items():
        rings.setdefault(k, []).append(n)
    R = max([RING_GAP] + [sum(n not in hidden for n in ns) * RING_SPACING / (2 * math.pi * k)
                          for k, ns in rings.items() if k])
    angle = {centre: 0.0}
    pos = {centre: (0.0, 0.0)}

    def parent_angle(n: str, k: int) -> float:
        return min((angle[m] for m in U.neighbors(n) if hops.get(m) == k - 1 and m in angle), default=0.0)

    for k in sorted(rings):
        if not k:
            continue
        ordered = sorted((n for n in rings[k] if n not in hidden),
                         key=lambda n: (parent_angle(n, k), str(G.nodes[n].get("label", "")), str(n)))
        step = 2 * math.pi / max(len(ordered), 1)
        offset = step / 2 if k % 2 == 0 else 0.0  # alternate rings start half a step apart
        placed = [(n, offset + i * step) for i, n in enumerate(ordered)]
        placed += [(n, parent_angle(n, k) + _jitter(n)[0] / EDGE_PX * 0.15)
                   for n in sorted((n for n in rings[k] if n in hidden), key=str)]
        for n, a in placed:
            angle[n] = a
            pos[n] = (round(k * R * math.cos(a), 1), round(k * R * math.sin(a), 1))
    return pos, hops, R


def _jitter(node: str) -> tuple[float, float]:
    h = hashlib.sha1(str(node).encode("utf-8")).digest()
    angle = h[0] / 255 * 2 * math.pi
    return math.cos(angle) * EDGE_PX * 0.6, math.sin(angle) * EDGE_PX * 0.6


def complete_layout(G: nx.Graph, known: dict[str, tuple[float, float]], seed: int = 42) -> dict[str, tuple[float, float]]:
    """Positions for every node of `G`, keeping the `known` ones where they are.

    With no known position the whole layout is computed; otherwise a new node goes next to its
    placed neighbours (their centre, nudged by a hash of its id), so a saved layout stays as it was.
    """
    placed = {n: tuple(known[n]) for n in G.nodes if n in known}
    if not placed:
        return compute_layout(G, seed)
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    todo = [n for n in sorted(G.nodes, key=str) if n not in placed]
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    centre = (sum(xs) / len(xs), sum(ys) / len(ys))
    for _ in range(3):  # neighbours of neighbours get placed on later passes
        for n in list(todo):
            nb = [placed[m] for m in U.neighbors(n) if m in placed]
            if nb:
                dx, dy = _jitter(n)
                placed[n] = (round(sum(p[0] for p in nb) / len(nb) + dx, 1),
                             round(sum(p[1] for p in nb) / len(nb) + dy, 1))
                todo.remove(n)
    for n in todo:
        dx, dy = _jitter(n)
        placed[n] = (round(centre[0] + 4 * dx, 1), round(centre[1] + 4 * dy, 1))
    return placed


def read_positions(path: Path) -> dict[str, tuple[float, float]]:
    """Positions saved by `write_positions`; an absent file is an empty layout."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"not a positions file (format is not {FORMAT!r})")
        return {str(k): (float(v[0]), float(v[1])) for k, v in data["positions"].items()}
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise JinshangError(f"{path}: cannot read positions: {exc}") from None


def write_positions(path: Path, positions: dict[str, tuple[float, float]]) -> None:
    """Save positions, merged into what the file already holds, so one file serves several views."""
    path = Path(path)
    merged = {**read_positions(path), **positions}
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT, "positions": {k: [v[0], v[1]] for k, v in sorted(merged.items())}}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
