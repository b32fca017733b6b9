"""Prints real OpenTruss backend log lines, as uvicorn's own formatters write them, for the Alloy pipeline test.

Usage: python3 backend_log_lines.py [uvicorn-log-config.json]
Without an argument: uvicorn's default logging (what OpenTruss runs today: `uvicorn app.main:app`), where the
application's loggers have no handler, so Python's last-resort handler prints their WARNING+ records bare.
With the file: the stack's uvicorn log configuration (deploy/opentruss-instrumentation/uvicorn-log-config.json).
Everything goes to stdout, one record per write, in order.
"""
import json
import logging
import logging.config
import sys

from uvicorn.config import LOGGING_CONFIG

# One stream, so the records stay in order (Docker's json-file log keeps both streams, each line apart).
sys.stderr = sys.stdout
config = json.load(open(sys.argv[1])) if len(sys.argv) > 1 else LOGGING_CONFIG
logging.config.dictConfig(config)

server = logging.getLogger("uvicorn.error")
access = logging.getLogger("uvicorn.access")
app = logging.getLogger("app.main")  # OpenTruss: logger = logging.getLogger(__name__)

server.info("Started server process [1]")
access.info('%s - "%s %s HTTP/%s" %d', "172.18.0.5:43210", "GET", "/api/v1/lots/x", "1.1", 404)
server.warning("Invalid HTTP request received.")
app.info("Initializing OpenTruss API...")
app.error("Schema initialization failed: Couldn't connect to memgraph:7687")
try:
    raise ValueError("boom")
except ValueError:
    server.exception("Exception in ASGI application")
app.critical("Shutting down: data directory not writable")
