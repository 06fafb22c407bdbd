"""A package index served over HTTP from 127.0.0.1, for one test at a time.

``Site.routes`` lets a test answer one path its own way (a redirect, a
download that never says its length, one that trickles in), everything else
is served from ``Site.root``.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from models.zips import members

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


@dataclass
class Site:
    root: Path  # the folder served
    base: str  # http://127.0.0.1:PORT, no trailing slash
    routes: dict[str, Route] = field(default_factory=dict)

    def url(self, name: str) -> str:
        return f"{self.base}/{name}"

    def publish(self, index: object, name: str = "index.json") -> str:
        """Serve ``index`` (any JSON) as the package index; the URL of its folder."""
        (self.root / name).write_text(json.dumps(index), encoding="utf-8")
        return self.base + "/"

    def entry(self, archive: Path) -> dict:
        """An index entry for ``archive``, which is copied into the served folder."""
        shutil.copy(archive, self.root / archive.name)
        (data,) = [d for n, d in members(archive).items() if n.endswith("/metadata.json")]
        meta = json.loads(data)
        meta["code"] = f"{meta['from_code']}_{meta['to_code']}"
        meta["links"] = [self.url(archive.name)]
        return meta


class _Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        route = self.server.routes.get(self.path)  # type: ignore[attr-defined]
        if route is None:
            super().do_GET()
        else:
            route(self)

    def log_message(self, format, *args):
        pass


@contextmanager
def serve(root: Path) -> Iterator[Site]:
    root.mkdir(exist_ok=True)
    handler = functools.partial(_Handler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    site = Site(root, f"http://127.0.0.1:{httpd.server_address[1]}")
    httpd.routes = site.routes  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def redirect_to(location: str) -> Route:
    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def without_length(data: bytes) -> Route:
    """The body with no Content-Length: its end is where the connection closes."""

    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.close_connection = True
        handler.send_response(200)
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(data)

    return route


def trickle(data: bytes, *, pieces: int, pause: float) -> Route:
    """The body in ``pieces`` parts, ``pause`` seconds apart: slow, but never silent."""

    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        step = -(-len(data) // pieces)
        try:
            for start in range(0, len(data), step):
                handler.wfile.write(data[start : start + step])
                handler.wfile.flush()
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    return route


def point_index_at(monkeypatch, base: str) -> None:
    """Set ARGOS_PACKAGE_INDEX as a user would, and argostranslate's settings as
    its import would have read it (it appends ``index.json`` to the text as is)."""
    import argostranslate.settings

    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", base)
    monkeypatch.setattr(argostranslate.settings, "package_index", base)
    monkeypatch.setattr(argostranslate.settings, "remote_package_index", base + "index.json")
