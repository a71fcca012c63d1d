"""The cue lexicon: verbs and phrases that introduce what someone said, believes or wants.

The words live in `communique/data/quote_cues.tsv` (cue, category, match), so users can
extend them without touching code. Match is "lemma" (a verb), "particle" (verb + particle),
"phrase" (surface words), "noun" (a noun with a "that" clause: "the claim that ...") or
"predicative" (a verb whose object is what was said only with its complement: "sees [the
plan as a mistake]", "likened [the tax to theft]").
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from communique.docview import children_of
from communique.quotes.lexicon import RELATIVE_PRONOUNS, STATEMENT_NOUNS

VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
TEXT_CUES = frozenset({"read"})  # cues only with a text for subject: "the statement read"
# cues that take "object + to-infinitive" or a bare to-infinitive as what was said
TO_CUES = frozenset(
    {
        "urge",
        "ask",
        "promise",
        "vow",
        "pledge",
        "threaten",
        "call",
        "demand",
        "warn",
        "tell",
        "advise",
        "agree",
        "refuse",
        "plan",
        "intend",
        "want",
        "hope",
        "expect",
        "seek",
        "aim",
        "decline",
        "offer",
        "encourage",
        "appeal",
        "press",
        "invite",
    }
)
# cues that need a clause (not only an object) before they count as attribution
CLAUSE_ONLY = frozenset({"call", "describe", "question", "dismiss", "know", "understand"})


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue words by how they match: verb lemmas, verb + particle pairs, surface phrases."""

    lemmas: dict[str, str]
    particles: frozenset[tuple[str, str]]
    phrases: tuple[str, ...]
    nouns: dict[str, str] = dataclasses.field(default_factory=dict)
    predicatives: dict[str, str] = dataclasses.field(default_factory=dict)  # lemma -> preposition


@functools.lru_cache(maxsize=1)
def lexicon() -> CueLexicon:
    """The cue lexicon from `communique/data/quote_cues.tsv` (read once)."""
    text = resources.files("communique.data").joinpath("quote_cues.tsv").read_text("utf-8")
    lemmas: dict[str, str] = {}
    particles: set[tuple[str, str]] = set()
    phrases: list[str] = []
    nouns: dict[str, str] = {}
    predicatives: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("cue\t"):
            continue
        cue, category, match = (line.split("\t") + ["", ""])[:3]
        if match == "lemma":
            lemmas.setdefault(cue, category)
        elif match == "particle":
            verb, _, particle = cue.partition(" ")
            particles.add((verb, particle))
        elif match == "phrase":
            phrases.append(cue)
        elif match == "noun":
            nouns.setdefault(cue, category)
        elif match == "predicative":
            verb, _, prep = cue.partition(" ")
            predicatives.setdefault(verb, prep)
    return CueLexicon(lemmas, frozenset(particles), tuple(phrases), nouns, predicatives)


def is_cue_verb(token: Token, lex: CueLexicon) -> bool:
    """A verb (or a mistagged verb form) whose lemma or lemma + particle is a cue."""
    if token.tag_ not in VERB_TAGS and token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma in lex.lemmas:
        return True
    if lemma in TEXT_CUES:
        return _text_speaks(token)
    return any(
        (lemma, child.lower_) in lex.particles
        for child in children_of(token)
        if child.dep_ == "prt"
    )


def _text_speaks(verb: Token) -> bool:
    """ "The statement read ...", "a letter which reads ...": a text for subject."""
    for child in children_of(verb):
        if child.dep_ != "nsubj":
            continue
        relative = child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl"
        text = verb.head if relative else child
        return text.lemma_.lower() in STATEMENT_NOUNS
    return False


def predicative_prep(token: Token, lex: CueLexicon) -> str | None:
    """The preposition that completes a predicative cue's object ("as" for "see"), or None
    when `token` is no such cue."""
    if token.tag_ not in VERB_TAGS and token.pos_ != "VERB":
        return None
    return lex.predicatives.get(token.lemma_.lower())


def cue_category(token: Token, lex: CueLexicon) -> str:
    return lex.lemmas.get(token.lemma_.lower(), "speech")


def cue_tokens(token: Token) -> tuple[int, int]:
    """Token range [start, end) of a cue verb with its particle ("pointed out")."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return token.i, end


def is_according(token: Token) -> bool:
    """`token` is "according" in "according to"."""
    doc = token.doc
    return (
        token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
    )


def according_object(token: Token) -> Token | None:
    """The object of "according to X" for the token "according"."""
    to = token.doc[token.i + 1]
    for child in children_of(to):
        if child.dep_ in ("pobj", "dobj", "pcomp"):
            return child
    for child in children_of(token):
        if child.dep_ == "pobj":
            return child
    return None
