"""The extraction-quality scorer (benchmarks/extract_quality.py) and the development set's annotations."""
import re
from pathlib import Path

import pytest
import yaml

from benchmarks import extract_quality as eq

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "benchmarks" / "devset" / "sample"
DEVSET = ROOT / "benchmarks" / "devset" / "annotations.yaml"


def test_scorer_on_the_synthetic_sample(capsys):
    """Two synthetic articles: the figures below are counted by hand from sample/*.{yaml,json}."""
    code = eq.main(["--annotations", str(SAMPLE / "annotations.yaml"),
                    "--extracted", str(SAMPLE / "extracted.json"), "--json"])
    assert code == 0
    import json
    kinds = json.loads(capsys.readouterr().out)["kinds"]
    # 示例山西商会 = 示例市山西商会 and 示例省山西商會 = 示例省山西商会; 晋商俱乐部 is optional;
    # 外省山西商会 (a generic mention) is the one false positive.
    assert (kinds["chambers"]["matched"], kinds["chambers"]["gold"], kinds["chambers"]["extracted"]) == (2, 2, 3)
    # 副会长兼秘书长 given as its two parts counts once; 丙三 is missed; 甲一 at 外省山西商会 is wrong.
    assert (kinds["people"]["matched"], kinds["people"]["gold"], kinds["people"]["extracted"]) == (2, 3, 3)
    assert kinds["people"]["precision"] == pytest.approx(2 / 3)
    # 忻州 = 忻州市; a year-less annotated 07-23 matches 2019-07-23.
    assert kinds["events"]["recall"] == 1.0 and kinds["events"]["precision"] == 1.0
    # 0.49 亿 is 4850 万元 within rounding; 代縣 = 代县.
    assert kinds["projects"]["matched"] == 1 and kinds["signed"]["matched"] == 1
    # an ambassador of 中山区 may be attached to 大连市
    assert kinds["ambassadors"]["recall"] == 1.0
    assert kinds["liaison_offices"]["recall"] == 0.0 and kinds["liaison_offices"]["precision"] is None


def test_verbose_lists_misses_and_false_positives(capsys):
    eq.main(["--annotations", str(SAMPLE / "annotations.yaml"),
             "--extracted", str(SAMPLE / "extracted.json"), "--verbose"])
    out = capsys.readouterr().out
    assert "s1: person=丙三, chamber=示例市山西商会, title=监事长" in out
    assert "s1: name=外省山西商会" in out
    assert "s1: org=示例市山西商会, city=忻州市" in out


@pytest.mark.parametrize("gold, pred, same", [
    (13.44, 13.44, True), (0.485, 0.49, True), (57, 57.0, True), (10696.75, 10700, True),
    (45.05, 45.5, False), (None, 3.0, True), (8, None, False)])
def test_amounts_within_rounding(gold, pred, same):
    assert eq.same_amount(gold, pred) is same


def test_extractor_output_forms():
    one = '{"source": {}, "nodes": [], "relationships": []}'
    assert len(eq.parse_extract_output(one)) == 1
    assert len(eq.parse_extract_output(f"[{one}, {one}]")) == 2
    assert len(eq.parse_extract_output(f"{one}\n{one}\n{one}\n")) == 3


def test_development_set_annotations_are_complete_and_hold_no_sentences():
    articles = yaml.safe_load(DEVSET.read_text(encoding="utf-8"))["articles"]
    assert len(articles) >= 30
    scripts = {str(a["script"]).split()[0] for a in articles.values()}
    assert scripts == {"simplified", "traditional"}
    assert len({re.sub(r"^https?://", "", a["url"]).split("/")[0] for a in articles.values()}) >= 10
    for aid, a in articles.items():
        assert re.fullmatch(r"[0-9a-f]{64}", a["sha256"]), aid
        assert "title" not in a, aid  # headlines are third-party text; the url identifies the article
        for section in ("facts", "optional"):
            for kind, facts in (a.get(section) or {}).items():
                assert kind in eq.KINDS, (aid, kind)
                for fact in facts:
                    for value in fact.values():
                        # facts and figures only: names, titles, numbers, dates — never a sentence
                        assert not isinstance(value, str) or len(value) <= 40, (aid, value)
                    if section == "facts":
                        assert {"chambers": {"name"}, "people": {"person", "chamber", "title"},
                                "events": {"date", "city"}, "signed": {"count", "amount_yi"},
                                "projects": {"name", "amount_yi", "county"}, "ambassadors": {"person", "city"},
                                "liaison_offices": {"org", "city"}}[kind] <= set(fact), (aid, fact)
