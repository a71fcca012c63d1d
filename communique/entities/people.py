"""The people of one article: who is named where, with which titles and which gender.

The model's entities miss many names ("Nop Vy, the group's director", a surname such as
"Wine" on its own) and label some people as organisations; the table adds them from what
the article says of them (an appositive title, a title before the name, a surname the
article introduced in full). Every person mention keeps its sentence and whether it is a
subject, which is what pronouns are resolved by (`salient`).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from ..actors.dictionary import ActorDictionary
from ..actors.items import ActorMention, ActorRef
from ..actors.lookup import MentionIndex
from ..actors.names import junk_class
from ..docview import children_of, view
from ..model import Span
from ..quotes.gender import TITLE_GENDER, guess_genders
from ..quotes.lexicon import ORG_NOUNS, TITLE_NOUNS
from ..quotes.marks import find_regions
from .items import PersonMention
from .organisations import ORG_HEADS
from .words import PEOPLE_NOUNS

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A participle in these slots is an adjunct of the clause above ("After meeting Lee, he said").
ADJUNCT_DEPS = frozenset({"advcl", "acl", "pcomp", "prep"})
NAME_LINKS = frozenset({"compound", "flat", "appos"})
NESTED_DEPS = frozenset({"poss", "pobj", "dobj", "npadvmod"})
PRONOUN_REACH = 4  # sentences back, as in the Stanford sieve's pronoun window
# Title words that say a person's gender ("spokeswoman", "Mrs.").
GENDERED_TITLES = {
    **TITLE_GENDER,
    "spokeswoman": "f", "spokesman": "m", "chairwoman": "f", "chairman": "m",
    "congresswoman": "f", "congressman": "m", "businesswoman": "f", "businessman": "m",
    "queen": "f", "king": "m", "princess": "f", "prince": "m", "actress": "f",
    "wife": "f", "husband": "m", "mother": "f", "father": "m", "daughter": "f", "son": "m",
    "widow": "f", "fiancee": "f", "fiancée": "f", "sister": "f", "brother": "m",
}  # fmt: skip
# How a mention was found when the name is an organisation's for sure.
KNOWN = frozenset(
    {"dictionary", "metonym", "organisation", "acronym", "institution", "abbreviation"}
)
SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
CATAPHORA_SENTENCES = 2  # how far a described person's name may come after the description


def title_stem(word: str, dictionary: ActorDictionary | None = None) -> str:
    """One form for the titles news varies: "spokeswoman" and "spokesman" are one role, and
    so are the aliases of a role the dictionary knows ("envoy" and "ambassador")."""
    word = word.lower().strip(".")
    if word in SPOKES:
        return "spokesperson"
    role = dictionary.role(word) if dictionary is not None and word.isalpha() else None
    return role.title if role is not None and " " not in role.title else word


class People:
    """Person mentions of one article in text order, with their titles and genders."""

    def __init__(self, doc: Doc, index: MentionIndex, dictionary: ActorDictionary) -> None:
        self.doc = doc
        self.index = index
        self.dictionary = dictionary
        shared = view(doc)
        self._sent_starts = [s.start_char for s in shared.sentences] or [0]
        self._quoted = sorted((r.outer_start, r.outer_end) for r in find_regions(shared.text))
        self._quote_starts = [a for a, _ in self._quoted]
        self.titles: dict[ActorRef, set[str]] = {}
        self._gendered: dict[ActorRef, set[str]] = {}  # genders its titles say ("spokeswoman")
        self.mentions: list[PersonMention] = []
        self._starts: list[int] = []
        for mention in _one_ref_per_name(index):
            self._note(mention)
        done: list[ActorMention] = []
        for mention, replaced in _unlabelled_people(doc, index, self._surnames(), self.is_title):
            if replaced is None:
                index.add(mention)
            elif any(replaced is d for d in done):
                continue  # "Browne-Jorgensen": two names in one mention, replaced once
            else:
                index.replace(replaced, mention)
                done.append(replaced)
                self._forget(replaced)  # "Walker" was a dictionary namesake, now the article's
            self._note(mention)
        self.gender = self._genders()

    def _forget(self, mention: ActorMention) -> None:
        kept = [
            (s, m) for s, m in zip(self._starts, self.mentions, strict=True)
            if not (m.start == mention.span.start and m.ref == mention.ref)
        ]  # fmt: skip
        self._starts = [s for s, _ in kept]
        self.mentions = [m for _, m in kept]

    # -- building ---------------------------------------------------------------------------

    def _surnames(self) -> dict[str, ActorRef | None]:
        """Surname -> the one person the article names with it (None when two share it)."""
        found: dict[str, ActorRef | None] = {}
        for ref in self.titles:
            words = ref.name.split()
            if len(words) < 2:
                continue
            key = surname_key(words[-1])
            found[key] = ref if found.get(key, ref) == ref else None
        return found

    def _note(self, mention: ActorMention) -> None:
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            return
        root = span.root
        inside = set(range(span.start, span.end))
        words = self.titles.setdefault(mention.ref, set())
        said = [*(mention.ref.role or "").split(), *_title_words(root, inside)]
        named = {w.lower() for w in mention.ref.name.split()}
        said += [t.lemma_ for t in span if t.is_title and t.lower_ not in named]  # "Mayor Lee"
        words.update(self.stem(w) for w in said)
        self._gendered.setdefault(mention.ref, set()).update(
            GENDERED_TITLES[w.lower()] for w in said if w.lower() in GENDERED_TITLES
        )
        for first, second in zip(said, said[1:], strict=False):  # "permanent representative"
            role = self.dictionary.role(f"{first} {second}".lower())
            if role is not None and " " not in role.title:
                words.add(role.title)
        if self.quoted(mention.span.start):
            return
        if self._modifies_person(root, mention.ref):
            return  # a modifier of another name ("Beledweyne District Commissioner Alasow")
        self.add(self.person_mention(root, mention.span.start, mention.ref))

    def _modifies_person(self, root: Token, ref: ActorRef) -> bool:
        token = root
        for _ in range(4):
            if token.dep_ != "compound" or token.head.i == token.i:
                return False
            token = token.head
            holder = self.index.at(token)
            if holder is not None and holder.ref.kind == "person" and holder.ref != ref:
                return True
        return False

    def person_mention(self, root: Token, start: int, ref: ActorRef) -> PersonMention:
        head = root
        for _ in range(3):
            if head.dep_ not in NAME_LINKS or head.head.i == head.i:
                break
            head = head.head
        return PersonMention(
            start=start,
            sent=self.sent_number(start),
            ref=ref,
            subject=head.dep_ in SUBJECT_DEPS,
            nested=head.dep_ in NESTED_DEPS,
            clause=clause_of(root),
        )

    def add(self, mention: PersonMention) -> None:
        i = bisect.bisect_right(self._starts, mention.start)
        self._starts.insert(i, mention.start)
        self.mentions.insert(i, mention)

    def _genders(self) -> dict[ActorRef, str]:
        ranges = []
        for m in self.mentions:
            span = self.doc.char_span(m.start, m.start + 1, alignment_mode="expand")
            if span is None:
                continue
            words = set(m.ref.name.split())
            end = span.start + 1  # the mention's own words: "Lee" of "Ann Lee" is one
            while end < len(self.doc) and self.doc[end].text in words:
                end += 1
            ranges.append((span.start, end))
        by_surname = guess_genders(self.doc, ranges)
        out: dict[ActorRef, str] = {}
        for ref in self.titles:
            said = set(self._gendered.get(ref, ()))
            surname = ref.name.split()[-1] if ref.name.split() else ""
            if surname in by_surname:
                said.add(by_surname[surname])
            if len(said) == 1:
                out[ref] = said.pop()
        return out

    # -- lookups ----------------------------------------------------------------------------

    def stem(self, word: str) -> str:
        return title_stem(word, self.dictionary)

    def is_title(self, word: str) -> bool:
        """A person's title ("Commissioner", "Spokesperson"), said before a name."""
        lower = word.lower()
        if lower in ORG_HEADS:
            return False  # "State Department" names a body, not a title
        return lower in TITLE_NOUNS or (lower.isalpha() and self.dictionary.role(lower) is not None)

    def sent_number(self, offset: int) -> int:
        return bisect.bisect_right(self._sent_starts, offset) - 1

    def quoted(self, offset: int) -> bool:
        """Inside quotation marks: the words of a speaker, not of the narrator."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset < self._quoted[i][1]

    def agrees(self, ref: ActorRef, gender: str | None) -> bool:
        known = self.gender.get(ref)
        return gender is None or known is None or known == gender

    def salient(
        self,
        offset: int,
        gender: str | None,
        *,
        clauses: frozenset[int] = frozenset(),
        object_of: int | None = None,
    ) -> ActorRef | None:
        """The person a third-person pronoun at `offset` stands for: in the nearest sentence
        (this one first, before the pronoun) with a person of the pronoun's gender, its
        subject, else its first person not nested in another phrase, else its first. The
        subject of `clauses` is not a person nested in them ("Speaking to Lee, he said":
        not Lee), and an object of clause `object_of` is not its subject ("Lee met him")."""
        sent = self.sent_number(offset)
        end = bisect.bisect_left(self._starts, offset)
        candidates: list[PersonMention] = []
        for mention in reversed(self.mentions[:end]):
            if sent - mention.sent > PRONOUN_REACH:
                break
            if candidates and mention.sent != candidates[0].sent:
                break
            if mention.nested and mention.clause in clauses:
                continue
            if object_of is not None and mention.subject and mention.clause == object_of:
                continue
            if self.agrees(mention.ref, gender):
                candidates.append(mention)
        if not candidates:
            return None
        candidates.reverse()  # text order
        ranked = sorted(candidates, key=lambda m: (not m.subject, m.nested))
        return ranked[0].ref

    def named_next(self, offset: int, role: str) -> ActorRef | None:
        """The person a role described before any name stands for ("China's envoy told
        reporters ... Fu Cong blamed ..."): the first person named as a subject in the next
        two sentences, named nowhere before, with no title that says otherwise."""
        sent = self.sent_number(offset)
        before = {m.ref for m in self.mentions if m.start < offset}
        role = self.stem(role)
        for mention in self.mentions[bisect.bisect_right(self._starts, offset) :]:
            if mention.sent > sent + CATAPHORA_SENTENCES:
                return None
            if mention.sent == sent or not mention.subject or self.quoted(mention.start):
                continue
            titles = self.titles.get(mention.ref, set())
            if mention.ref in before or (titles and role not in titles):
                return None  # someone else: the role is not about the next name
            return mention.ref
        return None

    def with_title(
        self, offset: int, head: str, modifiers: Iterable[str], *, country: str | None = None
    ) -> ActorRef | None:
        """The person named before `offset` whose titles hold `head` ("the minister"), or
        all of its modifiers ("the Commerce chief" for "Commerce Secretary Lee"), of
        `country` where it is said ("the Pakistani envoy"). The most modifiers matched win
        ("the military spokesperson"), then the title, then the nearest."""
        head = self.stem(head)
        wanted = {self.stem(w) for w in modifiers} - {head}
        best: tuple[int, int, int, int] | None = None
        found: ActorRef | None = None
        seen: set[ActorRef] = set()
        for mention in reversed(self.mentions[: bisect.bisect_left(self._starts, offset)]):
            if mention.ref in seen:
                continue
            seen.add(mention.ref)
            own = mention.ref.country
            if country and own and own not in {"IGO", "NGO"} and own != country:
                continue
            titles = self.titles.get(mention.ref, set())
            matched = len(wanted & titles)
            if head not in titles and not (wanted and matched == len(wanted)):
                continue
            agrees = own == country or own in {"IGO", "NGO"}  # a country's envoy to the UN
            score = (int(agrees), matched, int(head in titles), -len(seen))
            if best is None or score > best:
                best, found = score, mention.ref
        return found


def _namesake(covering: ActorMention, known: ActorRef) -> bool:
    """A surname alone that the actor stage read as someone else: a dictionary namesake or
    an organisation the model guessed."""
    alone = " " not in covering.span.text.strip()
    guessed = covering.ref.kind == "person" or covering.how not in KNOWN
    return alone and guessed and known != covering.ref


def _one_ref_per_name(index: MentionIndex) -> list[ActorMention]:
    """The exact-name sieve: every mention of one written name is one actor: one person,
    with the fullest coding any of them has ("Mech Dara" once with Cambodia, once without),
    or the organisation the name is elsewhere when no title makes it a person's."""
    organisations = {
        m.ref.name.lower(): m.ref for m in index.mentions if m.ref.kind == "organisation"
    }
    for mention in list(index.mentions):
        ref = mention.ref
        same = organisations.get(ref.name.lower()) if ref.kind == "person" else None
        if same is not None and not (ref.role or ref.sector):
            # "Red Hat" read once as a company, once as a person: one actor, the company
            index.replace(mention, ActorMention(mention.span, same, mention.how))
    people = [m for m in index.mentions if m.ref.kind == "person"]
    best: dict[str, ActorRef] = {}
    for mention in people:
        key = mention.ref.name.lower()
        known = best.get(key)
        if known is None or _fuller(mention.ref) > _fuller(known):
            best[key] = mention.ref
    out = []
    for mention in people:
        ref = best[mention.ref.name.lower()]
        if ref != mention.ref:
            merged = ActorMention(mention.span, ref, mention.how)
            index.replace(mention, merged)
            mention = merged
        out.append(mention)
    return out


def _fuller(ref: ActorRef) -> int:
    return sum(x is not None for x in (ref.country, ref.sector, ref.role, ref.given_code))


def clause_of(token: Token) -> int:
    """The verb whose clause holds `token`; a participle adjunct belongs to the clause it
    hangs on ("Speaking to Lee, he said": "said")."""
    for _ in range(12):
        if token.pos_ in {"VERB", "AUX"}:
            if token.tag_ in {"VBG", "VBN"} and token.dep_ in ADJUNCT_DEPS:
                return clause_of(token.head) if token.head.i != token.i else token.i
            return token.i
        if token.head.i == token.i:
            return -1
        token = token.head
    return -1


def surname_key(word: str) -> str:
    """ "al-Sudani", "Al Sudani" and "Sudani" are one surname."""
    word = word.lower()
    for prefix in ("al-", "el-", "ad-", "as-"):
        if word.startswith(prefix):
            return word[len(prefix) :]
    return word


def _title_words(root: Token, inside: set[int]) -> list[str]:  # in text order, unstemmed
    """The words the article describes a person with: titles before the name ("Commerce
    Secretary Howard Lutnick"), an appositive after it ("Lee, the agency's director") or
    the phrase the name is in apposition to ("the mayor of Paris, Anne Hidalgo")."""
    tokens: list[Token] = []
    for child in children_of(root):
        if child.i in inside:
            continue
        if child.dep_ in {"compound", "amod", "nmod"} and child.i < root.i:
            tokens += list(child.subtree)
        elif child.dep_ == "appos":
            tokens += [t for t in _own_words(child) if t.i - child.i < 12]
    if root.dep_ == "appos" and root.head.i < root.i:
        holder = root.head
        while (
            holder.dep_ == "pobj" and holder.head.dep_ == "prep" and holder.head.head.i < holder.i
        ):
            holder = holder.head.head  # "the representative to the UN, Ann Lee"
        tokens += [t for t in _own_words(holder) if t.i < root.i and holder.i - t.i < 12]
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        tokens.append(root.head)  # "Lee" in "a Lee aide" says nothing; kept small
    kept = {t.i: t for t in tokens if t.is_alpha and t.i not in inside}
    return [kept[i].lemma_ for i in sorted(kept)]


def _own_words(head: Token) -> list[Token]:
    """The words of a title's phrase without its owner's or a clause's ("the journalist's
    lawyer" is a lawyer, not a journalist; "a resident who saw the attack" is a resident)."""
    owned = {
        t.i for c in children_of(head) if c.dep_ in {"poss", "relcl", "acl"} for t in c.subtree
    }  # fmt: skip
    return [t for t in head.subtree if t.i not in owned]


def _person_titled(token: Token, is_title: Callable[[str], bool]) -> bool:
    """A name with a person's title in apposition ("Vy, the group's director", "another
    passenger, Ali Khan,") or before it ("Mr. Vy", "Commissioner Vy")."""
    named = token.ent_type_ in {"PERSON", ""}
    if named and token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head.i < token.i:
        lemma = token.head.lemma_.lower()
        if lemma in PEOPLE_NOUNS or lemma in TITLE_NOUNS:
            return True
    for child in children_of(token):
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            lemma = child.lemma_.lower()
            if (lemma in TITLE_NOUNS or is_title(lemma)) and lemma not in ORG_NOUNS:
                return True
        if child.dep_ == "compound" and child.i < token.i and is_title(child.text):
            return True
    return False


def _unlabelled_people(
    doc: Doc,
    index: MentionIndex,
    surnames: dict[str, ActorRef | None],
    is_title: Callable[[str], bool],
) -> list[tuple[ActorMention, ActorMention | None]]:
    """People the actor stage missed: a surname alone that the article gave one person
    ("Wine says"), or a capitalised name with a person's title in apposition. A name the
    actor stage read as an organisation becomes the person when its title says so."""
    found: list[tuple[ActorMention, ActorMention | None]] = []
    tokens = view(doc).tokens
    text = view(doc).text
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].pos_ == "PROPN" and tokens[j + 1].is_title:
            j += 1
        last = tokens[j]
        first = i
        for k in range(i, j):  # "Beledweyne District Commissioner Omar Alasow": after the title
            if is_title(tokens[k].text):
                first = k + 1
        i = j + 1
        if last.ent_type_ in {"GPE", "LOC", "NORP", "FAC", "DATE"} or is_title(last.text):
            continue  # a place, or a title with no name ("the Prime Minister")
        if last.lower_ in ORG_HEADS:
            continue  # "the State Department": an organisation's name
        covering = index.at(last)
        start, end = tokens[first].idx, last.idx + len(last.text)
        record = Span(text[start:end], start, end)  # no spaCy Span: most runs are skipped
        known = surnames.get(surname_key(last.text))
        if covering is not None and known is not None and _namesake(covering, known):
            # "Lee" after "Ann Lee" is Ann Lee, not a namesake in the dictionary
            found.append((ActorMention(covering.span, known, "surname"), covering))
            continue
        if covering is not None and covering.ref.kind == "person":
            continue
        if covering is None and known is not None:
            found.append((ActorMention(record, known, "surname"), None))
            continue
        if not _person_titled(last, is_title):
            continue
        if covering is not None and (covering.ref.kind != "organisation" or covering.how in KNOWN):
            continue  # an organisation the dictionary or the article names as one
        if known is None and junk_class(record.text, kind="person", text=text) is not None:
            continue  # "Relations", "Traffic": a common word, not a name
        ref = known or ActorRef("person", record.text, None, None)
        if covering is not None:
            ref = dataclasses.replace(ref, country=ref.country or covering.ref.country)
        found.append((ActorMention(record, ref, "title"), covering))
        if " " in ref.name:  # "Nop Vy, the group's director": a later "Vy" is him
            surnames.setdefault(surname_key(ref.name.split()[-1]), ref)
    return found
