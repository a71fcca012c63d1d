"""Who a quote's speaker phrase stands for: ordered sieves over the article's entities.

Most precise first, each a small function that returns a `Link` or passes:
1. `named`: a person named in the phrase as its head or in apposition ("US Ambassador to
   Germany Richard Grenell", "the mayor of Paris, Anne Hidalgo"), or the source of a
   statement ("a tweet by ... Mike Pompeo"); never an owner ("Zamora's lawyer").
2. `mentioned`: the actor the entity model already linked to the head: a name, an
   organisation as written, a pronoun or role noun (`anaphora`), a surname.
3. `organisation_noun`: "the ministry", "the rights group", "the network": the organisation
   named before whose name holds the noun or a modifier, else the nearest one.
4. `group`: "Pakistani officials", "Officials", "Police": a group actor with a country and a
   sector, named with its country ("French officials").
5. `quote_stage`: what the quote finder resolved ("who", "the agency, which").
A phrase that coordinates speakers ("Bugti and Chaudhry") links each conjunct.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..actors.dictionary import ActorDictionary
from ..actors.generic import group_name
from ..actors.items import ActorMention, ActorRef
from ..actors.lookup import RELATIONAL_NOUNS, STATE_SECTORS, MentionIndex
from ..actors.names import junk_class
from ..docview import children_of, view
from ..model import Span
from ..quotes.items import QuoteFinding
from ..quotes.lexicon import ORG_NOUNS, STATEMENT_NOUNS
from ..quotes.speakers import antecedent, speaker_of_cue
from .items import Link
from .organisations import initials
from .people import People
from .words import COLLECTIVE_NOUNS, PEOPLE_NOUNS

ORG_REACH = 1500  # characters back for "the ministry" with no name match
THEY_REACH = 600  # characters back for "they": about three sentences
ORG_KINDS = frozenset({"organisation", "group"})
SOURCE_PREPS = frozenset({"by", "from", "of"})
LINKED_HOW = frozenset(
    {"pronoun", "role", "cataphora", "surname", "title", "acronym", "organisation"}
)
SOURCE_NOUNS = frozenset({"media", "police", "army", "military", "government", "press"})
ISSUING_VERBS = frozenset(
    {"issue", "release", "publish", "sign", "post", "send", "circulate", "deliver", "file"}
)  # "X issued a statement": the statement is X's
CHANNEL_NOUNS = frozenset(
    {"account", "page", "feed", "channel", "website", "handle", "site"}
)  # "X's account": X speaks
# Clauses that hang on a speaker phrase: "a letter urging ...", "officials who ...".
CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp"})
DESCRIBING_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod"})
QUANTIFIERS = frozenset(
    {"one", "some", "several", "many", "few", "other", "two", "both", "most", "all", "another"}
)
PLACE_OR_BODY = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})
ELIDED_COUNTS = frozenset({"some", "several", "many", "most", "all", "both", "few"})  # not "others"
STATEMENT_LIKE = frozenset(
    {"estimate", "position", "account", "figure", "version", "intelligence", "information",
     "assessment", "finding", "findings"}
)  # fmt: skip
# What marks a group as armed: "the separatist group" is the armed group named before.
ARMED_WORDS = frozenset(
    {"separatist", "militant", "rebel", "armed", "insurgent", "terrorist", "jihadist",
     "extremist", "paramilitary", "islamist"}
)  # fmt: skip


class SpeakerSieves:
    """The speaker sieves of one article, over its actor index."""

    def __init__(
        self,
        doc: Doc,
        index: MentionIndex,
        *,
        dictionary: ActorDictionary,
        country_of: Callable[[str], str | None],
        people: People,
    ) -> None:
        self.doc = doc
        self.people = people
        self.text = view(doc).text  # spaCy builds doc.text anew on every access
        self.index = index
        self.dictionary = dictionary
        self.country_of = country_of

    def link(self, finding: QuoteFinding) -> Link | None:
        """The actors `finding`'s speaker phrase stands for, or None."""
        span = finding.speaker_mention
        words = self.doc.char_span(span.start, span.end, alignment_mode="expand") if span else None
        if words is None:
            return None
        head = words.root
        head = antecedent(head) or head  # "a statement which read": the statement
        refs: list[ActorRef] = []
        sieve = ""
        for conjunct in sorted([head, *_conjuncts(head)], key=lambda t: t.i):
            if conjunct.lemma_.lower() in RELATIONAL_NOUNS:
                continue  # "Russia's allies said": no one the phrase names
            found = self.one(conjunct)
            if found is None and conjunct.i == head.i:
                found = self.quote_stage(finding, head)
            if found is None:
                continue
            for ref in found.refs:
                if ref not in refs:
                    refs.append(ref)
                    sieve = sieve or found.sieve
        return Link(tuple(refs), sieve) if refs else None

    def one(self, head: Token) -> Link | None:
        pair = self.index.the_two(head)
        if pair:  # "the two countries said": the last two named
            return Link(tuple(pair), "pair")
        if head.lower_ == "they" and head.pos_ == "PRON":
            ref = self.they(head)
            return Link((ref,), "they") if ref is not None else None
        sieves = [
            self.named,
            self.described_organisation,
            self.mentioned,
            self.organisation_noun,
            self.group,
        ]
        if head.tag_ == "NNS" and head.pos_ == "NOUN":  # people described, not a body
            sieves = [self.named, self.group, self.mentioned]
        for sieve in sieves:
            ref = sieve(head)
            if ref is not None:
                return Link((ref,), self._label(sieve.__name__, head))
        return None

    def _label(self, sieve: str, head: Token) -> str:
        """The sieve's name; for a link the entity model made before ("he", "the minister",
        a surname), how that mention was linked."""
        own = self.index.at(head)
        if sieve in {"named", "mentioned"} and own is not None and own.how in LINKED_HOW:
            return own.how
        return sieve

    # -- sieves -----------------------------------------------------------------------------

    def named(self, head: Token) -> ActorRef | None:
        own = self.index.at(head)
        if own is not None and own.ref.kind == "person":
            return own.ref
        if _statement(head):
            source = _statement_source(head) or self._earlier_statement(head)
            if source is not None:
                found = self.one(source)
                if found is not None:
                    return found.refs[0]
                refs = self.index.refs_for(source) if source.pos_ == "PROPN" else []
                if len(refs) == 1:
                    return refs[0]
                return self._by_initials(source) or self._same_name(source)
        appositive = None if _statement(head) else comma_appositive(head, self.index)
        return (  # "According to official statements, Lee ...": Lee is no appositive
            self.index.appositive_person(head) or self._person_in_phrase(head) or appositive
        )

    def _same_name(self, token: Token) -> ActorRef | None:
        """The one actor named elsewhere in the article with the words of this name (the
        parser may leave a name at a paragraph's start untagged)."""
        if token.pos_ != "PROPN":
            return None
        first = token.i
        while (
            first > 0
            and self.doc[first - 1].pos_ == "PROPN"
            and self.doc[first - 1].head.i == token.i
        ):
            first -= 1
        name = self.doc[first : token.i + 1].text
        refs = {m.ref for m in self.index.mentions if name in {m.span.text, m.ref.name}}
        return refs.pop() if len(refs) == 1 else None

    def _earlier_statement(self, head: Token) -> Token | None:
        """ "The statement said": the author of the statement named a few sentences back
        ("Norvale issued a statement on Monday. The statement said ...")."""
        if not any(c.lower_ in {"the", "that", "this"} for c in children_of(head)):
            return None
        earlier = self._same_noun_before(head, THEY_REACH)
        return _statement_source(earlier) if earlier is not None else None

    def _same_noun_before(self, head: Token, reach: int, *, plural: bool = False) -> Token | None:
        """The nearest earlier use of `head`'s noun in the narrator's text, `reach`
        characters back at most."""
        for token in reversed(view(self.doc).tokens[: head.i]):
            if head.idx - token.idx > reach:
                return None
            same = token.lemma_ == head.lemma_ and (not plural or token.tag_ == "NNS")
            if same and not self.quoted(token):
                return token
        return None

    def they(self, head: Token) -> ActorRef | None:
        """ "they said": the nearest group or organisation that is a subject a few sentences
        back at most ("Nine press groups ... They said", "State prosecutors charged ...
        they said"), else the nearest group or organisation named there."""
        doc = self.doc
        fallback: ActorRef | None = None
        i = head.i - 1
        while i >= 0 and head.idx - doc[i].idx <= THEY_REACH:
            token = doc[i]
            i -= 1
            if self.quoted(token):
                continue
            own = self.index.at(token)
            if own is not None and own.ref.kind in ORG_KINDS:
                if token.dep_ in {"nsubj", "nsubjpass"}:
                    return own.ref
                fallback = fallback or own.ref
            elif own is None and token.dep_ in {"nsubj", "nsubjpass"} and token.tag_ == "NNS":
                group = self.group(token)  # "State prosecutors charged ..."
                if group is not None:
                    return group
        return fallback

    def quoted(self, token: Token) -> bool:
        return self.people.quoted(token.idx)

    def _by_initials(self, token: Token) -> ActorRef | None:
        """ "the NISA statement": the organisation named in full whose initials "NISA" are."""
        if not (token.text.isupper() and 2 <= len(token.text) <= 7):
            return None
        return next(
            (m.ref for m in self.index.mentions
             if m.ref.kind in ORG_KINDS and initials(m.ref.name) == token.text),
            None,
        )  # fmt: skip

    def _person_in_phrase(self, head: Token) -> ActorRef | None:
        """The one person named in the speaker's phrase other than as an owner ("the
        director of the group's office, Ana Ruiz"; not "Ruiz's lawyer") or in a clause that
        hangs on it ("the committee backing Ruiz")."""
        found: set[ActorRef] = set()
        clauses = {t.i for c in children_of(head) if c.dep_ in CLAUSE_DEPS for t in c.subtree}
        for token in head.subtree:
            mention = self.index.at(token)
            if mention is None or mention.ref.kind != "person" or token.dep_ == "case":
                continue
            if token.i in clauses or mention.how == "pronoun":
                continue  # "polls showing him ahead", "a statement saying she ...": not him
            if _owner(token, head):
                return None
            found.add(mention.ref)
        return found.pop() if len(found) == 1 else None

    def mentioned(self, head: Token) -> ActorRef | None:
        own = self.index.at(head)
        return own.ref if own is not None else None

    def organisation_noun(self, head: Token) -> ActorRef | None:
        """ "The ministry said": the organisation named before it; "the media association
        CamboJA said": the organisation the noun names."""
        lemma = head.lemma_.lower()
        if lemma not in ORG_NOUNS or head.pos_ != "NOUN" or head.tag_ != "NN":
            return None
        named = self._named_organisation(head) or self._owned_body(head)
        if named is not None:
            return named
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in children_of(head)):
            return None
        modifiers = {c.lower_ for c in children_of(head) if c.dep_ in {"amod", "compound"}}
        armed = bool(modifiers & ARMED_WORDS)
        by_word: ActorRef | None = None
        nearest: ActorRef | None = None
        for mention in self.index.before(head.idx):
            ref = mention.ref
            if ref.kind not in ORG_KINDS:
                continue
            words = {w.lower() for w in ref.name.split()}
            if (modifiers - ARMED_WORDS) & words or (armed and ref.sector in {"REB", "INS"}):
                return ref
            if by_word is None and lemma in words and not armed:
                by_word = ref
            if nearest is None and head.idx - mention.span.end <= ORG_REACH:
                nearest = ref
        body = self.dictionary.body(lemma)
        if body is not None and body.sector in STATE_SECTORS:
            return by_word  # "the military" is a body of its own country, not the last named
        return by_word or nearest

    def described_organisation(self, head: Token) -> ActorRef | None:
        """ "the media association CamboJA said": a name described by an organisation noun
        is that organisation, whatever the tagger made of the name."""
        if head.is_lower or head.is_punct or not head.is_alpha:
            return None
        if not any(
            c.dep_ == "compound" and c.lemma_.lower() in ORG_NOUNS for c in children_of(head)
        ):
            return None
        return self._organisation_named(head, head)

    def _owned_body(self, head: Token) -> ActorRef | None:
        """ "Matovic's government office said": a state body of the owner's country, an
        unnamed actor described as the text does ("Slovak government office"); "his legal
        team" or "her campaign" is no body of a state."""
        owner = next((c for c in children_of(head) if c.dep_ == "poss"), None)
        mention = self.index.at(owner) if owner is not None else None
        if mention is None or mention.ref.country in {None, "IGO", "NGO"}:
            return None
        if self.index.at(head) is not None:
            return None
        words = _described(head)
        bodies = [self.dictionary.body(t.lemma_.lower()) for t in words]
        sector = next(
            (b.sector for b in bodies if b is not None and b.sector in STATE_SECTORS), None
        )
        if sector is None:
            return None
        country = mention.ref.country
        name = group_name(words, country, self.dictionary)
        if name is None or not self.good_name(name, "group"):
            return None
        ref = ActorRef("group", name, country, sector)
        start, end = words[0].idx, head.idx + len(head.text)
        self.index.add(ActorMention(Span(self.text[start:end], start, end), ref, "described"))
        return ref

    def _named_organisation(self, head: Token) -> ActorRef | None:
        name = next(
            (c for c in children_of(head)
             if c.i > head.i and c.dep_ in {"appos", "compound", "npadvmod"} and c.pos_ == "PROPN"),
            None,
        )  # fmt: skip
        return self._organisation_named(head, name) if name is not None else None

    def _organisation_named(self, head: Token, name: Token) -> ActorRef | None:
        own = self.index.at(name)
        if own is not None and own.ref.kind in ORG_KINDS:
            return own.ref
        words = [t for t in head.subtree if t.i < head.i]
        named = [c for c in (self.country_of(t.text) for t in words) if c]
        country = named[0] if named else self.index.country
        if not self.good_name(name.text, "organisation"):
            return None
        ref = ActorRef("organisation", name.text, country, None)
        span = Span(name.text, name.idx, name.idx + len(name.text))
        if own is None:
            self.index.add(ActorMention(span, ref, "organisation"))
        else:
            self.index.replace(own, ActorMention(own.span, ref, "organisation"))
        return ref

    def group(self, head: Token) -> ActorRef | None:
        """An unnamed speaker as the text describes them, with the country its phrase
        names, else the article's main country: "Pakistani officials", "Authorities" (of
        France: "French authorities"), "an eyewitness"; a singular title the dictionary
        knows the holder of on the day is that person ("the prime minister")."""
        if head.lower_ in QUANTIFIERS or head.lower_ in {"others", "member", "members"}:
            of = _of_object(head)  # "some of the protesters", "members of the minority"
            if of is not None:
                return self.group(of)
            return self._elided_group(head)
        lemma = head.lemma_.lower()
        titled = (  # "One MP", "an MP": someone with that title, unnamed
            head.pos_ == "PROPN"
            and self.dictionary.role(head.text) is not None
            and any(c.lower_ in {"a", "an", "one", "another"} for c in children_of(head))
        )
        if (head.pos_ != "NOUN" and not titled) or _statement(head) or lemma in RELATIONAL_NOUNS:
            return None  # "Russia's allies" are not Russia's people
        mention = self.index.fallback(head) if self.index.fallback is not None else None
        if mention is not None and mention.ref.kind == "person":
            body = self._owning_body(head)
            if body is not None and body.country != mention.ref.country:
                return body  # "the court's president": the court's, not the country's
            if self.index.at(head) is None:  # "the foreign minister": its holder, named here
                self.index.add(mention)
            return mention.ref
        if mention is not None and mention.ref.kind != "group":
            return None
        if mention is None and lemma not in PEOPLE_NOUNS | COLLECTIVE_NOUNS:
            return None  # "the advantage", "estimates": no one described
        own = self.index.at(head)
        if own is not None and own.ref.kind in {"group", "person"}:
            return own.ref
        earlier = self._earlier_group(head) if own is None else None
        if earlier is not None:  # "the leaders of Puntland and Jubaland ... Those leaders"
            return self.group(earlier)
        if own is None:
            person = self.index.appositive_person(head)
            if person is not None:  # "another passenger, Ali Khan,"
                return person
            owner = self._owning_organisation(head)
            if owner is not None:
                return owner
        words = _described(head) + _of_places(head)
        named = [c for c in (self.country_of(t.text) for t in words) if c]
        if not named and mention is not None and len(words) == 1 and _definite(head):
            before = self._last_of_sector(head, mention.ref.sector)
            if before is not None and before.country != mention.ref.country:
                return before  # "Chile's military said ... the military said", in a Bolivian story
        country = named[0] if named else (mention.ref.country if mention else self.index.country)
        sector = mention.ref.sector if mention is not None else "CVL"
        if not words or country is None:
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        name = group_name(words, country, self.dictionary)
        if name is None:
            return None
        ref = ActorRef("group", name, country, sector)
        described = ActorMention(Span(self.text[start:end], start, end), ref, "group")
        if own is None:
            self.index.add(described)
        elif own.ref.country == country:
            self.index.replace(own, described)  # "officials" read as "Pakistan Government"
        else:
            return own.ref
        return ref

    def _last_of_sector(self, head: Token, sector: str | None) -> ActorRef | None:
        """The body of `sector` the story has been telling of, a few sentences back at most
        (named most often there, then last): a bare "the military" is the military the
        story named, not the main country's."""
        if sector not in STATE_SECTORS:
            return None
        seen: dict[ActorRef, tuple[int, int]] = {}
        for mention in self.index.mentions:
            if mention.span.start >= head.idx:
                break
            ref = mention.ref
            near = head.idx - mention.span.start <= SECTOR_REACH
            if near and ref.sector == sector and ref.country and ref.kind == "organisation":
                seen[ref] = (seen.get(ref, (0, 0))[0] + 1, mention.span.start)
        return max(seen, key=lambda r: seen[r]) if seen else None

    def _owning_body(self, head: Token) -> ActorRef | None:
        """The organisation a title's possessive names ("the court's president")."""
        owner = next((c for c in children_of(head) if c.dep_ == "poss"), None)
        refs = self.index.refs_for(owner) if owner is not None else []
        return next((r for r in refs if r.kind == "organisation"), None)

    def _earlier_group(self, head: Token) -> Token | None:
        """ "Those leaders", "these protesters": the same plural noun a few sentences back."""
        if head.tag_ != "NNS" or not any(c.lower_ in {"those", "these"} for c in children_of(head)):
            return None
        return self._same_noun_before(head, ORG_REACH, plural=True)

    def _elided_group(self, head: Token) -> ActorRef | None:
        """ "Some of the protesters said ...; several said ...": a bare count of people is
        of the group last named by a plural a sentence or two before."""
        if head.lower_ not in ELIDED_COUNTS:
            return None  # "one", "another": one person, not the group
        for mention in self.index.before(head.idx, THEY_REACH):
            span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is None or self.people.quoted(mention.span.start):
                continue
            if span.root.tag_ == "NNS" and mention.ref.kind in ORG_KINDS:
                return mention.ref
        return None

    def _owning_organisation(self, head: Token) -> ActorRef | None:
        """The organisation a described group is: an international one that owns it
        ("European Union foreign ministers" act for the EU), or one named after the noun
        ("the broadcaster PBS")."""
        owners = self.index.refs_for(head)
        if not owners or owners[0].kind != "organisation":
            return None
        if owners[0].country in {"IGO", "NGO"}:
            return owners[0]
        after = [m for m in self.index.mentions if m.ref == owners[0] and m.span.start > head.idx]
        near = [m for m in after if m.span.start - head.idx < 40]
        return owners[0] if near else None

    def good_name(self, name: str, kind: str) -> bool:
        """No pronoun, determiner phrase or bare common noun as an actor's name."""
        return junk_class(name, kind=kind, text=self.text, dictionary=self.dictionary) is None

    def quote_stage(self, finding: QuoteFinding, head: Token) -> Link | None:
        """What the quote finder resolved ("who" -> its noun), through the actor index."""
        found = finding.speaker_ref
        mention = self.index.covering(found.start, found.end) if found else None
        if mention is not None:
            return Link((mention.ref,), "quote_stage")
        refs = self.index.refs_for(head)
        return Link((refs[0],), "quote_stage") if len(refs) == 1 else None


