import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ReplayStore } from "./types";

export interface ReplayStoreFixture {
  store: ReplayStore;
  /** The clock the store reads (ms epoch). */
  now(): number;
  /** Moves that clock forward: a fake clock jumps, a real one is waited for. */
  advance(ms: number): Promise<void>;
  /**
   * More records than one tenant may hold in this store (the memory store's per-tenant bound; for
   * Redis, which has none of its own, a flood of the same size).
   */
  floodSize: number;
}

/** The behaviour every ReplayStore must show; run against each implementation. */
export function describeReplayStore(name: string, getFixture: () => ReplayStoreFixture): void {
  describe(name, () => {
    const keyId = () => `key_${randomUUID()}`;
    const tenant = () => `ten_${randomUUID()}`;
    const mark = (store: ReplayStore, keyId: string, jti: string, expiresAtMs: number, tenantId = "ten_a") =>
      store.markSeen({ tenantId, keyId, jti, expiresAtMs });
    const seen = (store: ReplayStore, keyId: string, jti: string, tenantId = "ten_a") =>
      store.has({ tenantId, keyId, jti });

    it("reports a (key id, jti) pair as new once, then as seen", async () => {
      const { store, now } = getFixture();
      const k = keyId();
      expect(await seen(store, k, "jti-1")).toBe(false);
      expect(await mark(store, k, "jti-1", now() + 60_000)).toBe(true);
      expect(await seen(store, k, "jti-1")).toBe(true);
      expect(await mark(store, k, "jti-1", now() + 60_000)).toBe(false);
      expect(await mark(store, k, "jti-1", now() + 60_000)).toBe(false);
    });

    it("`has` only looks: asking never records the pair", async () => {
      const { store, now } = getFixture();
      const k = keyId();
      expect(await seen(store, k, "look")).toBe(false);
      expect(await seen(store, k, "look")).toBe(false);
      expect(await mark(store, k, "look", now() + 60_000)).toBe(true);
    });

    it("keeps different key ids and jtis apart, including look-alike pairs", async () => {
      const { store, now } = getFixture();
      const k = keyId();
      const exp = now() + 60_000;
      expect(await mark(store, k, "a", exp)).toBe(true);
      expect(await mark(store, k, "b", exp)).toBe(true);
      expect(await mark(store, `${k}-other`, "a", exp)).toBe(true);
      expect(await mark(store, `${k}:x`, "y", exp)).toBe(true);
      expect(await mark(store, k, "x:y", exp)).toBe(true);
      expect(await seen(store, `${k}:x`, "y")).toBe(true);
      expect(await seen(store, k, "x:z")).toBe(false);
    });

    it("forgets a pair once its expiry has passed", async () => {
      const { store, now, advance } = getFixture();
      const k = keyId();
      expect(await mark(store, k, "jti", now() + 100)).toBe(true);
      expect(await mark(store, k, "jti", now() + 100)).toBe(false);
      await advance(150);
      expect(await seen(store, k, "jti")).toBe(false);
      expect(await mark(store, k, "jti", now() + 100)).toBe(true);
      expect(await mark(store, k, "jti", now() + 100)).toBe(false);
    });

    it("does not remember a pair whose expiry is already past", async () => {
      const { store, now } = getFixture();
      const k = keyId();
      expect(await mark(store, k, "old", now() - 1)).toBe(true);
      expect(await mark(store, k, "old", now() - 1)).toBe(true);
    });

    it("lets exactly one of many concurrent uses through", async () => {
      const { store, now } = getFixture();
      const k = keyId();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => mark(store, k, "race", now() + 60_000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("one tenant flooding fresh jtis never evicts another tenant's records", async () => {
      const { store, now, floodSize } = getFixture();
      const victim = tenant();
      const victimKey = keyId();
      expect(await mark(store, victimKey, "precious", now() + 60_000, victim)).toBe(true);
      const attacker = tenant();
      const attackerKey = keyId();
      for (let i = 0; i < floodSize; i += 100) {
        await Promise.all(
          Array.from({ length: 100 }, (_, j) =>
            mark(store, attackerKey, `f${i + j}`, now() + 60_000, attacker),
          ),
        );
      }
      expect(await seen(store, victimKey, "precious", victim)).toBe(true);
      expect(await mark(store, victimKey, "precious", now() + 60_000, victim)).toBe(false);
    });

    it("rejects a non-finite expiry", async () => {
      const { store } = getFixture();
      await expect(mark(store, keyId(), "jti", Number.NaN)).rejects.toThrow(RangeError);
      await expect(mark(store, keyId(), "jti", Number.POSITIVE_INFINITY)).rejects.toThrow(RangeError);
    });
  });
}
