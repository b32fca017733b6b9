import type { Driver } from 'neo4j-driver';
import {
  DriverRegistry,
  createDriver,
  dataSource,
  driverOptions,
  resolveSettings,
  type DataSource,
  type MemgraphSettings,
} from 'opentruss-memgraph-datasource/testing';

/**
 * The datasource's settings in the benchmark: its defaults (fetch size 1,000, 4 connections, UTC), except a row
 * cap that lets 100,000 records through and a query timeout no slow run on a loaded machine reaches.
 */
export function benchSettings(url: string, overrides: MemgraphSettings = {}): MemgraphSettings {
  return { url, maxRows: 1_000_000, queryTimeoutSeconds: 300, ...overrides };
}

/** A datasource instance as Grafana builds it, and a raw driver configured exactly like the datasource's own. */
export class Clients {
  readonly registry = new DriverRegistry();
  readonly driver: Driver;
  readonly dataSource: DataSource;

  constructor(readonly settings: MemgraphSettings) {
    this.driver = createDriver(driverOptions(resolveSettings(settings)));
    this.dataSource = dataSource(settings, { registry: this.registry });
  }

  async close(): Promise<void> {
    await Promise.all([this.driver.close(), this.registry.closeAll()]);
  }
}
