"""Polite requests to open scholarly services.

Every service is asked the same way: a User-Agent naming sphinx-scholar and
the user's contact address (Crossref and OpenAlex ask for one), a timeout on
every request, a pause between two requests to one service, and a few tries
with growing waits when the service is busy, honouring its ``Retry-After``.
What still fails becomes a :class:`ServiceError` whose message names the
identifier and says what to do; the command prints it, never a traceback.

The client libraries (habanero, arxiv, pyalex) make the requests; this
module wraps their calls (:meth:`Service.call`) and gives those that accept
one a :class:`PoliteSession`. Tests replace the transport below both, never
these functions.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import requests

from .. import __version__

T = TypeVar("T")

#: statuses that mean "busy, try again later"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: the longest wait a ``Retry-After`` may ask for before the import gives up
MAX_RETRY_AFTER = 120.0
#: how every :class:`Polite` without its own waits and tells the time
_sleep = time.sleep
_clock = time.monotonic


class ServiceError(Exception):
    """A request that did not give a record; ``str()`` is the message shown."""


class NotFound(ServiceError):
    """The service does not know the identifier."""


class RateLimited(ServiceError):
    """The service kept answering 429 (or asked for too long a wait)."""


class Unreachable(ServiceError):
    """Timeouts or connection errors, after every try."""


class BadResponse(ServiceError):
    """An answer that is not what the service documents: cut short,
    malformed, or without the record."""


@dataclass
class Polite:
    """How to ask: who we are, how long to wait, how often to try."""

    #: the contact address sent to the services (``--mailto``)
    mailto: str = ""
    #: seconds before a request is given up
    timeout: float = 30.0
    #: tries of one request, the first included
    tries: int = 4
    #: the wait after the first failed try, doubled after each next one
    backoff: float = 2.0
    #: how to wait and tell the time (``time.sleep``, ``time.monotonic``
    #: when ``None``); tests record the waits instead of sleeping
    sleep: Callable[[float], None] | None = None
    clock: Callable[[], float] | None = None

    def pause(self, seconds: float) -> None:
        (self.sleep or _sleep)(seconds)

    def now(self) -> float:
        return (self.clock or _clock)()

    @property
    def user_agent(self) -> str:
        contact = f"; mailto:{self.mailto}" if self.mailto else ""
        return (
            f"sphinx-scholar/{__version__} "
            f"(https://github.com/sphinx-scholar/sphinx-scholar{contact})"
        )


@dataclass
class Failure:
    """What went wrong with one try, read from whatever the library raised."""

    status: int | None = None
    retry_after: float | None = None
    timed_out: bool = False
    unreachable: bool = False
    malformed: str = ""


def retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for: a number, or an HTTP date."""
    if not headers:
        return None
    value = headers.get("Retry-After") or headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _failure(error: BaseException, session: PoliteSession | None) -> Failure | None:
    """The failure an exception of requests, httpx2, habanero or arxiv means,
    or ``None`` for one that is not about the request (a bug: raised)."""
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    if status is None:  # arxiv.HTTPError and habanero's RequestError
        status = getattr(error, "status", None)
        if not isinstance(status, int):
            code = getattr(error, "status_code", None)
            status = code if isinstance(code, int) else None
        if status is not None and session is not None and session.last is not None:
            response = session.last
    if status is not None and 200 <= status < 300:
        # habanero's answer to a body that is not JSON: RequestError(200, text)
        return Failure(malformed=f"HTTP {status}: {error}")
    if status is not None:
        headers = getattr(response, "headers", None)
        return Failure(status=status, retry_after=retry_after(headers))
    name = type(error).__name__
    if "Timeout" in name:
        return Failure(timed_out=True)
    if isinstance(error, (ValueError, KeyError)):
        # JSON that does not parse (json.JSONDecodeError, and requests' own,
        # are ValueErrors), or a document without the parts every answer has
        return Failure(malformed=str(error) or name)
    if isinstance(error, SyntaxError):  # XML that does not parse (lxml)
        return Failure(malformed=str(error) or name)
    if isinstance(error, requests.RequestException) or name in (
        "ConnectError",
        "ReadError",
        "WriteError",
        "RemoteProtocolError",
        "NetworkError",
        "ProtocolError",
        "TransportError",
    ):
        return Failure(unreachable=True)
    return None


