"""Reports carried by a noun: "the claim that ...", "his plan to ...", "Lee's view is that ...".

The nouns are the "noun" rows of `communique/data/quote_cues.tsv`. The speaker is the noun's
possessor ("Lee's claim"), the object of "by"/"from" ("a report by the agency"), or the
subject of a verb that voices the noun ("Lee made the claim that ..."); a report with none of
these keeps no speaker (PolNeAR counts such attributions too).
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.docview import children_of
from communique.quotes.bounds import drop_aside, trim
from communique.quotes.cues import CueLexicon
from communique.quotes.index import DocIndex
from communique.quotes.items import IndirectHit

CLAUSE_MARKS = frozenset({"that", "whether"})
CLAUSE_DEPS = frozenset({"acl", "ccomp", "appos", "advcl"})
# nouns whose to-infinitive is what was promised, planned or demanded ("a pledge to ...")
TO_NOUNS = frozenset(
    {
        "promise",
        "pledge",
        "vow",
        "threat",
        "demand",
        "call",
        "proposal",
        "recommendation",
        "plan",
        "decision",
        "intention",
        "offer",
        "refusal",
        "commitment",
        "determination",
        "bid",
    }
)
# verbs whose subject voices the noun they take ("made the claim", "issued a warning")
VOICING_VERBS = frozenset(
    {
        "make",
        "issue",
        "repeat",
        "reiterate",
        "voice",
        "express",
        "renew",
        "offer",
        "release",
        "raise",
        "have",
    }
)
SOURCE_PREPS = frozenset({"by", "from"})
# prepositions whose object is what a cue noun is about ("concerns about ...", "doubts over ...")
TOPIC_PREPS = frozenset({"about", "over", "on"})


def is_cue_noun(token: Token, lex: CueLexicon) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in lex.nouns


def nominal_hit(index: DocIndex, noun: Token) -> IndirectHit | None:
    """The report a cue noun carries, or None when it has no clause of its own."""
    clause = _clause(noun)
    if clause is None:
        return _topic_hit(index, noun)
    para = index.token_para[noun.i]
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    if index.token_para[start] != para or index.token_para[end - 1] != para:
        return None
    content = trim(index, *drop_aside(index, start, end))
    source = _source(noun)
    if content is None or (source is None and not _marked(clause)):
        return None  # "plans to expand": whose plan is unknown, and often nobody's words
    return IndirectHit(content, (noun.i, noun.i + 1), source, "noun")


def _clause(noun: Token) -> Token | None:
    """ "the claim [that ...]", "a plan [to ...]", "the view is [that ...]"."""
    for child in noun.rights:
        if child.dep_ not in CLAUSE_DEPS or child.pos_ not in ("VERB", "AUX"):
            continue
        if _marked(child) or (noun.lemma_.lower() in TO_NOUNS and _to_infinitive(child)):
            return child
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be":
        for child in head.rights:
            if child.dep_ in ("ccomp", "attr", "acomp") and _marked(child):
                return child
    return None


def _marked(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in children_of(clause))


def _to_infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(clause))


def _source(noun: Token) -> Token | None:
    for child in children_of(noun):
        if child.dep_ == "poss":
            return child
    for child in children_of(noun):
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
            obj = next((g for g in children_of(child) if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in VOICING_VERBS:
        return next((c for c in children_of(head) if c.dep_ == "nsubj"), None)
    return None


def _topic_hit(index: DocIndex, noun: Token) -> IndirectHit | None:
    """ "Lee's concerns about the budget", "the council voiced doubts over the plan": a cue
    noun with a speaker reports its topic."""
    source = _source(noun)
    if source is None:
        return None
    preps = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS]
    obj = next((g for p in preps[:1] for g in children_of(p) if g.dep_ in ("pobj", "pcomp")), None)
    if obj is None or index.token_para[obj.i] != index.token_para[noun.i]:
        return None
    content = trim(index, *drop_aside(index, obj.left_edge.i, obj.right_edge.i + 1))
    return IndirectHit(content, (noun.i, noun.i + 1), source, "noun") if content else None
