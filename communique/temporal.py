"""Event dates: find date phrases in a sentence and resolve them against the publication date.

Rules (all resolution is anchored on the article's publication date, never on "now"):

- Weekdays ("on Tuesday", "Tuesday night"): past tense -> the most recent such day on or
  before publication (the same day counts: news style names the weekday, not "today");
  future tense -> the next such day on or after publication; present -> the nearer of the two.
  "last Friday" is strictly before publication, "next Friday" strictly after.
- Month-days without a year ("May 28"): the year that puts the day nearest before publication
  (past), nearest after (future), or nearest either way (present). Bare months ("in March")
  work the same way at month granularity.
- Periods resolve to their first day: granularity "week" dates are always a Monday (ISO week
  start), "month" the 1st, "year" January 1st, "decade" ("in the 1940s") its first year's
  January 1st. "last week" -> Monday of the previous week; "earlier this month" -> the 1st
  of the publication month; "over the weekend" -> Monday of the week holding the nearest
  weekend (Saturday on or before publication in past tense).
- "N days ago" and "N days earlier/later" are counted from publication; the real anchor of
  "earlier/later" is often another date in the text, which this module does not track.
- Anything the rules don't parse goes to `dateparser` (English only, cached) as a fallback.
  `find_date_expressions` only emits forms the rules handle, so the pipeline's path is fast.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from communique.model import Span

Tense = Literal["past", "future", "present"]
Granularity = Literal["day", "week", "month", "year", "decade"]


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date phrase found in a text: `text == source[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A calendar date (YYYY-MM-DD, the first day of the period) and how precise it is."""

    date: str
    granularity: Granularity
    text: str


# --- patterns -------------------------------------------------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_ABBREV = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                 "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip

# Month names must be capitalised so that the modal "may" and the verb "march" never match.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])"
)
_WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)(?![\d-])"
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PART = r"(?i:morning|afternoon|evening|night)"

_PATTERNS = (
    r"\d{4}-[01]\d-[0-3]\d(?!\d)",
    rf"(?:(?i:on)\s+)?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",
    rf"(?:(?i:on)\s+)?(?:(?i:the)\s+)?{_DAY}\s+(?:(?i:of)\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
    rf"(?:(?i:in|during|since)\s+)?(?:(?i:early|late|mid-?)\s*)?{_MONTH},?\s+{_YEAR}",
    rf"(?i:in|during|last|next|this|early|late|mid-?|earlier\s+in|later\s+in)\s*{_MONTH}"
    r"(?!\s*,?\s*\d)",
    rf"(?i:in|during|until|till)\s+(?:(?i:early|late|mid-?)\s*)?{_YEAR}",
    r"(?i:in|during|since|by|until|through)\s+the\s+(?:(?i:early|late|mid-?)\s*)?"
    r"(?:1[89]|20)\d0s",
    rf"(?:(?i:(?:late|early|earlier|later)\s+)?(?i:on|last|next|this)\s+)?{_WEEKDAY}"
    rf"(?:\s+{_PART})?",
    r"(?i:(?:earlier|later)\s+(?:today|tonight)|today|tonight|yesterday|tomorrow"
    r"|(?:this|last|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)"
    r"|(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)"
    r"|(?:last|this|next)\s+(?:week|month|year|weekend)"
    r"|(?:over|during|at)\s+the\s+weekend)",
    rf"(?i:{_NUM}\s+(?:day|week|month|year)s?\s+(?:ago|earlier|later))",
)
# The word-boundary checks wrap the whole alternation, not each pattern: a position inside
# a word then fails once instead of once per pattern (the same matches, about 40% faster).
_FINDER = re.compile("(?<![\\w-])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + ")(?![\\w])")


def find_date_expressions(text: str) -> list[DateExpression]:
    """Date phrases in `text`, left to right, without overlaps (the longest wins a tie)."""
    if not _HINT.search(text):
        return []  # most sentences: one cheap search instead of `_FINDER`'s
    found: list[DateExpression] = []
    pos = 0
    while (match := _FINDER.search(text, pos)) is not None:
        # One alternation finds the leftmost start; re-try each pattern there for the longest.
        start = match.start()
        end = max(m.end() for m in _anchored_matches(text, start))
        found.append(DateExpression(text[start:end], start, end))
        pos = end
    return found


def _anchored_matches(text: str, start: int) -> list[re.Match[str]]:
    return [m for p in _ANCHORED if (m := p.match(text, start)) is not None]


