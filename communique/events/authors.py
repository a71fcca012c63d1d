"""The author of an act a reaction is about: "rejected the resolution" acts on whoever
passed the resolution, "supported the call" on whoever made the call.

When a reaction's object is an act named by a noun (a call, a resolution, a decision, a
request) and the phrase names no actor, its author is the subject of the latest clause
before it, a few sentences back at most, whose verb makes that act ("the United States
called a private meeting ... Greece also supported the call"), or the owner of the same
noun said earlier ("Kenya's request ... the court rejected the request").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from ..actors.items import ActorRef
from ..actors.lookup import MentionIndex
from ..docview import children_of, view
from . import syntax, voice

REACH = 800  # characters back: about four sentences
# Nouns of acts, and the verbs that make them.
ACT_VERBS = {
    "call": {"call"},
    "request": {"request", "ask"},
    "resolution": {"pass", "adopt", "approve", "introduce", "vote"},
    "decision": {"decide"},
    "announcement": {"announce"},
    "news": {"announce"},
    "report": {"report"},
    "offer": {"offer", "propose"},
    "release": {"release", "free"},
    "proposal": {"propose", "offer"},
    "plan": {"propose", "unveil", "announce"},
    "extension": {"extend"},
    "ruling": {"rule"},
    "verdict": {"rule", "convict"},
    "ban": {"ban"},
    "demand": {"demand"},
    "ultimatum": {"issue", "give"},
    "allegation": {"allege", "accuse", "claim", "blame", "link"},
    "accusation": {"accuse", "allege", "blame"},
    "claim": {"claim", "allege"},
    "charge": {"charge", "accuse"},
    "move": {"move", "decide", "vote"},
    "sanction": {"impose", "announce"},
    "invitation": {"invite"},
    "appeal": {"appeal", "urge"},
    "warning": {"warn"},
    "threat": {"threaten"},
    "approval": {"approve", "pass", "adopt", "vote"},
    "budget": {"present", "unveil", "propose", "table", "announce"},
    "bill": {"introduce", "propose", "table", "draft"},
    "legislation": {"introduce", "propose", "draft"},
    "decree": {"issue", "sign", "decree"},
    "order": {"issue", "order"},
    "measure": {"announce", "introduce", "propose", "impose"},
    "policy": {"announce", "introduce", "adopt"},
    "reform": {"announce", "propose", "introduce"},
    "expulsion": {"expel"},
    "deportation": {"deport"},
}


# Nouns of what one side says of another: their that-clause names the accused.
CHARGE_NOUNS = frozenset({"allegation", "accusation", "claim", "charge"})


# Nouns of attacks, and the verbs that tell them: "claimed responsibility for the attack"
# is aimed at whoever the attack hit.
ATTACK_VERBS = {
    "attack": {"attack", "storm", "raid"},
    "bombing": {"bomb", "attack"},
    "assault": {"attack", "assault", "storm"},
    "raid": {"raid", "attack", "storm"},
    "siege": {"attack", "storm", "besiege"},
    "hijacking": {"hijack", "attack", "seize"},
    "ambush": {"ambush", "attack"},
    "killing": {"kill"},
    "shooting": {"shoot", "attack"},
    "kidnapping": {"kidnap", "abduct", "seize"},
    "violence": {"attack", "storm", "raid", "fire", "shoot", "beat", "kill"},
    "crackdown": {"crack", "attack", "arrest", "detain"},
}


def act_authors(
    candidates: Sequence[Token], index: MentionIndex, *, attackers: bool = False
) -> list[ActorRef]:
    """The authors of the first act noun among `candidates` (a reaction's object slots), or
    for an attack noun ("responsibility for the attack") whom the attack hit; with
    `attackers`, who made the attack ("spoke out against the attack")."""
    for noun in candidates:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN":
            continue
        named = _named_author(noun, index)
        if named and (lemma in ACT_VERBS or lemma in ATTACK_VERBS):
            return named  # "dismissed the claim from Berlin", "the proposal by France"
        if lemma in ATTACK_VERBS and attackers:
            return _maker(noun, ATTACK_VERBS[lemma], index)
        if lemma in ATTACK_VERBS:
            return _hit(noun, ATTACK_VERBS[lemma], index)
        if lemma in ACT_VERBS:
            # "the news that Ukraine agreed" is Ukraine's; "the allegation that X did" is
            # not X's but its accuser's
            if lemma in CHARGE_NOUNS:  # a charge stays its accuser's all through the article
                owner = _summed_up(noun, index) or _same_noun_owner(noun, index, reach=None)
                return owner or _maker(noun, ACT_VERBS[lemma], index)
            content = _clause_subject(noun, index)
            return content or _same_noun_owner(noun, index) or _maker(noun, ACT_VERBS[lemma], index)
    return []


def _named_author(noun: Token, index: MentionIndex) -> list[ActorRef]:
    """The actors an act noun's "from" or "by" phrase names: "the claim from Berlin"."""
    agent = syntax.agent_of(noun)
    phrases = [*syntax.prep_objects(noun, "from"), *syntax.prep_objects(noun, "by")]
    phrases += [agent] if agent is not None else []
    return [r for p in phrases for r in index.refs_for(p)]


def _summed_up(noun: Token, index: MentionIndex) -> list[ActorRef]:
    """ "X repeated that Y planned the attack, a charge Z rejected": an appositive charge
    sums up its sentence, so it is the main clause's subject's."""
    if noun.dep_ != "appos":
        return []
    verbs = [t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}]
    subject = syntax.subject_of(verbs[-1]) if verbs else None
    return index.refs_for(subject) if subject is not None else []


