// Figure 7: the Bolt gateway in front of the server, against the same workloads sent straight to it. The gateway
// runs as its own process (as in the stack), started from its CLI; its memory is read from its /metrics.
import path from 'node:path';

import { connectReady } from '@opentruss/bolt-testing';
import { freePort, startProcess, waitFor, type RunningProcess } from '@opentruss/tooling/testing';
import { lastValueFrom } from 'rxjs';

import { ratios, spread, interleaved } from '../measure';
import { benchSettings, Clients } from '../paths/clients';
import { datasourceQuery } from '../paths/consumers';
import { expectNoErrors, panelQuery } from '../paths/panels';
import { atMost, expectEqual, type BenchContext, type FigureResult } from './figure';

const VIEWER = { username: 'bench-viewer', password: 'bench-viewer-password' };
const IDLE_CONNECTIONS = 200;

export async function gatewayFigure(context: BenchContext): Promise<FigureResult> {
  const { profile, workloads, server, log } = context;
  const gateway = await startGateway(server.url);
  const direct = new Clients(benchSettings(server.url));
  const viaGateway = new Clients(benchSettings(gateway.url, VIEWER));
  try {
    const records = profile.conversionRecords;
    log(`figure 7: gateway vs direct — ${records.toLocaleString('en-US')} × 6 conversion, ${profile.runs} rounds`);
    const conversion = async (clients: Clients) => {
      const frames = await datasourceQuery(clients.dataSource, workloads.conversion.query, 'table');
      expectEqual('rows', frames[0].length, records);
    };
    const convert = await interleaved(
      { direct: () => conversion(direct), gateway: () => conversion(viaGateway) },
      profile
    );
    log(`figure 7: ${workloads.concurrencyPanels.length}-panel burst, ${profile.runs} rounds`);
    const burstOf = (clients: Clients) => () =>
      Promise.all(
        workloads.concurrencyPanels.map(async (panel) =>
          expectNoErrors(panel, await lastValueFrom(panelQuery(clients.dataSource, panel)))
        )
      ).then(() => undefined);
    const burst = await interleaved({ direct: burstOf(direct), gateway: burstOf(viaGateway) }, profile);

    log(
      `figure 7: soak of ${profile.soakQueries.toLocaleString('en-US')} queries through the gateway, every 10th cancelled`
    );
    const heapBefore = await gateway.metric('opentruss_bolt_gateway_nodejs_heap_size_used_bytes');
    await soak(viaGateway, context);
    await viaGateway.close();
    await waitFor(
      async () => ((await gateway.metric('opentruss_bolt_gateway_upstream_connections')) === 0 ? true : undefined),
      10_000,
      () => 'upstream connections to close after the clients closed'
    );
    const leakedUpstream = await gateway.metric('opentruss_bolt_gateway_upstream_connections');
    const heapAfter = await gateway.metric('opentruss_bolt_gateway_nodejs_heap_size_used_bytes');
    const heapGrowthMb = (heapAfter - heapBefore) / 1e6;

    log(`figure 7: idle memory of ${IDLE_CONNECTIONS} logged-in client connections`);
    const idleBytes = await idleMemoryPerConnection(gateway);

    const conversionRatio = spread(ratios(walls(convert.gateway), walls(convert.direct)));
    const burstRatio = spread(ratios(walls(burst.gateway), walls(burst.direct)));
    return {
      id: 7,
      title: 'Bolt gateway: the datasource through the gateway ÷ straight to the server, same workloads',
      measurements: [
        {
          label: `${records.toLocaleString('en-US')} × 6 conversion, direct`,
          unit: 'ms',
          spread: spread(walls(convert.direct)),
        },
        {
          label: `${records.toLocaleString('en-US')} × 6 conversion, via gateway`,
          unit: 'ms',
          spread: spread(walls(convert.gateway)),
        },
        { label: 'conversion: gateway ÷ direct', unit: '×', spread: conversionRatio },
        {
          label: `${workloads.concurrencyPanels.length}-panel burst, direct`,
          unit: 'ms',
          spread: spread(walls(burst.direct)),
        },
        {
          label: `${workloads.concurrencyPanels.length}-panel burst, via gateway`,
          unit: 'ms',
          spread: spread(walls(burst.gateway)),
        },
        { label: 'burst: gateway ÷ direct', unit: '×', spread: burstRatio },
        { label: 'soak: upstream sessions left open after the clients closed', unit: 'count', value: leakedUpstream },
        { label: 'soak: gateway heap growth', unit: 'MB', value: heapGrowthMb },
        { label: 'idle memory per logged-in client connection (RSS)', unit: 'kB', value: idleBytes / 1024 },
      ],
      targets: [
        atMost('conversion through the gateway ≤ 1.10× direct', conversionRatio.median, 1.1, '×'),
        atMost('30-panel burst through the gateway ≤ 1.05× direct', burstRatio.median, 1.05, '×'),
        atMost('soak: 0 leaked upstream sessions', leakedUpstream, 0, 'count'),
        atMost('soak: gateway heap growth < 10 MB', heapGrowthMb, 10, 'MB'),
      ],
      notes: [
        'The gateway runs as its own process from its CLI (tsx), between this process and the Bolt test server, exactly as in the stack; its memory comes from its own /metrics (heap without a forced GC, so the growth figure is an upper bound).',
        'Idle memory: RSS growth of the gateway process with the connections open (each also holds one connection to the server), divided by their number.',
      ],
    };
  } finally {
    await Promise.all([direct.close(), viaGateway.close()]);
    await gateway.stop();
  }
}

