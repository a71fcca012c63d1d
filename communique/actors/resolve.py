"""Find the actors an article mentions and what each mention refers to.

Mentions come from two places: the NER entities of the spaCy model and a phrase
match against the actor dictionary (countries, capitals, organisations, government
bodies). The model's labels are only a hint: a span the dictionary knows is coded
from the dictionary whatever its label (the small model tags Yerevan as PERSON).
People not in the dictionary take country, sector and role from their noun phrase
("Armenia's foreign ministry spokesperson Ani Badalian" is ARM GOV), and a
surname alone ("Miller") refers back to the full name in the same article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..datelines import in_dateline
from ..docview import children_of, view
from ..model import ActorKind, Span
from ..places import lookup_place
from .dictionary import (
    INTERNATIONAL,
    ActorDictionary,
    BodyEntry,
    CountryEntry,
    MetonymEntry,
    load_dictionary,
    normalise,
)
from .items import NATIONAL_NOUNS, ActorMention, ActorRef, named_with
from .matcher import dictionary_spans, inside_a_region
from .names import is_common_word, junk_class

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Dependencies that stay inside one noun phrase when we look for its context.
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "prep", "pobj", "det", "case"})
_TRIM_LEFT = {"the", "a", "an"}
_POSSESSIVE = {"'s", "’s", "'", "’"}


def find_mentions(
    doc: Doc, *, published: dt.date | None = None, dictionary: ActorDictionary | None = None
) -> list[ActorMention]:
    """All actor mentions in `doc`, in text order, each with what it refers to."""
    dictionary = dictionary or load_dictionary()
    spans = _candidate_spans(doc, dictionary)
    mentions: list[ActorMention] = []
    # mention number -> the body its title names, or the noun that owns the title
    speaking_for: dict[int, BodyEntry | str] = {}
    for span, label in spans:
        mention = _resolve_span(span, label, dictionary=dictionary, published=published)
        if mention is None:
            continue
        if mention.ref.kind == "person" and mention.ref.country is None:
            body = _owning_noun(span) or _context_body(span, dictionary)
            if body is not None:
                speaking_for[len(mentions)] = body
        mentions.append(mention)
    mentions = _bodies_named_before(mentions, speaking_for, dictionary)
    return _placed(doc, link_surnames(mentions))


BODY_REACH = 1500  # characters back: the body a bare title names was named just before


def _bodies_named_before(
    mentions: list[ActorMention],
    speaking_for: dict[int, BodyEntry | str],
    dictionary: ActorDictionary,
) -> list[ActorMention]:
    """ "Peru's foreign ministry called the claims baseless. ... foreign ministry
    spokesperson Ana Ruiz said": a title naming a body with no country is that of the
    nearest such body the article named before it, not of the article's main country.
    So is "the court's president" that of the court named before (the International
    Court of Justice), with its sector."""
    out = list(mentions)
    for number, body in speaking_for.items():
        person = mentions[number]
        earlier = [
            m for m in reversed(mentions[:number]) if person.span.start - m.span.end <= BODY_REACH
        ]
        if isinstance(body, str):
            owner = named_with(body, earlier)
            if owner is not None and owner.country is not None:
                placed = dataclasses.replace(person.ref, country=owner.country, sector=owner.sector)
                out[number] = ActorMention(person.span, placed, person.how)
            continue
        for mention in earlier:
            ref = mention.ref
            if ref.kind != "organisation" or ref.country is None or ref.sector != body.sector:
                continue
            _, rest = dictionary.split_country(mention.span.text)
            if dictionary.body(rest or mention.span.text) == body:
                placed = dataclasses.replace(person.ref, country=ref.country)
                out[number] = ActorMention(person.span, placed, person.how)
                break
    return out


def _owning_noun(span: SpacySpan) -> str | None:
    """The common noun that owns a person's title: "the court's president" -> "court"."""
    owner = next((t for t in _np_context(span) if t.dep_ == "poss" and t.pos_ == "NOUN"), None)
    return owner.lower_ if owner is not None else None


def _runs(tokens: list[Token], sizes: tuple[int, ...]) -> Iterator[list[Token]]:
    """The runs of adjacent words among `tokens` (in text order), longest first."""
    for size in sizes:
        for i in range(len(tokens) - size + 1):
            window = tokens[i : i + size]
            if all(window[j + 1].i == window[j].i + 1 for j in range(size - 1)):
                yield window


