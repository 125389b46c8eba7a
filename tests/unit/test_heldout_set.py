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


# ------------------------------------------------------------------------------------------------
# The test set (benchmarks/devset/test.yaml): the same schema, disjoint from both earlier sets, `--set test`.
# ------------------------------------------------------------------------------------------------

TEST = ROOT / "benchmarks" / "devset" / "test.yaml"


def test_test_set_is_in_the_development_schema_and_holds_no_sentences():
    articles = _articles(TEST)
    assert len(articles) == 15
    assert {str(a["script"]).split()[0] for a in articles.values()} == {"simplified", "traditional"}
    assert sum(str(a["script"]).startswith("traditional") for a in articles.values()) >= 4
    for aid, a in articles.items():
        assert re.fullmatch(r"t\d\d", aid) and re.fullmatch(r"[0-9a-f]{64}", a["sha256"]), aid
        assert "title" not in a, aid
        for section in ("facts", "optional"):
            for kind, facts in (a.get(section) or {}).items():
                assert kind in eq.KINDS, (aid, kind)
                for fact in facts:
                    assert all(not isinstance(v, str) or len(v) <= 40 for v in fact.values()), (aid, fact)
                    if section == "facts":
                        assert REQUIRED[kind] <= set(fact), (aid, fact)


def test_test_articles_are_neither_development_nor_heldout_articles():
    test = _articles(TEST)
    for earlier in (_articles(DEVSET), _articles(HELDOUT)):
        assert not {a["url"] for a in earlier.values()} & {a["url"] for a in test.values()}
        assert not {a["sha256"] for a in earlier.values()} & {a["sha256"] for a in test.values()}
        assert not set(earlier) & set(test)


def _shingles(path, n=12):
    text = path.read_text(encoding="utf-8")
    body = re.sub(r"\s", "", text.split("\n---\n", 1)[-1] if text.startswith("---") else text)
    return {body[i:i + n] for i in range(len(body) - n)}


def test_test_texts_share_no_passage_with_earlier_texts():
    """Where the texts are on this machine: no test text repeats an earlier article (a copy on another site)."""
    texts = Path("/work/devset")
    test_files = sorted((texts / "test").glob("t*.md"))
    earlier = sorted((texts / "articles").glob("*.md")) + sorted((texts / "heldout").glob("h*.md"))
    if not test_files or not earlier:
        import pytest
        pytest.skip("the article texts are not on this machine (benchmarks/devset/README.md)")
    earlier_shingles = [_shingles(p) for p in earlier]
    for f in test_files:
        mine = _shingles(f)
        assert max(len(mine & other) for other in earlier_shingles) <= 0.05 * len(mine), f.name


def test_set_test_reads_test_yaml_and_its_own_directory(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("JINSHANG_TEST", str(tmp_path))
    empty = tmp_path / "none.json"
    empty.write_text("", encoding="utf-8")
    assert eq.main(["--set", "test", "--extracted", str(empty), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    test = _articles(TEST)
    assert figures["articles"] == len(test) and figures["scored_articles"] == 0
    gold = {k: sum(len((a.get("facts") or {}).get(k) or []) for a in test.values()) for k in eq.KINDS}
    assert {k: v["gold"] for k, v in figures["kinds"].items()} == gold
    assert all(v["matched"] == 0 and v["extracted"] == 0 for v in figures["kinds"].values())


# ------------------------------------------------------------------------------------------------
# The second test set (benchmarks/devset/test2.yaml): the same schema, disjoint from all three earlier sets,
# `--set test2`.
# ------------------------------------------------------------------------------------------------

TEST2 = ROOT / "benchmarks" / "devset" / "test2.yaml"


def test_test2_set_is_in_the_development_schema_and_holds_no_sentences():
    articles = _articles(TEST2)
    assert len(articles) == 15
    assert {str(a["script"]).split()[0] for a in articles.values()} == {"simplified", "traditional"}
    assert sum(str(a["script"]).startswith("traditional") for a in articles.values()) >= 4
    for aid, a in articles.items():
        assert re.fullmatch(r"u\d\d", aid) and re.fullmatch(r"[0-9a-f]{64}", a["sha256"]), aid
        assert "title" not in a, aid
        for section in ("facts", "optional"):
            for kind, facts in (a.get(section) or {}).items():
                assert kind in eq.KINDS, (aid, kind)
                for fact in facts:
                    assert all(not isinstance(v, str) or len(v) <= 40 for v in fact.values()), (aid, fact)
                    if section == "facts":
                        assert REQUIRED[kind] <= set(fact), (aid, fact)


def test_test2_articles_are_none_of_the_earlier_articles():
    test2 = _articles(TEST2)
    for earlier in (_articles(DEVSET), _articles(HELDOUT), _articles(TEST)):
        assert not {a["url"] for a in earlier.values()} & {a["url"] for a in test2.values()}
        assert not {a["sha256"] for a in earlier.values()} & {a["sha256"] for a in test2.values()}
        assert not set(earlier) & set(test2)


def test_test2_texts_share_no_passage_with_earlier_texts():
    """Where the texts are on this machine: no test2 text repeats an earlier article, in either script."""
    from loaders.text import fold
    texts = Path("/work/devset")
    test2_files = sorted((texts / "test2").glob("u*.md"))
    earlier = (sorted((texts / "articles").glob("*.md")) + sorted((texts / "heldout").glob("h*.md"))
               + sorted((texts / "test").glob("t*.md")))
    if not test2_files or not earlier:
        import pytest
        pytest.skip("the article texts are not on this machine (benchmarks/devset/README.md)")

    def folded_shingles(path, n=12):  # a copy in the other script shares runs only once folded
        return _shingles_of(fold(_body(path)), n)

    earlier_raw = [_shingles(p) for p in earlier]
    earlier_folded = [folded_shingles(p) for p in earlier]
    for f in test2_files:
        mine, mine_folded = _shingles(f), folded_shingles(f)
        assert max(len(mine & other) for other in earlier_raw) <= 0.05 * len(mine), f.name
        assert max(len(mine_folded & other) for other in earlier_folded) <= 0.05 * len(mine_folded), f.name


def _body(path):
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\s", "", text.split("\n---\n", 1)[-1] if text.startswith("---") else text)


def _shingles_of(body, n=12):
    return {body[i:i + n] for i in range(len(body) - n)}


def test_set_test2_reads_test2_yaml_and_its_own_directory(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("JINSHANG_TEST2", str(tmp_path))
    empty = tmp_path / "none.json"
    empty.write_text("", encoding="utf-8")
    assert eq.main(["--set", "test2", "--extracted", str(empty), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    test2 = _articles(TEST2)
    assert figures["articles"] == len(test2) and figures["scored_articles"] == 0
    gold = {k: sum(len((a.get("facts") or {}).get(k) or []) for a in test2.values()) for k in eq.KINDS}
    assert {k: v["gold"] for k, v in figures["kinds"].items()} == gold
    assert all(v["matched"] == 0 and v["extracted"] == 0 for v in figures["kinds"].values())
