"""Who acts when the grammatical subject is not the doer.

- Stative passives: "Israel is opposed to the mediation", "Hanoi is committed to
  reform" describe the subject's stance; the subject is the source and the "to"
  phrase the object, as in the active "Israel opposes the mediation".
- Unattributed force: "three soldiers were killed in Basra", "a roadside bomb killed
  two civilians", "a missionary was arrested in Lebanon". No actor is named as the
  doer; CAMEO coders give such acts to an unidentified actor of the country where they
  happen (else of the article's main country), so the event is not lost.
- Unnamed victims: "the girls were kidnapped", "police arrested seven men", "gunmen
  stormed the hotel". Whoever an act of force or coercion fell on is, for CAMEO, of the
  country where it happened, even when the article names no actor for them.
- Receiving: "Eriador received money from Osgiliath" is Osgiliath giving; the source
  of a receive/obtain verb is its "from" phrase and the target its subject.
- Coming under attack: "the convoy came under fire near Basra" is force on the convoy by
  whoever its "from" phrase names, else by an unidentified actor of where it happened.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from ..actors.dictionary import INTERNATIONAL, load_dictionary
from ..actors.generic import QUANTITY_HEADS
from ..actors.items import ActorMention, ActorRef
from ..actors.lookup import MentionIndex
from ..datelines import in_dateline
from ..docview import children_of, view
from ..model import Span
from ..places import lookup_place
from . import syntax
from .items import EventFinding, between
from .ontology import read_tsv

# Passives that read as a state of the subject when followed by "to" ("is opposed to"),
# and those that do with "in" ("forces were engaged in ethnic cleansing").
STATIVE_PASSIVES = frozenset({"oppose", "commit", "dedicate", "devote", "resign", "open"})
STATIVE_IN_PASSIVES = frozenset({"engage", "involve"})
# Roots whose doer is often left unnamed: investigations ("was put under investigation in
# Italy"), accusations, coercion, assault, fighting.
UNATTRIBUTED_ROOTS = frozenset({"09", "17", "18", "19", "20"})
# and releases of people ("the journalist was released on bail"): by whoever held them
UNATTRIBUTED_CODES = frozenset({"0841"})
# Heads of a subject or "by" phrase that name a means of violence, not an actor.
MEANS_NOUNS = frozenset(
    {"bomb", "bombing", "blast", "explosion", "mine", "device", "shell", "rocket", "missile",
     "grenade", "attack", "airstrike", "strike", "fire", "gunfire", "shelling", "raid",
     "ambush", "landmine", "minefield", "explosive", "ied", "drone", "torture"}
)  # fmt: skip
# Roots whose target is whoever the act falls on, named or not (arrest, assault, fighting,
# mass violence), and condolences, which are for the dead of where it happened.
VICTIM_ROOTS = frozenset({"17", "18", "19", "20"})
COERCION_ROOT = "17"
CONDOLENCE_CODE = "018"
# Words of a patient's phrase that do not describe who it is ("the seven girls").
UNDESCRIPTIVE_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "advmod"})
PLACE_PREPS = ("in", "near", "outside", "at", "inside", "across", "throughout", "on")
# Verbs whose "from" phrase names the giver: "received aid from Japan".
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RECEIVE_LEMMAS = frozenset({"receive", "obtain", "accept", "get", "secure", "win"})


def is_stative_passive(verb: Token) -> bool:
    """ "is opposed to", "is committed to", "were engaged in": a passive of a stance or
    activity verb with its preposition and no agent; the subject is the one acting."""
    lemma = verb.lemma_.lower()
    if lemma in STATIVE_PASSIVES:
        prep = "to"
    elif lemma in STATIVE_IN_PASSIVES:
        prep = "in"
    else:
        return False
    return (
        syntax.is_passive(verb)
        and syntax.agent_of(verb) is None
        and any(c.dep_ == "prep" and c.lower_ == prep for c in children_of(verb))
    )


def stative_subject(verb: Token) -> Token | None:
    """The subject of a stative passive; the parser may hang it on the auxiliary."""
    subject = syntax.passive_subject(verb) or syntax.subject_of(verb)
    if subject is not None:
        return subject
    auxiliaries = (c for c in children_of(verb) if c.dep_ in {"aux", "auxpass"})
    return next((g for a in auxiliaries for g in children_of(a) if g.dep_ == "nsubj"), None)


def is_means(token: Token) -> bool:
    """Whether `token` heads a phrase naming a means of violence ("a roadside bomb")."""
    return token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in MEANS_NOUNS


def falls_on_people(code: str) -> bool:
    """Whether an act of this code falls on whoever undergoes it, named or not."""
    return code[:2] in VICTIM_ROOTS or code in UNATTRIBUTED_CODES


CUSTODY_NOUNS = frozenset({"prison", "jail", "custody", "detention", "bail", "house"})


def left_unnamed(code: str, verb: Token) -> bool:
    """Whether an act of this code is told here with its doer unnamed: force, coercion,
    inquiries; a release only from custody ("released on bail", "freed from prison"), for
    hostages freed in a raid were not let go by those who held them."""
    if code[:2] in UNATTRIBUTED_ROOTS:
        return True
    return code in UNATTRIBUTED_CODES and any(
        o.lemma_.lower() in CUSTODY_NOUNS
        for prep in ("from", "on", "under")
        for o in syntax.prep_objects(verb, prep)
    )


# Words that say a doer is there but left unnamed: "threatened by unnamed individuals".
ANONYMOUS = frozenset({"unnamed", "unidentified", "unknown", "anonymous"})


def is_anonymous(token: Token | None) -> bool:
    """Whether a doer's phrase says only that somebody did it ("unnamed individuals")."""
    return token is not None and any(
        c.dep_ == "amod" and c.lower_ in ANONYMOUS for c in children_of(token)
    )


