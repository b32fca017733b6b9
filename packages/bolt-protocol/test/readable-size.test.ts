// Memgraph's GetReadableSize (src/utils/readable_size.cpp at v3.12.0) and its inverse. Expected texts are worked out by
// hand from the C++: base 1024, "{:.0f}" for bytes, "{:.2f}" above (fmt and printf round an exact tie to even).
import { parseReadableSize, readableSize } from '../src/memgraph-info';

describe('readableSize (Memgraph GetReadableSize)', () => {
  it.each([
    [0, '0B'],
    [1023, '1023B'],
    [1024, '1.00KiB'],
    [1536, '1.50KiB'],
    [1024 ** 2 * 300.5, '300.50MiB'],
    [1024 ** 3 * 1.234, '1.23GiB'],
    // Exact ties at the third decimal: to the even digit (JS toFixed would say 1.13 and 1.63).
    [1024 ** 2 * 1.125, '1.12MiB'],
    [1024 ** 2 * 1.375, '1.38MiB'],
    [1024 ** 2 * 1.625, '1.62MiB'],
    [1024 ** 4 * 2048, '2048.00TiB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(readableSize(bytes)).toBe(text);
  });
});

describe('parseReadableSize', () => {
  it.each([
    ['0B', 0],
    ['1023B', 1023],
    ['1.50KiB', 1536],
    ['300.50MiB', 315_097_088],
    ['1.23GiB', 1_320_702_444],
    ['2048.00TiB', 2048 * 1024 ** 4],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseReadableSize(text)).toBe(bytes);
  });

  it('reads back what Memgraph printed to within its rounding (half a hundredth of the unit)', () => {
    for (const bytes of [1024, 5_000, 123_456_789, 7.9 * 1024 ** 3, 3.3 * 1024 ** 4]) {
      const read = parseReadableSize(readableSize(bytes)) as number;
      const unit = 1024 ** Math.min(4, Math.floor(Math.log(bytes) / Math.log(1024)));
      expect(Math.abs(read - bytes)).toBeLessThanOrEqual(0.005 * unit + 1);
    }
  });

  it.each(['unlimited', '', '1.5GiB', '12.00B', '1.00 GiB', '1.00GB', '-1.00KiB', '1.00PiB'])(
    'refuses %j (not GetReadableSize output)',
    (text) => {
      expect(parseReadableSize(text)).toBeUndefined();
    }
  );
});
