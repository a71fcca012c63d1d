"""Reported speech: a cue verb with a clause ("X said (that) ...", "X wondered whether ...",
"X urged Y to ..."), and "according to X" attached to a clause."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from communique.quotes.cues import (
    CLAUSE_ONLY,
    TO_CUES,
    CueLexicon,
    according_object,
    cue_tokens,
    is_according,
    is_cue_verb,
    lexicon,
)
from communique.quotes.index import DocIndex
from communique.quotes.speakers import speaker_of_cue

MIN_CONTENT_TOKENS = 3
MIN_OBJECT_TOKENS = 3
WH_WORDS = frozenset({"how", "why", "whether"})  # not "if"/"when": conditions and times
# cues whose direct object is the addressee, not what was said
ADDRESSEE_CUES = frozenset({"tell", "ask", "inform", "advise", "warn", "remind", "assure"})
# cues whose direct object can be what was said ("proposed a new tax", "cited the report")
OBJECT_CUES = frozenset(
    {
        "propose",
        "mention",
        "cite",
        "demand",
        "announce",
        "predict",
        "recommend",
        "deny",
        "confirm",
        "acknowledge",
        "admit",
        "reiterate",
        "repeat",
        "promise",
        "vow",
        "pledge",
        "call",
        "suggest",
        "reject",
        "dismiss",
        "question",
        "claim",
        "describe",
        "allege",
        "threaten",
        "report",
        "reveal",
        "disclose",
        "forecast",
        "estimate",
        "tout",
        "decry",
        "condemn",
        "criticize",
        "criticise",
        "blast",
        "slam",
        "denounce",
        "endorse",
        "support",
        "echo",
        "offer",
        "urge",
        "charge",
        "accuse",
        "blame",
    }
)
LEADING_MARKS = frozenset({"that"})


@dataclass(frozen=True, slots=True)
class IndirectHit:
    """Reported speech found in the parse: token ranges [start, end) and the speaker head."""

    content: tuple[int, int]
    cue: tuple[int, int]
    speaker: Token | None
    how: str  # "verb", "object" (the cue's object is what was said) or "according"


def find_indirect(index: DocIndex, lex: CueLexicon) -> list[IndirectHit]:
    """Reported speech outside quotation marks; reports nested in another report are left out
    (they are part of the outer report's content)."""
    hits: list[IndirectHit] = []
    for token in index.doc:
        if index.token_region[token.i] >= 0:
            continue
        hit: IndirectHit | None = None
        if is_according(token):
            hit = _according_hit(index, token)
        elif is_cue_verb(token, lex):
            hit = _verb_hit(index, token)
        if hit is not None and not _touches_quote(index, hit):
            hits.append(hit)
    return [
        h
        for h in hits
        if not any(o is not h and o.content[0] <= h.cue[0] < o.content[1] for o in hits)
    ]


def _verb_hit(index: DocIndex, verb: Token) -> IndirectHit | None:
    content = _content_range(verb)
    if content is None:
        return None
    speaker = speaker_of_cue(verb)
    if speaker is None or index.token_region[speaker.i] >= 0:
        return None
    if content[0] <= speaker.i < content[1]:
        return None
    trimmed = _trim(index, *_cut_at_next_report(index, verb, *content))
    if trimmed is None:
        return None
    how = "verb" if any(c.dep_ == "ccomp" for c in verb.children) else "object"
    return IndirectHit(trimmed, cue_tokens(verb), speaker, how)


def _content_range(verb: Token) -> tuple[int, int] | None:
    """Token range of what `verb` reports, tried from the most to the least reliable parse."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    comps = [c for c in children if c.dep_ == "ccomp"]
    if comps:
        if lemma in CLAUSE_ONLY and comps[0].i < verb.i:
            return None
        return comps[0].left_edge.i, comps[-1].right_edge.i + 1
    if lemma in TO_CUES:
        comp = next(
            (
                c
                for c in children
                if c.dep_ == "xcomp"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        if comp is not None:
            obj = next((c for c in children if c.dep_ in ("dobj", "dative") and c.i < comp.i), None)
            start = (
                obj.left_edge.i
                if obj is not None and lemma not in ADDRESSEE_CUES
                else comp.left_edge.i
            )
            return start, comp.right_edge.i + 1
    for child in children:
        if child.dep_ in ("dobj", "dative"):
            clause = _that_clause(child)
            if clause is not None:
                return clause
        if (
            child.dep_ == "advcl"
            and child.i > verb.i
            and any(g.lower_ in WH_WORDS and g.dep_ in ("advmod", "mark") for g in child.children)
        ):
            return child.left_edge.i, child.right_edge.i + 1
    if lemma in OBJECT_CUES:
        for child in children:
            if (
                child.dep_ == "dobj"
                and child.i > verb.i
                and child.right_edge.i - child.left_edge.i + 1 >= MIN_OBJECT_TOKENS
            ):
                return child.left_edge.i, child.right_edge.i + 1
            if child.dep_ == "prep" and child.lower_ == "for" and lemma == "call":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj.left_edge.i, obj.right_edge.i + 1
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        head = verb.head
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        if verb.left_edge.i > lo:
            return lo, hi if verb.right_edge.i + 1 < hi else verb.left_edge.i
    return None


def _that_clause(obj: Token) -> tuple[int, int] | None:
    """ "told reporters that ..." parsed with the clause under the object."""
    for token in obj.subtree:
        if (
            token.i != obj.i
            and token.pos_ in ("VERB", "AUX")
            and any(
                g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in token.children
            )
        ):
            return token.left_edge.i, token.right_edge.i + 1
    return None


def _cut_at_next_report(index: DocIndex, verb: Token, start: int, end: int) -> tuple[int, int]:
    """Stop the content before a second report by the same speaker ("... and warned that ...",
    "..., arguing that ..."); that report is a quote of its own."""
    lex = lexicon()
    for token in index.doc[start + 1 : end]:
        if (
            token.dep_ in ("conj", "advcl")
            and token.head.i != verb.i
            and token.head.dep_ in ("ccomp", "xcomp")
            and token.head.head.i == verb.i
            and not is_cue_verb(token.head, lex)
            and is_cue_verb(token, lex)
            and not any(c.dep_.startswith("nsubj") for c in token.children)
            and _content_range(token) is not None
        ):
            cut = token.left_edge.i
            while cut > start and index.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            return start, cut
    return start, end


def _according_hit(index: DocIndex, token: Token) -> IndirectHit | None:
    obj = according_object(token)
    if obj is None:
        return None
    clause = token.head
    for _ in range(6):
        if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.i == token.i:
        return None
    phrase = (token.left_edge.i, token.right_edge.i + 1)
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    if phrase[0] - lo >= hi - phrase[1]:
        content = _trim(index, lo, phrase[0])
    else:
        content = _trim(index, phrase[1], hi)
    if content is None:
        return None
    return IndirectHit(content, (token.i, token.i + 2), obj, "according")


def _trim(index: DocIndex, start: int, end: int) -> tuple[int, int] | None:
    doc = index.doc
    while start < end and (
        doc[start].is_punct
        or doc[start].is_space
        or (doc[start].lower_ in LEADING_MARKS and doc[start].dep_ == "mark")
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if index.token_region[end - 1] >= 0:
            break
        end -= 1
    if end - start < MIN_CONTENT_TOKENS:
        return None
    return start, end


def _touches_quote(index: DocIndex, hit: IndirectHit) -> bool:
    """Content overlapping quotation marks is handled as a direct or mixed quote."""
    return any(index.token_region[i] >= 0 for i in range(*hit.content))
