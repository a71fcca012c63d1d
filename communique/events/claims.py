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
20 people"), stay asserted. Acts that only a noun or a gerund names ("blamed Togo for the
*attack*", "cut ties for *meddling*") come from `named_acts`; denials are read from their
words by `denials`. Linking is within one article; `analytics.contested` joins reports of
one alleged act across articles.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from ..actors.items import ActorRef
from ..actors.lookup import MEDIA_SECTOR, STATE_SECTORS, MentionIndex
from ..docview import children_of, view
from ..model import Span
from . import syntax, voice
from .denials import answer, country, denial_events, denied_by, find_denials
from .items import EventFinding
from .named_acts import (
    ACCUSING,
    ACT_CODES,
    ALLEGEDLY,
    AUTHORING,
    HEARSAY,
    HEDGES,
    HIRING,
    NOUN_VERBS,
    PUNISHING,
    SUFFERING,
    NamedAct,
    according_to,
    claimant_of,
    code_act,
    named_acts,
    places_of,
)
from .ontology import VerbPattern, load_patterns

# Verbs and nouns whose clause or object is an act somebody says happened, not a fact told
# ("agencies believe the prince ordered the killing": their belief, not a fact).
CLAIM_LEMMAS = frozenset(
    {"accuse", "allege", "claim", "deny", "blame", "suspect", "charge", "believe",
     "allegation", "accusation"}
)  # fmt: skip
# Who accuses by office: what prosecutors say a defendant did is their allegation.
PROSECUTION = frozenset({"prosecutor", "prosecution", "indictment", "complaint", "lawsuit"})
PLEADING = frozenset({"say", "allege", "argue", "contend", "state", "tell", "write"})
CLAIM_DEPS = frozenset({"pcomp", "pobj", "prep", "ccomp", "xcomp", "dobj", "acl"})
TELLING_LEMMAS = frozenset({"say", "tell", "state", "add", "insist", "note", "ask", "wonder"})
SAYING = frozenset({"say", "tell", "state", "add", "insist", "stress", "announce", "note"})
CONFIRMING_LEMMAS = frozenset({"confirm", "verify", "corroborate", "establish"})
# Hostile acts that "according to X", or X's quote, make X's claim when another actor did
# them; and roots of speech acts, which are no alleged deeds.
ATTRIBUTED_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
SUFFERED_ROOTS = frozenset({"13", *ATTRIBUTED_ROOTS})  # (threats too: "had been threatened")
ACCUSATION_ROOT = "11"  # the accusation event an alleged act is linked to
SPOKEN_ROOTS = frozenset({"01", "02", "10", "11", "12"})
ARMED_GROUPS = frozenset({"REB", "INS"})
# Modes of an act told as done: "had been threatened" in reported speech is as much a
# claim as "was threatened".
TOLD_MODES = frozenset({"asserted", "background"})
MILITARY_COOPERATION = "062"
NOMINAL_CONFIDENCE = 0.5
DEFINITE = frozenset({"the", "this", "these", "those"})
STATE_NOUNS = frozenset(
    {"government", "authorities", "regime", "army", "military", "police", "forces", "troops"}
)
# Lemmas that may name an act by a noun or a gerund (`named_acts`).
NAMING_LEMMAS = frozenset(
    {*ACCUSING, *PUNISHING, *AUTHORING, *HIRING, *SUFFERING, *ACT_CODES, "be", "involve", "deny"}
)


def claim_verb(token: Token) -> Token | None:
    """The claim word an act is told under ("accused India of *providing* support": accused),
    climbing at most four heads through complements, objects and prepositions."""
    current = token
    for _ in range(4):
        if current.dep_ not in CLAIM_DEPS:
            return None
        if current.dep_ == "acl" and current.head.lemma_.lower() not in CLAIM_LEMMAS:
            return None  # "aiding rebels *fighting* the president": what the rebels do
        current = current.head
        if current.lemma_.lower() in CLAIM_LEMMAS or _pleaded(current):
            return current
    return None


