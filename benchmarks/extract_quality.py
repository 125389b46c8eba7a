"""Extraction quality: precision and recall of `jinshang extract` per fact kind on the development set.

    python benchmarks/extract_quality.py                       # runs the extractor on /work/devset/articles
    python benchmarks/extract_quality.py --verbose             # also lists every miss and false positive
    python benchmarks/extract_quality.py --extracted out.json  # scores a saved `jinshang extract --format json`
    python benchmarks/extract_quality.py --stats               # what the development set holds

The gold facts are benchmarks/devset/annotations.yaml (hand-annotated; see its header for the conventions);
the article texts are not in the repository (benchmarks/devset/README.md says how to rebuild them).
Matching is per article and one-to-one, on loaders.text.fold forms: names equal after folding (chambers
also ignoring 市/省, so 深圳市山西商会 = 深圳山西商会), places equal without their 市/省/县/区 suffix,
amounts equal within rounding (0.5 %, at least 0.01 亿), dates equal (month and day only where the
annotation has no year; an event the extractor gives only a month-day, `month_day` --MM-DD because no
year can be known, matches only such an annotation of the same month and day). A date the extractor marks approximate (`date_approx`: 日前, 近日, …期间 stand
for the publication date, 中旬 for the 11th) is compared the same way, with no tolerance: it counts only
where it is the annotated day, or against an optional event annotated without a date (`date: null`).
Facts under an article's `optional:` are neither misses nor false positives.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from loaders.text import fold  # noqa: E402  (the project's one matching form)

ANNOTATIONS = ROOT / "benchmarks" / "devset" / "annotations.yaml"
ARTICLES = Path(os.environ.get("JINSHANG_DEVSET", "/work/devset/articles"))
# --set NAME: (annotations beside annotations.yaml, environment variable for the texts, default texts)
OTHER_SETS = {"heldout": ("heldout.yaml", "JINSHANG_HELDOUT", "/work/devset/heldout"),
              "test": ("test.yaml", "JINSHANG_TEST", "/work/devset/test"),
              "test2": ("test2.yaml", "JINSHANG_TEST2", "/work/devset/test2"),
              "test3": ("test3.yaml", "JINSHANG_TEST3", "/work/devset/test3"),
              "dev2": ("dev2.yaml", "JINSHANG_DEV2", "/work/devset/dev2"),
              "dev3": ("dev3.yaml", "JINSHANG_DEV3", "/work/devset/dev3"),
              "test4": ("test4.yaml", "JINSHANG_TEST4", "/work/devset/test4"),
              "test5": ("test5.yaml", "JINSHANG_TEST5", "/work/devset/test5")}
KINDS = ("chambers", "people", "events", "signed", "projects", "ambassadors", "liaison_offices")
KIND_TITLES = {
    "chambers": "chambers",
    "people": "people with posts",
    "events": "events with date and city",
    "signed": "signed counts and amounts",
    "projects": "projects with amount and county",
    "ambassadors": "ambassadors",
    "liaison_offices": "liaison offices",
}


# ------------------------------------------------------------------------------------------------
# Matching forms
# ------------------------------------------------------------------------------------------------

def name_key(text) -> str:
    return fold(text or "")


def chamber_key(text) -> str:
    """A chamber's name without the 市/省 of its place: the same chamber is written both ways."""
    return re.sub(r"[市省]", "", name_key(text))


_PLACE_SUFFIX = re.compile(r"(特别行政区|市|省|县|区)$")


def place_key(text) -> str:
    key = name_key(text)
    stripped = _PLACE_SUFFIX.sub("", key)
    return stripped if len(stripped) >= 2 else key


def project_key(text) -> str:
    key = re.sub(r"[《》“”\"'「」]", "", name_key(text))
    return re.sub(r"项目$", "", key)


def same_place(gold, pred) -> bool:
    options = gold if isinstance(gold, list) else [gold]
    return pred is not None and any(place_key(g) == place_key(pred) for g in options)


def same_date(gold, pred) -> bool:
    """A gold MM-DD (no year can be known) matches a dated prediction's month and day, or a yearless
    one's (--MM-DD, the extractor's `month_day`); a gold YYYY-MM-DD only that very date.

    >>> same_date("05-09", "--05-09"), same_date("05-09", "--05-19"), same_date("2019-05-09", "--05-09")
    (True, False, False)
    """
    if gold is None:
        return True
    if pred is None:
        return False
    gold, pred = str(gold), str(pred)[:10]
    if pred.startswith("--"):
        return len(gold) == 5 and pred[2:] == gold
    return pred[5:] == gold if len(gold) == 5 else pred == gold


