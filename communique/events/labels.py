"""Naming as judging: "called the deal "lousy"", "dubbed the ruling a "farce"".

A verb of naming followed by a quoted label judges what it names. The label is criticism
(111) unless its words praise (the 051 row of `speech_acts.tsv`, and a few words of
approval); the target is whoever the named thing is or belongs to ("May's deal"), read by
the coder like any object. Naming with no quoted label ("called the plan a mistake") stays
no event, as before: without the quotation marks it is the narrator's paraphrase too often.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import syntax
from .ontology import VerbPattern
from .speech import speech_words

NAMING_LEMMAS = frozenset({"call", "dub", "label", "brand", "term"})
OPENING_QUOTES = frozenset({"“", '"'})
CLOSING_QUOTES = frozenset({"”", '"'})
REACH = 8  # tokens from the named thing to its label
# Words of labels beyond the speech lexicon's, by what the label does.
DISAPPROVING = frozenset(
    {"lousy", "maneuver", "manoeuvre", "death", "blatant", "weaponization", "weaponisation",
     "farce", "sham", "stunt", "propaganda", "disgrace", "disgraceful", "shameful",
     "outrageous", "absurd", "ridiculous", "illegal", "illegitimate", "unacceptable",
     "hypocritical", "reckless", "dangerous", "provocation", "provocative", "censorship",
     "travesty", "mockery", "insult", "betrayal", "cynical", "irresponsible", "witch", "hoax",
     "scandal", "scandalous", "fraud", "fraudulent", "threat", "violation", "crime", "null",
     "void", "invalid", "unlawful"}
)  # fmt: skip
APPROVING = frozenset(
    {"constructive", "productive", "historic", "positive", "excellent", "successful",
     "fruitful", "brave", "courageous", "wise", "landmark", "achievement", "victory",
     "breakthrough", "milestone", "welcome"}
)  # fmt: skip
PRAISE_CODE = "051"
CRITICISM_CODE = "111"


def names_with_label(verb: Token) -> bool:
    """ "called the deal "lousy"": naming something with a quoted label; never a call."""
    return bool(_label(verb))


def judgement(verb: Token) -> VerbPattern | None:
    """The pattern of what the quoted label does: the speech lexicon's act for its words,
    else criticism or praise by its words; None for a label that only describes."""
    label = _label(verb)
    lemmas = [t.lemma_.lower() for t in label]
    code = _lexicon_code(lemmas)
    if code is None and DISAPPROVING.intersection(lemmas):
        code = CRITICISM_CODE
    elif code is None and APPROVING.intersection(lemmas):
        code = PRAISE_CODE
    if code is None:
        return None
    return VerbPattern(code, verb.lemma_.lower(), None, frozenset(), ("dobj",), False, "")


def _label(verb: Token) -> list[Token]:
    if verb.lemma_.lower() not in NAMING_LEMMAS or verb.pos_ != "VERB":
        return []
    named = syntax.direct_objects(verb)
    return _quoted_label(verb, named[0]) if named else []


def _quoted_label(verb: Token, named: Token) -> list[Token]:
    """The words in quotation marks just after the named thing, in the verb's sentence."""
    sentence_end = verb.sent.end
    doc = verb.doc
    for i in range(named.i + 1, min(named.i + 1 + REACH, sentence_end)):
        token = doc[i]
        if (token.pos_ in {"VERB", "AUX"} or token.dep_ == "cc") and not named.is_ancestor(token):
            return []  # another clause began: the quotation is not the label
        if token.text in OPENING_QUOTES:
            label: list[Token] = []
            for inner in doc[i + 1 : sentence_end]:
                if inner.text in CLOSING_QUOTES:
                    return label
                label.append(inner)
            return []
    return []


def _lexicon_code(lemmas: list[str]) -> str | None:
    """The code of the first speech-lexicon entry among `lemmas`."""
    words = speech_words()
    for k, lemma in enumerate(lemmas):
        for entry in words.get(lemma, ()):
            if tuple(lemmas[k : k + len(entry.words)]) == entry.words:
                return entry.code
    return None