def unattributed(verb: Token, source_token: Token | None, *, passive: bool) -> bool:
    """Whether the act's doer is left unnamed: an agentless passive, or a means of
    violence as subject or agent ("killed by a car bomb", "a blast killed"). Harm told of a
    fire, a flood or a crash with no weapon in sight has no doer at all ("the blaze killed
    three", "two adults were seriously injured" in a story of a fire)."""
    if told_as_disaster(verb):
        return False
    if source_token is None:
        return passive
    return is_means(source_token) or is_anonymous(source_token)


# Strikes only an armed force flies: "killed in a drone strike".
AIR_STRIKE_NOUNS = frozenset({"airstrike", "airraid", "bombardment"})
AIR_STRIKE_KINDS = frozenset({"air", "drone", "missile", "precision"})


def by_air(verb: Token) -> bool:
    """Whether `verb` was done by an air strike ("killed in a precision airstrike")."""
    agent = syntax.agent_of(verb)
    means = [*syntax.prep_objects(verb, "in"), *syntax.prep_objects(verb, "by")]
    means += [agent] if agent is not None else []
    for noun in means:
        kinds = {t.lower_ for t in noun.lefts if t.dep_ in {"compound", "amod"}}
        if noun.lemma_.lower() in AIR_STRIKE_NOUNS or (
            noun.lemma_.lower() in {"strike", "raid"} and kinds & AIR_STRIKE_KINDS
        ):
            return True
    return False


# Disasters and accidents: harm they do is no one's act.
DISASTER_NOUNS = frozenset(
    {"fire", "blaze", "flame", "inferno", "wildfire", "flood", "flooding", "storm", "cyclone",
     "hurricane", "typhoon", "tornado", "earthquake", "quake", "tsunami", "landslide",
     "mudslide", "avalanche", "crash", "accident", "collapse", "stampede", "eruption"}
)  # fmt: skip
# Verbs that make "fire" a weapon's or an arsonist's: "opened fire", "set fire to".
ARMED_FIRE_VERBS = frozenset({"open", "exchange", "return", "set", "trade", "draw"})


