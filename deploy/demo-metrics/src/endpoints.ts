/**
 * The OpenTruss backend's routes (FastAPI, `/api/v1/...` plus `/health`) with the share of traffic, the time
 * spent outside Memgraph and the Memgraph queries each request makes. `query_type` values are what the backend
 * records: the first keyword of the Cypher text (MATCH, CREATE, MERGE, …; OPTIONAL MATCH, WITH and UNWIND → OTHER).
 */
export type QueryType = 'MATCH' | 'CREATE' | 'MERGE' | 'UPDATE' | 'DELETE' | 'RETURN' | 'OTHER';

export interface EndpointProfile {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Route template, as the `endpoint` label carries it. */
  endpoint: string;
  /** Relative share of all requests. */
  share: number;
  /** Median time outside Memgraph, in seconds. */
  appMedianSeconds: number;
  /** Memgraph queries made by one request, in order. */
  queries: readonly QueryType[];
  /** A client error this route answers now and then (validation, not found, bad login). */
  clientError?: { status: number; probability: number };
}

export const ENDPOINTS: readonly EndpointProfile[] = [
  { method: 'GET', endpoint: '/health', share: 12, appMedianSeconds: 0.002, queries: [] },
  { method: 'POST', endpoint: '/api/v1/auth/login', share: 1, appMedianSeconds: 0.12, queries: ['MATCH'], clientError: { status: 401, probability: 0.06 } },
  { method: 'GET', endpoint: '/api/v1/auth/me', share: 4, appMedianSeconds: 0.004, queries: ['MATCH'] },
  { method: 'GET', endpoint: '/api/v1/projects', share: 3, appMedianSeconds: 0.006, queries: ['MATCH', 'MATCH'] },
  { method: 'GET', endpoint: '/api/v1/projects/{project_id}/hierarchy', share: 8, appMedianSeconds: 0.015, queries: ['MATCH', 'OTHER'] },
  { method: 'GET', endpoint: '/api/v1/elements', share: 22, appMedianSeconds: 0.012, queries: ['MATCH', 'MATCH'] },
  { method: 'GET', endpoint: '/api/v1/elements/{element_id}', share: 14, appMedianSeconds: 0.005, queries: ['MATCH'], clientError: { status: 404, probability: 0.015 } },
  { method: 'PATCH', endpoint: '/api/v1/elements/{element_id}', share: 5, appMedianSeconds: 0.01, queries: ['MATCH', 'MATCH'], clientError: { status: 400, probability: 0.03 } },
  { method: 'PATCH', endpoint: '/api/v1/elements/batch', share: 1.5, appMedianSeconds: 0.03, queries: ['OTHER'] },
  { method: 'GET', endpoint: '/api/v1/lots/{lot_id}/elements', share: 7, appMedianSeconds: 0.01, queries: ['MATCH'] },
  { method: 'PATCH', endpoint: '/api/v1/lots/{lot_id}/status', share: 2, appMedianSeconds: 0.03, queries: ['MATCH', 'MATCH', 'MATCH'], clientError: { status: 400, probability: 0.1 } },
  { method: 'POST', endpoint: '/api/v1/lots/{lot_id}/approve', share: 1.5, appMedianSeconds: 0.015, queries: ['MATCH', 'MATCH', 'CREATE'] },
  { method: 'POST', endpoint: '/api/v1/lots/{lot_id}/reject', share: 0.4, appMedianSeconds: 0.015, queries: ['MATCH', 'MATCH', 'CREATE'] },
  { method: 'GET', endpoint: '/api/v1/lots/{lot_id}/approval-history', share: 2, appMedianSeconds: 0.006, queries: ['MATCH'] },
  { method: 'POST', endpoint: '/api/v1/lots/create-by-rule', share: 0.3, appMedianSeconds: 0.05, queries: ['MATCH', 'MERGE', 'MATCH'] },
  { method: 'POST', endpoint: '/api/v1/ingest', share: 0.6, appMedianSeconds: 0.06, queries: ['CREATE', 'CREATE', 'MATCH'] },
  { method: 'POST', endpoint: '/api/v1/export/ifc', share: 0.2, appMedianSeconds: 0.5, queries: ['MATCH', 'MATCH'] },
  { method: 'DELETE', endpoint: '/api/v1/elements/{element_id}', share: 0.3, appMedianSeconds: 0.006, queries: ['MATCH', 'DELETE'] },
];
