"""A `Result` as rows of the store's tables, with the hash keys that link them.

`uid` is the article's content hash; `actor_key` names an actor across articles
(same kind, code, country and name); `event_key` names an event across articles
(same day, source, target, CAMEO code, mode and negation), so the same event told
by several articles is counted once while every article stays as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Actor, Event, Quote, Result, Span, content_id

Row = dict[str, Any]
_CODE = re.compile(r"^\[(E\d+|W\d+)\]")


@dataclass(slots=True)
class Rows:
    """Rows for each table, ready for `INSERT`."""

    uid: str | None = None
    article_id: str = ""
    articles: list[Row] = field(default_factory=list)
    actors: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)
    quotes: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    errors: list[Row] = field(default_factory=list)


def article_uid(text: str) -> str:
    """The content hash that decides whether an article is already stored."""
    return content_id(text)


def actor_key(actor: Actor) -> str:
    parts = (actor.kind, actor.code or "", actor.country or "", actor.name.casefold())
    return content_id("actor|" + "|".join(parts))


def event_key(event: Event, day: str | None, keys: dict[str, str]) -> str:
    source = keys.get(event.source or "", "")
    target = keys.get(event.target or "", "")
    when = day or event.period or ""
    parts = (when, source, target, event.cameo, event.mode, str(event.negated))
    return content_id("event|" + "|".join(parts))


def to_rows(result: Result) -> Rows:
    """The rows that store `result`: article, actors, mentions, quotes, events or errors.

    An article that failed (it has errors) is stored as errors only, so that the
    next ingest tries it again. Its warnings are stored as rows of the errors table
    whatever happens (`is_warning` tells them apart).
    """
    article = result.article
    rows = Rows(article_id=article.id)
    # Warnings (W1xx) go to the errors table beside any errors; they never fail the article.
    notes = [*result.errors, *result.warnings]
    rows.errors = [_error(article.id, article.origin, m) for m in notes]
    if result.errors or not article.text:
        return rows
    uid = article_uid(article.text)
    rows.uid = uid
    rows.articles.append(
        {
            "uid": uid,
            "id": article.id,
            "source": article.source,
            "url": article.url,
            "published": _date(article.published),
            "title": article.title,
            "text": article.text,
            "origin": article.origin,
            "n_actors": len(result.actors),
            "n_quotes": len(result.quotes),
            "n_events": len(result.events),
        }
    )
    actors = {a.id: a for a in result.actors}
    keys = {a.id: actor_key(a) for a in result.actors}
    for actor in result.actors:
        rows.actors.append(_actor(uid, actor, keys[actor.id]))
        rows.mentions.extend(
            {"article_uid": uid, "actor_id": actor.id, "actor_key": keys[actor.id]}
            | _span("", m, text="text", start="start_char", end="end_char")
            for m in actor.mentions
        )
    published = _date(article.published)
    rows.quotes = [_quote(uid, q, actors, keys, published) for q in result.quotes]
    rows.events = [_event(uid, e, actors, keys, published) for e in result.events]
    return rows


def _actor(uid: str, actor: Actor, key: str) -> Row:
    return {
        "article_uid": uid,
        "id": actor.id,
        "key": key,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "code": actor.code,
        "role": actor.role,
        "n_mentions": len(actor.mentions),
    }


def _quote(
    uid: str, quote: Quote, actors: dict[str, Actor], keys: dict[str, str], published: str | None
) -> Row:
    speaker = actors.get(quote.speaker or "")
    return (
        {
            "article_uid": uid,
            "id": quote.id,
            "speaker": quote.speaker,
            "speaker_key": keys.get(quote.speaker or ""),
            "speaker_name": speaker.name if speaker else None,
            "speaker_country": speaker.country if speaker else None,
            "kind": quote.kind,
            "anonymous": quote.anonymous,
            "confidence": quote.confidence,
            "published": published,
        }
        | _span("content", quote.content)
        | _span("cue", quote.cue)
        | _span("speaker_mention", quote.speaker_mention)
        | _span("evidence", quote.evidence)
        | _span("clause", getattr(quote, "clause", None))
    )


def _event(
    uid: str, event: Event, actors: dict[str, Actor], keys: dict[str, str], published: str | None
) -> Row:
    # the publication day for an event no phrase dates; none for "in June" (no day known)
    day = _date(event.date) or (published if event.date_text is None else None)
    row: Row = {
        "article_uid": uid,
        "id": event.id,
        "event_key": event_key(event, day, keys),
    }
    for role, actor_id in (("source", event.source), ("target", event.target)):
        actor = actors.get(actor_id or "")
        row[role] = actor_id
        row[f"{role}_key"] = keys.get(actor_id or "")
        row[f"{role}_name"] = actor.name if actor else None
        row[f"{role}_code"] = actor.code if actor else None
        row[f"{role}_country"] = actor.country if actor else None
    location = event.location
    row |= {
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "plover": event.plover,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "date": _date(event.date),
        "date_text": event.date_text,
        "date_precision": event.date_precision,
        "period": event.period,
        "day": day,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "mode": event.mode,
        "negated": event.negated,
        "quote": event.quote,
        "confidence": event.confidence,
        "claimed_by": list(event.claimed_by),
        "denied_by": list(event.denied_by),
        "confirmed_by": list(event.confirmed_by),
        "accusation": event.accusation,
        "denials": list(event.denials),
        "claim_presumed": event.claim_presumed,
    }
    row |= _span("location_mention", location.mention if location else None)
    return row | _span("trigger", event.trigger) | _span("evidence", event.evidence)


def _span(
    prefix: str,
    span: Span | None,
    *,
    text: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Row:
    return {
        text or prefix: span.text if span else None,
        start or f"{prefix}_start": span.start if span else None,
        end or f"{prefix}_end": span.end if span else None,
    }


def is_warning(row: Row) -> bool:
    """Whether a row of the errors table is a warning (W1xx), which fails nothing."""
    return str(row.get("code") or "").startswith("W")


def _error(article_id: str, origin: str | None, message: str) -> Row:
    found = _CODE.match(message)
    return {
        "key": content_id(f"error|{article_id}|{origin or ''}|{message}"),
        "article_id": article_id,
        "origin": origin,
        "code": found.group(1) if found else None,
        "message": message,
    }


def _date(value: str | None) -> str | None:
    """The YYYY-MM-DD part of an ISO date or datetime, or None."""
    if not value or len(value) < 10 or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    return value[:10]