def _a_disaster(token: Token) -> bool:
    if token.lemma_.lower() not in DISASTER_NOUNS:
        return False
    if token.lemma_.lower() != "fire":
        return True
    head = token.head  # "opened fire", "came under fire", "set fire to": arms or arson
    return head.lemma_.lower() not in ARMED_FIRE_VERBS and head.lower_ != "under"


def told_as_disaster(verb: Token) -> bool:
    """Whether the verb's sentence tells a disaster or an accident and no weapon."""
    nouns = [t for t in verb.sent if t.pos_ in {"NOUN", "PROPN"}]
    return any(_a_disaster(t) for t in nouns) and not any(
        is_means(t) and not _a_disaster(t) for t in nouns
    )


def unidentified_source(
    verb: Token, index: MentionIndex, means: Token | None = None
) -> list[ActorRef]:
    """An unidentified actor of the country where the act happened, else of the
    article's main country; registered in `index` at the trigger (or the means)."""
    country = _place_country(verb, index, means)
    if country is None:
        return []
    ref = ActorRef("group", f"unidentified actor ({country})", country, None)
    anchor = means if means is not None else verb
    index.add(ActorMention(syntax.span_of(anchor), ref, "unidentified"))
    return [ref]


def unnamed_victims(
    act: Token, patient: Token | None, index: MentionIndex, *, doer: ActorRef | None = None
) -> list[ActorRef]:
    """The people or places `act` fell on, as an actor of the country where it happened
    (else of `doer`'s, given for coercion, else of the article's main country), named by
    their own phrase ("girls (NGA)", "suspect's wife (FRA)"); registered in `index` at the
    patient. None when the patient is an actor the index knows, which the caller has
    already tried, or nothing force falls on (`data/cameo/patients.tsv`)."""
    patient = _stand_in(patient) if patient is not None else None
    if patient is not None and in_dateline(view(patient.doc).datelines, patient.idx):
        return []  # "KHARTOUM, June 12 -": where the story was filed
    known = index.at(patient) if patient is not None else None
    if known is not None:  # found already as the victims of the same act told twice
        return [known.ref] if known.how == "victims" else []
    if patient is not None and not suffers(patient):
        return []  # a pronoun left unresolved, a number, a thing no one is
    # with no place named, coercion falls on the doer's own country ("police closed twelve
    # outlets"), other force on the article's
    home = doer.country if doer is not None and doer.country not in INTERNATIONAL else None
    country = _place_country(act, index, patient, home)
    if country is None:
        return []
    described = _described(patient) if patient is not None else ""
    kind = patient_kinds().get(patient.lemma_.lower()) if patient is not None else None
    sector = ARMED_KINDS.get(kind or "")
    ref = ActorRef("group", f"{described or 'victims'} ({country})", country, sector)
    anchor = patient if patient is not None else act
    index.add(ActorMention(syntax.span_of(anchor), ref, "victims"))
    return [ref]


@functools.lru_cache(maxsize=1)
def patient_kinds() -> dict[str, str]:
    """The nouns of people and places force may fall on, each with its kind (person, place,
    organisation; `data/cameo/patients.tsv`)."""
    rows = read_tsv("patients.tsv", ("kind", "words"))
    return {w.strip(): row["kind"] for _, row in rows for w in row["words"].split("|")}


@functools.lru_cache(maxsize=1)
def patient_nouns() -> frozenset[str]:
    return frozenset(patient_kinds())


# What a pronoun left unresolved may stand for, by the kind of noun it takes up.
PRONOUN_KINDS = {
    "he": "person", "him": "person", "she": "person", "her": "person",
    "they": "people", "them": "people", "it": "place",
}  # fmt: skip


# Kinds of patients.tsv that are people, and the sector of those who bear arms.
PERSON_KINDS = frozenset({"person", "rebel", "criminal"})
ARMED_KINDS = {"rebel": "REB", "criminal": "CRM"}