def maker_verb_lemmas(noun: Token) -> set[str] | None:
    """The verbs that make the act `noun` names ("offer": offer, propose), or None when it
    names no act."""
    return ACT_VERBS.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None


def maker_verb(noun: Token) -> Token | None:
    """The verb of the latest clause within reach that made the act `noun` names ("called
    a meeting" for "supported the call"), or None."""
    verbs = ACT_VERBS.get(noun.lemma_.lower())
    if noun.pos_ != "NOUN" or verbs is None:
        return None
    return next(_verbs_before(noun, verbs), None)


def _clause_subject(noun: Token, index: MentionIndex) -> list[ActorRef]:
    """ "welcomed the announcement that Ukraine had agreed to a ceasefire": the news is
    Ukraine's, whoever announced it."""
    for clause in children_of(noun):
        if clause.dep_ not in {"acl", "ccomp"}:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in children_of(clause)):
            continue
        subject = syntax.subject_of(clause)
        refs = index.refs_for(subject) if subject is not None else []
        if refs:
            return refs
    return []


def _hit(noun: Token, verbs: set[str], index: MentionIndex) -> list[ActorRef]:
    """The object of the latest clause before `noun` that tells the attack, else the
    unnamed victims of where it happened ("the attack on a hotel in Mogadishu")."""
    for verb in _verbs_before(noun, verbs):
        objects = [c for c in children_of(verb) if c.dep_ in {"dobj", "nsubjpass"}]
        refs = [r for o in objects for r in index.refs_for(o, generic=True)]
        if refs:
            return refs
        if objects:
            return voice.unnamed_victims(verb, objects[0], index)
    return voice.unnamed_victims(noun, None, index)


def _maker(noun: Token, verbs: set[str], index: MentionIndex) -> list[ActorRef]:
    for verb in _verbs_before(noun, verbs):
        if syntax.is_passive(verb):  # "was released on bail": the doer named, or the one
            refs = _passive_doers(verb, index)  # the act was given when none is named
            if refs:
                return refs
            continue
        subject = syntax.subject_of(verb)
        refs = index.refs_for(subject) if subject is not None else []
        if refs:
            for companion in syntax.companions(verb, subject):  # "X, along with Y, called"
                refs += [r for r in index.refs_for(companion) if r not in refs]
            return refs
    return []


def _passive_doers(verb: Token, index: MentionIndex) -> list[ActorRef]:
    """Who did a passive act: its "by" phrase, else the unidentified actor coded at it."""
    agent = syntax.agent_of(verb)
    if agent is not None:
        return index.refs_for(agent)
    mention = index.at(verb)
    return [mention.ref] if mention is not None and mention.how == "unidentified" else []


def _same_noun_owner(
    noun: Token,
    index: MentionIndex,
    deps: frozenset[str] = frozenset({"poss"}),
    reach: int | None = REACH,
) -> list[ActorRef]:
    for token in _before(noun, reach):
        if token.lemma_ == noun.lemma_:
            owners = [c for c in children_of(token) if c.dep_ in deps]
            if "of" in deps:
                owners += syntax.prep_objects(token, "of")
                if token.dep_ == "dobj":  # "called a meeting Wednesday of the Council"
                    owners += syntax.prep_objects(token.head, "of")
            refs = [r for o in owners for r in index.refs_for(o, generic=True)]
            if refs:
                return refs
    return []


FORUM_OWNER_DEPS = frozenset({"poss", "compound", "of"})


# Participles that give a reaction's words: "criticized it, saying (that) X ...".
SAYING_PARTICIPLES = frozenset({"say", "add", "write", "argue", "insist"})


def said_of(verb: Token, index: MentionIndex, sources: Sequence[ActorRef]) -> list[ActorRef]:
    """Whom a reaction's own words are about, when its object names no one: "criticized
    it, saying that Washington seeks to ..." criticises Washington."""
    for clause in children_of(verb):
        if clause.dep_ not in {"advcl", "xcomp"} or clause.lemma_.lower() not in SAYING_PARTICIPLES:
            continue
        for content in (c for c in children_of(clause) if c.dep_ == "ccomp"):
            subject = syntax.own_subject(content)
            refs = index.refs_for(subject) if subject is not None else []
            refs = [r for r in refs if r not in sources and r.kind != "place"]
            if refs:
                return refs
    return []


def forum_owner(noun: Token, index: MentionIndex) -> list[ActorRef]:
    """Whose gathering "the meeting" is, from where the article named it before ("a
    private meeting of the Security Council ... participated in the meeting"), however
    far back: an article keeps calling its meeting "the meeting"."""
    return _same_noun_owner(noun, index, FORUM_OWNER_DEPS, reach=None)


def _verbs_before(noun: Token, lemmas: set[str]) -> Iterator[Token]:
    """The verbs among `lemmas` before `noun` within reach, nearest first."""
    return (t for t in _before(noun) if t.pos_ == "VERB" and t.lemma_.lower() in lemmas)


def _before(noun: Token, reach: int | None = REACH) -> Iterator[Token]:
    """The tokens before `noun` within `reach` characters (None: all), nearest first."""
    tokens = view(noun.doc).tokens
    for token in reversed(tokens[: noun.i]):
        if reach is not None and noun.idx - token.idx > reach:
            return
        yield token
