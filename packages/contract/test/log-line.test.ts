import { LOG_LEVELS, formatLogLine, jsonLineLogger, stdStreamsWriter } from '../src';

describe('the services’ log line', () => {
  const now = new Date('2026-12-07T22:31:05.123Z');

  it('is one JSON object with time, level, service and msg, extra fields kept', () => {
    const line = formatLogLine('bolt-gateway', 'warning', 'query refused', { connection: 7 }, now);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      time: '2026-12-07T22:31:05.123Z',
      level: 'warning',
      service: 'bolt-gateway',
      msg: 'query refused',
      connection: 7,
    });
  });

  it('never lets a field override the fixed keys', () => {
    const parsed = JSON.parse(formatLogLine('demo-data', 'info', 'loaded', { level: 'critical', msg: 'x', time: 'y' }, now));
    expect(parsed).toMatchObject({ level: 'info', msg: 'loaded', time: now.toISOString() });
  });

  it('keeps a message with newlines on one line', () => {
    expect(formatLogLine('demo-data', 'error', 'a\nb', {}, now)).not.toContain('\n');
  });

  it('levels are the manual’s five, as the Loki label spells them', () => {
    expect(LOG_LEVELS).toEqual(['debug', 'info', 'warning', 'error', 'critical']);
  });

  it('jsonLineLogger hands each line to its writer', () => {
    const lines: string[] = [];
    jsonLineLogger('business-exporter', (l) => lines.push(l))('error', 'collection failed', { seconds: 1.5 });
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', service: 'business-exporter', msg: 'collection failed', seconds: 1.5 });
  });

  it('stdStreamsWriter sends errors and worse to stderr, the rest to stdout, each with a newline', () => {
    const out: string[] = [];
    const err: string[] = [];
    const write = stdStreamsWriter({ write: (t: string) => out.push(t) }, { write: (t: string) => err.push(t) });
    for (const level of LOG_LEVELS) {
      write(level, level);
    }
    expect(out).toEqual(['debug\n', 'info\n', 'warning\n']);
    expect(err).toEqual(['error\n', 'critical\n']);
  });
});
