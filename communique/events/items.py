"""Records of the events stage, before actor ids and dates are given."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from ..actors.items import ActorRef
from ..model import EventMode, Span
from . import syntax

# Roots of what is said rather than done: statements, appeals, offers, consultation, praise,
# demands, criticism, rejection, threats.
SPOKEN_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
# Announced acts that are events the day they are said: intents (pledges) and threats.
ANNOUNCED_ROOTS = frozenset({"03", "13"})


@dataclass(frozen=True, slots=True)
class EventFinding:
    """One coded action: source did `code` to target, found at `trigger`.

    `quote` is the index of the quote finding whose content holds the trigger,
    so the pipeline can link the event to that quote.
    """

    code: str
    source: ActorRef
    target: ActorRef | None
    trigger: Span
    evidence: Span
    mode: EventMode = "asserted"
    negated: bool = False
    quote: int | None = None
    confidence: float = 0.5
    spoken: tuple[int, int] | None = None  # a speech act: the content of the quote it is
    # an alleged act (`claims`): who claims, denies and confirms it; the claim's own verb
    claimants: tuple[ActorRef, ...] = ()
    deniers: tuple[ActorRef, ...] = ()
    confirmers: tuple[ActorRef, ...] = ()
    claim: Span | None = None
    denials: tuple[Span, ...] = ()  # the triggers of the events that deny it
    claim_presumed: bool = False  # the claimants are presumed, not named as claiming it

    @property
    def root(self) -> str:
        """The CAMEO root ("19" for 190 and 1911)."""
        return self.code[:2]


def between(
    code: str,
    sources: Iterable[ActorRef],
    targets: Iterable[ActorRef | None],
    *,
    verb: Token,
    trigger: Token,
    evidence: Span,
    quote: int | None,
    confidence: float,
) -> list[EventFinding]:
    """One finding of `code` from each source to each target other than itself, told at
    `trigger` in the clause of `verb`, which gives its mode and negation."""
    targets = list(targets)
    return [
        EventFinding(
            code=code,
            source=source,
            target=target,
            trigger=syntax.span_of(trigger),
            evidence=evidence,
            mode=syntax.mode_of(verb),
            negated=syntax.is_negated(verb),
            quote=quote,
            confidence=confidence,
        )
        for source in sources
        for target in targets
        if target != source
    ]
