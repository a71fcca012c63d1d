"""The web page: server-rendered Jinja2 templates, one CSS and one JS file, no CDN, no build.

Routes are in `views.py`; each page links to its JSON twin under /api.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

from ..links import web_url

WEB_DIR = Path(__file__).parent
STATIC_DIR = WEB_DIR / "static"
TEMPLATES_DIR = WEB_DIR / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))

QUAD_NAMES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}
templates.env.globals["QUAD_NAMES"] = QUAD_NAMES
# Only http(s) URLs from articles become links (`communique.links`); templates write
# `{{ url | web_url }}`, which is empty for anything else.
templates.env.filters["web_url"] = web_url
