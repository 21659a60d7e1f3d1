"""Recorded answers served in place of the network, below the client
libraries: requests' ``HTTPAdapter.send`` (arxiv, pyalex, ORCID) and
httpx2's ``HTTPTransport.handle_request`` (habanero). Everything above, the
libraries and sphinx-scholar's own code, runs as it does against the
services. (An adapter mounted on the polite session would be a public seam for
the requests clients, but habanero builds its own httpx2 client, and arxiv
and pyalex take our session only through private attributes: the
class-level ``send`` reaches every request, whichever session sends it.) A request no recording answers fails the test: nothing reaches
the network.

The waits the polite client asks for (pauses between requests, backoff,
``Retry-After``) are recorded on a clock that only moves when asked to
wait: the tests check which waits were asked for, never how long anything
took.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import httpx2
import pytest
import requests
from requests.structures import CaseInsensitiveDict

HERE = Path(__file__).parent


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: "timeout" or "connection": raised instead of answering
    error: str = ""


@dataclass
class Seen:
    """One request as the transport received it."""

    url: str
    headers: dict[str, str]
    #: the read timeout the request carried, in seconds
    timeout: float | None


def recording(path: str) -> bytes:
    return (HERE / path).read_bytes()


def answer(path: str, status: int = 200, content_type: str = "") -> Answer:
    """A recorded body, with the content type its name says."""
    if not content_type:
        content_type = {
            ".json": "application/json",
            ".xml": "application/atom+xml; charset=UTF-8",
            ".txt": "text/plain",
            ".bib": "application/x-bibtex; charset=utf-8",
        }[Path(path).suffix]
    return Answer(status, recording(path), {"Content-Type": content_type})


def crossref_item(path: str) -> Answer:
    """One item of a recorded Crossref list, in the envelope Crossref gives
    a single work (as in ``crossref/work-*.json``)."""
    item = json.loads(recording(path))
    envelope = {
        "status": "ok",
        "message-type": "work",
        "message-version": "1.0.0",
        "message": item,
    }
    return Answer(
        200, json.dumps(envelope).encode(), {"Content-Type": "application/json"}
    )


def cut(answer: Answer, keep: float = 0.5) -> Answer:
    """The answer cut short, as a transfer broken off half way."""
    return Answer(
        answer.status, answer.body[: int(len(answer.body) * keep)], answer.headers
    )


class Replay:
    def __init__(self) -> None:
        self.routes: list[tuple[str, list[Answer]]] = []
        self.seen: list[Seen] = []
        self.waits: list[float] = []
        self.time = 1000.0

    def on(self, url_part: str, *answers: Answer) -> None:
        """Answer requests whose URL holds ``url_part`` with ``answers`` in
        turn, the last one again and again."""
        self.routes.append((url_part, list(answers)))

    def next_answer(self, url: str) -> Answer:
        for part, answers in self.routes:
            if part in url:
                return answers.pop(0) if len(answers) > 1 else answers[0]
        raise AssertionError(f"no recording answers {url}")

    def urls(self, host: str = "") -> list[str]:
        return [seen.url for seen in self.seen if host in seen.url]

    # the clock of the polite client
    def sleep(self, seconds: float) -> None:
        self.waits.append(round(seconds, 3))
        self.time += seconds

    def clock(self) -> float:
        return self.time

    # the transports
    def requests_send(self, request, stream=False, timeout=None, **kwargs):
        read = timeout[1] if isinstance(timeout, tuple) else timeout
        self.seen.append(Seen(request.url, dict(request.headers), read))
        given = self.next_answer(request.url)
        if given.error == "timeout":
            raise requests.exceptions.ReadTimeout("read timed out", request=request)
        if given.error == "connection":
            raise requests.exceptions.ConnectionError(
                "connection refused", request=request
            )
        response = requests.Response()
        response.status_code = given.status
        response._content = given.body
        response.headers = CaseInsensitiveDict(given.headers)
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        response.reason = "recorded"
        return response

    def httpx_handle(self, request):
        timeout = request.extensions.get("timeout", {}).get("read")
        self.seen.append(Seen(str(request.url), dict(request.headers), timeout))
        given = self.next_answer(str(request.url))
        if given.error == "timeout":
            raise httpx2.ReadTimeout("read timed out", request=request)
        if given.error == "connection":
            raise httpx2.ConnectError("connection refused", request=request)
        return httpx2.Response(
            given.status, headers=given.headers, content=given.body, request=request
        )


@pytest.fixture(name="replay")
def replay_fixture(monkeypatch) -> Replay:
    """The recorded answers in place of the network (import it into a test
    module to use it there)."""
    from sphinx_scholar.importing import http

    recorded = Replay()
    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", recorded.requests_send)
    monkeypatch.setattr(httpx2.HTTPTransport, "handle_request", recorded.httpx_handle)
    try:  # habanero before 2.9 asked through httpx
        import httpx
    except ImportError:
        pass
    else:
        monkeypatch.setattr(
            httpx.HTTPTransport, "handle_request", recorded.httpx_handle
        )
    monkeypatch.setattr(http, "_sleep", recorded.sleep)
    monkeypatch.setattr(http, "_clock", recorded.clock)
    monkeypatch.setenv("SCHOLAR_MAILTO", "ada@example.org")
    monkeypatch.delenv("OPENALEX_API_KEY", raising=False)
    monkeypatch.delenv("SEMANTIC_SCHOLAR_API_KEY", raising=False)
    return recorded
