"""A seeded, SYNTHETIC 2017 project ledger for 忻州市 whose totals equal the published ones exactly.

The seed article gives only totals; the analyses need project rows. This module invents 208 rows
signed in 2017 and 60 signed in 2016 (合成演示数据, not real) that add up to every figure the
article publishes, as a report as of 2017-12-31:

=====================================================  ===========================
published figure                                       how the ledger reproduces it
=====================================================  ===========================
208 projects, 1121.6亿元                                rows with ``签约时间`` in 2017
6 projects of 30亿元 or more, 238亿元                    ``总投资 >= 30``
19 Fortune-500 / central-SOE projects, 182.4亿元         ``500强/央企 = 是``
69 new-industry projects, 455.1亿元                      ``新型产业 = 是``
140 landed, 192 started                                 ``落地时间`` / ``开工时间`` in 2017
364亿元 funds in place                                   ``到位资金(亿元)``, all rows
47 projects / 307亿元 at the 2017-05-12 珠海 event        ``签约活动``
11 projects / 57亿元 at the 2017-04-08 镇江 event         ``签约活动``
the five projects signed at the 2017-08-02 北京 event    same names as the seed's Project nodes
=====================================================  ===========================

**Landed and started (milestones with dates).** Stages are ordered (签约 < 落地 < 开工 < 投产: a
project at 开工 has landed), and each milestone has a date (``落地时间``, ``开工时间``,
``投产时间``; loaders/ledger_reports.py). "Landed in 2017" and "started in 2017" count those dates
within the year, whenever the project was signed. That is why the article's year has more
starts than landings: projects signed and landed in 2016 started in 2017. The ledger has

- the 208 projects signed in 2017: 68 at 签约 (the five Beijing projects among them, as the seed
  has them), 8 at 落地, 60 at 开工 and 72 at 投产, every milestone dated in 2017: **140 landed**
  (8 + 60 + 72) and 132 started in 2017;
- 60 projects signed and landed in 2016 that started in 2017 (``CARRIED``, 300亿元 between
  them, a made-up figure: the article gives none): 132 + 60 = **192 started** in 2017.

Amounts are integers of 0.1亿元 internally, so every sum is exact; funds in place never exceed a
project's amount and only landed or started projects have any. Introducers (引荐商会/引荐人) are
the seed's chambers and people, drawn with a power-law skew (a few hub chambers introduce most
projects) and biased toward the chambers that attended the signing event.

>>> df = generate_demo_ledger()
>>> signed = df[df["签约时间"].str.startswith("2017")]
>>> len(signed), round(float(signed["总投资(亿元)"].sum()), 1)
(208, 1121.6)
>>> int(df["落地时间"].str.startswith("2017").sum()), int(df["开工时间"].str.startswith("2017").sum())
(140, 192)
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

SOURCE_NAME = "demo-ledger-2017"
TITLE = "合成演示项目台账（非真实数据）"

COUNTIES = ["忻府区", "定襄县", "五台县", "代县", "繁峙县", "宁武县", "静乐县", "神池县", "五寨县",
            "岢岚县", "河曲县", "保德县", "偏关县", "原平市", "忻州经济开发区", "五台山风景区"]
# New industries (新型产业) first; a new-industry project is always in one of them.
NEW_INDUSTRIES = ["大数据", "新能源", "新材料", "电子竞技", "节能环保", "医药健康"]
OTHER_INDUSTRIES = ["文化旅游", "文化产业", "农产品加工", "农林牧渔", "现代物流", "装备制造",
                    "煤电化工", "汽车服务", "教育", "环保包装"]
CHAMBERS = ["广东山西商会", "珠海山西商会", "北京山西企业商会", "镇江山西商会", "浙江山西商会",
            "南京山西商会", "吉林省山西商会", "湖北山西商会", "扬州山西商会", "南通山西商会", "盐城山西商会"]
PEOPLE = {"闫国军": "珠海山西商会", "高山": "广东山西商会", "李建国": None, "赵文祥": None,
          "张再炜": None, "王建勇": None, "赵梅梅": None}
ZHUHAI, ZHENJIANG, BEIJING = "event:2017-05-12/珠海市", "event:2017-04-08/镇江市", "event:2017-08-02/北京市"
OTHER_EVENTS = ["event:2017-03-16/北京市", "event:2017-06-15/广州市", "event:2017-08-31/长春市",
                "event:2017-11-17/深圳市"]
EVENT_CHAMBERS = {  # who attended each event (the seed's ATTENDED edges): introducers lean on them
    ZHUHAI: ["珠海山西商会", "广东山西商会"],
    ZHENJIANG: ["镇江山西商会", "南京山西商会", "珠海山西商会", "扬州山西商会", "南通山西商会",
                "盐城山西商会", "湖北山西商会", "浙江山西商会"],
    BEIJING: ["北京山西企业商会"], "event:2017-06-15/广州市": ["广东山西商会"],
    "event:2017-08-31/长春市": ["吉林省山西商会"],
}
BEIJING_PROJECTS = [  # the seed's names, so the rows merge with its Project nodes
    ("牧马河景观工程项目", "忻府区", "文化旅游"),
    ("五台县佛光文化创意产业园区建设项目", "五台县", "文化产业"),
    ("代县峪河源生态漂流旅游项目", "代县", "文化旅游"),
    ("钓鱼台景区开发项目", "原平市", "文化旅游"),
    ("忻州实验双语学校双语幼儿园建设项目", "忻府区", "教育"),
]
LANDED = frozenset({"落地", "开工", "投产"})  # stages are ordered: a project at 开工 has landed
STARTED = frozenset({"开工", "投产"})
STAGE_COUNTS = {"签约": 68, "落地": 8, "开工": 60, "投产": 72}  # the 208 signed in 2017
CARRIED, CARRIED_TOTAL = 60, 3000  # signed and landed in 2016, started in 2017 (0.1亿元, made up)
AS_OF = date(2017, 12, 31)  # the ledger reports the year
YEAR_END = date(2017, 12, 31)

# Published totals, in 0.1亿元.
TOTAL, N = 11216, 208
LARGE, N_LARGE = 2380, 6
F500, N_F500 = 1824, 19
NEW, N_NEW = 4551, 69
FUNDS = 3640
EVENT_TOTALS = {ZHUHAI: (47, 3070), ZHENJIANG: (11, 570)}
SMALL_MIN, SMALL_MAX, LARGE_MIN = 3, 299, 300  # a project under 30亿元 is at most 29.9亿元


def _split(total: int, n: int, lo: int, hi: int, rng: np.random.Generator, sigma: float = 0.8) -> list[int]:
    """`n` integers in [lo, hi] summing to `total`, skewed (log-normal weights)."""
    if n == 0:
        if total:
            raise ValueError("nothing to split into")
        return []
    if not n * lo <= total <= n * hi:
        raise ValueError(f"cannot split {total} into {n} parts in [{lo}, {hi}]")
    parts = np.full(n, lo, dtype=np.int64)
    rest = total - n * lo
    weights = rng.lognormal(0.0, sigma, n)
    while rest > 0:  # proportional fill; capped parts drop out and the rest is spread again
        room = hi - parts
        w = np.where(room > 0, weights, 0.0)
        add = np.minimum(np.floor(rest * w / w.sum()).astype(np.int64), room)
        if add.sum() == 0:
            add[rng.choice(np.flatnonzero(room > 0))] = 1
        parts += add
        rest -= int(add.sum())
    return [int(p) for p in parts]


def _assign(rng: np.random.Generator) -> pd.DataFrame:
    """One row per project with its event, flags and stage; amounts come later."""
    rows = [{"event": ZHUHAI} for _ in range(47)] + [{"event": ZHENJIANG} for _ in range(11)]
    rows += [{"event": BEIJING, "name": n, "county": c, "industry": i} for n, c, i in BEIJING_PROJECTS]
    rest = N - len(rows)
    others = rng.choice(OTHER_EVENTS + [""], size=rest, p=[0.06, 0.08, 0.06, 0.06, 0.74])
    rows += [{"event": str(e)} for e in others]
    df = pd.DataFrame(rows)
    free = df.index[df["event"] != BEIJING].to_numpy()  # the Beijing five stay plain, as in the seed
    df["large"] = False
    df["f500"] = False
    df["new"] = False
    # 2 of the large projects at 珠海 (its 307亿 easily holds them), 4 elsewhere; none at 镇江
    zh = df.index[df["event"] == ZHUHAI].to_numpy()
    elsewhere = df.index[df["event"].isin(OTHER_EVENTS + [""])].to_numpy()
    large = list(rng.choice(zh, 2, replace=False)) + list(rng.choice(elsewhere, 4, replace=False))
    df.loc[large, "large"] = True
    df.loc[rng.choice(free, N_F500, replace=False), "f500"] = True
    df.loc[rng.choice(free, N_NEW, replace=False), "new"] = True
    return df


def _amounts(df: pd.DataFrame, rng: np.random.Generator) -> list[int]:
    """Amounts (0.1亿元) meeting every published total: members of several totals get random
    amounts, then each total's residual is split among the projects that belong to it alone."""
    groups = {
        "large": (df["large"], LARGE), "f500": (df["f500"], F500), "new": (df["new"], NEW),
        "zh": (df["event"] == ZHUHAI, EVENT_TOTALS[ZHUHAI][1]),
        "zj": (df["event"] == ZHENJIANG, EVENT_TOTALS[ZHENJIANG][1]),
    }
    member = pd.DataFrame({g: m for g, (m, _) in groups.items()})
    k = member.sum(axis=1)
    amount = pd.Series(0, index=df.index, dtype=np.int64)
    typical = {"large": 400, "f500": 90, "new": 60, "zh": 40, "zj": 45}
    for i in df.index[k >= 2]:
        gs = [g for g in groups if member.at[i, g]]
        if "large" in gs:
            amount[i] = int(rng.integers(310, 420))
        else:
            mean = min(typical[g] for g in gs)
            amount[i] = int(np.clip(rng.lognormal(np.log(mean), 0.4), 10, 200))
    for g, (mask, target) in groups.items():
        pure = df.index[mask & (k == 1)]
        residual = target - int(amount[mask & (k >= 2)].sum())
        lo, hi = (LARGE_MIN, 600) if g == "large" else (SMALL_MIN, SMALL_MAX)
        amount[pure] = _split(residual, len(pure), lo, hi, rng)
    plain = df.index[k == 0]
    amount[plain] = _split(TOTAL - int(amount[k > 0].sum()), len(plain), SMALL_MIN, SMALL_MAX, rng, 1.0)
    return [int(a) for a in amount]


