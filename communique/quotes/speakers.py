"""Who is speaking: the speaker of a cue, the words that name it, and the name it stands for.

`speaker_of_cue` reads the parse (subject, passive agent, the subject of the clause a
participle or relative clause hangs on); `mention_range` trims the speaker's phrase to the
words that name it; `resolve` finds the best named mention (names, titles, pronouns,
organisations, statements) and flags anonymous sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from communique.docview import children_of, same_line, view
from communique.quotes.gender import pronoun_gender
from communique.quotes.index import DocIndex, Name, is_name_token
from communique.quotes.lexicon import (
    ANONYMITY_WORDS,
    ANONYMOUS_NOUNS,
    EXPLETIVES,
    INDEFINITE,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    STATEMENT_NOUNS,
    TITLE_NOUNS,
    TITLE_WORDS,
)

MENTION_RIGHT_DEPS = frozenset(
    {
        "prep",
        "acl",
        "compound",
        "nummod",
        "amod",
        "flat",
        "poss",
        "cc",
        "conj",
        "nmod",
        "case",
        "agent",
        "pobj",
    }
)
MENTION_PREPS = frozenset({"of", "for", "from", "at", "to", "with", "on", "by"})
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp"})
LOOKBACK_SENTS = 4
# cues whose subject "it" is a speaker (a company, a report): "it said", "it found"
IT_CUES = frozenset(
    {
        "say",
        "add",
        "report",
        "state",
        "note",
        "write",
        "find",
        "show",
        "warn",
        "announce",
        "claim",
        "argue",
        "conclude",
        "estimate",
        "tell",
    }
)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The named mention a speaker stands for, as a token range, or None."""

    ref: tuple[int, int] | None
    anonymous: bool
    how: str  # "name", "org", "statement", "pronoun", "title", "none"


def speaker_of_cue(verb: Token) -> Token | None:
    """The head token of whoever utters `verb` (a cue), or None."""
    return _after_according(verb) or _speaker_in_tree(verb) or _name_before(verb)


def _after_according(verb: Token) -> Token | None:
    """ "According to the agency NTV, the prosecutor, Ann Lee, said ...": the parser can hang
    the subject on the source as an apposition; the last one before the cue speaks."""
    while verb.dep_ in CLIMB_DEPS and verb.head.i != verb.i:
        verb = verb.head  # ", adding ...": the cue it adds to
    if verb.pos_ != "VERB":
        return None
    for prep in verb.lefts:
        if prep.lower_ != "according":
            continue
        objects = [g for c in children_of(prep) for g in children_of(c) if g.dep_ == "pobj"]
        subjects = [
            c for c in verb.lefts if c.dep_ == "nsubj" and c.i > prep.i and c.ent_type_ != "PERSON"
        ]
        for source in objects or subjects:  # the parser may make the source the subject
            apps = [a for a in source.subtree if a.dep_ == "appos" and a.right_edge.i < verb.i]
            if apps and verb.doc[apps[0].left_edge.i - 1].text == ",":
                return apps[-1]
    return None


def _name_before(verb: Token) -> Token | None:
    """ "In a meeting with the board Lee said ...": with no comma after the opening phrase the
    parser hides the subject in it; a person's name right before the cue is the speaker."""
    if verb.i == 0 or verb.pos_ != "VERB" or verb.dep_ != "ROOT":
        return None
    before = verb.doc[verb.i - 1]
    opening = any(c.dep_ == "prep" and c.right_edge.i == before.i for c in verb.lefts)
    return before if opening and before.pos_ == "PROPN" else None


def _speaker_in_tree(verb: Token) -> Token | None:
    for _ in range(4):
        subjects = [
            c
            for c in children_of(verb)
            # a bad parse can take a subject from the line above (a time stamp, a heading)
            if c.dep_ in ("nsubj", "csubj") and _may_speak(c, verb) and same_line(c, verb)
        ]
        if subjects:  # of two, the name ("Early critic | MP Joan Hale said")
            return next((c for c in subjects if c.pos_ == "PROPN"), subjects[0])
        for child in children_of(verb):
            if child.dep_ == "agent":
                for obj in children_of(child):
                    if obj.dep_ == "pobj":
                        return obj
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        if verb.dep_ in CLIMB_DEPS and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
            participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
            verb = verb.head
            if participle and verb.dep_ == "ccomp" and verb.head.pos_ == "VERB":
                verb = verb.head  # "Lee said the 12 must face charges, adding ...": Lee adds
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
            verb = verb.head.head  # "began by saying ...": the subject of "began"
            continue
        return None
    return None


def _may_speak(subject: Token, verb: Token) -> bool:
    """Not an expletive ("it seems", "there is"); "it" speaks with cues such as "it said"."""
    if subject.lower_ == "it":
        return verb.lemma_.lower() in IT_CUES
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return True  # "the agency, which said ...": resolved to its noun
    return subject.lower_ not in EXPLETIVES - {"that"}


