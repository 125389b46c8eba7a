"""Reading one catalog file safely, before any of it is trusted: the encoding, the size, depth
and alias limits, YAML that remembers each mapping's line, JSON without duplicate keys.

Everything refused becomes one ValidationError naming the file, the line and the reason.

>>> from loaders.bundled import bundled_path
>>> data = read_catalog_file(bundled_path())
>>> chamber = data["Chamber"][0]
>>> chamber["name"], line_of(chamber, "name")
('珠海山西商会', 91)
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from graph.errors import Problem, ValidationError

# Limits on a catalog file. A catalog is a few levels deep (section → record → relationship →
# item → sources) and rarely needs a YAML alias; these bounds stop alias bombs ("billion
# laughs"), stack exhaustion and memory exhaustion long before they could start.
MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 20
MAX_ALIASES = 100
MAX_ALIAS_EXPANSION = 10_000  # values an alias may stand for, counted over the whole file
# Tags that only say what plain YAML would infer anyway; !!binary, !!set, !!omap, !!python/… and
# local tags make values no catalog field holds.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map",
                                                  "timestamp")}


class _Refused(Exception):
    """A catalog refused while it is read: (line, field, value, reason)."""


class Located(dict):
    """A mapping read from YAML that remembers its line and each key's line (kept beside the
    data, never in it)."""

    line: int | None = None
    key_lines: dict = {}

    def line_of(self, key=None) -> int | None:
        return self.key_lines.get(key, self.line) if key is not None else self.line


def line_of(rec, key=None) -> int | None:
    return rec.line_of(key) if isinstance(rec, Located) else None


def _dotted(steps) -> str | None:
    """`Chamber`, `[0]`, `based_in` → `Chamber[0].based_in`."""
    out = ""
    for step in steps:
        out += step if step.startswith("[") or not out else "." + step
    return out or None


if yaml.__with_libyaml__:  # libyaml scans a 10 MB scalar in a second, pure Python in half a minute
    from yaml._yaml import CParser

    _PARSING: tuple = (CParser,)
else:  # pragma: no cover - PyYAML built without libyaml
    _PARSING = (yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser)


class _CatalogLoader(yaml.composer.Composer, *_PARSING, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """PyYAML's safe loader, bounded: alias count and expansion, nesting depth and plain tags
    are checked while the document is composed (PyYAML's Python composer, on events from
    libyaml where it is built), before any value is built."""

    def __init__(self, text: str):
        _PARSING[0].__init__(self, text)
        for base in _PARSING[1:]:
            base.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._aliases = self._expansion = 0
        self._weight: dict[int, int] = {}  # id(node) → how many values it stands for, expanded
        self._path: list[str] = []

    def _field(self) -> str | None:
        return _dotted(p for p in self._path if p)

    def compose_node(self, parent, index):
        event = self.peek_event()
        line = event.start_mark.line + 1
        step = index.value if isinstance(index, yaml.ScalarNode) else f"[{index}]" if isinstance(index, int) else "?"
        self._path.append(str(step) if parent is not None else "")
        try:
            return self._compose_bounded(event, line, parent, index)
        finally:
            self._path.pop()

    def _compose_bounded(self, event, line, parent, index):
        if isinstance(event, yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Refused(line, self._field(), f"*{event.anchor}",
                               f"YAML 别名过多 / more than {MAX_ALIASES} YAML aliases (&/*) in one catalog")
            node = super().compose_node(parent, index)
            weight = self._weight.get(id(node))
            if weight is None:
                raise _Refused(line, self._field(), f"*{event.anchor}",
                               "YAML 别名指向自身 / a YAML alias inside the value it names")
            self._expansion += weight
            if self._expansion > MAX_ALIAS_EXPANSION:
                raise _Refused(line, self._field(), f"*{event.anchor}",
                               f"YAML 别名展开过大 / YAML aliases expand to more than {MAX_ALIAS_EXPANSION} values")
            return node
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _PLAIN_TAGS:
            raise _Refused(line, self._field(), tag.replace("tag:yaml.org,2002:", "!!"),
                           "不支持 YAML 标签 / YAML tags such as !!binary or !!set are not allowed; write plain values")
        if len(self._path) > MAX_DEPTH:
            raise _Refused(line, self._field(), None,
                           f"嵌套过深 / nested more than {MAX_DEPTH} levels deep")
        node = super().compose_node(parent, index)
        if isinstance(node, yaml.ScalarNode):
            weight = 1
        elif isinstance(node, yaml.SequenceNode):
            weight = 1 + sum(self._weight.get(id(v), 1) for v in node.value)
        else:
            weight = 1 + sum(self._weight.get(id(k), 1) + self._weight.get(id(v), 1) for k, v in node.value)
        self._weight[id(node)] = weight
        return node

    def construct_yaml_map(self, node):
        data = Located()
        data.line = node.start_mark.line + 1
        yield data
        seen = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                key = self.construct_object(key_node)
                if key in seen:
                    raise _Refused(key_node.start_mark.line + 1, str(key), None,
                                   f"键重复 / duplicate key in one mapping (first at line {seen[key]})")
                seen[key] = key_node.start_mark.line + 1
        data.update(self.construct_mapping(node))
        data.key_lines = seen

    def construct_yaml_int(self, node):
        # Thousands of digits are more than int() reads; as text, the field's own check names it.
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            return self.construct_scalar(node)

    def construct_yaml_timestamp(self, node):
        # An impossible date such as 2017-13-45 stays text, so the field's own check names it.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_CatalogLoader.add_constructor("tag:yaml.org,2002:map", _CatalogLoader.construct_yaml_map)
_CatalogLoader.add_constructor("tag:yaml.org,2002:int", _CatalogLoader.construct_yaml_int)
_CatalogLoader.add_constructor("tag:yaml.org,2002:timestamp", _CatalogLoader.construct_yaml_timestamp)


def _decode(raw: bytes) -> str:
    """UTF-8 (a BOM is fine), UTF-16/32 with a BOM, GBK/GB18030, or Big5 as charset-normalizer
    detects it; anything else is refused, naming what it looks like."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(encoding)
    for encoding in ("utf-8-sig", "gb18030"):  # as the ledger loader reads CSV
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(raw).best()
    encoding = best.encoding if best is not None else None
    if encoding in ("big5", "big5hkscs", "cp950"):
        return str(best)
    raise _Refused(None, None, encoding,
                   "文本编码无法识别 / not UTF-8 (nor GBK/GB18030 or Big5): save the catalog as UTF-8")


