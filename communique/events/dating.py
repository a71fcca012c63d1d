"""When each event happened.

1. A date phrase in the event's sentence, nearest the trigger, that is not part of
   the source or target phrase ("Aliyev's May 28 remarks" dates the remarks).
2. Else the last date in the article said of a clause whose subject is the same
   actor (or its country): news keeps the time of an actor's thread until it
   says otherwise ("...the address he delivered on May 28. Aliyev also vowed ...").
3. Else the publication date, with `date_text` None so the user can tell.

A phrase coarser than a day ("in June", "in 2018", "last week") gives the event no day:
`date` stays None, `date_text` keeps the phrase and `precision` says how coarse it is. An
asserted act is never dated after publication: a phrase that resolves later ("a month
later", counted from publication) is not the event's date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypeGuard

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..actors.items import ActorRef
from ..actors.lookup import MentionIndex
from ..datelines import in_dateline
from ..docview import children_of, view
from ..model import DatePrecision
from ..temporal import ResolvedDate, find_date_expressions, resolve
from . import syntax
from .authors import maker_verb
from .items import ANNOUNCED_ROOTS, SPOKEN_ROOTS, EventFinding

PREMODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss", "nummod"})
YEARS = (1900, 2100)  # four digits read as a year before a noun


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None  # YYYY-MM-DD, only when the day is known
    text: str | None  # the phrase that dates the event; None for the publication date
    precision: DatePrecision | None = None
    period: str | None = None  # ISO at that precision: 2024-06-11, 2024-W24, 2024-06, 2024


@dataclass(frozen=True, slots=True)
class _Anchor:
    offset: int
    resolved: ResolvedDate
    text: str
    actors: tuple[ActorRef, ...]


def date_events(
    doc: Doc, events: list[EventFinding], index: MentionIndex, *, published: dt.date | None
) -> list[EventDate]:
    """The date of each event in `events`, in the same order."""
    phrases, ties = _date_phrases(doc)
    anchors = _anchors(phrases, index, published)
    day = published.isoformat() if published else None
    fallback = EventDate(day, None, "day", day) if day else EventDate(None, None)
    triggers = [syntax.token_at(doc, e.trigger.start, e.trigger.end) for e in events]
    owns = [
        _noun_date(t, phrases, ties, published) or _own_date(e, t, phrases, published)
        for e, t in zip(events, triggers, strict=True)
    ]
    said = sorted([*phrases, *ties], key=lambda span: span.start_char)
    incident = _incident_day(events, owns, said, published)
    dated = []
    for event, trigger, own in zip(events, triggers, owns, strict=True):
        perfect = _perfect(trigger)
        if own is None and trigger is not None and not _announced(event, trigger):
            own = (
                _tied_date(event, trigger, ties, published)
                or (None if perfect else _reacted_date(trigger, phrases, published))
                or _gathering_date(trigger, phrases, published)
            )
        if own is not None and own[0].granularity == "week":
            own = _day_of_the_week(own, event, anchors) or own
        if own is not None:
            dated.append(_at_precision(*own))
            continue
        anchor = None if perfect else _last_anchor(anchors, event)
        told_before = None if perfect else _told_before(doc, event, phrases, published)
        told_here = None if perfect else _told_here(event, phrases, published)
        if told_here is not None:  # "appointed him, which he was until 2018, resigning"
            dated.append(_at_precision(*told_here))
        elif anchor is not None:  # a thread's time, at its own precision
            dated.append(_at_precision(anchor.resolved, anchor.text))
        elif told_before is not None:  # the past the sentence before went back to
            dated.append(_at_precision(*told_before))
        elif incident is not None and _of_the_incident(event):
            dated.append(_at_precision(*incident))
        else:
            dated.append(fallback)
    return dated


# Acts of force and coercion, and claims of responsibility for them: an undated one
# belongs to the incident the article tells.
INCIDENT_ROOTS = frozenset({"17", "18", "19", "20"})
RESPONSIBILITY_CODE = "015"


def _told_before(
    doc: Doc, event: EventFinding, phrases: list[SpacySpan], published: dt.date | None
) -> tuple[ResolvedDate, str] | None:
    """The month or year of the sentence before, in the same paragraph, when the event's
    own sentence says no date: "Relations soured in 2010 after commandos stormed the ship.
    Nine activists aboard were killed." goes on telling 2010. Only acts done, not words:
    a reaction told after the background is the day's news."""
    if event.root in SPOKEN_ROOTS:
        return None
    if any(event.evidence.start <= span.start_char < event.evidence.end for span in phrases):
        return None
    sentences = view(doc).sentences
    before = next((s for s in reversed(sentences) if s.end_char <= event.evidence.start), None)
    if before is None or "\n" in doc.text[before.end_char : event.evidence.start]:
        return None
    return _past_told(before.start_char, before.end_char, phrases, published)


