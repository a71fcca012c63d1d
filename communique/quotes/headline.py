"""Headlines: "Minister: talks will go on", and title-case headlines read again in sentence case.

The parser reads a title-case headline ("Sanders Vows To Cut Tax Breaks") poorly: most words
look like names, so verbs become proper nouns and reports go unseen. Such a first line is
parsed again (one short line per article) with its common words lower-cased: a word keeps
its capital when the article writes it so mid-sentence ("Sanders", "Clinton", "GOP"). The
reports of that parse replace those the first parse found in the headline; the character
offsets are the same, since recasing keeps every character in its place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from communique import nlp as nlp_module
from communique.model import Span
from communique.quotes.build import (
    char_range,
    give_clause,
    indirect_findings,
    make_finding,
    speaker_at,
)
from communique.quotes.cues import lexicon
from communique.quotes.index import DocIndex, build_index, is_name_token
from communique.quotes.indirect import find_indirect
from communique.quotes.items import IndirectHit, QuoteFinding
from communique.quotes.lexicon import STATEMENT_NOUNS, TITLE_NOUNS

MIN_TITLE_WORDS = 3  # capitalised words of four letters or more, the first word aside
TITLE_SHARE = 0.75
PARSE_STEPS = frozenset(
    {"tok2vec", "transformer", "tagger", "morphologizer", "parser", "senter"}
    | {"attribute_ruler", "lemmatizer", "ner"}
)


@dataclass(frozen=True, slots=True)
class Headline:
    """The first line parsed again in sentence case: its index and where it starts."""

    index: DocIndex
    offset: int


def first_line_tokens(index: DocIndex) -> list[Token]:
    """The tokens of the first paragraph (the headline), without reading the whole doc."""
    line = []
    for token in index.tokens:
        if index.token_para[token.i] != 0:
            break
        if not token.is_space:
            line.append(token)
    return line


def reparse_headline(index: DocIndex) -> Headline | None:
    """The first line parsed again in sentence case, when it is written in title case."""
    line = first_line_tokens(index)
    if not line or not is_title_case(line):
        return None
    start = line[0].idx
    end = line[-1].idx + len(line[-1].text)
    text = sentence_case(index, line, start, end)
    if text is None:
        return None
    doc = _parse(text)
    return Headline(build_index(doc), start) if doc is not None else None


def is_title_case(line: list[Token]) -> bool:
    """Most longer words after the first start with a capital ("Obama Seeks More Funds")."""
    words = [t for t in line[1:] if t.is_alpha and len(t.text) >= 4]
    caps = [t for t in words if t.text[:1].isupper()]
    return len(caps) >= MIN_TITLE_WORDS and len(caps) >= TITLE_SHARE * len(words)


def sentence_case(index: DocIndex, line: list[Token], start: int, end: int) -> str | None:
    """The line with each capitalised word lower-cased unless the article writes it with a
    capital mid-sentence more often than without; the first letter stays a capital."""
    capital: dict[str, int] = {}
    lower: dict[str, int] = {}
    for t in index.doc:
        if index.token_para[t.i] == 0 or not t.is_alpha:
            continue
        key = t.lower_
        if t.text[:1].isupper() and not t.is_sent_start:
            capital[key] = capital.get(key, 0) + 1
        elif t.text.islower():
            lower[key] = lower.get(key, 0) + 1
    chars = list(index.text[start:end])
    for t in line:
        word = t.text
        if not word[:1].isupper() or word.isupper() and len(word) > 1:
            continue  # "GOP", "U.S." keep their capitals
        if capital.get(t.lower_, 0) > lower.get(t.lower_, 0):
            continue
        low = word.lower()
        if len(low) != len(word):
            return None
        at = t.idx - start
        chars[at : at + len(word)] = low
    if chars:
        chars[0] = chars[0].upper() if len(chars[0].upper()) == 1 else chars[0]
    return "".join(chars)


def _parse(text: str) -> Doc | None:
    try:
        nlp = nlp_module.load()
    except OSError:
        return None
    doc = nlp.make_doc(text)
    for name, step in nlp.pipeline:
        if name in PARSE_STEPS:
            doc = step(doc)
    return doc


def headline_findings(
    index: DocIndex, headline: Headline | None, findings: list[QuoteFinding]
) -> list[QuoteFinding]:
    """The reports of the sentence-case headline (quotations inside them become mixed quotes
    in `findings`) and the "Minister: talks will go on" report."""
    out: list[QuoteFinding] = []
    if headline is not None:
        hits = [_in_headline(headline.index, h) for h in find_indirect(headline.index, lexicon())]
        out = indirect_findings(
            headline.index,
            findings,
            [h for h in hits if h is not None],
            move=lambda f: moved(f, index.text, headline.offset),
        )
    colon = colon_headline(index, headline, findings + out)
    return out if colon is None else [*out, colon]


def _in_headline(index: DocIndex, hit: IndirectHit) -> IndirectHit | None:
    return hit if index.token_para[hit.cue[0]] == 0 else None


def moved(finding: QuoteFinding, text: str, offset: int) -> QuoteFinding:
    """A finding from the headline's own parse, with its spans in the article's text."""

    def span(s: Span | None) -> Span | None:
        return None if s is None else Span.of(text, s.start + offset, s.end + offset)

    return replace(
        finding,
        content=Span.of(text, finding.content.start + offset, finding.content.end + offset),
        cue=span(finding.cue),
        speaker_mention=span(finding.speaker_mention),
        speaker_ref=span(finding.speaker_ref),
        evidence=Span.of(text, finding.evidence.start + offset, finding.evidence.end + offset),
        clause=span(finding.clause),
    )


def colon_headline(
    index: DocIndex, headline: Headline | None, findings: list[QuoteFinding]
) -> QuoteFinding | None:
    """ "Minister: talks will go on" in the first line: the speaker is before the colon.

    Kind is "direct" when the words after the colon are in quotation marks (that case is
    found with the other quotes) and "indirect" otherwise. The words before the colon must be
    a title ("Minister"), a report ("Poll") or a name that the article uses again, so that a
    source's name ("Reuters: ...") is not taken for a speaker. Quoted words inside the headline
    become fragments of a mixed quote ("Lee: Talks 'went well'"). A title-case headline is
    read in its sentence-case parse."""
    parsed, offset = (headline.index, headline.offset) if headline else (index, 0)
    first_line = first_line_tokens(parsed)
    colon = next((t for t in first_line[:8] if t.text == ":"), None)
    if colon is None or colon.i == first_line[0].i:
        return None
    left = [t for t in first_line if t.i < colon.i]
    right = [t for t in first_line if t.i > colon.i]
    if len(right) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in right):
        return None
    start, end = char_range(parsed, right[0].i, right[-1].i + 1)
    content = (start + offset, end + offset)
    inside = [
        f
        for f in findings
        if f.kind != "indirect" and f.content.start < content[1] and content[0] < f.content.end
    ]
    if any(f.content.start < content[0] or f.content.end > content[1] for f in inside):
        return None
    head = next((t for t in reversed(left) if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or not headline_speaker(index, head):
        return None
    speaker = speaker_at(parsed, head)
    tokens = (right[0].i, right[-1].i + 1)
    finding = make_finding(
        parsed, (start, end), tokens, "indirect", (colon.i, colon.i + 1), speaker, continued=False
    )
    finding = moved(finding, index.text, offset)
    if not inside:
        return finding
    give_clause(parsed, findings, inside, finding, tokens)  # "Lee: Talks 'went well'"
    return None


def headline_speaker(index: DocIndex, head: Token) -> bool:
    if head.lemma_.lower() in TITLE_NOUNS or head.lemma_.lower() in STATEMENT_NOUNS:
        return True
    if not head.text[:1].isupper():
        return False
    return any(
        t.text == head.text and is_name_token(t) and index.token_para[t.i] > 0 for t in index.doc
    )
