import { afterEach, describe, expect, it, vi } from "vitest";
import { type DropReport, type UsageBatch, UsageBuffer } from "./usage-buffer";

const T0 = Date.UTC(2026, 0, 1, 10, 0, 5);
const event = (at = T0, keyId = "key_a", outcome = "VALID") => ({
  tenantId: "t1",
  keyId,
  outcome,
  at,
  ip: "192.0.2.1",
});
const total = (batches: UsageBatch[]) =>
  batches.flatMap((batch) => batch.counts).reduce((sum, count) => sum + count.count, 0);

/** A writer that fails while `failing` is set, and remembers what it accepted. */
function flakyWriter() {
  const state = { failing: false, attempts: 0, written: [] as UsageBatch[] };
  const write = async (batch: UsageBatch) => {
    state.attempts++;
    if (state.failing) throw new Error("database is away");
    state.written.push(structuredClone(batch));
  };
  return { state, write };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("UsageBuffer after a failed flush (issue 8, defect 1)", () => {
  it("writes on the next attempt once the database is back", async () => {
    const { state, write } = flakyWriter();
    const buffer = new UsageBuffer(write);
    buffer.record(event());
    state.failing = true;
    await expect(buffer.flush()).rejects.toThrow("database is away");
    state.failing = false;
    await buffer.flush();
    expect(state.written).toHaveLength(1);
    expect(total(state.written)).toBe(1);
    expect(buffer.pending).toBe(0);
    expect(buffer.stats).toMatchObject({ flushes: 1, failedFlushes: 1, failingFor: 0 });
  });

  it("retries the failed batch under the same id, and writes later counts in a batch of their own", async () => {
    const { state, write } = flakyWriter();
    const ids: string[] = [];
    const buffer = new UsageBuffer(
      async (batch) => {
        ids.push(batch.id);
        await write(batch);
      },
      { newBatchId: () => `batch-${ids.length}` },
    );
    buffer.record(event());
    state.failing = true;
    await expect(buffer.flush()).rejects.toThrow();
    await expect(buffer.flush()).rejects.toThrow();
    buffer.record(event(T0 + 1000));
    state.failing = false;
    await buffer.flush();
    expect(state.written.map((batch) => batch.id)).toEqual([ids[0], "batch-3"]);
    expect(ids[0]).toBe(ids[1]);
    expect(state.written.map((batch) => total([batch]))).toEqual([1, 1]);
  });

  it("never counts an event twice or loses one across any pattern of failures", async () => {
    const { state, write } = flakyWriter();
    const buffer = new UsageBuffer(write);
    let recorded = 0;
    for (let round = 0; round < 200; round++) {
      for (let i = 0; i < round % 7; i++) {
        buffer.record(event(T0 + round * 1000, `key_${i}`, i % 2 ? "VALID" : "RATE_LIMITED"));
        recorded++;
      }
      state.failing = (round * 7919) % 5 < 2;
      await buffer.flush().catch(() => {});
    }
    state.failing = false;
    await buffer.flush();
    expect(total(state.written)).toBe(recorded);
  });

  it("backs off while the writes keep failing, instead of trying every second", async () => {
    vi.useFakeTimers({ now: T0 });
    const { state, write } = flakyWriter();
    const buffer = new UsageBuffer(write, { initialRetryMs: 1000, maxRetryMs: 8000 });
    buffer.start(1000, () => {});
    buffer.record(event());
    state.failing = true;
    await vi.advanceTimersByTimeAsync(30_000);
    // Every second would be 30 attempts; 1, 2, 4, 8, 8, 8 s apart (± jitter) is about 7.
    expect(state.attempts).toBeGreaterThanOrEqual(4);
    expect(state.attempts).toBeLessThanOrEqual(10);
    state.failing = false;
    await vi.advanceTimersByTimeAsync(12_000);
    expect(total(state.written)).toBe(1);
    await buffer.stop();
  });
});

describe("UsageBuffer memory during a long outage", () => {
  it("holds at most the cap, dropping the oldest with a count and a report", async () => {
    const { state, write } = flakyWriter();
    const reports: DropReport[] = [];
    const buffer = new UsageBuffer(write, { maxPendingCounts: 100, onDrop: (r) => reports.push(r) });
    state.failing = true;
    let recorded = 0;
    for (let minute = 0; minute < 50; minute++) {
      for (let key = 0; key < 10; key++) {
        buffer.record(event(T0 + minute * 60_000, `key_${key}`));
        recorded++;
        expect(buffer.pending).toBeLessThanOrEqual(100);
      }
      await buffer.flush().catch(() => {});
    }
    expect(buffer.stats.droppedVerifications).toBeGreaterThan(0);
    expect(reports.reduce((sum, r) => sum + r.verifications, 0)).toBe(buffer.stats.droppedVerifications);
    state.failing = false;
    await buffer.flush();
    expect(total(state.written) + buffer.stats.droppedVerifications).toBe(recorded);
    // The oldest went: what was written is the most recent minutes.
    const minutes = state.written.flatMap((batch) => batch.counts.map((count) => count.minute));
    expect(Math.min(...minutes)).toBeGreaterThan(T0);
    expect(Math.max(...minutes)).toBe(T0 + 49 * 60_000 - ((T0 + 49 * 60_000) % 60_000));
  });

  it("aggregates repeated events per key, minute and outcome (memory follows keys, not requests)", () => {
    const buffer = new UsageBuffer(async () => {});
    for (let i = 0; i < 10_000; i++) buffer.record(event(T0 + (i % 50) * 1000));
    expect(buffer.pending).toBe(1);
  });
});

describe("UsageBuffer.stop", () => {
  it("retries until it has written everything, then refuses (and reports) later counts", async () => {
    const { state, write } = flakyWriter();
    const reports: DropReport[] = [];
    const buffer = new UsageBuffer(write, { onDrop: (r) => reports.push(r) });
    buffer.record(event());
    state.failing = true;
    setTimeout(() => {
      state.failing = false;
    }, 300);
    await buffer.stop(5_000);
    expect(total(state.written)).toBe(1);
    buffer.record(event());
    expect(reports).toEqual([{ counts: 0, verifications: 1, lastUsed: 0, reason: "stopped" }]);
    expect(buffer.pending).toBe(0);
  });

  it("gives up at the deadline and reports what is lost", async () => {
    const { state, write } = flakyWriter();
    const reports: DropReport[] = [];
    const buffer = new UsageBuffer(write, { onDrop: (r) => reports.push(r) });
    buffer.record(event());
    buffer.record(event());
    state.failing = true;
    await expect(buffer.stop(200)).rejects.toThrow("database is away");
    expect(reports).toEqual([{ counts: 1, verifications: 2, lastUsed: 1, reason: "stopped" }]);
  });
});

describe("UsageBuffer last-used", () => {
  it("keeps each key's latest success (time and address), whatever order successes arrive in", async () => {
    const { state, write } = flakyWriter();
    const buffer = new UsageBuffer(write);
    const at = (ms: number, ip: string, outcome = "VALID") => ({ ...event(T0 + ms, "key_a", outcome), ip });
    buffer.record(at(2_000, "192.0.2.2"));
    buffer.record(at(1_000, "192.0.2.1")); // older, arrives late: does not move last-used back
    buffer.record(at(3_000, "192.0.2.3"));
    buffer.record(at(4_000, "198.51.100.9", "IP_NOT_ALLOWED")); // a failure never moves it
    await buffer.flush();
    expect(state.written[0]!.lastUsed).toEqual([
      { tenantId: "t1", keyId: "key_a", at: new Date(T0 + 3_000), ip: "192.0.2.3" },
    ]);
  });

  it("leaves a sealed batch as it was when later successes arrive during its write", async () => {
    const batches: UsageBatch[] = [];
    let release!: () => void;
    const buffer = new UsageBuffer(async (batch) => {
      batches.push(batch);
      if (batches.length > 1) return;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    buffer.record({ ...event(T0), ip: "192.0.2.1" });
    const writing = buffer.flush();
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    buffer.record({ ...event(T0 + 5_000), ip: "192.0.2.5" });
    expect(batches[0]!.lastUsed).toEqual([
      { tenantId: "t1", keyId: "key_a", at: new Date(T0), ip: "192.0.2.1" },
    ]);
    release();
    await writing;
  });
});
