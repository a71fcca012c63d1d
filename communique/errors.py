"""Error message templates with codes, in one place so users can search for a code.

Codes E1xx belong to ingest (reading articles), E2xx to analysis; W1xx are warnings
that never fail an article (it is still analysed and stored). A message always names where the
problem is (`origin`: a path, `path:line` or `path#entry`), so one bad file in a
batch of thousands can be found.

Example:
    >>> Errors.E101.format(origin="news/a.txt")
    '[E101] news/a.txt: no such file or directory'
"""

from __future__ import annotations

from enum import Enum


class Errors(Enum):
    """Message templates keyed by code; `format` fills them and prefixes the code."""

    # Files and paths
    E101 = "{origin}: no such file or directory"
    E102 = "{origin}: cannot read the file ({reason})"
    E103 = "{origin}: no text (the input is empty or only whitespace)"
    E104 = "{origin}: binary data, not text ({reason})"
    E105 = (
        "{origin}: not valid UTF-8 at byte offset {offset} ({reason}); "
        "convert the file to UTF-8 first"
    )
    E106 = "{origin}: the pattern matched no files"
    E107 = "the default published date {value!r} is not an ISO date (YYYY-MM-DD)"
    # JSON Lines
    E110 = "{origin}: the line is not valid JSON ({reason})"
    E111 = "{origin}: expected a JSON object, got {kind}"
    E112 = "{origin}: article {article_id!r} has no 'text' field"
    E113 = "{origin}: article {article_id!r} has a 'text' that is {kind}; expected a string"
    E114 = "{origin}: article {article_id!r} has a '{field}' that is {kind}; expected {expected}"
    E115 = (
        "{origin}: article {article_id!r} has a 'published' date {value!r} that is not "
        "an ISO date (YYYY-MM-DD) or datetime"
    )
    E116 = "{origin}: the JSON file holds {kind}; expected an object or a list of objects"
    # HTML and feeds
    E120 = "{origin}: no main text found in the HTML page"
    E121 = "{origin}: not an RSS or Atom feed ({reason})"
    E122 = "{origin}: the feed entry {title!r} has no content or summary"
    # Analysis (E2xx): the article was read but could not be analysed
    E201 = "{origin}: the article could not be analysed ({reason})"
    E202 = (
        "{origin}: the text has {length} characters, over the limit of {limit}; "
        "split it into several articles or raise COMMUNIQUE_MAX_CHARS"
    )
    E203 = (
        "{origin}: the text does not look like English ({share} English function words); "
        "communique codes English news only"
    )
    E204 = "{origin}: the text has no words (only digits, punctuation or quote marks)"
    E205 = "{origin}: not analysed: {reason}"
    # Warnings (W1xx): the article is read and analysed; something in its input is noted
    W101 = (
        "{origin}: article {article_id!r} has a 'url' that is not an http or https URL "
        "({url!r}); it is kept as text, never shown as a link or fetched"
    )

    def format(self, **fields: object) -> str:
        """The message with its code in front: `[E101] path: no such file or directory`."""
        return f"[{self.name}] " + self.value.format(**fields)

    @property
    def code(self) -> str:
        return self.name
