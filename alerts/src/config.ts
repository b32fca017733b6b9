// The one configuration of the alerts, as kubernetes-mixin's `_config`: the scrape selectors the expressions read,
// the ops manual's §2.1 thresholds, the business thresholds and the tunables a deployment may set when it generates
// the files. Alert groups (./alerts/*.ts) read everything they parameterise from an `AlertsConfig`.
import { PROMETHEUS_JOBS } from '@opentruss/contract';
import type { Bilingual, ManualSource, PromDuration, ThresholdKey, ValueUnit } from './model';

// ── Selectors: label matchers on the contract's scrape jobs ──────────────────────────────────────────────────────
const job = (name: string) => `job="${name}"`;

export const SELECTORS = {
  node: job(PROMETHEUS_JOBS.node),
  backend: job(PROMETHEUS_JOBS.backend),
  business: job(PROMETHEUS_JOBS.business),
  gateway: job(PROMETHEUS_JOBS.gateway),
  nginx: job(PROMETHEUS_JOBS.nginx),
  tls: job(PROMETHEUS_JOBS.tls),
  backup: job(PROMETHEUS_JOBS.backup),
  replication: job(PROMETHEUS_JOBS.replication),
  loki: job(PROMETHEUS_JOBS.loki),
  alloy: job(PROMETHEUS_JOBS.alloy),
  /**
   * Filesystems that can fill up. Memory-backed (tmpfs, ramfs), read-only images (squashfs, iso9660) and
   * container overlays (each Docker container's root, a view of the disk that already appears as itself) are
   * left out, so one full disk raises one alert, not one per container.
   */
  filesystem: `${job(PROMETHEUS_JOBS.node)}, fstype!~"tmpfs|ramfs|squashfs|iso9660|overlay"`,
  /** Block devices that are real disks or their RAID/LVM volumes (node-mixin's list), not loop or zram devices. */
  disk: `${job(PROMETHEUS_JOBS.node)}, device=~"(/dev/)?(mmcblk.p.+|nvme.+|rbd.+|sd.+|vd.+|xvd.+|dm-.+|md.+|dasd.+)"`,
  /** Network interfaces that carry the host's traffic: no loopback, container veths, bridges or shaping devices. */
  nic: `${job(PROMETHEUS_JOBS.node)}, device!~"lo|veth.+|docker.+|br-.+|virbr.+|cni.+|flannel.+|cali.+|ifb.+"`,
} as const;

// ── Tunables Prometheus holds: values an operator changes without regenerating anything ───────────────────────
/**
 * Capacity of network interfaces whose driver reports no link speed (`node_network_speed_bytes` absent or -1, as
 * on virtio and most cloud NICs), in Mbit/s: a recording rule in a hand-edited file next to Prometheus's
 * configuration, read by HighNetworkBandwidthUsage. Interfaces that report a speed use their own.
 */
export const LINK_CAPACITY = {
  record: 'opentruss:network_link_capacity_mbits',
  file: 'deploy/prometheus/capacity/link-capacity.rules.yml',
} as const;

// ── Thresholds of ops manual §2.1 (2.1.1 系统指标, 2.1.2 应用指标), transcribed once ──────────────────────────────────
// Alerts, dashboards' amber/red lines, the alert table (docs/alerts.md) and the runbooks all read them from here.
export interface Threshold {
  key: ThresholdKey;
  /** The metric's name as the manual's table writes it (zh) and in English. */
  metric: Bilingual;
  source: ManualSource;
  unit: ValueUnit;
  /** Upper end of the normal range (正常范围 "< x"): the dashboards' amber line. */
  normalBelow: number;
  /** The alert threshold (告警阈值 "> x"): the dashboards' red line and the rule. */
  alertAbove: number;
  /** How long the value must stay above the threshold (说明 "持续 n 分钟"); `null` where the manual says "-". */
  sustained: PromDuration | null;
}

