"""The held-out set (benchmarks/devset/heldout.yaml) and the scorer's `--set heldout` option."""
import json
import re
from pathlib import Path

import yaml

from benchmarks import extract_quality as eq

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "benchmarks" / "devset" / "annotations.yaml"
HELDOUT = ROOT / "benchmarks" / "devset" / "heldout.yaml"

REQUIRED = {"chambers": {"name"}, "people": {"person", "chamber", "title"}, "events": {"date", "city"},
            "signed": {"count", "amount_yi"}, "projects": {"name", "amount_yi", "county"},
            "ambassadors": {"person", "city"}, "liaison_offices": {"org", "city"}}


def _articles(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]


def test_heldout_set_is_in_the_development_schema_and_holds_no_sentences():
    articles = _articles(HELDOUT)
    assert len(articles) >= 12
    assert {str(a["script"]).split()[0] for a in articles.values()} == {"simplified", "traditional"}
    assert sum(str(a["script"]).startswith("traditional") for a in articles.values()) >= 3
    for aid, a in articles.items():
        assert re.fullmatch(r"h\d\d", aid) and re.fullmatch(r"[0-9a-f]{64}", a["sha256"]), aid
        assert "title" not in a, aid  # headlines are third-party text
        for section in ("facts", "optional"):
            for kind, facts in (a.get(section) or {}).items():
                assert kind in eq.KINDS, (aid, kind)
                for fact in facts:
                    assert all(not isinstance(v, str) or len(v) <= 40 for v in fact.values()), (aid, fact)
                    if section == "facts":
                        assert REQUIRED[kind] <= set(fact), (aid, fact)


def test_heldout_articles_are_not_development_articles():
    dev, held = _articles(DEVSET), _articles(HELDOUT)
    assert not {a["url"] for a in dev.values()} & {a["url"] for a in held.values()}
    assert not {a["sha256"] for a in dev.values()} & {a["sha256"] for a in held.values()}
    assert not set(dev) & set(held)


def test_set_heldout_reads_heldout_yaml_and_its_own_directory(tmp_path, capsys, monkeypatch):
    """--set heldout only chooses the paths: with no texts and no output, every held-out fact is a miss."""
    monkeypatch.setenv("JINSHANG_HELDOUT", str(tmp_path))
    empty = tmp_path / "none.json"
    empty.write_text("", encoding="utf-8")
    assert eq.main(["--set", "heldout", "--extracted", str(empty), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    held = _articles(HELDOUT)
    assert figures["articles"] == len(held) and figures["scored_articles"] == 0
    gold = {k: sum(len((a.get("facts") or {}).get(k) or []) for a in held.values()) for k in eq.KINDS}
    assert {k: v["gold"] for k, v in figures["kinds"].items()} == gold
    assert all(v["matched"] == 0 and v["extracted"] == 0 for v in figures["kinds"].values())


def test_explicit_paths_win_over_the_set(capsys):
    sample = ROOT / "benchmarks" / "devset" / "sample"
    eq.main(["--set", "heldout", "--annotations", str(sample / "annotations.yaml"),
             "--extracted", str(sample / "extracted.json"), "--json"])
    assert json.loads(capsys.readouterr().out)["articles"] == len(_articles(sample / "annotations.yaml"))
