"""Dates and numbers as articles write them: 5月12日, 2017年3月, 11月12日至17日, 十一月底, 80余人.

A date without a year takes the article's year when that puts it in the half year before
publication; else the year the text last set (2017年3月…, "2017年,"), else the article's year, or
the year before when that would put it more than a week after publication (an article of January
on 12月; an event announced for the coming days keeps the year). A range keeps its last day
(end_date); an approximate day (中旬) is kept as approximate: its first day, `approx`.
Relative days (今天, 昨日, 前天, 上周五, 本周三) count back from the publication date and are exact; vague
ones (日前, 近日, 近期, 上周, 本周, …会期间) stand for the publication date (上周/本周: that week's
Monday) and are approximate. A range may leave out its first day's 日 (5月9—11日, 5月9至11日) or list two
days (5月9、10日); 去年5月9日 takes the year before the publication's; 定于/将于 before a day tells it as
still to come; 每年5月9日 is no one day; a year's zero may be written 〇, 零, ○ or O.
A date whose year cannot be known (no publication date and no year before it in the text) is never
given one: `yearless_dates` keeps it as a month and day (MonthDay, ISO/XSD gMonthDay "--05-09").

>>> [(d.day, d.end_day, d.approx) for d in find_dates("11月12日至17日赴阿布扎比", date(2018, 1, 11))]
[(datetime.date(2017, 11, 12), datetime.date(2017, 11, 17), False)]
>>> [(d.day, d.approx) for d in find_dates("日前,推介会在太原举办", date(2024, 4, 30))]
[(datetime.date(2024, 4, 30), True)]
>>> [(d.day, d.end_day) for d in find_dates("5月9—11日,博览会在太原举行", date(2024, 5, 20))]
[(datetime.date(2024, 5, 9), datetime.date(2024, 5, 11))]
>>> [d.day for d in find_dates("二○二三年五月九日 / 上周五", date(2024, 5, 20))]
[datetime.date(2023, 5, 9), datetime.date(2024, 5, 17)]
>>> [d.md for d in yearless_dates("7月23日,座谈会在并举行。", None, [])]
['--07-23']
>>> to_number("一百二十")
120
>>> amount_yi("3.5", "亿元"), amount_yi("5000", "万元")
(3.5, 0.5)
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import cn2an

from loaders.articles.lookahead import quicken_all

CN_DIGITS = "〇零一二三四五六七八九十百千万两"
NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_DIGITS}]+(?:点[{CN_DIGITS}]+)?)"
_N2 = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_N2X = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"  # the same, capturing nothing (in a look-ahead)
# a year's digits; zero also as ○ (a circle) or O (a letter), as pages set 二○二三年 / 二O二三年
_ZERO = "〇零○O"
_Y = rf"(\d{{4}}|[{_ZERO}一二三四五六七八九]{{4}})"
# what joins a range's days: 至 / 到 / dashes / tildes (5月9日至11日, 5月9—11日, 5月9日~11日)
_TO = r"(?:至|到|-|—|–|~|～|〜)"
# a range's first day may leave out its 日 (5月9—11日, 5月9至11日); two days may be listed (5月9、10日)
_DATE = re.compile(
    rf"(?:{_Y}\s*年\s*)?{_N2}\s*月\s*(?:{_N2}\s*(?:[日号]|(?=\s*{_TO}\s*{_N2X}\s*[日号]|、\s*{_N2X}\s*[日号]))"
    rf"|(上旬|中旬|下旬|底|末|初))"
    rf"(?:\s*(?:{_TO}|、(?=\s*{_N2X}\s*[日号]))\s*(?:{_N2}\s*月\s*)?{_N2}\s*[日号])?")
# 去年5月9日 / 今年5月9日: the year told right before the day, counted back from the publication
_YEAR_WORD_BEFORE = {"去年": 1, "前年": 2, "今年": 0}
# a day told as still to come by the words right before it: 定于5月29日 / 将于 / 拟于 / 计划于
_AHEAD_BEFORE = re.compile(r"(?:定于|将于|拟于|计划于|预计于|将在|拟在|定在)\s*$")
_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_YEAR = re.compile(rf"{_Y}\s*年|(去年|今年|前年)")
_BRACKET_YEAR = re.compile(r"(?<![\d〇零一二三四五六七八九])(?:[\d一二三四五六七八九十]{1,3}|元)年\s*[(（]\s*(\d{4})\s*(?:年\s*)?[)）]")
# 27日 at a clause's start, in an article dated that month (a wire report's dateline day; also after
# the reporter's name in brackets: 太原7月8日电(记者甲)8日,)
# (and right after an event's name when where it was held follows: 示例推介会17日在北京举行)
_DAY_ONLY = re.compile(r"(?:^|(?<=[\s,，。:：)）”])|(?<=[会式坛展])(?=\d{1,2}日(?:上午|下午|晚上?)?在))"
                       r"(\d{1,2})日(?=[,，\s上下晚]|[\u4e00-\u9fff])")
# a day told as still to come (5月28日,我省将在上海举办… / 5月18日至20日,X博览会将在武汉举行): an
# announcement keeps the article's year however far ahead the day is
# (not after the day's own event is told as done: 12月8日，推介会在广州举行，下届将在太原举办)
_AHEAD_TOLD = re.compile(r"(?:(?!举行|举办|召开|开幕|闭幕|结束|签约|了)[^。！？!?\n]){0,30}?(?:即将|将|拟)"
                         r"(?:在|于|走进|赴|举办|举行|召开|开幕|开展|启动)")
_RELATIVE_DAYS = {"前日": 2, "前天": 2, "昨日": 1, "昨天": 1, "昨晚": 1, "今日": 0, "今天": 0, "今晚": 0}
# also after a quoted name and before a verb: “X洽谈会”昨日正式闭幕 / 今天举行
# and right after an event's name, before where or how it was held: 示例洽谈会昨日在运城开幕
_RELATIVE = re.compile(r"(?:^|(?<=[\s,，。】”于]))(?:前日|前天|昨日|昨天|昨晚|今日|今天|今晚)(?=[,，上下晚在]|正式|举行|举办|召开|开幕|闭幕)"
                       r"|(?<=[会式坛展])(?:前日|前天|昨日|昨天|昨晚|今日|今天|今晚)(?=在|正式|举行|举办|召开|开幕|闭幕)")
_THIS_MONTH = re.compile(r"(本月|上月)(\d{1,2})[日号]")
# 上周五 / 本周三: a day of the publication's week or the week before, exact
_WEEKDAY = re.compile(r"(上|本|这)(?:周|星期|礼拜)([一二三四五六日天])")
_WEEKDAYS = "一二三四五六日"
# (第二天 / 隔天 / 隔日 as 次日, opening a sentence: not 博览会第二天, a day of the event)
_SAME_DAY = re.compile(r"(?:^|(?<=[\s,，。；;]))(?:当天|当日|同日|次日|翌日|第二天|隔天|隔日)(?=[,，上下晚在])")
_SAME_DAY_WORDS = ("当天", "当日", "同日", "次日", "翌日", "第二天", "隔天", "隔日")  # one of them in every _SAME_DAY match
_NEXT_DAY_WORDS = ("次日", "翌日", "第二天", "隔天", "隔日")
_APPROX_DAY = {"上旬": 1, "初": 1, "中旬": 11, "下旬": 21}
# no day at all: the publication date stands for it (上周/本周: that week's Monday); 期间 only
# after what is held (博览会期间, 活动期间), not 十三五期间
_VAGUE = re.compile(r"日前|近日|近期|上周|上星期|上礼拜|本周|(?<=[会展节动])期间")
_WEEKS_BACK = {"上周": 1, "上星期": 1, "上礼拜": 1, "本周": 0}
_VAGUE_WORDS = ("日前", "近日", "近期", "上周", "上星期", "上礼拜", "本周", "期间")  # one of them in every _VAGUE match
AHEAD = timedelta(days=7)  # an event announced for the coming week is still this year's


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: date
    end_day: date | None = None
    approx: bool = False
    year_given: bool = False


@dataclass(frozen=True)
class MonthDay:
    """A day stated without a year that no context gives (5月9日 in an undated article)."""
    start: int
    end: int
    month: int
    day: int
    approx: bool = False

    @property
    def md(self) -> str:
        """The ISO 8601 / XSD gMonthDay form: --MM-DD."""
        return f"--{self.month:02d}-{self.day:02d}"


def yearless_dates(text: str, published: date | None, marks, base: int = 0) -> list[MonthDay]:
    """The month-days of `text` that find_dates leaves out for want of a year: only in an article
    with no publication date, before any year the text sets (`marks`). 5月底 / 5月末 in February
    (28th or 29th?) is left out; 中旬 is the 11th, approximate, as in find_dates."""
    if published is not None:
        return []
    first_mark = min((p for p, _ in marks), default=None)
    out = []
    for m in _DATE.finditer(text):
        if m.group(1) or text[m.end():m.end() + 1] in ("讯", "电"):
            continue  # a year of its own (find_dates has it), or a dateline
        if first_mark is not None and first_mark < m.start() + base:
            continue  # a year before it: find_dates gives it that year
        _y, mon, day, part, _mon2, _day2 = m.groups()
        try:
            month = to_number(mon)
            if part:
                d = _APPROX_DAY.get(part) or (calendar.monthrange(2001, month)[1] if month != 2 else None)
            else:
                d = to_number(day)
            date(2000, month, d)  # a leap year: 2月29日 is a day some year has
        except (ValueError, TypeError, KeyError):
            continue
        out.append(MonthDay(m.start() + base, m.end() + base, month, d, bool(part) and part not in ("底", "末")))
    # 10月25日至27日,…。⏎27日,X会在宝鸡市举行: a day alone, later in the month told last before it
    for m in _DAY_ONLY.finditer(text) if out else ():
        day = int(m.group(1))
        if first_mark is not None and first_mark < m.start() + base:
            continue
        last = next((x for x in reversed(out) if x.start < m.start() + base and not x.approx), None)
        if last is not None and last.day <= day <= calendar.monthrange(2000, last.month)[1]:
            out.append(MonthDay(m.start(1) + base, m.end() + base, last.month, day))
    out.sort(key=lambda x: x.start)
    return out


@lru_cache(maxsize=4096)  # pure, and the same figures are read again and again (days, counts)
def to_number(text: str):
    """Arabic or Chinese numerals → int (or float when it has a fraction)."""
    text = text.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    if re.fullmatch(rf"[{_ZERO}一二三四五六七八九]{{4}}", text):  # a year written digit by digit
        return int("".join("0" if c in _ZERO else str("〇一二三四五六七八九".index(c)) for c in text))
    text = text.replace("两", "二")
    if text[:1] in "十百千万亿":  # 百亿元, 千余人: cn2an reads 一百 but not a bare 百
        text = "一" + text
    value = cn2an.cn2an(text, "smart")
    return int(value) if float(value).is_integer() else float(value)


def amount_yi(number: str, unit: str) -> float:
    """An amount in 亿元 from its number and unit (亿元, 亿, 万元, 万, 元)."""
    value = float(to_number(number))
    if unit.startswith("亿") and "万" in unit:  # 86亿5000万元: the 万 part after the 亿
        return round(value + float(to_number(unit[1:unit.index("万")])) * 1e-4, 6)
    factor = {"亿元": 1.0, "亿": 1.0, "万亿元": 1e4, "万元": 1e-4, "万": 1e-4, "元": 1e-8}[unit]
    return round(value * factor, 6)


def _year(text: str | None):
    return to_number(text) if text else None


def year_marks(text: str, published: date | None) -> list[tuple[int, int]]:
    """(position, year) of the years the text sets as its context, in order: a full date's year
    (2017年3月), a year opening a clause (2017年,…), 去年/今年; future years are ignored. A year in
    passing (2017年以来, 2035年目标) sets nothing."""
    out = []
    # (a pattern is scanned only where the words it cannot match without are written: a scan of the
    # whole text costs far more than a look for a word; tests/unit/test_extract_speed_gates.py)
    for m in _YEAR.finditer(text) if "年" in text else ():
        if not m.group(2):
            after, before = text[m.end():m.end() + 1], text[max(0, m.start() - 1):m.start()]
            if not (re.match(r"\s*[\d一二三四五六七八九十]+\s*月|[,，、:：]", text[m.end():m.end() + 4])
                    or before in ("", "\n", "。", "，", ",") and after in (",", "，", "")):
                continue
        if m.group(2):
            if published is None:
                continue
            y = published.year - {"今年": 0, "去年": 1, "前年": 2}[m.group(2)]
        else:
            y = _year(m.group(1))
        if published is None or y <= published.year:
            out.append((m.start(), y))
    for m in _BRACKET_YEAR.finditer(text) if "(" in text or "（" in text else ():  # 民国35年(1946): the Gregorian year a reign or era year is glossed with
        y = int(m.group(1))
        if published is None or y <= published.year:
            out.append((m.start(1), y))
    return sorted(out)


def _recent(published: date, mon: str, day: str) -> bool:
    try:
        d = date(published.year, to_number(mon), to_number(day))
    except (ValueError, TypeError):
        return False
    return 0 <= (published - d).days <= 183


def find_dates(text: str, published: date | None, base: int = 0, marks=None) -> list[DateMention]:
    """Every date in `text` (positions + base); see the module's doc for the year rule."""
    marks = year_marks(text, published) if marks is None else marks
    out = []
    for m in _DATE.finditer(text):
        if text[m.end():m.end() + 1] in ("讯", "电"):
            continue  # a dateline (11月9日讯): the report's day, not an event's
        if text[max(0, m.start() - 2):m.start()] in ("每年", "每逢"):
            continue  # 每年5月18日: a day of every year, no one day
        y_text, mon, day, part, mon2, day2 = m.groups()
        pos = m.start() + base
        year, given = _year(y_text), bool(y_text)
        back = _YEAR_WORD_BEFORE.get(text[max(0, m.start() - 2):m.start()]) if year is None and published else None
        if back is not None:  # 去年5月9日: the year before the publication's, whatever the day
            year, given = published.year - back, True
        if year is None:
            prior = [y for p, y in marks if p < pos]
            year = prior[-1] if prior else (published.year if published else None)
            if published and year != published.year and not part and _recent(published, mon, day):
                year = published.year  # a report on the last months: its own year wins
        if year is None:
            continue
        try:
            month = to_number(mon)
            if part:
                d = _APPROX_DAY.get(part) or calendar.monthrange(year, month)[1]
                first = date(year, month, d)
            else:
                first = date(year, month, to_number(day))
            if not given and not [1 for p, _ in marks if p < pos] and published and first > published + AHEAD \
                    and not _AHEAD_TOLD.match(text, m.end()) and not _AHEAD_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                first = first.replace(year=year - 1)
            last = None
            if day2:
                last = date(first.year, to_number(mon2) if mon2 else first.month, to_number(day2))
        except (ValueError, KeyError):
            continue
        out.append(DateMention(m.start() + base, m.end() + base, first, last, bool(part) and part not in ("底", "末"), given))
    if published:
        named = list(out)
        for m in _DAY_ONLY.finditer(text):
            day = int(m.group(1))
            try:
                d = date(published.year, published.month, day)
                if d > published:  # 27日 in an article of the 2nd: the month before
                    prev = date(published.year, published.month, 1).toordinal() - 1
                    p = date.fromordinal(prev)
                    d = date(p.year, p.month, day)
                # 5月10日,…。12日,… : a later day of the month the same paragraph named last (not past publication)
                last = next((x for x in reversed(named) if x.start < m.start() + base), None)
                if last is not None and not last.approx and last.day.day < day \
                        and _next_paragraph(text[last.end - base:m.start()]):
                    later = date(last.day.year, last.day.month, day)
                    d = later if later <= published else d
            except ValueError:
                continue
            out.append(DateMention(m.start(1) + base, m.end() + base, d, None, False, False))
    if published:
        for m in _RELATIVE.finditer(text) if any(w in text for w in _RELATIVE_DAYS) else ():  # 昨日 in a daily: the day before
            d = date.fromordinal(published.toordinal() - _RELATIVE_DAYS[m.group()])
            out.append(DateMention(m.start() + base, m.end() + base, d, None, False, False))
        named_days = list(_WEEKDAY.finditer(text)) if "周" in text or "星期" in text or "礼拜" in text else []
        weekdays = {m.start() for m in named_days}
        for m in named_days:
            monday = published.toordinal() - published.weekday() - (7 if m.group(1) == "上" else 0)
            d = date.fromordinal(monday + _WEEKDAYS.index(m.group(2).replace("天", "日")))
            if d <= published:
                out.append(DateMention(m.start() + base, m.end() + base, d, None, False, False))
        for m in _VAGUE.finditer(text) if any(w in text for w in _VAGUE_WORDS) else ():
            if m.start() in weekdays:
                continue  # 上周五: the day itself, above
            d = published
            if m.group() in _WEEKS_BACK:
                d = date.fromordinal(published.toordinal() - published.weekday() - 7 * _WEEKS_BACK[m.group()])
            out.append(DateMention(m.start() + base, m.end() + base, d, None, True, False))
    for m in _ISO.finditer(text):
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        out.append(DateMention(m.start() + base, m.end() + base, d, None, False, True))
    if published:
        for m in _THIS_MONTH.finditer(text):  # 本月9日 / 上月9日: the publication's month, or the one before
            first = date(published.year, published.month, 1)
            if m.group(1) == "上月":
                first = date.fromordinal(first.toordinal() - 1).replace(day=1)
            try:
                out.append(DateMention(m.start() + base, m.end() + base, first.replace(day=int(m.group(2)))))
            except ValueError:
                continue
    out.sort(key=lambda d: d.start)
    for m in _SAME_DAY.finditer(text) if any(w in text for w in _SAME_DAY_WORDS) else ():
        # 当天下午 / 同日 / 次日: the single day told last in the same paragraph (not a range, not a vague one)
        last = next((x for x in reversed(out) if x.start < m.start() + base), None)
        if last is None or last.approx or last.end_day or not _next_paragraph(text[last.end - base:m.start()]):
            continue
        d = date.fromordinal(last.day.toordinal() + (m.group() in _NEXT_DAY_WORDS))
        out.append(DateMention(m.start() + base, m.end() + base, d, None, False, last.year_given))
    return sorted(out, key=lambda d: d.start)


