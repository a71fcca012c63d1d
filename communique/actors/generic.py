"""Actors the dictionary does not name: generic groups and the article's main country.

An event must not be lost because its source is not in the dictionary. "Tens of
thousands of students in Jakarta", "riot police" or "Jewish settlers" are actors of
a known sector (CVL, COP...) whose country comes from their own noun phrase or, when
the phrase names none, from the country the article is mostly about. The same
default country is given to titled people the text gives no country ("President
Levy Mwanawasa"), as a human coder would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..datelines import in_dateline
from ..docview import children_of, view
from ..model import Span
from ..places import lookup_place
from .dictionary import INTERNATIONAL, ActorDictionary
from .items import ActorMention, ActorRef
from .names import DETERMINERS, junk_class

# Heads that only count or group people: "thousands of students", "a group of elders".
QUANTITY_HEADS = frozenset(
    {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "ten", "tens",
     "million", "millions", "group", "number", "members", "member", "some", "many",
     "most", "majority", "band", "crowd", "crowds", "scores", "score", "part", "one"}
)  # fmt: skip
PLACE_PREPS = frozenset({"in", "from", "of", "throughout", "across", "at"})
ACT_PLACE_PREPS = frozenset({"in", "throughout", "across"})
NAMED_LABELS = frozenset({"NORP", "ORG"})
ETHNIC_SECTOR = "ETH"


def dominant_country(
    mentions: Iterable[ActorMention], places: Iterable[tuple[str, int]] = (), *, lede: int = 0
) -> str | None:
    """The country most mentions belong to (first mentioned on a tie); None if none.
    `places` (country, offset) of the places the article names count too: a story set in
    Dhaka that names India once and Bangladesh once is about Bangladesh. What the lede
    (the text before offset `lede`) names counts twice: it says whom the story is about."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    found = [(m.ref.country, m.span.start) for m in mentions]
    for country, start in [*found, *places]:
        if country and country not in INTERNATIONAL:
            counts[country] += 2 if start < lede else 1
            first[country] = min(first.get(country, start), start)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first[c]))


# Sectors that act where the story happens: police, courts and prosecutors.
LOCAL_SECTORS = frozenset({"COP", "JUD"})


MILITANT_NETWORK = "IMG"  # CAMEO's international militarised groups (al-Qaeda, Islamic State)


def with_default_country(
    mentions: list[ActorMention], country: str | None, local: str | None = None
) -> list[ActorMention]:
    """Titled people (a sector or a role: "the party's general secretary"), unknown
    organisations and described groups without a country take `country` ("President Levy
    Mwanawasa", "the Umma party", "Islamic fundamentalists"); police, courts and
    prosecutors take `local`, the country of the places the story happens in, when there
    is one (a federal prosecutor in a New York trial of an Iranian plot is American); an
    international title ("Secretary General") makes its holder IGO instead."""
    filled = []
    for mention in mentions:
        ref = mention.ref
        if ref.country == MILITANT_NETWORK and (country or local):
            # "the Islamic State in Iraq": militants take the country where they act; the
            # code keeps CAMEO's IMG
            ref = dataclasses.replace(ref, country=country or local, given_code=ref.code)
            mention = ActorMention(mention.span, ref, mention.how)
        if ref.country is None and not ref.given_code:
            default = (local or country) if ref.sector in LOCAL_SECTORS else country
            if ref.kind == "person" and ref.sector in INTERNATIONAL:
                ref = dataclasses.replace(ref, country=ref.sector, sector=None)
                mention = ActorMention(mention.span, ref, mention.how)
            elif default and (ref.sector or ref.role or ref.kind in {"organisation", "group"}):
                ref = dataclasses.replace(ref, country=default)
                mention = ActorMention(mention.span, ref, "default-country")
        filled.append(mention)
    return filled


