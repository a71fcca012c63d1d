"""Reported speech: a cue verb with a clause ("X said (that) ...", "X wondered whether ...",
"X urged Y to ..."), and "according to X" attached to a clause."""

from __future__ import annotations

from spacy.tokens import Token

from communique.docview import children_of
from communique.quotes.bounds import (
    around_speaker,
    cut_at_next_report,
    cut_at_relative_report,
    cut_at_semicolon,
    drop_aside,
    fit_quotes,
    trim,
)
from communique.quotes.content import (
    content_range,
    passive_range,
    passive_subject,
    predicative_range,
)
from communique.quotes.cues import (
    CueLexicon,
    according_object,
    cue_tokens,
    is_according,
    is_cue_verb,
    predicative_prep,
)
from communique.quotes.direct import region_tokens
from communique.quotes.index import DocIndex
from communique.quotes.items import IndirectHit
from communique.quotes.lexicon import OUTLET_WORDS, RELATIVE_PRONOUNS
from communique.quotes.nominal import is_cue_noun, nominal_hit
from communique.quotes.speakers import speaker_of_cue

__all__ = ["IndirectHit", "find_indirect"]

# verbs with "that" clauses that do not report speech or thought
NOT_REPORTING = frozenset(
    {
        "be",
        "make",
        "ensure",
        "mean",
        "have",
        "do",
        "get",
        "seem",
        "appear",
        "happen",
        "matter",
        "require",
        "see",
        "insure",
        "guarantee",
        "provide",
        "stipulate",
        "so",
    }
)


def find_indirect(index: DocIndex, lex: CueLexicon) -> list[IndirectHit]:
    """Reported speech outside quotation marks; reports nested in another report are left out
    (they are part of the outer report's content)."""
    hits: list[IndirectHit] = []
    spans = region_tokens(index)
    for token in index.tokens:
        if index.token_region[token.i] >= 0:
            continue
        hit: IndirectHit | None = None
        if is_according(token):
            hit = _according_hit(index, token, lex)
        elif is_cue_verb(token, lex) or _reports_clause(token):
            hit = _verb_hit(index, token)
        elif (prep := predicative_prep(token, lex)) is not None:
            judged = predicative_range(token, prep)
            hit = _verb_hit(index, token, judged) if judged is not None else None
        elif is_cue_noun(token, lex):
            hit = nominal_hit(index, token)
        if hit is not None:
            hit = fit_quotes(index, hit, spans)
        if hit is not None:
            hits.append(hit)
    return [
        h
        for h in hits
        if not any(o is not h and o.content[0] <= h.cue[0] < o.content[1] for o in hits)
        and not _told_by_its_verb(h, hits)
    ]


def _told_by_its_verb(hit: IndirectHit, hits: list[IndirectHit]) -> bool:
    """ "reiterated the claim that X": the noun's report is the verb's, told once."""
    return hit.how == "noun" and any(o.how != "noun" and o.content == hit.content for o in hits)


def _reports_clause(verb: Token) -> bool:
    """A verb outside the lexicon with a subject and a "that"/"whether" clause ("the aide
    conceded privately that ..."): most such verbs report what someone says or thinks."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in NOT_REPORTING:
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ not in ("it", "there") for c in children_of(verb)):
        return False
    return any(
        c.dep_ == "ccomp"
        and c.i > verb.i
        and any(g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in children_of(c))
        for c in children_of(verb)
    )


def _verb_hit(
    index: DocIndex, verb: Token, predicative: tuple[int, int] | None = None
) -> IndirectHit | None:
    """A cue verb's report; a predicative cue ("sees X as Y") reports only its object and
    complement (`predicative`), never a passive subject ("X was seen as Y" by no one named)."""
    content = predicative if predicative is not None else content_range(verb)
    speaker = speaker_of_cue(verb)
    subject = passive_subject(verb)
    if predicative is None and subject is not None and (content is None or speaker is None):
        content = passive_range(verb, subject, content, agent=speaker is not None)
        if speaker is None:
            return _speakerless_hit(index, verb, content)
    if content is None:
        return None
    if speaker is None or index.token_region[speaker.i] >= 0:
        return None
    content = around_speaker(index, verb, speaker, content)
    if content is None:
        return None
    content = cut_at_next_report(index, verb, *content)
    content = cut_at_semicolon(index, verb, *cut_at_relative_report(index, verb, *content))
    trimmed = trim(index, *drop_aside(index, *content))
    if trimmed is None:
        return None
    how = "verb" if any(c.dep_ == "ccomp" for c in children_of(verb)) else "object"
    return IndirectHit(trimmed, cue_tokens(verb), speaker, how)


def _speakerless_hit(
    index: DocIndex, verb: Token, content: tuple[int, int] | None
) -> IndirectHit | None:
    """A passive report with no agent ("Turnout is expected to rise"): PolNeAR counts it as
    an attribution without a source."""
    if content is None or index.token_para[content[0]] != index.token_para[verb.i]:
        return None
    trimmed = trim(index, *drop_aside(index, *content))
    return IndirectHit(trimmed, cue_tokens(verb), None, "passive") if trimmed else None


def _according_hit(index: DocIndex, token: Token, lex: CueLexicon) -> IndirectHit | None:
    obj = according_object(token)
    if obj is None:
        return None
    clause = token.head
    for _ in range(6):
        if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.i == token.i or _carried_report(clause, obj, lex):
        return None  # "According to the agency, Mayor Lee said ...": Lee's report
    phrase = (token.left_edge.i, token.right_edge.i + 1)
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    if phrase[0] - lo >= hi - phrase[1]:
        content = trim(index, lo, phrase[0])
    else:
        content = trim(index, phrase[1], hi)
    if content is None:
        return None
    return IndirectHit(content, (token.i, token.i + 2), obj, "according")


def _carried_report(verb: Token, source: Token, lex: CueLexicon) -> bool:
    """A news outlet as the source of a cue with a speaker of its own: the outlet only
    carried the report ("According to the agency NTV, the prosecutor said ..."). Any other
    source speaks for the subject ("Colombia urged ..., according to spokesperson Duarte")."""
    if not any(t.lower_ in OUTLET_WORDS for t in source.subtree) or not is_cue_verb(verb, lex):
        return False
    speaker = speaker_of_cue(verb)
    return speaker is not None and speaker.lower_ not in RELATIVE_PRONOUNS
