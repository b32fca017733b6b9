import { runbookPath, runbookUrl } from '../src';

describe('runbook links', () => {
  it('puts runbooks under the app path', () => {
    expect(runbookPath('HighCPUUsage')).toBe('/a/opentruss-app/runbooks/HighCPUUsage');
  });

  it('builds absolute URLs from the Grafana root, with or without a trailing slash', () => {
    expect(runbookUrl('HighCPUUsage')).toBe('http://localhost:3000/a/opentruss-app/runbooks/HighCPUUsage');
    expect(runbookUrl('DiskWillFillIn24h', 'https://grafana.example.com/ops/')).toBe(
      'https://grafana.example.com/ops/a/opentruss-app/runbooks/DiskWillFillIn24h'
    );
  });
});