def same_amount(gold, pred) -> bool:
    if gold is None:
        return True
    if pred is None:
        return False
    return abs(float(gold) - float(pred)) <= max(0.01, 0.005 * abs(float(gold)))


def same_count(gold, pred) -> bool:
    return gold is None or (pred is not None and int(gold) == int(pred))


def title_parts(title) -> list[str]:
    return [name_key(p) for p in re.split(r"[兼、]", str(title)) if p]


def matches(kind: str, gold: dict, pred: dict) -> bool:
    """Does the extracted fact `pred` state the annotated fact `gold`?"""
    if kind == "chambers":
        return chamber_key(gold["name"]) == chamber_key(pred["name"])
    if kind == "people":
        return (name_key(gold["person"]) == name_key(pred["person"])
                and chamber_key(gold["chamber"]) == chamber_key(pred["chamber"])
                and name_key(gold["title"]) == name_key(pred["title"]))
    if kind == "events":
        return same_date(gold.get("date"), pred.get("date")) and same_place(gold.get("city"), pred.get("city"))
    if kind == "signed":
        if gold.get("count") is None and gold.get("amount_yi") is None:
            return False
        return same_count(gold.get("count"), pred.get("count")) and same_amount(gold.get("amount_yi"), pred.get("amount_yi"))
    if kind == "projects":
        g, p = project_key(gold["name"]), project_key(pred["name"])
        same_name = g == p or (min(len(g), len(p)) >= 4 and (g in p or p in g))
        county_ok = gold.get("county") is None or same_place(gold["county"], pred.get("county"))
        return same_name and same_amount(gold.get("amount_yi"), pred.get("amount_yi")) and county_ok
    if kind == "ambassadors":
        return name_key(gold["person"]) == name_key(pred["person"]) and same_place(gold["city"], pred.get("city"))
    if kind == "liaison_offices":
        return chamber_key(gold["org"]) == chamber_key(pred["org"]) and same_place(gold["city"], pred.get("city"))
    raise ValueError(kind)


# ------------------------------------------------------------------------------------------------
# Extracted JSON → facts by kind
# ------------------------------------------------------------------------------------------------

def facts_of(doc: dict, min_confidence: float = 0.0) -> dict[str, list[dict]]:
    """The facts of one `jinshang extract --format json` object, in the annotation's shape; with
    `min_confidence`, only those at or above it (the facts `jinshang load` writes without review)."""
    nodes = {n["id"]: n for n in doc.get("nodes", []) if n.get("confidence", 1.0) >= min_confidence}
    rels = [r for r in doc.get("relationships", []) if r.get("confidence", 1.0) >= min_confidence]

    def end_name(rel_type: str, start_id: str, label: str | None = None):
        for r in rels:
            if r["type"] == rel_type and r["start"] == start_id:
                end = nodes.get(r["end"])
                if end and (label is None or end["label"] == label):
                    return end["name"]
        return None

    out: dict[str, list[dict]] = {k: [] for k in KINDS}
    for n in nodes.values():
        props = n.get("properties") or {}
        if n["label"] == "Chamber":
            out["chambers"].append({"name": n["name"], "host": end_name("BASED_IN", n["id"])})
        elif n["label"] == "Event" and (props.get("date") or props.get("month_day")):  # an undated one only for its tally
            out["events"].append({"name": n["name"], "date": props.get("date") or props.get("month_day"),
                                  "city": end_name("HELD_IN", n["id"], "City"),
                                  "approx": props.get("date_approx")})  # shown by --verbose, not matched
        elif n["label"] == "Project":
            out["projects"].append({"name": n["name"], "amount_yi": props.get("amount_yi"),
                                    "county": end_name("LOCATED_IN", n["id"])})
        if n["label"] in ("Event", "Campaign") and (
                props.get("signed_count") is not None or props.get("signed_total_yi") is not None):
            out["signed"].append({"event": n["name"], "count": props.get("signed_count"),
                                  "amount_yi": props.get("signed_total_yi")})
    for r in rels:
        start, end = nodes.get(r["start"]), nodes.get(r["end"])
        if not start or not end:
            continue
        if r["type"] == "HOLDS_POST" and end["label"] == "Chamber":
            out["people"].append({"person": start["name"], "chamber": end["name"],
                                  "title": (r.get("properties") or {}).get("title", "")})
        elif r["type"] == "AMBASSADOR_OF":
            out["ambassadors"].append({"person": start["name"], "city": end["name"]})
        elif r["type"] == "LIAISON_OFFICE_OF":
            out["liaison_offices"].append({"org": start["name"], "city": end["name"]})
    return out


