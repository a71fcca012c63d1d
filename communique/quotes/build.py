"""Building `QuoteFinding` records from token ranges: speaker, evidence and confidence, and
the mixed quotes a reported clause makes of the quotations inside it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from communique.model import Span
from communique.quotes.index import DocIndex
from communique.quotes.items import IndirectHit, QuoteFinding, QuoteKindName
from communique.quotes.speakers import mention_range, resolve

MIN_NARRATED_WORDS = 2
BASE_CONFIDENCE = {"direct": 0.9, "mixed": 0.75, "indirect": 0.7}
HOW_FACTOR = {"name": 1.0, "org": 0.95, "statement": 0.95, "pronoun": 0.85, "title": 0.85}


@dataclass(frozen=True, slots=True)
class Speaker:
    mention: tuple[int, int]
    ref: tuple[int, int] | None
    anonymous: bool
    how: str


def speaker_at(index: DocIndex, head: Token) -> Speaker:
    start, end = mention_range(head)
    res = resolve(index, head, start, end)
    return Speaker((start, end), res.ref, res.anonymous, res.how)


def make_finding(
    index: DocIndex,
    content: tuple[int, int],
    tokens: tuple[int, int],
    kind: QuoteKindName,
    cue: tuple[int, int] | None,
    speaker: Speaker | None,
    *,
    continued: bool,
) -> QuoteFinding:
    text = index.text
    starts = [tokens[0], tokens[1] - 1]
    if cue is not None:
        starts += [cue[0], cue[1] - 1]
    if speaker is not None:
        starts += [speaker.mention[0], speaker.mention[1] - 1]
    s_tok = min(index.sent_bounds(i)[0] for i in starts)
    e_tok = max(index.sent_bounds(i)[1] for i in starts)
    evidence = strip_space(text, *char_range(index, s_tok, e_tok))
    return QuoteFinding(
        content=Span.of(text, *content),
        kind=kind,
        cue=Span.of(text, *char_range(index, *cue)) if cue is not None else None,
        speaker_mention=Span.of(text, *char_range(index, *speaker.mention)) if speaker else None,
        speaker_ref=Span.of(text, *char_range(index, *speaker.ref))
        if speaker is not None and speaker.ref is not None
        else None,
        evidence=Span.of(text, *evidence),
        anonymous=speaker.anonymous if speaker is not None else False,
        confidence=confidence(kind, speaker, continued=continued),
    )


def confidence(kind: QuoteKindName, speaker: Speaker | None, *, continued: bool) -> float:
    if speaker is None:
        return 0.3
    score = BASE_CONFIDENCE[kind]
    if speaker.anonymous:
        score *= 0.8
    elif speaker.ref is None:
        score *= 0.6
    else:
        score *= HOW_FACTOR.get(speaker.how, 0.7)
    if continued:
        score *= 0.8
    return round(score, 3)


def char_range(index: DocIndex, start: int, end: int) -> tuple[int, int]:
    tokens = index.tokens
    last = tokens[end - 1]
    return tokens[start].idx, last.idx + len(last.text)


def strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def give_clause(
    index: DocIndex,
    findings: list[QuoteFinding],
    inside: list[QuoteFinding],
    report: QuoteFinding,
    tokens: tuple[int, int],
) -> None:
    """Quotes wholly inside a reported clause that has words of its own outside the marks
    are fragments of a mixed quote: they take the clause and the report's attribution."""
    clause = report.content
    if any(f.content.start < clause.start or f.content.end > clause.end for f in inside):
        return
    if any(f.kind == "direct" for f in inside) and not narrated(index, tokens):
        return
    for f in inside:
        if f.clause is not None:
            continue
        findings[findings.index(f)] = dataclasses.replace(
            f,
            kind="mixed",
            clause=clause,
            cue=report.cue or f.cue,
            speaker_mention=report.speaker_mention or f.speaker_mention,
            speaker_ref=report.speaker_ref or f.speaker_ref,
            anonymous=report.anonymous,
        )


def narrated(index: DocIndex, tokens: tuple[int, int]) -> bool:
    """The clause has at least two words of its own outside quotation marks."""
    own = [
        t
        for t in index.tokens[tokens[0] : tokens[1]]
        if index.token_region[t.i] < 0 and t.is_alpha and t.lower_ != "that"
    ]
    return len(own) >= MIN_NARRATED_WORDS


def indirect_findings(
    index: DocIndex,
    findings: list[QuoteFinding],
    hits: list[IndirectHit],
    move: Callable[[QuoteFinding], QuoteFinding] | None = None,
) -> list[QuoteFinding]:
    """Reported speech. A report whose clause holds quoted fragments gives them its clause,
    cue and speaker (the outer report is the attribution) instead of a finding of its own.
    `move` puts a finding of another parse (a re-read headline) into the article's text."""
    out: list[QuoteFinding] = []
    for hit in hits:
        content = char_range(index, *hit.content)
        speaker = speaker_at(index, hit.speaker) if hit.speaker is not None else None
        finding = make_finding(
            index, content, hit.content, "indirect", hit.cue, speaker, continued=False
        )
        if move is not None:
            finding = move(finding)
            content = (finding.content.start, finding.content.end)
        inside = [
            f for f in findings if f.content.start < content[1] and content[0] < f.content.end
        ]
        if inside:
            give_clause(index, findings, inside, finding, hit.content)
            continue
        if hit.how == "object":  # "vowed more aggression": what was said is less certain
            finding = dataclasses.replace(finding, confidence=round(finding.confidence * 0.7, 3))
        out.append(finding)
    return out
