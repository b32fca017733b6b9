/** @jest-environment node */
import { contentHash, nextRevision, parseRevisionRecord } from './revisions';

describe('dashboard revisions', () => {
  const hash = contentHash({ uid: 'd', panels: [] });

  it('hash the content without the revision', () => {
    expect(contentHash({ uid: 'd', panels: [], revision: 7 })).toBe(hash);
    expect(contentHash({ uid: 'd', panels: [{ id: 1 }] })).not.toBe(hash);
    // The order a builder sets fields in is not content.
    expect(contentHash({ panels: [], uid: 'd' })).toBe(hash);
    expect(contentHash({ uid: 'd', panels: [{ a: 1, b: 2 }] })).toBe(
      contentHash({ panels: [{ b: 2, a: 1 }], uid: 'd' })
    );
  });

  it('start at 1, stay while the content stays, and grow by one when it changes', () => {
    expect(nextRevision(undefined, hash)).toEqual({ revision: 1, contentHash: hash });
    expect(nextRevision({ revision: 4, contentHash: hash }, hash)).toEqual({ revision: 4, contentHash: hash });
    expect(nextRevision({ revision: 4, contentHash: 'f'.repeat(64) }, hash)).toEqual({
      revision: 5,
      contentHash: hash,
    });
  });

  it('refuse a malformed record with a message naming the entry', () => {
    expect(() => parseRevisionRecord('[]')).toThrow('must be a JSON object');
    expect(() => parseRevisionRecord(JSON.stringify({ 'opentruss-wall': { revision: 0, contentHash: hash } }))).toThrow(
      'Revision record entry "opentruss-wall" must be { revision: positive integer, contentHash: sha256 hex }'
    );
    expect(parseRevisionRecord(JSON.stringify({ d: { revision: 2, contentHash: hash } }))).toEqual({
      d: { revision: 2, contentHash: hash },
    });
  });
});