MAX_DRAWS = 50


def _assign_with_amounts(rng: np.random.Generator) -> tuple[pd.DataFrame, list[int]]:
    """Rows and amounts, drawn again (from the same generator) until every total fits.

    Why a redraw: the six large projects must add up to 238亿元 with each in [30, 60]亿元, a tight
    fit. A large project that also counts in another total (500强, 新型产业, 珠海) gets its amount
    drawn before the large residual is known; when chance puts most of the six into other totals,
    what is left for the rest can be more than 60亿元 each, or something with no project left to
    hold it (7 of the seeds 2017–2066 did this). A seed whose first draw fits gives the same ledger
    as before, because the generator is only drawn from again after a misfit.
    """
    for _ in range(MAX_DRAWS):
        df = _assign(rng)
        try:
            return df, _amounts(df, rng)
        except ValueError:
            continue
    raise RuntimeError(f"no ledger fits the published totals after {MAX_DRAWS} draws")  # not seen for any seed


def _stages(df: pd.DataFrame, rng: np.random.Generator) -> list[str]:
    stage = pd.Series("", index=df.index)
    beijing = df.index[df["event"] == BEIJING]
    stage[beijing] = "签约"
    rest = rng.permutation(df.index[df["event"] != BEIJING].to_numpy())
    pool = ["签约"] * (STAGE_COUNTS["签约"] - len(beijing)) + [
        s for s in ("落地", "开工", "投产") for _ in range(STAGE_COUNTS[s])]
    stage[rest] = pool
    return list(stage)


