"""Filters shared by the CLI, the API and the web page, turned into parameterised SQL.

Actor terms match an actor's key, country (ISO alpha-3 or IGO), CAMEO-style
code (ARMGOV) or name, case-insensitively: `"ARM"`, `"armgov"` and `"Armenia"`
all work. Values always travel as parameters, never inside the SQL text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, get_args

from ..model import EventMode
from .errors import StoreError, StoreErrors
from .schema import PAIR_KEY_SQL

Resolver = Callable[[str], list[str]]

MAX_LIMIT = 1000
INTERVALS = {
    "day": "day",
    "daily": "day",
    "week": "week",
    "weekly": "week",
    "month": "month",
    "monthly": "month",
    "year": "year",
    "yearly": "year",
}
# The modes of the output contract, so that a new one is a filter value everywhere at once.
MODES: tuple[str, ...] = get_args(EventMode)


@dataclass(slots=True)
class Where:
    """SQL conditions joined by AND, with their parameters in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "TRUE"


@dataclass(frozen=True, slots=True)
class EventFilters:
    """What `communique events`, `/api/events` and the dyad series select.

    `actor` matches source or target; `dyad` two actors in either direction
    (source to target only when `directed`); `cameo` is a code prefix ("05"
    takes every code of root 05); `start` and `end` bound the event day, inclusive.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False
    cameo: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    start: str | None = None
    end: str | None = None
    mode: str | None = None
    include_negated: bool = True
    article: str | None = None
    text: str | None = None

    def where(self, alias: str = "e", *, resolve: Resolver | None = None) -> Where:
        """The conditions on the events table (aliased `alias`).

        With `resolve` (actor term to actor keys, see `communique.analytics.resolver`) a
        dyad is matched on the one `pair_key` column, which is several times faster.
        """
        where = Where()
        p = f"{alias}." if alias else ""
        if self.actor:
            where.add(
                f"({actor_match(p + 'source_key')} OR {actor_match(p + 'target_key')})",
                *actor_params(self.actor),
                *actor_params(self.actor),
            )
        if self.source:
            where.add(actor_match(p + "source_key"), *actor_params(self.source))
        if self.target:
            where.add(actor_match(p + "target_key"), *actor_params(self.target))
        if self.country:
            columns = ("source_country", "target_country", "location_country")
            match = " OR ".join(f"upper({p}{c}) = upper(?)" for c in columns)
            where.add(f"({match})", *[self.country] * 3)
        if self.dyad and resolve is not None:
            a, b = self.dyad
            pairs = PAIR_KEY_SQL.format(a="x.k", b="y.k")
            where.add(
                f"{p}pair_key IN (SELECT {pairs} FROM (SELECT unnest(?::VARCHAR[]) AS k) x, "
                "(SELECT unnest(?::VARCHAR[]) AS k) y)",
                resolve(a),
                resolve(b),
            )
            if self.directed:
                where.add(f"{p}source_key IN (SELECT unnest(?::VARCHAR[]))", resolve(a))
        elif self.dyad:
            a, b = self.dyad
            forward = f"{actor_match(p + 'source_key')} AND {actor_match(p + 'target_key')}"
            if self.directed:
                where.add(f"({forward})", *actor_params(a), *actor_params(b))
            else:
                where.add(
                    f"(({forward}) OR ({forward}))",
                    *actor_params(a),
                    *actor_params(b),
                    *actor_params(b),
                    *actor_params(a),
                )
        if self.cameo:
            where.add(f"{p}cameo LIKE ?", check_code(self.cameo) + "%")
        if self.plover:
            where.add(f"upper({p}plover) = upper(?)", self.plover)
        if self.quad_class is not None:
            where.add(f"{p}quad_class = ?", check_quad(self.quad_class))
        if self.start:
            where.add(f"{p}day >= ?", check_date(self.start, "start"))
        if self.end:
            where.add(f"{p}day <= ?", check_date(self.end, "end"))
        if self.mode:
            where.add(f"{p}mode = ?", check_mode(self.mode))
        if not self.include_negated:
            where.add(f"NOT {p}negated")
        if self.article:
            by_id = "(SELECT uid FROM articles WHERE id = ?)"
            where.add(f"({p}article_uid = ? OR {p}article_uid IN {by_id})", *[self.article] * 2)
        if self.text:
            where.add(f"{p}evidence ILIKE ?", like(self.text))
        return where


# An actor's name or alias as space-separated words, lower case, accents stripped: a term
# matches at the start of any word ("trump" finds "Donald Trump", "arm" not "pharmacy").
_WORDS_SQL = "(' ' || regexp_replace(lower(strip_accents({0})), '[^\\pL\\pN]+', ' ', 'g') || ' ')"
# A mention that names its actor (an alias): it opens with a capital and every later word is
# capitalised or a short joining word; pronouns are not aliases.
_ALIAS_SQL = (
    "regexp_full_match(text, '\\p{{Lu}}\\S*(\\s+(\\p{{Lu}}|of |the |and |for |de |al-)\\S*)*')"
    " AND lower(text) NOT IN ({pronouns})"
)
_PRONOUNS = (
    "'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'him', 'them', "
    "'this', 'that', 'these', 'those', 'our', 'my'"
)


def exact_name_sql(column: str) -> str:
    """SQL for `column` folded as `fold_words` folds a term, with a space on each side."""
    return _WORDS_SQL.format(column)


# A term that is some actor's country or code (ARM, USAGOV) is taken as a code: it matches
# that country and the codes it begins, not every name with a word "Arm..." in it.
ACTOR_NAMES_SQL = f"""
    WITH t AS (SELECT count(*) > 0 AS coded FROM actors WHERE upper(country) = ? OR upper(code) = ?)
    SELECT key FROM actors, t WHERE key = ?
        OR (t.coded AND (upper(country) = ? OR upper(code) LIKE ?))
        OR (NOT t.coded AND (upper(code) LIKE ? OR {_WORDS_SQL.format("name")} LIKE ?))
    UNION SELECT actor_key FROM mentions, t
    WHERE NOT t.coded AND {_ALIAS_SQL.format(pronouns=_PRONOUNS)}
        AND {_WORDS_SQL.format("text")} LIKE ?
