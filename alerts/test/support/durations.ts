// Durations as Grafana and Prometheus parse them (prometheus/common model.ParseDuration): units y w d h m s ms,
// largest first, each at most once; "0" alone is allowed.
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_SECONDS = [365 * 86400, 7 * 86400, 86400, 3600, 60, 1, 0.001];

/** Seconds in a Prometheus duration, or `undefined` if Prometheus would reject it. */
export function parsePromDuration(text: string): number | undefined {
  if (text === '0') {
    return 0;
  }
  const match = DURATION.exec(text);
  if (!text || !match) {
    return undefined;
  }
  return match.slice(1).reduce((sum, part, i) => sum + (part ? Number(part) * UNIT_SECONDS[i] : 0), 0);
}
