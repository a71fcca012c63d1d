"""Records of the events stage, before actor ids and dates are given."""

from __future__ import annotations

from dataclasses import dataclass

from ..actors.items import ActorRef
from ..model import EventMode, Span


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

    @property
    def root(self) -> str:
        """The CAMEO root ("19" for 190 and 1911)."""
        return self.code[:2]
