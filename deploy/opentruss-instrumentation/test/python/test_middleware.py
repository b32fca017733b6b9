"""The middleware inside a real FastAPI app shaped like OpenTruss, recording through OpenTruss's own metrics.py."""

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI
from prometheus_client import REGISTRY, CollectorRegistry, Counter
from prometheus_client.parser import text_string_to_metric_families
from starlette.testclient import TestClient

import metrics_middleware
from app.core import metrics as opentruss_metrics
from metrics_middleware import UNMATCHED_ENDPOINT, MetricsMiddleware

REQUESTS = "opentruss_api_requests_total"
DURATION_COUNT = "opentruss_api_request_duration_seconds_count"
DURATION_SUM = "opentruss_api_request_duration_seconds_sum"
LOT = "/api/v1/lots/{lot_id}"
ELEMENT = "/api/v1/elements/{element_id}"
EXPORT = "/api/v1/export/ifc"


def test_records_route_template_method_and_numeric_status(client, samples):
    assert client.get("/api/v1/lots/lot_item_001_3f2a9c1e").status_code == 200
    assert samples.delta(REQUESTS, method="GET", endpoint=LOT, status="200") == 1
    assert samples.delta(DURATION_COUNT, method="GET", endpoint=LOT) == 1
    # Nothing else moved: one request, one counter child, one histogram child. The request's duration decides
    # which buckets count it (a loaded machine may take longer than the smallest bucket), so they follow from it.
    took = samples.delta(DURATION_SUM, method="GET", endpoint=LOT)
    buckets = ("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5", "5.0", "7.5", "10.0", "+Inf")
    assert set(samples.changed("opentruss_api_")) == {
        (REQUESTS, (("endpoint", LOT), ("method", "GET"), ("status", "200"))),
        (DURATION_COUNT, (("endpoint", LOT), ("method", "GET"))),
        (DURATION_SUM, (("endpoint", LOT), ("method", "GET"))),
        *{
            ("opentruss_api_request_duration_seconds_bucket", (("endpoint", LOT), ("le", le), ("method", "GET")))
            for le in buckets
            if float(le) >= took
        },
    }


def test_hands_opentruss_helper_the_status_code_as_an_int():
    seen = []
    app = FastAPI()
    app.add_middleware(MetricsMiddleware, record=lambda *args: seen.append(args))

    @app.get("/api/v1/lots/{lot_id}")
    async def lot(lot_id: str):
        return {}

    TestClient(app).get("/api/v1/lots/a")
    [(method, endpoint, status, duration)] = seen
    assert (method, endpoint, status) == ("GET", LOT, 200)
    assert type(status) is int and duration > 0


def test_thousand_distinct_ids_on_one_route_share_one_endpoint_value(client, samples):
    for i in range(1000):
        assert client.get(f"/api/v1/lots/lot_{i:04d}").status_code == 200
    endpoints = {dict(labels)["endpoint"] for (name, labels) in samples.changed(REQUESTS)}
    assert endpoints == {LOT}
    assert samples.delta(REQUESTS, method="GET", endpoint=LOT, status="200") == 1000


def test_unmatched_paths_share_one_endpoint_value(client, samples):
    for path in ("/api/v1/nope/1", "/api/v1/nope/2", "/wp-login.php", "/api/v1/lots"):
        assert client.get(path).status_code == 404
    assert samples.delta(REQUESTS, method="GET", endpoint=UNMATCHED_ENDPOINT, status="404") == 4
    assert {dict(labels)["endpoint"] for (name, labels) in samples.changed(REQUESTS)} == {UNMATCHED_ENDPOINT}


def test_wrong_method_keeps_the_route_template(client, samples):
    assert client.delete("/api/v1/lots/lot_1").status_code == 405
    assert samples.delta(REQUESTS, method="DELETE", endpoint=LOT, status="405") == 1


def test_metrics_and_health_are_not_recorded(client, samples):
    assert client.get("/metrics").status_code == 200
    assert client.get("/health").status_code == 200
    assert samples.changed("opentruss_api_") == {}


def test_metrics_and_health_behind_a_root_path_are_not_recorded():
    seen = []

    async def inner(scope, receive, send):
        seen.append(scope["path"])

    middleware = MetricsMiddleware(inner, record=lambda *args: seen.append("recorded"))
    for path in ("/opentruss/metrics", "/metrics"):
        asyncio.run(middleware({"type": "http", "method": "GET", "path": path, "root_path": "/opentruss"}, None, None))
    assert seen == ["/opentruss/metrics", "/metrics"]


def test_4xx_responses_are_recorded_with_their_status(client, samples):
    assert client.get("/api/v1/elements/missing").status_code == 404
    assert client.patch("/api/v1/lots/lot_1/status", json={"status": "APPROVED"}).status_code == 400
    assert client.patch("/api/v1/lots/lot_1/status", json=["not", "an", "object"]).status_code == 422
    assert samples.delta(REQUESTS, method="GET", endpoint=ELEMENT, status="404") == 1
    assert samples.delta(REQUESTS, method="PATCH", endpoint="/api/v1/lots/{lot_id}/status", status="400") == 1
    assert samples.delta(REQUESTS, method="PATCH", endpoint="/api/v1/lots/{lot_id}/status", status="422") == 1


def test_unhandled_exception_counts_as_500(client, samples):
    response = client.get("/api/v1/elements/e1?fail=true")
    assert response.status_code == 500
    assert samples.delta(REQUESTS, method="GET", endpoint=ELEMENT, status="500") == 1
    assert samples.delta(DURATION_COUNT, method="GET", endpoint=ELEMENT) == 1


