"""How the events of one sentence relate: refusals, embedded acts and the main event.

The coder codes every verb it knows, but a sentence usually reports one act and the
others hang off it: "Turkey refused to commit troops" is a rejection, not an
offer of troops; "the PRC demanded that the US cancel the sale" is a demand, and
the cancelling is only asked for. This module settles such relations after coding:

- an act governed by "refuse", "decline", "fail" or "reject" becomes the matching
  CAMEO rejection (12x), and so does cooperation announced with "will not";
- shooting or killing by armed forces (or by police, of armed men) is conventional
  force (190), not assault (18x);
- an act inside an accusation, a claim or a denial is `claimed`, not asserted; one told in
  the simple present after the lead, with no date, is `habitual`;
- an act embedded under another coded act loses confidence, so the governing act
  ranks first; statements (root 01) rank below any other act of their sentence, and
  hypothetical acts ("must return", "could attack") below asserted ones.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..docview import children_of, view
from ..temporal import find_date_expressions
from . import syntax
from .claims import claim_verb
from .items import EventFinding
from .ontology import load_ontology
from .speech import CHARGED_LEMMAS
from .voice import VICTIM_ROOTS

REFUSAL_LEMMAS = frozenset({"refuse", "decline", "fail", "reject", "resist", "refrain", "balk"})
# What refusing an act of each kind is in CAMEO, by the act's code prefix.
REFUSALS = {
    "04": "125", "036": "125", "05": "120", "057": "127", "037": "127", "06": "121",
    "07": "122", "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231",
    "084": "1243", "085": "1244", "086": "1245", "087": "1246", "03": "120",
}  # fmt: skip
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# Shooting, wounding and killing; done by state forces they are conventional force.
ASSAULTS = frozenset({"18", "180", "182", "1823"})
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SPY", "COP", "CRM"})
CONVENTIONAL_FORCE = "190"
# Verbs whose complement is what one side says another did: the act is claimed, not told.
REPORTING_LEMMAS = frozenset({"say", "tell", "add", "state", "announce", "note", "stress"})
# Clauses an infinitive may head, and verbs whose infinitive tells what was done.
INFINITIVE_DEPS = frozenset({"xcomp", "advcl", "ccomp", "acl", "relcl"})
IMPLICATIVE_LEMMAS = frozenset(
    {"manage", "begin", "start", "continue", "proceed", "go", "try", "attempt", "force",
     "compel", "oblige", "get", "dare", "resume", "keep"}
)  # fmt: skip
EMBEDDED_PENALTY = 0.25
STATEMENT_PENALTY = 0.1
BACKGROUND_PENALTY = 0.1  # told in a relative clause: "a helicopter that was captured"
BACKGROUND_DEPS = frozenset({"relcl", "acl"})
PURPOSE_PENALTY = 0.2  # the motive of another act: "went on strike to demand", "demanding"
UNASSERTED_PENALTY = 0.3  # asked for or imagined ("must return", "could attack"), not done
EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "pcomp", "prep", "pobj", "acomp"})


def refusal_code(code: str) -> str | None:
    """The CAMEO code for refusing `code` ("will not meet" 040 -> 125); None if not cooperative."""
    if code[:2] not in COOPERATIVE_ROOTS:
        return None
    for size in (4, 3, 2):
        if code[:size] in REFUSALS:
            return REFUSALS[code[:size]]
    return "120"


def _governors(token: Token) -> list[Token]:
    """The verbs and adjectives `token` is embedded under, nearest first (at most 4 steps)."""
    found = []
    current = token
    for _ in range(4):
        if current.dep_ not in EMBEDDING_DEPS or current.head is current:
            break
        current = current.head
        found.append(current)
    return found


def _purpose(token: Token) -> bool:
    """An adverbial clause of purpose or manner: "began a hunger strike *to demand* ...",
    "blocked roads *demanding* ...": it tells why the main act was done."""
    if token.dep_ not in {"advcl", "acl"}:
        return False
    return token.tag_ == "VBG" or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children_of(token)
    )


def _refused(token: Token) -> bool:
    """ "refused to X", "failed to X": whatever X is, the act is a refusal."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in REFUSAL_LEMMAS


def _will_not(token: Token) -> bool:
    """ "will not X", "would not X": a refusal when X is cooperation, else a promise."""
    negated = any(c.dep_ == "neg" for c in children_of(token))
    return negated and any(c.lower_ in {"will", "would", "wo", "shall"} for c in children_of(token))


def _intended(token: Token) -> bool:
    """ "is willing to send material to help defend X": an act further down a chain of
    infinitives under a word of intent is announced, not done (the parser's mode only
    looks one step up)."""
    current = token
    for step in range(4):
        if current.head is current or not (
            current.dep_ in {"xcomp", "conj"} or (current.dep_ == "advcl" and _infinitive(current))
        ):
            return False
        link, current = current.dep_, current.head
        if step > 0 and link == "xcomp" and current.lemma_.lower() in syntax.INTENT_LEMMAS:
            return True
    return False


