"""find_quotes: direct, indirect and mixed quotes with cue and speaker, in text order.

DOCS: see the package docstring (`communique/quotes/__init__.py`) for what each kind means.
"""

from __future__ import annotations

from spacy.tokens import Doc

from communique.quotes.build import Speaker, indirect_findings, make_finding, speaker_at
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
from communique.quotes.headline import headline_findings, reparse_headline
from communique.quotes.index import DocIndex, build_index
from communique.quotes.indirect import IndirectHit, find_indirect
from communique.quotes.items import QuoteFinding, QuoteKindName
from communique.quotes.marks import SPEAKER_LABEL
from communique.quotes.transcript import find_turns, label_ref

MIN_UNATTRIBUTED_WORDS = 8


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
    headline = reparse_headline(index)
    if headline is not None:  # its reports come from the sentence-case parse
        hits = [h for h in hits if index.token_para[h.cue[0]] > 0]
    findings = _turn_findings(index)
    findings += _quote_mark_findings(index, _reporters(index, hits))
    findings += indirect_findings(index, findings, hits)
    findings += headline_findings(index, headline, findings)
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


def _quote_mark_findings(
    index: DocIndex, reporters: dict[int, list[tuple[int, int]]]
) -> list[QuoteFinding]:
    lex = lexicon()
    findings: list[QuoteFinding] = []
    by_para: dict[int, Speaker] = {}  # the latest speaker of each paragraph
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
        speaker = speaker_at(index, att.speaker) if att and att.speaker is not None else None
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
            make_finding(
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
) -> Speaker | None:
    """The speaker of the latest report that ends before the quote in its paragraph, when no
    other quote comes between them."""
    before = [(end, head) for end, head in reporters.get(para, []) if end <= first]
    if not before:
        return None
    end, head = max(before)
    if any(index.token_region[i] >= 0 for i in range(end, first - 1)):
        return None
    return speaker_at(index, index.tokens[head])


def _turn_findings(index: DocIndex) -> list[QuoteFinding]:
    findings: list[QuoteFinding] = []
    doc = index.doc
    for turn in find_turns(index.text):
        label = doc.char_span(*turn.label, alignment_mode="expand")
        words = doc.char_span(*turn.content, alignment_mode="expand")
        if label is None or words is None:
            continue
        ref = label_ref(index, label.text)
        speaker = Speaker((label.start, label.end), ref, False, "name" if ref else "none")
        colon = doc.char_span(*turn.colon, alignment_mode="expand")
        cue = (colon.start, colon.end) if colon is not None else None
        findings.append(
            make_finding(
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
    index: DocIndex, by_para: dict[int, Speaker], para: int, texts: tuple[set[int], set[int]]
) -> Speaker | None:
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
    for token in index.tokens:
        if token.is_alpha or token.like_num:
            para = index.token_para[token.i]
            with_words.add(para)
            if index.token_region[token.i] < 0:
                with_narration.add(para)
    return with_words, with_narration