def _pleaded(verb: Token) -> bool:
    """ "Prosecutors say the two men hired a gunman": the prosecution's case."""
    if verb.lemma_.lower() not in PLEADING:
        return False
    subject = syntax.subject_of(verb)
    return subject is not None and subject.lemma_.lower() in PROSECUTION


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
    patterns = patterns or load_patterns()
    named, replaced = _named_acts(doc, events, index, patterns, accusations)
    events = sorted(
        [*(e for e in events if e.trigger.start not in replaced), *named],
        key=lambda e: (e.evidence.start, e.trigger.start),
    )
    tokens = [syntax.token_at(doc, e.trigger.start, e.trigger.end) for e in events]
    found = [
        _armed_support(_as_claim(event, token, index, accusations)) if token is not None else event
        for event, token in zip(events, tokens, strict=True)
    ]
    denials = list(find_denials(doc, found, index, patterns))
    for denial in denials:
        found = answer(found, denial)
    for event, token in zip(list(found), tokens, strict=True):
        if token is None:
            continue
        if event.negated and event.mode != "alleged":
            found = _contradicted(found, event, _tellers(token, index) or [event.source])
        elif (verifier := _verifier(token)) is not None:
            found = _confirmed(found, event, index.refs_for(verifier))
    found = [_presumed_claimants(e, events, index) for e in found]
    return found + [e for denial in denials for e in denial_events(denial, found)]


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
    if event.mode == "claimed" and token.pos_ == "VERB" and not _doer_named(token):
        return event  # "claimed 90 civilians were wounded": a toll, no deed laid at anyone's door
    if event.mode == "claimed" and (verb := claim_verb(token)) is not None:
        accusers = dict.fromkeys(a.source for a in accusations.get(verb.idx, ()))
        refs = tuple(accusers or _refs(index, claimant_of(verb)))
        denied = verb.lemma_.lower() == "deny"
        return dataclasses.replace(
            event,
            target=event.target or _suffering_side(index, event.root, event.source, refs),
            mode="alleged",
            claimants=() if denied else refs,
            deniers=refs if denied else (),
            denials=(syntax.span_of(verb),) if denied else (),
            claim=syntax.span_of(verb),
        )
    accusation = None if event.negated else _accusation_over(token, accusations)
    if accusation is not None and country(accusation.target) == country(event.source):
        return dataclasses.replace(
            event,
            mode="alleged",
            claimants=(accusation.source,),
            claim=accusation.trigger,
            target=event.target
            or _suffering_side(index, event.root, event.source, (accusation.source,)),
        )
    if event.mode not in TOLD_MODES or event.negated or _verifier(token) is not None:
        return event  # what a third party verified it confirms; it does not allege it
    if event.mode != "asserted" and not _doer_named(token):
        return event
    hedges = {c.lower_ for c in children_of(token)} & (
        ALLEGEDLY | (HEARSAY if event.root in ATTRIBUTED_ROOTS else frozenset())
    )
    if hedges:
        claimant = according_to(token)
        refs = tuple(index.refs_for(claimant)) if claimant is not None else ()
        return dataclasses.replace(event, mode="alleged", claimants=refs)
    if event.root in SUFFERED_ROOTS and _doer_named(token):
        victims = _victims_telling(token, index)
        if victims and event.source not in victims:
            return dataclasses.replace(event, mode="alleged", claimants=tuple(victims))
    if event.root not in ATTRIBUTED_ROOTS or not _doer_named(token):
        return event
    source = according_to(token)
    refs = tuple(index.refs_for(source)) if source is not None else ()
    if refs and all(_accuses(r, event) for r in refs):
        return dataclasses.replace(event, mode="alleged", claimants=refs)
    return event


