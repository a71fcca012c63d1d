"""A per-article gender guess for people, so that "she said" does not resolve to a man.

The guess is read from the article itself, never from a list of first names: a gendered title
before the name ("Mr. Lee", "Mrs. Ortiz") or the pronoun subject of what the person reports in
a sentence that names nobody else ("Ann Lee said she would run"). Votes are counted per surname
and the majority wins; a person with no evidence, or a surname two people share, has none.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from communique.docview import children_of

TITLE_GENDER = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "dame": "f",
    "madam": "f",
}
QUOTE_MARKS = frozenset({'"', "“", "”"})
PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}


def pronoun_gender(word: str) -> str | None:
    """ "m", "f" or None for a pronoun."""
    return PRONOUN_GENDER.get(word.lower())


def guess_genders(doc: Doc, people: list[tuple[int, int]]) -> dict[str, str]:
    """Surname -> "m"/"f" for the people (token ranges, in text order) the article genders.
    A surname two people share ("Ann Lee", "Bo Lee") is left out."""
    votes: dict[str, Counter[str]] = {}
    firsts: dict[str, set[str]] = {}
    for start, end in people:
        surname = doc[end - 1].text
        if end - start > 1 and doc[start].lower_ not in TITLE_GENDER:
            firsts.setdefault(surname, set()).add(doc[start].text)
        vote = _title_vote(doc, start) or _pronoun_vote(doc[end - 1], people)
        if vote is not None:
            votes.setdefault(surname, Counter())[vote] += 1
    out: dict[str, str] = {}
    for surname, counter in votes.items():
        (best, n), *rest = counter.most_common()
        if len(firsts.get(surname, ())) < 2 and (not rest or n > rest[0][1]):
            out[surname] = best
    return out


def _title_vote(doc: Doc, start: int) -> str | None:
    for j in (start, start - 1):
        if 0 <= j < len(doc) and doc[j].lower_ in TITLE_GENDER:
            return TITLE_GENDER[doc[j].lower_]
    return None


def _pronoun_vote(head: Token, people: list[tuple[int, int]]) -> str | None:
    """ "Lee said she ...": the subject pronoun of the clause a person reports, in a sentence
    that names nobody else."""
    if head.dep_ != "nsubj":
        return None
    sent = head.sent
    if sum(1 for s, _ in people if sent.start <= s < sent.end) != 1:
        return None
    for clause in children_of(head.head):
        if clause.dep_ != "ccomp":
            continue
        for child in children_of(clause):
            if child.dep_ == "nsubj" and pronoun_gender(child.text):
                return pronoun_gender(child.text)
    return _narrated_pronouns(head)


def _narrated_pronouns(head: Token) -> str | None:
    """ "Lee won the vote, her first win": every gendered pronoun the narrator uses in a
    sentence that names only this person agrees (quoted words speak of others)."""
    genders = set()
    inside = False
    for token in head.sent:
        if token.text in QUOTE_MARKS:
            inside = not inside
        elif not inside and token.i > head.i and pronoun_gender(token.text):
            genders.add(pronoun_gender(token.text))
    return genders.pop() if len(genders) == 1 else None
