"""Extraction speed: articles of about 2,000 characters per second, after start-up.

    .venv/bin/python benchmarks/extract_speed.py [--articles 300] [--seed 7]

The articles are synthetic (generated here from our own sentence templates, random names and
figures) and never written to disk. Start-up (reading the bundled dataset, building the place
and name matchers) is timed apart. The baseline, measured in the same run on the same texts, is
the unavoidable part: the traditional → simplified conversion of each text (OpenCC), so the ratio
says what the rules cost on top of it. Aim (issue 15): ≥ 50 articles per second.
"""
from __future__ import annotations

import argparse
import random
import time

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


def article(rng: random.Random, length: int = 2000) -> str:
    out = []
    while sum(map(len, out)) < length:
        name = lambda: rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))  # noqa: E731
        out.append(rng.choice(TEMPLATES).format(
            m=rng.randint(1, 12), d=rng.randint(1, 28), p=rng.choice(PLACES), c=rng.choice(CITIES),
            post=rng.choice(POSTS), name=name(), name2=name(), n=rng.randint(2, 120), k=rng.randint(2, 60),
            a=round(rng.uniform(1, 300), 1), county=rng.choice(COUNTIES), county2=rng.choice(COUNTIES)))
        if rng.random() < 0.3:
            out.append("\n")
    return "---\ntitle: 合成测试文章 (synthetic)\ndate: 2019-12-31\n---\n" + "".join(out)[:length]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts = [article(rng) for _ in range(args.articles)]

    t0 = time.perf_counter()
    from loaders.articles import extract_text
    from loaders.text import to_simplified

    extract_text(texts[0], "warmup.md")  # start-up: bundled dataset, matchers, OpenCC
    startup = time.perf_counter() - t0

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

    chars = sum(map(len, texts)) / len(texts)
    rate = len(texts) / elapsed
    print(f"articles: {len(texts)} synthetic, {chars:.0f} characters each on average")
    print(f"start-up: {startup:.2f} s")
    print(f"extract:  {elapsed:.2f} s = {rate:.0f} articles/s ({facts / len(texts):.0f} facts per article)")
    print(f"          {cpu:.2f} s of this process's CPU = {len(texts) / cpu:.0f} articles per CPU-second "
          f"(the wall-clock rate falls when other work shares the cores)")
    print(f"baseline (OpenCC t2s only): {baseline:.3f} s = {len(texts) / baseline:.0f} articles/s")
    print(f"ratio extract / baseline: {elapsed / baseline:.1f}x")
    print(f"aim ≥ 50 articles/s: {'met' if rate >= 50 else 'NOT met'} by the wall clock, "
          f"{'met' if len(texts) / cpu >= 50 else 'NOT met'} per CPU-second")


if __name__ == "__main__":
    main()