def _scheduled(token: Token) -> bool:
    """ "May is to step down today", "crowds were to storm the base": a plan, not an act."""
    return (
        token.dep_ in {"xcomp", "ccomp"}
        and _infinitive(token)
        and token.head.lemma_.lower() == "be"
        and not any(c.dep_ in {"attr", "acomp"} for c in children_of(token.head))
    )


def _aimed_at(token: Token, refused: bool) -> bool:
    """ "urged Kenya to return to the talks", "led talks to reach a deal", "a law to allow
    the government to extradite": an infinitive tells an act asked for or aimed at, not one
    done, unless its verb says it was done ("managed to flee", "began to shell")."""
    if refused:
        return False
    # the act itself, or a clause it is the means of ("called for Russia to reciprocate
    # by agreeing to a ceasefire")
    for clause in [token, *_governors(token)[:3]]:
        if clause.dep_ in INFINITIVE_DEPS and _infinitive(clause):
            # "kept fighting to win": "keep" tells fighting was done, not the winning
            lemma = clause.head.lemma_.lower()
            return not (clause.dep_ == "xcomp" and lemma in IMPLICATIVE_LEMMAS)
    return False


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(token))


def _condition(token: Token) -> bool:
    """ "if it is attacked", "unless the talks resume": the clause is a condition of
    another act, not an act of its own."""
    return any(c.dep_ == "mark" and c.lower_ in syntax.CONDITION_MARKS for c in children_of(token))


def _as_intent(event: EventFinding) -> EventFinding:
    from .coder import intent_code  # the coder imports this module

    return dataclasses.replace(event, code=intent_code(event.code), mode="future")


def _as_refusal(event: EventFinding, *, any_act: bool) -> EventFinding:
    code = refusal_code(event.code) or ("120" if any_act else None)
    if code is None or code not in load_ontology():
        return event
    return dataclasses.replace(event, code=code, negated=False, mode="asserted")


def _claimed(token: Token) -> bool:
    """An act inside an accusation, a claim or a denial ("accused India of providing
    support", "denied that it had fired"): what one side says the other did, not a fact
    the narrator reports (`claims` links it to who claims and who denies it). So is what
    describes a party of the alleged act ("accused of aiding rebels *fighting* the
    president"): told only as part of the accusation."""
    if charged_by_reporter(token) or claim_verb(token) is not None:
        return True
    return token.dep_ == "acl" and claim_verb(token.head) is not None


def charged_by_reporter(token: Token) -> bool:
    """ "said Iran is defying the council": misconduct the reporting verb's subject says
    another actor is guilty of, a charge (`coder` codes the speaker's 111)."""
    return token.lemma_.lower() in CHARGED_LEMMAS and token.head.lemma_.lower() in REPORTING_LEMMAS


def _habitual(token: Token, event: EventFinding) -> bool:
    """A simple present told after the lead, with no date in its sentence: what an actor
    does as a rule or stands for ("The group accuses Pakistan of exploiting the province",
    "the law allows the government to seize assets"), not an act on a day. The lead may
    tell the news in the present; "says" only reports. So is a present passive with no
    doer ("many of whom are displaced"): a state, not an act."""
    if _ongoing(token) or _as_a_rule(token):
        return not find_date_expressions(event.evidence.text)
    if _present_state(token):
        return (
            event.evidence.start != 0
            and token.sent.start != 0
            and not _quoted(token)
            and (not find_date_expressions(event.evidence.text))
        )
    if token.tag_ not in {"VBZ", "VBP"} or token.lemma_ in {"say", "be", "have"}:
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in children_of(token)):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in {"i", "we", "you"} for c in children_of(token)):
        return False  # "we welcome ...": said now, in a quotation that began before
    # force told in a speaker's own present ("Israel attacks Muslims") is a charge
    if _quoted(token) and event.root in VICTIM_ROOTS:
        clause = token.doc[token.left_edge.i : token.right_edge.i + 1]
        return not find_date_expressions(clause.text)
    if event.evidence.start == 0 or token.sent.start == 0 or _quoted(token):
        return False  # the lead, or a speaker's own present ("We urge ...")
    if any(g.lemma_ in REPORTING_LEMMAS for g in _governors(token)[:2]):
        return False  # "said that Kenya condemns ...": a stance stated now
    return not find_date_expressions(event.evidence.text)


