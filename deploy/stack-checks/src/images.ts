/**
 * True when an image reference names an exact release: a tag with a version number (or a digest), never
 * `latest`, never a bare name (which means `latest`), never a floating major/minor like `node:22`.
 */
export function isPinnedImage(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) {
    return true;
  }
  const tag = image.slice(image.lastIndexOf('/') + 1).split(':')[1];
  return tag !== undefined && /^v?\d+\.\d+\.\d+(?:[-.][A-Za-z0-9.-]+)?$/.test(tag);
}

/** The version of an image tag: `grafana/grafana:13.1.1` → `13.1.1`, `prom/prometheus:v3.13.1` → `3.13.1`. */
export function imageVersion(image: string): string {
  const match = /:v?(\d+\.\d+\.\d+)/.exec(image);
  if (!match) {
    throw new Error(`${image} has no version tag`);
  }
  return match[1];
}
