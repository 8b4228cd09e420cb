/**
 * Verification outcomes counted in memory and written in batches (SPEC §7: no write per request;
 * at most a second late; flushed on shutdown). Counts are pre-aggregated per minute, hour and day
 * bucket so one flush is one upsert per bucket, and a 30-day chart reads day rows, not raw events.
 */
export type UsageEvent = { tenantId: string; keyId: string; outcome: string; at: number; ip: string };

export type Granularity = "minute" | "hour" | "day";
export type UsageCount = {
  tenantId: string;
  keyId: string;
  granularity: Granularity;
  bucketStart: Date;
  outcome: string;
  count: number;
};
export type LastUsed = { tenantId: string; keyId: string; at: Date; ip: string };
export type UsageBatch = { counts: UsageCount[]; lastUsed: LastUsed[] };

const SIZES: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export function bucketStart(at: number, granularity: Granularity): number {
  return at - (at % SIZES[granularity]);
}

export class UsageBuffer {
  #counts = new Map<string, UsageCount>();
  #lastUsed = new Map<string, LastUsed>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(private readonly write: (batch: UsageBatch) => Promise<void>) {}

  record(event: UsageEvent): void {
    for (const granularity of ["minute", "hour", "day"] as const) {
      const start = bucketStart(event.at, granularity);
      const id = `${granularity}|${start}|${event.keyId}|${event.outcome}`;
      const existing = this.#counts.get(id);
      if (existing) existing.count++;
      else {
        this.#counts.set(id, {
          tenantId: event.tenantId,
          keyId: event.keyId,
          granularity,
          bucketStart: new Date(start),
          outcome: event.outcome,
          count: 1,
        });
      }
    }
    // Last-used means "someone holding this key used it": a failure (bad signature, refused IP…)
    // can be caused by anyone who knows a key id, so it counts above but moves nothing here.
    if (event.outcome !== "VALID") return;
    const previous = this.#lastUsed.get(event.keyId);
    if (!previous || previous.at.getTime() <= event.at) {
      this.#lastUsed.set(event.keyId, {
        tenantId: event.tenantId,
        keyId: event.keyId,
        at: new Date(event.at),
        ip: event.ip,
      });
    }
  }

  get pending(): number {
    return this.#counts.size;
  }

  /** Writes what has been counted so far. Flushes never overlap; a failed batch is merged back. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (this.#counts.size === 0 && this.#lastUsed.size === 0) return;
      const batch = { counts: [...this.#counts.values()], lastUsed: [...this.#lastUsed.values()] };
      this.#counts = new Map();
      this.#lastUsed = new Map();
      try {
        await this.write(batch);
      } catch (error) {
        this.#restore(batch);
        throw error;
      }
    });
    return this.#flushing;
  }

  #restore(batch: UsageBatch): void {
    for (const count of batch.counts) {
      const id = `${count.granularity}|${count.bucketStart.getTime()}|${count.keyId}|${count.outcome}`;
      const existing = this.#counts.get(id);
      if (existing) existing.count += count.count;
      else this.#counts.set(id, count);
    }
    for (const used of batch.lastUsed) {
      const current = this.#lastUsed.get(used.keyId);
      if (!current || current.at < used.at) this.#lastUsed.set(used.keyId, used);
    }
  }

  start(intervalMs: number, onError: (error: unknown) => void): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.flush().catch(onError), intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and writes the rest (graceful shutdown). */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }
}