# Nouns of agreements and texts: a clause that describes one tells what it says or how it
# came about, not an act of the day ("the memorandum in which Turkey and Libya agreed").
TEXT_NOUNS = frozenset(
    {"memorandum", "memoranda", "agreement", "deal", "accord", "treaty", "pact", "law",
     "bill", "resolution", "ceasefire", "truce", "plan", "proposal", "constitution",
     "charter", "document", "report", "statement", "declaration", "communique"}
)  # fmt: skip


def _describes_a_text(token: Token) -> bool:
    """An act in a relative clause of an agreement or a text, with no date of its own."""
    clause = token
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.lemma_.lower() not in TEXT_NOUNS:
        return False
    # what it says ("in which", "under which") or what it is now ("that is supported by"),
    # not a later act on it ("that was rejected by Bolivia on Monday")
    content = any(
        c.dep_ == "prep" and any(g.lower_ == "which" for g in children_of(c))
        for c in children_of(clause)
    )
    present = any(t.tag_ in {"VBZ", "VBP"} for t in (clause, *children_of(clause)))
    words = view(token.doc).text[clause.left_edge.idx : clause.right_edge.idx + 1]
    return (content or present) and not find_date_expressions(words)


# Adverbs that make an act what an actor does as a rule, not an act on a day.
RULE_ADVERBS = frozenset(
    {"traditionally", "regularly", "usually", "routinely", "often", "frequently",
     "typically", "generally", "habitually", "repeatedly", "constantly", "customarily"}
)  # fmt: skip


def _ongoing(token: Token) -> bool:
    """ "has been fighting an insurgency for years", "people who are fighting for their
    freedom", "with the US urging firms to leave": a state of affairs, not an act on a
    day."""
    auxiliaries = {c.lower_ for c in children_of(token) if c.dep_ == "aux"}
    if token.tag_ != "VBG":
        return False
    if token.dep_ == "relcl" and auxiliaries & {"is", "are"}:
        return True  # "Ukrainians who are fighting for their freedom": what they do
    marks = [c for c in children_of(token) if c.dep_ == "mark"]
    if (
        token.dep_ == "pcomp"
        and token.head.lower_ == "with"
        or any(m.lower_ == "with" for m in marks)
    ):
        return True  # "With the US encouraging firms to leave, ...": the setting
    been = next((c for c in children_of(token) if c.dep_ == "aux" and c.lower_ == "been"), None)
    if been is None:
        return False
    # (the parser may hang "has" elsewhere: "The US has been encouraging allies ...")
    before = token.doc[been.i - 1].lower_ if been.i > 0 else ""
    return bool(auxiliaries & {"has", "have"}) or before in {"has", "have", "'s", "'ve"}


def _as_a_rule(token: Token) -> bool:
    """ "where rebels traditionally pass", "police routinely detain": a habit."""
    return any(c.dep_ == "advmod" and c.lower_ in RULE_ADVERBS for c in children_of(token))


def _present_state(token: Token) -> bool:
    """ "are displaced", "is banned": a present passive with no "by" phrase."""
    auxiliaries = [c for c in children_of(token) if c.dep_ in {"aux", "auxpass"}]
    return (
        token.tag_ == "VBN"
        and len(auxiliaries) == 1
        and auxiliaries[0].dep_ == "auxpass"
        and auxiliaries[0].lower_ in {"is", "are", "am"}
        and not any(c.dep_ == "agent" for c in children_of(token))
    )


EARLIER_PHASES = frozenset({"initially", "originally", "formerly", "previously", "once"})


def _earlier(token: Token, event: EventFinding) -> bool:
    """A past perfect after the lead with no date in its sentence ("Pelosi had previously
    opposed impeachment"), or a past told as an earlier phase ("Riyadh initially denied
    the reports"): what happened before the news, on no day the text gives."""
    perfect = token.tag_ == "VBN" and any(c.lower_ == "had" for c in children_of(token))
    simple_past = token.tag_ == "VBD" or (
        token.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ in {"was", "were"} for c in children_of(token))
    )  # "initially denied", "Previously, the hijab was banned"
    phase = simple_past and any(
        c.dep_ == "advmod" and c.lower_ in EARLIER_PHASES for c in children_of(token)
    )
    if not (perfect or phase):
        return False
    if event.evidence.start == 0 or token.sent.start == 0 or _quoted(token):
        return False
    return not find_date_expressions(event.evidence.text)


def _quoted(token: Token) -> bool:
    """Inside quotation marks in its sentence: the speaker's present, said now."""
    before = view(token.doc).text[token.sent.start_char : token.idx]
    opened = before.count("“") - before.count("”")
    return opened > 0 or before.count('"') % 2 == 1


# Nouns of armed fighting: who is killed "in the battle" or "in clashes" died fighting.
BATTLE_NOUNS = frozenset(
    {"battle", "clash", "fighting", "firefight", "gunfight", "gunbattle", "skirmish",
     "offensive", "combat", "shootout", "crossfire", "airstrike", "bombardment", "shelling",
     "airraid"}
)  # fmt: skip
# What makes a "strike" one of arms, not of workers: "an air strike", "a drone strike".
ARMED_STRIKES = frozenset({"air", "drone", "missile", "precision", "military", "artillery"})


