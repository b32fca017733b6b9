/** A root-relative link target that is a Grafana route (`/explore?…`, `/d/…`, `/a/…`). */
export declare const GRAFANA_ROUTE: RegExp;
