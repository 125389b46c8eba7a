"""Jinshang Graph (晋商图谱): the graph itself — schema, records, Neo4j I/O, projection, views.

Nothing here does I/O at import; drivers are opened at the edges and passed in.
"""
