"""From a token of the parse to the actor it names, for the event coder and dating."""

from __future__ import annotations

import bisect
import dataclasses
from collections import deque
from collections.abc import Callable, Iterator, Mapping

from spacy.tokens import Doc, Token

from ..docview import children_of
from .dictionary import normalise
from .items import NATIONAL_NOUNS, ActorMention, ActorRef, named_with

# Links followed from a noun to the words that say whose it is:
# "Aliyev's remarks", "offer by President Aliyev", "the Azerbaijani leader", and
# where it is: "targets in Lebanon" are Lebanon's, as CAMEO codes them.
# Actors the events stage implies (an unnamed doer, unnamed victims): no antecedent of a
# pronoun, which names someone the text did.
IMPLIED = frozenset({"unidentified", "victims"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos", "prep", "pobj", "agent"})
OWNER_PREPS = frozenset({"of", "by", "from", "in"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
THIRD_PERSON_COLLECTIVE = frozenset({"it", "its", "they", "their", "them"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whose", "whom"})
# Definite nouns that stand for an organisation named before ("the group", "the militia").
GROUP_NOUNS = frozenset(
    {"group", "militia", "movement", "faction", "organisation", "organization", "alliance",
     "coalition", "bloc", "paramilitaries", "rebels", "insurgents", "outfit"}
)  # fmt: skip
BLOC_NOUNS = frozenset({"bloc", "alliance"})
INTERNATIONAL_CODES = frozenset({"IGO", "NGO"})
# Nouns a story uses for the company it names ("ABS-CBN ... the network"), however far back.
COMPANY_NOUNS = frozenset(
    {"company", "firm", "network", "broadcaster", "airline", "carrier", "corporation",
     "conglomerate", "newspaper", "channel", "operator"}
)  # fmt: skip


MEDIA_SECTOR = "MED"
COMPANY_SECTORS = frozenset({"BUS", MEDIA_SECTOR})
# Sectors of the state's own bodies, which no "the group" or "the movement" stands for.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
COMPANY_NAME_WORDS = frozenset(
    {"corporation", "company", "corp", "inc", "ltd", "group", "airlines", "airways", "air",
     "bank", "network", "broadcasting", "television", "media", "holdings"}
)  # fmt: skip


# Words of the names of state bodies, which are no companies.
STATE_NAME_WORDS = frozenset(
    {"commission", "ministry", "agency", "council", "court", "parliament", "congress",
     "senate", "police", "army", "government", "authority", "department", "office",
     "committee", "assembly", "party", "law", "act"}
)  # fmt: skip


def _a_company(ref: ActorRef) -> bool:
    """A business or media organisation: by its sector, or an organisation with no sector
    whose name is no state body's."""
    if ref.kind != "organisation" or ref.country in {None, "IGO", "NGO"}:
        return False
    words = set(ref.name.lower().replace(".", "").split())
    if ref.sector in COMPANY_SECTORS or words & COMPANY_NAME_WORDS:
        return True
    return ref.sector is None and not words & STATE_NAME_WORDS


def _modified(token: Token) -> bool:
    """ "the state broadcaster", "the Iranian airline": a company of its own."""
    return any(c.dep_ in COMPANY_MODIFIERS for c in children_of(token))


COMPANY_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "nummod", "appos"})


# Words that make a definite noun an actor of its own, not one named before.
BARE_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "prep", "nummod", "appos"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
ANAPHORA_REACH = 600  # characters back: about three sentences
# "the two countries", "both governments": the last two states named, within reach.
PAIR_NOUNS = frozenset(
    {"country", "nation", "government", "neighbour", "neighbor", "state", "side", "leader"}
)
PAIR_REACH = 1500
# Nouns of relation: "Russia's allies" and "our partners" are not Russia or us.
RELATIONAL_NOUNS = frozenset(
    {"partner", "ally", "neighbour", "neighbor", "friend", "enemy", "adversary", "rival",
     "counterpart", "opponent", "critic", "supporter", "foe", "victim"}
)  # fmt: skip


class MentionIndex:
    """Actor mentions of one Doc, looked up by token or character offset."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[ActorMention],
        *,
        fallback: Callable[[Token], ActorMention | None] | None = None,
        country: str | None = None,
        members: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """`fallback` makes an actor of a phrase no mention covers (`refs_for(generic=True)`);
        `country` is the article's main country (`generic.dominant_country`); `members`
        gives, by normalised name, the other codes of an actor that stands for several
        (`ActorDictionary.members`)."""
        self.doc = doc
        self.members = members or {}
        self.country = country
        self.mentions = sorted(mentions, key=lambda m: m.span.start)
        self._starts = [m.span.start for m in self.mentions]
        self._by_token: dict[int, ActorMention] = {}
        self.fallback = fallback
        # refs_for's answers while the index is unchanged: the stages ask for the same
        # phrases again (the coder, the speech acts and the dating all read a verb's subject)
        self._refs: dict[tuple[int, ActorRef | None, bool], tuple[ActorRef, ...]] = {}
        self._version = 0
        for mention in self.mentions:
            self._register(mention)

    def _register(self, mention: ActorMention) -> None:
        self._version += 1
        self._refs.clear()
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):  # indices: no Token objects made
                self._by_token.setdefault(i, mention)

    def add(self, mention: ActorMention) -> None:
        """Add a mention found after indexing (a generic actor of an event)."""
        i = bisect.bisect_right(self._starts, mention.span.start)
        self.mentions.insert(i, mention)
        self._starts.insert(i, mention.span.start)
        self._register(mention)

    def replace(self, old: ActorMention, new: ActorMention) -> None:
        """Put `new` where `old` was: the entity model renames an actor ("Simasiku", read
        as an organisation, is the director the article says he is)."""
        i = self.mentions.index(old)
        del self.mentions[i]
        del self._starts[i]
        self._version += 1
        span = self.doc.char_span(old.span.start, old.span.end, alignment_mode="expand")
        for token_i in range(span.start, span.end) if span is not None else ():
            if self._by_token.get(token_i) is old:  # `old` was registered on its own tokens
                del self._by_token[token_i]
        self.add(new)

    def at(self, token: Token) -> ActorMention | None:
        return self._by_token.get(token.i)

    def covering(self, start: int, end: int) -> ActorMention | None:
        """The mention that overlaps the character range most, if any."""
        best, best_overlap = None, 0
        # Only mentions that start before `end` can overlap; they are a prefix of the list.
        for mention in self.mentions[: bisect.bisect_left(self._starts, end)]:
            overlap = min(end, mention.span.end) - max(start, mention.span.start)
            if overlap > best_overlap:
                best, best_overlap = mention, overlap
        return best

    def last_person_before(self, offset: int) -> ActorMention | None:
        return self._last_before(offset, person=True)

    def before(self, offset: int, reach: int | None = None) -> Iterator[ActorMention]:
        """Mentions that start before `offset`, nearest first; with `reach`, only those that
        end at most `reach` characters before it."""
        for i in range(bisect.bisect_left(self._starts, offset) - 1, -1, -1):
            mention = self.mentions[i]
            if reach is not None and offset - mention.span.end > reach:
                return
            yield mention

    def country_actor(self, ref: ActorRef) -> ActorRef | None:
        """The country `ref` belongs to, as the article names it ("Ghana" for Ghana's
        prosecutors), or None where the article never names the country itself."""
        if ref.kind == "country" and not ref.sector:
            return ref
        return next(
            (m.ref for m in self.mentions
             if m.ref.kind == "country" and not m.ref.sector and m.ref.country == ref.country),
            None,
        )  # fmt: skip

    def _last_before(
        self, offset: int, *, person: bool, besides: ActorRef | None = None
    ) -> ActorMention | None:
        return next(
            (m for m in self.before(offset)
             if (m.ref.kind == "person") == person and m.ref != besides
             and m.how not in IMPLIED),
            None,
        )  # fmt: skip

    def refs_for(
        self, token: Token, *, speaker: ActorRef | None = None, generic: bool = False
    ) -> list[ActorRef]:
        """The actors a noun phrase names: itself, its owner, or each conjunct.

        "Armenia and Azerbaijan" gives two refs; "Aliyev's remarks" gives Aliyev;
        "we" inside a quote gives the quote's speaker; "he" the last person named.
        With `generic`, a phrase that names no known actor ("thousands of students")
        becomes one through the index's fallback.
        """
        if token.doc is not self.doc:
            return self._refs_for(token, speaker=speaker, generic=generic)
        key = (token.i, speaker, generic)
        found = self._refs.get(key)
        if found is None:
            version = self._version
            found = tuple(self._refs_for(token, speaker=speaker, generic=generic))
            if version == self._version:  # found no new actor on the way
                self._refs[key] = found
        return list(found)

    def _refs_for(
        self, token: Token, *, speaker: ActorRef | None = None, generic: bool = False
    ) -> list[ActorRef]:
        heads = [token, *_conjuncts(token)]
        refs: list[ActorRef] = []
        for head in heads:
            pair = self.the_two(head)
            if pair:  # "the two countries agreed": the last two named
                refs += [r for r in pair if r not in refs]
                continue
            ref = self._ref_for_head(head, speaker=speaker)
            if ref is None and head.pos_ == "PROPN":
                ref = self._person_by_surname(head)
            if ref is None and generic and self.fallback is not None:
                mention = self.fallback(head)
                if mention is not None:
                    self.add(mention)
                    ref = mention.ref
            owned = self.at(head) is None  # named through its owner, not itself
            sectoral = self._sectoral(head, ref)
            if sectoral is not None:
                ref = sectoral.ref
            if ref is not None and ref not in refs:
                refs.append(ref)
                refs += [r for r in self._members_of(ref) if r not in refs]
                refs += [r for r in self._coordinated(_pronoun_of(head), ref) if r not in refs]
            # "lawmakers in A and B", "the foreign ministers of A and B": B's too
            group = sectoral or (None if owned else self.at(head))
            if group is not None and (group.ref.kind == "person" or not group.ref.sector):
                group = None
            if ref is not None and (owned or group is not None):
                others = self._owner_conjuncts(head, placed=group is not None)
                if group is not None:
                    others = [self._same_sector(group, other) for other in others]
                refs += [r for r in others if r not in refs]
        if not refs:  # "allies such as Germany", "neighbours including Kenya and Uganda"
            for example in _examples(token):
                refs += [r for r in self.refs_for(example, speaker=speaker) if r not in refs]
        return refs

    def _coordinated(self, pronoun: Token | None, ref: ActorRef) -> list[ActorRef]:
        """ "Pakistan and China reject claims that their ventures ...": a plural pronoun
        whose antecedent is one of coordinated actors stands for all of them."""
        if pronoun is None or pronoun.lower_ not in PLURAL_PRONOUNS:
            return []
        mention = next((m for m in self.before(pronoun.idx) if m.ref == ref), None)
        if mention is None:
            return []
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            return []
        first = span.root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        members = [m.ref for t in (first, *_conjuncts(first)) if (m := self.at(t)) is not None]
        return members if len(members) > 1 and ref in members else []

    def _sectoral(self, head: Token, owner: ActorRef | None) -> ActorMention | None:
        """ "Lawmakers in Fornost", "police from Ghana": a sector noun whose owner is a
        bare country is that country's sector (FORLEG), not the country itself."""
        if owner is None or owner.kind != "country" or self.fallback is None:
            return None  # (a capital's GOV sector gives way: "police in Kabul" are AFGCOP)
        if head.pos_ != "NOUN" or self.at(head) is not None:
            return None
        mention = self.fallback(head)
        if mention is None or not mention.ref.sector or mention.ref.country != owner.country:
            return None
        self.add(mention)
        return mention

    def _same_sector(self, sectoral: ActorMention, other: ActorRef) -> ActorRef:
        """`sectoral`'s actor for the country `other` names ("India Armed Forces" and
        Pakistan: "Pakistan Armed Forces")."""
        if other.kind != "country":
            return other
        name = sectoral.ref.name
        own = next(
            (m.ref.name for m in self.mentions
             if m.ref.kind == "country" and m.ref.country == sectoral.ref.country),
            None,
        )  # fmt: skip
        name = name.replace(own, other.name) if own and own in name else name
        ref = dataclasses.replace(sectoral.ref, country=other.country, name=name)
        if not any(m.ref == ref for m in self.mentions):
            self.add(ActorMention(sectoral.span, ref, sectoral.how))
        return ref

    def _titled(self, token: Token, mention: ActorMention) -> ActorMention:
        """A name the dictionary codes as a bare country, under a title that gives a
        sector ("Bree President Romendacil"), is the country's office-holder."""
        if mention.ref.kind != "country" or mention.ref.sector:
            return mention
        for child in children_of(token):
            titled = self.at(child) if child.dep_ == "compound" else None
            if (
                titled is not None
                and titled is not mention
                and titled.ref.sector
                and titled.ref.country == mention.ref.country
            ):
                return titled
        return mention

    def _members_of(self, ref: ActorRef) -> list[ActorRef]:
        """The other actors a group actor stands for ("The Shire" is FRO, BIL and SAM),
        each added to the index as a mention of the group's words."""
        codes = self.members.get(normalise(ref.name), ()) if self.members else ()
        if not codes:
            return []
        found = []
        for code in codes:
            member = dataclasses.replace(
                ref, country=code[:3], sector=code[3:] or None, given_code=None
            )
            if not any(m.ref == member for m in self.mentions):
                group = next((m for m in self.mentions if m.ref == ref), None)
                if group is None:
                    continue
                self.add(ActorMention(group.span, member, "member"))
            found.append(member)
        return found

    def _owner_conjuncts(self, token: Token, *, placed: bool = False) -> list[ActorRef]:
        """The other owners of a phrase whose owner is a list: "the ambassadors of Arnor,
        Osgiliath and Gondor", "Eriadori and Calenardhon leaders"; with `placed`, also
        the other places of a sector noun's list, the first being no actor of its own
        ("lawmakers in Nairobi and Dodoma": Nairobi there is a place)."""
        for child in children_of(token):
            owner = child
            if child.dep_ == "prep" and child.lower_ in {"of", "in", "from"}:
                owner = next((g for g in children_of(child) if g.dep_ == "pobj"), child)
            elif child.dep_ not in {"nmod", "compound", "amod", "poss"}:
                continue
            if self.at(owner) is self.at(token) or (self.at(owner) is None and not placed):
                continue  # no actor, or the phrase's own ("foreign" of "foreign ministers")
            conjuncts = [self.at(c) for c in _conjuncts(owner, adjectives=True)]
            return [m.ref for m in conjuncts if m is not None]
        return []

    def _person_by_surname(self, token: Token) -> ActorRef | None:
        """ "Beridze and Hakobyan will meet": a bare surname the model did not tag is the
        person named in full earlier (or later) in the article."""
        key = token.text.lower()
        found = {
            m.ref
            for m in self.mentions
            if m.ref.kind == "person"
            and " " in m.ref.name
            and m.ref.name.split()[-1].lower() == key
        }
        return found.pop() if len(found) == 1 else None

    def _ref_for_head(self, token: Token, *, speaker: ActorRef | None) -> ActorRef | None:
        lower = token.lower_ if token.pos_ == "PRON" or token.text.islower() else ""
        if lower in FIRST_PERSON:
            return speaker
        if lower in PERSONAL_PRONOUNS:
            # the entity model's link where it made one (`communique.entities.anaphora`)
            mention = self.at(token) or self.last_person_before(token.idx)
            return mention.ref if mention else None
        if lower in THIRD_PERSON_COLLECTIVE and token.pos_ == "PRON":
            # "Syria says it is willing": a state or body is "it", its people "they"; but
            # "them" in what a body reports is others ("many of them had been beaten").
            if speaker is not None and speaker.kind != "person" and token.dep_ in SUBJECTS:
                return speaker  # not "their boundaries" after "Turkey and Greece agreed"
            mention = self._last_before(token.idx, person=False, besides=speaker)
            return mention.ref if mention else None
        if lower in RELATIVE_PRONOUNS and token.tag_ in {"WP", "WDT", "WP$"}:
            antecedent = _antecedent(token)
            return self._owner(antecedent, speaker=speaker) if antecedent is not None else None
        return self._owner(token, speaker=speaker) or self._described(token)

    def appositive_person(self, token: Token) -> ActorRef | None:
        """The person an untitled or generic head is followed by in apposition."""
        own = self.at(token)
        if own is not None and own.ref.kind == "person":
            return None
        for child in children_of(token):
            if child.dep_ == "appos":
                mention = self.at(child)
                if mention is not None and mention.ref.kind == "person":
                    return mention.ref
        return None

    def the_two(self, token: Token) -> list[ActorRef]:
        """ "the two countries", "both governments": the last two states named before."""
        if token.lemma_.lower() not in PAIR_NOUNS or self.at(token) is not None:
            return []
        if not any(
            (c.dep_ == "nummod" and c.lower_ == "two")
            or (c.dep_ in {"det", "predet"} and c.lower_ == "both")
            for c in children_of(token)
        ):
            return []
        found: list[ActorRef] = []
        for mention in self.before(token.idx, PAIR_REACH):
            ref = mention.ref
            if ref.kind == "country" and all(f.country != ref.country for f in found):
                found.append(ref)
                if len(found) == 2:
                    return found[::-1]
        return []

    def _described(self, token: Token) -> ActorRef | None:
        """ "The paramilitary group denied ...": a definite group noun with no owner of its
        own is the armed group or organisation named last, a few sentences back at most.
        "The court ruled", "the council's president": a bare definite noun that is a word
        of an organisation's name is the nearest organisation so named (the International
        Court of Justice, the Security Council), however far back."""
        if self.at(token) is not None or token.pos_ not in {"NOUN", "PROPN"}:
            return None  # ("the Council": the model may tag a capitalised noun a name)
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in children_of(token)):
            return None
        kinds = {"organisation", "group"}
        if token.lemma_.lower() in GROUP_NOUNS:
            blocs = token.lemma_.lower() in BLOC_NOUNS  # "the bloc": an alliance of states
            found = (
                m.ref
                for m in self.before(token.idx, ANAPHORA_REACH)
                if m.ref.kind in kinds
                and m.how not in IMPLIED  # not "victims (SOM)"
                and m.ref.sector not in STATE_SECTORS  # "the group" is no ministry
                and (not blocs or m.ref.country in INTERNATIONAL_CODES)
            )
            return next(found, None)
        if token.lemma_.lower() in COMPANY_NOUNS and not _modified(token):
            return self._company_before(token)  # "the network": the story's company
        if token.lemma_.lower() in NATIONAL_NOUNS:
            return None  # "the army" after the Lord's Resistance Army is the state's army
        if any(c.dep_ in BARE_MODIFIERS for c in children_of(token)):
            return None  # "the Kenyan court", "the appeals court": a court of its own
        named = (m for m in self.before(token.idx) if m.how not in IMPLIED)
        return named_with(token.lower_, named)

    def _company_before(self, token: Token) -> ActorRef | None:
        """The company the story has named most often before `token` (the nearest of
        equals): "ABS-CBN ... ABS-CBN's franchise ... the network"."""
        counts: dict[ActorRef, int] = {}
        for mention in self.before(token.idx):  # nearest first
            if _a_company(mention.ref):
                counts[mention.ref] = counts.get(mention.ref, 0) + 1
        return max(counts, key=lambda ref: counts[ref]) if counts else None

    def _owner(self, token: Token, *, speaker: ActorRef | None) -> ActorRef | None:
        if token.lemma_.lower() in RELATIONAL_NOUNS and self.at(token) is None:
            return self._member_body(token)
        named = self.appositive_person(token)
        if named is not None:  # "The UN Secretary-General, Antonio Guterres, said"
            return named
        queue: deque[tuple[Token, int]] = deque([(token, 0)])
        seen = {token.i}
        while queue:
            current, depth = queue.popleft()
            mention = self.at(current)
            if mention is not None and _posted_to(token, current, mention.ref):
                continue  # "his U.N. mission": the body it is posted to, not whose it is
            if mention is not None:
                return self._titled(current, mention).ref
            described = self._described(current) if depth else None
            if described is not None:  # "the court's president"
                return described
            if current.lower_ == "whose":
                antecedent = _antecedent(current)
                return self._owner(antecedent, speaker=speaker) if antecedent is not None else None
            if current.dep_ == "poss" and current.lower_ in FIRST_PERSON | THIRD_PERSON_COLLECTIVE:
                return self._ref_for_head(current, speaker=speaker)
            if depth >= 4:
                continue
            for child in children_of(current):
                if child.i in seen or child.dep_ not in OWNER_DEPS:
                    continue
                if child.dep_ == "prep" and child.lower_ not in OWNER_PREPS:
                    continue
                seen.add(child.i)
                queue.append((child, depth + 1))
        return None

    def _member_body(self, token: Token) -> ActorRef | None:
        """The international organisation a relational noun names by its members: "its
        European Community partners", "NATO allies" are the EC and NATO; "Russia's allies"
        and "US allies" are no one the phrase names."""
        for child in children_of(token):
            mention = self.at(child) if child.dep_ == "compound" else None
            if mention is not None and mention.ref.country == "IGO":
                return mention.ref
        return None


# A country's people and offices posted to an international body ("Iran's U.N. mission").
DELEGATE_NOUNS = frozenset(
    {"mission", "delegation", "envoy", "ambassador", "representative", "delegate"}
)


def _posted_to(head: Token, modifier: Token, ref: ActorRef) -> bool:
    """An international body modifying a delegate noun names where it is posted."""
    return (
        head.lemma_.lower() in DELEGATE_NOUNS
        and modifier.head == head
        and modifier.dep_ in {"compound", "amod", "nmod"}
        and ref.country == "IGO"
        and any(c.dep_ == "poss" for c in children_of(head))
    )


def _antecedent(pronoun: Token) -> Token | None:
    """What "who", "which" or "whose" stands for: the noun the relative clause hangs on,
    or else the nearest noun before it ("Armenia and Artsakh, whose ministries")."""
    clause = pronoun.head if pronoun.dep_ != "poss" else pronoun.head.head
    if clause.dep_ == "relcl":
        return clause.head
    for i in range(pronoun.i - 1, max(pronoun.sent.start, pronoun.i - 6) - 1, -1):
        token = pronoun.doc[i]
        if token.pos_ in {"NOUN", "PROPN"}:
            while token.dep_ == "conj" and token.head.i < token.i:
                token = token.head
            return token
    return None


# Prepositions that name examples of a noun: "allies such as X", "states including X".
EXAMPLE_PREPS = frozenset({"including", "like"})


def _examples(noun: Token) -> list[Token]:
    """The actors a plural noun names by example: "allies such as Germany"."""
    if noun.pos_ != "NOUN":
        return []
    return [
        g
        for c in children_of(noun)
        if c.dep_ == "prep"
        and (
            c.lower_ in EXAMPLE_PREPS
            or (c.lower_ == "as" and any(g.lower_ == "such" for g in children_of(c)))
        )
        for g in children_of(c)
        if g.dep_ == "pobj"
    ]


def _pronoun_of(head: Token) -> Token | None:
    """The pronoun a phrase is or is owned by ("they", "their ventures")."""
    if head.pos_ == "PRON":
        return head
    return next((c for c in children_of(head) if c.dep_ == "poss" and c.pos_ == "PRON"), None)


def _conjuncts(token: Token, *, adjectives: bool = False) -> list[Token]:
    """Nouns coordinated with `token`; with `adjectives`, also "Peruvian and *Chilean*"."""
    kinds = {"PROPN", "NOUN", "PRON", "ADJ"} if adjectives else {"PROPN", "NOUN", "PRON"}
    found = []
    for child in children_of(token):
        if child.dep_ == "conj" and child.pos_ in kinds:
            found.append(child)
            found += _conjuncts(child, adjectives=adjectives)
    return found
