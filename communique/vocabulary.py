"""Which actors and verb patterns to code with: the shipped ones, or PETRARCH files.

Researchers moving from PETRARCH or TABARI often have dictionaries of their own. A
`Vocabulary` names them by path; it is small and hashable, so it travels to worker
processes and Dask workers, and each process reads the files once:

    vocabulary = Vocabulary(actors="my.actors.txt", agents="my.agents.txt", verbs="my.verbs.txt")
    for result in extract(items, vocabulary=vocabulary):
        ...

With actor files, they replace the shipped actor dictionary. A verb file is merged with
the shipped patterns: for a verb both know, its patterns come first.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .actors.dictionary import ActorDictionary
from .events.ontology import VerbPattern

Patterns = Mapping[str, Sequence[VerbPattern]]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Paths of PETRARCH-format actor, agent and verb files; None: the shipped data."""

    actors: str | None = None
    agents: str | None = None
    verbs: str | None = None

    def dictionary(self) -> ActorDictionary | None:
        """The actor dictionary from the actor (and agent) files, or None for the shipped one."""
        if self.actors is None:
            return None
        return _dictionary(self.actors, self.agents)

    def patterns(self) -> Patterns | None:
        """The verb patterns with the verb file merged in, or None for the shipped ones."""
        return None if self.verbs is None else _patterns(self.verbs)

    def check(self) -> None:
        """Read every file now: ValueError naming the file when one is missing or unreadable."""
        if self.agents is not None and self.actors is None:
            raise ValueError("an agents file needs an actors file (--petrarch-actors)")
        for label, path in (("actors", self.actors), ("agents", self.agents),
                            ("verbs", self.verbs)):  # fmt: skip
            if path is not None and not Path(path).is_file():
                raise ValueError(f"{label} file not found: {path}")
        try:
            self.dictionary()
            self.patterns()
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise ValueError(f"cannot read the PETRARCH files: {error}") from error


@functools.lru_cache(maxsize=4)
def _dictionary(actors: str, agents: str | None) -> ActorDictionary:
    from .actors.petrarch import load_petrarch

    return load_petrarch(Path(actors), Path(agents) if agents else None)


@functools.lru_cache(maxsize=4)
def _patterns(verbs: str) -> Patterns:
    from .events.petrarch import load_petrarch_verbs

    return load_petrarch_verbs(Path(verbs))
