"""OpenTruss's own files, vendored in upstream/: unchanged, and the record_memgraph_query quirk the dashboards
correct for."""

import hashlib
import re
from pathlib import Path

from prometheus_client import REGISTRY

from app.core.metrics import record_memgraph_query

UPSTREAM = Path(__file__).resolve().parents[2] / "upstream"


def test_vendored_files_are_byte_for_byte_the_recorded_upstream_ones():
    recorded = dict(
        (path, digest) for digest, path in re.findall(r"^\| `([0-9a-f]{64})` \| `([^`]+)` \|$", (UPSTREAM / "UPSTREAM.md").read_text(), re.M)
    )
    on_disk = {str(p.relative_to(UPSTREAM)) for p in UPSTREAM.rglob("*") if p.is_file() and p.name != "UPSTREAM.md" and "__pycache__" not in p.parts}
    assert set(recorded) == on_disk
    for path, digest in recorded.items():
        assert hashlib.sha256((UPSTREAM / path).read_bytes()).hexdigest() == digest, path


def value(name, **labels):
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_record_memgraph_query_counts_every_query_twice_but_keeps_its_duration():
    before = {
        "count": value("opentruss_memgraph_queries_total", query_type="MERGE", status="success"),
        "observations": value("opentruss_memgraph_query_duration_seconds_count", query_type="MERGE"),
        "sum": value("opentruss_memgraph_query_duration_seconds_sum", query_type="MERGE"),
        "le_0.25": value("opentruss_memgraph_query_duration_seconds_bucket", query_type="MERGE", le="0.25"),
        "le_0.1": value("opentruss_memgraph_query_duration_seconds_bucket", query_type="MERGE", le="0.1"),
    }
    record_memgraph_query("MERGE", 0.2, success=True)
    assert value("opentruss_memgraph_queries_total", query_type="MERGE", status="success") - before["count"] == 2
    assert value("opentruss_memgraph_query_duration_seconds_count", query_type="MERGE") - before["observations"] == 2
    assert abs(value("opentruss_memgraph_query_duration_seconds_sum", query_type="MERGE") - before["sum"] - 0.4) < 1e-9
    # Both observations land in the same bucket: every quantile (and sum ÷ count) stays right.
    assert value("opentruss_memgraph_query_duration_seconds_bucket", query_type="MERGE", le="0.25") - before["le_0.25"] == 2
    assert value("opentruss_memgraph_query_duration_seconds_bucket", query_type="MERGE", le="0.1") - before["le_0.1"] == 0
