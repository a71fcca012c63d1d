"""Speech acts: what a quote does when its cue says only that someone spoke.

"“Veloria is the aggressor,” the minister said" criticises Veloria (111) though "said" is
no event. A quote whose cue is neutral is read for what its own words do
(`data/cameo/speech_acts.tsv`): criticism, accusation, rejection, threat, praise, appeal,
condolence. The speaker is the source when they are a political actor (an official, a
body, a country, a party, a group with a sector), never an interviewee or an analyst; the
target is the actor the words are about (the subject the word is said of, else the actor
named nearest it in the quote), never the speaker. A word whose own subject is someone
else ("Veloria rejected our offer") reports that actor's act, left to the verb coder; a
negated word does nothing. Cues that are acts themselves ("accused", "urged") are coded by
the verb coder and not read again here.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..actors.items import ActorRef
from ..actors.lookup import MentionIndex
from ..docview import children_of, view
from ..entities.items import Link
from ..model import Span
from ..quotes.items import QuoteFinding
from . import syntax
from .authors import act_authors
from .items import EventFinding
from .ontology import load_patterns, read_tsv, verb_lemma

# Speakers whose words are no political act: people with no sector, civilians.
NON_POLITICAL_SECTORS = frozenset({"CVL"})
# Scholars, researchers, analysts and experts as a class ("experts say"): commentators. A
# named one may act in the story ("Arslan, a Turkish researcher, called it a maneuver").
COMMENTATORS = "EDU"
FIRST_PERSON = frozenset({"i", "we"})
NEUTRAL_CUES = frozenset(
    {"say", "tell", "add", "write", "state", "note", "explain", "according", "post", "tweet",
     "continue", "declare", "remark", "comment", "speak", "read"}
)  # fmt: skip
CONFIDENCE = 0.5
# Misconduct a speaker says another actor is guilty of ("said Iran is defying the Council"):
# a charge against that actor, whose act is claimed, not told (`settle`).
CHARGED_LEMMAS = frozenset({"defy", "flout", "violate", "breach", "ignore", "obstruct"})


@dataclass(frozen=True, slots=True)
class SpeechWord:
    code: str
    words: tuple[str, ...]  # one lemma, or a phrase of lower-case words


@functools.lru_cache(maxsize=1)
def speech_words() -> dict[str, tuple[SpeechWord, ...]]:
    """The lexicon by its first word."""
    by_first: dict[str, list[SpeechWord]] = {}
    for _, row in read_tsv("speech_acts.tsv", ("code", "words", "example")):
        for entry in row["words"].split("|"):
            words = tuple(entry.strip().lower().split())
            if words:
                by_first.setdefault(words[0], []).append(SpeechWord(row["code"], words))
    return {k: tuple(sorted(v, key=lambda w: -len(w.words))) for k, v in by_first.items()}


def speech_events(
    doc: Doc,
    index: MentionIndex,
    quotes: Sequence[QuoteFinding],
    speakers: Sequence[Link | None],
    coded: Sequence[EventFinding],
) -> list[EventFinding]:
    """The events the quotes themselves are, one per (speaker, target, root) and quote."""
    known = {(e.evidence.start, e.source, e.target, e.root) for e in coded}
    out: list[EventFinding] = []
    for number, (quote, link) in enumerate(zip(quotes, speakers, strict=True)):
        if link is None or not _neutral(doc, quote):
            continue
        sources = [r for r in link.refs if political(r)]
        if not sources:
            continue
        seen: set[tuple[ActorRef, ActorRef, str]] = set()
        for token, word in _words(doc, quote):
            target = _target(token, index, set(link.refs))
            if target is None:
                continue
            for source in sources:
                key = (source, target, word.code[:2])
                if key in seen or (quote.evidence.start, *key) in known:
                    continue
                seen.add(key)
                out.append(
                    EventFinding(
                        code=word.code,
                        source=source,
                        target=target,
                        trigger=_phrase_span(doc, token, word),
                        evidence=quote.evidence,
                        quote=number,
                        confidence=CONFIDENCE,
                        spoken=(quote.content.start, quote.content.end),
                    )
                )
    return out


def _phrase_span(doc: Doc, token: Token, word: SpeechWord) -> Span:
    """The lexicon's words as the quote has them ("would not consider": "not consider")."""
    last = doc[min(token.i + len(word.words), len(doc)) - 1]
    end = last.idx + len(last.text)
    return Span(doc.text[token.idx : end], token.idx, end)