const walls = (samples: Array<{ wallMs: number }>) => samples.map((s) => s.wallMs);

/** Panels refreshed round after round; every 10th request is cancelled shortly after it starts. */
async function soak(clients: Clients, { profile, workloads }: BenchContext): Promise<void> {
  const panels = workloads.soakPanels;
  for (let sent = 0; sent < profile.soakQueries; sent += panels.length) {
    await Promise.all(
      panels.map((panel, i) => {
        if ((sent + i) % 10 === 0) {
          return new Promise<void>((resolve) => {
            const subscription = panelQuery(clients.dataSource, panel).subscribe({ error: () => resolve() });
            setTimeout(() => {
              subscription.unsubscribe();
              resolve();
            }, 1);
          });
        }
        return lastValueFrom(panelQuery(clients.dataSource, panel)).then((r) => expectNoErrors(panel, r));
      })
    );
  }
}

async function idleMemoryPerConnection(gateway: Gateway): Promise<number> {
  const rss = () => gateway.metric('opentruss_bolt_gateway_process_resident_memory_bytes');
  const before = await rss();
  const viewer = { scheme: 'basic', principal: VIEWER.username, credentials: VIEWER.password };
  const clients = await Promise.all(Array.from({ length: IDLE_CONNECTIONS }, () => connectReady(gateway.port, viewer)));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = await rss();
  clients.forEach((client) => client.destroy());
  return (after - before) / IDLE_CONNECTIONS;
}


interface Gateway {
  url: string;
  port: number;
  metric(name: string): Promise<number>;
  stop(): Promise<void>;
}

async function startGateway(serverUrl: string): Promise<Gateway> {
  const upstream = new URL(serverUrl.replace(/^bolt/, 'http'));
  const [port, opsPort] = [await freePort(), await freePort()];
  const root = path.join(__dirname, '../../..');
  const child: RunningProcess = startProcess(
    'bolt-gateway',
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'packages/bolt-gateway/src/cli.ts')],
    {
      ...process.env,
      BOLT_GATEWAY_HOST: '127.0.0.1',
      BOLT_GATEWAY_PORT: String(port),
      BOLT_GATEWAY_OPS_HOST: '127.0.0.1',
      BOLT_GATEWAY_OPS_PORT: String(opsPort),
      BOLT_GATEWAY_UPSTREAM: `127.0.0.1:${upstream.port}`,
      BOLT_GATEWAY_VIEWERS: `${VIEWER.username}:${VIEWER.password}`,
      BOLT_GATEWAY_MAX_CONNECTIONS_PER_CLIENT: '1000',
    }
  );
  await waitFor(
    async () => (child.output().includes('bolt-gateway listening on') ? true : undefined),
    30_000,
    () => child.output()
  );
  return {
    url: `bolt://127.0.0.1:${port}`,
    port,
    async metric(name) {
      const text = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(`${name} `));
      if (!line) {
        throw new Error(`${name} not on the gateway's /metrics`);
      }
      return Number(line.split(' ').pop());
    },
    stop: () => child.stop(),
  };
}