def tight_mention(doc: Doc, span: Span, refs: tuple[ActorRef, ...], index: MentionIndex) -> Span:
    """The words that name the speaker, never a whole clause: the speaker's own name where
    the phrase holds it ("a tweet on Monday by Secretary of State Ann Lee" -> "Ann Lee"),
    else the phrase up to a clause that hangs on it ("a statement saying ...")."""
    inside = [
        m for m in index.mentions
        if m.ref in refs and span.start <= m.span.start and m.span.end <= span.end
    ]  # fmt: skip
    if inside and inside[0].span != span:
        first = min(inside, key=lambda m: m.span.start).span
        last = max(inside, key=lambda m: m.span.end).span
        return Span(view(doc).text[first.start : last.end], first.start, last.end)
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None:
        return span
    for conjunct in _conjuncts(words.root):  # "Lee and Governor Ann Ruiz said": Ruiz's words
        own = index.at(conjunct)
        if own is not None and own.ref in refs:
            return own.span
    cut = next((t for t in words if t.dep_ in CLAUSE_DEPS and t.i > words.root.i), None)
    if cut is None or cut.i - words.start < 2:
        return span
    end = doc[cut.i - 1]
    while end.i > words.start and (end.is_punct or end.lower_ in {"and", "or", "which", "who"}):
        end = doc[end.i - 1]
    stop = end.idx + len(end.text)
    return Span(view(doc).text[span.start : stop], span.start, stop)


