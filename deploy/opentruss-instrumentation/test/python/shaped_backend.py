"""A FastAPI app shaped like the OpenTruss backend, for testing the middleware against real FastAPI.

It uses OpenTruss's own files where they run without Memgraph (``upstream/backend``: ``app.core.metrics``
verbatim, and the real ``/metrics`` router), mounts its routers under ``/api/v1`` the way ``app/main.py``
does, and installs the middleware with the same two lines as the installation instructions. The handlers
stand in for OpenTruss's: each lot or element read runs one simulated Memgraph query recorded through
``record_memgraph_query`` exactly as ``MemgraphClient.execute_query`` does, and query parameters let tests
slow a request down (``delay``), make it fail (``fail``) or stream (``chunks``).

Serve it: ``python3 -m uvicorn shaped_backend:app --app-dir test/python``.
"""

import asyncio
import sys
import time
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[2]
for _path in (_PACKAGE_DIR, _PACKAGE_DIR / "upstream" / "backend"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from fastapi import APIRouter, FastAPI, HTTPException  # noqa: E402
from fastapi.middleware.cors import CORSMiddleware  # noqa: E402
from fastapi.responses import StreamingResponse  # noqa: E402

from app.api.v1 import metrics  # noqa: E402  (OpenTruss's /metrics router, verbatim)
from app.core.metrics import record_memgraph_query  # noqa: E402


class MemgraphUnavailable(RuntimeError):
    """What the neo4j driver raises when Memgraph is down (ServiceUnavailable), reduced to a name."""


async def run_query(cypher: str, seconds: float, fail: bool = False) -> None:
    """Records one query like MemgraphClient.execute_query: first keyword as query_type, success or error."""
    start = time.perf_counter()
    await asyncio.sleep(seconds)
    record_memgraph_query(cypher.split()[0].upper(), time.perf_counter() - start, success=not fail)
    if fail:
        raise MemgraphUnavailable("Couldn't connect to memgraph:7687")


lots = APIRouter(prefix="/lots", tags=["lots"])
elements = APIRouter(prefix="/elements", tags=["elements"])
hierarchy = APIRouter(prefix="/hierarchy", tags=["hierarchy"])
export = APIRouter(prefix="/export", tags=["export"])


@lots.get("/{lot_id}")
async def get_lot(lot_id: str, delay: float = 0.0):
    await run_query("MATCH (lot:InspectionLot {id: $lot_id}) RETURN lot", 0.002)
    if delay:
        await asyncio.sleep(delay)
    return {"id": lot_id, "status": "PLANNING"}


@lots.patch("/{lot_id}/status")
async def update_lot_status(lot_id: str, body: dict):
    if body.get("status") not in {"IN_PROGRESS", "SUBMITTED", "PUBLISHED"}:
        raise HTTPException(status_code=400, detail="invalid transition")
    return {"id": lot_id, "status": body["status"]}


@elements.get("/{element_id}")
async def get_element(element_id: str, fail: bool = False):
    await run_query("MATCH (e:Element {id: $element_id}) RETURN e", 0.002, fail=fail)
    if element_id == "missing":
        raise HTTPException(status_code=404, detail="Element not found")
    return {"id": element_id}


@hierarchy.get("/projects/{project_id}")
async def get_project(project_id: str):
    return {"id": project_id}


@export.get("/ifc")
async def export_ifc(chunks: int = 3, chunk_delay: float = 0.1, break_after: int = -1):
    async def body():
        for i in range(chunks):
            if i == break_after:
                raise RuntimeError("IFC export failed mid-stream")
            await asyncio.sleep(chunk_delay)
            yield f"chunk {i}\n".encode()

    return StreamingResponse(body(), media_type="application/octet-stream")


app = FastAPI(title="OpenTruss API (test shape)")
app.add_middleware(CORSMiddleware, allow_origins=["http://localhost:3000"], allow_methods=["*"], allow_headers=["*"])

# The installation, as in the README (backend/app/core/metrics_middleware.py there; the package folder here).
from metrics_middleware import MetricsMiddleware  # noqa: E402

app.add_middleware(MetricsMiddleware)

for router in (lots, elements, hierarchy, export):
    app.include_router(router, prefix="/api/v1")
app.include_router(metrics.router)


@app.get("/")
async def root():
    return {"name": "OpenTruss API", "version": "1.0.0"}


@app.get("/health")
async def health():
    return {"status": "healthy"}