def _in_apposition(noun: Token) -> bool:
    """ "the attacker, a man": the second noun only describes the first."""
    return noun.dep_ == "appos" and patient_kinds().get(noun.head.lemma_.lower()) in PERSON_KINDS


def _stand_in(patient: Token) -> Token | None:
    """The noun a patient's word stands for: "the girls, who were kidnapped" (the girls),
    "thousands of migrants", "37 of whom were hurt" (whom the relative clause is on),
    "were among those killed" (the subject), "gunmen stormed it" (the latest noun before of
    a place, or of a person for "he", of people for "they"); else the word itself."""
    if patient.tag_ in {"WP", "WDT"}:
        clause = next((t for t in [patient, *patient.ancestors] if t.dep_ == "relcl"), None)
        head = clause.head if clause is not None else None
        if head is None or (patient.lower_ in {"who", "whom"} and _a_place(head)):
            return _antecedent(patient, "anyone")  # not the bus "17 of whom" hangs on
        return head
    if patient.lemma_.lower() in QUANTITY_HEADS or patient.like_num:
        counted = syntax.prep_objects(patient, "of")
        return _stand_in(counted[0]) if counted else None
    if patient.lower_ == "those" and patient.head.lower_ == "among":
        subject = syntax.own_subject(patient.head.head)
        return subject if subject is not None else patient
    kind = PRONOUN_KINDS.get(patient.lower_) if patient.pos_ == "PRON" else None
    if kind is None:
        return patient
    return _antecedent(patient, kind) or patient


def _a_place(noun: Token) -> bool:
    return patient_kinds().get(noun.lemma_.lower()) == "place"


def _antecedent(pronoun: Token, kind: str) -> Token | None:
    """The latest noun of `kind` before `pronoun`, in its sentence or the one before."""
    doc, start = pronoun.doc, pronoun.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for token in reversed(doc[start : pronoun.i]):
        if token.pos_ != "NOUN" or token.dep_ == "compound":
            continue
        found = patient_kinds().get(token.lemma_.lower())
        plural = token.tag_ == "NNS"
        if kind == "place" and _a_place(token) and not plural:
            return token
        if found in PERSON_KINDS and (kind == "anyone" or plural == (kind == "people")):
            return token.head if _in_apposition(token) else token
    return None


def suffers(patient: Token) -> bool:
    """Whether force can fall on `patient`: a name, or a noun of people or places."""
    if patient.pos_ == "PROPN":
        return True
    if patient.pos_ != "NOUN":
        return False
    compound = " ".join(t.lemma_.lower() for t in patient.lefts if t.dep_ == "compound")
    lemma = patient.lemma_.lower()
    return lemma in patient_nouns() or f"{compound} {lemma}".strip() in patient_nouns()


def _described(noun: Token) -> str:
    """A noun's own phrase up to the noun, without articles and counts: "suspect's wife"."""
    words = [
        t
        for t in noun.lefts
        if t.dep_ not in UNDESCRIPTIVE_DEPS
        and t.pos_ != "PRON"
        and not any(w.like_num for w in t.subtree)  # "a 31-year-old man": an age
    ]
    kept = [
        w
        for t in words
        for w in t.subtree
        if w.dep_ not in UNDESCRIPTIVE_DEPS and (w.dep_ != "punct" or w.text == "-")
    ]
    return "".join(t.text_with_ws for t in [*kept, noun]).strip()


def _place_country(
    verb: Token, index: MentionIndex, means: Token | None, default: str | None = None
) -> str | None:
    """The country of the place the act happened in, else `default`, else the article's."""
    holders = [verb, *([means] if means is not None else [])]
    # "was put under investigation in Italy": the place may hang on the verb's phrase.
    holders += [
        o
        for prep in children_of(verb)
        if prep.dep_ == "prep" and prep.lower_ not in PLACE_PREPS
        for o in children_of(prep)
        if o.dep_ == "pobj"
    ]
    places = [
        t
        for holder in holders
        for prep in children_of(holder)
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS
        for t in prep.subtree
        if t.dep_ == "pobj"
    ]  # "outside of the Iraqi city of Basra": city, Basra
    for place in places:
        for ref in index.refs_for(place):
            if ref.country:
                return ref.country
        country = _gazetteer_country(place, index)
        if country is not None:
            return country
    return default or index.country


