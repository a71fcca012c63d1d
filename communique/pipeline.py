"""From articles to results: every stage in order, one article's failure kept to itself.

    ingest -> nlp -> quotes -> actors -> events (+ dates, places) -> Result

`extract(items)` is the Python API behind `communique extract`: it takes what
`communique.ingest.read` yields (articles and ingest errors) and returns one
`Result` per item, in order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import islice
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as nlp_module
from .actors.dictionary import ActorDictionary, load_dictionary
from .actors.generic import (
    dominant_country,
    generic_mention,
    link_abbreviations,
    with_default_country,
)
from .actors.headline import with_headline_countries
from .actors.items import ActorMention, ActorRef
from .actors.lookup import MentionIndex
from .actors.resolve import find_mentions, link_surnames, mention_for_span
from .docview import view
from .entities import Link, link_entities, organisation_mentions, tight_mention
from .errors import Errors
from .events.claims import ACCUSATION_ROOT, attribute_claims
from .events.coder import find_events
from .events.dating import EventDate, backgrounded, date_events
from .events.items import EventFinding
from .events.ontology import VerbPattern, code_info
from .events.speech import speech_events
from .guards import article_problem
from .ingest import IngestError
from .model import Actor, Article, Event, Quote, Result
from .places import event_location, lookup_place
from .quotes import QuoteFinding, find_quotes
from .vocabulary import Vocabulary

Item = Article | IngestError
K = TypeVar("K")


def extract(
    items: Iterable[Item],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    min_confidence: float = 0.0,
    vocabulary: Vocabulary | None = None,
) -> Iterator[Result]:
    """Results for `items`, one per item and in order; failures are in `Result.errors`.
    `vocabulary` names PETRARCH-format dictionaries to code with instead of the shipped ones."""
    nlp = nlp or nlp_module.load()
    iterator = iter(items)
    while True:
        chunk = list(islice(iterator, batch_size * max(n_process, 1)))
        if not chunk:
            return
        yield from _extract_chunk(
            chunk, nlp, n_process=n_process, min_confidence=min_confidence, vocabulary=vocabulary
        )


def extract_article(article: Article, *, nlp: Language | None = None) -> Result:
    """The result for one article."""
    return next(extract([article], nlp=nlp))


def _extract_chunk(
    chunk: list[Item],
    nlp: Language,
    *,
    n_process: int,
    min_confidence: float,
    vocabulary: Vocabulary | None = None,
) -> Iterator[Result]:
    vocabulary = vocabulary or Vocabulary()
    dictionary, patterns = vocabulary.dictionary(), vocabulary.patterns()
    problems = {id(i): article_problem(i) for i in chunk if isinstance(i, Article)}
    articles = [i for i in chunk if isinstance(i, Article) and problems[id(i)] is None]
    # Parsed lazily, in step with the analysis: only a few Docs are alive at once.
    docs = _parse(articles, nlp, n_process=n_process)
    for item in chunk:
        if isinstance(item, IngestError):
            yield _error_result(item)
            continue
        problem = problems[id(item)]
        if problem is not None:
            yield Result(item, errors=(problem,))
            continue
        doc = next(docs)
        if doc is None:
            yield Result(
                item, errors=(Errors.E201.format(origin=_origin(item), reason="parse failed"),)
            )
            continue
        try:
            yield analyse(
                item, doc, min_confidence=min_confidence, dictionary=dictionary, patterns=patterns
            )
        except Exception as error:  # noqa: BLE001 - one article's failure must not stop a batch
            reason = f"{type(error).__name__}: {error}"
            yield Result(item, errors=(Errors.E201.format(origin=_origin(item), reason=reason),))


def _parse(articles: list[Article], nlp: Language, *, n_process: int) -> Iterator[Doc | None]:
    """The articles' Docs in order, lazily; after a failure, the rest one article at a time
    (None for one that fails alone)."""
    done = 0
    try:
        for doc in nlp_module.parse(nlp, [a.text for a in articles], n_process=n_process):
            yield doc
            done += 1
    except Exception:  # noqa: BLE001 - find the article that broke the batch
        for article in articles[done:]:
            try:
                yield next(nlp_module.parse(nlp, [article.text]))
            except Exception:  # noqa: BLE001
                yield None


def analyse(
    article: Article,
    doc: Doc,
    *,
    min_confidence: float = 0.0,
    dictionary: ActorDictionary | None = None,
    patterns: Mapping[str, Sequence[VerbPattern]] | None = None,
) -> Result:
    """Quotes, actors and events of one parsed article; `dictionary` replaces the shipped
    actor dictionary and `patterns` the shipped verb patterns (the benchmarks load
    PETRARCH's test dictionaries this way)."""
    published = _published(article)
    findings = [q for q in find_quotes(doc) if q.confidence >= min_confidence]
    mentions = find_mentions(doc, published=published, dictionary=dictionary)
    mentions += _speaker_mentions(
        doc, findings, mentions, published=published, dictionary=dictionary
    )
    mentions = link_surnames(mentions)
    mentions = link_abbreviations(doc, sorted(mentions, key=lambda m: m.span.start))
    known = dictionary or load_dictionary()
    mentions = organisation_mentions(doc, mentions, known)
    places = _place_countries(doc, mentions)
    sentences = view(doc).sentences
    country = dominant_country(mentions, places, lede=sentences[0].end_char if sentences else 0)
    local = dominant_country((), places)  # where the story happens: places, not actors
    mentions = with_default_country(with_headline_countries(mentions, article.title, known),
                                    country, local)  # fmt: skip
    fallback = partial(
        generic_mention, dictionary=known, country=country, published=published, local=local
    )
    index = MentionIndex(doc, mentions, fallback=fallback, country=country, members=known.members)
    speakers = link_entities(doc, index, findings, dictionary=known)
    coded = find_events(doc, index, findings, patterns=patterns, links=speakers)
    coded += speech_events(doc, index, findings, speakers, coded)
    coded = attribute_claims(doc, coded, index, patterns)
    events = [e for e in coded if e.confidence >= min_confidence]
    dates = date_events(doc, events, index, published=published)
    events = backgrounded(events, dates)
    mentions = index.mentions  # with the generic actors the events found
    actor_ids = _actor_ids(mentions)
    actors = _actors(mentions, actor_ids)
    quotes, quote_ids = _quotes(doc, index, findings, speakers, actor_ids)
    text = view(doc).text
    doc_ents = [(text[e.start_char : e.end_char], e.start_char, e.end_char, e.label_)
                for e in view(doc).ents]  # fmt: skip
    triggers = {e.trigger.start: f"e{i}" for i, e in enumerate(events, start=1)}
    accusations = {  # the accusation event of each claim verb: "accused" -> its 112
        e.trigger.start: f"e{i}" for i, e in enumerate(events, start=1) if e.root == ACCUSATION_ROOT
    }
    records = tuple(
        _event(i, event, date, doc_ents, actor_ids, quote_ids, accusations, triggers)
        for i, (event, date) in enumerate(zip(events, dates, strict=True), start=1)
    )
    return Result(article, actors=actors, quotes=quotes, events=records)


def _place_countries(doc: Doc, mentions: list[ActorMention]) -> list[tuple[str, int]]:
    """The countries of the places named that are no actor ("in Dhaka", "near Kurmuk")."""
    taken = {(m.span.start, m.span.end) for m in mentions}
    found = []
    for ent in view(doc).ents:
        if ent.label_ in {"GPE", "LOC"} and (ent.start_char, ent.end_char) not in taken:
            place = lookup_place(ent.text)
            if place is not None and place.country:
                found.append((place.country, ent.start_char))
    return found


def _speaker_mentions(
    doc: Doc,
    findings: list[QuoteFinding],
    mentions: list[ActorMention],
    *,
    published: dt.date | None,
    dictionary: ActorDictionary | None = None,
) -> list[ActorMention]:
    """Speakers the actor stage did not know as actors ("the Armenia's Foreign Ministry")."""
    index = MentionIndex(doc, mentions)
    extra: list[ActorMention] = []
    for finding in findings:
        span = finding.speaker_ref or finding.speaker_mention
        if span is None or finding.anonymous or index.covering(span.start, span.end):
            continue
        if any(m.span.overlaps(span) for m in extra):
            continue
        mention = mention_for_span(
            doc, span.start, span.end, published=published, dictionary=dictionary
        )
        if mention is not None:
            extra.append(mention)
    return extra


def _actor_ids(mentions: list[ActorMention]) -> dict[ActorRef, str]:
    ids: dict[ActorRef, str] = {}
    for mention in sorted(mentions, key=lambda m: m.span.start):
        ids.setdefault(mention.ref, f"a{len(ids) + 1}")
    return ids


def _actors(mentions: list[ActorMention], ids: dict[ActorRef, str]) -> tuple[Actor, ...]:
    spans: dict[ActorRef, list] = {ref: [] for ref in ids}
    for mention in sorted(mentions, key=lambda m: m.span.start):
        spans[mention.ref].append(mention.span)
    return tuple(
        Actor(
            id=actor_id,
            name=ref.name,
            kind=ref.kind,
            country=ref.country,
            sector=ref.sector,
            code=ref.code,
            role=ref.role,
            mentions=tuple(spans[ref]),
        )
        for ref, actor_id in ids.items()
    )


def _quotes(
    doc: Doc,
    index: MentionIndex,
    findings: list[QuoteFinding],
    speakers: list[Link | None],
    ids: dict[ActorRef, str],
) -> tuple[tuple[Quote, ...], dict[int, str]]:
    """One quote per finding and speaker ("Bugti and Chaudhry said" gives two), and the id
    of each finding's first quote (what its events point to)."""
    quotes: list[Quote] = []
    first: dict[int, str] = {}
    for number, (finding, link) in enumerate(zip(findings, speakers, strict=True)):
        refs: list[ActorRef | None] = [r for r in link.refs if r in ids] if link else []
        for ref in refs or [None]:
            mention = finding.speaker_mention
            if mention is not None:
                mention = tight_mention(doc, mention, (ref,) if ref else (), index)
            quote_id = f"q{len(quotes) + 1}"
            first.setdefault(number, quote_id)
            quotes.append(
                Quote(
                    id=quote_id,
                    content=finding.content,
                    kind=finding.kind,
                    cue=finding.cue,
                    speaker_mention=mention,
                    speaker=ids[ref] if ref is not None else None,
                    evidence=finding.evidence,
                    anonymous=finding.anonymous,
                    confidence=finding.confidence,
                    clause=finding.clause,
                )
            )
    return tuple(quotes), first


def _event(
    number: int,
    event: EventFinding,
    date: EventDate,
    doc_ents: list[tuple[str, int, int, str]],
    ids: dict[ActorRef, str],
    quote_ids: dict[int, str],
    accusations: dict[int, str],
    triggers: dict[int, str],
) -> Event:
    info = code_info(event.code)
    sentence = event.evidence
    ents = [
        (text, start - sentence.start, end - sentence.start, label)
        for text, start, end, label in doc_ents
        if sentence.start <= start and end <= sentence.end
    ]
    location = event_location(
        sentence.text,
        ents,
        sentence_start=sentence.start,
        trigger_offset=event.trigger.start,
        country_hint=event.target.country if event.target else None,
    )
    return Event(
        id=f"e{number}",
        source=ids.get(event.source),
        target=ids.get(event.target) if event.target else None,
        cameo=info.code,
        cameo_root=info.root,
        plover=info.plover,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        evidence=event.evidence,
        trigger=event.trigger,
        date=date.date,
        date_text=date.text,
        date_precision=date.precision,
        period=date.period,
        location=location,
        mode=event.mode,
        negated=event.negated,
        quote=quote_ids.get(event.quote) if event.quote is not None else None,
        confidence=event.confidence,
        claimed_by=_ids(event.claimants, ids),
        denied_by=_ids(event.deniers, ids),
        confirmed_by=_ids(event.confirmers, ids),
        accusation=accusations.get(event.claim.start) if event.claim is not None else None,
        denials=_ids(tuple(d.start for d in event.denials), triggers),
        claim_presumed=event.claim_presumed,
    )


def _ids(keys: tuple[K, ...], ids: dict[K, str]) -> tuple[str, ...]:
    """The ids of `keys` (actors, or events by their trigger's offset), once each, in order."""
    return tuple(dict.fromkeys(ids[k] for k in keys if k in ids))


def _published(article: Article) -> dt.date | None:
    if not article.published:
        return None
    try:
        return dt.date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _origin(article: Article) -> str:
    return article.origin or article.id


def _error_result(error: IngestError) -> Result:
    article = Article(id=error.article_id, text="", origin=error.origin)
    return Result(article, errors=(error.message,))
