"""Extraction speed: articles of about 2,000 characters per second, after start-up.

    .venv/bin/python benchmarks/extract_speed.py [--articles 300] [--seed 7] [--dir DIR]

The articles are synthetic (generated here from our own sentence templates, random names and
figures) and never written to disk, in two shapes:
- news-shaped: fact sentences among the sentences news pages tell around them (speeches, a county's
  profile, the atmosphere), about as many facts per 1,000 characters as the extractor finds in the
  development sets' real articles (10.5 over their 145 articles with front matter, 13.4 over their
  bodies, session 9; these give 12.5–13);
- dense: every sentence states facts, about 7 times as many per character; the worst case.
`--dir` also times the real articles (*.md, *.txt, *.html) under DIR, e.g. a development set kept
outside the repository, counted in 2,000-character articles.
Start-up (reading the bundled dataset, building the place and name matchers) is timed apart. The
baseline, measured in the same run on the same texts, is the unavoidable part: the traditional →
simplified conversion of each text (OpenCC), so the ratio says what the rules cost on top of it.
Aim (issue 15): ≥ 50 articles of 2,000 characters per second.
"""
from __future__ import annotations

import argparse
import glob
import random
import time
from pathlib import Path

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "国建文明华志伟强军平德海红梅丽晓燕东"
PLACES = ["深圳", "苏州", "天津", "珠海", "广东", "北京", "上海", "杭州", "南京", "吉林省"]
CITIES = ["深圳", "苏州", "天津", "珠海", "广州", "北京", "上海", "杭州", "南京", "长春"]
COUNTIES = ["忻府区", "定襄县", "五台县", "代县", "繁峙县", "宁武县", "静乐县", "河曲县"]
POSTS = ["会长", "常务副会长", "副会长", "秘书长", "监事长", "执行会长"]
TEMPLATES = [
    "{m}月{d}日,{p}山西商会{post}{name}带队参加在{c}举行的第{n}届晋商投资合作恳谈会。",
    "会上签约{k}个项目,总投资{a}亿元,{county}、{county2}等县区负责人到会。",
    "{m}月{d}日,忻州市在{c}举办招商引资推介会,向{p}山西商会授予忻州市招商引资联络处牌匾。",
    "推介会上,{county}文化旅游开发项目、{county2}新材料产业园项目等{k}个项目签约。",
    "向{name}、{name2}等{k}位山西籍企业家颁发了忻州市招商引资大使聘书。",
    "{p}山西商会副会长单位{c}{name}科技有限公司参加了考察。",
    "本次活动由忻州市政府主办,{p}山西商会承办,共有{n}余人参加。",
    "截至{m}月底,全市招商引资签约项目{k}个,项目总投资{a}亿元。",
]

# what news pages tell around the facts (no chamber, post, event, tally or project in them)
CONTEXT = [
    "{county}地处忻州市{side}部，境内{res}资源丰富，交通便利，区位优势明显。",
    "{title}在致辞中介绍了{county}的资源禀赋、产业基础和营商环境，诚邀各位企业家回乡考察。",
    "与会企业家围绕{topic}等话题进行了深入交流，现场气氛热烈。",
    "近年来，{county}坚持把招商引资作为经济工作的重中之重，不断优化营商环境。",
    "大家纷纷表示，将发挥自身优势，积极牵线搭桥，为家乡发展贡献力量。",
    "会议强调，要进一步完善项目跟踪服务机制，推动已签约项目尽快落地见效。",
    "{title}指出，{topic}是当前发展的重点方向，要抓住机遇、乘势而上。",
    "据介绍，{county}{res}储量可观，{topic}前景广阔。",
    "活动期间，客商们还实地参观了{county}的{site}，对当地的发展变化给予了高度评价。",
    "{title}表示，将以更优的服务、更实的举措，为投资者创造良好的发展环境。",
    "本次活动进一步加深了{p}各界对忻州的了解，拓宽了合作渠道。",
    "下一步，{county}将持续跟进洽谈项目，建立项目推进台账，实行专人负责。",
]
SIDES = ["东", "西", "南", "北", "东北", "西南"]
RESOURCES = ["煤炭", "铝土", "铁矿", "风能", "光伏", "杂粮", "旅游"]
TOPICS = ["新能源开发", "文化旅游", "现代农业", "装备制造", "数字经济", "康养产业"]
TITLES = ["市委书记", "市长", "副市长", "县委书记", "县长", "商务局局长"]
SITES = ["工业园区", "农业示范园", "古城景区", "物流园", "光伏电站"]
NEWS_SHAPE = 0.075  # the share of fact sentences giving the development sets' facts per 1,000 characters


