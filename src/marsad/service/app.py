"""The HTTP layer: Flask routes over ``marsad.service.api``, plus the web UI's static files.

Every request opens the database read-only and closes it when done, so the server
never holds a lock that would stop ``marsad ingest`` from writing between requests.
Answers are UTF-8 JSON; errors are ``{"code", "message"}`` with a 4xx/5xx status.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.serving import BaseWSGIServer, make_server

from marsad.errors import StoreError
from marsad.service import api

log = logging.getLogger(__name__)


def create_app(db: str | Path) -> Flask:
    """A Flask app serving the API and UI over the database file ``db``."""
    app = Flask(__name__, static_folder="static", static_url_path="/static")
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.config["MARSAD_DB"] = str(db)

    def run(query: Callable[..., dict[str, Any]], *args: Any):
        with closing(api.connect(app.config["MARSAD_DB"])) as con:
            return jsonify(query(con, *args))

    @app.get("/")
    def index():
        return app.send_static_file("index.html")

    @app.get("/api/events")
    def events():
        return run(api.events, request.args)

    @app.get("/api/events/<event_id>")
    def event(event_id: str):
        return run(api.event, event_id)

    @app.get("/api/timeline")
    def timeline():
        return run(api.timeline, request.args)

    @app.get("/api/network")
    def network():
        return run(api.network, request.args)

    @app.get("/api/map")
    def places():
        return run(api.places, request.args)

    @app.get("/api/actors")
    def actors():
        return run(api.actors, request.args)

    @app.get("/api/articles/<doc_id>")
    def article(doc_id: str):
        return run(api.article, doc_id)

    @app.get("/api/stats")
    def stats():
        return run(api.stats, request.args)

    @app.errorhandler(api.BadParameter)
    def bad_parameter(exc: api.BadParameter):
        return jsonify(code=exc.code, message=str(exc)), 400

    @app.errorhandler(api.NotFound)
    def not_found(exc: api.NotFound):
        return jsonify(code=exc.code, message=str(exc)), 404

    @app.errorhandler(StoreError)
    def store_unavailable(exc: StoreError):
        log.warning("%s", exc)
        return jsonify(code="store_unavailable", message=str(exc)), 503

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        code = (exc.name or "error").lower().replace(" ", "_")
        message = f"{request.path}: {exc.description}" if exc.code == 404 else exc.description
        return jsonify(code=code, message=message), exc.code

    return app


def server(db: str | Path, host: str = "127.0.0.1", port: int = 8765) -> BaseWSGIServer:
    """A threaded HTTP server for ``create_app(db)``; call ``serve_forever()`` on it.

    Raises:
        OSError: the address is in use or not available.
    """
    app = create_app(db)
    try:
        return make_server(host, port, app, threaded=True)
    except SystemExit as exc:  # werkzeug reports a busy or bad address on stderr and exits; we raise
        raise OSError(f"cannot listen on {host}:{port}") from exc
