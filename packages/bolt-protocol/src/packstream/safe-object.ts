// Maps built from untrusted keys (Bolt maps, JSON fixtures): a key named "__proto__" must stay data, which
// plain assignment would turn into a prototype change.

export function setEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function mapEntries<T>(map: Record<string, unknown>, transform: (value: unknown, key: string) => T): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [key, value] of Object.entries(map)) {
    setEntry(result, key, transform(value, key));
  }
  return result;
}
