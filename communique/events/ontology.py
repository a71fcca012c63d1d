"""The CAMEO event ontology, its PLOVER mapping and the verb/phrase patterns, as data.

Three tab-separated files in `communique/data/cameo/` (see SOURCE.md there):

- `cameo_codes.tsv`: every CAMEO 1.1b3 event code with its name, root, QuadClass and
  Goldstein value;
- `plover.tsv`: CAMEO code -> PLOVER 2023 event type and mode;
- `verbs.tsv`: patterns that signal an event on a spaCy dependency parse.

How a `VerbPattern` reads on a parse (the coder implements the matching):

- `verb`: lowercase lemma of the governing verb; compare it with
  `verb_lemma(token.text, token.lemma_)`, which repairs the few lemmas the English model
  gets wrong ("staged" -> "stag").
- `particle`: a child of the verb whose lowercase text is this word (dep `prt`, `prep` or
  `advmod`: "push *back*", "call *on*", "sexually assault"); a preposition may also hang
  from the verb's direct object ("accused Iran *of* spying").
- `objects`: lemmas, one of which must fill an object slot of the verb (dobj, attr, oprd,
  acomp, xcomp, ccomp, nsubjpass), be the object of the particle preposition ("call for a
  *ceasefire*") or modify the direct object ("held Iran *responsible*"). Empty: nothing required.
- `targets`: where the target actor is, in order of preference: `dobj` (direct object, or
  the passive subject), `dative` (indirect object), `poss` (possessor of the object noun), or a
  preposition attached to the verb, its object noun or its particle (`with`, `on`, `of`...).
- `passive`: the pattern also codes the passive voice (source from the `by` agent).

Several patterns may share a verb; prefer the one with the most required parts (see
`VerbPattern.specificity`) and, among equals, the deeper code.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources

PLOVER_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip
QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
TARGET_SLOTS = frozenset({"dobj", "dative", "poss"})
# Prefix of a pattern key that matches a word as written, not its lemma (loaded
# dictionaries only: PETRARCH's "LEFT" is a verb entry of its own, apart from "LEAVE").
SURFACE = "="

# Surface forms that en_core_web_sm 3.8 lemmatises wrongly (found by parsing the examples
# and inflected forms of every pattern verb). Keyed by surface form, not lemma, because the
# wrong lemma is often a real word ("rapped" -> "rap" is right and means "criticised").
MODEL_LEMMA_FIXES: dict[str, str] = {
    "staged": "stage", "staging": "stage", "stages": "stage",
    "waged": "wage", "waging": "wage",
    "raped": "rape", "raping": "rape", "rapes": "rape",
    "fined": "fine", "fining": "fine",
    "unbanned": "unban", "unbanning": "unban",
    "cordoned": "cordon", "cordoning": "cordon",
    "retook": "retake",
    "forgave": "forgive",
    "slain": "slay",  # (tagged an adjective: "claims that he was slain")
}  # fmt: skip

_CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
_WORD_RE = re.compile(r"^[a-z][a-z'-]*$")
_PHRASE_RE = re.compile(r"^[a-zé][a-zé'-]*$")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code: "051" Praise or endorse, root "05", QuadClass 1, Goldstein 3.4."""

    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover: str
    plover_mode: str | None = None


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A verb (with an optional particle and required object) that signals a CAMEO code."""

    code: str
    verb: str
    particle: str | None
    objects: frozenset[str]
    targets: tuple[str, ...]
    passive: bool
    example: str
    # The code of the act this one implies in the other direction ("A visited B": B
    # hosted A); None for most acts. Only loaded dictionaries set it (PETRARCH's [X:Y]).
    reverse: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def specificity(self) -> int:
        """How many parts beyond the verb must match: 0 (bare verb) to 2."""
        return int(self.particle is not None) + int(bool(self.objects))


def quad_class_of(root: str) -> int:
    """CAMEO QuadClass of a root code "01".."20"."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"not a CAMEO root code: {root!r}")
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    return 3 if number <= 13 else 4


def verb_lemma(text: str, lemma: str) -> str:
    """The lemma to look a verb token up in `load_patterns()` by."""
    return MODEL_LEMMA_FIXES.get(text.lower(), lemma.lower())


