// The notification template is valid Go template text for Alertmanager's template engine (the engine Grafana's
// alerting builds on), checked by the real amtool; its title renders as intended.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NOTIFICATION_ENV } from '../src';
import { runCommand } from './support/commands';
import { readRepoYaml } from './support/repo';

const template = readRepoYaml<{ templates: Array<{ name: string; template: string }> }>(
  'provisioning/alerting/notification-templates.yaml'
).templates[0].template;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-amtool-'));
  fs.writeFileSync(path.join(dir, 'opentruss.tmpl'), template);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('notification template', () => {
  it('parses (amtool check-config loads it as a template file)', () => {
    fs.writeFileSync(
      path.join(dir, 'alertmanager.yml'),
      `route: { receiver: ops }\nreceivers: [{ name: ops }]\ntemplates: ['${dir}/*.tmpl']\n`
    );
    const result = runCommand('amtool', ['check-config', path.join(dir, 'alertmanager.yml')]);
    expect(result.output).toContain('1 templates');
    expect(result.status).toBe(0);
  });

  it('puts summary, description, value, runbook and panel link into every alert of a message', () => {
    const alertBlock = template.slice(
      template.indexOf('define "opentruss.alert.text"'),
      template.indexOf('define "opentruss.message"')
    );
    ['.Annotations.summary', '.Annotations.description', '.Values', '.Annotations.runbook_url', '.PanelURL'].forEach(
      (field) => expect(alertBlock).toContain(field)
    );
    const message = template.slice(template.indexOf('define "opentruss.message"'));
    expect(message.match(/template "opentruss.alert"/g)).toHaveLength(2);
  });

  it('renders a title with status, count, alert name and severity', () => {
    const alert = (instance: string) => ({
      status: 'firing',
      labels: { alertname: 'HighCPUUsage', severity: 'warning', instance },
      annotations: {},
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: '',
      fingerprint: instance,
    });
    fs.writeFileSync(
      path.join(dir, 'data.json'),
      JSON.stringify({
        receiver: 'ops',
        status: 'firing',
        alerts: [alert('a:9100'), alert('b:9100')],
        groupLabels: { alertname: 'HighCPUUsage' },
        commonLabels: { alertname: 'HighCPUUsage', severity: 'warning' },
        commonAnnotations: {},
        externalURL: 'http://localhost:3000',
      })
    );
    const result = runCommand('amtool', [
      'template',
      'render',
      `--template.glob=${path.join(dir, 'opentruss.tmpl')}`,
      `--template.data=${path.join(dir, 'data.json')}`,
      '--template.text={{ template "opentruss.title" . }}',
    ]);
    expect(result.output.trim()).toBe('[FIRING:2] HighCPUUsage (warning)');
  });

  it('has no `$`, so no provisioning interpolation can alter it', () => {
    expect(template).not.toContain('$');
  });

  it('is sent to addresses whose variables have documented defaults', () => {
    NOTIFICATION_ENV.forEach((v) => {
      expect(v.name).toMatch(/^OPENTRUSS_[A-Z_]+$/);
      expect(v.default).toMatch(/@/);
    });
  });
});
