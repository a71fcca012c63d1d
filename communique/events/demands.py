"""Demands: "X must resign", said by S, is S demanding that X acts (CAMEO 10x); "X
should resign" is S urging it (the matching appeal, 02x).

So is a clause under a demand noun, with or without a modal: "S reiterated its demand
that X resign".

Inside a quote the speaker is the quote's speaker; outside quotes it is the subject of
the verb of saying the clause hangs on ("Britain said the rebels must disarm"). The
demanded act, when the coder knows it, picks the 10x code: "must withdraw" is 1056,
"must meet" 106, "must resign" 1041.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.items import ActorRef
from ..actors.lookup import MentionIndex
from ..docview import children_of
from ..model import Span
from . import syntax
from .items import EventFinding
from .ontology import load_ontology

DEMAND_CODE = "100"
APPEAL_ROOT = "02"
DEMAND_ROOT = "10"
DEMAND_MODALS = frozenset({"must", "should"})
# Verbs that say an act is required of their subject: "X needs to act" urges it, as
# "should" does; "X has to withdraw" demands it, as "must" does.
MODAL_VERBS = {"need": "should", "have": "must"}
# Verbs that report what someone said or asked: the clause under them is theirs.
SAYING_LEMMAS = frozenset(
    {"say", "tell", "announce", "insist", "declare", "state", "conclude", "stress", "add",
     "argue", "reiterate", "write", "warn", "demand", "urge", "remind", "note", "believe"}
)  # fmt: skip
# The demand for an act of each kind, by the act's code prefix.
DEMANDS = {
    "03": "100", "04": "106", "05": "102", "06": "101", "07": "103", "08": "105",
    "081": "1051", "082": "1052", "083": "104", "0831": "1041", "084": "1053",
    "085": "1054", "086": "1055", "087": "1056", "037": "107", "045": "108",
}  # fmt: skip
IMPERSONAL = frozenset({"we", "i", "you", "it", "that", "this", "there"})
ADDRESSED_PRONOUNS = frozenset({"it", "you"})


def _addressee(verb: Token) -> Token | None:
    """Whom the saying verb of `verb`'s clause addresses: "issued a reminder *to Iraq* that
    it must ...", "told *Iraq* that it must ..."; None when it names no one."""
    clause = verb
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    governor = syntax.demand_governor(clause)
    if governor is None and clause.dep_ != "ccomp":
        return None
    for child in children_of(governor if governor is not None else clause.head):
        if child.dep_ == "dative" and child.lower_ == "to":
            return next((c for c in children_of(child) if c.dep_ == "pobj"), None)
        if child.dep_ == "dative" or (child.dep_ == "dobj" and child.pos_ == "PROPN"):
            return child
    return None


def demand_code(act: str | None) -> str:
    """The 10x code for demanding `act` ("0874" withdraw -> "1056"); 100 when unknown."""
    if act is None:
        return DEMAND_CODE
    for size in (4, 3, 2):
        code = DEMANDS.get(act[:size])
        if code is not None and code in load_ontology():
            return code
    return DEMAND_CODE


def _a_state(verb: Token) -> bool:
    """ "should be immune", "must be the priority": a copula with its complement; not "must
    be ready to mediate", which asks for an act."""
    complements = [c for c in children_of(verb) if c.dep_ in {"acomp", "attr"}]
    return verb.lemma_ == "be" and any(
        not any(g.dep_ == "xcomp" for g in children_of(c)) for c in complements
    )


def _required(verb: Token) -> bool:
    """ "needs to act", "has to withdraw": a modal verb with its infinitive."""
    return verb.lemma_.lower() in MODAL_VERBS and any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in children_of(c))
        for c in children_of(verb)
    )


# Verbs whose speaker asks an act of another: "we expect Kabul to act", "we want X to go".
EXPECTING = frozenset({"expect", "want"})


def _expected(verb: Token, index: MentionIndex, speaker: ActorRef) -> Token | None:
    """The one `verb`'s act is expected of, when the speaker (or their country) expects it:
    "Pakistan expects the Afghan government to act", said by Pakistan's military, demands
    that the Afghan government act. None otherwise."""
    head = verb.head
    if verb.dep_ not in {"ccomp", "xcomp"} or head.lemma_.lower() not in EXPECTING:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb)):
        return None
    if syntax.is_negated(head):
        return None
    expecting = syntax.own_subject(head)
    if expecting is None:
        return None
    if expecting.lower_ not in {"we", "i"}:
        refs = index.refs_for(expecting, speaker=speaker)
        if not any(r == speaker or (r.kind == "country" and r.country == speaker.country)
                   for r in refs):  # fmt: skip
            return None
    own = next((c for c in children_of(verb) if c.dep_ in syntax.SUBJECT_DEPS), None)
    return own or next((c for c in children_of(head) if c.dep_ == "dobj"), None)


def appeal_code(demand: str) -> str:
    """The appeal (02x) that mirrors a demand (10x): "should withdraw" 0256, not 1056."""
    code = APPEAL_ROOT + demand[2:]
    return code if code in load_ontology() else APPEAL_ROOT + "0"


def reported_speaker(verb: Token, index: MentionIndex) -> ActorRef | None:
    """Who said the clause of `verb`: "Britain said (that) the rebels must disarm" -> Britain."""
    clause = verb
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    governor = syntax.demand_governor(clause)
    if governor is None:
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SAYING_LEMMAS:
            return None
        governor = clause.head
    subject = syntax.subject_of(governor)
    refs = index.refs_for(subject) if subject is not None else []
    return refs[0] if refs else None


def find_demand(
    verb: Token,
    index: MentionIndex,
    evidence: Span,
    *,
    quote: int | None,
    speaker: ActorRef,
    act: str | None = None,
) -> list[EventFinding]:
    """ "X must resign" said by `speaker`: `speaker` demands that X acts."""
    modals = {c.lower_ for c in children_of(verb) if c.dep_ == "aux"} & DEMAND_MODALS
    if _required(verb) and not syntax.is_negated(verb):
        modals.add(MODAL_VERBS[verb.lemma_.lower()])
    expected = _expected(verb, index, speaker)
    demanded = syntax.demanded_clause(verb) or expected is not None
    if not modals and not demanded:
        return []
    if _a_state(verb):
        return []  # "he should be immune": a claim about a state, not an act asked for
    # "X should resign" urges; "X must resign", or a demand's own clause, demands
    code = demand_code(act)
    if modals == {"should"} and not demanded:
        code = appeal_code(code)
    subject = syntax.passive_subject(verb) if syntax.is_passive(verb) else None
    subject = subject or next((c for c in children_of(verb) if c.dep_ in syntax.SUBJECT_DEPS), None)
    subject = subject or expected
    if subject is None:
        return []
    if subject.lower_ in IMPERSONAL:
        # "reminded Iraq that it must cooperate": the pronoun is the one addressed
        subject = _addressee(verb) if subject.lower_ in ADDRESSED_PRONOUNS else None
        if subject is None:
            return []
    targets = [t for t in index.refs_for(subject, speaker=speaker) if t != speaker]
    said = verb.head if expected is not None else verb  # "expects X to act": the expecting
    trigger = Span(said.text, said.idx, said.idx + len(said.text))
    return [
        EventFinding(
            code=code,
            source=speaker,
            target=target,
            trigger=trigger,
            evidence=evidence,
            quote=quote,
            confidence=0.6,
        )
        for target in targets
        if target.country != speaker.country or target.kind != speaker.kind
    ]
