// Grafana's own routes, which runbooks link to because the app shows runbooks inside Grafana: Explore with a ready
// query, a dashboard, the app. Not files: the self-contained test and the Markdown link check both allow them.
/** A root-relative link target that is a Grafana route (`/explore?…`, `/d/…`, `/a/…`). */
const GRAFANA_ROUTE = /^\/(?:explore\?|d\/|a\/)/;

module.exports = { GRAFANA_ROUTE };