@dataclass
class Service:
    """One service, asked through :meth:`call` with pauses and retries."""

    name: str
    polite: Polite
    #: the least time between two requests, in seconds
    interval: float = 0.2
    #: the session given to clients that take one
    session: PoliteSession | None = None
    #: the least wait after a 429 without ``Retry-After``, for a service
    #: that documents one (INSPIRE: its five-second window)
    limit_wait: float = 0.0
    _last_call: float | None = field(default=None, repr=False)

    def call(self, identifier: str, request: Callable[[], T]) -> T:
        """``request()``, tried again while the service is busy or away.

        A 404 is :class:`NotFound`; a malformed answer is
        :class:`BadResponse` at once (asking again gives the same)."""
        polite = self.polite
        wait = polite.backoff
        failure = Failure()
        for attempt in range(1, polite.tries + 1):
            self._wait_turn()
            try:
                return request()
            except ServiceError:
                raise
            except Exception as error:  # each library raises its own kinds
                read = _failure(error, self.session)
                if read is None:
                    raise
                failure = read
            last = attempt == polite.tries
            if failure.status == 404 or failure.status == 410:
                raise NotFound(f"{identifier}: {self.name} does not know it")
            if failure.malformed:
                raise BadResponse(
                    f"{identifier}: {self.name} sent an answer that cannot be "
                    f"read ({_short(failure.malformed)}); try again later"
                )
            if failure.status is not None and failure.status not in RETRY_STATUSES:
                raise ServiceError(
                    f"{identifier}: {self.name} refused the request "
                    f"(HTTP {failure.status})"
                )
            pause = wait
            if failure.status == 429:
                pause = max(pause, self.limit_wait)
            if failure.retry_after is not None:
                if failure.retry_after > MAX_RETRY_AFTER:
                    raise RateLimited(
                        f"{identifier}: {self.name} limits the requests and asks "
                        f"to wait {failure.retry_after:.0f} s; try again later"
                    )
                pause = max(pause, failure.retry_after)
            if last:
                break
            polite.pause(pause)
            wait *= 2
        if failure.status == 429:
            raise RateLimited(
                f"{identifier}: {self.name} limits the requests (HTTP 429) and "
                f"still did after {polite.tries} tries; try again later"
            )
        if failure.status is not None:
            raise Unreachable(
                f"{identifier}: {self.name} is not answering (HTTP "
                f"{failure.status}, {polite.tries} tries); try again later"
            )
        what = "timed out" if failure.timed_out else "could not be reached"
        raise Unreachable(
            f"{identifier}: {self.name} {what} ({polite.tries} tries, "
            f"{polite.timeout:g} s each); check the connection or try again later"
        )

    def _wait_turn(self) -> None:
        now = self.polite.now()
        if self._last_call is not None:
            pause = self._last_call + self.interval - now
            if pause > 0:
                self.polite.pause(pause)
                now += pause
        self._last_call = now


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PoliteSession(requests.Session):
    """A requests session that sends our User-Agent (after a library's own),
    sets the timeout of every request, and keeps the last response, whose
    ``Retry-After`` a library's own exception may not carry."""

    def __init__(self, polite: Polite) -> None:
        super().__init__()
        self.polite = polite
        self.headers["User-Agent"] = polite.user_agent
        if polite.mailto:
            self.headers["From"] = polite.mailto
        self.last: requests.Response | None = None

    def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> Any:
        headers = dict(kwargs.pop("headers", None) or {})
        for name in list(headers):
            if name.lower() == "user-agent":  # arxiv.py names itself: kept
                headers[name] = f"{self.polite.user_agent} {headers[name]}"
        kwargs["headers"] = headers
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.polite.timeout
        self.last = None
        response = super().request(method, url, *args, **kwargs)
        self.last = response
        return response


def json_of(response: requests.Response, identifier: str, service: str) -> Any:
    """The JSON of a response, or :class:`BadResponse` saying it is not."""
    try:
        return response.json()
    except (ValueError, json.JSONDecodeError) as error:
        raise BadResponse(
            f"{identifier}: {service} sent an answer that is not JSON "
            f"({_short(str(error))}); try again later"
        ) from None
