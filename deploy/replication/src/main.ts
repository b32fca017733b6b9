// Entry point of the `replication-setup` (argument `setup`, one-shot) and `replication-exporter` (`exporter`) services.
import { formatLogLine } from '@opentruss/contract';
import { readReplicationConfig } from './config';
import { startReplicationExporter } from './exporter';
import { errorText, MemgraphInstance } from './memgraph';
import { setUpReplication } from './setup';

const command = process.argv[2];
// One JSON line per event, as every Node service of the stack writes them (@opentruss/contract; Alloy reads `level`).
const service = `replication-${command}`;
const log = (line: string) => console.log(formatLogLine(service, 'info', line));
const fail = (message: string) => {
  console.error(formatLogLine(service, 'error', message));
  process.exit(1);
};

async function main(): Promise<void> {
  if (command !== 'setup' && command !== 'exporter') {
    fail('usage: replication.js setup | exporter');
  }
  const config = readReplicationConfig(process.env);
  const mainInstance = config.main && new MemgraphInstance(config.main);
  if (command === 'setup') {
    const replica = new MemgraphInstance(config.replica);
    try {
      await setUpReplication({ ...config, main: mainInstance, replica, log });
      log('done');
    } finally {
      await Promise.all([mainInstance?.close(), replica.close()]);
    }
    return;
  }
  if (!mainInstance) {
    fail("REPLICATION_MAIN=external: the exporter needs MAIN's SHOW REPLICAS, and this stack holds no credential of that MAIN");
    return;
  }
  const exporter = await startReplicationExporter({
    main: mainInstance,
    expectedReplicas: [config.replicaName],
    port: config.exporterPort,
    intervalMs: config.exporterIntervalMs,
    log,
  });
  const shutdown = () => exporter.stop().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => fail(errorText(error)));
