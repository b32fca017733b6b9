import type { GraphSchema } from './graphSchema';

/** Schemas older than this are read again the next time an editor asks. */
const SCHEMA_MAX_AGE_MS = 5 * 60_000;

/**
 * One datasource's schema, read once and shared by every editor of that datasource (Grafana keeps one
 * DataSource instance per datasource, and builds a new one — with a new cache — when its settings change).
 * A failed read is not kept: the next `get()` tries again. `refresh()` reads anew whatever the age.
 */
export class SchemaCache {
  private entry?: { schema: Promise<GraphSchema>; readAt: number };
  private latest?: GraphSchema;

  constructor(
    private readonly read: () => Promise<GraphSchema>,
    private readonly maxAgeMs = SCHEMA_MAX_AGE_MS,
    private readonly now: () => number = Date.now
  ) {}

  get(): Promise<GraphSchema> {
    if (!this.entry || this.now() - this.entry.readAt > this.maxAgeMs) {
      return this.refresh();
    }
    return this.entry.schema;
  }

  refresh(): Promise<GraphSchema> {
    const schema = this.read();
    const entry = { schema, readAt: this.now() };
    this.entry = entry;
    schema.then(
      (value) => {
        this.latest = value;
      },
      () => {
        if (this.entry === entry) {
          this.entry = undefined;
        }
      }
    );
    return schema;
  }

  /** The last schema read successfully, if any (synchronous, for markers computed while a read is under way). */
  peek(): GraphSchema | undefined {
    return this.latest;
  }
}
