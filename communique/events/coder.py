"""The event coder: source, action and target from each sentence's dependency parse.

For every verb whose lemma has patterns in `data/cameo/verbs.tsv`, the most specific
pattern whose particle and object are present gives the CAMEO code. The source is
the subject (the "by" agent in the passive), the target the object or a
preposition's object the pattern names; both are mapped to actors through
`MentionIndex`. Coordinated actors give one event each. A speaker's demand inside
a quote ("the parliament must be dissolved") is coded 100 from speaker to the
actor told what to do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from ..actors.items import ActorRef
from ..actors.lookup import MEDIA_SECTOR, MentionIndex
from ..docview import children_of, view
from ..entities.items import Link
from ..model import EventMode, Span
from ..quotes.items import QuoteFinding
from . import syntax, voice
from .announced import announced_acts
from .authors import act_authors, forum_owner, maker_verb_lemmas, said_of
from .demands import APPEAL_ROOT, DEMAND_ROOT, find_demand, reported_speaker
from .denials import allegation_object
from .items import ANNOUNCED_ROOTS, SPOKEN_ROOTS, EventFinding
from .labels import judgement, names_with_label
from .ontology import SURFACE, VerbPattern, load_patterns, verb_lemma
from .settle import TEXT_NOUNS, charged_by_reporter, settle
from .speech import FIRST_PERSON, NON_POLITICAL_SECTORS, commentators, political
from .stances import stance_events
from .visits import visit_events

# An action announced for the future is, in CAMEO, an intent (03) or a threat (13).
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
THREAT_CODES = {"14": "133", "15": "138", "16": "1313", "17": "137", "18": "138", "19": "138",
                "20": "138", "163": "1312"}  # fmt: skip
# An announced act made to depend on the target's behaviour ("unless ...") threatens.
ULTIMATUM_CODES = {root: "130" for root in ("03", "04", "05", "06", "07", "08")}
# "X contributed to this report": the byline's credit, not aid.
REPORT_NOUNS = frozenset({"report", "story", "article", "reporting", "coverage", "dispatch"})
# The verbs that announce an intent or a threat (`ANNOUNCED_ROOTS`).
ANNOUNCING_LEMMAS = frozenset(
    {"say", "announce", "tell", "state", "declare", "add", "pledge", "vow", "promise",
     "warn", "insist", "confirm", "reiterate", "threaten"}
)  # fmt: skip
# Comments (CAMEO 010-014: statements, declined comment, concern, hope, weighing an
# option): the guidelines read a plain statement as a quote, not an event. Their patterns
# stay in the lexicon so that "issued a statement" is read as nothing, not as another act.
COMMENT_CODES = frozenset({"010", "011", "012", "013", "014"})
# Verbs whose subject gives themselves up: the custodian (police, a court) arrests them.
CUSTODY_ROOT = "17"
GIVEN_UP = frozenset({"surrender"})
# Acts that coordinated subjects do to each other: agree, consult, cooperate, fight.
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06", "12", "19", "20"})
# Uses of force whose target CAMEO takes from where they hit ("bombed targets in Lebanon").
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
PLACE_PREPS = ("in", "into", "inside", "across", "on")
# Protests are aimed at where they gather: "outside the parliament", "in front of the embassy".
PROTEST_ROOT = "14"
PROTEST_PREPS = ("outside", "at", "before", "in", "across")
# Verbs of force also used of words: "attacked the ruling".
VERBAL_ATTACKS = frozenset({"attack", "assault"})
CRITICISM = "111"
REJECT_ROOT = "12"
THREAT_ROOT = "13"
# What a warned actor will be made to bear: "would face consequences", "will pay a price".
CONSEQUENCES = frozenset({"face", "pay", "suffer", "bear", "regret", "feel"})
# Acts done only with or to an actor named: consultations (meeting, talks, calls) and
# recognition; and verbs that are such an act only with someone.
TALK_LEMMAS = frozenset({"speak", "sit", "talk", "discuss"})
# Verbs whose object is a topic: only the "with" phrase names whom they were had with.
TOPIC_VERBS = frozenset({"discuss", "debate"})
# Gatherings whose owner ("a Security Council meeting") is whom a participant meets.
FORUM_NOUNS = frozenset(
    {"meeting", "session", "summit", "conference", "assembly", "forum", "hearing", "debate"}
)
ACTOR_ONLY_ROOTS = frozenset({"04"})
# Reactions whose words, when their object names no one, say whom they are aimed at.
SPOKEN_AT_ROOTS = frozenset({"11", "12"})
ACTOR_ONLY_CODES = frozenset({"054"})
# Shows of force whose object is what is shown ("deployed troops", "mobilised reservists").
MEANS_ROOTS = frozenset({"15"})
# Appeals and demands: their object is whom they are addressed to.
ADDRESSED_ROOTS = frozenset({"02", "10"})
# The parts of speech an event or a demand is read from (an adjective may be a mistagged
# verb, `syntax.tagged_adjective_verb`).
CODED_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
# Last-resort target slots on the verb: "welcomed the memos from X", "clashed with X".
VERB_PREPS = ("with", "against", "from", "to", "toward", "towards", "at", "over")


def find_events(
    doc: Doc,
    index: MentionIndex,
    quotes: Sequence[QuoteFinding] = (),
    *,
    patterns: Mapping[str, Sequence[VerbPattern]] | None = None,
    links: Sequence[Link | None] = (),
) -> list[EventFinding]:
    """All events in `doc`, in text order; `patterns` replaces the shipped verb patterns
    (see `communique.events.petrarch` for loading a PETRARCH verb dictionary). `links` are
    the quotes' speakers as the entity stage linked them ("the military" said it: the
    Pakistani military named before), for speakers the index alone does not name."""
    patterns = load_patterns() if patterns is None else patterns
    speakers = quote_speakers(index, quotes, links)
    cues = {quote.cue.start for quote in quotes if quote.cue is not None}
    events: list[EventFinding] = []
    shared = view(doc)  # sentences and tokens shared with the other stages
    tokens = shared.tokens
    for sent in shared.sentences:
        evidence = Span(sent.text, sent.start_char, sent.end_char)
        for token in tokens[sent.start : sent.end]:
            pos = token.pos_  # a string-store lookup on every access: read it once
            if pos not in CODED_POS:
                continue  # most words: no pattern or demand below applies to them
            lemma = verb_lemma(token.text, token.lemma_)
            candidates = patterns.get(lemma)
            if pos == "ADJ" and candidates and syntax.tagged_adjective_verb(token):
                pos = "VERB"  # "[We] urge Pakistan to ...": the brackets fool the tagger
            if token.lower_ != lemma and SURFACE + token.lower_ in patterns:
                # a loaded dictionary's entry for this very form ("LEFT" apart from "LEAVE")
                candidates = (*patterns[SURFACE + token.lower_], *(candidates or ()))
            if not candidates and pos not in {"VERB", "AUX"}:
                continue  # neither an event pattern nor a possible demand
            if _credits_a_report(token):
                continue
            quote = _quote_holding(quotes, token.idx)
            speaker = speakers[quote] if quote is not None else None
            coded: list[EventFinding] = []
            if candidates and pos in {"VERB", "AUX", "NOUN"}:
                # "called the deal "lousy"": a judgement or nothing, never a telephone call
                if names_with_label(token):
                    pattern = judgement(token)
                else:
                    pattern = _best_pattern(token, candidates)
                if pattern is not None:
                    coded = _code(token, pattern, index, evidence, quote=quote, speaker=speaker)
                    # A cue that only introduces a quote ("Aliyev warned.") is no event.
                    if token.idx in cues and not _complemented(token):
                        coded = [e for e in coded if e.target is not None]
                    events += [e for e in coded if e.code not in COMMENT_CODES]
            if pos in {"VERB", "AUX"}:
                events += stance_events(token, index, evidence, quote=quote, speaker=speaker)
                events += visit_events(token, index, evidence, quote=quote, speaker=speaker)
                events += voice.came_under(token, index, evidence, quote=quote)
                events += announced_acts(
                    token, index, evidence, patterns, quote=quote, speaker=speaker
                )
                speaker = speaker or reported_speaker(token, index)
                act = coded[0].code if coded else None
                if speaker is not None:
                    events += find_demand(
                        token, index, evidence, quote=quote, speaker=speaker, act=act
                    )
    settled = settle(doc, events)
    settled += _charges(doc, settled, index)
    return [
        e
        for e in _dedupe(_paired(settled))
        if not _unknown_person(e.source) and not _interview(e) and not _commentary(e)
    ]


def _commentary(event: EventFinding) -> bool:
    """ "Researchers warn that ...", "experts stressed that Africans should ...": what
    analysts say is a quote, not an event; what they do (a strike, a march) still is, and
    so do protesters' demands."""
    return commentators(event.source) and event.root in SPOKEN_ROOTS