def _funds(amount: list[int], stage: list[str], rng: np.random.Generator) -> list[int]:
    """3640 (0.1亿元) over landed or started projects, in production ones getting more, never
    more than a project's amount."""
    idx = [i for i, s in enumerate(stage) if s in LANDED | STARTED]
    share = {"落地": 0.15, "开工": 0.3, "投产": 0.45}
    funds = [0] * len(amount)
    want = np.array([amount[i] * share[stage[i]] * rng.uniform(0.6, 1.4) for i in idx])
    alloc = np.minimum(np.floor(want * FUNDS / want.sum()).astype(np.int64), [amount[i] for i in idx])
    rest = FUNDS - int(alloc.sum())
    order = rng.permutation(len(idx))
    while rest > 0:  # hand out the rounding remainder one 0.1亿 at a time where there is room
        for j in order:
            if rest and alloc[j] < amount[idx[j]]:
                alloc[j] += 1
                rest -= 1
    for j, i in enumerate(idx):
        funds[i] = int(alloc[j])
    return funds


def _days(start: date, rng: np.random.Generator, lo: int, hi: int, cap: date) -> date:
    return min(start + timedelta(days=int(rng.integers(lo, hi))), cap)


def _milestones(signed: date, stage: str, rng: np.random.Generator) -> tuple[str, str, str]:
    """落地, 开工 and 投产 dates (ISO, or "") of a project signed in 2017, all within 2017."""
    landed = started = produced = None
    if stage in LANDED:
        landed = _days(signed, rng, 15, 75, date(2017, 12, 20))
    if stage in STARTED:
        started = _days(landed, rng, 10, 60, date(2017, 12, 28))
    if stage == "投产":
        produced = _days(started, rng, 20, 120, YEAR_END)
    return tuple(d.isoformat() if d else "" for d in (landed, started, produced))


