import type { GridPos } from '@grafana/grafana-foundation-sdk/dashboard';

/** A panel's place on Grafana's 24-column grid (h in rows of 30 px). */
export function at(x: number, y: number, w: number, h: number): GridPos {
  if (x < 0 || w <= 0 || x + w > 24) {
    throw new Error(`Panel at x=${x} w=${w} does not fit the 24-column grid`);
  }
  return { x, y, w, h };
}