def _interview(event: EventFinding) -> bool:
    """ "Speaking to a PBS reporter, he said": talking to the press is no consultation."""
    return event.root in ACTOR_ONLY_ROOTS and any(
        ref is not None and ref.sector == MEDIA_SECTOR for ref in (event.source, event.target)
    )


def _charges(doc: Doc, events: Sequence[EventFinding], index: MentionIndex) -> list[EventFinding]:
    """ "The United States said Iran is defying the council": the reporter charges the
    doer with misconduct (111), whatever the quotation marks around a word of it."""
    found: list[EventFinding] = []
    for event in events:
        if event.mode != "claimed":
            continue
        verb = syntax.token_at(doc, event.trigger.start, event.trigger.end)
        if verb is None or not charged_by_reporter(verb):
            continue
        reporter = syntax.subject_of(verb.head)
        for source in index.refs_for(reporter) if reporter is not None else []:
            if source != event.source and political(source):
                found.append(
                    dataclasses.replace(
                        event, code=CRITICISM, source=source, target=event.source, mode="asserted"
                    )
                )
    return found


def _unknown_person(ref: ActorRef) -> bool:
    """A person the article gives neither a country nor a role ("Jerry Garcia", a
    musician's friend): no political actor an event can be told of."""
    return ref.kind == "person" and ref.country is None and ref.sector is None


# Cues whose "that" clause is an act of theirs, not only a report: "agreed that ...".
AGREEING = frozenset({"agree", "decide", "resolve", "pledge", "promise", "vow"})


def _credits_a_report(verb: Token) -> bool:
    """ "Ann Lee contributed to this report": the byline's credit line."""
    return verb.lemma_ == "contribute" and any(
        g.lemma_.lower() in REPORT_NOUNS
        for c in children_of(verb)
        if c.dep_ == "prep"
        for g in children_of(c)
    )


def _complemented(verb: Token) -> bool:
    """Whether a verb has an object or an infinitive complement ("promised to reform"),
    so that it reports an act and does not only introduce a quote."""
    return bool(syntax.direct_objects(verb)) or any(
        c.dep_ == "xcomp" or (c.dep_ == "ccomp" and (verb.lemma_ in AGREEING or _free_relative(c)))
        for c in children_of(verb)
    )


