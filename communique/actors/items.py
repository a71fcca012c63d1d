"""Records of the actors stage: what a mention refers to, before actor ids are given."""

from __future__ import annotations

from collections.abc import Iterable
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


# Words that on their own mean the state's own body, whatever organisation shares the word
# ("the army" after the Lord's Resistance Army is the state's army).
NATIONAL_NOUNS = frozenset(
    {"army", "military", "police", "government", "navy", "forces", "force", "state"}
)


def named_with(word: str, nearest_first: Iterable[ActorMention]) -> ActorRef | None:
    """The organisation, among mentions nearest first, whose name holds `word` ("the
    court", "the Council": the International Court of Justice, the Security Council)."""
    return next(
        (m.ref for m in nearest_first
         if m.ref.kind == "organisation" and word in m.ref.name.lower().split()),
        None,
    )  # fmt: skip
