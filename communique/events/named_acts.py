"""Acts that a noun or a gerund names, laid at an actor's door by an accusation.

The verb coder codes verbs: "Togo shelled the villages". An allegation often names its act
by a noun or a gerund hung on another verb, which says who did it and who says so:

- a verb that accuses: "Ghana blamed Togo for the attack", "Lomé was accused of arming
  rebels", "two soldiers stand accused of the bombing";
- a verb that punishes on a ground: "Accra cut ties with Togo for allegedly meddling in
  its affairs", "the bloc sanctioned Minsk over alleged kidnapping plots against exiles";
- a verb of authorship under a claim or a hedge: "investigators believe the general
  ordered the killing", "the navy was allegedly behind the sinking", "prosecutors say he
  hired two men to kill the editor";
- a verb the victims tell they suffer by: "the fishermen say they face harassment by
  the coast guard";
- a verb of coercion the dictionary does not code, under a claim: "claims that the
  company is depriving villagers of their land".

Each reading is a `NamedAct`; `code_act` gives the act's CAMEO code and the words that
name whom it was done to.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from ..docview import children_of
from ..quotes.cues import according_object, is_according
from . import syntax
from .ontology import VerbPattern, verb_lemma

# Verbs that lay an act at someone's door, with the preposition that names the act.
ACCUSING = {
    "blame": ("for",), "accuse": ("of",), "suspect": ("of",), "charge": ("with",),
    "hold": ("for",),  # "held responsible for"
}  # fmt: skip
# Verbs that punish somebody on the ground of an act ("sanctioned X over the attacks").
PUNISHING = {
    "sanction": ("for", "over"), "punish": ("for",), "penalize": ("for",),
    "penalise": ("for",), "cut": ("for", "over"),  # "cut ties with X for ..."
}  # fmt: skip
RELATIONS = frozenset({"tie", "relation", "link"})
# Verbs that tell who was behind an act named by their object ("ordered the killing"),
# and those that name it by a verb after "to" ("hired two men to kill the editor").
AUTHORING = frozenset(
    {"order", "orchestrate", "mastermind", "plan", "direct", "organize", "organise",
     "commit", "perpetrate", "stage", "sponsor"}
)  # fmt: skip
HIRING = frozenset({"hire", "pay", "recruit"})
# Nouns that lay an act told as a subject at its author's door: "the bombing was *the work
# of* militants", "*a plot by* France".
WORKS = frozenset({"work", "handiwork", "doing", "plot", "operation"})
# Verbs whose subject suffers the act their object names ("face harassment by X").
SUFFERING = frozenset({"face", "suffer", "endure", "receive"})
# Verbs under which the sufferer's own account of an act is a claim: "they say they face".
TELLING = frozenset({"say", "tell", "complain", "claim", "allege", "report", "suggest"})
# Nouns of a part in an act: "denied involvement in the attack", "responsibility for".
PARTS = frozenset({"involvement", "responsibility", "role", "part", "complicity"})
ALLEGEDLY = frozenset({"allegedly"})
HEARSAY = frozenset({"reportedly", "purportedly", "supposedly"})  # (on hostile acts only)
HEDGES = ALLEGEDLY | HEARSAY
# Act nouns coded through the verb the dictionary knows them by.
NOUN_VERBS = {
    "attack": "attack", "bombing": "bomb", "killing": "kill", "shelling": "shell",
    "abduction": "abduct", "kidnapping": "kidnap", "assassination": "assassinate",
    "murder": "murder", "massacre": "massacre", "arrest": "arrest", "detention": "detain",
    "incursion": "invade", "invasion": "invade", "raid": "raid", "ambush": "ambush",
    "sinking": "sink", "execution": "execute", "strike": "strike", "airstrike": "bomb",
}  # fmt: skip
# Acts an accusation names that the verb dictionary has no plain pattern for: coercion
# and repression (17), violence planned (18), threats (13), backing an armed group (06).
ACT_CODES = {
    "exploit": "170", "exploitation": "170", "deprive": "170", "deprivation": "170",
    "discriminate": "170", "discrimination": "170", "meddle": "170", "meddling": "170",
    "interfere": "170", "interference": "170", "rig": "170", "rigging": "170",
    "harass": "170", "harassment": "170",
    "persecute": "175", "persecution": "175", "repress": "175", "repression": "175",
    "oppress": "175", "oppression": "175",
    "plot": "180", "conspiracy": "180", "violence": "180",
    "threat": "130", "threaten": "130",
    "shelter": "062", "harbor": "062", "harbour": "062", "finance": "062", "fund": "062",
    "arm": "062", "sanctuary": "062", "haven": "062", "hostage-taking": "181",
}  # fmt: skip
GIVING = frozenset({"provide", "give", "offer", "grant"})
# Nouns whose owner is who suffered the act ("the reporter's killing"), not its doer.
VICTIM_OWNED = frozenset(
    {"killing", "murder", "assassination", "arrest", "detention", "abduction",
     "kidnapping", "execution"}
)  # fmt: skip
PLOTS = frozenset({"plot", "conspiracy", "plan"})
# Gerunds whose object noun is the act: "plotting the attack", "carrying out the raid".
PLOTTING = frozenset(
    {"plot", "plan", "orchestrate", "mastermind", "order", "organize", "carry", "launch",
     "conduct", "mount", "stage", "commit"}
)  # fmt: skip
TARGET_PREPS = ("on", "of", "against", "in")


@dataclass(frozen=True)
class NamedAct:
    """One act named by `act`, allegedly done by `doers`, told as a claim by `claim` (an
    accusing verb, a claim verb or a hedge) of `claimant` when the sentence names one.
    `victim_claims`: with no victim named, the claimant suffered it ("accused Togo of
    meddling": Ghana's affairs)."""

    act: Token
    doers: tuple[Token, ...]
    claimant: Token | None
    claim: Token
    victim_claims: bool
    victims: tuple[Token, ...] = ()  # who suffered it, where the frame tells it
    denied: bool = False  # told only as the doers' denial: they deny it, nobody claims it
    unnamed: bool = False  # its doers are left unnamed ("say they received threats")


def named_acts(verb: Token, claim_verb: Token | None) -> Iterator[NamedAct]:
    """The acts `verb` names as somebody's; `claim_verb` is the claim word over its
    clause (from `claims.claim_verb`), which authoring verbs need or a hedge."""
    lemma = verb.lemma_.lower()
    if verb.pos_ == "VERB" and lemma in ACCUSING:
        if lemma == "hold" and not any(
            c.lower_ in {"responsible", "accountable"} for c in children_of(verb)
        ):
            return  # "held responsible for the attack"; not "held talks for a week"
        accused, claimant = accused_by(verb)
        for act in _acts_after(verb, ACCUSING[lemma]):
            yield NamedAct(act, tuple(accused), claimant, verb, True)
        if lemma == "blame":
            yield from _blamed_on(verb)
    elif verb.pos_ == "VERB" and lemma in PUNISHING:
        punished, claimant = _punished(verb)
        for act in _acts_after(verb, PUNISHING[lemma]):
            yield NamedAct(act, tuple(punished), claimant, verb, lemma == "cut")
    elif lemma in AUTHORING | HIRING or lemma in {"be", "involve"}:
        yield from _authored(verb, claim_verb)
    elif lemma in SUFFERING:
        yield from _suffered(verb, claim_verb)
    elif lemma == "deny" and verb.pos_ == "VERB":
        yield from _denied_acts(verb)
    elif verb.pos_ == "VERB" and lemma in ACT_CODES and claim_verb is not None:
        doer = syntax.subject_of(verb)
        if doer is not None and verb.dep_ != "pcomp":  # (a gerund after "of": `ACCUSING`)
            yield NamedAct(verb, (doer,), claimant_of(claim_verb), claim_verb, True)


def accused_by(verb: Token) -> tuple[list[Token], Token | None]:
    """Who an accusing verb accuses, and who accuses: the object and the subject ("Ghana
    blamed Togo"); the subject and the agent of a passive ("Togo was blamed by Ghana");
    the subject of "stand accused", with no accuser named."""
    if syntax.is_passive(verb):
        subject = syntax.passive_subject(verb) or syntax.subject_of(verb)
        return ([subject] if subject is not None else []), syntax.agent_of(verb)
    return syntax.direct_objects(verb), claimant_of(verb)


def claimant_of(verb: Token) -> Token | None:
    """Who makes the claim: the verb's subject or agent ("was accused by Ghana"), or the
    owner of a claim noun ("Ghana's claim that ...", also where the tagger took "rejected
    claims that ..." for a verb)."""
    if verb.pos_ == "NOUN" or verb.dep_ in NOUN_DEPS:
        return next((c for c in children_of(verb) if c.dep_ == "poss"), None)
    if syntax.is_passive(verb):
        return syntax.agent_of(verb)
    current = verb
    for _ in range(5):  # "posted a message on X blaming Iran for ...": the poster blames
        subject = syntax.subject_of(current)
        if subject is not None or current.dep_ not in PARTICIPLE_LINKS:
            return subject
        current = current.head
    return None


NOUN_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})
# Links a participle of blame may hang by on the clause whose subject blames.
PARTICIPLE_LINKS = frozenset({"advcl", "acl", "xcomp", "conj", "pcomp", "prep", "pobj", "dobj"})