def _free_relative(clause: Token) -> bool:
    """ "[what they called a rushed process]": a clause that is a thing, not a report."""
    return any(c.dep_ == "dobj" and c.tag_ in {"WP", "WDT"} for c in children_of(clause))


def _best_pattern(verb: Token, candidates: Sequence[VerbPattern]) -> VerbPattern | None:
    """The most specific pattern whose particle and object requirements hold."""
    best: VerbPattern | None = None
    best_score = -1
    objects = {o.lemma_.lower() for o in _object_slots(verb)}
    for pattern in candidates:
        if pattern.particle and not _has_particle(verb, pattern.particle):
            continue
        if pattern.objects and not (pattern.objects & objects):
            continue
        score = bool(pattern.particle) + 2 * bool(pattern.objects)
        if score > best_score:
            best, best_score = pattern, score
    if best is not None and not best.objects and verb.pos_ == "NOUN":
        return None  # a bare noun never codes an event on its own
    if best is not None and best.specificity == 0 and _names_something(verb):
        return None  # "what they called a rushed process": naming, not telephoning
    if best is not None and best.specificity == 0 and _calls_no_one(verb):
        return None  # "addressed reporters, calling ...": no one was telephoned
    if best is not None and _carries(verb, best):
        return None  # "the helicopter flew the president to hospital": no visit
    return best


NAMING_VERBS = frozenset({"call", "name", "dub", "label", "term", "brand"})


def _names_something(verb: Token) -> bool:
    """ "called the plan a mistake", "dubbed it a farce": a verb of naming with its name."""
    return verb.lemma_.lower() in NAMING_VERBS and any(c.dep_ == "oprd" for c in children_of(verb))


# Verbs of going that, with a direct object, carry someone instead ("flew him to Paris").
CARRYING_LEMMAS = frozenset({"fly", "travel"})


def _carries(verb: Token, pattern: VerbPattern) -> bool:
    """A verb of going with an object of its own: a carrier, not a traveller."""
    return (
        verb.lemma_.lower() in CARRYING_LEMMAS
        and not pattern.objects
        and any(c.dep_ == "dobj" for c in children_of(verb))
    )


def _calls_no_one(verb: Token) -> bool:
    """ "call" with no one called: not a telephone call."""
    return verb.lemma_.lower() == "call" and not any(
        c.dep_ in {"dobj", "dative"} for c in children_of(verb)
    )


def _has_particle(verb: Token, particle: str) -> bool:
    """ "push back", "call on"; "accused Iran of spying" may hang "of" off the object;
    "called for the killers to be tried" makes "for" the mark of the clause."""
    if syntax.has_particle(verb, particle):
        return True
    if particle in CLAUSE_MARKS and any(
        _for_clause(c) and any(g.lower_ == particle for g in children_of(c))
        for c in children_of(verb)
    ):
        return True
    if verb.lemma_.lower() in NAMING_VERBS:
        return False  # "called the race for Biden", "called it a victory for Sudan"
    return particle in OBJECT_PARTICLES and any(
        child.lower_ == particle and child.dep_ == "prep"
        for obj in syntax.direct_objects(verb)
        for child in children_of(obj)
    )


# Prepositions the parser may make the mark of a clause: "called for X to be freed".
CLAUSE_MARKS = frozenset({"for"})
# Prepositions the parser may attach to the object instead of the verb ("accused Iran of").
OBJECT_PARTICLES = frozenset({"of", "for"})
OBJECT_SLOTS = frozenset({"dobj", "attr", "oprd", "acomp", "xcomp", "ccomp", "nsubjpass"})


def _object_slots(verb: Token) -> list[Token]:
    """Words that may fill a pattern's `object`: complements, the noun after a
    preposition ("call for calm"), and modifiers of the direct object ("held Iran
    responsible", "hunger strike")."""
    found = [child for child in children_of(verb) if child.dep_ in OBJECT_SLOTS]
    if verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in children_of(verb)):
        found.append(verb.head)  # "the agreement they reached"
    for child in list(children_of(verb)):
        if child.dep_ in {"prep", "prt"}:
            found += [g for g in children_of(child) if g.dep_ == "pobj"]
        if child.dep_ == "advmod":  # "ordered X back to prison"
            found += _sent_to(child)
        if child.dep_ == "dobj":
            # "hunger strike", "held Iran responsible", "dollars of aid", "photographs and
            # intelligence"
            found += [
                g
                for g in children_of(child)
                if g.dep_ in {"amod", "compound", "oprd", "acomp", "conj"}
            ]
            found += [g for p in children_of(child) if p.lower_ == "of" for g in children_of(p)
                      if g.dep_ == "pobj"]  # fmt: skip
            # "ordered the editor back to prison": the place the object is sent to
            found += [g for a in children_of(child) if a.dep_ == "advmod" for g in _sent_to(a)]
    return found


def _sent_to(adverb: Token) -> list[Token]:
    """The objects of an adverb's prepositions: "back *to prison*"."""
    preps = [p for p in children_of(adverb) if p.dep_ == "prep"]
    return [g for p in preps for g in children_of(p) if g.dep_ == "pobj"]


