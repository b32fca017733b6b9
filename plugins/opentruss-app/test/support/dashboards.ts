// The committed dashboards as plain JSON, and the panels, targets and links in them.
import fs from 'node:fs';
import type { ResultFormat } from '@opentruss/contract';
import path from 'node:path';
import { DASHBOARDS } from '../../src/catalogue/dashboards';
import { PLUGIN_ROOT, dashboardFile } from '../../dashboards-as-code/paths';

export interface Target {
  refId: string;
  datasource?: { type?: string; uid?: string };
  expr?: string;
  cypher?: string;
  format?: ResultFormat;
  legend?: string;
}

export interface Panel {
  id: number;
  type: string;
  title: string;
  description?: string;
  datasource?: { type?: string; uid?: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: Target[];
  links?: Array<{ title: string; url: string }>;
  transformations?: Array<{ id: string; options: Record<string, unknown> }>;
  fieldConfig: {
    defaults: {
      unit?: string;
      thresholds?: { mode: string; steps: Array<{ value: number | null; color: string }> };
      custom?: Record<string, unknown>;
      displayName?: string;
    };
    overrides: Array<{ matcher: { id: string; options: string }; properties: Array<{ id: string; value: unknown }> }>;
  };
  options?: Record<string, unknown>;
  interval?: string;
}

export interface DashboardJson {
  uid: string;
  id?: number | null;
  title: string;
  revision: number;
  refresh?: string;
  tags: string[];
  panels: Panel[];
  templating: { list: Array<Record<string, any>> };
  annotations: { list: Array<Record<string, any>> };
  [key: string]: unknown;
}

export function readDashboard(uid: string): DashboardJson {
  return JSON.parse(fs.readFileSync(path.join(PLUGIN_ROOT, 'src', dashboardFile(uid)), 'utf8')) as DashboardJson;
}

export const COMMITTED = DASHBOARDS.map((info) => ({ info, json: readDashboard(info.uid) }));

export function panelOf(uid: string, panelId: number): Panel | undefined {
  return readDashboard(uid).panels.find((panel) => panel.id === panelId);
}

/** Every panel of every committed dashboard with its dashboard. */
export function allPanels(): Array<{ dashboard: DashboardJson; panel: Panel }> {
  return COMMITTED.flatMap(({ json }) => json.panels.map((panel) => ({ dashboard: json, panel })));
}
