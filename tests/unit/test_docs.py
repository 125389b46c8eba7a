"""Docs that check themselves: commands have help, the schema doc is generated, compose agrees."""
import re
from pathlib import Path

import typer
import yaml

from jinshang.cli.app import app
from graph.schema_docs import to_markdown
from graph.settings import NEO4J_IMAGE, NEO4J_VERSION, Settings

ROOT = Path(__file__).resolve().parents[2]


def _commands(cmd, path=()):
    yield path, cmd
    if hasattr(cmd, "commands"):
        for name, sub in cmd.commands.items():
            yield from _commands(sub, path + (name,))


def test_every_command_and_option_has_help():
    missing = []
    for path, cmd in _commands(typer.main.get_command(app)):
        if not (cmd.help or "").strip():
            missing.append(" ".join(path) or "jinshang")
        for p in cmd.params:
            if getattr(p, "param_type_name", "") == "option" and not (p.help or "").strip() and p.name != "help":
                missing.append(f"{' '.join(path)} {p.opts[0]}")
    assert not missing, missing


def test_readme_mentions_every_top_level_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    missing = [name for name in group.commands if f"jinshang {name}" not in readme]
    assert not missing, missing


def test_schema_doc_is_the_generated_one():
    assert (ROOT / "docs" / "SCHEMA.md").read_text(encoding="utf-8") == to_markdown(), \
        "regenerate with: jinshang schema --format markdown > docs/SCHEMA.md"


def _settings_names() -> set[str]:
    return {f.alias for f in Settings.model_fields.values() if f.alias}


def test_compose_agrees_with_settings():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == NEO4J_IMAGE
    assert NEO4J_IMAGE.split(":")[1].startswith(".".join(NEO4J_VERSION.split(".")[:2]))
    used = set(re.findall(r"\$\{(\w+)", (ROOT / "docker-compose.yml").read_text(encoding="utf-8")))
    assert used and used <= _settings_names(), used - _settings_names()
    assert all(str(p).startswith("127.0.0.1:") for p in neo4j["ports"])
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"]) and "bolt://" in " ".join(neo4j["healthcheck"]["test"])
    assert "neo4j-data" in compose["volumes"]


def test_env_example_uses_the_settings_names():
    names = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(encoding="utf-8"), re.M))
    assert {"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"} <= names
    assert names <= _settings_names()


def test_env_is_ignored_by_git():
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
