"""Shared fixtures: the shaped backend behind Starlette's TestClient, and metric deltas from the registry."""

import pytest
from prometheus_client import REGISTRY
from starlette.testclient import TestClient

import shaped_backend


@pytest.fixture
def client():
    # raise_server_exceptions=False: an unhandled exception becomes the 500 response a real server sends.
    with TestClient(shaped_backend.app, raise_server_exceptions=False) as test_client:
        yield test_client


class Samples:
    """Reads the default registry (the one OpenTruss's /metrics serves) before and after a request."""

    def __init__(self):
        self.before = self.snapshot()

    @staticmethod
    def snapshot():
        return {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in REGISTRY.collect()
            if family.name.startswith("opentruss_")
            for sample in family.samples
        }

    def delta(self, name, **labels):
        key = (name, tuple(sorted(labels.items())))
        return self.snapshot().get(key, 0.0) - self.before.get(key, 0.0)

    def changed(self, prefix):
        """Every sample starting with `prefix` that changed since the start, with its change."""
        after = self.snapshot()
        return {
            key: value - self.before.get(key, 0.0)
            for key, value in after.items()
            if key[0].startswith(prefix)
            and not key[0].endswith("_created")  # a child's creation time, not a recorded value
            and value != self.before.get(key, 0.0)
        }


@pytest.fixture
def samples():
    return Samples()
