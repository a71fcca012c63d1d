"""What a headline says of the people its story names only by role.

Headlines carry the nationality that a story's body often leaves out: "Fiancée of murdered
Saudi journalist demands justice" over a body that says only "journalist J. Doe". A person
the body gives a role but no country takes the country the headline gives that role, when
the headline gives it one country and the body names one person in that role without one.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from .dictionary import ActorDictionary
from .items import ActorMention, ActorRef

WORD = re.compile(r"[^\W\d_][\w'’-]*")


def headline_roles(title: str, dictionary: ActorDictionary) -> dict[str, set[str]]:
    """Role words of a headline and the countries its adjectives give them: "Saudi
    journalist" gives {"journalist": {"SAU"}}."""
    words = WORD.findall(title)
    roles: dict[str, set[str]] = defaultdict(set)
    for first, second in zip(words, words[1:], strict=False):
        country = dictionary.country(first) if first[:1].isupper() else None
        role = dictionary.role(second) if country is not None else None
        if country is not None and role is not None:
            roles[role.title.lower()].add(country.iso3)
    return roles


def with_headline_countries(
    mentions: list[ActorMention], title: str | None, dictionary: ActorDictionary
) -> list[ActorMention]:
    """`mentions` with the people the headline gives a country by their role (above)."""
    if not title:
        return mentions
    roles = headline_roles(title, dictionary)
    if not roles:
        return mentions
    holders: dict[str, set[ActorRef]] = defaultdict(set)
    for mention in mentions:
        ref = mention.ref
        if ref.kind == "person" and ref.country is None and ref.role:
            holders[ref.role.lower()].add(ref)
    placed: dict[ActorRef, ActorRef] = {}
    for role, countries in roles.items():
        people = holders.get(role, set())
        if len(countries) == 1 and len(people) == 1:
            (person,) = people
            placed[person] = dataclasses.replace(person, country=next(iter(countries)))
    return [
        ActorMention(m.span, placed[m.ref], "headline") if m.ref in placed else m
        for m in mentions
    ]
