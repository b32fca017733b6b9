import { startBoltTestServer, type BoltTestServer, type BoltTestServerOptions } from '@opentruss/bolt-test-server';

import { DriverRegistry } from '../connection/driverRegistry';

export interface BoltTestServerSuite {
  /** The running server (available from the suite's tests and hooks). */
  readonly server: BoltTestServer;
  /** The suite's own driver registry, closed after the suite. */
  readonly registry: DriverRegistry;
}

/**
 * Starts a Bolt test server for the suite, clears its responders after each test, and at the end closes every
 * driver, stops the server and fails the suite if anything rejected without a handler meanwhile.
 */
export function startBoltTestServerForSuite(options: BoltTestServerOptions = {}): BoltTestServerSuite {
  const registry = new DriverRegistry();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let server: BoltTestServer | undefined;

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = await startBoltTestServer(options);
  });
  afterEach(() => server?.clearResponders());
  afterAll(async () => {
    await registry.closeAll();
    await server?.stop();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  return {
    get server() {
      return server!;
    },
    registry,
  };
}