# Every match of `_PATTERNS` holds one of these: a digit (ISO dates, days, years), a month
# (each full name starts with its capitalised abbreviation; `_MONTH` is case-sensitive), or,
# under the same (?i:) flag, a word of the relative phrases ("day" of the weekdays, today,
# yesterday; "night" of tonight; tomorrow; the parts of a day; week, month, year). A text
# without any cannot hold a date phrase. Keep it in step with `_PATTERNS`.
_HINT = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    r"|(?i:day|night|morrow|morning|afternoon|evening|week|month|year)"
)
_ANCHORED = tuple(re.compile(f"(?:{p})(?![\\w])") for p in _PATTERNS)


# --- resolution -----------------------------------------------------------------------------

_LEAD = re.compile(r"^(?:on|in|during|until|till|the)\s+")
_MONTH_WORD = (
    r"(january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_WEEKDAY_WORD = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY_WORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_R_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_R_MONTH_DAY = re.compile(
    rf"(?:{_WEEKDAY_WORD},?\s+)?{_MONTH_WORD}\s+{_DAY_WORD}(?:,?\s+(\d{{4}}))?"
)
_R_DAY_MONTH = re.compile(rf"{_DAY_WORD}\s+(?:of\s+)?{_MONTH_WORD}(?:,?\s+(\d{{4}}))?")
_R_MONTH = re.compile(
    rf"(?:(early|late|mid-?|last|next|this|earlier in|later in|since)\s*)?{_MONTH_WORD}"
    r"(?:,?\s+(\d{4}))?"
)
_R_YEAR = re.compile(r"(?:(?:early|late|mid-?)\s*)?(\d{4})")
_R_DECADE = re.compile(
    r"(?:(?:by|since|until|through)\s+)?(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(\d{3})0s"
)
_R_WEEKDAY = re.compile(
    rf"(?:(?:late|early|earlier|later)\s+)?(?:(on|last|next|this)\s+)?{_WEEKDAY_WORD}"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
_R_AGO = re.compile(r"(\d{1,3}|[a-z]+)\s+(day|week|month|year)s?\s+(ago|earlier|later)")

# Phrases whose meaning is a fixed shift from the publication date: (unit, steps).
_RELATIVE: dict[str, tuple[Granularity, int]] = {
    "today": ("day", 0), "tonight": ("day", 0), "earlier today": ("day", 0),
    "later today": ("day", 0), "earlier tonight": ("day", 0), "later tonight": ("day", 0),
    "this morning": ("day", 0), "this afternoon": ("day", 0), "this evening": ("day", 0),
    "yesterday": ("day", -1), "last night": ("day", -1), "last evening": ("day", -1),
    "yesterday morning": ("day", -1), "yesterday afternoon": ("day", -1),
    "yesterday evening": ("day", -1), "yesterday night": ("day", -1),
    "tomorrow": ("day", 1), "tomorrow morning": ("day", 1), "tomorrow afternoon": ("day", 1),
    "tomorrow evening": ("day", 1), "tomorrow night": ("day", 1), "this night": ("day", 0),
    "last week": ("week", -1), "this week": ("week", 0), "earlier this week": ("week", 0),
    "later this week": ("week", 0), "next week": ("week", 1),
    "last month": ("month", -1), "this month": ("month", 0), "earlier this month": ("month", 0),
    "later this month": ("month", 0), "next month": ("month", 1),
    "last year": ("year", -1), "this year": ("year", 0), "earlier this year": ("year", 0),
    "later this year": ("year", 0), "next year": ("year", 1),
    "earlier in the week": ("week", 0), "later in the week": ("week", 0),
    "earlier in the month": ("month", 0), "later in the month": ("month", 0),
    "earlier in the year": ("year", 0), "later in the year": ("year", 0),
}  # fmt: skip
_WEEKENDS = {"last weekend": -1, "next weekend": 1}
_UNITS: dict[str, Granularity] = {"day": "day", "week": "week", "month": "month", "year": "year"}


def resolve(
    expression: str, published: dt.date | None, *, tense: Tense = "past"
) -> ResolvedDate | None:
    """The date `expression` means for an article published on `published`.

    Returns None when the phrase is not a date or needs a publication date that is missing
    (absolute forms such as "May 14, 2023" resolve without one). See the module docstring
    for the rules; in short "last week" is the Monday of the previous week (granularity
    "week") and "earlier this month" the first of the month (granularity "month").
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    return _resolve(expression, published, tense)


@lru_cache(maxsize=4096)
def _resolve(expression: str, published: dt.date | None, tense: Tense) -> ResolvedDate | None:
    norm = _LEAD.sub("", " ".join(expression.lower().split()))
    norm = _LEAD.sub("", norm)  # "on the 14th of May"
    found = _by_rules(norm, published, tense)
    if found is None and published is not None:
        found = _by_dateparser(norm, published, tense)
    if found is None:
        return None
    day, granularity = found
    return ResolvedDate(day.isoformat(), granularity, expression)


def _by_rules(
    norm: str, published: dt.date | None, tense: Tense
) -> tuple[dt.date, Granularity] | None:
    if m := _R_ISO.fullmatch(norm):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := _R_MONTH_DAY.fullmatch(norm):
        return _month_day(_month(m[2]), int(m[3]), m[4], published, tense)
    if m := _R_DAY_MONTH.fullmatch(norm):
        return _month_day(_month(m[2]), int(m[1]), m[3], published, tense)
    if m := _R_MONTH.fullmatch(norm):
        return _month_only(m[1], _month(m[2]), m[3], published, tense)
    if m := _R_YEAR.fullmatch(norm):
        return dt.date(int(m[1]), 1, 1), "year"
    if m := _R_DECADE.fullmatch(norm):  # "in the 1940s", "by the late 1990s"
        return dt.date(int(m[1]) * 10, 1, 1), "decade"
    if published is None:
        return None
    if m := _R_WEEKDAY.fullmatch(norm):
        return _weekday(_WEEKDAYS.index(m[2]), m[1], published, tense), "day"
    if norm in _RELATIVE:
        period, steps = _RELATIVE[norm]
        return _shift(published, period, steps), period
    if m := _R_AGO.fullmatch(norm):
        count = int(m[1]) if m[1].isdigit() else _NUMBERS.get(m[1])
        if count is None:
            return None
        sign = 1 if m[3] == "later" else -1
        unit = _UNITS[m[2]]
        return _shift(published, unit, sign * count), unit
    if norm in _WEEKENDS or norm.endswith("weekend"):
        return _weekend(published, _WEEKENDS.get(norm), tense), "week"
    return None


def _day(year: int, month: int, day: int) -> tuple[dt.date, Granularity] | None:
    try:
        return dt.date(year, month, day), "day"
    except ValueError:  # "February 30": not a date
        return None


def _month(word: str) -> int:
    word = word.rstrip(".")
    return _MONTHS.index(word) + 1 if word in _MONTHS else _MONTH_ABBREV[word]


def _month_day(
    month: int, day: int, year: str | None, published: dt.date | None, tense: Tense
) -> tuple[dt.date, Granularity] | None:
    if year is not None:
        return _day(int(year), month, day)
    if published is None:
        return None
    # Feb 29 only exists in some years, so try the neighbouring years that have the date.
    years = range(published.year - 4, published.year + 5)
    options = [found[0] for y in years if (found := _day(y, month, day)) is not None]
    picked = _pick(options, published, tense)
    return (picked, "day") if picked else None


def _month_only(
    modifier: str | None, month: int, year: str | None, published: dt.date | None, tense: Tense
) -> tuple[dt.date, Granularity] | None:
    if year is not None:
        return dt.date(int(year), month, 1), "month"
    if published is None:
        return None
    options = [dt.date(y, month, 1) for y in range(published.year - 1, published.year + 2)]
    anchor = published.replace(day=1)
    if modifier == "last":  # "last March": a March strictly before this month
        options = [d for d in options if d < anchor]
        return max(options), "month"
    if modifier == "next":
        options = [d for d in options if d > anchor]
        return min(options), "month"
    if modifier == "since":
        tense = "past"
    picked = _pick(options, anchor, tense)
    return (picked, "month") if picked else None


def _pick(options: list[dt.date], anchor: dt.date, tense: Tense) -> dt.date | None:
    """The option nearest before (past), after (future) or around (present) the anchor."""
    before = [d for d in options if d <= anchor]
    after = [d for d in options if d >= anchor]
    if tense == "past":
        return max(before, default=None)
    if tense == "future":
        return min(after, default=None)
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor), default=None)


def _weekday(target: int, modifier: str | None, published: dt.date, tense: Tense) -> dt.date:
    back = (published.weekday() - target) % 7  # days since the most recent such day
    if modifier == "last":
        return published - dt.timedelta(days=back or 7)
    forward = (target - published.weekday()) % 7
    if modifier == "next":
        return published + dt.timedelta(days=forward or 7)
    if tense == "future" or (tense == "present" and forward < back):
        return published + dt.timedelta(days=forward)
    return published - dt.timedelta(days=back)


def _weekend(published: dt.date, steps: int | None, tense: Tense) -> dt.date:
    """Monday of the week holding the weekend meant (see the module docstring)."""
    if steps is None:  # "over the weekend", "this weekend": the nearest one in the tense's sense
        saturday = _weekday(5, None, published, "past" if tense == "past" else "future")
    else:
        saturday = _weekday(5, "last" if steps < 0 else "next", published, tense)
    return saturday - dt.timedelta(days=saturday.weekday())


def _shift(published: dt.date, unit: Granularity, steps: int) -> dt.date:
    """The first day of the period `steps` periods away from the one holding `published`."""
    if unit == "day":
        return published + dt.timedelta(days=steps)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(weeks=steps)
    if unit == "month":
        months = published.year * 12 + published.month - 1 + steps
        return dt.date(months // 12, months % 12 + 1, 1)
    return dt.date(published.year + steps, 1, 1)


def _by_dateparser(
    norm: str, published: dt.date, tense: Tense
) -> tuple[dt.date, Granularity] | None:
    """Fallback for forms without a rule; English only, so no language detection runs."""
    parsed = _dateparser(tense, published).get_date_data(norm)
    if parsed is None or parsed.date_obj is None:
        return None
    period = parsed.period if parsed.period in ("day", "week", "month", "year") else "day"
    day = parsed.date_obj.date()
    if period == "week":
        day -= dt.timedelta(days=day.weekday())
    elif period == "month":
        day = day.replace(day=1)
    elif period == "year":
        day = day.replace(month=1, day=1)
    return day, period  # type: ignore[return-value]  # checked against the literal above


@lru_cache(maxsize=64)
def _dateparser(tense: Tense, published: dt.date):  # dateparser's parser is untyped
    from dateparser.date import DateDataParser  # imported late: it's slow and rarely needed

    prefer = "future" if tense == "future" else "past"
    base = dt.datetime.combine(published, dt.time(12))
    return DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "STRICT_PARSING": False},
    )


# --- event dates ----------------------------------------------------------------------------

# Cheap clause boundaries: a date across one of these is less likely to belong to the trigger.
_CLAUSE_BREAK = re.compile(
    r"[;:\u2014]|\s[\u2013-]\s|,\s+(?:while|but|whereas|after|before)\b|\sand\s"
)


def event_date(
    sentence_text: str,
    sentence_start: int,
    published: dt.date | None,
    *,
    trigger_offset: int | None = None,
    tense: Tense = "past",
) -> tuple[ResolvedDate | None, Span | None]:
    """The date of an event told in a sentence, and the phrase that gives it (article offsets).

    `trigger_offset` is the article offset of the event's trigger word. Rule: among the date
    phrases of the sentence that resolve, take the one with the fewest clause breaks (";",
    ":", dashes, ", while/but/after/before", "and") between it and the trigger, then the nearest to
    the trigger; without a trigger, the first. Dates inside noun phrases ("Aliyev's May 28
    remarks") are not skipped: they date what the sentence reports. Returns (None, None)
    when the sentence has no date phrase, so the caller can fall back to the publication
    date; (None, span) when the phrase cannot be resolved (no publication date).
    """
    expressions = find_date_expressions(sentence_text)
    if not expressions:
        return None, None
    if trigger_offset is not None:
        local = trigger_offset - sentence_start
        expressions.sort(key=lambda e: _trigger_rank(sentence_text, e, local))
    for expression in expressions:
        resolved = resolve(expression.text, published, tense=tense)
        if resolved is not None:
            return resolved, _span(expression, sentence_start)
    return None, _span(expressions[0], sentence_start)


def _trigger_rank(text: str, expression: DateExpression, trigger: int) -> tuple[int, int]:
    edge = expression.start if expression.start >= trigger else expression.end
    low, high = sorted((trigger, edge))
    breaks = len(_CLAUSE_BREAK.findall(text, low, high))
    distance = 0 if expression.start <= trigger < expression.end else high - low
    return breaks, distance


def _span(expression: DateExpression, offset: int) -> Span:
    return Span(expression.text, expression.start + offset, expression.end + offset)