def _battle_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma == "strike":
        return any(
            c.lower_ in ARMED_STRIKES for c in children_of(noun) if c.dep_ in {"compound", "amod"}
        )
    return lemma in BATTLE_NOUNS


def _in_battle(event: EventFinding, token: Token) -> bool:
    """ "Five soldiers were killed in the attack and the ensuing battle with militants",
    "was killed in a precision airstrike": killing in armed fighting or from the air is
    conventional force (19), not an assault (18)."""
    if event.code not in ASSAULTS:
        return False
    places = [g for c in children_of(token) if c.dep_ == "prep" and c.lower_ in {"in", "during"}
              for g in children_of(c) if g.dep_ == "pobj"]  # fmt: skip
    places += [c for p in places for c in children_of(p) if c.dep_ == "conj"]
    return any(_battle_noun(p) for p in places)


def _state_force(event: EventFinding) -> bool:
    """Armed forces that shoot or kill, and police or security forces that do so to armed
    men or to no one named ("the attacker was shot dead by police"), use conventional
    force (19), not the assault (18) of gunmen on civilians."""
    if event.code not in ASSAULTS:
        return False
    if event.source.sector == "MIL":
        return True
    armed = event.target is None or event.target.sector in ARMED_SECTORS
    return event.source.sector in {"COP", "SPY"} and armed


MILITARY_COOPERATION = "062"


def _armed_backing(event: EventFinding) -> bool:
    """ "soldiers backed by African Union troops": armed men supporting armed men in the
    field cooperate militarily (062), they do not voice support (051)."""
    return (
        event.code == "051"
        and event.source.sector in ARMED_SECTORS
        and event.target is not None
        and event.target.sector in ARMED_SECTORS
    )


def _as_told(event: EventFinding, token: Token, *, refused: bool) -> EventFinding:
    """An asserted act as its clause tells it: claimed, habitual, background, announced
    (an intent) or only asked for or aimed at (hypothetical); else as it is."""
    if _claimed(token):
        return dataclasses.replace(event, mode="claimed")
    if _habitual(token, event):
        return dataclasses.replace(event, mode="habitual")
    if _earlier(token, event) or _describes_a_text(token):
        return dataclasses.replace(event, mode="background")
    if _intended(token) or _scheduled(token):
        return _as_intent(event)
    if _aimed_at(token, refused):
        return dataclasses.replace(event, mode="hypothetical")
    return event


def settle(doc: Doc, events: Sequence[EventFinding]) -> list[EventFinding]:
    """`events` with refusals recoded and the confidence of embedded acts lowered."""
    tokens = [syntax.token_at(doc, e.trigger.start, e.trigger.end) for e in events]
    triggers = {t.i for t, e in zip(tokens, events, strict=True) if t is not None
                and e.code[:2] != "01"}  # fmt: skip
    sentences_with_acts = {e.evidence.start for e in events if e.code[:2] != "01"}
    acts_per_sentence = Counter(e.evidence.start for e in events if e.code[:2] != "01")
    settled = []
    for event, token in zip(events, tokens, strict=True):
        refused = token is not None and _refused(token)
        if token is not None and (refused or _will_not(token)):
            event = _as_refusal(event, any_act=refused)
        elif _state_force(event) or (token is not None and _in_battle(event, token)):
            event = dataclasses.replace(event, code=CONVENTIONAL_FORCE)
        elif _armed_backing(event):
            event = dataclasses.replace(event, code=MILITARY_COOPERATION)
        if token is not None and event.mode == "asserted":
            event = _as_told(event, token, refused=refused)
        confidence = event.confidence
        # "refused to allow X": the refusing verb and the act refused are one rejection
        governors = _governors(token)[1:] if refused and token is not None else None
        if token is not None and governors is None:
            governors = _governors(token)
        if governors and any(g.i in triggers for g in governors):
            confidence -= EMBEDDED_PENALTY
        if token is not None and _condition(token):
            confidence -= UNASSERTED_PENALTY
        if token is not None and token.dep_ in BACKGROUND_DEPS:
            confidence -= BACKGROUND_PENALTY
        if token is not None and _purpose(token) and acts_per_sentence[event.evidence.start] > 1:
            confidence -= PURPOSE_PENALTY
        if event.mode == "hypothetical":
            confidence -= UNASSERTED_PENALTY
        if event.code[:2] == "01" and event.evidence.start in sentences_with_acts:
            confidence -= STATEMENT_PENALTY
        settled.append(dataclasses.replace(event, confidence=round(max(confidence, 0.05), 2)))
    return settled
