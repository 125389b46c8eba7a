"""Entity resolution's matching engine: pure functions over names and context, no database.

normalize (matching keys per label, pinyin, context keys), chamber_names (chamber names parsed
against places, the place dictionary in places.tsv), blocking (which pairs are compared at all),
candidates (`Entity`, `Candidate`, `candidates`, `explain`: scores and reasons in words) and
context (Entities with their context built from graph records).
"""
