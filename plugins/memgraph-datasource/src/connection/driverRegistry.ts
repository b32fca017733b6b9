import type { Driver } from 'neo4j-driver';

import { createDriver, type DriverOptions } from './driverOptions';

interface Entry {
  fingerprint: string;
  driver: Driver;
}

/**
 * One neo4j-driver Driver (one connection pool) per datasource uid, shared by every query of that datasource.
 * Grafana builds a new DataSource instance when its settings are saved; the new instance asks for its uid with
 * different options, and the old driver is closed then — so settings changes never leak connections.
 */
export class DriverRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly create: (options: DriverOptions) => Driver = createDriver) {}

  driverFor(uid: string, options: DriverOptions): Driver {
    const fingerprint = JSON.stringify(options);
    const entry = this.entries.get(uid);
    if (entry?.fingerprint === fingerprint) {
      return entry.driver;
    }
    if (entry) {
      closeQuietly(entry.driver);
    }
    const driver = this.create(options);
    this.entries.set(uid, { fingerprint, driver });
    return driver;
  }

  /** Drops a driver whose connections are stuck (a server that stopped answering); the next query builds a new one. */
  discard(uid: string, driver: Driver): void {
    if (this.entries.get(uid)?.driver === driver) {
      this.entries.delete(uid);
    }
    closeQuietly(driver);
  }

  async closeAll(): Promise<void> {
    const drivers = [...this.entries.values()].map((e) => e.driver);
    this.entries.clear();
    await Promise.all(drivers.map((d) => d.close().catch(() => undefined)));
  }
}

function closeQuietly(driver: Driver): void {
  driver.close().catch(() => undefined);
}

/** The registry every datasource instance of this page shares. */
export const sharedDriverRegistry = new DriverRegistry();
