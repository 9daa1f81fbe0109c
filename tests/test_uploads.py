"""Uploads against a real server on 127.0.0.1, as the hostile review did (issue 13, failure 6).

Streamlit 1.67 always registers `PUT /_stcore/upload_file/<session>/<file>` (starlette_app.py,
create_upload_routes) and has no option to remove it. The app sets `server.maxUploadSize = 0`:
measured here, every upload that has content is refused with 413 before its body is read, but an
empty file sent without a Content-Length (chunked) is still accepted (204) and kept as a record in
the session's memory. That is why the README says the route must be blocked at the proxy.
"""

from __future__ import annotations

import http.client
import urllib.request
import uuid

import pytest
from conftest import streamlit_server

from bench.ws_session import rerun_message


@pytest.fixture(scope="module")
def server(fixture_db_url):
    """A server of its own: the uploads tried here must not touch the browser tests' server."""
    with streamlit_server(fixture_db_url) as base:
        yield base


def xsrf_cookie(base: str) -> str:
    with urllib.request.urlopen(base + "/_stcore/health", timeout=10) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return next(c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("_streamlit_xsrf="))


def open_session(base: str, cookie: str):
    """A websocket session as a browser tab opens one; returns (websocket, session id).

    The synchronous client: the browser tests' Playwright already runs an event loop in this thread.
    """
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    websocket = connect(
        base.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit"],
        additional_headers={"Cookie": f"_streamlit_xsrf={cookie}"},
        max_size=None,
        open_timeout=30,
    )
    websocket.send(rerun_message("", ""))
    while True:
        message = ForwardMsg()
        message.ParseFromString(websocket.recv(timeout=60))
        if message.WhichOneof("type") == "new_session":
            return websocket, message.new_session.initialize.session_id


def put(base: str, session: str, cookie: str, body: bytes, chunked: bool = False) -> int:
    """PUT one multipart file to the upload route with a valid XSRF token; the HTTP status."""
    boundary = "hostile-review"
    payload = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + body
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "X-Xsrftoken": cookie,
        "Cookie": f"_streamlit_xsrf={cookie}",
    }
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    path = f"/_stcore/upload_file/{session}/{uuid.uuid4()}"
    if chunked:
        connection.putrequest("PUT", path)
        for name, value in {**headers, "Transfer-Encoding": "chunked"}.items():
            connection.putheader(name, value)
        connection.endheaders()
        connection.send(f"{len(payload):x}\r\n".encode() + payload + b"\r\n0\r\n\r\n")
    else:
        connection.request("PUT", path, body=payload, headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def test_uploads_with_content_are_refused_and_the_route_remains(server):
    cookie = xsrf_cookie(server)

    websocket, session = open_session(server, cookie)
    try:
        statuses = {
            "one byte": put(server, session, cookie, b"x"),
            "1 MB": put(server, session, cookie, b"x" * 1_000_000),
            "one byte, chunked": put(server, session, cookie, b"x", chunked=True),
            "empty, with Content-Length": put(server, session, cookie, b""),
            "empty, chunked": put(server, session, cookie, b"", chunked=True),
            "no XSRF token": put(server, session, "forged", b"x"),
        }
    finally:
        websocket.close()
    # Before issue 13 (maxUploadSize = 1), "one byte" and "1 MB" returned 204.
    assert statuses == {
        "one byte": 413,
        "1 MB": 413,
        "one byte, chunked": 413,
        "empty, with Content-Length": 413,  # the multipart framing alone exceeds 0 bytes
        "empty, chunked": 204,  # measured: Streamlit 1.67 still stores an empty file (README)
        "no XSRF token": 403,
    }