def article(rng: random.Random, length: int = 2000, facts_share: float = 1.0) -> str:
    """A synthetic article; `facts_share` is the share of its sentences that state facts (1.0: dense)."""
    out = []
    while sum(map(len, out)) < length:
        name = lambda: rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))  # noqa: E731
        # (the dense articles draw the same random numbers as before the news shape was added)
        if out and facts_share < 1 and rng.random() >= facts_share:  # the lede states facts
            out.append(rng.choice(CONTEXT).format(
                county=rng.choice(COUNTIES), side=rng.choice(SIDES), res=rng.choice(RESOURCES),
                topic=rng.choice(TOPICS), title=rng.choice(TITLES), site=rng.choice(SITES), p=rng.choice(PLACES)))
        else:
            out.append(rng.choice(TEMPLATES).format(
                m=rng.randint(1, 12), d=rng.randint(1, 28), p=rng.choice(PLACES), c=rng.choice(CITIES),
                post=rng.choice(POSTS), name=name(), name2=name(), n=rng.randint(2, 120), k=rng.randint(2, 60),
                a=round(rng.uniform(1, 300), 1), county=rng.choice(COUNTIES), county2=rng.choice(COUNTIES)))
        if rng.random() < 0.3:
            out.append("\n")
    return "---\ntitle: 合成测试文章 (synthetic)\ndate: 2019-12-31\n---\n" + "".join(out)[:length]


def _time(texts: list[str], extract_text, to_simplified) -> dict:
    t0 = time.perf_counter()
    for t in texts:
        to_simplified(t)
    baseline = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    facts = 0
    for i, t in enumerate(texts):
        f = extract_text(t, f"a{i}.md")
        facts += len(f.nodes) + len(f.rels)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(map(len, texts))
    return {"n": len(texts), "chars": chars, "facts": facts, "elapsed": elapsed, "cpu": cpu,
            "baseline": baseline, "k2000": chars / 2000}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dir", type=Path, help="also time the real articles under this folder")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    corpora = {"news-shaped": [article(rng, facts_share=NEWS_SHAPE) for _ in range(args.articles)]}
    rng = random.Random(args.seed)
    corpora["dense"] = [article(rng) for _ in range(args.articles)]
    if args.dir:
        files = sorted(Path(f) for f in glob.glob(f"{args.dir}/**/*", recursive=True)  # (through links)
                       if Path(f).suffix in (".md", ".txt", ".html"))
        if not files:
            ap.error(f"no article (*.md, *.txt, *.html) under {args.dir}")
        corpora[f"real ({args.dir})"] = [f.read_text(encoding="utf-8") for f in files]

    t0 = time.perf_counter()
    from loaders.articles import extract_text
    from loaders.text import to_simplified

    extract_text(corpora["dense"][0], "warmup.md")  # start-up: bundled dataset, matchers, OpenCC
    print(f"start-up: {time.perf_counter() - t0:.2f} s (timed apart)")
    print("all articles synthetic except a --dir folder's; rates in articles of 2,000 characters "
          "(a text's characters / 2,000)")
    for name, texts in corpora.items():
        r = _time(texts, extract_text, to_simplified)
        wall, per_cpu = r["k2000"] / r["elapsed"], r["k2000"] / r["cpu"]
        print(f"\n{name}: {r['n']} articles, {r['chars'] / r['n']:.0f} characters each on average, "
              f"{1000 * r['facts'] / r['chars']:.1f} facts per 1,000 characters")
        print(f"  extract:  {r['elapsed']:.2f} s = {wall:.0f} articles/s by the wall clock; "
              f"{r['cpu']:.2f} s of this process's CPU = {per_cpu:.0f} articles per CPU-second")
        print(f"  baseline (OpenCC t2s only): {r['baseline']:.3f} s; ratio extract / baseline: "
              f"{r['elapsed'] / r['baseline']:.0f}x")
        print(f"  aim ≥ 50 articles/s: {'met' if wall >= 50 else 'NOT met'} by the wall clock, "
              f"{'met' if per_cpu >= 50 else 'NOT met'} per CPU-second")


if __name__ == "__main__":
    main()
