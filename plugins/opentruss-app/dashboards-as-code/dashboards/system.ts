// System resources (node-exporter): every system alert's home panel with its amber/red lines, plus disk and
// network throughput for context, and the backup row (the backup alerts' panels).
import { SELECTORS, type AlertName } from '@opentruss/alerts';
import type { GridPos } from '@grafana/grafana-foundation-sdk/dashboard';
import { alertTimeseries } from '../panels/alertPanels';
import { backupPanels } from '../panels/backupPanels';
import { at } from '../panels/grid';
import { describe } from '../panels/text';
import { promTarget } from '../queries/prometheus';
import { baseDashboard } from './base';
import { upStat } from '../panels/upStat';
import { timeseries } from '../panels/timeseries';

function throughput(options: {
  id: number;
  title: string;
  description: string;
  read: string;
  write: string;
  unit: string;
}) {
  return timeseries()
    .id(options.id)
    .title(options.title)
    .description(options.description)
    .withTarget(promTarget(options.read, '{{instance}} {{device}} ↓', 'A'))
    .withTarget(promTarget(options.write, '{{instance}} {{device}} ↑', 'B'))
    .unit(options.unit);
}

const rate = (metric: string, selector: string) =>
  `sum by (instance, device) (rate(${metric}{${selector}}[$__rate_interval]))`;

/** Each system alert's home panel: what it plots, its legend and its place. */
const ALERT_PANELS: Array<{ alert: AlertName; legend: string; what: string; gridPos: GridPos }> = [
  {
    alert: 'HighCPUUsage',
    legend: '{{instance}}',
    what: 'Share of CPU time not idle, averaged over all cores of each host (node_cpu_seconds_total).',
    gridPos: at(0, 0, 12, 8),
  },
  {
    alert: 'HighMemoryUsage',
    legend: '{{instance}}',
    what: 'Memory in use: 1 − MemAvailable ÷ MemTotal (page cache the kernel can drop counts as available).',
    gridPos: at(12, 0, 12, 8),
  },
  {
    alert: 'HighDiskUsage',
    legend: '{{instance}} {{mountpoint}}',
    what: 'Used share of each real filesystem (tmpfs, overlays and read-only images left out).',
    gridPos: at(0, 8, 12, 8),
  },
  {
    alert: 'HighDiskIOUtilization',
    legend: '{{instance}} {{device}}',
    what: 'Share of time each disk was busy with I/O (iostat %util).',
    gridPos: at(12, 8, 12, 8),
  },
  {
    alert: 'HighNetworkBandwidthUsage',
    legend: '{{instance}} {{device}}',
    what: 'Busier direction of each network interface as a share of its link speed (or the configured capacity where the NIC reports none).',
    gridPos: at(0, 16, 12, 8),
  },
  {
    alert: 'HighActiveConnections',
    legend: '{{entry}} {{instance}}',
    what: 'Active client connections at each entry point: OpenTruss’s nginx (nginx_connections_active from stub_status, join-OpenTruss route), the Bolt gateway (its client gauge), and the OpenTruss backend’s requests in flight (opentruss_api_requests_in_progress, from this project’s API middleware). Clients of published container ports never appear in the host’s TCP table, so the host count is not used.',
    gridPos: at(12, 16, 12, 8),
  },
  {
    alert: 'MemoryLeakSuspected',
    legend: '{{instance}}',
    what: 'How fast used memory grows, in percentage points of RAM per hour, fitted over the last 3 hours.',
    gridPos: at(0, 32, 12, 8),
  },
  {
    alert: 'DiskWillFillIn24h',
    legend: '{{instance}} {{mountpoint}}',
    what: 'Hours until each filesystem is full at its 6-hour trend (+Inf, i.e. never, while it is not filling up).',
    gridPos: at(12, 32, 12, 8),
  },
];

export function systemDashboard() {
  const dashboard = baseDashboard('system', { from: 'now-6h', refresh: '1m', datasources: ['prometheus'] });
  for (const { alert, legend, what, gridPos } of ALERT_PANELS) {
    dashboard.withPanel(alertTimeseries(alert, { legend, what }).gridPos(gridPos));
  }
  // Below the stack-health row (y 40–48).
  backupPanels(48).forEach((panel) => dashboard.withPanel(panel));
  return dashboard
    .withPanel(
      upStat(
        'NodeExporterDown',
        'node-exporter 在线状态 / node-exporter up',
        'Whether Prometheus can scrape node-exporter (1 = up); 0 also when there is no node-exporter target at all. While it is down every panel above is empty and only NodeExporterDown alerts.',
        {}
      ).gridPos(at(0, 40, 6, 4))
    )
    .withPanel(
      alertTimeseries('TLSCertificateExpiringSoon', {
        legend: '{{instance}}',
        what: 'Days until the earliest expiry in the certificate chain served at Grafana’s https and the gateway’s bolt+s/wss port (blackbox exporter, profile tls; empty without TLS).',
      }).gridPos(at(6, 40, 18, 8))
    )
    .withPanel(
      throughput({
        id: 20,
        title: '磁盘吞吐 / Disk throughput',
        description: describe(
          'Bytes read (↓) and written (↑) per second by each disk: what keeps a disk busy when its I/O utilisation is high.',
          '每块磁盘每秒读取（↓）和写入（↑）的字节数：磁盘 I/O 利用率高时看是谁在读写。'
        ),
        read: rate('node_disk_read_bytes_total', SELECTORS.disk),
        write: rate('node_disk_written_bytes_total', SELECTORS.disk),
        unit: 'Bps',
      }).gridPos(at(0, 24, 12, 8))
    )
    .withPanel(
      throughput({
        id: 21,
        title: '网络吞吐 / Network throughput',
        description: describe(
          'Bits received (↓) and sent (↑) per second by each network interface.',
          '每块网卡每秒接收（↓）和发送（↑）的比特数。'
        ),
        read: `8 * ${rate('node_network_receive_bytes_total', SELECTORS.nic)}`,
        write: `8 * ${rate('node_network_transmit_bytes_total', SELECTORS.nic)}`,
        unit: 'bps',
      }).gridPos(at(12, 24, 12, 8))
    );
}
