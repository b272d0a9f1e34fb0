"""The explorer's web app (Starlette): trend views, evidence, search, export, stored pages.

Each request opens the analyst database and the search index read-only and closes them before it
answers, so a publish that renames a new file into place is picked up by the next request and no
handle on a replaced file outlives a request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from pipeline.explorer import queries
from pipeline.explorer.charts import panel_svg
from pipeline.explorer.evidence import group_evidence
from pipeline.explorer.export import FORMATS, export
from pipeline.explorer.filters import DOC_KINDS, BadFilter, ViewFilters
from pipeline.explorer.panels import build_panels, periods
from pipeline.explorer.tables import TABLE_ROWS, table_html
from pipeline.fetch.rawstore import RawStore
from pipeline.paths import DataPaths
from pipeline.search.index import search_index_path
from pipeline.search.query import MAX_COUNT, IndexMissing, SearchFilters, open_index, search
from pipeline.warehouse.trends import Result
from pipeline.watch.evaluate import evaluate_rules
from pipeline.watch.rules import BadRules, load_rules

VIEW_HINTS = {
    "attention": "Each point: articles naming the member per 1,000 articles; below it k/n, the articles "
                 "naming it out of all articles in view.",
    "framings": "Each point: how many times the framing was used with that stance (counts, not shares).",
    "dyads": "Each point: the cohesion index (cooperation − friction) / (cooperation + friction); below "
             "it the sentence counts +cooperation −friction ·neutral. No point: no sentence either way.",
    "kinds": "Each point: articles (or comments) naming the member per 1,000 articles (comments); "
             "k/n in the tooltip and the table.",
}
VIEW_TITLES = {"attention": "Attention", "framings": "Framings", "dyads": "Dyad cohesion",
               "kinds": "Articles vs comments"}
EVIDENCE_KEYS = ("view", "period", "member", "doc_kind", "framing_id", "stance", "pair_id", "relation")
SEARCH_PAGE = 50
VIEW_CACHE_SIZE = 64  # view results kept per server (each a few thousand rows at most)
# A stored page is someone else's HTML: let it render, but run nothing and fetch nothing.
STORED_PAGE_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"

templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                        autoescape=select_autoescape(["html"]))


class Explorer:
    """The analyst database (and the data folder holding its raw store) the app reads."""

    def __init__(self, db_path: Path, data_dir: Path | None = None,
                 watch_rules: Path | None = None) -> None:
        self.db_path = Path(db_path)
        self.watch_rules = Path(watch_rules) if watch_rules else None
        self.paths = DataPaths.for_data_dir(Path(data_dir) if data_dir else self.db_path.parent,
                                            analyst_db=self.db_path)
        self._header: tuple[tuple[int, int, int], dict[str, Any], dict[str, list[str]]] | None = None
        self._views: OrderedDict[tuple, Result] = OrderedDict()
        self._lock = threading.Lock()

    def file_key(self) -> tuple[int, int, int]:
        """Which published file is in place: a publish renames a new file in, so a new inode."""
        stat = self.db_path.stat()
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def header(self) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """What this publish covers and the filter menus' values, read once per published file."""
        key = self.file_key()
        if self._header is None or self._header[0] != key:
            con = queries.open_db(self.db_path)
            try:
                info = con.execute("select * from publish_info").fetchall()
                columns = [d[0] for d in con.description]
                choices = queries.source_choices(con)
            finally:
                con.close()
            self._header = (key, dict(zip(columns, info[0])) if info else {}, choices)
        return self._header[1], self._header[2]

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        publish, choices = self.header()
        context.setdefault("filters", ViewFilters())
        page = templates.get_template(name).render(publish=publish, choices=choices, views=VIEW_TITLES,
                                                   doc_kinds=DOC_KINDS, **context)
        return HTMLResponse(page, status_code=status)

    def view_result(self, name: str, f: ViewFilters) -> Result:
        """A view's rows, remembered for the file they came from (a published file never changes,
        so a shared link or a second visit is answered without querying again)."""
        key = (self.file_key(), name, f)
        with self._lock:
            if key in self._views:
                self._views.move_to_end(key)
                return self._views[key]
        con = queries.open_db(self.db_path)
        try:
            result = queries.VIEWS[name](con, f)
        finally:
            con.close()
        with self._lock:
            self._views[key] = result
            while len(self._views) > VIEW_CACHE_SIZE:
                self._views.popitem(last=False)
        return result

    def evidence_result(self, f: ViewFilters, cell: dict[str, str]) -> Result:
        con = queries.open_db(self.db_path)
        try:
            return queries.evidence(con, f, cell)
        finally:
            con.close()

    def search_result(self, request: Request) -> tuple[str, SearchFilters, int, int, list]:
        q = (request.query_params.get("q") or "").strip()
        f = ViewFilters.from_query(request.query_params)
        kind = request.query_params.get("doc_kind") or None
        if kind and kind not in DOC_KINDS:
            raise BadFilter(f"doc_kind {kind!r}: use article or comment")
        sf = SearchFilters(f.source, f.source_type, f.language, f.since, f.until, kind)
        try:
            offset = max(0, int(request.query_params.get("offset") or 0))
        except ValueError:
            raise BadFilter("offset must be a number") from None
        total, hits = search(search_index_path(self.db_path), q, sf, SEARCH_PAGE, offset) if q else (0, [])
        return q, sf, offset, total, hits

    # --- routes -------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        return RedirectResponse("/attention" + (f"?{request.url.query}" if request.url.query else ""))

    def view(self, request: Request) -> Response:
        name = request.url.path.strip("/")
        f = ViewFilters.from_query(request.query_params)
        result = self.view_result(name, f)
        xs = periods(result)
        svgs = [panel_svg(p, xs) for p in build_panels(name, result, f)]
        limit = None if request.query_params.get("rows") == "all" else TABLE_ROWS
        return self.render("view.html", view=name, title=VIEW_TITLES[name], filters=f,
                           records=result.rows, svgs=svgs, hint=VIEW_HINTS[name],
                           table=table_html(name, result, f, limit),
                           table_rows=limit or len(result.rows))

    def evidence(self, request: Request) -> Response:
        f = ViewFilters.from_query(request.query_params)
        cell = {k: request.query_params[k] for k in EVIDENCE_KEYS if request.query_params.get(k)}
        if cell.get("view", "attention") not in queries.VIEWS:
            raise BadFilter(f"view {cell['view']!r}: use one of {', '.join(queries.VIEWS)}")
        result = self.evidence_result(f, cell)
        return self.render("evidence.html", title="Evidence", filters=f, cell=cell,
                           documents=group_evidence(result.records()), rows=len(result.rows),
                           export_query=f.query_string(**cell))

    def search_page(self, request: Request) -> Response:
        try:
            q, sf, offset, total, hits = self.search_result(request)
        except IndexMissing as exc:
            return self.render("message.html", status=503, title="Search", message=str(exc))
        f = ViewFilters.from_query(request.query_params)
        return self.render("search.html", title="Search", filters=f, q=q, kind=sf.doc_kind,
                           total=total, hits=hits, offset=offset, page=SEARCH_PAGE, max_count=MAX_COUNT,
                           export_query=f.query_string(q=q, doc_kind=sf.doc_kind))

    def watch(self, request: Request) -> Response:
        rules = load_rules(self.watch_rules) if self.watch_rules else []
        results = evaluate_rules(self.db_path, rules) if rules else []
        results.sort(key=lambda r: not r.is_hit)
        return self.render("watch.html", title="Watch", view="watch", results=results,
                           rules_path=self.watch_rules)

    def export(self, request: Request) -> Response:
        name, fmt = request.path_params["name"], request.path_params["fmt"]
        if fmt not in FORMATS:
            raise BadFilter(f"format {fmt!r}: use csv or parquet")
        f = ViewFilters.from_query(request.query_params)
        if name in queries.VIEWS:
            result = self.view_result(name, f)
        elif name == "evidence":
            cell = {k: request.query_params[k] for k in EVIDENCE_KEYS if request.query_params.get(k)}
            result = self.evidence_result(f, cell)
        elif name == "search":
            _, _, _, _, hits = self.search_result(request)
            columns = ["doc_id", "doc_kind", "article_id", "day", "language", "source_ids", "title",
                       "url", "author", "position", "score"]
            result = Result("Search", columns, [tuple(getattr(h, c) for c in columns) for h in hits])
        else:
            return Response(f"no view {name!r}\n", status_code=404, media_type="text/plain")
        suffix = f.query_string().replace("&", "_").replace("=", "-") or "all"
        return Response(export(result, fmt), media_type=FORMATS[fmt], headers={
            "Content-Disposition": f'attachment; filename="crinkwatch-{name}-{suffix}.{fmt}"'})

    def stored_page(self, request: Request) -> Response:
        article_id = request.path_params["article_id"]
        try:
            con = open_index(search_index_path(self.db_path))
        except IndexMissing as exc:
            return Response(f"{exc}\n", status_code=503, media_type="text/plain")
        try:
            row = con.execute("select content_sha256 from docs where doc_id = ? and doc_kind = 'article'",
                              [article_id]).fetchone()
        finally:
            con.close()
        store = RawStore(self.paths.raw_dir)
        if not row or not row[0] or not store.has(row[0]):
            return Response(f"no stored copy of article {article_id}\n", status_code=404,
                            media_type="text/plain")
        return Response(store.get(row[0]), media_type="text/html",
                        headers={"Content-Security-Policy": STORED_PAGE_POLICY})


def create_app(db_path: Path, data_dir: Path | None = None, watch_rules: Path | None = None) -> Starlette:
    """The explorer over ``db_path`` (raw store under ``data_dir``, by default the database's
    folder; the watch page evaluates ``watch_rules``)."""
    explorer = Explorer(db_path, data_dir, watch_rules)

    async def bad_filter(request: Request, exc: Exception) -> Response:
        return explorer.render("message.html", status=400, title="Bad request", message=str(exc))

    routes = [Route("/", explorer.home),
              *(Route(f"/{name}", explorer.view) for name in queries.VIEWS),
              Route("/evidence", explorer.evidence),
              Route("/search", explorer.search_page),
              Route("/watch", explorer.watch),
              Route("/export/{name}.{fmt}", explorer.export),
              Route("/page/{article_id}", explorer.stored_page)]
    return Starlette(routes=routes, exception_handlers={BadFilter: bad_filter, BadRules: bad_filter})