def comma_appositive(head: Token, index: MentionIndex) -> ActorRef | None:
    """ "According to the mayor, Dee Margo, police ...", "the speaker of the parliament Ali
    Larijani wrote": a person named right after a title, between commas or with none, is
    the title's holder, whatever the parser attached him to."""
    if head.pos_ != "NOUN":
        return None
    doc = view(head.doc).tokens
    after = head.right_edge.i + 1
    comma = after < len(doc) and doc[after].text == ","
    first = after + 1 if comma else after
    if first >= len(doc):
        return None
    mention = index.at(doc[first])
    if mention is None or mention.ref.kind != "person" or mention.span.start != doc[first].idx:
        return None
    if not comma:
        return mention.ref
    end = head.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    closing = doc[end.end] if end is not None and end.end < len(doc) else None
    return mention.ref if closing is None or closing.is_punct else None


def _statement(head: Token) -> bool:
    """A statement, report or estimate speaks for its author."""
    return (
        head.lemma_.lower() in STATEMENT_NOUNS
        or head.lower_ in STATEMENT_NOUNS
        or head.lemma_.lower() in STATEMENT_LIKE
    )


def _of_object(head: Token) -> Token | None:
    for child in children_of(head):
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in children_of(child) if g.dep_ == "pobj"), None)
    return None


