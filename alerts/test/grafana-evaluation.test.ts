// Healthy situations in which an alert's PromQL legitimately yields NaN or +Inf (no traffic, a filesystem that is
// not filling up). Prometheus's comparison drops those samples, so its rules stay silent; Grafana's reduce
// (`dropNN`) turns them into "no value", and the rule's `noDataState` then decides. Each case proves the value with
// the real promtool, then checks the generated Grafana rule keeps the instance Normal instead of raising a
// DatasourceNoData notification for every quiet series.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { PROMETHEUS_JOBS } from "@opentruss/contract";
import { alertByName, type AlertName } from "../src";
import { runCommand } from "./support/commands";
import {
  grafanaInstanceState,
  type GrafanaRuleForEvaluation,
} from "./support/grafana-evaluation";
import { readRepoYaml } from "./support/repo";

interface QuietCase {
  alert: AlertName;
  situation: string;
  series: Array<{ series: string; values: string }>;
  /** What the alert's expression evaluates to for that situation. */
  value: number;
}

const node = (metric: string, labels: string, values: string) => ({
  series: `${metric}{job="${PROMETHEUS_JOBS.node}",instance="host:9100",${labels}}`,
  values,
});
const backend = (metric: string, labels: string, values: string) => ({
  series: `${metric}{job="${PROMETHEUS_JOBS.backend}",instance="backend:8000",${labels}}`,
  values,
});

const CASES: QuietCase[] = [
  {
    alert: "DiskWillFillIn24h",
    situation: "a filesystem whose free space does not change",
    series: [
      node(
        "node_filesystem_avail_bytes",
        'device="/dev/vdc",fstype="ext4",mountpoint="/srv"',
        "2e10+0x90",
      ),
    ],
    value: Infinity,
  },
  {
    alert: "DiskWillFillIn24h",
    situation: "a filesystem whose free space grows",
    series: [
      node(
        "node_filesystem_avail_bytes",
        'device="/dev/vdb",fstype="xfs",mountpoint="/data"',
        "1e10+5e8x90",
      ),
    ],
    value: Infinity,
  },
  {
    alert: "HighAPIErrorRate",
    situation: "no API requests in the last 5 minutes",
    series: [
      backend(
        "opentruss_api_requests_total",
        'method="GET",endpoint="/api/v1/lots",status="200"',
        "1000+0x90",
      ),
    ],
    value: NaN,
  },
  {
    alert: "MemgraphQueryErrors",
    situation: "no Memgraph queries in the last 5 minutes",
    series: [
      backend(
        "opentruss_memgraph_queries_total",
        'query_type="MATCH",status="success"',
        "1000+0x90",
      ),
    ],
    value: NaN,
  },
  {
    alert: "HighAPILatency",
    situation: "no API requests in the last 5 minutes",
    series: [
      backend(
        "opentruss_api_request_duration_seconds_bucket",
        'le="+Inf"',
        "1000+0x90",
      ),
    ],
    value: NaN,
  },
  {
    alert: "DatabaseSlowQuery",
    situation: "no Memgraph queries in the last 5 minutes",
    series: [
      backend(
        "opentruss_memgraph_query_duration_seconds_bucket",
        'query_type="MATCH",le="+Inf"',
        "1000+0x90",
      ),
    ],
    value: NaN,
  },
];

const rules = readRepoYaml<{
  groups: Array<{ rules: GrafanaRuleForEvaluation[] }>;
}>("provisioning/alerting/rules.yaml").groups.flatMap((g) => g.rules);

let workDir: string;
beforeAll(() => {
  workDir = fs.mkdtempSync(
    path.join(os.tmpdir(), "opentruss-grafana-evaluation-"),
  );
});
afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** promtool cannot compare NaN with NaN, so "is NaN" is asserted as "one sample differs from itself". */
function expressionTest(expr: string, value: number) {
  return Number.isNaN(value)
    ? {
        expr: `count((${expr}) != (${expr}))`,
        eval_time: "7h",
        exp_samples: [{ labels: "{}", value: 1 }],
      }
    : {
        expr: `count((${expr}) == ${value > 0 ? "+Inf" : "-Inf"})`,
        eval_time: "7h",
        exp_samples: [{ labels: "{}", value: 1 }],
      };
}

describe.each(CASES.map((c) => [c.alert, c.situation, c] as const))(
  "%s, %s",
  (name, _situation, quiet) => {
    it(`evaluates to ${quiet.value} in Prometheus (promtool)`, () => {
      const file = path.join(
        workDir,
        `${name}-${CASES.indexOf(quiet)}.test.yml`,
      );
      const ruleFile = path.join(workDir, "empty.rules.yml");
      fs.writeFileSync(ruleFile, "groups: []\n");
      const test = {
        rule_files: [ruleFile],
        evaluation_interval: "1m",
        tests: [
          {
            interval: "5m",
            input_series: quiet.series,
            promql_expr_test: [
              expressionTest(alertByName(name).expr, quiet.value),
            ],
          },
        ],
      };
      fs.writeFileSync(file, stringify(test, { lineWidth: 0 }));
      const result = runCommand("promtool", ["test", "rules", file]);
      if (result.status !== 0) {
        throw new Error(
          `promtool test rules failed for ${name}:\n${result.output}`,
        );
      }
      expect(result.output).toContain("SUCCESS");
    });

    it("stays Normal in the generated Grafana rule (no DatasourceNoData, no alert)", () => {
      const rule = rules.find((r) => r.title === name)!;
      expect(grafanaInstanceState(rule, quiet.value)).toBe("Normal");
    });
  },
);

describe("the Grafana evaluation model", () => {
  // Guards the model itself, so a Normal above cannot come from a model that never says anything else.
  const rule = (
    noDataState: string,
    comparator: string,
    limit: number,
  ): GrafanaRuleForEvaluation => ({
    title: "T",
    condition: "C",
    noDataState,
    data: [
      { refId: "A", model: { refId: "A" } },
      {
        refId: "B",
        model: {
          refId: "B",
          type: "reduce",
          reducer: "last",
          settings: { mode: "dropNN" },
        },
      },
      {
        refId: "C",
        model: {
          refId: "C",
          type: "threshold",
          conditions: [{ evaluator: { type: comparator, params: [limit] } }],
        },
      },
    ],
  });

  it("maps values Grafana drops through noDataState", () => {
    expect(grafanaInstanceState(rule("NoData", "lt", 24), Infinity)).toBe(
      "NoData",
    );
    expect(grafanaInstanceState(rule("Alerting", "gt", 5), NaN)).toBe(
      "Alerting",
    );
    expect(grafanaInstanceState(rule("OK", "gt", 5), -Infinity)).toBe("Normal");
  });

  it("compares finite values with the threshold", () => {
    expect(grafanaInstanceState(rule("NoData", "lt", 24), 7.2)).toBe(
      "Alerting",
    );
    expect(grafanaInstanceState(rule("NoData", "lt", 24), 82)).toBe("Normal");
    expect(grafanaInstanceState(rule("OK", "gt", 5), 5)).toBe("Normal");
  });
});
