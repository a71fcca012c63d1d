"""find_quotes: direct, indirect and mixed quotes with cue and speaker, in text order.

DOCS: see the package docstring (`communique/quotes/__init__.py`) for what each kind means.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from communique.model import Span
from communique.quotes.cues import lexicon
from communique.quotes.direct import (
    Attribution,
    attribute_by_tree,
    attribute_window,
    dash_line,
    is_embedded,
    post_window,
    pre_window,
    region_tokens,
    scare_or_title,
)
from communique.quotes.index import DocIndex, build_index, is_name_token
from communique.quotes.indirect import IndirectHit, find_indirect
from communique.quotes.items import QuoteFinding, QuoteKindName
from communique.quotes.lexicon import STATEMENT_NOUNS, TITLE_NOUNS
from communique.quotes.marks import SPEAKER_LABEL
from communique.quotes.speakers import mention_range, resolve
from communique.quotes.transcript import find_turns, label_ref

MIN_UNATTRIBUTED_WORDS = 8
MIN_NARRATED_WORDS = 2
BASE_CONFIDENCE = {"direct": 0.9, "mixed": 0.75, "indirect": 0.7}
HOW_FACTOR = {"name": 1.0, "org": 0.95, "statement": 0.95, "pronoun": 0.85, "title": 0.85}


@dataclass(frozen=True, slots=True)
class _Speaker:
    mention: tuple[int, int]
    ref: tuple[int, int] | None
    anonymous: bool
    how: str


def find_quotes(doc: Doc) -> list[QuoteFinding]:
    """All quotes in `doc`, in text order.

    Example:
        >>> [q.speaker_ref.text for q in find_quotes(nlp('“We won,” Ann Lee said.'))]
        ['Ann Lee']
    """
    if len(doc) == 0:
        return []
    index = build_index(doc)
    hits = find_indirect(index, lexicon())
    findings = _turn_findings(index)
    findings += _quote_mark_findings(index, _reporters(index, hits))
    findings += _indirect_findings(index, findings, hits)
    headline = _headline(index, findings)
    if headline is not None:
        findings.append(headline)
    findings.sort(key=lambda f: (f.content.start, f.content.end))
    return findings


def _reporters(index: DocIndex, hits: list[IndirectHit]) -> dict[int, list[tuple[int, int]]]:
    """Per paragraph, (end of reported content, speaker head) of each reported-speech hit, so
    a quote with no cue after "Lee said the storm had passed." continues Lee."""
    out: dict[int, list[tuple[int, int]]] = {}
    for hit in hits:
        if hit.speaker is not None and hit.how != "object":
            out.setdefault(index.token_para[hit.cue[0]], []).append((hit.content[1], hit.speaker.i))
    return out


def _indirect_findings(
    index: DocIndex, findings: list[QuoteFinding], hits: list[IndirectHit]
) -> list[QuoteFinding]:
    """Reported speech. A report whose clause holds quoted fragments gives them its clause,
    cue and speaker (the outer report is the attribution) instead of a finding of its own."""
    out: list[QuoteFinding] = []
    for hit in hits:
        content = _char_range(index, *hit.content)
        speaker = _speaker(index, hit.speaker) if hit.speaker is not None else None
        finding = _finding(
            index, content, hit.content, "indirect", hit.cue, speaker, continued=False
        )
        inside = [
            f for f in findings if f.content.start < content[1] and content[0] < f.content.end
        ]
        if inside:
            _give_clause(index, findings, inside, finding, hit.content)
            continue
        if hit.how == "object":  # "vowed more aggression": what was said is less certain
            finding = dataclasses.replace(finding, confidence=round(finding.confidence * 0.7, 3))
        out.append(finding)
    return out


def _give_clause(
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
    if any(f.kind == "direct" for f in inside) and not _narrated(index, tokens):
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


def _narrated(index: DocIndex, tokens: tuple[int, int]) -> bool:
    """The clause has at least two words of its own outside quotation marks."""
    own = [
        t
        for t in index.doc[tokens[0] : tokens[1]]
        if index.token_region[t.i] < 0 and t.is_alpha and t.lower_ != "that"
    ]
    return len(own) >= MIN_NARRATED_WORDS


def _quote_mark_findings(
    index: DocIndex, reporters: dict[int, list[tuple[int, int]]]
) -> list[QuoteFinding]:
    lex = lexicon()
    findings: list[QuoteFinding] = []
    by_para: dict[int, _Speaker] = {}  # the latest speaker of each paragraph
    texts = _paragraph_texts(index)
    for k, (first, last) in sorted(region_tokens(index).items()):
        region = index.regions[k]
        inner = index.text[region.start : region.end]
        if not any(ch.isalnum() for ch in inner) or SPEAKER_LABEL.match(index.text, region.start):
            continue
        embedded = is_embedded(index, lex, first)
        if embedded and scare_or_title(index, first, last, inner):
            continue
        att = _attribute(index, first, last, inner, embedded=embedded)
        para = index.token_para[first]
        speaker = _speaker(index, att.speaker) if att and att.speaker is not None else None
        continued = False
        if speaker is None and not embedded:
            speaker = (
                _reported_before(index, reporters, para, first)
                or by_para.get(para)
                or _previous_paragraph(index, by_para, para, texts)
            )
            continued = speaker is not None
        if speaker is None and (embedded or len(inner.split()) < MIN_UNATTRIBUTED_WORDS):
            continue
        kind: QuoteKindName = "mixed" if embedded else "direct"
        cue = att.cue if att is not None else None
        findings.append(
            _finding(
                index,
                (region.start, region.end),
                (first, last),
                kind,
                cue,
                speaker,
                continued=continued,
            )
        )
        if speaker is not None:
            by_para[index.token_para[last - 1]] = speaker
            by_para.setdefault(para, speaker)
    return findings


def _reported_before(
    index: DocIndex, reporters: dict[int, list[tuple[int, int]]], para: int, first: int
) -> _Speaker | None:
    """The speaker of the latest report that ends before the quote in its paragraph, when no
    other quote comes between them."""
    before = [(end, head) for end, head in reporters.get(para, []) if end <= first]
    if not before:
        return None
    end, head = max(before)
    if any(index.token_region[i] >= 0 for i in range(end, first - 1)):
        return None
    return _speaker(index, index.doc[head])


def _turn_findings(index: DocIndex) -> list[QuoteFinding]:
    findings: list[QuoteFinding] = []
    doc = index.doc
    for turn in find_turns(index.text):
        label = doc.char_span(*turn.label, alignment_mode="expand")
        words = doc.char_span(*turn.content, alignment_mode="expand")
        if label is None or words is None:
            continue
        ref = label_ref(index, label.text)
        speaker = _Speaker((label.start, label.end), ref, False, "name" if ref else "none")
        colon = doc.char_span(*turn.colon, alignment_mode="expand")
        cue = (colon.start, colon.end) if colon is not None else None
        findings.append(
            _finding(
                index,
                turn.content,
                (words.start, words.end),
                "direct",
                cue,
                speaker,
                continued=False,
            )
        )
    return findings


def _attribute(
    index: DocIndex, first: int, last: int, inner: str, *, embedded: bool
) -> Attribution | None:
    lex = lexicon()
    if embedded:
        return attribute_by_tree(index, lex, first, last) or attribute_window(
            index, lex, post_window(index, last), after=True, closes_sentence=False
        )
    closes = inner.rstrip("”’\"' )").endswith(".")
    post = attribute_window(
        index, lex, post_window(index, last), after=True, closes_sentence=closes
    )
    pre_tokens = pre_window(index, first)
    pre = attribute_window(index, lex, pre_tokens, after=False, closes_sentence=False)
    pre_first = bool(pre_tokens) and pre_tokens[-1].text in (":", ",") and not inner.endswith(",")
    if pre_first and not (post is not None and post.how == "dash"):  # a signature wins
        found = pre or post or attribute_by_tree(index, lex, first, last)
    else:
        found = post or pre or attribute_by_tree(index, lex, first, last)
    signed = dash_line(index, last) if found is None else None
    return Attribution(None, signed, "dash") if signed is not None else found


def _previous_paragraph(
    index: DocIndex, by_para: dict[int, _Speaker], para: int, texts: tuple[set[int], set[int]]
) -> _Speaker | None:
    """A paragraph that is only a quotation continues the speaker of the paragraph before,
    when no paragraph with words comes between them."""
    with_words, with_narration = texts
    if para in with_narration:
        return None
    previous = [p for p in by_para if p < para]
    if not previous:
        return None
    nearest = max(previous)
    if any(nearest < p < para for p in with_words):
        return None
    return by_para[nearest]


def _paragraph_texts(index: DocIndex) -> tuple[set[int], set[int]]:
    """Paragraphs with any words, and paragraphs with words outside quotation marks."""
    with_words: set[int] = set()
    with_narration: set[int] = set()
    for token in index.doc:
        if token.is_alpha or token.like_num:
            para = index.token_para[token.i]
            with_words.add(para)
            if index.token_region[token.i] < 0:
                with_narration.add(para)
    return with_words, with_narration


def _speaker(index: DocIndex, head: Token) -> _Speaker:
    start, end = mention_range(head)
    res = resolve(index, head, start, end)
    return _Speaker((start, end), res.ref, res.anonymous, res.how)


def _finding(
    index: DocIndex,
    content: tuple[int, int],
    tokens: tuple[int, int],
    kind: QuoteKindName,
    cue: tuple[int, int] | None,
    speaker: _Speaker | None,
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
    evidence = _strip(text, *_char_range(index, s_tok, e_tok))
    return QuoteFinding(
        content=Span.of(text, *content),
        kind=kind,
        cue=Span.of(text, *_char_range(index, *cue)) if cue is not None else None,
        speaker_mention=Span.of(text, *_char_range(index, *speaker.mention)) if speaker else None,
        speaker_ref=Span.of(text, *_char_range(index, *speaker.ref))
        if speaker is not None and speaker.ref is not None
        else None,
        evidence=Span.of(text, *evidence),
        anonymous=speaker.anonymous if speaker is not None else False,
        confidence=_confidence(kind, speaker, continued=continued),
    )


def _confidence(kind: QuoteKindName, speaker: _Speaker | None, *, continued: bool) -> float:
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


def _char_range(index: DocIndex, start: int, end: int) -> tuple[int, int]:
    doc = index.doc
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _headline(index: DocIndex, findings: list[QuoteFinding]) -> QuoteFinding | None:
    """ "Minister: talks will go on" in the first line: the speaker is before the colon.

    Kind is "direct" when the words after the colon are in quotation marks (that case is
    found with the other quotes) and "indirect" otherwise. The words before the colon must be
    a title ("Minister"), a report ("Poll") or a name that the article uses again, so that a
    source's name ("Reuters: ...") is not taken for a speaker. Quoted words inside the headline
    become fragments of a mixed quote ("Lee: Talks 'went well'")."""
    doc = index.doc
    first_line = [t for t in doc if index.token_para[t.i] == 0 and not t.is_space]
    colon = next((t for t in first_line[:8] if t.text == ":"), None)
    if colon is None or colon.i == first_line[0].i:
        return None
    left = [t for t in first_line if t.i < colon.i]
    right = [t for t in first_line if t.i > colon.i]
    if len(right) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in right):
        return None
    content = _char_range(index, right[0].i, right[-1].i + 1)
    inside = [
        f
        for f in findings
        if f.kind != "indirect" and f.content.start < content[1] and content[0] < f.content.end
    ]
    if any(f.content.start < content[0] or f.content.end > content[1] for f in inside):
        return None
    head = next((t for t in reversed(left) if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or not _headline_speaker(index, head):
        return None
    speaker = _speaker(index, head)
    tokens = (right[0].i, right[-1].i + 1)
    finding = _finding(
        index, content, tokens, "indirect", (colon.i, colon.i + 1), speaker, continued=False
    )
    if not inside:
        return finding
    _give_clause(index, findings, inside, finding, tokens)  # "Lee: Talks 'went well'"
    return None


def _headline_speaker(index: DocIndex, head: Token) -> bool:
    if head.lemma_.lower() in TITLE_NOUNS or head.lemma_.lower() in STATEMENT_NOUNS:
        return True
    if not head.text[:1].isupper():
        return False
    return any(
        t.text == head.text and is_name_token(t) and index.token_para[t.i] > 0 for t in index.doc
    )
