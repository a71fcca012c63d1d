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
from .items import EventFinding
from .ontology import load_patterns, read_tsv, verb_lemma

# Speakers whose words are no political act: people with no sector, civilians.
NON_POLITICAL_SECTORS = frozenset({"CVL"})
FIRST_PERSON = frozenset({"i", "we"})
NEUTRAL_CUES = frozenset(
    {"say", "tell", "add", "write", "state", "note", "explain", "according", "post", "tweet",
     "continue", "declare", "remark", "comment", "speak", "read"}
)  # fmt: skip
CONFIDENCE = 0.5


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
    tokens = view(doc).tokens
    known = {(e.evidence.start, e.source, e.target, e.root) for e in coded}
    out: list[EventFinding] = []
    for number, (quote, link) in enumerate(zip(quotes, speakers, strict=True)):
        if link is None or not _neutral(doc, quote):
            continue
        sources = [r for r in link.refs if _political(r)]
        if not sources:
            continue
        seen: set[tuple[ActorRef, ActorRef, str]] = set()
        for token, word in _words(tokens, quote, index):
            target = _target(token, quote, index, set(link.refs))
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
                        trigger=Span(token.text, token.idx, token.idx + len(token.text)),
                        evidence=quote.evidence,
                        quote=number,
                        confidence=CONFIDENCE,
                    )
                )
    return out


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


def _political(ref: ActorRef) -> bool:
    """An actor whose words act: a person or group with a sector, a body, a country."""
    if ref.kind == "person" or ref.kind == "group":
        return ref.sector is not None and ref.sector not in NON_POLITICAL_SECTORS
    return ref.sector not in NON_POLITICAL_SECTORS


def _words(
    tokens: Sequence[Token], quote: QuoteFinding, index: MentionIndex
) -> list[tuple[Token, SpeechWord]]:
    """The lexicon's words in the quote's content, not negated and not said of another
    actor's own act."""
    lexicon = speech_words()
    found: list[tuple[Token, SpeechWord]] = []
    content = [t for t in tokens if quote.content.start <= t.idx < quote.content.end]
    for k, token in enumerate(content):
        word = _match(content, k, lexicon)
        if word is None:
            continue
        phrase = len(word.words) > 1  # a phrase carries its own negation ("will not accept")
        if (phrase or not _negated(token)) and _speakers_own(token, index):
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


def _negated(token: Token) -> bool:
    head = token if token.pos_ in {"VERB", "AUX"} else token.head
    return any(c.dep_ == "neg" for c in (*children_of(token), *children_of(head)))


def _speakers_own(token: Token, index: MentionIndex) -> bool:
    """A verb of the lexicon is the speaker's act only with "I"/"we" or no subject ("We
    thank ...", "Thank you"); "Veloria rejected our offer" is Veloria's."""
    if token.pos_ != "VERB":
        return True
    subject = next((c for c in children_of(token) if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is None or subject.lower_ in FIRST_PERSON


def _target(
    token: Token, quote: QuoteFinding, index: MentionIndex, speakers: set[ActorRef]
) -> ActorRef | None:
    """Whom the word is said of: the subject of its clause ("Veloria is the aggressor"),
    its object ("we thank Veloria"), else the actor named nearest it in the quote."""
    clause = token if token.pos_ in {"VERB", "AUX"} else token.head
    for _ in range(3):
        for child in children_of(clause):
            if child.dep_ in {"nsubj", "nsubjpass", "dobj", "dative", "attr", "pobj"}:
                ref = _actor(child, index, speakers)
                if ref is not None:
                    return ref
            if child.dep_ == "prep":
                for grand in children_of(child):
                    ref = _actor(grand, index, speakers) if grand.dep_ == "pobj" else None
                    if ref is not None:
                        return ref
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return _nearest(token, quote, index, speakers)


def _actor(token: Token, index: MentionIndex, speakers: set[ActorRef]) -> ActorRef | None:
    if token.lower_ in FIRST_PERSON:
        return None
    mention = index.at(token)
    if mention is None:
        for child in children_of(token):  # "the people of Veloria", "Veloria's army"
            if child.dep_ in {"poss", "compound"} or child.dep_ == "prep":
                inner = child if child.dep_ != "prep" else next(
                    (g for g in children_of(child) if g.dep_ == "pobj"), None
                )
                mention = index.at(inner) if inner is not None else None
                if mention is not None:
                    break
    if mention is None or mention.ref in speakers or mention.ref.kind == "place":
        return None
    return mention.ref


def _nearest(
    token: Token, quote: QuoteFinding, index: MentionIndex, speakers: set[ActorRef]
) -> ActorRef | None:
    """The actor named nearest the word inside the quote's content."""
    best: tuple[int, ActorRef] | None = None
    for mention in index.mentions:
        span = mention.span
        if not quote.content.start <= span.start < quote.content.end or mention.ref in speakers:
            continue
        if mention.span.text.lower() in FIRST_PERSON:
            continue
        distance = abs(span.start - token.idx)
        if best is None or distance < best[0]:
            best = (distance, mention.ref)
    return best[1] if best is not None else None
