// The bench's command line: --record files the run as a recorded run with its --note; a note alone is refused.
import { parseOptions, UsageError } from '../src/options';

describe('bench options', () => {
  it('record a run with its note, and record nothing by default', () => {
    expect(parseOptions(['--only', '7', '--record', '--note', 'after the shared core'], {}).record).toEqual({ note: 'after the shared core' });
    expect(parseOptions(['--record'], {}).record).toEqual({ note: '' });
    expect(parseOptions(['--profile', 'quick'], {}).record).toBeUndefined();
  });

  it('refuse a note without --record, saying why', () => {
    expect(() => parseOptions(['--note', 'lost'], {})).toThrow(UsageError);
    expect(() => parseOptions(['--note', 'lost'], {})).toThrow('--note goes with --record (the note is part of the recorded run)');
  });
});