def _carried(rng: np.random.Generator) -> list[dict]:
    """The 2016 signings that started in 2017: dates and amounts (0.1亿元)."""
    amounts = _split(CARRIED_TOTAL, CARRIED, SMALL_MIN, SMALL_MAX, rng)
    out = []
    for amount in amounts:
        signed = date(2016, 1, 5) + timedelta(days=int(rng.integers(0, 250)))
        landed = _days(signed, rng, 20, 90, date(2016, 12, 20))
        started = date(2017, 1, 10) + timedelta(days=int(rng.integers(0, 300)))
        out.append({"amount": amount, "signed": signed, "dates": (landed.isoformat(), started.isoformat(), "")})
    return out


def _power_law_pick(names: list[str], rng: np.random.Generator, exponent: float = 1.3) -> str:
    weights = 1.0 / np.arange(1, len(names) + 1) ** exponent
    return names[int(rng.choice(len(names), p=weights / weights.sum()))]


def generate_demo_ledger(seed: int = 2017) -> pd.DataFrame:
    """The synthetic ledger as a DataFrame with the ledger loader's Chinese headers.

    Parameters
    ----------
    seed : int
        Seeds every random choice; the same seed gives the same ledger.

    Examples
    --------
    >>> df = generate_demo_ledger(7)
    >>> int((df["签约活动"] == "event:2017-05-12/珠海市").sum())
    47
    >>> round(float(df.loc[df["500强/央企"] == "是", "总投资(亿元)"].sum()), 1)
    182.4
    """
    rng = np.random.default_rng(seed)
    df, amount = _assign_with_amounts(rng)
    stage = _stages(df, rng)
    # what the milestone reading added draws from its own stream, so the rest stays as it was
    later = np.random.default_rng([seed, 2016])
    carried = _carried(later)
    funds = _funds(amount + [c["amount"] for c in carried], stage + ["开工"] * CARRIED, rng)
    # Hub chambers: a fixed, seeded rank order over all chambers drives the power law.
    ranked = list(rng.permutation(CHAMBERS))
    ranked.sort(key=lambda c: c not in ("广东山西商会", "珠海山西商会", "北京山西企业商会"))
    rows = []
    for i, r in df.iterrows():
        event = r["event"]
        industry = r.get("industry")
        if not isinstance(industry, str):
            pool = NEW_INDUSTRIES if r["new"] else OTHER_INDUSTRIES
            industry = _power_law_pick(list(rng.permutation(pool)), rng, 0.8)
        county = r.get("county")
        if not isinstance(county, str):
            county = _power_law_pick(COUNTIES, rng, 0.5)
        name = r.get("name")
        if not isinstance(name, str):
            name = f"{county}{industry}演示项目{i + 1:03d}"
        local = EVENT_CHAMBERS.get(event)
        chamber = (_power_law_pick(local, rng, 1.0) if local and rng.random() < 0.8
                   else _power_law_pick(ranked, rng)) if rng.random() < 0.9 else ""
        chamber = str(chamber)
        people = [p for p, c in PEOPLE.items() if c == chamber]
        person = ""
        if people and rng.random() < 0.5:
            person = people[0]
        elif event in (BEIJING, "") and rng.random() < 0.3:
            person = str(rng.choice([p for p, c in PEOPLE.items() if c is None]))
        signed = _EVENT_DATES.get(event) or date(2017, 1, 3) + timedelta(days=int(rng.integers(0, 330)))
        rows.append(_row(name, county, amount[i], industry, signed, event, chamber, person, stage[i],
                         funds[i], r["f500"], r["new"], _milestones(signed, stage[i], later)))
    for k, c in enumerate(carried):
        county = _power_law_pick(COUNTIES, later, 0.5)
        industry = _power_law_pick(OTHER_INDUSTRIES, later, 0.8)
        chamber = str(_power_law_pick(ranked, later)) if later.random() < 0.9 else ""
        rows.append(_row(f"{county}{industry}续建演示项目{k + 1:03d}", county, c["amount"], industry, c["signed"],
                         "", chamber, "", "开工", funds[len(df) + k], False, False, c["dates"]))
    return pd.DataFrame(rows)


