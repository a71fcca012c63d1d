"""Who is who in a whole article: one entity model read by quotes, actors and events.

Built once per article, after the actor stage has found its mentions and before the event
coder reads them, in the spirit of deterministic multi-sieve coreference (Lee et al. 2013):
most precise sieves first, each a small function with its own tests.

1. `organisations.as_written`, `organisations.acronyms`, `organisations.institutions`:
   organisations stay themselves ("Japan Coast Guard", not Japan; "NISA" is the agency the
   article named in full; "the Kremlin" is the Kremlin, with Russia's government code).
2. `people.People`: every person mention, with the titles and gender the article gives,
   adding names the model missed (a surname alone, a name with a title in apposition).
3. `anaphora.link_anaphora`: narrator pronouns and definite role nouns, in text order, to
   the person they stand for (agreement, then salience: the latest subject).
4. `speakers.SpeakerSieves`: each quote's speaker phrase to its actors.

Every link is added to the actor index (`MentionIndex`), so that a speaker and an event's
source that are one referent are one actor, and the output lists every mention of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..actors.dictionary import ActorDictionary
from ..actors.items import ActorMention
from ..actors.lookup import MentionIndex
from ..actors.names import is_pronoun
from ..quotes.items import QuoteFinding
from .anaphora import link_anaphora
from .items import Link
from .organisations import (
    acronyms,
    as_written,
    documents,
    institutions,
    short_names,
    statement_authors,
)
from .people import People
from .speakers import SpeakerSieves, tight_mention

__all__ = ["Link", "link_entities", "organisation_mentions", "tight_mention"]


def organisation_mentions(
    doc: Doc, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """The actor stage's mentions with organisations kept as themselves; a pronoun the
    model tagged as a name ("She" at a sentence's start) is left to the pronoun sieve."""
    named = [m for m in mentions if not is_pronoun(m.span.text.strip())]
    kept = institutions(as_written(doc, named, dictionary), dictionary)
    return short_names(acronyms(statement_authors(documents(kept, doc)), doc), doc)


def link_entities(
    doc: Doc,
    index: MentionIndex,
    findings: Sequence[QuoteFinding],
    *,
    dictionary: ActorDictionary,
) -> list[Link | None]:
    """Link people, pronouns and role nouns in `index`, then each quote's speaker."""

    def country_of(word: str) -> str | None:
        entry = dictionary.country(word)
        return entry.iso3 if entry is not None else None

    people = People(doc, index, dictionary)
    link_anaphora(doc, index, people, country_of)
    sieves = SpeakerSieves(doc, index, dictionary=dictionary, country_of=country_of, people=people)
    return [sieves.link(finding) for finding in findings]
