import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ReplayStore } from "./types";

export interface ReplayStoreFixture {
  store: ReplayStore;
  /** The clock the store reads (ms epoch). */
  now(): number;
  /** Moves that clock forward: a fake clock jumps, a real one is waited for. */
  advance(ms: number): Promise<void>;
}

/** The behaviour every ReplayStore must show; run against each implementation. */
export function describeReplayStore(name: string, getFixture: () => ReplayStoreFixture): void {
  describe(name, () => {
    const keyId = () => `key_${randomUUID()}`;

    it("reports a (key id, jti) pair as new once, then as seen", async () => {
      const { store, now } = getFixture();
      const k = keyId();
      expect(await store.markSeen(k, "jti-1", now() + 60_000)).toBe(true);
      expect(await store.markSeen(k, "jti-1", now() + 60_000)).toBe(false);
      expect(await store.markSeen(k, "jti-1", now() + 60_000)).toBe(false);
    });

    it("keeps different key ids and jtis apart, including look-alike pairs", async () => {
      const { store, now } = getFixture();
      const k = keyId();
      const exp = now() + 60_000;
      expect(await store.markSeen(k, "a", exp)).toBe(true);
      expect(await store.markSeen(k, "b", exp)).toBe(true);
      expect(await store.markSeen(`${k}-other`, "a", exp)).toBe(true);
      expect(await store.markSeen(`${k}:x`, "y", exp)).toBe(true);
      expect(await store.markSeen(k, "x:y", exp)).toBe(true);
    });

    it("forgets a pair once its expiry has passed", async () => {
      const { store, now, advance } = getFixture();
      const k = keyId();
      expect(await store.markSeen(k, "jti", now() + 100)).toBe(true);
      expect(await store.markSeen(k, "jti", now() + 100)).toBe(false);
      await advance(150);
      expect(await store.markSeen(k, "jti", now() + 100)).toBe(true);
      expect(await store.markSeen(k, "jti", now() + 100)).toBe(false);
    });

    it("does not remember a pair whose expiry is already past", async () => {
      const { store, now } = getFixture();
      const k = keyId();
      expect(await store.markSeen(k, "old", now() - 1)).toBe(true);
      expect(await store.markSeen(k, "old", now() - 1)).toBe(true);
    });

    it("lets exactly one of many concurrent uses through", async () => {
      const { store, now } = getFixture();
      const k = keyId();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => store.markSeen(k, "race", now() + 60_000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("rejects a non-finite expiry", async () => {
      const { store } = getFixture();
      await expect(store.markSeen(keyId(), "jti", Number.NaN)).rejects.toThrow(RangeError);
      await expect(store.markSeen(keyId(), "jti", Number.POSITIVE_INFINITY)).rejects.toThrow(RangeError);
    });
  });
}
