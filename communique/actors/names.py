"""What an actor's name must not be: a pronoun, a determiner phrase, a common noun.

An actor's name is a proper name ("Japan Coast Guard", "ABS-CBN", "Marco Rubio") or, for
a `group` (an unnamed actor coded from its phrase), a description that says whose it is
("Pakistani officials", "Kenyan police"). `junk_class` names what is wrong with a name that
is neither; the actor stage keeps such words out at their source (`resolve`, `generic`),
and `bench/actor_names.py` and the tests count what is left with this same function.

The classes, in the order they are tested:

- ``pronoun``: "He", "They", "Nobody".
- ``byline``: an outlet's label for its own reporter ("WN", Wikinews' interviewer).
- ``determiner``: starts with an article, determiner or quantifier and names no one
  after it ("Some", "the 36", "Many").
- ``lower-case``: no word of the name is capitalised ("margins", "open letter").
- ``common-noun``: a common noun phrase, capitalised only by its place in the sentence
  or a title: a first word that is a common word of the lexicon (WordNet's, through the
  spaCy lemmatizer) and that the article also writes in lower case ("State" of "Secretary
  of State", "Aspirin", "Early opponent"; a plural noun that only ever opens a sentence,
  "Analysts", counts too); a person's or organisation's name whose last word is lower case
  ("Sunday Morning Futures” show"); a title of the dictionary ("Prime Minister") or one
  word that is one of its bodies ("Police"), with no name beside it.

The dictionary's own names, places of the gazetteer and acronyms are names; a capitalised
word the article never writes in lower case stays a name ("Twitter").
"""

from __future__ import annotations

import functools
import re

from .dictionary import ActorDictionary, load_dictionary, normalise

CLASSES = ("pronoun", "byline", "determiner", "lower-case", "common-noun", "date")
# Days: "Tuesday’s announcement" names a day, not an actor. (Not months: "May said".)
CALENDAR_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
     "yesterday", "tomorrow"}
)  # fmt: skip

PRONOUNS = frozenset(
    {"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him",
     "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "one",
     "who", "whom", "whose", "which", "what", "this", "that", "these", "those", "myself",
     "ourselves", "yourself", "himself", "herself", "itself", "themselves", "someone",
     "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "no one", "none",
     "something", "anything", "everything", "nothing", "others", "each other", "all",
     "both", "either", "neither", "some", "many", "most", "few", "several", "another"}
)  # fmt: skip
# Words that open a noun phrase without naming anyone: "the 36", "some", "many people".
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "some", "any", "many", "much",
     "most", "more", "less", "fewer", "few", "several", "all", "both", "each", "every",
     "either", "neither", "no", "other", "others", "another", "such", "certain", "various",
     "numerous", "multiple", "own", "same", "its", "their", "his", "her", "our", "my", "your",
     "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
     "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
     "millions", "dozen", "dozens", "tens", "scores", "half", "over", "about", "around",
     "nearly", "almost", "than", "at", "least", "only"}
)  # fmt: skip
# The labels the corpora's outlets give their own reporters: Wikinews interviews mark the
# interviewer's turns "((WN))"; Voice of America signs staff stories "VOA News".
OUTLET_BYLINES = frozenset({"WN", "VOA News", "Voice of America News"})
# Nouns that end an organisation's name even when written in lower case: "Democratic
# party", "All Saints school".
ORGANISATION_HEADS = frozenset(
    {"party", "movement", "front", "alliance", "coalition", "union", "league", "school",
     "university", "college", "church", "club", "council", "committee"}
)  # fmt: skip

_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_NUMBER = re.compile(r"^\d")
# What comes before a word that opens a sentence or a line: "... said. Protesters", "\n\nPolice"
_SENTENCE_END = re.compile(r"(^|[.!?:;\n]|[.!?][\"”’')]+)\s*[\"“‘'(]?$")


def words(name: str) -> list[str]:
    """The words of a name that have letters ("Sunday Morning Futures” show" -> 4)."""
    return _WORD.findall(name)


def is_capitalised(word: str) -> bool:
    """Whether a word is written with a capital ("Rubio", "ABS-CBN", "al-Shabab")."""
    return any(ch.isupper() for ch in word)


def _number_word(word: str) -> bool:
    parts = word.lower().split("-")
    return bool(parts) and all(p in DETERMINERS or _NUMBER.match(p) for p in parts)


def _proper_words(name: str, text: str | None, dictionary: ActorDictionary) -> list[str]:
    """Capitalised words that may be a name's: not a first word that is a determiner or a
    pronoun ("Some", "The"), nor one that a sentence or a title capitalises (a common word
    of the lexicon that `text` also writes as one: "Early opponent")."""
    found = []
    for i, word in enumerate(words(name)):
        if word.isupper() and len(word) > 1:
            found.append(word)  # an acronym: "US", "WHO"
        elif not is_capitalised(word) or (i == 0 and word.lower() in DETERMINERS | PRONOUNS):
            continue  # "Some", "The", "He" ("Group of Six" keeps its "Six")
        elif (
            i == 0
            and is_common_word(word)
            and (text is None or written_lower(word, text))
            and not is_named(word, dictionary)
        ):
            continue  # "Early", "Protesters"; not "Nigeria", which the lexicon knows too
        else:
            found.append(word)
    return found


