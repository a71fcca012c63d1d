"""Attribution of quotation-mark regions: cue and speaker next to, around or above a quote.

A region is tried in this order: the words after it up to the end of the sentence ("...,"
Miller said), the words before it back to the start of the sentence (He said: "..."), a
dash with a name ("..." — Miller), a bare colon (From the ministry: "..."), then the parse
above it (for quoted fragments inside reported speech, the mixed quotes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from communique.docview import children_of
from communique.quotes.cues import (
    CueLexicon,
    according_object,
    cue_tokens,
    is_according,
    is_cue_verb,
)
from communique.quotes.index import SENT_END, DocIndex, is_name_token
from communique.quotes.speakers import speaker_of_cue

POST_LIMIT = 30
BARE_ATTRIBUTION_WORDS = 6  # words besides speaker and cue in a sentence that only attributes
PRE_LIMIT = 45
DASHES = frozenset({"—", "–", "-", "--", "―"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
NOUN_MODIFIERS = frozenset({"amod", "nmod", "compound", "poss", "nummod"})
MAX_TITLE_WORDS = 8
TITLE_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "with"})
POSSESSIVE_MARKS = frozenset({"’s", "'s", "’", "'"})  # "ABC News’ “This Week”"
INTRODUCERS = frozenset({"that", "saying", "as", "reads", "read", "added", "says", "said"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """Where a quote is attributed: cue tokens [start, end) and the speaker's head token."""

    cue: tuple[int, int] | None
    speaker: Token | None
    how: str  # "post", "pre", "dash", "colon", "tree", "according"


def region_tokens(index: DocIndex) -> dict[int, tuple[int, int]]:
    """Token range [first, last + 1) of each region."""
    spans: dict[int, tuple[int, int]] = {}
    for i, k in enumerate(index.token_region):
        if k < 0:
            continue
        first, _ = spans.get(k, (i, i))
        spans[k] = (first, i + 1)
    return spans


def post_window(index: DocIndex, end: int) -> list[Token]:
    """Tokens after a region up to the sentence end, the next quote or the paragraph end."""
    tokens = index.tokens
    if end >= len(tokens):
        return []
    para = index.token_para[end - 1]
    window: list[Token] = []
    for j in range(end, min(len(tokens), end + POST_LIMIT)):
        token = tokens[j]
        if index.token_region[j] >= 0 or index.token_para[j] != para or "\n" in token.text:
            break
        if token.is_space:
            continue
        window.append(token)
        if token.text in SENT_END:
            break
    return window


def dash_line(index: DocIndex, end: int) -> Token | None:
    """A signature on the line after a quote ("—Ann Lee"): the name's last token."""
    tokens = index.tokens
    j = end
    while j < len(tokens) and tokens[j].is_space:
        j += 1
    if (
        j + 1 >= len(tokens)
        or tokens[j].text not in DASHES
        or index.token_para[j] == index.token_para[end - 1]
        or not is_name_token(tokens[j + 1])
    ):
        return None
    k = j + 1
    while (
        k + 1 < len(tokens)
        and is_name_token(tokens[k + 1])
        and index.token_para[k + 1] == index.token_para[j]
    ):
        k += 1
    return tokens[k]


def pre_window(index: DocIndex, start: int) -> list[Token]:
    """Tokens before a region back to the sentence start, the last quote or the paragraph
    start; for a quote that opens a paragraph, the previous paragraph when it ends in ":"."""
    tokens = index.tokens
    window = _back(index, start - 1, index.token_para[start])
    if window or start == 0:
        return window
    j = start - 1
    while j >= 0 and tokens[j].is_space:
        j -= 1
    if j >= 0 and tokens[j].text == ":" and index.token_region[j] < 0:
        return _back(index, j, index.token_para[j])
    return []


def _back(index: DocIndex, j: int, para: int) -> list[Token]:
    tokens = index.tokens
    window: list[Token] = []
    while j >= 0 and len(window) < PRE_LIMIT:
        token = tokens[j]
        if index.token_region[j] >= 0 or index.token_para[j] != para or "\n" in token.text:
            break
        if token.text in SENT_END:
            break
        if not token.is_space:
            window.append(token)
        j -= 1
    window.reverse()
    return window