def test_streaming_response_is_timed_to_the_end_of_its_body(client, samples):
    response = client.get(f"{EXPORT}?chunks=4&chunk_delay=0.1")
    assert response.status_code == 200 and response.text.count("chunk") == 4
    assert samples.delta(REQUESTS, method="GET", endpoint=EXPORT, status="200") == 1
    # Four chunks 0.1 s apart: at least 0.4 s, although the headers went out at once.
    assert samples.delta(DURATION_SUM, method="GET", endpoint=EXPORT) >= 0.4


def test_stream_failing_after_its_headers_counts_as_500(client, samples):
    response = client.get(f"{EXPORT}?chunks=4&chunk_delay=0.05&break_after=2")
    assert response.status_code == 200  # already sent when the generator failed
    assert samples.delta(REQUESTS, method="GET", endpoint=EXPORT, status="500") == 1
    assert samples.delta(REQUESTS, method="GET", endpoint=EXPORT, status="200") == 0


def test_cors_preflight_answered_before_routing_keeps_the_route_template(client, samples):
    response = client.options(
        "/api/v1/lots/lot_1", headers={"Origin": "http://localhost:3000", "Access-Control-Request-Method": "PATCH"}
    )
    assert response.status_code == 200
    assert samples.delta(REQUESTS, method="OPTIONS", endpoint=LOT, status="200") == 1


def test_mounted_sub_application_gets_its_prefix(samples):
    sub = FastAPI()

    @sub.get("/items/{item_id}")
    async def item(item_id: str):
        return {}

    app = FastAPI()
    app.add_middleware(MetricsMiddleware)
    app.mount("/api/v2", sub)
    assert TestClient(app).get("/api/v2/items/42").status_code == 200
    assert samples.delta(REQUESTS, method="GET", endpoint="/api/v2/items/{item_id}", status="200") == 1


def installed_middleware(app):
    layer = app.middleware_stack
    while not isinstance(layer, MetricsMiddleware):
        layer = layer.app
    return layer


def test_failing_registry_never_breaks_a_request(client, monkeypatch, caplog):
    # A counter whose label names differ from what record_api_request passes: prometheus_client raises ValueError.
    broken = Counter("opentruss_api_requests_total", "broken", ["path"], registry=CollectorRegistry())
    monkeypatch.setattr(opentruss_metrics, "api_request_count", broken)
    monkeypatch.setattr(installed_middleware(client.app), "_failure_logged", False)
    with caplog.at_level(logging.DEBUG, logger=metrics_middleware.__name__):
        first = client.get("/api/v1/lots/lot_1")
        second = client.get(f"{EXPORT}?chunks=2&chunk_delay=0")
        third = client.get("/api/v1/elements/e1?fail=true")
    assert (first.status_code, first.json()) == (200, {"id": "lot_1", "status": "PLANNING"})
    assert (second.status_code, second.text) == (200, "chunk 0\nchunk 1\n")
    assert third.status_code == 500
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "Could not record API request metrics" in errors[0].getMessage()
    assert errors[0].exc_info[0] is ValueError


def test_non_http_scopes_pass_through_untouched():
    calls = []

    async def inner(scope, receive, send):
        calls.append(scope["type"])

    middleware = MetricsMiddleware(inner, record=lambda *args: calls.append("recorded"))
    asyncio.run(middleware({"type": "lifespan"}, None, None))
    asyncio.run(middleware({"type": "websocket", "path": "/ws"}, None, None))
    assert calls == ["lifespan", "websocket"]


def test_metrics_endpoint_serves_the_middleware_series_with_opentruss_buckets(client):
    client.get("/api/v1/hierarchy/projects/project_001")
    families = {f.name: f for f in text_string_to_metric_families(client.get("/metrics").text)}
    requests = families["opentruss_api_requests"]
    assert requests.type == "counter"
    sample = next(s for s in requests.samples if s.labels.get("endpoint") == "/api/v1/hierarchy/projects/{project_id}")
    assert set(sample.labels) == {"method", "endpoint", "status"}
    duration = families["opentruss_api_request_duration_seconds"]
    assert duration.type == "histogram"
    les = sorted({float(s.labels["le"]) for s in duration.samples if s.name.endswith("_bucket")})
    assert les == [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, float("inf")]


IN_PROGRESS = metrics_middleware.IN_PROGRESS_METRIC


def in_progress_now():
    return REGISTRY.get_sample_value(IN_PROGRESS) or 0.0


def test_counts_a_request_in_flight_until_its_response_is_done(client):
    before = in_progress_now()
    with ThreadPoolExecutor(max_workers=1) as pool:
        slow = pool.submit(client.get, "/api/v1/lots/lot_1?delay=0.5")
        deadline = time.monotonic() + 5
        while in_progress_now() != before + 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert in_progress_now() == before + 1
        # A scrape while it runs sees it, and does not count itself.
        scraped = {s.name: s.value for f in text_string_to_metric_families(client.get("/metrics").text) for s in f.samples}
        assert scraped[IN_PROGRESS] == before + 1
        assert slow.result(timeout=5).status_code == 200
    assert in_progress_now() == before


def test_in_flight_count_returns_to_where_it_was_after_failures_and_streams(client):
    before = in_progress_now()
    assert client.get("/api/v1/elements/e1?fail=true").status_code == 500
    client.get(f"{EXPORT}?chunks=4&chunk_delay=0.01&break_after=2")
    client.get(f"{EXPORT}?chunks=2&chunk_delay=0")
    client.get("/health")
    assert in_progress_now() == before


def test_in_flight_gauge_is_one_series_of_type_gauge(client):
    families = {f.name: f for f in text_string_to_metric_families(client.get("/metrics").text)}
    family = families[IN_PROGRESS]
    assert family.type == "gauge"
    assert [s.labels for s in family.samples] == [{}]
