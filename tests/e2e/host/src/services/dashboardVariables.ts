// The page's dashboard variables: Grafana's TemplateSrv as the plugin's shared fake (the one the unit tests use,
// checked against real Grafana interpolation), whose variables window.e2e.setVariables replaces.
import { FakeTemplateSrv } from "opentruss-memgraph-datasource/testing/templateSrv";

export const templateSrv = new FakeTemplateSrv();