def _victims_telling(act: Token, index: MentionIndex) -> list[ActorRef]:
    """Who tells an act they suffered ("the judge said he had been threatened by unnamed
    men"): the tellers of the act who are among those it was done to."""
    tellers = _tellers(act, index)
    if not tellers:
        return []
    undergoers = (
        [s for s in [syntax.passive_subject(act)] if s is not None]
        if syntax.is_passive(act)
        else syntax.direct_objects(act)
    )
    suffered = {r for u in undergoers for r in index.refs_for(u)}
    return [t for t in tellers if t in suffered]


def _accusation_over(
    token: Token, accusations: Mapping[int, Sequence[EventFinding]]
) -> EventFinding | None:
    """The accusation whose words tell the act: "Yerevan pushed back, with its ministry
    *saying* that Aliyev had threatened ...", or one side questioning *whether* the other
    was arming ... The act must hang on a verb of saying or a "whether" on the way up; a
    question about one's own country is no accusation ("questioned whether the U.S. allied
    with the right side")."""
    current, said, asked = token, False, False
    for _ in range(6):
        said = said or current.lemma_.lower() in TELLING_LEMMAS
        asked = asked or any(
            c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in children_of(current)
        )
        if current.head.i == current.i:
            return None
        current = current.head
        found = accusations.get(current.idx)
        if found and (said or (asked and country(found[-1].source) != country(found[-1].target))):
            return found[-1]
    return None


def _suffering_side(
    index: MentionIndex, root: str, doer: ActorRef, claimants: Sequence[ActorRef]
) -> ActorRef | None:
    """The victim of a hostile alleged act whose telling names none: the claimant's side,
    other than the doer ("Ghana said Togo had meddled": in Ghana's affairs). A claimant
    state body that speaks for a country (its prosecutors, its ministry) stands for it."""
    if root not in SUFFERED_ROOTS:
        return None  # "they believe the rebels have retreated": nobody suffered a retreat
    for claimant in claimants:
        state = index.country_actor(claimant) if claimant.sector in STATE_SECTORS else None
        if state is not None and country(state) != country(doer):
            return state
        if state is None and claimant != doer:
            return claimant
    return None


def _presumed_claimants(
    event: EventFinding, events: Sequence[EventFinding], index: MentionIndex
) -> EventFinding:
    """An alleged act told in an accusation or a denial that names no accuser ("Y stands
    accused of bombing the base", "Y denies sheltering the fighters") is presumed the claim
    of whoever the article has accuse Y, the nearest accusation first (not linked as the
    act's accusation: it tells another act, or none); failing that, of the side with the
    grievance: its victim, or for arms and aid to rebels the country they fight in. An act
    only hedged ("reportedly") keeps no claimant: the reports are nobody named."""
    if event.mode != "alleged" or event.claimants:
        return event
    if not event.deniers and (event.claim is None or event.claim.text.lower() in HEDGES):
        return event
    accusers = [e for e in events if e.root == ACCUSATION_ROOT and _accuses_the_doer(e, event)]
    if accusers:
        nearest = min(accusers, key=lambda e: abs(e.trigger.start - event.trigger.start))
        return dataclasses.replace(event, claimants=(nearest.source,), claim_presumed=True)
    target = event.target
    if target is None or target == event.source:
        return event
    if event.root in SUFFERED_ROOTS:
        return dataclasses.replace(event, claimants=(target,), claim_presumed=True)
    fought = index.country_actor(target) if target.sector in ARMED_GROUPS else None
    if fought is not None and country(fought) != country(event.source):
        return dataclasses.replace(event, claimants=(fought,), claim_presumed=True)
    return event  # (who is aided has no grievance)


def _accuses_the_doer(accusation: EventFinding, act: EventFinding) -> bool:
    """Whether an accusation is against the doer of `act`: the doer itself, or its country
    when the accuser is of another (rebels accusing their own government name it)."""
    accuser, accused, doer = accusation.source, accusation.target, act.source
    if accused is None or accuser == doer:
        return False
    if country(accuser) != country(doer):
        return country(accused) == country(doer)
    return accused == doer


