import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import type { DashboardKey } from '@opentruss/contract';
import { apiDatabaseDashboard } from './apiDatabase';
import { businessDashboard } from './business';
import { capacityDashboard } from './capacity';
import { logsDashboard } from './logs';
import { systemDashboard } from './system';
import { wallDashboard } from './wall';

/** Every bundled dashboard's builder, by catalogue key. */
export const DASHBOARD_BUILDERS: Record<DashboardKey, () => DashboardBuilder> = {
  wall: wallDashboard,
  system: systemDashboard,
  apiDatabase: apiDatabaseDashboard,
  business: businessDashboard,
  capacity: capacityDashboard,
  logs: logsDashboard,
};