def antecedent(token: Token) -> Token | None:
    """For a relative pronoun ("who also pointed out"), the noun it stands for."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return None


def mention_range(head: Token) -> tuple[int, int]:
    """Token range of the words naming the speaker: the head with its modifiers, without
    relative clauses, appositives and anything after a comma."""
    doc = view(head.doc).tokens  # indexing the Doc itself makes a new Token each time
    start = head.left_edge.i
    for j in range(head.i - 1, start - 1, -1):
        if "\n" in doc[j].text:
            start = j + 1
            break
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    end = head.i + 1
    for child in head.rights:
        if any("\n" in t.text for t in doc[end : child.right_edge.i + 1]):  # tuple slice
            break
        if child.dep_ == "prep" and child.lower_ not in MENTION_PREPS:
            break
        if child.dep_ not in MENTION_RIGHT_DEPS or child.i != end:
            if child.i == end and child.dep_ == "punct" and child.text in ("’s", "'s"):
                end += 1
                continue
            break
        end = child.right_edge.i + 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return start, end


def resolve(index: DocIndex, head: Token, start: int, end: int, *, depth: int = 0) -> Resolution:
    """The named mention the speaker phrase [start, end) with head `head` stands for."""
    tokens = index.tokens
    lower = head.lower_
    words = {t.lower_ for t in tokens[start:end]}
    noun = antecedent(head)
    if noun is not None and depth < 2:  # "who said": the mention is "who", the ref its noun
        s, e = mention_range(noun)
        inner = resolve(index, noun, s, e, depth=depth + 1)
        return Resolution(inner.ref or (s, e), inner.anonymous, inner.how)
    named = _appositive_name(head)
    if named is not None and depth < 2:  # "Georgia's economy minister, Nino Beridze, told"
        s, e = mention_range(named)
        inner = resolve(index, named, s, e, depth=depth + 1)
        return Resolution(inner.ref or (s, e), False, "appositive")
    if lower in PERSON_PRONOUNS:
        ref = _previous_name(index, head.i, kinds=("person",), gender=pronoun_gender(lower))
        return Resolution(ref, False, "pronoun")
    if lower in PLURAL_PRONOUNS or lower in ("it", "its"):
        return Resolution(_previous_name(index, head.i, kinds=("org",)), False, "pronoun")
    if _is_anonymous(head, words):
        return Resolution(None, True, "none")
    if head.lemma_.lower() in STATEMENT_NOUNS and not is_name_token(head):
        source = _statement_source(head)
        if source is not None and depth < 2:
            s, e = mention_range(source)
            inner = resolve(index, source, s, e, depth=depth + 1)
            return Resolution(inner.ref, inner.anonymous, "statement")
        return Resolution(None, False, "none")
    if is_name_token(head) or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return Resolution(_name_ref(index, head, start, end), False, "name")
    if lower in ORG_NOUNS or head.lemma_.lower() in ORG_NOUNS:
        return Resolution(_org_ref(index, head, start, end), False, "org")
    if head.lemma_.lower() in TITLE_NOUNS:
        return Resolution(_title_ref(index, head, start), False, "title")
    return Resolution(None, False, "none")


def _appositive_name(head: Token) -> Token | None:
    """The name in apposition to a title or description that heads the speaker phrase."""
    if is_name_token(head):
        return None
    for child in children_of(head):
        if child.dep_ == "appos" and is_name_token(child):
            return child
    return None


def _is_anonymous(head: Token, words: set[str]) -> bool:
    if words & ANONYMITY_WORDS:
        return True
    if head.lemma_.lower() not in ANONYMOUS_NOUNS or is_name_token(head):
        return False
    if any(is_name_token(t) and t.ent_type_ == "PERSON" for t in head.subtree):
        return False
    dets = [c.lower_ for c in children_of(head) if c.dep_ in ("det", "nummod", "amod", "quantmod")]
    if any(d in INDEFINITE for d in dets):
        return True
    has_det = any(c.dep_ in ("det", "poss") for c in children_of(head))
    return head.tag_ == "NNS" and not has_det


def _statement_source(head: Token) -> Token | None:
    """ "a statement issued by X", "a statement from X", "X's statement" -> X."""
    for token in head.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in ("by", "from", "of") and token != head:
            return token
    for child in children_of(head):
        if child.dep_ == "poss":
            return child
    return None


def _name_ref(index: DocIndex, head: Token, start: int, end: int) -> tuple[int, int] | None:
    tokens = index.tokens
    if head.lower_ in ORG_NOUNS or head.ent_type_ in ("ORG",):
        s = start + (1 if tokens[start].lower_ in ("the", "a", "an") else 0)
        return s, head.i + 1
    if head.lower_ in TITLE_WORDS and not any(
        is_name_token(t) and t.lower_ not in TITLE_WORDS for t in tokens[start:end]
    ):
        return _title_ref(index, head, start)  # "Minister", "the President"
    s, e = head.i, head.i + 1
    while (
        s - 1 >= start
        and is_name_token(tokens[s - 1])
        and tokens[s - 1].lower_ not in TITLE_WORDS
    ):
        s -= 1
    if head.ent_type_ == "PERSON" and e - s == 1:
        return _full_name(index, head) or (s, e)
    return s, e


def _full_name(index: DocIndex, head: Token) -> tuple[int, int] | None:
    """The longest mention of a person whose last word is `head` ("Miller" -> "Matthew Miller")."""
    best: Name | None = None
    for name in index.names:
        if name.kind != "person" or index.tokens[name.end - 1].text != head.text:
            continue
        if best is None or name.end - name.start > best.end - best.start:
            best = name
    if best is None:
        return None
    s = best.start
    while s < best.end - 1 and index.tokens[s].lower_ in TITLE_WORDS:
        s += 1
    return s, best.end


def _org_ref(index: DocIndex, head: Token, start: int, end: int) -> tuple[int, int] | None:
    tokens = index.tokens
    whose = next((c for c in children_of(head) if c.lower_ == "whose"), None)
    if whose is not None:
        return _whose_antecedent(whose)
    named = any(
        c.dep_ in ("poss", "compound", "amod") and (is_name_token(c) or c.ent_type_)
        for c in children_of(head)
    )
    if named or is_name_token(head):
        s = start + (1 if tokens[start].lower_ in ("the", "a", "an") else 0)
        return s, head.i + 1
    word = head.lower_
    for name in reversed(index.names):
        if name.start >= head.i:
            continue
        if any(t.lower_ == word for t in tokens[name.start : name.end]):
            return name.start, name.end
    return None


def _whose_antecedent(whose: Token) -> tuple[int, int] | None:
    """ "Armenia and Artsakh, whose foreign ministries ..." -> "Armenia and Artsakh"."""
    j = whose.i - 1
    while j >= 0 and whose.doc[j].is_punct:
        j -= 1
    if j < 0 or whose.doc[j].pos_ not in ("PROPN", "NOUN"):
        return None
    antecedent = whose.doc[j]
    while antecedent.dep_ == "conj" and antecedent.head.i < antecedent.i:
        antecedent = antecedent.head
    while antecedent.dep_ in ("compound", "poss") and antecedent.head.i > antecedent.i:
        antecedent = antecedent.head
    start, end = mention_range(antecedent)
    while start < end - 1 and whose.doc[start].dep_ in ("preconj", "det"):
        start += 1
    return start, end


def _title_ref(index: DocIndex, head: Token, start: int) -> tuple[int, int] | None:
    """ "the spokesperson" -> the latest earlier person named with that title nearby."""
    tokens = index.tokens
    title = head.lemma_.lower()
    stems = [
        c.lower_[:5]
        for c in children_of(head)
        if c.dep_ in ("amod", "compound", "poss") and len(c.text) > 4 and c.text[:1].isupper()
    ]  # "the Israeli / Israel's prime minister": a person named near "Israel"
    fallback: tuple[int, int] | None = None
    for name in reversed(index.names):
        if name.start >= start or name.kind != "person":
            continue
        window = tokens[max(0, name.start - 6) : min(len(tokens), name.end + 6)]
        near = {t.lemma_.lower() for t in window}
        stem_ok = not stems or any(t.lower_[:5] in stems for t in window)
        span = _full_name(index, tokens[name.end - 1]) or (name.start, name.end)
        if title in near and stem_ok:
            return span
        if fallback is None and stem_ok:
            fallback = span
    return fallback


def _previous_name(
    index: DocIndex, i: int, *, kinds: tuple[str, ...], gender: str | None = None
) -> tuple[int, int] | None:
    """The latest earlier name of a kind within a few sentences; in the nearest sentence that
    has one, its subject is preferred, else its first such name. A person the article gives
    the other gender is passed over."""
    tokens = index.tokens
    sent_no = index.sent_number(i)
    candidates: list[Name] = []
    target = -1
    for name in reversed(index.names):
        if name.start >= i:
            continue
        name_sent = index.sent_number(name.start)
        if sent_no - name_sent > LOOKBACK_SENTS or (candidates and name_sent != target):
            break
        other = index.genders.get(tokens[name.end - 1].text) if gender is not None else None
        if name.kind in kinds and (other is None or other == gender):
            candidates.append(name)
            target = name_sent
    if not candidates:
        return None
    subjects = [n for n in candidates if n.subject]
    best = subjects[0] if subjects else candidates[-1]
    if best.kind == "person":
        return _full_name(index, tokens[best.end - 1]) or (best.start, best.end)
    return best.start, best.end
