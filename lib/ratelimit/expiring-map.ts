export interface ExpiringMapOptions {
  /** Hard cap on entries; default 500 000 (tens of MB). */
  maxEntries?: number;
  /** How often expired entries are swept; default 60 s, 0 disables the timer (tests). */
  sweepIntervalMs?: number;
}

const DEFAULT_MAX_ENTRIES = 500_000;
const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

/**
 * A string → number map where the number is also the entry's expiry, in whatever unit the owner
 * uses (µs for rate-limit TATs, ms for replay records); `now` is given in that same unit.
 *
 * Memory stays bounded three ways: expired entries are dropped when read, a timer sweeps the rest,
 * and at `maxEntries` the oldest-written entries are evicted in one batch. Eviction forgets live
 * state — a flood of distinct keys could reset someone's counter — but the alternative is a
 * process that runs out of memory under the same flood. Re-writing a key moves it to the back, so
 * busy keys (a tenant's limiter) are the last to go.
 */
export class ExpiringMap {
  readonly #entries = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #timer: ReturnType<typeof setInterval> | undefined;

  constructor(unitsPerMs: number, options: ExpiringMapOptions = {}) {
    this.#maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    const interval = options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
    if (interval > 0) {
      this.#timer = setInterval(() => this.sweep(Date.now() * unitsPerMs), interval);
      // A rate limiter must never be what keeps a finished process (or test worker) alive.
      this.#timer.unref();
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The live value for `key`, or undefined if absent or expired (and then dropped). */
  get(key: string, now: number): number | undefined {
    const value = this.#entries.get(key);
    if (value === undefined || value > now) return value;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, value: number, now: number): void {
    // delete-then-set moves the key to the back of the insertion order used for eviction.
    if (!this.#entries.delete(key) && this.#entries.size >= this.#maxEntries) this.#makeRoom(now);
    this.#entries.set(key, value);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Drops every expired entry; returns how many went. */
  sweep(now: number): number {
    let removed = 0;
    for (const [key, value] of this.#entries) {
      if (value <= now) {
        this.#entries.delete(key);
        removed++;
      }
    }
    return removed;
  }

  /** Drops up to `count` of the oldest-written entries, live or not; returns how many went. */
  evictOldest(count: number): number {
    let removed = 0;
    for (const key of this.#entries.keys()) {
      if (removed >= count) break;
      this.#entries.delete(key);
      removed++;
    }
    return removed;
  }

  close(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
  }

  #makeRoom(now: number): void {
    this.sweep(now);
    // Always leave a tenth of the capacity free, so the next inserts need no scan at all and the
    // cost stays amortised O(1) even when the sweep finds almost nothing expired.
    let excess = this.#entries.size - (this.#maxEntries - Math.ceil(this.#maxEntries / 10));
    for (const key of this.#entries.keys()) {
      if (excess-- <= 0) break;
      this.#entries.delete(key);
    }
  }
}
