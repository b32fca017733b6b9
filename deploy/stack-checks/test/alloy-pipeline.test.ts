// The Alloy pipeline's parsing rules (deploy/alloy/config.alloy) run on real log lines of each source. Alloy
// cannot run here, so its own regular expressions, multiline rule and line filter are read from the file and
// applied by this test (RE2 and JavaScript agree on the constructs used; a test refuses any other); its JSON paths
// on a Docker json-file record; its level template, by reading the template's mapping table. What only Alloy
// interprets (the logfmt stage, the component wiring) is checked structurally. docs/logs.md says which is which.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOG_LEVELS, formatLogLine } from '@opentruss/contract';
import { alloyString, attribute, objectKeys, parseAlloy, readText, repoPath, resolvedCompose, walkAlloy, type AlloyBlock } from '../src';

const ALLOY = parseAlloy(readText('deploy/alloy/config.alloy'));
const WALK = walkAlloy(ALLOY);
const component = (name: string, label: string) => ALLOY.find((b) => b.name === name && b.label === label)!;
const stages = (block: AlloyBlock, name: string) => block.blocks.filter((b) => b.name === name);
const str = (block: AlloyBlock, name: string) => alloyString(attribute(block, name)!);

/** A Go RE2 pattern as a JavaScript RegExp: only named groups are spelled differently in what the file uses. */
function re2(pattern: string): RegExp {
  expect(pattern).not.toMatch(/\(\?[imsU]|\\[pPQEzA]|\(\?<[=!]|\(\?=|\(\?!/);
  return new RegExp(pattern.replace(/\(\?P</g, '(?<'));
}

/** The `stage.match` of the levels component whose selector names `service`. */
function levelsMatch(selectorPart: string): AlloyBlock {
  const found = stages(component('loki.process', 'levels'), 'stage.match').find((m) => str(m, 'selector').includes(selectorPart));
  expect(found).toBeDefined();
  return found!;
}

/** The level template's table: `has $l (list "a" "b")` → output, in order, then the `else` output. */
function levelTable(): { rows: Array<{ values: string[]; level: string }>; otherwise: string } {
  const templates = stages(component('loki.process', 'levels'), 'stage.template').filter((t) => str(t, 'source') === 'level');
  expect(templates).toHaveLength(1);
  const template = str(templates[0], 'template');
  const rows = [...template.matchAll(/has \$l \(list ((?:"[^"]+" ?)+)\) \}\}(\w+)\{\{/g)].map((m) => ({
    values: [...m[1].matchAll(/"([^"]+)"/g)].map((v) => v[1]),
    level: m[2],
  }));
  const otherwise = /\{\{ else \}\}(\w+)\{\{ end \}\}$/.exec(template)![1];
  expect(template.startsWith('{{ $l := ToLower (toString .Value) }}')).toBe(true);
  return { rows, otherwise };
}

/** What the level template makes of a raw level (absent: undefined). */
function normalise(raw: string | undefined): string {
  const { rows, otherwise } = levelTable();
  const lower = (raw ?? '').toLowerCase();
  return rows.find((r) => r.values.includes(lower))?.level ?? otherwise;
}

/** Alloy's multiline stage: a new record at each line matching `firstline`; other lines join the record above. */
function multiline(lines: string[], firstline: RegExp): string[] {
  const records: string[] = [];
  for (const line of lines) {
    if (firstline.test(line) || records.length === 0) {
      records.push(line);
    } else {
      records[records.length - 1] += `\n${line}`;
    }
  }
  return records;
}

/** Levels of records as a `stage.match` of the levels component reads them, then normalised. */
function levelsOf(match: AlloyBlock, records: string[]): string[] {
  return records.map((record) => {
    let level: string | undefined;
    for (const stage of stages(match, 'stage.regex')) {
      const groups = re2(str(stage, 'expression')).exec(record)?.groups;
      level = groups?.level ?? level;
    }
    return normalise(level);
  });
}

describe('Docker json-file records (deploy/alloy: loki.process "docker")', () => {
  const docker = component('loki.process', 'docker');
  // A record as Docker's json-file driver writes it with the stack's logging options (`labels` copies these
  // container labels into `attrs`).
  const record = {
    log: 'INFO:     Started server process [1]\n',
    stream: 'stderr',
    attrs: { 'com.docker.compose.project': 'opentruss', 'com.docker.compose.service': 'backend' },
    time: '2026-12-07T22:31:05.123456789Z',
  };

  /** JMESPath as stage.json uses it here: dotted fields, quoted where a key holds dots. */
  const jmes = (value: unknown, expression: string): unknown =>
    [...expression.matchAll(/"([^"]+)"|([^."]+)/g)].reduce<unknown>(
      (node, m) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[m[1] ?? m[2]] : undefined),
      value
    );

  it('reads the line, stream, time, compose service and project with its JSON paths', () => {
    const json = stages(docker, 'stage.json')[0];
    const expressions = attribute(json, 'expressions')!;
    const extracted = Object.fromEntries(
      [...expressions.matchAll(/(\w+)\s*=\s*("(?:[^"\\]|\\.)*")/g)].map((m) => [m[1], jmes(record, alloyString(m[2]))])
    );
    expect(extracted).toEqual({
      output: record.log,
      stream: 'stderr',
      time: record.time,
      service: 'backend',
      project: 'opentruss',
      records_in_file: undefined,
    });
    expect(str(stages(docker, 'stage.timestamp')[0], 'format')).toBe('RFC3339Nano');
    expect(str(stages(docker, 'stage.output')[0], 'source')).toBe('output');
  });

  it('takes the container id from the log file path and drops Docker’s trailing newline', () => {
    const id = 'a3f1c2d4e5b6'.padEnd(64, '0');
    const fromPath = re2(str(stages(docker, 'stage.regex')[0], 'expression')).exec(`/var/lib/docker/containers/${id}/${id}-json.log`);
    expect(fromPath?.groups?.container_id).toBe(id.slice(0, 12));
    const newline = re2(str(stages(docker, 'stage.replace')[0], 'expression'));
    expect(record.log.replace(newline, '')).toBe('INFO:     Started server process [1]');
  });

  it('keeps lines of containers without compose attributes, under service="unlabelled"', () => {
    const template = stages(docker, 'stage.template').find((t) => str(t, 'source') === 'service')!;
    expect(str(template, 'template')).toBe('{{ if .Value }}{{ .Value }}{{ else }}unlabelled{{ end }}');
  });

  it('drops only the Docker copy of Memgraph’s spdlog records, counted, for the container that marks them', () => {
    const drop = stages(docker, 'stage.match').find((m) => attribute(m, 'action') !== undefined)!;
    expect(str(drop, 'action')).toBe('drop');
    expect(str(drop, 'drop_counter_reason')).toBe('memgraph_record_also_in_log_file');
    const selector = str(drop, 'selector');
    expect(selector).toMatch(/^\{records_in_file="true"\} \|= "/);
    const needle = /\|= "(.*)"$/.exec(selector)![1];
    expect('[2026-12-07 22:31:05.123] [memgraph_log] [warning] Max memory reached').toContain(needle);
    expect('Memgraph is starting…').not.toContain(needle);
    // The label comes from a container label of the stack's memgraph service, copied by the logging options.
    const memgraph = resolvedCompose().services.memgraph as { labels?: Record<string, string>; logging?: { options: Record<string, string> } };
    expect(memgraph.labels?.['org.opentruss.logs.records-in-file']).toBe('true');
    expect(memgraph.logging!.options.labels.split(',')).toContain('org.opentruss.logs.records-in-file');
    expect(attribute(stages(docker, 'stage.json')[0], 'expressions')).toContain('records_in_file = "attrs.\\"org.opentruss.logs.records-in-file\\""');
    // …and never reaches Loki.
    expect(stages(docker, 'stage.label_drop').flatMap((b) => attribute(b, 'values'))).toEqual(['["filename", "records_in_file"]']);
  });
});

describe('the OpenTruss backend (uvicorn text), real lines from uvicorn’s own formatters', () => {
  const backend = levelsMatch('{service="backend"}');
  const firstline = re2(str(stages(backend, 'stage.multiline')[0], 'firstline'));
  const python = (args: string[]) => {
    const result = spawnSync('/usr/bin/python3', [repoPath('deploy/stack-checks/testing/backend_log_lines.py'), ...args], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return result.stdout.trimEnd().split('\n');
  };

  it('as OpenTruss runs today (uvicorn’s default logging): uvicorn’s lines have levels, the app’s bare lines are “unknown”', () => {
    const records = multiline(python([]), firstline);
    expect(records[3]).toBe("Schema initialization failed: Couldn't connect to memgraph:7687");
    expect(records.find((r) => r.startsWith('Traceback'))).toMatch(/^Traceback \(most recent call last\):\n {2}File /);
    expect(levelsOf(backend, records)).toEqual(['info', 'info', 'warning', 'unknown', 'error', 'unknown', 'unknown', 'unknown']);
  });

  it('with deploy/opentruss-instrumentation/uvicorn-log-config.json every record carries its level', () => {
    const records = multiline(python([repoPath('deploy/opentruss-instrumentation/uvicorn-log-config.json')]), firstline);
    expect(levelsOf(backend, records)).toEqual(['info', 'info', 'warning', 'info', 'error', 'error', 'unknown', 'unknown', 'critical']);
    expect(records[4]).toBe("ERROR:    app.main: Schema initialization failed: Couldn't connect to memgraph:7687");
  });
});

describe('Memgraph (spdlog), from its log files and its Docker log', () => {
  const memgraph = levelsMatch('memgraph');
  const files = component('loki.process', 'memgraph_files');
  // spdlog's default pattern "[%Y-%m-%d %H:%M:%S.%e] [%n] [%l] %v" with Memgraph's logger name "memgraph_log"
  // (src/flags/logging.cpp, v3.12.0); the messages are ones Memgraph's documentation quotes.
  const lines = [
    '[2026-12-07 22:31:05.123] [memgraph_log] [info] Starting 8 Bolt workers',
    '[2026-12-07 22:31:05.124] [memgraph_log] [warning] The client didn\'t supply the principal field! Trying with ""...',
    '[2026-12-07 22:31:06.000] [memgraph_log] [error] Handling SystemRecovery, an enterprise RPC message, without license. Check your license status by running SHOW LICENSE INFO.',
    '[2026-12-07 22:31:07.500] [memgraph_log] [critical] Assertion failed in file /home/mg/memgraph/src/utils/file.cpp at line 876.',
    "Expression: 'written > 0'",
    "Message: 'while trying to write to",
    '[2026-12-07 22:31:08.000] [memgraph_log] [debug] Snapshot creation started',
    '[2026-12-07 22:31:08.001] [memgraph_log] [trace] Unique lock acquired',
  ];

  it('joins an assertion’s lines to its record and reads each level', () => {
    const records = multiline(lines, re2(str(stages(files, 'stage.multiline')[0], 'firstline')));
    expect(records).toHaveLength(6);
    expect(records[3].split('\n')).toHaveLength(3);
    expect(levelsOf(memgraph, records)).toEqual(['info', 'warning', 'error', 'critical', 'debug', 'debug']);
  });

  it('takes each record’s time from the record (UTC), and reads the daily files of --log-file', () => {
    const time = re2(str(stages(files, 'stage.regex')[0], 'expression')).exec(lines[0])?.groups?.time;
    expect(time).toBe('2026-12-07 22:31:05.123');
    const timestamp = stages(files, 'stage.timestamp')[0];
    expect([str(timestamp, 'format'), str(timestamp, 'location')]).toEqual(['2006-01-02 15:04:05.000', 'UTC']);
    const match = ALLOY.find((b) => b.name === 'local.file_match' && b.label === 'memgraph')!;
    expect(attribute(match, 'path_targets')).toBe('[{"__path__" = "/var/log/memgraph/*.log", "service" = "memgraph"}]');
    expect(resolvedCompose().services.memgraph.command).toEqual(
      expect.arrayContaining(['--log-file=/var/log/memgraph/memgraph.log', '--log-retention-days=30', '--also-log-to-stderr=true'])
    );
  });
});

describe('nginx (the tls-proxy), real lines from the nginx binary', () => {
  const nginxMatch = levelsMatch('tls-proxy');
  let lines: string[] = [];

  beforeAll(async () => {
    // A real nginx on loopback: one 200, one 404, one 502 from a closed upstream (and its error log line).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-lines-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        'daemon off; pid nginx.pid; worker_processes 1; error_log error.log warn;',
        'events {}',
        'http { access_log access.log combined; client_body_temp_path tmp; proxy_temp_path tmp; fastcgi_temp_path tmp; uwsgi_temp_path tmp; scgi_temp_path tmp;',
        `  server { listen 127.0.0.1:${port}; location = /ok { return 200 "ok"; } location / { return 404; } location /up { proxy_pass http://127.0.0.1:9; } }`,
        '}',
      ].join('\n')
    );
    fs.mkdirSync(path.join(dir, 'tmp'));
    const { spawn } = await import('node:child_process');
    const nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
    try {
      const get = async (p: string) => {
        for (let attempt = 0; attempt < 50; attempt++) {
          try {
            return (await fetch(`http://127.0.0.1:${port}${p}`)).status;
          } catch {
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        throw new Error('nginx did not answer');
      };
      expect([await get('/ok'), await get('/missing'), await get('/up')]).toEqual([200, 404, 502]);
    } finally {
      nginx.kill('SIGTERM');
      await new Promise((r) => nginx.once('exit', r));
    }
    lines = ['error.log', 'access.log'].flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').trimEnd().split('\n'));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  /** The access-log template's rule: 5xx error, 4xx warning, the rest info. */
  function accessLevel(record: string): string {
    const template = str(stages(nginxMatch, 'stage.template')[0], 'template');
    expect(template).toBe(
      '{{ if .Value }}{{ .Value }}{{ else if .status }}{{ if ge .status "500" }}error{{ else if ge .status "400" }}warning{{ else }}info{{ end }}{{ end }}'
    );
    const [errorLog, accessLog] = stages(nginxMatch, 'stage.regex').map((s) => re2(str(s, 'expression')));
    const level = errorLog.exec(record)?.groups?.level;
    const status = accessLog.exec(record)?.groups?.status;
    const raw = level ?? (status === undefined ? undefined : status >= '500' ? 'error' : status >= '400' ? 'warning' : 'info');
    return normalise(raw);
  }

  it('reads the error log’s level and the access log’s status', () => {
    const errors = lines.filter((l) => /^\d{4}\/\d{2}\/\d{2} /.test(l));
    const access = lines.filter((l) => !/^\d{4}\/\d{2}\/\d{2} /.test(l));
    expect(errors.some((l) => l.includes('connect() failed'))).toBe(true);
    expect(access).toHaveLength(3);
    expect(errors.map(accessLevel)).toEqual(errors.map(() => 'error'));
    expect(access.map(accessLevel)).toEqual(['info', 'warning', 'error']);
  });
});

describe('the stack’s Node services (@opentruss/contract JSON lines)', () => {
  it('read the level field of every level the services write', () => {
    const match = levelsMatch('bolt-gateway');
    const json = stages(match, 'stage.json')[0];
    expect(objectKeys(attribute(json, 'expressions')!)).toEqual(['level']);
    expect(alloyString(/level\s*=\s*("[^"]+")/.exec(attribute(json, 'expressions')!)![1])).toBe('level');
    for (const level of LOG_LEVELS) {
      const parsed = JSON.parse(formatLogLine('business-exporter', level, 'x')) as { level: string };
      expect(normalise(parsed.level)).toBe(level);
    }
  });

  it('covers every Node service of the compose file, and Alloy’s own JSON log', () => {
    const selector = str(levelsMatch('bolt-gateway'), 'selector');
    const names = /=~"([^"]+)"/.exec(selector)![1].split('|');
    const node = Object.entries(resolvedCompose({ profiles: ['demo', 'tls'] }).services)
      .filter(([, s]) => s.build?.dockerfile === 'deploy/demo-services/Dockerfile')
      .map(([name]) => name);
    expect(names.sort()).toEqual([...node, 'alloy'].sort());
    expect(str(ALLOY.find((b) => b.name === 'logging')!, 'format')).toBe('json');
  });
});

describe('levels', () => {
  it('map every spelling of the sources to debug | info | warning | error | critical, anything else to unknown', () => {
    const spellings: Record<string, string[]> = {
      debug: ['DEBUG', 'debug', 'dbug', 'trace'],
      info: ['INFO', 'info', 'notice'],
      warning: ['WARNING', 'warning', 'warn', 'WARN'],
      error: ['ERROR', 'error', 'eror', 'err'],
      critical: ['CRITICAL', 'critical', 'crit', 'alert', 'emerg', 'fatal', 'panic'],
      unknown: ['', 'verbose', 'INFOS'],
    };
    for (const [level, raw] of Object.entries(spellings)) {
      expect(raw.map(normalise)).toEqual(raw.map(() => level));
    }
    const labels = stages(component('loki.process', 'levels'), 'stage.labels');
    expect(labels.map((l) => objectKeys(attribute(l, 'values')!))).toEqual([['level']]);
  });

  it('read logfmt `level` of the Go services (Grafana, Prometheus, node-exporter, Loki, the blackbox exporter): Alloy’s logfmt stage, checked structurally', () => {
    const logfmt = levelsMatch('grafana');
    expect(str(logfmt, 'selector')).toBe('{service=~"grafana|prometheus|node-exporter|loki|blackbox-exporter"}');
    expect(objectKeys(attribute(stages(logfmt, 'stage.logfmt')[0], 'mapping')!)).toEqual(['level']);
  });

  it('every compose service has a level rule', () => {
    const selectors = WALK.filter(({ block, parents }) => block.name === 'stage.match' && parents.at(-1)?.label === 'levels').map(({ block }) =>
      str(block, 'selector')
    );
    const covered = (service: string) =>
      selectors.some((s) => {
        const m = /service(=~?)"([^"]+)"/.exec(s)!;
        return m[1] === '=' ? m[2] === service : new RegExp(`^(?:${m[2]})$`).test(service);
      });
    for (const service of Object.keys(resolvedCompose({ profiles: ['demo', 'tls'] }).services)) {
      expect(`${service}: ${covered(service)}`).toBe(`${service}: true`);
    }
  });
});

describe('wiring', () => {
  it('sources feed their process components, which all end in the one loki.write to $LOKI_PUSH_URL', () => {
    const forward = (block: AlloyBlock) => attribute(block, 'forward_to');
    expect(forward(component('loki.source.file', 'docker'))).toBe('[loki.process.docker.receiver]');
    expect(forward(component('loki.source.file', 'memgraph'))).toBe('[loki.process.memgraph_files.receiver]');
    expect(forward(component('loki.process', 'docker'))).toBe('[loki.process.levels.receiver]');
    expect(forward(component('loki.process', 'memgraph_files'))).toBe('[loki.process.levels.receiver]');
    expect(forward(component('loki.process', 'levels'))).toBe('[loki.write.loki.receiver]');
    const endpoint = component('loki.write', 'loki').blocks.find((b) => b.name === 'endpoint')!;
    expect(attribute(endpoint, 'url')).toBe('sys.env("LOKI_PUSH_URL")');
    expect(resolvedCompose().services.alloy.environment?.LOKI_PUSH_URL).toBe('http://loki:3100/loki/api/v1/push');
  });
});
