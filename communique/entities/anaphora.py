"""Pronouns and role nouns of the narrator's text, linked to the people they stand for.

One pass in text order, so that each link becomes a mention the next one can follow: after
"Wine says he has trouble", a later "he said" finds "he" (Wine) as the latest subject. Words
inside quotation marks speak from the speaker's side and are left to the quote and event
stages. Each link is added to the actor index, so quotes, events and the output's mention
lists all read the same answer.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..actors.items import ActorMention, ActorRef
from ..actors.lookup import MentionIndex
from ..docview import children_of, view
from ..model import Span
from ..quotes.gender import pronoun_gender
from ..quotes.lexicon import ORG_NOUNS
from .people import People, clause_of
from .speakers import comma_appositive
from .words import PEOPLE_NOUNS

PERSONAL = frozenset({"he", "him", "his", "she", "her"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})
ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative"})
DEFINITE = frozenset({"the", "this", "that"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def link_anaphora(
    doc: Doc,
    index: MentionIndex,
    people: People,
    country_of: Callable[[str], str | None],
) -> None:
    """Link every narrator pronoun ("he", "her") and definite role noun ("the minister",
    "the El Paso mayor") to a person, in text order; `country_of` reads a country word."""
    for token in view(doc).tokens:
        pronoun = token.pos_ == "PRON" and token.lower_ in PERSONAL
        if not pronoun and (token.pos_ != "NOUN" or token.tag_ != "NN"):
            continue  # only pronouns and singular nouns can stand for a person here
        own = index.at(token)
        if people.quoted(token.idx) or (own is not None and not _unnamed_role(own, token)):
            continue
        if pronoun:
            subject = token.dep_ in {"nsubj", "nsubjpass"}
            clauses = _own_clauses(token) if subject else frozenset()
            object_of = clause_of(token) if token.dep_ in OBJECT_DEPS else None
            ref = people.salient(
                token.idx, pronoun_gender(token.lower_), clauses=clauses, object_of=object_of
            )
            if ref is not None:
                _register(
                    index, people, token, token.idx, token.idx + len(token.text), ref, "pronoun"
                )
            continue
        role = role_person(token, index, people, country_of)
        how = "role"
        if role is None and _described_subject(token, people):
            role, how = people.named_next(token.idx, token.lemma_), "cataphora"
        if role is not None:
            start = token.left_edge.idx
            _register(index, people, token, start, token.idx + len(token.text), role, how)


def _unnamed_role(own: ActorMention, token: Token) -> bool:
    """A generic group read off a singular role noun ("China's U.N. ambassador"): a person
    the text may name next."""
    return own.how == "generic" and own.ref.kind == "group" and token.tag_ == "NN"


def _described_subject(token: Token, people: People) -> bool:
    """A subject described by its role before a name ("China's envoy said", "the gang's
    leader told the court"), with no name of its own in the phrase."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or token.tag_ != "NN":
        return False
    lemma = token.lemma_.lower()
    if lemma in ORG_NOUNS or (lemma not in PEOPLE_NOUNS and not people.is_title(lemma)):
        return False
    children = children_of(token)
    if any(c.dep_ == "appos" for c in children) or any(
        t.ent_type_ == "PERSON" for t in token.subtree
    ):
        return False
    # definite only: "an eyewitness said" brings in someone who stays unnamed
    return any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in children)


def _own_clauses(pronoun: Token) -> frozenset[int]:
    """The clause a subject pronoun heads, and the one its reporting verb is set in ("...,
    he said, “...”" is parsed as a parenthetical of the quote's verb)."""
    verb = clause_of(pronoun)
    if verb < 0:
        return frozenset()
    token = pronoun.doc[verb]
    if token.dep_ == "parataxis" and token.head.i != token.i:
        return frozenset({verb, clause_of(token.head)})
    return frozenset({verb})


def role_person(
    token: Token,
    index: MentionIndex,
    people: People,
    country_of: Callable[[str], str | None],
) -> ActorRef | None:
    """The person a definite singular title stands for ("the military spokesperson" ->
    the spokesperson named before with "military" among his titles), or None."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ not in ROLE_DEPS:
        return None
    lemma = token.lemma_.lower()
    if lemma in ORG_NOUNS:  # "the military" is a body, not its spokesperson
        return None
    if lemma not in PEOPLE_NOUNS and not people.is_title(lemma):
        return None  # "the attack" names no one
    children = children_of(token)
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children):
        return None
    if any(c.dep_ == "appos" for c in children) or index.appositive_person(token) is not None:
        return None
    named = comma_appositive(token, index)
    if named is not None:  # "the spokesperson, Ann Lee, said": Lee, named right there
        return named
    modifiers = [c for c in children if c.dep_ in MODIFIER_DEPS and c.i < token.i]
    for prep in (c for c in children if c.dep_ == "prep" and c.lower_ == "of"):
        modifiers += [g for g in children_of(prep) if g.dep_ == "pobj"]
    words = [w for m in modifiers for w in _phrase_words(m)]
    countries = [w for w in words if country_of(w)]
    country = country_of(countries[0]) if countries else None
    others = [w for w in words if w not in countries]
    return people.with_title(token.idx, token.lemma_, others, country=country)


def _phrase_words(token: Token) -> list[str]:
    return [t.lemma_.lower() for t in token.subtree if t.is_alpha and t.lower_ not in DEFINITE]


def _register(
    index: MentionIndex,
    people: People,
    token: Token,
    start: int,
    end: int,
    ref: ActorRef,
    how: str,
) -> None:
    """Add the link to the people table, and to the actor index unless it is a possessive:
    "his government" is still his country's government to the event coder."""
    people.add(people.person_mention(token, start, ref))
    if token.dep_ != "poss":
        text = view(token.doc).text[start:end]
        mention = ActorMention(Span(text, start, end), ref, how)
        old = index.at(token)
        if old is not None:  # a generic group the person replaces
            index.replace(old, mention)
        else:
            index.add(mention)
