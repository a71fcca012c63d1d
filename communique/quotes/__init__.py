"""Quotes: who said what.

`find_quotes(doc)` returns `QuoteFinding` records in text order:

- direct: the content is inside quotation marks ("“We won,” Lee said.", "Lee said: “...”");
  a quote with no cue of its own continues the speaker of the previous quote in its
  paragraph, or of the paragraph before when its paragraph is only a quotation;
- indirect: reported speech ("Lee said (that) ...", "according to Lee, ...");
- mixed: a quoted fragment inside reported speech (its content is the fragment).

Importing this package registers the spaCy factory `communique_quotes`, which stores the
findings as plain dicts in `doc._.quotes` (`findings_from_doc` rebuilds them).
"""

from __future__ import annotations

from communique.quotes.component import QuotesComponent, findings_from_doc
from communique.quotes.items import QuoteFinding
from communique.quotes.rules import find_quotes

__all__ = ["QuoteFinding", "QuotesComponent", "find_quotes", "findings_from_doc"]