def country_where(verb: Token, index: MentionIndex, preps: tuple[str, ...]) -> list[ActorRef]:
    """The country of the town or region named after one of `preps` ("marched in Khartoum"
    is Sudan), as an actor registered in `index` at the place."""
    for place in (o for prep in preps for o in syntax.prep_objects(verb, prep)):
        iso3 = _gazetteer_country(place, index)
        entry = load_dictionary().country_by_code(iso3) if iso3 else None
        if entry is not None:
            ref = ActorRef("country", entry.name, entry.iso3, None)
            index.add(ActorMention(syntax.span_of(place), ref, "place"))
            return [ref]
    return []


def _gazetteer_country(place: Token, index: MentionIndex) -> str | None:
    """The country of a named place the gazetteer knows ("Basra", "Khartoum")."""
    if place.ent_type_ not in PLACE_LABELS and place.pos_ != "PROPN":
        return None
    location = lookup_place(_entity_text(place), country_hint=index.country)
    return location.country if location is not None and location.country else None


def _entity_text(token: Token) -> str:
    """The named entity `token` is part of ("Basra", "West Bank")."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def receiving_source(verb: Token) -> Token | None:
    """The "from" phrase of a receive verb: "received money from Osgiliath"."""
    if verb.lemma_.lower() not in RECEIVE_LEMMAS:
        return None
    found = syntax.prep_objects(verb, "from")
    found += [o for obj in syntax.direct_objects(verb) for o in syntax.prep_objects(obj, "from")]
    return found[0] if found else None


# What one may "come under", and its code: an attack or assault (180), unless its words
# name military arms (190); fire (190), shelling (194), bombardment or air strikes (195).
UNDER_NOUNS = {
    "attack": "180", "assault": "180", "fire": "190", "gunfire": "190", "shelling": "194",
    "bombardment": "195", "siege": "191",
}  # fmt: skip
MILITARY_WORDS = frozenset(
    {"rocket", "missile", "artillery", "mortar", "air", "drone", "tank", "military"}
)
UNDER_CONFIDENCE = 0.55


def came_under(
    verb: Token, index: MentionIndex, evidence: Span, *, quote: int | None = None
) -> list[EventFinding]:
    """ "The train came under a bomb and gun attack near Sibi": force on the subject, by
    the actors of the attack's "from"/"by" phrase, else by an unidentified actor of the
    place; none when the subject is no one force falls on."""
    if verb.lemma_.lower() != "come":
        return []
    nouns = [n for n in syntax.prep_objects(verb, "under") if n.lemma_.lower() in UNDER_NOUNS]
    # (a heading run into the sentence may give a second subject: "The attack The train came")
    subjects = [c for c in children_of(verb) if c.dep_ == "nsubj" and not is_means(c)]
    subject = subjects[-1] if subjects else syntax.subject_of(verb)
    if not nouns or subject is None or is_means(subject):
        return []
    noun = nouns[0]
    code = UNDER_NOUNS[noun.lemma_.lower()]
    if code == "180" and any(t.lemma_.lower() in MILITARY_WORDS for t in noun.lefts):
        code = "190"
    doers = [r for prep in ("from", "by") for o in syntax.prep_objects(noun, prep)
             for r in index.refs_for(o)]  # fmt: skip
    sources = doers or unidentified_source(verb, index, noun)
    targets = index.refs_for(subject) or unnamed_victims(verb, subject, index)
    return between(
        code,
        sources,
        targets,
        verb=verb,
        trigger=noun,
        evidence=evidence,
        quote=quote,
        confidence=UNDER_CONFIDENCE,
    )
