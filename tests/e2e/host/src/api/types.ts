// What the host page and the Node-side tests exchange through page.evaluate (plain, structured-cloneable data).
import type { DataQuery } from "@grafana/schema";
import type { FakeVariable } from "opentruss-memgraph-datasource/testing/templateSrv";

export interface SerializedField {
  name: string;
  type: string;
  values: unknown[];
  labels?: Record<string, string>;
  config: { displayNameFromDS?: string; unit?: string };
}

export interface SerializedFrame {
  refId?: string;
  name?: string;
  fields: SerializedField[];
  length: number;
  meta?: {
    preferredVisualisationType?: string;
    executedQueryString?: string;
    notices?: Array<{ severity: string; text: string }>;
  };
}

export interface SerializedResponse {
  /** Done, Error, or Cancelled when a newer run of the same panel replaced this one. */
  state: "Done" | "Error" | "Cancelled";
  frames: SerializedFrame[];
  /** `details`: what the datasource put in the error's data (the driver's own text). */
  errors: Array<{ refId?: string; message?: string; details?: string }>;
}

export interface PanelRequest {
  datasourceUid: string;
  targets: DataQuery[];
  /** Epoch ms; default: the last 6 hours. */
  range?: { from: number; to: number };
  intervalMs?: number;
  scopedVars?: Record<string, { text: string; value: string | string[] }>;
}

/** A dashboard variable as the host's TemplateSrv holds it. */
/** A dashboard variable as the tests set it up: the shared fake TemplateSrv's own spec (plain data). */
export type HostVariableSpec = FakeVariable;

export type WorkbenchView =
  | { kind: "config"; datasourceUid: string }
  /** The latest data of these panels (runs of `runPanel`), each under its title: a dashboard's data at a glance. */
  | { kind: "panels"; panels: Array<{ key: string; title: string }> }
  | {
      kind: "query" | "variable" | "annotation";
      datasourceUid: string;
      query: DataQuery;
      /** The dashboard time range the editor's runs use (epoch ms); default: the last 6 hours. */
      range?: { from: number; to: number };
    };

export interface HealthResult {
  status: string;
  message: string;
  details?: unknown;
}

/** `window.e2e`: what the tests call. */
export interface E2EHostApi {
  /**
   * What Grafana does to a panel's queries when it opens them in Explore (the panel menu's Explore): the
   * datasource's `interpolateVariablesInQueries` with the panel's scoped variables.
   */
  queriesForExplore(
    datasourceUid: string,
    queries: DataQuery[],
    scopedVars?: PanelRequest["scopedVars"],
  ): Promise<DataQuery[]>;
  /** The exports and kind of a plugin's module, loaded through SystemJS like Grafana. */
  describePlugin(
    pluginId: string,
  ): Promise<{ type: string; exports: string[]; components: string[] }>;
  setVariables(variables: HostVariableSpec[]): void;
  /** A query variable's options through the datasource's variable support (what Grafana does on dashboard load). */
  variableOptions(
    datasourceUid: string,
    query: DataQuery,
  ): Promise<Array<{ text: string; value: string }>>;
  /** The module names the host supplies to plugins as AMD externals. */
  sharedModules(): string[];
  testDatasource(datasourceUid: string): Promise<HealthResult>;
  /** Runs a panel's request; a newer run of the same panel key unsubscribes the older one (Grafana's behaviour). */
  runPanel(
    panelKey: string,
    request: PanelRequest,
  ): Promise<SerializedResponse>;
  /** Starts a panel run without waiting for it. */
  startPanel(panelKey: string, request: PanelRequest): void;
  /** How the latest run of each panel ended (undefined while running). */
  panelResult(panelKey: string): SerializedResponse | undefined;
  /** Shows an editor in the workbench (the page's main area outside the app routes). */
  show(view: WorkbenchView): void;
  /** The query as the workbench editor last reported it through onChange. */
  editedQuery(): DataQuery | undefined;
  /** How many times the workbench editor asked to run its query (Run button, Ctrl/Cmd+Enter, format change). */
  runRequests(): number;
  navigate(path: string): void;
}

declare global {
  interface Window {
    e2e: E2EHostApi;
  }
}
