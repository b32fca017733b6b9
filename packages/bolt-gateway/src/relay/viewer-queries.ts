// Queries open per viewer credential, over all of its connections: the per-viewer half of the query limits (the
// per-connection half is each session's own count). Sessions take a slot when a RUN goes upstream and give it back
// when its result ends, however it ends (completed, failed, discarded, reset, timed out, connection closed).
import type { Gauge } from 'prom-client';

export class ViewerQueries {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly gauge: Gauge<'viewer'>
  ) {}

  /** Queries the viewer has open now. */
  count(viewer: string): number {
    return this.open.get(viewer) ?? 0;
  }

  /** Whether the viewer may open one more. */
  hasRoom(viewer: string): boolean {
    return this.count(viewer) < this.max;
  }

  acquire(viewer: string): void {
    this.set(viewer, this.count(viewer) + 1);
  }

  release(viewer: string): void {
    this.set(viewer, Math.max(0, this.count(viewer) - 1));
  }

  private set(viewer: string, value: number): void {
    if (value === 0) {
      this.open.delete(viewer);
    } else {
      this.open.set(viewer, value);
    }
    this.gauge.set({ viewer }, value);
  }
}
