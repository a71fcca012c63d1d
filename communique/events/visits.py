"""Visits told by a noun: "during his visit to Veloria, the minister praised ..." and "this
marks the minister's second trip to Veloria" are the minister visiting Veloria (042; the
host's 043 follows from it, `coder._paired`).

The visit noun hangs on a verb that gives the mode and the day: the verb it qualifies
("during", "on", "while on"), or the verb that says the visit took place ("marks",
"concluded", "was"). The visitor is the noun's owner ("his", "Rubio's"), else that verb's
subject; the host is the place or actor after "to". "Ahead of his visit", "a planned
visit" hang on no such verb and tell nothing yet.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.items import ActorRef
from ..actors.lookup import MentionIndex
from ..docview import children_of
from ..model import Span
from . import syntax, voice
from .items import EventFinding, between

VISIT_CODE = "042"
VISIT_NOUNS = frozenset({"visit", "trip", "tour"})
# Prepositions that put the visit around the verb's act: the act happened on the visit.
DURING = frozenset({"during", "on", "while"})
# Verbs that say a visit took place: "marks", "made", "concluded", "wrapped up".
TOOK_PLACE = frozenset({"mark", "make", "pay", "conclude", "end", "wrap", "complete", "be"})
# Words that put the visit ahead of the telling: "his planned visit", "next visit".
NOT_YET = frozenset({"planned", "upcoming", "next", "proposed", "expected", "possible", "future"})
CONFIDENCE = 0.6


def visit_events(
    verb: Token,
    index: MentionIndex,
    evidence: Span,
    *,
    quote: int | None = None,
    speaker: ActorRef | None = None,
) -> list[EventFinding]:
    """The visits the nouns on `verb` tell of, from the visitor to the host."""
    found: list[EventFinding] = []
    for noun in _visit_nouns(verb):
        hosts = _hosts(noun, verb, index)
        if not hosts:
            continue
        owner = next((c for c in children_of(noun) if c.dep_ == "poss"), None)
        subject = syntax.subject_of(verb)
        # "during his visit, Macron said": the owner, else (a pronoun told before its
        # name) the verb's subject
        named = (t for t in (owner, subject) if t is not None)
        visitors = [r for t in named for r in index.refs_for(t, speaker=speaker)][:1]
        found += between(
            VISIT_CODE,
            visitors,
            hosts,
            verb=verb,
            trigger=noun,
            evidence=evidence,
            quote=quote,
            confidence=CONFIDENCE,
        )
    return found


def _visit_nouns(verb: Token) -> list[Token]:
    """The visit nouns `verb` frames: "during/on a visit", or its object or complement
    when `verb` says the visit took place."""
    nouns: list[Token] = []
    for child in children_of(verb):
        if child.dep_ == "prep" and child.lower_ in DURING:
            nouns += [g for g in children_of(child) if g.dep_ == "pobj"]
        elif child.dep_ in {"dobj", "attr"} and verb.lemma_.lower() in TOOK_PLACE:
            nouns.append(child)
    return [n for n in nouns if n.lemma_.lower() in VISIT_NOUNS and not _not_yet(n)]


def _not_yet(noun: Token) -> bool:
    return any(c.lower_ in NOT_YET for c in children_of(noun))


def _hosts(noun: Token, verb: Token, index: MentionIndex) -> list[ActorRef]:
    """The actors of the visit's "to" phrase; the parser may hang it on the verb right
    after the noun ("made a visit to Veloria")."""
    places = syntax.prep_objects(noun, "to")
    places += [o for o in syntax.prep_objects(verb, "to") if o.i > noun.i]
    for generic in (False, True):  # a known actor, else a place the index can name
        for place in places:
            refs = index.refs_for(place, generic=generic)
            if refs:
                return refs
    return voice.country_where(noun, index, ("to",))  # "a visit to Arequipa": Peru
