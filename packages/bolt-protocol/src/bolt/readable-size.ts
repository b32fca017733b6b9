// Memgraph's sizes as text: `utils::GetReadableSize` (src/utils/readable_size.cpp at v3.12.0), which SHOW STORAGE
// INFO and the memory-limit errors print. Base 1024, units B, KiB, MiB, GiB, TiB (nothing larger: 2048 TiB stays
// "2048.00TiB"); whole bytes below 1 KiB ("{:.0f}"), two decimals above ("{:.2f}", which fmt rounds half to even
// on an exact tie, as printf does).

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;
const BASE = 1024;

/** Rounds to two decimals as fmt's "{:.2f}" does: to nearest, an exact tie (x.xx5 in binary) to the even digit. */
function twoDecimals(value: number): string {
  // An exact tie at the third decimal is a multiple of 1/8 with an odd numerator (1.125, 1.375 …): only there does
  // JS toFixed (ties away from zero) differ from fmt.
  const eighths = value * 8;
  if (Number.isInteger(eighths) && eighths % 2 === 1) {
    const floor = Math.floor(value * 100);
    return ((floor % 2 === 0 ? floor : floor + 1) / 100).toFixed(2);
  }
  return value.toFixed(2);
}

/** A size in bytes as Memgraph prints it: `512B`, `1.50KiB`, `2.00GiB`. */
export function readableSize(bytes: number): string {
  let size = bytes;
  let i = 0;
  for (; i + 1 < UNITS.length && size >= BASE; i++) {
    size /= BASE;
  }
  return i === 0 ? `${size.toFixed(0)}${UNITS[i]}` : `${twoDecimals(size)}${UNITS[i]}`;
}

const READABLE = /^(\d+(?:\.\d{2})?)(B|KiB|MiB|GiB|TiB)$/;

/**
 * Bytes from text `readableSize` (Memgraph's GetReadableSize) printed; `undefined` for any other text (e.g. Memgraph's
 * "unlimited"). Exact below 1 KiB; above, Memgraph rounded to 1/100 of the unit, so the value read back is within
 * 0.5 % (at 1.00 of a unit; less for larger figures) of what Memgraph measured.
 */
export function parseReadableSize(text: string): number | undefined {
  const match = READABLE.exec(text);
  if (!match) {
    return undefined;
  }
  const unit = UNITS.indexOf(match[2] as (typeof UNITS)[number]);
  // Bytes are printed without decimals, every larger unit with exactly two.
  if ((unit === 0) !== !match[1].includes('.')) {
    return undefined;
  }
  return Math.round(Number(match[1]) * BASE ** unit);
}
