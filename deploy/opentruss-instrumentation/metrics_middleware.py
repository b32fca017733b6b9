"""Records OpenTruss's API request metrics for every HTTP request.

OpenTruss defines ``opentruss_api_requests_total{method,endpoint,status}`` and
``opentruss_api_request_duration_seconds{method,endpoint}`` in ``app/core/metrics.py`` but nothing records
them. This ASGI middleware calls that module's own ``record_api_request()`` once per request, so the values
land in the default registry that ``GET /metrics`` already serves.

Install: copy this file to ``backend/app/core/metrics_middleware.py`` and add, in ``backend/app/main.py``
after the CORS middleware::

    from app.core.metrics_middleware import MetricsMiddleware
    app.add_middleware(MetricsMiddleware)

What is recorded:

- ``endpoint`` is the route template (``/api/v1/lots/{lot_id}``), never the raw path, so the number of series
  stays bounded; requests that match no route share ``UNMATCHED_ENDPOINT``.
- ``status`` is the numeric status code sent (``record_api_request`` turns it into a string). An exception
  that escapes the application counts as 500, even when it happens after the response started.
- The duration runs until the last body chunk has been handed to the server, so streaming responses are timed
  to their end.
- ``/metrics`` and ``/health`` (Prometheus's scrapes, health checks) are not recorded.
- Recording never breaks a request: a failure in it is logged and the response is unaffected.

It also adds one series of its own, ``opentruss_api_requests_in_progress`` (a gauge in the same default
registry): the requests being handled right now, from their arrival until their last body chunk or their
failure — the backend's share of the concurrent connections OpenTruss serves, which the host's TCP table cannot
show for a container behind a published port.
"""

import logging
import time
from typing import Any, Awaitable, Callable, Iterable, MutableMapping, Optional, Protocol

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Recorder = Callable[[str, str, int, float], None]

UNMATCHED_ENDPOINT = "<unmatched>"
EXCLUDED_PATHS = ("/metrics", "/health")
IN_PROGRESS_METRIC = "opentruss_api_requests_in_progress"

logger = logging.getLogger(__name__)


class InProgress(Protocol):
    """What the middleware counts requests in flight with: prometheus_client's Gauge has exactly these two."""

    def inc(self) -> None: ...

    def dec(self) -> None: ...


_in_progress_gauge: Optional[InProgress] = None


def _default_in_progress() -> InProgress:
    # One gauge per process in the default registry, however many apps install the middleware (tests, sub-apps).
    global _in_progress_gauge
    if _in_progress_gauge is None:
        from prometheus_client import Gauge

        _in_progress_gauge = Gauge(
            IN_PROGRESS_METRIC,
            "HTTP requests being handled now (arrival to last body chunk; /metrics and /health not counted)",
            # Under prometheus_client's multiprocess mode (several workers), the sum of the live workers.
            multiprocess_mode="livesum",
        )
    return _in_progress_gauge


def _opentruss_recorder() -> Recorder:
    # Imported when the middleware is built, so this file can be imported (and tested) outside OpenTruss.
    from app.core.metrics import record_api_request

    return record_api_request


class MetricsMiddleware:
    """Pure ASGI middleware (no ``BaseHTTPMiddleware``: that one buffers streaming bodies and hides exceptions)."""

    def __init__(
        self,
        app: ASGIApp,
        record: Optional[Recorder] = None,
        excluded_paths: Iterable[str] = EXCLUDED_PATHS,
        in_progress: Optional[InProgress] = None,
    ) -> None:
        self.app = app
        self.record = record or _opentruss_recorder()
        self.in_progress = in_progress or _default_in_progress()
        self.excluded_paths = frozenset(excluded_paths)
        self._failure_logged = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        entry_root_path = scope.get("root_path", "")
        if scope["type"] != "http" or _app_path(scope["path"], entry_root_path) in self.excluded_paths:
            await self.app(scope, receive, send)
            return

        start = time.perf_counter()
        status_code = 500
        recorded = False

        def finish(status: int) -> None:
            nonlocal recorded
            if not recorded:
                recorded = True
                self.in_progress.dec()
                self._record(scope, entry_root_path, status, time.perf_counter() - start)

        async def send_and_observe(message: Message) -> None:
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                finish(status_code)

        self.in_progress.inc()
        try:
            await self.app(scope, receive, send_and_observe)
        except Exception:
            finish(500)
            raise
        finally:
            # An application that returned (or was cancelled) without finishing its body.
            finish(status_code)

    def _record(self, scope: Scope, entry_root_path: str, status: int, duration: float) -> None:
        try:
            self.record(scope["method"], route_template(scope, entry_root_path), status, duration)
        except Exception:
            # Metrics must never cost a request. Log the first failure with its traceback, later ones briefly.
            if not self._failure_logged:
                self._failure_logged = True
                logger.exception("Could not record API request metrics; requests are unaffected")
            else:
                logger.debug("Could not record API request metrics", exc_info=True)


def _app_path(path: str, root_path: str) -> str:
    # Servers disagree on whether scope["path"] includes root_path (newer uvicorn does); compare without it.
    return path[len(root_path) :] if root_path and path.startswith(root_path) else path


def route_template(scope: Scope, entry_root_path: str = "") -> str:
    """The path template of the route that handled the request, with the prefixes of mounted sub-apps."""
    route = scope.get("route")  # set by FastAPI's routing for every matched route (also 405 partial matches)
    path = getattr(route, "path", None) if route is not None else None
    if not isinstance(path, str):
        path = _match_route(scope.get("app"), scope)
        if path is None:
            return UNMATCHED_ENDPOINT
    # A mounted sub-application extends root_path by its mount prefix; the route's path is relative to it.
    mount_prefix = scope.get("root_path", "")[len(entry_root_path) :]
    return mount_prefix + path


def _match_route(app: Any, scope: Scope) -> Optional[str]:
    """For requests a middleware answered before routing (e.g. CORS preflights): match the app's routes."""
    routes = getattr(getattr(app, "router", None), "routes", None)
    if not routes:
        return None
    try:
        from starlette.routing import Match
    except ImportError:
        return None
    partial = None
    for route in routes:
        match, _ = route.matches(scope)
        if match == Match.FULL:
            return getattr(route, "path", None)
        if match == Match.PARTIAL and partial is None:
            partial = getattr(route, "path", None)
    return partial
