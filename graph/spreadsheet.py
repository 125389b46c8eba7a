"""What a spreadsheet takes for a formula: one rule for every CSV the project writes.

People's CSV (`jinshang query … --format csv`, jinshang/output.py) defuses such cells; the
neo4j-admin import CSV (graph/exporters/csv.py) keeps them exact and counts them.

>>> is_formula_like("=SUM(A1)"), is_formula_like("＝1"), is_formula_like("代县"), is_formula_like(-3)
(True, True, False, False)
"""
from __future__ import annotations

# What a spreadsheet reads as the start of a formula (OWASP, CSV injection), and the full-width
# forms a Chinese input method types, which WPS and Excel also accept.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def is_formula_like(value) -> bool:
    """True for text a spreadsheet would run as a formula; numbers are never formula-like."""
    return isinstance(value, str) and value.startswith(FORMULA_START)