export const THRESHOLDS = {
  cpu: {
    key: 'cpu',
    metric: { zh: 'CPU 使用率', en: 'CPU usage' },
    source: '2.1.1',
    unit: 'percent',
    normalBelow: 70,
    alertAbove: 85,
    sustained: '5m',
  },
  memory: {
    key: 'memory',
    metric: { zh: '内存使用率', en: 'Memory usage' },
    source: '2.1.1',
    unit: 'percent',
    normalBelow: 80,
    alertAbove: 90,
    sustained: '5m',
  },
  disk: {
    key: 'disk',
    metric: { zh: '磁盘使用率', en: 'Disk usage' },
    source: '2.1.1',
    unit: 'percent',
    normalBelow: 80,
    alertAbove: 90,
    sustained: null,
  },
  diskIo: {
    key: 'diskIo',
    metric: { zh: '磁盘 I/O', en: 'Disk I/O utilisation' },
    source: '2.1.1',
    unit: 'percent',
    normalBelow: 80,
    alertAbove: 90,
    sustained: '5m',
  },
  network: {
    key: 'network',
    metric: { zh: '网络带宽', en: 'Network bandwidth utilisation' },
    source: '2.1.1',
    unit: 'percent',
    normalBelow: 80,
    alertAbove: 90,
    sustained: '5m',
  },
  apiP95: {
    key: 'apiP95',
    metric: { zh: 'API 响应时间 (P95)', en: 'API response time (P95)' },
    source: '2.1.2',
    unit: 'seconds',
    normalBelow: 0.2,
    alertAbove: 0.5,
    sustained: '5m',
  },
  apiErrorRate: {
    key: 'apiErrorRate',
    metric: { zh: 'API 错误率', en: 'API error rate' },
    source: '2.1.2',
    unit: 'percent',
    normalBelow: 1,
    alertAbove: 5,
    sustained: '5m',
  },
  dbQueryTime: {
    key: 'dbQueryTime',
    metric: { zh: '数据库查询时间', en: 'Database query time' },
    source: '2.1.2',
    unit: 'seconds',
    normalBelow: 0.1,
    alertAbove: 0.5,
    sustained: '5m',
  },
  activeConnections: {
    key: 'activeConnections',
    metric: { zh: '活跃连接数', en: 'Active connections' },
    source: '2.1.2',
    unit: 'count',
    normalBelow: 1000,
    alertAbove: 2000,
    sustained: null,
  },
} as const satisfies Record<ThresholdKey, Threshold>;

export const THRESHOLD_LIST: readonly Threshold[] = Object.values(THRESHOLDS);

// ── Memgraph's own memory (§8 capacity) ──────────────────────────────────────────────────────────────────────────
/**
 * MemgraphMemoryNearLimit: the memory Memgraph tracks as a share of its memory limit — the figure its limit is
 * enforced on: at 100% every allocation fails and queries end with "Memory limit exceeded" (src/utils/memory_tracker.cpp
 * at v3.12.0). Manual §8 gives no figure, so the §2.1.1 memory row is applied to Memgraph's own budget: amber from
 * 80%, alert above 90% for 5 minutes — 2–3 of the business exporter's 2-minute collections, so one large query's
 * transient allocation does not warn. The divisor is the smaller of the limit and the host's MemTotal (Memgraph's
 * default limit is 90% of MemTotal without swap, src/flags/memory_limit.cpp; a limit set above the host's RAM is
 * never reached), or the host's alone when Memgraph reports no limit.
 */
export const MEMGRAPH_MEMORY_THRESHOLDS = {
  normalBelowPercent: THRESHOLDS.memory.normalBelow,
  alertAbovePercent: THRESHOLDS.memory.alertAbove,
  sustained: THRESHOLDS.memory.sustained,
  /**
   * MemgraphStorageInfoUnreadable: the exporter could not read every figure SHOW STORAGE INFO should give, so
   * MemgraphMemoryNearLimit sees nothing (no data is OK for it). 15 minutes is 7 failed collections in a row: a
   * restart of the replica or the exporter passes unnoticed, a lasting blind spot does not.
   */
  unreadableFor: '15m',
} as const;

// ── Backup, replication and log thresholds ───────────────────────────────────────────────────────────────────
/** Backup freshness, in hours: a daily job plus 2 h of slack; an hourly job plus 1 h. */
export const BACKUP_THRESHOLDS = {
  fullHours: 26,
  anyBackupHours: 2,
  verificationHours: 26,
} as const;

export const LOG_THRESHOLDS = {
  /** BackendErrorLogBurst: ERROR/CRITICAL lines of the OpenTruss backend per 5 minutes. */
  backendErrorLinesPer5m: 10,
} as const;

// ── Business thresholds ─────────────────────────────────────────────────────────────────────────────────────────
// The ops manual lists the business metrics (§2.1.3: lots by status, elements by status, activity, division
// acceptance progress) but gives no numbers, so these defaults are ours, chosen for a construction-quality team;
// each can be changed at generation time with its environment variable.
export interface BusinessThresholds {
  /** ApprovalBacklogAgeing: the oldest SUBMITTED lot has waited longer than this. */
  approvalBacklogHours: number;
  /** ApprovalRejectionRateHigh: share of the last 24 h's decisions (per project) that were rejections. */
  rejectionRatePercent: number;
  /** … only once a project had at least this many decisions in those 24 h (2 of 3 is no trend). */
  rejectionMinDecisions: number;
  /** AcceptanceStalled: no approval in a building for this long while its oldest waiting lot waits as long. */
  acceptanceStalledDays: number;
  /** BusinessMetricsStale: the business exporter's last successful collection is older than this. */
  staleAfterMinutes: number;
}