def _finite(verb: Token | None) -> Token | None:
    """The finite verb a to-infinitive serves: "launched an operation to flush them out
    in 2015" is dated by "launched"."""
    while (
        verb is not None
        and verb.tag_ == "VB"
        and verb.dep_ in {"advcl", "xcomp"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))
    ):
        verb = verb.head
    return verb


def _told_here(
    event: EventFinding, phrases: list[SpacySpan], published: dt.date | None
) -> tuple[ResolvedDate, str] | None:
    """The past month or year the event's own sentence tells, for an act it does not date
    itself: the act belongs to that past, not to the day a thread of the story is on."""
    if event.root in SPOKEN_ROOTS:
        return None
    grains = COARSE - {"week"} | {"day"}  # "killed in a bombing that happened on June 27"
    return _past_told(event.evidence.start, event.evidence.end, phrases, published, grains)


def _past_told(
    start: int,
    end: int,
    phrases: list[SpacySpan],
    published: dt.date | None,
    grains: frozenset[str] | None = None,
) -> tuple[ResolvedDate, str] | None:
    """The date (at one of `grains`; by default a month or a year) a past-tense verb
    between `start` and `end` is dated by."""
    grains = grains if grains is not None else COARSE - {"week"}
    for span in phrases:
        if start <= span.start_char < end:
            verb = _finite(_governing_verb(span.root))
            if verb is None or verb.tag_ != "VBD" or span[0].lower_ == "since":
                continue  # "is due to expire in October", "since 2009 hundreds have died"
            past = _past(span, published)
            if past is not None and past[0].granularity in grains:
                return past
    return None


def _of_the_incident(event: EventFinding) -> bool:
    return event.root in INCIDENT_ROOTS or event.code.startswith(RESPONSIBILITY_CODE)


def _perfect(trigger: Token | None) -> bool:
    """ "Lawmakers have denounced the extension": the present perfect tells the news as it
    stands when the article is published, not at an earlier day of the actor's thread."""
    return (
        trigger is not None
        and trigger.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in trigger.children)
        and not any(c.lower_ in EARLIER_ADVERBS for c in trigger.children)
    )


# "has previously called", "has long accused": a stance held before, no news of the day.
EARLIER_ADVERBS = frozenset({"previously", "already", "long", "repeatedly", "often", "before"})


def _reacted_date(
    trigger: Token, phrases: list[SpacySpan], published: dt.date | None
) -> tuple[ResolvedDate, str] | None:
    """A reaction to an act the article dated where it told it: "The United States called
    a meeting on Wednesday ... Greece supported the call" is Wednesday's."""
    for noun in syntax.direct_objects(trigger):
        maker = maker_verb(noun)
        if maker is None:
            continue
        for span in phrases:
            verb = _governing_verb(span.root)
            if verb is not None and (verb == maker or verb.is_ancestor(maker)):
                past = _past(span, published)
                if past is not None:
                    return past
    return None


