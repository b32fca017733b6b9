// `bolt-gateway`: every setting from the environment (see README), JSON log lines on stderr, SIGTERM/SIGINT stop.
import { formatLogLine } from '@opentruss/contract';
import { SettingsError, settingsFromEnv } from './config/settings';
import { startBoltGateway } from './gateway';

async function main(): Promise<void> {
  let settings;
  try {
    settings = settingsFromEnv();
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(formatLogLine('bolt-gateway', 'critical', `bolt-gateway: ${error.message}`) + '\n');
      process.exit(2);
    }
    throw error;
  }
  const gateway = await startBoltGateway(settings);
  // Exactly one line on stdout when ready, for scripts and tests that wait for it (its msg says where).
  const where = `${gateway.url.replace('127.0.0.1', settings.host)} (ops port ${gateway.opsPort ?? 'off'})`;
  process.stdout.write(formatLogLine('bolt-gateway', 'info', `bolt-gateway listening on ${where}`) + '\n');
  const stop = () => void gateway.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: Error) => {
  process.stderr.write(formatLogLine('bolt-gateway', 'critical', `bolt-gateway: ${error.message}`) + '\n');
  process.exit(1);
});
