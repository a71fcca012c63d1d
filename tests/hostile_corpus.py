"""Hostile articles written for the tests (issue 16): every field carries something that
would run, load or mislead if a page printed it unescaped or linked it as given.

The stories are invented and short; what matters is where the payloads sit:
- markup and event handlers (`<script>`, `<img onerror>`, `<svg onload>`, a closing
  `</title>` or `</textarea>` to break out of an element, attribute breakers `"'>`);
- `javascript:`, `data:` and `vbscript:` URLs, also split by a tab or upper-cased;
- HTML entities that would become markup if decoded once too often (`&lt;script&gt;`);
- Unicode bidi controls (U+202E, U+2066) and zero-width characters in names;
- very long names and words;
in the id, title, text, source, url and published fields, and inside the text where the
pipeline turns words into actor names, quotes and cues. The pipeline keeps markup out of
most actor names, so `coded_result` also gives one result coded by hand whose actor names,
roles, quote, cue, place and date words are payloads, as a future extractor might make them.

`MARKERS` are strings that appear only inside payloads: if one shows up in a page's
HTML, that payload was printed unescaped. `HOSTILE_URLS` are the url fields, which must
never become an `href` (`BAD_SCHEMES`).
"""

from __future__ import annotations

import json
from pathlib import Path

from communique.model import Actor, Article, Event, Location, Quote, Result, Span

RLO = "\u202e"  # right-to-left override
LRI, PDI = "\u2066", "\u2069"  # left-to-right isolate and its end
ZWSP, ZWJ = "\u200b", "\u200d"  # zero-width space and joiner
LONG = "Ministerofthecoastalaffairsandfisheries" * 30  # one word of 1,170 letters

# Payloads: each carries a marker (`xss-...`) that appears nowhere else on any page.
SCRIPT = "<script>alert('xss-script')</script>"
IMG = "<img src=x onerror=\"alert('xss-img')\">"
SVG = "<svg onload=alert('xss-svg')>"
BREAKOUT = "\"'></title></textarea><b id=xss-breakout>"
ENTITY = "&lt;script&gt;alert('xss-entity')&lt;/script&gt; &amp;lt;b&amp;gt;"
IFRAME = "<iframe srcdoc=\"<script>alert('xss-iframe')</script>\"></iframe>"
STYLE = "<style>body{background:url('xss-style')}</style><p style=\"color:red\">xss-inline</p>"

MARKERS = {
    "<script>alert('xss-script')": "a <script> block",
    "<img src=x onerror": "an <img> with onerror",
    "<svg onload": "an <svg> with onload",
    "<b id=xss-breakout>": "a bold tag after a breakout",
    "<iframe srcdoc": "an <iframe>",
    "<style>body": "a <style> block",
    '<p style="color:red">': "a style attribute",
    "<script>alert('xss-entity')": "entities decoded into markup",
    "<script>alert('xss-query')": "a URL's query breaking out of its href",
}

HOSTILE_URLS = [
    "javascript:alert('xss-url')",
    "JaVaScRiPt:alert(document.domain)",
    "java\tscript:alert('xss-tab')",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox('xss')",
    "  javascript:alert('xss-space')",
    "//evil.example/steal",
]
BAD_SCHEMES = ("javascript:", "data:", "vbscript:", "//")
# An https URL is linked, but its query must stay inside the attribute, escaped.
QUERY_URL = "https://example.org/story?q=\"><script>alert('xss-query')</script>"

_STORY = (
    "Turkey criticised Greece on Monday over the new coastal patrols. "
    "“We will not accept this,” the Turkish foreign minister said. "
    "Greece rejected the criticism and said it would continue the patrols."
)