# Gatherings an act can take place at or during: "apologized during the hearing".
GATHERING_NOUNS = frozenset(
    {"hearing", "meeting", "summit", "session", "talk", "talks", "conference", "debate", "trial",
     "visit", "ceremony", "rally", "briefing"}
)  # fmt: skip


# Verbs of taking part in a gathering ("participated in the meeting") and of attending it.
TAKING_PART = frozenset({"participate", "take", "join"})
ATTENDING = frozenset({"attend", "join", "address", "boycott"})


def _gathering_date(
    trigger: Token, phrases: list[SpacySpan], published: dt.date | None
) -> tuple[ResolvedDate, str] | None:
    """An act "during the hearing" or "at the summit" is of the day the article dated that
    gathering, the last time it said one before ("a hearing was held on February 24"); a
    claim of responsibility for the attack, of the day it dated the attack."""
    for prep, nouns in _occasions(trigger):
        for noun in prep.children:
            lemma = noun.lemma_.lower()
            if noun.dep_ not in {"pobj", "dobj"} or lemma not in nouns:
                continue
            if not any(c.lower_ in {"the", "that", "this"} for c in noun.children):
                continue  # "at a meeting" is a new one, not one the article dated
            earlier = [
                span for span in phrases
                if span.start_char < noun.idx and span.sent.start != noun.sent.start
                and any(t.lemma_.lower() == lemma for t in span.sent)
            ]  # fmt: skip
            for span in reversed(earlier):
                past = _past(span, published)
                if past is not None:
                    return past
    return None


def _occasions(trigger: Token) -> list[tuple[Token, frozenset[str]]]:
    """The trigger's prepositions that name an occasion, each with the nouns it may be."""
    lemma = trigger.lemma_.lower()
    found = [
        (p, GATHERING_NOUNS) for p in trigger.children
        if p.dep_ == "prep" and (p.lower_ in {"during", "at"}
                                 or (p.lower_ == "in" and lemma in TAKING_PART))
    ]  # fmt: skip
    if lemma in ATTENDING:  # "attended the meeting": the trigger holds the noun itself
        found.append((trigger, GATHERING_NOUNS))
    for obj in syntax.direct_objects(trigger):
        if obj.lemma_.lower() == "responsibility":  # "claimed responsibility for the attack"
            found += [(p, INCIDENT_NOUNS) for p in obj.children if p.lower_ == "for"]
    return found


def _tied_date(
    event: EventFinding, trigger: Token, ties: list[SpacySpan], published: dt.date | None
) -> tuple[ResolvedDate, str] | None:
    """A reaction tied to a dated act: "welcomed Tuesday's announcement" is Tuesday's."""
    for span in ties:
        if not event.evidence.start <= span.start_char < event.evidence.end:
            continue
        noun = span.root.head
        # "welcomed Tuesday's announcement"; "in the November 27 deal, Turkey agreed" (not
        # "pushed back on Aliyev's May 28 remarks": a reaction comes after what it answers)
        inside = noun.dep_ == "pobj" and noun.head.lower_ in {"in", "under", "during"}
        held = noun.head == trigger or (inside and noun.head.head == trigger)
        if not held or noun.dep_ not in {"dobj", "pobj"}:
            continue
        past = _past(span, published)
        if past is not None:
            return past
    return None


def _noun_date(
    trigger: Token | None,
    phrases: list[SpacySpan],
    ties: list[SpacySpan],
    published: dt.date | None,
) -> tuple[ResolvedDate, str] | None:
    """An act told in a clause of a dated noun is of the noun's time, not of the main
    clause's: "a trial opened on Monday over the 2004 bombing of a base that killed nine
    soldiers" killed them in 2004 (unless the clause says its own day)."""
    clause = trigger
    while clause is not None and clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    if clause is None or clause.dep_ not in {"relcl", "acl"}:
        return None
    if any(clause.is_ancestor(span.root) for span in phrases):
        return None
    chain = []
    noun = clause.head
    for _ in range(8):  # the nouns up to the clause's verb: "bombing of a base in X"
        if noun.pos_ in {"VERB", "AUX"} or noun.head is noun:
            break
        chain.append(noun)
        noun = noun.head
    for span in ties:
        if span.root.head in chain:
            return _past(span, published)
    return None


