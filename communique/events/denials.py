"""Denials: who answers an allegation, and which alleged acts each answer is about.

A denial is read from the words, whether or not the verb coder made it an event:

- a verb of denial over an allegation noun: "Togo denied the accusation", "rejected
  Ghana's claims", "a charge Lomé rejected";
- an allegation called false: "Lomé called the allegations baseless";
- a plea: "the two men have pleaded not guilty".

`answer` links each to the alleged acts it answers: those its allegation noun says when
it tells its content ("rejected claims that their ventures ..."), those of its own
sentence for "a charge X rejected", else those told before it against the denier (or its
state) or made by the accuser it answers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..actors.items import ActorRef
from ..actors.lookup import STATE_SECTORS, MentionIndex
from ..docview import children_of, view
from ..model import Span
from . import syntax
from .items import EventFinding
from .named_acts import code_act
from .ontology import VerbPattern

DENIAL_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute"})
ALLEGATION_NOUNS = frozenset(
    {"accusation", "allegation", "claim", "charge", "assertion", "suggestion", "report",
     "hypothesis", "theory"}
)  # fmt: skip
# Words that go back to the claim told just before: "It is a hypothesis ... dismissed by X".
REFERRING = frozenset({"it", "this", "that"})
# "called the allegations baseless": verbs that judge an allegation, and the judgements
# that deny it.
CALLING = frozenset({"call", "label", "describe", "brand", "term", "dismiss"})
FALSE_WORDS = frozenset(
    {"baseless", "false", "unfounded", "groundless", "fabricated", "absurd", "ridiculous",
     "lie", "lies", "propaganda", "nonsense", "untrue", "fabrication", "slander",
     "conspiracy"}
)  # fmt: skip
PLEAS = frozenset({"guilty", "innocent"})
# CAMEO codes of a denial the coder left uncoded: denying a deed (016 deny responsibility),
# rejecting an accusation (120).
DENYING = frozenset({"deny", "plead"})
DENIAL_OF_RESPONSIBILITY = "016"
REJECTION = "120"
DENIAL_CONFIDENCE = 0.5
ANSWERING = DENIAL_LEMMAS | CALLING | {"plead"}


@dataclass(frozen=True)
class Denial:
    """One answer to an allegation: who gives it, whose allegation it answers (countries),
    where it is told, and the characters of what the allegation says when it says it."""

    deniers: tuple[ActorRef, ...]
    accusers: frozenset[str | None]
    trigger: Span
    evidence: Span  # the denial's sentence
    told: tuple[int, int] | None
    same_sentence: bool  # "a charge X rejected": the charge of its own sentence
    own_acts: bool = False  # a plea answers the pleader's own alleged acts
    latest: bool = False  # "the claim", "it": the claim told last, not every one before
    makers: tuple[ActorRef, ...] = ()  # who the allegation noun says made it, where it does
    # the root of the act its content tells and whom it was done to ("claims that the
    # journalist was slain": 18, the journalist), for an act told before in other words
    told_act: tuple[frozenset[str], frozenset[ActorRef]] | None = None
    coded: bool = False  # the verb coder made the denial an event already
    code: str = REJECTION


def find_denials(
    doc: Doc,
    events: Sequence[EventFinding],
    index: MentionIndex,
    patterns: Mapping[str, Sequence[VerbPattern]],
) -> Iterator[Denial]:
    """Every denial in `doc`; where the coder made its verb an event, that event's source
    is the denier and its target the accuser (a quote's "we" is its speaker)."""
    coded: dict[int, list[EventFinding]] = {}
    for event in events:
        coded.setdefault(event.trigger.start, []).append(event)
    tokens = view(doc).tokens
    for sentence in view(doc).sentences:
        for token in tokens[sentence.start : sentence.end]:
            if token.lemma_.lower() not in ANSWERING:
                continue
            found = _denial_of(token)
            if found is None:
                continue
            noun, own_acts = found
            events_here = coded.get(token.idx, [])
            deniers = [e.source for e in events_here] or _deniers(token, index)
            accusers = [e.target for e in events_here if e.target is not None]
            makers = _accusers(noun, index) if noun is not None else []
            accusers += makers
            if not deniers:
                continue
            yield Denial(
                deniers=tuple(dict.fromkeys(deniers)),
                accusers=frozenset(country(a) for a in accusers),
                makers=tuple(dict.fromkeys(makers)),
                trigger=syntax.span_of(token),
                evidence=Span(sentence.text, sentence.start_char, sentence.end_char),
                told=content(noun),
                told_act=_told_act(noun, events, index, patterns) if noun is not None else None,
                same_sentence=noun is not None
                and (token.head == noun or charge_before(token) is not None),
                own_acts=own_acts,
                latest=noun is not None and _singular(noun),
                coded=bool(events_here),
                code=DENIAL_OF_RESPONSIBILITY if token.lemma_.lower() in DENYING else REJECTION,
            )


def _denial_of(token: Token) -> tuple[Token | None, bool] | None:
    """The allegation noun a denial answers (None for a plea), and whether it is a plea;
    None when `token` denies nothing."""
    lemma = token.lemma_.lower()
    if lemma == "plead":
        words = {c.lower_ for c in token.subtree}
        return (None, True) if words & PLEAS and ("not" in words or "innocent" in words) else None
    if lemma in DENIAL_LEMMAS:
        head = token.head
        if token.dep_ in {"relcl", "ccomp"} and head.i < token.i and _allegation_noun(head):
            return head, False  # "a charge X rejected" (also as the tagger misreads it)
        before = charge_before(token)
        if before is not None:
            return before[0], False
        noun = allegation_object(token) or _passive_allegation(token)
        return (noun, False) if noun is not None else None
    if lemma in CALLING:
        judged = {c.lower_ for c in children_of(token) if c.dep_ in {"oprd", "acomp", "xcomp"}}
        judged |= {g.lower_ for c in syntax.prep_objects(token, "as") for g in c.subtree}
        noun = allegation_object(token) or _passive_allegation(token)
        if noun is not None and judged & FALSE_WORDS:
            return noun, False
    return None


def _passive(verb: Token) -> bool:
    """A passive, also a bare participle with a "by" phrase joined to another clause ("...,
    but dismissed by the ambassador")."""
    return syntax.is_passive(verb) or (verb.tag_ == "VBN" and syntax.agent_of(verb) is not None)


def _passive_allegation(verb: Token) -> Token | None:
    """What a passive judging verb judges: its subject when an allegation noun or "it"
    ("the claim was dismissed as absurd"), or the allegation the clause it is joined to
    names ("It is a hypothesis raised by ..., but dismissed by X as a conspiracy theory")."""
    if not _passive(verb):
        return None
    subject = syntax.passive_subject(verb)
    if subject is None and verb.dep_ == "conj":
        head = verb.head
        named = [c for c in children_of(head) if c.dep_ == "attr" and _allegation_noun(c)]
        subject = named[0] if named else syntax.subject_of(head)
    if subject is not None and (_allegation_noun(subject) or subject.lower_ in REFERRING):
        return subject
    return None


def _singular(noun: Token) -> bool:
    """Whether an allegation noun names one claim ("the accusation", "it"), not several."""
    return noun.tag_ in {"NN", "NNP", "PRP"} or noun.lower_ in REFERRING


def _allegation_noun(token: Token) -> bool:
    return token.lemma_.lower() in ALLEGATION_NOUNS or token.lower_ in {"claims", "charges"}


def allegation_object(verb: Token) -> Token | None:
    return next((o for o in syntax.direct_objects(verb) if _allegation_noun(o)), None)


def charge_before(verb: Token) -> tuple[Token, list[Token]] | None:
    """ "..., a charge Afghan spokesperson Balkhi rejected": the allegation noun and the
    words of the denier's phrase between it and the verb, read off the word order where
    the parser tore the phrase apart."""
    words: list[Token] = []
    for i in range(verb.i - 1, max(verb.i - MAX_DENIER_WORDS - 2, -1), -1):
        word = verb.doc[i]
        if _allegation_noun(word) and word.tag_ == "NN" and i > 0:
            det = verb.doc[i - 1]
            if det.lower_ in {"a", "the"} and i > 1 and verb.doc[i - 2].text == "," and words:
                return word, words
            return None
        if word.pos_ not in {"PROPN", "NOUN", "ADJ"}:
            return None
        words.insert(0, word)
    return None


MAX_DENIER_WORDS = 8


def _deniers(token: Token, index: MentionIndex) -> list[ActorRef]:
    before = charge_before(token)
    if before is not None:  # the last word of the phrase that names somebody
        named = (index.refs_for(w) for w in reversed(before[1]))
        return next((refs for refs in named if refs), [])
    if _passive(token):  # "dismissed by the ambassador as a conspiracy theory"
        agent = syntax.agent_of(token)
        return index.refs_for(agent) if agent is not None else []
    subject = syntax.subject_of(token)
    return index.refs_for(subject) if subject is not None else []


def _accusers(noun: Token, index: MentionIndex) -> list[ActorRef]:
    """Whose allegation: its owner ("Pakistan's allegation") or its maker ("allegations
    made by Pakistan", "a hypothesis raised by a lawyer of the victims")."""
    makers = [c for c in children_of(noun) if c.dep_ == "poss"]
    makers += [a for c in children_of(noun) if c.dep_ == "acl" for a in [syntax.agent_of(c)] if a]
    return [r for m in makers for r in index.refs_for(m) or index.refs_for(m, generic=True)]


def _told_act(
    noun: Token,
    events: Sequence[EventFinding],
    index: MentionIndex,
    patterns: Mapping[str, Sequence[VerbPattern]],
) -> tuple[frozenset[str], frozenset[ActorRef]] | None:
    """The roots of the act an allegation's content tells (as coded there, or as its verb
    codes) and the actors its clause names as subject or object."""
    clause, span = _content_clause(noun), content(noun)
    if clause is None or span is None:
        return None
    roots = {e.root for e in events if span[0] <= e.trigger.start < span[1]}
    acts = [clause, *(c for c in children_of(clause) if c.dep_ in {"acomp", "attr"})]
    for act in acts:  # ("that he was slain": the participle the tagger took for an adjective)
        coded = code_act(act, patterns)
        roots |= {coded[0][:2]} if coded is not None else set()
    named = [t for t in clause.subtree if t.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    refs = frozenset(r for t in named for r in index.refs_for(t))
    return (frozenset(roots), refs) if roots and refs else None


def _content_clause(noun: Token) -> Token | None:
    """The verb of what an allegation noun says ("claims *that* X was slain": slain)."""
    return next(
        (
            child
            for child in children_of(noun)
            if child.dep_ in {"acl", "ccomp"}
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in children_of(child))
        ),
        None,
    )


def content(noun: Token | None) -> tuple[int, int] | None:
    """The characters of what an allegation noun says ("claims *that their ventures ...*"),
    or None when the noun tells no content of its own ("denied the accusation")."""
    clause = _content_clause(noun) if noun is not None else None
    if clause is None:
        return None
    first, last = clause.left_edge, clause.right_edge
    return first.idx, last.idx + len(last)


def answer(events: list[EventFinding], denial: Denial) -> list[EventFinding]:
    """The alleged acts a denial answers, with its deniers added: those its allegation
    says, else those of its own sentence ("a charge X rejected"), else those told before
    it against a denier or its state, or made by the accuser it answers (of the last
    sentence that tells any, when the allegation is one: "denied the claim", "it")."""
    answered = []
    for event in events:
        if event.mode != "alleged" or event.evidence.start > denial.evidence.start:
            continue
        if denial.same_sentence:  # "the claim that ..., a charge X rejected": that claim
            if event.evidence.start == denial.evidence.start:
                answered.append(event)
            continue
        if denial.told is not None:
            if denial.told[0] <= event.trigger.start < denial.told[1]:
                answered.append(event)
            continue
        against = any(_same_side(event.source, d, own=denial.own_acts) for d in denial.deniers)
        by_accuser = any(country(c) in denial.accusers for c in event.claimants)
        if against or (by_accuser and not denial.own_acts):
            answered.append(event)
    if denial.told is not None and not answered and denial.told_act is not None:
        answered = _told_before_in_other_words(events, denial)
    if denial.latest and denial.told is None and answered:
        last = max(e.evidence.start for e in answered)
        answered = [e for e in answered if e.evidence.start == last]
    return [
        _made_by(denied_by(e, denial.deniers, denial.trigger), denial.makers)
        if e in answered
        else e
        for e in events
    ]


def _made_by(event: EventFinding, makers: Sequence[ActorRef]) -> EventFinding:
    """An act nobody was said to claim takes as claimants those the denial says made the
    allegation ("It is a hypothesis raised by a lawyer of the victims, but dismissed ...")."""
    if event.claimants or not makers:
        return event
    return dataclasses.replace(event, claimants=tuple(m for m in makers if m != event.source))


def _told_before_in_other_words(
    events: Sequence[EventFinding], denial: Denial
) -> list[EventFinding]:
    """ "denied all claims that the journalist was slain", after "agencies believe the
    prince ordered the journalist's killing": the alleged acts told before of the root its
    content tells, done to whom it names."""
    assert denial.told_act is not None
    roots, named = denial.told_act
    return [
        e for e in events
        if e.mode == "alleged" and e.evidence.start < denial.evidence.start
        and e.root in roots and e.target in named
    ]  # fmt: skip


def denial_events(denial: Denial, events: Sequence[EventFinding]) -> list[EventFinding]:
    """The denial as events where the coder made none, so that every denial an alleged
    act names has its evidence: from each denier to each claimant of what it answers
    ("pleaded not guilty": to the prosecutors); none where nobody is named as claimant."""
    if denial.coded:
        return []
    answered = [e for e in events if denial.trigger in e.denials]
    claimants = dict.fromkeys(c for e in answered for c in e.claimants)
    return [
        EventFinding(
            code=denial.code,
            source=denier,
            target=claimant,
            trigger=denial.trigger,
            evidence=denial.evidence,
            confidence=DENIAL_CONFIDENCE,
        )
        for denier in denial.deniers
        for claimant in claimants
        if claimant != denier
    ]


def _same_side(doer: ActorRef, denier: ActorRef, *, own: bool) -> bool:
    """Whether a denier answers for an act's doer: itself, or a state body of the same
    country as a state doer (a plea answers only the pleader's own acts)."""
    if doer == denier or own:
        return doer == denier
    return country(doer) == country(denier) and _state(doer) and _state(denier)


def denied_by(event: EventFinding, deniers: Sequence[ActorRef], trigger: Span) -> EventFinding:
    """`event` with `deniers` and the `trigger` of the denial that tells it."""
    return dataclasses.replace(
        event,
        deniers=(*event.deniers, *[d for d in deniers if d not in event.deniers]),
        denials=tuple(dict.fromkeys((*event.denials, trigger))),
    )


def _state(ref: ActorRef) -> bool:
    """A country or one of its state bodies: a denial by Lomé answers what Togo's troops are
    accused of; a citizen's answers only what he is accused of himself."""
    return ref.kind == "country" or ref.sector in STATE_SECTORS


def country(ref: ActorRef | None) -> str | None:
    return None if ref is None else (ref.country or ref.name)
