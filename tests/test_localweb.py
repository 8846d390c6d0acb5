"""The local web server of the tests and the benchmark: quiet when a browser hangs up early, and
compressing text as GitHub Pages does when the benchmark asks for it."""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import pytest
from localweb import GzipHandler, serve_folder

LARGE_FILE = 8 * 1024 * 1024  # bytes: more than the socket buffers hold, so the server still writes


def _hang_up_after_the_first_bytes(address: tuple[str, int]) -> None:
    with socket.create_connection(address) as connection:
        connection.sendall(b"GET /large.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
        connection.recv(1024)
        # Linger 0: close with a reset, as a browser does when it cancels a request.
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _wait_until_handlers_finish(threads_before: int) -> None:
    deadline = time.monotonic() + 30  # hang guard: the handler thread ends in milliseconds
    while threading.active_count() > threads_before and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_connection_closed_early_prints_no_traceback(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "large.bin").write_bytes(bytes(LARGE_FILE))
    server, url = serve_folder(tmp_path)
    threads_before = threading.active_count()
    try:
        parts = urlsplit(url)
        for _ in range(3):
            _hang_up_after_the_first_bytes((parts.hostname, parts.port))
        _wait_until_handlers_finish(threads_before)
    finally:
        server.shutdown()
        server.server_close()
    assert capfd.readouterr().err == ""


def test_gzip_handler_compresses_text_for_a_browser_that_accepts_it(tmp_path: Path) -> None:
    page = "<!doctype html><title>Seite</title>" + "<p>Text</p>" * 200
    (tmp_path / "seite").mkdir()
    (tmp_path / "seite" / "index.html").write_text(page, "utf-8")
    (tmp_path / "bild.png").write_bytes(bytes(100))
    server, url = serve_folder(tmp_path, GzipHandler)
    try:
        with urlopen(Request(url + "seite/", headers={"Accept-Encoding": "gzip"})) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode("utf-8") == page
        with urlopen(Request(url + "seite/")) as response:  # no gzip asked for: none sent
            assert response.headers["Content-Encoding"] is None
            assert response.read().decode("utf-8") == page
        with urlopen(Request(url + "bild.png", headers={"Accept-Encoding": "gzip"})) as response:
            assert response.headers["Content-Encoding"] is None
    finally:
        server.shutdown()
        server.server_close()
