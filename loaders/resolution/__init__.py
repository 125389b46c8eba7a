"""Entity resolution's matching engine: pure functions over names and context, no database.

normalize (matching keys), chamber_names (chamber names parsed), places (the place dictionary),
blocking (which pairs are compared), candidates (scores and reasons: `candidates`, `explain`).
"""
