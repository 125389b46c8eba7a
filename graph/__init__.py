"""Jinshang Graph (晋商图谱): the graph itself and its I/O — schema, records, settings and
connection, the local Neo4j, the writer and reader, load runs, the projection, RDF vocabulary,
shapes and exporters.

It imports neither `loaders` nor `queries` nor the application (`jinshang`); see docs/LAYOUT.md.
Nothing here does I/O at import; drivers are opened at the edges and passed in.
"""
