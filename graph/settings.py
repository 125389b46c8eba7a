"""All settings, read in one place from the environment and `.env`.

The variable names are the ones Neo4j's own tools use (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
NEO4J_DATABASE); docker-compose.yml reads the same `.env`. When NEO4J_URI is unset, the project's
local Neo4j (see graph.local_neo4j) is the server, on 127.0.0.1.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NEO4J_VERSION = "5.26.30"  # the LTS line DESIGN.md names; docker-compose.yml pins the same minor
NEO4J_IMAGE = "neo4j:5.26-community"


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

    @property
    def uses_local_server(self) -> bool:
        return not self.neo4j_uri

    @property
    def local_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.local_port}"


def load_settings(**overrides) -> Settings:
    """Read settings now (not at import), with explicit overrides winning."""
    return Settings(**overrides)
