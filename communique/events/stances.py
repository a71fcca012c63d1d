"""Acts told by a phrase of stance on another verb: "hundreds massed outside the embassy
in protest of Veloria's police actions" protest against Veloria (141); "mosques broadcast
prayers in support of Veloria's people" support them (051); "marched in solidarity with
the strikers" supports the strikers.

The phrase's verb gives the doer, the mode and the day; the phrase's object, or the actor
it belongs to ("Veloran police actions" are Veloria's police's), is the target.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.items import ActorRef
from ..actors.lookup import MentionIndex
from ..docview import children_of
from ..model import Span
from . import syntax
from .items import EventFinding, between

# The stance nouns, with their code and the prepositions that name whom they concern.
STANCES: dict[str, tuple[str, frozenset[str]]] = {
    "protest": ("141", frozenset({"of", "against", "over", "at"})),
    "support": ("051", frozenset({"of", "for"})),
    "solidarity": ("051", frozenset({"with"})),
}
OWNER_DEPS = frozenset({"poss", "compound", "amod"})
CONFIDENCE = 0.6


def stance_events(
    verb: Token,
    index: MentionIndex,
    evidence: Span,
    *,
    quote: int | None = None,
    speaker: ActorRef | None = None,
) -> list[EventFinding]:
    """The stances "in protest of X", "in support of X", "in solidarity with X" that
    qualify `verb`, as acts of its subject on X."""
    found: list[EventFinding] = []
    for noun in _stance_nouns(verb):
        code, preps = STANCES[noun.lemma_.lower()]
        targets = _concerned(noun, verb, preps, index)
        subject = syntax.subject_of(verb)
        if not targets or subject is None:
            continue
        sources = index.refs_for(subject, speaker=speaker, generic=True)
        found += between(
            code,
            sources,
            targets,
            verb=verb,
            trigger=noun,
            evidence=evidence,
            quote=quote,
            confidence=CONFIDENCE,
        )
    return found


def _stance_nouns(verb: Token) -> list[Token]:
    """The stance nouns of the verb's "in" phrases."""
    return [
        noun
        for prep in children_of(verb)
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for noun in children_of(prep)
        if noun.dep_ == "pobj" and noun.lemma_.lower() in STANCES and not _owned(noun)
    ]


def _owned(noun: Token) -> bool:
    """ "in its support", "in their protest": someone's own, not a stance on someone."""
    return any(c.dep_ == "poss" for c in children_of(noun))


def _concerned(
    noun: Token, verb: Token, preps: frozenset[str], index: MentionIndex
) -> list[ActorRef]:
    """The actors the stance concerns: its object's actors, else the actor the object
    belongs to ("Veloria's police actions", "Veloran demands"). The parser may hang the
    object's preposition on the verb, right after the noun ("in solidarity with X")."""
    holders = [noun, *(p for p in children_of(verb) if p.i == noun.i + 1)]
    objects = [
        o
        for holder in holders
        for p in ([holder] if holder is not noun else children_of(noun))
        if p.dep_ == "prep" and p.lower_ in preps
        for o in children_of(p)
        if o.dep_ == "pobj"
    ]
    for obj in objects:
        refs = index.refs_for(obj)
        if not refs:
            refs = [r for c in children_of(obj) if c.dep_ in OWNER_DEPS for r in index.refs_for(c)]
        if refs:
            return refs
    return []
