// The datasources the OpenTruss dashboards read (Memgraph, Prometheus, and Loki for the Logs dashboard), as dashboard variables of type "datasource" that default to
// the provisioned uids. App auto-import cannot fill `__inputs`, so the variables are the only way to point the
// bundled dashboards at other datasources (`?var-prometheus=<uid>`).
import { DATASOURCE_UIDS, PLUGIN_IDS } from '@opentruss/contract';

export type DatasourceRole = 'memgraph' | 'prometheus' | 'loki';

export interface DatasourceVariable {
  role: DatasourceRole;
  /** The dashboard variable's name: panels reference `${name}`. */
  name: string;
  label: string;
  /** Datasource plugin id (the variable lists only datasources of this type). */
  pluginId: string;
  defaultUid: string;
}

export const DATASOURCE_VARIABLES: Record<DatasourceRole, DatasourceVariable> = {
  memgraph: {
    role: 'memgraph',
    name: 'memgraph',
    label: 'Memgraph',
    pluginId: PLUGIN_IDS.datasource,
    defaultUid: DATASOURCE_UIDS.memgraph,
  },
  prometheus: {
    role: 'prometheus',
    name: 'prometheus',
    label: 'Prometheus',
    pluginId: 'prometheus',
    defaultUid: DATASOURCE_UIDS.prometheus,
  },
  loki: {
    role: 'loki',
    name: 'loki',
    label: 'Loki',
    pluginId: 'loki',
    defaultUid: DATASOURCE_UIDS.loki,
  },
};

/** How a panel or query refers to the datasource chosen in the variable. */
export function datasourceRef(role: DatasourceRole): { type: string; uid: string } {
  const variable = DATASOURCE_VARIABLES[role];
  return { type: variable.pluginId, uid: `\${${variable.name}}` };
}