def _past(span: SpacySpan, published: dt.date | None) -> tuple[ResolvedDate, str] | None:
    """The phrase read as a past date, unless it falls after publication."""
    resolved = resolve(span.text, published, tense="past")
    if resolved is None or _after(resolved, published):
        return None
    return resolved, span.text


# Words that name an incident of force: a day said with them is the incident's day.
INCIDENT_NOUNS = frozenset(
    {"attack", "bombing", "shooting", "stabbing", "spree", "raid", "ambush", "hijacking",
     "kidnapping", "abduction", "siege", "massacre", "airstrike", "explosion", "blast",
     "assault", "clash", "hostage"}
)  # fmt: skip


def _incident_day(
    events: list[EventFinding],
    owns: list[tuple[ResolvedDate, str] | None],
    phrases: list[SpacySpan],
    published: dt.date | None,
) -> tuple[ResolvedDate, str] | None:
    """The day of the incident the article tells: the first act of force dated to a day,
    or the first day said in a sentence that names an attack ("came under attack on
    Tuesday"), whichever comes first. "On Thursday a gunman went on a stabbing spree ...
    The attacker was shot dead by police" is one incident."""
    found: list[tuple[int, tuple[ResolvedDate, str]]] = []
    for event, own in zip(events, owns, strict=True):
        if event.root in INCIDENT_ROOTS and event.mode == "asserted" and _a_day(own):
            found.append((event.trigger.start, own))
            break
    told = [span for span in phrases if any(t.lemma_.lower() in INCIDENT_NOUNS for t in span.sent)]
    # "confirmed Friday that ... died in Tuesday's hijacking": the day said of the incident
    # noun itself, before a day its sentence says of something else
    for span in sorted(told, key=lambda span: not _of_an_incident(span)):
        past = _past(span, published)
        if _a_day(past):
            found.append((span.start_char, past))
            break
    return min(found, key=lambda f: f[0])[1] if found else None


def _of_an_incident(span: SpacySpan) -> bool:
    """ "Tuesday's attack", "the attack on Tuesday": a date said of an incident noun."""
    head = span.root.head
    nouns = [head, head.head] if head.dep_ == "prep" else [head]
    return any(n.lemma_.lower() in INCIDENT_NOUNS for n in nouns)


def _a_day(own: tuple[ResolvedDate, str] | None) -> TypeGuard[tuple[ResolvedDate, str]]:
    return own is not None and own[0].granularity == "day"


def backgrounded(events: list[EventFinding], dates: list[EventDate]) -> list[EventFinding]:
    """`events` with an asserted act its own sentence dates only to a month or a year ("both
    countries withdrew ambassadors in 2018") told as `background`: the narrator reports it
    as context, on no day an analyst could count it."""
    return [
        dataclasses.replace(event, mode="background")
        if event.mode == "asserted" and date.precision in COARSE and date.text is not None
        else event
        for event, date in zip(events, dates, strict=True)
    ]


COARSE = frozenset({"week", "month", "year", "decade"})
NEAR = 400  # characters: the next sentence or two


def _at_precision(resolved: ResolvedDate, text: str) -> EventDate:
    """The day when the phrase gives one; else no day, and the period it names."""
    first = dt.date.fromisoformat(resolved.date)
    if resolved.granularity == "day":
        return EventDate(resolved.date, text, "day", resolved.date)
    if resolved.granularity == "week":
        year, week, _ = first.isocalendar()
        return EventDate(None, text, "week", f"{year}-W{week:02d}")
    if resolved.granularity == "month":
        return EventDate(None, text, "month", resolved.date[:7])
    if resolved.granularity == "decade":
        return EventDate(None, text, "decade", f"{resolved.date[:4]}s")
    return EventDate(None, text, "year", resolved.date[:4])


