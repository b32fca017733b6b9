import { runbookPath } from '../src';

describe('runbook links', () => {
  it('puts runbooks under the app path', () => {
    expect(runbookPath('HighCPUUsage')).toBe('/a/opentruss-app/runbooks/HighCPUUsage');
  });

  it('encodes the name as one path segment', () => {
    expect(runbookPath('a/b c')).toBe('/a/opentruss-app/runbooks/a%2Fb%20c');
  });
});