def _punished(verb: Token) -> tuple[list[Token], Token | None]:
    """Who is punished and who punishes: "sanctioned Minsk", "was sanctioned by the EU",
    "cut ties with Togo" (the party on the other end of the relations)."""
    if verb.lemma_.lower() == "cut":
        ties = [o for o in syntax.direct_objects(verb) if o.lemma_.lower() in RELATIONS]
        partners = [p for t in ties for p in syntax.prep_objects(t, "with")]
        return partners + syntax.prep_objects(verb, "with"), claimant_of(verb)
    return accused_by(verb)


def _acts_after(verb: Token, preps: Sequence[str]) -> list[Token]:
    """The nouns and gerunds after the verb's preposition ("of aiding rebels and exploiting
    the mines"), conjuncts included."""
    found = [
        g
        for c in children_of(verb)
        if c.dep_ == "prep" and c.lower_ in preps
        for g in children_of(c)
        if g.dep_ in {"pobj", "pcomp"}
    ]
    return found + [c for g in found for c in children_of(g) if c.dep_ == "conj"]


def _authored(verb: Token, claim_verb: Token | None) -> Iterator[NamedAct]:
    """ "the general ordered the killing", "the attack was orchestrated by militants",
    "the navy was behind the sinking" under a claim verb or a hedge: the subject (or the
    agent) did the act the object (or the subject) names."""
    hedge = next((c for c in children_of(verb) if c.lower_ in HEDGES), None)
    claim_verb = claim_verb or _saying_over(verb)  # "Ghana said Togo was behind the attack"
    claim = claim_verb or hedge
    if claim is None:
        return
    claimant = claimant_of(claim_verb) if claim_verb is not None else according_to(verb)
    lemma = verb.lemma_.lower()
    if lemma in AUTHORING and syntax.is_passive(verb):
        subject = syntax.passive_subject(verb)
        doers = _authors_of_passive(verb)
        if doers and subject is not None:
            yield NamedAct(subject, tuple(doers), claimant, claim, True)
        return
    if lemma == "be":  # "the bombing was the work of militants", "a plot by France"
        act = syntax.subject_of(verb)
        works = [c for c in children_of(verb) if c.dep_ == "attr" and c.lemma_.lower() in WORKS]
        doers = [d for w in works for p in ("by", "of") for d in syntax.prep_objects(w, p)]
        if act is not None and act.pos_ == "NOUN" and doers:
            yield NamedAct(act, tuple(doers), claimant, claim, True)
            return
    doer = _involved(verb) if lemma == "involve" else syntax.subject_of(verb)
    if doer is not None:
        for act in _authored_acts(verb):
            yield NamedAct(act, (doer,), claimant, claim, True)


