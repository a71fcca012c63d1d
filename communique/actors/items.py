"""Records of the actors stage: what a mention refers to, before actor ids are given."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import ActorKind, Span


@dataclass(frozen=True, slots=True)
class ActorRef:
    """The identity of an actor, independent of where it is mentioned.

    Two mentions with equal refs are the same actor. `name` is the canonical name
    ("Ilham Aliyev", "Armenia", "Armenia Foreign Ministry").
    """

    kind: ActorKind
    name: str
    country: str | None
    sector: str | None
    role: str | None = None
    # The dictionary's own code where it has one (IGOUNO, NGOAMN); else country + sector.
    given_code: str | None = None

    @property
    def code(self) -> str | None:
        if self.given_code:
            return self.given_code
        if self.country is None:
            return self.sector
        return self.country + (self.sector or "")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of the text that names an actor, and how it was recognised."""

    span: Span
    ref: ActorRef
    how: str  # "dictionary", "metonym", "context", "ner", "surname", "pronoun"
