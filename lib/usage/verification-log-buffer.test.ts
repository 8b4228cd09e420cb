import { describe, expect, it } from "vitest";
import { type UsageBatch, UsageBuffer } from "./usage-buffer";
import { type LogEntry, VerificationLogBuffer } from "./verification-log-buffer";

const T0 = Date.UTC(2026, 0, 1, 10, 0, 5);
const entry = (at = T0, keyId = "key_a"): LogEntry => ({
  tenantId: "t1",
  keyId,
  at,
  outcome: "VALID",
  ip: "192.0.2.1",
  route: "whoami",
  userAgent: "curl/8",
  scopes: null,
  weight: 0,
});

describe("VerificationLogBuffer sampling", () => {
  it("keeps every entry up to the per-key rate, then one in k with weight k", () => {
    const log = new VerificationLogBuffer({ maxEntries: 10_000, perKeyPerSecond: 5, sampleOneIn: 10 });
    for (let i = 0; i < 105; i++) log.record(entry(T0 + (i % 1000) / 1000));
    const kept = log.drain();
    expect(kept.filter((e) => e.weight === 1)).toHaveLength(5);
    const sampled = kept.filter((e) => e.weight === 10);
    expect(sampled).toHaveLength(10);
    expect(kept).toHaveLength(15);
    expect(log.sampledOut).toBe(90);
    // Weights account for what was seen: 5 + 10 × 10 = 105.
    expect(kept.reduce((sum, e) => sum + e.weight, 0)).toBe(105);
  });

  it("never samples out an address the key has not been logged from this second", () => {
    const log = new VerificationLogBuffer({ maxEntries: 10_000, perKeyPerSecond: 2, sampleOneIn: 100 });
    for (let i = 0; i < 50; i++) log.record(entry(T0));
    log.record({ ...entry(T0), ip: "198.51.100.9" });
    log.record({ ...entry(T0), ip: "198.51.100.9" });
    log.record({ ...entry(T0 + 1000), ip: "203.0.113.4" });
    const kept = log.drain();
    expect(kept.map((e) => `${e.ip}:${e.weight}`)).toEqual([
      "192.0.2.1:1",
      "192.0.2.1:1",
      "192.0.2.1:100",
      "198.51.100.9:1",
      "203.0.113.4:1",
    ]);
    expect(log.sampledOut).toBe(48);
  });

  it("counts each key and each second apart", () => {
    const log = new VerificationLogBuffer({ maxEntries: 10_000, perKeyPerSecond: 2, sampleOneIn: 100 });
    for (let i = 0; i < 3; i++) log.record(entry(T0, "key_a"));
    for (let i = 0; i < 2; i++) log.record(entry(T0, "key_b"));
    for (let i = 0; i < 2; i++) log.record(entry(T0 + 1000, "key_a"));
    for (let i = 0; i < 3; i++) log.record(entry(T0 + 1000, "key_b"));
    const kept = log.drain();
    // Past the rate, the first one is kept at once (weight 100), the next 99 would not be.
    expect(kept.map((e) => `${e.keyId}:${e.weight}`)).toEqual([
      "key_a:1",
      "key_a:1",
      "key_a:100",
      "key_b:1",
      "key_b:1",
      "key_a:1",
      "key_a:1",
      "key_b:1",
      "key_b:1",
      "key_b:100",
    ]);
    expect(log.sampledOut).toBe(0);
    log.record(entry(T0 + 1000, "key_b"));
    expect(log.sampledOut).toBe(1);
  });
});

describe("VerificationLogBuffer bound", () => {
  it("drops new entries past maxEntries and counts them", () => {
    const drops: number[] = [];
    const log = new VerificationLogBuffer({
      maxEntries: 100,
      perKeyPerSecond: 1_000_000,
      sampleOneIn: 1,
      onDrop: (n) => drops.push(n),
    });
    for (let i = 0; i < 130; i++) log.record(entry(T0, `key_${i}`));
    expect(log.pending).toBe(100);
    expect(log.dropped).toBe(30);
    expect(drops.reduce((a, b) => a + b, 0)).toBe(30);
    expect(log.drain()[99]?.keyId).toBe("key_99");
    expect(log.pending).toBe(0);
  });
});

describe("log entries ride with the usage batch", () => {
  it("a failed write keeps its entries and retries them, once", async () => {
    const log = new VerificationLogBuffer({ maxEntries: 100, perKeyPerSecond: 100, sampleOneIn: 1 });
    const written: UsageBatch[] = [];
    let failing = true;
    const usage = new UsageBuffer(
      async (batch) => {
        if (failing) throw new Error("database is away");
        written.push(structuredClone(batch));
      },
      { log },
    );
    log.record(entry(T0));
    await expect(usage.flush()).rejects.toThrow("database is away");
    log.record(entry(T0 + 10));
    failing = false;
    await usage.flush();
    expect(written.map((batch) => batch.log.map((e) => e.at))).toEqual([[T0], [T0 + 10]]);
    await usage.flush();
    expect(written).toHaveLength(2);
  });

  it("a flush with only log entries still writes", async () => {
    const log = new VerificationLogBuffer({ maxEntries: 100, perKeyPerSecond: 100, sampleOneIn: 1 });
    const written: UsageBatch[] = [];
    const usage = new UsageBuffer(async (batch) => void written.push(batch), { log });
    log.record(entry());
    await usage.flush();
    expect(written[0]?.log).toHaveLength(1);
  });
});
