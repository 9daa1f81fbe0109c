"""Uploads against a real server on 127.0.0.1, as the hostile review did (issue 13, failure 6).

Streamlit 1.67 always registers `PUT /_stcore/upload_file/<session>/<file>` (starlette_app.py,
create_upload_routes) and has no option to remove it. The app sets `server.maxUploadSize = 0`:
measured here, every upload that has content is refused with 413 before its body is read, but an
empty file sent without a Content-Length (chunked) is still accepted (204) and kept as a record in
the session's memory. That is why the README says the route must be blocked at the proxy.
"""

from __future__ import annotations

import asyncio
import http.client
import subprocess
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import start_streamlit

from bench.ws_session import rerun_message


@pytest.fixture(scope="module")
def server(fixture_db_url):
    process, base = start_streamlit(fixture_db_url)
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def xsrf_cookie(base: str) -> str:
    with urllib.request.urlopen(base + "/_stcore/health", timeout=10) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return next(c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("_streamlit_xsrf="))


async def open_session(base: str, cookie: str):
    """A websocket session as a browser tab opens one; returns (websocket, session id)."""
    import websockets
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    websocket = await websockets.connect(
        base.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit"],
        additional_headers={"Cookie": f"_streamlit_xsrf={cookie}"},
        max_size=None,
    )
    await websocket.send(rerun_message("", ""))
    while True:
        message = ForwardMsg()
        message.ParseFromString(await asyncio.wait_for(websocket.recv(), timeout=60))
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

    async def scenario():
        websocket, session = await open_session(server, cookie)
        try:
            return {
                "one byte": put(server, session, cookie, b"x"),
                "1 MB": put(server, session, cookie, b"x" * 1_000_000),
                "one byte, chunked": put(server, session, cookie, b"x", chunked=True),
                "empty, with Content-Length": put(server, session, cookie, b""),
                "empty, chunked": put(server, session, cookie, b"", chunked=True),
                "no XSRF token": put(server, session, "forged", b"x"),
            }
        finally:
            await websocket.close()

    # A thread of its own: the sync Playwright of earlier browser tests may own this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        statuses = pool.submit(asyncio.run, scenario()).result()
    # Before issue 13 (maxUploadSize = 1), "one byte" and "1 MB" returned 204.
    assert statuses == {
        "one byte": 413,
        "1 MB": 413,
        "one byte, chunked": 413,
        "empty, with Content-Length": 413,  # the multipart framing alone exceeds 0 bytes
        "empty, chunked": 204,  # measured: Streamlit 1.67 still stores an empty file (README)
        "no XSRF token": 403,
    }