# How far back (characters) a bare sector noun ("the military") looks for the state body
# it refers to.
SECTOR_REACH = 1200


def _definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(head))


def _described(head: Token) -> list[Token]:
    """The words that describe an unnamed speaker: the head and the modifiers right before
    it, without articles, numbers and quantifiers ("One senior official" -> "senior
    official")."""
    words = [head]
    doc = head.doc
    for i in range(head.i - 1, max(head.left_edge.i, head.i - 6) - 1, -1):
        token = doc[i]
        if token.dep_ not in DESCRIBING_DEPS or token.like_num or token.lower_ in QUANTIFIERS:
            break
        words.insert(0, token)
    return words


def _of_places(head: Token) -> list[Token]:
    """ "leaders of Puntland and Jubaland": the places or bodies a group is of, as words of
    its name."""
    for child in children_of(head):
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == head.i + 1:
            obj = next((g for g in children_of(child) if g.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in PLACE_OR_BODY:
                return list(head.doc[child.i : obj.right_edge.i + 1])
    return []


def _conjuncts(head: Token) -> list[Token]:
    """ "Bugti and Chaudhry said": each speaker of one statement."""
    found = []
    for child in children_of(head):
        if child.dep_ == "conj" and _may_speak(child):
            found += [child, *_conjuncts(child)]
    return found


def _may_speak(token: Token) -> bool:
    """A name, a group ("officials") or a determined noun ("the ministry"); not a second
    description of one speaker ("Ann Lee of the university and contributor to a paper")."""
    if token.pos_ == "PROPN":
        return True
    if token.pos_ != "NOUN":
        return False
    return token.tag_ == "NNS" or any(c.dep_ in {"det", "poss"} for c in children_of(token))


def _owner(token: Token, head: Token) -> bool:
    """`token` is whose the phrase headed by `head` is ("Ruiz's lawyer", "the wife of Ruiz"),
    not a name in apposition ("the mayor of Paris, Anne Hidalgo")."""
    while token.dep_ in {"compound", "flat"} and token.head.i != token.i:
        token = token.head
    if token.i == head.i:
        return False
    if token.dep_ == "pobj":  # "the wife of Lee", not "Ambassador to Germany Ann Lee"
        return token.head.lower_ in {"of", "for"} and token.head.head.i == head.i
    return token.dep_ == "poss"


def _statement_source(head: Token) -> Token | None:
    """ "a statement by X", "a tweet from X", "X's statement", "the NISA statement" -> X."""
    for child in children_of(head):
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
            source = next((g for g in children_of(child) if g.dep_ == "pobj"), None)
            if source is not None:
                return source
        if child.dep_ == "acl":  # "a statement issued by X", "a tweet sent from X's account"
            for grand in children_of(child):
                if grand.dep_ == "agent" or (grand.dep_ == "prep" and grand.lower_ == "from"):
                    source = next((g for g in children_of(grand) if g.dep_ == "pobj"), None)
                    return _account_owner(source) if source is not None else None
    for child in children_of(head):  # "local media reports", "police reports"
        if child.dep_ == "compound" and child.lower_ in SOURCE_NOUNS:
            return child
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() in ISSUING_VERBS:
        return speaker_of_cue(verb)  # "Lee issued a statement saying ...": Lee
    return None


def _account_owner(source: Token) -> Token:
    """ "X's account", "X's website" speak for X."""
    if source.lemma_.lower() in CHANNEL_NOUNS:
        owner = next((c for c in children_of(source) if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    return source
