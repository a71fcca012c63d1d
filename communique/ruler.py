"""The attribute ruler's matches, found without spaCy's Matcher (same matches, faster).

The English pipeline's `attribute_ruler` maps tags to parts of speech and fixes lemmas and
morphology with 179 token patterns. Its `Matcher` tries each pattern at each token and spent
about 3 ms of an article's 30 ms parse, a tenth of the whole parse, to find what is nearly
always a dictionary lookup. `fast_matches(ruler)` reads the ruler's own patterns and returns
a drop-in for its `match` method: patterns of one token are looked up by tag or lower-case
form, and a token's answer is kept by its (tag, lower, dep, is-space) signature; patterns
of several tokens are tried in full. The ruler still applies the matches itself, in its own
order, so the Doc is the one the stock ruler makes; `tests/test_nlp_ruler.py` checks that
the matches are equal on written text.

Patterns outside the forms the English rules use (operators such as "?" or "+", other
attributes or predicates) leave the stock `match` in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

# The token attributes a pattern may test here, in the order of a token's signature.
ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")
Signature = tuple[str, str, str, bool]
TokenSpec = tuple[tuple[int, "Test"], ...]  # (place in the signature, test)
Match = tuple[int, int, int, int]  # (rule number, match id, start, end), as the ruler's
MAX_KNOWN = 50_000


class Unsupported(ValueError):
    """A pattern this module does not read; the stock matcher is kept."""


@dataclass(frozen=True)
class Test:
    """One attribute's check, as a pattern spells it: a value, or IN, NOT_IN or REGEX.
    (A class, not a closure: a pipeline sent to worker processes is pickled.)"""

    operator: str
    operand: Any

    def __call__(self, value: Any) -> bool:
        if self.operator == "IN":
            return value in self.operand
        if self.operator == "NOT_IN":
            return value not in self.operand
        if self.operator == "REGEX":
            return self.operand.search(value) is not None
        return bool(value == self.operand)


def _test(value: Any) -> Test:
    """The check one attribute's spec makes of the token's value."""
    if isinstance(value, (str, bool)):
        return Test("==", value)
    if isinstance(value, dict) and len(value) == 1:
        ((operator, operand),) = value.items()
        if operator in ("IN", "NOT_IN"):
            return Test(operator, frozenset(operand))
        if operator == "REGEX":
            return Test(operator, re.compile(operand))
    raise Unsupported(repr(value))


def _token_spec(spec: dict[str, Any]) -> TokenSpec:
    if not isinstance(spec, dict) or not spec or any(key not in ATTRIBUTES for key in spec):
        raise Unsupported(repr(spec))  # "OP", other attributes, an empty wildcard
    return tuple((ATTRIBUTES.index(key), _test(value)) for key, value in spec.items())


class RulerMatches:
    """A drop-in for `AttributeRuler.match`: its matches, sorted as it sorts them."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        # one-token rules, found through a plain value of TAG or LOWER where they have one
        self.by_tag: dict[str, list[tuple[int, TokenSpec]]] = {}
        self.by_lower: dict[str, list[tuple[int, TokenSpec]]] = {}
        self.other: list[tuple[int, TokenSpec]] = []
        self.longer: list[tuple[int, tuple[TokenSpec, ...]]] = []
        self.ids = [strings.add(str(i)) for i in range(len(ruler.attrs))]
        rules: list[dict[str, Any]] = list(ruler.patterns)  # type: ignore[arg-type]
        if len(rules) != len(ruler.attrs):
            raise Unsupported("rules and attributes out of step")
        for number, rule in enumerate(rules):
            patterns: list[list[dict[str, Any]]] = rule["patterns"]
            for pattern in patterns:
                specs = tuple(_token_spec(spec) for spec in pattern)
                if len(specs) > 1:
                    # its first token is looked up like a one-token rule, numbered below 0
                    self.longer.append((number, specs))
                    self._index(-len(self.longer), pattern[0], specs[0])
                else:
                    self._index(number, pattern[0], specs[0])
        self._known: dict[Signature, tuple[int, ...]] = {}

    def _index(self, number: int, pattern: dict[str, Any], spec: TokenSpec) -> None:
        if isinstance(pattern.get("TAG"), str):
            self.by_tag.setdefault(pattern["TAG"], []).append((number, spec))
        elif isinstance(pattern.get("LOWER"), str):
            self.by_lower.setdefault(pattern["LOWER"], []).append((number, spec))
        else:
            self.other.append((number, spec))

    def __call__(self, doc: Doc) -> list[Match]:
        values = [_signature(t) for t in doc]
        found: set[Match] = set()
        for i, value in enumerate(values):
            for number in self._first_tokens(value):
                if number >= 0:
                    found.add((number, self.ids[number], i, i + 1))
                    continue
                rule, specs = self.longer[-number - 1]
                end = i + len(specs)
                if end <= len(values) and all(
                    _holds(spec, values[i + k]) for k, spec in enumerate(specs[1:], start=1)
                ):
                    found.add((rule, self.ids[rule], i, end))
        return sorted(found)

    def _first_tokens(self, value: Signature) -> tuple[int, ...]:
        """The one-token rules that match a token, and (below 0) the longer rules whose first
        token it may be; kept by the token's signature (bounded: a long run meets new words)."""
        known = self._known.get(value)
        if known is None:
            if len(self._known) >= MAX_KNOWN:
                self._known.clear()
            candidates = [
                *self.by_tag.get(value[0], ()),
                *self.by_lower.get(value[1], ()),
                *self.other,
            ]
            known = tuple(sorted({n for n, spec in candidates if _holds(spec, value)}))
            self._known[value] = known
        return known


def _signature(token: Token) -> Signature:
    """What the rules read of a token, as the Matcher reads it ("" where unset)."""
    return (token.tag_, token.lower_, token.dep_, token.is_space)


def _holds(spec: TokenSpec, value: Signature) -> bool:
    return all(test(value[place]) for place, test in spec)


def fast_matches(ruler: AttributeRuler) -> RulerMatches | None:
    """The drop-in for `ruler.match`, or None if a pattern is of a form it does not read."""
    try:
        return RulerMatches(ruler)
    except Unsupported:
        return None