def _accuses(claimant: ActorRef, event: EventFinding) -> bool:
    """Whether a source's account of an act is an accusation: its side suffered the act at
    the hands of another ("according to Ghana's ministry, Togolese troops detained three
    Ghanaian farmers"); an outlet's or a bystander's account is a report."""
    if claimant.sector == MEDIA_SECTOR or event.target is None:
        return False
    side = country(claimant)
    return side == country(event.target) and side != country(event.source)


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
) -> tuple[list[EventFinding], set[int]]:
    """ "Ghana blamed Togo for the attack on a police post", "Paris was accused of aiding
    rebels", "investigators believe the general ordered the killing": the act laid at the
    accused's door, named by a noun or a gerund that no event has for its trigger yet, or
    the grounds of a punishment the coder told as fact (their triggers are returned too, so
    that those readings give way)."""
    triggers = {e.trigger.start for e in events}
    found: list[EventFinding] = []
    replaced: set[int] = set()
    for verb in view(doc).tokens:
        if verb.lemma_.lower() not in NAMING_LEMMAS:
            continue
        for named in named_acts(verb, claim_verb(verb)):
            coded = code_act(named.act, patterns)
            if coded is None or coded[0][:2] in SPOKEN_ROOTS:
                continue  # "suspected of asking for ...": words, not an alleged deed
            if named.act.idx in triggers and not _grounds_read_as_fact(named, events):
                continue
            if named.act.idx in triggers:
                replaced.add(named.act.idx)
            triggers.add(named.act.idx)
            told_before = _told_before([*events, *found], named.act, coded[0])
            found += _alleged(doc, named, coded, index, accusations, told_before)
    return found, replaced


def _grounds_read_as_fact(named: NamedAct, events: Sequence[EventFinding]) -> bool:
    """Whether the coder told the grounds of a punishment as the narrator's fact: "Ghana
    sanctioned Togo for detaining farmers" is Ghana's case against Togo, not a detention
    the narrator reports (nor one Ghana made, as the clause's subject would have it)."""
    if named.claim.lemma_.lower() not in PUNISHING:
        return False
    told = [e for e in events if e.trigger.start == named.act.idx]
    return all(e.mode == "asserted" for e in told)


def _alleged(
    doc: Doc,
    named: NamedAct,
    coded: tuple[str, list[Token]],
    index: MentionIndex,
    accusations: dict[int, list[EventFinding]],
    told_before: EventFinding | None = None,
) -> list[EventFinding]:
    """The findings of one named act: from each doer to each victim; where the claim names
    none, the victim of the act as the article told it before (`told_before`), else the
    claimant's side."""
    code, objects = coded
    sources = [r for d in named.doers for r in index.refs_for(d) or _generic_doers(index, d)]
    if named.unnamed and code[:2] in SUFFERED_ROOTS:  # "received threats": from somebody
        sources = voice.unidentified_source(named.act, index)
    told = accusations.get(named.claim.idx)
    if not told and named.claim.pos_ == "NOUN":  # "reiterated the claim that ...": its 112
        told = accusations.get(named.claim.head.idx)
    accusation = told[-1] if told else None
    claimants = (
        tuple(dict.fromkeys(a.source for a in told)) if told
        else tuple(_refs(index, named.claimant))
    )  # fmt: skip
    if named.denied:  # "denies shelling the town": its doers deny it
        claimants = ()
    victims = list(
        dict.fromkeys(
            r for o in (*objects, *named.victims) for r in _victims(index, o, sources)
        )
    )

    def victims_of(source: ActorRef) -> list[ActorRef | None]:
        if victims or not named.victim_claims:
            return [*victims] or [None]
        if told_before is not None and (
            told_before.target != source  # ("the bombing of the base was a plot by its army":
            or _trigger_lemma(doc, told_before) == _act_verb(named.act)  # a false flag)
        ):
            return [told_before.target]
        return [_suffering_side(index, code[:2], source, claimants)]

    return [
        EventFinding(
            code=code,
            source=source,
            target=victim,
            trigger=syntax.span_of(named.act),
            evidence=accusation.evidence if accusation else _sentence_of(doc, named.claim),
            mode="alleged",
            quote=accusation.quote if accusation else None,
            confidence=NOMINAL_CONFIDENCE,
            claimants=claimants,
            claim=None
            if named.denied
            else accusation.trigger if accusation
            else syntax.span_of(named.claim),
            deniers=(source,) if named.denied else (),
            denials=(syntax.span_of(named.claim),) if named.denied else (),
        )
        for source in sources
        for victim in victims_of(source)
    ]


