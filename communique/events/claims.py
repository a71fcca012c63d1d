"""Claims: acts the article tells only as somebody's accusation, and who denies them.

"Ghana accused Togo of shelling border villages" is two things: Ghana's accusation (112,
coded by the verb coder) and an act that Togo may or may not have done. The act is kept as
an event with mode "alleged", `claimants` (Ghana) and `claim` (the verb "accused", which the
pipeline turns into a link to the accusation event). An answer links to it:

- a denial of the allegation: "Togo denied the accusation", "a charge Lomé rejected",
  "rejected Ghana's claims", "denied that its troops had fired" (`deniers`);
- the accused telling the act did not happen: "its troops had not fired, the ministry said"
  (a negated act of the same doer and root, `deniers`);
- a third party that confirms it: "the UN said it had verified that Togolese troops shelled
  the villages" (`confirmers`).

An act told "according to X" about another actor's hostile act is X's claim too; the
narrator's own report, and an actor's account of its own acts ("police said they arrested
20 people"), stay asserted. Linking is within one article; the store links reports of one
event across articles by its key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from ..actors.items import ActorRef
from ..actors.lookup import MEDIA_SECTOR, STATE_SECTORS, MentionIndex
from ..docview import children_of, view
from ..model import Span
from . import syntax
from .items import EventFinding
from .ontology import VerbPattern, load_patterns

# Verbs and nouns whose clause or object is an act somebody says happened, not a fact told.
CLAIM_LEMMAS = frozenset(
    {"accuse", "allege", "claim", "deny", "blame", "suspect", "charge", "believe"}
)  # ("agencies believe the prince ordered the killing": their belief, not a fact told)
CLAIM_DEPS = frozenset({"pcomp", "pobj", "prep", "ccomp", "xcomp", "dobj", "acl"})
DENIAL_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute"})
ALLEGATION_NOUNS = frozenset(
    {"accusation", "allegation", "claim", "charge", "assertion", "suggestion", "report"}
)
SAYING = frozenset({"say", "tell", "state", "add", "insist", "stress", "announce", "note"})
CONFIRMING_LEMMAS = frozenset({"confirm", "verify", "corroborate", "establish"})
# Hostile acts that "according to X", or X's quote, make X's claim when another actor did
# them; and roots of speech acts, which are no alleged deeds.
ATTRIBUTED_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
ACCUSATION_ROOT = "11"  # the accusation event an alleged act is linked to
SPOKEN_ROOTS = frozenset({"01", "02", "10", "11", "12"})
ARMED_GROUPS = frozenset({"REB", "INS"})
MILITARY_COOPERATION = "062"
ALLEGEDLY = frozenset({"allegedly"})
HEARSAY = frozenset({"reportedly", "purportedly", "supposedly"})  # (on hostile acts only)
# Verbs that lay an act named by a noun at someone's door ("blamed Togo for the attack"),
# and the nouns of acts, with the verb whose patterns code them.
BLAMING = {"blame": "for", "accuse": "of", "suspect": "of", "charge": "with", "hold": "for"}
ALLEGED_NOUNS = {
    "attack": "attack", "bombing": "bomb", "killing": "kill", "shelling": "shell",
    "abduction": "abduct", "kidnapping": "kidnap", "assassination": "assassinate",
    "murder": "murder", "massacre": "massacre", "arrest": "arrest", "detention": "detain",
    "incursion": "invade", "invasion": "invade", "raid": "raid", "ambush": "ambush",
}  # fmt: skip
NOMINAL_CONFIDENCE = 0.5
# Links a participle of blame may hang by on the clause whose subject blames.
PARTICIPLE_LINKS = frozenset({"advcl", "acl", "xcomp", "conj", "pcomp", "prep", "pobj", "dobj"})


def claim_verb(token: Token) -> Token | None:
    """The claim word an act is told under ("accused India of *providing* support": accused),
    climbing at most four heads through complements, objects and prepositions."""
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() == "claim":
        return None  # "claimed the killing of 33 militants": its doer's own account
    current = token
    for _ in range(4):
        if current.dep_ not in CLAIM_DEPS:
            return None
        if current.dep_ == "acl" and current.head.lemma_.lower() not in CLAIM_LEMMAS:
            return None  # "aiding rebels *fighting* the president": what the rebels do
        current = current.head
        if current.lemma_.lower() in CLAIM_LEMMAS:
            return current
    return None


def attribute_claims(
    doc: Doc,
    events: Sequence[EventFinding],
    index: MentionIndex,
    patterns: Mapping[str, Sequence[VerbPattern]] | None = None,
) -> list[EventFinding]:
    """`events` with alleged acts marked, the acts accusations name by a noun added, and
    each linked to its claimants, deniers and confirmers."""
    accusations: dict[int, list[EventFinding]] = {}  # the coder's reading of each accusation
    for event in events:
        if event.root == ACCUSATION_ROOT:
            accusations.setdefault(event.trigger.start, []).append(event)
    named = _named_acts(doc, events, index, patterns or load_patterns(), accusations)
    events = sorted([*events, *named], key=lambda e: (e.evidence.start, e.trigger.start))
    tokens = [syntax.token_at(doc, e.trigger.start, e.trigger.end) for e in events]
    found = [
        _armed_support(_as_claim(event, token, index, accusations))
        if token is not None
        else event
        for event, token in zip(events, tokens, strict=True)
    ]
    for event, token in zip(list(found), tokens, strict=True):
        if token is None:
            continue
        if _denies_an_allegation(token):
            found = _denied(found, event, token, index)
        elif event.negated and event.mode != "alleged":
            found = _contradicted(found, event, _tellers(token, index) or [event.source])
        elif (verifier := _verifier(token)) is not None:
            found = _confirmed(found, event, index.refs_for(verifier))
    return found


def _as_claim(
    event: EventFinding,
    token: Token,
    index: MentionIndex,
    accusations: dict[int, list[EventFinding]],
) -> EventFinding:
    """The act as an allegation where a claim word, "allegedly" or "according to" (the
    side that suffered it) tells it."""
    if event.root in SPOKEN_ROOTS:
        return event  # an accusation, a demand, a denial: a speech act, not an alleged deed
    if event.mode == "claimed" and (verb := claim_verb(token)) is not None:
        accusers = dict.fromkeys(a.source for a in accusations.get(verb.idx, ()))
        refs = tuple(accusers or _refs(index, _claimant(verb)))
        denied = verb.lemma_.lower() == "deny"
        return dataclasses.replace(
            event,
            mode="alleged",
            claimants=() if denied else refs,
            deniers=refs if denied else (),
            denials=(syntax.span_of(verb),) if denied else (),
            claim=syntax.span_of(verb),
        )
    if event.mode != "asserted" or event.negated or _verifier(token) is not None:
        return event  # what a third party verified it confirms; it does not allege it
    hedges = {c.lower_ for c in children_of(token)} & (
        ALLEGEDLY | (HEARSAY if event.root in ATTRIBUTED_ROOTS else frozenset())
    )
    if hedges:
        claimant = _according_to(token)
        refs = tuple(index.refs_for(claimant)) if claimant is not None else ()
        return dataclasses.replace(event, mode="alleged", claimants=refs)
    if event.root not in ATTRIBUTED_ROOTS or not _doer_named(token):
        return event
    source = _according_to(token)
    refs = tuple(index.refs_for(source)) if source is not None else ()
    if refs and all(_accuses(r, event) for r in refs):
        return dataclasses.replace(event, mode="alleged", claimants=refs)
    return event


def _accuses(claimant: ActorRef, event: EventFinding) -> bool:
    """Whether a source's account of an act is an accusation: its side suffered the act at
    the hands of another ("according to Ghana's ministry, Togolese troops detained three
    Ghanaian farmers"); an outlet's or a bystander's account is a report."""
    if claimant.sector == MEDIA_SECTOR or event.target is None:
        return False
    side = _country(claimant)
    return side == _country(event.target) and side != _country(event.source)


def _armed_support(event: EventFinding) -> EventFinding:
    """Aid alleged to reach rebels or insurgents ("accused it of providing support to the
    militants") arms an armed group: military cooperation (062), not aid to a people (07)."""
    armed = event.target is not None and event.target.sector in ARMED_GROUPS
    if event.mode == "alleged" and event.root == "07" and armed:
        return dataclasses.replace(event, code=MILITARY_COOPERATION)
    return event


def _doer_named(verb: Token) -> bool:
    """Whether the clause names who did the act: an active subject or a passive's agent
    ("six nationals were killed" tells victims, not a deed laid at anyone's door)."""
    if syntax.is_passive(verb):
        return syntax.agent_of(verb) is not None
    return syntax.subject_of(verb) is not None


def _named_acts(
    doc: Doc,
    events: Sequence[EventFinding],
    index: MentionIndex,
    patterns: Mapping[str, Sequence[VerbPattern]],
    accusations: dict[int, list[EventFinding]],
) -> list[EventFinding]:
    """ "Ghana blamed Togo for the attack on a police post", "Paris was accused of aiding
    rebels", "two soldiers stand accused of the bombing of the base": the act the accused
    allegedly did, named by a noun or a gerund that no event has for its trigger yet."""
    triggers = {e.trigger.start for e in events}
    found: list[EventFinding] = []
    for verb in view(doc).tokens:
        prep = BLAMING.get(verb.lemma_.lower())
        if prep is None or verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() == "hold" and not any(
            c.lower_ in {"responsible", "accountable"} for c in children_of(verb)
        ):
            continue  # "held responsible for the attack"; not "held talks for a week"
        accused, claimant = _accused(verb)
        if not accused:
            continue
        sources = [r for a in accused for r in index.refs_for(a)]
        told = accusations.get(verb.idx)
        accusation = told[-1] if told else None
        claimants = (accusation.source,) if accusation else tuple(_refs(index, claimant))
        evidence = accusation.evidence if accusation else _sentence_of(doc, verb)
        for act in _named_by(verb, prep):
            if act.idx in triggers:
                continue
            coded = _act_pattern(act, patterns)
            if coded is None:
                continue
            pattern, objects = coded
            if pattern.root in SPOKEN_ROOTS:
                continue  # "suspected of asking for ...": words, not an alleged deed
            victims: list[ActorRef | None] = [
                r for o in objects for r in index.refs_for(o, generic=True) if r not in sources
            ]
            found += [
                EventFinding(
                    code=pattern.code,
                    source=source,
                    target=victim,
                    trigger=syntax.span_of(act),
                    evidence=evidence,
                    mode="alleged",
                    quote=accusation.quote if accusation else None,
                    confidence=NOMINAL_CONFIDENCE,
                    claimants=claimants,
                    claim=syntax.span_of(verb),
                )
                for source in sources
                for victim in victims or [None]
            ]
    return found


def _named_by(verb: Token, prep: str) -> list[Token]:
    """The noun or the gerund after the accusing verb's preposition ("of aiding rebels")."""
    return [
        g
        for c in children_of(verb)
        if c.dep_ == "prep" and c.lower_ == prep
        for g in children_of(c)
        if g.dep_ in {"pobj", "pcomp"}
    ]


def _accused(verb: Token) -> tuple[list[Token], Token | None]:
    """Who an accusing verb accuses, and who accuses: the object and the subject ("Ghana
    blamed Togo"); the subject and the agent of a passive ("Togo was blamed by Ghana");
    the subject of "stand accused", with no accuser named."""
    if syntax.is_passive(verb):
        subject = syntax.passive_subject(verb) or syntax.subject_of(verb)
        return ([subject] if subject is not None else []), syntax.agent_of(verb)
    return syntax.direct_objects(verb), _claimant(verb)


def _act_pattern(
    act: Token, patterns: Mapping[str, Sequence[VerbPattern]]
) -> tuple[VerbPattern, list[Token]] | None:
    """The pattern of an act named by a noun ("the attack on X", "the bombing of X") or a
    gerund ("aiding rebels"), with the words that name whom it was done to."""
    if act.pos_ == "VERB":
        pattern = _plain_pattern(patterns.get(act.lemma_.lower(), ()))
        return (pattern, syntax.direct_objects(act)) if pattern is not None else None
    verb = ALLEGED_NOUNS.get(act.lemma_.lower())
    pattern = _plain_pattern(patterns.get(verb, ())) if verb is not None else None
    if pattern is None:
        return None
    return pattern, [p for w in ("on", "of", "against") for p in syntax.prep_objects(act, w)]


def _sentence_of(doc: Doc, token: Token) -> Span:
    sentence = next(s for s in view(doc).sentences if s.start <= token.i < s.end)
    return Span(sentence.text, sentence.start_char, sentence.end_char)


def _plain_pattern(candidates: Sequence[VerbPattern]) -> VerbPattern | None:
    return next((c for c in candidates if not c.objects and not c.particle), None)


def _refs(index: MentionIndex, token: Token | None) -> list[ActorRef]:
    return index.refs_for(token) if token is not None else []


def _claimant(verb: Token) -> Token | None:
    """Who makes the claim: the verb's subject or agent ("was accused by Ghana"), or the
    owner of a claim noun ("Ghana's claim that ...")."""
    if verb.pos_ == "NOUN":
        return next((c for c in children_of(verb) if c.dep_ == "poss"), None)
    if syntax.is_passive(verb):
        return syntax.agent_of(verb)
    current = verb
    for _ in range(4):  # "posted a message blaming Iran for ...": the poster blames
        subject = syntax.subject_of(current)
        if subject is not None or current.dep_ not in PARTICIPLE_LINKS:
            return subject
        current = current.head
    return None


def _according_to(token: Token) -> Token | None:
    """X of "according to X" on the act's clause or the clause it is part of."""
    clause = token
    for _ in range(3):
        for child in children_of(clause):
            if child.lower_ == "according":
                to = next((c for c in children_of(child) if c.lower_ == "to"), None)
                if to is not None:
                    return next((c for c in children_of(to) if c.dep_ == "pobj"), None)
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return None


def _denies_an_allegation(token: Token) -> bool:
    """ "denied the accusation", "rejected the claims", "a charge Lomé rejected"."""
    if token.lemma_.lower() not in DENIAL_LEMMAS:
        return False
    if token.dep_ == "relcl" and token.head.lemma_.lower() in ALLEGATION_NOUNS:
        return True
    return any(o.lemma_.lower() in ALLEGATION_NOUNS for o in syntax.direct_objects(token))


def _denied(
    events: list[EventFinding], denial: EventFinding, token: Token, index: MentionIndex
) -> list[EventFinding]:
    """The allegations a denial answers: those against the denier (or made by the actor it
    answers, `denial.target`) told before it or in its sentence."""
    denier = denial.source
    accusers = {_country(denial.target)} if denial.target is not None else set()
    noun = token.head if token.dep_ == "relcl" else None
    same_sentence = noun is not None  # "a charge X rejected": the charge of its own sentence
    told = _content(noun or _allegation(token))  # "rejected claims that their ventures ..."
    answered = []
    for event in events:
        if event.mode != "alleged" or event.evidence.start > denial.evidence.start:
            continue
        if same_sentence and event.evidence.start != denial.evidence.start:
            continue
        if told is not None:  # the denial says which claim it answers
            if told[0] <= event.trigger.start < told[1]:
                answered.append(event)
            continue
        against_denier = event.source == denier or (
            _country(event.source) == _country(denier) and _state(event.source) and _state(denier)
        )
        by_accuser = any(_country(c) in accusers for c in event.claimants)
        if against_denier or by_accuser:
            answered.append(event)
    return [_denied_by(e, [denier], denial) if e in answered else e for e in events]


def _denied_by(
    event: EventFinding, deniers: list[ActorRef], denial: EventFinding
) -> EventFinding:
    """`event` with `deniers` and the trigger of the `denial` that tells it."""
    return dataclasses.replace(
        event,
        deniers=(*event.deniers, *[d for d in deniers if d not in event.deniers]),
        denials=tuple(dict.fromkeys((*event.denials, denial.trigger))),
    )


def _allegation(verb: Token) -> Token | None:
    return next(
        (o for o in syntax.direct_objects(verb) if o.lemma_.lower() in ALLEGATION_NOUNS), None
    )


def _content(noun: Token | None) -> tuple[int, int] | None:
    """The characters of what an allegation noun says ("claims *that their ventures ...*"),
    or None when the noun tells no content of its own ("denied the accusation")."""
    if noun is None:
        return None
    for child in children_of(noun):
        if child.dep_ in {"acl", "ccomp"} and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in children_of(child)
        ):
            first, last = child.left_edge, child.right_edge
            return first.idx, last.idx + len(last)
    return None