"""


def actor_match(column: str) -> str:
    """SQL that is true when `column` (an actor key) names an actor the term in
    `actor_params(term)` matches, without regard to case or accents: its key; a country or
    code (ARM) takes the actors of that country and the codes it begins (ARMGOV); any other
    term matches any part of a code or the start of any word of a name or of an alias (a
    proper-name mention: "Trump" finds "Donald Trump"). The one definition of an actor term
    for the CLI, the API and the web page."""
    return f"{column} IN ({ACTOR_NAMES_SQL})"


def actor_params(term: str) -> list[str]:
    """The parameters of `actor_match` for `term` (a term with no letter or digit matches
    nothing but a key)."""
    words = fold_words(term)
    code = words.replace(" ", "").upper()
    if not words:
        return ["", "", term.strip(), "", "", "", "", ""]
    pattern = f"% {words}%"
    return [code, code, term.strip(), code, f"{code}%", f"%{code}%", pattern, pattern]


def fold_words(text: str) -> str:
    """`text` as lower-case words without accents, one space apart (the term side of
    `_WORDS_SQL`)."""
    plain = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[^\W_]+", plain))


def like(text: str) -> str:
    """An ILIKE pattern that finds `text` anywhere, with its own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_date(value: str, name: str) -> str:
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError as e:
        raise StoreError(
            StoreErrors.E306.format(field=name, expected="a date YYYY-MM-DD", value=value)
        ) from e


def check_code(value: str) -> str:
    if not value.isdigit() or len(value) > 4:
        raise StoreError(StoreErrors.E306.format(field="cameo", expected="1-4 digits", value=value))
    return value


def check_quad(value: int) -> int:
    if value not in (1, 2, 3, 4):
        raise StoreError(
            StoreErrors.E306.format(field="quad_class", expected="1, 2, 3 or 4", value=value)
        )
    return value


def check_mode(value: str) -> str:
    if value not in MODES:
        raise StoreError(
            StoreErrors.E306.format(field="mode", expected=" or ".join(MODES), value=value)
        )
    return value


def check_interval(value: str) -> str:
    if value not in INTERVALS:
        raise StoreError(
            StoreErrors.E306.format(
                field="interval", expected="day, week, month or year", value=value
            )
        )
    return INTERVALS[value]


def clamp(limit: int, offset: int) -> tuple[int, int]:
    """A page size between 1 and MAX_LIMIT and an offset of at least 0."""
    return min(max(int(limit), 1), MAX_LIMIT), max(int(offset), 0)