def _saying_over(verb: Token) -> Token | None:
    """The verb of saying whose clause tells who was behind an act: to say who did it is
    to lay it at their door."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    return head if clause.dep_ == "ccomp" and head.lemma_.lower() in TELLING else None


def _authors_of_passive(verb: Token) -> list[Token]:
    """ "was orchestrated by militants", "was planned and directed from Afghan soil": the
    agent, else the place it was run from (of the verb or a verb joined to it)."""
    agent = syntax.agent_of(verb)
    if agent is not None:
        return [agent]
    verbs = [verb, *(c for c in children_of(verb) if c.dep_ == "conj")]
    return [p for v in verbs for p in syntax.prep_objects(v, "from")]


def _involved(verb: Token) -> Token | None:
    """Who "was involved": the passive subject, or the noun a participle hangs on ("36
    people believed to have been involved")."""
    subject = syntax.passive_subject(verb)
    if subject is None and verb.dep_ == "xcomp" and verb.head.dep_ in {"acl", "relcl"}:
        return verb.head.head
    return subject or syntax.subject_of(verb)


def _authored_acts(verb: Token) -> list[Token]:
    """What a verb of authorship names: "ordered *the killing*", "was behind *the plot*",
    "was responsible for *the raid*", "was involved in *the assassination*"."""
    lemma = verb.lemma_.lower()
    if lemma in AUTHORING:
        return syntax.direct_objects(verb)
    if lemma in HIRING:
        return [c for c in children_of(verb) if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if lemma == "involve":
        return syntax.prep_objects(verb, "in") if syntax.is_passive(verb) else []
    responsible = [c for c in children_of(verb) if c.lemma_.lower() == "responsible"]
    return syntax.prep_objects(verb, "behind") + [
        o for r in responsible for o in syntax.prep_objects(r, "for")
    ]


def _suffered(verb: Token, claim_verb: Token | None) -> Iterator[NamedAct]:
    """ "the fishermen say they face harassment by the coast guard": the victims' account
    of an act by the "by" phrase's actor, or, when it is told as done, by somebody unnamed
    ("she said she had received threats")."""
    told = claim_verb or _saying_over(verb)
    victim = syntax.subject_of(verb)
    if told is None or victim is None:
        return
    claimant = claimant_of(told)
    if victim.tag_ == "PRP" and claimant is not None:
        victim = claimant  # "journalists say they face ...": the tellers themselves
    acts = syntax.direct_objects(verb)
    acts += [c for a in acts for c in children_of(a) if c.dep_ == "conj"]
    doers = [d for a in acts for d in syntax.prep_objects(a, "by")]
    doers += syntax.prep_objects(verb, "by")
    if not doers and verb.tag_ not in {"VBD", "VBN"}:
        return  # "says the country faces attacks": no deed done, and no doer to lay it on
    for act in acts:
        yield NamedAct(act, tuple(doers), claimant, told, False, (victim,), unnamed=not doers)


def _blamed_on(verb: Token) -> Iterator[NamedAct]:
    """ "The ministry blamed the attack (on the embassy) on Togolese militants": the last
    "on" phrase after the act names who is blamed."""
    for act in (o for o in syntax.direct_objects(verb) if o.pos_ == "NOUN"):
        chain, current = [], act
        while ons := syntax.prep_objects(current, "on"):
            chain.append(current := ons[0])
        blamed = chain[-1:] or syntax.prep_objects(verb, "on")
        if blamed:
            yield NamedAct(act, tuple(blamed), claimant_of(verb), verb, True)


def _denied_acts(verb: Token) -> Iterator[NamedAct]:
    """ "The militia denies shelling the town", "denied involvement in the attack": an act
    known from its denial, by the denier, which nobody in the sentence claims."""
    denier = syntax.subject_of(verb)
    if denier is None:
        return
    for act in children_of(verb):
        if act.dep_ in {"xcomp", "pcomp", "dobj"} and act.pos_ == "VERB" and act.tag_ == "VBG":
            yield NamedAct(act, (denier,), None, verb, False, denied=True)
        if act.dep_ == "dobj" and act.lemma_.lower() in PARTS:  # "involvement in the attack"
            for part in (p for w in ("in", "for") for p in syntax.prep_objects(act, w)):
                yield NamedAct(part, (denier,), None, verb, False, denied=True)


def according_to(token: Token) -> Token | None:
    """X of "according to X" on the act's clause or the clause it is part of."""
    clause = token
    for _ in range(3):
        for child in children_of(clause):
            if is_according(child):
                return according_object(child)
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return None


def places_of(noun: Token) -> list[Token]:
    """The places a phrase of people is in: "dissidents *in nations including Denmark and
    France*" gives Denmark (and its conjuncts through the index), "civilians in Gaza"."""
    found = syntax.prep_objects(noun, "in")
    return found + [p for f in found for p in syntax.prep_objects(f, "including")]


def code_act(
    act: Token, patterns: Mapping[str, Sequence[VerbPattern]]
) -> tuple[str, list[Token]] | None:
    """The CAMEO code of an act named by a noun ("the attack on X", "the reporter's
    killing", "assassination plots against exiles") or a gerund ("aiding rebels",
    "meddling in its affairs"), with the words that name whom it was done to."""
    lemma = verb_lemma(act.text, act.lemma_)
    if act.pos_ == "ADJ":  # "that he was slain": a participle tagged as an adjective
        verbal = _verb_code(lemma, patterns)
        return (verbal, []) if verbal is not None and lemma != act.lower_ else None
    if act.pos_ == "VERB":
        given = [o for o in syntax.direct_objects(act) if o.lemma_.lower() in ACT_CODES]
        if lemma in GIVING and given:  # "providing sanctuary to fighters": what is given
            return ACT_CODES[given[0].lemma_.lower()], syntax.prep_objects(act, "to")
        planned = [o for o in syntax.direct_objects(act) if o.pos_ == "NOUN"]
        if lemma in PLOTTING and planned and (inner := code_act(planned[0], patterns)):
            return inner  # "plotting the attack on the school": the attack
        verbal = _verb_code(lemma, patterns)
        objects = syntax.direct_objects(act) + [
            o for w in TARGET_PREPS for o in syntax.prep_objects(act, w)
        ]
        return (verbal, objects) if verbal is not None else None
    code = _noun_code(act, patterns)
    if code is None:
        return None
    objects = [o for w in TARGET_PREPS for o in syntax.prep_objects(act, w)]
    if lemma in VICTIM_OWNED:
        objects += [c for c in children_of(act) if c.dep_ == "poss"]
    return code, objects


def _noun_code(noun: Token, patterns: Mapping[str, Sequence[VerbPattern]]) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in PLOTS:  # "assassination plots", "a plot to kill the envoy": what is plotted
        for child in children_of(noun):
            if child.dep_ == "compound" and (code := _noun_code(child, patterns)):
                return code
            verbal = child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB"
            if verbal and (code := _verb_code(child.lemma_.lower(), patterns)):
                return code
    compound = next((c.lower_ for c in children_of(noun) if c.dep_ == "compound"), None)
    if compound is not None and f"{compound}-{lemma}" in ACT_CODES:  # "hostage-taking"
        return ACT_CODES[f"{compound}-{lemma}"]
    verb = NOUN_VERBS.get(lemma)
    if verb is not None and (code := _verb_code(verb, patterns)):
        return code
    return ACT_CODES.get(lemma) if lemma != "plan" else None


def _verb_code(lemma: str, patterns: Mapping[str, Sequence[VerbPattern]]) -> str | None:
    plain = next((p for p in patterns.get(lemma, ()) if not p.objects and not p.particle), None)
    if plain is not None:
        return plain.code
    return ACT_CODES.get(lemma)