def _contradicted(
    events: list[EventFinding], negated: EventFinding, tellers: list[ActorRef]
) -> list[EventFinding]:
    """ "The ministry said its troops had not fired": the doer of an alleged act, or who
    speaks for it (`tellers`), says it did not happen."""
    doer = _country(negated.source)
    deniers = [t for t in tellers if _country(t) == doer]
    return [
        _denied_by(e, deniers, negated)
        if deniers
        and e.mode == "alleged"
        and e.evidence.start <= negated.evidence.start
        and e.root == negated.root
        and _country(e.source) == doer
        else e
        for e in events
    ]


def _tellers(token: Token, index: MentionIndex) -> list[ActorRef]:
    """Who tells the act: the subject of the verb of saying its clause hangs on."""
    current = token
    for _ in range(3):
        if current.dep_ not in {"ccomp", "conj"}:
            return []
        current = current.head
        if current.lemma_.lower() in SAYING:
            subject = syntax.subject_of(current)
            return index.refs_for(subject) if subject is not None else []
    return []


def _verifier(token: Token) -> Token | None:
    """The subject of "verified that X shelled ...", "confirmed that ..." over an act."""
    current = token
    for _ in range(3):
        if current.dep_ not in {"ccomp", "dobj", "xcomp"}:
            return None
        current = current.head
        if current.lemma_.lower() in CONFIRMING_LEMMAS:
            return syntax.subject_of(current)
    return None


def _confirmed(
    events: list[EventFinding], act: EventFinding, confirmers: list[ActorRef]
) -> list[EventFinding]:
    """A third party's confirmation of an act somebody alleged (same doer and root)."""
    third = [r for r in confirmers if _country(r) != _country(act.source)]
    return [
        dataclasses.replace(
            e, confirmers=(*e.confirmers, *[r for r in third if r not in e.confirmers])
        )
        if e.mode == "alleged" and e.root == act.root and _country(e.source) == _country(act.source)
        else e
        for e in events
    ]


def _state(ref: ActorRef) -> bool:
    """A country or one of its state bodies: a denial by Lomé answers what Togo's troops are
    accused of; a citizen's answers only what he is accused of himself."""
    return ref.kind == "country" or ref.sector in STATE_SECTORS


def _country(ref: ActorRef | None) -> str | None:
    return None if ref is None else (ref.country or ref.name)