def parse_extract_output(text: str) -> list[dict]:
    """`jinshang extract --format json` output: one array, or one object per file (lines or back to back)."""
    text = text.strip()
    if not text:
        return []
    try:
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        pass
    decoder, docs, i = json.JSONDecoder(), [], 0
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = decoder.raw_decode(text, i)
        docs.extend(obj if isinstance(obj, list) else [obj])
    return docs


def jinshang_command() -> list[str]:
    here = Path(sys.executable).parent / "jinshang"
    if here.exists():
        return [str(here)]
    found = shutil.which("jinshang")
    if found:
        return [found]
    return [str(ROOT / ".venv" / "bin" / "jinshang")]


def run_extractor(files: list[Path], command: list[str]) -> list[dict]:
    """`jinshang extract FILE… --format json`, the command a user runs."""
    proc = subprocess.run([*command, "extract", *map(str, files), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        sys.exit(f"jinshang extract failed (exit {proc.returncode}): {proc.stderr.strip()[:500]}")
    return parse_extract_output(proc.stdout)


def run_in_process(files: list[Path]) -> list[dict]:
    """The same facts from the library (loaders.articles), for when the command is not there yet."""
    from loaders.articles.extract import extract
    from loaders.articles.reading import read_article

    docs = []
    for f in files:
        doc = extract(read_article(f)).as_json()
        doc.setdefault("source", {})["path"] = str(f)
        docs.append(doc)
    return docs


# A naive baseline scored in the same run, so the extractor's figures have something to beat: every
# run of up to 10 characters before 商会 is a chamber; every "签约…N个…X亿元" within 30 characters is a
# signed total. No dictionary, no context.
_BASELINE_STOP = set("的了在赴与和及、到向为是由被对从将把其该我本等")
_BASELINE_SIGNED = re.compile(r"签约[^。；;]{0,12}?(\d+)个[^。；;]{0,24}?(\d+(?:\.\d+)?)亿元")


def baseline_facts(text: str) -> dict[str, list[dict]]:
    t = fold(text.split("\n---\n", 1)[-1] if text.startswith("---") else text)
    out: dict[str, list[dict]] = {k: [] for k in KINDS}
    seen = set()
    for m in re.finditer("商会", t):
        i = m.start()
        while i > 0 and m.start() - i < 10 and re.match(r"[\u3400-\u9fff]", t[i - 1]) and t[i - 1] not in _BASELINE_STOP:
            i -= 1
        name = t[i:m.end()]
        if len(name) >= 5 and name not in seen:
            seen.add(name)
            out["chambers"].append({"name": name})
    for m in _BASELINE_SIGNED.finditer(t):
        out["signed"].append({"count": int(m.group(1)), "amount_yi": float(m.group(2))})
    return out


def has_extract_command(command: list[str]) -> bool:
    try:
        proc = subprocess.run([*command, "extract", "--help"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


def assign_docs(docs: list[dict], files: list[Path], articles: dict) -> dict[str, dict]:
    """Which output object belongs to which article: by the source's path or url, else by order."""
    by_id: dict[str, dict] = {}
    url_to_id = {str(a["url"]): aid for aid, a in articles.items()}
    for doc in docs:
        src = doc.get("source") or {}
        for field in ("path", "file", "filename", "name"):
            if src.get(field) and Path(str(src[field])).stem in articles:
                by_id[Path(str(src[field])).stem] = doc
                break
        else:
            if src.get("url") in url_to_id:
                by_id[url_to_id[src["url"]]] = doc
    if len(by_id) < len(docs) and len(docs) == len(files):
        by_id = {f.stem: d for f, d in zip(files, docs)}
    return by_id


# ------------------------------------------------------------------------------------------------
# Scoring
# ------------------------------------------------------------------------------------------------

def score_article(gold: dict, optional: dict, pred: dict) -> dict[str, dict]:
    """Per kind: true positives, misses (gold) and false positives (extracted)."""
    result = {}
    for kind in KINDS:
        golds, preds = list(gold.get(kind) or []), list(pred.get(kind) or [])
        used = [False] * len(preds)
        tp, misses = 0, []
        for g in golds:
            hit = next((i for i, p in enumerate(preds) if not used[i] and matches(kind, g, p)), None)
            if hit is None and kind == "people" and len(title_parts(g["title"])) > 1:
                # a combined title (副会长兼常务副秘书长) given as its parts
                idx = [next((i for i, p in enumerate(preds) if not used[i] and matches(kind, {**g, "title": part}, p)), None)
                       for part in title_parts(g["title"])]
                if all(i is not None for i in idx):
                    for i in idx:
                        used[i] = True
                    tp += 1
                    continue
            if hit is None:
                misses.append(g)
            else:
                used[hit] = True
                tp += 1
        false_pos = [p for i, p in enumerate(preds) if not used[i]
                     and not any(_optional_match(kind, o, p) for o in (optional.get(kind) or []))]
        result[kind] = {"tp": tp, "gold": len(golds), "pred": tp + len(false_pos),
                        "misses": misses, "false_positives": false_pos}
    return result


def _optional_match(kind: str, opt: dict, pred: dict) -> bool:
    """Optional facts are looser: a name alone, or a date and place alone, suffices."""
    if kind in ("chambers", "projects") and set(opt) == {"name"}:
        key = chamber_key if kind == "chambers" else project_key
        return key(opt["name"]) == key(pred["name"])
    if kind == "events":
        return same_date(opt.get("date"), pred.get("date")) and (opt.get("city") is None or same_place(opt["city"], pred.get("city")))
    try:
        return matches(kind, opt, pred)
    except KeyError:
        return False


def prf(tp: int, gold: int, pred: int) -> tuple[float | None, float | None, float | None]:
    p = tp / pred if pred else None
    r = tp / gold if gold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return p, r, f


def fmt(x: float | None) -> str:
    return "  –  " if x is None else f"{x:5.3f}"


def describe(kind: str, fact: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in fact.items() if v not in (None, ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=ARTICLES, help="directory of <id>.md (default %(default)s; env JINSHANG_DEVSET)")
    ap.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    ap.add_argument("--extracted", type=Path, help="score this saved extractor output instead of running the extractor")
    ap.add_argument("--jinshang", help="the jinshang command (default: the one beside this Python)")
    ap.add_argument("--in-process", action="store_true",
                    help="call loaders.articles directly instead of `jinshang extract` (used anyway if the command lacks it)")
    ap.add_argument("--min-confidence", type=float, default=0.0, metavar="C",
                    help="count only facts of confidence ≥ C (0.7 = what `jinshang load` writes without review)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses and false positives")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--stats", action="store_true", help="describe the development set and exit")
    ap.add_argument("--set", choices=("dev", *OTHER_SETS), default="dev",
                    help="which annotated set: dev (annotations.yaml, texts under /work/devset/articles, the default) "
                         "or benchmarks/devset/<set>.yaml with its texts under /work/devset/<set> (env JINSHANG_<SET>); "
                         "benchmarks/devset/README.md says which sets are tuned on and which is the untouched test set")
    args = ap.parse_args(argv)
    if args.set != "dev":  # only the paths change; --articles/--annotations given explicitly still win
        annotations, env, texts = OTHER_SETS[args.set]
        if args.annotations == ANNOTATIONS:
            args.annotations = ANNOTATIONS.with_name(annotations)
        if args.articles == ARTICLES:
            args.articles = Path(os.environ.get(env, texts))

    articles = yaml.safe_load(args.annotations.read_text(encoding="utf-8"))["articles"]
    if args.stats:
        print_stats(articles)
        return 0

    files = [args.articles / f"{aid}.md" for aid in articles if (args.articles / f"{aid}.md").exists()]
    if not args.extracted:
        missing = [aid for aid in articles if not (args.articles / f"{aid}.md").exists()]
        if missing:
            print(f"note: {len(missing)} article(s) not found under {args.articles}: {', '.join(missing)} "
                  "(see benchmarks/devset/README.md); they are scored as extracted-nothing", file=sys.stderr)
        for f in files:
            want = articles[f.stem].get("sha256")
            if want and hashlib.sha256(f.read_bytes()).hexdigest() != want:
                print(f"note: {f.name} differs from the annotated text (sha256); offsets may shift, facts should not",
                      file=sys.stderr)
        command = args.jinshang.split() if args.jinshang else jinshang_command()
        if args.in_process or not has_extract_command(command):
            if not args.in_process:
                print("note: `jinshang extract` is not available; scoring loaders.articles in process", file=sys.stderr)
            docs = run_in_process(files)
        else:
            docs = run_extractor(files, command)
    else:
        docs = parse_extract_output(args.extracted.read_text(encoding="utf-8"))
    by_id = assign_docs(docs, files, articles)

    base_totals = defaultdict(lambda: Counter())
    for aid, art in articles.items():
        f = args.articles / f"{aid}.md"
        if f.exists():
            res = score_article(art.get("facts") or {}, art.get("optional") or {},
                                baseline_facts(f.read_text(encoding="utf-8")))
            for kind in ("chambers", "signed"):
                base_totals[kind].update(tp=res[kind]["tp"], gold=res[kind]["gold"], pred=res[kind]["pred"])

    totals = defaultdict(lambda: Counter())
    details = defaultdict(lambda: {"misses": [], "false_positives": []})
    for aid, art in articles.items():
        pred = facts_of(by_id[aid], args.min_confidence) if aid in by_id else {k: [] for k in KINDS}
        for kind, res in score_article(art.get("facts") or {}, art.get("optional") or {}, pred).items():
            totals[kind].update(tp=res["tp"], gold=res["gold"], pred=res["pred"])
            details[kind]["misses"] += [(aid, m) for m in res["misses"]]
            details[kind]["false_positives"] += [(aid, p) for p in res["false_positives"]]

    figures = {}
    for kind in KINDS:
        t = totals[kind]
        p, r, f = prf(t["tp"], t["gold"], t["pred"])
        figures[kind] = {"gold": t["gold"], "extracted": t["pred"], "matched": t["tp"],
                         "precision": p, "recall": r, "f1": f}
    baseline = {}
    for kind, bt in base_totals.items():
        p, r, f = prf(bt["tp"], bt["gold"], bt["pred"])
        baseline[kind] = {"matched": bt["tp"], "extracted": bt["pred"], "precision": p, "recall": r, "f1": f}
    if args.json:
        print(json.dumps({"articles": len(articles), "scored_articles": len(by_id), "kinds": figures,
                          "naive_baseline": baseline},
                         ensure_ascii=False, indent=2))
    else:
        print(f"extraction quality on {len(articles)} articles ({len(by_id)} with extractor output)")
        print(f"{'kind':34} {'gold':>5} {'extr':>5} {'match':>5}  {'prec':>5}  {'recall':>6}  {'F1':>5}")
        for kind in KINDS:
            fg = figures[kind]
            print(f"{KIND_TITLES[kind]:34} {fg['gold']:5d} {fg['extracted']:5d} {fg['matched']:5d}  "
                  f"{fmt(fg['precision'])}  {fmt(fg['recall']):>6}  {fmt(fg['f1'])}")
        for kind, b in baseline.items():
            print(f"{'  naive baseline, ' + kind:34} {'':5} {b['extracted']:5d} {b['matched']:5d}  "
                  f"{fmt(b['precision'])}  {fmt(b['recall']):>6}  {fmt(b['f1'])}")
    if args.verbose:
        for kind in KINDS:
            for label in ("misses", "false_positives"):
                rows = details[kind][label]
                if rows:
                    print(f"\n{KIND_TITLES[kind]} — {label.replace('_', ' ')} ({len(rows)}):")
                    for aid, fact in rows:
                        print(f"  {aid}: {describe(kind, fact)}")
    return 0


def print_stats(articles: dict) -> None:
    sites = Counter(urlparse(str(a["url"])).hostname for a in articles.values())
    years = Counter()
    for a in articles.values():
        dates = [str(a.get("date") or "")] + [str(e.get("date") or "") for e in (a.get("facts") or {}).get("events", [])]
        year = next((d[:4] for d in dates if re.match(r"\d{4}-", d)), "unknown")
        years[year] += 1
    scripts = Counter(str(a.get("script", "")).split()[0] for a in articles.values())
    kinds = Counter()
    for a in articles.values():
        for k in KINDS:
            kinds[k] += len((a.get("facts") or {}).get(k) or [])
    print(f"articles: {len(articles)}; sites: {len(sites)}; scripts: {dict(scripts)}")
    print(f"years: {dict(sorted(years.items()))}")
    print("annotated facts: " + ", ".join(f"{KIND_TITLES[k]} {kinds[k]}" for k in KINDS)
          + f" (total {sum(kinds.values())})")


if __name__ == "__main__":
    raise SystemExit(main())
