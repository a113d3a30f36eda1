"""Parsing money, shares and dates typed by users."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finsam_desktop import i18n
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.values import MAX_ORE, check_text, parse_date, parse_money, parse_percent
from finsam_desktop.formatting import format_money


@pytest.fixture
def swedish():
    i18n.set_language("sv")


@pytest.mark.usefixtures("swedish")
@pytest.mark.parametrize(("text", "ore"), [
    ("1 234,50", 123450), ("1234.5 kr", 123450), ("-200", -20000), ("\u2212200", -20000),
    ("1\u00a0000\u00a0000", 100000000), ("0,01", 1), ("12:-", 1200), ("7 SEK", 700),
])
def test_parse_money_accepts_swedish_and_plain_forms(text, ore):
    assert parse_money(text) == ore


@pytest.mark.usefixtures("swedish")
@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "0,001", "1e400", "NaN", "Infinity",
                                  "100000000001"])
def test_parse_money_refuses_with_a_message(text):
    with pytest.raises(ValidationError) as info:
        parse_money(text)
    assert str(info.value)


@given(st.integers(min_value=-MAX_ORE, max_value=MAX_ORE), st.sampled_from(["sv", "en"]))
def test_formatted_money_parses_back_to_the_same_ore_in_both_languages(ore, language):
    i18n.set_language(language)
    assert parse_money(format_money(ore, decimals=True)) == ore


def test_english_commas_group_thousands():
    assert parse_money("1,234,567.50") == 123456750


@pytest.mark.usefixtures("swedish")
@pytest.mark.parametrize(("text", "ppm"), [("50", 500000), ("11,42 %", 114200),
                                           ("3.3283", 33283), ("0", 0), ("100", 1000000)])
def test_parse_percent_gives_parts_per_million(text, ppm):
    assert parse_percent(text) == ppm


@pytest.mark.parametrize("text", ["-1", "100,01", "1,00001", "x"])
def test_parse_percent_refuses_out_of_range_or_too_precise(text):
    with pytest.raises(ValidationError):
        parse_percent(text)


def test_dates_must_be_iso_and_within_2000_to_2099():
    assert parse_date(" 2026-04-01 ") == dt.date(2026, 4, 1)
    for bad in ["2026-13-01", "1/4/2026", "1999-12-31", "2100-01-01", ""]:
        with pytest.raises(ValidationError):
            parse_date(bad)


def test_text_is_trimmed_and_limited():
    assert check_text("  Åsa Öberg  ", field="Namn") == "Åsa Öberg"
    with pytest.raises(ValidationError, match="Namn"):
        check_text("", field="Namn", required=True)
    with pytest.raises(ValidationError):
        check_text("x" * 501, field="Namn")
    with pytest.raises(ValidationError):
        check_text("a\x00b", field="Namn")


def test_a_decimal_comma_in_a_share_works_in_english_too():
    i18n.set_language("en")
    assert parse_percent("12,5") == 125_000
