// The Node environment the datasource's integration tests give it: DOM globals lent by jsdom (the plugin's own
// helper), stylesheets ignored. Import this module before anything that loads @grafana/* or the datasource.
import './ignoreStylesheets';
import 'opentruss-memgraph-datasource/testing';