def read_tsv(name: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a data file as (line number, row), checking the header."""
    text = resources.files("communique").joinpath("data").joinpath("cameo").joinpath(name)
    reader = csv.reader(io.StringIO(text.read_text(encoding="utf-8")), delimiter="\t")
    header = tuple(next(reader, ()))
    if header != columns:
        raise ValueError(f"{name}: header {header} is not {columns}")
    rows = []
    for line, values in enumerate(reader, start=2):
        if not values or values[0].startswith("#"):
            continue
        if len(values) != len(columns):
            raise ValueError(f"{name} line {line}: {len(values)} fields, expected {len(columns)}")
        rows.append((line, dict(zip(columns, (v.strip() for v in values), strict=True))))
    return rows


def _parse_code(line: int, row: dict[str, str]) -> tuple[str, str, str, int, float]:
    code, root = row["code"], row["root"]
    where = f"cameo_codes.tsv line {line} ({code})"
    if not _CODE_RE.match(code) or root != code[:2]:
        raise ValueError(f"{where}: bad code or root {root!r}")
    quad, goldstein = int(row["quad_class"]), float(row["goldstein"])
    if quad != quad_class_of(root):
        raise ValueError(f"{where}: QuadClass {quad} does not fit root {root}")
    if not -10.0 <= goldstein <= 10.0:
        raise ValueError(f"{where}: Goldstein {goldstein} outside [-10, 10]")
    return code, row["name"], root, quad, goldstein


def _read_plover() -> dict[str, tuple[str, str | None]]:
    mapping: dict[str, tuple[str, str | None]] = {}
    for line, row in read_tsv("plover.tsv", ("cameo", "plover", "mode")):
        if row["plover"] not in PLOVER_TYPES:
            raise ValueError(f"plover.tsv line {line}: unknown PLOVER type {row['plover']!r}")
        mapping[row["cameo"]] = (row["plover"], row["mode"] or None)
    return mapping


@functools.lru_cache(maxsize=1)
def load_ontology() -> dict[str, CameoCode]:
    """Every CAMEO code ("01", "051", "1121"...) with its QuadClass, Goldstein and PLOVER type."""
    plover = _read_plover()
    ontology: dict[str, CameoCode] = {}
    columns = ("code", "name", "root", "quad_class", "goldstein")
    for line, row in read_tsv("cameo_codes.tsv", columns):
        code, name, root, quad, goldstein = _parse_code(line, row)
        if code in ontology:
            raise ValueError(f"cameo_codes.tsv line {line}: duplicate code {code}")
        parent = code[:-1] if len(code) == 4 else root
        if len(code) > 2 and parent not in ontology:
            raise ValueError(f"cameo_codes.tsv line {line}: {code} precedes its parent {parent}")
        # A code the PLOVER table leaves out takes its root's type.
        plover_type, mode = plover.get(code) or (plover[root][0], None)
        ontology[code] = CameoCode(code, name, root, quad, goldstein, plover_type, mode)
    unknown = sorted(set(plover) - set(ontology))
    if unknown:
        raise ValueError(f"plover.tsv maps codes that cameo_codes.tsv lacks: {unknown}")
    return ontology


def code_info(code: str) -> CameoCode:
    """The CameoCode of `code`; ValueError if CAMEO has no such code."""
    try:
        return load_ontology()[code]
    except KeyError:
        raise ValueError(f"unknown CAMEO code: {code!r}") from None


def _parse_targets(where: str, text: str) -> tuple[str, ...]:
    targets = tuple(t.strip() for t in text.split(",") if t.strip())
    for target in targets:
        if target not in TARGET_SLOTS and not target.isalpha():
            raise ValueError(f"{where}: bad target {target!r}")
    return targets


def _parse_pattern(line: int, row: dict[str, str], codes: dict[str, CameoCode]) -> VerbPattern:
    where = f"verbs.tsv line {line} ({row['code']} {row['verb']})"
    if row["code"] not in codes:
        raise ValueError(f"{where}: unknown CAMEO code {row['code']!r}")
    objects = frozenset(o.strip() for o in row["object"].split("|") if o.strip())
    words = [row["verb"], *([row["particle"]] if row["particle"] else [])]
    if not all(_WORD_RE.match(w) for w in words) or not all(_PHRASE_RE.match(o) for o in objects):
        raise ValueError(f"{where}: verb, particle and objects must be lowercase words")
    if row["passive"] not in ("yes", "no") or not row["example"]:
        raise ValueError(f"{where}: passive must be yes or no, and an example is required")
    return VerbPattern(
        code=row["code"],
        verb=row["verb"],
        particle=row["particle"] or None,
        objects=objects,
        targets=_parse_targets(where, row["target"]),
        passive=row["passive"] == "yes",
        example=row["example"],
    )


@functools.lru_cache(maxsize=1)
def load_patterns() -> dict[str, tuple[VerbPattern, ...]]:
    """Verb patterns keyed by verb lemma, most specific first, in file order among equals."""
    codes = load_ontology()
    columns = ("code", "verb", "particle", "object", "target", "passive", "example")
    by_verb: dict[str, list[VerbPattern]] = {}
    seen: set[tuple[str, str | None, frozenset[str]]] = set()
    for line, row in read_tsv("verbs.tsv", columns):
        pattern = _parse_pattern(line, row, codes)
        key = (pattern.verb, pattern.particle, pattern.objects)
        if key in seen:
            raise ValueError(f"verbs.tsv line {line}: duplicate pattern {key[0]} {key[1]}")
        seen.add(key)
        by_verb.setdefault(pattern.verb, []).append(pattern)
    return {
        verb: tuple(sorted(patterns, key=lambda p: -p.specificity))
        for verb, patterns in by_verb.items()
    }