def _code(
    verb: Token,
    pattern: VerbPattern,
    index: MentionIndex,
    evidence: Span,
    *,
    quote: int | None,
    speaker: ActorRef | None,
) -> list[EventFinding]:
    if _said_against(verb, pattern):  # "attacked the investigation as a witch hunt"
        pattern = dataclasses.replace(pattern, code=CRITICISM)
    if pattern.code in PEOPLE_CODES and _of_a_thing(verb, index):
        return []  # "the index released last week", "a statement released after the attack"
    if pattern.root == REJECTION_ROOT and _dismisses_a_notion(verb):
        return []  # "rebuffed fears that ...", "rejected questions that ...": no one's act
    stative = voice.is_stative_passive(verb)  # "is opposed to": the subject's stance
    passive = syntax.is_passive(verb) and pattern.passive and not stative
    source_token, recipient = _doer(verb, pattern, passive=passive, stative=stative)
    sources = _sources(source_token, index, speaker=speaker)
    unnamed = not sources and (
        voice.left_unnamed(pattern.code, verb) or voice.is_anonymous(source_token)
    )
    if unnamed and voice.unattributed(verb, source_token, passive=syntax.is_passive(verb)):
        means = source_token if source_token is not None and voice.is_means(source_token) else None
        if speaker is not None and speaker.sector == "MIL" and voice.by_air(verb):
            sources = [speaker]  # an army telling of an air strike tells of its own
        else:
            sources = voice.unidentified_source(verb, index, means)
    if not sources:
        return []
    if _released_a_thing(verb, pattern, index):
        return []  # "no cause had been released", "released figures": no one let go
    if _warned_of_others(verb, pattern, index, sources):  # "warned that X would divide ..."
        pattern = dataclasses.replace(pattern, code=CRITICISM)
    # "X, along with Y, called ...": Y acts side by side with X, not on X
    coordinated = list(sources)
    for companion in syntax.companions(verb, source_token):
        sources += [r for r in index.refs_for(companion) if r not in sources]
    candidates = _target_tokens(verb, pattern, passive=passive)
    candidates = [*recipient, *candidates]
    targets: list[ActorRef | None] = []
    # The pattern's own slot, when it is an addressee ("asked the government to ..."), may
    # name its actor by a common noun before a name elsewhere in the clause is tried.
    addressed = [(c, True) for c in candidates[:1] if pattern.root in ADDRESSED_ROOTS]
    for generic in (False, True):
        tries = (
            [*addressed, *((c, False) for c in candidates)]
            if not generic
            else [(c, True) for c in candidates]
        )
        for candidate, as_generic in tries:
            if generic and pattern.root in MEANS_ROOTS and candidate.dep_ == "dobj":
                continue  # "deployed troops": the troops are the means, not the target
            refs = index.refs_for(candidate, speaker=speaker, generic=as_generic)
            if _reflexive(candidate) and _named_in(source_token, index) & set(refs):
                continue  # "A and the government of B warned their citizens": not B
            if _of_other_countries(candidate):  # "her counterpart", "between the two leaders"
                refs = [t for t in refs if all(t.country != s.country for s in sources)]
            targets = [t for t in refs if t not in sources]
            if targets:
                break
        if targets:
            break
    if not targets:  # "Tehran rejected its offer": "its" is someone else's
        owners = [t for c in candidates[:2] for t in _other_owner(c, index, sources)]
        targets = [*owners[:1]]
    if not targets and pattern.code[:2] in FORCE_ROOTS:
        targets = [t for t in _place_targets(verb, index) if t not in sources]
    if not targets and pattern.root == PROTEST_ROOT:  # "rallied outside the parliament"
        targets = [t for t in _place_targets(verb, index, PROTEST_PREPS) if t not in sources]
        targets = targets or [*voice.country_where(verb, index, PROTEST_PREPS)]  # "in Khartoum"
    if not targets:  # "supported the call": whoever made the call
        attackers = pattern.root == CRITICISM[:2]  # "condemned the attack": its makers
        targets = [t for t in act_authors(candidates, index, attackers=attackers)
                   if t not in sources]  # fmt: skip
    if not targets and pattern.root in SPOKEN_AT_ROOTS:  # "criticized it, saying X ..."
        targets = [*said_of(verb, index, sources)]
    if not targets and pattern.root in ACTOR_ONLY_ROOTS:  # "participated in the meeting"
        forums = [c for c in candidates if _a_forum(c)]
        targets = [t for f in forums[:1] for t in forum_owner(f, index) if t not in sources]
    if pattern.root in ACTOR_ONLY_ROOTS:  # "speaking to reporters": an audience, no counterpart
        targets = [t for t in targets if t is None or t.sector != MEDIA_SECTOR]
    # "Japan and the Philippines signed a pact": coordinated actors act on each other,
    # when the act takes two sides ("Neither X nor Y boycotted" is not mutual).
    mutual = source_token is not None and _mutual(pattern, source_token)
    implied = not targets and not (mutual and len(coordinated) > 1)
    if implied:  # "the girls were kidnapped", "offered condolences"
        targets = [*_unnamed_victims(verb, pattern, index, sources[0])]
    if implied and not targets and _needs_a_counterpart(verb, pattern):
        return []
    if implied and not targets and _backs_a_cause(verb, pattern):
        return []  # "supporting peace and stability": a cause, no one supported
    if not targets:
        targets = [None]
    mode = syntax.mode_of(verb)
    code = intent_code(pattern.code) if mode in {"future", "conditional"} else pattern.code
    if mode == "conditional" and syntax.has_condition(verb, marks={"unless"}):
        code = ULTIMATUM_CODES.get(code[:2], code)  # "will withdraw unless ...": a threat
    trigger = Span(verb.text, verb.idx, verb.idx + len(verb.text))
    found = []
    for source in sources:
        # a compound subject's members act on each other; who acts "along with" them does not
        others = [s for s in coordinated if s != source] if mutual and source in coordinated else []
        for target in others if targets == [None] and others else targets:
            if target == source:
                continue
            found.append(
                EventFinding(
                    code=code,
                    source=source,
                    target=target,
                    trigger=trigger,
                    evidence=evidence,
                    mode=_told_by_a_witness(
                        _pledged(verb, code, mode, source, index, speaker=speaker), speaker
                    ),
                    negated=syntax.is_negated(verb),
                    quote=quote,
                    confidence=_confidence(source_token, None if implied else target, pattern),
                )
            )
    if pattern.reverse is not None:
        found += [_reversed(e, pattern.reverse) for e in found if e.target is not None]
    if pattern.root == CUSTODY_ROOT and verb.lemma_ in GIVEN_UP:  # "surrendered to police"
        found = [_swapped(e) for e in found if e.target is not None]
    return found