@functools.lru_cache(maxsize=1)
def common_words() -> tuple[frozenset[str], frozenset[str]]:
    """The lexicon's lower-case common nouns, and all its common words (nouns, verbs,
    adjectives, adverbs): the word lists of the spaCy pipeline's rule lemmatizer (WordNet's),
    empty for a pipeline without one."""
    from ..nlp import load

    try:
        lookups = load().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        index = lookups.get_table("lemma_index")
    except (KeyError, AttributeError, ValueError):
        return frozenset(), frozenset()
    nouns = frozenset(w for w in index.get("noun", ()) if "_" not in w)
    every = frozenset(w for table in index.values() for w in table if "_" not in w)
    return nouns, every


def _lexicon_has(word: str, table: frozenset[str]) -> bool:
    lower = word.lower()
    if lower in table:
        return True
    if lower.endswith("ies") and lower[:-3] + "y" in table:
        return True
    if lower.endswith("es") and lower[:-2] in table:
        return True
    return lower.endswith("s") and lower[:-1] in table


def is_common_noun(word: str) -> bool:
    """Whether the lexicon knows `word` (any case) as a common noun, plural forms too."""
    return _lexicon_has(word, common_words()[0])


def is_common_word(word: str) -> bool:
    """Whether the lexicon knows `word` (any case) as a common word of any part of speech."""
    return _lexicon_has(word, common_words()[1])


def is_generic_word(phrase: str, dictionary: ActorDictionary) -> bool:
    """A title or a kind of body, not anyone's name: "Prime Minister", "Member of
    Parliament" (the dictionary's roles), "Police", "Parliament" (one word that is one of
    its bodies of no country). "Supreme Court" and "Foreign Ministry", written so, name an
    institution of the country the article is about."""
    key = normalise(phrase)
    if not key:
        return False
    if dictionary.role(key) is not None:
        return True
    body = dictionary.body(key)
    return body is not None and body.country is None and " " not in key


def is_named(name: str, dictionary: ActorDictionary) -> bool:
    """Whether the dictionary or the gazetteer knows `name` as a proper name."""
    from ..places import lookup_place

    body = dictionary.body(name)
    return bool(
        dictionary.country(name)
        or dictionary.metonym(name)
        or dictionary.organisation(name)
        or (body is not None and body.country is not None)
        or dictionary.people(name)
        or (lookup_place(name) is not None and not is_generic_word(name, dictionary))
    )  # (the gazetteer's town of Police, Poland, is no name for "Police")


def written_lower(word: str, text: str) -> bool:
    """Whether `text` writes `word` as a common word: in lower case somewhere, or, for a
    plural common noun ("Protesters gathered ..."), with a capital only where a sentence or
    a line starts ("Twitter said ..." may open every sentence it is in and be a name)."""
    lower = word.lower()
    if lower == word or _as_word(lower).search(text) is not None:
        return True
    if not (lower.endswith("s") and is_common_noun(lower) and lower not in common_words()[0]):
        return False
    starts = [m.start() for m in _as_word(word).finditer(text)]
    return bool(starts) and all(_SENTENCE_END.search(text[max(0, i - 8) : i]) for i in starts)


def _as_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def _has_named_part(name: str, dictionary: ActorDictionary) -> bool:
    """Whether one to three words of `name` in a row are a name the dictionary or the
    gazetteer knows ("Kenyan police", "United States Government", "Pakistani officials")."""
    parts = words(name)
    for size in (3, 2, 1):
        for i in range(len(parts) - size + 1):
            window = parts[i : i + size]
            if all(is_capitalised(w) for w in window) and is_named(" ".join(window), dictionary):
                return True
    return False


def is_pronoun(name: str) -> bool:
    """ "She", "they", "I"; not "US" (the country) or "IT" (the sector)."""
    return name.lower() in PRONOUNS and (name == "I" or not name.isupper())


def junk_class(
    name: str,
    *,
    kind: str | None = None,
    text: str | None = None,
    dictionary: ActorDictionary | None = None,
) -> str | None:
    """Which of `CLASSES` the actor name `name` falls in, or None for a good name.

    `kind` is the actor's: a `group` may be a description with lower-case words ("Pakistani
    officials", "Kenyan police") as long as something in it is a name. `text` is the
    article's: the evidence that a capitalised word is a common word ("State" when the
    article also writes "state"); without it the lexicon alone decides.
    """
    dictionary = dictionary or load_dictionary()
    stripped = name.strip()
    all_words = words(stripped)
    if not all_words:
        return "lower-case"  # no letters at all: "36", "—"
    if is_pronoun(stripped):
        return "pronoun"
    if stripped in OUTLET_BYLINES:
        return "byline"
    if all(w.lower().removesuffix("’s").removesuffix("'s") in CALENDAR_WORDS for w in all_words):
        return "date"
    proper = _proper_words(stripped, text, dictionary)
    first = stripped.split()[0]
    if (first.lower() in DETERMINERS and first.islower()) or (
        (first.lower() in DETERMINERS or _number_word(first)) and not proper
    ):
        return "determiner"  # "the 36", "Some scientists", "more than 10 people"
    if is_named(stripped, dictionary):
        return None
    if not any(is_capitalised(w) for w in all_words):
        return "lower-case"
    last = all_words[-1]
    if last in ORGANISATION_HEADS and is_capitalised(all_words[0]):
        return None  # "Democratic party", "Green party"
    if not proper:
        return "common-noun"  # "Early opponent"; "State", "Aspirin" where the text has "state"
    if kind != "group" and not is_capitalised(last):
        return "common-noun"  # "Sunday Morning Futures” show"
    if _has_named_part(stripped, dictionary):
        return None
    if is_generic_word(stripped, dictionary):
        return "common-noun"  # "Member of Parliament", "Prime Minister", "Police"
    return None