def link_abbreviations(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "the European Union (EU)", "Revolutionary United Front (RUF)": the bracketed short
    form right after a name refers to that name's actor."""
    linked: list[ActorMention] = []
    text = view(doc).text  # spaCy builds doc.text anew on every access
    for mention in mentions:
        # Only the few characters around the mention matter: no copy of the whole text.
        before = text[max(0, mention.span.start - 8) : mention.span.start].rstrip()
        after = text[mention.span.end : mention.span.end + 8].lstrip()
        previous = linked[-1] if linked else None
        if (
            previous is not None
            and before.endswith("(")
            and after.startswith(")")
            and not text[previous.span.end : mention.span.start].strip(" (")
            and mention.span.text.isupper()
        ):
            mention = ActorMention(mention.span, previous.ref, "abbreviation")
        linked.append(mention)
    return linked


def _head(token: Token) -> Token:
    """ "thousands of students" -> "students"."""
    for _ in range(3):
        if token.lower_ not in QUANTITY_HEADS and token.lemma_.lower() not in QUANTITY_HEADS:
            break
        objects = [g for c in children_of(token) if c.lower_ == "of" for g in children_of(c)
                   if g.dep_ == "pobj"]  # fmt: skip
        if not objects:
            break
        token = objects[0]
    return token


def _sector(token: Token, dictionary: ActorDictionary) -> str | None:
    modifiers = [c for c in children_of(token) if c.dep_ in {"compound", "amod"} and c.i < token.i]
    phrases = [f"{m.text} {token.text}" for m in modifiers] + [token.text, token.lemma_]
    for phrase in phrases:
        body = dictionary.body(phrase)
        if body is not None:
            return body.sector
        role = dictionary.role(phrase)
        if role is not None:
            return role.sector
    return None


def _ethnic(head: Token) -> str | None:
    """ "ethnic Baloch", "ethnic Uighurs": a people, CAMEO's ethnic-group sector."""
    return ETHNIC_SECTOR if any(c.lower_ == "ethnic" for c in children_of(head)) else None


def _np_country(token: Token, dictionary: ActorDictionary) -> str | None:
    """A country an adjective, compound or place phrase of `token` names ("Iraqi",
    "in Baghdad", "of Nepal")."""
    for child in children_of(token):
        if child.dep_ in {"amod", "compound", "nmod", "poss"}:
            name = _with_compounds(child)  # "North Korea's envoy", not Korea's
            country = dictionary.country(name) or dictionary.country(child.text)
            if country is not None:
                return country.iso3
            metonym = dictionary.metonym(name) if child.dep_ == "poss" else None
            if metonym is not None and metonym.iso3 not in INTERNATIONAL:
                return metonym.iso3  # "Washington's envoy"
        if child.dep_ == "amod" and child.lemma_.lower() == "lead":
            # "Vietnamese-led forces", "the Saudi-led coalition" (not "US-backed rebels")
            for leader in children_of(child):
                country = dictionary.country(leader.text)
                if leader.dep_ in {"npadvmod", "compound", "amod"} and country is not None:
                    return country.iso3
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for place in (g for g in children_of(child) if g.dep_ == "pobj"):
                text = " ".join(
                    t.text for t in place.subtree if t.dep_ in {"compound"} or t is place
                )
                country = dictionary.country(text) or dictionary.country(place.text)
                if country is not None:
                    return country.iso3
                metonym = dictionary.metonym(place.text)
                if metonym is not None and metonym.iso3 not in INTERNATIONAL:
                    return metonym.iso3
    return None


ARMED_SECTOR = "REB"
# Words that say where an armed group is: "militants based in X", "present on X soil".
BASED_WORDS = frozenset(
    {"base", "based", "present", "hide", "hiding", "operate", "operating", "shelter",
     "sheltered", "sheltering", "station", "stationed", "train", "trained", "harbour",
     "harbor", "harboured", "harbored", "with"}
)  # fmt: skip
BASED_PREPS = frozenset({"in", "on", "inside", "from", "across"})


FIGHTING = frozenset({"fight", "battle", "oppose", "attack", "combat"})


def _based_country(group: Token, dictionary: ActorDictionary) -> str | None:
    """Where an armed group is said to be: "militants present on Afghan soil", "rebels
    based in Uganda", "fighters with bases in Syria" (rebels take the country they act
    from, whoever they fight)."""
    for child in children_of(group):
        if child.dep_ not in {"acl", "amod", "relcl", "prep"}:
            continue
        if child.lemma_.lower() not in BASED_WORDS and child.lower_ not in BASED_WORDS:
            continue
        for prep in child.subtree:
            if prep.dep_ != "prep" or prep.lower_ not in BASED_PREPS:
                continue
            for place in (g for g in children_of(prep) if g.dep_ == "pobj"):
                country = _place_name_country(place, dictionary) or _np_country(place, dictionary)
                if country is not None:
                    return country
    return None


def _fought_country(
    group: Token, dictionary: ActorDictionary, published: dt.date | None
) -> str | None:
    """Whose country an armed group fights in, when it is said to be based nowhere: "rebels
    fighting the Malian army", "rebels fighting then-president Laurent Gbagbo" (CAMEO
    codes rebels by the country where they act)."""
    for verb in children_of(group):
        if verb.dep_ not in {"acl", "relcl"} or verb.lemma_.lower() not in FIGHTING:
            continue
        for fought in (c for c in children_of(verb) if c.dep_ == "dobj"):
            country = _np_country(fought, dictionary)
            for named in [fought, *(c for c in children_of(fought) if c.dep_ == "appos")]:
                country = country or _person_country(named, dictionary, published)
            if country is not None:
                return country
    return None


def _person_country(
    token: Token, dictionary: ActorDictionary, published: dt.date | None
) -> str | None:
    """The country of the one person the dictionary knows by the phrase's name."""
    name = " ".join(t.text for t in token.subtree if t.dep_ == "compound" or t is token)
    people = dictionary.people(name, on=published) if token.pos_ == "PROPN" else []
    countries = {s.iso3 for p in people for s in p.spells}
    return countries.pop() if len(countries) == 1 else None


def _with_compounds(token: Token) -> str:
    """The token with the compound words before it: "North Korea", "South Sudan"."""
    words = [t for t in token.lefts if t.dep_ == "compound"]
    return " ".join(t.text for t in [*words, token])


def _act_country(subject: Token, dictionary: ActorDictionary) -> str | None:
    """Where the group acts, when its phrase says nothing: "thousands of people blocked
    streets in Hong Kong" are people of Hong Kong, as CAMEO codes an unnamed group by its
    location."""
    if subject.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return None  # the doer, or whom the act is done to ("killed villagers in Kenya")
    verb = subject.head
    holders = [verb, *(c for c in children_of(verb) if c.dep_ == "dobj")]
    for holder in holders:
        for prep in children_of(holder):
            if prep.dep_ != "prep" or prep.lower_ not in ACT_PLACE_PREPS:
                continue
            for place in (g for g in children_of(prep) if g.dep_ == "pobj"):
                country = _place_name_country(place, dictionary)
                if country is not None:
                    return country
    return None


def _place_name_country(place: Token, dictionary: ActorDictionary) -> str | None:
    text = " ".join(t.text for t in place.subtree if t.dep_ == "compound" or t is place)
    country = dictionary.country(text) or dictionary.country(place.text)
    if country is not None:
        return country.iso3
    metonym = dictionary.metonym(text)
    if metonym is not None and metonym.iso3 not in INTERNATIONAL:
        return metonym.iso3
    if place.ent_type_ in {"GPE", "LOC"}:  # a province or a town: the gazetteer's country
        found = lookup_place(text)
        return found.country if found is not None and found.country else None
    return None


def generic_mention(
    token: Token,
    *,
    dictionary: ActorDictionary,
    country: str | None,
    published: dt.date | None = None,
    local: str | None = None,
) -> ActorMention | None:
    """An actor for a noun phrase no mention covers, or None when it names no actor.

    The head must name a kind of actor the dictionary knows (a body or role: "students",
    "riot police") or be a named group the model tags (NORP, ORG). Its country is the one
    its phrase names, else `country` (the article's main country).
    """
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    head = _head(token)
    sector = _sector(head, dictionary) or _ethnic(head)
    if sector is None and head.ent_type_ not in NAMED_LABELS:
        return None
    iso3 = (
        _np_country(head, dictionary)
        or _np_country(token, dictionary)
        or (_based_country(head, dictionary) if sector == ARMED_SECTOR else None)
        or (_fought_country(head, dictionary, published) if sector == ARMED_SECTOR else None)
        or _act_country(token, dictionary)
        or (local if sector in LOCAL_SECTORS else None)
        or country
    )
    if sector is None and iso3 is None:
        return None
    shared = view(head.doc)
    if in_dateline(shared.datelines, head.idx):
        return None  # "KHARTOUM, June 12 -" files the story; it is no actor
    words = [
        t
        for t in head.subtree
        if t.i <= head.i
        and t.dep_ in {"compound", "amod", "npadvmod"}
        and not in_dateline(shared.datelines, t.idx)
    ]
    start = min([head.i, *(t.i for t in words)])
    span = head.doc[start : head.i + 1]
    record = Span(span.text, span.start_char, span.end_char)
    holder = _office_holder(head, iso3, dictionary, published)
    if holder is not None:  # "Israel's prime minister" in June 2024
        return ActorMention(record, holder, "office")
    name = group_name(list(span), iso3, dictionary)
    if name is None:
        return None
    return ActorMention(record, ActorRef("group", name, iso3, sector), "generic")


def group_name(tokens: list[Token], iso3: str | None, dictionary: ActorDictionary) -> str | None:
    """The name of a group actor: its words without a leading count or determiner ("many
    people", "more than 10 people": "people"), after its country's name when they name
    none, as its adjective ("people" of an article about Kenya: "Kenyan people";
    "Protesters" at the start of a sentence: "Kenyan protesters"; "Pakistani officials"
    stays). None when nothing is left of them. The entity model names the unnamed speakers
    it describes the same way (`communique.entities.speakers`)."""
    while tokens and (
        tokens[0].lower_ in DETERMINERS
        or tokens[0].like_num
        or tokens[0].dep_ in {"det", "predet", "nummod", "quantmod"}
    ):
        tokens = tokens[1:]
    if not tokens:
        return None
    text = view(tokens[0].doc).text
    name = text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
    posted = iso3 not in INTERNATIONAL and any(_international(t, dictionary) for t in tokens)
    if not posted and junk_class(name, kind="group", text=text, dictionary=dictionary) is None:
        return name  # ("U.N. mission" of Iran's is named "Iranian U.N. mission")
    country = dictionary.country_by_code(iso3) if iso3 else None
    if country is None:
        return name
    first = tokens[0]
    if first.is_sent_start and first.text.istitle():
        name = first.lower_ + name[len(first.text) :]
    adjective = country.adjectives[0] if country.adjectives else country.name
    return f"{adjective} {name}"


def _international(token: Token, dictionary: ActorDictionary) -> bool:
    found = dictionary.organisation(token.text)
    return found is not None and found.country in INTERNATIONAL


# Words that make a title someone other than the holder on the day: "former prime minister".
NOT_THE_HOLDER = frozenset(
    {"former", "ex", "late", "deputy", "acting", "interim", "vice", "outgoing", "incoming",
     "then", "future", "next", "previous", "first", "assistant"}
)  # fmt: skip


def _office_holder(
    head: Token, iso3: str | None, dictionary: ActorDictionary, published: dt.date | None
) -> ActorRef | None:
    """The person who held a singular title ("the prime minister", "Israel's foreign
    minister") for the country on the publication date, when the dictionary knows one."""
    if iso3 is None or published is None or head.tag_ != "NN":
        return None
    modifiers = [c for c in children_of(head) if c.dep_ in {"compound", "amod"} and c.i < head.i]
    if any(c.lower_.strip("-") in NOT_THE_HOLDER or c.lower_.startswith("ex-") for c in modifiers):
        return None
    title = " ".join(t.lower_ for t in [*modifiers, head] if t.text.islower())
    person = dictionary.holder(iso3, title, published)
    if person is None:
        return None
    spell = person.role_at(published)
    if spell is None:
        return None
    return ActorRef("person", person.name, spell.iso3, spell.sector, spell.role)