def _swapped(event: EventFinding) -> EventFinding:
    """The act with its ends exchanged: who surrenders to police is taken into custody."""
    assert event.target is not None
    return dataclasses.replace(event, source=event.target, target=event.source)


def _told_by_a_witness(mode: EventMode, speaker: ActorRef | None) -> EventMode:
    """An act told only inside the quote of a speaker who is no political actor (a
    passenger, a resident, a defendant): their account, not a fact the narrator reports."""
    if mode == "asserted" and speaker is not None and not political(speaker):
        return "claimed"
    return mode


def _pledged(
    verb: Token,
    code: str,
    mode: EventMode,
    source: ActorRef,
    index: MentionIndex,
    *,
    speaker: ActorRef | None,
) -> EventMode:
    """An act announced by its own doer is a pledge (03) or a threat (13) made on the day
    it is said: "Washington said it would resume cooperation", "“We will retaliate,” the
    general said". A plan the narrator tells, or one side's forecast of another's act, is
    no such event and keeps its mode."""
    if mode not in {"future", "conditional"} or code[:2] not in ANNOUNCED_ROOTS:
        return mode
    threat = code[:2] == THREAT_ROOT  # an official's threat is the country's; a plan is not
    if speaker is not None:  # inside a quote
        return "asserted" if _speaks_for(speaker, source, threat=threat) else mode
    clause = verb
    while clause.dep_ in {"conj", "xcomp"} and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ANNOUNCING_LEMMAS:
        return mode
    sayer = syntax.subject_of(clause.head)
    sayers = index.refs_for(sayer) if sayer is not None else []
    return "asserted" if any(_speaks_for(s, source, threat=threat) for s in sayers) else mode


THREAT_ROOT = "13"


def _speaks_for(sayer: ActorRef, source: ActorRef, *, threat: bool) -> bool:
    """Whether what `sayer` announces of `source` is `source`'s own word: the same actor,
    or, for a threat, an official of a country saying what the country will do to another
    ("Iran's prosecutor said Iran will pursue the prosecution of X"); a plan an official
    tells ("China will convene a meeting") stays a plan."""
    if sayer == source:
        return True
    if not threat:
        return False
    official = sayer.sector is not None and sayer.sector not in NON_POLITICAL_SECTORS
    return source.kind == "country" and sayer.country == source.country and official


def _doer(
    verb: Token, pattern: VerbPattern, *, passive: bool, stative: bool
) -> tuple[Token | None, list[Token]]:
    """The token naming who acts, and tokens to try first as the target: the "by"
    agent of a passive, the subject of a stative passive ("Israel is opposed to"), the
    giver of a received aid ("received money from Y": Y gives to the subject)."""
    if stative:
        return voice.stative_subject(verb), syntax.prep_objects(verb, "to")
    victim = syntax.passive_subject(verb) if syntax.is_passive(verb) else None
    if victim is not None and not passive:  # a passive the pattern does not code by agent
        return None, [victim]
    subject = syntax.agent_of(verb) if passive else syntax.subject_of(verb)
    giver = voice.receiving_source(verb) if pattern.root == "07" else None
    if giver is not None:
        return giver, [subject] if subject is not None else []
    return subject, []


def _named_in(phrase: Token | None, index: MentionIndex) -> set[ActorRef]:
    """Every actor named inside a phrase ("Ithilen and the government of Gondor")."""
    if phrase is None:
        return set()
    mentions = (index.at(token) for token in phrase.subtree)
    return {m.ref for m in mentions if m is not None}


OWNER_PRONOUNS = frozenset({"its", "their"})