def _row(name, county, amount, industry, signed, event, chamber, person, stage, funds, f500, new, dates) -> dict:
    return {
        "项目名称": name, "所属县区": county, "总投资(亿元)": amount / 10, "产业": industry,
        "签约时间": signed.isoformat(), "签约活动": event, "引荐商会": chamber, "引荐人": person,
        "阶段": stage, "到位资金(亿元)": funds / 10,
        "500强/央企": "是" if f500 else "否", "新型产业": "是" if new else "否",
        "落地时间": dates[0], "开工时间": dates[1], "投产时间": dates[2],
    }


_EVENT_DATES = {e: date.fromisoformat(e.split(":")[1].split("/")[0]) for e in
                [ZHUHAI, ZHENJIANG, BEIJING, *OTHER_EVENTS]}


def write_demo_ledger(path, seed: int = 2017) -> Path:
    """Write the synthetic ledger as an ordinary XLSX (or CSV) ledger; returns the path.

    >>> import tempfile
    >>> p = write_demo_ledger(Path(tempfile.mkdtemp()) / "demo.xlsx")
    >>> p.suffix
    '.xlsx'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    df = generate_demo_ledger(seed)
    if path.suffix.lower() == ".csv":
        df.to_csv(path, index=False, encoding="utf-8")
    else:
        df.to_excel(path, index=False, engine="openpyxl", sheet_name="合成演示台账")
    return path


def load_demo_ledger(path=None, seed: int = 2017):
    """The demo ledger as validated records (written to `path`, or to a temporary file).

    Its Source is ``source:demo-ledger-2017``, marked synthetic, a report as of 2017-12-31.
    """
    import tempfile

    from loaders.ledger import load_ledger

    if path is None:
        path = Path(tempfile.mkdtemp(prefix="jinshang-demo-")) / f"{SOURCE_NAME}.xlsx"
    write_demo_ledger(path, seed)
    return load_ledger(path, synthetic=True, source_name=SOURCE_NAME, title=TITLE, as_of=AS_OF)