def _told_before(events: Sequence[EventFinding], act: Token, code: str) -> EventFinding | None:
    """The act a definite noun goes back to ("blamed Iran for *the attacks*" after "drones
    attacked two Saudi oil plants"): the last event of its root before it with a target, one
    told by the same word first ("the bombing of the base" ... "the bombing was a plot")."""
    if act.pos_ != "NOUN" or not any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in children_of(act)
    ):
        return None
    earlier = [
        e for e in events
        if e.root == code[:2] and e.target is not None and e.trigger.start < act.idx
    ]  # fmt: skip
    same = [e for e in earlier if _trigger_lemma(act.doc, e) == _act_verb(act)]
    return (same or earlier)[-1] if earlier else None


def _trigger_lemma(doc: Doc, event: EventFinding) -> str | None:
    token = syntax.token_at(doc, event.trigger.start, event.trigger.end)
    return _act_verb(token) if token is not None else None


def _act_verb(token: Token) -> str:
    """The verb an act word stands for: "bombing" and "bombed" are both "bomb"."""
    lemma = token.lemma_.lower()
    return NOUN_VERBS.get(lemma, lemma)


def _generic_doers(index: MentionIndex, noun: Token) -> list[ActorRef]:
    """ "by the government in Islamabad", "militants with bases in Afghanistan": a state
    body or an armed group the index knows only through its fallback; other generic doers
    ("36 people") stay unnamed."""
    refs = index.refs_for(noun, generic=True)
    if noun.lemma_.lower() in STATE_NOUNS:
        return refs
    return [r for r in refs if r.sector in ARMED_GROUPS]


def _victims(index: MentionIndex, noun: Token, doers: list[ActorRef]) -> list[ActorRef]:
    """Who a phrase names as the act's victims, other than its doers: the actors it names,
    else the places its people are in ("dissidents in Denmark"), else a generic actor for
    it. ("depriving ethnic Baloch of ... and their share": "their" is the doers', so the
    Baloch are found as a group.)"""
    tries = (
        lambda: index.refs_for(noun),
        lambda: [r for p in places_of(noun) for r in index.refs_for(p)],
        lambda: index.refs_for(noun, generic=True),
    )
    for found in (try_() for try_ in tries):
        others = [r for r in found if r not in doers]
        if others:
            return others
    return []


def _sentence_of(doc: Doc, token: Token) -> Span:
    sentence = next(s for s in view(doc).sentences if s.start <= token.i < s.end)
    return Span(sentence.text, sentence.start_char, sentence.end_char)


def _refs(index: MentionIndex, token: Token | None) -> list[ActorRef]:
    return index.refs_for(token) if token is not None else []


def _contradicted(
    events: list[EventFinding], negated: EventFinding, tellers: list[ActorRef]
) -> list[EventFinding]:
    """ "The ministry said its troops had not fired": the doer of an alleged act, or who
    speaks for it (`tellers`), says it did not happen."""
    doer = country(negated.source)
    deniers = [t for t in tellers if country(t) == doer]
    return [
        denied_by(e, deniers, negated.trigger)
        if deniers
        and e.mode == "alleged"
        and e.evidence.start <= negated.evidence.start
        and e.root == negated.root
        and country(e.source) == doer
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
    third = [r for r in confirmers if country(r) != country(act.source)]
    return [
        dataclasses.replace(
            e, confirmers=(*e.confirmers, *[r for r in third if r not in e.confirmers])
        )
        if e.mode == "alleged" and e.root == act.root and country(e.source) == country(act.source)
        else e
        for e in events
    ]
