"""All settings, read in one place from the environment and `.env`.

The variable names are the ones Neo4j's own tools use (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
NEO4J_DATABASE); docker-compose.yml reads the same `.env`. When NEO4J_URI is unset, the project's
local Neo4j (see graph.local_neo4j) is the server, on 127.0.0.1, with its own password
(var/neo4j/password): NEO4J_USER and NEO4J_PASSWORD are for another server only.

Every value is checked here, so that a bad one is one line naming the variable, never a
traceback later (which could print a URI with a password in it):

>>> load_settings(_env_file=None, NEO4J_URI="http://db")
Traceback (most recent call last):
graph.settings.SettingsError: NEO4J_URI='http://db': 不是 Neo4j 驱动支持的协议; scheme 'http' is not one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.errors import JinshangError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NEO4J_VERSION = "5.26.30"  # the LTS line DESIGN.md names; docker-compose.yml pins the same minor
NEO4J_IMAGE = "neo4j:5.26-community"
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")  # the driver's
# Neo4j 5's rule for database names (case-insensitive): a letter, then letters, digits, . and -.
DATABASE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.\-]{2,62}")
_USERINFO = re.compile(r"(?<=://)[^/@\s]*@")


class SettingsError(JinshangError):
    """A setting (environment or .env) has a value the project cannot use."""


def mask_uri(uri: str) -> str:
    """The URI with any ``user:password@`` replaced, fit to print.

    >>> mask_uri("bolt://neo4j:secretpw@db:7687")
    'bolt://***@db:7687'
    """
    return _USERINFO.sub("***@", uri)


class Settings(BaseSettings):
    """Settings for one run.

    >>> Settings(_env_file=None, NEO4J_URI="bolt://db:7687").uses_local_server
    False
    """

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore",
                                      populate_by_name=True)

    neo4j_uri: str | None = Field(default=None, alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", alias="NEO4J_USER")
    neo4j_password: SecretStr | None = Field(default=None, alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", alias="NEO4J_DATABASE")

    # The project's own local server.
    var_dir: Path = Field(default=PROJECT_ROOT / "var", alias="JINSHANG_VAR")
    local_port: int = Field(default=7687, alias="JINSHANG_NEO4J_PORT")
    local_heap: str = Field(default="1g", alias="JINSHANG_NEO4J_HEAP")
    local_pagecache: str = Field(default="512m", alias="JINSHANG_NEO4J_PAGECACHE")
    # Where the Maven-fetched jars go (default: <JINSHANG_VAR>/neo4j/lib); pointing several var
    # dirs (e.g. the tests' temporary ones) at one cache means Maven runs once.
    local_lib: Path | None = Field(default=None, alias="JINSHANG_NEO4J_LIB")
    out_dir: Path = Field(default=PROJECT_ROOT / "out", alias="JINSHANG_OUT")

    # Loads up to this many rows are one transaction; larger ones journaled batches (graph.writer).
    atomic_limit: int = Field(default=50_000, alias="JINSHANG_ATOMIC_LIMIT", ge=1)
    batch_size: int = Field(default=5000, alias="JINSHANG_BATCH_SIZE", ge=1)

    @field_validator("*", mode="before")
    @classmethod
    def _no_control_characters(cls, value):
        # A NUL or an escape from a careless .env would reach a path, a URI or the terminal.
        if isinstance(value, str) and re.search(r"[\x00-\x1f\x7f]", value):
            raise ValueError("含控制字符 (如 NUL); contains a control character such as NUL")
        return value

    @field_validator("neo4j_uri")
    @classmethod
    def _check_uri(cls, uri: str | None) -> str | None:
        if uri is None or not uri.strip():
            return None  # NEO4J_URI= (empty) is unset: the local server
        try:
            parts = urlsplit(uri.strip())
        except ValueError as exc:
            raise ValueError(f"不是合法的 URI; not a valid URI ({exc})") from None
        if parts.scheme.lower() not in URI_SCHEMES:
            raise ValueError(f"不是 Neo4j 驱动支持的协议; scheme {parts.scheme or '(none)'!r} is "
                             f"not one of {', '.join(URI_SCHEMES)}")
        if "@" in parts.netloc:
            raise ValueError("URI 中不要写用户名和密码; put credentials in NEO4J_USER and "
                             "NEO4J_PASSWORD, not in the URI")
        try:
            port = parts.port
        except ValueError:
            port = -1
        if port == -1 or port == 0:
            raise ValueError("端口不是 1–65535 的数字; the port is not a number from 1 to 65535")
        if not parts.hostname:
            raise ValueError("缺少主机名; no host name")
        if parts.path not in ("", "/") or parts.fragment:
            raise ValueError("URI 不能含路径; a Bolt URI has no path")
        return uri.strip()

    @field_validator("neo4j_user")
    @classmethod
    def _check_user(cls, user: str) -> str:
        if not user.strip():
            raise ValueError("用户名为空; the user name is empty")
        return user

    @field_validator("neo4j_database")
    @classmethod
    def _check_database(cls, name: str) -> str:
        if name.lower() == "system":
            raise ValueError("system 库存放用户和权限, 不存放图谱; the system database holds users "
                             "and privileges, not the graph")
        if not DATABASE_NAME.fullmatch(name):
            raise ValueError("不是合法的数据库名; not a Neo4j database name (3-63 characters: a "
                             "letter, then letters, digits, '.' or '-')")
        return name

    @field_validator("local_port", mode="before")
    @classmethod
    def _check_port(cls, port):
        try:
            number = int(str(port).strip())
        except ValueError:
            number = 0
        if not 1 <= number <= 65535:
            raise ValueError("不是 1–65535 的端口号; not a port number from 1 to 65535")
        return number

    @field_validator("local_heap", "local_pagecache")
    @classmethod
    def _check_size(cls, size: str) -> str:
        # Passed to the JVM as -Xmx<size> and to Neo4j: a typo would only fail inside the JVM.
        if not re.fullmatch(r"[1-9][0-9]*[kKmMgG]?", size.strip()):
            raise ValueError("不是内存大小 (如 512m, 1g); not a memory size such as 512m or 1g")
        return size.strip()

    @property
    def uses_local_server(self) -> bool:
        return not self.neo4j_uri

    @property
    def local_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.local_port}"


def load_settings(**overrides) -> Settings:
    """Read settings now (not at import), with explicit overrides winning.

    Raises SettingsError with one line per bad variable (value shown masked: never a password).
    """
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise SettingsError(describe_validation_error(exc)) from None
    except UnicodeDecodeError as exc:  # pydantic-settings reads .env as UTF-8
        raise SettingsError(f".env: byte {exc.start}: 不是 UTF-8 文本, 请另存为 UTF-8; not UTF-8 "
                            f"text ({exc.reason}): save it as UTF-8") from None


def describe_validation_error(exc: ValidationError) -> str:
    """One line per problem: ``NAME='value': reason``, the password never shown."""
    aliases = {name: field.alias or name for name, field in Settings.model_fields.items()}
    lines = []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "settings"
        name = aliases.get(name, name)
        reason = error["msg"].removeprefix("Value error, ")
        value = error.get("input")
        if name == "NEO4J_PASSWORD" or not isinstance(value, (str, int, Path)):
            lines.append(f"{name}: {reason}")
        else:
            lines.append(f"{name}={mask_uri(str(value))!r}: {reason}")
    return "\n".join(lines)