def articles() -> list[dict[str, str]]:
    """The corpus as JSON Lines records; every record is one article that ingest stores."""
    names = [
        f"{RLO}Turkey{PDI}",
        f"Gr{ZWSP}ee{ZWJ}ce",
        f"{LRI}Ankara{PDI}",
        LONG,
    ]
    found = [
        {
            "id": f"h1{SCRIPT}",
            "title": f"Talks {SCRIPT} {IMG}",
            "text": f"{SCRIPT} {IMG}\n\n{_STORY} President {names[0]} Erdo met "
            f"Minister {names[1]} Dendias in {names[2]} on Tuesday.",
            "source": f"Wire {SVG}",
            "url": HOSTILE_URLS[0],
            "published": "2024-02-05",
        },
        {
            "id": f"h2{BREAKOUT}",
            "title": BREAKOUT,
            "text": f"{_STORY} “{SCRIPT} we will not {IMG} accept this,” said "
            f"Foreign Minister {BREAKOUT} Cavusoglu. {ENTITY}",
            "source": BREAKOUT,
            "url": HOSTILE_URLS[1],
            "published": "2024-02-06T10:00:00+03:00",
        },
        {
            "id": f"h3 {ENTITY}",
            "title": ENTITY,
            "text": f"{_STORY} The {SVG} Turkish Coast Guard and the Greek navy held talks. "
            f"“{ENTITY},” the Greek spokesman said.",
            "source": ENTITY,
            "url": HOSTILE_URLS[2],
            "published": "2024-02-07",
        },
        {
            "id": f"h4{IFRAME}",
            "title": f"{IFRAME} {STYLE}",
            "text": f"{_STORY} {IFRAME} {STYLE} Prime Minister {LONG} met "
            "the Greek foreign minister in Athens.",
            "source": STYLE,
            "url": HOSTILE_URLS[3],
            "published": "2024-02-08",
        },
        {
            "id": f"h5{RLO}{ZWSP}",
            "title": f"{RLO}gnp.exe{ZWSP} {LRI}report{PDI}",
            "text": f"{_STORY} Turkish President {RLO}Erdogan{PDI} accused "
            f"{ZWJ}Greece{ZWSP} of provocation. “{RLO}This must stop,” he said.",
            "source": f"{RLO}Agency{PDI}",
            "url": HOSTILE_URLS[4],
            "published": "2024-02-09",
        },
        {
            "id": "h6",
            "title": "Patrols",
            "text": f"{_STORY} Greek officials met Turkish diplomats {SCRIPT}.",
            "url": HOSTILE_URLS[5],
            "published": "2024-02-10",
        },
        {
            "id": "h7",
            "title": "Coast",
            "text": f"{_STORY} The Greek navy said the patrols would go on. {SVG}",
            "url": HOSTILE_URLS[6],
            "published": "2024-02-11",
        },
        {
            "id": "h8",
            "title": "Query",
            "text": f"{_STORY} Turkey summoned the Greek ambassador. {IMG}",
            "url": QUERY_URL,
            "published": "2024-02-12",
        },
        {
            "id": "h9",
            "title": "A plain link",
            "text": _STORY + " Athens answered.",
            "url": "https://example.org/news/1",
            "published": "2024-02-13",
        },
    ]
    return found


# Published dates that are no dates: each line is refused by ingest (E115), and its error
# message, which quotes the value, is what the errors listing shows.
BAD_DATES = [f"2024-02-05{SCRIPT}", f"{IMG}"]


def write(path: Path) -> Path:
    """The corpus as a JSON Lines file at `path`, with the bad-date lines after it."""
    lines = [json.dumps(record, ensure_ascii=False) for record in articles()]
    lines += [
        json.dumps({"id": f"bad-date-{n}", "text": _STORY, "published": value})
        for n, value in enumerate(BAD_DATES)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def coded_result() -> Result:
    """One article with its actors, quote and event coded by hand, every name a payload."""
    first, second = f"Minister {SCRIPT}", f"{RLO}Agency {IMG}{ZWSP}"
    place, said, when = f"Port {SVG}", f"{BREAKOUT} {ENTITY}", f"{LONG} {ZWJ}Tuesday"
    lead = f"{first} met {second} in {place} on {when}."
    text = f"{lead} “{said},” {first} said."

    def span(part: str, start: int = 0) -> Span:
        at = text.index(part, start)
        return Span(part, at, at + len(part))

    quote_at = text.index("“")
    actors = (
        Actor(
            "a1",
            first,
            "person",
            "TUR",
            "GOV",
            "TURGOV",
            role=BREAKOUT,
            mentions=(span(first), span(first, quote_at)),
        ),
        Actor("a2", second, "organisation", "GRC", "GOV", "GRCGOV", mentions=(span(second),)),
    )
    quote = Quote(
        "q1",
        span(said),
        "direct",
        cue=span("said", quote_at),
        speaker_mention=span(first, quote_at),
        speaker="a1",
        evidence=span(text[quote_at:]),
    )
    event = Event(
        "e1",
        "a1",
        "a2",
        "040",
        "04",
        "CONSULT",
        1,
        1.0,
        evidence=span(lead),
        trigger=span("met"),
        date="2024-02-14",
        date_text=when,
        date_precision="day",
        period="2024-02-14",
        location=Location(place, "GRC", 40.6, 22.9, span(place)),
    )
    article = Article(
        id=f"h10{SVG}",
        text=text,
        title=f"{first} {STYLE}",
        published="2024-02-14",
        source=f"{IFRAME}",
        url="https://example.org/h10",
        origin="hostile:coded",
    )
    return Result(article, actors=actors, quotes=(quote,), events=(event,))