def _next_paragraph(between: str) -> bool:
    """Is a day referred back to (当天, 次日, 12日) close enough to the day told before it: in the same
    paragraph, or at most one paragraph on (a page that sets each sentence on a line of its own, or a
    paragraph opening 当天下午, …), with no paragraph in between."""
    lines = between.split("\n")
    return all(not line.strip() for line in lines[1:-1])


def passing_years(text: str) -> list[tuple[int, int]]:
    """(position, year) of every year the text names, even in passing (忻州市2021年“…”恳谈会), or
    as the first word of an event's name without 年 (2016北京山西商会项目推介会): the last resort for
    the year of an article with no date and no year in context."""
    found = [(m.start(), _year(m.group(1))) for m in _YEAR.finditer(text) if m.group(1)]
    found += [(m.start(), int(m.group(1))) for m in _NAME_YEAR.finditer(text)]
    return sorted((p, y) for p, y in found if 1990 <= y <= date.today().year)


def _event_words() -> str:
    from loaders.articles.patterns import EVENT_KINDS

    return "|".join(sorted(EVENT_KINDS, key=len, reverse=True))


# a year opening an event's name: 2016北京山西商会项目推介会, 2019厦门国际投资贸易洽谈会
_NAME_YEAR = re.compile(rf"(?<![\d.])((?:19|20)\d{{2}})(?=[\u4e00-\u9fff“”()（）]{{2,30}}?(?:{_event_words()}))")


quicken_all(globals())  # every pattern above: a leading look-ahead of where it can start (lookahead.py)
