from datetime import date, datetime

import pytest

from loaders.values import normalize_text, parse_amount_yi, parse_date, parse_number


@pytest.mark.parametrize(
    "text, expected",
    [
        ("57", 57.0),
        ("57亿元", 57.0),
        ("1121.6亿元", 1121.6),
        ("５７亿", 57.0),
        ("5000万元", 0.5),
        ("５０００万", 0.5),
        ("1,200万元", 0.12),
        ("三十亿元", 30.0),
        ("五千万元", 0.5),
        (12.5, 12.5),
    ],
)
def test_amounts_in_yi(text, expected):
    assert parse_amount_yi(text) == pytest.approx(expected)


def test_amount_default_unit_wan():
    assert parse_amount_yi("12000", "万元") == pytest.approx(1.2)
    assert parse_amount_yi(250000, "万元") == pytest.approx(25.0)


@pytest.mark.parametrize("bad", ["十亿多", "abc", "", "12亿美元"])
def test_bad_amounts_raise(bad):
    with pytest.raises(ValueError):
        parse_amount_yi(bad)


@pytest.mark.parametrize(
    "text", ["2017-05-12", "2017/5/12", "2017.5.12", "2017年5月12日", "２０１７年５月１２日", "2017-05-12 00:00:00",
             datetime(2017, 5, 12, 9, 30), date(2017, 5, 12)],
)
def test_dates(text):
    assert parse_date(text) == date(2017, 5, 12)


@pytest.mark.parametrize("bad", ["2017-13-45", "去年五月", "12/05/2017"])
def test_bad_dates_raise(bad):
    with pytest.raises(ValueError):
        parse_date(bad)


def test_full_width_and_chinese_numbers():
    assert normalize_text("　２０８　") == "208"
    assert parse_number("二百零八") == 208
    assert parse_number("1,121.6") == pytest.approx(1121.6)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf"), "nan", "inf", "1e400", 10**400])
def test_non_finite_numbers_are_refused(bad):
    with pytest.raises(ValueError, match="not a finite number|expected"):
        parse_number(bad)
    with pytest.raises(ValueError, match="not a finite number|expected an amount"):
        parse_amount_yi(bad)
