"""Verb patterns from a PETRARCH/TABARI-format verb dictionary.

PETRARCH verb files group patterns under `--- VERB [code] ---` headers: the verb lines
that follow (`BREAK {BROKE BROKEN}`, `+BREAK_DOWN {...}`) share the group's default code,
and `- words * words [code]` lines refine it, `*` standing for the verb. `&NAME` blocks
are synonym sets (`+WORD` lines) a pattern may name. This loader turns such a file into
communique `VerbPattern`s, so a user (or the PETRARCH benchmark) can code with an
existing PETRARCH dictionary:

    patterns = load_petrarch_verbs(path)
    result = analyse(article, doc, patterns=patterns)

What is kept, and why: the verb, the first word after `*` when it is a preposition or
particle ("BREAK * OFF"), and the first content word after that as the required object
("ADOPT * RESOLUTION"). Words before `*` and PETRARCH's role markers (`$` source, `+`
target, `^` skip, `%` compound) are dropped: communique finds source and target from
the dependency parse, not from word positions. A code that is not in the CAMEO
ontology (PETRARCH's validation files carry old WEIS and test-only codes) is skipped,
and its pattern with it: communique never emits a code it cannot name.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..actors.petrarch import comment_free_lines
from .ontology import SURFACE, VerbPattern, load_ontology, load_patterns

_HEADER = re.compile(r"^---\s*(\S+)\s*\[([^\]]*)\]\s*---")
_CODE = re.compile(r"\[([^\]]*)\]")
_MARKERS = frozenset("$+^%")
# Words after `*` that attach to the verb as a particle ("break off", "call on").
PARTICLES = frozenset(
    {
        "about", "against", "at", "by", "down", "for", "from", "in", "into", "off", "on",
        "out", "over", "to", "toward", "towards", "up", "with", "away", "back",
    }
)  # fmt: skip
# PETRARCH takes the first actor after the verb as the target; communique looks for it in
# the direct object, then the indirect object, then these prepositions' objects, in order.
TARGET_PREPS = (
    "to", "with", "against", "for", "in", "on", "at", "from", "toward", "towards", "about",
    "of", "into", "over", "by",
)  # fmt: skip
# Words skipped when looking for a pattern's object noun.
FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "and", "its", "their", "his", "her", "not"})


@dataclass
class _Group:
    code: str
    verbs: list[tuple[str, str | None]] = field(default_factory=list)
    rules: list[tuple[str, str]] = field(default_factory=list)


def _words(text: str) -> list[str]:
    """Lowercase words of a pattern, markers dropped and `_` joins split."""
    words = []
    for chunk in text.replace("_", " ").split():
        word = chunk.strip("".join(_MARKERS)).lower()
        if word and word not in _MARKERS:
            words.append(word)
    return words


def read_verb_groups(text: str) -> tuple[list[_Group], dict[str, list[str]]]:
    """The verb groups and synonym sets of a PETRARCH verb file."""
    groups: list[_Group] = []
    synsets: dict[str, list[str]] = {}
    current_set: str | None = None
    for line in map(str.strip, comment_free_lines(text)):
        if not line:
            continue
        header = _HEADER.match(line)
        if header:
            groups.append(_Group(header.group(2).strip()))
            current_set = None
        elif line.startswith("&"):
            current_set = line.split()[0][1:].rstrip("_").lower()
            synsets[current_set] = []
        elif line.startswith("+") and current_set is not None:
            synsets[current_set].append(line[1:].split("[")[0].strip())
        elif line.startswith("-") and groups:
            code = _CODE.search(line)
            if code:
                groups[-1].rules.append((line[1 : code.start()].strip(), code.group(1)))
        elif groups and current_set is None:
            head = re.sub(r"\{[^}]*\}", "", line).split("[")[0]
            words = _words(head)
            if words:
                particle = words[1] if len(words) > 1 and words[1] in PARTICLES else None
                groups[-1].verbs.append((words[0], particle))
    return groups, synsets


def _expand(words: list[str], synsets: Mapping[str, list[str]]) -> Iterator[list[str]]:
    """Each reading of a pattern's words with `&SET` replaced by one member of the set."""
    for i, word in enumerate(words):
        if word.startswith("&"):
            for member in synsets.get(word[1:].rstrip("_"), []):
                yield from _expand([*words[:i], *_words(member), *words[i + 1 :]], synsets)
            return
    yield words


