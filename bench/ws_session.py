"""A Streamlit session without a browser: the app's own websocket protocol, spoken from Python.

The browser sends `BackMsg.rerun_script` (query string and page) over `/_stcore/stream` and draws
the `ForwardMsg`s it gets back until `script_finished`. This client does the same and, instead
of drawing, reads what a person would see go wrong: exception boxes, error alerts, a page that
does not exist, a run that did not finish normally. One connection is one Streamlit session (its
own session state), exactly as one browser tab is. Used by the load test (tests/test_load.py),
where twenty Chromium tabs would measure Chromium on a 2-core machine rather than the server.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class Visit:
    """What one page run sent back: time, title, element count and anything that went wrong."""

    page: str
    milliseconds: float
    title: str = ""
    elements: int = 0
    errors: list[str] = field(default_factory=list)


def rerun_message(page_name: str, query_string: str = "") -> bytes:
    """The BackMsg a browser sends to open a page (`page_name` = the page's URL path, "" = default)."""
    message = BackMsg()
    message.rerun_script.query_string = query_string
    message.rerun_script.page_name = page_name
    return message.SerializeToString()


def read_element(message: ForwardMsg, visit: Visit) -> None:
    """Count an element; note an exception box, an error alert or the page title."""
    element = message.delta.new_element
    kind = element.WhichOneof("type")
    visit.elements += 1
    if kind == "exception":
        visit.errors.append(f"{visit.page}: exception box: {element.exception.message[:200]}")
    elif kind == "alert" and element.alert.format == element.alert.ERROR:
        visit.errors.append(f"{visit.page}: error alert: {element.alert.body[:200]}")
    elif kind == "heading" and not visit.title:
        visit.title = element.heading.body


async def open_page(websocket, page_name: str, query_string: str = "", timeout: float = 60) -> Visit:
    """Ask the server to run a page in this session and read every message until the run ends."""
    import asyncio

    visit = Visit(page_name or "(default)", 0.0)
    started = time.perf_counter()
    await websocket.send(rerun_message(page_name, query_string))
    while True:
        data = await asyncio.wait_for(websocket.recv(), timeout=timeout)
        message = ForwardMsg()
        message.ParseFromString(data)
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            read_element(message, visit)
        elif kind == "page_not_found":
            visit.errors.append(f"{visit.page}: page not found")
        elif kind == "script_finished":
            if message.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                status = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
                visit.errors.append(f"{visit.page}: run ended with {status}")
            visit.milliseconds = (time.perf_counter() - started) * 1000
            if not visit.title:
                visit.errors.append(f"{visit.page}: no title")
            return visit


def connect(base: str):
    """An open websocket to the app at `base` (http://127.0.0.1:PORT), as the browser opens it."""
    import websockets

    url = base.replace("http://", "ws://", 1) + "/_stcore/stream"
    return websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=30)
