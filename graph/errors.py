"""One exception root for the project, with named subclasses.

The library raises; the CLI prints one line per error and exits non-zero.
"""
from __future__ import annotations

from dataclasses import dataclass


class JinshangError(Exception):
    """Root of every error this project raises on purpose."""


class SchemaError(JinshangError):
    """The schema (or something checked against it) is inconsistent."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one value of one source.

    >>> str(Problem("ledger.csv", 3, "所属县区", "代州", "unknown county"))
    "ledger.csv: row 3: field '所属县区': value '代州': unknown county"
    """

    file: str
    where: int | str | None
    field: str | None
    value: object
    reason: str
    unit: str = "row"

    def __str__(self) -> str:
        parts = [self.file]
        if self.where is not None:
            parts.append(f"{self.unit} {self.where}")
        if self.field is not None:
            parts.append(f"field '{shown(self.field, quote=False)}'")
        if self.value is not None:
            parts.append(f"value {shown(self.value)}")
        return ": ".join(parts + [self.reason])


def shown(value, limit: int = 80, quote: bool = True) -> str:
    """A value as an error line may show it: control characters escaped (they must never reach a
    terminal raw) and long values cut, saying how long they were.

    >>> print(shown("代县\\x1b[31m"))
    '代县\\x1b[31m'
    >>> print(shown("晋" * 1000, limit=10))
    '晋晋晋晋晋' … (1000 characters)
    """
    if not isinstance(value, str):
        text = repr(value)
        return text if len(text) <= limit else f"{text[:limit]} … ({len(text)} characters)"
    cut = value if len(value) <= limit else value[: limit // 2]
    text = repr(cut) if quote else repr(cut)[1:-1]
    return text if cut is value else f"{text} … ({len(value)} characters)"


class ValidationError(JinshangError):
    """A source failed validation; carries every problem found in it, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s); nothing was written"
        super().__init__(head + "\n" + "\n".join(str(p) for p in self.problems))


class ResolutionError(JinshangError):
    """A name could not be resolved to a node (unknown or ambiguous)."""

    def __init__(self, name: str, reason: str, suggestions: list[str] | None = None):
        self.name = name
        self.suggestions = suggestions or []
        hint = f" (did you mean: {', '.join(self.suggestions)}?)" if self.suggestions else ""
        super().__init__(f"{name!r}: {reason}{hint}")


class Neo4jServerError(JinshangError):
    """The local Neo4j could not be prepared, started, reached or stopped."""


class DatabaseError(JinshangError):
    """A statement failed on the server, or the server could not be reached."""


class ReadOnlyViolation(JinshangError):
    """A statement that would write was refused by a read-only command."""
