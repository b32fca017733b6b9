// PromQL building blocks shared by several alert groups: the few expression shapes that recur (P95 from a
// histogram, an error ratio, link capacity). The selectors they use are the config's.
import { LINK_CAPACITY, SELECTORS } from '../config';

/** 95th percentile of a Prometheus histogram over 5 minutes, across all its series. */
export function p95Seconds(histogram: string, selector: string): string {
  return `histogram_quantile(0.95, sum by (le) (rate(${histogram}_bucket{${selector}}[5m])))`;
}

/**
 * Percentage of a counter's increase that matches `errorMatcher`, over 5 minutes. The error side falls back to
 * 0 when no error series exists yet (a label set appears only after its first increment), so traffic without
 * errors reads 0% rather than no data. A constant factor on both sides — like the backend's doubled Memgraph
 * counters — cancels out.
 */
export function errorPercentage(counter: string, selector: string, errorMatcher: string): string {
  return [
    `100 * (sum(rate(${counter}{${selector}, ${errorMatcher}}[5m])) or vector(0))`,
    `  / sum(rate(${counter}{${selector}}[5m]))`,
  ].join('\n');
}

const BYTES_PER_MBIT = 125_000;

/**
 * Capacity of each network interface in bytes per second. node-exporter reads the link speed from
 * /sys/class/net/<nic>/speed as `node_network_speed_bytes`, but virtual NICs (virtio, most cloud VMs, this
 * project's CI machines) report -1 Mbit/s or nothing at all, which would make any utilisation ratio negative or
 * empty. Interfaces with a positive speed use it; the others the capacity Prometheus records
 * (`LINK_CAPACITY.record`, an operator's hand-edited rule). Without that rule, they have no capacity and no ratio.
 */
export function linkCapacityBytesPerSecond(): string {
  return [
    `max by (instance, device) (node_network_speed_bytes{${SELECTORS.nic}} > 0)`,
    `or`,
    `max by (instance, device) (node_network_receive_bytes_total{${SELECTORS.nic}}) * 0`,
    `  + on () group_left () (max(${LINK_CAPACITY.record}) * ${BYTES_PER_MBIT})`,
  ].join('\n');
}

/** Busier direction of each interface (links are full duplex: each direction has the whole capacity), bytes/s. */
export function busiestDirectionBytesPerSecond(): string {
  const direction = (metric: string, name: string) =>
    `label_replace(rate(${metric}{${SELECTORS.nic}}[5m]), "direction", "${name}", "", "")`;
  return [
    `max by (instance, device) (`,
    `  ${direction('node_network_receive_bytes_total', 'receive')}`,
    `  or`,
    `  ${direction('node_network_transmit_bytes_total', 'transmit')}`,
    `)`,
  ].join('\n');
}

/** Indents every line after the first, to nest a multi-line expression inside parentheses readably. */
export function indent(expression: string, spaces = 2): string {
  return expression.replace(/\n/g, '\n' + ' '.repeat(spaces));
}