def is_embedded(index: DocIndex, lex: CueLexicon, start: int) -> bool:
    """A quoted fragment inside a sentence: the word before the quote belongs to its clause
    ("remarks “contained clear threats”"), which makes the quote mixed."""
    tokens = index.tokens
    j = start - 1
    while j >= 0 and tokens[j].is_space and "\n" not in tokens[j].text:
        j -= 1
    if j < 0 or "\n" in tokens[j].text or index.token_region[j] >= 0:
        return False
    prev = tokens[j]
    if not prev.is_alpha and not prev.like_num and prev.text not in POSSESSIVE_MARKS:
        return False
    if prev.lower_ in INTRODUCERS or is_cue_verb(prev, lex):
        return _starts_lower(tokens, start) and _short(index, start)
    return True


def _starts_lower(tokens: Sequence[Token], start: int) -> bool:
    for token in tokens[start : start + 3]:
        if token.is_alpha:
            return token.text[:1].islower()
    return False


def _short(index: DocIndex, start: int) -> bool:
    k = index.token_region[start]
    region = index.regions[k]
    return len(index.text[region.start : region.end].split()) <= 6


def attribute_window(
    index: DocIndex, lex: CueLexicon, window: list[Token], *, after: bool, closes_sentence: bool
) -> Attribution | None:
    """Cue and speaker in the words next to a quote (`after`: the words follow it)."""
    if not window:
        return None
    next_sentence = after and closes_sentence
    for token in window:
        if is_according(token):
            obj = according_object(token)
            cue = (token.i, token.i + 2)
            if obj is not None and not (next_sentence and not _bare(window, cue, obj)):
                return Attribution(cue, obj, "according")
    verbs = [t for t in window if is_cue_verb(t, lex)]
    if not after:
        verbs.reverse()
    lo, hi = window[0].i, window[-1].i
    for verb in verbs:
        if next_sentence and _own_content(index, verb):
            continue
        speaker = speaker_of_cue(verb)
        if (
            speaker is None
            or index.token_region[speaker.i] >= 0
            or not _near(index, speaker, verb, (lo, hi))
        ):
            speaker = _nearest_nominal(window, verb)
        if next_sentence and speaker is not None and not _bare(window, cue_tokens(verb), speaker):
            continue  # "Lee and Ray also argued ...": news of its own, not an attribution
        if next_sentence and verb.dep_ != "ROOT":
            continue  # "Since May, when Lee called for ...": not an attribution
        if speaker is not None:
            return Attribution(cue_tokens(verb), speaker, "post" if after else "pre")
    if after and _signed(window):
        k = 0 if is_name_token(window[0]) else 1
        while k + 1 < len(window) and is_name_token(window[k + 1]):
            k += 1
        return Attribution(None, window[k], "dash")
    if not after and window[-1].text == ":" and len(window) <= 8:
        heads = [
            t
            for t in window
            if t.pos_ in ("NOUN", "PROPN", "PRON")
            and not (t.head.i != t.i and lo <= t.head.i <= hi and t.head.pos_ in ("NOUN", "PROPN"))
        ]
        if heads:
            return Attribution((window[-1].i, window[-1].i + 1), heads[-1], "colon")
    if not after and window[-1].text == ":":
        subject = _named_subject(window)
        if subject is not None:  # "Lee fired back on social media on Sunday: “...”"
            return Attribution((window[-1].i, window[-1].i + 1), subject, "colon")
    return None


def _named_subject(window: list[Token]) -> Token | None:
    """The subject of the clause a colon ends, when it is a name or a personal pronoun."""
    lo, hi = window[0].i, window[-1].i
    roots = [
        t for t in window if t.dep_ == "ROOT" or (t.pos_ == "VERB" and not lo <= t.head.i <= hi)
    ]
    for root in roots:
        for child in children_of(root):
            if (
                child.dep_ == "nsubj"
                and lo <= child.i
                and (child.ent_type_ == "PERSON" or child.lower_ in {"he", "she"})
            ):
                return child
    return None


def _signed(window: list[Token]) -> bool:
    """A dash and a name after a quote ("… ― Ann Lee"), the dash alone or glued to the mark."""
    first = window[0]
    if first.text in DASHES:
        return len(window) > 1 and is_name_token(window[1])
    before = first.doc[first.i - 1].text if first.i > 0 else ""
    return before[-1:] in DASHES and is_name_token(first)


