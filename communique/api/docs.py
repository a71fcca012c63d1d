"""/api/docs: the API reference rendered from the OpenAPI schema by the package's template.

FastAPI's own /docs page loads Swagger UI from a CDN and stays blank offline; this
page needs nothing but the app itself. The raw schema is at /api/openapi.json.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..web import templates

router = APIRouter(include_in_schema=False)


@router.get("/api/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    return templates.TemplateResponse(
        request,
        "api_docs.html",
        {"schema": schema, "endpoints": endpoints(schema), "json_url": "/api/openapi.json"},
    )


def endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Each path and method with its summary and parameters, in schema order."""
    found = []
    for path, methods in schema.get("paths", {}).items():
        for method, spec in methods.items():
            params = [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "required": p.get("required", False),
                    "type": _type(p.get("schema", {})),
                    "description": p.get("description") or p.get("schema", {}).get("description"),
                }
                for p in spec.get("parameters", [])
            ]
            found.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": spec.get("summary", ""),
                    "params": params,
                }
            )
    return found


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    text = str(schema.get("type", "any"))
    limits = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "pattern") if k in schema]
    return text + (f" ({', '.join(limits)})" if limits else "")
