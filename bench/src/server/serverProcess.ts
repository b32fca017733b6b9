// The Bolt test server in its own process, so that encoding records does not run on the client's CPU time or
// event loop. Started by benchServer.ts with the profile as its only argument; answers control requests over IPC.
import { startBoltTestServer } from '@opentruss/bolt-test-server';

import type { Profile } from '../profile';
import { allWorkloads, benchWorkloads, toResponder } from '../workloads';
import { type ControlRequest, serverController } from './control';

export interface ControlMessage {
  id: number;
  request: ControlRequest;
}

export type ServerMessage =
  { type: 'ready'; url: string } | { type: 'reply'; id: number; result?: unknown; error?: string };

async function main(): Promise<void> {
  const send = (message: ServerMessage) => process.send?.(message);
  const profile = JSON.parse(process.argv[2] ?? '') as Profile;
  const server = await startBoltTestServer({ responders: allWorkloads(benchWorkloads(profile)).map(toResponder) });
  const control = serverController(server);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.on('message', ({ id, request }: ControlMessage) => {
    control(request).then(
      (result) => send({ type: 'reply', id, result }),
      (error: Error) => send({ type: 'reply', id, error: error.message })
    );
  });
  // The benchmark ended (or died): never outlive it.
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  send({ type: 'ready', url: server.url });
}

main().catch((error: Error) => {
  console.error(`bench server: ${error.message}`);
  process.exit(1);
});