def _neutral(doc: Doc, quote: QuoteFinding) -> bool:
    """The quote's cue only says that someone spoke ("said", "told", "according to", a
    colon, none): a cue that is an act of its own is the verb coder's."""
    if quote.cue is None:
        return True
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None or not any(t.is_alpha for t in span):
        return True
    lemma = verb_lemma(span.root.text, span.root.lemma_)
    return lemma in NEUTRAL_CUES or lemma not in load_patterns()


def commentators(ref: ActorRef) -> bool:
    """ "Researchers", "experts", "security analyst Kabiru Adamu": commentators, a class
    or one of them, no actor."""
    return ref.kind in {"group", "person"} and ref.sector == COMMENTATORS


def political(ref: ActorRef) -> bool:
    """An actor whose words act: a person or group with a sector, a body, a country; not
    commentators as a class."""
    if commentators(ref):
        return False
    if ref.kind == "person" or ref.kind == "group":
        return ref.sector is not None and ref.sector not in NON_POLITICAL_SECTORS
    return ref.sector not in NON_POLITICAL_SECTORS


def _words(doc: Doc, quote: QuoteFinding) -> list[tuple[Token, SpeechWord]]:
    """The lexicon's words in the quote's content, not negated and not said of another
    actor's own act."""
    lexicon = speech_words()
    found: list[tuple[Token, SpeechWord]] = []
    span = doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
    tokens = view(doc).tokens
    content = tokens[span.start : span.end] if span is not None else ()
    for k, token in enumerate(content):
        word = _match(content, k, lexicon)
        if word is None:
            continue
        phrase = len(word.words) > 1  # a phrase carries its own negation ("will not accept")
        if _designation(token):
            continue
        # a phrase ending in a noun judges ("were hired guns"): its noun, not a verb, decides
        last = content[min(k + len(word.words), len(content)) - 1]
        judged = last if phrase and last.pos_ == "NOUN" else token
        if (phrase or not _negated(token)) and (_speakers_own(judged) or _charged(token)):
            found.append((token, word))
    return found


def _match(
    content: Sequence[Token], k: int, lexicon: dict[str, tuple[SpeechWord, ...]]
) -> SpeechWord | None:
    """The longest entry of the lexicon that starts at `content[k]`."""
    token = content[k]
    for key in dict.fromkeys((token.lower_, token.lemma_.lower())):
        for word in lexicon.get(key, ()):
            if len(word.words) == 1:
                return word
            if [t.lower_ for t in content[k : k + len(word.words)]] == list(word.words):
                return word
    return None


# Nouns of the lexicon that name people, and may only designate them.
DESIGNATIONS = frozenset({"terrorist", "aggressor", "dictator", "liar", "criminal"})