def _depth(data) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        if isinstance(value, dict):
            stack += [(v, depth + 1) for v in value.values()]
        elif isinstance(value, list):
            stack += [(v, depth + 1) for v in value]
    return deepest


def _json_object(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(None, key, None, "键重复 / duplicate key in one JSON object")
        out[key] = value
    return out


def _parse(path: Path):
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _Refused(None, None, None, f"文件过大 / {size:,} bytes; a catalog may hold at most "
                                         f"{MAX_BYTES // (1024 * 1024)} MB")
    text = _decode(path.read_bytes())
    if path.suffix.lower() != ".json":
        raw_control = yaml.reader.Reader.NON_PRINTABLE.search(text)
        if raw_control:
            raise _Refused(text.count("\n", 0, raw_control.start()) + 1, None, raw_control.group(),
                           "含控制字符 / a control character YAML does not allow")
        loader = _CatalogLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    too_deep = _Refused(None, None, None, f"嵌套过深 / nested more than {MAX_DEPTH} levels deep")
    try:
        data = json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        raise _Refused(exc.lineno, None, None, f"not valid JSON: {exc.msg}") from None
    except RecursionError:  # nested far too deep even for the parser
        raise too_deep from None
    except ValueError as exc:  # an integer of thousands of digits
        raise _Refused(None, None, None, f"not valid JSON: {exc}") from None
    if _depth(data) > MAX_DEPTH:
        raise too_deep
    return data


def read_catalog_file(path: Path) -> dict:
    """The parsed catalog (a mapping), or a ValidationError with the file, line and reason."""
    try:
        data = _parse(path)
    except _Refused as exc:
        line, field, value, reason = exc.args
        raise ValidationError([Problem(str(path), line, field, value, reason, "line")]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ValidationError([Problem(str(path), line, None, None,
                                       f"not valid YAML: {exc.problem or exc.context}", "line")]) from None
    except yaml.YAMLError as exc:
        raise ValidationError([Problem(str(path), None, None, None, f"not valid YAML: {exc}", "line")]) from None
    if not isinstance(data, dict):
        what = "empty" if data is None else f"a {type(data).__name__}"
        raise ValidationError([Problem(str(path), None, None, None,
                                       f"目录须为映射 / a catalog must be a mapping (this one is {what})")])
    return data
