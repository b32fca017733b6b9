// Series "shaped like what was really scraped": the per-second growth of each backend series a real Prometheus
// scraped from the real middleware during one load phase, replayed as promtool input over minutes.
import { runTool, waitFor, type LocalPrometheus } from '@opentruss/tooling/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

/** Counter values by full label set (`{__name__="…",job="…",…}`). */
export type Snapshot = Map<string, number>;

const seriesKey = (labels: Record<string, string>) => {
  const { __name__: name, ...rest } = labels;
  const inside = Object.keys(rest)
    .sort()
    .map((k) => `${k}=${JSON.stringify(rest[k])}`)
    .join(',');
  return `${name}{${inside}}`;
};

/** Waits until Prometheus has scraped `target` after now, so a snapshot holds everything sent so far. */
export async function scrapedSinceNow(prometheus: LocalPrometheus, job: string): Promise<void> {
  const now = Date.now() / 1000;
  await waitFor(
    async () => ((await prometheus.query(`timestamp(up{job="${job}"}) > ${now}`)).length > 0 ? true : undefined),
    15_000,
    () => `a scrape of job ${job} after ${now}`
  );
}

/** The latest scraped value of every series matching `selector`. */
export async function snapshot(prometheus: LocalPrometheus, selector: string): Promise<Snapshot> {
  const samples = await prometheus.query(selector);
  return new Map(samples.map((s) => [seriesKey(s.metric), Number(s.value[1])]));
}

/** Growth per second of each series between two snapshots over `seconds`. */
export function ratePerSecond(before: Snapshot, after: Snapshot, seconds: number): Map<string, number> {
  return new Map([...after].map(([key, value]) => [key, (value - (before.get(key) ?? 0)) / seconds]));
}

export interface Phase {
  minutes: number;
  /** Per-second growth of each series (missing: not growing). */
  rates: Map<string, number>;
}

/**
 * promtool input series: one sample a minute, each series growing by 60 × its phase rate per minute. Counters start
 * high, as on a long-running backend (a counter starting at 0 would limit rate()'s extrapolation).
 */
export function inputSeries(phases: Phase[]): Array<{ series: string; values: string }> {
  const keys = [...new Set(phases.flatMap((p) => [...p.rates.keys()]))].sort();
  return keys.map((key) => {
    let value = 1_000_000;
    const values = [value];
    for (const phase of phases) {
      for (let m = 0; m < phase.minutes; m++) {
        value += 60 * (phase.rates.get(key) ?? 0);
        values.push(Number(value.toFixed(3)));
      }
    }
    return { series: key, values: values.join(' ') };
  });
}

export interface StateCheck {
  at: string;
  /** `pending`, `firing`, or `none` (no ALERTS series of the alert at all). */
  state: 'pending' | 'firing' | 'none';
}

/** `promtool test rules` with the project's rule file: the alert's state at each time. Returns promtool's output. */
export function promtoolAlertStates(
  ruleFile: string,
  alertname: string,
  series: Array<{ series: string; values: string }>,
  checks: StateCheck[],
  name: string
): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-shaped-promtool-'));
  try {
    const file = path.join(dir, 'test.yml');
    const states = `count by (alertstate) (ALERTS{alertname="${alertname}"})`;
    fs.writeFileSync(
      file,
      stringify({
        rule_files: [ruleFile],
        evaluation_interval: '1m',
        tests: [
          {
            name,
            interval: '1m',
            input_series: series,
            promql_expr_test: checks.map((c) => ({
              expr: states,
              eval_time: c.at,
              exp_samples: c.state === 'none' ? [] : [{ labels: `{alertstate="${c.state}"}`, value: 1 }],
            })),
            alert_rule_test: checks.map((c) => ({
              alertname,
              eval_time: c.at,
              // Firing alerts only; their labels and annotations are the promtool suite's business (alerts/test).
              ...(c.state === 'firing' ? {} : { exp_alerts: [] }),
            })).filter((t) => 'exp_alerts' in t),
          },
        ],
      })
    );
    const result = runTool('promtool', ['test', 'rules', file]);
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
