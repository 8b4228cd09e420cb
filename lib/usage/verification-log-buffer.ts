/**
 * The per-key verification log as held in memory until the next usage flush (issue 14). Recording
 * is a synchronous push (the cached-key path stays free of promises, SPEC §7); the usage buffer
 * drains these entries into the batch it writes, in the same transaction as the counts, so a
 * failed write keeps them and retries them with the counts (lib/usage/usage-buffer.ts).
 *
 * Sampling: a key's first `perKeyPerSecond` verifications in each second are all kept; past that,
 * one in `sampleOneIn` is kept with `weight` = `sampleOneIn` (it stands for the ones skipped), so a
 * flood costs a bounded number of rows and the dashboard can say the log was sampled.
 *
 * Bound: past `maxEntries` waiting entries new ones are dropped and counted (`dropped`, reported
 * through `onDrop`). A crash loses what is waiting: the log is a diagnostic aid, the usage counts
 * are the record of truth (docs/decisions.md).
 */
export type LogRoute = "whoami" | "verify";

export type LogEntry = {
  tenantId: string;
  keyId: string;
  at: number;
  outcome: string;
  ip: string;
  route: LogRoute;
  /** whoami only; truncated when written. */
  userAgent: string | null;
  /** verify only: the scopes the caller required. */
  scopes: readonly string[] | null;
  /** 1, or how many verifications this sampled entry stands for. */
  weight: number;
};

export type LogBufferOptions = {
  maxEntries: number;
  perKeyPerSecond: number;
  sampleOneIn: number;
  onDrop?: (dropped: number) => void;
};

/** At most this many (key, address) pairs are remembered per second while sampling. */
const ADDRESSES_PER_SECOND = 10_000;

export class VerificationLogBuffer {
  #entries: LogEntry[] = [];
  /** Verifications seen per key in the current second; cleared when the second changes. */
  #seen = new Map<string, number>();
  /** While sampling: the (key, address) pairs kept this second, so a new address is never sampled out. */
  #addresses = new Set<string>();
  #second = 0;
  dropped = 0;
  /** Verifications not kept because of sampling (not a loss: their weight is on a kept entry). */
  sampledOut = 0;
  readonly #options: LogBufferOptions;

  constructor(options: LogBufferOptions) {
    this.#options = { ...options, sampleOneIn: Math.max(1, options.sampleOneIn) };
  }

  /** `entry.weight` is set here. */
  record(entry: LogEntry): void {
    const second = Math.floor(entry.at / 1000);
    if (second !== this.#second) {
      this.#second = second;
      this.#seen.clear();
      this.#addresses.clear();
    }
    const seen = (this.#seen.get(entry.keyId) ?? 0) + 1;
    this.#seen.set(entry.keyId, seen);
    const { perKeyPerSecond, sampleOneIn, maxEntries } = this.#options;
    const over = seen - perKeyPerSecond;
    if (over > 0) {
      // The first entry past the rate is kept (standing for it and the next k−1), so the log shows
      // sampling from the moment it starts.
      const pair = `${entry.keyId}|${entry.ip}`;
      if ((over - 1) % sampleOneIn !== 0) {
        // An address not kept this second is kept anyway (weight 1), so the key's address list and
        // its "new" flags see every address, sampled or not (issue 14).
        if (this.#addresses.has(pair) || this.#addresses.size >= ADDRESSES_PER_SECOND) {
          this.sampledOut++;
          return;
        }
        entry.weight = 1;
      } else entry.weight = sampleOneIn;
      this.#addresses.add(pair);
    } else entry.weight = 1;
    if (this.#entries.length >= maxEntries) {
      this.dropped++;
      this.#options.onDrop?.(1);
      return;
    }
    this.#entries.push(entry);
  }

  get pending(): number {
    return this.#entries.length;
  }

  /** Hands over everything waiting (for the batch being sealed). */
  drain(): LogEntry[] {
    const entries = this.#entries;
    this.#entries = [];
    return entries;
  }

  /** Entries given up (shutdown past its deadline): counted as dropped. */
  discard(entries: readonly LogEntry[]): void {
    this.dropped += entries.length;
    if (entries.length > 0) this.#options.onDrop?.(entries.length);
  }
}
