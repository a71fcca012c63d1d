"""Date phrases and their resolution against the publication date (no spaCy needed)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from communique.model import Span
from communique.temporal import (
    DateExpression,
    ResolvedDate,
    event_date,
    find_date_expressions,
    resolve,
)

WEDNESDAY = dt.date(2023, 5, 31)


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("on Tuesday", "past", "2023-05-30"),
        ("on Sunday", "past", "2023-05-28"),
        ("on Wednesday", "past", "2023-05-31"),
        ("Tuesday", "past", "2023-05-30"),
        ("on Wednesday night", "past", "2023-05-31"),
        ("On Thursday", "past", "2023-05-25"),
        ("last Friday", "past", "2023-05-26"),
        ("last Wednesday", "past", "2023-05-24"),
    ],
)
def test_temporal_weekday_resolves_to_previous_day(expression, tense, expected):
    assert resolve(expression, WEDNESDAY, tense=tense) == ResolvedDate(expected, "day", expression)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Thursday", "2023-06-01"),
        ("on Wednesday", "2023-05-31"),
        ("next Wednesday", "2023-06-07"),
    ],
)
def test_temporal_weekday_in_future_tense_resolves_to_next_day(expression, expected):
    assert resolve(expression, WEDNESDAY, tense="future").date == expected


def test_temporal_weekday_in_present_tense_takes_the_nearer_day():
    assert resolve("on Thursday", WEDNESDAY, tense="present").date == "2023-06-01"
    assert resolve("on Monday", WEDNESDAY, tense="present").date == "2023-05-29"


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("May 14", "past", "2023-05-14"),
        ("May 28", "past", "2023-05-28"),
        ("on May 28", "past", "2023-05-28"),
        ("December 3", "past", "2022-12-03"),
        ("Dec. 3", "past", "2022-12-03"),
        ("14 May", "past", "2023-05-14"),
        ("the 14th of May", "past", "2023-05-14"),
        ("May 28", "future", "2024-05-28"),
        ("June 5", "future", "2023-06-05"),
        ("May 14, 2021", "past", "2021-05-14"),
        ("on Tuesday, May 30, 2023", "future", "2023-05-30"),
        ("2022-02-24", "past", "2022-02-24"),
        ("February 29", "past", "2020-02-29"),
    ],
)
def test_temporal_month_day_resolves_to_nearest_year_in_tense(expression, tense, expected):
    assert resolve(expression, WEDNESDAY, tense=tense) == ResolvedDate(expected, "day", expression)


@pytest.mark.parametrize(
    ("expression", "expected", "granularity"),
    [
        ("yesterday", "2023-05-30", "day"),
        ("today", "2023-05-31", "day"),
        ("tonight", "2023-05-31", "day"),
        ("this morning", "2023-05-31", "day"),
        ("last night", "2023-05-30", "day"),
        ("tomorrow", "2023-06-01", "day"),
        ("two days ago", "2023-05-29", "day"),
        ("last week", "2023-05-22", "week"),
        ("earlier this week", "2023-05-29", "week"),
        ("later this week", "2023-05-29", "week"),
        ("next week", "2023-06-05", "week"),
        ("three weeks earlier", "2023-05-08", "week"),
        ("over the weekend", "2023-05-22", "week"),
        ("earlier this month", "2023-05-01", "month"),
        ("earlier in the month", "2023-05-01", "month"),
        ("later in the week", "2023-05-29", "week"),
        ("last month", "2023-04-01", "month"),
        ("next month", "2023-06-01", "month"),
        ("in March", "2023-03-01", "month"),
        ("in May 2022", "2022-05-01", "month"),
        ("last year", "2022-01-01", "year"),
        ("earlier this year", "2023-01-01", "year"),
        ("in 2021", "2021-01-01", "year"),
        ("in the 1940s", "1940-01-01", "decade"),
        ("by the late 1990s", "1990-01-01", "decade"),
    ],
)
def test_temporal_relative_phrase_resolves_to_period_start(expression, expected, granularity):
    assert resolve(expression, WEDNESDAY) == ResolvedDate(expected, granularity, expression)


def test_temporal_week_granularity_dates_are_mondays():
    for expression in ("last week", "next week", "over the weekend", "three weeks earlier"):
        assert dt.date.fromisoformat(resolve(expression, WEDNESDAY).date).weekday() == 0


def test_temporal_december_in_january_is_last_year():
    assert resolve("December 30", dt.date(2024, 1, 2)).date == "2023-12-30"
    assert resolve("last month", dt.date(2024, 1, 2)).date == "2023-12-01"


@pytest.mark.parametrize("expression", ["on Tuesday", "May 14", "last week", "yesterday"])
def test_temporal_relative_phrase_without_publication_date_is_none(expression):
    assert resolve(expression, None) is None


def test_temporal_absolute_date_resolves_without_publication_date():
    assert resolve("May 14, 2023", None) == ResolvedDate("2023-05-14", "day", "May 14, 2023")


@pytest.mark.parametrize("expression", ["the talks", "soon", "February 30, 2023"])
def test_temporal_non_date_resolves_to_none(expression):
    assert resolve(expression, WEDNESDAY) is None


def test_temporal_dateparser_fallback_handles_other_forms():
    assert resolve("a fortnight ago", WEDNESDAY) is not None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The United States on Tuesday welcomed the talks.", ["on Tuesday"]),
        ("Talks began May 14 and resumed last week.", ["May 14", "last week"]),
        ("Aliyev's May 28 remarks", ["May 28"]),
        ("They met on Wednesday night in Brussels.", ["on Wednesday night"]),
        (
            "He said earlier this month that the deal, signed in 2021, held.",
            ["earlier this month", "in 2021"],
        ),
        (
            "It happened two days ago, three weeks earlier than planned.",
            ["two days ago", "three weeks earlier"],
        ),
        ("Fighting flared over the weekend and yesterday.", ["over the weekend", "yesterday"]),
        ("On Tuesday, May 30, 2023, the minister spoke.", ["On Tuesday, May 30, 2023"]),
        ("The report of 2023-05-14 and 14 May 2023.", ["2023-05-14", "14 May 2023"]),
        ("Elections in March were followed by protests in May 2022.", ["in March", "in May 2022"]),
        ("He may march if they may.", []),
        ("The 2020 war killed thousands.", []),
    ],
)
def test_temporal_finds_date_phrases(text, found):
    expressions = find_date_expressions(text)
    assert [e.text for e in expressions] == found
    assert all(text[e.start : e.end] == e.text for e in expressions)


def test_temporal_expressions_are_frozen():
    expression = find_date_expressions("on Tuesday")[0]
    assert expression == DateExpression("on Tuesday", 0, 10)
    with pytest.raises(AttributeError):
        expression.start = 3  # type: ignore[misc]


def test_temporal_event_date_returns_article_span():
    sentence = "The United States on Tuesday welcomed the agreement."
    resolved, span = event_date(sentence, 500, WEDNESDAY)
    assert resolved == ResolvedDate("2023-05-30", "day", "on Tuesday")
    assert span == Span("on Tuesday", 518, 528)


def test_temporal_event_date_prefers_date_nearest_trigger_in_same_clause():
    sentence = "Talks began May 14 and resumed last week."
    resolved, span = event_date(sentence, 0, WEDNESDAY, trigger_offset=sentence.index("resumed"))
    assert (resolved.date, span.text) == ("2023-05-22", "last week")
    resolved, _ = event_date(sentence, 0, WEDNESDAY, trigger_offset=sentence.index("began"))
    assert resolved.date == "2023-05-14"


def test_temporal_event_date_uses_tense():
    sentence = "The ministers will meet on Thursday in Brussels."
    resolved, _ = event_date(sentence, 0, WEDNESDAY, tense="future")
    assert resolved.date == "2023-06-01"


def test_temporal_event_date_without_expression_is_none():
    assert event_date("The talks continued.", 0, WEDNESDAY) == (None, None)


def test_temporal_event_date_without_publication_keeps_span():
    resolved, span = event_date("They met on Tuesday.", 10, None)
    assert resolved is None
    assert span == Span("on Tuesday", 19, 29)


def test_temporal_rule_based_resolution_is_fast():
    phrases = ["on Tuesday", "May 14", "last week", "earlier this month", "yesterday", "in 2021"]
    started = time.perf_counter()
    for i in range(1000):
        resolve(phrases[i % len(phrases)], WEDNESDAY - dt.timedelta(days=i))  # defeats the cache
    assert time.perf_counter() - started < 0.5


def test_temporal_decade_is_found_as_a_date_phrase():
    text = "The first families arrived in the late 1920s and stayed."
    assert [e.text for e in find_date_expressions(text)] == ["in the late 1920s"]