def _context_body(span: SpacySpan, dictionary: ActorDictionary) -> BodyEntry | None:
    """The generic body a person's title names with no country ("foreign ministry
    spokesperson")."""
    words = [t for t in _np_context(span) if t.is_alpha]
    for window in _runs(words, (3, 2)):
        body = dictionary.body(" ".join(t.text for t in window))
        if body is not None and body.country is None:
            return body
    return None


def _placed(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """When no actor names a country, the article's places say where it is: "President
    Abdelaziz Bouteflika threatened a curfew in Algiers" is about Algeria. Titled people
    and organisations without a country take the country of the first place named."""
    if any(m.ref.country and m.ref.country not in INTERNATIONAL for m in mentions):
        return mentions
    if not any(m.ref.country is None and (m.ref.sector or m.ref.kind == "organisation")
               for m in mentions):  # fmt: skip
        return mentions
    country = _first_place_country(doc)
    return [_with_place(m, country) for m in mentions] if country else mentions


def _first_place_country(doc: Doc) -> str | None:
    for ent in view(doc).ents:
        if ent.label_ in {"GPE", "LOC"}:
            location = lookup_place(ent.text)
            if location is not None and location.country:
                return location.country
    return None


def _with_place(mention: ActorMention, country: str) -> ActorMention:
    ref = mention.ref
    if ref.country is None and not ref.given_code and (ref.sector or ref.kind == "organisation"):
        return ActorMention(mention.span, dataclasses.replace(ref, country=country), "place")
    return mention


def _candidate_spans(doc: Doc, dictionary: ActorDictionary) -> list[tuple[SpacySpan, str]]:
    """NER entities and dictionary matches, trimmed, longest first where they overlap.

    An entity the dictionary does not know as a whole gives way to the dictionary
    matches inside it: the headline entity "U.S. Welcomes Aliyev" is the U.S.
    """
    matched = [
        (span, "DICT")
        for span in dictionary_spans(doc, dictionary)
        if not _titles_a_name(span, dictionary)
    ]
    found: list[tuple[SpacySpan, str]] = []
    for ent in view(doc).ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        span = trim_span(ent)
        if span is None or _is_place_not_actor(span, ent.label_, dictionary):
            continue
        if _is_transcript_label(span, dictionary) or _ends_a_title(span, dictionary):
            continue
        if ent.label_ == "PERSON":
            span = _whole_name(span, dictionary)
        overlapping = [m for m, _ in matched if m.start < span.end and span.start < m.end]
        if not known_name(span.text, dictionary) and overlapping:
            rest = _name_after(span, overlapping)
            if rest is not None:  # "Scotland Nicola Sturgeon": a place, then a person
                found.append((rest, "PERSON"))
            continue
        found.append((span, ent.label_))
    found += matched
    datelines = view(doc).datelines
    if datelines:  # "ANKARA, Feb. 2 (Wire) -" says where the story was filed: no actor
        found = [(s, label) for s, label in found
                 if not in_dateline(datelines, s.start_char)]  # fmt: skip
    found.sort(key=lambda item: (item[0].start, -(item[0].end - item[0].start)))
    taken: set[int] = set()
    kept: list[tuple[SpacySpan, str]] = []
    for span, label in found:
        tokens = set(range(span.start, span.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append((span, label))
    return kept


def known_name(text: str, dictionary: ActorDictionary, *, bodies: bool = True) -> bool:
    """The dictionary names `text` as a whole: a country, capital, organisation or person,
    and with `bodies` a government body ("foreign ministry")."""
    return bool(
        dictionary.country(text)
        or dictionary.metonym(text)
        or dictionary.organisation(text)
        or (bodies and dictionary.body(text))
        or dictionary.people(text)
    )


def _is_place_not_actor(span: SpacySpan, label: str, dictionary: ActorDictionary) -> bool:
    """The model tags towns as people ("Lachin"): a one-word name the gazetteer knows as a
    place, and the dictionary knows as no actor, is a place."""
    if label not in {"PERSON", "ORG"} or len(span) != 1 or known_name(span.text, dictionary):
        return False
    return lookup_place(span.text) is not None


def _is_transcript_label(span: SpacySpan, dictionary: ActorDictionary) -> bool:
    """ "((WN))" marks the interviewer's turns in a Wikinews interview: an abbreviation the
    dictionary does not know, alone in double brackets, labels a turn and names no actor
    (the interviewee's label, "((Dorsa Derakhshani))", is a name and stays)."""
    text = view(span.doc).text
    if not text[span.start_char : span.end_char].isupper():
        return False
    if known_name(text[span.start_char : span.end_char], dictionary):
        return False
    return (
        text[max(0, span.start_char - 2) : span.start_char] == "(("
        and text[span.end_char : span.end_char + 2] == "))"
    )


def _ends_a_title(span: SpacySpan, dictionary: ActorDictionary) -> bool:
    """The model tags the last word of a title as an organisation: "State" in "Secretary of
    State Marco Rubio", "Defense" in "Minister of Defense". A common word the dictionary
    does not know, after "of" and a title, is part of the title."""
    if known_name(span.text, dictionary) or not all(is_common_word(t.text) for t in span):
        return False
    start = span.start
    if start < 2 or span.doc[start - 1].lower_ != "of":
        return False
    title = span.doc[start - 2]
    return (
        dictionary.role(title.text) is not None
        or dictionary.role(span.doc[start - 2 : span.end].text) is not None
    )


def _titles_a_name(span: SpacySpan, dictionary: ActorDictionary) -> bool:
    """A kind of body named by a singular noun that is also a title, in front of a person's
    name, is that person's title: "the Iranian journalist Nika Sadri" is no body "Iran
    Journalists" (the person's own mention takes the sector from it). Without a name it
    stays: "an Arnor diplomat" is Arnor's government."""
    text = span.text  # built anew on every access
    body = dictionary.body(text)
    if body is None or body.country is not None or dictionary.role(text) is None:
        return False
    root = span.root
    if root.tag_ != "NN":
        return False
    if root.dep_ == "compound" and root.head.ent_type_ == "PERSON":
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in children_of(root))


def _is_described_group(span: SpacySpan, dictionary: ActorDictionary) -> bool:
    """ "Islamic fundamentalists", "Ibo traditional elders": a plural common noun that a
    name describes is a group of people, not an organisation's name."""
    root = span.root
    if root.tag_ != "NNS" or not root.text.islower() or root.i != span.end - 1:
        return False
    text = view(span.doc).text
    return junk_class(span.text, kind="group", text=text, dictionary=dictionary) is None


def _is_junk_name(span: SpacySpan, ref: ActorRef, dictionary: ActorDictionary) -> bool:
    """A name the model tagged, or a quote's speaker phrase gave, that names no one: a
    pronoun, a determiner phrase or a common noun ("He", "Some experts", "Early opponent",
    "State" of "Secretary of State"), as `names.junk_class` reads it with the article's
    text as evidence. A surname alone of someone the article names in full is a name."""
    doc = span.doc
    if len(span) == 1 and any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == span.text for e in view(doc).ents
    ):
        return False
    text = view(doc).text
    return junk_class(ref.name, kind=ref.kind, text=text, dictionary=dictionary) is not None


# Words written before names that are no first names ("Attorney Bash", "Monsenor X").
HONORIFICS = frozenset(
    {"attorney", "monsenor", "monsignor", "sheikh", "imam", "rabbi", "pastor", "father",
     "judge", "justice", "senator", "governor", "general", "colonel", "captain", "major",
     "lieutenant", "sergeant", "commander", "chief", "mayor", "minister", "president", "dr",
     "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "lord", "lady", "dame", "king",
     "queen", "prince", "princess", "emir", "sultan", "ayatollah", "cardinal", "bishop",
     "archbishop", "pope", "rev", "reverend", "mullah", "maulana", "speaker", "secretary",
     "ambassador", "officer", "detective", "agent", "deputy", "representative", "rep", "sen",
     "gov", "gen", "col", "capt", "lt", "sgt", "saint", "st", "brother", "sister", "mother"}
)  # fmt: skip


def _whole_name(span: SpacySpan, dictionary: ActorDictionary) -> SpacySpan:
    """A surname the model tagged alone with the first name it left out ("Sadiq" of "Sadiq
    Khan"): one capitalised proper noun just before it that hangs on it and is no title,
    honorific or place."""
    doc = span.doc
    if len(span) != 1 or span.start == 0:
        return span
    word = doc[span.start - 1]
    joined = word.pos_ == "PROPN" and word.dep_ == "compound" and word.head.i == span.start
    plain = word.is_alpha and word.is_title and word.lower_ not in HONORIFICS
    if not (joined and plain) or dictionary.role(word.text) or known_name(word.text, dictionary):
        return span
    return doc[span.start - 1 : span.end]


def _name_after(span: SpacySpan, matched: list[SpacySpan]) -> SpacySpan | None:
    """The person's name an entity holds after a dictionary match at its start ("Scotland
    Nicola Sturgeon": "Nicola Sturgeon"), when two or more capitalised words remain."""
    first = min(matched, key=lambda m: m.start)
    if first.start != span.start or any(m.start >= first.end for m in matched):
        return None
    rest = span.doc[first.end : span.end]
    if len(rest) < 2 or not all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in rest):
        return None
    if is_common_word(rest[0].text):
        return None  # "United Nations Working Group": a body's name, not a first name
    return rest