export const DEFAULT_BUSINESS_THRESHOLDS: BusinessThresholds = {
  // Three days: an inspection lot is normally accepted within a working day or two of submission, so a Friday
  // submission survives a weekend without an alert; longer means an approver is missing or the lot is forgotten,
  // and the next process on site is held up (下道工序不得在上道工序验收前施工).
  approvalBacklogHours: 72,
  // A third of decisions sent back: far above the few-in-ten returns of normal review, it points at a systematic
  // cause (bad AI recognition, incomplete data cleaning, a changed rule) rather than single lots.
  rejectionRatePercent: 30,
  rejectionMinDecisions: 10,
  // A week without any acceptance while lots have waited a week: nobody is approving at all.
  acceptanceStalledDays: 7,
  // The exporter collects every 2 minutes; 15 minutes is several missed collections, not one slow one.
  staleAfterMinutes: 15,
};

/** Environment variable (read at `npm run generate -w alerts`), lowest sensible value and meaning of each. */
export const BUSINESS_SETTINGS: Record<keyof BusinessThresholds, { env: string; min: number; meaning: string }> = {
  approvalBacklogHours: {
    env: 'BUSINESS_APPROVAL_BACKLOG_HOURS',
    min: 1,
    meaning: 'hours a lot may await approval',
  },
  rejectionRatePercent: {
    env: 'BUSINESS_REJECTION_RATE_PERCENT',
    min: 1,
    meaning: 'rejections in % of decisions',
  },
  rejectionMinDecisions: {
    env: 'BUSINESS_REJECTION_MIN_DECISIONS',
    min: 1,
    meaning: 'decisions per project and day',
  },
  acceptanceStalledDays: {
    env: 'BUSINESS_ACCEPTANCE_STALLED_DAYS',
    min: 1,
    meaning: 'days without an approval',
  },
  staleAfterMinutes: {
    env: 'BUSINESS_METRICS_STALE_MINUTES',
    min: 5,
    meaning: 'minutes since the last collection',
  },
};

// ── Generation settings: what a deployment may change when it generates the files ─────────────────────────────
// (Grafana's address is not a setting: rule links follow it at run time, see rules/links.ts.)
export interface GenerationSettings {
  /** Thresholds of the business alerts (the ops manual sets none; see above for the defaults). */
  business: BusinessThresholds;
}

export const DEFAULT_SETTINGS: GenerationSettings = {
  business: DEFAULT_BUSINESS_THRESHOLDS,
};

/** Environment variables read at generation time (`npm run generate -w alerts`). */
export const SETTINGS_ENV = {
  business: 'BUSINESS_*',
} as const satisfies Record<keyof GenerationSettings, string>;

/**
 * Settings that moved out of generation, with where they live now: a deployment that still sets one gets told,
 * rather than a rule file silently ignoring it.
 */
const RETIRED_ENV: Record<string, string> = {
  NETWORK_LINK_CAPACITY_MBITS: `the link capacity is a Prometheus recording rule now (${LINK_CAPACITY.record} in ${LINK_CAPACITY.file}): edit it there and reload Prometheus, no regeneration needed`,
};

/** Checks settings and says exactly what is wrong, so a typo never reaches a generated file. */
export function validateSettings(settings: GenerationSettings): GenerationSettings {
  for (const key of Object.keys(BUSINESS_SETTINGS) as Array<keyof BusinessThresholds>) {
    const { env, min, meaning } = BUSINESS_SETTINGS[key];
    const value = settings.business[key];
    if (!Number.isFinite(value) || value < min) {
      throw new Error(`${env} must be a number ≥ ${min} (${meaning}), got "${value}"`);
    }
  }
  return { business: { ...settings.business } };
}

/** Settings from environment variables, defaults for what is unset or empty. */
export function settingsFromEnv(env: Record<string, string | undefined>): GenerationSettings {
  for (const [name, moved] of Object.entries(RETIRED_ENV)) {
    if (env[name]?.trim()) {
      throw new Error(`${name} is not read any more: ${moved}`);
    }
  }
  const business = { ...DEFAULT_BUSINESS_THRESHOLDS };
  for (const key of Object.keys(BUSINESS_SETTINGS) as Array<keyof BusinessThresholds>) {
    const text = env[BUSINESS_SETTINGS[key].env]?.trim();
    if (text) {
      business[key] = Number(text);
    }
  }
  return validateSettings({ business });
}

/** Everything an alert group reads: the fixed selectors and manual thresholds, plus a deployment's settings. */
export interface AlertsConfig extends GenerationSettings {
  selectors: typeof SELECTORS;
  thresholds: typeof THRESHOLDS;
  backup: typeof BACKUP_THRESHOLDS;
  logs: typeof LOG_THRESHOLDS;
  memgraphMemory: typeof MEMGRAPH_MEMORY_THRESHOLDS;
}

export function alertsConfig(settings: GenerationSettings = DEFAULT_SETTINGS): AlertsConfig {
  return {
    selectors: SELECTORS,
    thresholds: THRESHOLDS,
    backup: BACKUP_THRESHOLDS,
    logs: LOG_THRESHOLDS,
    memgraphMemory: MEMGRAPH_MEMORY_THRESHOLDS,
    ...validateSettings(settings),
  };
}
