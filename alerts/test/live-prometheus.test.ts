// Live check: a real Prometheus (/usr/bin/prometheus) scrapes a real node-exporter (/usr/bin/prometheus-node-exporter)
// on this machine, plus a stand-in for the backend's /metrics, and loads the generated rule file. Every alert's
// expression must evaluate through the HTTP API without error and return series, and every rule must evaluate
// cleanly inside Prometheus. Ports are chosen by the OS; processes and data are removed afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { PROMETHEUS_JOBS } from "@opentruss/contract";
import {
  freePort,
  startProcess,
  startPrometheus,
  waitFor,
  type LocalPrometheus,
  type PrometheusSample as Sample,
  type RunningProcess,
} from "@opentruss/tooling/testing";
import { ALERTS as ALL_ALERTS, LINK_CAPACITY, isPrometheusAlert, type AlertDefinition } from "../src";
import { PROMETHEUS_RULES_FILE } from "../src/generate/outputs";
import { alertExpression } from "../src/rules";
import { startBackendExposition } from "./support/backend-exposition";
import {
  grafanaInstanceState,
  type GrafanaRuleForEvaluation,
} from "./support/grafana-evaluation";
import { readRepoFile, readRepoYaml, repoPath } from "./support/repo";

/** Prometheus evaluates the PromQL alerts only (the log alerts run on Loki, in Grafana). */
const ALERTS = ALL_ALERTS.filter(isPrometheusAlert);

// Start-up waits are bounded at 30 s each (Prometheus ready, three scrapes), so the hooks need more than the default.
jest.setTimeout(90_000);

let workDir: string;
let prometheus: LocalPrometheus | undefined;
let nodeExporter: RunningProcess | undefined;
let backend: Awaited<ReturnType<typeof startBackendExposition>> | undefined;

const query = (expr: string): Promise<Sample[]> => prometheus!.query(expr);

/** The rule file as generated, with every group evaluated each second so rules run during the test. */
function fastRuleFile(): string {
  const rules = parse(readRepoFile(PROMETHEUS_RULES_FILE)) as {
    groups: Array<{ interval?: string }>;
  };
  rules.groups.forEach((group) => (group.interval = "1s"));
  return stringify(rules, { lineWidth: 0 });
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(
    path.join(os.tmpdir(), "opentruss-live-prometheus-"),
  );
  const nodeExporterPort = await freePort();
  backend = await startBackendExposition();
  nodeExporter = startProcess(
    "prometheus-node-exporter",
    "/usr/bin/prometheus-node-exporter",
    [`--web.listen-address=127.0.0.1:${nodeExporterPort}`],
  );
  const ruleFile = path.join(workDir, "rules.yml");
  fs.writeFileSync(ruleFile, fastRuleFile());
  prometheus = await startPrometheus({
    // The operator's link-capacity rule, as deploy/prometheus/prometheus.yml loads it (virtual NICs report no speed).
    ruleFiles: [ruleFile, repoPath(LINK_CAPACITY.file)],
    scrapeConfigs: [
      {
        job_name: PROMETHEUS_JOBS.node,
        static_configs: [{ targets: [`127.0.0.1:${nodeExporterPort}`] }],
      },
      {
        job_name: PROMETHEUS_JOBS.backend,
        static_configs: [{ targets: [`127.0.0.1:${backend.port}`] }],
      },
    ],
  });
  // rate(), deriv() and predict need at least two samples of each target.
  await waitFor(
    async () => {
      const scrapes = await query("sum by (job) (count_over_time(up[1m]))");
      // The business exporter's job is exercised with the real exporter in deploy/business-exporter's tests.
      const ok = [PROMETHEUS_JOBS.node, PROMETHEUS_JOBS.backend]
        .every((job) =>
          scrapes.some((s) => s.metric.job === job && Number(s.value[1]) >= 3),
        );
      return ok ? true : undefined;
    },
    30_000,
    () =>
      "three successful scrapes of node-exporter and the backend\n" +
      [prometheus!.process, nodeExporter!]
        .map((p) => `--- ${p.name} ---\n${p.output()}`)
        .join("\n"),
  );
});