def _designation(token: Token) -> bool:
    """A noun of the lexicon that only names who took part in another act ("it killed 33
    terrorists", "the terrorists were in contact with ..."): a designation, not a judgement
    the quote passes; "X is a terrorist" and "X, a terrorist state," judge."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.lemma_.lower() not in DESIGNATIONS:
        return False
    head = token.head
    argument = token.dep_ in {"dobj", "nsubj", "nsubjpass"} or (
        token.dep_ == "pobj" and head.head.pos_ in {"VERB", "AUX"}
    )
    verb = head if token.dep_ != "pobj" else head.head
    return argument and verb.pos_ in {"VERB", "AUX"} and verb.lemma_ != "be"


def _negated(token: Token) -> bool:
    head = token if token.pos_ in {"VERB", "AUX"} else token.head
    return any(c.dep_ == "neg" for c in (*children_of(token), *children_of(head)))


def _speakers_own(token: Token) -> bool:
    """A verb of the lexicon is the speaker's act only with "I"/"we" for subject, or as the
    main verb of an imperative ("Thank you"); "Veloria rejected our offer" is Veloria's, and
    so is "they did it to punish the mayor"."""
    if token.pos_ != "VERB":
        return True
    subject = next((c for c in children_of(token) if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None:
        return subject.lower_ in FIRST_PERSON
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(token))
    return not infinitive and token.dep_ in {"ROOT", "ccomp", "conj"}


def _charged(token: Token) -> bool:
    """ "X is defying the council": misconduct said of another actor charges them."""
    subject = _subject(token) if token.pos_ == "VERB" else None
    return (
        token.lemma_.lower() in CHARGED_LEMMAS
        and subject is not None
        and subject.lower_ not in FIRST_PERSON
    )


def _target(token: Token, index: MentionIndex, speakers: set[ActorRef]) -> ActorRef | None:
    """Whom the word is said of, read from the parse only: the subject a predicate is said
    of ("Veloria is the aggressor", "Veloria will pay"), the object of a verb ("we thank
    Veloria", "we call on Veloria"), or the owner of what an adjective or noun describes
    ("Veloria's cruel attacks", "the propaganda of Veloria"). Nothing when the words name
    no actor: the quote's other actors are not guessed at."""
    if token.dep_ in {"aux", "neg"}:  # "will pay", "not consider": the phrase's verb
        token = token.head
    if token.pos_ in {"VERB", "AUX"}:
        slots = [c for c in children_of(token) if c.dep_ in {"dobj", "dative"}]
        slots += [g for c in children_of(token) if c.dep_ == "prep" for g in children_of(c)
                  if g.dep_ == "pobj"]  # fmt: skip
        subject = _subject(token)
        if subject is not None and subject.lower_ not in FIRST_PERSON:
            slots.insert(0, subject)  # "Veloria will pay", "these claims are baseless"
        found = _first_actor(slots, index, speakers)
        return found or next((r for r in act_authors(slots, index) if r not in speakers), None)
    addressed = _objects(token, {"to", "for", "with"})  # "grateful to X", "condolences to X"
    if token.dep_ in {"amod", "compound"} and token.head.dep_ in {"attr", "acomp"}:
        token = token.head  # "X is a terrorist state": said of X, as "X is a terrorist"
    if token.dep_ in {"attr", "acomp"}:  # "X is the aggressor", "X is irresponsible"
        subject = _subject(token.head)
        slots = [subject] if subject is not None else []
        found = _first_actor(slots + addressed + _owners(token), index, speakers)
        return found or _author_of_cause(token, index, speakers)
    noun = token.head if token.dep_ in {"amod", "compound"} else token
    if noun.dep_ in {"nsubj", "nsubjpass"}:  # "our condolences go to X"
        addressed += _objects(noun.head, {"to"})
    return _first_actor([noun, *_owners(noun), *addressed], index, speakers)


def _author_of_cause(token: Token, index: MentionIndex, speakers: set[ActorRef]) -> ActorRef | None:
    """ "we are disappointed by the approval of the bill": whoever approved it."""
    agent = syntax.agent_of(token)  # "disappointed by the approval"
    causes = [*_objects(token, {"at", "over", "about", "with"}), *([agent] if agent else [])]
    return next((r for r in act_authors(causes, index) if r not in speakers), None)


def _subject(verb: Token) -> Token | None:
    return syntax.own_subject(verb)


def _owners(noun: Token) -> list[Token]:
    """The actors a noun phrase is of: "Veloria's", "the Veloria", "of Veloria", "by
    Veloria", "the regime in Veloria", "the claims made by Veloria"."""
    # (and "the Pakistani side", "Veloran propaganda": a nationality adjective)
    found = [c for c in children_of(noun) if c.dep_ in {"poss", "compound", "amod"}]
    for clause in (c for c in children_of(noun) if c.dep_ == "acl"):  # "claims made by X"
        found += [g for a in children_of(clause) if a.dep_ == "agent" for g in children_of(a)]
    return found + _objects(noun, {"of", "by", "from", "in"})


def _objects(token: Token, preps: set[str]) -> list[Token]:
    """The objects of `token`'s prepositions among `preps`."""
    return [
        g
        for c in children_of(token)
        if c.dep_ == "prep" and c.lower_ in preps
        for g in children_of(c)
        if g.dep_ == "pobj"
    ]


def _first_actor(
    tokens: Sequence[Token], index: MentionIndex, speakers: set[ActorRef]
) -> ActorRef | None:
    for token in tokens:
        if token.lower_ in FIRST_PERSON:
            continue
        mention = index.at(token) or next(
            (index.at(t) for t in _owners(token) if index.at(t) is not None), None
        )
        if mention is None or mention.ref in speakers or mention.ref.kind == "place":
            continue
        if any(_same_body(mention.ref, s) for s in speakers):
            continue
        return mention.ref
    return None


def _same_body(target: ActorRef, speaker: ActorRef) -> bool:
    """A speaker for a government, speaking of that government or its country, speaks for
    it, not to it."""
    if target.country != speaker.country or speaker.sector is None:
        return False
    return target.kind == "country" or target.sector == speaker.sector