def _date_phrases(doc: Doc) -> tuple[list[SpacySpan], list[SpacySpan]]:
    """Date phrases in text order: those that date a clause, and those that date a noun.

    A date that premodifies a noun ("Aliyev's May 28 remarks", "the 2020 war")
    dates that thing, not the clause around it.
    """
    clauses: list[SpacySpan] = []
    nouns: list[SpacySpan] = []
    shared = view(doc)
    for sent in shared.sentences:
        for expression in find_date_expressions(sent.text):
            start = sent.start_char + expression.start
            if in_dateline(shared.datelines, start):
                continue  # "MANILA, Nov. 14 -" dates the filing, not the events
            span = doc.char_span(start, start + len(expression.text), alignment_mode="expand")
            if span is not None:
                (nouns if span.root.dep_ in PREMODIFIER_DEPS else clauses).append(span)
        tokens = shared.tokens[sent.start : sent.end]
        nouns += [doc[t.i : t.i + 1] for t in tokens if _year_of_a_noun(t)]
    return clauses, sorted(nouns, key=lambda span: span.start_char)


def _year_of_a_noun(token: Token) -> bool:
    """ "the 2004 bombing", "the 1994 genocide": a year before a noun dates the noun."""
    text = token.text  # (read once, and first: this runs on every word of the article)
    return (
        len(text) == 4
        and text.isdigit()
        and YEARS[0] <= int(text) <= YEARS[1]
        and token.dep_ in {"nummod", "compound", "amod"}
        and token.head.pos_ == "NOUN"
        and token.head.i > token.i
    )


def _own_date(
    event: EventFinding, trigger: Token | None, phrases: list[SpacySpan], published: dt.date | None
) -> tuple[ResolvedDate, str] | None:
    sentence = event.evidence
    # "will meet in June" and "would close it if ..." look ahead; the rest looks back.
    ahead = event.mode in {"future", "conditional"}
    tense: Literal["past", "future"] = "future" if ahead else "past"
    best: tuple[tuple[bool, int], ResolvedDate, str] | None = None
    announced = _announced(event, trigger)
    for span in phrases:
        start, end = span.start_char, span.end_char
        if start < sentence.start or end > sentence.end:
            continue
        if event.spoken is not None and event.spoken[0] <= start < event.spoken[1]:
            continue  # a speech act is dated by its telling, not by dates in what was said
        governor = _governing_verb(span.root) if announced else None
        if governor is not None and trigger is not None and governor.i == trigger.i:
            continue  # "said China will convene a meeting on Friday": the meeting's day
        if _dates_a_subordinate(span, trigger):
            continue  # "blamed X for withdrawing in 2017": 2017 dates the withdrawal
        resolved = resolve(span.text, published, tense=tense)
        if resolved is None or (not ahead and _after(resolved, published)):
            continue  # "a month later", counted from publication, dates no reported act
        # a phrase of the trigger's own line of clauses beats a nearer one inside another
        # clause ("reported on Monday that Iran ... demanded", not "killed in January")
        rank = (not _on_the_line(span, trigger), abs(start - event.trigger.start))
        if best is None or rank < best[0]:
            best = (rank, resolved, span.text)
    return (best[1], best[2]) if best else None


# Pledges and threats (`ANNOUNCED_ROOTS`) are made the day they are said, whatever day they
# name for the act.
FUTURE_WORDS = frozenset({"will", "would", "'ll", "shall"})


def _announced(event: EventFinding, trigger: Token | None) -> bool:
    """A pledge or threat told with "will" ("Iran will pursue ..."): dated by its telling."""
    return (
        trigger is not None
        and event.mode == "asserted"
        and event.root in ANNOUNCED_ROOTS
        and any(c.dep_ == "aux" and c.lower_ in FUTURE_WORDS for c in trigger.children)
    )


