"""Immutable records that flow between communique's stages.

Every record is a frozen dataclass made of plain values (str, int, float, bool,
None, tuples and other records), so it can be turned into JSON with `to_dict`
and travels through `nlp.pipe(n_process=...)` and Dask as a dict.
Offsets are Python `str` character offsets into `Article.text`, end exclusive.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
EventMode = Literal[
    "asserted",
    "future",
    "conditional",
    "hypothetical",
    "claimed",
    "alleged",
    "habitual",
    "background",
]
# How precise an event's time is: "in June 2024" is a month, never its first day.
DatePrecision = Literal["day", "week", "month", "year", "decade"]
ActorKind = Literal["country", "person", "organisation", "group"]

CONTRACT_VERSION = "1.7"


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article text: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of `text[start:end]`."""
        return cls(text[start:end], start, end)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read by `communique.ingest`.

    `published` is an ISO date (YYYY-MM-DD) or None. `origin` names where the
    article came from (a path and line number) for error messages. `warnings` are
    what ingest noted about the input without refusing it (W1xx messages, such as a
    `url` that is not http or https).
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None
    warnings: tuple[str, ...] = ()

    def contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "title": self.title,
            "text": self.text,
        }


def content_id(text: str) -> str:
    """A stable id for an article without one: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Actor:
    """Who: a country, a person, an organisation or a group, with its CAMEO-style code.

    `country` is ISO 3166-1 alpha-3 or "IGO"; `sector` a CAMEO agent code
    (GOV, MIL, OPP, REB, CVL, MED, BUS, JUD, LEG, IGO, ...) or None; `code` their
    concatenation (USAGOV, IGOUNO, ...).
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    code: str | None
    role: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    mention: Span | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: content, the cue that introduces it and the speaker.

    `speaker` is an actor id once actors are resolved; `speaker_mention` is the
    text that names the speaker where the quote is attributed ("he", "Miller",
    "a statement issued by the foreign ministry"), and `evidence` the sentence(s)
    that hold the quote and its attribution. `anonymous` marks unnamed sources
    ("a senior official said"). A mixed quote's `content` is the quoted fragment and
    its `clause` the reported clause that holds it.
    """

    id: str
    content: Span
    kind: QuoteKind
    cue: Span | None = None
    speaker_mention: Span | None = None
    speaker: str | None = None
    evidence: Span | None = None
    anonymous: bool = False
    confidence: float = 0.5
    # For a mixed quote, the whole reported clause around the quoted fragment(s).
    clause: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when and where, coded in CAMEO with PLOVER alongside."""

    id: str
    source: str | None
    target: str | None
    cameo: str
    cameo_root: str
    plover: str | None
    quad_class: int
    goldstein: float
    evidence: Span
    trigger: Span | None = None
    date: str | None = None
    date_text: str | None = None
    date_precision: DatePrecision | None = None
    period: str | None = None
    location: Location | None = None
    mode: EventMode = "asserted"
    negated: bool = False
    quote: str | None = None
    confidence: float = 0.5
    # An alleged act (contract 1.6): the actors who claim it, deny it and confirm it, and
    # the accusation event that tells it ("accused Y of shelling": the 112 event).
    claimed_by: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    confirmed_by: tuple[str, ...] = ()
    accusation: str | None = None
    denials: tuple[str, ...] = ()  # the ids of the events that deny it
    # (contract 1.7) `claimed_by` holds a presumed claimant: the article names none
    claim_presumed: bool = False


@dataclass(frozen=True, slots=True)
class Result:
    """Everything communique found in one article: the JSON output contract."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[str, ...] = field(default=())

    @property
    def warnings(self) -> tuple[str, ...]:
        """What ingest noted about the article without failing it (contract 1.5)."""
        return self.article.warnings

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.contract(),
            "actors": [to_dict(a) for a in self.actors],
            "quotes": [to_dict(q) for q in self.quotes],
            "events": [to_dict(e) for e in self.events],
            "errors": list(self.errors),
            "warnings": list(self.warnings),
        }


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready values (tuples become lists)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    return record