def _object_forms(word: str) -> frozenset[str]:
    """A pattern's surface noun and its likely lemma ("programs" -> "program")."""
    forms = {word}
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.add(word[:-1])  # "ties" -> "tie"
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")  # "parties" -> "party"
    return frozenset(forms)


def _pattern(
    verb: str, particle: str | None, after: list[str], code: str, source: str
) -> VerbPattern:
    rest = list(after)
    if particle is None and rest and rest[0] in PARTICLES:
        particle = rest.pop(0)
    content = [w for w in rest if w not in FUNCTION_WORDS and w not in PARTICLES]
    objects = _object_forms(content[0]) if content else frozenset()
    first = (particle,) if particle in TARGET_PREPS else ()
    return VerbPattern(
        code=code,
        verb=verb,
        particle=particle,
        objects=objects,
        targets=(*first, "dobj", "dative", *(p for p in TARGET_PREPS if p != particle)),
        passive=True,
        example=f"PETRARCH pattern: {source}",
    )


def patterns_from_petrarch(text: str) -> dict[str, tuple[VerbPattern, ...]]:
    """VerbPatterns keyed by verb lemma from the text of a PETRARCH verb file."""
    ontology = load_ontology()
    groups, synsets = read_verb_groups(text)
    found: dict[str, dict[tuple[str | None, frozenset[str]], VerbPattern]] = {}
    for group in groups:
        for verb, particle in group.verbs:
            slot = found.setdefault(verb, {})
            code, _, reverse = (c.strip() for c in group.code.partition(":"))
            if code in ontology:
                bare = _pattern(verb, particle, [], code, f"{verb} [{group.code}]")
                if reverse in ontology:
                    bare = dataclasses.replace(bare, reverse=reverse)
                slot.setdefault((bare.particle, bare.objects), bare)
            for text_, codes in group.rules:
                code, _, reverse = (c.strip() for c in codes.partition(":"))
                if code not in ontology or "*" not in text_.replace("_", " "):
                    continue
                after = text_.replace("_", " ").split("*", 1)[1]
                for words in _expand(_words(after), synsets):
                    rule = _pattern(verb, particle, words, code, f"- {text_} [{codes}]")
                    if reverse in ontology:
                        rule = dataclasses.replace(rule, reverse=reverse)
                    slot.setdefault((rule.particle, rule.objects), rule)
    by_verb = {
        verb: tuple(sorted(rules.values(), key=lambda p: -p.specificity))
        for verb, rules in found.items()
        if rules
    }
    # PETRARCH matches words as written: "LEFT" also as the form "left", whatever its lemma.
    return {**by_verb, **{SURFACE + verb: rules for verb, rules in by_verb.items()}}


def load_petrarch_verbs(path: Path, *, extend: bool = True) -> dict[str, tuple[VerbPattern, ...]]:
    """Patterns from a PETRARCH verb file; with `extend`, merged with communique's own:
    for a verb both name, the file's patterns come first and ours fill in the particles
    and objects it does not cover."""
    loaded = patterns_from_petrarch(path.read_text("utf-8"))
    if not extend:
        return loaded
    merged = dict(load_patterns())
    for verb, theirs in loaded.items():
        keys = {(p.particle, p.objects) for p in theirs}
        ours = [p for p in merged.get(verb, ()) if (p.particle, p.objects) not in keys]
        merged[verb] = tuple(sorted([*theirs, *ours], key=lambda p: -p.specificity))
    return merged