afterAll(async () => {
  await prometheus?.stop();
  await nodeExporter?.stop();
  await backend?.close();
  if (workDir) {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});

/** Sample values as numbers; Prometheus writes infinities as "+Inf"/"-Inf", which Number() does not read. */
const values = (samples: Sample[]) =>
  samples.map(
    (s) =>
      ({ "+Inf": Infinity, "-Inf": -Infinity })[s.value[1]] ??
      Number(s.value[1]),
  );
const systemAlerts = ALERTS.filter((a) => a.component === "system");
const grafanaRules = readRepoYaml<{
  groups: Array<{ rules: GrafanaRuleForEvaluation[] }>;
}>("provisioning/alerting/rules.yaml").groups.flatMap((g) => g.rules);
const grafanaRule = (name: string) =>
  grafanaRules.find((r) => r.title === name)!;
const backendAlerts = ALERTS.filter((a) => a.component !== "system");

describe("live Prometheus with a real node-exporter", () => {
  it("scrapes node-exporter and the backend under the contract job names", async () => {
    const up = await query("up");
    expect(up.map((s) => [s.metric.job, s.value[1]]).sort()).toEqual(
      [
        [PROMETHEUS_JOBS.node, "1"],
        [PROMETHEUS_JOBS.backend, "1"],
      ].sort(),
    );
  });

  it("covers every alert on node-exporter metrics", () => {
    // NodeExporterDown reads node-exporter's `up`, not its metrics; MemgraphMemoryNearLimit reads the host's
    // MemTotal only as a bound of the business exporter's Memgraph figures (its promtool scenarios cover it).
    const onNodeExporter = ALERTS.filter(
      (a) =>
        a.expr.includes(`job="${PROMETHEUS_JOBS.node}"`) &&
        a.group !== "stackHealth" &&
        a.group !== "capacity",
    );
    expect(systemAlerts).toEqual(onNodeExporter);
    expect(systemAlerts.length).toBeGreaterThanOrEqual(7);
  });

  it.each(systemAlerts.map((a) => [a.name, a] as const))(
    "%s: its expression returns numeric series from this host, and the rule expression evaluates",
    async (_name, alert: AlertDefinition) => {
      const samples = await query(alert.expr);
      expect(samples.length).toBeGreaterThan(0);
      for (const value of values(samples)) {
        expect(Number.isNaN(value)).toBe(false);
        // Only "time until full" may be +Inf (a filesystem that is not shrinking never fills).
        expect(
          Number.isFinite(value) ||
            (alert.name === "DiskWillFillIn24h" && value === Infinity),
        ).toBe(true);
      }
      if (
        ["HighCPUUsage", "HighMemoryUsage", "HighDiskUsage"].includes(
          alert.name,
        )
      ) {
        values(samples).forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
        values(samples).forEach((v) => expect(v).toBeLessThanOrEqual(100));
      }
      // The full rule expression (with its threshold) evaluates too; whether it returns anything depends on the host.
      expect(Array.isArray(await query(alertExpression(alert)))).toBe(true);
    },
  );

  it.each(systemAlerts.map((a) => [a.name, a] as const))(
    "%s: Grafana turns none of this host's series into NoData (a DatasourceNoData notification)",
    async (_name, alert: AlertDefinition) => {
      const rule = grafanaRule(alert.name);
      const states = values(await query(alert.expr)).map((value) => ({
        value,
        state: grafanaInstanceState(rule, value),
      }));
      expect(states.length).toBeGreaterThan(0);
      // Whether a finite value is above its threshold depends on this host's load; a value Grafana drops
      // (NaN, ±Inf) means "no problem" for every alert here and must read Normal.
      expect(
        states.filter((s) => s.state === "NoData" || !Number.isFinite(s.value)),
      ).toEqual(
        states
          .filter((s) => !Number.isFinite(s.value))
          .map((s) => ({ value: s.value, state: "Normal" })),
      );
    },
  );

  it.each([
    // 4 of 100 requests fail; P95 of requests observed at 80 ms lands in the (75 ms, 100 ms] bucket.
    ["HighAPIErrorRate", 4],
    ["HighAPILatency", 0.075 + 0.025 * 0.95],
    // Counters doubled as the backend doubles them: 2 of 100 queries fail either way.
    ["MemgraphQueryErrors", 2],
    ["DatabaseSlowQuery", 0.01 + 0.015 * 0.95],
    ["OpenTrussBackendDown", 1],
  ] as const)(
    "%s evaluates the scraped backend metrics to %s",
    async (name, expected) => {
      const alert = backendAlerts.find((a) => a.name === name)!;
      const samples = await query(alert.expr);
      expect(samples).toHaveLength(1);
      expect(values(samples)[0]).toBeCloseTo(expected, 6);
      // All below their thresholds: no series from the rule expression.
      expect(await query(alertExpression(alert))).toHaveLength(0);
    },
  );

  it("evaluates every rule of the generated rule file without error", async () => {
    const rules = await waitFor(
      async () => {
        const response = await fetch(`${prometheus!.url}/api/v1/rules`);
        const body = (await response.json()) as {
          data: {
            groups: Array<{
              rules: Array<{
                name: string;
                type: string;
                health: string;
                lastError?: string;
              }>;
            }>;
          };
        };
        // The alerts, plus the operator's link-capacity recording rule they read.
        const all = body.data.groups.flatMap((g) => g.rules);
        return all.length === ALERTS.length + 1 &&
          all.every((r) => r.health !== "unknown")
          ? all
          : undefined;
      },
      20_000,
      () => "every rule to be evaluated once",
    );
    const byName = (a: { name: string }, b: { name: string }) =>
      a.name.localeCompare(b.name);
    expect(
      rules
        .map((r) => ({
          name: r.name,
          health: r.health,
          lastError: r.lastError ?? "",
        }))
        .sort(byName),
    ).toEqual(
      [...ALERTS.map((a) => a.name), LINK_CAPACITY.record]
        .map((name) => ({ name, health: "ok", lastError: "" }))
        .sort(byName),
    );
  });
});