def _other_owner(noun: Token, index: MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """Whose "its offer" is when it is not the doer's own: the nearest actor named before
    that is no person and not the doer ("the US warned Iran ..., as Tehran rejected its
    offer"); an act is not aimed at its own author."""
    owner = next((c for c in children_of(noun) if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in OWNER_PRONOUNS or maker_verb_lemmas(noun) is None:
        return []  # (only an act's noun: "its offer", "their request"; not "its family")
    for mention in index.before(owner.idx):
        ref = mention.ref
        other = ref not in sources and all(ref.country != s.country for s in sources)
        if ref.kind in {"country", "organisation"} and other:
            return [ref]
    return []


def _reflexive(noun: Token) -> bool:
    """ "their populations", "its citizens": a noun owned through a possessive pronoun."""
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in children_of(noun))


def _sources(
    token: Token | None, index: MentionIndex, *, speaker: ActorRef | None
) -> list[ActorRef]:
    if token is None:
        return []
    sources = index.refs_for(token, speaker=speaker)
    for other in syntax.other_subjects(token):  # "Old foes Gondor and Osgiliath"
        sources = sources or index.refs_for(other, speaker=speaker)
    if sources:
        for listed in syntax.listed_with(token):
            sources += [r for r in index.refs_for(listed) if r not in sources]
    return sources or index.refs_for(token, speaker=speaker, generic=True)


def _target_tokens(verb: Token, pattern: VerbPattern, *, passive: bool) -> list[Token]:
    """Where the target may be, most likely first: the pattern's slots, the direct
    object, the actors inside a nominal object ("welcomed the resumption of ties with
    X", "condemned an attack by X"), the subject of a complement clause."""
    objects = syntax.direct_objects(verb)  # (both lists are read several times below)
    slots = _object_slots(verb)
    # "expelled the Libyan ambassador to Greece": an envoy is of the country that sent them
    found = [o for o in objects if o.lemma_.lower() in ENVOY_NOUNS]
    particles = [c for c in children_of(verb) if pattern.particle and c.lower_ == pattern.particle]
    holders = [verb, *objects, *slots, *particles]
    # "threatened to impose restrictions against X": X hangs off the complement's object.
    holders += [
        o
        for h in holders
        if h.pos_ in {"VERB", "AUX"} and h is not verb
        for o in syntax.direct_objects(h)
    ]
    for spec in pattern.targets:
        if spec == "dobj":
            if passive:
                subject = syntax.passive_subject(verb)
                found += [subject] if subject is not None else []
                continue
            found += [o for o in objects if o.lemma_.lower() not in pattern.objects]
        elif spec == "dative":
            found += [c for c in children_of(verb) if c.dep_ == "dative" and c.pos_ != "ADP"]
        elif spec == "poss":
            found += [g for o in objects for g in children_of(o) if g.dep_ == "poss"]
        else:
            found += [o for holder in holders for o in syntax.prep_objects(holder, spec)]
    if verb.lemma_.lower() in TOPIC_VERBS:
        return found  # "discussed China's role with Japan": China is the topic, Japan met
    if not pattern.objects and not passive:
        found += objects
    for obj in [*objects, *slots]:
        # "spoke at a Security Council meeting on Afghanistan": the forum before its topic
        found += [obj] if _a_forum(obj) else []
        found += syntax.nominal_objects(obj)
    # "refused to attend a hearing at the court": the complement's object and its phrase
    for complement in slots:
        if complement.pos_ in {"VERB", "AUX"} and complement is not verb:
            for obj in syntax.direct_objects(complement):
                found += [obj, *syntax.nominal_objects(obj)]
            # "refused to grant the network a licence": the one it was to be given to
            found += [c for c in children_of(complement) if c.dep_ == "dative" and c.pos_ != "ADP"]
    found += [o for prep in VERB_PREPS for o in syntax.prep_objects(verb, prep)]
    subject = _complement_subject(verb)
    found += [subject] if subject is not None else []
    if pattern.root == THREAT_ROOT:  # "warned that it would exert pressure on Iran"
        found += _threatened_in_clause(verb)
    # Last: an object that is the pattern's own word may still name the target ("forced
    # the refugee agency out", pattern object "agency").
    return found + [o for o in objects if o.lemma_.lower() in pattern.objects]


# Codes whose object can only be people: a release of a report is no release of captives.
PEOPLE_CODES = frozenset({"0841"})


# What is released that is no one: texts, pictures, figures.
RELEASED_THINGS = frozenset(
    {"report", "statement", "index", "document", "video", "footage", "image", "photo",
     "photograph", "picture", "data", "figure", "result", "list", "book", "album", "film",
     "plan", "budget", "detail", "information", "recording", "audio", "transcript",
     "finding", "study", "survey", "poll", "guideline", "rule", "record", "letter", "memo",
     "memoir", "song", "movie", "product", "version", "update", "forecast", "estimate"}
)  # fmt: skip


def _of_a_thing(verb: Token, index: MentionIndex) -> bool:
    """Whether what `verb` acts on is a text or a picture, not people ("released a report",
    "the index released last week", "a statement released after the attack")."""
    objects = [c for c in children_of(verb) if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)
    return any(o.lemma_.lower() in RELEASED_THINGS and index.at(o) is None for o in objects)


ENVOY_NOUNS = frozenset(
    {"ambassador", "envoy", "diplomat", "attache", "attaché", "chargé", "charge", "consul"}
)


def _of_other_countries(noun: Token) -> bool:
    """A counterpart, an envoy ("recalled its ambassador" is not an act on its own
    country), or one of "the two sides" the source belongs to: never the source's own
    country."""
    if noun.lemma_.lower() == "counterpart" or noun.lemma_.lower() in ENVOY_NOUNS:
        return True
    return any(
        (c.dep_ == "nummod" and c.lower_ == "two")
        or (c.dep_ in {"det", "predet"} and c.lower_ == "both")
        for c in children_of(noun)
    )


def _said_against(verb: Token, pattern: VerbPattern) -> bool:
    """An attack on something force cannot fall on (a policy, an inquiry, a ruling) is
    made in words: criticism, not fighting."""
    if verb.lemma_.lower() not in VERBAL_ATTACKS or pattern.root not in voice.VICTIM_ROOTS:
        return False
    objects = syntax.direct_objects(verb)
    return bool(objects) and objects[0].pos_ == "NOUN" and not voice.suffers(objects[0])


def _threatened_in_clause(verb: Token) -> list[Token]:
    """Who a warning's clause says the speaker's side will act on: the objects of the
    clause's verb and of its infinitives ("that it would retaliate *against Iran*")."""
    found: list[Token] = []
    chain = [c for c in children_of(verb) if c.dep_ == "ccomp"]
    while chain:
        clause = chain.pop(0)
        found += [g for o in syntax.direct_objects(clause) for g in (o, *syntax.nominal_objects(o))]
        found += [o for prep in (*VERB_PREPS, "on") for o in syntax.prep_objects(clause, prep)]
        chain += [c for c in children_of(clause) if c.dep_ == "xcomp"]
    return found


def _warned_of_others(
    verb: Token, pattern: VerbPattern, index: MentionIndex, sources: Sequence[ActorRef]
) -> bool:
    """A warning of what another actor's doing will bring ("warned that the junta's moves
    would divide the country") finds fault with it: criticism. A warning of what the
    speaker's side will do ("warned that it would retaliate", "that attackers will not be
    spared") or of what the other will suffer ("that Iran would pay a price") threatens."""
    if verb.lemma_ != "warn" or pattern.root != THREAT_ROOT:
        return False
    clauses = [c for c in children_of(verb) if c.dep_ == "ccomp"]
    if not clauses or clauses[0].lemma_ in CONSEQUENCES or syntax.direct_objects(verb):
        return False
    subjects = [c for c in children_of(clauses[0]) if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in FIRST_PERSON:
        return False  # "we will respond"; a passive ("will not be spared") has no nsubj
    actors = index.refs_for(subjects[0])
    own = {s.country for s in sources}
    return bool(actors) and all(a.country not in own for a in actors)


RELEASE_CODE = "084"  # return, release persons or property


def _released_a_thing(verb: Token, pattern: VerbPattern, index: MentionIndex) -> bool:
    """A release of what is no one held ("no cause had been released", "released the
    figures"): the verb's everyday sense, no yielding."""
    if not pattern.code.startswith(RELEASE_CODE):
        return False
    patient = _patient(verb, pattern)
    if patient is None or patient.pos_ != "NOUN" or voice.suffers(patient):
        return False
    return not index.refs_for(patient, generic=True)


def _needs_a_counterpart(verb: Token, pattern: VerbPattern) -> bool:
    """Talk with no one named ("sat down", "speaking to a news channel") and a meeting or a
    recognition of a thing ("discussed the crisis", "recognized a difficult situation"):
    the verb's everyday sense, no political act. A visit with no host named stays."""
    if pattern.root not in ACTOR_ONLY_ROOTS and pattern.code not in ACTOR_ONLY_CODES:
        return False
    things = [
        o
        for o in syntax.direct_objects(verb)
        if o.pos_ == "NOUN" and not o.ent_type_ and o.lemma_.lower() not in pattern.objects
    ]  # not a name the index failed to resolve, nor the pattern's own word ("ties")
    return verb.lemma_.lower() in TALK_LEMMAS or bool(things)


REJECTION_ROOT = "12"
# What one may reject or dismiss that is no one's proposal or charge.
NOTION_NOUNS = frozenset(
    {"question", "fear", "concern", "speculation", "rumour", "rumor", "suggestion", "notion",
     "idea", "worry", "perception", "impression", "view"}
)  # fmt: skip


def _dismisses_a_notion(verb: Token) -> bool:
    """ "rebuffed fears that tariffs would cause a recession": a notion dismissed, not an
    actor's proposal or accusation rejected."""
    objects = syntax.direct_objects(verb)
    return bool(objects) and all(o.lemma_.lower() in NOTION_NOUNS for o in objects)


SUPPORT_ROOT = "05"


def _backs_a_cause(verb: Token, pattern: VerbPattern) -> bool:
    """Support or praise whose object is a thing no actor stands for ("supporting peace",
    "lauded his ability"): no one is supported."""
    if pattern.root != SUPPORT_ROOT:
        return False
    objects = [o for o in syntax.direct_objects(verb) if o.lemma_.lower() not in pattern.objects]
    return bool(objects) and all(
        o.pos_ == "NOUN"
        and not o.ent_type_
        and not voice.suffers(o)
        and maker_verb_lemmas(o) is None  # "supported the call": someone made the call
        and o.lemma_.lower() not in TEXT_NOUNS  # "defended the treaty": it has parties
        for o in objects
    )  # (the pattern's own word is no cause: "established ties with")


def _unnamed_victims(
    verb: Token, pattern: VerbPattern, index: MentionIndex, doer: ActorRef
) -> list[ActorRef]:
    """Whom an act of force or coercion fell on, unnamed as an actor ("the girls were
    kidnapped"); the dead a condolence is for, who need no word of their own."""
    patient = _patient(verb, pattern)
    if pattern.code.startswith(voice.CONDOLENCE_CODE) or (
        patient is not None and voice.falls_on_people(pattern.code)
    ):
        coercion = pattern.root == voice.COERCION_ROOT
        return voice.unnamed_victims(verb, patient, index, doer=doer if coercion else None)
    return []


def _patient(verb: Token, pattern: VerbPattern) -> Token | None:
    """Whom the act is done to: the subject of a passive, else the direct object; not the
    pattern's own word, but for force and coercion ("offered condolences" has none)."""
    if syntax.is_passive(verb):
        return syntax.passive_subject(verb)
    objects = syntax.direct_objects(verb)
    if pattern.root not in voice.VICTIM_ROOTS:  # "closed the outlets": the word is who suffers
        objects = [o for o in objects if o.lemma_.lower() not in pattern.objects]
    return objects[0] if objects else None


def _a_forum(noun: Token) -> bool:
    return noun.lemma_.lower() in FORUM_NOUNS


def _mutual(pattern: VerbPattern, subject: Token) -> bool:
    """Whether coordinated subjects of the act do it to each other ("agreed", "met")."""
    if pattern.code[:2] not in MUTUAL_ROOTS:
        return False
    if pattern.root == "05" and pattern.code[:3] not in {"050", "057"}:
        return False  # praise, support, recognition go one way; signing a pact is mutual
    if pattern.root == REJECT_ROOT and allegation_object(subject.head) is not None:
        return False  # "Ghana and Togo reject claims that ...": a third party's claims
    return not any(c.lower_ in {"nor", "or", "neither", "either"} for c in subject.subtree)


def intent_code(code: str) -> str:
    """The code for announcing `code`: "will meet" is 036, "will attack" is 138."""
    return (
        THREAT_CODES.get(code[:3]) or THREAT_CODES.get(code[:2]) or INTENT_CODES.get(code[:2], code)
    )


def _place_targets(
    verb: Token, index: MentionIndex, preps: tuple[str, ...] = PLACE_PREPS
) -> list[ActorRef | None]:
    """ "shelled targets in Lebanon", "cordoned off the roads leading into X"."""
    places = [obj for prep in preps for obj in syntax.prep_objects(verb, prep)]
    places += [o for obj in syntax.direct_objects(verb) for o in syntax.nominal_objects(obj)]
    for place in places:
        refs = index.refs_for(place)
        if refs:
            return list(refs)
    return []


def _complement_subject(verb: Token) -> Token | None:
    """ "questioned whether the U.S. was supporting ...": the target is the U.S.; not in
    "criticised what they called a rushed process", where "they" names, and is the critics."""
    for child in children_of(verb):
        if (child.dep_ == "ccomp" and not _free_relative(child)) or _for_clause(child):
            for grandchild in children_of(child):
                if grandchild.dep_ in {"nsubj", "nsubjpass"}:
                    return grandchild
    return None


def _for_clause(clause: Token) -> bool:
    """ "called for Chile to free them": a clause marked "for", whose subject is asked."""
    return clause.dep_ in {"advcl", "ccomp", "xcomp"} and any(
        g.dep_ == "mark" and g.lower_ in CLAUSE_MARKS for g in children_of(clause)
    )


def _confidence(source_token: Token | None, target: ActorRef | None, pattern: VerbPattern) -> float:
    score = 0.55
    if target is not None:
        score += 0.2
    if pattern.objects or pattern.particle:
        score += 0.1
    if source_token is None or source_token.pos_ == "PRON" or voice.is_means(source_token):
        score -= 0.15  # a pronoun, or an unidentified doer
    return round(min(score, 0.95), 2)


def quote_speakers(
    index: MentionIndex, quotes: Sequence[QuoteFinding], links: Sequence[Link | None] = ()
) -> list[ActorRef | None]:
    """The actor who speaks each quote: the one its speaker phrase names, else the one the
    entity stage linked it to ("the military" said it: the Pakistani military named before)."""
    linked = [link.refs[0] if link is not None and link.refs else None for link in links]
    linked += [None] * (len(quotes) - len(linked))
    return [_speaker_ref(index, q) or ref for q, ref in zip(quotes, linked, strict=True)]


def _speaker_ref(index: MentionIndex, quote: QuoteFinding) -> ActorRef | None:
    """The actor the speaker phrase names: the mention of its last word, its head ("the
    Peruvian army" is the army, not Peru), else the mention that covers most of it."""
    for span in (quote.speaker_ref, quote.speaker_mention):
        if span is not None:
            mention = index.covering(span.end - 1, span.end) or index.covering(span.start, span.end)
            if mention is not None:
                return mention.ref
    return None


def _quote_holding(quotes: Sequence[QuoteFinding], offset: int) -> int | None:
    for i, quote in enumerate(quotes):
        if quote.content.start <= offset < quote.content.end:
            return i
    return None


# Acts that imply the target's act towards the source: a visit is hosted ("A visited B":
# B hosted A). A meeting is the subject's ("A met B" is A -> B, as the guidelines code
# it); a compound subject's joint act goes both ways (`_mutual`).
RECIPROCAL_CODES = {"042": "043"}


def _paired(events: list[EventFinding]) -> list[EventFinding]:
    """`events` with the reverse event of each reciprocal act, at lower confidence."""
    paired: list[EventFinding] = []
    for event in events:
        paired.append(event)
        reverse = RECIPROCAL_CODES.get(event.code)
        if reverse is not None and event.target is not None and not event.negated:
            paired.append(_reversed(event, reverse))
    return paired


def _reversed(event: EventFinding, code: str) -> EventFinding:
    """The act `event` implies from its target back to its source, a little less sure."""
    assert event.target is not None
    return dataclasses.replace(
        event,
        code=code,
        source=event.target,
        target=event.source,
        confidence=round(max(event.confidence - 0.1, 0.05), 2),
    )


def _dedupe(events: list[EventFinding]) -> list[EventFinding]:
    """One event per (sentence, source, target, root): the most specific code wins.

    An event without a target is dropped when the same source has a targeted one of
    the same root in the same sentence ("threatened Armenia" beats "threatened"); an
    untargeted act of another root stays ("began a hunger strike to demand ..."). An appeal
    and a demand of the same source to the same target in a sentence are one act, the demand.
    """
    targeted = {(e.evidence.start, e.source, e.root) for e in events if e.target is not None}
    # "renewed its call that Uganda must release ...": one act, the demand its clause makes
    demanded = {(e.evidence.start, e.source, e.target) for e in events if e.root == DEMAND_ROOT}
    events = [
        e
        for e in events
        if e.root != APPEAL_ROOT or (e.evidence.start, e.source, e.target) not in demanded
    ]
    best: dict[tuple[int, ActorRef, ActorRef | None, str], EventFinding] = {}
    order: list[tuple[int, ActorRef, ActorRef | None, str]] = []
    for event in events:
        if event.target is None and (event.evidence.start, event.source, event.root) in targeted:
            continue
        key = (event.evidence.start, event.source, event.target, event.code[:2])
        if key not in best:
            order.append(key)
            best[key] = event
        elif len(event.code) > len(best[key].code):
            best[key] = event
    return [best[key] for key in order]