def trim_span(span: SpacySpan) -> SpacySpan | None:
    """Drop a leading article, a trailing possessive and anything after a line break."""
    start, end = span.start, span.end
    tokens = view(span.doc).tokens
    for i in range(start, end):
        if "\n" in tokens[i].text or (i > start and "\n" in tokens[i - 1].whitespace_):
            end = i
            break
    while start < end and (tokens[start].lower_ in _TRIM_LEFT or tokens[start].is_punct):
        start += 1
    while end > start and (tokens[end - 1].text in _POSSESSIVE or tokens[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return span.doc[start:end]


def _resolve_span(
    span: SpacySpan, label: str, *, dictionary: ActorDictionary, published: dt.date | None
) -> ActorMention | None:
    text = span.text
    record = Span(text, span.start_char, span.end_char)
    country = dictionary.country(text)
    if country is not None:
        home = _residence(span, country, dictionary)
        if home is not None:
            ref = ActorRef("group", f"{text} in {home.name}", home.iso3, None)
            return ActorMention(record, ref, "context")
        ref = ActorRef("country", country.name, country.iso3, None)
        return ActorMention(record, ref, "dictionary")
    metonym = dictionary.metonym(text)
    if metonym is not None and _reads_as_metonym(span):
        return ActorMention(record, _metonym_ref(metonym, dictionary), "metonym")
    if metonym is not None and label == "ORG" and not dictionary.organisation(text):
        return None  # "officials in Accra": the model's ORG is the capital as a place
    org = dictionary.organisation(text)
    if org is not None:
        kind: ActorKind = "group" if org.kind == "group" else "organisation"
        ref = ActorRef(kind, org.name, org.country, org.sector, given_code=org.code)
        return ActorMention(record, ref, "dictionary")
    body = dictionary.body(text)
    if body is not None:
        return _body_mention(span, record, body, dictionary)
    if label in {"PERSON", "ORG", "DICT"} and dictionary.people(text, on=published):
        return ActorMention(record, _person_ref(span, dictionary, published), "dictionary")
    named: ActorRef | None = None
    if label == "PERSON" and _looks_like_name(span):
        named = _person_ref(span, dictionary, published)
    elif label == "ORG" and _looks_like_name(span):
        iso3 = _context_country(span, dictionary) or _context_international(span, dictionary)
        kind = "group" if _is_described_group(span, dictionary) else "organisation"
        named = ActorRef(kind, text, iso3, None)
    if named is None or _is_junk_name(span, named, dictionary):
        return None
    return ActorMention(record, named, "context" if label == "PERSON" else "ner")


def _residence(
    span: SpacySpan, country: CountryEntry, dictionary: ActorDictionary
) -> CountryEntry | None:
    """The country a people lives in, when the phrase names one: "ethnic Albanians in
    Serbia", "the Albanians of southern Serbia", "Bosnian Serbs" are actors of the country
    they live in (CAMEO codes an ethnic group by its location), not of their kin state.

    Only a plural people noun ("Albanians", not "Albanian" or "Albania") moves.
    """
    root = span.root
    if root.tag_ not in {"NNS", "NNPS"} or root.dep_ in {"amod", "compound", "poss"}:
        return None
    if normalise(span.text) not in {normalise(form) for form in country.adjectives}:
        return None
    children = list(children_of(root))
    subject = root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        subject = root.head.head  # "hundreds of ethnic Serbs"
    if subject.dep_ == "nsubj" and any(c.lower_ == "ethnic" for c in children):
        # "ethnic Albanians demonstrated in Serbia": where an ethnic group acts, it lives
        verb = subject.head
        children += [c for c in children_of(verb) if c.dep_ == "prep" and c.lower_ == "in"]
    for child in children:
        place: Token | None = None
        if child.dep_ == "amod" and child.i < span.start:
            place = child
        elif child.dep_ == "prep" and child.lower_ in {"in", "of", "from"}:
            place = next((c for c in children_of(child) if c.dep_ == "pobj"), None)
        if place is None:
            continue
        found = dictionary.country(place.text)
        if found is None and child.dep_ == "prep":
            ent = place.ent_type_ and _entity_text(place)
            found = dictionary.country(ent) if ent else None
        if found is not None and found.iso3 != country.iso3:
            return found
    return None


def _entity_text(token: Token) -> str:
    """The text of the entity a token belongs to ("South Africa" for "Africa")."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _body_mention(
    span: SpacySpan, record: Span, body: BodyEntry, dictionary: ActorDictionary
) -> ActorMention | None:
    """A government body, named after the country the article gives it.

    "Artsakh's foreign ministry" is "Artsakh Foreign Ministry" (ARM GOV); a generic body
    with no country in sight ("the military") is left out: it cannot be coded.
    """
    owner, rest = dictionary.split_country(span.text)
    if owner is None:
        iso3 = body.country or _context_country(span, dictionary)
        owner = _context_owner(span, iso3, dictionary)
    else:
        iso3 = owner.iso3
    if iso3 is None:
        return None
    generic = dictionary.body(rest) if owner is not None else None
    if generic is not None and generic.country is None and owner is not None:
        name = f"{owner.name} {_title_case(generic.name)}"
    elif body.name.islower() and owner is not None:
        name = f"{owner.name} {_title_case(body.name)}"
    else:
        name = body.name
    return ActorMention(record, ActorRef("organisation", name, iso3, body.sector), "context")


def _reads_as_metonym(span: SpacySpan) -> bool:
    """A capital stands for its government when it acts, not when it is a place.

    "Yerevan urged", "Washington's position", "talks with Moscow" read as the
    government; "in Chisinau", "the capital of Moldova" read as the city.
    """
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in {"in", "at", "near", "from", "outside", "to"}:
        if root.head.lower_ == "from":  # "the claim from Berlin": what the government said
            return root.head.head.lemma_.lower() in SAID_THINGS
        return root.head.lower_ == "to" and root.head.head.pos_ == "VERB"
    return root.dep_ != "compound"


# Nouns of what a government says or asks: a capital in their "from" phrase is its author.
SAID_THINGS = frozenset(
    {"claim", "statement", "request", "demand", "proposal", "offer", "message", "letter",
     "call", "warning", "protest", "note", "response", "reply", "invitation", "accusation",
     "allegation", "complaint", "objection", "criticism", "pressure", "envoy", "delegation"}
)  # fmt: skip


def _metonym_ref(metonym: MetonymEntry, dictionary: ActorDictionary) -> ActorRef:
    """The government a capital stands for; Brussels (IGO + EUR) stands for the EU."""
    if metonym.iso3 in {"IGO", "NGO"}:
        code = metonym.iso3 + metonym.sector
        org = next((o for o in dictionary.organisations if o.code == code), None)
        name = org.name if org is not None else metonym.name
        return ActorRef("organisation", name, metonym.iso3, None, given_code=code)
    country = dictionary.country_by_code(metonym.iso3)
    name = country.name if country is not None else metonym.name
    return ActorRef("country", name, metonym.iso3, metonym.sector or "GOV")


def _person_ref(
    span: SpacySpan, dictionary: ActorDictionary, published: dt.date | None
) -> ActorRef:
    name = _strip_titles(span, dictionary)
    entries = dictionary.people(name, on=published)
    if entries and not dictionary.knows_full_name(name):
        # A surname alone is someone else when the phrase names another country: "King
        # Hassan of Morocco" is not a Jordanian minister called Hassan.
        iso3 = _context_country(span, dictionary)
        if iso3 is not None and all(iso3 != s.iso3 for e in entries for s in e.spells):
            entries = []
    if entries:
        entry = entries[0]
        spell = (entry.role_at(published) if published else None) or entry.spells[-1]
        return ActorRef("person", entry.name, spell.iso3, spell.sector, spell.role)
    # A title written right before the name is the person's own, whatever the parser
    # hangs it on ("Labour MP (Member of Parliament) Tom Watson", "US Special
    # Representative for Iran Brian Hook"); else the title in the name's phrase.
    role, sector, before = _title_before(span, dictionary)
    if role is None:
        role, sector = _context_role(span, dictionary)
    iso3 = before or _context_country(span, dictionary) or _context_international(span, dictionary)
    if iso3 is None and sector is None:  # "Laura Diaz of CNN": the outlet's reporter
        iso3, sector = _context_affiliation(span, dictionary) or (None, None)
    return ActorRef("person", name, iso3, sector, role)


def _strip_titles(span: SpacySpan, dictionary: ActorDictionary) -> str:
    tokens = list(span)
    while len(tokens) > 1 and dictionary.role(tokens[0].text) is not None:
        tokens = tokens[1:]
    return "".join(t.text_with_ws for t in tokens).strip()


# "ambassador to", "envoy at": the body a title holder is posted to, not whose they are.
POSTED_TO = frozenset({"to", "at"})


def _np_context(span: SpacySpan) -> list[Token]:
    """Tokens of the noun phrase around `span` that may give its country or role.

    Follows compound, possessive, adjective, "of"-phrase and apposition links down
    from the span's root, and from the root's head when the span is a compound.
    """
    inside = set(range(span.start, span.end))
    start = span.root
    if start.dep_ == "appos" and start.head.i not in inside:
        start = start.head  # "Georgia's economy minister, Nino Beridze": the title's phrase
        of = start.head if start.dep_ == "pobj" else None
        if of is not None and of.lower_ == "of" and of.head.pos_ == "NOUN":
            start = of.head  # "the prosecutor general of Tehran, X": hung on "Tehran"
    if start.dep_ == "pobj" and start.head.lower_ in POSTED_TO and start.head.head.pos_ == "NOUN":
        start = start.head.head  # "Ruritania's envoy to the United Nations, X": the envoy's
    while (
        start.dep_ == "compound"
        and start.head.i not in inside
        and start.head.pos_
        in {
            "NOUN",
            "PROPN",
        }
    ):
        start = start.head
    out: list[Token] = []
    stack = [start]
    if start.dep_ == "nsubj" and start.head.lemma_ == "be":  # "X is a Turkish researcher"
        stack += [c for c in children_of(start.head) if c.dep_ == "attr"]
    seen = {t.i for t in stack}
    while stack:
        token = stack.pop()
        if token.i not in inside:
            out.append(token)
        for child in children_of(token):
            if child.i in seen or child.dep_ not in NP_DEPS:
                continue
            if child.dep_ == "prep" and child.lower_ not in {"of", "from"}:
                continue
            if child.dep_ == "prep" and _names_another_person(child, inside):
                continue  # "fiancée of Saudi journalist X": X's country and role, not hers
            seen.add(child.i)
            stack.append(child)
    out.sort(key=lambda t: t.i)
    return out


def _names_another_person(prep: Token, inside: set[int]) -> bool:
    return any(
        g.dep_ == "pobj" and g.ent_type_ == "PERSON" and g.i not in inside
        for g in children_of(prep)
    )


def _context_country(span: SpacySpan, dictionary: ActorDictionary) -> str | None:
    """The country named in the span's own words or its noun phrase."""
    tokens = list(span) + _np_context(span)
    tokens.sort(key=lambda t: t.i)
    doc_text = view(span.doc).text
    for window in _runs(tokens, (3, 2, 1)):
        if inside_a_region(span.doc, window[0].i, window[-1].i + 1):
            continue  # "the Latin America bureau"
        if not _capitalised(window):
            continue  # "male officers" are not Malé's
        # the text of doc[first.i : last.i + 1], without building the Span
        text = doc_text[window[0].idx : window[-1].idx + len(window[-1].text)]
        country = dictionary.country(text)
        if country is not None:
            return country.iso3
        metonym = dictionary.metonym(text)
        if metonym is not None and getattr(metonym, "iso3", None) not in (None, "IGO"):
            return str(metonym.iso3)
        group = dictionary.organisation(text)  # "Taliban foreign ministry", "Hamas official"
        if group is not None and group.country is not None and group.country not in INTERNATIONAL:
            return group.country
    return None


def _capitalised(window: list[Token]) -> bool:
    """Whether a run of words can be a name: a word of it has a capital ("al-Shabab",
    "U.N."); the dictionary's lookups ignore case, and "who" or "male" are no WHO or Malé."""
    return any(not t.is_lower for t in window if any(c.isalpha() for c in t.text))


def _context_affiliation(span: SpacySpan, dictionary: ActorDictionary) -> tuple[str, str] | None:
    """The country and sector of the organisation a person's "of"-phrase or apposition
    names ("X of PBS", "X, a researcher at Human Rights Watch"), read as written."""
    words = sorted({*_np_context(span), *_appositions(span)}, key=lambda t: t.i)
    for window in _runs(words, (4, 3, 2, 1)):
        if not _capitalised(window):
            continue
        text = " ".join(t.text for t in window)
        if dictionary.split_country(text)[0] is not None:
            continue  # "Saudi journalist": a description, maybe of someone else
        for entry in (dictionary.organisation(text), dictionary.body(text)):
            if entry is not None and entry.country is not None and entry.sector:
                return entry.country, entry.sector
    return None


def _context_international(span: SpacySpan, dictionary: ActorDictionary) -> str | None:
    """IGO or NGO when the person's phrase names an international organisation and no
    country: "Kenzo Oshima, the United Nations relief coordinator", "X, director of the
    Latin America bureau of Reporters Without Borders" (the whole apposition, read as
    written: the parser splits names like "Reporters Without Borders")."""
    words = sorted({*_np_context(span), *_appositions(span)}, key=lambda t: t.i)
    for window in _runs(words, (4, 3, 2, 1)):
        if inside_a_region(span.doc, window[0].i, window[-1].i + 1) or not _capitalised(window):
            continue  # "the Latin America bureau"; "who" is no WHO
        org = dictionary.organisation(" ".join(t.text for t in window))
        if org is not None and org.country in INTERNATIONAL - {"IMG"}:
            return org.country
    return None


def _appositions(span: SpacySpan) -> list[Token]:
    """Every word of the appositions of the span's root, in text order."""
    doc = span.doc
    return [
        t
        for appos in children_of(span.root)
        if appos.dep_ == "appos"
        for t in doc[appos.left_edge.i : appos.right_edge.i + 1]
    ]


def _context_role(span: SpacySpan, dictionary: ActorDictionary) -> tuple[str | None, str | None]:
    """The title in the span's noun phrase ("spokesperson", "foreign minister")."""
    words = [t for t in _np_context(span) + list(span) if t.is_alpha]
    words.sort(key=lambda t: t.i)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            text = " ".join(t.lower_ for t in words[i : i + size])
            role = dictionary.role(text)
            if role is not None:
                return role.title, role.sector
    return None, None


def _title_before(
    span: SpacySpan, dictionary: ActorDictionary
) -> tuple[str | None, str | None, str | None]:
    """A title written right before a name, with its sector and the country named right
    before the title: past a bracketed gloss ("Labour MP (Member of Parliament) Tom
    Watson"), or past the title's portfolio ("US Special Representative for Iran Brian
    Hook": a US official; Iran is his brief, not his country)."""
    doc = span.doc
    end = span.start
    if end > 0 and doc[end - 1].text == ")":  # skip "(Member of Parliament)"
        window = range(end - 2, max(end - 8, -1), -1)
        opening = next((i for i in window if doc[i].text == "("), None)
        if opening is None:
            return None, None, None
        end = opening
    ends = [end]
    for i in range(end - 1, max(end - 5, 0), -1):
        if doc[i].lower_ in PORTFOLIO_PREPS:
            ends.append(i)
            break
        if not doc[i].is_alpha:
            break
    for stop in ends:
        for size in (3, 2, 1):
            if stop - size < 0:
                continue
            words = doc[stop - size : stop]
            if not all(t.is_alpha for t in words):
                continue
            role = dictionary.role(words.text)
            if role is not None:  # "US Special Representative", "Kenyan Foreign Minister"
                heads = [doc[stop - size], *([doc[stop - size - 1]] if stop - size > 0 else [])]
                heads = [t for t in heads if not inside_a_region(doc, t.i, t.i + 1)]  # New Jersey
                country = next(
                    (c for c in (dictionary.country(t.text) for t in heads) if c is not None), None
                )
                return role.title, role.sector, country.iso3 if country is not None else None
    return None, None, None


# "Special Representative for Iran", "Commissioner for Refugees": a title's brief.
PORTFOLIO_PREPS = frozenset({"for", "on"})


def _context_owner(
    span: SpacySpan, iso3: str | None, dictionary: ActorDictionary
) -> CountryEntry | None:
    """The country entry the article uses for the owner of a body ("Artsakh", not "Armenia")."""
    for token in _np_context(span):
        if token.dep_ in {"poss", "amod", "compound", "nmod"}:
            country = dictionary.country(token.text)
            if country is not None and country.iso3 == iso3:
                return country
    return dictionary.country_by_code(iso3) if iso3 else None


def _looks_like_name(span: SpacySpan) -> bool:
    return any(t.is_title or t.is_upper for t in span if t.is_alpha)


def _title_case(name: str) -> str:
    return " ".join(w if w.isupper() else w.capitalize() for w in name.split())


def _surname(name: str) -> str:
    parts = re.findall(r"[\w’'-]+", name)
    return parts[-1].lower() if parts else name.lower()


def link_surnames(mentions: list[ActorMention]) -> list[ActorMention]:
    """A one-word name ("Miller", even when the model tags it ORG) refers to the fullest
    person named with that surname in the same article."""
    people: dict[str, ActorRef] = {}
    written: dict[str, ActorRef] = {}  # people the article names in full
    for mention in mentions:
        if mention.ref.kind == "person":
            key = _surname(mention.ref.name)
            if key not in people or _richer(mention.ref, people[key]):
                people[key] = mention.ref
            if " " in mention.span.text.strip():
                written.setdefault(key, mention.ref)
    linked = []
    for mention in mentions:
        ref = mention.ref
        if (
            ref.kind in {"person", "organisation"}
            and mention.how in {"context", "ner"}
            and (" " not in ref.name)
        ):
            full = people.get(_surname(ref.name))
            if full is None or full == ref:  # no one else with that surname
                full = _by_first_name(ref.name, mentions)
            if full is not None and full != ref and _richer(full, ref):
                mention = ActorMention(mention.span, full, "surname")
        elif (
            ref.kind == "person"
            and mention.how == "dictionary"
            and (" " not in mention.span.text.strip())
        ):
            # "Clinton" alone is the Clinton the article named in full, whoever else the
            # dictionary knows by that surname.
            full = written.get(_surname(ref.name))
            if full is not None and full != ref:
                mention = ActorMention(mention.span, full, "surname")
        linked.append(mention)
    return _short_organisation_names(linked)


def _short_organisation_names(mentions: list[ActorMention]) -> list[ActorMention]:
    """ "The Council", "the Court": a one-word organisation name the model found is the
    nearest organisation named before with that word in its name (the UN Security Council,
    the International Court of Justice)."""
    named: list[ActorMention] = []
    linked = []
    for mention in sorted(mentions, key=lambda m: m.span.start):
        ref = mention.ref
        word = ref.name.lower()
        if ref.kind == "organisation" and " " in ref.name:
            named.append(mention)
        elif (
            ref.kind == "organisation"
            and mention.how in {"context", "ner"}
            and word.isalpha()
            and word not in NATIONAL_NOUNS
        ):
            full = named_with(word, reversed(named))
            if full is not None:
                mention = ActorMention(mention.span, full, "surname")
        linked.append(mention)
    return linked


def _by_first_name(name: str, mentions: Iterable[ActorMention]) -> ActorRef | None:
    """ "Mohammad's admission" after "Crown Prince Mohammad bin Salman": a one-word name that
    is a word of the written name of exactly one person the article names in full."""
    key = name.lower()
    found = {
        m.ref
        for m in mentions
        if m.ref.kind == "person"
        and " " in m.span.text.strip()
        and key in m.span.text.lower().split()[:-1]  # a surname alone is the surname sieve's
    }
    return found.pop() if len(found) == 1 else None


def _richer(candidate: ActorRef, current: ActorRef) -> bool:
    return len(candidate.name) > len(current.name) or (
        current.country is None and candidate.country is not None
    )


def mention_for_span(
    doc: Doc,
    start: int,
    end: int,
    *,
    published: dt.date | None = None,
    dictionary: ActorDictionary | None = None,
) -> ActorMention | None:
    """The actor that the words at `start:end` name, when no entity covered them.

    Used for quote speakers such as "the Armenia's Foreign Ministry" or "a statement
    issued by Artsakh's foreign ministry": the longest dictionary body or name inside wins.
    """
    dictionary = dictionary or load_dictionary()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for inner in dictionary_spans(span, dictionary):
        mention = _resolve_span(inner, "DICT", dictionary=dictionary, published=published)
        if mention is not None:
            return mention
    trimmed = trim_span(span)
    if trimmed is None or not _looks_like_name(trimmed):
        return None
    label = "PERSON" if trimmed.root.ent_type_ == "PERSON" else "ORG"
    mention = _resolve_span(trimmed, label, dictionary=dictionary, published=published)
    if mention is None or mention.ref.country is not None:
        return mention
    # As in `find_mentions`: with no country named in the text, its places say where it is.
    if any(dictionary.country(e.text) for e in view(doc).ents if e.label_ in {"GPE", "NORP"}):
        return mention
    country = _first_place_country(doc)
    return _with_place(mention, country) if country else mention
