import { randomUUID } from "node:crypto";
import { bucketStart, type MinuteCount } from "./buckets";
import type { LogEntry, VerificationLogBuffer } from "./verification-log-buffer";

export { bucketStart, type Granularity, type MinuteCount, type UsageCount } from "./buckets";

/**
 * Verification outcomes counted in memory and written in batches (SPEC §7: no write per request;
 * at most a second late; flushed on shutdown).
 *
 * Reliability rules (issue 8):
 * - A failed write keeps its batch, under the same id, and retries it with exponential backoff.
 *   The writer records each batch id in the same transaction as its counts, so a batch whose
 *   commit succeeded but whose reply was lost is not counted twice when retried.
 * - While a batch waits, new counts aggregate separately per minute, so memory grows with the
 *   number of (key, minute, outcome) seen, never with the number of requests.
 * - Past `maxPendingCounts` entries the oldest are dropped, counted, and reported through
 *   `onDrop`: a long outage costs the oldest usage, never the process.
 */
export type UsageEvent = { tenantId: string; keyId: string; outcome: string; at: number; ip: string };
export type LastUsed = { tenantId: string; keyId: string; at: Date; ip: string };
/** `log`: verification log entries, written in the same transaction as the counts (issue 14). */
export type UsageBatch = { id: string; counts: MinuteCount[]; lastUsed: LastUsed[]; log: LogEntry[] };
/** Last-used as held until a batch is sealed: updated in place, a Date made only once per batch. */
type PendingLastUsed = { tenantId: string; keyId: string; atMs: number; ip: string };

export type DropReport = {
  counts: number;
  verifications: number;
  lastUsed: number;
  reason: "cap" | "stopped";
};

export type UsageBufferOptions = {
  /** Entries (key × minute × outcome, plus last-used per key) held at most; default 100 000. */
  maxPendingCounts?: number;
  /** First retry delay after a failed write, doubled per failure up to `maxRetryMs`. */
  initialRetryMs?: number;
  maxRetryMs?: number;
  now?: () => number;
  newBatchId?: () => string;
  onDrop?: (report: DropReport) => void;
  /** The verification log whose entries ride along with each batch. */
  log?: VerificationLogBuffer;
};

export type UsageBufferStats = {
  /** Entries waiting to be written (the buffer's depth). */
  pending: number;
  flushes: number;
  failedFlushes: number;
  droppedVerifications: number;
  droppedLastUsed: number;
  /** Consecutive failed writes; 0 when the last write succeeded. */
  failingFor: number;
};

