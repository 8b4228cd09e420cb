import { afterEach, describe, expect, it, vi } from "vitest";
import { ExpiringMap } from "./expiring-map";

describe("ExpiringMap", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("returns live values and drops expired ones when read", () => {
    const map = new ExpiringMap(1, { sweepIntervalMs: 0 });
    map.set("a", 100, 0);
    expect(map.get("a", 99)).toBe(100);
    expect(map.get("a", 100)).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it("sweeps every expired entry and keeps the live ones", () => {
    const map = new ExpiringMap(1, { sweepIntervalMs: 0 });
    for (let i = 0; i < 10; i++) map.set(`k${i}`, i * 10, 0);
    expect(map.sweep(45)).toBe(5);
    expect(map.size).toBe(5);
    expect(map.get("k5", 45)).toBe(50);
  });

  it("sweeps on an unref'd timer using the real clock in the map's unit", () => {
    vi.useFakeTimers({ now: 1_000 });
    const map = new ExpiringMap(1000, { sweepIntervalMs: 500 });
    map.set("gone", 1_200_000, 0); // µs: expires at 1 200 ms
    map.set("kept", 5_000_000, 0);
    vi.advanceTimersByTime(500);
    expect(map.size).toBe(1);
    map.close();
    map.set("later", 1, 0);
    vi.advanceTimersByTime(5_000);
    expect(map.size).toBe(2); // closed: no more sweeps
  });

  it("never holds more than maxEntries, evicting the oldest-written first", () => {
    const map = new ExpiringMap(1, { maxEntries: 10, sweepIntervalMs: 0 });
    for (let i = 0; i < 10; i++) map.set(`k${i}`, 1_000, 0);
    map.set("k0", 1_000, 0); // re-written: now the newest
    map.set("new", 1_000, 0);
    expect(map.size).toBeLessThanOrEqual(10);
    expect(map.get("k1", 0)).toBeUndefined();
    expect(map.get("k0", 0)).toBe(1_000);
    expect(map.get("new", 0)).toBe(1_000);
    for (let i = 0; i < 1_000; i++) map.set(`flood${i}`, 1_000, 0);
    expect(map.size).toBeLessThanOrEqual(10);
  });

  it("prefers dropping expired entries to evicting live ones", () => {
    const map = new ExpiringMap(1, { maxEntries: 3, sweepIntervalMs: 0 });
    map.set("live", 1_000, 0);
    map.set("old1", 5, 0);
    map.set("old2", 5, 0);
    map.set("fresh", 1_000, 10);
    expect(map.get("live", 10)).toBe(1_000);
    expect(map.get("fresh", 10)).toBe(1_000);
  });
});
