"""Where reported content starts and ends: the rules that trim a cue's clause to what was said.

The clause stays in the cue's paragraph and clear of the speaker, stops before a second
report by the same speaker ("..., arguing that ...") and before a trailing relative clause
that glosses the last noun (", which ..."), and loses its "that" and edge punctuation.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.datelines import in_dateline
from communique.docview import children_of, view
from communique.quotes.content import content_range, parenthetical
from communique.quotes.cues import CueLexicon, cue_category, cue_tokens, is_cue_verb, lexicon
from communique.quotes.index import DocIndex
from communique.quotes.items import IndirectHit

MIN_CONTENT_TOKENS = 2
LEADING_MARKS = frozenset({"that"})
ARTICLES = frozenset({"a", "an", "the"})
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose"})
# what sets off a trailing aside: ", which ...", " - a charge that ..."
ASIDE_MARKS = frozenset({",", "-", "--", "–", "—"})
# words that open a trailing counterpoint: ", although ...", ", even though ..."
CONCESSIVE_WORDS = frozenset({"although", "though", "while", "whereas"})


def around_speaker(
    index: DocIndex, verb: Token, speaker: Token, content: tuple[int, int]
) -> tuple[int, int] | None:
    """Keep the content in the cue's paragraph and clear of the speaker. A report inside its
    own content ("The museum, he said, is new") keeps it; a fronted relative or question word
    ("which he said was late") leaves the content to the words after the cue."""
    para = index.token_para[verb.i]
    start, end = content
    while start < end and index.token_para[start] != para:
        start += 1
    while end > start and index.token_para[end - 1] != para:
        end -= 1
    if end <= start:
        return None
    if not start <= speaker.i < end or verb.dep_ == "parataxis" or parenthetical(verb):
        return start, end
    if speaker.i < verb.i:
        return cue_tokens(verb)[1], end
    return None


def cut_at_next_report(index: DocIndex, verb: Token, start: int, end: int) -> tuple[int, int]:
    """Stop the content before a second report by the same speaker ("... and warned that ...",
    "..., arguing that ..."); that report is a quote of its own."""
    lex = lexicon()
    for token in index.tokens[start + 1 : end]:
        if (
            _participle_report(token, lex)
            or _other_report(verb, token, lex)
            or (
                token.dep_ in ("conj", "advcl")
                and token.head.i != verb.i
                and token.head.dep_ in ("ccomp", "xcomp")
                and token.head.head.i == verb.i
                and not is_cue_verb(token.head, lex)
                and is_cue_verb(token, lex)
                and not any(c.dep_.startswith("nsubj") for c in children_of(token))
                and _second_report(token, lex)
            )
        ):
            cut = token.left_edge.i
            while cut > start and index.tokens[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            return start, cut
    return start, end


def cut_at_semicolon(index: DocIndex, verb: Token, start: int, end: int) -> tuple[int, int]:
    """Stop content that follows its cue at a semicolon that opens a clause with a subject of
    its own ("said the delay was an error; the staff learned of it later"): the writer's
    next statement, not more of the report. Quoted words keep their semicolons."""
    if start < verb.i:
        return start, end
    tokens = index.tokens
    for k in range(start + MIN_CONTENT_TOKENS, end - 1):
        if tokens[k].text != ";" or index.token_region[k] >= 0:
            continue
        if any(t.dep_ in ("nsubj", "nsubjpass") for t in tokens[k + 1 : end]):
            return start, k
    return start, end


def _second_report(token: Token, lex: CueLexicon) -> bool:
    """A joined cue that says something ("... and warned that ...", "... and called it a
    failure") starts a second report; a joined intention with no clause of its own ("said
    he fired and refused to drop the gun") is more of what the first speaker reported."""
    if any(c.dep_ == "ccomp" for c in children_of(token)):
        return True
    if token.dep_ == "conj":
        return cue_category(token, lex) != "intention"
    return content_range(token) is not None


def _other_report(verb: Token, token: Token, lex: CueLexicon) -> bool:
    """ "Lee said X mishandled it and Democrats accused Y": a report with a subject of its own
    joined to the reported clause is a second report, not part of the first; one marked
    "and that ..." is still the first speaker's ("said X and that the data showed Y")."""
    head = token.head
    return (
        token.dep_ == "conj"
        and head.i != verb.i
        and not any(c.dep_ == "mark" and c.lower_ == "that" for c in children_of(token))
        and verb in head.ancestors
        and is_cue_verb(token, lex)
        and any(c.dep_ == "nsubj" and c.i > head.i for c in children_of(token))
    )


def cut_at_relative_report(
    index: DocIndex, verb: Token, start: int, end: int
) -> tuple[int, int]:
    """Stop the content before someone it names who reports in a relative clause of their
    own at its end ("urged him to resign, such as Lee, who called it a “disgrace”"): that
    report is Lee's, a quote of its own, and so is the phrase that brings Lee in."""
    lex = lexicon()
    for token in index.tokens[start + 1 : end]:
        relative = any(
            c.dep_ == "nsubj" and c.lower_ in RELATIVE_WORDS for c in children_of(token)
        )
        if (
            token.dep_ != "relcl"
            or not relative
            or token.head.pos_ != "PROPN"  # a named speaker, not "voters who dislike ..."
            or token.right_edge.i < end - 2
            or not is_cue_verb(token, lex)
            or cue_category(token, lex) != "speech"
            or content_range(token) is None
        ):
            continue
        cut = token.head.left_edge.i
        for j in range(cut - 1, max(start, cut - 4), -1):  # back to ", such as"
            if index.tokens[j].text in ASIDE_MARKS:
                cut = j
                break
        return (start, cut) if cut > start + MIN_CONTENT_TOKENS else (start, end)
    return start, end


def drop_aside(index: DocIndex, start: int, end: int) -> tuple[int, int]:
    """Leave out a trailing aside after a comma: a relative clause on the last noun (", which
    forced her to leave") or an appositive (", the city's oldest bank") is the writer's gloss,
    and a concessive clause (", although the
    vote is weeks away") the writer's counterpoint, not part of what was said."""
    tokens = index.tokens
    for token in tokens[start + 1 : end]:
        first = tokens[token.left_edge.i]
        if (
            (
                (token.dep_ == "relcl" and first.lower_ in RELATIVE_WORDS)
                or (token.dep_ == "advcl" and _concessive(first))
                or (token.dep_ == "appos" and first.lower_ in ARTICLES and not _listed(token))
            )
            and token.right_edge.i >= end - 2
            and tokens[token.left_edge.i - 1].text in ASIDE_MARKS
            and token.left_edge.i - 1 > start + MIN_CONTENT_TOKENS
            and all(index.token_region[i] < 0 for i in range(token.left_edge.i, end))
        ):
            return start, token.left_edge.i - 1
    return start, end


def _listed(token: Token) -> bool:
    """An "appositive" that may be an item of a list ("fairness, the end of loopholes and
    relief for families"): a gloss rarely has a conjunction of its own."""
    return any(t.dep_ == "cc" for t in token.subtree)


def _concessive(first: Token) -> bool:
    if first.lower_ == "even" and first.i + 1 < len(first.doc):
        first = first.doc[first.i + 1]
    return first.lower_ in CONCESSIVE_WORDS


def _participle_report(token: Token, lex: CueLexicon) -> bool:
    """ ", arguing that ...", ", saying ...": a participle cue with a clause of its own."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("advcl", "conj", "xcomp")
        and token.i > token.head.i
        and is_cue_verb(token, lex)
        and any(c.dep_ == "ccomp" and c.i > token.i for c in children_of(token))
        and not any(c.dep_.startswith("nsubj") or c.dep_ == "aux" for c in children_of(token))
    )


def trim(index: DocIndex, start: int, end: int) -> tuple[int, int] | None:
    tokens = index.tokens
    datelines = view(tokens[start].doc).datelines if start < end else []
    while start < end and in_dateline(datelines, tokens[start].idx):
        start += 1  # "KHARTOUM, June 12 - Four civilians were killed": not what was said
    while start < end and (
        (tokens[start].is_punct and index.token_region[start] < 0)
        or tokens[start].is_space
        or (tokens[start].lower_ in LEADING_MARKS and tokens[start].dep_ == "mark")
    ):
        start += 1
    while end > start and (tokens[end - 1].is_punct or tokens[end - 1].is_space):
        if index.token_region[end - 1] >= 0:
            break
        end -= 1
    if end - start < MIN_CONTENT_TOKENS:
        return None
    return start, end


def fit_quotes(
    index: DocIndex, hit: IndirectHit, spans: dict[int, tuple[int, int]]
) -> IndirectHit | None:
    """Content may hold whole quotations (a mixed quote's clause); one that opens inside the
    content and closes after it is taken in whole; content that starts inside a quotation
    is left to the direct quotes (None)."""
    start, end = hit.content
    touched = {index.token_region[i] for i in range(start, end)} - {-1}
    if any(spans[k][0] < start for k in touched):
        return None
    end = max([end, *(spans[k][1] for k in touched)])
    return IndirectHit((start, end), hit.cue, hit.speaker, hit.how)
