"""Phrase matching of the actor dictionary against a Doc, for what NER misses."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from ..places import lookup_place
from .dictionary import ActorDictionary, is_acronym

# Kinds whose surface forms are proper names: they must start with a capital in the
# text, so "turkey", "chad" and "china" as common nouns never match. People's full
# names and aliases are matched too, for names the model does not tag.
PROPER_KINDS = frozenset({"country", "metonym", "organisation", "person"})


Matchers = tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]
_CACHE: dict[tuple[int, int], Matchers] = {}


def _matchers(vocab: Vocab, dictionary: ActorDictionary) -> Matchers:
    key = (id(vocab), id(dictionary))
    if key not in _CACHE:
        _CACHE[key] = _build_matchers(vocab, dictionary)
    return _CACHE[key]


def _build_matchers(vocab: Vocab, dictionary: ActorDictionary) -> Matchers:
    """Proper names (any case, checked for a capital), body names (any case) and bodies'
    short forms ("PLAN", "MoD"), which match only as written: "plan" is no navy."""
    proper = PhraseMatcher(vocab, attr="LOWER")
    common = PhraseMatcher(vocab, attr="LOWER")
    exact = PhraseMatcher(vocab, attr="ORTH")
    proper_forms: set[str] = set()
    common_forms: set[str] = set()
    exact_forms: set[str] = set()
    for surface, kind in dictionary.surface_forms():
        if kind in PROPER_KINDS:
            proper_forms.add(surface)
        elif kind == "body" and is_acronym(surface):
            exact_forms.add(surface)
        elif kind == "body":
            common_forms.update(_with_plural(surface))
    tokenizer = _tokenizer(vocab)
    proper.add("PROPER", [tokenizer(form) for form in sorted(proper_forms)])
    common.add("COMMON", [tokenizer(form) for form in sorted(common_forms)])
    exact.add("EXACT", [tokenizer(form) for form in sorted(exact_forms)])
    return proper, common, exact


def _tokenizer(vocab: Vocab):  # type: ignore[no-untyped-def]
    from spacy.lang.en import English

    nlp = English(vocab=vocab)
    return nlp.make_doc


def _with_plural(form: str) -> list[str]:
    words = form.split()
    last = words[-1]
    if last.endswith("y") and not last.endswith(("ay", "ey", "oy")):
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return [form, " ".join([*words[:-1], plural])]


def dictionary_spans(doclike: Doc | SpacySpan, dictionary: ActorDictionary) -> list[SpacySpan]:
    """Spans of `doclike` that the dictionary names, longest match kept at each place.

    For a Span, the matches inside it, as spans of its Doc: the same matches as on
    `span.as_doc()`, without copying the words into a new Doc."""
    doc = doclike.doc if isinstance(doclike, SpacySpan) else doclike
    proper, common, exact = _matchers(doc.vocab, dictionary)
    spans = [
        doc[start:end]
        for _, start, end in proper(doclike)
        if (doc[start].text[:1].isupper() or doc[start].text[:1].isdigit())
        and not inside_a_region(doc, start, end)
    ]
    spans += [doc[start:end] for _, start, end in common(doclike)]
    spans += [doc[start:end] for _, start, end in exact(doclike)]
    return spans


# Regions whose last word is a country's alias: "the Latin America bureau" is no USA.
REGIONS = frozenset({"latin america", "south america", "north america", "central america"})


REGION_ENDS = frozenset(region.rsplit(" ", 1)[1] for region in REGIONS)


# Words after a country's name or adjective that make it a sea or a land's name:
# "the Indian Ocean", "the Arabian Sea", "the Korean Peninsula" are no actors.
FEATURE_WORDS = frozenset(
    {"ocean", "sea", "gulf", "peninsula", "subcontinent", "basin", "strait", "straits"}
)  # fmt: skip


def inside_a_region(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] is part of a region's name ("Latin America"), another
    place's ("New Mexico", "New Jersey": a US state, not Mexico or Jersey) or a sea's or
    land's ("the Indian Ocean", "the Korean Peninsula")."""
    after = doc[end] if end < len(doc) else None
    if after is not None and after.is_title and after.lower_ in FEATURE_WORDS:
        return True
    if start == 0:
        return False
    if end - start == 1 and doc[start].lower_ in REGION_ENDS:  # every region's alias: a word
        return f"{doc[start - 1].lower_} {doc[start].lower_}" in REGIONS
    before = doc[start - 1]
    if not (before.is_alpha and before.is_title) or before.lower_ not in PLACE_PREFIXES:
        return False
    longer, shorter = lookup_place(doc[start - 1 : end].text), lookup_place(doc[start:end].text)
    return longer is not None and (shorter is None or longer.country != shorter.country)


# First words of places named after another ("New Mexico", "New South Wales").
PLACE_PREFIXES = frozenset({"new"})
