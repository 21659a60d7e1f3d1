"""A built site served as a static host serves it, for the browser tests."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

#: what static hosts (Read the Docs, GitHub Pages, Netlify) send compressed
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
)


@functools.lru_cache(maxsize=256)
def compressed(path: str, mtime_ns: int, size: int) -> bytes:
    """A file's bytes gzipped, once per version of the file (a host serves
    them from its cache, without compressing at each request)."""
    with open(path, "rb") as file:
        return gzip.compress(file.read(), compresslevel=6)


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as a static host does: kept-alive connections, and text
    compressed when the browser accepts it."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        content_type = self.guess_type(path)
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or not os.path.isfile(path)
            or not content_type.startswith(COMPRESSED_TYPES)
        ):
            return super().send_head()
        status = os.stat(path)
        body = compressed(path, status.st_mtime_ns, status.st_size)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):
        pass


class StaticHost(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a browser closing a connection it no longer needs is not an error
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """The address (ending in /) at which ``folder`` is served, until the end."""
    handler = functools.partial(StaticHostHandler, directory=str(folder))
    server = StaticHost(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
