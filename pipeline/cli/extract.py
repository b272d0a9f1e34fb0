"""`crinkwatch extract`: one saved page → its article fields and comments as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from pipeline.cli.app import app, console, text


def page_json(path: Path, url: str | None) -> dict:
    """The article and its comments as the JSON object the command prints (raises on failure)."""
    from datetime import datetime, timezone

    from pipeline.extraction import extract_page
    from pipeline.models import RawPage

    page_url = url or path.resolve().as_uri()
    page = RawPage(url=page_url, canonical_url=page_url, source_ids=[], status=200,
                   fetched_at=datetime.now(timezone.utc).isoformat(), body_path=str(path),
                   content_sha256=None)
    article, comments = extract_page(path.read_bytes(), page)
    return {
        "title": article.title, "author": "; ".join(article.authors) or None,
        "date": article.published_at, "lang": article.language, "text": article.text,
        "comments": [{"author": c.author, "date": c.published_at, "text": c.text, "lang": c.language}
                     for c in comments],
    }


@app.command()
def extract(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A saved HTML page (may be gzipped)."),
    url: str = typer.Option(None, "--url", help="The page's URL (helps metadata and relative links)."),
) -> None:
    """Extract one page's title, author, date, language, text and comments; print them as JSON.

    Comments come out one object each and never inside "text". On failure the reason is printed
    as {"error": ...} and the exit code is 1.

    Example: crinkwatch extract saved/article.html --url https://example.org/news/1
    """
    from pipeline.extraction import ExtractionError

    try:
        result = page_json(file, url)
    except ExtractionError as exc:
        print(json.dumps({"error": str(exc), "file": str(file)}, ensure_ascii=False))
        console.print(text(f"{file}: {exc}", "red"))
        raise typer.Exit(code=1)
    print(json.dumps(result, ensure_ascii=False, indent=2))