def _on_the_line(span: SpacySpan, trigger: Token | None) -> bool:
    """The phrase dates the trigger's verb, a verb it is coordinated with, or a verb above."""
    verb = _governing_verb(span.root)
    if trigger is None or verb is None:
        return True
    root = trigger
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # "issued warrants and demanded": the first verb's date
    return verb == root or verb.is_ancestor(root)


def _anchors(
    phrases: list[SpacySpan], index: MentionIndex, published: dt.date | None
) -> list[_Anchor]:
    """Past dates in the text with the subjects of the clauses they date."""
    anchors = []
    for span in phrases:
        resolved = resolve(span.text, published, tense="past")
        if resolved is None or resolved.granularity != "day" or _after(resolved, published):
            continue  # a year or a month of background is no thread's day
        verb = _governing_verb(span.root)
        if verb is None or syntax.mode_of(verb) == "future":
            continue
        subject = syntax.subject_of(verb) or syntax.agent_of(verb)
        actors = tuple(index.refs_for(subject)) if subject is not None else ()
        if actors:
            anchors.append(_Anchor(span.start_char, resolved, span.text, actors))
    return anchors


def _dates_a_subordinate(span: SpacySpan, trigger: Token | None) -> bool:
    """The phrase belongs to a clause under the event's verb, not to the verb itself
    ("blamed X for withdrawing in 2017"); an infinitive complement shares its verb's time
    ("was forced to shutter in 2023")."""
    verb = _governing_verb(span.root)
    if trigger is None or verb is None or not trigger.is_ancestor(verb):
        return False
    while verb.dep_ == "xcomp" and verb.head != trigger and verb.head is not verb:
        verb = verb.head
    return not (verb.dep_ == "xcomp" and verb.head == trigger)


def _after(resolved: ResolvedDate, published: dt.date | None) -> bool:
    return published is not None and resolved.date > published.isoformat()


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _day_of_the_week(
    own: tuple[ResolvedDate, str], event: EventFinding, anchors: list[_Anchor]
) -> tuple[ResolvedDate, str] | None:
    """ "ordered Zamora back to prison this week ... Zamora on Monday returned to prison":
    an act dated only to a week is of the one day in that week the article gives one of its
    actors, when it gives just one."""
    start = dt.date.fromisoformat(own[0].date)
    week = {(start + dt.timedelta(days=n)).isoformat() for n in range(7)}
    ends = [end for end in (event.source, event.target) if end is not None]

    def tied(anchor: _Anchor) -> bool:
        # one of its actors, or (in the next sentence or two) a speaker of the same country:
        # "Speaking at a meeting this week, Pakistan's envoy ... the Pakistani envoy said Monday"
        near = abs(anchor.offset - event.evidence.end) <= NEAR
        return any(
            _same_thread(actor, end) or (near and actor.country == end.country)
            for actor in anchor.actors
            for end in ends
        )

    days = {a.resolved.date: a for a in anchors if a.resolved.date in week and tied(a)}
    if len(days) != 1:
        return None
    anchor = next(iter(days.values()))
    return anchor.resolved, anchor.text


def _last_anchor(anchors: list[_Anchor], event: EventFinding) -> _Anchor | None:
    found = None
    for anchor in anchors:
        if anchor.offset >= event.evidence.start:
            break
        if any(_same_thread(actor, event.source) for actor in anchor.actors):
            found = anchor
    return found


def _same_thread(a: ActorRef, b: ActorRef) -> bool:
    """The same actor, or unnamed groups of one country and sector ("people marched on
    Saturday ... Protesters, carrying placards, ..."): one crowd, one force, told twice."""
    if a == b:
        return True
    return (
        a.kind == b.kind == "group"
        and a.sector is not None
        and (a.country, a.sector) == (b.country, b.sector)
    )
