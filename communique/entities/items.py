"""Records of the article's entity model."""

from __future__ import annotations

from dataclasses import dataclass

from ..actors.items import ActorRef


@dataclass(frozen=True, slots=True)
class Link:
    """What a speaker phrase, pronoun or description stands for, and the sieve that said
    so ("pronoun", "role", "group", ...). Several refs for coordinated speakers."""

    refs: tuple[ActorRef, ...]
    sieve: str


@dataclass(frozen=True, slots=True)
class PersonMention:
    """Where the article refers to a person, with what makes the mention salient."""

    start: int  # character offset
    sent: int  # sentence number
    ref: ActorRef
    subject: bool  # the subject of its clause ("Lee said", "said Lee")
    nested: bool  # inside another phrase ("Lee's remarks", "the wife of Lee")
    clause: int  # token index of the verb whose clause holds the mention (-1: none)
