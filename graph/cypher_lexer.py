"""A small Cypher lexer: enough to see a statement's words the way the server does.

Keywords can hide in, or be faked by, string literals, comments and backtick-quoted names, so the
read-only rule (graph.read_only) never looks at raw text: it looks at these tokens. Strings, comments
and quoted names are consumed whole; what remains are words, numbers, parameters and punctuation.

>>> [t.text for t in tokens("MATCH (n) // SHOW SETTINGS\\nRETURN 'TERMINATE' AS `CREATE`")]
['MATCH', '(', 'n', ')', 'RETURN', "'TERMINATE'", 'AS', '`CREATE`']
>>> [t.kind for t in tokens("RETURN $x, 1.5e3")]
['word', 'param', 'punct', 'number']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.errors import ReadOnlyViolation

_NUMBER = re.compile(r"0[xX][0-9a-fA-F_]+|0o[0-7_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?")
_OPEN, _CLOSE = "([{", ")]}"
_OPERATOR_PUNCT = set("+-*/%^=<>")
_OPERATOR_WORDS = {"AND", "OR", "XOR", "NOT"}
# where one expression ends and the next begins
_EXPRESSION_ENDS = {"AS", "WHERE", "RETURN", "WITH", "MATCH", "OPTIONAL", "ORDER", "BY", "SKIP", "LIMIT",
                    "UNWIND", "CALL", "YIELD", "CASE", "WHEN", "THEN", "ELSE", "END", "UNION"}


@dataclass(frozen=True)
class Token:
    kind: str  # word, quoted (a `backtick` name), string, number, param or punct
    text: str
    pos: int   # character offset in the statement

    @property
    def word(self) -> str:
        """The upper-cased text of a bare word ('' for anything else): keywords are case-blind."""
        return self.text.upper() if self.kind == "word" else ""

    @property
    def name(self) -> str:
        """A name as the server reads it: a bare word, or a quoted one without its backticks."""
        if self.kind == "quoted":
            return self.text[1:-1].replace("``", "`")
        return self.text


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _end_of_quoted(text: str, i: int, quote: str) -> int:
    """Index just past the literal or name opened at ``i``; backslash escapes in strings, a
    doubled backtick inside a quoted name."""
    j = i + 1
    while j < len(text):
        ch = text[j]
        if quote != "`" and ch == "\\":
            j += 2
            continue
        if ch == quote:
            if quote == "`" and text.startswith("``", j):
                j += 2
                continue
            return j + 1
        j += 1
    what = "quoted name" if quote == "`" else "string"
    raise ReadOnlyViolation(f"拒绝执行：第 {i + 1} 个字符处的{'名称' if quote == '`' else '字符串'}没有结束 "
                            f"(refused: unterminated {what} starting at character {i + 1}) — nothing was run")


def tokens(text: str) -> list[Token]:
    """The statement's tokens, comments and blanks dropped. Raises ReadOnlyViolation for an
    unterminated string, quoted name or block comment (what follows could not be read safely)."""
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise ReadOnlyViolation(f"拒绝执行：第 {i + 1} 个字符处的注释没有结束 (refused: unterminated "
                                        f"comment starting at character {i + 1}) — nothing was run")
            i = end + 2
        elif ch in "'\"`":
            end = _end_of_quoted(text, i, ch)
            out.append(Token("quoted" if ch == "`" else "string", text[i:end], i))
            i = end
        elif ch == "$":
            j = i + 1
            if j < n and text[j] == "`":
                j = _end_of_quoted(text, j, "`")
            else:
                while j < n and _is_word_char(text[j]):
                    j += 1
            out.append(Token("param", text[i:j], i))
            i = j
        elif ch.isdigit():
            m = _NUMBER.match(text, i)
            out.append(Token("number", m.group(), i))
            i = m.end()
        elif _is_word_char(ch):
            j = i + 1
            while j < n and _is_word_char(text[j]):
                j += 1
            out.append(Token("word", text[i:j], i))
            i = j
        else:
            out.append(Token("punct", ch, i))
            i += 1
    return out


def nesting_depth(toks: list[Token]) -> int:
    """The deepest nesting of (), [] and {} among the tokens (brackets in strings do not count)."""
    depth = deepest = 0
    for t in toks:
        if t.kind == "punct":
            if t.text in _OPEN:
                depth += 1
                deepest = max(deepest, depth)
            elif t.text in _CLOSE:
                depth -= 1
    return deepest


def longest_chain(toks: list[Token]) -> int:
    """The most operators (+ - * / % ^ = < > AND OR XOR NOT) in one expression at one bracket level:
    ``1+1+1`` has 2. The server's parser recurses once per operator, as for a bracket."""
    counts, longest = [0], 0
    for t in toks:
        if t.kind == "punct" and t.text in _OPEN:
            counts.append(0)
        elif t.kind == "punct" and t.text in _CLOSE:
            if len(counts) > 1:
                counts.pop()
        elif (t.kind == "punct" and t.text in _OPERATOR_PUNCT) or t.word in _OPERATOR_WORDS:
            counts[-1] += 1
            longest = max(longest, counts[-1])
        elif t.text in (",", "|", ";") or t.word in _EXPRESSION_ENDS:
            counts[-1] = 0
    return longest
