"""Reading an article file: its characters as given, its front matter, and the text to read.

"The text as given" is the file's characters after decoding (UTF-8, else the detected encoding),
line ends untouched. Every evidence offset counts Python characters into that string, for
Markdown, plain text and HTML alike: for HTML it points into the markup, at the characters of
the text node (an entity such as ``&amp;`` is one fact character spanning its whole reference).

>>> a = parse_article("---\\ntitle: 例\\ndate: 2017-05-12\\n---\\n珠海山西商会成立。", "a.md")
>>> a.meta["title"], a.meta["date"], a.given[a.spans[0][0]:a.spans[0][0] + 2]
('例', datetime.date(2017, 5, 12), '珠海')
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import yaml

from graph.errors import Problem, ValidationError
from loaders.values import parse_date

MARKDOWN = (".md", ".markdown")
HTML = (".html", ".htm")
TEXT = (".txt",)
SUFFIXES = MARKDOWN + HTML + TEXT
MAX_BYTES = 5_000_000  # a news page is far smaller; a larger file is not an article
META_KEYS = ("title", "date", "publisher", "url", "author", "source")
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_BLOCK_TAGS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 section article table ul ol td th title header footer".split())
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template"))


@dataclass
class Article:
    """`given`: the text as given; `pieces`: the text to read as (text, start, end) runs of
    `given` — literal runs have end - start == len(text); an HTML entity is one character
    standing for the whole reference."""

    path: str
    given: str
    meta: dict = field(default_factory=dict)
    pieces: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(s, e) for _, s, e in self.pieces]


def read_article(path) -> Article:
    """Read one .md/.markdown/.html/.htm/.txt file; ValidationError (one line) when unreadable."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError([Problem(str(path), None, None, None, "文件不存在 / no such file")])
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise ValidationError([Problem(str(path), None, None, len(raw), f"文件过大 / larger than {MAX_BYTES} bytes")])
    return parse_article(_decode(raw, path), str(path))


def _decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            raise ValidationError([Problem(str(path), None, None, None, "无法识别编码 / cannot tell the text encoding")])
        return str(best)


def parse_article(given: str, path: str = "<text>") -> Article:
    """An Article from text already decoded; the kind is told by `path`'s suffix."""
    art = Article(path=path, given=given)
    start = 0
    m = _FRONT.match(given)
    if m:
        art.meta = _front_matter(m.group(1), path)
        start = m.end()
    if Path(path).suffix.lower() in HTML:
        parser = _TextOfHtml(given, start)
        parser.feed(given[start:])
        parser.close()
        art.pieces = parser.pieces
        for k, v in parser.meta.items():
            art.meta.setdefault(k, v)
    else:
        art.pieces = [(given[start:], start, len(given))]
    if isinstance(art.meta.get("date"), str):
        art.meta["date"] = _date_or_none(art.meta["date"])
    return art


# libyaml's parser where PyYAML has it: the same safe constructor and resolver, several times faster
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _safe_load(text: str):
    try:
        return yaml.load(text, Loader=_FAST_LOADER)  # a safe loader either way
    except yaml.YAMLError:
        return yaml.safe_load(text)  # fails again, with the pure-Python loader's message and line as before


def _front_matter(text: str, path: str) -> dict:
    try:
        data = _safe_load(text) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise ValidationError([Problem(path, None if line is None else line + 2, "front matter", None,
                                       "YAML 无法解析 / the front matter is not valid YAML", unit="line")])
    if not isinstance(data, dict):
        raise ValidationError([Problem(path, 2, "front matter", None, "应为键值 / must be key: value lines", unit="line")])
    out = {}
    for key in META_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if key == "date":
            if not isinstance(value, date):
                parsed = _date_or_none(str(value))
                if parsed is None:
                    raise ValidationError([Problem(path, None, "date", value, "不是日期 / not a date (YYYY-MM-DD)")])
                value = parsed
            out[key] = value
        else:
            out[key] = str(value).strip()
    return out


def _date_or_none(text: str) -> date | None:
    try:
        return parse_date(text.strip()[:10] if re.match(r"\d{4}-\d", text.strip()) else text.strip())
    except (ValueError, TypeError):
        return None


class _TextOfHtml(HTMLParser):
    """Text nodes of a page with their offsets into the markup; a block tag breaks the text."""

    def __init__(self, given: str, base: int):
        super().__init__(convert_charrefs=False)
        self.given, self.base = given, base
        self._line_starts = [base]
        for m in re.finditer("\n", given[base:]):
            self._line_starts.append(base + m.end())
        self.pieces: list[tuple[str, int]] = []
        self.meta: dict = {}
        self._skip = 0
        self._in_title = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self._skip += 1
        self._in_title = tag == "title" or self._in_title
        if tag in _BLOCK_TAGS:
            self.pieces.append(("\n", self._offset(), self._offset()))
        if tag == "meta":
            a = dict(attrs)
            key = a.get("property") or a.get("name") or ""
            content = (a.get("content") or "").strip()
            wanted = {"og:title": "title", "article:published_time": "date", "og:site_name": "publisher",
                      "og:url": "url", "publishdate": "date", "author": "author"}.get(key.lower())
            if wanted and content:
                self.meta.setdefault(wanted, content)
        if tag == "link" and dict(attrs).get("rel") == "canonical" and dict(attrs).get("href"):
            self.meta.setdefault("url", dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS:
            self.pieces.append(("\n", self._offset(), self._offset()))

    def handle_data(self, data):
        if self._skip:
            return
        if self._in_title:
            self.meta.setdefault("title", data.strip())
            return
        self.pieces.append((data, self._offset(), self._offset() + len(data)))

    def _reference(self, text: str):
        if self._skip or self._in_title:
            return
        off = self._offset()
        # the whole reference (&amp; / &#20013;) is the evidence of the one character it stands for
        semi = self.given.find(";", off, off + 12)
        self.pieces.append((text, off, semi + 1 if semi > 0 else off + 1))

    def handle_entityref(self, name):
        self._reference(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._reference(html.unescape(f"&#{name};"))