export class UsageBuffer {
  #counts = new Map<string, MinuteCount>();
  #lastUsed = new Map<string, PendingLastUsed>();
  /** A sealed batch whose write failed: retried as it is, before anything newer. */
  #waiting: UsageBatch | null = null;
  #chain: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #nextAttemptAt = 0;
  #stopped = false;
  readonly #stats: UsageBufferStats = {
    pending: 0,
    flushes: 0,
    failedFlushes: 0,
    droppedVerifications: 0,
    droppedLastUsed: 0,
    failingFor: 0,
  };
  readonly #max: number;
  readonly #initialRetryMs: number;
  readonly #maxRetryMs: number;
  readonly #now: () => number;
  readonly #newBatchId: () => string;
  readonly #onDrop: (report: DropReport) => void;
  readonly #log: VerificationLogBuffer | undefined;

  constructor(
    private readonly write: (batch: UsageBatch) => Promise<void>,
    options: UsageBufferOptions = {},
  ) {
    this.#max = Math.max(2, options.maxPendingCounts ?? 100_000);
    this.#initialRetryMs = options.initialRetryMs ?? 1_000;
    this.#maxRetryMs = options.maxRetryMs ?? 30_000;
    this.#now = options.now ?? Date.now;
    this.#newBatchId = options.newBatchId ?? randomUUID;
    this.#onDrop = options.onDrop ?? (() => {});
    this.#log = options.log;
  }

  record(event: UsageEvent): void {
    if (this.#stopped) {
      this.#stats.droppedVerifications++;
      this.#onDrop({ counts: 0, verifications: 1, lastUsed: 0, reason: "stopped" });
      return;
    }
    const minute = bucketStart(event.at, "minute");
    const id = `${minute}|${event.keyId}|${event.outcome}`;
    const existing = this.#counts.get(id);
    if (existing) existing.count++;
    else {
      if (this.pending >= this.#max) this.#dropOldestCounts();
      const { tenantId, keyId, outcome } = event;
      this.#counts.set(id, { tenantId, keyId, minute, outcome, count: 1 });
    }
    // Last-used means "someone holding this key used it": a failure (bad signature, refused IP…)
    // can be caused by anyone who knows a key id, so it counts above but moves nothing here.
    if (event.outcome !== "VALID") return;
    const previous = this.#lastUsed.get(event.keyId);
    if (!previous) {
      if (this.#lastUsed.size >= this.#max) this.#dropOldestLastUsed();
      const { tenantId, keyId, at, ip } = event;
      this.#lastUsed.set(keyId, { tenantId, keyId, atMs: at, ip });
    } else if (previous.atMs <= event.at) {
      previous.atMs = event.at;
      previous.ip = event.ip;
    }
  }

  /** Entries in memory: counted since the last write, plus a batch waiting for a retry. */
  get pending(): number {
    return this.#counts.size + (this.#waiting?.counts.length ?? 0);
  }

  get stats(): Readonly<UsageBufferStats> {
    this.#stats.pending = this.pending;
    return this.#stats;
  }

  /**
   * Writes everything counted so far: first a batch still waiting from a failed write, then what
   * was counted since. Rejects if this attempt failed; the next one starts afresh (flushes never
   * overlap, and a failure never sticks to later flushes).
   */
  flush(): Promise<void> {
    const attempt = this.#chain.then(() => this.#flushNow());
    this.#chain = attempt.catch(() => {});
    return attempt;
  }

  async #flushNow(): Promise<void> {
    for (let pass = 0; pass < 2; pass++) {
      if (!this.#waiting) {
        if (!this.#hasUnsealed()) return;
        this.#waiting = this.#seal();
      }
      try {
        await this.write(this.#waiting);
      } catch (error) {
        this.#stats.failedFlushes++;
        this.#stats.failingFor++;
        const delay = Math.min(this.#maxRetryMs, this.#initialRetryMs * 2 ** (this.#stats.failingFor - 1));
        // Jitter, so instances that lost the database together do not all come back in one instant.
        this.#nextAttemptAt = this.#now() + delay * (0.75 + Math.random() / 2);
        throw error;
      }
      this.#waiting = null;
      this.#stats.flushes++;
      this.#stats.failingFor = 0;
      this.#nextAttemptAt = 0;
    }
  }

  #hasUnsealed(): boolean {
    return this.#counts.size > 0 || this.#lastUsed.size > 0 || (this.#log?.pending ?? 0) > 0;
  }

  #seal(): UsageBatch {
    const batch = {
      id: this.#newBatchId(),
      counts: [...this.#counts.values()],
      lastUsed: Array.from(this.#lastUsed.values(), toLastUsed),
      log: this.#log?.drain() ?? [],
    };
    this.#counts = new Map();
    this.#lastUsed = new Map();
    return batch;
  }

  /** Drops about 1 % of the cap at a time, oldest first, so a flood past the cap stays O(1) per event. */
  #dropOldestCounts(): void {
    let toDrop = Math.max(1, Math.floor(this.#max / 100));
    let counts = 0;
    let verifications = 0;
    const waiting = this.#waiting?.counts;
    if (waiting && waiting.length > 0) {
      for (const dropped of waiting.splice(0, Math.min(toDrop, waiting.length))) {
        counts++;
        verifications += dropped.count;
      }
      toDrop -= counts;
    }
    for (const [id, count] of this.#counts) {
      if (toDrop-- <= 0) break;
      this.#counts.delete(id);
      counts++;
      verifications += count.count;
    }
    this.#stats.droppedVerifications += verifications;
    this.#onDrop({ counts, verifications, lastUsed: 0, reason: "cap" });
  }

  #dropOldestLastUsed(): void {
    const oldest = this.#lastUsed.keys().next();
    if (oldest.done) return;
    this.#lastUsed.delete(oldest.value);
    this.#stats.droppedLastUsed++;
    this.#onDrop({ counts: 0, verifications: 0, lastUsed: 1, reason: "cap" });
  }

  /** Flushes every `intervalMs`, or later while backing off after failures. */
  start(intervalMs: number, onError: (error: unknown) => void): void {
    if (this.#timer || this.#stopped) return;
    this.#timer = setInterval(() => {
      if (this.#now() < this.#nextAttemptAt) return;
      this.flush().catch(onError);
    }, intervalMs);
    this.#timer.unref();
  }

  /**
   * Graceful shutdown: stops the timer and writes the rest, retrying until `deadlineMs` has passed.
   * Counts recorded after this are dropped (and reported): nobody would write them.
   */
  async stop(deadlineMs = 5_000): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    const deadline = this.#now() + deadlineMs;
    // Loops until nothing is left: counts may still arrive while the last write is under way.
    while (this.#waiting || this.#hasUnsealed()) {
      try {
        await this.flush();
      } catch (error) {
        const wait = Math.min(500, deadline - this.#now());
        if (wait <= 0) {
          this.#giveUp();
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    this.#stopped = true;
  }

  #giveUp(): void {
    this.#stopped = true;
    const all = [...(this.#waiting?.counts ?? []), ...this.#counts.values()];
    const verifications = all.reduce((sum, count) => sum + count.count, 0);
    this.#stats.droppedVerifications += verifications;
    const lastUsed = (this.#waiting?.lastUsed.length ?? 0) + this.#lastUsed.size;
    this.#onDrop({ counts: all.length, verifications, lastUsed, reason: "stopped" });
    this.#log?.discard([...(this.#waiting?.log ?? []), ...this.#log.drain()]);
    this.#waiting = null;
    this.#counts = new Map();
    this.#lastUsed = new Map();
  }
}

function toLastUsed({ tenantId, keyId, atMs, ip }: PendingLastUsed): LastUsed {
  return { tenantId, keyId, at: new Date(atMs), ip };
}
