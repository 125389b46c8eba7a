"""The annotated sets beyond the first development set (benchmarks/devset/heldout.yaml, test.yaml,
test2.yaml, test3.yaml, dev2.yaml, dev3.yaml, test4.yaml, test5.yaml) and the scorer's `--set` option that
reads them."""
import json
import re
from pathlib import Path

import pytest
import yaml

from benchmarks import extract_quality as eq
from loaders.text import fold

ROOT = Path(__file__).resolve().parents[2]
DEVSET_DIR = ROOT / "benchmarks" / "devset"
TEXTS = Path("/work/devset")
# in the order they were built: each is disjoint from every set before it
SETS = [("dev", "annotations.yaml", "articles"), ("heldout", "heldout.yaml", "heldout"),
        ("test", "test.yaml", "test"), ("test2", "test2.yaml", "test2"), ("test3", "test3.yaml", "test3"),
        ("dev2", "dev2.yaml", "dev2"), ("dev3", "dev3.yaml", "dev3"), ("test4", "test4.yaml", "test4"),
        ("test5", "test5.yaml", "test5")]
# set → (id shape, least articles, least in traditional script)
SHAPES = {"heldout": (r"h\d\d", 12, 3), "test": (r"t\d\d", 15, 4), "test2": (r"u\d\d", 15, 4),
          "test3": (r"v\d\d", 22, 4), "dev2": (r"w\d\d", 17, 4), "dev3": (r"x\d\d", 12, 2),
          "test4": (r"y\d\d", 13, 3), "test5": (r"z\d\d", 22, 10)}

REQUIRED = {"chambers": {"name"}, "people": {"person", "chamber", "title"}, "events": {"date", "city"},
            "signed": {"count", "amount_yi"}, "projects": {"name", "amount_yi", "county"},
            "ambassadors": {"person", "city"}, "liaison_offices": {"org", "city"}}


def _articles(name):
    file = dict((s, f) for s, f, _ in SETS)[name]
    return yaml.safe_load((DEVSET_DIR / file).read_text(encoding="utf-8"))["articles"]


def _earlier(name):
    names = [s for s, _, _ in SETS]
    return names[:names.index(name)]


@pytest.mark.parametrize("name", SHAPES)
def test_the_set_is_in_the_development_schema_and_holds_no_sentences(name):
    pattern, least, traditional = SHAPES[name]
    articles = _articles(name)
    assert len(articles) >= least if name == "heldout" else len(articles) == least
    assert {str(a["script"]).split()[0] for a in articles.values()} == {"simplified", "traditional"}
    assert sum(str(a["script"]).startswith("traditional") for a in articles.values()) >= traditional
    for aid, a in articles.items():
        assert re.fullmatch(pattern, aid) and re.fullmatch(r"[0-9a-f]{64}", a["sha256"]), aid
        assert "title" not in a, aid  # headlines are third-party text
        for section in ("facts", "optional"):
            for kind, facts in (a.get(section) or {}).items():
                assert kind in eq.KINDS, (aid, kind)
                for fact in facts:
                    assert all(not isinstance(v, str) or len(v) <= 40 for v in fact.values()), (aid, fact)
                    if section == "facts":
                        assert REQUIRED[kind] <= set(fact), (aid, fact)


@pytest.mark.parametrize("name", SHAPES)
def test_no_article_of_the_set_is_in_an_earlier_set(name):
    mine = _articles(name)
    for earlier in map(_articles, _earlier(name)):
        assert not {a["url"] for a in earlier.values()} & {a["url"] for a in mine.values()}
        assert not {a["sha256"] for a in earlier.values()} & {a["sha256"] for a in mine.values()}
        assert not set(earlier) & set(mine)


def _body(path):
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\s", "", text.split("\n---\n", 1)[-1] if text.startswith("---") else text)


def _shingles(body, n=12):
    return {body[i:i + n] for i in range(len(body) - n)}


@pytest.mark.parametrize("name", ["test", "test2", "test3", "dev2", "dev3", "test4", "test5"])
def test_no_text_of_the_set_repeats_an_earlier_article(name):
    """Where the texts are on this machine: no text is a copy of an earlier article, in either script
    (a copy in the other script shares runs only once folded)."""
    folders = dict((s, d) for s, _, d in SETS)
    mine = sorted((TEXTS / folders[name]).glob("*.md"))
    earlier = [p for s in _earlier(name) for p in sorted((TEXTS / folders[s]).glob("*.md"))]
    if not mine or not earlier:
        pytest.skip("the article texts are not on this machine (benchmarks/devset/README.md)")
    for form in (lambda p: _shingles(_body(p)), lambda p: _shingles(fold(_body(p)))):
        others = [form(p) for p in earlier]
        for f in mine:
            shingles = form(f)
            assert max(len(shingles & other) for other in others) <= 0.05 * len(shingles), f.name


@pytest.mark.parametrize("name", SHAPES)
def test_set_reads_its_yaml_and_its_own_directory(name, tmp_path, capsys, monkeypatch):
    """--set only chooses the paths: with no texts and no output, every fact of the set is a miss."""
    monkeypatch.setenv(eq.OTHER_SETS[name][1], str(tmp_path))
    empty = tmp_path / "none.json"
    empty.write_text("", encoding="utf-8")
    assert eq.main(["--set", name, "--extracted", str(empty), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    articles = _articles(name)
    assert figures["articles"] == len(articles) and figures["scored_articles"] == 0
    gold = {k: sum(len((a.get("facts") or {}).get(k) or []) for a in articles.values()) for k in eq.KINDS}
    assert {k: v["gold"] for k, v in figures["kinds"].items()} == gold
    assert all(v["matched"] == 0 and v["extracted"] == 0 for v in figures["kinds"].values())


def test_explicit_paths_win_over_the_set(capsys):
    sample = DEVSET_DIR / "sample"
    eq.main(["--set", "heldout", "--annotations", str(sample / "annotations.yaml"),
             "--extracted", str(sample / "extracted.json"), "--json"])
    assert json.loads(capsys.readouterr().out)["articles"] == len(yaml.safe_load(
        (sample / "annotations.yaml").read_text(encoding="utf-8"))["articles"])