def _near(index: DocIndex, speaker: Token, verb: Token, window: tuple[int, int]) -> bool:
    """The cue's subject is in the window, or before it in the cue's sentence and paragraph
    (a quoted show title can end the window early: "Lee, on the “Late Show”, said, “...")."""
    if window[0] <= speaker.i <= window[1]:
        return True
    return (
        speaker.i < window[0]
        and index.sent_number(speaker.i) == index.sent_number(verb.i)
        and index.token_para[speaker.i] == index.token_para[verb.i]
    )


def _bare(window: list[Token], cue: tuple[int, int], speaker: Token) -> bool:
    """A sentence after a quote that ends its own is that quote's attribution only when it
    says little besides who spoke ("Lee said." "Lee told reporters on Monday."); "Lee and
    Ray also argued about who started it." is news of its own."""
    if window[-1].text not in SENT_END:
        return False  # the sentence goes on past another quote: more than an attribution
    named = {t.i for t in speaker.subtree} | set(range(*cue))
    rest = [t for t in window if t.i not in named and not t.is_punct]
    return len(rest) <= BARE_ATTRIBUTION_WORDS


def _own_content(index: DocIndex, verb: Token) -> bool:
    """The cue has a clause of its own outside quotes, so it is not this quote's cue."""
    return any(c.dep_ == "ccomp" and index.token_region[c.i] < 0 for c in children_of(verb))


def _nearest_nominal(window: list[Token], verb: Token) -> Token | None:
    before = [t for t in window if t.i < verb.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
    after = [t for t in window if t.i > verb.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
    subjects = [t for t in before if t.dep_ in ("nsubj", "nsubjpass")]
    if subjects:  # "Lee took to social media, posting ...": Lee, not the media
        return subjects[-1]
    if before:
        last = before[-1]
        while last.head.i != last.i and last.head in before and last.dep_ in ("compound", "poss"):
            last = last.head
        return last
    if after:
        first = after[0]
        while first.dep_ in ("compound", "poss") and first.head.i > first.i:
            first = first.head
        return first
    return None


def attribute_by_tree(
    index: DocIndex, lex: CueLexicon, first: int, last: int
) -> Attribution | None:
    """The cue above a quoted fragment in the parse, or an "according to" in its sentence;
    never one in another paragraph (the parser can run a sentence across a paragraph break,
    and a quotation closing its paragraph does not belong to the next one's cue)."""
    tokens = index.tokens
    k = index.token_region[first]
    para = index.token_para[first]
    tops = [t for t in tokens[first:last] if not first <= t.head.i < last or t.head.i == t.i]
    for top in tops:
        if top.dep_ in NOUN_MODIFIERS and top.head.pos_ in ("NOUN", "PROPN"):
            continue  # a scare-quoted word inside a noun phrase ("an “amnesty” offer")
        child, node = top, top.head
        for _ in range(12):
            if node.i == child.i or index.token_para[node.i] != para:
                break
            if index.token_region[node.i] != k:
                for sub in children_of(node):
                    if sub.dep_ == "prep" and is_according(sub):
                        obj = according_object(sub)
                        if obj is not None:
                            return Attribution((sub.i, sub.i + 2), obj, "according")
                if is_cue_verb(node, lex) and child.dep_ not in SUBJECT_DEPS:
                    speaker = speaker_of_cue(node)
                    if speaker is not None and index.token_region[speaker.i] < 0:
                        return Attribution(cue_tokens(node), speaker, "tree")
            child, node = node, node.head
    s, e = index.sent_bounds(first)
    for token in tokens[s:e]:
        own = index.token_region[token.i] < 0 and index.token_para[token.i] == para
        if own and is_according(token):
            obj = according_object(token)
            if obj is not None:
                return Attribution((token.i, token.i + 2), obj, "according")
    return None


def scare_or_title(index: DocIndex, first: int, last: int, inner: str) -> bool:
    """A quoted word inside a noun phrase ("an “amnesty” offer") or a title in capitals
    ("“The Morning Show,”") is no quote."""
    words = [t for t in index.tokens[first:last] if t.is_alpha]
    if len(words) == 1 and words[0].dep_ in NOUN_MODIFIERS:
        return True
    capitals = [t for t in words if t.text[:1].isupper() or t.lower_ in TITLE_SMALL_WORDS]
    return 0 < len(words) <= MAX_TITLE_WORDS and len(capitals) == len(words) and inner[:1].isupper()
